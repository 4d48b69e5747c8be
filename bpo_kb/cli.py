"""The ``bpo-kb`` command line: a thin layer over the library.

Each command turns its arguments into typed values, calls the library, and prints. Exit codes
follow pySHACL: 0 success (warnings allowed), 1 violations or a failed operation, 2 bad usage
or unreadable input.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import click
from rdflib import Graph

from bpo_kb import __version__
from bpo_kb.errors import BpoKbError, InvalidVocabulary
from bpo_kb.resources import DEFAULT_EXPORTS_DIR, DEFAULT_ONTOLOGY_DIR

F = TypeVar("F", bound=Callable[..., object])

EXPORT_FORMAT_NAMES = ("turtle", "jsonld", "csv", "ntriples", "rdfxml", "tbx", "sssom", "html")
INPUT_FORMAT_NAMES = ("turtle", "nt", "nquads", "xml", "json-ld", "trig")
PROFILE_NAMES = ("skos", "bpo")
REPORT_FORMATS = ("text", "json", "turtle", "summary")
OUTPUT_FORMAT_NAMES = ("table", "csv", "json", "turtle")
ENGINE_NAMES = ("auto", "sparql", "pyshacl")


class CliError(click.ClickException):
    """A library error shown as its own one-line message, with the library's exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)


class _Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl-C, so writes in progress remove their temporary files."""


@contextmanager
def _stopping_cleanly_on_sigterm() -> Iterator[None]:
    """While a command works, SIGTERM (kill, timeout, a service manager) stops it as Ctrl-C
    does instead of killing it where it stands, which left temporary files behind."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals
        return

    def stop(_signum: int, _frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _library_errors() -> Iterator[None]:
    """Turn a library error into one line on stderr and its exit code; never a traceback."""
    try:
        with _stopping_cleanly_on_sigterm():
            yield
    except _Terminated:
        message = "stopped by SIGTERM; files being written were removed, earlier ones are intact"
        raise CliError(message, 128 + signal.SIGTERM) from None
    except InvalidVocabulary as err:
        for finding in err.report.findings:
            click.echo(finding.as_line(), err=True)
        raise CliError(err.report.summary(), 1) from None
    except BpoKbError as err:
        raise CliError(str(err), err.exit_code) from None
    except MemoryError:
        raise CliError("not enough memory for this vocabulary; nothing was written", 1) from None


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
    default="fr,en",
    show_default=True,
    callback=_languages,
    help="Languages every concept needs a prefLabel and a definition in (comma-separated).",
)


