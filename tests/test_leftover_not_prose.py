"""Text that a leftover rule reports (a scraped menu, an assistant's reply, an image
prompt) is not the article's prose: readability and the claim rules do not read it."""
from __future__ import annotations

from conftest import ROOT, lint

from acu_lint.document import Document
from lint_rules import readability
from lint_rules._leftovers import is_leftover, leftover_lines

SCRAPED = (ROOT / "articles" / "drafts" / "scraped-clinic-page.md").read_text(encoding="utf-8")

PROMPT_ARTICLE = """# Acupuncture for Neck Pain

Neck pain is common. It often gets better in a few weeks.

Generate a hyper-realistic, ultra-detailed, cinematic photograph of an extraordinarily serene practitioner meticulously positioning sterilised stainless-steel filiform needles along the paravertebral musculature, volumetric lighting, 8k.

See your doctor if the pain spreads to your arms.

This article is general information, not medical advice.
"""

AI_CLAIM = """Sure! Here's a blog post about acupuncture that guarantees a cure for every patient:

# Acupuncture for Sleep

Some people find that acupuncture helps them relax. Results vary.

This article is general information, not medical advice.
"""


def test_menu_lines_are_leftover_and_not_read_by_readability():
    doc = Document(SCRAPED, "scraped.md")
    lines = leftover_lines(doc)
    menu = [b for b in doc.blocks if b.kind == "list_item"]
    assert menu and all(is_leftover(doc, b) for b in menu)
    body = [b for b in doc.prose_blocks() if "Tension headaches feel" in b.prose.text]
    assert body and not is_leftover(doc, body[0])
    read = list(readability.prose_blocks(doc))
    assert body[0] in read
    assert not any(b.line in lines for b in read)


def test_an_image_prompt_is_not_a_hard_paragraph():
    found = lint(PROMPT_ARTICLE, "neck.md", select=["image-prompt", "readability"])
    assert [f.line for f in found if f.rule == "image-prompt"] == [5]
    assert not any(f.rule == "readability" and f.line == 5 for f in found)
    doc = Document(PROMPT_ARTICLE, "neck.md")
    read = [b.line for b in readability.prose_blocks(doc)]
    assert 3 in read and 5 not in read
    # the same long sentence written as the article's own is read
    own = PROMPT_ARTICLE.replace("Generate a hyper-realistic, ultra-detailed, cinematic photograph of", "We watched")
    own = own.replace(", volumetric lighting, 8k", "")
    assert 5 in [b.line for b in readability.prose_blocks(Document(own, "neck.md"))]


def test_the_assistants_words_are_not_the_writers_claim():
    found = lint(AI_CLAIM, "sleep.md", select=["assistant-text", "absolute-claim"])
    assert [f.line for f in found if f.rule == "assistant-text"] == [1]
    assert not any(f.rule == "absolute-claim" for f in found)
    # the same words written as the article's own sentence are a claim
    own = AI_CLAIM.replace("Sure! Here's a blog post about acupuncture that guarantees", "Acupuncture guarantees")
    own = own.split("\n", 1)[1] + "\n" + own.split("\n", 1)[0] + "\n"
    assert any(f.rule == "absolute-claim" for f in lint(own, "sleep.md", select=["absolute-claim"]))
