"""Several acu-lint processes at once (pre-commit runs one per batch of files).

* Processes linting the same files with the same result cache all succeed
  and print the same report; the cache they leave behind is sound.
* Processes fixing separate copies at once each produce the fixed text; even
  processes fixing the *same* file at once leave it either untouched or fixed,
  never mangled, and no temp files behind.
* A corrupted cache entry (truncated, garbage, wrong shape, one changed byte) is not trusted:
  the run reports what an uncached run reports, and the entry is rebuilt.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

ARTICLE = (
    "nervous system\n\n"
    "Acupuncture for Knee Pain\n\n"
    "Acupuncture for Knee Pain\n\n"
    "Knee pain is common in older adults, and gentle exercise may help some people.\n\n"
    "Leave a Comment\n\n"
    "1. Rest the knee.\n2. Use a cold pack.\n4. See your doctor if it swells.\n\n"
    "Acupuncture cures knee pain in every patient.\n"
)
FIXED = (
    "Acupuncture for Knee Pain\n\n"
    "Knee pain is common in older adults, and gentle exercise may help some people.\n\n"
    "1. Rest the knee.\n2. Use a cold pack.\n3. See your doctor if it swells.\n\n"
    "Acupuncture cures knee pain in every patient.\n"
)


def _env(cache: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    if cache is not None:
        env["ACU_LINT_CACHE_DIR"] = str(cache)
    return env


def start(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "acu_lint", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(procs: list[subprocess.Popen]) -> list[tuple[int, bytes, bytes]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        out.append((p.returncode, stdout, stderr))
    return out


def make_articles(folder: Path, n: int = 12) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"article{i:02d}.txt"
        p.write_text(ARTICLE.replace("Knee", ["Knee", "Back", "Neck", "Hip"][i % 4]), encoding="utf-8")
        paths.append(p)
    return paths


def test_parallel_processes_share_one_cache(tmp_path):
    make_articles(tmp_path / "articles")
    cache = tmp_path / "cache"
    env = _env(cache)
    args = ["--format", "json", "--jobs", "1", "articles"]
    results = finish([start(args, tmp_path, env) for _ in range(6)])
    reports = set()
    for code, stdout, stderr in results:
        assert b"Traceback" not in stderr and stderr == b"", stderr
        assert code == 1
        reports.add(stdout)
    assert len(reports) == 1  # every process printed the same report
    findings = json.loads(reports.pop())
    assert {f["rule"] for f in findings} >= {"web-boilerplate", "duplicate-line", "numbering-gap"}
    # every cache entry left behind is complete JSON, and no temp file is left
    entries = [p for p in cache.rglob("*") if p.is_file() and p.suffix == ".json"]
    assert entries
    for e in entries:
        json.loads(e.read_text(encoding="utf-8"))
    assert not [p for p in cache.rglob("*.tmp")]
    # a later run with the warm cache says the same
    r = subprocess.run([sys.executable, "-m", "acu_lint", *args], cwd=tmp_path, env=env, capture_output=True)
    assert r.returncode == 1 and json.loads(r.stdout) == findings


def test_parallel_fix_on_separate_copies(tmp_path):
    procs = []
    copies = []
    for i in range(6):
        folder = tmp_path / f"copy{i}"
        copies.append(make_articles(folder, n=4))
        procs.append(start(["--fix", "--jobs", "1", str(folder)], tmp_path, _env(tmp_path / f"cache{i}")))
    for code, stdout, stderr in finish(procs):
        assert stderr == b"", stderr
        assert code == 1  # the claim is left for the writer (no safe fix)
    for paths in copies:
        for i, p in enumerate(paths):
            assert p.read_text(encoding="utf-8") == FIXED.replace("Knee", ["Knee", "Back", "Neck", "Hip"][i % 4])
        assert sorted(os.listdir(paths[0].parent)) == [p.name for p in paths]  # no temp files


def test_parallel_fix_of_the_same_file_never_mangles_it(tmp_path):
    p = tmp_path / "shared.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    results = finish([start(["--fix", "--no-cache", str(p)], tmp_path, _env()) for _ in range(6)])
    for code, stdout, stderr in results:
        assert b"Traceback" not in stderr
        # a process that lost the race says so in one line and exits 2
        assert code in (1, 2), (code, stderr)
        if code == 2:
            assert stderr.decode().strip().count("\n") == 0 and b"changed while being fixed" in stderr
    assert p.read_text(encoding="utf-8") == FIXED
    assert os.listdir(tmp_path) == ["shared.txt"]


def test_parallel_workers_inside_one_run_with_bad_files(tmp_path):
    """--jobs 2 (worker processes) and --jobs 1 agree, bad files included."""
    folder = tmp_path / "articles"
    make_articles(folder, n=6)
    (folder / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    os.symlink(tmp_path / "gone.md", folder / "dangling.md")
    outs = []
    for jobs in ("1", "2"):
        r = subprocess.run([sys.executable, "-m", "acu_lint", "--format", "json", "--no-cache", "--jobs", jobs,
                            "articles"], cwd=tmp_path, env=_env(), capture_output=True, timeout=300)
        assert r.returncode == 2 and b"Traceback" not in r.stderr
        outs.append((json.loads(r.stdout), sorted(r.stderr.decode().splitlines())))
    assert outs[0] == outs[1]
    assert len(outs[0][1]) == 2  # binary.md and dangling.md, one line each


# ---------------------------------------------------------------------------
# A corrupted cache is rebuilt, not trusted
# ---------------------------------------------------------------------------
CORRUPTIONS = {
    "empty": lambda b: b"",
    "truncated": lambda b: b[: len(b) // 2],
    "garbage": lambda b: os.urandom(len(b)),
    "not-utf8": lambda b: b"\xff\xfe" + b,
    "json-list": lambda b: b"[1, 2, 3]",
    "wrong-shape": lambda b: json.dumps({**json.loads(b), "findings": [{"start": "x"}]}).encode(),
    "findings-not-list": lambda b: json.dumps({**json.loads(b), "findings": 7}).encode(),
    "bad-fix": lambda b: json.dumps({**json.loads(b), "findings": [
        {**f, "fix": {"safe": True, "edits": [[1]]}} for f in json.loads(b)["findings"]]}).encode(),
}


@pytest.mark.parametrize("how", sorted(CORRUPTIONS))
def test_corrupted_cache_entries_are_rebuilt(tmp_path, how):
    try:
        import acu_lint.cache  # noqa: F401
    except ImportError:  # pragma: no cover
        pytest.skip("no result cache in this version (acu_lint/cache.py, issue 7)")
    make_articles(tmp_path / "articles", n=3)
    cache = tmp_path / "cache"
    env = _env(cache)
    args = [sys.executable, "-m", "acu_lint", "--format", "json", "--jobs", "1", "articles"]
    uncached = subprocess.run([*args, "--no-cache"], cwd=tmp_path, env=env, capture_output=True)
    first = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True)
    assert first.stdout == uncached.stdout and first.returncode == uncached.returncode == 1
    entries = sorted(p for p in cache.rglob("*.json") if p.is_file())
    assert len(entries) == 3
    for e in entries:
        e.write_bytes(CORRUPTIONS[how](e.read_bytes()))
    again = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True)
    assert again.stderr == b"", again.stderr
    assert again.returncode == 1
    assert json.loads(again.stdout) == json.loads(uncached.stdout)
    # and rebuilt: sound entries again
    for e in entries:
        data = json.loads(e.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and isinstance(data["findings"], list)


def test_cache_entry_changed_inside_its_findings_is_not_trusted(tmp_path):
    """A changed byte that still leaves valid JSON (a message, a line number)
    is caught by the entry's checksum of its findings."""
    make_articles(tmp_path / "articles", n=1)
    cache = tmp_path / "cache"
    env = _env(cache)
    args = [sys.executable, "-m", "acu_lint", "--format", "json", "--jobs", "1", "articles"]
    first = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True)
    (entry,) = [p for p in cache.rglob("*.json") if p.is_file()]
    entry.write_bytes(entry.read_bytes().replace(b"Leave a Comment", b"Leave a Commenx"))
    again = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True)
    assert json.loads(again.stdout) == json.loads(first.stdout)
