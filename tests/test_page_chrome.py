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


def test_html_fragment_without_article_element_is_analysed_and_its_elements_deleted():
    body = "<p>" + PROSE.replace("\n\n", "</p>\n<p>").strip() + "</p>\n"
    text = ("<ul>\n<li><a href=\"/\">Home</a></li>\n<li><a href=\"/team\">Team</a></li>\n"
            "<li><a href=\"/prices\">Prices</a></li>\n<li><a href=\"/blog\">Blog</a></li>\n</ul>\n"
            "<h1>Sciatica and acupuncture</h1>\n" + body)
    found = findings(text, "page.html")
    assert [(f.line, f.end_line) for f in found] == [(2, 5)]
    # a run of whole elements goes element by element: the list's own tags stay
    assert found[0].fix is not None and found[0].fix.safe
    assert _fix(text, "page.html") == "<ul>\n</ul>\n<h1>Sciatica and acupuncture</h1>\n" + body


def test_html_run_sharing_a_line_with_article_text_is_not_fixed():
    body = "<p>" + PROSE.replace("\n\n", "</p>\n<p>").strip() + "</p>\n"
    text = ("<div>Intro words <a href=\"/\">Home</a> <a href=\"/team\">Team</a> <a href=\"/prices\">Prices</a>"
            " <a href=\"/blog\">Blog</a> <a href=\"/shop\">Shop</a></div>\n<h1>Sciatica and acupuncture</h1>\n" + body)
    for f in findings(text, "page.html"):
        if f.fix is not None:
            assert "Intro words" in _fix(text, "page.html")


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


# ---------------------------------------------------------------------------
# round 2 (issue 13): chrome copied as plain text, sidebars under their headings
# ---------------------------------------------------------------------------
EXPORT_HEADER = (
    "Shoulder Pain and Acupuncture | Harbourside Therapies\n"
    "harbourside-therapies.example/conditions/shoulder-pain\n"
    "Clipped with PageKeeper on 04/11/2023 08:15\n\n"
    "Shoulder Pain and Acupuncture\n\n" + PROSE
)


def test_read_later_export_header_in_plain_text():
    found = findings(EXPORT_HEADER, "a.txt")
    assert [(f.line, f.end_line) for f in found] == [(1, 3)]
    assert "reader-tool header" in found[0].message
    assert _fix(EXPORT_HEADER, "a.txt") == "Shoulder Pain and Acupuncture\n\n" + PROSE


def test_export_header_keeps_a_title_that_is_the_article_only_title():
    text = "Shoulder Pain and Acupuncture\nharbourside-therapies.example/conditions/shoulder\n\n" + PROSE
    for f in findings(text, "a.txt"):
        assert f.line > 1


PLAIN_PAGE = (
    "This site uses cookies so that we can remember your choices. By continuing to browse you agree to our use "
    "of cookies.\n"
    "Accept all   Cookie settings   Reject all\n\n"
    "Home\nAbout\nTherapies\nPricing\nOur team\nContact\nBook online\n\n"
    "Therapies > Acupuncture > Shoulder pain\n\n"
    "Shoulder pain and acupuncture\n\n" + PROSE + "\n"
    "Ready to feel better? Book your first session today\n\n"
    "Harbourside Therapies\n"
    "22 Quay Road, Falmouth TR11 3XX\n"
    "01326 555 019 | hello@harbourside.example\n\n"
    "Opening hours\n"
    "Mon-Thu 9am-7pm | Fri 9am-5pm\n\n"
    "Privacy Policy\nTerms of Use\nSitemap\n"
)


def test_plain_text_page_banner_menu_breadcrumb_cta_address_hours_footer():
    found = findings(PLAIN_PAGE, "a.txt")
    doc = Document(PLAIN_PAGE, "a.txt")
    title = doc.lines.index("Shoulder pain and acupuncture") + 1
    cta = doc.lines.index("Ready to feel better? Book your first session today") + 1
    runs = [(f.line, f.end_line) for f in found]
    assert runs == [(1, title - 2), (cta, doc.line_count - 1)]
    assert "breadcrumb" in found[0].message


def test_cookie_banner_and_its_buttons_above_the_article():
    text = ("We use cookies to improve your experience. Manage your preferences at any time.\n"
            "Accept   Reject   Manage preferences\n\n"
            "# Shoulder pain and acupuncture\n\n" + PROSE)
    assert spans(text) == [(1, 2)]


