"""What the parser understood: ``reportlint outline FILE`` as text or JSON."""

from __future__ import annotations

import json
import unicodedata
from typing import Optional, Sequence

from checker import messages
from checker.model import Document, Enumerator, Heading, Section

PREVIEW_CHARS = 30


def _preview(text: str) -> str:
    text = text.strip()
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"


def _heading_note(heading: Heading) -> str:
    notes = [messages.text("outline.level", level=heading.level)]
    if heading.style != heading.standard_style:
        notes.append(messages.text("outline.off_style", style=heading.style))
    if heading.indent:
        notes.append(messages.text("outline.indented"))
    return messages.text("list.notes").join(notes)


def _enumerators_line(enumerators: list[Enumerator], indent: str) -> list[str]:
    if not enumerators:
        return []
    items = " ".join(f"{e.marker}@{e.span.line}:{e.span.column}" for e in enumerators)
    return [f"{'':>5}  {indent}  {messages.text('outline.enumeration')}{items}"]


def render_text(document: Document, genre: str, facts: Optional[dict] = None) -> str:
    """The outline; with ``facts`` (api.draft_facts), the facts of the draft after it."""
    out = [f"{document.path or '-'}  {messages.text('outline.genre', genre=genre)}"]
    if document.title:
        out.append(_row(document.title.line, messages.text("outline.title"), _preview(document.title.text)))
    elif not any(line.strip() for line in document.lines):
        out.append(f"    -  {messages.text('outline.empty')}")
    else:
        out.append(_row(None, messages.text("outline.title"), messages.text("outline.no_title")))
    if document.salutation:
        out.append(_row(document.salutation.line, messages.text("outline.salutation"),
                        _preview(document.salutation.text)))
    out.extend(_enumerators_line(document.root.enumerators, ""))

    def walk(section: Section, depth: int) -> None:
        heading = section.heading
        indent = "  " * depth
        out.append(f"{heading.line:>5}  {indent}{heading.marker}{_preview(heading.title)}  [{_heading_note(heading)}]")
        paragraphs = [p for p in section.paragraphs if p.line != heading.line]
        if paragraphs:
            lines = sorted({p.line for p in paragraphs})
            out.append(f"{'':>5}  {indent}  "
                       + messages.count("outline.paragraphs", len(lines), lines=_ranges(lines)))
        out.extend(_enumerators_line(section.enumerators, indent))
        for child in section.children:
            walk(child, depth + 1)

    for child in document.root.children:
        walk(child, 0)
    if facts is not None:
        out.extend(facts_lines(facts))
    return "\n".join(out) + "\n"


LABEL_WIDTH = 12  # terminal columns: a Chinese character takes two


def _row(line, label: str, text: str) -> str:
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in label)
    return f"{line or '-':>5}  {label}{' ' * max(LABEL_WIDTH - width, 1)}{text}"


def _notes(*notes: str) -> str:
    notes = tuple(note for note in notes if note)
    return f"（{'，'.join(notes)}）" if notes else ""


def _date_text(date: dict) -> str:
    notes = []
    if date["date"]:
        notes.append(f"{date['date']} {messages.text('outline.facts.weekday', day=date['weekday'])}")
    if date["stated_weekday"] and date["stated_weekday"] != date["weekday"]:
        notes.append(messages.text("outline.facts.stated_weekday", day=date["stated_weekday"]))
    if date["year_inferred"]:
        notes.append(messages.text("outline.facts.inferred"))
    return date["text"] + _notes(*notes)


