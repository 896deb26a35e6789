"""A progress bar on stderr for long runs on a terminal.

Shown only when stderr is a terminal, ``CI`` is not set, ``TERM`` is not
``dumb``, and the run is long: more than ``MIN_FILES`` files, or still going
after ``MIN_SECONDS``. Redrawn at most ten times a second on one line and
erased at the end, so the report that follows starts on a clean line.
"""
from __future__ import annotations

import os
import shutil
import time
from typing import TextIO

MIN_FILES = 50
MIN_SECONDS = 2.0
REDRAW_EVERY = 0.1


def wanted(stream: TextIO, env: dict | None = None) -> bool:
    env = os.environ if env is None else env
    if env.get("CI") or env.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class ProgressBar:
    def __init__(self, stream: TextIO, clock=time.monotonic):
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.last_draw = 0.0
        self.visible = False
        self.width = 0

    @classmethod
    def for_stream(cls, stream: TextIO, env: dict | None = None) -> "ProgressBar | None":
        return cls(stream) if wanted(stream, env) else None

    def update(self, done: int, total: int) -> None:
        now = self.clock()
        if not self.visible and total <= MIN_FILES and now - self.started < MIN_SECONDS:
            return
        if self.visible and now - self.last_draw < REDRAW_EVERY and done < total:
            return
        self.last_draw = now
        self._draw(done, total, now - self.started)

    def _draw(self, done: int, total: int, elapsed: float) -> None:
        cols = shutil.get_terminal_size((80, 24)).columns
        label = f" {done}/{total} files {elapsed:.1f}s"
        bar_width = max(10, min(40, cols - len(label) - 12))
        filled = int(bar_width * done / total) if total else bar_width
        line = f"acu-lint [{'#' * filled}{'.' * (bar_width - filled)}]{label}"
        line = line[: max(1, cols - 1)]
        try:
            self.stream.write("\r" + line.ljust(self.width))
            self.stream.flush()
        except (OSError, ValueError):
            return
        self.width = len(line)
        self.visible = True

    def close(self) -> None:
        if self.visible:
            try:
                self.stream.write("\r" + " " * self.width + "\r")
                self.stream.flush()
            except (OSError, ValueError):
                pass
            self.visible = False
