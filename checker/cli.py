"""The ``reportlint`` command: parse arguments, call the API, pick the exit code.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings; 2 usage, input
or configuration error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from typing import NoReturn, Optional

import click

from . import __version__
from .api import (ENGINE_RULES, INTERNAL_ERROR, Config, ConfigError, InputError, RuleFileError, UnknownGenre, analyse_source,
                  configured_size, draft_facts, expand_paths, parse_size, read_source, AtomicWriter, WriteError,
                  check_writable)
from .settings.baseline import Baseline, BaselineError, prune_baselines
from .batch import lint_files
from .settings.configfile import ConfigResolver
from .formats import ALIASES, FORMATTERS, RunInfo
from .formats.base import data_text
from .formats.excerpt import terminal_name
from .settings.genres import find_genre
from .model import SEVERITIES, FileResult, severity_rank
from .progress import Progress
from .formats.tally import Tally
from . import messages
from .messages import text as say

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def speak_through_the_catalog() -> None:
    """click's own texts (its usage errors, "Usage:", "Options"…) are gettext
    message ids: give click the catalog's translation (checker/data/errors_zh.json,
    "click") in place of gettext's, looked up when the text is shown."""
    import click.core
    import click.exceptions
    import click.formatting
    import click.parser
    import click.termui
    import click.types

    for module in (click.core, click.exceptions, click.formatting, click.parser, click.termui, click.types):
        if hasattr(module, "_"):
            module._ = messages.click_text
        if hasattr(module, "ngettext"):
            module.ngettext = messages.click_plural


speak_through_the_catalog()


class LocalisedFormatter(click.HelpFormatter):
    """click's help layout with Chinese punctuation in Chinese: 用法：…, 选项："""

    def write_heading(self, heading: str) -> None:
        if messages.language() == "en":
            return super().write_heading(heading)
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_usage(self, prog: str, args: str = "", prefix=None) -> None:
        if prefix is None and messages.language() != "en":
            prefix = messages.click_text("Usage:")
        super().write_usage(prog, args, prefix)


class LocalisedContext(click.Context):
    formatter_class = LocalisedFormatter


class LocalisedHelp:
    """A command whose help (its own, its options', --help's) is shown in the
    language chosen (checker/messages.py), translated when it is shown."""

    context_class = LocalisedContext

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        saved = [(param, param.help) for param in self.params if getattr(param, "help", None)]
        own, metavars = self.help, (self.options_metavar, getattr(self, "subcommand_metavar", None))
        try:
            for param, english in saved:
                param.help = messages.help_text(english)
            self.help = messages.help_text(own) if own else own
            self.options_metavar = messages.click_text(self.options_metavar or "")
            if metavars[1]:
                self.subcommand_metavar = messages.click_text(metavars[1])
            super().format_help(ctx, formatter)
        finally:
            for param, english in saved:
                param.help = english
            self.help = own
            self.options_metavar = metavars[0]
            if metavars[1]:
                self.subcommand_metavar = metavars[1]

    def get_short_help_str(self, limit: int = 45) -> str:
        own = self.help
        try:
            self.help = messages.help_text(own) if own else own
            return super().get_short_help_str(limit if messages.language() == "en" else 200)
        finally:
            self.help = own

    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)
        if option is not None and option.help:
            option.help = messages.help_text(option.help)
        return option


class LocalisedCommand(LocalisedHelp, click.Command):
    pass


class DefaultCommandGroup(LocalisedHelp, click.Group):
    """``reportlint FILE…`` means ``reportlint check FILE…``."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        args = take_language(args)
        # No arguments at all also goes to ``check``, which says "no input" in one line.
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = [self.default_command, *args]
        self.chosen = args[0] if args[0] in self.commands else ""
        return super().parse_args(ctx, args)

    def main(self, *args, **kwargs):
        """Usage errors (unknown option, bad choice…) in one line on stderr,
        exit 2, like every other error; click's own handling prints several."""
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.Abort:  # Ctrl-C: not "findings" (1), so the shell's 130
            click.echo(f"reportlint: {say('error.interrupted')}", err=True)
            sys.exit(130)
        except click.ClickException as error:
            context = getattr(error, "ctx", None)
            command = context.info_name if context is not None and context.parent is not None else \
                getattr(self, "chosen", "")
            message = error.format_message().replace("。 ", "。").rstrip(".。")
            fail(say("error.usage", message=message, command=command).replace("  ", " "))
        sys.exit(result if isinstance(result, int) else EXIT_CLEAN)


