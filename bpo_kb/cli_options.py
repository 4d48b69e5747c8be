"""What the ``bpo-kb`` commands share: their options (each defined once, as a decorator, with its
choices from the library's registries) and the translation of library errors into one line and
an exit code."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from bpo_kb.errors import BpoKbError, InvalidVocabulary
from bpo_kb.files import is_stdio, read_stdin_to_file, remove_stdin_file, stdin_named
from bpo_kb.formats.registry import FORMATS
from bpo_kb.process import Terminated, stopping_on_sigterm
from bpo_kb.progress import Progress
from bpo_kb.query import OUTPUT_FORMATS, QUERY_PREFIXES
from bpo_kb.rdf.checks import is_absolute_iri, is_language_tag
from bpo_kb.rdf.read import INPUT_FORMATS, sniffed_suffix
from bpo_kb.remote.http import Limits, remote_limits
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
        raise CliError(str(err), 1) from None
    except BpoKbError as err:
        raise CliError(stdin_named(str(err)), err.exit_code) from None
    except MemoryError:
        raise CliError("not enough memory for this vocabulary; nothing was written", 1) from None


# --- Input and output paths -----------------------------------------------------------------


class InputPath(click.Path):
    """A file or folder that exists, or "-": standard input, copied to a temporary file that
    the readers take like any other (its syntax sniffed, see :func:`sniffed_suffix`) and that
    is removed when the command ends."""

    def __init__(self, *, dir_okay: bool = True) -> None:
        super().__init__(exists=True, dir_okay=dir_okay, allow_dash=True, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not is_stdio(str(value)):
            return super().convert(value, param, ctx)
        root = ctx.find_root() if ctx is not None else None
        if root is not None and root.meta.get("bpo_kb.stdin"):
            self.fail("standard input ('-') can be read only once", param, ctx)
        try:
            path = read_stdin_to_file(sys.stdin.buffer, sniffed_suffix)
        except BpoKbError as err:
            self.fail(str(err), param, ctx)
        if root is not None:
            root.meta["bpo_kb.stdin"] = path
            root.call_on_close(lambda: remove_stdin_file(path))
        return path


# An output file, or "-" for standard output; checked by the library (one line, exit 2).
OUTPUT_PATH = click.Path(path_type=Path, allow_dash=True)
INPUT_FILE = InputPath(dir_okay=False)
INPUT_FILE_OR_FOLDER = InputPath()


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


def _languages(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    if value is None:
        return None
    languages = tuple(part.strip() for part in value.split(",") if part.strip())
    if not languages:
        raise click.BadParameter("give at least one language, e.g. fr,en")
    for language in languages:
        if not is_language_tag(language):
            raise click.BadParameter(f"{language!r} is not a BCP 47 language tag such as fr")
    return languages


def _codes(_ctx: click.Context, _param: click.Parameter, value: str | None) -> frozenset[str]:
    return frozenset(part.strip() for part in (value or "").split(",") if part.strip())


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
    type=INPUT_FILE_OR_FOLDER,
    default=DEFAULT_ONTOLOGY_DIR,
    show_default="the glossary's ontology/",
    help="Folder (or file, or '-' for standard input) of the vocabulary source.",
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
    default=None,
    show_default=",".join(DEFAULT_REQUIRED_LANGUAGES),
    callback=_languages,
    help="Languages every concept needs a prefLabel (and, unless --require-definition-lang "
    "says otherwise, a definition) in, comma-separated. build and export make the site's "
    "pages in these; without the option, in every language of the data.",
)
PROFILE_OPTION = click.option(
    "--profile",
    type=click.Choice(list(PROFILES)),
    default=None,
    help="Rule set: skos (any vocabulary) or bpo (adds bpo-kb's house rules). "
    "Default: bpo for the glossary, skos for other files.",
)
FAIL_ON_OPTION = click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_LEVELS)),
    default="violation",
    show_default=True,
    help="Lowest severity that fails (exit 1; build and export then write nothing); "
    "never: report the findings and go on.",
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
    help="Parser for every FILE (default: by file extension; '-', standard input, is sniffed: "
    "RDF/XML, JSON-LD, else Turtle).",
)
OUTPUT_TTL_OPTION = click.option(
    "-o",
    "--output",
    type=OUTPUT_PATH,
    required=True,
    help="Turtle file to write (atomically; nothing is written on error); '-': standard output.",
)


def _parameters(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for value in values:
        name, equals, raw = value.partition("=")
        if not equals or not name:
            raise click.BadParameter(f"{value!r}: write NAME=VALUE, e.g. concept=bpo:payroll")
        if name in parsed:
            raise click.BadParameter(f"{name} is given twice")
        parsed[name] = raw
    return parsed


def _optional_graph_iri(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    return None if value is None else graph_iri(ctx, param, value)


# --- Options of one command each -----------------------------------------------------------

OUT_DIR_OPTION = click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_EXPORTS_DIR,
    show_default=True,
    help="Folder the exports are written to.",
)
EXPORT_FORMAT_OPTION = click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    required=True,
    help="Export format: "
    + "; ".join(
        f"{name}, {f.description} ({f.filename}, {f.media_type})" for name, f in FORMATS.items()
    )
    + ".",
)
EXPORT_OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=OUTPUT_PATH,
    default=None,
    help="File to write ('-' for standard output; a folder for html). "
    "Default: the format's file in exports/ (exports/html/ for html).",
)
INCLUDE_HIDDEN_OPTION = click.option(
    "--include-hidden",
    is_flag=True,
    help="tbx: also export hidden labels, as deprecatedTerm-admn-sts terms.",
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
    default=None,
    help="table, csv or json for SELECT and ASK (default: table); turtle or json (JSON-LD) for "
    "CONSTRUCT and DESCRIBE (default: turtle).",
)
QUERY_GRAPH_OPTION = click.option(
    "--graph",
    "graph_iri",
    default=None,
    callback=_optional_graph_iri,
    help="Query this named graph: of the remote store with --sparql (default-graph-uri), else "
    "of an N-Quads or TriG --ontology file. Default: the default graph (in process, all graphs "
    "merged).",
)
VALIDATE_ENDPOINT_OPTION = click.option(
    "--sparql",
    "endpoint",
    default=None,
    metavar="QUERY_URL",
    help="Validate the vocabulary a SPARQL 1.1 endpoint holds, in the store (read only), "
    "instead of files.",
)
VALIDATE_GRAPH_OPTION = click.option(
    "--graph",
    "graph_iri",
    default=None,
    callback=_optional_graph_iri,
    metavar="IRI",
    help="With --sparql: validate this named graph (sent as default-graph-uri). Default: the "
    "store's default graph.",
)
VALIDATE_STORE_OPTION = click.option(
    "--store",
    "store_url",
    default=None,
    metavar="GSP_URL",
    help="With --sparql and --graph: a Graph Store Protocol endpoint that may be written; what "
    "validation adds goes to a temporary graph there, removed at the end (faster on large "
    "vocabularies). Without it, the store is only read.",
)
PARAM_OPTION = click.option(
    "--param",
    "parameters",
    multiple=True,
    callback=_parameters,
    help="Bind a variable: NAME=VALUE. A named query says which it needs (--list); concept= "
    "takes an IRI, prefix:local, slug or label; other values an IRI or text[@lang].",
)
QUERY_EPILOG = "\b\nPredeclared prefixes (a PREFIX in the query wins):\n" + "\n".join(
    f"  {prefix}: <{namespace}>" for prefix, namespace in QUERY_PREFIXES.items()
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
    type=OUTPUT_PATH,
    required=True,
    help="SSSOM table to write ('-' for standard output).",
)
ENCODING_OPTION = click.option(
    "--encoding",
    default=None,
    help="Text encoding of FILE, e.g. latin-1, cp1252 or utf-16 (default: UTF-8, with or "
    "without a byte order mark).",
)
DEFINITION_LANG_OPTION = click.option(
    "--require-definition-lang",
    "definition_languages",
    default=None,
    callback=_languages,
    help="Languages every concept needs a definition in (default: those of --require-lang).",
)
MISSING_DEFINITIONS_OPTION = click.option(
    "--missing-definitions",
    type=click.Choice(("violation", "warning")),
    default=None,
    help="How a missing definition is reported (default: violation with the bpo profile, "
    "warning with skos).",
)
SELECT_OPTION = click.option(
    "--select", callback=_codes, help="Report only these rule codes (comma-separated)."
)
IGNORE_OPTION = click.option(
    "--ignore", callback=_codes, help="Do not report these rule codes (comma-separated)."
)


@dataclass(frozen=True)
class Checks:
    """What --require-lang, --profile and --fail-on ask of a command that writes exports."""

    required_languages: tuple[str, ...] | None
    profile: str | None
    fail_on: str

    def for_source(self, source: Path) -> dict[str, Any]:
        """The keyword arguments of ``build`` and ``load_valid_vocabulary`` for ``source``:
        the profile asked for, else bpo for the glossary and skos for any other vocabulary."""
        profile = self.profile or ("bpo" if source == DEFAULT_ONTOLOGY_DIR else "skos")
        return {
            "required_languages": self.required_languages,
            "profile": profile,
            "fail_on": self.fail_on,
        }


def checks_options(command: F) -> F:
    """--require-lang, --profile and --fail-on, handed to ``command`` as one ``checks``."""

    @functools.wraps(command)
    def with_checks(
        *args: Any,
        required_languages: tuple[str, ...] | None,
        profile: str | None,
        fail_on: str,
        **kwargs: Any,
    ) -> object:
        return command(*args, checks=Checks(required_languages, profile, fail_on), **kwargs)

    for option in (FAIL_ON_OPTION, PROFILE_OPTION, REQUIRE_LANG_OPTION):
        with_checks = option(with_checks)
    return with_checks  # type: ignore[return-value]


def remote_options(default_timeout: float, *, in_process: bool = False) -> Callable[[F], F]:
    """--timeout and --allow-insecure-auth: every request ``command`` sends obeys them; with
    ``in_process``, ``command`` also gets ``timeout``, for the work it does itself (a query)."""

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def with_limits(
            *args: Any, timeout: float, allow_insecure_auth: bool, **kwargs: Any
        ) -> Any:
            if in_process:
                kwargs["timeout"] = timeout
            with remote_limits(Limits(timeout, allow_insecure_auth)):
                return command(*args, **kwargs)

        with_limits = click.option(
            "--allow-insecure-auth",
            is_flag=True,
            help="Send credentials over plain http to a host that is not loopback (refused "
            "without it; https or localhost need no flag).",
        )(with_limits)
        with_limits = click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True),
            default=default_timeout,
            show_default=True,
            metavar="SECONDS",
            help=(
                "Longest the query may run, in process or at the endpoint, whole answer included."
                if in_process
                else "Longest each request to the store or remote endpoint may take, whole "
                "answer included."
            ),
        )(with_limits)
        return with_limits  # type: ignore[return-value]

    return decorate
