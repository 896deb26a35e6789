r"""Appeals to research that a reader cannot check ("Studies suggest", "A study in the Journal of Pain found").

## What it finds
Sentences that lean on research, or on experts, without saying which: a word
for research or for an unnamed authority (study, trial, review, research,
evidence, reports, experts, scientists, doctors ...), vaguely quantified
("numerous", "many", "recent", "new", "a growing body of"), with a verb that
reports a result (show, suggest, find, prove, demonstrate, confirm, reveal,
agree, say ...), in any voice:
- active: "A study published in the Journal of Pain found", "Numerous studies
  have shown", "Reports show", "Experts agree", "Scientists say", "Experts
  believe", "Many doctors now think";
- progressive or parenthetical: "research is showing that", "... and,
  research suggests, even ...";
- passive with research as the agent: "has been shown in many studies to",
  "It has been found effective after thousands of reviews";
- passive with no agent, a finding stated as shown: "has been shown to
  lower blood sugar";
- impersonal: evidence with no one behind it, "It is well documented
  that", "It has long been established that", "It is a scientifically proven
  fact that", and a verdict on research as a whole, "The research is clear:",
  "The science is settled", "the evidence is overwhelming", "Science tells us";
- "According to recent research", "In one trial, ...", "There is growing
  evidence that", "Most studies have used ...", and "the ones that have been
  done agreed that ..." when the research was named earlier in the sentence.

Such an appeal passes when the sentence itself, or what stands right after
it, lets a reader find the source: a DOI, PMID or PMCID, a trial registration,
the authors and year ("Vickers et al., 2018", "(Smith, 2019)"), a health body
or a journal named with a year ("the NIH in 2016", "published in the Journal
of Pain in 2019"), a reference marker (`[2]`, `[^2]`, a
superscript) that resolves to a full entry in the reference list or in a
numbered list of notes, a wiki's footnote marker scraped as a link to the
page's notes (`[\[3\]](#cite_note-3)`, `[[3]](#ref3)`, `<sup>[3]</sup>`), a
link (not one that sells: "Check availability", an affiliate link), or a
next sentence that points to the source ("Source: ...", "(Lesi et al.,
2016)", "The study, by ..."). A source elsewhere in the
paragraph does not excuse an unrelated "Numerous studies have shown": a marker
cites the sentence it is attached to, also when it is a superscript number
that the text runs on from ("... clinics.<sup>1</sup> Several trials found
..."). A definite reference ("The trial found", "These findings suggest")
looks back: a source in the three sentences before it counts; a finding
stated in the passive ("has been shown to") or impersonally ("It is well
documented that") leans on the sentence right before it only.

It also finds reference lists made of bare titles: a "References" (or
"Sources", "Bibliography", ...) section whose entries give no author (a person
or an organisation), year, journal, DOI, PMID or link. One finding spans each
run of such entries.

Not appeals, and left alone: negated or forward-looking wording, within the
negation's scope ("No studies have shown", "No supplement has been shown to",
"Not all studies show", "more research is needed", "what the research
shows", "Studies have not found"); mixed or negative results ("trials found
no benefit over sham"); evidence graded by its strength ("Strong evidence
supports ..."); a possessive ("our research shows"); a heading or a
label ("Research shows:") that announces a section whose studies are cited;
text that a leftover rule reports (an assistant's wrapper, an image prompt);
questions; phrases in quotes, and longer quoted (or italic) wording shown as
an example ('phrases like "Studies show that ..."', 'sentences such as
"Experts agree ..." or "..."', 'avoid *studies show*', a quote after a short
label that opens the sentence: '*AI*: "While some experts believe ..."'), as
an article about spotting weak writing does. A word that turns a trigger
("more research", "what the studies show") must stand right before it, not
across a comma or colon ("What's more, the research is clear that ..." is an
appeal). An article that an AI pipeline wrapped whole
in one code fence is read inside the fence (the Document parses it).

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
- flagged: `Numerous studies have demonstrated the benefits of acupuncture for back pain.`
- flagged: `Cinnamon has been shown in many studies to lower blood sugar.`
- flagged: `This balm has been shown to relieve 90% of joint pain.`
- flagged: `New research suggests that most diets fail because of slow cells.`
- flagged: `Probiotics calm the gut and, research suggests, even lift your mood.`
- flagged: `According to recent research, acupuncture can ease menstrual cramps.`
- flagged (md): `# Skin

[One study](https://www.example.org/sebum) found less oily skin. Numerous studies have shown that the oil calms inflamed skin.`
- flagged: `References

Acupuncture for Chronic Pain in Adults
Needling and the Nervous System

Thanks for reading.`
- not flagged: `A trial by Vickers et al. (2018) found a modest benefit over sham acupuncture.`
- not flagged: `A review found less pain after acupuncture (doi:10.1016/j.jpain.2017.11.005).`
- flagged: `It is well documented that cupping lowers blood pressure.`
- flagged (md): `# Needles

Acupuncture is offered in many pain clinics.<sup>1</sup> Several trials found that 87% of patients improved.

1. Smith J, Lee K. Acupuncture in pain clinics. Pain Med. 2019;20(4):800-9.`
- flagged: `What's more, the research is clear that needling restores damaged nerves.`
- flagged: `Experts believe that acupuncture calms the nervous system.`
- flagged: `The research is clear: needling restores damaged nerves.`
- not flagged: `No supplement has been shown to cure arthritis.`
- not flagged: `Watch for sentences such as "Experts agree that walking is the best medicine" or "Studies show that gardeners live longer."`
- not flagged (md): `# Wrist\n\nA Cochrane review found that pressing the wrist eased nausea.[\[3\]](#cite_note-3)`
- not flagged: `More research is needed before acupuncture can be recommended for ALS.`
- not flagged: `Strong evidence supports exercise for low back pain.`
- not flagged: `Hinman and colleagues (2014) tested laser needling in 282 people. The trial found no benefit over sham.`
- not flagged (md): `# Acupuncture

## What the research says

Vickers et al. (2018) pooled 39 trials and found a small benefit.`
- not flagged (md): `# Knee pain

One trial found less knee pain after ten sessions [1].

## References

1. Smith J, Lee K. Acupuncture for knee pain. Pain Med. 2019;20(4):800-9.`
- not flagged: `Pain

Some people try acupuncture.

References

World Health Organization (WHO)
Mayo Clinic`

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

from acu_lint.model import Finding
from lint_rules._claims import (  # noqa: F401 - sentences, citation detection and the prefilter are shared
    AnchoredPattern,
    Entry,
    PatternSet,
    References,
    alternation,
    anchor_info,
    block_source,
    compute_anchor_info,
    has_identifier,
    in_reference_list,
    literal_anchors,
    markers_in,
    negated,
    plain,
    plain_blocks,
    references,
    sentence_spans,
    url_spans,
)
from lint_rules._common import LazyPattern, case_exotic, load_data
from lint_rules._leftovers import memo

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
# Reference entries: what this rule adds to lint_rules._claims
# ---------------------------------------------------------------------------
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)[a-z]?"
# "Wood, Matthew. The Earthwise Herbal ...": an author whose first name is written out
_FIRST_NAME_AUTHOR = LazyPattern(r"^\s*(?:\[\^?[\w-]+\]:?\s*|\d{1,3}[.)]\s+)?[A-Z][A-Za-z'\u2019-]+,\s+[A-Z][a-z]+\.\s")
# an organisation named as the source ("World Health Organization (WHO)", "Mayo Clinic"):
# a reader knows whom to ask, so the entry is not a bare title
_ORGANISATION = LazyPattern(
    r"\b(?:Organi[sz]ation|Institutes?|Centers?|Centres?|Clinic|Association|Society|College|Foundation|Agency|"
    r"Department|Ministry|Council|Academy|University|Hospital|Administration|Service)\b"
    r"|\([A-Z]{2,8}\)\W*$|^\W*(?:\d{1,3}[.)]\s+)?(?:NHS|NIH|CDC|WHO|FDA|NICE|NCCIH|EMA|AHRQ)\b"
)


def bare_entry(e: Entry) -> bool:
    """A reference entry that gives nothing but a title: no author (a person
    or an organisation), year, journal, identifier or link."""
    return e.bare and not (_FIRST_NAME_AUTHOR.search(e.src) or _ORGANISATION.search(e.src))


# ---------------------------------------------------------------------------
# Triggers: research (or an unnamed authority) + a verb that reports a result
# ---------------------------------------------------------------------------
# a word of a filler that is not a negation ("a claim that no trial supports" is no appeal)
_NOT_NEG = r"(?:(?!(?:no|not|never|none|nor|without)\b)[\w-]+\s+)"

# What an appeal needs to be excused (the payload of each pattern):
FORWARD = "forward"  # "a study found", "numerous studies show": a source in the sentence or right after it
BACKWARD = "backward"  # "the study found", "has been shown to": a source earlier in the paragraph counts too
ANAPHOR = "anaphor"  # "the ones that were done agreed that": research named earlier in the sentence, else no appeal
VERDICT = "verdict"  # "The research is clear:": a verdict on research as a whole, "the" points back to no one study
DEFINITE = "definite"  # "the study found": a source in the sentences just before counts too
# how many sentences back a source may stand for an appeal that looks back: a definite
# reference ("The trial found") names the study cited just before; a finding stated in the
# passive ("has been shown to") or impersonally ("It is well documented that") leans only on
# the sentence right before it (a marker cites its own sentence, not the paragraph)
_REACH = {DEFINITE: 3, BACKWARD: 1}


@functools.lru_cache(maxsize=1)
def _triggers() -> tuple[PatternSet, re.Pattern[str]]:
    d = load_data("vague_citation.yaml")
    verbs = alternation(d["verbs"])
    prog = alternation(d["progressive_verbs"])
    pp = alternation(d["passive_verbs"])
    agentless = alternation(d["agentless_verbs"])
    single = alternation(d["study_nouns"])
    plural = alternation(d["plural_nouns"])
    quant = alternation(d["quantifiers"])
    who = alternation(d["authorities"])
    says = alternation(d["authority_verbs"])
    connector = (
        r"(?:\s+(?:published|appearing|reported|conducted|carried\s+out|done|presented|printed|released|featured|"
        r"run|led|funded|from|at|in|by|on|of|into|involving|with|among|including|that|which|looking\s+at|"
        r"comparing|examining|testing|covering)\b(?:\s+[^\s.;!?\"]+){0,24}?)?"
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

    def first(*keys: str) -> tuple[str, ...]:
        """The first words of the phrases listed under ``keys``, lower-cased, without
        those that begin with another one ("trials" with "trial"): where they occur
        in a lower-cased text is where a phrase of the lists may start."""
        words = {w.lower().split()[0] for k in keys for w in d[k]}
        return tuple(sorted(w for w in words if not any(w != v and w.startswith(v) for v in words)))

    # the verdict on research as a whole, from its noun on: "research is clear", "data are in:"
    verdict = (r"(?:research|science|evidence|data|studies|literature|findings)\s+(?:is|are|has\s+been|have\s+been|"
               r"seems|remains)\s+(?:(?:now|very|quite|absolutely|perfectly|crystal|pretty)\s+)?(?:clear|conclusive|"
               r"unequivocal|overwhelming|settled|unanimous|undeniable|irrefutable|indisputable|definitive|"
               r"in(?=\s*[:;,.\u2014-]))\b")
    # a passive's participle with research as its agent: "shown in many studies", "proven by research"
    by_research = (rf"(?:{pp})\b(?:\s+(?!(?:no|not|never)\b)[\w-]+){{0,3}}?\s+(?:in|by|through|across|after|from|via)\s+"
                   rf"(?:[\w-]+\s+){{0,4}}?(?:{plural}|{single}|{who})\b")
    # (kind, pattern[, gate]): a gate (literals, core) is a cheap necessary condition: a match
    # of the pattern holds a match of ``core`` (the pattern itself when None) that starts where
    # one of ``literals`` occurs in the lower-cased text; the pattern is run only where the
    # gate opens (most texts have none of these forms, and trying a pattern that starts with
    # common words at every position of a text is what costs)
    parts = [
        # "A study published in the Journal of Pain found", "Another trial showed", "One 2019 review concluded",
        # "Studies suggest", "Numerous studies and clinical trials have demonstrated", "research is showing",
        # "reports show": matched from the noun on; the words before it are read after (see below)
        ("research", rf"\b({single}|{plural})\b(?:\s+and\s+[\w-]+(?:\s+[\w-]+)?)?{connector}{vgroup}"),
        # "Evidence suggests", "The scientific evidence shows" (graded evidence, "strong evidence supports", is left alone)
        (FORWARD, r"\b(?:(?:the|current|recent|scientific|clinical|research|medical|growing|emerging|existing|available|"
                  r"some|much|mounting|new|published|a\s+growing\s+body\s+of|a\s+body\s+of)\s+)*(?:evidence|proof)"
                  r"(?:\s+from\s+[^.;!?]{0,80}?)?\s+(?:suggests|shows|indicates|supports|points\s+to|has\s+shown|confirms|"
                  r"proves|is\s+clear|is\s+showing|is\s+growing\s+that)\b"),
        # "There is growing evidence that", "there's mounting research showing"
        (FORWARD, r"\bthere(?:\s+is|'s|\s+are)\s+(?:now\s+)?(?:growing|mounting|increasing|emerging|ample|overwhelming|"
                  r"plenty\s+of|a\s+lot\s+of|lots\s+of|a\s+growing\s+body\s+of|a\s+large\s+body\s+of|a\s+mountain\s+of|"
                  r"mountains\s+of|a\s+wealth\s+of|abundant|considerable|substantial|compelling|extensive)\s+"
                  r"(?:scientific\s+|clinical\s+|medical\s+)?(?:evidence|research|studies|data|proof)\s+(?:that|to\s+(?:suggest|show)|"
                  r"showing|suggesting|indicating)\b"),
        # "There is scientific proof that": proof, named as such, needs no quantifier
        (FORWARD, r"\bthere(?:\s+is|'s)\s+(?:now\s+)?(?:(?:scientific|clinical|medical|hard|solid|real)\s+)?proof\s+that\b"),
        # "According to recent research", "according to a study in ...", "according to experts"
        (FORWARD, rf"\baccording\s+to\s+(?:(?:a|an|one|some|recent|new|several|many|the\s+latest|current|numerous|multiple|"
                  rf"the|most|leading)\s+)*(?:[\w-]+\s+){{0,2}}?(?:{single}|{plural}|{who}|surveys|reports|data)\b"),
        # "In one study, ..." / "In a recent trial ..."
        (FORWARD, rf"\bin\s+(?:a|an|one|another)\s+{_NOT_NEG}{{0,3}}?(?:{single})\b(?=\s*,|\s+(?:of|on|from|published|"
                  r"with|involving|at|by|about|into|in|among|looking|that|which|conducted|carried)\b)", (("in",), None)),
        # impersonal evidence: "It has been scientifically proven that", "it's been shown that",
        # "It is well documented that", "it has long been established that"
        (BACKWARD, r"\bit(?:\s+has|'s|\s+is|\s+was|\s+have)\s+(?:(?:now|also|long|since)\s+)?(?:been\s+)?"
                   r"(?:(?:now|also|long|well|widely|firmly|repeatedly|consistently|conclusively|thoroughly|extensively|"
                   r"clearly|amply|scientifically|clinically|medically)[\s-]+){0,2}"
                   r"(?:proven|proved|shown|demonstrated|found|documented|established|confirmed)\b"
                   r"(?=(?:\s+(?:time\s+and\s+(?:time\s+)?again|again\s+and\s+again|over\s+and\s+over(?:\s+again)?|many\s+times"
                   r"|repeatedly|conclusively|beyond\s+(?:any\s+)?doubt))?"
                   r"\s+(?:that|in\s+(?:studies|research|trials|the\s+literature)|by\s+(?:studies|research|science)))", (("it",), None)),
        # "It is a scientifically proven fact that", "it's a well-documented fact that"
        (BACKWARD, r"\bit(?:\s+is|'s|\s+has\s+been)\s+(?:a|an)\s+(?:(?:well|scientifically|medically|clinically|widely)[\s-]+)?"
                   r"(?:proven|documented|established|scientific|medical)\s+fact\s+that\b"),
        # the verdict of research, impersonally: "The research is clear:", "the science is settled",
        # "the data are conclusive", "The evidence is overwhelming" (not "the evidence is mixed")
        (VERDICT, r"\b(?:(?:the|current|modern|medical|scientific|clinical|latest)\s+)*" + verdict,
         (("research", "science", "evidence", "data", "studies", "literature", "findings"), verdict)),
        # "Science shows / has proven"
        (FORWARD, r"\b(?:modern\s+)?science\s+(?:has\s+)?(?:proven|proved|proves|shows|shown|says)\b"),
        # "Experts agree", "Most doctors now agree that", "scientists say": an authority nobody can check
        # (not "your doctors have confirmed the diagnosis": a possessive names someone the reader
        # knows, see not_before); matched from the noun on, as the research words are
        ("authority", rf"\b(?:{who})\s+(?:now\s+|all\s+|widely\s+|generally\s+|increasingly\s+|have\s+|largely\s+)*"
                      rf"(?:{says})\b(?!\s+(?:on\s+(?:a|one|the|your)|to|with\s+(?:you|me|us|each))\b)"),
        # the passive with research as its agent: "has been shown in many studies to",
        # "It has been found effective after thousands of reviews", "was proven by research"
        (FORWARD, rf"\b(?:has|have|had|is|are|was|were|been|being)\s+{padv}(?:been\s+)?{sci}" + by_research,
         (first("passive_verbs"), by_research)),
        # the agentless perfect passive of a finding: "X has been shown to lower blood sugar"
        (BACKWARD, rf"\b(?:has|have)\s+{padv}been\s+{sci}(?:{agentless})\s+to\b"),
        # "..., the ones that have been done have agreed that": research named earlier in the sentence
        (ANAPHOR, r"\b(?:the\s+ones|those|they|these|all\s+of\s+them|most\s+of\s+them)(?:\s+that\s+(?:have|were|had)\s+"
                  r"been\s+(?:done|published|conducted|carried\s+out|run))?(?:\s+have|\s+had)?(?:\s+(?:[a-z]+ly|pretty|quite|very|all|also|now)){0,3}\s+"
                  r"(?:agreed|shown|showed|found|concluded|demonstrated|confirmed|suggested)\s+that\b", (("the", "those", "all", "most"), None)),
        # what the body of research did: "Most studies have used doses of ..."
        (FORWARD, rf"\b(?:most|many|nearly\s+all|almost\s+all|the\s+majority\s+of)\s+(?:(?:{quant})\s+)*"
                  r"(?:studies|trials|clinical\s+trials|research|reviews)\s+(?:have\s+)?(?:used|tested|given)\b"),
    ]
    # The commonest forms start with a run of words that occur everywhere ("a",
    # "the", "new"): trying that run at every word of a text is what costs, so they
    # are matched from their noun on (found with str.find, the pattern matched
    # there), and the words before the noun are read off the few characters just
    # before it: a study needs its article ("a", "one", "another"), research and
    # experts may have a quantifier ("numerous", "most").
    article = LazyPattern(rf"\b(?:a|an|one|another)\s+{_NOT_NEG}{{0,3}}?$", re.I)
    quantified = LazyPattern(rf"\b(?:(?:{quant})\s+)+$", re.I)
    plural_words = frozenset(" ".join(w.lower().split()) for w in d["plural_nouns"])

    def research_start(text: str, m) -> int | None:
        lo = max(0, m.start() - 80)
        if " ".join(m.group(1).lower().split()) in plural_words:
            b = quantified.search(text, lo, m.start())
            return b.start() if b else m.start()
        b = article.search(text, lo, m.start())
        return b.start() if b else None

    experts = LazyPattern(r"\b(?:(?:most|many|leading|top|medical|health|all|independent|some|other)\s+)+$", re.I)

    def authority_start(text: str, m) -> int:
        b = experts.search(text, max(0, m.start() - 80), m.start())
        return b.start() if b else m.start()

    prefixes = {
        "research": (FORWARD, research_start, first("study_nouns", "plural_nouns")),
        "authority": (FORWARD, authority_start, first("authorities")),
    }
    items = []
    for kind, p, *gate in parts:
        kind, starts_at, nouns = prefixes.get(kind, (kind, None, None))
        if gate:
            literals, core = gate[0]
            gate = (literals, None if core is None else LazyPattern(core, re.I))
        items.append(((kind, starts_at, nouns, gate or None), AnchoredPattern(p)))
    pset = PatternSet(items)
    # right before the trigger, within its phrase ("more research", "what the studies show"): not
    # across a comma, colon or dash ("What's more, the research is clear that ..." is an appeal)
    not_before = LazyPattern(rf"(?:^|\W)(?:{alternation(d['not_before'])})[\s*_\"'\u201c\u2018(\[]*$", re.I)
    return pset, not_before


@functools.lru_cache(maxsize=1)
def _not_after() -> re.Pattern[str]:
    return re.compile(rf"(?:\s+that)?\s+(?:(?:only|a|an|very|largely|mostly)\s+)?(?:{alternation(load_data('vague_citation.yaml')['not_after'])})\b",
                      re.I)


@functools.lru_cache(maxsize=1)
def _research_word() -> re.Pattern[str]:
    d = load_data("vague_citation.yaml")
    return re.compile(rf"\b(?:{alternation(list(d['plural_nouns']) + list(d['study_nouns']))})\b", re.I)


_NEGATED_VERB = LazyPattern(r"\b(?:not|never|n't|failed\s+to|fail\s+to|yet\s+to)\b", re.I)
_SCOPE_REACH = 300
_DEFINITE = frozenset(("the", "this", "these", "those", "that", "such"))
_QUOTED = LazyPattern(r'"[^"\n]{1,80}"|(?<![\w])\'[^\'\n]{1,60}\'(?![\w])')
_LONG_QUOTED = LazyPattern(r'"[^"\n]{1,300}"|(?<![\w])\'[^\'\n]{1,300}\'(?![\w])')
# what introduces a quoted phrase as an example of wording, not as the writer's claim:
# 'phrases like "Studies show ..."', 'sentences such as "Experts agree ..."', 'e.g. "..."'
_MENTION_CUE = LazyPattern(
    r"(?:\b(?:like|such\s+as|e\.\s?g\.?|for\s+example|for\s+instance|namely|including|the\s+(?:phrase|words?|line|claim|sentence)"
    r"|(?:phrases?|words?|wordings?|sentences?|claims?|lines?|terms?|expressions?|statements?|slogans?|openers?|openings?|"
    r"buzzwords?|formulas?|cliches?|clich\u00e9s?|red\s+flags?)(?:\s+(?:like|such\s+as|as))?"
    r"|watch\s+(?:out\s+)?for|look\s+out\s+for|beware\s+of|avoid|spot))\W{0,3}$"
    # a label that announces an example: "A classic sign of AI text:", "Example:", "Red flag:"
    r"|\b(?:examples?|signs?|tells?|telltales?|giveaways?|hallmarks?|symptoms?|red\s+flags?)\b"
    r"(?:(?!\b(?:says?|said|told|tells|writes?|wrote|reads?)\b)[^.!?\"':]){0,40}:\s*$", re.I)
# a quote that follows another quote in a list: '"..." or "..."', '"...", "..."'
_QUOTE_LIST = LazyPattern(r"^\s*(?:,|;|or|and|,\s*or|,\s*and|/)\s*$", re.I)


# a short label that opens the sentence and gives the quote after it as a specimen: '*AI*: "..."',
# 'Before: "..."', 'Human version: "..."'
_LABELLED_QUOTE = LazyPattern(r"^\W*(?:[\w'-]+\W{0,3}){1,3}:\W*$")


def _mentioned_quotes(sent: str) -> list[tuple[int, int]]:
    """Quoted stretches of ``sent`` that show wording as an example: introduced
    by a cue ("phrases like", "such as", "e.g.") or by a short label that
    opens the sentence ('*AI*: "..."'), or listed after such a quote."""
    out: list[tuple[int, int]] = []
    prev_end = None
    prev_mention = False
    for q in _LONG_QUOTED.finditer(sent):
        a, b = q.span()
        listed = prev_mention and prev_end is not None and _QUOTE_LIST.match(sent[prev_end:a]) is not None
        mention = listed or _MENTION_CUE.search(sent[max(0, a - 40):a]) is not None \
            or (a <= 40 and _LABELLED_QUOTE.match(sent, 0, a) is not None)
        if mention:
            out.append((a, b))
        prev_end, prev_mention = b, mention
    return out


def _block_hits(text: str, user, active) -> list[tuple[int, int, str | None]]:
    """(start, end, kind) of trigger matches in a block's text (kind None for
    the user's patterns); ``active`` are the built-in patterns that can match it."""
    found = []
    low = None
    exotic = None
    for (kind, starts_at, nouns, gate), pat in active:
        if low is None and (nouns is not None or gate is not None):
            low = text.lower()
            if len(low) != len(text):  # a character whose lower case is longer: positions would shift
                low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        if gate is not None:
            if exotic is None:  # a letter that re.I matches with another one: the literals may miss it
                exotic = not text.isascii() and case_exotic(text.lower())
            if not exotic and not _gate_open(text, low, gate[0], gate[1] or pat.rx):
                continue
        if nouns is None:
            matches = pat.rx.finditer(text)
        else:
            matches = _at_nouns(text, low, nouns, pat.rx)
        for m in matches:
            start = m.start() if starts_at is None else starts_at(text, m)
            if start is not None:
                found.append((start, m.end(), kind))
    for u in user:
        found.extend((m.start(), m.end(), None) for m in u.finditer(text) if m.end() > m.start())
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    return found


