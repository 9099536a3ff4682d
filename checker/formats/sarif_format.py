"""SARIF 2.1.0 for code scanning (GitHub and other SARIF consumers).

One run: ``tool.driver`` lists every rule (the configuration's and the
engine's) with its description and help; each diagnostic is a result with
``ruleId`` (the rule's code), ``ruleIndex``, ``level``, message and a physical
location whose URI is relative to the working folder (``uriBaseId``
``%SRCROOT%``); columns count code points (``columnKind``). A file that could
not be read is a tool execution notification of the invocation, which is then
not successful. Each result carries the finding's fingerprint (the engine's
content key, checker/settings/fingerprint.py) in ``partialFingerprints``, so code
scanning follows a finding across edits. Results are written file by file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Optional
from urllib.parse import quote

from checker.api import ENGINE_RULES, __version__
from checker.model import Diagnostic, FileResult
from checker.rulesdoc import render_rule, summary
from checker.formats.tally import Tally
from .base import JsonArrayStream, RunInfo, Streamed

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "reportlint/v1"


def information_uri() -> Optional[str]:
    """The project's home page, where the installed package's metadata names one."""
    try:
        from importlib.metadata import metadata

        meta = metadata("reportlint")
    except Exception:  # noqa: BLE001 - not installed: no URI rather than a guess
        return None
    urls = [value.split(",", 1)[1].strip() for value in meta.get_all("Project-URL") or () if "," in value]
    return urls[0] if urls else meta.get("Home-page") or None


def artifact_location(path: str, root: Path) -> dict:
    """The file as a URI relative to ``root`` (with ``uriBaseId``) where it lies
    under it, else an absolute file URI; ``-`` (standard input) as it is."""
    if path == "-":
        return {"uri": "-"}
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    # quoted from the name's real bytes: a name that is not UTF-8 keeps them (%FF)
    return {"uri": quote(os.fsencode(relative.as_posix())), "uriBaseId": SRCROOT}


def rule_descriptor(rule: Any) -> dict:
    help_markdown = "\n".join(render_rule(rule)).strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary(rule)},
        "fullDescription": {"text": " ".join(rule.description.split())},
        "help": {"text": rule.description, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"type": rule.type, "pack": rule.pack},
    }


class SarifFormatter(Streamed):
    machine = True
    statistics = False

    def __init__(self, run: RunInfo = RunInfo(), root: Optional[Path] = None):
        super().__init__(run)
        self.root = Path(os.path.abspath(root or os.getcwd()))
        names = set()
        self.rules = []
        for rule in (*run.rules, *ENGINE_RULES):
            if rule.name not in names:
                names.add(rule.name)
                self.rules.append(rule)
        self.index = {rule.name: i for i, rule in enumerate(self.rules)}
        self.notifications: list[dict] = []
        self.results = JsonArrayStream()

    def _document(self, end: Optional[Tally] = None) -> dict:
        driver = {"name": "reportlint", "version": __version__, "semanticVersion": __version__}
        uri = information_uri()
        if uri:
            driver["informationUri"] = uri
        driver["rules"] = [rule_descriptor(rule) for rule in self.rules] if end is None else []
        run: dict = {
            "tool": {"driver": driver},
            "originalUriBaseIds": {SRCROOT: {"uri": self.root.as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": JsonArrayStream.ITEMS,
        }
        if end is not None:
            run["invocations"] = [{
                "executionSuccessful": not (end.unreadable or end.internal_errors),
                "toolExecutionNotifications": self.notifications,
            }]
        return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}

    def begin(self) -> str:
        return self.results.begin(self._document())

    def result_object(self, location: dict, diagnostic: Diagnostic) -> dict:
        """The result of one finding in the file at ``location`` (artifact_location)."""
        span = diagnostic.span
        item = {
            "ruleId": diagnostic.code,
            "level": LEVELS[diagnostic.severity],
            "message": {"text": diagnostic.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": location,
                "region": {"startLine": span.line, "startColumn": span.column,
                           "endLine": span.end_line, "endColumn": span.end_column},
            }}],
        }
        if diagnostic.rule in self.index:
            item["ruleIndex"] = self.index[diagnostic.rule]
        if diagnostic.fingerprint:  # the engine's content key, as the baseline records it
            item["partialFingerprints"] = {FINGERPRINT_KEY: diagnostic.fingerprint}
        return item

    def parts(self, result: FileResult) -> Iterable[str]:
        if result.error is not None:
            self.notifications.append({
                "level": "error",
                "message": {"text": result.error.message},
                "descriptor": {"id": result.error.kind},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(result.path, self.root)}}],
            })
        location = artifact_location(result.path, self.root)  # once per file, not per finding
        return (self.results.item(self.result_object(location, d)) for d in result.diagnostics)

    def end(self, tally: Tally) -> str:
        return self.results.end(self._document(tally)) + "\n"
