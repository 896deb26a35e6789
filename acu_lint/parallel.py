"""Linting many files: result cache first, then worker processes, output in a
stable order.

``lint_files`` takes the discovered file list and returns one
:class:`FileResult` per path, in the same order, whatever ``--jobs`` is:

1. With the cache on, the parent looks every file up first (read, hash, one
   small JSON file); a warm re-run never starts a process.
2. The files left are linted in-process when there are few of them (fewer than
   ``MIN_FILES_FOR_POOL`` and less than ``MIN_BYTES_FOR_POOL``), when
   ``--jobs 1``, or when an enabled rule sets ``PARALLEL = False`` (e.g. it
   starts a heavy local server of its own). Otherwise they go to a pool of
   ``jobs`` worker processes in chunks, biggest first. Each worker loads the
   rule registry and the config resolver once (with ``fork`` it inherits the
   parent's; with ``spawn`` it builds its own in the initializer).
3. A worker that dies or a result that cannot be sent back becomes a one-line
   error for the files concerned (exit 2), never a hang or a traceback.

Also here: ``--shard K/N`` (a stable partition of the file list by a hash of
each path) and ``--files-from`` (read a list of paths).
"""
from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import Any, Callable, Iterable, Iterator

from acu_lint.config import ConfigResolver, relative_to
from acu_lint.engine import FileResult
from acu_lint.rules import Registry

MIN_FILES_FOR_POOL = 20
MIN_BYTES_FOR_POOL = 2_000_000  # fewer files, but this much text, still pays for the processes
MAX_FILES_PER_CHUNK = 16  # the last chunk leaves the other workers idle: keep it short
BIG_FILE = 512_000  # a file this big travels alone

