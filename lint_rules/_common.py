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
