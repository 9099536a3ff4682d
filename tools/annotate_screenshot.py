"""Make docs/annotate.png: a GB/T 9704 report with planted defects, its review
copy written by ``reportlint annotate --fix``, converted to PDF by LibreOffice
(headless, comments exported as PDF notes) and the top of page 1 rendered by
poppler's pdftoppm. Needs soffice and pdftoppm (README, Set-up).

    python tools/annotate_screenshot.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from word_drafts import WordDraft  # noqa: E402

PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


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


def main() -> None:
    target = ROOT / "docs" / "annotate.png"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        draft = demo_draft(work / "报告.docx")
        subprocess.run([sys.executable, "-m", "checker.cli", "annotate", "--isolated", "--fix", str(draft)],
                       cwd=ROOT, check=False)
        review = work / "报告.reportlint.docx"
        subprocess.run([shutil.which("soffice"), f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", PDF_WITH_NOTES, "--outdir", str(work), str(review)], check=True)
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-x", "120", "-y", "80",
                        "-W", "820", "-H", "560", "-singlefile", str(work / "报告.reportlint.pdf"),
                        str(work / "page")], check=True)
        shutil.copyfile(work / "page.png", target)
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
