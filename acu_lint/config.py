"""Configuration: ``.acu-lint.yaml`` or ``[tool.acu-lint]`` in ``pyproject.toml``.

The nearest config file walking up from a linted file applies to it (``--config``
overrides for every file). YAML is read with ``yaml.safe_load`` only. Unknown
keys, unknown rule ids and bad values are errors that name the file and key.
"""
from __future__ import annotations

import fnmatch
import math
import os
from dataclasses import dataclass, field
from typing import Any

from acu_lint.model import SEVERITIES, AcuLintError, ConfigError
from acu_lint.rules import Registry

CONFIG_NAMES = (".acu-lint.yaml", ".acu-lint.yml", "acu-lint.yaml")

TOP_LEVEL_KEYS = {
    "select": "list of rule ids to run (replaces the default set; 'ALL' for every rule)",
    "extend-select": "rule ids to run in addition to the selection",
    "ignore": "rule ids not to run",
    "exclude": "glob patterns of files or folders to skip",
    "extend-exclude": "more glob patterns to skip",
    "per-file-ignores": "mapping of glob pattern to rule ids ignored for matching files",
    "severity": "mapping of rule id to error, warning or info",
    "rules": "mapping of rule id to its options",
    "fail-on": "lowest severity that makes the run fail: error, warning or info",
    "extensions": "file extensions linted when a folder is given",
    "cache-dir": "where the result cache lives (relative to this file)",
    "follow-symlinks": "walk links to folders inside the paths named (true or false; default false)",
    "respect-gitignore": "skip what git ignores when walking a folder (true or false; default true)",
}

