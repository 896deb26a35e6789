"""Command line: ``acu-lint [PATHS]...``, ``acu-lint rules``, ``acu-lint explain RULE``.

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (or, with --diff, changes to show)
  2  usage, config or input error (bad option, unreadable file, missing path)
  3  a requested check could not run (grammar asked for, no LanguageTool reachable)
"""
from __future__ import annotations

import os
import sys

import click

from acu_lint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_UNAVAILABLE = 0, 1, 2, 3

EXIT_CODES_HELP = """\b
Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (with --diff: there are changes)
  2  usage, config or input error (bad option, unreadable file, missing path)
  3  a requested check could not run (e.g. --grammar without LanguageTool)

\b
Other commands:
  acu-lint rules           list the rules
  acu-lint explain RULE    print a rule's documentation
  acu-lint clean           remove the result cache
  acu-lint grammar-setup   set up LanguageTool for the grammar rule
  acu-lint server          language server (LSP over stdio) for editors
(each has its own --help; `acu-lint check` is the same as `acu-lint`)
"""

SUBCOMMANDS = ("rules", "explain", "check", "clean", "grammar-setup", "server")


def _split_ids(values: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _err(msg: str) -> None:
    click.echo(f"acu-lint: {msg}", err=True)


def _unknown_rule(rule_id: str, registry) -> str:
    """``unknown rule 'x' (did you mean 'y'?)``, the nearest ids by difflib."""
    from acu_lint.config import did_you_mean

    return f"unknown rule '{rule_id}'{did_you_mean(rule_id, registry.ids())} (see `acu-lint rules`)"


class _DefaultCommandContext(click.Context):
    """The default command's context: its usage line and "Try ... --help"
    name the program (``acu-lint [OPTIONS] [PATHS]...``), not ``acu-lint check``,
    which the user mostly never typed."""

    @property
    def command_path(self) -> str:
        if self.parent is not None:
            return self.parent.command_path
        return super().command_path


class _DefaultCommand(click.Command):
    context_class = _DefaultCommandContext


class DefaultGroup(click.Group):
    """``acu-lint PATHS`` runs ``check``; ``acu-lint rules`` etc. run subcommands."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = args[0] if args else None
        is_sub = first == "check" or (first in self.commands and not os.path.exists(first))
        if not is_sub:
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """acu-lint: a content-quality linter for patient-facing health articles."""


@main.command("check", cls=_DefaultCommand, epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--select", multiple=True, metavar="IDS", help="Run only these rules (comma-separated; ALL for every rule).")
@click.option("--extend-select", multiple=True, metavar="IDS", help="Run these rules in addition to the selection.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Do not run these rules.")
@click.option("--grammar", is_flag=True, help="Also run the grammar rule (needs a LanguageTool server or install).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that fails the run [default: warning].")
@click.option("--format", "fmt", default="text", metavar="FORMAT",
              help="Output format: text, json, github, sarif, junit, html.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (atomic writes).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: also apply fixes that add content.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change no file.")
@click.option("--config", "config_path", type=click.Path(), default=None, help="Use this config file for every file.")
@click.option("--show-settings", "show_settings", is_flag=True,
              help="Print the settings that apply to each PATH (config file, rules, options) and exit.")
@click.option("--stdin-filename", default=None, help="Name (and so format and config) of the text read from '-'.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary line.")
@click.option("--color/--no-color", default=None, help="Colour output [default: on a terminal, unless NO_COLOR].")
@click.option("--statistics", is_flag=True, help="Print a count of findings per rule ([*] fixable) and stale baseline entries.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes [default: one per CPU; 1 = none, lint in this process].")
@click.option("--shard", "shard_spec", default=None, metavar="K/N",
              help="Lint only shard K of N of the files (a stable split by path, for CI matrices).")
@click.option("--files-from", "files_from", default=None, metavar="FILE",
              help="Also lint the paths listed in FILE, one a line or NUL-separated ('-': standard input).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Report only findings that are not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Record the current findings in this baseline file and exit 0.")
@click.option("--follow-symlinks/--no-follow-symlinks", "follow_symlinks", default=None,
              help="In folders, also walk links to folders that lie inside the PATHS named [default: no].")
@click.option("--respect-gitignore/--no-respect-gitignore", "respect_gitignore", default=None,
              help="In folders, skip what git ignores [default: yes; files named are always linted].")
@click.version_option(__version__, "--version", prog_name="acu-lint")
def check(paths: tuple[str, ...], select, extend_select, ignore, grammar, fail_on, fmt, output_file, fix,
          unsafe_fixes, diff, config_path, stdin_filename, exit_zero, quiet, color, statistics, no_cache,
          baseline_path=None, write_baseline=None, jobs=None, shard_spec=None, files_from=None, show_settings=False,
          follow_symlinks=None, respect_gitignore=None) -> None:
    """Lint health articles: acu-lint [OPTIONS] [PATHS]...

    PATHS are files or folders (folders: .md, .markdown, .txt, .html, .htm);
    '-' reads standard input. Without PATHS the current folder is linted.
    """
    from acu_lint import reporters
    from acu_lint.model import AcuLintError
    from acu_lint.rules import load_registry
    from acu_lint.runner import Settings, run

    registry = load_registry()
    if fmt not in reporters.names():
        _err(f"unknown format '{fmt}' (choose from {', '.join(reporters.names())})")
        sys.exit(EXIT_ERROR)
    sel, ext, ign = _split_ids(select), _split_ids(extend_select), _split_ids(ignore)
    if grammar:
        ext.append("grammar")
    for rid in [*sel, *ext, *ign]:
        if rid != "ALL" and rid not in registry:
            _err(_unknown_rule(rid, registry))
            sys.exit(EXIT_ERROR)
    settings = Settings(select=sel or None, extend_select=ext, ignore=ign, fix=fix, unsafe_fixes=unsafe_fixes,
                        diff=diff, config=config_path)
    if no_cache:  # the grammar rule keeps its own per-paragraph LanguageTool cache
        settings.rule_options.setdefault("grammar", {})["cache"] = False
    settings.cache = not no_cache
    settings.jobs = jobs  # None: one worker per CPU
    settings.follow_symlinks, settings.respect_gitignore = follow_symlinks, respect_gitignore  # None: the config's
    if shard_spec is not None:
        from acu_lint.parallel import parse_shard

        try:
            settings.shard = parse_shard(shard_spec)
        except ValueError as exc:
            _err(f"--shard {exc}")
            sys.exit(EXIT_ERROR)
    if show_settings:
        sys.exit(_show_settings([p for p in paths if p != "-"] or [stdin_filename or "."], settings, registry))
    stdin_data = None
    path_list = list(paths)
    listed = _read_files_from(files_from, "-" in path_list) if files_from is not None else None
    if path_list == ["-"] and listed is None:
        if settings.shard is not None:
            _err("--shard cannot be used with '-' (standard input)")
            sys.exit(EXIT_ERROR)
        stdin_data = sys.stdin.buffer.read()
        path_list = []
    elif "-" in path_list:
        _err("'-' (standard input) cannot be combined with other paths or --files-from")
        sys.exit(EXIT_ERROR)
    elif not path_list and listed is None:
        path_list = ["."]
    if listed:
        path_list.extend(listed)
    baseline = None
    if baseline_path and not write_baseline:
        from acu_lint.baseline import Baseline

        try:
            baseline = Baseline.load(baseline_path)
        except AcuLintError as exc:
            _err(str(exc))
            sys.exit(EXIT_ERROR)
    bar = None
    if stdin_data is None and not quiet:
        from acu_lint.progress import ProgressBar

        bar = ProgressBar.for_stream(sys.stderr)
    try:
        result = run(path_list, settings, registry, stdin_text=stdin_data, stdin_filename=stdin_filename,
                     progress=bar.update if bar is not None else None)
    except AcuLintError as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    finally:
        if bar is not None:
            bar.close()

    if write_baseline:
        sys.exit(_write_baseline(write_baseline, result))
    findings = result.findings
    baseline_info: dict = {}
    if baseline is not None:
        filtered = baseline.filter(findings, _rules_run(result, registry, settings))
        findings = filtered.kept
        baseline_info = {"file": baseline_path, "matched": filtered.matched, "stale": filtered.stale}

    fail_level = fail_on
    if fail_level is None:
        levels = {c.fail_on for c in [*result.configs] if c.fail_on}
        fail_level = levels.pop() if len(levels) == 1 else "warning"
    use_color = color if color is not None else (sys.stdout.isatty() and not os.environ.get("NO_COLOR")
                                                 and output_file is None)
    report = reporters.Report(
        findings=findings,
        files=result.files,
        rules=registry.rules,
        enabled=sorted({f.rule for f in result.findings}),
        fixed=sum(r.fixed for r in result.results if r.fixed_text is not None or fix),
        errors=result.errors,
        color=bool(use_color),
        version=__version__,
        fail_on=fail_level,
        unavailable=list(result.unavailable),
    )
    if baseline_info:
        report.extra["baseline"] = baseline_info
    if stdin_data is not None and fix and result.results and result.results[0].fixed_text is not None:
        # like ruff: with stdin, --fix prints the fixed text instead of a report
        sys.stdout.write(result.results[0].fixed_text)
    elif diff:
        for r in result.results:
            if r.diff:
                sys.stdout.write(r.diff)
    else:
        if statistics and fmt == "text":
            # as ruff: the table instead of the findings, then the summary line
            from acu_lint.reporters.text import summary

            text = "" if quiet else summary(report) + "\n"
        else:
            text = reporters.get(fmt)(report)
        if quiet and fmt == "text":
            text = "".join(line + "\n" for line in text.splitlines()[:-1])
        if baseline_info.get("matched") and fmt == "text" and not quiet:
            n = baseline_info["matched"]
            text += f"{n} known problem{'s' if n != 1 else ''} hidden by the baseline ({baseline_path}).\n"
        if statistics and fmt == "text":
            text = _statistics(report) + text
        elif statistics:  # keep machine-readable output parseable
            click.echo(_statistics(report), err=True, nl=False)
        if fmt == "github":
            from acu_lint.reporters.github import write_step_summary

            problem = write_step_summary(report)
            if problem:
                _err(problem)
        if output_file:
            try:
                with open(output_file, "w", encoding="utf-8") as fh:
                    fh.write(text)
            except OSError as exc:
                _err(f"{output_file}: cannot write report: {exc.strerror or exc}")
                sys.exit(EXIT_ERROR)
        else:
            sys.stdout.write(text)
    if not quiet:
        for note in dict.fromkeys(c.notice() for c in result.configs):
            if note:
                _err(note)
        for w in result.warnings:
            _err(w)
    for e in result.errors:
        _err(e)
    for u in result.unavailable:
        _err(u)
    sys.stdout.flush()
    if result.errors:
        sys.exit(EXIT_ERROR)
    if result.unavailable:
        sys.exit(EXIT_UNAVAILABLE)
    if diff:
        sys.exit(EXIT_FINDINGS if any(r.diff for r in result.results) and not exit_zero else EXIT_CLEAN)
    from acu_lint.model import SEVERITY_RANK

    failing = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_level]]
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


_SETTINGS_SHOWN_ELSEWHERE = {"path", "root", "raw", "shadowed", "select", "extend_select", "ignore", "severity",
                             "rules", "fail_on"}


def _show_settings(paths: list[str], settings, registry) -> int:
    """--show-settings: the resolved settings for each path, as YAML (as ruff's
    --show-settings): which config file applies (and which is ignored), the
    rules that run on the file with their severity and options, and the rest."""
    import dataclasses

    import yaml

    from acu_lint.config import ConfigResolver, _display, relative_to
    from acu_lint.model import AcuLintError

    try:
        resolver = ConfigResolver(registry, settings.config)
        docs = []
        for path in paths:
            is_dir = os.path.isdir(path)
            cfg = resolver.for_dir(path) if is_dir else resolver.for_file(path)
            rel = None if is_dir else relative_to(path, cfg.root)
            ids = cfg.enabled_rules(registry, rel, settings.select, settings.extend_select, settings.ignore)
            rules = {}
            for rid in ids:
                opts = resolver.rule_options(cfg, rid)
                opts.update(settings.rule_options.get(rid, {}))
                rules[rid] = {"severity": cfg.severity.get(rid, registry[rid].severity), "options": opts}
            doc = {
                "path": path,
                "config": _display(cfg.path) if cfg.path else "none found (built-in defaults)",
            }
            if settings.config:
                doc["config-from"] = "--config"
            if cfg.shadowed:
                doc["ignored-config"] = [_display(o) for o in cfg.shadowed]
            if not is_dir:
                doc["excluded"] = cfg.is_excluded(path)
            doc["fail-on"] = cfg.fail_on or "warning"
            for fld in dataclasses.fields(cfg):  # every other setting, as the config file spells it
                if fld.name not in _SETTINGS_SHOWN_ELSEWHERE:
                    value = getattr(cfg, fld.name)
                    doc[fld.name.replace("_", "-")] = list(value) if isinstance(value, (list, tuple)) else value
            doc["rules"] = rules
            docs.append(doc)
    except AcuLintError as exc:
        _err(str(exc))
        return EXIT_ERROR
    click.echo(yaml.safe_dump_all(docs, sort_keys=False, allow_unicode=True, width=100), nl=False)
    return EXIT_CLEAN


def _read_files_from(spec: str, stdin_taken: bool) -> list[str]:
    """--files-from FILE|-: the listed paths (exit 2 when the list cannot be read)."""
    from acu_lint.parallel import read_file_list

    if spec == "-":
        if stdin_taken:
            _err("'--files-from -' and '-' cannot both read standard input")
            sys.exit(EXIT_ERROR)
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(spec, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            _err(f"{spec}: cannot read the file list (--files-from): {exc.strerror or exc}")
            sys.exit(EXIT_ERROR)
    return read_file_list(data, spec)


def _statistics(report) -> str:
    """Findings per rule, most frequent first; [*] = fixable with --fix,
    [+] = only with --fix --unsafe-fixes; then the baseline's numbers."""
    counts: dict[str, list] = {}
    for f in report.findings:
        c = counts.setdefault(f.rule, [0, 0, 0, set()])
        c[0] += 1
        if f.fix is not None:
            c[1 if f.fix.safe else 2] += 1
        c[3].add(f.severity or "warning")
    lines = []
    width = max((len(r) for r in counts), default=0)
    marks = set()
    for rid, (n, safe, unsafe, sevs) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        mark = "[*]" if safe else "[+]" if unsafe else "   "
        marks.add(mark)
        line = f"{n:5d}  {mark} {rid:<{width}}  {'/'.join(sorted(sevs))}"
        if safe and safe < n:
            line += f"  ({safe} fixable)"
        elif unsafe and unsafe < n and not safe:
            line += f"  ({unsafe} fixable with --unsafe-fixes)"
        lines.append(line.rstrip())
    legend = [t for m, t in (("[*]", "[*] fixable with --fix"), ("[+]", "[+] fixable with --fix --unsafe-fixes"))
              if m in marks]
    if legend:
        lines.append("; ".join(legend))
    info = report.extra.get("baseline") or {}
    if info:
        matched, stale = info.get("matched", 0), info.get("stale", [])
        lines.append(f"Baseline {info.get('file')}: {matched} known finding{'s' if matched != 1 else ''} hidden, "
                     f"{len(stale)} stale entr{'ies' if len(stale) != 1 else 'y'}.")
        if stale:
            lines.append("Stale baseline entries (their findings are gone; refresh with --write-baseline):")
            for e in stale:
                excerpt = e.text if len(e.text) <= 60 else e.text[:59] + "\u2026"
                lines.append(f"  {e.path}:{e.line}: {e.rule} \"{excerpt}\"")
    return "\n".join(lines) + ("\n" if lines else "")


def _rules_run(result, registry, settings) -> dict:
    """For each linted file, the ids of the rules that ran on it."""
    from acu_lint.config import ConfigResolver, relative_to

    out: dict = {}
    try:
        resolver = ConfigResolver(registry, settings.config)
        for path in result.files:
            cfg = resolver.for_file(path)
            out[path] = cfg.enabled_rules(registry, relative_to(path, cfg.root), settings.select,
                                          settings.extend_select, settings.ignore)
    except Exception:  # could not tell: count every entry of a linted file
        return {path: None for path in result.files}
    return out


def _write_baseline(target: str, result) -> int:
    """--write-baseline: record the findings (never a partial picture)."""
    from acu_lint.baseline import Baseline
    from acu_lint.model import AcuLintError

    for e in result.errors:
        _err(e)
    for u in result.unavailable:
        _err(u)
    if result.errors or result.unavailable:
        _err(f"baseline not written: fix the errors above first ({target} left as it was)")
        return EXIT_ERROR if result.errors else EXIT_UNAVAILABLE
    base = Baseline.from_findings(result.findings, os.path.dirname(os.path.abspath(target)))
    try:
        base.write(target, f"acu-lint {__version__}")
    except AcuLintError as exc:
        _err(str(exc))
        return EXIT_ERROR
    n, files = len(base.entries), len({e.path for e in base.entries})
    click.echo(f"Wrote {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''} "
               f"to the baseline {target}.", err=True)
    return EXIT_CLEAN


@main.command("clean")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path(), default=None,
              help="Remove the cache of this config file instead of the one that applies here.")
