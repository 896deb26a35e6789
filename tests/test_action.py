"""The GitHub Action (action.yml): its inputs and steps, and its shell steps run here
against a small git repository with the GITHUB_* files a runner provides.

The runner's `${{ ... }}` expressions in `env:` and `if:` are evaluated by a
small stand-in for the few forms the action uses; `uses:` steps (setup-python,
upload-sarif) are GitHub's and are not run. The install step runs with a fake
`python3` whose venv's pip records what it was asked to install and whose
`acu-lint` is this checkout's.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
BASH = shutil.which("bash")
GIT = shutil.which("git")


def test_inputs_outputs_and_steps():
    inputs = ACTION["inputs"]
    for name in ("paths", "config", "fail-on", "version", "sarif"):
        assert name in inputs and inputs[name]["description"], name
    assert inputs["paths"]["default"] == "." and inputs["fail-on"]["default"] == "warning"
    assert inputs["version"]["default"] == "" and inputs["sarif"]["default"] == "false"
    assert ACTION["runs"]["using"] == "composite"
    steps = ACTION["runs"]["steps"]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert "inputs.sarif == 'true'" in upload["if"] and upload["with"]["sarif_file"]
    for s in steps:
        if "run" in s:
            assert s["shell"] == "bash"
            # inputs reach scripts through env only: no template expansion inside a script
            assert "${{" not in s["run"], s["name"]
            r = subprocess.run([BASH, "-n"], input=s["run"], text=True, capture_output=True)
            assert r.returncode == 0, (s["name"], r.stderr)
    assert set(ACTION["outputs"]) >= {"exit-code", "files", "sarif-file"}


# ---- running the steps --------------------------------------------------------
EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Runner:
    """Runs the action's `run:` steps in order, as a GitHub runner would."""

    def __init__(self, repo: Path, tmp: Path, inputs: dict, github: dict):
        self.repo, self.tmp = repo, tmp
        self.inputs = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
        self.inputs.update(inputs)
        self.github = github
        self.outputs: dict[str, dict[str, str]] = {}
        self.files = {n: tmp / n for n in ("output", "summary", "path", "env")}
        for f in self.files.values():
            f.write_text("", encoding="utf-8")
        (tmp / "runner").mkdir(exist_ok=True)
        self.log: list[tuple[str, int, str]] = []

    def value(self, ref: str) -> str:
        parts = ref.split(".")
        if parts[0] == "inputs":
            return self.inputs.get(parts[1], "")
        if parts[0] == "github":
            v = self.github
            for p in parts[1:]:
                v = v.get(p, {}) if isinstance(v, dict) else {}
            return v if isinstance(v, str) else ""
        if parts[0] == "steps":
            return self.outputs.get(parts[1], {}).get(parts[3], "")
        raise AssertionError(f"unknown expression {ref}")

    def expand(self, text: str) -> str:
        return EXPR.sub(lambda m: self.value(m.group(1)), str(text))

    def condition(self, expr: str | None) -> bool:
        if not expr:
            return True  # success(): no step here fails before the end
        expr = EXPR.sub(lambda m: m.group(1), expr)
        py = re.sub(r"\b(inputs|github|steps)(\.[\w-]+)+", lambda m: repr(self.value(m.group(0))), expr)
        py = py.replace("always()", "True").replace("success()", "True").replace("&&", " and ").replace("||", " or ")
        return bool(eval(py, {"__builtins__": {}}))  # noqa: S307 - the action's own, simple expressions

    def run(self, path_prefix: list[str] | None = None) -> int:
        code = 0
        for step in ACTION["runs"]["steps"]:
            if "run" not in step or not self.condition(step.get("if")):
                continue
            env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_"))}
            extra_path = [p for p in self.files["path"].read_text().splitlines() if p]
            env["PATH"] = os.pathsep.join([*(path_prefix or []), *reversed(extra_path), env["PATH"]])
            env.update(GITHUB_OUTPUT=str(self.files["output"]), GITHUB_STEP_SUMMARY=str(self.files["summary"]),
                       GITHUB_PATH=str(self.files["path"]), GITHUB_ENV=str(self.files["env"]),
                       RUNNER_TEMP=str(self.tmp / "runner"), GITHUB_WORKSPACE=str(self.repo), CI="true",
                       GITHUB_ACTIONS="true")
            env.update({k: self.expand(v) for k, v in (step.get("env") or {}).items()})
            self.files["output"].write_text("", encoding="utf-8")
            r = subprocess.run([BASH, "-e", "-c", step["run"]], cwd=self.repo, env=env, capture_output=True,
                               text=True, timeout=300)
            self.log.append((step["name"], r.returncode, r.stdout + r.stderr))
            outs = dict(line.split("=", 1) for line in self.files["output"].read_text().splitlines() if "=" in line)
            if step.get("id"):
                self.outputs[step["id"]] = outs
            code = r.returncode
            if code != 0:
                break
        return code

    def stdout(self, name: str) -> str:
        return next(out for n, _, out in self.log if n == name)


