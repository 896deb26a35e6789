"""The bad-input battery: every kind of broken, odd or hostile input, through the
real command line (``python -m acu_lint`` in a subprocess).

For each input: no traceback, one clear stderr line that names the file when
the file cannot be linted, the documented exit code (2 for input errors; 0/1
when the file is odd but readable), and the other files of the run still
linted (a good article with a known leftover is linted beside the bad one and
its finding must be in the JSON report).
"""
from __future__ import annotations

import codecs
import json
import os
import random
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli

# A readable article with exactly one known problem: the "Leave a Comment" line.
GOOD = (
    "Acupuncture for Knee Pain\n\n"
    "Knee pain is common in older adults, and gentle exercise may help.\n\n"
    "Leave a Comment\n"
)
GOOD_LINE = 5  # line of "Leave a Comment"

PROSE = (
    "Acupuncture uses thin needles placed at chosen points on the body. Some people with long-term knee "
    "pain notice that it eases after a course of sessions, while others notice little change. "
)


def write(p: Path, data: str | bytes) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_bytes(data.encode("utf-8"))
    return p


def lint(*paths, cwd: Path, args: tuple[str, ...] = ()) -> tuple[int, list[dict], list[str]]:
    """Run the CLI with JSON output; returns (exit code, findings, stderr lines).
    Asserts the two things that hold for every input: no traceback, JSON on stdout."""
    r = run_cli("--format", "json", *args, *[str(p) for p in paths], cwd=cwd)
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    out = r.stdout.decode("utf-8")
    findings = json.loads(out)
    assert isinstance(findings, list)
    return r.returncode, findings, err.splitlines()


def assert_good_linted(findings: list[dict], good: Path) -> None:
    hits = [f for f in findings if f["path"] == str(good) and f["rule"] == "web-boilerplate"]
    assert [f["line"] for f in hits] == [GOOD_LINE], findings


def assert_one_error_line(err: list[str], name: str, *words: str) -> str:
    lines = [line for line in err if name in line]
    assert len(lines) == 1, err
    assert len(err) == 1, err  # nothing else on stderr
    line = lines[0]
    assert line.startswith("acu-lint: "), line
    for w in words:
        assert w in line, line
    return line


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "good.txt", GOOD)


# ---------------------------------------------------------------------------
# Files that cannot be linted: exit 2, one line naming the file, others linted
# ---------------------------------------------------------------------------
def test_binary_file_with_md_name(tmp_path, good):
    rnd = random.Random(8)
    png_like = b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(4000))
    bad = write(tmp_path / "photo.md", png_like)
    code, findings, err = lint(bad, good, cwd=tmp_path)
    assert code == 2
    assert_one_error_line(err, "photo.md", "looks like a binary file", "not linted")
    assert_good_linted(findings, good)
    assert not [f for f in findings if f["path"] == str(bad)]


def test_invalid_utf8(tmp_path, good):
    bad = write(tmp_path / "latin1.txt", "Akupunktur hilft bei R\u00fcckenschmerzen.\n".encode("latin-1"))
    code, findings, err = lint(bad, good, cwd=tmp_path)
    assert code == 2
    line = assert_one_error_line(err, "latin1.txt", "not valid UTF-8", "0xfc")
    assert "save it as UTF-8" in line
    assert_good_linted(findings, good)


@pytest.mark.parametrize("name, data", [
    ("russian.md", "\u0417\u0434\u043e\u0440\u043e\u0432\u044c\u0435 \u0438 \u0441\u043e\u043d.\n".encode("cp1251")),
    ("greek.md", "\u03a5\u03b3\u03b5\u03af\u03b1 \u03ba\u03b1\u03b9 \u03cd\u03c0\u03bd\u03bf\u03c2.\n".encode("cp1253")),
    ("short.md", b"Caf\xe9 \x01 au lait.\n"),
])
def test_legacy_encodings_are_text_not_binary(tmp_path, good, name, data):
    bad = write(tmp_path / name, data)
    code, findings, err = lint(bad, good, cwd=tmp_path)
    assert code == 2
    assert_one_error_line(err, name, "not valid UTF-8", "save it as UTF-8")
    assert_good_linted(findings, good)


