"""``acu-lint server``: a Language Server (LSP over stdio) for editors.

Diagnostics on open, change (debounced) and save, with the same config
resolution as the CLI for each file; quick fixes (the rule's fix and a
suppression comment), "fix all" as a source action, and hover text from
``acu-lint explain``. Markdown, plain text and HTML documents.

The first half of this module is plain Python (linting a buffer, positions in
LSP code units, the edits of code actions) and imports nothing from pygls, so
it can be tested and reused without it; :func:`build_server` imports pygls and
lsprotocol lazily (``pip install 'acu-lint[lsp]'``), so a plain ``acu-lint``
run never pays for them.

The grammar rule (LanguageTool) never blocks diagnostics: it is off unless the
config turns it on, and then the other rules' diagnostics are published first
and the grammar results follow when LanguageTool answers.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from acu_lint import __version__

GRAMMAR_ID = "grammar"
DEFAULT_DEBOUNCE = 0.3  # seconds after the last keystroke
SOURCE = "acu-lint"
# LSP DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint
LSP_SEVERITY = {"error": 1, "warning": 2, "info": 3}
# languageId (as editors name them) -> the Document kind
LANGUAGE_KINDS = {
    "markdown": "markdown", "mdx": "markdown", "quarto": "markdown", "rmd": "markdown",
    "plaintext": "text", "text": "text",
    "html": "html",
}
_EXT_FOR_KIND = {"markdown": ".md", "text": ".txt", "html": ".html"}


# ---------------------------------------------------------------------------
# Positions: character offsets <-> LSP (line, code unit) positions
# ---------------------------------------------------------------------------
def code_units(s: str, encoding: str = "utf-16") -> int:
    """Length of ``s`` in the position encoding's code units (LSP default: UTF-16)."""
    if encoding == "utf-32":
        return len(s)
    if encoding == "utf-8":
        return len(s.encode("utf-8", "surrogatepass"))
    if s.isascii():
        return len(s)
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def chars_for_units(line: str, units: int, encoding: str = "utf-16") -> int:
    """How many characters of ``line`` make up ``units`` code units (clamped;
    a position inside a surrogate pair or UTF-8 sequence rounds down)."""
    if encoding == "utf-32":
        return max(0, min(units, len(line)))
    n = 0
    for i, ch in enumerate(line):
        w = (1 if ord(ch) <= 0xFFFF else 2) if encoding != "utf-8" else len(ch.encode("utf-8", "surrogatepass"))
        if n + w > units:
            return i
        n += w
    return len(line)


