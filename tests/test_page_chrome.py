"""page-chrome: runs of a website's chrome found by structure, one finding per run.

Every article here was written for these tests (no corpus text). Each form of
chrome gets a small page around an ordinary article body, and the finding must
span exactly the chrome; the precision cases (a clinic's booking sentence, a
reference list, a photo credit, a writer's related reading, a table of
contents, described resource links, an HTML page's own template) give nothing.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import lint

from acu_lint.document import Document
from acu_lint.engine import apply_edits, select_fixes

DATA = Path(__file__).parent / "data" / "page_chrome"

# two paragraphs of article prose: long, few links, full of function words
PROSE = (
    "Sciatica is pain that travels from the lower back down the back of one leg. It usually "
    "comes from an irritated nerve root, and for most people it settles within six weeks with "
    "gentle movement, simple pain relief and time.\n\n"
    "Acupuncture may help some people with the pain while they wait for it to settle. The "
    "evidence is mixed, so talk to your doctor about whether it is worth trying for you, and "
    "keep walking as much as you comfortably can in the meantime.\n"
)


def spans(text: str, filename: str = "a.md", rule: str = "page-chrome"):
    return [(f.line, f.end_line) for f in lint(text, filename, select=[rule])]


def findings(text: str, filename: str = "a.md"):
    return lint(text, filename, select=["page-chrome"])


# ---------------------------------------------------------------------------
# every form, one finding spanning it
# ---------------------------------------------------------------------------
NAV_TOP = (
    "- [Home](/)\n"
    "- [Treatments](/treatments)\n"
    "  - [Acupuncture](/treatments/acupuncture)\n"
    "  - [Cupping](/treatments/cupping)\n"
    "- [Our team](/team)\n"
    "- [Prices](/prices)\n"
    "\n"
    "# Sciatica and acupuncture\n\n" + PROSE
)

SCRAPER_HEADER = (
    "Title: Sciatica and acupuncture | Lakeside Clinic\n\n"
    "URL Source: https://lakeside.example/blog/sciatica\n\n"
    "Published Time: 2024-03-02T09:00:00Z\n\n"
    "Markdown Content:\n"
    "# Sciatica and acupuncture\n\n" + PROSE
)

FOOTER = (
    "# Sciatica and acupuncture\n\n" + PROSE + "\n"
    "[Privacy policy](/privacy) | [Terms of use](/terms)\n\n"
    "Lakeside Clinic, 14 Mill Lane, Harrowgate HG1 2AB\n\n"
    "© 2025 Lakeside Clinic. All rights reserved.\n"
)

AUTHOR_CARD = (
    "# Sciatica and acupuncture\n\n" + PROSE + "\n"
    "![Portrait of Mia Chen](/img/mia.jpg)\n\n"
    "**Mia Chen**\n\n"
    "Licensed acupuncturist\n\n"
    "[View all posts by Mia Chen](/author/mia)\n\n"
    "- [Twitter](https://twitter.com/miachen)\n"
    "- [LinkedIn](https://linkedin.com/in/miachen)\n"
)

BREADCRUMB = "Conditions › Back and neck › Sciatica\n\n# Sciatica and acupuncture\n\n" + PROSE

WIKI = (
    "# Sciatica\n\n"
    "From Clinicwiki\n\n"
    "Jump to: navigation, search\n\n" + PROSE + "\n"
    'Retrieved from "<https://wiki.example/index.php/Sciatica>"\n\n'
    "- [Main page](/index.php/Main_Page)\n"
    "- [Recent changes](/index.php/Special:RecentChanges)\n"
    "- [Random page](/index.php/Special:Random)\n\n"
    "- This page was last modified on 4 May 2021, at 10:12.\n"
)

PREV_NEXT = (
    "# Sciatica and acupuncture\n\n" + PROSE + "\n"
    "[← Previous: Cupping for shoulder pain](/blog/cupping)\n\n"
    "[Next: What to expect at a first visit →](/blog/first-visit)\n"
)

SOCIAL = (
    "# Sciatica and acupuncture\n\n" + PROSE + "\n"
    "Follow us\n\n"
    "- [Facebook](https://facebook.com/lakeside)\n"
    "- [Instagram](https://instagram.com/lakeside)\n"
    "- [YouTube](https://youtube.com/lakeside)\n"
)

CTA = "# Sciatica and acupuncture\n\n" + PROSE + "\n[Book an appointment](/book){: .button}\n"

ICON_SPANS = (
    '<span class="icon-menu"></span> <span class="menu-title"></span>\n\n'
    '<a href="/search" class="search-toggle"><img src="/img/search.svg" /></a>\n\n'
    "- [Sign in](/login)\n"
    "- [Newsletter](/newsletter)\n\n"
    "# Sciatica and acupuncture\n\n" + PROSE
)

SIDEBAR = (
    "# Sciatica and acupuncture\n\n" + PROSE + "\n"
    "Office hours\n\n"
    "Monday to Friday 8am to 6pm\n\n"
    "Saturday 9am to noon\n\n"
    "Search\n\n"
    "- [Cupping for shoulder pain](/blog/cupping)\n"
    "- [Acupuncture and sleep](/blog/sleep)\n"
    "- [Dry needling explained](/blog/dry-needling)\n"
)


@pytest.mark.parametrize("text, expected, kind", [
    (NAV_TOP, [(1, 6)], "navigation"),
    (SCRAPER_HEADER, [(1, 7)], "reader-tool header"),
    (FOOTER, [(7, 11)], "footer"),
    (AUTHOR_CARD, [(7, 16)], "author card"),
    (BREADCRUMB, [(1, 1)], "breadcrumb"),
    (PREV_NEXT, [(7, 9)], "previous/next"),
    (SOCIAL, [(7, 11)], "social links"),
    (CTA, [(7, 7)], "call to action"),
    (ICON_SPANS, [(1, 6)], "icon markup"),
], ids=["nav", "scraper-header", "footer", "author-card", "breadcrumb", "prev-next", "social", "cta", "icons"])
def test_each_form_of_chrome_is_one_finding_spanning_it(text, expected, kind):
    found = findings(text)
    assert [(f.line, f.end_line) for f in found] == expected
    assert kind in found[0].message
    assert f"{expected[0][1] - expected[0][0] + 1} line" in found[0].message


def test_menu_copied_as_plain_text_without_its_links():
    text = "Home\nAbout us\nOur team\nBlog\nContact\n\nSciatica and acupuncture\n\n" + PROSE
    found = findings(text, "a.txt")
    assert [(f.line, f.end_line) for f in found] == [(1, 5)]
    assert _fix(text, "a.txt") == "Sciatica and acupuncture\n\n" + PROSE


def test_section_headings_named_like_menu_entries_are_not_a_menu():
    text = "# Our clinic\n\n" + PROSE + "\n## Services\n\n" + PROSE + "\n## Prices\n\n" + PROSE + "\n## Contact\n\n" + PROSE
    assert spans(text) == []


def test_wiki_page_chrome_before_and_after_the_article():
    found = findings(WIKI)
    # the title stays; "From ...wiki" and "Jump to" are one run, the footer menus another
    assert [(f.line, f.end_line) for f in found] == [(3, 5), (11, 17)]
    assert all("wiki chrome" in f.message for f in found)


def test_sidebar_after_the_article():
    found = findings(SIDEBAR)
    assert [(f.line, f.end_line) for f in found] == [(7, 17)]


def test_scraped_page_everything_around_the_article_is_chrome():
    text = (DATA / "scraped_page.md").read_text(encoding="utf-8")
    found = findings(text)
    doc = Document(text, "scraped_page.md")
    title = next(n for n, ln in enumerate(doc.lines, 1) if ln.startswith("# Shingles pain"))
    first_prose = next(n for n, ln in enumerate(doc.lines, 1) if ln.startswith("Shingles is a painful rash"))
    last_prose = next(n for n, ln in enumerate(doc.lines, 1) if ln.startswith("If the pain lasts"))
    runs = [(f.line, f.end_line) for f in found]
    assert runs[0][0] == 1 and runs[0][1] < title  # header and menu, title kept
    assert runs[-1][0] > last_prose and runs[-1][1] >= doc.line_count - 1  # footer down to the end
    for a, b in runs:  # never the article's own prose
        assert not (a <= first_prose <= b) and not (a <= last_prose <= b)
        assert not (a <= title <= b)


# ---------------------------------------------------------------------------
# precision: what is not chrome
# ---------------------------------------------------------------------------
NOT_CHROME = {
    "booking-sentence": "# Sciatica and acupuncture\n\n" + PROSE + "\nBook an appointment with your GP if the pain "
                        "spreads to both legs.\n\nTo book an appointment, call the clinic on 0113 496 0000.\n",
    "references": "# Sciatica and acupuncture\n\n" + PROSE + "\n## References\n\n"
                  "1. [Lee JH, Choi TY, Lee MS, et al. Acupuncture for acute low back pain. Clin J Pain. "
                  "2013;29(2):172-185.](https://doi.org/10.1097/AJP.0b013e31824909f9)\n"
                  "2. [National Institute for Health and Care Excellence (2016). Low back pain and sciatica in "
                  "over 16s.](https://www.nice.org.uk/guidance/ng59)\n"
                  "3. [Hinman RS, et al. (2014)](https://doi.org/10.1001/jama.2014.12660)\n",
    "photo-credit": "# Sciatica and acupuncture\n\n![A patient resting on a treatment couch](/img/couch.jpg)\n\n"
                    "*Photo: Sam Ortiz for Lakeside Clinic*\n\n" + PROSE,
    "related-reading": "# Sciatica and acupuncture\n\n" + PROSE + "\n## Related reading\n\n"
                       "- [Cupping](/blog/cupping)\n- [Sleep](/blog/sleep)\n- [Posture](/blog/posture)\n"
                       "- [Stretches](/blog/stretches)\n",
    "toc": "# Sciatica and acupuncture\n\n## Contents\n\n- [What sciatica is](#what-sciatica-is)\n"
           "- [What helps](#what-helps)\n- [When to see a doctor](#when-to-see-a-doctor)\n"
           "- [Sources](#sources)\n\n## What sciatica is\n\n" + PROSE + "\n## What helps\n\nWalking.\n\n"
           "## When to see a doctor\n\nIf you have numbness.\n\n## Sources\n\nOur own notes.\n",
    "described-resources": "# Sciatica and acupuncture\n\n" + PROSE + "\n"
                           "- [NHS sciatica guide](https://www.nhs.uk/conditions/sciatica/): symptoms, causes and "
                           "when to get help\n"
                           "- [Versus Arthritis](https://www.versusarthritis.org/): a charity with exercise sheets "
                           "for the back\n"
                           "- [British Acupuncture Council](https://acupuncture.org.uk/): find a registered "
                           "practitioner near you\n",
    "titles-after-prose": "# Sciatica and acupuncture\n\n" + PROSE + "\nYou may find these guides useful too.\n\n"
                          "- [Exercises for sciatica at home](/a)\n- [How long sciatica lasts](/b)\n"
                          "- [Sleeping positions with back pain](/c)\n",
    "one-link": "# Sciatica and acupuncture\n\n" + PROSE + "\n[Read the NHS page on sciatica](https://www.nhs.uk)\n",
    "plain-lists": "# Sciatica and acupuncture\n\n" + PROSE + "\nBring to your first visit:\n\n- a list of your "
                   "medicines\n- comfortable clothes\n- any scan results\n\n" + PROSE,
    "apps-under-a-heading": "# Sleep and pain\n\n" + PROSE + "\n## Apps that can help\n\n" + "".join(
        f"- [{n}](https://{n.lower()}.example)\n" for n in ("Calm", "Headspace", "Sleepio", "Insight", "Rise", "Pillow"))
        + "\n" + PROSE,
    "days-at-the-top": "Monday / Wednesday / Friday\n\n# Sciatica and acupuncture\n\n" + PROSE,
    "prev-next-words": "# Sciatica and acupuncture\n\n" + PROSE + "\nNext steps\n\n- Keep a pain diary.\n"
                       "- Walk a little every day.\n",
}


@pytest.mark.parametrize("name", sorted(NOT_CHROME))
def test_not_chrome(name):
    assert spans(NOT_CHROME[name]) == []


def test_html_page_template_outside_the_article_is_left_alone():
    text = (
        "<html><body>\n<nav><ul>\n<li><a href=\"/\">Home</a></li>\n<li><a href=\"/team\">Team</a></li>\n"
        "<li><a href=\"/prices\">Prices</a></li>\n<li><a href=\"/blog\">Blog</a></li>\n</ul></nav>\n"
        "<article>\n<h1>Sciatica and acupuncture</h1>\n<p>" + PROSE.replace("\n\n", "</p>\n<p>").strip() + "</p>\n"
        "</article>\n<footer><p><a href=\"/privacy\">Privacy</a></p><p><a href=\"/terms\">Terms</a></p>"
        "<p>&copy; 2025 Lakeside Clinic</p></footer>\n</body></html>\n"
    )
    assert spans(text, "page.html") == []
    assert spans(text, "page.html", rule="web-boilerplate") == []


def test_html_fragment_without_article_element_is_analysed_but_not_fixed():
    body = "<p>" + PROSE.replace("\n\n", "</p>\n<p>").strip() + "</p>\n"
    text = ("<ul>\n<li><a href=\"/\">Home</a></li>\n<li><a href=\"/team\">Team</a></li>\n"
            "<li><a href=\"/prices\">Prices</a></li>\n<li><a href=\"/blog\">Blog</a></li>\n</ul>\n"
            "<h1>Sciatica and acupuncture</h1>\n" + body)
    found = findings(text, "page.html")
    assert [(f.line, f.end_line) for f in found] == [(2, 5)]
    assert found[0].fix is None


def test_careful_fixtures_stay_silent():
    careful = Path(__file__).parent / "data" / "careful"
    for p in sorted(careful.iterdir()):
        if p.suffix in (".md", ".txt", ".html") and p.name != "README.md":
            assert spans(p.read_text(encoding="utf-8"), p.name) == [], p.name


# ---------------------------------------------------------------------------
# the split with web-boilerplate, the shared leftover lines
# ---------------------------------------------------------------------------
def test_a_line_is_reported_by_one_rule_only():
    text = SIDEBAR.replace("Search\n\n", "Search\n\nRecent Posts\n\n")
    both = lint(text, "a.md", select=["page-chrome", "web-boilerplate"])
    lines = {}
    for f in both:
        for n in range(f.line, f.end_line + 1):
            assert n not in lines, (n, f.rule, lines.get(n))
            lines[n] = f.rule
    assert [f.rule for f in both] == ["page-chrome"]


def test_furniture_phrases_alone_stay_with_web_boilerplate():
    text = "# Sciatica\n\n" + PROSE + "\nShare this:\nFacebook\nX\n\nHome » Blog » Sciatica\n"
    assert spans(text) == []
    assert spans(text, rule="web-boilerplate") != []


def test_leftover_lines_are_the_runs_and_readability_skips_them():
    from lint_rules import _leftovers, page_chrome, web_boilerplate

    doc = Document(NAV_TOP, "a.md")
    assert page_chrome.leftover_lines(doc) == frozenset(range(1, 7))
    assert "lint_rules.web_boilerplate" in _leftovers.PROVIDERS
    doc2 = Document("# Sciatica\n\n" + PROSE + "\nLeave a Comment\n", "a.md")
    assert web_boilerplate.leftover_lines(doc2) == frozenset({7})
    assert {1, 2, 3, 4, 5, 6} <= _leftovers.leftover_lines(doc)


# ---------------------------------------------------------------------------
# fixes
# ---------------------------------------------------------------------------
def _fix(text: str, filename: str = "a.md") -> str:
    """One pass of the rule's fixes (every run is deleted in the first pass)."""
    edits, _ = select_fixes(findings(text, filename), False)
    return apply_edits(text, edits)


