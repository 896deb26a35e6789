r"""Appeals to research that a reader cannot check ("Studies suggest", "A study in the Journal of Pain found").

## What it finds
Sentences that lean on research without saying which research: "A study
published in the Journal of Pain found ...", "Another study in ... showed",
"Studies suggest", "Research indicates", "Numerous studies have demonstrated",
"According to recent research", "In one trial, ...". Such a sentence passes
when the same sentence or paragraph lets a reader find the source: a DOI, a
PMID or PMCID, a trial registration (NCT number), a URL (Markdown and HTML link
targets count), or the authors and year ("Vickers et al., 2018", "(Smith,
2019)"), or a reference marker such as `[2]`, `[^2]` or a superscript that
resolves to a full entry in the article's reference list.

It also finds reference lists made of bare titles: a "References" (or
"Sources", "Bibliography", ...) section whose entries give no author, year,
journal, DOI, PMID or link. One finding spans each run of such entries.

Negated or forward-looking wording is not an appeal to evidence and is left
alone: "No studies have shown", "more research is needed", "what the research
shows", "Studies have not found".

## Why it matters
A patient cannot weigh a claim whose source they cannot look up, and "a study
found" is the commonest way unsupported health claims borrow authority. The
JAMA benchmark criteria for health information on the web ask for attribution
(authors, references and sources), DISCERN asks whether the sources of
evidence are clear, and HONcode asked sites to reference the source data
behind health information. Regulators take the same line: the US FTC's Health
Products Compliance Guidance (2022) expects health claims to rest on
competent and reliable scientific evidence that the advertiser can produce,
and a vague appeal to "studies" does not show that evidence exists.

## Examples
- flagged: `A study published in the Journal of Pain found that acupuncture reduced neck pain.`
- flagged: `Studies suggest that acupuncture may promote nerve regeneration.`
- flagged: `Numerous studies have demonstrated the benefits of acupuncture for back pain.`
- flagged: `According to recent research, acupuncture can ease menstrual cramps.`
- flagged: `References\n\nAcupuncture for Chronic Pain in Adults\nNeedling and the Nervous System\n\nThanks for reading.`
- not flagged: `A trial by Vickers et al. (2018) found a modest benefit over sham acupuncture.`
- not flagged: `A review found less pain after acupuncture (doi:10.1016/j.jpain.2017.11.005).`
- not flagged: `No studies have shown that acupuncture cures neuropathy.`
- not flagged: `More research is needed before acupuncture can be recommended for ALS.`
- not flagged (md): `# Knee pain\n\nOne trial found less knee pain after ten sessions [1].\n\n## References\n\n1. Smith J, Lee K. Acupuncture for knee pain. Pain Med. 2019;20(4):800-9.`

## Fix
No automatic fix: only the writer knows the source. Name the authors and year
and add a DOI, PMID or link (or a reference marker that points to a full entry
in the reference list), or remove the appeal to research. For a bare reference
list, complete each entry: authors, title, journal, year and a DOI or PMID.

## Options
- `extra_patterns`: more regular expressions that count as a vague appeal to
  research (list of strings, matched case-insensitively within a sentence).
- `reference_headings`: more headings that open a reference list (list of strings).
- `check_reference_lists`: report reference lists of bare titles (default `true`).
"""
from __future__ import annotations

import functools
import re
import weakref
from dataclasses import dataclass, field

from acu_lint.model import Finding
from lint_rules._common import SENTENCE_MARKERS, LazyPattern, LiteralIndex, case_exotic, load_data

ID = "vague-citation"
SEVERITY = "warning"
FIXABLE = False
OPTIONS = {"extra_patterns": [], "reference_headings": [], "check_reference_lists": True}


def validate(options):
    from acu_lint.patterns import compile_user_pattern

    for i, p in enumerate(options.get("extra_patterns") or []):
        compile_user_pattern(p, f"extra_patterns[{i}]")
    for i, h in enumerate(options.get("reference_headings") or []):
        if not isinstance(h, str) or not h.strip():
            raise ValueError(f"reference_headings[{i}] must be a non-empty string")


# ---------------------------------------------------------------------------
# Shared text helpers (absolute-claim imports these too)
# ---------------------------------------------------------------------------
_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "al", "fig", "figs", "no", "nos",
    "vol", "vols", "approx", "jr", "sr", "inc", "ltd", "co", "cf", "ed", "eds", "pp", "p", "ca", "dept",
    "univ", "assoc", "mt", "ph.d", "m.d", "u.s", "u.k", "a.m", "p.m", "min", "max", "est", "op", "cit",
    "ibid", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_SENT_END = LazyPattern(rf"[.!?\u2026]+[\"'\u201d\u2019)\]*_]*{SENTENCE_MARKERS}(?=\s|$)")
