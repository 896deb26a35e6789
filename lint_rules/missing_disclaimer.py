r"""The article never says that it is general information and not medical advice.

## What it finds
Articles with no medical disclaimer: nowhere do they limit their own status,
i.e. tell the reader that the text is general, educational or informational,
or that it is not (no substitute for, does not replace) professional advice,
a diagnosis, a treatment plan or the reader's own doctor. The rule reads this
as a mechanism, clause by clause, not as a list of set phrases:
- the text itself as the subject ("this article", "these answers", "the
  information on this page", "our videos", "nothing in this guide"), a
  negation, a word of replacing or being, and a professional or their care:
  "These answers are general and no replacement for your own doctor", "This
  video is not a treatment plan or medical advice", "This information does
  not replace a visit to your GP";
- the text itself as a negated subject ("nothing on this page", "none of the
  content on this blog", "no part of this guide", "nothing here", "nothing we
  publish") and what it is then said to be: advice, guidance, a diagnosis or
  a substitute ("Nothing on this page is individual medical guidance",
  "Nothing here replaces a visit to your GP");
- what the text is for: "for educational purposes only", "for informational
  use", "general guidance only", "purely educational in nature";
- standing wordings: "does not constitute medical advice", "not intended to
  diagnose, treat, cure or prevent any disease", "does not create a
  doctor-patient relationship";
- advice about the article's own content: "consult your physician before
  following any of the advice in this article", "... before starting the
  exercises in this guide";
- a text that calls itself a summary or overview and, in the same or the next
  sentence, leaves the decisions to the reader's own professional ("This guide
  summarizes best practice. The best care combines it with your provider's
  input.");
- a text that calls itself general or educational, then, in the next sentence,
  a pronoun for it and what it cannot replace ("This guide is general and
  educational. It cannot take the place of an individual assessment.").

What is replaced may be advice or care, or an assessment, a consultation, an
examination, a visit or a diagnosis by a professional; the words of replacing
include "replace", "take the place of", "stand in for", "be a substitute for".
The text may speak of itself without a noun ("What you read here", "Everything
on this page", "Reading about it").
- a block labelled "Disclaimer:" that speaks of medical advice or a doctor.

Advice alone is not a disclaimer: "talk to your doctor before starting
treatment", "consult your healthcare professional before undertaking any
supplement regimen", "discuss it with your healthcare provider" or "please
contact the office" tell the reader what to do, but not what the article is.
A negation about something else is not one either: "Acupuncture is not a
replacement for surgery", "These exercises are not a substitute for
physiotherapy", "Nothing on this page is difficult". Text that a leftover
rule reports is not the article's: an AI assistant's "As an AI language
model, I can't give medical advice" (which an editor deletes) or a footer link
named "Disclaimer" does not count. An article that an AI pipeline wrapped in
a code fence is read inside the fence. Short texts (fewer than `min_words`
words) are not checked.

The finding is reported once per file, on the title (or the first line), so
that an inline `<!-- acu-lint-disable-file missing-disclaimer -->` or a
per-file ignore can silence it.

## Why it matters
Readers of a health article may act on it without seeing anyone. Saying what
the article is not (general information, not a diagnosis or a treatment plan)
is one of the marks of trustworthy consumer health information: HONcode's
"complementarity" principle asked health sites to state that their
information supports, and does not replace, the relationship between a
patient and their doctor, and DISCERN asks whether a text supports shared
decision-making with a professional. An article that describes treatments
(acupuncture for neuropathy, ALS or pain) without that statement reads as a
personal recommendation, and the US FTC judges health content by the overall
impression it leaves on the reader.

## Examples
- flagged: `Acupuncture and Back Pain\n\nMany people with long-term back pain try acupuncture. Sessions last about thirty minutes and most people need several visits before they notice a change. Some people feel sore afterwards. Talk to your doctor before you start any new treatment, especially if you take blood thinners or are pregnant.`
- flagged: `Needles and Nerve Pain\n\nAcupuncture uses thin needles placed at chosen points on the body. People with nerve pain from diabetes sometimes try it alongside their usual care, and a few small trials have looked at it. If you have questions about whether it could suit you, please contact the office and we will be glad to help you.`
- not flagged: `Acupuncture and Back Pain\n\nMany people with long-term back pain try acupuncture. Sessions last about thirty minutes and most people need several visits before they notice a change. Some people feel sore afterwards.\n\nDisclaimer: This article is for informational purposes only and does not constitute medical advice.`
- not flagged (md): `---\ndisclaimer: template\n---\n# Acupuncture and Back Pain\n\nMany people with long-term back pain try acupuncture. Sessions last about thirty minutes and most people need several visits before they notice a change. Some people feel sore afterwards, and a few feel tired for the rest of the day.`
- not flagged: `Clinic hours\n\nWe are open Monday to Friday from nine until five.`
- not flagged: `Needles and Nerve Pain\n\nAcupuncture uses thin needles placed at chosen points on the body. People with nerve pain from diabetes sometimes try it alongside their usual care, and a few small trials have looked at it. Most people need several sessions before they notice a change.\n\nThese answers are general and no replacement for your own doctor.`
- flagged: `Needles and Nerve Pain\n\nAcupuncture uses thin needles placed at chosen points on the body. People with nerve pain from diabetes sometimes try it alongside their usual care, and a few small trials have looked at it. Most people need several sessions before they notice a change.\n\nAcupuncture is not a replacement for surgery.`
- not flagged: `Needles and Nerve Pain\n\nAcupuncture uses thin needles placed at chosen points on the body. People with nerve pain from diabetes sometimes try it alongside their usual care, and a few small trials have looked at it. Most people need several sessions before they notice a change.\n\nNothing on this page is individual medical guidance.`
- not flagged: `Needles and Nerve Pain\n\nAcupuncture uses thin needles placed at chosen points on the body. People with nerve pain from diabetes sometimes try it alongside their usual care, and a few small trials have looked at it. Most people need several sessions before they notice a change.\n\nThis guide is general and educational. It cannot take the place of an individual assessment.`
- flagged: `Needles and Nerve Pain\n\nAcupuncture uses thin needles placed at chosen points on the body. People with nerve pain from diabetes sometimes try it alongside their usual care, and a few small trials have looked at it. Most people need several sessions before they notice a change.\n\nThis guide is general. Acupuncture cannot take the place of an assessment by your doctor.`
- flagged (md): `# Needles and Nerve Pain\n\nAs an AI language model, I can't give medical advice.\n\nAcupuncture uses thin needles placed at chosen points on the body. People with nerve pain from diabetes sometimes try it alongside their usual care, and a few small trials have looked at it. Most people need several sessions before they notice a change.`

## Fix
Unsafe (it adds content, so it runs only with `--fix --unsafe-fixes`): the
configured disclaimer (`text`) is appended at the end of the file after a
blank line; in an HTML page it goes in a `<p class="disclaimer">` before
`</article>` or `</body>`. The default wording is the project's own: "This
article is general information, not medical advice. ...". The message names
the configured text when one is set, and the finding's `suggestion` (in JSON
and SARIF output) is that text. Fixing twice adds nothing the second time.

## Options
- `text`: the disclaimer the fix appends. It must itself be recognised as a
  disclaimer (by the built-in patterns or `extra_patterns`).
- `extra_patterns`: more regular expressions that count as a disclaimer
  (list of strings, case-insensitive, matched against the article's text).
- `template`: `true` when the site template prints the disclaimer on every
  page; the rule then reports nothing (set it per folder in config).
- `front_matter_key`: front-matter key (default `disclaimer`) with which one
  article says the same: `disclaimer: template` (or `site`, `layout`, `true`).
  A string value that is itself a disclaimer also counts.
- `min_words`: texts shorter than this are not checked (default 50).
"""
from __future__ import annotations

