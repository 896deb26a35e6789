"""Sentence and claim analysis shared by the claim rules (absolute-claim, vague-citation).

A rule that judges what an article *claims* needs the same few analyses; they
live here so that no rule imports another rule's private helpers. Every
function is pure or memoised per Document, and every pattern is compiled on
first use (nothing is paid at import time).

Sections, with their public API:

Sentences
    :func:`plain` (a same-length copy with quotes straightened),
    :func:`plain_blocks` (the prose blocks, once per Document),
    :func:`sentence_spans` (abbreviation-aware sentence splitting).
Citation detection
    :func:`has_identifier` (DOI, PMID, trial id, authors and year, a link),
    :func:`url_spans`, :func:`markers_in` (reference markers such as ``[2]``),
    :func:`references` / :func:`in_reference_list` / :func:`sourced` (the
    article's reference list and whether a marker resolves to a full entry),
    :func:`block_source`.
Literal prefilter
    :class:`AnchoredPattern`, :class:`PatternSet`, :func:`literal_anchors`:
    a pattern is tried only on text that holds one of its literals.
Scope (negation and hedges)
    :func:`negated`, :func:`hedge_cue`: the trigger-and-scope model of NegEx
    and ConText (Chapman et al. 2001; Harkema et al. 2009) with the hedge cues
    of the BioScope corpus. A trigger ("not", "no evidence that", "may")
    governs the words after it up to a terminator ("but", ";", a new clause);
    post-triggers ("... is rare", "... is a myth") govern the words before
    them; pseudo-triggers ("not only", "no doubt") trigger nothing. Lexicons:
    ``claims_scope.yaml``.
Context
    :func:`health_article` (is the document about health at all, and not
    mainly about another subject that borrows health words),
    :func:`reported` (a sentence that reports, warns about or refutes a claim
    rather than making it), :func:`refuted_by_next`, :func:`myth_section`,
    :func:`quote_spans`, :func:`title_spans` (titles of works: link text,
    italics, ``<cite>``), :func:`looks_like_reference`. Lexicons:
    ``claims_context.yaml``.

Examples (offsets are into the sentence)::

    >>> negated("Acupuncture is not a cure for ALS.", 21)
    True
    >>> negated("It cures nothing but boredom, not pain.", 3)
    False
    >>> hedge_cue("Acupuncture may help relieve neck pain.", 20)
    'may'
    >>> hedge_cue("It may be a miracle cure.", 12)
    'may'
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from lint_rules._common import SENTENCE_MARKERS, LazyPattern, LiteralIndex, case_exotic, load_data
from lint_rules._leftovers import memo


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------
_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "al", "fig", "figs", "no", "nos",
    "vol", "vols", "approx", "jr", "sr", "inc", "ltd", "co", "cf", "ed", "eds", "pp", "p", "ca", "dept",
    "univ", "assoc", "mt", "ph.d", "m.d", "u.s", "u.k", "a.m", "p.m", "min", "max", "est", "op", "cit",
    "ibid", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_SENT_END = LazyPattern(rf"[.!?\u2026]+[\"'\u201d\u2019)\]*_]*{SENTENCE_MARKERS}(?=\s|$)")
_WORD_BEFORE = LazyPattern(r"([\w.]+)$")
_INITIALS = LazyPattern(r"(?:[a-z]\.)+[a-z]")


def _word_before(text: str, pos: int) -> str:
    """``_WORD_BEFORE.search(text, max(0, pos - 60), pos)``'s group, or "":
    the run of word characters and dots that ends at ``pos`` (at most 60),
    read backwards without a regex scan of the window."""
    start = max(0, pos - 60)
    if pos > start and text[pos - 1] == "\n":  # "$" may match before a final newline: the regex decides
        w = _WORD_BEFORE.search(text, start, pos)
        return w.group(1) if w else ""
    i = pos
    while i > start:
        c = text[i - 1]
        if c == "." or c == "_" or c.isalnum():
            i -= 1
        else:
            break
    return text[i:pos]


def plain(text: str) -> str:
    """Same-length copy with curly quotes straightened and whitespace made
    single spaces, so that offsets stay valid for the original text."""
    return (
        text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
        .replace("\n", " ").replace("\t", " ").replace("\u00a0", " ")
    )



def plain_blocks(doc) -> list[tuple[object, str, str]]:
    """``(block, plain(text), plain(text).lower())`` of the document's prose
    blocks, computed once per document and shared by the rules that need them."""

    def compute():
        out = []
        for b in doc.prose_blocks():
            t = plain(b.prose.text)
            out.append((b, t, t.lower()))
        return out

    return memo(doc, "claims.plain_blocks", compute)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) spans of prose ``text``. Handles abbreviations
    ("e.g.", "Dr.", "et al."), initials ("J. Smith") and decimals."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        end = m.end()
        dot = m.start()
        if text[dot] == ".":
            word = _word_before(text, dot).lower().rstrip(".")
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or ("." in word and _INITIALS.fullmatch(word)):
                continue
        rest = text[end:end + 40].lstrip()
        if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'\u201c\u2018([*_<#"):
            continue
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            spans.append((start, end))
        start = end
    while start < n and text[start].isspace():
        start += 1
    if start < n:
        end = n
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans



# ---------------------------------------------------------------------------
# Citation detection
# ---------------------------------------------------------------------------
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)[a-z]?"
_NAME = r"[A-Z][A-Za-z'\u2019\-]+"
_IDENTIFIER = LazyPattern(
    r"\b10\.\d{4,9}/\S+|\bdoi\s*:|\bdoi\.org/|\bPMID\s*:?\s*\d{5,9}\b|\bPMCID\s*:?\s*PMC\d+|\bPMC\d{4,9}\b"
    r"|\bNCT\d{8}\b|\bISRCTN\d{6,}\b|\bChiCTR[-\w]+\b",
    re.I,
)
URL = LazyPattern(r"\b(?:https?://|www\.\w)[^\s)\]>\"']*", re.I)
# a link that asks the reader to act (book, buy, call) is no source: a whole word of its path
_ACTION_URL = LazyPattern(
    r"(?<![a-z])(?:book|booking|appointments?|schedule|contact|shop|store|cart|checkout|buy|pricing|prices|offers?|"
    r"coupons?|sign-?up|subscribe|newsletter|reserve|consultation|get-started|free-trial)(?![a-z])", re.I)
# where a health claim's evidence can be read: identifiers' resolvers, indexes,
# journals and publishers, public health bodies (matched on the link's host)
_SOURCE_HOSTS = frozenset("""
doi.org dx.doi.org pubmed.ncbi.nlm.nih.gov ncbi.nlm.nih.gov nih.gov europepmc.org clinicaltrials.gov
cochranelibrary.com cochrane.org who.int nhs.uk nice.org.uk jamanetwork.com nejm.org bmj.com thelancet.com
link.springer.com springer.com onlinelibrary.wiley.com wiley.com sciencedirect.com elsevier.com nature.com
frontiersin.org mdpi.com plos.org journals.plos.org journals.sagepub.com sagepub.com tandfonline.com
academic.oup.com karger.com thieme-connect.com journals.lww.com lww.com biomedcentral.com jstage.jst.go.jp
scielo.org researchgate.net semanticscholar.org scholar.google.com
""".split())
_SOURCE_SUFFIXES = (".gov", ".edu", ".mil", ".int")
_ACADEMIC_SLD = frozenset(("ac", "edu", "gov"))  # www.ox.ac.uk, www.unimelb.edu.au, www.gov.uk


def _is_source_url(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    if not host:
        return False
    if any(host == d or host.endswith("." + d) for d in _SOURCE_HOSTS) or host.endswith(_SOURCE_SUFFIXES):
        return True
    labels = host.split(".")
    return len(labels) >= 3 and labels[-2] in _ACADEMIC_SLD and len(labels[-1]) == 2
_AUTHOR_YEAR = LazyPattern(
    # "Vickers et al. (2018)", "Smith and Jones, 2019", "Lee & Kim 2020", "Smith and colleagues (2017)"
    rf"\b{_NAME}(?:\s+(?:et\s+al\.?|and\s+colleagues|and\s+co-?workers|(?:and|&)\s+{_NAME}))\s*,?\s*\(?\s*{_YEAR}\b"
    # "(Smith, 2019)", "(Smith 2019; Lee 2020)", "(Smith et al., 2019)"
    rf"|\(\s*{_NAME}(?:\s+(?:et\s+al\.?|(?:and|&)\s+{_NAME}))?\s*,?\s+{_YEAR}\s*[;,)]"
    # "(Lesi et al., J Clin Oncol 2016)": authors, then the journal, then the year
    rf"|\(\s*{_NAME}\s+(?:et\s+al\.?|(?:and|&)\s+{_NAME})\s*,?\s+[^()\n]{{1,80}}?\b{_YEAR}\s*[;,)]"
    # "Smith (2019)" - but not "Journal of Pain (2019)"
    rf"|(?<!\bof\s)(?<!\bthe\s)\b{_NAME}\s+\(\s*{_YEAR}\s*\)"
    # "a 2018 review by Vickers", "a 2019 study led by Dr. Lee"
    rf"|\b{_YEAR}\s+(?:[\w-]+\s+){{0,3}}?(?:by|led\s+by|from)\s+(?:Dr\.?\s+|Professor\s+|Prof\.?\s+)?{_NAME}"
    # "by Vickers and colleagues in 2018", "by Dr. Lee (2019)"
    rf"|\bby\s+(?:Dr\.?\s+|Professor\s+|Prof\.?\s+)?{_NAME}(?:\s+{_NAME})?(?:\s+(?:et\s+al\.?|and\s+colleagues|(?:and|&)\s+{_NAME}))?\s*,?\s*(?:in\s+|published\s+in\s+|\(\s*)?{_YEAR}\b"
    # "In 2018, Vickers et al." / "In 2018, Vickers and colleagues"
    rf"|\bIn\s+{_YEAR}\s*,?\s+(?:Dr\.?\s+)?{_NAME}\s+(?:et\s+al|and\s+colleagues|and\s+{_NAME}|&\s+{_NAME})",
)
_MARKERS = LazyPattern(
    r"\[\^([\w-]+)\]"  # [^1], [^smith]
    r"|\[(\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*)\](?!:)"  # [1], [1, 2], [3-5]
    r"|<sup[^>]*>\s*(?:<a[^>]*>)?\s*\[?(\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*)\]?"  # <sup>1</sup>
    r"|([\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)",  # unicode superscripts
)
_SUPERSCRIPT = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")


_MAYBE_ID = LazyPattern(r"\d|http|www\.", re.I)


def has_identifier(src: str, links: str = "any") -> bool:
    """A DOI, PMID/PMCID, trial id, authors with a year, or a link: with
    ``links="any"`` any link that is not a call to action (a booking or shop
    page), with ``links="sources"`` only a link to where research is published
    (a DOI resolver, PubMed, a journal, a public health body)."""
    if not _MAYBE_ID.search(src):  # every identifier has a digit or is a link
        return False
    if _IDENTIFIER.search(src) or _AUTHOR_YEAR.search(src):
        return True
    for m in URL.finditer(src):
        url = m.group(0)
        if _is_source_url(url) or (links == "any" and not _ACTION_URL.search(url)):
            return True
    return False



def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every URL in ``text`` (a slug such as ``/acupuncture-cures-pain`` is no prose)."""
    if "http" not in text and "www." not in text:
        return []
    return [(m.start(), m.end()) for m in URL.finditer(text)]


