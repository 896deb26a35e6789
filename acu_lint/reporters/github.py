"""GitHub Actions workflow commands (``::error file=...::message``)."""
from __future__ import annotations

from acu_lint.reporters import Report, register

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


@register("github")
def render(report: Report) -> str:
    out = []
    for f in report.findings:
        props = [
            f"file={escape_property(f.path)}",
            f"line={f.line}",
            f"col={f.column}",
            f"endLine={f.end_line}",
            f"endColumn={f.end_column}",
            f"title={escape_property('acu-lint ' + f.rule)}",
        ]
        out.append(f"::{_LEVEL.get(f.severity or 'warning', 'warning')} {','.join(props)}::{escape_data(f.message)}")
    return "\n".join(out) + ("\n" if out else "")