def test_nul_byte(tmp_path, good):
    bad = write(tmp_path / "nul.md", b"# Title\n\nSome text\x00 with a NUL byte.\n")
    code, findings, err = lint(bad, good, cwd=tmp_path)
    assert code == 2
    assert_one_error_line(err, "nul.md", "NUL")
    assert_good_linted(findings, good)


def test_path_that_does_not_exist(tmp_path, good):
    code, findings, err = lint(tmp_path / "nowhere.md", good, cwd=tmp_path)
    assert code == 2
    assert_one_error_line(err, "nowhere.md", "no such file")
    assert_good_linted(findings, good)


def test_broken_symlink_named_and_inside_folder(tmp_path):
    folder = tmp_path / "articles"
    good = write(folder / "good.txt", GOOD)
    os.symlink(tmp_path / "gone.md", folder / "dangling.md")
    # found while walking the folder
    code, findings, err = lint(folder, cwd=tmp_path)
    assert code == 2
    assert_one_error_line(err, "dangling.md", "broken symbolic link")
    assert_good_linted(findings, good)
    # and named on the command line
    code, findings, err = lint(folder / "dangling.md", good, cwd=tmp_path)
    assert code == 2
    assert_one_error_line(err, "dangling.md", "broken symbolic link")
    assert_good_linted(findings, good)


def test_symlink_that_points_at_itself(tmp_path, good):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    os.symlink(b, a)
    os.symlink(a, b)
    code, findings, err = lint(a, good, cwd=tmp_path)
    assert code == 2
    assert_one_error_line(err, "a.md", "symbolic link loop")
    assert_good_linted(findings, good)


def test_directory_symlink_loop(tmp_path):
    folder = tmp_path / "articles"
    good = write(folder / "good.txt", GOOD)
    write(folder / "sub" / "other.txt", "Sleep and Pain\n\nPoor sleep can make pain feel worse.\n")
    os.symlink("..", folder / "sub" / "up")  # articles/sub/up -> articles: a loop
    # links to folders are not followed by default (issue 15): nothing to report
    code, findings, err = lint(folder, cwd=tmp_path)
    assert (code, err) == (1, [])
    assert [f["path"] for f in findings].count(str(good)) == 1
    # with --follow-symlinks the loop is reported and skipped
    code, findings, err = lint(folder, cwd=tmp_path, args=("--follow-symlinks",))
    assert code == 2
    assert_one_error_line(err, os.path.join("sub", "up"), "symbolic link loop")
    assert_good_linted(findings, good)
    # each real file linted once, not once per path through the loop
    paths = [f["path"] for f in findings]
    assert paths.count(str(good)) == 1


def test_second_link_to_a_folder_is_not_an_error(tmp_path):
    folder = tmp_path / "articles"
    good = write(folder / "v2" / "good.txt", GOOD)
    os.symlink("v2", folder / "latest")
    code, findings, err = lint(folder, cwd=tmp_path)
    assert err == []
    assert code == 1
    # linted once, through whichever path the walk reached first
    hits = [f["path"] for f in findings if f["rule"] == "web-boilerplate"]
    assert len(hits) == 1 and os.path.realpath(hits[0]) == os.path.realpath(good)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_named_pipe_in_a_folder_does_not_hang(tmp_path):
    folder = tmp_path / "articles"
    good = write(folder / "good.txt", GOOD)
    os.mkfifo(folder / "pipe.md")  # reading it would block forever
    r = run_cli("--format", "json", str(folder), cwd=tmp_path, timeout=60)
    assert "Traceback" not in r.stderr.decode()
    assert_good_linted(json.loads(r.stdout), good)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="runs as root (or not on POSIX): chmod 000 does not stop root reading; "
                           "test_unreadable_file_simulated covers this case")
