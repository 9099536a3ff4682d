"""``reportlint lsp`` as an editor meets it: a real subprocess, JSON-RPC over its
stdin/stdout (tests/lsp_client.py), real files for the configuration."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import ROOT
from lsp_client import LspClient, apply_text_edits, utf16_offset

DRAFT = ("某社区2024年工作总结\n"
         "一、主要工作\n"
         "(一)加强学习。𠀾XX镇全年学习12次。\n"
         "（二）压实责任。签订责任书12份。\n"
         "二、存在问题\n"
         "学习不够深入。\n"
         "三、下步打算\n"
         "持续加强学习。\n")
PREFIX = "(一)加强学习。𠀾"  # what stands before the placeholder on line 3


@pytest.fixture
def client(tmp_path):
    (tmp_path / ".git").mkdir()  # the configuration search stops here
    client = LspClient(tmp_path)
    yield client
    client.kill()


def by_code(diagnostics: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for diagnostic in diagnostics:
        found.setdefault(diagnostic["code"], []).append(diagnostic)
    return found


def position(line: int, character: int) -> dict:
    return {"line": line, "character": character}


def test_the_editor_loop(client, tmp_path):
    """initialize, open, diagnostics with UTF-16 ranges, change, code actions, shutdown."""
    result = client.initialize(tmp_path)
    capabilities = result["capabilities"]
    assert capabilities["positionEncoding"] == "utf-16"
    assert capabilities["textDocumentSync"]["change"] == 2  # incremental (full changes work too)
    assert "source.fixAll.reportlint" in capabilities["codeActionProvider"]["codeActionKinds"]

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    uri = draft.as_uri()
    client.open(uri, DRAFT)
    found = by_code(client.diagnostics(uri, 1))
    assert set(found) == {"numbering-style", "placeholder"}

    [placeholder] = found["placeholder"]
    start = utf16_offset(PREFIX)
    assert start == len(PREFIX) + 1  # 𠀾 lies outside the BMP: two UTF-16 units
    assert placeholder["range"] == {"start": position(2, start), "end": position(2, start + 2)}
    assert placeholder["severity"] == 1 and placeholder["source"] == "reportlint"
    href = placeholder["codeDescription"]["href"]  # the rule reference, rendered for the rules running
    assert href.startswith("file://") and href.endswith(".md#placeholder-rl101")
    reference = Path(unquote(urlparse(href).path)).read_text(encoding="utf-8")
    assert reference == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")  # docs/rules.md itself
    assert "\n### `placeholder` (RL101)\n" in reference  # the anchor's heading
    [style] = found["numbering-style"]
    assert style["range"] == {"start": position(2, 0), "end": position(2, 3)}
    assert style["severity"] == 2

    # an incremental change fills the placeholder: its diagnostic goes
    text = DRAFT.replace("XX镇", "城关镇")
    client.change(uri, 2, [{"range": {"start": position(2, start), "end": position(2, start + 2)}, "text": "城关"}])
    assert set(by_code(client.diagnostics(uri, 2))) == {"numbering-style"}

    # the quick fix for the numbering form, applied as an editor applies it
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": style["range"],
        "context": {"diagnostics": [style], "only": ["quickfix"]}})
    [fix] = [a for a in actions if a["title"].startswith("reportlint: fix numbering-style")]
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
    [change] = fix["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": uri, "version": 2}
    text = apply_text_edits(text, change["edits"])
    assert text.splitlines()[2] == "（一）加强学习。𠀾城关镇全年学习12次。"

    # a full-text change (no range) is understood too
    client.change(uri, 3, [{"text": text}])
    assert client.diagnostics(uri, 3) == []

    assert client.close() == 0


def test_fix_all_safe_source_action(client, tmp_path):
    client.initialize(tmp_path)
    text = DRAFT.replace("（二）", " (二)") + "##paidbegin##\n"
    uri = (tmp_path / "draft.txt").as_uri()
    client.open(uri, text)
    assert set(by_code(client.diagnostics(uri))) == {"numbering-style", "placeholder", "ad-residue"}
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": position(0, 0), "end": position(0, 0)},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    [fix_all] = actions
    assert fix_all["kind"] == "source.fixAll.reportlint"
    [change] = fix_all["edit"]["documentChanges"]
    fixed = apply_text_edits(text, change["edits"])
    assert fixed == DRAFT.replace("(一)", "（一）")
    client.change(uri, 2, [{"text": fixed}])
    assert set(by_code(client.diagnostics(uri, 2))) == {"placeholder"}  # a placeholder has no fix
    assert client.close() == 0


@pytest.mark.parametrize("name, language", [("draft.md", "markdown"), ("draft.txt", "plaintext")])
def test_disable_actions_in_markdown_and_plain_text(client, tmp_path, name, language):
    client.initialize(tmp_path)
    text = "# 某社区2024年工作总结\n\n## 一、主要工作\n\nXX镇全年学习12次。\n\n## 二、存在问题\n\n学习不够深入。\n"
    uri = (tmp_path / name).as_uri()
    client.open(uri, text, language)
    [placeholder] = by_code(client.diagnostics(uri))["placeholder"]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": placeholder["range"],
        "context": {"diagnostics": [placeholder]}})
    titles = {a["title"]: a for a in actions}
    line = titles["reportlint: disable placeholder for this line"]
    whole = titles["reportlint: disable placeholder for this file"]
    for version, action, expected_line in ((2, line, 4), (3, whole, 0)):
        [change] = action["edit"]["documentChanges"]
        edited = apply_text_edits(text, change["edits"])
        comment = "<!-- reportlint-disable-next-line placeholder -->" if action is line else \
            "<!-- reportlint-disable-file placeholder -->"
        assert edited.splitlines()[expected_line] == comment
        client.change(uri, version, [{"text": edited}])
        assert "placeholder" not in by_code(client.diagnostics(uri, version))
    assert client.close() == 0


def test_configuration_is_honoured_and_reread(client, tmp_path):
    client.initialize(tmp_path)
    uri = (tmp_path / "draft.txt").as_uri()
    client.open(uri, DRAFT)
    assert "placeholder" in by_code(client.diagnostics(uri))
    config = tmp_path / ".reportlint.yaml"
    config.write_text("rules:\n  placeholder: off\n", encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 1}]})
    assert set(by_code(client.diagnostics(uri))) == {"numbering-style"}
    # a broken configuration: one diagnostic that says where, and the server goes on
    config.write_text("rules:\n  placeholder: sometimes\n", encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    [problem] = client.diagnostics(uri)
    assert problem["message"].startswith("reportlint: invalid config: ") and ".reportlint.yaml:2:" in problem["message"]
    config.unlink()  # noticed without a notification: each lint looks again
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert set(by_code(client.diagnostics(uri))) == {"numbering-style", "placeholder"}
    assert any(r["method"] == "client/registerCapability" for r in client.server_requests)
    assert client.close() == 0


def test_huge_and_binary_documents_get_one_diagnostic_and_the_server_goes_on(client, tmp_path):
    client.initialize(tmp_path)
    huge = (tmp_path / "huge.txt").as_uri()
    client.open(huge, "全年学习12次。\n" * 300_000)
    [problem] = client.diagnostics(huge)
    assert "文档过大" in problem["message"] and problem["severity"] == 1
    binary = (tmp_path / "binary.txt").as_uri()
    client.open(binary, "PK\x03\x04\x00\x00abc")
    [problem] = client.diagnostics(binary)
    assert "不是文本文稿" in problem["message"]
    nowhere = (tmp_path / "never-opened.txt").as_uri()
    assert client.request("textDocument/codeAction", {
        "textDocument": {"uri": nowhere}, "range": {"start": position(0, 0), "end": position(0, 0)},
        "context": {"diagnostics": []}}) == []
    fine = (tmp_path / "draft.txt").as_uri()
    client.open(fine, DRAFT)
    assert set(by_code(client.diagnostics(fine))) == {"numbering-style", "placeholder"}
    assert client.close() == 0


def test_close_clears_diagnostics_and_changes_are_debounced(client, tmp_path):
    client.initialize(tmp_path)
    uri = (tmp_path / "draft.txt").as_uri()
    client.open(uri, DRAFT)
    client.diagnostics(uri, 1)
    for version in range(2, 12):  # typing fast: only the last version is linted
        client.change(uri, version, [{"text": DRAFT.replace("XX", "城关" if version == 11 else "XX")}])
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    assert published["version"] == 11
    assert set(by_code(published["diagnostics"])) == {"numbering-style"}
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    assert client.close() == 0


def test_utf32_positions_where_the_client_prefers_them(client, tmp_path):
    result = client.initialize(tmp_path, {"general": {"positionEncodings": ["utf-32", "utf-16"]}})
    assert result["capabilities"]["positionEncoding"] == "utf-32"
    uri = (tmp_path / "draft.txt").as_uri()
    client.open(uri, DRAFT)
    found = by_code(client.diagnostics(uri))
    [placeholder] = found["placeholder"]
    assert placeholder["range"]["start"] == position(2, len(PREFIX))  # code points
    # a client that takes no versioned edits (documentChanges) gets plain changes
    [style] = found["numbering-style"]
    [fix] = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": style["range"], "context": {"diagnostics": [style]}})[:1]
    assert list(fix["edit"]) == ["changes"]
    assert apply_text_edits(DRAFT, fix["edit"]["changes"][uri]).startswith(DRAFT.split("(一)")[0] + "（一）")
    assert client.close() == 0


def test_the_command_line_does_not_load_the_language_server(tmp_path):
    """pygls is a runtime dependency on the condition that only `reportlint lsp` imports it."""
    import subprocess
    import sys

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    probe = ("import sys, runpy; sys.argv = ['reportlint', '--fix', sys.argv[1]]\n"
             "try:\n    runpy.run_module('checker.cli', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'cattrs')))")
    result = subprocess.run([sys.executable, "-c", probe, str(draft)], capture_output=True, timeout=120)
    assert result.stdout.decode("utf-8").strip().splitlines()[-1] == "[]", result.stderr


def test_hover_explains_the_rule_in_chinese_with_an_example(tmp_path, monkeypatch):
    for name in ("REPORTLINT_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    (tmp_path / ".git").mkdir()
    client = LspClient(tmp_path)
    try:
        client.initialize(tmp_path)
        text = "关于2024年工作的总结\n\n全镇XX个村完成投资，增长5%,效果好。\n"
        uri = (tmp_path / "draft.txt").as_uri()
        client.open(uri, text)
        found = by_code(client.diagnostics(uri))
        placeholder = found["placeholder"][0]
        hovered = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                        "position": placeholder["range"]["start"]})
        value = hovered["contents"]["value"]
        assert "**placeholder**（RL101）· 错误" in value and placeholder["message"] in value
        assert "会报告，例如：`" in value and "不会报告，例如：`" in value and "reportlint explain placeholder" in value
        comma = found["halfwidth-punctuation"][0]
        value = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                      "position": comma["range"]["start"]})["contents"]["value"]
        assert "可用 --fix 自动修复" in value
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": placeholder["range"], "context": {"diagnostics": [placeholder]}})
        assert "reportlint：在这一行停用 placeholder" in {a["title"] for a in actions}
        assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": 0, "character": 0}}) is None
    finally:
        client.kill()
