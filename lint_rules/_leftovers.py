"""What the leftover rules report is not the article's prose.

A page's navigation, an assistant's "Sure! Here's your article", an image
prompt: the leftover rules report such blocks, and the rules that judge the
article's own writing (readability, the claim rules) must not read them as if
the writer had written them for the patient. Each leftover rule module that
takes part provides ``leftover_lines(doc) -> frozenset[int]``: the 1-based lines
of the blocks it reports with its default options. :func:`leftover_lines`
here is their union, computed once per Document (the rules share the
analysis through :func:`memo`, so a run that lints with both pays once).
"""
from __future__ import annotations

import importlib
from typing import Any, Callable


# the modules whose analyses mark text as not-the-article (in this order)
PROVIDERS = ("lint_rules.page_chrome", "lint_rules.web_boilerplate", "lint_rules.assistant_text", "lint_rules.image_prompt")


def memo(doc, key: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per Document and key (a rule's analysis shared with
    the rules that need to know what it found)."""
    store = doc.__dict__.get("_acu_memo")
    if store is None:
        store = doc.__dict__["_acu_memo"] = {}
    try:
        return store[key]
    except KeyError:
        value = store[key] = compute()
        return value


def _union(doc) -> frozenset[int]:
    lines: set[int] = set()
    for name in PROVIDERS:
        fn = getattr(importlib.import_module(name), "leftover_lines", None)
        if fn is not None:
            lines.update(fn(doc))
    return frozenset(lines)


def leftover_lines(doc) -> frozenset[int]:
    """1-based lines that a leftover rule reports: not the article's prose."""
    return memo(doc, "leftover_lines", lambda: _union(doc))


def is_leftover(doc, block) -> bool:
    """True when any line of ``block`` is leftover text."""
    lines = leftover_lines(doc)
    if not lines:
        return False
    return any(n in lines for n in range(block.line, block.end_line + 1))
