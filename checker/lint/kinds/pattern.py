"""Rule type ``pattern``: regular expressions matched on every line.

Options:
  patterns: list of {regex, message?, fix?, replacement?} (or plain regex
            strings). Each match is one finding at its exact span; ``{match}``
            in a message is the matched text. ``fix`` names the fix a match
            offers (the rule's ``fix: safe|unsafe`` says how safe it is):
              delete       remove the match (and the whole line where nothing
                           but blanks would be left);
              delete-line  remove the line where the rule's matches leave
                           nothing on it but blanks and punctuation (an
                           advert line); elsewhere no fix;
              replace      put ``replacement`` in its place (``\\1``, ``\\g<name>``
                           refer to the match's groups). A replacement of the
                           form ``X\\1Y`` (group 1 kept, what is around it
                           replaced: ``“\\1”`` for "…") changes only the
                           delimiters: the fix edits them and leaves the text
                           between them, and only they count as taken, so a
                           finding inside ((…) or , between straight quotes)
                           is reported and fixed beside it.
  ignore:   regexes for legitimate look-alikes (X光, B超…): a match that lies
            inside an ignore match is dropped.
  markdown_emphasis: in .md files, skip matches that are the marks of **bold**,
            __bold__, *italic* and _italic_ (the text they set off is still
            checked) or a list bullet opening a line; ** right after a
            character and before a measure word with a clause break before
            the next ** (党员**名，积极分子**名) stands for a figure, not bold.
  A pattern may carry ``scope`` (facts of checker/analyse/units.py):
    one-unit        report a match only where the draft speaks of one unit: on
                    its author lines (title, bylines, signature), or anywhere
                    when those name one 镇/乡/街道 (乡镇（街道） in a county
                    department's general statement is not a choice left open);
    not-anonymised  report nothing in a draft whose title names a genre that
                    anonymises on purpose (通报, 典型案例: 某某镇 is deliberate),
                    nor on a line that quotes a case (典型案例：某某镇…).
  prose:    true for a text-norm rule: no match inside template residue, a
            Markdown code span or a table's separator row (checker/analyse/prose.py).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from checker.lexicon import CLAUSE_BREAKS
from checker.analyse.analysis import Facts
from checker.model import Document, Edit, Fix, Span
from checker.settings.regex_literals import LiteralScan, required_literals
from checker.settings.wordlists import lexicon_regex
from checker.analyse.prose import is_masked
from .base import Finding, OptionError, check_known, compile_regex, expect, regex_list
from checker.settings.lazy_regex import lazy_regex

MARKDOWN_MARKUP = lazy_regex(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(\*|_)(?=\S)([^*_\n]+?)(?<=\S)\3|^[ \t]*[*+-][ \t]+")
FIX_ACTIONS = ("delete", "delete-line", "replace")
PATTERN_KEYS = ("fix", "message", "regex", "replacement", "scope")
SCOPES = ("one-unit", "not-anonymised")
# ** standing for a figure in running text (党员**名，…; 投资**亿元，…; 对**年**月),
# not opening bold: right after a character, before a measure word, and with a
# clause break or at most one character before the next ** (bold sets off a
# phrase: 推进**项目建设**); the measure words: rules/lexicon/structure.yaml
FIGURE_BLANK = r"(?<=[\u4e00-\u9fff0-9])\*\*(?={lexicon:measure-words})"
CLAUSE_BREAK = lazy_regex(f"[{CLAUSE_BREAKS}]")


def _without_figure_blanks(line: str) -> str:
    """``line`` with the ** that stand for figures blanked out (same length),
    so that they are not paired as bold marks."""
    for blank in reversed(list(lexicon_regex(FIGURE_BLANK).finditer(line))):
        following = line.find("**", blank.end())
        if following < 0 or following - blank.end() <= 1 or CLAUSE_BREAK.search(line, blank.end(), following):
            line = line[:blank.start()] + "\0\0" + line[blank.end():]
    return line


class SpanIndex:
    """Spans on a line; whether one of them holds a match, in O(log n) (a line
    of 8,000 Markdown *x* marks every match against thousands of spans)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self._starts = [start for start, _ in spans]
        self._reach = list(itertools.accumulate((end for _, end in spans), max))  # furthest end so far

    def covers(self, start: int, end: int) -> bool:
        """Whether a single span holds ``start:end``."""
        opened = bisect.bisect_right(self._starts, start)
        return bool(opened) and self._reach[opened - 1] >= end


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern
    message: Optional[str]
    fix: Optional[str]
    replacement: Optional[str] = None  # fix: replace
    wrap: Optional[tuple[str, str]] = None  # replace X\1Y: the new delimiters (X, Y)
    scope: Optional[str] = None  # one of SCOPES

    def claimed(self, match: re.Match) -> tuple[tuple[int, int], ...]:
        """The character ranges this match takes: all of it, or its delimiters."""
        if self.wrap is None:
            return (match.span(),)
        return (match.start(), match.start(1)), (match.end(1), match.end())

    def applies(self, document: Document, facts: Facts) -> Optional[frozenset[int]]:
        """None where the pattern applies to every line of ``document`` (whose
        ``facts`` say whom it speaks for), else the lines where it applies
        (none at all: an empty set)."""
        if self.scope == "not-anonymised":
            if facts.anonymised:
                return frozenset()
            cases = facts.case_lines
            return frozenset(range(1, len(document.lines) + 1)) - cases if cases else None
        if self.scope == "one-unit":
            if facts.one_unit:
                return None
            return facts.author_lines | facts.own_kind_lines
        return None