_WORD_BEFORE = LazyPattern(r"([\w.]+)$")


def plain(text: str) -> str:
    """Same-length copy with curly quotes straightened and whitespace made
    single spaces, so that offsets stay valid for the original text."""
    return (
        text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
        .replace("\n", " ").replace("\t", " ").replace("\u00a0", " ")
    )


_DOC_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def plain_blocks(doc) -> list[tuple[object, str, str]]:
    """``(block, plain(text), plain(text).lower())`` of the document's prose
    blocks, computed once per document (absolute-claim shares them)."""
    cached = _DOC_CACHE.get(doc)
    if cached is None:
        cached = []
        for b in doc.prose_blocks():
            t = plain(b.prose.text)
            cached.append((b, t, t.lower()))
        _DOC_CACHE[doc] = cached
    return cached


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) spans of prose ``text``. Handles abbreviations
    ("e.g.", "Dr.", "et al."), initials ("J. Smith") and decimals."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        end = m.end()
        if text[m.start()] == ".":
            w = _WORD_BEFORE.search(text, 0, m.start())
            word = (w.group(1) if w else "").lower().rstrip(".")
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
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


_YEAR = r"(?:19[5-9]\d|20[0-4]\d)[a-z]?"
_NAME = r"[A-Z][A-Za-z'\u2019\-]+"
_IDENTIFIER = LazyPattern(
    r"\b10\.\d{4,9}/\S+|\bdoi\s*:|\bdoi\.org/|\bPMID\s*:?\s*\d{5,9}\b|\bPMCID\s*:?\s*PMC\d+|\bPMC\d{4,9}\b"
    r"|\bNCT\d{8}\b|\bISRCTN\d{6,}\b|\bChiCTR[-\w]+\b",
    re.I,
)
_URL = LazyPattern(r"\b(?:https?://|www\.\w)[^\s)\]>\"']*", re.I)
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
    for m in _URL.finditer(src):
        url = m.group(0)
        if _is_source_url(url) or (links == "any" and not _ACTION_URL.search(url)):
            return True
    return False


# ---------------------------------------------------------------------------
# Literal anchors: a cheap prefilter for big pattern lists
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


_exotic = case_exotic


class AnchoredPattern:
    """A pattern with its literal prefilter, compiled on first use."""

    __slots__ = ("pattern", "flags", "_rx", "anchors", "also")

    def __init__(self, pattern: str, flags: int = re.I):
        self.pattern = pattern
        self.flags = flags
        self._rx = None
        self.anchors, self.also = anchor_info(pattern)

    @property
    def rx(self) -> re.Pattern[str]:
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(self.pattern, self.flags)
        return rx

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
            exotic = _exotic(lowered)
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

    def __init__(self, items):
        self.items = [(payload, pat) for payload, pat in items]
        self.anchors = sorted({a for _, pat in self.items if pat.anchors for a in pat.anchors})
        # a requirement met by one of the commonest words ("the", "for", "you") holds in
        # almost every text: finding it costs more than it saves, so it is left out
        reqs = [tuple(req for req in pat.also or () if req.isdisjoint(_COMMON_WORDS)) for _, pat in self.items]
        literals = set(self.anchors)
        for rs in reqs:
            for req in rs:
                literals.update(req)
        self.index = LiteralIndex(literals)
        bits = self.index.bits
        self._anchor_bits = _mask_of(self.anchors, bits)
        self._always = [n for n, (_, pat) in enumerate(self.items) if pat.anchors is None]
        by_bit: dict[int, list[int]] = {}  # an anchor's bit -> the items it anchors
        self._req_masks = []  # per item: the masks of its requirements
        for n, ((_, pat), rs) in enumerate(zip(self.items, reqs)):
            self._req_masks.append(tuple(_mask_of(req, bits) for req in rs))
            for x in pat.anchors or ():
                by_bit.setdefault(bits[x], []).append(n)
        self._by_bit = {b: tuple(v) for b, v in by_bit.items()}
        self._memo: dict[tuple[int, bool], tuple] = {}

    def _select(self, mask: int, lowered: str) -> tuple:
        exotic = _exotic(lowered)  # a requirement is exact for ASCII text only: then the anchor decides
        key = (mask, exotic)
        hit = self._memo.get(key)
        if hit is None:
            chosen = set(self._always)
            m = mask & self._anchor_bits
            by_bit = self._by_bit
            while m:
                low = m & -m
                chosen.update(by_bit[low])
                m ^= low
            req_masks = self._req_masks
            items = self.items
            hit = tuple(items[n] for n in sorted(chosen)
                        if exotic or all(rm & mask for rm in req_masks[n]))
            if len(self._memo) >= self._MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = hit
        return hit

    def active(self, lowered: str) -> tuple:
        return self._select(self.index.mask(lowered), lowered)

    def active_per_text(self, lowered: list[str]) -> list[tuple]:
        """``[self.active(t) for t in lowered]``."""
        mask = self.index.mask
        select = self._select
        return [select(mask(t), t) for t in lowered]


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


