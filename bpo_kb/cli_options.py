"""What the ``bpo-kb`` commands share: their options (each defined once, as a decorator, with its
choices from the library's registries) and the translation of library errors into one line and
an exit code."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import click

from bpo_kb.errors import BpoKbError, InvalidVocabulary
from bpo_kb.formats.registry import FORMATS
from bpo_kb.process import Terminated, stopping_on_sigterm
from bpo_kb.progress import Progress
from bpo_kb.query import OUTPUT_FORMATS
from bpo_kb.rdf.checks import is_absolute_iri, is_language_tag
from bpo_kb.rdf.read import INPUT_FORMATS
from bpo_kb.resources import DEFAULT_EXPORTS_DIR, DEFAULT_ONTOLOGY_DIR
from bpo_kb.rules.report import FAIL_LEVELS, REPORT_FORMATS
from bpo_kb.rules.validation import DEFAULT_REQUIRED_LANGUAGES, ENGINES, PROFILES

F = TypeVar("F", bound=Callable[..., object])
SIGTERM_EXIT = 143  # 128 + SIGTERM, as a shell reports it


class CliError(click.ClickException):
    """A library error shown as its own one-line message, with the library's exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn a library error into one line on stderr and its exit code; never a traceback."""
    try:
        with stopping_on_sigterm():
            yield
    except Terminated:
        message = "stopped by SIGTERM; files being written were removed, earlier ones are intact"
        raise CliError(message, SIGTERM_EXIT) from None
    except InvalidVocabulary as err:
        for finding in err.report.findings:  # type: ignore[attr-defined]
            click.echo(finding.as_line(), err=True)
        raise CliError(err.report.summary(), 1) from None
    except BpoKbError as err:
        raise CliError(str(err), err.exit_code) from None
    except MemoryError:
        raise CliError("not enough memory for this vocabulary; nothing was written", 1) from None


@contextmanager
def reporting(quiet: bool) -> Iterator[Progress]:
    """:func:`library_errors`, with a progress line on stderr (see :mod:`bpo_kb.progress`)
    that is cleared when the work ends, however it ends."""
    progress = Progress(quiet=quiet)
    try:
        with library_errors():
            yield progress
    finally:
        progress.done()


# --- Options shared by several commands ------------------------------------------------------


