"""vague-citation: appeals to research that must be flagged (exact span), and sourced,
negated or mentioned ones that must pass; reference lists of bare titles."""
from __future__ import annotations

import pytest

from conftest import lint, seeds_or_skip

RULE = "vague-citation"
TITLE = "Acupuncture and Pain\n\n"  # line 1; the sentence under test sits on line 3


def findings(text, filename="article.txt", options=None):
    return [f for f in lint(text, filename, select=[RULE], options={RULE: options or {}}) if f.rule == RULE]


# (sentence, the exact text the finding must span)
MUST_FLAG = [
    ("Experts agree that cupping is one of the best ways to speed up recovery.", "Experts agree"),
    ("Most doctors now agree that acupuncture is the gold standard for neuropathy.", "Most doctors now agree"),
    ("A study published in the Journal of Pain found that acupuncture reduced neck pain.",
     "A study published in the Journal of Pain found"),
    ("One study in the British Medical Journal showed fewer headache days.",
     "One study in the British Medical Journal showed"),
    ("Another trial reported better sleep in people with insomnia.", "Another trial reported"),
    ("A recent meta-analysis concluded that acupuncture helps knee pain.", "A recent meta-analysis concluded"),
    ("A 2019 study found that acupuncture eased hot flashes.", "A 2019 study found"),
    ("A large randomized controlled trial demonstrated a benefit for migraine.",
     "A large randomized controlled trial demonstrated"),
    ("A systematic review published in a leading journal suggested modest benefits.",
     "A systematic review published in a leading journal suggested"),
    ("Studies suggest that acupuncture may promote nerve regeneration.", "Studies suggest"),
    ("Research indicates that acupuncture might activate pain-relief pathways.", "Research indicates"),
    ("Numerous studies have demonstrated the benefits of acupuncture.", "Numerous studies have demonstrated"),
    ("Many studies have shown that acupuncture relieves back pain.", "Many studies have shown"),
    ("Several clinical trials have found that acupuncture reduces nausea.", "Several clinical trials have found"),
    ("Recent research shows that acupuncture can lower stress hormones.", "Recent research shows"),
    ("Scientific studies confirm that acupuncture works for migraines.", "Scientific studies confirm"),
    ("Clinical trials support the use of acupuncture for chronic pain.", "Clinical trials support"),
    ("Evidence suggests that acupuncture can improve fertility outcomes.", "Evidence suggests"),
    ("The scientific evidence shows a clear benefit for tension headaches.", "The scientific evidence shows"),
    ("According to recent research, acupuncture can ease menstrual cramps.", "According to recent research"),
    ("According to a study from Harvard, acupuncture changes brain activity.", "According to a study"),
    ("In one study, patients who had acupuncture used fewer painkillers.", "In one study"),
    ("Researchers found that acupuncture increases blood flow to the hands.", "Researchers found"),
    ("Scientists have discovered that needling releases adenosine.", "Scientists have discovered"),
    ("Research published in the Journal of the American Medical Association indicates a benefit.",
     "Research published in the Journal of the American Medical Association indicates"),
    ("Studies and clinical trials have proven the effectiveness of acupuncture.",
     "Studies and clinical trials have proven"),
    ("A growing body of research suggests that acupuncture helps anxiety.", "A growing body of research suggests"),
    ("It has been scientifically proven that acupuncture relieves pain.", "It has been scientifically proven"),
    ("Science shows that acupuncture affects the nervous system.", "Science shows"),
    ("Research has shown that acupuncture can help with carpal tunnel syndrome.", "Research has shown"),
    ("Studies conducted in China and Germany found benefits for knee arthritis.",
     "Studies conducted in China and Germany found"),
    ("Multiple trials have consistently shown less pain after acupuncture.", "Multiple trials have consistently shown"),
    ("A survey of acupuncture patients revealed high satisfaction.", "A survey of acupuncture patients revealed"),
    ("A pilot study at a university hospital showed improved nerve conduction.",
     "A pilot study at a university hospital showed"),
    ("Recent studies indicate acupuncture may reduce hot flashes in women with breast cancer.",
     "Recent studies indicate"),
    ("Current research supports acupuncture as an add-on for knee osteoarthritis.", "Current research supports"),
    ("Studies show acupuncture can lower blood pressure.", "Studies show"),
    ("Medical research has confirmed the pain-relieving effects of acupuncture.", "Medical research has confirmed"),
    ("Many clinical studies point to a benefit for chronic neck pain.", "Many clinical studies point to"),
    ("One review of 29 trials found acupuncture better than sham.", "One review of 29 trials found"),
    ("A Cochrane review found that acupuncture may prevent migraines.", "A Cochrane review found"),
    ("Another study in the Journal of Alternative and Complementary Medicine showed faster recovery.",
     "Another study in the Journal of Alternative and Complementary Medicine showed"),
    ("Research from the University of Maryland found that acupuncture reduced knee pain.",
     "Research from the University of Maryland found"),
    ("In a 2007 experiment, 47 people with neuropathy were split into two groups.", "In a 2007 experiment"),
    ("In another research study about HIV neuropathy, twenty patients had acupuncture.",
     "In another research study"),
    ("A study by researchers in Korea found less pain after electroacupuncture.",
     "A study by researchers in Korea found"),
]

