"""The grammar rule and its LanguageTool backend.

LanguageTool itself cannot be installed on the build machines, so these tests
run against tests/lt_fake_server.py: a small HTTP server on 127.0.0.1 that
answers /v2/languages and /v2/check in LanguageTool's JSON format and finds
mistakes with simple rules of its own (offsets computed from the text it
receives, in UTF-16 units like the Java server). A local install is imitated by
a fake ``java`` that runs the same server, which lets the tests check process
management (one server per run, none left after exit, SIGTERM, Ctrl-C, SIGKILL).

The last test runs a real LanguageTool when ACU_LINT_TEST_LANGUAGETOOL_URL is
set (see docs/grammar.md) and is skipped otherwise.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import lt_fake_server
from acu_lint import languagetool as lt
from acu_lint.document import Document
from acu_lint.engine import RuleSetup, lint_document
from acu_lint.model import BackendUnavailable
from conftest import run_cli, seeds_or_skip
from lint_rules import grammar

TESTS = Path(__file__).resolve().parent
LT_ENV = ("ACU_LINT_LANGUAGETOOL_URL", "ACU_LINT_CACHE_DIR", "LTP_PATH", "LTP_JAR_DIR_PATH", "JAVA_HOME")

# an article that another rule flags too (duplicate-line: the title twice), so
# that failure tests can see the other rules still ran
ARTICLE = (
    "Acupuncture for Back Pain\n"
    "\n"
    "Acupuncture for Back Pain\n"
    "\n"
    "Acupuncture can ease the the pain in your lower back.\n"
)


# ---------------------------------------------------------------------------
# fixtures and helpers
# ---------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    """No user setting leaks in; every test has its own cache and no local install."""
    for name in LT_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ACU_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-languagetool-here"))
    lt.reset()
    yield
    lt.reset()


@pytest.fixture
def fake(monkeypatch):
    with lt_fake_server.running_server() as srv:
        monkeypatch.setenv("ACU_LINT_LANGUAGETOOL_URL", srv.url)
        yield srv


def check(text: str, filename: str = "article.txt", **options):
    """Findings of the grammar rule alone, with engine-filled positions."""
    opts = {**grammar.OPTIONS, **options}
    grammar.validate(opts)
    return lint_document(Document(text, filename), [RuleSetup("grammar", grammar.check, opts, grammar.SEVERITY)])


def spans(findings, doc_text):
    return [doc_text[f.start:f.end] for f in findings]


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {name: "" for name in LT_ENV}
    env.update({"ACU_LINT_CACHE_DIR": str(tmp_path / "cache"), "LTP_PATH": str(tmp_path / "no-languagetool-here")})
    env.update(extra)
    return env


def run(args, tmp_path, env=None, cwd=None, timeout=120):
    e = dict(os.environ)
    e.update(env or cli_env(tmp_path))
    for k, v in list(e.items()):
        if k in LT_ENV and v == "":
            del e[k]
    proc = subprocess.run([sys.executable, "-m", "acu_lint", *args], capture_output=True, text=True,
                          env={**e, "NO_COLOR": "1"}, cwd=cwd or tmp_path, timeout=timeout)
    return proc.returncode, proc.stdout, [ln for ln in proc.stderr.splitlines() if ln.strip()]


def article(tmp_path: Path, text: str = ARTICLE, name: str = "article.txt") -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


# ---------------------------------------------------------------------------
# the seed from the issue
# ---------------------------------------------------------------------------
def test_seed_002_line_5_with_a_server(tmp_path):
    seeds = seeds_or_skip()
    seed = str(seeds / "002_61f04f7f713dda28.txt")
    with lt_fake_server.running_server() as srv:
        rc, out, err = run(["--grammar", "--format", "json", seed], tmp_path,
                           cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=srv.url))
        sent = "\n".join(srv.state.checked_texts())
    assert err == [], err
    found = [f for f in json.loads(out) if f["rule"] == "grammar"]
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(5, 263, 276)]
    line5 = (seeds / "002_61f04f7f713dda28.txt").read_text(encoding="utf-8").split("\n")[4]
    assert line5[262:275] == "work may work"
    assert rc == 1
    assert "how acupuncture work may work" in sent


def test_seed_002_without_languagetool_runs_the_other_rules_and_exits_3(tmp_path):
    seeds = seeds_or_skip()
    seed = str(seeds / "002_61f04f7f713dda28.txt")
    rc, out, err = run(["--grammar", seed], tmp_path)
    assert rc == 3
    assert len(err) == 1 and err[0].startswith("acu-lint: grammar: no LanguageTool configured"), err
    assert "ACU_LINT_LANGUAGETOOL_URL" in err[0] and "grammar-setup" in err[0]
    assert "stray-fragment" in out  # line 1 "nervous system": the other rules ran
    assert " grammar " not in out


# ---------------------------------------------------------------------------
# offsets mapped back to the source: plain text, Markdown, HTML
# ---------------------------------------------------------------------------
def test_plain_text_positions(fake):
    text = "Back Pain\n\nMost people feel little.\nAcupuncture can ease the the pain.\n"
    fs = check(text)
    assert [(f.line, f.column, f.end_line, f.end_column) for f in fs] == [(4, 22, 4, 29)]
    assert spans(fs, text) == ["the the"]
    assert fs[0].severity == "warning"
    assert fs[0].data["languagetool_rule"] == "ENGLISH_WORD_REPEAT_RULE"
    assert "[ENGLISH_WORD_REPEAT_RULE]" in fs[0].message and fs[0].suggestion == "\u201cthe\u201d"


def test_markdown_positions_and_only_prose_sent(fake):
    text = (
        "---\n"
        "title: the the front matter\n"
        "---\n"
        "# Neck pain\n"
        "\n"
        "Needles **are** placed at at [specific points](https://example.org/the-the) on the body.\n"
        "\n"
        "```\n"
        "the the code\n"
        "```\n"
        "\n"
        "Use `the the` in code only, and look up\n"
        "the\n"
        "the rest later.\n"
        "\n"
        "> Quoted: it can can help.\n"
        "\n"
        "- first item\n"
        "- second item may may work\n"
        "<!-- the the comment -->\n"
    )
    fs = check(text, "article.md")
    got = [(f.line, f.column, f.end_line, f.end_column, text[f.start:f.end]) for f in fs]
    assert got == [
        (6, 24, 6, 29, "at at"),
        (13, 1, 14, 4, "the\nthe"),  # the match crosses a line break inside one paragraph
        (16, 14, 16, 21, "can can"),
        (19, 15, 19, 22, "may may"),
    ]
    sent = "\n".join(fake.state.checked_texts())
    for hidden in ("front matter", "the the code", "the the comment", "example.org", "`", "**", "the the in"):
        assert hidden not in sent
    assert "Needles are placed at at specific points on the body." in sent


def test_html_positions_with_entities_and_skipped_elements(fake):
    text = (
        "<html><head><title>x</title><script>var s = 'the the';</script></head>\n"
        "<body>\n"
        "<h1>Caf&eacute; talk</h1>\n"
        "<p>Acupuncture <b>can</b> ease&nbsp;the the pain &amp; the stiffness.</p>\n"
        "<pre>the the preformatted</pre>\n"
        "<p>Fish &amp; &amp; chips is is fine.</p>\n"
        "</body></html>\n"
    )
    fs = check(text, "article.html")
    got = [(f.line, f.column, f.end_column, text[f.start:f.end]) for f in fs]
    assert got == [
        (4, 37, 44, "the the"),
        (6, 27, 32, "is is"),
    ]
    sent = "\n".join(fake.state.checked_texts())
    assert "var s" not in sent and "preformatted" not in sent and "<b>" not in sent
    assert "Caf\u00e9 talk" in sent


def test_html_match_ending_on_an_entity_covers_the_whole_entity(fake):
    text = "<p>They reciev&#101; care from &#114;ecieve.</p>\n"
    fs = check(text, "a.html")
    assert [text[f.start:f.end] for f in fs] == ["reciev&#101;", "&#114;ecieve"]


def test_astral_characters_utf16_offsets(fake):
    # LanguageTool counts UTF-16 units: an emoji is two of them. The mapping must not drift.
    text = "Tips \U0001F600\U0001F33F for sleep\n\nRest \U0001F634 helps and the the pain eases.\n"
    fs = check(text)
    assert [(f.line, f.column, f.end_column, text[f.start:f.end]) for f in fs] == [(3, 18, 25, "the the")]


def test_urls_and_emails_are_masked(fake):
    text = ("Read more at https://example.org/the the-guide or www.example.com/the the.\n"
            "\n"
            "Write to the the.clinic@example.com today.\n")
    fs = check(text)
    sent = "\n".join(fake.state.checked_texts())
    assert "example" not in sent and "URL" in sent and "email" in sent
    assert fs == []


def test_a_match_on_a_masked_url_is_dropped(fake):
    fs = check("See https://a.example/x https://b.example/y for details.\n")
    # "URL URL" is a word repeat for the fake server; it is about the placeholders, not the text
    assert fake.state.checked_texts() and "URL URL" in fake.state.checked_texts()[0]
    assert fs == []


# ---------------------------------------------------------------------------
# health vocabulary and user words
# ---------------------------------------------------------------------------
def test_health_vocabulary_is_not_a_spelling_error(fake):
    text = ("Moxibustion warms acupoints to move Qi.\n\nElectroacupuncture helps some people with fibromyalgia, "
            "and the acupoint's effect is small.\n\nAfter gua sha the skin is red.\n")
    assert check(text) == []
    assert len(fake.state.checked_texts()) == 1  # it was checked, the spelling matches were filtered


def test_real_misspellings_stay_and_user_words_extend_the_list(fake):
    text = "Most patients recieve six sessions.\n\nThe sha is unrelated to gua sha.\n"
    fs = check(text)
    assert spans(fs, text) == ["recieve", "sha"]  # the lone "sha" is not the phrase "gua sha"
    assert all(f.data["issue_type"] == "misspelling" for f in fs)
    assert check(text, words=["recieve", "sha"]) == []


def test_words_do_not_hide_grammar_findings(fake):
    fs = check("Acupuncture may may help.\n", words=["may"])
    assert [f.data["languagetool_rule"] for f in fs] == ["ENGLISH_WORD_REPEAT_RULE"]


# ---------------------------------------------------------------------------
# options become LanguageTool parameters
# ---------------------------------------------------------------------------
def test_default_request_parameters(fake):
    check("Acupuncture can ease the the pain.\n")
    p = fake.state.last_params()
    assert p["language"] == "en-US"
    assert set(p["disabledRules"].split(",")) == set(grammar.DEFAULT_DISABLED_RULES)
    assert "enabledOnly" not in p and "level" not in p


def test_enabled_rules_reenable_a_default_disabled_rule(fake):
    text = "Rest  well.\n"
    assert check(text) == []
    fs = check(text, enabled_rules=["WHITESPACE_RULE"])
    assert [(f.data["languagetool_rule"], f.severity) for f in fs] == [("WHITESPACE_RULE", "info")]
    assert "WHITESPACE_RULE" not in fake.state.last_params().get("disabledRules", "")


def test_disabled_rules_and_categories_and_spelling_switch(fake):
    text = "Most patients recieve the the care.\n"
    assert len(check(text)) == 2
    assert [f.data["languagetool_rule"] for f in check(text, disabled_rules=["ENGLISH_WORD_REPEAT_RULE"])] == \
        ["MORFOLOGIK_RULE_EN_US"]
    assert [f.data["languagetool_rule"] for f in check(text, disabled_categories=["MISC"])] == \
        ["MORFOLOGIK_RULE_EN_US"]
    assert [f.data["languagetool_rule"] for f in check(text, spelling=False)] == ["ENGLISH_WORD_REPEAT_RULE"]
    assert "TYPOS" in fake.state.last_params()["disabledCategories"]


def test_enabled_only_language_and_level(fake):
    text = "Most patients recieve the the care.\n"
    fs = check(text, enabled_only=True, enabled_categories=["TYPOS"], language="en-GB", level="picky")
    assert [f.data["languagetool_rule"] for f in fs] == ["MORFOLOGIK_RULE_EN_US"]
    p = fake.state.last_params()
    assert (p["enabledOnly"], p["enabledCategories"], p["language"], p["level"]) == ("true", "TYPOS", "en-GB", "picky")


def test_severity_by_issue_type_and_block_kind(fake):
    text = "nervous system\n\nacupuncture helps. It can can help.\n"
    fs = check(text)
    got = [(f.line, f.data["languagetool_rule"], f.severity) for f in fs]
    # line 1 is a heading (plain-text inference): a lowercase start is not reported there
    assert got == [(3, "UPPERCASE_SENTENCE_START", "info"), (3, "ENGLISH_WORD_REPEAT_RULE", "warning")]
    lowercase_item = check("Benefits:\n\n- reduces pain\n- eases the the stiffness\n", "a.md")
    assert [f.data["languagetool_rule"] for f in lowercase_item] == ["ENGLISH_WORD_REPEAT_RULE"]


def test_inline_suppression_applies(fake):
    text = "<!-- acu-lint-disable-next-line grammar -->\nAcupuncture can ease the the pain.\n\nIt can can help.\n"
    assert [f.line for f in check(text, "a.md")] == [4]


@pytest.mark.parametrize("options,needle", [
    ({"server": "ftp://example.org"}, "not an http"),
    ({"language": "English"}, "language"),
    ({"disabled_rules": ["NOT A RULE"]}, "disabled_rules"),
    ({"level": "loud"}, "level"),
    ({"timeout": 0}, "timeout"),
    ({"words": [1, 2]}, "words"),
])
def test_bad_options_are_config_errors(tmp_path, options, needle):
    cfg = tmp_path / ".acu-lint.yaml"
    cfg.write_text(json.dumps({"extend-select": ["grammar"], "rules": {"grammar": options}}), encoding="utf-8")
    rc, out, err = run([article(tmp_path)], tmp_path)
    assert rc == 2
    assert len(err) == 1 and "rules.grammar" in err[0] and needle in err[0], err


def test_config_turns_it_on_and_sets_the_server(tmp_path):
    with lt_fake_server.running_server() as srv:
        (tmp_path / ".acu-lint.yaml").write_text(
            f"extend-select: [grammar]\nrules:\n  grammar:\n    server: {srv.url}/v2/\n    words: [recieve]\n",
            encoding="utf-8")
        rc, out, err = run([article(tmp_path, ARTICLE + "\nThey recieve care.\n")], tmp_path)
    assert err == []
    assert rc == 1
    assert "article.txt:5:22: warning grammar Possible typo: you repeated a word. [ENGLISH_WORD_REPEAT_RULE]" in out
    assert "recieve" not in out


def test_the_docstring_examples_hold_against_the_fake_server(fake):
    from acu_lint.rules import load_registry

    examples = load_registry()["grammar"].examples()
    assert any(e.flagged for e in examples) and any(not e.flagged for e in examples)
    for ex in examples:
        found = check(ex.text, ex.filename)
        assert bool(found) == ex.flagged, (ex.text, [f.message for f in found])


# ---------------------------------------------------------------------------
# the cache: a re-run on unchanged text makes no request
# ---------------------------------------------------------------------------
def test_rerun_makes_no_request_and_an_edit_sends_only_that_paragraph(tmp_path):
    path = article(tmp_path, ARTICLE + "\nIt can can help.\n")
    with lt_fake_server.running_server() as srv:
        env = cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=srv.url)
        rc1, out1, err1 = run(["--grammar", path], tmp_path, env)
        first = srv.state.count("/v2/check")
        rc2, out2, err2 = run(["--grammar", path], tmp_path, env)
        second = srv.state.count("/v2/check") - first
        Path(path).write_text(ARTICLE + "\nIt will will help.\n", encoding="utf-8")
        srv.state.reset()
        rc3, out3, err3 = run(["--grammar", path], tmp_path, env)
        texts = srv.state.checked_texts()
    assert (rc1, rc2, rc3, err1, err2, err3) == (1, 1, 1, [], [], [])
    assert first == 1  # all paragraphs of the file in one request
    assert second == 0
    assert out1 == out2 and "7:4: warning grammar" in out1
    assert texts == ["It will will help."]
    assert "7:4: warning grammar" in out3


def test_a_partial_answer_is_not_cached_even_when_its_note_is_suppressed(tmp_path):
    text = "<!-- acu-lint-disable-next-line grammar -->\n" + ARTICLE + "\nIt can can help.\n"
    path = article(tmp_path, text)
    with lt_fake_server.running_server(mode="incomplete") as srv:
        env = cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=srv.url)
        rc1, out1, _ = run(["--grammar", path], tmp_path, env)
        rc2, out2, _ = run(["--grammar", path], tmp_path, env)
        asked = srv.state.count("/v2/check")
    assert "answered only in part" not in out1 and " grammar " in out1
    assert asked == 2  # the second run asked again: nothing of the partial answer was kept


def test_result_cache_does_not_hide_a_missing_languagetool(tmp_path):
    """Findings cached per file with one LanguageTool are not reused when none is configured."""
    path = article(tmp_path)
    with lt_fake_server.running_server() as srv:
        rc, out, err = run(["--grammar", path], tmp_path, cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=srv.url))
    assert (rc, err) == (1, []) and " grammar " in out
    assert (tmp_path / "cache" / "CACHEDIR.TAG").is_file()
    _assert_unavailable(*run(["--grammar", path], tmp_path), "no LanguageTool configured")


def test_jobs_do_not_start_one_languagetool_per_worker(tmp_path, local_install):
    env, pidfile, log = local_install
    paths = [article(tmp_path, ARTICLE + f"\nNote {i}: it can can help.\n", f"a{i:02d}.txt") for i in range(24)]
    rc, out, err = run(["--grammar", "--jobs", "2", *paths], tmp_path, env)
    assert (rc, err) == (1, [])
    assert out.count(" grammar ") == 48
    assert len(log.read_text().splitlines()) == 1
    assert _wait_dead(int(pidfile.read_text()), 5)


def test_no_cache_flag_and_option(tmp_path):
    path = article(tmp_path)
    with lt_fake_server.running_server() as srv:
        env = cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=srv.url)
        for _ in range(2):
            rc, out, err = run(["--grammar", "--no-cache", path], tmp_path, env)
            assert (rc, err) == (1, [])
        assert srv.state.count("/v2/check") == 2
    assert not (tmp_path / "cache").exists()


def test_cache_key_includes_language_options_and_version(fake, monkeypatch, tmp_path):
    text = "Acupuncture can ease the the pain.\n"
    check(text)
    check(text)
    assert fake.state.count("/v2/check") == 1
    check(text, language="en-GB")
    assert fake.state.count("/v2/check") == 2
    check(text, disabled_rules=["X_RULE"])
    assert fake.state.count("/v2/check") == 3
    check(text, words=["pain"])  # accepted words are applied after the cache: no new request
    assert fake.state.count("/v2/check") == 3
    # a new server version: after VERSION_TTL the version is asked again and new results are fetched
    lt.reset()
    fake.state.version = "6.9-fake"
    memo_dir = tmp_path / "cache" / "grammar" / "versions"
    (memo_file,) = list(memo_dir.iterdir())
    data = json.loads(memo_file.read_text())
    data["checked"] -= lt.VERSION_TTL + 1
    memo_file.write_text(json.dumps(data))
    check(text)
    assert fake.state.count("/v2/check") == 5  # one probe for the version, one check
    assert json.loads(memo_file.read_text())["version"] == "6.9-fake"


def test_cache_files_are_written_atomically_by_parallel_runs(tmp_path):
    paras = "\n\n".join(f"Paragraph {i} says the the thing number {i}." for i in range(40))
    path = article(tmp_path, "Title\n\n" + paras + "\n")
    with lt_fake_server.running_server() as srv:
        env = cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=srv.url)
        e = dict(os.environ)
        e.update(env)
        e = {k: v for k, v in e.items() if not (k in LT_ENV and v == "")}
        procs = [subprocess.Popen([sys.executable, "-m", "acu_lint", "--grammar", "--format", "json", path],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e, cwd=tmp_path)
                 for _ in range(3)]
        outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [1, 1, 1]
    results = [sorted((f["line"], f["column"]) for f in json.loads(o) if f["rule"] == "grammar") for o, _ in outs]
    assert results[0] == results[1] == results[2] and len(results[0]) == 40
    files = [p for p in (tmp_path / "cache" / "grammar").rglob("*") if p.is_file()]
    assert not [p for p in files if p.name.startswith(".tmp-")]
    for p in files:
        json.loads(p.read_text(encoding="utf-8"))  # every file is whole


def test_incomplete_results_are_used_but_not_cached(monkeypatch):
    with lt_fake_server.running_server(mode="incomplete") as srv:
        monkeypatch.setenv("ACU_LINT_LANGUAGETOOL_URL", srv.url)
        for _ in range(2):
            got = check("It can can help.\n")
            assert len(got) == 2
            note = [f for f in got if "answered only in part" in f.message]
            assert len(note) == 1 and note[0].severity == "info" and note[0].line == 1
        assert srv.state.count("/v2/check") == 2
        srv.state.mode = "ok"
        assert ["answered only in part" in f.message for f in check("It can can help.\n")] == [False]


def test_credentials_in_the_url_become_basic_auth_and_are_never_shown(monkeypatch, tmp_path):
    with lt_fake_server.running_server() as srv:
        url = srv.url.replace("http://", "http://ann:s3cret%21@")
        monkeypatch.setenv("ACU_LINT_LANGUAGETOOL_URL", url)
        assert len(check("It can can help.\n")) == 1
        assert srv.state.auth == ["Basic " + __import__("base64").b64encode(b"ann:s3cret!").decode()]
        srv.state.mode = "http500"
        lt.reset()
        with pytest.raises(BackendUnavailable) as exc:
            list(grammar.check(Document("Something else entirely.\n", "a.txt"), dict(grammar.OPTIONS)))
    assert "s3cret" not in str(exc.value) and srv.url in str(exc.value)
    stored = "".join(p.read_text() for p in (tmp_path / "cache").rglob("*.json"))
    assert "s3cret" not in stored and "ann" not in stored


def test_undecodable_bytes_do_not_break_the_request(fake):
    fs = check("Caf\udce9 owners can can help.\n")
    assert [(f.line, f.column) for f in fs] == [(1, 13)]
    assert "\ufffd" in fake.state.checked_texts()[0]


def test_unwritable_cache_is_not_an_error(fake, monkeypatch, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("ACU_LINT_CACHE_DIR", str(blocker))
    assert len(check("It can can help.\n")) == 1


def test_batches_respect_the_size_limit(fake, monkeypatch):
    monkeypatch.setattr(lt, "MAX_BATCH_CHARS", 200)
    text = "\n\n".join(f"Paragraph number {i} is long enough to fill a batch, and it can can help." for i in range(6))
    fs = check("Title\n\n" + text + "\n")
    assert len(fs) == 6
    assert fake.state.count("/v2/check") >= 3
    assert all(len(t) <= 200 for t in fake.state.checked_texts())


# ---------------------------------------------------------------------------
# failures: one line, exit 3, the other rules still run
# ---------------------------------------------------------------------------
def _assert_unavailable(rc, out, err, *needles):
    assert rc == 3, (rc, out, err)
    assert len(err) == 1, err
    assert err[0].startswith("acu-lint: grammar: "), err
    for n in needles:
        assert n in err[0], (n, err[0])
    assert "duplicate-line" in out  # the other rules ran
    assert " grammar " not in out
    assert "Traceback" not in out + "\n".join(err)


def test_failure_no_languagetool_configured(tmp_path):
    _assert_unavailable(*run(["--grammar", article(tmp_path)], tmp_path),
                        "no LanguageTool configured", "ACU_LINT_LANGUAGETOOL_URL", "grammar-setup", "docs/grammar.md")


def test_failure_server_down_reported_once_for_many_files(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    paths = [article(tmp_path, ARTICLE, f"a{i}.txt") for i in range(3)]
    rc, out, err = run(["--grammar", *paths], tmp_path,
                       cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=f"http://127.0.0.1:{port}"))
    _assert_unavailable(rc, out, err, f"127.0.0.1:{port}", "ACU_LINT_LANGUAGETOOL_URL")
    assert out.count("duplicate-line") == 3


@pytest.mark.parametrize("mode,needles", [
    ("http500", ["HTTP 500", "Internal Server Error"]),
    ("malformed", ["did not answer like LanguageTool", "not JSON"]),
    ("wrong-shape", ["did not answer like LanguageTool", "matches"]),
])
def test_failure_bad_server_replies(tmp_path, mode, needles):
    with lt_fake_server.running_server(mode=mode) as srv:
        res = run(["--grammar", article(tmp_path)], tmp_path, cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=srv.url))
    _assert_unavailable(*res, *needles)


def test_failure_timeout(tmp_path):
    (tmp_path / ".acu-lint.yaml").write_text("rules:\n  grammar:\n    timeout: 1\n", encoding="utf-8")
    with lt_fake_server.running_server(mode="hang") as srv:
        t0 = time.monotonic()
        res = run(["--grammar", article(tmp_path), article(tmp_path, ARTICLE, "b.txt")], tmp_path,
                  cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=srv.url))
        elapsed = time.monotonic() - t0
        requests = srv.state.count("/v2/check")
    _assert_unavailable(*res, "did not answer within 1 s", "rules.grammar.timeout")
    assert requests == 1  # the second file did not wait again
    assert elapsed < 30


def test_failure_unknown_language(tmp_path):
    (tmp_path / ".acu-lint.yaml").write_text("rules:\n  grammar:\n    language: xx-YY\n", encoding="utf-8")
    with lt_fake_server.running_server() as srv:
        res = run(["--grammar", article(tmp_path)], tmp_path, cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=srv.url))
    _assert_unavailable(*res, "HTTP 400", "xx-YY", "rules.grammar.language")


def test_failure_bad_url_in_environment(tmp_path):
    res = run(["--grammar", article(tmp_path)], tmp_path, cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL="localhost:8081"))
    _assert_unavailable(*res, "ACU_LINT_LANGUAGETOOL_URL", "not an http")


def test_backend_errors_in_process_are_backend_unavailable(monkeypatch):
    with lt_fake_server.running_server(mode="malformed") as srv:
        monkeypatch.setenv("ACU_LINT_LANGUAGETOOL_URL", srv.url)
        with pytest.raises(BackendUnavailable, match="^grammar: "):
            list(grammar.check(Document("It can can help.\n", "a.txt"), dict(grammar.OPTIONS)))


def test_public_service_is_never_contacted_by_default(monkeypatch):
    calls = []
    monkeypatch.setattr(lt.HTTPBackend, "request", lambda self, *a, **k: calls.append(self.url))
    with pytest.raises(BackendUnavailable, match="no LanguageTool configured"):
        list(grammar.check(Document("It can can help.\n", "a.txt"), dict(grammar.OPTIONS)))
    assert calls == []


def test_response_parsing_unit():
    text = "\U0001F600 a b"
    data = {"software": {"version": "6.8"}, "matches": [
        {"offset": 3, "length": 1, "message": "Did you mean <suggestion>A</suggestion>?",
         "replacements": [{"value": "A"}], "rule": {"id": "X", "category": {"id": "C", "name": "Cat"}}}]}
    version, raw = lt.parse_check_response(data, text)
    assert version == "6.8" and [(s, e) for s, e, _ in raw] == [(2, 3)] and text[2:3] == "a"
    m = lt._to_ltmatch(*raw[0])
    assert m.message == "Did you mean \u201cA\u201d?" and m.category_id == "C"
    for bad in ([], {"matches": "x"}, {"matches": [{"offset": "1", "length": 1, "rule": {"id": "X"}}]},
                {"matches": [{"offset": 1, "length": 1, "rule": {}}]}):
        with pytest.raises(ValueError):
            lt.parse_check_response(bad, text)
    assert lt.normalize_url("http://h:8081/v2/") == lt.normalize_url("http://h:8081") == "http://h:8081"


# ---------------------------------------------------------------------------
# a local install: a fake `java` that runs the fake server
# ---------------------------------------------------------------------------
FAKE_JAVA = """#!{python}
import os, sys
if "-version" in sys.argv:
    sys.stderr.write('openjdk version "%s" 2024-01-16\\n' % os.environ.get("FAKE_JAVA_VERSION", "17.0.10"))
    sys.exit(0)
