"""Genre packs: the parts each genre of report is expected to have, and which
headings of a draft stand for them.

A genre pack (``rules/genres/*.yaml``, format in docs/rules-schema.md) names a
genre (述职报告, 自查报告…), the title patterns that recognise it, and its
sections in the expected order, each with alias patterns matched against
heading titles (real titles vary: 存在问题 / 存在的问题与不足 / 存在问题及原因).
The parts most genres share (work done, problems, causes, next steps) are
defined once in the parts library (``rules/parts/*.yaml``); a section written
``part: problems`` takes its name, aliases and exclude from there.

Which genre a draft is, and how its outline matches the genre's parts, is
decided once per document by the analysis step (checker/analyse/analysis.py) with the
functions here.
Packs are read strictly with the rule-pack loader: every problem is a
:class:`~checker.settings.yamlfile.RuleFileError` reading ``file:line: what is wrong``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from checker import resources
from checker.lexicon import COLONS
from checker.model import Document, Heading, Paragraph
from .timebound import BoundedPattern
from .patterns import PatternError, compile_pattern
from .wordlists import lexicon_regex, threshold, wordlist
from .yamlfile import RuleFileError, read_entries, read_yaml, reject_unknown_keys
from .yamlfile import at as _at
from .yamlfile import where as _where
from checker.settings.lazy_regex import lazy_regex

GENRE_ID = lazy_regex(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
PACK_KEYS = {"genre", "names", "description", "title", "opening", "priority", "strict", "fallback", "sections"}
SECTION_KEYS = {"part", "name", "aliases", "exclude", "required", "covers_thematic"}
PART_KEYS = {"name", "aliases", "exclude"}
TRAILING = " \t\u3000。．.：:；;，,！!？?"
# A line the outline did not take as a heading although it reads as one: a
# marker and a short title with no sentence punctuation (一、2021年工作回顾,
# 第一部分 主要工作).
# (the part words: rules/lexicon/structure.yaml, shared with outline.PART_LINE)
HEADING_LIKE_MARKER = (
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[ \u3000]*[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十]{1,3}{lexicon:part-words}[ \u3000]*[：:]?)"
)
HEADING_LIKE = HEADING_LIKE_MARKER + r"[ \u3000]*(?P<title>[^，。；！？,;!?]+)$"



class UnknownGenre(ValueError):
    """A declared genre that no pack defines; the message lists the known ones."""


@dataclass(frozen=True)
class SectionSpec:
    """One expected part of a genre: its name, and the titles that stand for it."""

    name: str
    aliases: tuple[re.Pattern, ...]
    required: bool = True
    covers_thematic: bool = False  # unrecognised top-level headings before the next part count as this one
    exclude: tuple[re.Pattern, ...] = ()  # titles that do not stand for the part although an alias matches
    part: str = ""  # the id of the library part it is built on (``part: problems``), if any

    def matches(self, text: str) -> bool:
        text = text.strip(TRAILING)
        return (bool(text) and any(alias.search(text) for alias in self.aliases)
                and not any(pattern.search(text) for pattern in self.exclude))


@dataclass(frozen=True)
class Part:
    """A part many genres share (rules/parts/): its usual name and the titles
    that stand for it."""

    id: str
    name: str
    aliases: tuple[re.Pattern, ...]
    exclude: tuple[re.Pattern, ...] = ()


@dataclass(frozen=True)
class GenrePack:
    genre: str  # stable id for --genre, e.g. "shuzhi"
    names: tuple[str, ...]  # 述职报告…; the first is used in messages
    sections: tuple[SectionSpec, ...]
    titles: tuple[re.Pattern, ...] = ()
    openings: tuple[re.Pattern, ...] = ()  # searched in the opening paragraph of a draft without a title
    priority: int = 0
    strict: bool = False  # demand the required parts even where no heading names any of the genre's parts
    fallback: bool = False
    description: str = ""
    source: str = ""

    @property
    def name(self) -> str:
        return self.names[0]

    def recognises(self, title: str) -> bool:
        return any(pattern.search(title) for pattern in self.titles)

    def opens(self, paragraph: str) -> bool:
        """Whether an opening paragraph (按照…民主生活会…要求，…) names this genre."""
        return any(pattern.search(paragraph) for pattern in self.openings)


# ---------------------------------------------------------------- loading


def _regexes(path: str, owner: Any, key: str, bounded: bool = False) -> tuple[re.Pattern, ...]:
    """``owner[key]``: a non-empty list of regular expressions; ``bounded`` (a
    user's pack): each one searched under a time limit (settings/timebound.py)."""
    node = owner[key]
    where = _where(path, node) if isinstance(node, list) and getattr(node, "line", 0) else _at(path, owner, key)
    if not isinstance(node, list) or not node:
        raise RuleFileError(f"{where}: '{key}' must be a non-empty list of regular expressions")
    compiled = []
    for item in node:
        if not isinstance(item, str) or not item:
            raise RuleFileError(f"{where}: each of '{key}' must be a non-empty string")
        try:
            pattern = compile_pattern(item)
            compiled.append(BoundedPattern(pattern, where) if bounded else pattern)
        except PatternError as error:
            raise RuleFileError(f"{where}: '{key}': {error}") from None
    return tuple(compiled)


def _flag(path: str, node: dict, key: str, default: bool) -> bool:
    value = node.get(key, default)
    if not isinstance(value, bool):
        raise RuleFileError(f"{_at(path, node, key)}: '{key}' must be true or false")
    return value


def _name(path: str, node: dict, what: str) -> str:
    name = node.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RuleFileError(f"{_at(path, node, 'name')}: {what} needs 'name' (a non-empty string)")
    return name.strip()


def _section(path: str, node: Any, parent: Any, parts: dict[str, Part], bounded: bool = False) -> SectionSpec:
    """One section of a pack: written out (name, aliases), or a part of the
    library (``part: problems``), renamed, with more aliases or another exclude."""
    if not isinstance(node, dict):
        raise RuleFileError(f"{_where(path, node, parent.line)}: each section is a mapping with 'part', "
                            "or with 'name' and 'aliases'")
    reject_unknown_keys(path, node, SECTION_KEYS, " in a section")
    part = None
    if "part" in node:
        part = parts.get(node["part"]) if isinstance(node["part"], str) else None
        if part is None:
            raise RuleFileError(f"{_at(path, node, 'part')}: unknown part {node['part']!r} "
                                f"(known: {', '.join(parts) or 'none'})")
    name = _name(path, node, "a section") if part is None or "name" in node else part.name
    if part is None and "aliases" not in node:
        raise RuleFileError(f"{_where(path, node)}: section '{name}' needs 'aliases' (or 'part')")
    aliases = _regexes(path, node, "aliases", bounded) if "aliases" in node else ()
    return SectionSpec(
        name=name,
        aliases=(part.aliases if part else ()) + aliases,
        required=_flag(path, node, "required", True),
        covers_thematic=_flag(path, node, "covers_thematic", False),
        exclude=_regexes(path, node, "exclude", bounded) if "exclude" in node else (part.exclude if part else ()),
        part=part.id if part else "",
    )


def load_parts(paths: Iterable[Path | str]) -> dict[str, Part]:
    """Read the parts library: files with a ``parts:`` mapping from id to
    ``{name, aliases, exclude}``; an id may be defined only once."""
    parts: dict[str, Part] = {}
    for path in map(str, paths):
        for part_id, node, where in read_entries(path, "parts", "parts", "part ids mapped to name and aliases"):
            if not GENRE_ID.match(part_id):
                raise RuleFileError(f"{where}: part id {part_id!r} must be a kebab-case id (like 'next-steps')")
            if part_id in parts:
                raise RuleFileError(f"{where}: part '{part_id}' is defined twice")
            if not isinstance(node, dict):
                raise RuleFileError(f"{where}: part '{part_id}' is a mapping with 'name' and 'aliases'")
            reject_unknown_keys(path, node, PART_KEYS, " in a part")
            if "aliases" not in node:
                raise RuleFileError(f"{where}: part '{part_id}' needs 'aliases'")
            parts[part_id] = Part(
                id=part_id, name=_name(path, node, "a part"), aliases=_regexes(path, node, "aliases"),
                exclude=_regexes(path, node, "exclude") if "exclude" in node else (),
            )
    return parts


def load_genre_pack(path: Path | str, parts: Optional[dict[str, Part]] = None, bounded: bool = False) -> GenrePack:
    """Read one genre pack (its ``part:`` sections from ``parts``, by default
    the built-in library); raise RuleFileError ``file:line: what is wrong``.
    ``bounded`` (a user's pack): its patterns are searched under a time limit."""
    path = str(path)
    parts = builtin_parts() if parts is None else parts
    data = read_yaml(path, "genre")
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}:1: a genre pack is a mapping with 'genre', 'names' and 'sections'")
    where = _where(path, data)
    reject_unknown_keys(path, data, PACK_KEYS)
    for key in ("genre", "names", "sections"):
        if key not in data:
            raise RuleFileError(f"{where}: a genre pack needs '{key}'")
    genre = data["genre"]
    if not isinstance(genre, str) or not GENRE_ID.match(genre):
        raise RuleFileError(f"{_at(path, data, 'genre')}: genre {genre!r} must be a kebab-case id (like 'shuzhi')")
    names = data["names"]
    if (not isinstance(names, list) or not names
            or not all(isinstance(n, str) and n.strip() for n in names)):
        raise RuleFileError(f"{_at(path, data, 'names')}: 'names' must be a non-empty list of names (述职报告…)")
    fallback = _flag(path, data, "fallback", False)
    strict = _flag(path, data, "strict", False)
    titles: tuple[re.Pattern, ...] = ()
    if "title" in data:
        titles = _regexes(path, data, "title", bounded)
    elif not fallback:
        raise RuleFileError(f"{where}: genre '{genre}' needs 'title' patterns (only the fallback pack has none)")
    priority = data.get("priority", 0)
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise RuleFileError(f"{_at(path, data, 'priority')}: 'priority' must be a whole number")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise RuleFileError(f"{_at(path, data, 'description')}: 'description' must be a string")
    sections_node = data["sections"]
    if not isinstance(sections_node, list):
        raise RuleFileError(f"{_at(path, data, 'sections')}: 'sections' must be a list")
    sections = tuple(_section(path, node, sections_node, parts, bounded) for node in sections_node)
    seen: dict[str, SectionSpec] = {}
    for node, section in zip(sections_node, sections):
        if section.name in seen:
            raise RuleFileError(f"{_where(path, node)}: section '{section.name}' is listed twice")
        seen[section.name] = section
    return GenrePack(
        genre=genre, names=tuple(n.strip() for n in names), sections=sections, titles=titles,
        openings=_regexes(path, data, "opening", bounded) if "opening" in data else (),
        priority=priority, strict=strict, fallback=fallback, description=description.strip(), source=where,
    )


