"""Make docs/annotate.png: a report's review copy with each comment's text
beside its words.

1. A GB/T 9704 report with planted defects (built with python-docx) gets its
   review copy from ``reportlint annotate --fix`` (Chinese).
2. LibreOffice (headless) converts the review copy to PDF with its comments
   exported as PDF notes: each note is LibreOffice's own comment, at the place
   where LibreOffice draws its mark (the end of the commented words), with
   the comment's text. poppler's pdftoppm renders page 1: the text as
   LibreOffice lays it out, the tracked changes in its colours, the comment
   marks.
3. LibreOffice 7.4 (Debian 12) cannot put the comments' texts in the margin of
   a PDF (its ExportNotesInMargin option came later), so this tool draws the
   margin itself, as Word's balloons: for each PDF note, its text (read from
   the PDF, checked against the review copy's comments read with python-docx)
   in a box to the right of the page, with a line to LibreOffice's mark.

Needs soffice, pdftoppm (README, 安装与测试), the Noto CJK fonts
(fonts-noto-cjk) and Pillow (``pip install pillow``; only this tool uses it).

    python tools/annotate_screenshot.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from word_drafts import WordDraft  # noqa: E402

PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_SC = 2  # Noto Sans CJK SC in the collection
DPI = 110
PAGE_CROP = (60, 40, 470, 335)  # the part of page 1 shown, in PDF points from the top left: x0, y0, x1, y1
MARGIN = 500  # pixels for the balloons
NOTE = re.compile(rb"/Subtype\s*/Text\s*/Rect\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]"
                  rb".*?/Contents\s*<([0-9A-Fa-f]+)>", re.S)


def demo_draft(path: Path) -> Path:
    draft = WordDraft()
    outline = draft.new_list()
    draft.paragraph("青山市应急管理局关于2024年度安全生产工作情况的报告")
    draft.paragraph("市人民政府：")
    draft.paragraph("现将我局2024年度安全生产工作情况报告如下。")
    draft.paragraph("主要工作", outline, 0)
    paragraph = draft.paragraph("全年召开专题会议XX次,检查企业三百余家")
    paragraph.add_run("(次)").bold = True
    paragraph.add_run("，整改隐患一千余处。")
    draft.paragraph("存在问题", outline, 0)
    draft.paragraph("部分企业主体责任落实不到位,隐患整改不够及时。")
    draft.paragraph("下一步工作", outline, 0)
    draft.paragraph("持续推进安全生产专项整治，确保【待补充】。")
    draft.paragraph("特此报告。")
    draft.paragraph("青山市应急管理局")
    draft.paragraph("2024年12月20日")
    return draft.save(path)


@dataclass
class Note:
    """A PDF note: where LibreOffice put its mark (points from the page's
    bottom left: the right end and the bottom of the commented line) and its text."""

    x: float
    y: float
    text: str


def pdf_notes(pdf: bytes) -> list[Note]:
    """The text notes of a PDF LibreOffice wrote (uncompressed annotation objects)."""
    notes = []
    for match in NOTE.finditer(pdf):
        x0, y0 = (float(v) for v in match.groups()[:2])
        text = bytes.fromhex(match.group(5).decode()).decode("utf-16")
        notes.append(Note(x0, y0, text))
    return notes


def wrap(text: str, font, width: int) -> list[str]:
    """Lines of ``text`` no wider than ``width`` pixels, broken at any character (Chinese)."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for char in paragraph:
            if line and font.getlength(line + char) > width:
                lines.append(line)
                line = char
            else:
                line += char
        lines.append(line)
    return lines


def draw(page_png: Path, notes: list[Note], page_height: float, target: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    scale = DPI / 72
    page = Image.open(page_png).convert("RGB")
    x0, y0, x1, y1 = (round(v * scale) for v in PAGE_CROP)
    page = page.crop((x0, y0, x1, y1))
    font = ImageFont.truetype(FONT, 13, index=FONT_SC)
    line_height = 18
    left, width = page.width + 16, MARGIN - 28
    balloons, floor = [], 6  # (mark x, mark y, top, lines), laid out top down without overlapping
    for note in sorted(notes, key=lambda n: (page_height - n.y, n.x)):
        mark_x, mark_y = note.x * scale - x0, (page_height - note.y) * scale - y0
        if not (0 <= mark_y <= page.height):
            continue
        lines = wrap(note.text, font, width - 16)
        top = round(max(floor, mark_y - 20))
        balloons.append((mark_x, mark_y, top, lines))
        floor = top + len(lines) * line_height + 10 + 8
    out = Image.new("RGB", (page.width + MARGIN, max(page.height, floor)), "white")
    out.paste(page, (0, 0))
    canvas = ImageDraw.Draw(out)
    canvas.rectangle((page.width, 0, out.width, out.height), fill=(242, 242, 242))
    for mark_x, mark_y, top, lines in balloons:
        # a line under the commented line, from LibreOffice's mark to the balloon (as Word draws it)
        canvas.line((mark_x, mark_y, page.width, mark_y), fill=(214, 120, 40), width=1)
        canvas.line((page.width, mark_y, left, top + 12), fill=(214, 120, 40), width=1)
        canvas.rounded_rectangle((left, top, left + width, top + len(lines) * line_height + 10), radius=6,
                                 fill=(255, 249, 219), outline=(214, 120, 40))
        for index, line in enumerate(lines):
            canvas.text((left + 8, top + 5 + index * line_height), line, font=font, fill=(40, 40, 40))
    out.save(target)


def main() -> None:
    import docx

    target = ROOT / "docs" / "annotate.png"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        draft = demo_draft(work / "报告.docx")
        subprocess.run([sys.executable, "-m", "checker.cli", "annotate", "--lang", "zh", "--isolated", "--fix",
                        str(draft)], cwd=ROOT, check=False)
        review = work / "报告.reportlint.docx"
        subprocess.run([shutil.which("soffice"), f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", PDF_WITH_NOTES, "--outdir", str(work), str(review)], check=True)
        pdf = work / "报告.reportlint.pdf"
        notes = pdf_notes(pdf.read_bytes())
        comments = sorted(c.text for c in docx.Document(str(review)).comments)
        assert sorted(n.text for n in notes) == comments, "the PDF's notes are the review copy's comments"
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(work / "page")], check=True, stderr=subprocess.DEVNULL)
        height = float(re.search(rb"/MediaBox\s*\[\s*0\s+0\s+[\d.]+\s+([\d.]+)", pdf.read_bytes()).group(1))
        draw(work / "page.png", notes, height, target)
    print(f"wrote {target.relative_to(ROOT)}: {len(notes)} comments beside their words")


if __name__ == "__main__":
    main()
