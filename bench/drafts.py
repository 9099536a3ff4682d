"""Realistic report drafts for the benchmark, generated (not copied from the
samples): a title, sometimes a salutation, parts numbered 一、 with （一）,
1. and （1） below them, paragraphs with inline 一是…二是… and ①②,
figures, placeholders left unfilled, now and then a template's advert line,
a skipped or repeated number, and a closing signature and date — the mix of
outline levels, enumerations and defects of real drafts, about 10,000
characters each.

    from bench.drafts import draft
    text = draft(seed)            # the same seed gives the same draft
"""

from __future__ import annotations

import random

UNITS = ["县农业农村局", "市生态环境局", "区教育局", "镇人民政府", "县卫生健康局", "市住房和城乡建设局",
         "街道办事处", "县市场监督管理局", "区应急管理局", "市交通运输局"]
GENRES = [("工作总结", ["主要工作及成效", "存在的问题", "下一步工作打算"]),
          ("述职报告", ["履职情况", "存在的不足", "今后努力方向"]),
          ("自查报告", ["自查工作开展情况", "发现的问题", "整改措施"]),
          ("工作报告", ["过去一年的工作回顾", "存在的困难和问题", "明年工作安排"])]
TOPICS = ["党建引领", "作风建设", "安全生产", "营商环境", "乡村振兴", "民生保障", "项目建设", "基层治理",
          "生态保护", "队伍建设", "制度建设", "风险防控", "数字化改革", "宣传教育", "财务管理"]
VERBS = ["加强", "深化", "推进", "落实", "完善", "强化", "健全", "优化", "抓好", "压实"]
OBJECTS = ["理论学习", "责任体系", "工作机制", "监督检查", "队伍管理", "服务质量", "风险排查", "资金监管",
           "项目储备", "考核评价", "宣传引导", "整改落实", "信息公开", "应急处置", "隐患治理"]
CLAUSES = ["坚持问题导向和目标导向相结合", "围绕中心、服务大局", "对标上级部署要求", "结合本单位实际",
           "在主要领导的带领下", "按照年初确定的工作思路", "通过召开专题会议研究部署", "采取明查暗访相结合的方式",
           "以钉钉子精神抓落实", "紧盯薄弱环节和关键领域"]
RESULTS = ["取得了明显成效", "工作水平进一步提升", "群众满意度不断提高", "各项指标稳中有进", "为全年目标完成奠定了基础",
           "形成了一批可复制可推广的经验", "得到了上级部门的充分肯定", "基础更加牢固"]
PROBLEMS = ["思想认识还不够到位", "工作推进不够平衡", "基层基础仍然薄弱", "创新意识有待增强", "督促检查还不够经常",
            "专业人才相对缺乏", "资金保障压力较大", "部分制度执行不够严格"]
NUMERALS = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
PLACEHOLDERS = ["XX", "××", "x年x月", "XX镇", "**次", "○○", "＿＿", "【】"]
ADVERTS = ["更多精品范文请关注微信公众号：XX写作素材库", "本文来源于网络，如有侵权请联系删除。",
           "添加客服微信获取完整版，VIP会员免费下载。"]


def _figure(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(2, 98)}个", f"{rng.randint(3, 900)}次", f"{rng.randint(1, 60)}.{rng.randint(1, 9)}万元",
                       f"{rng.randint(1, 99)}%", f"{rng.randint(2, 40)}项", f"{rng.randint(10, 3000)}人次"])


def _sentence(rng: random.Random, placeholder_rate: float) -> str:
    verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
    text = f"{rng.choice(CLAUSES)}，{verb}{obj}，全年开展相关工作{_figure(rng)}，{rng.choice(RESULTS)}"
    if rng.random() < placeholder_rate:
        text = text.replace("全年", rng.choice(["XX年", "x月以来", "全年"]), 1)
        text += f"，涉及{rng.choice(PLACEHOLDERS)}等{rng.choice(['XX', '**', '××'])}个单位"
    return text + "。"


def _paragraph(rng: random.Random, sentences: int, placeholder_rate: float) -> str:
    body = "".join(_sentence(rng, placeholder_rate) for _ in range(sentences))
    roll = rng.random()
    if roll < 0.3:  # inline 一是…二是…
        count = rng.randint(2, 5)
        items = [f"{NUMERALS[i]}是{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(RESULTS)}" for i in range(count)]
        body = f"主要做法有：{'；'.join(items)}。" + body
    elif roll < 0.4:
        items = [f"{CIRCLED[i]}{rng.choice(VERBS)}{rng.choice(OBJECTS)}" for i in range(rng.randint(2, 4))]
        body += f"具体包括：{'；'.join(items)}。"
    return "\u3000\u3000" + body


def draft(seed: int, target_chars: int = 10_000) -> str:
    """A draft of about ``target_chars`` characters; ``seed`` picks everything."""
    rng = random.Random(seed)
    unit = rng.choice(UNITS)
    genre, parts = rng.choice(GENRES)
    year = rng.choice(["2023", "2024", "2025", "20XX"])
    lines = [f"{unit}{year}年{rng.choice(TOPICS)}{genre}", ""]
    if rng.random() < 0.3:
        lines += ["尊敬的各位领导、同志们：", ""]
    lines.append(_paragraph(rng, 3, 0.05))
    placeholder_rate = rng.choice([0.0, 0.03, 0.1])
    part = 0
    while sum(len(line) for line in lines) < target_chars * 0.92 or part < len(parts):
        title = parts[part] if part < len(parts) else f"其他{rng.choice(TOPICS)}工作"
        part += 1
        number = part + 1 if rng.random() < 0.03 else part  # now and then a skipped number
        lines.append(f"{NUMERALS[min(number, 10) - 1]}、{title}")
        for section in range(1, rng.randint(3, 6)):
            lines.append(f"\u3000\u3000（{NUMERALS[section - 1]}）{rng.choice(VERBS)}{rng.choice(TOPICS)}工作。")
            if rng.random() < 0.4:
                for item in range(1, rng.randint(3, 6)):
                    shown = item - 1 if item > 1 and rng.random() < 0.03 else item  # a repeated number
                    lines.append(f"\u3000\u3000{shown}.{rng.choice(VERBS)}{rng.choice(OBJECTS)}。"
                                 f"{_sentence(rng, placeholder_rate)}")
                    if rng.random() < 0.3:
                        for sub in range(1, rng.randint(3, 5)):
                            lines.append(f"\u3000\u3000（{sub}）{rng.choice(OBJECTS)}：{_sentence(rng, placeholder_rate)}")
            for _ in range(rng.randint(1, 3)):
                lines.append(_paragraph(rng, rng.randint(2, 5), placeholder_rate))
            if part == 2 and rng.random() < 0.5:
                lines.append(f"\u3000\u3000{rng.choice(PROBLEMS)}，{rng.choice(PROBLEMS)}。")
        if rng.random() < 0.04:
            lines.append(rng.choice(ADVERTS))
    lines += ["", f"\u3000\u3000\u3000\u3000{unit}", f"\u3000\u3000\u3000\u3000{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"]
    return "\n".join(lines) + "\n"


def one_paragraph(seed: int = 0) -> str:
    """A one-paragraph document, what an editor re-lints on every pause."""
    return _paragraph(random.Random(seed), 3, 0.1) + "\n"
