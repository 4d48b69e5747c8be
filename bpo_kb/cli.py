"""The ``bpo-kb`` command line: a thin layer over the library.

Each command turns its arguments into typed values, calls the library, and prints. Exit codes
follow pySHACL: 0 success (warnings allowed), 1 violations or a failed operation, 2 bad usage
or unreadable input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import click

from bpo_kb import __version__
from bpo_kb.errors import BpoKbError, InvalidVocabulary
from bpo_kb.resources import DEFAULT_EXPORTS_DIR, DEFAULT_ONTOLOGY_DIR

F = TypeVar("F", bound=Callable[..., object])

EXPORT_FORMAT_NAMES = ("turtle", "jsonld", "csv", "ntriples", "rdfxml")
INPUT_FORMAT_NAMES = ("turtle", "nt", "nquads", "xml", "json-ld", "trig")
PROFILE_NAMES = ("skos", "bpo")
REPORT_FORMATS = ("text", "json", "turtle")
ENGINE_NAMES = ("auto", "sparql", "pyshacl")


class CliError(click.ClickException):
    """A library error shown as its own one-line message, with the library's exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)


@contextmanager
def _library_errors() -> Iterator[None]:
    """Turn a library error into one line on stderr and its exit code; never a traceback."""
    try:
        yield
    except InvalidVocabulary as err:
        for finding in err.report.findings:
            click.echo(finding.as_line(), err=True)
        raise CliError(err.report.summary(), 1) from None
    except BpoKbError as err:
        raise CliError(str(err), err.exit_code) from None


def _languages(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    languages = tuple(part.strip() for part in value.split(",") if part.strip())
    if not languages:
        raise click.BadParameter("give at least one language, e.g. fr,en")
    return languages


ONTOLOGY_OPTION = click.option(
    "--ontology",
    type=click.Path(exists=True, path_type=Path),
    default=DEFAULT_ONTOLOGY_DIR,
    show_default="the glossary's ontology/",
    help="Folder (or file) of the vocabulary source.",
)
REQUIRE_LANG_OPTION = click.option(
    "--require-lang",
    "required_languages",
    default="fr,en",
    show_default=True,
    callback=_languages,
    help="Languages every concept needs a prefLabel and a definition in (comma-separated).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bpo-kb")
def main() -> None:
    """bpo-kb: the BPO glossary as a validated, bilingual SKOS knowledge base."""


@main.command()
@ONTOLOGY_OPTION
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_EXPORTS_DIR,
    show_default=True,
    help="Folder the exports are written to.",
)
@REQUIRE_LANG_OPTION
def build(ontology: Path, out_dir: Path, required_languages: tuple[str, ...]) -> None:
    """Validate the vocabulary and write every export; write nothing if it has violations.

    Example: bpo-kb build
    """
    from bpo_kb.build import build as build_exports

    with _library_errors():
        result = build_exports(ontology, out_dir, required_languages=required_languages)
    for finding in result.report.findings:
        click.echo(finding.as_line(), err=True)
    click.echo(
        f"built {result.triples} triples: {result.report.summary()}; "
        f"wrote {len(result.written)} files to {out_dir}/"
    )


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--profile",
    type=click.Choice(PROFILE_NAMES),
    default=None,
    help="Rule set: skos (any vocabulary) or bpo (adds bpo-kb's house rules). "
    "Default: skos for FILES, bpo for the glossary.",
)
@REQUIRE_LANG_OPTION
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMAT_NAMES),
    default=None,
    help="Parser for every FILE (default: by file extension).",
)
@click.option(
    "--format",
    "report_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="text (one line per finding), json (a list of findings) or turtle (SHACL report).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINE_NAMES),
    default="auto",
    show_default=True,
    help="sparql: each rule once over the whole graph (fast); pyshacl: the reference engine, "
    "once per focus node; auto: sparql when it can evaluate the shapes.",
)
@click.option(
    "--fail-on",
    type=click.Choice(("violation", "warning")),
    default="violation",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
def validate(
    files: tuple[Path, ...],
    profile: str | None,
    required_languages: tuple[str, ...],
    input_format: str | None,
    report_format: str,
    engine: str,
    fail_on: str,
) -> None:
    """Validate SKOS vocabularies (files or folders, merged); the glossary if none is given.

    Example: bpo-kb validate thesaurus.ttl --profile skos --require-lang fr,en
    """
    from bpo_kb.graphs import load_graph
    from bpo_kb.validation import validate_graph

    sources = files or (DEFAULT_ONTOLOGY_DIR,)
    chosen_profile = profile or ("skos" if files else "bpo")
    with _library_errors():
        graph = load_graph(sources, input_format)
        report = validate_graph(
            graph, profile=chosen_profile, required_languages=required_languages, engine=engine
        )
    if report_format == "json":
        click.echo(json.dumps([f.as_dict() for f in report.findings], indent=2, ensure_ascii=False))
    elif report_format == "turtle":
        click.echo(report.results_graph.serialize(format="turtle"))
    else:
        for finding in report.findings:
            click.echo(finding.as_line())
    click.echo(report.summary(), err=report_format != "text")
    failing = report.count("Violation") + (report.count("Warning") if fail_on == "warning" else 0)
    sys.exit(1 if failing else 0)


@main.command()
@click.option(
    "--format",
    "format_name",
    type=click.Choice(EXPORT_FORMAT_NAMES),
    required=True,
    help="Export format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write ('-' for standard output). Default: the format's file in exports/.",
)
@ONTOLOGY_OPTION
@REQUIRE_LANG_OPTION
def export(
    format_name: str, output: Path | None, ontology: Path, required_languages: tuple[str, ...]
) -> None:
    """Validate the vocabulary and write one export format.

    Example: bpo-kb export --format jsonld -o glossary.jsonld
    """
    from bpo_kb.build import load_valid_vocabulary
    from bpo_kb.export import FORMATS, export_one

    chosen = FORMATS[format_name]
    with _library_errors():
        graph = load_valid_vocabulary(ontology, required_languages=required_languages)
        if str(output) == "-":
            chosen.write(graph, sys.stdout.buffer)
            return
        path = export_one(graph, format_name, output or DEFAULT_EXPORTS_DIR / chosen.filename)
    click.echo(f"wrote {path}")
