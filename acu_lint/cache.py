"""The result cache: findings of unchanged files are not computed twice.

An entry holds the findings (with their fixes) of one file for one rule set-up.
It is found and checked by

* the file's path and the BLAKE2b hash of its decoded text (never its mtime: a fresh
  CI checkout gives every file a new mtime, and a file edited within the same
  second keeps its old one);
* the effective configuration of that file: the enabled rules, each rule's
  options, default severity and ``severity:`` override;
* the code that produced the findings: the acu-lint version, a hash of
  acu-lint's own modules, and for every enabled rule a hash of its module's
  package (its ``.py`` files and the data files beside them, such as the YAML
  phrase lists, and a ``data/`` folder), plus the rule's optional
  ``CACHE_VERSION`` attribute and ``cache_token(options)`` function for inputs
  that live elsewhere (an external server, a downloaded dictionary).

A rule whose results depend on things none of that captures sets
``CACHEABLE = False``: files linted with it enabled are never cached.

Only plain lint runs are cached (not ``--fix`` or ``--diff``), and only clean
results: a run in which a rule failed or a backend was unavailable is not
stored.

Where: ``.acu-lint-cache/`` beside the config file that applies to the file
(``cache-dir`` in the config moves it, relative to the config file), or in the
current folder when there is no config; ``ACU_LINT_CACHE_DIR`` overrides both.
Results go to ``<cache>/results/<code fingerprint>/<aa>/<key>.json``: one JSON
object with the format, the content hash, the set-up hash, the findings and a
BLAKE2b hash of the findings (in compact ASCII JSON); findings that do not match
their checksum (a disk error, a hand edit) make the entry a miss. One file
per (path, rule set-up), overwritten when the file changes, so the cache does
not grow with edits; of the folders of older code versions only the
``KEEP_VERSIONS`` most recently used are kept. Writes go to a temp file in the
same folder and are renamed into place, so processes running at once never see
half an entry; an entry that cannot be read or parsed counts as a miss and is
rebuilt.
``acu-lint clean`` removes the folder.
"""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
from typing import Any, Iterable

from acu_lint import __version__
from acu_lint.model import Edit, Finding, Fix

try:  # CPython's own BLAKE2: no OpenSSL to load, which hashlib costs every start (5-8 ms)
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b as _blake2b


def new_hash(data: bytes = b""):
    """A new 256-bit BLAKE2b hash object over ``data`` (all cache keys and checksums)."""
    return _blake2b(data, digest_size=32)


CACHE_DIR_NAME = ".acu-lint-cache"
ENV_CACHE_DIR = "ACU_LINT_CACHE_DIR"  # shared with the grammar rule's paragraph cache
FORMAT = 3  # 2: with a checksum of the findings; 3: BLAKE2b keys and checksums
KEEP_VERSIONS = 4  # code-fingerprint folders kept (older ones are pruned)
_TAG_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"  # https://bford.info/cachedir/
_DATA_EXTS = (".py", ".yaml", ".yml", ".json", ".txt", ".toml", ".csv", ".tsv")


# ---------------------------------------------------------------------------
# Where
# ---------------------------------------------------------------------------
def cache_root(cfg: Any = None) -> str:
    """The cache folder for files governed by ``cfg`` (a :class:`Config` or None)."""
    env = os.environ.get(ENV_CACHE_DIR, "").strip()
    if env:
        return os.path.abspath(env)
    cfg_path = getattr(cfg, "path", None)
    base = os.path.dirname(os.path.abspath(cfg_path)) if cfg_path else os.getcwd()
    custom = getattr(cfg, "cache_dir", None)
    if custom:
        return os.path.abspath(os.path.join(base, os.path.expanduser(custom)))
    return os.path.join(base, CACHE_DIR_NAME)


def looks_like_cache(folder: str) -> bool:
    """True for a folder acu-lint created (safe to delete as a whole)."""
    if os.path.basename(os.path.normpath(folder)) == CACHE_DIR_NAME:
        return True
    try:
        with open(os.path.join(folder, "CACHEDIR.TAG"), encoding="utf-8") as fh:
            return fh.read(len(_TAG_SIGNATURE)) == _TAG_SIGNATURE
    except OSError:
        return False


_OWN_ENTRIES = ("results", "grammar", "CACHEDIR.TAG", ".gitignore")


