r"""Page chrome scraped with the article: navigation, scraper headers, sidebars, footers.

## What it finds
Runs of blocks that are the website around the article rather than the
article, found by their structure, as boilerplate removers such as jusText
and trafilatura find them: each block is measured (length, share of its text
that is link text, share of common function words, markup without text,
interface vocabulary), a block takes the class of its neighbours when it is
too short to judge alone, and the article is located by its dense prose. What
the rule reports, as ONE finding spanning the run:
- a reader tool's header (`Title:` / `URL Source:` / `Published Time:` /
  `Markdown Content:`, or a bare source URL as the first line), and a
  read-later or export header (the page's title, its address with or without
  the scheme, "Saved with ... on <date>") when the title stands again below;
- navigation: runs of short link lines and nested link lists, breadcrumbs,
  Previous / Next links, pagination;
- sidebars, share bars, search and newsletter widgets, feedback forms, raw
  HTML icon spans and empty links left in Markdown;
- footers: copyright lines with the links, addresses and contact lines
  around them;
- wiki chrome ("Jump to: navigation, search", "From ...wiki", "[edit]",
  "Retrieved from", "This page was last modified");
- a call-to-action button ("Book an appointment", "Shop now" as a link of its own,
  any link marked as a button by its class: `{: .btn}`), and a call to action
  standing alone without a link ("Ready to start? Book your first visit today",
  "Call now: 0123 ..."), unless a paragraph follows it as its section;
- text copied without its links: menus of one entry per line (entries that no
  list knows count between known ones), button bars ("Accept all   Reject",
  "Share: Facebook | Email"), consent banners, shop furniture (delivery
  banners, "Add to basket - £18", "Subscribe and save 10%", star ratings and
  review counts), addresses and opening hours beside them;
- the headings of a site's widgets and comment section ("Recent Posts",
  "2 thoughts on ...", "Categories") with their link lists, and in HTML any
  element whose class or id names a widget (cookie, consent, share,
  breadcrumb, sidebar, widget, nav, menu, comments, footer).

In a page that is clearly a scrape (a reader header, wiki chrome or a long
run of navigation), everything before the block where the article starts
(its heading and its first dense paragraph) and after its last dense
paragraph is chrome; the article's own title is never part of a run.
Single furniture lines found by their wording alone ("Leave a Comment",
"Share this:"), also one such block inside a widget's element, are
`web-boilerplate`'s; a line inside a page-chrome run is reported once, here.
Round-3 forms: a reading-list tool's header ("Saved to Reading List - <date>",
"Source: <url>", "Open original: <url>"); a bar of bracketed buttons that lost
their links ("[Book Now] [Gift Vouchers] [Price List]", "[Jump to Recipe] ·
[Print Recipe]"); "About the author" closing a run at the end takes the short
bio under it; "Trending pages" and "Popular" widget headings; in an HTML page,
a nav, footer or aside inside the article element itself (a breadcrumb, an
entry footer with its share bar, author box and post links).

Left alone: reference lists (authors, years, DOIs), a table of contents whose
links point at the article's own headings, a link list that a heading or an
introducing sentence of the writer presents ("Related reading", "Resources",
"Useful links:"), links with a description, a clinic's own "Book an
appointment" sentence, and, in an HTML page that marks `<article>` or
`<main>`, everything outside the article element (the page's template in its
proper place).

## Why it matters
A patient opening a health article should find the article, not a site's
menus, search boxes and footers pasted above and below it; chrome shows that
nobody reviewed the page, hides the real content and carries dead links and
other sites' offers into a medical text.

## Examples
- flagged (md): `- [Home](/)\n- [About](/about)\n- [Blog](/blog)\n- [Contact](/contact)\n\n# Sleep\n\nGood sleep matters for people with long-term pain, and a regular bedtime helps more than most people expect. Keep the bedroom cool, dark and quiet, and try to get up at the same time every day.`
- flagged (md): `Title: Sleep and pain\n\nURL Source: https://example.org/sleep\n\nMarkdown Content:\n# Sleep and pain\n\nGood sleep matters for people with long-term pain, and a regular bedtime helps more than most people expect. Keep the bedroom cool, dark and quiet.`
- flagged (md): `# Sleep\n\nGood sleep matters for people with long-term pain, and a regular bedtime helps more than most people expect. Keep the bedroom cool, dark and quiet.\n\n[Book an appointment](/book)`
- not flagged (md): `# Sleep\n\nGood sleep matters for people with long-term pain, and a regular bedtime helps more than most people expect.\n\n## Related reading\n\n- [Sleep and chronic pain](https://example.org/a)\n- [A guide to sleep hygiene](https://example.org/b)\n- [Insomnia: what helps](https://example.org/c)`
- not flagged (md): `# Sleep\n\nBook an appointment with your GP if poor sleep lasts more than a month.`
- flagged: `Sleep and Pain\n\nGood sleep matters for people with long-term pain, and a regular bedtime helps more than most people expect.\n\nWant to sleep better? Book your first session today`
- flagged (html): `<div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>\n<h1>Sleep</h1>\n<p>Good sleep matters for people with long-term pain, and a regular bedtime helps more than most people expect.</p>`
- flagged (md): `Saved to Reading List - 3 May 2025\nSource: https://example.org/sleep\n\n# Sleep\n\nGood sleep matters for people with long-term pain, and a regular bedtime helps more than most people expect.`
- not flagged: `Acupuncture may help some people with back pain.`

## Fix
Safe: the run is deleted (with the blank lines after it) where its first and
last lines hold nothing but the run. In HTML files, a run made of whole
elements is deleted element by element (each from start tag to end tag, so the
markup stays valid); no fix where a run shares a line with text.

## Options
None.
"""
from __future__ import annotations

import bisect
import functools
import re

from acu_lint.model import Finding, Fix
from lint_rules._common import LazyPattern, load_data
from lint_rules._leftovers import memo

ID = "page-chrome"
SEVERITY = "warning"
FIXABLE = True
OPTIONS: dict = {}

# a small English function-word list (jusText's stop-word density): prose is full of
# them, menus and labels are not
_STOP = frozenset(
    "a about after all also an and any are as at be because been but by can could did do does for from "
    "had has have he her his how i if in into is it its just may me might more most my no not of on "
    "one only or other our out over she should so some such than that the their them then there these "
    "they this those through to too up us very was we were what when where which while who will with "
    "would you your".split())

# a block is prose of the article when it is long, light in links and full of function words
GOOD_CHARS = 200
NEAR_CHARS = 70
# links measured per block at most
MAX_SPANS = 200
# this many navigation or interface blocks in a row make the page a scrape
SCRAPED_RUN = 6
# link text: Markdown links (their text may hold an image or wrap a line), HTML anchors,
# autolinks and bare URLs
_LINKS = LazyPattern(
    r"(?=[\[<hw])(?:\[(?P<md>(?:[^\[\]\n]|\n(?!\s*\n)|!?\[[^\[\]\n]*\](?:\([^()\s]*\))?){0,500})\]"
    r"\((?P<mdurl>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
    r"|<a\b[^<>]{0,1000}>(?P<a>(?:[^<]|<(?!/a>|a\b)){0,1000})</a>"
    r"|<(?P<auto>(?:https?|ftp|mailto):[^<>\s]+)>"
    r"|(?P<bare>(?<![\w/(\[\"'=])(?:https?://|www\.)[^\s<>()\[\]]+))",
    re.I)