def to_position(doc, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
    """(0-based line, code units) of a character offset into ``doc.text``."""
    line, col = doc.position(offset)
    text = doc.lines[line - 1]
    return line - 1, code_units(text[: col - 1], encoding)


def to_offset(doc, line: int, units: int, encoding: str = "utf-16") -> int:
    """Character offset into ``doc.text`` of an LSP position (clamped to the text)."""
    if line < 0:
        return 0
    if line >= doc.line_count:
        return len(doc.text)
    return doc.line_start(line + 1) + chars_for_units(doc.lines[line], units, encoding)


# ---------------------------------------------------------------------------
# Linting one buffer as the CLI would lint the file
# ---------------------------------------------------------------------------
@dataclass
class Options:
    """What the editor may set (LSP ``initializationOptions``, camelCase or kebab-case keys)."""

    config: str | None = None  # like --config: one config file for every document
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    debounce: float = DEFAULT_DEBOUNCE  # seconds
    unsafe_fixes: bool = False  # offer "fix all" with fixes that add content

    @classmethod
    def from_json(cls, data: Any) -> "Options":
        out = cls()
        if not isinstance(data, dict):
            return out
        norm = {str(k).replace("-", "").replace("_", "").lower(): v for k, v in data.items()}

        def ids(v: Any) -> list[str]:
            if isinstance(v, str):
                v = v.split(",")
            return [str(x).strip() for x in v or () if str(x).strip()] if isinstance(v, (list, tuple, str)) else []

        if isinstance(norm.get("config"), str) and norm["config"].strip():
            out.config = os.path.expanduser(norm["config"].strip())
        if norm.get("select") is not None:
            out.select = ids(norm["select"]) or None
        out.extend_select = ids(norm.get("extendselect"))
        out.ignore = ids(norm.get("ignore"))
        if norm.get("grammar") is True and GRAMMAR_ID not in out.extend_select:
            out.extend_select.append(GRAMMAR_ID)
        deb, scale = (norm["debouncems"], 1000.0) if "debouncems" in norm else (norm.get("debounce"), 1.0)
        if isinstance(deb, (int, float)) and not isinstance(deb, bool) and 0 <= deb / scale <= 60:
            out.debounce = deb / scale
        out.unsafe_fixes = norm.get("unsafefixes") is True
        return out


@dataclass
class LintResult:
    path: str
    text: str  # the buffer as the editor has it
    doc: Any = None  # acu_lint.document.Document of the buffer
    findings: list = field(default_factory=list)
    rules: list = field(default_factory=list)  # RuleSetups that ran (or will, for grammar)
    errors: list[str] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)
    grammar_pending: bool = False  # grammar is configured: a second pass will run it
    config_error: str | None = None
    excluded: bool = False


def path_from_uri(uri: str) -> str | None:
    """The file system path of a ``file:`` URI (None for untitled and other schemes)."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and re.match(r"^/[A-Za-z]:", path):  # pragma: no cover - Windows
        path = path[1:]
    if parsed.netloc and parsed.netloc != "localhost":  # pragma: no cover - UNC
        path = f"//{parsed.netloc}{path}"
    return os.path.normpath(path)


def kind_for(path: str, language_id: str | None) -> str | None:
    """The Document kind for a buffer, or None when it is not an article acu-lint reads."""
    from acu_lint.document import HTML_EXTS, MARKDOWN_EXTS

    ext = os.path.splitext(path)[1].lower()
    if ext in MARKDOWN_EXTS:
        return "markdown"
    if ext in HTML_EXTS:
        return "html"
    if ext == ".txt":
        return "text"
    return LANGUAGE_KINDS.get((language_id or "").lower())


class Linter:
    """Lints editor buffers in-process, with the CLI's config resolution per file."""

    def __init__(self, options: Options | None = None, root: str | None = None):
        self.options = options or Options()
        self.root = root or os.getcwd()
        self._registry = None

    @property
    def registry(self):
        if self._registry is None:
            from acu_lint.rules import load_registry

            self._registry = load_registry()
        return self._registry

    def settings(self):
        from acu_lint.runner import Settings

        o = self.options
        return Settings(select=o.select, extend_select=list(o.extend_select), ignore=list(o.ignore),
                        config=o.config, unsafe_fixes=o.unsafe_fixes)

    def setups(self, path: str):
        """(config, RuleSetups) for ``path``, as ``acu-lint PATH`` would use. Raises AcuLintError."""
        from acu_lint.config import ConfigResolver
        from acu_lint.runner import rule_setups

        # a new resolver each time: an edited .acu-lint.yaml applies at once
        resolver = ConfigResolver(self.registry, self.options.config)
        cfg = resolver.for_file(path)
        return cfg, rule_setups(self.registry, resolver, cfg, path, self.settings())

    def buffer_path(self, uri: str, language_id: str | None = None) -> tuple[str, str | None]:
        """(path used for config and display, Document kind) of a buffer."""
        path = path_from_uri(uri)
        if path is None:  # untitled: the workspace's config, the kind from the language
            kind = LANGUAGE_KINDS.get((language_id or "").lower())
            name = re.sub(r"[^\w.-]+", "_", uri.rsplit("/", 1)[-1] or "untitled")
            return os.path.join(self.root, name + _EXT_FOR_KIND.get(kind or "", "")), kind
        return path, kind_for(path, language_id)

    def lint(self, path: str, text: str, kind: str | None = None, grammar: str = "defer") -> LintResult:
        """Lint ``text`` as the file ``path``. ``grammar``: "defer" leaves the
        grammar rule out and marks it pending; "only"/"all" runs every rule."""
        from acu_lint.document import Document
        from acu_lint.engine import FileResult, lint_document
        from acu_lint.model import AcuLintError

        result = LintResult(path, text)
        try:
            cfg, setups = self.setups(path)
        except AcuLintError as exc:
            result.config_error = str(exc)
            return result
        except Exception as exc:  # noqa: BLE001 - a broken config must not kill the server
            result.config_error = f"{type(exc).__name__}: {exc}"
            return result
        if self.options.config is None and cfg.is_excluded(path):
            result.excluded = True
            return result
        if grammar == "defer" and any(s.id == GRAMMAR_ID for s in setups):
            setups = [s for s in setups if s.id != GRAMMAR_ID]
            result.grammar_pending = True
        result.rules = setups
        try:
            doc = Document(text, path, kind)
            fr = FileResult(path)
            result.findings = lint_document(doc, setups, fr)
        except RecursionError:
            result.errors.append(f"{path}: nested too deeply to lint")
            return result
        except Exception as exc:  # noqa: BLE001 - reported in the editor's log, never a crash
            result.errors.append(f"{path}: could not be linted ({type(exc).__name__}: {exc})")
            return result
        result.doc = doc
        result.errors.extend(fr.errors)
        result.unavailable.extend(fr.unavailable)
        return result

    def fix_all(self, result: LintResult) -> str | None:
        """The buffer's text (LF-normalised) after every safe fix (and unsafe ones
        with ``unsafeFixes``), or None when nothing changes."""
        from acu_lint.engine import FileResult, fix_document

        if result.doc is None:
            return None
        rules = [s for s in result.rules if s.id != GRAMMAR_ID]
        final, _ = fix_document(result.doc, rules, self.options.unsafe_fixes, FileResult(result.path))
        return final.text if final.text != result.doc.text else None


