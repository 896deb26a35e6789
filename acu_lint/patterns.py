"""User-supplied regular expressions (from config) are untrusted input.

They are compiled with the ``regex`` package and every match runs with a time
limit, so a pattern that backtracks catastrophically (``(a+)+$`` on a long
line) cannot hang a run: it is reported by key instead.
"""
from __future__ import annotations

import regex

from acu_lint.model import AcuLintError

MATCH_TIMEOUT = 0.5  # seconds per match call


class PatternError(AcuLintError):
    pass


class UserPattern:
    def __init__(self, pattern: str, where: str):
        self.source = pattern
        self.where = where
        try:
            self._rx = regex.compile(pattern, regex.I | regex.V0)
        except regex.error as exc:
            raise PatternError(f"{where}: invalid regular expression {pattern!r}: {exc}") from None

    def _run(self, method: str, text: str):
        try:
            return getattr(self._rx, method)(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise PatternError(
                f"{self.where}: pattern {self.source!r} took longer than {MATCH_TIMEOUT}s on one block "
                "(catastrophic backtracking?); simplify it"
            ) from None

    def search(self, text: str):
        return self._run("search", text)

    def fullmatch(self, text: str):
        return self._run("fullmatch", text)

    def finditer(self, text: str):
        try:
            return list(self._rx.finditer(text, timeout=MATCH_TIMEOUT))
        except TimeoutError:
            raise PatternError(
                f"{self.where}: pattern {self.source!r} took longer than {MATCH_TIMEOUT}s (catastrophic backtracking?)"
            ) from None


def compile_user_pattern(pattern: str, where: str) -> UserPattern:
    if not isinstance(pattern, str) or not pattern:
        raise PatternError(f"{where}: a pattern must be a non-empty string")
    return UserPattern(pattern, where)
