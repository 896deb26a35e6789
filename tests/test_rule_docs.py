"""Every rule's docstring has the fixed sections, and its examples hold."""
from __future__ import annotations

import pytest

from acu_lint.rules import SECTION_NAMES, load_registry
from conftest import lint

REGISTRY = load_registry()
RULES = [r for r in REGISTRY]
EXAMPLES = [(r.id, i, ex) for r in RULES for i, ex in enumerate(r.examples())]


def test_all_builtin_rules_load():
    assert REGISTRY.errors == []
    expected = {"image-prompt", "image-caption", "duplicate-line", "web-boilerplate", "stray-fragment",
                "missing-disclaimer", "absolute-claim", "vague-citation", "numbering-gap", "readability", "grammar"}
    assert expected <= set(REGISTRY.ids())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_docstring_sections(rule):
    sections = rule.sections()
    for name in SECTION_NAMES:
        assert name in sections and sections[name].strip(), f"{rule.id}: missing section '## {name}'"
    assert rule.summary.endswith(".")
    flagged = [e for e in rule.examples() if e.flagged]
    passing = [e for e in rule.examples() if not e.flagged]
    if rule.id != "grammar":  # grammar needs a LanguageTool; its examples are tested with a fake server
        assert flagged and passing, f"{rule.id}: needs flagged and not-flagged examples"


@pytest.mark.parametrize("rule_id,index,example", [e for e in EXAMPLES if e[0] != "grammar"],
                         ids=lambda v: v if isinstance(v, (str, int)) else "")
def test_docstring_example(rule_id, index, example):
    # run with the rules its suppression comments name, too (unused-suppression judges only rules that ran)
    from acu_lint.suppress import named_rules

    named = [r for _, r in named_rules(example.text) if r in REGISTRY and r != rule_id]
    found = [f for f in lint(example.text, example.filename, select=[rule_id, *dict.fromkeys(named)])
             if f.rule == rule_id]
    if example.flagged:
        assert found, f"{rule_id} example {index} should be flagged: {example.text!r}"
    else:
        assert not found, f"{rule_id} example {index} should pass, got {[f.message for f in found]}"