def _expand(numbers: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"\s*,\s*", numbers.strip()):
        m = re.fullmatch(r"(\d+)\s*[-\u2013]\s*(\d+)", part)
        if m and int(m.group(2)) - int(m.group(1)) < 50:
            out.extend(str(i) for i in range(int(m.group(1)), int(m.group(2)) + 1))
        elif part:
            out.append(part)
    return out


def markers_in(src: str) -> list[str]:
    """Reference labels cited in ``src``: "[1]" -> "1", "[^a]" -> "a"."""
    labels: list[str] = []
    for m in _MARKERS.finditer(src):
        if m.group(1):
            labels.append(m.group(1).lower())
        elif m.group(2):
            # "[1](#ref-1)" is a link whose text is a marker; "[2]" alone is a marker.
            labels.extend(_expand(m.group(2)))
        elif m.group(3):
            labels.extend(_expand(m.group(3)))
        elif m.group(4):
            labels.extend(list(m.group(4).translate(_SUPERSCRIPT)))
    return labels



_REF_YEAR = LazyPattern(r"\b(?:19|20)\d{2}\b")
_REF_ENTRY_START = LazyPattern(r"^\s*(?:\[\^?[\w-]+\]:?\s*|\d{1,3}[.)]\s+)?[A-Z][A-Za-z'\u2019-]+,?\s+(?:[A-Z]{1,3}\b|[A-Z]\.)")
_PROSE_AFTER = LazyPattern(r"[.!?]\s+[A-Z][a-z]+\s+\w+\s+\w+")


