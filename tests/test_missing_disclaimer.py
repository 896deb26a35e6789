"""missing-disclaimer: wording that is a disclaimer, wording that is only advice,
the template/front-matter switches and the (unsafe) fix."""
from __future__ import annotations

import json

import pytest

from conftest import lint, run_cli, seeds_or_skip

RULE = "missing-disclaimer"
TITLE = "Acupuncture for Neck Pain"
BODY = (
    "Neck pain is common and often gets better on its own within a few weeks. Some people try "
    "acupuncture alongside gentle exercise, heat and good sleep habits. A session usually lasts about "
    "thirty minutes, and most people need several visits before they can tell whether it helps them. "
    "Mild soreness or a small bruise where a needle went in can happen."
)


def article(extra: str = "", title: str = TITLE) -> str:
    return f"{title}\n\n{BODY}\n\n{extra}\n" if extra else f"{title}\n\n{BODY}\n"


def findings(text, filename="article.txt", options=None):
    return [f for f in lint(text, filename, select=[RULE], options={RULE: options or {}}) if f.rule == RULE]


# Sentences that ARE disclaimers: the article passes.
DISCLAIMERS = [
    "Important: this leaflet is for general information and does not replace the advice of your cancer care team.",
    "We wrote this page to inform, not to advise.",
    "This guide does not replace the judgement of your midwife or obstetrician.",
    "Disclaimer: This article is for informational purposes only and does not constitute medical advice.",
    "This article is for general information only.",
    "The information on this page is provided for educational purposes only.",
    "This content is not medical advice.",
    "This post is general information, not medical advice.",
    "Nothing in this article should be taken as medical advice.",
    # the text itself as a negated subject, then what it is said to be (issue 14 round 2)
    "Nothing on this page is individual medical guidance; your midwife knows your pregnancy.",
    "Nothing on our website counts as personal health advice.",
    "None of the material on this blog is a substitute for your own physiotherapist.",
    "No part of this leaflet is meant as a diagnosis.",
    "Nothing here replaces an examination by your dentist.",
    "Nothing written here is a treatment plan for you.",
    "Nothing on this page, including the exercise videos, is clinical advice.",
    "Nothing we publish amounts to medical advice.",
    "Nothing in these answers is meant to diagnose your condition.",
    "None of this is medical advice, and none of it replaces your own physiotherapist.",
    # a contraction of the copula
    "I am not a doctor, and this post isn't medical advice.",
    # what the content is, as a label
    "Educational content only - please see a licensed provider about your symptoms.",
    # a text that calls itself general, next to a deferral of the reader's own case to a professional
    "Always consult a qualified health professional about your own circumstances; this article is general in nature.",
    "This guide gives general pointers. Ask your GP for personal advice.",
    "The information here is not a substitute for professional medical advice, diagnosis or treatment.",
    "This guide is not intended to replace the advice of your doctor.",
    "These statements are not intended to diagnose, treat, cure or prevent any disease.",
    "Reading this article does not create a doctor-patient relationship.",
    "Never disregard professional medical advice or delay seeking it because of something you have read here.",
    "This website does not provide medical advice.",
    "Our blog offers general health information and is not a substitute for seeing your doctor.",
    "Content on this site is for informational purposes and should not be considered medical advice.",
    "Medical disclaimer: the content of this article is for information only.",
    "Disclaimer: Please consult your physician before starting any treatment.",
    "This article is meant for educational purposes and does not replace professional medical advice.",
    "The content below is for informational use only.",
    "This material is provided for general educational purposes only.",
    "It is not personalized medical advice.",
    "Our articles are not a replacement for professional medical advice.",
    "The information provided should not be used to self-diagnose.",
    "This page is not meant to serve as medical advice.",
    "This article does not offer medical advice, and it cannot replace a visit to your doctor.",
    "Information in this newsletter is not intended as a substitute for professional medical advice.",
    "The views expressed here are for general information and do not amount to medical advice.",
    "This text is not a substitute for a consultation with a qualified practitioner.",
    "Health disclaimer \u2014 this is general guidance only and not medical advice.",
    "This article is intended for educational purposes only.",
    "This information is not a substitute for medical diagnosis.",
    "Nothing on this website constitutes medical advice.",
    "The contents of this blog are not intended to be a substitute for professional medical advice.",
    "We share this for informational purposes; it is not medical advice.",
    "Remember that this article is general information and not a treatment plan.",
    "This FAQ is for information only and is no substitute for professional medical advice.",
    "Please note this article is not medical advice.",
    "The author is not a doctor and this post is not medical advice.",
    "This is educational content and should not be construed as medical advice.",
    "Our content does not establish a practitioner-patient relationship.",
    "Use of this information is at your own risk; it is not professional medical advice.",
    "For informational purposes only. Not medical advice.",
    "Important: the information in this guide is not a substitute for medical advice from your own doctor.",
    "All content of this newsletter is intended for general information purposes only.",
    "This article offers general information, not personal medical advice.",
    "Nothing in this article should be taken as a substitute for professional medical care.",
    "The information provided here is educational and should not replace a consultation with a qualified healthcare professional.",
    "The content of this page is not a substitute for professional medical advice, diagnosis or treatment.",
    "Always seek the advice of your physician or other qualified health provider with any questions you may have regarding a medical condition.",
    # the mechanism: the text itself + a negation + replacing or being + a professional or care
    "These answers are general and no replacement for your own doctor.",
    "This video is not a treatment plan or medical advice.",
    "The tips below are general and cannot replace an examination by your physiotherapist.",
    "This information does not replace a visit to your GP.",
    "Our newsletter is never a substitute for the care of your own midwife.",
    "This content is strictly for educational purposes only.",
    "The podcast episodes are purely educational in nature.",
    # advice about the article's own content
    "Please consult your physician before following any of the advice in this article.",
    "Talk to your doctor before starting the exercises in this guide.",
    # a summary that defers to the reader's own professional
    "This guide summarises good practice. The best plan combines it with your own doctor's advice.",
    "Speak with your healthcare provider before trying any remedy mentioned here.",
    "Our articles help you understand your options, not to replace your physiotherapist.",
    "Please remember that this guide cannot diagnose your condition.",
    "The answers here are general; they cannot replace an examination.",
    # round 3: what is replaced may be an assessment, a consultation, an examination, a visit or a
    # diagnosis by a professional; "take the place of", "stand in for", "replace"
    "This information is not a substitute for an assessment by a health professional who knows your history.",
    "What you read here is not a substitute for an assessment by a clinician who knows your history.",
    "Reading about it is no replacement for an examination by someone who has seen your knee.",
    "Everything on this page is general and cannot stand in for a consultation with your own doctor.",
    "This post is educational and does not take the place of a face-to-face consultation.",
    "Our emails are educational and never stand in for a diagnosis by your GP.",
    # two sentences: the text calls itself general or educational, a pronoun says what it cannot replace
    "This guide is general and educational. It cannot take the place of an individual assessment.",
    "Our advice is general. It does not replace an examination by your physiotherapist.",
    "This leaflet gives general information. It is not a replacement for a visit to a doctor who knows you.",
    "These notes are only an overview. They can't stand in for a consultation with your midwife.",
]

