"""--fix, --diff, --unsafe-fixes: real files in temp dirs, the real command.

What must hold: only declared fixes change a file, and each exactly as its edits
say; a second run finds nothing left to fix; nothing of the file is lost (bytes
outside the edits, encoding, BOM, line ends, permissions); --diff writes nothing;
a file changed since it was read is not overwritten."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import stat

import pytest

from checker.api import Config
from checker.fixing import FixError, apply_fixes, fix_path, write_fixed
from checker.model import Diagnostic, Edit, Fix, Span
from checker.lint.ruleset import RuleFileError, load_pack

from conftest import EXAMPLES

DEFECTS = "某社区2024年工作总结\n一、主要工作\n(一)加强学习。全年学习12次。\n（二）压实责任。签订责任书12份。\n" \
          "##paidbegin##\n二、存在问题\n学习不够深入。\n三、下步打算\n持续加强学习。\n"
DEFECTS_FIXED = "某社区2024年工作总结\n一、主要工作\n（一）加强学习。全年学习12次。\n（二）压实责任。签订责任书12份。\n" \
                "二、存在问题\n学习不够深入。\n三、下步打算\n持续加强学习。\n"


def lint_json(run_cli, *args) -> dict:
    result = run_cli("--format", "json", *args)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def apply_edits(text: str, edits: list[dict]) -> str:
    """The JSON edits applied to ``text`` from the end backwards; written apart
    from checker/fixing.py so that the test checks it."""
    starts = [0]
    for number, line in enumerate(text.splitlines(keepends=True)):
        starts.append(starts[-1] + len(line))

    def offset(line, column):
        return len(text) if line > len(starts) - 1 else min(starts[line - 1] + column - 1, len(text))

    spans = sorted({(offset(e["line"], e["column"]), offset(e["end_line"], e["end_column"]), e["replacement"])
                    for e in edits}, reverse=True)
    for (start, end, _), (next_start, next_end, _) in zip(spans[1:], spans):
        assert end <= next_start, "the samples' fixes do not overlap"
    for start, end, replacement in spans:
        text = text[:start] + replacement + text[end:]
    return text


@pytest.fixture
def drafts(tmp_path, samples_dir, corpus_dir):
    folder = tmp_path / "drafts"
    folder.mkdir()
    for source in [*sorted(samples_dir.glob("*.txt")), *sorted(corpus_dir.glob("*.txt")),
                   *sorted(EXAMPLES.glob("*.txt"))]:
        shutil.copyfile(source, folder / source.name)  # writable copies: --fix refuses read-only files
    return folder


def test_fix_changes_only_what_the_declared_fixes_say(run_cli, drafts):
    before = {path.name: path.read_text(encoding="utf-8") for path in drafts.iterdir()}
    report = lint_json(run_cli, str(drafts))
    expected = {}
    fixed_findings = set()
    for file in report["files"]:
        name = os.path.basename(file["path"])
        safe = [d for d in file["diagnostics"] if d.get("fix", {}).get("applicability") == "safe"]
        expected[name] = apply_edits(before[name], [e for d in safe for e in d["fix"]["edits"]])
        fixed_findings |= {(name, d["rule"], d["line"], d["message"]) for d in safe}
    assert len(fixed_findings) >= 10 and {rule for _, rule, _, _ in fixed_findings} >= {"numbering-style", "ad-residue"}

    result = run_cli("--fix", str(drafts))
    assert b"fixed" in result.stderr
    for path in drafts.iterdir():
        assert path.read_text(encoding="utf-8") == expected[path.name], path.name

    after = lint_json(run_cli, str(drafts))
    remaining = {(os.path.basename(f["path"]), d["rule"], d["line"], d["message"])
                 for f in after["files"] for d in f["diagnostics"]}
    # lines may have moved up where a line was deleted: compare rule and message
    assert not {(n, r, m) for n, r, _, m in fixed_findings} & {(n, r, m) for n, r, _, m in remaining}
    assert not [d for f in after["files"] for d in f["diagnostics"] if d.get("fix", {}).get("applicability") == "safe"]


def test_second_fix_finds_nothing_to_fix(run_cli, drafts):
    run_cli("--fix", "--unsafe-fixes", str(drafts))
    snapshot = {path.name: path.read_bytes() for path in drafts.iterdir()}
    again = run_cli("--fix", "--unsafe-fixes", str(drafts))
    assert again.stderr.decode("utf-8").startswith("fixed 0 findings in 0 files"), again.stderr
    assert {path.name: path.read_bytes() for path in drafts.iterdir()} == snapshot
    assert not [d for f in lint_json(run_cli, str(drafts))["files"] for d in f["diagnostics"] if "fix" in d]


def test_unsafe_fixes_only_when_asked(run_cli, tmp_path):
    draft = tmp_path / "draft.txt"
    text = "某社区工作总结\n一、主要工作\n（一）加强学习。全年学习12次。\n（三）压实责任。签订责任书12份。\n"
    draft.write_text(text, encoding="utf-8")
    safe_only = run_cli("--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == text
    assert safe_only.stderr.decode("utf-8").startswith("fixed 0 findings")
    assert b"numbering-skip" in safe_only.stdout  # reported, not fixed
    unsafe = run_cli("--fix", "--unsafe-fixes", str(draft))
    assert unsafe.stderr.decode("utf-8").startswith("fixed 1 finding in 1 file")
    assert draft.read_text(encoding="utf-8") == text.replace("（三）", "（二）")
    assert b"numbering-skip" not in unsafe.stdout


def test_exit_code_is_computed_on_what_remains(run_cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DEFECTS, encoding="utf-8")
    assert run_cli(str(draft)).returncode == 1
    result = run_cli("--fix", str(draft))
    assert result.returncode == 0, result.stdout
    assert result.stderr.decode("utf-8").strip() == "fixed 2 findings in 1 file, 0 remain"
    assert draft.read_text(encoding="utf-8") == DEFECTS_FIXED


def test_diff_prints_the_change_and_writes_nothing(run_cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DEFECTS, encoding="utf-8")
    os.utime(draft, (1_000_000_000, 1_000_000_000))
    result = run_cli("--diff", str(draft))
    assert draft.read_text(encoding="utf-8") == DEFECTS
    assert draft.stat().st_mtime == 1_000_000_000
    assert sorted(os.listdir(tmp_path)) == ["draft.txt"]  # no temporary file left either
    diff = result.stdout.decode("utf-8")
    assert diff.startswith(f"--- {draft}\n+++ {draft}\n@@ ")
    changed = [line for line in diff.splitlines()[2:] if line[:1] in "+-"]
    assert changed == ["-(一)加强学习。全年学习12次。", "+（一）加强学习。全年学习12次。", "-##paidbegin##"]
    assert result.returncode == 0  # as --fix would leave it
    assert result.stderr.decode("utf-8").strip() == "would fix 2 findings in 1 file, 0 remain"


def test_diff_of_standard_input_and_no_fix_in_place(run_cli):
    result = run_cli("--diff", "-", stdin=DEFECTS.encode("utf-8"))
    assert result.stdout.decode("utf-8").startswith("--- -\n+++ -\n")
    refused = run_cli("--fix", "-", stdin=DEFECTS.encode("utf-8"))
    assert refused.returncode == 2
    assert refused.stderr.decode("utf-8").splitlines() == [
        "reportlint: -: standard input cannot be fixed in place (use --diff)", "fixed 0 findings in 0 files, 0 remain"]


def test_unsafe_fixes_alone_is_a_usage_error(run_cli):
    result = run_cli("--unsafe-fixes", "examples/numbering.txt")
    assert result.returncode == 2
    assert result.stderr.decode("utf-8") == \
        "reportlint: --unsafe-fixes goes with --fix or --diff (see reportlint check --help)\n"


@pytest.mark.parametrize("encoding, bom, newline", [
    ("gb18030", b"", "\r\n"),
    ("utf-8", codecs.BOM_UTF8, "\r\n"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\n"),
    ("gb18030", b"", "\r"),
])
def test_encoding_bom_and_line_ends_survive(run_cli, tmp_path, encoding, bom, newline):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(bom + DEFECTS.replace("\n", newline).encode(encoding))
    assert run_cli("--fix", str(draft)).returncode == 0
    assert draft.read_bytes() == bom + DEFECTS_FIXED.replace("\n", newline).encode(encoding)


def test_mixed_line_ends_stay_as_they_were(run_cli, tmp_path):
    lines = DEFECTS.split("\n")
    ends = ["\r\n", "\n", "\r\n", "\n", "\r\n", "\n", "\n", "\r\n", "\n"]
    draft = tmp_path / "draft.txt"
    draft.write_bytes("".join(line + end for line, end in zip(lines, ends)).encode("utf-8"))
    run_cli("--fix", str(draft))
    kept = [(line.replace("(一)", "（一）"), end) for line, end in zip(lines, ends) if line != "##paidbegin##"]
    assert draft.read_bytes() == "".join(line + end for line, end in kept).encode("utf-8")


def test_permissions_and_symlinks_are_kept(run_cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DEFECTS, encoding="utf-8")
    draft.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(draft)
    run_cli("--fix", str(link))
    assert link.is_symlink()
    assert draft.read_text(encoding="utf-8") == DEFECTS_FIXED
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["draft.txt", "link.txt"]


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DEFECTS, encoding="utf-8")
    outcome = fix_path(str(draft), Config.load(), write=False)
    assert outcome.changed
    draft.write_text(DEFECTS + "补充一段。\n", encoding="utf-8")  # the author saved meanwhile
    with pytest.raises(FixError, match="changed since it was read; not fixed"):
        write_fixed(outcome)
    assert draft.read_text(encoding="utf-8") == DEFECTS + "补充一段。\n"
    assert sorted(os.listdir(tmp_path)) == ["draft.txt"]


USER_PACK = """\
pack: office
rules:
  - name: ascii-comma
    code: RL901
    type: pattern
    severity: warning
    message: 半角逗号“{match}”
    description: An ASCII comma between Chinese characters.
    fix: safe
    options:
      patterns:
        - regex: '(?<=[\\u4e00-\\u9fff]),(?=[\\u4e00-\\u9fff])'
          fix: replace
          replacement: '，'
    examples:
      fail:
        - {text: "全年学习12次,签订责任书。", fixed: "全年学习12次,签订责任书。"}
        - {text: "加强学习,压实责任。", fixed: "加强学习，压实责任。"}
      pass:
        - 加强学习，压实责任。
