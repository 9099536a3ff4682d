"""``reportlint lsp``: a Language Server (pygls 2, stdio) over the public API.

A thin face, like cli.py: it turns documents into ``SourceText``, lints them
with the configuration that applies to their path (re-read when the file
changes: each lint re-stats it, and didChangeWatchedFiles re-lints every open
document), and turns diagnostics and fixes into LSP objects. Columns are code
points inside reportlint; they become the negotiated position encoding
(UTF-16 unless the client offers another) here, at the edge, and only here.

- diagnostics on open and save at once, on change after a pause (DEBOUNCE
  seconds; a newer change cancels the pending run, and a run that finishes
  after the document moved on is dropped), cleared on close;
- code actions: a quick fix per fixable finding, ``source.fixAll.reportlint``
  (every safe fix, as ``--fix`` would apply them), and "disable this rule for
  this line / this file" (the suppression comments of directives.py, in .txt as
  in .md); action titles in the catalog's language (checker/messages.py);
- hover over a finding: its rule, message, fix and an example reported and one
  not, Chinese by default;
- a document that is too large or not text gets one diagnostic saying so, a
  configuration that cannot be read one diagnostic naming file and line, and a
  failure inside the linter one diagnostic too: the server stays up;
- every lint and fix-all runs in the MAIN thread, one at a time, while the
  protocol is spoken in a second thread (:func:`serve`): the time limit on the
  rules of user packs is a signal (checker/settings/timebound.py), and signals
  reach the main thread only, so a user pattern that backtracks without end
  becomes one internal-error diagnostic instead of a server that never answers.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import re
import threading
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from . import __version__
from .api import Config, ConfigError, RuleFileError, UnknownGenre
from .settings.configfile import find_config_file, load_config_file
from .fixing import fix_source
from .model import LINE_BREAK, Diagnostic, Edit, FileResult, SourceText, Span
from .messages import rule_summary
from .messages import severity as severity_word
from .rulesdoc import summary
from .messages import text as say

DEBOUNCE = 0.3  # seconds of quiet after a change before it is linted
MAX_CHARS = 2_000_000  # a larger document is not linted (one diagnostic says so)
FIX_ALL = "source.fixAll.reportlint"
CONFIG_GLOBS = ("**/.reportlint.yaml", "**/.reportlint.yml", "**/pyproject.toml")
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
DISABLE_NEXT_LINE = "<!-- reportlint-disable-next-line {rule} -->"
DISABLE_FILE = "<!-- reportlint-disable-file {rule} -->"

log = logging.getLogger("reportlint.lsp")
# one lint at a time: runs in the lint worker (so the server keeps reading
# messages) and in code-action requests share lazily built parsers and caches
LINT_LOCK = threading.Lock()


class MainThreadWorker(Executor):
    """The executor the server lints and fixes in: jobs run one at a time, in
    order, in the thread that calls :meth:`run` — the main thread under
    :func:`serve`, where the time limit on user-pack rules (a ``SIGALRM``)
    works; in a worker thread it would do nothing."""

    def __init__(self) -> None:
        self._jobs: "queue.SimpleQueue" = queue.SimpleQueue()

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        self._jobs.put((future, fn, args, kwargs))
        return future

    def run(self) -> None:
        """Run jobs until :meth:`shutdown`."""
        while True:
            job = self._jobs.get()
            if job is None:
                return
            future, fn, args, kwargs = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - handed to the awaiting request
                future.set_exception(error)
            else:
                future.set_result(result)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._jobs.put(None)


# -- positions: code points inside, the client's units outside ------------------

class Positions:
    """Converts reportlint spans (1-based lines, code-point columns) to LSP
    ranges (0-based, in the negotiated encoding) for one document's lines."""

    def __init__(self, lines: Sequence[str], encoding: str = types.PositionEncodingKind.Utf16):
        self.lines = lines
        self.encoding = encoding

    def units(self, text: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(text)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8", "surrogatepass"))
        return len(text.encode("utf-16-le", "surrogatepass")) // 2

    def position(self, line: int, column: int) -> types.Position:
        if line > len(self.lines):  # the end of a deleted last line
            return types.Position(line=len(self.lines), character=0)
        return types.Position(line=line - 1, character=self.units(self.lines[line - 1][:column - 1]))

    def range(self, span: Span) -> types.Range:
        return types.Range(start=self.position(span.line, span.column),
                           end=self.position(span.end_line, span.end_column))


def rule_anchor(name: str, code: str) -> str:
    """The anchor of a rule's section in docs/rules.md (### `name` (CODE))."""
    return re.sub(r"[^a-z0-9_ -]", "", f"{name} ({code})".lower()).replace(" ", "-")


# -- configuration: found per document, re-read when its file changes ------------

class Configurations:
    """The configuration of each document's path: the nearest configuration
    file (found again on each lint), loaded once per version of that file
    (its modification time and size)."""

    def __init__(self) -> None:
        self._loaded: dict[Optional[str], tuple[tuple, Config]] = {}

    @staticmethod
    def _signature(source: Optional[str]) -> tuple:
        if source is None:
            return ()
        try:
            stat = Path(source).stat()
        except OSError:
            return ("gone",)
        return (stat.st_mtime_ns, stat.st_size)

    def for_path(self, path: Optional[str]) -> Config:
        """Raises ConfigError, RuleFileError or UnknownGenre for a bad file."""
        found = find_config_file(Path(path).parent) if path else None
        source = str(found) if found else None
        signature = self._signature(source)
        cached = self._loaded.get(source)
        if cached is None or cached[0] != signature:
            config = load_config_file(source) if source else Config.load()
            cached = self._loaded[source] = (signature, config)
        return cached[1]

    def forget(self) -> None:
        self._loaded.clear()


# -- one lint of one document ---------------------------------------------------

@dataclass
class Linted:
    """What one lint of one version of a document found."""

    version: Optional[int]
    text: str
    lines: tuple[str, ...] = ()
    diagnostics: list[Diagnostic] = field(default_factory=list)
    problem: Optional[str] = None  # why the document was not linted (too large, config error…)
    config: Optional[Config] = None


def lint_document(text: str, path: Optional[str], version: Optional[int], configs: Configurations) -> Linted:
    """Lint one document's text; never raises (what went wrong becomes ``problem``)."""
    with LINT_LOCK:
        return _lint_document(text, path, version, configs)


def _lint_document(text: str, path: Optional[str], version: Optional[int], configs: Configurations) -> Linted:
    if len(text) > MAX_CHARS:
        return Linted(version, text, problem=f"reportlint: 文档过大（{len(text)} 个字符，上限 {MAX_CHARS}），未检查")
    if "\x00" in text:
        return Linted(version, text, problem="reportlint: 文档含有 NUL 字符，不是文本文稿，未检查")
    try:
        config = configs.for_path(path)
    except (ConfigError, RuleFileError, UnknownGenre) as error:
        return Linted(version, text, problem=f"reportlint: invalid config: {error}")
    if path and config.excludes(path):
        return Linted(version, text, config=config)  # the configuration leaves this file out
    source = SourceText.from_string(text, path)
    try:
        from .api import lint_source

        result = lint_source(source, config)
    except Exception as error:  # noqa: BLE001 - one document must never take the server down
        log.exception("linting %s failed", path)
        return Linted(version, text, source.lines, problem=f"reportlint: internal error: {type(error).__name__}: {error}",
                      config=config)
    return Linted(version, text, source.lines, result.diagnostics, config=config)


# -- the server ------------------------------------------------------------------

class ReportlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("reportlint", __version__)
        self.configs = Configurations()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.rules_url: Optional[str] = None  # where rule names link to (docs/rules.md, or as configured)
        # where lints and fixes run: the main thread under serve(); None (asyncio's
        # default threads) where the server is driven in-process
        self.worker: Optional[Executor] = None

    # where a diagnostic's code links
    def rule_href(self, diagnostic: Diagnostic) -> Optional[str]:
        if self.rules_url is None:
            return None
        return f"{self.rules_url}#{rule_anchor(diagnostic.rule, diagnostic.code)}"

    def workspace_edit(self, uri: str, version: Optional[int], edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        """Edits of one document, tied to the version they were computed on where
        the client takes versioned edits (documentChanges), else as plain changes."""
        workspace = self.client_capabilities.workspace
        if workspace and workspace.workspace_edit and workspace.workspace_edit.document_changes:
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits=edits)])
        return types.WorkspaceEdit(changes={uri: edits})

    def encoding(self) -> str:
        return self.workspace.position_encoding or types.PositionEncodingKind.Utf16

    def to_lsp(self, linted: Linted, diagnostic: Diagnostic) -> types.Diagnostic:
        href = self.rule_href(diagnostic)
        return types.Diagnostic(
            range=Positions(linted.lines, self.encoding()).range(diagnostic.span),
            message=diagnostic.message,
            severity=SEVERITY.get(diagnostic.severity, types.DiagnosticSeverity.Information),
            code=diagnostic.rule,
            code_description=types.CodeDescription(href=href) if href else None,
            source="reportlint",
            data={"code": diagnostic.code, "fixable": diagnostic.fix.applicability if diagnostic.fix else None},
        )

    def publish(self, uri: str, linted: Linted) -> None:
        if linted.problem:
            diagnostics = [types.Diagnostic(
                range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
                message=linted.problem, severity=types.DiagnosticSeverity.Error, source="reportlint",
                code="reportlint")]
        else:
            diagnostics = [self.to_lsp(linted, d) for d in linted.diagnostics]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=linted.version))

    async def current_async(self, uri: str) -> Linted:
        """:meth:`current`, linting (where needed) in a worker thread, so that
        the server keeps answering while another document is linted or fixed."""
        document = self.workspace.get_text_document(uri)
        linted = self.linted.get(uri)
        if linted is None or linted.version != document.version or linted.text != document.source:
            linted = await asyncio.get_running_loop().run_in_executor(
                self.worker, lint_document, document.source, document.path, document.version, self.configs)
            self.linted[uri] = linted
        return linted

    async def lint_and_publish(self, uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text, version, path = document.source, document.version, document.path
        linted = await asyncio.get_running_loop().run_in_executor(self.worker, lint_document, text, path, version,
                                                                  self.configs)
        document = self.workspace.text_documents.get(uri)
        if document is None or document.version != version or document.source != text:
            return  # closed or changed meanwhile: a newer run publishes
        self.linted[uri] = linted
        self.publish(uri, linted)

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint ``uri`` after ``delay`` seconds, cancelling a run still waiting."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        task = asyncio.ensure_future(self.lint_and_publish(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(lambda done: self._finished(uri, done))

    def _finished(self, uri: str, task: asyncio.Task) -> None:
        if self.pending.get(uri) is task:
            del self.pending[uri]
        if not task.cancelled() and task.exception() is not None:
            log.error("linting %s failed: %r", uri, task.exception())


server = ReportlintServer()


def _rules_reference_url(init_options: object) -> Optional[str]:
    """``initializationOptions.rulesUrl`` where the client gives one, else the
    rule reference rendered into the cache (so it matches the rules running)."""
    if isinstance(init_options, dict) and isinstance(init_options.get("rulesUrl"), str):
        return init_options["rulesUrl"]
    from .rulesdoc import cached_reference

    path = cached_reference(Config.load().rules, __version__)  # docs/rules.md
    return from_fs_path(str(path)) if path is not None else None


@server.feature(types.INITIALIZE)
def initialize(ls: ReportlintServer, params: types.InitializeParams) -> None:
    try:
        ls.rules_url = _rules_reference_url(params.initialization_options)
    except Exception:  # noqa: BLE001 - links are a convenience, never a reason to fail
        log.exception("no rule reference")


@server.feature(types.INITIALIZED)
def initialized(ls: ReportlintServer, params: types.InitializedParams) -> None:
    """Ask to hear of configuration files changing, where the client can watch files."""
    watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watched and watched.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in CONFIG_GLOBS])
        ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id="reportlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ReportlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ReportlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ReportlintServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ReportlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: ReportlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.configs.forget()
    for uri in list(ls.workspace.text_documents):
        ls.schedule(uri)


