"""lint_rules._claims: the analyses the claim rules share (scope of negations and
hedges, who speaks, refutations, titles of works, health context, word lexicons)."""
from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from acu_lint.document import Document
from lint_rules import _claims as C


def at(sentence: str, word: str) -> tuple[int, int]:
    i = sentence.index(word)
    return i, i + len(word)


def test_module_docstring_examples_run():
    failed, tried = doctest.testmod(C)
    assert tried >= 4 and failed == 0


@pytest.mark.parametrize("sentence, word, expected", [
    # forward triggers govern the rest of their clause (NegEx / ConText)
    ("Acupuncture is not a cure for migraine.", "cure", True),
    ("There is no evidence that cupping cures anxiety.", "cures", True),
    ("No treatment, including acupuncture, can cure ALS.", "cure", True),  # a negated subject
    ("It doesn't eliminate pain for everyone.", "eliminate", True),
    # a terminator ends the scope: the claim after "but" stands
    ("It is not expensive, but it cures back pain.", "cures", False),
    # "and" ends a negation's scope
    ("It has no needles and cures back pain.", "cures", False),
    # pseudo-triggers negate nothing
    ("Not only does it cure insomnia, it also lifts mood.", "cure", False),
    ("No doubt it cures insomnia.", "cures", False),
    # a trigger after the claim does not reach back
    ("It cures back pain, not anxiety.", "cures", False),
    # too far away: beyond the window of words
    ("Not far from the station, our friendly and very experienced team of six therapists cures back pain.",
     "cures", False),
])
def test_negation_scope(sentence, word, expected):
    a, b = at(sentence, word)
    assert C.negated(sentence, a, b) is expected


@pytest.mark.parametrize("sentence, word", [
    ("Complete relief is rare.", "Complete relief"),
    ("A permanent cure is unlikely.", "permanent cure"),
    ("Instant results? They don't happen.", "Instant results"),
])
def test_post_triggers_deny_what_comes_before(sentence, word):
    a, b = at(sentence, word)
    assert C.negated(sentence, a, b)
    assert not C.negated(sentence, a)  # without the end, only forward triggers count


@pytest.mark.parametrize("sentence, word, weak, cue", [
    ("Acupuncture may help relieve neck pain.", "relieve", False, "may"),
    ("Some people find that cupping eases back pain.", "eases", False, "some people"),
    ("Acupuncture is unlikely to cure migraine.", "cure", False, "unlikely"),
    ("For the most part, the tea is safe.", "safe", False, "for the most part"),  # an opening adverbial
    ("Cupping helps ease back pain.", "ease", True, "helps"),
    ("Cupping helps ease back pain.", "ease", False, None),  # "helps" is a weak cue only
    ("Cupping eases back pain.", "eases", True, None),
    ("It is cheap, but it eases back pain.", "eases", True, None),
])
def test_hedge_cues(sentence, word, weak, cue):
    a, b = at(sentence, word)
    assert C.hedge_cue(sentence, a, b, weak=weak) == cue


@pytest.mark.parametrize("sentence, expected", [
    ("The FTC warns sellers not to call a product risk-free.", True),
    ("Beware of websites that claim acupuncture cures cancer.", True),
    ("Some clinics claim cupping cures anxiety.", True),
    ("Snake oil, of course, cures everything.", True),
    ("Our clinic offers cupping for back pain.", False),
    ("Cupping cures anxiety.", False),
])
def test_reported_claims(sentence, expected):
    assert C.reported(sentence) is expected


@pytest.mark.parametrize("nxt, expected", [
    ("It does not.", True),
    ("That is a myth.", True),
    ("In fact, there is no evidence for it.", True),
    ("Sounds too good to be true?", True),
    ("It does not just ease pain, it cures it.", False),
    ("It works within days.", False),
    ("", False),
])
def test_refuted_by_the_next_sentence(nxt, expected):
    assert C.refuted_by_next(nxt) is expected


@pytest.mark.parametrize("text, expected", [
    ("Myth: acupuncture cures arthritis.", True),
    ("Misconception #2 - cupping removes toxins", True),
    ("Common myths: detox tea burns fat", True),
    ("Acupuncture myths are common.", False),
    ("Cupping cures anxiety.", False),
])
def test_refutation_labels(text, expected):
    assert C.refutation_label(text) is expected


def test_myth_section_runs_to_the_next_heading_of_its_level():
    md = ("# Detox teas\n\nIntro text here.\n\n## Common myths\n\n- Tea flushes toxins.\n\n### Sub\n\nMore myth text.\n\n"
          "## What we know\n\nThe liver clears waste.\n")
    doc = Document(md, "a.md")
    by_line = {b.line: b for b in doc.blocks if b.prose}
    assert not C.myth_section(doc, by_line[3])
    assert C.myth_section(doc, by_line[7]) and C.myth_section(doc, by_line[11])
    assert not C.myth_section(doc, by_line[15])
    # the title names the topic; it does not make the whole article a myth section
    doc = Document("# Myths about cupping\n\nCupping cures anxiety.\n", "a.md")
    assert not C.myth_section(doc, [b for b in doc.blocks if b.line == 3][0])


def test_negated_lead_in_covers_the_list_under_it():
    md = ("# CBD\n\n**CBD won't:**\n\n- Cure diseases\n- Replace medication\n\n**CBD may:**\n\n- Ease stress\n\n"
          "## What acupuncture cannot do\n\n- Reverse nerve damage\n")
    doc = Document(md, "a.md")
    items = {b.prose.text: b for b in doc.blocks if b.kind == "list_item"}
    assert C.negated_lead_in(doc, items["Cure diseases"]) and C.negated_lead_in(doc, items["Replace medication"])
    assert not C.negated_lead_in(doc, items["Ease stress"])
    assert C.negated_lead_in(doc, items["Reverse nerve damage"])