# ---------------------------------------------------------------------------
# Reference lists
# ---------------------------------------------------------------------------
_JOURNALISH = LazyPattern(
    r"\b(?:19|20)\d{2}\s*;\s*\d+|\b\d+\s*\(\s*\d+\s*\)\s*:\s*\d+|\bvol(?:ume)?\.?\s*\d+|\bpp?\.\s*\d+"
    r"|\bJ\.?\s+[A-Z][a-z]+|\bJournal\b|\bLancet\b|\bBMJ\b|\bJAMA\b|\bCochrane\b|\bet\s+al\b|\bin\s+press\b",
)
_AUTHOR_START = LazyPattern(
    # "Smith J", "Smith, J. K.", "Wood, Matthew." (a first name written out, then a full stop)
    rf"^\s*(?:\[\^?[\w-]+\]:?\s*|\d{{1,3}}[.)]\s+)?{_NAME}(?:,?\s+(?:[A-Z]{{1,3}}\b|[A-Z]\.(?:\s?[A-Z]\.)*)"
    rf"|,\s+[A-Z][a-z]+\.\s)"
)
# an organisation named as the source ("World Health Organization (WHO)", "Mayo Clinic"):
# a reader knows whom to ask, so the entry is not a bare title
_ORGANISATION = LazyPattern(
    r"\b(?:Organi[sz]ation|Institutes?|Centers?|Centres?|Clinic|Association|Society|College|Foundation|Agency|"
    r"Department|Ministry|Council|Academy|University|Hospital|Administration|Service)\b"
    r"|\([A-Z]{2,8}\)\W*$|^\W*(?:\d{1,3}[.)]\s+)?(?:NHS|NIH|CDC|WHO|FDA|NICE|NCCIH|EMA|AHRQ)\b"
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
        return not (has_identifier(s) or _ANY_YEAR.search(s) or _AUTHOR_START.search(s) or _JOURNALISH.search(s)
                    or _ORGANISATION.search(s))


@dataclass
class References:
    sections: list[tuple[object, list[Entry]]] = field(default_factory=list)  # (heading block, entries)
    by_label: dict[str, Entry] = field(default_factory=dict)
    block_ids: set[int] = field(default_factory=set)  # id() of blocks that belong to reference lists

    def resolves(self, labels: list[str]) -> bool:
        return any((e := self.by_label.get(lab)) is not None and e.full for lab in labels)


@functools.lru_cache(maxsize=8)
def _heading_pattern(extra: tuple[str, ...]) -> re.Pattern[str]:
    names = list(load_data("vague_citation.yaml")["reference_headings"]) + [e for e in extra if e]
    alt = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(set(n.lower() for n in names), key=len, reverse=True))
    return re.compile(rf"^\W*(?:{alt})\W*$", re.I)


_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_SKIP_KINDS = ("code", "comment", "front_matter", "html")


def references(doc, extra_headings: tuple[str, ...] = ()) -> References:
    """The article's reference list(s), computed once per document."""
    key = extra_headings
    cached = _CACHE.get(doc)
    if cached is not None and key in cached:
        return cached[key]
    refs = _find_references(doc, _heading_pattern(extra_headings))
    _CACHE.setdefault(doc, {})[key] = refs
    return refs


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
# Triggers: research (or an unnamed authority) + a verb that reports a result
# ---------------------------------------------------------------------------
def _alt(words) -> str:
    # longest first; equal lengths in a fixed order so that the pattern text is
    # the same in every process (two words of one length never match the same
    # span differently, so the order among them does not change a match)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# a word of a filler that is not a negation ("a claim that no trial supports" is no appeal)
_NOT_NEG = r"(?:(?!(?:no|not|never|none|nor|without)\b)[\w-]+\s+)"