def clean_cmd(paths: tuple[str, ...], config_path: str | None) -> None:
    """Remove the result cache: the .acu-lint-cache folder that applies to the
    current folder (or to PATHS), with the grammar rule's cache inside it."""
    from acu_lint import cache
    from acu_lint.config import ConfigResolver, find_config_file
    from acu_lint.model import AcuLintError
    from acu_lint.rules import load_registry

    folders: list[str] = []
    starts = list(paths) or ["."]
    try:
        resolver = ConfigResolver(load_registry(), config_path)
    except AcuLintError as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)
    for start in starts:
        d = start if os.path.isdir(start) else os.path.dirname(os.path.abspath(start))
        try:
            cfg = resolver.for_dir(d)
            folders.append(cache.cache_root(cfg))
        except AcuLintError:  # a broken config: its cache still sits beside it
            found = find_config_file(d)
            folders.append(cache.cache_root(type("C", (), {"path": found, "cache_dir": None})()))
    folders.append(cache.cache_root(None))  # the grammar cache default: ./.acu-lint-cache
    problems = 0
    removed = 0
    for folder in dict.fromkeys(os.path.abspath(f) for f in folders):
        ok, problem = cache.remove_cache(folder)
        if problem:
            _err(problem)
            problems += 1
        elif ok:
            removed += 1
            click.echo(f"Removed {os.path.relpath(folder) if not os.path.relpath(folder).startswith('..') else folder}")
    if not removed and not problems:
        click.echo("No cache to remove.")
    sys.exit(EXIT_ERROR if problems else EXIT_CLEAN)


