"""--format github: workflow-command annotations, and the Markdown job summary
appended to $GITHUB_STEP_SUMMARY (GitHub shows only 10 annotations per level
inline, the summary lists every finding)."""
from __future__ import annotations

import re

from acu_lint.model import Finding, Fix, Edit
from acu_lint.reporters import Report
from acu_lint.reporters import github
from ci_support import cli, demo_registry, demo_rules  # noqa: F401

ANNOTATION = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<msg>.*)$")


def finding(path, line, rule, message, severity="warning", fix=None):
    f = Finding(0, 0, message, severity=severity, fix=fix)
    f.rule, f.path, f.line, f.column, f.end_line, f.end_column = rule, path, line, 2, line, 9
    return f


def test_annotations_escape_properties_and_message():
    fs = [finding("dir/a,b:c.md", 4, "demo-cures", "100% sure\nsecond line", "error")]
    out = github.render(Report(findings=fs))
    assert out == ("::error file=dir/a%2Cb%3Ac.md,line=4,col=2,endLine=4,endColumn=9,"
                   "title=acu-lint demo-cures::100%25 sure%0Asecond line\n")
    info = github.render(Report(findings=[finding("a.md", 1, "demo-todo", "x", "info")]))
    assert info.startswith("::notice ")


def test_summary_markdown_counts_links_and_escapes():
    fs = [finding("articles/a.md", 3, "demo-fixme", "FIXME | left <here>", fix=Fix((Edit(0, 1, ""),))),
          finding("articles/a.md", 9, "demo-fixme", "again"),
          finding("articles/b.md", 1, "demo-cures", "cures", "error")]
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "team/site", "GITHUB_SHA": "abc123"}
    md = github.step_summary(Report(findings=fs, files=["articles/a.md", "articles/b.md", "c.md"]), env)
    assert md.startswith("## acu-lint\n")
    assert "Found **3 problems** (1 error, 2 warnings) in 2 of 3 files checked." in md
    assert "| `demo-fixme` | 2 | 1 |" in md and "| `demo-cures` | 1 | 0 |" in md
    assert "[articles/a.md](https://github.com/team/site/blob/abc123/articles/a.md#L3) | 3 | warning" in md
    assert "FIXME \\| left &lt;here&gt;" in md
    # every table row has the same number of unescaped cell separators
    rows = [line for line in md.splitlines() if line.startswith("| [")]
    assert len(rows) == 3
    assert {len(re.findall(r"(?<!\\)\|", r)) for r in rows} == {6}


def test_summary_without_repository_context_has_no_links():
    md = github.step_summary(Report(findings=[finding("a.md", 1, "demo-fixme", "x")], files=["a.md"]), {})
    assert "| a.md | 1 | warning | `demo-fixme` | x |" in md


def test_summary_is_capped(monkeypatch):
    monkeypatch.setattr(github, "SUMMARY_MAX_ROWS", 5)
    fs = [finding("a.md", n, "demo-fixme", f"m{n}") for n in range(1, 13)]
    md = github.step_summary(Report(findings=fs, files=["a.md"]), {})
    assert len([x for x in md.splitlines() if x.startswith("| a.md")]) == 5
    assert "... and 7 more" in md


def test_cli_appends_summary_when_the_variable_is_set(demo_rules, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\n" + "FIXME.\n\n" * 12 + "It cures.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("## an earlier step\n\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    r = cli("a.md", "--format", "github")
    assert r.exit_code == 1, r
    lines = r.stdout.splitlines()
    assert len(lines) == 13 and all(ANNOTATION.match(x) for x in lines)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## an earlier step\n\n## acu-lint\n")  # appended, not replaced
    assert len([x for x in text.splitlines() if x.startswith("| a.md |")]) == 13

    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    before = summary.read_text(encoding="utf-8")
    assert cli("a.md", "--format", "github").exit_code == 1
    assert summary.read_text(encoding="utf-8") == before


def test_cli_text_format_does_not_write_a_summary(demo_rules, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\nFIXME.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert cli("a.md").exit_code == 1
    assert not summary.exists()


def test_cli_unwritable_summary_is_one_line_and_keeps_the_exit_code(demo_rules, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\nFine.\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no" / "such" / "dir" / "summary.md"))
    r = cli("a.md", "--format", "github")
    assert r.exit_code == 0, r
    assert r.stderr.count("\n") == 1 and "cannot write the step summary" in r.stderr
