"""--write-baseline / --baseline: adopt acu-lint on an archive, report only new
findings; matching by rule + file + text survives moved lines, counts
duplicates, and entries whose finding is gone are stale (--statistics)."""
from __future__ import annotations

import json
import os

import pytest

from acu_lint.baseline import Baseline, BaselineError, fingerprint
from ci_support import cli, demo_rules  # noqa: F401

ARTICLE = "# Knee pain\n\nThis FIXME stays for now.\n\nAcupuncture cures knee pain.\n"


@pytest.fixture
def site(tmp_path, monkeypatch, demo_rules):  # noqa: F811
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "knee.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "back.md").write_text("# Back\n\nA FIXME here.\n", encoding="utf-8")
    return tmp_path


def write_baseline(*extra: str):
    r = cli("articles", "--write-baseline", "baseline.json", *extra)
    assert r.exit_code == 0, r
    return r


def test_fingerprint_ignores_whitespace_and_depends_on_rule_file_text():
    fp = fingerprint("demo-cures", "a.md", "cures  knee\npain")
    assert fp == fingerprint("demo-cures", "a.md", " cures knee pain ")
    assert fp != fingerprint("demo-fixme", "a.md", "cures knee pain")
    assert fp != fingerprint("demo-cures", "b.md", "cures knee pain")
    assert fp != fingerprint("demo-cures", "a.md", "cures back pain")


def test_write_baseline_records_findings_and_exits_zero(site):
    r = write_baseline()
    assert r.stdout == "" and "Wrote 3 findings in 2 files to the baseline baseline.json." in r.stderr
    data = json.loads((site / "baseline.json").read_text(encoding="utf-8"))
    assert data["acu-lint-baseline"] == 1 and data["generated-by"].startswith("acu-lint ")
    rows = [(e["rule"], e["path"], e["text"], e["line"]) for e in data["findings"]]
    assert rows == [("demo-fixme", "articles/back.md", "FIXME", 3),
                    ("demo-fixme", "articles/knee.md", "FIXME", 3),
                    ("demo-cures", "articles/knee.md", "cures", 5)]
    assert all(len(e["fingerprint"]) == 32 for e in data["findings"])


def test_baseline_hides_known_findings(site):
    write_baseline()
    r = cli("articles", "--baseline", "baseline.json")
    assert r.exit_code == 0, r
    assert r.stdout == ("All clear: no problems in 2 files checked.\n"
                        "3 known problems hidden by the baseline (baseline.json).\n")
    q = cli("articles", "--baseline", "baseline.json", "--quiet")
    assert q.exit_code == 0 and q.stdout == ""


def test_matching_survives_moved_lines_and_rewrapping(site):
    write_baseline()
    knee = site / "articles" / "knee.md"
    knee.write_text("# Knee pain\n\nA new first paragraph.\n\nAnother one.\n\n"
                    "Acupuncture cures knee pain.\n\nThis FIXME\nstays for now.\n", encoding="utf-8")
    r = cli("articles", "--baseline", "baseline.json", "--statistics")
    assert r.exit_code == 0, r
    assert "0 stale entries" in r.stdout and "3 known findings hidden" in r.stdout


def test_new_findings_are_reported_and_fail(site):
    write_baseline()
    knee = site / "articles" / "knee.md"
    knee.write_text(ARTICLE + "\nSleep is what this cures too. TODO\n", encoding="utf-8")
    r = cli("articles", "--baseline", "baseline.json")
    assert r.exit_code == 1, r
    lines = r.stdout.splitlines()
    assert lines[0].startswith("articles/knee.md:7:20: error demo-cures")
    assert lines[1].startswith("articles/knee.md:7:31: info demo-todo")
    assert "3 known problems hidden" in r.stdout


def test_matching_counts_duplicates(site):
    (site / "articles" / "back.md").write_text("# Back\n\nA FIXME here.\n\nA FIXME there.\n", encoding="utf-8")
    write_baseline()
    assert cli("articles", "--baseline", "baseline.json").exit_code == 0
    # a third copy of the same text is new
    (site / "articles" / "back.md").write_text("# Back\n\nA FIXME here.\n\nA FIXME there.\n\nFIXME\n",
                                               encoding="utf-8")
    r = cli("articles", "--baseline", "baseline.json", "--format", "json")
    assert r.exit_code == 1, r
    found = json.loads(r.stdout)
    assert [(f["path"], f["line"], f["rule"]) for f in found] == [("articles/back.md", 7, "demo-fixme")]


def test_stale_entries_are_shown_with_statistics(site):
    write_baseline()
    (site / "articles" / "knee.md").write_text("# Knee pain\n\nAcupuncture may help knee pain. FIXME\n",
                                               encoding="utf-8")
    r = cli("articles", "--baseline", "baseline.json", "--statistics")
    assert r.exit_code == 0, r
    assert "Baseline baseline.json: 2 known findings hidden, 1 stale entry." in r.stdout
    assert 'articles/knee.md:5: demo-cures "cures"' in r.stdout
    # without --statistics the stale entry is not mentioned
    plain = cli("articles", "--baseline", "baseline.json")
    assert "stale" not in plain.stdout and plain.exit_code == 0
    # refreshing the baseline drops it
    write_baseline()
    r = cli("articles", "--baseline", "baseline.json", "--statistics")
    assert "0 stale entries" in r.stdout


def test_entries_of_files_or_rules_not_linted_are_not_stale(site):
    write_baseline()
    r = cli("articles/back.md", "--baseline", "baseline.json", "--statistics")
    assert r.exit_code == 0 and "1 known finding hidden, 0 stale entries" in r.stdout, r
    r = cli("articles", "--baseline", "baseline.json", "--statistics", "--ignore", "demo-cures")
    assert r.exit_code == 0 and "2 known findings hidden, 0 stale entries" in r.stdout, r