Progress = Callable[[int, int], None]  # (files done, files in all)


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------
# Shards and file lists
# ---------------------------------------------------------------------------
def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` -> (2, 4). Raises ValueError with a one-line reason."""
    parts = text.strip().split("/")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise ValueError(f"'{text}' is not K/N (e.g. 2/4)")
    k, n = int(parts[0]), int(parts[1])
    if n < 1 or not 1 <= k <= n:
        raise ValueError(f"'{text}': K must be between 1 and N (e.g. 1/{max(n, 2)} to {max(n, 2)}/{max(n, 2)})")
    return k, n


def shard_key(path: str) -> str:
    """The path as the partition sees it: relative to the current folder, with
    forward slashes, so every CI runner of a matrix agrees."""
    return relative_to(path, os.getcwd())


def in_shard(path: str, k: int, n: int) -> bool:
    if n == 1:
        return True
    import hashlib  # here: OpenSSL costs a one-file run without shards ~8 ms to load

    digest = hashlib.sha256(shard_key(path).encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


def shard(paths: Iterable[str], k: int, n: int) -> list[str]:
    """Shard K of N (1-based) of ``paths``, order kept. Each path lands in
    exactly one shard, decided by its own name only, so adding or removing a
    file never moves the others."""
    return [p for p in paths if in_shard(p, k, n)]


def read_file_list(data: bytes, where: str) -> list[str]:
    """Paths from ``--files-from``: one a line, or NUL-separated (``git ls-files -z``).
    Blank lines are skipped; nothing else is interpreted."""
    text = data.decode("utf-8", "surrogateescape")
    if "\0" in text:
        items = text.split("\0")
    else:
        items = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    return [p for p in items if p.strip()]


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------
@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic cyclic garbage collection while one file is linted.

    A large document is hundreds of thousands of small objects (blocks, prose
    offsets, tokens); each full collection walks all of them, so the
    collector's share grows with the file: a third of the time on a 10 MB
    article, and the reason the cost grew faster than the size. Linting makes
    almost no reference cycles (reference counting frees the rest at once),
    so collection is paused per file and resumes between files."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _caching(settings: Any) -> bool:
    return bool(getattr(settings, "cache", False)) and not (settings.fix or settings.diff)


def serial_rules(registry: Registry, resolver: ConfigResolver, settings: Any) -> list[str]:
    """Enabled rules that ask to run in one process (``PARALLEL = False``)."""
    ids: set[str] = set()
    configs = resolver.loaded() or [resolver.for_dir(os.getcwd())]
    for cfg in configs:
        ids.update(cfg.enabled_rules(registry, None, settings.select, settings.extend_select, settings.ignore))
    out = []
    for rid in sorted(ids):
        obj = registry[rid].obj
        if getattr(obj, "PARALLEL", True) is False:
            out.append(rid)
    return out


def lint_files(paths: list[str], registry: Registry, resolver: ConfigResolver, settings: Any,
               progress: Progress | None = None) -> list[FileResult]:
    from acu_lint.runner import lint_file

    total = len(paths)
    results: list[FileResult | None] = [None] * total
    done = 0

    def tick(n: int = 1) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    todo = list(range(total))
    if _caching(settings) and total:
        from acu_lint import cache as cache_mod

        folders = {cache_mod.for_config(resolver.for_file(p)).folder for p in paths[:1]}
        if any(os.path.isdir(f) for f in folders) or len(resolver.loaded()) > 1:
            todo = []
            for i, p in enumerate(paths):
                r = lint_file(p, registry, resolver, settings, cache_only=True)
                if r is None:
                    todo.append(i)
                else:
                    results[i] = r
                    tick()

    jobs = settings.jobs if getattr(settings, "jobs", None) else default_jobs()
    jobs = max(1, min(int(jobs), len(todo)))
    use_pool = jobs > 1 and len(todo) >= 2 and (len(todo) >= MIN_FILES_FOR_POOL
                                              or _total_size(paths, todo) >= MIN_BYTES_FOR_POOL)
    if use_pool and serial_rules(registry, resolver, settings):
        use_pool = False
    if use_pool:
        _run_pool(paths, todo, results, jobs, registry, resolver, settings, tick)
    else:
        for i in todo:
            with gc_paused():
                results[i] = lint_file(paths[i], registry, resolver, settings)
            tick()
    return [r if r is not None else FileResult(paths[i], errors=[f"{paths[i]}: not linted (internal error)"], unchecked=True)
            for i, r in enumerate(results)]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _total_size(paths: list[str], todo: list[int]) -> int:
    total = 0
    for i in todo:
        total += _size(paths[i])
        if total >= MIN_BYTES_FOR_POOL:
            break
    return total


def make_chunks(paths: list[str], todo: list[int], jobs: int) -> list[list[int]]:
    """Consecutive files in chunks (a few per worker, so a slow chunk does not
    leave the others idle), big files alone; biggest chunks first."""
    per_chunk = max(1, min(MAX_FILES_PER_CHUNK, len(todo) // (jobs * 4) or 1))
    chunks: list[list[int]] = []
    sizes: list[int] = []
    cur: list[int] = []
    cur_size = 0
    for i in todo:
        s = _size(paths[i])
        if s >= BIG_FILE:
            chunks.append([i])
            sizes.append(s)
            continue
        cur.append(i)
        cur_size += s
        if len(cur) >= per_chunk:
            chunks.append(cur)
            sizes.append(cur_size)
            cur, cur_size = [], 0
    if cur:
        chunks.append(cur)
        sizes.append(cur_size)
    order = sorted(range(len(chunks)), key=lambda c: -sizes[c])
    return [chunks[c] for c in order]


def _mp_context():
    import multiprocessing as mp
    import threading

    methods = mp.get_all_start_methods()
    # fork is cheapest (the workers inherit the loaded rules) but unsafe with
    # threads, and on macOS.
    if "fork" in methods and sys.platform != "darwin" and threading.active_count() == 1:
        return mp.get_context("fork")
    if "forkserver" in methods:
        return mp.get_context("forkserver")
    return mp.get_context("spawn")


# Worker state: set in the parent before a fork, or built by the initializer.
_STATE: tuple[Registry, ConfigResolver, Any] | None = None


def _init_worker(settings: Any, inherited: bool) -> None:
    global _STATE
    import signal

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    except (ValueError, OSError):  # pragma: no cover
        pass
    if inherited and _STATE is not None:
        return
    from acu_lint.rules import load_registry

    registry = load_registry()
    _STATE = (registry, ConfigResolver(registry, settings.config), settings)


def _lint_chunk(chunk: list[tuple[int, str]]) -> list[tuple[int, FileResult]]:
    from acu_lint.runner import lint_file

    assert _STATE is not None
    registry, resolver, settings = _STATE
    out = []
    for i, p in chunk:
        with gc_paused():
            out.append((i, lint_file(p, registry, resolver, settings)))
    return out


def _run_pool(paths: list[str], todo: list[int], results: list[FileResult | None], jobs: int,
              registry: Registry, resolver: ConfigResolver, settings: Any, tick: Callable[[int], None]) -> None:
    global _STATE
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    ctx = _mp_context()
    inherited = ctx.get_start_method() == "fork"
    previous = _STATE
    _STATE = (registry, resolver, settings)
    chunks = make_chunks(paths, todo, jobs)
    if inherited:
        gc.freeze()  # the Python docs' advice before fork: children do not dirty the parent's pages
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                   initargs=(settings, inherited))
    try:
        pending = {executor.submit(_lint_chunk, [(i, paths[i]) for i in chunk]): chunk for chunk in chunks}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                chunk = pending.pop(fut)
                try:
                    for i, r in fut.result():
                        results[i] = r
                except Exception as exc:  # a worker died, or a result could not be pickled
                    why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                    for i in chunk:
                        if results[i] is None:
                            results[i] = FileResult(paths[i], errors=[
                                f"{paths[i]}: not linted: a worker process failed ({why}); "
                                "try --jobs 1"], unchecked=True)
                tick(len(chunk))
        executor.shutdown(wait=True)
    except BaseException:  # Ctrl-C: stop the workers now, not after their chunks
        executor.shutdown(wait=False, cancel_futures=True)
        for proc in list(getattr(executor, "_processes", {}).values() or ()):
            try:
                proc.terminate()
            except Exception:  # pragma: no cover
                pass
        raise
    finally:
        _STATE = previous
        if inherited:
            gc.unfreeze()
