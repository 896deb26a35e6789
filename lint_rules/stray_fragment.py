r"""An orphan fragment: a scrap of words, a lone date or leftover markup between sections.

## What it finds
Blocks that are neither a heading nor a sentence, left when a page was
scraped with its tags and widgets or exported from another editor:

- a few lowercase words standing alone, such as a category tag, breadcrumb
  piece or half-copied line ("nervous system" above the title), and in plain
  text any short fragment that stands before the title;
- leftover markup with nothing in it: a line that is only `**`, `_ _` or a
  bullet marker, an empty HTML paragraph (`<p></p>`), an empty image or link
  (`![]()`, `[]()`) whose address was stripped;
- a heading at the very end of the article with nothing under it (the
  section it introduced was cut off), and a page number from a PDF or scanned
  copy glued before a heading ("(3)## Precautions"), which makes the heading
  plain text;
- a date standing alone after the article has begun, with nothing dated
  under it (a teaser or widget date, not a byline).

Not reported: lines in code, tables, lists of short items, definition terms,
summaries and labels, link text, a date in the byline before the article's
first paragraph, a date followed by the entry it dates, and the words that
join code blocks into the writer's sentence ("with" between two code blocks,
"and then" after one).

## Why it matters
Orphan fragments are what is left when a page is scraped with its tags and
widgets. A patient cannot tell what they refer to, and they make the article
look unedited, at the top of the page where first impressions are formed.

## Examples
- flagged: `nervous system\n\nAcupuncture for Nerve Pain\n\nNerve pain has many causes.`
- flagged: `Acupuncture for Sleep\n\nPoor sleep is common.\n\nand stress\n\nStress makes it worse.`
- flagged (md): `back pain\n\n# Acupuncture for Back Pain\n\nBack pain is common.`
- flagged (md): `# Sleep\n\nPoor sleep is common in people with pain.\n\n**\n\nKeep a regular bedtime.`
- flagged (md): `# Sleep\n\nPoor sleep is common in people with pain.\n\n![]()\n\nKeep a regular bedtime.`
- flagged (md): `# Sleep\n\nPoor sleep is common in people with pain.\n\n## Further reading`
- flagged (md): `# Sleep\n\nPoor sleep is common in people with pain and stress.\n\n12 March 2023\n\n## Bedtime habits\n\nKeep a regular bedtime.`
- not flagged: `Acupuncture for Sleep\n\nPoor sleep is common.\n\nSleep Hygiene\n\nKeep a regular bedtime.`
- not flagged (md): `# Acupuncture\n\n- needles\n- moxa\n`
- not flagged (md): `# Shell\n\nRename the file.\n\n    mv a.txt b.txt\n\nwith\n\n    git mv a.txt b.txt\n\nGit then tracks it.`
- flagged (md): `# Headaches\n\nMost headaches are not serious.\n\n(3)## When to get help\n\nCall your doctor if it is sudden and severe.`
- not flagged: `Acupuncture for Sleep\n\nSee also: insomnia\n\nMore text here.`
- not flagged (md): `# Clinic news\n\nWe post changes to our hours on this page.\n\n12 March 2023\n\nThe clinic now opens at eight.`
- not flagged (md): `# Sleep\n\n12 March 2023\n\nPoor sleep is common in people with pain.`
- not flagged (md): `# Sleep\n\nText.\n\n---\n\n* * *\n\nMore text.`

## Fix
Safe: the fragment's line is deleted (an empty image or link inside a line:
just the markup). A heading left at the end is reported without a fix:
restore its section or delete it.

## Options
- `max_words`: longest fragment, in words, that the rule considers (default 4).
"""
from __future__ import annotations

import re

from acu_lint.model import Edit, Finding, Fix
from lint_rules._common import LazyPattern, block_stands_alone, has_words

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


_LETTER = LazyPattern(r"[^\W\d_]")
_LABEL_CONTEXT = frozenset({"dt", "summary", "label", "button", "li", "figcaption", "table"})
# words that join what stands before and after them into one sentence ("```a``` with ```b```")
_CONNECTIVES = frozenset("with and or then to into as like vs versus becomes become gives returns outputs "
                         "produces prints shows turns changes instead of followed by so this that these the "
                         "same for example e.g. i.e. also plus".split())