def _gate_open(text: str, low: str, literals: tuple[str, ...], core) -> bool:
    """Whether ``core`` matches ``text`` where one of ``literals`` occurs in
    ``low`` (``text`` lower-cased, the same length)."""
    match = core.match
    for lit in literals:
        i = low.find(lit)
        while i >= 0:
            if match(text, i) is not None:
                return True
            i = low.find(lit, i + 1)
    return False


def _at_nouns(text: str, low: str, nouns: tuple[str, ...], rx: re.Pattern[str]):
    """The matches of ``rx`` (which starts with one of ``nouns``) in ``text``,
    tried only where a noun starts (``low`` is ``text`` lower-cased, the same length)."""
    starts: set[int] = set()
    for noun in nouns:
        i = low.find(noun)
        while i >= 0:
            starts.add(i)
            i = low.find(noun, i + 1)
    end = -1
    for i in sorted(starts):
        if i < end:
            continue  # inside the previous match (as finditer would not overlap)
        m = rx.match(text, i)
        if m is not None:
            end = m.end()
            yield m


def _sentence_hits(sent: str, hits) -> list[tuple[int, int, str]]:
    """The hits in one sentence that are real appeals, with what excuses them:
    not mentioned in quotes, not after "no"/"what"/"more", not with a negated
    verb, a passive not about a negated subject, an anaphor with research
    named before it."""
    _, not_before = _triggers()
    # a phrase in short quotes is mentioned, not used: 'avoid "studies suggest"'
    mentions = [(q.start(), q.end()) for q in _QUOTED.finditer(sent) if len(q.group(0).split()) <= 6]
    # a longer quote that opens with the appeal and is shown as an example of wording
    # ('sentences such as "Experts agree that ..." or "Studies show that ..."') is a mention too
    examples = _mentioned_quotes(sent) if '"' in sent or "'" in sent else []
    out: list[tuple[int, int, str]] = []
    for hs, he, kind in hits:
        if out and hs < out[-1][1]:
            continue
        if kind is None:  # the user's own pattern: reported as it stands
            out.append((hs, he, FORWARD))
            continue
        if any(a <= hs and he <= b for a, b in mentions):
            continue
        if any(a < hs and he <= b for a, b in examples):
            continue
        if not_before.search(sent[max(0, hs - 25):hs]) or _NEGATED_VERB.search(sent[hs:he]) \
                or _not_after().match(sent, he):
            continue
        base = kind
        # in a negation's scope (NegEx): "No supplement has been shown to", "Not all studies show"
        cut = max(0, hs - _SCOPE_REACH)  # a negation's scope is short: a long sentence is read near the hit
        if negated(sent[cut:], hs - cut):
            continue
        if base == ANAPHOR:
            if not _research_word().search(sent, 0, hs):
                continue
            base = FORWARD  # the research it points back to is in this sentence: so must its source be
        elif base == VERDICT:
            base = FORWARD  # its source must stand in the sentence or right after it
        elif base == FORWARD:
            first = sent[hs:he].split(None, 1)[0].lower()
            if first in _DEFINITE:  # "the study found": points back to one named before
                base = DEFINITE
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


