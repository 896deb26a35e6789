"""The README's generated parts (rules table, real output of `acu-lint articles/`)
and its two quick-start commands stay true."""
from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def test_readme_generated_blocks_are_current():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "update_readme.py"), "--check"], capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr


def test_readme_quick_start_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", text, re.S)
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/acu-lint articles/" in blocks
    test_cmd = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    assert test_cmd in blocks
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet -e ".[test]"' in ci and "-m pytest" in ci
