"""The Document: one parse per file, shared by every rule.

A Document holds the decoded text (line endings normalised to ``\\n``; the
original endings are remembered so that fixes write them back), the line index
and a flat list of :class:`Block` objects with kind, exact span and, for text
blocks, a :class:`Prose` view: the words a reader sees, markup removed, every
character mapped back to its offset in the source.

Markdown is parsed with markdown-it-py, HTML with the standard library's HTML
parser (positions taken from the parser, never re-mapped from a conversion),
plain text by inference.

A Markdown file whose whole article an AI pipeline wrapped in one code fence
(```` ```markdown ```` ... ```` ``` ````, ```` ```md ````, a bare ```` ``` ```` or
``~~~``, at the start or after a short preamble such as "Here is the revised
article:") is read as the article it holds: the inside is parsed as Markdown
with its blocks at their exact lines, and the two fence lines are ``code``
blocks of their own (``data["wrapper"]`` = ``"open"`` / ``"close"``), never
prose; ``Document.wrapper`` gives their lines (see :func:`find_wrapper`). A
real code sample (a fence marked as a language, or one with the article's
prose outside it) stays one code block.
"""
from __future__ import annotations

import bisect
import html
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import accumulate
from operator import attrgetter
from typing import Any, Iterator, Sequence

from acu_lint.model import Edit

MARKDOWN_EXTS = {".md", ".markdown", ".mdown", ".mkd"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
TEXT_EXTS = {".txt", ".text"}

# Kinds of block a rule may see.
PROSE_KINDS = ("heading", "paragraph", "list_item")


class Offsets(Sequence[int]):
    """The source offset of every character of a prose text, stored as runs.

    Prose is mostly long stretches of source text copied as they stand, so
    ``offsets`` is kept as runs (text position where a run starts, source
    offset of that character) rather than one Python int per character, which
    cost about 36 bytes a character on a long article. It reads like a list of
    ints: ``offsets[i]``, ``len``, iteration, slices (a slice is a list), and it
    compares equal to a list with the same numbers."""

    __slots__ = ("_starts", "_sources", "_n")

    def __init__(self, starts: list[int], sources: list[int], n: int):
        self._starts = starts  # text position of each run's first character, ascending, starts[0] == 0
        self._sources = sources  # source offset of that character
        self._n = n

    @classmethod
    def from_list(cls, offsets: Sequence[int]) -> "Offsets":
        starts: list[int] = []
        sources: list[int] = []
        expect = None
        for i, o in enumerate(offsets):
            if o != expect:
                starts.append(i)
                sources.append(o)
            expect = o + 1
        return cls(starts, sources, len(offsets))

    def __len__(self) -> int:
        return self._n

    def _at(self, k: int) -> int:
        r = bisect.bisect_right(self._starts, k) - 1
        return self._sources[r] + k - self._starts[r]

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            a, b, step = k.indices(self._n)
            if step != 1:
                return [self._at(i) for i in range(a, b, step)]
            out: list[int] = []
            if a >= b:
                return out
            starts, sources, n = self._starts, self._sources, self._n
            r = bisect.bisect_right(starts, a) - 1
            pos = a
            while pos < b:
                run_end = starts[r + 1] if r + 1 < len(starts) else n
                stop = min(b, run_end)
                src = sources[r] + pos - starts[r]
                out.extend(range(src, src + stop - pos))
                pos = stop
                r += 1
            return out
        if k < 0:
            k += self._n
        if not 0 <= k < self._n:
            raise IndexError("offset index out of range")
        return self._at(k)

    def __iter__(self) -> Iterator[int]:
        starts, sources, n = self._starts, self._sources, self._n
        for r, src in enumerate(sources):
            end = starts[r + 1] if r + 1 < len(starts) else n
            yield from range(src, src + end - starts[r])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return self._n == other._n and self._starts == other._starts and self._sources == other._sources
        if isinstance(other, (list, tuple)):
            return self._n == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Offsets({list(self)!r})"


def _prose_from_pieces(pieces: list[tuple[str, int]]) -> "Prose":
    """A Prose from ``(text, source offset)`` pieces, each piece's characters
    consecutive in the source; outer whitespace trimmed."""
    if len(pieces) == 1:  # the common case: one run of source text
        piece, src = pieces[0]
        text = piece.strip()
        if not text:
            return Prose("", Offsets([], [], 0))
        return Prose(text, Offsets([0], [src + len(piece) - len(piece.lstrip())], len(text)))
    text = "".join([p for p, _ in pieces])
    lead = len(text) - len(text.lstrip())
    end = len(text.rstrip()) if lead < len(text) else lead
    starts: list[int] = []
    sources: list[int] = []
    pos = 0
    expect = None
    for piece, src in pieces:
        n = len(piece)
        a = max(pos, lead)
        b = min(pos + n, end)
        if a < b:
            o = src + a - pos
            if o != expect:
                starts.append(a - lead)
                sources.append(o)
            expect = o + (b - a)
        pos += n
    return Prose(text[lead:end], Offsets(starts, sources, max(0, end - lead)))


@dataclass
class Prose:
    """Text as a reader sees it, with ``offsets[i]`` = source offset of ``text[i]``
    (an :class:`Offsets`, or any sequence of ints)."""

    text: str
    offsets: Sequence[int]

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Source span (start, end-exclusive) of ``text[i:j]``."""
        if not self.offsets:
            return (0, 0)
        i = min(max(i, 0), len(self.offsets) - 1)
        j = min(max(j, i + 1), len(self.offsets))
        return self.offsets[i], self.offsets[j - 1] + 1

    def __bool__(self) -> bool:
        # = bool(self.text.strip()): some character is not whitespace (isspace stops at the first)
        text = self.text
        return bool(text) and not text.isspace()


@dataclass
class Block:
    kind: str  # heading, paragraph, list_item, code, html, comment, table, front_matter, ...
    start: int  # source offset of the first character of the block's content
    end: int  # source offset just past its last character (newline excluded)
    line: int  # 1-based line of ``start``
    end_line: int  # 1-based line of the last character
    prose: Prose | None = None
    level: int = 0  # heading level (1 = title level)
    number: int | None = None  # list item number ("3." -> 3)
    marker: str | None = None  # list marker as written ("3.", "2)", "Step 4:", "-")
    indent: int = 0  # columns of indentation before the marker
    depth: int = 0  # nesting depth of lists / quotes
    in_list: bool = False  # a paragraph that sits inside a list item
    quote: bool = False  # inside a blockquote
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def is_prose(self) -> bool:
        if self.kind not in PROSE_KINDS:
            return False
        prose = self.prose
        if prose is None:
            return False
        if type(prose) is Prose:  # = bool(prose), without the call
            text = prose.text
            return bool(text) and not text.isspace()
        return bool(prose)


class Document:
    def __init__(self, text: str, path: str = "<stdin>", kind: str | None = None):
        self.path = path
        self.newline, self.crlf_lines = _scan_newlines(text)
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text
        self.kind = kind or kind_for_path(path)
        self.lines = text.split("\n")
        # offset of each line's first character: 0, then one past each newline
        self.line_starts = list(accumulate(map((1).__add__, map(len, self.lines[:-1])), initial=0))
        self.front_matter: dict[str, Any] | None = None
        self.blocks: list[Block] = []
        # a code fence that wraps the whole article (an AI pipeline's ```markdown ... ```):
        # 1-based (opening line, closing line or None when unclosed); see find_wrapper
        self.wrapper: tuple[int, int | None] | None = None
        if self.kind == "markdown":
            _parse_markdown(self)
        elif self.kind == "html":
            _parse_html(self)
        else:
            _parse_text(self)
        self.title: Block | None = _find_title(self)

    # -- positions -------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        offset = max(0, min(offset, len(self.text)))
        idx = bisect.bisect_right(self.line_starts, offset) - 1
        return idx + 1, offset - self.line_starts[idx] + 1

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]

    def line_start(self, line: int) -> int:
        return self.line_starts[line - 1]

    def line_end(self, line: int) -> int:
        """Offset of the end of ``line``'s text (before its newline)."""
        return self.line_starts[line - 1] + len(self.lines[line - 1])

    @property
    def line_count(self) -> int:
        return len(self.lines)

    def is_blank_line(self, line: int) -> bool:
        return 1 <= line <= len(self.lines) and not self.lines[line - 1].strip()

    # -- views -----------------------------------------------------------
    def prose_blocks(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.is_prose)

    def blocks_of(self, *kinds: str) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind in kinds)

    # -- fix helpers -----------------------------------------------------
    def delete_lines(self, first: int, last: int) -> Edit:
        """An edit that removes lines ``first..last`` whole, together with the
        blank lines that follow them (or, at the end of the file, the blank
        lines before them), so that no double gap is left behind."""
        start = self.line_start(first)
        nxt = last + 1
        while nxt <= self.line_count and self.is_blank_line(nxt) and nxt < self.line_count:
            nxt += 1
        if nxt <= self.line_count and not (nxt == self.line_count and self.is_blank_line(nxt)):
            end = self.line_start(nxt)
        else:
            # Nothing but blank lines after: cut back to the end of the last
            # content line before ``first`` so the file keeps one final newline.
            end = len(self.text)
            prev = first - 1
            while prev >= 1 and self.is_blank_line(prev):
                prev -= 1
            start = self.line_end(prev) + 1 if prev >= 1 else 0
            if start > self.line_start(first):  # pragma: no cover - defensive
                start = self.line_start(first)
        return Edit(start, end, "")

    def delete_block(self, block: Block) -> Edit:
        """An edit that removes the block: its whole lines, or, for a block
        that is all an HTML element holds (``data["element"]``), the element
        from its start tag to its end tag, so the markup stays valid."""
        element = block.data.get("element")
        if element:
            return self.delete_span(*element)
        return self.delete_lines(block.line, block.end_line)

    def delete_span(self, start: int, end: int) -> Edit:
        """Remove ``text[start:end]``: with its whole lines (and the blank lines
        after them, as :meth:`delete_lines`) when nothing else stands on them,
        so the lines around keep their indentation; else exactly the span."""
        first, last = self.line_of(start), self.line_of(max(start, end - 1))
        if not self.text[self.line_start(first):start].strip() and not self.text[end:self.line_end(last)].strip():
            return self.delete_lines(first, last)
        return Edit(start, end, "")

    def child_indent(self, offset: int) -> str:
        """The indentation for a new line inserted at ``offset`` (the start of
        the line of a closing tag such as ``</article>``): that of the nearest
        non-blank line above, the element's last child, so the new element
        lines up with its neighbours (tabs or spaces, however deep); when that
        line is the opening tag itself (an empty element), two spaces more
        than the closing tag."""
        line = self.line_of(offset)
        text = self.lines[line - 1]
        closing = text[: len(text) - len(text.lstrip())]
        prev = line - 1
        while prev >= 1 and not self.lines[prev - 1].strip():
            prev -= 1
        if prev < 1:
            return closing
        above = self.lines[prev - 1]
        indent = above[: len(above) - len(above.lstrip())]
        tag = text.strip()[2:].split(">", 1)[0].strip().lower() if text.strip().startswith("</") else ""
        opens = above.strip().lower()
        if tag and opens.startswith("<" + tag) and opens.endswith(">") and f"</{tag}" not in opens:
            return closing + ("\t" if closing.startswith("\t") else "  ")  # the element's own start tag
        if len(indent.expandtabs(4)) < len(closing.expandtabs(4)):
            return closing  # text above sits further left than the closing tag: follow the tag
        return indent

    def element_stands_alone(self, block: Block) -> bool:
        """True when a fix can delete the block whole: an HTML element that holds
        only this block (see :meth:`delete_block`)."""
        return bool(block.data.get("element"))

    # -- output ----------------------------------------------------------
    def to_source(self, text: str) -> str:
        """Turn normalised text back into the file's line-ending style."""
        if self.newline == "\n":
            return text
        return text.replace("\n", self.newline)