# a journal named with a year: "published in the Journal of Pain in 2019", "a 2019 study in JAMA"
_JOURNALS = r"(?:Journal|Annals|Archives|Lancet|BMJ|JAMA|NEJM|PLOS|PLoS|Cochrane|Proceedings|Pediatrics|Neurology|Spine)"
_JOURNAL_YEAR = LazyPattern(
    rf"\b(?:published|appeared|appearing|reported)\s+in\s+(?:the\s+)?(?:journal\s+)?[*_]*[A-Z][^.;!?]{{0,80}}?\b{_YEAR}\b"
    rf"|\b{_YEAR}\b[^.;!?]{{0,60}}?\b(?:published\s+in|in)\s+(?:the\s+)?(?:journal\s+)?[*_]*(?:{_JOURNALS}|[A-Z][a-z]+\s+Journal)\b"
    rf"|\bin\s+(?:the\s+)?[*_]*{_JOURNALS}\b[^.;!?]{{0,80}}?\b{_YEAR}\b"
)


@functools.lru_cache(maxsize=1)
def _body_year() -> re.Pattern[str]:
    """A health body named with a year: "the NIH in 2016", "NAMS 2023", "the
    Endocrine Society (2023)", "a 2020 NCCIH review"."""
    bodies = "|".join(map(re.escape, sorted(load_data("vague_citation.yaml")["bodies"], key=len, reverse=True)))
    org = (r"(?:[A-Z][\w'-]+\s+){0,6}(?:Organi[sz]ation|Institutes?|Cent(?:er|re)s?|Society|Association|College|"
           r"Foundation|Agency|Academy|Council|Administration|Service|Task\s+Force|School|University|Hospital|Clinic)\b(?:\s+(?:of|for|on|and)\s+[A-Z][\w'-]+)*")
    body = rf"(?:\b(?:{bodies})\b|{org})"
    return re.compile(rf"{body}(?:\s*\([A-Z]{{2,8}}\))?[^.;!?\n]{{0,20}}?\b{_YEAR}\b|\b{_YEAR}\s+(?:{body})")


