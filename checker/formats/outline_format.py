"""What the parser understood: ``reportlint outline FILE`` as text or JSON."""

from __future__ import annotations

import json

from checker.model import Document, Enumerator, Heading, Section

PREVIEW_CHARS = 30


def _preview(text: str) -> str:
    text = text.strip()
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"


def _heading_note(heading: Heading) -> str:
    notes = [f"level {heading.level}"]
    if heading.style != heading.standard_style:
        notes.append(f"off-style {heading.style}")
    if heading.indent:
        notes.append("indented")
    return ", ".join(notes)


def _enumerators_line(enumerators: list[Enumerator], indent: str) -> list[str]:
    if not enumerators:
        return []
    items = " ".join(f"{e.marker}@{e.span.line}:{e.span.column}" for e in enumerators)
    return [f"{'':>5}  {indent}  enumeration: {items}"]


def render_text(document: Document, genre: str) -> str:
    out = [f"{document.path or '-'}  (genre: {genre})"]
    if document.title:
        out.append(f"{document.title.line:>5}  title       {_preview(document.title.text)}")
    elif not any(line.strip() for line in document.lines):
        out.append("    -  (empty: no text)")
    else:
        out.append("    -  title       (none: the first line is body text)")
    if document.salutation:
        out.append(f"{document.salutation.line:>5}  salutation  {_preview(document.salutation.text)}")
    out.extend(_enumerators_line(document.root.enumerators, ""))

    def walk(section: Section, depth: int) -> None:
        heading = section.heading
        indent = "  " * depth
        out.append(f"{heading.line:>5}  {indent}{heading.marker}{_preview(heading.title)}  [{_heading_note(heading)}]")
        paragraphs = [p for p in section.paragraphs if p.line != heading.line]
        if paragraphs:
            lines = sorted({p.line for p in paragraphs})
            out.append(f"{'':>5}  {indent}  {len(lines)} paragraph{'s' if len(lines) != 1 else ''} "
                       f"(line{'s' if len(lines) != 1 else ''} {_ranges(lines)})")
        out.extend(_enumerators_line(section.enumerators, indent))
        for child in section.children:
            walk(child, depth + 1)

    for child in document.root.children:
        walk(child, 0)
    return "\n".join(out) + "\n"


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


def render_json(documents: list[Document], genres: list[str]) -> str:
    outlines = [outline_object(d, g) for d, g in zip(documents, genres)]
    return json.dumps({"version": 1, "outlines": outlines},
                      ensure_ascii=False, indent=2) + "\n"
