"""Finding the articles and reading them (encodings, BOM, binary detection)."""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from typing import Iterator

from acu_lint.config import ConfigResolver, path_matches, relative_to
from acu_lint.model import InputError


@dataclass
class Source:
    path: str  # as given / as displayed
    text: str  # decoded, BOM removed, line endings as in the file
    encoding: str = "utf-8"
    bom: bool = False


def decode(data: bytes, path: str) -> Source:
    """Decode file bytes: UTF-8 (with or without BOM) or UTF-16/32 with a BOM.
    Raises InputError with a one-line reason otherwise."""
    if data.startswith(codecs.BOM_UTF8):
        enc, bom, body = "utf-8", True, data[len(codecs.BOM_UTF8):]
    elif data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        enc, bom, body = "utf-32", True, data
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        enc, bom, body = "utf-16", True, data
    else:
        enc, bom, body = "utf-8", False, data
    try:
        text = body.decode(enc)
    except UnicodeDecodeError as exc:
        bad = body[exc.start:exc.start + 1].hex()
        raise InputError(f"{path}: not valid {enc.upper()} text (byte 0x{bad} at offset {exc.start}); "
                         "save it as UTF-8") from None
    if enc != "utf-8" and text.startswith("\ufeff"):
        text = text[1:]
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
    data = text.encode(source.encoding if source.encoding != "utf-8" else "utf-8")
    if source.encoding == "utf-8" and source.bom:
        data = codecs.BOM_UTF8 + data
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
            errors.append(f"{given}: broken symbolic link")
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
                errors.append(f"{full}: broken symbolic link")
                continue
            real = os.path.realpath(full)
            if real in seen:
                continue
            seen.add(real)
            yield full


__all__ = ["Source", "decode", "read_source", "encode", "discover", "path_matches", "relative_to"]
