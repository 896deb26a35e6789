"""Entry points of one group, read without importing ``importlib.metadata``.

``importlib.metadata`` costs about 35 ms to import (it pulls in ``email``,
``zipfile``, ``csv``...), a tenth of a pre-commit run on one file, and all the
rule registry needs from it is the ``[acu_lint.rules]`` section of each
installed distribution's ``entry_points.txt``. This module reads exactly that:
for every folder on ``sys.path``, the ``*.dist-info`` and ``*.egg-info``
folders in it, the first distribution of a name winning, as
``importlib.metadata`` does. Anything it does not handle (a zip file or an
egg on ``sys.path``) makes it return None, and the caller falls back to
``importlib.metadata``.
"""
from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass
from typing import Any

_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]\s*$")
_DIST_NAME = re.compile(r"[-_.]+")


@dataclass(frozen=True)
class Dist:
    name: str


@dataclass(frozen=True)
class EntryPoint:
    """What the registry uses of ``importlib.metadata.EntryPoint``."""

    name: str
    value: str
    group: str
    dist: Dist | None = None

    def load(self) -> Any:
        module, _, attr = self.value.partition(":")
        obj = importlib.import_module(module.strip())
        for part in attr.strip().split(".") if attr.strip() else ():
            obj = getattr(obj, part)
        return obj


def _normalize(name: str) -> str:
    return _DIST_NAME.sub("_", name).lower()


def _dist_name(folder: str) -> str:
    """``acu_lint-0.1.0.dist-info`` -> ``acu_lint``; ``foo.egg-info`` -> ``foo``."""
    stem = folder.rsplit(".", 1)[0]
    return stem.split("-", 1)[0]


def parse(text: str, group: str, dist: Dist | None) -> list[EntryPoint]:
    out: list[EntryPoint] = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        m = _SECTION.match(line)
        if m:
            current = m.group("name").strip()
            continue
        if current != group or "=" not in line:
            continue
        name, _, value = line.partition("=")
        out.append(EntryPoint(name.strip(), value.strip(), group, dist))
    return out


def entry_points(group: str, path: list[str] | None = None) -> list[EntryPoint] | None:
    """The entry points of ``group`` in the distributions on ``path``
    (default ``sys.path``), or None when the layout needs importlib.metadata."""
    seen: set[str] = set()
    out: list[EntryPoint] = []
    for entry in (sys.path if path is None else path):
        folder = entry or os.getcwd()
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return None  # a zip file or an egg: importlib.metadata knows those
        except OSError:
            continue
        metas = sorted(n for n in names if n.endswith((".dist-info", ".egg-info")))
        for meta in metas:
            dist_name = _dist_name(meta)
            key = _normalize(dist_name)
            if key in seen:
                continue
            meta_path = os.path.join(folder, meta)
            if not os.path.isdir(meta_path):
                if meta.endswith(".egg-info"):
                    continue  # a single-file PKG-INFO: no entry points
                continue
            seen.add(key)
            try:
                with open(os.path.join(meta_path, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except FileNotFoundError:
                continue
            except (OSError, UnicodeDecodeError):
                return None
            if group in text:
                out.extend(parse(text, group, Dist(dist_name)))
    return out
