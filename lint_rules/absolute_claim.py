r"""Wording that promises a certain outcome or absolute safety ("cures", "no side effects", "pain-free life").

## What it finds
Claims, in the body and in titles, headings, list items and table cells, that
no honest health article can make. Two analyses find them:

- phrases that are claims wherever they stand: cures ("acupuncture cures
  migraines"), guarantees ("guaranteed results", "works for everyone"),
  permanent or complete relief ("a pain-free life", "eliminates pain"),
  absolute safety ("no side effects", "risk-free", "safe and effective"),
  hype ("miracle", "stunning relief", "instant relief"), proof without a
  source ("clinically proven", "proven techniques") and claims to fix "the
  root cause";
- the structure of a sentence, as clinical text mining reads it: a claim cue
  (cure, heal, eliminate, reverse and rebuild verbs; efficacy verbs with an
  intensifier, "successfully treats", "greatly improves"; "effective against";
  "as effective as morphine", "can replace your medication", "without the
  side effects of drugs", "works better than gabapentin" (a drug known by
  its generic-name stem), "no longer need antacids", "calms anxiety without
  medication"; "into remission"; "the only way to", "always leads to",
  "doubles your chances"; "is safe", "is safe, painless and drug-free")
  about a treatment (the sentence's subject, a plural one before the verb's
  base form, "it", a product with its potency, a home remedy, or the
  article's own subject from its title) acting on a condition, symptom or
  body system (the lexicons of `claims_lexicon.yaml`, plurals and verb forms
  included); gain verbs ("boosts", "restores") on the targets that make them
  claims ("the immune system", "fertility"). A bullet that is only a claim
  ("Stops hot flushes") counts;
- outcomes stated with the condition or the patient as subject after a
  treatment ("after two sessions the pain disappears completely", "the
  knots never come back", "most babies settle completely").

The message says what kind of claim it is (cure, efficacy stated as fact,
superiority over standard care, remission, certainty, safety) and how strong:
a direct causal claim ("treats"), a conditional one ("can replace") or a
promise ("will end"), after the claim-strength levels of Yu et al. (2019).
Each finding carries a suggestion: a hedged alternative the writer can adapt.
The text is never rewritten automatically. One claim gives one finding.

Not findings: negations and hedges in the claim's scope, with the
trigger-and-scope model of NegEx and ConText and the hedge cues of BioScope
("it is not a cure", "no evidence that it cures", "may help some people",
"can help"; "helps" softens an efficacy claim but not a cure), questions,
warnings about claims ("be wary of anyone who promises a cure"), claims
reported from others or a regulator, claims quoted to be refuted ("Myth:
...", "Some sites claim X; it does not", a section headed "Common myths", a
list under "CBD won't:"), titles of books and products in links, italics and
citations, quotations, claims backed in the same sentence by a citation,
reference lists, statements about a condition rather than a treatment ("most
nosebleeds are harmless", "sprains heal completely within six weeks"),
conventional care described as it is ("ice reduces swelling"), certainty
about a diagnosis ("the only way to know for sure is a blood test"), nouns
that look like cue verbs ("Remedies for a cold"), a cure verb's other senses
("dissolves in hot drinks"), quotations framed as a label's or seller's
words and bullets all in quotes, a shop's "risk-free" terms, text that a
leftover rule reports, and articles (or paragraphs of long articles) that
are not about health at all ("this guarantees a stable build", a gardening
article whose tree "stops infection"). A negation's scope ends with its
sentence: a heading "X is not a cure" governs no list below it, while
"## What X cannot do" does. Hype words such as "miracle" and "guaranteed"
are flagged even after a hedge: "may be a miracle cure" still promises one.

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
- flagged: `Cupping successfully treats anxiety.`
- flagged: `Omega-3 is effective against arthritis.`
- flagged: `Acupuncture is as effective as morphine for back pain.`
- flagged: `The ointment sends psoriasis into lasting remission.`
- flagged: `Eczema can be healed with this cream.`
- flagged (md): `# Permanent Relief From Sciatica\n\nMany people live with sciatica.`
- flagged: `Regular cupping sessions prevent running injuries.`
- flagged: `Our cold laser works better than pregabalin for nerve pain.`
- flagged: `After two treatments, the knots never come back.`
- flagged: `It is safe, painless and drug-free.`
- not flagged: `While it is not a cure, acupuncture may ease some symptoms.`
- not flagged: `There is no cure for ALS, but care can improve comfort.`
- not flagged: `Acupuncture may help relieve neck pain for some people.`
- not flagged: `There is no evidence that cupping cures anxiety.`
- not flagged: `Be wary of any clinic that promises a cure.`
- not flagged: `Can acupuncture cure neuropathy?`
- not flagged: `The FTC warns sellers not to call a product "risk-free" without evidence.`
- not flagged: `Some sites claim that cupping cures anxiety; it does not.`
- not flagged: `Most nosebleeds are harmless.`
- not flagged: `The only way to know for sure is a blood test.`
- not flagged: `Try the pillow risk-free with our 30-day money-back guarantee.`

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

import bisect
import functools
import re

from acu_lint.model import Finding
from lint_rules._claims import (
    CLAUSE_BOUNDARY,
    AnchoredPattern,
    PatternSet,
    TermIndex,
    tokens,
    block_source,
    clause_before,
    has_identifier,
    health_article,
    has_health_terms,
    hedge_cue,
    in_reference_list,
    inside,
    looks_like_reference,
    markers_in,
    myth_section,
    negated,
    negated_lead_in,
    plain,
    plain_blocks,
    quote_spans,
    references,
    refutation_label,
    refuted_by_next,
    reported,
    sentence_spans,
    title_spans,
    url_spans,
    alternation,
    lowercase_twin,
)
from lint_rules._common import LazyPattern, LiteralIndex, case_exotic, load_data, phrase_pattern
from lint_rules._leftovers import leftover_lines, memo

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
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=lambda w: (-len(w), w)))


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
    # one automaton pass per block finds the phrase patterns' literals and the cue words of the
    # sentence analysis alike (on the block's text with punctuation made spaces)
    pset = PatternSet(((cat, pat) for cat in cats for pat in cat.patterns), extra=_lexicon().cue_literals,
                      table=_SPACE_PUNCT)
    return (pset,)  # a tuple: tools/gen_rule_data.py reads the pattern set as _data()[0]


def _hedged(sent: str, pos: int, end: int, level: str) -> bool:
    """A hedge in the clause before the claim, or inside it ("is unlikely to cure")."""
    if level == "none":
        return False
    return hedge_cue(sent, pos, end, weak=(level == "any")) is not None


# Quotes, titles of works, citations -------------------------------------------
_WORK_CUE = LazyPattern(
    r"\b(?:book|books|novel|memoir|bestseller|best-seller|guide|documentary|film|podcast|titled|entitled|called|"
    r"author|authors|wrote|writes|written|published|publisher|press|edition|isbn|journal|chapter|article|et\s+al|"
    r"vol|pp)\b|\b(?:19|20)\d{2}\b",
    re.I,
)
_TITLE_WORD = LazyPattern(r"\b(?:book|novel|memoir|titled|entitled|called)\b", re.I)
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
    r"^\W*(?:is|are|can|could|does|do|did|will|would|should|what|how|why|when|where|which|who)\b", re.I)
_GERUND_START = LazyPattern(r"^\W*(?:\w+ing)\b", re.I)
_CURE_WORD = LazyPattern(r"\bcur(?:e|es|ed|ing)\b", re.I)
_WORD_RUN = LazyPattern(r"[\w'-]+")

_REPORTED_COLUMN = LazyPattern(
    r"\b(?:myths?|claims?|phrases?|wording|slogans?|avoid|false|"
    r"what\s+(?:[\w'-]+\s+){0,2}?(?:say|says|said|claim|claims|promise|promises)|"
    r"you\s+(?:may|might|will)\s+(?:see|read|hear))\b", re.I)


def _quote(text: str, limit: int = 60) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


@functools.lru_cache(maxsize=16)
def _user_patterns(extra: tuple[str, ...], ignore: tuple[str, ...]):
    return (phrase_pattern(extra) if extra else None, phrase_pattern(ignore) if ignore else None)


def _candidates(text: str, low: str, active, extra_rx):
    """Phrase-cue matches in a block's text, longest first where they overlap
    (``low``: the text in lower case; an ASCII text is matched in that form,
    without case folding, which finds the same matches faster)."""
    found = []
    ascii_text = text.isascii()
    for cat, pat in active:
        rx = pat.rx_low if ascii_text else None
        for m in (rx.finditer(low) if rx is not None else pat.rx.finditer(text)):
            if m.end() > m.start():
                found.append((m.start(), m.end(), cat))
    if extra_rx is not None:
        for m in extra_rx.finditer(text):
            found.append((m.start(), m.end(), None))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    # overlapping matches are all kept: when the longest is excused (a hedge before "be a
    # miracle cure"), a shorter one that no hedge rescues ("miracle") still counts
    return found


# Sentence analysis ---------------------------------------------------------------
# A claim found by structure rather than by phrase: a cue (cure verb, efficacy
# verb with an intensifier, efficacy adjective, comparison with standard care,
# certainty, safety) about a treatment (the sentence's subject, a pronoun, or
# the article's own subject from its title) acting on a condition or body system.

class _Claim:
    __slots__ = ("start", "end", "kind", "strength")

    def __init__(self, start, end, kind, strength):
        self.start, self.end, self.kind, self.strength = start, end, kind, strength


_KINDS = {
    # kind: (what it is, the hedged alternative)
    "cure": ("states a cure or the end of a disease as fact",
             '"may help relieve symptoms of ..." (and, where it is true, "it is not a cure")'),
    "remission": ("promises remission or reversal of the disease",
                  '"some people find their symptoms ease for a while"'),
    "efficacy": ("states that a treatment works as a fact, with no hedge",
                 '"may help ease ... for some people" and name the evidence'),
    "certainty": ("states certainty or completeness that no treatment can promise",
                  '"may help some people" or "results vary from person to person"'),
    "superiority": ("claims to equal, beat or replace standard medical care",
                    '"may be used alongside the care your doctor recommends"'),
    "safety": ("promises safety without qualification",
               '"is generally safe when used as directed; ask your doctor if it suits you"'),
}
_STRENGTH = {
    "direct": "a direct causal claim",
    "conditional": "a conditional causal claim",
    "promise": "a promise about the future",
}


def _inflect(lemma: str) -> set[str]:
    """The forms of a verb lemma: cure -> cure, cures, cured, curing; rid ->
    rids, ridding; a phrasal verb inflects its first word ("wipe out")."""
    head, sep, rest = lemma.partition(" ")
    tail = sep + rest
    forms = {head}
    if head.endswith("e"):
        forms |= {head + "s", head + "d", head[:-1] + "ing"}
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms |= {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {head + "es", head + "ed", head + "ing"}
    elif len(head) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", head):
        forms |= {head + "s", head + head[-1] + "ed", head + head[-1] + "ing"}
        if head in ("rid",):
            forms.add(head)
    else:
        forms |= {head + "s", head + "ed", head + "ing"}
    if head == "take":
        forms |= {"took", "taken"}
    if head == "fight":
        forms.add("fought")
    if head == "get":
        forms |= {"gets", "got", "getting", "gotten"}
    if head == "overcome":
        forms.add("overcame")
    return {f + tail for f in forms}


def _noun_rx(words) -> str:
    """An alternation of nouns with their plurals ("ulcer" -> ulcers, "flush" -> flushes)."""
    return alternation(_noun_forms(words))


def _noun_forms(words) -> set[str]:
    """Nouns with their plurals ("ulcer" -> ulcers, "flush" -> flushes)."""
    forms = set()
    for w in words:
        w = w.lower()
        forms.add(w)
        if w.endswith(("s", "sh", "ch", "x")):
            forms.add(w + "es")
        elif w.endswith("y") and w[-2:-1] not in "aeiou":
            forms.add(w[:-1] + "ies")
        else:
            forms.add(w + "s")
    return forms


class _Lexicon:
    """The compiled lexicons of the sentence analysis (built once, on first use)."""

    def __init__(self):
        d = load_data("claims_lexicon.yaml")
        cues = d["cues"]
        self.kind_of: dict[str, str] = {}
        self.lemmas = frozenset(cues["cure_verbs"]) | frozenset(cues["efficacy_verbs"]) | frozenset(cues["benefit_verbs"])
        for lemma in cues["cure_verbs"]:
            for f in _inflect(lemma):
                self.kind_of[f] = "cure"
        for lemma in cues["efficacy_verbs"]:
            for f in _inflect(lemma):
                self.kind_of.setdefault(f, "efficacy")
        for lemma in cues["benefit_verbs"]:
            for f in _inflect(lemma):
                self.kind_of.setdefault(f, "benefit")
        # each lexicon's forms and alternation are built once (the build is paid by every run)
        forms = {key: _noun_forms(d[key]) for key in ("conditions", "body_parts", "treatments", "standard_care")}
        target_forms = _noun_forms(cues["claim_targets"])
        self.claim_target = TermIndex(target_forms)
        self.target_verbs = frozenset(f for lemma in cues["claim_target_verbs"] for f in _inflect(lemma))
        for f in self.target_verbs:
            self.kind_of.setdefault(f, "benefit")
        self.lemmas = self.lemmas | frozenset(cues["claim_target_verbs"])
        self.verb = TermIndex(self.kind_of)
        self.intensifier = TermIndex(cues["intensifiers"])
        self.intensifier_words = frozenset(w for i in cues["intensifiers"] for w in i.split())
        adjectives = alternation(cues["efficacy_adjectives"])
        degree = alternation(cues["degree"])
        self.adjective = LazyPattern(rf"(?<![\w-])(?:(?:{degree})\s+)?(?:{adjectives})(?![\w-])", re.I)
        self.degree = LazyPattern(rf"^(?:{degree})\b", re.I)
        self.condition = TermIndex(forms["conditions"])
        self.body = TermIndex(forms["body_parts"])
        self.treatment = TermIndex(forms["treatments"])
        self.standard_care = TermIndex(forms["standard_care"])
        care = alternation(forms["standard_care"])
        # a drug named by its generic name: the USAN/INN stems of common prescription drugs
        # ("gabapentin", "omeprazole", "atorvastatin", "sumatriptan", "ibuprofen")
        self.drug = LazyPattern(
            r"\b[a-z]{2,}(?:gabalin|pentin|prazole|statin|triptan|profen|oxacin|cillin|mycin|cycline|azepam|"
            r"azolam|olol|pril|sartan|dipine|tidine|setron|codone|morphone|fenac|coxib|gliptin|glitazone|formin|"
            r"oxetine|triptyline|ipramine|afil|lukast|sone|olone|mab|nib|vir|thyroxine)\b",
            re.I)
        self.superiority = LazyPattern(
            rf"\b(?:(?:at\s+least\s+|just\s+)?as\s+(?:effective|good|powerful|strong|potent)\s+as"
            rf"|(?:more|better|stronger)\s+(?:effective\s+|powerful\s+)?than"
            rf"|works?\s+better\s+than|outperform(?:s|ed|ing)?"
            rf"|(?:instead\s+of|in\s+place\s+of|replac(?:e|es|ing)|substitute\s+for|no\s+need\s+for)\s+(?:[\w'-]+\s+){{0,4}}?(?:{care})"
            rf"|no\s+longer\s+(?:need|needs|require|requires|have\s+to\s+take)\s+(?:[\w'-]+\s+){{0,4}}?(?:{care})"
            rf"|without\s+(?:the\s+|any\s+(?:of\s+the\s+)?)?(?:side[-\s]effects|risks|dangers)\s+of)\b",
            re.I,
        )
        # "calms anxiety without medication": a plain-fact claim that does without standard care
        self.without_care = LazyPattern(
            rf"\s+without\s+(?:the\s+need\s+for\s+|the\s+use\s+of\s+|any\s+|the\s+)?(?:[\w'-]+\s+)?(?:{care})\b", re.I)
        # "doubles your chances of conceiving"
        self.multiplier = LazyPattern(
            r"\b(?:doubles?|doubled|doubling|triples?|tripled|tripling|quadruples?|quadrupled)\s+"
            r"(?:your|the|their|her|his|a\s+woman's|a\s+couple's)\s+(?:chances?|odds|success\s+rates?|likelihood)\b",
            re.I)
        cond_alt = alternation(forms["conditions"])
        # the result with the condition or the patient as subject: "the pain disappears
        # completely", "most babies settle completely", "the knots never come back"
        self.outcome = LazyPattern(
            rf"(?<![\w-])(?:{cond_alt}|patients|babies|infants|toddlers|children|kids|clients|sufferers|you|it|they)"
            r"\s+(?:[\w'-]+\s+){0,2}?"
            r"(?:(?P<gone>(?:disappear|vanish|fade|settle|subside|resolve|heal|recover|clear\s+up|melt\s+away|go\s+away|lift)"
            r"(?:s|es|ed|d)?|goes\s+away|went\s+away|(?:is|are|was|were|will\s+be|stays?)\s+gone)"
            r"\s+(?:[\w'-]+\s+){0,1}?(?:completely|entirely|totally|fully|for\s+good|forever|permanently|for\s+life|"
            r"overnight|instantly|immediately|once\s+and\s+for\s+all)"
            r"|(?P<back>(?:never|won't|will\s+not|does\s+not|doesn't|do\s+not|don't|no\s+longer)\s+(?:ever\s+)?"
            r"(?:return|returns|come\s+back|comes\s+back|recur|recurs|grow\s+back|grows\s+back)))(?![\w-])",
            re.I)
        self.outcome_words = frozenset(
            "completely entirely totally fully good forever permanently life overnight instantly immediately "
            "return returns back recur recurs".split())
        self.work_after_only = LazyPattern(
            r"\s+(?:(?:for\s+)?sure|know|tell|find\s+out|be\s+sure|be\s+certain|confirm|diagnose|check|rule\s+out|"
            r"test|see|learn|measure|get\s+a\s+diagnosis|identify|detect|spot|find)\b", re.I)
        self.certainty = LazyPattern(
            r"\b(?:the\s+only\s+(?:real\s+|true\s+)?(?:way|treatment|thing|solution|option|method|remedy|cure)\s+(?:to|for|that)"
            r"|always\s+(?:results?\s+in|leads?\s+to|works?|helps?|improves?|brings?)"
            r"|(?:every|all)\s+(?:aspects?\s+of\s+(?:your|their|his|her|our)\s+health|health\s+(?:problems?|issues?|conditions?)"
            r"|(?:sorts\s+of\s+|kinds\s+of\s+|types\s+of\s+)?(?:ailments|diseases|illnesses|disorders))"
            r"|all\s+(?:the\s+)?(?:micro)?nutrients\s+(?:it|you|your\s+body)\s+needs?"
            r"|(?:into|in)\s+(?:lasting\s+|long-term\s+|complete\s+|full\s+|permanent\s+)?remission"
            r"|ensures?\s+(?:that\s+)?(?:your|the|you|it|infrared|these|this|they)\b)",
            re.I,
        )
        self.safety = LazyPattern(
            r"\b(?:is|are|'s|'re)\s+(?:completely\s+|totally\s+|perfectly\s+|very\s+|entirely\s+)?safe"
            r"(?:\s+to\s+use|\s+for\s+(?:you|everyone|anyone|all|children|kids|pregnant))?\b"
            r"|\b(?:is|are)\s+safe\b",
            re.I,
        )
        # a word that means the claim speaks of the writer's hope or of a purpose, not a result
        self.purpose = LazyPattern(
            r"\b(?:to|help|helps|helped|helping|can|could|may|might|should|would|aim|aims|designed|intended|try|trying|"
            r"want|wants|hope|hopes|goal|order|if|whether|unless|when|how)\s+(?:[\w'-]+\s+)?$",
            re.I,
        )
        self.after_intensifier = LazyPattern(
            r"\s+(?:[\w'-]+\s+){0,2}?(?:completely|totally|fully|entirely|permanently|immediately|instantly|for\s+good|"
            r"forever|overnight|for\s+life|once\s+and\s+for\s+all)\b",
            re.I)
        # "rids your body of toxins", "clears the system of", "cancer-fighting"
        self.purge = LazyPattern(
            r"\b(?:rid|rids|ridding|clear|clears|clearing|cleanse|cleanses|cleansing|flush|flushes|flushing|purge|purges|"
            r"free|frees|freeing)\s+(?:your|the|their|our|his|her|a)\s+(?:body|system|blood|liver|gut|skin|colon|cells|organs)\s+of\b"
            rf"|(?<![\w-])(?:{cond_alt})-(?:fighting|busting|killing|curing|healing|reversing|beating)\b",
            re.I)
        # "you don't have to live with fibromyalgia pain": a promise that holds its own negation
        self.no_more = LazyPattern(
            r"\b(?:don't|do\s+not|won't|will\s+not|no\s+longer|never)\s+(?:have|need)\s+to\s+"
            r"(?:live\s+with|suffer(?:\s+from|\s+with)?|put\s+up\s+with|deal\s+with|take)\b",
            re.I)
        self.cure_purpose = LazyPattern(
            r"\b(?:to|aim|aims|designed|intended|try|trying|want|wants|hope|hopes|order|if|whether|unless|how|so)\s+"
            r"(?:[\w'-]+\s+){0,2}$",
            re.I)
        self.conditional = LazyPattern(r"\b(?:can|could|is\s+able\s+to|are\s+able\s+to)\b", re.I)
        self.future = LazyPattern(r"\b(?:will|'ll|going\s+to)\b", re.I)
        self.verb_words = frozenset(f.split()[0] for f in self.kind_of)
        self.adjective_words = frozenset(cues["efficacy_adjectives"])
        self.superiority_words = frozenset(
            "than instead replace replaces replacing substitute outperform outperforms outperformed place without as "
            "need".split())
        self.certainty_words = frozenset("only always every all remission ensure ensures".split())
        self.multiplier_words = frozenset("double doubles doubled doubling triple triples tripled tripling quadruple "
                                          "quadruples quadrupled".split())
        self.purge_words = frozenset(
            "rid rids ridding clear clears clearing cleanse cleanses cleansing flush flushes flushing purge purges "
            "free frees freeing".split())
        self.superiority_words = self.superiority_words | {"longer"}
        self.structure_words = self.superiority_words | self.certainty_words | self.purge_words | {"safe", "have"} \
            | self.multiplier_words | self.outcome_words
        # the literal prefilter: a sentence is analysed only when one of these occurs in it
        # (a benefit verb alone is no claim: its literal is the intensifier it needs)
        # whole words: the text is matched as " words with punctuation made spaces " (" heal " is not "health")
        literals = {f" {f} " for f, kind in self.kind_of.items() if kind == "cure"}
        # an efficacy verb is a claim as a plain third-person fact ("treats") or with an intensifier
        literals |= {f" {f} " for f, kind in self.kind_of.items() if kind == "efficacy" and f.split()[0].endswith("s")}
        literals |= {f" {w} " for w in cues["intensifiers"]} | {f" {w} " for w in cues["efficacy_adjectives"]}
        # a plural subject right before the base form: "sessions prevent injuries", "formulas dissolve"
        literals |= {f"s {f} " for f, kind in self.kind_of.items() if kind == "efficacy" and f in self.lemmas}
        # a benefit verb is a claim as plain fact on a claim target ("boosts the immune system")
        literals |= {f" {t}" for t in target_forms}
        # superiority by a drug's generic name, outcomes with the condition as subject, multipliers
        literals |= {"no longer need", "no longer require", "without medic", "without drug", "without pill",
                     "without surgery", "without painkill", "without antibio", " never return", " never come back",
                     " never comes back", "won't come back", "won't return", "not return", "not come back",
                     "n't come back", "n't return", " never recur", " doubles ", " double your", " triples ",
                     " quadruples "}
        literals |= {
            # superiority
            "better than", "effective than", "stronger than", "powerful than", "as effective as", "as good as",
            "as powerful as", "as strong as", "as potent as", "instead of", "in place of", "replac", "substitute",
            "outperform", "no need for", "without the side", "without any side", "without side", "without the risk",
            "without any risk", "without the danger", "without the harm",
            # certainty and remission
            "remission", "the only ", "always", "ensures", "ensure that", "every aspect", " all aspect", "every health",
            " all health", " all ailments", " all diseases", " all illnesses", " all disorders", " all sorts of",
            " all kinds of", " all types of", " all the micro", " all the nutri", " all micro", " all nutri",
            # safety
            "is safe", "are safe", "'s safe", "'re safe", "ly safe", "very safe",
            # purge and compounds
            "body of", "system of", "blood of", "liver of", "gut of", "skin of", "colon of", "cells of", "organs of",
            "-fight", "-kill", "-bust", "-curing", "-healing", "-revers", "-beat",
            # promises that hold their own negation
            "have to live", "have to suffer", "have to put", "have to deal", "have to take", "need to live",
            "need to suffer", "need to take",
        }
        # ... and every structural claim names a condition, body part, treatment or standard care
        terms = forms["conditions"] | forms["body_parts"] | forms["treatments"] \
            | set(d["standard_care"])
        terms = {t for t in terms if len(t) >= 3} | {"health"}
        # two indexes: the cues (rare words: most blocks hold none, and a block without
        # one is never analysed) and the terms (common words, looked up only where a cue is)
        self.cue_literals = frozenset(literals)
        self.cues = LiteralIndex(literals)
        self.terms = LiteralIndex(" " + t for t in terms)  # at a word start ("tea" is not "instead")

    @staticmethod
    def padded(low: str) -> str:
        """A lower-case text with punctuation made spaces, between spaces (whole words match " cure ")."""
        return " " + low.translate(_SPACE_PUNCT) + " "

    def worth(self, low: str, text: str = "", subject=None) -> bool:
        """Whether a text (``low`` is its lower-case form) may hold a structural
        claim: a cue, and a term or the article's own subject."""
        padded = self.padded(low)
        if not self.cues.mask(padded):
            return False
        return bool(self.terms.mask(padded)) or (subject is not None and subject.search(text) is not None)


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon()