def take_language(args: list[str]) -> list[str]:
    """``--lang zh|en`` anywhere on the command line: set the language of what
    reportlint says, and take it out of the arguments."""
    kept, index = [], 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            kept.extend(args[index:])
            break
        if arg == "--lang" or arg.startswith("--lang="):
            value = arg.partition("=")[2] if "=" in arg else (args[index + 1] if index + 1 < len(args) else "")
            index += 1 if "=" in arg else 2
            if value not in messages.LANGUAGES:
                fail(say("error.option", option="--lang",
                         error=say("error.not_one_of", value=repr(value), choices=", ".join(messages.LANGUAGES))))
            messages.set_language(value)
            continue
        kept.append(arg)
        index += 1
    return kept


class SizeParam(click.ParamType):
    """A size in bytes: 52428800, 50M, 512K, 1G."""

    name = "size"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        try:
            return parse_size(value)
        except ValueError as error:
            self.fail(messages.localise(str(error)), param, ctx)


class WholeNumber(click.IntRange):
    """A whole number in a range, named in the reader's language in click's messages."""

    @property
    def name(self) -> str:
        return messages.click_text("integer range")


MAX_FILE_SIZE_OPTION = click.option(
    "--max-file-size", type=SizeParam(), default=None, metavar="SIZE",
    help="Refuse files larger than this (bytes, or with K, M, G; default 5M for a text draft, 50M for a Word file, "
         "or $REPORTLINT_MAX_FILE_SIZE).")


def size_limit(option: Optional[int]) -> Optional[int]:
    """The file-size limit asked for (None: the defaults, text or Word); a bad
    $REPORTLINT_MAX_FILE_SIZE stops the run."""
    try:
        return configured_size(option)
    except InputError as error:
        fail(str(error))


def fail(message: str) -> NoReturn:
    """One line on stderr, exit 2; an English message of the code
    (an exception's) is said in the reader's language (messages.localise)."""
    click.echo(f"reportlint: {messages.localise(message)}", err=True)
    sys.exit(EXIT_ERROR)


def writable(path: str) -> None:
    """Stop the run (exit 2) where ``path`` is no file the tool may write."""
    try:
        check_writable(path)
    except WriteError as error:
        fail(str(error))


def load_config(rule_files: tuple[str, ...], genre: Optional[str] = None) -> Config:
    return config_for(ConfigResolver(isolated=True, rule_files=rule_files, genre=genre), "-")


def config_for(resolver: ConfigResolver, path: str) -> Config:
    """The configuration of ``path``; a bad one ends the run (exit 2)."""
    try:
        return resolver.config_for(path)
    except BaselineError as error:
        fail(say("error.invalid_baseline", error=messages.localise(str(error))))
    except ConfigError as error:
        fail(say("error.invalid_config", error=messages.localise(str(error))))
    except RuleFileError as error:
        fail(say("error.invalid_rules", error=messages.localise(str(error))))
    except UnknownGenre as error:
        fail(say("error.option", option="--genre", error=messages.localise(str(error))))


def make_resolver(config_file: Optional[str], isolated: bool, rule_files: tuple[str, ...], genre: Optional[str],
                  baseline: Optional[str] = None, with_baselines: bool = True) -> ConfigResolver:
    if config_file and isolated:
        fail(say("error.config_and_isolated"))
    try:
        return ConfigResolver(config_file, isolated, rule_files, genre, baseline, with_baselines)
    except BaselineError as error:
        fail(say("error.invalid_baseline", error=messages.localise(str(error))))


