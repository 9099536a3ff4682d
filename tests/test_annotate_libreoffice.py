"""The review copy opened by a real office suite: LibreOffice (Debian's
libreoffice-writer-nogui, README 安装与测试) converts it headless, without error,
to its own flat XML (.fodt) and to PDF; the converted document carries every
comment (office:annotation, by reportlint, with its words) and every tracked
change (text:changed-region: deletions and insertions by reportlint); and
accepting every change as LibreOffice recorded them gives the fixed text."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest
from test_annotate import numbered_draft, official_document, reviewed_draft
from word_review import accept_all, paragraph_texts

from checker.read.docx_reading import source_from_docx

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        message = "LibreOffice is absent: apt-get install -y libreoffice-writer-nogui (see README, 安装与测试)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def convert(path: Path, target: str, folder: Path) -> Path:
    """``soffice --headless --convert-to target``, with a throwaway profile."""
    profile = folder / "profile"
    done = subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                           target, "--outdir", str(folder), str(path)], capture_output=True, timeout=300)
    converted = folder / (path.stem + "." + target.split(":")[0])
    assert done.returncode == 0 and converted.exists(), done.stderr.decode()
    assert b"Error" not in done.stderr, done.stderr.decode()
    return converted


@pytest.mark.parametrize("make", [numbered_draft, reviewed_draft, official_document])
def test_libreoffice_reads_every_comment_and_change(tmp_path, run_cli, make):
    draft = make(tmp_path / "draft.docx")
    review_path = tmp_path / "draft.reportlint.docx"
    done = run_cli("annotate", "--isolated", "--fix", str(draft))
    assert done.returncode in (0, 1), done.stderr.decode()
    review = docx.Document(str(review_path))
    ours = [c for c in review.comments if c.author == "reportlint"]
    deletions = sum(1 for e in review.element.body.iter("{%s}del" % docx.oxml.ns.nsmap["w"])
                    if e.get(docx.oxml.ns.qn("w:author")) == "reportlint")
    insertions = sum(1 for e in review.element.body.iter("{%s}ins" % docx.oxml.ns.nsmap["w"])
                     if e.get(docx.oxml.ns.qn("w:author")) == "reportlint")
    assert deletions + insertions > 0

    flat = ET.parse(convert(review_path, "fodt", tmp_path / "out")).getroot()
    annotations = [a for a in flat.iter(f"{{{OFFICE}}}annotation")
                   if "".join(a.find(f"{{{DC}}}creator").itertext()) == "reportlint"]
    assert len(annotations) == len(ours)
    said = sorted("\n".join("".join(p.itertext()) for p in a.iter(f"{{{TEXT}}}p")) for a in annotations)
    assert said == sorted(c.text for c in ours)
    def ours_of(kind: str) -> int:
        return sum(1 for change in flat.iter(f"{{{TEXT}}}{kind}")
                   if "".join(change.find(f"{{{OFFICE}}}change-info/{{{DC}}}creator").itertext()) == "reportlint")

    assert (ours_of("deletion"), ours_of("insertion")) == (deletions, insertions)

    pdf = convert(review_path, 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
                  tmp_path / "pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and b"/Annot" in pdf.read_bytes()


def libreoffice_accepted(fodt: Path) -> list[str]:
    """Each paragraph of LibreOffice's flat XML (tables cell by cell) with every
    tracked change accepted, as LibreOffice recorded them: the text between a
    deletion's text:change-start and text:change-end dropped, insertions kept;
    comments (office:annotation) are not text."""
    root = ET.parse(fodt).getroot()
    deletions = {region.get(f"{{{TEXT}}}id") for region in root.iter(f"{{{TEXT}}}changed-region")
                 if region.find(f"{{{TEXT}}}deletion") is not None}
    body = root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    paragraphs = []

    def walk(element, out: list, state: dict) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{{{TEXT}}}change-start" and child.get(f"{{{TEXT}}}change-id") in deletions:
                state["deleted"] += 1
            elif tag == f"{{{TEXT}}}change-end" and child.get(f"{{{TEXT}}}change-id") in deletions:
                state["deleted"] -= 1
            elif tag == f"{{{TEXT}}}s" and not state["deleted"]:
                out.append(" " * int(child.get(f"{{{TEXT}}}c", "1")))
            elif tag == f"{{{TEXT}}}tab" and not state["deleted"]:
                out.append("\t")
            elif tag == f"{{{TEXT}}}line-break" and not state["deleted"]:
                out.append("\n")
            elif tag != f"{{{OFFICE}}}annotation":
                if child.text and not state["deleted"]:
                    out.append(child.text)
                walk(child, out, state)
            if child.tail and not state["deleted"]:
                out.append(child.tail)

    for paragraph in body.iter():
        if paragraph.tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h") and not any(
                a.tag == f"{{{OFFICE}}}annotation" for a in _ancestors(body, paragraph)):
            out = [paragraph.text or ""]
            walk(paragraph, out, {"deleted": 0})
            paragraphs.append("".join(out))
    return paragraphs


def _ancestors(root, element) -> list:
    parents = {child: parent for parent in root.iter() for child in parent}
    chain = []
    while element in parents:
        element = parents[element]
        chain.append(element)
    return chain


@pytest.mark.parametrize("make", [numbered_draft, reviewed_draft, official_document])
def test_accepting_every_change_in_libreoffice_gives_the_fix_text(tmp_path, run_cli, make):
    """The round trip through LibreOffice: its own record of the tracked changes,
    accepted, is what python-docx gives accepting them, and for a draft without
    automatic numbers exactly the lines check --fix --unsafe-fixes writes."""
    draft = make(tmp_path / "draft.docx")
    source = source_from_docx(draft.read_bytes(), str(draft))
    done = run_cli("annotate", "--isolated", "--fix", "--unsafe-fixes", str(draft))
    assert done.returncode in (0, 1), done.stderr.decode()
    review = docx.Document(str(tmp_path / "draft.reportlint.docx"))
    accepted = libreoffice_accepted(convert(tmp_path / "draft.reportlint.docx", "fodt", tmp_path / "out"))
    assert accepted == paragraph_texts(accept_all(review))
    assert accepted != paragraph_texts(review, original=True), "the draft has something to fix"
    if make is official_document:
        text = tmp_path / "draft.txt"
        text.write_text("\n".join(source.lines), encoding="utf-8")
        run_cli("check", "--isolated", "--fix", "--unsafe-fixes", str(text))
        assert accepted == text.read_text(encoding="utf-8").split("\n")