DEFAULT_EXTENSIONS = [".md", ".markdown", ".txt", ".html", ".htm"]
DEFAULT_EXCLUDE = [".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".acu-lint-cache"]


@dataclass
class Config:
    path: str | None = None  # file it came from
    root: str = "."  # folder that relative globs are resolved against
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str | None = None
    extensions: list[str] = field(default_factory=lambda: list(DEFAULT_EXTENSIONS))
    cache_dir: str | None = None
    follow_symlinks: bool = False  # folder walks: follow links to folders (never out of the paths named)
    respect_gitignore: bool = True  # folder walks: skip what git ignores
    raw: dict[str, Any] = field(default_factory=dict)
    # config files beside this one that do not apply (".acu-lint.yaml wins over
    # [tool.acu-lint]"): named once on stderr and by --show-settings
    shadowed: list[str] = field(default_factory=list)

    def notice(self) -> str | None:
        """A one-line notice when another config file sits beside this one and is ignored."""
        if not self.shadowed or not self.path:
            return None
        others = " and ".join(_display(o) for o in self.shadowed)
        return (f"note: {_display(self.path)} applies; {others} beside it {'is' if len(self.shadowed) == 1 else 'are'} "
                f"ignored (one config file applies per folder, in the order {', '.join(CONFIG_NAMES)}, "
                "pyproject.toml; settings are not merged)")

    def where(self) -> str:
        return self.path or "defaults"

    # -- selection -------------------------------------------------------
    def enabled_rules(self, registry: Registry, rel_path: str | None = None,
                      cli_select: list[str] | None = None, cli_extend: list[str] | None = None,
                      cli_ignore: list[str] | None = None) -> list[str]:
        select = cli_select if cli_select else self.select
        if select is None:
            ids = set(registry.default_ids())
        elif "ALL" in select:
            ids = set(registry.ids())
        else:
            ids = set(select)
        ids |= set(self.extend_select) | set(cli_extend or [])
        ids -= set(self.ignore) | set(cli_ignore or [])
        if rel_path is not None:
            for pattern, rule_ids in self.per_file_ignores.items():
                if path_matches(rel_path, pattern):
                    ids -= set(rule_ids)
        return sorted(i for i in ids if i in registry)

    def is_excluded(self, path: str) -> bool:
        rel = relative_to(path, self.root)
        return any(path_matches(rel, p) for p in self.exclude)


def _display(path: str) -> str:
    """A path as the user would type it: relative when it is under the current folder."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def relative_to(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # different drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def path_matches(rel: str, pattern: str) -> bool:
    """Glob match of a relative path: the whole path, any trailing part, or any
    folder in it ("drafts" matches "drafts/a.md" and "x/drafts/b.md")."""
    pattern = pattern.strip().rstrip("/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    if not pattern:
        return False
    parts = rel.split("/")
    if fnmatch.fnmatchcase(rel, pattern):
        return True
    if pattern.endswith("/**") and (rel == pattern[:-3] or rel.startswith(pattern[:-3] + "/")):
        return True
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in parts)
    for i in range(1, len(parts)):
        if fnmatch.fnmatchcase("/".join(parts[i:]), pattern) or fnmatch.fnmatchcase("/".join(parts[:i]), pattern):
            return True
    return False


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------
def _read_yaml(path: str) -> dict[str, Any]:
    import yaml

    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not valid UTF-8") from None
    except RecursionError:
        raise ConfigError(f"{path}: config is nested too deeply") from None
    except yaml.constructor.ConstructorError as exc:
        # safe_load refuses tags such as !!python/object: say so plainly
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = (getattr(exc, "problem", None) or str(exc)).splitlines()[0]
        raise ConfigError(f"{path}{where}: YAML tag not allowed (only plain YAML is read): {problem}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}{where}: YAML syntax error: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping of keys, not {type(data).__name__}")
    return data


def _read_pyproject(path: str) -> dict[str, Any] | None:
    try:
        import tomllib  # type: ignore[import-not-found]
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: TOML is nested too deeply") from None
    section = data.get("tool", {}).get("acu-lint")
    if section is None:
        return None
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.acu-lint] must be a table")
    return section


def load_config_file(path: str, registry: Registry) -> Config:
    if os.path.basename(path) == "pyproject.toml":
        data = _read_pyproject(path)
        if data is None:
            raise ConfigError(f"{path}: has no [tool.acu-lint] section")
    else:
        data = _read_yaml(path)
    cfg = parse_config(data, path, registry)
    cfg.shadowed = shadowed_configs(path)
    return cfg


def shadowed_configs(path: str) -> list[str]:
    """The other config files in ``path``'s folder that lose to it (found
    config files only: an explicit --config names the one it wants)."""
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    if name not in CONFIG_NAMES:
        return []
    out = []
    for other in CONFIG_NAMES[CONFIG_NAMES.index(name) + 1:]:
        if os.path.isfile(os.path.join(folder, other)):
            out.append(os.path.join(os.path.dirname(path), other))
    pp = os.path.join(folder, "pyproject.toml")
    if os.path.isfile(pp):
        try:
            has_table = _read_pyproject(pp) is not None
        except ConfigError:
            has_table = False  # not read at all: nothing of it applies either way
        if has_table:
            out.append(os.path.join(os.path.dirname(path), "pyproject.toml") + " [tool.acu-lint]")
    return out


def find_config_file(start_dir: str) -> str | None:
    """The nearest config file at or above ``start_dir``."""
    d = os.path.abspath(start_dir)
    while True:
        for name in CONFIG_NAMES:
            p = os.path.join(d, name)
            if os.path.isfile(p):
                return p
        pp = os.path.join(d, "pyproject.toml")
        if os.path.isfile(pp):
            try:
                if _read_pyproject(pp) is not None:
                    return pp
            except ConfigError:
                return pp  # report the syntax error when it is loaded
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def _str_list(value: Any, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return value


def did_you_mean(name: str, known) -> str:
    """``: did you mean 'x'?`` for the closest of ``known`` (difflib), or ""."""
    import difflib

    close = difflib.get_close_matches(str(name), list(known), n=2, cutoff=0.75)
    if not close:
        return ""
    return ": did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def _rule_ids(value: Any, key: str, where: str, registry: Registry, allow_all: bool = False) -> list[str]:
    ids = _str_list(value, key, where)
    for rid in ids:
        if rid == "ALL" and allow_all:
            continue
        if rid not in registry:
            raise ConfigError(f"{where}: '{key}' names unknown rule '{rid}'{did_you_mean(rid, registry.ids())} "
                              "(see `acu-lint rules`)")
    return ids


def check_option_types(rule_id: str, defaults: dict[str, Any], options: dict[str, Any], where: str) -> None:
    for name, value in options.items():
        key = f"rules.{rule_id}.{name}"
        if name not in defaults:
            known = ", ".join(sorted(defaults)) or "none"
            raise ConfigError(f"{where}: unknown option '{key}' (options of {rule_id}: {known})")
        default = defaults[name]
        if default is None:
            continue
        ok = True
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, (int, float)):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            if ok and isinstance(default, int) and isinstance(value, float) and value.is_integer():
                options[name] = int(value)  # "3.0" where a count is expected
        elif isinstance(default, str):
            ok = isinstance(value, str)
        elif isinstance(default, list):
            # an empty default list means a list of strings (phrases, patterns, words)
            item_type = type(default[0]) if default else str
            ok = isinstance(value, list) and all(isinstance(v, item_type) for v in value)
        elif isinstance(default, dict):
            ok = isinstance(value, dict)
        if not ok:
            raise ConfigError(f"{where}: '{key}' must be {_type_name(default)}, got {value!r}")


def _type_name(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, (int, float)):
        return "a number"
    if isinstance(default, str):
        return "a string"
    if isinstance(default, list):
        return "a list of " + ({"str": "strings"}.get(type(default[0]).__name__, type(default[0]).__name__)
                               if default else "strings")
    if isinstance(default, dict):
        return "a mapping"
    return type(default).__name__


def parse_config(data: dict[str, Any], path: str | None, registry: Registry) -> Config:
    try:
        return _parse_config(data, path, registry)
    except ConfigError as exc:
        msg = str(exc)
        if "\n" in msg or "\r" in msg:  # a key or value with a line break: keep the error one line
            raise ConfigError(msg.replace("\r", "\\r").replace("\n", "\\n")) from None
        raise


def _parse_config(data: dict[str, Any], path: str | None, registry: Registry) -> Config:
    where = path or "config"
    cfg = Config(path=path, root=os.path.dirname(os.path.abspath(path)) if path else os.getcwd(), raw=data)
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(TOP_LEVEL_KEYS))})")
    if "select" in data:
        cfg.select = _rule_ids(data["select"], "select", where, registry, allow_all=True)
    if "extend-select" in data:
        cfg.extend_select = _rule_ids(data["extend-select"], "extend-select", where, registry)
    if "ignore" in data:
        cfg.ignore = _rule_ids(data["ignore"], "ignore", where, registry)
    cfg.exclude = list(DEFAULT_EXCLUDE)
    if "exclude" in data:
        cfg.exclude = list(DEFAULT_EXCLUDE) + _str_list(data["exclude"], "exclude", where)
    if "extend-exclude" in data:
        cfg.exclude += _str_list(data["extend-exclude"], "extend-exclude", where)
    if "per-file-ignores" in data:
        pfi = data["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{where}: 'per-file-ignores' must map glob patterns to rule ids")
        for pattern, ids in pfi.items():
            cfg.per_file_ignores[str(pattern)] = _rule_ids(ids, f"per-file-ignores.{pattern}", where, registry)
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict):
            raise ConfigError(f"{where}: 'severity' must map rule ids to error, warning or info")
        for rid, level in sev.items():
            if rid not in registry:
                raise ConfigError(f"{where}: 'severity' names unknown rule '{rid}'{did_you_mean(rid, registry.ids())}")
            if level not in SEVERITIES:
                raise ConfigError(f"{where}: 'severity.{rid}' must be error, warning or info, got {level!r}")
            cfg.severity[rid] = level
    if "rules" in data:
        rules = data["rules"]
        if not isinstance(rules, dict):
            raise ConfigError(f"{where}: 'rules' must map rule ids to their options")
        for rid, opts in rules.items():
            if rid not in registry:
                raise ConfigError(f"{where}: 'rules' names unknown rule '{rid}'{did_you_mean(rid, registry.ids())} "
                                  "(see `acu-lint rules`)")
            if opts is None:
                opts = {}
            if not isinstance(opts, dict):
                raise ConfigError(f"{where}: 'rules.{rid}' must be a mapping of options")
            rule = registry[rid]
            check_option_types(rid, rule.options, opts, where)
            if rule.validate is not None:
                merged = {**rule.options, **opts}
                try:
                    rule.validate(merged)
                except (ValueError, TypeError) as exc:
                    raise ConfigError(f"{where}: 'rules.{rid}': {exc}") from None
                except AcuLintError as exc:  # e.g. a bad user pattern (acu_lint.patterns)
                    raise ConfigError(f"{where}: 'rules.{rid}': {exc}") from None
                except Exception as exc:  # a validate() bug must not end in a traceback
                    raise ConfigError(f"{where}: 'rules.{rid}': invalid options ({type(exc).__name__}: {exc})") from None
            cfg.rules[rid] = dict(opts)
    if "fail-on" in data:
        if data["fail-on"] not in SEVERITIES:
            raise ConfigError(f"{where}: 'fail-on' must be error, warning or info, got {data['fail-on']!r}")
        cfg.fail_on = data["fail-on"]
    if "extensions" in data:
        exts = _str_list(data["extensions"], "extensions", where)
        cfg.extensions = [e if e.startswith(".") else "." + e for e in exts]
    if "cache-dir" in data:
        if not isinstance(data["cache-dir"], str):
            raise ConfigError(f"{where}: 'cache-dir' must be a string")
        cfg.cache_dir = data["cache-dir"]
    for key in ("follow-symlinks", "respect-gitignore"):
        if key in data:
            if not isinstance(data[key], bool):
                raise ConfigError(f"{where}: '{key}' must be true or false, got {data[key]!r}")
            setattr(cfg, key.replace("-", "_"), data[key])
    return cfg


def default_config(registry: Registry, root: str | None = None) -> Config:
    cfg = parse_config({}, None, registry)
    if root:
        cfg.root = root
    return cfg


class ConfigResolver:
    """Finds and caches the config that applies to each file."""

    def __init__(self, registry: Registry, explicit: str | None = None):
        self.registry = registry
        self._by_path: dict[str, Config] = {}
        self._by_dir: dict[str, Config] = {}
        self.explicit = load_config_file(explicit, registry) if explicit else None
        if self.explicit is not None:
            self.explicit.shadowed = []  # --config names the file it wants: nothing to point out

    def for_file(self, path: str) -> Config:
        if self.explicit is not None:
            return self.explicit
        d = os.path.dirname(os.path.abspath(path))
        return self.for_dir(d)

    def for_dir(self, d: str) -> Config:
        if self.explicit is not None:
            return self.explicit
        d = os.path.abspath(d)
        if d in self._by_dir:
            return self._by_dir[d]
        found = find_config_file(d)
        if found is None:
            cfg = self._by_path.get("")
            if cfg is None:
                cfg = default_config(self.registry, os.getcwd())
                self._by_path[""] = cfg
        else:
            cfg = self._by_path.get(found)
            if cfg is None:
                cfg = load_config_file(found, self.registry)
                self._by_path[found] = cfg
        self._by_dir[d] = cfg
        return cfg

    def loaded(self) -> list[Config]:
        """Every config used so far (for run-wide settings such as fail-on)."""
        out = [self.explicit] if self.explicit is not None else []
        return out + [c for c in self._by_path.values() if c not in out]

    def rule_options(self, cfg: Config, rule_id: str) -> dict[str, Any]:
        rule = self.registry[rule_id]
        return {**rule.options, **cfg.rules.get(rule_id, {})}
