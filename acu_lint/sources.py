"""Finding the articles and reading them (encodings, BOM, binary detection)."""
from __future__ import annotations

import codecs
import errno
import functools
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


def named_roots(paths: list[str]) -> tuple[str, ...]:
    """Where the paths the user named really are: a folder by its real path (a
    named folder may itself be a link), a file by the real path of its folder
    plus its own name (a named link to a file elsewhere does not make that
    elsewhere "named"). ``--fix`` writes only to files inside these."""
    out: list[str] = []
    for given in paths:
        if given == "-":
            continue
        try:
            if os.path.isdir(given):
                out.append(os.path.realpath(given))
            else:
                ab = os.path.abspath(given)
                out.append(os.path.join(os.path.realpath(os.path.dirname(ab)), os.path.basename(ab)))
        except (OSError, ValueError):
            continue
    return tuple(dict.fromkeys(out))


def inside(real: str, roots: tuple[str, ...] | list[str]) -> bool:
    """``real`` (a real, absolute path) is one of ``roots`` or lies under one."""
    for root in roots:
        if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
            return True
    return False


def discover(paths: list[str], resolver: ConfigResolver, errors: list[str], *,
             follow_symlinks: bool | None = None, respect_gitignore: bool | None = None,
             notices: list[str] | None = None) -> Iterator[str]:
    """Yield article files under ``paths`` in a stable (sorted) order, each real
    file once.

    Files named explicitly are always linted unless excluded (even when git
    ignores them). Folders are walked for the configured extensions, skipping
    hidden and VCS folders, ``exclude`` globs and (``respect_gitignore``, the
    default) what git ignores. A named path is used even if it is a symbolic
    link; inside a folder, links to folders are not followed unless
    ``follow_symlinks`` (and even then never back up into a folder being
    walked, nor out of the named paths); links to files are linted where they
    lie, after the real files, so a file reached both ways is linted under its
    own name. ``None`` for an option means: as the folder's config says.
    Problems (missing path, broken link, loop) go to ``errors``; one-line
    notices (a link not followed) to ``notices``."""
    walker = _Walker(resolver, errors, notices if notices is not None else [], named_roots(paths),
                     follow_symlinks, respect_gitignore)
    for given in paths:
        if not os.path.lexists(given):
            errors.append(f"{given}: no such file or directory")
            continue
        if os.path.islink(given) and not os.path.exists(given):
            errors.append(f"{given}: {_broken_link_reason(given)}")
            continue
        if os.path.isdir(given):
            yield from walker.walk(given)
        else:
            cfg = resolver.for_file(given)
            if cfg.is_excluded(given):
                continue
            real = os.path.realpath(given)
            if real in walker.seen:
                continue
            walker.seen.add(real)
            yield given
    yield from walker.finish()


