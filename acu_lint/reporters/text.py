"""Text for people: ``path:line:col: severity rule-id message`` and a summary."""
from __future__ import annotations

from acu_lint.reporters import Report, register

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@register("text")
def render(report: Report) -> str:
    out = []
    c = report.color
    for f in report.findings:
        loc = f"{f.path}:{f.line}:{f.column}:"
        sev = f.severity or "warning"
        if c:
            loc = f"{_BOLD}{loc}{_RESET}"
            sev_s = f"{_COLORS.get(sev, '')}{sev}{_RESET}"
            rule = f"{_DIM}{f.rule}{_RESET}"
        else:
            sev_s, rule = sev, f.rule
        fixable = " [*]" if report.show_fixes and f.fix is not None and f.fix.safe else ""
        line = f"{loc} {sev_s} {rule} {f.message}{fixable}"
        # the suggestion is already worded into the message; JSON carries it separately
        out.append(line)
    out.append(summary(report))
    return "\n".join(out) + "\n"


def summary(report: Report) -> str:
    n = len(report.findings)
    files = len({f.path for f in report.findings})
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in ("error", "warning", "info")}
    parts = []
    if n:
        detail = ", ".join(_plural(v, k) for k, v in counts.items() if v)
        parts.append(f"Found {_plural(n, 'problem')} ({detail}) in {_plural(files, 'file')} "
                     f"of {_plural(len(report.files), 'file')} checked.")
        fixable = sum(1 for f in report.findings if f.fix is not None and f.fix.safe)
        unsafe = sum(1 for f in report.findings if f.fix is not None and not f.fix.safe)
        if fixable:
            parts.append(f"{fixable} fixable with --fix.")
        if unsafe:
            parts.append(f"{unsafe} more with --fix --unsafe-fixes.")
    elif report.errors or report.unavailable:
        parts.append(f"No problems found in {_plural(len(report.files), 'file')} checked.")
    elif not report.files:
        parts.append("All clear: no problems in 0 files checked (no article to check: the paths, the file "
                     "extensions, `exclude` and `--shard` decide which files are read).")
    else:
        parts.append(f"All clear: no problems in {_plural(len(report.files), 'file')} checked.")
    if report.unavailable:
        names = [u.split(":", 1)[0] for u in report.unavailable]
        named = ", ".join(dict.fromkeys(n for n in names if n and " " not in n))
        n = len(report.unavailable)
        parts.append(f"{'A requested check' if n == 1 else f'{n} requested checks'} did not run"
                     f"{f' ({named})' if named else ''}: see stderr.")
    if report.errors:
        parts.append(f"{_plural(len(report.errors), 'error')} reported on stderr.")
    if report.fixed:
        parts.insert(0, f"Fixed {_plural(report.fixed, 'problem')}.")
    return " ".join(parts)
