"""Baselines: adopt acu-lint on an existing archive without fixing it first.

``acu-lint --write-baseline FILE`` records today's findings; ``acu-lint
--baseline FILE`` then reports only findings that are not in the file.

A finding is identified by its *fingerprint*: a hash of the rule id, the file
path (relative to the baseline file's folder, with forward slashes) and the
text the finding covers (whitespace collapsed; for a finding about the whole
article, such as a missing disclaimer, a fixed token). Line and column are not part of
it, so a finding still matches after lines are added above it or a paragraph is
re-wrapped. Matching counts: a file with the same defect twice needs two
entries, and a third copy added later is reported as new.

An entry that matches nothing although its file was linted (or its file is
gone) is *stale*: the finding was fixed, and ``--write-baseline`` would drop
it. ``--statistics`` lists stale entries.

The file is JSON::

    {"acu-lint-baseline": 1, "generated-by": "acu-lint 0.1.0",
     "findings": [{"rule": ..., "path": ..., "fingerprint": ..., "text": ...,
                   "line": ..., "message": ...}, ...]}

``fingerprint`` decides; ``text`` (an excerpt), ``line`` and ``message`` are for
the people who review the file. An entry written by hand may leave out
``fingerprint``: it is then computed from ``rule``, ``path`` and ``text``.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from acu_lint.model import AcuLintError, Finding

FORMAT_VERSION = 1
_MAX_TEXT = 200
_WS = re.compile(r"\s+")


class BaselineError(AcuLintError):
    """The baseline file is missing, unreadable or malformed (exit code 2)."""


def normalize_text(text: str) -> str:
    return _WS.sub(" ", text).strip()


def fingerprint(rule: str, path: str, text: str) -> str:
    """Stable id of a finding: rule + file + the text it covers."""
    key = "\0".join((rule, path, normalize_text(text)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def finding_text(f: Finding, _cache: dict[str, str] | None = None) -> str:
    """The text a finding covers. The engine stores it in ``Finding.snippet``;
    findings made elsewhere (tests, a cache) fall back to reading the file."""
    if f.snippet or f.start >= f.end:
        return f.snippet
    cache = _cache if _cache is not None else {}
    if f.path not in cache:
        text = ""
        try:
            from acu_lint.document import Document
            from acu_lint.sources import read_source

            text = Document(read_source(f.path).text, f.path).text
        except Exception:  # the file may be stdin or gone: the span is unknown
            text = ""
        cache[f.path] = text
    return cache[f.path][f.start:f.end]


DOCUMENT_TEXT = "<document>"


def key_text(f: Finding, _cache: dict[str, str] | None = None) -> str:
    """The text a finding's fingerprint is made of: the text it covers, or for
    a finding about the whole article (``data["scope"] == "document"``, such
    as a missing disclaimer, which points at the title only to have a place)
    a fixed token, so that editing the title or adding a first paragraph does
    not make it new."""
    if f.data.get("scope") == "document":
        return DOCUMENT_TEXT
    return finding_text(f, _cache)


def _rel(path: str, root: str) -> str:
    """``path`` relative to ``root``, with forward slashes."""
    if path.startswith("<") and path.endswith(">"):  # <stdin>
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


@dataclass
class Entry:
    rule: str
    path: str  # relative to the baseline's folder, forward slashes
    fingerprint: str
    text: str = ""
    line: int = 0
    message: str = ""

    def to_json(self) -> dict:
        return {"rule": self.rule, "path": self.path, "fingerprint": self.fingerprint, "text": self.text,
                "line": self.line, "message": self.message}


@dataclass
class FilterResult:
    kept: list[Finding]  # findings not in the baseline (new ones)
    matched: int  # findings hidden because the baseline knows them
    stale: list[Entry] = field(default_factory=list)  # entries whose finding is gone


@dataclass
class Baseline:
    entries: list[Entry]
    root: str  # folder the entry paths are relative to
    source: str = ""  # the file it came from

    # ---- reading and writing -------------------------------------------------
    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
        except FileNotFoundError:
            raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline {path})") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{path}: cannot read baseline: {getattr(exc, 'strerror', None) or exc}") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}: baseline is not valid JSON (line {exc.lineno}: {exc.msg})") from None
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not an acu-lint baseline (expected an object with a 'findings' list)")
        version = data.get("acu-lint-baseline", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            raise BaselineError(f"{path}: baseline format {version!r} is not supported (expected {FORMAT_VERSION})")
        entries = []
        for i, item in enumerate(data["findings"]):
            where = f"{path}: findings[{i}]"
            if not isinstance(item, dict):
                raise BaselineError(f"{where} must be an object")
            for key in ("rule", "path"):
                if not isinstance(item.get(key), str) or not item[key]:
                    raise BaselineError(f"{where} needs a '{key}' string")
            fp = item.get("fingerprint")
            text = item.get("text", "")
            if not isinstance(text, str):
                raise BaselineError(f"{where}: 'text' must be a string")
            if fp is None:
                fp = fingerprint(item["rule"], item["path"], text)
            elif not isinstance(fp, str) or not fp:
                raise BaselineError(f"{where}: 'fingerprint' must be a non-empty string")
            line = item.get("line", 0)
            entries.append(Entry(item["rule"], item["path"], fp, text, line if isinstance(line, int) else 0,
                                 str(item.get("message", ""))))
        root = os.path.dirname(os.path.abspath(path))
        return cls(entries, root, path)

    @classmethod
    def from_findings(cls, findings: Iterable[Finding], root: str) -> "Baseline":
        cache: dict[str, str] = {}
        entries = []
        for f in findings:
            rel = _rel(f.path, root)
            text = normalize_text(key_text(f, cache))
            excerpt = text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "\u2026"
            entries.append(Entry(f.rule, rel, fingerprint(f.rule, rel, text), excerpt, f.line, f.message))
        entries.sort(key=lambda e: (e.path, e.line, e.rule, e.fingerprint))
        return cls(entries, root)

    def dumps(self, generated_by: str = "") -> str:
        data = {
            "acu-lint-baseline": FORMAT_VERSION,
            "generated-by": generated_by,
            "findings": [e.to_json() for e in self.entries],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def write(self, path: str, generated_by: str = "") -> None:
        from acu_lint.engine import atomic_write

        try:
            atomic_write(path, self.dumps(generated_by).encode("utf-8"))
        except OSError as exc:
            raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None

    # ---- matching --------------------------------------------------------------
    def filter(self, findings: list[Finding],
               linted: Mapping[str, Iterable[str] | None] | Iterable[str] = ()) -> FilterResult:
        """Split ``findings`` into new ones and known ones.

        ``linted`` are the files checked in this run, optionally mapped to the
        rule ids that ran on each (None: all). An unmatched entry is stale only
        if its rule ran on its file, or its file no longer exists, so linting a
        few changed files or a few rules does not call the rest of the baseline
        stale.
        """
        budget = Counter(e.fingerprint for e in self.entries)
        cache: dict[str, str] = {}
        kept: list[Finding] = []
        matched = 0
        for f in findings:
            rel = _rel(f.path, self.root)
            fp = fingerprint(f.rule, rel, key_text(f, cache))
            if budget[fp] == 0 and f.data.get("scope") == "document":
                # a baseline written before whole-article findings had their own key
                # holds the fingerprint of the text they pointed at
                old = fingerprint(f.rule, rel, finding_text(f, cache))
                if budget[old] > 0:
                    fp = old
            if budget[fp] > 0:
                budget[fp] -= 1
                matched += 1
            else:
                kept.append(f)
        if isinstance(linted, Mapping):
            ran = {_rel(p, self.root): (None if ids is None else set(ids)) for p, ids in linted.items()}
        else:
            ran = {_rel(p, self.root): None for p in linted}
        stale = []
        for e in self.entries:
            if budget[e.fingerprint] <= 0:
                continue
            gone = not (e.path.startswith("<") or os.path.exists(os.path.join(self.root, e.path)))
            rules_run = ran.get(e.path, set())
            if gone or rules_run is None or e.rule in rules_run:
                budget[e.fingerprint] -= 1
                stale.append(e)
        return FilterResult(kept, matched, stale)