def _cites(src: str, links: str = "any") -> bool:
    """:func:`lint_rules._claims.has_identifier`, but a link only counts when
    it is not an invitation to buy or watch (neither its target nor its
    text), and a health body named with a year counts."""
    spans = url_spans(src)
    rest = src
    for a, b in reversed(spans):
        rest = rest[:a] + " " * (b - a) + rest[b:]
    if has_identifier(rest) or _body_year().search(rest) or _JOURNAL_YEAR.search(rest):
        return True
    for a, b in spans:
        url = src[a:b]
        if has_identifier(url, "sources"):
            return True
        if links == "any" and has_identifier(url) and not _AFFILIATE.search(url) \
                and not _CTA_TEXT.search(_link_text(src, a)):
            return True
    return False


def _notes(doc) -> dict[str, Entry]:
    """Numbered list items that are full references though no reference
    heading stands over them ("1. [Does cinnamon help?](https://...)" at the
    end of an article), by number: a marker may point to them."""

    def compute():
        out: dict[str, Entry] = {}
        for b in doc.blocks:
            if b.kind == "list_item" and b.number is not None:
                e = Entry(b.start, b.end, block_source(doc, b), str(b.number))
                if e.full:
                    out.setdefault(str(b.number), e)
        return out

    return memo(doc, "vague_citation.notes", compute)


