"""The generated start-up cache (lint_rules/_rule_data.py) and the literal-anchor
prefilter of the big pattern lists: the cache is current, and the prefilter
never keeps a pattern from a text it matches."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import gen_rule_data  # noqa: E402

from lint_rules import _common, _rule_data, absolute_claim, missing_disclaimer, vague_citation  # noqa: E402
from lint_rules.vague_citation import AnchoredPattern, PatternSet, anchor_info, compute_anchor_info  # noqa: E402


def _sets():
    return {
        "absolute-claim": absolute_claim._data()[0],
        "vague-citation": vague_citation._triggers()[0],
        "missing-disclaimer": missing_disclaimer._builtin()[0].set,
    }


def test_generated_module_is_current():
    current = (ROOT / "lint_rules" / "_rule_data.py").read_text(encoding="utf-8")
    assert current == gen_rule_data.render(), "run: python tools/gen_rule_data.py"


def test_check_mode_exit_code():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_rule_data.py"), "--check"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_every_builtin_pattern_has_stored_anchors_equal_to_computed():
    for name, pset in _sets().items():
        for _, pat in pset.items:
            assert pat.pattern in _rule_data.ANCHORS, (name, pat.pattern)
            assert anchor_info(pat.pattern) == compute_anchor_info(pat.pattern), pat.pattern


def test_pattern_text_is_the_same_in_every_process():
    """The anchor table is keyed by pattern text: building a pattern from a set
    of words must not depend on the hash seed."""
    code = ("from lint_rules import vague_citation as v\n"
            "print(sorted(p.pattern for _, p in v._triggers()[0].items))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT,
                           env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout for seed in (1, 2, 3)}
    assert len(outs) == 1 and outs.pop().startswith("[")


def test_load_data_uses_stored_data_only_for_identical_text(tmp_path, monkeypatch):
    name = "image_caption.yaml"
    stored_text, stored = _rule_data.DATA[name]
    assert _common.load_data(name) is stored
    # a changed file is parsed again, not taken from the cache
    monkeypatch.setattr(_common, "_HERE", str(tmp_path))
    (tmp_path / name).write_text(stored_text + "\nextra_key: 1\n", encoding="utf-8")
    _common.load_data.cache_clear()
    try:
        fresh = _common.load_data(name)
        assert fresh is not stored and fresh["extra_key"] == 1
        assert {k: v for k, v in fresh.items() if k != "extra_key"} == stored
    finally:
        _common.load_data.cache_clear()


def test_also_requirements():
    primary, also = compute_anchor_info(r"\b(?:heal|cure|fix)\s+(?:all|every|any)\s+(?:diseases?|pain)\b")
    assert primary == {"disease", "pain"}
    assert set(also) == {frozenset({"heal", "cure", "fix"}), frozenset({"all", "every", "any"})}
    p = AnchoredPattern(r"\b(?:heal|cure|fix)\s+(?:all|every|any)\s+(?:diseases?|pain)\b")
    assert p.may_match("it will fix all pain")
    assert not p.may_match("the pain of it all")  # no heal/cure/fix: the pattern is not tried
    assert compute_anchor_info(r"\b(?:is|are)\b") == (None, ())


def test_exotic_case_letters_fall_back_to_primary_anchors():
    # re.I matches the dotless i with "i": "fix" can match a text whose lower-case form lacks "fix"
    p = AnchoredPattern(r"\b(?:heal|cure|fix)\s+(?:all|every|any)\s+(?:diseases?|pain)\b")
    text = "We f\u0131x every pain."
    assert p.rx.search(text)
    assert p.may_match(text.lower())
    assert PatternSet([(None, p)]).active(text.lower())
    assert PatternSet([(None, p)]).active_per_text(["nothing", text.lower()])[1]


def _texts() -> list[str]:
    from acu_lint.document import Document

    out = []
    folders = [ROOT / "articles", ROOT.parent / "shared" / "seeds"]
    for folder in folders:
        if not folder.is_dir():
            continue
        for f in sorted(folder.rglob("*")):
            if f.suffix in (".md", ".txt", ".html") and f.is_file():
                doc = Document(f.read_text(encoding="utf-8"), str(f))
                out.extend(vague_citation.plain(b.prose.text) for b in doc.prose_blocks())
    # every string of the rules' own tests (their tables of flagged and passing sentences)
    for name in ("test_absolute_claim.py", "test_vague_citation.py", "test_missing_disclaimer.py"):
        tree = ast.parse((ROOT / "tests" / name).read_text(encoding="utf-8"))
        out.extend(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    out.extend(["Studies suggest it helps.", "A study published in the Journal of Pain found less pain.",
                "This article is for informational purposes only and does not constitute medical advice.",
                "It cures everything \u2014 guaranteed, 100% effective, no side effects!"])
    return out


@pytest.mark.parametrize("rule", ["absolute-claim", "vague-citation", "missing-disclaimer"])
def test_prefilter_keeps_every_pattern_that_matches(rule):
    pset = _sets()[rule]
    texts = _texts()
    lowered = [t.lower() for t in texts]
    per_text = pset.active_per_text(lowered)
    for text, low, act in zip(texts, lowered, per_text):
        assert act == pset.active(low)
        kept = {id(p) for _, p in act}
        for _, pat in pset.items:
            if pat.rx.search(text):
                assert id(pat) in kept, (pat.pattern[:60], text[:80])


def test_active_per_text_keeps_order_and_handles_edge_cases():
    pset = absolute_claim._data()[0]
    texts = ["", "miracle cure, guaranteed", "no side effects", "x" * 10, "guaranteed\x00miracle"]
    assert pset.active_per_text(texts) == [pset.active(t) for t in texts]
    assert pset.active_per_text(["miracle"]) == [pset.active("miracle")]
    got = pset.active_per_text(["miracle cure guaranteed completely safe"])[0]
    order = [id(p) for _, p in pset.items]
    assert [order.index(id(p)) for _, p in got] == sorted(order.index(id(p)) for _, p in got)