_HREF = LazyPattern(r"""href\s*=\s*["']?([^"'\s>]*)""", re.I)
_IAL = LazyPattern(r"\s*\{:[^{}\n]{0,200}\}")  # kramdown attributes: "{: .call-to-action}"
_HEADER_KEY = LazyPattern(
    r"(?:title|url source|published time|markdown content|source url|description|author|date)\s*:", re.I)
_BARE_URL_LINE = LazyPattern(r"\s*<?(?:https?://|www\.)\S+>?\s*$", re.I)
_COPYRIGHT = LazyPattern(
    r"(?:©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|all rights reserved|\bform (?:number|no\.?)\s*:"
    r"|\bprinted (?:in|on)\b.{0,30}\d{4}|\brevised (?:in|on)\b.{0,30}\d{4})", re.I)
# a breadcrumb: short segments joined by arrows ("About > Services > Chiropractic Care")
_BREADCRUMB = LazyPattern(r"[^>»›→/|.!?]{1,40}(?:\s[>»›→/|]\s[^>»›→/|.!?]{1,40}){2,6}\s*[>»›→/|]?")
_CONTACT = LazyPattern(
    r"(?:\b(?:address|phone|tel|telephone|fax|e-?mail|call us)\s*:|\+?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b"
    r"|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\b(?:suite|street|st\.|road|rd\.|avenue|ave\.|blvd|floor|po box)\b.{0,40}\d"
    r"|\b\d{1,5}\s+\w+(?:\s+\w+)?\s+(?:street|st|road|rd|avenue|ave|pike|lane|ln|drive|dr|way|blvd)\b)", re.I)
# a reference: authors, a year, an identifier
_REFERENCE = LazyPattern(
    r"\bet al\b|\bdoi\b|\bpmid\b|\bpmc\d|\((?:19|20)\d\d\b|\bretrieved\b.{1,60}\bfrom\b|\b(?:19|20)\d\d\s*;"
    r"|\bvol\.|\bpp?\.\s*\d|\w\.\s+[^.]{3,}\.\s+[^.]*\b(?:19|20)\d\d\b", re.I)
# headings and intros under which a list of links is the writer's own
_LINK_SECTION = LazyPattern(
    r"(?:related|further|suggested|recommended|more) (?:reading|resources|information|help|links)"
    r"|resources|references|sources|bibliography|citations|see also|useful (?:links|websites|resources|contacts)"
    r"|where to (?:get|find) (?:help|support|more)|support (?:groups|organi[sz]ations)|learn more|read more about"
    r"|(?:helpful|trusted) (?:links|websites|resources|sources)|links|websites|organi[sz]ations", re.I)
_SOCIAL = LazyPattern(
    r"(?:facebook|twitter|x|instagram|linkedin|pinterest|youtube|tiktok|whatsapp|reddit|google plus|threads|"
    r"bluesky|mastodon|rss)\b", re.I)
# Previous / Next links between posts
_PAGER = LazyPattern(
    r"(?:[«‹←<]\s*)?(?:previous|prev|next|older|newer)\b(?!\s+(?:step|steps|time|day|week|month|year)s?\b)", re.I)
# the links and headings of an author card
_AUTHOR = LazyPattern(
    r"(?:about the author|author bio|(?:view|see|read) (?:all|more) (?:posts|articles|stories)(?: by| from)?"
    r"|more (?:posts|articles) (?:by|from)|meet the author)\b", re.I)
_RESIDUE = LazyPattern(r"!?\[[^\[\]]{0,300}\]\([^()]{0,1000}\)")
# an indented block of Markdown links (a menu indented under an empty list item) that the
# parser read as code
_MD_LINK = LazyPattern(r"\]\(")
_HTML_BITS = LazyPattern(r"<[^<>]{0,2000}>|&#?\w{1,10};")
# markup without text that is an interface: a link, a button, an icon (a bare <div> or <br>
# is layout and says nothing)
_CHROME_MARKUP = LazyPattern(
    r"<a\b|\]\(|<button\b|<input\b|<form\b|class=[\"'][^\"']{0,200}(?:icon|btn|button|logo|share|nav|menu)", re.I)


# a whole short text that is one entry of a word list (with a colon or stop after it)
_ENTRY_TAIL = r"\s*[:.!]?\s*$"


def _whole(entries):
    """``.match(text)``: True when the whole text is one of ``entries`` (regular
    expressions, case-insensitive); a cheap test of its first letters comes first."""
    from lint_rules._common import WholeMatch

    return WholeMatch(list(entries), tail=_ENTRY_TAIL)


@functools.lru_cache(maxsize=1)
def _lexicon():
    data = load_data("page_chrome.yaml")
    return _whole(data["interface"]), _whole(data["wiki"]), _whole(data["cta"]), _whole(data["menu"])


@functools.lru_cache(maxsize=1)
def _entry_pattern():
    """An interface line or a menu entry, in one pattern (the cheap test of a whole text)."""
    data = load_data("page_chrome.yaml")
    return _whole(list(data["interface"]) + list(data["menu"]))


@functools.lru_cache(maxsize=1)
def _lexicon2():
    """(button labels, shop furniture, widget headings, cookie words, consent words)."""
    data = load_data("page_chrome.yaml")
    cookie, consent = (re.compile(p, re.I) for p in data["cookie_notice"])
    return _whole(data["buttons"]), _whole(data["shop"]), _whole(data["widget_headings"]), cookie, consent


class _Unit:
    __slots__ = ("block", "kind", "start", "end", "line", "end_line", "text", "chars", "words", "link",
                 "urls", "cls", "why", "level", "listed", "depth", "decisive", "phrase", "fast")

    def __init__(self, block, kind):
        self.block = block
        self.kind = kind
        self.start, self.end = block.start, block.end
        self.line, self.end_line = block.line, block.end_line
        self.text = ""
        self.chars = self.words = self.link = 0
        self.urls: list[str] = []
        self.cls = "short"  # hard | weak | strong | good | near | short | keep
        self.why = ""
        self.level = block.level if kind == "heading" else 0
        self.listed = kind == "list_item"
        self.depth = block.depth
        self.decisive = False
        self.phrase = False
        self.fast = False  # classified from its length and words alone


def _link_spans(doc):
    """Sorted (start, end, url) of the link text of every link in the document."""
    text = doc.text
    if "](" not in text and "<a" not in text.lower() and "http" not in text and "www." not in text:
        return [], []
    spans = []
    for m in _LINKS.finditer(text):
        for g, u in (("md", "mdurl"), ("a", None), ("auto", None), ("bare", None)):
            if m.group(g) is not None:
                if g == "a":
                    h = _HREF.search(m.group(0), 0, m.start("a") - m.start())
                    url = h.group(1) if h else ""
                elif u:
                    url = m.group(u)
                else:
                    url = m.group(g)
                spans.append((m.start(g), m.end(g), url))
                break
    spans.sort()
    return spans, [s[0] for s in spans]


