r"""An orphan fragment above the title or between sections ("nervous system").

## What it finds
A few words standing alone as a block that are neither a heading nor a
sentence: a lowercase scrap such as a category tag, breadcrumb piece or
half-copied line ("nervous system" above the title), and in plain text any
short fragment that stands before the title.

## Why it matters
Orphan fragments are what is left when a page is scraped with its tags and
widgets. A patient cannot tell what they refer to, and they make the article
look unedited, at the top of the page where first impressions are formed.

## Examples
- flagged: `nervous system\n\nAcupuncture for Nerve Pain\n\nNerve pain has many causes.`
- flagged: `Acupuncture for Sleep\n\nPoor sleep is common.\n\nand stress\n\nStress makes it worse.`
- flagged (md): `back pain\n\n# Acupuncture for Back Pain\n\nBack pain is common.`
- not flagged: `Acupuncture for Sleep\n\nPoor sleep is common.\n\nSleep Hygiene\n\nKeep a regular bedtime.`
- not flagged (md): `# Acupuncture\n\n- needles\n- moxa\n`
- not flagged: `Acupuncture for Sleep\n\nSee also: insomnia\n\nMore text here.`

## Fix
Safe: the fragment's line is deleted.

## Options
- `max_words`: longest fragment, in words, that the rule considers (default 4).
"""
from __future__ import annotations

import re

from acu_lint.model import Finding, Fix
from lint_rules._common import block_stands_alone, has_words

ID = "stray-fragment"
SEVERITY = "warning"
FIXABLE = True
OPTIONS = {"max_words": 4}

_END_PUNCT = re.compile(r"[.!?:;,)\]\"'\u201d\u2019]\s*$")
_NOT_FRAGMENT = re.compile(r"^(?:see also|note|tip|source|photo|image|credit|by|via)\b|https?://|www\.|@|\d", re.I)


def validate(options):
    if not 1 <= options["max_words"] <= 12:
        raise ValueError("max_words must be between 1 and 12")


_LINK_OPEN = re.compile(r"(?:\[|`|\}\}|<a\b[^<>]*>)\s*$", re.I)
_LINK_CLOSE = re.compile(r"^\s*(?:\]\(|`|\{\{|</a>)", re.I)


def _written_on_purpose(doc, b) -> bool:
    """Link text, or words right after or before code or a shortcode (on the
    block's own lines, next to the block): "[see our prices](/prices)",
    "`acu-point` names"."""
    before = doc.text[doc.line_start(b.line):b.start]
    after = doc.text[b.end:doc.line_end(b.end_line)]
    return _LINK_OPEN.search(before) is not None or _LINK_CLOSE.match(after) is not None


_LABEL_CONTEXT = frozenset({"dt", "summary", "label", "button", "li", "figcaption", "table"})


def check(doc, options):
    max_words = options["max_words"]
    title = doc.title
    before_title = True
    for b in doc.blocks:
        if b is title:
            before_title = False
            continue
        if b.kind in ("code", "html", "comment", "front_matter", "table", "rule"):
            continue
        if b.kind not in ("heading", "paragraph") or not b.prose or b.in_list or b.quote:
            continue
        if not _LABEL_CONTEXT.isdisjoint(b.data.get("context") or ()):
            continue  # a term, a summary, a form label or a button: short on purpose
        text = b.prose.text.strip()
        if "\n" in text or len(text) > 60 or has_words(text, max_words + 1):
            continue
        if _written_on_purpose(doc, b):
            continue
        if _END_PUNCT.search(text) or _NOT_FRAGMENT.search(text):
            continue
        if not re.match(r"[^\W\d_]", text):
            continue
        lowercase = text[0].islower()
        if doc.kind == "markdown" and b.kind == "heading":
            continue  # "## lowercase heading" is deliberate markup
        if lowercase or (before_title and title is not None and doc.kind == "text" and b.line < title.line):
            where = "above the title" if before_title and title is not None else "between sections"
            fix = Fix((doc.delete_block(b),), True, "delete the fragment") if block_stands_alone(doc, b) else None
            yield Finding(b.start, b.end,
                          f"Orphan fragment {where} ('{text}'): it is neither a heading nor a sentence, likely a "
                          "scraped tag or breadcrumb. Delete it or make it a full sentence.", fix=fix)