def test_unreadable_file_chmod(tmp_path, good):
    bad = write(tmp_path / "secret.md", "# Secret\n\nText.\n")
    bad.chmod(0)
    try:
        code, findings, err = lint(bad, good, cwd=tmp_path)
    finally:
        bad.chmod(0o644)
    assert code == 2
    assert_one_error_line(err, "secret.md", "permission denied")
    assert_good_linted(findings, good)


def _run_in_process(paths, **settings_kw):
    from acu_lint.runner import Settings, run

    return run([str(p) for p in paths], Settings(**settings_kw))


def test_unreadable_file_simulated(tmp_path, good, monkeypatch):
    """Like chmod 000 but also when the tests run as root: ``open`` in the
    reader raises PermissionError for that one file."""
    from acu_lint import sources

    bad = write(tmp_path / "secret.md", "# Secret\n\nText.\n")
    real_open = open

    def guarded_open(path, *a, **kw):
        if os.path.abspath(str(path)) == str(bad):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **kw)

    monkeypatch.setattr(sources, "open", guarded_open, raising=False)
    result = _run_in_process([bad, good])
    assert result.errors == [f"{bad}: permission denied"]
    assert [f.line for f in result.findings if f.path == str(good) and f.rule == "web-boilerplate"] == [GOOD_LINE]


def test_file_deleted_while_the_run_is_in_progress(tmp_path, monkeypatch):
    """Discovery yields the file, then it disappears before it is read."""
    from acu_lint import runner

    folder = tmp_path / "articles"
    doomed = write(folder / "a_doomed.md", "# Doomed\n\nLeave a Comment\n")
    good = write(folder / "b_good.txt", GOOD)
    real_discover = runner.discover

    def discover_then_delete(*a, **kw):
        for path in real_discover(*a, **kw):
            if path.endswith("a_doomed.md"):
                os.unlink(path)
            yield path

    monkeypatch.setattr(runner, "discover", discover_then_delete)
    result = _run_in_process([folder])
    assert len(result.errors) == 1
    assert result.errors[0].startswith(str(doomed)) and "no such file" in result.errors[0]
    assert "\n" not in result.errors[0]
    assert not [f for f in result.findings if f.path == str(doomed)]
    assert [f.line for f in result.findings if f.path == str(good) and f.rule == "web-boilerplate"] == [GOOD_LINE]


def test_file_deleted_before_its_fix_is_written(tmp_path, monkeypatch):
    """With --fix: the file vanishes between linting and writing; no crash, one
    error, and it is not re-created."""
    from acu_lint import runner

    bad = write(tmp_path / "vanish.txt", GOOD)
    real_lint_source = runner.lint_source

    def lint_then_delete(source, *a, **kw):
        result = real_lint_source(source, *a, **kw)
        os.unlink(source.path)
        return result

    monkeypatch.setattr(runner, "lint_source", lint_then_delete)
    result = _run_in_process([bad], fix=True)
    assert result.errors == [f"{bad}: no such file or directory; the fix was not written"]
    assert not bad.exists()


def test_unreadable_folder_simulated(tmp_path, monkeypatch):
    """A folder that cannot be listed (chmod 000 does not stop root, so
    listing it raises PermissionError here)."""
    folder = tmp_path / "articles"
    good = write(folder / "good.txt", GOOD)
    locked = folder / "locked"
    write(locked / "hidden.md", "# Hidden\n\nLeave a Comment\n")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.abspath(os.fspath(path)) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = _run_in_process([folder])
    assert result.errors == [f"{locked}: cannot read folder: Permission denied"]
    assert [f.line for f in result.findings if f.path == str(good) and f.rule == "web-boilerplate"] == [GOOD_LINE]