def kind_for_path(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext in MARKDOWN_EXTS:
        return "markdown"
    if ext in HTML_EXTS:
        return "html"
    return "text"


def _scan_newlines(text: str) -> tuple[str, int]:
    if "\r" not in text:
        return "\n", 0
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    return ("\r\n" if crlf > lf else "\n"), crlf


# ---------------------------------------------------------------------------
# Inline markup -> prose
# ---------------------------------------------------------------------------
_INLINE = re.compile(
    # The lookahead lets the scan skip plain text fast (every branch starts with
    # one of these). Scans stop at the next opener of their kind ("[", "(", "<",
    # "<!--") and code spans at 2000 characters, so that a long line full of
    # unclosed openers is read in linear time, never in hours.
    r"(?=[<`!\[\\&*~_{])(?:"
    r"(?P<comment><!--(?:(?!<!--|-->).)*-->)"
    # a static-site shortcode or template tag ({{< figure ... >}}, {{% notice %}}, {% include x %}):
    # markup, never prose; at most 2000 characters, on the scan's budget
    r"|(?P<shortcode>\{\{[<%](?:(?!\{[{%]).){0,2000}?[>%]\}\}|\{%(?:(?!\{[{%]).){0,2000}?%\})"
    r"|(?P<code>(?<!`)(?P<ticks>`+)(?!`).{1,2000}?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<image>!\[[^\[\]\n]*\]\([^()\n]*\))"
    # link text may hold escaped brackets or one bracketed label: a wiki's footnote marker
    # scraped as "[\[3\]](#cite_note-3)" or "[[3]](#ref3)" reads "[3]"
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]\n\\]|\\[^\n]|\[[^\[\]\n]{0,200}\])+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\))"
    r"|(?P<reflink>\[(?P<rtext>[^\[\]\n]+)\]\[[^\[\]\n]*\])"
    r"|(?P<autolink><(?P<aurl>(?:https?|ftp|mailto):[^<>\s]+)>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<escape>\\(?P<esc>[!-/:-@\[-`{-~]))"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<stars>\*{1,3}|~~)"
    r"|(?P<unders>(?<![A-Za-z0-9])_{1,3}|_{1,3}(?![A-Za-z0-9])))",
    re.S,
)


