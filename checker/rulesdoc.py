"""The rule reference (docs/rules.md), generated from the YAML packs.

``reportlint rules --markdown > docs/rules.md``; a test keeps the committed file
equal to this output, so the reference cannot drift from the rules.
"""

from __future__ import annotations

import hashlib
import re
from itertools import groupby
from pathlib import Path
from typing import Optional, Sequence

from .messages import lexicon_descriptions_zh, rule_descriptions_zh
from .read import cache
from .settings.genres import GenrePack, builtin_genres
from .lint.ruleset import Example, Rule
from .settings.wordlists import Threshold, WordList, builtin_lexicon

HEADER = """# Rule reference

Generated from the YAML packs in `rules/` by `reportlint rules --markdown`;
do not edit by hand. Every example here is run by the test suite.
"""


def example_notes(example: Example, quote: str = "`") -> list[str]:
    """What an example states besides its text: file name, count, lines."""
    notes = []
    if example.path:
        notes.append(f"as {quote}{example.path}{quote}")
    if example.count is not None:
        notes.append(f"{example.count} finding{'s' if example.count != 1 else ''}")
    if example.lines:
        notes.append("on line " + ", ".join(map(str, example.lines)))
    return notes


def _example_lines(examples: tuple[Example, ...], label: str) -> list[str]:
    if not examples:
        return []
    out = [f"{label}:", ""]
    for example in examples:
        notes = example_notes(example)
        suffix = f" ({'; '.join(notes)})" if notes else ""
        if "\n" in example.text or (example.fixed and "\n" in example.fixed):
            out.append(f"- {suffix.strip(' ()') or 'document'}:")
            out.extend(_text_block(example.text))
            if example.fixed is not None:
                out.extend(["", "  fixed:", *_text_block(example.fixed)])
        else:
            fixed = f" → fixed: `{example.fixed}`" if example.fixed is not None else ""
            out.append(f"- `{example.text}`{suffix}{fixed}")
    out.append("")
    return out


def _text_block(text: str) -> list[str]:
    return ["", "  ```text", *(f"  {line}" for line in text.split("\n")), "  ```"]


FIX_NOTES = {"safe": " Fix: **safe** (applied by `--fix`).",
             "unsafe": " Fix: **unsafe** (applied only with `--fix --unsafe-fixes`)."}


SENTENCE_END = re.compile(r"(?<=[a-z)\]”])\.\s+(?=[A-Z“(])")


def summary(rule: Rule) -> str:
    """The rule's description up to its first full stop, whole, on one line
    (not cut at the stops of 1. 2. 4. inside it)."""
    return SENTENCE_END.split(" ".join(rule.description.split()), 1)[0].rstrip(".")


def _descriptions(rule: Rule) -> list[str]:
    """The rule's description in Chinese (checker/data/descriptions_zh.yaml), then its English reference."""
    return _bilingual(rule_descriptions_zh().get(rule.name), rule.description)


def _bilingual(chinese: Optional[str], english: str) -> list[str]:
    """A description in Chinese, then its English reference (the English alone where
    there is no Chinese: a user's pack)."""
    if not chinese:
        return [english, ""]
    return [WRAPPED_CHINESE.sub("", chinese), "", f"*English:* {english}", ""]