# Sentences (or short articles) that must pass.
MUST_PASS = [
    "Once your doctors have confirmed the diagnosis, ask about a referral to a pain clinic.",
    "Make sure your specialists agree on one plan before you start.",
    "Research shows acupuncture helps some people (see the handbook at https://www.acupuncture.org.uk/handbook).",
    "Anyone who offers permanent relief is making a claim that no trial supports.",
    "Not all doctors agree on how many sessions are best.",
    "Smith and Lee (2020) found that most experts agree on the safety rules.",
    "Do experts agree? Ask your own doctor.",
    "Recent research shows acupuncture can ease hot flushes (Lesi et al., J Clin Oncol 2016).",
    "A trial by Vickers et al. (2018) found a modest benefit over sham acupuncture.",
    "A review found less pain after acupuncture (doi:10.1016/j.jpain.2017.11.005).",
    "No studies have shown that acupuncture cures neuropathy.",
    "More research is needed before acupuncture can be recommended for ALS.",
    "Studies have not found a clear benefit for weight loss.",
    "Few studies have looked at acupuncture for ALS.",
    "Ask your acupuncturist what the research shows for your condition.",
    "Smith and colleagues (2019) found that needling reduced pain.",
    "In a 2017 trial led by Dr. Hinman, knee pain improved more with laser acupuncture than with sham.",
    "Studies suggest a benefit (PMID: 29198932).",
    "A trial registered as NCT01234567 found fewer hot flashes.",
    "A study published at https://pubmed.ncbi.nlm.nih.gov/29198932/ found a benefit.",
    "Researchers are now studying acupuncture for long COVID.",
    "Studies are needed to show whether acupuncture helps.",
    "Do studies show that acupuncture works?",
    "Future studies should test longer courses of treatment.",
    "The research is still limited, so talk to your doctor.",
    "There is little research on acupuncture for ALS.",
    "We do not know whether research supports acupuncture for tinnitus.",
    "This study found that the effect faded after six months.",
    "Another study (Lee & Kim, 2020) reported similar findings in older adults.",
    "A study by MacPherson et al., published in 2017, found a benefit for neck pain.",
    "Studies of acupuncture for hot flashes have had mixed results, according to Smith (2021).",
    "Acupuncture has been studied for many conditions.",
    "Research into acupuncture began in the 1970s.",
    "Clinical trials are under way at several hospitals.",
    "In 2018, Vickers and colleagues pooled data from 39 trials and found a modest benefit.",
    "A trial (ISRCTN12345678) showed fewer flare-ups.",
    "What do studies say about acupuncture for anxiety?",
    "Some studies suggest a benefit (Smith 2019; Jones 2020).",
    'Avoid vague phrases such as "studies suggest" in your own writing.',
    "Whether studies support acupuncture for tinnitus is unclear.",
    "The evidence is mixed.",
    "Researchers at the clinic measured pain before and after each session.",
    "A study is under way to test acupuncture for dry mouth.",
    "Studies have yet to show a benefit for smoking cessation.",
    "Unless studies show otherwise, treat acupuncture as an add-on.",
    "Your acupuncturist can share the studies behind each treatment plan.",
    "The National Institutes of Health describes acupuncture as generally safe.",
    "Vickers et al. pooled 20,000 patients in 2018 (doi:10.1016/j.jpain.2017.11.005). The review found a modest benefit.",
    "A Cochrane review by Linde et al. (2016) found fewer migraine days.",
]

