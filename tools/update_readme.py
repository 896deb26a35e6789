#!/usr/bin/env python3
"""Regenerate the generated parts of README.md: the rules table (from the rules'
docstrings) and the real output of `acu-lint articles/`.

    python tools/update_readme.py          # rewrite README.md
    python tools/update_readme.py --check  # exit 1 when README.md is out of date
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = os.path.join(ROOT, "README.md")


def _acu_lint(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1")
    for k in ("GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS", "ACU_LINT_LANGUAGETOOL_URL"):
        env.pop(k, None)
    return subprocess.run([sys.executable, "-m", "acu_lint", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=300)


def rules_block() -> str:
    return _acu_lint("rules", "--format", "markdown").stdout.strip()


def output_block() -> str:
    r = _acu_lint("articles/", "--no-cache", "--jobs", "1")
    if r.returncode not in (0, 1):  # pragma: no cover - shows up in the test
        raise SystemExit(f"acu-lint articles/ failed ({r.returncode}): {r.stderr}")
    return ("What `acu-lint articles/` prints for the sample articles (the clean articles at the top of "
            "`articles/` pass; `articles/drafts/` shows every rule), exit code "
            f"{r.returncode}:\n\n```console\n$ acu-lint articles/\n{r.stdout.rstrip()}\n```")


def render(text: str) -> str:
    for name, body in (("RULES", rules_block()), ("OUTPUT", output_block())):
        text = re.sub(rf"<!-- {name}:BEGIN -->.*?<!-- {name}:END -->",
                      lambda _m: f"<!-- {name}:BEGIN -->\n{body}\n<!-- {name}:END -->", text, flags=re.S)
    return text


def main() -> int:
    with open(README, encoding="utf-8") as fh:
        current = fh.read()
    new = render(current)
    if "--check" in sys.argv:
        if new != current:
            print("README.md is out of date: run python tools/update_readme.py")
            return 1
        return 0
    if new != current:
        with open(README, "w", encoding="utf-8") as fh:
            fh.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
