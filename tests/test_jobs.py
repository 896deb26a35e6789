"""--jobs: worker processes with a stable output order; small runs stay
in-process; worker failures become errors; the progress bar."""
from __future__ import annotations

import io
import json
import multiprocessing as mp
import os
import sys
from pathlib import Path

import pytest

from acu_lint import parallel
from acu_lint.model import Finding
from acu_lint.progress import MIN_FILES, ProgressBar, wanted
from acu_lint.rules import Registry, load_registry, rule_from_object
from acu_lint.runner import Settings, run
from conftest import run_cli

needs_fork = pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="needs the fork start method")


class PidRule:
    """Flags the first line and records which process linted the file."""

    ID = "pid-rule"
    SEVERITY = "warning"

    @staticmethod
    def check(doc, options):
        yield Finding(0, 1, f"line one of {os.path.basename(doc.path)}", data={"pid": os.getpid()})


class CrashRule:
    ID = "crash-rule"
    SEVERITY = "warning"

    @staticmethod
    def check(doc, options):
        if os.environ.get("ACU_LINT_TEST_PARENT") != str(os.getpid()):
            os._exit(7)  # a worker dies hard (segfault, OOM killer)
        return []


class SerialRule:
    ID = "serial-rule"
    SEVERITY = "warning"
    PARALLEL = False

    @staticmethod
    def check(doc, options):
        yield Finding(0, 1, "x", data={"pid": os.getpid()})


def registry(*objs) -> Registry:
    return Registry({o.ID: rule_from_object(o.ID, o) for o in objs})


@pytest.fixture
def fork_ctx(monkeypatch):
    """Test rules live in this module: workers inherit them with fork."""
    if "fork" not in mp.get_all_start_methods():
        pytest.skip("needs the fork start method")
    monkeypatch.setattr(parallel, "_mp_context", lambda: mp.get_context("fork"))


@pytest.fixture
def pool_calls(monkeypatch):
    calls = []
    real = parallel._run_pool

    def spy(paths, todo, *args, **kwargs):
        calls.append(len(todo))
        return real(paths, todo, *args, **kwargs)

    monkeypatch.setattr(parallel, "_run_pool", spy)
    return calls


