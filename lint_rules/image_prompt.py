r"""An AI image-generation prompt or image placeholder left in the article body.

## What it finds
Instructions written for an image generator or a designer that were published
as if they were part of the article: "Create a photorealistic image that depicts
...", "Generate an illustration of ...", "Image prompt: ...", "[IMAGE: ...]",
"[Insert photo of ...]", blocks made of generator style keywords ("8k,
photorealistic, cinematic lighting") and generator flags such as "--ar 16:9" or
"--v 6".

## Why it matters
A leftover prompt shows readers that the page was assembled by a content
pipeline and not reviewed by a person. For a health publisher that undermines
the trust the article asks for, and quality frameworks for consumer health
information (HONcode, the JAMA benchmark) rest on visible editorial
responsibility. It is also text a patient has to read past.

## Examples
- flagged: `Create a photorealistic image that depicts a calm treatment room with a patient resting.`
- flagged: `Generate an illustration of the acupuncture points on the lower back.`
- flagged: `Image prompt: a woman receiving acupuncture on her shoulder, soft light`
- flagged: `[IMAGE: acupuncturist placing a needle in a patient's hand]`
- flagged: `A serene clinic interior, photorealistic, 8k, cinematic lighting --ar 16:9`
- flagged (md): `# Sleep and acupuncture\n\n[Insert photo of a bedroom at night]\n\nPoor sleep is common.`
- not flagged: `Our photographer took the pictures in this article at the clinic.`
- not flagged: `Create an image in your mind of a quiet beach while the needles rest.`
- not flagged: `Make a list of your symptoms before your first visit.`
- not flagged: `Imaging tests such as MRI can show nerve compression.`

## Fix
Safe: the block that holds the prompt is deleted (with the blank line after it).
A prompt flag inside otherwise normal prose is reported without a fix.

## Options
- `extra_labels`: more labels that introduce a prompt or placeholder (list of strings).
"""
from __future__ import annotations

import functools
import re

from acu_lint.model import Finding, Fix
from lint_rules._common import LazyPattern, block_stands_alone, case_exotic, literal_index, load_data, phrase_source

ID = "image-prompt"
SEVERITY = "error"
FIXABLE = True
OPTIONS = {"extra_labels": []}

_FLAGS = LazyPattern(
    r"(?<![\w-])--(?:ar\s+\d{1,2}\s*:\s*\d{1,2}|aspect\s+\d{1,2}\s*:\s*\d{1,2}|v(?:ersion)?\s+\d(?:\.\d)?"
    r"|niji(?:\s+\d)?|style\s+(?:raw|scenic|expressive|cute|original)|q(?:uality)?\s+[.\d]+"
    r"|chaos\s+\d+|stylize\s+\d+|s\s+\d{2,4}|seed\s+\d+|no\s+[a-z]+|tile|weird\s+\d+)(?![\w-])",
    re.I,
)


@functools.lru_cache(maxsize=8)
def _patterns(extra: tuple[str, ...]):
    d = load_data("image_prompt.yaml")
    verbs = "|".join(map(re.escape, d["verbs"]))
    nouns = "|".join(map(re.escape, d["nouns"]))
    instruction = re.compile(
        rf"^\s*(?:please\s+|now\s+)?(?:{verbs})\s+(?:me\s+)?(?:an?\s+|the\s+|one\s+|some\s+|\d+\s+)?"
        rf"(?:[\w'-]+,?\s+){{0,4}}?(?:{nouns})(?![\w-])"
        rf"(?:\s+(?:that|which|of|showing|depicting|featuring|illustrating|with|where|in\s+which)\b|\s*[:,])",
        re.I,
    )
    labels = phrase_source(list(d["labels"]) + list(extra))
    label_start = re.compile(rf"^\s*[\[(*_]*\s*(?:{labels})\s*[*_]*\s*[:\-\u2013\u2014\]]", re.I)
    ph = "|".join(re.escape(p) for p in sorted(d["placeholders"], key=len, reverse=True))
    # compiled on first use: most texts have no "[" or "{", no style keyword, no instruction
    placeholder = LazyPattern(rf"[\[{{]{{1,2}}\s*(?:{ph})(?:\s*[:\-\u2013]|\s+(?:of|showing|here)\b|\s*[\]}}])[^\]}}\n]*[\]}}]{{1,2}}", re.I)
    style = _phrases(d["style_keywords"])
    weak = _phrases(d.get("style_keywords_weak") or [])
    not_prompt = _phrases(d["not_prompt_context"])
    # every style match starts with the first word of a keyword: a cheap prefilter
    # (exact for ASCII words in a text without case-exotic letters)
    firsts = {k.split()[0].lower() for k in d["style_keywords"] if k and k.strip()}
    style_words = frozenset(firsts) if firsts and all(w.isascii() for w in firsts) else None
    return instruction, label_start, placeholder, style, weak, not_prompt, style_words