"""


def test_a_user_pack_declares_a_replacement_fix(run_cli, tmp_path):
    pack = tmp_path / "office.yaml"
    pack.write_text(USER_PACK, encoding="utf-8")
    [rule] = load_pack(pack)
    assert rule.fix == "safe" and rule.fails[1].fixed == "加强学习，压实责任。"
    draft = tmp_path / "draft.txt"
    draft.write_text("加强学习,压实责任。\n", encoding="utf-8")
    run_cli("--rules", str(pack), "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == "加强学习，压实责任。\n"


@pytest.mark.parametrize("change, line_of, message", [
    ("    fix: safe\n", "    fix: safe\n", None),  # control: loads
    ("    fix: maybe\n", "    fix: maybe\n", "fix must be one of safe, unsafe, not 'maybe'"),
    ("", "  - name: ascii-comma\n", "its options name a fix action; declare it with 'fix: safe' or 'fix: unsafe'"),
])
def test_fix_declarations_are_validated_with_file_and_line(tmp_path, change, line_of, message):
    text = USER_PACK.replace("    fix: safe\n", change)
    pack = tmp_path / "office.yaml"
    pack.write_text(text, encoding="utf-8")
    if message is None:
        load_pack(pack)
        return
    with pytest.raises(RuleFileError) as raised:
        load_pack(pack)
    line = text.splitlines(keepends=True).index(line_of) + 1
    assert str(raised.value) == f"{pack}:{line}: rule 'ascii-comma': {message}"


@pytest.mark.parametrize("bad, message", [
    ("          replacement: '，'\n", "'replacement' goes with 'fix: replace', and only there"),
    ("          replacement: '\\2'\n", "replacement '\\\\2': invalid group reference 2 at position 1"),
])
def test_replacement_is_validated(tmp_path, bad, message):
    text = USER_PACK.replace("          replacement: '，'\n", bad)
    if "goes with" in message:
        text = text.replace("          fix: replace\n", "")
    pack = tmp_path / "office.yaml"
    pack.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError, match="rule 'ascii-comma': option 'patterns': ") as raised:
        load_pack(pack)
    assert str(raised.value).endswith(message)


def test_a_type_that_cannot_fix_must_not_declare_a_fix(tmp_path):
    pack = tmp_path / "office.yaml"
    pack.write_text(USER_PACK.replace("          fix: replace\n          replacement: '，'\n", "")
                    .replace("{text: \"全年学习12次,签订责任书。\", fixed: \"全年学习12次,签订责任书。\"}",
                             "全年学习12次,签订责任书。")
                    .replace("{text: \"加强学习,压实责任。\", fixed: \"加强学习，压实责任。\"}", "加强学习,压实责任。"),
                    encoding="utf-8")
    with pytest.raises(RuleFileError, match=r":9: rule 'ascii-comma': declares a fix, but its type 'pattern' offers none here"):
        load_pack(pack)


def test_a_word_document_is_checked_not_rewritten(run_cli, tmp_path):
    from word_drafts import WordDraft

    draft = WordDraft()
    for line in DEFECTS.splitlines():
        draft.paragraph(line)
    path = draft.save(tmp_path / "draft.docx")
    before = path.read_bytes()
    result = run_cli("--fix", str(path))
    assert path.read_bytes() == before
    assert b"numbering-style" in result.stdout  # still reported
    assert result.stderr.decode("utf-8").strip().endswith("(1 Word document checked, not fixed)")


def test_the_owner_is_kept_where_the_fixer_may_keep_it(run_cli, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another owner, which this test needs")
    draft = tmp_path / "draft.txt"
    draft.write_text(DEFECTS, encoding="utf-8")
    os.chown(draft, 12345, 23456)
    run_cli("--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == DEFECTS_FIXED
    assert (draft.stat().st_uid, draft.stat().st_gid) == (12345, 23456)


def inserting(rule: str, column: int, *texts: str) -> Diagnostic:
    """A finding of ``rule`` whose fix inserts each of ``texts`` before ``column`` of line 1."""
    edits = tuple(Edit(Span(1, column, 1, column), text) for text in texts)
    return Diagnostic(rule, "RL999", "warning", "插入", Span(1, column, 1, column + 1), fix=Fix(edits))


def test_two_fixes_inserting_at_the_same_place_apply_only_the_first():
    """Two insertions at one offset conflict (their order is unknown): the
    first fix (by rule name here) is applied, the other left for the next pass."""
    first, second = inserting("a-rule", 2, "，"), inserting("b-rule", 2, "。")
    assert apply_fixes("甲乙\n", [second, first]) == ("甲，乙\n", [first])


def test_a_fix_whose_own_edits_insert_at_the_same_place_is_not_applied():
    assert apply_fixes("甲乙\n", [inserting("a-rule", 2, "，", "。")]) == ("甲乙\n", [])


def test_the_same_edit_in_two_fixes_is_made_once_and_both_are_applied():
    first, second = inserting("a-rule", 2, "，"), inserting("b-rule", 2, "，")
    assert apply_fixes("甲乙\n", [first, second]) == ("甲，乙\n", [first, second])
