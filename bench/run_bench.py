#!/usr/bin/env python3
"""Run acu-lint and proselint side by side on the benchmark corpus.

    python bench/make_corpus.py                 # once: builds bench/out/
    python bench/run_bench.py [--runs 3] [--only corpus,single,warm,big] [--json FILE]

This script installs nothing. It expects

* acu-lint: ``--acu-lint PATH`` or ``$ACU_LINT``, else ``bench/.venv/bin/acu-lint``
  (a regular, non-editable install: a snapshot that does not change while the
  bench runs), else ``.venv/bin/acu-lint``, else ``acu-lint`` on PATH;
* proselint 0.16: ``--proselint PATH`` or ``$PROSELINT``, else
  ``bench/.venv/bin/proselint``, else ``proselint`` on PATH. It lives in the
  bench environment only, never among the project's dependencies:
  ``python3 -m venv bench/.venv && bench/.venv/bin/pip install proselint==0.16.0 .``
  (run the pip line again after changing acu-lint). Without proselint the
  acu-lint rows are still measured (ratios left empty).

Each tool first runs once untimed on the small article (byte-code caches) and
the corpus is read once (disk cache); then every scenario runs ``--runs``
times, the tools alternating so that drift in machine load hits both alike;
medians are reported. Scenarios:

  corpus   1,000 ~4 KB articles, cold: acu-lint --no-cache (default --jobs),
           proselint check <folder>
  single   one ~3 KB article, as pre-commit runs it (a fresh process, a changed
           file: --no-cache); at least 7 runs
  warm     the 1,000 articles again, unchanged, with acu-lint's cache filled;
           compared with proselint's cold time (proselint has no such cache)
  big      one 1 MB and one 10 MB article, --no-cache

Peak memory is the largest sum of resident memory over the process and its
children (workers included), sampled every 10 ms from /proc, and the
largest single process (``ru_maxrss`` of the children). Both are for one run.
``PYTHONDONTWRITEBYTECODE`` is removed from the environment of the measured
commands, so that, as in a normal install, modules load from byte-code.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")

TARGETS = {
    "corpus": ("acu-lint / proselint wall time on 1,000 articles", 0.10),
    "single": ("acu-lint / proselint on one ~3 KB file", 1.2),
    "warm": ("acu-lint warm (cache) / proselint cold on 1,000 articles", 0.03),
    "big10_vs_proselint": ("acu-lint / proselint on the 10 MB article", 2.0),
    "big_growth": ("acu-lint 10 MB / acu-lint 1 MB", 12.0),
    "corpus_rss_mb": ("peak memory of acu-lint on 1,000 articles (MB, process tree)", 150.0),
}


# ---------------------------------------------------------------------------
# Measuring one command
# ---------------------------------------------------------------------------
def _tree_rss_kb(root: int) -> tuple[int, int]:
    """(sum, max) of VmRSS in KB over ``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    try:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return 0, 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                stat = fh.read()
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
            children.setdefault(ppid, []).append(pid)
        except (OSError, ValueError, IndexError):
            continue
    todo, tree = [root], []
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children.get(p, []))
    for pid in tree:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        rss[pid] = int(line.split()[1])
                        break
        except (OSError, ValueError):
            continue
    return sum(rss.values()), max(rss.values(), default=0)


def measure(cmd: list[str], env: dict[str, str], cwd: str = REPO) -> dict:
    """Wall time, exit code, peak tree RSS and peak single-process RSS of one run."""
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = ru0.ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0, 0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            s, m = _tree_rss_kb(proc.pid)
            peak[0] = max(peak[0], s)
            peak[1] = max(peak[1], m)
            stop.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    if os.path.isdir("/proc"):
        sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    if sampler.is_alive():
        sampler.join()
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    after = ru1.ru_maxrss
    cpu = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)  # workers included once joined
    if proc.returncode not in (0, 1):
        sys.exit(f"run_bench: {' '.join(cmd)} failed with exit {proc.returncode}:\n{err.decode(errors='replace')[-2000:]}")
    return {"wall": wall, "cpu": cpu, "rc": proc.returncode, "tree_rss_mb": peak[0] / 1024,
            "max_rss_mb": (peak[1] or (after if after > before else 0)) / 1024}


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


# ---------------------------------------------------------------------------
# The machine and the tools
# ---------------------------------------------------------------------------
def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def tool_version(cmd: list[str], env: dict) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "?"


def find_tool(explicit: str | None, env_name: str, locals_: list[str], name: str) -> str | None:
    for candidate in (explicit, os.environ.get(env_name), *locals_):
        if candidate and os.path.exists(candidate):
            return candidate
    return shutil.which(name)


