r"""Wording that promises a certain outcome or absolute safety ("cures", "no side effects", "pain-free life").

## What it finds
Claims, in the body and in titles and headings, that no honest health article
can make: cures ("acupuncture cures migraines"), guarantees ("guaranteed
results", "works for everyone"), permanent or complete relief ("permanent
relief", "a pain-free life", "eliminates pain"), absolute safety ("completely
safe", "no side effects", "risk-free", "safe and effective"), hype ("miracle",
"effortless pain management", "stunning relief", "instant relief"), proof
without a source ("clinically proven") and claims to fix "the root cause" or
"underlying causes".

Each finding carries a suggestion: a hedged alternative the writer can adapt.
The text is never rewritten automatically.

Not findings: negations ("it is not a cure", "there is no cure for ALS"),
hedged statements ("may help", "might reduce", "some people find"; a hedge must
stand before the claim in the same clause), questions ("Can acupuncture cure
neuropathy?"), warnings about claims ("be wary of anyone who promises a
cure"), scare quotes and quotations of a regulator (FDA, FTC, ASA, NICE, NIH,
...), claims backed in the same sentence by a citation (authors and year, DOI,
PMID, link or a resolving reference marker), book titles in citations and
entries of a reference list. Hype words such as "miracle" and "guaranteed" are
flagged even after a hedge: "may be a miracle cure" still promises one.

## Why it matters
Promises of cure or safety are what regulators act on. The US Federal Trade
Commission's Health Products Compliance Guidance (2022) requires competent and
reliable scientific evidence, generally randomized controlled trials in
people, for any express or implied health claim, and says that qualifying
words do not lower that bar for claims about disease. In the UK the
Advertising Standards Authority and the CAP Code accept acupuncture claims
only for a short list of conditions (such as chronic low back pain, tension
headache and migraine prevention, knee osteoarthritis pain as an add-on) and
only as short-term relief; "cure", "permanent" and "completely safe" go beyond
any of them. Patients who believe a treatment is certain to work may delay
care that does, and quality instruments for consumer health information
(DISCERN, the JAMA benchmark, HONcode) mark articles down for unbalanced claims.

## Examples
- flagged: `Acupuncture cures chronic migraines.`
- flagged: `ALS Acupuncture: Stunning Relief for Effortless Pain Management`
- flagged: `Acupuncture offers a safe and effective alternative to drugs with no side effects.`
- flagged: `Start your journey towards a pain-free life today.`
- flagged: `Acupuncture treats the root cause of your pain, not just the symptoms.`
- flagged (md): `# Permanent Relief From Sciatica\n\nMany people live with sciatica.`
- not flagged: `While it is not a cure, acupuncture may ease some symptoms.`
- not flagged: `There is no cure for ALS, but care can improve comfort.`
- not flagged: `Acupuncture may help relieve neck pain for some people.`
- not flagged: `Be wary of any clinic that promises a cure.`
- not flagged: `Can acupuncture cure neuropathy?`
- not flagged: `The FTC warns sellers not to call a product "risk-free" without evidence.`

## Fix
No automatic fix: the finding's `suggestion` offers a hedged alternative
("may help relieve ...", "is generally safe when done by a licensed
practitioner ..."). Rewrite the claim to say what the evidence supports and
for whom, and name the evidence.

## Options
- `extra_phrases`: more phrases to flag (list of strings, literal, case-insensitive).
- `ignore_phrases`: phrases never to flag, e.g. a product or book name (list of strings).
- `allow_hedged`: accept claims softened by a hedge such as "may" (default `true`;
  `false` follows the FTC view that a hedge does not lower the bar for disease claims).
- `check_headings`: also check titles and headings (default `true`).
"""
from __future__ import annotations

import functools
import re

from acu_lint.model import Finding
from lint_rules._common import LazyPattern, load_data, phrase_pattern
from lint_rules.vague_citation import (
    _URL,
    AnchoredPattern,
    PatternSet,
    block_source,
    has_identifier,
    in_reference_list,
    markers_in,
    plain,
    plain_blocks,
    references,
    sentence_spans,
)

