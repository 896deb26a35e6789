"""Configuration is untrusted input.

A config file comes with a repository and runs on every writer's machine, so:
YAML is read with ``safe_load`` only (no Python tags), broken or hostile files
give one line naming the file and exit 2, and user-supplied regular
expressions cannot hang a run: each match runs under a time limit
(acu_lint/patterns.py), and a pattern that hits it is reported by config file,
key and pattern.
"""
from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli

from acu_lint.config import TOP_LEVEL_KEYS, parse_config
from acu_lint.model import ConfigError
from acu_lint.patterns import MATCH_TIMEOUT, PatternError, compile_user_pattern
from acu_lint.rules import load_registry

GOOD = "Acupuncture for Knee Pain\n\nKnee pain is common in older adults, and gentle exercise may help.\n\nLeave a Comment\n"


def project(tmp_path: Path, config: str | bytes, name: str = ".acu-lint.yaml") -> Path:
    (tmp_path / name).write_bytes(config.encode() if isinstance(config, str) else config)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def one_error(r, *words: str) -> str:
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, lines
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


# ---------------------------------------------------------------------------
# YAML: safe_load only
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("payload", [
    '!!python/object/apply:os.system ["touch {marker}"]',
    '!!python/object/apply:subprocess.call [["touch", "{marker}"]]',
    "!!python/object:collections.OrderedDict {{}}",
    "!!python/name:os.system",
    "!!python/module:os",
    '!!python/object/new:type ["X", [], {{}}]',
])
@pytest.mark.parametrize("where", ["top", "nested"])
def test_python_tags_are_refused(tmp_path, payload, where):
    marker = tmp_path / "pwned"
    body = payload.format(marker=marker)
    config = body + "\n" if where == "top" else f"rules:\n  web-boilerplate:\n    extra_patterns: {body}\n"
    project(tmp_path, config)
    r = run_cli("good.txt", cwd=tmp_path)
    assert r.returncode == 2
    line = one_error(r, str(tmp_path / ".acu-lint.yaml"), "YAML tag not allowed")
    assert "python/" in line
    assert r.stdout == b""  # nothing linted with a config that could not be read
    assert not marker.exists()


