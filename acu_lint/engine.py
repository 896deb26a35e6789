"""The engine: one Document per file, every enabled rule, suppressions,
severities, and fixes. It knows no rule by name."""
from __future__ import annotations

import bisect
import difflib
import os
import re
from dataclasses import dataclass, field
from typing import Any

from acu_lint.document import Document
from acu_lint.model import AcuLintError, BackendUnavailable, Edit, Finding
from acu_lint.suppress import UNUSED_ID, Suppressions

MAX_FIX_PASSES = 5
# every character str.splitlines() breaks on
_LINE_BREAKS = re.compile(r"\s*[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+\s*")


@dataclass
class RuleSetup:
    """What the engine needs to run one rule on one file."""

    id: str
    check: Any
    options: dict[str, Any]
    severity: str  # the rule's default severity
    override: str | None = None  # from config `severity:`; wins over everything
    origin: str | None = None  # config file the options came from (named in option errors)


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one-line problems (exit 2)
    unavailable: list[str] = field(default_factory=list)  # backends not reachable (exit 3)
    fixed: int = 0  # findings removed by fixes
    fixed_text: str | None = None  # new content when fixes changed it
    original_text: str | None = None
    diff: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    unchecked: bool = False  # the file could not be read or linted: nothing was checked
    warnings: list[str] = field(default_factory=list)  # one-line notices on stderr (exit code unchanged)


def lint_document(doc: Document, rules: list[RuleSetup], result: FileResult | None = None) -> list[Finding]:
    result = result if result is not None else FileResult(doc.path)
    sup = Suppressions(doc)
    out: list[Finding] = []
    ran: set[str] = set()  # rules that ran to the end on this file
    unused_rule: RuleSetup | None = None
    for rule in rules:
        if rule.id == UNUSED_ID:
            unused_rule = rule  # judged after every other rule (below)
            continue
        try:
            produced = list(rule.check(doc, rule.options) or ())
        except BackendUnavailable as exc:
            msg = str(exc)
            if msg not in result.unavailable:
                result.unavailable.append(msg)
            continue
        except RecursionError:
            result.errors.append(f"{doc.path}: rule {rule.id} gave up: the document is nested too deeply")
            continue
        except AcuLintError as exc:  # e.g. a user pattern from the config that ran too long
            origin = f"{rule.origin}: " if rule.origin else ""
            result.errors.append(f"{doc.path}: {origin}{exc}")
            continue
        except Exception as exc:  # a rule bug must not take the whole run down
            result.errors.append(f"{doc.path}: rule {rule.id} failed: {type(exc).__name__}: {exc}")
            continue
        ran.add(rule.id)
        for f in produced:
            _place(doc, rule, f)
            if f.data.get("incomplete"):  # a partial result (e.g. a backend that ran out of time): never cached,
                result.data["incomplete"] = True  # even when the finding that says so is suppressed
            if sup.is_suppressed(rule.id, f.line):
                continue
            out.append(f)
    if unused_rule is not None and sup.directives:
        # disable comments naming a rule that ran and suppressed none of its findings (as ruff's RUF100)
        for f in sup.unused(doc, ran):
            _place(doc, unused_rule, f)
            if not sup.is_suppressed(UNUSED_ID, f.line):
                out.append(f)
    out.sort(key=Finding.sort_key)
    return out


def _place(doc: Document, rule: RuleSetup, f: Finding) -> None:
    """Fill in what the engine adds to a rule's finding: rule, path, severity, positions, snippet."""
    f.rule = rule.id
    f.path = doc.path
    if _LINE_BREAKS.search(f.message):  # a quoted block may hold line breaks: keep one line per finding
        f.message = _LINE_BREAKS.sub(" ", f.message)
    f.severity = rule.override or f.severity or rule.severity
    start = max(0, min(f.start, len(doc.text)))
    end = max(start, min(f.end, len(doc.text)))
    f.start, f.end = start, end
    f.line, f.column = doc.position(start)
    f.end_line, f.end_column = doc.position(end)
    if not f.snippet:
        f.snippet = doc.text[start:end]  # the finding's text (baseline fingerprints)


