"""One self-contained HTML page: each draft's text with its findings marked.

It streams like every formatter: the head, then each file's section as its
result arrives, then at the end the summary, which the style sheet shows at
the top of the page. The page needs nothing from outside (inline CSS and a few lines of inline JS,
system fonts only, a Content-Security-Policy that forbids loading anything):
at the top the summary, the counts per severity and per rule with bars, and
the list of files when there are several; then, for each file, the outline as
a tree of links beside the text, every finding highlighted where it stands
(its message on hover) and explained in the margin of its line. Everything
taken from a draft is escaped. Print keeps the text and the notes and drops
the navigation. Like every formatter it only shows what the engine decided.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from html import escape
from typing import Iterable, Iterator, Optional

from checker.model import Diagnostic, FileResult, Outline, OutlineEntry
from checker.formats.tally import Tally
from .base import RunInfo, Streamed, data_text
from .text_format import summary

SEVERITY_ORDER = ("error", "warning", "info")
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}

STYLE = """
:root { --error: #c62828; --error-bg: #fde0dc; --warning: #b26a00; --warning-bg: #fff1c2;
  --info: #1565c0; --info-bg: #dcebfb; --line: #e4e4e4; --muted: #6b6b6b; }
* { box-sizing: border-box; }
body { display: flex; flex-direction: column; margin: 0; color: #1d1d1d; background: #fafafa; line-height: 1.7;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
  "Noto Serif CJK SC", sans-serif; }
header.report { order: -1; padding: 1.2em 2em; background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.4em; margin: 0 0 .3em; }
h2 { font-size: 1.15em; margin: 0; padding: .6em 2em; background: #fff; border-bottom: 1px solid var(--line); }
.totals { margin: 0 0 .8em; color: var(--muted); }
.charts { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 2em; }
table.counts { border-collapse: collapse; font-size: .9em; }
table.counts th, table.counts td { text-align: left; padding: .1em .6em .1em 0; font-weight: normal; }
table.counts td.n { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: .75em; min-width: 2px; border-radius: 2px; background: #888; vertical-align: middle; }
.bar.error { background: var(--error); } .bar.warning { background: var(--warning); } .bar.info { background: var(--info); }
.barcell { width: 12em; }
tr.rule { cursor: pointer; } tr.rule:hover td { background: #f0f0f0; }
nav.files ul { margin: .3em 0 0; padding-left: 1.2em; }
.file { margin: 1.2em 0 2em; }
.layout { display: grid; grid-template-columns: minmax(12em, 18em) minmax(0, 1fr); }
nav.outline { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto;
  padding: .8em 1em; border-right: 1px solid var(--line); font-size: .9em; }
nav.outline h3 { font-size: 1em; margin: 0 0 .4em; color: var(--muted); }
nav.outline ul { list-style: none; margin: 0; padding-left: 1em; }
nav.outline > ul { padding-left: 0; }
nav.outline a { color: inherit; text-decoration: none; display: block; padding: .05em .2em; border-radius: 3px; }
nav.outline a:hover { background: #ececec; }
.badge { display: inline-block; min-width: 1.5em; margin-left: .3em; padding: 0 .35em; border-radius: 1em;
  font-size: .75em; text-align: center; color: #fff; background: var(--warning); }
.badge.error { background: var(--error); } .badge.info { background: var(--info); }
.text { background: #fff; padding: .6em 0; }
.line { display: grid; grid-template-columns: 3.2em minmax(0, 1fr) minmax(10em, 22em); gap: 0 .8em;
  padding: 0 1em 0 0; scroll-margin-top: .5em; }
.line:target, .line.flash { background: #fff8d6; }
.ln { color: #a0a0a0; text-align: right; user-select: none; font-size: .85em; padding-top: .15em; }
.content { white-space: pre-wrap; overflow-wrap: anywhere; }
.line.heading .ln { color: #555; font-weight: bold; }
.line.title .content { font-weight: bold; font-size: 1.15em; }
mark.finding { background: var(--warning-bg); border-bottom: 2px solid var(--warning); color: inherit; cursor: help; }
mark.finding.error { background: var(--error-bg); border-bottom-color: var(--error); }
mark.finding.info { background: var(--info-bg); border-bottom-color: var(--info); }
mark.finding.point::after { content: "\\25C0"; color: var(--warning); font-size: .8em; }
mark.finding.point.error::after { color: var(--error); } mark.finding.point.info::after { color: var(--info); }
mark.finding.dim { background: none; border-bottom-color: transparent; }
.notes { margin: 0; padding: 0; list-style: none; font-size: .85em; }
.note { border-left: 3px solid var(--warning); padding: 0 .5em; margin: .15em 0; background: #fffdf5; }
.note.error { border-left-color: var(--error); background: #fff7f6; }
.note.info { border-left-color: var(--info); background: #f6faff; }
.note .rule { color: var(--muted); font-family: ui-monospace, monospace; font-size: .9em; margin-right: .4em; }
.document-notes { padding: .5em 2em; }
@media print {
  body { background: #fff; }
  nav.outline, nav.files, .charts { display: none; }
  .layout { display: block; }
  header.report, h2 { padding-left: 0; }
  .line { break-inside: avoid; grid-template-columns: 2.5em minmax(0, 1fr) 16em; }
  mark.finding, .note, .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .file { break-before: page; } .file:first-of-type { break-before: auto; }
}
"""

# Clicking a rule in the counts keeps only its findings highlighted (click again
# for all); following an outline link flashes the line it lands on.
SCRIPT = """
document.querySelectorAll("tr.rule").forEach(function (row) {
  row.addEventListener("click", function () {
    var rule = row.dataset.rule, active = row.classList.toggle("active");
    document.querySelectorAll("tr.rule").forEach(function (other) { if (other !== row) other.classList.remove("active"); });
    document.querySelectorAll("mark.finding").forEach(function (mark) {
      mark.classList.toggle("dim", active && mark.dataset.rule.split(" ").indexOf(rule) < 0);
    });
  });
});
document.querySelectorAll("nav.outline a").forEach(function (link) {
  link.addEventListener("click", function () {
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    target.classList.add("flash");
    setTimeout(function () { target.classList.remove("flash"); }, 1500);
  });
});
"""

# the one script is allowed by its hash, not by 'unsafe-inline': a script smuggled into
# the page (were escaping ever to fail) would not run
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
POLICY = f"default-src 'none'; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'; img-src data:"


class HtmlFormatter(Streamed):
    """``--output-format html``: the page, written as the results arrive."""

    statistics = False  # the page always shows the counts per rule: --statistics is refused, not ignored

    def __init__(self, run: RunInfo = RunInfo()):
        super().__init__(run)
        self.listed: list[tuple[str, str]] = []  # (path, counts) of each file, for the file list

    def begin(self) -> str:
        return (
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>reportlint 检查报告</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        )

    def parts(self, result: FileResult) -> Iterable[str]:
        counts = result.error.message if result.error is not None else _counts_phrase(result.diagnostics)
        self.listed.append((data_text(result.path), data_text(counts)))
        return (data_text(piece) + "\n" for piece in _file_section(len(self.listed), result))

    def end(self, tally: Tally) -> str:
        return f"</main>\n{_header(tally, self.listed)}\n<script>{SCRIPT}</script>\n</body>\n</html>\n"


# -- the top of the page ------------------------------------------------------------

def _header(tally: Tally, listed: list[tuple[str, str]]) -> str:
    out = ['<header class="report">', "<h1>reportlint 检查报告</h1>",
           f'<p class="totals" id="summary">{escape(summary(tally))}</p>']
    if tally.total:
        out.append('<div class="charts">')
        out.append(_severity_table(tally))
        out.append(_rule_table(tally))
        out.append("</div>")
    if len(listed) > 1:
        out.append('<nav class="files"><strong>文件</strong><ul>')
        for index, (path, counts) in enumerate(listed, 1):
            out.append(f'<li><a href="#file-{index}">{escape(path)}</a> '
                       f'<span class="file-counts">{escape(counts)}</span></li>')
        out.append("</ul></nav>")
    out.append("</header>")
    return "\n".join(out)


def _bar(count: int, most: int, severity: str) -> str:
    return f'<span class="bar {severity}" style="width:{max(2.0, 100.0 * count / most):.1f}%"></span>'


def _severity_table(tally: Tally) -> str:
    counts = tally.by_severity
    most = max(counts.values())
    rows = [f'<tr class="severity" data-severity="{s}"><th>{SEVERITY_NAMES[s]} {s}</th><td class="n">{counts[s]}</td>'
            f'<td class="barcell">{_bar(counts[s], most, s)}</td></tr>' for s in SEVERITY_ORDER if counts[s]]
    return '<table class="counts by-severity"><caption hidden>按严重程度</caption>' + "".join(rows) + "</table>"


def _rule_table(tally: Tally) -> str:
    ordered = tally.per_rule()
    most = max(count for *_, count in ordered)
    rows = [f'<tr class="rule" data-rule="{escape(rule)}" title="只看这条规则的问题（再点一次恢复）">'
            f'<th><code>{escape(code)}</code> {escape(rule)}</th><td class="n">{count}</td>'
            f'<td class="barcell">{_bar(count, most, severity)}</td></tr>'
            for code, rule, severity, count in ordered]
    return '<table class="counts by-rule"><caption hidden>按规则</caption>' + "".join(rows) + "</table>"


def _counts_phrase(diagnostics: Iterable[Diagnostic]) -> str:
    counts = Counter(d.severity for d in diagnostics)
    if not counts:
        return "无问题"
    return "，".join(f"{counts[s]} 个{SEVERITY_NAMES[s]}" for s in SEVERITY_ORDER if counts[s])


# -- one file -----------------------------------------------------------------------

def _file_section(index: int, result: FileResult) -> Iterator[str]:
    """The file's section, a line of the page at a time."""
    outline = result.outline  # None for a file that could not be checked or parsed
    hidden = outline.hidden_lines if outline is not None else frozenset()
    lines = tuple("" if n in hidden else line for n, line in enumerate(result.lines, 1))
    on_lines = [d for d in result.diagnostics if 1 <= d.line <= len(lines)]
    elsewhere = [d for d in result.diagnostics if not 1 <= d.line <= len(lines)]
    yield f'<section class="file" id="file-{index}" data-path="{escape(result.path)}">'
    yield (f"<h2>{escape(result.path)} <small>（{'未能读取' if result.error else escape(_counts_phrase(result.diagnostics))}）"
           "</small></h2>")
    if result.error is not None:
        yield f'<p class="notes document-notes file-error">{escape(result.error.message)}</p>'
    if elsewhere:
        yield '<ul class="notes document-notes">' + "".join(_note(d) for d in elsewhere) + "</ul>"
    yield '<div class="layout">'
    yield _outline_nav(index, outline, result.diagnostics)
    yield '<div class="text">'
    by_line: dict[int, list[Diagnostic]] = {}
    for diagnostic in on_lines:
        for line in range(diagnostic.span.line, min(diagnostic.span.end_line, len(lines)) + 1):
            by_line.setdefault(line, []).append(diagnostic)
    kinds = outline.line_kinds if outline is not None else {}
    for number, text in enumerate(lines, 1):
        here = by_line.get(number, [])
        starting = [d for d in here if d.line == number]
        notes = f'<ul class="notes">{"".join(_note(d) for d in starting)}</ul>' if starting else "<span></span>"
        kind = escape(kinds.get(number, "paragraph"))
        yield (f'<div class="line {kind}" id="{_line_id(index, number)}" data-line="{number}">'
               f'<span class="ln">{number}</span><span class="content">{_marked(text, number, here)}</span>'
               f"{notes}</div>")
    yield "</div></div></section>"


def _line_id(file_index: int, line: int) -> str:
    return f"f{file_index}-L{line}"


def _note(diagnostic: Diagnostic) -> str:
    return (f'<li class="note {diagnostic.severity}" data-rule="{escape(diagnostic.rule)}" '
            f'data-line="{diagnostic.line}" data-column="{diagnostic.column}">'
            f'<span class="rule">{escape(diagnostic.code)} {escape(diagnostic.rule)} '
            f'{diagnostic.line}:{diagnostic.column}</span><span class="message">{escape(diagnostic.message)}'
            f'{_place(diagnostic)}</span></li>')


def _columns_on(diagnostic: Diagnostic, line: int, length: int) -> tuple[int, int]:
    """0-based [start, end) of a diagnostic's span on ``line``."""
    span = diagnostic.span
    start = span.column - 1 if line == span.line else 0
    end = span.end_column - 1 if line == span.end_line else length
    start = min(max(start, 0), length)
    return start, min(max(end, start), length)


def _marked(text: str, line: int, diagnostics: list[Diagnostic]) -> str:
    """The line's text, escaped, each stretch covered by findings in one <mark>
    naming all of them; a finding with an empty span is a point marker."""
    if not diagnostics:
        return escape(text)
    ranges = [(d, *_columns_on(d, line, len(text))) for d in diagnostics]
    cuts = sorted({0, len(text)} | {c for _, start, end in ranges for c in (start, end)})
    # one sweep over the cuts: a finding covers the pieces from its start to its end
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    points: dict[int, list[Diagnostic]] = {}
    for order, (d, start, end) in enumerate(ranges):
        if start < end:
            starting.setdefault(start, []).append(order)
            ending.setdefault(end, []).append(order)
        else:
            points.setdefault(start, []).append(d)
    active: set[int] = set()
    out = []
    for left, right in zip(cuts, cuts[1:]):
        active.difference_update(ending.get(left, ()))
        active.update(starting.get(left, ()))
        if left in points:
            out.append(_mark(points[left], "", point=True))
        covering = [ranges[order][0] for order in sorted(active)]
        piece = escape(text[left:right])
        out.append(_mark(covering, piece) if covering else piece)
    if len(text) in points:
        out.append(_mark(points[len(text)], "", point=True))
    return "".join(out)


def _mark(diagnostics: list[Diagnostic], inner: str, point: bool = False) -> str:
    worst = max((d.severity for d in diagnostics), key=SEVERITY_ORDER[::-1].index)
    rules = " ".join(dict.fromkeys(d.rule for d in diagnostics))
    explanation = "\n".join(f"[{d.rule}] {d.message}" for d in diagnostics)
    return (f'<mark class="finding {worst}{" point" if point else ""}" data-rule="{escape(rules)}" '
            f'title="{escape(explanation)}">{inner}</mark>')


# -- the outline ----------------------------------------------------------------------

def _outline_nav(index: int, outline: Optional[Outline], diagnostics: list[Diagnostic]) -> str:
    out = ['<nav class="outline" aria-label="提纲"><h3>提纲</h3><ul>']
    if outline is not None and outline.title is not None:
        title = outline.title
        out.append(f'<li><a href="#{_line_id(index, title.line)}" data-line="{title.line}">'
                   f"{escape(title.text.strip())}</a></li>")
    if outline is not None:
        counts = _LineCounts(diagnostics)
        for entry in outline.headings:
            out.append(_outline_item(index, entry, counts))
    out.append("</ul></nav>")
    return "\n".join(out)


class _LineCounts:
    """How many findings of each severity start on lines a…b, in constant time
    (prefix sums), so the outline costs the sections plus the findings — not
    their product."""

    def __init__(self, diagnostics: list[Diagnostic]):
        last = max((d.line for d in diagnostics), default=0)
        self.last = last
        self.prefix = {}
        for severity in SEVERITY_ORDER:
            per_line = [0] * (last + 2)
            for d in diagnostics:
                if d.severity == severity and d.line >= 1:
                    per_line[d.line] += 1
            running, prefix = 0, [0] * (last + 2)
            for line in range(last + 2):
                running += per_line[line]
                prefix[line] = running
            self.prefix[severity] = prefix

    def between(self, first: int, last: int) -> dict[str, int]:
        first, last = max(first, 1), min(last, self.last)
        if last < first:
            return {severity: 0 for severity in SEVERITY_ORDER}
        return {severity: prefix[last] - prefix[first - 1] for severity, prefix in self.prefix.items()}


def _outline_item(index: int, entry: OutlineEntry, counts: _LineCounts) -> str:
    inside = counts.between(entry.line, max(entry.end_line, entry.line))
    badge = ""
    total = sum(inside.values())
    if total:
        worst = next(severity for severity in SEVERITY_ORDER if inside[severity])
        badge = f' <span class="badge {worst}" title="本节问题数">{total}</span>'
    label = escape(entry.label)
    children = "".join(_outline_item(index, child, counts) for child in entry.children)
    return (f'<li><a href="#{_line_id(index, entry.line)}" data-line="{entry.line}">{label}{badge}</a>'
            + (f"<ul>{children}</ul>" if children else "") + "</li>")


def _place(diagnostic) -> str:
    """（表2 第3行第2列） for a finding in a Word table's cell."""
    return f'<span class="place">（{escape(diagnostic.place)}）</span>' if diagnostic.place else ""
