"""Reading a draft from bytes: encodings, BOMs, line ends, and the inputs that
must be refused (undecodable bytes with their offset, binary files)."""

from __future__ import annotations

import codecs

import pytest

from checker.api import lint_source
from checker.reading import InputError, read_source, source_from_bytes

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