# Whole documents that must pass (markers that resolve to full references, links, footnotes).
MUST_PASS_DOCS = [
    ("a.md", "# Knee pain\n\nOne trial found less knee pain after ten sessions [1].\n\n## References\n\n"
             "1. Smith J, Lee K. Acupuncture for knee pain. Pain Med. 2019;20(4):800-9.\n"),
    ("a.md", "# Pain\n\nStudies suggest a benefit.[^1]\n\n[^1]: Vickers AJ, et al. J Pain. 2018;19(5):455-474.\n"),
    ("a.md", "# Pain\n\n[A 2018 review](https://doi.org/10.1016/j.jpain.2017.11.005) found a modest effect.\n"),
    ("a.html", '<h1>Pain</h1>\n<p>A study <a href="https://pubmed.ncbi.nlm.nih.gov/1/">found</a> a benefit.</p>\n'),
    ("a.txt", "Pain\n\nA study [2] found less pain in the treatment group.\n\nReferences\n\n"
              "1. Vickers AJ, et al. J Pain. 2018;19(5):455-474.\n"
              "2. Hinman RS, et al. JAMA. 2014;312(13):1313-22.\n"),
    ("a.html", "<h1>Pain</h1>\n<p>Studies suggest a benefit.<sup>1</sup></p>\n<h2>References</h2>\n"
               "<ol><li>MacPherson H, et al. J Pain. 2017;18(5):468-479.</li></ol>\n"),
    ("a.txt", "Pain\n\nSeveral trials found less pain [1-2].\n\nSources\n\n"
              "[1] Vickers AJ et al. Acupuncture for chronic pain. J Pain. 2018. doi:10.1016/j.jpain.2017.11.005\n"
              "[2] Linde K et al. Cochrane Database Syst Rev. 2016;(6):CD001218.\n"),
    ("a.txt", "Pain\n\nSome people try acupuncture.\n\nReferences\n\n"
              "Vickers AJ, Vertosick EA, Lewith G, et al. Acupuncture for chronic pain. J Pain. 2018;19(5):455-474.\n"
              "MacPherson H, et al. Acupuncture for chronic pain and depression. J Pain. 2017;18(5):468-479.\n"),
    ("a.md", "# Pain\n\nSome people try acupuncture.\n\n## Sources\n\n"
             "- [Acupuncture: In Depth](https://www.nccih.nih.gov/health/acupuncture-in-depth)\n"
             "- [NHS: Acupuncture](https://www.nhs.uk/conditions/acupuncture/)\n"),
]


@pytest.mark.parametrize("sentence,phrase", MUST_FLAG, ids=[s for s, _ in MUST_FLAG])
def test_must_flag(sentence, phrase):
    found = findings(TITLE + sentence + "\n")
    assert len(found) == 1, [f.snippet for f in found]
    f = found[0]
    assert (f.line, f.column) == (3, sentence.index(phrase) + 1)
    assert (f.end_line, f.end_column) == (3, sentence.index(phrase) + len(phrase) + 1)
    assert f.severity == "warning" and f.fix is None


@pytest.mark.parametrize("sentence", MUST_PASS)
def test_must_pass(sentence):
    assert findings(TITLE + sentence + "\n") == []


@pytest.mark.parametrize("filename,text", MUST_PASS_DOCS)
def test_must_pass_documents(filename, text):
    assert findings(text, filename) == []


def test_tables_are_big_enough():
    assert len(MUST_FLAG) >= 40 and len(MUST_PASS) + len(MUST_PASS_DOCS) >= 40


def test_message_has_what_why_how():
    (f,) = findings(TITLE + "Studies suggest that acupuncture helps.\n")
    assert f.message.startswith('"Studies suggest" appeals to research that the reader cannot check.')
    assert "JAMA benchmark" in f.message and "DOI" in f.message


def test_markdown_emphasis_and_positions():
    md = "# Pain\n\nResearch published in the *Journal of Pain* indicates a small benefit.\n"
    (f,) = findings(md, "a.md")
    assert (f.line, f.column, f.end_line, f.end_column) == (3, 1, 3, 54)


def test_link_at_the_end_of_a_paragraph_counts():
    md = "# Pain\n\nStudies suggest a small benefit, as this [review](https://doi.org/10.1/x)\n"
    assert findings(md, "a.md") == []


def test_two_appeals_in_one_paragraph():
    text = TITLE + ("One study published in the Journal of Pain Research found less pain. Another study in the "
                    "Journal of Alternative and Complementary Medicine showed faster recovery.\n")
    assert [(f.line, f.column) for f in findings(text)] == [(3, 1), (3, 70)]


def test_marker_that_does_not_resolve_is_flagged():
    md = ("# Knee\n\nA trial found less pain [3].\n\n## References\n\n"
          "1. Smith J, Lee K. Acupuncture for knee pain. Pain Med. 2019;20(4):800-9.\n")
    (f,) = findings(md, "a.md")
    assert (f.line, f.column) == (3, 1)


def test_marker_to_a_bare_title_is_flagged_and_the_list_too():
    text = "Pain\n\nStudies show a benefit [1].\n\nReferences\n\n1. Acupuncture and chronic pain\n"
    found = findings(text)
    assert [(f.line, f.data.get("kind")) for f in found] == [(3, "appeal"), (7, "bare-references")]


def test_superscript_marker_resolves():
    text = ("Pain\n\nStudies suggest a benefit.\u00b9\n\nReferences\n\n"
            "\u00b9 Vickers AJ, et al. J Pain. 2018;19(5):455-474.\n")
    # the entry's label is the superscript itself; position 1 in the list
    assert findings(text) == []


def test_bare_reference_list_text():
    text = ("Pain\n\nSome people try acupuncture.\n\nReferences\n\n"
            "Acupuncture for Chronic Pain: Individual Patient Data Meta-analysis\n"
            "The Efficacy of Acupuncture in Managing Chronic Pain\n"
            "Mechanisms of Acupuncture on Neuropathic Pain\n\nLeave a Comment\n")
    (f,) = findings(text)
    assert (f.line, f.column, f.end_line) == (7, 1, 9)
    assert f.data == {"kind": "bare-references", "entries": 3}
    assert "3 entries" in f.message