def input_paths(paths: tuple[str, ...], resolver: Optional[ConfigResolver] = None,
                force_exclude: bool = False) -> list[str]:
    """The files to read: files as given, the *.txt and *.md under folders,
    less those the configuration's ``exclude`` leaves out (files named on the
    command line only with ``force_exclude``)."""
    if not paths:
        fail(say("error.no_input"))
    found: list[str] = []
    excluded = 0
    for path in paths:
        try:
            expanded = expand_paths([path])
        except InputError:
            found.append(path)  # a missing file: read_source reports it beside the readable ones
            continue
        judged = resolver is not None and (force_exclude or os.path.isdir(path))
        kept = [p for p in expanded if not (judged and p != "-" and config_for(resolver, p).excludes(p))]
        excluded += len(expanded) - len(kept)
        found.extend(kept)
    if not found and not excluded:
        fail(say("error.no_drafts", paths=", ".join(paths)))
    return found


def rules_of(configs: list[Config]) -> list:
    """Every rule of the configurations in play, each name once, in order."""
    seen: dict[str, object] = {}
    for config in {id(c): c for c in configs}.values():
        for rule in config.rules:
            seen.setdefault(rule.name, rule)
    return list(seen.values())


def fails(result: FileResult, level: str) -> bool:
    """Whether ``result`` has a finding at or above ``level`` (its file's --fail-on)."""
    return any(severity_rank(d.severity) >= severity_rank(level) for d in result.diagnostics)


@click.group(cls=DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def main() -> None:
    """Lint Chinese official report drafts (工作报告、述职报告、自查报告…).

    \b
    reportlint draft.txt            check a file (same as: reportlint check draft.txt)
    reportlint outline draft.txt    show the outline the linter understood
    reportlint annotate draft.docx  write a Word review copy (comments, tracked changes)
    reportlint rules                list the rules
    reportlint genres               list the genres and their required parts
    reportlint explain placeholder  what a rule finds, with its examples
    reportlint lsp                  run the language server (for editors)

    Chinese by default; --lang en for English.
    """


@main.command(cls=LocalisedCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output-format", "--format", "output_format", default="full", show_default=True,
              type=click.Choice([*FORMATTERS, *ALIASES]),
              help="full: each finding with its source line, the span marked; concise: one line per finding; "
                   "json: the stable contract for editors and scripts; sarif: SARIF 2.1.0 for code scanning; "
                   "github: GitHub Actions annotations; html: one self-contained page with the drafts and their "
                   "findings marked. (text = full.)")
@click.option("--statistics", is_flag=True,
              help="Count the findings per rule (instead of listing them in text output; beside them in json).")
@click.option("-j", "--jobs", type=WholeNumber(min=0), default=1, show_default=True, metavar="N",
              help="Check files in N processes (0: one per core); the output is the same as with -j 1.")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(),
              help="An extra YAML rule pack (repeatable).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that makes the exit code 1 (default: the configuration's fail_on, else warning).")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output: auto colours on a terminal unless $NO_COLOR is set ($FORCE_COLOR "
                   "colours anyway).")
@click.option("--no-color", "no_color", is_flag=True, hidden=True, help="Same as --color never.")
@click.option("--select", "select", multiple=True, metavar="RULES",
              help="Check only these rules: names or code prefixes (RL1, placeholder), comma-separated or "
                   "repeated; wins over the configuration.")
@click.option("--ignore", "ignore", multiple=True, metavar="RULES",
              help="Switch these rules off (names or code prefixes), on top of the configuration.")
@click.option("--extend-select", "extend_select", multiple=True, metavar="RULES",
              help="Switch these rules on besides those the configuration (or --select) chooses.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (errors still exit 2).")
@click.option("-q", "--quiet", is_flag=True,
              help="Print only the findings: no summary line, no progress, no fix summary.")
@click.option("--stdin-filename", default=None, metavar="NAME",
              help="The name of the draft read from - (standard input): it decides Markdown (.md) and which "
                   "configuration applies, and names the findings.")
@click.option("-o", "--output-file", default=None, type=click.Path(), metavar="FILE",
              help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--genre", default=None, metavar="GENRE",
              help="The drafts' genre: a name or id that `reportlint genres` lists (述职报告, shuzhi…); "
                   "default: read from each draft's title.")
@click.option("--config", "config_file", default=None, type=click.Path(), metavar="FILE",
              help="Use this configuration (.reportlint.yaml or pyproject.toml) for every draft, "
                   "instead of the nearest one above each.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--force-exclude", is_flag=True,
              help="Leave out files the configuration excludes even when named on the command line "
                   "(as pre-commit names them).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes in place, then report what remains.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: also the fixes that may change meaning.")
