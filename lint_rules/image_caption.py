r"""Scraped image captions, credits and alt text left in the article.

## What it finds
Text that came along when an article was copied from a web page with its
images, or that a reader tool wrote in place of an image:

- a credit line naming a stock-photo agency or news wire, standing where no
  image is: "iStock.com / Jane Doe", "Getty Images", "Photo by Sam Lee on
  Unsplash", "Image: Shutterstock", "AP Photo/Ann Roe", "Image source: Pexels";
- a credit label with nothing in it ("© Credits", "Photo credit:");
- an agency credit glued to the end of a caption line where no image is
  ("A brace on a sore knee. Image: iStock / Getty Images Plus"): the credit
  itself is reported, without a fix (the caption's words are the writer's to
  judge);
- the image's alt text standing alone as a line, followed by the same text
  with the image host appended ("... from s3.amazonaws.com"), or a bare credit
  line naming an image host;
- an image file name standing alone ("acupuncture-back-1024x683.jpg");
- in Markdown, a paragraph that repeats the alt text of the image just above
  it, and a reader tool's numbering label in an image's alt text
  (`![Image 3: Needles in the hand](...)`: screen readers read "Image 3");
- in Markdown, a WordPress caption left from an export (`[caption]` shortcodes,
  `<p class="wp-caption-text">`): the caption shows as loose text.

Where the line is drawn: a credit is scraped when it names a stock agency or
wire (or is an empty credit label) and no image stands directly above it or
on its line, so the credit belongs to an image that did not come along. Under
an image (or as its figure caption), a credit that names only the agency
("Shutterstock", "Image courtesy of Getty Images") is the caption widget of
the page the article was copied from and is reported too; a credit that
names the photographer ("Photo by Sam Lee on Unsplash", "Ana Ruiz / Getty
Images") or the site itself ("Photo: our treatment room, taken by Dana Lee")
is the site's own and is not.

## Why it matters
A patient reading the page meets a fragment that says nothing, often twice,
and a web address or agency name that is not a source. It tells readers (and
reviewers applying quality criteria such as the JAMA benchmark or HONcode)
that the page was copied and never edited; a stock credit without its image
can also be a licensing problem for the publisher.

## Examples
- flagged: `Acupuncture For Neck Pain\n\nNeedles placed along the upper back\nNeedles placed along the upper back from s3.amazonaws.com\n\nNeck pain is common.`
- flagged: `Back Pain Relief\n\nwoman receiving acupuncture on her back from images.unsplash.com\n\nMost back pain improves.`
- flagged: `Sleep Tips\n\nacupuncture-sleep-1024x683.jpg\n\nGood sleep matters.`
- flagged: `Sleep Tips\n\nPhoto by Lena Park on Unsplash\n\nGood sleep matters.`
- flagged: `Sleep Tips\n\niStock.com / Tomas Reyes\n\nGood sleep matters.`
- flagged: `Sleep Tips\n\n(c) Credits\n\nGood sleep matters.`
- flagged (md): `# Knees\n\n![Needles around a knee](knee.jpg)\n\nNeedles around a knee\n\nKnee pain is common.`
- flagged (md): `# Knees\n\n![Image 2: Needles around a knee](knee.jpg)\n\nKnee pain is common.`
- not flagged: `Photo: Dana Lee for Riverside Clinic`
- not flagged (md): `![A treatment room](room.jpg)\n*Photo by Sam Ortiz, used with permission.*`
- not flagged (md): `# Sleep\n\n![A calm bedroom](bed.jpg)\nPhoto by Lena Park on Unsplash\n\nGood sleep matters.`
- flagged (md): `# Sleep\n\n![A calm bedroom](bed.jpg)\n\nShutterstock\n\nGood sleep matters.`
- not flagged: `We design our leaflets with Canva and print them at the clinic.`
- not flagged: `You can download the intake form from our website, riversideclinic.com.`
- not flagged: `Many patients come to us from nearby towns.`

## Fix
Safe: the alt-text line, the credit line and the file name are deleted; a
reader tool's "Image N:" label is removed from the alt text. WordPress
captions are reported without a fix (turn them into a Markdown image with a
caption by hand).

## Options
- `extra_hosts`: more image hosts whose bare credit lines are leftovers.
- `extra_agencies`: more stock agencies whose credit lines are leftovers.
"""
from __future__ import annotations

