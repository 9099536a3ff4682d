"""The output is linear too (issue 22), in tests/test_linear.py's style: the
work is *counted* at a size n and at 4n, never timed — linear work grows
about 4 times, quadratic work 16 times. The seconds are in bench/scaling.py
and docs/performance.md.

- text: an excerpt looks at its window, not at the whole line, for each finding;
- JSON: a run's renumbering is cut among its findings, so the fixes together
  are as large as the run (they were the run times the findings: 124 MB);
- HTML: the outline counts a section's findings from prefix sums, and a line's
  marks are one sweep over its cuts.
"""

from __future__ import annotations

import json

from checker.api import Config, lint_source
from checker.formats import FORMATTERS
from checker.formats import excerpt as excerpt_module
from checker.formats import html_format
from checker.fixing import apply_fixes, wanted
from checker.formats.base import RunInfo, render
from checker.model import Diagnostic, SourceText, Span

LINEAR_RATIO = 5.0  # work at 4n over work at n: 4 when linear, 16 when quadratic
TITLE = "关于某某工作的报告\n"


def result_of(text: str):
    return lint_source(SourceText.from_string(text, "draft.txt"), Config.load())


def output(format_name: str, text: str) -> str:
    return render(FORMATTERS[format_name](RunInfo()), [result_of(text)])


def test_text_excerpts_look_at_their_window_not_the_whole_line(monkeypatch):
    calls = {"n": 0}
    shown = excerpt_module.shown

    def counting(character: str) -> str:
        calls["n"] += 1
        return shown(character)

    monkeypatch.setattr(excerpt_module, "shown", counting)

    def work(n: int) -> int:
        result = result_of(TITLE + "今年完成了XX项工作，" * n + "\n")
        assert len(result.diagnostics) >= n
        calls["n"] = 0
        render(FORMATTERS["full"](RunInfo()), [result])
        return calls["n"]

    small, large = work(100), work(400)
    assert small > 0
    assert large / small < LINEAR_RATIO, f"{small} → {large} characters shown"


def repeated_level_four(n: int) -> str:
    """The issue's draft: level-4 headings （1）…（9） repeated under one parent."""
    return TITLE + "一、总体\n（一）分项\n1. 细项\n" + "".join(f"（{k}）要点内容\n" for _ in range(n) for k in range(1, 10))


def test_json_fixes_of_a_run_are_as_large_as_the_run():
    def fix_edits(n: int) -> tuple[int, int]:
        report = json.loads(output("json", repeated_level_four(n)))
        diagnostics = report["files"][0]["diagnostics"]
        with_fix = [d for d in diagnostics if d.get("fix")]
        return len(with_fix), sum(len(d["fix"]["edits"]) for d in with_fix)

    (small_findings, small), (large_findings, large) = fix_edits(20), fix_edits(80)
    assert small_findings >= 19 and large_findings >= 4 * small_findings - 4
    assert large / small < LINEAR_RATIO, f"{small} → {large} edits"
    assert large <= 9 * 80  # every edit once: at most one per heading


def test_the_fixes_of_a_run_together_renumber_it_once():
    text = TITLE + "一、总体\n" + "".join(f"（{k}）要点\n" for k in (1, 2, 2, 3, 5, 5, 6))
    result = result_of(text)
    for rule in {d.rule for d in result.diagnostics if d.fix}:
        edits = [(e.span.line, e.replacement) for d in result.diagnostics if d.rule == rule and d.fix
                 for e in d.fix.edits]
        assert len(edits) == len(set(edits)), rule  # no edit carried by two findings of one rule
    fixed, _ = apply_fixes(text, wanted(result.diagnostics, unsafe=True))
    assert [line[:3] for line in fixed.splitlines()[2:]] == [f"（{k}）" for k in range(1, 8)]