def test_a_parser_crash_is_one_line_for_that_file(tmp_path, monkeypatch):
    """Should the Document parser ever fail on some input, that file gets one
    error line and the run goes on."""
    from acu_lint import runner

    bad = write(tmp_path / "a_trigger.md", "# Trigger\n\nText.\n")
    good = write(tmp_path / "b_good.txt", GOOD)
    real = runner.Document

    def fragile(text, path="<stdin>", kind=None):
        if path.endswith("a_trigger.md"):
            raise ValueError("simulated parser bug\nsecond line")
        return real(text, path, kind)

    monkeypatch.setattr(runner, "Document", fragile)
    result = _run_in_process([bad, good])
    assert result.errors == [f"{bad}: could not be linted (ValueError: simulated parser bug second line)"]
    assert [f.line for f in result.findings if f.path == str(good) and f.rule == "web-boilerplate"] == [GOOD_LINE]


# ---------------------------------------------------------------------------
# Odd but readable input: linted normally, exit 0 or 1, nothing on stderr
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("name,data", [
    ("empty.md", b""),
    ("empty.txt", b""),
    ("empty.html", b""),
    ("blank.md", b"   \n\t\n\n  \n"),
    ("blank.txt", b"\n\n\n"),
    ("bom-only.txt", codecs.BOM_UTF8),
    ("newline.html", b"\r\n"),
])
def test_empty_and_whitespace_only(tmp_path, good, name, data):
    f = write(tmp_path / name, data)
    code, findings, err = lint(f, good, cwd=tmp_path)
    assert err == []
    assert code == 1  # the good file's finding
    assert not [x for x in findings if x["path"] == str(f)]
    assert_good_linted(findings, good)