import functools
import html
import re

from acu_lint.model import Edit, Finding, Fix
from lint_rules._common import LazyPattern, literal_index, load_data

ID = "missing-disclaimer"
SEVERITY = "error"
FIXABLE = "unsafe"  # the fix adds content: applied only with --unsafe-fixes
DEFAULT_TEXT = (
    "Disclaimer: This article is general information, not medical advice. It does not replace an "
    "assessment by a doctor or other qualified health professional who knows your situation; ask one "
    "before you start, stop or change any treatment."
)
OPTIONS = {
    "text": DEFAULT_TEXT,
    "extra_patterns": [],
    "template": False,
    "front_matter_key": "disclaimer",
    "min_words": 50,
}
TEMPLATE_VALUES = {"template", "site", "layout", "theme", "footer", "true", "yes", "on", "included"}


def _spaces(pattern: str) -> str:
    return re.sub(r"(?<!\\) ", r"\\s+", pattern).replace("{w}", r"(?:[\w'-]+\s+)")


def _may_match_a_full_stop(pattern: str) -> bool:
    """Whether ``pattern`` might match a "." (conservative: any dot, any
    negated or broad class, any escape for "non-..." counts)."""
    if re.search(r"\\[WSD]", pattern):
        return True
    s = re.sub(r"\[\^(?:[^\]\\]|\\.)*\.(?:[^\]\\]|\\.)*\]", "", pattern)  # [^.] and the like exclude it
    if "\\." in s:
        return True
    s = re.sub(r"\\.", "", s)  # other escapes (\s, \b) match no "."
    return "." in s or "[^" in s


