"""Rule discovery and metadata.

A rule is a module (or any object) registered under the entry-point group
``acu_lint.rules``; the entry-point name is the rule id. It provides:

``ID``             the kebab-case rule id (must equal the entry-point name)
``SEVERITY``       default severity: "error", "warning" or "info"
``OPTIONS``        dict of option names to default values (optional)
``DEFAULT_ENABLED`` False for opt-in rules (optional, default True)
``FIXABLE``        True when the rule offers safe fixes, "unsafe" when its fixes
                   add content (applied only with --unsafe-fixes) (optional)
``check(doc, options)``  yields :class:`acu_lint.model.Finding`
``validate(options)``    optional, raises ValueError for bad option values
``__doc__``        Markdown with the sections ``## What it finds``,
                   ``## Why it matters``, ``## Examples``, ``## Fix``, ``## Options``.

Examples in the docstring are executable: under ``## Examples`` each line
``- flagged: `text` `` or ``- not flagged: `text` `` is an article that must (or
must not) produce a finding of this rule. ``\\n`` in the text is a line break; an
optional ``(md)``/``(html)`` after the colon marks the format, e.g.
``- flagged (md): `# Title\\n\\n# Title` ``.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from acu_lint.model import SEVERITIES

ENTRY_POINT_GROUP = "acu_lint.rules"
SECTION_NAMES = ("What it finds", "Why it matters", "Examples", "Fix", "Options")
_RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_EXAMPLE = re.compile(r"^\s*[-*]\s*(?P<kind>flagged|not flagged)\s*(?:\((?P<fmt>md|markdown|html|txt|text)\))?\s*:\s*`(?P<text>.*)`\s*$", re.I)


@dataclass
class Example:
    flagged: bool
    text: str
    fmt: str  # "text", "markdown" or "html"

    @property
    def filename(self) -> str:
        return {"markdown": "example.md", "html": "example.html"}.get(self.fmt, "example.txt")


@dataclass
class Rule:
    id: str
    severity: str
    check: Callable[..., Iterable[Any]]
    options: dict[str, Any] = field(default_factory=dict)
    doc: str = ""
    fixable: bool | str = False  # True, False or "unsafe" (fixes that add content)
    default_enabled: bool = True
    validate: Callable[[dict[str, Any]], None] | None = None
    origin: str = ""  # distribution that provides it
    obj: Any = None

    @property
    def summary(self) -> str:
        for line in self.doc.strip().splitlines():
            if line.strip():
                return line.strip().rstrip(".") + "."
        return ""

    def sections(self) -> dict[str, str]:
        return split_sections(self.doc)

    def examples(self) -> list[Example]:
        out = []
        for line in self.sections().get("Examples", "").splitlines():
            m = _EXAMPLE.match(line)
            if not m:
                continue
            fmt = (m.group("fmt") or "text").lower()
            fmt = {"md": "markdown", "txt": "text"}.get(fmt, fmt)
            text = m.group("text").replace("\\n", "\n").replace("\\t", "\t")
            out.append(Example(m.group("kind").lower() == "flagged", text, fmt))
        return out


def split_sections(doc: str) -> dict[str, str]:
    import inspect

    text = inspect.cleandoc(doc or "")
    sections: dict[str, str] = {}
    current = "summary"
    buf: list[str] = []
    for line in text.splitlines():
        if line.startswith("## "):
            sections[current] = "\n".join(buf).strip()
            current = line[3:].strip()
            buf = []
        else:
            buf.append(line)
    sections[current] = "\n".join(buf).strip()
    return sections


def rule_from_object(rule_id: str, obj: Any, origin: str = "") -> Rule:
    rid = getattr(obj, "ID", rule_id)
    if rid != rule_id:
        raise ValueError(f"entry point '{rule_id}' provides a rule whose ID is '{rid}'")
    if not _RULE_ID.match(rule_id):
        raise ValueError(f"rule id '{rule_id}' is not kebab-case")
    severity = getattr(obj, "SEVERITY", "warning")
    if severity not in SEVERITIES:
        raise ValueError(f"rule '{rule_id}' has unknown severity '{severity}'")
    check = getattr(obj, "check", None)
    if not callable(check):
        raise ValueError(f"rule '{rule_id}' has no check(doc, options) function")
    import inspect

    return Rule(
        id=rule_id,
        severity=severity,
        check=check,
        options=dict(getattr(obj, "OPTIONS", {}) or {}),
        doc=inspect.cleandoc(getattr(obj, "__doc__", "") or ""),
        fixable="unsafe" if getattr(obj, "FIXABLE", False) == "unsafe" else bool(getattr(obj, "FIXABLE", False)),
        default_enabled=bool(getattr(obj, "DEFAULT_ENABLED", True)),
        validate=getattr(obj, "validate", None),
        origin=origin,
        obj=obj,
    )


class Registry:
    """All rules installed in this environment, keyed by id, sorted."""

    def __init__(self, rules: dict[str, Rule], errors: list[str] | None = None):
        self.rules = dict(sorted(rules.items()))
        self.errors = errors or []

    def __contains__(self, rule_id: str) -> bool:
        return rule_id in self.rules

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def __iter__(self):
        return iter(self.rules.values())

    def ids(self) -> list[str]:
        return list(self.rules)

    def default_ids(self) -> list[str]:
        return [r.id for r in self if r.default_enabled]


_REGISTRY: Registry | None = None


def load_registry(refresh: bool = False) -> Registry:
    """Load every rule registered under the ``acu_lint.rules`` entry points.

    A plugin that fails to import is not fatal: it is left out and named in
    ``Registry.errors`` (the CLI prints them and exits 2)."""
    global _REGISTRY
    if _REGISTRY is not None and not refresh:
        return _REGISTRY
    rules: dict[str, Rule] = {}
    errors: list[str] = []
    from acu_lint.entrypoints import entry_points

    eps = entry_points(ENTRY_POINT_GROUP)  # fast: no importlib.metadata at start-up
    if eps is None:  # a zip or egg on sys.path: let importlib.metadata read it
        from importlib import metadata

        if sys.version_info >= (3, 10):
            eps = metadata.entry_points(group=ENTRY_POINT_GROUP)
        else:  # pragma: no cover
            eps = metadata.entry_points().get(ENTRY_POINT_GROUP, [])
    seen: set[str] = set()
    for ep in sorted(eps, key=lambda e: e.name):
        if ep.name in seen:
            continue  # the same distribution seen twice on sys.path
        seen.add(ep.name)
        origin = getattr(getattr(ep, "dist", None), "name", "") or ""
        try:
            obj = ep.load()
            rules[ep.name] = rule_from_object(ep.name, obj, origin)
        except Exception as exc:  # a broken plugin must not take the run down
            errors.append(f"rule plugin '{ep.name}' ({ep.value}) could not be loaded: {type(exc).__name__}: {exc}")
    _REGISTRY = Registry(rules, errors)
    return _REGISTRY
