"""JUnit XML (``--format junit``) for CI systems that show test reports
(GitLab, Jenkins, Azure Pipelines, CircleCI...).

One ``<testcase>`` per linted file (a clean file is a passing test), one
``<failure>`` per finding at or above ``--fail-on`` (default: warning), so the
report agrees with the exit code: a run that exits 0 has no failure. Findings
below ``--fail-on`` (e.g. ``info`` readability notes) do not fail the test case;
they are listed in its ``<system-out>`` (shown as the test's output by GitLab,
Jenkins and Azure Pipelines) and counted in the suite's ``acu-lint.below-fail-on``
property. Files that could not be read become ``<error>`` elements, and so does
a requested check that could not run (exit code 3). The XML is built with ElementTree, so ``<``, ``&`` and quotes are
escaped; characters XML 1.0 cannot carry at all (control characters, lone
surrogates from undecodable bytes) are replaced with U+FFFD.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from acu_lint.reporters import Report, register

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SUITE_NAME = "acu-lint"


def clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _error_path(message: str, files: list[str]) -> str | None:
    for path in files:
        if message.startswith(path + ":"):
            return path
    return None


def _finding_text(f, message: str) -> str:
    sev = f.severity or "warning"
    return f"{f.path}:{f.line}:{f.column}: {sev} {f.rule} {message}"


@register("junit")
def render(report: Report) -> str:
    files = list(dict.fromkeys([*report.files, *(f.path for f in report.findings)]))
    by_file: dict[str, list] = {p: [] for p in files}
    for f in report.findings:
        by_file[f.path].append(f)
    errors_by_file: dict[str, list[str]] = {}
    general_errors: list[str] = []
    for e in report.errors:
        p = _error_path(e, files)
        if p is None:
            general_errors.append(e)
        else:
            errors_by_file.setdefault(p, []).append(e)
    general_errors.extend(report.unavailable)

    failing = [f for f in report.findings if report.fails(f)]
    n_failures = len(failing)
    n_below = len(report.findings) - n_failures
    n_errors = len(report.errors) + len(report.unavailable)
    n_tests = len(files) + (1 if general_errors else 0)
    root = ET.Element("testsuites", name=SUITE_NAME, tests=str(n_tests), failures=str(n_failures),
                      errors=str(n_errors))
    suite = ET.SubElement(root, "testsuite", name=SUITE_NAME, tests=str(n_tests), failures=str(n_failures),
                          errors=str(n_errors), skipped="0")
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", name="acu-lint.fail-on", value=report.fail_on)
    ET.SubElement(props, "property", name="acu-lint.below-fail-on", value=str(n_below))
    for path in files:
        case = ET.SubElement(suite, "testcase", name=clean(path), classname=SUITE_NAME, file=clean(path))
        below: list[str] = []
        for f in by_file[path]:
            message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
            if not report.fails(f):
                below.append(_finding_text(f, message))
                continue
            failure = ET.SubElement(case, "failure", message=clean(f"{f.rule}: {message}"), type=clean(f.rule))
            lines = [_finding_text(f, message)]
            if f.snippet:
                lines.append("")
                lines.append(f.snippet if len(f.snippet) <= 500 else f.snippet[:499] + "\u2026")
            if f.fix is not None:
                lines.append("")
                lines.append("Fixable with --fix." if f.fix.safe else "Fixable with --fix --unsafe-fixes.")
            failure.text = clean("\n".join(lines))
        for e in errors_by_file.get(path, []):
            err = ET.SubElement(case, "error", message=clean(e), type="input-error")
            err.text = clean(e)
        if below:
            out = ET.SubElement(case, "system-out")
            n = len(below)
            head = (f"{n} finding{'s' if n != 1 else ''} below --fail-on {report.fail_on} "
                    "(reported, not failing):")
            out.text = clean("\n".join([head, *below]))
    if general_errors:
        case = ET.SubElement(suite, "testcase", name="acu-lint run", classname=SUITE_NAME)
        for e in general_errors:
            kind = "unavailable" if e in report.unavailable else "error"
            err = ET.SubElement(case, "error", message=clean(e), type=kind)
            err.text = clean(e)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
