"""A hostile user pack cannot hang the language server (issue 22). A pattern
that the static guard lets through but that backtracks without end on a long
line ('.*' six times before a space the line lacks: the work grows with the
line's length to the seventh power) is stopped by the time limit on user-pack
rules, which is a signal and works only in the main thread: the server lints
there and speaks the protocol in a second thread. Through the real server."""

from __future__ import annotations

import os
import time

from checker.settings import regexsafety
from lsp_client import LspClient
from test_untrusted_packs import pattern_pack

# passes the static guard, and has no literal for the pattern rule's prefilter to
# skip a line by: on 420 characters without a space it would run for years
ENDLESS = r".*.*.*.*.*.*\s"
LONG_LINE = "今年完成了各项工作，成效明显" * 30 + "。\n"  # 421 characters, no space


def test_the_endless_pattern_passes_the_static_guard():
    regexsafety.check(ENDLESS)  # so only the runtime bound stands between it and a hang


def test_a_backtracking_user_pattern_becomes_an_internal_error_and_the_server_answers_on(tmp_path):
    (tmp_path / ".git").mkdir()
    pack = tmp_path / "office.yaml"
    pack.write_text(pattern_pack(ENDLESS), encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("rule_packs: [office.yaml]\n", encoding="utf-8")
    client = LspClient(tmp_path)
    try:
        client.initialize(tmp_path)
        hostile = (tmp_path / "long.txt").as_uri()
        started = time.monotonic()
        client.open(hostile, "关于某某工作的报告\n" + LONG_LINE)
        diagnostics = client.diagnostics(hostile, timeout=120)
        errors = [d for d in diagnostics if d["code"] == "internal-error"]
        assert len(errors) == 1, diagnostics
        assert "draft-marker" in errors[0]["message"] and f"{pack}:" in errors[0]["message"]
        assert "second limit" in errors[0]["message"]
        assert time.monotonic() - started < 60  # stopped after its limit, not run to the end (years)
        # the other rules still reported on that document, and the server goes on answering
        small = (tmp_path / "small.txt").as_uri()
        client.open(small, "关于某某工作的报告\n全年完成投资【待定】亿元，XX个村。\n")
        found = {d["code"] for d in client.diagnostics(small)}
        assert {"draft-marker", "placeholder"} <= found
        assert client.close() == 0
    finally:
        client.kill()


def test_a_configuration_naming_a_device_or_fifo_gets_one_diagnostic(tmp_path):
    """Under `rule_packs: [/dev/zero]` (or a FIFO) the server read 4–5 GB or
    blocked for ever and published nothing (issue 22)."""
    (tmp_path / ".git").mkdir()
    fifo = tmp_path / "pack.yaml"
    os.mkfifo(fifo)
    client = LspClient(tmp_path)
    try:
        client.initialize(tmp_path)
        for number, special in enumerate(["/dev/zero", str(fifo)]):
            folder = tmp_path / f"d{number}"
            folder.mkdir()
            (folder / ".reportlint.yaml").write_text(f"rule_packs: [{special}]\n", encoding="utf-8")
            uri = (folder / "draft.txt").as_uri()
            client.open(uri, "关于某某工作的报告\nXX镇。\n")
            [diagnostic] = client.diagnostics(uri, timeout=60)
            assert special in diagnostic["message"] and "not a regular file" in diagnostic["message"]
        assert client.close() == 0
    finally:
        client.kill()
