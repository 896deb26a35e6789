"""GitHub Actions workflow commands (``::error file=...::message``)."""
from __future__ import annotations

from acu_lint.reporters import Report, register

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


@register("github")
def render(report: Report) -> str:
    out = []
    for f in report.findings:
        props = [
            f"file={escape_property(f.path)}",
            f"line={f.line}",
            f"col={f.column}",
            f"endLine={f.end_line}",
            f"endColumn={f.end_column}",
            f"title={escape_property('acu-lint ' + f.rule)}",
        ]
        out.append(f"::{_LEVEL.get(f.severity or 'warning', 'warning')} {','.join(props)}::{escape_data(f.message)}")
    return "\n".join(out) + ("\n" if out else "")


# ---- the job summary ($GITHUB_STEP_SUMMARY) -----------------------------------
# GitHub shows at most 10 annotations of each level per step inline; the job
# summary page shows every finding (up to a size cap) as a Markdown table.

SUMMARY_MAX_ROWS = 1000
SUMMARY_MAX_BYTES = 900_000  # GitHub accepts up to 1 MiB per step summary


def _md_cell(s: str) -> str:
    s = " ".join(str(s).split())
    for ch, rep in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|"), ("`", "\\`")):
        s = s.replace(ch, rep)
    return s


def _blob_url(path: str, line: int, env: dict) -> str | None:
    server, repo, sha = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY"), env.get("GITHUB_SHA")
    if not (server and repo and sha) or path.startswith(("/", "<")) or ".." in path.split("/"):
        return None
    from urllib.parse import quote

    rel = path[2:] if path.startswith("./") else path
    return f"{server}/{repo}/blob/{sha}/{quote(rel.replace(chr(92), '/'))}#L{line}"


def step_summary(report: Report, env: dict | None = None) -> str:
    """Markdown for the job summary: counts per rule, then every finding."""
    import os

    env = dict(os.environ) if env is None else env
    findings = report.findings
    n_files = len(report.files)
    out = ["## acu-lint", ""]
    if not findings:
        out.append(f"No problems in {n_files} file{'s' if n_files != 1 else ''} checked.")
    else:
        files_with = len({f.path for f in findings})
        by_sev = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        detail = ", ".join(f"{v} {k}{'s' if v != 1 else ''}" for k, v in by_sev.items() if v)
        out.append(f"Found **{len(findings)} problem{'s' if len(findings) != 1 else ''}** ({detail}) in "
                   f"{files_with} of {n_files} file{'s' if n_files != 1 else ''} checked.")
    hidden = (report.extra.get("baseline") or {}).get("matched", 0)
    if hidden:
        out.append(f"{hidden} known problem{'s' if hidden != 1 else ''} hidden by the baseline.")
    if report.errors:
        out += ["", f"**{len(report.errors)} error{'s' if len(report.errors) != 1 else ''}:**", ""]
        out += [f"- {_md_cell(e)}" for e in report.errors]
    if findings:
        counts: dict[str, list[int]] = {}
        for f in findings:
            c = counts.setdefault(f.rule, [0, 0])
            c[0] += 1
            c[1] += 1 if f.fix is not None and f.fix.safe else 0
        out += ["", "| rule | problems | fixable with `--fix` |", "|---|---:|---:|"]
        for rid, (n, fx) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
            out.append(f"| `{rid}` | {n} | {fx} |")
        out += ["", "| file | line | severity | rule | message |", "|---|---:|---|---|---|"]
        size = sum(len(x) + 1 for x in out)
        shown = 0
        for f in findings:
            url = _blob_url(f.path, f.line, env)
            where = f"[{_md_cell(f.path)}]({url})" if url else _md_cell(f.path)
            msg = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
            row = f"| {where} | {f.line} | {f.severity} | `{f.rule}` | {_md_cell(msg)} |"
            if shown >= SUMMARY_MAX_ROWS or size + len(row.encode('utf-8')) + 1 > SUMMARY_MAX_BYTES:
                break
            out.append(row)
            size += len(row.encode("utf-8")) + 1
            shown += 1
        if shown < len(findings):
            out += ["", f"... and {len(findings) - shown} more: run acu-lint locally or use `--format sarif`."]
    return "\n".join(out) + "\n\n"


def write_step_summary(report: Report, env: dict | None = None) -> str | None:
    """Append the summary to ``$GITHUB_STEP_SUMMARY`` when it is set.
    Returns an error message (the run goes on) or None."""
    import os

    env = dict(os.environ) if env is None else env
    target = env.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(step_summary(report, env))
    except OSError as exc:
        return f"{target}: cannot write the step summary: {exc.strerror or exc}"
    return None
