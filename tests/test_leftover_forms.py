"""The leftover forms of real pages for duplicate-line, image-caption, stray-fragment and
numbering-gap: scraped credits and alt labels, titles printed twice, markup left from
exports, split numbered lists; and the careful writing they must leave alone.

The articles under tests/data/leftover_forms/ are written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from acu_lint.document import Document
from acu_lint.engine import FileResult, RuleSetup, apply_edits, fix_document
from conftest import lint

DATA = Path(__file__).parent / "data" / "leftover_forms"
RULES = ["duplicate-line", "image-caption", "stray-fragment", "numbering-gap"]


def found(text: str, filename: str = "a.md", rules=RULES):
    return [(f.rule, f.line, f.column) for f in lint(text, filename, select=list(rules))]


def found_in(name: str):
    path = DATA / name
    return [(f.rule, f.line, f.column) for f in lint(path.read_text(encoding="utf-8"), str(path), select=RULES)]


def fix_all(text: str, filename: str, rules=RULES) -> str:
    from acu_lint.rules import load_registry

    reg = load_registry()
    setups = [RuleSetup(r, reg[r].check, dict(reg[r].options), reg[r].severity) for r in rules]
    doc, _ = fix_document(Document(text, filename), setups, False, FileResult(filename))
    return doc.text


# -- whole articles -----------------------------------------------------------------------------

def test_reader_tool_scrape():
    assert found_in("reader_scrape.md") == [
        ("duplicate-line", 6, 1),   # the Setext title glued to "Markdown Content:" repeats "Title:"
        ("image-caption", 9, 3),    # "Image 1:" label in the alt text
        ("duplicate-line", 11, 1),  # the title printed again
        ("image-caption", 16, 1),   # a stock credit with no image above it
        ("image-caption", 18, 1),   # an empty credit label
        ("duplicate-line", 20, 1),  # the subtitle again, with the credit lines between the copies
        ("image-caption", 25, 3),
    ]


def test_pipeline_post_titles_and_headings_in_another_case():
    assert found_in("pipeline_post.md") == [
        ("duplicate-line", 6, 3),    # front matter title as a lower-case H1
        ("duplicate-line", 12, 4),   # ALL CAPS heading then the same in sentence case
        ("duplicate-line", 18, 5),   # a numbered heading standing twice: not a numbering repeat
    ]


def test_export_leftovers():
    assert found_in("export_leftovers.md") == [
        ("image-caption", 8, 5),     # <p class="wp-caption-text">
        ("stray-fragment", 14, 1),   # a lone "**"
        ("image-caption", 16, 90),   # [caption]...[/caption] shortcode text
        ("stray-fragment", 20, 1),   # a lone "&nbsp;"
        ("stray-fragment", 22, 1),   # "![]()" glued to button text
        ("image-caption", 24, 1),    # an Unsplash credit whose image is gone (the empty image is no image)
        ("stray-fragment", 28, 1),   # an empty bullet
        ("stray-fragment", 30, 4),   # a heading left at the end with nothing under it
    ]


def test_split_steps_and_a_gap_after_a_heading():
    findings = lint((DATA / "split_steps.md").read_text(encoding="utf-8"), "split_steps.md", select=RULES)
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("numbering-gap", 8, 3), ("numbering-gap", 11, 3), ("numbering-gap", 22, 1)]
    assert "shows as 1" in findings[0].message
    assert findings[2].message.startswith("Numbering skips 4: item 5 continues the list that ends at 3 (line 18)")
    assert findings[2].fix is None


def test_the_careful_guide_is_silent():
    assert found_in("careful_guide.md") == []


# -- image-caption ------------------------------------------------------------------------------

T = "# Knee Pain\n\nKnee pain is common and often eases with rest and gentle exercise.\n\n"
AFTER = "\n\nStrong thigh muscles take load off the knee joint.\n"

CREDITS = [
    "iStock.com / Tomas Reyes",
    "Getty Images",
    "Photo by Lena Park on Unsplash",
    "Image: Shutterstock",
    "Image source: Pexels",
    "AP Photo/Ann Roe",
    "Photo: Reuters",
    "Credit: Maria Lopez / iStock / Getty Images Plus",
    "(Image credit: Adobe Stock)",
    "\u00a9 Credits",
    "Photo credits:",
]


@pytest.mark.parametrize("line", CREDITS)
def test_scraped_credit_lines(line):
    assert found(T + line + AFTER, rules=["image-caption"]) == [("image-caption", 5, 1)]


@pytest.mark.parametrize("line", CREDITS[:3])
def test_scraped_credit_lines_in_plain_text(line):
    text = "Knee Pain\n\nKnee pain is common and often eases.\n\n" + line + "\n\nStrong muscles help.\n"
    assert found(text, "a.txt", rules=["image-caption"]) == [("image-caption", 5, 1)]


NOT_CREDITS = [
    # a credit right under its image that names the photographer is the site's own
    "![A knee brace on a table](brace.jpg)\nPhoto by Lena Park on Unsplash",
    "![A knee brace on a table](brace.jpg)\n\n*Image: Tomas Reyes / Shutterstock*",
    "<figure><img src=\"b.jpg\" alt=\"brace\"><figcaption>Dana Lee / Getty Images</figcaption></figure>",
    # a credit that names a person or the site
    "Photo: our treatment room, taken by Dana Lee.",
    "Photo: Dana Lee for Riverside Clinic",
    # sentences that mention an agency
    "We design our exercise sheets in Canva and hand them out at the first visit.",
    "Getty Images and Shutterstock both sell photos of knees, but we take our own.",
    "Source: Reuters",  # a news wire without a photo word: a text source, not an image credit
    "Photo credits for this page are listed at the end.",
]


@pytest.mark.parametrize("line", NOT_CREDITS)
def test_credits_the_site_wrote_and_sentences_pass(line):
    assert found(T + line + AFTER, rules=["image-caption"]) == []


def test_an_html_credit_under_its_image_passes_and_a_lone_one_is_flagged():
    page = ("<h1>Knee Pain</h1>\n<p>Knee pain is common and often eases with rest.</p>\n"
            "<img src=\"knee.jpg\" alt=\"A knee\">\n<p>Photo: Ana Ruiz / Getty Images</p>\n"
            "<p>Strong thigh muscles take load off the knee.</p>\n<p>iStock.com / Tomas Reyes</p>\n")
    assert found(page, "a.html", rules=["image-caption"]) == [("image-caption", 6, 4)]


# issue 13, round 2: the agency's name alone under an image is the scraped caption
# widget of a stock photo, not a credit the site wrote (it names no photographer)
@pytest.mark.parametrize("text, name, line", [
    (T + "![A knee brace on a table](brace.jpg)\n\nAdobe Stock" + AFTER, "a.md", 7),
    (T + "![A knee brace on a table](brace.jpg)\n*Photo courtesy of iStock*" + AFTER, "a.md", 6),
    ("<h1>Knee Pain</h1>\n<p>Knee pain is common and often eases with rest.</p>\n"
     "<img src=\"knee.jpg\" alt=\"A knee\">\n<p class=\"caption\">Picture credit: Getty Images</p>\n", "a.html", 4),
    ("<h1>Knee Pain</h1>\n<figure><img src=\"knee.jpg\" alt=\"A knee\">\n"
     "<figcaption>Image via Pexels</figcaption></figure>\n", "a.html", 3),
], ids=["md-bare-name", "md-courtesy", "html-caption-paragraph", "figcaption"])
def test_a_bare_stock_credit_under_its_image_is_flagged(text, name, line):
    hits = lint(text, name, select=["image-caption"])
    assert [f.line for f in hits] == [line]
    assert "under the image" in hits[0].message


def test_reader_label_fix_keeps_the_description():
    text = T + "![Image 3: A knee brace on a table](brace.jpg)\n\n![Image 4](x.png)" + AFTER
    findings = lint(text, "a.md", select=["image-caption"])
    assert [(f.line, f.column, f.end_column) for f in findings] == [(5, 3, 12), (7, 3, 10)]
    assert findings[1].fix is None  # no description to keep
    fixed = apply_edits(text, list(findings[0].fix.edits))
    assert "![A knee brace on a table](brace.jpg)" in fixed


def test_a_stock_credit_is_not_also_a_stray_fragment():
    text = T + "iStock.com / Tomas Reyes" + AFTER
    assert found(text) == [("image-caption", 5, 1)]


def test_image_labels_in_code_are_left_alone():
    text = T + "```\n![Image 1: example](x.png)\n[caption]text[/caption]\n```\n" + AFTER
    assert found(text) == []


# -- duplicate-line -----------------------------------------------------------------------------

def test_all_caps_heading_then_title_case_in_plain_text():
    text = "Neck Pain\n\nNeck pain is common in people who sit all day.\n\nWHEN TO SEE A DOCTOR\n\n" \
           "When To See A Doctor\n\nSee a doctor if the pain spreads to your arm.\n"
    assert found(text, "a.txt", rules=["duplicate-line"]) == [("duplicate-line", 7, 1)]


def test_numbered_list_item_standing_twice_is_one_duplicate():
    text = "Posture\n\n1. Sit tall.\n2. RELAX YOUR SHOULDERS\n2. Relax your shoulders\n3. Stand up every hour.\n"
    assert found(text, "a.txt") == [("duplicate-line", 5, 1)]
    # the same item with its number in a sentence: a real repeat of the number
    text = "Posture\n\n1. Sit tall.\n2. Relax.\n2. Relax.\n3. Stand up every hour.\n"
    assert found(text, "a.txt") == [("numbering-gap", 5, 1)]


def test_the_same_title_in_the_same_case_under_front_matter_passes():
    text = "---\ntitle: Acupuncture And Hay Fever\n---\n\n# Acupuncture And Hay Fever\n\nHay fever is common.\n"
    assert found(text, rules=["duplicate-line"]) == []


def test_a_section_heading_that_repeats_the_title_in_another_case_passes():
    # only a top-level heading repeats the title; a question heading under it is a section
    text = "---\ntitle: What is cupping?\n---\n\n## What Is Cupping?\n\nCupping uses suction cups on the skin.\n"
    assert found(text, rules=["duplicate-line"]) == []


PRECISION = [
    # a label reused under two conditions
    "# Pain\n\n## Neck\n\n### Symptoms\n\n- stiffness\n\n## Back\n\n### Symptoms\n\n- aching\n",
    "# Pain\n\n## Neck\n\n**Symptoms**\n\n- stiffness\n\n## Back\n\n**Symptoms**\n\n- aching\n",
    # FAQ questions repeated as links and as headings
    "# FAQ\n\nIs it safe?\n\nIs it safe?\n\nYes, in trained hands.\n",
    # table rows
    "# Plan\n\n| Day | Exercise |\n|---|---|\n| Monday | Calf stretch |\n| Monday | Calf stretch |\n",
    # a long list item that two lists share
    "# Causes\n\n## In adults\n\n- not drinking enough water during a long working day\n\n## In children\n\n"
    "- not drinking enough water during a long working day\n",
    # short list items repeated
    "# Week\n\n- rest\n- walk\n- rest\n- walk\n",
]


@pytest.mark.parametrize("text", PRECISION)
def test_duplicate_line_precision(text):
    assert found(text, rules=["duplicate-line"]) == []


# -- stray-fragment -----------------------------------------------------------------------------

def test_orphan_date_line_before_a_heading_and_dates_that_belong():
    body = "# Sleep\n\nPoor sleep is common in people who live with pain and stress.\n\n"
    assert found(body + "4 June 2024\n\n## Bedtime\n\nKeep a regular bedtime.\n",
                 rules=["stray-fragment"]) == [("stray-fragment", 5, 1)]
    assert found(body + "Updated: June 4, 2024\n", rules=["stray-fragment"]) == [("stray-fragment", 5, 1)]
    # a dated entry, and a byline date before the article begins
    assert found(body + "4 June 2024\n\nWe now open on Saturdays.\n", rules=["stray-fragment"]) == []
    assert found("# Sleep\n\nJune 4, 2024\n\nPoor sleep is common in people who live with pain.\n",
                 rules=["stray-fragment"]) == []


def test_markup_that_is_not_a_leftover():
    text = ("# Sleep\n\nPoor sleep is common.\n\n---\n\n* * *\n\n___\n\n- [ ] keep a sleep diary\n\n"
            "```\n**\n![]()\n```\n\nLast words here.\n")
    assert found(text, rules=["stray-fragment"]) == []


def test_a_closing_heading_with_an_image_or_list_under_it_passes():
    assert found("# Sleep\n\nPoor sleep is common.\n\n## Gallery\n\n![A bedroom](b.jpg)\n",
                 rules=["stray-fragment"]) == []
    assert found("# Sleep\n\nPoor sleep is common.\n\n## Sources\n\n- NHS. Insomnia. 2023.\n",
                 rules=["stray-fragment"]) == []


def test_empty_image_fix_removes_only_the_markup():
    text = "# Deals\n\nA warm blanket can help you relax.\n\n![]()Get 10% off this week\n\nMore text here.\n"
    assert fix_all(text, "a.md", ["stray-fragment"]) == text.replace("![]()", "")


def test_a_page_number_glued_before_a_heading():
    text = "# Headaches\n\nMost headaches are not serious.\n\n(3)## When to get help\n\nCall a doctor.\n"
    assert found(text, rules=["stray-fragment"]) == [("stray-fragment", 5, 1)]
    assert fix_all(text, "a.md", ["stray-fragment"]) == text.replace("(3)## ", "## ")
    # a hash sign in running text is not a heading marker
    assert found("# Notes\n\nRoom 3 # is on the left.\n\nC# and 3 ## are not headings here.\n",
                 rules=["stray-fragment"]) == []


def test_empty_markup_in_html_pages_is_their_template():
    page = "<h1>Sleep</h1>\n<p>Poor sleep is common.</p>\n<p></p>\n<p>More text here.</p>\n"
    assert found(page, "a.html", rules=["stray-fragment"]) == []


# -- numbering-gap ------------------------------------------------------------------------------

def test_split_one_item_lists_fix_renumbers_and_is_stable():
    text = "# Steps\n\n1. Rest.\n\nLie down.\n\n1. Ice.\n\nWrap it.\n\n1. Raise.\n"
    assert [f.line for f in lint(text, "a.md", select=["numbering-gap"])] == [7, 11]
    once = fix_all(text, "a.md", ["numbering-gap"])
    assert once == text.replace("1. Ice.", "2. Ice.").replace("1. Raise.", "3. Raise.")
    assert lint(once, "a.md", select=["numbering-gap"]) == []
    assert fix_all(once, "a.md", ["numbering-gap"]) == once


NUMBERING_PASS = [
    # lists of two or more items that start again at 1 are new lists
    "# Help\n\n1. Rest.\n2. Ice.\n\nThen, once it settles:\n\n1. Lift.\n2. Drive.\n",
    # lazy numbering in one list
    "# Steps\n\n1. Rest.\n1. Ice.\n1. Raise.\n",
    # an item with its own indented paragraph stays one list
    "# Steps\n\n1. Rest.\n\n   Lie down.\n\n1. Ice.\n",
    # a new section that continues the count
    "# Plan\n\n1. Rest.\n2. Ice.\n\n## Later\n\n3. Walk.\n4. Run.\n",
    # a new section whose list starts lower: something else
    "# Plan\n\n1. Rest.\n2. Ice.\n3. Wrap.\n4. Raise.\n\n## Later\n\n2. Walk.\n3. Run.\n",
    # a thematic break between them
    "# Plan\n\n1. Rest.\n2. Ice.\n\n---\n\n5. Walk.\n",
]


@pytest.mark.parametrize("text", NUMBERING_PASS)
def test_numbering_gap_precision(text):
    assert found(text, rules=["numbering-gap"]) == []


# -- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,filename", [
    ("", "a.md"), ("\n\n", "a.txt"), ("Title: x\n\nURL Source: y\n", "a.md"),
    ("![Image 1:" * 5000, "a.md"), ("[caption]" + "x" * 100000, "a.md"), ("\u0130stock \u00a9 \u017f" * 50, "a.txt"),
    ("---\ntitle: [1, 2]\n---\n# 1, 2\n", "a.md"), ("1.\n1.\n1.\n", "a.md"), ("![]()" * 3000, "a.md"),
])
def test_bad_input_does_not_raise(text, filename):
    from acu_lint.rules import load_registry

    reg = load_registry()
    doc = Document(text, filename)
    for rule in RULES:
        list(reg[rule].check(doc, dict(reg[rule].options)))


# ---------------------------------------------------------------------------
# round 3: reading-list headers, magazine furniture, glued credits
# ---------------------------------------------------------------------------
R3_BODY = (
    "# Knee Pain and Acupuncture\n\n"
    "Knee pain is common in older adults and often eases with gentle exercise and time. Many people try "
    "acupuncture alongside physiotherapy, and some find it helps them move more easily.\n\n"
    "A first visit usually includes questions about your history and a short look at the knee.\n"
)


def _r3(text, rules=("page-chrome", "web-boilerplate", "image-caption"), filename="a.md"):
    return [(f.rule, f.line, f.end_line) for f in lint(text, filename, select=list(rules))]


def test_reading_list_header_is_a_reader_tool_header():
    head = ("Saved to Reading List - 3 June 2025\nSource: https://www.example.org/blog/knee\n"
            "Open original: https://www.example.org/blog/knee\n\n")
    assert _r3(head + R3_BODY) == [("page-chrome", 1, 3)]
    one = "Source: https://www.example.org/blog/knee\n\n"
    assert _r3(one + R3_BODY) == []  # a single attribution line is the writer's


def test_continue_reading_below_is_furniture():
    text = R3_BODY + "\nContinue reading below\n\nRest helps too.\n"
    assert _r3(text) == [("web-boilerplate", 7, 7)]


def test_agency_credit_glued_to_a_caption_line():
    text = R3_BODY + "\nA brace on a sore knee. Image: iStock / Getty Images Plus\n\nRest helps too.\n"
    found = lint(text, "a.md", select=["image-caption"])
    assert [(f.line, f.column) for f in found] == [(7, 25)]
    prose = R3_BODY + "\nWe chose the image: a brace on a knee from our own clinic.\n"
    assert lint(prose, "a.md", select=["image-caption"]) == []


def test_bracketed_button_bars_are_page_chrome():
    text = R3_BODY + "\n[Book Now] [Gift Vouchers] [Price List]\n\nRest helps too, and so does a short walk.\n"
    assert _r3(text) == [("page-chrome", 7, 7)]
    recipe = "# Ginger Tea\n\n[Jump to Recipe] · [Print Recipe]\n\n" + R3_BODY.split("\n\n", 1)[1]
    assert _r3(recipe) == [("page-chrome", 3, 3)]
    # a template's slots are assistant-text's, a pair of plain labels is not a bar
    slots = R3_BODY + "\n[Your City] [Practice Name]\n\nRest helps too.\n"
    assert _r3(slots) == []
    notes = R3_BODY + "\n[Note] [Draft]\n\nRest helps too.\n"
    assert _r3(notes) == []


def test_newsletter_footer_lines_pin_it_and_filed_under():
    text = (R3_BODY + "\nPin it for later!\n\nFiled under: Knees, Winter\n\n"
            "You are receiving this email because you joined our list at the clinic.\n"
            "\nUnsubscribe | Update your preferences | View in browser\n")
    rules = [r for r, _, _ in _r3(text)]
    assert rules and set(rules) == {"web-boilerplate"}
    assert [ln for _, ln, _ in _r3(text)] == [7, 9, 11, 13]
    prose = R3_BODY + "\nYou can unsubscribe from our reminders at any time by replying to any message.\n"
    assert _r3(prose) == []


def test_video_page_counters_follow_us_and_hashtags():
    text = ("Knee Stretches\n\n4,210 views · 2 weeks ago\n\n👍 310   💬 12\n\n" + R3_BODY.split("\n\n", 1)[1]
            + "\nFollow us on Instagram\n\n#kneepain #stretching #acupuncture\n")
    got = [(r, ln) for r, ln, _ in _r3(text)]
    assert ("web-boilerplate", 3) in got and ("web-boilerplate", 5) in got
    assert {ln for _, ln in got} >= {3, 5, 11, 13}
    prose = R3_BODY + "\nThe video had 300 views before we took it down, and we learned a lot from it.\n"
    assert _r3(prose) == []


def test_about_the_author_at_the_end_takes_the_bio_under_it():
    text = ("Knee Pain\n\n" + R3_BODY.split("\n\n", 1)[1] + "\nFollow us\n"
            "Instagram: https://instagram.com/lakeside\nFacebook: https://facebook.com/lakeside\n\n"
            "About the author\nJane Lee is a licensed acupuncturist with twelve years of practice.\n"
            "She lives in Bristol with her two dogs.\n")
    runs = [(ln, end) for r, ln, end in _r3(text, filename="a.txt") if r == "page-chrome"]
    assert runs and runs[-1][1] == text.count("\n")


def test_newsletter_call_to_action_and_trending_list_at_the_end():
    text = (R3_BODY + "\nWant more tips like this? Sign up for our newsletter and get a new guide every month.\n\n"
            "## Trending pages\n\n- [Sciatica and acupuncture](/sciatica)\n- [Neck pain at the desk](/neck)\n"
            "- [Sleep and chronic pain](/sleep)\n")
    got = _r3(text)
    assert got and got[0][1] == 7 and got[-1][2] == text.count("\n")
    own = (R3_BODY + "\n## Popular questions about knees\n\nMost people ask how many sessions they need; "
           "six to eight is usual.\n")
    assert _r3(own) == []