# What an appeal needs to be excused (the payload of each pattern):
FORWARD = "forward"  # "a study found", "numerous studies show": a source in the sentence or right after it
BACKWARD = "backward"  # "the study found", "has been shown to": a source earlier in the paragraph counts too
ANAPHOR = "anaphor"  # "the ones that were done agreed that": research named earlier in the sentence, else no appeal
# a passive ("has been shown in many studies to") is no appeal when its subject is negated
# ("No supplement has been shown to ..."): the payload says (what excuses it, passive or not)


@functools.lru_cache(maxsize=1)
def _triggers() -> tuple[PatternSet, re.Pattern[str]]:
    d = load_data("vague_citation.yaml")
    verbs = _alt(d["verbs"])
    prog = _alt(d["progressive_verbs"])
    pp = _alt(d["passive_verbs"])
    agentless = _alt(d["agentless_verbs"])
    single = _alt(d["study_nouns"])
    plural = _alt(d["plural_nouns"])
    quant = _alt(d["quantifiers"])
    who = _alt(d["authorities"])
    says = _alt(d["authority_verbs"])
    connector = (
        r"(?:\s+(?:published|appearing|reported|conducted|carried\s+out|done|presented|printed|released|featured|"
        r"run|led|funded|from|at|in|by|on|of|into|involving|with|among|including|that|which|looking\s+at|"
        r"comparing|examining|testing|covering)\b[^.;!?\"]{0,160}?)?"
    )
    adv = (r"(?:also|consistently|repeatedly|clearly|now|even|already|largely|generally|all|both|increasingly|"
           r"recently|long|since|pretty|unanimously|overwhelmingly)")
    aux = rf"(?:\s+(?:have|has|had|{adv}))*"
    # the verb group after the research words: "found", "have consistently shown",
    # "is showing", "has been pointing to", "continue to show"
    vgroup = (rf"(?:{aux}\s+(?:{verbs})|\s+(?:is|are|has\s+been|have\s+been)(?:\s+{adv})*\s+(?:{prog})"
              r"|\s+(?:continues?|continued|keeps?|kept)\s+to\s+(?:show|suggest|find|confirm|demonstrate|support|reveal|point\s+to))\b")
    padv = r"(?:(?:also|now|repeatedly|consistently|widely|recently|since|long|even|already)\s+)*"
    sci = r"(?:(?:scientifically|clinically|medically)\s+)?"
    parts = [
        # "A study published in the Journal of Pain found", "Another trial showed", "One 2019 review concluded"
        ((FORWARD, False), rf"\b(?:a|an|one|another)\s+{_NOT_NEG}{{0,3}}?(?:{single})\b{connector}{vgroup}"),
        # "Studies suggest", "Numerous studies and clinical trials have demonstrated", "research is showing", "reports show"
        ((FORWARD, False), rf"\b(?:(?:{quant})\s+)*(?:{plural})(?:\s+and\s+(?:(?:{quant})\s+)*(?:{plural}))?{connector}{vgroup}"),
        # "Evidence suggests", "The scientific evidence shows" (graded evidence, "strong evidence supports", is left alone)
        ((FORWARD, False), r"\b(?:(?:the|current|recent|scientific|clinical|research|medical|growing|emerging|existing|available|"
                  r"some|much|mounting|new|published|a\s+growing\s+body\s+of|a\s+body\s+of)\s+)*evidence"
                  r"(?:\s+from\s+[^.;!?]{0,80}?)?\s+(?:suggests|shows|indicates|supports|points\s+to|has\s+shown|confirms|"
                  r"proves|is\s+clear|is\s+showing|is\s+growing\s+that)\b"),
        # "There is growing evidence that", "there's mounting research showing"
        ((FORWARD, False), r"\bthere\s+(?:is|'s|are)\s+(?:now\s+)?(?:growing|mounting|increasing|emerging|ample|overwhelming|"
                  r"plenty\s+of|a\s+lot\s+of|lots\s+of|a\s+growing\s+body\s+of|a\s+large\s+body\s+of)\s+"
                  r"(?:scientific\s+|clinical\s+|medical\s+)?(?:evidence|research|studies|data)\s+(?:that|to\s+(?:suggest|show)|"
                  r"showing|suggesting|indicating)\b"),
        # "According to recent research", "according to a study in ...", "according to experts"
        ((FORWARD, False), rf"\baccording\s+to\s+(?:(?:a|an|one|some|recent|new|several|many|the\s+latest|current|numerous|multiple|"
                  rf"the|most|leading)\s+)*(?:[\w-]+\s+){{0,2}}?(?:{single}|{plural}|{who}|surveys|reports|data)\b"),
        # "In one study, ..." / "In a recent trial ..."
        ((FORWARD, False), rf"\bin\s+(?:a|an|one|another)\s+{_NOT_NEG}{{0,3}}?(?:{single})\b(?=\s*,|\s+(?:of|on|from|published|"
                  r"with|involving|at|by|about|into|in|among|looking|that|which|conducted|carried)\b)"),
        # "It has been scientifically proven that", "it's been shown that"
        ((BACKWARD, False), r"\bit(?:\s+has|'s|\s+is|\s+have)\s+(?:been\s+)?" + sci + r"(?:proven|shown|demonstrated|found)\b"
                   r"(?=\s+(?:that|in\s+studies|by\s+(?:studies|research|science)))"),
        # "Science shows / has proven"
        ((FORWARD, False), r"\b(?:modern\s+)?science\s+(?:has\s+)?(?:proven|proved|proves|shows|shown|says)\b"),
        # "Experts agree", "Most doctors now agree that", "scientists say": an authority nobody can check
        # (not "your doctors have confirmed the diagnosis": a possessive names someone the reader knows)
        ((FORWARD, False), r"\b(?<!\byour\s)(?<!\bmy\s)(?<!\bour\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)"
                  rf"(?:(?:most|many|leading|top|medical|health|all|independent|some|other)\s+)*(?:{who})\s+"
                  r"(?:now\s+|all\s+|widely\s+|generally\s+|increasingly\s+|have\s+|largely\s+)*"
                  rf"(?:{says})\b(?!\s+on\s+(?:a|one|the|your)\b)"),
        # the passive with research as its agent: "has been shown in many studies to",
        # "It has been found effective after thousands of reviews", "was proven by research"
        ((FORWARD, True), rf"\b(?:has|have|had|is|are|was|were|been|being)\s+{padv}(?:been\s+)?{sci}(?:{pp})\b"
                  r"(?:\s+(?!(?:no|not|never)\b)[\w-]+){0,3}?\s+(?:in|by|through|across|after|from|via)\s+"
                  rf"(?:(?:a|an|one|another|{quant})\s+)*(?:{plural}|{single}|{who})\b"),
        # the agentless perfect passive of a finding: "X has been shown to lower blood sugar"
        ((BACKWARD, True), rf"\b(?:has|have)\s+{padv}been\s+{sci}(?:{agentless})\s+to\b"),
        # "..., the ones that have been done have agreed that": research named earlier in the sentence
        ((ANAPHOR, False), r"\b(?:the\s+ones|those|they|these|all\s+of\s+them|most\s+of\s+them)(?:\s+that\s+(?:have|were|had)\s+"
                  r"been\s+(?:done|published|conducted|carried\s+out|run))?(?:\s+have|\s+had)?(?:\s+(?:[a-z]+ly|pretty|quite|very|all|also|now)){0,3}\s+"
                  r"(?:agreed|shown|showed|found|concluded|demonstrated|confirmed|suggested)\s+that\b"),
        # what the body of research did: "Most studies have used doses of ..."
        ((FORWARD, False), rf"\b(?:most|many|nearly\s+all|almost\s+all|the\s+majority\s+of)\s+(?:(?:{quant})\s+)*"
                  r"(?:studies|trials|clinical\s+trials|research|reviews)\s+(?:have\s+)?(?:used|tested|given)\b"),
    ]
    pset = PatternSet((kind, AnchoredPattern(p)) for kind, p in parts)
    not_before = LazyPattern(rf"(?:^|\W)(?:{_alt(d['not_before'])})\W*$", re.I)
    return pset, not_before


