r"""Page furniture scraped together with the article ("Leave a Comment", "Scroll to Top").

## What it finds
Blocks that are the website's interface rather than the article: comment
forms ("Leave a Comment", "Your email address will not be published.
Required fields are marked *"), navigation ("Scroll to Top", "Skip to
content", "Home » Blog » ..."), share bars ("Share this:", "Facebook Twitter
LinkedIn"), post metadata ("Posted in ...", "Tagged ..."), cookie notices and
copyright footers. Only whole blocks are matched, never words inside a sentence.
Also a newsletter's footer ("You are receiving this email because ...",
"Unsubscribe | Update your preferences | View in browser") and its call to
action, a video page's counters ("12,345 views · 2 weeks ago"), "Follow us", a
line of hashtags, "Pin it", "Continue reading below", "Filed under: ...".
In an HTML page that marks its article with `<article>` or `<main>`, text
outside them and text inside a `<nav>`, `<header>`, `<footer>` or `<aside>`
around them is the page's own template in its proper place, not furniture
copied into the article, and is left alone; a nav, footer or aside inside the
article element is read as chrome (in a fragment without them, a `<footer>`
holding "Scroll to Top" is still flagged).
This rule finds single furniture lines by their wording; runs of chrome found
by their structure (menus of links, a reader tool's header, footers, wiki
chrome) are `page-chrome`'s, and a line inside such a run is reported once,
there.

## Why it matters
Interface text copied into the body reads as noise to a patient, breaks the
flow of the article and shows that nobody proofread the page; when the article
is republished the stray "Leave a Comment" points at a form that does not
exist.

## Examples
- flagged: `Leave a Comment`
- flagged: `Your email address will not be published. Required fields are marked *`
- flagged: `Scroll to Top`
- flagged: `Home » Blog » Acupuncture for Migraine`
- flagged: `Share this: Facebook Twitter LinkedIn`
- flagged: `Unsubscribe | Update your preferences | View in browser`
- not flagged: `Leave a comment below if acupuncture helped your migraines.`
- not flagged: `Back pain often gets better within a few weeks.`
- not flagged: `Share your symptoms with your acupuncturist at the first visit.`

## Fix
Safe: the block is deleted (with the blank line after it); in HTML, the
element that holds nothing else, from start tag to end tag.

## Options
- `extra_patterns`: more regular expressions, each matched against a whole block
  (case-insensitive).
"""
from __future__ import annotations

import functools
import re

from acu_lint.model import Finding, Fix
from lint_rules._common import block_stands_alone, load_data

ID = "web-boilerplate"
SEVERITY = "warning"
FIXABLE = True
OPTIONS = {"extra_patterns": []}
MAX_WORDS = 40
# HTML elements that hold a page's template: in a page that marks its article,
# their text is where it belongs
TEMPLATE_CONTEXT = frozenset({"nav", "header", "footer", "aside"})
_MARKS_ARTICLE = re.compile(r"<(?:article|main)\b", re.I)
_WHOLE_PAGE = re.compile(r"<(?:html|body|!doctype)\b", re.I)


def validate(options):
    from acu_lint.patterns import compile_user_pattern

    for i, p in enumerate(options.get("extra_patterns") or []):
        compile_user_pattern(p, f"extra_patterns[{i}]")


@functools.lru_cache(maxsize=8)
def _pattern(extra: tuple[str, ...]):
    """(furniture, companions): each ``.match(text)`` is True when the whole text is one
    of the phrases (a cheap test of the text's first letters rules most prose out)."""
    from lint_rules._common import WholeMatch

    data = load_data("web_boilerplate.yaml")
    companions = list(data.get("companions") or ())
    return WholeMatch(data["phrases"]), WholeMatch(companions) if companions else None


_LIST_INTRO = re.compile(r"(?:related (?:posts|articles)|you (?:may|might) also like|recent posts|read next)\s*:?\s*$",
                         re.I)
_TITLE_END = re.compile(r"[.!?:;,]\s*$")


