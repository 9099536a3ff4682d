"""Reading a draft from bytes: encodings, BOMs, line ends, and the inputs that
must be refused (undecodable bytes with their offset, binary files)."""

from __future__ import annotations

import codecs
import os

import pytest

from checker.api import lint_source
from checker.read import safe_files
from checker.read.reading import (DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_WORD_SIZE, InputError, max_file_size, parse_size, read_source,
                             source_from_bytes)

TEXT = "某县农业农村局2024年工作总结\n一、主要工作\n全年召开学习会**次，完成投资3.2亿元。\n"
PLACEHOLDER_LINE, PLACEHOLDER_COLUMN = 3, 8  # "**" after "全年召开学习会"


def placeholders(data: bytes, path: str = "draft.txt"):
    result = lint_source(source_from_bytes(data, path))
    return [(d.line, d.column, d.span.end_column) for d in result.diagnostics if d.rule == "placeholder"]


def read_bytes(tmp_path, data: bytes, name: str = "draft.txt"):
    file = tmp_path / name
    file.write_bytes(data)
    return read_source(str(file))


@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
def test_utf8_with_and_without_bom(tmp_path, bom):
    data = (codecs.BOM_UTF8 if bom else b"") + TEXT.encode("utf-8")
    source = read_bytes(tmp_path, data)
    assert source.encoding == "utf-8"
    assert source.bom is bom
    assert source.lines[0] == "某县农业农村局2024年工作总结"  # the BOM is not part of the text
    # The BOM does not shift columns either.
    assert placeholders(data) == [(PLACEHOLDER_LINE, PLACEHOLDER_COLUMN, PLACEHOLDER_COLUMN + 2)]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_ends_count_every_physical_line(newline):
    data = TEXT.replace("\n", newline).encode("utf-8")
    source = source_from_bytes(data, "draft.txt")
    assert len(source.lines) == 3
    assert source.newline == newline
    assert not any("\r" in line or "\n" in line for line in source.lines)
    assert placeholders(data) == [(PLACEHOLDER_LINE, PLACEHOLDER_COLUMN, PLACEHOLDER_COLUMN + 2)]


def test_crlf_diagnostic_on_third_physical_line_reads_line_3_in_code_points():
    # Multi-byte characters before the match: the column counts characters, not bytes.
    data = "标题\r\n\r\n各项工作XX镇推进。\r\n".encode("utf-8")
    assert placeholders(data) == [(3, 5, 7)]


def test_mixed_line_ends_each_count_once():
    data = "第一行\r\n第二行\r第三行\n第四行**\r\n".encode("utf-8")
    source = source_from_bytes(data, "draft.txt")
    assert source.lines == ("第一行", "第二行", "第三行", "第四行**")
    assert placeholders(data) == [(4, 4, 6)]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_and_gb18030_files_are_decoded(tmp_path, encoding):
    data = TEXT.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the test really exercises the fallback
    source = read_bytes(tmp_path, data)
    assert source.encoding == "gb18030"
    assert source.lines == tuple(TEXT.splitlines())
    assert placeholders(data) == [(PLACEHOLDER_LINE, PLACEHOLDER_COLUMN, PLACEHOLDER_COLUMN + 2)]


def test_gbk_with_crlf(tmp_path):
    data = TEXT.replace("\n", "\r\n").encode("gbk")
    source = read_bytes(tmp_path, data)
    assert source.encoding == "gb18030" and source.newline == "\r\n"
    assert source.lines == tuple(TEXT.splitlines())


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    data = bom + TEXT.encode(codec)  # Python's "utf-16" writes its own BOM
    assert b"\x00" in data
    source = read_bytes(tmp_path, data)
    assert source.bom is True
    assert source.encoding.startswith("utf-16")
    assert source.lines == tuple(TEXT.splitlines())
    assert placeholders(data) == [(PLACEHOLDER_LINE, PLACEHOLDER_COLUMN, PLACEHOLDER_COLUMN + 2)]


def test_undecodable_bytes_name_the_byte_offset(tmp_path):
    head = "总结报告".encode("utf-8")
    data = head + b"\xff\xfe\xfd" + "文本内容".encode("utf-8")
    with pytest.raises(InputError) as raised:
        read_bytes(tmp_path, data)
    message = str(raised.value)
    assert f"offset {len(head)}" in message
    assert "draft.txt" in message
    assert "\n" not in message


def test_damaged_gbk_file_names_the_damaged_byte():
    head = "某县农业局工作总结，全年".encode("gbk")
    data = head + b"\xff" + "完成投资。".encode("gbk")
    with pytest.raises(InputError) as raised:
        source_from_bytes(data, "draft.txt")
    assert f"offset {len(head)}" in str(raised.value)


def test_binary_file_is_rejected(tmp_path):
    data = b"PK\x03\x04" + b"\x00" * 16 + "文本".encode("utf-8")
    with pytest.raises(InputError) as raised:
        read_bytes(tmp_path, data, "report.txt")
    message = str(raised.value)
    assert "binary" in message and "offset 4" in message


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as raised:
        read_source(str(tmp_path / "nope.txt"))
    assert "nope.txt" in str(raised.value)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_trailing_newline_does_not_add_a_line(newline):
    with_end = source_from_bytes(f"第一行{newline}第二行{newline}".encode(), "a.txt")
    without_end = source_from_bytes(f"第一行{newline}第二行".encode(), "a.txt")
    assert with_end.lines == without_end.lines == ("第一行", "第二行")