ID = "absolute-claim"
SEVERITY = "error"
FIXABLE = False
OPTIONS = {"extra_phrases": [], "ignore_phrases": [], "allow_hedged": True, "check_headings": True}

WHY = ("Unqualified health claims can lead patients to expect a certain result or delay care that works, "
       "and regulators (the FTC in the US, the ASA in the UK) require strong evidence for them.")


def validate(options):
    for key in ("extra_phrases", "ignore_phrases"):
        for i, p in enumerate(options.get(key) or []):
            if not isinstance(p, str) or not p.strip():
                raise ValueError(f"{key}[{i}] must be a non-empty string")


def _alt(words) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


_FILLER = r"(?:(?!(?:not|no|never|none|nor|without|cannot)\b)[\w'-]+\s+)"


def _spaces(pattern: str) -> str:
    """A literal space in a data pattern matches any run of whitespace; ``{w}``
    is one word that is not a negation, with the whitespace after it."""
    return re.sub(r"(?<!\\) ", r"\\s+", pattern).replace("{w}", _FILLER)


class _Category:
    __slots__ = ("name", "patterns", "hedge", "what", "instead", "guard")

    def __init__(self, name, patterns, hedge, what, instead, guard):
        self.name, self.patterns, self.hedge = name, patterns, hedge
        self.what, self.instead, self.guard = what, instead, guard


@functools.lru_cache(maxsize=1)
def _data():
    d = load_data("absolute_claim.yaml")
    cats = []
    for name, c in d["categories"].items():
        patterns = [AnchoredPattern(_spaces(p)) for p in c["patterns"]]
        guard = LazyPattern(c["guard_before"], re.I) if c.get("guard_before") else None
        cats.append(_Category(name, patterns, c.get("hedge", "strong"), c["what"], c["instead"], guard))
    regs_cs = [r for r in d["regulators"] if not r.islower()]
    regs_ci = [r for r in d["regulators"] if r.islower()]
    regulators = LazyPattern(rf"\b(?:{_alt(regs_cs)}|(?i:{_alt(regs_ci)}))\b")
    meta = LazyPattern(rf"(?<![\w-])(?:{_alt(d['meta_cues'])})(?![\w-])", re.I)
    claim_verbs = (r"claim|claims|claimed|claiming|promise|promises|promised|promising|advertise|advertises|"
                   r"advertised|advertising|guarantee|guarantees|guaranteed|sell|sells|selling|market|markets|marketed")
    speech_verbs = r"say|says|said|tell|tells|told|insist|insists|insisted|offer|offers|offered|offering"
    others = r"(?:(?!(?:our|my|we|us)\b)[\w'-]+\s+){0,2}?"
    third = LazyPattern(
        rf"(?<!\bour\s)(?<!\bmy\s)(?<!\bwe\s)\b(?:{_alt(d['third_parties'])})\s+{others}(?:{claim_verbs})\b"
        rf"|\b(?:{_alt(d['third_parties_speaking'])})\s+{others}(?:{claim_verbs}|{speech_verbs})\b",
        re.I,
    )
    strong = LazyPattern(rf"(?<![\w-])(?:{_alt(d['hedges_strong'])})(?![\w-])", re.I)
    weak = LazyPattern(rf"(?<![\w-])(?:{_alt(d['hedges_weak'])})(?![\w-])", re.I)
    neg = LazyPattern(rf"(?<![\w-])(?:{_alt(d['negations'])})(?![\w-])|n't\b", re.I)
    not_neg = LazyPattern(rf"(?<![\w-])(?:{_alt(d['not_negations'])})(?![\w-])", re.I)
    pset = PatternSet((cat, pat) for cat in cats for pat in cat.patterns)
    return pset, regulators, meta, third, strong, weak, neg, not_neg


