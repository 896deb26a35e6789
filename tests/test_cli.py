"""The command line through a real subprocess: exit codes, stderr, formats, config."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

DEFECTIVE = "Acupuncture for Knee Pain\n\nAcupuncture for Knee Pain\n\nKnee pain is common in older adults.\n\nLeave a Comment\n"


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_help_documents_exit_codes():
    r = run_cli("--help")
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "Exit codes" in out and "2  usage, config or input error" in out


def test_version():
    r = run_cli("--version")
    assert r.returncode == 0 and b"acu-lint" in r.stdout


def test_findings_exit_1_and_text_format(tmp_path):
    f = write(tmp_path / "knee.txt", DEFECTIVE)
    r = run_cli("--select", "duplicate-line,web-boilerplate", str(f))
    assert r.returncode == 1
    lines = r.stdout.decode().splitlines()
    assert lines[0] == (f"{f}:3:1: warning duplicate-line The title is repeated here (first on line 1): "
                        "duplicated text left from copying. Delete the second copy. [*]")
    assert lines[1].startswith(f"{f}:7:1: warning web-boilerplate ")
    assert lines[-1].startswith("Found 2 problems (2 warnings) in 1 file of 1 file checked.")
    assert r.stderr == b""


def test_clean_exit_0(tmp_path):
    f = write(tmp_path / "ok.txt", "Acupuncture for Knee Pain\n\nKnee pain is common in older adults.\n")
    r = run_cli("--select", "duplicate-line,web-boilerplate", str(f))
    assert r.returncode == 0, r.stdout
    assert b"All clear" in r.stdout


def test_fail_on_and_exit_zero(tmp_path):
    f = write(tmp_path / "knee.txt", DEFECTIVE)
    assert run_cli("--select", "duplicate-line", "--fail-on", "error", str(f)).returncode == 0
    assert run_cli("--select", "duplicate-line", "--exit-zero", str(f)).returncode == 0
    assert run_cli("--select", "duplicate-line", "--fail-on", "warning", str(f)).returncode == 1


def test_json_contract(tmp_path):
    f = write(tmp_path / "knee.txt", DEFECTIVE)
    r = run_cli("--select", "duplicate-line", "--format", "json", str(f))
    data = json.loads(r.stdout)
    assert len(data) == 1
    item = data[0]
    for key in ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "fix"):
        assert key in item
    assert (item["line"], item["column"], item["end_line"], item["end_column"]) == (3, 1, 3, 26)
    assert item["fix"]["safe"] is True and item["fix"]["edits"][0]["content"] == ""


def test_github_format_escapes(tmp_path):
    f = write(tmp_path / "a,b.txt", DEFECTIVE)
    r = run_cli("--select", "duplicate-line", "--format", "github", str(f))
    line = r.stdout.decode().strip()
    assert line.startswith("::warning file=")
    assert "a%2Cb.txt" in line and ",line=3,col=1," in line


def test_missing_path_exit_2_others_still_linted(tmp_path):
    f = write(tmp_path / "knee.txt", DEFECTIVE)
    r = run_cli("--select", "duplicate-line", str(tmp_path / "nope.md"), str(f))
    assert r.returncode == 2
    err = r.stderr.decode().strip().splitlines()
    assert err == [f"acu-lint: {tmp_path / 'nope.md'}: no such file or directory"]
    assert b"duplicate-line" in r.stdout


def test_undecodable_file_one_line_and_others_linted(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# Title\n\nsome \xff\xfe text\n")
    f = write(tmp_path / "knee.txt", DEFECTIVE)
    r = run_cli("--select", "duplicate-line", str(tmp_path))
    assert r.returncode == 2
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "bad.md" in err[0] and "not valid UTF-8" in err[0]
    assert b"Traceback" not in r.stderr
    assert b"knee.txt:3:1" in r.stdout
    # the summary counts only the file that was checked
    assert b"in 1 file of 1 file checked." in r.stdout and r.stdout.endswith(b" 1 error reported on stderr.\n")


def test_unknown_rule_and_format_are_usage_errors(tmp_path):
    f = write(tmp_path / "knee.txt", DEFECTIVE)
    r = run_cli("--select", "no-such-rule", str(f))
    assert r.returncode == 2 and b"unknown rule 'no-such-rule'" in r.stderr
    r = run_cli("--format", "xml", str(f))
    assert r.returncode == 2 and b"unknown format" in r.stderr


def test_stdin_with_filename(tmp_path):
    r = run_cli("--select", "duplicate-line", "--stdin-filename", "draft.md", "-",
                input=b"# Sleep Well\n\nSleep Well\n\nText.\n")
    assert r.returncode == 1
    assert r.stdout.decode().startswith("draft.md:3:1: warning duplicate-line")


def test_folder_walk_skips_hidden_and_other_extensions(tmp_path):
    write(tmp_path / "a.md", "# Sleep\n\nLeave a Comment\n")
    write(tmp_path / ".hidden" / "b.md", "# Sleep\n\nLeave a Comment\n")
    write(tmp_path / ".git" / "c.md", "# Sleep\n\nLeave a Comment\n")
    write(tmp_path / "notes.rst", "Leave a Comment\n")
    write(tmp_path / "sub" / "d.html", "<h1>Sleep</h1><p>Leave a Comment</p>")
    r = run_cli("--select", "web-boilerplate", "--format", "json", str(tmp_path))
    paths = sorted(os.path.relpath(x["path"], tmp_path) for x in json.loads(r.stdout))
    assert paths == ["a.md", os.path.join("sub", "d.html")]


def test_config_file_walk_up_select_and_options(tmp_path):
    write(tmp_path / ".acu-lint.yaml", "select: [duplicate-line]\nrules:\n  duplicate-line:\n    min_words: 3\n")
    f = write(tmp_path / "deep" / "er" / "a.txt", "Title One\n\nThree words here.\n\nThree words here.\n\nLeave a Comment\n")
    r = run_cli("--format", "json", str(f))
    data = json.loads(r.stdout)
    assert [(d["rule"], d["line"]) for d in data] == [("duplicate-line", 5)]


def test_pyproject_config_and_per_file_ignores(tmp_path):
    write(tmp_path / "pyproject.toml", textwrap.dedent("""
        [tool.acu-lint]
        select = ["web-boilerplate", "duplicate-line"]
        per-file-ignores = { "legacy/*" = ["web-boilerplate"] }
        severity = { web-boilerplate = "error" }
    """))
    write(tmp_path / "legacy" / "old.txt", "Old Page\n\nLeave a Comment\n")
    write(tmp_path / "new.txt", "New Page\n\nLeave a Comment\n")
    r = run_cli("--format", "json", str(tmp_path))
    data = json.loads(r.stdout)
    assert [(os.path.basename(d["path"]), d["rule"], d["severity"]) for d in data] == [
        ("new.txt", "web-boilerplate", "error")]


@pytest.mark.parametrize("content,needle", [
    ("selct: [duplicate-line]\n", "unknown key 'selct'"),
    ("select: [not-a-rule]\n", "unknown rule 'not-a-rule'"),
    ("rules:\n  duplicate-line:\n    min_words: many\n", "'rules.duplicate-line.min_words' must be a number"),
    ("rules:\n  duplicate-line:\n    colour: red\n", "unknown option 'rules.duplicate-line.colour'"),
    ("severity:\n  duplicate-line: fatal\n", "'severity.duplicate-line' must be error, warning or info"),
    ("select: [duplicate-line\nignore: x\n", "YAML syntax error"),
    ("- just\n- a list\n", "must be a mapping"),
])
def test_config_errors_name_file_and_key(tmp_path, content, needle):
    cfg = write(tmp_path / ".acu-lint.yaml", content)
    f = write(tmp_path / "a.txt", DEFECTIVE)
    r = run_cli(str(f))
    assert r.returncode == 2
    err = r.stderr.decode().strip()
    assert len(err.splitlines()) == 1, err
    assert str(cfg) in err and needle in err
    assert "Traceback" not in err


def test_inline_suppressions(tmp_path):
    text = ("# Sleep Well\n\n<!-- acu-lint-disable-next-line web-boilerplate -->\nLeave a Comment\n\n"
            "<!-- acu-lint-disable web-boilerplate -->\n\nScroll to Top\n\n<!-- acu-lint-enable web-boilerplate -->\n\n"
            "Back to Top\n")
    f = write(tmp_path / "a.md", text)
    r = run_cli("--select", "web-boilerplate", "--format", "json", str(f))
    assert [d["line"] for d in json.loads(r.stdout)] == [12]


def test_inline_suppression_in_txt_on_own_line(tmp_path):
    f = write(tmp_path / "a.txt", "Sleep Well\n\n<!-- acu-lint-disable-next-line -->\nLeave a Comment\n\nScroll to Top\n")
    r = run_cli("--select", "web-boilerplate", "--format", "json", str(f))
    assert [d["line"] for d in json.loads(r.stdout)] == [6]


def test_fix_writes_and_second_run_is_clean(tmp_path):
    f = tmp_path / "knee.txt"
    f.write_bytes(DEFECTIVE.replace("\n", "\r\n").encode())
    os.chmod(f, 0o640)
    r = run_cli("--select", "duplicate-line,web-boilerplate", "--fix", str(f))
    assert r.returncode == 0, r.stdout + r.stderr
    data = f.read_bytes()
    assert data == b"Acupuncture for Knee Pain\r\n\r\nKnee pain is common in older adults.\r\n"
    assert os.stat(f).st_mode & 0o777 == 0o640
    again = run_cli("--select", "duplicate-line,web-boilerplate", "--fix", str(f))
    assert again.returncode == 0 and f.read_bytes() == data
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".acu-lint-")]


def test_diff_writes_nothing(tmp_path):
    f = write(tmp_path / "knee.txt", DEFECTIVE)
    r = run_cli("--select", "duplicate-line", "--diff", str(f))
    assert r.returncode == 1
    out = r.stdout.decode()
    assert "-Acupuncture for Knee Pain" in out and out.startswith("--- a/")
    assert f.read_text() == DEFECTIVE


@pytest.mark.parametrize("ending", ["", "\n", "\n\x0c"])
def test_diff_applies_with_git_apply_also_without_final_newline(tmp_path, ending):
    """--diff output is a valid patch: the result of applying it is what --fix writes
    (also with a form feed, a line break for str.splitlines but not for patch)."""
    text = "Knee Pain\n\nKnee pain\x0cis common after a fall.\n\nLeave a Comment\n\nScroll to Top" + ending
    f = write(tmp_path / "knee.txt", text)
    d = run_cli("--select", "web-boilerplate", "--diff", "knee.txt", cwd=tmp_path)
    assert d.returncode == 1
    patch = d.stdout.decode()
    assert patch.endswith("\\ No newline at end of file\n") == (not ending.endswith("\n"))
    (tmp_path / "p.diff").write_text(patch)
    applied = subprocess.run(["git", "apply", "p.diff"], cwd=tmp_path, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    patched = f.read_text()
    f.write_text(text)
    run_cli("--select", "web-boilerplate", "--fix", str(f))
    assert patched == f.read_text() and patched.startswith("Knee Pain\n\nKnee pain\x0cis common after a fall.\n")
    assert "Leave a Comment" not in patched and "Scroll to Top" not in patched


def test_bom_is_kept_by_fix(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbf" + DEFECTIVE.encode())
    r = run_cli("--select", "duplicate-line", "--fix", str(f))
    assert r.returncode == 0
    assert f.read_bytes().startswith(b"\xef\xbb\xbfAcupuncture for Knee Pain\n\nKnee pain")


def test_rules_and_explain():
    r = run_cli("rules")
    assert r.returncode == 0
    out = r.stdout.decode()
    for rid in ("image-prompt", "duplicate-line", "web-boilerplate"):
        assert rid in out
    e = run_cli("explain", "web-boilerplate")
    assert e.returncode == 0 and b"## Why it matters" in e.stdout
    assert run_cli("explain", "nope").returncode == 2


def test_python_dash_m_and_console_script_agree(tmp_path):
    exe = Path(sys.executable).parent / "acu-lint"
    if not exe.exists():
        pytest.skip("console script not installed next to this interpreter")
    f = write(tmp_path / "knee.txt", DEFECTIVE)
    a = subprocess.run([str(exe), "--select", "duplicate-line", str(f)], capture_output=True)
    b = run_cli("--select", "duplicate-line", str(f))
    assert a.returncode == b.returncode == 1 and a.stdout == b.stdout


PLUGIN_PYPROJECT = """
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "acu-lint-plugin-demo"
version = "0.0.1"