def python_of(script: str) -> str:
    """The interpreter of a console script (for the import floor)."""
    try:
        with open(script, "rb") as fh:
            first = fh.readline().decode(errors="replace")
        if first.startswith("#!"):
            return first[2:].strip().split()[0]
    except OSError:
        pass
    return sys.executable


# ---------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="acu-lint vs proselint, side by side")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool and scenario (default 3)")
    ap.add_argument("--big-runs", type=int, default=None, help="timed runs for the 1 MB / 10 MB articles (default --runs)")
    ap.add_argument("--only", default="corpus,single,warm,big", help="comma-separated scenarios")
    ap.add_argument("--out", default=OUT, help="the corpus folder made by make_corpus.py (default bench/out)")
    ap.add_argument("--acu-lint", dest="acu", default=None,
                    help="the acu-lint to measure (default: bench/.venv/bin/acu-lint, then .venv/bin/acu-lint)")
    ap.add_argument("--proselint", default=None)
    ap.add_argument("--jobs", default=None, help="pass --jobs N to acu-lint (default: its own default, the CPU count)")
    ap.add_argument("--json", default=None, help="also write the raw results to this file")
    args = ap.parse_args(argv)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    big_runs = args.big_runs or args.runs

    acu = find_tool(args.acu, "ACU_LINT", [os.path.join(HERE, ".venv", "bin", "acu-lint"),
                                           os.path.join(REPO, ".venv", "bin", "acu-lint")], "acu-lint")
    prose = find_tool(args.proselint, "PROSELINT", [os.path.join(HERE, ".venv", "bin", "proselint")], "proselint")
    if acu is None:
        sys.exit("run_bench: acu-lint not found (install the project: pip install -e .)")
    corpus = os.path.join(args.out, "corpus")
    single = os.path.join(args.out, "single", "article-3kb.md")
    big1 = os.path.join(args.out, "big", "article-1mb.md")
    big10 = os.path.join(args.out, "big", "article-10mb.md")
    for p in (corpus, single, big1, big10):
        if not os.path.exists(p):
            sys.exit(f"run_bench: {p} is missing; run `python bench/make_corpus.py` first")
    n_files = len(os.listdir(corpus))

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("CI", None)
    env["NO_COLOR"] = "1"
    cache_dir = os.path.join(args.out, "acu-lint-cache")
    env["ACU_LINT_CACHE_DIR"] = cache_dir  # keep the bench cache out of the repository
    jobs = ["--jobs", args.jobs] if args.jobs else []

    acu_py = python_of(acu)
    info = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "nproc": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu": cpu_model(),
        "python": tool_version([acu_py, "--version"], env),
        "os": platform.platform(),
        "acu_lint": tool_version([acu, "--version"], env),
        "proselint": tool_version([prose, "version"], env) if prose else "not installed",
        "load_before": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "commit": tool_version(["git", "-C", REPO, "describe", "--always", "--dirty"], env),
        "rules": tool_version([acu_py, "-c", "from acu_lint.rules import load_registry as L; "
                                            "print(','.join(L().default_ids()))"], env),
    }
    print(f"# machine: {info['nproc']} CPUs ({info['cpu']}), {info['python']}, {info['os']}")
    print(f"# {acu} ({info['acu_lint']}, repository at {info['commit']}); proselint: {info['proselint']}; load average {info['load_before']}")
    print(f"# default rules: {info['rules']}")
    results: dict[str, dict] = {}

    def bench(name: str, acu_cmd: list[str] | None, prose_cmd: list[str] | None, runs: int,
              before_each=None) -> None:
        cmds = [("acu-lint", acu_cmd), ("proselint", prose_cmd if prose else None)]
        cmds = [(t, c) for t, c in cmds if c]
        data: dict[str, list[dict]] = {t: [] for t, _ in cmds}
        for _ in range(runs):
            for tool, cmd in cmds:
                if before_each:
                    before_each(tool)
                data[tool].append(measure(cmd, env))
        row = {}
        for tool, runs_ in data.items():
            row[tool] = {"median": median(runs_, "wall"), "min": min(r["wall"] for r in runs_),
                         "cpu": median(runs_, "cpu"),
                         "runs": [round(r["wall"], 3) for r in runs_],
                         "tree_rss_mb": max(r["tree_rss_mb"] for r in runs_),
                         "max_rss_mb": max(r["max_rss_mb"] for r in runs_),
                         "exit": runs_[-1]["rc"]}
        results[name] = row
        line = [f"{name:8s}"]
        for tool, r in row.items():
            line.append(f"{tool} {r['median']:.3f} s (runs {r['runs']}, cpu {r['cpu']:.2f} s, peak {r['tree_rss_mb']:.0f} MB tree"
                        f" / {r['max_rss_mb']:.0f} MB largest process)")
        if len(row) == 2:
            line.append(f"ratio {row['acu-lint']['median'] / row['proselint']['median']:.3f}")
        print("  ".join(line), flush=True)

    def no_cache(_tool: str) -> None:
        shutil.rmtree(cache_dir, ignore_errors=True)

    # warm-up: byte-code of both tools, the corpus in the disk cache
    measure([acu, "--no-cache", single], env)
    if prose:
        measure([prose, "check", single], env)
    for p in [os.path.join(corpus, f) for f in sorted(os.listdir(corpus))] + [big1, big10]:
        with open(p, "rb") as fh:
            fh.read()

    if "single" in only:
        bench("single", [acu, "--no-cache", single], [prose, "check", single] if prose else None,
              max(args.runs, 7))  # short runs: more of them for a stable median
        floor_cmd = [acu_py, "-c", "import click, yaml"]
        results["floor"] = {"python -c 'import click, yaml'": {
            "median": statistics.median(measure(floor_cmd, env)["wall"] for _ in range(max(3, args.runs)))}}
        try:
            subprocess.run([acu_py, "-c", "import textstat"], env=env, capture_output=True, check=True)
            floor2 = [acu_py, "-c", "import click, yaml, textstat"]
            results["floor"]["python -c 'import click, yaml, textstat'"] = {
                "median": statistics.median(measure(floor2, env)["wall"] for _ in range(max(3, args.runs)))}
        except (OSError, subprocess.CalledProcessError):
            pass
        print("floor    " + "  ".join(f"{k} {v['median']:.3f} s" for k, v in results["floor"].items()))
    if "corpus" in only:
        bench("corpus", [acu, "--no-cache", *jobs, "-q", corpus], [prose, "check", corpus] if prose else None,
              args.runs)
    if "warm" in only:
        no_cache("")
        subprocess.run([acu, *jobs, "-q", corpus], env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)  # fill the cache
        bench("warm", [acu, *jobs, "-q", corpus], None, args.runs)
        no_cache("")
    if "big" in only:
        bench("big1mb", [acu, "--no-cache", *jobs, big1], [prose, "check", big1] if prose else None, big_runs)
        bench("big10mb", [acu, "--no-cache", *jobs, big10], [prose, "check", big10] if prose else None, big_runs)

    # ---- targets -------------------------------------------------------
    def med(name: str, tool: str) -> float | None:
        return results.get(name, {}).get(tool, {}).get("median")

    checks = {}
    pc = med("corpus", "proselint")
    if med("corpus", "acu-lint") and pc:
        checks["corpus"] = med("corpus", "acu-lint") / pc
    if med("single", "acu-lint") and med("single", "proselint"):
        checks["single"] = med("single", "acu-lint") / med("single", "proselint")
    if med("warm", "acu-lint") and pc:
        checks["warm"] = med("warm", "acu-lint") / pc
    if med("big10mb", "acu-lint") and med("big10mb", "proselint"):
        checks["big10_vs_proselint"] = med("big10mb", "acu-lint") / med("big10mb", "proselint")
    if med("big10mb", "acu-lint") and med("big1mb", "acu-lint"):
        checks["big_growth"] = med("big10mb", "acu-lint") / med("big1mb", "acu-lint")
    if "corpus" in results:
        checks["corpus_rss_mb"] = results["corpus"]["acu-lint"]["tree_rss_mb"]
    info["load_after"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"\n# targets (load average now {info['load_after']})")
    print("| target | measured | limit | holds |")
    print("|---|---|---|---|")
    for key, value in checks.items():
        label, limit = TARGETS[key]
        print(f"| {label} | {value:.3f} | {limit} | {'yes' if value <= limit else 'NO'} |")
    print("\n| scenario | acu-lint median (s) | proselint median (s) | ratio | CPU time acu-lint / proselint (s) |"
          " acu-lint peak RSS, tree / largest (MB) | proselint peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|")
    for name in ("corpus", "single", "warm", "big1mb", "big10mb"):
        if name not in results:
            continue
        a = results[name].get("acu-lint", {})
        p = results[name].get("proselint", {}) if name != "warm" else results.get("corpus", {}).get("proselint", {})
        ratio = f"{a['median'] / p['median']:.3f}" if a and p else "-"
        label = f"{name} ({n_files} files)" if name in ("corpus", "warm") else name
        print(f"| {label} | {a.get('median', 0):.3f} | {p.get('median', 0):.3f} | {ratio} | "
              f"{a.get('cpu', 0):.2f} / {p.get('cpu', 0):.2f} | "
              f"{a.get('tree_rss_mb', 0):.0f} / {a.get('max_rss_mb', 0):.0f} | {p.get('max_rss_mb', 0):.0f} |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"machine": info, "results": results, "checks": checks}, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
