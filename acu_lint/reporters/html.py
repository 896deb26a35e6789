"""``--format html``: one self-contained report page for editors.

A summary (findings per severity and per rule, drawn as small inline SVG bars;
the articles sorted by findings), then each article's text with the findings
highlighted in place and their messages beside them (below them on a phone),
fixes shown as a diff, and filters by rule and severity (a little inline
JavaScript; with JavaScript off the filters are hidden and everything is
shown). No network: inline CSS and JS only, and a Content-Security-Policy that
forbids loading anything (the script is allowed by its hash). Every piece of
article text, path, message and rule id is escaped: an article is untrusted
input.

The reporter reads the articles' text itself (the Report carries findings and
paths): the findings' 1-based line and column (columns count characters) are
placed on the LF-normalised text, as the engine computed them.
"""
from __future__ import annotations

import base64
import bisect
import hashlib
import html
import re

from acu_lint.reporters import Report, register

SEVS = ("error", "warning", "info")
MAX_DIFF_LINES = 12
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(s: object) -> str:
    return html.escape(str(s), quote=True)


def esc_text(s: str) -> str:
    """Article text: escaped, control characters shown as U+FFFD (one for one)."""
    return html.escape(_CONTROLS.sub("\ufffd", s), quote=False)


class _Article:
    def __init__(self, index: int, path: str, findings: list):
        self.index = index
        self.path = path
        self.findings = sorted(findings, key=lambda f: (f.line, f.column, f.end_line, f.end_column, f.rule))
        self.text: str | None = None
        self.problem: str | None = None
        self.line_starts: list[int] = [0]
        self.lines: list[str] = []

    @property
    def anchor(self) -> str:
        return f"a{self.index}"

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if (f.severity or "warning") == s) for s in SEVS}

    def load(self) -> None:
        from acu_lint.model import AcuLintError
        from acu_lint.sources import read_source

        try:
            text = read_source(self.path).text
        except AcuLintError as exc:
            self.problem = str(exc)
            return
        except Exception as exc:  # noqa: BLE001 - a report is still written
            self.problem = f"{self.path}: cannot read: {exc}"
            return
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.lines = self.text.split("\n")
        for m in re.finditer("\n", self.text):
            self.line_starts.append(m.end())

    def offset(self, line: int, column: int) -> int | None:
        if self.text is None or not 1 <= line <= len(self.lines):
            return None
        return self.line_starts[line - 1] + max(0, min(column - 1, len(self.lines[line - 1])))


def _sev(f) -> str:
    return f.severity if f.severity in SEVS else "warning"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ---------------------------------------------------------------------------
# Pieces
# ---------------------------------------------------------------------------
def _bar(parts: list[tuple[str, int]], total: int) -> str:
    """A small horizontal stacked bar (inline SVG), one colour per severity."""
    if total <= 0:
        return ""
    x, rects = 0.0, []
    for sev, n in parts:
        if n <= 0:
            continue
        w = 100.0 * n / total
        rects.append(f'<rect class="b-{sev}" x="{x:.2f}" y="0" width="{w:.2f}" height="10"/>')
        x += w
    return (f'<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
            f'aria-hidden="true">{"".join(rects)}</svg>')


def _fix_diff(art: _Article, fix) -> str:
    """The lines a fix changes, before (-) and after (+)."""
    text = art.text
    if text is None or not fix.edits:
        return ""
    edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
    if edits[0].start < 0 or edits[-1].end > len(text) or any(e.start > e.end for e in edits):
        return ""
    a = text.rfind("\n", 0, edits[0].start) + 1
    b = max(e.end for e in edits)
    if b > a and text[b - 1:b] == "\n":
        b -= 1  # a deletion of whole lines ends after a newline: stop at the line's end
    nl = text.find("\n", b)
    b = len(text) if nl < 0 else nl
    before = text[a:b]
    after = before
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        s, t = max(e.start - a, 0), max(min(e.end - a, len(before)), 0)
        after = after[:s] + e.text + after[t:]
    import difflib

    old_lines, new_lines = before.split("\n"), after.split("\n")
    old, new = [], []
    sm = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            old.extend(old_lines[i1:i2])
            new.extend(new_lines[j1:j2])

    def trim(lines: list[str]) -> list[str]:  # blank lines at the edges say nothing
        while lines and not lines[0].strip():
            lines = lines[1:]
        while lines and not lines[-1].strip():
            lines = lines[:-1]
        return lines

    old, new = trim(old), trim(new)
    out = []
    for sign, cls, lines in (("-", "del", old), ("+", "ins", new)):
        for ln in lines[:MAX_DIFF_LINES]:
            out.append(f'<span class="{cls}">{sign} {esc_text(ln)}</span>')
        if len(lines) > MAX_DIFF_LINES:
            out.append(f'<span class="more">{sign} \u2026 {len(lines) - MAX_DIFF_LINES} more lines</span>')
    if old and not new:
        out.append('<span class="more">(deleted)</span>')
    if not out:
        out.append('<span class="more">(blank lines only)</span>')
    return '<pre class="diff">' + "\n".join(out) + "</pre>"