def _fix_label(fixable) -> str:
    return "unsafe" if fixable == "unsafe" else ("yes" if fixable else "no")


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text")
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default (default: all shown).")
def rules_cmd(fmt: str, show_all: bool) -> None:
    """List the installed rules: id, default severity, fixable, summary."""
    import json

    from acu_lint.rules import load_registry

    registry = load_registry()
    rows = [(r.id, r.severity, r.fixable, r.default_enabled, r.summary) for r in registry]
    if fmt == "json":
        click.echo(json.dumps([{"id": i, "severity": s, "fixable": fx, "default": d, "summary": sm}
                               for i, s, fx, d, sm in rows], indent=2))
    elif fmt == "markdown":
        click.echo("| rule | severity | fixable | on by default | what it finds |")
        click.echo("|---|---|---|---|---|")
        for i, s, fx, d, sm in rows:
            click.echo(f"| `{i}` | {s} | {_fix_label(fx)} | {'yes' if d else 'no'} | {sm} |")
    else:
        width = max((len(r[0]) for r in rows), default=10)
        for i, s, fx, d, sm in rows:
            flags = " ".join(x for x in ({"yes": "fix", "unsafe": "fix(unsafe)", "no": ""}[_fix_label(fx)],
                                         "" if d else "opt-in") if x)
            click.echo(f"{i:<{width}}  {s:<7}  {flags:<18} {sm}")
    for e in registry.errors:
        _err(e)
    sys.exit(EXIT_ERROR if registry.errors else EXIT_CLEAN)


