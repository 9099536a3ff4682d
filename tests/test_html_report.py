"""The HTML report, produced by the real command and looked at in a real
browser (Debian's chromium driven by playwright): findings marked at their
lines with their rules, the outline jumps to its headings, nothing is fetched
from outside, nothing from the draft runs, and a screenshot is kept."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from test_cli import err, out
from word_drafts import WordDraft

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = '<script>window.pwned = 1</script>"><img src=x onerror="window.pwned = 2">&amp;'
SECTIONS = ("主要工作", "存在问题", "原因分析", "下步打算")
BODY = "全年各项工作有序推进，完成了年初确定的目标任务。"


def long_draft(path: Path) -> Path:
    """A titled report, long enough to scroll, with a placeholder at line 3,
    a hostile line, and one 1、 among 1. at the end."""
    lines = ["某某县教育局2024年工作总结", "", "XX镇全年完成投资**亿元。", HOSTILE + "。"]
    for number, name in enumerate(SECTIONS, 1):
        lines.append("一二三四"[number - 1] + "、" + name)
        lines.extend(f"（{'一二三'[k]}）第{k + 1}项。{BODY * 3}" for k in range(3))
        lines.extend([BODY] * 8)
    lines += ["1.加强学习。" + BODY, "2、改进作风。" + BODY]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def report(tmp_path, run_cli):
    """The page for a text draft and a Word draft, and both files' JSON findings."""
    text_draft = long_draft(tmp_path / "draft.txt")
    word = WordDraft()
    num = word.new_list()
    word.paragraph("某某局2024年述职报告")
    word.paragraph("主要工作", num, 0)
    word.paragraph("××同志带队完成调研。")
    word.paragraph("存在问题", num, 0)
    word.paragraph(BODY)
    word_draft = word.save(tmp_path / "述职.docx")
    result = run_cli("--format", "html", str(text_draft), str(word_draft))
    assert result.returncode == 1, err(result)
    assert err(result) == ""
    page = tmp_path / "report.html"
    page.write_bytes(result.stdout)
    findings = json.loads(out(run_cli("--format", "json", str(text_draft), str(word_draft))))
    return page, findings


def test_the_page_is_self_contained_and_escapes_the_draft(report):
    page, _ = report
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|<link\b|@import|url\(\s*['"]?(?!data:)""", html)
    assert "<script>window.pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # the page's own


def test_several_files_are_listed_with_their_counts(report):
    page, findings = report
    html = page.read_text(encoding="utf-8")
    for index, file in enumerate(findings["files"], 1):
        assert f'<a href="#file-{index}">{file["path"]}</a>' in html


def test_worker_processes_give_the_same_page(report, run_cli, tmp_path):
    page, findings = report
    paths = [file["path"] for file in findings["files"]]
    parallel = run_cli("-j", "2", "--format", "html", *paths)
    assert parallel.returncode == 1, err(parallel)
    assert parallel.stdout == page.read_bytes()


def test_a_file_that_could_not_be_read_is_listed_with_why(run_cli, tmp_path):
    draft = long_draft(tmp_path / "draft.txt")
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    result = run_cli("--format", "html", str(draft), str(old))
    assert result.returncode == 2
    html = out(result)
    assert f'<a href="#file-2">{old}</a> <span class="file-counts">{old}: an old binary Word document' in html
    assert "could not be read" in html


# -- in the browser ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is absent: apt-get install -y chromium fonts-noto-cjk (see README, 安装与测试)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, report):
    path, findings = report
    context = browser.new_context(viewport={"width": 1200, "height": 700})
    page = context.new_page()
    requests, dialogs = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    yield page, findings, requests, dialogs
    context.close()


def test_findings_are_marked_at_their_lines_with_their_rules(page):
    page, findings, requests, _ = page
    for index, file in enumerate(findings["files"], 1):
        assert file["diagnostics"]
        for d in file["diagnostics"]:
            line = f"#f{index}-L{d['line']}"
            assert page.locator(f'{line} mark.finding[data-rule~="{d["rule"]}"]').count() >= 1, (file["path"], d)
            note = page.locator(f'{line} li.note[data-rule="{d["rule"]}"][data-column="{d["column"]}"] .message')
            assert d["message"] in note.all_inner_texts(), d
    # the placeholder XX at line 3, column 1 of the text draft is marked exactly there, with its message on hover
    mark = page.locator('#f1-L3 mark.finding[data-rule~="placeholder"]').first
    assert mark.inner_text() == "XX"
    assert "placeholder" in mark.get_attribute("title")
    assert page.locator('#f1-L3 .content').inner_text() == "XX镇全年完成投资**亿元。"
    # the Word draft's line is the paragraph: ×× is in paragraph 3, after its automatic heading 一、主要工作
    assert page.locator("#f2-L2 .content").inner_text() == "一、主要工作"
    assert page.locator('#f2-L3 mark.finding[data-rule~="placeholder"]').first.inner_text() == "××"
    assert all(url.startswith("file://") for url in requests), requests


def test_counts_per_rule_and_severity_at_the_top(page):
    page, findings, _, _ = page
    diagnostics = [d for file in findings["files"] for d in file["diagnostics"]]
    for rule in {d["rule"] for d in diagnostics}:
        count = page.locator(f'tr.rule[data-rule="{rule}"] td.n').inner_text()
        assert int(count) == sum(d["rule"] == rule for d in diagnostics)
    for severity in {d["severity"] for d in diagnostics}:
        row = page.locator(f'tr.severity[data-severity="{severity}"]')
        assert int(row.locator("td.n").inner_text()) == sum(d["severity"] == severity for d in diagnostics)
        assert row.locator(".bar").bounding_box()["width"] > 0


def test_the_draft_cannot_run_code_in_the_page(page):
    page, _, _, dialogs = page
    assert page.evaluate("window.pwned") is None and dialogs == []
    assert HOSTILE in page.locator("#f1-L4 .content").inner_text()


def test_clicking_an_outline_heading_scrolls_to_it(page):
    page, _, _, _ = page
    heading_line = 5 + 3 * (3 + 8 + 1)  # 四、下步打算, far below the first screen
    target = page.locator(f"#f1-L{heading_line}")
    assert target.inner_text().split("\n")[1].startswith("四、下步打算")
    assert target.bounding_box()["y"] > 700
    page.click(f'#file-1 nav.outline a[data-line="{heading_line}"]')
    page.wait_for_function(f"Math.abs(document.getElementById('f1-L{heading_line}').getBoundingClientRect().top) < 40")
    assert page.evaluate("location.hash") == f"#f1-L{heading_line}"


def test_a_rule_can_be_singled_out(page):
    page, _, _, _ = page
    page.click('tr.rule[data-rule="numbering-style"]')
    assert page.locator('mark.finding.dim[data-rule~="placeholder"]').count() >= 1
    assert page.locator('mark.finding[data-rule~="numbering-style"]:not(.dim)').count() >= 1


def test_print_drops_the_navigation_and_keeps_the_notes(page):
    page, _, _, _ = page
    page.emulate_media(media="print")
    assert page.locator("#file-1 nav.outline").is_hidden()
    assert page.locator("#f1-L3 li.note").first.is_visible()


def test_screenshot_shows_the_chinese_text(page, tmp_path):
    page, _, _, _ = page
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    assert fonts.strip(), "no Chinese font installed: apt-get install -y fonts-noto-cjk"
    shot = tmp_path / "html-report.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    kept = os.environ.get("REPORTLINT_ARTIFACTS")
    if kept:
        shutil.copy(shot, Path(kept) / shot.name)
    print(f"screenshot of the HTML report: {shot}")
