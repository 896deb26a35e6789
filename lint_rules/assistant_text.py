r"""Text of the AI pipeline left in the article: the assistant's own words, SEO briefs, template slots.

## What it finds
What a content pipeline or a chat assistant wrote around or into the article,
published as if it were the article:
- the assistant's voice, talking to the person who asked for the text: an
  opening such as "Sure! Here's a blog post about ..." or "I've written the
  article below", a closing offer such as "Would you like me to ...?", "Let me
  know if you'd like any changes", "I hope this helps!", and self-references
  such as "As an AI language model". Only talk ABOUT producing the text counts,
  and only at the very start or end of the document (a self-reference or
  "Would you like me to" anywhere); quoted text, block quotes and code are
  never read;
- a code fence that wraps the whole article (` ```markdown ` ... ` ``` `);
- the model's brief pasted into the body: "Meta description:", "Focus
  keyword:", "SEO title:", "Slug:", "Word count:" lines, a second YAML front
  matter block in the body, and pipeline data lines (`Available: ["..."]`); any
  other label line ("Tone: friendly") standing next to brief lines is one of them. Real
  front matter at the top of a Markdown file is metadata and is not read, but a
  front-matter description that holds the assistant's words is reported;
- unfilled template slots: "(Insert Practice Name)", "[Your City]", "[Product
  Name: ...]", "[Call to action here]", "Content here...", "{{clinic_name}}",
  `..._PLACEHOLDER` tokens, "Lorem ipsum"; a run of them (an empty writing
  template) is one finding;
- a script's unfilled values: "[object Object]", "undefined" or "NaN" standing as
  a line, "$undefined" or "NaN%" in a sentence;
- server template code in the published text: `<?php ... ?>`, Blade `{{ $var }}`
  and `@if(...)`, Jinja `{% ... %}` or `{{ var }}` in an HTML or plain-text
  article. In Markdown, `{% ... %}` and shortcodes are the site generator's
  markup and `{{ page.title }}` is Liquid: not reported;
- a slot inside a front matter value (`title: "Knee Pain in [CITY]"`);
- slots beyond the vocabulary: a word budget in brackets ("[Author bio - 50 words
  about ...]"), a capitalised label of a page element ("[CTA BUTTON: ...]"), a
  variable in capitals ("(INSERT_X_LINK)", "{{PRODUCT_CARD: slug}}" in Markdown);
- a page builder's or CMS's bracket shortcodes left in the text, outside code:
  `[et_pb_section ...]`, `[vc_row]`, `[elementor-template id="1"]`, any
  `[name attr="..."]` or closing `[/name]` (`[caption]` is `image-caption`'s).

Image placeholders are `image-prompt`'s.

## Why it matters
A reader who meets "Sure! Here's a blog post about ..." or "(Insert Practice
Name)" knows at once that nobody reviewed the page. For a health publisher,
trust is what the article asks for: quality frameworks for consumer health
information (HONcode, the JAMA benchmarks, the NHS Standard for creating health
content) rest on visible editorial responsibility, and the FTC's guidance on
AI-generated content expects a business to stand behind what it publishes.

## Examples
- flagged (md): `---\ntitle: Sleep\n---\nSure! Here's a blog post about acupuncture and sleep:\n\n# Acupuncture and Sleep\n\nMany people sleep badly when they are in pain.`
- flagged (md): `# Sleep\n\nMany people sleep badly when they are in pain.\n\nWould you like me to add a section on herbal teas?`
- flagged (md): `# Sleep\n\nMany people sleep badly when they are in pain.\n\nLet me know if you'd like any changes to the tone or length!`
- flagged: `Sleep and Pain\n\nAs an AI language model, I cannot give medical advice, but many people sleep badly when they are in pain.`
- flagged (md): `# Sleep\n\nMeta description: Learn how acupuncture may help you sleep.\nFocus keyword: acupuncture for sleep\n\nMany people sleep badly.`
- flagged (md): `# Neck Pain\n\nAt (Insert Practice Name) we see neck pain every week.`
- flagged (md): `# Neck Pain\n\nOur clinic in [Your City] treats neck pain.`
- flagged (md): `# Sleep\n\n**[Product Name: Calm Tea]** is what I drink at night.`
- flagged (md): `# Sleep\n\nMany people sleep badly.\n\n## Introduction\n\n[Hook - why does this matter?]\n\n## Takeaway\n\n[Call to action here]`
- flagged (md): "```markdown\n# Sleep\n\nMany people sleep badly when they are in pain.\n```"
- flagged (html): `<h1>Sleep</h1>\n<p>Call {{ clinic_phone }} to book.</p>`
- flagged (html): `<h1>Sleep</h1>\n<p>Welcome to <?php echo $clinic; ?>.</p>`
- flagged (md): `# Sleep\n\nMany people sleep badly.\n\n[et_pb_section fb_built="1"][et_pb_row]`
- not flagged (md): `# Acupuncture\n\nHere's how acupuncture works: thin needles are placed at chosen points.`
- not flagged (md): `# FAQ\n\nWould you like to book? Call the front desk.`
- not flagged (md): `# Spotting AI Text\n\nChatbots often open with "Sure! Here's a blog post about ..." and close with "Let me know if you'd like any changes."`
- not flagged (md): `# Prompts\n\n> Would you like me to act as a doctor? I want you to act as a doctor.`
- not flagged (md): `---\ntitle: Sleep\ndescription: How acupuncture may help you sleep.\n---\n# Sleep\n\nMany people sleep badly.`
- not flagged (md): `# Sleep\n\nThe clinic (Riverside Practice) opens at nine; see [our hours](/hours).`
- not flagged (md): `# Sleep\n\nYour site's template fills in {{ site.phone }} on every page.`
- not flagged (md): `# Sleep\n\nMany people sleep badly.\n\nI hope this guide helps you rest better.`

## Fix
Safe where a whole block is the leftover: the block is deleted (with the blank
lines after it; an opening or closing chat block takes the `---` rule that
separates it from the article with it). A wrapping fence: its two fence lines
are deleted. A brief or a pasted front-matter block, a run of template slots
and a pipeline data line: their lines are deleted. A slot or a template tag
inside a sentence is reported without a fix: the right words are the writer's.

## Options
None. The word lists (`lint_rules/assistant_text.yaml`) can be extended.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from acu_lint.model import Edit, Finding, Fix
from lint_rules._common import LazyPattern, block_stands_alone, case_exotic, code_lines, literal_index, load_data
from lint_rules._leftovers import memo

ID = "assistant-text"
SEVERITY = "error"
FIXABLE = True
OPTIONS: dict = {}


# ---------------------------------------------------------------------------
# patterns (built once, on first use)
# ---------------------------------------------------------------------------
def _alt(words) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in p.split())
                    for p in sorted({w.strip() for w in words if w and w.strip()}, key=lambda w: (-len(w), w)))


_APOS = "['\u2019]"


@dataclass(frozen=True)
class _P:
    here: re.Pattern
    here_weak: re.Pattern
    made: re.Pattern
    interj: re.Pattern
    req_strong: re.Pattern
    req_weak: re.Pattern
    close: re.Pattern
    strong_any: re.Pattern
    strong_noun: re.Pattern
    brief: re.Pattern
    brief_raw: re.Pattern
    brief_literals: tuple
    brief_strong: frozenset
    fm_key: re.Pattern
    fm_keys: frozenset
    slot_verb: re.Pattern
    strict_verbs: frozenset
    your: re.Pattern
    heads: frozenset
    not_slot: re.Pattern
    section: re.Pattern
    media: re.Pattern


@functools.lru_cache(maxsize=1)
def _p() -> _P:
    d = load_data("assistant_text.yaml")
    noun = _alt(d["text_nouns"])
    verbs = _alt(d["making_verbs"])
    rev = _alt(d["revision_words"])
    det = r"(?:a|an|the|your|my|this|that|one|some|two|three|four|five|\d+)"
    mod = r"(?:[\w'\u2019./-]+,?\s+){0,5}?"
    I = re.I
    here = re.compile(
        rf"\b(?:here{_APOS}s|here\s+is|here\s+are|below\s+(?:is|are|you{_APOS}ll\s+find)|attached\s+is)\s+"
        rf"{det}\s+{mod}(?P<noun>{noun})(?![\w-])(?!\s+(?:from|by)\b)", I)
    # after an interjection ("Certainly! This is the article you asked for"), more
    # presentatives count: this/that is, the following is
    here_weak = re.compile(
        rf"\b(?:this\s+is|that\s+is|these\s+are|the\s+following\s+is|what\s+follows\s+is)\s+"
        rf"{det}\s+{mod}(?P<noun>{noun})(?![\w-])", I)
    made = re.compile(
        rf"\bI(?:{_APOS}ve|\s+have)\s+(?:also\s+|just\s+|now\s+)?(?:{verbs})\s+{det}\s+{mod}(?P<noun>{noun})(?![\w-])", I)
    interj = re.compile(
        r"^\W*(?:sure(?:\s+thing)?|certainly|absolutely|of\s+course|okay|ok|great(?:\s+question)?|alright|all\s+right"
        r"|got\s+it|happy\s+to\s+help|no\s+problem|understood|perfect|here\s+you\s+go)\s*[!.,:;\u2014\u2013-]", I)
    req_strong = re.compile(
        r"\b(?:as\s+(?:you\s+)?requested|you\s+asked\s+(?:for|me)|your\s+request|per\s+your\s+(?:request|instructions|brief)"
        r"|based\s+on\s+(?:your|the\s+(?:provided|given))\s+(?:instructions|outline|brief|prompt|notes|keywords|request"
        r"|guidelines|input|details|information)|copy(?:\s+(?:and|&)\s+|-)paste\s+(?:this|it|the\s+\w+)"
        r"|looking\s+at\s+(?:the|this|your)\s+(?:blog\s+post|article|content|text|draft|post)\b[^.!?]{0,80}?\bI\s+can\s+see)", I)
    req_weak = re.compile(
        r"\b(?:seo[-\s]optimi[sz]ed|(?:the|this)\s+(?:blog\s+post|article|draft)\s+(?:content\s+)?(?:above|below)"
        r"|for\s+your\s+(?:[\w'-]+\s+){0,2}?(?:blog|website|site|newsletter|readers|audience|clinic" + _APOS
        + r"s\s+(?:blog|website)))\b", I)
    offer = _alt(d["offer_nouns"])
    work = _alt(list(d["offer_work_words"]) + list(d["revision_words"]))
    close = re.compile(
        rf"\bwould\s+you\s+like\s+(?:a|an|another|any|more|additional|the|some)\s+{mod}(?:{offer})(?![\w-])"
        rf"(?=[^?\n]*?\b(?:{work})(?![\w-]))[^?\n]*\?"
        rf"|\blet\s+me\s+know\s+(?:if|whether|what|how)\b[^.!?\n]*?(?:\bme\s+to\b|\b(?:{rev})(?![\w-]))"
        r"|\bfeel\s+free\s+to\s+(?:adjust|modify|tweak|customi[sz]e|edit|change|adapt|personali[sz]e|rewrite|expand"
        r"|shorten)\s+(?:it|this|them|these|any|the\s+(?:article|post|blog\s+post|content|text|draft|tone|wording|length"
        r"|sections?|details|copy))\b"
        r"|(?:^|[.!?]\s+|\n)\W*(?:i\s+)?hope\s+(?:this|that|these)\s+helps?\s*(?:[.!]+|$)"
        r"|\b(?:i\s+)?hope\s+(?:this|it)\s+(?:meets\s+your|fits\s+your|works\s+for\s+you|is\s+what\s+you|gives\s+you\s+what)"
        rf"|\b(?:if\s+you{_APOS}d\s+like|if\s+you\s+would\s+like|if\s+you\s+(?:want|prefer|need)|if\s+needed)\s*,?\s+I\s+can\s+"
        rf"(?:also\s+)?\w+\b[^.!?\n]*?(?:\b(?:{noun}|{rev})(?![\w-]))"
        rf"|\bI\s+can\s+also\s+(?:write|create|draft|provide|add|make|generate|prepare|adjust|expand|shorten|tailor|rewrite"
        rf"|turn|include|format|convert)\b[^.!?\n]*?(?:\b(?:{noun}|{rev})(?![\w-]))", I)
    strong_any = re.compile(
        r"\bas\s+an\s+ai(?:\s+language\s+model|\s+model|\s+assistant|\s*,)"
        r"|\bI(?:" + _APOS + r"m|\s+am)\s+(?:just\s+|only\s+)?an?\s+(?:ai\b|artificial\s+intelligence|(?:large\s+)?language\s+model)"
        r"|\bmy\s+(?:knowledge|training)(?:\s+data)?\s+cut-?off"
        r"|\b(?:would\s+you\s+like|do\s+you\s+want|want)\s+me\s+to\b", I)
    labels = list(d["brief_labels_strong"]) + list(d["brief_labels_weak"])
    brief = re.compile(rf"^[\W_]{{0,3}}(?P<label>{_alt(labels)})\s*[*_]*\s*[:\uff1a]\s*[*_]*\s*(?P<value>\S.*)$", I)
    # the same on the source, where markup may stand before the label: a prefilter
    brief_raw = re.compile(rf"^[^\w\n]{{0,12}}(?:{_alt(labels)})\s*[*_]*\s*[:\uff1a]", I | re.M)
    fm_keys = frozenset(d["front_matter_keys"])
    fm_key = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:(?:\s|$)")
    slot_verb = re.compile(rf"^(?:please\s+)?(?P<verb>{_alt(d['slot_verbs'])})\s+(?P<rest>\S.*)$", I)
    your = re.compile(rf"^your\s+(?:[\w'\u2019-]+\s+){{0,2}}?(?:{_alt(list(d['slot_nouns']) + list(d['slot_heads']))})(?![\w-])", I)
    not_slot = re.compile(rf"^(?:{_alt(d['not_slot_labels'])})(?![\w-])", I)
    section = re.compile(rf"^(?:{_alt(d['section_labels'])})\s*(?:[-\u2013\u2014:]|\()\s*\S", I)
    media = re.compile(
        r"^(?:please\s+)?(?:(?:insert|add|include|place|put|embed|upload|use)\s+(?:an?\s+|the\s+|your\s+|relevant\s+)?"
        r"(?:[\w-]+\s+){0,2}?)?(?:images?|img|photos?|photograph|pictures?|pics?|illustrations?|graphics?|charts?|diagrams?"
        r"|infographics?|visuals?|screenshots?|videos?|gifs?|banners?|thumbnails?|icons?|figures?)\b", I)
    return _P(here, here_weak, made, interj, req_strong, req_weak, close, strong_any,
              re.compile(rf"(?<![\w-])(?:{_alt(d['text_nouns_strong'])})(?![\w-])", I), brief, brief_raw,
              # a brief needs a strong label, or slug/keywords: their text is a cheap prefilter
              tuple(sorted({w.lower() for w in d["brief_labels_strong"]} | {"slug", "keyword"})),
              frozenset(w.lower() for w in d["brief_labels_strong"]), fm_key, fm_keys, slot_verb,
              frozenset({"insert", "enter", "fill in", "paste", "replace"}), your,
              frozenset(w.lower() for w in d["slot_heads"]), not_slot, section, media)


_SENTENCE = LazyPattern(r"[^\s][^\n]*?(?:[.!?:]+(?=[\s\"'\u201d\u2019)]|$)[\"'\u201d\u2019)]*|\n|$)")
_RULE_LINE = LazyPattern(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_FENCE = LazyPattern(r"^\s{0,3}(?P<fence>`{3,}|~{3,})\s*(?P<info>[\w+-]*)\s*$")
_PLACEHOLDER_TOKEN = LazyPattern(
    r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_PLACEHOLDER(?:_[A-Z0-9]+)*\b|\bPLACEHOLDER(?:_[A-Z0-9]+)*\b"
    r"|(?<![\w{%\[])(?:\{\{?|%|\[\[|__)[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:\}\}?|%|\]\]|__)(?![\w}%\]])")
_IMAGE_SPAN = LazyPattern(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)|<img\b[^<>\n]{0,2000}>", re.I)
_DATA_LINE = LazyPattern(
    r"^\s*[A-Za-z][\w ]{0,30}:\s*\[\s*(?:\"[^\"\n]*\"|'[^'\n]*')(?:\s*,\s*(?:\"[^\"\n]*\"|'[^'\n]*'))*\s*,?\s*\]\s*$")
# every alternative opens with its bracket, so the engine skips to the next bracket
# character ("\{(?<!\{\{)" is "(?<!\{)\{" with the test after the brace)
_BRACKET = LazyPattern(r"\[(?P<sq>[^\[\]\n]{1,160})\](?![(\[:])|\((?P<pa>[^()\n]{1,160})\)|\{(?<!\{\{)(?P<cu>[^{}\n]{1,100})\}(?!\})")
_DOUBLE_CURLY = LazyPattern(r"\{\{\s*(?P<body>[^{}\n]{1,100}?)\s*\}\}|\{!!\s*(?P<raw>[^{}\n]{1,100}?)\s*!!\}")
_JINJA = LazyPattern(r"\{%-?\s*(?:if|for|endif|endfor|else|elif|block|endblock|extends|include|set|macro|endmacro|with"
                     r"|endwith|raw|url|static|load|csrf_token|trans)\b[^%\n]{0,200}%\}")
_PHP = LazyPattern(r"<\?(?:php\b|=)(?:(?!<\?)[^\n]){0,2000}?(?:\?>|$|(?=<\?))", re.I | re.M)
_BLADE = LazyPattern(
    r"^\s*@(?:if|elseif|foreach|for|forelse|while|isset|unless|include|extends|section|yield|php|auth|guest|can|switch"
    r"|case|empty)\s*\([^\n]{0,200}|^\s*@(?:else|endif|endforeach|endfor|endforelse|endwhile|endisset|endunless|endsection|endphp"
    r"|endauth|endguest|endcan|endswitch|csrf|show|stop|break|default|endempty)\s*$", re.M)
_CONTENT_HERE = LazyPattern(
    r"^(?:your\s+|the\s+|main\s+|more\s+|body\s+|some\s+)?(?:content|text|copy|paragraph|description|intro|introduction"
    r"|conclusion|body|details?|information|answer)\s+(?:goes\s+)?here\b[\s.\u2026!]*$"
    r"|^(?:sub-?heading|heading|section(?:\s+title)?|h[1-6]|paragraph|title|point)\s*\d+\s*[:.]?\s*$"
    r"|^lorem\s+ipsum\b", re.I)
_LOREM = LazyPattern(r"\blorem\s+ipsum\b", re.I)
_META_TEMPLATE = LazyPattern(r"\b(?:template|templates|placeholder|placeholders|variable|variables|syntax|liquid|jinja"
                             r"|handlebars|mustache|shortcode|tag)\b", re.I)
_CLIENT_TEMPLATING = ("ng-app", "ng-controller", "v-if", "v-for", "v-bind", "x-data", "data-bind", "{{#")
_SLOTTY_NAME = LazyPattern(r"(?:name|city|clinic|practice|phone|address|business|company|product|keyword|email|location"
                           r"|town|doctor|brand|website|url|service|price|offer)", re.I)
_SMALL = frozenset({"of", "the", "to", "for", "and", "or", "&", "/", "a", "an", "in", "on", "with", "your", "my",
                    "our", "-", "\u2013"})
_NOT_HERE = frozenset({"click", "see", "read", "more", "learn", "tap", "find", "details", "info", "link", "press",
                       "available", "start", "sign", "register", "download", "watch", "listen", "order", "shop", "buy"})


# ---------------------------------------------------------------------------
# the analysis
# ---------------------------------------------------------------------------
@dataclass
class _Item:
    start: int
    end: int
    first: int  # 1-based lines the item covers
    last: int
    message: str
    fix: Fix | None = None


@dataclass
class Wrapper:
    """A code fence around the whole article: its lines and the article inside,
    parsed as a Document of its own (``base`` = offset of its first character
    in the outer text, ``shift`` = outer line of its line 0)."""

    open_line: int
    close_line: int
    inner: object
    base: int
    shift: int


def unwrapped(doc) -> Wrapper | None:
    """The article inside a fence that wraps it whole (```markdown ... ```), or None."""
    return memo(doc, "assistant-text:wrapper", lambda: _find_wrapper(doc))


def _find_wrapper(doc) -> Wrapper | None:
    if doc.kind == "html" or "```" not in doc.text and "~~~" not in doc.text:
        return None
    lines = doc.lines
    nonblank = [i for i, s in enumerate(lines) if s.strip()]
    if len(nonblank) < 4:
        return None
    opening = None
    for i in nonblank[:3]:
        m = _FENCE.match(lines[i])
        if m:
            opening = (i, m)
            break
    if opening is None:
        return None
    i, m = opening
    info = m.group("info").lower()
    if info not in ("", "markdown", "md", "mdx", "text", "txt", "html"):
        return None
    fence = m.group("fence")
    close = None
    for j in reversed(nonblank[-4:]):
        if j > i + 1:
            s = lines[j].strip()
            if s and s[0] == fence[0] and set(s) == {fence[0]} and len(s) >= len(fence):
                close = j
                break
    if close is None:
        return None
    inside = [k for k in nonblank if i < k < close]
    if len(inside) < 0.6 * len(nonblank):
        return None
    prose_lines = sum(1 for k in inside if len(lines[k].split()) >= 8 and not lines[k].startswith(("    ", "\t")))
    has_heading = any(lines[k].lstrip().startswith("#") or lines[k].strip() == "---" for k in inside[:5])
    if info in ("markdown", "md", "mdx") and prose_lines < 2:
        return None
    if info in ("", "text", "txt", "html") and (prose_lines < 3 or not has_heading and info == ""):
        return None
    from acu_lint.document import Document

    text = "\n".join(lines[i + 1:close])
    kind = "html" if info == "html" else ("text" if info in ("text", "txt") else "markdown")
    try:
        inner = Document(text, {"html": "wrapped.html", "text": "wrapped.txt"}.get(kind, "wrapped.md"))
    except Exception:  # pragma: no cover - the parsers are lenient
        return None
    return Wrapper(i + 1, close + 1, inner, doc.line_start(i + 2), i + 1)


_STRONG_LITERALS = ("as an ai", "language model", "cutoff", "cut-off", "me to", " an ai")
_STRONG_CORES = (" an ai", "language model", "cut", "me to")
_MAX_PER_KIND = 200  # findings of one kind per document (a pathological file must not make thousands)
_PAREN_SLOT_STARTS = ("insert", "enter", "fill", "paste", "replace", "please")
_TOKEN_PRE = LazyPattern(r"[{%\[_][A-Z][A-Z0-9]*_[A-Z]")
# literals that each voice pattern needs (lower case): regexes run only where one stands
_OPEN_LITERALS = ("here", "below", "attached", "i've", "i have", "i\u2019ve", "request", "asked", "paste",
                  "looking at", "based on", "per your", "this is", "that is", "these are", "follow")
_CLOSE_LITERALS = ("would you like", "let me know", "feel free", "hope", "if you", "if needed", "i can also",
                   "request", "asked", "paste", "looking at", "based on", "per your")


def _prose_ids(doc) -> frozenset:
    """ids of the prose blocks (``Block.is_prose`` once per block and Document)."""
    return memo(doc, "assistant-text:prose", lambda: frozenset(id(b) for b in doc.blocks if b.is_prose))


def _lower(doc) -> str:
    return memo(doc, "assistant-text:lower", lambda: doc.text.lower())


def _quoted(text: str, pos: int) -> bool:
    before = text[:pos]
    if before.count("\u201c") > before.count("\u201d"):
        return True
    if before.count('"') % 2 == 1:
        return True
    # a single-quoted phrase: an opening quote after a space, not closed before pos
    k = max(before.rfind(" '"), before.rfind(" \u2018"), before.rfind("('"))
    if k >= 0 and before.find("'", k + 2) < 0 and before.find("\u2019 ", k + 2) < 0 and text.find("'", pos) >= 0:
        return True
    return False


def _snippet(text: str, n: int = 60) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 3].rstrip() + "..."


def _sentences(text: str):
    for m in _SENTENCE.finditer(text):
        s = m.group(0).strip()
        if s:
            yield m.start(), s


def _voice(p: _P, sentence: str, where: str, after_interj: bool = False) -> str | None:
    """What kind of assistant talk ``sentence`` is ("open", "close", "self"), or None.
    ``after_interj``: the block opened with the assistant's interjection ("Certainly!"),
    so a presentative of the produced text ("Below is a guide ...", "This is the
    article ...") right after it is the opener."""
    low = sentence.lower()
    m = p.strong_any.search(sentence) if any(k in low for k in _STRONG_LITERALS) else None
    if m and not _quoted(sentence, m.start()):
        return "self" if re.search(r"\bai\b|model|cut-?off", m.group(0), re.I) else "close"
    if where in ("start", "outside") and any(k in low for k in _OPEN_LITERALS):
        h = p.here.search(sentence) if "here" in low or "below" in low or "attached" in low else None
        mk = p.made.search(sentence) if "i've" in low or "i have" in low or "i\u2019ve" in low else None
        strong = any(x and p.strong_noun.search(sentence, x.start("noun"), x.end() + 40) for x in (h, mk))
        if strong and h and not mk and re.search(r"\b(?:from|by)\s+(?:the\s+)?(?:\[|https?://|[A-Z])",
                                                 sentence[h.end():]):
            strong = False  # a curator's "Here is a good article from [the NHS](...)"
        if strong or ((h or mk) and (after_interj or p.interj.search(sentence) or p.req_weak.search(sentence))):
            return "open"
        if after_interj and ("this" in low or "that" in low or "these" in low or "follow" in low) \
                and p.here_weak.search(sentence):
            return "open"
        if p.req_strong.search(sentence):
            return "open"
        if where == "outside" and (h or mk):
            return "open"
    if where in ("end", "outside") and any(k in low for k in _CLOSE_LITERALS):
        if p.close.search(sentence) or p.req_strong.search(sentence):
            return "close"
    return None


# What any match of the voice patterns that :func:`_voice` reads at a place holds, on
# lower-cased text (no boundaries: a sentence's match holds it in the block's text too).
# A block without it has no assistant talk there: the sentence loop is skipped.
_CUE_STRONG = (r"as\s+an\s+ai|i(?:['\u2019]m|\s+am)\s+(?:just\s+|only\s+)?an?\s+(?:ai|artificial|large|language)"
               r"|cut-?off|(?:like|want)\s+me\s+to")
_CUE_REQUEST = r"requested|you\s+asked\s|your\s+request|per\s+your\s|based\s+on\s|paste\s|looking\s+at\s"
_CUE_OPEN = (r"here['\u2019]s\s|here\s+(?:is|are)\s|below\s+(?:is|are|you['\u2019]ll\s+find)\s|attached\s+is\s"
             r"|i(?:['\u2019]ve|\s+have)\s")
_CUE_CLOSE = r"would\s+you\s+like\s|let\s+me\s+know\s|feel\s+free\s+to\s|hope\s+(?:this|that|these|it)\s|i\s+can\s"
_VOICE_CUES = {
    "middle": LazyPattern(_CUE_STRONG),
    "start": LazyPattern("|".join((_CUE_STRONG, _CUE_REQUEST, _CUE_OPEN))),
    "end": LazyPattern("|".join((_CUE_STRONG, _CUE_REQUEST, _CUE_CLOSE))),
    "outside": LazyPattern("|".join((_CUE_STRONG, _CUE_REQUEST, _CUE_OPEN, _CUE_CLOSE))),
}


_CUE_LITERALS = {
    "middle": _STRONG_LITERALS,
    "start": _STRONG_LITERALS + _OPEN_LITERALS,
    "end": _STRONG_LITERALS + _CLOSE_LITERALS,
    "outside": _STRONG_LITERALS + _OPEN_LITERALS + _CLOSE_LITERALS,
}


def _may_talk(text: str, where: str) -> bool:
    """False when no sentence of ``text`` can be the assistant's talk at ``where``:
    :func:`_voice` needs one of its literals in the sentence and a match of its
    patterns (not counting the presentatives that only count after an interjection)."""
    low = text.lower()
    for k in _CUE_LITERALS[where]:
        if k in low:
            return case_exotic(low) or _VOICE_CUES[where].search(low) is not None
    return False


def _block_voice(p: _P, block, where: str, outside: bool = False):
    """(first flagged sentence's kind and position, every sentence is talk) for a prose block."""
    text = block.prose.text
    found = None
    all_talk = True
    interj_first = p.interj.match(text) is not None  # the pattern is anchored at the start
    if not interj_first and not _may_talk(text, "outside" if outside else where):
        return None, False
    alone = False  # the interjection stands as a sentence of its own ("Certainly!")
    for k, (pos, s) in enumerate(_sentences(text)):
        kind = _voice(p, s, "outside" if outside else where, alone and k == 1)
        alone = k == 0 and interj_first and len(s.split()) <= 3
        if kind is None and k == 0 and interj_first and len(s.split()) <= 3:
            kind = "interjection"
        if kind and not outside and _quoted(text, pos + 1):
            kind = None
        if kind is None:
            all_talk = False
            continue
        if found is None or found[0] == "interjection":
            found = (kind, pos, s)
    if found and found[0] == "interjection":
        found = None
    return found, all_talk


def _delete_with_rule(doc, first: int, last: int, kind: str) -> Edit:
    """Delete lines first..last; an opening block takes the rule after it, a closing one the rule before it."""
    if kind == "open":
        nxt = last + 1
        while nxt <= doc.line_count and doc.is_blank_line(nxt):
            nxt += 1
        if nxt <= doc.line_count and _RULE_LINE.match(doc.lines[nxt - 1]) and not _fm_closer(doc, nxt):
            last = nxt
    else:
        prv = first - 1
        while prv >= 1 and doc.is_blank_line(prv):
            prv -= 1
        if prv >= 1 and _RULE_LINE.match(doc.lines[prv - 1]) and not _fm_closer(doc, prv):
            first = prv
    return doc.delete_lines(first, last)


def _fm_closer(doc, line: int) -> bool:
    return any(b.kind == "front_matter" and b.line <= line <= b.end_line + 1 for b in doc.blocks[:3])


_VOICE_MESSAGES = {
    "open": "The AI assistant's opening words were published with the article (\"{s}\"): readers see the chat "
            "that produced the page. Delete them.",
    "close": "The AI assistant's closing offer to the requester was published with the article (\"{s}\"): it is "
             "addressed to whoever asked for the text, not to the reader. Delete it.",
    "self": "The AI assistant speaks about itself in the article (\"{s}\"): the reader learns the text was "
            "generated and not reviewed. Delete it and have a person check the article.",
}


def _voice_items(doc, p: _P, items: list, wrapper: Wrapper | None) -> None:
    ids = _prose_ids(doc)
    prose = [b for b in doc.blocks if id(b) in ids and b.kind != "table_cell"]
    if not prose:
        return
    low = _lower(doc)
    strong_lines: set[int] = set()  # lines that hold a literal of the self-references and "would you like me to"
    # (each literal holds one of _STRONG_CORES: one scan of the text per core, not per literal)
    for k in _STRONG_LITERALS if any(c in low for c in _STRONG_CORES) else ():
        at = low.find(k)
        while at >= 0 and len(strong_lines) < 1000:
            strong_lines.add(doc.line_of(at))
            at = low.find(k, at + len(k))
    outside_lines = set()
    if wrapper is not None:
        outside_lines = {b.line for b in prose if b.line < wrapper.open_line or b.line > wrapper.close_line}
    starts = {id(b) for b in prose[:2]}
    ends = {id(b) for b in prose[-2:]}
    # without a fence or a strong literal, only the first two and the last two blocks are read
    candidates = prose if wrapper is not None or strong_lines or len(prose) <= 4 else prose[:2] + prose[-2:]
    for b in candidates:
        if b.quote:
            continue
        outside = b.line in outside_lines
        if wrapper is not None and not outside:
            continue  # the article inside the fence is read as a document of its own
        where = "start" if id(b) in starts else ("end" if id(b) in ends else None)
        if where is None and not outside and not any(n in strong_lines for n in range(b.line, b.end_line + 1)):
            continue
        found, all_talk = _block_voice(p, b, where or "middle", outside)
        if not found:
            continue
        kind, pos, s = found
        if where is None and not outside and kind == "open":
            continue
        start, end = b.prose.span(pos, pos + len(s))
        s = doc.text[start:end]
        fix = None
        if all_talk and block_stands_alone(doc, b) and len(b.prose.text.split()) <= 80:
            fix = Fix((_delete_with_rule(doc, b.line, b.end_line, "open" if where == "start" else kind),), True,
                      "delete the assistant's words")
            start, end = b.start, b.end
            s = doc.text[start:end]
        items.append(_Item(start, end, doc.line_of(start), doc.line_of(max(start, end - 1)),
                           _VOICE_MESSAGES[kind].format(s=_snippet(s)), fix))
    # the chat's closing words fenced as code at the very end (or opening at the very start)
    code = [b for b in doc.blocks if b.kind == "code"]
    for b, where in ((code[-1], "end") if code else (None, None), (code[0], "start") if code else (None, None)):
        if b is None:
            continue
        if where == "end" and b.line < prose[-1].end_line or where == "start" and b.end_line > prose[0].line:
            continue
        body = [doc.lines[n - 1] for n in range(b.line, b.end_line + 1) if not _FENCE.match(doc.lines[n - 1])]
        text = " ".join(s.strip() for s in body if s.strip())
        if not text or len(text.split()) > 60 or re.search(r"[{};=<>$]|^\s{4}", text):
            continue
        kind = None
        for _, s in _sentences(text):
            kind = kind or _voice(p, s, where)
        if kind:
            first = next(n for n in range(b.line, b.end_line + 1) if doc.lines[n - 1].strip()
                         and not _FENCE.match(doc.lines[n - 1]))
            start = doc.line_start(first) + len(doc.lines[first - 1]) - len(doc.lines[first - 1].lstrip())
            items.append(_Item(start, doc.line_end(first), first, first, _VOICE_MESSAGES[kind].format(s=_snippet(text)),
                               Fix((doc.delete_lines(b.line, b.end_line),), True, "delete the assistant's words")))
            if where == "start":
                break


def _front_matter_items(doc, p: _P, items: list) -> None:
    fm = doc.front_matter
    if not isinstance(fm, dict):
        return
    block = next((b for b in doc.blocks if b.kind == "front_matter"), None)
    if block is None:
        return
    _front_matter_slots(doc, p, block, items)
    for key, value in fm.items():
        if not isinstance(value, str) or len(value) < 20 or str(key).lower() not in (
                "description", "summary", "excerpt", "meta_description", "metadescription", "seo_description",
                "title", "subtitle", "lead", "intro", "abstract", "page_description"):
            continue
        kind = None
        for _, s in _sentences(value):
            kind = kind or _voice(p, s, "start") or _voice(p, s, "end")
        if not kind:
            continue
        for n in range(block.line, block.end_line + 1):
            line = doc.lines[n - 1]
            if re.match(rf"\s*['\"]?{re.escape(str(key))}['\"]?\s*:", line):
                start = doc.line_start(n) + len(line) - len(line.lstrip())
                items.append(_Item(start, doc.line_end(n), n, n,
                                   f"The front matter's '{key}' holds the AI assistant's words (\"{_snippet(value)}\"), "
                                   "not a description of the page: search engines and link previews will show "
                                   "them. Replace it with the text itself.", None))
                break


def _front_matter_slots(doc, p: _P, block, items: list) -> None:
    """Unfilled slots inside the front matter's values ('title: "Knee Pain in [CITY]"'):
    search engines and link previews show them. The value's brackets only (a key's list
    syntax, '[a, b]' with commas, is YAML)."""
    for n in range(block.line, min(block.end_line, block.line + 200) + 1):
        line = doc.lines[n - 1]
        if ("[" not in line and "(" not in line) or ":" not in line or len(line) > 1000:
            continue
        key, _, value = line.partition(":")
        if not key.strip() or key.strip()[:1] in "-#":
            continue
        base = len(key) + 1
        for m in _BRACKET.finditer(value):
            if m.group("cu") is not None:
                continue
            br = "[" if m.group("sq") is not None else "("
            inner = m.group("sq") or m.group("pa")
            if br == "[" and (m.start() == len(value) - len(value.lstrip()) and m.end() == len(value.rstrip())):
                continue  # a YAML list: tags: [knees, pain]
            what = _classify_slot(p, inner, br, value[max(0, m.start() - 12):m.start()])
            if what:
                start = doc.line_start(n) + base + m.start()
                items.append(_Item(start, start + len(m.group(0)), n, n,
                                   f"The front matter holds {what} (\"{_snippet(m.group(0))}\"): search engines and "
                                   "link previews will show it. Fill it in.", None))
                break


def _brief_items(doc, p: _P, items: list, taken: set[int]) -> None:
    """SEO-brief lines in the body, and a second front-matter block pasted into it."""
    lines = doc.lines
    excluded = code_lines(doc)
    # a YAML front-matter block again in the body ("---" / key: value lines / "---")
    first_content = next((i for i, s in enumerate(lines) if s.strip()), 0)
    n = len(lines)
    text = doc.text
    marks = set()  # 0-based lines that are "---" or "+++" (found by the text's search, not line by line)
    for mark in ("---", "+++"):
        at = text.find(mark)
        while at >= 0:
            k = doc.line_of(at)
            if lines[k - 1].strip() == mark:
                marks.add(k - 1)
            at = text.find(mark, doc.line_end(k))
    after = 0  # lines before it belong to a block already reported
    for i in sorted(marks):
        if i < after:
            continue
        if i > first_content and (i + 1) not in excluded:
            j = i + 1
            keys = []
            while j < n and (p.fm_key.match(lines[j]) or (keys and lines[j][:1] in (" ", "\t") and lines[j].strip())):
                m = p.fm_key.match(lines[j])
                if m:
                    keys.append(m.group("key").lower())
                j += 1
            if j < n and lines[j].strip() in ("---", "...", "+++") and len(keys) >= 2 \
                    and sum(k in p.fm_keys for k in keys) >= 2 and (j + 1) not in excluded:
                start = doc.line_start(i + 1)
                items.append(_Item(start, doc.line_end(j + 1), i + 1, j + 1,
                                   f"A second front-matter block ({', '.join(keys[:4])}) stands in the body: the "
                                   "content pipeline pasted its own metadata into the article. Delete it.",
                                   Fix((doc.delete_lines(i + 1, j + 1),), True, "delete the pasted front matter")))
                taken.update(range(i + 1, j + 2))
                after = j + 1
    # brief lines ("Meta description: ..."), grouped into runs of blocks made of them: a
    # finding needs a line that p.brief reads in a prose block (checked first: it is cheap)
    prose_ids = _prose_ids(doc)
    for b in doc.blocks:
        if id(b) in prose_ids and ":" in b.prose.text and any(p.brief.match(ln) for ln in b.prose.text.split("\n")):
            break
    else:
        return
    low = _lower(doc)
    if not literal_index(frozenset(p.brief_literals)).mask(low) or not p.brief_raw.search(doc.text):
        return
    run: list = []  # (block, labels, strong)
    pending: list = []  # blocks of bare label lines that may stand just before a brief

    def flush():
        if not run:
            pending.clear()
            return
        strong = sum(r[2] for r in run)
        labels = [lab for r in run for lab in r[1]]
        low = {lab.lower() for lab in labels}
        if strong or (len(labels) >= 3 and low & {"slug", "keywords", "keyword"}):
            first, last = run[0][0], run[-1][0]
            fix = None
            if all(block_stands_alone(doc, r[0]) for r in run):
                fix = Fix((doc.delete_lines(first.line, last.end_line),), True, "delete the brief")
            items.append(_Item(first.start, last.end, first.line, last.end_line,
                               f"The content brief was published with the article ({', '.join(labels[:4])}): "
                               "these are instructions for the writer or the CMS, not text for the reader. "
                               "Delete them (or move them to the page's metadata).", fix))
            taken.update(range(first.line, last.end_line + 1))
        run.clear()
        pending.clear()

    for b in doc.blocks:
        if b.kind in ("front_matter", "comment"):
            continue
        if id(b) not in prose_ids or b.kind == "table_cell" or b.line in taken or b.quote:
            if b.kind not in ("table_cell",):
                flush()
            continue
        text = b.prose.text
        if ":" not in text:
            flush()
            continue
        rows = []  # [position, line, kind, label]; kind: strong | weak | label | other | blank
        pos = 0
        for ln in text.split("\n"):
            m = p.brief.match(ln)
            if m:
                lab = " ".join(m.group("label").split())
                rows.append([pos, ln, "strong" if lab.lower() in p.brief_strong else "weak", lab])
            elif ln.strip():
                g = _LABEL_LINE.match(ln) if ":" in ln or "\uff1a" in ln else None
                rows.append([pos, ln, "label" if g else "other", " ".join(g.group("label").split()) if g else ""])
            pos += len(ln) + 1
        known = any(r[2] in ("strong", "weak") for r in rows)
        if not known and pending is not None and all(r[2] == "label" for r in rows) and rows:
            if run:  # a block of label lines right after the brief ("**Tone:** friendly")
                run.append((b, [r[3] for r in rows], 0))
            else:
                pending.append((b, [r[3] for r in rows], 0))
            continue
        if known:
            _propagate(rows)
        labels = [r[3] for r in rows if r[2] in ("strong", "weak")]
        strong = sum(r[2] == "strong" for r in rows)
        if labels and all(r[2] in ("strong", "weak") for r in rows):
            if pending and not run:
                run.extend(pending)  # label blocks just before the brief
            pending.clear()
            run.append((b, labels, strong))
            continue
        flush()
        pending.clear()
        # brief lines inside a paragraph of prose: each group of adjacent ones that holds a
        # strong label
        group: list = []
        for r in rows + [[0, "", "other", ""]]:
            if r[2] in ("strong", "weak"):
                group.append(r)
                continue
            if any(g[2] == "strong" for g in group):
                a = group[0][0]
                e = group[-1][0] + len(group[-1][1])
                s0, e0 = b.prose.span(a, e)
                shown = group[0][1] if len(group) == 1 else ", ".join(g[3] for g in group[:4])
                items.append(_Item(s0, e0, doc.line_of(s0), doc.line_of(max(s0, e0 - 1)),
                                   f"A content-brief line was published with the article (\"{_snippet(shown)}\"). "
                                   "Delete it.", None))
            group = []
    flush()


# any short label line ("**Word count target:** 1,200", "Tone: friendly"): a brief line
# when it stands next to brief lines
_LABEL_LINE = LazyPattern(
    r"^[^\w\n]{0,3}(?P<label>[A-Za-z][\w'\u2019&/()-]*(?:[ \t]+[\w'\u2019&/()-]+){0,3})[ \t]*[*_]*[ \t]*"
    r"[:\uff1a][ \t]*[*_]*[ \t]*\S")


def _propagate(rows: list) -> None:
    """Context propagation: a label line next to a brief line (or to a line that became
    one) is a brief line too, forwards and backwards."""
    for order in (range(len(rows)), range(len(rows) - 1, -1, -1)):
        prev = False
        for i in order:
            r = rows[i]
            if r[2] == "label" and prev:
                r[2] = "weak"
            prev = r[2] in ("strong", "weak")


# a template variable in capitals ("INSERT_X_LINK"); a word budget for the writer ("50 words",
# "2-3 sentences"); the last word of a capitalised slot label ("CTA BUTTON:")
_CAPS_VAR = LazyPattern(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
_CAPS_SLOT = LazyPattern(r"[A-Z]{2,}[A-Z0-9]*(?:_[A-Z0-9]+)*\s*:\s*[^{}\n]{1,120}")
_WORD_BUDGET = LazyPattern(r"(?:^|[-\u2013\u2014:(,~]\s*|\babout\s+|\bapprox\.?\s+)\d{1,4}(?:\s*[-\u2013]\s*\d{1,4})?\+?\s*"
                           r"(?:words|sentences|paragraphs|bullet points|bullets|lines)\b", re.I)
_SLOT_LABEL_HEADS = frozenset("button cta link box card banner widget block module form embed snippet bio quote "
                              "testimonial product review callout sidebar table chart".split())


def _classify_slot(p: _P, inner: str, bracket: str, before: str) -> str | None:
    s = inner.strip().strip("*_ ").strip()
    if not s or s[0].isdigit() or s[0] in "^!#:.=" or s.lower() in ("x", "sic", "...", "\u2026"):
        return None
    low = s.lower()
    if "http" in low or "www." in low or "@" in s or "=" in s or "/" in s and " " not in s:
        return None
    if p.not_slot.match(s) or p.media.match(s):
        return None
    words = s.split()
    if bracket == "{" and not (len(words) == 1 and re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]+", s)):
        return None
    if bracket == "{":
        return "a template variable" if "_" in s or s.lower() in p.heads else None
    if "_" in s and _CAPS_VAR.fullmatch(s):
        return "a template variable"  # "(INSERT_SCIATICA_LINK)", "[CLINIC_PHONE]"
    if bracket == "[" and s[0].isupper():
        if _WORD_BUDGET.search(s):
            return "an instruction to the writer"  # "[Author bio - 50 words about ...]"
        if ":" in s:
            lab = s.split(":", 1)[0].split()
            if 1 <= len(lab) <= 3 and all(w.isupper() and w.isalpha() for w in lab) \
                    and lab[-1].lower() in _SLOT_LABEL_HEADS:
                return "an unfilled slot"  # "[CTA BUTTON: Book now]", "[PRODUCT CARD: knee brace]"
    m = p.slot_verb.match(s)
    if m and len(m.group("rest").split()) >= 1 and not m.group("rest").endswith((".", ";")):
        verb = " ".join(m.group("verb").lower().split())
        rest = m.group("rest")
        if bracket == "[" or verb in p.strict_verbs and (s[0].isupper() or bracket == "("):
            return "an instruction to the writer"
        if re.search(r"\bhere\b", rest, re.I) or p.your.search(rest) or re.search(
                r"\b[A-Z][\w'\u2019]*\s+(?:%s)\b" % "|".join(map(re.escape, sorted(p.heads))), rest):
            return "an instruction to the writer"
    if p.your.match(s) and (bracket == "[" or s[0] == "Y"):
        return "an unfilled slot"
    label = s.split(":", 1)[0].strip() if ":" in s else s
    lw = label.split()
    if 1 <= len(lw) <= 5 and (len(lw) > 1 or bracket == "[") and not (bracket == "(" and re.search(r"\b[A-Z]{2,}\s*$", before)):
        caps = all(w[:1].isupper() or w.lower() in _SMALL or w[:1].isdigit() for w in lw)
        head2 = " ".join(lw[-2:]).lower()
        head = lw[-1].lower().strip("'\u2019")
        if caps and lw[0][:1].isupper() and (head in p.heads or head2 in p.heads):
            return "an unfilled slot"
    if len(words) <= 6 and re.search(r"\bhere\s*[.\u2026]*$", s, re.I) and len(words) >= 2 and "," not in s \
            and words[0].lower() not in _NOT_HERE and (bracket == "[" or bracket == "(" and s[0].isupper()):
        return "an unfilled slot"
    if bracket == "[" and s.endswith("?") and len(words) >= 3:
        return "a note to the writer"
    if bracket == "[" and p.section.match(s):
        return "a template section note"
    return None


def _slot_items(doc, p: _P, items: list, taken: set[int]) -> None:
    text_all = doc.text
    kind = doc.kind
    client = kind == "html" and any(k in text_all for k in _CLIENT_TEMPLATING)
    units = []  # (block, 'slot' | 'inline' | 'heading' | 'rule' | 'other')
    prose_ids = _prose_ids(doc)
    slot_findings: dict[int, list] = {}
    report_unit: dict[int, str] = {}
    for b in doc.blocks:
        if b.kind == "rule":
            units.append((b, "rule"))
            continue
        if b.kind in ("table", "html") and doc.kind == "markdown":
            continue  # their cells / prose come as blocks of their own
        if id(b) not in prose_ids or b.line in taken:
            if b.kind not in ("front_matter",):
                units.append((b, "other"))
            continue
        text = b.prose.text
        found = []
        if "[" in text or "(" in text or "{" in text:
            for m in _BRACKET.finditer(text):
                br = "[" if m.group("sq") is not None else ("(" if m.group("pa") is not None else "{")
                inner = m.group("sq") or m.group("pa") or m.group("cu")
                if br == "[" and "]:" in text_all and ("[" + inner + "]:").lower() in _lower(doc):
                    continue  # a shortcut reference link
                if br == "(" and not (inner.lstrip("*_ ")[:1].isupper()
                                      or inner.lstrip("*_ ").lower().startswith(_PAREN_SLOT_STARTS)):
                    continue  # "(about 9 in 10)": a parenthesis slot starts with a capital or an imperative
                what = _classify_slot(p, inner, br, text[max(0, m.start() - 12):m.start()])
                if what and not _quoted(text, m.start()):
                    found.append((m.start(), m.end(), what, m.group(0)))
            if "{{" in text or "{!!" in text or "{%" in text:
                for m in _DOUBLE_CURLY.finditer(text):
                    body = m.group("body") or m.group("raw") or ""
                    sent = text[max(0, text.rfind(".", 0, m.start()) + 1):text.find(".", m.end()) % (len(text) + 1)]
                    if _META_TEMPLATE.search(sent) or client:
                        continue
                    if body.startswith("$") or m.group("raw") is not None:
                        found.append((m.start(), m.end(), "server template code (Blade)", m.group(0)))
                    elif kind != "markdown" and re.fullmatch(r"[A-Za-z_][\w.]*(?:\s*\|\s*[\w:'\" ]+)*", body):
                        found.append((m.start(), m.end(), "an unrendered template variable", m.group(0)))
                    elif kind == "markdown" and re.fullmatch(r"[A-Za-z]+(?:_[A-Za-z0-9]+)+", body) \
                            and _SLOTTY_NAME.search(body):
                        found.append((m.start(), m.end(), "an unfilled template variable", m.group(0)))
                    elif kind == "markdown" and body[:1].isupper() and _CAPS_SLOT.fullmatch(body.strip()):
                        # "{{PRODUCT_CARD: knee-brace}}": a pipeline's slot in capitals (no Liquid tag)
                        found.append((m.start(), m.end(), "an unfilled template variable", m.group(0)))
                if kind != "markdown" and not client:
                    for m in _JINJA.finditer(text):
                        found.append((m.start(), m.end(), "server template code (Jinja/Django)", m.group(0)))
        if "@" in text and kind != "markdown":
            for m in _BLADE.finditer(text):
                found.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(),
                              "server template code (Blade)", m.group(0).strip()))
        whole = _CONTENT_HERE.match(text.strip("*_ \n")) if len(text) < 80 else None
        if whole and not _quoted(text, 0):
            found = [(0, len(text), "template filler text", text)]
        lor = _LOREM.search(text) if "orem" in text else None
        if lor and not whole and not _quoted(text, lor.start()) and (
                lor.start() == 0 or re.match(r"\s+dolor\b", text[lor.end():], re.I)):
            found.append((lor.start(), lor.end(), "placeholder text (Lorem ipsum)", "Lorem ipsum"))
        if not found:
            units.append((b, "heading" if b.kind == "heading" and len(text.split()) <= 4 else "other"))
            continue
        found.sort()
        covered = sum(e - s for s, e, *_ in found)
        stripped = len(text.strip("*_ .:\u2013\u2014-"))
        unit = "slot" if covered >= 0.8 * max(1, stripped) else ("inline" if len(text.split()) <= 20 else "other")
        code = all(f[2].startswith(("server", "an unrendered")) for f in found)
        units.append((b, "other" if code else unit))  # server code is no writing template
        report_unit[id(b)] = unit
        slot_findings[id(b)] = found
    if not slot_findings:
        return
    # runs of template: >= 2 whole-block slots among slots, short headings and rules
    in_run: set[int] = set()
    k = 0
    while k < len(units):
        if units[k][1] == "other":
            k += 1
            continue
        j = k
        while j < len(units) and units[j][1] != "other":
            j += 1
        seg = units[k:j]
        if sum(u == "slot" for _, u in seg) >= 2:
            while seg and seg[0][1] == "rule":
                seg = seg[1:]
            while seg and seg[-1][1] in ("rule", "heading"):
                seg = seg[:-1]
            first, last = seg[0][0], seg[-1][0]
            n_slots = sum(u in ("slot", "inline") for _, u in seg)
            fix = None
            if all(block_stands_alone(doc, b) for b, u in seg if u != "rule"):
                # at the end of the article, the rule that set the template off goes with it
                at_end = all(u in ("rule", "heading") for _, u in units[j:]) or j == len(units)
                edit = _delete_with_rule(doc, first.line, last.end_line, "close") if at_end \
                    else doc.delete_lines(first.line, last.end_line)
                fix = Fix((edit,), True, "delete the empty template")
            items.append(_Item(first.start, last.end, first.line, last.end_line,
                               f"An unfilled writing template was published ({n_slots} slots such as "
                               f"\"{_snippet(slot_findings[id(next(b for b, u in seg if u == 'slot'))][0][3], 40)}\"): "
                               "headings and placeholders with no article text. Delete it or write the section.", fix))
            in_run.update(id(b) for b, _ in seg)
        k = j
    for b, _unit in units:
        if id(b) in in_run or id(b) not in slot_findings:
            continue
        found = slot_findings[id(b)]
        unit = report_unit[id(b)]
        if unit == "slot" and len(found) == 1 and block_stands_alone(doc, b):
            s, e, what, snip = found[0]
            items.append(_Item(b.start, b.end, b.line, b.end_line,
                               f"{what[0].upper() + what[1:]} was published as article text (\"{_snippet(snip)}\"). "
                               "Delete it.", Fix((doc.delete_block(b),), True, "delete the placeholder")))
            continue
        for s, e, what, snip in found:
            start, end = b.prose.span(s, e)
            items.append(_Item(start, end, doc.line_of(start), doc.line_of(max(start, end - 1)),
                               f"{what[0].upper() + what[1:]} left in the text (\"{_snippet(snip)}\"): the reader sees "
                               "the template, not the words meant to stand there. Fill it in or rewrite the sentence.",
                               None))