_SUBJECT_PRONOUN = LazyPattern(r"(?<![\w-])(?:it|this|these|its|it's)(?![\w-])", re.I)
_IMPERATIVE_OR_BULLET = LazyPattern(r"^\W*(?:[A-Z][\w-]*(?:\s+[\w-]+){0,3}\s*:\W*)?$")
_BULLET_LINE = LazyPattern(r"^\s*(?:[\\*\u2022\u25aa\u2013-]+\s*)+(?:\*\*|__)?\s*$")
_NON_HEALTH_SUBJECT = LazyPattern(
    r"\b(?:code|build|server|software|app|update|function|method\s+call|query|cluster|pod|service|script|test|"
    r"warranty|refund|delivery|shipping|price|account|password|data)\b", re.I)


def _article_subject(doc) -> TermIndex | None:
    """The article's own subject: the longer words of its title that name no
    condition ("Ivan Chai", "Flexion-Distraction Therapy"), as a pattern."""
    def compute():
        title = doc.title
        if title is None or not title.prose:
            return None
        lex = _lexicon()
        t = plain(title.prose.text)
        t = lex.condition.sub(" ", t)
        words = {w.lower() for w in _WORD_RUN.findall(t) if len(w) >= 4 and w[0].isupper()} - _TITLE_STOP
        if not words:
            return None
        return TermIndex(words)  # matched word by word: no regex compiled per document

    return memo(doc, "absolute-claim.subject", compute)