@functools.lru_cache(maxsize=1)
def _research_word() -> re.Pattern[str]:
    d = load_data("vague_citation.yaml")
    return re.compile(rf"\b(?:{_alt(list(d['plural_nouns']) + list(d['study_nouns']))})\b", re.I)


_NEGATED_VERB = LazyPattern(r"\b(?:not|never|n't|failed\s+to|fail\s+to|yet\s+to)\b", re.I)
# a negation governing the subject of a passive ("No supplement has been shown to ...")
_CLAUSE_NEGATION = LazyPattern(r"\b(?:no|not|never|none|nothing|neither|nor|without|little|few|hardly|n't)\b", re.I)
_CLAUSE_BREAK = LazyPattern(r"[;:\u2014(]|,\s|\b(?:but|however|although|though|while|whereas|yet)\b", re.I)
_DEFINITE = frozenset(("the", "this", "these", "those", "that", "such"))
_QUOTED = LazyPattern(r'"[^"\n]{1,80}"|(?<![\w])\'[^\'\n]{1,60}\'(?![\w])')


def _block_hits(text: str, user, active) -> list[tuple[int, int, tuple | None]]:
    """(start, end, kind) of trigger matches in a block's text (kind None for
    the user's patterns); ``active`` are the built-in patterns that can match it."""
    found = [(m.start(), m.end(), kind) for kind, pat in active for m in pat.rx.finditer(text)]
    for u in user:
        found.extend((m.start(), m.end(), None) for m in u.finditer(text) if m.end() > m.start())
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    return found