def _raw_items(doc, items: list, taken: set[int]) -> None:
    """What only the source shows: placeholder tokens in link targets, pipeline data lines, PHP tags."""
    text = doc.text
    has_token = "PLACEHOLDER" in text or "_" in text and _TOKEN_PRE.search(text) is not None
    has_data = ':' in text and '["' in text or ":['" in text or ": ['" in text
    has_php = "<?" in text
    has_short = "[" in text and ("[/" in text or '="' in text or "[et_pb" in text or "[vc_" in text
                                 or "[elementor" in text)
    if not (has_token or has_data or has_php or has_short):
        return
    excluded = code_lines(doc)
    prose_lines: set[int] = set()
    prose_ids = _prose_ids(doc)
    for b in doc.blocks:
        if b.kind in ("html", "paragraph") or id(b) in prose_ids:
            prose_lines.update(range(b.line, b.end_line + 1))
    for n in sorted(prose_lines - excluded):
        line = doc.lines[n - 1]
        base = doc.line_start(n)
        if has_data and "[" in line and _DATA_LINE.match(line) and n not in taken:
            items.append(_Item(base + len(line) - len(line.lstrip()), base + len(line.rstrip()), n, n,
                               f"A line of pipeline data was published with the article (\"{_snippet(line)}\"). "
                               "Delete it.", Fix((_delete_one_line(doc, n),), True, "delete the data line")))
            taken.add(n)
            continue
        if has_token and ("PLACEHOLDER" in line or "_" in line and _TOKEN_PRE.search(line)):
            images = [(m.start(), m.end()) for m in _IMAGE_SPAN.finditer(line)] if ("![" in line or "<img" in line.lower()) else []
            for m in _PLACEHOLDER_TOKEN.finditer(line):
                if any(a <= m.start() < b for a, b in images) or _in_code_span(line, m.start()):
                    continue
                items.append(_Item(base + m.start(), base + m.end(), n, n,
                                   f"A placeholder token was published with the article (\"{m.group(0)}\"): the "
                                   "pipeline never filled it in. Replace it with the real link or text.", None))
                break
    if has_short:
        _shortcode_items(doc, items, excluded)
    if has_php:
        for m, n in _template_matches(doc, _PHP, excluded):
            items.append(_Item(m.start(), m.end(), n, doc.line_of(max(m.start(), m.end() - 1)),
                               f"Server template code (PHP) was published in the article (\"{_snippet(m.group(0))}\"): "
                               "the page was saved before the server ran it. Replace it with the text it stood for.",
                               None))