# Sentences that are NOT disclaimers (advice, notices, statements about acupuncture):
# the article is still flagged.
NOT_DISCLAIMERS = [
    "Acupuncture is not a substitute for the care of your doctor.",
    "Ask for general information about fees at the front desk.",
    "Talk to your doctor before starting acupuncture.",
    "Discuss acupuncture with your healthcare provider to make sure it suits you.",
    "Please contact the office with any questions!",
    "Consult a qualified practitioner before your first session.",
    "Always tell your acupuncturist about any medicines you take.",
    "Call 911 if you have chest pain.",
    "Ask your GP whether acupuncture is right for you.",
    "Seek medical advice if your symptoms get worse.",
    "Our practitioners give personal advice at every visit.",
    "Book a consultation to get advice tailored to you.",
    "Acupuncture is not a substitute for medical treatment of diabetes.",
    "Acupuncture does not replace conventional medical care.",
    "Acupuncture should not be seen as a standalone treatment.",
    "This article explains how acupuncture works.",
    "We are not doctors, but we care about your health.",
    "Information about our fees is available at reception.",
    "Read our privacy policy for details on how we use your data.",
    "Results vary from person to person.",
    "Check with your insurance company about coverage.",
    "If symptoms persist, see a doctor.",
    "Your doctor can tell you if acupuncture is safe with your medication.",
    "Get medical help right away if you have sudden weakness.",
    "Medical advice from your own doctor should come first.",
    "This is not a complete list of side effects.",
    "Acupuncture is not intended for people with bleeding disorders.",
    "Needles are not reused.",
    "Let us know if you have questions about your treatment plan.",
    "The office is closed on public holidays.",
    "Our team includes licensed acupuncturists and a nurse.",
    "Sharing this article does not cost anything.",
    "We do not treat children under five.",
    "Tell the practitioner if you feel faint.",
    "For more information, visit our contact page.",
    "For information on parking, see below.",
    "Disclaimer: prices may change without notice.",
    "Terms and conditions apply to all packages.",
    "Follow your doctor's advice about medication.",
    "Please speak to a medical professional about your options.",
    "This information was reviewed by our senior acupuncturist in 2024.",
    "Nothing beats a good night's sleep for recovery.",
    "Do not stop taking prescribed medicine without talking to your doctor.",
    "Acupuncture isn't meant to replace regular visits to your doctor.",
    "Acupuncture should not replace a consultation with your doctor about new symptoms.",
    "Seek the advice of your doctor if the pain spreads.",
    "Our blog covers acupuncture, cupping and diet; our staff cannot replace your GP.",
    # a negation, but not about the text itself, or not about professional care
    "Acupuncture is not a replacement for surgery.",
    "These exercises are not a substitute for physiotherapy.",
    "This article does not cover the fees your doctor charges.",
    "This page is not updated by our doctors.",
    "The information on this page is not a complete list of clinics.",
    # advice about the reader's own plans, not about the article
    "Consult your healthcare professional before undertaking any supplement regimen.",
    "Talk to your doctor before you start any new treatment.",
    # a summary that leaves nothing to a professional
    "This guide summarizes the history of acupuncture.",
    "Always consult your doctor before making any changes to your health regimen.",
    "This article is not sponsored by any doctor.",
    "This article doesn't treat the topic in depth.",
    "This guide is long; it does not replace the old one.",
    # a negated subject whose predicate is no advice or care
    "Nothing on this page is difficult to follow.",
    "Nothing in this article is new and doctors have recommended rest for decades.",
    "Nothing here is as soothing as a warm bath.",
    "Nothing on this list replaces sleep.",
    "Nothing in this post is a miracle.",
    "None of the patients in the trial needed a second session.",
    "There is nothing here that a good therapist would not suggest.",
    "Nothing in the guide is hard, but your doctor may want to see you first.",
    "None of this is complicated.",
    # "none of this" may mean the remedies just described: only advice or a professional makes it one
    "Of course, none of this is a substitute for regular insulin injections.",
    "None of this is a substitute for your diabetes treatment.",
    "None of this means you should stop your medication.",
    "This article isn't a complete list of side effects.",
    "Acupuncture isn't a substitute for surgery.",
    "Educational workshops only run on Saturdays.",
    "This guide summarizes the history of acupuncture. Talk to your doctor before starting treatment.",
    # round 3: the same verbs and targets without the text itself as the subject
    "An app is not a substitute for an assessment by a health professional who knows your history.",
    "Stretching cannot take the place of a proper warm-up.",
    "Acupuncture cannot stand in for an assessment by your doctor if you have chest pain.",
    "Online symptom checkers cannot take the place of an examination.",
    "A massage is not a replacement for a diagnosis.",
    # the text calls itself general, but what the next sentence cannot replace is no care, or its
    # subject is something else
    "This guide is general. It cannot take the place of a good pair of shoes.",
    "The treatment is general and gentle. It cannot replace surgery for a torn tendon.",
    "This guide is general. Acupuncture cannot replace an examination by your doctor.",
    "This guide explains acupuncture. It is not a replacement for surgery.",
    "This post is general. Exercise is not a substitute for insulin.",
]


