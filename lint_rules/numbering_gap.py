r"""A numbered list or series of numbered steps skips a number, repeats one or goes out of order.

## What it finds
Items numbered "1.", "1)", "Step 1:" or "#1" (list items, and headings such as
"## Step 2: Relax") whose numbers do not run on: a gap (1, 2, 3, 5), a
duplicate (2, 2) or an item out of order (3 after 4).

The rule follows the sequence a reader sees, not the lists a Markdown parser
builds. Within a section (the text between two headings) numbered items stay
one sequence even when paragraphs, bullet points, code blocks or tables stand
between them. Not a problem, and not reported:

- a list that starts again at 1 (or 0): a new list;
- a new section: its list is a new sequence, and may start at any number
  (steps 4-6 under a second heading continue steps 1-3);
- lazy Markdown numbering, every item "1." (valid CommonMark);
- a countdown (5, 4, 3, 2, 1);
- a jump of more than `max_jump` (a line that starts with a year, "2019.").

Two Markdown forms are reported although each list on its own is fine:

- one-item lists "1." split by unindented text (a paragraph or bullet points
  at the margin end a Markdown list), so every step shows as 1: each later
  "1." is a repeat (a list of two or more items that starts again at 1 is a
  new list, as above);
- a list in a new section that picks up after the last section's list with
  a gap (steps 1-3, then a heading, then step 5).

A numbered heading or item that stands twice in a row ("3. CHECK YOUR
POSTURE" then "3. Check your posture") is one duplicated line, which
`duplicate-line` reports, not a numbering repeat.

Nested lists are separate sequences (by nesting depth in Markdown and HTML,
by indentation in plain text), and so are items of different styles ("1." and
"1)" and "Step 1:"). Code blocks and tables are never read as lists.

## Why it matters
A patient following numbered instructions (how to prepare for a session,
when to call a doctor) who finds step 4 missing cannot tell whether something
important was cut. Numbering errors are also a visible sign of an article
that was pasted together and not proof-read, which costs the page the trust
a health article needs.

## Examples
- flagged: `Types of pain\n\n1. Chronic pain.\n\n2. Acute pain.\n\n3. Nerve pain.\n\n5. Period pain.`
- flagged: `Before your visit\n\n1. Eat a light meal.\n2. Wear loose clothes.\n2. Bring your medication list.`
- flagged: `Step 1: Lie down.\n\nStep 2: Breathe slowly.\n\nStep 4: Let the needles rest.`
- flagged (md): `# Prepare\n\n1. Eat something light.\n2. Wear loose clothes.\n4. Arrive early.`
- flagged (md): `# Sessions\n\n1. First visit\n   1. Intake form\n   3. Exam\n2. Follow-up visits`
- flagged (md): `# Plan\n\n## Step 1: Rest\n\nSleep well.\n\n## Step 3: Move\n\nWalk daily.`
- flagged (md): `# Steps\n\n1. Rest.\n\nLie down for ten minutes.\n\n1. Ice.\n\nWrap the ice in a towel.\n\n1. Raise.`
- flagged (md): `# Tips\n\n1. Sleep.\n2. Walk.\n3. Rest.\n\n## More tips\n\n5. Stretch.\n6. Breathe.`
- not flagged: `How it works\n\n1. Endorphins:\n\n- The body releases its own painkillers.\n\n2. Blood flow:\n\n- Circulation improves.\n\n3. Relaxation:\n\n- Muscles loosen.`
- not flagged: `What helps\n\n1. Rest.\n2. Heat.\n\nWhat to avoid\n\n1. Heavy lifting.\n2. Long drives.`
- not flagged (md): `# Steps\n\n1. Sit down.\n1. Breathe in.\n1. Breathe out.`
- not flagged (md): `# Doses\n\n1. Take one tablet.\n\n~~~\n3. this is code\n5. not a list\n~~~\n\n| 1. | 4. |\n|----|----|\n| 7. | 9. |\n\n2. Drink water.`
- not flagged (md): `# Posture\n\n### 3. CHECK YOUR POSTURE\n\n### 3. Check your posture\n\nSit tall.`
- not flagged (md): `# Help\n\n1. Rest.\n2. Ice.\n\nThen, once it settles:\n\n1. Lift.\n2. Drive.`
- not flagged (md): `# Plan\n\n## Step 1: Rest\n\n1. Lie down.\n2. Close your eyes.\n\n## Step 2: Move\n\n1. Stand up.\n2. Walk.`

## Fix
Safe: the sequence is renumbered from its first number (1, 2, 3, 5, 6 becomes
1, 2, 3, 4, 5; split "1." lists become 1, 2, 3, which Markdown shows as
written). A gap after a heading is reported without a fix. Only the digits change; each item keeps its marker style and
indentation. Items whose number is not written in the source (an HTML
`<ol>` counts for itself) are reported without a fix. If an item was lost
rather than misnumbered, restore it instead of renumbering.

## Options
- `max_jump`: a jump larger than this starts a new sequence instead of being
  reported as a gap (default 9).
- `check_headings`: also check numbered headings ("## Step 1: Rest") as a
  sequence (default true).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from acu_lint.model import Edit, Finding, Fix

ID = "numbering-gap"
SEVERITY = "warning"
FIXABLE = True
OPTIONS: dict[str, Any] = {"max_jump": 9, "check_headings": True}

# A numbered marker at the start of visible text ("3.", "3)", "Step 3:", "#3").
_TEXT_MARKER = re.compile(
    r"^(?:(?P<num>\d{1,4})(?P<punct>[.)])|(?P<step>step)[ \t]+(?P<snum>\d{1,4})[ \t]*[:.)\u2013\u2014-]"
    r"|#(?P<hnum>\d{1,4})[:.)]?)(?=[ \t]|$)",
    re.I,
)
# the characters other than digits that a _TEXT_MARKER match can start with ("\u017f" is
# the long s, which re.I matches with "s")
_MARKER_FIRST = frozenset("#sS\u017f")
# The digits of a marker that starts at a known source offset.
_SOURCE_DIGITS = re.compile(r"(?:step[ \t]+|#)?(\d{1,9})", re.I)


def validate(options: dict[str, Any]) -> None:
    if not isinstance(options["max_jump"], int) or options["max_jump"] < 1:
        raise ValueError(f"'max_jump' must be a whole number of 1 or more, got {options['max_jump']!r}")


@dataclass
class Item:
    block: Any
    number: int
    style: str  # ".", ")", "step" or "hash"
    span: tuple[int, int]  # the marker, for the finding
    digits: tuple[int, int] | None  # source span of the digits, for the fix
    split: bool = False  # a Markdown list of its own right after a one-item list with the same number


@dataclass
class Sequence:
    items: list[Item] = field(default_factory=list)
    direction: int = 0  # +1 counting up, -1 counting down, 0 not known yet
    peak: int = 0  # the highest number so far (the lowest when counting down)
    problems: list[tuple[Item, Item]] = field(default_factory=list)  # (item, previous)


def _style_of(block, marker: str) -> str:
    style = block.data.get("style")
    if style == "step" or marker[:4].lower() == "step":
        return "step"
    if style == "hash" or marker.startswith("#"):
        return "hash"
    return ")" if marker.rstrip().endswith(")") else "."


def _list_item(doc, block) -> Item | None:
    """A list item whose number the Document parsed."""
    marker = block.marker or ""
    style = _style_of(block, marker)
    digits = None
    start = block.start
    line_end = doc.line_end(block.line)
    while start < line_end and doc.text[start] in " \t>":
        start += 1  # an empty item's block starts at the line
    m = _SOURCE_DIGITS.match(doc.text, start)
    # HTML <ol> numbers are counted, not written: digits there belong to the text
    if m and int(m.group(1)) == block.number and doc.kind != "html":
        digits = m.span(1)
    if marker and doc.kind != "html" and doc.text.startswith(marker, start):
        span = (start, start + len(marker))
    elif digits:
        span = digits
    else:
        span = (block.start, min(block.end, doc.line_end(block.line)))
    return Item(block, block.number, style, span, digits)


def _text_item(doc, block) -> Item | None:
    """A block whose visible text starts with a number marker ("Step 2: ...")."""
    prose = block.prose
    if prose is None or not prose.text:
        return None
    first = prose.text[0]
    if not (first in _MARKER_FIRST or first.isdigit()):
        return None  # (a marker starts with a digit, "#" or "step")
    m = _TEXT_MARKER.match(prose.text)
    if not m:
        return None
    group = "num" if m.group("num") else ("snum" if m.group("snum") else "hnum")
    style = m.group("punct") if group == "num" else ("step" if group == "snum" else "hash")
    a, b = prose.span(m.start(group), m.end(group))
    digits = (a, b) if doc.text[a:b] == m.group(group) else None
    return Item(block, int(m.group(group)), style, prose.span(0, m.end()), digits)


class _IndentLevels:
    """Nesting levels of plain-text list items from their indentation."""

    def __init__(self) -> None:
        self.stack: list[int] = []

    def reset(self) -> None:
        self.stack = []

    def level(self, indent: int) -> int:
        while self.stack and indent < self.stack[-1] - 1:
            self.stack.pop()
        if not self.stack or indent > self.stack[-1] + 1:
            self.stack.append(indent)
        return len(self.stack) - 1


def _feed(seq: Sequence, item: Item, max_jump: int) -> bool:
    """Add ``item`` to ``seq``; False when it starts a new sequence instead."""
    if not seq.items:
        seq.items.append(item)
        seq.peak = item.number
        return True
    prev = seq.items[-1]
    x, p = item.number, prev.number
    if item.split and x == p and seq.direction >= 0:
        # "1." lists split by unindented text: each shows as 1, the writer meant 1, 2, 3
        seq.problems.append((item, prev))
        seq.direction = 1
        seq.items.append(item)
        return True
    if seq.direction >= 0 and x == p + 1:
        seq.direction = 1
    elif seq.direction <= 0 and x == p - 1 and (seq.direction == -1 or x > 1):
        seq.direction = -1
    elif x in (0, 1) and x <= p:
        return False  # a list that starts again
    elif seq.direction == -1 and x > p:
        return False  # after a countdown: something new
    elif abs(x - p) > max_jump:
        return False  # not the same sequence (a year, a quantity)
    elif seq.direction and x == seq.peak + seq.direction:
        pass  # back on track after a swapped item (1, 3, 2, 4): reported once already
    else:
        seq.problems.append((item, prev))
        if not seq.direction:
            seq.direction = 1
    seq.items.append(item)
    seq.peak = max(seq.peak, x) if seq.direction >= 0 else min(seq.peak, x)
    return True


def _missing(a: int, b: int) -> str:
    """Numbers strictly between a and b, for the message."""
    lo, hi = min(a, b) + 1, max(a, b) - 1
    if lo == hi:
        return str(lo)
    if hi == lo + 1:
        return f"{lo} and {hi}"
    return f"{lo} to {hi}"


def _label(item: Item) -> str:
    return {"step": "step", "hash": "item #"}.get(item.style, "item ")


def _findings(doc, seq: Sequence):
    if not seq.problems:
        return
    step = seq.direction or 1
    first = seq.items[0].number
    edits = []
    fixable = True
    for i, item in enumerate(seq.items):
        want = first + step * i
        if want < 0:
            fixable = False
            break
        if item.number != want:
            if item.digits is None:
                fixable = False
                break
            edits.append(Edit(item.digits[0], item.digits[1], str(want)))
    fix = Fix(tuple(edits), True, "renumber the list") if fixable and edits else None
    lines = [it.block.line for it in seq.items]
    for item, prev in seq.problems:
        x, p = item.number, prev.number
        label = _label(item)
        sep = "" if label.endswith(("#", " ")) else " "
        expected = p + step
        if x == p and item.split:
            msg = (f"Numbering repeats {x}: {label}{sep}{x} on line {prev.block.line} too (the unindented text "
                   f"between them ends the Markdown list, so each item shows as {x}).")
        elif x == p:
            msg = f"Numbering repeats {x}: {label}{sep}{x} on line {prev.block.line} too."
        elif (x - p) * step > 0:
            msg = (f"Numbering skips {_missing(p, x)}: {label}{sep}{x} follows {label}{sep}{p} "
                   f"(line {prev.block.line}).")
        else:
            msg = (f"Numbering goes backwards: {label}{sep}{x} follows {label}{sep}{p} "
                   f"(line {prev.block.line}).")
        msg = msg[0].upper() + msg[1:]
        if fix is not None:
            msg += " Renumber the list (or restore the missing item)." if (x - p) * step > 1 else " Renumber the list."
        yield Finding(item.span[0], item.span[1], msg, fix=fix,
                      data={"found": x, "expected": expected, "previous": p,
                            "previous_line": prev.block.line, "sequence_lines": lines})


def _doubled(a, b) -> bool:
    """One heading or item standing twice ("3. CHECK YOUR POSTURE" then "3. Check
    your posture"): duplicate-line reports it; it is not a numbering repeat."""
    from lint_rules.duplicate_line import doubled

    return doubled(a, b)


class _MdLists:
    """Which Markdown list an ordered item belongs to: a bullet item at its
    depth, or a paragraph or heading outside it, ends a list (CommonMark), so
    the next "1." starts a new list and is shown as 1 again."""

    def __init__(self) -> None:
        # (quote, depth) -> [first number, items in the list, ended, style]
        self.lists: dict[tuple, list] = {}

    def interrupt(self, block) -> None:
        kind = block.kind
        if kind == "heading":
            self.lists.clear()  # a new section: its lists are new
            return
        if kind == "list_item" and block.number is None:
            d = block.depth
        elif kind == "paragraph" and block.prose:
            d = block.depth  # a paragraph inside an item sits one level deeper than the item
        else:
            return
        for k, v in self.lists.items():
            if k[1] >= d:
                v[2] = True

    def item(self, block, item) -> bool:
        """Record an ordered item; True when it starts a new list right after a
        one-item list of the same number (both shown as that number)."""
        key = (bool(block.quote), block.depth)
        cur = self.lists.get(key)
        if cur is not None and not cur[2] and cur[3] == item.style:
            cur[1] += 1
            return False
        split = cur is not None and cur[1] == 1 and cur[0] == item.number and cur[3] == item.style
        self.lists[key] = [item.number, 1, False, item.style]
        return split


def check(doc, options):
    max_jump = options["max_jump"]
    check_headings = options["check_headings"]
    lists: dict[tuple, Sequence] = {}  # (quote, level, style) -> open sequence
    headings: dict[tuple, Sequence] = {}  # (level, style) -> open sequence
    # the last number of a top-level sequence that a heading closed: a list in the next
    # section that starts above 1 continues it ("steps 4-6" under a second heading)
    carried: dict[tuple, Item] = {}
    levels = _IndentLevels()
    text_doc = doc.kind == "text"
    md = _MdLists() if doc.kind == "markdown" else None
    last_prose = None  # the prose block just before
    last_item: dict[int, Item] = {}  # id(sequence store) -> last item added, for doubled headings

    def close(store: dict[tuple, Sequence], keep, section: bool = False) -> list:
        out = []
        for key in [k for k in store if not keep(k)]:
            seq = store.pop(key)
            out.extend(_findings(doc, seq))
            if section and store is lists and seq.items and seq.direction >= 0:
                carried[key] = seq.items[-1]
        return out

    def add(store: dict[tuple, Sequence], key: tuple, item: Item) -> list:
        prev = last_item.get(id(store))
        if (prev is not None and prev.number == item.number and prev.block is last_prose
                and _doubled(prev.block, item.block)):
            return []  # one heading standing twice: not a numbering repeat (duplicate-line)
        last_item[id(store)] = item
        seq = store.get(key)
        out = []
        if seq is None or not seq.items:
            seq = store[key] = Sequence()
            out.extend(_carry(store, key, item))
        if _feed(seq, item, max_jump):
            return out
        out.extend(_findings(doc, seq))
        store[key] = fresh = Sequence()
        _feed(fresh, item, max_jump)
        return out

    def _carry(store, key, item) -> list:
        """A new top-level sequence that picks up after the last section's list with a gap."""
        if store is not lists or key[1] != 0:
            return []
        prev = carried.get(key)
        if prev is None or item.number <= 1:
            return []
        x, p = item.number, prev.number
        carried.pop(key, None)
        if p + 1 < x <= p + max_jump:
            msg = (f"Numbering skips {_missing(p, x)}: {_label(item)}{'' if _label(item).endswith(('#', ' ')) else ' '}{x} "
                   f"continues the list that ends at {p} (line {prev.block.line}) but leaves a gap. Renumber "
                   "the list (or restore the missing item).")
            return [Finding(item.span[0], item.span[1], msg[0].upper() + msg[1:],
                            data={"found": x, "expected": p + 1, "previous": p,
                                  "previous_line": prev.block.line, "sequence_lines": [prev.block.line, item.block.line]})]
        return []

    # (close() and md.interrupt() are called only when there is something open to close:
    # an empty store has nothing to report)
    for block in doc.blocks:
        kind = block.kind
        if md is not None and md.lists:
            md.interrupt(block)
        if kind == "heading":
            if lists:
                yield from close(lists, lambda k: False, section=True)
            levels.reset()
            item = _text_item(doc, block) if check_headings else None
            level = block.level
            if headings:
                yield from close(headings, lambda k, lv=level: k[0] <= lv)
            if item is not None:
                yield from add(headings, (level, item.style), item)
        elif kind == "rule":  # a thematic break ends a section's lists
            if lists:
                yield from close(lists, lambda k: False)
            carried.clear()
            levels.reset()
        elif kind == "list_item" or kind == "paragraph":
            if text_doc:
                depth = levels.level(block.indent) if kind == "list_item" else 0
                if kind == "paragraph":
                    levels.reset()
            else:
                depth = block.depth
            quote = bool(block.quote)
            if lists:
                yield from close(lists, lambda k, q=quote, d=depth: k[0] != q or k[1] <= d)
            if kind == "list_item" and block.number is not None:
                item = _list_item(doc, block)
                if md is not None and item is not None:
                    item.split = md.item(block, item)
            elif not text_doc and (kind == "paragraph" or block.number is None):
                item = _text_item(doc, block)
            else:
                item = None
            if item is not None:
                yield from add(lists, (quote, depth, item.style), item)
        if (kind == "heading" or kind == "paragraph" or kind == "list_item") and block.prose is not None \
                and block.prose.text.strip():  # (Prose.__bool__)
            last_prose = block
    yield from close(lists, lambda k: False)
    yield from close(headings, lambda k: False)