# Clause structure -----------------------------------------------------------
_STRONG_BOUNDARY = LazyPattern(
    r"[;:()\u2014\u2013]|\s-\s|,\s*(?:and|but|so|which|while|whereas|although|though|yet|or)\b"
    r"|\b(?:but|while|whereas|although|though|however|yet|unlike|because|since|whilst)\b",
    re.I,
)
_NEG_ONLY_BOUNDARY = LazyPattern(r"\band\b", re.I)
_NEGATED_SUBJECT = LazyPattern(
    r"^\W*(?:no\s+(?:\w+\s+){0,2}?(?:treatment|therapy|therapies|treatments|one|practitioner|acupuncturist|doctor|"
    r"study|studies|medicine|drug|method|approach|intervention|technique|remedy|remedies|product|clinic|evidence)|"
    r"nothing|none|neither|nobody)\b",
    re.I,
)
_WORDS = LazyPattern(r"[\w'-]+")


def _scope(sent: str, pos: int) -> str:
    """The clause text before ``pos``: back to the last strong boundary, and
    across commas only past an aside between two commas ("may, in some cases,")."""
    head = sent[:pos]
    cut = 0
    for m in _STRONG_BOUNDARY.finditer(head):
        cut = m.end()
    parts = head[cut:].split(",")
    start = len(parts) - 1
    while start >= 2 and len(_WORDS.findall(parts[start - 1])) <= 4:
        start -= 2
    return ",".join(parts[max(start, 0):])


def _negated(sent: str, pos: int, neg, not_neg) -> bool:
    if _NEGATED_SUBJECT.search(sent[:pos]) and not _STRONG_BOUNDARY.search(sent[:pos]):
        return True
    scope = _scope(sent, pos)
    cut = 0
    for m in _NEG_ONLY_BOUNDARY.finditer(scope):
        cut = m.end()
    scope = scope[cut:]
    words = _WORDS.findall(scope)
    window = " ".join(words[-8:])
    cleaned = not_neg.sub(" ", window)
    return neg.search(cleaned) is not None


def _hedged(sent: str, pos: int, end: int, level: str, strong, weak) -> bool:
    """A hedge in the clause before the claim, or inside it ("is unlikely to cure")."""
    if level == "none":
        return False
    scope = _scope(sent, pos) + " " + sent[pos:end]
    if strong.search(scope):
        return True
    return level == "any" and weak.search(scope) is not None


# Quotes, titles of works, citations -------------------------------------------
_QUOTES = LazyPattern(r'"[^"\n]{1,300}"|(?<![\w])\'[^\'\n]{1,120}\'(?![\w])')
_EMPHASIS = LazyPattern(r"(?<![\w*])(\*{1,2}|_{1,2})(?!\s)(.+?)(?<!\s)\1(?![\w*])|<(i|em|cite)\b[^>]*>(.*?)</\3>", re.S | re.I)
_WORK_CUE = LazyPattern(
    r"\b(?:book|books|novel|memoir|bestseller|best-seller|guide|documentary|film|podcast|titled|entitled|called|"
    r"author|authors|wrote|writes|written|published|publisher|press|edition|isbn|journal|chapter|article|et\s+al|"
    r"vol|pp)\b|\b(?:19|20)\d{2}\b",
    re.I,
)
_CLINICIAN = LazyPattern(
    r"\b(?:doctor|doctors|physician|physicians|GP|healthcare provider|health care provider|medical team|specialist|"
    r"specialists|neurologist|surgeon|your provider|medical care|medication|medications|surgery)\b",
    re.I,
)
_ADVICE_BEFORE = LazyPattern(
    r"\b(?:important|essential|crucial|necessary|vital|key|need|needs|must|should|first step is|goal is|best way is)\s+(?:to\s+)?$",
    re.I,
)
_QUESTION_START = LazyPattern(
    r"^\W*(?:is|are|can|could|does|do|did|will|would|should|what|how|why|when|which|who)\b", re.I)