class _AnyOf:
    """The built-in patterns, each tried only when one of its literal anchors occurs."""

    def __init__(self, patterns):
        from lint_rules._claims import AnchoredPattern, PatternSet

        self.set = PatternSet((None, AnchoredPattern(p)) for p in patterns)
        # the patterns that could match across the ". " between two blocks
        self.spanning = PatternSet((None, AnchoredPattern(p)) for p in patterns if _may_match_a_full_stop(p))

    def search(self, text: str):
        """The first built-in pattern's match, in their order (only the
        patterns whose literal anchors occur in the text are tried)."""
        for _, pat in self.set.active(text.lower()):
            m = pat.rx.search(text)
            if m:
                return m
        return None

    def search_joined(self, texts: list[str]) -> bool:
        """Whether a pattern matches ``". ".join(texts)``, found block by
        block (a pattern that cannot match a full stop cannot run across the
        ". " between two blocks): each block is searched only with the
        patterns whose anchors it holds, and the joined text only with the
        patterns that could span a joint."""
        # a disclaimer mostly stands at the end (or the start): those blocks first
        if any(self.search(t) for t in reversed(texts)):
            return True
        if not self.spanning.items or len(texts) < 2:
            return False
        joined = ". ".join(texts)
        return any(pat.rx.search(joined) for _, pat in self.spanning.active(joined.lower()))


@functools.lru_cache(maxsize=1)
def _builtin():
    d = load_data("missing_disclaimer.yaml")
    rx = _AnyOf([_spaces(p) for p in d["patterns"]])
    labels = "|".join(r"\s+".join(map(re.escape, lab.split())) for lab in sorted(d["labels"], key=len, reverse=True))
    label_rx = LazyPattern(rf"^\W*(?:{labels})\b\s*(?:[:\-\u2013\u2014.]|$)", re.I)
    topics = LazyPattern(d["label_topics"], re.I)
    return rx, label_rx, topics


