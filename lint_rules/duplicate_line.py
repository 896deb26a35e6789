r"""A title, heading or paragraph that stands twice.

## What it finds
Text printed twice because a page template, a scraper or a content pipeline
added its own copy:

- the article's title repeated as a line of its own (a page template and the
  copied body both printed it);
- the title that a reader tool's header names ("Title: ..." above
  "URL Source: ...") printed again as the page's heading, once or more;
- the front matter's `title` repeated as a top-level heading in another
  letter case ("insomnia and sleep" under `title: Insomnia and Sleep`); the
  same title in the same case is a common, valid layout and is left alone;
- a heading repeated with no running text between the two copies: right after
  itself, in another letter case ("WHY POSTURE MATTERS" then "Why posture
  matters"), with its numbering marker ("3. CHECK YOUR POSTURE" then "3. Check
  your posture"), or with only stray lines such as a URL slug or an image
  credit between them;
- a paragraph of eight words or more that appears twice word for word.

Lines are compared after normalising letter case, whitespace, punctuation,
Markdown emphasis and a leading number marker. Not reported: a heading reused
as a label in another section ("Symptoms" under two conditions; a heading of
the same or a higher level, a list or a paragraph of running text starts a
new section), questions (FAQ lines), table cells, list items that repeat
further down (two lists may share an item), and short sentences.

## Why it matters
Repeated text is the most visible sign of an unedited copy-and-paste: readers
notice it at once, and it makes a health page look careless at the moment it
asks to be trusted. Duplicated paragraphs also inflate the page and confuse
screen-reader users.

## Examples
- flagged: `Acupuncture for Back Pain\n\nAcupuncture for Back Pain\n\nBack pain is common.`
- flagged (md): `# Acupuncture and Sleep\n\n## Acupuncture and Sleep\n\nMany people sleep badly.`
- flagged (md): `# Posture\n\n## WHY POSTURE MATTERS\n\n## Why posture matters\n\nSlouching strains the neck.`
- flagged (md): `# Posture\n\n### 3. CHECK YOUR POSTURE\n\n### 3. Check your posture\n\nSit tall.`
- flagged (md): `---\ntitle: Acupuncture for Hay Fever\n---\n\n# acupuncture for hay fever\n\nHay fever is common.`
- flagged (md): `Title: Knee Pain Relief\n\nURL Source: https://example.org/knee\n\nMarkdown Content:\n\nKnee Pain Relief\n================\n\nKnee pain is common.`
- flagged: `Sleep\n\nAcupuncture and Sleep\n\nacupuncture-and-sleep\n\nAcupuncture and Sleep\n\nMany people sleep badly.`
- flagged: `Intro\n\nRegular sessions over several weeks are usually needed to notice a change.\n\nMore\n\nRegular sessions over several weeks are usually needed to notice a change.`
- not flagged: `Neck Pain\n\nWhat to expect\n\nSome text here.\n\nBack Pain\n\nWhat to expect\n\nMore text here.`
- not flagged (md): `# Pain\n\n## Neck\n\n### Symptoms\n\n- stiffness\n\n## Back\n\n### Symptoms\n\n- aching`
- not flagged (md): `---\ntitle: Neck Pain\n---\n\n# Neck Pain\n\nNeck pain is common.`
- not flagged (md): `# Causes\n\n## Adults\n\n- not drinking enough water during the day\n\n## Children\n\n- not drinking enough water during the day`
- not flagged: `Yes.\n\nNo.\n\nYes.`

## Fix
Safe: the later copy is deleted; the first one stays (when the copy shares
its lines with other text, it is reported without a fix).

## Options
- `min_words`: paragraphs shorter than this are not compared (default 8).
"""
from __future__ import annotations

import re

from acu_lint.model import Finding, Fix
from lint_rules._common import LazyPattern, block_stands_alone, has_words, normalize

ID = "duplicate-line"
SEVERITY = "warning"
FIXABLE = True
OPTIONS = {"min_words": 8}
_RUNNING_TEXT_WORDS = 4  # a paragraph this long (or a sentence) separates two sections
_LABEL_WORDS = 12  # a paragraph this short without final punctuation reads as a heading
_SENTENCE_END = (".", "!", "?")

