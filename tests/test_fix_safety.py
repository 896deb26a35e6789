"""Fixes never lose data.

* Property tests (hypothesis) on generated articles that mix good paragraphs
  with leftovers ("Leave a Comment", repeated titles, image prompts, captions,
  stray fragments, numbered lists with gaps): a fix changes text only where
  docs/guarantees.md says it may, fixing is idempotent, and a second lint finds
  nothing left to fix.
* The same through real files: encoding, BOM and every line's own ending
  (LF, CRLF, CR, mixed) survive.
* Atomic writes: temp file in the same folder, fsync, rename, mode kept; a
  process killed in the middle of writing leaves the original intact and at
  most a hidden ``.acu-lint-*.tmp`` file.
"""
from __future__ import annotations

import codecs
import os
import re
import signal
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from conftest import ROOT, run_cli

from acu_lint.document import Document
from acu_lint.engine import MAX_FIX_PASSES, RuleSetup, apply_edits, fix_document, lint_document, select_fixes
from acu_lint.engine import FileResult, atomic_write
from acu_lint.rules import load_registry

# ---------------------------------------------------------------------------
# Article generator (all text written for these tests)
# ---------------------------------------------------------------------------
TITLES = [
    "Acupuncture for Knee Pain",
    "Needles and Nerve Pain",
    "Sleep Better After Back Pain",
    "What Happens at a First Visit",
]
SENTENCES = [
    "Acupuncture uses very thin needles placed at chosen points on the body.",
    "Many people with long-term back pain try it alongside exercise and physiotherapy.",
    "A first visit usually starts with questions about your health and your medicines.",
    "Some people feel a dull ache or warmth around the needle, and most feel little else.",
    "Tell your practitioner if you take blood thinners or have a pacemaker.",
    "Sessions often last twenty to forty minutes.",
    "Trials of acupuncture for knee pain have found small benefits for some people.",
    "Rest, gentle movement and good sleep may help recovery.",
    "Bruising where a needle went in is common and fades within days.",
    "Ask your doctor before you stop any treatment you already use.",
]
HEADINGS = ["What to Expect", "Is It Safe", "How Many Sessions", "Costs and Cover"]
WEB = [
    "Leave a Comment",
    "Scroll to Top",
    "Share this: Facebook Twitter LinkedIn",
    "Your email address will not be published. Required fields are marked *",
    "Home \u00bb Blog \u00bb Acupuncture for Migraine",
]
PROMPTS = [
    "Create a photorealistic image that depicts a calm treatment room with a patient resting.",
    "Image prompt: a man receiving acupuncture on his knee, warm light",
    "[IMAGE: practitioner placing a needle in the back of a hand]",
    "Generate an illustration of the needle points on the lower back.",
]
CAPTIONS = [
    "acupuncture-knee-1024x683.jpg",
    "woman receiving acupuncture on her back from images.unsplash.com",
]
FRAGMENTS = ["nervous system", "and stress", "back pain relief"]
ITEMS = ["Eat a light meal.", "Wear loose clothes.", "Bring your medicine list.", "Arrive a little early.",
         "Rest afterwards.", "Drink some water."]


@st.composite
def paragraphs(draw):
    return " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4)))


@st.composite
def numbered_lists(draw, md: bool):
    n = draw(st.integers(2, 6))
    steps = draw(st.lists(st.sampled_from([1, 1, 1, 2, 3, 0]), min_size=n, max_size=n))
    num = draw(st.sampled_from([1, 1, 1, 2]))
    punct = draw(st.sampled_from([".", ".", ")"]))
    sep = draw(st.sampled_from(["\n", "\n\n"]))
    lines = []
    for i in range(n):
        lines.append(f"{num}{punct} {draw(st.sampled_from(ITEMS))}")
        num += steps[i]
    return sep.join(lines)