def _alt(words) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=1)
def _mechanism():
    """The disclaimer as a mechanism (see missing_disclaimer.yaml): the text
    itself as subject, a negation, a word of replacing or being, and what it
    does not replace; advice about the article's own content; a text that
    calls itself a summary and defers to the reader's own professional."""
    d = load_data("missing_disclaimer.yaml")
    I = re.I
    self_nouns = _alt(d["self_nouns"])
    who = _alt(d["professionals"])
    care = _alt(d["care_nouns"])
    real_replace = _alt(w for w in d["replace_words"] if w not in ("is", "are", "be"))
    target = rf"(?:(?:your|a|an|the|any|one's)\s+)?(?:own\s+)?(?:[\w'-]+\s+){{0,3}}?(?:{who}|{care})\b"
    return {
        # "this article", "these answers", "the information on this page", "our content"
        "self": re.compile(rf"\b(?:this|these|the|our|my|all|such)\s+(?:[\w'-]+\s+){{0,2}}?(?:{self_nouns})\b|{d['self_phrases']}", I),
        # "What you read here", "Everything on this page", "Reading about it" (no noun for the text)
        "self_phrase": re.compile(d["self_phrases"], I),
        # "This guide is general and educational." (a pronoun in the next sentence takes it up)
        "status": re.compile(d["status"], I),
        "pronoun": re.compile(r"\W*(?:it|they|this|these|that|those|such\s+(?:content|information|material))\b", I),
        "nothing": re.compile(rf"\bnothing\s+(?:in|on|within|here|written)\b", I),
        "neg": re.compile(r"\b(?:not|no|never|cannot|nor)\b|n't\b", I),
        # "does not replace the judgement of your midwife", "is no replacement for your own doctor"
        "replace": re.compile(rf"(?:\s+[\w'-]+){{0,3}}?\s+(?:{real_replace})\b(?:\s+[\w'-]+){{0,6}}?\s+{target}", I),
        # "is not a treatment plan", "are not medical advice" (right after the negation)
        # "this guide cannot diagnose your condition"
        "diagnose": re.compile(r"(?:\s+[\w'-]+){0,2}?\s+(?:diagnose|prescribe)\b|(?:\s+[\w'-]+){0,2}?\s+treat\s+"
                               r"(?:you|your|any\s+(?:disease|condition|illness|medical))\b", I),
        "copula": re.compile(rf"\b(?:(?:is|are|be|was)\s+(?:also\s+|simply\s+|just\s+)?(?:not|never|no)|isn't|aren't|wasn't)\s+"
                             rf"(?:also\s+|simply\s+|just\s+)?(?:a\s+|an\s+|any\s+|your\s+)?"
                             rf"(?:(?:personal(?:i[sz]ed)?|individual(?:i[sz]ed)?|professional|medical|specific|formal|clinical)\s+)*"
                             rf"(?:{care}|substitute|replacement)\b", I),
        "consult": re.compile(rf"\b(?:{_alt(d['consult_verbs'])})\s+(?:with\s+)?(?:your|a|an)\s+(?:own\s+)?(?:[\w'-]+\s+){{0,3}}?"
                              rf"(?:{who})\b[^.;]{{0,80}}?\bbefore\s+(?:you\s+)?(?:{_alt(d['consult_before'])})\s+"
                              rf"{d['consult_objects']}", I),
        # a negated subject that is the text itself: "Nothing on this page", "None of the content
        # on this blog", "No part of this guide", "Nothing here", "Nothing we publish"
        "neg_subject": re.compile(
            rf"\b(?:(?P<weak>none\s+of\s+(?:this|the\s+above|it\s+above))\b"
            rf"|(?:nothing|none\s+of|no\s+part\s+of|no\s+(?:{self_nouns}))"
            rf"(?:\s+(?:written|said|published|posted|shared|provided|presented|included|contained))?"
            rf"(?:\s+(?:in|on|within|from|of|at)\s+(?:this|these|the|our|my)\s+(?:[\w'-]+\s+){{0,2}}?(?:{self_nouns})\b"
            rf"|\s+(?:this|these|the|our|my)\s+(?:[\w'-]+\s+){{0,2}}?(?:{self_nouns})\b"
            rf"|\s+(?:here(?:in)?|below|above)\b"
            rf"|\s+(?:that\s+)?(?:we|I)\s+(?:publish|write|share|say|post|provide|offer)\b))", I),
        # what it is then said to be (the negation is in the subject): "is individual medical
        # guidance", "should be taken as medical advice", "counts as a diagnosis", "is no
        # substitute for your physician", "replaces a visit to your GP", "is meant to diagnose";
        # a few words may stand between ("Nothing on this page, including the videos, is ...")
        # but no other verb. After "none of this" (which may mean the remedies just described)
        # only advice or a professional counts, not "a substitute for insulin" or "for treatment".
        "neg_subject_pred": _negated_subject_predicate(care, target, real_replace),
        "neg_subject_pred_weak": _negated_subject_predicate(
            r"advice|guidance|diagnosis|diagnoses|opinion|recommendations?|treatment\s+plan",
            rf"(?:(?:your|a|an|the|any|one's)\s+)?(?:own\s+)?(?:[\w'-]+\s+){{0,3}}?(?:{who})\b", real_replace),
        "self_words": literal_index(frozenset(w.lower() for w in d["self_nouns"])),
        "summary": re.compile(d["summary_status"], I),
        "defer": re.compile(d["defer_to"], I),
        # "... consult a qualified health professional about your own circumstances", "ask your GP
        # for personal advice": leaving the reader's own case to a professional is a deferral too
        "consult_pro": re.compile(rf"\b(?:{_alt(d['consult_verbs'])})\s+(?:with\s+)?(?:your|a|an)\s+(?:own\s+)?"
                                  rf"(?:[\w'-]+\s+){{0,3}}?(?:{who})\b[^.;]{{0,40}}?\b(?:(?:about|regarding|on|for|given)\s+"
                                  rf"(?:your|their)\s+(?:own\s+)?(?:individual\s+|personal\s+|specific\s+)?(?:situation|circumstances|case"
                                  rf"|needs|condition|health)|for\s+(?:personal|individual|personali[sz]ed|specific|tailored)\s+advice)\b", I),
    }


