"""--format sarif: SARIF 2.1.0 that validates against the OASIS schema and
carries what GitHub code scanning reads (driver, rules, levels, regions).

The schema is shipped in tests/data with its licence (OASIS), so this test
never skips.
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from acu_lint.model import Finding, Fix, Edit
from acu_lint.reporters import Report
from acu_lint.reporters import sarif
from ci_support import cli, demo_registry, demo_rules  # noqa: F401

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid(validator, doc):
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def finding(path, line, col, end_line, end_col, rule, severity, message, **kw):
    f = Finding(0, 0, message, severity=severity, **kw)
    f.rule, f.path = rule, path
    f.line, f.column, f.end_line, f.end_column = line, col, end_line, end_col
    return f


def test_schema_and_licence_are_shipped():
    assert SCHEMA_PATH.is_file()
    licence = (SCHEMA_PATH.parent / "sarif-schema-LICENSE.md").read_text(encoding="utf-8")
    assert "OASIS" in licence
    assert json.loads(SCHEMA_PATH.read_text())["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")


def test_report_validates_and_has_what_github_reads(validator, tmp_path):
    reg = demo_registry()
    findings = [
        finding("articles/knee pain.md", 3, 5, 3, 10, "demo-fixme", "warning", "The word FIXME is here.",
                fix=Fix((Edit(0, 1, ""),)), snippet="FIXME"),
        finding("articles/knee pain.md", 7, 1, 7, 1, "demo-cures", "error", 'Says "cures" <b> & more',
                suggestion="may help relieve", snippet=""),
        finding("notes/ü.txt", 1, 2, 2, 4, "demo-todo", "info", "TODO left", snippet="TODO\nx"),
    ]
    report = Report(findings=findings, files=["articles/knee pain.md", "notes/ü.txt"], rules=reg.rules,
                    version="0.1.0")
    doc = sarif.build(report, cwd=str(tmp_path))
    assert_valid(validator, doc)
    # and it is what render() prints
    assert json.loads(sarif.render(report))["runs"][0]["results"][0]["ruleId"] == "demo-fixme"

    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "acu-lint" and driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(reg.rules)
    cures = driver["rules"][ids.index("demo-cures")]
    assert cures["shortDescription"]["text"] == "The demo word cures is in the text."
    assert cures["fullDescription"]["text"] == 'Every occurrence of the word "cures" & other <markup> in prose.'
    assert "## Why it matters" in cures["help"]["markdown"] and cures["help"]["text"]
    assert cures["defaultConfiguration"]["level"] == "error"
    todo = driver["rules"][ids.index("demo-todo")]
    assert todo["defaultConfiguration"]["level"] == "note"

    res = run["results"]
    assert [r["level"] for r in res] == ["warning", "error", "note"]
    for r in res:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    loc = res[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "articles/knee%20pain.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 10,
                             "snippet": {"text": "FIXME"}}
    assert res[1]["message"]["text"] == 'Says "cures" <b> & more (suggestion: may help relieve)'
    assert res[1]["locations"][0]["physicalLocation"]["region"]["endColumn"] == 1  # insertion point
    assert res[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes/%C3%BC.txt"
    assert res[0]["properties"]["fix"] == "safe"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True
    assert "baselineState" not in res[0]


def test_paths_are_relative_with_forward_slashes(tmp_path):
    inside = tmp_path / "a" / "b.md"
    assert sarif.artifact_location(str(inside), str(tmp_path)) == {"uri": "a/b.md", "uriBaseId": "%SRCROOT%"}
    assert sarif.artifact_location("./a/b.md", str(tmp_path)) == {"uri": "a/b.md", "uriBaseId": "%SRCROOT%"}
    outside = tmp_path.parent / "elsewhere.md"
    loc = sarif.artifact_location(str(outside), str(tmp_path))
    assert loc["uri"].startswith("file:///") and "uriBaseId" not in loc


def test_identical_findings_get_distinct_fingerprints(validator, tmp_path):
    reg = demo_registry()
    fs = [finding("a.md", n, 1, n, 6, "demo-fixme", "warning", "x", snippet="FIXME") for n in (1, 4)]
    doc = sarif.build(Report(findings=fs, files=["a.md"], rules=reg.rules, version="0.1.0"), cwd=str(tmp_path))
    assert_valid(validator, doc)
    fps = [r["partialFingerprints"]["acuLintFingerprint/v1"] for r in doc["runs"][0]["results"]]
    assert fps[0] != fps[1] and fps[0].split(":")[0] == fps[1].split(":")[0]
    # the fingerprint does not depend on the line: the same text moved keeps it
    moved = [finding("a.md", n, 1, n, 6, "demo-fixme", "warning", "x", snippet="FIXME") for n in (10, 12)]
    doc2 = sarif.build(Report(findings=moved, files=["a.md"], rules=reg.rules, version="0.1.0"), cwd=str(tmp_path))
    assert fps == [r["partialFingerprints"]["acuLintFingerprint/v1"] for r in doc2["runs"][0]["results"]]


def test_every_installed_rule_makes_a_valid_descriptor(validator, tmp_path):
    """The real rules' docstrings feed the descriptors: each must produce text."""
    from acu_lint.rules import load_registry

    reg = load_registry()
    assert reg.rules, "no rule is installed"
    doc = sarif.build(Report(findings=[], files=[], rules=reg.rules, version="0.1.0"), cwd=str(tmp_path))
    assert_valid(validator, doc)
    for desc in doc["runs"][0]["tool"]["driver"]["rules"]:
        rule = reg.rules[desc["id"]]
        assert desc["shortDescription"]["text"] == rule.summary
        assert desc["fullDescription"]["text"]
        assert desc["help"]["markdown"] == rule.doc.strip()
        assert desc["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_cli_sarif_output_file_validates(demo_rules, validator, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "sub" / "a.md").write_text("# Title\n\nThis FIXME cures all.\n", encoding="utf-8")
    (tmp_path / "docs" / "clean.md").write_text("# Title\n\nFine text.\n", encoding="utf-8")
    r = cli("docs", "--format", "sarif", "--output-file", "out.sarif")
    assert r.exit_code == 1, r
    assert r.stdout == ""
    doc = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert_valid(validator, doc)
    res = doc["runs"][0]["results"]
    assert [(x["ruleId"], x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for x in res] == [
        ("demo-fixme", "docs/sub/a.md"), ("demo-cures", "docs/sub/a.md")]
    region = res[1]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (3, 12, 3, 17)


def test_cli_sarif_clean_run_and_errors_validate(demo_rules, validator, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# Title\n\nFine.\n", encoding="utf-8")
    r = cli("a.md", "--format", "sarif")
    assert r.exit_code == 0, r
    doc = json.loads(r.stdout)
    assert_valid(validator, doc)
    assert doc["runs"][0]["results"] == []
    r = cli("a.md", "missing.md", "--format", "sarif")
    assert r.exit_code == 2, r
    doc = json.loads(r.stdout)
    assert_valid(validator, doc)
    inv = doc["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "missing.md" in inv["toolExecutionNotifications"][0]["message"]["text"]
