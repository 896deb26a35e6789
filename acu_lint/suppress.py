"""Inline suppression comments.

``<!-- acu-lint-disable rule-a, rule-b -->`` ... ``<!-- acu-lint-enable rule-a -->``
and ``<!-- acu-lint-disable-next-line rule-a -->``; without ids they apply to
every rule. ``<!-- acu-lint-disable-file rule-a -->`` anywhere covers the whole
file (also for document-level findings). In .txt files the same comments work
on a line of their own. Comments inside code blocks are ignored.
"""
from __future__ import annotations

import re

from acu_lint.document import Document

_COMMENT = re.compile(
    r"<!--\s*acu-lint-(?P<what>disable-next-line|disable-file|disable|enable)\b(?P<ids>[^>]*?)\s*-->",
    re.I,
)
ALL = "*"


def named_rules(text: str) -> list[tuple[int, str]]:
    """(line, rule id) of every rule a suppression comment in ``text`` names."""
    if "acu-lint-" not in text:
        return []
    out = []
    for m in _COMMENT.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        out.extend((line, i) for i in re.split(r"[\s,]+", m.group("ids").strip()) if i)
    return out


class Suppressions:
    def __init__(self, doc: Document):
        self.file_rules: set[str] = set()
        # (line, kind, ids) events in order
        self.events: list[tuple[int, str, frozenset[str]]] = []
        self.next_line: dict[int, set[str]] = {}
        code_lines: set[int] = set()
        for b in doc.blocks:
            if b.kind == "code":
                code_lines.update(range(b.line, b.end_line + 1))
        if "acu-lint-" not in doc.text:
            return
        for m in _COMMENT.finditer(doc.text):
            line = doc.line_of(m.start())
            if line in code_lines:
                continue
            ids = frozenset(i for i in re.split(r"[\s,]+", m.group("ids").strip()) if i) or frozenset({ALL})
            what = m.group("what").lower()
            if what == "disable-file":
                self.file_rules |= ids
            elif what == "disable-next-line":
                target = doc.line_of(m.end()) + 1
                # skip blank lines so the comment may stand above a paragraph
                while target <= doc.line_count and doc.is_blank_line(target):
                    target += 1
                self.next_line.setdefault(target, set()).update(ids)
            else:
                self.events.append((line, what, ids))

    def is_suppressed(self, rule: str, line: int) -> bool:
        if ALL in self.file_rules or rule in self.file_rules:
            return True
        nl = self.next_line.get(line)
        if nl and (ALL in nl or rule in nl):
            return True
        disabled_all = False
        disabled: set[str] = set()
        enabled_despite_all: set[str] = set()
        for ev_line, what, ids in self.events:
            if ev_line > line:
                break
            if what == "disable":
                if ALL in ids:
                    disabled_all, enabled_despite_all = True, set()
                    disabled.clear()
                else:
                    disabled |= ids
                    enabled_despite_all -= ids
            else:  # enable
                if ALL in ids:
                    disabled_all = False
                    disabled.clear()
                    enabled_despite_all.clear()
                else:
                    disabled -= ids
                    if disabled_all:
                        enabled_despite_all |= ids
        if disabled_all and rule not in enabled_despite_all:
            return True
        return rule in disabled