def _negated_subject_predicate(care: str, target: str, replace: str) -> re.Pattern[str]:
    be = (r"(?:is|are|was|be|counts?\s+as|amounts?\s+to|constitutes?|represents?"
          r"|(?:should|can|may|must|is\s+to)\s+be\s+(?:taken|read|used|considered|construed|seen|regarded|understood|treated"
          r"|relied\s+(?:up)?on|interpreted)\s+as"
          r"|(?:is|are)\s+(?:meant|intended|designed|offered|provided|given|written)\s+(?:as|to\s+be))")
    adj = (r"(?:(?:personal(?:i[sz]ed)?|individual(?:i[sz]ed)?|professional|medical|health|specific|formal|clinical"
           r"|tailored|expert|official|one-to-one|qualified)\s+)*")
    return re.compile(
        r"(?:[\s,]+(?!(?:is|are|was|were|and|but|or|be)\b)[\w'-]+){0,6}?[\s,]+(?:"
        rf"{be}\s+(?:(?:a|an|any|your|the)\s+)?{adj}(?:(?:{care})\b|(?:substitute|replacement|stand-in|alternative)"
        rf"\s+(?:for|to)\s+(?:[\w'-]+\s+){{0,3}}?{target})"
        rf"|(?:(?:can|could|should|will|may|is\s+meant\s+to|is\s+intended\s+to)\s+)?(?:{replace})\b"
        rf"(?:\s+[\w'-]+){{0,6}}?\s+{target}"
        r"|(?:(?:is|are)\s+(?:meant|intended|designed)\s+to|can|will|should)\s+(?:diagnose|prescribe|treat\s+(?:you|your|any))\b)",
        re.I)


def _denies(clause: str, start: int, end: int) -> bool:
    """Whether ``clause``, whose subject (the text itself) stands at
    ``clause[start:end]``, says what the text is not or does not replace:
    "is not medical advice", "does not replace a visit to your GP", "cannot
    take the place of an individual assessment"."""
    mech = _mechanism()
    if mech["copula"].search(clause, end):
        return True
    if mech["nothing"].search(clause, 0, start + 1):
        neg_end = end
    else:
        neg = mech["neg"].search(clause, end)
        if neg is None:
            return False
        neg_end = neg.end()
    return mech["replace"].match(clause, neg_end) is not None or mech["diagnose"].match(clause, neg_end) is not None


_CLAUSE = re.compile(r"(?<=[.!?;])\s+|\s+(?:but|however|although|though|while)\s+", re.I)
_PRONOUN_START = re.compile(r"\W*(?:it|they|this|these|such)\b", re.I)


def _clauses(text: str) -> list[str]:
    """The clauses of ``text``; a clause that opens with a pronoun ("...; they
    cannot replace ...") stays with the one before, whose subject it takes."""
    out: list[str] = []
    for part in _CLAUSE.split(text):
        if out and _PRONOUN_START.match(part) and not out[-1].rstrip().endswith((".", "!", "?")):
            out[-1] = out[-1] + " " + part
        else:
            out.append(part)
    return out
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _limits_itself(text: str, following: str = "") -> bool:
    """Whether a sentence of ``text`` (whitespace collapsed, quotes
    straightened) limits the text's own status: a disclaimer in other words.
    ``following`` is the text of the next block (a summary's deferral to the
    reader's professional may stand there)."""
    low = text.lower()
    mech = _mechanism()
    if "before" in low and mech["consult"].search(text):
        return True
    self_word = mech["self_words"].mask(low)
    if ("nothing" in low or "none of" in low or "no part" in low) and any(
            (ns := mech["neg_subject"].search(clause)) is not None
            and mech["neg_subject_pred_weak" if ns.group("weak") else "neg_subject_pred"].match(clause, ns.end())
            for clause in _clauses(text)):
        return True  # "Nothing on this page is individual medical guidance", "Nothing here replaces a visit to your GP"
    if not self_word and not (("read" in low or "here" in low or "above" in low or "below" in low)
                              and mech["self_phrase"].search(text)):
        return False  # no word the text calls itself by: no other form can hold
    negative = "no" in low or "n't" in low or "never" in low  # "not", "nothing", "cannot" hold "no" too
    for clause in _clauses(text) if negative else ():
        m = mech["self"].search(clause)
        if m is None:
            continue
        if _denies(clause, m.start(), m.end()):
            return True
    if negative:
        # two sentences: "This guide is general and educational. It cannot take the place of an
        # individual assessment." (the text calls itself general; a pronoun takes it up)
        sentences = _SENTENCE.split(text)
        for i in range(len(sentences) - 1):
            m = mech["self"].search(sentences[i])
            if m is None or not mech["status"].search(sentences[i], m.end()):
                continue
            p = mech["pronoun"].match(sentences[i + 1])
            if p is not None and _denies(sentences[i + 1], p.start(), p.end()):
                return True
    if "summar" in low or "overview" in low or "general" in low:
        sentences = _SENTENCE.split(text)
        if following:
            sentences.append(_SENTENCE.split(following, 1)[0])
        for i, sent in enumerate(sentences):
            m = mech["self"].search(sent)
            if m and mech["summary"].search(sent, m.end()):
                near = sentences[max(0, i - 1):i + 2]  # the sentence, and the one before or after it
                if any(mech["defer"].search(x) or mech["consult_pro"].search(x) for x in near):
                    return True
    return False


