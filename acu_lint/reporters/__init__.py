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


Renderer = Callable[[Report], str]
FORMATS: dict[str, Renderer] = {}


def register(name: str) -> Callable[[Renderer], Renderer]:
    def deco(fn: Renderer) -> Renderer:
        FORMATS[name] = fn
        return fn

    return deco


_BUILTIN_LOADED = False


def get(name: str) -> Renderer:
    if not _BUILTIN_LOADED:  # not "if not FORMATS": importing one reporter module registers it alone
        load_builtin()
    return FORMATS[name]


def load_builtin() -> None:
    global _BUILTIN_LOADED
    _BUILTIN_LOADED = True
    from acu_lint.reporters import github, json_format, text  # noqa: F401
    try:
        from acu_lint.reporters import sarif  # noqa: F401
    except ImportError:
        pass
    try:
        from acu_lint.reporters import junit  # noqa: F401
    except ImportError:
        pass


def names() -> list[str]:
    if not _BUILTIN_LOADED:
        load_builtin()
    return sorted(FORMATS)
