"""The section rules: missing-title, missing-section, section-order,
empty-section, truncated-paragraph — and the genre packs they stand on.

Injected-defect tests take a clean draft written for this suite (several
genres), inject one defect at a time, and check that exactly the expected
diagnostic appears, at its line, and nothing else.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

import pytest

from checker.api import Config, UnknownGenre, lint_text
from checker.analyse.analysis import analyse
from checker.settings.genres import (
    builtin_genres, builtin_parts, detect_genre, find_genre, load_genre_pack, load_genres, load_parts,
)
from conftest import parse_text
from checker.lint.ruleset import RuleFileError

from conftest import EXAMPLES


def genre_of(document):
    return analyse(document).genre


SECTION_RULES = {"missing-title", "missing-section", "section-order", "empty-section", "truncated-paragraph"}
MARKERS = "一二三四五六七八九十"


# ---------------------------------------------------------------- clean drafts


@dataclass
class Draft:
    """A draft as parts, so a defect can be injected and the draft re-rendered
    with its level-1 markers renumbered (as an author would)."""

    title: Optional[str]
    head: list[str]  # lines between the title and the first heading
    sections: list[tuple[str, list[str]]]  # level-1 heading title, body lines
    tail: list[str] = field(default_factory=list)  # closing block

    def lines(self) -> list[str]:
        out = [self.title] if self.title else []
        out += self.head if self.title else self.head[1:]  # the blank after the title goes with it
        for index, (title, body) in enumerate(self.sections):
            out.append(f"{MARKERS[index]}、{title}")
            out += body
        return out + self.tail

    def text(self) -> str:
        return "\n".join(self.lines()) + "\n"

    def heading_line(self, index: int) -> int:
        return self.lines().index(f"{MARKERS[index]}、{self.sections[index][0]}") + 1

    def body_line(self, index: int, item: int) -> int:
        return self.heading_line(index) + 1 + item


DRAFTS = {
    "shuzhi": Draft(
        title="张某某2024年度述职报告",
        head=["", "县委组织部：", "按照年度考核工作安排，现将本人一年来履职情况报告如下。"],
        sections=[
            ("履职情况", [
                "（一）坚持学习在前，提升政治能力。全年参加理论学习中心组学习12次，撰写心得体会4篇。",
                "（二）坚持项目为王，推动经济发展。牵头推进重点项目8个，完成投资4.6亿元，同比增长12%。",
                "（三）坚持民生为本，办好民生实事。新建村级养老服务站6个，新增城镇就业岗位320个。"]),
            ("存在的问题和不足", [
                "对照岗位职责和群众期盼，本人工作还存在一些差距：一是调查研究不够深入，到基层蹲点调研的时间偏少；"
                "二是抓落实的韧劲不足，个别项目推进滞后于计划。"]),
            ("下一步工作打算", [
                "（一）深化理论武装。坚持每月开展一次专题学习，用党的创新理论指导实践。",
                "（二）狠抓项目落实。对滞后项目实行清单化管理，确保年内全部建成投产。"]),
        ],
        tail=["", "张某某", "2025年1月8日"]),
    "zicha": Draft(
        title="某某镇关于落实中央八项规定精神情况的自查报告",
        head=["", "县纪委监委：", "根据《关于开展落实中央八项规定精神自查自纠工作的通知》要求，我镇认真开展了自查，"
              "现将有关情况报告如下。"],
        sections=[
            ("自查工作开展情况", [
                "镇党委召开专题会议研究部署，成立由党委书记任组长的自查工作领导小组，逐项对照检查公务接待、公车使用、"
                "办公用房等情况。",
                "全镇共核查公务接待审批单146份、公车派车单312份，清理办公用房面积86平方米。"]),
            ("存在的问题", [
                "（一）个别公务接待审批手续不完备，存在先接待后补单的情况。",
                "（二）公车使用登记不够规范，部分派车单填写不完整。"]),
            ("原因分析", ["一是对制度的学习领会不够深入；二是日常监督检查存在薄弱环节。"]),
            ("下一步整改措施", [
                "（一）完善公务接待审批制度，严格执行“一事一单”。",
                "（二）加强公车使用管理，每月对派车单进行一次检查。"]),
        ],
        tail=["", "中共某某镇委员会", "2024年11月20日"]),
    "huibao": Draft(
        title="中共某某镇委员会关于县委第二巡察组巡察工作的汇报",
        head=["", "县委第二巡察组：", "根据巡察工作安排，现将我镇有关工作情况汇报如下。"],
        sections=[
            ("基本情况", ["某某镇位于县城东部，辖8个行政村、2个社区，户籍人口3.2万人，镇党委下设党支部26个，"
                      "共有党员912名。"]),
            ("主要工作开展情况", [
                "（一）全面从严治党持续深化。落实“第一议题”制度，全年开展集中学习24次。",
                "（二）经济发展稳中有进。全年完成固定资产投资6.8亿元，同比增长9.5%。",
                "（三）民生保障扎实有力。完成农村危房改造41户，新增城镇就业岗位450个。"]),
            ("存在的困难和问题", ["一是产业结构较为单一，新兴产业培育不足；二是基层干部队伍年龄偏大，年轻干部储备不足。"]),
            ("下步工作打算", ["我们将以此次巡察为契机，认真抓好巡察反馈意见整改，推动各项工作再上新台阶。"]),
        ]),
    "zongjie": Draft(
        title="某县农业农村局2024年工作总结",
        head=["", "2024年，我局坚持以习近平新时代中国特色社会主义思想为指导，围绕乡村全面振兴目标，扎实推进各项工作。"
              "现将全年工作总结如下："],
        sections=[
            ("主要工作及成效", [
                "（一）粮食生产稳中有升。全年粮食播种面积达到36.2万亩，总产量15.8万吨，同比增长2.1%。",
                "（二）产业发展提质增效。新培育市级龙头企业3家，发展农民专业合作社21个。",
                "（三）农村人居环境持续改善。完成农村户厕改造1200户，生活垃圾收运处置体系覆盖全部行政村。"]),
            ("存在的问题", ["（一）农业产业链条偏短，精深加工能力不足。", "（二）基层农技推广队伍老化，专业人才引进难。"]),
            ("明年工作计划", [
                "（一）稳定粮食生产。严格落实耕地保护制度，确保粮食播种面积稳定在36万亩以上。",
                "（二）壮大特色产业。支持龙头企业延链补链，推动农产品加工业提质升级。"]),
        ]),
    "baogao": Draft(
        title="某县人民政府关于2024年工作情况的报告",
        head=["", "市人民政府：", "现将我县2024年工作情况报告如下。"],
        sections=[
            ("一年来的主要工作", [
                "全县地区生产总值完成186亿元，同比增长5.8%；一般公共预算收入完成12.4亿元，同比增长6.1%。",
                "新开工亿元以上项目23个，完成固定资产投资96亿元。"]),
            ("存在的主要问题", ["经济总量不大，产业层次不高；民生领域还有不少短板。"]),
            ("下一步工作安排", ["我们将紧紧围绕市委、市政府决策部署，全力以赴稳增长、促改革、调结构、惠民生，确保完成全年目标任务。"]),
        ],
        tail=["", "某县人民政府", "2025年1月15日"]),
    "thematic": Draft(  # a 述职述廉报告 whose work is written by topic
        title="李某某同志2024年度述职述廉报告",
        head=[""],
        sections=[
            ("抓学习，强引领，政治站位不断提高", ["坚持把学习贯彻党的创新理论作为首要政治任务，全年讲授专题党课3次。"]),
            ("抓项目，促发展，经济实力持续增强", ["牵头推进省市重点项目5个，全部实现年度投资目标。"]),
            ("守底线，严自律，廉洁从政的形象持续巩固", ["严格执行中央八项规定精神，从未收受任何礼品礼金。"]),
            ("存在的不足", ["在统筹推进发展和安全方面，办法还不够多，工作还不够细。"]),
            ("今后努力方向", ["我将进一步加强学习，改进作风，以更加昂扬的精神状态做好各项工作。"]),
        ]),
}

GENRE_OF_DRAFT = {"shuzhi": "shuzhi", "zicha": "zicha", "huibao": "huibao", "zongjie": "zongjie",
                  "baogao": "baogao", "thematic": "shuzhi"}


def findings(text: str, path: Optional[str] = None, config: Optional[Config] = None) -> list[tuple[str, int]]:
    return sorted((d.rule, d.line) for d in lint_text(text, path=path, config=config))


def without(draft: Draft, index: int) -> Draft:
    return replace(draft, sections=[s for i, s in enumerate(draft.sections) if i != index])


def swapped(draft: Draft, index: int) -> Draft:
    sections = list(draft.sections)
    sections[index], sections[index + 1] = sections[index + 1], sections[index]
    return replace(draft, sections=sections)


def with_body(draft: Draft, index: int, body: list[str]) -> Draft:
    sections = list(draft.sections)
    sections[index] = (sections[index][0], body)
    return replace(draft, sections=sections)


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_clean_drafts_draw_no_finding(name):
    draft = DRAFTS[name]
    assert lint_text(draft.text()) == [], name
    assert genre_of(parse_text(draft.text())).genre == GENRE_OF_DRAFT[name]


# ---------------------------------------------------------------- injected defects

MISSING_CASES = [
    # draft, section deleted, where the finding stands: ("heading", i) of the new draft, or ("end", line offset)
    ("shuzhi", 1, ("heading", 1)),  # 存在问题 gone: reported on 二、下一步工作打算
    ("shuzhi", 2, ("end", None)),  # 下步打算 gone: at the end of 二、存在的问题和不足
    ("shuzhi", 0, ("heading", 0)),  # 履职情况 gone: on 一、存在的问题和不足
    ("zicha", 1, ("heading", 1)),  # 存在的问题 gone: on 二、原因分析
    ("zicha", 3, ("end", None)),  # 整改措施 gone
    ("huibao", 2, ("heading", 2)),
    ("huibao", 3, ("end", None)),
    ("zongjie", 1, ("heading", 1)),
    ("zongjie", 2, ("end", None)),
    ("baogao", 2, ("end", None)),  # 下一步工作安排 gone (a 工作报告 still names 存在问题)
    ("thematic", 3, ("heading", 3)),  # 存在的不足 gone: on 四、今后努力方向
    ("thematic", 4, ("end", None)),
]


@pytest.mark.parametrize("name, index, where", MISSING_CASES)
def test_deleting_a_required_section_is_reported_where_it_belongs(name, index, where):
    draft = without(DRAFTS[name], index)
    found = lint_text(draft.text())
    assert [d.rule for d in found] == ["missing-section"], [(d.rule, d.line, d.message) for d in found]
    [diagnostic] = found
    section = find_genre(GENRE_OF_DRAFT[name]).sections
    assert "缺少“" in diagnostic.message
    if where[0] == "heading":
        assert diagnostic.line == draft.heading_line(where[1])
        assert diagnostic.column == 1
        assert f"“{MARKERS[where[1]]}、{draft.sections[where[1]][0]}”之前" in diagnostic.message
    else:
        last = len([line for line in draft.lines() if line is not None]) - len(draft.tail)
        assert diagnostic.line == last
        previous = draft.sections[-1]
        assert f"“{MARKERS[len(draft.sections) - 1]}、{previous[0]}”之后" in diagnostic.message
    assert any(f"“{s.name}”" in diagnostic.message for s in section)


def test_deleting_an_optional_section_is_not_reported():
    assert lint_text(without(DRAFTS["zicha"], 2).text()) == []  # 原因分析
    assert lint_text(without(DRAFTS["baogao"], 1).text()) == []  # 存在问题 in a 工作报告


SWAP_CASES = [("shuzhi", 1), ("shuzhi", 0), ("zicha", 1), ("zicha", 2), ("huibao", 2), ("zongjie", 1),
              ("baogao", 1), ("thematic", 3)]


@pytest.mark.parametrize("name, index", SWAP_CASES)
def test_swapping_two_sections_is_reported_on_the_later_one(name, index):
    draft = swapped(DRAFTS[name], index)
    found = lint_text(draft.text())
    assert [(d.rule, d.line) for d in found] == [("section-order", draft.heading_line(index + 1))], \
        [(d.rule, d.line, d.message) for d in found]
    assert f"“{MARKERS[index]}、{draft.sections[index][0]}”之前" in found[0].message


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_emptying_a_section_is_reported_on_its_heading(name):
    for index in range(len(DRAFTS[name].sections)):
        draft = with_body(DRAFTS[name], index, [])
        assert findings(draft.text()) == [("empty-section", draft.heading_line(index))], (name, index)


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_a_section_of_only_an_ellipsis_is_reported_with_the_placeholder(name):
    draft = with_body(DRAFTS[name], 0, ["……"])
    line = draft.heading_line(0)
    assert findings(draft.text()) == [("empty-section", line), ("placeholder", line + 1)]


def test_an_empty_subsection_is_reported_where_its_siblings_have_text():
    draft = DRAFTS["shuzhi"]
    body = list(draft.sections[0][1])
    body[1] = "（二）坚持项目为王，推动经济发展"
    changed = with_body(draft, 0, body)
    assert findings(changed.text()) == [("empty-section", changed.body_line(0, 1))]


CUTS = [  # draft, section, body line, characters kept
    ("shuzhi", 0, 1, 31),  # a heading's body: （二）坚持项目为王，推动经济发展。牵头推进重点项目8个，
    ("shuzhi", 1, 0, 59),  # ends in ，
    ("zicha", 0, 0, 25),
    ("huibao", 0, 0, 20),
    ("zongjie", 2, 1, 30),
    ("baogao", 0, 1, 12),
    ("thematic", 4, 0, 12),
]


@pytest.mark.parametrize("name, index, item, keep", CUTS)
def test_a_paragraph_cut_mid_sentence_is_reported_on_its_last_character(name, index, item, keep):
    draft = DRAFTS[name]
    body = list(draft.sections[index][1])
    body[item] = body[item][:keep]
    changed = with_body(draft, index, body)
    found = lint_text(changed.text())
    line = changed.body_line(index, item)
    assert [(d.rule, d.line, d.column, d.span.end_column) for d in found] == [
        ("truncated-paragraph", line, keep, keep + 1)], [(d.rule, d.line, d.message) for d in found]


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_removing_the_title_is_reported_at_line_one(name):
    draft = replace(DRAFTS[name], title=None)
    assert findings(draft.text()) == [("missing-title", 1)]


def test_a_draft_without_title_is_checked_with_the_fallback_genre():
    # 存在问题 deleted and the title gone: the genre is unknown, nothing is demanded
    draft = replace(without(DRAFTS["shuzhi"], 1), title=None)
    assert findings(draft.text()) == [("missing-title", 1)]
    assert genre_of(parse_text(draft.text())).fallback
    # ... but the fallback still knows the usual order
    draft = replace(swapped(DRAFTS["shuzhi"], 1), title=None)
    assert findings(draft.text()) == [("missing-title", 1), ("section-order", draft.heading_line(2))]


def test_a_subtitle_left_without_its_title_still_names_the_genre():
    """The title line deleted, the subtitle under it stays: the draft is
    reported as untitled and judged as the genre the subtitle names."""
    text = ("——某某街道党工委书记2024年度述职报告\n\n一、履职情况\n全年推进重点项目12个。\n"
            "二、下步打算\n持续抓好项目建设。\n")
    document = parse_text(text)
    assert document.title is None and document.line_kinds[1] == "byline"
    assert genre_of(document).genre == "shuzhi"
    assert sorted(findings(text)) == [("missing-section", 5), ("missing-title", 1)]


# ---------------------------------------------------------------- genres


@pytest.mark.parametrize("title, genre", [
    ("张某某2024年度述职报告", "shuzhi"),
    ("乡镇（街道）党（工）委书记抓基层党建工作述职报告", "shuzhi"),
    ("李某某同志2024年度述职述廉报告", "shuzhi"),
    ("镇党委自查报告", "zicha"),
    ("关于落实中央八项规定精神情况的自查自纠报告", "zicha"),
    ("中共某某镇委员会关于县委第二巡察组巡察工作的汇报", "huibao"),
    ("某某县文化和旅游局工作汇报", "huibao"),
    ("政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上", "baogao"),
    ("关于2024年工作情况的报告", "baogao"),
    ("关于某某路段交通事故的情况报告", "qingkuang"),
    ("某县农业农村局2024年工作总结", "zongjie"),
    ("关于某某镇产业发展的调研报告", "diaoyan"),
    ("关于某某镇农村人居环境整治情况的调查与思考", "diaoyan"),
    ("中共某县纪委书记2024年度述责述廉报告", "shuzelian"),
    ("关于县委第二巡察组反馈意见整改情况的报告", "zhenggai"),
    ("某县审计局关于2023年度审计查出问题整改情况的报告", "zhenggai"),
    ("某某同志2024年度民主生活会对照检查材料", "duizhao"),
    ("第一党支部2024年度组织生活会个人发言提纲", "duizhao"),
    ("在2024年度民主生活会上的发言", "duizhao"),
    ("关于某某镇产业发展情况的报告", "qingkuang"),
    ("在全县2024年度工作总结暨表彰大会上的讲话", "jianghua"),
    ("在2024年度述职评议会上的讲话", "jianghua"),
    ("在全市安全生产工作会议上的发言", "jianghua"),
    (None, "generic"),
])
def test_genre_is_read_from_the_title(title, genre):
    assert detect_genre(title).genre == genre


@pytest.mark.parametrize("title", [
    "存在问题", "存在的问题和原因剖析", "存在的问题与不足", "存在问题及原因", "存在的主要问题", "存在的困难和问题",
    "问题与不足", "当前存在的问题", "自查发现的问题", "工作中的不足", "工作中的差距", "几点不足",
    "需要改进的地方", "反思与不足", "正视不足，明确努力方向", "查找自身差距",
])
def test_problem_titles_are_recognised_by_every_genre(title):
    for pack in builtin_genres():
        problems = next(s for s in pack.sections if s.part == "problems")
        assert problems.matches(title), (pack.genre, title)


@pytest.mark.parametrize("title", [
    "下一步工作计划", "下阶段重点工作", "下步工作打算", "今后努力方向和改进措施", "改进工作的措施和思路",
    "明年工作计划", "2025年工作思路", "下一步整改措施", "今后工作打算", "2025年工作展望", "今后设想",
    "整改落实措施",
])
def test_next_step_titles_are_recognised_by_every_genre(title):
    for pack in builtin_genres():
        next_steps = pack.sections[-1]
        assert next_steps.matches(title), (pack.genre, title)
        assert not pack.sections[0].matches(title), (pack.genre, title)  # never taken for the work done


@pytest.mark.parametrize("title", [
    "问题整改落实情况", "反馈问题整改情况", "整改落实情况", "对照反馈问题逐项整改",
    "坚持问题导向，逐项抓好整改落实", "逐项推进问题整改", "聚焦问题导向，扎实推进整改",
])
def test_the_titles_of_a_rectification_reports_itemised_part(title):
    zhenggai = next(pack for pack in builtin_genres() if pack.genre == "zhenggai")
    itemised = next(s for s in zhenggai.sections if s.name == "问题整改落实情况")
    assert itemised.matches(title)
    assert not zhenggai.sections[0].matches(title) and not zhenggai.sections[-1].matches(title)


@pytest.mark.parametrize("head, genre", [
    ("某县市场监督管理局\n关于2024年度内部控制建设情况的自查报告", "zicha"),  # a title set on two lines
    ("某县应急管理局\n2025年上半年工作总结", "zongjie"),  # its second line opens like a sentence (2025年上半年…)
    ("中共某某镇委员会\n关于落实全面从严治党主体责任情况的汇报", "huibao"),
    ("凝心聚力抓落实　砥砺奋进谱新篇\n——某某街道党工委书记2024年度述职报告", "shuzhi"),  # the subtitle names it
    ("2024年度述职报告\n县财政局局长　王某某", "shuzhi"),
    ("某县统计局工作报告\n——在2024年度工作总结会议上", "baogao"),  # the title's own genre comes first
    ("某某镇2024年度工作情况\n现将有关工作汇报如下：", "generic"),  # a lead-in, not a title line
])
def test_genre_is_read_from_the_title_block(head, genre):
    assert genre_of(parse_text(head + "\n\n一、主要工作\n全年完成任务。")).genre == genre


def test_a_speech_at_a_meeting_named_after_a_genre_is_not_that_genre():
    speech = ("在全县2024年度工作总结暨表彰大会上的讲话\n\n同志们：\n下面，我讲三点意见。\n"
              "一、充分肯定成绩\n全县地区生产总值增长6.1%。\n二、清醒认识不足\n产业结构不优。\n"
              "三、聚焦目标任务\n全力推动高质量发展。").replace("清醒认识不足", "正视存在的不足")
    assert findings(speech) == []
    assert findings(speech.replace("在全县2024年度工作总结暨表彰大会上的讲话", "某县2024年度工作总结")) \
        == [("missing-section", 8)]


def test_declared_genre_overrides_the_title_through_the_api():
    draft = without(DRAFTS["zongjie"], 1)  # a 工作总结 without 存在问题: reported
    assert findings(draft.text()) == [("missing-section", draft.heading_line(1))]
    generic = replace(draft, title="某县农业农村局2024年有关情况")  # no genre in the title: nothing demanded
    assert findings(generic.text()) == []
    for genre in ("zongjie", "工作总结", "shuzhi", "述职报告"):
        assert findings(generic.text(), config=Config.load(genre=genre)) == [
            ("missing-section", generic.heading_line(1))], genre
    assert findings(draft.text(), config=Config.load(genre="通用")) == []


def test_unknown_genre_is_an_error_in_the_api():
    with pytest.raises(UnknownGenre, match="unknown genre 'novel'.*shuzhi"):
        Config.load(genre="novel")


def test_declared_genre_through_the_cli(run_cli, tmp_path):
    draft = replace(without(DRAFTS["shuzhi"], 1), title="某某同志2024年有关情况")
    path = tmp_path / "draft.txt"
    path.write_text(draft.text(), encoding="utf-8")
    plain = run_cli("--format", "json", str(path))
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)["files"][0]["diagnostics"] == []
    declared = run_cli("--format", "json", "--genre", "述职报告", str(path))
    assert declared.returncode == 1, declared.stderr
    [diagnostic] = json.loads(declared.stdout)["files"][0]["diagnostics"]
    assert diagnostic["rule"] == "missing-section" and diagnostic["code"] == "RL402"
    assert diagnostic["line"] == draft.heading_line(1)
    assert "述职报告" in diagnostic["message"] and "存在问题" in diagnostic["message"]
    again = run_cli("check", "--genre", "shuzhi", str(path))
    assert again.returncode == 1 and b"missing-section" in again.stdout
    wrong = run_cli("--genre", "novel", str(path))
    assert wrong.returncode == 2
    assert wrong.stdout == b""
    message = wrong.stderr.decode("utf-8")
    assert message.count("\n") == 1 and "unknown genre 'novel'" in message and "shuzhi" in message


# ---------------------------------------------------------------- genre packs: strict loading

GOOD_PACK = """\
genre: memo
names: [备忘录]
title: ['备忘']
sections:
  - name: 事项
    aliases: ['事项']
  - name: 意见
    required: false
    aliases: ['意见']