def test_no_unsafe_yaml_loader_anywhere():
    """No code path names a YAML loader that can build Python objects, and
    every ``yaml.load`` call passes an explicit Loader (the safe one)."""
    import ast

    root = Path(__file__).resolve().parents[1]
    unsafe = {"unsafe_load", "unsafe_load_all", "full_load", "full_load_all", "UnsafeLoader", "FullLoader", "Loader",
              "CLoader", "CUnsafeLoader", "CFullLoader"}
    offenders = []
    for py in [*root.joinpath("acu_lint").rglob("*.py"), *root.joinpath("lint_rules").rglob("*.py")]:
        tree = ast.parse(py.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml":
                if node.attr in unsafe:
                    offenders.append(f"{py.relative_to(root)}:{node.lineno}: yaml.{node.attr}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("load", "load_all")
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "yaml"):
                if not any(k.arg == "Loader" for k in node.keywords):
                    offenders.append(f"{py.relative_to(root)}:{node.lineno}: yaml.{node.func.attr} without Loader")
    assert offenders == []


def test_front_matter_tags_in_an_article_are_not_executed(tmp_path):
    marker = tmp_path / "pwned"
    article = tmp_path / "a.md"
    article.write_text(f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\n'
                       "# Knee Pain\n\nKnee pain is common.\n\nLeave a Comment\n")
    r = run_cli("--select", "web-boilerplate", "--format", "json", "a.md", cwd=tmp_path)
    assert "Traceback" not in r.stderr.decode()
    assert not marker.exists()
    assert [f["line"] for f in json.loads(r.stdout)] == [8]


@pytest.mark.parametrize("config,words", [
    ("select: [web-boilerplate\n", ["YAML syntax error"]),
    ("rules:\n  web-boilerplate: [x\n   - y: z\n", ["YAML syntax error"]),
    ("- just\n- a list\n", ["must be a mapping"]),
    ("select: " + "[" * 50_000 + "\n", ["nested too deeply"]),
    ("select: " + "[" * 400 + "]" * 400 + "\n", []),
    ("unknown-key: 1\n", ["unknown key 'unknown-key'"]),
    ("select: [no-such-rule]\n", ["unknown rule 'no-such-rule'"]),
    ('select: ["web-\\nboilerplate"]\n', ["unknown rule 'web-\\nboilerplate'"]),  # stays one line
    ("rules:\n  duplicate-line:\n    min_words: .inf\n", ["rules.duplicate-line.min_words", "must be a number"]),
    ("rules:\n  duplicate-line:\n    min_words: .nan\n", ["rules.duplicate-line.min_words"]),
    ("rules:\n  duplicate-line:\n    min_words: yes\n", ["rules.duplicate-line.min_words"]),
    ("rules:\n  duplicate-line:\n    colour: red\n", ["unknown option 'rules.duplicate-line.colour'"]),
    ("severity:\n  web-boilerplate: fatal\n", ["severity.web-boilerplate"]),
])
def test_broken_configs_give_one_line_naming_the_file(tmp_path, config, words):
    project(tmp_path, config)
    r = run_cli("good.txt", cwd=tmp_path)
    assert r.returncode == 2
    one_error(r, ".acu-lint.yaml", *words)


def test_billion_laughs_aliases_do_not_explode(tmp_path):
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        prev = name
    lines.append("exclude: *i")
    project(tmp_path, "\n".join(lines) + "\n")
    t0 = time.monotonic()
    r = run_cli("good.txt", cwd=tmp_path, timeout=60)
    assert time.monotonic() - t0 < 60
    assert r.returncode == 2
    one_error(r, ".acu-lint.yaml")


def test_invalid_utf8_and_binary_config(tmp_path):
    project(tmp_path, b"select: [\xff\xfe]\n")
    r = run_cli("good.txt", cwd=tmp_path)
    assert r.returncode == 2
    one_error(r, ".acu-lint.yaml", "not valid UTF-8")


@pytest.mark.parametrize("toml,words", [
    ("[tool.acu-lint]\nselect = " + "[" * 50_000 + "\n", ["nested too deeply"]),
    ("[tool.acu-lint]\nselect = [\n", ["TOML syntax error"]),
    ("[tool]\nacu-lint = 3\n", ["must be a table"]),
    ('[tool.acu-lint]\nselect = ["web-boilerplate"]\nbogus = 1\n', ["unknown key 'bogus'"]),
])
def test_broken_pyproject(tmp_path, toml, words):
    project(tmp_path, toml, name="pyproject.toml")
    r = run_cli("good.txt", cwd=tmp_path)
    assert r.returncode == 2
    one_error(r, "pyproject.toml", *words)


def test_explicit_config_that_is_missing_or_a_folder(tmp_path):
    project(tmp_path, "select: [web-boilerplate]\n")
    r = run_cli("--config", "nope.yaml", "good.txt", cwd=tmp_path)
    assert r.returncode == 2
    one_error(r, "nope.yaml")
    (tmp_path / "folder.yaml").mkdir()
    r = run_cli("--config", "folder.yaml", "good.txt", cwd=tmp_path)
    assert r.returncode == 2
    one_error(r, "folder.yaml")


# ---------------------------------------------------------------------------
# User patterns: bounded, and reported by file and key
# ---------------------------------------------------------------------------
def pattern_config(pattern: str) -> str:
    return "rules:\n  web-boilerplate:\n    extra_patterns:\n      - " + json.dumps(pattern) + "\n"


EVIL_LINE = "a" * 30_000 + "!"


def test_nested_quantifier_pattern_cannot_hang_the_run(tmp_path):
    """The classic (a+)+$ on a long line of a's and a '!' finishes; with the
    regex engine it is either answered fast or cut off by the time limit."""
    project(tmp_path, pattern_config("(a+)+$"))
    (tmp_path / "evil.txt").write_text("Evil Input\n\n" + EVIL_LINE + "\n\n" + EVIL_LINE + " " + EVIL_LINE + "\n")
    t0 = time.monotonic()
    r = run_cli("--format", "json", "evil.txt", "good.txt", cwd=tmp_path, timeout=120)
    elapsed = time.monotonic() - t0
    assert elapsed < 120
    err = r.stderr.decode()
    assert "Traceback" not in err
    assert r.returncode in (1, 2)
    findings = json.loads(r.stdout)
    assert any(f["path"] == "good.txt" and f["rule"] == "web-boilerplate" for f in findings)


@pytest.mark.parametrize("pattern", ["(a|aa)+$", "(a|a?)+$", "(aa|a)+$"])
def test_pattern_that_hits_the_time_limit_is_named_by_file_and_key(tmp_path, pattern):
    project(tmp_path, pattern_config(pattern))
    (tmp_path / "evil.txt").write_text("Evil Input\n\n" + EVIL_LINE + "\n\nLeave a Comment\n")
    r = run_cli("--format", "json", "evil.txt", "good.txt", cwd=tmp_path, timeout=120)
    assert r.returncode == 2
    line = one_error(r, "evil.txt", str(tmp_path / ".acu-lint.yaml"), "rules.web-boilerplate.extra_patterns",
                     repr(pattern), "took longer than")
    assert "catastrophic backtracking" in line
    findings = json.loads(r.stdout)
    # the other file is still linted, with the same user pattern
    assert [f["line"] for f in findings if f["path"] == "good.txt" and f["rule"] == "web-boilerplate"] == [5]


def test_time_limit_per_match():
    p = compile_user_pattern("(a|aa)+$", "rules.x.extra_patterns[0]")
    t0 = time.monotonic()
    with pytest.raises(PatternError) as info:
        p.fullmatch(EVIL_LINE)
    assert time.monotonic() - t0 < MATCH_TIMEOUT * 20  # bounded, with room for a slow machine
    assert "rules.x.extra_patterns[0]" in str(info.value) and "\n" not in str(info.value)
    # an ordinary pattern is unaffected
    assert compile_user_pattern("leave a comment", "k").fullmatch("Leave a Comment")


@pytest.mark.parametrize("pattern", ["(a", "[z-a]", "a{2,1}", "(?P<x>a)(?P<y", "\\"])
def test_invalid_pattern_names_file_and_key(tmp_path, pattern):
    project(tmp_path, pattern_config(pattern))
    r = run_cli("good.txt", cwd=tmp_path)
    assert r.returncode == 2
    one_error(r, str(tmp_path / ".acu-lint.yaml"), "rules.web-boilerplate", "extra_patterns[0]",
              "invalid regular expression")


def test_empty_pattern_is_refused(tmp_path):
    project(tmp_path, pattern_config(""))
    r = run_cli("good.txt", cwd=tmp_path)
    assert r.returncode == 2
    one_error(r, ".acu-lint.yaml", "extra_patterns[0]")


# ---------------------------------------------------------------------------
# Any config data: a ConfigError (one line) or a Config, never anything else
# ---------------------------------------------------------------------------
_REG = load_registry()
_IDS = _REG.ids()
_OPTS = sorted({o for r in _REG for o in r.options})
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.sampled_from(_IDS + ["ALL", "error", "warning", "info", "*.md", "(a+)+$", "(", ""]),
)
_KEYS = st.one_of(st.sampled_from(sorted(TOP_LEVEL_KEYS) + _IDS + _OPTS), st.text(max_size=6), st.integers(0, 3))
_VALUES = st.recursive(_SCALARS, lambda c: st.one_of(st.lists(c, max_size=4), st.dictionaries(_KEYS, c, max_size=4)),
                       max_leaves=12)
_RULES = st.dictionaries(st.sampled_from(_IDS),
                         st.one_of(st.none(), st.dictionaries(st.sampled_from(_OPTS), _VALUES, max_size=3)), max_size=3)
_CONFIGS = st.fixed_dictionaries({}, optional={**{k: _VALUES for k in TOP_LEVEL_KEYS},
                                               "rules": st.one_of(_RULES, _VALUES)})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CONFIGS)
def test_any_config_data_is_accepted_or_refused_in_one_line(data):
    try:
        cfg = parse_config(data, "/project/.acu-lint.yaml", _REG)
    except ConfigError as exc:
        msg = str(exc)
        assert msg.startswith("/project/.acu-lint.yaml"), msg
        assert "\n" not in msg and "\r" not in msg, msg
        return
    for rid, opts in cfg.rules.items():
        for v in opts.values():
            if isinstance(v, float):
                assert math.isfinite(v)


def test_whole_number_floats_become_counts():
    cfg = parse_config({"rules": {"duplicate-line": {"min_words": 5.0}}}, "c.yaml", _REG)
    assert cfg.rules["duplicate-line"]["min_words"] == 5 and isinstance(cfg.rules["duplicate-line"]["min_words"], int)