def _note(art: _Article, f, fid: str) -> str:
    sev = _sev(f)
    where = f"line {f.line}" + (f", column {f.column}" if f.column else "")
    parts = [f'<div class="note s-{sev}" id="{fid}" data-rule="{esc(f.rule)}" data-sev="{sev}">',
             f'<p class="head"><span class="sev s-{sev}">{sev}</span> <code class="rule">{esc(f.rule)}</code> '
             f'<a class="where" href="#{fid}-m">{esc(where)}</a></p>',
             f'<p class="msg">{esc(f.message)}</p>']
    # the suggestion and the fix fold away so that a note stays beside its line (print opens them)
    more, label = [], []
    if f.suggestion:
        more.append(f'<p class="sugg">Suggestion: {esc(f.suggestion)}</p>')
        label.append("suggestion")
    if f.fix is not None:
        kind = "safe fix (--fix)" if f.fix.safe else "fix that adds content (--fix --unsafe-fixes)"
        desc = f": {esc(f.fix.description)}" if f.fix.description else ""
        more.append(f'<p class="fixdesc">{kind}{desc}</p>{_fix_diff(art, f.fix)}')
        label.append("fix" if f.fix.safe else "fix (adds content)")
    if more:
        parts.append(f'<details class="fix"><summary>{" and ".join(label)}</summary>{"".join(more)}</details>')
    parts.append("</div>")
    return "".join(parts)


