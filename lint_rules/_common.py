"""Helpers shared by the built-in rules (data loading, phrase matching)."""
from __future__ import annotations

import functools
import os
import re
from typing import Any, Iterable

_HERE = os.path.dirname(os.path.abspath(__file__))

# Footnote and reference markers that may follow a sentence's full stop
# ("... some people.[^1] This ..."), for the sentence splitters: each
# alternative is one marker, so a run of them is read in linear time.
SENTENCE_MARKERS = r"(?:\[\^[\w-]{1,20}\]|\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\]|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079])*"


@functools.lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """Load ``lint_rules/<name>`` (YAML) once per process.

    The data comes from the generated ``lint_rules/_rule_data.py`` while the
    file's text is exactly the text stored there (no PyYAML import, no parse:
    it is paid on every start, so it counts); otherwise the file is parsed,
    with libyaml's C loader when PyYAML has it (the same safe subset of YAML)."""
    with open(os.path.join(_HERE, name), encoding="utf-8") as fh:
        text = fh.read()
    try:
        from lint_rules._rule_data import DATA
    except ImportError:  # pragma: no cover - not generated yet (tools/gen_rule_data.py)
        DATA = {}
    stored = DATA.get(name)
    if stored is not None and stored[0] == text:
        return stored[1]
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


