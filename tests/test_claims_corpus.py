"""absolute-claim on real articles nobody wrote for it: ../shared/corpus, scored by the
project's scoring tool with only this rule selected (fast). The floors sit just under what
the rule reaches (recall 0.90, precision 0.98 when they were set), so a change that loses
either fails here. Raise them when the rule gets better; never lower one without saying why."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED

CORPUS = SHARED / "corpus"
TOOL = SHARED / "tools" / "score_corpus.py"
RECALL_FLOOR, PRECISION_FLOOR = 0.88, 0.95


HELDOUT = Path(__file__).parent / "data" / "heldout"
# the first held-out set (written blind, then read to learn its forms: 1.00/1.00 when set)
HELDOUT_RECALL_FLOOR, HELDOUT_PRECISION_FLOOR = 0.94, 0.94


def _score(corpus: Path) -> tuple[float, float]:
    cmd = f"{shlex.quote(sys.executable)} -m acu_lint --select absolute-claim"
    r = subprocess.run([sys.executable, str(TOOL), str(corpus)], capture_output=True, text=True,
                       env=dict(os.environ, ACU_LINT=cmd), timeout=600)
    m = re.search(r"^absolute_claims\s+\d+\s+\d+\s+([\d.]+)\s+\d+\s+([\d.]+)\s*$", r.stdout, re.M)
    assert m, r.stdout + r.stderr
    return float(m.group(1)), float(m.group(2))


def test_absolute_claims_floors():
    if not (CORPUS / "expected.yaml").is_file() or not TOOL.is_file():
        pytest.skip(f"the annotated corpus is not at {CORPUS} (it lives in ../shared beside the repo)")
    recall, precision = _score(CORPUS)
    assert recall >= RECALL_FLOOR and precision >= PRECISION_FLOOR, (recall, precision)


def test_absolute_claims_floors_on_the_first_heldout_set():
    if not (HELDOUT / "expected.yaml").is_file() or not TOOL.is_file():
        pytest.skip("the held-out set or the scoring tool is missing")
    recall, precision = _score(HELDOUT)
    assert recall >= HELDOUT_RECALL_FLOOR and precision >= HELDOUT_PRECISION_FLOOR, (recall, precision)