@pytest.mark.parametrize("text", [NAV_TOP, SCRAPER_HEADER, FOOTER, AUTHOR_CARD, SOCIAL, CTA, ICON_SPANS, WIKI],
                         ids=["nav", "header", "footer", "author", "social", "cta", "icons", "wiki"])
def test_fix_deletes_the_run_and_nothing_else_and_is_idempotent(text):
    fixed = _fix(text)
    assert "# Sciatica" in fixed
    for para in PROSE.strip().split("\n\n"):
        assert para in fixed  # the article is untouched
    assert spans(fixed) == []
    assert _fix(fixed) == fixed


def test_fix_of_the_nav_run_leaves_exactly_the_article():
    assert _fix(NAV_TOP) == "# Sciatica and acupuncture\n\n" + PROSE


def test_no_fix_where_the_run_shares_a_line_with_text():
    text = "# Sciatica\n\n" + PROSE + "\n> [Home](/) [Team](/team) [Blog](/blog)\n> Quoted: keep this line.\n"
    for f in findings(text):
        assert f.fix is None or "keep this line" in _fix(text)


def test_bad_input_never_raises():
    for text in ("", "\n\n", "[", "](", "- [](\n" * 50, "Title: x\n\nURL Source:\n", "<a href=''>" * 200,
                 "- [a](b)\n" * 3000, "\u0130\u0131 › \u017f › x\n"):
        for name in ("a.md", "a.txt", "a.html"):
            lint(text, name, select=["page-chrome", "web-boilerplate"])