_NOUN_ING_NEXT = LazyPattern(
    r"\s*(?:$|[,.;:!?)\"']|(?:and|or|of|is|are|was|power|powers|process|properties|benefits?|effects?|journey|time|"
    r"response|abilit\w+|capacit\w+|energy|touch|arts?|practices?|traditions?|modalit\w+|systems?|techniques?|"
    r"methods?|crisis|centre|center|clinic|session|sessions|phase|stage|naturally)\b)", re.I)
_NOUN_ING_BEFORE = LazyPattern(r"(?:\b(?:natural|own|inner|deep|self|the|body's|its|innate)|'s)\s+$", re.I)
_OBJECT_START = LazyPattern(
    r"\s+(?:the|your|their|his|her|its|our|all|any|every|chronic|acute|severe|most|many|a|an|these|those)\b", re.I)
_AIMED = LazyPattern(
    r"\s+(?:against|for|in\s+(?:treating|reducing|relieving|fighting|preventing|suppressing|curing|healing)|"
    r"at\s+(?:treating|reducing|relieving))\b", re.I)
_EFFECT_NOUN = LazyPattern(
    r"\W+(?:(?:and|or)\s+)?(?:[\w-]+\s+){0,2}?(?:alternative|option|treatment|therapy|remedy|supplement|way|system|"
    r"measure|preventative|preventive|cure|medicine|solution|method|approach|technique|tool|relief|weight\s+loss|"
    r"pain\s+relief|detox)\b", re.I)