_AFTER_DENIAL = LazyPattern(
    r"\W*(?:[\w'-]+\s+){0,2}?(?:is|are|was|were|remains?|seems?)\s+(?:rare|rarely|uncommon|unusual|unlikely|"
    r"not|never|seldom|impossible|no\b|far\s+from|a\s+myth|false|untrue)"
    r"|\W*(?:[\w'-]+\s+){0,1}?(?:isn't|aren't|wasn't|won't|doesn't|don't|rarely|seldom|never)\b"
    r"|\s+(?:nothing|no\s+(?:results?|outcomes?|cure|relief|one))\b",
    re.I,
)
_DEBUNKED_NEXT = LazyPattern(r"too good to be true|\b(?:that|this|it)(?:'s| is) (?:a myth|not true|false|untrue)\b", re.I)
_GERUND_START = LazyPattern(r"^\W*(?:\w+ing)\b", re.I)
_REF_ENTRY_START = LazyPattern(r"^\s*(?:\[\^?[\w-]+\]:?\s*|\d{1,3}[.)]\s+)?[A-Z][A-Za-z'\u2019-]+,?\s+(?:[A-Z]{1,3}\b|[A-Z]\.)")


_REPORTED_COLUMN = LazyPattern(
    r"\b(?:myths?|claims?|phrases?|wording|slogans?|avoid|false|"
    r"what\s+(?:[\w'-]+\s+){0,2}?(?:say|says|said|claim|claims|promise|promises)|"
    r"you\s+(?:may|might|will)\s+(?:see|read|hear))\b", re.I)


def _inside(spans, a: int, b: int) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= a and b <= e:
            return s, e
    return None


def _looks_like_reference(src: str) -> bool:
    words = len(src.split())
    if words > 80:
        return False
    return bool(_REF_ENTRY_START.match(src) and re.search(r"\b(?:19|20)\d{2}\b", src)) or (
        has_identifier(src) and words <= 50 and re.search(r"\b(?:19|20)\d{2}\b", src) is not None
        and not re.search(r"[.!?]\s+[A-Z][a-z]+\s+\w+\s+\w+", src[: len(src) // 2])
    )


def _quote(text: str, limit: int = 60) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


@functools.lru_cache(maxsize=16)
def _user_patterns(extra: tuple[str, ...], ignore: tuple[str, ...]):
    return (phrase_pattern(extra) if extra else None, phrase_pattern(ignore) if ignore else None)


def _candidates(text: str, active, extra_rx):
    """Claim matches in a block's text, longest first where they overlap."""
    found = []
    for cat, pat in active:
        for m in pat.rx.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), cat))
    if extra_rx is not None:
        for m in extra_rx.finditer(text):
            found.append((m.start(), m.end(), None))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out = []
    for s, e, cat in found:
        if out and s < out[-1][1]:
            continue
        out.append((s, e, cat))
    return out


def _by_sentence(text: str, cands):
    """Group block-level matches by the sentence they sit in (a match that
    runs across a sentence end is dropped)."""
    spans = sentence_spans(text)
    groups: dict[int, list] = {}
    k = 0
    for cs, ce, cat in cands:
        while k < len(spans) and spans[k][1] <= cs:
            k += 1
        if k == len(spans) or cs < spans[k][0] or ce > spans[k][1]:
            continue
        groups.setdefault(k, []).append((cs - spans[k][0], ce - spans[k][0], cat))
    return spans, groups


