"""What a newcomer tripped over (issue 17), each through the CLI as a user runs it:
JUnit that agrees with the exit code, HTML leftovers fixed with their element,
the disclaimer indented like its neighbours, --statistics as a table only,
--grammar without LanguageTool not saying "All clear", help that names the
program and every command, unused suppressions, did-you-mean for rule ids,
config precedence and --show-settings. All articles are written for these tests."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import run_cli

KNEE = ("# Acupuncture for Knee Pain\n\n"
        "Acupuncture uses very thin needles placed at chosen points on the body. Some people with "
        "long-term knee pain try it alongside exercise, and a few small trials suggest it may help a little.\n")
LONG_SENTENCES = ("# Knee Pain\n\n"
                  "Osteoarthritis of the knee is a degenerative condition characterised by progressive deterioration "
                  "of articular cartilage, accompanied by inflammation, stiffness and considerable functional "
                  "limitation in everyday activities that patients experience.\n")


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def out(r) -> str:
    return r.stdout.decode("utf-8")


def err(r) -> str:
    return r.stderr.decode("utf-8")


# ---- 2. JUnit agrees with the exit code ----------------------------------------
def test_junit_has_no_failure_when_the_run_exits_0(tmp_path):
    write(tmp_path / "knee.md", LONG_SENTENCES)
    r = run_cli("--select", "readability", "--no-cache", "--format", "junit", "knee.md", cwd=tmp_path)
    root = ET.fromstring(r.stdout)
    infos = [ln for ln in (root.find("testsuite/testcase/system-out").text or "").splitlines()[1:]]
    assert r.returncode == 0, err(r)
    assert root.get("failures") == "0" and not root.findall(".//failure")
    # the info findings are still there for a reader: in the test case's output and counted
    assert infos and all(re.match(r"knee\.md:\d+:\d+: info readability ", ln) for ln in infos), infos
    props = {p.get("name"): p.get("value") for p in root.findall("testsuite/properties/property")}
    assert props == {"acu-lint.fail-on": "warning", "acu-lint.below-fail-on": str(len(infos))}

    # with --fail-on info the same findings fail the run and the report alike
    r = run_cli("--select", "readability", "--no-cache", "--format", "junit", "--fail-on", "info", "knee.md",
                cwd=tmp_path)
    root = ET.fromstring(r.stdout)
    assert r.returncode == 1 and root.get("failures") == str(len(infos))
    assert root.find("testsuite/testcase/system-out") is None


def test_junit_failures_are_the_findings_at_or_above_fail_on(tmp_path):
    write(tmp_path / "a.txt", "Acupuncture for Knee Pain\n\nKnee pain is common in older adults.\n\nScroll to Top\n")
    r = run_cli("--select", "web-boilerplate,readability", "--no-cache", "--format", "junit", "--fail-on", "warning",
                "a.txt", cwd=tmp_path)
    root = ET.fromstring(r.stdout)
    failures = root.findall(".//failure")
    assert r.returncode == 1
    assert [f.get("type") for f in failures] == ["web-boilerplate"] and root.get("failures") == "1"
    r = run_cli("--select", "web-boilerplate", "--no-cache", "--format", "junit", "--fail-on", "error", "a.txt",
                cwd=tmp_path)
    root = ET.fromstring(r.stdout)
    assert r.returncode == 0 and root.get("failures") == "0"
    assert "warning web-boilerplate" in root.find("testsuite/testcase/system-out").text


# ---- 4. HTML leftovers are fixed with their element ----------------------------
PAGE = """<!DOCTYPE html>
<html>
  <body>
    <article>
      <h1>Acupuncture for Knee Pain</h1>
      <p>Acupuncture uses very thin needles placed at chosen points on the body.</p>
      <p>Scroll to Top</p>
      <p>Some people with knee pain try it alongside exercise and physiotherapy.</p>
      <div class="share"><p>Leave a Comment</p></div>
      <p>Read the rest tomorrow. Scroll to Top</p>
    </article>
  </body>