def _shortcode_items(doc, items: list, excluded) -> None:
    """Page-builder and CMS shortcodes left in the text ('[et_pb_section ...]', '[vc_row]',
    '[elementor-template id="1"]', any '[name attr="..."]' or '[/name]'), outside code: one
    finding per line, the line deleted when it holds nothing but shortcodes."""
    by_line: dict[int, list] = {}
    for m, n in _template_matches(doc, _SHORTCODE, excluded):
        by_line.setdefault(n, []).append(m)
    for n, ms in by_line.items():
        rest = _SHORTCODE.sub("", doc.lines[n - 1]).strip()
        fix = Fix((_delete_one_line(doc, n),), True, "delete the shortcodes") if not rest else None
        items.append(_Item(ms[0].start(), ms[-1].end(), n, n,
                           f"Page-builder shortcode left in the article (\"{_snippet(ms[0].group(0))}\"): the site's "
                           "template code, not the article's words. Delete it"
                           + (" (and keep the text between the tags)." if rest else "."), fix))


# a page builder's or CMS's shortcode: a known builder prefix, a tag with attributes, a closing tag
# ('[caption ...]' is image-caption's)
_SHORTCODE = LazyPattern(
    r"\[(?!/?caption\b)(?:/?(?:et_pb_|vc_|elementor-|fusion_|av_|fl_builder|cs_)[\w-]*(?:\s[^\[\]\n]{0,500})?"
    r"|[a-z][a-z0-9_-]{1,40}(?:\s+[a-z_][\w-]*\s*=\s*(?:\"[^\"\n]{0,200}\"|'[^'\n]{0,200}'|\u201d[^\n\]]{0,200}\u201d))+\s*/?"
    r"|/[a-z][a-z0-9_-]{1,40})\]")


