"""Inline suppression comments.

``<!-- acu-lint-disable rule-a, rule-b -->`` ... ``<!-- acu-lint-enable rule-a -->``
and ``<!-- acu-lint-disable-next-line rule-a -->``; without ids they apply to
every rule. ``<!-- acu-lint-disable-file rule-a -->`` anywhere covers the whole
file (also for document-level findings). In .txt files the same comments work
on a line of their own. Comments inside code blocks are ignored.

Each disable comment remembers which of the rules it names suppressed a
finding, so that the engine can report the ones that suppressed nothing
(``unused-suppression``, as ruff's RUF100 does for ``# noqa``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from acu_lint.document import Document
from acu_lint.model import Edit, Finding, Fix

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


UNUSED_ID = "unused-suppression"


@dataclass(eq=False)
class Directive:
    """One suppression comment: ``what`` is disable, enable, disable-next-line
    or disable-file; ``ids`` the rule ids it names ({ALL} for none)."""

    what: str
    ids: frozenset[str]
    start: int  # offsets of the whole comment
    end: int
    line: int
    ids_span: tuple[int, int] = (0, 0)  # offsets of the id list inside the comment
    names: tuple[str, ...] = ()  # the ids in the order written
    used: set[str] = field(default_factory=set)  # ids (or ALL) that suppressed a finding


class Suppressions:
    def __init__(self, doc: Document):
        self.file_rules: set[str] = set()
        self.directives: list[Directive] = []
        self._file: list[Directive] = []
        # (line, kind, ids, directive) events in order
        self.events: list[tuple[int, str, frozenset[str], Directive]] = []
        self.next_line: dict[int, list[Directive]] = {}
        if "acu-lint-" not in doc.text:
            return
        code_lines: set[int] = set()
        for b in doc.blocks:
            if b.kind == "code":
                code_lines.update(range(b.line, b.end_line + 1))
        for m in _COMMENT.finditer(doc.text):
            line = doc.line_of(m.start())
            if line in code_lines:
                continue
            names = tuple(i for i in re.split(r"[\s,]+", m.group("ids").strip()) if i)
            ids = frozenset(names) or frozenset({ALL})
            what = m.group("what").lower()
            d = Directive(what, ids, m.start(), m.end(), line, (m.start("ids"), m.end("ids")), names)
            self.directives.append(d)
            if what == "disable-file":
                self.file_rules |= ids
                self._file.append(d)
            elif what == "disable-next-line":
                target = doc.line_of(m.end()) + 1
                # skip blank lines so the comment may stand above a paragraph
                while target <= doc.line_count and doc.is_blank_line(target):
                    target += 1
                self.next_line.setdefault(target, []).append(d)
            else:
                self.events.append((line, what, ids, d))

    def is_suppressed(self, rule: str, line: int) -> bool:
        """Whether a finding of ``rule`` starting on ``line`` is suppressed;
        every comment that suppresses it is marked as used."""
        found = False
        for d in self._file:
            if ALL in d.ids or rule in d.ids:
                d.used.add(rule if rule in d.ids else ALL)
                found = True
        for d in self.next_line.get(line, ()):
            if ALL in d.ids or rule in d.ids:
                d.used.add(rule if rule in d.ids else ALL)
                found = True
        disabled_all: Directive | None = None
        disabled: dict[str, Directive] = {}
        enabled_despite_all: set[str] = set()
        for ev_line, what, ids, d in self.events:
            if ev_line > line:
                break
            if what == "disable":
                if ALL in ids:
                    disabled_all, enabled_despite_all = d, set()
                    disabled.clear()
                else:
                    for i in ids:
                        disabled[i] = d
                    enabled_despite_all -= ids
            else:  # enable
                if ALL in ids:
                    disabled_all = None
                    disabled.clear()
                    enabled_despite_all.clear()
                else:
                    for i in ids:
                        disabled.pop(i, None)
                    if disabled_all is not None:
                        enabled_despite_all |= ids
        if rule in disabled:
            disabled[rule].used.add(rule)
            found = True
        elif disabled_all is not None and rule not in enabled_despite_all:
            disabled_all.used.add(ALL)
            found = True
        return found

    # -- unused-suppression ------------------------------------------------
    def unused(self, doc: Document, ran: set[str]) -> list[Finding]:
        """Findings for disable comments that name a rule which ran on this
        file (``ran``) and suppressed none of its findings. Comments without
        ids, ids of rules that did not run (not selected, backend missing,
        unknown ids) and ``unused-suppression`` itself are never reported."""
        out = []
        for d in self.directives:
            if d.what == "enable" or ALL in d.ids:
                continue
            stale = [i for i in d.names if i in ran and i != UNUSED_ID and i not in d.used]
            stale = list(dict.fromkeys(stale))
            if not stale:
                continue
            keep = [i for i in dict.fromkeys(d.names) if i not in stale]
            quoted = ", ".join(f"'{i}'" for i in stale)
            if keep:
                what = f"names {quoted}, which found nothing to suppress here"
                a, b = d.ids_span
                fix = Fix((Edit(a, b, " " + ", ".join(keep)),), True, "remove the unused rule ids from the comment")
            else:
                what = f"suppresses nothing: {quoted} found nothing {self._where(d)}"
                fix = Fix(tuple(self._delete_comment(doc, d)), True, "remove the unused suppression comment")
            out.append(Finding(
                d.start, d.end,
                f"Unused suppression: this acu-lint-{d.what} comment {what}. A stale comment would hide a "
                "future problem of the same kind; remove it.",
                fix=fix, data={"unused": stale},
            ))
        return out

    @staticmethod
    def _where(d: Directive) -> str:
        return {"disable-next-line": "on the next line", "disable-file": "in this file"}.get(d.what, "in its range")

    def _delete_comment(self, doc: Document, d: Directive) -> list[Edit]:
        edits = [_delete_span(doc, d.start, d.end)]
        if d.what == "disable":
            # its closing enable comment, when it names exactly the same rules, goes too
            for other in self.directives:
                if other.what == "enable" and other.start > d.end and other.ids == d.ids:
                    edits.append(_delete_span(doc, other.start, other.end))
                    break
        return edits


def _delete_span(doc: Document, start: int, end: int) -> Edit:
    """Remove ``text[start:end]``: the whole line(s) when nothing else stands
    on them, else the comment and the spaces before it."""
    first, last = doc.line_of(start), doc.line_of(max(start, end - 1))
    before = doc.text[doc.line_start(first):start]
    after = doc.text[end:doc.line_end(last)]
    if not before.strip() and not after.strip():
        if first == 1 or doc.is_blank_line(first - 1) or last >= doc.line_count:
            return doc.delete_lines(first, last)  # with the blank lines after it: no double gap left
        # text right above: the lines alone, so the gap below (if any) still separates that text
        return Edit(doc.line_start(first), doc.line_start(last + 1), "")
    a = start
    while a > 0 and doc.text[a - 1] in " \t":
        a -= 1
    if a == doc.line_start(first):  # the comment starts its line: take the spaces after it instead
        a, b = start, end
        while b < len(doc.text) and doc.text[b] in " \t":
            b += 1
        return Edit(a, b, "")
    return Edit(a, end, "")


class UnusedSuppression:
    r"""A suppression comment that no longer suppresses anything.

    ## What it finds
    An `acu-lint-disable`, `acu-lint-disable-next-line` or `acu-lint-disable-file`
    comment that names a rule which ran on the file and found nothing there to
    suppress: the problem it was written for has been fixed, or the text moved
    away from it. It is reported only when the named rule actually ran on the
    file (a rule left out by `--select`, `ignore`, `per-file-ignores` or a
    missing LanguageTool is never judged), never for comments without rule ids,
    and never for ids that are no rule (those get a warning on stderr).

    ## Why it matters
    A stale suppression is a hole in the net: it stays silent for ever and
    hides the next claim, caption or leftover of that kind that an editor
    writes on that line or in that range, so a health article can publish a
    problem that the linter was set up to catch. ruff reports unused `# noqa`
    comments for the same reason (RUF100).

    ## Examples
    - flagged (md): `# Knee pain\n\n<!-- acu-lint-disable-next-line web-boilerplate -->\nAcupuncture may help some people with knee pain.\n`
    - flagged (md): `# Knee pain\n\n<!-- acu-lint-disable web-boilerplate -->\nRest and gentle movement may help.\n<!-- acu-lint-enable web-boilerplate -->\n`
    - not flagged (md): `# Knee pain\n\n<!-- acu-lint-disable-next-line web-boilerplate -->\nScroll to Top\n`
    - not flagged (md): `# Knee pain\n\n<!-- acu-lint-disable-next-line -->\nAcupuncture may help some people with knee pain.\n`

    ## Fix
    Safe: `--fix` removes the comment (its whole line when it stands alone,
    together with the matching `acu-lint-enable` comment of a range), or, when
    only some of the rule ids it names are unused, just those ids.

    ## Options
    None.
    """

    ID = UNUSED_ID
    SEVERITY = "warning"
    FIXABLE = True
    OPTIONS: dict = {}

    @staticmethod
    def check(doc, options):
        """The engine reports unused suppressions itself, after every other
        rule ran (see :meth:`Suppressions.unused`)."""
        return ()
