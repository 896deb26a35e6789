"""Finding the articles and reading them (encodings, BOM, binary detection)."""
from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from typing import Iterator

from acu_lint.config import ConfigResolver, path_matches, relative_to
from acu_lint.model import InputError


@dataclass
class Source:
    path: str  # as given / as displayed
    text: str  # decoded, BOM removed, line endings as in the file
    encoding: str = "utf-8"  # with byte order for UTF-16/32 ("utf-16-le"), as written back
    bom: bool = False


_BOMS = {  # encoding (with byte order) -> its byte-order mark
    "utf-8": codecs.BOM_UTF8,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}


_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")


def _looks_binary(body: bytes) -> bool:
    """Text in a legacy encoding (Latin-1, Windows-1251, ...) has high bytes but
    next to no control bytes; an image, archive or executable has many (random
    data: about one byte in eight)."""
    head = body[:8192]
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls > max(2, len(head) // 50)


def decode(data: bytes, path: str) -> Source:
    """Decode file bytes: UTF-8 (with or without BOM) or UTF-16/32 with a BOM.
    Raises InputError with a one-line reason otherwise."""
    for enc, mark in _BOMS.items():  # UTF-32 LE before UTF-16 LE: same first bytes
        if data.startswith(mark):
            bom, body = True, data[len(mark):]
            break
    else:
        enc, bom, body = "utf-8", False, data
    try:
        text = body.decode(enc)
    except UnicodeDecodeError as exc:
        bad = body[exc.start:exc.start + 1].hex()
        at = exc.start + len(data) - len(body)  # offset in the file, BOM included
        if not bom and _looks_binary(body):
            raise InputError(f"{path}: looks like a binary file (not text in any encoding acu-lint reads); "
                             "not linted") from None
        raise InputError(f"{path}: not valid {enc.upper()} text (byte 0x{bad} at offset {at}); "
                         "save it as UTF-8") from None
    if "\x00" in text:
        raise InputError(f"{path}: looks like a binary file (contains a NUL byte); not linted")
    return Source(path=path, text=text, encoding=enc, bom=bom)


def read_source(path: str) -> Source:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, path)


def encode(source: Source, text: str) -> bytes:
    """The bytes to write back: same encoding, byte order and BOM as read."""
    data = text.encode(source.encoding)
    if source.bom:
        data = _BOMS[source.encoding] + data
    return data


def discover(paths: list[str], resolver: ConfigResolver, errors: list[str]) -> Iterator[str]:
    """Yield article files under ``paths`` in a stable (sorted) order.

    Folders are walked for the configured extensions, skipping hidden and
    VCS folders and ``exclude`` globs; files named explicitly are always linted
    unless excluded. Problems (missing path, symlink loop) go to ``errors``."""
    seen: set[str] = set()
    for given in paths:
        if not os.path.lexists(given):
            errors.append(f"{given}: no such file or directory")
            continue
        if os.path.islink(given) and not os.path.exists(given):
            errors.append(f"{given}: {_broken_link_reason(given)}")
            continue
        if os.path.isdir(given):
            yield from _walk(given, resolver, errors, seen)
        else:
            cfg = resolver.for_file(given)
            if cfg.is_excluded(given):
                continue
            real = os.path.realpath(given)
            if real in seen:
                continue
            seen.add(real)
            yield given


def _walk(top: str, resolver: ConfigResolver, errors: list[str], seen: set[str]) -> Iterator[str]:
    visited_dirs: set[tuple[int, int]] = set()

    def onerror(exc: OSError) -> None:
        errors.append(f"{exc.filename}: cannot read folder: {exc.strerror}")

    for dirpath, dirnames, filenames in os.walk(top, onerror=onerror, followlinks=True):
        try:
            st = os.stat(dirpath)
            key = (st.st_dev, st.st_ino)
        except OSError:
            dirnames[:] = []
            continue
        if key in visited_dirs:
            # a link to one of its own parent folders is a loop (reported); a
            # second way into a folder already walked is not a problem
            real = os.path.realpath(dirpath)
            parent = os.path.realpath(os.path.dirname(dirpath))
            if parent == real or parent.startswith(real.rstrip(os.sep) + os.sep):
                errors.append(f"{dirpath}: symbolic link loop; folder skipped")
            dirnames[:] = []
            continue
        visited_dirs.add(key)
        cfg = resolver.for_dir(dirpath)
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            full = os.path.join(dirpath, d)
            if cfg.is_excluded(full):
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            if os.path.splitext(name)[1].lower() not in cfg.extensions:
                continue
            if cfg.is_excluded(full):
                continue
            if os.path.islink(full) and not os.path.exists(full):
                errors.append(f"{full}: {_broken_link_reason(full)}")
                continue
            if not _is_regular(full):
                continue  # a FIFO, socket or device: reading it could block forever
            real = os.path.realpath(full)
            if real in seen:
                continue
            seen.add(real)
            yield full


def _broken_link_reason(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link"


def _is_regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # let read_source report the problem


__all__ = ["Source", "decode", "read_source", "encode", "discover", "path_matches", "relative_to"]
