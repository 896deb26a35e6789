"""An article that an AI pipeline wrapped whole in a code fence (```markdown ... ```)
is read as Markdown at its exact place in the file: every rule sees its prose,
fixes inside it work, and the fence lines stay non-prose for assistant-text.
Real code samples stay code. All articles are our own."""
from __future__ import annotations

import pytest

from acu_lint.document import Document, find_wrapper
from acu_lint.engine import FileResult, RuleSetup, fix_document, lint_document
from acu_lint.rules import load_registry
from conftest import lint

LONG = "Most people who try this notice the difference only after several weekly sessions with the same therapist."

WRAPPED = """Here is the revised article you asked for:

```markdown
# Cupping for Shoulder Tension

Many office workers carry tension in their shoulders by the end of a long week at the desk.

Cupping cures frozen shoulder in a single session. Numerous studies have shown that it loosens tight fascia.

## How a session runs

1. Your therapist checks how far you can lift your arm.
2. Glass cups are warmed and placed along the upper back.
4. The cups stay on for five to ten minutes.

Image prompt: glass cups on a relaxed back, warm studio light, photorealistic, 4k
```

Let me know if you'd like a shorter version!
"""


def at(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of ``needle`` in ``text``."""
    i = text.index(needle)
    line = text.count("\n", 0, i) + 1
    return line, i - (text.rfind("\n", 0, i) + 1) + 1


def found(text: str, rule: str, filename: str = "a.md") -> list:
    return [f for f in lint(text, filename, select=[rule]) if f.rule == rule]


# ---------------------------------------------------------------------------
# the Document
# ---------------------------------------------------------------------------
def test_the_inside_is_parsed_as_markdown_at_exact_positions():
    doc = Document(WRAPPED, "a.md")
    assert doc.wrapper == (3, 17)
    got = [(b.kind, b.line, doc.position(b.start)[1], b.data.get("wrapper")) for b in doc.blocks]
    assert got == [
        ("paragraph", 1, 1, None),  # the preamble
        ("code", 3, 1, "open"),
        ("heading", 4, 3, None),
        ("paragraph", 6, 1, None),
        ("paragraph", 8, 1, None),
        ("heading", 10, 4, None),
        ("list_item", 12, 1, None),
        ("list_item", 13, 1, None),
        ("list_item", 14, 1, None),
        ("paragraph", 16, 1, None),
        ("code", 17, 1, "close"),
        ("paragraph", 19, 1, None),
    ]
    assert doc.title is not None and doc.title.prose.text == "Cupping for Shoulder Tension"
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.number for b in items] == [1, 2, 4]
    # every prose character maps back to the same character of the source
    for b in doc.prose_blocks():
        for k, ch in enumerate(b.prose.text):
            if ch != "\n":
                assert doc.text[b.prose.offsets[k]] == ch
    # the fence lines are no prose
    assert all(not b.is_prose for b in doc.blocks if b.data.get("wrapper"))
    assert doc.blocks[1].data["info"] == "markdown"


@pytest.mark.parametrize("opening,closing", [("```", "```"), ("```md", "```"), ("~~~", "~~~"), ("````markdown", "````"),
                                             ("``` markdown", "```"), ("~~~text", "~~~")])
def test_fence_forms(opening, closing):
    text = f"{opening}\n# Knee Pain\n\n{LONG}\n\n{LONG}\n\n{LONG}\n{closing}\n"
    doc = Document(text, "a.md")
    assert doc.wrapper == (1, 9)
    assert [(b.kind, b.line) for b in doc.blocks] == [("code", 1), ("heading", 2), ("paragraph", 4),
                                                     ("paragraph", 6), ("paragraph", 8), ("code", 9)]


def test_front_matter_inside_the_fence_is_front_matter_and_the_files_own_wins():
    inner = f"---\ntitle: Knee Pain\n---\n# Knee Pain\n\n{LONG}\n\n{LONG}\n"
    doc = Document(f"```markdown\n{inner}```\n", "a.md")
    assert doc.front_matter == {"title": "Knee Pain"}
    assert [(b.kind, b.line) for b in doc.blocks][:3] == [("code", 1), ("front_matter", 2), ("heading", 5)]
    doc = Document(f"---\ntitle: Outer\n---\n```markdown\n{inner}```\n", "a.md")
    assert doc.front_matter == {"title": "Outer"}
    assert doc.wrapper == (4, 13)


def test_a_heading_alone_before_a_whole_wrapped_article():
    text = f"# Draft 2\n\n```markdown\n# Knee Pain\n\n{LONG}\n\n{LONG}\n\n{LONG}\n```\n"
    doc = Document(text, "a.md")
    assert doc.wrapper == (3, 11)
    # a heading and a sentence before it: the article starts outside the fence
    text = f"# Draft 2\n\nHere is the sample.\n\n```markdown\n# Knee Pain\n\n{LONG}\n\n{LONG}\n\n{LONG}\n```\n"
    assert Document(text, "a.md").wrapper is None


def test_an_unclosed_wrapper_runs_to_the_end():
    doc = Document(f"```markdown\n# Knee Pain\n\n{LONG}\n\n{LONG}\n", "a.md")
    assert doc.wrapper == (1, None)
    assert [b.kind for b in doc.blocks] == ["code", "heading", "paragraph", "paragraph"]


def test_code_samples_nested_inside_the_wrapper_stay_code():
    for outer, close in (("````markdown", "````"), ("```markdown", "```")):
        text = (f"{outer}\n# Logging Pain\n\n{LONG}\n\n```python\nprint('log your pain score daily')\n```\n\n"
                f"{LONG}\n{close}\n")
        doc = Document(text, "a.md")
        assert doc.wrapper == (1, 11)
        assert [(b.kind, b.line) for b in doc.blocks] == [("code", 1), ("heading", 2), ("paragraph", 4),
                                                         ("code", 6), ("paragraph", 10), ("code", 11)]


# real code samples and examples are not wrappers
NOT_WRAPPED = [
    # a Python sample at the top of a short file
    f"```python\n# {LONG}\nprint('{LONG}')\nprint('{LONG}')\nprint('{LONG}')\n```\n",
    # one sample at the start, prose, another sample at the end
    f"```\nnpm install pain-diary\n```\n\n# Pain Diary\n\n{LONG}\n\n{LONG}\n\n{LONG}\n\n```\nnpm run diary\n```\n",
    # a Markdown example under the article's own heading
    f"# Writing Patient Handouts\n\n```markdown\n# Knee Pain\n\n{LONG}\n\n{LONG}\n```\n",
    # a Markdown example in the middle, prose before and after it
    f"Here is how we lay out a handout.\n\n{LONG}\n\n{LONG}\n\n{LONG}\n\n```markdown\n# Knee Pain\n\n{LONG}\n```\n\n{LONG}\n",
    # a bare fence around prose without any heading (plain text quoted as a block)
    f"```\n{LONG}\n\n{LONG}\n\n{LONG}\n```\n",
    # a fence marked markdown around one line of prose and no heading
    f"```markdown\n{LONG}\n```\n",
    # a long text after the closing fence: the fence is an example, not a wrapper
    f"```markdown\n# Knee Pain\n\n{LONG}\n\n{LONG}\n```\n\n{LONG}\n\n{LONG}\n\n{LONG}\n\n{LONG}\n",
    "",
    "```",
    "```markdown\n```\n",
]


@pytest.mark.parametrize("text", NOT_WRAPPED)
def test_real_code_samples_stay_code(text):
    doc = Document(text, "a.md")
    assert doc.wrapper is None
    assert not any(b.data.get("wrapper") for b in doc.blocks)


def test_real_code_is_not_read_by_the_claim_rules():
    text = f"# Pain Diary\n\n{LONG}\n\n```text\nStudies show this cures everything.\n```\n\n{LONG}\n"
    assert found(text, "vague-citation") == []
    assert found(text, "absolute-claim") == []


def test_the_check_is_cheap_on_an_ordinary_article():
    # no fence among the first lines: the wrapper search reads a handful of lines
    lines = ["# Knee Pain", "", LONG, "", LONG] + ["```"] * 5
    assert find_wrapper(lines) is None
    assert find_wrapper([]) is None


def test_text_and_html_files_are_not_unwrapped():
    # only Markdown files are parsed this way (a .txt file has no code blocks at all)
    assert Document(WRAPPED, "a.txt").wrapper is None
    assert Document(WRAPPED, "a.html").wrapper is None


def test_an_html_article_in_an_html_fence_is_read():
    text = (f"Here you go:\n\n```html\n<article>\n<h1>Knee Pain</h1>\n<p>{LONG}</p>\n<p>{LONG}</p>\n<p>{LONG}</p>\n"
            f"<p>Numerous studies have shown that it works.</p>\n</article>\n```\n")
    doc = Document(text, "a.md")
    assert doc.wrapper == (3, 11)
    assert doc.title is not None and doc.title.line == 5
    (f,) = found(text, "vague-citation")
    assert (f.line, f.column) == (9, 4)


# ---------------------------------------------------------------------------
# every rule sees the inner prose, at the right place
# ---------------------------------------------------------------------------
def test_each_rule_sees_the_inner_prose():
    (f,) = found(WRAPPED, "absolute-claim")
    assert (f.line, f.column) == at(WRAPPED, "cures") and f.snippet == "cures"
    (f,) = found(WRAPPED, "vague-citation")
    assert (f.line, f.column, f.snippet) == (*at(WRAPPED, "Numerous studies"), "Numerous studies have shown")
    (f,) = found(WRAPPED, "numbering-gap")
    assert (f.line, f.column) == (14, 1)
    (f,) = found(WRAPPED, "image-prompt")  # once, not twice (the Document and assistant-text both unwrap it)
    assert (f.line, f.column) == (16, 1)
    (f,) = found(WRAPPED, "missing-disclaimer")
    assert f.line == 4  # on the title inside the fence


def test_the_assistant_text_rule_still_reports_the_fence_and_the_chat():
    got = sorted((f.line, f.message) for f in found(WRAPPED, "assistant-text"))
    assert [line for line, _ in got] == [1, 3, 17, 19]
    assert "code fence wraps the whole article" in dict(got)[3]


def test_a_disclaimer_inside_the_fence_counts():
    text = WRAPPED.replace(
        "Image prompt:", "This article is general information and not a substitute for your own doctor.\n\nImage prompt:")
    assert found(text, "missing-disclaimer") == []


def test_readability_reads_the_inside():
    heavy = ("Notwithstanding considerable interindividual variability, electroacupuncture-mediated "
             "neuromodulatory interventions demonstrate heterogeneous physiological consequences "
             "predominantly attributable to multifactorial mechanotransduction phenomena. ") * 3
    body = f"# Knee Pain\n\n{heavy}\n\n{LONG}\n\n{LONG}\n"
    plain = lint(body, "a.md", select=["readability"])
    wrapped = lint(f"```markdown\n{body}```\n", "a.md", select=["readability"])
    assert plain, "the plain article must give readability findings for this test to mean anything"
    assert [(f.line + 1, f.column, f.message) for f in plain] == [(f.line, f.column, f.message) for f in wrapped]


def test_same_findings_inside_as_outside_shifted_by_the_fence_line():
    body = ("# Acupuncture for Sleep\n\nAcupuncture guarantees deep sleep for everyone. "
            "Research suggests that it calms the nervous system.\n\n" + LONG + "\n\n" + LONG + "\n")
    rules = ["absolute-claim", "vague-citation", "missing-disclaimer"]
    plain = lint(body, "a.md", select=rules)
    wrapped = lint(f"```md\n{body}```\n", "a.md", select=rules)
    assert plain
    assert [(f.rule, f.line + 1, f.column, f.end_line + 1, f.end_column) for f in plain] == \
        [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in wrapped]


# ---------------------------------------------------------------------------
# fixes inside the fence
# ---------------------------------------------------------------------------
def _fix(text: str, rules: list[str]) -> str:
    reg = load_registry()
    setups = [RuleSetup(r, reg[r].check, dict(reg[r].options), reg[r].severity) for r in rules]
    doc, _ = fix_document(Document(text, "a.md"), setups, False, FileResult("a.md"))
    return doc.text


def test_fixes_inside_the_fence_work():
    out = _fix(WRAPPED, ["numbering-gap", "image-prompt"])
    assert "3. The cups stay on" in out and "4. The cups" not in out
    assert "Image prompt" not in out
    assert out.count("```") == 2  # the fence itself is assistant-text's to delete
    # with assistant-text too, the chat and the fence go and the article is left
    out = _fix(WRAPPED, ["numbering-gap", "image-prompt", "assistant-text"])
    assert out.startswith("# Cupping for Shoulder Tension\n")
    assert "```" not in out and "Let me know" not in out and "Here is the revised" not in out
    assert "3. The cups stay on" in out
    assert _fix(out, ["numbering-gap", "image-prompt", "assistant-text"]) == out


def test_odd_input_gives_no_traceback():
    for text in ("```markdown\n" + "\n" * 5000, "```markdown\n" + "```python\n" * 300, "~~~\n# \u00a0\n\u200b\n~~~",
                 "```markdown\n# T\n\n" + ("word " * 100000) + "\n" * 3 + "```\n",
                 "---\n" * 3 + "```md\n# T\n\n" + LONG + "\n\n" + LONG + "\n```"):
        doc = Document(text, "a.md")
        lint(text, "a.md")
        assert doc.blocks is not None
