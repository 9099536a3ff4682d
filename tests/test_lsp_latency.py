"""The language server answers a small request while a big document is being
fixed (issue 22: a fix-all on a 400,000-character document took 5.7 s, and
a small document's code action waited behind it). Through the real server:
the order of the answers is checked, not their time."""

from __future__ import annotations

import json
import time

import pytest

from lsp_client import LspClient

SMALL = "关于某某工作的报告\n一、总体情况\n （二）加强学习。\n"


@pytest.fixture
def client(tmp_path):
    (tmp_path / ".git").mkdir()
    client = LspClient(tmp_path)
    yield client
    client.kill()


def test_a_small_code_action_is_answered_while_a_big_document_is_fixed(client, tmp_path):
    client.initialize(tmp_path)
    big_uri, small_uri = (tmp_path / "big.txt").as_uri(), (tmp_path / "small.txt").as_uri()
    big = "关于某某工作的报告\n" + "今年完成了工作,成效明显。\n" * 4_000  # 80,000 characters, 4,000 safe fixes (the issue: 400,000)
    client.open(big_uri, big)
    client.open(small_uri, SMALL)
    assert client.diagnostics(big_uri, timeout=300)
    [style] = [d for d in client.diagnostics(small_uri) if d["code"] == "numbering-style"] or [None]
    assert style is not None

    # the big fix-all, sent and not waited for
    client._next_id += 1
    big_request = client._next_id
    client._send({"id": big_request, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": big_uri},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll.reportlint"]}}})
    time.sleep(0.2)  # let the server take it up first (order, not a timing assertion)
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": small_uri}, "range": style["range"],
        "context": {"diagnostics": [style], "only": ["quickfix"]}})
    assert any(a["title"].startswith("reportlint: fix numbering-style") for a in actions)
    assert big_request not in client.responses  # the big one is still being fixed

    deadline = time.monotonic() + 300
    with client._lock:
        while big_request not in client.responses and time.monotonic() < deadline:
            client._lock.wait(1)
    [fix_all] = client.responses.pop(big_request)["result"]
    assert "fix all safe problems (4000)" in fix_all["title"], json.dumps(fix_all)[:200]