_PREDICATE = LazyPattern(r"\b(?:is|are|was|were|'s|'re|be|been|being|become|becomes|proves?|seems?)\s+(?:\w+\s+)?$", re.I)
_CAN_BE = LazyPattern(r"\b(?:can|could|may|might)\s+(?:also\s+|often\s+)?be\s+(?:a\s+|an\s+)?(?:[\w-]+,?\s+){0,3}$", re.I)
_TOPIC_HEADING = LazyPattern(r"^\W*(?:\w+ing|how|why|what|when|where|which|who|is|are|can|does|do|should|will)\b", re.I)


_TITLE_STOP = frozenset(
    "what when where which with your this that from into does best ways ways guide help helps health benefits "
    "about more most than them they their there these those have will natural naturally top review reviews "
    "treatment treatments therapy relief facts myth myths truth how why tips".split())


_NEWLINE = LazyPattern(r"\n")
_WHOLE_QUOTE = LazyPattern(r'^[\s*_]*"[^"]{3,}"[\s*_.,;!]*$')
_ANY_WORD = LazyPattern(r"\w")
_OBJECT_WORD = LazyPattern(
    r"\s+(?!(?:if|when|and|or|to|for|in|on|at|with|after|before|by|as|than|so|because|while|until|up|out|down)\b)"
    r"[a-z][\w-]*(?<!ing)\b", re.I)  # "stops working" is the treatment's own failure
_PASSIVE = LazyPattern(r"\b(?:can|will|could)\s+(?:\w+\s+)?be\s+(?:\w+ly\s+)?$", re.I)
_BY_MEANS = LazyPattern(r"\s+(?:by|with|through|using|after)\b", re.I)
_SO_THAT = LazyPattern(r"\bso\s+(?:that\s+)?\w+\s+(?:can|will|could)\b", re.I)
_TO_ONLY = LazyPattern(r"^\W*to\s+$", re.I)
_NOUN_USE = LazyPattern(r"\s+(?:for|of)\b(?!\s+(?:good|life|ever|all)\b)", re.I)
_OBJECT_STOP = LazyPattern(
    r"[,;:()]|\s(?:in|on|at|into|within|during|after|before|when|while|because|if|than|as|by|so)\s", re.I)
_CONDITIONAL = LazyPattern(r"\b(?:if|unless|whether|when)\b", re.I)
_ADVERB = r"(?:also|often|gently|naturally|quickly|really|actually|simply|safely|regularly|effectively|rapidly|even)"
_PLURAL_BEFORE = LazyPattern(rf"([\w'-]+)\s+(?:{_ADVERB}\s+)?$", re.I)