# every _INLINE match starts with one of these characters (the lookahead above)
_INLINE_START = re.compile(r"[<`!\[\\&*~_{]")


def _no_inline_markup(src: str) -> bool:
    """True when no _INLINE match can start in ``src``: none of the characters
    that open one ("!", "~" and "{" only as the pairs an image, a strike-through
    and a shortcode open with). Each test is a memchr-fast substring search;
    plain prose passes them all without a per-character regex scan."""
    return not ("[" in src or "*" in src or "_" in src or "<" in src or "&" in src or "`" in src
                or "\\" in src or "![" in src or "~~" in src or "{{" in src or "{%" in src)


def strip_inline(src: str, base: int, out: list[tuple[str, int]], markdown: bool = True) -> None:
    """Append the visible text of ``src`` (inline Markdown) to ``out`` as
    ``(text, source offset)`` pieces (``base`` is the offset of ``src[0]``)."""
    if _no_inline_markup(src):  # plain text: one piece
        if src:
            out.append((src, base))
        return
    pos = 0
    # = _INLINE.finditer(src): jump from one opening character to the next (the
    # lookahead made finditer try the whole pattern at every character)
    find, match = _INLINE_START.search, _INLINE.match
    k = 0
    while True:
        c = find(src, k)
        if c is None:
            break
        m = match(src, c.start())
        if m is None:
            k = c.start() + 1
            continue
        k = m.end()
        if m.start() > pos:
            out.append((src[pos:m.start()], base + pos))
        pos = m.end()
        g = m.lastgroup
        if g in ("link",):
            strip_inline(m.group("ltext"), base + m.start("ltext"), out, markdown)
        elif g == "reflink":
            strip_inline(m.group("rtext"), base + m.start("rtext"), out, markdown)
        elif g == "autolink":
            out.append((m.group("aurl"), base + m.start("aurl")))
        elif g == "escape":
            out.append((m.group("esc"), base + m.start("esc")))
        elif g == "entity":
            out.append((html.unescape(m.group(0))[:1] or " ", base + m.start()))
        elif g == "stars":
            # "2 * 3": a lone star between spaces is text, not emphasis.
            before = src[m.start() - 1] if m.start() > 0 else " "
            after = src[m.end()] if m.end() < len(src) else " "
            if before.isspace() and after.isspace():
                out.append((m.group(0), base + m.start()))
        # comment, shortcode, code, image, tag, unders: dropped
    if pos < len(src):
        out.append((src[pos:], base + pos))


def _prose_from_lines(doc: Document, spans: list[tuple[int, int]]) -> Prose:
    """The prose of source spans ``(start, end)``, one a line, joined by newlines."""
    text = doc.text
    return _prose_from_segments([(text[a:b], a) for a, b in spans])


def _prose_from_segments(segments: list[tuple[str, int]]) -> Prose:
    """As :func:`_prose_from_lines`, from ``(text, source offset)`` of each line's span."""
    pieces: list[tuple[str, int]] = []
    if len(segments) == 1:
        src, a = segments[0]
        strip_inline(src, a, pieces)
        return _prose_from_pieces(pieces)
    for n, (src, a) in enumerate(segments):
        if n and pieces:
            pieces.append(("\n", a - 1 if a > 0 else a))
        strip_inline(src, a, pieces)
    return _prose_from_pieces(pieces)


def _block_from_prose(doc: Document, kind: str, prose: Prose, fallback: tuple[int, int] | None, **kw: Any) -> Block:
    """A block whose span is that of its prose (``fallback``, needed only when the prose is empty)."""
    offsets = prose.offsets
    if type(offsets) is Offsets:  # read the runs directly (starts[0] == 0)
        n = offsets._n
        if n:
            start = offsets._sources[0]
            end = offsets._sources[-1] + n - offsets._starts[-1]
        else:
            start, end = fallback
    elif offsets:
        start, end = offsets[0], offsets[-1] + 1
    else:
        start, end = fallback
    # = doc.line_of (an offset before the text is on line 1, one past it on the last line)
    starts = doc.line_starts
    line = bisect_right(starts, start) or 1
    end_line = (bisect_right(starts, end - 1) or 1) if end - 1 > start else line
    return Block(kind, start, end, line, end_line, prose=prose, **kw)


# ---------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------
_MD = None  # the parser: markdown-it's CommonMark with GFM tables and front matter
_MD_BODY = None  # the same parser without front matter (text after a wrapping fence)
_SHORTCODE_CODE = re.compile(
    r"\{\{<\s*(?P<hugo>highlight|code)\b[^\n]{0,200}?>\}\}.{0,200000}?\{\{<\s*/(?P=hugo)\s*>\}\}"
    r"|\{%\s*highlight\b[^\n]{0,200}?%\}.{0,200000}?\{%\s*endhighlight\s*%\}",
    re.S)
_MULTILINE_SHORTCODE = re.compile(
    r"\{\{[<%](?:(?!\{[{%])[^\n]){0,2000}\n(?:(?!\{[{%]).){0,5000}?[>%]\}\}|\{%(?:(?!\{[{%])[^\n]){0,2000}\n(?:(?!\{[{%]).){0,5000}?%\}",
    re.S)
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
_PREFIX_CHARS = (" ", "\t", ">")  # what _QUOTE_PREFIX can match
_LIST_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_ATX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*$")


def _new_parser(front_matter: bool, off: tuple[str, ...] = ()):
    from markdown_it import MarkdownIt

    # Block structure only: the Document reads inline markup itself
    # (strip_inline), and markdown-it's inline pass is slow, even quadratic
    # on long lines of unclosed "[" (a 1 MB line took minutes).
    md = MarkdownIt("commonmark")
    if front_matter:
        from mdit_py_plugins.front_matter import front_matter_plugin

        md.use(front_matter_plugin)
    return md.enable("table").disable(["inline", "text_join", *off])


def _markdown_parser():
    global _MD
    if _MD is None:
        _MD = _new_parser(True)
    return _MD


def _body_parser():
    """The same parser without front matter (text after a wrapping fence)."""
    global _MD_BODY
    if _MD_BODY is None:
        _MD_BODY = _new_parser(False)
    return _MD_BODY