def test_bare_reference_list_markdown_and_mixed_entries():
    md = ("# Pain\n\nSome people try acupuncture.\n\n## References\n\n"
          "- Acupuncture and the nervous system\n"
          "- Vickers AJ, et al. J Pain. 2018;19(5):455-474.\n"
          "- Needling for neck pain\n"
          "- Needling for knee pain\n\n## About us\n\nWe are a clinic.\n")
    found = findings(md, "a.md")
    assert [(f.line, f.end_line, f.data["entries"]) for f in found] == [(7, 7, 1), (9, 10, 2)]


def test_reference_list_ends_at_the_disclaimer_after_it():
    md = ("# Pain\n\nSome people try acupuncture.\n\n## References\n\n"
          "1. Vickers AJ, et al. J Pain. 2018;19(5):455-474.\n\n"
          "*This article is general information, not medical advice. Ask your doctor about your own case.*\n")
    assert findings(md, "a.md") == []
    text = ("Pain\n\nSome people try acupuncture.\n\nReferences\n\nVickers AJ, et al. J Pain. 2018;19(5):455-474.\n\n"
            "This article is for general information and is not medical advice.\n")
    assert findings(text) == []


def test_bare_titles_ending_with_periods():
    md = "# Pain\n\nSome people try acupuncture.\n\n## Sources\n\nAcupuncture for chronic pain.\nNeedling in neuropathy.\n"
    (f,) = findings(md, "a.md")
    assert (f.line, f.end_line, f.data["entries"]) == (7, 8, 2)


def test_check_reference_lists_option():
    text = "Pain\n\nText.\n\nReferences\n\nAcupuncture and the nervous system\n"
    assert findings(text, options={"check_reference_lists": False}) == []


def test_extra_patterns_and_reference_headings_options():
    text = TITLE + "Experts agree that acupuncture is helpful.\n\nReading list\n\nNeedles and nerves today\n"
    found = findings(text, options={"extra_patterns": [r"\bexperts agree\b"], "reference_headings": ["reading list"]})
    assert [(f.line, f.column, f.data["kind"]) for f in found] == [(3, 1, "appeal"), (7, 1, "bare-references")]


def test_bad_extra_pattern_is_a_config_error():
    from acu_lint.model import AcuLintError
    from acu_lint.rules import load_registry

    with pytest.raises(AcuLintError):
        load_registry()[RULE].validate({"extra_patterns": ["(unclosed"]})


def test_seeds():
    seeds = seeds_or_skip()

    def lines(name):
        return sorted({f.line for f in findings((seeds / name).read_text(encoding="utf-8"), name)})

    assert lines("001_9f7dd399d0806bb7.txt") == [28]
    assert 53 in lines("002_61f04f7f713dda28.txt")
    assert {20, 28} <= set(lines("003_11b9ec09f232ca3e.txt"))
    assert lines("004_b58b6a3761631fd8.txt") == [19]
    s0 = findings((seeds / "000_e20779465ceb8197.txt").read_text(encoding="utf-8"), "000.txt")
    bare = [f for f in s0 if f.data.get("kind") == "bare-references"]
    assert [(f.line, f.end_line) for f in bare] == [(79, 81)]