def test_blank_lines_are_counted():
    data = "标题\n\n\n正文\n\n**镇\n\n".encode("utf-8")
    source = source_from_bytes(data, "a.txt")
    assert source.lines == ("标题", "", "", "正文", "", "**镇", "")
    assert placeholders(data) == [(6, 1, 3)]


def test_reading_never_modifies_the_file(tmp_path):
    data = codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode("utf-8")
    file = tmp_path / "draft.txt"
    file.write_bytes(data)
    lint_source(read_source(str(file)))
    assert file.read_bytes() == data


# --- files as untrusted input (issue 10) ---------------------------------------------

STRAY_AT_START = b"\x81" + "全年完成投资3亿元。\n".encode("utf-8")


def test_a_stray_byte_at_offset_0_of_a_utf8_file_is_named(tmp_path):
    with pytest.raises(InputError) as raised:
        read_bytes(tmp_path, STRAY_AT_START)
    assert str(raised.value).endswith("invalid UTF-8 byte 0x81 at offset 0 (the rest reads as UTF-8)")
    assert raised.value.kind == "undecodable"


def test_a_short_utf8_line_with_one_stray_byte_is_not_read_as_gb18030(tmp_path):
    full_stop = "。".encode("utf-8")
    data = "全年完成".encode("utf-8") + full_stop[:2] + b"\x81" + full_stop[2:] + b"\n"
    assert data.decode("gb18030") == "鍏ㄥ勾瀹屾垚銆亗\n"  # it would decode, as garbage
    # e3 80 81 is itself a character (、), so the byte UTF-8 cannot place is the 0x82 after it
    with pytest.raises(InputError, match=r"invalid UTF-8 byte 0x82 at offset 15 \(the rest reads as UTF-8\)$"):
        read_bytes(tmp_path, data)


def test_gbk_text_with_utf8_looking_pairs_is_still_gbk(tmp_path):
    # GBK text read as UTF-8 has some valid two-byte sequences (about one byte in three)
    data = ("关于某某工作的报告\n" + "全年完成投资3亿元，同比增长百分之五。\n" * 20).encode("gbk")
    assert read_bytes(tmp_path, data).encoding == "gb18030"


