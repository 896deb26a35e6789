"""`--format html`: one self-contained page, checked as text and in a real browser.

The browser tests drive Debian's headless Chromium over the DevTools protocol
on a pipe (``--remote-debugging-pipe``: no port, no websocket library) and look
at what a person sees: the highlighted spans, the counts, a filter click that
hides one rule's findings, the layout on a phone, the page with JavaScript off.
They skip only where /usr/bin/chromium is missing (`.ci/run` installs it).
Set ACU_LINT_SCREENSHOTS=docs/img to refresh the README's screenshots.
"""
from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "articles"


def acu_lint(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "acu_lint", "--no-cache", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def findings_json(*paths: str, cwd: Path = ROOT) -> list[dict]:
    r = acu_lint("--format", "json", *paths, cwd=cwd)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


class Marks(HTMLParser):
    """The text inside each <mark data-f> and the notes' (rule, severity), as a reader would take them."""

    def __init__(self):
        super().__init__()
        self.marks: dict[str, str] = {}  # finding id -> highlighted text
        self.notes: list[tuple[str, str, str]] = []  # (id, rule, severity)
        self.scripts = 0
        self.external: list[str] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
            if "src" in a:
                self.external.append(a["src"])
        for key in ("src", "href", "action", "data", "poster"):
            v = a.get(key) or ""
            if key in a and not v.startswith("#"):
                self.external.append(v)
        if tag == "mark" and "data-f" in a:
            self._open.append(a["data-f"].split())
        elif tag == "mark":
            self._open.append([])
        if tag == "div" and "note" in (a.get("class") or "").split():
            self.notes.append((a["id"], a["data-rule"], a["data-sev"]))

    def handle_endtag(self, tag):
        if tag == "mark" and self._open:
            self._open.pop()

    def handle_data(self, data):
        for ids in self._open:
            for i in ids:
                self.marks[i] = self.marks.get(i, "") + data


def parse(page: str) -> Marks:
    p = Marks()
    p.feed(page)
    return p


# ---- the page as text -------------------------------------------------------
def test_self_contained_escaped_and_placed(tmp_path):
    """Hostile article text and file names are shown as text; highlights cover exactly the
    finding's characters (astral characters, CRLF); nothing is loaded from anywhere."""
    evil = tmp_path / 'x"><img src=x onerror=alert(1)>.md'
    evil.write_text("# Knee pain </textarea><script>alert(1)</script>\n\n"
                    "\U0001F33F Acupuncture cures knee pain for good. <b onmouseover=alert(2)>hi</b>\n\n"
                    "Scroll to Top\n", encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes("Back pain\r\n\r\n\u00e9\U0001F33F Acupuncture cures back pain for good.\r\n\r\n"
                     "Scroll to Top\r\n".encode("utf-8"))
    (tmp_path / "clean.md").write_text("# Rest\n\nRest may help some people.\n", encoding="utf-8")
    r = acu_lint("--format", "html", ".", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    page = r.stdout
    assert page.startswith("<!DOCTYPE html>")
    p = parse(page)
    assert p.scripts == 1 and p.external == []  # one inline script, no URL of any kind
    assert "<script>alert" not in page and "<img src=x" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert re.search(r"Content-Security-Policy\" content=\"default-src 'none';", page)
    found = findings_json(".", cwd=tmp_path)
    by_file = {}
    for f in found:
        by_file.setdefault(f["path"], []).append(f)
    # every finding has one note, in the page's order, with its rule and severity
    assert sorted((rule, sev) for _, rule, sev in p.notes) == sorted((f["rule"], f["severity"]) for f in found)
    texts = {"./" + evil.name: evil.read_text(encoding="utf-8"),
             "./crlf.txt": crlf.read_bytes().decode("utf-8").replace("\r\n", "\n")}
    ids = [i for i, _, _ in p.notes]
    order = sorted(by_file, key=lambda k: (-len(by_file[k]), k))
    ordered = [f for path in order for f in sorted(by_file[path], key=lambda f: (f["line"], f["column"],
                                                                                 f["end_line"], f["end_column"], f["rule"]))]
    checked = 0
    for fid, f in zip(ids, ordered):
        lines = texts[f["path"]].split("\n")
        if f["line"] == f["end_line"] and f["end_column"] > f["column"]:
            want = lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]
            assert p.marks.get(fid) == want, (f, p.marks.get(fid))
            checked += 1
    assert checked >= 3
    claims = [f for f in found if f["rule"] == "absolute-claim"]
    assert claims and all("\U0001F33F" not in p.marks[ids[ordered.index(f)]] for f in claims)
    assert "1 article without findings" in page and "clean.md" in page


def test_report_of_nothing_and_of_an_unreadable_file(tmp_path):
    (tmp_path / "ok.md").write_text("# Rest\n\nRest may help some people.\n", encoding="utf-8")
    r = acu_lint("--format", "html", "ok.md", cwd=tmp_path)
    assert r.returncode == 0 and "0 findings" in r.stdout and "<article" not in r.stdout
    from acu_lint.model import Finding
    from acu_lint.reporters import Report, get

    f = Finding(0, 3, "A <problem>", rule="web-boilerplate", path=str(tmp_path / "gone.md"), severity="warning",
                line=1, column=1, end_line=1, end_column=4)
    page = get("html")(Report(findings=[f], files=[f.path]))
    assert "The text cannot be shown" in page and "A &lt;problem&gt;" in page


# ---- in a real browser --------------------------------------------------------
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                                   "(Debian: apt-get install chromium; .ci/run installs it)")


class Browser:
    """Chromium's DevTools protocol over --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-framed JSON)."""

    def __init__(self, profile: Path):
        to_r, self._to_w = os.pipe()
        self._from_r, from_w = os.pipe()

        def fds():
            os.dup2(to_r, 3)
            os.dup2(from_w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False)
        os.close(to_r)
        os.close(from_w)
        self._buf = b""
        self._id = 0
        self.session: str | None = None

    def call(self, method: str, timeout: float = 30, **params):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            msg["sessionId"] = self.session
        os.write(self._to_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self._buf:
                raw, self._buf = self._buf.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(method)
            ready, _, _ = select.select([self._from_r], [], [], left)
            if ready:
                chunk = os.read(self._from_r, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the pipe")
                self._buf += chunk

    def open(self, url: str, width: int = 1280, height: int = 900, mobile: bool = False, js: bool = True):
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=mobile)
        if not js:
            self.call("Emulation.setScriptExecutionDisabled", value=True)
        self.call("Page.enable")
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + 30
        while self.eval("document.readyState") != "complete":
            assert time.monotonic() < deadline, "the page did not load"
            time.sleep(0.05)

    def eval(self, expr: str):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expr}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def click(self, selector: str) -> None:
        """A person's click: scroll the element into view, press and release the mouse over it."""
        box = self.eval(f"(function(){{var e=document.querySelector({json.dumps(selector)});"
                        "e.scrollIntoView({block:'center'});var r=e.getBoundingClientRect();"
                        "return [r.left+r.width/2, r.top+r.height/2];})()")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def screenshot(self, path: Path, full: bool = False, height: int | None = None, at: str | None = None) -> None:
        """PNG of the page from its top (or from the element ``at``), ``height`` pixels tall."""
        params: dict = {"format": "png"}
        self.eval("window.scrollTo(0,0)")
        if full or height or at:
            w = self.eval("document.documentElement.clientWidth")
            y = self.eval(f"document.querySelector({json.dumps(at)}).getBoundingClientRect().top") if at else 0
            h = height or self.eval("document.documentElement.scrollHeight")
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": y, "width": w, "height": h, "scale": 1})
        data = self.call("Page.captureScreenshot", **params)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_w)
        os.close(self._from_r)


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    """The report of the sample articles (`articles/`) and their findings."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    r = acu_lint("--format", "html", "-o", str(out), "articles")
    assert r.returncode == 1 and out.exists(), r.stderr
    return out, findings_json("articles")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


def _shots(tmp_path: Path) -> Path:
    where = os.environ.get("ACU_LINT_SCREENSHOTS")
    d = (ROOT / where) if where else tmp_path
    d.mkdir(parents=True, exist_ok=True)
    return d


VISIBLE = "(function(e){return !!(e.offsetWidth||e.offsetHeight||e.getClientRects().length);})"


@needs_browser
def test_what_an_editor_sees_and_a_filter_click(browser, sample_report, tmp_path):
    report, found = sample_report
    browser.open(report.as_uri())
    rules = sorted({f["rule"] for f in found})
    assert len(found) > 5 and len(rules) > 3
    # the counts a person reads
    assert browser.eval("document.getElementById('shown-total').textContent") == str(len(found))
    assert browser.eval("document.querySelectorAll('#filters input[name=rule]').length") == len(rules)
    assert browser.eval("getComputedStyle(document.getElementById('filters')).display") != "none"
    shown_notes = f"[].filter.call(document.querySelectorAll('.note'), {VISIBLE}).length"
    assert browser.eval(shown_notes) == len(found)
    # highlighted spans: painted with a background, one or more per finding with text
    lit = ("[].filter.call(document.querySelectorAll('mark.hl'), function(m){"
           "return getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)';})")
    n_lit = browser.eval(lit + ".length")
    assert n_lit >= sum(1 for f in found if (f["line"], f["column"]) != (f["end_line"], f["end_column"])) // 2
    # the articles are in order of their findings
    counts = browser.eval("[].map.call(document.querySelectorAll('table.articles tbody tr td:last-child'),"
                          "function(td){return +td.textContent;})")
    assert counts == sorted(counts, reverse=True) and sum(counts) == len(found)
    _shot = _shots(tmp_path) / "html-report.png"
    browser.screenshot(_shot, height=1500)
    assert _shot.stat().st_size > 10_000
    browser.screenshot(_shots(tmp_path) / "html-report-article.png", height=1100, at="article.doc")

    # a click on the most frequent rule's box hides its findings and only those
    top = max(rules, key=lambda r: sum(1 for f in found if f["rule"] == r))
    n_top = sum(1 for f in found if f["rule"] == top)
    browser.click(f"#filters input[name=rule][value='{top}']")
    assert browser.eval(f"document.querySelector(\"#filters input[value='{top}']\").checked") is False
    assert browser.eval(shown_notes) == len(found) - n_top
    assert browser.eval(f"[].filter.call(document.querySelectorAll('.note[data-rule=\"{top}\"]'), {VISIBLE}).length") == 0
    assert browser.eval("document.getElementById('shown-total').textContent") == str(len(found) - n_top)
    assert browser.eval(lit + ".length") < n_lit  # its highlights are gone...
    # ...and every mark still lit belongs to a finding that is shown
    assert browser.eval(lit + ".every(function(m){return m.getAttribute('data-f').split(' ').some(function(i){"
                        f"var n=document.getElementById(i);return n && {VISIBLE}(n);}});}})") is True
    # a severity filter on top of it, then "all rules" brings the rule back
    browser.click("#filters input[name=sev][value='error']")
    n_err_other = sum(1 for f in found if f["severity"] == "error" and f["rule"] != top)
    assert browser.eval(shown_notes) == len(found) - n_top - n_err_other
    browser.click("#filters button[data-set=all]")
    browser.click("#filters input[name=sev][value='error']")
    assert browser.eval(shown_notes) == len(found)


@needs_browser
def test_phone_print_and_no_javascript(browser, sample_report, tmp_path):
    report, found = sample_report
    browser.open(report.as_uri(), width=390, height=844, mobile=True)
    # nothing wider than the phone's screen; a finding's message sits under its line
    assert browser.eval("document.documentElement.scrollWidth <= window.innerWidth + 1") is True
    below = browser.eval("(function(){var n=document.querySelector('.row.has');"
                         "var s=n.querySelector('.src').getBoundingClientRect(),m=n.querySelector('.notes')"
                         ".getBoundingClientRect();return m.top >= s.bottom - 1 && m.width > s.width * 0.8;})()")
    assert below is True
    browser.screenshot(_shots(tmp_path) / "html-report-phone.png", height=1400, at="article.doc")
    # printed: no filters, the findings all there
    browser.call("Emulation.setEmulatedMedia", media="print")
    assert browser.eval("getComputedStyle(document.getElementById('filters')).display") == "none"
    pdf = base64.b64decode(browser.call("Page.printToPDF", timeout=60)["data"])
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
    browser.call("Emulation.setEmulatedMedia", media="")
    # JavaScript off: readable, every finding shown and highlighted, no dead filter controls
    browser.open(report.as_uri(), js=False)
    browser.call("Emulation.setScriptExecutionDisabled", value=False)  # to ask the page what it shows
    assert browser.eval("getComputedStyle(document.getElementById('filters')).display") == "none"
    assert browser.eval(f"[].filter.call(document.querySelectorAll('.note'), {VISIBLE}).length") == len(found)
    assert browser.eval("document.querySelectorAll('mark.hl.off').length") == 0