def facts_lines(facts: dict) -> list[str]:
    """The facts the consistency rules judge, one per line with the line it is on."""
    say = messages.text
    out = ["", say("outline.facts.header")]
    period, signed, author = facts["period"], facts["signed"], facts["author"]
    if period:
        out.append(_row(period["line"], say("outline.facts.period"),
                        period["text"] + _notes(say(f"outline.facts.from.{period['source']}"))))
    else:
        out.append(_row(None, say("outline.facts.period"), say("outline.facts.none")))
    if signed:
        out.append(_row(signed["line"], say("outline.facts.signed"), _date_text(signed)))
    if author:
        name = author["name"] if author["name"].startswith(author["county"]) else author["county"] + author["name"]
        out.append(_row(author["line"], say("outline.facts.author"), name + _notes(
            say("outline.facts.type", type=author["type"]),
            say("outline.facts.also", also="、".join(author["also"])) if author["also"] else "",
            say("outline.facts.place", place=author["county"] or author["name"]))))
    else:
        out.append(_row(None, say("outline.facts.author"), say("outline.facts.none")))
    rows: list[tuple[int, int, str, str]] = []  # (line, column, label, text): the rest in the draft's order
    rows += [(m["line"], m["column"], say("outline.facts.leader"), m["text"]) for m in facts["leaders"]]
    rows += [(m["line"], m["column"], say("outline.facts.self"), m["text"]) for m in facts["self_references"]]
    rows += [(m["line"], m["column"], say("outline.facts.bare"), m["text"]) for m in facts["bare_organs"]]
    rows += [(m["line"], m["column"], say("outline.facts.subject"), m["text"])
             for m in facts["units_in_role"] if m["role"] == "subject"]
    rows += [(d["line"], d["column"], say("outline.facts.date"), _date_text(d))
             for d in facts["dates"] if not signed or (d["line"], d["column"]) != (signed["line"], signed["column"])]
    rows += [(p["line"], p["column"], say("outline.facts.person"),
              (p["title"] or "") + p["name"] + _notes(say(f"outline.facts.role.{p['role']}"))) for p in facts["people"]]
    rows += [(t["line"], 0, say("outline.facts.total"),
              f"{t['total']} = {' + '.join(t['parts'])}" + _notes(say("outline.facts.table") if t["table"] else ""))
             for t in facts["totals"]]
    rows += [(c["line"], 0, say("outline.facts.change"), f"{c['from']} → {c['to']}：{c['stated']}")
             for c in facts["changes"]]
    rows += [(s["line"], 0, say("outline.facts.share"),
              f"{s['word'] or ''} {s['part'] or '?'} / {s['whole'] or '?'}：{s['stated']}".strip())
             for s in facts["shares"]]
    out.extend(_row(line, label, text) for line, _, label, text in sorted(rows, key=lambda row: row[:2]))
    if facts["plan_lines"]:
        out.append(_row(None, say("outline.facts.plan"), _ranges(facts["plan_lines"])))
    return out


def _ranges(numbers: list[int]) -> str:
    parts, start, previous = [], numbers[0], numbers[0]
    for number in numbers[1:] + [None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def _section_object(section: Section) -> dict:
    heading = section.heading
    return {
        "line": heading.line,
        "level": heading.level,
        "number": heading.number,
        "marker": heading.marker,
        "style": heading.style,
        "standard_style": heading.standard_style,
        "indent": heading.indent,
        "title": heading.title,
        "span": {"line": heading.line, "column": heading.marker_span.column,
                 "end_line": section.end_line},
        "paragraphs": [p.line for p in section.paragraphs],
        "enumerators": [_enumerator_object(e) for e in section.enumerators],
        "children": [_section_object(child) for child in section.children],
    }


def _enumerator_object(enumerator: Enumerator) -> dict:
    return {"kind": enumerator.kind, "number": enumerator.number, "marker": enumerator.marker,
            "line": enumerator.span.line, "column": enumerator.span.column}


def outline_object(document: Document, genre: str) -> dict:
    def line_object(paragraph):
        return {"line": paragraph.line, "text": paragraph.text} if paragraph else None

    return {
        "path": document.path or "-",
        "genre": genre,
        "title": line_object(document.title),
        "salutation": line_object(document.salutation),
        "paragraphs": [p.line for p in document.root.paragraphs],
        "enumerators": [_enumerator_object(e) for e in document.root.enumerators],
        "sections": [_section_object(child) for child in document.root.children],
        "lines": {str(line): kind for line, kind in sorted(document.line_kinds.items())},
    }


def render_json(documents: list[Document], genres: list[str], facts: Optional[Sequence[dict]] = None) -> str:
    """Every draft's outline; with ``facts`` (one api.draft_facts per draft), each
    outline carries them under "facts" (keys: docs/consistency.md)."""
    outlines = [outline_object(d, g) for d, g in zip(documents, genres)]
    for outline, found in zip(outlines, facts or ()):
        outline["facts"] = found
    return json.dumps({"version": 1, "outlines": outlines},
                      ensure_ascii=False, indent=2) + "\n"
