r"""Page chrome scraped with the article: navigation, sidebars, footers, scraper headers.

## What it finds
Runs of blocks that are the website around the article rather than the
article (work in progress: the structural classifier is being built).

## Why it matters
A patient reading a health article should not have to read past a site's
menus and footers; they show that nobody reviewed the page.

## Examples
- not flagged: `Acupuncture may help some people with back pain.`

## Fix
Safe: the run of chrome is deleted where it stands alone on its lines.

## Options
None.
"""
from __future__ import annotations

from lint_rules._leftovers import memo

ID = "page-chrome"
SEVERITY = "warning"
FIXABLE = True
OPTIONS: dict = {}


def _analyse(doc) -> list:
    return []


def leftover_lines(doc) -> frozenset[int]:
    return frozenset()


def check(doc, options):
    memo(doc, "page-chrome", lambda: _analyse(doc))
    return ()
