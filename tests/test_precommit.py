"""The pre-commit hook, run by the real `pre-commit` in temporary git repositories.

Two ways, and why:

* ``local``: the hook as .pre-commit-hooks.yaml defines it (id, name, entry,
  types_or, require_serial, args) but with ``language: system``, so that it runs
  the acu-lint installed beside this Python. It needs no network, runs in a few
  seconds and still goes through pre-commit's file filtering and a real
  ``git commit``. It always runs.
* ``published``: a content repository's config exactly as users write it,
  ``repo:`` (a git repository made from this working tree) + ``rev:`` +
  ``id: acu-lint``, ``language: python`` from the manifest. pre-commit then
  builds the hook's environment with pip, which needs the package index
  (PyPI); the test runs when the index is reachable and skips with the reason
  otherwise.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
BIN = Path(sys.executable).parent
LEFTOVERS = "--select=duplicate-line,web-boilerplate"

DEFECTIVE_MD = "# Knee Pain\n\n# Knee Pain\n\nKnee pain is common in older adults.\n\nLeave a Comment\n"
FIXED_MD = "# Knee Pain\n\nKnee pain is common in older adults.\n"
DEFECTIVE_TXT = "Shoulder Pain\n\nShoulder pain can make it hard to sleep.\n\nScroll to Top\n"
DEFECTIVE_HTML = ("<html><body><h1>Neck Pain</h1><p>Neck pain is common.</p>"
                  "<p>Leave a Comment</p></body></html>\n")
NOT_AN_ARTICLE = "# Leave a Comment\nprint('Leave a Comment')\n"


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "GITHUB_"))}
    env.update({
        "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(tmp / "gitconfig"),
        "GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "writer@example.org",
        "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "writer@example.org",
        "NO_COLOR": "1",
        "PRE_COMMIT_COLOR": "never",
    })
    (tmp / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
    return env


def _run(args, cwd, env, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _git(repo: Path, env, *args: str) -> subprocess.CompletedProcess:
    r = _run(["git", *args], repo, env)
    assert r.returncode == 0, r.stderr
    return r


def _precommit(repo: Path, env, *args: str, timeout=600) -> subprocess.CompletedProcess:
    return _run([sys.executable, "-m", "pre_commit", *args], repo, env, timeout)


def _commit(repo: Path, env, message: str) -> subprocess.CompletedProcess:
    """git commit through the installed hook; output of both streams joined."""
    r = _run(["git", "commit", "-m", message], repo, env)
    r.output = r.stdout + r.stderr
    return r


def _head_count(repo: Path, env) -> int:
    return int(_git(repo, env, "rev-list", "--count", "HEAD").stdout)


def _write(repo: Path, rel: str, text: str) -> None:
    p = repo / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


def _manifest_hook() -> dict:
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "acu-lint"]
    return hook


def _content_repo(tmp: Path, env, config: dict) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp / "site"
    repo.mkdir()
    _git(repo, env, "init", "-q")
    _write(repo, ".pre-commit-config.yaml", yaml.safe_dump(config, sort_keys=False))
    _git(repo, env, "add", ".pre-commit-config.yaml")
    _git(repo, env, "commit", "-q", "-m", "pre-commit config")
    r = _precommit(repo, env, "install")
    assert r.returncode == 0, r.stdout + r.stderr
    return repo


def _local_config(args: list[str]) -> dict:
    hook = _manifest_hook()
    local = {k: hook[k] for k in ("id", "name", "entry", "types_or", "require_serial", "args") if k in hook}
    local["language"] = "system"
    local["args"] = [*local.get("args", []), *args]
    return {"repos": [{"repo": "local", "hooks": [local]}]}


def test_manifest_is_what_content_repos_need():
    hook = _manifest_hook()
    assert hook["entry"] == "acu-lint" and hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "plain-text", "html"]
    assert hook["require_serial"] is True  # one run, one total (see test_one_total_for_many_files)
    # identify (pre-commit's file typing) maps the article extensions to these tags
    from identify import identify

    for name, tag in [("a.md", "markdown"), ("a.markdown", "markdown"), ("a.txt", "plain-text"),
                      ("a.html", "html"), ("a.htm", "html")]:
        assert tag in identify.tags_from_filename(name), name
    r = _run([sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)], ROOT, dict(os.environ))
    assert r.returncode == 0, r.stdout + r.stderr


def test_commit_with_defects_is_refused_and_fixed_article_commits(tmp_path):
    env = _env(tmp_path)
    repo = _content_repo(tmp_path, env, _local_config([LEFTOVERS]))
    _write(repo, "articles/knee.md", DEFECTIVE_MD)
    _write(repo, "articles/shoulder.txt", DEFECTIVE_TXT)
    _write(repo, "articles/neck.html", DEFECTIVE_HTML)
    _write(repo, "tools/build.py", NOT_AN_ARTICLE)
    _git(repo, env, "add", ".")
    before = _head_count(repo, env)

    r = _commit(repo, env, "add articles")
    assert r.returncode != 0, r.output
    assert _head_count(repo, env) == before
    assert "acu-lint" in r.output and "Failed" in r.output
    assert "articles/knee.md:3:3: warning duplicate-line" in r.output
    assert "articles/knee.md:7:1: warning web-boilerplate" in r.output
    assert "articles/shoulder.txt:5:1: warning web-boilerplate" in r.output
    assert "articles/neck.html:" in r.output and "'Leave a Comment'" in r.output
    assert "tools/build.py" not in r.output  # not an article type: never passed to the hook

    _write(repo, "articles/knee.md", FIXED_MD)
    _write(repo, "articles/shoulder.txt", DEFECTIVE_TXT.replace("\n\nScroll to Top\n", "\n"))
    _write(repo, "articles/neck.html", DEFECTIVE_HTML.replace("<p>Leave a Comment</p>", ""))
    _git(repo, env, "add", ".")
    r = _commit(repo, env, "add articles")
    assert r.returncode == 0, r.output
    assert "Passed" in r.output
    assert _head_count(repo, env) == before + 1


def test_fix_in_the_hook_rewrites_files_and_fails(tmp_path):
    env = _env(tmp_path)
    repo = _content_repo(tmp_path, env, _local_config(["--fix", LEFTOVERS]))
    _write(repo, "articles/knee.md", DEFECTIVE_MD)
    _git(repo, env, "add", ".")
    before = _head_count(repo, env)

    r = _commit(repo, env, "knee")
    assert r.returncode != 0, r.output
    assert "files were modified by this hook" in r.output
    assert (repo / "articles/knee.md").read_text(encoding="utf-8") == FIXED_MD
    assert _head_count(repo, env) == before

    _git(repo, env, "add", ".")  # the writer reviews the fix and stages it
    r = _commit(repo, env, "knee")
    assert r.returncode == 0, r.output
    assert _head_count(repo, env) == before + 1


def _totals(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("Found ", "All clear"))]


def test_one_total_for_many_files(tmp_path):
    """With require_serial pre-commit passes every staged article to one
    acu-lint run, so the writer sees one total, for all of them (issue 17,
    item 12); acu-lint spreads the work over its own worker processes. The
    second half shows what the manifest avoids: without it pre-commit starts one
    run per batch of files, each printing its own total."""
    env = _env(tmp_path)
    n = 24  # enough for acu-lint's own worker pool, and for pre-commit to split without require_serial
    repo = _content_repo(tmp_path, env, _local_config([LEFTOVERS]))
    for i in range(n):
        _write(repo, f"articles/a{i:02d}.md", DEFECTIVE_MD)
    _git(repo, env, "add", ".")
    r = _commit(repo, env, "many articles")
    assert r.returncode != 0, r.output
    (total,) = _totals(r.output)
    assert total.startswith(f"Found {2 * n} problems (") and f" in {n} files of {n} files checked" in total, r.output

    import multiprocessing

    if multiprocessing.cpu_count() < 2 or "PRE_COMMIT_NO_CONCURRENCY" in os.environ:
        return  # pre-commit would not split here anyway
    config = _local_config([LEFTOVERS])
    config["repos"][0]["hooks"][0]["require_serial"] = False
    _write(repo, ".pre-commit-config.yaml", yaml.safe_dump(config, sort_keys=False))
    r = _precommit(repo, env, "run", "--files", *[f"articles/a{i:02d}.md" for i in range(n)])
    assert len(_totals(r.stdout + r.stderr)) > 1, r.stdout + r.stderr


def test_project_config_lints_articles_and_leaves_drafts_out(tmp_path):
    """The repository's own .pre-commit-config.yaml on a copy of articles/."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    env = _env(tmp_path)
    repo = _content_repo(tmp_path, env, config)
    shutil.copytree(ROOT / "articles", repo / "articles")
    assert any((repo / "articles" / "drafts").iterdir()), "articles/drafts is expected to hold examples"
    _git(repo, env, "add", ".")
    r = _precommit(repo, env, "run", "--all-files")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "acu-lint" in r.stdout and "Passed" in r.stdout
    # the drafts do have findings: the hook passes because it leaves them out
    drafts = _run([str(BIN / "acu-lint"), "articles/drafts"], repo, env)
    assert drafts.returncode == 1, drafts.stdout + drafts.stderr


