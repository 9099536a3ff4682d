"""``reportlint annotate``: the Word review copy, read back as a person would.

Each draft is built with python-docx (tests/word_drafts.py), annotated by the
real command in a subprocess, and the copy opened again with python-docx: one
comment per finding (plus the summary on the title), each anchored on exactly
its finding's words; with --fix, accepting every tracked change gives what
``check --fix`` gives on the same text, rejecting them gives the draft; and
what the draft had besides (numbering, tables, styles, headers, comments and
tracked changes of its own) is still there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from word_drafts import WordDraft
from word_review import accept_all, anchored_texts, paragraph_texts

from checker.read.docx_reading import source_from_docx

# -- drafts ------------------------------------------------------------------------


def numbered_draft(path: Path) -> Path:
    """Automatic 一、 headings, a bold run holding a defect, a table with one in a cell."""
    draft = WordDraft()
    outline = draft.new_list()
    draft.paragraph("关于2024年度安全生产工作情况的报告")
    draft.paragraph("总体情况", outline, 0)
    paragraph = draft.paragraph("今年以来，我们完成了XXX项检查,整改隐患")
    paragraph.add_run("一百二十处(见附件)").bold = True
    paragraph.add_run("。")
    draft.paragraph("存在问题", outline, 0)
    draft.paragraph("")
    draft.table([["项目", "进展"], ["隐患排查", "已完成XXX项,正在复查。"]])
    draft.paragraph("下一步打算", outline, 0)
    draft.paragraph("持续推进专项整治,确保责任落实到位。")
    return draft.save(path)


def reviewed_draft(path: Path) -> Path:
    """A draft already reviewed by people: a comment by 张三, a tracked insertion
    and a deletion (holding a defect of its own) by 李四."""
    draft = WordDraft()
    draft.paragraph("关于2024年度工作情况的报告")
    first = draft.paragraph("今年以来，全局上下齐心协力，完成了各项任务。")
    draft.document.add_comment(first.runs[0], text="这一段再充实些。", author="张三", initials="张")
    changed = draft.paragraph("重点工作推进有力")
    changed._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="901" w:author="李四" w:date="2024-12-01T00:00:00Z">'
        f'<w:r><w:t xml:space="preserve">,成效明显</w:t></w:r></w:ins>'))
    changed._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="902" w:author="李四" w:date="2024-12-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">XXX项,</w:delText></w:r></w:del>'))
    changed.add_run("。")
    draft.paragraph("下一步，我们将继续完成XXX任务。")
    return draft.save(path)


def official_document(path: Path) -> Path:
    """A GB/T 9704-2012 official document: red-head issuer, document number,
    title, addressee, 一、（一）1. headings, attachment, signature, date and the
    版记 table, with a header and a page-number footer."""
    draft = WordDraft()
    section = draft.document.sections[0]
    section.header.paragraphs[0].text = "××市应急管理局文件"
    section.footer.paragraphs[0].text = "— 1 —"
    draft.paragraph("××市应急管理局文件")
    draft.paragraph("×应急〔2024〕12号")
    draft.paragraph("××市应急管理局关于2024年度安全生产工作情况的报告")
    draft.paragraph("市人民政府：")
    draft.paragraph("现将我局2024年度安全生产工作情况报告如下。")
    draft.paragraph("一、主要工作")
    draft.paragraph("（一）强化责任落实。全年召开专题会议XX次,压实企业主体责任。")
    draft.paragraph("1.开展隐患排查。检查企业三百余家(次)，整改隐患一千余处。")
    draft.paragraph("二、存在问题")
    draft.paragraph("部分企业主体责任落实不到位。")
    draft.paragraph("三、下一步工作")
    draft.paragraph("持续推进安全生产专项整治。")
    draft.paragraph("特此报告。")
    draft.paragraph("附件：2024年度隐患排查情况表")
    draft.paragraph("××市应急管理局")
    draft.paragraph("2024年12月20日")
    draft.table([["抄送：市安委会各成员单位。"], ["××市应急管理局办公室　　2024年12月20日印发"]])
    return draft.save(path)


DRAFTS = {"numbered": numbered_draft, "reviewed": reviewed_draft, "official": official_document}


# -- helpers -----------------------------------------------------------------------


def check_json(run_cli, path: Path, *args: str) -> list[dict]:
    done = run_cli("check", "--format", "json", "--isolated", *args, str(path))
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["files"][0]["diagnostics"]


def annotate(run_cli, path: Path, *args: str, output: Path = None):
    """The review copy (python-docx) and the run; Chinese unless ``args`` say
    --lang (the tests' environment asks for English, tests/conftest.py)."""
    output = output or path.with_name(path.stem + ".reportlint.docx")
    language = () if "--lang" in args else ("--lang", "zh")
    done = run_cli("annotate", *language, "--isolated", str(path), "-o", str(output), *args)
    assert done.returncode in (0, 1), done.stderr.decode()
    return docx.Document(str(output)), done


def span_text(lines: tuple[str, ...], finding: dict) -> str:
    first, last = finding["line"], finding["end_line"]
    if first == last:
        return lines[first - 1][finding["column"] - 1:finding["end_column"] - 1]
    middle = list(lines[first:last - 1])
    return "\n".join([lines[first - 1][finding["column"] - 1:], *middle, lines[last - 1][:finding["end_column"] - 1]])


def words(element) -> str:
    """The text (w:t, w:delText) inside an element."""
    return "".join(t.text or "" for t in element.iter(qn("w:t"), qn("w:delText")))


def ours(document) -> list:
    return [c for c in document.comments if c.author == "reportlint"]


# -- comments ----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_every_finding_is_a_comment_on_its_exact_words(tmp_path, run_cli, name):
    draft = DRAFTS[name](tmp_path / f"{name}.docx")
    findings = check_json(run_cli, draft)
    assert findings, "each draft holds defects"
    lines = source_from_docx(draft.read_bytes(), str(draft)).lines
    review, _ = annotate(run_cli, draft)
    comments = ours(review)
    assert len(comments) == len(findings) + 1  # and the summary on the title
    anchored = anchored_texts(review)
    for finding, comment in zip(findings, comments):
        assert comment.text.startswith(finding["message"])
        assert f"{finding['rule']}（{finding['code']}" in comment.text
        assert anchored[comment.comment_id] == span_text(lines, finding), finding
    summary = comments[-1]
    assert summary.text.startswith(f"reportlint 审阅：共 {len(findings)} 处问题")
    assert anchored[summary.comment_id] == lines[0]  # the title


def test_comments_keep_formatting_and_sit_in_their_table_cell(tmp_path, run_cli):
    draft = numbered_draft(tmp_path / "numbered.docx")
    review, _ = annotate(run_cli, draft)
    body = review.element.body
    starts = {int(e.get(qn("w:id"))): e for e in body.iter(qn("w:commentRangeStart"))}
    by_text = {text: starts[cid] for cid, text in anchored_texts(review).items()}
    bracket = by_text["(见附件)"].getnext()  # the first run of the anchored words
    assert bracket.find(qn("w:rPr")).find(qn("w:b")) is not None  # split out of the bold run, still bold
    cell_start = [e for t, e in by_text.items() if t == "XXX" and any(a.tag == qn("w:tc") for a in e.iterancestors())]
    assert cell_start, "the table's placeholder is commented inside its cell"
    # the text itself is the draft's: splitting runs changed no character
    assert paragraph_texts(review) == paragraph_texts(docx.Document(str(draft)))


def test_a_finding_on_the_automatic_number_goes_on_its_paragraph(tmp_path, run_cli):
    draft = WordDraft()
    outline = draft.new_list()
    draft.paragraph("关于2024年度工作情况的报告")
    draft.paragraph("总体情况", outline, 0)
    draft.paragraph("全年完成各项任务。")
    path = draft.save(tmp_path / "single.docx")
    findings = check_json(run_cli, path)
    single = [f for f in findings if f["line"] == 2]
    assert single and single[0]["column"] == 1  # numbering-single on "一、", which Word draws
    review, _ = annotate(run_cli, path)
    anchored = anchored_texts(review)
    texts = [anchored[c.comment_id] for c in ours(review) if c.text.startswith(single[0]["message"])]
    assert texts == ["总体情况"]


def test_existing_comments_and_changes_are_kept_and_no_comment_goes_into_a_deletion(tmp_path, run_cli):
    draft = reviewed_draft(tmp_path / "reviewed.docx")
    before = docx.Document(str(draft))
    review, _ = annotate(run_cli, draft)
    theirs = [(c.author, c.text) for c in review.comments if c.author != "reportlint"]
    assert theirs == [("张三", "这一段再充实些。")]
    changes = [(e.tag, e.get(qn("w:author")), words(e)) for e in review.element.body.iter(qn("w:ins"), qn("w:del"))]
    assert changes == [(qn("w:ins"), "李四", ",成效明显"), (qn("w:del"), "李四", "XXX项,")]
    for marker in review.element.body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd")):
        assert not any(a.tag == qn("w:del") for a in marker.iterancestors())
    anchored = anchored_texts(review)
    assert sorted(anchored[c.comment_id] for c in ours(review)) == sorted([",", "XXX", "关于2024年度工作情况的报告"])
    assert len(review.comments) == len(before.comments) + len(ours(review))


# -- tracked changes ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DRAFTS))
@pytest.mark.parametrize("unsafe", [False, True])
def test_accepting_every_change_gives_the_fix_text(tmp_path, run_cli, name, unsafe):
    draft = DRAFTS[name](tmp_path / f"{name}.docx")
    source = source_from_docx(draft.read_bytes(), str(draft))
    text = tmp_path / f"{name}.txt"  # the same text as a plain draft, fixed by check --fix
    text.write_text("\n".join(source.lines), encoding="utf-8")
    flags = ("--unsafe-fixes",) if unsafe else ()
    run_cli("check", "--isolated", "--fix", *flags, str(text))
    fixed = text.read_text(encoding="utf-8").split("\n")
    assert fixed != list(source.lines), "the draft has something to fix"
    review, done = annotate(run_cli, draft, "--fix", *flags)
    output = tmp_path / f"{name}.reportlint.docx"
    accepted = accept_all(review)
    accepted.save(str(tmp_path / "accepted.docx"))
    assert list(source_from_docx((tmp_path / "accepted.docx").read_bytes(), "accepted.docx").lines) == fixed
    assert paragraph_texts(review, original=True) == paragraph_texts(docx.Document(str(draft)))
    for change in review.element.body.iter(qn("w:ins"), qn("w:del")):
        assert change.get(qn("w:author")) in ("reportlint", "李四")
    assert "修订" in done.stdout.decode() and output.exists()


def test_a_change_keeps_the_run_formatting(tmp_path, run_cli):
    draft = numbered_draft(tmp_path / "numbered.docx")
    review, _ = annotate(run_cli, draft, "--fix")
    inserted = [e for e in review.element.body.iter(qn("w:ins")) if words(e) == "（"]
    assert inserted and inserted[0].find(qn("w:r")).find(qn("w:rPr")).find(qn("w:b")) is not None


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_structure_styles_numbering_and_headers_are_the_drafts(tmp_path, run_cli, name):
    draft = DRAFTS[name](tmp_path / f"{name}.docx")
    original = draft.read_bytes()
    review, _ = annotate(run_cli, draft, "--fix", "--unsafe-fixes")
    assert draft.read_bytes() == original  # the draft itself is never touched
    before = docx.Document(str(draft))
    body, old = review.element.body, before.element.body
    assert [e.tag for e in body] == [e.tag for e in old]  # paragraphs and tables, in order
    assert len(list(body.iter(qn("w:p")))) == len(list(old.iter(qn("w:p"))))
    assert [p.style.name for p in review.paragraphs] == [p.style.name for p in before.paragraphs]
    numbering = [(p.find(qn("w:pPr")) is not None and p.find(qn("w:pPr")).find(qn("w:numPr")) is not None)
                 for p in body.iter(qn("w:p"))]
    assert numbering == [(p.find(qn("w:pPr")) is not None and p.find(qn("w:pPr")).find(qn("w:numPr")) is not None)
                         for p in old.iter(qn("w:p"))]
    with zipfile.ZipFile(draft) as a, zipfile.ZipFile(tmp_path / f"{name}.reportlint.docx") as b:
        for part in ("word/styles.xml", "word/numbering.xml"):
            assert docx.oxml.parse_xml(a.read(part)).xml == docx.oxml.parse_xml(b.read(part)).xml
        headers = sorted(n for n in a.namelist() if n.startswith(("word/header", "word/footer")))
        for part in headers:
            assert a.read(part) == b.read(part)


# -- the command -------------------------------------------------------------------


def test_same_findings_and_exit_code_as_check(tmp_path, run_cli):
    draft = numbered_draft(tmp_path / "numbered.docx")
    checked = run_cli("check", "--isolated", "--format", "json", str(draft))
    annotated = run_cli("annotate", "--isolated", "--format", "json", str(draft))
    assert annotated.returncode == checked.returncode == 1
    assert json.loads(annotated.stdout)["files"] == json.loads(checked.stdout)["files"]
    assert (tmp_path / "numbered.reportlint.docx").exists()


def test_suppression_and_baseline_as_check(tmp_path, run_cli):
    draft = WordDraft()
    draft.paragraph("关于2024年度工作情况的报告")
    draft.paragraph("<!-- reportlint-disable-next-line placeholder -->")
    draft.paragraph("完成了XXX项任务。")
    draft.paragraph("还有XX项任务。")
    path = draft.save(tmp_path / "quiet.docx")
    baseline = tmp_path / "baseline.json"
    run_cli("check", "--isolated", "--write-baseline", str(baseline), str(path))
    done = run_cli("annotate", "--lang", "zh", "--isolated", "--baseline", str(baseline), str(path))
    assert done.returncode == 0, done.stderr
    review = docx.Document(str(tmp_path / "quiet.reportlint.docx"))
    assert [c.text for c in review.comments] == ["reportlint 审阅：未发现问题。"]
    done = run_cli("annotate", "--isolated", str(path))
    assert done.returncode == 1
    review = docx.Document(str(tmp_path / "quiet.reportlint.docx"))
    assert [anchored_texts(review)[c.comment_id] for c in ours(review)][:-1] == ["XX"]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_drafts_are_refused_in_one_line(tmp_path, run_cli, suffix):
    path = tmp_path / f"draft{suffix}"
    path.write_text("完成了XXX项任务。\n", encoding="utf-8")
    done = run_cli("annotate", str(path))
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1 and ".docx" in done.stderr.decode()
    assert not list(tmp_path.glob("*.reportlint.*"))


def test_the_draft_is_never_the_output(tmp_path, run_cli):
    draft = numbered_draft(tmp_path / "numbered.docx")
    original = draft.read_bytes()
    done = run_cli("annotate", str(draft), "-o", str(draft))
    assert done.returncode == 2 and done.stderr.decode().count("\n") == 1
    assert draft.read_bytes() == original


def _no_directory(tmp_path: Path, draft: Path) -> str:
    (tmp_path / "folder.docx").mkdir()
    return str(tmp_path / "folder.docx")


def _symlink_to_draft(tmp_path: Path, draft: Path) -> str:
    (tmp_path / "link.docx").symlink_to(draft)
    return str(tmp_path / "link.docx")


def _hard_link_to_draft(tmp_path: Path, draft: Path) -> str:
    (tmp_path / "same.docx").hardlink_to(draft)
    return str(tmp_path / "same.docx")


def _read_only(tmp_path: Path, draft: Path) -> str:
    (tmp_path / "locked.docx").write_bytes(b"someone's review")
    (tmp_path / "locked.docx").chmod(0o444)
    return str(tmp_path / "locked.docx")


@pytest.mark.parametrize("target, said", [
    (lambda tmp_path, draft: "/dev/null", "是字符设备，不是普通文件"),
    (_no_directory, "是文件夹，不是普通文件"),
    (_symlink_to_draft, "审阅稿不能覆盖原稿"),
    (_hard_link_to_draft, "审阅稿不能覆盖原稿"),
    (_read_only, "只读文件"),
    (lambda tmp_path, draft: str(tmp_path / "missing" / "review.docx"), "不存在"),
], ids=["device", "directory", "symlink-to-draft", "hard-link-to-draft", "read-only", "missing-folder"])
def test_an_output_that_must_not_be_written_is_refused_in_one_line(tmp_path, run_cli, target, said):
    draft = numbered_draft(tmp_path / "numbered.docx")
    original = draft.read_bytes()
    output = target(tmp_path, draft)
    before = sorted(p.name for p in tmp_path.iterdir())
    done = run_cli("annotate", "--lang", "zh", "--isolated", str(draft), "-o", output)
    error = done.stderr.decode()
    assert done.returncode == 2 and error.count("\n") == 1 and said in error, error
    assert draft.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no review copy, no temporary file left
    if output.endswith("locked.docx"):
        assert Path(output).read_bytes() == b"someone's review"


def test_the_review_copy_replaces_an_earlier_one_with_its_permissions(tmp_path, run_cli):
    draft = numbered_draft(tmp_path / "numbered.docx")
    output = tmp_path / "numbered.reportlint.docx"
    output.write_bytes(b"an earlier review copy")
    output.chmod(0o640)
    done = run_cli("annotate", "--isolated", str(draft))
    assert done.returncode == 1, done.stderr.decode()
    assert ours(docx.Document(str(output)))  # replaced by a readable review copy
    assert output.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["numbered.docx", "numbered.reportlint.docx"]


def test_unreadable_draft_is_one_line(tmp_path, run_cli):
    done = run_cli("annotate", str(tmp_path / "missing.docx"))
    assert done.returncode == 2 and done.stderr.decode().count("\n") == 1
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    done = run_cli("annotate", str(broken))
    assert done.returncode == 2 and done.stderr.decode().count("\n") == 1


def run_default_language(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """reportlint in an environment that says nothing of the language (Chinese, the default)."""
    environ = {k: v for k, v in os.environ.items() if k not in ("REPORTLINT_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, cwd=cwd,
                          env={**environ, "LANG": "C.UTF-8"}, timeout=120)


def test_help_is_chinese_and_english_with_lang_en(run_cli):
    done = run_default_language("annotate", "--help")
    shown = done.stdout.decode()
    assert done.returncode == 0 and "为 Word 文稿（.docx）写一份审阅稿，原稿不动。" in shown
    assert "与 --fix 同用：可能改变原意的修改也写成修订。" in shown and "显示本帮助并退出" in shown
    assert "Write" not in shown  # every option translated
    assert "annotate  为 Word 文稿" in run_default_language("--help").stdout.decode()
    english = run_cli("--lang", "en", "annotate", "--help").stdout.decode()
    assert "Write a review copy of a Word draft" in english and "审阅稿" not in english


def comment_with(document, prefix: str) -> str:
    found = [c.text for c in ours(document) if c.text.startswith(prefix)]
    assert len(found) == 1, [c.text for c in ours(document)]
    return found[0]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_comments_and_the_command_speak_chinese_or_english(tmp_path, run_cli, language):
    draft = WordDraft()
    draft.paragraph("关于2024年度工作情况的报告")
    draft.paragraph("完成了XXX项任务,确保落实。")
    path = draft.save(tmp_path / "words.docx")
    output = tmp_path / "words.reportlint.docx"
    if language == "en":
        done = run_cli("annotate", "--lang", "en", "--isolated", "--fix", str(path))
    else:  # the default, in an environment that says nothing of the language
        done = run_default_language("annotate", "--isolated", "--fix", str(path))
    assert done.returncode == 1, done.stderr.decode()
    review = docx.Document(str(output))
    said = done.stdout.decode()
    findings = check_json(run_cli, path)
    comma = next(f for f in findings if f.get("fix"))
    placeholder = next(f for f in findings if f["rule"] == "placeholder")
    summary = [c.text for c in ours(review)][-1]
    if language == "zh":
        assert said.startswith("reportlint: 已写出审阅稿 ") and "：批注 2 条，修订 1 处" in said
        assert comment_with(review, comma["message"]).split("\n")[1:] == [
            f"规则：{comma['rule']}（{comma['code']}，警告）", "可自动修改：将「,」改为「，」"]
        assert comment_with(review, placeholder["message"]).split("\n")[1] == \
            f"规则：placeholder（{placeholder['code']}，错误）"
        assert summary == ("reportlint 审阅：共 2 处问题（错误 1 处，警告 1 处），每处见批注。\n"
                           "修订 1 处：逐条接受或拒绝；全部接受即 reportlint 自动修改的结果。")
    else:
        assert said.startswith("reportlint: wrote the review copy ") and ": 2 comments, 1 tracked change\n" in said
        assert comment_with(review, comma["message"]).split("\n")[1:] == [
            f"Rule: {comma['rule']} ({comma['code']}, warning)", "Safe fix: replace “,” with “，”"]
        assert summary == ("reportlint review: 2 problems (1 error, 1 warning), each a comment.\n"
                           "1 tracked change: accept or reject each; accepting all gives reportlint's fixed text.")
    text = tmp_path / "draft.txt"
    text.write_text("完成了XXX项任务。\n", encoding="utf-8")
    refused = (run_cli("annotate", "--lang", "en", str(text)) if language == "en"
               else run_default_language("annotate", str(text))).stderr.decode()
    assert ("只处理 Word 文档" in refused) == (language == "zh") and ("Word documents (.docx) only" in refused) == (language == "en")


def test_lines_after_a_manual_break_and_around_hidden_text(tmp_path, run_cli):
    draft = WordDraft()
    draft.paragraph("关于2024年度工作情况的报告")
    paragraph = draft.paragraph("今年完成了主要任务。")
    paragraph.add_run("不显示的XX").font.hidden = True
    paragraph.add_run().add_break()
    paragraph.add_run("下一步完成XXX项,确保落实。")
    path = draft.save(tmp_path / "breaks.docx")
    findings = check_json(run_cli, path)
    lines = source_from_docx(path.read_bytes(), str(path)).lines
    assert [f["line"] for f in findings if f["rule"] == "placeholder"] == [3]
    review, _ = annotate(run_cli, path, "--fix")
    anchored = anchored_texts(review)
    assert [anchored[c.comment_id] for c in ours(review)][:-1] == [span_text(lines, f) for f in findings]
    accepted = tmp_path / "accepted.docx"
    accept_all(review).save(str(accepted))
    assert source_from_docx(accepted.read_bytes(), "a.docx").lines[2] == "下一步完成XXX项，确保落实。"


# -- edge cases: each read back with python-docx and checked on the XML ----------------


def tracked(tag: str, author: str, inner: str, change_id: int) -> object:
    return parse_xml(f'<w:{tag} {nsdecls("w")} w:id="{change_id}" w:author="{author}" '
                     f'w:date="2024-12-01T00:00:00Z">{inner}</w:{tag}>')


def run_xml(text: str, properties: str = "", deleted: bool = False) -> str:
    element = "w:delText" if deleted else "w:t"
    return f'<w:r>{properties and f"<w:rPr>{properties}</w:rPr>"}<{element} xml:space="preserve">{text}</{element}></w:r>'


def comment_range(review, comment) -> list:
    """The body elements between a comment's w:commentRangeStart and w:commentRangeEnd, in order."""
    inside, found = False, []
    for element in review.element.body.iter():
        if element.tag in (qn("w:commentRangeStart"), qn("w:commentRangeEnd")) and \
                int(element.get(qn("w:id"))) == comment.comment_id:
            if inside:
                return found
            inside = True
        elif inside:
            found.append(element)
    raise AssertionError("no range")


def test_a_finding_ending_inside_another_authors_insertion(tmp_path, run_cli):
    draft = WordDraft()
    draft.paragraph("关于2024年度工作情况的报告")
    paragraph = draft.paragraph("今年完成了XX")
    paragraph._p.append(tracked("ins", "李四", run_xml("X项任务,确保落实。"), 901))
    path = draft.save(tmp_path / "theirs.docx")
    lines = source_from_docx(path.read_bytes(), str(path)).lines
    assert lines[1] == "今年完成了XXX项任务,确保落实。"
    review, _ = annotate(run_cli, path, "--fix")
    placeholder = next(c for c in ours(review) if c.text.startswith("未填写的占位符"))
    assert anchored_texts(review)[placeholder.comment_id] == "XXX"
    body = review.element.body
    end = next(e for e in body.iter(qn("w:commentRangeEnd")) if int(e.get(qn("w:id"))) == placeholder.comment_id)
    theirs = next(e for e in body.iter(qn("w:ins")) if e.get(qn("w:author")) == "李四")
    assert end.getparent() is theirs  # the range ends after their "X", inside their insertion
    for reference in body.iter(qn("w:commentReference")):  # but no comment's mark is their inserted text
        assert not any(a.tag in (qn("w:ins"), qn("w:del")) for a in reference.iterancestors())
    their_words = "".join(t.text for t in theirs.iter(qn("w:t"), qn("w:delText"))
                          if not any(a.get(qn("w:author")) == "reportlint" for a in t.iterancestors()))
    assert their_words == "X项任务确保落实。"  # their words still theirs (split, not moved), the comma in our w:del
    assert [r.find(qn("w:t")).text for r in theirs.iter(qn("w:r")) if r.find(qn("w:t")) is not None][0] == "X"
    # our fix of their comma is a tracked change inside their insertion; accepting all gives the fix
    ours_changes = [e for e in body.iter(qn("w:del"), qn("w:ins")) if e.get(qn("w:author")) == "reportlint"]
    assert [(e.tag, words(e)) for e in ours_changes] == [(qn("w:del"), ","), (qn("w:ins"), "，")]
    assert all(theirs in e.iterancestors() for e in ours_changes)
    assert paragraph_texts(accept_all(review))[1] == "今年完成了XXX项任务，确保落实。"
    assert paragraph_texts(review, original=True)[1] == lines[1]


def test_a_fix_inserting_next_to_a_manual_break(tmp_path, run_cli):
    """Word's manual line break (w:br, Shift+Enter) inside the run: the document
    number's missing 号 is inserted at the end of its line, before the break,
    and the empty line between two breaks holds nothing of ours."""
    draft = WordDraft()
    paragraph = draft.paragraph("")
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:b/></w:rPr><w:t>某区建〔2025〕18</w:t><w:br/><w:br/>'
        f'<w:t>某区住房和城乡建设局关于老旧小区改造情况的报告</w:t></w:r>'))
    draft.paragraph("区人民政府：")
    draft.paragraph("全年完成改造12所,特此报告。")
    path = draft.save(tmp_path / "breaks.docx")
    lines = source_from_docx(path.read_bytes(), str(path)).lines
    assert lines[:3] == ("某区建〔2025〕18", "", "某区住房和城乡建设局关于老旧小区改造情况的报告")
    review, _ = annotate(run_cli, path, "--fix")
    first = review.element.body.find(qn("w:p"))
    inserted = [e for e in first.iter(qn("w:ins")) if e.get(qn("w:author")) == "reportlint"]
    assert [words(e) for e in inserted] == ["号"]
    run = inserted[0].find(qn("w:r"))
    assert run.find(qn("w:rPr")).find(qn("w:b")) is not None  # the bold of the run it extends
    before = inserted[0].getprevious()
    after = next(e for e in inserted[0].itersiblings() if e.tag == qn("w:r") and e.find(qn("w:commentReference")) is None)
    assert words(before).endswith("18")  # the bold run split at the break: 号 goes between
    assert [c.tag for c in after if c.tag != qn("w:rPr")][:2] == [qn("w:br"), qn("w:br")]
    accepted = accept_all(review)
    accepted.save(str(tmp_path / "accepted.docx"))
    assert source_from_docx((tmp_path / "accepted.docx").read_bytes(), "a.docx").lines[:3] == \
        ("某区建〔2025〕18号", "", "某区住房和城乡建设局关于老旧小区改造情况的报告")


def test_a_fix_and_a_comment_inside_a_table_cell(tmp_path, run_cli):
    draft = WordDraft()
    draft.paragraph("关于2024年度工作情况的报告")
    draft.paragraph("全年完成各项任务。")
    draft.table([["项目", "进展"], ["隐患排查", "已完成XXX项,正在复查。"]])
    path = draft.save(tmp_path / "table.docx")
    review, _ = annotate(run_cli, path, "--fix")
    cell = review.tables[0].cell(1, 1)._tc
    changes = [(e.tag, words(e)) for e in cell.iter(qn("w:del"), qn("w:ins"))]
    assert changes == [(qn("w:del"), ","), (qn("w:ins"), "，")]  # in the cell, nowhere else
    assert len(list(review.element.body.iter(qn("w:del")))) == 1
    anchored = anchored_texts(review)
    in_cell = {anchored[int(e.get(qn("w:id")))] for e in cell.iter(qn("w:commentRangeStart"))}
    assert in_cell == {"XXX", ","}
    for marker in cell.iter(qn("w:commentRangeEnd"), qn("w:commentReference")):
        assert marker.iterancestors(qn("w:tc")).__next__() is cell
    assert paragraph_texts(accept_all(review))[-1] == "已完成XXX项，正在复查。"
    assert [[c.text for c in row.cells] for row in docx.Document(str(path)).tables[0].rows] == \
        [["项目", "进展"], ["隐患排查", "已完成XXX项,正在复查。"]]


def test_nothing_is_commented_or_changed_inside_an_existing_deletion(tmp_path, run_cli):
    """李四 deleted words holding defects (XX, a half-width comma) in the middle of
    a placeholder: Word shows 完成了XXX项 once the deletion is accepted, and that
    is what reportlint reads and comments; the deleted words are left alone."""
    draft = WordDraft()
    draft.paragraph("关于2024年度工作情况的报告")
    paragraph = draft.paragraph("今年完成了XX")
    paragraph._p.append(tracked("del", "李四", run_xml("约XX个,", deleted=True), 902))
    paragraph.add_run("X项任务。")
    path = draft.save(tmp_path / "deleted.docx")
    assert source_from_docx(path.read_bytes(), str(path)).lines[1] == "今年完成了XXX项任务。"
    review, _ = annotate(run_cli, path, "--fix", "--unsafe-fixes")
    body = review.element.body
    theirs = next(body.iter(qn("w:del")))
    assert theirs.get(qn("w:author")) == "李四" and words(theirs) == "约XX个,"
    assert len(list(theirs.iter(qn("w:r")))) == 1  # not split
    assert [e for e in theirs.iterdescendants() if e.tag in (qn("w:commentRangeStart"), qn("w:commentRangeEnd"),
                                                   qn("w:commentReference"), qn("w:ins"), qn("w:del"))] == []
    assert [e.get(qn("w:author")) for e in body.iter(qn("w:del"), qn("w:ins"))] == ["李四"]
    placeholder = next(c for c in ours(review) if c.text.startswith("未填写的占位符"))
    assert anchored_texts(review, original=False)[placeholder.comment_id] == "XXX"  # as Word shows it, accepted
    assert len(ours(review)) == 2  # the placeholder and the summary: nothing for the deleted XX or comma


def test_a_paragraph_of_differently_formatted_runs_keeps_each_format_on_both_sides(tmp_path, run_cli):
    draft = WordDraft()
    draft.paragraph("关于2024年度工作情况的报告")
    paragraph = draft.paragraph("")
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:t xml:space="preserve">今年完成了X</w:t></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:b/></w:rPr><w:t>X</w:t></w:r>'))
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:i/><w:color w:val="FF0000"/></w:rPr><w:t>X项任务,确</w:t></w:r>'))
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:u w:val="single"/></w:rPr><w:t>保落实。</w:t></w:r>'))
    path = draft.save(tmp_path / "runs.docx")
    review, _ = annotate(run_cli, path, "--fix")
    second = list(review.element.body.iter(qn("w:p")))[1]

    def formats(element) -> str:
        properties = element.find(qn("w:rPr"))
        return "".join(sorted(c.tag.split("}")[1] for c in properties
                              if c.tag != qn("w:rStyle"))) if properties is not None else ""

    pieces = [(words(r), formats(r)) for r in second.iter(qn("w:r")) if words(r)]
    assert pieces == [("今年完成了", ""), ("X", ""), ("X", "b"), ("X", "colori"), ("项任务", "colori"),
                      (",", "colori"), ("，", "colori"), ("确", "colori"), ("保落实。", "u")]
    placeholder = next(c for c in ours(review) if c.text.startswith("未填写的占位符"))
    inside = [words(e) for e in comment_range(review, placeholder) if e.tag == qn("w:r")]
    assert inside == ["X", "X", "X"]  # three runs, three formats, one comment
    assert paragraph_texts(accept_all(review))[1] == "今年完成了XXX项任务，确保落实。"