def _delete_one_line(doc, n: int) -> Edit:
    """Delete line ``n``; inside a paragraph, only that line (the blank line after it stays)."""
    if n > 1 and not doc.is_blank_line(n - 1):
        return Edit(doc.line_end(n - 1), doc.line_end(n), "")
    return doc.delete_lines(n, n)


def _template_matches(doc, rx, excluded):
    """(match, line) for the first ``_MAX_PER_KIND`` matches of ``rx`` in the text,
    without those on an excluded line or inside a code span."""
    for count, m in enumerate(rx.finditer(doc.text), 1):
        if count > _MAX_PER_KIND:
            break
        n = doc.line_of(m.start())
        if n not in excluded and not _in_code_span(doc.lines[n - 1], m.start() - doc.line_start(n)):
            yield m, n


def _in_code_span(line: str, col: int) -> bool:
    return "`" in line and line.count("`", 0, col) % 2 == 1


def _analyse_doc(doc, wrapper: Wrapper | None = None) -> list[_Item]:
    p = _p()
    items: list[_Item] = []
    taken: set[int] = set()
    _voice_items(doc, p, items, wrapper)
    if wrapper is not None:
        return items
    _front_matter_items(doc, p, items)
    _brief_items(doc, p, items, taken)
    _slot_items(doc, p, items, taken)
    _raw_items(doc, items, taken)
    _serialised_items(doc, items, taken)
    return items


