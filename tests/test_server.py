"""`acu-lint server`: a real server process driven over stdio by pygls's LSP client.

Expected positions come from linting the same text in-process (the engine's
findings, whose columns count characters) and are converted to UTF-16 code
units here, independently of the server's own conversion; the articles put
astral characters (an emoji: two UTF-16 units) before findings so that a server
that sent character columns would fail.
"""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls (pip install 'acu-lint[lsp]')")

from lsprotocol import types as T  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from acu_lint.document import Document  # noqa: E402
from acu_lint.runner import Settings, run  # noqa: E402
from acu_lint import server as srv  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from lt_fake_server import running_server  # noqa: E402

ARTICLE = """# Acupuncture for knee pain \U0001F33F

# Acupuncture for knee pain \U0001F33F

\U0001F33F Acupuncture cures knee pain for good, with no side effects at all.

Needling is one option among many.
Some research shows that it helps most people who live with arthritis.

1. Arrive early.
2. Fill in the form.
4. Relax on the table.
"""


def u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def expected(path: Path, text: str) -> list[tuple[str, int, int, int, int, int]]:
    """(rule, start line, start char, end line, end char, severity) as an LSP client sees them."""
    lines = text.replace("\r\n", "\n").split("\n")
    out = []
    res = run([str(path)], Settings())
    for f in res.findings:
        sc = u16(lines[f.line - 1][: f.column - 1])
        ec = u16(lines[f.end_line - 1][: f.end_column - 1])
        out.append((f.rule, f.line - 1, sc, f.end_line - 1, ec, srv.LSP_SEVERITY[f.severity]))
    return sorted(out)


def seen(diags: list[T.Diagnostic]) -> list[tuple]:
    return sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character,
                   int(d.severity)) for d in diags)


