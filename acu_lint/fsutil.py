"""Atomic file writes, shared by --fix, the result cache, the grammar cache and
the syllable table: a temp file in the same folder, then a rename, so a reader
(or a crash) sees the old content or the new, never half a file."""
from __future__ import annotations

import os


def _create_temp(folder: str, prefix: str, suffix: str) -> tuple[int, str]:
    """A new, empty file in ``folder``, created as open(2) creates files
    (0666 less the umask), not 0600 as tempfile.mkstemp does."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: no free temporary file name")


def write_atomic(path: str, data: bytes, *, mode: int | None = None, durable: bool = False,
                 prefix: str = ".tmp-", suffix: str = ".tmp") -> None:
    """Write ``data`` to ``path`` atomically.

    ``mode``: permission bits for the file. None: a file that exists keeps its
    mode, a new one gets what the umask gives (0644 under umask 022), as with
    any program that creates files.
    ``durable``: fsync the data before the rename and the folder after it, so the
    change survives a power cut (used for the user's articles; caches skip it).
    The temp file is removed on any error, Ctrl-C included."""
    folder = os.path.dirname(path) or "."
    if mode is None:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            mode = None  # a new file: the umask decided when the temp file was created
    fd, tmp = _create_temp(folder, prefix, suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)  # before the data: a private file's text is never readable by others
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None and not hasattr(os, "fchmod"):
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
