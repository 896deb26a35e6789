"""Precision on whole articles: careful writing gets no finding.

Each article under tests/data/careful/ is full of the traps that make a
health-content linter cry wolf (quoted myths, negations, hedges, regulators,
statistics with 100%, honest reports of patients being pain-free with a source,
"eliminate trigger foods", "Related reading", comparison tables of phrases to
avoid). Every default rule but readability must stay silent on them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

CAREFUL = Path(__file__).parent / "data" / "careful"
ARTICLES = sorted(p for p in CAREFUL.iterdir() if p.suffix in (".md", ".txt", ".html") and p.name != "README.md")


def test_there_are_articles_of_every_format():
    assert {p.suffix for p in ARTICLES} == {".md", ".txt", ".html"} and len(ARTICLES) >= 5


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_careful_article_has_no_finding_but_readability(article):
    r = run_cli("--no-cache", "--format", "json", "--ignore", "readability", str(article))
    found = json.loads(r.stdout)
    assert found == [], [(f["line"], f["rule"], f["message"][:80]) for f in found]
    assert r.returncode == 0 and r.stderr == b""