def apply_edits(text: str, edits: list[T.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) as an editor would, last first."""
    lines = text.split("\n")

    def offset(p: T.Position) -> int:
        before = sum(len(x) + 1 for x in lines[: p.line])
        line = lines[p.line] if p.line < len(lines) else ""
        units = 0
        for i, ch in enumerate(line):
            if units >= p.character:
                return before + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return before + len(line)

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for a, b, t in spans:
        text = text[:a] + t + text[b:]
    return text


class Session:
    """One server process and what it published."""

    def __init__(self, cwd: Path, init_options: dict | None = None):
        self.cwd = cwd
        self.init_options = init_options
        self.client = LanguageClient("acu-lint-test", "1")
        self.published: dict[str, list[T.PublishDiagnosticsParams]] = {}
        self.messages: list[T.ShowMessageParams] = []
        self.changed = asyncio.Event()
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}

        @self.client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _diags(ls, params: T.PublishDiagnosticsParams):
            self.published.setdefault(params.uri, []).append(params)
            self.changed.set()

        @self.client.feature(T.WINDOW_SHOW_MESSAGE)
        def _msg(ls, params: T.ShowMessageParams):
            self.messages.append(params)
            self.changed.set()

        @self.client.feature(T.WINDOW_LOG_MESSAGE)
        def _log(ls, params):
            pass

    async def __aenter__(self) -> "Session":
        await self.client.start_io(sys.executable, "-m", "acu_lint", "server", cwd=str(self.cwd))
        caps = T.ClientCapabilities(
            workspace=T.WorkspaceClientCapabilities(
                workspace_edit=T.WorkspaceEditClientCapabilities(document_changes=True)),
            text_document=T.TextDocumentClientCapabilities(
                hover=T.HoverClientCapabilities(content_format=[T.MarkupKind.Markdown])))
        result = await asyncio.wait_for(self.client.initialize_async(T.InitializeParams(
            capabilities=caps, root_uri=self.cwd.as_uri(), initialization_options=self.init_options,
            workspace_folders=[T.WorkspaceFolder(uri=self.cwd.as_uri(), name="articles")])), 60)
        assert result.server_info.name == "acu-lint"
        self.capabilities = result.capabilities
        self.client.initialized(T.InitializedParams())
        return self

    async def __aexit__(self, *exc) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), 10)
            self.client.exit(None)
        finally:
            await asyncio.wait_for(self.client.stop(), 10)

    def open(self, path: Path, text: str, language: str = "markdown") -> str:
        uri = path.as_uri()
        self.versions[uri], self.texts[uri] = 1, text
        self.client.text_document_did_open(T.DidOpenTextDocumentParams(
            T.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def change(self, uri: str, edits: list[T.TextEdit]) -> None:
        """Send the edits incrementally, as an editor does (the server applies them)."""
        self.versions[uri] += 1
        self.texts[uri] = apply_edits(self.texts[uri], edits)
        changes = [T.TextDocumentContentChangePartial(range=e.range, text=e.new_text)
                   for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)]
        self.client.text_document_did_change(T.DidChangeTextDocumentParams(
            T.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]), changes))

    async def diagnostics(self, uri: str, version: int | None = None, until=None,
                          timeout: float = 30) -> list[T.Diagnostic]:
        """The first publication for ``version`` (default: the latest sent) that satisfies ``until``."""
        version = self.versions[uri] if version is None else version
        deadline = time.monotonic() + timeout
        while True:
            for p in self.published.get(uri, []):
                if p.version == version and (until is None or until(p.diagnostics)):
                    return p.diagnostics
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no diagnostics for {uri} v{version}: {self.published.get(uri)}")
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except asyncio.TimeoutError:
                pass

    async def actions(self, uri: str, rng: T.Range, diags: list[T.Diagnostic]) -> list[T.CodeAction]:
        return await asyncio.wait_for(self.client.text_document_code_action_async(T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=uri), range=rng,
            context=T.CodeActionContext(diagnostics=diags))), 30)


def edits_of(action: T.CodeAction, uri: str, version: int) -> list[T.TextEdit]:
    (change,) = action.edit.document_changes
    assert change.text_document.uri == uri and change.text_document.version == version
    return list(change.edits)


def test_diagnostics_fix_and_suppress_over_stdio(tmp_path):
    (tmp_path / ".acu-lint.yaml").write_text("severity:\n  vague-citation: error\n", encoding="utf-8")
    path = tmp_path / "knee.md"
    path.write_text(ARTICLE, encoding="utf-8")
    want = expected(path, ARTICLE)
    rules = {w[0] for w in want}
    assert {"duplicate-line", "absolute-claim"} <= rules, want  # the article's defects (and a fixable one)

    async def scenario():
        async with Session(tmp_path) as s:
            assert s.capabilities.code_action_provider and s.capabilities.hover_provider
            uri = s.open(path, ARTICLE)
            diags = await s.diagnostics(uri)
            assert seen(diags) == want  # same findings, ranges in UTF-16 code units
            for d in diags:
                assert d.source == "acu-lint" and d.code_description is not None
                assert d.code_description.href.endswith(".py")
            # the config beside the file applies: vague-citation raised to error
            assert all(int(d.severity) == 1 for d in diags if d.code == "vague-citation")
            claim = next(d for d in diags if d.code == "absolute-claim")
            line5 = ARTICLE.split("\n")[4]
            assert claim.range.start.line == 4
            assert claim.range.start.character == line5.index("cures") + 1  # the emoji is two units

            # hover shows the finding and `acu-lint explain`'s text
            hover = await asyncio.wait_for(s.client.text_document_hover_async(T.HoverParams(
                T.TextDocumentIdentifier(uri=uri), claim.range.start)), 30)
            assert "absolute-claim" in hover.contents.value and "What it finds" in hover.contents.value
            assert hover.range == claim.range or hover.range.start.line == 4

            # the fix of the duplicated title, applied as the editor applies a code action
            dup = next(d for d in diags if d.code == "duplicate-line")
            acts = await s.actions(uri, dup.range, [dup])
            fix = next(a for a in acts if a.kind == T.CodeActionKind.QuickFix and "Disable" not in a.title)
            assert fix.is_preferred and fix.diagnostics and fix.diagnostics[0].code == "duplicate-line"
            s.change(uri, edits_of(fix, uri, 1))
            diags2 = await s.diagnostics(uri)
            assert "duplicate-line" not in {d.code for d in diags2}
            assert s.texts[uri].count("# Acupuncture for knee pain") == 1
            path.write_text(s.texts[uri], encoding="utf-8")
            assert seen(diags2) == expected(path, s.texts[uri])  # everything else stays, at its new place

            # the suppression comment for a claim makes that diagnostic go, and only it
            claim2 = next(d for d in diags2 if d.code == "absolute-claim")
            acts = await s.actions(uri, claim2.range, [claim2])
            titles = [a.title for a in acts]
            assert "acu-lint: Disable absolute-claim for this line" in titles, titles
            assert "acu-lint: Disable absolute-claim for this file" in titles
            off = next(a for a in acts if a.title == "acu-lint: Disable absolute-claim for this line")
            s.change(uri, edits_of(off, uri, 2))
            assert "<!-- acu-lint-disable-next-line absolute-claim -->" in s.texts[uri]
            diags3 = await s.diagnostics(uri)
            assert "absolute-claim" not in {d.code for d in diags3}
            assert {d.code for d in diags3} == {d.code for d in diags2} - {"absolute-claim"}

            # the vague citation inside a two-line paragraph: the comment goes at the end of the
            # line above, so the paragraph stays one paragraph
            cite = [d for d in diags3 if d.code == "vague-citation"]
            if cite and s.texts[uri].split("\n")[cite[0].range.start.line - 1].strip():
                acts = await s.actions(uri, cite[0].range, cite[:1])
                off = next(a for a in acts if a.title.endswith("vague-citation for this line"))
                s.change(uri, edits_of(off, uri, 3))
                diags4 = await s.diagnostics(uri)
                assert "vague-citation" not in {d.code for d in diags4}

            # closing the document clears its diagnostics
            s.client.text_document_did_close(T.DidCloseTextDocumentParams(T.TextDocumentIdentifier(uri=uri)))
            deadline = time.monotonic() + 10
            while not (not s.published[uri][-1].diagnostics and s.published[uri][-1].version is None):
                assert time.monotonic() < deadline, [(p.version, len(p.diagnostics)) for p in s.published[uri]]
                await asyncio.sleep(0.05)

    asyncio.run(scenario())


def test_typing_is_debounced_and_config_per_file(tmp_path):
    """Quick keystrokes: the last version is linted; a folder's own config applies to its files;
    a plain-text and an HTML document are linted too; fix all as a source action."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / ".acu-lint.yaml").write_text("ignore: [absolute-claim]\n", encoding="utf-8")
    base = "Acupuncture cures back pain for good.\n"

    async def scenario():
        async with Session(tmp_path, {"debounceMs": 200}) as s:
            note = s.open(notes / "draft.md", "# Back pain\n\n" + base)
            top = s.open(tmp_path / "draft.md", "# Back pain\n\n" + base)
            assert "absolute-claim" not in {d.code for d in await s.diagnostics(note)}
            assert "absolute-claim" in {d.code for d in await s.diagnostics(top)}

            for i in range(4):  # type four characters fast at the end of the title
                s.change(top, [T.TextEdit(T.Range(T.Position(0, 11 + i), T.Position(0, 11 + i)), "!?.,"[i])])
            final = await s.diagnostics(top)
            assert s.texts[top].startswith("# Back pain!?.,\n")
            published = [p.version for p in s.published[top]]
            assert published[-1] == 5
            assert not set(published) & {2, 3}, published  # the middle keystrokes were never linted
            assert "absolute-claim" in {d.code for d in final}

            txt = s.open(tmp_path / "visit.txt", "Your visit\n\nScroll to Top\n\nRest after the session.\n",
                         language="plaintext")
            html = s.open(tmp_path / "page.html", "<h1>Needles</h1>\n<p>Acupuncture cures pain for good.</p>\n",
                          language="html")
            for uri in (txt, html):
                path = Path(srv.path_from_uri(uri))
                path.write_text(s.texts[uri], encoding="utf-8")
                assert seen(await s.diagnostics(uri)) == expected(path, s.texts[uri])
                path.unlink()

            # fix all: the source action with every safe fix
            dup = s.open(tmp_path / "dup.md", "# Back pain\n\n# Back pain\n\nRest helps some people.\n")
            diags = await s.diagnostics(dup)
            assert "duplicate-line" in {d.code for d in diags}
            acts = await asyncio.wait_for(s.client.text_document_code_action_async(T.CodeActionParams(
                text_document=T.TextDocumentIdentifier(uri=dup), range=T.Range(T.Position(0, 0), T.Position(0, 0)),
                context=T.CodeActionContext(diagnostics=[], only=[T.CodeActionKind.SourceFixAll]))), 30)
            (fix_all,) = acts
            s.change(dup, edits_of(fix_all, dup, 1))
            assert s.texts[dup].count("# Back pain") == 1
            assert "duplicate-line" not in {d.code for d in await s.diagnostics(dup)}

    asyncio.run(scenario())


def test_grammar_never_blocks(tmp_path):
    """With grammar configured against a slow LanguageTool, the other rules' diagnostics
    arrive first and the grammar ones follow."""
    text = "# Knee care\n\nRest the the knee and call your doctor if it swells.\n\nScroll to Top\n"
    with running_server(delay=2.0) as lt:
        (tmp_path / ".acu-lint.yaml").write_text(
            f"extend-select: [grammar]\nrules:\n  grammar:\n    server: {lt.url}\n    cache: false\n", encoding="utf-8")

        async def scenario():
            async with Session(tmp_path) as s:
                uri = s.open(tmp_path / "knee.md", text)
                t0 = time.monotonic()
                first = await s.diagnostics(uri)
                assert time.monotonic() - t0 < 1.8  # did not wait for LanguageTool
                assert "grammar" not in {d.code for d in first}
                later = await s.diagnostics(uri, until=lambda ds: any(d.code == "grammar" for d in ds))
                assert {d.code for d in first} <= {d.code for d in later}
                rep = next(d for d in later if d.code == "grammar")
                assert rep.range.start.line == 2 and rep.range.start.character == text.split("\n")[2].index("the the")

        asyncio.run(scenario())


def test_bad_config_is_a_diagnostic_not_a_crash(tmp_path):
    (tmp_path / ".acu-lint.yaml").write_text("selekt: [absolute-claim]\n", encoding="utf-8")

    async def scenario():
        async with Session(tmp_path) as s:
            uri = s.open(tmp_path / "a.md", "# A\n\nText.\n")
            (d,) = await s.diagnostics(uri)
            assert d.code == "config" and "selekt" in d.message and int(d.severity) == 1
            # an empty and an odd buffer are fine
            (tmp_path / ".acu-lint.yaml").unlink()
            empty = s.open(tmp_path / "empty.md", "")
            assert await s.diagnostics(empty) is not None
            odd = s.open(tmp_path / "odd.md", "\ud800\x00" + "x" * 50000 + "\u2028\r\n\r")
            await s.diagnostics(odd)

    asyncio.run(scenario())


# ---- the pure helpers --------------------------------------------------------
@pytest.mark.parametrize("enc,expect", [("utf-16", 3), ("utf-8", 5), ("utf-32", 2)])
def test_positions_in_each_encoding(enc, expect):
    doc = Document("a\U0001F33Fb\n", "x.md")
    assert srv.to_position(doc, 2, enc) == (0, expect)
    assert srv.to_offset(doc, 0, expect, enc) == 2
    assert srv.to_offset(doc, 5, 0, enc) == len(doc.text)  # past the end: clamped


def test_suppression_comment_places():
    md = Document("# T\n\nFirst line of a paragraph\nsecond line.\n\n- item one\n- item two\n", "a.md")

    class F:
        rule = "absolute-claim"

    f = F()
    f.line = 4  # inside the paragraph: appended to the line above
    a, b, t = srv.suppression_edit(md, f)
    assert md.text[:a].endswith("paragraph") and t == " <!-- acu-lint-disable-next-line absolute-claim -->"
    f.line = 3  # first line of a paragraph: a line of its own
    a, b, t = srv.suppression_edit(md, f)
    assert a == md.line_start(3) and t == "<!-- acu-lint-disable-next-line absolute-claim -->\n"
    txt = Document("Title\n\nline one\n  line two\n", "a.txt")
    f.line = 4  # plain text: always a line of its own, indented as the line
    assert srv.suppression_edit(txt, f)[2] == "  <!-- acu-lint-disable-next-line absolute-claim -->\n"
    fm = Document("---\ntitle: x\n---\n# T\n", "a.md")
    assert srv.file_suppression_edit(fm, "x")[0] == fm.line_start(4)


def test_a_lint_run_imports_neither_pygls_nor_the_server(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    code = ("import sys, runpy\nsys.argv = ['acu-lint', '--no-cache', 'a.md']\n"
            "try:\n    runpy.run_module('acu_lint', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "import json\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    mods = set(json.loads(r.stderr.strip().splitlines()[-1]))
    assert not {m for m in mods if m.split(".")[0] in ("pygls", "lsprotocol", "cattrs")}
    assert "acu_lint.server" not in mods and "acu_lint.reporters.html" not in mods
