"""The ``reportlint`` command: parse arguments, call the API, pick the exit code.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings; 2 usage, input
or configuration error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import sys
from typing import NoReturn, Optional

import click

from . import __version__
from .api import Config, FileResult, UnknownGenre, lint_source
from .formats import FORMATTERS
from .formats.outline_format import render_json as render_outline_json
from .formats.outline_format import render_text as render_outline_text
from .genres import builtin_genres, find_genre
from .model import SEVERITIES, severity_rank
from .outline import parse_document
from .reading import InputError, expand_paths, read_source
from .ruleset import RuleFileError
from .rulesdoc import render_reference

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class DefaultCommandGroup(click.Group):
    """``reportlint FILE…`` means ``reportlint check FILE…``."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # No arguments at all also goes to ``check``, which says "no input" in one line.
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def main(self, *args, **kwargs):
        """Usage errors (unknown option, bad choice…) in one line on stderr,
        exit 2, like every other error; click's own handling prints several."""
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.Abort:  # Ctrl-C: not "findings" (1), so the shell's 130
            click.echo("reportlint: interrupted", err=True)
            sys.exit(130)
        except click.ClickException as error:
            fail(f"{error.format_message().rstrip('.')} (see reportlint --help)")
        sys.exit(result if isinstance(result, int) else EXIT_CLEAN)


def fail(message: str) -> NoReturn:
    click.echo(f"reportlint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def load_config(rule_files: tuple[str, ...], genre: Optional[str] = None) -> Config:
    try:
        return Config.load(rule_files, genre=genre)
    except RuleFileError as error:
        fail(f"invalid rules: {error}")
    except UnknownGenre as error:
        fail(f"--genre: {error}")


def input_paths(paths: tuple[str, ...]) -> list[str]:
    if not paths:
        fail("no input: give one or more files or directories, or - for standard input")
    found: list[str] = []
    for path in paths:
        try:
            found.extend(expand_paths([path]))
        except InputError:
            found.append(path)  # a missing file: read_source reports it beside the readable ones
    if not found:
        fail(f"no .txt, .md or .docx files found in {', '.join(paths)}")
    return found


@click.group(cls=DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def main() -> None:
    """Lint Chinese official report drafts (工作报告、述职报告、自查报告…).

    \b
    reportlint draft.txt            check a file (same as: reportlint check draft.txt)
    reportlint outline draft.txt    show the outline the linter understood
    reportlint rules                list the rules
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text",
              show_default=True, help="Output format; json is the stable contract for editors.")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(),
              help="An extra YAML rule pack (repeatable).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: only on a terminal).")
@click.option("--genre", default=None, metavar="GENRE",
              help="The drafts' genre (述职报告, 自查报告, 工作汇报, 工作报告, 情况报告, 工作总结, 各类报告, or an id "
                   "such as shuzhi); default: read from each draft's title.")
def check(paths: tuple[str, ...], output_format: str, rule_files: tuple[str, ...], fail_on: str,
          color: Optional[bool], genre: Optional[str]) -> None:
    """Check drafts: files (.txt, .md, .docx), directories (their *.txt, *.md and *.docx), or - for stdin."""
    config = load_config(rule_files, genre)
    results: list[FileResult] = []
    errors: list[str] = []
    for path in input_paths(paths):
        try:
            results.append(lint_source(read_source(path), config))
        except InputError as error:
            errors.append(str(error))
    use_color = sys.stdout.isatty() if color is None else color
    click.echo(FORMATTERS[output_format](results, use_color, len(errors)), nl=False, color=use_color)
    for error in errors:
        click.echo(f"reportlint: {error}", err=True)
    if errors:
        sys.exit(EXIT_ERROR)
    threshold = severity_rank(fail_on)
    failing = any(severity_rank(d.severity) >= threshold for r in results for d in r.diagnostics)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--genre", default=None, metavar="GENRE", help="The drafts' genre, as for check.")
def outline(paths: tuple[str, ...], output_format: str, genre: Optional[str]) -> None:
    """Show the outline the linter understood: genre, title, headings, enumerations."""
    if genre is not None:
        try:
            find_genre(genre)
        except UnknownGenre as error:
            fail(f"--genre: {error}")
    documents = []
    for path in input_paths(paths):
        try:
            documents.append(parse_document(read_source(path)))
        except InputError as error:
            fail(str(error))
        documents[-1].genre = genre
    genres = [document.facts.genre.name for document in documents]
    if output_format == "json":
        click.echo(render_outline_json(documents, genres), nl=False)
    else:
        click.echo("\n".join(render_outline_text(d, g) for d, g in zip(documents, genres)), nl=False)


@main.command()
@click.option("--rules", "rule_files", multiple=True, type=click.Path(), help="An extra YAML rule pack (repeatable).")
@click.option("--markdown", is_flag=True, help="Print the full rule reference in Markdown (docs/rules.md).")
def rules(rule_files: tuple[str, ...], markdown: bool) -> None:
    """List the rules: name, code, default severity, what each finds."""
    config = load_config(rule_files)
    if markdown:
        click.echo(render_reference(config.rules, builtin_genres()), nl=False)
        return
    for rule in config.rules:
        summary = " ".join(rule.description.split()).split(": ")[0].split(". ")[0]
        click.echo(f"{rule.code}  {rule.name:<22} {rule.severity:<8} {summary}")


if __name__ == "__main__":  # pragma: no cover
    main()
