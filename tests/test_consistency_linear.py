"""The consistency facts and rules (issue 18) do work linear in the size of the
draft: they are computed once per draft, by one pass per line, and the rules
compare mentions through indexes (a thing's first mentions, names by the keys
they share), never each mention with every other. Not timed: the work is
*counted* — the lines of Python executed in the extractors (checker/analyse/)
and the consistency rule types (checker/lint/kinds/consistency_*.py) — at a
size n and at 4n; linear work grows about 4 times, quadratic work 16 times.
The seconds are in bench/run.py and docs/performance.md.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from checker.api import Config, lint_text

# every rule on, figure-conflict (off by default) too: its cost is measured as well
ALL_ON = Config(rules=[dataclasses.replace(rule, enabled=True) for rule in Config.load().rules])

ROOT = Path(__file__).resolve().parent.parent
WATCHED = {str(path) for path in (ROOT / "checker" / "analyse").glob("*.py")} | {
    str(path) for path in (ROOT / "checker" / "lint" / "kinds").glob("consistency_*.py")}
LINEAR_RATIO = 5.0  # work at 4n over work at n: 4 when linear, 16 when quadratic
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭"
GIVEN = "建国明华卫东志刚海燕丽娟文军红梅永强晓光"
SIGNATURE = "\n　　　　　　　　青石镇人民政府\n　　　　　　　　2025年12月26日\n"


def counted_work(text: str) -> int:
    """Lines of the extractors and consistency rules executed on ``text``."""
    executed = 0

    def local(frame, event, arg):
        nonlocal executed
        if event == "line":
            executed += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename in WATCHED else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        lint_text(text, path="draft.txt", config=ALL_ON)
    finally:
        sys.settrace(previous)
    return executed


def whole_draft(n: int) -> str:
    body = (ROOT / "examples" / "consistency.txt").read_text(encoding="utf-8").splitlines()[2:-3]
    return "青石镇2025年工作总结\n\n" + "\n".join(body * n) + "\n" + SIGNATURE


def distinct_people(n: int) -> str:
    names = [s + a + b for s in SURNAMES for a in GIVEN for b in GIVEN][:2 * n]
    lines = [f"　　局长{names[k]}出席会议并讲话，{names[k + n]}同志作了安排。" for k in range(n)]
    return "青石镇2025年工作总结\n\n" + "\n".join(lines) + "\n" + SIGNATURE


def one_thing_counted_often(n: int) -> str:
    lines = [f"　　累计改造老旧小区{k + 40}个。\n　　全年改造老旧小区{k + 3}个，上半年改造老旧小区{k + 1}个。" for k in range(n)]
    return "青石镇2025年工作总结\n\n" + "\n".join(lines) + "\n" + SIGNATURE


def dates_and_old_names(n: int) -> str:
    lines = [f"　　5月{k % 28 + 1}日至{k % 28 + 2}日，县国土资源局开展检查；3月12日（星期三）召开会议，会后于3月14日前完成整改。"
             for k in range(n)]
    return "关于2025年上半年工作情况的报告\n\n" + "\n".join(lines) + "\n\n　　　　云溪县自然资源局\n　　　　2025年7月2日\n"


def figures_and_rates(n: int) -> str:
    lines = [f"　　共实施项目{k + 30}个，其中工业项目{k + 10}个、农业项目8个、其他项目13个；受理信访{k + 50}件，办结{k + 40}件，"
             f"办结率80.0%；收入由{k + 100}万元增至{k + 120}万元，增长20.0%；面积共计21.6万亩；其中流转18.4万亩，占85.2%。"
             for k in range(n)]
    return "青石镇2025年工作总结\n\n" + "\n".join(lines) + "\n" + SIGNATURE


SHAPES = {
    "a whole draft repeated": whole_draft,
    "distinct people named": distinct_people,
    "one thing counted many times": one_thing_counted_often,
    "dates, ranges and old unit names": dates_and_old_names,
    "totals, changes and rates": figures_and_rates,
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_consistency_work_grows_linearly(shape):
    build = SHAPES[shape]
    small, large = counted_work(build(15)), counted_work(build(60))
    assert small > 0
    assert large / small < LINEAR_RATIO, f"{shape}: {small} → {large} lines executed"


def test_the_shapes_reach_the_rules():
    """The shapes exercise what they are named after (else the ratio proves nothing)."""
    rules = {shape: {d.rule for d in lint_text(build(3), path="draft.txt", config=ALL_ON)} for shape, build in SHAPES.items()}
    assert {"weekday-mismatch", "figure-conflict", "name-mismatch", "unit-mismatch"} <= rules["a whole draft repeated"]
    assert "unit-mismatch" in rules["dates, ranges and old unit names"]
    assert "sum-mismatch" in rules["totals, changes and rates"]
