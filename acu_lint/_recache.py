"""Compiled regular expressions carried from one run to the next.

Python's ``re`` parses and compiles a pattern in Python code; only matching runs
in C. The rules' phrase lists make large patterns, and compiling them cost a
fresh process (a pre-commit run on one file) more than linting the file did.
``acu_lint/_re_table.py``, written by ``tools/gen_re_table.py``, holds the
compiled form (the opcode list the C engine takes) of every pattern a lint of
the sample articles compiles, keyed by the exact pattern text and flags. When
the running interpreter is the one the table was made with (same Python
version, ``_sre.MAGIC``, code size and Unicode range), :func:`install` routes
``re``'s compiler through the table: a pattern found there is handed to the C
engine directly, anything else (a user's pattern, an edited rule) is compiled
as usual. The result is the same Pattern either way; tests/test_recache.py
compiles every entry again and compares.
"""
from __future__ import annotations

import re
import sys


def table_key() -> tuple:
    import _sre

    return (sys.version_info[:2], _sre.MAGIC, _sre.CODESIZE, sys.maxunicode)


def compile_entry(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern``:
    (flags, code, groups, groupindex, indexgroup)."""
    comp = re._compiler  # type: ignore[attr-defined]
    parsed = comp._parser.parse(pattern, flags)
    code = comp._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    from array import array

    import binascii
    import zlib

    # the opcodes as machine words, compressed, in base64 (one short string per
    # pattern, not one object per number; decoded only when the pattern is used)
    words = array(_ARRAY_TYPE, [int(c) for c in code]).tobytes()
    packed = binascii.b2a_base64(zlib.compress(words, 9), newline=False).decode("ascii")
    return (flags | parsed.state.flags, packed, parsed.state.groups - 1, groupindex, tuple(indexgroup))


# an array type of the engine's code size (_sre.CODESIZE: 4 bytes)
_ARRAY_TYPE = "I"


def install() -> bool:
    """Route ``re``'s compiler through the stored table; True when it is in use."""
    import os

    comp = getattr(re, "_compiler", None)  # Python 3.11+
    if os.environ.get("ACU_LINT_NO_RE_TABLE"):  # measuring, or ruling the table out
        return False
    if comp is None or getattr(comp.compile, "_acu_table", False):
        return comp is not None
    try:
        from acu_lint import _re_table
    except ImportError:  # pragma: no cover - not generated
        return False
    if tuple(_re_table.KEY) != table_key():
        return False
    import _sre

    import binascii
    import zlib
    from array import array

    if array(_ARRAY_TYPE).itemsize != _sre.CODESIZE:  # pragma: no cover - exotic platform
        return False
    table = _re_table.TABLE
    original = comp.compile
    build = _sre.compile

    def compile(p, flags=0):  # noqa: A001 - the name re._compile calls
        if isinstance(p, str):
            entry = table.get((p, flags))
            if entry is not None:
                code = array(_ARRAY_TYPE, zlib.decompress(binascii.a2b_base64(entry[1]))).tolist()
                return build(p, entry[0], code, entry[2], entry[3], entry[4])
        return original(p, flags)

    compile._acu_table = True  # type: ignore[attr-defined]
    compile._acu_original = original  # type: ignore[attr-defined]
    comp.compile = compile
    return True