def _plural_subject(sent: str, pos: int) -> bool:
    """The word before a verb's base form (an adverb skipped) is a plural
    treatment: "regular sessions prevent", "our formulas dissolve"."""
    m = _PLURAL_BEFORE.search(sent, max(0, pos - 40), pos)
    if m is None:
        return False
    word = m.group(1)
    return word.lower().endswith("s") and _lexicon().treatment.search(word) is not None


_HOW_TO = LazyPattern(r"\b(?:when|how|whether|where)\s+to\s+(?:[\w'-]+\s+)?$", re.I)
_SPACE_PUNCT = str.maketrans({c: " " for c in ".,;:!?\"()[]{}*_/\u2014\u2013"})
_PAREN = LazyPattern(r"\([^()]{0,120}\)")


_PURGE_SUFFIXES = ("-fighting", "-busting", "-killing", "-curing", "-healing", "-reversing", "-beating")


def _since_boundary(sent: str, pos: int) -> str:
    """The text before ``pos`` back to the last clause terminator (commas do not end it)."""
    cut = 0
    for m in CLAUSE_BOUNDARY.finditer(sent, 0, pos):
        cut = m.end()
    return sent[cut:pos]


def _find_claims(sent: str, low: str, subject, block_kind: str, line_starts=(), context: str = "") -> list[_Claim]:
    """Claims found by the sentence's structure (see the module docstring).
    ``line_starts``: offsets in ``sent`` where a source line begins (a
    paragraph of lines that start with a bullet is a list, too); ``context``: the
    text of the paragraph before the sentence (a treatment named there is what
    "the pain disappears completely" is about)."""
    lex = _lexicon()
    out: list[_Claim] = []
    words = set(tokens(sent)[2])
    verbs = not words.isdisjoint(lex.verb_words)
    adjectives = not words.isdisjoint(lex.adjective_words)
    if not (verbs or adjectives or not words.isdisjoint(lex.structure_words) or "-" in sent):
        return out
    cond = lex.condition.search(sent) or lex.body.search(sent)
    sent_low = sent.lower() if sent.isascii() else None

    def scan(rx):
        """``rx.finditer(sent)``; an ASCII sentence is scanned in lower case without case folding."""
        if sent_low is not None:
            twin = lowercase_twin(rx)
            if twin is not None:
                return twin.finditer(sent_low)
        return rx.finditer(sent)

    def bullet(pos: int) -> bool:
        """The words before ``pos`` are only a bullet or a label ("Stops hot flushes", "**Acne:** clears spots")."""
        if block_kind in ("list_item", "heading", "table_cell") and _IMPERATIVE_OR_BULLET.match(sent[:pos]):
            return True
        line = max((ls for ls in line_starts if ls <= pos), default=None)
        return line is not None and _BULLET_LINE.match(sent[line:pos]) is not None

    bare = _PAREN.sub(lambda m: " " * len(m.group(0)), sent) if "(" in sent else sent  # asides in brackets

    def has_subject(pos: int) -> bool:
        before = clause_before(bare, pos)
        whole = bare[:pos]
        if not CLAUSE_BOUNDARY.search(whole):  # commas around an apposition do not end the subject
            before = whole
        if lex.treatment.search(before) or _SUBJECT_PRONOUN.search(before):
            return True
        if subject is not None and subject.search(before):
            return True
        return bullet(pos)

    def strength(pos: int) -> str:
        before = clause_before(sent, pos)
        if lex.future.search(before):
            return "promise"
        if lex.conditional.search(before):
            return "conditional"
        return "direct"

    # comparisons with standard care: "as effective as morphine", "instead of your medication"
    for m in (scan(lex.superiority) if not words.isdisjoint(lex.superiority_words) else ()):
        # the comparator must be standard care ("than sham acupuncture" compares with a placebo)
        comparator = " ".join(sent[m.end():m.end() + 60].split()[:4])
        if lex.standard_care.search(m.group(0)) or lex.standard_care.search(comparator) \
                or lex.drug.search(comparator):
            if has_subject(m.start()) or lex.treatment.search(sent):
                out.append(_Claim(m.start(), m.end(), "superiority", strength(m.start())))
    # certainty and completeness: "the only way to", "always results in", "every aspect of their health"
    for m in (scan(lex.certainty) if not words.isdisjoint(lex.certainty_words) else ()):
        word = m.group(0).lower()
        if word.startswith(("into", "in ")):
            out.append(_Claim(m.start(), m.end(), "remission", strength(m.start())))
        elif word.startswith("ensure"):
            if _ANY_WORD.search(sent, 0, m.start()) and not bullet(m.start()) and has_subject(m.start()) and not lex.purpose.search(sent[:m.start()]) and (cond or "safe" in low):
                out.append(_Claim(m.start(), m.end(), "certainty", strength(m.start())))
        elif cond or "health" in word or "ailment" in word or "disease" in word or "health" in low:
            if word.startswith("the only") and lex.work_after_only.match(sent, m.end()):
                continue  # "the only way to know for sure is a blood test": certainty about a diagnosis
            if word.startswith("the only") or has_subject(m.start()):
                out.append(_Claim(m.start(), m.end(), "certainty", strength(m.start())))
    for m in (scan(lex.no_more) if "to" in words and ("have" in words or "need" in words) else ()):
        if lex.condition.search(sent, m.end(), m.end() + 50) and has_subject(m.start()):
            out.append(_Claim(m.start(), m.end(), "certainty", "promise"))
    # the compounds ("cancer-fighting") hold one of a few suffixes: the big alternation of
    # conditions before them is tried only when one is there (in any case form)
    compound = "-" in sent and (case_exotic(sent_lower := sent.lower())
                                or any(x in sent_lower for x in _PURGE_SUFFIXES))
    for m in (scan(lex.purge) if ("of" in words and not words.isdisjoint(lex.purge_words)) or compound
              else ()):
        if m.group(0).lower().endswith(" of") and not lex.condition.search(sent, m.end(), m.end() + 40):
            continue  # what is purged is named and no condition ("clear your body of free radicals")
        if has_subject(m.start()) and not lex.cure_purpose.search(sent, 0, m.start()):
            out.append(_Claim(m.start(), m.end(), "cure", strength(m.start())))
    # "doubles your chances of conceiving": a multiplied chance stated as fact
    for m in (scan(lex.multiplier) if not words.isdisjoint(lex.multiplier_words) else ()):
        if has_subject(m.start()) and not lex.purpose.search(sent[:m.start()]):
            out.append(_Claim(m.start(), m.end(), "efficacy", strength(m.start())))
    # the result with the condition or the patient as subject, after a treatment named in the
    # sentence or just before it: "after two sessions the pain disappears completely"
    if not words.isdisjoint(lex.outcome_words):
        for m in scan(lex.outcome):
            if not (lex.treatment.search(sent) or (subject is not None and subject.search(sent))
                    or (context and (lex.treatment.search(context) or (subject is not None and subject.search(context))))):
                continue
            if lex.cure_purpose.search(sent, 0, m.start()) or _CONDITIONAL.search(sent, 0, m.start()):
                continue
            g = "gone" if m.group("gone") else "back"
            a = m.start(g)
            out.append(_Claim(a, m.end(), "certainty", "promise" if lex.future.search(sent, m.start(), m.end())
                              else strength(a)))
    # verbs: cure class alone, efficacy class with an intensifier or as plain fact about a treatment
    # an intensified efficacy or cure verb about a named treatment needs no known condition:
    # "a weekly shot will completely prevent <a condition the lexicon lacks>"
    loose = verbs and not cond and not words.isdisjoint(lex.intensifier_words) and lex.treatment.search(sent) is not None
    if (cond or loose) and verbs:
        named_treatment = lex.treatment.search(sent) is not None or (subject is not None and subject.search(sent) is not None)
        for m in lex.verb.finditer(sent):
            form = " ".join(m.group(0).lower().split())
            kind = lex.kind_of.get(form, "efficacy")
            vs, ve = m.start(), m.end()
            if _NOUN_USE.match(sent, ve):
                continue  # "Remedies for the first signs of flu": a noun, not a verb
            # a cure verb's object ends at a preposition ("dissolves easily in hot drinks" names no condition)
            stop = _OBJECT_STOP.search(sent, ve, ve + 60) if kind == "cure" else None
            oe = stop.start() if stop else ve + 60
            target = (lex.condition.search(sent, ve, oe) or lex.body.search(sent, ve, min(oe, ve + 50))
                      or lex.condition.search(sent, max(0, vs - 60), vs) or lex.body.search(sent, max(0, vs - 40), vs))
            if target is None and not loose:
                continue
            ib = None
            for ib in lex.intensifier.finditer(sent, max(0, vs - 22), vs):
                pass
            ia = lex.after_intensifier.match(sent, ve)
            a, b = (ib.start() if ib else vs), (ia.end() if ia else ve)
            intens = ib is not None or ia is not None
            subj = has_subject(vs)
            if form.endswith("ing") and not intens and (_NOUN_ING_NEXT.match(sent, ve) or _NOUN_ING_BEFORE.search(sent, 0, vs)):
                continue  # "the healing power of the body", "healing and rest": a noun, no claim
            if target is None:  # loose: only an intensified verb with a treatment as its subject and an object
                if not (intens and kind in ("cure", "efficacy") and lex.treatment.search(clause_before(bare, vs))
                        and _OBJECT_WORD.match(sent, ve)):
                    continue
                target = m  # the object stands after the verb
            if kind == "cure":
                passive = _PASSIVE.search(sent, 0, vs)
                if passive and not (lex.condition.search(_since_boundary(sent, passive.start()))
                                    or _BY_MEANS.match(sent, ve)):
                    passive = None
                if passive and _SO_THAT.search(sent, 0, vs):
                    passive = None  # "... so they can be eliminated": a purpose
                if not (subj or intens or passive) or lex.cure_purpose.search(sent[:vs]):
                    continue
                if not (subj or passive) and not named_treatment:
                    continue  # "sprains heal completely within six weeks": the course of a condition
                out.append(_Claim(a, b, "cure", strength(vs)))
            elif intens:
                if _HOW_TO.search(sent, 0, vs) or (form in lex.lemmas and _imperative(sent, vs)):
                    continue  # "When to stop the herb immediately", "stop taking it at once": advice, not a result
                if subj or (named_treatment and lex.condition.search(sent, max(0, vs - 40), vs)):
                    out.append(_Claim(a, b, "efficacy", strength(vs)))
            elif kind in ("efficacy", "benefit") and target.start() >= ve and not lex.purpose.search(sent[:vs]) and (
                    (form.split()[0].endswith("s") and not form.endswith("ss") and subj)
                    or (form in lex.lemmas and _plural_subject(sent, vs) and lex.condition.search(sent, ve, oe))):
                w = lex.without_care.search(sent, ve, ve + 80) if "without" in words else None
                if w is not None and not CLAUSE_BOUNDARY.search(sent, ve, w.start()):
                    out.append(_Claim(vs, w.end(), "superiority", "direct"))  # "calms anxiety without medication"
                elif kind == "efficacy" or (form in lex.target_verbs and lex.claim_target.search(sent, ve, min(oe, ve + 40))
                                            and not sent.rstrip(" *_").endswith(":")):  # "X strengthens immunity:" labels what follows
                    out.append(_Claim(vs, ve, "efficacy", "direct"))  # "treats insomnia", "boosts the immune system"
    # efficacy adjectives: "effective against diabetes", "a highly effective system", "a powerful preventative"
    for m in (scan(lex.adjective) if adjectives else ()):
        degree = lex.degree.match(m.group(0))
        after = sent[m.end():m.end() + 60]
        aimed = _AIMED.match(after)
        noun = _EFFECT_NOUN.match(after)
        if not (aimed or noun or (degree and _PREDICATE.search(sent, 0, m.start()))):
            continue
        if not (cond or lex.treatment.search(sent) or (subject is not None and subject.search(sent))):
            continue
        if not (has_subject(m.start()) or degree):
            continue
        if not degree and not lex.condition.search(sent) and not m.group(0).lower().startswith(("powerful", "potent")):
            continue  # "an effective solution to enhance relaxation": no condition, no claim
        if lex.standard_care.search(clause_before(bare, m.start())) and not lex.treatment.search(
                clause_before(bare, m.start())):
            continue  # "antibiotics are no longer effective": conventional care, not the article's promise
        if _CAN_BE.search(sent, 0, m.start()):
            continue  # "can be a very effective treatment": a possibility
        out.append(_Claim(m.start(), m.end(), "certainty" if degree else "efficacy", strength(m.start())))
    # safety: "X is safe", "are safe to use" about a treatment (not "it is safe to ask")
    if "safe" in words:
        for m in scan(lex.safety):
            if _SAFE_TO.match(sent, m.end()) or _SAFE_WHEN.match(sent, m.end()):
                continue
            before = clause_before(sent, m.start())
            listed = _SAFETY_LIST.match(sent, m.end())  # "it is safe, painless and drug-free"
            if lex.treatment.search(before) or (subject is not None and subject.search(before)) or (
                    listed and _SUBJECT_PRONOUN.search(before)):
                if listed:
                    m = _Span(m.start(), listed.end())
                if not lex.condition.search(before):  # "most nosebleeds are harmless" is about a condition
                    out.append(_Claim(m.start(), m.end(), "safety", "direct"))
    return out


