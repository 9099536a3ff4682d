"""The character classes every layer shares, defined once.

What a sentence end, a clause break or an indenting blank is, and the forms of
the outline levels (GB/T 9704-2012 7.3.3), are needed by the parser, the
analysis step and several rule types; they live here and nowhere else. The
Chinese word lists that steer heuristics (sentence openers, closing formulas…)
are data, in ``rules/lexicon/*.yaml`` (see checker/settings/wordlists.py).
"""

from __future__ import annotations

from checker.settings.lazy_regex import lazy_regex

# marks that end a sentence; the full-width ones alone, where a half-width ! or ?
# may stand inside a name or a formula (Yes!计划) and must not end anything
FULLWIDTH_SENTENCE_END = "。！？"
SENTENCE_END = FULLWIDTH_SENTENCE_END + "!?"
# marks that end a clause inside a sentence
SEMICOLONS = "；;"
COMMAS = "，,"
COLONS = "：:"
ENUMERATION_COMMA = "、"
ELLIPSIS = "…"
# a sentence or a clause of a series (…；…；…) ends: where a date, a figure or a
# relation stops reaching
CLAUSE_ENDS = SENTENCE_END + SEMICOLONS
# every mark that breaks a clause (where a count or a list item may start)
CLAUSE_BREAKS = COMMAS + "。" + SEMICOLONS + COLONS + "！？!?"
# marks inside a clause that make a heading or a label a sentence (a comma, a
# semicolon, a colon): a short label has none
INNER_BREAKS = COMMAS + SEMICOLONS + COLONS
# the blanks a line is padded with (INDENT_CHARS below adds NBSP, EN/EM spaces, BOM)
BLANKS = " \t\u3000"
# sentence punctuation, the enumeration comma 、 included: a line with none is a label or a name
PUNCTUATION = lazy_regex(f"[{CLAUSE_BREAKS}、]")
# the blanks that indent a line (grammar/outline.lark's INDENT takes the same)
INDENT_CHARS = " \t\u00a0\u2002\u2003\u3000\ufeff"
# those blanks and Markdown emphasis marks (**加强组织领导**), around a line's text
MARKUP_AND_BLANKS = INDENT_CHARS + "*_"
# quotes and title marks around an item of a listed formula (“创新”、“协调”…)
QUOTE_MARKS = "“”\"‘’'《》"

# Outline levels: 1..4 per GB/T 9704, 5 for circled numbers.
# Each level's standard marker form, the number abstracted as N …
STANDARD_STYLES = {1: "N、", 2: "（N）", 3: "N.", 4: "（N）", 5: "N"}
# … and as written for the first item, to name a level in messages.
LEVEL_FORMS = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "①"}
CIRCLED_LEVEL = 5