def _index_reachable() -> str | None:
    """None if the package index answers, else the reason to skip."""
    url = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple/")
    host = urlparse(url).hostname or "pypi.org"
    port = urlparse(url).port or (443 if url.startswith("https") else 80)
    try:
        socket.create_connection((host, port), timeout=5).close()
    except OSError as exc:
        return f"the package index {host} is not reachable ({exc}); pre-commit cannot build the hook's environment"
    return None


def _publish(tmp: Path, env) -> tuple[str, str]:
    """A git repository holding this working tree (tracked and new files, not
    ignored ones), as a content repository would find it at `repo:` + `rev:`."""
    files = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT, env).stdout
    pub = tmp / "acu-lint-published"
    for rel in filter(None, files.split("\0")):
        src = ROOT / rel
        if src.is_file():
            (pub / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, pub / rel)
    _git(pub, env, "init", "-q")
    _git(pub, env, "add", ".")
    _git(pub, env, "commit", "-q", "-m", "release")
    _git(pub, env, "tag", "v0.0.0-test")
    return str(pub), "v0.0.0-test"


def test_published_hook_with_repo_and_rev(tmp_path):
    reason = _index_reachable()
    if reason:
        pytest.skip(reason)
    env = _env(tmp_path)
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    url, rev = _publish(tmp_path, env)
    config = {"repos": [{"repo": url, "rev": rev, "hooks": [{"id": "acu-lint", "args": [LEFTOVERS]}]}]}
    repo = _content_repo(tmp_path, env, config)
    _write(repo, "articles/knee.md", DEFECTIVE_MD)
    _git(repo, env, "add", ".")
    before = _head_count(repo, env)
    r = _commit(repo, env, "knee")
    assert r.returncode != 0, r.output
    assert "articles/knee.md:3:3: warning duplicate-line" in r.output
    assert _head_count(repo, env) == before
    _write(repo, "articles/knee.md", FIXED_MD)
    _git(repo, env, "add", ".")
    r = _commit(repo, env, "knee")
    assert r.returncode == 0, r.output
    assert _head_count(repo, env) == before + 1