def apply_edits(text: str, edits: list[Edit]) -> str:
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: e.start] + e.text + text[e.end:]
    return text


def select_fixes(findings: list[Finding], unsafe: bool) -> tuple[list[Edit], list[Finding]]:
    """Non-overlapping edits of the fixable findings (first come, first served)."""
    taken: list[tuple[int, int]] = []
    edits: list[Edit] = []
    used: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.fix.edits[0].start if f.fix and f.fix.edits else 0)):
        if f.fix is None or not f.fix.edits or (not f.fix.safe and not unsafe):
            continue
        spans = [(e.start, e.end) for e in f.fix.edits]
        if any(_overlaps(s, t) for s in spans for t in taken):
            continue
        taken.extend(spans)
        edits.extend(f.fix.edits)
        used.append(f)
    return edits, used


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions conflict only at the same point
        return a[0] == b[0] or (b[0] < a[0] < b[1]) or (a[0] < b[0] < a[1])
    return a[0] < b[1] and b[0] < a[1]


def fix_document(doc: Document, rules: list[RuleSetup], unsafe: bool, result: FileResult,
                 passes: list[list[Edit]] | None = None) -> tuple[Document, list[Finding]]:
    """Apply fixes until none is left (at most MAX_FIX_PASSES passes).
    Returns the final document and its remaining findings. When ``passes`` is
    a list, the edits of each pass (offsets into that pass's text) are appended
    to it, so that :func:`replay_on_source` can redo them on the original text."""
    findings = lint_document(doc, rules, result)
    for _ in range(MAX_FIX_PASSES):
        edits, used = select_fixes(findings, unsafe)
        if not edits:
            break
        new_text = apply_edits(doc.text, edits)
        if new_text == doc.text:
            break
        if passes is not None:
            passes.append(list(edits))
        result.fixed += len(used)
        doc = Document(new_text, doc.path, doc.kind)
        scratch = FileResult(doc.path)
        findings = lint_document(doc, rules, scratch)
    return doc, findings


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def replay_on_source(source: str, passes: list[list[Edit]]) -> str:
    """Redo fix passes (computed on the LF-normalised text) on the text as it
    is in the file, so every line that no fix touched keeps its own line
    ending (CRLF, LF or CR, mixed files included). New line breaks inside
    inserted text take the file's most common ending."""
    counts = {"\r\n": 0, "\r": 0, "\n": 0}
    for m in _LINE_BREAK.finditer(source):
        counts[m.group()] += 1
    newline = max(("\n", "\r\n", "\r"), key=lambda k: counts[k])  # ties: LF
    for edits in passes:
        norm_pos: list[int] = []  # offset of each line break in the normalised text
        extra: list[int] = [0]  # extra source chars before the k-th break
        for m in _LINE_BREAK.finditer(source):
            norm_pos.append(m.start() - extra[-1])
            extra.append(extra[-1] + len(m.group()) - 1)

        def to_src(i: int) -> int:
            return i + extra[bisect.bisect_left(norm_pos, i)]

        for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
            a, b = to_src(e.start), to_src(e.end)
            source = source[:a] + e.text.replace("\n", newline) + source[b:]
    return source


def _patch_lines(text: str) -> list[str]:
    """Lines as patch tools count them: broken at "\\n" only (str.splitlines also
    breaks at form feeds, U+2028 and others, which patch and git apply do not)."""
    return _PATCH_LINE.findall(text)


_PATCH_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff that ``patch`` and ``git apply`` accept: a last line
    without a line break is marked as such, as diff(1) does."""
    out = []
    for k, line in enumerate(difflib.unified_diff(
        _patch_lines(before),
        _patch_lines(after),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )):
        # the first two lines are the ---/+++ header, then hunks of " ", "-", "+" and "@@" lines
        if k >= 2 and line[:1] in " -+" and not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def atomic_write(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the
    new content: temp file in the same folder, fsync, mode kept, rename."""
    from acu_lint.fsutil import write_atomic

    real = os.path.realpath(path)
    try:
        mode = os.stat(real).st_mode & 0o7777
    except OSError:
        mode = None
    write_atomic(real, data, mode=mode, durable=True, prefix=".acu-lint-", suffix=".tmp")