# a wiki's footnote marker scraped as a link to the note in the page: "[\[3\]](#cite_note-3)",
# "[[3]](#ref3)", "[3](#fn3)": the page's own reference, a cited sentence
_ANCHOR_MARKER = LazyPattern(
    r"\[\\?\[\s*\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\s*\\?\]\]\(#|\[\d{1,3}\]\(#"
    r"|<a\s[^<>]{0,200}?href=[\"']?#[^<>]{0,200}>\s*\[?\d{1,3}\]?\s*</a>"
    r"|<sup\b[^<>]{0,200}>\s*\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\]\s*</sup>")
_CITE_ANCHOR = LazyPattern(r"#(?:cite[_-]?note|cite[_-]?ref|cite|ref|refs|reference|fn|footnote|endnote|note|n)[-_:]?[\w-]*\)?",
                           re.I)


def _resolves(doc, src: str, refs: References) -> bool:
    if "\\[" in src:  # escaped brackets around a marker ("[\[3\]]"): read as "[[3]]"
        src = src.replace("\\[", "[").replace("\\]", "]")
    if "(#" in src or "<a" in src or "<sup" in src:
        for m in _ANCHOR_MARKER.finditer(src):
            if m.group(0).startswith("<sup"):
                return True  # a wiki's bracketed superscript: "<sup>[3]</sup>"
            at = m.end() - 1 if src[m.end() - 1] == "#" else src.find("#", m.start(), m.end())
            if at >= 0 and _CITE_ANCHOR.match(src, at):
                return True
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


