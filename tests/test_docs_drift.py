"""The copyable config in "Use in pre-commit" and "Use in CI" must keep working.

The sections live in docs/pre-commit.md and docs/ci.md and, when the README
has sections of those names, in README.md too: every one found is checked.
Each YAML snippet must parse; a pre-commit config must validate with
pre-commit and name only hook ids that .pre-commit-hooks.yaml defines; every
flag given to acu-lint (in shell lines, workflow `run:` steps, GitLab
`script:`, hook `args:`/`entry:`) must appear in `acu-lint --help`, and every
`--format` value must be a format acu-lint has. The example workflow's shell
steps are also run against a small git repository.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = {"Use in pre-commit": ROOT / "docs" / "pre-commit.md", "Use in CI": ROOT / "docs" / "ci.md"}
SHELL_LANGS = {"sh", "bash", "shell", "console", "shell-session"}
YAML_LANGS = {"yaml", "yml"}
FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")


# ---- reading Markdown --------------------------------------------------------
@dataclass
class Block:
    lang: str
    code: str
    where: str


def markdown_blocks(text: str, where: str) -> list[tuple[list[str], Block | str]]:
    """Yield (heading path, item) for each line outside fences and each fenced block."""
    out = []
    lines = text.splitlines()
    i = 0
    headings: list[tuple[int, str]] = []
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m:
            fence = m.group("fence")
            lang = (m.group("info").strip().split() or [""])[0].lower()
            start = i + 1
            j = start
            while j < len(lines) and not lines[j].strip().startswith(fence):
                j += 1
            out.append(([t for _, t in headings], Block(lang, "\n".join(lines[start:j]) + "\n",
                                                        f"{where}:{start}")))
            i = j + 1
            continue
        h = HEADING.match(lines[i])
        if h:
            level = len(h.group("hashes"))
            headings = [x for x in headings if x[0] < level] + [(level, h.group("title"))]
        out.append(([t for _, t in headings], lines[i]))
        i += 1
    return out


def section_blocks(path: Path, title: str | None) -> list[Block]:
    """Fenced blocks of the file, or of the section named ``title`` (any level)."""
    items = markdown_blocks(path.read_text(encoding="utf-8"), path.name)
    return [b for heads, b in items if isinstance(b, Block) and (title is None or title in heads)]


def readme_has(title: str) -> bool:
    readme = ROOT / "README.md"
    if not readme.is_file():
        return False
    return any(title in heads for heads, _ in markdown_blocks(readme.read_text(encoding="utf-8"), "README.md"))


def snippet_sources() -> list[tuple[str, list[Block]]]:
    sources = []
    for title, path in DOCS.items():
        assert path.is_file(), f"{path.relative_to(ROOT)} is missing"
        sources.append((f"{path.relative_to(ROOT)}", section_blocks(path, None)))
        if readme_has(title):
            sources.append((f"README.md / {title}", section_blocks(ROOT / "README.md", title)))
    return sources


# ---- what acu-lint accepts ---------------------------------------------------
def help_text(*args: str) -> str:
    r = subprocess.run([sys.executable, "-m", "acu_lint", *args, "--help"], capture_output=True, text=True,
                       timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert r.returncode == 0, r.stderr
    return r.stdout


def options_in_help(text: str) -> set[str]:
    opts = set()
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("-"):
            # "-o, --output-file FILE", "--color / --no-color"
            for m in re.finditer(r"(?:^|[\s,/])(--?[A-Za-z][\w-]*)", stripped.split("  ")[0]):
                opts.add(m.group(1))
    return opts


@dataclass
class CLI:
    check_options: set[str]
    subcommands: dict[str, set[str]]
    formats: set[str]
    hook_ids: set[str]


@pytest.fixture(scope="module")
def cli_spec() -> CLI:
    from acu_lint import reporters
    from acu_lint.cli import SUBCOMMANDS

    main_help = help_text()
    check_opts = options_in_help(main_help)
    assert {"--format", "--fix", "--baseline", "--write-baseline", "--statistics"} <= check_opts, check_opts
    subs = {}
    for name in SUBCOMMANDS:
        if name == "check":
            continue
        r = subprocess.run([sys.executable, "-m", "acu_lint", name, "--help"], capture_output=True, text=True,
                           timeout=120)
        if r.returncode == 0:
            subs[name] = options_in_help(r.stdout)
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return CLI(check_opts, subs, set(reporters.names()), {h["id"] for h in manifest})


# ---- finding acu-lint invocations --------------------------------------------
OPERATORS = {"|", "||", "&&", ";", "&", "(", ")", "<", ">", ">>", "2>", "|&", ";;"}


WRAPPERS = {"xargs", "env", "sudo", "time", "exec", "nice", "command"}
WRAPPER_ARG_OPTIONS = {"-n", "-L", "-P", "-I", "-s", "-d", "-E", "-a", "-u"}


def shell_commands(script: str) -> list[list[str]]:
    """The acu-lint invocations in a shell script: for each command that runs
    ``acu-lint`` (or ``python -m acu_lint``), directly or through xargs/env,
    the words after it up to the end of that command. ``acu-lint`` as an
    argument of another program (``pre-commit run acu-lint``) is not one."""
    script = script.replace("\\\n", " ")
    found = []
    for raw in script.splitlines():
        line = raw.strip()
        if line.startswith("$ "):  # console prompt
            line = line[2:]
        if not line or line.startswith("#"):
            continue
        line = re.sub(r"\$\{\{[^}]*\}\}", "EXPR", line)  # GitHub expressions are not shell
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        try:
            tokens = list(lexer)
        except ValueError as exc:
            raise AssertionError(f"cannot split shell line {raw!r}: {exc}") from None
        commands, current = [], []
        for t in tokens:
            if t in OPERATORS:
                commands.append(current)
                current = []
            else:
                current.append(t)
        commands.append(current)
        for cmd in commands:
            while cmd and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", cmd[0]):  # VAR=value
                cmd = cmd[1:]
            while cmd and cmd[0] in WRAPPERS:
                cmd = cmd[1:]
                while cmd and (cmd[0].startswith("-") or re.match(r"^[A-Za-z_]\w*=", cmd[0])):
                    cmd = cmd[2:] if cmd[0] in WRAPPER_ARG_OPTIONS else cmd[1:]
            if not cmd:
                continue
            if cmd[0] == "acu-lint" or cmd[0].endswith("/acu-lint"):
                found.append(cmd[1:])
            elif re.match(r"^(.*/)?python[\d.]*$", cmd[0]) and cmd[1:3] == ["-m", "acu_lint"]:
                found.append(cmd[3:])
    return found


def problems_in_invocation(words: list[str], spec: CLI) -> list[str]:
    problems = []
    allowed = spec.check_options
    cmd = "acu-lint"
    if words and not words[0].startswith("-") and words[0] in spec.subcommands:
        cmd = f"acu-lint {words[0]}"
        allowed = spec.subcommands[words[0]]
        words = words[1:]
    for k, w in enumerate(words):
        if not w.startswith("-") or w == "-":
            continue
        flag = w.split("=", 1)[0]
        if flag not in allowed:
            problems.append(f"{cmd}: unknown option {flag}")
        if flag == "--format":
            value = w.split("=", 1)[1] if "=" in w else (words[k + 1] if k + 1 < len(words) else "")
            if value not in spec.formats:
                problems.append(f"{cmd}: unknown format {value!r}")
    return problems


def walk_yaml(node, spec: CLI, where: str, problems: list[str]) -> int:
    """Check hooks, `run:` and `script:` in a YAML tree; returns how many
    acu-lint invocations it found."""
    calls = 0
    if isinstance(node, dict):
        if "id" in node and isinstance(node["id"], str) and "entry" not in node:
            # a hook taken from a hook repository: it must be one we publish
            if node["id"].startswith("acu-lint") and node["id"] not in spec.hook_ids:
                problems.append(f"{where}: hook id {node['id']!r} is not in .pre-commit-hooks.yaml")
        is_acu_hook = node.get("id") in spec.hook_ids or str(node.get("entry", "")).startswith("acu-lint")
        if is_acu_hook:
            calls += 1
            entry = shlex.split(str(node.get("entry", "acu-lint")))
            args = [str(a) for a in node.get("args", [])]
            for p in problems_in_invocation(entry[1:] + args, spec):
                problems.append(f"{where}: hook {node.get('id')}: {p}")
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                calls += check_shell(value, spec, where, problems)
            elif key == "script" and isinstance(value, list):
                calls += check_shell("\n".join(str(v) for v in value), spec, where, problems)
            else:
                calls += walk_yaml(value, spec, where, problems)
    elif isinstance(node, list):
        for item in node:
            calls += walk_yaml(item, spec, where, problems)
    return calls


def check_shell(script: str, spec: CLI, where: str, problems: list[str]) -> int:
    calls = shell_commands(script)
    for words in calls:
        problems.extend(f"{where}: {p}" for p in problems_in_invocation(words, spec))
    return len(calls)


def check_blocks(blocks: list[Block], spec: CLI, tmp: Path) -> tuple[list[str], dict[str, int]]:
    problems: list[str] = []
    seen = {"yaml": 0, "precommit": 0, "hook_ids": 0, "invocations": 0}
    for b in blocks:
        if b.lang in YAML_LANGS:
            try:
                data = yaml.safe_load(b.code)
            except yaml.YAMLError as exc:
                problems.append(f"{b.where}: YAML does not parse: {exc}")
                continue
            seen["yaml"] += 1
            if isinstance(data, dict) and "repos" in data:
                seen["precommit"] += 1
                cfg = tmp / f"config-{seen['precommit']}.yaml"
                cfg.write_text(b.code, encoding="utf-8")
                r = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(cfg)],
                                   capture_output=True, text=True, timeout=120)
                if r.returncode != 0:
                    problems.append(f"{b.where}: pre-commit rejects the config: {r.stdout}{r.stderr}")
            seen["hook_ids"] += len(re.findall(r"\bid:\s*acu-lint\b", b.code))
            seen["invocations"] += walk_yaml(data, spec, b.where, problems)
        elif b.lang in SHELL_LANGS:
            seen["invocations"] += check_shell(b.code, spec, b.where, problems)
    return problems, seen


# ---- the tests ---------------------------------------------------------------
@pytest.mark.parametrize("source", [s for s, _ in snippet_sources()])
def test_snippets_use_real_hook_ids_and_flags(source, cli_spec, tmp_path):
    blocks = dict(snippet_sources())[source]
    problems, seen = check_blocks(blocks, cli_spec, tmp_path)
    assert not problems, "\n".join(problems)
    assert seen["invocations"] > 0, f"{source}: no acu-lint command found: has the section moved?"
    if "pre-commit" in source:
        assert seen["precommit"] >= 1 and seen["hook_ids"] >= 1, f"{source}: no pre-commit config with id: acu-lint"


def test_ci_docs_show_annotations_and_sarif_upload():
    text = DOCS["Use in CI"].read_text(encoding="utf-8")
    assert "--format github" in text and "--format sarif" in text
    assert "github/codeql-action/upload-sarif" in text and "security-events: write" in text


def test_the_checker_catches_drift(cli_spec, tmp_path):
    """Unknown flags, formats and hook ids are reported (the test can fail)."""
    md = """## Use in pre-commit