def _article_text(art: _Article, ids: dict[int, str]) -> str:
    """The article's lines with the findings marked; each finding's note after the line it starts on."""
    spans = []  # (start, end, finding)
    unplaced = []
    for f in art.findings:
        a = art.offset(f.line, f.column)
        b = art.offset(f.end_line, f.end_column) if f.end_line else a
        if a is None:
            unplaced.append(f)
            continue
        spans.append((a, max(a, b if b is not None else a), f))
    by_line: dict[int, list] = {}
    for a, b, f in spans:
        by_line.setdefault(bisect.bisect_right(art.line_starts, a), []).append(f)
    out = []
    if unplaced:
        out.append('<div class="notes whole">' + "".join(_note(art, f, ids[id(f)]) for f in unplaced) + "</div>")
    # boundaries per line: every span start/end inside the line
    starts_sorted = sorted(spans, key=lambda s: s[0])
    active: list = []  # spans that may cover the current line
    k = 0
    out.append('<div class="text">')
    for i, line in enumerate(art.lines, start=1):
        ls = art.line_starts[i - 1]
        le = ls + len(line)
        while k < len(starts_sorted) and starts_sorted[k][0] <= le:
            active.append(starts_sorted[k])
            k += 1
        active = [s for s in active if s[1] > ls or s[0] >= ls]  # drop spans that ended before this line
        cuts = {ls, le}
        here = []
        for a, b, f in active:
            if a <= le and (b > ls or a >= ls):
                here.append((a, b, f))
                cuts.update(x for x in (a, b) if ls <= x <= le)
        pts = sorted(cuts)
        pieces = []
        points: dict[int, list] = {}
        for s, e, f in here:  # empty spans (a point, e.g. the end of the article): a caret there
            if s == e:
                points.setdefault(s, []).append(f)

        def carets(at: int) -> None:
            for f in points.pop(at, ()):
                pieces.append(f'<mark class="hl pt s-{_sev(f)}" data-f="{ids[id(f)]}" '
                              f'title="{esc(f.rule)}">\u2038</mark>')

        for a, b in zip(pts, pts[1:]):
            carets(a)
            cover = [f for (s, e, f) in here if s <= a and b <= e and s < e]
            seg = esc_text(art.text[a:b])
            if cover:
                sev = min((_sev(f) for f in cover), key=SEVS.index)
                fids = " ".join(ids[id(f)] for f in cover)
                pieces.append(f'<mark class="hl s-{sev}" data-f="{fids}">{seg}</mark>')
            else:
                pieces.append(seg)
        for at in sorted(points):
            carets(at)
        mine = by_line.get(i, [])
        anchors = "".join(f'<span id="{ids[id(f)]}-m"></span>' for f in mine)
        row_cls = "row has" if mine else "row"
        notes = ('<div class="notes">' + "".join(_note(art, f, ids[id(f)]) for f in mine) + "</div>") if mine else ""
        out.append(f'<div class="{row_cls}"><span class="ln">{i}</span>'
                   f'<span class="src">{anchors}{"".join(pieces) or " "}</span>{notes}</div>')
    out.append("</div>")
    return "".join(out)


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------
CSS = """
:root{--bg:#fff;--fg:#1d2126;--mute:#5b6570;--line:#e3e6ea;--card:#f7f8fa;
--error:#c62828;--warning:#b26a00;--info:#1f6fb2;--h-error:#fde0e0;--h-warning:#fff1c2;--h-info:#dcebfb;
--ins:#e6f4ea;--del:#fdecea;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
@media (prefers-color-scheme:dark){:root{--bg:#15181c;--fg:#e4e7eb;--mute:#9aa4ae;--line:#2c3238;--card:#1d2227;
--error:#ff7b72;--warning:#e3b341;--info:#79b8ff;--h-error:#5a1e1e;--h-warning:#4d3a00;--h-info:#13365c;
--ins:#173d24;--del:#4a1c1c}}
*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0;background:var(--bg);color:var(--fg);line-height:1.45;font-size:15px}
main{max-width:1280px;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .6rem}h3{font-size:1.05rem;margin:0}
a{color:var(--info)}code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.meta{color:var(--mute);margin:.2rem 0 1rem}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:.6rem 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.5rem .8rem;min-width:7.5rem}
.card b{display:block;font-size:1.5rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);
vertical-align:middle}th{font-weight:600;color:var(--mute)}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{width:100%;height:.8rem;display:block;background:var(--line);border-radius:3px}
td.barcell{width:40%}
.b-error{fill:var(--error)}.b-warning{fill:var(--warning)}.b-info{fill:var(--info)}
.sev{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;
padding:0 .4rem;border-radius:4px;color:#fff}
.sev.s-error{background:var(--error)}.sev.s-warning{background:var(--warning)}.sev.s-info{background:var(--info)}
.filters{border:1px solid var(--line);border-radius:8px;padding:.5rem .8rem;margin:1rem 0;position:sticky;top:0;
background:var(--bg);z-index:2}
.filters legend{font-weight:600}.filters label{display:inline-block;margin:.15rem .8rem .15rem 0;white-space:nowrap}
.filters button{font:inherit;margin-right:.4rem}
.filters .group{margin:.2rem 0}
article.doc{border-top:2px solid var(--line);margin-top:1.5rem;padding-top:.6rem}
article.doc header{display:flex;flex-wrap:wrap;gap:.2rem 1rem;align-items:baseline;margin-bottom:.5rem}
article.doc header .counts{color:var(--mute)}
.problem{color:var(--error)}
.text{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.86rem;border:1px solid var(--line);
border-radius:6px;overflow:hidden}
.row{display:grid;grid-template-columns:3.2rem minmax(0,1fr) minmax(14rem,36%);border-bottom:1px solid transparent}
.row.has{border-bottom-color:var(--line)}
.ln{color:var(--mute);text-align:right;padding:0 .6rem 0 0;user-select:none;background:var(--card)}
.src{white-space:pre-wrap;overflow-wrap:anywhere;padding:0 .5rem;min-height:1.2em}
.notes{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:.85rem;padding:.3rem .5rem;
border-left:1px solid var(--line)}
.notes.whole{border:0;padding:.5rem}
.row:not(.has) .notes{display:none}
.note{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--warning);border-radius:6px;
padding:.35rem .55rem;margin:.25rem 0}
.note.s-error{border-left-color:var(--error)}.note.s-info{border-left-color:var(--info)}
.note p{margin:.15rem 0}.note .where{color:var(--mute);font-size:.8rem;text-decoration:none}
.note .sugg,.note .fixdesc{color:var(--mute)}
mark.hl{color:inherit;border-radius:2px;background:var(--h-warning);box-shadow:inset 0 -2px var(--warning)}
mark.hl.s-error{background:var(--h-error);box-shadow:inset 0 -2px var(--error)}
mark.hl.s-info{background:var(--h-info);box-shadow:inset 0 -2px var(--info)}
mark.hl.off{background:none;box-shadow:none}
mark.pt{font-weight:700}
.diff{margin:.3rem 0 0;padding:.3rem .4rem;background:var(--bg);border:1px solid var(--line);border-radius:4px;
white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8rem}
.diff .del{background:var(--del);display:block}.diff .ins{background:var(--ins);display:block}
.diff .more{color:var(--mute);display:block}
details.fix summary{cursor:pointer;color:var(--mute)}
.clean{color:var(--mute)}
@media (max-width:760px){main{padding:.5rem}.row{grid-template-columns:2.4rem minmax(0,1fr)}
.notes{grid-column:1/-1;border-left:0;border-top:1px dashed var(--line)}td.barcell{width:30%}
.filters{position:static}}
@media print{body{font-size:11pt}.filters,.noprint{display:none!important}main{max-width:none;padding:0}
.row{grid-template-columns:2.6rem minmax(0,1fr) 38%}.note,.row.has{break-inside:avoid}
article.doc{break-before:page}mark.hl,.sev,.bar,.diff span,.note{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}}
"""

