"""Options CI scripts rely on: --exit-zero, --quiet, --output-file and
--statistics (count per rule, fixable marked), in every format."""
from __future__ import annotations

import json

import pytest

from ci_support import cli, demo_rules  # noqa: F401

FORMATS = ["text", "json", "github", "sarif", "junit"]


@pytest.fixture
def article(tmp_path, monkeypatch, demo_rules):  # noqa: F811
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\nFIXME one. FIXME two.\n\nIt cures. TODO\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text("# T\n\nFine.\n", encoding="utf-8")
    return tmp_path


def test_all_ci_formats_are_registered(demo_rules):  # noqa: F811
    from acu_lint import reporters

    assert set(FORMATS) <= set(reporters.names())


@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_codes_per_format(article, fmt):
    assert cli("a.md", "--format", fmt).exit_code == 1
    assert cli("clean.md", "--format", fmt).exit_code == 0
    assert cli("a.md", "--format", fmt, "--exit-zero").exit_code == 0
    # errors stay errors with --exit-zero
    assert cli("nope.md", "--format", fmt, "--exit-zero").exit_code == 2
    # --fail-on error: warnings and info do not fail, the error does
    assert cli("a.md", "--format", fmt, "--fail-on", "error").exit_code == 1
    assert cli("a.md", "--format", fmt, "--fail-on", "error", "--ignore", "demo-cures").exit_code == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_gets_exactly_what_stdout_would(article, fmt):
    to_stdout = cli("a.md", "clean.md", "--format", fmt)
    to_file = cli("a.md", "clean.md", "--format", fmt, "--output-file", "report.out")
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert to_file.stdout == ""
    assert (article / "report.out").read_text(encoding="utf-8") == to_stdout.stdout
    if fmt in ("json", "sarif"):
        json.loads(to_stdout.stdout)


def test_output_file_that_cannot_be_written_is_exit_2(article):
    r = cli("a.md", "-o", str(article / "no" / "dir" / "r.txt"))
    assert r.exit_code == 2 and "cannot write report" in r.stderr and r.stderr.count("\n") == 1


def test_quiet_drops_the_summary_only(article):
    full = cli("a.md", "clean.md").stdout.splitlines()
    quiet = cli("a.md", "clean.md", "--quiet").stdout.splitlines()
    assert quiet == full[:-1] and full[-1].startswith("Found 4 problems")
    assert cli("clean.md", "-q").stdout == ""
    # -q changes only text output
    assert cli("a.md", "--format", "json", "-q").stdout == cli("a.md", "--format", "json").stdout


def test_statistics_counts_per_rule_and_marks_fixable(article):
    r = cli("a.md", "clean.md", "--statistics", "--quiet")
    assert r.exit_code == 1
    stats = r.stdout.splitlines()[-4:]
    assert stats == [
        "    2  [*] demo-fixme  warning",
        "    1      demo-cures  error",
        "    1  [+] demo-todo   info",
        "[*] fixable with --fix; [+] fixable with --fix --unsafe-fixes",
    ]


def test_statistics_partly_fixable(tmp_path, monkeypatch, demo_rules):  # noqa: F811
    from acu_lint.model import Finding
    from acu_lint.reporters import Report
    from acu_lint.cli import _statistics
    from acu_lint.model import Fix, Edit

    fs = []
    for fix in (Fix((Edit(0, 1, ""),)), None, None):
        f = Finding(0, 1, "m", fix=fix, severity="warning")
        f.rule = "demo-fixme"
        fs.append(f)
    assert _statistics(Report(findings=fs)).splitlines()[0] == "    3  [*] demo-fixme  warning  (1 fixable)"
    assert _statistics(Report(findings=[])) == ""


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github"])
def test_statistics_go_to_stderr_for_machine_formats(article, fmt):
    r = cli("a.md", "--format", fmt, "--statistics")
    assert "    2  [*] demo-fixme" in r.stderr
    assert "demo-fixme  warning" not in r.stdout
    if fmt in ("json", "sarif"):
        json.loads(r.stdout)
