"""Shared helpers for the CI-format, baseline and statistics tests.

They run the real CLI in-process (click's CliRunner) against a small registry
of demo rules, so that what they assert (formats, baseline matching, exit
codes) does not move when the wording or heuristics of a built-in rule change.
The subprocess and pre-commit tests use the built-in rules instead.
"""
from __future__ import annotations

import re
import types

import pytest
from click.testing import CliRunner

from acu_lint.model import Edit, Finding, Fix
from acu_lint.rules import Registry, rule_from_object


def make_rule(rule_id: str, word: str, severity: str = "warning", fix: str | None = None,
              suggestion: str | None = None, summary: str | None = None):
    """A rule that flags every whole-word ``word``; ``fix`` is None, "safe"
    (delete the word and one following space) or "unsafe"."""
    summary = summary or f"The demo word {word} is in the text."
    doc = f"""{summary}

## What it finds
Every occurrence of the word "{word}" & other <markup> in prose.

## Why it matters
It is a demo rule for tests.

## Examples
- flagged: `a {word} here`
- not flagged: `nothing here`

## Fix
{"Delete the word." if fix else "None."}

## Options
None.
"""
    pattern = re.compile(rf"\b{re.escape(word)}\b ?")

    def check(doc, options):
        for m in pattern.finditer(doc.text):
            end = m.start() + len(word)
            f = None
            if fix:
                f = Fix((Edit(m.start(), m.end(), ""),), safe=(fix == "safe"), description=f"delete {word}")
            yield Finding(m.start(), end, f"The word {word} is here.", fix=f, suggestion=suggestion)

    mod = types.ModuleType(f"demo_{rule_id.replace('-', '_')}", doc)
    mod.ID = rule_id
    mod.SEVERITY = severity
    mod.FIXABLE = bool(fix)
    mod.OPTIONS = {}
    mod.check = check
    return rule_from_object(rule_id, mod, "tests")


def demo_registry() -> Registry:
    rules = [
        make_rule("demo-fixme", "FIXME", "warning", fix="safe"),
        make_rule("demo-cures", "cures", "error", suggestion="may help relieve"),
        make_rule("demo-todo", "TODO", "info", fix="unsafe"),
    ]
    return Registry({r.id: r for r in rules})


@pytest.fixture
def demo_rules(monkeypatch):
    """Make the CLI see only the demo rules."""
    import acu_lint.rules

    reg = demo_registry()
    monkeypatch.setattr(acu_lint.rules, "_REGISTRY", reg)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return reg


class Run:
    def __init__(self, result):
        self.exit_code = result.exit_code
        self.stdout = result.stdout
        try:
            self.stderr = result.stderr
        except ValueError:  # click < 8.2 without mix_stderr=False
            self.stderr = ""
        self.exception = result.exception

    def __repr__(self) -> str:
        return f"<Run exit={self.exit_code} stdout={self.stdout!r} stderr={self.stderr!r}>"


def cli(*args: str, input: str | None = None) -> Run:
    """Run ``acu-lint ARGS`` in-process; SystemExit gives the exit code."""
    from acu_lint.cli import main

    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart by itself
        runner = CliRunner()
    result = runner.invoke(main, list(args), input=input, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result)