_SAFE_TO = LazyPattern(r"\s+to\s+(?!use\b)", re.I)
_SAFE_WHEN = LazyPattern(r"\W*(?:when|if|for\s+most|as\s+long\s+as|provided|in\s+most|during|with)\b", re.I)
_SAFETY_ADJ = (r"(?:painless|pain-free|drug-free|non-invasive|noninvasive|harmless|gentle|natural|all-natural|"
               r"risk-free|side-effect-free|chemical-free|non-toxic|nontoxic)")
_SAFETY_LIST = LazyPattern(rf"(?:\s*,\s*{_SAFETY_ADJ})*(?:\s*,?\s+and\s+|\s*,\s*){_SAFETY_ADJ}\b", re.I)


class _Span:
    __slots__ = ("_a", "_b")

    def __init__(self, a, b):
        self._a, self._b = a, b

    def start(self):
        return self._a

    def end(self):
        return self._b


_HEDGE_LEVEL = {"cure": "strong", "remission": "strong", "efficacy": "any", "certainty": "strong",
                "superiority": "strong", "safety": "strong"}
_CITATION_EXCUSES = ("efficacy", "certainty", "safety")  # a resolving marker excuses these, not a cure


_FINDING_REPORT = LazyPattern(
    r"\b(?:stud(?:y|ies)|trials?|research|review|meta-analys[ie]s|results|evidence|data|researchers|scientists)\b"
    r"[^.;]{0,160}?\b(?:found|find|finds|showed|shown|shows|show|demonstrated|concluded|suggests?|suggested|"
    r"indicated?|indicates|reported)\s+(?:that\s+)?",
    re.I)


_BELIEF = LazyPattern(
    r"\b(?:believe|believes|believed|think|thinks|thought|assume|assumes|assumed|are\s+convinced|is\s+convinced)"
    r"\s+(?:that\s+)?[^.;:!?]{0,80}$", re.I)


def _sentence_claim(sent: str, low: str, subject, block_kind: str, allow_hedged: bool, quotes,
                    line_starts=(), context: str = "", checking: bool = False) -> _Claim | None:
    """The first structural claim of a sentence that survives scope and quotes.
    A trial's result reported as such ("a trial found that it was more
    effective in relieving spasm") is a finding, not the writer's promise;
    a cure, safety or superiority claim stays one whoever is said to show it."""
    for c in sorted(_find_claims(sent, low, subject, block_kind, line_starts, context), key=lambda c: c.start):
        if c.kind in ("efficacy", "certainty") and _FINDING_REPORT.search(sent, 0, c.start):
            continue
        if _BELIEF.search(sent, 0, c.start):
            continue  # "many women believe that HRT is the only solution": a belief reported, not claimed
        if negated(sent, c.start, c.end):
            continue
        if allow_hedged and _hedged(sent, c.start, c.end, _HEDGE_LEVEL[c.kind]):
            continue
        q = inside(quotes, c.start, c.end)
        if q is not None and _mention(sent, q, checking):
            continue
        return c
    return None