def _count_in(offsets, a: int, b: int) -> int:
    """How many prose characters have their source offset in [a, b)."""
    return bisect.bisect_left(offsets, b) - bisect.bisect_left(offsets, a)


def _measure(doc, u: _Unit, proses, spans, starts) -> None:
    parts = [p.text for p in proses if p is not None and p.text.strip()]
    text = " ".join(parts)
    if "{:" in text:
        text = _IAL.sub("", text)
    u.text = " ".join(text.split())
    residue = 0
    if "](" in u.text and len(u.text) <= 3000:
        # a link the inline parser left as text ("[](url)" around an image): markup
        cleaned = _RESIDUE.sub(" ", u.text)
        residue = len(u.text) - len(cleaned)
        u.text = " ".join(cleaned.split())
        if not any(c.isalnum() for c in u.text):
            u.text = ""  # nothing but the brackets of links
    u.chars = len(u.text)
    u.words = len(u.text.translate(_SEPARATOR_DEL).split())  # "|" and "»" are not words
    if not spans or not u.text:
        return
    k = max(0, bisect.bisect_right(starts, u.start) - 1)
    total = bisect.bisect_left(starts, u.end) - k
    stop = k + MAX_SPANS  # a block with hundreds of links: measured on the first ones
    link = 0
    seen = 0
    while k < len(spans) and spans[k][0] < u.end and k < stop:
        a, b, url = spans[k]
        if b > u.start:
            n = sum(_count_in(p.offsets, a, b) for p in proses if p is not None and p.offsets)
            if n:
                link += n
                if len(u.urls) < 50:
                    u.urls.append(url)
        seen += 1
        k += 1
    if total > seen > 0:
        link = link * total // seen
    u.link = min(u.chars, link)


def _indented_links(doc, b) -> bool:
    first = doc.lines[b.line - 1]
    if not first[:1].isspace() or first.lstrip().startswith(("```", "~~~")):
        return False
    raw = doc.text[b.start:b.end]
    if raw.count("\n") >= 400 or not (_MD_LINK.search(raw) or raw.lstrip().startswith("<")):
        return False
    rest = _HTML_BITS.sub("", _RESIDUE.sub("", raw))
    return not any(c in rest for c in "{};=$")


def _units(doc, own) -> list[_Unit]:
    from lint_rules.web_boilerplate import in_page_template

    spans, starts = _link_spans(doc)
    units: list[_Unit] = []
    container = None  # an HTML block of a Markdown file and the prose blocks parsed inside it
    children: list = []
    for b in doc.blocks:
        if container is not None and b.start >= container.start and b.end <= container.end and b is not container.block:
            children.append(b)
            continue
        if container is not None:
            _measure(doc, container, [c.prose for c in children], spans, starts)
            container, children = None, []
        if b.kind == "table_cell":
            continue
        if units and b.start >= units[-1].start and b.end <= units[-1].end and units[-1].kind in ("table", "code"):
            continue
        if in_page_template(own, b):
            continue
        u = _Unit(b, b.kind)
        units.append(u)
        if b.kind == "code" and _indented_links(doc, b):
            from acu_lint.document import _prose_from_lines

            u.kind = "list_item"
            u.listed = True
            _measure(doc, u, [_prose_from_lines(doc, [(doc.line_start(n), doc.line_end(n))
                                                      for n in range(b.line, b.end_line + 1)])], spans, starts)
        elif b.kind in ("code", "table", "front_matter"):
            u.cls = "hard"
        elif b.kind == "html" and doc.kind == "markdown":
            container, children = u, []
        elif b.kind in ("paragraph", "list_item") and b.end - b.start >= 300 and b.prose is not None:
            raw = doc.text[b.start:b.end]
            if "](" in raw or "<" in raw or "http" in raw or "www." in raw or "{:" in raw:
                _measure(doc, u, [b.prose], spans, starts)
            else:  # a long block without links or markup: prose, measured on its words alone
                u.text = b.prose.text
                u.chars = len(u.text)
                u.words = u.text.count(" ") + 1
                u.cls = "pending"
                u.fast = True
        elif b.kind in ("heading", "paragraph", "list_item", "caption"):
            _measure(doc, u, [b.prose], spans, starts)
    if container is not None:
        _measure(doc, container, [c.prose for c in children], spans, starts)
    return units


_SEPARATORS = "|/·•»›>→<«‹←-–—:*#"
_SEPARATOR_DEL = str.maketrans("", "", _SEPARATORS)
_PUNCT = str.maketrans({c: " " for c in ".,;:!?()[]\"'“”‘’*_/|-"})


def _stop_density(low: str) -> float:
    """Share of function words among the (first 80) words of a lower-cased text."""
    words = low[:600].translate(_PUNCT).split(None, 80)[:80]
    if not words:
        return 0.0
    stop = _STOP
    return sum(1 for w in words if w in stop) / len(words)


def _resolve(u: _Unit) -> None:
    """The class of a block left "pending" (prose or not): its function words decide."""
    t = u.text
    sw = _stop_density(t.lower())
    if u.chars >= GOOD_CHARS and sw >= 0.25:
        u.cls = "good"
    elif sw >= 0.2:
        u.cls = "near"
    else:
        u.cls = "short"
    if u.cls == "short" and u.words <= 25 and u.chars <= 600 and _CONTACT.search(t):
        u.why = "contact"


