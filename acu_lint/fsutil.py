"""Atomic file writes, shared by --fix, the result cache, the grammar cache and
the syllable table: a temp file in the same folder, then a rename, so a reader
(or a crash) sees the old content or the new, never half a file."""
from __future__ import annotations

import os
import tempfile


def write_atomic(path: str, data: bytes, *, mode: int | None = None, durable: bool = False,
                 prefix: str = ".tmp-", suffix: str = ".tmp") -> None:
    """Write ``data`` to ``path`` atomically.

    ``mode``: permission bits for the new file (mkstemp creates 0600).
    ``durable``: fsync the data before the rename and the folder after it, so the
    change survives a power cut (used for the user's articles; caches skip it).
    The temp file is removed on any error, Ctrl-C included."""
    folder = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        try:  # make the rename durable too
            dfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:
            pass