def test_quote_and_title_spans():
    s = 'Avoid "miracle cure" in adverts and read "the label".'
    assert [s[a:b] for a, b in C.quote_spans(s)] == ['"miracle cure"', '"the label"']
    assert C.quote_spans("no quotes here") == []
    md = "# Books\n\nRead [*Healing Arthritis*](https://x.example/b) and <cite>Cure Your Back</cite> today.\n"
    doc = Document(md, "a.md")
    block = [b for b in doc.blocks if b.line == 3][0]
    titles = [doc.text[a:b] for a, b in C.title_spans(doc, block)]
    assert "*Healing Arthritis*" in titles and "<cite>Cure Your Back</cite>" in titles
    assert C.inside([(0, 10)], 2, 5) == (0, 10) and C.inside([(0, 10)], 8, 12) is None


def test_health_article():
    assert C.health_article(Document("# Back pain\n\nAcupuncture may ease back pain.\n", "a.md"))  # short: assumed
    tech = " ".join(["The build server compiles the project and the cache stores artefacts for the next run."] * 15)
    assert not C.health_article(Document("# Builds\n\n" + tech + "\n", "a.md"))
    health = ("Back pain, neck pain and headaches are common. Your doctor may suggest physiotherapy, "
              "medication or acupuncture for chronic symptoms. ") * 8
    assert C.health_article(Document("# Pain\n\n" + health + "\n", "a.md"))
    assert C.has_health_terms("my knee hurts") and not C.has_health_terms("the build is green")


def test_term_index_matches_whole_words_longest_first():
    idx = C.TermIndex(["pain", "back pain", "hot flush", "hot flushes", "crohn's"])
    s = "Back pain, painful hot flushes and Crohn's; pain-free days."
    assert [m.group(0) for m in idx.finditer(s)] == ["Back pain", "hot flushes", "Crohn's"]
    assert idx.search(s, 5).group(0) == "pain" and idx.search(s, 10).group(0) == "hot flushes"
    assert idx.search(s, 0, 8) is None  # the match must end before endpos
    assert idx.sub("X", "pain and back pain") == "X and X"
    starts, ends, words = C.tokens("It's pain-free, isn't it?")
    assert words == ["it's", "pain-free", "isn't", "it"]


def test_sentences_and_citations():
    text = "Dr. Lee found less pain (Lee et al., 2019). It may help. See e.g. the trial."
    assert [text[a:b] for a, b in C.sentence_spans(text)] == [
        "Dr. Lee found less pain (Lee et al., 2019).", "It may help.", "See e.g. the trial."]
    assert C.has_identifier("(Lee et al., 2019)")
    assert C.has_identifier("see https://pubmed.ncbi.nlm.nih.gov/123456/", links="sources")
    assert not C.has_identifier("book at https://clinic.example/book", links="sources")
    assert C.markers_in("as shown [1, 3-4] and [^a]") == ["1", "3", "4", "a"]
    assert C.url_spans("go to www.example.com now") == [(6, 21)]
    assert C.looks_like_reference("Smith J, Lee K. Acupuncture for knee pain. Pain Med. 2019;20(4):800-9.")


def test_bad_input_does_not_raise():
    for text in ("", "\n\n", "\u0130\u0131\u017f" * 50, "a" * 20000, '"' * 500, "(" * 300 + "cure"):
        C.negated(text, len(text) // 2, len(text))
        C.hedge_cue(text, len(text) // 2)
        C.reported(text)
        C.refuted_by_next(text)
        C.quote_spans(text)
        C.TermIndex(["cure"]).search(text)


def test_a_heading_that_is_a_whole_sentence_governs_no_list():
    # NegEx: a negation's scope ends with its sentence; only a lead-in that waits for its list negates the list
    md = ("# Cupping\n\n## Cupping is not a cure\n\n- The marks always fade.\n\n## Things cupping is not\n\n"
          "- A cure for arthritis\n\n## What cupping won't do\n\n- Cure arthritis\n")
    doc = Document(md, "a.md")
    items = {b.prose.text: b for b in doc.blocks if b.kind == "list_item"}
    assert not C.negated_lead_in(doc, items["The marks always fade."])
    assert C.negated_lead_in(doc, items["A cure for arthritis"])
    assert C.negated_lead_in(doc, items["Cure arthritis"])


def test_a_lead_in_that_reports_claims_covers_its_list():
    md = ("# Foot pads\n\nThe boxes and websites made these claims:\n\n- Draws toxins out overnight\n\n"
          "Our clinic offers:\n\n- Gentle care\n")
    doc = Document(md, "a.md")
    items = {b.prose.text: b for b in doc.blocks if b.kind == "list_item"}
    assert C.negated_lead_in(doc, items["Draws toxins out overnight"])
    assert not C.negated_lead_in(doc, items["Gentle care"])


def test_an_article_about_another_subject_is_not_health_even_with_health_words():
    orchard = (Path(__file__).parent / "data" / "claims" / "nonhealth_orchard.md").read_text(encoding="utf-8")
    doc = Document(orchard, "orchard.md")
    assert len(C.health_terms(orchard)) >= C.HEALTH_MIN_TERMS  # infection, disease, healthy, damage ...
    assert not C.health_article(doc)
    # a health article that mentions gardening stays one
    health = ("Gardening with arthritis: kneeling pads protect the knee, and raised beds spare the back. "
              "Ask your doctor or physiotherapist about pain, stiffness and medication. ") * 6
    assert C.health_article(Document("# Arthritis\n\n" + health + "\n", "a.md"))
