"""--shard K/N (a stable partition of the file list) and --files-from."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from acu_lint.parallel import in_shard, parse_shard, read_file_list, shard
from conftest import run_cli


@pytest.mark.parametrize("text,expected", [("1/1", (1, 1)), ("2/4", (2, 4)), (" 3/3 ", (3, 3))])
def test_parse_shard(text, expected):
    assert parse_shard(text) == expected


@pytest.mark.parametrize("text", ["0/2", "3/2", "1/0", "a/b", "1", "1/2/3", "-1/2", "", "1.5/2"])
def test_parse_shard_rejects(text):
    with pytest.raises(ValueError):
        parse_shard(text)


def names(n: int) -> list[str]:
    return [f"articles/topic-{i // 10}/article-{i:04d}.md" for i in range(n)]


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_shards_partition_the_files(n):
    files = names(500)
    parts = [shard(files, k, n) for k in range(1, n + 1)]
    assert sorted(p for part in parts for p in part) == sorted(files)  # each file exactly once
    assert sum(len(p) for p in parts) == len(files)
    for part in parts:
        assert part == [f for f in files if f in set(part)]  # order kept
        assert len(part) > len(files) / n * 0.6  # roughly balanced


def test_a_files_shard_does_not_depend_on_the_other_files():
    files = names(300)
    before = {f: next(k for k in range(1, 5) if in_shard(f, k, 4)) for f in files}
    more = names(400)[300:] + files[::-1]  # new files, another order, some removed
    for f in more:
        if f in before:
            assert in_shard(f, before[f], 4)


def test_shard_is_the_same_for_absolute_and_relative_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for f in names(50):
        k = next(k for k in range(1, 4) if in_shard(f, k, 3))
        assert in_shard(str(tmp_path / f), k, 3)
        assert in_shard("./" + f, k, 3)


def test_shard_values_are_fixed_across_releases():
    # a CI matrix may mix runners of two versions for a moment: the split must not drift
    got = [k for f in names(12) for k in range(1, 4) if in_shard(f, k, 3)]
    assert got == [k for f in names(12) for k in range(1, 4) if in_shard(f, k, 3)]
    import hashlib

    for f in names(12):
        k = int.from_bytes(hashlib.sha256(f.encode()).digest()[:8], "big") % 3 + 1
        assert in_shard(f, k, 3)


def make_docs(root: Path, n: int = 24) -> None:
    for i in range(n):
        d = root / "docs" / f"part{i % 3}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"a{i:02d}.txt").write_text(f"Acupuncture notes {i}\n\nLeave a Comment\n", encoding="utf-8")


def findings(r) -> list[dict]:
    return json.loads(r.stdout)


def test_cli_shards_together_give_the_whole_run(tmp_path):
    make_docs(tmp_path)
    whole = run_cli("--format", "json", "--no-cache", "docs", cwd=tmp_path)
    parts = [run_cli("--format", "json", "--no-cache", "--shard", f"{k}/3", "docs", cwd=tmp_path) for k in (1, 2, 3)]
    all_paths = sorted(f["path"] for p in parts for f in findings(p))
    assert all_paths == sorted(f["path"] for f in findings(whole))
    assert len(all_paths) == 24
    assert all(p.returncode in (0, 1) for p in parts)
    assert len({len(findings(p)) for p in parts} | {0}) >= 2  # not all in one shard


def test_cli_bad_shard_is_a_usage_error(tmp_path):
    r = run_cli("--shard", "4/3", ".", cwd=tmp_path)
    assert r.returncode == 2
    assert b"--shard" in r.stderr and b"Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_empty_shard_is_clean(tmp_path):
    make_docs(tmp_path, 1)
    rs = [run_cli("--no-cache", "--shard", f"{k}/2", "docs", cwd=tmp_path) for k in (1, 2)]
    assert sorted(r.returncode for r in rs) == [0, 1]
    assert any(b"0 files checked" in r.stdout for r in rs)


# -- --files-from ----------------------------------------------------------
def test_read_file_list():
    assert read_file_list(b"a.md\n\nb dir/c.txt\r\n  \n", "x") == ["a.md", "b dir/c.txt"]
    assert read_file_list(b"a.md\0b\nc.md\0", "x") == ["a.md", "b\nc.md"]
    assert read_file_list(b"", "x") == []


def test_files_from_file_and_stdin(tmp_path):
    make_docs(tmp_path, 6)
    listed = ["docs/part0/a00.txt", "docs/part1/a04.txt"]
    (tmp_path / "list.txt").write_text("\n".join(listed) + "\n\n", encoding="utf-8")
    r = run_cli("--format", "json", "--no-cache", "--files-from", "list.txt", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert sorted({f["path"] for f in findings(r)}) == listed
    r2 = run_cli("--format", "json", "--no-cache", "--files-from", "-", cwd=tmp_path,
                 input="\0".join(listed).encode())
    assert findings(r2) == findings(r)
    # with PATHS too: the union, each file once
    r3 = run_cli("--format", "json", "--no-cache", "--files-from", "list.txt", "docs/part0", cwd=tmp_path)
    paths = [f["path"] for f in findings(r3)]
    assert len(paths) == len(set(paths))
    assert set(paths) == set(listed) | {f"docs/part0/a0{i}.txt" for i in (0, 3)}


def test_files_from_lists_folders_and_respects_excludes(tmp_path):
    make_docs(tmp_path, 6)
    (tmp_path / ".acu-lint.yaml").write_text("exclude: ['part2']\n", encoding="utf-8")
    r = run_cli("--format", "json", "--no-cache", "--files-from", "-", cwd=tmp_path,
                input=b"docs/part1\ndocs/part2/a02.txt\n")
    assert sorted({f["path"] for f in findings(r)}) == ["docs/part1/a01.txt", "docs/part1/a04.txt"]


def test_empty_file_list_lints_nothing(tmp_path):
    r = run_cli("--no-cache", "--files-from", "-", cwd=tmp_path, input=b"")
    assert r.returncode == 0 and b"0 files checked" in r.stdout


@pytest.mark.parametrize("args,input,needle", [
    (["--files-from", "missing.txt"], None, b"missing.txt: cannot read the file list"),
    (["--files-from", "-"], b"nope.md\n", b"nope.md: no such file or directory"),
    (["--files-from", "-", "-"], b"x", b"cannot both read standard input"),
])
def test_files_from_errors(tmp_path, args, input, needle):
    r = run_cli("--no-cache", *args, cwd=tmp_path, input=input)
    assert r.returncode == 2
    assert needle in r.stderr and b"Traceback" not in r.stderr


def test_files_from_with_shard(tmp_path):
    make_docs(tmp_path, 12)
    listing = "\n".join(str(p.relative_to(tmp_path)) for p in sorted((tmp_path / "docs").rglob("*.txt")))
    got = []
    for k in (1, 2):
        r = run_cli("--format", "json", "--no-cache", "--files-from", "-", "--shard", f"{k}/2", cwd=tmp_path,
                    input=listing.encode())
        got.extend(f["path"] for f in findings(r))
    assert sorted(got) == sorted(listing.splitlines())
    assert os.sep == "/" or True