def _clause_before(sent: str, hs: int) -> str:
    """The words of ``sent`` before offset ``hs`` back to the last clause break."""
    head = sent[max(0, hs - 120):hs]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(head):
        cut = m.end()
    return head[cut:]


def _sentence_hits(sent: str, hits) -> list[tuple[int, int, str]]:
    """The hits in one sentence that are real appeals, with what excuses them:
    not mentioned in quotes, not after "no"/"what"/"more", not with a negated
    verb, a passive not about a negated subject, an anaphor with research
    named before it."""
    _, not_before = _triggers()
    # a phrase in short quotes is mentioned, not used: 'avoid "studies suggest"'
    mentions = [(q.start(), q.end()) for q in _QUOTED.finditer(sent) if len(q.group(0).split()) <= 6]
    out: list[tuple[int, int, str]] = []
    for hs, he, kind in hits:
        if out and hs < out[-1][1]:
            continue
        if kind is None:  # the user's own pattern: reported as it stands
            out.append((hs, he, FORWARD))
            continue
        if any(a <= hs and he <= b for a, b in mentions):
            continue
        if not_before.search(sent[max(0, hs - 25):hs]) or _NEGATED_VERB.search(sent[hs:he]):
            continue
        base, passive = kind
        if passive and _CLAUSE_NEGATION.search(_clause_before(sent, hs)):
            continue
        if base == ANAPHOR:
            if not _research_word().search(sent, 0, hs):
                continue
            base = FORWARD  # the research it points back to is in this sentence: so must its source be
        elif base == FORWARD:
            first = sent[hs:he].split(None, 1)[0].lower()
            if first in _DEFINITE:  # "the study found": points back to one named before
                base = BACKWARD
        out.append((hs, he, base))
    return out


# ---------------------------------------------------------------------------
# Sources near an appeal
# ---------------------------------------------------------------------------
# the text of a link that asks the reader to act is no source ("Watch the explanation", "Check availability")
_CTA_TEXT = LazyPattern(
    r"^\W*(?:watch|buy|order|shop|check|get|click|sign\s+up|subscribe|download|book|try|claim|grab|join|add\s+to|"
    r"start|learn\s+more|see\s+(?:the\s+)?(?:price|prices|offer|offers|deal|deals|availability|discount)|"
    r"visit\s+(?:the\s+)?(?:official|store|shop|website)|(?:the\s+)?official\s+(?:site|website|store)|"
    r"(?:special|exclusive|limited)\s+(?:offer|deal|discount))\b", re.I)
_AFFILIATE = LazyPattern(
    r"clickbank\.net|\bamzn\.to\b|shareasale\.com|awin1\.com|linksynergy\.com|[?&](?:aff|affid|aff_id|affiliate|hop|tid)=",
    re.I)


def _link_text(src: str, pos: int) -> str:
    """The visible text of the link whose target starts at ``pos``
    (Markdown ``[text](url)`` or HTML ``<a href="url">text</a>``), or ""."""
    if src.endswith("](", 0, pos) or src.endswith("](<", 0, pos):
        close = src.rfind("](", 0, pos)
        open_ = src.rfind("[", 0, close)
        return src[open_ + 1:close] if open_ >= 0 else ""
    tag = src.rfind("<a", 0, pos)
    if tag >= 0 and src.rfind(">", tag, pos) < 0:
        end = src.find(">", pos)
        if end >= 0:
            close = src.find("</a>", end)
            return _TAGS.sub("", src[end + 1:close if close >= 0 else end + 200])
    return ""


_TAGS = LazyPattern(r"<[^>]*>")