# ---------------------------------------------------------------------------
# The mechanism: a research word (or an unnamed authority) + a verb that reports
# a result, in every voice, with no source in the sentence or right after it.
# ---------------------------------------------------------------------------
MECHANISM_FLAG = [
    # passive with research as agent
    ("Turmeric has been shown in many studies to ease stiff joints.", "has been shown in many studies"),
    ("It has been shown in some trials to be effective at lowering blood sugar.",
     "has been shown in some trials"),
    ("It has been found effective after hundreds of reviews from happy customers.",
     "has been found effective after hundreds of reviews"),
    ("Magnesium was proven by research to calm restless legs.", "was proven by research"),
    # the agentless perfect passive of a finding
    ("This balm has been shown to relieve 90% of joint pain.", "has been shown to"),
    ("Cupping has been clinically proven to lower blood pressure.", "has been clinically proven to"),
    # plural, mass and quantified subjects
    ("Numerous trials have found that ginger settles nausea.", "Numerous trials have found"),
    ("Reports show that most ear pain clears without antibiotics.", "Reports show"),
    ("New research suggests that 80% of back pain comes from posture.", "New research suggests"),
    ("Clinical trials have demonstrated that the tea lowers blood sugar.", "Clinical trials have demonstrated"),
    ("Evidence shows that magnesium calms restless legs.", "Evidence shows"),
    ("There is growing evidence that cupping lowers blood pressure.", "There is growing evidence that"),
    ("A review carried out by independent researchers highlighted that the oil eases pain.",
     "A review carried out by independent researchers highlighted"),
    ("Most studies have used doses of 300 mg a day.", "Most studies have used"),
    ("This balm is backed by research from around the world.", "is backed by research"),
    # a journal without a year, or a year without a journal or authors, is not yet a source
    ("A study published in 2019 found less neck pain.", "A study published in 2019 found"),
    # the progressive and the parenthetical
    ("Research is showing that more patients choose herbal care.", "Research is showing"),
    ("Probiotics calm the gut and, research suggests, even lift your mood.", "research suggests"),
    # unnamed authorities and "according to"
    ("Scientists say that cold showers boost immunity.", "Scientists say"),
    ("According to research, cupping clears toxins from the blood.", "According to research"),
    ("According to experts, two sessions a week are ideal.", "According to experts"),
    # an anaphor whose research was named, without a source, earlier in the sentence
    ("Not many trials exist, but the ones that have been published have all agreed that needling helps.",
     "the ones that have been published have all agreed that"),
    # a negation in another clause does not reach the appeal
    ("Few patients know it, but research suggests that ginger eases cramps.", "research suggests"),
    # an indefinite study after a cited sentence is still a study nobody can find
    ("Vickers et al. pooled 20,000 patients in 2018 (doi:10.1016/j.jpain.2017.11.005). "
     "Another study found similar results.", "Another study found"),
    # impersonal evidence constructions (issue 14 round 2): "it" + a verb of proof, a verdict on research
    ("It is well documented that cupping lowers blood pressure.", "It is well documented"),
    ("It has long been established that magnesium calms cramps.", "It has long been established"),
    ("It's widely documented in the literature that ginger settles nausea.", "It's widely documented"),
    ("It is a scientifically proven fact that massage lifts mood.", "It is a scientifically proven fact that"),
    ("The research is clear: needling restores damaged nerves.", "The research is clear"),
    ("The science is settled: fasting resets the immune system.", "The science is settled"),
    ("The evidence is overwhelming that fish oil protects joints.", "The evidence is overwhelming"),
    ("The data are conclusive, and yoga lowers blood pressure.", "The data are conclusive"),
    ("The science is in: cold plunges boost immunity.", "The science is in"),
    ("Science has proven that laughter heals the heart.", "Science has proven"),
    ("Science tells us that stretching prevents injury.", "Science tells us"),
    ("Medical science agrees that the tea detoxifies the liver.", "Medical science agrees"),
    ("Decades of research have shown that tai chi prevents falls.", "Decades of research have shown"),
    ("It's been proven time and again that cupping clears acne.", "It's been proven"),
    ("Research backs this up.", "Research backs this up"),
    ("Medical professionals agree that stretching prevents injury.", "Medical professionals agree"),
    ("It is widely accepted by scientists that chiropractic ends colic.", "is widely accepted by scientists"),
    ("There's a mountain of evidence that meditation lowers stress.", "There's a mountain of evidence that"),
    ("There is scientific proof that massage boosts immunity.", "There is scientific proof that"),
    ("Scientific proof shows that saunas detox the body.", "Scientific proof shows"),
    # a quotation that is no example of wording: someone's appeal is still an appeal
    ('Our founder likes to say: "Studies show that our balm ends arthritis pain for good."', "Studies show"),
    ('The sign on our door says: "Studies show that acupuncture helps every patient we treat."', "Studies show"),
    ("We see patients like you every day, and *studies show* that acupuncture helps them.", "studies show"),
]

MECHANISM_PASS = [
    # negation and hedge scope (NegEx): no appeal
    "No supplement has been shown to cure arthritis.",
    "Acupuncture has not been shown to help weight loss.",
    "Not all studies show a benefit for sleep.",
    "Nothing has been proven to reverse nerve damage.",
    "There is little research on cupping for asthma.",
    # evidence graded by its strength is a summary, not an appeal
    "Strong evidence supports exercise for low back pain.",
    "Moderate evidence supports acupuncture for chronic neck pain.",
    # a possessive names whose research it is
    "Our research shows that patients value short waiting times.",
    # a source in the sentence, or right after it
    "Turmeric has been shown to ease knee pain in one trial (Smith et al., 2019).",
    "A large trial found fewer hot flushes. (Lesi et al., 2016)",
    "A 2016 trial found fewer hot flushes. The study was published by Lesi and colleagues in 2016.",
    "According to the NIH in 2021, a review of several trials found modest benefits.",
    "A 2023 NCCIH review of several trials found a small effect on neck pain.",
    "Harvard Medical School research from 2021 suggests that sleep loss raises pain.",
    # a journal named with a year
    "A study published in the Journal of Pain in 2019 found less neck pain.",
    "A 2019 study in JAMA found fewer headache days.",
    # reports of mixed or negative results are careful writing, not appeals
    "Trials have found no benefit over sham needling.",
    "Studies show mixed results for sleep.",
    "Research shows a benefit for knee pain, as [this review](https://www.example.org/knee-review) explains.",
    # a definite reference or an agentless passive points back to a source just named
    "Hinman and colleagues (2014) tested laser needling in 282 people. The trial found no benefit over sham.",
    "Linde et al. (2016) pooled 22 trials. Acupuncture has been shown to cut migraine days in them.",
    # the research an anaphor points to must be named in the sentence
    "Patients often ask about side effects, and they have found that bruises fade quickly.",
    # a heading or a label that announces a section
    "Research shows:",
    # impersonal forms under a negation, or with no appeal to research
    "It is not well documented that acupuncture helps tinnitus.",
    "It has never been shown that cupping removes toxins.",
    "It is well known that sleep matters for pain.",
    "The research is not clear on whether cupping helps.",
    "The evidence is still unclear for dry needling.",
    "Whether the science is settled is another matter.",
    "Is the research clear about acupuncture for IVF?",
    "There's no proof that cupping removes toxins.",
    "There is little proof that magnets work.",
    "Our professionals agree to a strict code of conduct.",
    "Health professionals agree with you that the pain is real.",
    "The research is clear about one thing (Vickers et al., 2018): the effect is modest.",
    # quoted wording shown as an example of weak writing: a mention, not an appeal
    'Watch for sentences such as "Experts agree that walking is the best medicine" or '
    '"Studies show that gardeners live longer."',
    'Weak copy leans on phrases like "Research proves that our tea melts belly fat" without a link.',
    'Red flags: "Numerous studies have shown this cream reverses wrinkles overnight."',
    'Press releases are full of words such as "scientists say" and "research suggests".',
    'Be wary of claims like "Clinical trials have demonstrated a 90% success rate", "Experts agree it is safe" '
    'and "Doctors recommend it".',
    'A classic sign of machine-written copy: "Numerous studies have shown that regular walking lifts mood."',
]


