"""Errors in the reader's language (issue 20): what the reading layer, the
settings and rule-file loading and click's own usage errors say comes through
the catalog — Chinese by default, English with --lang en, $REPORTLINT_LANG=en
or an English locale — in the same one-line form (``reportlint: where: what``,
``file:line:`` kept), exit 2, no traceback.

The English messages stay in the code (the message ids, as gettext's);
checker/data/errors_zh.json maps each template to its Chinese. A test reads
the code and demands a Chinese template for every error message it raises."""

from __future__ import annotations

import ast
import io
import json
import re
import string
import zipfile
from pathlib import Path

import pytest

from checker import messages
from checker.settings.genres import builtin_genres
from conftest import ROOT
from test_language import run

# Errors that reach the user; an English message of one of these without a Chinese template fails the test.
USER_ERRORS = {"InputError", "FixError", "RuleFileError", "OptionError", "ConfigError", "BaselineError", "WriteError",
               "ReadError", "PatternError", "UnknownGenre", "UnsafeRegex"}
USER_VALUE_ERRORS = {"checker/read/reading.py"}  # parse_size's ValueError: --max-file-size, $REPORTLINT_MAX_FILE_SIZE
CATALOG = json.loads((ROOT / "checker" / "data" / "errors_zh.json").read_text(encoding="utf-8"))
# words that stay as they are in a Chinese message: formats, encodings, names of files, keys and values
KEPT_WORDS = {"UTF", "GB18030", "NUL", "Word", "docx", "doc", "ZIP", "XML", "TOML", "YAML", "JSON", "RULE", "PATHS",
              "reportlint", "rules", "pack", "txt", "yaml", "help", "check", "explain", "uid", "FIFO", "REPORTLINT_MAX_FILE_SIZE",
              "full", "concise", "json", "sarif", "github", "html", "text", "baseline", "genre", "off", "on", "RL"}