# -- code actions ------------------------------------------------------------------

def _edits(positions: Positions, edits: Sequence[Edit]) -> list[types.TextEdit]:
    return [types.TextEdit(range=positions.range(edit.span), new_text=edit.replacement) for edit in edits]




def _overlaps(a: types.Range, b: types.Range) -> bool:
    start = (a.start.line, a.start.character)
    end = (a.end.line, a.end.character)
    return (b.start.line, b.start.character) <= end and start <= (b.end.line, b.end.character)


def _whole_text_edit(positions: Positions, before: str, after: str) -> types.TextEdit:
    """One edit turning ``before`` into ``after``: the span between their
    common beginning and common end (so the cursor elsewhere stays put)."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    return types.TextEdit(range=types.Range(start=_offset_position(positions, before, prefix),
                                            end=_offset_position(positions, before, len(before) - suffix)),
                          new_text=after[prefix:len(after) - suffix])


def _offset_position(positions: Positions, text: str, offset: int) -> types.Position:
    line_start, line = 0, 0
    for match in LINE_BREAK.finditer(text, 0, offset):
        if match.end() > offset:
            break
        line_start, line = match.end(), line + 1
    return types.Position(line=line, character=positions.units(text[line_start:offset]))


def _fix_all(ls: ReportlintServer, uri: str, linted: Linted) -> Optional[types.CodeAction]:
    if linted.problem or not any(d.fix and d.fix.applicability == "safe" for d in linted.diagnostics):
        return None
    document = ls.workspace.get_text_document(uri)
    source = SourceText.from_string(linted.text, document.path)
    with LINT_LOCK:  # in the lint worker (code_action): shares the parsers with the lints
        # the lint it was offered on is the first pass's: the text is not linted again for it
        first = FileResult(document.path or "-", linted.diagnostics, lines=linted.lines)
        outcome = fix_source(source, linted.text, linted.config, linted=first)
    if not outcome.changed:
        return None
    edit = _whole_text_edit(Positions(linted.lines, ls.encoding()), linted.text, outcome.text)
    return types.CodeAction(title=say("lsp.fix_all", n=len(outcome.fixed)), kind=FIX_ALL,
                            edit=ls.workspace_edit(uri, linted.version, [edit]))


def _disable_actions(ls: ReportlintServer, uri: str, linted: Linted, diagnostic: Diagnostic,
                     lsp_diagnostic: types.Diagnostic, newline: str) -> list[types.CodeAction]:
    line_start = types.Position(line=diagnostic.line - 1, character=0)
    file_start = types.Position(line=0, character=0)
    indent = re.match(r"[ \t\u3000]*", linted.lines[diagnostic.line - 1]).group(0)
    actions = []
    for title, position, text in (
        (say("lsp.disable_line", rule=diagnostic.rule), line_start,
         indent + DISABLE_NEXT_LINE.format(rule=diagnostic.rule) + newline),
        (say("lsp.disable_file", rule=diagnostic.rule), file_start,
         DISABLE_FILE.format(rule=diagnostic.rule) + newline),
    ):
        edit = types.TextEdit(range=types.Range(start=position, end=position), new_text=text)
        actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix,
                                        diagnostics=[lsp_diagnostic], edit=ls.workspace_edit(uri, linted.version, [edit])))
    return actions


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, FIX_ALL]))
async def code_action(ls: ReportlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """Quick fixes from the current lint (cheap); the fix-all action, which
    lints the document again pass by pass, in a worker thread: a small
    document's request is answered while a big one is being fixed."""
    uri = params.text_document.uri
    if uri not in ls.workspace.text_documents:
        return []  # not open: nothing of ours to act on
    linted = await ls.current_async(uri)
    only = params.context.only
    actions: list[types.CodeAction] = []
    wants = (lambda kind: not only or any(kind == k or kind.startswith(f"{k}.") for k in only))
    if wants(types.CodeActionKind.QuickFix) and not linted.problem:
        positions = Positions(linted.lines, ls.encoding())
        newline = LINE_BREAK.search(linted.text).group(0) if LINE_BREAK.search(linted.text) else "\n"
        for diagnostic in linted.diagnostics:
            lsp_diagnostic = ls.to_lsp(linted, diagnostic)
            if not _overlaps(lsp_diagnostic.range, params.range):
                continue
            if diagnostic.fix:
                unsafe = diagnostic.fix.applicability != "safe"
                actions.append(types.CodeAction(
                    title=say("lsp.fix_unsafe" if unsafe else "lsp.fix", rule=diagnostic.rule, message=diagnostic.message),
                    kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_diagnostic],
                    is_preferred=not unsafe,
                    edit=ls.workspace_edit(uri, linted.version, _edits(positions, diagnostic.fix.edits))))
            # the suppression comments work in .txt as in .md (checker/parse/directives.py)
            actions.extend(_disable_actions(ls, uri, linted, diagnostic, lsp_diagnostic, newline))
    if wants(FIX_ALL):
        fix_all = await asyncio.get_running_loop().run_in_executor(ls.worker, _fix_all, ls, uri, linted)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def _covers(where: types.Range, position: types.Position) -> bool:
    start, end = (where.start.line, where.start.character), (where.end.line, where.end.character)
    return start <= (position.line, position.character) <= end