# Block rules that match only at a line whose first character (after its indentation and
# the markers of the containers it sits in) is a given one, or, for front matter, only at
# the first character of the text. markdown-it tries every rule at every block start and
# most of them at every line of a paragraph too (to see whether the line ends it); where
# the text holds no such character the rule can never match, and the parser without it
# gives the same tokens with a good part of that work saved.
_RULE_NEEDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("table", ("|",)),  # a delimiter row and a header row with "|"
    ("fence", ("```", "~~~")),
    ("blockquote", (">",)),
    ("reference", ("[",)),  # "[label]: url"
    ("html_block", ("<",)),
    ("heading", ("#",)),
    # indented code: four columns of indentation beyond the container's, so four spaces or
    # a tab somewhere (a list item's first line: five spaces after its marker); with the
    # rule off, StateBlock.is_code_block is False, as it was for every line of such a text
    ("code", ("    ", "\t")),
)
_PARSERS: dict[tuple[bool, tuple[str, ...]], Any] = {}  # (front matter, rules off) -> parser, built once


def _parser_for(source: str, front_matter: bool = True):
    """The block parser for ``source``: :func:`_markdown_parser` (or
    :func:`_body_parser`) without the rules that cannot match in it."""
    off = [name for name, needs in _RULE_NEEDS if not any(x in source for x in needs)]
    if front_matter and not source.startswith("-"):
        off.append("front_matter")
    key = (front_matter, tuple(off))
    parser = _PARSERS.get(key)
    if parser is None:
        if not off:
            parser = _markdown_parser() if front_matter else _body_parser()
        else:
            parser = _new_parser(front_matter, key[1])
        _PARSERS[key] = parser
    return parser


_DIRECT: dict[int, bool] = {}  # id of a parser (those above, kept for the process) -> its core rules are those two


def _block_tokens(source: str, front_matter: bool = True) -> list:
    """The block tokens of ``source``: ``parser.parse(source)`` with the parser
    :func:`_parser_for` gives. The parsers run two core rules, "normalize"
    (line endings and NUL characters) and "block"; the Document's text already
    has "\n" line endings, so unless it holds a NUL the block parser is called
    directly (normalize rebuilt the whole text)."""
    parser = _parser_for(source, front_matter)
    direct = _DIRECT.get(id(parser))
    if direct is None:
        direct = _DIRECT[id(parser)] = parser.core.ruler.get_active_rules() == ["normalize", "block"]
    if not direct or "\0" in source:
        return parser.parse(source)
    tokens: list = []
    parser.block.parse(source, parser, {}, tokens)
    return tokens


# ---------------------------------------------------------------------------
# A fence that wraps the whole article
# ---------------------------------------------------------------------------
_FENCE_LINE = re.compile(r" {0,3}(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)[^`]*$")
# info strings under which a fence may hold an article (a fence marked python, bash, json ... holds code)
_WRAPPER_INFO = frozenset({"", "markdown", "md", "mdx", "gfm", "commonmark", "text", "txt", "plaintext", "plain",
                           "html"})
_PRE_LINES = 3  # at most this many non-blank lines of preamble ("Here is the revised article:")
_PRE_WORDS = 80
_POST_LINES = 3  # and of words after the closing fence ("Let me know if you'd like changes!")
_POST_WORDS = 120
_ATX_LINE = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_HTML_PROSE_TAG = re.compile(r"<(?:h[1-6]|p|article|section|li)\b", re.I)


def _prose_line(s: str) -> bool:
    """A line of running text: eight words or more, not indented as code, mostly letters."""
    if s.startswith(("    ", "\t")) or len(s.split()) < 8:
        return False
    letters = sum(1 for ch in s if ch.isalpha() or ch == " ")
    return letters >= 0.7 * len(s)


def find_wrapper(lines: list[str]) -> tuple[int, int | None, str] | None:
    """A code fence around the whole article, as an AI pipeline leaves it:
    ``(opening line, closing line or None, info)`` (0-based), or None.

    The opening fence (```` ``` ````, ```` ```markdown ````, ```` ```md ````,
    ``~~~`` ...; never one marked as a programming language) stands at the
    start, after front matter or a short preamble (at most three lines:
    "Here is the revised article:"; or a heading alone, when the fence holds a
    whole article with its own heading); the closing fence is the last
    fence line, with at most a short note after it; fences inside are nested
    pairs (```` ```python ```` ... ```` ``` ````), so a file that opens with one
    code sample and ends with another is no wrapper; and the inside is
    Markdown prose (paragraphs, and a heading unless the fence says markdown).
    The first check reads only the first few lines, so the cost on an
    ordinary article is nil."""
    n = len(lines)
    i = 0
    if n and lines[0].strip() == "---":  # front matter of the file itself
        j = 1
        while j < n and j < 200 and lines[j].strip() not in ("---", "..."):
            j += 1
        if j >= n or j >= 200:
            return None
        i = j + 1
    pre_lines = pre_words = 0
    pre_heading = False
    opener = None
    while i < n:
        s = lines[i]
        st = s.strip()
        if st:
            if st[0] in "`~":
                m = _FENCE_LINE.match(s)
                if m:
                    opener = (i, m)
                    break
            if pre_lines >= _PRE_LINES or pre_heading:
                return None  # a heading, then more text: the article starts outside the fence
            if _ATX_LINE.match(s):
                if pre_lines:
                    return None
                pre_heading = True
            pre_lines += 1
            pre_words += len(st.split())
            if pre_words > _PRE_WORDS:
                return None
        i += 1
    if opener is None:
        return None
    o, m = opener
    fence, info = m.group("fence"), m.group("info").lower()
    if info not in _WRAPPER_INFO:
        return None
    # the closing fence: the last fence line of the file, at most a short note after it
    post_lines = post_words = 0
    close = None
    k = n - 1
    while k > o:
        st = lines[k].strip()
        if st:
            if st[0] == fence[0] and set(st) == {fence[0]} and len(st) >= len(fence) and len(lines[k]) - len(lines[k].lstrip()) <= 3:
                close = k
                break
            post_lines += 1
            post_words += len(st.split())
            if post_lines > _POST_LINES or post_words > _POST_WORDS:
                break
        k -= 1
    last = close if close is not None else n
    # fences inside must pair up (a nested sample opens with an info string and closes bare);
    # a bare fence with none open would close the opener early: then the opener is a code
    # sample, not a wrapper (an unclosed opener must have no closing line at all)
    depth = 0
    inside: list[str] = []
    for k in range(o + 1, last):
        s = lines[k]
        st = s.strip()
        if not st:
            continue
        if st[0] == fence[0] and st.startswith(fence[0] * 3):
            fm = _FENCE_LINE.match(s)
            if fm and len(fm.group("fence")) >= len(fence):
                if fm.group("info"):
                    depth += 1
                elif depth:
                    depth -= 1
                else:
                    return None
            continue
        if depth == 0:
            inside.append(s)
    prose = sum(1 for s in inside if _prose_line(s))
    heading = any(_ATX_LINE.match(s) for s in inside) or (inside and inside[0].strip() == "---")
    if info in ("markdown", "md", "mdx", "gfm", "commonmark"):
        ok = prose >= 2 or heading and prose >= 1
    elif info == "html":
        ok = prose >= 3 and any(_HTML_PROSE_TAG.search(s) for s in inside)
    elif info:  # text, txt
        ok = prose >= 3
    else:  # no info string: a heading too
        ok = prose >= 3 and heading
    if ok and pre_heading:
        ok = heading and prose >= 3  # only a heading before the fence: the fence must hold a whole article
    if not ok:
        return None
    return o, close, info