def _phrases(phrases):
    """:func:`phrase_pattern`, compiled on first use."""
    source = phrase_source(phrases)
    return LazyPattern(source) if source == r"(?!x)x" else LazyPattern(source, re.I)


def _style_count(style, weak, text: str) -> int:
    """Distinct style keywords in ``text``; the weak ones count only beside a
    strong one, in a block that reads like a comma-separated list."""
    strong = {m.group(0).lower() for m in style.finditer(text)}
    if not strong or text.count(",") < 2:  # weak ones only in a list of keywords
        return len(strong)
    return len(strong) + len({m.group(0).lower() for m in weak.finditer(text)})


_FIRST_SENTENCE = LazyPattern(r"(?<=[.!?])\s")


def check(doc, options):
    instruction, label_start, placeholder, style, weak, not_prompt, style_words = _patterns(
        tuple(options.get("extra_labels") or ()))
    blocks = list(doc.prose_blocks())
    lowered = [b.prose.text.lower() for b in blocks]
    if style_words is None:
        style_hits = [True] * len(blocks)
    else:
        mask = literal_index(style_words).mask
        style_hits = [mask(low) != 0 for low in lowered]
    for block, low, hit in zip(blocks, lowered, style_hits):
        text = block.prose.text
        may_style = hit or case_exotic(low)
        may_flag = "--" in text  # every _FLAGS match starts with "--"
        may_place = "[" in text or "{" in text  # every placeholder starts with one
        reason = None
        # both patterns start with "^" (no re.M): match() is search() that does not try every position
        if instruction.match(text) and not not_prompt.search(_FIRST_SENTENCE.split(text, maxsplit=1)[0]):
            reason = "an image-generation instruction"
        elif label_start.match(text):
            reason = "an image prompt or placeholder label"
        elif may_place and placeholder.search(text) and len(placeholder.search(text).group(0)) >= 0.6 * len(text.strip()):
            reason = "an image placeholder"
        elif may_style and len(text.split()) <= 80 and _style_count(style, weak, text) >= 2:
            reason = "a list of image-generator style keywords"
        elif may_flag and _FLAGS.search(text) and ((may_style and style.search(text)) or len(text.split()) <= 40):
            reason = "a line of image-generator flags"
        if reason:
            fix = Fix((doc.delete_block(block),), True, "delete the prompt") if block_stands_alone(doc, block) else None
            yield Finding(block.start, block.end,
                          f"Leftover AI image prompt: {reason} was published as article text. "
                          "Readers see production notes; delete it or replace it with the image it describes.",
                          fix=fix)
            continue
        # a prompt flag inside normal prose: point at the flag, no fix
        m = _FLAGS.search(text) if may_flag else None
        if m and (not may_place or placeholder.search(text) is None):
            start, end = block.prose.span(m.start(), m.end())
            yield Finding(start, end, "Image-generator flag left in the text; delete it.")
        else:
            pm = placeholder.search(text) if may_place else None
            if pm:
                start, end = block.prose.span(pm.start(), pm.end())
                yield Finding(start, end, "Image placeholder left in the text; insert the image or delete the placeholder.")
