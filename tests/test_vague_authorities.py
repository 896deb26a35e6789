"""vague-citation: unnamed professions offered as proof are appeals nobody can check;
a story about what people said, or a practice's own belief, is not."""
from __future__ import annotations

import pytest

from conftest import lint

LEAD = "# Notes on skin care\n\nThis page is about acne, eczema and the care of the skin.\n\n"


def _appeals(sentence: str):
    return [f for f in lint(LEAD + sentence + "\n", "skin.md", select=["vague-citation"])]


@pytest.mark.parametrize("sentence,phrase", [
    ("Dermatologists agree that this serum clears acne within a week.", "Dermatologists agree"),
    ("Paediatric osteopaths have found that gentle work settles reflux.", "osteopaths have found"),
    ("Naturopaths have recorded remission rates of over 80% with the diet.", "Naturopaths have recorded"),
    ("Scientists have known for years that sugar worsens eczema.", "Scientists have known for years that"),
    ("Pharmacists report that the balm works faster than steroid creams.", "Pharmacists report that"),
])
def test_unnamed_professions_are_appeals(sentence, phrase):
    found = _appeals(sentence)
    assert len(found) == 1
    assert phrase in found[0].message


@pytest.mark.parametrize("sentence", [
    "The nurses said the ward was full that night.",
    "Our dermatologists have found that many patients prefer a fragrance-free cream.",
    "Dentists recommend brushing twice a day with a fluoride toothpaste.",
    "Practitioners say the treatment feels like a gentle pull on the skin.",
    "Dermatologists agree with you that the rash needs a closer look.",
])
def test_stories_beliefs_and_named_people_are_not(sentence):
    assert _appeals(sentence) == []