def _glue_between_code(blocks, i: int, text: str) -> bool:
    """Words that join two code blocks into the writer's sentence ("with", "and then",
    "becomes"): between two code blocks any short fragment, next to one a connective."""
    prev = next((blocks[k] for k in range(i - 1, max(-1, i - 4), -1) if blocks[k].kind != "comment"), None)
    nxt = next((blocks[k] for k in range(i + 1, min(len(blocks), i + 4)) if blocks[k].kind != "comment"), None)
    before = prev is not None and prev.kind == "code"
    after = nxt is not None and nxt.kind == "code"
    if before and after:
        return True
    return (before or after) and all(w.strip(",:;") in _CONNECTIVES for w in text.lower().split())


def _fragments(doc, options):
    max_words = options["max_words"]
    title = doc.title
    before_title = True
    blocks = doc.blocks
    markdown = doc.kind == "markdown"
    # in plain text, a capitalised fragment above the title is reported too
    title_line = title.line if title is not None and doc.kind == "text" else 0
    for i, b in enumerate(blocks):
        if b is title:
            before_title = False
            continue
        kind = b.kind
        if kind != "paragraph" and (kind != "heading" or markdown):
            continue  # "## lowercase heading" is deliberate markup
        prose = b.prose
        if prose is None or b.in_list or b.quote:
            continue
        text = prose.text.strip()
        if not text:
            continue
        # (the cheap tests first: each of them alone rules the block out)
        if not (text[0].islower() or before_title and b.line < title_line):
            continue  # neither a lowercase fragment nor a plain-text line above the title
        if "\n" in text or len(text) > 60 or has_words(text, max_words + 1):
            continue
        if not _LABEL_CONTEXT.isdisjoint(b.data.get("context") or ()):
            continue  # a term, a summary, a form label or a button: short on purpose
        if _END_PUNCT.search(text) or _NOT_FRAGMENT.search(text):
            continue
        if not _LETTER.match(text):
            continue
        if text.lower() in ("undefined", "null", "nan", "none"):
            continue  # a script's unfilled value: assistant-text reports it
        if _written_on_purpose(doc, b):
            continue
        if "." in text or "/" in text:
            from lint_rules import image_caption

            if image_caption.is_credit(text):
                continue  # a scraped image credit: image-caption reports it
        if not _glue_between_code(blocks, i, text):
            where = "above the title" if before_title and title is not None else "between sections"
            fix = Fix((doc.delete_block(b),), True, "delete the fragment") if block_stands_alone(doc, b) else None
            yield Finding(b.start, b.end,
                          f"Orphan fragment {where} ('{text}'): it is neither a heading nor a sentence, likely a "
                          "scraped tag or breadcrumb. Delete it or make it a full sentence.", fix=fix)


# a line made only of markup: emphasis marks, a backslash, a bullet, "&nbsp;"
_MARKUP_ONLY = LazyPattern(r"^(?:[*_~`\\]+[ \t]*)+$|^(?:&nbsp;|&#160;|\u00a0)+$")
# the characters a _MARKUP_ONLY line can start with
_MARKUP_FIRST = frozenset("*_~`\\&\u00a0")
_EMPTY_HTML = LazyPattern(r"^(?:<(p|div|span|strong|b|em|i)(?:\s[^<>]{0,200})?>\s*(?:&nbsp;|&#160;)?\s*</\1>\s*)+$", re.I)
_EMPTY_BULLET = LazyPattern(r"^[ \t>]*[-*+][ \t]*$")
_EMPTY_LINK = LazyPattern(r"!?\[[ \t]*\]\([ \t]*\)")
# a page number from a PDF or OCR copy glued before a heading: "(3)## Precautions"
_GLUED_HEADING = LazyPattern(r"^[ \t]*(?P<num>[(\[]?\d{1,3}[)\].]?|-\s?\d{1,3}\s?-)[ \t]*#{1,6}[ \t]+\S")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_ONLY = LazyPattern(
    r"^(?:(?:last\s+)?(?:updated|published|posted|modified|date)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})$", re.I)


def check(doc, options):
    yield from _fragments(doc, options)
    if doc.kind == "html":
        return  # a whole HTML page's empty elements are its template, not the article
    yield from _markup(doc)
    yield from _orphans(doc)


def _delete(doc, b, what):
    return Fix((doc.delete_block(b),), True, what) if block_stands_alone(doc, b) else None