@click.option("--baseline", "baseline_file", default=None, type=click.Path(), metavar="FILE",
              help="Report only findings this baseline does not record (instead of the configuration's baseline).")
@click.option("--write-baseline", default=None, type=click.Path(), metavar="FILE",
              help="Record every current finding in FILE (a new baseline; configured baselines are ignored).")
@click.option("--baseline-prune", is_flag=True,
              help="Remove from the baseline the entries that no longer match a finding, and list them.")
@MAX_FILE_SIZE_OPTION
def check(paths: tuple[str, ...], output_format: str, statistics: bool, jobs: int, rule_files: tuple[str, ...],
          fail_on: Optional[str], color: str, no_color: bool, select: tuple[str, ...], ignore: tuple[str, ...],
          extend_select: tuple[str, ...], exit_zero: bool, quiet: bool, stdin_filename: Optional[str],
          output_file: Optional[str], genre: Optional[str], config_file: Optional[str],
          isolated: bool, force_exclude: bool, fix: bool, diff: bool, unsafe_fixes: bool,
          max_file_size: Optional[int], baseline_file: Optional[str], write_baseline: Optional[str],
          baseline_prune: bool) -> None:
    """Check drafts: files (.txt, .md, .docx), directories (their *.txt, *.md and *.docx),
    or - for stdin.

    Each draft is checked with the nearest .reportlint.yaml (or pyproject.toml
    with [tool.reportlint]) above it, up to the repository root. A finding is
    silenced where it stands by a <!-- reportlint-disable-next-line RULE -->
    line, or accepted once in a baseline (--write-baseline, --baseline).

    \b
    Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 a usage,
    configuration or input error (a file that could not be read, reported in
    one line on stderr while the other files are still checked) or an
    internal error (a rule that crashed on a draft).
    """
    if unsafe_fixes and not (fix or diff):
        fail(say("error.unsafe_fixes"))
    if write_baseline and (baseline_file or baseline_prune):
        fail(say("error.write_baseline_alone"))
    output_format = ALIASES.get(output_format, output_format)
    resolver = make_resolver(config_file, isolated, rule_files, genre, baseline_file, not write_baseline)
    limit = size_limit(max_file_size)
    for target in (write_baseline, output_file):
        if target:
            writable(target)  # a device, a directory, a missing folder: refused before the run
    files = input_paths(paths, resolver, force_exclude)
    if stdin_filename and "-" not in files:
        fail(say("error.stdin_filename"))
    selection = RuleSelection(split_selectors(select), split_selectors(ignore), split_selectors(extend_select))
    # every configuration error before any output; standard input takes the configuration of its --stdin-filename
    configs = [selection.apply(config_for(resolver, stdin_filename if path == "-" and stdin_filename else path),
                               stdin_filename if path == "-" and stdin_filename else path) for path in files]
    if baseline_prune and not any(config.baseline for config in configs):
        fail(say("error.prune_without_baseline"))
    kept: list[FileResult] = []  # for the baseline: paths and findings, not documents
    use_color = wants_color("never" if no_color else color, output_file is None and sys.stdout.isatty())
    formatter = FORMATTERS[output_format](RunInfo(rules=rules_of(configs), color=use_color, statistics=statistics))
    if statistics and not formatter.statistics:
        fail(say("error.statistics", format=output_format))
    progress = Progress(sys.stderr, len(files),
                        enabled=len(files) > 1 and not formatter.machine and not quiet and sys.stderr.isatty())
    tally = Tally()

    if fix or diff:
        from .fixing import FixRun  # only --fix and --diff rewrite drafts
    fixing = FixRun(unsafe_fixes, write=not diff, max_size=limit, stdin_name=stdin_filename) if fix or diff else None
    results = fixing.results(files, configs) if fixing else lint_files(files, configs, jobs, limit,
                                                                       stdin_name=stdin_filename)
    # --diff prints the diff instead of the report; --write-baseline prints only what it wrote
    report = formatter if not (diff or write_baseline) else None

    failing = False
    with ReportSink(output_file, use_color, progress) as sink:
        sink.write(report.begin() if report else "")
        for done, (result, config) in enumerate(zip(results, configs), 1):
            tally.add(result)
            failing = failing or fails(result, fail_on or config.fail_on or "warning")
            if result.error is not None:
                progress.clear()
                click.echo(f"reportlint: {terminal_name(messages.localise(result.error.message))}", err=True)
            for part in report.parts(result) if report else (fixing.latest_diff() if fixing else "",):
                sink.write(part)
            sink.flush()
            progress.show(done, result.path)
            if write_baseline or baseline_prune:
                kept.append(replace(result, document=None, facts=None, lines=result.lines if write_baseline else ()))
            del result  # the next file's result is built with this one's findings gone
        progress.clear()
        quiet_text = quiet and not formatter.machine  # -q: the findings only, no summary line
        sink.write(report.end(tally) if report and not quiet_text else "")
    if fixing and not quiet:
        click.echo(fixing.summary(), err=True)
    if write_baseline:
        written = Baseline.of_results(write_baseline, kept)
        try:
            written.write()
        except WriteError as error:
            fail(str(error))
        click.echo(f"reportlint: {say('baseline.wrote', n=written.size, files=len(written.files), path=write_baseline)}",
                   err=True)
        sys.exit(EXIT_ERROR if tally.unreadable or tally.internal_errors else EXIT_CLEAN)
    if baseline_prune:
        try:
            report_lines = prune_baselines(kept, [config.baseline for config in configs])
        except WriteError as error:
            fail(str(error))
        for line in report_lines:
            click.echo(f"reportlint: {messages.localise(line)}", err=True)
    if tally.unreadable or tally.internal_errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def split_selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select a,b --select RL3`` -> (a, b, RL3)."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