@st.composite
def articles(draw, kind: str):
    md = kind == "markdown"
    title = draw(st.sampled_from(TITLES))
    blocks: list[str] = []
    if draw(st.booleans()):
        blocks.append(draw(st.sampled_from(FRAGMENTS)))  # a scrap above the title
    blocks.append(("# " if md else "") + title)
    written: list[str] = []
    for _ in range(draw(st.integers(1, 9))):
        what = draw(st.sampled_from(["para", "para", "para", "heading", "web", "prompt", "caption", "dup-title",
                                     "dup-para", "fragment", "list", "code", "quote-web", "bullet-web"]))
        if what == "para":
            p = draw(paragraphs())
            written.append(p)
            blocks.append(p)
        elif what == "heading":
            blocks.append(("## " if md else "") + draw(st.sampled_from(HEADINGS)))
        elif what == "web":
            blocks.append(draw(st.sampled_from(WEB)))
        elif what == "prompt":
            blocks.append(draw(st.sampled_from(PROMPTS)))
        elif what == "caption":
            blocks.append(draw(st.sampled_from(CAPTIONS)))
        elif what == "dup-title":
            blocks.append(("## " if md and draw(st.booleans()) else "") + title)
        elif what == "dup-para" and written:
            blocks.append(draw(st.sampled_from(written)))
        elif what == "fragment":
            blocks.append(draw(st.sampled_from(FRAGMENTS)))
        elif what == "list":
            blocks.append(draw(numbered_lists(md)))
        elif what == "code" and md:
            blocks.append("```\nLeave a Comment\n" + title + "\n```")
        elif what == "quote-web" and md:
            blocks.append("> " + draw(st.sampled_from(WEB[:3])))
        elif what == "bullet-web" and md:
            blocks.append("- " + draw(st.sampled_from(WEB[:3])))
    gaps = draw(st.lists(st.sampled_from(["\n\n", "\n\n", "\n\n\n", "\n \n"]), min_size=len(blocks),
                         max_size=len(blocks)))
    text = "".join(b + g for b, g in zip(blocks, gaps))
    ending = draw(st.sampled_from(["keep", "one", "none"]))
    if ending == "one":
        text = text.rstrip("\n ") + "\n"
    elif ending == "none":
        text = text.rstrip("\n ")
    return text


_REGISTRY = None


def setups() -> list[RuleSetup]:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = load_registry()
    reg = _REGISTRY
    return [RuleSetup(rid, reg[rid].check, dict(reg[rid].options), reg[rid].severity)
            for rid in reg.default_ids() if rid != "grammar"]


# What a deletion may remove besides the finding's own text: line breaks,
# blanks and the Markdown around a block (list and quote markers, heading
# hashes, emphasis) - see docs/guarantees.md.
MARKUP = set(" \t\n>#*_-+0123456789.)[]|")
NUMBER_MARKER = re.compile(r"[ \t>]*(?:#{1,6}[ \t]+)?(?:step[ \t]+)?$", re.I)


def check_edit(doc: Document, f, e) -> None:
    """The invariant of docs/guarantees.md for one edit of one applied fix."""
    text = doc.text
    assert 0 <= e.start <= e.end <= len(text), (f.rule, e)
    removed = text[e.start:e.end]
    inside = (f.start <= e.start and e.end <= f.end)
    if e.text == "" and removed:
        # a line deletion: whole lines, and outside the finding only markup / blanks
        assert e.start == 0 or text[e.start - 1] == "\n", (f.rule, e, removed)
        assert e.end == len(text) or text[e.end - 1] == "\n", (f.rule, e, removed)
        assert e.start <= f.start and f.end <= e.end or inside, (f.rule, e, (f.start, f.end))
        outside = text[e.start:max(e.start, f.start)] + text[min(e.end, f.end):e.end]
        assert set(outside) <= MARKUP, (f.rule, repr(outside))
    elif re.fullmatch(r"\d+", removed) and re.fullmatch(r"\d+", e.text):
        # renumbering: digits of a list-item marker become other digits
        line_start = text.rfind("\n", 0, e.start) + 1
        assert NUMBER_MARKER.match(text[line_start:e.start]), (f.rule, text[line_start:e.end + 2])
        assert f.rule == "numbering-gap"
    else:
        assert inside, (f.rule, e, (f.start, f.end), repr(removed), repr(e.text))


