"""Word input bounded (issue 22): list numbers clamped to what Word shows, and
a body with too many paragraphs or runs refused in one line before
python-docx builds it (a 729 KB package of tiny paragraphs took 120 s and
5.2 GB)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from checker.read.docx_reading import MAX_WORD_CHARACTERS, MAX_WORD_PARAGRAPHS, MAX_WORD_RUNS
from checker.read.reading import read_source
from checker.read.word_numbering import MAX_NUMBER, format_number

from word_drafts import WordDraft


@pytest.mark.parametrize("number_format", ["upperRoman", "lowerLetter", "chineseCounting", "decimal"])
def test_a_huge_start_value_is_clamped_to_what_word_shows(tmp_path, number_format):
    draft = WordDraft()
    num = draft.new_list([(number_format, "%1.")], starts=[1_000_000_000_000])
    draft.paragraph("关于某某工作的报告")
    draft.paragraph("总体情况", num=num)
    source = read_source(str(draft.save(tmp_path / "big-start.docx")))
    label = source.lines[1][:-len("总体情况")]
    assert label == format_number(MAX_NUMBER, number_format) + "."
    assert len(source.lines[1]) < 1400  # lowerLetter at 32767: 1,261 letters, not gigabytes


def with_body(tmp_path: Path, body: str) -> Path:
    """A real package whose body is ``body`` (raw WordprocessingML)."""
    saved = WordDraft().save(tmp_path / "base.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(saved)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                text = data.decode("utf-8")
                start, end = text.index("<w:body>") + len("<w:body>"), text.index("<w:sectPr")
                data = (text[:start] + body + text[end:]).encode("utf-8")
            target.writestr(member, data)
    path = tmp_path / "bomb.docx"
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize("what, body", [
    ("paragraphs", "<w:p/>" * (MAX_WORD_PARAGRAPHS + 1)),
    ("runs", "<w:p>" + "<w:r/>" * (MAX_WORD_RUNS + 1) + "</w:p>"),
])
def test_a_body_of_millions_of_tiny_paragraphs_or_runs_is_one_line(run_cli, tmp_path, what, body):
    path = with_body(tmp_path, body)
    assert path.stat().st_size < 1024 * 1024  # small package, huge body
    result = run_cli(str(path))
    err = result.stderr.decode()
    assert result.returncode == 2 and len(err.splitlines()) == 1 and "Traceback" not in err
    assert f"{what} (at most" in err and str(path) in err


def test_a_body_under_the_bounds_is_read(tmp_path):
    path = with_body(tmp_path, "<w:p><w:r><w:t>关于某某工作的报告</w:t></w:r></w:p>" + "<w:p/>" * 1000)
    assert read_source(str(path)).lines[0] == "关于某某工作的报告"


def test_closing_tags_and_properties_are_not_counted(tmp_path):
    """<w:p>…</w:p> is one paragraph, <w:pPr> and <w:rPr> are none: a body
    just under the bound is read."""
    paragraph = "<w:p><w:pPr/><w:r><w:rPr/><w:t>内容。</w:t></w:r></w:p>"
    path = with_body(tmp_path, "<w:p><w:r><w:t>关于某某工作的报告</w:t></w:r></w:p>"
                     + paragraph * (MAX_WORD_PARAGRAPHS - 1))
    assert len(read_source(str(path)).lines) == MAX_WORD_PARAGRAPHS


def test_a_body_with_more_text_than_a_5_mb_draft_is_one_line(run_cli, tmp_path):
    """A Word body holds at most as many characters as the default text limit
    (a 5 MB draft full of findings: within a minute, docs/performance.md)."""
    path = with_body(tmp_path, "<w:p><w:r><w:t>" + "某" * (MAX_WORD_CHARACTERS + 1) + "</w:t></w:r></w:p>")
    result = run_cli("--lang", "en", str(path))
    err = result.stderr.decode()
    assert result.returncode == 2 and len(err.splitlines()) == 1 and "Traceback" not in err
    assert f"{MAX_WORD_CHARACTERS + 1:,} characters of text (at most {MAX_WORD_CHARACTERS:,})" in err