# ---------------------------------------------------------------------------
# What the editor shows: diagnostics, hover text, code action edits
# ---------------------------------------------------------------------------
def rule_doc_url(rule) -> str | None:
    """A link to the rule's documentation: its module (the docstring that
    `acu-lint explain` prints) in acu-lint's repository, for built-in rules."""
    if rule is None or rule.origin not in ("acu-lint", "acu_lint", ""):
        return None
    obj = rule.obj
    module = getattr(obj, "__module__", None) if not hasattr(obj, "__file__") else getattr(obj, "__name__", None)
    if not module or not module.startswith(("lint_rules.", "acu_lint.")):
        return None
    from acu_lint.reporters.sarif import information_uri

    return f"{information_uri().rstrip('/')}/blob/main/{module.replace('.', '/')}.py"


def explain_text(rule) -> str:
    """What ``acu-lint explain RULE`` prints, as Markdown."""
    fix = "unsafe" if rule.fixable == "unsafe" else ("yes" if rule.fixable else "no")
    out = [f"# {rule.id}", "",
           f"Default severity: {rule.severity}. Fixable: {fix}. "
           f"On by default: {'yes' if rule.default_enabled else 'no (opt-in)'}.", "", rule.doc]
    if rule.options:
        out += ["", "Default options:"] + [f"  {k}: {v!r}" for k, v in rule.options.items()]
    return "\n".join(out)