def test_entries_of_deleted_files_are_stale(site):
    write_baseline()
    (site / "articles" / "back.md").unlink()
    r = cli("articles", "--baseline", "baseline.json", "--statistics")
    assert r.exit_code == 0 and "1 stale entry" in r.stdout and "articles/back.md:3: demo-fixme" in r.stdout


def test_paths_are_relative_to_the_baseline_file(site):
    write_baseline()
    os.chdir(site / "articles")
    r = cli("knee.md", "--baseline", "../baseline.json", "--statistics")
    assert r.exit_code == 0, r
    assert "2 known findings hidden, 0 stale entries" in r.stdout


def test_crlf_and_lf_copies_match(site):
    write_baseline()
    knee = site / "articles" / "knee.md"
    knee.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert cli("articles", "--baseline", "baseline.json").exit_code == 0


def test_hand_written_entry_without_fingerprint(site):
    (site / "hand.json").write_text(json.dumps({"findings": [
        {"rule": "demo-cures", "path": "articles/knee.md", "text": "cures"},
        {"rule": "demo-fixme", "path": "articles/knee.md", "text": "FIXME"},
    ]}), encoding="utf-8")
    r = cli("articles/knee.md", "--baseline", "hand.json")
    assert r.exit_code == 0, r


@pytest.mark.parametrize("content, message", [
    (None, "baseline file not found"),
    ("{not json", "baseline is not valid JSON (line 1"),
    ("[]", "not an acu-lint baseline"),
    ('{"findings": [{"rule": "x"}]}', "findings[0] needs a 'path' string"),
    ('{"acu-lint-baseline": 99, "findings": []}', "format 99 is not supported"),
])
def test_bad_baseline_is_a_one_line_error(site, content, message):
    if content is not None:
        (site / "baseline.json").write_text(content, encoding="utf-8")
    r = cli("articles", "--baseline", "baseline.json")
    assert r.exit_code == 2, r
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("acu-lint: baseline.json: ") and message in r.stderr
    with pytest.raises(BaselineError):
        Baseline.load(str(site / "baseline.json"))


def test_write_baseline_refuses_a_partial_picture(site):
    r = cli("articles", "missing.md", "--write-baseline", "baseline.json")
    assert r.exit_code == 2, r
    assert "missing.md: no such file or directory" in r.stderr and "baseline not written" in r.stderr
    assert not (site / "baseline.json").exists()


def test_write_baseline_after_fix_records_what_is_left(site):
    r = cli("articles", "--fix", "--write-baseline", "baseline.json")
    assert r.exit_code == 0, r
    data = json.loads((site / "baseline.json").read_text(encoding="utf-8"))
    assert [(e["rule"], e["text"]) for e in data["findings"]] == [("demo-cures", "cures")]
    assert "FIXME" not in (site / "articles" / "back.md").read_text(encoding="utf-8")


def test_sarif_marks_results_new_when_a_baseline_is_used(site):
    write_baseline()
    (site / "articles" / "back.md").write_text("# Back\n\nA FIXME here. It cures.\n", encoding="utf-8")
    r = cli("articles", "--baseline", "baseline.json", "--format", "sarif")
    assert r.exit_code == 1, r
    results = json.loads(r.stdout)["runs"][0]["results"]
    assert [(x["ruleId"], x.get("baselineState")) for x in results] == [("demo-cures", "new")]


def test_whole_article_findings_survive_a_new_title_and_first_paragraph(tmp_path, monkeypatch):
    """missing-disclaimer and the article's readability grade point at the title only to
    have a place: editing the title or adding a paragraph at the top keeps them known."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    art = tmp_path / "a.md"
    body = ("Peripheral neuropathy is characterised by considerable heterogeneity in presentation, "
            "necessitating individualised multidisciplinary management strategies.\n\n") * 8
    art.write_text("# Acupuncture and Neuropathy\n\n" + body, encoding="utf-8")
    rules = "missing-disclaimer,readability"
    assert cli("a.md", "--select", rules, "--write-baseline", "b.json").exit_code == 0
    recorded = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]
    assert {e["rule"] for e in recorded} == {"missing-disclaimer", "readability"}
    art.write_text("# Neuropathy: What Acupuncture Can and Cannot Do\n\nA new first paragraph, short and plain.\n\n"
                   + body, encoding="utf-8")
    r = cli("a.md", "--select", rules, "--baseline", "b.json", "--statistics")
    assert "missing-disclaimer" not in r.stdout.split("known findings hidden")[0].split("\n")[0]
    assert "0 stale entries" in r.stdout, r.stdout
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("a.md:")]
    assert not [ln for ln in lines if "missing-disclaimer" in ln or "Reads at" in ln], lines


def test_baseline_written_before_document_keys_still_matches(tmp_path, monkeypatch):
    """An entry recorded by an older acu-lint with the fingerprint of the title's text."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "a.md").write_text("# Knee Pain and Acupuncture\n\n" + "Knee pain is common and often eases. " * 20
                                   + "\n", encoding="utf-8")
    old = {"rule": "missing-disclaimer", "path": "a.md",
           "fingerprint": fingerprint("missing-disclaimer", "a.md", "Knee Pain and Acupuncture"),
           "text": "Knee Pain and Acupuncture", "line": 1, "message": "no disclaimer"}
    (tmp_path / "b.json").write_text(json.dumps({"acu-lint-baseline": 1, "findings": [old]}), encoding="utf-8")
    r = cli("a.md", "--select", "missing-disclaimer", "--baseline", "b.json", "--statistics")
    assert r.exit_code == 0, r.stdout
    assert "0 stale entries" in r.stdout and "1 known finding hidden" in r.stdout, r.stdout