def _blocks(doc, check_headings: bool):
    blocks = [(b, t, low) for b, t, low in plain_blocks(doc) if check_headings or b.kind != "heading"]
    # a claim in a comparison table is still a claim, unless its column reports
    # claims ("Myth", "What ads say", "Phrases to avoid")
    for b in doc.blocks_of("table_cell", "caption"):  # a caption under a photo is read too
        header = b.data.get("header") or ""
        if header and (reported(header) or _REPORTED_COLUMN.search(header)):
            continue
        if b.prose:
            t = plain(b.prose.text)
            blocks.append((b, t, t.lower()))
    return blocks


def check(doc, options):
    pset = _data()[0]
    lex = _lexicon()
    extra_rx, ignore_rx = _user_patterns(tuple(options.get("extra_phrases") or ()),
                                         tuple(options.get("ignore_phrases") or ()))
    allow_hedged = options.get("allow_hedged", True)
    blocks = _blocks(doc, options.get("check_headings", True))
    if not blocks:
        return
    health = None
    subject = None
    pmask = pset.index.mask
    for block, text, low in blocks:
        padded = lex.padded(low)
        m = pmask(padded)  # one automaton pass over the block: phrase literals and cue words
        active = pset.select(m, low)
        cue = m & pset.extra_bits  # most blocks hold no cue
        if not active and extra_rx is None and not cue:
            continue
        if health is None:
            health = health_article(doc)
            subject = _article_subject(doc) if health else None
            long_doc = len(doc.text) > 1500
            checking = _checking_article(doc)
        if not health and extra_rx is None:
            return
        structural = bool(cue) and health and (bool(lex.terms.mask(padded)) or (
            subject is not None and subject.search(text) is not None))
        block_cands = _candidates(text, low, active, extra_rx) if (active or extra_rx is not None) else []
        urls = url_spans(text)
        if urls:  # a slug in a link is no claim
            block_cands = [c for c in block_cands if not any(us < c[1] and c[0] < ue for us, ue in urls)]
        if not block_cands and not (structural and health):
            continue
        block_src = None
        block_ok = None  # the block's context, judged once, when a claim first survives its own scope
        topic = block.kind == "heading" and _TOPIC_HEADING.match(text) is not None  # "Using X for pain"
        prose = block.prose
        titles = None
        spans = sentence_spans(text)
        raw = prose.text
        newlines = [m.end() for m in _NEWLINE.finditer(raw)] if "\n" in raw else []
        k_c = 0
        quote_parity = counted = 0
        for k, (s, e) in enumerate(spans):
            cands = []
            while k_c < len(block_cands) and block_cands[k_c][0] < e:
                cs, ce, cat = block_cands[k_c]
                if cs >= s and ce <= e:
                    cands.append((cs - s, ce - s, cat))
                k_c += 1
            sent = text[s:e]
            sent_low = low[s:e]
            early = None
            if not cands:
                if not structural or topic or not lex.worth(sent_low, sent, subject):
                    continue
                # the structural analysis first: most sentences hold no claim, and then no context is needed
                line_starts = _between(newlines, s, e)
                early = _sentence_claim(sent, sent_low, subject, block.kind, allow_hedged, quote_spans(sent),
                                        line_starts, text[max(0, s - 300):s], checking)
                if early is None:
                    continue
            if sent.rstrip().endswith("?") or (block.kind == "heading" and _QUESTION_START.match(sent)):
                continue
            sent_ok = None  # the sentence's context (reported, refuted, cited), judged when first needed
            marked = False
            quotes = quote_spans(sent)
            found = 0
            reported_end = -1
            for cs, ce, cat in cands:
                if marked:
                    break
                if cs < reported_end:
                    continue  # one finding per claim: the cues inside it are not reported again
                phrase = sent[cs:ce]
                if ignore_rx is not None and (ignore_rx.search(phrase) or any(
                        im.start() <= cs and ce <= im.end() for im in ignore_rx.finditer(sent))):
                    continue
                if negated(sent, cs, ce):
                    continue
                level = cat.hedge if cat is not None else "strong"
                if allow_hedged and _hedged(sent, cs, ce, level):
                    continue
                q = inside(quotes, cs, ce)
                if q is not None and _mention(sent, q, checking):
                    continue
                if cat is not None and cat.name == "safety" and "risk" in phrase.lower() and _COMMERCIAL.search(sent):
                    continue  # "try it risk-free with our money-back guarantee": a shop's terms, not safety
                if cat is not None and cat.guard is not None:
                    if cat.name == "cure":  # the search for a cure, not a promise of one
                        cure_at = [m.start() for m in _CURE_WORD.finditer(phrase)]
                        if cure_at and cat.guard.search(sent[: cs + cure_at[-1]]):
                            continue
                    elif cat.guard.search(sent[:cs]):
                        continue
                if cat is not None and cat.name == "root-cause":
                    before = sent[:cs]
                    if _CLINICIAN.search(clause_before(sent, cs)) or _ADVICE_BEFORE.search(before):
                        continue
                    if not before.strip() and _GERUND_START.match(phrase):
                        continue
                    if _TO_ONLY.match(before):  # "To address the underlying cause, ..."
                        continue
                if cat is not None and cat.name == "safety" and _about_condition(sent, cs, subject):
                    continue
                if cat is not None and cat.name == "cure" and phrase[:4].lower() == "heal" \
                        and _about_condition(sent, cs, subject) and not _lexicon().treatment.search(sent):
                    continue  # "sprains heal completely within six weeks": the course of a condition
                if cat is not None and cat.name == "speed" and (_HOW_TO.search(sent, 0, cs) or _imperative(sent, cs)):
                    continue  # "When to stop the herb immediately", "stop taking it immediately": advice
                if sent_ok is None:  # the first claim that survives its own scope: now the contexts
                    sent_ok, marked = _sentence_context(doc, prose, text, spans, k, sent)
                    if sent_ok and block_ok is None:
                        block_ok, block_src = _block_context(doc, block, text, padded, long_doc)
                if not (sent_ok and block_ok) or marked:
                    break
                if cat is not None and cat.name == "proven" and has_identifier(block_src, links="sources"):
                    continue
                start, end = prose.span(s + cs, s + ce)
                if _on_leftover_line(doc, start):
                    continue
                if _is_title(doc, block, sent, phrase, q, start, end, titles):
                    continue
                found += 1
                reported_end = ce
                yield _finding(start, end, phrase, cat.what if cat is not None else "is an absolute claim",
                               cat.instead if cat is not None else '"may help ..."',
                               cat.name if cat is not None else "extra", None)
            if found or not health or topic or sent_ok is False or block_ok is False:
                continue
            quote_parity += text.count('"', counted, s)  # counted once per block: no rescans
            counted = s
            if quote_parity % 2 == 1:
                continue  # a quotation that began in an earlier sentence: the source's words, not the writer's
            if early is not None:
                claim = early
            else:
                line_starts = _between(newlines, s, e)
                claim = _sentence_claim(sent, sent_low, subject, block.kind, allow_hedged, quotes, line_starts,
                                        text[max(0, s - 300):s], checking)
            if claim is None:
                continue
            if sent_ok is None:
                sent_ok, marked = _sentence_context(doc, prose, text, spans, k, sent)
            if sent_ok and block_ok is None:
                block_ok, block_src = _block_context(doc, block, text, padded, long_doc)
            if not (sent_ok and block_ok) or (marked and claim.kind in _CITATION_EXCUSES):
                continue
            phrase = sent[claim.start:claim.end]
            if ignore_rx is not None and ignore_rx.search(sent):
                if any(im.start() <= claim.start and claim.end <= im.end() for im in ignore_rx.finditer(sent)):
                    continue
            start, end = prose.span(s + claim.start, s + claim.end)
            if _on_leftover_line(doc, start):
                continue
            if titles is None:
                titles = title_spans(doc, block)
            if inside(titles, start, end) and (_WORK_CUE.search(sent) or "](" in block_src or "<a" in block_src):
                continue
            what, instead = _KINDS[claim.kind]
            yield _finding(start, end, phrase, f"{what} ({_STRENGTH[claim.strength]})", instead, claim.kind,
                           claim.strength)