def _classify(doc, units: list[_Unit], hit_spans: set) -> None:
    interface, wiki, cta, menu = _lexicon()
    raw_text = doc.text
    widgets = _widget_spans(doc) if "<" in raw_text else []
    title = doc.title
    k = 0
    for idx, u in enumerate(units):
        if widgets:
            while k < len(widgets) and widgets[k][1] <= u.start:
                k += 1
            if k < len(widgets) and widgets[k][0] <= u.start < widgets[k][1] and u.cls != "hard" \
                    and u.block is not title and u.words <= 80 and (u.text or u.kind == "html"):
                u.cls, u.why, u.decisive = "strong", widgets[k][2], True  # the element's class names a widget
                u.phrase = (u.start, u.end) in hit_spans
                continue
            if k < len(widgets) and widgets[k][0] <= u.start < widgets[k][1] and u.kind in ("rule", "comment"):
                u.cls = "weak"
                continue
        if u.cls == "hard" or u.fast:
            continue
        if (u.start, u.end) in hit_spans:
            u.phrase = True
        if u.kind in ("rule", "comment"):
            u.cls, u.why = "weak", ""
            continue
        if not u.text:
            if _CHROME_MARKUP.search(raw_text, u.start, u.end):
                u.cls, u.why = "strong", "markup"  # icon spans, empty links, logo links
            else:
                u.cls, u.why = "weak", ""  # an image, an empty list item
            continue
        t = u.text
        words = u.words
        ld = u.link / u.chars if u.chars else 0.0
        low = t.lower()
        if words > 30 or u.chars > 600:  # long: prose, or a menu the parser read as one block
            if ld >= 0.5 and u.block.kind == "code":
                u.cls, u.why = "strong", "navigation"
            elif u.phrase:
                u.cls, u.why = "strong", "furniture"
            elif ld <= 0.3 and u.kind != "heading":
                u.cls = "pending"
            continue
        if (":" in t or "from" in low or "jump" in low or "this page" in low or "[edit" in low) and wiki.match(t):
            u.cls, u.why, u.decisive = "strong", "wiki", True
            continue
        if ld >= 0.6 and words <= 12 and (cta.match(t) or "{:" in raw_text[u.start:u.end] and _BUTTON_CLASS.search(
                raw_text, u.start, min(u.end, u.start + 2000)) or "class" in raw_text[u.start:u.end]
                and _BUTTON_CLASS.search(raw_text, u.start, min(u.end, u.start + 2000))):
            u.cls, u.why, u.decisive = "strong", "call to action", True  # a link-button ("{: .btn}")
            continue
        if words <= 14 and not u.listed and ld < 0.3:
            what = _plain_chrome(doc, u, t, low, units[idx + 1] if idx + 1 < len(units) else None)
            if what:
                u.cls, u.why = "strong", what
                u.decisive = u.decisive or what in ("call to action", "shop")
                continue
        elif words <= 60 and not u.listed and "ookie" in t and _cookie_notice(low):
            u.cls, u.why = "strong", "cookie notice"
            u.decisive = idx < 2 or _has_button_bar(doc, u)  # atop the page, or with its buttons
            continue
        if ("©" in t or "copyright" in low or "rights" in low or "printed" in low or "revised" in low
                or "form n" in low) and _COPYRIGHT.search(t):
            u.cls, u.why = "strong", "footer"
            continue
        if ld >= 0.5 and words <= 16 and _PAGER.match(t):
            u.cls, u.why = "strong", "pager"
            continue
        if words <= 12 and "author" in low or "post" in low or "article" in low or "stories" in low:
            if words <= 12 and _AUTHOR.match(t):
                u.cls, u.why = "strong", "author card"
                continue
        if ld >= 0.5 and (words <= 20 or u.block.kind == "code"):
            if words >= 4 and _REFERENCE.search(t):
                u.cls = "keep"  # a reference with its link
                continue
            u.cls, u.why = "strong", ("social links" if _SOCIAL.match(t) else "navigation")
            continue
        if words <= 16 and any(c in t for c in ">»›→/|") and _BREADCRUMB.fullmatch(t) and all(
                len(seg.split()) <= 5 for seg in re.split(r"\s[>»›→/|]\s", t)):
            u.cls, u.why = "strong", "breadcrumb"
            u.decisive = idx < 3 and any(c in t for c in ">»›→")  # an arrowed breadcrumb atop the page
            continue
        if words <= 3 and menu.match(t) and u.kind != "heading" or words <= 3 and doc.kind == "text" and menu.match(t):
            u.cls, u.why = "strong", "navigation"  # a menu entry that lost its link
            continue
        if words <= 8 and interface.match(t) and not (u.kind == "heading" and _LINK_SECTION.fullmatch(t.rstrip(":"))):
            u.cls, u.why = "strong", "interface"
            continue
        if u.phrase:
            u.cls, u.why = "strong", "furniture"
            continue
        if u.kind == "heading":
            u.cls = "short"
            continue
        u.cls = "pending" if ld <= 0.3 and u.chars >= NEAR_CHARS and words >= 10 else "short"
        if u.cls == "short" and words <= 25 and _CONTACT.search(t):
            u.why = "contact"


# a link or button marked as a button by its class: "{: .btn .btn-lg}", class="cta-button"
_BUTTON_CLASS = LazyPattern(
    r"\{:[^{}\n]{0,200}\.(?:btn|button|cta|call-to-action)(?![\w-])"
    r"|class\s*=\s*[\"'][^\"']{0,200}(?<![\w-])(?:btn|button|cta|call-to-action)(?![\w])", re.I)
# a bar of buttons or entries on one line: wide gaps, bars or bullets between them
_BAR_SPLIT = LazyPattern(r"\s{2,}|\t|\s*[|·•]\s*|\s+/\s+")
_BAR_LABEL = LazyPattern(r"^([A-Za-z][\w ]{0,24}?)\s*:\s+(?=\S)")
# a short question before a call to action ("Ready to get started? Book ...")
_TEASER = LazyPattern(r"^[^.?!\n]{3,60}\?\s+")
_LEAD_SYMBOLS = LazyPattern(r"^[\W_]+")


def _button_bar(line: str) -> tuple[str, int] | None:
    """(kind, entries) when a short line is nothing but labels of the page's interface
    (buttons, menu entries, networks, calls to action), at least two of them, set apart
    by wide gaps, bars or bullets ("Accept all   Reject", "Share: Facebook | Email")."""
    if len(line) > 160:
        return None
    interface, _wiki, cta, menu = _lexicon()
    buttons = _lexicon2()[0]
    body = line.strip(" \t*_#>-")
    label = _BAR_LABEL.match(body)
    if label:
        if not (interface.match(label.group(1)) or buttons.match(label.group(1))):
            return None
        body = body[label.end():]
    parts = [x.strip() for x in _BAR_SPLIT.split(body) if x and x.strip()]
    if len(parts) < 2:
        return None
    social = 0
    for x in parts:
        if _SOCIAL.fullmatch(x):
            social += 1
        elif not (buttons.match(x) or interface.match(x) or menu.match(x) or cta.match(x)):
            return None
    return ("social links" if social == len(parts) or label and social else "interface"), len(parts)


# a bar of bracketed buttons that lost their links: "[Book Now] [Gift Vouchers] [Price List]",
# "[Jump to Recipe] · [Print Recipe]"
_BRACKET_BAR = LazyPattern(r"\[([^\[\]\n]{2,40})\](?:\s*[|·•/]?\s*\[([^\[\]\n]{2,40})\]){1,7}\s*")
_BRACKET_ITEM = LazyPattern(r"\[([^\[\]\n]{2,40})\]")
_BUTTON_VERBS = ("jump", "print", "view", "see", "read", "watch", "save", "share", "pin", "skip")
_SLOT_WORDS = frozenset("your insert add name here todo tbd placeholder city".split())


