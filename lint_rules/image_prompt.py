r"""An AI image-generation prompt or image placeholder left in the article body.

## What it finds
Instructions written for an image generator or a designer that were published
as if they were part of the article: "Create a photorealistic image that depicts
...", "Generate an illustration of ...", "Image prompt: ...", "[IMAGE: ...]",
"[Insert photo of ...]", blocks made of generator style keywords ("8k,
photorealistic, cinematic lighting") and generator flags such as "--ar 16:9" or
"--v 6".

Image placeholders in every shape and letter case: "(Add photo of ...)",
"[Chart: ...]", "<Image of ...>", "[image]", "[IMAGE HERE]", "{{ hero_image: ...
}}", and "PHOTO: ..." / "Image: ..." lines that describe a picture still to be
made (a credit such as "Photo: Dana Lee for ..." or "Image: Shutterstock", and a
caption right under a real image, are not placeholders). Images whose source is
a placeholder service (via.placeholder.com, placehold.co, picsum.photos,
dummyimage.com, ...) or a placeholder token (`insert-image-here.png`,
`IMAGE_URL`, `path/to/image.jpg`, `..._PLACEHOLDER`), in Markdown, `<img>` tags
and figure shortcodes; lazy-loading stand-ins (`data-src`) and data URIs are
not. An article wrapped whole in a code fence (see `assistant-text`) is read
inside the fence. Code, comments and front matter are never read. An example
that a sentence sets off in italics or quotation marks ("lines such as *Image:
a family at sunset, photorealistic, 4k*"), and, in an article about AI images
or prompts, a block-quoted prompt or a caption giving an image's prompt, are
mentions, not leftovers.

## Why it matters
A leftover prompt shows readers that the page was assembled by a content
pipeline and not reviewed by a person. For a health publisher that undermines
the trust the article asks for, and quality frameworks for consumer health
information (HONcode, the JAMA benchmark) rest on visible editorial
responsibility. It is also text a patient has to read past.

## Examples
- flagged: `Create a photorealistic image that depicts a calm treatment room with a patient resting.`
- flagged: `Generate an illustration of the acupuncture points on the lower back.`
- flagged: `Image prompt: a woman receiving acupuncture on her shoulder, soft light`
- not flagged (md): `# Spotting AI drafts\n\nLook for lines such as *a woman on a beach at dawn, photorealistic, 8k, bokeh* left between two paragraphs of the article.`
- flagged: `[IMAGE: acupuncturist placing a needle in a patient's hand]`
- flagged: `A serene clinic interior, photorealistic, 8k, cinematic lighting --ar 16:9`
- flagged (md): `# Sleep and acupuncture\n\n[Insert photo of a bedroom at night]\n\nPoor sleep is common.`
- flagged (md): `# Posture\n\n(Add photo of a woman stretching at her desk)\n\nSit tall.`
- flagged (md): `# Posture\n\n[Chart: back pain by age group]\n\nSit tall.`
- flagged (md): `# Posture\n\n<Image of a man lifting a box with a straight back>\n\nSit tall.`
- flagged (md): `# Posture\n\nPHOTO: office worker rolling her shoulders\n\nSit tall.`
- flagged (md): `# Posture\n\n![Desk stretch](https://via.placeholder.com/600x400)\n\nSit tall.`
- flagged (md): `# Posture\n\n![Desk stretch](insert-image-here.png)\n\nSit tall.`
- not flagged (md): `# Posture\n\n![Desk stretch](desk-stretch.jpg)\nImage: a woman stretching at her desk\n\nSit tall.`
- not flagged: `Posture\n\nPhoto: Dana Lee for Riverside Clinic\n\nSit tall.`
- not flagged (md): `# Posture\n\nThe results are in the chart below (see Figure 2).`
- not flagged (md): `# Posture\n\n<img src="placeholder.gif" data-src="/img/desk.jpg" alt="Desk">`
- not flagged: `Our photographer took the pictures in this article at the clinic.`
- not flagged: `Create an image in your mind of a quiet beach while the needles rest.`
- not flagged: `Make a list of your symptoms before your first visit.`
- not flagged: `Imaging tests such as MRI can show nerve compression.`

## Fix
Safe: the block that holds the prompt is deleted (with the blank line after it).
A placeholder image that stands alone as a Markdown paragraph: its line is
deleted. A prompt flag, a placeholder or a placeholder image inside otherwise
normal prose or inside an HTML block is reported without a fix.

## Options
- `extra_labels`: more labels that introduce a prompt or placeholder (list of strings).
"""
from __future__ import annotations