def _titles_only(text: str) -> bool:
    """Every line a short title: capitalised, at most 12 words, no sentence end."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return bool(lines) and all(
        len(ln.split()) <= 12 and ln[:1].isupper() and not _TITLE_END.search(ln) for ln in lines)


def _matches(pat, user, text: str) -> bool:
    if pat.match(text) or (user and any(u.fullmatch(text) for u in user)):
        return True
    # a paragraph of furniture lines ("Click to share on Facebook" / "Click to share on X")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return len(lines) > 1 and all(
        pat.match(ln) or (user and any(u.fullmatch(ln.strip()) for u in user)) for ln in lines)


def _scope(doc) -> frozenset:
    """In a whole page, the article's own element is the <article> or <main> that holds
    its title (a <main> often holds the comments too; an <article> may be a card);
    what stands outside it (a skip link, the comment form) is the page's template too.
    Empty when the document does not mark its article, and in a fragment (no <html> or
    <body>: a template's content section, a CMS body), where everything is content that
    the site will place in its own template."""
    if doc.kind == "html" and doc.title is not None and _MARKS_ARTICLE.search(doc.text) \
            and _WHOLE_PAGE.search(doc.text, 0, 20000):
        title_context = doc.title.data.get("context") or ()
        return frozenset({"article"} if "article" in title_context else {"main"} if "main" in title_context else ())
    return frozenset()


def in_page_template(own: frozenset, block) -> bool:
    """True for a block of a whole page that is the page's template in its place
    (outside the article element, or in a nav/header/footer/aside around it). A nav,
    footer or aside inside the article element (a breadcrumb, an entry footer with its
    share bar, author box and post links) is read as the article's own chrome."""
    if not own:
        return False
    context = block.data.get("context") or ()
    if own.isdisjoint(context):
        return True
    if TEMPLATE_CONTEXT.isdisjoint(context):
        return False
    context = list(context)
    k = next(i for i, c in enumerate(context) if c in own)
    return not TEMPLATE_CONTEXT.isdisjoint(context[:k]) or "header" in context[k:]


def _hits(doc, pat, companion, user) -> list:
    """The furniture blocks, as ``(block, text)`` in document order."""
    own = _scope(doc)
    # candidates in document order: (block, text, hit); a block that is only a
    # companion ("Facebook", "Name") counts when its neighbour is furniture
    cands = []
    # the box of post titles that a "Related Posts" line opens, as (its last line, the
    # lines the next title may start after it): one blank line may follow the box's
    # heading, none a title; any other block closes it
    box = None
    for b in doc.blocks:
        in_box, box = box, None
        if in_page_template(own, b):
            cands.append(None)
            continue
        if b.kind not in ("heading", "paragraph", "list_item", "table_cell", "caption") or not b.prose:
            cands.append(None)
            continue
        text = b.prose.text.strip()
        if len(text.split()) > MAX_WORDS:
            cands.append(None)
            continue
        if doc.kind == "markdown" and b.kind == "heading" and _LIST_INTRO.match(text):
            cands.append(None)  # "## Related articles" written as a heading: the writer's own section
            continue
        if _matches(pat, user, text):
            cands.append([b, text, True])
            if _LIST_INTRO.match(text):
                box = (b.end_line, 2)
        elif in_box is not None and b.line <= in_box[0] + in_box[1] and _titles_only(text):
            cands.append([b, text, True])  # the linked post titles under "Related Posts"
            box = (b.end_line, 1)
        elif companion is not None and companion.match(text):
            cands.append([b, text, False])
        else:
            cands.append(None)
    # a run of companions next to furniture is furniture: spread forwards, then backwards
    for order in (cands, cands[::-1]):
        prev_hit = False
        for c in order:
            if c is None:
                prev_hit = False
                continue
            if prev_hit:
                c[2] = True
            prev_hit = c[2]
    return [(c[0], c[1]) for c in cands if c is not None and c[2]]


def phrase_hits(doc) -> list:
    """``(block, text)`` of the furniture blocks found with the default options
    (memoised: page-chrome reads them as one feature of its runs)."""
    from lint_rules._leftovers import memo

    def compute():
        pat, companion = _pattern(())
        return _hits(doc, pat, companion, None)

    return memo(doc, "web-boilerplate.hits", compute)


def _own_hits(doc, hits) -> list:
    """The hits that no page-chrome run covers (a run reports its furniture lines itself)."""
    from lint_rules import page_chrome

    taken = page_chrome.run_lines(doc)
    if not taken:
        return list(hits)
    return [(b, t) for b, t in hits if not any(n in taken for n in range(b.line, b.end_line + 1))]


def leftover_lines(doc) -> frozenset[int]:
    """1-based lines of the blocks this rule reports with its default options."""
    from lint_rules._leftovers import memo

    def compute():
        lines: set[int] = set()
        for b, _ in _own_hits(doc, phrase_hits(doc)):
            lines.update(range(b.line, b.end_line + 1))
        return frozenset(lines)

    return memo(doc, "web-boilerplate.lines", compute)


def check(doc, options):
    extra = tuple(options.get("extra_patterns") or ())
    if extra:
        from acu_lint.patterns import compile_user_pattern

        user = [compile_user_pattern(p, f"rules.{ID}.extra_patterns[{i}]") for i, p in enumerate(extra)]
        pat, companion = _pattern(())
        hits = _hits(doc, pat, companion, user)
    else:
        hits = phrase_hits(doc)
    for b, text in _own_hits(doc, hits):
        fix = Fix((doc.delete_block(b),), True, "delete the page furniture") if block_stands_alone(doc, b) else None
        flat = " ".join(text.split())
        shown = flat if len(flat) <= 40 else flat[:37] + "..."
        yield Finding(b.start, b.end,
                      f"Web page furniture copied into the article ('{shown}'): it is part of the old page, "
                      "not the article. Delete it.", fix=fix)