def hover_text(diagnostic: Diagnostic, rule) -> str:
    """The rule of a finding, for a reader (Chinese by default): its message,
    whether it fixes, one example it reports and one it does not."""
    fix = diagnostic.fix
    fixing = "" if fix is None else say("lsp.hover_fix" if fix.applicability == "safe" else "lsp.hover_fix_unsafe")
    fail = rule.fails[0].text.split("\n")[0] if rule is not None and rule.fails else ""
    passes = rule.passes[0].text.split("\n")[0] if rule is not None and rule.passes else ""
    finds = rule_summary(diagnostic.rule, summary(rule)) if rule is not None else ""
    return say("lsp.hover", rule=diagnostic.rule, code=diagnostic.code, severity=severity_word(diagnostic.severity),
               message=diagnostic.message, finds=finds, fix=fixing, fail=fail, passes=passes)


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: ReportlintServer, params: types.HoverParams) -> Optional[types.Hover]:
    """Over a finding: what its rule finds, with an example, in the catalog's language."""
    uri = params.text_document.uri
    if uri not in ls.workspace.text_documents:
        return None
    linted = await ls.current_async(uri)
    if linted.problem or linted.config is None:
        return None
    rules = {rule.name: rule for rule in linted.config.rules}
    texts, first = [], None
    for diagnostic in linted.diagnostics:
        lsp_diagnostic = ls.to_lsp(linted, diagnostic)
        if _covers(lsp_diagnostic.range, params.position):
            texts.append(hover_text(diagnostic, rules.get(diagnostic.rule)))
            first = first or lsp_diagnostic.range
    if not texts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(texts)),
                       range=first)


def serve() -> None:
    """Speak LSP over stdin/stdout until the client says exit: the protocol in
    a second thread, the lints and fixes in this (the main) thread."""
    worker = MainThreadWorker()
    server.worker = worker

    def speak() -> None:
        try:
            server.start_io()
        finally:
            worker.shutdown()

    threading.Thread(target=speak, name="reportlint-lsp-protocol", daemon=True).start()
    worker.run()