@functools.lru_cache(maxsize=1)
def _body_year() -> re.Pattern[str]:
    """A health body named with a year: "the NIH in 2016", "NAMS 2023", "the
    Endocrine Society (2023)", "a 2020 NCCIH review"."""
    bodies = "|".join(map(re.escape, sorted(load_data("vague_citation.yaml")["bodies"], key=len, reverse=True)))
    org = (r"(?:[A-Z][\w'-]+\s+){0,6}(?:Organi[sz]ation|Institutes?|Cent(?:er|re)s?|Society|Association|College|"
           r"Foundation|Agency|Academy|Council|Administration|Service|Task\s+Force)\b(?:\s+(?:of|for|on|and)\s+[A-Z][\w'-]+)*")
    body = rf"(?:\b(?:{bodies})\b|{org})"
    return re.compile(rf"{body}(?:\s*\([A-Z]{{2,8}}\))?[^.;!?\n]{{0,20}}?\b{_YEAR}\b|\b{_YEAR}\s+(?:{body})")


def _cites(src: str, links: str = "any") -> bool:
    """Like :func:`has_identifier`, but a link only counts when it is not an
    invitation to buy or watch (neither its target nor its text), and a health
    body named with a year counts."""
    if not _MAYBE_ID.search(src):
        return False
    if _IDENTIFIER.search(src) or _AUTHOR_YEAR.search(src) or _body_year().search(src):
        return True
    for m in _URL.finditer(src):
        url = m.group(0)
        if _is_source_url(url):
            return True
        if links == "any" and not _ACTION_URL.search(url) and not _AFFILIATE.search(url) \
                and not _CTA_TEXT.search(_link_text(src, m.start())):
            return True
    return False


def _notes(doc) -> dict[str, "Entry"]:
    """Numbered list items that are full references though no reference
    heading stands over them ("1. [Does cinnamon help?](https://...)" at the
    end of an article), by number: a marker may point to them."""
    cached = _NOTES.get(doc)
    if cached is None:
        cached = {}
        for b in doc.blocks:
            if b.kind == "list_item" and b.number is not None:
                e = Entry(b.start, b.end, block_source(doc, b), str(b.number))
                if e.full:
                    cached.setdefault(str(b.number), e)
        _NOTES[doc] = cached
    return cached


_NOTES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _resolves(doc, src: str, refs: References) -> bool:
    labels = markers_in(src)
    if not labels:
        return False
    if refs.resolves(labels):
        return True
    notes = _notes(doc)
    return any(lab not in refs.by_label and lab in notes for lab in labels)


def _has_source(doc, src: str, refs: References, links: str = "any") -> bool:
    return _cites(src, links) or _resolves(doc, src, refs)


# a sentence that points to the source of the one before it: "(Smith 2019)",
# "Source: ...", "See ...", "The study, by Lee et al., ..."
_POINTER = LazyPattern(
    r"^\W*(?:\(|\[|source|sources|see|read|ref\b|refs?\.|reference|references|via|cited|citation|published\s+in|"
    r"(?:the|this|that|their|these)\s+(?:study|studies|review|reviews|trial|trials|paper|papers|research|analysis|"
    r"findings|results|authors|report|researchers)\b|it\s+was\s+published)", re.I)


def _views(doc):
    """``(document, offset)`` pairs to read: the document itself, or, when the
    whole article is wrapped in one ```markdown (or ```html) fence, as an AI
    pipeline leaves it, the article inside the fence (its offsets shifted)."""
    if doc.kind != "markdown":
        return [(doc, 0)]
    code = None
    for b in doc.blocks:
        if b.kind in ("front_matter", "comment"):
            continue
        code = b if b.kind == "code" else None
        break
    if code is None or code.end_line - code.line < 5:
        return [(doc, 0)]
    m = re.match(r"\s*(`{3,}|~{3,})\s*(markdown|md|html|text)?\s*$", doc.lines[code.line - 1])
    if not m:
        return [(doc, 0)]
    filled = sum(1 for line in doc.lines if line.strip())
    if (code.end_line - code.line + 1) < 0.8 * filled:
        return [(doc, 0)]
    from acu_lint.document import Document

    last = code.end_line
    if not doc.lines[last - 1].strip().startswith(m.group(1)[0] * 3):
        last += 1  # an unclosed fence runs to the end
    start = doc.line_start(code.line + 1) if code.line < doc.line_count else len(doc.text)
    end = doc.line_start(last) if last <= doc.line_count else len(doc.text)
    kind = "html" if m.group(2) == "html" else "markdown"
    inner = Document(doc.text[start:end], doc.path, kind=kind)
    return [(inner, start)]


def _label(block, text: str) -> bool:
    """A heading, or a short label line that announces what follows ("Research shows:")."""
    if block.kind == "heading":
        return True
    t = text.rstrip(" *_")
    return t.endswith(":") and len(t.split()) <= 8