[project.entry-points."acu_lint.rules"]
clinic-phone = "acu_lint_plugin_demo"
"""

PLUGIN_MODULE = '''
"""Phone numbers written without a country code.

## What it finds
A demo rule.
## Why it matters
Demo.
## Examples
- flagged: `Call 555-0100 today.`
- not flagged: `Call +1 555-0100 today.`
## Fix
None.
## Options
None.
"""
import re
from acu_lint.model import Finding

ID = "clinic-phone"
SEVERITY = "info"

def check(doc, options):
    for m in re.finditer(r"(?<![+\\d])\\b\\d{3}-\\d{4}\\b", doc.text):
        yield Finding(m.start(), m.end(), "phone number without country code")
'''


def test_third_party_plugin_package_is_discovered(tmp_path):
    src = tmp_path / "plugin"
    write(src / "pyproject.toml", PLUGIN_PYPROJECT)
    write(src / "acu_lint_plugin_demo.py", PLUGIN_MODULE)
    target = tmp_path / "site"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                          "--target", str(target), str(src)], capture_output=True, timeout=300)
    assert pip.returncode == 0, pip.stderr.decode()[-2000:]
    article = write(tmp_path / "a.txt", "Knee Pain\n\nCall 555-0100 today.\n")
    env = {"PYTHONPATH": str(target)}
    r = run_cli("rules", env=env)
    assert b"clinic-phone" in r.stdout
    r = run_cli("--select", "clinic-phone", "--format", "json", str(article), env=env)
    assert r.returncode == 0  # info is below the default fail-on (warning)
    data = json.loads(r.stdout)
    assert [(d["rule"], d["line"], d["column"], d["severity"]) for d in data] == [("clinic-phone", 3, 6, "info")]


def test_suppression_comment_with_unknown_rule_id_warns_on_stderr(tmp_path):
    f = write(tmp_path / "a.md", "# T\n\n<!-- acu-lint-disable-next-line absolute-claims -->\nAcupuncture cures pain.\n")
    r = run_cli("--select", "absolute-claim", str(f))
    assert r.returncode == 1  # the warning does not change the exit code; the claim is still found
    assert b"a.md:4:13: error absolute-claim" in r.stdout
    err = r.stderr.decode().strip().splitlines()
    assert err == [f"acu-lint: {f}:3: warning: a suppression comment names 'absolute-claims', which is no rule "
                   "(see `acu-lint rules`); it suppresses nothing"]
    ok = write(tmp_path / "b.md", "# T\n\n<!-- acu-lint-disable-next-line absolute-claim -->\nAcupuncture cures pain.\n")
    r2 = run_cli("--select", "absolute-claim", str(ok))
    assert r2.returncode == 0 and r2.stderr == b""