def fake_python(bin_dir: Path, log: Path) -> None:
    """`python3 -m venv DIR` makes DIR/bin/python (pip records its arguments) and DIR/bin/acu-lint
    (this checkout's acu-lint)."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    py = bin_dir / "python3"
    py.write_text(f"""#!{sys.executable}
import os, sys
assert sys.argv[1:3] == ["-m", "venv"], sys.argv
b = os.path.join(sys.argv[3], "bin")
os.makedirs(b, exist_ok=True)
with open(os.path.join(b, "python"), "w") as fh:
    fh.write("#!/bin/sh\\nprintf '%s\\\\n' \\"$*\\" >> {log}\\n")
with open(os.path.join(b, "acu-lint"), "w") as fh:
    fh.write("#!/bin/sh\\nexec {sys.executable} -m acu_lint \\"$@\\"\\n")
for n in ("python", "acu-lint"):
    os.chmod(os.path.join(b, n), 0o755)
""", encoding="utf-8")
    py.chmod(0o755)


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null"}
    return subprocess.run([GIT, *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout.strip()


BAD = "# Sciatica\n\nAcupuncture cures sciatica for good.\n\nScroll to Top\n"
GOOD = "# Rest\n\nRest may help some people with back pain. This is general information, not medical advice.\n"


@pytest.fixture
def pr_repo(tmp_path):
    """A content repository: main has an old article with problems; the pull request changes
    one article (adding problems), adds a clean one and a script, and leaves the old one alone."""
    repo = tmp_path / "content"
    (repo / "articles").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "articles" / "old.md").write_text(BAD, encoding="utf-8")
    (repo / "articles" / "edited.md").write_text(GOOD, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "pr")
    (repo / "articles" / "edited.md").write_text(GOOD + "\n" + BAD.split("\n\n", 1)[1], encoding="utf-8")
    (repo / "articles" / "new.md").write_text(GOOD, encoding="utf-8")
    (repo / "tool.py").write_text("print('not an article')\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "pr")
    return repo, base


needs_tools = pytest.mark.skipif(BASH is None or GIT is None, reason="needs bash and git")


@needs_tools
def test_pull_request_lints_only_changed_articles(pr_repo, tmp_path):
    repo, base = pr_repo
    calls = tmp_path / "pip-calls"
    fake_python(tmp_path / "fakebin", calls)
    run = Runner(repo, tmp_path, {"paths": "articles", "sarif": "true"},
                 {"action_path": str(ROOT), "action_repository": "acu-lint/acu-lint", "event_name": "pull_request",
                  "event": {"pull_request": {"base": {"sha": base}}}})
    code = run.run([str(tmp_path / "fakebin")])
    names = [n for n, _, _ in run.log]
    assert names == ["Install acu-lint", "Choose the articles", "Lint", "Result"], run.log
    assert code == 1  # findings at or above warning: the job fails
    # installed from the action's own checkout
    assert f"-m pip install --quiet --disable-pip-version-check {ROOT}" in calls.read_text()
    assert run.outputs["articles"]["files"] == "2"  # edited.md and new.md; not old.md, not tool.py
    annotations = [ln for ln in run.stdout("Lint").splitlines() if ln.startswith("::")]
    assert annotations and all("file=articles/edited.md" in a for a in annotations), annotations
    assert any(a.startswith("::error ") and "absolute-claim" in a for a in annotations)
    lines = {int(re.search(r",line=(\d+)", a).group(1)) for a in annotations}
    assert min(lines) >= 4  # the pull request's lines (the file's first three are unchanged)
    summary = run.files["summary"].read_text(encoding="utf-8")
    assert summary.startswith("## acu-lint") and "| `absolute-claim` |" in summary and "old.md" not in summary
    assert run.outputs["lint"]["exit-code"] == "1"
    sarif = json.loads(Path(run.outputs["lint"]["sarif-file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    assert "problems at or above 'warning'" in run.stdout("Result")


@needs_tools
def test_fail_on_error_config_and_nothing_changed(pr_repo, tmp_path):
    repo, base = pr_repo
    fake_python(tmp_path / "fakebin", tmp_path / "pip-calls")
    (repo / "strict.yaml").write_text("ignore: [absolute-claim]\n", encoding="utf-8")
    gh = {"action_path": str(ROOT), "event_name": "pull_request", "event": {"pull_request": {"base": {"sha": base}}}}
    run = Runner(repo, tmp_path, {"paths": "articles", "fail-on": "error", "config": "strict.yaml"}, gh)
    assert run.run([str(tmp_path / "fakebin")]) == 0  # no error left once absolute-claim is ignored
    assert "absolute-claim" not in run.stdout("Lint")
    assert "::warning " in run.stdout("Lint")  # warnings are still annotated
    # a pull request that changes no article: nothing to lint, the job passes, the summary says so
    for f in tmp_path.joinpath("runner").iterdir():
        f.unlink() if f.is_file() else None
    run2 = Runner(repo, tmp_path, {"paths": "docs"}, gh)
    assert run2.run([str(tmp_path / "fakebin")]) == 0
    assert run2.outputs["articles"]["files"] == "0"
    assert [n for n, _, _ in run2.log] == ["Install acu-lint", "Choose the articles", "Result"]
    assert "No changed articles to lint." in run2.files["summary"].read_text(encoding="utf-8")


@needs_tools
def test_push_lints_every_path(pr_repo, tmp_path):
    repo, _ = pr_repo
    fake_python(tmp_path / "fakebin", tmp_path / "pip-calls")
    run = Runner(repo, tmp_path, {"paths": "articles\ntool.py"}, {"action_path": str(ROOT), "event_name": "push"})
    assert run.run([str(tmp_path / "fakebin")]) == 1
    out = run.stdout("Lint")
    assert "file=articles/old.md" in out and "file=articles/edited.md" in out
    assert run.outputs["articles"]["files"] == "2"


@needs_tools
@pytest.mark.parametrize("version,spec", [
    ("0.2.0", "acu-lint==0.2.0"),
    ("1.0.0rc1", "acu-lint==1.0.0rc1"),
    ("v0", "acu-lint @ git+https://github.com/acu-lint/acu-lint@v0"),
    ("0123abc0123abc0123abc0123abc0123abc0123a", "git+https://github.com/acu-lint/acu-lint@0123abc"),
])
def test_version_input(tmp_path, version, spec):
    fake_python(tmp_path / "fakebin", tmp_path / "pip-calls")
    step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "install")
    env = {**os.environ, "PATH": f"{tmp_path / 'fakebin'}{os.pathsep}{os.environ['PATH']}",
           "RUNNER_TEMP": str(tmp_path), "GITHUB_PATH": str(tmp_path / "path"), "INPUT_VERSION": version,
           "ACTION_PATH": str(ROOT), "ACTION_REPOSITORY": ""}
    r = subprocess.run([BASH, "-e", "-c", step["run"]], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert spec in (tmp_path / "pip-calls").read_text()
    assert (tmp_path / "path").read_text().strip() == str(tmp_path / "acu-lint-venv" / "bin")
