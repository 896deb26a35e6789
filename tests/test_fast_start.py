"""Fast start: the registry reads entry points without importlib.metadata, and
a lint run does not import what it does not need."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from acu_lint import entrypoints
from acu_lint.rules import ENTRY_POINT_GROUP


def test_entry_points_match_importlib_metadata():
    fast = entrypoints.entry_points(ENTRY_POINT_GROUP)
    assert fast is not None
    slow = metadata.entry_points(group=ENTRY_POINT_GROUP)
    assert sorted((e.name, e.value) for e in fast) == sorted((e.name, e.value) for e in slow)
    assert {e.dist.name.replace("-", "_").lower() for e in fast} == {
        e.dist.name.replace("-", "_").lower() for e in slow}


def _dist(site: Path, folder: str, text: str | None) -> None:
    d = site / folder
    d.mkdir(parents=True)
    (d / "METADATA").write_text("Metadata-Version: 2.1\nName: x\n", encoding="utf-8")
    if text is not None:
        (d / "entry_points.txt").write_text(text, encoding="utf-8")


def test_reads_dist_info_and_egg_info_first_name_wins(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    _dist(a, "my_plugin-1.0.dist-info", "[console_scripts]\nx = y:z\n\n[acu_lint.rules]\n"
                                        "clinic-phone = my_plugin.phone\n# comment\nother = my_plugin.o:RULE\n")
    _dist(a, "nothing-2.0.dist-info", None)
    _dist(b, "My.Plugin-0.9.dist-info", "[acu_lint.rules]\nold = my_plugin.old\n")  # shadowed
    _dist(b, "legacy.egg-info", "[acu_lint.rules]\nlegacy-rule = legacy.rule\n")
    eps = entrypoints.entry_points("acu_lint.rules", [str(a), str(tmp_path / "missing"), str(b)])
    assert eps is not None
    assert sorted((e.name, e.value, e.dist.name) for e in eps) == [
        ("clinic-phone", "my_plugin.phone", "my_plugin"),
        ("legacy-rule", "legacy.rule", "legacy"),
        ("other", "my_plugin.o:RULE", "my_plugin"),
    ]
    slow = metadata.entry_points(group="acu_lint.rules") if False else None  # noqa: F841
    found = metadata.distributions(path=[str(a), str(b)])
    names = sorted({(ep.name, ep.value) for d in found for ep in d.entry_points if ep.group == "acu_lint.rules"})
    assert ("clinic-phone", "my_plugin.phone") in names  # importlib.metadata reads the same files


def test_zip_on_the_path_falls_back_to_importlib(tmp_path):
    z = tmp_path / "plugins.zip"
    z.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    assert entrypoints.entry_points("acu_lint.rules", [str(z)]) is None


def test_entry_point_load_with_attribute(tmp_path, monkeypatch):
    pkg = tmp_path / "fastpkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("class Holder:\n    RULE = 42\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    ep = entrypoints.EntryPoint("x", "fastpkg:Holder.RULE", "g")
    assert ep.load() == 42
    assert entrypoints.EntryPoint("y", "fastpkg", "g").load().__name__ == "fastpkg"


def _modules_after(args: list[str], cwd: Path) -> set[str]:
    code = ("import sys, runpy\n"
            f"sys.argv = ['acu-lint', *{args!r}]\n"
            "try:\n    runpy.run_module('acu_lint', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "import json\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)
    return set(json.loads(r.stderr.strip().splitlines()[-1]))


def test_a_text_file_run_imports_nothing_heavy(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nSome text here that reads fine.\n", encoding="utf-8")
    mods = _modules_after(["--no-cache", "a.txt"], tmp_path)
    assert "acu_lint.runner" in mods  # it did run
    for heavy in ("importlib.metadata", "markdown_it", "language_tool_python", "nltk", "textstat",
                  "acu_lint.languagetool", "concurrent.futures.process", "multiprocessing.pool"):
        assert heavy not in mods, heavy


def test_markdown_parser_only_for_markdown(tmp_path):
    (tmp_path / "a.md").write_text("# Title\n\nSome text.\n", encoding="utf-8")
    assert "markdown_it" in _modules_after(["--no-cache", "a.md"], tmp_path)