WRAP = lazy_regex(r"([^\\]*)\\1([^\\]*)")  # a replacement that keeps group 1 and replaces what is around it


def _is_filler(ch: str) -> bool:
    """Blanks and punctuation: what may stay on a line that is otherwise residue."""
    return ch.isspace() or unicodedata.category(ch)[0] in "PZ" or ch in "@#*~|"


def line_deletion(number: int) -> Edit:
    """The edit that removes line ``number`` with its line end."""
    return Edit(Span(number, 1, number + 1, 1), "")


class PatternRule:
    OPTIONS = {"patterns": [], "ignore": [], "markdown_emphasis": False, "prose": False}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        entries = expect(options["patterns"], list, "patterns", "a list of patterns")
        if not entries:
            raise OptionError("option 'patterns' must list at least one pattern")
        self.patterns = [self._pattern(entry) for entry in entries]
        # one scan of a line finds the patterns whose literals stand on it (regex_literals)
        self.scan = LiteralScan([required_literals(p.regex) for p in self.patterns])
        self.ignore = regex_list(options["ignore"], "ignore")
        self.markdown_emphasis = expect(options["markdown_emphasis"], bool, "markdown_emphasis", "true or false")
        # a pattern names a fix action: the rule must declare how safe it is (ruleset.py)
        self.can_fix = self.needs_fix_declaration = any(p.fix for p in self.patterns)
        self.prose = expect(options["prose"], bool, "prose", "true or false")

    @staticmethod
    def _pattern(entry) -> Pattern:
        if isinstance(entry, str):
            regex = compile_regex(entry, "patterns")
            return Pattern(regex, None, None)
        if not isinstance(entry, dict) or "regex" not in entry:
            raise OptionError("option 'patterns': each entry is a regex string or a mapping with 'regex'")
        unknown = set(entry) - set(PATTERN_KEYS)
        if unknown:
            raise OptionError(f"option 'patterns': unknown key '{sorted(unknown)[0]}' (known: {', '.join(PATTERN_KEYS)})")
        message = entry.get("message")
        if message is not None and not isinstance(message, str):
            raise OptionError("option 'patterns': 'message' must be a string")
        fix = entry.get("fix")
        if fix is not None and fix not in FIX_ACTIONS:
            raise OptionError(f"option 'patterns': 'fix' must be one of {', '.join(FIX_ACTIONS)}")
        replacement = entry.get("replacement")
        if (fix == "replace") != (replacement is not None):
            raise OptionError("option 'patterns': 'replacement' goes with 'fix: replace', and only there")
        if replacement is not None and not isinstance(replacement, str):
            raise OptionError("option 'patterns': 'replacement' must be a string")
        scope = entry.get("scope")
        if scope is not None and scope not in SCOPES:
            raise OptionError(f"option 'patterns': 'scope' must be one of {', '.join(SCOPES)}")
        regex = compile_regex(entry["regex"], "patterns")
        if replacement is not None:
            try:
                regex.sub(replacement, "")  # parses the template: its group references must exist
            except (re.error, IndexError) as error:
                raise OptionError(f"option 'patterns': replacement {replacement!r}: {error}") from None
        wrapper = WRAP.fullmatch(replacement or "")
        wrap = (wrapper.group(1), wrapper.group(2)) if wrapper and regex.groups >= 1 else None
        return Pattern(regex, message, fix, replacement, wrap, scope)

    def _masked(self, line: str, markdown: bool) -> "SpanIndex":
        spans = [m.span() for regex in self.ignore for m in regex.finditer(line)]
        if markdown and self.markdown_emphasis:
            for markup in MARKDOWN_MARKUP.finditer(_without_figure_blanks(line)):
                delimiter = markup.group(1) or markup.group(3)
                if delimiter:  # the emphasis marks, not the text they set off (**XX镇** is a placeholder)
                    spans += [(markup.start(), markup.start() + len(delimiter)),
                              (markup.end() - len(delimiter), markup.end())]
                else:  # a list bullet
                    spans.append(markup.span())
        return SpanIndex(spans)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        lines = document.lines  # only the lines where a pattern may match (one scan of them all)
        return self._check(document, facts, ((index + 1, lines[index], candidates)
                                              for index, candidates in self.scan.candidates_by_line(lines)))

    def check_lines(self, document: Document, facts: Facts, lines: Iterable[tuple[int, str]]) -> Iterator[Finding]:
        """What ``check`` finds, on ``lines`` (line number, text) only."""
        return self._check(document, facts, ((number, line, self.scan.candidates(line)) for number, line in lines))

    def _check(self, document: Document, facts: Facts, lines: Iterable[tuple[int, str, tuple[int, ...]]]
               ) -> Iterator[Finding]:
        """Each pattern's matches on each line, minus those inside an ignored
        span and those overlapping a match of an earlier pattern.

        Linear in the line: with P patterns, M ignored spans and K matches on
        a line of L characters, O(P·L + (M + K)·log M) — one scan of the
        line for all patterns' literals (regex_literals.LiteralScan) picks the
        patterns that may match it, the others are not run; "inside an ignored span?" is a bisection (SpanIndex), and
        "overlapping an earlier match?" a look at the characters already taken
        (a pattern's own matches never overlap, so each character is marked
        at most once and looked at at most once per pattern)."""
        markdown = document.source.is_markdown
        not_prose = facts.not_prose if self.prose else {}
        lines_for = {id(p): p.applies(document, facts) for p in self.patterns if p.scope}
        for number, line, candidates in lines:
            if not line.strip():
                continue
            masked: Optional[SpanIndex] = None
            taken = bytearray()  # 1 where an earlier match stands
            found: list[tuple[Pattern, re.Match]] = []
            for index in candidates:
                pattern = self.patterns[index]
                if pattern.scope and lines_for[id(pattern)] is not None and number not in lines_for[id(pattern)]:
                    continue
                for match in pattern.regex.finditer(line):
                    start, end = match.span()
                    if start == end:
                        continue
                    if masked is None:
                        masked = self._masked(line, markdown)
                        taken = bytearray(len(line))
                    if masked.covers(start, end):
                        continue
                    if is_masked(not_prose.get(number), start, end):
                        continue
                    claimed = pattern.claimed(match)
                    if any(taken.find(1, a, b) >= 0 for a, b in claimed):
                        continue  # an earlier pattern already reported this text
                    for a, b in claimed:
                        taken[a:b] = b"\x01" * (b - a)
                    found.append((pattern, match))
            if found:
                yield from self._findings(number, line, found)

    @staticmethod
    def _findings(number: int, line: str, found: list[tuple[Pattern, re.Match]]) -> Iterator[Finding]:
        removed = bytearray(len(line))  # 1 where a match a deletion fix removes stands
        for pattern, match in found:
            if pattern.fix in ("delete", "delete-line"):
                removed[match.start():match.end()] = b"\x01" * (match.end() - match.start())
        whole_line = any(removed) and all(gone or _is_filler(ch) for ch, gone in zip(line, removed))
        for pattern, match in found:
            span = Span.on_line(number, *match.span())
            edit = None
            if pattern.fix in ("delete", "delete-line") and whole_line:
                edit = line_deletion(number)
            elif pattern.fix == "delete":
                edit = Edit(span, "")
            elif pattern.fix == "replace" and pattern.wrap is not None:
                (a, b), (c, d) = pattern.claimed(match)
                yield Finding(span, {"match": match.group(0)}, pattern.message,
                              Fix((Edit(Span.on_line(number, a, b), pattern.wrap[0]),
                                   Edit(Span.on_line(number, c, d), pattern.wrap[1]))))
                continue
            elif pattern.fix == "replace":
                edit = Edit(span, match.expand(pattern.replacement))
            yield Finding(span, {"match": match.group(0)}, pattern.message, Fix((edit,)) if edit else None)

