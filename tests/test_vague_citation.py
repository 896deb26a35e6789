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
