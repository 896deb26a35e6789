"""image-prompt, widened: image placeholders in every shape and letter case, placeholder
image services and placeholder tokens in image sources, and the article inside a fence
that wraps it. All articles written for these tests."""
from __future__ import annotations

import pytest

from conftest import lint

from acu_lint.document import Document
from acu_lint.engine import FileResult, RuleSetup, fix_document
from acu_lint.rules import load_registry

RULE = "image-prompt"
H = "# Back Pain\n\n"
T = "Back Pain\n\n"
BODY = "Back pain is common and usually improves within a few weeks.\n"


def found(text, filename="a.md"):
    return [(f.line, f.column) for f in lint(text, filename, select=[RULE])]


def fixed(text, filename="a.md"):
    reg = load_registry()
    setups = [RuleSetup(RULE, reg[RULE].check, dict(reg[RULE].options), reg[RULE].severity)]
    doc, _rest = fix_document(Document(text, filename), setups, False, FileResult(filename))
    return doc.text


MUST_FLAG = [
    # bracketed placeholders: every bracket, every case
    ("a.md", H + "(Add photo of a patient doing a cat-cow stretch)\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "[Chart: pain scores over six weeks of treatment]\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "<Image of a physiotherapist guiding a patient's hips>\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "[image]\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "[IMAGE HERE]\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "[Diagram - the lumbar spine from the side]\n\n" + BODY, [(3, 1)]),
    ("a.txt", T + "(INSERT INFOGRAPHIC: five habits for a healthy back)\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "{{ hero_image: patient on a treatment table }}\n\n" + BODY, [(3, 1)]),
    ("a.html", "<h1>Back</h1>\n<p>[Photo: hands on a lower back]</p>\n<p>More text follows here.</p>\n", [(2, 4)]),
    # inside a sentence: the placeholder itself, no fix
    ("a.md", H + "Stretch gently every hour [insert image of the stretch] and breathe out.\n", [(3, 27)]),
    # label lines that describe a picture to make
    ("a.md", H + "PHOTO: woman stretching beside her desk\n\n" + BODY, [(3, 1)]),
    ("a.txt", T + "Image: an older man lifting a box with a straight back\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "**Illustration:** A spine with the discs shown in blue\n\n" + BODY, [(3, 3)]),
    # placeholder image services, any case
    ("a.md", H + "![Stretch](https://via.placeholder.com/600x400)\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "![Stretch](https://PICSUM.photos/800/400)\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "<img src=\"https://dummyimage.com/600x400/000/fff\" alt=\"x\">\n\n" + BODY, [(3, 1)]),
    ("a.html", "<h1>Back</h1>\n<p>Text.</p>\n<p><img src='https://placehold.co/600x400?text=Hero'></p>\n", [(3, 4)]),
    ("a.md", H + "{{< figure src=\"https://placehold.co/300\" alt=\"Back\" >}}\n\n" + BODY, [(3, 1)]),
    # placeholder tokens in image sources
    ("a.md", H + "![Stretch](insert-image-here.png)\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "![Stretch](IMAGE_URL)\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "![Stretch](path/to/image.jpg)\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "![Desk](STOCK_PHOTO_PLACEHOLDER:office worker stretching)\n\n" + BODY, [(3, 1)]),
    ("a.md", H + "Sit tall ![icon](Your-Image.png) and breathe.\n", [(3, 10)]),
]

MUST_PASS = [
    ("a.md", H + "![Stretch](image1.jpg)\n\n" + BODY),  # not clearly a placeholder
    ("a.md", H + "![A cat-cow stretch](stretch.jpg)\nImage: a patient doing the cat-cow stretch\n\n" + BODY),  # a caption
    ("a.txt", T + "Photo: Dana Lee for Riverside Clinic\n\n" + BODY),  # credits
    ("a.txt", T + "Image: Shutterstock\n\n" + BODY),
    ("a.txt", T + "Image courtesy of the NHS.\n\n" + BODY),
    ("a.md", H + "(photo by Sam Ortiz)\n\n" + BODY),
    ("a.md", H + "[Photo: hands on a lower back / iStock]\n\n" + BODY),
    ("a.md", H + "The results are shown below (see Figure 2).\n"),  # references to a real figure
    ("a.md", H + "Our team (photo below) treats back pain every day.\n"),
    ("a.md", H + "A video (about 3 minutes) shows the stretch.\n"),
    ("a.md", H + "Chart your pain: write a score from 0 to 10 each evening.\n"),  # ordinary words
    ("a.md", H + "Picture this: you wake up without stiffness.\n"),
    ("a.md", H + "Video: [How to do a safe hamstring stretch](https://example.org/v)\n\n" + BODY),  # a real link
    ("a.md", H + "<img src=\"placeholder.gif\" data-src=\"/img/back.jpg\" alt=\"Back\">\n\n" + BODY),  # lazy loading
    ("a.md", H + "![lqip](/assets/back.jpg){: lqip=\"data:image/webp;base64,UklGR\"}\n\n" + BODY),
    ("a.md", H + "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">\n\n" + BODY),
    ("a.md", H + "```\n![x](https://via.placeholder.com/600)\n[image]\n```\n"),  # code
    ("a.md", H + "Use `![alt](https://placehold.co/600)` while you draft.\n"),
    ("a.md", H + "<!-- ![x](https://placehold.co/600) -->\n\n" + BODY),  # a comment
    ("a.md", H + "Midjourney makes images from prompts such as \"calm clinic, soft light\".\n"),
    ("a.md", "---\ncover: https://placehold.co/600\n---\n" + H + BODY),  # front matter
    ("a.md", H + "<figure><img src=\"/img/room.jpg\" alt=\"Treatment room\"><figcaption>Our room</figcaption></figure>\n"),
]


@pytest.mark.parametrize("filename,text,positions", MUST_FLAG, ids=[f"flag-{i}" for i in range(len(MUST_FLAG))])
def test_must_flag(filename, text, positions):
    assert found(text, filename) == positions


@pytest.mark.parametrize("filename,text", MUST_PASS, ids=[f"pass-{i}" for i in range(len(MUST_PASS))])
def test_must_pass(filename, text):
    assert [f.message for f in lint(text, filename, select=[RULE])] == []


def test_placeholder_service_message_names_the_source():
    (f,) = lint(H + "![Stretch](https://via.placeholder.com/600x400)\n\n" + BODY, "a.md", select=[RULE])
    assert f.message.startswith("Placeholder image left in the article (https://via.placeholder.com/600x400)")


def test_fix_deletes_a_placeholder_image_paragraph_and_nothing_else():
    text = H + BODY + "\n![Stretch](https://via.placeholder.com/600x400)\n\n" + BODY.replace("Back", "Neck")
    out = fixed(text)
    assert out == H + BODY + "\n" + BODY.replace("Back", "Neck")
    assert fixed(out) == out


def test_an_image_inside_a_sentence_or_an_html_block_has_no_fix():
    text = H + "Sit tall ![icon](Your-Image.png) and breathe.\n\n<div>\n  <img src=\"https://placehold.co/60\">\n</div>\n"
    findings = lint(text, "a.md", select=[RULE])
    assert [(f.line, f.fix) for f in findings] == [(3, None), (6, None)]
    assert fixed(text) == text


def test_fix_deletes_a_bracket_placeholder_block():
    text = H + "[Chart: pain scores over six weeks]\n\n" + BODY
    assert fixed(text) == H + BODY


def test_placeholders_inside_a_fence_that_wraps_the_article():
    text = ("```markdown\n# Back Pain\n\n" + BODY + "\n![Desk](https://picsum.photos/600)\n\n"
            "Stand up and move every half hour; most people find it eases stiffness.\n"
            "Gentle walking helps many people recover sooner than bed rest does.\n```\n")
    assert found(text) == [(6, 1)]
    out = fixed(text)
    assert "picsum" not in out and out.count("```") == 2


def test_leftover_lines():
    from lint_rules import _leftovers, image_prompt

    doc = Document(H + "[image]\n\n" + BODY + "\n![x](https://placehold.co/1)\n", "a.md")
    assert image_prompt.leftover_lines(doc) == frozenset({3, 7})
    assert {3, 7} <= _leftovers.leftover_lines(doc)


@pytest.mark.parametrize("text", ["", "[", "![](", "<img src=", "(" * 3000, "[image" * 2000,
                                  "Image: " + "x " * 5000, "\u0130MAGE: a woman resting\n"])
def test_bad_input_never_raises(text):
    from lint_rules import image_prompt

    doc = Document(text, "a.md")
    list(image_prompt.check(doc, {"extra_labels": []}))
    image_prompt.leftover_lines(doc)


# ---------------------------------------------------------------------------
# round 2 (issue 13): placeholder tokens in image sources, whatever their separators;
# quoted examples in articles about AI text and prompts
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("filename, text, where", [
    ("a.html", "<h1>Back</h1>\n<p>Text.</p>\n<figure>\n  <img src=\"HERO_PHOTO_URL_HERE\" alt=\"\">\n</figure>\n",
     (4, 3)),
    ("a.md", H + "![Desk set-up](your_photo_here.webp)\n\n" + BODY, (3, 1)),
    ("a.md", H + "![Desk set-up]({{ featured_image_src }})\n\n" + BODY, (3, 1)),
    ("a.html", "<h1>Back</h1>\n<p><img src=\"[IMAGE]\" alt=\"stretch\"></p>\n", (2, 4)),
    ("a.md", H + "<img src=\"img-src-tbd.png\" alt=\"Back\">\n\n" + BODY, (3, 1)),
], ids=["caps-underscores", "underscores", "template-braces", "bracket-slot", "tbd-inside-a-name"])
def test_placeholder_token_in_an_image_source(filename, text, where):
    assert found(text, filename) == [where]


@pytest.mark.parametrize("src", ["hero-image.jpg", "/img/featured-image.png", "image1.jpg", "/uploads/path.png",
                                 "https://clinic.example/img/main-photo.jpg"])
def test_real_image_names_are_not_placeholders(src):
    assert found(H + f"![Desk set-up]({src})\n\n" + BODY) == []


AI_ARTICLE = (
    "# Writing image prompts that work\n\n"
    "A prompt for an image generator should name the subject, the setting and the light. Most people who "
    "try ChatGPT or Midjourney for the first time write prompts that are far too short.\n\n"
)


def test_quoted_placeholder_mid_sentence_in_an_article_about_ai_is_an_example():
    text = AI_ARTICLE + ("Drafts often still hold a note such as \"(Add photo of the team at the front desk here)\" "
                         "when they reach the editor.\n")
    assert found(text) == []


def test_block_quoted_prompt_in_a_prompt_tutorial_is_an_example():
    text = AI_ARTICLE + "Save the ones that work:\n\n> Image prompt: a ceramic teapot on a windowsill, morning light\n"
    assert found(text) == []


def test_the_same_block_quote_in_an_ordinary_article_is_still_a_leftover():
    text = H + BODY + "\n> Image prompt: a ceramic teapot on a windowsill, morning light\n\n" + BODY
    assert found(text) == [(5, 3)]


def test_an_unquoted_placeholder_in_an_article_about_ai_is_still_a_leftover():
    text = AI_ARTICLE + "[Insert photo of a laptop showing a prompt box]\n\nThe rest of the guide follows.\n"
    assert found(text) == [(5, 1)]


SPOTTING_AI = (
    "# Spotting a Rushed AI Draft\n\n"
    "Many small clinics now publish drafts straight from a chatbot, and the drafts keep traces of the tool.\n\n"
    "Look for lines such as *Picture: an older man stretching in a park at dawn, photorealistic, 8k, bokeh* "
    "left between two paragraphs. A line like that belongs to the image tool, not to the article.\n\n"
    "A second trace is a closing line that offers to write more.\n"
)


def test_style_keywords_in_an_example_set_off_in_a_sentence_are_a_mention():
    assert found(SPOTTING_AI) == []
    quoted = SPOTTING_AI.replace("*Picture:", "\u201cPicture:").replace("bokeh*", "bokeh\u201d")
    assert found(quoted) == []


def test_the_same_keywords_on_their_own_line_are_still_a_leftover():
    text = ("# Knee Pain\n\nKnee pain is common in older adults and often eases with gentle exercise.\n\n"
            "*an older man stretching in a park at dawn, photorealistic, 8k, bokeh*\n\n"
            "Rest and movement both have a place.\n")
    assert [ln for ln, _ in found(text)] == [5]


def test_a_caption_giving_the_prompt_in_a_review_of_image_generators_is_an_example():
    text = ("<html><body><article>\n<h1>Three AI Image Generators Compared</h1>\n"
            "<p>We gave each image generator the same prompt for a treatment room picture and compared the "
            "results. Every prompt was kept short so the generative AI tools had the same start.</p>\n"
            "<figure>\n  <img src=\"room.jpg\" alt=\"A treatment room\">\n  <!-- first tool -->\n  <figcaption>\n"
            "    Prompt: a calm treatment room, soft morning light, photorealistic, 35mm lens, ultra detailed\n"
            "  </figcaption>\n</figure>\n<p>The first tool gave a clean room; the second hung needles on the wall.</p>\n"
            "</article></body></html>\n")
    assert found(text, "a.html") == []
