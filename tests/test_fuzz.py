"""Fuzzing the whole pipeline with generated Markdown, HTML and plain-text
articles (hypothesis): read -> Document -> every rule in the registry (except
grammar, which needs a LanguageTool server) -> suppressions -> fixes ->
every output format.

Properties: no rule raises; every finding and every fix edit lies inside the
file (checked on the rules' raw output, before the engine clamps anything);
line/column agree with the offsets; fixing (safe and unsafe) never fails; JSON
and SARIF always parse (SARIF against the 2.1.0 schema), JUnit is well-formed
XML, and the text and GitHub formats have one line per finding.

Example counts are bounded (max_examples=60 per strategy) so that the suite
stays within CI's few minutes.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from acu_lint import reporters
from acu_lint.document import Document
from acu_lint.engine import FileResult, RuleSetup, fix_document, lint_document
from acu_lint.model import SEVERITIES, InputError
from acu_lint.rules import load_registry
from acu_lint.runner import Settings, lint_source
from acu_lint.sources import Source, decode

REGISTRY = load_registry()
RULE_IDS = [rid for rid in REGISTRY.ids() if rid != "grammar"]
SETUPS = [RuleSetup(rid, REGISTRY[rid].check, dict(REGISTRY[rid].options), REGISTRY[rid].severity)
          for rid in RULE_IDS]
FORMATS = reporters.names()
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
_sarif_validator = None


def sarif_validator():
    global _sarif_validator
    if _sarif_validator is None and SCHEMA.is_file():
        try:
            import jsonschema
        except ImportError:  # pragma: no cover - jsonschema is in the test extra
            return None
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        _sarif_validator = jsonschema.validators.validator_for(schema)(schema)
    return _sarif_validator


# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------
WORDS = ("acupuncture needle needles pain back knee neck nerve sleep session sessions patient patients "
         "doctor may help some people feel better after relief research studies show study found cures "
         "guaranteed proven always never completely safe experts say the a of and to in is are it").split()
LEFTOVERS = [
    "Leave a Comment", "Scroll to Top", "Share this: Facebook Twitter", "Skip to content",
    "Image prompt: a calm clinic room, soft light", "[IMAGE: needles in a hand]",
    "Create a photorealistic image of a patient resting.", "acupuncture-knee-1024x683.jpg",
    "woman receiving acupuncture from images.unsplash.com", "nervous system", "and stress",
    "Studies show acupuncture cures back pain.", "A study in the Journal of Pain found it works.",
    "Disclaimer: this is not medical advice.", "Step 1: Rest", "Step 3: Walk", "#2 Heat",
    "<!-- acu-lint-disable -->", "<!-- acu-lint-enable -->", "<!-- acu-lint-disable-next-line web-boilerplate -->",
    "<!-- acu-lint-disable-file duplicate-line -->", "<!-- acu-lint-disable numbering-gap,readability -->",
]
ODD = ["\t", "\u00a0", "\u200b", "\ufeff", "\u2028", "\u0085", "\r", "\x0c", "\u00e9", "\u00df", "\u0130",
       "\u2019", "\u201c", "\u2014", "\u2026", "\U0001f600", "\u0301", "\u05d0", "\ud7ff", "*", "_", "`", "[", "]",
       "(", ")", "<", ">", "&", "#", "\\", "|", "!", "~", "-", "+", "=", ":", "."]

words = st.sampled_from(WORDS)
odd_text = st.lists(st.sampled_from(ODD + WORDS[:8] + [" "]), max_size=8).map("".join)
raw_text = st.text(max_size=30)


@st.composite
def sentences(draw):
    parts = draw(st.lists(st.one_of(words, words, words, odd_text), min_size=1, max_size=14))
    s = " ".join(parts)
    if draw(st.booleans()):
        s = s[:1].upper() + s[1:]
    return s + draw(st.sampled_from([".", ".", "!", "?", "", ":", "..."]))


@st.composite
def prose(draw):
    return " ".join(draw(st.lists(sentences(), min_size=1, max_size=4)))


@st.composite
def inline_md(draw):
    t = draw(prose())
    deco = draw(st.sampled_from([
        "{t}", "*{t}*", "**{t}**", "_{t}_", "`{t}`", "[{t}](https://example.org/a_(b))", "![{t}](img.png)",
        "<b>{t}</b>", "{t} <https://example.org>", "{t}&amp;{t}", "\\*{t}", "{t}[^1]", "[{t}][ref]",
        "~~{t}~~", "{t}  ", "<span class=\"x\">{t}", "{t} <!-- note -->", "``{t}`", "[{t}", "{t}](",
    ]))
    return deco.replace("{t}", t)


@st.composite
def md_block(draw):
    kind = draw(st.sampled_from(["para", "para", "heading", "setext", "list", "olist", "quote", "fence", "indented",
                                 "table", "html", "comment", "hr", "leftover", "raw", "nested"]))
    if kind == "para":
        return "\n".join(draw(st.lists(inline_md(), min_size=1, max_size=3)))
    if kind == "heading":
        return "#" * draw(st.integers(1, 7)) + draw(st.sampled_from([" ", ""])) + draw(inline_md())
    if kind == "setext":
        return draw(sentences()) + "\n" + draw(st.sampled_from(["===", "---", "=", "- - -"]))
    if kind in ("list", "olist"):
        items = []
        n = draw(st.integers(1, 6))
        start = draw(st.integers(0, 12))
        for i in range(n):
            indent = " " * draw(st.sampled_from([0, 0, 0, 2, 3, 4, 8]))
            if kind == "olist":
                num = start + i + draw(st.sampled_from([0, 0, 0, 1, 2, -1]))
                marker = f"{max(num, 0)}{draw(st.sampled_from(['.', ')']))}"
            else:
                marker = draw(st.sampled_from(["-", "*", "+"]))
            items.append(f"{indent}{marker} {draw(inline_md())}")
        return draw(st.sampled_from(["\n", "\n\n"])).join(items)
    if kind == "quote":
        depth = draw(st.integers(1, 4))
        return "\n".join(">" * depth + " " + draw(inline_md()) for _ in range(draw(st.integers(1, 3))))
    if kind == "fence":
        body = draw(st.sampled_from(["Leave a Comment", "1. one\n3. three", draw(prose())]))
        close = draw(st.sampled_from(["```", "```", "", "~~~"]))
        return f"```{draw(st.sampled_from(['', 'python', 'md']))}\n{body}\n{close}"
    if kind == "indented":
        return "    " + draw(prose())
    if kind == "table":
        return "| a | b |\n|---|---|\n| " + draw(sentences()) + " | " + draw(st.sampled_from(LEFTOVERS)) + " |"
    if kind == "html":
        return draw(st.sampled_from(["<div>", "<div class=\"x\">\n", "<figure><figcaption>"])) + draw(prose()) + \
            draw(st.sampled_from(["</div>", "", "</figcaption></figure>"]))
    if kind == "comment":
        return "<!-- " + draw(prose()) + draw(st.sampled_from([" -->", ""]))
    if kind == "hr":
        return draw(st.sampled_from(["---", "***", "___", "- - -"]))
    if kind == "leftover":
        return draw(st.sampled_from(LEFTOVERS))
    if kind == "nested":
        depth = draw(st.integers(1, 60))
        return "".join(draw(st.sampled_from(["> ", "- ", "1. ", "  "])) for _ in range(depth)) + draw(sentences())
    return draw(raw_text)


@st.composite
def markdown_articles(draw):
    blocks = []
    if draw(st.integers(0, 4)) == 0:
        fm = draw(st.sampled_from(["title: Knee Pain", "disclaimer: template", "a: [1, 2", "- x", "title: |\n  x",
                                   "k: !!python/name:os.system", ""]))
        blocks.append(f"---\n{fm}\n---")
    if draw(st.booleans()):
        blocks.append("# " + draw(sentences()).rstrip(".!?:"))
    blocks += draw(st.lists(md_block(), max_size=12))
    sep = draw(st.lists(st.sampled_from(["\n\n", "\n", "\n\n\n", "\r\n\r\n", "\n \n"]),
                        min_size=len(blocks), max_size=len(blocks)))
    return "".join(b + s for b, s in zip(blocks, sep))


TAGS = ["p", "div", "span", "b", "i", "em", "strong", "a", "h1", "h2", "h3", "ul", "ol", "li", "table", "tr", "td",
        "th", "figure", "figcaption", "img", "br", "hr", "script", "style", "pre", "code", "blockquote", "nav",
        "footer", "header", "aside", "section", "article", "title", "head", "body", "html", "svg", "template",
        "textarea", "dl", "dt", "dd", "caption", "form", "button", "noscript", "kbd"]
ATTRS = ["", ' class="x"', ' start="3"', ' start="-2"', ' start="abc"', ' start="99999999999999999999"',
         ' value="7"', ' value="x"', ' value=""', ' href="https://example.org"', ' alt="a woman receiving acupuncture"',
         " data-x='<p>'", ' start', " src=x.jpg"]


@st.composite
def html_nodes(draw, depth=0):
    kind = draw(st.sampled_from(["text", "text", "elem", "elem", "leftover", "comment", "entity", "junk"]
                                if depth < 6 else ["text", "leftover", "entity"]))
    if kind == "text":
        return draw(prose())
    if kind == "leftover":
        return draw(st.sampled_from(LEFTOVERS))
    if kind == "comment":
        return "<!--" + draw(prose()) + draw(st.sampled_from(["-->", "--->", "", "--!>"]))
    if kind == "entity":
        return draw(st.sampled_from(["&amp;", "&nbsp;", "&#8217;", "&#x1F600;", "&bogus;", "&#99999999;", "&", "&#;"]))
    if kind == "junk":
        return draw(st.sampled_from(["<", ">", "</", "<!", "<?xml?>", "<!DOCTYPE html>", "<![CDATA[x]]>", "</p>",
                                     "<p", "<a href='", "</nope>"]))
    tag = draw(st.sampled_from(TAGS))
    inner = "".join(draw(st.lists(html_nodes(depth + 1), max_size=4)))
    close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", f"</{tag}>", "", f"</{tag.upper()}>"]))
    return f"<{tag}{draw(st.sampled_from(ATTRS))}>{inner}{close}"


@st.composite
def html_articles(draw):
    body = "".join(draw(st.lists(html_nodes(), max_size=10)))
    nl = draw(st.sampled_from(["", "\n", "\r\n"]))
    return body.replace("><", ">" + nl + "<") if nl else body


@st.composite
def text_line(draw):
    kind = draw(st.sampled_from(["sentence", "para", "heading", "item", "bullet", "leftover", "blank", "raw", "step"]))
    if kind == "sentence":
        return draw(sentences())
    if kind == "para":
        return draw(prose())
    if kind == "heading":
        return " ".join(w.capitalize() for w in draw(st.lists(words, min_size=1, max_size=6)))
    if kind == "item":
        return f"{draw(st.integers(0, 30))}{draw(st.sampled_from(['.', ')']))} {draw(sentences())}"
    if kind == "bullet":
        return draw(st.sampled_from(["-", "*", "\u2022", "  -", "\t*"])) + " " + draw(sentences())
    if kind == "step":
        return f"Step {draw(st.integers(0, 12))}: {draw(sentences())}"
    if kind == "leftover":
        return draw(st.sampled_from(LEFTOVERS))
    if kind == "blank":
        return draw(st.sampled_from(["", " ", "\t"]))
    return draw(raw_text)


@st.composite
def text_articles(draw):
    lines = draw(st.lists(text_line(), max_size=25))
    ends = draw(st.lists(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]), min_size=len(lines), max_size=len(lines)))
    return "".join(l + e for l, e in zip(lines, ends)) + draw(st.sampled_from(["", "x"]))


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------
def check_raw_rule_output(doc: Document) -> None:
    """Each rule on its own, before the engine clamps or filters anything."""
    n = len(doc.text)
    for s in SETUPS:
        found = list(s.check(doc, dict(s.options)) or ())
        for f in found:
            where = f"{s.id}: {f.start}-{f.end} of {n}: {f.message[:60]}"
            assert 0 <= f.start <= f.end <= n, where
            assert isinstance(f.message, str) and f.message.strip(), where
            assert f.severity is None or f.severity in SEVERITIES, where
            if f.fix is not None:
                edits = sorted(f.fix.edits, key=lambda e: (e.start, e.end))
                assert edits, where
                for e in edits:
                    assert 0 <= e.start <= e.end <= n, (where, e)
                    assert isinstance(e.text, str), (where, e)
                for a, b in zip(edits, edits[1:]):
                    assert a.end <= b.start, (where, "overlapping edits", a, b)


def check_positions(doc: Document, findings) -> None:
    lines = doc.text.split("\n")
    for f in findings:
        assert 1 <= f.line <= len(lines) and 1 <= f.end_line <= len(lines), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, f
        assert (f.line, f.column) <= (f.end_line, f.end_column), f
        assert doc.position(f.start) == (f.line, f.column)
        assert doc.position(f.end) == (f.end_line, f.end_column)
        assert f.rule in RULE_IDS and f.severity in SEVERITIES
        assert len(f.message.splitlines()) == 1, f.message  # one line per finding in every format


def check_reports(path: str, findings, errors) -> None:
    report = reporters.Report(findings=findings, files=[path], rules=REGISTRY.rules,
                              enabled=sorted({f.rule for f in findings}), errors=list(errors), version="fuzz")
    for fmt in FORMATS:
        out = reporters.get(fmt)(report)
        assert isinstance(out, str), fmt
        if fmt == "json":
            data = json.loads(out)
            assert len(data) == len(findings)
            for item, f in zip(data, findings):
                assert (item["line"], item["column"], item["end_line"], item["end_column"]) == \
                    (f.line, f.column, f.end_line, f.end_column)
        elif fmt == "sarif":
            data = json.loads(out)
            v = sarif_validator()
            if v is not None:
                problems = sorted(v.iter_errors(data), key=str)
                assert not problems, problems[0].message
            assert sum(len(run.get("results", [])) for run in data["runs"]) == len(findings)
        elif fmt == "junit":
            ET.fromstring(out.encode("utf-8"))
        elif fmt in ("text", "github"):
            for f in findings:
                assert f"{f.line}" in out


def run_pipeline(text: str, path: str) -> None:
    note(repr(text[:2000]))
    doc = Document(text, path)
    check_raw_rule_output(doc)

    settings_ = Settings()
    result = lint_source(Source(path=path, text=text), SETUPS, settings_)
    assert result.errors == [], result.errors
    assert result.unavailable == []
    check_positions(doc, result.findings)
    check_reports(path, result.findings, result.errors)

    # fixing, safe and unsafe, never fails and stays in bounds
    for unsafe in (False, True):
        res = FileResult(path)
        final, remaining = fix_document(Document(text, path), SETUPS, unsafe, res)
        assert res.errors == [], res.errors
        check_positions(final, remaining)
    fixed = lint_source(Source(path=path, text=text), SETUPS, Settings(fix=True, unsafe_fixes=True))
    assert fixed.errors == []
    if fixed.fixed_text is not None:
        assert isinstance(fixed.fixed_text, str)


@FUZZ
@given(markdown_articles())
def test_fuzz_markdown(text):
    run_pipeline(text, "fuzz.md")


@FUZZ
@given(html_articles())
def test_fuzz_html(text):
    run_pipeline(text, "fuzz.html")


@FUZZ
@given(text_articles())
def test_fuzz_plain_text(text):
    run_pipeline(text, "fuzz.txt")


@FUZZ
@given(st.text(max_size=400), st.sampled_from(["f.md", "f.txt", "f.html"]))
def test_fuzz_any_unicode(text, path):
    run_pipeline(text.replace("\x00", ""), path)


@FUZZ
@given(st.binary(max_size=300), st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]))
def test_fuzz_bytes_are_decoded_or_refused_in_one_line(data, bom):
    try:
        src = decode(bom + data, "f.md")
    except InputError as exc:
        msg = str(exc)
        assert msg.startswith("f.md: ") and "\n" not in msg
        return
    run_pipeline(src.text, "f.md")


def _seed_texts() -> list[str]:
    from conftest import SEEDS

    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []


SEED_TEXTS = _seed_texts()


@st.composite
def mutated_seeds(draw):
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 400)))
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "leftover", "markup", "newlines"]))
        if op == "insert":
            text = text[:i] + draw(st.sampled_from(ODD)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "leftover":
            text = text[:i] + "\n\n" + draw(st.sampled_from(LEFTOVERS)) + "\n\n" + text[i:]
        elif op == "markup":
            text = text[:i] + draw(st.sampled_from(["# ", "1. ", "- ", "> ", "```\n", "<p>", "</li>", "<!--"])) + text[i:]
        else:
            text = text[:i] + text[i:j].replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n", " "]))) + text[j:]
    return text


@pytest.mark.skipif(not SEED_TEXTS, reason="seed articles not found in ../shared/seeds (they live beside the repo)")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_seeds(), st.sampled_from(["seed.txt", "seed.md", "seed.html"]))
def test_fuzz_mutated_seed_articles(text, path):
    run_pipeline(text, path)


def test_formats_under_fuzz_include_json():
    assert "json" in FORMATS and "text" in FORMATS


@pytest.mark.skipif("sarif" not in FORMATS, reason="no SARIF reporter registered")
def test_sarif_schema_is_available_for_the_fuzzer():
    assert sarif_validator() is not None