def remove_cache(folder: str) -> tuple[bool, str | None]:
    """Delete a cache folder. Returns (removed, problem).

    Only what acu-lint puts there is deleted (``results/``, ``grammar/``, its
    tag and .gitignore, temp files); the folder itself goes when that leaves it
    empty. So a ``cache-dir`` pointed at a folder holding other files never
    costs those files."""
    if not os.path.lexists(folder):
        return False, None
    if os.path.islink(folder) or not os.path.isdir(folder):
        return False, f"{folder}: not a cache folder (not a directory); left as it is"
    if not looks_like_cache(folder):
        return False, (f"{folder}: does not look like an acu-lint cache (no CACHEDIR.TAG from acu-lint); "
                       "left as it is")
    last: OSError | None = None
    for _ in range(3):  # another process may be writing an entry right now
        last = None
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            return True, None
        except OSError as exc:
            return False, f"{folder}: could not remove the cache: {exc.strerror or exc}"
        for name in names:
            full = os.path.join(folder, name)
            if name not in _OWN_ENTRIES and not name.startswith(".tmp-"):
                continue
            if name == ".gitignore" and not _created_by_us(full):
                continue
            try:
                if os.path.isdir(full) and not os.path.islink(full):
                    shutil.rmtree(full)
                else:
                    os.unlink(full)
            except FileNotFoundError:
                pass
            except OSError as exc:
                last = exc
        try:
            os.rmdir(folder)
        except FileNotFoundError:
            pass
        except OSError as exc:
            if os.path.isdir(folder) and any(n in _OWN_ENTRIES or n.startswith(".tmp-")
                                             for n in os.listdir(folder)):
                last = last or exc
                continue  # an entry appeared meanwhile: go round again
            # other files of the user's are left in a custom cache-dir
        if last is None:
            return True, None
    return False, f"{folder}: could not remove the cache: {getattr(last, 'strerror', None) or last}"