import functools
import re

from acu_lint.model import Edit, Finding, Fix
from lint_rules._common import LazyPattern, block_stands_alone, case_exotic, code_lines, literal_index, load_data, phrase_source
from lint_rules._leftovers import memo

ID = "image-prompt"
SEVERITY = "error"
FIXABLE = True
OPTIONS = {"extra_labels": []}

_FLAGS = LazyPattern(
    r"(?<![\w-])--(?:ar\s+\d{1,2}\s*:\s*\d{1,2}|aspect\s+\d{1,2}\s*:\s*\d{1,2}|v(?:ersion)?\s+\d(?:\.\d)?"
    r"|niji(?:\s+\d)?|style\s+(?:raw|scenic|expressive|cute|original)|q(?:uality)?\s+[.\d]+"
    r"|chaos\s+\d+|stylize\s+\d+|s\s+\d{2,4}|seed\s+\d+|no\s+[a-z]+|tile|weird\s+\d+)(?![\w-])",
    re.I,
)
_PAIRS = {"[": "]", "[[": "]]", "(": ")", "{": "}", "{{": "}}", "<": ">"}
# an image in the source: Markdown ![alt](src), an <img> tag, a figure shortcode's src
_IMAGE_REF = LazyPattern(
    # each part stops at the next opener of its kind, so a line of unclosed openers is read in linear time
    r"!\[[^\[\]\n]{0,500}\]\(\s*<?(?P<md>[^()\[\]\n]{0,2000})\)"
    r"|<img\b(?P<attrs>[^<>\n]{0,2000})>"
    r"|\{\{[<%]\s*(?:figure|img|image)\b[^{}\n]{0,500}?\bsrc\s*=\s*[\"']?(?P<sc>[^\"'\s>{}]{1,2000})", re.I)
# where an image reference or an "<Image of ...>" pseudo-tag may start
_CANDIDATE = LazyPattern(r"!\[|<(?:img\b|\s*(?:insert|add|include|place|image|photo|picture|illustration|graphic|chart"
                         r"|diagram|infographic|visual|screenshot|video)\b)|\{\{[<%]\s*(?:figure|img|image)\b", re.I)
# an "<Image of ...>" pseudo-tag (not "<img"): where the angle-bracket form is tried
_ANGLE = LazyPattern(r"<\s*(?:insert|add|include|place|put|embed|image\b|images|photo|picture|illustration|graphic"
                     r"|chart|diagram|infographic|visual|screenshot|video|featured|hero)", re.I)
_SRC = LazyPattern(r"\bsrc\s*=\s*[\"']?(?P<src>[^\"'\s>]+)", re.I)
_LAZY = LazyPattern(r"\bdata-(?:src|lazy|original)|\bsrcset\s*=|\bclass\s*=\s*[\"'][^\"']*lazy", re.I)
_SRC_TOKEN = LazyPattern(
    r"placeholder|insert[-_ ]?(?:an?[-_ ])?(?:image|photo)|(?:image|photo|img)[-_ ]?here|your[-_ ]?(?:image|photo)"
    r"|(?:image|img|photo)[-_ ]?(?:url|link|src|path)(?![a-z])|path/to/|add[-_ ]?(?:image|photo)"
    r"|example\.(?:com|org|net)/|(?<![a-z])(?:todo|tbd)(?![a-z])", re.I)
# a source made only of placeholder words, one of them a word no real file name needs
# ("IMAGE_URL_HERE", "your-photo.png", "{{hero_image_src}}", "[IMAGE]")
_SRC_WORDS = frozenset("image images img photo photos picture pic url uri link src source here placeholder insert your "
                       "add tbd todo xxx dummy path to file filename name hero featured thumbnail banner header main "
                       "alt new goes".split())
_SRC_STRONG = frozenset("url uri src here placeholder insert your tbd todo xxx dummy path filename goes".split())
_SRC_SPLIT = LazyPattern(r"[^a-z0-9]+")
_SRC_EXT = LazyPattern(r"\.(?:jpe?g|png|gif|webp|avif|svg)$", re.I)