def fix_step_by_step(text: str, filename: str):
    """fix_document's loop, checking every pass; returns (final text, passes)."""
    rules = setups()
    doc = Document(text, filename)
    findings = lint_document(doc, rules, FileResult(filename))
    n = 0
    for n in range(1, MAX_FIX_PASSES + 1):
        edits, used = select_fixes(findings, unsafe=False)
        if not edits:
            break
        for f in used:
            assert f.fix.safe
            for e in f.fix.edits:
                check_edit(doc, f, e)
        new = apply_edits(doc.text, edits)
        if new == doc.text:
            break
        doc = Document(new, filename)
        findings = lint_document(doc, rules, FileResult(filename))
    return doc.text, n, findings


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("kind,filename", [("text", "article.txt"), ("markdown", "article.md")])
@PROPERTY
@given(data=st.data())
def test_fixes_change_only_findings_are_idempotent_and_leave_nothing(kind, filename, data):
    text = data.draw(articles(kind))
    note(repr(text))
    final, passes, remaining = fix_step_by_step(text, filename)

    # the engine's own loop gives the same result
    doc, findings = fix_document(Document(text, filename), setups(), False, FileResult(filename))
    assert doc.text == final

    # a second lint shows nothing left to fix safely
    assert not [f for f in remaining if f.fix is not None and f.fix.safe], remaining
    # idempotent: fixing the fixed text changes nothing
    again, _ = fix_document(Document(final, filename), setups(), False, FileResult(filename))
    assert again.text == final

    # words of good paragraphs all survive (each distinct paragraph at least once)
    for s in SENTENCES:
        if s in text:
            assert s in final
    # code blocks are never touched
    if "```\nLeave a Comment" in text:
        assert text.count("```\nLeave a Comment") == final.count("```\nLeave a Comment")
    # no leftover web furniture survives on a line of its own (outside code)
    outside_code = re.sub(r"```.*?```", "", final, flags=re.S)
    for w in ("Leave a Comment", "Scroll to Top"):
        assert not re.search(rf"^(?:[->] )?{w}$", outside_code, re.M), final