def _markup(doc):
    """Leftover markup with nothing in it."""
    text = doc.text
    empty_links = "[]" in text or "[ ]" in text
    markdown = doc.kind == "markdown"
    for b in doc.blocks:
        kind = b.kind
        if kind != "paragraph" and kind != "list_item" and kind != "html":
            continue
        if b.line != b.end_line:
            continue
        if kind == "paragraph" and b.in_list:
            continue  # (what is reported of a paragraph is never inside a list)
        if "table" in (b.data.get("context") or ()):
            continue
        raw = doc.lines[b.line - 1]
        if kind == "paragraph" and "#" not in raw and raw.lstrip()[:1] not in _MARKUP_FIRST:
            continue  # neither a glued heading nor a line of markup
        stripped = raw.strip() if len(raw) <= 200 else ""
        if kind == "html":
            if stripped and _EMPTY_HTML.match(stripped):
                yield Finding(b.start, max(b.end, b.start + 1),
                              "Empty HTML element left from an export: it shows nothing but a gap. Delete it.",
                              fix=_delete(doc, b, "delete the empty element"))
            continue
        if kind == "list_item" and (b.prose is None or not b.prose.text.strip()) and _EMPTY_BULLET.match(raw):
            yield Finding(b.start, max(b.end, b.start + 1),
                          "Empty list item: a bullet with nothing after it, left from a scraped menu or an export. "
                          "Delete it.", fix=_delete(doc, b, "delete the empty bullet"))
            continue
        if kind == "paragraph" and markdown and "#" in raw:
            m = _GLUED_HEADING.match(raw)
            if m:
                base = doc.line_start(b.line)
                a, e = base + m.start("num"), base + m.end("num")
                yield Finding(a, e, f"Page number '{m.group('num')}' glued before a heading (left from a PDF or "
                              "scanned copy): the heading shows as plain text. Delete the number.",
                              fix=Fix((Edit(a, e, ""),), True, "delete the page number"))
                continue
        if kind == "paragraph" and stripped and _MARKUP_ONLY.match(stripped):
            yield Finding(b.start, max(b.end, b.start + 1),
                          f"Stray markup '{stripped[:20]}': formatting marks with no text, left from an export or "
                          "a scraped page. Delete the line.", fix=_delete(doc, b, "delete the stray markup"))
            continue
    if empty_links:
        yield from _empty_links(doc)


def _empty_links(doc):
    """Empty images and links ("![]()", "[]()") anywhere outside code."""
    text = doc.text
    skip = [(doc.line_start(b.line), doc.line_end(b.end_line)) for b in doc.blocks
            if b.kind in ("code", "front_matter", "comment")]
    k = 0
    for m in _EMPTY_LINK.finditer(text):
        a, e = m.span()
        while k < len(skip) and skip[k][1] < a:
            k += 1
        if k < len(skip) and skip[k][0] <= a:
            continue
        line = doc.line_of(a)
        raw = doc.lines[line - 1]
        col = a - doc.line_start(line)
        what = "image" if m.group(0).startswith("!") else "link"
        alone = not raw[:col].strip(" \t>-*+") and not raw[col + e - a:].strip()
        edit = doc.delete_lines(line, line) if alone else Edit(a, e, "")
        yield Finding(a, e, f"Empty {what} '{m.group(0)}': its text and address were stripped, so it shows "
                      "nothing. Delete it, or put the " + what + " back.",
                      fix=Fix((edit,), True, f"delete the empty {what}"))


def _orphans(doc):
    """A heading left at the end with nothing under it; a lone date with
    nothing dated under it, after the article has begun."""
    prose = [b for b in doc.blocks if b.kind in ("heading", "paragraph", "list_item") and b.prose is not None
             and b.prose.text.strip() and "table" not in (b.data.get("context") or ())]
    if len(prose) < 3:
        return
    last = prose[-1]
    title = doc.title
    if (last.kind == "heading" and last is not title and doc.kind == "markdown"
            and not any(b.kind != "comment" and b.start > last.end for b in doc.blocks[-4:])):
        text = last.prose.text.strip()
        if "\n" not in text and len(text) <= 80:
            yield Finding(last.start, last.end,
                          f"Heading with nothing under it at the end of the article ('{text[:40]}'): the section it "
                          "introduced was cut off or never written. Restore the section or delete the heading.")
    begun = False
    for i, b in enumerate(prose):
        text = b.prose.text.strip()
        if b.kind == "paragraph" and not b.in_list and begun and len(text) <= 60 and _DATE_ONLY.match(text):
            nxt = prose[i + 1] if i + 1 < len(prose) else None
            if nxt is None or nxt.kind == "heading":
                yield Finding(b.start, b.end,
                              f"Orphan date line ('{text}'): a date with nothing dated under it, left from a "
                              "scraped teaser or widget. Delete it.", fix=_delete(doc, b, "delete the date line"))
            continue
        if not begun and b.kind == "paragraph" and text.endswith((".", "!", "?")) and has_words(text, 8):
            begun = True