import functools
import re

from acu_lint.model import Edit, Finding, Fix
from lint_rules._common import LazyPattern, LiteralIndex, block_stands_alone, case_exotic, load_data, normalize

ID = "image-caption"
SEVERITY = "warning"
FIXABLE = True
OPTIONS = {"extra_hosts": [], "extra_agencies": []}

_DOMAIN = r"(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24})\.?/?"
_FROM_DOMAIN = LazyPattern(rf"^(?P<alt>.{{2,300}}?)\s+(?:from|via|source:?)\s+{_DOMAIN}\s*$", re.I)
_MD_IMAGE = LazyPattern(r"!\[(?P<alt>[^\]\n]{3,})\]\([^)\n]*\)")
_HTML_IMG_ALT = LazyPattern(r"<img\b[^<>]{0,2000}?\balt\s*=\s*(?:\"(?P<alt1>[^\"<>\n]{3,})\"|'(?P<alt2>[^'<>\n]{3,})')", re.I)
# a reader tool's label in an image's alt text: "![Image 3: Needles](...)", "![Image 12](...)"
_READER_ALT = LazyPattern(r"!\[(?P<label>Image \d{1,4}(?::[ \t]*|(?=\])))(?P<alt>[^\]\n]*)\]\(")
# a credit label with nothing in it: "(c) Credits", "Photo credit:", "Image source"
_CREDIT_STUB = LazyPattern(r"^[(\[]?\s*(?:\u00a9|\(c\)|copyright)?\s*(?:(?:photo|image|picture)s?\s+)?"
                           r"(?:credits?|source)\s*:?\s*[)\]]?$", re.I)
_IMAGE_MARKUP = ("![", "<img", "<figure", "{{<", "[caption", "<picture")
# an image that shows something: an address in the Markdown, or an HTML/shortcode image
_REAL_IMAGE = LazyPattern(r"!\[[^\]\n]*\]\([ \t]*[^)\s]|<img\b|<figure\b|<picture\b|\{\{<\s*figure|\[caption\b", re.I)
_CAPTION_SHORTCODE = LazyPattern(r"\[caption\b[^\]\n]{0,500}\](?P<body>.{0,3000}?)\[/caption\]", re.I | re.S)
_TOKEN = LazyPattern(r"[^\W_][\w.'\u2019&-]*|@[\w.]+")
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "la", "le", "du", "del", "bin", "al", "and", "y"})
_MAX_NAME_WORDS = 5
_FROM_WORDS = frozenset({"from", "via", "source", "source:"})


@functools.lru_cache(maxsize=8)
def _data(extra: tuple[str, ...], extra_agencies: tuple[str, ...] = ()):
    d = load_data("image_caption.yaml")
    hosts = tuple(h.lower() for h in list(d["image_hosts"]) + list(extra))
    exts = "|".join(map(re.escape, d["image_extensions"]))
    filename = re.compile(rf"^[\w.%()\[\]-]+\.(?:{exts})$", re.I)
    return hosts, filename


@functools.lru_cache(maxsize=8)
def _agencies(extra: tuple[str, ...]):
    """(stock pattern, wire pattern, credit words, prefilter).

    The prefilter is a :class:`LiteralIndex` of one word of each agency's name
    (its longest; a name matches only where each of its words stands, in any
    letter case), for the lower-cased text; None (no prefilter) when a name is
    not ASCII (lower-casing and ``re.I`` could then disagree)."""
    d = load_data("image_caption.yaml")

    def alternation(names):
        names = sorted({n.strip().lower() for n in names if n and n.strip()}, key=lambda w: (-len(w), w))
        body = "|".join(r"\s*".join(re.escape(w) for w in n.split()) for n in names)
        return re.compile(rf"(?<![\w.@-])(?:{body})(?![\w@]|\.\w)", re.I)

    stock = list(d.get("stock_agencies") or ()) + list(extra)
    wires = list(d.get("news_agencies") or ())
    names = {n.strip().lower() for n in stock + wires if n and n.strip()}
    words = {max(n.split(), key=len) for n in names}
    # a word that holds another word of the set adds nothing ("istockphoto" holds "istock")
    literals = {w for w in words if not any(o != w and o in w for o in words)}
    prefilter = LiteralIndex(literals) if all(w.isascii() for w in literals) else None
    return alternation(stock), alternation(wires), frozenset(d.get("credit_words") or ()), prefilter