class RuleSelection:
    """--select, --ignore and --extend-select: applied to each file's
    configuration last, so they win over every configuration file (as ruff's do)."""

    def __init__(self, select: tuple[str, ...], ignore: tuple[str, ...], extend: tuple[str, ...]):
        self.select, self.ignore, self.extend = select, ignore, extend
        self._done: dict[int, Config] = {}

    def apply(self, config: Config, path: str) -> Config:
        if not (self.select or self.ignore or self.extend):
            return config
        config = config.for_path(path)  # the per-file overrides first; the flags win over them
        if id(config) not in self._done:
            try:
                chosen = config.with_overrides(select=[*self.select, *self.extend] if self.select else None,
                                               ignore=list(self.ignore) or None,
                                               rules={selector: "on" for selector in self.extend}
                                               if self.extend and not self.select else None,
                                               overrides=())
            except ConfigError as error:
                fail(say("error.option", option="--select/--ignore/--extend-select",
                         error=messages.localise(str(error)).partition(": ")[2] or messages.localise(str(error))))
            self._done[id(config)] = (config, chosen)
        return self._done[id(config)][1]


def wants_color(choice: str, terminal: bool) -> bool:
    """--color always|never wins; auto: $NO_COLOR (set, not empty) turns colour
    off, $FORCE_COLOR turns it on, else colour only on a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return terminal


class ReportSink:
    """Where the report goes, as the formatter gives it piece by piece:
    standard output, or ``--output-file`` through the one writer of the package
    (checker/read/safe_files.py: streamed into a temporary file, put in place
    when the run ends, a special or read-only target refused). Pieces are
    gathered into chunks of about 64 KB, and written at least after each file;
    the report is never held whole."""

    CHUNK = 64 * 1024

    def __init__(self, path: Optional[str], color: bool, progress: Progress):
        self.path, self.color, self.progress = path, color, progress
        self.pending: list[str] = []
        self.size = 0
        self.file: Optional[AtomicWriter] = None
        if path:
            try:
                self.file = AtomicWriter(path)
            except WriteError as error:
                fail(str(error))

    def write(self, text: str) -> None:
        if text:
            self.pending.append(text)
            self.size += len(text)
            if self.size >= self.CHUNK:
                self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending, self.size = [], 0
        if self.file is not None:
            try:
                self.file.write(data_text(text).encode("utf-8"))
            except WriteError as error:  # a full disk: one line, and the temporary file goes
                fail(str(error))
        else:
            self.progress.clear()
            click.echo(text, nl=False, color=self.color)

    def __enter__(self) -> "ReportSink":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        try:
            if kind is None:
                self.flush()
        finally:
            if self.file is not None:
                try:
                    self.file.__exit__(kind, value, traceback)
                except WriteError as error:
                    fail(str(error))


@main.command(cls=LocalisedCommand)
@click.argument("path", type=click.Path())
@click.option("-o", "--output", default=None, type=click.Path(), metavar="PATH",
              help="Write the review copy here (default: DRAFT.reportlint.docx beside the draft).")
@click.option("--fix", is_flag=True,
              help="Write each safe fix as a tracked change (w:del + w:ins), to accept or reject one by one.")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix: the fixes that may change meaning become tracked changes too.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line saying what was written; json: the findings, as check --format json.")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(),
              help="An extra YAML rule pack (repeatable), as for check.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that makes the exit code 1, as for check.")
@click.option("--genre", default=None, metavar="GENRE", help="The draft's genre, as for check (`reportlint genres`).")
@click.option("--config", "config_file", default=None, type=click.Path(), metavar="FILE",
              help="Use this configuration file, as for check.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--baseline", "baseline_file", default=None, type=click.Path(), metavar="FILE",
              help="Comment only the findings this baseline does not record, as for check.")
@MAX_FILE_SIZE_OPTION
def annotate(path: str, output: Optional[str], fix: bool, unsafe_fixes: bool, output_format: str,
             rule_files: tuple[str, ...], fail_on: Optional[str], genre: Optional[str], config_file: Optional[str],
             isolated: bool, baseline_file: Optional[str], max_file_size: Optional[int]) -> None:
    """Write a review copy of a Word draft (.docx); the draft is left as it is.

    \b
    Each finding is a comment (author reportlint) on its words: the message, the
    rule's name and code, the fix if there is one; a comment on the title counts
    them. With --fix each safe fix is a tracked change, and accepting them all
    gives what check --fix gives; --unsafe-fixes adds the fixes that may change
    meaning. Configuration, suppression comments, baseline and exit code as check.

    \b
    reportlint annotate report.docx              writes report.reportlint.docx
    reportlint annotate report.docx --fix -o review.docx
    """
    from .annotating import annotate_path  # python-docx's writer loads only for this command

    if unsafe_fixes and not fix:
        fail(say("annotate.unsafe_alone"))
    resolver = make_resolver(config_file, isolated, rule_files, genre, baseline_file)
    limit = size_limit(max_file_size)
    config = config_for(resolver, path)
    try:
        done = annotate_path(path, config, output, fix, unsafe_fixes, limit)
    except InputError as error:
        fail(str(error))
    if output_format == "json":
        formatter = FORMATTERS["json"](RunInfo(rules=rules_of([config])))
        tally = Tally()
        tally.add(done.result)
        click.echo(formatter.begin() + formatter.file(done.result) + formatter.end(tally), nl=False)
    else:
        changes = messages.count("annotate.wrote_changes", done.changes) if fix else ""
        skipped = messages.count("annotate.skipped", done.skipped) if done.skipped else ""
        wrote = messages.count("annotate.wrote", len(done.findings), path=done.output)
        click.echo(f"reportlint: {wrote}{changes}{skipped}")
    if any(d.rule == INTERNAL_ERROR.name for d in done.result.diagnostics):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if fails(done.result, fail_on or config.fail_on or "warning") else EXIT_CLEAN)


@main.command(cls=LocalisedCommand)
def lsp() -> None:
    """Run the language server for editors (LSP over standard input and output)."""
    from .lsp import serve  # pygls only loads for this command: the CLI starts as fast without it

    serve()


@main.command(cls=LocalisedCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output-format", "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for people, json for scripts (--format: the same option's old name).")
@click.option("--genre", default=None, metavar="GENRE", help="The drafts' genre, as for check (`reportlint genres`).")
@click.option("--config", "config_file", default=None, type=click.Path(), metavar="FILE",
              help="Use this configuration for every draft (its genre packs, genre), as for check.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@MAX_FILE_SIZE_OPTION
def outline(paths: tuple[str, ...], output_format: str, genre: Optional[str], config_file: Optional[str],
            isolated: bool, max_file_size: Optional[int]) -> None:
    """Show the outline the linter understood: genre, title, headings, enumerations; and the facts of the draft the consistency rules judge."""
    if genre is not None:
        try:
            find_genre(genre)
        except UnknownGenre as error:
            fail(say("error.option", option="--genre", error=messages.localise(str(error))))
    documents, genres, found = [], [], []  # found: the facts of each draft (api.draft_facts)
    errors: list[str] = []
    limit = size_limit(max_file_size)
    resolver = make_resolver(config_file, isolated, (), genre, with_baselines=False)
    for path in input_paths(paths):
        config = config_for(resolver, path)
        try:
            document, facts = analyse_source(read_source(path, limit), config)
        except InputError as error:
            errors.append(str(error))  # the other files are still shown
            continue
        documents.append(document)
        genres.append(facts.genre.name)
        found.append(draft_facts(facts))
    from .formats.outline_format import render_json as render_outline_json
    from .formats.outline_format import render_text as render_outline_text

    if output_format == "json":
        click.echo(render_outline_json(documents, genres, found), nl=False)
    else:
        click.echo("\n".join(render_outline_text(d, g, f) for d, g, f in zip(documents, genres, found)), nl=False)
    for error in errors:
        click.echo(f"reportlint: {messages.localise(error)}", err=True)
    return EXIT_ERROR if errors else EXIT_CLEAN


@main.command(cls=LocalisedCommand)
@click.option("--config", "config_file", default=None, type=click.Path(), metavar="FILE",
              help="List the genres this configuration knows (with its genre_packs).")
@click.option("--isolated", is_flag=True, help="List the built-in genres only, ignoring all configuration files.")
def genres(config_file: Optional[str], isolated: bool) -> None:
    """List every genre --genre accepts: its id, its names, and its parts
    (required ones marked *)."""
    config = config_for(make_resolver(config_file, isolated, (), None, with_baselines=False), "-")
    click.echo(say("genres.header"))
    for pack in sorted(config.genres, key=lambda pack: pack.genre):
        parts = "、".join(f"{section.name}{'*' if section.required else ''}" for section in pack.sections)
        click.echo(f"{pack.genre:<11} {'、'.join(pack.names)}：{parts or say('genres.none_required')}")


@main.command(cls=LocalisedCommand)
@click.option("--rules", "rule_files", multiple=True, type=click.Path(), help="An extra YAML rule pack (repeatable).")
@click.option("--markdown", is_flag=True,
              help="Print the full rule reference in Markdown (docs/rules.md): built-in defaults, no configuration.")
@click.option("--config", "config_file", default=None, type=click.Path(), metavar="FILE",
              help="List the rules as this configuration sets them (default: the one found from here).")
@click.option("--isolated", is_flag=True, help="List the built-in defaults, ignoring all configuration files.")
def rules(rule_files: tuple[str, ...], markdown: bool, config_file: Optional[str], isolated: bool) -> None:
    """List the rules: code, name, severity (as the configuration found from
    the working folder sets it; off where it is switched off), what each finds."""
    from .rulesdoc import full_reference, summary

    if markdown:
        config = load_config(rule_files)
        click.echo(full_reference(config.rules), nl=False)
        return
    config = config_for(make_resolver(config_file, isolated, rule_files, None, with_baselines=False), "-")
    for rule in sorted(config.rules, key=lambda rule: (rule.code, rule.name)):
        severity = messages.severity(rule.severity if rule.enabled else "off")
        click.echo(f"{rule.code}  {rule.name:<22} {severity:<8} {messages.rule_summary(rule.name, summary(rule))}")


@main.command(cls=LocalisedCommand)
@click.argument("rule")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(), help="An extra YAML rule pack (repeatable).")
@click.option("-v", "--verbose", is_flag=True, help="Also show the rule's options (its regular expressions, word lists).")
def explain(rule: str, rule_files: tuple[str, ...], verbose: bool) -> None:
    """Explain one rule (by name or code, e.g. placeholder or RL101): what it
    finds, its type, severity, fix and options, and its examples."""
    from .explain import find_rule, render_explanation

    config = load_config(rule_files)
    found = find_rule((*config.rules, *ENGINE_RULES), rule)
    if found is None:
        fail(say("error.unknown_rule", rule=rule))
    click.echo(render_explanation(found, verbose), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
