"""The Document model: block kinds and exact positions for Markdown, HTML and text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from acu_lint.document import Document


def spans(doc):
    return [(b.kind, b.line, doc.position(b.start)[1], b.prose.text if b.prose else None) for b in doc.blocks]


def test_markdown_blocks_and_scoping():
    text = ("---\ntitle: T\n---\n# Sleep *Well*\n\nSee [the study](https://doi.org/10.1/x) and `code`.\n\n"
            "1. First item\n2. Second item\n\n```\nCreate an image of x\n```\n\n<!-- hidden -->\n\n> Quoted **text**\n")
    doc = Document(text, "a.md")
    assert doc.front_matter == {"title": "T"}
    kinds = [(k, line, col, prose) for k, line, col, prose in spans(doc)]
    assert kinds == [
        ("front_matter", 1, 1, None),
        ("heading", 4, 3, "Sleep Well"),
        ("paragraph", 6, 1, "See the study and ."),
        ("list_item", 8, 1, "First item"),
        ("list_item", 9, 1, "Second item"),
        ("code", 11, 1, None),
        ("comment", 15, 1, None),
        ("paragraph", 17, 3, "Quoted text"),
    ]
    assert doc.title.line == 4
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [(b.number, b.marker) for b in items] == [(1, "1."), (2, "2.")]


def test_prose_offsets_map_back_to_source():
    text = "# T\n\nA *very* [long](http://x.org) word &amp; more\n"
    doc = Document(text, "a.md")
    para = [b for b in doc.blocks if b.kind == "paragraph"][0]
    p = para.prose
    assert p.text == "A very long word & more"
    i = p.text.index("long")
    s, e = p.span(i, i + 4)
    assert text[s:e] == "long"
    j = p.text.index("&")
    s, e = p.span(j, j + 1)
    assert text[s:s + 5] == "&amp;"


def test_html_positions_are_source_positions():
    text = "<html><body>\n<h1>Sleep &amp; Rest</h1>\n  <p>Line one\n  continues <b>here</b>.</p>\n<script>var x = 'Leave a Comment';</script>\n<ol><li>One</li><li>Two</li></ol></body></html>\n"
    doc = Document(text, "a.html")
    got = spans(doc)
    assert got[0] == ("heading", 2, 5, "Sleep & Rest")
    assert got[1][0:3] == ("paragraph", 3, 6)
    assert "Leave a Comment" not in " ".join(b.prose.text for b in doc.blocks if b.prose)
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [(b.number, b.line) for b in items] == [(1, 6), (2, 6)]
    para = doc.blocks[1]
    k = para.prose.text.index("here")
    s, e = para.prose.span(k, k + 4)
    assert text[s:e] == "here" and doc.position(s) == (4, 16)


def test_plain_text_inference():
    text = ("nervous system\n\nAcupuncture for Pain\n\nPain is common. It has\nmany causes.\n\n"
            "1. Release of endorphins:\n\n- sub point\n\n  2) Second\nStep 3: Rest\n")
    doc = Document(text, "a.txt")
    got = [(b.kind, b.line, b.number) for b in doc.blocks]
    assert got == [("heading", 1, None), ("heading", 3, None), ("paragraph", 5, None), ("list_item", 8, 1),
                   ("list_item", 10, None), ("list_item", 12, 2), ("list_item", 13, 3)]
    assert doc.title.line == 3
    para = doc.blocks[2]
    assert para.end_line == 6


def test_crlf_and_columns_count_characters():
    text = "Título é\r\n\r\nÜber naïve café\r\n"
    doc = Document(text, "a.txt")
    assert doc.newline == "\r\n"
    assert doc.text == "Título é\n\nÜber naïve café\n"
    b = doc.blocks[1]
    i = b.prose.text.index("café")
    assert doc.position(b.prose.span(i, i + 4)[0]) == (3, 12)
    assert doc.to_source(doc.text) == text


def test_delete_lines_removes_following_blank_and_trailing_gap():
    doc = Document("A\n\nB\n\nC\n\nD", "a.txt")
    e = doc.delete_lines(3, 3)
    assert doc.text[:e.start] + doc.text[e.end:] == "A\n\nC\n\nD"
    e = doc.delete_lines(7, 7)
    assert doc.text[:e.start] + doc.text[e.end:] == "A\n\nB\n\nC\n"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab #*_-1.)>`[]()<>!\n\r\t&;é")), max_size=300),
       st.sampled_from(["a.md", "a.txt", "a.html"]))
def test_positions_always_inside_the_file(text, name):
    doc = Document(text, name)
    n = len(doc.text)
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= n
        assert 1 <= b.line <= b.end_line <= doc.line_count
        if b.prose:
            assert len(b.prose.text) == len(b.prose.offsets)
            assert all(0 <= o < n for o in b.prose.offsets)


def test_plain_text_url_slug_line_is_not_joined_to_the_line_above():
    from acu_lint.document import Document

    doc = Document("Acupuncture for Sciatica\nacupuncture-for-sciatica\nthe wrapped line goes on here\n", "a.txt")
    texts = [b.prose.text for b in doc.blocks]
    assert texts[0] == "Acupuncture for Sciatica"
    assert texts[1].startswith("acupuncture-for-sciatica")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=60), max_size=40), st.integers(-45, 45), st.integers(-45, 45))
def test_offsets_runs_read_like_the_list_they_store(values, a, b):
    from acu_lint.document import Offsets

    off = Offsets.from_list(values)
    assert len(off) == len(values)
    assert list(off) == values
    assert off == values and values == off
    assert off[a:b] == values[a:b]
    assert off[a:b:2] == values[a:b:2]
    for k in (a, b):
        if -len(values) <= k < len(values):
            assert off[k] == values[k]
        else:
            with pytest.raises(IndexError):
                off[k]


def test_prose_offsets_of_a_long_paragraph_are_stored_as_runs():
    from acu_lint.document import Document

    words = " ".join(["acupuncture"] * 2000)
    doc = Document(f"# Title\n\nSome **bold** text and {words}.\n", "a.md")
    prose = doc.blocks[1].prose
    assert prose.text.startswith("Some bold text")
    assert len(prose.offsets) == len(prose.text)
    assert len(prose.offsets._starts) <= 4  # a few runs, not one entry per character
    assert prose.span(5, 9) == (doc.text.index("bold"), doc.text.index("bold") + 4)


def test_shortcodes_and_template_tags_are_not_prose():
    text = ('# Feet\n\n{{< figure src="/img/feet.jpg" alt="Create a photorealistic image of a foot, 8k" >}}\n\n'
            '{{% notice tip %}}Warm socks may help.{{% /notice %}} {% include cta.html %}\n')
    doc = Document(text, "a.md")
    prose = " ".join(b.prose.text for b in doc.prose_blocks())
    assert "photorealistic" not in prose and "include" not in prose and "notice" not in prose
    assert "Warm socks may help." in prose


def test_html_blocks_in_markdown_have_prose_at_exact_positions():
    text = ("# Title\n\nSome text.\n\n<div class=\"note\">Acupuncture may help.</div>\n\n<figure>\n"
            "  <img src=\"a.jpg\" alt=\"needles\">\n  <figcaption>A calm room</figcaption>\n</figure>\n")
    doc = Document(text, "a.md")
    got = [(b.kind, b.line, doc.text[b.start:b.end]) for b in doc.blocks if b.prose and b.line > 3]
    assert got == [("paragraph", 5, "Acupuncture may help."), ("caption", 9, "A calm room")]
    assert [b.kind for b in doc.blocks if b.line == 5] == ["html", "paragraph"]  # the raw block stays


def test_html_blocks_in_lists_and_quotes_lose_their_container_markers():
    text = "# T\n\nIntro.\n\n- <div>gentle pressure</div>\n\n> <div>Quoted words here.</div>\n"
    doc = Document(text, "a.md")
    got = [(b.line, doc.position(b.start)[1], b.prose.text, b.in_list, b.quote) for b in doc.blocks
           if b.prose and b.line > 3]
    assert got == [(5, 8, "gentle pressure", True, False), (7, 8, "Quoted words here.", False, True)]


def test_sentence_markers_do_not_backtrack():
    import time
    from lint_rules.readability import split_sentences
    from lint_rules.vague_citation import sentence_spans

    t = "Acupuncture may help some people." + "\u00b9" * 60 + "x and more words"
    start = time.perf_counter()
    split_sentences(t)
    sentence_spans(t)
    assert time.perf_counter() - start < 1.0  # was exponential in the number of superscripts


def test_highlight_shortcodes_are_code_blocks():
    text = ("# T\n\nIntro text.\n\n{{< highlight yaml >}}\nno side effects: true\n{{< /highlight >}}\n\n"
            "{% highlight text %}\nLeave a Comment\n{% endhighlight %}\n\nAfter.\n")
    doc = Document(text, "a.md")
    assert [(b.kind, b.line, b.end_line) for b in doc.blocks if b.kind == "code"] == [("code", 5, 7), ("code", 9, 11)]
    assert [b.prose.text for b in doc.prose_blocks()] == ["T", "Intro text.", "After."]


def test_link_text_with_escaped_or_nested_brackets_reads_as_its_text():
    # a wiki's footnote markers scraped as links: the prose reads "[3]", at the marker's own offsets
    text = "# Wrist\n\nPressing the wrist eased nausea.[\\[3\\]](#cite_note-3) It also helped.[[4]](#ref4) Done.\n"
    doc = Document(text, "a.md")
    b = doc.blocks[1]
    assert b.prose.text == "Pressing the wrist eased nausea.[3] It also helped.[4] Done."
    for k, ch in enumerate(b.prose.text):
        assert doc.text[b.prose.offsets[k]] == ch
    # a long line of unclosed brackets stays linear
    Document("[" + "\\[x" * 20000 + "\n", "a.md")
    Document("[[" * 20000 + "](#a)\n", "a.md")
