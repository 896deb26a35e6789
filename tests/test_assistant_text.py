"""assistant-text: the AI pipeline's own text around or inside the article.

Every article here was written for these tests (tests/data/assistant_text/ and the
strings below). Checked: exact rule, line and column; the articles that talk about
AI text on purpose stay silent; fixes delete whole blocks and nothing else, and a
second fix changes nothing.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import lint

from acu_lint.document import Document
from acu_lint.engine import FileResult, RuleSetup, fix_document
from acu_lint.rules import load_registry

DATA = Path(__file__).parent / "data" / "assistant_text"
RULE = "assistant-text"


def found(text: str, filename: str = "a.md", rule: str = RULE):
    return [(f.line, f.column) for f in lint(text, filename, select=[rule])]


def fixed(text: str, filename: str = "a.md", rules=(RULE,)) -> str:
    reg = load_registry()
    setups = [RuleSetup(r, reg[r].check, dict(reg[r].options), reg[r].severity) for r in rules]
    doc, _rest = fix_document(Document(text, filename), setups, False, FileResult(filename))
    return doc.text


# ---------------------------------------------------------------------------
# whole articles (files)
# ---------------------------------------------------------------------------
FILES = {
    # opening "Certainly! Here's a ... article about ...:" and closing "Would you like me to ...?"
    "chat_wrapped.md": [(4, 1), (20, 1)],
    # a ```markdown fence around everything: its two lines; inside, a label slot and a data line
    "fenced.md": [(1, 1), (14, 3), (15, 1), (18, 1)],
    # SEO brief lines as one block
    "seo_brief.md": [(3, 3)],
    # the model's own front matter again, after the real one
    "pasted_front_matter.md": [(6, 1)],
    # an empty writing template after the article: one finding from its first heading
    "template_left.md": [(9, 4)],
    # slots of every bracket shape
    "clinic_slots.md": [(3, 4), (5, 13), (7, 1), (9, 12), (9, 50)],
    # server template code in an HTML page (not the one inside <pre><code>)
    "server_template.html": [(3, 15), (4, 26), (5, 1), (6, 24), (6, 51), (7, 1), (8, 9)],
}
SILENT = [
    "about_ai_text.md",  # a post about spotting chatbot text quotes its forms on purpose
    "clinic_faq.md",  # "Would you like to book?", "Here's how we plan ...", "I hope this helps you decide ..."
    "liquid_page.md",  # Liquid and Hugo markup in a static-site source
]


@pytest.mark.parametrize("name", sorted(FILES))
def test_flagged_articles(name):
    text = (DATA / name).read_text(encoding="utf-8")
    assert found(text, name) == FILES[name]


@pytest.mark.parametrize("name", SILENT)
def test_articles_that_talk_about_ai_text_or_templates_are_silent(name):
    text = (DATA / name).read_text(encoding="utf-8")
    assert lint(text, name, select=[RULE, "image-prompt"]) == []


def test_messages_name_the_form_found():
    text = (DATA / "chat_wrapped.md").read_text(encoding="utf-8")
    msgs = [f.message for f in lint(text, "chat_wrapped.md", select=[RULE])]
    assert msgs[0].startswith("The AI assistant's opening words were published with the article (\"Certainly! Here's")
    assert msgs[1].startswith("The AI assistant's closing offer to the requester")
    text = (DATA / "clinic_slots.md").read_text(encoding="utf-8")
    msgs = [f.message for f in lint(text, "clinic_slots.md", select=[RULE])]
    assert msgs[0].startswith('An instruction to the writer left in the text ("(Insert Clinic Name)")')
    assert msgs[1].startswith('An unfilled slot left in the text ("[Your Town]")')
    text = (DATA / "server_template.html").read_text(encoding="utf-8")
    assert lint(text, "server_template.html", select=[RULE])[0].message.startswith("Server template code (PHP)")


# ---------------------------------------------------------------------------
# one form at a time
# ---------------------------------------------------------------------------
H = "# Back Pain\n\n"
BODY = "Back pain is common and usually improves within a few weeks.\n"

MUST_FLAG = [
    # the assistant's voice at the start
    ("a.md", "Sure! Here is an article on back pain for your clinic's blog.\n\n" + H + BODY, [(1, 1)]),
    ("a.md", "Absolutely - below is a draft of the blog post you asked for.\n\n" + H + BODY, [(1, 1)]),
    ("a.md", H + "I've written a patient-friendly article about back pain below.\n\n" + BODY + "\n" + BODY, [(3, 1)]),
    ("a.txt", "Here's the revised version of the article with a warmer tone:\n\nBack Pain\n\n" + BODY, [(1, 1)]),
    ("a.md", "Okay, here is your rewritten blog post:\n\n" + H + BODY, [(1, 1)]),
    # ... and at the end
    ("a.md", H + BODY + "\nLet me know if you would like me to shorten it.\n", [(5, 1)]),
    ("a.md", H + BODY + "\nLet me know if you need any tweaks to the tone or length!\n", [(5, 1)]),
    ("a.md", H + BODY + "\nDo you want me to write a version for older readers?\n", [(5, 1)]),
    ("a.md", H + BODY + "\nFeel free to adjust the wording to match your clinic's voice.\n", [(5, 1)]),
    ("a.md", H + BODY + "\nI hope this helps!\n", [(5, 1)]),
    ("a.md", H + BODY + "\nIf you'd like, I can also draft a shorter version for social media.\n", [(5, 1)]),
    ("a.md", H + BODY + "\nWould you like a separate section on posture to add to the blog post?\n", [(5, 1)]),
    # self-reference anywhere (not quoted): pointed at the sentence
    ("a.md", H + BODY + "\nAs an AI language model, I cannot examine you. See a doctor if pain spreads.\n\n" + BODY,
     [(5, 1)]),
    # a closing question fenced as code at the very end
    ("a.md", H + BODY + "\n```\nWould you like me to add a table of stretches?\n```\n", [(6, 1)]),
    # brief lines, alone or as a list
    ("a.md", H + BODY + "\nMeta description: How physiotherapy and rest help back pain.\n", [(5, 1)]),
    ("a.md", H + "- Focus keyphrase: back pain relief\n- Target audience: office workers\n\n" + BODY, [(3, 1)]),
    ("a.txt", "Back Pain\n\n" + BODY + "\nWord count: 1,150 words\n", [(5, 1)]),
    ("a.md", H + "Title: Back Pain Basics\nSlug: back-pain-basics\nKeywords: back pain, posture\n\n" + BODY, [(3, 1)]),
    # slots
    ("a.md", H + "Visit us at [Clinic Address] for a first assessment.\n", [(3, 13)]),
    ("a.md", H + "Dr. Lee at (Enter Practice Name) sees back pain every day.\n", [(3, 12)]),
    ("a.md", H + BODY + "\n[Insert statistic about back pain in adults]\n", [(5, 1)]),
    ("a.md", H + BODY + "\n[Why should the reader care?]\n", [(5, 1)]),
    ("a.md", H + "Call [PHONE NUMBER] today.\n", [(3, 6)]),
    ("a.md", H + "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n", [(3, 1)]),
    ("a.md", H + "Read the [guide](BOOKING_LINK_PLACEHOLDER) before you come.\n", [(3, 18)]),
    ("a.txt", "Back Pain\n\nWe are open at {{ clinic_hours }} on weekdays.\n", [(3, 16)]),
    ("a.md", H + BODY + "Sources: [\"PLACEHOLDER - spine journal\", \"NHS\"]\n", [(4, 1)]),
    # a Blade variable is never a site generator's markup
    ("a.md", H + "Our team at {{ $clinic }} can help.\n", [(3, 13)]),
    # front matter that holds the assistant's words
    ("a.md", "---\ntitle: Back Pain\ndescription: \"Sure! Here's an SEO-friendly meta description for the article:\"\n"
     "---\n" + H + BODY, [(3, 1)]),
]

MUST_PASS = [
    # a section lead-in and a writer's own intro are normal writing
    ("a.md", H + "Here's how physiotherapy works: you learn exercises and do them at home.\n\n" + BODY),
    ("a.md", H + "Here's a quick guide to what happens at your first visit.\n\n" + BODY),
    ("a.md", "Here is a good article about back pain from [the NHS](https://www.nhs.uk).\n\n" + H + BODY),
    ("a.md", H + "I have written this guide to help you understand back pain.\n\n" + BODY),
    # a clinic's offers to its readers
    ("a.md", H + BODY + "\nWould you like to book an appointment? Call us on 01234 567890.\n"),
    ("a.md", H + BODY + "\nLet me know if you have questions at your next visit.\n"),
    ("a.md", H + BODY + "\nIf you'd like, I can show you these stretches at your next appointment.\n"),
    ("a.md", H + BODY + "\nIf there is interest, I can put together a second post on sleep.\n"),
    ("a.md", H + BODY + "\nI hope this article helps you feel more prepared.\n"),
    # the assistant's forms quoted, in a block quote or in code
    ("a.md", H + "Chatbots often end with \u201cWould you like me to expand any section?\u201d\n\n" + BODY),
    ("a.md", H + "> As an AI language model, I cannot diagnose you.\n\n" + BODY),
    ("a.md", H + "```\nSure! Here's a blog post about back pain:\n```\n\n" + BODY + "\n" + BODY),
    ("a.md", H + "Type `{{ clinic_name }}` where the name should go.\n"),
    # real front matter is metadata; so are a page's SEO fields in it
    ("a.md", "---\ntitle: Back Pain\nmeta_description: Rest and gentle movement help.\nslug: back-pain\n---\n" + H + BODY),
    # brackets and parentheses of ordinary writing
    ("a.md", H + "Most cases settle (about 9 in 10) within six weeks [1].\n\n[1]: https://example.org/study\n"),
    ("a.md", H + "The clinic (Riverside Practice) and the NHS (National Health Service) both offer advice.\n"),
    ("a.md", H + "Add a pinch of salt (optional) and mix [see the recipe](/r).\n"),
    ("a.md", H + "[Editor's note: this article was reviewed in May 2025.]\n\n" + BODY),
    ("a.md", H + "- [x] Warm up first\n- [ ] Stretch after\n"),
    ("a.md", H + "Use a CTA (Call to Action) at the end of each page.\n"),
    ("a.md", H + "Try it for a week (click here to read more).\n"),
    ("a.md", H + "Author: Dr Sam Lee\nDate: 3 May 2025\n\n" + BODY),
    ("a.md", H + "Our target: fewer flare-ups. Tone matters too: speak kindly to yourself.\n"),
    ("a.md", H + "Many designers fill pages with lorem ipsum while they wait for text.\n"),
    # Liquid and shortcodes in Markdown are the generator's markup
    ("a.md", H + "{% if page.show_offer %}Half price this month.{% endif %}\n\n{{ page.title }} by {{ site.author }}\n"),
    ("a.md", H + "The page template fills in {{ clinic_name }} and {{ phone }} for each site.\n"),
    ("a.md", H + "{{< youtube abc123 >}}\n\n" + BODY),
    # a tutorial about PHP keeps its code in code
    ("a.md", H + "```php\n<?php echo $name; ?>\n```\n\nInline `<?php ?>` tags are code too.\n"),
    ("a.html", "<h1>Back</h1><p>Use <code>{{ name }}</code> and <code>&lt;?php ?&gt;</code> in templates.</p>\n"),
    # Angular / Vue pages render {{ }} in the browser
    ("a.html", "<html ng-app=\"x\"><body><h1>Back</h1><p>Hello {{ user_name }}</p></body></html>\n"),
    # a YAML sample in code is not pasted front matter
    ("a.md", H + BODY + "\n```yaml\n---\ntitle: x\ndate: 2025-01-01\n---\n```\n"),
    # a horizontal rule and a table are not front matter
    ("a.md", H + BODY + "\n---\n\nTitle: the book's name, in italics.\n"),
    # empty and odd input
    ("a.md", ""),
    ("a.md", "\n\n\n"),
    ("a.txt", "\u202e\u0000\ufeff" + "x" * 5000 + "\n"),
]


@pytest.mark.parametrize("filename,text,positions", MUST_FLAG, ids=[f"flag-{i}" for i in range(len(MUST_FLAG))])
def test_must_flag(filename, text, positions):
    assert found(text, filename) == positions


@pytest.mark.parametrize("filename,text", MUST_PASS, ids=[f"pass-{i}" for i in range(len(MUST_PASS))])
def test_must_pass(filename, text):
    assert [f.message for f in lint(text, filename, select=[RULE])] == []


def test_strong_forms_count_only_at_the_start_or_end():
    middle = H + BODY + "\nHere's a short blog post about posture from our physio team.\n\n" + BODY + "\n" + BODY
    assert found(middle) == []


# ---------------------------------------------------------------------------
# fixes: whole blocks, nothing else, idempotent
# ---------------------------------------------------------------------------
def test_fix_chat_wrapper_removes_opening_and_closing_blocks_with_their_rules():
    text = (DATA / "chat_wrapped.md").read_text(encoding="utf-8")
    out = fixed(text)
    lines = text.split("\n")
    # lines 4-6 (opening, blank, rule, blank) and the closing rule and question go; the rest is untouched
    expected = "\n".join(lines[:3] + lines[7:16]) + "\n"
    assert out == expected
    assert fixed(out) == out


def test_fix_wrapping_fence_keeps_the_article():
    text = (DATA / "fenced.md").read_text(encoding="utf-8")
    out = fixed(text)
    lines = text.split("\n")
    # the fence lines and the data line go; the slot inside a sentence is left to the writer
    expected_lines = lines[1:14] + lines[15:17]
    assert out == "\n".join(expected_lines) + "\n"
    assert "[Product Name: Warm Wheat Pack]" in out
    assert fixed(out) == out
    # the fixed article is a Markdown article again: its heading is a heading
    assert any(b.kind == "heading" for b in Document(out, "a.md").blocks)


@pytest.mark.parametrize("name,kept", [
    ("seo_brief.md", [0, 1, 7, 8, 9]),
    ("pasted_front_matter.md", [0, 1, 2, 3, 4, 11, 12, 13]),
    ("template_left.md", [0, 1, 2, 3, 4]),
])
def test_fix_deletes_the_block_and_nothing_else(name, kept):
    text = (DATA / name).read_text(encoding="utf-8")
    out = fixed(text)
    lines = text.split("\n")
    assert out == "\n".join(lines[k] for k in kept) + "\n"
    assert fixed(out) == out
    assert lint(out, name, select=[RULE]) == []


def test_inline_slots_have_no_fix_and_whole_block_slots_do():
    text = (DATA / "clinic_slots.md").read_text(encoding="utf-8")
    fixes = {f.line: f.fix for f in lint(text, "clinic_slots.md", select=[RULE])}
    assert fixes[3] is None and fixes[5] is None and fixes[9] is None
    assert fixes[7] is not None and fixes[7].safe
    out = fixed(text, "clinic_slots.md")
    assert "[Add a short patient story here]" not in out
    assert out.replace("\n\n", "\n") == text.replace("[Add a short patient story here]\n\n", "").replace("\n\n", "\n")


def test_crlf_file_fix_keeps_other_lines():
    text = "Sure! Here's the blog post you asked for:\r\n\r\n# Back Pain\r\n\r\n" + BODY.replace("\n", "\r\n")
    out = fixed(text)
    assert out.startswith("# Back Pain") and "Sure" not in out


# ---------------------------------------------------------------------------
# what the rule reports is not the article's prose (lint_rules._leftovers)
# ---------------------------------------------------------------------------
def test_leftover_lines_are_the_reported_lines():
    from lint_rules import _leftovers, assistant_text

    text = (DATA / "chat_wrapped.md").read_text(encoding="utf-8")
    doc = Document(text, "chat_wrapped.md")
    assert assistant_text.leftover_lines(doc) == frozenset({4, 20})
    assert {4, 20} <= _leftovers.leftover_lines(doc)
    fenced = Document((DATA / "fenced.md").read_text(encoding="utf-8"), "fenced.md")
    # the fence lines, the slot and the data line: never the article inside the fence
    assert assistant_text.leftover_lines(fenced) == frozenset({1, 14, 15, 18})
    template = Document((DATA / "template_left.md").read_text(encoding="utf-8"), "template_left.md")
    assert assistant_text.leftover_lines(template) == frozenset(range(9, 24))


def test_analysis_runs_once_per_document(monkeypatch):
    from lint_rules import assistant_text

    calls = []
    real = assistant_text._analyse
    monkeypatch.setattr(assistant_text, "_analyse", lambda d: calls.append(1) or real(d))
    doc = Document("Sure! Here's the article:\n\n# Back\n\n" + BODY, "a.md")
    list(assistant_text.check(doc, {}))
    assistant_text.leftover_lines(doc)
    assert calls == [1]


def test_wrapped_article_is_found_only_when_the_fence_holds_the_article():
    tutorial = ("# Writing a README\n\nA README tells people what a project does.\n\n```markdown\n# My Project\n\n"
                "Install it with pip.\n```\n\nKeep it short, and update it when the project changes. "
                "Most readers only look at the first screen.\n")
    assert found(tutorial) == []
    config = "```\nserver:\n  port: 8080\n  host: 0.0.0.0\nlogging: debug\n```\n"
    assert found(config) == []


# ---------------------------------------------------------------------------
# round 2 (issue 13): the opener grammar (an interjection standing alone, then a
# presentative of the produced text)
# ---------------------------------------------------------------------------
OPENERS = [
    "Certainly! Below is a plain-language overview of back pain, ready for your patients:",
    "Absolutely. This is the revised article with the shorter paragraphs you wanted.",
    "Of course! The following is a friendly explainer on lower back pain.",
    "Sure thing! I've put together a checklist that your readers can print.",
    "Great question! Here is a short primer for your practice newsletter.",
]


@pytest.mark.parametrize("opener", OPENERS)
def test_interjection_then_presentative_is_the_opener(opener):
    text = opener + "\n\n" + H + BODY
    hits = lint(text, "a.md", select=[RULE])
    assert [(f.line, f.column) for f in hits] == [(1, 1)]
    assert "opening words" in hits[0].message
    assert hits[0].fix is not None


@pytest.mark.parametrize("text", [
    # the interjection inside the writer's sentence
    "Of course, this is only a guide: your physiotherapist knows your back best.\n\n" + BODY,
    # a presentative without an interjection
    "This is a guide for people whose back pain has lasted more than six weeks.\n\n" + BODY,
    # what follows is no produced text
    "Absolutely. Below is a table of the stretches we teach.\n\n" + BODY,
])
def test_writer_openings_are_not_the_assistant(text):
    assert lint(H + text, "a.md", select=[RULE]) == []


# ---------------------------------------------------------------------------
# round 2: brief fields beyond the known labels (context propagation), and the
# values a script leaves when its data is missing
# ---------------------------------------------------------------------------
def test_label_lines_next_to_brief_lines_are_brief_lines():
    text = ("# Back Pain\n\n**Meta Description:** Gentle ways to ease back pain at home.\n"
            "**Reading age target:** 11\n**Voice:** warm, plain\n\n" + BODY)
    hits = lint(text, "a.md", select=[RULE])
    assert [(f.line, f.end_line) for f in hits] == [(3, 5)]
    assert "Voice" in hits[0].message or "Reading age target" in hits[0].message
    assert fixed(text) == "# Back Pain\n\n" + BODY


def test_a_block_of_label_lines_joins_the_brief_before_it():
    text = ("# Back Pain\n\nFocus keyword: back pain at home\n\nPersona: office worker, 40s\nCTA goal: newsletter\n\n"
            + BODY)
    assert [(f.line, f.end_line) for f in lint(text, "a.md", select=[RULE])] == [(3, 6)]


def test_label_lines_without_a_brief_are_the_writer_s():
    text = ("# Back Pain\n\nDuration: two to six weeks\nBest first step: keep moving\n\n" + BODY
            + "\nNote: this guide is for adults.\n")
    assert lint(text, "a.md", select=[RULE]) == []


def test_brief_group_inside_a_paragraph_of_prose():
    text = ("# Back Pain\n\n" + BODY.strip() + "\nSEO title: Back pain at home\nAngle: reassuring\n"
            "Most people feel better within a month.\n")
    hits = lint(text, "a.md", select=[RULE])
    assert [(f.line, f.end_line) for f in hits] == [(4, 5)]


@pytest.mark.parametrize("text, name, where, fixable", [
    ("# Back Pain\n\n" + BODY + "\n[object Object]\n\n" + BODY, "a.md", (5, 1), True),
    ("Back Pain\n\n" + BODY + "\nundefined\n\nMore about stretching follows here.\n", "a.txt", (5, 1), True),
    ("# Back Pain\n\nA course of six sessions costs $undefined at our clinic.\n", "a.md", (3, 32), False),
    ("# Back Pain\n\nAbout NaN% of adults have back pain each year.\n", "a.md", (3, 7), False),
    ("<h1>Back Pain</h1>\n<p>Our physio [object Object] will see you.</p>\n", "a.html", (2, 15), False),
], ids=["object-line", "undefined-line", "undefined-price", "nan-percent", "object-inline-html"])
def test_serialisation_leftovers(text, name, where, fixable):
    hits = lint(text, name, select=[RULE])
    assert [(f.line, f.column) for f in hits] == [where]
    assert "unfilled value" in hits[0].message
    assert (hits[0].fix is not None) == fixable
    if name != "a.html":
        assert lint(text, name, select=["stray-fragment"]) == []


@pytest.mark.parametrize("text", [
    "# Back Pain\n\nThe cause of most back pain is undefined: scans rarely show why it hurts.\n",
    "# Back Pain\n\nIn JavaScript, printing an object gives `[object Object]` unless you format it.\n",
    "# Back Pain\n\nSide effects:\n\n- None\n",
    "# Back Pain\n\nBloggers joke about pages that say \"[object Object]\" where a name should be.\n",
])
def test_not_serialisation_leftovers(text):
    assert lint(text, "a.md", select=[RULE]) == []


SC_BODY = ("# Knee Pain\n\nKnee pain is common in older adults and often eases with gentle exercise and time. "
           "Many people try acupuncture alongside physiotherapy.\n\n")


def test_page_builder_shortcodes_are_server_template_code():
    from conftest import lint as _lint

    text = (SC_BODY + '[et_pb_section fb_built="1"][et_pb_row]\n\n[vc_row][vc_column]Rest helps too.[/vc_column][/vc_row]\n\n'
            '[elementor-template id="1234"]\n\n[gallery ids="4,5,6"]\n\nWalking helps.\n')
    found = [(f.rule, f.line, f.column, f.fix is not None) for f in _lint(text, "a.md", select=["assistant-text"])]
    assert found == [("assistant-text", 5, 1, True), ("assistant-text", 7, 1, False),
                     ("assistant-text", 9, 1, True), ("assistant-text", 11, 1, True)]


def test_shortcodes_in_code_and_brackets_in_prose_are_left_alone():
    from conftest import lint as _lint

    text = (SC_BODY + "Put `[gallery ids=\"1,2\"]` in the editor to show a gallery.\n\n"
            "```\n[vc_row][vc_column]text[/vc_column][/vc_row]\n```\n\n"
            "See the [exercise sheet](sheet.pdf) and [1] for more.\n\n"
            '[caption id="a1" align="alignnone"]A knee brace[/caption]\n')
    assert [f.line for f in _lint(text, "a.md", select=["assistant-text"])] == []


def _at(text):
    from conftest import lint as _lint

    return [(f.line, f.column) for f in _lint(text, "a.md", select=["assistant-text"])]


@pytest.mark.parametrize("slot,col", [
    ("[Author bio - 50 words about the practitioner]", 1),
    ("[Patient story: 2-3 sentences, warm]", 1),
    ("[CTA BUTTON: Book your first visit]", 1),
    ("{{PRODUCT_CARD: knee-brace-basic}}", 1),
    ("Read our sciatica guide (INSERT_SCIATICA_LINK) next.", 25),
])
def test_template_slots_beyond_the_vocabulary(slot, col):
    assert _at(SC_BODY + slot + "\n\nWalking helps most people.\n") == [(5, col)]


@pytest.mark.parametrize("line", [
    "[UPDATE: The clinic moved to Mill Street in May.]",
    "[Editor's note: this page was reviewed in 2024.]",
    "The trial enrolled 50 people [about 50 words were cut here by the editor, sic].",
    "Our NHS_CODE reference is printed on your letter.",
    "{{ page.title }} is set by the site.",
])
def test_ordinary_brackets_are_not_slots(line):
    assert _at(SC_BODY + line + "\n\nWalking helps most people.\n") == []


def test_writer_note_and_brief_labels_after_it():
    text = (SC_BODY + "TODO: add a figure for knees in over-60s (find a source!!)\n\nTone: warm, plain English\n\n"
            "Internal links: sciatica guide, neck pain page\n\nWalking helps most people.\n")
    assert _at(text) == [(5, 1)]


def test_slot_inside_a_front_matter_value():
    text = ('---\ntitle: "Knee Pain Care in [CITY]"\ntags: [Knees]\ncategories: [Pain, Knees]\n'
            "description: Gentle care (for sore knees) at our clinic\n---\n" + SC_BODY + "Walking helps most people.\n")
    assert _at(text) == [(2, 27)]
    clean = text.replace(" in [CITY]", "")
    assert _at(clean) == []