@pytest.mark.parametrize("sentence,phrase", MECHANISM_FLAG, ids=[p for _, p in MECHANISM_FLAG])
def test_mechanism_flags(sentence, phrase):
    found = findings(TITLE + sentence + "\n")
    assert [f.snippet for f in found] == [phrase]
    (f,) = found
    assert (f.line, f.column, f.end_column) == (3, sentence.index(phrase) + 1, sentence.index(phrase) + len(phrase) + 1)


@pytest.mark.parametrize("sentence", MECHANISM_PASS)
def test_mechanism_passes(sentence):
    assert findings(TITLE + sentence + "\n") == [], sentence


def test_a_source_elsewhere_in_the_paragraph_does_not_excuse_an_appeal():
    # the link names the first study only; the second sentence borrows authority
    md = ("# Skin\n\n[One study](https://www.example.org/sebum) found less oily skin after the oil. "
          "Numerous studies have shown that the oil calms inflamed skin.\n")
    (f,) = findings(md, "a.md")
    assert (f.line, f.column) == (3, md.split("\n")[2].index("Numerous") + 1)
    assert f.snippet == "Numerous studies have shown"


def test_a_marker_at_the_end_of_the_paragraph_cites_its_own_sentence_only():
    md = ("# Diabetes\n\nCinnamon has been shown in many studies to lower blood sugar. "
          "In one trial, volunteers took 3 grams a day for 40 days<sup>1</sup>.\n\n"
          "1. [Cinnamon and blood sugar](https://www.example.org/cinnamon)\n")
    found = findings(md, "a.md")
    # the numbered note at the end resolves the marker, though no "References" heading stands over it
    assert [f.snippet for f in found] == ["has been shown in many studies"]


def test_call_to_action_and_affiliate_links_are_no_source():
    md = ("# Diets\n\nNew research suggests that most diets fail because of sleepy cells. "
          '<a href="https://vendor.hop.clickbank.net/?tid=x">Watch the explanation</a>.\n')
    (f,) = findings(md, "a.md")
    assert f.snippet == "New research suggests"
    md = "# Teeth\n\nResearch shows that mouthwash harms gums, so [check availability](https://shop.example.com/candy) today.\n"
    (f,) = findings(md, "a.md")
    assert f.snippet == "Research shows"
    # a link in the next sentence counts only when that sentence points to a source
    md = ("# Knee\n\nA recent trial found less knee pain. "
          "Source: [the trial report](https://www.example.org/knee-trial).\n")
    assert findings(md, "a.md") == []
    # or the block right after
    md = "# Knee\n\nA recent trial found less knee pain.\n\n*Source: [the trial report](https://www.example.org/knee-trial)*\n"
    assert findings(md, "a.md") == []
    md = "# Knee\n\nA recent trial found less knee pain.\n\n[Book a visit](https://www.example.org/knee-clinic)\n"
    assert [f.snippet for f in findings(md, "a.md")] == ["A recent trial found"]


@pytest.mark.parametrize("md", [
    "# Acupuncture\n\n## What the research says\n\nVickers et al. (2018) pooled 39 trials and found a small benefit.\n",
    "# Acupuncture\n\n## Studies show\n\nTwo trials (Lee et al., 2020; Kim et al., 2021) found less pain.\n",
    "# Acupuncture\n\n**Research shows:**\n\n- less pain in two trials (Lee et al., 2020)\n- better sleep in one\n",
    "# Acupuncture\n\n## Studies on acupuncture for back pain\n\nA 2017 review by Chou found a small benefit.\n",
])
def test_headings_that_announce_a_cited_section_pass(md):
    assert findings(md, "a.md") == []