UTF16_ARTICLE = "Acupuncture for Back Pain\n\nBack pain is common and often eases within weeks.\n\nLeave a Comment\n\nGentle walking may help some people.\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_with_bom_is_linted_and_fixed_in_utf16(tmp_path, codec):
    bom = {"utf-16": b"", "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": b""}[codec]
    data = bom + UTF16_ARTICLE.encode(codec)
    f = write(tmp_path / "wide.txt", data)
    code, findings, err = lint(f, cwd=tmp_path, args=("--select", "web-boilerplate"))
    assert err == [] and code == 1
    assert [(x["rule"], x["line"], x["column"]) for x in findings] == [("web-boilerplate", 5, 1)]

    r = run_cli("--select", "web-boilerplate", "--fix", str(f), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    fixed = f.read_bytes()
    expected_text = UTF16_ARTICLE.replace("Leave a Comment\n\n", "")
    if codec == "utf-16-be":
        assert fixed == codecs.BOM_UTF16_BE + expected_text.encode("utf-16-be")
    else:
        assert fixed[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE[:2])
        assert fixed.decode(codec) == expected_text
        # same byte order and width as the original
        assert fixed[:4] == data[:4]


def test_utf8_bom_is_kept_by_fix(tmp_path):
    f = write(tmp_path / "bom.txt", codecs.BOM_UTF8 + UTF16_ARTICLE.encode("utf-8"))
    r = run_cli("--select", "web-boilerplate", "--fix", str(f), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f.read_bytes() == codecs.BOM_UTF8 + UTF16_ARTICLE.replace("Leave a Comment\n\n", "").encode("utf-8")


def test_crlf_preserved_by_fix(tmp_path):
    text = UTF16_ARTICLE.replace("\n", "\r\n")
    f = write(tmp_path / "crlf.txt", text.encode())
    code, findings, err = lint(f, cwd=tmp_path, args=("--select", "web-boilerplate"))
    assert err == [] and [(x["line"], x["column"], x["end_column"]) for x in findings] == [(5, 1, 16)]
    r = run_cli("--select", "web-boilerplate", "--fix", str(f), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f.read_bytes() == text.replace("Leave a Comment\r\n\r\n", "").encode()


def test_mixed_line_endings_preserved_byte_for_byte(tmp_path):
    original = (
        b"Acupuncture for Back Pain\r\n"
        b"\r\n"
        b"Back pain is common and often eases within weeks.\n"
        b"\n"
        b"Leave a Comment\r\n"
        b"\n"
        b"Gentle walking may help some people.\r"
        b"\r"
        b"Scroll to Top\r"
        b"\r"
        b"Heat packs can ease stiff muscles.\r\n"
    )
    f = write(tmp_path / "mixed.txt", original)
    r = run_cli("--select", "web-boilerplate", "--fix", str(f), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    fixed = (
        b"Acupuncture for Back Pain\r\n"
        b"\r\n"
        b"Back pain is common and often eases within weeks.\n"
        b"\n"
        b"Gentle walking may help some people.\r"
        b"\r"
        b"Heat packs can ease stiff muscles.\r\n"
    )
    assert f.read_bytes() == fixed
    # --diff shows the same change and writes nothing
    f.write_bytes(original)
    r = run_cli("--select", "web-boilerplate", "--diff", str(f), cwd=tmp_path)
    assert r.returncode == 1 and f.read_bytes() == original
    # patch tools break lines at "\n" only: the CR-only lines are one line of the patch
    assert b"-Leave a Comment" in r.stdout and b"-Gentle walking may help some people.\r\rScroll to Top" in r.stdout
    (tmp_path / "p.diff").write_bytes(r.stdout.replace(str(f).encode(), b"mixed.txt"))
    applied = subprocess.run(["git", "apply", "-p1", "p.diff"], cwd=tmp_path, capture_output=True)
    assert applied.returncode == 0, applied.stderr
    assert f.read_bytes() == fixed


def test_ten_megabyte_article(tmp_path, good):
    rnd = random.Random(10)
    parts = ["# A Very Long Article on Acupuncture"]
    size = 0
    i = 0
    while size < 10_000_000:
        i += 1
        if i % 400 == 0:
            p = "Leave a Comment"
        elif i % 97 == 0:
            p = f"## Part {i}"
        else:
            words = PROSE.split()
            rnd.shuffle(words)
            p = " ".join(words).capitalize().rstrip(".") + "."
        parts.append(p)
        size += len(p) + 2
    big = write(tmp_path / "big.md", "\n\n".join(parts) + "\n")
    assert big.stat().st_size >= 10_000_000
    code, findings, err = lint(big, good, cwd=tmp_path, args=("--no-cache",))
    assert err == [] and code == 1
    boiler = [f for f in findings if f["path"] == str(big) and f["rule"] == "web-boilerplate"]
    assert len(boiler) == i // 400
    assert_good_linted(findings, good)


ONE_MB_LINES = {
    "prose.txt": (PROSE * 6000)[:1_000_000],
    "prose.md": (PROSE * 6000)[:1_000_000],
    "words.html": "<p>" + ("word " * 200_000) + "</p>",
    # unclosed openers, each of which once made the inline scan quadratic (hours for 1 MB)
    "brackets.md": "[a" * 500_000,
    "images.md": "![a](" * 200_000,
    "autolinks.md": "<http:" * 166_000,
    "comments.txt": "<!--" * 250_000,
    "ticks.md": "".join("`" * k + "a" for k in range(1, 1400)),
}


def test_one_megabyte_lines(tmp_path, good):
    """All in one run (one start-up, files spread over the workers)."""
    files = []
    for name, line in ONE_MB_LINES.items():
        assert len(line) >= 950_000
        files.append(write(tmp_path / name, "Title Line\n\n" + line + "\n"))
    code, findings, err = lint(*files, good, cwd=tmp_path, args=("--no-cache",))
    assert err == []
    assert code == 1
    linted = {x["path"] for x in findings}
    for f in files:
        for x in findings:
            if x["path"] == str(f):
                assert 1 <= x["line"] <= 4 and 1 <= x["end_line"] <= 4, x
    assert str(tmp_path / "prose.txt") in linted  # the long lines were really read
    assert_good_linted(findings, good)


@pytest.mark.parametrize("name,text", [
    ("lists.md", "# Nested Lists\n\n" + "\n".join("  " * i + f"- level {i}" for i in range(500)) + "\n"),
    ("olists.md", "# Nested Lists\n\n" + "\n".join("   " * i + f"{i + 1}. level {i}" for i in range(500)) + "\n"),
    ("quotes.md", "# Nested Quotes\n\n" + ">" * 500 + " Deep in the quotes.\n"),
    ("quotes2.md", "# Nested Quotes\n\n" + "\n".join(">" * i + " line" for i in range(1, 501)) + "\n"),
    ("mixed.md", "# Lists in Quotes\n\n" + "> - " * 500 + "deep\n"),
    ("divs.html", "<h1>Nested</h1>" + "<div><ul><li>" * 3000 + "Leave a Comment"),
    ("lists.txt", "Nested Lists\n\n" + "\n".join("  " * i + f"{i + 1}. level {i}" for i in range(500)) + "\n"),
])
def test_deep_nesting(tmp_path, good, name, text):
    f = write(tmp_path / name, text)
    code, findings, err = lint(f, good, cwd=tmp_path, args=("--no-cache",))
    assert err == [], err
    assert code in (0, 1)
    assert_good_linted(findings, good)


@pytest.mark.parametrize("name,text", [
    ("soup.html", "<html><body>" + "<div><p><span><b><i>Back pain is common." * 300
     + "<script>var s = '<p>Leave a Comment</p>'" + "<table><tr><td>cell" * 200 + "<!-- never closed"),
    ("lt.html", "<" * 50_000 + "p>text</p" + "<a href='" * 1000),
    ("attrs.html", "<p " + "a=\"" * 20_000 + ">Text</p>"),
    ("cdata.html", "<![CDATA[" * 1000 + "<p>Back pain</p>"),
    ("tags.md", "# Soup in Markdown\n\n" + "<div><p><b>Text " * 2000 + "\n\n<!-- unclosed\n\nMore.\n"),
])
def test_unclosed_html_tag_soup(tmp_path, good, name, text):
    f = write(tmp_path / name, text)
    code, findings, err = lint(f, good, cwd=tmp_path, args=("--no-cache",))
    assert err == [], err
    assert code in (0, 1)
    assert_good_linted(findings, good)


def test_many_problems_in_one_run_each_reported_once(tmp_path, good):
    """All the unreadable kinds at once: one line each, in the one run."""
    write(tmp_path / "bin.md", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    write(tmp_path / "nul.txt", b"Text\x00\n")
    os.symlink(tmp_path / "gone", tmp_path / "dangling.md")
    code, findings, err = lint(tmp_path / "bin.md", tmp_path / "nul.txt", tmp_path / "dangling.md",
                               tmp_path / "missing.md", good, cwd=tmp_path)
    assert code == 2
    assert len(err) == 4, err
    for name in ("bin.md", "nul.txt", "dangling.md", "missing.md"):
        assert sum(name in line for line in err) == 1, err
    assert_good_linted(findings, good)


def test_text_format_reports_errors_on_stderr_only(tmp_path, good):
    write(tmp_path / "bad.md", b"caf\xc3\x28 not text")
    r = run_cli(str(tmp_path / "bad.md"), str(good), cwd=tmp_path)
    assert r.returncode == 2
    err = r.stderr.decode().splitlines()
    assert len(err) == 1 and "bad.md" in err[0] and "Traceback" not in r.stderr.decode()
    assert f"{good}:{GOOD_LINE}:1:" in r.stdout.decode()


@pytest.mark.parametrize("data,code,words", [
    (b"", 0, []),
    (b"   \n\n", 0, []),
    (b"Title\n\nText \xff\xfe\xfa here.\n", 2, ["x.md", "not valid UTF-8"]),
    (b"Title\n\nText\x00 here.\n", 2, ["x.md", "NUL"]),
    (b"\xff\xfeT\x00i\x00", 0, []),  # UTF-16 with its BOM
])
def test_standard_input(tmp_path, data, code, words):
    r = run_cli("-", "--stdin-filename", "x.md", "--format", "json", input=data, cwd=tmp_path)
    err = r.stderr.decode()
    assert "Traceback" not in err
    assert r.returncode == code, err
    json.loads(r.stdout)
    if words:
        assert len(err.splitlines()) == 1 and all(w in err for w in words), err
    else:
        assert err == ""
