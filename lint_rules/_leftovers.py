"""What the leftover rules report is not the article's prose.

A page's navigation, an assistant's "Sure! Here's your article", an image
prompt: the leftover rules report such blocks, and the rules that judge the
article's own writing (readability, the claim rules) must not read them as if
the writer had written them for the patient. Each leftover rule module that
takes part provides ``leftover_lines(doc) -> frozenset[int]``: the 1-based lines
of the blocks it reports with its default options. :func:`leftover_lines`
here is their union, computed once per Document (the rules share the
analysis through :func:`memo`, so a run that lints with both pays once).
"""
from __future__ import annotations

import importlib
import re
from typing import Any, Callable

# the modules whose analyses mark text as not-the-article (in this order)
PROVIDERS = ("lint_rules.page_chrome", "lint_rules.web_boilerplate", "lint_rules.assistant_text", "lint_rules.image_prompt")


def memo(doc, key: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per Document and key (a rule's analysis shared with
    the rules that need to know what it found)."""
    store = doc.__dict__.get("_acu_memo")
    if store is None:
        store = doc.__dict__["_acu_memo"] = {}
    try:
        return store[key]
    except KeyError:
        value = store[key] = compute()
        return value


def _union(doc) -> frozenset[int]:
    lines: set[int] = set()
    for name in PROVIDERS:
        fn = getattr(importlib.import_module(name), "leftover_lines", None)
        if fn is not None:
            lines.update(fn(doc))
    return frozenset(lines)


def leftover_lines(doc) -> frozenset[int]:
    """1-based lines that a leftover rule reports: not the article's prose."""
    return memo(doc, "leftover_lines", lambda: _union(doc))


def is_leftover(doc, block) -> bool:
    """True when any line of ``block`` is leftover text."""
    lines = leftover_lines(doc)
    if not lines:
        return False
    return any(n in lines for n in range(block.line, block.end_line + 1))


def ascii_starts(source: str, flags: int = 0) -> frozenset[str] | None:
    """The ASCII characters that a match of ``source`` (compiled with ``flags``) can
    start with, read from the parsed pattern; None when it can match the empty
    string or the parse is not understood. A text whose first character is ASCII
    and not in the set cannot match at its start: a cheap test before ``match()``
    of a long alternation (a text starting with another character still needs the
    full match). Supersets are always safe: zero-width assertions are skipped,
    negated sets and the like count as any character."""
    try:
        try:
            from re import _constants as c, _parser as parser  # Python 3.11+
        except ImportError:  # pragma: no cover - older Python
            import sre_constants as c  # type: ignore[no-redef]
            import sre_parse as parser  # type: ignore[no-redef]
        tree = parser.parse(source, flags)
        chars, nullable = _starts(c, list(tree), flags & re.I or "(?i" in source)
    except Exception:  # noqa: BLE001 - any surprise: no test
        return None
    return None if nullable else frozenset(chars)


_ALL_ASCII = frozenset(chr(i) for i in range(128))
_CATEGORY_RE = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_WORD": r"\w",
                "CATEGORY_NOT_WORD": r"\W", "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S"}