def check(doc, options):
    pset, regulators, meta, third, strong, weak, neg, not_neg = _data()
    extra_rx, ignore_rx = _user_patterns(tuple(options.get("extra_phrases") or ()),
                                         tuple(options.get("ignore_phrases") or ()))
    allow_hedged = options.get("allow_hedged", True)
    refs = None
    check_headings = options.get("check_headings", True)
    blocks = [(b, t, low) for b, t, low in plain_blocks(doc) if check_headings or b.kind != "heading"]
    # a claim in a comparison table is still a claim, unless its column reports
    # claims ("Myth", "What ads say", "Phrases to avoid")
    for b in doc.blocks_of("table_cell", "caption"):  # a caption under a photo is read too
        header = b.data.get("header") or ""
        if header and (meta.search(header) or _REPORTED_COLUMN.search(header)):
            continue
        if b.prose:
            t = plain(b.prose.text)
            blocks.append((b, t, t.lower()))
    actives = pset.active_per_text([low for _, _, low in blocks])
    for (block, text, _), active in zip(blocks, actives):
        prose = block.prose
        if not active and extra_rx is None:
            continue
        block_cands = _candidates(text, active, extra_rx)
        if block_cands and ("http" in text or "www." in text):  # a slug in a link is no claim
            urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
            block_cands = [c for c in block_cands if not any(us < c[1] and c[0] < ue for us, ue in urls)]
        if not block_cands:
            continue
        if in_reference_list(doc, block):
            continue
        block_src = block_source(doc, block)
        if block.kind != "heading" and _looks_like_reference(block_src):
            continue
        emphasis = None
        block_cited = has_identifier(block_src, links="sources")
        spans, groups = _by_sentence(text, block_cands)
        for k in sorted(groups):
            s, e = spans[k]
            cands = groups[k]
            sent = text[s:e]
            if sent.rstrip().endswith("?") or (block.kind == "heading" and _QUESTION_START.match(sent)):
                continue
            if k + 1 < len(spans) and _DEBUNKED_NEXT.search(text[spans[k + 1][0]:spans[k + 1][1]]):
                continue  # "There should be no more pain. Does it sound too good to be true? Yes."
            if (regulators.search(sent) and not sent.isupper()) or meta.search(sent) or third.search(sent):
                continue  # reports what a regulator or others say, or warns about claims
            a, b = prose.span(s, e)
            sent_src = doc.text[a:b]
            if has_identifier(sent_src, links="sources"):
                continue
            labels = markers_in(sent_src)
            if labels:
                if refs is None:
                    refs = references(doc)
                if refs.resolves(labels) or not refs.sections:
                    continue
            quotes = [(m.start(), m.end()) for m in _QUOTES.finditer(sent)]
            for cs, ce, cat in cands:
                phrase = sent[cs:ce]
                if ignore_rx is not None and ignore_rx.search(phrase):
                    continue
                if ignore_rx is not None and any(
                    im.start() <= cs and ce <= im.end() for im in ignore_rx.finditer(sent)
                ):
                    continue
                if _negated(sent, cs, neg, not_neg):
                    continue
                level = cat.hedge if cat is not None else "strong"
                if allow_hedged and _hedged(sent, cs, ce, level, strong, weak):
                    continue
                q = _inside(quotes, cs, ce)
                if q is not None:
                    quoted_words = len(_WORDS.findall(sent[q[0]:q[1]]))
                    if quoted_words <= 6 or _WORK_CUE.search(sent):
                        continue
                if cat is not None and cat.guard is not None:
                    if cat.name == "cure":  # the search for a cure, not a promise of one
                        cure_at = [m.start() for m in re.finditer(r"\bcur(?:e|es|ed|ing)\b", phrase, re.I)]
                        if cure_at and cat.guard.search(sent[: cs + cure_at[-1]]):
                            continue
                    elif cat.guard.search(sent[:cs]):
                        continue
                if _AFTER_DENIAL.match(sent, ce):  # "complete relief is rare"
                    continue
                if cat is not None and cat.name == "proven" and block_cited:
                    continue
                if cat is not None and cat.name == "root-cause":
                    before = sent[:cs]
                    if _CLINICIAN.search(_scope(sent, cs)) or _ADVICE_BEFORE.search(before):
                        continue
                    if not before.strip() and _GERUND_START.match(phrase):
                        continue
                start, end = prose.span(s + cs, s + ce)
                # a title of a work: emphasised or quoted, in a sentence about a book or paper
                if phrase[:1].isupper() and (_WORK_CUE.search(sent) or q is not None):
                    if emphasis is None:
                        base = doc.line_start(block.line)
                        emphasis = [(base + m.start(), base + m.end()) for m in _EMPHASIS.finditer(block_src)]
                    if _inside(emphasis, start, end) or q is not None or re.search(
                        r"\b(?:book|novel|memoir|titled|entitled|called)\b", sent, re.I
                    ):
                        continue
                what = cat.what if cat is not None else "is an absolute claim"
                instead = cat.instead if cat is not None else '"may help ..."'
                shown = _quote(phrase)
                yield Finding(
                    start,
                    end,
                    f'"{shown}" {what}. {WHY} Say what the evidence supports and for whom, e.g. {instead}.',
                    suggestion=f"Instead of \"{shown}\", write hedged wording such as {instead}.",
                    data={"category": cat.name if cat is not None else "extra"},
                )
