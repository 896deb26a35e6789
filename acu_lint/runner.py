"""Runs a lint over paths: discovery -> read -> Document -> rules -> fixes.

The CLI builds a :class:`Settings` and calls :func:`run`; everything here is
free of click so that it can be called from tests and other tools.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from acu_lint.config import Config, ConfigResolver, relative_to
from acu_lint.document import Document
from acu_lint.engine import FileResult, RuleSetup, fix_document, lint_document, replay_on_source, unified_diff
from acu_lint.model import AcuLintError, InputError
from acu_lint.rules import Registry, load_registry
from acu_lint.sources import Source, decode, discover, encode, inside, named_roots, read_source
from acu_lint.suppress import named_rules


@dataclass
class Settings:
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    config: str | None = None
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # CLI-given options
    cache: bool = False  # read/write the result cache (the CLI turns it on unless --no-cache)
    jobs: int | None = 1  # worker processes; None = one per CPU; 1 = in-process
    shard: tuple[int, int] | None = None  # (K, N): lint only shard K of N of the discovered files
    follow_symlinks: bool | None = None  # folder walks follow links to folders (None: as the config says)
    respect_gitignore: bool | None = None  # folder walks skip what git ignores (None: as the config says)
    fix_roots: tuple[str, ...] | None = None  # set by run(): --fix writes only to files whose real path is inside


@dataclass
class RunResult:
    results: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    configs: list[Config] = field(default_factory=list)

    @property
    def findings(self):
        return [f for r in self.results for f in r.findings]

    @property
    def files(self) -> list[str]:
        """The files that were read and checked (not those that could not be read or linted)."""
        return [r.path for r in self.results if not r.unchecked]


def rule_setups(registry: Registry, resolver: ConfigResolver, cfg: Config, path: str,
                settings: Settings) -> list[RuleSetup]:
    rel = relative_to(path, cfg.root)
    ids = cfg.enabled_rules(registry, rel, settings.select, settings.extend_select, settings.ignore)
    setups = []
    for rid in ids:
        rule = registry[rid]
        opts = resolver.rule_options(cfg, rid)
        opts.update(settings.rule_options.get(rid, {}))
        origin = cfg.path if rid in cfg.rules else None
        setups.append(RuleSetup(rid, rule.check, opts, rule.severity, cfg.severity.get(rid), origin=origin))
    return setups


def lint_source(source: Source, rules: list[RuleSetup], settings: Settings) -> FileResult:
    result = FileResult(source.path)
    doc = Document(source.text, source.path)
    if settings.fix or settings.diff:
        passes: list = []
        final, findings = fix_document(doc, rules, settings.unsafe_fixes, result, passes)
        result.findings = findings
        if final.text != doc.text:
            new_source_text = final.text
            if "\r" in source.text:
                # keep each untouched line's own ending (CRLF, LF, CR, mixed)
                new_source_text = replay_on_source(source.text, passes)
                if new_source_text.replace("\r\n", "\n").replace("\r", "\n") != final.text:
                    new_source_text = doc.to_source(final.text)  # pragma: no cover - defensive
            result.original_text = source.text
            result.fixed_text = new_source_text
            if settings.diff:
                result.diff = unified_diff(source.path, source.text, new_source_text)
    else:
        result.findings = lint_document(doc, rules, result)
    return result


def safe_lint_source(source: Source, rules: list[RuleSetup], settings: Settings) -> FileResult:
    """:func:`lint_source`, with a parser bug turned into one error line for
    this file instead of a traceback that stops the whole run."""
    try:
        return lint_source(source, rules, settings)
    except RecursionError:
        return FileResult(source.path, errors=[f"{source.path}: nested too deeply to lint"], unchecked=True)
    except Exception as exc:  # noqa: BLE001 - reported, the other files go on
        msg = " ".join(str(exc).split())
        return FileResult(source.path, errors=[f"{source.path}: could not be linted ({type(exc).__name__}: {msg})"], unchecked=True)


def lint_file(path: str, registry: Registry, resolver: ConfigResolver, settings: Settings,
              cache_only: bool = False) -> FileResult | None:
    """Lint one file. With ``cache_only``, return the cached result or None
    (a read error is returned as it is: it is final)."""
    try:
        cfg = resolver.for_file(path)
        source = read_source(path)
    except AcuLintError as exc:
        return FileResult(path, errors=[str(exc)], unchecked=True)
    outside: list[str] = []
    if _writes_outside(path, settings):  # a link to a file elsewhere: lint it, write nothing there
        from dataclasses import replace

        settings = replace(settings, fix=False)
        outside.append(f"{path}: not fixed: it is a symbolic link to {os.path.realpath(path)}, outside the "
                       "paths named; left as it is (name that file to fix it)")
    rules = rule_setups(registry, resolver, cfg, path, settings)
    notes = outside + [f"{path}:{line}: warning: a suppression comment names '{rid}', which is no rule "
             "(see `acu-lint rules`); it suppresses nothing"
             for line, rid in named_rules(source.text) if rid not in registry]
    cache = None
    if settings.cache and not (settings.fix or settings.diff):
        from acu_lint import cache as result_cache

        cache = result_cache.for_config(cfg)
        cached = cache.get(path, source.text, rules, scope=(cfg, settings))
        if cached is not None:
            return FileResult(path, findings=cached, warnings=notes)
    if cache_only:
        return None
    result = safe_lint_source(source, rules, settings)
    result.warnings.extend(notes)
    # a partial answer (a LanguageTool that ran out of time) is not kept either
    if cache is not None and not result.errors and not result.unavailable and not result.data.get("incomplete"):
        cache.put(path, source.text, rules, result.findings, scope=(cfg, settings))
    if result.fixed_text is not None and settings.fix and not settings.diff:
        from acu_lint.engine import atomic_write

        try:
            # the file may have changed while we linted it: never overwrite that
            current = read_source(path)
            if current.text != source.text or _writes_outside(path, settings):
                result.errors.append(f"{path}: changed while being fixed; left as it is")
                result.fixed_text = None
            else:
                atomic_write(path, encode(source, result.fixed_text))
        except InputError as exc:  # gone or unreadable by now
            result.errors.append(f"{exc}; the fix was not written")
            result.fixed_text = None
        except OSError as exc:
            result.errors.append(f"{path}: could not write the fix: {exc.strerror or exc}")
            result.fixed_text = None
    return result


def _writes_outside(path: str, settings: Settings) -> bool:
    """--fix would write to a file whose real path lies outside the paths named."""
    if not settings.fix or settings.diff or settings.fix_roots is None:
        return False
    return not inside(os.path.realpath(path), settings.fix_roots)


def run(paths: list[str], settings: Settings, registry: Registry | None = None,
        stdin_text: str | None = None, stdin_filename: str | None = None,
        progress=None) -> RunResult:
    """``progress(done, total)`` is called after each file (or chunk of files)."""
    registry = registry or load_registry()
    out = RunResult()
    out.errors.extend(registry.errors)
    resolver = ConfigResolver(registry, settings.config)  # may raise ConfigError
    if stdin_text is not None:
        name = stdin_filename or "<stdin>"
        cfg = resolver.for_file(stdin_filename or os.path.join(os.getcwd(), "stdin.md"))
        try:
            source = decode(stdin_text.encode("utf-8", "surrogateescape"), name) if isinstance(stdin_text, str) else decode(stdin_text, name)
        except InputError as exc:
            out.errors.append(str(exc))
            return out
        rules = rule_setups(registry, resolver, cfg, stdin_filename or "stdin.md", settings)
        result = safe_lint_source(source, rules, settings)
        out.results.append(result)
    else:
        from acu_lint.parallel import lint_files, shard

        errors: list[str] = []
        notices: list[str] = []
        files = list(discover(paths, resolver, errors, follow_symlinks=settings.follow_symlinks,
                              respect_gitignore=settings.respect_gitignore, notices=notices))
        out.warnings.extend(notices)
        if settings.fix and not settings.diff:
            from dataclasses import replace

            settings = replace(settings, fix_roots=named_roots(paths))
        if settings.shard is not None:
            files = shard(files, *settings.shard)
        out.results.extend(lint_files(files, registry, resolver, settings, progress))
        out.errors.extend(errors)
    out.configs = resolver.loaded()
    for r in out.results:
        out.warnings.extend(r.warnings)
        out.errors.extend(r.errors)
        for u in r.unavailable:
            if u not in out.unavailable:
                out.unavailable.append(u)
    return out
