"""Tables for the leftover rules: exact rule, line and column; and text that must pass."""
from __future__ import annotations

import pytest

from conftest import lint

T = "Acupuncture for Neck Pain\n\n"  # a title so the body is not read as a title
BODY = "Neck pain is common and usually improves within weeks.\n"

# (rule, filename, text, [(line, column), ...])
MUST_FLAG = [
    ("duplicate-line", "a.md", "Acupuncture for Neck Pain\n\nAcupuncture for Neck Pain\n\n" + BODY, [(3, 1)]),
    # image-prompt
    ("image-prompt", "a.txt", T + "Create a photorealistic image that depicts a calm clinic room.\n\n" + BODY, [(3, 1)]),
    ("image-prompt", "a.txt", T + "Generate an illustration of the meridians on the arm.\n", [(3, 1)]),
    ("image-prompt", "a.txt", T + "Please create a warm, inviting photo showing a practitioner at work.\n", [(3, 1)]),
    ("image-prompt", "a.txt", T + "Image prompt: hands of an acupuncturist, close-up, soft light\n", [(3, 1)]),
    ("image-prompt", "a.txt", T + "Featured image idea: a smiling older man after a session\n", [(3, 1)]),
    ("image-prompt", "a.md", "# Feet\n\n{{ featured_image: man soaking feet in warm water, cozy warm tones, "
     "photorealistic render }}\n\n" + BODY, [(3, 1)]),
    ("image-prompt", "a.txt", T + "Visual direction for designer: woman holding her lower back, red glow over the spine. "
     "Style: hyper-real, 4K, soft bokeh.\n", [(3, 1)]),
    ("image-prompt", "a.txt", T + "Calm treatment room, soft bokeh, warm tones, 4K\n", [(3, 1)]),
    ("image-prompt", "a.txt", T + "[IMAGE: needles in the upper back of a patient]\n", [(3, 1)]),
    ("image-prompt", "a.txt", T + "[Insert photo of the clinic entrance]\n", [(3, 1)]),
    ("image-prompt", "a.txt", T + "Treatment room, hyperrealistic, 8k, volumetric lighting\n", [(3, 1)]),
    ("image-prompt", "a.txt", T + "A quiet treatment room at dusk --ar 16:9 --v 6\n", [(3, 1)]),
    ("image-prompt", "a.md", "# Migraine\n\n**Image prompt:** a woman resting with eyes closed\n", [(3, 3)]),
    ("image-prompt", "a.md", "# Migraine\n\n> Generate an image of a calm woman with needles in her temples.\n", [(3, 3)]),
    ("image-prompt", "a.html", "<h1>Migraine</h1>\n<p>Create an image showing the points on the hand.</p>\n", [(2, 4)]),
    ("image-prompt", "a.md", "# Migraine\n\n- [Image: chart of points]\n- Rest in a dark room.\n", [(3, 1)]),
    # image-caption
    ("image-caption", "a.txt", T + "A needle in the hand\nA needle in the hand from cdn.example.com\n\n" + BODY, [(3, 1), (4, 1)]),
    ("image-caption", "a.txt", T + "close-up of acupuncture needles from images.unsplash.com\n\n" + BODY, [(3, 1)]),
    ("image-caption", "a.txt", T + "Can it help with pain?\nCan it help with pain? from www.example.org\n", [(3, 1), (4, 1)]),
    ("image-caption", "a.txt", T + "acupuncture-neck-pain-1024x683.jpg\n\n" + BODY, [(3, 1)]),
    ("image-caption", "a.md", "# Knee\n\n![A needle near the knee](k.png)\n\nA needle near the knee\n\n" + BODY, [(5, 1)]),
    ("image-caption", "a.txt", T + "Woman on a treatment table from s3.amazonaws.com\n", [(3, 1)]),
    # duplicate-line
    ("duplicate-line", "a.txt", "Acupuncture for Neck Pain\n\nAcupuncture for Neck Pain\n\n" + BODY, [(3, 1)]),
    ("duplicate-line", "a.md", "# Acupuncture for Sleep\n\nAcupuncture for Sleep\n\n" + BODY, [(3, 1)]),
    ("duplicate-line", "a.md", "# Sleep\n\n## What helps\n\n## What helps\n\n" + BODY, [(5, 4)]),
    ("duplicate-line", "a.txt", T + BODY + "\nWhy\n\n" + BODY, [(7, 1)]),
    ("duplicate-line", "a.html", "<h1>Sleep Well</h1>\n<p>Sleep Well</p>\n<p>Text.</p>\n", [(2, 4)]),
    # web-boilerplate
    ("web-boilerplate", "a.txt", T + BODY + "\nLeave a Comment\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nLeave a Reply Cancel reply\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nYour email address will not be published.\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nScroll to Top\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nSkip to content\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nHome » Blog » Neck Pain\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nShare this:\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nFacebook Twitter LinkedIn Email\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nPosted in Acupuncture, Pain\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\n© 2024 Riverside Clinic. All rights reserved.\n", [(5, 1)]),
    ("web-boilerplate", "a.md", "# Neck\n\n" + BODY + "\n[Back to top](#top)\n", [(5, 2)]),
    ("web-boilerplate", "a.html", "<h1>Neck</h1><p>Text here.</p>\n<footer><p>Scroll to Top</p></footer>\n", [(2, 12)]),
    ("web-boilerplate", "a.txt", T + "You might also like: Acupuncture for Tennis Elbow\n", [(3, 1)]),
    ("web-boilerplate", "a.txt", T + "You are here: Home / Therapies / Cupping\n", [(3, 1)]),
    ("web-boilerplate", "a.txt", T + "By Admin | March 14, 2024 | 4 Comments\n", [(3, 1)]),
    ("web-boilerplate", "a.txt", T + "Posted on June 3, 2024 by Riverside Team\n", [(3, 1)]),
    ("web-boilerplate", "a.md", "# Neck\n\n" + BODY + "\n<p>Leave a Comment</p>\n", [(5, 4)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nRecent Posts\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nRelated Posts\n\nAcupuncture for Migraine\n\nWhen to See Your Doctor\n\n"
     "See a doctor if pain spreads.\n", [(5, 1), (7, 1)]),  # the box ends at the blank line after the titles
    ("stray-fragment", "a.html", "<p>nervous system</p><h1>Nerve Pain</h1><p>It is common, says <a href=\"x\">the NHS"
     "</a>.</p>\n", [(1, 4)]),
    # the post titles of a related-posts box go with it; the article after it stays
    ("web-boilerplate", "a.txt", T + BODY + "\nRelated Posts\n\nAcupuncture for Neck Pain\nAcupuncture for Migraine\n\n"
     "Neck pain often eases with gentle movement.\n", [(5, 1), (7, 1), (8, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nCategories: Pain, Sleep\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nFacebook | X | WhatsApp\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + "Tags: neuropathy, diabetes, nerve pain\n", [(3, 1)]),
    ("web-boilerplate", "a.txt", T + "Subscribe to our newsletter for more natural health tips!\n", [(3, 1)]),
    ("web-boilerplate", "a.txt", T + "Was this article helpful? Yes / No\n", [(3, 1)]),
    ("web-boilerplate", "a.md", "# Neck\n\n*Estimated reading time: 4 minutes*\n\n" + BODY, [(3, 2)]),
    ("web-boilerplate", "a.md", "# Neck\n\n" + BODY + "\nPosted in Physiotherapy, Sports Injuries | Tagged dry needling, "
     "trigger points, muscle pain\n", [(5, 1)]),
    # a paragraph made of furniture lines, and a share bar written one network per line
    ("web-boilerplate", "a.md", "# Neck\n\n" + BODY + "\nClick to share on Facebook (Opens in new window)\n"
     "Click to share on LinkedIn (Opens in new window)\n", [(5, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nShare this:\nFacebook\nX\nPinterest\n", [(5, 1), (6, 1), (7, 1), (8, 1)]),
    ("web-boilerplate", "a.txt", T + BODY + "\nLeave a Comment\n\nComment\nName *\nEmail *\n", [(5, 1), (7, 1), (8, 1), (9, 1)]),
    # stray-fragment
    ("stray-fragment", "a.txt", "nervous system\n\nAcupuncture for Nerve Pain\n\n" + BODY, [(1, 1)]),
    ("stray-fragment", "a.txt", T + BODY + "\nand inflammation\n\n" + BODY.replace("Neck", "Back"), [(5, 1)]),
    ("stray-fragment", "a.md", "back pain\n\n# Acupuncture for Back Pain\n\n" + BODY, [(1, 1)]),
]

# (rule, filename, text)
MUST_PASS = [
    # a "## Related articles" section is the writer's own; the box closes at a blank line and a heading
    ("web-boilerplate", "a.md", "# Neck\n\n" + BODY + "\n## Related articles\n\n- [Acupuncture for Migraine](/m)\n\n"
     "## When to See Your Doctor\n\nSee a doctor if pain spreads.\n"),
    ("web-boilerplate", "a.md", "# Bruising\n\n" + BODY + "\n- Category: mild (bruising, soreness, tiredness)\n"),
    ("duplicate-line", "a.md", "# T\n\nText here.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSource: NHS\n\n"
     "| c | d |\n|---|---|\n| 3 | 4 |\n\nSource: NHS\n"),
    ("stray-fragment", "a.md", "# Terms\n\n" + BODY + "\n<dl>\n  <dt>dry needling</dt>\n  <dd>Needles in muscle knots.</dd>\n"
     "</dl>\n\n<details><summary>what it feels like</summary>A small prick.</details>\n"),
    ("stray-fragment", "a.md", "# Feet\n\n" + BODY + "\n- <div>gentle pressure</div>\n"),
    ("image-prompt", "a.md", "# Neck\n\n" + BODY + "\n{{< figure\n  src=\"n.jpg\"\n  alt=\"photorealistic, 8k, cinematic "
     "lighting\"\n>}}\n"),
    ("duplicate-line", "a.md", "# Neck\n\nRest helps.\n\nRest helps.\n"),  # sentences: min_words decides
    ("stray-fragment", "a.md", "# Neck\n\n" + BODY + "\n[see our price list](/prices)\n\nMore text follows here.\n"),
    ("stray-fragment", "a.md", "# Neck\n\n" + BODY + "\n`acu-point` names\n\nMore text follows here.\n"),
    # sentences that start like furniture: never deleted
    ("web-boilerplate", "a.txt", T + BODY + "\nShare this guide with a friend who has back pain.\n"),
    ("web-boilerplate", "a.txt", T + BODY + "\nTagged as a high-risk patient? Talk to your doctor first.\n"),
    ("web-boilerplate", "a.txt", T + BODY + "\nPosted in the waiting room is a list of our prices.\n"),
    ("web-boilerplate", "a.txt", T + BODY + "\nCategories of pain include nerve pain and muscle pain.\n"),
    ("web-boilerplate", "a.md", "# Neck\n\n" + BODY + "\nShare this:\nWe hope this guide helps you decide what to do.\n"),
    ("web-boilerplate", "a.md", "# Sleep\n\n" + BODY + "\n- Bath: 10 minutes\n- Reading time: 20 minutes\n- Lights out\n"),
    ("web-boilerplate", "a.md", "# Skin\n\n" + BODY + "\n- Tags can catch on clothing and a GP can remove them.\n"),
    ("image-prompt", "a.txt", T + "Book your flu shot on a weekday. Afterwards, gentle isometric shoulder exercises "
     "can ease a sore arm.\n"),
    ("web-boilerplate", "a.md", "# Neck\n\n" + BODY + "\n## Related reading\n\n- Vickers AJ, et al. Acupuncture for "
     "chronic pain. J Pain. 2018;19(5):455-474.\n"),
    ("image-prompt", "a.txt", T + "Our new 4K ultrasound shows the muscle in warm tones of grey.\n"),
    ("image-prompt", "a.md", "# Feet\n\nThe page template fills in {{ clinic_name }} and {{ phone }} for each site.\n"),
    ("image-prompt", "a.txt", T + "Our photographer took the pictures in this article at the clinic.\n"),
    ("image-prompt", "a.txt", T + "Create an image in your mind of a quiet beach while the needles rest.\n"),
    ("image-prompt", "a.txt", T + "Make a list of your symptoms before your first visit.\n"),
    ("image-prompt", "a.txt", T + "Imaging tests such as MRI can show nerve compression.\n"),
    ("image-prompt", "a.txt", T + "We create a treatment plan that fits your needs.\n"),
    ("image-prompt", "a.txt", T + "Guided imagery can help: picture yourself on a calm shore.\n"),
    ("image-prompt", "a.txt", T + "The photo below shows where the needles go.\n"),
    ("image-prompt", "a.md", "# Neck\n\n```\nCreate a photorealistic image of a clinic --ar 16:9\n```\n"),
    ("image-prompt", "a.md", "# Neck\n\n<!-- Image prompt: a woman at rest -->\n\nText here.\n"),
    ("image-prompt", "a.txt", T + "Use the arrow keys --- or the mouse --- to move the chart.\n"),
    ("image-caption", "a.txt", T + "Photo: Dana Lee for Riverside Clinic\n"),
    ("image-caption", "a.md", "# Knee\n\n![A treatment room](room.jpg)\n*Photo by Sam Ortiz, used with permission.*\n"),
    ("image-caption", "a.txt", T + "You can download the intake form from our website, riversideclinic.com.\n"),
    ("image-caption", "a.txt", T + "Many patients come to us from nearby towns.\n"),
    ("image-caption", "a.txt", T + "Learn more about needle safety from the NHS at nhs.uk.\n"),
    ("image-caption", "a.txt", T + "The clinic moved from Main Street\nThe clinic moved from Main Street to Oak Road.\n"),
    ("duplicate-line", "a.txt", "Neck Pain\n\nWhat to expect\n\nSome text.\n\nBack Pain\n\nWhat to expect\n\nMore text.\n"),
    ("duplicate-line", "a.txt", T + "Yes.\n\nNo.\n\nYes.\n"),
    ("duplicate-line", "a.md", "# Neck\n\n```\nsame line\nsame line\n```\n"),
    ("duplicate-line", "a.md", "---\ntitle: Neck Pain\n---\n# Neck Pain\n\nText here.\n"),
    ("web-boilerplate", "a.txt", T + "Leave a comment below if acupuncture helped your migraines.\n"),
    ("web-boilerplate", "a.txt", T + "Back pain often gets better within a few weeks.\n"),
    ("web-boilerplate", "a.txt", T + "Share your symptoms with your acupuncturist at the first visit.\n"),
    ("web-boilerplate", "a.txt", T + "Read more about sleep in our guide to rest and recovery.\n"),
    ("web-boilerplate", "a.txt", T + "You might also like this gentle approach to sleep: it is slow.\n"),
    ("web-boilerplate", "a.txt", T + "Related reading: Smith J. Acupuncture for neck pain. BMJ. 2019.\n"),
    ("web-boilerplate", "a.txt", T + "Home care matters: rest, heat and gentle movement help.\n"),
    ("web-boilerplate", "a.txt", T + "You are here to learn how acupuncture may help.\n"),
    ("web-boilerplate", "a.txt", T + BODY + "\nxxxxxxxxxx\n"),
    ("web-boilerplate", "a.txt", T + "Email\n\nWrite to us at the front desk with any question.\n"),
    ("web-boilerplate", "a.txt", T + BODY + "\nContact\nName\nPhone\n"),
    ("web-boilerplate", "a.txt", T + "Subscribe to our newsletter if you want monthly tips, and tell us which topics matter to you. "
     "We read every reply.\n"),
    ("web-boilerplate", "a.md", "# Neck\n\n```\nScroll to Top\n```\n"),
    ("stray-fragment", "a.txt", T + "Poor sleep is common.\n\nSleep Hygiene\n\nKeep a regular bedtime.\n"),
    ("stray-fragment", "a.md", "# Acupuncture\n\n- needles\n- moxa\n"),
    ("stray-fragment", "a.txt", T + "See also: insomnia\n\nMore text here.\n"),
    ("stray-fragment", "a.md", "# Neck\n\n## frequently asked questions\n\nText.\n"),
    ("stray-fragment", "a.txt", T + "e.g.\n\nText here.\n"),
    ("stray-fragment", "a.txt", T + "https://example.org/study\n\nText here.\n"),
]


@pytest.mark.parametrize("rule,filename,text,positions", MUST_FLAG,
                         ids=[f"{r}-{i}" for i, (r, *_rest) in enumerate(MUST_FLAG)])
def test_must_flag(rule, filename, text, positions):
    found = [(f.line, f.column) for f in lint(text, filename, select=[rule])]
    assert found == positions


@pytest.mark.parametrize("rule,filename,text", MUST_PASS, ids=[f"{r}-{i}" for i, (r, *_rest) in enumerate(MUST_PASS)])
def test_must_pass(rule, filename, text):
    found = lint(text, filename, select=[rule])
    assert found == [], [f.message for f in found]


def test_smoke_clean_article_flags_nothing():
    text = (ARTICLE := "Acupuncture and Sleep\n\nMany people sleep badly when they are in pain. Some find that "
            "acupuncture helps them relax.\n\nWhat a Session Looks Like\n\nYou lie on a treatment table. "
            "Thin needles stay in place for about twenty minutes.\n")
    rules = ["image-prompt", "image-caption", "duplicate-line", "web-boilerplate", "stray-fragment"]
    assert lint(text, "a.txt", select=rules) == [], ARTICLE


def test_fixes_are_whole_line_deletions():
    text = "Title Here\n\nTitle Here\n\nLeave a Comment\n\nBody text that stays in place.\n"
    findings = lint(text, "a.txt", select=["duplicate-line", "web-boilerplate"])
    assert {f.rule for f in findings} == {"duplicate-line", "web-boilerplate"}
    for f in findings:
        assert f.fix is not None and f.fix.safe
        (edit,) = f.fix.edits
        assert edit.text == ""
        assert text[edit.start:edit.end].strip() == text[f.start:f.end].strip()


def test_image_prompt_messages_name_what_was_left():
    found = [f for f in lint("Title\n\nA quiet treatment room at dusk --ar 16:9 --v 6\n", "a.txt",
                             select=["image-prompt"])]
    assert len(found) == 1
    assert found[0].message.startswith(
        "Leftover AI image prompt: a line of image-generator flags was published as article text.")


def test_web_boilerplate_leaves_the_template_of_a_whole_html_page_alone():
    page = ("<html><body><nav><a href='/'>Home</a> &raquo; <a href='/blog'>Blog</a> &raquo; Neck</nav>\n"
            "<article><h1>Neck pain</h1>\n<p>Neck pain is common and usually eases within weeks.</p>\n"
            "<p>Leave a Comment</p>\n</article>\n"
            "<footer><p>&copy; 2026 Riverside Clinic. All rights reserved.</p><a href='#'>Scroll to Top</a></footer>\n"
            "</body></html>\n")
    found = [f for f in lint(page, "page.html", select=["web-boilerplate"])]
    # the page's nav and footer are its template; the comment prompt inside the article is furniture
    assert [(f.line, f.snippet) for f in found] == [(4, "Leave a Comment")]


def test_repeated_title_heading_with_a_url_slug_between_is_flagged_and_the_slug_too():
    text = ("Sciatica\n"
            "Acupuncture for Sciatica: What You Should Know\n"
            "acupuncture-sciatica-leg\n"
            "Acupuncture for Sciatica: What You Should Know\n\n"
            "Sciatica is pain that runs from the lower back down one leg.\n")
    found = [(f.rule, f.line) for f in lint(text, "a.txt", select=["duplicate-line", "stray-fragment"])]
    assert ("duplicate-line", 4) in found
    assert ("stray-fragment", 3) in found


def test_a_heading_reused_in_a_new_section_is_not_a_duplicate():
    text = ("Neck and back\n\nNeck Pain\n\nWhat to expect\n\nIt eases.\n\n"
            "Back Pain\n\nWhat to expect\n\nIt eases too.\n")
    assert [f for f in lint(text, "a.txt", select=["duplicate-line"])] == []


def test_in_a_whole_page_what_stands_outside_the_article_is_template():
    page = ('<html><body><a class="skip-link" href="#c">Skip to content</a>\n<main id="c"><article>\n'
            '<h1>Knee Pain</h1>\n<p>Knee pain is common and often eases.</p>\n<p>Leave a Comment</p>\n</article>\n'
            '<div id="comments"><h3>Leave a Comment</h3>\n<p>Your email address will not be published.</p></div>\n'
            '</main></body></html>\n')
    found = [(f.line, f.column) for f in lint(page, "page.html", select=["web-boilerplate"])]
    assert found == [(5, 4)]  # only the copy inside <article>


def test_the_article_element_is_the_one_that_holds_the_title():
    """An <article> card in a related-posts section does not make the real article template."""
    page = ('<html><body><main><h1>Knee Pain</h1>\n<p>Knee pain is common and often eases.</p>\n<p>Share this:</p>\n'
            '<section><article><h2>Card</h2><p>Another post.</p></article></section>\n</main></body></html>\n')
    found = [(f.line, f.column) for f in lint(page, "page.html", select=["web-boilerplate"])]
    assert found == [(3, 4)]


# round 2 (issue 13): words between code blocks are the writer's sentence glue
@pytest.mark.parametrize("glue", ["with", "and then", "or", "becomes"])
def test_connective_between_code_blocks_is_not_an_orphan(glue):
    text = ("# Renaming a branch\n\nRename the local branch first.\n\n```\ngit branch -m old-name\n```\n\n"
            f"{glue}\n\n```\ngit branch -m new-name\n```\n\nThen push it again.\n")
    assert lint(text, "a.md", select=["stray-fragment"]) == []


def test_connective_after_one_code_block_is_glue_but_a_tag_is_not():
    code = "# Renaming\n\nRun this first.\n\n```\ngit fetch\n```\n\n"
    assert lint(code + "and then\n\nMerge the branch when it is ready.\n", "a.md", select=["stray-fragment"]) == []
    hits = lint(code + "nervous system\n\nMerge the branch when it is ready.\n", "a.md", select=["stray-fragment"])
    assert [f.line for f in hits] == [9]