def test_a_heading_that_makes_the_claim_itself_is_flagged():
    md = "# Acupuncture\n\n## Research shows acupuncture cures back pain for good\n\nBook your first session today.\n"
    (f,) = findings(md, "a.md")
    assert (f.line, f.column, f.snippet) == (3, 4, "Research shows")


def test_leftover_text_is_not_prose():
    # an assistant's wrapper and an image prompt are reported by the leftover rules, not read as claims
    md = ("Sure! Here's your blog post about acupuncture. Studies show readers love it.\n\n"
          "# Acupuncture\n\nAcupuncture uses fine needles.\n\n"
          "Image prompt: a smiling doctor, studies show happy patients, soft light\n")
    assert findings(md, "a.md") == []


def test_an_article_wrapped_in_a_markdown_fence_is_read_inside():
    body = "\n".join(f"Line {i} of the article says something about sleep." for i in range(8))
    md = f"```markdown\n# Sleep\n\n{body}\n\nNew research suggests that magnesium deepens sleep.\n```\n"
    (f,) = findings(md, "a.md")
    line = md.split("\n").index("New research suggests that magnesium deepens sleep.") + 1
    assert (f.line, f.column, f.snippet) == (line, 1, "New research suggests")
    # a short code sample in an article is still code
    md = "# Sleep\n\nSome text here.\n\n```text\nStudies show it works.\n```\n\nMore text here, and more.\n"
    assert findings(md, "a.md") == []


def test_reference_entries_that_name_an_author_or_organisation_are_not_bare():
    text = ("Pain\n\nSome people try acupuncture.\n\nReferences\n\n"
            "World Health Organization (WHO)\nNational Institutes of Health (NIH)\nMayo Clinic\n"
            "Wood, Matthew. The Earthwise Herbal. North Atlantic Books.\n")
    assert findings(text) == []


def test_odd_input_gives_no_traceback():
    for text in ("", "\n\n", "studies show " * 3000, "\u0130 studies show that " * 200, "Studies show X. " * 2000,
                 "```markdown\n" + "Research shows.\n" * 10, "# \u00a0\n\n\u200b research suggests \u2014 \ufeff"):
        findings(text, "a.md")
        findings(text, "a.txt")
        findings(text, "a.html")


# a wiki's footnote markers scraped as links to the notes of the page: cited sentences
WIKI_MARKERS = [
    "[\\[3\\]](#cite_note-3)",
    "[\\[2\\]](#cite_note-Lee2015-2)",
    "[[3]](#ref3)",
    "<sup>[3]</sup>",
    '<sup id="cite_ref-3" class="reference"><a href="#cite_note-3">[3]</a></sup>',
]


@pytest.mark.parametrize("marker", WIKI_MARKERS)
def test_a_wiki_footnote_marker_cites_its_sentence(marker):
    md = f"# Acupressure\n\nA Cochrane review found that pressing the wrist eased nausea after surgery.{marker}\n"
    assert findings(md, "a.md") == []
    # the marker cites its own sentence only: an appeal after it in the paragraph is still one
    md = (f"# Acupressure\n\nA Cochrane review found that pressing the wrist eased nausea.{marker} "
          "Numerous studies have shown that it calms morning sickness.\n")
    (f,) = findings(md, "a.md")
    assert f.snippet == "Numerous studies have shown"


def test_a_link_to_another_anchor_is_no_marker():
    md = "# Acupressure\n\nA review found that pressing the wrist eased nausea.[3](#prices)\n"
    assert [f.snippet for f in findings(md, "a.md")] == ["A review found"]


def test_a_wiki_marker_resolves_to_a_numbered_note_under_a_wiki_heading():
    md = ("# Acupressure\n\nA Cochrane review found that pressing the wrist eased nausea.[\\[1\\]](#cite_note-1)\n\n"
          "References\\[[edit](https://wiki.example.org/edit)\\]\n---------\n\n"
          "1.  [^](#cite_ref-1) Lee A, Fan L. Wrist acupressure for nausea. *Cochrane Database Syst Rev*. 2015.\n")
    assert [f for f in findings(md, "a.md") if f.data.get("kind") == "appeal"] == []


def test_the_verdict_on_research_is_not_excused_by_a_cited_paragraph_before_it():
    md = ("# Nerve pain\n\nA 2020 pilot trial by Lu and colleagues found less tingling after acupuncture[^1].\n\n"
          "The research is clear: acupuncture repairs nerve damage in almost everyone.\n\n"
          "We combine points on the hands and feet with points higher up the limbs.\n\n"
          "[^1]: Lu W, et al. Acupuncture for neuropathy. Cancer. 2020;126(4):800-9.\n")
    (f,) = findings(md, "a.md")
    assert (f.line, f.column, f.snippet) == (5, 1, "The research is clear")