def _is_host(domain: str, hosts: tuple[str, ...]) -> bool:
    domain = domain.lower()
    return any(domain == h or domain.endswith("." + h) for h in hosts)


def _delete(doc, block):
    return Fix((doc.delete_block(block),), True, "delete the scraped caption") if block_stands_alone(doc, block) else None


def _credit(text: str, agencies) -> str | None:
    """The agency a short credit line names ("iStock.com / Jane Doe"), or None
    when the line is not a credit (a sentence that mentions the agency)."""
    stock, wires, words, prefilter = agencies
    if len(text) > 120:
        return None
    low = text.lower()
    if prefilter is not None and not prefilter.any_in(low) and not case_exotic(low):
        return None
    m = stock.search(text)
    rest = None
    if m:
        rest = stock.sub(" ", text)
    else:
        m = wires.search(text)
        if m is None:
            return None
        rest = wires.sub(" ", text)
        # a wire is a photo credit only with a photo word or as "Name/Agency"
        if "/" not in text and not re.search(r"\b(?:photo|image|picture)s?\b", low):
            return None
    names = 0
    for tok in _TOKEN.findall(rest):
        t = tok.lower().strip(".'\u2019-")
        if not t or t in words:
            continue
        if tok[0].isupper() or tok[0].isdigit() or tok[0] == "@" or "_" in tok:
            names += 1
        elif t not in _PARTICLES:
            return None  # a lower-case word: a sentence, not a credit
    if names > _MAX_NAME_WORDS:
        return None
    return m.group(0) if names else m.group(0) + _BARE


# marks an agency credit that names nobody else ("Shutterstock", "Image courtesy of Getty Images")
_BARE = "\x00"


def _bare(agency: str | None) -> bool:
    return bool(agency) and agency.endswith(_BARE)


def is_credit(text: str) -> bool:
    """True when ``text`` is a stock or agency credit line (for the rules
    that must leave it to this one)."""
    return _credit(text.strip(), _agencies(())) is not None


def _under_image(doc, b, line: int) -> bool:
    """True when an image stands on ``line`` or on the last non-blank line
    above it (a credit placed under its image by the site)."""
    if not _LABEL_CONTEXT.isdisjoint(b.data.get("context") or ()):
        return True
    own = doc.lines[line - 1]
    if any(k in own for k in _IMAGE_MARKUP) and _REAL_IMAGE.search(own):
        return True
    n = line - 1
    while n >= 1 and not doc.lines[n - 1].strip():
        n -= 1
    if n < 1 or line - n > 3:
        return False
    above = doc.lines[n - 1]
    if any(k in above for k in _IMAGE_MARKUP) and _REAL_IMAGE.search(above):
        return True
    # an HTML image between the block before and this one (an <img> is not a block)
    if "<" not in above:
        return False
    start = doc.line_start(line)
    prev_end = 0
    for other in doc.blocks:
        if other.start >= start:
            break
        if other is not b and other.end <= start:
            prev_end = max(prev_end, other.end)
    return _REAL_IMAGE.search(doc.text, prev_end, start) is not None


_LABEL_CONTEXT = frozenset({"figcaption", "figure"})


def _in_code(doc, offset: int) -> bool:
    for b in doc.blocks:
        if b.start > offset:
            return False
        if b.kind in ("code", "front_matter", "comment") and b.start <= offset < max(b.end, doc.line_end(b.end_line)):
            return True
    return False