# the block tokens _parse_markdown reads (a list's own open token is not among them: its items are)
_MD_READ = frozenset({"paragraph_open", "heading_open", "front_matter", "list_item_open", "list_item_close",
                      "blockquote_open", "blockquote_close", "fence", "code_block", "html_block", "table_open", "hr"})


def _parse_markdown(doc: Document) -> None:
    source = doc.text
    if "{{" in source or "{%" in source:
        # code in a highlight shortcode ({{< highlight yaml >}} ... {{< /highlight >}}, Liquid's
        # {% highlight %} ... {% endhighlight %}) is a code block
        for m in _SHORTCODE_CODE.finditer(source):
            first, last = doc.line_of(m.start()), doc.line_of(max(m.start(), m.end() - 1))
            doc.blocks.append(_raw_block(doc, "code", first - 1, last))
        source = _SHORTCODE_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), source)
        # a shortcode over several lines ("{{< figure\n  alt=...\n>}}") is markup: blanked for
        # the block parser (a line ">}}" would read as a block quote), offsets unchanged
        source = _MULTILINE_SHORTCODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), source)
    wrapper = find_wrapper(doc.lines)
    if wrapper is None:
        tokens = _block_tokens(source)
    else:
        tokens = _wrapped_tokens(doc, source, wrapper)
    list_stack: list[dict[str, Any]] = []  # open list items
    quote_depth = 0
    pending_item: dict[str, Any] | None = None
    i = 0
    n = len(tokens)
    lines = doc.lines
    line_starts = doc.line_starts
    while i < n:
        t = tokens[i]
        typ = t.type
        if typ not in _MD_READ:  # closing tokens, "inline", list containers ...
            i += 1
            continue
        if (typ == "paragraph_open" or typ == "heading_open") and t.map:
            a, b = t.map
            heading = typ == "heading_open"
            item_first = pending_item is not None and pending_item.get("first")
            segments = []
            for ln in range(a, b):
                text = lines[ln]
                if heading and t.markup in ("=", "-") and ln == b - 1 and ln > a:
                    continue  # setext underline
                if ln == a and heading and t.markup.startswith("#"):
                    m = _ATX.match(text)
                    s = m.end() if m else 0
                    close = _ATX_CLOSE.search(text, s)
                    e = close.start() if close else len(text)
                elif ln == a and item_first:
                    m = _LIST_PREFIX.match(text)
                    s = m.end() if m else len(text) - len(text.lstrip())
                    e = len(text)
                else:
                    # a line that opens with none of " ", "\t", ">" has no prefix to skip
                    s = _QUOTE_PREFIX.match(text).end() if text.startswith(_PREFIX_CHARS) else 0
                    e = len(text)
                segments.append((text[s:e], line_starts[ln] + s))
            prose = _prose_from_segments(segments)
            fallback = (line_starts[a], doc.line_end(b)) if not prose.text else None
            depth = len(list_stack)
            if heading:
                level = int(t.tag[1:]) if t.tag[1:].isdigit() else 1
                doc.blocks.append(_block_from_prose(doc, "heading", prose, fallback, level=level,
                                                    depth=depth, quote=quote_depth > 0))
            elif item_first:
                item = pending_item
                item["first"] = False
                blk = _block_from_prose(doc, "list_item", prose, fallback, number=item["number"],
                                        marker=item["marker"], indent=item["indent"], depth=depth - 1,
                                        quote=quote_depth > 0)
                # the item starts at its marker
                blk.start = min(blk.start, line_starts[item["line"] - 1] + item["indent"])
                blk.line = item["line"]
                doc.blocks.append(blk)
            else:
                doc.blocks.append(_block_from_prose(doc, "paragraph", prose, fallback, depth=depth,
                                                    in_list=depth > 0, quote=quote_depth > 0))
            # the "inline" token that follows is skipped with the other unread tokens
        elif typ == "front_matter" and t.map:
            a, b = t.map
            doc.blocks.append(_raw_block(doc, "front_matter", a, b))
            try:
                import yaml

                # libyaml's C loader when present: the same safe subset, about 10x faster
                fm = yaml.load(t.content, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
                if doc.front_matter is None:  # the file's own, before a wrapped article's
                    doc.front_matter = fm if isinstance(fm, dict) else None
            except Exception:
                pass
        elif typ == "list_item_open" and t.map:
            a = t.map[0]
            line_text = doc.lines[a]
            m = _LIST_PREFIX.match(line_text)
            marker = line_text[m.start():m.end()].strip().lstrip(">").strip() if m else t.markup
            indent = len(line_text) - len(line_text.lstrip(" \t>"))
            num = int(t.info) if t.info and t.info.isdigit() else None
            item = {"number": num, "marker": marker, "indent": indent, "line": a + 1, "first": True,
                    "ordered": num is not None, "map": t.map}
            list_stack.append(item)
            pending_item = item
        elif typ == "list_item_close":
            if list_stack:
                item = list_stack.pop()
                if item.get("first"):
                    # an empty item ("3." alone): still a list item
                    a = item["line"]
                    ls = doc.line_start(a)
                    doc.blocks.append(Block("list_item", ls, doc.line_end(a), a, a, prose=Prose("", []),
                                            number=item["number"], marker=item["marker"],
                                            indent=item["indent"], depth=len(list_stack)))
            pending_item = None
        elif typ == "blockquote_open":
            quote_depth += 1
        elif typ == "blockquote_close":
            quote_depth -= 1
        elif typ in ("fence", "code_block") and t.map:
            a, b = t.map
            doc.blocks.append(_raw_block(doc, "code", a, b))
            _first_done(list_stack)
        elif typ == "html_block" and t.map:
            a, b = t.map
            kind = "comment" if t.content.lstrip().startswith("<!--") else "html"
            raw = _raw_block(doc, kind, a, b)
            doc.blocks.append(raw)
            if kind == "html":
                # an HTML block in Markdown (<div class="note">, <figure>) has prose too
                _parse_html_fragment(doc, raw)
            _first_done(list_stack)
        elif typ == "table_open" and t.map:
            a, b = t.map
            table = _raw_block(doc, "table", a, b)
            doc.blocks.append(table)
            doc.blocks.extend(_table_cells(doc, table))
            while i < n and tokens[i].type != "table_close":
                i += 1
        elif typ == "hr" and t.map:
            a, b = t.map
            doc.blocks.append(_raw_block(doc, "rule", a, b))
        i += 1
    doc.blocks.sort(key=_START_END)


def _wrapped_tokens(doc: Document, source: str, wrapper: tuple[int, int | None, str]) -> list:
    """The block tokens of a file whose article is wrapped in one code fence:
    what stands before the fence, the article inside it and what follows it,
    each parsed as Markdown on its own, with line maps in the file's lines (so
    every block keeps its exact position). The two fence lines are code blocks
    of their own (``data["wrapper"]`` = "open" / "close"), never prose."""
    o, c, info = wrapper
    n = len(doc.lines)
    end = c if c is not None else n
    doc.wrapper = (o + 1, c + 1 if c is not None else None)
    opened = _raw_block(doc, "code", o, o + 1)
    opened.data.update(wrapper="open", info=info)
    doc.blocks.append(opened)
    if c is not None:
        closed = _raw_block(doc, "code", c, c + 1)
        closed.data.update(wrapper="close", info=info)
        doc.blocks.append(closed)
    src_lines = source.split("\n")
    tokens: list = []
    for a, b, front_matter in ((0, o, True), (o + 1, end, True), (end + 1, n, False)):
        if a >= b:
            continue
        seg = "\n".join(src_lines[a:b])
        if not seg.strip():
            continue
        seg_tokens = _block_tokens(seg, front_matter)
        if a:
            for t in seg_tokens:
                if t.map:
                    t.map = [t.map[0] + a, t.map[1] + a]
        tokens.extend(seg_tokens)
    return tokens


def _first_done(stack: list[dict[str, Any]]) -> None:
    if stack:
        stack[-1]["first"] = False


_TABLE_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


def _cell_spans(src: str, pos: int) -> list[tuple[int, int]]:
    """(start, end) of the cells of a table row from ``pos`` on: split at each
    ``|`` that is neither escaped nor inside a code span; the outer pipes are
    optional, as in GFM."""
    seps = []
    i, n = pos, len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            rest = src[i:]
            run = len(rest) - len(rest.lstrip("`"))
            ticks = src[i:i + run]
            close = src.find(ticks, i + run)
            if close >= 0:
                i = close + run
                continue
            i += run
            continue
        if c == "|":
            seps.append(i)
        i += 1
    bounds = [pos - 1, *seps, n]
    spans = [(a + 1, b) for a, b in zip(bounds, bounds[1:])]
    if spans and not src[spans[0][0]:spans[0][1]].strip() and seps and seps[0] == len(src) - len(src[pos:].lstrip()):
        spans = spans[1:]  # a leading pipe
    if spans and not src[spans[-1][0]:spans[-1][1]].strip() and seps:
        spans = spans[:-1]  # a trailing pipe
    return spans


def _table_cells(doc: Document, table: Block) -> list[Block]:
    """The cells of a Markdown (GFM) table as ``table_cell`` blocks, with the
    exact source position of their text (the delimiter row has none). Each
    knows its column and the text of its column's header cell
    (``data["header"]``). The table block itself stays: rules that read tables
    whole still see it."""
    cells = []
    headers: list[str] = []
    columns = None
    for line in range(table.line, table.end_line + 1):
        src = doc.lines[line - 1]
        prefix = _QUOTE_PREFIX.match(src).end()  # "> | a | b |" in a block quote
        if _TABLE_DELIMITER_ROW.match(src, prefix):
            continue
        base = doc.line_start(line)
        spans = _cell_spans(src, prefix)
        if columns is None:
            columns = len(spans)
        for col, (a, b) in enumerate(spans[:columns]):  # cells past the header's count are dropped
            while a < b and src[a].isspace():
                a += 1
            while b > a and src[b - 1].isspace():
                b -= 1
            pieces: list[tuple[str, int]] = []
            if b > a:
                strip_inline(src[a:b], base + a, pieces)
            prose = _prose_from_pieces(pieces)
            if line == table.line:
                headers.append(prose.text.strip())
            if prose:
                blk = _block_from_prose(doc, "table_cell", prose, (base + a, base + b))
                blk.data["context"] = ["table"]
                blk.data["column"] = col
                blk.data["header"] = headers[col] if col < len(headers) and line != table.line else None
                cells.append(blk)
    return cells


_START_END = attrgetter("start", "end")  # the order of doc.blocks


def _raw_block(doc: Document, kind: str, a: int, b: int) -> Block:
    """A non-prose block covering 0-based lines ``a..b-1``."""
    b = max(b, a + 1)
    while b - 1 > a and not doc.lines[b - 1].strip():
        b -= 1
    return Block(kind, doc.line_starts[a], doc.line_end(b), a + 1, b)


# ---------------------------------------------------------------------------
# Plain text, by inference
# ---------------------------------------------------------------------------
NUMBERED_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<num>\d{1,4})(?P<punct>[.)])|(?P<step>Step)[ \t]+(?P<snum>\d{1,4})[ \t]*[:.)\u2013\u2014-]"
    r"|#(?P<hnum>\d{1,4})[:.)]?)(?:[ \t]+|$)",
    re.I,
)
BULLET_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<bullet>[-*+\u2022\u25cf\u25aa\u2013])[ \t]+")
_TERMINAL = re.compile(r"[.!?:;,\u2026][\"'\u201d\u2019)\]]*\s*$")
# one lower-case token of words joined by hyphens or underscores, alone on its line
_SLUG_LINE = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}\s*$")


