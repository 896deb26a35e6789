"""--format junit: one testcase per linted file, one failure per finding,
XML that parses whatever the text holds."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from acu_lint.model import Finding
from acu_lint.reporters import Report
from acu_lint.reporters import junit
from ci_support import cli, demo_registry, demo_rules  # noqa: F401


def finding(path, line, rule, message, severity="warning", snippet=""):
    f = Finding(0, 0, message, severity=severity, snippet=snippet)
    f.rule, f.path, f.line, f.column, f.end_line, f.end_column = rule, path, line, 1, line, 2
    return f


def test_one_testcase_per_file_one_failure_per_finding():
    fs = [finding("a.md", 1, "demo-fixme", "one"), finding("a.md", 5, "demo-cures", "two", "error"),
          finding("b.md", 2, "demo-fixme", "three")]
    xml = junit.render(Report(findings=fs, files=["a.md", "b.md", "clean.md"], rules=demo_registry().rules))
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "3"
    suite = root.find("testsuite")
    assert suite.get("tests") == "3" and suite.get("failures") == "3" and suite.get("errors") == "0"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["a.md", "b.md", "clean.md"]
    assert [len(c.findall("failure")) for c in cases] == [2, 1, 0]
    first = cases[0].findall("failure")
    assert [f.get("type") for f in first] == ["demo-fixme", "demo-cures"]
    assert first[1].get("message") == "demo-cures: two"
    assert first[1].text.startswith("a.md:5:1: error demo-cures two")


def test_markup_quotes_and_control_characters_are_escaped():
    nasty = 'Says "cures" <b>all</b> & \'more\' ]]> \x01\x0b bell\x07 \ud800 end'
    fs = [finding('dir/<odd> & "name".md', 3, "demo-cures", nasty, snippet="<script>&amp;</script>\x02")]
    xml = junit.render(Report(findings=fs, files=['dir/<odd> & "name".md']))
    root = ET.fromstring(xml.encode("utf-8"))  # would raise on invalid XML
    case = root.find("testsuite/testcase")
    assert case.get("name") == 'dir/<odd> & "name".md'
    failure = case.find("failure")
    assert failure.get("message").startswith('demo-cures: Says "cures" <b>all</b> & \'more\' ]]>')
    assert "\x01" not in failure.get("message") and "\ufffd" in failure.get("message")
    assert "<script>&amp;</script>\ufffd" in failure.text
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')


def test_cli_junit_with_a_missing_path_reports_an_error_case(demo_rules, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\nFIXME and cures.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# T\n\nClean.\n", encoding="utf-8")
    r = cli("a.md", "b.md", "--format", "junit")
    assert r.exit_code == 1, r
    root = ET.fromstring(r.stdout.encode("utf-8"))
    cases = root.findall("testsuite/testcase")
    assert [(c.get("name"), len(c.findall("failure"))) for c in cases] == [("a.md", 2), ("b.md", 0)]

    r = cli("a.md", "nope.md", "--format", "junit", "-o", "report.xml")
    assert r.exit_code == 2 and "nope.md" in r.stderr
    root = ET.parse(tmp_path / "report.xml").getroot()
    errors = root.findall("testsuite/testcase/error")
    assert len(errors) == 1 and "nope.md" in errors[0].get("message")
    assert root.get("errors") == "1"
