"""A small stand-in for a LanguageTool HTTP server, for tests.

It answers ``GET /v2/languages`` and ``GET|POST /v2/check`` in LanguageTool's
documented JSON format (``software``, ``language``, ``matches`` with ``offset``,
``length``, ``message``, ``replacements``, ``context``, ``rule {id,
description, issueType, category {id, name}}``). Offsets are computed from the
text it receives, in UTF-16 code units as the Java server counts them, by a
handful of simple rules of its own:

* ``FAKE_VERB_MODAL_VERB``: a word repeated around a modal ("work may work");
* ``ENGLISH_WORD_REPEAT_RULE``: a word written twice in a row ("the the");
* ``MORFOLOGIK_RULE_EN_US``: a word from a small "unknown words" set (spelling);
* ``UPPERCASE_SENTENCE_START``: a paragraph that starts with a lowercase letter;
* ``WHITESPACE_RULE``: two spaces in a row.

It honours ``language``, ``disabledRules``, ``enabledRules``,
``disabledCategories``, ``enabledCategories`` and ``enabledOnly``, counts the
requests it gets, and can be told to fail (``mode``: ``ok``, ``http500``,
``malformed``, ``wrong-shape``, ``hang``, ``incomplete`` (answers, but says the
results are incomplete, as a server that ran out of time does)).

Use it in-process (``with running_server() as srv: srv.url``) or as a program
(``python tests/lt_fake_server.py --port 8081``), which is how the fake ``java``
of the process-management tests runs it.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator
from urllib.parse import parse_qs, urlsplit

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]
KNOWN_CODES = {lang["longCode"] for lang in LANGUAGES} | {lang["code"] for lang in LANGUAGES} | {"auto"}

UNKNOWN_WORDS = {
    "recieve": "receive",
    "definately": "definitely",
    "seperate": "separate",
    "acupoints": "acupoint's",
    "moxibustion": "combustion",
    "qi": "QI",
    "fibromyalgia": "fibromyalgias",
    "electroacupuncture": "electro acupuncture",
    "sha": "shah",
}
MODALS = "may|might|can|could|will|would|should|must"
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_VERB_MODAL_VERB = re.compile(rf"\b([A-Za-z]+)\s+(?:{MODALS})\s+\1\b", re.I)
_REPEAT = re.compile(r"\b([A-Za-z]+)(\s+)\1\b", re.I)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeState:
    """What the server does and what it has seen (shared with the test)."""

    def __init__(self, version: str = "6.8-fake", mode: str = "ok", delay: float = 0.0):
        self.version = version
        self.mode = mode
        self.delay = delay
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str, dict[str, str]]] = []  # (method, path, params)
        self.auth: list[str | None] = []  # the Authorization header of each request

    def count(self, path: str | None = None) -> int:
        with self.lock:
            return sum(1 for _, p, _ in self.requests if path is None or p == path)

    def checked_texts(self) -> list[str]:
        with self.lock:
            return [params.get("text", "") for _, p, params in self.requests if p == "/v2/check"]

    def last_params(self) -> dict[str, str]:
        with self.lock:
            for _, p, params in reversed(self.requests):
                if p == "/v2/check":
                    return params
        return {}

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()


def _match(text: str, start: int, end: int, rule_id: str, message: str, replacements: list[str],
           category: tuple[str, str], issue_type: str, description: str) -> dict[str, Any]:
    """A match in LanguageTool's JSON shape; offsets in UTF-16 units."""
    ctx_start = max(0, start - 40)
    ctx_end = min(len(text), end + 40)
    context = text[ctx_start:ctx_end]
    sent_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    sent_end = text.find(". ", end)
    sentence = text[sent_start: len(text) if sent_end < 0 else sent_end + 1]
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": r} for r in replacements],
        "offset": utf16_len(text[:start]),
        "length": utf16_len(text[start:end]),
        "context": {"text": context, "offset": utf16_len(text[ctx_start:start]),
                    "length": utf16_len(text[start:end])},
        "sentence": sentence,
        "type": {"typeName": "Other"},
        "rule": {"id": rule_id, "description": description, "issueType": issue_type,
                 "category": {"id": category[0], "name": category[1]}},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def find_matches(text: str) -> list[dict[str, Any]]:
    out = []
    for m in _VERB_MODAL_VERB.finditer(text):
        out.append(_match(text, m.start(), m.end(), "FAKE_VERB_MODAL_VERB",
                          f"The word \u201c{m.group(1)}\u201d appears on both sides of a modal verb; one of them is probably left over.",
                          [text[m.start(): m.end() - len(m.group(1))].rstrip()],
                          ("GRAMMAR", "Grammar"), "grammar", "Word repeated around a modal verb"))
    for m in _REPEAT.finditer(text):
        out.append(_match(text, m.start(), m.end(), "ENGLISH_WORD_REPEAT_RULE",
                          "Possible typo: you repeated a word.", [m.group(1)],
                          ("MISC", "Miscellaneous"), "duplication", "Word repetition (e.g. 'will will')"))
    for m in _WORD.finditer(text):
        fix = UNKNOWN_WORDS.get(m.group(0).lower())
        if fix is not None:
            out.append(_match(text, m.start(), m.end(), "MORFOLOGIK_RULE_EN_US",
                              "Possible spelling mistake found.", [fix],
                              ("TYPOS", "Possible Typo"), "misspelling", "Possible spelling mistake"))
    for m in re.finditer(r"(?:^|\n\n)([a-z])", text):
        out.append(_match(text, m.start(1), m.end(1), "UPPERCASE_SENTENCE_START",
                          "This sentence does not start with an uppercase letter.", [m.group(1).upper()],
                          ("CASING", "Capitalization"), "typographical", "Checks that a sentence starts with an uppercase letter"))
    for m in re.finditer(r"(?<=\S)  +(?=\S)", text):
        out.append(_match(text, m.start(), m.end(), "WHITESPACE_RULE",
                          "Possible typo: you repeated a whitespace", [" "],
                          ("TYPOGRAPHY", "Typography"), "whitespace", "Whitespace repetition"))
    out.sort(key=lambda d: d["offset"])
    return out