# a leading number marker: "3.", "3)", "Step 3:", "#3"
_MARKER = LazyPattern(r"^(?:step\s+\d{1,3}\s*[.):\u2013\u2014-]?|#\d{1,3}[.):]?|\d{1,3}\s*[.):\u2013\u2014-])\s+", re.I)
_NOT_WORD = LazyPattern(r"[^\w\s]+")
# _NOT_WORD's characters in ASCII, each to a space (str.translate)
_ASCII_NOT_WORD = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_" or chr(c).isspace())}
# a reader tool's header: "Title: ..." and "URL Source: ..." in the first lines
_SCRAPER_TITLE = LazyPattern(r"^title:[ \t]*(\S.{0,300})$", re.I)
_SCRAPER_SOURCE = LazyPattern(r"^url source:", re.I)
_HEAD_BLOCKS = 8
_SHORT = 160  # lines up to this long are compared without punctuation and number markers  # how far into the document the reader header may reach


def validate(options):
    if options["min_words"] < 1:
        raise ValueError("min_words must be at least 1")


def _key(text: str) -> str:
    """Letter case, whitespace, punctuation, emphasis marks and a leading
    number marker do not count when two lines are compared."""
    t = normalize(text)
    if not t or len(t) > _SHORT:
        return t  # a paragraph: compared word for word
    if t[0].isdigit() or t[0] in "#s":
        m = _MARKER.match(t)  # (anchored: what sub(count=1) would remove)
        if m:
            t = t[m.end():]
    if not t.replace(" ", "").isalnum():
        # ASCII: each punctuation character becomes a space (split() then joins the runs)
        t = " ".join((t.translate(_ASCII_NOT_WORD) if t.isascii() else _NOT_WORD.sub(" ", t)).split())
    return t


def doubled(before, b) -> bool:
    """True when block ``b``, right after ``before``, repeats it as a title-like
    line (what this rule reports as "repeats the one just above"); numbering-gap
    leaves such a pair to this rule."""
    if not (before.prose and b.prose):
        return False
    text = b.prose.text.strip()
    if text.endswith(_SENTENCE_END) or _key(text) != _key(before.prose.text):
        return False
    if b.kind in ("heading", "paragraph") and before.kind in ("heading", "paragraph"):
        return True
    return (b.kind == "list_item" and before.kind == "list_item" and b.number is not None
            and b.number == before.number and b.depth == before.depth)


def _plain(text: str) -> str:
    return " ".join(text.split())


def _scraper_title(doc):
    """(block, key) of a reader tool's "Title: ..." line when the document
    opens with such a header (a "URL Source: ..." line nearby), else None."""
    head = [b for b in doc.blocks[:_HEAD_BLOCKS] if b.kind in ("paragraph", "heading") and b.prose]
    title = None
    source = False
    for b in head:
        if ":" not in b.prose.text:
            continue  # both header lines hold a colon
        for ln in b.prose.text.split("\n"):
            ln = ln.strip()
            if title is None:
                m = _SCRAPER_TITLE.match(ln)
                if m:
                    title = (b, _key(m.group(1)))
                    continue
            if _SCRAPER_SOURCE.match(ln):
                source = True
    if title is not None and source and title[1]:
        return title
    return None


def _front_matter_title(doc) -> str | None:
    fm = doc.front_matter
    if isinstance(fm, dict):
        t = fm.get("title")
        if isinstance(t, str) and t.strip():
            return _plain(t.strip().strip("\"'"))
    return None


def _line_spans(b):
    """(text, start index in the prose) of each line of a block's prose."""
    text = b.prose.text
    pos = 0
    for ln in text.split("\n"):
        yield ln, pos
        pos += len(ln) + 1


def _finding(doc, b, reason, span=None):
    if span is None:
        start, end = b.start, b.end
        fix = Fix((doc.delete_block(b),), True, "delete the repeated copy") if block_stands_alone(doc, b) else None
    else:
        start, end = span
        fix = None
    return Finding(start, end, f"{reason}: duplicated text left from copying. Delete the second copy.", fix=fix)