@functools.lru_cache(maxsize=8)
def _patterns(extra: tuple[str, ...]):
    d = load_data("image_prompt.yaml")
    verbs = "|".join(map(re.escape, d["verbs"]))
    nouns = "|".join(map(re.escape, d["nouns"]))
    instruction = re.compile(
        rf"^\s*(?:please\s+|now\s+)?(?:{verbs})\s+(?:me\s+)?(?:an?\s+|the\s+|one\s+|some\s+|\d+\s+)?"
        rf"(?:[\w'-]+,?\s+){{0,4}}?(?:{nouns})(?![\w-])"
        rf"(?:\s+(?:that|which|of|showing|depicting|featuring|illustrating|with|where|in\s+which)\b|\s*[:,])",
        re.I,
    )
    labels = phrase_source(list(d["labels"]) + list(extra))
    label_start = re.compile(rf"^\s*[\[(*_]*\s*(?:{labels})\s*[*_]*\s*[:\-\u2013\u2014\]]", re.I)
    style = _phrases(d["style_keywords"])
    weak = _phrases(d.get("style_keywords_weak") or [])
    not_prompt = _phrases(d["not_prompt_context"])
    # every style match starts with the first word of a keyword: a cheap prefilter
    # (exact for ASCII words in a text without case-exotic letters)
    firsts = {k.split()[0].lower() for k in d["style_keywords"] if k and k.strip()}
    style_words = frozenset(firsts) if firsts and all(w.isascii() for w in firsts) else None
    return instruction, label_start, style, weak, not_prompt, style_words