def test_a_cookie_sentence_inside_an_article_about_privacy_is_not_chrome():
    text = ("# How our clinic handles your data\n\n" + PROSE + "\nOur booking page stores one cookie so that it can "
            "remember the time you chose; you can accept or refuse it when the page asks, and the booking still "
            "works either way.\n\n" + PROSE)
    assert spans(text) == []


def test_cta_band_without_a_link():
    text = "Shoulder pain\n\n" + PROSE + "\nWant to know if acupuncture could help? Request a free call now\n"
    assert spans(text, "a.txt") == [(7, 7)]
    text2 = "# Shoulder pain\n\n" + PROSE + "\n\u260e Call us now: 01326 555 019\n"
    found = findings(text2)
    assert [(f.line, f.end_line) for f in found] == [(7, 7)]
    assert "call to action" in found[0].message


def test_cta_as_a_kramdown_button_with_any_wording():
    text = "# Shoulder pain\n\n" + PROSE + "\n[SPRING MOBILITY CHECK-UPS ARE OPEN](/assess){: .btn .btn-primary}\n"
    found = findings(text)
    assert [(f.line, f.end_line) for f in found] == [(7, 7)]
    assert "call to action" in found[0].message
    # the same words as a link without a button class are a link of the writer
    assert spans(text.replace("{: .btn .btn-primary}", "")) == []


@pytest.mark.parametrize("text", [
    # a section heading that its paragraph follows
    "Shoulder pain\n\n" + PROSE + "\nContact us\n\nIf you have questions before your visit, ring the front desk or "
    "send us a message through the website and we will reply.\n",
    # the steps of a list
    "# Shoulder pain\n\n" + PROSE + "\nWhat to do next:\n\n- Book a consultation\n- Bring your scans\n"
    "- Wear loose clothes\n",
    # a sentence that books
    "# Shoulder pain\n\n" + PROSE + "\nBook an appointment with your GP if the pain wakes you at night.\n",
], ids=["contact-heading", "list-of-steps", "sentence"])
def test_not_a_call_to_action(text):
    assert spans(text, "a.txt" if not text.startswith("#") else "a.md") == []


SHOP = (
    "CALM NIGHTS MAGNESIUM - 90 tablets\n\n"
    "Free next-day delivery on orders over $40!\n\n"
    "Magnesium is a mineral that the body uses in hundreds of processes. Some people take it in the evening "
    "because they find it helps them wind down, although the evidence for better sleep is limited and mixed.\n\n"
    "Take one tablet with your evening meal. Talk to your pharmacist first if you take other medicines, "
    "because magnesium can change how some of them are absorbed.\n\n"
    "★★★★☆ 4.2 (318 reviews)\n\n"
    "ADD TO CART - $24.00\n"
    "Subscribe & save 15%\n\n"
    "Share: Pinterest | X | Email\n"
)


def test_shop_page_chrome():
    runs = spans(SHOP, "a.txt")
    assert (3, 3) in runs  # delivery banner
    assert any(a <= 9 <= b for a, b in runs)  # rating widget
    assert any(a <= 11 <= b and a <= 12 <= b for a, b in runs)  # basket button and offer
    both = lint(SHOP, "a.txt", select=["page-chrome", "web-boilerplate"])
    assert any(f.line <= 14 <= f.end_line for f in both)  # the share bar


def test_shop_words_in_sentences_are_not_chrome():
    text = ("# Magnesium\n\n" + PROSE + "\n4 out of 5 people in the small trial slept a little longer.\n\n"
            "Free delivery of repeat prescriptions is offered by many pharmacies, so ask yours.\n")
    assert spans(text) == []


SIDEBAR_WIDGETS = (
    "# Shoulder pain and acupuncture\n\n" + PROSE + "\n"
    "## 3 thoughts on \u201cShoulder pain and acupuncture\u201d\n\n"
    "1. **Rosa P.** says: [June 2, 2024 at 10:02 am](https://clinic.example/shoulder/#comment-7)\n\n"
    "    Really clear, thank you.\n\n"
    "### Recent Posts\n\n"
    "* [Cupping for stiff necks](https://clinic.example/cupping/)\n"
    "* [What happens at a first visit](https://clinic.example/first-visit/)\n"
    "* [Moxa explained](https://clinic.example/moxa/)\n"
)