# a line break between two Chinese characters or marks is no space (Markdown would render one)
WRAPPED_CHINESE = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\n(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def render_rule(rule: Rule) -> list[str]:
    return [
        f"### `{rule.name}` ({rule.code})",
        "",
        f"Type `{rule.type}`, default severity **{rule.severity}**. Message: “{rule.message}”."
        + (f" Yields to {', '.join(f'`{name}`' for name in rule.yields_to)} on the same line."
           if rule.yields_to else "")
        + FIX_NOTES.get(rule.fix, ""),
        "",
        *_descriptions(rule),
        *_example_lines(rule.fails, "Reported"),
        *_example_lines(rule.passes, "Not reported"),
    ]


def render_genres(genres: Sequence[GenrePack]) -> list[str]:
    """The genres the section rules know, and the parts each requires, in order."""
    out = ["## Genres", "",
           "From the genre packs in `rules/genres/` (format: docs/rules-schema.md). `missing-section`",
           "reports a required part that is absent; `section-order` checks all the parts listed,",
           "in this order. Parts in brackets are optional. A *strict* genre is judged even where",
           "its draft's headings are all topics (一、抓学习强引领); the *fallback* serves a draft",
           "whose title names no genre.", "",
           "| `--genre` | names | parts, in order | note |", "|---|---|---|---|"]
    for pack in sorted(genres, key=lambda p: (p.fallback, p.genre)):
        parts = " → ".join(s.name if s.required else f"（{s.name}）" for s in pack.sections)
        note = "fallback" if pack.fallback else ("strict" if pack.strict else "")
        out.append(f"| `{pack.genre}` | {'、'.join(pack.names)} | {parts} | {note} |")
    out.append("")
    for pack in sorted(genres, key=lambda p: (p.fallback, p.genre)):
        if pack.description:
            out.append(f"- `{pack.genre}`: {pack.description}")
    out.append("")
    return out


def render_wordlists(lists: Sequence[WordList]) -> list[str]:
    """The lexicon: the word lists that steer the structural heuristics."""
    out = ["## Lexicon", "",
           "词表：决定如何读出文稿结构的词，规则的正则表达式以 `{lexicon:名称}` 引用它们。",
           "每个词表先列中文说明（checker/data/lexicon_zh.yaml），再列英文原文。", "",
           "Word lists from `rules/lexicon/` (format: docs/rules-schema.md). They steer how the",
           "structure of a draft is read, and rule regexes refer to them as `{lexicon:NAME}`.", ""]
    chinese = lexicon_descriptions_zh()["lists"]
    for found in sorted(lists, key=lambda w: w.name):
        words = "、".join(f"`{word}`" for word in found.words)
        out += [f"### `{found.name}` (match: {found.mode})", "", *_bilingual(chinese.get(found.name), found.description),
                f"Words: {words}", "",
                "Matches: " + "、".join(f"`{text}`" for text in found.examples_match)
                + ("; does not match: " + "、".join(f"`{text}`" for text in found.examples_no_match)
                   if found.examples_no_match else ""), ""]
    return out


def render_thresholds(thresholds: Sequence[Threshold]) -> list[str]:
    """The lexicon's thresholds: the numbers the parser and the analysis step read a draft by."""
    out = ["### Thresholds", "",
           "阈值：解析器和分析步骤据以读出文稿的数字。", "",
           "Numbers from `rules/lexicon/` that the parser and the analysis step read a draft by.", "",
           "| Threshold | Value | 说明 | What it is |", "|---|---|---|---|"]
    chinese = lexicon_descriptions_zh()["thresholds"]
    for found in sorted(thresholds, key=lambda t: t.name):
        out.append(f"| `{found.name}` | {found.value} | {' '.join(WRAPPED_CHINESE.sub('', chinese.get(found.name, '')).split())} "
                   f"| {' '.join(found.description.split())} |")
    return out + [""]


def render_reference(rules: list[Rule], genres: Sequence[GenrePack] = (), lists: Sequence[WordList] = (),
                     thresholds: Sequence[Threshold] = ()) -> str:
    out = [HEADER]
    for pack, pack_rules in groupby(rules, key=lambda r: r.pack):
        out.append(f"## Pack `{pack}`")
        out.append("")
        for rule in pack_rules:
            out.extend(render_rule(rule))
    if genres:
        out.extend(render_genres(genres))
    if lists:
        out.extend(render_wordlists(lists))
    if thresholds:
        out.extend(render_thresholds(thresholds))
    return "\n".join(out).rstrip("\n") + "\n"


def cached_reference(rules: Sequence[Rule], version: str) -> Optional[Path]:
    """The full reference for ``rules`` as a file of the per-user cache (written
    where it is not there yet), or None where the cache cannot be written."""
    text = full_reference(rules).encode("utf-8")
    name = f"rules-{version}-{hashlib.sha256(text).hexdigest()[:12]}.md"
    if cache.read(name) != text and not cache.write(name, text):
        return None
    return cache.cache_dir() / name


def full_reference(rules: Sequence[Rule]) -> str:
    """The reference for ``rules`` with the built-in genres and word lists: for
    the built-in rules, exactly docs/rules.md."""
    lexicon = builtin_lexicon()
    return render_reference(list(rules), builtin_genres(), tuple(lexicon.lists.values()),
                            tuple(lexicon.thresholds.values()))