# what a script prints when it puts a value it never filled into the page: an object
# ("[object Object]"), a missing value ("undefined", "null"), a failed number ("NaN")
_SERIAL_INLINE = LazyPattern(r"\[object [A-Z][A-Za-z]{1,20}\]|(?<![\w-])NaN(?![\w-])|[$\u00a3\u20ac]\s?undefined\b"
                             r"|\bundefined\s?%")
_SERIAL_WHOLE = frozenset({"undefined", "nan", "[object object]"})


def _serialised_items(doc, items: list, taken: set[int]) -> None:
    text = doc.text
    if "undefined" not in text and "NaN" not in text and "[object " not in text:
        return
    prose_ids = _prose_ids(doc)
    count = 0
    for b in doc.blocks:
        if id(b) not in prose_ids or b.line in taken or b.quote or b.kind == "table_cell":
            continue
        t = b.prose.text
        if "undefined" not in t and "NaN" not in t and "[object " not in t:
            continue
        bare = t.strip(" *_.\t\n")
        if len(bare) <= 20 and bare.lower() in _SERIAL_WHOLE and b.kind in ("paragraph", "heading"):
            fix = Fix((doc.delete_block(b),), True, "delete the leftover value") if block_stands_alone(doc, b) else None
            items.append(_Item(b.start, b.end, b.line, b.end_line,
                               f"A script's unfilled value was published as a line of the article (\"{bare}\"): the "
                               "page was built from data that was missing. Delete it or put the real text in.", fix))
            taken.add(b.line)
            count += 1
        elif bare.lower() not in _SERIAL_WHOLE:
            for m in _SERIAL_INLINE.finditer(t):
                if _quoted(t, m.start()) or "`" in t and t.count("`", 0, m.start()) % 2:
                    continue
                a, e = b.prose.span(m.start(), m.end())
                items.append(_Item(a, e, doc.line_of(a), doc.line_of(max(a, e - 1)),
                                   f"A script's unfilled value was published in the text (\"{m.group(0)}\"): the page "
                                   "was built from data that was missing. Put the real value in.", None))
                count += 1
                break
        if count >= _MAX_PER_KIND:
            break