def _created_by_us(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read(64).startswith("# created by acu-lint")
    except (OSError, UnicodeDecodeError):
        return False


def _prepare_root(root: str) -> None:
    """Create the cache folder with a CACHEDIR.TAG and a .gitignore of '*'."""
    os.makedirs(root, exist_ok=True)
    for name, text in (("CACHEDIR.TAG", f"{_TAG_SIGNATURE}\n# This folder is a cache created by acu-lint "
                                         "(`acu-lint clean` removes it).\n"),
                       (".gitignore", "# created by acu-lint\n*\n")):
        p = os.path.join(root, name)
        if not os.path.exists(p):
            _atomic_write_text(p, text)


def _atomic_write_text(path: str, text: str) -> None:
    from acu_lint.fsutil import write_atomic

    # mode 0644: mkstemp makes 0600; a CI cache may be shared between users
    write_atomic(path, text.encode("utf-8"), mode=0o644, prefix=".tmp-", suffix=".part")


# ---------------------------------------------------------------------------
# Fingerprints of the code
# ---------------------------------------------------------------------------
_FILE_HASHES: dict[str, str] = {}
_MODULE_PRINTS: dict[str, str] = {}
_CODE_PRINT: str | None = None


def _hash_files(paths: Iterable[str]) -> str:
    h = new_hash()
    for p in sorted(paths):
        digest = _FILE_HASHES.get(p)
        if digest is None:
            try:
                with open(p, "rb") as fh:
                    digest = new_hash(fh.read()).hexdigest()
            except OSError:
                digest = "missing"
            _FILE_HASHES[p] = digest
        h.update(os.path.basename(p).encode("utf-8", "surrogateescape") + b"\0" + digest.encode() + b"\n")
    return h.hexdigest()


def _folder_files(folder: str, recurse_data: bool = True) -> list[str]:
    out: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return out
    for name in names:
        full = os.path.join(folder, name)
        if name.endswith(_DATA_EXTS) and os.path.isfile(full):
            out.append(full)
        elif recurse_data and name == "data" and os.path.isdir(full):
            for dirpath, _dirs, files in os.walk(full):
                out.extend(os.path.join(dirpath, f) for f in files if f.endswith(_DATA_EXTS))
    return out


def code_fingerprint() -> str:
    """acu-lint's version, its own modules (document model, engine...) and the
    Python version (regex behaviour)."""
    global _CODE_PRINT
    if _CODE_PRINT is None:
        here = os.path.dirname(os.path.abspath(__file__))
        files = _folder_files(here, recurse_data=True)
        h = new_hash(f"acu-lint {__version__} format {FORMAT} py{sys.version_info[0]}.{sys.version_info[1]}"
                     .encode())
        h.update(_hash_files(files).encode())
        _CODE_PRINT = h.hexdigest()
    return _CODE_PRINT


def module_fingerprint(module_name: str) -> str:
    """Hash of a rule module's code and data: its package folder's .py and
    data files when it lives in a package, else its own file."""
    fp = _MODULE_PRINTS.get(module_name)
    if fp is not None:
        return fp
    mod = sys.modules.get(module_name)
    file = getattr(mod, "__file__", None)
    parts = [module_name, str(getattr(mod, "CACHE_VERSION", ""))]
    if file:
        file = os.path.abspath(file)
        if "." in module_name:  # package member: the package's helpers and data count too
            parts.append(_hash_files(_folder_files(os.path.dirname(file))))
        else:
            parts.append(_hash_files([file]))
    else:
        parts.append("no-file")
    fp = new_hash("\0".join(parts).encode()).hexdigest()
    _MODULE_PRINTS[module_name] = fp
    return fp


def _rule_module(check: Any) -> Any:
    return sys.modules.get(getattr(check, "__module__", "") or "")


def cacheable(rules: Iterable[Any]) -> bool:
    """False when an enabled rule says its results must not be cached."""
    for r in rules:
        mod = _rule_module(r.check)
        if mod is not None and getattr(mod, "CACHEABLE", True) is False:
            return False
    return True


def setup_key(rules: Iterable[Any]) -> str | None:
    """Key material for a list of :class:`acu_lint.engine.RuleSetup`: ids,
    options, severities and each rule's code fingerprint. None when the
    options cannot be expressed as JSON (then nothing is cached)."""
    items = []
    for r in rules:
        mod_name = getattr(r.check, "__module__", "") or ""
        token = ""
        mod = sys.modules.get(mod_name)
        hook = getattr(mod, "cache_token", None) if mod is not None else None
        if callable(hook):
            try:
                token = str(hook(r.options))
            except Exception:
                return None
        items.append([r.id, r.options, r.severity, r.override, mod_name, getattr(r.check, "__qualname__", ""),
                      module_fingerprint(mod_name), token])
    try:
        return json.dumps(items, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------
# Findings <-> JSON
# ---------------------------------------------------------------------------
_FIELDS = [f.name for f in dataclasses.fields(Finding)]


def finding_to_json(f: Finding) -> dict[str, Any]:
    d: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(f, name)
        if name == "fix":
            if value is not None:
                value = {"safe": value.safe, "description": value.description,
                         "edits": [[e.start, e.end, e.text] for e in value.edits]}
        elif name == "path":
            continue  # filled in on load
        d[name] = value
    return d


def finding_from_json(d: dict[str, Any], path: str) -> Finding:
    d = dict(d)
    fix = d.get("fix")
    if fix is not None:
        d["fix"] = Fix(edits=tuple(Edit(int(a), int(b), str(t)) for a, b, t in fix["edits"]),
                       safe=bool(fix["safe"]), description=str(fix.get("description", "")))
    d["path"] = path
    return Finding(**d)


# ---------------------------------------------------------------------------
# The store
# ---------------------------------------------------------------------------
class ResultCache:
    """Entries under ``<root>/results/<code fingerprint>/``."""

    def __init__(self, root: str):
        self.root = root
        self.folder = os.path.join(root, "results", code_fingerprint()[:20])
        self.ok = True  # becomes False after a write fails (read-only checkout): stop trying
        self.hits = 0
        self.misses = 0
        self._prepared = False
        # setup strings by (config, settings, rule ids): the options of a file follow
        # from those, so the JSON is built once per config, not once per file
        self._setups: dict[tuple, tuple[Any, Any, str | None]] = {}

    # the key ------------------------------------------------------------
    @staticmethod
    def content_hash(text: str) -> str:
        return new_hash(text.encode("utf-8", "surrogatepass")).hexdigest()

    def entry_path(self, path: str, setup: str) -> str:
        h = new_hash()
        h.update(os.path.abspath(path).encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(setup.encode("utf-8", "surrogatepass"))
        key = h.hexdigest()[:40]
        return os.path.join(self.folder, key[:2], key + ".json")

    # reading ------------------------------------------------------------
    def setup(self, rules: list[Any], scope: tuple[Any, Any] | None = None) -> str | None:
        """``setup_key(rules)``, or None when not cacheable. ``scope`` = (config,
        settings) objects that fully determine the rules' options: the result is
        remembered for them (held, so their ids cannot be reused)."""
        if scope is None:
            return setup_key(rules) if cacheable(rules) else None
        key = (id(scope[0]), id(scope[1]), tuple(r.id for r in rules))
        hit = self._setups.get(key)
        if hit is not None and hit[0] is scope[0] and hit[1] is scope[1]:
            return hit[2]
        value = setup_key(rules) if cacheable(rules) else None
        self._setups[key] = (scope[0], scope[1], value)
        return value

    def get(self, path: str, text: str, rules: list[Any], scope: tuple[Any, Any] | None = None
            ) -> list[Finding] | None:
        """The cached findings for this file's current text, or None."""
        setup = self.setup(rules, scope)
        if setup is None:
            return None
        entry = self.entry_path(path, setup)
        try:
            with open(entry, "rb") as fh:
                data = json.loads(fh.read())
            if data.get("format") != FORMAT or data.get("content") != self.content_hash(text) \
                    or data.get("setup") != _sha(setup) or data.get("sum") != _findings_sum(data["findings"]):
                self.misses += 1  # another file version, set-up or format; or damaged on disk
                return None
            findings = [finding_from_json(d, path) for d in data["findings"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1  # absent, half-written by a crash, or from another format: rebuild
            return None
        self.hits += 1
        return findings

    # writing ------------------------------------------------------------
    def put(self, path: str, text: str, rules: list[Any], findings: list[Finding],
            scope: tuple[Any, Any] | None = None) -> bool:
        if not self.ok:
            return False
        setup = self.setup(rules, scope)
        if setup is None:
            return False
        try:
            items = [finding_to_json(f) for f in findings]
            payload = json.dumps({"format": FORMAT, "content": self.content_hash(text), "setup": _sha(setup),
                                  "sum": _findings_sum(items), "findings": items},
                                 ensure_ascii=True, separators=(",", ":"))
        except (TypeError, ValueError):
            return False  # a rule put something that is not JSON in its data: do not cache
        entry = self.entry_path(path, setup)
        try:
            if not self._prepared:
                _prepare_root(self.root)
                fresh = not os.path.isdir(self.folder)
                os.makedirs(self.folder, exist_ok=True)
                os.utime(self.folder)  # "in use": pruning keeps the most recently used
                if fresh:
                    prune(os.path.dirname(self.folder), keep=KEEP_VERSIONS)
                self._prepared = True
            folder = os.path.dirname(entry)
            os.makedirs(folder, exist_ok=True)
            _atomic_write_text(entry, payload)
        except OSError:
            self.ok = False  # read-only or full: lint on without the cache
            return False
        return True


def _sha(text: str) -> str:
    return new_hash(text.encode("utf-8", "surrogatepass")).hexdigest()


def _findings_sum(items: Any) -> str:
    """Checksum of the findings as compact ASCII JSON (parsing and dumping
    again gives the same text: key order and numbers survive the round trip)."""
    return new_hash(json.dumps(items, ensure_ascii=True, separators=(",", ":")).encode("ascii")).hexdigest()


def prune(results: str, keep: int) -> None:
    """Delete all but the ``keep`` most recently used code-fingerprint folders
    (each change of acu-lint or of a rule starts a new one). A process still
    writing into a deleted folder only loses its cache writes."""
    try:
        dirs = [e for e in os.scandir(results) if e.is_dir(follow_symlinks=False)]
        dirs.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime, reverse=True)
    except OSError:
        return
    for e in dirs[keep:]:
        shutil.rmtree(e.path, ignore_errors=True)


_CACHES: dict[str, ResultCache] = {}


def for_config(cfg: Any) -> ResultCache:
    """The (per-process, shared) cache for files governed by ``cfg``."""
    root = cache_root(cfg)
    c = _CACHES.get(root)
    if c is None:
        c = _CACHES[root] = ResultCache(root)
    return c


def reset() -> None:
    """Forget fingerprints and open caches (tests; after code changed in-process)."""
    global _CODE_PRINT
    _CODE_PRINT = None
    _FILE_HASHES.clear()
    _MODULE_PRINTS.clear()
    _CACHES.clear()