@pytest.mark.parametrize("sentence", DISCLAIMERS)
def test_disclaimer_is_accepted(sentence):
    assert findings(article(sentence)) == []


@pytest.mark.parametrize("sentence", NOT_DISCLAIMERS)
def test_advice_is_not_a_disclaimer(sentence):
    found = findings(article(sentence))
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 1, 1, len(TITLE) + 1)
    assert f.severity == "error"


def test_tables_are_big_enough():
    assert len(DISCLAIMERS) >= 40 and len(NOT_DISCLAIMERS) >= 40


def test_disclaimer_in_the_middle_or_top_counts():
    assert findings(f"{TITLE}\n\nThis article is not medical advice.\n\n{BODY}\n") == []


def test_message_has_what_why_how():
    (f,) = findings(article())
    assert f.message.startswith("The article has no medical disclaimer.")
    assert "general information" in f.message and "Add a short disclaimer" in f.message


def test_markdown_disclaimer_in_emphasis_and_html_block():
    md = f"# {TITLE}\n\n{BODY}\n\n*This article is for general information only and is not medical advice.*\n"
    assert findings(md, "a.md") == []
    md = f"# {TITLE}\n\n{BODY}\n\n<div class=\"note\">\nThis page is not medical advice.\n</div>\n"
    assert findings(md, "a.md") == []


