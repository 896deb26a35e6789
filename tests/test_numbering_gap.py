"""numbering-gap: must-flag and must-pass tables, fixes, seeds 002 and 004."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acu_lint.document import Document
from acu_lint.engine import RuleSetup, apply_edits, fix_document, FileResult
from conftest import lint, seeds_or_skip

RULE = "numbering-gap"


def gaps(text: str, filename: str = "a.txt", **options):
    return [f for f in lint(text, filename, select=[RULE], options={RULE: options} if options else None)
            if f.rule == RULE]


def fixed(text: str, filename: str = "a.txt") -> str:
    from acu_lint.rules import load_registry

    r = load_registry()[RULE]
    doc, remaining = fix_document(Document(text, filename), [RuleSetup(RULE, r.check, dict(r.options), r.severity)],
                                  False, FileResult(filename))
    assert [f for f in remaining if f.rule == RULE and f.fix is not None] == []
    return doc.text


# (name, filename, text, [(line, column)] of the findings)
MUST_FLAG = [
    ("gap", "a.txt", "Steps\n\n1. Rest.\n2. Ice.\n3. Wrap.\n5. Raise.\n", [(6, 1)]),
    ("gap of two", "a.txt", "Steps\n\n1. Rest.\n2. Ice.\n5. Raise.\n", [(5, 1)]),
    ("duplicate", "a.txt", "Steps\n\n1. Rest.\n2. Ice.\n2. Wrap.\n3. Raise.\n", [(5, 1)]),
    ("out of order", "a.txt", "Steps\n\n1. Rest.\n3. Ice.\n2. Wrap.\n4. Raise.\n", [(4, 1), (5, 1)]),
    ("paren style", "a.md", "# Steps\n\n1) Rest.\n2) Ice.\n4) Raise.\n", [(5, 1)]),
    ("step lines", "a.txt", "Plan\n\nStep 1: Rest.\n\nStep 2: Ice.\n\nStep 4: Raise.\n", [(7, 1)]),
    ("hash items", "a.txt", "Tips\n\n#1 Sleep well.\n\n#2 Drink water.\n\n#4 Walk.\n", [(7, 1)]),
    ("indented text list", "a.txt", "Benefits\n\n  1. Less pain.\n\n  2. Better sleep.\n\n  4. Less stress.\n",
     [(7, 3)]),
    ("sub-bullets between items", "a.txt",
     "Types\n\n1. Chronic:\n\n- Lasts months.\n\n2. Acute:\n\n- Short.\n\n4. Nerve:\n\n- Burning.\n", [(11, 1)]),
    ("md items split by bullets", "a.md",
     "# Types\n\n1. Chronic:\n\n- Lasts months.\n\n2. Acute:\n\n- Short.\n\n4. Nerve:\n\n- Burning.\n", [(11, 1)]),
    ("md paragraph between items", "a.md", "# Steps\n\n1. Rest.\n\nTake your time.\n\n3. Ice.\n", [(7, 1)]),
    ("md code block between items", "a.md", "# Steps\n\n1. Rest.\n\n```\n5. code\n```\n\n2. Ice.\n3. Wrap.\n5. Go.\n",
     [(11, 1)]),
    ("md nested gap", "a.md", "# Visits\n\n1. First visit\n   1. Form\n   3. Exam\n2. Follow-up\n", [(5, 4)]),
    ("md nested under bullets", "a.md", "# Visits\n\n- First\n  1. Form\n  2. Exam\n- Later\n  1. Talk\n  3. Needles\n",
     [(8, 3)]),
    ("text nested gap", "a.txt", "Visits\n\n1. First visit\n   1. Form\n   3. Exam\n2. Follow-up\n", [(5, 4)]),
    ("md blockquote", "a.md", "# Q\n\n> 1. One\n> 2. Two\n> 4. Four\n", [(5, 3)]),
    ("step headings", "a.md", "# Plan\n\n## Step 1: Rest\n\nSleep.\n\n## Step 2: Ice\n\nCold.\n\n## Step 4: Move\n\nWalk.\n",
     [(11, 4)]),
    ("numbered headings", "a.md", "# Guide\n\n## 1. Before\n\nEat.\n\n## 3. After\n\nRest.\n", [(7, 4)]),
    ("countdown with a gap", "a.txt", "Top five\n\n5. e\n4. d\n2. b\n1. a\n", [(5, 1)]),
    ("html ul with typed numbers", "a.html", "<h2>Steps</h2>\n<ul>\n<li>1. One</li>\n<li>2. Two</li>\n<li>4. Four</li>\n</ul>\n",
     [(5, 5)]),
    ("html ol value", "a.html", "<h2>Steps</h2>\n<ol>\n<li>One</li>\n<li>Two</li>\n<li value=\"4\">Four</li>\n</ol>\n",
     [(5, 15)]),
]

MUST_PASS = [
    ("whole list", "a.txt", "Steps\n\n1. Rest.\n2. Ice.\n3. Wrap.\n"),
    ("restart after heading", "a.txt", "Help\n\n1. Rest.\n2. Ice.\n\nAvoid\n\n1. Lifting.\n2. Driving.\n"),
    ("restart after paragraph", "a.txt", "Help\n\n1. Rest.\n2. Ice.\n\nAnd then there is more.\n\n1. Lift.\n2. Drive.\n"),
    ("lazy markdown numbering", "a.md", "# Steps\n\n1. Rest.\n1. Ice.\n1. Wrap.\n1. Raise.\n"),
    ("zero based", "a.md", "# Steps\n\n0. Start.\n1. Rest.\n2. Ice.\n"),
    ("start above one", "a.md", "# Steps\n\n4. Rest.\n5. Ice.\n"),
    ("continues across sections", "a.md", "# A\n\n1. One.\n2. Two.\n\n# B\n\n3. Three.\n4. Four.\n"),
    ("countdown", "a.txt", "Top five\n\n5. e\n4. d\n3. c\n2. b\n1. a\n"),
    ("nested restarts", "a.md", "# V\n\n1. First\n   1. Form\n   2. Exam\n2. Later\n   1. Talk\n   2. Needles\n"),
    ("text nested restarts", "a.txt", "V\n\n1. First\n   1. Form\n   2. Exam\n2. Later\n   1. Talk\n"),
    ("code block numbers", "a.md", "# Code\n\n```\n1. one\n3. three\n7. seven\n```\n"),
    ("indented code numbers", "a.md", "# Code\n\nSome text.\n\n    1. one\n    3. three\n"),
    ("table numbers", "a.md", "# Doses\n\n| Step | Dose |\n|---|---|\n| 1. | 10 mg |\n| 3. | 20 mg |\n"),
    ("code and table between items", "a.md",
     "# D\n\n1. Take.\n\n~~~\n5. code\n~~~\n\n| 1. | 9. |\n|---|---|\n| 4. | 2. |\n\n2. Drink.\n3. Rest.\n"),
    ("step headings with own lists", "a.md",
     "# Plan\n\n## Step 1: Rest\n\n1. Lie down.\n2. Breathe.\n\n## Step 2: Move\n\n1. Stand.\n2. Walk.\n"),
    ("step headings whole", "a.md", "# Plan\n\n## Step 1: Rest\n\nSleep.\n\n## Step 2: Ice\n\nCold.\n"),
    ("different styles", "a.md", "# S\n\n1. a\n2. b\n\n1) x\n2) y\n\n3. c\n"),
    ("a year is not an item", "a.txt", "Notes\n\n1. First.\n2. Second.\n2019. A good year for research.\n"),
    ("right-aligned numbers", "a.txt", "Long list\n\n 8. h\n 9. i\n10. j\n11. k\n"),
    ("numbers in prose", "a.txt", "About\n\nWe saw 1. patients, 3. times. In 2019. we began 5. trials.\n"),
    ("heading with a count", "a.md", "# Guide\n\n## 5 Ways to Relax\n\nText.\n\n## 3 Things to Avoid\n\nText.\n"),
    ("decimal at line start", "a.txt", "Data\n\n1. First.\n3.5 million people have it.\n2. Second.\n"),
    ("html ol lists", "a.html", "<h2>A</h2><ol><li>One</li><li>Two</li></ol><p>x</p><ol><li>One</li><li>Two</li></ol>"),
    ("html ol start continues", "a.html", "<h2>A</h2><ol><li>One</li><li>Two</li></ol><p>x</p><ol start=\"3\"><li>3</li></ol>"),
    ("bullets only", "a.md", "# B\n\n- one\n- two\n- four\n"),
]


@pytest.mark.parametrize("name,filename,text,expected", MUST_FLAG, ids=[c[0] for c in MUST_FLAG])
def test_must_flag(name, filename, text, expected):
    found = gaps(text, filename)
    assert [(f.line, f.column) for f in found] == expected
    assert all(f.severity == "warning" for f in found)


@pytest.mark.parametrize("name,filename,text", MUST_PASS, ids=[c[0] for c in MUST_PASS])
def test_must_pass(name, filename, text):
    assert gaps(text, filename) == []


def test_message_and_data():
    (f,) = gaps("Steps\n\n1. Rest.\n2. Ice.\n3. Wrap.\n5. Raise.\n6. Walk.\n")
    assert f.message.startswith("Numbering skips 4: item 5 follows item 3 (line 5).")
    assert f.data == {"found": 5, "expected": 4, "previous": 3, "previous_line": 5, "sequence_lines": [3, 4, 5, 6, 7]}
    assert f.fix is not None and f.fix.safe
    (d,) = gaps("Steps\n\n1. Rest.\n2. Ice.\n2. Wrap.\n")
    assert d.message.startswith("Numbering repeats 2: item 2 on line 4 too.")
    (s,) = gaps("Plan\n\nStep 1: Rest.\n\nStep 3: Ice.\n")
    assert s.message.startswith("Numbering skips 2: step 3 follows step 1")
    assert (s.column, s.end_column) == (1, 8)  # the marker "Step 3:"


def test_max_jump_option():
    text = "Steps\n\n1. Rest.\n2. Ice.\n7. Wrap.\n"
    assert [f.line for f in gaps(text)] == [5]
    assert gaps(text, max_jump=4) == []


def test_check_headings_option():
    text = "# Plan\n\n## Step 1: Rest\n\nSleep.\n\n## Step 3: Move\n\nWalk.\n"
    assert len(gaps(text, "a.md")) == 1
    assert gaps(text, "a.md", check_headings=False) == []


def test_validate():
    from lint_rules import numbering_gap

    with pytest.raises(ValueError, match="max_jump"):
        numbering_gap.validate({"max_jump": 0, "check_headings": True})


# -- fixes ------------------------------------------------------------------
@pytest.mark.parametrize("filename,before,after", [
    ("a.txt", "Steps\n\n1. Rest.\n2. Ice.\n3. Wrap.\n5. Raise.\n6. Walk.\n",
     "Steps\n\n1. Rest.\n2. Ice.\n3. Wrap.\n4. Raise.\n5. Walk.\n"),
    ("a.txt", "Plan\n\n  Step 1: Rest.\n\n  Step 3: Ice.\n\n  Step 4: Go.\n",
     "Plan\n\n  Step 1: Rest.\n\n  Step 2: Ice.\n\n  Step 3: Go.\n"),
    ("a.txt", "Tips\n\n#1 Sleep.\n#3 Walk.\n", "Tips\n\n#1 Sleep.\n#2 Walk.\n"),
    ("a.md", "# S\n\n1) a\n2) b\n2) c\n3) d\n", "# S\n\n1) a\n2) b\n3) c\n4) d\n"),
    ("a.md", "# S\n\n1. a\n   1. x\n   3. y\n2. b\n", "# S\n\n1. a\n   1. x\n   2. y\n2. b\n"),
    ("a.md", "# S\n\n> 1. a\n> 3. b\n", "# S\n\n> 1. a\n> 2. b\n"),
    ("a.md", "# P\n\n## Step 1: Rest\n\nx\n\n## Step 3: Go\n\ny\n", "# P\n\n## Step 1: Rest\n\nx\n\n## Step 2: Go\n\ny\n"),
    ("a.txt", "Count\n\n5. e\n4. d\n2. b\n1. a\n", "Count\n\n5. e\n4. d\n3. b\n2. a\n"),
    ("a.txt", "Steps\n\n 8. h\n 9. i\n11. k\n12. l\n", "Steps\n\n 8. h\n 9. i\n10. k\n11. l\n"),
    ("a.html", "<h2>S</h2>\n<ul>\n<li>1. One</li>\n<li>3. Two</li>\n</ul>\n",
     "<h2>S</h2>\n<ul>\n<li>1. One</li>\n<li>2. Two</li>\n</ul>\n"),
])
def test_fix_renumbers_keeping_style(filename, before, after):
    assert fixed(before, filename) == after


def test_no_fix_when_number_is_not_in_the_source():
    (f,) = gaps("<h2>S</h2>\n<ol>\n<li>One</li>\n<li value=\"3\">Two</li>\n</ol>\n", "a.html")
    assert f.fix is None
    # an <ol> item whose text starts with a number: that number is content, never renumbered
    (g,) = gaps("<h2>S</h2>\n<ol>\n<li>Rest</li>\n<li value=\"3\">3 times a day</li>\n</ol>\n", "a.html")
    assert g.fix is None


def test_empty_markdown_items_are_renumbered():
    assert fixed("# S\n\n1. a\n2.\n4. c\n", "a.md") == "# S\n\n1. a\n2.\n3. c\n"
    assert fixed("# S\n\n- x\n\n  1. a\n  3.\n", "a.md") == "# S\n\n- x\n\n  1. a\n  2.\n"


def test_crlf_file_fix_keeps_line_endings(tmp_path):
    p = tmp_path / "steps.txt"
    p.write_bytes(b"Steps\r\n\r\n1. Rest.\r\n3. Ice.\r\n")
    r = subprocess.run([sys.executable, "-m", "acu_lint", "--select", RULE, "--fix", "--no-cache", str(p)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode in (0, 1), r.stderr
    assert p.read_bytes() == b"Steps\r\n\r\n1. Rest.\r\n2. Ice.\r\n"


STYLES = {"dot": "{n}. item", "paren": "{n}) item", "step": "Step {n}: item", "hash": "#{n} item"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(numbers=st.lists(st.integers(min_value=1, max_value=12), min_size=2, max_size=8),
       style=st.sampled_from(sorted(STYLES)), indent=st.sampled_from(["", "  "]),
       blank=st.booleans(), ext=st.sampled_from(["txt", "md"]))
def test_fix_property(numbers, style, indent, blank, ext):
    """Fixing changes only digits, leaves no fixable finding, and a second fix changes nothing."""
    if ext == "md" and style in ("step", "hash"):
        indent = ""  # indented "Step 1:" lines would be Markdown code or lazy continuation
    sep = "\n\n" if blank else "\n"
    body = sep.join(indent + STYLES[style].format(n=n) for n in numbers)
    text = ("# Items\n\n" if ext == "md" else "Items\n\n") + body + "\n"
    name = f"a.{ext}"
    once = fixed(text, name)
    assert re.sub(r"\d", "", once) == re.sub(r"\d", "", text)
    assert all(f.fix is None for f in gaps(once, name))
    if once != text:  # something was renumbered: then nothing is left to report
        assert gaps(once, name) == []
    assert fixed(once, name) == once


# -- seeds ------------------------------------------------------------------
def test_seed_002_second_list_gap_only():
    seeds = seeds_or_skip()
    text = (seeds / "002_61f04f7f713dda28.txt").read_text(encoding="utf-8")
    found = gaps(text, "002.txt")
    assert [(f.line, f.column, f.end_column) for f in found] == [(43, 1, 3)]
    assert found[0].data["sequence_lines"] == [31, 35, 39, 43, 47]


def test_seed_004_indented_list_is_whole():
    seeds = seeds_or_skip()
    text = (seeds / "004_b58b6a3761631fd8.txt").read_text(encoding="utf-8")
    assert gaps(text, "004.txt") == []


def test_seed_002_fix_on_a_copy(tmp_path):
    seeds = seeds_or_skip()
    src = seeds / "002_61f04f7f713dda28.txt"
    copy = tmp_path / src.name
    copy.write_bytes(src.read_bytes())
    r = subprocess.run([sys.executable, "-m", "acu_lint", "--select", RULE, "--fix", "--no-cache", str(copy)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode in (0, 1), r.stderr
    before = src.read_text(encoding="utf-8").split("\n")
    after = copy.read_text(encoding="utf-8").split("\n")
    changed = {i + 1: (a, b) for i, (a, b) in enumerate(zip(before, after)) if a != b}
    assert len(before) == len(after)
    assert changed == {43: ("5. Menstrual Pain:", "4. Menstrual Pain:"), 47: ("6. Muscle Spasms:", "5. Muscle Spasms:")}
    # the first list (lines 9-25) and the restart at line 31 are untouched
    assert [after[i - 1][:2] for i in (9, 13, 17, 21, 25, 31, 35, 39)] == ["1.", "2.", "3.", "4.", "5.", "1.", "2.", "3."]
    r2 = subprocess.run([sys.executable, "-m", "acu_lint", "--select", RULE, "--no-cache", str(copy)],
                        capture_output=True, text=True, timeout=120)
    assert "numbering-gap" not in r2.stdout


_PIECES = st.sampled_from(["1. a\n", "2. b\n", "4. d\n", "1) x\n", "Step 3: s\n", "#2 h\n", "   1. n\n", "- b\n",
                           "\n", "## H\n", "## Step 2: H\n", "> 3. q\n", "```\n", "para text\n", "<li>5. v</li>",
                           "<ol start=\"3\"><li>x</li></ol>", "2019. y\n", "---\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=40), ext=st.sampled_from(["txt", "md", "html"]))
def test_any_text_fix_touches_only_digits(pieces, ext):
    text = "".join(pieces)
    for f in gaps(text, f"a.{ext}"):
        assert 0 <= f.start <= f.end <= len(text)
        if f.fix is not None:
            for e in f.fix.edits:
                assert text[e.start:e.end].isdigit() and e.text.isdigit()
            after = apply_edits(text, list(f.fix.edits))
            assert re.sub(r"\d", "", after) == re.sub(r"\d", "", text)
