"""`reportlint outline` shows the facts the consistency rules judge (issue 18):
the period, the signature date, the author unit and who leads it, the
self-references, the dates with their weekday, the totals and changes — each with
its line, in text (Chinese labels) and in JSON. Real subprocess runs on a draft;
the expected lines are read from the draft itself."""

from __future__ import annotations

import json
import re

from conftest import ROOT

DRAFT = "tests/drafts/consistency/zhen_zongjie.txt"


def draft_line(needle: str) -> int:
    lines = (ROOT / DRAFT).read_text(encoding="utf-8").splitlines()
    [number] = [n for n, line in enumerate(lines, 1) if needle in line]
    return number


def facts_part(text: str) -> str:
    header = "事实（一致性规则据此判断）"
    assert header in text, text
    return text.split(header, 1)[1]


def test_outline_text_shows_the_facts_with_their_lines(run_cli):
    result = run_cli("--lang", "zh", "outline", DRAFT)
    assert result.returncode == 0, result.stderr.decode()
    facts = facts_part(result.stdout.decode("utf-8"))
    assert re.search(r"^\s+1  报告期\s+2025年（取自标题）$", facts, re.M), facts
    signed = draft_line("2025年12月26日")
    assert re.search(rf"^\s+{signed}  落款日期\s+2025年12月26日（2025-12-26 星期五）$", facts, re.M), facts
    assert re.search(rf"^\s+{draft_line('中共青石镇委员会')}  署名单位\s+青石镇（类型：镇，也可自称：委", facts, re.M)
    assert re.search(rf"^\s+{draft_line('坚强领导')}  领导机关\s+在县委、县政府的坚强领导", facts, re.M), facts
    meeting = draft_line("3月12日（星期三）")
    assert re.search(rf"^\s+{meeting}  日期\s+3月12日（星期三）（2025-03-12 星期三，年份按报告期推定）$", facts, re.M)
    assert re.search(rf"^\s+{draft_line('我镇连续八年')}  自称\s+我镇$", facts, re.M), facts
    assert re.search(rf"^\s+{draft_line('共实施重点项目24个')}  合计\s+24个 = 10个 \+ 8个 \+ 6个$", facts, re.M)
    assert re.search(rf"^\s+{draft_line('较上年的8.4亿元')}  变化\s+8.4亿元 → 9.8亿元：16.7%$", facts, re.M)


def test_outline_json_carries_the_facts(run_cli):
    result = run_cli("outline", "--output-format", "json", DRAFT)
    assert result.returncode == 0, result.stderr.decode()
    [outline] = json.loads(result.stdout)["outlines"]
    facts = outline["facts"]
    assert facts["period"] == {"text": "2025年", "year": 2025, "part": "", "line": 1, "source": "title"}
    assert facts["signed"]["date"] == "2025-12-26" and facts["signed"]["line"] == draft_line("2025年12月26日")
    author = facts["author"]
    assert (author["name"], author["type"], author["also"], author["line"]) == \
        ("青石镇", "镇", ["委"], draft_line("中共青石镇委员会"))
    meeting = next(d for d in facts["dates"] if d["text"].startswith("3月12日"))
    assert meeting == {"line": draft_line("3月12日（星期三）"), "column": meeting["column"], "text": "3月12日（星期三）",
                       "year": 2025, "year_inferred": True, "date": "2025-03-12", "weekday": "三",
                       "stated_weekday": "三"}
    assert [m["line"] for m in facts["self_references"]] == [draft_line("我镇连续八年"), draft_line("2026年，我镇将")]
    assert [(m["text"], m["place"]) for m in facts["leaders"]] == [("在县委、县政府的坚强领导", "")]
    whole_town = [n for n, line in enumerate((ROOT / DRAFT).read_text(encoding="utf-8").splitlines(), 1) if "全镇" in line]
    assert sorted({m["line"] for m in facts["bare_organs"] if m["text"] == "全镇"}) == whole_town
    [total] = facts["totals"]
    assert (total["line"], total["total"], total["parts"]) == (draft_line("共实施重点项目24个"), "24个", ["10个", "8个", "6个"])
    assert {"line": draft_line("较上年的8.4亿元"), "from": "8.4亿元", "to": "9.8亿元", "stated": "16.7%"} in facts["changes"]
    assert facts["plan_lines"] == list(range(draft_line("三、2026年工作打算"), draft_line("2026年，我镇将") + 2))


def test_outline_facts_of_a_weekday_that_is_not_the_dates(run_cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("东山乡2025年上半年工作总结\n\n　　6月6日（星期四），我乡召开会议。\n\n东山乡人民政府\n2025年7月8日\n",
                     encoding="utf-8")
    result = run_cli("--lang", "zh", "outline", str(draft))
    facts = facts_part(result.stdout.decode("utf-8"))
    assert re.search(r"^\s+3  日期\s+6月6日（星期四）（2025-06-06 星期五，文中写星期四，年份按报告期推定）$", facts, re.M), facts
    assert re.search(r"^\s+5  署名单位\s+东山乡（类型：乡，所在地：东山乡）$", facts, re.M), facts
    assert re.search(r"^\s+1  报告期\s+2025年上半年（取自标题）$", facts, re.M), facts
