"""The stored compiled regular expressions (acu_lint/_re_table.py, acu_lint/_recache.py)
give exactly the patterns that re compiles itself."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT

from acu_lint import _recache

try:
    from acu_lint import _re_table
except ImportError:  # pragma: no cover
    _re_table = None

pytestmark = pytest.mark.skipif(
    _re_table is None or not hasattr(re, "_compiler") or tuple(_re_table.KEY) != _recache.table_key(),
    reason="the table was made for another Python (it is then not used)")


def test_every_entry_is_what_the_compiler_gives():
    for (pattern, flags), entry in _re_table.TABLE.items():
        assert _recache.compile_entry(pattern, flags) == entry, pattern[:80]


def test_a_pattern_from_the_table_matches_as_a_compiled_one():
    assert _recache.install()
    (pattern, flags), _ = max(_re_table.TABLE.items(), key=lambda kv: len(kv[0][0]))
    re.purge()
    from_table = re.compile(pattern, flags)
    original = re._compiler.compile._acu_original(pattern, flags)
    assert from_table.pattern == original.pattern and from_table.flags == original.flags
    assert from_table.groups == original.groups and from_table.groupindex == original.groupindex
    words = re.findall(r"[a-z]{3,}", pattern.lower())[:200]
    for text in [" ".join(words), " ".join(reversed(words)), "Acupuncture may help some people."]:
        a, b = from_table.search(text), original.search(text)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_a_pattern_not_in_the_table_compiles_as_usual():
    assert _recache.install()
    rx = re.compile(r"acu-lint-test-(\d+)-only-here")
    assert rx.search("x acu-lint-test-42-only-here").group(1) == "42"


def test_the_table_is_current():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_re_table.py"), "--check"], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_findings_do_not_depend_on_the_table():
    import os

    cmd = [sys.executable, "-m", "acu_lint", "--no-cache", "--format", "json", "articles/"]
    with_table = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    without = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                             env=dict(os.environ, ACU_LINT_NO_RE_TABLE="1"))
    assert with_table.stdout == without.stdout and with_table.returncode == without.returncode == 1
