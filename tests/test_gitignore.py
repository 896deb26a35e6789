"""Folder walks skip what git ignores (issue 17, item 3), through the real
command line in temporary git repositories.

git itself answers (one ``git ls-files --others --ignored --exclude-standard
--directory`` per folder walked, only inside a git work tree), so its own
rules hold: nested .gitignore files, negations, .git/info/exclude, the global
excludes file, and a tracked file is never ignored. Files named on the command
line are linted even when ignored; ``--no-respect-gitignore`` or
``respect-gitignore: false`` turns the skipping off.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli

BAD = "Knee Pain\n\nKnee pain is common in older adults.\n\nLeave a Comment\n"
FIXED = "Knee Pain\n\nKnee pain is common in older adults.\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(tmp / "gitconfig"),
                "GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "w@example.org",
                "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "w@example.org"})
    return env


def git(repo: Path, env: dict[str, str], *args: str) -> None:
    r = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def acu(*args: str, cwd: Path, env: dict[str, str]) -> tuple[int, list[str], list[str]]:
    """(exit code, paths with findings, stderr lines)."""
    r = run_cli("--no-cache", "--select", "web-boilerplate", "--format", "json", *args, cwd=cwd, env=env)
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return r.returncode, sorted({os.path.normpath(f["path"]) for f in json.loads(r.stdout)}), err.splitlines()


LINTED = ["articles/keep.md", "articles/tracked.draft.md", "index.md", "public/keep.md"]


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    env = git_env(tmp_path)
    write(tmp_path / "global-ignore", "*.bak.md\n")
    write(tmp_path / "gitconfig", f"[core]\n\texcludesFile = {tmp_path / 'global-ignore'}\n"
                                  "[init]\n\tdefaultBranch = main\n")
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, env, "init", "-q")
    write(repo / ".gitignore", "public/*\n!public/keep.md\n*.draft.md\n*.egg-info/\n")
    write(repo / "articles" / ".gitignore", "scratch/\n")
    write(repo / ".git" / "info" / "exclude", "private.md\n")
    for rel in ["index.md", "articles/keep.md", "articles/tracked.draft.md", "public/keep.md",
                "public/posts/post.md", "articles/new.draft.md", "articles/scratch/notes.md",
                "articles/private.md", "articles/old.bak.md", "site.egg-info/SOURCES.txt"]:
        write(repo / rel, BAD)
    git(repo, env, "add", ".gitignore", "articles/.gitignore", "index.md", "articles/keep.md")
    git(repo, env, "add", "-f", "articles/tracked.draft.md")  # tracked: git never ignores it
    git(repo, env, "commit", "-q", "-m", "site")
    return repo, env


def test_walk_skips_what_git_ignores(repo):
    repo, env = repo
    for args in ([], ["."]):
        code, paths, err = acu(*args, cwd=repo, env=env)
        assert (code, err) == (1, [])
        assert paths == LINTED
    code, paths, err = acu("articles", cwd=repo, env=env)
    assert paths == ["articles/keep.md", "articles/tracked.draft.md"]


def test_walk_from_outside_the_work_tree(repo):
    repo, env = repo
    code, paths, err = acu("site", cwd=repo.parent, env=env)
    assert err == []
    assert paths == [f"site/{p}" for p in LINTED]


def test_fix_leaves_ignored_files_alone(repo):
    repo, env = repo
    code, paths, err = acu("--fix", cwd=repo, env=env)
    assert (code, paths, err) == (0, [], [])
    for rel in LINTED:
        assert (repo / rel).read_text(encoding="utf-8") == FIXED, rel
    for rel in ["public/posts/post.md", "articles/new.draft.md", "articles/scratch/notes.md",
                "articles/private.md", "articles/old.bak.md", "site.egg-info/SOURCES.txt"]:
        assert (repo / rel).read_text(encoding="utf-8") == BAD, rel


def test_turning_it_off(repo):
    repo, env = repo
    every = sorted(LINTED + ["articles/new.draft.md", "articles/old.bak.md", "articles/private.md",
                             "articles/scratch/notes.md", "public/posts/post.md", "site.egg-info/SOURCES.txt"])
    code, paths, err = acu("--no-respect-gitignore", cwd=repo, env=env)
    assert err == [] and paths == every
    write(repo / ".acu-lint.yaml", "respect-gitignore: false\n")
    code, paths, err = acu(cwd=repo, env=env)
    assert paths == every
    code, paths, err = acu("--respect-gitignore", cwd=repo, env=env)  # the command line wins
    assert paths == LINTED


def test_named_paths_are_linted_even_when_ignored(repo):
    repo, env = repo
    code, paths, err = acu("articles/new.draft.md", "public/posts/post.md", cwd=repo, env=env)
    assert (code, err) == (1, [])
    assert paths == ["articles/new.draft.md", "public/posts/post.md"]
    # a folder git ignores as a whole, named: its articles are linted
    code, paths, err = acu("articles/scratch", cwd=repo, env=env)
    assert (paths, err) == (["articles/scratch/notes.md"], [])
    # a folder inside one git ignores (git run there fails on some versions: asked from the root)
    code, paths, err = acu("public/posts", cwd=repo, env=env)
    assert (paths, err) == (["public/posts/post.md"], [])
    code, paths, err = acu(".", cwd=repo / "public" / "posts", env=env)
    assert (paths, err) == (["post.md"], [])


def test_nested_repository_has_its_own_ignores(repo):
    repo, env = repo
    inner = repo / "vendor-docs"
    inner.mkdir()
    git(inner, env, "init", "-q")
    write(inner / ".gitignore", "build/\n")
    write(inner / "guide.md", BAD)
    write(inner / "build" / "guide.md", BAD)
    code, paths, err = acu(cwd=repo, env=env)
    assert err == []
    assert paths == sorted(LINTED + ["vendor-docs/guide.md"])


def test_outside_a_git_work_tree_nothing_is_skipped(tmp_path):
    env = git_env(tmp_path)
    write(tmp_path / "plain" / ".gitignore", "*.draft.md\n")
    write(tmp_path / "plain" / "a.draft.md", BAD)
    code, paths, err = acu("plain", cwd=tmp_path, env=env)
    assert (code, paths, err) == (1, ["plain/a.draft.md"], [])


def test_without_git_one_notice_and_every_file_linted(repo, tmp_path):
    repo, env = repo
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    env = {**env, "PATH": str(empty)}
    # a file named on the command line never asks git: no notice
    code, paths, err = acu("index.md", cwd=repo, env=env)
    assert (code, paths, err) == (1, ["index.md"], [])
    code, paths, err = acu("articles", cwd=repo, env=env)
    assert code == 1  # a notice, not an error
    assert len(err) == 1 and "git is not installed" in err[0] and ".gitignore is not applied" in err[0]
    assert "articles/new.draft.md" in paths
    code, paths, err = acu("--no-respect-gitignore", "articles", cwd=repo, env=env)
    assert err == []