def _on_leftover_line(doc, pos: int) -> bool:
    """A claim on a line that a leftover rule reports is no prose (asked only
    for a claim about to be reported: the leftover analysis is shared with the
    leftover rules, and a document without claims never needs it)."""
    lines = leftover_lines(doc)
    return bool(lines) and doc.line_of(pos) in lines


def _sentence_context(doc, prose, text: str, spans, k: int, sent: str) -> tuple[bool, bool]:
    """``(ok, marked)`` for the k-th sentence: ok when it may hold the
    writer's own claim (not refuted by the next sentence, not reported or
    labelled a myth, not cited with a source link), marked when a reference
    marker in it resolves to a full entry (or the article has no reference
    list to check it against)."""
    if k + 1 < len(spans) and refuted_by_next(text[spans[k + 1][0]:spans[k + 1][1]]):
        return False, False  # "Some sites say it cures arthritis. It does not."
    if reported(sent) or refutation_label(sent):
        return False, False  # reports what a regulator or others say, or warns about claims
    a, b = prose.span(spans[k][0], spans[k][1])
    sent_src = doc.text[a:b]
    if has_identifier(sent_src, links="sources"):
        return False, False
    labels = markers_in(sent_src)
    if labels:
        refs = references(doc)
        return True, refs.resolves(labels) or not refs.sections
    return True, False


def _block_context(doc, block, text: str, padded: str, long_doc: bool) -> tuple[bool, str]:
    """``(ok, source)``: ok when the block may hold the writer's claims (not a
    reference list or entry, not a myth section, a refutation, a list under a
    negating or reporting lead-in, a bullet all in quotes, or a paragraph of a
    long article about something other than health)."""
    src = block_source(doc, block)
    if in_reference_list(doc, block) or myth_section(doc, block):
        return False, src
    if block.kind != "heading" and looks_like_reference(src):
        return False, src
    if refutation_label(text) or negated_lead_in(doc, block):
        return False, src
    if block.kind == "list_item" and _WHOLE_QUOTE.match(text):
        return False, src  # a bullet that is all quotation: packaging or ad wording shown, not the writer's claim
    if long_doc and not _lexicon().terms.mask(padded) and not has_health_terms(text) \
            and not _heading_is_health(doc, block):
        return False, src  # a paragraph about something else ("this guarantees a stable build")
    return True, src


def _between(positions: list[int], s: int, e: int) -> list[int]:
    """The sorted ``positions`` inside ``(s, e)``, made relative to ``s``."""
    a = bisect.bisect_right(positions, s)
    b = bisect.bisect_left(positions, e)
    return [p - s for p in positions[a:b]]


def _heading_is_health(doc, block) -> bool:
    """The heading of the section that holds ``block`` names a health term."""
    heads = memo(doc, "absolute-claim.heads", lambda: [b for b in doc.blocks if b.kind == "heading" and b.prose])
    starts = memo(doc, "absolute-claim.head-starts", lambda: [h.start for h in heads])
    k = bisect.bisect_right(starts, block.start) - 1
    return k >= 0 and has_health_terms(heads[k].prose.text)


_IMPERATIVE_LEAD = LazyPattern(r"^[\W_]*(?:(?:please|then|so|and|just|simply|always|also)\s+)*$", re.I)


def _imperative(sent: str, pos: int) -> bool:
    """The verb at ``pos`` opens its clause: an instruction to the reader ("stop taking it")."""
    return _IMPERATIVE_LEAD.match(clause_before(sent, pos)) is not None and not _BULLET_LINE.match(sent[:pos])


def _about_condition(sent: str, pos: int, subject=None) -> bool:
    """The clause before ``pos`` is about a condition, not a treatment ("a
    peanut allergy is completely harmless when ...", "most nosebleeds are
    harmless"): it names a condition and no treatment, or, for a bare "is
    harmless", names no treatment at all."""
    lex = _lexicon()
    before = clause_before(sent, pos)
    if lex.treatment.search(before) or (subject is not None and subject.search(before)):
        return False
    if lex.condition.search(before):
        return True
    return _BARE_SAFETY.match(sent, pos) is not None and not _SUBJECT_PRONOUN.search(before)


_BARE_SAFETY = LazyPattern(r"(?:is|are|was|were)\s+(?:\w+\s+)?(?:harmless|safe)\b", re.I)


_QUOTE_FRAME = LazyPattern(
    r"\b(?:claims?|claimed|claiming|promises?|promised|promising|labels?|labelled|labeled|packaging|box|boxes|"
    r"read|reads|marketed|advertised|advertises|sold\s+as|slogans?|taglines?|told\s+(?:buyers|customers|readers|"
    r"shoppers|us)|such\s+as|phrases?|wording|headlines?|blurb)\b", re.I)
_COMMERCIAL = LazyPattern(
    r"\b(?:money-back|money\s+back|refunds?|trial|returns?|guarantee|order|purchase|buy|checkout|subscription|"
    r"cancel|shipping)\b", re.I)


_CHECKING_TITLE = LazyPattern(
    r"\b(?:fact[-\s]?checks?|debunk\w*|myths?|claims?|the\s+truth\s+about|scams?|red\s+flags?|too\s+good\s+to\s+be\s+true|"
    r"(?:do|does|can)\b[^?]{1,60}\b(?:really|actually)\b|what\s+the\s+(?:evidence|science|research)\s+(?:says|shows)|"
    r"hype|marketing|misleading|false|bogus)\b", re.I)


def _checking_article(doc) -> bool:
    """The article's title announces that it examines claims ("Detox foot pads:
    a fact check", "Do copper bracelets really work?"): what it quotes, it
    quotes to examine."""
    def compute():
        title = doc.title
        return bool(title is not None and title.prose and _CHECKING_TITLE.search(plain(title.prose.text)))

    return memo(doc, "absolute-claim.checking", compute)


def _mention(sent: str, q, checking: bool = False) -> bool:
    """The quotation ``q`` of ``sent`` is shown, not asserted: a short quote, a
    title, wording that the sentence frames as what a label, an ad or a
    seller claims ('the box read "clinically proven to ..."'), or any
    quotation in an article that examines claims (``checking``)."""
    if checking or len(_WORD_RUN.findall(sent[q[0]:q[1]])) <= 6 or _WORK_CUE.search(sent):
        return True
    outside = sent[:q[0]] + " " + sent[q[1]:]
    return _QUOTE_FRAME.search(outside) is not None


def _title_case(text: str) -> bool:
    words = [w for w in _WORD_RUN.findall(text) if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _is_title(doc, block, sent, phrase, q, start, end, titles) -> bool:
    """A title of a work: emphasised, linked or quoted, in a sentence about a book or paper."""
    if not phrase[:1].isupper() and (_WORK_CUE.search(sent) or "](" in sent or "<a" in sent.lower()):
        # the cue inside a linked or emphasised Title Case title ("as [*The Fertility Cure*](...)")
        for ts, te in (titles if titles is not None else title_spans(doc, block)):
            if ts < end and start < te and te - ts > end - start and _title_case(doc.text[ts:te]):
                return True
    if not (phrase[:1].isupper() and (_WORK_CUE.search(sent) or q is not None)):
        return False
    if q is not None or _TITLE_WORD.search(sent):
        return True
    return inside(titles if titles is not None else title_spans(doc, block), start, end) is not None


def _finding(start, end, phrase, what, instead, category, strength):
    shown = _quote(phrase)
    data = {"category": category}
    if strength is not None:
        data["strength"] = strength
    return Finding(
        start,
        end,
        f'"{shown}" {what}. {WHY} Say what the evidence supports and for whom, e.g. {instead}.',
        suggestion=f"Instead of \"{shown}\", write hedged wording such as {instead}.",
        data=data,
    )
