"""Instructions per article, counted by valgrind (callgrind), for comparing two
versions of acu-lint on a machine whose wall times are too noisy (a shared VM
with CPU steal): the count does not depend on the load.

    bench/.venv/bin/python bench/instructions.py                 # this checkout, 60 corpus articles
    bench/.venv/bin/python bench/instructions.py --root ../old   # another checkout (e.g. a git worktree)

It runs the default rules in-process (``lint_document`` on a ``Document``, no
CLI, no worker processes) on the first N articles of ``bench/out/corpus``
twice: once with only a warm-up (the first 20 articles: patterns compiled,
data loaded) and once with the warm-up and then all N articles; the
difference divided by N is the steady cost of one article. Needs valgrind
(Debian: ``apt install valgrind``); about a minute for 60 articles.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# the rules a default run enables (the registry of the measured checkout decides)
RULES: list[str] = []
WARM = 20

SCRIPT = """
import glob, sys
root, corpus, n, measure = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
sys.path.insert(0, root)
from acu_lint.document import Document
from acu_lint.engine import RuleSetup, lint_document
from acu_lint.rules import load_registry
reg = load_registry()
rules = {rules!r} or reg.default_ids()
setups = [RuleSetup(r, reg[r].check, dict(reg[r].options), reg[r].severity) for r in rules]
texts = [(p, open(p, encoding="utf-8").read()) for p in sorted(glob.glob(corpus + "/*"))[:n]]
for p, t in texts[:{warm}]:
    lint_document(Document(t, p), setups)
if measure:
    for p, t in texts:
        lint_document(Document(t, p), setups)
"""


def count(python: str, script: str, args: list[str]) -> int:
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", python, script, *args],
                          capture_output=True, text=True)
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or not m:
        sys.exit(f"valgrind failed ({proc.returncode}): {proc.stderr.strip().splitlines()[-1:]}")
    return int(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=os.path.dirname(HERE), help="the acu-lint checkout to measure")
    ap.add_argument("--corpus", default=os.path.join(HERE, "out", "corpus"))
    ap.add_argument("-n", type=int, default=60, help="articles to count (default 60)")
    ap.add_argument("--python", default=sys.executable, help="a Python with acu-lint's dependencies")
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        sys.exit(f"{a.corpus}: no corpus; run python3 bench/make_corpus.py first")
    if a.n <= WARM:
        sys.exit(f"-n must be more than the {WARM} warm-up articles")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(SCRIPT.format(rules=RULES, warm=WARM))
    try:
        args = [os.path.abspath(a.root), a.corpus, str(a.n)]
        base = count(a.python, fh.name, args + ["0"])
        full = count(a.python, fh.name, args + ["1"])
    finally:
        os.unlink(fh.name)
    print(f"{a.root}: {(full - base) / a.n / 1e6:.2f} million instructions per article "
          f"({a.n} articles of {a.corpus})")


if __name__ == "__main__":
    main()