def test_html_outline_and_marks_are_linear(monkeypatch):
    calls = {"n": 0}
    between = html_format._LineCounts.between

    def counting(self, first, last):
        calls["n"] += 1
        return between(self, first, last)

    monkeypatch.setattr(html_format._LineCounts, "between", counting)
    sizes = []
    for n in (60, 240):
        calls["n"] = 0
        page = output("html", repeated_level_four(n))
        sizes.append((calls["n"], len(page)))
    (small_calls, small_page), (large_calls, large_page) = sizes
    assert large_calls / small_calls < LINEAR_RATIO
    assert large_page / small_page < LINEAR_RATIO


def test_html_marks_on_a_line_with_many_findings_stay_linear():
    def page(n: int) -> int:
        line = "今年完成了XX项工作，" * n
        diagnostics = [Diagnostic(rule="placeholder", code="RL101", severity="error", message="m",
                                  span=Span(1, 6 + 10 * k, 1, 8 + 10 * k), path="d.txt") for k in range(n)]
        return len(html_format._marked(line, 1, diagnostics))

    assert page(400) / page(100) < LINEAR_RATIO


class CountingLines(tuple):
    """The lines of a draft, counting each one looked at by index."""

    reads = 0

    def __getitem__(self, index):
        CountingLines.reads += 1
        return super().__getitem__(index)


def test_stacked_disable_next_line_comments_are_linear():
    """30,000 stacked comments took 20 s: each looked for its next text line
    through all the comments below it."""
    import dataclasses

    from checker.parse.outline import parse_document
    from checker.lint.suppression import apply_suppressions

    def work(n: int) -> int:
        lines = [TITLE.strip(), *["<!-- reportlint-disable-next-line placeholder -->"] * n, "今年完成了XX项工作。"]
        parsed = parse_document(SourceText(lines=tuple(lines), path="d.txt"))
        document = dataclasses.replace(parsed, lines=CountingLines(parsed.lines))
        diagnostics = result_of("\n".join(lines) + "\n").diagnostics
        CountingLines.reads = 0
        apply_suppressions(document, list(diagnostics), Config.load().rules)
        return CountingLines.reads

    small, large = work(500), work(2000)
    assert small > 0
    assert large / small < LINEAR_RATIO, f"{small} → {large} lines read"


def counted(monkeypatch, module, name: str) -> dict:
    """Replace ``module.name`` by a wrapper counting its calls in ``["n"]``."""
    calls = {"n": 0}
    original = getattr(module, name)

    def counting(*args, **kwargs):
        calls["n"] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_a_pass_of_fixes_compares_each_edit_with_its_neighbours_only(monkeypatch):
    """A fix-all (``--fix``, the language server's code action) kept its edits in
    a list and compared each new one with every one kept, then rebuilt the whole
    text once per edit: 4,000 fixes, 8 million comparisons and as many copies
    of the text. Now two comparisons per edit and one rebuild. Counted."""
    from checker import fixing

    calls = counted(monkeypatch, fixing, "_conflict")

    def work(n: int) -> int:
        text = TITLE + "今年完成了工作,成效明显。\n" * n  # one safe fix per line (the half-width comma)
        fixable = wanted(result_of(text).diagnostics)
        assert len(fixable) >= n
        calls["n"] = 0
        fixed, applied = apply_fixes(text, fixable)
        assert len(applied) == len(fixable) and "," not in fixed
        return calls["n"]

    small, large = work(200), work(800)
    assert large / small < LINEAR_RATIO, f"{small} → {large} comparisons"
    assert large <= 3 * 800