def check(doc, options):
    min_words = options["min_words"]
    kinds = ("heading", "paragraph", "list_item")
    # (block, whether the block just before it in the document is prose, its text): a
    # table, code block or image between two copies makes them no longer adjacent
    blocks = []
    last_prose = False
    for b in doc.blocks:
        prose = b.prose
        if b.kind in kinds and prose is not None:
            text = prose.text.strip()  # empty: not prose (Prose.__bool__)
            if text and "table" not in (b.data.get("context") or ()):
                blocks.append((b, last_prose, text))
                last_prose = True
                continue
        last_prose = False
    if not blocks:
        return
    title = doc.title
    title_key = _key(title.prose.text) if title is not None and title.prose else None
    scraper = _scraper_title(doc)
    fm_title = _front_matter_title(doc) if doc.kind == "markdown" else None
    fm_key = _key(fm_title) if fm_title else None
    seen: dict[str, object] = {}
    # headings and heading-like lines met since the last running text: key -> (block, level)
    headings: dict[str, tuple] = {}
    prev = None  # the block just before, as (block, key)
    for b, follows_prose, text in blocks:
        key = _key(text)
        if not follows_prose:
            prev = None
        if not key:
            prev = None
            continue
        before, prev = prev, (b, key)
        kind = b.kind
        ends_sentence = text.endswith(_SENTENCE_END)
        label = (kind == "heading" or kind == "paragraph" and not b.in_list and not ends_sentence
                 and "\n" not in text and not has_words(key, _LABEL_WORDS + 1))
        reason = None
        span = None
        long_enough = None  # has_words(key, min_words), counted when first needed
        if scraper is not None and b is not scraper[0] and kind in ("heading", "paragraph"):
            if key == scraper[1]:
                reason = f"The page title from the reader tool's header (line {scraper[0].line}) is repeated here"
            elif "\n" in text and text.count("\n") <= 2:
                # a Setext title glued to the header's last line ("Markdown Content:")
                for ln, i in _line_spans(b):
                    if ln.strip() and _key(ln) == scraper[1]:
                        reason = (f"The page title from the reader tool's header (line {scraper[0].line}) "
                                  "is repeated here")
                        span = b.prose.span(i, i + len(ln))
                        break
        if reason:
            pass
        elif (fm_key and key == fm_key and kind == "heading" and b.level == 1
              and _plain(text).strip("#*_ ") != fm_title):
            reason = "The front matter's title is repeated here as a heading in another letter case"
        elif b is not title and title_key and key == title_key and kind in ("heading", "paragraph"):
            reason = f"The title is repeated here (first on line {title.line})"
        elif before is not None and before[1] == key and doubled(before[0], b):
            # a title-like line standing twice in a row ("Acupuncture for Neck Pain" / the same
            # again), in any letter case, with or without its number
            same = _plain(before[0].prose.text.strip()) == _plain(text)
            reason = (f"This line repeats the one just above (line {before[0].line})" if same else
                      f"This line repeats the one just above (line {before[0].line}) in another letter case")
        elif label and key in headings and (kind == "heading" or headings[key][0].kind == "heading"
                                            or headings[key][0] is title):
            reason = f"This heading repeats the one on line {headings[key][0].line}"
        elif kind == "paragraph" and key in seen:
            long_enough = has_words(key, min_words)
            if long_enough:
                reason = f"This paragraph already stands on line {seen[key].line}"
        if reason:
            yield _finding(doc, b, reason, span)
        elif kind == "paragraph" and key not in seen:
            if long_enough is None:
                long_enough = has_words(key, min_words)
            if long_enough:
                seen[key] = b
        if kind == "heading":
            level = b.level or 2
            if headings and doc.kind != "text":
                # a new heading of the same or a higher level starts a new section (plain
                # text has no levels: there a list or running text does)
                for k in [k for k, (_, lv) in headings.items() if lv >= level and k != key]:
                    del headings[k]
            headings.setdefault(key, (b, level))
        elif kind == "list_item" or ends_sentence or not label and has_words(key, _RUNNING_TEXT_WORDS):
            if headings:
                headings.clear()  # running text or a list: a new section may reuse a heading
        elif label:
            headings.setdefault(key, (b, 99))