def _starts(c, items, fold) -> tuple[set[str], bool]:
    """(first characters, can match empty) of a parsed sequence."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(c, op, av, fold)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(c, op, av, fold) -> tuple[set[str], bool]:
    if op is c.LITERAL:
        return _fold({chr(av)}, fold), False
    if op is c.ANY or op is c.NOT_LITERAL:
        return set(_ALL_ASCII), False
    if op is c.IN:
        chars: set[str] = set()
        for sub, val in av:
            if sub is c.LITERAL:
                chars.add(chr(val))
            elif sub is c.RANGE and val[1] - val[0] <= 0x3000:
                chars.update(chr(i) for i in range(val[0], val[1] + 1))
            elif sub is c.CATEGORY and str(val) in _CATEGORY_RE:
                chars.update(x for x in _ALL_ASCII if re.match(_CATEGORY_RE[str(val)], x))
            else:  # NEGATE and anything else: any character
                return set(_ALL_ASCII), False
        return _fold(chars, fold), False
    if op is c.SUBPATTERN:
        return _starts(c, list(av[-1]), fold)
    if op is c.ATOMIC_GROUP:
        return _starts(c, list(av), fold)
    if op is c.BRANCH:
        chars, nullable = set(), False
        for alt in av[1]:
            a, n = _starts(c, list(alt), fold)
            chars |= a
            nullable = nullable or n
        return chars, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        chars, nullable = _starts(c, list(av[2]), fold)
        return chars, nullable or av[0] == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero-width
    return set(_ALL_ASCII), True  # any character (ANY, NOT_LITERAL, group references, ...)


# the characters beyond ASCII that re.I matches with ASCII letters (their lower-case
# form, or re's extra case pairs)
_FOLDS_TO_ASCII = {"\u0130": "iI", "\u0131": "iI", "\u017f": "sS", "\u212a": "kK"}


def _fold(chars: set[str], fold) -> set[str]:
    """The ASCII characters among ``chars`` and, case-insensitively, those that match them."""
    out = {x for x in chars if x.isascii()}
    if fold:
        for x in list(out):
            out.add(x.lower())
            out.add(x.upper())
        for x, ascii_pair in _FOLDS_TO_ASCII.items():
            if x in chars:
                out.update(ascii_pair)
    return out


class _TooMany(Exception):
    pass


def ascii_prefixes(source: str, flags: int = 0, k: int = 3, cap: int = 3000) -> frozenset[str] | None:
    """The lower-cased ASCII strings that a match of ``source`` can begin with: each
    of length ``k``, or shorter where the match can end there; None when there would
    be more than ``cap`` of them (or the parse is not understood). A text whose first
    ``k`` characters are ASCII matches at its start only when they lower-cased start
    with one of these (a superset: zero-width assertions are skipped, negated sets
    count as any ASCII character, letters are folded whatever the flags)."""
    try:
        try:
            from re import _constants as c, _parser as parser  # Python 3.11+
        except ImportError:  # pragma: no cover - older Python
            import sre_constants as c  # type: ignore[no-redef]
            import sre_parse as parser  # type: ignore[no-redef]
        out = _seq_prefixes(c, list(parser.parse(source, flags)), k, cap)
    except Exception:  # noqa: BLE001 - too many, or a surprise: no test
        return None
    return frozenset(out)


def _seq_prefixes(c, items, k, cap) -> set[str]:
    partial = {""}  # begun, shorter than k
    full: set[str] = set()
    for op, av in items:
        grown: set[str] = set()
        for pre in partial:
            for s in _item_prefixes(c, op, av, k - len(pre), cap):
                (full if len(pre) + len(s) >= k else grown).add(pre + s)
        partial = grown
        if len(full) + len(partial) > cap:
            raise _TooMany
        if not partial:
            break
    return full | partial


def _item_prefixes(c, op, av, need, cap) -> set[str]:
    """What one item can begin with: strings of length ``need``, or shorter when the item ends."""
    if op is c.LITERAL or op is c.IN or op is c.ANY or op is c.NOT_LITERAL:
        chars, _ = _item(c, op, av, True)
        return {x.lower() for x in chars}  # (a character beyond ASCII: nothing an ASCII text starts with)
    if op is c.SUBPATTERN:
        return _seq_prefixes(c, list(av[-1]), need, cap)
    if op is c.ATOMIC_GROUP:
        return _seq_prefixes(c, list(av), need, cap)
    if op is c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            out |= _seq_prefixes(c, list(alt), need, cap)
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        lo, hi, sub = av[0], av[1], list(av[2])
        once = [x for x in _seq_prefixes(c, sub, need, cap) if x]
        may_skip = len(once) < len(_seq_prefixes(c, sub, need, cap))  # it can match the empty string
        partial, out, i = {""}, set(), 0
        while partial:
            if i >= lo or may_skip:
                out |= partial  # it may stop here
            if i >= hi:
                break
            grown = set()
            for pre in partial:
                room = need - len(pre)
                for x in once:
                    (out if len(x) >= room else grown).add(pre + x[:room])
            partial = grown  # (each round adds a character: done within ``need`` rounds)
            i += 1
            if len(out) + len(partial) > cap:
                raise _TooMany
        return out
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}
    raise _TooMany  # group references and the like: not understood


class WholeMatch:
    """``re.match(r"^\\s*(?:alt|alt|...)\\s*$", text, flags) is not None`` for a long list of
    alternatives, cheaper: the alternatives whose first characters :func:`ascii_prefixes`
    can tell form one pattern, tried only when the text (after its leading whitespace)
    starts with one of their prefixes or with a character beyond ASCII; the others
    form a second pattern, always tried."""

    __slots__ = ("gated", "rest", "sets", "width")

    def __init__(self, alternatives, flags: int = re.I, k: int = 3):
        gated, rest, prefixes = [], [], set()
        for alt in alternatives:
            found = None
            for n in range(k, 0, -1):
                found = ascii_prefixes(f"(?:{alt})", flags, n)
                if found is not None:
                    break
            if found is None or "" in found or any(x[:1].isspace() for x in found):
                rest.append(alt)  # it may start anywhere (or with a space)
            else:
                gated.append(alt)
                prefixes |= found
        def whole(alts):
            return re.compile(r"^\s*(?:" + "|".join(f"(?:{a})" for a in alts) + r")\s*$", flags) if alts else None
        self.gated, self.rest = whole(gated), whole(rest)
        self.width = max((len(x) for x in prefixes), default=0)
        self.sets = tuple((n, frozenset(x for x in prefixes if len(x) == n))
                          for n in sorted({len(x) for x in prefixes}))

    def match(self, text: str) -> bool:
        if self.rest is not None and self.rest.match(text) is not None:
            return True
        if self.gated is None:
            return False
        head = text.lstrip()[:self.width]
        if head.isascii():
            head = head.lower()
            for n, found in self.sets:
                if head[:n] in found:
                    break
            else:
                return False
        return self.gated.match(text) is not None