</html>
"""


def test_html_scroll_to_top_is_fixable_and_deleted_with_its_element(tmp_path):
    page = write(tmp_path / "knee.html", PAGE)
    r = run_cli("--select", "web-boilerplate", "--no-cache", "knee.html", cwd=tmp_path)
    lines = out(r).splitlines()
    assert lines[0] == ("knee.html:7:10: warning web-boilerplate Web page furniture copied into the article "
                        "('Scroll to Top'): it is part of the old page, not the article. Delete it. [*]")
    assert lines[1].startswith("knee.html:9:29: warning web-boilerplate ") and lines[1].endswith("[*]")

    r = run_cli("--select", "web-boilerplate", "--no-cache", "--fix", "knee.html", cwd=tmp_path)
    assert r.returncode == 0, out(r) + err(r)
    fixed = page.read_text(encoding="utf-8")
    assert fixed == PAGE.replace("      <p>Scroll to Top</p>\n", "").replace(
        '<div class="share"><p>Leave a Comment</p></div>', '<div class="share"></div>')
    # a second run changes nothing
    assert run_cli("--select", "web-boilerplate", "--no-cache", "--fix", "knee.html", cwd=tmp_path).returncode == 0
    assert page.read_text(encoding="utf-8") == fixed


def test_html_element_over_several_lines_goes_whole(tmp_path):
    text = ("<article>\n  <h1>Knee Pain</h1>\n  <p>Knee pain is common in older adults.</p>\n"
            "  <p>\n    Leave a Comment\n  </p>\n  <p>Rest may help.</p>\n</article>\n")
    page = write(tmp_path / "a.html", text)
    r = run_cli("--select", "web-boilerplate", "--no-cache", "--fix", "a.html", cwd=tmp_path)
    assert r.returncode == 0, out(r) + err(r)
    assert page.read_text(encoding="utf-8") == text.replace("  <p>\n    Leave a Comment\n  </p>\n", "")


@pytest.mark.parametrize("indent,child", [("", ""), ("  ", "    "), ("\t", "\t\t"), ("    ", "        ")])
def test_unsafe_disclaimer_in_html_is_indented_like_its_neighbours(tmp_path, indent, child):
    body = " ".join(["Acupuncture uses very thin needles placed at chosen points on the body."] * 8)
    text = (f"<html>\n<body>\n{indent}<article>\n{child}<h1>Acupuncture for Knee Pain</h1>\n"
            f"{child}<p>{body}</p>\n{indent}</article>\n</body>\n</html>\n")
    page = write(tmp_path / "a.html", text)
    r = run_cli("--select", "missing-disclaimer", "--no-cache", "--fix", "--unsafe-fixes", "a.html", cwd=tmp_path)
    assert r.returncode == 0, out(r) + err(r)
    lines = page.read_text(encoding="utf-8").splitlines()
    k = next(i for i, ln in enumerate(lines) if 'class="disclaimer"' in ln)
    assert lines[k].startswith(f'{child}<p class="disclaimer">') and lines[k + 1] == f"{indent}</article>"
    assert lines[k - 1].startswith(f"{child}<p>")


# ---- 5. --statistics is the table -----------------------------------------------
def test_statistics_prints_the_table_not_every_finding(tmp_path):
    write(tmp_path / "a.txt", "Acupuncture for Knee Pain\n\nKnee pain is common in older adults.\n\nScroll to Top\n\n"
          "Leave a Comment\n")
    r = run_cli("--select", "web-boilerplate", "--no-cache", "--statistics", "a.txt", cwd=tmp_path)
    assert r.returncode == 1
    assert out(r).splitlines() == [
        "    2  [*] web-boilerplate  warning",
        "[*] fixable with --fix",
        "Found 2 problems (2 warnings) in 1 file of 1 file checked. 2 fixable with --fix.",
    ]
    r = run_cli("--select", "web-boilerplate", "--no-cache", "--statistics", "-q", "a.txt", cwd=tmp_path)
    assert out(r).splitlines() == ["    2  [*] web-boilerplate  warning", "[*] fixable with --fix"]


# ---- 6. --grammar without LanguageTool ----------------------------------------
def test_grammar_without_languagetool_does_not_say_all_clear(tmp_path):
    write(tmp_path / "a.md", KNEE)
    env = {"ACU_LINT_LANGUAGETOOL_URL": "", "LTP_PATH": str(tmp_path / "none"), "LTP_JAR_DIR_PATH": ""}
    r = run_cli("--grammar", "--select", "web-boilerplate", "--no-cache", "a.md", cwd=tmp_path, env=env)
    assert r.returncode == 3, err(r)
    assert "All clear" not in out(r)
    assert out(r) == ("No problems found in 1 file checked. A requested check did not run (grammar): "
                      "see stderr.\n")
    assert "acu-lint: grammar:" in err(r)
    r = run_cli("--grammar", "--select", "web-boilerplate", "--no-cache", "--format", "junit", "a.md", cwd=tmp_path,
                env=env)
    root = ET.fromstring(r.stdout)
    assert r.returncode == 3 and root.get("errors") == "1"
    assert root.find(".//error").get("type") == "unavailable"


# ---- 7. help names the program and every command --------------------------------
def test_help_shows_acu_lint_not_check_and_lists_every_command():
    from acu_lint.cli import main

    exe = str(Path(sys.executable).parent / "acu-lint")  # the installed script, as a user runs it
    env = {**os.environ, "NO_COLOR": "1"}
    r = subprocess.run([exe, "--help"], capture_output=True, env=env, timeout=120)
    text = out(r)
    assert text.startswith("Usage: acu-lint [OPTIONS] [PATHS]...\n")
    for name in main.commands:
        if name != "check":
            assert f"acu-lint {name}" in text, name
    assert "clean" in main.commands and "grammar-setup" in main.commands
    r = subprocess.run([exe, "--no-such-flag"], capture_output=True, env=env, timeout=120)
    assert r.returncode == 2
    assert err(r).startswith("Usage: acu-lint [OPTIONS] [PATHS]...\nTry 'acu-lint --help' for help.")
    assert "acu-lint check" not in err(r)
    # the explicit form works the same
    r = subprocess.run([exe, "check", "--help"], capture_output=True, env=env, timeout=120)
    assert out(r).startswith("Usage: acu-lint [OPTIONS] [PATHS]...")


# ---- 8. suppression hygiene -------------------------------------------------------
def test_unknown_rule_id_suggests_the_closest(tmp_path):
    write(tmp_path / "a.md", KNEE)
    r = run_cli("--select", "absolute-claims", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and out(r) == ""
    assert err(r) == ("acu-lint: unknown rule 'absolute-claims': did you mean 'absolute-claim'? "
                      "(see `acu-lint rules`)\n")
    r = run_cli("explain", "web-boilerplat")
    assert r.returncode == 2 and "did you mean 'web-boilerplate'?" in err(r)
    write(tmp_path / ".acu-lint.yaml", "ignore: [image-prompts]\n")
    r = run_cli("a.md", cwd=tmp_path)
    assert r.returncode == 2 and "names unknown rule 'image-prompts': did you mean 'image-prompt'?" in err(r)


STALE = ("# Acupuncture for Knee Pain\n\n"
         "<!-- acu-lint-disable-next-line web-boilerplate -->\n"
         "Knee pain is common in older adults.\n\n"
         "<!-- acu-lint-disable-next-line web-boilerplate, image-prompt -->\n"
         "Scroll to Top\n\n"
         "<!-- acu-lint-disable image-prompt -->\n"
         "Rest may help.\n"
         "<!-- acu-lint-enable image-prompt -->\n\n"
         "<!-- acu-lint-disable-next-line grammar -->\n"
         "Ice may help too.\n")


def test_unused_suppressions_are_reported_and_fixed(tmp_path):
    f = write(tmp_path / "a.md", STALE)
    r = run_cli("--select", "web-boilerplate,image-prompt,unused-suppression", "--no-cache", "a.md", cwd=tmp_path)
    lines = out(r).splitlines()
    assert r.returncode == 1
    found = [(ln.split(":")[1], ln.split(" ")[2]) for ln in lines[:-1]]
    # line 3: nothing to suppress; line 6: image-prompt unused (web-boilerplate is used);
    # line 9: a range of image-prompt with nothing in it; grammar did not run: not judged
    assert found == [("3", "unused-suppression"), ("6", "unused-suppression"), ("9", "unused-suppression")]
    assert "names 'image-prompt', which found nothing to suppress here" in lines[1] and lines[1].endswith("[*]")

    r = run_cli("--select", "web-boilerplate,image-prompt,unused-suppression", "--no-cache", "--fix", "a.md",
                cwd=tmp_path)
    assert r.returncode == 0, out(r) + err(r)
    assert f.read_text(encoding="utf-8") == (
        "# Acupuncture for Knee Pain\n\n"
        "Knee pain is common in older adults.\n\n"
        "<!-- acu-lint-disable-next-line web-boilerplate -->\n"
        "Scroll to Top\n\n"
        "Rest may help.\n\n"
        "<!-- acu-lint-disable-next-line grammar -->\n"
        "Ice may help too.\n")


def test_unused_suppression_only_judges_rules_that_ran(tmp_path):
    write(tmp_path / "a.md", STALE)
    # image-prompt is not selected: its comments are not judged
    r = run_cli("--select", "web-boilerplate,unused-suppression", "--no-cache", "a.md", cwd=tmp_path)
    assert [ln.split(":")[1] for ln in out(r).splitlines()[:-1]] == ["3"]
    # and it can be ignored like any rule
    r = run_cli("--select", "web-boilerplate,image-prompt", "--no-cache", "a.md", cwd=tmp_path)
    assert r.returncode == 0 and "unused-suppression" not in out(r)


def test_unused_suppression_is_on_by_default_and_documented():
    r = run_cli("rules")
    assert re.search(r"^unused-suppression\s+warning\s+fix\s", out(r), re.M)
    r = run_cli("explain", "unused-suppression")
    assert r.returncode == 0 and "## Why it matters" in out(r)


# ---- 9. config precedence ----------------------------------------------------------
def test_notice_when_yaml_config_shadows_pyproject(tmp_path):
    write(tmp_path / ".acu-lint.yaml", "select: [web-boilerplate]\n")
    write(tmp_path / "pyproject.toml", '[tool.acu-lint]\nselect = ["readability"]\n')
    write(tmp_path / "a.md", KNEE)
    r = run_cli("--no-cache", "a.md", cwd=tmp_path)
    assert r.returncode == 0
    notes = [ln for ln in err(r).splitlines() if "note:" in ln]
    assert notes == ["acu-lint: note: .acu-lint.yaml applies; pyproject.toml [tool.acu-lint] beside it is ignored "
                     "(one config file applies per folder, in the order .acu-lint.yaml, .acu-lint.yml, "
                     "acu-lint.yaml, pyproject.toml; settings are not merged)"]
    assert run_cli("--no-cache", "-q", "a.md", cwd=tmp_path).stderr == b""
    # one config file alone, or --config: nothing to point out
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert "note:" not in err(run_cli("--no-cache", "a.md", cwd=tmp_path))


def test_show_settings_prints_the_resolved_config_for_a_path(tmp_path):
    write(tmp_path / ".acu-lint.yaml", "ignore: [readability]\nseverity:\n  vague-citation: error\n"
          "per-file-ignores:\n  'drafts/*': [web-boilerplate]\nrules:\n  duplicate-line:\n    min_words: 12\n")
    write(tmp_path / "pyproject.toml", '[tool.acu-lint]\nselect = ["readability"]\n')
    write(tmp_path / "drafts" / "a.md", KNEE)
    r = run_cli("--show-settings", "drafts/a.md", cwd=tmp_path)
    assert r.returncode == 0, err(r)
    settings = yaml.safe_load(out(r))
    assert settings["path"] == "drafts/a.md"
    assert settings["config"] == ".acu-lint.yaml"
    assert settings["ignored-config"] == ["pyproject.toml [tool.acu-lint]"]
    assert settings["excluded"] is False and settings["fail-on"] == "warning"
    rules = settings["rules"]
    assert "readability" not in rules and "web-boilerplate" not in rules and "grammar" not in rules
    assert rules["vague-citation"]["severity"] == "error"
    assert rules["duplicate-line"]["options"]["min_words"] == 12
    # the CLI's selection counts too, and a bad config is the usual one-line error
    settings = yaml.safe_load(out(run_cli("--show-settings", "--select", "grammar", "drafts/a.md", cwd=tmp_path)))
    assert list(settings["rules"]) == ["grammar"]
    write(tmp_path / ".acu-lint.yaml", "ignore: [nope]\n")
    r = run_cli("--show-settings", "drafts/a.md", cwd=tmp_path)
    assert r.returncode == 2 and "names unknown rule 'nope'" in err(r) and "Traceback" not in err(r)