def _bracket_bar(t: str) -> int:
    """The number of buttons when a line is only bracketed labels (two to eight, a few
    capitalised words each, no slot words: "[Your City]" is a template's), one of them at
    least a known label or led by an action verb (half of them in a bar of two); else 0."""
    if len(t) > 240 or not _BRACKET_BAR.fullmatch(t):
        return 0
    interface, _wiki, cta, menu = _lexicon()
    buttons = _lexicon2()[0]
    labels = _BRACKET_ITEM.findall(t)
    known = 0
    for x in labels:
        words = x.split()
        if not words or len(words) > 4 or not x[0].isupper() or _SLOT_WORDS.intersection(w.lower() for w in words):
            return 0
        first = words[0].lower()
        if first in _CTA_VERBS or first in _BUTTON_VERBS or buttons.match(x) or interface.match(x) \
                or menu.match(x) or cta.match(x):
            known += 1
    return len(labels) if known and (2 * known >= len(labels) or len(labels) >= 3) else 0


# the first words of widget headings, and words of shop furniture (cheap tests before the patterns)
_WIDGET_FIRST = frozenset("recent latest popular trending most top featured more categories archive archives tags "
                          "tag blogroll meta follow stay connect newsletter subscribe search comments comment leave "
                          "post add write join one two three four five six seven eight nine ten".split())
_SHOP_WORDS = ("★", "☆", "deliver", "shipping", "postage", "returns", "stock", "basket", "cart", "bag", "checkout",
               "review", "rating", "save", "buy", "wish", "trolley", "qty", "quantity")


# an element whose class or id names a widget of the site ("cookie-notice", "sidebar",
# "share-buttons", "breadcrumb", "site-footer", "main-nav", "comments")
# (two patterns with a literal start each: the engine finds their first letters fast)
_CLASS_ATTR = LazyPattern(r"class\s*=\s*[\"']?([^\"'<>]{1,200})")
_ID_ATTR = LazyPattern(r"\sid\s*=\s*[\"']?([^\"'<>]{1,200})")
_CLASS_SPLIT = LazyPattern(r"[^a-z0-9]+")
_WIDGET_WORDS = frozenset("cookie cookies consent gdpr sidebar widget widgets share sharing breadcrumb breadcrumbs "
                          "footer nav navbar navigation menu comment comments newsletter subscribe popup modal".split())
_TAG_NAME = LazyPattern(r"<([a-z][a-z0-9]{0,10})\b", re.I)
_TAG_EDGE = LazyPattern(r"<(/?)([a-z][a-z0-9]{0,10})\b", re.I)


def _widget_spans(doc) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the HTML elements that a class or id names as the site's
    widgets (in a whole page that marks its article, the template outside it is left
    out before: see web_boilerplate.in_page_template)."""
    text = doc.text
    if "=" not in text:  # (no attribute at all: one scan of the text)
        return []
    out = []
    pos = 0
    title = doc.title.start if doc.title is not None else -1
    attrs = list(_CLASS_ATTR.finditer(text))
    if " id" in text:
        attrs = sorted(attrs + list(_ID_ATTR.finditer(text)), key=lambda m: m.start())
    for m in attrs:
        if m.start() < pos:
            continue  # inside the widget found before
        words = set(_CLASS_SPLIT.split(m.group(1).lower()))
        hit = words & _WIDGET_WORDS
        if not hit:
            continue
        lt = text.rfind("<", max(0, m.start() - 500), m.start())
        tag = _TAG_NAME.match(text, lt) if lt >= 0 and ">" not in text[lt:m.start()] else None
        if tag is None:
            continue
        start = lt
        end = _element_end(text, m.end(), tag.group(1).lower())
        if start <= title < end or end - start > max(2000, len(text) // 3):
            continue  # a wrapper around the article ("content-sidebar-wrap"), not a widget
        out.append((start, end, "cookie notice" if hit & {"cookie", "cookies", "consent", "gdpr"} else "interface"))
        pos = end
        if len(out) >= 200:
            break
    return out


def _element_end(text: str, after: int, tag: str) -> int:
    """Offset past the element of ``tag`` opened before ``after`` (its closing tag
    counted with nesting; the end of the scanned stretch when it never closes)."""
    depth = 1
    limit = min(len(text), after + 50_000)
    for m in _TAG_EDGE.finditer(text, after, limit):
        if m.group(2).lower() != tag:
            continue
        depth += -1 if m.group(1) else 1
        if depth == 0:
            close = text.find(">", m.end(), limit)
            return close + 1 if close >= 0 else m.end()
    return limit


def _has_button_bar(doc, u: _Unit) -> bool:
    """A line of the block is a bar of buttons ("Accept   Reject")."""
    return any(_button_bar(doc.lines[n - 1]) for n in range(u.line, min(u.end_line, u.line + 5) + 1)
               if "  " in doc.lines[n - 1] or "|" in doc.lines[n - 1])


def _cookie_notice(low: str) -> bool:
    """A consent banner's sentence: it speaks of cookies and of agreeing to them."""
    _b, _s, _w, cookie, consent = _lexicon2()
    return cookie.search(low) is not None and consent.search(low) is not None


def _plain_chrome(doc, u: _Unit, t: str, low: str, nxt: _Unit | None) -> str:
    """The kind of a short block without links that is chrome by its words: a button
    bar, a widget's heading, shop furniture, a consent banner, a call to action
    standing alone (a short teaser question may open it; a line that a paragraph
    follows is the heading of its section: "Contact us" over how to reach the
    clinic). "" when it is none."""
    if u.line == u.end_line and len(t) <= 160 and ("  " in doc.lines[u.line - 1] or any(
            c in t for c in "|·•/\t")):
        bar = _button_bar(doc.lines[u.line - 1])
        if bar:
            u.decisive = bar[1] >= 3
            return bar[0]
    if t[:1] == "[" and u.line == u.end_line:
        bar = _bracket_bar(t)
        if bar:
            u.decisive = bar >= 3 or "jump to " in low
            return "interface"
    buttons, shop, widget, _cookie, _consent = _lexicon2()
    first = low.split(None, 1)[0].strip("#*_([") if low else ""
    if u.words <= 12 and (first in _WIDGET_FIRST or first.isdigit() or "says" in low) and widget.match(t):
        return "interface"  # "Recent Posts", "2 thoughts on ...", "Categories"
    if (any(c.isdigit() for c in t) or any(k in low for k in _SHOP_WORDS)) and shop.match(t):
        return "shop"
    if "ookie" in t and _cookie_notice(low):
        u.decisive = u.line <= 3 or _has_button_bar(doc, u)
        return "cookie notice"
    if u.words <= 4 and buttons.match(t):
        return "interface"
    if u.kind == "heading" and doc.kind != "text" or t.rstrip()[-1:] in ".,;":
        return ""  # a section heading of the article; a sentence
    body = t if t[:1].isalpha() else _LEAD_SYMBOLS.sub("", t)
    if "?" in body:
        teaser = _TEASER.match(body)
        if teaser and len(teaser.group(0).split()) <= 8:
            body = body[teaser.end():]
    if body[:10].lower().startswith(_CTA_VERBS) and _lexicon()[2].match(body) and not (
            nxt is not None and nxt.kind == "paragraph" and nxt.block.prose is not None
            and nxt.block.prose.text.count(" ") >= 8 and nxt.line - u.end_line <= 2):
        return "call to action"
    return ""