"""


def write(tmp_path: Path, text: str, name: str = "memo.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_file_error(load, path: Path, line: int, fragment: str) -> None:
    """``load()`` stops with ``path:line: …fragment…``."""
    with pytest.raises(RuleFileError) as caught:
        load()
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert fragment in message, message


def test_a_good_genre_pack_loads(tmp_path):
    pack = load_genre_pack(write(tmp_path, GOOD_PACK))
    assert pack.genre == "memo" and pack.name == "备忘录"
    assert [(s.name, s.required) for s in pack.sections] == [("事项", True), ("意见", False)]
    assert pack.recognises("关于某事的备忘录")


def test_exclude_keeps_a_title_from_standing_for_a_part(tmp_path):
    pack = load_genre_pack(write(tmp_path, GOOD_PACK.replace("    required: false", "    exclude: ['落实情况$']")))
    opinions = pack.sections[1]
    assert opinions.matches("意见建议") and not opinions.matches("意见落实情况")


@pytest.mark.parametrize("text, line, fragment", [
    (GOOD_PACK.replace("names: [备忘录]", "names: [备忘录]\nlevel: 3"), 3, "unknown key 'level'"),
    (GOOD_PACK.replace("genre: memo", "genre: Memo Pack"), 1, "kebab-case id"),
    (GOOD_PACK.replace("names: [备忘录]\n", ""), 1, "needs 'names'"),
    (GOOD_PACK.replace("title: ['备忘']\n", ""), 1, "needs 'title'"),
    (GOOD_PACK.replace("aliases: ['意见']", "aliases: ['意见(']"), 9, "invalid regular expression"),
    (GOOD_PACK.replace("    aliases: ['事项']\n", ""), 5, "needs 'aliases'"),
    (GOOD_PACK.replace("aliases: ['事项']", "aliases: []"), 6, "non-empty list"),
    (GOOD_PACK.replace("required: false", "required: maybe"), 8, "'required' must be true or false"),
    (GOOD_PACK.replace("    required: false", "    exclude: ['(']"), 8, "invalid regular expression"),
    (GOOD_PACK.replace("  - name: 意见", "  - name: 事项"), 7, "listed twice"),
    (GOOD_PACK.replace("    required: false", "    optional: true"), 8, "unknown key 'optional' in a section"),
    (GOOD_PACK.split("sections:")[0] + "sections: 事项\n", 4, "'sections' must be a list"),
    (GOOD_PACK + "  - 意见\n", 5, "each section is a mapping"),  # the list's line: items carry none
    (GOOD_PACK.replace("title: ['备忘']", "title: ['备忘'"), 4, "invalid YAML"),
    ("- just\n- a list\n", 1, "a genre pack is a mapping"),
])
def test_genre_pack_errors_name_file_and_line(tmp_path, text, line, fragment):
    path = write(tmp_path, text)
    assert_file_error(lambda: load_genre_pack(path), path, line, fragment)


def test_genre_packs_need_exactly_one_fallback_and_unique_names(tmp_path):
    memo = write(tmp_path, GOOD_PACK)
    with pytest.raises(RuleFileError, match="exactly one genre pack must be the fallback"):
        load_genres([memo])
    fallback = write(tmp_path, "genre: any\nnames: [通用]\nfallback: true\nsections: []\n", "any.yaml")
    assert [p.genre for p in load_genres([memo, fallback])] == ["memo", "any"]
    twin = write(tmp_path, GOOD_PACK.replace("genre: memo", "genre: memo2"), "twin.yaml")
    with pytest.raises(RuleFileError, match=r"twin\.yaml:1: genre '备忘录' is already defined at .*memo\.yaml:1"):
        load_genres([memo, twin, fallback])


def test_builtin_genre_packs_load_and_cover_the_genres():
    names = {name for pack in builtin_genres() for name in pack.names}
    assert {"述职报告", "自查报告", "巡察汇报", "工作汇报", "工作报告", "情况报告", "工作总结", "讲话稿", "通用"} <= names
    assert sum(pack.fallback for pack in builtin_genres()) == 1


# ---------------------------------------------------------------- the parts library

PARTS = """\
parts:
  items:
    name: 事项
    exclude: ['完成情况$']
    aliases: ['事项', '议题']