def load_genres(paths: Iterable[Path | str], parts: Optional[dict[str, Part]] = None,
                base: Sequence[GenrePack] = ()) -> tuple[GenrePack, ...]:
    """Read genre packs and add them to ``base`` (the built-in ones, for a
    user's ``genre_packs``): a pack with the id of one in ``base`` replaces it.
    Ids and names must be unique and exactly one pack is the fallback."""
    extra = [load_genre_pack(path, parts, bounded=bool(base)) for path in paths]  # on a base: a user's
    replaced = {pack.genre for pack in extra}
    packs: list[GenrePack] = []
    seen: dict[str, str] = {}
    for pack in [*(p for p in base if p.genre not in replaced), *extra]:
        for key in (pack.genre, *pack.names):
            if key in seen:
                raise RuleFileError(f"{pack.source}: genre '{key}' is already defined at {seen[key]}")
            seen[key] = pack.source
        packs.append(pack)
    fallbacks = [p for p in packs if p.fallback]
    if len(fallbacks) != 1:
        where = fallbacks[1].source if len(fallbacks) > 1 else (packs[0].source if packs else "genres:1")
        raise RuleFileError(f"{where}: exactly one genre pack must be the fallback (fallback: true), "
                     f"found {len(fallbacks)}")
    return tuple(packs)