def test_appeals_set_in_italics_as_examples_of_wording_are_mentions():
    for md in ("# Writing\n\nAvoid phrases like *studies show* or *experts agree* unless you cite the source.\n",
               "# Writing\n\nAvoid phrases like *studies show*, _experts agree_ and *research suggests* in leaflets.\n",
               "# Writing\n\nVague openers such as _Research suggests that_ give the reader nothing to check.\n"):
        assert findings(md, "a.md") == [], md


# ---------------------------------------------------------------------------
# Round 3: a marker cites the sentence it is attached to; context that must not excuse
# ---------------------------------------------------------------------------
REFS = ("\n\n## References\n\n1. Smith J, Lee K. Acupuncture in pain clinics. Pain Med. 2019;20(4):800-9.\n"
        "2. Brown A. The cost of needling. BMJ. 2020;370:m100.\n")


@pytest.mark.parametrize("first, second", [
    ("<sup>1</sup>", "<sup>2</sup>"),  # superscript numbers, read as digits in the prose
    ("<sup>1,2</sup>", "<sup>2</sup>"),
    ("^1^", "^2^"),  # a pandoc superscript
    ("[1]", "[2]"),
])
def test_markers_of_other_sentences_do_not_excuse_an_appeal(first, second):
    line = (f"Acupuncture is offered in many pain clinics.{first} Experts believe it calms the nervous system, "
            f"and several trials found that 87% of patients improved. It is also cheap.{second}")
    found = findings(f"# Needles\n\n{line}{REFS}", "a.md")
    assert [(f.line, f.column, f.snippet) for f in found] == [
        (3, line.index("Experts") + 1, "Experts believe"), (3, line.index("several") + 1, "several trials found")]


def test_markers_in_an_html_paragraph_cite_their_own_sentences():
    html = ("<h1>Needles</h1>\n<p>Acupuncture is offered in many pain clinics.<sup>1</sup> Several trials found that "
            "87% of patients improved. It is also cheap.<sup>2</sup></p>\n<h2>References</h2>\n<ol>"
            "<li>Smith J, Lee K. Acupuncture in pain clinics. Pain Med. 2019;20(4):800-9.</li>"
            "<li>Brown A. The cost of needling. BMJ. 2020;370:m100.</li></ol>\n")
    (f,) = findings(html, "a.html")
    assert (f.line, f.snippet) == (2, "Several trials found")
    # the marker attached to the appeal's own sentence still cites it
    cited = html.replace("improved. It is also cheap.<sup>2</sup>", "improved.<sup>2</sup> It is also cheap.")
    assert findings(cited, "a.html") == []


def test_a_definite_reference_right_after_a_cited_sentence_passes_but_not_far_after():
    near = "# Needles\n\nNeedling was tested in 300 adults [1]. The trial found that pain fell in both groups." + REFS
    assert findings(near, "a.md") == []
    # an agentless passive leans on the sentence right before it only
    far = ("# Needles\n\nAcupuncture is offered in many pain clinics [1]. Patients like it. The staff like it. "
           "Cupping has been shown to lower blood pressure." + REFS)
    (f,) = findings(far, "a.md")
    assert f.snippet == "has been shown to"
    close = "# Needles\n\nCupping was tested in 80 adults [1]. It has been shown to lower blood pressure." + REFS
    assert findings(close, "a.md") == []


@pytest.mark.parametrize("opener", ["What's more, ", "Here is how: ", "And what is more \u2014 ", "Even more, ",
                                    "If you ask me, "])
def test_a_word_that_turns_a_trigger_must_stand_right_before_it(opener):
    sentence = opener + "the research is clear that acupuncture repairs damaged nerves."
    (f,) = findings(TITLE + sentence + "\n")
    assert (f.line, f.column, f.snippet) == (3, len(opener) + 1, "the research is clear")


@pytest.mark.parametrize("sentence", [
    "More research is needed before anyone can say.",
    "We need more studies, and better ones.",
    "What the research shows is mixed.",
    # a specimen of wording after a short label, as an article about AI text shows it
    '*AI*: "While some experts believe that short breaks help focus, others suggest long sessions work better."',
    'Before: "Many doctors think that stretching prevents every injury."',
])
def test_words_that_turn_a_trigger_and_labelled_specimens_pass(sentence):
    assert findings("# Writing\n\n" + sentence + "\n", "a.md") == [], sentence


@pytest.mark.parametrize("sentence, phrase", [
    ("Experts believe that acupuncture calms the nervous system.", "Experts believe"),
    ("Many scientists now think that cupping draws out toxins.", "Many scientists now think"),
])
def test_an_unnamed_consensus_that_believes_or_thinks(sentence, phrase):
    (f,) = findings(TITLE + sentence + "\n")
    assert f.snippet == phrase and f.column == sentence.index(phrase) + 1