JS = """(function(){
var d=document,f=d.getElementById('filters');if(!f)return;f.hidden=false;
var boxes=[].slice.call(f.querySelectorAll('input[type=checkbox]'));
var notes=[].slice.call(d.querySelectorAll('.note[data-rule]'));
var marks=[].slice.call(d.querySelectorAll('mark[data-f]'));
function apply(){var off={rule:{},sev:{}},shown={},total=0;
boxes.forEach(function(b){if(!b.checked)off[b.name][b.value]=1;});
notes.forEach(function(n){var h=!!(off.rule[n.getAttribute('data-rule')]||off.sev[n.getAttribute('data-sev')]);
n.hidden=h;if(!h){shown[n.id]=1;total++;}});
marks.forEach(function(m){var on=m.getAttribute('data-f').split(' ').some(function(i){return shown[i];});
m.classList.toggle('off',!on);});
[].forEach.call(d.querySelectorAll('.notes'),function(c){c.hidden=!c.querySelector('.note:not([hidden])');});
[].forEach.call(d.querySelectorAll('article.doc'),function(a){var n=a.querySelectorAll('.note:not([hidden])').length;
var s=a.querySelector('.shown');if(s)s.textContent=n;});
var t=d.getElementById('shown-total');if(t)t.textContent=total;}
boxes.forEach(function(b){b.addEventListener('change',apply);});
window.addEventListener('beforeprint',function(){[].forEach.call(d.querySelectorAll('details.fix'),function(x){x.open=true;});});
[].forEach.call(f.querySelectorAll('button[data-set]'),function(btn){btn.addEventListener('click',function(){
var on=btn.getAttribute('data-set')==='all';boxes.forEach(function(b){if(b.name==='rule')b.checked=on;});apply();});});
apply();})();"""