def builtin_genre_paths() -> list[Path]:
    return sorted(resources.data_path("rules", "genres").glob("*.yaml"))


def builtin_parts_paths() -> list[Path]:
    return sorted(resources.data_path("rules", "parts").glob("*.yaml"))


@lru_cache(maxsize=1)
def builtin_parts() -> dict[str, Part]:
    return load_parts(builtin_parts_paths())


@lru_cache(maxsize=1)
def builtin_genres() -> tuple[GenrePack, ...]:
    """The built-in genre packs, prepared (a cache file of their own: the rules'
    one would make genres import the rule engine)."""
    from .prepared import prepared

    return prepared("builtin-genres", lambda: load_genres(builtin_genre_paths()))


# ---------------------------------------------------------------- choosing


def find_genre(name: str, genres: Optional[Sequence[GenrePack]] = None) -> GenrePack:
    """The pack whose id or one of whose names is ``name``."""
    genres = builtin_genres() if genres is None else genres
    wanted = name.strip()
    for pack in genres:
        if wanted == pack.genre or wanted in pack.names:
            return pack
    known = ", ".join(f"{p.genre} ({'/'.join(p.names)})" for p in genres)
    raise UnknownGenre(f"unknown genre {name!r} (known: {known})")


def detect_genre(title: Optional[str], genres: Optional[Sequence[GenrePack]] = None) -> GenrePack:
    """The genre a title names (highest priority wins, then file order), else the fallback."""
    genres = builtin_genres() if genres is None else genres
    fallback = next(p for p in genres if p.fallback)
    if not title:
        return fallback
    found = [p for p in genres if not p.fallback and p.recognises(title)]
    return max(found, key=lambda p: p.priority) if found else fallback