def test_disclaimer_hidden_in_a_comment_or_code_does_not_count():
    md = f"# {TITLE}\n\n{BODY}\n\n<!-- This article is not medical advice. -->\n"
    (f,) = findings(md, "a.md")
    assert (f.line, f.column) == (1, 3)
    md = f"# {TITLE}\n\n{BODY}\n\n```\nThis article is not medical advice.\n```\n"
    assert len(findings(md, "a.md")) == 1


def test_disclaimer_heading_over_a_paragraph():
    md = f"# {TITLE}\n\n{BODY}\n\n## Medical disclaimer\n\nAsk a doctor or other health professional about your own case.\n"
    assert findings(md, "a.md") == []


def test_short_texts_are_not_checked_and_min_words_option():
    short = "Clinic hours\n\nWe are open Monday to Friday.\n"
    assert findings(short) == []
    assert len(findings(short, options={"min_words": 0})) == 1


def test_template_option_and_front_matter():
    assert findings(article(), options={"template": True}) == []
    for value in ("template", "site", "true", "yes"):
        md = f"---\ntitle: Neck pain\ndisclaimer: {value}\n---\n# {TITLE}\n\n{BODY}\n"
        assert findings(md, "a.md") == [], value
    md = f"---\ndisclaimer: This article is general information, not medical advice.\n---\n# {TITLE}\n\n{BODY}\n"
    assert findings(md, "a.md") == []
    md = f"---\nacu-lint:\n  disclaimer: template\n---\n# {TITLE}\n\n{BODY}\n"
    assert findings(md, "a.md") == []
    md = f"---\ndisclaimer: false\n---\n# {TITLE}\n\n{BODY}\n"
    (f,) = findings(md, "a.md")
    assert (f.line, f.column) == (4, 3)  # on the title, not on the front matter
    md = f"---\nlegal: template\n---\n# {TITLE}\n\n{BODY}\n"
    assert findings(md, "a.md", options={"front_matter_key": "legal"}) == []


def test_extra_patterns_option():
    text = article("Dieser Artikel ersetzt keine ärztliche Beratung.")
    assert len(findings(text)) == 1
    assert findings(text, options={"extra_patterns": [r"ersetzt keine \w+ Beratung"]}) == []


def test_anchor_without_title():
    text = f"{BODY}\n"
    (f,) = findings(text)
    assert (f.line, f.column) == (1, 1)


def test_fix_is_unsafe_and_appends_after_a_blank_line():
    text = article()
    (f,) = findings(text)
    assert f.fix is not None and f.fix.safe is False
    (edit,) = f.fix.edits
    assert edit.start == edit.end == len(text)
    assert edit.text.startswith("\nDisclaimer: This article is general information, not medical advice.")
    assert edit.text.endswith("\n")
    no_newline = text.rstrip("\n")
    (f,) = findings(no_newline)
    assert f.fix.edits[0].text.startswith("\n\nDisclaimer:")


def _apply(text, fix):
    from acu_lint.engine import apply_edits

    return apply_edits(text, list(fix.edits))


@pytest.mark.parametrize("filename,text", [
    ("a.txt", article()),
    ("a.txt", article().rstrip("\n")),
    ("a.txt", article() + "\n\n"),
    ("a.md", f"# {TITLE}\n\n{BODY}\n"),
    ("a.html", f"<html><body>\n<article>\n  <h1>{TITLE}</h1>\n  <p>{BODY}</p>\n</article>\n</body></html>\n"),
    ("a.html", f"<h1>{TITLE}</h1><p>{BODY}</p>"),
])
def test_fix_is_idempotent_and_only_adds(filename, text):
    (f,) = findings(text, filename)
    fixed = _apply(text, f.fix)
    assert findings(fixed, filename) == []
    # nothing of the original text is lost or changed: the fix only inserts
    assert len(fixed) > len(text)
    e = f.fix.edits[0]
    assert fixed[: e.start] == text[: e.start] and fixed[e.start + len(e.text):] == text[e.start:]


def test_html_fix_goes_inside_the_article():
    text = f"<html><body>\n<article>\n  <h1>{TITLE}</h1>\n  <p>{BODY}</p>\n</article>\n</body></html>\n"
    (f,) = findings(text, "a.html")
    fixed = _apply(text, f.fix)
    assert '  <p class="disclaimer">Disclaimer: This article is general information' in fixed
    assert fixed.index('class="disclaimer"') < fixed.index("</article>")