def _csv(params: dict[str, str], key: str) -> set[str]:
    return {x.strip() for x in params.get(key, "").split(",") if x.strip()}


def select_matches(matches: list[dict[str, Any]], params: dict[str, str]) -> list[dict[str, Any]]:
    dis_r, en_r = _csv(params, "disabledRules"), _csv(params, "enabledRules")
    dis_c, en_c = _csv(params, "disabledCategories"), _csv(params, "enabledCategories")
    only = params.get("enabledOnly", "false") == "true"
    out = []
    for m in matches:
        rid, cid = m["rule"]["id"], m["rule"]["category"]["id"]
        if only:
            if rid in en_r or cid in en_c:
                out.append(m)
            continue
        if rid in dis_r or cid in dis_c:
            continue
        out.append(m)
    return out


def make_handler(state: FakeState):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # keep test output quiet
            pass

        def _send(self, code: int, body: bytes, ctype: str = "application/json") -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _params(self) -> dict[str, str]:
            url = urlsplit(self.path)
            raw = url.query
            if self.command == "POST":
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n).decode("utf-8")
                raw = body if not raw else raw + "&" + body
            return {k: v[-1] for k, v in parse_qs(raw, keep_blank_values=True).items()}

        def _handle(self) -> None:
            path = urlsplit(self.path).path.rstrip("/")
            params = self._params()
            with state.lock:
                state.requests.append((self.command, path, params))
                state.auth.append(self.headers.get("Authorization"))
            mode = state.mode
            if mode == "hang":
                time.sleep(3600)
            if state.delay:
                time.sleep(state.delay)
            if mode == "http500":
                self._send(500, b"Error: Internal Server Error (fake)", "text/plain")
                return
            if mode == "malformed":
                self._send(200, b"<html><body>Welcome to nginx!</body></html>", "text/html")
                return
            if mode == "wrong-shape":
                self._send(200, json.dumps({"hello": "world"} if path == "/v2/check" else LANGUAGES).encode())
                return
            if path == "/v2/languages":
                self._send(200, json.dumps(LANGUAGES).encode())
            elif path == "/v2/healthcheck":
                self._send(200, b"OK", "text/plain")
            elif path == "/v2/check":
                lang = params.get("language", "")
                if not lang:
                    self._send(400, b"Error: Missing 'language' parameter", "text/plain")
                    return
                if lang not in KNOWN_CODES:
                    self._send(400, f"Error: '{lang}' is not a language code known to LanguageTool.".encode(),
                               "text/plain")
                    return
                if "text" not in params:
                    self._send(400, b"Error: Missing 'text' or 'data' parameter", "text/plain")
                    return
                text = params["text"]
                matches = select_matches(find_matches(text), params)
                name = next((x["name"] for x in LANGUAGES if x["longCode"] == lang), "English")
                body = {
                    "software": {"name": "LanguageTool", "version": state.version, "buildDate": "2025-01-01 00:00:00 +0000",
                                 "apiVersion": 1, "premium": False, "status": ""},
                    "warnings": {"incompleteResults": mode == "incomplete"},
                    "language": {"name": name, "code": lang,
                                 "detectedLanguage": {"name": name, "code": lang, "confidence": 0.99}},
                    "matches": matches,
                }
                self._send(200, json.dumps(body).encode("utf-8"))
            else:
                self._send(404, b"Error: not found", "text/plain")

        def do_GET(self) -> None:  # noqa: N802
            self._handle()

        def do_POST(self) -> None:  # noqa: N802
            self._handle()

    return Handler


class FakeServer:
    def __init__(self, port: int = 0, state: FakeState | None = None):
        self.state = state or FakeState()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), make_handler(self.state))
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread: threading.Thread | None = None

    def start(self) -> "FakeServer":
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextlib.contextmanager
def running_server(**kw: Any) -> Iterator[FakeServer]:
    srv = FakeServer(state=FakeState(**kw)).start()
    try:
        yield srv
    finally:
        srv.stop()


def main(argv: list[str] | None = None) -> None:
    """Run in the foreground. Accepts LanguageTool's ``--port N`` / ``-p N`` and
    ignores every other argument (so a fake ``java`` can pass its own). The
    environment may set FAKE_LT_MODE, FAKE_LT_DELAY, FAKE_LT_VERSION and
    FAKE_LT_PIDFILE (written once the port is open)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    port = 8081
    for i, a in enumerate(argv):
        if a in ("--port", "-p") and i + 1 < len(argv):
            port = int(argv[i + 1])
    state = FakeState(version=os.environ.get("FAKE_LT_VERSION", "6.8-fake"),
                      mode=os.environ.get("FAKE_LT_MODE", "ok"),
                      delay=float(os.environ.get("FAKE_LT_DELAY", "0") or 0))
    srv = FakeServer(port, state)
    pidfile = os.environ.get("FAKE_LT_PIDFILE")
    if pidfile:
        with open(pidfile + ".tmp", "w") as fh:
            fh.write(str(os.getpid()))
        os.replace(pidfile + ".tmp", pidfile)
    try:
        srv.httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