def _shift(item: _Item, w: Wrapper) -> _Item:
    fix = None
    if item.fix is not None:
        fix = Fix(tuple(Edit(e.start + w.base, e.end + w.base, e.text) for e in item.fix.edits), item.fix.safe,
                  item.fix.description)
    return _Item(item.start + w.base, item.end + w.base, item.first + w.shift, item.last + w.shift, item.message, fix)


def _analyse(doc) -> list[_Item]:
    if not doc.text.strip():
        return []
    w = unwrapped(doc)
    if w is None:
        items = _analyse_doc(doc)
    else:
        items = _analyse_doc(doc, w)
        open_s = doc.line_start(w.open_line)
        items.append(_Item(open_s, doc.line_end(w.open_line), w.open_line, w.open_line,
                           f"A code fence wraps the whole article (lines {w.open_line}-{w.close_line}): the "
                           "assistant's answer was pasted with its Markdown fence, so the page shows the article as "
                           "code. Delete the fence lines.",
                           Fix((Edit(open_s, doc.line_start(w.open_line + 1), ""),
                                Edit(doc.line_start(w.close_line), doc.line_end(w.close_line)
                                     + (1 if w.close_line < doc.line_count else 0), "")), True,
                               "delete the wrapping fence")))
        items.append(_Item(doc.line_start(w.close_line), doc.line_end(w.close_line), w.close_line, w.close_line,
                           f"The fence that wraps the whole article closes here (opened on line {w.open_line}).",
                           None))
        items.extend(_shift(i, w) for i in _analyse(w.inner))
    seen = set()
    out = []
    for it in sorted(items, key=lambda i: (i.start, -i.end)):
        if (it.start, it.end) in seen:
            continue
        seen.add((it.start, it.end))
        out.append(it)
    return out


def analysis(doc) -> list[_Item]:
    return memo(doc, "assistant-text", lambda: _analyse(doc))


def leftover_lines(doc) -> frozenset[int]:
    lines: set[int] = set()
    for it in analysis(doc):
        lines.update(range(it.first, it.last + 1))
    return frozenset(lines)


def check(doc, options):
    for it in analysis(doc):
        yield Finding(it.start, it.end, it.message, fix=it.fix)