"""

PACK_WITH_PARTS = """\
genre: memo
names: [备忘录]
title: ['备忘']
sections:
  - part: items
  - part: items
    name: 待办事项
    required: false
    aliases: ['待办']
    exclude: ['已办']
"""


def test_a_section_takes_name_aliases_and_exclude_from_its_part(tmp_path):
    parts = load_parts([write(tmp_path, PARTS, "parts.yaml")])
    items = load_genre_pack(write(tmp_path, PACK_WITH_PARTS), parts).sections[0]
    assert (items.name, items.required) == ("事项", True)
    assert items.matches("会议议题") and not items.matches("事项完成情况")


def test_a_section_may_rename_its_part_add_aliases_and_replace_the_exclude(tmp_path):
    parts = load_parts([write(tmp_path, PARTS, "parts.yaml")])
    later = load_genre_pack(write(tmp_path, PACK_WITH_PARTS), parts).sections[1]
    assert (later.name, later.required) == ("待办事项", False)
    assert later.matches("待办") and later.matches("议题")  # its own alias, and the part's
    assert later.matches("事项完成情况") and not later.matches("已办事项")  # its exclude replaces the part's


@pytest.mark.parametrize("text, line, fragment", [
    (PARTS.replace("  items:", "  Items:"), 2, "kebab-case id"),
    (PARTS.replace("    name: 事项\n", ""), 3, "needs 'name'"),
    (PARTS.replace("    aliases: ['事项', '议题']\n", ""), 2, "needs 'aliases'"),
    (PARTS.replace("    name: 事项", "    name: 事项\n    required: true"), 4, "unknown key 'required' in a part"),
    (PARTS.replace("'议题'", "'议题('"), 5, "invalid regular expression"),
    (PARTS + "  items2: 事项\n", 6, "is a mapping"),
    ("parts: [items]\n", 1, "a parts file is a mapping with 'parts'"),
])
def test_parts_file_errors_name_file_and_line(tmp_path, text, line, fragment):
    path = write(tmp_path, text, "parts.yaml")
    assert_file_error(lambda: load_parts([path]), path, line, fragment)


def test_a_part_is_defined_once_and_a_pack_names_only_known_parts(tmp_path):
    first = write(tmp_path, PARTS, "a.yaml")
    second = write(tmp_path, PARTS, "b.yaml")
    with pytest.raises(RuleFileError, match=r"b\.yaml:2: part 'items' is defined twice"):
        load_parts([first, second])
    pack = write(tmp_path, PACK_WITH_PARTS.replace("  - part: items\n  - part", "  - part: issues\n  - part"))
    with pytest.raises(RuleFileError, match=r"memo\.yaml:5: unknown part 'issues' \(known: items\)"):
        load_genre_pack(pack, load_parts([first]))


def test_builtin_packs_share_the_parts_library():
    assert {"work", "problems", "causes", "next-steps"} <= set(builtin_parts())
    problems = builtin_parts()["problems"]
    for pack in builtin_genres():
        sections = {section.part: section for section in pack.sections if section.part}
        assert "problems" in sections, pack.genre
        assert set(problems.aliases) <= set(sections["problems"].aliases), pack.genre


# ---------------------------------------------------------------- samples, corpus, examples


def _defect_rows(samples_dir: Path):
    with open(samples_dir / "defects.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            categories = set(row["category"].split("+"))
            if row["tier"] == "core" and categories & SECTION_RULES:
                lines = {int(n) for n in row["line"].split(",")}
                yield row["file"], categories & SECTION_RULES, lines


def test_core_sample_defects_are_reported(samples_dir):
    rows = list(_defect_rows(samples_dir))
    assert rows, "defects.tsv lists no core row for the section rules"
    for name, rules, lines in rows:
        text = (samples_dir / name).read_text(encoding="utf-8")
        found = lint_text(text, path=name)
        for rule in rules:
            assert any(d.rule == rule and d.line in lines for d in found), (name, rule, lines)


def test_samples_draw_only_the_real_section_findings(samples_dir):
    """The samples have real outlines: no false missing or misordered part, no
    false truncation. 003 has no 原因分析 part, which a 自查报告 may leave out."""
    found = {}
    for path in sorted(samples_dir.glob("*.txt")):
        for d in lint_text(path.read_text(encoding="utf-8"), path=path.name):
            if d.rule in SECTION_RULES:
                found.setdefault(path.name, []).append((d.rule, d.line))
    assert found == {
        "001_dangjian_gongzuo_baogao.txt": [("missing-title", 1)],  # it opens with body text
        "003_zicha_baogao.txt": [("empty-section", 5)],  # 一、基本情况 whose body is ……
    }


def test_corpus_draws_only_the_real_truncation(corpus_dir):
    found = []
    for path in sorted(corpus_dir.glob("*.txt")):
        text = path.read_bytes().decode("utf-8-sig")
        found += [(path.name, d.rule, d.line) for d in lint_text(text, path=path.name) if d.rule in SECTION_RULES]
    # the 2024 report's last sentence really lacks its closing ！
    assert found == [("015_guowuyuan_2024_zhengfu_gongzuobaogao.txt", "truncated-paragraph", 89)]


def test_examples_clean_draws_nothing_and_sections_shows_the_rules():
    assert lint_text((EXAMPLES / "clean.txt").read_text(encoding="utf-8"), path="clean.txt") == []
    found = {d.rule for d in lint_text((EXAMPLES / "sections.txt").read_text(encoding="utf-8"))}
    assert {"missing-section", "empty-section", "truncated-paragraph"} <= found


# ---------------------------------------------------------------- look-alikes


@pytest.mark.parametrize("text", [
    # a speech text opens with its salutation; its title stands outside
    "同志们：\n现在，我代表县委常委会向大会报告工作。\n一、过去五年的工作\n全县经济总量跃上新台阶。",
    # a list of short item headings is not a row of empty sections
    ("某镇2024年工作总结\n\n一、主要工作\n推进项目5个。\n二、存在问题\n调研不够深入。\n三、下步打算\n"
     "（一）加强理论学习\n（二）狠抓作风建设\n（三）完善制度机制"),
    # a lead-in line ending in ：, and items that are full sentences
    "某镇2024年工作总结\n\n一、主要工作\n主要表现在以下方面：\n（一）农业产业链条偏短。\n（二）专业人才引进难。",
    # a 工作总结 written by topic has no problems or plans to demand
    "某县“三夏”生产工作总结\n\n一、基本情况\n全县小麦种植面积36万亩。\n二、主要做法\n组织农机跨区作业。\n三、经验启示\n必须坚持规划先行。",
    # problems as a lead-in paragraph, next steps as a heading the outline did not take
    "张某某2024年度述职报告\n\n一、履职情况\n推进项目5个。\n存在的不足：调研不够深入。\n二、2025年工作打算\n抓好项目建设。",
    # unnumbered Markdown headings
    ("张某某2024年度述职报告\n\n## 一、履职情况\n\n推进项目5个。\n\n## 二、存在问题\n\n调研不够深入。\n\n"
     "## 三、下步打算\n\n抓好项目建设。"),
])
def test_legitimate_look_alikes_stay_quiet(text):
    path = "draft.md" if "## " in text else None
    assert [d for d in lint_text(text, path=path) if d.rule in SECTION_RULES] == []


# ---------------------------------------------------------------- truncation options


def test_truncation_options_are_validated():
    from checker.lint.kinds.base import OptionError
    from checker.lint.kinds.truncation import Truncation

    with pytest.raises(OptionError, match="lead_in_message"):
        Truncation({"lead_in_message": 3})
    with pytest.raises(OptionError, match="look_through"):
        Truncation({"look_through": "##paid##"})
    rule = Truncation({"look_through": ["##paid(?:begin|end)##"], "lead_in_message": "引导语“{tail}”之后没有内容"})
    document = parse_text("某镇工作总结\n一、主要工作\n推进项目5个。##paidend##\n二、下步打算\n重点做好以下工作：")
    [finding] = list(rule.check(document, analyse(document)))
    assert finding.span.line == 5 and finding.message == "引导语“{tail}”之后没有内容"


def test_a_titles_second_line_that_opens_like_a_sentence_is_no_paragraph_cut_short():
    """某县应急管理局 / 2025年上半年工作总结: the second line ends like a title, so it is
    the title's (the genre and the report's period read from it), not a first
    sentence without its full stop (truncated-paragraph); 2025年上半年全县经济运行平稳
    under a title is still a first sentence cut short."""
    body = "\n\n　　今年以来，我局坚持安全发展。\n\n一、主要工作\n\n　　未发生较大事故。\n\n二、存在问题\n\n　　基层力量薄弱。\n\n三、下半年工作打算\n\n　　持续抓好安全生产。\n"
    assert [(d.rule, d.line) for d in lint_text("某县应急管理局\n2025年上半年工作总结" + body)] == []
    assert ("truncated-paragraph", 2) in [(d.rule, d.line) for d in lint_text("某县应急管理局工作总结\n2025年上半年全县安全形势平稳" + body)]