def _looks_like_heading(text: str) -> bool:
    s = text.strip()
    if not s or len(s) > 120:
        return False
    if _TERMINAL.search(s) and not s.endswith("?"):
        return False
    words = s.split()
    return len(words) <= 14


def _parse_text(doc: Document) -> None:
    lines = doc.lines
    line_starts = doc.line_starts
    i = 0
    n = len(lines)
    while i < n:
        first = lines[i]
        if not first.strip():
            i += 1
            continue
        # the block: this line and the wrapped lines that continue it
        j = i + 1
        while j < n:
            line = lines[j]
            nxt = line.lstrip()
            if not nxt or not nxt[:1].islower():  # a blank line, or a new sentence or block
                break
            if NUMBERED_ITEM.match(line) or BULLET_ITEM.match(line):
                break
            if _TERMINAL.search(lines[j - 1].rstrip()):
                break
            if _SLUG_LINE.match(nxt):  # "acupuncture-for-sciatica": a page's URL slug, not a wrapped line
                break
            j += 1
        a, b = i, j - 1
        i = j
        # a list marker opens with a digit, "Step" (re.I: s, S or the long s), "#" or a bullet sign:
        # a line whose text starts with any other letter is no list item
        c = first.lstrip(" \t")[:1]
        if c.isalpha() and c not in "sS\u017f":
            m = bm = None
        else:
            m = NUMBERED_ITEM.match(first)
            bm = None if m else BULLET_ITEM.match(first)
        segments = []
        for ln in range(a, b + 1):
            text = lines[ln]
            s = len(text) - len(text.lstrip())
            if ln == a and (m or bm):
                s = (m or bm).end()
            segments.append((text[s:len(text.rstrip())], line_starts[ln] + s))
        prose = _prose_from_segments(segments)
        fallback = (line_starts[a], doc.line_end(b + 1)) if not prose.text else None
        if m:
            num = m.group("num") or m.group("snum") or m.group("hnum")
            marker = first[m.start():m.end()].strip()
            indent = len(m.group("indent").expandtabs(4))
            blk = _block_from_prose(doc, "list_item", prose, fallback, number=int(num), marker=marker,
                                    indent=indent, depth=indent // 2 and 1)
            blk.start = line_starts[a] + len(m.group("indent"))
            blk.line = a + 1
            # "Step 2: Rest" standing alone reads as a heading too
            blk.data["style"] = "step" if m.group("step") else ("hash" if m.group("hnum") else "number")
        elif bm:
            indent = len(bm.group("indent").expandtabs(4))
            blk = _block_from_prose(doc, "list_item", prose, fallback, marker=bm.group("bullet"),
                                    indent=indent, depth=1 if indent >= 2 else 0)
            blk.start = line_starts[a] + len(bm.group("indent"))
            blk.line = a + 1
        elif a == b and _looks_like_heading(first):
            blk = _block_from_prose(doc, "heading", prose, fallback, level=2)
        else:
            blk = _block_from_prose(doc, "paragraph", prose, fallback)
        doc.blocks.append(blk)


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------
_HTML_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption",
    "figcaption", "blockquote", "title", "div", "section", "article", "header", "footer",
    "nav", "aside", "main", "body", "html", "ul", "ol", "dl", "table", "tr", "figure",
    "form", "address", "hr", "br", "details", "summary", "label", "button",
}
_HTML_SKIP = {"script", "style", "noscript", "template", "svg", "head", "textarea", "select"}
_HTML_CODE = {"pre", "code", "kbd", "samp"}
# elements a fix may delete whole when one block is all they hold (never table
# parts or list containers, whose removal would break the markup around them)
_HTML_DELETABLE = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "div", "section", "aside",
                   "header", "footer", "nav", "figure", "figcaption", "blockquote", "address", "label",
                   "button", "summary", "caption"}
