"""Reporters turn findings into output. A reporter knows only the Report.

Each format is a function ``render(report) -> str`` registered in FORMATS.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from acu_lint.model import Finding


@dataclass
class Report:
    findings: list[Finding]
    files: list[str] = field(default_factory=list)  # every file linted, in order
    rules: dict[str, Any] = field(default_factory=dict)  # id -> acu_lint.rules.Rule (all known)
    enabled: list[str] = field(default_factory=list)
    fixed: int = 0
    errors: list[str] = field(default_factory=list)
    color: bool = False
    show_fixes: bool = True
    version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # the lowest severity that fails the run (--fail-on): reporters that mark
    # pass/fail (JUnit) fail only on findings at or above it, as the exit code does
    fail_on: str = "warning"
    # requested checks that could not run (e.g. grammar without LanguageTool: exit 3)
    unavailable: list[str] = field(default_factory=list)

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` is at or above ``fail_on`` (it fails the run)."""
        from acu_lint.model import SEVERITY_RANK

        return SEVERITY_RANK.get(finding.severity or "warning", 1) >= SEVERITY_RANK.get(self.fail_on, 1)


Renderer = Callable[[Report], str]
FORMATS: dict[str, Renderer] = {}


def register(name: str) -> Callable[[Renderer], Renderer]:
    def deco(fn: Renderer) -> Renderer:
        FORMATS[name] = fn
        return fn

    return deco


# Built-in formats and the module that registers each; a module is imported only
# when its format is used, so a run pays for one reporter, not five.
BUILTIN = {
    "text": "text",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "html": "html",
}


def get(name: str) -> Renderer:
    if name not in FORMATS and name in BUILTIN:
        import importlib

        importlib.import_module(f"acu_lint.reporters.{BUILTIN[name]}")
    return FORMATS[name]


def load_builtin() -> None:
    """Import every built-in reporter (for tools that want them all)."""
    for name in BUILTIN:
        get(name)


def names() -> list[str]:
    return sorted(set(BUILTIN) | set(FORMATS))
