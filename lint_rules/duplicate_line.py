r"""A title or paragraph that stands twice.

## What it finds
The article's title repeated as a line of its own (a page template and the
copied body both printed it), a heading repeated with no running text between
the two copies (right after itself, or with only a stray fragment such as a
URL slug between them), and a paragraph of eight words or more that appears
twice word for word.

## Why it matters
Repeated text is the most visible sign of an unedited copy-and-paste: readers
notice it at once, and it makes a health page look careless at the moment it
asks to be trusted. Duplicated paragraphs also inflate the page and confuse
screen-reader users.

## Examples
- flagged: `Acupuncture for Back Pain\n\nAcupuncture for Back Pain\n\nBack pain is common.`
- flagged (md): `# Acupuncture and Sleep\n\n## Acupuncture and Sleep\n\nMany people sleep badly.`
- flagged: `Sleep\n\nAcupuncture and Sleep\n\nacupuncture-and-sleep\n\nAcupuncture and Sleep\n\nMany people sleep badly.`
- flagged: `Intro\n\nRegular sessions over several weeks are usually needed to notice a change.\n\nMore\n\nRegular sessions over several weeks are usually needed to notice a change.`
- not flagged: `Neck Pain\n\nWhat to expect\n\nSome text here.\n\nBack Pain\n\nWhat to expect\n\nMore text here.`
- not flagged: `Yes.\n\nNo.\n\nYes.`

## Fix
Safe: the later copy is deleted; the first one stays.

## Options
- `min_words`: paragraphs shorter than this are not compared (default 8).
"""
from __future__ import annotations

from acu_lint.model import Finding, Fix
from lint_rules._common import block_stands_alone, has_words, normalize

ID = "duplicate-line"
SEVERITY = "warning"
FIXABLE = True
OPTIONS = {"min_words": 8}
_RUNNING_TEXT_WORDS = 4  # a paragraph this long (or a sentence) separates two sections


def validate(options):
    if options["min_words"] < 1:
        raise ValueError("min_words must be at least 1")


def check(doc, options):
    min_words = options["min_words"]
    kinds = ("heading", "paragraph", "list_item")
    # (block, whether the block just before it in the document is prose): a table,
    # code block or image between two copies makes them no longer adjacent
    blocks = []
    last_prose = False
    for b in doc.blocks:
        prose = b.kind in kinds and bool(b.prose)
        if prose:
            blocks.append((b, last_prose))
        last_prose = prose
    title = doc.title
    title_key = normalize(title.prose.text) if title is not None and title.prose else None
    seen: dict[str, object] = {}
    # headings met since the last paragraph of running text (key -> block)
    headings: dict[str, object] = {}
    prev = None  # the block just before, as (block, key)
    for b, follows_prose in blocks:
        key = normalize(b.prose.text)
        if not follows_prose:
            prev = None
        if not key:
            prev = None
            continue
        before, prev = prev, (b, key)
        reason = None
        long_enough = None  # has_words(key, min_words), counted when first needed
        if b is not title and title_key and key == title_key and b.kind in ("heading", "paragraph"):
            reason = f"The title is repeated here (first on line {title.line})"
        elif (before is not None and before[1] == key and b.kind in ("heading", "paragraph")
              and before[0].kind in ("heading", "paragraph") and not b.prose.text.rstrip().endswith((".", "!", "?"))):
            # a title-like line standing twice in a row ("Acupuncture for Neck Pain" / the same again)
            reason = f"This line repeats the one just above (line {before[0].line})"
        elif b.kind == "heading" and key in headings:
            reason = f"This heading repeats the one on line {headings[key].line}"
        elif b.kind in ("paragraph", "list_item") and key in seen:
            long_enough = has_words(key, min_words)
            if long_enough:
                reason = f"This paragraph already stands on line {seen[key].line}"
        if reason:
            fix = Fix((doc.delete_block(b),), True, "delete the repeated copy") if block_stands_alone(doc, b) else None
            yield Finding(b.start, b.end,
                          f"{reason}: duplicated text left from copying. Delete the second copy.", fix=fix)
        elif b.kind in ("paragraph", "list_item") and key not in seen:
            if long_enough is None:
                long_enough = has_words(key, min_words)
            if long_enough:
                seen[key] = b
        if b.kind == "heading":
            headings.setdefault(key, b)
        elif b.prose.text.rstrip().endswith((".", "!", "?")) or has_words(key, _RUNNING_TEXT_WORDS):
            headings.clear()  # running text: a new section may reuse a heading
