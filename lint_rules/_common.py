"""Helpers shared by the built-in rules (data loading, phrase matching)."""
from __future__ import annotations

import functools
import os
import re
from typing import Any, Iterable

_HERE = os.path.dirname(os.path.abspath(__file__))


@functools.lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """Load ``lint_rules/<name>`` (YAML) once per process.

    The data comes from the generated ``lint_rules/_rule_data.py`` while the
    file's text is exactly the text stored there (no PyYAML import, no parse:
    it is paid on every start, so it counts); otherwise the file is parsed,
    with libyaml's C loader when PyYAML has it (the same safe subset of YAML)."""
    with open(os.path.join(_HERE, name), encoding="utf-8") as fh:
        text = fh.read()
    try:
        from lint_rules._rule_data import DATA
    except ImportError:  # pragma: no cover - not generated yet (tools/gen_rule_data.py)
        DATA = {}
    stored = DATA.get(name)
    if stored is not None and stored[0] == text:
        return stored[1]
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


class LazyPattern:
    """A regular expression compiled on first use, with the methods of
    ``re.Pattern`` (a module-level ``re.compile`` is paid at every start,
    whether the pattern is needed for the file or not)."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        rx = re.compile(*self._source)
        for attr in self._METHODS:  # later calls find them on the instance directly
            setattr(self, attr, getattr(rx, attr))
        self.pattern, self.flags, self.groups = rx.pattern, rx.flags, rx.groups
        return getattr(rx, name)


def phrase_pattern(phrases: Iterable[str], whole: bool = False) -> re.Pattern[str]:
    """One case-insensitive regex for a list of literal phrases; spaces match
    any run of whitespace, and phrases match on word boundaries."""
    parts = []
    for p in sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True):
        esc = r"\s+".join(re.escape(w) for w in p.split())
        parts.append(esc)
    if not parts:
        return re.compile(r"(?!x)x")
    body = "|".join(parts)
    if whole:
        return re.compile(rf"^\s*(?:{body})\s*$", re.I)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


def normalize(text: str) -> str:
    """Casefolded text with whitespace collapsed and outer punctuation removed,
    for comparing blocks."""
    t = re.sub(r"\s+", " ", text).strip().casefold()
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return t.strip(" .:;,!*_-\u2013\u2014\"'")


def word_count(text: str) -> int:
    return len(re.findall(r"[\w'\u2019-]+", text))


def block_stands_alone(doc, block) -> bool:
    """True when the block's lines hold nothing else (the whole lines can go)."""
    first = doc.lines[block.line - 1]
    last = doc.lines[block.end_line - 1]
    before = first[: block.start - doc.line_start(block.line)]
    after = last[block.end - doc.line_start(block.end_line):]
    strip_chars = " \t>#*_-+0123456789.)[]"
    return not before.strip(strip_chars) and not after.strip(" \t#*_")