# a sentence end that the shared splitter reads past: a superscript reference number
# left as digits in the text ("... in pain clinics.<sup>1</sup> Several trials found ..."
# reads "clinics.1 Several"), a pandoc superscript ("clinics.^1^ Several")
_DIGIT_MARKER_END = LazyPattern(
    r"(?<=[A-Za-z%)\]])[.!?][\"'\u201d\u2019)\]]*\^?\d{1,3}(?:[,\u2013-]\d{1,3})*\^?(?=\s+[\"'\u201c\u2018(\[]?[A-Z])")


def _split_at_digit_markers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each sentence that runs past a reference number cut
    after that number: a marker cites the sentence it is attached to, not the
    next one (so the next one's appeal is read on its own)."""
    if not any(c.isdigit() for c in text):
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for m in _DIGIT_MARKER_END.finditer(text, s, e):
            cut = m.end()
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if s < e:
            out.append((s, e))
    return out


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
    yield from _check_view(doc, options, user)


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
        spans = _split_at_digit_markers(text, sentence_spans(text))
        block_end = doc.line_end(block.end_line)
        label = _label(block, text)
        r = 0  # the raw hits are sorted by start: each sentence takes its own from where the last stopped
        for k, (s, e) in enumerate(spans):
            mine = []
            while r < len(raw) and raw[r][0] < e:
                hs, he, kd = raw[r]
                if hs >= s and he <= e:
                    mine.append((hs - s, he - s, kd))
                r += 1
            if not mine:
                continue
            sent = text[s:e]
            if sent.rstrip().endswith("?"):
                continue
            hits = _sentence_hits(sent, mine)
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
            elif i + 1 < len(blocks):  # the block right after: "Source: ...", "(Lesi et al., 2016)"
                nb, ntext, _ = blocks[i + 1]
                if nb.kind != "heading" and _POINTER.match(ntext) and len(ntext.split()) <= 40 \
                        and _has_source(doc, block_source(doc, nb), refs):
                    continue
            back: dict[str, bool] = {}
            if label:
                # a heading that announces a section ("What the research says", "Research shows:")
                rest = sent[max(h[1] for h in hits):]
                if len(rest.split()) < 3 or _section_cites(doc, blocks, i, refs):
                    continue
            emphasised = None  # the end of the last appeal set in italics as an example
            for hs, he, kind in hits:
                if kind in _REACH:
                    if kind not in back:
                        # the sentences just before in the paragraph, any source; in the paragraph
                        # before, a link only to where research is published (not the writer's
                        # other posts)
                        first = max(0, k - _REACH[kind])
                        lo = prose.span(spans[first][0], spans[first][1])[0] if first < k else a
                        if first == 0:
                            lo = min(lo, doc.line_start(block.line))
                        found = lo < a and _has_source(doc, doc.text[lo:a], refs)
                        if not found and k == 0 and i > 0 and blocks[i - 1][0].kind != "heading":
                            found = _has_source(doc, block_source(doc, blocks[i - 1][0]), refs, "sources")
                        back[kind] = found
                    if back[kind]:
                        continue
                start, end = prose.span(s + hs, s + he)
                if start > 0 and doc.text[start - 1] in "*_" and (
                        _MENTION_CUE.search(sent[max(0, hs - 40):hs])
                        or emphasised is not None and _QUOTE_LIST.match(sent[emphasised:hs].strip(" *_"))):
                    emphasised = he  # set in italics as an example of wording: 'phrases like *studies show* or ...'
                    continue
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
            if e is not None and bare_entry(e):
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