# ---------------------------------------------------------------- matching


def top_headings(document: Document) -> list[Heading]:
    """The headings of the outline's top level: 一、 where the draft has them,
    else its highest level (a draft whose top level is （一））."""
    headings = [h for h in document.headings() if h.level <= 4]
    if not headings:
        return []
    top = min(h.level for h in headings)
    return [h for h in headings if h.level == top]


def heading_like(text: str) -> Optional[str]:
    """The title of a line that reads as a heading although the outline did not
    take it as one (一、2021年工作回顾), else None."""
    match = lexicon_regex(HEADING_LIKE).match(text)
    if match and len(text.strip()) <= threshold("heading-like-max-chars"):
        return match.group("title").strip()
    return None


def heading_label(heading: Heading) -> str:
    """What a heading below the top level names, where it names a part: its
    title up to a colon (（二）存在的问题：…), unless that is a sentence with a
    clause break (（一）对检查发现的问题实行清单化管理，明确… is a measure, not
    the problems part); else ""."""
    label = re.split(f"[{COLONS}]", heading.title, maxsplit=1)[0].strip().rstrip("。.")
    return "" if re.search(r"[，,；;。]", label) else label


def lead_in_label(document: Document, paragraph: Paragraph) -> str:
    """The label a paragraph opens with (存在的主要问题：…, 下一步，…), the title
    of a line that reads as a heading (see heading_like), or the whole text of
    an unnumbered Markdown heading (## 存在问题); else ""."""
    text = paragraph.text.strip()
    if document.source.is_markdown and document.lines[paragraph.line - 1].lstrip().startswith("#"):
        return text
    title = heading_like(text)
    if title:
        return title
    lead_in, short_lead_in = threshold("lead-in-max-chars"), threshold("short-lead-in-max-chars")
    for mark, limit in (("：", lead_in), (":", lead_in), ("，", short_lead_in)):
        index = text.find(mark)
        if 0 < index <= limit:
            return "" if wordlist("not-a-label").matches(text) else text[:index]
    return ""


@dataclass
class OutlineMatch:
    """How a draft's outline maps onto a genre's sections (indexes into
    ``pack.sections``)."""

    pack: GenrePack
    top: list[Heading]  # the top-level headings
    # the top-level headings standing for each part, in document order: those
    # naming it, and for a part that covers_thematic the topic headings before
    # the next named part
    headings: dict[int, list[Heading]] = field(default_factory=dict)
    named: set[int] = field(default_factory=set)  # parts some heading (of any level) names
    present: set[int] = field(default_factory=set)  # parts found by any means (also lead-ins, thematic)

    def first(self, index: int) -> Optional[Heading]:
        found = self.headings.get(index)
        return found[0] if found else None

    def last(self, index: int, before: Optional[int] = None) -> Optional[Heading]:
        """The last heading standing for a part (above line ``before``, where given)."""
        found = [h for h in self.headings.get(index, []) if before is None or h.line < before]
        return found[-1] if found else None


def match_outline(document: Document, pack: GenrePack) -> OutlineMatch:
    """Find each part of the genre: first among the top-level headings, then
    among deeper headings, then among paragraph lead-ins (存在的主要问题：…);
    a part that ``covers_thematic`` is also present where top-level headings
    that name no part stand before the next named part (一、坚持理论武装 is
    work done)."""
    top = top_headings(document)
    result = OutlineMatch(pack=pack, top=top)
    named_lines: set[int] = set()
    for index, section in enumerate(pack.sections):
        found = [h for h in top if section.matches(h.title)]
        if found:
            result.headings[index] = found
            named_lines.update(h.line for h in found)
    # a part may also be named one level down (一、2024年工作 → （三）存在的问题), not
    # deeper: （2）整改措施：… under each problem is that problem's measure
    second_level = min(h.level for h in top) + 1 if top else 0
    deeper = [label for label in (heading_label(h) for h in document.headings() if h.level == second_level) if label]
    labels = [label for label in (lead_in_label(document, p) for p in document.paragraphs()) if label]
    for index, section in enumerate(pack.sections):
        if index in result.headings or any(section.matches(label) for label in deeper):
            result.named.add(index)
            result.present.add(index)
        elif any(section.matches(label) for label in labels):
            result.present.add(index)
    for index, section in enumerate(pack.sections):
        if not section.covers_thematic:
            continue
        later = [result.first(i).line for i in range(index + 1, len(pack.sections)) if result.first(i)]
        limit = min(later) if later else None
        topical = [h for h in top if h.line not in named_lines and (limit is None or h.line < limit)]
        if topical:
            result.present.add(index)
            result.headings[index] = sorted(result.headings.get(index, []) + topical, key=lambda h: h.line)
    return result