def _scraper_header(doc, units) -> int:
    """Index past the last unit of a reader tool's header at the top, or 0."""
    if not units:
        return 0
    first = units[0]
    if first.cls == "hard" and first.kind == "front_matter":
        return 0
    # "Title: ...", "URL Source: ...", "Markdown Content:" (Jina Reader and its kind)
    keys = 0
    last = -1
    source = False
    for i, u in enumerate(units[:8]):
        line = doc.lines[u.line - 1]
        m = _HEADER_KEY.match(line)
        if m is None:
            break
        keys += 1
        last = i
        key = m.group(0).lower()
        source = source or "url source" in key or "markdown content" in key or "source url" in key
        if "markdown content" in key:
            break
    if keys >= 2 and source:
        end = last + 1
        # the page title the tool prints under "Markdown Content:" belongs to the header
        # when the article has a title heading of its own further down
        if end < len(units) and units[end].kind == "heading" and units[end].level == 1 and any(
                v.kind == "heading" and v.level == 1 for v in units[end + 1:]):
            end += 1
        return end
    if first.kind in ("paragraph", "heading") and first.line == first.end_line and _BARE_URL_LINE.match(
            doc.lines[first.line - 1]) and len(units) > 1:
        return _saved_lines(doc, units, 1)
    # a read-later or export tool's header: the page's title, its address (often without
    # the scheme) and "Saved with ... on <date>"; the title belongs to it when the
    # article's own title follows further down
    for k in (0, 1):
        if k >= len(units) - 1:
            break
        u = units[k]
        if u.kind not in ("paragraph", "heading") or u.end_line - u.line > 2 or u.cls == "hard":
            break
        if not _SOURCE_LINE.match(doc.lines[u.end_line - 1]):
            continue
        above = " ".join(doc.lines[n - 1].strip() for n in range(units[0].line, u.end_line)).lower()
        if above and not any(v.kind == "heading" and 1 <= len(v.text) <= 200 and v.text.lower() in above
                             for v in units[k + 1:k + 40]):
            break  # the title above the address is the article's only title
        return _saved_lines(doc, units, k + 1)
    return 0


# "Source: https://...", "Open original: <url>", "Original URL - example.org/post"
_LABELED_URL = LazyPattern(
    r"\s*(?:[*_]{1,2})?(?:source|original|open original|view original|original (?:url|link|article)|url|link"
    r"|read online|web version|view online)(?:[*_]{1,2})?\s*[:\u2013\u2014-]\s*(?:[*_]{1,2})?"
    r"<?(?:\[[^\]\n]{0,200}\]\()?(?:https?://|www\.)\S+\s*$", re.I)


def _read_later_header(doc, units) -> int:
    """Index past a reading-list or read-later tool's header at the top: two or more
    lines, each a "Saved to ... - <date>" line or a labelled address ("Source: <url>",
    "Open original: <url>"), with at least one address; 0 when there is none."""
    end = lines = urls = 0
    for u in units[:4]:
        if u.kind not in ("paragraph", "heading", "list_item") or u.end_line - u.line > 4:
            break
        ok = True
        for n in range(u.line, u.end_line + 1):
            line = doc.lines[n - 1]
            if len(line) > 300:
                ok = False
                break
            if _LABELED_URL.match(line):
                urls += 1
            elif not _SAVED.match(line):
                ok = False
                break
            lines += 1
        if not ok:
            break
        end += 1
    return end if lines >= 2 and urls >= 1 and end < len(units) else 0


_SOURCE_LINE = LazyPattern(
    r"\s*<?(?:(?:https?://|www\.)\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/\S*)>?\s*$", re.I)
# "Saved with ReadLater on 12/03/2024", "Clipped from example.org, 3 May 2024", "Accessed 2024-05-03"
_SAVED = LazyPattern(
    r"\s*(?:saved|clipped|captured|archived|exported|downloaded|printed|retrieved|accessed|fetched|converted"
    r"|read later|bookmarked)\b[^\n]{0,80}?(?:\b(?:19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    r"|\b\d{1,2}:\d\d\b|\b(?:with|using|via|by)\s+\S+)[^\n]{0,40}$", re.I)


def _saved_lines(doc, units, end: int) -> int:
    """``end`` moved past the "Saved with ... on <date>" lines right after a header."""
    while end < len(units) - 1 and end < 4 and units[end].line == units[end].end_line \
            and units[end].kind in ("paragraph", "heading") and len(units[end].text) <= 120 \
            and _SAVED.match(doc.lines[units[end].line - 1]):
        end += 1
    return end


def _toc(doc, units: list[_Unit]) -> None:
    """Links to the article's own headings (a table of contents) are content."""
    headings = {" ".join(u.text.lower().split()) for u in units if u.kind == "heading" and u.text}
    for u in units:
        if u.cls == "strong" and u.why == "navigation" and u.urls and all(
                url.startswith("#") and len(url) > 1 for url in u.urls):
            if " ".join(u.text.lower().split()) in headings:
                u.cls = "keep"


def _writer_lists(units: list[_Unit], lo: int, hi: int) -> None:
    """A list of links that the writer introduces is content: its items are kept.
    The writer introduces it with a heading that is not itself chrome ("## Related
    reading", "## Apps that can help"; a menu's "Navigation" or "Search" is), a short
    line naming a links section ("**Sources**"), a line ending with a colon ("Useful
    links:"), or, for titles of several words (not a menu's one-word entries),
    straight after the article's prose."""
    i = lo
    while i < hi:
        u = units[i]
        if not (u.cls == "strong" and u.why == "navigation" and u.urls):
            i += 1  # (a menu entry without a link is no reading list)
            continue
        j = i
        listed = u.listed
        while j < hi and (units[j].cls == "weak" or units[j].cls in ("strong", "keep") and units[j].why in (
                "navigation", "") and (units[j].listed == listed or units[j].cls == "keep")):
            j += 1
        k = i - 1
        while k >= lo and units[k].cls == "weak":
            k -= 1
        intro = units[k] if k >= lo else None
        # links that go nowhere ("", "#") are the buttons of a widget, never a reading list
        items = [v for v in units[i:j] if v.cls == "strong"]
        if any(v.urls and all(url.strip() in ("", "#") for url in v.urls) for v in items):
            i = max(j, i + 1)
            continue
        titles = bool(items) and min(v.words / max(1, len(v.urls)) for v in items) >= 3
        if intro is not None and intro.cls != "strong" and (
                intro.kind == "heading" and any(c.isalpha() for c in intro.text)  # (a menu's own heading is chrome)
                or intro.kind != "heading" and not intro.listed and intro.why == "" and (
                    intro.words <= 6 and _LINK_SECTION.search(intro.text[:200])  # "**Relevant sources**" as a heading
                    or intro.words >= 2 and (intro.text.rstrip().endswith(":")
                                             or titles and intro.text.rstrip()[-1:] in ".!?:"))):
            for v in items:
                v.cls, v.why = "keep", "writer"
        i = max(j, i + 1)


