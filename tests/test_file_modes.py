"""File modes of what acu-lint writes (issue 17, item 11), through the real
command line under a chosen umask: a new file (``--write-baseline``, ``-o``)
gets what the umask gives, as with any program that creates files; a file that
is replaced (a baseline written again, an article fixed) keeps its mode."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

BAD = "Knee Pain\n\nKnee pain is common in older adults.\n\nLeave a Comment\n"
FIXED = "Knee Pain\n\nKnee pain is common in older adults.\n"


def run(args: list[str], cwd: Path, umask: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run([sys.executable, "-m", "acu_lint", "--no-cache", "--select", "web-boilerplate", *args],
                          cwd=cwd, env=env, capture_output=True, timeout=120,
                          preexec_fn=lambda: os.umask(umask))


def mode(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


@pytest.mark.parametrize("umask,expected", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_baseline_follows_the_umask(tmp_path, umask, expected):
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    r = run(["a.md", "--write-baseline", "baseline.json"], tmp_path, umask)
    assert r.returncode == 0, r.stderr
    assert mode(tmp_path / "baseline.json") == expected
    assert sorted(os.listdir(tmp_path)) == ["a.md", "baseline.json"]  # no temp file left


def test_rewritten_baseline_keeps_its_mode(tmp_path):
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    base = tmp_path / "baseline.json"
    base.write_text("{}", encoding="utf-8")
    os.chmod(base, 0o640)
    r = run(["a.md", "--write-baseline", "baseline.json"], tmp_path, 0o022)
    assert r.returncode == 0, r.stderr
    assert "Leave a Comment" in base.read_text(encoding="utf-8")
    assert mode(base) == 0o640


@pytest.mark.parametrize("umask,expected", [(0o022, 0o644), (0o077, 0o600)])
def test_new_report_file_follows_the_umask(tmp_path, umask, expected):
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    r = run(["a.md", "--format", "json", "-o", "report.json"], tmp_path, umask)
    assert r.returncode == 1, r.stderr
    assert mode(tmp_path / "report.json") == expected
    report = tmp_path / "report.json"
    os.chmod(report, 0o600)
    r = run(["a.md", "--format", "json", "-o", "report.json"], tmp_path, 0o022)
    assert r.returncode == 1 and mode(report) == 0o600


@pytest.mark.parametrize("article_mode", [0o600, 0o644, 0o664, 0o755])
def test_fixed_article_keeps_its_mode(tmp_path, article_mode):
    art = tmp_path / "a.md"
    art.write_text(BAD, encoding="utf-8")
    os.chmod(art, article_mode)
    r = run(["--fix", "a.md"], tmp_path, 0o022)
    assert r.returncode == 0, r.stderr
    assert art.read_text(encoding="utf-8") == FIXED
    assert mode(art) == article_mode
    assert os.listdir(tmp_path) == ["a.md"]


def test_write_atomic_in_process(tmp_path):
    """The helper itself: new file under the umask, existing file's mode kept,
    an explicit mode wins; a private file is never readable by others on the way."""
    from acu_lint.fsutil import write_atomic

    old = os.umask(0o027)
    try:
        write_atomic(str(tmp_path / "new.json"), b"{}")
        assert mode(tmp_path / "new.json") == 0o640
        secret = tmp_path / "secret.md"
        secret.write_bytes(b"old")
        os.chmod(secret, 0o600)
        seen: list[int] = []
        real_fchmod = os.fchmod

        def spy(fd, m):
            seen.append(m)
            assert os.fstat(fd).st_size == 0  # mode set before any data is written
            real_fchmod(fd, m)

        os.fchmod = spy
        try:
            write_atomic(str(secret), b"new")
        finally:
            os.fchmod = real_fchmod
        assert seen == [0o600] and mode(secret) == 0o600 and secret.read_bytes() == b"new"
        write_atomic(str(tmp_path / "cache.json"), b"{}", mode=0o644)
        assert mode(tmp_path / "cache.json") == 0o644
    finally:
        os.umask(old)
    assert sorted(os.listdir(tmp_path)) == ["cache.json", "new.json", "secret.md"]
