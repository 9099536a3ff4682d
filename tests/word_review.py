"""Reading a review copy back as Word shows it: each comment's anchored text,
and the text with reportlint's tracked changes rejected (the draft as it was)
or every tracked change accepted."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

OURS = "reportlint"


def _change_by(element, tag: str):
    """The w:ins / w:del (``tag``) around ``element``, or None."""
    for ancestor in element.iterancestors():
        if ancestor.tag == qn(tag):
            return ancestor
    return None


def shown(element, original: bool) -> str:
    """What a w:t, w:delText or w:tab shows: ``original`` = reportlint's
    changes rejected (the text the draft had), else all changes accepted."""
    inserted, deleted = _change_by(element, "w:ins"), _change_by(element, "w:del")
    if original:
        if inserted is not None and inserted.get(qn("w:author")) == OURS:
            return ""
        if deleted is not None and deleted.get(qn("w:author")) != OURS:
            return ""
    elif deleted is not None:
        return ""
    if element.tag == qn("w:tab"):
        return "\t"
    if element.tag in (qn("w:t"), qn("w:delText")):
        return element.text or ""
    return ""


TEXT_TAGS = (qn("w:t"), qn("w:delText"), qn("w:tab"))


def anchored_texts(document, original: bool = True) -> dict[int, str]:
    """comment id -> the text between its w:commentRangeStart and
    w:commentRangeEnd (paragraphs joined by a newline)."""
    open_ids: set[int] = set()
    texts: dict[int, list[str]] = {}
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            comment_id = int(element.get(qn("w:id")))
            open_ids.add(comment_id)
            texts[comment_id] = []
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(element.get(qn("w:id"))))
        elif element.tag in TEXT_TAGS:
            for comment_id in open_ids:
                texts[comment_id].append(shown(element, original))
        elif element.tag == qn("w:p"):
            for comment_id in open_ids:
                texts[comment_id].append("\n")
    return {key: "".join(parts).strip("\n") for key, parts in texts.items()}


def paragraph_texts(document, original: bool = False) -> list[str]:
    """Each body paragraph's text, tables cell by cell: with every tracked
    change accepted (``original``: reportlint's changes rejected)."""
    return ["".join(shown(e, original) for e in paragraph.iter(*TEXT_TAGS))
            for paragraph in document.element.body.iter(qn("w:p"))]


def accept_all(document):
    """A copy of ``document`` with every tracked change accepted, as Word's
    "Accept All Changes" does: deletions removed, insertions unwrapped."""
    buffer = io.BytesIO()
    document.save(buffer)
    accepted = docx.Document(io.BytesIO(buffer.getvalue()))
    body = accepted.element.body
    for deletion in list(body.iter(qn("w:del"))):
        if deletion.getparent().tag != qn("w:rPr"):
            deletion.getparent().remove(deletion)
    for insertion in list(body.iter(qn("w:ins"))):
        parent = insertion.getparent()
        if parent.tag == qn("w:rPr"):
            continue
        for child in list(insertion):
            insertion.addprevious(child)
        parent.remove(insertion)
    return accepted