def make_files(folder: Path, n: int, big: int = 0) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"f{i:03d}.txt"
        body = f"Title {i}\n\nGenerate a photo of acupuncture needles, soft light.\n\nLeave a Comment\n"
        if big and i == 0:
            body += ("Some text here. " * 64 + "\n\n") * (big // 1024)
        p.write_text(body, encoding="utf-8")
        out.append(str(p))
    return out


def pids(result) -> set[int]:
    return {f.data["pid"] for f in result.findings}


# ---------------------------------------------------------------------------
def test_default_jobs_is_the_cpu_count():
    n = parallel.default_jobs()
    assert n >= 1
    if hasattr(os, "sched_getaffinity"):
        assert n == len(os.sched_getaffinity(0))


def test_many_files_go_to_workers_and_keep_their_order(tmp_path, fork_ctx, pool_calls):
    files = make_files(tmp_path, 45)
    reg = registry(PidRule)
    serial = run(files, Settings(jobs=1), reg)
    assert pool_calls == [] and pids(serial) == {os.getpid()}
    par = run(files, Settings(jobs=3), reg)
    assert pool_calls == [45]
    assert os.getpid() not in pids(par)
    assert par.files == serial.files == files
    strip = lambda r: [(f.path, f.line, f.message) for f in r.findings]  # noqa: E731
    assert strip(par) == strip(serial)


def test_small_runs_stay_in_process(tmp_path, fork_ctx, pool_calls):
    files = make_files(tmp_path, parallel.MIN_FILES_FOR_POOL - 1)
    result = run(files, Settings(jobs=4), registry(PidRule))
    assert pool_calls == [] and pids(result) == {os.getpid()}


def test_a_few_big_files_do_use_workers(tmp_path, fork_ctx, pool_calls, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_BYTES_FOR_POOL", 100_000)
    files = make_files(tmp_path, 3, big=120_000)
    result = run(files, Settings(jobs=2), registry(PidRule))
    assert pool_calls == [3] and os.getpid() not in pids(result)


def test_a_rule_can_ask_for_one_process(tmp_path, fork_ctx, pool_calls):
    files = make_files(tmp_path, 30)
    result = run(files, Settings(jobs=3), registry(SerialRule))
    assert pool_calls == [] and pids(result) == {os.getpid()}


def test_a_dying_worker_becomes_an_error_not_a_hang(tmp_path, fork_ctx, monkeypatch):
    monkeypatch.setenv("ACU_LINT_TEST_PARENT", str(os.getpid()))
    files = make_files(tmp_path, 25)
    result = run(files, Settings(jobs=2), registry(CrashRule))
    assert len(result.results) == 25 and [r.path for r in result.results] == files
    assert result.files == []  # none of them was checked: the summary does not count them
    assert result.errors and all("worker process failed" in e and "--jobs 1" in e for e in result.errors)
    assert all("\n" not in e for e in result.errors)


def test_chunks_cover_every_file_once_biggest_first(tmp_path):
    files = make_files(tmp_path, 70, big=600_000)
    chunks = parallel.make_chunks(files, list(range(70)), 2)
    flat = sorted(i for c in chunks for i in c)
    assert flat == list(range(70))
    assert chunks[0] == [0]  # the big file alone, first
    assert max(len(c) for c in chunks) <= parallel.MAX_FILES_PER_CHUNK
    assert len(chunks) >= 2 * 4  # a few chunks per worker


def test_spawned_workers_load_the_registry_themselves(tmp_path, pool_calls, monkeypatch):
    monkeypatch.setattr(parallel, "_mp_context", lambda: mp.get_context("spawn"))
    files = make_files(tmp_path, 22)
    reg = load_registry()
    serial = run(files, Settings(jobs=1, select=["image-prompt", "web-boilerplate"]), reg)
    par = run(files, Settings(jobs=2, select=["image-prompt", "web-boilerplate"]), reg)
    assert pool_calls == [22]
    assert [f.to_json() for f in par.findings] == [f.to_json() for f in serial.findings]
    assert len(serial.findings) == 44


def test_cli_output_is_identical_for_any_jobs(tmp_path):
    docs = tmp_path / "docs"
    make_files(docs / "a", 15)
    make_files(docs / "b", 15)
    (docs / "c.md").write_text("# T\n\n1. One.\n2. Two.\n4. Four.\n", encoding="utf-8")
    outs = {}
    for j in ("1", "2", "3"):
        r = run_cli("--format", "json", "--no-cache", "-j", j, "docs", cwd=tmp_path)
        assert r.returncode == 1, r.stderr
        outs[j] = json.loads(r.stdout)
    assert outs["1"] == outs["2"] == outs["3"]
    assert len({f["path"] for f in outs["1"]}) == 31
    text = [run_cli("--no-cache", "-j", j, "docs", cwd=tmp_path).stdout for j in ("1", "2")]
    assert text[0] == text[1]


def test_cli_rejects_bad_jobs(tmp_path):
    r = run_cli("-j", "0", ".", cwd=tmp_path)
    assert r.returncode == 2 and b"Traceback" not in r.stderr


# -- progress bar ----------------------------------------------------------
class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_on_a_terminal_and_never_in_ci():
    assert wanted(FakeTTY(), env={})
    assert not wanted(FakeTTY(), env={"CI": "true"})
    assert not wanted(FakeTTY(), env={"TERM": "dumb"})
    assert not wanted(io.StringIO(), env={})
    assert ProgressBar.for_stream(io.StringIO(), env={}) is None


def test_progress_shows_for_many_files_and_is_erased():
    now = [0.0]
    out = FakeTTY()
    bar = ProgressBar(out, clock=lambda: now[0])
    total = MIN_FILES + 10
    for i in range(1, total + 1):
        now[0] += 0.2
        bar.update(i, total)
    text = out.getvalue()
    assert f"{total}/{total} files" in text and "\r" in text and "\n" not in text
    bar.close()
    assert out.getvalue().endswith("\r") and not bar.visible


def test_progress_waits_two_seconds_for_small_runs():
    now = [0.0]
    out = FakeTTY()
    bar = ProgressBar(out, clock=lambda: now[0])
    now[0] = 1.0
    bar.update(1, 10)
    assert out.getvalue() == ""
    now[0] = 2.5
    bar.update(2, 10)
    assert "2/10 files" in out.getvalue()


def test_progress_redraws_at_most_ten_times_a_second():
    now = [0.0]
    out = FakeTTY()
    bar = ProgressBar(out, clock=lambda: now[0])
    for i in range(1, 1001):
        now[0] += 0.001  # 1000 files in one second
        bar.update(i, 1000)
    assert 5 <= out.getvalue().count("\r") <= 15
    assert "1000/1000" in out.getvalue()  # the last state is always drawn


def test_no_progress_bar_when_stderr_is_a_pipe(tmp_path):
    make_files(tmp_path / "docs", 60)
    r = run_cli("--no-cache", "docs", cwd=tmp_path)
    assert b"\r" not in r.stderr and b"files" not in r.stderr
