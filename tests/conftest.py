from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def seeds_or_skip() -> Path:
    if not (SEEDS / "expected.yaml").is_file():
        pytest.skip(f"seed articles not found at {SEEDS} (they live in ../shared/seeds beside the repo)")
    return SEEDS


def lint(text: str, filename: str = "article.txt", select=None, options=None):
    """Lint a string in-process; returns findings (engine-filled)."""
    from acu_lint.document import Document
    from acu_lint.engine import RuleSetup, lint_document
    from acu_lint.rules import load_registry

    reg = load_registry()
    ids = select if select is not None else reg.default_ids()
    if isinstance(ids, str):
        ids = [ids]
    setups = []
    for rid in ids:
        r = reg[rid]
        opts = {**r.options, **((options or {}).get(rid, {}))}
        setups.append(RuleSetup(rid, r.check, opts, r.severity))
    return lint_document(Document(text, filename), setups)


def run_cli(*args: str, input: bytes | None = None, cwd: str | os.PathLike | None = None, env=None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    e = dict(os.environ)
    e.pop("GITHUB_STEP_SUMMARY", None)
    e.pop("GITHUB_ACTIONS", None)
    e["NO_COLOR"] = "1"
    if env:
        e.update(env)
    return subprocess.run([sys.executable, "-m", "acu_lint", *args], input=input, capture_output=True,
                          cwd=cwd, env=e, timeout=timeout)


@pytest.fixture
def seeds() -> Path:
    return seeds_or_skip()