def test_custom_text_option_and_validation():
    from acu_lint.rules import load_registry

    rule = load_registry()[RULE]
    custom = "Note: this page is for information only; see your own doctor."
    (f,) = findings(article(), options={"text": custom})
    assert custom in f.fix.edits[0].text
    rule.validate({**rule.options, "text": custom})
    with pytest.raises(ValueError, match="not recognised as a disclaimer"):
        rule.validate({**rule.options, "text": "Call us today!"})
    with pytest.raises(Exception):
        rule.validate({**rule.options, "extra_patterns": ["(broken"]})


def test_cli_fix_needs_unsafe_fixes(tmp_path):
    p = tmp_path / "neck.txt"
    p.write_text(article(), encoding="utf-8")
    r = run_cli("--select", RULE, "--fix", "--no-cache", str(p))
    assert r.returncode == 1, r.stderr
    assert p.read_text(encoding="utf-8") == article()
    r = run_cli("--select", RULE, "--fix", "--unsafe-fixes", "--no-cache", str(p))
    assert r.returncode == 0, r.stdout + r.stderr
    after = p.read_text(encoding="utf-8")
    assert after.startswith(article()) and "not medical advice" in after
    r = run_cli("--select", RULE, "--fix", "--unsafe-fixes", "--no-cache", str(p))
    assert p.read_text(encoding="utf-8") == after


def test_cli_config_template_and_suppression(tmp_path):
    p = tmp_path / "neck.txt"
    p.write_text(article(), encoding="utf-8")
    (tmp_path / ".acu-lint.yaml").write_text("rules:\n  missing-disclaimer:\n    template: true\n", encoding="utf-8")
    r = run_cli("--select", RULE, "--no-cache", str(p))
    assert r.returncode == 0, r.stdout + r.stderr
    (tmp_path / ".acu-lint.yaml").write_text("rules:\n  missing-disclaimer:\n    text: Buy now!\n", encoding="utf-8")
    r = run_cli("--select", RULE, "--no-cache", str(p))
    assert r.returncode == 2 and b"not recognised as a disclaimer" in r.stderr
    (tmp_path / ".acu-lint.yaml").unlink()
    p.write_text("<!-- acu-lint-disable-file missing-disclaimer -->\n" + article(), encoding="utf-8")
    r = run_cli("--select", RULE, "--no-cache", str(p))
    assert r.returncode == 0, r.stdout + r.stderr


def test_json_fix_object(tmp_path):
    p = tmp_path / "neck.md"
    p.write_text(f"# {TITLE}\n\n{BODY}\n", encoding="utf-8")
    r = run_cli("--select", RULE, "--format", "json", "--no-cache", str(p))
    (row,) = json.loads(r.stdout)
    assert (row["line"], row["column"]) == (1, 3)
    assert row["fix"]["safe"] is False and row["fix"]["edits"][0]["content"].startswith("\nDisclaimer:")


def test_seeds():
    seeds = seeds_or_skip()
    flagged = {name: bool(findings((seeds / name).read_text(encoding="utf-8"), name))
               for name in sorted(p.name for p in seeds.glob("*.txt"))}
    assert flagged == {
        "000_e20779465ceb8197.txt": True,
        "001_9f7dd399d0806bb7.txt": True,
        "002_61f04f7f713dda28.txt": True,
        "003_11b9ec09f232ca3e.txt": False,
        "004_b58b6a3761631fd8.txt": True,
    }


def test_block_by_block_search_equals_the_joined_search():
    """The built-in patterns are searched block by block; only a pattern that
    can match a full stop is also tried across the ". " between blocks."""
    from lint_rules.missing_disclaimer import _AnyOf, _may_match_a_full_stop

    assert not _may_match_a_full_stop(r"\bnot\s+medical\s+advice\b")
    assert not _may_match_a_full_stop(r"\bseek the advice of (?:your|a)[^.]{0,80}?\bwith")
    for crossing in (r"\bfoo\.\s+bar\b", r"foo.bar", r"foo\W+bar", r"[^a]+", r"[\w.]+"):
        assert _may_match_a_full_stop(crossing), crossing
    spanning = _AnyOf([r"\bsee\.\s+our\s+policy\b"])
    assert spanning.search_joined(["Please see", "our policy here"])  # only in the joined text
    assert not spanning.search_joined(["Please see", "the policy"])
    within = _AnyOf([r"\bnot\s+medical\s+advice\b"])
    assert within.search_joined(["Intro text", "This is not medical advice."])
    assert not within.search_joined(["This is not", "medical advice"])  # a joint holds ". "


