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

from lint_rules._common import LazyPattern

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



# what re.I matches with an ASCII letter beyond ASCII (their lower-case form, or re's
# extra case pairs): a prefix stops before them
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_SPECIAL = frozenset(".^$*+?{}[]\\|()")


def literal_prefixes(source: str, k: int = 3, fold: bool = True) -> frozenset[str] | None:
    r"""Strings of at most ``k`` characters, one of which every match of the regular
    expression ``source`` starts with, read from its leading literal text and
    ``(?:...|...)`` groups (lower-cased when ``fold``: for re.I); None when a match
    may start with anything this reading does not follow (a class, an escape such as
    ``\d``, an optional first letter). A superset: the reading stops, keeping what it
    has, at whatever it does not follow."""
    try:
        found, end = _alternatives(source, 0, k, fold)
    except (IndexError, ValueError):
        return None
    if end != len(source) or not found or any(not x or x[0].isspace() for x, _ in found):
        return None
    return frozenset(x for x, _ in found)


def _alternatives(src: str, i: int, k: int, fold: bool) -> tuple[set[tuple[str, bool]], int]:
    """(prefix, may grow) of each alternative from ``src[i]`` up to the closing ``)`` or
    the end; the offset of that closing parenthesis (or the end)."""
    out: set[tuple[str, bool]] = set()
    while True:
        found, i = _sequence(src, i, k, fold)
        out |= found
        if i < len(src) and src[i] == "|":
            i += 1
            continue
        return out, i


def _sequence(src: str, i: int, k: int, fold: bool) -> tuple[set[tuple[str, bool]], int]:
    cur = {("", True)}
    n = len(src)
    while i < n and src[i] not in "|)":
        c = src[i]
        if c == "(":
            if not src.startswith("(?:", i):
                return _stop(cur), _skip(src, i)
            atom, i = _alternatives(src, i + 3, k, fold)
            if i >= n or src[i] != ")":
                raise ValueError(src)
            i += 1
        elif c == "\\" and i + 1 < n and not src[i + 1].isalnum():
            atom, i = {(src[i + 1], True)}, i + 2
        elif c in _SPECIAL or c in _FOLDS_TO_ASCII:
            return _stop(cur), _skip(src, i)
        else:
            atom, i = {(c.lower() if fold else c, True)}, i + 1
        # a quantifier: may the atom be skipped, may what follows it be read on
        q = src[i] if i < n else ""
        skip, once = False, True
        if q in ("?", "*", "+"):
            skip, once = q != "+", q == "?"
            i += 1
        elif q == "{":
            close = src.find("}", i)
            bounds = _BOUNDS.fullmatch(src, i + 1, close) if close > 0 else None
            if bounds is None:
                return _stop(cur), _skip(src, i)
            skip, once = not bounds.group(1) or int(bounds.group(1)) == 0, bounds.group(0) in ("1", "1,1")
            i = close + 1
        if q and i < n and src[i] in "?+":
            i += 1  # lazy or possessive: the same strings
        grown = set()
        for x, more in cur:
            if not more:
                grown.add((x, False))
                continue
            if skip:
                grown.add((x, True))
            for y, ymore in atom:
                z = (x + y)[:k]
                grown.add((z, ymore and once and len(z) < k))
        cur = grown
        if len(cur) > 1000:
            raise ValueError(src)
    return cur, i


_BOUNDS = LazyPattern(r"(\d*)(?:,\d*)?")


def _stop(cur):
    return {(x, False) for x, _ in cur}


def _skip(src: str, i: int) -> int:
    """The offset of the ``|`` or ``)`` that ends the alternative holding ``src[i]``
    (nested groups, classes and escapes skipped)."""
    depth = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < n and src[i] == "^":
                i += 1
            if i < n and src[i] == "]":
                i += 1
            while i < n and src[i] != "]":
                i += 2 if src[i] == "\\" else 1
            i += 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i
            depth -= 1
        elif c == "|" and depth == 0:
            return i
        i += 1
    return n


class WholeMatch:
    """``re.match(r"^\\s*(?:alt|alt|...)" + tail, text, flags) is not None`` for a long list of
    alternatives, cheaper: the alternatives whose first characters :func:`literal_prefixes`
    can tell form one pattern, tried only when the text (after its leading whitespace)
    starts with one of their prefixes or with a character beyond ASCII; the others
    form a second pattern, always tried."""

    __slots__ = ("gated", "rest", "sets", "width")

    def __init__(self, alternatives, flags: int = re.I, k: int = 3, tail: str = r"\s*$"):
        gated, rest, prefixes = [], [], set()
        for alt in alternatives:
            found = literal_prefixes(alt, k, bool(flags & re.I))
            if found is None:
                rest.append(alt)  # it may start anywhere (or with a space)
            else:
                gated.append(alt)
                prefixes |= found

        def whole(alts):
            return re.compile(r"^\s*(?:" + "|".join(f"(?:{a})" for a in alts) + ")" + tail, flags) if alts else None

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