def _alt(words) -> str:
    return "|".join(r"[\s_-]+".join(re.escape(w) for w in p.split())
                    for p in sorted({w.strip() for w in words if w and w.strip()}, key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=1)
def _placeholder_patterns():
    d = load_data("image_prompt.yaml")
    media = _alt(list(d["media_nouns"]) + list(d["placeholders"]))
    verbs = _alt(d["placeholder_verbs"])
    bracket = re.compile(
        r"(?P<open>\[\[?|\(|\{\{?|<)\s*[*_]*\s*(?:please\s+)?"
        rf"(?:(?P<verb>{verbs})\s+(?:an?\s+|the\s+|your\s+|one\s+|some\s+|relevant\s+|suitable\s+|appropriate\s+|\d+\s+)?"
        r"(?:[\w'-]+\s+){0,2}?)?"
        rf"(?P<noun>{media})(?![\w-])(?:\s*\d{{1,2}}(?=\s*[:\-\u2013\u2014]))?"
        r"(?P<here>\s+(?:here|placeholder|needed|to\s+come|goes\s+here|tbd|tk))?\s*[*_]*\s*"
        r"(?:(?P<sep>[:\-\u2013\u2014|]|\s+(?:of|showing|depicting|with|about|illustrating|that|where|here)\b)"
        r"[^\[\](){}<>\n]{0,300})?"
        r"(?P<close>\]\]?|\)|\}\}?|>)", re.I)
    label = re.compile(
        rf"^[\W_]{{0,3}}(?P<label>{_alt(d['media_labels'])})\s*(?:\d{{1,2}}\s*)?[*_]*\s*[:\-\u2013\u2014]\s*[*_]*\s*"
        r"(?P<value>\S.*)$", re.I)
    credit = re.compile(rf"(?<![\w-])(?:{_alt(d['credit_words'])})(?![\w-])|\u00a9|@"
                        r"|\b(?:by|via)\s+(?-i:[A-Z])", re.I)
    hosts = tuple(h.lower() for h in d["placeholder_hosts"])
    return bracket, label, credit, hosts


@functools.lru_cache(maxsize=1)
def _media_index():
    d = load_data("image_prompt.yaml")
    words = {w.lower().split()[0].replace("_", " ").split()[0] for w in list(d["media_nouns"]) + list(d["placeholders"])}
    return literal_index(frozenset(words))


def _phrases(phrases):
    """:func:`phrase_pattern`, compiled on first use."""
    source = phrase_source(phrases)
    return LazyPattern(source) if source == r"(?!x)x" else LazyPattern(source, re.I)


def _style_count(style, weak, text: str) -> int:
    """Distinct style keywords in ``text``; the weak ones count only beside a
    strong one, in a block that reads like a comma-separated list."""
    strong = {m.group(0).lower() for m in style.finditer(text)}
    if not strong or text.count(",") < 2:  # weak ones only in a list of keywords
        return len(strong)
    return len(strong) + len({m.group(0).lower() for m in weak.finditer(text)})


_FIRST_SENTENCE = LazyPattern(r"(?<=[.!?])\s")
# an example set off inside a sentence: in italics or in quotation marks
_SET_OFF = LazyPattern(r"(?<![*\w])\*(?![\s*])[^*\n]+?(?<![\s*])\*(?![*\w])|(?<![\w_])_(?![\s_])[^_\n]+?(?<![\s_])_(?![\w_])"
                       r"|\"[^\"\n]+\"|\u201c[^\u201c\u201d\n]+\u201d")
_SOURCE_WORD = LazyPattern(r"[A-Za-z][\w'\u2019-]*")


def _example_in_prose(doc, block, style, weak) -> bool:
    """The style keywords stand in an example that a sentence sets off in italics or
    quotation marks ('lines such as *Image: a family, photorealistic, 4k*'): the writer's
    own words around it (six or more) make it a mention, not a leftover."""
    src = doc.text[block.start:block.end]
    if "*" not in src and "_" not in src and '"' not in src and "\u201c" not in src:
        return False
    if not _SET_OFF.search(src):
        return False
    rest = _SET_OFF.sub(" ", src)
    return len(_SOURCE_WORD.findall(rest)) >= 6 and _style_count(style, weak, rest) < 2
_LEAD = "Leftover AI image prompt: {reason} was published as article text. "
_WHOLE = "Readers see production notes; delete it or replace it with the image it describes."


def _placeholders(text: str, raw_angle: bool = False):
    """Bracketed image placeholders in ``text``: (start, end)."""
    bracket, _label, credit, _hosts = _placeholder_patterns()
    out = []
    for m in bracket.finditer(text):
        o, c = m.group("open"), m.group("close")
        if _PAIRS.get(o) != c or (o == "<") != raw_angle:
            continue
        body = m.group(0)
        if o == "<" and ("=" in body or not (m.group("verb") or m.group("sep"))):
            continue  # a real tag
        if not (m.group("verb") or m.group("sep") or m.group("here")) and o == "(":
            continue  # "(photo)" in a sentence
        rest = body[m.end("noun") - m.start():]
        if credit.search(rest) and not m.group("verb"):
            continue  # "[Photo: Dana Lee / Shutterstock]", "(photo courtesy of ...)"
        out.append((m.start(), m.end(), bool(m.group("verb"))))
    return out


def _describes(value: str, credit) -> bool:
    """An "Image: ..." value that describes a picture to make, not a credit line."""
    words = value.strip(" *_.").split()
    if len(words) < 2 or credit.search(value):
        return False
    first = words[0]
    if first.lower() in ("a", "an", "the", "two", "three", "close-up", "closeup", "overhead", "someone", "person"):
        return True
    if first[:1].islower():
        return True
    if first.isupper() and len(words) >= 3:
        return True
    return first[:1].isupper() and words[1][:1].islower() and not words[1][:1].isdigit()


def _image_placeholder_src(src: str, hosts) -> bool:
    s = src.strip().lower()
    if not s or s.startswith("data:"):
        return False
    host = re.sub(r"^(?:https?:)?//", "", s).split("/", 1)[0].split("?", 1)[0] if "//" in s[:8] else ""
    if host and any(host == h or host.endswith("." + h) for h in hosts):
        return True
    if host == "source.unsplash.com" and "random" in s:
        return True
    name = s.rsplit("/", 1)[-1]
    if _SRC_TOKEN.search(s) or _SRC_TOKEN.search(name):
        return True
    if len(s) >= 3 and s[0] in "[{<(" and s[-1] in "]}>)":
        return True  # a template slot for a source: "[IMAGE]", "{{ img }}"
    words = [w for w in _SRC_SPLIT.split(_SRC_EXT.sub("", name)) if w]
    return 2 <= len(words) <= 6 and all(w in _SRC_WORDS for w in words) and any(w in _SRC_STRONG for w in words)


def _raw_items(doc, items, taken):
    """What only the source shows: images served from a placeholder service or with a
    placeholder token for a source, and "<Image of ...>" pseudo-tags."""
    text = doc.text
    low = text.lower()
    if "img" not in low and "![" not in text and "src" not in low and "<" not in text:
        return
    _b, _l, _c, hosts = _placeholder_patterns()
    candidates = {doc.line_of(m.start()) for m in _CANDIDATE.finditer(text)}
    if not candidates:
        return
    excluded = code_lines(doc)
    for n in sorted(candidates - excluded):
        line = doc.lines[n - 1]
        base = doc.line_start(n)
        hit = False
        for m in _IMAGE_REF.finditer(line):
            if m.group("attrs") is not None:
                attrs = m.group("attrs")
                if _LAZY.search(attrs):
                    continue
                sm = _SRC.search(attrs)
                src = sm.group("src") if sm else ""
            else:
                src = m.group("md") if m.group("md") is not None else (m.group("sc") or "")
            if not _image_placeholder_src(src, hosts) or "`" in line and line.count("`", 0, m.start()) % 2:
                continue
            alone = (line.strip() == m.group(0).strip() and (n == 1 or doc.is_blank_line(n - 1))
                     and (n == doc.line_count or doc.is_blank_line(n + 1)) and line[:1] != " "
                     and m.group("attrs") is None)
            fix = Fix((doc.delete_lines(n, n),), True, "delete the placeholder image") if alone else None
            items.append((base + m.start(), base + m.end(), n, n,
                          "Placeholder image left in the article (" + _short(src) + "): the pipeline never put the "
                          "real picture in. Replace it with the image, or delete it.", fix))
            taken.add(n)
            hit = True
            break
        if not hit and "<" in line and _ANGLE.search(line):
            for s, e, _verb in _placeholders(line, raw_angle=True):
                if "`" in line and line.count("`", 0, s) % 2:
                    continue
                alone = line.strip() == line[s:e].strip()
                fix = Fix((doc.delete_lines(n, n),), True, "delete the placeholder") if alone and \
                    (n == doc.line_count or doc.is_blank_line(n + 1)) else None
                items.append((base + s, base + e, n, n,
                              "Image placeholder left in the text; insert the image or delete the placeholder.", fix))
                taken.add(n)
                break


def _short(src: str) -> str:
    return src if len(src) <= 50 else src[:47] + "..."


def _prev_has_image(doc, block) -> bool:
    k = block.line - 1
    while k >= 1 and doc.is_blank_line(k):
        k -= 1
    if k < 1:
        return False
    prev = doc.lines[k - 1].lower()
    return "![" in prev or "<img" in prev or "figure" in prev or "<picture" in prev


def _quoted(text: str, pos: int) -> bool:
    from lint_rules.assistant_text import _quoted as quoted

    return quoted(text, pos)


# words of an article whose subject is AI text or prompts (a tutorial, a review of a
# generator, a post about spotting chatbot text): there a quoted prompt is an example
_AI_WORDS = ("prompt", "chatbot", "chatgpt", "language model", "midjourney", "dall-e", "dall\u00b7e",
             "stable diffusion", "image generator", "ai-generated", "ai generated", "generative ai", "llm", "gpt-")


def _about_ai(doc) -> bool:
    def compute():
        from lint_rules.assistant_text import _lower

        low = _lower(doc)
        n = 0
        for w in _AI_WORDS:
            n += low.count(w)
            if n >= 3:
                return True
        return False

    return memo(doc, "image-prompt:about-ai", compute)


def _analyse_doc(doc, extra: tuple[str, ...]):
    instruction, label_start, style, weak, not_prompt, style_words = _patterns(extra)
    _bracket, media_label, credit, _hosts = _placeholder_patterns()
    items: list = []
    taken: set[int] = set()
    _raw_items(doc, items, taken)
    media_mask = _media_index().mask  # every placeholder names a medium: a literal prefilter
    blocks = [b for b in doc.prose_blocks() if b.line not in taken]
    lowered = [b.prose.text.lower() for b in blocks]
    if style_words is None:
        style_hits = [True] * len(blocks)
    else:
        mask = literal_index(style_words).mask
        style_hits = [mask(low) != 0 for low in lowered]
    for block, low, hit in zip(blocks, lowered, style_hits):
        text = block.prose.text
        may_style = hit or case_exotic(low)
        may_flag = "--" in text  # every _FLAGS match starts with "--"
        may_place = "[" in text or "{" in text or "(" in text  # every placeholder starts with one
        places = _placeholders(text) if may_place and (media_mask(low) or case_exotic(low)) else []
        if places and ('"' in text or "\u201c" in text or "'" in text or "\u2018" in text):
            places = [pl for pl in places if not _quoted(text, pl[0])]  # a placeholder quoted as an example
        if (block.quote or block.kind == "caption") and _about_ai(doc):
            continue  # a block-quoted prompt, or a caption giving an image's prompt, in an article about AI: an example
        reason = None
        first_line = text.split("\n", 1)[0]
        # both patterns start with "^" (no re.M): match() is search() that does not try every position
        if instruction.match(text) and not not_prompt.search(_FIRST_SENTENCE.split(text, maxsplit=1)[0]):
            reason = "an image-generation instruction"
        elif label_start.match(text):
            reason = "an image prompt or placeholder label"
        elif places and sum(e - s for s, e, _ in places) >= 0.6 * len(text.strip(" *_.")) and (
                len(places) > 1 or places[0][2] or text[places[0][0]] != "(" or len(text.split()) <= 12):
            reason = "an image placeholder"
        elif ":" in first_line[:30] or "-" in first_line[:30] or "\u2013" in first_line[:30]:
            m = media_label.match(first_line)
            src = doc.text[doc.line_start(block.line):doc.line_end(block.end_line)]
            if m and len(first_line.split()) <= 40 and _describes(m.group("value"), credit) \
                    and not _prev_has_image(doc, block) and not block.quote and "](" not in src and "href" not in src:
                if "\n" in text:  # only the first line of the block
                    s, e = block.prose.span(0, len(first_line))
                    items.append((s, e, doc.line_of(s), doc.line_of(max(s, e - 1)),
                                  _LEAD.format(reason="an image placeholder line") + _WHOLE, None))
                    continue
                reason = "an image placeholder line"
        if reason is None and may_style and len(text.split()) <= 80 and _style_count(style, weak, text) >= 2 \
                and not _example_in_prose(doc, block, style, weak):
            reason = "a list of image-generator style keywords"
        elif reason is None and may_flag and _FLAGS.search(text) and (
                (may_style and style.search(text)) or len(text.split()) <= 40):
            reason = "a line of image-generator flags"
        if reason:
            fix = Fix((doc.delete_block(block),), True, "delete the prompt") if block_stands_alone(doc, block) else None
            items.append((block.start, block.end, block.line, block.end_line, _LEAD.format(reason=reason) + _WHOLE, fix))
            continue
        # a prompt flag inside normal prose: point at the flag, no fix
        m = _FLAGS.search(text) if may_flag else None
        if m and not places:
            start, end = block.prose.span(m.start(), m.end())
            items.append((start, end, doc.line_of(start), doc.line_of(max(start, end - 1)),
                          "Image-generator flag left in the text; delete it.", None))
            continue
        for s, e, verb in places:
            if text[s] == "(" and not verb:
                continue  # "(photo of the team below)" inside a sentence: too weak alone
            start, end = block.prose.span(s, e)
            items.append((start, end, doc.line_of(start), doc.line_of(max(start, end - 1)),
                          "Image placeholder left in the text; insert the image or delete the placeholder.", None))
    return items


def _analyse(doc, extra: tuple[str, ...]):
    if not doc.text.strip():
        return []
    from lint_rules.assistant_text import unwrapped

    items = _analyse_doc(doc, extra)
    w = unwrapped(doc)
    if w is not None and getattr(doc, "wrapper", None) is None:  # (a Document that unwraps it read the inside above)
        for s, e, a, b, msg, fix in _analyse(w.inner, extra):
            if fix is not None:
                fix = Fix(tuple(Edit(x.start + w.base, x.end + w.base, x.text) for x in fix.edits), fix.safe,
                          fix.description)
            items.append((s + w.base, e + w.base, a + w.shift, b + w.shift, msg, fix))
    items.sort(key=lambda i: (i[0], -i[1]))
    return items


def leftover_lines(doc) -> frozenset[int]:
    lines: set[int] = set()
    for _s, _e, a, b, _m, _f in memo(doc, "image-prompt", lambda: _analyse(doc, ())):
        lines.update(range(a, b + 1))
    return frozenset(lines)


def check(doc, options):
    extra = tuple(options.get("extra_labels") or ())
    items = memo(doc, "image-prompt", lambda: _analyse(doc, ())) if not extra else _analyse(doc, extra)
    for start, end, _a, _b, message, fix in items:
        yield Finding(start, end, message, fix=fix)