class LazyPattern:
    """A regular expression compiled on first use, with the methods of
    ``re.Pattern`` (a module-level ``re.compile`` is paid at every start,
    whether the pattern is needed for the file or not)."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        rx = re.compile(*self._source)
        for attr in self._METHODS:  # later calls find them on the instance directly
            setattr(self, attr, getattr(rx, attr))
        self.pattern, self.flags, self.groups = rx.pattern, rx.flags, rx.groups
        return getattr(rx, name)


# Characters that ``re.I`` matches with an ASCII letter although their
# lower-case form is not that letter ("\u0130" lowers to "i" + U+0307, the
# dotless i and the long s stay as they are). A literal prefilter on lower-cased
# text is exact for ASCII literals only in a text without them.
CASE_EXOTIC = ("\u0307", "\u0131", "\u017f")


def case_exotic(lowered: str) -> bool:
    """True when the lower-cased text holds a character of :data:`CASE_EXOTIC`."""
    return not lowered.isascii() and any(c in lowered for c in CASE_EXOTIC)


class LiteralIndex:
    """Which of a fixed set of literal strings occur in a text, found in one
    Aho-Corasick pass over the text (pyahocorasick) instead of one substring
    scan per literal. Each literal has a bit; :meth:`mask` is the OR of the
    bits of the literals present (overlapping occurrences count)."""

    __slots__ = ("literals", "bits", "_iter")

    def __init__(self, literals: Iterable[str]):
        self.literals = sorted({a for a in literals if a})
        self.bits = {a: 1 << i for i, a in enumerate(self.literals)}
        self._iter = None

    def _build(self):
        if not self.literals:
            self._iter = lambda text: ()
            return self._iter
        try:
            import ahocorasick  # built on first use: nothing is paid at start-up
        except ImportError:  # pragma: no cover - a platform without a pyahocorasick wheel
            items = list(self.bits.items())
            self._iter = lambda text: [(0, bit) for a, bit in items if a in text]
            return self._iter

        automaton = ahocorasick.Automaton()  # values: the literals' bits (Python ints)
        for a, bit in self.bits.items():
            automaton.add_word(a, bit)
        automaton.make_automaton()
        self._iter = automaton.iter
        return self._iter

    def mask(self, text: str) -> int:
        it = self._iter or self._build()
        m = 0
        for _, bit in it(text):
            m |= bit
        return m

    def found(self, text: str) -> set[str]:
        m = self.mask(text)
        return {a for a, bit in self.bits.items() if m & bit}

    def any_in(self, text: str) -> bool:
        """True when any literal occurs in ``text`` (stops at the first one)."""
        it = self._iter or self._build()
        for _ in it(text):
            return True
        return False


@functools.lru_cache(maxsize=64)
def literal_index(literals: frozenset[str]) -> LiteralIndex:
    return LiteralIndex(literals)


def literal_hits(lowered: list[str], literals) -> list[set[str] | None]:
    """For each text, the set of ``literals`` it contains (None for none):
    ``{a for a in literals if a in t}`` for every ``t``."""
    index = literal_index(frozenset(literals))
    return [index.found(t) or None for t in lowered]


# Whole-text matches of long alternations, gated on their literal first letters
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


def phrase_source(phrases: Iterable[str], whole: bool = False) -> str:
    """The source of :func:`phrase_pattern` (to be compiled with ``re.I``)."""
    parts = []
    for p in sorted({p.strip() for p in phrases if p and p.strip()}, key=lambda w: (-len(w), w)):
        esc = r"\s+".join(re.escape(w) for w in p.split())
        parts.append(esc)
    if not parts:
        return r"(?!x)x"
    body = "|".join(parts)
    if whole:
        return rf"^\s*(?:{body})\s*$"
    return rf"(?<![\w-])(?:{body})(?![\w-])"


def phrase_pattern(phrases: Iterable[str], whole: bool = False) -> re.Pattern[str]:
    """One case-insensitive regex for a list of literal phrases; spaces match
    any run of whitespace, and phrases match on word boundaries."""
    source = phrase_source(phrases, whole)
    return re.compile(source) if source == r"(?!x)x" else re.compile(source, re.I)


_NORMALIZE_STRIP = " .:;,!*_-\u2013\u2014\"'"


def normalize(text: str) -> str:
    """Casefolded text with whitespace collapsed and outer punctuation removed,
    for comparing blocks."""
    if text.isascii():
        # the common case, ASCII: casefold is lower, no curly quotes to straighten;
        # with single spaces and no other whitespace (the characters str.split()
        # takes in ASCII) there is nothing to collapse either (no split and join)
        if ("  " in text or "\n" in text or "\t" in text or "\r" in text or "\x0b" in text or "\x0c" in text
                or "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text):
            text = " ".join(text.split())
        else:
            text = text.strip(" ")
        return text.lower().strip(_NORMALIZE_STRIP)
    # str.split() breaks on exactly the characters that re's \s matches in a str
    t = " ".join(text.split()).casefold()
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return t.strip(_NORMALIZE_STRIP)


_WORD = re.compile(r"[\w'\u2019-]+")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# has_words' patterns by n: n runs of word characters, one match call and no Match per word
_AT_LEAST: dict[int, re.Pattern[str]] = {}


def _at_least(n: int) -> re.Pattern[str]:
    rx = _AT_LEAST[n] = re.compile(rf"[^\w'\u2019-]*(?:[\w'\u2019-]+[^\w'\u2019-]+){{{n - 1}}}[\w'\u2019-]")
    return rx


def has_words(text: str, n: int) -> bool:
    """``word_count(text) >= n``, reading no further than the n-th word."""
    if n <= 0:
        return True
    rx = _AT_LEAST.get(n) or _at_least(n)
    return rx.match(text) is not None


def block_stands_alone(doc, block) -> bool:
    """True when the block's lines hold nothing else (the whole lines can go),
    or when it is all that an HTML element holds (``doc.delete_block`` then
    deletes the element from start tag to end tag)."""
    if block.data.get("element"):
        return True
    first = doc.lines[block.line - 1]
    last = doc.lines[block.end_line - 1]
    before = first[: block.start - doc.line_start(block.line)]
    after = last[block.end - doc.line_start(block.end_line):]
    strip_chars = " \t>#*_-+0123456789.)[]"
    return not before.strip(strip_chars) and not after.strip(" \t#*_")


def code_lines(doc) -> frozenset[int]:
    """1-based lines of code blocks, front matter and comments: where a leftover
    rule's line scan over the raw text must not look (computed once per Document)."""
    from lint_rules._leftovers import memo

    def compute() -> frozenset[int]:
        out: set[int] = set()
        for b in doc.blocks:
            if b.kind in ("code", "front_matter", "comment"):
                out.update(range(b.line, b.end_line + 1))
        return frozenset(out)

    return memo(doc, "code_lines", compute)
