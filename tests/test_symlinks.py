"""Symbolic links in folder walks (issue 15), through the real command line.

What is followed: a path named on the command line, even when it is a link;
inside a folder, links to files (linted where they lie, after the real files,
so a file reached two ways is linted once, under its own name); links to
folders only with --follow-symlinks (or ``follow-symlinks: true``), and even
then never out of the paths named and never back up into a folder being
walked. --fix never writes to a file whose real path lies outside the paths
named: that file gets a one-line notice and keeps every byte.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import run_cli

BAD = "Knee Pain\n\nKnee pain is common in older adults.\n\nLeave a Comment\n"
FIXED = "Knee Pain\n\nKnee pain is common in older adults.\n"
CLEAN = "Sleep and Pain\n\nPoor sleep can make pain feel worse, and pain can make sleep worse.\n"
FILLERS = 22  # enough files for --jobs 2 to start worker processes (parallel.MIN_FILES_FOR_POOL)


def write(p: Path, text: str | bytes) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


def acu(*args: str, cwd: Path) -> tuple[int, list[dict], list[str]]:
    """(exit code, JSON findings, stderr lines); never a traceback."""
    r = run_cli("--no-cache", "--select", "web-boilerplate", "--format", "json", *args, cwd=cwd)
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return r.returncode, json.loads(r.stdout), err.splitlines()


def paths_of(findings: list[dict]) -> list[str]:
    return sorted(f["path"] for f in findings)


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder`` (links not followed): bytes, mode, mtime, link target."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            if os.path.islink(p):
                out[p] = ("link", os.readlink(p))
            elif os.path.isfile(p):
                with open(p, "rb") as fh:
                    out[p] = ("file", fh.read(), st.st_mode, st.st_mtime_ns)
            else:
                out[p] = ("dir", st.st_mode)
    return out


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """tmp/outside: articles that are not part of the site; tmp/repo: the site,
    whose articles/ folder holds links of every kind."""
    write(tmp_path / "outside" / "victim.md", BAD)
    write(tmp_path / "outside" / "sub" / "deep.md", BAD)
    repo = tmp_path / "repo"
    write(repo / "notes.md", BAD)  # beside articles/: reached only through the 'up' link
    write(repo / "junk.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)  # would be an error if linted
    arts = repo / "articles"
    write(arts / "a.md", BAD)
    write(arts / "v2" / "b.md", BAD)
    for i in range(FILLERS):
        write(arts / "more" / f"clean{i:02d}.md", CLEAN)
    os.symlink(os.path.join("..", "..", "outside"), arts / "linked")  # a folder outside
    os.symlink("..", arts / "up")  # the parent folder: a loop when followed
    os.symlink(os.path.join("..", "..", "outside", "victim.md"), arts / "victim.md")  # a file outside
    os.symlink("v2", arts / "latest")  # a folder inside, walked already
    os.symlink(os.path.join("v2", "b.md"), arts / "alias.md")  # a file inside, linted already
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_default_walk_follows_no_link_to_a_folder(site, jobs):
    repo = site / "repo"
    code, findings, err = acu("--jobs", jobs, "articles", cwd=repo)
    assert err == []
    assert code == 1
    # each real file once, under its own name; the link to a file outside is linted where it lies
    assert paths_of(findings) == [os.path.join("articles", "a.md"), os.path.join("articles", "v2", "b.md"),
                                  os.path.join("articles", "victim.md")]
    assert all(f["line"] == 5 for f in findings)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fix_writes_nothing_outside_the_paths_named(site, jobs):
    repo = site / "repo"
    outside_before = snapshot(site / "outside")
    notes_before = (repo / "notes.md").read_bytes(), (repo / "junk.md").read_bytes()
    code, findings, err = acu("--fix", "--jobs", jobs, "articles", cwd=repo)
    # the link to a file outside: one notice, its findings still reported (not fixed), exit 1
    assert len(err) == 1, err
    assert err[0].startswith(f"acu-lint: {os.path.join('articles', 'victim.md')}: not fixed:")
    assert "outside the paths named" in err[0] and str(site / "outside" / "victim.md") in err[0]
    assert paths_of(findings) == [os.path.join("articles", "victim.md")]
    assert code == 1
    assert snapshot(site / "outside") == outside_before  # every byte, mode and time
    assert ((repo / "notes.md").read_bytes(), (repo / "junk.md").read_bytes()) == notes_before
    # inside: fixed once each, links still links
    assert (repo / "articles" / "a.md").read_text(encoding="utf-8") == FIXED
    assert (repo / "articles" / "v2" / "b.md").read_text(encoding="utf-8") == FIXED
    for name in ("linked", "up", "victim.md", "latest", "alias.md"):
        assert (repo / "articles" / name).is_symlink(), name
    # a second run changes nothing inside and still leaves the outside alone
    code, findings, err = acu("--fix", "--jobs", jobs, "articles", cwd=repo)
    assert code == 1 and len(err) == 1
    assert snapshot(site / "outside") == outside_before


def test_issue_example_fix_in_a_repository_with_a_link_out(tmp_path):
    """The reproduction from issue 15, as the user typed it."""
    write(tmp_path / "outside" / "victim.md", "Title\n\nLeave a Comment\n\nScroll to Top\n")
    (tmp_path / "repo" / "articles").mkdir(parents=True)
    os.symlink(os.path.join("..", "..", "outside"), tmp_path / "repo" / "articles" / "linked")
    before = snapshot(tmp_path / "outside")
    r = run_cli("--no-cache", "--fix", "articles/", cwd=tmp_path / "repo")
    assert r.returncode == 0, r.stdout + r.stderr
    assert b"victim" not in r.stdout + r.stderr
    assert snapshot(tmp_path / "outside") == before


def test_follow_symlinks_never_leaves_the_paths_named(site):
    repo = site / "repo"
    outside_before = snapshot(site / "outside")
    code, findings, err = acu("--follow-symlinks", "--fix", "articles", cwd=repo)
    linked = os.path.join("articles", "linked")
    up = os.path.join("articles", "up")
    # the link out is not followed (a notice), the link to the parent is a loop (an error: exit 2)
    assert sorted(line.split(":")[1].strip() for line in err) == sorted([linked, up, os.path.join("articles",
                                                                                                 "victim.md")]), err
    assert any(line.startswith(f"acu-lint: {linked}: symbolic link to a folder outside the paths named")
               for line in err), err
    assert any(line == f"acu-lint: {up}: symbolic link loop; folder skipped" for line in err), err
    assert code == 2
    assert snapshot(site / "outside") == outside_before
    assert (repo / "notes.md").read_text(encoding="utf-8") == BAD
    assert paths_of(findings) == [os.path.join("articles", "victim.md")]


def test_follow_symlinks_reaches_a_folder_inside_only_through_its_link(tmp_path):
    """What --follow-symlinks is for: a visible link to a folder the walk skips
    itself (here a hidden one), inside the paths named."""
    arts = tmp_path / "articles"
    write(arts / ".versions" / "v3" / "page.md", BAD)
    write(arts / "index.md", CLEAN)
    os.symlink(os.path.join(".versions", "v3"), arts / "current")
    code, findings, err = acu("articles", cwd=tmp_path)
    assert (code, findings, err) == (0, [], [])
    code, findings, err = acu("--follow-symlinks", "articles", cwd=tmp_path)
    assert err == [] and code == 1
    assert paths_of(findings) == [os.path.join("articles", "current", "page.md")]
    code, findings, err = acu("--follow-symlinks", "--fix", "articles", cwd=tmp_path)
    assert (code, err) == (0, [])
    assert (arts / ".versions" / "v3" / "page.md").read_text(encoding="utf-8") == FIXED
    # the config key does the same; the command line wins over it
    write(tmp_path / ".acu-lint.yaml", "follow-symlinks: true\n")
    write(arts / ".versions" / "v3" / "page.md", BAD)
    code, findings, err = acu("articles", cwd=tmp_path)
    assert code == 1 and paths_of(findings) == [os.path.join("articles", "current", "page.md")]
    code, findings, err = acu("--no-follow-symlinks", "articles", cwd=tmp_path)
    assert (code, findings, err) == (0, [], [])


def test_bad_follow_symlinks_value_in_the_config(tmp_path):
    write(tmp_path / "a.md", CLEAN)
    write(tmp_path / ".acu-lint.yaml", "follow-symlinks: sometimes\n")
    r = run_cli("--no-cache", "a.md", cwd=tmp_path)
    err = r.stderr.decode().splitlines()
    assert r.returncode == 2 and len(err) == 1, err
    assert "'follow-symlinks' must be true or false" in err[0] and ".acu-lint.yaml" in err[0]


def test_a_named_link_is_followed_and_fixed(site):
    """A path the user names is used even when it is a link: that is asking for it."""
    repo = site / "repo"
    code, findings, err = acu("--fix", os.path.join("articles", "linked"), cwd=repo)
    assert (code, err) == (0, [])
    assert (site / "outside" / "victim.md").read_text(encoding="utf-8") == FIXED
    assert (site / "outside" / "sub" / "deep.md").read_text(encoding="utf-8") == FIXED


def test_a_named_link_to_a_file_elsewhere_is_linted_not_fixed(site):
    repo = site / "repo"
    link = os.path.join("articles", "victim.md")
    code, findings, err = acu("--fix", link, cwd=repo)
    assert code == 1 and len(err) == 1 and f"{link}: not fixed" in err[0]
    assert [(f["path"], f["line"]) for f in findings] == [(link, 5)]
    assert (site / "outside" / "victim.md").read_text(encoding="utf-8") == BAD
    # naming the real file fixes it
    real = os.path.join("..", "outside", "victim.md")
    code, findings, err = acu("--fix", real, cwd=repo)
    assert (code, findings, err) == (0, [], [])
    assert (site / "outside" / "victim.md").read_text(encoding="utf-8") == FIXED


def test_link_and_its_target_both_named_are_linted_once(site):
    repo = site / "repo"
    code, findings, err = acu(os.path.join("articles", "alias.md"), os.path.join("articles", "v2", "b.md"),
                              "articles", cwd=repo)
    assert err == [] and code == 1
    assert [f["path"] for f in findings].count(os.path.join("articles", "alias.md")) == 1
    assert os.path.join("articles", "v2", "b.md") not in [f["path"] for f in findings]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fix", [False, True])
def test_dangling_link_is_one_error_and_the_rest_is_linted(site, jobs, fix):
    repo = site / "repo"
    os.symlink(os.path.join("..", "gone.md"), repo / "articles" / "dangling.md")
    os.symlink(os.path.join("..", "gone"), repo / "articles" / "gone-folder")  # no article name: skipped
    args = ["--jobs", jobs, "articles"] + (["--fix"] if fix else [])
    code, findings, err = acu(*args, cwd=repo)
    assert code == 2
    dangling = [line for line in err if "dangling.md" in line]
    assert dangling == [f"acu-lint: {os.path.join('articles', 'dangling.md')}: broken symbolic link"]
    assert len(err) == (2 if fix else 1), err  # with --fix, also the notice for the link out
    if fix:
        assert (repo / "articles" / "a.md").read_text(encoding="utf-8") == FIXED
        assert paths_of(findings) == [os.path.join("articles", "victim.md")]
    else:
        assert os.path.join("articles", "a.md") in paths_of(findings)
    assert (repo / "articles" / "dangling.md").is_symlink()
    assert not (repo / "gone.md").exists()


def test_discover_in_process_order_and_once_each(site):
    """The walk itself: real files first in sorted order, then links to files
    not reached otherwise; nothing under a link to a folder."""
    from acu_lint.config import ConfigResolver
    from acu_lint.rules import load_registry
    from acu_lint.sources import discover

    arts = site / "repo" / "articles"
    errors: list[str] = []
    notices: list[str] = []
    found = list(discover([str(arts)], ConfigResolver(load_registry()), errors, notices=notices))
    rel = [os.path.relpath(p, arts) for p in found]
    assert errors == [] and notices == []
    assert rel[0] == "a.md"
    assert rel[-1] == "victim.md"  # the only link to a file not reached as a real file
    assert "alias.md" not in rel and not any(r.startswith(("linked", "up", "latest")) for r in rel)
    assert len(rel) == len(set(rel)) == 2 + FILLERS + 1


def test_walk_excludes_agree_with_config_is_excluded(tmp_path):
    """The walk tests exclude patterns per folder (plain names by set lookup):
    it must skip exactly what Config.is_excluded says, for files and folders."""
    import itertools

    from acu_lint.config import ConfigResolver
    from acu_lint.rules import load_registry
    from acu_lint.sources import discover

    write(tmp_path / ".acu-lint.yaml", 'exclude: ["drafts", "./old/", "x/*.md", "*.draft.md", "[ab].md", '
                                       '"legacy/**", "deep/one/two"]\n')
    for d1, d2 in itertools.product(["", "drafts", "x", "legacy", "venv", "deep", "keep"],
                                    ["", "one", "two", "x", "old"]):
        for f in ("a.md", "c.md", "n.draft.md"):
            write(tmp_path / "site" / d1 / d2 / f, CLEAN)
    write(tmp_path / "site" / "deep" / "one" / "two" / "z.md", CLEAN)
    resolver = ConfigResolver(load_registry())
    cfg = resolver.for_dir(str(tmp_path))
    expected = []
    for dirpath, dirnames, filenames in os.walk(tmp_path / "site"):
        dirnames[:] = sorted(d for d in dirnames if not cfg.is_excluded(os.path.join(dirpath, d)))
        expected += [os.path.join(dirpath, f) for f in filenames
                     if f.endswith(".md") and not cfg.is_excluded(os.path.join(dirpath, f))]
    found = list(discover([str(tmp_path / "site")], resolver, []))
    assert sorted(found) == sorted(expected)
    assert 5 < len(found) < 7 * 5 * 3  # some kept, many skipped