def _user(extra: tuple[str, ...]):
    from acu_lint.patterns import compile_user_pattern

    return [compile_user_pattern(p, f"rules.{ID}.extra_patterns[{i}]") for i, p in enumerate(extra)]


_WHITESPACE = re.compile(r"\s+")


_ASCII_SPACE_RUNS = ("  ", "\n", "\t", "\r", "\x0b", "\x0c")


def _normal(text: str) -> str:
    if not text.isascii():
        text = (text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
                .replace("\u00a0", " "))
        return _WHITESPACE.sub(" ", text)
    # ASCII text whose only whitespace is single spaces is already normal (most blocks)
    return _WHITESPACE.sub(" ", text) if any(w in text for w in _ASCII_SPACE_RUNS) else text


def is_disclaimer(text: str, extra: tuple[str, ...] = ()) -> bool:
    """True when ``text`` contains recognised disclaimer wording."""
    rx, _, _ = _builtin()
    t = _normal(text)
    if rx.search(t) or _limits_itself(t):
        return True
    return any(u.search(t) for u in _user(extra)) if extra else False


def validate(options):
    extra = tuple(options.get("extra_patterns") or ())
    _user(extra)  # raises a one-line error for a bad pattern
    text = options.get("text", DEFAULT_TEXT)
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'text' must be a non-empty string")
    if not is_disclaimer(text, extra):
        raise ValueError("'text' is not recognised as a disclaimer by the built-in patterns or extra_patterns, "
                         "so the fix would add it again on every run")
    if options.get("min_words", 50) < 0:
        raise ValueError("'min_words' must be 0 or more")
    key = options.get("front_matter_key", "disclaimer")
    if not isinstance(key, str) or not key.strip():
        raise ValueError("'front_matter_key' must be a non-empty string")


_TAG = re.compile(r"<[^>]+>")


def _visible_blocks(doc):
    """(block, visible text) for every block a reader sees."""
    for b in doc.blocks:
        if b.kind in ("code", "comment", "front_matter", "rule"):
            continue
        if b.prose is not None and b.prose:
            yield b, b.prose.text
        elif b.kind == "html":
            yield b, html.unescape(_TAG.sub(" ", doc.text[b.start:b.end]))
        elif b.kind == "table":
            yield b, doc.text[b.start:b.end].replace("|", " ")


def _front_matter_says_template(doc, key: str, extra: tuple[str, ...]) -> bool:
    fm = doc.front_matter
    if not isinstance(fm, dict):
        return False
    value = fm.get(key)
    if value is None and isinstance(fm.get("acu-lint"), dict):
        value = fm["acu-lint"].get(key)
    if value is True:
        return True
    if isinstance(value, str):
        v = value.strip().lower()
        return v in TEMPLATE_VALUES or is_disclaimer(value, extra)
    return False


def _anchor(doc) -> tuple[int, int]:
    if doc.title is not None:
        return doc.title.start, doc.title.end
    for b in doc.blocks:
        if b.kind in ("front_matter", "comment"):
            continue
        return doc.line_start(b.line), doc.line_end(b.line)
    for n, line in enumerate(doc.lines, 1):
        if line.strip():
            return doc.line_start(n), doc.line_end(n)
    return 0, 0


