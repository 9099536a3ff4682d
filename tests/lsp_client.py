"""A small LSP client for the tests: spawns ``reportlint lsp`` as a real
subprocess and speaks JSON-RPC over its standard input and output, as an
editor does (Content-Length framed messages)."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Optional

TIMEOUT = 60.0


class LspClient:
    def __init__(self, cwd: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "checker.cli", "lsp"], cwd=cwd,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.responses: dict[int, dict] = {}
        self.notifications: "queue.Queue[dict]" = queue.Queue()
        self.server_requests: list[dict] = []
        self._next_id = 0
        self._lock = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- wire ---------------------------------------------------------------------
    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            if "id" in message and "method" in message:  # a request from the server
                self.server_requests.append(message)
                self._send({"id": message["id"], "result": None})
            elif "id" in message:
                with self._lock:
                    self.responses[message["id"]] = message
                    self._lock.notify_all()
            else:
                self.notifications.put(message)

    # -- requests and notifications ---------------------------------------------
    def request(self, method: str, params: Any = None, timeout: float = TIMEOUT) -> Any:
        self._next_id += 1
        number = self._next_id
        self._send({"id": number, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self._lock:
            while number not in self.responses:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no answer to {method}")
                self._lock.wait(left)
            response = self.responses.pop(number)
        if "error" in response:
            raise RuntimeError(f"{method}: {response['error']}")
        return response["result"]

    def notify(self, method: str, params: Any = None) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, method: str, where: Callable[[dict], bool] = lambda params: True,
                 timeout: float = TIMEOUT) -> dict:
        """The params of the next notification ``method`` that ``where`` accepts
        (others are dropped)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {method}")
            try:
                message = self.notifications.get(timeout=left)
            except queue.Empty:
                raise TimeoutError(f"no {method}") from None
            if message.get("method") == method and where(message["params"]):
                return message["params"]

    def diagnostics(self, uri: str, version: Optional[int] = None, timeout: float = TIMEOUT) -> list[dict]:
        """The next diagnostics published for ``uri`` (for ``version``, where given)."""
        params = self.wait_for("textDocument/publishDiagnostics",
                               lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
                               timeout)
        return params["diagnostics"]

    # -- the editor's side ---------------------------------------------------------
    def initialize(self, root: Path, capabilities: Optional[dict] = None, options: Optional[dict] = None) -> dict:
        result = self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(), "capabilities": capabilities or {
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True},
                              "workspaceEdit": {"documentChanges": True}},
                "textDocument": {"publishDiagnostics": {"versionSupport": True}},
            }, "initializationOptions": options})
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, language: str = "plaintext", version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language,
                                                              "version": version, "text": text}})

    def change(self, uri: str, version: int, changes: list[dict]) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": changes})

    def close(self, wait: float = 30.0) -> int:
        """shutdown, exit; the server's exit code."""
        assert self.request("shutdown") is None
        self.notify("exit")
        try:
            return self.process.wait(wait)
        finally:
            self.kill()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()


def utf16_offset(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (LSP's default position unit)."""
    return len(text.encode("utf-16-le")) // 2


def apply_text_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP TextEdits (UTF-16 positions) to ``text``, as an editor would:
    all positions refer to the text before any edit."""
    lines = text.splitlines(keepends=True) or [""]

    def offset(position: dict) -> int:
        if position["line"] >= len(lines):
            return len(text)
        before = sum(len(line) for line in lines[:position["line"]])
        content = lines[position["line"]].rstrip("\r\n")
        units = 0
        for index, ch in enumerate(content):
            if units >= position["character"]:
                return before + index
            units += utf16_offset(ch)
        return before + len(content)  # a character past the line's end means its end

    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits),
                   reverse=True)
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text