def test_a_summary_and_its_deferral_may_stand_in_two_blocks():
    md = (f"# {TITLE}\n\nThis handout summarizes what most clinics advise.\n\n"
          f"Your provider's instructions come first.\n\n{BODY}\n")
    assert findings(md, "a.md") == []
    md = f"# {TITLE}\n\nThis handout summarizes what most clinics advise.\n\n{BODY}\n"
    assert len(findings(md, "a.md")) == 1


def test_default_text_is_the_suggestion():
    (f,) = findings(article())
    assert f.suggestion.startswith("Disclaimer: This article is general information, not medical advice.")


def test_configured_text_is_the_message_and_suggestion_through_the_cli(tmp_path):
    """Issue 17, item 10: with rules.missing-disclaimer.text set, the finding says that text."""
    custom = "Note: our pages explain treatments in general terms and are no substitute for your own GP."
    (tmp_path / ".acu-lint.yaml").write_text(
        f'rules:\n  missing-disclaimer:\n    text: "{custom}"\n', encoding="utf-8")
    p = tmp_path / "neck.txt"
    p.write_text(article(), encoding="utf-8")
    r = run_cli("--select", RULE, "--format", "json", "--no-cache", str(p))
    assert r.returncode == 1, r.stderr
    (row,) = json.loads(r.stdout)
    assert row["suggestion"] == custom
    assert f'Add the disclaimer configured for this project: "{custom}"' in row["message"]
    assert "This article is general information" not in row["message"]
    assert row["fix"]["edits"][0]["content"].strip() == custom
    r = run_cli("--select", RULE, "--no-cache", str(p))
    assert custom.encode() in r.stdout and b"This article is general information" not in r.stdout
    # without the setting, the built-in wording
    (tmp_path / ".acu-lint.yaml").unlink()
    r = run_cli("--select", RULE, "--format", "json", "--no-cache", str(p))
    (row,) = json.loads(r.stdout)
    assert 'e.g. "This article is general information, not medical advice."' in row["message"]
    assert row["suggestion"].startswith("Disclaimer: This article is general information")


def test_a_long_configured_text_is_shortened_in_the_message_only():
    custom = "Disclaimer: this page is general information and not medical advice. " + "Ask your own doctor. " * 12
    (f,) = findings(article(), options={"text": custom})
    assert f.message.endswith('\u2026"') and len(f.message) < 500
    assert f.suggestion == custom.strip()


def test_odd_input_gives_no_traceback():
    for text in ("", "\n", "This article is not " * 3000, "no " * 20000, "\u0130" * 5000 + " not medical advice",
                 "before " * 5000, "This guide summarizes " * 2000):
        for name in ("a.txt", "a.md", "a.html"):
            findings(text, name, options={"min_words": 0})


def test_text_a_leftover_rule_reports_is_not_the_articles_disclaimer():
    # the assistant's own words about itself are deleted by an editor: they are no disclaimer
    for chat in ("As an AI language model, I can't give medical advice, but here is some general information.",
                 "As an AI, I am not a doctor and this is not medical advice."):
        text = f"# {TITLE}\n\n{chat}\n\n{BODY}\n"
        found = findings(text, "a.md")
        assert len(found) == 1 and found[0].line == 1, chat
        # the assistant-text rule does report that line
        assert [f.line for f in lint(text, "a.md", select=["assistant-text"])] == [3]
    # the article's own disclaimer still counts when a leftover stands beside it
    text = (f"# {TITLE}\n\nAs an AI language model, I can't give medical advice.\n\n{BODY}\n\n"
            "Nothing on this page is individual medical guidance.\n")
    assert findings(text, "a.md") == []


def test_a_disclaimer_in_an_article_wrapped_in_a_code_fence_counts():
    inner = f"# {TITLE}\n\n{BODY}\n\nThis article is general information, not medical advice.\n"
    assert findings(f"Here is your article:\n\n```markdown\n{inner}```\n", "a.md") == []
    inner = f"# {TITLE}\n\n{BODY}\n\nTalk to your doctor before starting acupuncture.\n"
    (f,) = findings(f"Here is your article:\n\n```markdown\n{inner}```\n", "a.md")
    assert f.line == 4  # on the article's title inside the fence
