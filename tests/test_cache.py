"""The result cache: keyed by content, config and code, never by mtime; safe
with several processes; --no-cache; acu-lint clean."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from acu_lint import cache as cache_mod
from acu_lint.model import BackendUnavailable, Finding, Fix, Edit
from acu_lint.rules import Registry, rule_from_object
from acu_lint.runner import Settings, run
from conftest import run_cli

CALLS: list[str] = []


class CountingRule:
    """A rule that flags the word 'cures' and counts its calls."""

    ID = "counting"
    SEVERITY = "warning"
    OPTIONS = {"word": "cures"}
    FIXABLE = True

    @staticmethod
    def check(doc, options):
        CALLS.append(doc.path)
        word = options["word"]
        i = doc.text.find(word)
        while i >= 0:
            yield Finding(i, i + len(word), f"'{word}' found", fix=Fix((Edit(i, i + len(word), "may help"),), safe=False),
                          suggestion="may help", data={"n": 1, "list": [1, 2]})
            i = doc.text.find(word, i + 1)


class UnavailableRule:
    ID = "unavailable"
    SEVERITY = "warning"

    @staticmethod
    def check(doc, options):
        CALLS.append(doc.path)
        raise BackendUnavailable("backend down")


class BrokenRule:
    ID = "broken"
    SEVERITY = "warning"

    @staticmethod
    def check(doc, options):
        CALLS.append(doc.path)
        raise RuntimeError("bug")


def registry(*objs) -> Registry:
    rules = {o.ID: rule_from_object(o.ID, o) for o in (objs or (CountingRule,))}
    return Registry(rules)


@pytest.fixture(autouse=True)
def _fresh(monkeypatch, tmp_path):
    CALLS.clear()
    cache_mod.reset()
    monkeypatch.delenv("ACU_LINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    yield
    cache_mod.reset()


def articles(root: Path, n: int = 3) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = root / f"a{i}.txt"
        p.write_text(f"Article {i}\n\nAcupuncture cures pain number {i}. It cures more.\n", encoding="utf-8")
        paths.append(str(p))
    return paths


def lint(paths, reg=None, **kw):
    settings = Settings(cache=kw.pop("cache", True), **kw)
    return run(list(paths), settings, reg or registry())


def as_json(result):
    return [f.to_json() for f in result.findings]


def entries(root: Path) -> list[Path]:
    return sorted((root / ".acu-lint-cache" / "results").rglob("*.json"))


def read_entry(path: Path) -> tuple[dict, list]:
    data = json.loads(path.read_bytes())
    return data, data["findings"]


def write_entry(path: Path, head: dict, findings: list) -> None:
    from acu_lint.cache import new_hash

    body = json.dumps(findings, separators=(",", ":")).encode("ascii")
    data = dict(head, findings=findings, sum=new_hash(body).hexdigest())
    path.write_bytes(json.dumps(data).encode("ascii"))


# ---------------------------------------------------------------------------
def test_second_run_reads_the_cache_and_gives_the_same_findings(tmp_path):
    paths = articles(tmp_path / "docs")
    first = lint(paths)
    assert len(CALLS) == 3 and len(first.findings) == 6
    assert len(entries(tmp_path)) == 3
    CALLS.clear()
    second = lint(paths)
    assert CALLS == []  # no rule ran
    assert as_json(second) == as_json(first)
    f = second.findings[0]
    assert f.fix is not None and not f.fix.safe and f.fix.edits[0].text == "may help"
    assert f.suggestion == "may help" and f.data == {"n": 1, "list": [1, 2]}
    assert (f.start, f.end, f.snippet) == (first.findings[0].start, first.findings[0].end, "cures")
    assert f.path == paths[0]


def test_changed_content_is_relinted_even_with_the_same_mtime(tmp_path):
    paths = articles(tmp_path / "docs")
    lint(paths)
    p = Path(paths[1])
    st = os.stat(p)
    p.write_text("Article 1\n\nNothing here cures anything. cures cures\n", encoding="utf-8")
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))  # same mtime, as after a fast edit or a checkout
    CALLS.clear()
    result = lint(paths)
    assert CALLS == [paths[1]]
    assert sum(1 for f in result.findings if f.path == paths[1]) == 3


def test_touching_a_file_does_not_invalidate_it(tmp_path):
    paths = articles(tmp_path / "docs")
    lint(paths)
    os.utime(paths[0], (1, 1))  # a fresh CI checkout: new mtimes, same content
    CALLS.clear()
    lint(paths)
    assert CALLS == []


def test_options_and_severity_are_part_of_the_key(tmp_path):
    paths = articles(tmp_path / "docs", 1)
    lint(paths)
    CALLS.clear()
    result = lint(paths, rule_options={"counting": {"word": "pain"}})
    assert CALLS == paths and {f.message for f in result.findings} == {"'pain' found"}
    CALLS.clear()
    (tmp_path / ".acu-lint.yaml").write_text("severity:\n  counting: error\n", encoding="utf-8")
    result = lint(paths)
    assert CALLS == paths and {f.severity for f in result.findings} == {"error"}
    CALLS.clear()
    result = lint(paths)
    assert CALLS == [] and {f.severity for f in result.findings} == {"error"}


def test_rule_selection_is_part_of_the_key(tmp_path):
    paths = articles(tmp_path / "docs", 1)
    reg = registry(CountingRule, UnavailableRule)
    lint(paths, reg, select=["counting"])
    CALLS.clear()
    lint(paths, reg, select=["counting"])
    assert CALLS == []
    lint(paths, reg, select=["counting", "unavailable"])
    assert len(CALLS) == 2


def test_no_cache_neither_reads_nor_writes(tmp_path):
    paths = articles(tmp_path / "docs")
    lint(paths, cache=False)
    assert not (tmp_path / ".acu-lint-cache").exists()
    lint(paths)
    CALLS.clear()
    lint(paths, cache=False)
    assert len(CALLS) == 3


def test_fix_runs_are_not_cached(tmp_path):
    paths = articles(tmp_path / "docs", 1)
    lint(paths, diff=True, unsafe_fixes=True)
    assert not (tmp_path / ".acu-lint-cache").exists()
    lint(paths)  # now cached
    CALLS.clear()
    result = lint(paths, diff=True, unsafe_fixes=True)
    assert CALLS and result.results[0].diff  # the fix run linted for itself


@pytest.mark.parametrize("rule", [UnavailableRule, BrokenRule])
def test_runs_with_an_unavailable_backend_or_a_failing_rule_are_not_stored(tmp_path, rule):
    paths = articles(tmp_path / "docs", 1)
    reg = registry(CountingRule, rule)
    first = lint(paths, reg, select=["counting", rule.ID])
    assert first.unavailable or first.errors
    assert entries(tmp_path) == []
    CALLS.clear()
    second = lint(paths, reg, select=["counting", rule.ID])
    assert len(CALLS) == 2  # both rules ran again
    assert (second.unavailable, second.errors) == (first.unavailable, first.errors)


def test_a_rule_can_opt_out_of_the_cache(tmp_path, monkeypatch):
    paths = articles(tmp_path / "docs", 1)
    monkeypatch.setattr(sys.modules[__name__], "CACHEABLE", False, raising=False)
    lint(paths)
    assert entries(tmp_path) == []


def test_cache_token_hook_is_part_of_the_key(tmp_path, monkeypatch):
    paths = articles(tmp_path / "docs", 1)
    monkeypatch.setattr(sys.modules[__name__], "cache_token", lambda options: "server-A", raising=False)
    lint(paths)
    CALLS.clear()
    lint(paths)
    assert CALLS == []
    monkeypatch.setattr(sys.modules[__name__], "cache_token", lambda options: "server-B", raising=False)
    lint(paths)
    assert CALLS == paths


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"format": 2}', b"[]", b'{"format": 999}',
                                     b"\xff\xfe\x00", b'{"format":2,"content":"x","setup":"y","sum":"z","findings":[{}]}',
                                     b"\n\n"])
def test_corrupt_entries_are_ignored_and_rebuilt(tmp_path, garbage):
    paths = articles(tmp_path / "docs")
    expected = as_json(lint(paths))
    for e in entries(tmp_path):
        e.write_bytes(garbage)
    CALLS.clear()
    result = lint(paths)
    assert as_json(result) == expected and len(CALLS) == 3
    for e in entries(tmp_path):
        assert read_entry(e)[0]["format"] == cache_mod.FORMAT
    CALLS.clear()
    lint(paths)
    assert CALLS == []


def test_an_entry_from_a_modified_finding_shape_is_a_miss(tmp_path):
    paths = articles(tmp_path / "docs", 1)
    lint(paths)
    e = entries(tmp_path)[0]
    head, findings = read_entry(e)
    findings[0]["no_such_field"] = 1
    write_entry(e, head, findings)  # a valid checksum, a shape this version does not know
    CALLS.clear()
    assert len(lint(paths).findings) == 2 and CALLS == paths


@pytest.mark.parametrize("edit", [
    lambda b: b.replace(b"cures' found", b"curez' found"),  # a message
    lambda b: b.replace(b'"line":3', b'"line":4'),  # a position
    lambda b: b.replace(b'"suggestion":"may help"', b'"suggestion":"may helq"'),
])
def test_a_changed_byte_in_the_findings_is_caught_by_the_checksum(tmp_path, edit):
    paths = articles(tmp_path / "docs", 1)
    expected = as_json(lint(paths))
    e = entries(tmp_path)[0]
    before = e.read_bytes()
    e.write_bytes(edit(before))
    assert e.read_bytes() != before
    CALLS.clear()
    assert as_json(lint(paths)) == expected and CALLS == paths


def test_rule_code_and_data_files_change_the_fingerprint(tmp_path, monkeypatch):
    pkg = tmp_path / "plugpkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "myrule.py").write_text("ID = 'x'\n", encoding="utf-8")
    (pkg / "words.yaml").write_text("- a\n", encoding="utf-8")
    (pkg / "notes.md").write_text("not data\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    importlib.import_module("plugpkg.myrule")
    try:
        fp1 = cache_mod.module_fingerprint("plugpkg.myrule")
        for name, text in (("words.yaml", "- a\n- b\n"), ("myrule.py", "ID = 'x'  # edited\n"),
                           ("_helpers.py", "X = 1\n")):
            cache_mod.reset()
            (pkg / name).write_text(text, encoding="utf-8")
            fp2 = cache_mod.module_fingerprint("plugpkg.myrule")
            assert fp2 != fp1, name
            fp1 = fp2
        cache_mod.reset()
        (pkg / "notes.md").write_text("changed\n", encoding="utf-8")  # not code, not data
        assert cache_mod.module_fingerprint("plugpkg.myrule") == fp1
        sys.modules["plugpkg.myrule"].CACHE_VERSION = 2
        cache_mod.reset()
        assert cache_mod.module_fingerprint("plugpkg.myrule") != fp1
    finally:
        sys.modules.pop("plugpkg.myrule", None)
        sys.modules.pop("plugpkg", None)


def test_a_different_code_fingerprint_uses_a_different_folder(tmp_path, monkeypatch):
    paths = articles(tmp_path / "docs", 1)
    lint(paths)
    cache_mod.reset()
    monkeypatch.setattr(cache_mod, "__version__", "999.0")
    CALLS.clear()
    lint(paths)
    assert CALLS == paths
    assert len(list((tmp_path / ".acu-lint-cache" / "results").iterdir())) == 2


def test_old_code_versions_are_pruned(tmp_path):
    results = tmp_path / ".acu-lint-cache" / "results"
    for i in range(6):
        d = results / f"old{i}" / "ab"
        d.mkdir(parents=True)
        (d / "x.json").write_text("{}", encoding="utf-8")
        os.utime(results / f"old{i}", (1000 + i, 1000 + i))
    paths = articles(tmp_path / "docs", 1)
    lint(paths)
    left = sorted(p.name for p in results.iterdir())
    current = os.path.basename(cache_mod.for_config(None).folder)
    assert len(left) == cache_mod.KEEP_VERSIONS and current in left
    assert {"old5", "old4", "old3"} <= set(left)  # the most recently used old ones stay
    cache_mod.reset()
    lint(paths)  # an existing folder: nothing more is pruned
    assert len(list(results.iterdir())) == cache_mod.KEEP_VERSIONS


# -- where ------------------------------------------------------------------
def test_cache_lives_beside_the_config_file(tmp_path, monkeypatch):
    project = tmp_path / "project"
    paths = articles(project / "docs" / "deep", 1)
    (project / ".acu-lint.yaml").write_text("ignore: []\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    lint(paths)
    assert entries(project) and not (elsewhere / ".acu-lint-cache").exists()
    tag = (project / ".acu-lint-cache" / "CACHEDIR.TAG").read_text(encoding="utf-8")
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (project / ".acu-lint-cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_cache_dir_in_config_and_env_override(tmp_path, monkeypatch):
    paths = articles(tmp_path / "docs", 1)
    (tmp_path / ".acu-lint.yaml").write_text("cache-dir: build/lint-cache\n", encoding="utf-8")
    lint(paths)
    assert list((tmp_path / "build" / "lint-cache" / "results").rglob("*.json"))
    monkeypatch.setenv("ACU_LINT_CACHE_DIR", str(tmp_path / "ci-cache"))
    cache_mod.reset()
    lint(paths)
    assert list((tmp_path / "ci-cache" / "results").rglob("*.json"))


def test_read_only_cache_folder_does_not_fail_the_run(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write to read-only folders")
    paths = articles(tmp_path / "docs", 1)
    (tmp_path / ".acu-lint-cache").mkdir(mode=0o500)
    result = lint(paths)
    assert len(result.findings) == 2 and not result.errors


def test_unwritable_cache_location_does_not_fail_the_run(tmp_path, monkeypatch):
    paths = articles(tmp_path / "docs", 1)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("ACU_LINT_CACHE_DIR", str(blocker / "cache"))
    result = lint(paths)
    assert len(result.findings) == 2 and not result.errors


# -- several processes --------------------------------------------------------
def test_threads_never_see_half_an_entry(tmp_path):
    c = cache_mod.ResultCache(str(tmp_path / "c"))
    from acu_lint.engine import RuleSetup

    rules = [RuleSetup("counting", CountingRule.check, {"word": "cures"}, "warning")]
    text = "cures " * 300
    findings = [Finding(i * 6, i * 6 + 5, "x" * 500, rule="counting", snippet="cures") for i in range(300)]
    bad: list[object] = []

    def writer():
        for _ in range(15):
            c.put("a.txt", text, rules, findings)

    def reader():
        for _ in range(60):
            got = c.get("a.txt", text, rules)
            if got is not None and len(got) != 300:
                bad.append(len(got))

    threads = [threading.Thread(target=writer) for _ in range(3)] + [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert bad == []
    assert len(c.get("a.txt", text, rules)) == 300
    leftovers = [p for p in (tmp_path / "c").rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == []


def test_several_processes_at_once_share_one_cache(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        (docs / f"a{i}.txt").write_text(f"Title {i}\n\nGenerate a photo of a needle, soft light.\n\nText {i} here.\n",
                                        encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1")
    env.pop("ACU_LINT_CACHE_DIR", None)
    cmd = [sys.executable, "-m", "acu_lint", "--format", "json", "-j", "1", "docs"]
    procs = [subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    reference = run_cli("--format", "json", "--no-cache", "docs", cwd=tmp_path)
    for (out, err), p in zip(outs, procs):
        assert p.returncode == reference.returncode, err
        assert json.loads(out) == json.loads(reference.stdout)
    warm = run_cli("--format", "json", "docs", cwd=tmp_path)
    assert json.loads(warm.stdout) == json.loads(reference.stdout)
    for e in (tmp_path / ".acu-lint-cache" / "results").rglob("*.json"):
        read_entry(e)
    assert not [p for p in (tmp_path / ".acu-lint-cache").rglob(".tmp-*")]


# -- the CLI -----------------------------------------------------------------
def test_cli_warm_run_equals_cold_run_and_no_cache_writes_nothing(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# Acupuncture\n\nAcupuncture\n\nLeave a Comment\n\nScroll to Top\n", encoding="utf-8")
    (docs / "b.txt").write_text("Needles\n\n1. One.\n2. Two.\n4. Four.\n", encoding="utf-8")
    off = run_cli("--format", "json", "--no-cache", "docs", cwd=tmp_path)
    assert not (tmp_path / ".acu-lint-cache" / "results").exists()
    cold = run_cli("--format", "json", "docs", cwd=tmp_path)
    assert list((tmp_path / ".acu-lint-cache" / "results").rglob("*.json"))
    warm = run_cli("--format", "json", "docs", cwd=tmp_path)
    assert json.loads(off.stdout) == json.loads(cold.stdout) == json.loads(warm.stdout)
    assert off.returncode == cold.returncode == warm.returncode


def test_clean_removes_the_cache(tmp_path):
    docs = tmp_path / "docs"
    articles(docs, 2)
    run_cli("docs", cwd=tmp_path)
    assert (tmp_path / ".acu-lint-cache").is_dir()
    out = run_cli("clean", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert b"Removed" in out.stdout
    assert not (tmp_path / ".acu-lint-cache").exists()
    again = run_cli("clean", cwd=tmp_path)
    assert again.returncode == 0 and b"No cache" in again.stdout


def test_clean_keeps_user_files_in_a_custom_cache_dir(tmp_path):
    articles(tmp_path / "docs", 1)
    keep = tmp_path / "build"
    keep.mkdir()
    (keep / "report.html").write_text("mine", encoding="utf-8")
    (tmp_path / ".acu-lint.yaml").write_text("cache-dir: build\n", encoding="utf-8")
    run_cli("docs", cwd=tmp_path)
    assert (keep / "results").is_dir()
    out = run_cli("clean", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert not (keep / "results").exists() and not (keep / "CACHEDIR.TAG").exists()
    assert (keep / "report.html").read_text(encoding="utf-8") == "mine"


def test_clean_refuses_a_folder_that_is_not_a_cache(tmp_path):
    keep = tmp_path / "stuff"
    (keep / "results").mkdir(parents=True)
    (keep / "results" / "data.csv").write_text("1,2\n", encoding="utf-8")
    (tmp_path / ".acu-lint.yaml").write_text("cache-dir: stuff\n", encoding="utf-8")
    out = run_cli("clean", cwd=tmp_path)
    assert out.returncode == 2
    assert b"does not look like an acu-lint cache" in out.stderr and b"Traceback" not in out.stderr
    assert (keep / "results" / "data.csv").exists()
