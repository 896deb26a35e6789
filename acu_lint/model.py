"""Findings, fixes and severities: the values that flow from rules to reporters."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Edit:
    """Replace ``doc.text[start:end]`` (character offsets) with ``text``."""

    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class Fix:
    """A set of non-overlapping edits. ``safe`` fixes are applied by ``--fix``;
    unsafe ones (they change content, e.g. appending a disclaimer) only with
    ``--unsafe-fixes``."""

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""


@dataclass
class Finding:
    """One problem in one file.

    Rules create findings with character offsets ``start``/``end`` into
    ``Document.text`` (end exclusive); the engine fills in ``rule``, ``path``,
    ``severity`` (when the rule left it empty) and the 1-based line/column
    positions (``end_column`` is exclusive, as in SARIF).
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: str | None = None
    rule: str = ""
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    suggestion: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    snippet: str = ""

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_json(self) -> dict[str, Any]:
        fix = None
        if self.fix is not None:
            fix = {
                "safe": self.fix.safe,
                "description": self.fix.description,
                "edits": [
                    {
                        "start": e.start,
                        "end": e.end,
                        "content": e.text,
                    }
                    for e in self.fix.edits
                ],
            }
        out: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "fix": fix,
        }
        if self.suggestion:
            out["suggestion"] = self.suggestion
        if self.data:
            out["data"] = self.data
        return out


class AcuLintError(Exception):
    """An error the user must see as one line (exit code 2)."""


class ConfigError(AcuLintError):
    pass


class InputError(AcuLintError):
    pass


class BackendUnavailable(Exception):
    """Raised by a rule whose external backend (e.g. LanguageTool) cannot be
    reached. The engine reports it once and exits with code 3."""
