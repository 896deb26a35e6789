"""SARIF 2.1.0 (``--format sarif``), the format GitHub code scanning uploads.

One run; ``tool.driver`` carries every known rule with its descriptions taken
from the rule's docstring (the same text as ``acu-lint explain``), so the
reader of an alert sees why it matters and how to fix it. Locations are
relative to the current folder (``%SRCROOT%``): run acu-lint from the root of
the repository, as the example workflow in docs/ci.md does. Columns count
Unicode code points (``columnKind``), as acu-lint's columns do.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from acu_lint.reporters import Report, register

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
DEFAULT_INFORMATION_URI = "https://github.com/acu-lint/acu-lint"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_MAX_SNIPPET = 1000


def information_uri() -> str:
    """The project's home page from the installed package metadata, if any."""
    try:
        from importlib.metadata import metadata

        md = metadata("acu-lint")
        for value in md.get_all("Project-URL") or []:
            label, _, url = value.partition(",")
            if label.strip().lower() in ("homepage", "home", "repository", "source", "documentation"):
                return url.strip()
        if md.get("Home-page"):
            return md["Home-page"]
    except Exception:
        pass
    return DEFAULT_INFORMATION_URI


def artifact_location(path: str, cwd: str | None = None) -> dict[str, str]:
    """A SARIF artifactLocation: relative URI (forward slashes, percent-encoded)
    against %SRCROOT% when the file is under the current folder, else a file URI."""
    cwd = cwd or os.getcwd()
    if path.startswith("<") and path.endswith(">"):  # <stdin>
        return {"uri": quote(path.strip("<>"))}
    absolute = os.path.normpath(os.path.join(cwd, path))  # relative paths are relative to cwd
    try:
        rel = os.path.relpath(absolute, cwd)
    except ValueError:  # another drive (Windows)
        rel = None
    if rel is None or rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return {"uri": Path(absolute).as_uri()}
    return {"uri": quote(rel.replace(os.sep, "/"), safe="/"), "uriBaseId": "%SRCROOT%"}


def _rule_descriptor(rule_id: str, rule: Any | None) -> dict[str, Any]:
    if rule is None:  # a finding of a rule that is not installed here (should not happen)
        return {"id": rule_id, "name": rule_id, "shortDescription": {"text": rule_id},
                "defaultConfiguration": {"level": "warning"}}
    sections = rule.sections()
    summary = rule.summary or rule_id
    full = " ".join(sections.get("What it finds", "").split()) or summary
    doc = rule.doc.strip() or summary
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _LEVEL.get(rule.severity, "warning"), "enabled": bool(rule.default_enabled)},
        "properties": {"fixable": bool(rule.fixable), "tags": ["content-quality"]},
    }


def build(report: Report, cwd: str | None = None) -> dict[str, Any]:
    from acu_lint.baseline import fingerprint, normalize_text

    cwd = cwd or os.getcwd()
    rule_ids = list(report.rules)
    for f in report.findings:
        if f.rule not in report.rules and f.rule not in rule_ids:
            rule_ids.append(f.rule)
    index = {rid: i for i, rid in enumerate(rule_ids)}
    rules = [_rule_descriptor(rid, report.rules.get(rid)) for rid in rule_ids]
    baseline_used = bool(report.extra.get("baseline"))

    results = []
    occurrences: dict[str, int] = {}
    for f in report.findings:
        location = artifact_location(f.path, cwd)
        region: dict[str, Any] = {"startLine": max(f.line, 1), "startColumn": max(f.column, 1)}
        if f.end_line >= f.line and f.end_line > 0:
            region["endLine"] = f.end_line
            region["endColumn"] = max(f.end_column, 1)
        if f.snippet:
            region["snippet"] = {"text": f.snippet[:_MAX_SNIPPET]}
        # rule + file + text, and which copy of that text (like CodeQL's "hash:n"),
        # so GitHub tracks an alert across commits even when lines move
        fp = fingerprint(f.rule, location["uri"], normalize_text(f.snippet))
        occurrences[fp] = occurrences.get(fp, 0) + 1
        fp = f"{fp}:{occurrences[fp]}"
        message = f.message
        if f.suggestion:
            message += f" (suggestion: {f.suggestion})"
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL.get(f.severity or "warning", "warning"),
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
            "partialFingerprints": {"acuLintFingerprint/v1": fp},
        }
        if f.fix is not None:
            result["properties"] = {"fix": "safe" if f.fix.safe else "unsafe",
                                    "fixDescription": f.fix.description}
        if baseline_used:
            result["baselineState"] = "new"
        results.append(result)

    notifications = [{"level": "error", "message": {"text": e}} for e in report.errors]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "acu-lint",
                "version": report.version or "0",
                "semanticVersion": report.version or "0.0.0",
                "informationUri": information_uri(),
                "rules": rules,
            }
        },
        "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(cwd).as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


@register("sarif")
def render(report: Report) -> str:
    return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"