@register("html")
def render(report: Report) -> str:
    paths: list[str] = list(dict.fromkeys([*report.files, *(f.path for f in report.findings)]))
    grouped: dict[str, list] = {p: [] for p in paths}
    for f in report.findings:
        grouped[f.path].append(f)
    arts = [_Article(i, p, grouped[p]) for i, p in enumerate(paths, start=1)]
    ids: dict[int, str] = {}
    n = 0
    for art in arts:
        for f in art.findings:
            n += 1
            ids[id(f)] = f"f{n}"
    total = len(report.findings)
    sev_counts = {s: sum(1 for f in report.findings if _sev(f) == s) for s in SEVS}
    rule_counts: dict[str, dict[str, int]] = {}
    for f in report.findings:
        c = rule_counts.setdefault(f.rule, {s: 0 for s in SEVS})
        c[_sev(f)] += 1
    with_findings = sorted((a for a in arts if a.findings), key=lambda a: (-len(a.findings), a.path))
    clean = [a for a in arts if not a.findings]

    h: list[str] = []
    h.append("<h1>acu-lint report</h1>")
    h.append(f'<p class="meta">{_plural(len(arts), "article")} checked, <b>{_plural(total, "finding")}</b> in '
             f'{len(with_findings)} of them'
             + (f"; acu-lint {esc(report.version)}" if report.version else "")
             + f"; the run fails on {esc(report.fail_on)} and above.</p>")
    # -- summary --
    h.append('<section id="summary"><h2>Summary</h2><div class="cards">')
    h.append(f'<div class="card"><b id="shown-total">{total}</b>findings shown</div>')
    for s in SEVS:
        h.append(f'<div class="card"><b>{sev_counts[s]}</b><span class="sev s-{s}">{s}</span></div>')
    h.append("</div>")
    h.append(_bar([(s, sev_counts[s]) for s in SEVS], total))
    if rule_counts:
        h.append('<h3 style="margin-top:1rem">Findings per rule</h3><table class="rules"><thead><tr><th>rule</th>'
                 '<th class="n">findings</th><th class="n">fixable</th><th>severity</th><th></th></tr></thead><tbody>')
        top = max(sum(c.values()) for c in rule_counts.values())
        for rid, c in sorted(rule_counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            cnt = sum(c.values())
            fixable = sum(1 for f in report.findings if f.rule == rid and f.fix is not None)
            sevs = "/".join(s for s in SEVS if c[s])
            # the bar's length is relative to the most frequent rule
            bar = _bar([(s, c[s]) for s in SEVS], cnt)
            width = 100.0 * cnt / top
            h.append(f'<tr data-rule="{esc(rid)}"><td><code>{esc(rid)}</code></td><td class="n">{cnt}</td>'
                     f'<td class="n">{fixable}</td><td>{sevs}</td><td class="barcell">'
                     f'<div style="width:{width:.1f}%">{bar}</div></td></tr>')
        h.append("</tbody></table>")
    if with_findings:
        h.append('<h3 style="margin-top:1rem">Articles, most findings first</h3><table class="articles"><thead><tr>'
                 '<th>article</th>' + "".join(f'<th class="n">{s}</th>' for s in SEVS)
                 + '<th class="n">total</th></tr></thead><tbody>')
        for a in with_findings:
            c = a.counts()
            h.append(f'<tr><td><a href="#{a.anchor}">{esc(a.path)}</a></td>'
                     + "".join(f'<td class="n">{c[s] or ""}</td>' for s in SEVS)
                     + f'<td class="n">{len(a.findings)}</td></tr>')
        h.append("</tbody></table>")
    if clean:
        h.append(f'<details class="clean"><summary>{_plural(len(clean), "article")} without findings</summary><ul>'
                 + "".join(f"<li>{esc(a.path)}</li>" for a in clean) + "</ul></details>")
    if report.errors or report.unavailable:
        h.append('<h3 class="problem">Problems during the run</h3><ul>'
                 + "".join(f"<li>{esc(e)}</li>" for e in [*report.errors, *report.unavailable]) + "</ul>")
    h.append("</section>")
    # -- filters (shown by the script; with JavaScript off everything is shown) --
    if rule_counts:
        h.append('<fieldset id="filters" class="filters" hidden><legend>Show</legend><div class="group">')
        for s in SEVS:
            if sev_counts[s]:
                h.append(f'<label><input type="checkbox" name="sev" value="{s}" checked> '
                         f'<span class="sev s-{s}">{s}</span> {sev_counts[s]}</label>')
        h.append('</div><div class="group">')
        for rid, c in sorted(rule_counts.items()):
            h.append(f'<label><input type="checkbox" name="rule" value="{esc(rid)}" checked> '
                     f'<code>{esc(rid)}</code> {sum(c.values())}</label>')
        h.append('</div><div class="group"><button type="button" data-set="all">all rules</button>'
                 '<button type="button" data-set="none">no rules</button></div></fieldset>')
    # -- the articles --
    for a in with_findings:
        a.load()
        c = a.counts()
        counts = ", ".join(f"{c[s]} info" if s == "info" else _plural(c[s], s) for s in SEVS if c[s])
        h.append(f'<article class="doc" id="{a.anchor}"><header><h3>{esc(a.path)}</h3>'
                 f'<span class="counts"><span class="shown">{len(a.findings)}</span> of '
                 f'{_plural(len(a.findings), "finding")} shown ({counts})</span></header>')
        if a.text is None:
            h.append(f'<p class="problem">The text cannot be shown: {esc(a.problem or "not readable")}</p>'
                     '<div class="notes whole">' + "".join(_note(a, f, ids[id(f)]) for f in a.findings) + "</div>")
        else:
            h.append(_article_text(a, ids))
        h.append("</article>")
        a.text, a.lines = None, []  # one article's text in memory at a time

    script_hash = base64.b64encode(hashlib.sha256(JS.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="color-scheme" content="light dark">'
            f"<title>acu-lint report: {_plural(total, 'finding')}</title><style>{CSS}</style></head>"
            f"<body><main>{''.join(h)}</main><script>{JS}</script></body></html>\n")
    # lone surrogates (odd input) cannot be written as UTF-8
    return page.encode("utf-8", "replace").decode("utf-8")
