"""Lines are read without the Lark parser: most body lines by a shortcut
(outline.plain_shape), marker lines by the grammar's own terminals tried as
its lexer tries them (outline.parsed_shape, line_lexer). Both agree with Lark's
parse of the grammar (outline.lark_shape, the reference), on the grammar itself,
on every line of the samples, corpus, test drafts and examples and on generated
marker lines; Lark's parser, built for the reference, comes from the cache."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from collections import Counter

from checker.parse import outline
from checker.lexicon import INDENT_CHARS
from checker.lint.ruleset import load_rules
from conftest import EXAMPLES, ROOT, SHARED

try:
    from re import _constants as sre, _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]


def first_chars(items) -> tuple[set, bool]:
    """The characters a match of the parsed regex ``items`` can start with,
    and whether it can match the empty string; '*' stands for any."""
    chars: set = set()
    for op, argument in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op is sre.LITERAL:
            return chars | {chr(argument)}, False
        if op is sre.IN:
            for kind, value in argument:
                if kind is sre.LITERAL:
                    chars.add(chr(value))
                elif kind is sre.RANGE:
                    chars.update(chr(c) for c in range(value[0], value[1] + 1))
                else:
                    chars.add("*")
            return chars, False
        if op is sre.BRANCH:
            nullable = False
            for branch in argument[1]:
                more, empty = first_chars(branch)
                chars |= more
                nullable |= empty
        elif op is sre.SUBPATTERN:
            more, nullable = first_chars(argument[3])
            chars |= more
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            more, empty = first_chars(argument[2])
            chars |= more
            nullable = empty or argument[0] == 0
        else:
            return chars | {"*"}, False
        if not nullable:
            return chars, False
    return chars, True


def test_the_marker_terminals_start_with_the_characters_the_shortcut_knows():
    terminals = {t.name: t.pattern.to_regexp() for t in outline.line_parser().terminals}
    assert {"TEXT", "INDENT", "ENUM_MARK"} <= set(terminals)
    assert "SALUTATION" not in terminals  # the grammar knows marker syntax only
    for name, regexp in terminals.items():
        if name == "INDENT":
            assert set(first_chars(sre_parse.parse(regexp))[0]) == set(INDENT_CHARS)
        elif name != "TEXT":
            starts, nullable = first_chars(sre_parse.parse(regexp))
            assert not nullable and starts <= outline.MARKER_STARTS, name


def all_lines() -> list[str]:
    files = [*EXAMPLES.glob("*.txt"), *SHARED.glob("samples/*.txt"), *SHARED.glob("corpus/*.txt"),
             *(ROOT / "tests" / "drafts").rglob("*.txt"), *(ROOT / "tests" / "drafts").rglob("*.md")]
    lines = [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    lines += [line for rule in load_rules() for example in (*rule.fails, *rule.passes)
              for line in example.text.splitlines()]
    return lines + ["", "\u3000\u3000", " \t", "\u3000\u3000尊敬的各位领导：", "同志们：", "各位代表：　",
                    "\u2009一、总体情况", "abc", "\ufeff标题", "《关于…》的报告"]


def test_the_shortcut_agrees_with_the_parser_on_every_line():
    lines = all_lines()
    shortcut = 0
    for line in lines:
        for prefix in {0, len(line) - len(line.lstrip("#"))}:
            plain = outline.plain_shape(line, prefix)
            if plain is not None:
                shortcut += 1
                assert plain == outline.lark_shape(line, prefix), line
    assert shortcut > len(lines) / 2  # most lines take it


def test_the_parser_is_cached_and_a_damaged_cache_is_rebuilt(tmp_path):
    code = "from checker.parse import outline; print(outline.lark_shape('（一）加强学习', 0).level)"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}

    def run() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120)

    first = run()
    assert (first.returncode, first.stdout, first.stderr) == (0, "2\n", "")
    [saved] = (tmp_path / "reportlint").glob("outline-parser-*")  # beside it: the dataclasses' code
    assert re.fullmatch(r"outline-parser-\w+\.lark", saved.name)
    saved.write_bytes(b"garbage")
    again = run()
    assert (again.returncode, again.stdout, again.stderr) == (0, "2\n", "")
    assert saved.read_bytes() != b"garbage"


def test_the_lexer_reads_the_grammars_own_terminals():
    """line_lexer's INDENT and marker regexes are the ones Lark compiles from
    grammar/outline.lark (the same opcodes), and every marker terminal is there."""
    from re import _compiler

    terminals = {t.name: t.pattern.to_regexp() for t in outline.line_parser().terminals}
    grammar = (ROOT / "grammar" / "outline.lark").read_text(encoding="utf-8")
    ours = {m.group("name"): m.group("regex") for m in outline.GRAMMAR_TERMINAL.finditer(grammar)}
    assert set(ours) == set(terminals)
    for name, regexp in terminals.items():
        assert _compiler._code(sre_parse.parse(ours[name]), 0) == _compiler._code(sre_parse.parse(regexp), 0), name
    indent, marks, levels = outline.line_lexer()
    assert set(marks.groupindex) == {name for name in terminals if name.endswith("_MARK")}
    assert sorted(levels.values()) == [1, 2, 3, 4, 5]


MARKER_PIECES = ["一", "十二", "三", "是", "（", "(", "）", ")", "1", "２", "10", "2025", "、", ".", "．", ",", "，",
                 "①", "⑳", "号", "#", " ", "\u3000", "\t", "年", "%", "线", "级", "x", "。"]


def generated_lines(count: int) -> list[str]:
    """Lines opening with any mix of marker pieces, blanks and what may follow a marker."""
    generator = random.Random(21)
    return ["".join(generator.choice(MARKER_PIECES) for _ in range(generator.randint(1, 6)))
            + generator.choice(["", "加强学习", "2025年", "亿元", "号机组", "一是"]) for _ in range(count)]


def test_the_lexer_reads_every_line_as_larks_parse_does():
    lines = all_lines() + generated_lines(30_000)
    met = Counter()
    for line in lines:
        for prefix in {0, len(line) - len(line.lstrip("#"))}:
            shape = outline.parsed_shape(line, prefix)
            assert shape == outline.lark_shape(line, prefix), (line, prefix)
            met[shape.marker.type if shape.marker else shape.kind] += 1
    assert min(met.values()) >= 100 and len(met) == 8, met  # the six marker terminals, text and blank lines