def test_a_named_pipe_is_refused_without_being_opened(run_cli, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text("关于某某工作的报告\nXX镇。\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_source(str(fifo))  # would block forever in open() if it were opened
    assert raised.value.kind == "special"
    result = run_cli(str(fifo), str(good))  # a hang would be subprocess.TimeoutExpired
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        f"reportlint: {fifo}: a named pipe (FIFO), not a regular file; not read"]
    assert f"{good}:2:1: error [placeholder]" in result.stdout.decode()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_a_device_is_refused_without_being_read(run_cli):
    with pytest.raises(InputError, match=r"^/dev/zero: a character device, not a regular file; not read$"):
        read_source("/dev/zero")
    result = run_cli("/dev/zero")
    assert result.returncode == 2 and b"Traceback" not in result.stderr


@pytest.mark.parametrize("swapped", ["fifo", "/dev/zero"])
def test_a_special_file_swapped_in_after_the_look_is_refused_on_the_opened_descriptor(tmp_path, monkeypatch,
                                                                                      swapped):
    """The stat/open race (issue 22): the path is looked at, then replaced by a
    FIFO or a device before it is opened. The open does not block (O_NONBLOCK)
    and the opened descriptor, not the name, is what must be a regular file."""
    regular = tmp_path / "regular.txt"
    regular.write_text("关于某某工作的报告\n", encoding="utf-8")
    if swapped == "fifo":
        target = tmp_path / "pipe.txt"
        os.mkfifo(target)
    else:
        if not os.path.exists(swapped):
            pytest.skip("no /dev/zero on this system")
        target = swapped
    # what the name was when it was looked at: the regular file
    monkeypatch.setattr(safe_files, "_look", lambda path: os.stat(regular))
    with pytest.raises(InputError) as raised:
        read_source(str(target))  # a FIFO would block in open(); /dev/zero would be read up to the limit
    assert raised.value.kind == "special"
    assert str(raised.value).startswith(f"{target}: a ") and str(raised.value).endswith(", not a regular file; not read")


def test_the_size_limit_is_checked_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes("某".encode("utf-8") * 1000)  # 3,000 bytes
    with pytest.raises(InputError) as raised:
        read_source(str(big), max_size=2048)
    assert str(raised.value) == (f"{big}: 3,000 bytes, over the 2,048-byte size limit "
                                 "(--max-file-size or REPORTLINT_MAX_FILE_SIZE raises it)")
    assert raised.value.kind == "too-large"
    assert read_source(str(big), max_size=3000).lines == ("某" * 1000,)
    monkeypatch.setenv("REPORTLINT_MAX_FILE_SIZE", "2K")
    with pytest.raises(InputError, match="over the 2,048-byte size limit"):
        read_source(str(big))


def test_the_default_size_limit_is_5_mb_for_a_text_draft_and_50_mb_for_word():
    """Issue 22, #8: at the old 50 MB a draft full of findings took 16 minutes and
    3.7 GB; at 5 MB it takes 20-30 s of CPU, under 300 MB, in every format
    (docs/performance.md). A Word file keeps 50 MB: pictures are bytes, not text."""
    assert max_file_size() == DEFAULT_MAX_FILE_SIZE == 5 * 1024 * 1024
    assert DEFAULT_MAX_WORD_SIZE == 50 * 1024 * 1024


def over_the_default(path: Path, extra: int = 1) -> Path:
    with open(path, "wb") as stream:  # sparse: refused by its size, never read
        stream.truncate(DEFAULT_MAX_FILE_SIZE + extra)
    return path


def test_a_text_draft_over_the_default_is_refused_in_one_line_saying_how_to_raise_it(run_cli, tmp_path):
    draft = over_the_default(tmp_path / "big.txt", 3 * 1024 * 1024)
    said = run_cli("--lang", "zh", str(draft))
    assert said.returncode == 2 and said.stdout.decode().count("\n") == 1  # the summary: nothing read
    assert said.stderr.decode().splitlines() == [
        f"reportlint: {draft}: 8 MB，超过文本草稿默认的大小上限 5 MB（可用 --max-file-size 8M 或 "
        "REPORTLINT_MAX_FILE_SIZE 调高）"]
    english = run_cli("--lang", "en", str(draft))
    assert english.returncode == 2 and english.stderr.decode().splitlines() == [
        f"reportlint: {draft}: 8 MB, over the default 5 MB limit of a text draft "
        "(--max-file-size 8M or REPORTLINT_MAX_FILE_SIZE raises it)"]
    raised = run_cli("--lang", "en", "--max-file-size", "8M", str(draft))
    assert "limit" not in raised.stderr.decode()  # read: the zeros are a binary file, not a size problem
    piped = run_cli("--lang", "en", "-", stdin=b"x" * (DEFAULT_MAX_FILE_SIZE + 1))
    assert piped.returncode == 2 and piped.stderr.decode().splitlines() == [
        "reportlint: -: 5 MB, over the default 5 MB limit of a text draft "
        "(--max-file-size 6M or REPORTLINT_MAX_FILE_SIZE raises it)"]


def test_a_word_file_over_the_text_default_is_still_read(tmp_path):
    word = over_the_default(tmp_path / "photos.docx")
    with pytest.raises(InputError) as raised:
        read_source(str(word))
    assert raised.value.kind != "too-large"  # read, then found to be no Word document


@pytest.mark.parametrize("text, size", [("1000", 1000), ("50M", 50 * 1024 ** 2), ("512k", 512 * 1024),
                                        ("1G", 1024 ** 3), ("20MB", 20 * 1024 ** 2)])
def test_sizes(text, size):
    assert parse_size(text) == size


def test_the_size_limit_on_the_command_line_and_standard_input(run_cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("关于某某工作的报告\nXX镇。\n", encoding="utf-8")
    refused = run_cli("--max-file-size", "10", str(draft))
    assert refused.returncode == 2
    assert refused.stderr.decode().splitlines() == [
        f"reportlint: {draft}: {draft.stat().st_size} bytes, over the 10-byte size limit "
        "(--max-file-size or REPORTLINT_MAX_FILE_SIZE raises it)"]
    assert run_cli("--max-file-size", "1K", str(draft)).returncode == 1
    unfixed = run_cli("--fix", "--max-file-size", "10", str(draft))  # --fix reads under the same limit
    assert unfixed.returncode == 2 and "over the 10-byte size limit" in unfixed.stderr.decode()
    assert draft.read_text(encoding="utf-8") == "关于某某工作的报告\nXX镇。\n"
    piped = run_cli("--max-file-size", "10", "-", stdin=draft.read_bytes())
    assert piped.returncode == 2
    assert piped.stderr.decode().startswith("reportlint: -: over the 10-byte size limit")
    bad = run_cli("--max-file-size", "lots", str(draft))
    assert bad.returncode == 2 and len(bad.stderr.decode().splitlines()) == 1


def test_an_unreadable_file_among_several_does_not_stop_the_others(run_cli, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "c.txt"
    for draft in (first, second):
        draft.write_text("关于某某工作的报告\nXX镇。\n", encoding="utf-8")
    broken = tmp_path / "b.txt"
    broken.write_bytes(STRAY_AT_START)
    result = run_cli(str(first), str(broken), str(second))
    assert result.returncode == 2
    stdout = result.stdout.decode()
    assert f"{first}:2:1: error [placeholder]" in stdout and f"{second}:2:1: error [placeholder]" in stdout
    assert result.stderr.decode().splitlines() == [
        f"reportlint: {broken}: cannot decode: invalid UTF-8 byte 0x81 at offset 0 (the rest reads as UTF-8)"]