```yaml
repos:
  - repo: https://github.com/acu-lint/acu-lint
    rev: v0.1.0
    hooks:
      - id: acu-lint-typo
      - id: acu-lint
        args: [--fixx]
```

```sh
acu-lint content --format sarif2 \\
  --no-such-flag && echo --not-ours
```

```yaml
jobs:
  lint:
    steps:
      - run: xargs -0 acu-lint --baseline=b.json --bogus < files && pre-commit run acu-lint --all-files
    script:
      - python -m acu_lint rules --colour
```
"""
    path = tmp_path / "doc.md"
    path.write_text(md, encoding="utf-8")
    problems, _ = check_blocks(section_blocks(path, "Use in pre-commit"), cli_spec, tmp_path)
    text = "\n".join(problems)
    assert "hook id 'acu-lint-typo'" in text
    assert "unknown option --fixx" in text
    assert "unknown format 'sarif2'" in text
    assert "unknown option --no-such-flag" in text
    assert "--not-ours" not in text  # an argument of echo, not of acu-lint
    assert "unknown option --bogus" in text and "--baseline" not in text
    assert "acu-lint rules: unknown option --colour" in text


def test_readme_sections_are_checked_when_present(tmp_path):
    blocks = markdown_blocks("# T\n\n## Use in CI\n\n```sh\nacu-lint x\n```\n\n## Other\n\n```sh\nls\n```\n", "R")
    in_ci = [b for heads, b in blocks if isinstance(b, Block) and "Use in CI" in heads]
    assert [b.code for b in in_ci] == ["acu-lint x\n"]


def test_repository_workflow_runs_ci_on_supported_pythons():
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    job = wf["jobs"]["tests"]
    versions = job["strategy"]["matrix"]["python-version"]
    assert versions == ["3.10", "3.11", "3.12", "3.13"]
    requires = re.search(r'requires-python\s*=\s*">=\s*3\.(\d+)"', (ROOT / "pyproject.toml").read_text())
    assert requires and versions[0] == f"3.{requires.group(1)}"
    runs = [s.get("run", "") for s in job["steps"]]
    assert ".ci/run" in runs  # the same command as local CI
    assert (ROOT / ".ci" / "run").is_file()


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None, reason="needs bash and git")
def test_ci_example_steps_lint_only_changed_articles(tmp_path):
    """Run the example workflow's shell steps in a repository with a base
    branch and a pull-request branch."""
    example = next(b for b in section_blocks(DOCS["Use in CI"], "GitHub Actions: lint the articles a pull request changes")
                   if b.lang in YAML_LANGS)
    steps = {s.get("name"): s for s in yaml.safe_load(example.code)["jobs"]["acu-lint"]["steps"] if "name" in s}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}
    env.update({"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "NO_COLOR": "1",
                "GIT_AUTHOR_NAME": "W", "GIT_AUTHOR_EMAIL": "w@example.org",
                "GIT_COMMITTER_NAME": "W", "GIT_COMMITTER_EMAIL": "w@example.org",
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"})
    origin, work = tmp_path / "origin", tmp_path / "work"

    def git(cwd, *args):
        r = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr

    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    (origin / "old.md").write_text("# Old\n\n# Old\n\nAn old article with a repeated title.\n")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "base")
    git(tmp_path, "clone", "-q", str(origin), str(work))
    git(work, "checkout", "-q", "-b", "pr")
    (work / "new article.md").write_text("# New\n\nNew text.\n\nLeave a Comment\n")
    (work / "notes.py").write_text("print('Leave a Comment')\n")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "pr")

    def step(name, extra_env=None):
        script = steps[name]["run"].replace("${{ github.base_ref }}", "main")
        return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=work,
                              env={**env, **(extra_env or {})}, capture_output=True, text=True, timeout=300)

    output = tmp_path / "github-output"
    r = step("List the changed articles", {"GITHUB_OUTPUT": str(output)})
    assert r.returncode == 0, r.stderr
    assert output.read_text() == "count=1\n"
    assert (work / "changed-articles").read_bytes() == b"new article.md\0"

    summary = tmp_path / "summary.md"
    r = step("Lint the changed articles", {"GITHUB_STEP_SUMMARY": str(summary)})
    # only the changed article is linted: its leftover line, not old.md's repeated title
    assert "file=new article.md,line=5" in r.stdout, r.stdout + r.stderr
    assert "old.md" not in r.stdout
    assert r.returncode == 1, r.stdout + r.stderr  # the step fails on findings
    assert "## acu-lint" in summary.read_text()

    r = step("Write SARIF")
    assert r.returncode == 0, r.stderr  # --exit-zero: the upload step still runs
    import json

    sarif = json.loads((work / "acu-lint.sarif").read_text())
    uris = {x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in sarif["runs"][0]["results"]}
    assert uris == {"new%20article.md"}


# ---- every command in README.md and docs/ works as written ---------------------
# Each shell command of a fenced block (sh/bash/shell, and the "$ " lines of
# console blocks) in README.md and docs/*.md is either run here, offline, in a
# scratch site holding a copy of the sample articles (as `articles/` and
# `content/`), or, when it needs the network or a download, checked for shell
# syntax and marked with the reason below. Workflow `run:`/`script:` steps in
# YAML blocks are checked for syntax; their acu-lint flags are checked above
# and the CI example's steps are run above. A new command in the docs is run
# unless it matches NETWORK, so the docs cannot drift into failing again.
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NETWORK = [
    (re.compile(r"\bpip install\b"), "installs from PyPI or GitHub"),
    (re.compile(r"^pre-commit\b"), "pre-commit fetches the hook repository from GitHub"),
    (re.compile(r"^git ls-remote\b"), "asks GitHub"),
    (re.compile(r"^java\b"), "needs a downloaded LanguageTool"),
    (re.compile(r"\bacu-lint grammar-setup\b(?!.*--check)"), "downloads LanguageTool"),
    (re.compile(r"\bACU_LINT_TEST_LANGUAGETOOL_URL="), "needs a running LanguageTool"),
]


@dataclass
class DocCommand:
    where: str
    line: str
    kind: str  # "shell" (a fenced block) or "workflow" (a run:/script: step)
    exports: list[str] = field(default_factory=list)  # `export` lines before it in its block

    @property
    def network(self) -> str | None:
        return next((why for rx, why in NETWORK if rx.search(self.line)), None)


def _logical_lines(script: str) -> list[str]:
    return [ln.strip() for ln in script.replace("\\\n", " ").splitlines()]


def _steps(node) -> list[str]:
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                out.append(value)
            elif key == "script" and isinstance(value, list):
                out.extend(str(v) for v in value)
            else:
                out.extend(_steps(value))
    elif isinstance(node, list):
        for item in node:
            out.extend(_steps(item))
    return out


def doc_commands(files=None) -> list[DocCommand]:
    found: list[DocCommand] = []
    for path in files or DOC_FILES:
        for _, item in markdown_blocks(path.read_text(encoding="utf-8"), path.name):
            if not isinstance(item, Block):
                continue
            if item.lang in SHELL_LANGS:
                console = item.lang in ("console", "shell-session")
                exports: list[str] = []
                for raw in _logical_lines(item.code):
                    if console:
                        if not raw.startswith("$ "):
                            continue  # the command's output
                        raw = raw[2:].strip()
                    if not raw or raw.startswith("#"):
                        continue
                    found.append(DocCommand(item.where, raw, "shell", list(exports)))
                    if raw.startswith("export "):
                        exports.append(raw)
            elif item.lang in YAML_LANGS:
                try:
                    data = yaml.safe_load(item.code)
                except yaml.YAMLError:
                    continue  # reported by test_snippets_use_real_hook_ids_and_flags
                for step in _steps(data):
                    for raw in _logical_lines(step):
                        if raw and not raw.startswith("#"):
                            found.append(DocCommand(item.where, raw, "workflow"))
    return found


def _bash_syntax_problem(line: str) -> str | None:
    script = re.sub(r"\$\{\{[^}]*\}\}", "EXPR", line)  # GitHub expressions are not shell
    r = subprocess.run(["bash", "-n", "-c", script], capture_output=True, text=True, timeout=30)
    return None if r.returncode == 0 else r.stderr.strip()


@pytest.fixture(scope="module")
def doc_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("doc-site")
    shutil.copytree(ROOT / "articles", site / "articles")
    shutil.copytree(ROOT / "articles", site / "content")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "ACU_LINT_"))}
    env.update(NO_COLOR="1", CI="1", PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
               HOME=str(site), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", "init", "-q", "."], cwd=site, env=env, check=True)
    return site, env


def test_every_doc_command_is_found():
    cmds = doc_commands()
    assert {c.where.split(":")[0] for c in cmds} >= {"README.md", "ci.md", "grammar.md", "pre-commit.md"}
    lines = [c.line for c in cmds]
    assert "acu-lint content/ --write-baseline .acu-lint-baseline.json" in lines
    assert any(c.network and c.line.startswith("pre-commit autoupdate") for c in cmds)
    # the output lines of console blocks are not commands
    assert not any(line.startswith(("articles/", "Found ", "acu-lint: ")) for line in lines)


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None, reason="needs bash and git")
@pytest.mark.parametrize("cmd", doc_commands(), ids=lambda c: f"{c.where}:{c.line[:40]}")
def test_doc_command_works_as_written(cmd, doc_site):
    problem = _bash_syntax_problem(cmd.line)
    assert problem is None, f"{cmd.where}: {cmd.line!r} is not valid shell: {problem}"
    if cmd.kind == "workflow" or cmd.network:
        return  # syntax-checked: it runs in a workflow, or needs the network (cmd.network says why)
    site, env = doc_site
    script = "\n".join([*cmd.exports, cmd.line])
    r = subprocess.run(["bash", "-c", script], cwd=site, env=env, capture_output=True, text=True, timeout=300)
    where = f"{cmd.where}: {cmd.line!r} (exit {r.returncode})\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
    assert "Traceback" not in r.stderr and "Usage:" not in r.stderr, where
    allowed = {0}
    if re.search(r"(^|\s)acu-lint\b", cmd.line):
        allowed = {0, 1}  # findings are what the sample articles are for
        if "--grammar" in cmd.line:
            allowed = {3}  # no LanguageTool here: the documented exit code
    assert r.returncode in allowed, where


def test_docs_pin_the_hook_with_autoupdate_and_it_works_offline(tmp_path):
    """The pre-commit config as the docs give it, and `pre-commit autoupdate
    --repo URL` as they say to run it, against a local copy of the hook
    repository (no tags yet): rev becomes that repository's commit SHA."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "store"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org", HOME=str(tmp_path))
    hooks = tmp_path / "acu-lint"
    hooks.mkdir()
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml")
    git = ["git", "-c", "init.defaultBranch=main"]
    for args in (["init", "-q", "."], ["add", "."], ["commit", "-q", "-m", "hooks"]):
        subprocess.run([*git, *args], cwd=hooks, env=env, check=True)
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks, env=env, capture_output=True, text=True,
                         check=True).stdout.strip()
    for doc in (ROOT / "README.md", ROOT / "docs" / "pre-commit.md"):
        blocks = section_blocks(doc, "Use in pre-commit") if doc.name == "README.md" else section_blocks(doc, None)
        config = next(b.code for b in blocks if b.lang in YAML_LANGS and "repos:" in b.code)
        url = re.search(r"repo:\s*(\S+)", config).group(1)
        commands = [c.line for c in doc_commands([doc]) if c.line.startswith("pre-commit autoupdate")]
        assert commands == [f"pre-commit autoupdate --repo {url}"], doc
        site = tmp_path / f"site-{doc.stem}"
        site.mkdir()
        subprocess.run([*git, "init", "-q", "."], cwd=site, env=env, check=True)
        (site / ".pre-commit-config.yaml").write_text(config.replace(url, str(hooks)), encoding="utf-8")
        args = shlex.split(commands[0].replace(url, str(hooks)))[1:]
        r = subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=site, env=env,
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stdout + r.stderr
        pinned = yaml.safe_load((site / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
        assert pinned["repos"][0]["rev"] == sha, (doc, pinned)


def test_release_is_prepared():
    """Version in one place, a changelog entry for it, and a tag-triggered
    workflow that builds, checks and publishes with trusted publishing."""
    from acu_lint import __version__

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert not re.search(r'^version\s*=\s*"', pyproject, re.M), "the version lives in acu_lint/__init__.py only"
    assert 'dynamic = ["version"]' in pyproject and 'attr = "acu_lint.__version__"' in pyproject
    assert f"## [{__version__}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    assert wf[True]["push"]["tags"] == ["v*"]  # YAML 1.1 reads the key `on` as True
    build = "\n".join(s.get("run", "") for s in wf["jobs"]["build"]["steps"])
    assert "python -m build" in build and "twine check" in build and "acu-lint --version" in build
    publish = wf["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"} and publish["needs"] == "build"
    assert any(str(s.get("uses", "")).startswith("pypa/gh-action-pypi-publish@") for s in publish["steps"])


def test_the_wheel_carries_the_version_from_init(tmp_path):
    """Build the wheel offline from a copy of the sources: its metadata has
    acu_lint.__version__ (setuptools reads it without importing the package)."""
    pytest.importorskip("setuptools")
    pytest.importorskip("wheel")
    from acu_lint import __version__

    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for pkg in ("acu_lint", "lint_rules"):
        shutil.copytree(ROOT / pkg, src / pkg, ignore=ignore)
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(tmp_path / "dist"), str(src)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    wheels = [p.name for p in (tmp_path / "dist").glob("*.whl")]
    assert wheels == [f"acu_lint-{__version__}-py3-none-any.whl"], wheels