# what a page's chrome cannot do without: links or markup, a reader header, wiki or
# footer words, breadcrumb arrows (otherwise only a few interface lines can be chrome)
_MARKERS = ("](", "<", "http", "www.", "©", "opyright", "rights reserved", "›", "»", "→", " > ", " | ",
            "URL Source:", "Markdown Content:", "Jump to", "etrieved from", "[edit", "This page was last",
            "rinted in", "evised in", "orm N", "uthor", "ookies", "★", "asket", "ASKET", "elivery on", "ELIVERY ON")
# markers with a character that prose holds rarely: that character is looked for first
# (a scan for one character costs a fraction of a scan for a string)
_ANCHORS = {"](": "]", " > ": ">", " | ": "|", "[edit": "[", "URL Source:": "U", "Markdown Content:": ":",
            "Jump to": "J", "orm N": "N", "ASKET": "K", "ELIVERY ON": "V"}
# (anchor or "", marker): one-character markers first, then the anchored ones
_MARKER_PLAN = tuple(sorted(((_ANCHORS.get(m, ""), m) for m in _MARKERS),
                            key=lambda am: 0 if len(am[1]) == 1 else 1 if am[0] else 2))


def _has_marker(text: str) -> bool:
    """True when ``text`` holds one of :data:`_MARKERS`."""
    for anchor, m in _MARKER_PLAN:
        if (not anchor or anchor in text) and m in text:
            return True
    return False


def _worth_a_look(doc) -> bool:
    """Cheap test of the whole text: can it hold a run of chrome at all?"""
    if _has_marker(doc.text):
        return True
    cta = _lexicon()[2]
    entry = _entry_pattern()
    hits = 0
    for line in doc.lines[:4]:  # a read-later tool's header: the page's address near the top
        if "/" in line and "." in line and (_SOURCE_LINE.match(line) or ":" in line and _LABELED_URL.match(line)):
            return True
    for line in doc.lines:
        n = len(line)
        if n == 0 or n > 120:
            continue
        if n <= 40 and entry.match(line.strip(" \t*-+#>")):
            hits += 1
            if hits >= 2:
                return True
        if line[0] == "[" and "] " in line and _bracket_bar(line.strip()):
            return True  # a bar of bracketed buttons
        # a call to action standing alone ("Ready? Book your first visit today")
        if n > 4 and line[-1] != "." and line[0] not in _NOT_CTA_START and line.count(" ") <= 20:
            body = line if line[0].isalpha() else _LEAD_SYMBOLS.sub("", line)
            if "?" in body:
                teaser = _TEASER.match(body)
                body = body[teaser.end():] if teaser else body
            if body[:10].lower().startswith(_CTA_VERBS) and cta.match(body):
                return True
    return False


# a line that is a heading, a list item, a table row, a quote or indented: no call to action
_NOT_CTA_START = frozenset("#-*+|>0123456789 \t<![`")
_CTA_VERBS = ("book", "schedule", "make", "request", "reserve", "arrange", "claim", "get", "grab", "start", "order",
              "buy", "register", "enrol", "enroll", "join", "sign", "download", "try", "call", "phone", "ring", "text",
              "email", "message", "contact", "whatsapp", "shop")


def _analyse(doc) -> list:
    """The runs of chrome, as lists of units (memoised per Document)."""
    from lint_rules import web_boilerplate

    if not doc.blocks or len(doc.text) > 5_000_000 or not _worth_a_look(doc):
        return []
    own = web_boilerplate._scope(doc)
    units = _units(doc, own)
    if not units:
        return []
    hit_spans = {(b.start, b.end) for b, _ in web_boilerplate.phrase_hits(doc)}
    _classify(doc, units, hit_spans)
    header = _scraper_header(doc, units)
    # a reading-list tool's few lines atop an article (the page around it was not kept)
    later = 0 if header else _read_later_header(doc, units)
    if not header and not later and not any(u.cls == "strong" and not u.phrase for u in units):
        return []  # nothing that structure calls chrome (most articles stop here)
    for u in units:
        if u.cls == "pending":
            _resolve(u)
    for u in units[:header or later]:
        u.cls, u.why, u.decisive = "strong", "scraper header", True
    _toc(doc, units)
    n = len(units)
    _writer_lists(units, 0, n)
    wiki = any(u.why == "wiki" for u in units)
    # a long unbroken stretch of navigation and interface is a scraped page's menu
    # (ten entries, or six with nested entries or with other interface among them: six
    # links in a row in an ordinary article are more likely the writer's list)
    # (a label of a few words that no list names, between entries, is one more entry:
    # a menu copied as plain text has entries no vocabulary knows)
    menu = False
    cur, kinds, nested, labels = 0, set(), False, 0
    for u in units:
        if u.cls == "strong" and u.why in ("navigation", "markup", "social links", "interface", "call to action"):
            cur += 1
            kinds.add(u.why)
            nested = nested or (u.listed and u.depth > 0)
            if (cur >= 2 * SCRAPED_RUN - 2 or cur >= SCRAPED_RUN and (nested or len(kinds) >= 2)) \
                    and 3 * labels <= cur:
                menu = True
                break
        elif cur >= 2 and u.cls == "short" and not u.why and u.words <= 3 and u.text[-1:] not in ".!?:;,":
            cur += 1
            labels += 1
        elif u.cls != "weak":
            cur, kinds, nested, labels = 0, set(), False, 0
    scraped = bool(header) or wiki or menu
    region = [False] * n  # before the article starts or after it ends, on a scraped page
    if scraped:
        goods = [i for i, u in enumerate(units) if u.cls == "good"]
        if goods:
            s = goods[0]
            while s - 1 >= header and units[s - 1].cls in ("short", "near", "weak", "keep") and not (
                    units[s - 1].cls == "short" and units[s - 1].why):
                s -= 1
            s = max(s, header)
            e = goods[-1]
            while e + 1 < n and units[e + 1].cls in ("near", "good"):
                e += 1
            # the article's title: the last top-level heading before the start stays
            title = None
            for i in range(s - 1, header - 1, -1):
                u = units[i]
                if u.kind == "heading" and u.level == 1 and u.why != "wiki":
                    title = i
                    break
            for i in list(range(header, s)) + list(range(e + 1, n)):
                u = units[i]
                if i < s and u.cls == "keep" and u.why == "writer":
                    u.cls = "strong"  # before the article starts, a list of titles is the site's
                if i == title or u.cls in ("hard", "keep", "weak") or u.cls != "strong" and _REFERENCE.search(u.text[:600]):
                    continue
                if u.cls != "strong":
                    u.cls, u.why = "strong", u.why or "page"
                region[i] = True
            if title is not None:
                units[title].cls = "keep"  # the article's title is never chrome

    # smoothing: blocks too short to judge alone take the class of their neighbours
    # when both are chrome (the edges of a scraped page count as chrome)
    seq = [i for i, u in enumerate(units) if u.cls != "weak"]
    m = len(seq)
    k = 0
    while k < m:
        if units[seq[k]].cls not in ("short", "near"):
            k += 1
            continue
        j = k
        while j < m and units[seq[j]].cls in ("short", "near"):
            j += 1
        before = units[seq[k - 1]].cls == "strong" if k > 0 else scraped
        after = units[seq[j]].cls == "strong" if j < m else scraped
        group = [units[idx] for idx in seq[k:j]]
        few_labels = len(group) <= 3 and all(
            u.cls == "short" and u.kind != "heading" and u.text[-1:] not in ".!?:;," for u in group)
        if not scraped and not few_labels and not (len(group) <= 3 and all(u.cls == "short" for u in group)):
            before = False  # in an ordinary article only a few short lines are absorbed
        if not before and after and few_labels and k > 0 and units[seq[k - 1]].cls == "good":
            before = True  # a sidebar's labels after the article's last paragraph ("Office hours")
        if before and after and (k > 0 or j < m):
            for idx in seq[k:j]:
                u = units[idx]
                u.cls, u.why = "strong", u.why or "page"
        k = j
    # runs: chrome blocks with the weak blocks (images, rules, comments) between them
    runs = []
    i = 0
    while i < n:
        if units[i].cls != "strong":
            i += 1
            continue
        j = i
        last = i
        while j < n and units[j].cls in ("strong", "weak"):
            if units[j].cls == "strong":
                last = j
            j += 1
        if any(units[x].why == "author card" for x in range(i, last + 1)):
            back = i
            while back > 0 and i - back < 4 and units[back - 1].cls in ("short", "weak") \
                    and units[back - 1].kind != "heading" and units[back - 1].words <= 8:
                back -= 1
            i = back  # the photo, name and credentials above the card's links
        if units[last].why == "author card" and units[last].words <= 4:
            # "About the author" closing a run takes the short bio under it, when the
            # article's own text does not go on after it
            k = last + 1
            while k < n and k - last <= 3 and units[k].kind == "paragraph" and 0 < units[k].words <= 60 \
                    and units[k].cls not in ("strong", "hard"):
                k += 1
            if k > last + 1 and all(units[x].cls in ("strong", "weak") for x in range(k, n)):
                last = k - 1
                j = max(j, k)
        run = units[i:last + 1]
        if _accept(run, scraped, any(region[i:last + 1])):
            runs.append(run)
        i = j
    return runs