def test_sidebar_and_comment_headings_go_with_their_items():
    found = findings(SIDEBAR_WIDGETS)
    runs = [(f.line, f.end_line) for f in found]
    doc = Document(SIDEBAR_WIDGETS, "a.md")
    thoughts = next(n for n, ln in enumerate(doc.lines, 1) if "thoughts on" in ln)
    recent = next(n for n, ln in enumerate(doc.lines, 1) if "Recent Posts" in ln)
    for line in (thoughts, thoughts + 2, recent, recent + 2, recent + 4):
        assert any(a <= line <= b for a, b in runs), (line, runs)


def test_a_writer_heading_over_links_is_still_the_writer_list():
    text = ("# Shoulder pain\n\n" + PROSE + "\n## Exercises from physiotherapists\n\n"
            "* [Pendulum swings, step by step](https://physio.example/pendulum/)\n"
            "* [Wall slides for a stiff shoulder](https://physio.example/wall-slides/)\n"
            "* [Resistance band rows at home](https://physio.example/rows/)\n")
    assert spans(text) == []


# an HTML fragment (a template's content section): the class names of its elements
HTML_BODY = "<p>" + PROSE.replace("\n\n", "</p>\n<p>").strip() + "</p>\n"


def test_html_cookie_notice_named_by_its_class_in_a_fragment():
    text = ('<div id="gdpr-box" class="notice">\n  <p>We store a small file on your device. '
            '<a href="/privacy">Details</a></p>\n  <button>OK</button>\n</div>\n'
            "<article>\n<h1>Shoulder pain and acupuncture</h1>\n" + HTML_BODY + "</article>\n")
    found = findings(text, "post.html")
    assert [(f.line, f.end_line) for f in found] == [(2, 3)]
    assert "cookie notice" in found[0].message


@pytest.mark.parametrize("cls, kind", [("share-buttons", "menus and widgets"), ("post-breadcrumbs", "menus"),
                                       ("related-sidebar", "menus")])
def test_html_widgets_named_by_class_or_id(cls, kind):
    text = ("<h1>Shoulder pain and acupuncture</h1>\n" + HTML_BODY +
            f'<div class="{cls}">\n  <p>Pinterest</p>\n  <p>Print this</p>\n</div>\n')
    found = findings(text, "post.html")
    assert [(f.line, f.end_line) for f in found] == [(5, 6)]
    assert kind in found[0].message


def test_html_wrapper_named_like_a_widget_around_the_article_is_not_chrome():
    text = ('<div class="content-sidebar-wrap">\n<div class="entry">\n'
            "<h1>Shoulder pain and acupuncture</h1>\n" + HTML_BODY + "</div>\n</div>\n")
    assert spans(text, "post.html") == []


def test_whole_page_template_outside_the_article_stays_left_alone_even_when_named():
    text = ('<!doctype html>\n<html><body>\n<div class="cookie-bar"><p>We use cookies. Accept?</p></div>\n'
            "<article>\n<h1>Shoulder pain and acupuncture</h1>\n" + HTML_BODY + "</article>\n</body></html>\n")
    assert spans(text, "page.html") == []


def test_chrome_inside_the_article_element_is_reported_the_template_around_it_is_not():
    body = "<p>" + PROSE.replace("\n\n", "</p>\n<p>").strip() + "</p>\n"
    text = ("<!DOCTYPE html>\n<html><body>\n<header><a href=\"/\">Lakeside Clinic</a></header>\n<article>\n"
            "<nav class=\"crumbs\"><a href=\"/\">Home</a> &raquo; <a href=\"/blog\">Blog</a> &raquo; Sciatica</nav>\n"
            "<header><h1>Sciatica and acupuncture</h1></header>\n" + body +
            "<footer class=\"entry-footer\">\n"
            "<div class=\"share-bar\"><a href=\"https://facebook.com/x\">Facebook</a> "
            "<a href=\"https://twitter.com/x\">Twitter</a></div>\n"
            "<p class=\"post-links\"><a href=\"/prev\">&laquo; Previous post</a> <a href=\"/next\">Next post &raquo;</a></p>\n"
            "</footer>\n</article>\n<footer><p><a href=\"/privacy\">Privacy</a></p></footer>\n</body></html>\n")
    n = text.count("\n", 0, text.index("entry-footer")) + 1
    found = lint(text, "page.html", select=["page-chrome", "web-boilerplate"])
    assert [(f.rule, f.line) for f in found] == [("web-boilerplate", 5), ("page-chrome", n + 1)]
    fixed = _fix(text, "page.html")
    assert "Facebook<" not in fixed and "Previous post" not in fixed
    assert "Lakeside Clinic</a></header>" in fixed and "Privacy" in fixed and "<h1>Sciatica" in fixed