@main.command("explain")
@click.argument("rule_id")
def explain_cmd(rule_id: str) -> None:
    """Print a rule's documentation."""
    from acu_lint.rules import load_registry

    registry = load_registry()
    if rule_id not in registry:
        _err(_unknown_rule(rule_id, registry))
        sys.exit(EXIT_ERROR)
    r = registry[rule_id]
    click.echo(f"# {r.id}\n")
    click.echo(f"Default severity: {r.severity}. Fixable: {_fix_label(r.fixable)}. "
               f"On by default: {'yes' if r.default_enabled else 'no (opt-in)'}.\n")
    click.echo(r.doc)
    if r.options:
        click.echo("\nDefault options:")
        for k, v in r.options.items():
            click.echo(f"  {k}: {v!r}")


@main.command("grammar-setup")
@click.option("--check", "check_only", is_flag=True, help="Only report what grammar would use; download nothing.")
@click.option("--lt-version", default=None, metavar="VERSION",
              help="LanguageTool version to download (default: language-tool-python's).")
def grammar_setup_cmd(check_only: bool, lt_version: str | None) -> None:
    """Set up LanguageTool for the grammar rule: find a server or local install,
    or download LanguageTool (about 250 MB, needs Java 17+) with
    language-tool-python. Lint runs themselves never download.
    Exit 0 when grammar can run, 3 when it cannot (the reason is printed)."""
    from acu_lint.languagetool import setup

    sys.exit(setup(lt_version, check_only, click.echo))


@main.command("server")
@click.option("--config", "config_path", type=click.Path(), default=None,
              help="Use this config file for every document (as the check command's --config).")
@click.option("--stdio", is_flag=True, help="Talk LSP over standard input/output (the default and only transport).")
def server_cmd(config_path: str | None, stdio: bool) -> None:
    """Run the language server (LSP over stdio) for editors: diagnostics as you
    type, quick fixes, suppression comments and rule docs on hover. Needs
    `pip install 'acu-lint[lsp]'`. Setup for VS Code, Neovim, Helix and Zed:
    docs/editors.md."""
    from acu_lint.server import Options, main as serve

    sys.exit(serve(Options(config=config_path) if config_path else None))