def check(doc, options):
    hosts, filename = _data(tuple(options.get("extra_hosts") or ()))
    agencies = _agencies(tuple(options.get("extra_agencies") or ()))
    # the blocks with text (Prose.__bool__ without the call)
    blocks = [b for b in doc.blocks
              if b.kind in ("paragraph", "heading", "caption") and b.prose is not None and b.prose.text.strip()]
    flagged: set[int] = set()
    for i, b in enumerate(blocks):
        text = b.prose.text.strip()
        if "\n" in text:
            # a short hard-wrapped paragraph may end with a credit line ("A needle in the hand\nGetty Images")
            lines = text.split("\n")
            if len(lines) <= 3 and "table" not in (b.data.get("context") or ()):
                pos = 0
                for ln in lines:
                    agency = _credit(ln.strip(), agencies) if ln.strip() else None
                    if agency:
                        line = doc.line_of(b.prose.span(pos, pos + 1)[0])
                        under = _under_image(doc, b, line)
                        if not under or _bare(agency):
                            a, e = b.prose.span(pos, pos + len(ln))
                            yield Finding(a, e, _credit_message(agency, under))
                    pos += len(ln) + 1
            continue
        m = None
        if "." in text:
            # a _FROM_DOMAIN match ends with "from", "via" or "source" and the domain as its
            # last two words (the domain holds a dot): tested first
            words = text.rsplit(None, 2)
            if len(words) == 3:
                word = words[1].lower()
                if word in _FROM_WORDS or case_exotic(word):
                    m = _FROM_DOMAIN.match(text)
        if m:
            alt = normalize(m.group("alt"))
            # the alt text standing just before the credit line
            prev = blocks[i - 1] if i > 0 else None
            twin = prev is not None and normalize(prev.prose.text) == alt and prev.end_line >= b.line - 2
            bare = not re.search(r"[.!?]\s*$", m.group("alt")) and _is_host(m.group("domain"), hosts)
            if twin or bare:
                if twin and id(prev) not in flagged:
                    flagged.add(id(prev))
                    yield Finding(prev.start, prev.end,
                                  "Scraped image alt text: this line repeats the caption of an image that is "
                                  "no longer there. Delete it, or restore the image with this as its alt text.",
                                  fix=_delete(doc, prev))
                flagged.add(id(b))
                yield Finding(b.start, b.end,
                              f"Scraped image credit line ('from {m.group('domain')}'): it names where the image was copied from, not a "
                              "source, and readers cannot use it. Delete it, or write a proper photo credit.",
                              fix=_delete(doc, b))
                continue
        if " " not in text and "." in text and filename.match(text):  # a file name has no space
            flagged.add(id(b))
            yield Finding(b.start, b.end,
                          "Image file name left as text: the image did not come along. Delete the line or insert "
                          "the image.", fix=_delete(doc, b))
            continue
        if ":" in text and len(text) <= 400 and b.kind != "caption":
            g = _glued_credit(text, agencies) if _may_glue(text) else None
            if g and not _under_image(doc, b, b.line):
                flagged.add(id(b))
                a, e = b.prose.span(g[0], len(text.rstrip()))
                yield Finding(a, e, _credit_message(g[1]))
                continue
        if len(text) > 120:
            continue
        agency = _credit(text, agencies)
        if b.kind == "caption" and not _bare(agency):
            continue  # a figure's caption that credits a photographer
        stub = agency is None and len(text) <= 40 and _CREDIT_STUB.match(text) is not None
        under = (agency or stub) and _under_image(doc, b, b.line)
        if (agency or stub) and (not under or _bare(agency)):
            flagged.add(id(b))
            if agency:
                msg = _credit_message(agency, under)
            else:
                msg = ("Empty image credit label: a credit widget of the page the article was copied from, with "
                       "no image and no credit in it. Delete it.")
            yield Finding(b.start, b.end, msg, fix=_delete(doc, b))
    if doc.kind == "markdown":
        yield from _markdown(doc, blocks, flagged)


