"""The five seed articles in ../shared/seeds, scored against expected.yaml by the
project's own scoring tool (../shared/tools/check_seeds.py), per rule family."""
from __future__ import annotations

import os
import shlex
import subprocess
import sys

import pytest

from conftest import SHARED, seeds_or_skip

FAMILIES = {
    "leftovers": "image-prompt,image-caption,duplicate-line,web-boilerplate,stray-fragment",
    "medical": "missing-disclaimer,absolute-claim,vague-citation",
    "structure": "numbering-gap,readability",
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_seed_expectations(family):
    seeds_or_skip()
    tool = SHARED / "tools" / "check_seeds.py"
    if not tool.is_file():
        pytest.skip(f"{tool} not found")
    env = dict(os.environ, ACU_LINT=f"{shlex.quote(sys.executable)} -m acu_lint")
    r = subprocess.run([sys.executable, str(tool), "--rules", FAMILIES[family]], capture_output=True, text=True,
                       env=env, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 must_not violated" in r.stdout


def test_fix_on_copy_of_seed_000_removes_only_the_leftovers(tmp_path):
    seeds = seeds_or_skip()
    src = seeds / "000_e20779465ceb8197.txt"
    original = src.read_text(encoding="utf-8").split("\n")
    copy = tmp_path / src.name
    copy.write_bytes(src.read_bytes())
    r = subprocess.run([sys.executable, "-m", "acu_lint", "--fix", "--no-cache", str(copy)], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode in (0, 1), r.stderr
    fixed = copy.read_text(encoding="utf-8").split("\n")
    removed = {3, 9, 83, 85, 87}
    expected = [line for i, line in enumerate(original, 1) if i not in removed]

    def squash(lines):  # compare content lines; blank lines between them may collapse
        return [line for line in lines if line.strip()]

    assert squash(fixed) == squash(expected)
    # nothing else changed: every remaining content line is byte-identical and in order
    assert fixed[:2] == original[:2]