def looks_like_reference(src: str) -> bool:
    """A short block that reads as a reference entry (authors and year, or an
    identifier and a year), wherever it stands."""
    words = len(src.split())
    if words > 80 or not _REF_YEAR.search(src):
        return False
    return bool(_REF_ENTRY_START.match(src)) or (
        has_identifier(src) and words <= 50 and not _PROSE_AFTER.search(src[: len(src) // 2]))


_JOURNALISH = LazyPattern(
    r"\b(?:19|20)\d{2}\s*;\s*\d+|\b\d+\s*\(\s*\d+\s*\)\s*:\s*\d+|\bvol(?:ume)?\.?\s*\d+|\bpp?\.\s*\d+"
    r"|\bJ\.?\s+[A-Z][a-z]+|\bJournal\b|\bLancet\b|\bBMJ\b|\bJAMA\b|\bCochrane\b|\bet\s+al\b|\bin\s+press\b",
)
_AUTHOR_START = LazyPattern(
    rf"^\s*(?:\[\^?[\w-]+\]:?\s*|\d{{1,3}}[.)]\s+)?{_NAME},?\s+(?:[A-Z]{{1,3}}\b|[A-Z]\.(?:\s?[A-Z]\.)*)"
)
_ANY_YEAR = LazyPattern(r"\b(?:1[89]\d{2}|20\d{2})\b")
_ENTRY_NUMBER = LazyPattern(r"^\s*(?:\[\^?([\w-]+)\]:?|(\d{1,3})[.)]|\((\d{1,3})\))\s*")
_FOOTNOTE_DEF = LazyPattern(r"^[ \t]{0,3}\[(\^?[\w-]+)\]:[ \t]+(\S.*)$")


@dataclass
class Entry:
    start: int
    end: int
    src: str
    label: str | None = None

    @property
    def full(self) -> bool:
        """Enough to find the source: an identifier or link, authors with a
        year, or a year with journal details."""
        s = self.src
        if has_identifier(s):
            return True
        year = _ANY_YEAR.search(s) is not None
        return year and bool(_AUTHOR_START.search(s) or _JOURNALISH.search(s))

    @property
    def bare(self) -> bool:
        """Nothing but a title: no author, year, journal, identifier or link."""
        s = self.src
        return not (has_identifier(s) or _ANY_YEAR.search(s) or _AUTHOR_START.search(s) or _JOURNALISH.search(s))


@dataclass
class References:
    sections: list[tuple[object, list[Entry]]] = field(default_factory=list)  # (heading block, entries)
    by_label: dict[str, Entry] = field(default_factory=dict)
    block_ids: set[int] = field(default_factory=set)  # id() of blocks that belong to reference lists

    def resolves(self, labels: list[str]) -> bool:
        return any((e := self.by_label.get(lab)) is not None and e.full for lab in labels)


@functools.lru_cache(maxsize=8)
def _heading_pattern(extra: tuple[str, ...]) -> re.Pattern[str]:
    names = list(load_data("claims_context.yaml")["reference_headings"]) + [e for e in extra if e]
    alt = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(set(n.lower() for n in names), key=lambda w: (-len(w), w)))
    return re.compile(rf"^\W*(?:{alt})\W*$", re.I)


_SKIP_KINDS = ("code", "comment", "front_matter", "html")


def references(doc, extra_headings: tuple[str, ...] = ()) -> References:
    """The article's reference list(s), computed once per document."""
    return memo(doc, "claims.references" + repr(tuple(extra_headings)),
                lambda: _find_references(doc, _heading_pattern(tuple(extra_headings))))


def block_source(doc, block) -> str:
    """The block's source lines whole, so that a link target at its end is included."""
    return doc.text[doc.line_start(block.line):doc.line_end(block.end_line)]


def _entries_of_block(doc, b) -> list[Entry]:
    src = doc.text[b.start:b.end]
    if b.kind == "list_item" or "\n" not in src:
        return [Entry(b.start, b.end, block_source(doc, b))]
    out = []
    pos = b.start
    for line in src.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(Entry(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(line) + 1
    return out


_PROSE_VERB = LazyPattern(
    r"\b(?:is|are|was|were|can|could|may|might|will|would|should|do|does|did|has|have|please|ask|talk|call|"
    r"contact|see|visit|consult|tell)\b",
    re.I,
)


def _reads_as_prose(text: str) -> bool:
    """Sentences with a verb, not a reference entry."""
    t = plain(text)
    if _PROSE_VERB.search(t) is None:
        return False
    return len(sentence_spans(t)) >= 2 or (bool(re.search(r"[.!]\W*$", t)) and len(t.split()) >= 6)


def _find_references(doc, head_rx: re.Pattern[str]) -> References:
    refs = References()
    blocks = [b for b in doc.blocks if b.kind not in _SKIP_KINDS]
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if not (b.prose and b.kind in ("heading", "paragraph") and head_rx.match(b.prose.text.strip())):
            i += 1
            continue
        entries: list[Entry] = []
        members = []
        last_line = b.end_line
        j = i + 1
        while j < len(blocks):
            nb = blocks[j]
            if nb.kind == "rule":
                break
            if not nb.prose:
                j += 1
                continue
            if nb.kind == "heading" and doc.kind != "text" and (b.kind != "heading" or nb.level <= b.level):
                break
            text = nb.prose.text.strip()
            words = len(text.split())
            new = _entries_of_block(doc, nb)
            looks_like_entry = nb.kind == "list_item" or any(not e.bare for e in new)
            if doc.kind == "text" and entries and nb.line > last_line + 1 and not looks_like_entry:
                break  # a blank line and then something that is not a reference: the list has ended
            if words < 3 and not looks_like_entry:
                break
            if words > 40 and nb.kind != "list_item" and not looks_like_entry:
                break
            if not entries and nb.line > last_line + 2:
                break
            if members and any(m.kind == "list_item" for m in members) and nb.kind != "list_item":
                break  # a paragraph after a list: the list has ended ("This article is not medical advice.")
            if nb.kind == "paragraph" and not looks_like_entry and _reads_as_prose(text):
                break
            entries.extend(new)
            members.append(nb)
            last_line = nb.end_line
            j += 1
        if entries:
            refs.sections.append((b, entries))
            refs.block_ids.add(id(b))
            refs.block_ids.update(id(m) for m in members)
            for pos, e in enumerate(entries, 1):
                m = _ENTRY_NUMBER.match(e.src)
                label = None
                if m:
                    label = (m.group(1) or m.group(2) or m.group(3)).lower().lstrip("^")
                e.label = label
                refs.by_label.setdefault(label or str(pos), e)
            for nb in members:  # list items keep their own number
                if nb.kind == "list_item" and nb.number is not None:
                    for e in entries:
                        if e.start == nb.start:
                            refs.by_label[str(nb.number)] = e
        i = max(j, i + 1)
    # Footnote and reference definitions anywhere: "[^1]: Smith J. ..." / "[1]: https://..."
    code_lines = set()
    for b in doc.blocks:
        if b.kind == "code":
            code_lines.update(range(b.line, b.end_line + 1))
    if "]:" in doc.text:
        for n, line in enumerate(doc.lines, 1):
            if n in code_lines:
                continue
            m = _FOOTNOTE_DEF.match(line)
            if m:
                start = doc.line_start(n) + m.start(2)
                e = Entry(start, start + len(m.group(2)), m.group(2), m.group(1).lower().lstrip("^"))
                refs.by_label.setdefault(e.label, e)
    return refs


def sourced(doc, sentence_src: str, block_src: str, refs: References | None = None) -> bool:
    """True when the sentence or its paragraph names a checkable source."""
    if has_identifier(sentence_src) or has_identifier(block_src):
        return True
    labels = markers_in(sentence_src) or markers_in(block_src)
    if labels:
        refs = refs if refs is not None else references(doc)
        return refs.resolves(labels)
    return False


def in_reference_list(doc, block) -> bool:
    return id(block) in references(doc).block_ids



# ---------------------------------------------------------------------------
# Literal prefilter
# ---------------------------------------------------------------------------
_MIN_ANCHOR = 3


def _sre():
    try:  # Python 3.11+
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    return sre_parse


def literal_anchors(pattern: str) -> frozenset[str] | None:
    """Lower-case literal strings of which every match of ``pattern`` contains
    at least one, or None when no such set can be read off the pattern. A
    pattern is then only tried on text that contains one of them, which is far
    cheaper than letting the regex engine try every position."""
    try:
        tree = _sre().parse(pattern)
    except Exception:  # pragma: no cover - the caller compiles it anyway
        return None
    found = _required(list(tree))
    return frozenset(a.lower() for a in found) if found else None


def _required(items) -> set[str] | None:
    P = _sre()
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush():
        if len(run) >= _MIN_ANCHOR:
            candidates.append({"".join(run)})
        run.clear()

    for op, av in items:
        if op is P.LITERAL:
            run.append(chr(av))
            continue
        flush()
        sub = None
        if op is P.SUBPATTERN:
            sub = _required(list(av[-1]))
        elif op is P.BRANCH:
            alts = [_required(list(b)) for b in av[1]]
            if alts and all(alts):
                sub = set().union(*alts)
        elif op in (P.MAX_REPEAT, P.MIN_REPEAT) and av[0] >= 1:
            sub = _required(list(av[2]))
        if sub:
            candidates.append(sub)
    flush()
    if not candidates:
        return None
    # the most selective requirement: the one whose shortest literal is longest
    return max(candidates, key=lambda c: (min(len(x) for x in c), -len(c)))


def _all_required(items) -> list[set[str]]:
    """Every requirement of a sequence: each set holds literals of which a
    match contains at least one (a group or a repeat of at least one that
    must match contributes all of its own requirements)."""
    P = _sre()
    out: list[set[str]] = []
    run: list[str] = []

    def flush():
        if len(run) >= _MIN_ANCHOR:
            out.append({"".join(run)})
        run.clear()

    for op, av in items:
        if op is P.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is P.SUBPATTERN:
            out.extend(_all_required(list(av[-1])))
        elif op is P.BRANCH:
            alts = [_required(list(b)) for b in av[1]]
            if alts and all(alts):
                out.append(set().union(*alts))
        elif op in (P.MAX_REPEAT, P.MIN_REPEAT) and av[0] >= 1:
            out.extend(_all_required(list(av[2])))
    flush()
    return out


def compute_anchor_info(pattern: str) -> tuple[frozenset[str] | None, tuple[frozenset[str], ...]]:
    """``(anchors, also)`` of a pattern, read off its parse tree.

    ``anchors`` is :func:`literal_anchors`. ``also`` are further requirements
    of ASCII literals: a match contains at least one literal of every set
    (as lower-case text, barring the few characters that ``re.I`` equates with
    an ASCII letter, see :data:`lint_rules._common.CASE_EXOTIC`)."""
    primary = literal_anchors(pattern)
    if primary is None:
        return None, ()
    try:
        reqs = _all_required(list(_sre().parse(pattern)))
    except Exception:  # pragma: no cover - literal_anchors parsed it
        return primary, ()
    also: list[frozenset[str]] = []
    for req in reqs:
        low = frozenset(a.lower() for a in req)
        if not all(a.isascii() for a in low) or primary <= low or low in also:
            continue
        if any(other <= low for other in also):  # implied by a stricter one already kept
            continue
        also = [other for other in also if not low <= other]
        also.append(low)
    return primary, tuple(sorted(also, key=lambda c: (-min(map(len, c)), sorted(c))))


@functools.lru_cache(maxsize=None)
def anchor_info(pattern: str) -> tuple[frozenset[str] | None, tuple[frozenset[str], ...]]:
    """:func:`compute_anchor_info`, from the table stored in
    ``lint_rules/_rule_data.py`` when the pattern is there (no regex parsing
    at start-up), else computed."""
    stored = _STORED_ANCHORS.get(pattern)
    if stored is None:
        return compute_anchor_info(pattern)
    primary, also = stored
    return (frozenset(primary) if primary is not None else None), tuple(frozenset(a) for a in also)


try:
    from lint_rules._rule_data import ANCHORS as _STORED_ANCHORS
except ImportError:  # pragma: no cover - not generated yet (tools/gen_rule_data.py)
    _STORED_ANCHORS = {}


_ESCAPE = LazyPattern(r"\\.")
_INLINE_FLAGS = LazyPattern(r"\(\?[aiLmsux-]")
_GROUP_NAME = LazyPattern(r"\(\?P(?:<[^>]*>|=[^)]*\))")  # a group's name is no literal


def lowercase_twin(rx) -> re.Pattern[str] | None:
    """A case-insensitive pattern (a :class:`LazyPattern` or a compiled one)
    compiled without ``re.I``: on the lower-case form of an ASCII text it finds
    the same matches at the same offsets as ``rx`` on the text, faster. None
    when that does not hold (see :attr:`AnchoredPattern.rx_low`)."""
    if isinstance(rx, LazyPattern):
        store = rx.__dict__  # not getattr: a LazyPattern compiles itself on any attribute it lacks
        twin = store.get("_acu_twin")
        if twin is None:
            twin = store["_acu_twin"] = _lowercase_twin(*rx._source) or False
        return twin or None
    return _lowercase_twin(rx.pattern, rx.flags)


def _lowercase_twin(pattern: str, flags: int) -> re.Pattern[str] | None:
    """``pattern`` compiled without ``re.I`` when that is exact on lower-cased
    ASCII text (see :attr:`AnchoredPattern.rx_low`), else None."""
    if not flags & re.I or _INLINE_FLAGS.search(pattern):
        return None
    if any(c.isupper() for c in _GROUP_NAME.sub("", _ESCAPE.sub("", pattern))):
        return None
    return re.compile(pattern, flags & ~re.I)


class AnchoredPattern:
    """A pattern with its literal prefilter, compiled on first use."""

    __slots__ = ("pattern", "flags", "_rx", "_rx_low", "anchors", "also")

    def __init__(self, pattern: str, flags: int = re.I):
        self.pattern = pattern
        self.flags = flags
        self._rx = None
        self._rx_low = None
        self.anchors, self.also = anchor_info(pattern)

    @property
    def rx(self) -> re.Pattern[str]:
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(self.pattern, self.flags)
        return rx

    @property
    def rx_low(self) -> re.Pattern[str] | None:
        """The pattern compiled without ``re.I``, for the lower-case form of an
        ASCII text: there it finds the same matches at the same offsets as
        :attr:`rx` on the text itself, and the engine runs much faster without
        case folding. None when the pattern is not case-insensitive or spells an
        upper-case letter or an inline flag (then only :attr:`rx` is exact)."""
        rx = self._rx_low
        if rx is None:
            rx = self._rx_low = _lowercase_twin(self.pattern, self.flags) or False
        return rx or None

    def may_match(self, lowered: str, exotic: bool | None = None) -> bool:
        """Whether the pattern can match a text whose lower-case form is
        ``lowered`` (``exotic``: :func:`lint_rules._common.case_exotic` of it,
        computed when not given)."""
        if self.anchors is None:
            return True
        if not any(a in lowered for a in self.anchors):
            return False
        if not self.also:
            return True
        if exotic is None:
            exotic = case_exotic(lowered)
        return exotic or all(any(a in lowered for a in req) for req in self.also)


_COMMON_WORDS = frozenset("a an and are be can for in is it not of on or our that the this to with you your".split())


def _mask_of(literals, bits: dict[str, int]) -> int:
    m = 0
    for x in literals:
        m |= bits[x]
    return m


class PatternSet:
    """Anchored patterns with their payloads; ``active(lowered)`` returns the
    (payload, pattern) pairs that can match a text, in their order. The
    anchors and further requirements of all patterns are found in one
    :class:`~lint_rules._common.LiteralIndex` pass over the text; a pattern is
    active when one of its anchors and a literal of each requirement are there."""

    _MEMO_LIMIT = 4096

    def __init__(self, items, extra=(), table=None):
        """``extra``: further literals found in the same pass (their bits are
        :attr:`extra_bits` of a mask); ``table``: a ``str.translate`` table
        applied to every literal, for a mask of a text translated the same way
        (a literal of a text is still one after a character-wise translation,
        so the prefilter stays exact)."""
        self.items = [(payload, pat) for payload, pat in items]
        self.anchors = sorted({a for _, pat in self.items if pat.anchors for a in pat.anchors})
        tr = (lambda x: x.translate(table)) if table is not None else (lambda x: x)
        # a requirement met by one of the commonest words ("the", "for", "you") holds in
        # almost every text: finding it costs more than it saves, so it is left out
        reqs = [tuple(frozenset(tr(a) for a in req) for req in pat.also or () if req.isdisjoint(_COMMON_WORDS))
                for _, pat in self.items]
        literals = {tr(a) for a in self.anchors} | set(extra)
        for rs in reqs:
            for req in rs:
                literals.update(req)
        self.index = LiteralIndex(literals)
        bits = self.index.bits
        self.extra_bits = _mask_of(extra, bits)
        self._anchor_bits = _mask_of((tr(a) for a in self.anchors), bits)
        self._always = [n for n, (_, pat) in enumerate(self.items) if pat.anchors is None]
        by_bit: dict[int, list[int]] = {}  # an anchor's bit -> the items it anchors
        self._req_masks = []  # per item: the masks of its requirements
        self._pattern_bits = self._anchor_bits
        for n, ((_, pat), rs) in enumerate(zip(self.items, reqs)):
            self._req_masks.append(tuple(_mask_of(req, bits) for req in rs))
            for rm in self._req_masks[-1]:
                self._pattern_bits |= rm
            for x in pat.anchors or ():
                by_bit.setdefault(bits[tr(x)], []).append(n)
        self._by_bit = {b: tuple(v) for b, v in by_bit.items()}
        self._memo: dict[int, tuple] = {}

    def _select(self, mask: int, lowered: str) -> tuple:
        exotic = case_exotic(lowered)  # a requirement is exact for ASCII text only: then the anchor decides
        # the items whose anchors are there, memoised by the anchors' bits alone (few
        # combinations: the requirements' common words would make every mask a new key)
        anchor_mask = mask & self._anchor_bits
        chosen = self._memo.get(anchor_mask)
        if chosen is None:
            picked = set(self._always)
            m = anchor_mask
            by_bit = self._by_bit
            while m:
                low = m & -m
                picked.update(by_bit[low])
                m ^= low
            req_masks = self._req_masks
            items = self.items
            order = sorted(picked)
            chosen = (tuple(items[n] for n in order),
                      tuple((items[n], req_masks[n]) for n in order) if any(req_masks[n] for n in order) else None)
            if len(self._memo) >= self._MEMO_LIMIT:
                self._memo.clear()
            self._memo[anchor_mask] = chosen
        if exotic or chosen[1] is None:
            return chosen[0]
        out = []
        for item, reqs in chosen[1]:
            for rm in reqs:
                if not rm & mask:
                    break
            else:
                out.append(item)
        return tuple(out)

    def active(self, lowered: str) -> tuple:
        return self._select(self.index.mask(lowered), lowered)

    def select(self, mask: int, lowered: str) -> tuple:
        """The active items for a mask of :attr:`index` (``lowered``: the
        lower-case text, untranslated), whatever extra bits it holds."""
        return self._select(mask & self._pattern_bits, lowered)

    def active_per_text(self, lowered: list[str]) -> list[tuple]:
        """``[self.active(t) for t in lowered]``."""
        mask = self.index.mask
        select = self._select
        return [select(mask(t), t) for t in lowered]



# ---------------------------------------------------------------------------
# Scope: negation and hedges (NegEx / ConText triggers, BioScope hedge cues)
# ---------------------------------------------------------------------------
def alternation(words) -> str:
    """A regex alternation of literal phrases, longest first (a space matches
    any run of whitespace); a fixed order, so the pattern text is stable."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _word_rx(words, extra: str = "") -> LazyPattern:
    return LazyPattern(rf"(?<![\w-])(?:{alternation(words)})(?![\w-]){extra}", re.I)


@functools.lru_cache(maxsize=1)
def _scope_lexicon():
    d = load_data("claims_scope.yaml")
    return (
        LazyPattern(rf"(?<![\w-])(?:{alternation(d['negations'])})(?![\w-])|n't\b", re.I),
        _word_rx(d["not_negations"]),
        _word_rx(d["hedges_strong"]),
        _word_rx(d["hedges_weak"]),
    )


# Terminators: a new clause ends a trigger's scope (ConText's "termination terms").
_CLAUSE_BOUNDARY_SRC = (
    r"[;:()\u2014\u2013]|\s-\s|,\s*(?:and|but|so|which|while|whereas|although|though|yet|or)\b"
    r"|\b(?:but|while|whereas|although|though|however|yet|unlike|because|since|whilst)\b"
)
CLAUSE_BOUNDARY = LazyPattern(_CLAUSE_BOUNDARY_SRC, re.I)
# the same without case folding, for the lower-case form of an ASCII text (same matches, faster)
_CLAUSE_BOUNDARY_LOW = LazyPattern(_CLAUSE_BOUNDARY_SRC)
# "and" ends a negation's scope but not a hedge's ("it may ease pain and cure insomnia")
_NEG_ONLY_BOUNDARY = LazyPattern(r"\band\b", re.I)
# a negated subject governs the whole clause: "No treatment, including acupuncture, can cure ALS"
_NEGATED_SUBJECT = LazyPattern(
    r"^\W*(?:no\s+(?:\w+\s+){0,2}?(?:treatment|therapy|therapies|treatments|one|practitioner|acupuncturist|doctor|"
    r"study|studies|medicine|drug|method|approach|intervention|technique|remedy|remedies|product|clinic|evidence|"
    r"supplement|supplements|food|diet|herb|oil|device)|nothing|none|neither|nobody)\b",
    re.I,
)
# post-triggers: words right after a claim that deny it ("complete relief is rare")
_POST_NEGATION = LazyPattern(
    r"\W*(?:[\w'-]+\s+){0,2}?(?:is|are|was|were|remains?|seems?)\s+(?:rare|rarely|uncommon|unusual|unlikely|"
    r"not|never|seldom|impossible|no\b|far\s+from|a\s+myth|false|untrue)"
    r"|\W*(?:[\w'-]+\s+){0,1}?(?:isn't|aren't|wasn't|won't|doesn't|don't|rarely|seldom|never)\b"
    r"|\s+(?:nothing|no\s+(?:results?|outcomes?|cure|relief|one))\b",
    re.I,
)
_WORDS = LazyPattern(r"[\w'-]+")
NEGATION_WINDOW = 8  # words before a claim that a forward negation trigger reaches (NegEx used 5)


def clause_before(sent: str, pos: int) -> str:
    """The clause text before ``pos``: back to the last terminator, and across
    commas only past a short aside between two commas ("may, in some cases,")."""
    head = sent[:pos]
    cut = 0
    for m in (_CLAUSE_BOUNDARY_LOW.finditer(head.lower()) if head.isascii() else CLAUSE_BOUNDARY.finditer(head)):
        cut = m.end()
    parts = head[cut:].split(",")
    start = len(parts) - 1
    while start >= 2 and len(_WORDS.findall(parts[start - 1])) <= 4:
        start -= 2
    return ",".join(parts[max(start, 0):])


def negated(sent: str, start: int, end: int | None = None) -> bool:
    """True when the words at ``sent[start:end]`` lie in the scope of a negation:
    a forward trigger in the same clause within :data:`NEGATION_WINDOW` words
    before them ("is not a cure", "no evidence that it cures"), a negated
    subject ("No treatment can cure ALS"), or, when ``end`` is given, a
    post-trigger right after them ("complete relief is rare"). Pseudo-triggers
    ("not only", "no doubt") negate nothing."""
    neg, pseudo, _, _ = _scope_lexicon()
    if _NEGATED_SUBJECT.search(sent[:start]) and not CLAUSE_BOUNDARY.search(sent[:start]):
        return True
    scope = clause_before(sent, start)
    cut = 0
    for m in _NEG_ONLY_BOUNDARY.finditer(scope):
        cut = m.end()
    window = " ".join(_WORDS.findall(scope[cut:])[-NEGATION_WINDOW:])
    if window.isascii():  # the word lists' patterns without case folding, on the lower-case words
        window = window.lower()
        neg, pseudo = lowercase_twin(neg) or neg, lowercase_twin(pseudo) or pseudo
    if neg.search(pseudo.sub(" ", window)):
        return True
    return end is not None and _POST_NEGATION.match(sent, end) is not None


def hedge_cue(sent: str, start: int, end: int | None = None, weak: bool = False) -> str | None:
    """The hedge that softens the claim at ``sent[start:end]``: a speculation
    cue in its clause before it or inside it ("may help", "is unlikely to
    cure"); with ``weak`` also a softer cue ("helps", "supports"). None when
    the claim stands unhedged."""
    _, _, strong, soft = _scope_lexicon()
    scope = clause_before(sent, start) + " " + sent[start:end if end is not None else start]
    comma = sent.find(",", 0, start)
    if comma > 0 and not CLAUSE_BOUNDARY.search(sent, 0, start):
        scope = sent[:comma] + " " + scope  # an opening adverbial governs the sentence ("For the most part, ...")
    if scope.isascii():  # the word lists' patterns without case folding, on the lower-case text
        scope = scope.lower()
        strong, soft = lowercase_twin(strong) or strong, lowercase_twin(soft) or soft
    m = strong.search(scope)
    if m is None and weak:
        m = soft.search(scope)
    return m.group(0).lower() if m else None


# ---------------------------------------------------------------------------
# Context: who speaks, titles of works, quotations, refutations, health
# ---------------------------------------------------------------------------
_CLAIM_VERBS = (r"claim|claims|claimed|claiming|promise|promises|promised|promising|advertise|advertises|"
                r"advertised|advertising|guarantee|guarantees|guaranteed|sell|sells|selling|market|markets|marketed")
_SPEECH_VERBS = r"say|says|said|tell|tells|told|insist|insists|insisted|offer|offers|offered|offering"


@functools.lru_cache(maxsize=1)
def _context_lexicon():
    d = load_data("claims_context.yaml")
    regs_cs = [r for r in d["regulators"] if not r.islower()]
    regs_ci = [r for r in d["regulators"] if r.islower()]
    regulators = LazyPattern(rf"\b(?:{alternation(regs_cs)}|(?i:{alternation(regs_ci)}))\b")
    meta = _word_rx(d["meta_cues"])
    others = r"(?:(?!(?:our|my|we|us)\b)[\w'-]+\s+){0,2}?"
    third = LazyPattern(
        rf"(?<!\bour\s)(?<!\bmy\s)(?<!\bwe\s)\b(?:{alternation(d['third_parties'])})\s+{others}(?:{_CLAIM_VERBS})\b"
        rf"|\b(?:{alternation(d['third_parties_speaking'])})\s+{others}(?:{_CLAIM_VERBS}|{_SPEECH_VERBS})\b",
        re.I,
    )
    return regulators, meta, third


def reported(sent: str) -> bool:
    """True when the sentence reports what a regulator or someone else says
    ("The FTC warns ...", "websites that claim ..."), or warns about claims
    ("Be wary of ...", "a common myth"): the claim in it is not the writer's."""
    regulators, meta, third = _context_lexicon()
    return bool((regulators.search(sent) and not sent.isupper()) or meta.search(sent) or third.search(sent))


_REFUTED_NEXT = LazyPattern(
    r"too good to be true"
    r"|^\W*(?:(?:but|yet|however|in\s+fact|actually|in\s+reality|the\s+truth\s+is)\W+)?"
    r"(?:(?:it|they|this|that|these|those)(?:'s|\s+is|\s+are|\s+was)\s+(?:a\s+myth|not\s+(?:true|so|the\s+case)|false|untrue|wrong)"
    r"|(?:it|they|this|that)\s+(?:does|do|did|will|can)\s*(?:not|n't)\b(?![\w\s]{0,20}\b(?:just|only)\b)"
    r"|(?:there\s+is|there's)\s+no\s+(?:evidence|proof|good\s+evidence|scientific\s+evidence)"
    r"|(?:not|no)\s+(?:true|so|evidence)\b)",
    re.I,
)


def refuted_by_next(next_sentence: str) -> bool:
    """True when the sentence after a claim denies it ("It does not.", "That
    is a myth.", "Sounds too good to be true?"): the article quotes the claim
    to refute it."""
    return bool(next_sentence) and _REFUTED_NEXT.search(next_sentence) is not None


_REFUTATION_LABEL = LazyPattern(
    r"^\W*(?:myths?|misconceptions?|fiction|false|claim|the\s+claim|what\s+(?:they|ads|sellers|marketers)\s+say|"
    r"common\s+(?:myths?|misconceptions?|claims?))\s*(?:#?\d+)?\s*[:\u2013\u2014-]",
    re.I,
)
_MYTH_HEADING = LazyPattern(
    r"\b(?:myths?|misconceptions?|debunk\w*|fact\s+(?:or|vs\.?|versus)\s+fiction|too\s+good\s+to\s+be\s+true|"
    r"red\s+flags?|false\s+(?:claims?|promises?)|what\s+(?:the\s+)?(?:ads|marketing|sellers)\s+(?:say|claim|promise))\b",
    re.I,
)


def refutation_label(text: str) -> bool:
    """True when a block or sentence opens with a label that marks what follows
    as a claim being examined ("Myth: ...", "Misconception #2 - ...")."""
    return _REFUTATION_LABEL.match(text) is not None


def myth_section(doc, block) -> bool:
    """True when ``block`` sits in a section whose heading announces myths or
    claims to be examined ("Common myths", "Fact or fiction?", "Red flags"):
    the bullets and sentences under it quote claims to refute them."""
    sections = memo(doc, "claims.myth_sections", lambda: _myth_sections(doc))
    return any(a <= block.line <= b for a, b in sections)


def _myth_sections(doc) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    heads = [b for b in doc.blocks if b.kind == "heading" and b.prose]
    for i, h in enumerate(heads):
        if h is doc.title or not _MYTH_HEADING.search(h.prose.text):  # a title names the topic, not a section
            continue
        end = doc.line_count
        for nxt in heads[i + 1:]:
            if nxt.level <= h.level:
                end = nxt.line - 1
                break
        out.append((h.line, end))
    return out


QUOTES = LazyPattern(r'"[^"\n]{1,300}"|(?<![\w])\'[^\'\n]{1,120}\'(?![\w])')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each double-quoted or single-quoted passage of a plain text."""
    if '"' not in text and "'" not in text:
        return []
    return [(m.start(), m.end()) for m in QUOTES.finditer(text)]


_EMPHASIS = LazyPattern(
    r"(?<![\w*])(\*{1,2}|_{1,2})(?!\s)(.+?)(?<!\s)\1(?![\w*])|<(i|em|cite)\b[^>]*>(.*?)</\3>", re.S | re.I)
_LINK_TEXT = LazyPattern(r"(?<!!)\[([^\]\n]{1,200})\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\)|<a\b[^>]*>(.*?)</a>",
                         re.S | re.I)


def title_spans(doc, block) -> list[tuple[int, int]]:
    """Source spans (document offsets) of the block's emphasised text (italics,
    bold, ``<cite>``) and link texts: where the titles of books, papers and
    products stand."""
    def compute():
        base = doc.line_start(block.line)
        src = block_source(doc, block)
        out = []
        if "*" in src or "_" in src or "<" in src:
            out.extend((base + m.start(), base + m.end()) for m in _EMPHASIS.finditer(src))
        if "[" in src or "<a" in src.lower():
            for m in _LINK_TEXT.finditer(src):
                g = 1 if m.group(1) is not None else 2
                out.append((base + m.start(g), base + m.end(g)))
        return out

    return memo(doc, f"claims.titles.{block.start}", compute)


def inside(spans, a: int, b: int) -> tuple[int, int] | None:
    """The first span of ``spans`` that holds ``[a, b)``, else None."""
    for s, e in spans:
        if s <= a and b <= e:
            return s, e
    return None


@functools.lru_cache(maxsize=1)
def _health_index():
    d = load_data("claims_lexicon.yaml")
    words = set(d["health_words"])
    for key in ("conditions", "body_parts"):
        words.update(d[key])
    return LiteralIndex(" " + w.lower() for w in words)


HEALTH_MIN_TERMS = 6  # distinct health terms a health article holds at least
HEALTH_MIN_WORDS = 150  # a shorter text is too short to judge: a health linter assumes health


@functools.lru_cache(maxsize=1)
def _domain_index():
    """One index of other subjects' words (whole words) and the bits of each
    domain, and the bits of the ambiguous health words in the health index."""
    d = load_data("claims_context.yaml")
    domains = {name: [" " + w.lower() + " " for w in words] for name, words in d["other_domains"].items()}
    index = LiteralIndex(w for words in domains.values() for w in words)
    masks = []
    for words in domains.values():
        m = 0
        for w in words:
            m |= index.bits[w]
        masks.append(m)
    hbits = _health_index().bits
    ambiguous = 0
    for w in d["ambiguous_health_words"]:
        ambiguous |= hbits.get(" " + w.lower(), 0)
    return index, masks, ambiguous


DOMAIN_MIN_TERMS = 6  # distinct words of another subject that make an article about it
HEALTH_SURE_TERMS = 12  # distinct unambiguous health terms after which no other subject can outweigh health


def health_article(doc) -> bool:
    """True when the document is about health: its prose names at least
    :data:`HEALTH_MIN_TERMS` distinct health terms (conditions, symptoms,
    body parts, care words) from ``claims_lexicon.yaml``, or it is shorter
    than :data:`HEALTH_MIN_WORDS` words; and it is not mainly about another
    subject that borrows health words (a gardening article's "infection" of a
    tree, a build that "guarantees" success): at least :data:`DOMAIN_MIN_TERMS`
    distinct words of one domain of ``claims_context.yaml`` and few health
    words that are not also that domain's (ambiguous ones do not count)."""
    def compute():
        index = _health_index()
        dindex, masks, ambiguous = _domain_index()
        lows = [low for _, _, low in plain_blocks(doc)]
        text = " " + " ".join(lows)
        found = 0  # the bits of the distinct terms found
        specific: set[int] = set()
        for _, bit in (index._iter or index._build())(text):  # one pass, stopped once the answer is sure
            found |= bit
            if not bit & ambiguous and bit not in specific:
                specific.add(bit)
                if len(specific) >= HEALTH_SURE_TERMS:
                    return True
        if bin(found).count("1") < HEALTH_MIN_TERMS:
            return text.count(" ") < HEALTH_MIN_WORDS
        dfound = dindex.mask(text.translate(_SPACE_PUNCT) + " ")
        if not dfound:
            return True
        for m in masks:
            n = bin(dfound & m).count("1")
            if n >= DOMAIN_MIN_TERMS and len(specific) * 2 < n:
                return False
        return True

    return memo(doc, "claims.health_article", compute)


_SPACE_PUNCT = str.maketrans({c: " " for c in ".,;:!?\"()[]{}*_/\u2014\u2013'"})


def health_terms(text: str) -> set[str]:
    """The health terms of ``claims_lexicon.yaml`` that occur in ``text`` (at a word start)."""
    return {w.strip() for w in _health_index().found(" " + plain(text).lower())}


def has_health_terms(text: str) -> bool:
    """``bool(health_terms(text))``, without building the set."""
    return _health_index().mask(" " + plain(text).lower()) != 0


_LEAD_IN_NEGATION = LazyPattern(
    r"\b(?:won't|will\s+not|can't|cannot|can\s+not|doesn't|does\s+not|don't|do\s+not|isn't|is\s+not|aren't|are\s+not|"
    r"not|never|no|nor)\b(?:\W+\w+){0,4}\W*$",
    re.I,
)


_OPEN_AFTER_NEGATION = LazyPattern(
    r"^\W*(?:[\w']+\W+)?[\w']+\W*(?:(?:be\s+)?(?:do|does|did|doing|treat|cure|fix|help|help\s+with|replace|change|promise|offer|"
    r"claim|say|work|heal|prevent|be\s+used\s+for|do\s+for\s+you|expect)\W*)?$", re.I)


def negated_lead_in(doc, block) -> bool:
    """True when ``block`` is a list item under a lead-in that negates the
    whole list ("**CBD won't:**", "## What acupuncture cannot do") or reports
    it as others' claims ("The boxes made these claims:"): each item ("Cure
    diseases") is in the scope of that lead-in. A heading that is a whole
    sentence ("Cupping is not a cure") governs no list: scope ends with the
    sentence."""
    if block.kind != "list_item" and not block.in_list:
        return False
    lead = memo(doc, "claims.lead_ins", lambda: _lead_ins(doc))
    return lead.get(block.start, False)


def _lead_ins(doc) -> dict[int, bool]:
    out: dict[int, bool] = {}
    negating = False
    for b in doc.blocks:
        if b.kind == "list_item" or (b.in_list and b.kind == "paragraph"):
            out[b.start] = negating
            continue
        if b.prose and b.kind in ("paragraph", "heading"):
            text = b.prose.text.rstrip()
            m = None
            if b.kind == "heading" or text.endswith(":"):
                m = _LEAD_IN_NEGATION.search(plain(text[-80:]).rstrip(":*_ "))
            # a heading without a colon is a lead-in only when the negated verb waits for the list
            # ("What cupping cannot do"); "Cupping is not a cure" is a whole sentence, and a
            # negation's scope ends with its sentence (NegEx)
            negating = m is not None and (text.endswith(":") or _OPEN_AFTER_NEGATION.match(m.group(0)) is not None)
            if not negating and b.kind == "paragraph" and text.endswith(":"):
                negating = reported(plain(text[-200:]))  # "The boxes made these claims:" quotes the list below
        elif b.kind not in ("comment", "html"):
            negating = False
    return out


# ---------------------------------------------------------------------------
# Lexicon matching by words (faster than one big alternation regex)
# ---------------------------------------------------------------------------
_TOKEN = re.compile(r"\w+(?:['-]\w+)*")


@functools.lru_cache(maxsize=512)
def tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    """Word tokens of ``text``: (starts, ends, lower-case words); a hyphenated
    compound or a word with an apostrophe is one token ("pain-free", "crohn's")."""
    low = text.lower()
    spans = [m.span() for m in _TOKEN.finditer(low)]
    return [a for a, _ in spans], [b for _, b in spans], [low[a:b] for a, b in spans]


class TermMatch:
    """The part of ``re.Match`` that the claim rules use."""

    __slots__ = ("string", "_a", "_b")

    def __init__(self, string: str, a: int, b: int):
        self.string, self._a, self._b = string, a, b

    def start(self) -> int:
        return self._a

    def end(self) -> int:
        return self._b

    def span(self) -> tuple[int, int]:
        return self._a, self._b

    def group(self, index: int = 0) -> str:
        return self.string[self._a:self._b]


class TermIndex:
    """A lexicon of words and phrases matched word by word: ``search``,
    ``finditer`` and ``sub`` behave like a case-insensitive regex of the
    phrases between word boundaries (a phrase matches whole tokens only, the
    longest phrase first), at the cost of one dictionary look-up per word."""

    def __init__(self, phrases):
        table: dict[str, list[tuple[str, ...]]] = {}
        for p in {" ".join(str(p).lower().split()) for p in phrases if p and str(p).strip()}:
            words = (p,) if p.isalpha() else tuple(_TOKEN.findall(p))  # a plain word is its own token
            if words:
                table.setdefault(words[0], []).append(words[1:])
        self._first = {w: sorted(rests, key=len, reverse=True) for w, rests in table.items()}

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        starts, ends, words = tokens(text)
        first = self._first
        limit = len(text) if endpos is None else endpos
        i = bisect.bisect_left(starts, pos)
        n = len(words)
        while i < n and ends[i] <= limit:
            rests = first.get(words[i])
            if rests is not None:
                for rest in rests:
                    k = len(rest)
                    if i + k < n and ends[i + k] <= limit and tuple(words[i + 1:i + 1 + k]) == rest:
                        yield TermMatch(text, starts[i], ends[i + k])
                        i += k
                        break
            i += 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> TermMatch | None:
        return next(self.finditer(text, pos, endpos), None)

    def sub(self, repl: str, text: str) -> str:
        out, last = [], 0
        for m in self.finditer(text):
            out.append(text[last:m.start()])
            out.append(repl)
            last = m.end()
        out.append(text[last:])
        return "".join(out)
