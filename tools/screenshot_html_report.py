"""Regenerate docs/html-report.png, the README's picture of the HTML report:
the report of examples/numbering.txt and examples/placeholders.txt, taken
by Debian's chromium through playwright (as tests/test_html_report.py does).

    .venv/bin/python tools/screenshot_html_report.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ("examples/numbering.txt", "examples/placeholders.txt")
TARGET = ROOT / "docs" / "html-report.png"


def main() -> None:
    page_html = subprocess.run([sys.executable, "-m", "checker.cli", "--format", "html", *DRAFTS],
                               cwd=ROOT, capture_output=True, check=False).stdout
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "report.html"
        page_path.write_bytes(page_html)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1100, "height": 760})
            page.goto(page_path.as_uri())
            page.screenshot(path=str(TARGET))
            browser.close()
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