def hover_markdown(findings: list, rules: dict) -> str:
    parts = []
    for f in findings:
        head = f"**acu-lint** `{f.rule}` ({f.severity}): {f.message}"
        if f.suggestion:
            head += f"\n\nSuggestion: {f.suggestion}"
        if f.fix is not None:
            head += f"\n\nFix{' (unsafe: adds content)' if not f.fix.safe else ''}: {f.fix.description or 'available'}"
        rule = rules.get(f.rule)
        parts.append(head + ("\n\n---\n\n" + _demote_headings(explain_text(rule)) if rule is not None else ""))
    return "\n\n---\n\n".join(parts)


def _demote_headings(md: str) -> str:
    """Rule docs use '#'/'##' headings; in a hover they would shout: one level down, at most ####."""
    return re.sub(r"(?m)^(#{1,5}) ", lambda m: "#" * min(len(m.group(1)) + 2, 6) + " ", md)


def findings_at(result: LintResult, offset: int) -> list:
    out = []
    for f in result.findings:
        if f.start <= offset < f.end or (f.start == f.end == offset):
            out.append(f)
    return out


def findings_in(result: LintResult, start: int, end: int) -> list:
    """Findings whose span touches [start, end] (a cursor: start == end)."""
    out = []
    for f in result.findings:
        if f.start <= end and start <= f.end:
            out.append(f)
    return out


SUPPRESS_NEXT_LINE = "<!-- acu-lint-disable-next-line {ids} -->"
SUPPRESS_FILE = "<!-- acu-lint-disable-file {ids} -->"


def suppression_edit(doc, finding) -> tuple[int, int, str]:
    """(start, end, new text) that adds ``<!-- acu-lint-disable-next-line RULE -->``
    for the finding's first line (see acu_lint.suppress for the grammar).

    The comment goes on a line of its own above, with that line's indentation,
    when the line starts a block (or in plain text and HTML, where a comment
    line changes nothing a reader sees). Inside a Markdown paragraph or list
    item (the line above belongs to the same text) it is appended to the line
    above instead, where it is inline HTML: a comment line there would end the
    paragraph or list and change the rendered article."""
    line = finding.line
    comment = SUPPRESS_NEXT_LINE.format(ids=finding.rule)
    target = doc.lines[line - 1]
    indent = target[: len(target) - len(target.lstrip(" \t"))]
    if doc.kind == "markdown" and line > 1:
        above = doc.lines[line - 2]
        code_or_meta = any(b.kind in ("code", "front_matter", "table") and b.line <= line - 1 <= b.end_line
                           for b in doc.blocks)
        if above.strip() and not code_or_meta and not above.rstrip().endswith("\\") \
                and not re.match(r"^\s{0,3}(#{1,6}(\s|$)|(-{3,}|={3,}|\*{3,}|_{3,})\s*$)", above):
            stripped = above.rstrip()
            at = doc.line_start(line - 1) + len(stripped)
            return at, at, " " + comment
    at = doc.line_start(line)
    return at, at, f"{indent}{comment}\n"


def file_suppression_edit(doc, rule_id: str) -> tuple[int, int, str]:
    """(start, end, new text) adding ``<!-- acu-lint-disable-file RULE -->`` at
    the top: after front matter, after an HTML doctype."""
    comment = SUPPRESS_FILE.format(ids=rule_id)
    at = 0
    for b in doc.blocks:
        if b.kind == "front_matter" and b.line == 1:
            at = doc.line_start(b.end_line + 1) if b.end_line < doc.line_count else len(doc.text)
            break
    if at == 0 and doc.kind == "html" and doc.lines and doc.lines[0].lstrip().lower().startswith("<!doctype"):
        at = doc.line_start(2) if doc.line_count > 1 else len(doc.text)
    if at == len(doc.text) and doc.text and not doc.text.endswith("\n"):
        return at, at, "\n" + comment + "\n"
    return at, at, comment + "\n"


