"""HTML tables used for layout (e-mail newsletters) hold prose; data tables hold cells.

The articles under tests/data/html_layout/ are our own: a newsletter built from
nested layout tables (Mailchimp-style: bodyTable > templateContainer > text
blocks) and a reminder e-mail built from role="presentation" tables with the
text directly in its cells.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from acu_lint.document import Document
from conftest import lint

DATA = Path(__file__).parent / "data" / "html_layout"
RULES = ["absolute-claim", "vague-citation", "missing-disclaimer"]


def _doc(name: str) -> Document:
    return Document((DATA / name).read_text(encoding="utf-8"), name)


def _kinds(doc: Document) -> list[tuple[str, int, str]]:
    return [(b.kind, b.line, b.prose.text.split()[0]) for b in doc.blocks if b.prose]


def _rules(path: str, text: str) -> list[tuple[str, int, int]]:
    return sorted((f.rule, f.line, f.column) for f in lint(text, path, select=RULES))


def test_nested_layout_tables_of_a_newsletter_are_read_as_prose():
    doc = _doc("newsletter.html")
    kinds = _kinds(doc)
    assert ("heading", 20, "Frozen") in kinds
    assert ("paragraph", 31, "Dear") in kinds
    assert ("heading", 32, "What") in kinds
    assert ("paragraph", 34, "Acupuncture") in kinds
    assert ("paragraph", 42, "This") in kinds
    assert not [b for b in doc.blocks if b.kind == "table_cell"]
    assert doc.title is not None and doc.title.line == 20 and doc.title.level == 1
    for b in doc.blocks:
        if b.prose:
            assert "table" not in b.data["context"]
            if b.line > 9:
                assert b.data["layout_table"] is True


def test_prose_in_a_layout_table_keeps_exact_positions():
    doc = _doc("newsletter.html")
    blk = next(b for b in doc.blocks if b.prose and b.prose.text.startswith("Acupuncture cures"))
    line = doc.lines[blk.line - 1]
    assert doc.position(blk.start) == (34, line.index("Acupuncture") + 1)
    i = blk.prose.text.index("frozen")
    start, end = blk.prose.span(i, i + len("frozen shoulder"))
    assert doc.text[start:end] == "frozen shoulder"


def test_rules_read_a_newsletter_body():
    text = (DATA / "newsletter.html").read_text(encoding="utf-8")
    got = _rules("newsletter.html", text)
    assert ("absolute-claim", 34, 34) in got
    # "This newsletter is general and educational and does not replace an assessment by ..."
    assert not [g for g in got if g[0] == "missing-disclaimer"]


def test_presentation_tables_with_text_in_their_cells():
    text = (DATA / "appointment-reminder.html").read_text(encoding="utf-8")
    doc = Document(text, "r.html")
    assert ("heading", 7, "Cold") in _kinds(doc)
    assert ("paragraph", 12, "Recent") in _kinds(doc)
    got = _rules("r.html", text)
    assert ("vague-citation", 12, 1) in got
    assert ("absolute-claim", 12, 42) in got
    assert ("missing-disclaimer", 7, 59) in got  # on the title, now that the title is read


LONG = ("Gentle movement every day keeps a stiff shoulder from getting stiffer, and most people "
        "find that short sessions spread over the day suit them better than one long one.")


@pytest.mark.parametrize("html", [
    # says so
    '<table role="presentation"><tr><td>Short note</td><td>Another note</td></tr></table>',
    '<table role="none"><tr><td>Short note</td><td>Another note</td></tr></table>',
    # block content in a cell
    "<table><tr><td><p>Short note</p></td><td>Another note</td></tr></table>",
    "<table><tr><td><h2>Short note</h2></td><td>Another note</td></tr></table>",
    # running text in a cell
    f"<table><tr><td>Short note</td><td>{LONG}</td></tr></table>",
    # one column of rows
    "<table><tr><td>Short note</td></tr><tr><td>Another note</td></tr></table>",
    # holds another table (the inner one, one row of two short cells, stays data)
    "<table><tr><td>Short note<table><tr><td>a</td><td>b</td></tr></table></td></tr></table>",
    # left open by the markup
    "<table><tr><td><p>Short note</p><p>Another note",
])
def test_layout_tables(html):
    doc = Document(html, "t.html")
    first = next(b for b in doc.blocks if b.prose and b.prose.text == "Short note")
    assert first.kind in ("paragraph", "heading")
    assert first.data["layout_table"] is True
    assert "table" not in first.data["context"]


@pytest.mark.parametrize("html", [
    # a header row over short cells in a grid
    "<table><thead><tr><th>Treatment</th><th>Best for</th></tr></thead>"
    "<tbody><tr><td>Short note</td><td>Mild symptoms</td></tr><tr><td>Surgery</td><td>Severe symptoms</td></tr></tbody></table>",
    # a header row keeps a table data even with a long cell
    f"<table><tr><th>Option</th><th>What to know</th></tr><tr><td>Short note</td><td>{LONG}</td></tr></table>",
    # short cells in a grid without a header
    "<table><tr><td>Short note</td><td>9 to 5</td></tr><tr><td>Saturday</td><td>closed</td></tr></table>",
    # one short cell
    "<table><tr><td>Short note</td></tr></table>",
])
def test_data_tables_keep_their_cells(html):
    doc = Document(html, "t.html")
    first = next(b for b in doc.blocks if b.prose and b.prose.text == "Short note")
    assert first.kind == "table_cell"
    assert "table" in first.data["context"]
    assert "layout_table" not in first.data


def test_a_data_table_inside_a_layout_table():
    html = ("<table role='presentation'><tr><td><h2>Opening hours</h2>\n"
            "<table><tr><th>Day</th><th>Hours</th></tr><tr><td>Monday</td><td>9 to 5</td></tr></table>\n"
            f"<p>{LONG}</p></td></tr></table>")
    doc = Document(html, "t.html")
    got = {b.prose.text.split()[0]: b.kind for b in doc.blocks if b.prose}
    assert got == {"Opening": "heading", "Day": "table_cell", "Hours": "table_cell", "Monday": "table_cell",
                   "9": "table_cell", "Gentle": "paragraph"}


def test_careful_data_table_stays_cells():
    doc = Document((Path(__file__).parent / "data" / "careful" / "carpal-tunnel.html").read_text(encoding="utf-8"),
                   "carpal-tunnel.html")
    cells = [b for b in doc.blocks if 35 <= b.line <= 41 and b.prose]
    assert cells and all(b.kind == "table_cell" for b in cells)


def test_layout_table_in_a_markdown_html_block():
    md = ("# Shoulder news\n\n"
          '<table role="presentation">\n<tr><td>\n'
          "<p>Acupuncture cures frozen shoulder in a single session.</p>\n"
          "</td></tr>\n</table>\n")
    doc = Document(md, "n.md")
    blk = next(b for b in doc.blocks if b.kind == "paragraph")
    assert (blk.line, doc.position(blk.start)) == (5, (5, 4))
    assert ("absolute-claim", 5, 16) in _rules("n.md", md)


@pytest.mark.parametrize("html", [
    "<table>" * 500 + "<td>x",
    "</table>" * 20 + "<p>text</p>",
    "<table><tr><th>a</th>" + "<td>word " * 2000,
    "<table role>" + "<tr><td><p>" * 300,
    "<table role='PRESENTATION'><tr><td>\u00e9\u0301 \U0001f600</td></tr></table>",
])
def test_odd_tables_parse(html):
    doc = Document(html, "t.html")
    assert all(b.start <= b.end for b in doc.blocks)