def _languages(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    languages = tuple(part.strip() for part in value.split(",") if part.strip())
    if not languages:
        raise click.BadParameter("give at least one language, e.g. fr,en")
    return languages


def _language(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not is_language_tag(value):
        raise click.BadParameter(f"{value!r} is not a BCP 47 language tag such as fr or en")
    return value


def _base(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from bpo_kb.skos.rebase import valid_base

    if value is not None and not valid_base(value):
        raise click.BadParameter(f"{value!r} is not an absolute http(s) IRI ending with / or #")
    return value


def graph_iri(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    if not is_absolute_iri(value):
        raise click.BadParameter(f"{value!r} is not an absolute IRI")
    return value


def lang_option(default: str | None, help_text: str) -> Callable[[F], F]:
    """``--lang``: one language tag."""
    return click.option(
        "--lang",
        "language",
        default=default,
        show_default=default is not None,
        callback=_language,
        help=help_text,
    )


ONTOLOGY_OPTION = click.option(
    "--ontology",
    type=click.Path(exists=True, path_type=Path),
    default=DEFAULT_ONTOLOGY_DIR,
    show_default="the glossary's ontology/",
    help="Folder (or file) of the vocabulary source.",
)
TEXT_OR_JSON_OPTION = click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="text for people, json for tools.",
)
QUIET_OPTION = click.option(
    "-q", "--quiet", is_flag=True, help="No progress line on stderr (none is shown in pipes)."
)
REQUIRE_LANG_OPTION = click.option(
    "--require-lang",
    "required_languages",
    default=",".join(DEFAULT_REQUIRED_LANGUAGES),
    show_default=True,
    callback=_languages,
    help="Languages every concept needs a prefLabel and a definition in (comma-separated).",
)
BASE_OPTION = click.option(
    "--base",
    default=None,
    callback=_base,
    help="Publish under this namespace: every bpo: IRI (https://w3id.org/bpo-kb/...) is "
    "rewritten to start with it instead.",
)
INPUT_FORMAT_OPTION = click.option(
    "--input-format",
    type=click.Choice(sorted(set(INPUT_FORMATS.values()))),
    default=None,
    help="Parser for every FILE (default: by file extension).",
)
OUTPUT_TTL_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Turtle file to write (atomically; nothing is written on error).",
)


def _parameters(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> dict[str, object]:
    from bpo_kb.query import parse_parameter

    parsed = {}
    for value in values:
        name, equals, raw = value.partition("=")
        if not equals or not name:
            raise click.BadParameter(f"{value!r}: write NAME=VALUE, e.g. concept=bpo:payroll")
        try:
            parsed[name] = parse_parameter(raw)
        except BpoKbError as err:
            raise click.BadParameter(str(err)) from None
    return parsed


# --- Options of one command each -----------------------------------------------------------

OUT_DIR_OPTION = click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_EXPORTS_DIR,
    show_default=True,
    help="Folder the exports are written to.",
)
EXPORT_FORMAT_OPTION = click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    required=True,
    help="Export format.",
)
EXPORT_OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write ('-' for standard output; a folder for html). "
    "Default: the format's file in exports/ (exports/html/ for html).",
)
INCLUDE_HIDDEN_OPTION = click.option(
    "--include-hidden",
    is_flag=True,
    help="tbx: also export hidden labels, as deprecatedTerm-admn-sts terms.",
)
PROFILE_OPTION = click.option(
    "--profile",
    type=click.Choice(list(PROFILES)),
    default=None,
    help="Rule set: skos (any vocabulary) or bpo (adds bpo-kb's house rules). "
    "Default: skos for FILES, bpo for the glossary.",
)
REPORT_FORMAT_OPTION = click.option(
    "--format",
    "report_format",
    type=click.Choice(list(REPORT_FORMATS)),
    default="text",
    show_default=True,
    help="text (one line per finding), json (a list of findings), turtle (SHACL report) or "
    "summary (one line per rule: how many findings, and the first as an example).",
)
ENGINE_OPTION = click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default="auto",
    show_default=True,
    help="; ".join(f"{name}: {what}" for name, what in ENGINES.items()) + ".",
)
FAIL_ON_OPTION = click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_LEVELS)),
    default="violation",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
STORE_OPTION = click.option(
    "--store",
    "store_url",
    required=True,
    help="Graph Store Protocol endpoint, e.g. http://localhost:7878/store.",
)
GRAPH_OPTION = click.option(
    "--graph",
    "graph_iri",
    required=True,
    callback=graph_iri,
    help="IRI of the named graph to replace (or append to).",
)
COUNT_ENDPOINT_OPTION = click.option(
    "--sparql",
    "sparql_url",
    default=None,
    help="SPARQL query endpoint used to count the published triples.",
)
APPEND_OPTION = click.option(
    "--append", is_flag=True, help="POST (add to the graph) instead of PUT (replace it)."
)
QUERY_ENDPOINT_OPTION = click.option(
    "--sparql",
    "endpoint",
    default=None,
    help="Remote SPARQL endpoint (default: in process over the built glossary).",
)
QUERY_FORMAT_OPTION = click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)
PARAM_OPTION = click.option(
    "--param",
    "parameters",
    multiple=True,
    callback=_parameters,
    help="Bind a variable: NAME=VALUE (an IRI, prefix:local, or text[@lang]).",
)
LIST_QUERIES_OPTION = click.option(
    "--list", "list_queries", is_flag=True, help="List the named queries and exit."
)
TBX_BASE_OPTION = click.option(
    "--base",
    default=None,
    callback=_base,
    help="Namespace for the entries without an http(s) IRI, and for the scheme (required "
    "when an entry has none).",
)
SSSOM_OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="SSSOM table to write.",
)