# a credit glued to the end of a caption line: "A brace on a knee. Image: iStock / Getty Images Plus"
_GLUED = LazyPattern(r"(?:(?<=[.!?])\s+|\s+[|\u2013\u2014-]\s+|\s*[(\[])"
                     r"((?:photo|image|picture|photograph)s?(?:\s+credit)?\s*:\s*[^.!?:()\[\]\n]{2,80})[)\]]?\s*$", re.I)


def _may_glue(text: str) -> bool:
    """False when ``_GLUED`` cannot match: its credit label (photo, image, picture)
    is not in the part of the text it searches."""
    tail = text[max(0, len(text) - 120):].lower()
    return "photo" in tail or "image" in tail or "picture" in tail or case_exotic(tail)


def _glued_credit(text: str, agencies) -> tuple[int, str] | None:
    """(start of the credit, agency) when a caption line ends with an agency credit."""
    m = _GLUED.search(text, max(0, len(text) - 120))
    if m is None or m.start() == 0:
        return None
    agency = _credit(m.group(1).strip(), agencies)
    return (m.start(1), agency) if agency else None


def _credit_message(agency: str, under: bool = False) -> str:
    agency = agency.rstrip(_BARE)
    if under:
        return (f"Scraped stock credit ('{agency}') under the image: the agency's name alone is the caption widget "
                "of the page the article was copied from, not a credit the site wrote. Delete it, or write a "
                "proper credit (the photographer and the agency).")
    return (f"Scraped image credit ('{agency}'): the credit of a stock or agency image that is not in the "
            "article. Delete it, or put the image back with the credit under it.")


def _markdown(doc, blocks, flagged):
    text = doc.text
    # a paragraph repeating the alt text of an image right above it
    if "![" in text or "<img" in text:
        for m in _MD_IMAGE.finditer(text):
            alt = normalize(m.group("alt"))
            line = doc.line_of(m.start())
            for b in blocks:
                if b.line > line + 3:
                    break
                if id(b) in flagged or b.line <= line:
                    continue
                if normalize(b.prose.text) == alt:
                    flagged.add(id(b))
                    yield Finding(b.start, b.end,
                                  "Scraped image caption: this paragraph repeats the alt text of the image above. "
                                  "Delete it or write a real caption.", fix=_delete(doc, b))
    # a reader tool's "Image N:" label in an image's alt text
    if "![Image " in text:
        for m in _READER_ALT.finditer(text):
            if _in_code(doc, m.start()):
                continue
            a, e = m.span("label")
            fix = None
            if m.group("alt").strip():
                fix = Fix((Edit(a, e, ""),), True, "remove the reader tool's label from the alt text")
            yield Finding(a, e, "Reader-tool label in an image's alt text ('" + m.group("label").strip().rstrip(":")
                          + "'): the tool that scraped the page numbered its images, and screen readers read the "
                          "number out. Remove the label and keep a description of the image.", fix=fix)
    # WordPress captions left from an export
    low = text.lower() if "caption" in text else ""
    if "wp-caption-text" in low:
        for b in doc.blocks:
            if b.kind == "html" and "wp-caption-text" in text[b.start:b.end].lower():
                for c in blocks:
                    if c.line > b.end_line:
                        break
                    if c.line >= b.line and id(c) not in flagged and c.prose:
                        flagged.add(id(c))
                        yield Finding(c.start, c.end, _WP_MESSAGE)
    if "[caption" in low:
        for m in _CAPTION_SHORTCODE.finditer(text):
            if _in_code(doc, m.start()):
                continue
            body = m.group("body")
            cut = max(body.rfind("/>"), body.rfind("</a>"), body.rfind(">"))
            a = m.start("body") + (cut + (4 if body.startswith("</a>", cut) else 2 if body.startswith("/>", cut) else 1)
                                   if cut >= 0 else 0)
            e = m.end("body")
            while a < e and text[a].isspace():
                a += 1
            while e > a and text[e - 1].isspace():
                e -= 1
            if a < e:
                yield Finding(a, e, _WP_MESSAGE)


_WP_MESSAGE = ("WordPress image caption left from an export: without the WordPress theme the caption shows as loose "
               "text beside the image. Turn it into a Markdown image with alt text (and a caption line if needed), "
               "or delete it.")