def _lines_keep_their_endings(before: bytes, after: bytes) -> None:
    """``after`` is ``before`` with whole lines removed and list numbers changed;
    every kept line has the same bytes, line ending included."""
    old = re.findall(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", before)
    new = re.findall(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", after)
    i = 0
    for line in new:
        while i < len(old) and old[i] != line and re.sub(rb"\d+", b"#", old[i]) != re.sub(rb"\d+", b"#", line):
            i += 1
        assert i < len(old), (line, before, after)
        i += 1


@PROPERTY
@given(data=st.data())
def test_fix_through_files_keeps_encoding_and_line_endings(data):
    from acu_lint.runner import Settings, run

    kind = data.draw(st.sampled_from(["text", "markdown"]))
    text = data.draw(articles(kind))
    style = data.draw(st.sampled_from(["lf", "crlf", "cr", "mixed"]))
    lines = text.split("\n")
    if style == "mixed":
        ends = data.draw(st.lists(st.sampled_from(["\n", "\r\n", "\r\n", "\r"]), min_size=len(lines),
                                  max_size=len(lines)))
    else:
        ends = [{"lf": "\n", "crlf": "\r\n", "cr": "\r"}[style]] * len(lines)
    raw = "".join(line + end for line, end in zip(lines[:-1], ends)) + lines[-1]
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    before = raw.encode(encoding)
    name = "article.md" if kind == "markdown" else "article.txt"
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(before)
        os.chmod(p, 0o640)
        result = run([str(p)], Settings(fix=True))
        assert result.errors == []
        after = p.read_bytes()
        assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
        assert sorted(os.listdir(d)) == [name]  # no temp file left
    # same encoding and BOM
    bom = {"utf-8": b"", "utf-8-sig": codecs.BOM_UTF8, "utf-16": before[:2]}[encoding]
    assert after.startswith(bom) and (bom or not after.startswith(codecs.BOM_UTF8))
    decoded_after = after.decode(encoding)
    expected, _ = fix_document(Document(raw, name), setups(), False, FileResult(name))
    assert decoded_after.replace("\r\n", "\n").replace("\r", "\n") == expected.text
    _lines_keep_their_endings(raw.encode("utf-8"), decoded_after.encode("utf-8"))


def test_the_generator_produces_fixable_articles():
    """Guard against a generator that silently stops producing leftovers."""
    text = ("nervous system\n\nAcupuncture for Knee Pain\n\nAcupuncture for Knee Pain\n\n"
            + SENTENCES[0] + "\n\nLeave a Comment\n\n" + PROMPTS[0] + "\n\n1. Eat a light meal.\n2. Rest.\n4. Walk.\n")
    final, passes, remaining = fix_step_by_step(text, "a.txt")
    assert final == "Acupuncture for Knee Pain\n\n" + SENTENCES[0] + "\n\n1. Eat a light meal.\n2. Rest.\n3. Walk.\n"
    assert passes >= 1 and not [f for f in remaining if f.fix]


# ---------------------------------------------------------------------------
# Atomic writes
# ---------------------------------------------------------------------------
def test_atomic_write_keeps_mode_and_uses_fsync_and_rename(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text("old\n")
    os.chmod(p, 0o604)
    calls = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        calls.append(("fsync", fd))
        return real_fsync(fd)

    def replace(src, dst):
        calls.append(("replace", os.path.dirname(src), os.path.basename(src), dst))
        assert Path(src).read_bytes() == b"new\n"  # complete before the rename
        return real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write(str(p), b"new\n")
    assert p.read_bytes() == b"new\n"
    assert stat.S_IMODE(p.stat().st_mode) == 0o604
    kinds = [c[0] for c in calls]
    assert kinds.index("fsync") < kinds.index("replace")
    rep = next(c for c in calls if c[0] == "replace")
    assert rep[1] == str(tmp_path)  # temp file in the same folder
    assert re.fullmatch(r"\.acu-lint-.*\.tmp", rep[2])
    assert os.listdir(tmp_path) == ["a.txt"]


def test_atomic_write_through_a_symlink_replaces_the_target(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old\n")
    link = tmp_path / "link.txt"
    os.symlink(real, link)
    atomic_write(str(link), b"new\n")
    assert link.is_symlink() and real.read_text() == "new\n"


def test_atomic_write_failure_leaves_original_and_no_temp(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text("original\n")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(str(p), b"new\n")
    assert p.read_text() == "original\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_write_error_is_one_line_and_file_untouched(tmp_path, monkeypatch):
    from acu_lint.runner import Settings, run

    p = tmp_path / "a.txt"
    p.write_text("Acupuncture for Knee Pain\n\nLeave a Comment\n\nKnee pain is common.\n")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    result = run([str(p)], Settings(fix=True))
    assert result.errors == [f"{p}: could not write the fix: No space left on device"]
    assert "Leave a Comment" in p.read_text()
    assert os.listdir(tmp_path) == ["a.txt"]


def test_file_changed_by_someone_else_during_the_fix_is_left_alone(tmp_path, monkeypatch):
    from acu_lint import runner

    p = tmp_path / "a.txt"
    p.write_text("Acupuncture for Knee Pain\n\nLeave a Comment\n\nKnee pain is common.\n")
    real = runner.lint_source

    def lint_and_edit(source, *a, **kw):
        out = real(source, *a, **kw)
        p.write_text("The writer saved a new version meanwhile.\n")
        return out

    monkeypatch.setattr(runner, "lint_source", lint_and_edit)
    result = runner.run([str(p)], runner.Settings(fix=True))
    assert result.errors == [f"{p}: changed while being fixed; left as it is"]
    assert p.read_text() == "The writer saved a new version meanwhile.\n"


KILLER = r"""
import os, signal, sys
point = sys.argv[1]

def die(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)

if point == "write":
    real_fdopen = os.fdopen
    class HalfWriter:
        def __init__(self, fh):
            self.fh = fh
        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            die()
        def __getattr__(self, name):
            return getattr(self.fh, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.fh.__exit__(*exc)
    os.fdopen = lambda *a, **k: HalfWriter(real_fdopen(*a, **k))
elif point == "interrupt":  # Ctrl-C while the temp file is being renamed
    def interrupt(*a, **k):
        raise KeyboardInterrupt
    os.replace = interrupt
else:
    setattr(os, point, die)

from acu_lint.cli import main
main(sys.argv[2:])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("point", ["write", "fsync", "replace"])
def test_killed_while_writing_leaves_the_original_intact(tmp_path, point):
    article = "Acupuncture for Knee Pain\r\n\r\nLeave a Comment\r\n\r\n" + "Knee pain is common. " * 2000 + "\r\n"
    p = tmp_path / "knee.txt"
    p.write_bytes(article.encode())
    os.chmod(p, 0o644)
    env = dict(os.environ, NO_COLOR="1")
    r = subprocess.run([sys.executable, "-c", KILLER, point, "--select", "web-boilerplate", "--fix", str(p)],
                       cwd=tmp_path, capture_output=True, env=env, timeout=120)
    assert r.returncode == -signal.SIGKILL, (r.returncode, r.stderr)
    assert p.read_bytes() == article.encode()  # the original, byte for byte
    assert stat.S_IMODE(p.stat().st_mode) == 0o644
    leftovers = sorted(set(os.listdir(tmp_path)) - {"knee.txt"})
    # only the documented temp-file pattern may stay behind (it is hidden, so
    # never linted, and the next --fix is unaffected)
    assert all(re.fullmatch(r"\.acu-lint-[^/]*\.tmp", n) for n in leftovers), leftovers
    if point in ("fsync", "replace"):
        assert len(leftovers) == 1
    # the next run works normally and does not lint the stray temp file
    r = run_cli("--select", "web-boilerplate", "--format", "json", str(tmp_path), cwd=tmp_path)
    assert r.returncode == 1 and b".acu-lint-" not in r.stdout and r.stderr == b""
    r = run_cli("--select", "web-boilerplate", "--fix", str(p), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert p.read_bytes() == article.replace("Leave a Comment\r\n\r\n", "").encode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupted_while_writing_cleans_up(tmp_path, jobs):
    """Ctrl-C in the middle of a write: original intact, temp file removed,
    exit 130 with one line."""
    article = "Acupuncture for Knee Pain\n\nLeave a Comment\n\nKnee pain is common.\n"
    paths = []
    for name in ("a.txt", "b.txt"):
        p = tmp_path / name
        p.write_text(article)
        paths.append(p)
    r = subprocess.run([sys.executable, "-c", KILLER, "interrupt", "--jobs", jobs, "--select", "web-boilerplate",
                        "--fix", *map(str, paths)], cwd=tmp_path, capture_output=True, timeout=120,
                       env=dict(os.environ, NO_COLOR="1"))
    err = r.stderr.decode()
    assert "Traceback" not in err, err
    assert r.returncode == 130, (r.returncode, err)
    assert err.strip().splitlines() == ["acu-lint: interrupted"]
    for p in paths:
        assert p.read_text() == article
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]
