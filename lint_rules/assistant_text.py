r"""Text of the AI pipeline left in the article: the assistant's own words, SEO briefs, template slots.

## What it finds
The assistant's wrapper around a generated article (work in progress).

## Why it matters
A reader who meets "Sure! Here's a blog post about ..." stops trusting the
article; for a health publisher, trust is what the article asks for.

## Examples
- not flagged: `Acupuncture may help some people with back pain.`

## Fix
Safe where a whole block is the leftover: the block is deleted.

## Options
None.
"""
from __future__ import annotations

ID = "assistant-text"
SEVERITY = "error"
FIXABLE = True
OPTIONS: dict = {}


def leftover_lines(doc) -> frozenset[int]:
    return frozenset()


def check(doc, options):
    return ()