_HTML_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
              "track", "wbr", "param"}
# Tables used for layout (an e-mail newsletter is built from nested ones) hold
# the article's prose, data tables hold cells. A table is read as layout when
# it says so (role="presentation"/"none"), holds another table, has block
# content in its cells (a paragraph, a heading, a list, a quote), has a cell of
# running text (LAYOUT_CELL_WORDS words or more) or is one column of rows; a
# table with a header cell (<th>) is data unless it says otherwise or holds a
# table. Its blocks then keep their own kinds (heading, paragraph, list_item)
# and "table" leaves their context (``data["layout_table"]`` is True).
_HTML_CELL_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "dl"}
LAYOUT_CELL_WORDS = 25


def _new_table(attrs: list[tuple[str, str | None]]) -> dict[str, Any]:
    role = ""
    for k, v in attrs:
        if k == "role" and v:
            role = v.strip().lower()
    return {"role": role, "rows": 0, "cols": 0, "max_cols": 0, "th": False, "block": False,
            "long": False, "nested": False, "blocks": []}


def _settle_table(frame: dict[str, Any]) -> None:
    """Decide whether a closed table was layout or data, and give a layout
    table's blocks back their own kinds (see ``_HTML_CELL_BLOCKS``)."""
    if frame["role"] in ("presentation", "none"):
        layout = True
    elif frame["nested"]:
        layout = True
    elif frame["th"]:
        layout = False
    else:
        layout = frame["block"] or frame["long"] or (frame["max_cols"] <= 1 and frame["rows"] >= 2)
    if not layout:
        return
    for blk, kind in frame["blocks"]:
        if blk.kind == "table_cell":
            blk.kind = kind
        context = blk.data.get("context")
        if context and "table" in context:
            blk.data["context"] = [t for t in context if t != "table"]
        blk.data["layout_table"] = True


# the open elements a block's ``data["context"]`` names, outermost first
_HTML_CONTEXT = frozenset({"nav", "footer", "header", "aside", "form", "figure", "figcaption", "blockquote", "table",
                           "article", "main", "dt", "summary", "label", "button", "li"})


