"""The facts of a whole draft that consistency is judged on (checker/analyse/
dates.py, period.py, quantities.py, relations.py, units.py, people.py and
consistency.py): what each extractor finds, and what it must leave alone."""

from __future__ import annotations

import datetime

from checker.analyse.analysis import analyse
from checker.analyse.dates import chinese_number, dates_in_line
from checker.analyse.quantities import quantities_in_line
from checker.analyse.relations import changes, sentences, shares, table_totals, totals
from checker.analyse.unit_mentions import parse_unit, role_mentions, self_references
from checker.analyse.people import name_candidates, one_off_keys, people
from checker.model import SourceText
from checker.parse.outline import parse_document


def facts_of(text: str):
    return analyse(parse_document(SourceText.from_string(text, path="draft.txt"))).draft


def test_dates_with_and_without_year_weekday_and_ranges():
    mentions, ranges = dates_in_line(3, "　　2025年8月4日至8月15日调研；3月12日（星期三）召开会议，5月20日至22日评估。")
    assert [(m.year, m.month, m.day) for m in mentions] == [(2025, 8, 4), (2025, 8, 15), (None, 3, 12), (None, 5, 20)]
    assert mentions[2].weekday == 2 and mentions[2].text == "3月12日（星期三）"
    assert [(r.start.day, r.end.day, r.end.month) for r in ranges] == [(4, 15, 8), (20, 22, 5)]
    assert ranges[0].end.year == 2025  # the end inherits the start's year


def test_months_chinese_numerals_and_what_is_no_date():
    mentions, _ = dates_in_line(1, "截至2024年11月底，二〇二五年十二月二十六日，12个月，第3季度，112月")
    assert [(m.year, m.month, m.day, m.edge) for m in mentions] == [(2024, 11, None, "底"), (2025, 12, 26, "")]
    assert mentions[0].on(2024) == datetime.date(2024, 11, 30)
    assert chinese_number("二十六") == 26 and chinese_number("十") == 10 and chinese_number("二〇二五") == 2025


def test_quantities_units_multipliers_and_estimates():
    found = quantities_in_line(1, "完成投资9.8亿元，约620万元，4600余根，5.6万亩以上，提高3.8个百分点，增长6.2%，2025年")
    assert [(q.value, q.unit, q.approximate) for q in found] == [
        (980_000_000.0000001, "元", False), (6_200_000, "元", True), (4600, "根", True), (56_000, "亩", True),
        (3.8, "个百分点", False), (6.2, "%", False)]
    assert found[0].half_step == 5_000_000  # 9.8亿: rounding may move it by 0.05亿


def relations_of(line: str):
    quantities = quantities_in_line(1, line)
    groups = sentences(quantities, line)
    return ([t for g in groups for t in totals(g, line)], [c for g in groups for c in changes(g, line)],
            [s for g in groups for s in shares(g, line, [])])


def test_totals_with_parts_and_lists_left_alone():
    found, _, _ = relations_of("全年共实施重点项目24个，其中工业项目10个、农业项目8个、社会事业项目6个。")
    assert [(t.total.value, [p.value for p in t.parts]) for t in found] == [(24, [10, 8, 6])]
    for line in ("排查纠纷86起，其中土地纠纷31起、邻里纠纷27起等。",
                 "共有党员120名，其中女党员35名、大专以上学历党员80名。",
                 "共36场，其中县级医院18场，服务群众1.5万人次。"):
        assert relations_of(line)[0] == [], line


def test_changes_from_to_and_compared_with_and_points():
    _, found, _ = relations_of("完成固定资产投资9.8亿元，较上年的8.4亿元增长16.7%。")
    assert [(c.start.value, c.end.value, c.stated.value) for c in found] == [(840_000_000, 980_000_000.0000001, 16.7)]
    _, found, _ = relations_of("健康管理率由上年同期的68.5%提高到72.3%，提高3.8个百分点。")
    assert [(c.start.value, c.end.value, c.stated.unit) for c in found] == [(68.5, 72.3, "个百分点")]
    _, found, _ = relations_of("共1380家，较2020年底的620家增加760家，增长122.6%。")
    assert [(c.stated.value, c.stated.unit) for c in found] == [(760, "家"), (122.6, "%")]
    assert relations_of("出院患者3.12万人次，较2024年同期增加0.2万人次。")[1] == []