def test_a_fix_all_lints_a_bounded_number_of_times(monkeypatch):
    """The fix-all lints the text once, then once after each pass; passes stop
    when nothing was deferred, and never exceed MAX_PASSES: so its work is at
    most MAX_PASSES + 1 lints, each linear (tests/test_linear.py)."""
    from checker import fixing

    lints = counted(monkeypatch, fixing, "lint_source")
    for n in (100, 400):
        text = TITLE + "今年完成了工作,成效明显。\n" * n
        lints["n"] = 0
        outcome = fixing.fix_source(SourceText.from_string(text, "d.txt"), text, Config.load())
        assert len(outcome.fixed) == n
        assert lints["n"] == 2  # the lint, one pass, the lint of what remains: whatever n is
        first = result_of(text)
        lints["n"] = 0
        given = fixing.fix_source(SourceText.from_string(text, "d.txt"), text, Config.load(), linted=first)
        assert given.text == outcome.text and lints["n"] == 1  # the language server's lint is the first
    # the worst case: each pass can only take one of the fixes competing for one place
    text = TITLE + "一、总体\n" + "".join(f"（{k}）要点\n" for k in (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
    lints["n"] = 0
    fixing.fix_source(SourceText.from_string(text, "d.txt"), text, Config.load(), unsafe=True)
    assert lints["n"] <= fixing.MAX_PASSES + 1


def test_sarif_and_json_grow_with_the_findings_not_their_square():
    """Every machine format's size is linear in the findings (the JSON's was
    not: each finding carried its run's renumbering). Counted in characters."""
    for format_name in ("sarif", "json", "github"):
        small = len(output(format_name, TITLE + "今年完成了XX项工作，" * 200 + "\n"))
        large = len(output(format_name, TITLE + "今年完成了XX项工作，" * 800 + "\n"))
        assert large / small < LINEAR_RATIO, format_name


def test_every_format_writes_a_file_a_finding_or_a_line_at_a_time():
    """A draft full of findings never has its whole report in memory (issue 22,
    #8: JSON at 10 MB took 2.6 GB): each format gives a file's text piece by
    piece, and the longest piece does not grow with the findings; the pieces
    together are the text the format always wrote (JSON: one valid document)."""
    for format_name in ("full", "concise", "json", "sarif", "github", "html"):
        longest = []
        for n in (50, 200):
            result = result_of(TITLE + "今年完成了XX项工作,成效明显。\n" * n)
            assert len(result.diagnostics) >= 2 * n
            formatter = FORMATTERS[format_name](RunInfo())
            pieces = list(formatter.parts(result))
            assert len(pieces) >= n, format_name  # a finding (html: a line) a piece
            longest.append(max(map(len, pieces)))
            assert "".join(pieces) == FORMATTERS[format_name](RunInfo()).file(result)
        assert longest[1] <= longest[0] + 16, f"{format_name}: {longest}"  # a longer line number, no more


def test_the_streamed_json_is_the_document_at_once():
    result = result_of(TITLE + "今年完成了XX项工作,成效明显。\n" * 5)
    empty = result_of(TITLE)
    for statistics in (False, True):
        text = render(FORMATTERS["json"](RunInfo(statistics=statistics)), [result, empty, result])
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
        files = json.loads(text)["files"]
        assert [len(f["diagnostics"]) for f in files] == [len(result.diagnostics), 0, len(result.diagnostics)]


def test_the_json_writer_writes_what_the_json_module_writes():
    """formats/base.indented replaces json.dumps(indent=2) for speed: the same
    text for every kind of value, nested or not; inside a streamed array, a
    string holding a line separator (U+2028) is kept as it is (an indent put
    after every line break, as textwrap sees them, once changed it)."""
    from checker.formats.base import JsonArrayStream, indented

    values = [{}, [], (), {"a": []}, {"a": {}}, [[[]]], -3, 10 ** 30, 1.5, float("nan"), None, True, False,
              "é\u2028\u2029\x85\"\\\n\t\x00", {"x": [1, 2, {"y": None, "z": True, "w": (1, "2")}]},
              {1: "one", "two": 2}, {"deep": {"er": [{"a": "b", "c": [1.25]}]}}]
    for value in values:
        want = json.dumps(value, ensure_ascii=False, indent=2)
        assert indented(value) == want, value
        assert indented(value, "    ") == want.replace("\n", "\n    "), value
    stream = JsonArrayStream()
    document = {"version": 1, "items": JsonArrayStream.ITEMS}
    text = stream.begin(document) + stream.item({"message": "甲\u2028乙"}) + stream.item([1]) + stream.end(document)
    assert json.loads(text) == {"version": 1, "items": [{"message": "甲\u2028乙"}, [1]]}
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2)
