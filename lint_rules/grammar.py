r"""Grammar and spelling mistakes found by LanguageTool (opt-in: `--grammar`).

## What it finds
Whatever LanguageTool finds in the article's prose: agreement errors, words
left over from an edit ("how acupuncture work may work"), repeated words,
misspellings, confused words ("there"/"their"). Only prose is sent: headings,
paragraphs and list items, with Markdown and HTML markup, code, front matter
and URLs removed; each finding points at the exact line and column in the
source file. Health vocabulary (acupoints, moxibustion, Qi, neuropathy,
fibromyalgia and about a hundred more) is not a spelling mistake, and you can
add your own words.

The rule is off by default, because it needs LanguageTool: a LanguageTool
server (`ACU_LINT_LANGUAGETOOL_URL` or the `server` option) or a local install
(`acu-lint grammar-setup`). A lint run never downloads anything and never
sends text anywhere you did not configure. When grammar is asked for and no
LanguageTool can be reached, the other rules still run, one line says what is
missing, and acu-lint exits with code 3. See docs/grammar.md.

## Why it matters
A typo in a health article costs trust at the moment the reader decides
whether to believe the advice, and garbled sentences are the mark of text
pasted together without an editor. Grammar errors also make instructions
ambiguous ("take one tablet may help" - take it or not?). Readers with low
health literacy, the ones such articles most need to reach, are the first to
stumble over them.

## Examples
- flagged: `Acupuncture can ease the the pain in your lower back.`
- flagged: `Here is how acupuncture work may work for muscle spasms.`
- flagged (md): `# Sleep and pain\n\nMany patients recieve six sessions.`
- not flagged: `Moxibustion warms acupoints to move Qi, and it may help some people with neuropathy.`
- not flagged (md): `Run `the the` only in code.\n\n    the the code block\n`

## Fix
None automatic: LanguageTool's replacements are shown as a suggestion, since
the right correction depends on what the writer meant.

## Options
- `server`: URL of a LanguageTool server, e.g. `http://localhost:8081` (default:
  the `ACU_LINT_LANGUAGETOOL_URL` environment variable, else a local install).
- `language`: LanguageTool language code (default `en-US`; `en-GB`, `auto`, ...).
- `words`: more accepted words (added to the shipped health vocabulary).
- `spelling`: set to false to skip spell checking (category TYPOS) and keep grammar.
- `enabled_rules` / `disabled_rules`: LanguageTool rule ids to switch on or off;
  `disabled_rules` adds to the built-in list of rules that misfire on web
  articles (WHITESPACE_RULE, EN_QUOTES, DASH_RULE, ...), `enabled_rules`
  can switch one of those back on.
- `enabled_categories` / `disabled_categories`: LanguageTool category ids
  (GRAMMAR, TYPOS, STYLE, TYPOGRAPHY, ...).
- `enabled_only`: true to run only the enabled rules and categories.
- `level`: `default` or `picky` (LanguageTool's stricter mode).
- `timeout`: seconds to wait for one answer (default 30).
- `start_timeout`: seconds to wait for a local install to start (default 60).
- `cache`: false to skip the result cache (also `--no-cache`).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from acu_lint.model import Finding
from lint_rules._common import load_data

ID = "grammar"
SEVERITY = "warning"
FIXABLE = False
DEFAULT_ENABLED = False
PARALLEL = False  # one LanguageTool per run: no worker pool (each worker would start its own Java)
OPTIONS = {
    "server": "",
    "language": "en-US",
    "words": [],
    "spelling": True,
    "enabled_rules": [],
    "disabled_rules": [],
    "enabled_categories": [],
    "disabled_categories": [],
    "enabled_only": False,
    "level": "default",
    "timeout": 30,
    "start_timeout": 60,
    "cache": True,
}

# LanguageTool rules that misfire on text taken out of Markdown/HTML or on web
# articles' typography; users re-enable any of them with `enabled_rules`.
DEFAULT_DISABLED_RULES = (
    "WHITESPACE_RULE",  # removed markup and inline code leave double spaces
    "CONSECUTIVE_SPACES",
    "COMMA_PARENTHESIS_WHITESPACE",  # "see [the study](url) ." after link removal
    "EN_QUOTES",  # straight vs curly quotes: typography, not grammar
    "DASH_RULE",
    "PUNCTUATION_PARAGRAPH_END",  # headings and list items need no full stop
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",  # style: "Acupuncture ... Acupuncture ..."
)
# Rules that do not apply to a block of this kind.
_SKIP_FOR_KIND = {
    "heading": {"UPPERCASE_SENTENCE_START", "PUNCTUATION_PARAGRAPH_END", "EN_A_VS_AN_TITLE"},
    "list_item": {"UPPERCASE_SENTENCE_START", "PUNCTUATION_PARAGRAPH_END"},
}
# LanguageTool issue types reported as warnings; the rest (style, typographical,
# whitespace, register, ...) as info.
_WARNING_TYPES = {"misspelling", "grammar", "duplication", "inconsistency", "omission", "addition",
                  "mistranslation", "untranslated", "terminology"}
_SPELLING_CATEGORIES = {"TYPOS"}
_RULE_ID = re.compile(r"^[A-Za-z0-9_]+$")
_LANG = re.compile(r"^(?:auto|[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$")
_URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'\u201c\u201d]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", re.I)
_TRAILING = ".,;:!?)]}'\"\u2019\u201d"
_SURROGATE = re.compile("[\ud800-\udfff]")
_LETTER = re.compile(r"[^\W\d_]")
_URL_HINT = re.compile(r"://|www\.|@", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _str_list(options, key):
    value = options.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of strings")
    return value


def validate(options):
    from acu_lint.languagetool import check_url

    if options["server"]:
        problem = check_url(options["server"])
        if problem:
            raise ValueError(f"server: {problem}")
    if not _LANG.match(options["language"] or ""):
        raise ValueError(f"language: '{options['language']}' is not a language code such as en-US")
    for key in ("enabled_rules", "disabled_rules", "enabled_categories", "disabled_categories"):
        for v in _str_list(options, key):
            if not _RULE_ID.match(v):
                raise ValueError(f"{key}: '{v}' is not a LanguageTool id (letters, digits, underscores)")
    _str_list(options, "words")
    if options["level"] not in ("default", "picky"):
        raise ValueError("level must be 'default' or 'picky'")
    for key in ("timeout", "start_timeout"):
        if not 0 < options[key] <= 3600:
            raise ValueError(f"{key} must be between 0 and 3600 seconds")


def cache_token(options):
    """Extra key for the per-file result cache: which LanguageTool answers."""
    from acu_lint.languagetool import backend_token

    return backend_token(options.get("server") or "")


def _request(options):
    from acu_lint.languagetool import CheckRequest

    enabled = tuple(sorted(set(options.get("enabled_rules") or [])))
    disabled = (set(DEFAULT_DISABLED_RULES) - set(enabled)) | set(options.get("disabled_rules") or [])
    dis_cat = set(options.get("disabled_categories") or [])
    if options.get("spelling") is False:
        dis_cat |= _SPELLING_CATEGORIES
    return CheckRequest(
        language=options.get("language") or "en-US",
        enabled_rules=enabled,
        disabled_rules=tuple(sorted(disabled)),
        enabled_categories=tuple(sorted(set(options.get("enabled_categories") or []))),
        disabled_categories=tuple(sorted(dis_cat)),
        enabled_only=bool(options.get("enabled_only")),
        level=options.get("level") or "default",
    )


# ---------------------------------------------------------------------------
# Accepted words
# ---------------------------------------------------------------------------
_WORDS_CACHE: dict[tuple[str, ...], tuple[frozenset, "re.Pattern[str] | None"]] = {}


def _norm_word(w: str) -> str:
    w = w.strip().replace("\u2019", "'").casefold()
    if w.endswith("'s"):
        w = w[:-2]
    return w.strip(".'")


def _accepted(user_words):
    key = tuple(user_words)
    got = _WORDS_CACHE.get(key)
    if got is None:
        words = list(load_data("grammar_words.yaml").get("words") or []) + list(user_words)
        singles = frozenset(_norm_word(w) for w in words if w.strip() and " " not in w.strip())
        phrases = sorted({w.strip() for w in words if " " in w.strip()}, key=lambda w: (-len(w), w))
        pattern = None
        if phrases:
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
                                 + r")(?!\w)", re.I)
        got = _WORDS_CACHE[key] = (singles, pattern)
    return got


def _is_accepted(word: str, singles) -> bool:
    w = _norm_word(word)
    if not w:
        return False
    if w in singles:
        return True
    if w.endswith("s") and (w[:-1] in singles or (w.endswith("es") and w[:-2] in singles)):
        return True
    parts = [p for p in re.split(r"[-/]", w) if p]
    return len(parts) > 1 and all(p in singles or _is_accepted(p, singles) for p in parts if p)


def _is_spelling(m) -> bool:
    return (m.issue_type == "misspelling" or m.category_id in _SPELLING_CATEGORIES
            or m.rule_id.startswith(("MORFOLOGIK_", "HUNSPELL_", "SPELLER_")))


# ---------------------------------------------------------------------------
# What is sent: one segment per prose block
# ---------------------------------------------------------------------------
@dataclass
class Segment:
    kind: str
    text: str  # what LanguageTool sees
    offsets: list[int]  # source offset of each character; -1 for a masked placeholder


def segments(doc) -> list[Segment]:
    out = []
    for block in doc.prose_blocks():
        prose = block.prose
        # one character for one character, so offsets stay valid: line breaks and tabs
        # become spaces, undecodable bytes (lone surrogates) the replacement character
        text = _SURROGATE.sub("\ufffd", prose.text.replace("\n", " ").replace("\t", " "))
        if not _LETTER.search(text):
            continue  # no letters: nothing to check
        if not _URL_HINT.search(text):
            out.append(Segment(block.kind, text, prose.offsets))
            continue
        chars: list[str] = []
        offs: list[int] = []
        pos = 0
        for m in _URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in _TRAILING:
                end -= 1
            chars.extend(text[pos:m.start()])
            offs.extend(prose.offsets[pos:m.start()])
            placeholder = "email" if "@" in m.group(0) and "://" not in m.group(0) else "URL"
            chars.extend(placeholder)
            offs.extend([-1] * len(placeholder))
            pos = end
        chars.extend(text[pos:])
        offs.extend(prose.offsets[pos:])
        out.append(Segment(block.kind, "".join(chars), offs))
    return out


def _source_end(doc, off: int, ch: str) -> int:
    """End (exclusive) of the source text that produced character ``ch`` at
    ``off``: a whole HTML entity such as ``&amp;`` when it came from one."""
    src = doc.text
    if off < len(src) and src[off] == "&":
        m = _ENTITY.match(src, off)
        if m and html.unescape(m.group(0))[:1] == ch:
            return m.end()
    return off + 1


def check(doc, options):
    from acu_lint import languagetool as lt

    segs = segments(doc)
    if not segs:
        lt.get_backend(options.get("server") or "", float(options.get("start_timeout") or 60))  # config errors still show
        return
    req = _request(options)
    incomplete_before = lt.STATS.incomplete
    results = lt.check_paragraphs(
        [s.text for s in segs], req, server=options.get("server") or "",
        timeout=float(options.get("timeout") or 30), start_timeout=float(options.get("start_timeout") or 60),
        use_cache=options.get("cache", True) is not False,
    )
    if lt.STATS.incomplete > incomplete_before:
        a = doc.title.start if doc.title is not None else 0  # about the whole article: its first line
        yield Finding(
            a, max(a, doc.line_end(doc.line_of(a))),
            "LanguageTool answered only in part for this article (the server ran out of time), so some "
            "grammar problems may be missing. Run again, or raise the server's time limit "
            "(maxCheckTimeMillis).",
            severity="info", data={"scope": "document", "languagetool_rule": None, "incomplete": True},
        )
    singles, phrase_re = _accepted(tuple(options.get("words") or ()))
    for seg, matches in zip(segs, results):
        skip = _SKIP_FOR_KIND.get(seg.kind, set())
        phrase_spans = None
        for m in matches:
            if m.rule_id in skip:
                continue
            a = max(0, min(m.offset, len(seg.text)))
            b = max(a + 1, min(m.offset + m.length, len(seg.text)))
            if a >= len(seg.text):
                continue
            if any(o < 0 for o in seg.offsets[a:b]):
                continue  # touches a masked URL or e-mail address
            word = seg.text[a:b]
            if _is_spelling(m):
                if _is_accepted(word, singles):
                    continue
                if phrase_spans is None:
                    phrase_spans = [(x.start(), x.end()) for x in phrase_re.finditer(seg.text)] if phrase_re else []
                if any(s <= a and b <= e for s, e in phrase_spans):
                    continue
            start = seg.offsets[a]
            end = _source_end(doc, seg.offsets[b - 1], seg.text[b - 1])
            message = m.message or m.description or "LanguageTool found a problem here"
            if not message.endswith((".", "?", "!")):
                message += "."
            sev = None if m.issue_type in _WARNING_TYPES or not m.issue_type else "info"
            suggestion = ", ".join(f"\u201c{r}\u201d" for r in m.replacements[:3]) or None
            yield Finding(
                start, end, f"{message} [{m.rule_id}]" + (f" (suggestion: {suggestion})" if suggestion else ""),
                severity=sev, suggestion=suggestion,
                data={"languagetool_rule": m.rule_id, "category": m.category_id, "issue_type": m.issue_type,
                      "replacements": list(m.replacements)},
            )