def _base(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from bpo_kb.skos.rebase import valid_base

    if value is not None and not valid_base(value):
        raise click.BadParameter(f"{value!r} is not an absolute http(s) IRI ending with / or #")
    return value


BASE_OPTION = click.option(
    "--base",
    default=None,
    callback=_base,
    help="Publish under this namespace: every bpo: IRI (https://w3id.org/bpo-kb/...) is "
    "rewritten to start with it instead.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bpo-kb")
def main() -> None:
    """bpo-kb: the BPO glossary as a validated, bilingual SKOS knowledge base."""


def run() -> None:
    """The ``bpo-kb`` program: the command line, in a supervised child process (see
    :mod:`bpo_kb.process`), so that even Oxigraph running out of memory ends in one line."""
    from bpo_kb.process import run_supervised

    run_supervised(main)


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
@BASE_OPTION
@QUIET_OPTION
def build(
    ontology: Path,
    out_dir: Path,
    required_languages: tuple[str, ...],
    base: str | None,
    quiet: bool,
) -> None:
    """Validate the vocabulary and write every export; write nothing if it has violations.

    Example: bpo-kb build
    """
    from bpo_kb.build import build as build_exports
    from bpo_kb.progress import Progress

    progress = Progress(quiet=quiet)
    try:
        with _library_errors():
            result = build_exports(
                ontology,
                out_dir,
                required_languages=required_languages,
                base=base,
                progress=progress,
            )
    finally:
        progress.done()
    for finding in result.report.findings:
        click.echo(finding.as_line(), err=True)
    click.echo(
        f"built {result.triples} triples: {result.report.summary()}; "
        f"wrote {len(result.written)} files to {out_dir}/"
    )


INPUT_FORMAT_OPTION = click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMAT_NAMES),
    default=None,
    help="Parser for every FILE (default: by file extension).",
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
@INPUT_FORMAT_OPTION
@click.option(
    "--format",
    "report_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="text (one line per finding), json (a list of findings), turtle (SHACL report) or "
    "summary (one line per rule: how many findings, and the first as an example).",
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
@QUIET_OPTION
def validate(
    files: tuple[Path, ...],
    profile: str | None,
    required_languages: tuple[str, ...],
    input_format: str | None,
    report_format: str,
    engine: str,
    fail_on: str,
    quiet: bool,
) -> None:
    """Validate SKOS vocabularies (files or folders, merged); the glossary if none is given.

    Example: bpo-kb validate thesaurus.ttl --profile skos --require-lang fr,en
    """
    from bpo_kb.progress import Progress
    from bpo_kb.rules.validation import validate_files

    sources = files or (DEFAULT_ONTOLOGY_DIR,)
    chosen_profile = profile or ("skos" if files else "bpo")
    progress = Progress(quiet=quiet)
    try:
        with _library_errors():
            report = validate_files(
                sources,
                input_format=input_format,
                profile=chosen_profile,
                required_languages=required_languages,
                engine=engine,
                progress=progress,
            )
    finally:
        progress.done()
    if report_format == "json":
        click.echo(json.dumps([f.as_dict() for f in report.findings], indent=2, ensure_ascii=False))
    elif report_format == "turtle":
        click.echo(report.results_graph.serialize(format="turtle"))
    elif report_format == "summary":
        for rule in report.by_rule():
            click.echo(rule.as_line())
    else:
        for finding in report.findings:
            click.echo(finding.as_line())
    click.echo(report.summary(), err=report_format not in ("text", "summary"))
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
    type=click.Path(path_type=Path),
    default=None,
    help="File to write ('-' for standard output; a folder for html). "
    "Default: the format's file in exports/ (exports/html/ for html).",
)
@click.option(
    "--include-hidden",
    is_flag=True,
    help="tbx: also export hidden labels, as deprecatedTerm-admn-sts terms.",
)
@ONTOLOGY_OPTION
@REQUIRE_LANG_OPTION
@BASE_OPTION
def export(
    format_name: str,
    output: Path | None,
    include_hidden: bool,
    ontology: Path,
    required_languages: tuple[str, ...],
    base: str | None,
) -> None:
    """Validate the vocabulary and write one export format.

    Example: bpo-kb export --format jsonld -o glossary.jsonld
    """
    from bpo_kb.build import load_valid_vocabulary
    from bpo_kb.formats.registry import FORMATS, SITE_FOLDER, export_one, export_site, writer_for

    if format_name == "html":
        with _library_errors():
            graph = load_valid_vocabulary(
                ontology, required_languages=required_languages, base=base
            )
            written = export_site(graph, output or DEFAULT_EXPORTS_DIR / SITE_FOLDER)
        click.echo(
            f"wrote {len(written)} files to {(output or DEFAULT_EXPORTS_DIR / SITE_FOLDER)}/"
        )
        return
    chosen = FORMATS[format_name]
    with _library_errors():
        writer = writer_for(format_name, include_hidden=include_hidden)
        graph = load_valid_vocabulary(ontology, required_languages=required_languages, base=base)
        if str(output) == "-":
            writer(graph, sys.stdout.buffer)
            return
        path = export_one(
            graph,
            format_name,
            output or DEFAULT_EXPORTS_DIR / chosen.filename,
            include_hidden=include_hidden,
        )
    click.echo(f"wrote {path}")