class _Walker:
    """The folder walk behind :func:`discover` (os.scandir, sorted, depth first)."""

    def __init__(self, resolver: ConfigResolver, errors: list[str], notices: list[str],
                 roots: tuple[str, ...], follow: bool | None, gitignore: bool | None):
        self.resolver = resolver
        self.errors = errors
        self.notices = notices
        self.roots = roots
        self.follow_opt = follow
        self.gitignore_opt = gitignore
        self.seen: set[str] = set()  # real paths of the files yielded
        self.walked: set[str] = set()  # real paths of the folders walked
        self.file_links: list[str] = []  # links to files, as shown
        self.dir_links: list[tuple[str, str, bool]] = []  # (path shown, parent's real path, respect gitignore)
        self.ignored: set[str] = set()  # real paths git ignores (folders and files)
        self.git_asked: set[str] = set()  # work-tree folders already asked

    # -- options, from the CLI or the config of the folder walked -----------------
    def _options(self, top: str) -> tuple[bool, bool]:
        follow, gitignore = self.follow_opt, self.gitignore_opt
        if follow is None or gitignore is None:
            cfg = self.resolver.for_dir(top)
            if follow is None:
                follow = getattr(cfg, "follow_symlinks", False)
            if gitignore is None:
                gitignore = getattr(cfg, "respect_gitignore", True)
        return bool(follow), bool(gitignore)

    def walk(self, top: str) -> Iterator[str]:
        real_top = os.path.realpath(top)
        if real_top in self.walked:
            return
        follow, gitignore = self._options(top)
        if gitignore:
            self._ask_git(real_top, top, upward=True)
        yield from self._tree(top, real_top, follow, gitignore)

    def finish(self) -> Iterator[str]:
        """Links found on the way, once every real file has been seen: folders
        (with follow_symlinks) first, then files."""
        k = 0
        while k < len(self.dir_links):  # a followed folder may hold more links
            shown, parent_real, gitignore = self.dir_links[k]
            k += 1
            yield from self._follow(shown, parent_real, gitignore)
        for shown in self.file_links:
            real = os.path.realpath(shown)
            if real in self.seen:
                continue
            self.seen.add(real)
            yield shown

    def _follow(self, shown: str, parent_real: str, gitignore: bool) -> Iterator[str]:
        try:
            target = os.path.realpath(shown)
            ok = os.path.isdir(target)
        except (OSError, ValueError):
            ok = False
        if not ok:
            return
        if parent_real == target or parent_real.startswith(target.rstrip(os.sep) + os.sep):
            self.errors.append(f"{shown}: symbolic link loop; folder skipped")
            return
        if target in self.walked:
            return  # a second way into a folder already walked
        if not inside(target, self.roots):
            self.notices.append(f"{shown}: symbolic link to a folder outside the paths named ({target}); "
                                "not followed (name that folder to lint it)")
            return
        if gitignore and self._is_ignored(target):
            return
        yield from self._tree(shown, target, True, gitignore)

    def _tree(self, top: str, real_top: str, follow: bool, gitignore: bool) -> Iterator[str]:
        stack = [(top, real_top)]
        while stack:
            dirpath, real_dir = stack.pop()
            if real_dir in self.walked:
                continue
            self.walked.add(real_dir)
            try:
                with os.scandir(dirpath) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                self.errors.append(f"{dirpath}: cannot read folder: {exc.strerror or exc}")
                continue
            if gitignore and real_dir not in self.git_asked and any(e.name == ".git" for e in entries):
                self._ask_git(real_dir, dirpath, upward=False)  # a nested repository or submodule: its own ignores
            cfg = self.resolver.for_dir(dirpath)
            # Config.is_excluded(path) for each entry, with the folder's relative path
            # worked out once and plain names (.git, node_modules, ...) looked up in a
            # set: abspath, relpath and fnmatch per file were most of a walk's time
            rel_dir = relative_to(dirpath, cfg.root)
            prefix = "" if rel_dir == "." else rel_dir + "/"
            names, patterns = _split_excludes(tuple(cfg.exclude))
            dir_hit = bool(prefix) and any(part in names for part in rel_dir.split("/"))

            def excluded(name: str) -> bool:
                if dir_hit or name in names:
                    return True
                rel = prefix + name
                return any(path_matches(rel, p) for p in patterns)

            subdirs = []
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                full = os.path.join(dirpath, name)
                real = os.path.join(real_dir, name)
                if self.ignored and real in self.ignored:
                    continue
                try:
                    is_link = entry.is_symlink()
                    is_dir = not is_link and entry.is_dir(follow_symlinks=False)
                except OSError:
                    is_link = is_dir = False
                if is_dir:
                    if not excluded(name):
                        subdirs.append((full, real))
                    continue
                if is_link and follow and _points_to_dir(full):
                    if not excluded(name):
                        self.dir_links.append((full, real_dir, gitignore))
                    continue
                if os.path.splitext(name)[1].lower() not in cfg.extensions:
                    continue
                if excluded(name):
                    continue
                if is_link:
                    if not os.path.exists(full):
                        self.errors.append(f"{full}: {_broken_link_reason(full)}")
                    elif _is_regular(full):
                        self.file_links.append(full)
                    continue
                if not _entry_is_regular(entry):
                    continue  # a FIFO, socket or device: reading it could block forever
                if real in self.seen:
                    continue
                self.seen.add(real)
                yield full
            stack.extend(reversed(subdirs))

    # -- git ---------------------------------------------------------------------
    def _is_ignored(self, real: str) -> bool:
        if not self.ignored:
            return False
        p = real
        while True:
            if p in self.ignored:
                return True
            parent = os.path.dirname(p)
            if parent == p:
                return False
            p = parent

    def _ask_git(self, folder: str, shown: str, upward: bool) -> None:
        """Add what git ignores under ``folder`` (a real path) to ``self.ignored``:
        one ``git ls-files`` call, made only when the folder lies in a git work
        tree, so git's own rules apply (nested .gitignore files,
        .git/info/exclude, the global excludes file; tracked files are never
        ignored). Without git, or when git fails, nothing is skipped and a notice
        says so."""
        root = folder
        while not os.path.lexists(os.path.join(root, ".git")):
            if not upward:
                return
            parent = os.path.dirname(root)
            if parent == root:
                return  # not in a git work tree
            root = parent
        self.git_asked.add(folder)
        rel = os.path.relpath(folder, root)
        for entry in _git_ignored(root, rel, shown, self.notices):
            path = os.path.join(root, *entry.rstrip("/").split("/"))
            if folder == path or folder.startswith(path.rstrip(os.sep) + os.sep):
                continue  # the folder named is ignored as a whole: the user asked for it, lint it
            self.ignored.add(path)


def _git_ignored(root: str, rel: str, shown: str, notices: list[str]) -> list[str]:
    """What git ignores under ``rel`` (relative to the work tree ``root``), as
    paths relative to ``root``; folders ignored as a whole end in "/". Asked
    from the root with a literal pathspec: git run inside an ignored folder
    fails ("directory entry not superset of prefix") on some versions."""
    import subprocess

    cmd = ["git", "--literal-pathspecs", "-C", root, "ls-files", "-z", "--others", "--ignored",
           "--exclude-standard", "--directory", "--", rel]
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except FileNotFoundError:
        notices.append(f"{shown}: git is not installed, so .gitignore is not applied "
                       "(--no-respect-gitignore silences this)")
        return []
    except (OSError, subprocess.SubprocessError) as exc:
        notices.append(f"{shown}: could not ask git what it ignores ({exc}); .gitignore is not applied")
        return []
    if proc.returncode != 0:
        why = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        notices.append(f"{shown}: could not ask git what it ignores ({why[0] if why else f'exit {proc.returncode}'}); "
                       ".gitignore is not applied")
        return []
    return [os.fsdecode(p) for p in proc.stdout.split(b"\0") if p]


@functools.lru_cache(maxsize=64)
def _split_excludes(patterns: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(plain names, other patterns). A plain name (no "/" and no wildcard)
    matches a relative path exactly when it is one of the path's parts (see
    config.path_matches), so a set lookup per part gives the same answer."""
    names: set[str] = set()
    others: list[str] = []
    for p in patterns:
        q = p.strip().rstrip("/")
        if q.startswith("./"):
            q = q[2:]
        if q and not any(c in q for c in "/*?["):
            names.add(q)
        elif q:
            others.append(p)
    return frozenset(names), tuple(others)


def _points_to_dir(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except (OSError, ValueError):
        return False


def _entry_is_regular(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return True  # let read_source report the problem


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


__all__ = ["Source", "decode", "read_source", "encode", "discover", "named_roots", "inside", "path_matches",
           "relative_to"]
