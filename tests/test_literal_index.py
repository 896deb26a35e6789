"""The literal prefilter (Aho-Corasick over the anchors of a rule's patterns)
finds exactly the literals that ``in`` finds, overlapping ones included."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lint_rules._common import LiteralIndex, literal_hits
from lint_rules.vague_citation import AnchoredPattern, PatternSet

LITERALS = ["cure", "cures", "ure", "secure", "ever", "every", "forever", "e", "pain-free", "free"]


def brute(text: str, literals) -> set[str]:
    return {a for a in literals if a in text}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="curesvyfoaip- \u00e9", max_size=60))
def test_mask_finds_what_in_finds(text):
    index = LiteralIndex(LITERALS)
    assert index.found(text) == brute(text, LITERALS)
    expected = 0
    for a in brute(text, LITERALS):
        expected |= index.bits[a]
    assert index.mask(text) == expected


def test_overlapping_and_nested_literals():
    index = LiteralIndex(LITERALS)
    assert index.found("insecure forever") == {"secure", "cure", "ure", "e", "ever", "forever"}
    assert index.found("") == set()
    assert LiteralIndex([]).mask("anything") == 0
    assert literal_hits(["a pain-free day", "nothing"], ["free", "pain"]) == [{"free", "pain"}, None]


def test_pattern_set_needs_an_anchor_and_each_requirement():
    """A pattern is tried only where one of its anchors and a literal of each of
    its further requirements occur; patterns keep their order."""
    cure_all = AnchoredPattern(r"\b(?:cures?|heals?)\s+(?:all|every)\s+(?:pain|illness)\b")
    miracle = AnchoredPattern(r"\bmiracle\b")
    pset = PatternSet([("a", cure_all), ("b", miracle)])
    assert cure_all.anchors and cure_all.also  # the example needs both kinds of literal
    assert [p for p, _ in pset.active("it cures every pain, a miracle")] == ["a", "b"]
    assert [p for p, _ in pset.active("a miracle")] == ["b"]
    assert pset.active("nothing to see") == ()
    for text in ("it cures every pain", "heals all illness", "cures nothing", "every pain", "miracle cure"):
        assert ("a" in [p for p, _ in pset.active(text)]) == cure_all.may_match(text), text
    # the memo answers a second text with the same literals the same way
    assert pset.active("it cures every pain") == pset.active("every pain it cures")