def _section_cites(doc, blocks, i: int, refs: References) -> bool:
    """Whether the section under the heading ``blocks[i]`` (up to the next
    heading, at most a dozen blocks) names a source."""
    for b, _, _ in blocks[i + 1:i + 13]:
        if b.kind == "heading":
            break
        if _has_source(doc, block_source(doc, b), refs):
            return True
    return False


def _quote(text: str, limit: int = 70) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def check(doc, options):
    user = []
    if options.get("extra_patterns"):
        from acu_lint.patterns import compile_user_pattern

        user = [compile_user_pattern(p, f"rules.{ID}.extra_patterns") for p in options["extra_patterns"]]
    for view, shift in _views(doc):
        for f in _check_view(view, options, user):
            if shift:
                f.start += shift
                f.end += shift
            yield f


def _check_view(doc, options, user):
    from lint_rules._leftovers import is_leftover

    extra_heads = tuple(options.get("reference_headings") or ())
    refs = references(doc, extra_heads)
    blocks = [(b, t, low) for b, t, low in plain_blocks(doc) if id(b) not in refs.block_ids]
    actives = _triggers()[0].active_per_text([low for _, _, low in blocks])
    for i, ((block, text, _), active) in enumerate(zip(blocks, actives)):
        if not active and not user:
            continue
        raw = _block_hits(text, user, active)
        if not raw or is_leftover(doc, block):
            continue
        prose = block.prose
        spans = sentence_spans(text)
        block_end = doc.line_end(block.end_line)
        label = _label(block, text)
        for k, (s, e) in enumerate(spans):
            sent = text[s:e]
            if sent.rstrip().endswith("?"):
                continue
            hits = _sentence_hits(sent, [(hs - s, he - s, kd) for hs, he, kd in raw if s <= hs and he <= e])
            if not hits:
                continue
            a = prose.span(s, e)[0]
            nxt = prose.span(spans[k + 1][0], spans[k + 1][1])[0] if k + 1 < len(spans) else block_end
            if _has_source(doc, doc.text[a:max(a, nxt)], refs):
                continue
            if k + 1 < len(spans):  # a sentence right after that points to the source
                ns, ne = spans[k + 1]
                if _POINTER.match(text[ns:ne]):
                    b2 = prose.span(spans[k + 2][0], spans[k + 2][1])[0] if k + 2 < len(spans) else block_end
                    if _has_source(doc, doc.text[nxt:max(nxt, b2)], refs):
                        continue
            back = None
            if label:
                # a heading that announces a section ("What the research says", "Research shows:")
                rest = sent[max(h[1] for h in hits):]
                if len(rest.split()) < 3 or _section_cites(doc, blocks, i, refs):
                    continue
            for hs, he, kind in hits:
                if kind == BACKWARD:
                    if back is None:
                        # earlier in the paragraph, any source; in the paragraph before, a
                        # link only to where research is published (not the writer's other posts)
                        back = _has_source(doc, doc.text[doc.line_start(block.line):a], refs)
                        if not back and k == 0 and i > 0 and blocks[i - 1][0].kind != "heading":
                            back = _has_source(doc, block_source(doc, blocks[i - 1][0]), refs, "sources")
                    if back:
                        continue
                start, end = prose.span(s + hs, s + he)
                phrase = _quote(sent[hs:he])
                yield Finding(
                    start,
                    end,
                    f'"{phrase}" appeals to research that the reader cannot check. '
                    "Patients and quality checklists such as the JAMA benchmark and DISCERN need the source "
                    "named so the claim can be verified. "
                    "Name the authors and year and add a DOI, PMID or link (or a reference marker to a full "
                    "entry in the reference list), or remove the appeal.",
                    data={"kind": "appeal"},
                )
    if not options.get("check_reference_lists", True):
        return
    for heading, entries in refs.sections:
        run: list[Entry] = []
        for e in entries + [None]:
            if e is not None and e.bare:
                run.append(e)
                continue
            if run:
                n = len(run)
                title = _quote(heading.prose.text, 30)
                yield Finding(
                    run[0].start,
                    run[-1].end,
                    f'The "{title}" list gives only titles ({n} {"entry" if n == 1 else "entries"}): no author, '
                    "year, journal, DOI, PMID or link. "
                    "A reader cannot find or judge a source named only by its title, and the JAMA benchmark asks "
                    "health articles for full references. "
                    "Complete each entry with authors, title, journal, year and a DOI, PMID or link.",
                    data={"kind": "bare-references", "entries": n},
                )
                run = []