def _graph_iri(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    from bpo_kb.rdf.checks import is_absolute_iri

    if not is_absolute_iri(value):
        raise click.BadParameter(f"{value!r} is not an absolute IRI")
    return value


@main.command()
@click.option(
    "--store",
    "store_url",
    required=True,
    help="Graph Store Protocol endpoint, e.g. http://localhost:7878/store.",
)
@click.option(
    "--graph",
    "graph_iri",
    required=True,
    callback=_graph_iri,
    help="IRI of the named graph to replace (or append to).",
)
@click.option(
    "--sparql",
    "sparql_url",
    default=None,
    help="SPARQL query endpoint used to count the published triples.",
)
@click.option("--append", is_flag=True, help="POST (add to the graph) instead of PUT (replace it).")
@ONTOLOGY_OPTION
@REQUIRE_LANG_OPTION
def publish(
    store_url: str,
    graph_iri: str,
    sparql_url: str | None,
    append: bool,
    ontology: Path,
    required_languages: tuple[str, ...],
) -> None:
    """Validate, then send the built glossary to a triple store (SPARQL 1.1 Graph Store Protocol).

    Credentials come from BPO_KB_USER/BPO_KB_PASSWORD or ~/.netrc (Basic or Digest).

    Example: bpo-kb publish --store http://localhost:7878/store --graph https://example.org/g
    """
    from bpo_kb.build import load_valid_vocabulary
    from bpo_kb.remote.gsp import publish_graph

    with _library_errors():
        graph = load_valid_vocabulary(ontology, required_languages=required_languages)
        result = publish_graph(graph, store_url, graph_iri, append=append, sparql_url=sparql_url)
    verb = "appended" if append else "published"
    counted = f"; the graph now holds {result.counted}" if result.counted is not None else ""
    click.echo(f"{verb} {result.sent} triples to <{graph_iri}> (HTTP {result.status}){counted}")


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


@main.command()
@click.argument("query", required=False)
@click.option(
    "--sparql",
    "endpoint",
    default=None,
    help="Remote SPARQL endpoint (default: in process over the built glossary).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMAT_NAMES),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--param",
    "parameters",
    multiple=True,
    callback=_parameters,
    help="Bind a variable: NAME=VALUE (an IRI, prefix:local, or text[@lang]).",
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@ONTOLOGY_OPTION
def query(
    query: str | None,
    endpoint: str | None,
    output_format: str,
    parameters: dict[str, object],
    list_queries: bool,
    ontology: Path,
) -> None:
    """Run SPARQL (text, @FILE or a named query) over the glossary or a remote endpoint.

    Example: bpo-kb query concept-card --param concept=bpo:payroll
    """
    from bpo_kb.query import (
        bind_parameters,
        format_result,
        named_queries,
        resolve_query,
        run_query,
    )

    if list_queries:
        for named in named_queries().values():
            click.echo(f"{named.name:<22} {named.description}")
        return
    if query is None:
        raise click.UsageError("give a QUERY (SPARQL, @FILE or a name from --list)")
    with _library_errors():
        text = bind_parameters(resolve_query(query), parameters)  # type: ignore[arg-type]
        graph = None if endpoint else _glossary(ontology)
        result = run_query(text, graph=graph, endpoint=endpoint)
        click.echo(format_result(result, output_format))


@main.command()
@click.argument("term")
@click.option(
    "--lang",
    "language",
    type=click.Choice(("fr", "en")),
    default=None,
    help="Match labels in this language only.",
)
@TEXT_OR_JSON_OPTION
@ONTOLOGY_OPTION
def search(term: str, language: str | None, output_format: str, ontology: Path) -> None:
    """Find concepts by any label, ignoring case and accents; best matches first.

    Example: bpo-kb search "externalisation en mer"
    """
    from bpo_kb.skos.concepts import concept_card
    from bpo_kb.skos.search import search_concepts

    with _library_errors():
        graph = _glossary(ontology)
    hits = search_concepts(graph, term, language=language)
    rows = []
    for hit in hits:
        card = concept_card(graph, hit.concept)  # type: ignore[arg-type]
        definition_language = language or "en"
        rows.append(
            {
                "iri": str(hit.concept),
                "match": hit.match,
                "matched_label": str(hit.label),
                "fr": card.pref_labels.get("fr", ""),
                "en": card.pref_labels.get("en", ""),
                "definition": (card.definitions.get(definition_language) or [""])[0],
            }
        )
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            click.echo(
                f"{row['iri']}  {row['fr']} / {row['en']}  [{row['match']}: "
                f"{row['matched_label']}]\n    {row['definition']}"
            )
    if not hits:
        click.echo(f"no concept matches {term!r}", err=True)
        sys.exit(1)


@main.command()
@click.argument("concept")
@ONTOLOGY_OPTION
def show(concept: str, ontology: Path) -> None:
    """Show a concept (by IRI, bpo:slug, slug or any label) in French and English.

    Example: bpo-kb show paie
    """
    from bpo_kb.skos.concepts import concept_card, find_concept

    with _library_errors():
        graph = _glossary(ontology)
        click.echo(concept_card(graph, find_concept(graph, concept)).as_text())


@main.command()
@click.option(
    "--lang",
    "language",
    type=click.Choice(("fr", "en")),
    default="en",
    show_default=True,
    help="Language of the terms shown.",
)
@ONTOLOGY_OPTION
def tree(language: str, ontology: Path) -> None:
    """Print the hierarchy as indented text, from each top concept down.

    Example: bpo-kb tree --lang fr
    """
    from bpo_kb.skos.hierarchy import hierarchy_lines

    with _library_errors():
        graph = _glossary(ontology)
    for line in hierarchy_lines(graph, language):
        click.echo(line)


def _glossary(ontology: Path) -> Graph:
    """The validated, completed vocabulary that the read-only commands work on."""
    from bpo_kb.build import load_valid_vocabulary

    return load_valid_vocabulary(ontology)


@main.group(name="import")
def import_group() -> None:
    """Turn a spreadsheet (CSV), a term base (TBX) or any SKOS file into SKOS Turtle.

    Example: bpo-kb import csv exports/bpo-glossary.csv -o glossary.ttl
    """


OUTPUT_TTL_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Turtle file to write (atomically; nothing is written on error).",
)


@import_group.command(name="csv")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@OUTPUT_TTL_OPTION
def import_csv(file: Path, output: Path) -> None:
    """Read a CSV in bpo-kb's export layout, or row-per-language (Concept IRI, Language Code).

    Example: bpo-kb import csv exports/bpo-glossary.csv -o glossary.ttl
    """
    from bpo_kb.formats.csv import read_csv

    with _library_errors():
        graph, notes = read_csv(file)
        _write_turtle(graph, output)
    for note in notes:
        click.echo(note.as_line(file), err=True)
    click.echo(f"wrote {len(graph)} triples to {output}")


@import_group.command(name="tbx")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@OUTPUT_TTL_OPTION
@click.option("--base", default=None, help="Namespace for concepts without an http(s) IRI.")
def import_tbx(file: Path, output: Path, base: str | None) -> None:
    """Read a TBX v3 (conceptEntry) or v2 (martif/termEntry) term base.

    Example: bpo-kb import tbx iate-export.tbx -o iate.ttl --base https://example.org/iate/
    """
    from bpo_kb.formats.tbx import DEFAULT_TBX_BASE, read_tbx

    with _library_errors():
        graph = read_tbx(file, base=base or DEFAULT_TBX_BASE)
        _write_turtle(graph, output)
    click.echo(f"wrote {len(graph)} triples to {output}")


@import_group.command(name="skos")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@OUTPUT_TTL_OPTION
@INPUT_FORMAT_OPTION
def import_skos(files: tuple[Path, ...], output: Path, input_format: str | None) -> None:
    """Read SKOS vocabularies in any RDF syntax (files or folders, merged) as sorted Turtle.

    Everything is kept; SKOS-XL labels also become the SKOS labels they entail.

    Example: bpo-kb import skos agrovoc-extract.rdf -o agrovoc.ttl
    """
    from bpo_kb.formats.skos import read_skos

    with _library_errors():
        graph, entailed = read_skos(files, input_format)
        _write_turtle(graph, output)
    click.echo(
        f"wrote {len(graph)} triples to {output} ({entailed} SKOS labels from SKOS-XL labels)"
    )


def _write_turtle(graph: Graph, output: Path) -> None:
    from bpo_kb.files import write_atomically
    from bpo_kb.formats.rdf import write_turtle

    write_atomically({output: lambda stream: write_turtle(graph, stream)})


@main.command()
@click.argument("other", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="SSSOM table to write.",
)
@ONTOLOGY_OPTION
def align(other: tuple[Path, ...], output: Path, ontology: Path) -> None:
    """Propose mappings to another SKOS vocabulary by label match (an SSSOM table).

    Example: bpo-kb align stw.ttl -o stw-candidates.sssom.tsv
    """
    from bpo_kb.curation.align import align as align_vocabularies
    from bpo_kb.files import write_atomically
    from bpo_kb.formats.sssom import write_sssom_rows
    from bpo_kb.rdf.read import read_graph

    with _library_errors():
        ours = _glossary(ontology)
        rows = align_vocabularies(ours, read_graph(other))
        metadata = {
            "mapping_set_id": f"urn:bpo-kb:alignment:{other[0].name}",
            "license": "https://creativecommons.org/licenses/by/4.0/",
            "object_source": ", ".join(str(path) for path in other),
        }
        write_atomically({output: lambda stream: write_sssom_rows(rows, metadata, stream)})
    click.echo(f"wrote {len(rows)} candidate mappings to {output}")


@main.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@TEXT_OR_JSON_OPTION
def diff(old: Path, new: Path, output_format: str) -> None:
    """Compare two versions of a vocabulary (files or folders); exit 1 if they differ.

    Example: bpo-kb diff old/ontology ontology --format json
    """
    from bpo_kb.curation.diff import diff_vocabularies
    from bpo_kb.rdf.read import read_graph

    with _library_errors():
        result = diff_vocabularies(read_graph([old]), read_graph([new]))
    if output_format == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.as_text())
    sys.exit(0 if result.identical else 1)