def _template(node: ast.AST):
    """The message of an error call as a template ({} where the code puts a value), or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        return None if left is None or right is None else left + right
    return None


def error_templates() -> dict[str, str]:
    """Every English error message the package raises to a user: template -> where."""
    found = {}
    for path in sorted((ROOT / "checker").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
            if name in USER_ERRORS or (name == "ValueError" and relative in USER_VALUE_ERRORS):
                template = _template(node.args[0])
                if template and re.search("[A-Za-z]{2}", template.replace("{}", "")):
                    found[template] = f"{relative}:{node.lineno}"
    return found


def test_every_error_message_of_the_code_has_a_chinese_template():
    templates = error_templates()
    assert len(templates) > 150  # the reader found the raise sites
    missing = {template: where for template, where in templates.items() if template not in CATALOG["errors"]}
    assert not missing, "add these to checker/data/errors_zh.json ('errors'): " + json.dumps(missing, ensure_ascii=False,
                                                                                            indent=1)


def test_each_chinese_template_has_the_fields_of_its_english():
    for english, chinese in CATALOG["errors"].items():
        fields = [name for _, name, _, _ in string.Formatter().parse(chinese) if name is not None]
        assert re.search("[\u4e00-\u9fff]", chinese), english
        assert len(set(fields) if all(fields) else fields) == english.count("{}"), (english, chinese)
        chinese.format(*["x"] * english.count("{}"))  # literal braces doubled
    for english, chinese in CATALOG["click"].items():
        names = {name for _, name, _, _ in string.Formatter().parse(english) if name}
        assert names == {name for _, name, _, _ in string.Formatter().parse(chinese) if name}, english


def test_localise_translates_nested_messages_and_keeps_the_place(monkeypatch):
    monkeypatch.setattr(messages, "_chosen", "zh")
    assert messages.localise("a.yaml:3: rule 'x': option 'expect' must be one of a, b") == \
        "a.yaml:3: 规则 'x'：选项 'expect' 应是 a, b 之一"
    assert messages.localise("d.txt: cannot read: Permission denied") == "d.txt: 无法读取：没有权限"
    assert messages.localise("somewhere: 12,000 bytes, over the 10-byte size limit (--max-file-size or "
                             "REPORTLINT_MAX_FILE_SIZE raises it)").startswith("somewhere: 12,000 字节，超过 10 字节")
    assert messages.localise("no template matches this") == "no template matches this"
    monkeypatch.setattr(messages, "_chosen", "en")
    assert messages.localise("d.txt: no such file") == "d.txt: no such file"


def english_words(line: str, *kept: str) -> list[str]:
    """The English words left in a Chinese line, less names, options, quoted values and KEPT_WORDS."""
    for name in kept:
        line = line.replace(name, "")
    line = re.sub(r"--?[\w-]+|'[^']*'|\"[^\"]*\"|\S+\.(?:txt|md|docx?|yaml|toml|json)\b|\S*/\S*|0x[0-9a-f]+", "", line)
    genres = {pack.genre for pack in builtin_genres()}
    return [word for word in re.findall(r"[A-Za-z][A-Za-z_]+", line) if word not in KEPT_WORDS | genres]


def one_line(result) -> str:
    message = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in message, message
    lines = [line for line in message.splitlines() if line.strip()]
    assert lines and lines[0].startswith("reportlint: "), message
    return lines[0]


def _word_package(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in members.items():
            package.writestr(name, text)
    return buffer.getvalue()


@pytest.fixture
def bad_inputs(tmp_path):
    """Each input fault with its arguments, the Chinese it must say and the English."""
    (tmp_path / "binary.txt").write_bytes(b"\xe5\xb7\xa5\x00\x01\x02")
    (tmp_path / "broken.txt").write_bytes("总结报告正文。".encode("utf-8") * 20 + b"\xff" + "后文。".encode("utf-8"))
    (tmp_path / "big.txt").write_text("关于工作的总结\n\n完成任务。\n" * 20, encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504)
    (tmp_path / "fake.docx").write_bytes(b"not a zip at all")
    (tmp_path / "empty.docx").write_bytes(_word_package({"readme.txt": "x"}))
    (tmp_path / "config.yaml").write_text("genre: shuzhi\nrules: [placeholder]\n", encoding="utf-8")
    (tmp_path / "pack.yaml").write_text("pack: mine\nrules:\n  - name: Bad_Name\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("关于工作的总结\n\n完成任务。\n", encoding="utf-8")
    return {
        "missing file": (("nosuch.txt",), "nosuch.txt: 文件不存在", "nosuch.txt: no such file"),
        "binary": (("binary.txt",), "二进制文件（偏移 3 处有 NUL 字节），不是文本草稿", "binary file (NUL byte at offset 3)"),
        "undecodable": (("broken.txt",), "无法解码：偏移 420 处有无效的 UTF-8 字节 0xff", "invalid UTF-8 byte 0xff at offset 420"),
        "too large": (("--max-file-size", "100", "big.txt"), "超过 100 字节的大小上限", "over the 100-byte size limit"),
        "old Word": (("old.doc",), "旧式二进制 Word 文档（.doc）；请另存为 .docx 后再检查", "an old binary Word document (.doc)"),
        "not Word": (("fake.docx",), "不是 Word 文档（.docx 是 ZIP 包，这个文件不是）", "not a Word document"),
        "corrupt Word": (("empty.docx",), "Word 文档已损坏", "corrupt Word document"),
        "invalid config": (("--config", "config.yaml", "draft.txt"), "reportlint: 配置有误：config.yaml:",
                           "reportlint: invalid config: config.yaml:"),
        "rule file": (("--rules", "pack.yaml", "draft.txt"), "reportlint: 规则文件有误：pack.yaml:3: ",
                      "reportlint: invalid rules: pack.yaml:3: "),
        "bad size": (("--max-file-size", "3Q", "draft.txt"), "'--max-file-size' 的值无效：不是大小：'3Q'",
                     "Invalid value for '--max-file-size': not a size: '3Q'"),
        "unknown option": (("--selec", "placeholder", "draft.txt"),
                           "没有 '--selec' 这个选项。（是不是 '--baseline', '--extend-select', '--select' 之一？）"
                           "（参见 reportlint check --help）",
                           "No such option '--selec'"),
        "did you mean": (("--exit-zer", "draft.txt"), "是不是 '--exit-zero'？", "Did you mean '--exit-zero'?"),
        "missing argument": (("explain",), "reportlint: 缺少参数 'RULE'（参见 reportlint explain --help）",
                             "reportlint: Missing argument 'RULE' (see reportlint explain --help)"),
        "missing value": (("--genre",), "选项 '--genre' 需要一个值（参见 reportlint check --help）",
                          "Option '--genre' requires an argument (see reportlint check --help)"),
        "bad choice": (("--output-format", "pdf", "draft.txt"), "'pdf' 不是 'full', 'concise'",
                       "'pdf' is not one of 'full', 'concise'"),
        "bad number": (("-j", "x", "draft.txt"), "'x' 不是有效的整数", "'x' is not a valid integer range"),
        "extra argument": (("rules", "extra"), "多余的参数（extra）（参见 reportlint rules --help）",
                           "Got unexpected extra argument (extra)"),
        "unknown rule selected": (("--select", "nope", "draft.txt"), "--select/--ignore/--extend-select：未知规则 'nope'",
                                  "--select/--ignore/--extend-select: unknown rule 'nope'"),
        "unknown genre": (("--genre", "nope", "draft.txt"), "--genre：未知体裁 'nope'（可用：", "--genre: unknown genre 'nope' (known:"),
        "unwritable output": (("-o", "no/such/folder/r.txt", "draft.txt"), "无法写入：文件夹", "cannot write: the folder"),
    }


FAULTS = ["missing file", "binary", "undecodable", "too large", "old Word", "not Word", "corrupt Word",
          "invalid config", "rule file", "bad size", "unknown option", "did you mean", "missing argument",
          "missing value", "bad choice", "bad number", "extra argument", "unknown rule selected", "unknown genre",
          "unwritable output"]


@pytest.mark.parametrize("fault", FAULTS)
def test_each_error_in_chinese_by_default_and_in_english_when_asked(fault, bad_inputs, tmp_path):
    args, chinese, english = bad_inputs[fault]
    said = one_line(run(*args, cwd=tmp_path))
    assert chinese in said, said
    assert not english_words(said, *args), said  # nothing left in English but names
    for told in ({"REPORTLINT_LANG": "en"}, {"LANG": "en_US.UTF-8"}):
        assert english in one_line(run(*args, cwd=tmp_path, **told))
    assert english in one_line(run("--lang", "en", *args, cwd=tmp_path))


def test_an_english_rule_file_error_keeps_its_file_and_line_in_chinese(tmp_path):
    (tmp_path / "pack.yaml").write_text("pack: mine\nrules:\n  - name: x\n    code: RL9001\n    type: nope\n",
                                        encoding="utf-8")
    (tmp_path / "d.txt").write_text("完成任务。\n", encoding="utf-8")
    said = one_line(run("--rules", "pack.yaml", "d.txt", cwd=tmp_path))
    assert re.match(r"reportlint: 规则文件有误：pack\.yaml:3: ", said), said
    assert re.match(r"reportlint: invalid rules: pack\.yaml:3: ", one_line(run("--lang", "en", "--rules", "pack.yaml",
                                                                              "d.txt", cwd=tmp_path)))


def test_help_headings_are_chinese_by_default(tmp_path):
    shown = run("check", "--help", cwd=tmp_path).stdout.decode("utf-8")
    assert re.match(r"用法：\S.* check ", shown) and "\n选项：\n" in shown and "[默认：full]" in shown, shown
    assert "草稿的体裁：`reportlint genres` 列出的名称或" in shown
    english = run("check", "--help", cwd=tmp_path, REPORTLINT_LANG="en").stdout.decode("utf-8")
    assert re.match(r"Usage: \S.* check ", english) and "\nOptions:\n" in english and "[default: full]" in english
    assert "\n命令：\n" in run("--help", cwd=tmp_path).stdout.decode("utf-8")


def test_a_run_where_nothing_could_be_read_says_so_in_both_languages(tmp_path):
    chinese = run("nosuch.txt", cwd=tmp_path)
    assert chinese.returncode == 2 and chinese.stdout.decode() == "没有检查任何文件：1 个文件无法读取\n"
    english = run("--lang", "en", "nosuch.txt", cwd=tmp_path)
    assert english.returncode == 2 and english.stdout.decode() == "nothing checked: 1 file could not be read\n"