log = os.environ.get("FAKE_JAVA_LOG")
if log:
    with open(log, "a") as fh:
        fh.write(" ".join(sys.argv[1:]) + "\\n")
once = os.environ.get("FAKE_JAVA_BIND_FAIL_ONCE")
if once and not os.path.exists(once):
    open(once, "w").close()
    sys.stderr.write("java.net.BindException: Address already in use\\n")
    sys.exit(1)
if os.environ.get("FAKE_JAVA_FAIL"):
    sys.stderr.write("Error: Could not find or load main class org.languagetool.server.HTTPServer\\n")
    sys.exit(1)
sys.path.insert(0, {tests!r})
import lt_fake_server
lt_fake_server.main(sys.argv[1:])
"""


@pytest.fixture
def local_install(tmp_path):
    """(env for a run that finds a local LanguageTool, pidfile, log file)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(FAKE_JAVA.replace("{python}", sys.executable).replace("{tests!r}", repr(str(TESTS))))
    java.chmod(0o755)
    install = tmp_path / "ltp" / "LanguageTool-6.8"
    install.mkdir(parents=True)
    (install / "languagetool-server.jar").write_bytes(b"not really a jar")
    pidfile, log = tmp_path / "java.pid", tmp_path / "java.log"
    env = cli_env(tmp_path, LTP_PATH=str(tmp_path / "ltp"), PATH=f"{bin_dir}{os.pathsep}/usr/bin:/bin",
                  FAKE_LT_PIDFILE=str(pidfile), FAKE_JAVA_LOG=str(log))
    return env, pidfile, log


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead for our purposes
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def _wait_dead(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_local_install_one_server_per_run_and_stopped_after(tmp_path, local_install):
    env, pidfile, log = local_install
    paths = [article(tmp_path, ARTICLE, f"a{i}.txt") for i in range(3)]
    rc, out, err = run(["--grammar", *paths], tmp_path, env)
    assert (rc, err) == (1, [])
    assert out.count(" grammar Possible typo") == 3
    starts = log.read_text().splitlines()
    assert len(starts) == 1
    assert "org.languagetool.server.HTTPServer --port" in starts[0] and "languagetool-server.jar" in starts[0]
    assert _wait_dead(int(pidfile.read_text()), 5), "the LanguageTool process outlived the run"
    # unchanged files: everything comes from the cache, Java is not even started
    rc2, out2, err2 = run(["--grammar", *paths], tmp_path, env)
    assert (rc2, err2, out2) == (1, [], out)
    assert len(log.read_text().splitlines()) == 1


def test_local_install_via_ltp_jar_dir_path(tmp_path, local_install):
    env, pidfile, log = local_install
    env = dict(env, LTP_PATH=str(tmp_path / "empty"), LTP_JAR_DIR_PATH=str(tmp_path / "ltp" / "LanguageTool-6.8"))
    rc, out, err = run(["--grammar", article(tmp_path)], tmp_path, env)
    assert (rc, err) == (1, []) and " grammar " in out
    assert _wait_dead(int(pidfile.read_text()), 5)


@pytest.mark.parametrize("change,needles", [
    ({"PATH": "/nonexistent"}, ["Java was not found", "Java 17+"]),
    ({"FAKE_JAVA_VERSION": "11.0.2"}, ["needs Java 17 or newer", "Java 11"]),
    ({"FAKE_JAVA_VERSION": "1.8.0_201"}, ["Java 8"]),
    ({"FAKE_JAVA_FAIL": "1"}, ["exited during start-up", "Could not find or load main class"]),
    ({"LTP_JAR_DIR_PATH": "/nonexistent/folder"}, ["LTP_JAR_DIR_PATH=/nonexistent/folder", "languagetool-server.jar"]),
])
def test_local_install_failures(tmp_path, local_install, change, needles):
    env, pidfile, log = local_install
    _assert_unavailable(*run(["--grammar", article(tmp_path)], tmp_path, dict(env, **change)), *needles)


def test_local_install_retries_when_its_port_was_taken(tmp_path, local_install):
    env, pidfile, log = local_install
    env = dict(env, FAKE_JAVA_BIND_FAIL_ONCE=str(tmp_path / "failed-once"))
    rc, out, err = run(["--grammar", article(tmp_path)], tmp_path, env)
    assert (rc, err) == (1, []) and " grammar " in out
    assert len(log.read_text().splitlines()) == 2
    assert _wait_dead(int(pidfile.read_text()), 5)


def _start_and_wait_for_java(tmp_path, env):
    env = dict(env, FAKE_LT_DELAY="60")  # every check hangs: the run is busy when we strike
    e = dict(os.environ)
    e.update(env)
    e = {k: v for k, v in e.items() if not (k in LT_ENV and v == "")}
    proc = subprocess.Popen([sys.executable, "-m", "acu_lint", "--grammar", article(tmp_path)], env=e,
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    pidfile = Path(env["FAKE_LT_PIDFILE"])
    deadline = time.monotonic() + 30
    while not pidfile.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pidfile.exists(), proc.communicate(timeout=5)
    time.sleep(1.0)  # let acu-lint see the server ready and send its check
    return proc, int(pidfile.read_text())


@pytest.mark.parametrize("sig,expected_rc", [
    (signal.SIGTERM, -signal.SIGTERM),
    (signal.SIGINT, 130),
    (signal.SIGHUP, -signal.SIGHUP),
    (signal.SIGKILL, -signal.SIGKILL),
])
def test_no_orphaned_java_after_signal(tmp_path, local_install, sig, expected_rc):
    if sig == signal.SIGKILL and not sys.platform.startswith("linux"):
        pytest.skip("the kernel's parent-death signal is Linux only")
    env, _pidfile, _log = local_install
    proc, java_pid = _start_and_wait_for_java(tmp_path, env)
    assert _alive(java_pid)
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == expected_rc, err
    assert b"Traceback" not in err
    assert _wait_dead(java_pid, 10), "the LanguageTool process outlived acu-lint"


# ---------------------------------------------------------------------------
# acu-lint grammar-setup
# ---------------------------------------------------------------------------
def test_setup_check_reports_a_server(tmp_path):
    with lt_fake_server.running_server() as srv:
        rc, out, err = run(["grammar-setup", "--check"], tmp_path,
                           cli_env(tmp_path, ACU_LINT_LANGUAGETOOL_URL=srv.url))
    assert rc == 0, (out, err)
    assert f"server: {srv.url} (ACU_LINT_LANGUAGETOOL_URL) answers: LanguageTool 6.8-fake" in out
    assert "grammar: ready" in out


def test_setup_check_with_nothing_exits_3(tmp_path):
    rc, out, err = run(["grammar-setup", "--check"], tmp_path, cli_env(tmp_path, PATH="/nonexistent"))
    assert rc == 3
    assert "local install: none in" in out and "java: not found" in out and "no LanguageTool configured" in out


def test_setup_check_finds_the_local_install(tmp_path, local_install):
    env, _pidfile, log = local_install
    rc, out, err = run(["grammar-setup", "--check"], tmp_path, env)
    assert rc == 0, (out, err)
    assert "local install: " in out and "languagetool-server.jar" in out and "(Java 17)" in out
    assert not log.exists()  # checking does not start LanguageTool


class _ZipHost:
    """Serves one zip file, standing in for LanguageTool's download server."""

    def __init__(self, payload: bytes):
        self.hits = 0
        host = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):  # noqa: N802
                host.hits += 1
                self.send_response(200)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_setup_downloads_with_language_tool_python_then_lint_uses_it(tmp_path, local_install):
    env, pidfile, log = local_install
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("LanguageTool-6.8/languagetool-server.jar", b"fake jar")
        z.writestr("LanguageTool-6.8/README.md", b"fake")
    payload = buf.getvalue()
    host = _ZipHost(payload)
    try:
        target = tmp_path / "downloads"
        env = dict(env, LTP_PATH=str(target), NO_PROXY="127.0.0.1,localhost",
                   LTP_DOWNLOAD_HOST_NEW_RELEASES=host.url + "LanguageTool-{version}/",
                   LTP_DOWNLOAD_SHA256=hashlib.sha256(payload).hexdigest())
        rc, out, err = run(["grammar-setup", "--lt-version", "6.8"], tmp_path, env)
        assert rc == 0, (out, err)
        assert host.hits == 1
        assert (target / "LanguageTool-6.8" / "languagetool-server.jar").is_file()
        assert "installed: " in out and "grammar: ready" in out
        # a lint run now finds it and starts it (the fake java)
        rc, out, err = run(["--grammar", article(tmp_path)], tmp_path, env)
        assert (rc, err) == (1, []) and " grammar " in out
        assert host.hits == 1  # the lint run downloaded nothing
        assert _wait_dead(int(pidfile.read_text()), 5)
    finally:
        host.close()


def test_setup_download_failure_is_one_clear_line(tmp_path, local_install):
    env, _pidfile, _log = local_install
    env = dict(env, LTP_PATH=str(tmp_path / "downloads"), NO_PROXY="127.0.0.1,localhost",
               LTP_DOWNLOAD_HOST_NEW_RELEASES="http://127.0.0.1:9/LanguageTool-{version}/")
    rc, out, err = run(["grammar-setup"], tmp_path, env)
    assert rc == 3
    assert "grammar: download failed:" in out and "Traceback" not in out + "\n".join(err)


def test_lint_run_never_downloads(tmp_path, monkeypatch):
    """With nothing installed, check() fails fast without touching the wrapper's downloader."""
    import language_tool_python.download_lt as dl

    monkeypatch.setattr(dl.LocalLanguageTool, "_get_remote_zip", lambda *a, **k: pytest.fail("downloaded"))
    with pytest.raises(BackendUnavailable):
        list(grammar.check(Document("It can can help.\n", "a.txt"), dict(grammar.OPTIONS)))


# ---------------------------------------------------------------------------
# a real LanguageTool, where one is configured
# ---------------------------------------------------------------------------
REAL_LT = os.environ.get("ACU_LINT_TEST_LANGUAGETOOL_URL", "")


@pytest.mark.skipif(not REAL_LT, reason="no real LanguageTool configured: set ACU_LINT_TEST_LANGUAGETOOL_URL="
                                        "http://localhost:8081 to run this test (see docs/grammar.md)")
def test_real_languagetool(tmp_path, monkeypatch):
    monkeypatch.setenv("ACU_LINT_LANGUAGETOOL_URL", REAL_LT)
    text = ("Acupuncture for Back Pain\n\nAcupuncture can ease the the pain in your lower back.\n\n"
            "Moxibustion warms acupoints to move Qi, and it may help some people with neuropathy.\n")
    fs = check(text)
    assert any(f.line == 3 and text[f.start:f.end].lower() == "the the" for f in fs), [f.message for f in fs]
    assert not [f for f in fs if f.line == 5], [f.message for f in fs if f.line == 5]
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    seed = seeds / "002_61f04f7f713dda28.txt"
    if seed.is_file():
        found = check(seed.read_text(encoding="utf-8"), seed.name)
        assert any(f.line == 5 for f in found), [(f.line, f.message) for f in found]