class _HTMLBlocks(HTMLParser):
    def __init__(self, doc: Document, first_line: int = 0):
        super().__init__(convert_charrefs=False)
        self.doc = doc
        self.first_line = first_line  # 0-based line of the document where the fed text starts
        self.pieces: list[tuple[str, int]] = []  # (text, source offset)
        self.stack: list[str] = []
        self.skip = 0
        self.code = 0
        self.code_start: int | None = None
        self.ol_counters: list[int] = []
        self.item: dict[str, Any] | None = None
        self.heading_level = 0
        # open elements whose whole content may be one block: (tag, start offset, blocks before it)
        self.elements: list[tuple[str, int, int]] = []
        self.tables: list[dict[str, Any]] = []  # open tables, innermost last (see _settle_table)

    def _offset(self) -> int:
        # = getpos(): (lineno, offset) of the current token
        return self.doc.line_starts[self.first_line + self.lineno - 1] + self.offset

    def flush(self) -> None:
        pieces = self.pieces
        if not pieces:
            return
        for p, _ in pieces:
            if p.strip():
                break
        else:  # only whitespace
            self.pieces = []
            return
        prose = _prose_from_pieces(pieces)
        context = [t for t in self.stack if t in _HTML_CONTEXT]
        if self.heading_level:
            blk = _block_from_prose(self.doc, "heading", prose, (0, 0), level=self.heading_level)
        elif self.item is not None:
            blk = _block_from_prose(self.doc, "list_item", prose, (0, 0), number=self.item.get("number"),
                                    marker=self.item.get("marker"), depth=self.item.get("depth", 0))
            self.item = None
        else:
            blk = _block_from_prose(self.doc, "paragraph", prose, (0, 0),
                                    quote="blockquote" in context)
        if "table" in context:
            if self.tables:
                frame = self.tables[-1]
                frame["blocks"].append((blk, blk.kind))
                if not frame["long"] and len(prose.text.split()) >= LAYOUT_CELL_WORDS:
                    frame["long"] = True
            blk.kind = "table_cell"
        if "figcaption" in context:
            blk.kind = "caption"
        blk.data["context"] = context
        self.doc.blocks.append(blk)
        self.pieces = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag in _HTML_SKIP and tag not in _HTML_VOID:
                self.skip += 1
            return
        if tag in _HTML_SKIP:
            self.flush()
            self.skip = 1
            return
        if tag in _HTML_CODE and tag == "pre" or (tag in _HTML_CODE and self.code):
            self.flush()
            if not self.code:
                self.code_start = self._offset()
            self.code += 1
            return
        if tag in _HTML_CODE:
            # inline code: dropped from prose, but not a block boundary
            self.code += 1
            if self.code_start is None:
                self.code_start = -1
            return
        if tag in _HTML_BLOCK_TAGS:
            self.flush()
        if tag in _HTML_VOID:
            return
        if self.tables:
            frame = self.tables[-1]
            if tag in _HTML_CELL_BLOCKS:
                frame["block"] = True
            elif tag == "tr":
                frame["rows"] += 1
                frame["cols"] = 0
            elif tag in ("td", "th"):
                if not frame["rows"]:
                    frame["rows"] = 1
                frame["cols"] += 1
                if frame["cols"] > frame["max_cols"]:
                    frame["max_cols"] = frame["cols"]
                if tag == "th":
                    frame["th"] = True
            elif tag == "table":
                frame["nested"] = True
        if tag == "table":
            self.tables.append(_new_table(attrs))
        if tag in _HTML_DELETABLE:
            self.elements.append((tag, self._offset(), len(self.doc.blocks)))
        self.stack.append(tag)
        if tag == "ol":
            start = dict(attrs).get("start")
            self.ol_counters.append(int(start) - 1 if start and start.lstrip("-").isdigit() else 0)
        elif tag == "ul":
            self.ol_counters.append(-(10 ** 9))
        elif tag == "li":
            number = None
            if self.ol_counters and self.ol_counters[-1] > -(10 ** 8):
                value = dict(attrs).get("value")
                if value and value.lstrip("-").isdigit():
                    self.ol_counters[-1] = int(value)
                else:
                    self.ol_counters[-1] += 1
                number = self.ol_counters[-1]
            self.item = {"number": number, "marker": f"{number}." if number is not None else "-",
                         "depth": max(0, len(self.ol_counters) - 1)}
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading_level = int(tag[1])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip and tag in _HTML_BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in _HTML_SKIP:
                self.skip -= 1
            return
        if tag in _HTML_CODE and self.code:
            self.code -= 1
            if not self.code:
                if self.code_start is not None and self.code_start >= 0:
                    start = self.code_start
                    end = self._offset()
                    self.doc.blocks.append(Block("code", start, end, self.doc.line_of(start),
                                                 self.doc.line_of(max(start, end - 1))))
                self.code_start = None
            return
        if tag in _HTML_BLOCK_TAGS:
            opened = None
            if tag in _HTML_DELETABLE:
                while self.elements:
                    entry = self.elements.pop()
                    if entry[0] == tag:
                        opened = entry
                        break
            before = len(self.doc.blocks)
            self.flush()
            if opened is not None and opened[2] == before and len(self.doc.blocks) == before + 1:
                # the element holds exactly this block: a fix may delete the element whole
                end_tag = self._offset()
                close = self.doc.text.find(">", end_tag)
                if close >= 0 and self.doc.text.startswith("</", end_tag):
                    self.doc.blocks[-1].data["element"] = (opened[1], close + 1)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading_level = 0
        if tag == "table" and self.tables:
            _settle_table(self.tables.pop())
        if tag in ("ol", "ul") and self.ol_counters:
            self.ol_counters.pop()
        if tag in self.stack:
            while self.stack:
                if self.stack.pop() == tag:
                    break

    def finish(self) -> None:
        """The last block, and the tables left open by the markup."""
        self.flush()
        while self.tables:
            _settle_table(self.tables.pop())

    def handle_data(self, data: str) -> None:
        if self.skip or self.code:
            return
        if data:
            self.pieces.append((data, self._offset()))

    def handle_entityref(self, name: str) -> None:
        if self.skip or self.code:
            return
        ch = html.unescape(f"&{name};")
        self.pieces.append((ch[:1] if not ch.startswith("&") else "&", self._offset()))

    def handle_charref(self, name: str) -> None:
        if self.skip or self.code:
            return
        ch = html.unescape(f"&#{name};")
        self.pieces.append((ch[:1] or " ", self._offset()))

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        # "<!--data-->" normally; bogus comments such as "<!>" are shorter
        close = self.doc.text.find(">", start + 2 + len(data))
        end = close + 1 if close >= 0 else len(self.doc.text)
        self.doc.blocks.append(Block("comment", start, end, self.doc.line_of(start),
                                     self.doc.line_of(max(start, end - 1))))


def _parse_html_fragment(doc: Document, raw: Block) -> None:
    """The prose blocks of an HTML block inside a Markdown document, at their
    exact positions (the raw block stays, for rules that read it whole)."""
    parser = _HTMLBlocks(doc, first_line=raw.line - 1)
    # the markers of the containers it sits in ("> ", "- ", "1. ") are not its text:
    # blanked with spaces, so that columns stay exact
    lines = doc.text[raw.start:raw.end].split("\n")
    quoted = listed = False
    for k, line in enumerate(lines):
        m = _LIST_PREFIX.match(line) if k == 0 else None
        listed = listed or m is not None or line[:1] in (" ", "\t")
        if m is None:
            m = _QUOTE_PREFIX.match(line)
        if m and m.end():
            quoted = quoted or ">" in m.group(0)
            lines[k] = " " * m.end() + line[m.end():]
    first = len(doc.blocks)
    try:
        parser.feed("\n".join(lines))
        parser.close()
    except Exception:  # pragma: no cover - html.parser is lenient; stay safe
        pass
    parser.finish()
    for blk in doc.blocks[first:]:
        blk.quote = blk.quote or quoted
        blk.in_list = blk.in_list or listed


def _parse_html(doc: Document) -> None:
    parser = _HTMLBlocks(doc)
    try:
        parser.feed(doc.text)
        parser.close()
    except Exception:  # pragma: no cover - html.parser is lenient; stay safe
        pass
    parser.finish()
    doc.blocks.sort(key=_START_END)


def _find_title(doc: Document) -> Block | None:
    headings = [b for b in doc.blocks if b.kind == "heading" and b.prose]
    if not headings:
        return None
    if doc.kind in ("markdown", "html"):
        for b in headings:
            if b.level == 1:
                return b
    # plain text (or no h1): the first heading-like block starting with a capital
    for b in doc.blocks:
        if b.kind in ("front_matter", "comment", "html"):
            continue
        if b.kind == "heading" and b.prose and b.prose.text[:1].isupper() or b.kind == "heading" and b.prose and b.prose.text[:1].isdigit():
            b.level = 1 if doc.kind == "text" else b.level
            return b
        if b.kind == "paragraph":
            break
    return None