def _fix(doc, text: str) -> Fix:
    t = doc.text
    if doc.kind == "html":
        esc = html.escape(text, quote=False)
        m = None
        for tag in ("</article>", "</main>", "</body>", "</html>"):
            m = None
            for m in re.finditer(re.escape(tag), t, re.I):
                pass
            if m is not None:
                break
        if m is not None:
            pos = m.start()
            line_start = t.rfind("\n", 0, pos) + 1
            indent = t[line_start:pos]
            if not indent.strip():
                edit = Edit(line_start, line_start, f'{doc.child_indent(line_start)}<p class="disclaimer">{esc}</p>\n')
            else:
                edit = Edit(pos, pos, f'<p class="disclaimer">{esc}</p>')
            return Fix((edit,), safe=False, description="add the medical disclaimer")
        text = f'<p class="disclaimer">{esc}</p>'
    if not t:
        ins = text + "\n"
    elif t.endswith("\n\n"):
        ins = text + "\n"
    elif t.endswith("\n"):
        ins = "\n" + text + "\n"
    else:
        ins = "\n\n" + text + "\n"
    return Fix((Edit(len(t), len(t), ins),), safe=False, description="append the medical disclaimer")


def check(doc, options):
    if options.get("template"):
        return
    extra = tuple(options.get("extra_patterns") or ())
    if _front_matter_says_template(doc, options.get("front_matter_key") or "disclaimer", extra):
        return
    user = _user(extra) if extra else []
    blocks = list(_visible_blocks(doc))
    words = sum(len(t.split()) for b, t in blocks if b.is_prose)
    if words < int(options.get("min_words", 50)):
        return
    texts = [_normal(t.strip()) for _, t in blocks]
    if _says_it(blocks, texts, user):
        # text that a leftover rule reports is not the article's: an assistant's "As an AI
        # language model, I can't give medical advice" or a footer link "Disclaimer" does not
        # count (asked only when something was found, so an article without any pays nothing)
        from lint_rules._leftovers import is_leftover, leftover_lines

        if not leftover_lines(doc):
            return
        keep = [k for k, (b, _) in enumerate(blocks) if not is_leftover(doc, b)]
        if len(keep) == len(blocks) or _says_it([blocks[k] for k in keep], [texts[k] for k in keep], user):
            return
    # an article that is not about health (a git how-to, a recipe, a post about AI
    # writing) owes its readers no medical disclaimer; a text too short for
    # health_article to judge counts when it names a health term
    from lint_rules._claims import health_article, health_terms

    if not health_article(doc) or not health_terms(" " + " ".join(texts).lower()):
        return
    start, end = _anchor(doc)
    text = (options.get("text") or DEFAULT_TEXT).strip()
    if text == DEFAULT_TEXT:
        how = 'Add a short disclaimer, e.g. "This article is general information, not medical advice."'
    else:  # the project's own wording (rules.missing-disclaimer.text)
        how = f'Add the disclaimer configured for this project: "{_shorten(text)}"'
    yield Finding(
        start,
        end,
        "The article has no medical disclaimer. "
        "Readers may act on a health article without seeing anyone, so it should say that it is general "
        "information and not a substitute for advice from a qualified professional. " + how,
        fix=_fix(doc, text),
        suggestion=text,
        data={"scope": "document"},
    )


def _says_it(blocks, texts: list[str], user) -> bool:
    """Whether the blocks (with their normalised ``texts``) hold a disclaimer."""
    rx, label_rx, topics = _builtin()
    # the whole visible text, blocks joined as sentences
    if rx.search_joined(texts):
        return True
    # the mechanism, block by block (a summary and its deferral may stand in two blocks in a row)
    for k in range(len(texts) - 1, -1, -1):
        if _limits_itself(texts[k], texts[k + 1] if k + 1 < len(texts) else ""):
            return True
    if user:
        joined = ". ".join(texts)
        if any(u.search(joined) for u in user):
            return True
    for i, (b, _text) in enumerate(blocks):
        t = texts[i]
        if label_rx.match(t):
            # "Disclaimer: ..." in the block itself, or a "Disclaimer" heading over the next block
            if topics.search(t):
                return True
            if b.kind == "heading" and i + 1 < len(blocks) and topics.search(blocks[i + 1][1]):
                return True
    return False


def _shorten(text: str, limit: int = 160) -> str:
    text = _WHITESPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