def test_shares_and_rates():
    _, _, found = relations_of("受理信访事项152件，办结148件，办结率97.4%。")
    assert [(s.part.value, s.whole.value, s.word, s.capped) for s in found] == [(148, 152, "办结率", True)]
    _, _, found = relations_of("42家农场中有29家反映贷款难，占69.0%。")
    assert [(s.part.value, s.whole.value) for s in found] == [(29, 42)]
    _, _, found = relations_of("签订率100%，疫苗接种率保持在95%以上。")
    assert [(s.part, s.stated.value) for s in found] == [(None, 100)]


def test_table_total_row():
    lines = ["| 项目 | 计划 | 完成 |", "| --- | --- | --- |", "| 甲 | 3200 | 1860 |", "| 乙 | 1500 | 1120 |",
             "| 合计 | 4700 | 2980 |"]
    found = table_totals(lines, None)
    assert [(t.total.line, t.total.value, sum(p.value for p in t.parts)) for t in found] == [(5, 4700, 4700), (5, 2980, 2980)]
    assert table_totals(lines[:4] + ["| 小计 | 4700 | 2980 |", lines[4]], None) == []


def test_units_author_self_references_and_roles():
    assert (parse_unit("中共青石镇委员会", 1).type, parse_unit("中共青石镇委员会", 1).name) == ("镇", "青石镇")
    unit = parse_unit("云溪县农业农村局调研组", 1)
    assert (unit.type, unit.county) == ("局", "云溪县")
    assert parse_unit("东城街道办事处", 1).name == "东城街道"
    lines = ["我局在县委领导下，我镇、本街道；本办法。", "2025年，白沙镇党委、政府在青山县委、县政府的坚强领导下，与西城街道接壤。"]
    assert [m.text for m in self_references(lines)] == ["我局", "我镇", "本街道"]
    roles = role_mentions(lines, 0)
    assert [(m.role, m.place) for m in roles] == [("subject", "白沙镇"), ("led-by", "青山县")]


def test_people_byline_signature_titled_and_variants():
    lines = ["云溪县自然资源局局长2025年度述职报告", "云溪县自然资源局　李明华", "局长张卫东出席会议，副局长刘芳对工作作了安排。",
             "述职人：李明华"]
    found = people(lines, {1, 2}, {4})
    # the byline's and the signature's name hold the reporter's title the report's title names
    assert [(p.name, p.title, p.role) for p in found] == [
        ("李明华", "局长", "byline"), ("张卫东", "局长", "body"), ("刘芳", "副局长", "body"), ("李明华", "局长", "signature")]
    assert set(one_off_keys("张卫东")) & set(one_off_keys("张伟东")) and not set(one_off_keys("张卫东")) & set(one_off_keys("李卫东"))
    assert ("张伟东" in [name for _, name in name_candidates("9月3日，张伟东带队检查")])


def test_draft_facts_period_signature_author_and_plans():
    facts = facts_of("青石镇2025年工作总结\n\n　　一、主要成效\n　　全镇完成投资9.8亿元。\n　　二、2026年工作打算\n"
                     "　　力争完成投资10亿元。\n\n　　　　青石镇人民政府\n　　　　2025年12月26日\n")
    assert (facts.period.year, facts.period.part, facts.period.source) == (2025, "", "title")
    assert facts.signed.on(2025) == datetime.date(2025, 12, 26)
    assert (facts.author.type, facts.author.name) == ("镇", "青石镇")
    assert 6 in facts.plan_lines and 4 not in facts.plan_lines and 9 not in facts.plan_lines