# ---------------------------------------------------------------------------
# The server (pygls, imported lazily)
# ---------------------------------------------------------------------------
def build_server(options: Options | None = None):  # noqa: C901 - one place for every handler
    """The pygls LanguageServer with acu-lint's features registered."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from lsprotocol import types as T
    from pygls.lsp.server import LanguageServer

    server = LanguageServer("acu-lint", __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental)
    state: dict[str, Any] = {
        "linter": Linter(options),
        "results": {},  # uri -> (version, LintResult)
        "tasks": {},  # uri -> asyncio.Task (pending lint)
        "told": set(),  # messages shown once
    }
    lint_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="acu-lint")
    grammar_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="acu-lint-grammar")

    def linter() -> Linter:
        return state["linter"]

    def encoding() -> str:
        enc = server.workspace.position_encoding if server.workspace is not None else None
        return str(getattr(enc, "value", enc) or "utf-16")

    def tell(kind: T.MessageType, message: str, once: bool = True) -> None:
        if once:
            if message in state["told"]:
                return
            state["told"].add(message)
        server.window_show_message(T.ShowMessageParams(type=kind, message=f"acu-lint: {message}"))

    def log(message: str) -> None:
        server.window_log_message(T.LogMessageParams(type=T.MessageType.Log, message=f"acu-lint: {message}"))

    def lsp_range(doc, start: int, end: int) -> T.Range:
        enc = encoding()
        (l1, c1), (l2, c2) = to_position(doc, start, enc), to_position(doc, end, enc)
        return T.Range(T.Position(l1, c1), T.Position(l2, c2))

    def diagnostics(result: LintResult) -> list[T.Diagnostic]:
        out = []
        if result.config_error:
            out.append(T.Diagnostic(range=T.Range(T.Position(0, 0), T.Position(0, 0)),
                                    message=f"acu-lint cannot lint this file: {result.config_error}",
                                    severity=T.DiagnosticSeverity.Error, source=SOURCE, code="config"))
            return out
        if result.doc is None:
            return out
        rules = linter().registry.rules
        for f in result.findings:
            message = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
            url = rule_doc_url(rules.get(f.rule))
            out.append(T.Diagnostic(
                range=lsp_range(result.doc, f.start, f.end),
                message=message,
                severity=T.DiagnosticSeverity(LSP_SEVERITY.get(f.severity or "warning", 2)),
                code=f.rule,
                code_description=T.CodeDescription(href=url) if url else None,
                source=SOURCE,
                data={"rule": f.rule, "start": f.start, "end": f.end, "fix": f.fix is not None},
            ))
        return out

    def publish(uri: str, result: LintResult | None, version: int | None) -> None:
        diags = diagnostics(result) if result is not None else []
        server.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=diags,
                                                                            version=version))
        if result is not None:
            for e in result.errors:
                log(e)
            for u in result.unavailable:
                tell(T.MessageType.Warning, u)
            if result.config_error:
                tell(T.MessageType.Error, result.config_error)

    def buffer(uri: str):
        from urllib.parse import unquote

        # only documents the editor has open (get_text_document would read closed ones from disk)
        docs = server.workspace.text_documents
        return docs.get(uri) or docs.get(unquote(uri))

    def lint_now(uri: str, grammar: str = "defer") -> tuple[int | None, LintResult | None]:
        """Lint the buffer as it is (synchronously)."""
        td = buffer(uri)
        if td is None:
            return None, None
        path, kind = linter().buffer_path(uri, td.language_id)
        if kind is None:
            return td.version, None
        return td.version, linter().lint(path, td.source, kind, grammar)

    def current(uri: str) -> LintResult | None:
        """The latest result for the buffer's current version (lints it when stale)."""
        td = buffer(uri)
        if td is None:
            return None
        cached = state["results"].get(uri)
        if cached is not None and cached[0] == td.version and cached[1].text == td.source:
            return cached[1]
        version, result = lint_now(uri)
        if result is not None:
            state["results"][uri] = (version, result)
        return result

    async def run_lint(uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            td = buffer(uri)
            if td is None:
                return
            loop = asyncio.get_running_loop()
            version, result = await loop.run_in_executor(lint_pool, lint_now, uri)
            td = buffer(uri)
            if td is None or td.version != version:
                return  # edited meanwhile: the next run publishes
            if result is None:
                publish(uri, None, version)
                return
            state["results"][uri] = (version, result)
            publish(uri, result, version)
            if result.grammar_pending and result.doc is not None:
                full = await loop.run_in_executor(grammar_pool, lambda: linter().lint(result.path, result.text,
                                                                                      result.doc.kind, "all"))
                td = buffer(uri)
                if td is not None and td.version == version and td.source == result.text:
                    state["results"][uri] = (version, full)
                    publish(uri, full, version)
        except asyncio.CancelledError:
            pass
        except Exception as exc:  # noqa: BLE001 - the server keeps serving
            log(f"{uri}: {type(exc).__name__}: {exc}")

    def schedule(uri: str, delay: float) -> None:
        old = state["tasks"].pop(uri, None)
        if old is not None and not old.done():
            old.cancel()
        state["tasks"][uri] = asyncio.ensure_future(run_lint(uri, delay))

    @server.feature(T.INITIALIZE)
    def on_initialize(ls, params: T.InitializeParams) -> None:
        root = None
        if params.workspace_folders:
            root = path_from_uri(params.workspace_folders[0].uri)
        elif params.root_uri:
            root = path_from_uri(params.root_uri)
        opts = Options.from_json(params.initialization_options) if params.initialization_options else options
        if options is not None and options.config and opts is not None and not opts.config:
            opts.config = options.config  # `acu-lint server --config FILE` unless the editor names one
        state["linter"] = Linter(opts, root if root and os.path.isdir(root) else None)

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def on_open(ls, params: T.DidOpenTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def on_change(ls, params: T.DidChangeTextDocumentParams) -> None:
        schedule(params.text_document.uri, linter().options.debounce)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def on_save(ls, params: T.DidSaveTextDocumentParams) -> None:
        from acu_lint.config import CONFIG_NAMES

        uri = params.text_document.uri
        name = os.path.basename(path_from_uri(uri) or "")
        if name in CONFIG_NAMES or name == "pyproject.toml":  # the config changed: every open article again
            for other in list(server.workspace.text_documents):
                schedule(other, 0)
        else:
            schedule(uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def on_close(ls, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = state["tasks"].pop(uri, None)
        if task is not None:
            task.cancel()
        state["results"].pop(uri, None)
        server.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def on_watched(ls, params: T.DidChangeWatchedFilesParams) -> None:
        for other in list(server.workspace.text_documents):
            schedule(other, 0)

    @server.feature(T.TEXT_DOCUMENT_HOVER)
    def on_hover(ls, params: T.HoverParams) -> T.Hover | None:
        result = current(params.text_document.uri)
        if result is None or result.doc is None:
            return None
        off = to_offset(result.doc, params.position.line, params.position.character, encoding())
        hits = findings_at(result, off)
        if not hits:
            return None
        a, b = min(f.start for f in hits), max(f.end for f in hits)
        return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown,
                                                value=hover_markdown(hits, linter().registry.rules)),
                       range=lsp_range(result.doc, a, b))

    def workspace_edit(uri: str, version: int | None, doc, edits: list[tuple[int, int, str]]) -> T.WorkspaceEdit:
        nl = doc.newline
        text_edits = [T.TextEdit(range=lsp_range(doc, a, b), new_text=t.replace("\n", nl) if nl != "\n" else t)
                      for a, b, t in sorted(edits)]
        caps = server.client_capabilities
        doc_changes = bool(caps and caps.workspace and caps.workspace.workspace_edit
                           and caps.workspace.workspace_edit.document_changes)
        if doc_changes:
            return T.WorkspaceEdit(document_changes=[T.TextDocumentEdit(
                text_document=T.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                edits=text_edits)])
        return T.WorkspaceEdit(changes={uri: text_edits})

    @server.feature(T.TEXT_DOCUMENT_CODE_ACTION, T.CodeActionOptions(
        code_action_kinds=[T.CodeActionKind.QuickFix, T.CodeActionKind.SourceFixAll]))
    def on_code_action(ls, params: T.CodeActionParams) -> list[T.CodeAction] | None:
        uri = params.text_document.uri
        result = current(uri)
        if result is None or result.doc is None:
            return None
        td = buffer(uri)
        version = td.version if td is not None else None
        doc, enc = result.doc, encoding()
        only = params.context.only if params.context else None

        def wanted(kind: str) -> bool:
            return not only or any(kind == k or kind.startswith(str(k) + ".") for k in only)

        a = to_offset(doc, params.range.start.line, params.range.start.character, enc)
        b = to_offset(doc, params.range.end.line, params.range.end.character, enc)
        hits = findings_in(result, min(a, b), max(a, b))
        diag_by_key = {}
        for d in diagnostics(result):
            diag_by_key[(d.code, d.range.start.line, d.range.start.character,
                         d.range.end.line, d.range.end.character)] = d
        actions: list[T.CodeAction] = []
        seen_rules: set[str] = set()
        if wanted(T.CodeActionKind.QuickFix):
            for f in hits:
                rng = lsp_range(doc, f.start, f.end)
                diag = diag_by_key.get((f.rule, rng.start.line, rng.start.character, rng.end.line, rng.end.character))
                diags = [diag] if diag is not None else None
                if f.fix is not None and f.fix.edits:
                    desc = f.fix.description or "apply the fix"
                    actions.append(T.CodeAction(
                        title=f"acu-lint: {desc[:1].upper() + desc[1:]} ({f.rule}){'' if f.fix.safe else ' [unsafe]'}",
                        kind=T.CodeActionKind.QuickFix, diagnostics=diags, is_preferred=bool(f.fix.safe),
                        edit=workspace_edit(uri, version, doc, [(e.start, e.end, e.text) for e in f.fix.edits])))
                actions.append(T.CodeAction(
                    title=f"acu-lint: Disable {f.rule} for this line", kind=T.CodeActionKind.QuickFix,
                    diagnostics=diags, edit=workspace_edit(uri, version, doc, [suppression_edit(doc, f)])))
                if f.rule not in seen_rules:
                    seen_rules.add(f.rule)
                    actions.append(T.CodeAction(
                        title=f"acu-lint: Disable {f.rule} for this file", kind=T.CodeActionKind.QuickFix,
                        diagnostics=diags, edit=workspace_edit(uri, version, doc, [file_suppression_edit(doc, f.rule)])))
        if wanted(T.CodeActionKind.SourceFixAll) and any(f.fix is not None for f in result.findings):
            fixed = linter().fix_all(result)
            if fixed is not None:
                actions.append(T.CodeAction(
                    title="acu-lint: Fix all auto-fixable problems", kind=T.CodeActionKind.SourceFixAll,
                    edit=workspace_edit(uri, version, doc, [(0, len(doc.text), fixed)])))
        return actions

    @server.feature(T.SHUTDOWN)
    def on_shutdown(ls, params) -> None:
        for task in state["tasks"].values():
            task.cancel()
        lint_pool.shutdown(wait=False, cancel_futures=True)
        grammar_pool.shutdown(wait=False, cancel_futures=True)

    server.acu_lint_state = state  # for tests and debugging
    return server


def main(options: Options | None = None) -> int:
    """Serve over stdin/stdout until the client says exit."""
    try:
        build = build_server
        server = build(options)
    except ImportError as exc:
        import sys

        print(f"acu-lint: the language server needs pygls and lsprotocol ({exc.name or exc}): "
              "pip install 'acu-lint[lsp]'", file=sys.stderr)
        return 2
    server.start_io()
    return 0
