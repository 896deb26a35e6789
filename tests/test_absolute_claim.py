"""absolute-claim: sentences that must be flagged (exact span) and sentences that must pass."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import lint, run_cli, seeds_or_skip

RULE = "absolute-claim"
TITLE = "Acupuncture and Pain\n\n"  # line 1; the sentence under test sits on line 3
DATA = Path(__file__).parent / "data" / "claims"


def findings(text, filename="article.txt", options=None):
    return [f for f in lint(text, filename, select=[RULE], options={RULE: options or {}}) if f.rule == RULE]


# (sentence, the exact text the finding must span)
MUST_FLAG = [
    # "says"/"offers" report a claim only for one-of-many subjects ("a clinic", "anyone")
    ("Patients who try it say it cures their back pain.", "cures"),
    ("We are the only clinic who offers a permanent cure for sciatica.", "offers a permanent cure"),
    ("Unlike clinics that offer quick fixes, our method cures sciatica permanently.", "cures sciatica permanently"),
    ("Acupuncture cures back pain, see https://www.painreliefgroup.com/acupuncture.", "cures"),
    ("There is simply no condition that it cannot improve.", "no condition that it cannot improve"),
    ("We have treated 2,000 patients and every one of them has seen improvement.",
     "every one of them has seen improvement"),
    ("After that, your nerves will stay healthy for life.", "stay healthy for life"),
    ("Cupping Therapy: The Ancient Secret to a Pain-Free Body", "Pain-Free Body"),
    ("Our patients tell us again and again that cupping wipes out their back pain overnight.", "wipes out their back pain"),
    ("Whatever your condition, dry needling delivers results you can count on every time.",
     "results you can count on every time"),
    ("Clinical trials show that dry needling never causes lasting harm.", "never causes lasting harm"),
    ("After that, your muscle knots will be gone for good.", "gone for good"),
    ("Our treatment switches nerve pain off for good.", "switches nerve pain off for good"),
    ("Our treatment gets to the real source of nerve pain.", "gets to the real source"),
    ("Book now and enjoy a lifetime free of pain.", "a lifetime free of pain"),
    ("Acupuncture helps everyone with sciatica, no matter how long they have had it.", "helps everyone"),
    ("Acupuncture regenerates damaged nerves in the feet.", "Acupuncture regenerates damaged nerves"),
    ("Our protocol restores full feeling to your feet.", "Our protocol restores full feeling"),
    ("It works gently, with no downside whatsoever.", "no downside"),
    ("Acupuncture cures chronic migraines.", "cures"),
    ("Our treatments have cured hundreds of patients with sciatica.", "cured"),
    ("Acupuncture can cure insomnia without sleeping pills.", "can cure"),
    ("Acupuncture is the best cure for tension headaches.", "is the best cure"),
    ("This gentle therapy is a natural cure for anxiety.", "is a natural cure"),
    ("Cure your back pain naturally with acupuncture.", "Cure your back pain"),
    ("Acupuncture can reverse diabetic neuropathy.", "reverse diabetic neuropathy"),
    ("Needling heals damaged nerves completely.", "heals damaged nerves completely"),
    ("Guaranteed relief from neck pain in three sessions.", "Guaranteed"),
    ("We guarantee results or your next session is free.", "guarantee"),
    ("Acupuncture works for everyone, whatever their age.", "works for everyone"),
    ("This technique never fails to calm an overactive nervous system.", "never fails"),
    ("It is 100% effective for menstrual cramps.", "100% effective"),
    ("Acupuncture works every time.", "works every time"),
    ("Acupuncture will eliminate your back pain.", "will eliminate your back pain"),
    ("After a few sessions you'll never need pain medication again.", "'ll never need pain medication"),
    ("Acupuncture offers permanent relief from sciatica.", "permanent relief"),
    ("Get rid of migraines for good with acupuncture.", "Get rid of migraines for good"),
    ("Imagine living a pain-free life again.", "pain-free life"),
    ("Acupuncture can help you live pain-free.", "live pain-free"),
    ("Say goodbye to back pain with our treatment plans.", "Say goodbye to back pain"),
    ("Acupuncture eliminates pain without drugs.", "eliminates pain"),
    ("The treatment eradicates inflammation at its source.", "eradicates inflammation"),
    ("Patients get complete relief after one session.", "complete relief"),
    ("Acupuncture completely resolves carpal tunnel syndrome.", "completely resolves"),
    ("End your neck pain today.", "End your neck pain"),
    ("Acupuncture is completely safe.", "completely safe"),
    ("There are no side effects.", "no side effects"),
    ("Unlike drugs, acupuncture has zero side effects.", "zero side effects"),
    ("Acupuncture is a risk-free way to manage pain.", "risk-free"),
    ("Our herbal remedies are 100% natural and gentle.", "100% natural"),
    ("Acupuncture offers a safe and effective alternative to surgery.", "safe and effective"),
    ("It is a safe, natural and effective treatment for anxiety.", "safe, natural and effective"),
    ("The needles are totally harmless.", "totally harmless"),
    ("Acupuncture is safe for everyone, including older adults.", "safe for everyone"),
    ("This miracle treatment changes lives.", "miracle"),
    ("Acupuncture: a cure-all for modern stress.", "cure-all"),
    ("Experience stunning results from your very first visit.", "stunning results"),
    ("Effortless pain relief is just a session away.", "Effortless pain relief"),
    ("Feel instant relief from tension headaches.", "instant relief"),
    ("Acupuncture relieves sciatica pain instantly.", "relieves sciatica pain instantly"),
    ("Our method is clinically proven to reduce anxiety.", "clinically proven"),
    ("Acupuncture is a proven treatment for fibromyalgia.", "proven treatment"),
    ("Acupuncture treats the root cause of your pain.", "treats the root cause"),
    ("Unlike painkillers, acupuncture addresses the underlying causes of neuropathy.",
     "addresses the underlying causes"),
    ("We fix the underlying imbalance in your body.", "fix the underlying imbalance"),
    ("This is a miraculous therapy for infertility.", "miraculous"),
    ("Acupuncture treats the cause, not just the symptoms.", "treats the cause, not just the symptoms"),
    ("Start your journey towards a pain-free life today.", "pain-free life"),
    ("Acupuncture may help some people, and it has no side effects.", "no side effects"),
    ("Never suffer from migraines again.", "Never suffer from migraines again"),
    ("After acupuncture, there should be no more pain.", "no more pain"),
    ("Acupuncture restores balance and heals all ailments.", "heals all ailments"),
    ("Acupuncture works wonders for anxiety.", "works wonders"),
    ("Acupuncture is the only treatment that truly works for fibromyalgia.", "the only treatment that truly works"),
    ("Acupuncture will relieve your pain.", "will relieve your pain"),
    ("This ancient therapy can permanently cure your back pain.", "permanently cure"),
    ("Acupuncture completely eliminates the need for painkillers.", "completely eliminates"),
    ("Free yourself from neuropathy forever.", "Free yourself from neuropathy forever"),
    ("Banish back pain once and for all.", "Banish back pain once and for all"),
    ("Acupuncture gets to the root of the problem.", "gets to the root of the problem"),
    ("Our needles are 100% safe for children.", "100% safe"),
    ("Clinically tested and proven.", "tested and proven"),
    ("Back pain is common. Cure your back pain with acupuncture.", "Cure your back pain"),
    ("Practitioners at our clinic guarantee results.", "guarantee"),
    ("GUARANTEED RELIEF FOR EVERY PATIENT WHO VISITS", "GUARANTEED"),
    ("In our clinic, 9 out of 10 patients are pain-free after six visits.", "9 out of 10 patients are pain-free"),
    ("Most of our patients walk out pain-free.", "our patients walk out pain-free"),
    ("Our proven acupuncture protocol relieves neuropathy.", "Our proven acupuncture protocol"),
]

# Sentences that must not be flagged: negated, hedged, questions, warnings about
# claims, quotations of regulators, titles of works, cited statements, plain facts.
MUST_PASS = [
    # ordinary writing that the newer patterns must leave alone
    "Write down how much relief you get every time you use the TENS machine.",
    "There is no downside to asking your GP for a medication review.",
    "Vaccination wiped out the disease worldwide by 1980.",
    "Cataract surgery restores normal vision within a few days.",
    "A hip replacement restores full mobility for most people within a year.",
    "Note how many pain-free mornings you have each week.",
    "Patients often tell us that the first session felt strange.",
    "Not every one of them has seen improvement, and some felt no change.",
    "There is no condition that acupuncture can cure.",
    "Most people stay well for months, but some need top-up sessions.",
    "Anyone who offers permanent relief from a single visit is making a claim that no trial supports.",
    "If a clinic says its method is 100% effective, ask to see the evidence.",
    "Acupuncture does not help everyone, and results are not the same every time.",
    "Some people find that acupuncture may help restore normal sensation in their feet.",
    "The real cause of neck pain is often posture, so your acupuncturist may suggest exercises.",
    "We cannot promise that the pain will be gone for good.",
    "Research suggests acupuncture may help regenerate damaged nerves, but the trials were small.",
    "While it is not a cure, acupuncture may ease some symptoms.",
    "There is no cure for ALS, but good care can improve comfort.",
    "Acupuncture is not a cure for neuropathy.",
    "Acupuncture does not cure arthritis.",
    "No treatment, including acupuncture, can cure ALS.",
    "Acupuncture may help relieve neck pain.",
    "It might reduce how often migraines happen.",
    "Some people find that acupuncture eases their back pain for good.",
    "Acupuncture can help ease pain after surgery.",
    "Some patients report complete relief after a course of treatment.",
    "Acupuncture is generally safe when a licensed practitioner uses sterile needles.",
    "Serious side effects are rare.",
    "Mild side effects such as bruising can happen.",
    "Acupuncture is not completely risk-free.",
    "No treatment is completely safe.",
    "Can acupuncture cure neuropathy?",
    "Is acupuncture a miracle cure?",
    "Be wary of any clinic that promises a cure.",
    "Beware of websites that claim acupuncture cures cancer.",
    'The FTC warns sellers not to call a product "risk-free" without evidence.',
    'The FDA has not cleared acupuncture as "safe and effective" for weight loss.',
    'Avoid words such as "miracle" and "guaranteed" in clinic leaflets.',
    "In her book Miracle Cures for Back Pain (2015), the author describes her own recovery.",
    "There is no guarantee that acupuncture will work for you.",
    "Nobody can promise permanent relief from chronic pain.",
    "Acupuncture has not been proven to cure cancer.",
    "Researchers are still searching for a cure for ALS.",
    "Treating the underlying cause of neuropathy, such as diabetes, is important.",
    "Your doctor will look for the underlying cause of your nerve pain.",
    "It is important to treat the underlying cause.",
    "A few people feel instant relief, but most need several sessions.",
    "Most people make a full recovery from Bell's palsy within months.",
    "Acupuncture cannot guarantee results.",
    "Results are not guaranteed.",
    "Poor technique can cause permanent nerve damage.",
    "Acupuncture may be a safe and effective option for some people with chronic neck pain.",
    "Acupuncture is generally considered safe and effective when done by a licensed practitioner.",
    "A large review (Vickers et al., 2018) found that acupuncture was safe and effective for chronic pain.",
    "Some trials suggest that acupuncture could eliminate the need for pain medication in a few people.",
    "Acupuncture doesn't work for everyone.",
    "It is unlikely to cure migraine, but it may reduce attacks.",
    "Don't expect instant relief after the first session.",
    "There is no magic bullet for chronic pain.",
    "Acupuncture is no panacea.",
    "A pain-free needle insertion is common with thin needles.",
    "She hopes to live pain-free one day.",
    "The clinic's advert said acupuncture cures infertility, which the ASA ruled misleading.",
    "Patients who are looking for a pain-free life often try many treatments.",
    "Doctors are working to cure ALS.",
    "The needles are sterile and used once, so the risk of infection is low.",
    "Diabetes can lead to permanent damage in the feet.",
    "Myth: acupuncture is a miracle cure.",
    "After one session there will be no more pain. Sounds too good to be true? It is.",
    "Smoking cessation programs guarantee nothing, but they help.",
    "This remarkable recovery surprised her doctors.",
    "She made a full recovery after surgery.",
    "Complete relief is rare; most people notice a partial improvement.",
    "Our goal is lasting relief, but results vary from person to person.",
    "It is safe to drive home after most sessions.",
    "Getting rid of clutter in your bedroom may help you sleep.",
    "End the day with a few minutes of gentle stretching.",
    "Finding the underlying cause of nerve pain is the first step.",
    "Nothing can fully reverse diabetic neuropathy once it has developed.",
    "No serious side effects were reported in the trial by Smith et al. (2019).",
    "Make sure your practitioner follows guidelines for safe and effective needling.",
    "If you are pain-free after two weeks, you can stop the sessions.",
    "Until they are pain-free, patients should rest the joint.",
    "Not all patients are pain-free after treatment.",
    "Many patients are still not pain-free after a course of treatment.",
    "The only real solution for a torn tendon may be surgery.",
]


@pytest.mark.parametrize("sentence,phrase", MUST_FLAG, ids=[s for s, _ in MUST_FLAG])
def test_must_flag(sentence, phrase):
    found = findings(TITLE + sentence + "\n")
    assert len(found) == 1, [f.snippet for f in found]
    f = found[0]
    assert (f.line, f.column) == (3, sentence.index(phrase) + 1)
    assert (f.end_line, f.end_column) == (3, sentence.index(phrase) + len(phrase) + 1)
    assert f.severity == "error"
    assert f.fix is None
    assert f.suggestion and f.suggestion.startswith("Instead of")


@pytest.mark.parametrize("sentence", MUST_PASS)
def test_must_pass(sentence):
    assert findings(TITLE + sentence + "\n") == []


def test_tables_are_big_enough():
    assert len(MUST_FLAG) >= 40 and len(MUST_PASS) >= 40


def test_message_has_what_why_how():
    (f,) = findings(TITLE + "Acupuncture cures chronic migraines.\n")
    sentences = [s for s in f.message.split(". ") if s]
    assert len(sentences) >= 3
    assert '"cures" promises a cure' in f.message
    assert "FTC" in f.message and "ASA" in f.message
    assert "may help" in f.message


def test_title_and_headings_are_checked():
    text = "Permanent Relief From Sciatica\n\nSciatica is pain along the sciatic nerve.\n"
    (f,) = findings(text)
    assert (f.line, f.column, f.end_column) == (1, 1, 17)
    md = "# Back pain\n\n## Guaranteed Results in Three Sessions\n\nSome people feel better.\n"
    (f,) = findings(md, "a.md")
    assert (f.line, f.column) == (3, 4)


def test_check_headings_option():
    text = "Permanent Relief From Sciatica\n\nSciatica is pain along the sciatic nerve.\n"
    assert findings(text, options={"check_headings": False}) == []


def test_allow_hedged_option():
    text = TITLE + "Acupuncture may cure insomnia.\n"
    assert findings(text) == []
    (f,) = findings(text, options={"allow_hedged": False})
    assert f.snippet == "may cure" and (f.line, f.column) == (3, 13)


def test_extra_and_ignore_phrases():
    text = TITLE + "Our Miracle Needle Kit is sold at reception. Acupuncture melts pain away.\n"
    found = findings(text, options={"ignore_phrases": ["Miracle Needle Kit"], "extra_phrases": ["melts pain away"]})
    assert [(f.line, f.column) for f in found] == [(3, 58)]


def test_markdown_positions_and_emphasis():
    md = "# Neck pain\n\nAcupuncture is **completely safe** for most adults.\n"
    # "for most adults" comes after the claim; a hedge must come before it
    (f,) = findings(md, "a.md")
    assert (f.line, f.column, f.end_column) == (3, 18, 33)


def test_book_title_in_reference_list_is_not_flagged():
    md = ("# Back pain\n\nSome people try acupuncture.\n\n## References\n\n"
          "1. Lee A. *The Miracle of Needles*. London: Example Press; 2010.\n")
    assert findings(md, "a.md") == []


def test_cited_sentence_with_resolving_marker_is_not_flagged():
    md = ("# Back pain\n\nAcupuncture was safe and effective in one large trial [1].\n\n## References\n\n"
          "1. Haake M, et al. German Acupuncture Trials (GERAC) for chronic low back pain. "
          "Arch Intern Med. 2007;167(17):1892-8.\n")
    assert findings(md, "a.md") == []


def test_html_article():
    html = "<h1>Knee pain</h1>\n<p>Acupuncture offers <em>instant relief</em> for knee pain.</p>\n"
    (f,) = findings(html, "a.html")
    assert (f.line, f.column) == (2, 27)


def test_seeds_findings_and_traps():
    seeds = seeds_or_skip()
    s0 = findings((seeds / "000_e20779465ceb8197.txt").read_text(encoding="utf-8"), "000.txt")
    assert any(f.line == 1 for f in s0)
    assert not any(f.line == 35 for f in s0)  # "While it is not a cure"
    s1 = findings((seeds / "001_9f7dd399d0806bb7.txt").read_text(encoding="utf-8"), "001.txt")
    assert [f.line for f in s1] == [8, 36, 36]  # line 8: "a natural and effective approach to alleviate muscle spasms"
    s2 = findings((seeds / "002_61f04f7f713dda28.txt").read_text(encoding="utf-8"), "002.txt")
    assert [f.line for f in s2] == [59]
    for name in ("003_11b9ec09f232ca3e.txt", "004_b58b6a3761631fd8.txt"):
        assert findings((seeds / name).read_text(encoding="utf-8"), name) == []


def test_json_output_has_suggestion_and_no_fix(tmp_path):
    import json

    p = tmp_path / "a.txt"
    p.write_text(TITLE + "Acupuncture is completely safe.\n", encoding="utf-8")
    r = run_cli("--select", RULE, "--format", "json", "--no-cache", str(p))
    assert r.returncode == 1, r.stderr
    (row,) = json.loads(r.stdout)
    assert row["rule"] == RULE and row["fix"] is None
    assert row["line"] == 3 and row["column"] == 16
    assert "generally safe" in row["suggestion"]


def test_literal_anchors_prefilter():
    from lint_rules._claims import AnchoredPattern, literal_anchors

    assert literal_anchors(r"\bcures\b") == {"cures"}
    assert literal_anchors(r"\b(?:completely|totally) safe\b") == {"completely", "totally"}
    assert literal_anchors(r"\b(?:no|zero)\s+risk") == {"risk"}
    assert literal_anchors(r"\b(?:is|are)\b") is None  # nothing long enough: always tried
    p = AnchoredPattern(r"\bmiracle\w*")
    assert p.may_match("a miracle cure") and not p.may_match("a modest benefit")


def test_every_category_pattern_can_be_prefiltered_or_runs_always():
    """Each data pattern either has literal anchors or is tried on every block;
    a pattern with anchors must still find its own example from the tables."""
    from lint_rules.absolute_claim import _data

    pset = _data()[0]
    for sentence, phrase in MUST_FLAG:
        lowered = sentence.lower()
        assert any(pat.rx.search(sentence) for _, pat in pset.active(lowered)), sentence


def test_claims_in_table_cells_are_found_at_their_cell():
    md = "# Options\n\n| Treatment | What it does |\n|---|:---:|\n| Cupping | Cupping guarantees results |\n"
    got = findings(md, "a.md")
    assert [(f.line, f.column, f.end_column) for f in got] == [(5, 21, 31)]
    html = "<table><tr><td>Needles</td><td>Acupuncture cures back pain</td></tr></table>\n"
    assert [(f.line, f.column) for f in findings(html, "a.html")] == [(1, 44)]
    assert findings("# T\n\n| Treatment | Note |\n|---|---|\n| Cupping | may help some people |\n", "a.md") == []


@pytest.mark.parametrize("sentence, flagged", [
    ("Acupuncture cures back pain, [book now](https://clinic.example/book).", True),
    ("Acupuncture is safe and effective, see https://myclinic.example.", True),
    ("Acupuncture is proven to ease knee pain (https://pubmed.ncbi.nlm.nih.gov/12345678/).", False),
    ("Acupuncture is proven to ease knee pain (https://doi.org/10.1001/jama.2018.5336).", False),
])
def test_only_a_link_to_a_source_excuses_a_claim(sentence, flagged):
    assert bool(findings(TITLE + sentence + "\n", "a.md")) == flagged


def test_table_column_that_reports_claims_is_not_the_articles_claim():
    md = ("# Myths\n\n| Myth | What the evidence says |\n|---|---|\n| Acupuncture cures arthritis | It does not |\n\n"
          "> | Treatment | Effect |\n> |---|---|\n> | Cupping | Cupping guarantees results |\n\n"
          "| Treatment | Our promise to you |\n|---|---|\n| Needles | `a|b` Acupuncture cures migraines |\n")
    got = [(f.line, f.column) for f in findings(md, "a.md")]
    assert got == [(9, 23), (13, 31)]  # "guarantees" in the quoted table, "cures" after the code span


@pytest.mark.parametrize("text, filename", [
    ("# Blog\n\nRead https://riverside.example/blog/acupuncture-cures-migraine for the story.\n", "a.md"),
    ("# Blog\n\nRead <https://riverside.example/blog/guaranteed-relief> on our site.\n", "a.md"),
    ("Blog\n\nRead https://riverside.example/blog/acupuncture-cures-migraine for the story.\n", "a.txt"),
    ("<p>Read www.riverside.example/acupuncture-cures-migraine today.</p>\n", "a.html"),
])
def test_words_in_a_url_are_no_claim(text, filename):
    assert findings(text, filename) == []
    assert findings(text.replace("Read ", "Acupuncture cures migraines. Read "), filename)


def test_claims_in_html_inside_markdown_and_in_captions():
    md = ("# Feet\n\n<div class=\"note\">Acupuncture cures back pain.</div>\n\n<figure>\n  <img src=\"a.jpg\">\n"
          "  <figcaption>Guaranteed results</figcaption>\n</figure>\n")
    assert [(f.line, f.column) for f in findings(md, "a.md")] == [(3, 31), (7, 15)]


# --- The sentence analysis (issue 14): forms found by structure, not by phrase ---------------
# (sentence, the exact span, category, claim strength)
STRUCTURAL_FLAG = [
    # efficacy stated as fact, with no hedge
    ("Cupping successfully treats anxiety.", "successfully treats", "efficacy", "direct"),
    ("Omega-3 is effective against arthritis.", "effective", "efficacy", "direct"),
    ("This tea heals ulcers.", "heals", "cure", "direct"),
    ("Our herbal tonic treats insomnia.", "treats", "efficacy", "direct"),
    ("Massage greatly improves circulation in the legs.", "greatly improves", "efficacy", "direct"),
    ("It is a highly effective system for chronic fatigue.", "highly effective", "certainty", "direct"),
    # superiority over standard care, or replacing it
    ("Acupuncture is as effective as morphine for back pain.", "as effective as", "superiority", "direct"),
    ("Cupping works better than surgery for frozen shoulder.", "works better than", "superiority", "direct"),
    ("This supplement can replace your medication.", "replace your medication", "superiority", "conditional"),
    ("The drops can be used instead of antibiotics for ear infections.", "instead of antibiotics",
     "superiority", "conditional"),
    # remission and reversal
    ("The ointment sends psoriasis into lasting remission.", "into lasting remission", "remission", "direct"),
    ("Eczema can be healed with this cream.", "healed", "cure", "conditional"),
    ("The capsules rebuild worn cartilage in the knee.", "rebuild", "cure", "direct"),
    # certainty and completeness
    ("These drops will end your headaches.", "will end your headaches", "promise", None),
    ("The cleanse gets rid of toxins completely.", "gets rid of toxins completely", "efficacy", "direct"),
    ("Fasting is the only way to reset your hormones.", "the only way to", "certainty", "direct"),
    ("Our programme always leads to better health.", "always leads to", "certainty", "direct"),
    ("With cupping, you don't have to live with back pain.", "don't have to live with", "certainty", "promise"),
    ("Green tea is packed with antioxidants that rid your body of toxins.", "rid your body of", "cure", "direct"),
    ("Reflexology is safe.", "is safe", "safety", "direct"),
    ("The gel is safe to use on children.", "is safe to use", "safety", "direct"),
    # hype stays hype after a hedge
    ("Acupuncture may be a miracle cure.", "miracle", "hype", None),
    ("Proven techniques for knee pain.", "Proven techniques", "proven", None),
]

STRUCTURAL_PASS = [
    # scope: negation and hedges
    "Acupuncture is not a cure for migraine.",
    "There is no evidence that cupping cures anxiety.",
    "Acupuncture may help some people with back pain.",
    "Acupuncture can help ease back pain.",
    "Acupuncture can be a very effective treatment for some kinds of pain.",
    "Reflexology is generally safe when done by a trained therapist.",
    "For the most part, reflexology is safe.",
    "Some studies suggest that the tea may ease ulcers.",
    # statements about a condition, not a treatment
    "Most nosebleeds are harmless.",
    "A peanut allergy is completely harmless when you avoid peanuts.",
    "Sprains usually heal completely within six weeks.",
    # conventional care described as it is
    "Ice reduces swelling after a sprain.",
    "Painkillers like paracetamol will ease the pain.",
    "The antibiotics are no longer effective against the bacteria.",
    # refuted or reported
    "Some sites claim that cupping cures anxiety; it does not.",
    "Myth: detox tea flushes toxins out of your liver.",
    # purpose, not result; nouns, not verbs
    "The best way to ease back pain is to keep moving.",
    "Your body needs vitamins to repair damaged tissue.",
    "We trust the natural healing power of the body.",
    "A meta-analysis found that acupuncture was more effective than sham needling for knee pain.",
    # comparison with something other than standard care
    "Acupuncture felt better than I expected.",
    # imperatives and advice
    "Ensure the blanket fits your body comfortably.",
    "It is safe to ask your pharmacist about the gel.",
    "If you get a rash, stop taking the tonic immediately and call your doctor.",
    "Learn when to stop the tonic immediately.",
    # a belief that the article reports, not its own claim
    "Many people believe that surgery is the only way to fix back pain.",
]


@pytest.mark.parametrize("sentence,phrase,category,strength", STRUCTURAL_FLAG, ids=[s for s, *_ in STRUCTURAL_FLAG])
def test_structural_claims_are_flagged_at_their_cue(sentence, phrase, category, strength):
    found = findings(TITLE + sentence + "\n")
    assert len(found) == 1, [f.snippet for f in found]
    f = found[0]
    assert (f.line, f.column) == (3, sentence.index(phrase) + 1)
    assert f.end_column == sentence.index(phrase) + len(phrase) + 1
    assert f.data["category"] == category
    assert f.data.get("strength") == strength


@pytest.mark.parametrize("sentence", STRUCTURAL_PASS)
def test_structural_traps_stay_quiet(sentence):
    assert findings(TITLE + sentence + "\n") == []


def test_structural_tables_are_big_enough():
    assert len(STRUCTURAL_FLAG) >= 20 and len(STRUCTURAL_PASS) >= 20


@pytest.mark.parametrize("sentence, words", [
    ("Cupping successfully treats anxiety.", ("as a fact", "direct causal claim", "may help ease")),
    ("This supplement can replace your medication.",
     ("standard medical care", "conditional causal claim", "alongside the care your doctor recommends")),
    ("The ointment sends psoriasis into lasting remission.", ("remission or reversal", "symptoms ease for a while")),
    ("Reflexology is safe.", ("promises safety", "when used as directed")),
    ("With cupping, you don't have to live with back pain.", ("certainty", "a promise about the future")),
])
def test_message_and_suggestion_name_the_kind_of_claim(sentence, words):
    (f,) = findings(TITLE + sentence + "\n")
    for w in words:
        assert w in f.message
    assert f.suggestion.startswith("Instead of") and f.suggestion.split("such as ")[1] in f.message


def test_one_finding_per_claim():
    # several cues in one claim ("successfully", "treats", "completely") give one finding
    text = TITLE + "Cupping successfully treats anxiety completely and is a highly effective therapy for it.\n"
    assert len(findings(text)) == 1
    # separate sentences are separate claims
    text = TITLE + "This tea heals ulcers. The capsules rebuild worn cartilage.\n"
    assert [f.column for f in findings(text)] == [10, 37]


def test_the_articles_own_subject_counts_as_the_treatment():
    md = ("# Kavaroot Elixir\n\nKavaroot is a bitter herbal drink.\n\nKavaroot clears eczema completely.\n\n"
          "- Stops hot flushes\n")
    got = [(f.line, f.column, f.snippet) for f in findings(md, "a.md")]
    assert got == [(5, 10, "clears eczema completely"), (7, 3, "Stops")]
    # without the title's name the subject is unknown, and the sentence is no claim about a treatment
    assert findings(md.replace("# Kavaroot Elixir", "# Skin care"), "a.md")[:1] != got[:1]


def test_non_health_article_is_silent():
    path = DATA / "nonhealth_build.md"
    text = path.read_text(encoding="utf-8")
    assert findings(text, "build.md") == []
    # the same words about a treatment in a health article are claims
    assert findings(TITLE + "Cupping eliminates back pain completely.\n")


def test_myths_and_negated_lists_are_not_the_writers_claims():
    text = (DATA / "myth_busting.md").read_text(encoding="utf-8")
    assert findings(text, "myths.md") == []
    # the same bullets under a neutral heading, and the same list without its negating lead-in, are claims
    plain_text = text.replace("## Common myths", "## Our teas").replace("**A detox tea won't:**", "**Our tea:**")
    got = sorted(f.line for f in findings(plain_text, "teas.md"))
    assert 8 in got and 9 in got and 21 in got


def test_product_review_claims_at_exact_positions():
    text = (DATA / "product_claims.md").read_text(encoding="utf-8")
    got = [(f.line, f.column, f.data["category"]) for f in findings(text, "review.md")]
    assert got == [(5, 12, "efficacy"), (7, 14, "cure"), (9, 15, "superiority"), (11, 3, "efficacy")]


def test_book_title_in_a_link_is_not_a_claim():
    md = "# Arthritis\n\nRead [*Arthritis Cured Naturally*](https://books.example/a) by Dr. Lee (2015).\n"
    assert findings(md, "a.md") == []


def test_a_quotation_that_spans_sentences_is_the_sources_words():
    text = (TITLE + 'The review says: "Patients were recruited in 2010. Acupuncture is effective for the treatment '
            'of chronic pain in this group." We offer it twice a week.\n')
    assert findings(text) == []


def test_leftover_lines_are_not_prose():
    md = ("# Knee pain\n\nSome people find that acupuncture eases knee pain.\n\n"
          "Sure! Here is your article about how cupping cures anxiety.\n")
    from lint_rules._leftovers import leftover_lines
    from acu_lint.document import Document

    doc = Document(md, "a.md")
    got = [f.line for f in findings(md, "a.md")]
    assert (5 in got) == (5 not in leftover_lines(doc))


def test_bad_input_never_raises():
    for text in ("", "\n", "\u0130" * 300, "cures " * 5000, "(" * 2000 + " cures pain", '"' * 999 + "heals ulcers",
                 "- Stops\n" * 200, "# \n\n|a|\n|-|\n|cures pain|\n"):
        findings(text, "a.md")
        findings(text, "a.txt")


# Round 2: forms that blind held-out sets showed (our own sentences). (sentence, exact span, category)
GENERAL_FLAG = [
    # efficacy verbs with a plural subject (base form), new cue verbs, claim targets
    ("Weekly reflexology sessions stop teething pain in toddlers.", "stop", "efficacy"),
    ("Regular cupping sessions prevent running injuries.", "prevent", "efficacy"),
    ("Sports massage completely flushes lactic acid out of tired legs.", "completely flushes", "efficacy"),
    ("It also boosts the immune system so you get fewer coughs.", "boosts", "efficacy"),
    ("The protocol restores fertility after forty.", "restores", "efficacy"),
    ("The tincture rebuilds worn-out adrenals in three weeks.", "rebuilds", "cure"),
    ("The inversion table decompresses your spine instantly.", "decompresses your spine instantly", "efficacy"),
    ("The massage tool breaks up scar tissue permanently.", "breaks up scar tissue permanently", "efficacy"),
    ("Acupuncture doubles your chances of conceiving.", "doubles your chances", "efficacy"),
    # subjects: a pronoun, a product with a potency, home remedies, shots
    ("Arnica 30C heals bruises overnight.", "heals bruises overnight", "cure"),
    ("Our herbal formulas dissolve fibroids.", "dissolve", "cure"),
    ("Apple cider vinegar dissolves gallstones.", "dissolves", "cure"),
    ("A monthly shot will completely prevent migraines.", "completely prevent", "efficacy"),
    # superiority and replacement: a drug by its generic name, "can replace", "without medication"
    ("Our cold laser works better than pregabalin for nerve pain.", "works better than", "superiority"),
    ("It works better than any pill.", "works better than", "superiority"),
    ("Used weekly, it can replace your blood pressure medication entirely.",
     "replace your blood pressure medication", "superiority"),
    ("With our programme you will no longer need antacids or reflux medication.", "no longer need antacids",
     "superiority"),
    ("- Calms anxiety without medication", "Calms anxiety without medication", "superiority"),
    ("Our detox plan is the only way to restore your thyroid.", "the only way to", "certainty"),
    # permanence and no recurrence, the result with the condition or the patient as subject
    ("After four visits the pain never returns.", "never returns", "certainty"),
    ("After two treatments, the knots never come back.", "never come back", "certainty"),
    ("After one session of needling the headache disappears completely.", "disappears completely", "certainty"),
    ("After three adjustments most toddlers settle completely.", "settle completely", "certainty"),
    ("Once your spine is aligned there is no reason to come back.", "no reason to come back", "permanent"),
    ("- Ends restless nights for good", "Ends restless nights for good", "permanent"),
    # success
    ("Our patients have a 97% success rate.", "97% success rate", "guarantee"),
    ("We have treated back pain with complete success.", "complete success", "guarantee"),
]

GENERAL_PASS = [
    "Unflavoured collagen that dissolves quickly in hot or cold milk.",  # a cure verb's non-health sense
    "The only way to know for sure is a blood test.",  # certainty about a diagnosis
    "The only way to tell whether you have diabetes is to get tested.",
    "Gentle walking can help you manage pain without medication.",
    "The headache usually disappears completely within a day.",  # a hedged course of a condition
    "Sprains heal completely within six weeks.",  # the course of a condition, no treatment named
    "There is no reason to come back for a follow-up unless the pain returns.",
    "Antibiotics deplete the immune system's helpful bacteria.",  # a target verb of loss
    "Antioxidants clear your body of free radicals.",  # what is purged is no condition
]


@pytest.mark.parametrize("sentence,phrase,category", GENERAL_FLAG, ids=[s for s, *_ in GENERAL_FLAG])
def test_general_forms_are_flagged_at_their_cue(sentence, phrase, category):
    found = findings(TITLE + sentence + "\n", "article.md")
    assert len(found) == 1, [f.snippet for f in found]
    f = found[0]
    assert (f.line, f.column) == (3, sentence.index(phrase) + 1)
    assert f.end_column == sentence.index(phrase) + len(phrase) + 1
    assert f.data["category"] == category


@pytest.mark.parametrize("sentence", GENERAL_PASS)
def test_general_traps_stay_quiet(sentence):
    assert findings(TITLE + sentence + "\n", "article.md") == []


def test_a_noun_is_not_read_as_a_cure_verb():
    text = "# Remedies for the first signs of a cold\n\nRest and fluids help most people feel better.\n"
    assert findings(text, "article.md") == []
    assert [f.line for f in findings("# Cold and Flu\n\nThis tea remedies a cold overnight.\n", "article.md")] == [3]


@pytest.mark.parametrize("text", [
    # a shop's terms, not safety
    "Try the pillow risk-free with our 30-day money-back guarantee.",
    # a cure word inside a linked, emphasised Title Case book title
    "You will find books such as [*The Arthritis Cure: Secrets of the Healers*](https://example.com/book) in shops.",
    # a long quotation framed as what a box or a seller claims
    'One seller\'s box read "clinically proven to remove 99% of toxins from your body", but no study was named.',
])
def test_shop_terms_titles_and_framed_quotations_are_no_claims(text):
    assert findings(TITLE + text + "\n", "article.md") == []


def test_quoted_bullets_under_a_lead_in_that_reports_claims():
    md = ("# Foot Pads and Pain\n\nThe labels on the jars made these promises:\n\n"
          '- "Clinically proven to melt away joint pain in seven days"\n- "Rebuilds cartilage while you sleep"\n\n'
          "None of the sellers could show us a trial.\n\nOur own view:\n\n"
          '- "Clinically proven to melt away joint pain in seven days, and we stand by it"\n')
    # the quoted bullets under the reporting lead-in are mentions; a bullet all in quotes is one too
    assert findings(md, "article.md") == []


def test_a_heading_that_denies_a_cure_does_not_silence_its_section():
    md = ("# Cupping and Pain\n\n## Cupping is not a cure\n\n- It can ease muscle tension for some people.\n"
          "- The round marks are completely harmless and always fade within days.\n")
    assert [(f.line, f.snippet) for f in findings(md, "article.md")] == [(6, "completely harmless")]


def test_safety_adjectives_in_a_list():
    found = findings(TITLE + "It is safe, painless and drug-free.\n", "article.md")
    assert [(f.snippet, f.data["category"]) for f in found] == [("is safe, painless and drug-free", "safety")]
    assert findings(TITLE + "It is safe to say that the pain will ease.\n", "article.md") == []


def test_gardening_article_with_health_words_is_silent():
    assert findings((DATA / "nonhealth_orchard.md").read_text(encoding="utf-8"), "orchard.md") == []


def test_an_intensified_verb_about_a_treatment_needs_no_known_condition():
    found = findings(TITLE + "A weekly shot will completely prevent preeclampsia.\n", "article.md")
    assert [(f.snippet, f.data["category"]) for f in found] == [("completely prevent", "efficacy")]
    # the treatment's own failure, and advice, are no claims
    assert findings(TITLE + "The treatment completely stops working after a year.\n", "article.md") == []
    assert findings(TITLE + "Always stop the treatment if you feel dizzy.\n", "article.md") == []


def test_an_article_that_examines_claims_quotes_them():
    quoted = 'The advert promised "a deep cleanse that is clinically proven to remove toxins from your body overnight".\n'
    assert findings("# Detox Foot Pads: A Fact Check\n\n" + quoted, "article.md") == []
    assert findings("# Do Copper Bracelets Really Work?\n\n" + quoted, "article.md") == []
    # the same quotation, unframed, in a shop's own article is its claim
    own = 'Our pads in one line: "a deep cleanse that is clinically proven to remove toxins from your body overnight".\n'
    assert [f.snippet for f in findings("# Our Detox Foot Pads\n\n" + own, "article.md")] == ["clinically proven"]