def _accept(run, scraped: bool, in_region: bool) -> bool:
    strong = [u for u in run if u.cls == "strong"]
    if all(u.phrase for u in strong):
        return False  # furniture lines found by their wording alone are web-boilerplate's
    if len(run) == 1 and run[0].phrase:
        return False  # one block its wording already names: web-boilerplate reports it (with its fix)
    if any(u.decisive for u in strong) or in_region:
        return True
    kinds = [u.why for u in strong if not u.phrase and u.why in _STRUCTURAL]
    structural = len(kinds)
    if structural >= 3 or (structural >= 2 and (scraped or len(strong) >= 3)):
        return True
    if structural >= 1 and len(strong) >= 2 and len({u.why for u in strong}) >= 2:
        return True  # a menu next to a furniture line, a footer's links next to its copyright line
    # two blocks of different kinds (a menu and a search box, an author card and its
    # social links), or a pair of Previous / Next links
    return structural >= 2 and (len(set(kinds)) >= 2 or "pager" in kinds or "author card" in kinds)


_STRUCTURAL = frozenset({"navigation", "markup", "social links", "interface", "footer", "wiki", "call to action",
                         "breadcrumb", "pager", "author card", "cookie notice", "shop"})


_KIND_ORDER = ("scraper header", "wiki", "cookie notice", "breadcrumb", "navigation", "pager", "author card",
               "interface", "markup", "social links", "shop", "furniture", "footer", "contact", "call to action", "page")
_KIND_NAMES = {
    "scraper header": "reader-tool header", "wiki": "wiki chrome", "navigation": "navigation links",
    "breadcrumb": "breadcrumb", "pager": "previous/next links", "author card": "author card",
    "interface": "menus and widgets", "markup": "empty links and icon markup", "social links": "social links",
    "furniture": "page furniture", "footer": "footer", "contact": "contact lines",
    "call to action": "call to action", "page": "page text", "cookie notice": "cookie notice",
    "shop": "shop furniture"}


def run_lines(doc) -> frozenset[int]:
    """1-based lines that page-chrome's runs cover."""
    def compute():
        lines: set[int] = set()
        for run in memo(doc, "page-chrome", lambda: _analyse(doc)):
            lines.update(range(run[0].line, run[-1].end_line + 1))
        return frozenset(lines)

    return memo(doc, "page-chrome.lines", compute)


def leftover_lines(doc) -> frozenset[int]:
    """The lines this rule reports with its default options (see lint_rules/_leftovers)."""
    return run_lines(doc)


_NOT_TEXT = LazyPattern(r"\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)|\{:[^{}\n]*\}|<[^<>\n]*>|[\[\]()*_#>|/\\\s]")


def _stands_alone(doc, first, last) -> bool:
    """The run's first line holds nothing before it, its last line nothing after it
    but markup (the URL of its last link, a closing tag)."""
    before = doc.lines[first.line - 1][: first.start - doc.line_start(first.line)]
    after = doc.lines[last.end_line - 1][last.end - doc.line_start(last.end_line):]
    return not before.strip(" \t>#*_-+0123456789.)[]") and not _NOT_TEXT.sub("", after)


def _whole_elements(doc, run) -> bool:
    """Every block of an HTML run is all that its element holds, and no two share a line
    unless they are separate elements (the edits must not overlap)."""
    from lint_rules._common import block_stands_alone

    last_end = -1
    for u in run:
        b = u.block
        if not b.data.get("element") and not block_stands_alone(doc, b):
            return False
        span = b.data.get("element") or (doc.line_start(b.line), b.end)
        if span[0] < last_end:
            return False
        last_end = span[1]
    return True


def check(doc, options):
    for run in memo(doc, "page-chrome", lambda: _analyse(doc)):
        first, last = run[0], run[-1]
        kinds = []
        for u in run:
            if u.cls == "strong" and u.why and u.why not in kinds:
                kinds.append(u.why)
        kinds.sort(key=lambda k: _KIND_ORDER.index(k) if k in _KIND_ORDER else 99)
        what = ", ".join(_KIND_NAMES.get(k, k) for k in kinds[:3]) or "page chrome"
        nlines = last.end_line - first.line + 1
        fix = None
        if doc.kind != "html":
            if _stands_alone(doc, first, last):
                fix = Fix((doc.delete_lines(first.line, last.end_line),), True, "delete the page chrome")
        elif _whole_elements(doc, run):
            # an HTML run made of whole elements: each goes from start tag to end tag
            fix = Fix(tuple(doc.delete_block(u.block) for u in run), True, "delete the page chrome")
        yield Finding(first.start, last.end,
                      f"Page chrome scraped with the article ({what}; {nlines} line{'s' if nlines != 1 else ''}): "
                      "it is the website around the article, not the article. Delete it.", fix=fix)
