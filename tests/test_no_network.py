"""No network by default: nothing is sent anywhere unless a LanguageTool
server is configured.

The CLI runs in a subprocess whose sockets are disabled by a
``sitecustomize`` module on PYTHONPATH: every connect, DNS lookup or UDP send
is written to a log file and then refused. The default lint, fixing, every
output format and the other commands must pass and log nothing.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import run_cli

SITECUSTOMIZE = textwrap.dedent('''
    import os
    import socket

    _LOG = os.environ["ACU_TEST_NETLOG"]
    open(_LOG + ".loaded", "a").close()  # proof that the guard was active in this process

    def _refuse(what, *args):
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(f"{what} {args!r}\\n")
        raise OSError(101, f"network disabled by the test ({what})")

    def _connect(self, address, *a):
        _refuse("connect", address)

    def _connect_ex(self, address, *a):
        _refuse("connect_ex", address)

    def _sendto(self, data, *a):
        _refuse("sendto", a[-1] if a else None)

    socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    socket.socket.sendto = _sendto
    socket.create_connection = lambda address, *a, **k: _refuse("create_connection", address)
    socket.getaddrinfo = lambda host, *a, **k: _refuse("getaddrinfo", host)
    socket.gethostbyname = lambda host: _refuse("gethostbyname", host)
''')

MD = """---
title: Acupuncture for Neck Pain
---
# Acupuncture for Neck Pain

Acupuncture for Neck Pain

Neck pain is common, and many people try acupuncture alongside gentle exercise. Studies show it
cures neck pain for good. A first session usually starts with questions about your health.

![A practitioner at work](https://example.org/photo.jpg)

Image prompt: a woman receiving acupuncture on her neck, soft light

1. Rest.
2. Heat.
4. Stretch.

See <https://example.org/research> for more.

Leave a Comment
"""
TXT = "nervous system\n\nAcupuncture for Sleep\n\nPoor sleep is common. Experts say acupuncture always works.\n\nScroll to Top\n"
HTML = ("<html><head><title>Back Pain</title><link rel='stylesheet' href='https://example.org/x.css'></head>"
        "<body><h1>Back Pain</h1><p>Back pain often eases within weeks.</p>"
        "<img src='https://example.org/a.jpg' alt='a needle'><p>Share this: Facebook Twitter</p></body></html>")


@pytest.fixture
def offline(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "netlog.txt"
    pythonpath = os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env = {
        "PYTHONPATH": pythonpath,
        "ACU_TEST_NETLOG": str(log),
        "ACU_LINT_CACHE_DIR": str(tmp_path / "cache"),
        # no LanguageTool configured, and no proxy to reach
        "ACU_LINT_LANGUAGETOOL_URL": "",
        "LTP_PATH": str(tmp_path / "no-languagetool"),
        "HTTP_PROXY": "", "HTTPS_PROXY": "", "http_proxy": "", "https_proxy": "",
    }
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "neck.md").write_text(MD, encoding="utf-8")
    (articles / "sleep.txt").write_text(TXT, encoding="utf-8")
    (articles / "back.html").write_text(HTML, encoding="utf-8")
    return tmp_path, env, log


def test_the_socket_block_works(offline):
    """The guard itself: a connection attempt in the same setup is refused and logged."""
    tmp, env, log = offline
    code = "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.org', timeout=5)\nexcept OSError:\n    pass\n"
    r = subprocess.run([sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert log.is_file() and log.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("args", [
    ["articles"],
    ["--format", "json", "articles"],
    ["--format", "sarif", "articles"],
    ["--format", "github", "articles"],
    ["--format", "junit", "articles"],
    ["--statistics", "--jobs", "2", "articles"],
    ["--select", "ALL", "--ignore", "grammar", "--no-cache", "articles"],
    ["--diff", "articles"],
])
def test_default_lint_sends_nothing(offline, args):
    tmp, env, log = offline
    from acu_lint import reporters

    if "--format" in args and args[args.index("--format") + 1] not in reporters.names():
        pytest.skip("format not available in this version")
    r = run_cli(*args, cwd=tmp, env=env)
    assert "Traceback" not in r.stderr.decode()
    assert r.returncode == 1, r.stderr  # the articles have findings; nothing failed
    assert r.stderr == b""
    assert Path(str(log) + ".loaded").exists()  # the guard was on
    assert not log.exists(), log.read_text(encoding="utf-8")


def test_fix_sends_nothing(offline):
    tmp, env, log = offline
    r = run_cli("--fix", "--unsafe-fixes", "articles", cwd=tmp, env=env)
    assert "Traceback" not in r.stderr.decode() and r.returncode in (0, 1), r.stderr
    assert "Leave a Comment" not in (tmp / "articles" / "neck.md").read_text(encoding="utf-8")
    assert not log.exists(), log.read_text(encoding="utf-8")


def test_stdin_and_other_commands_send_nothing(offline):
    tmp, env, log = offline
    r = run_cli("-", "--stdin-filename", "x.md", "--format", "json", input=MD.encode(), cwd=tmp, env=env)
    assert r.returncode == 1 and json.loads(r.stdout)
    for args in (["rules"], ["explain", "readability"], ["--version"], ["--help"]):
        r = run_cli(*args, cwd=tmp, env=env)
        assert r.returncode == 0, (args, r.stderr)
    assert not log.exists(), log.read_text(encoding="utf-8")


def test_grammar_without_a_server_does_not_reach_out(offline):
    """--grammar with no server and no local LanguageTool: exit 3 with one line,
    and no connection beyond this machine."""
    tmp, env, log = offline
    env = {**env, "PATH": str(tmp / "empty-bin")}  # no java to start a local LanguageTool with
    r = run_cli("--grammar", "--no-cache", "articles/sleep.txt", cwd=tmp, env=env)
    err = r.stderr.decode()
    assert "Traceback" not in err
    assert r.returncode == 3, err
    assert len(err.splitlines()) == 1
    attempts = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    remote = [a for a in attempts if not any(h in a for h in ("127.0.0.1", "localhost", "'::1'"))]
    assert remote == [], attempts
