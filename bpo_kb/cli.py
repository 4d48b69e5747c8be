"""The ``bpo-kb`` command line: a thin layer over the library.

Each command turns its arguments into typed values, calls the library, and prints. Every list
of choices comes from a registry of the library. Exit codes follow pySHACL: 0 success
(warnings allowed), 1 violations or a failed operation, 2 bad usage or unreadable input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from bpo_kb import __version__
from bpo_kb import cli_options as options
from bpo_kb.build import build as build_exports
from bpo_kb.build import export_one, load_valid_vocabulary, load_vocabulary
from bpo_kb.curation.align import align_files
from bpo_kb.curation.diff import diff_files
from bpo_kb.files import check_output, is_stdio, shown
from bpo_kb.formats.csv import read_csv
from bpo_kb.formats.registry import FORMATS, writer_for
from bpo_kb.formats.skos import read_skos
from bpo_kb.formats.tbx import read_tbx
from bpo_kb.progress import Progress
from bpo_kb.resources import DEFAULT_EXPORTS_DIR, DEFAULT_ONTOLOGY_DIR
from bpo_kb.rules.report import REPORT_FORMATS
from bpo_kb.rules.validation import DEFAULT_REQUIRED_LANGUAGES, validate_endpoint, validate_files
from bpo_kb.skos.concepts import concept_card, find_entry, search_results
from bpo_kb.skos.hierarchy import hierarchy_lines


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bpo-kb")
def main() -> None:
    """bpo-kb: the BPO glossary as a validated, bilingual SKOS knowledge base."""


def run() -> None:
    """The ``bpo-kb`` program: the command line, in a supervised child process (see
    :mod:`bpo_kb.process`), so that even Oxigraph running out of memory ends in one line."""
    from bpo_kb.process import run_supervised

    run_supervised(main)


# --- Building and exporting ----------------------------------------------------------------


@main.command()
@options.ONTOLOGY_OPTION
@options.OUT_DIR_OPTION
@options.checks_options
@options.BASE_OPTION
@options.QUIET_OPTION
def build(
    ontology: Path, out_dir: Path, checks: options.Checks, base: str | None, quiet: bool
) -> None:
    """Validate the vocabulary and write every export; write nothing if it fails --fail-on.

    Example: bpo-kb build
    """
    progress = Progress(quiet=quiet)
    try:
        with options.library_errors():
            result = build_exports(
                ontology, out_dir, base=base, progress=progress, **checks.for_source(ontology)
            )
    finally:
        progress.done()
    for finding in result.report.findings:
        click.echo(finding.as_line(), err=True)
    click.echo(
        f"built {result.triples} triples: {result.report.summary(checks.fail_on)}; "
        f"wrote {len(result.written)} files to {shown(out_dir)}/"
    )


@main.command()
@options.EXPORT_FORMAT_OPTION
@options.EXPORT_OUTPUT_OPTION
@options.INCLUDE_HIDDEN_OPTION
@options.ONTOLOGY_OPTION
@options.checks_options
@options.BASE_OPTION
@options.QUIET_OPTION
def export(
    format_name: str,
    output: Path | None,
    include_hidden: bool,
    ontology: Path,
    checks: options.Checks,
    base: str | None,
    quiet: bool,
) -> None:
    """Validate the vocabulary and write one export format.

    Example: bpo-kb export --format jsonld -o glossary.jsonld
    """
    chosen = FORMATS[format_name]
    target = output or DEFAULT_EXPORTS_DIR / chosen.filename
    with options.reporting(quiet) as progress:
        if include_hidden:  # refused now, before any work, by a format without hidden labels
            writer_for(format_name, include_hidden=include_hidden)
        check_output(target, folder=chosen.is_folder)
        arguments = checks.for_source(ontology)
        graph = load_valid_vocabulary(ontology, base=base, progress=progress, **arguments)
        hidden, languages = include_hidden, checks.required_languages
        written = export_one(graph, format_name, target, include_hidden=hidden, languages=languages)
    if not is_stdio(target):  # standard output carries the export alone
        folder = f"{len(written)} files to {shown(target)}/" if chosen.is_folder else shown(target)
        click.echo(f"wrote {folder}")


# --- Validating ------------------------------------------------------------------------------


@main.command()
@click.argument("files", nargs=-1, type=options.INPUT_FILE_OR_FOLDER)
@options.PROFILE_OPTION
@options.REQUIRE_LANG_OPTION
@options.DEFINITION_LANG_OPTION
@options.MISSING_DEFINITIONS_OPTION
@options.SELECT_OPTION
@options.IGNORE_OPTION
@options.INPUT_FORMAT_OPTION
@options.REPORT_FORMAT_OPTION
@options.ENGINE_OPTION
@options.FAIL_ON_OPTION
@options.VALIDATE_ENDPOINT_OPTION
@options.VALIDATE_GRAPH_OPTION
@options.VALIDATE_STORE_OPTION
@options.QUIET_OPTION
@options.remote_options(default_timeout=300)
def validate(
    files: tuple[Path, ...],
    profile: str | None,
    required_languages: tuple[str, ...] | None,
    definition_languages: tuple[str, ...] | None,
    missing_definitions: str | None,
    select: frozenset[str],
    ignore: frozenset[str],
    input_format: str | None,
    report_format: str,
    engine: str,
    fail_on: str,
    endpoint: str | None,
    graph_iri: str | None,
    store_url: str | None,
    quiet: bool,
) -> None:
    """Validate SKOS vocabularies (files or folders, merged), or the one a SPARQL endpoint holds
    (--sparql); the glossary if neither is given.

    Example: bpo-kb validate thesaurus.ttl --profile skos --require-lang fr,en
    """
    if endpoint is None and (graph_iri is not None or store_url is not None):
        raise click.UsageError("--graph and --store name a store: give --sparql QUERY_URL too")
    if endpoint is not None and (files or input_format):
        raise click.UsageError("give FILES or --sparql, not both")
    if endpoint is not None and engine == "pyshacl":
        raise click.UsageError("--sparql runs the rules as SPARQL queries; --engine pyshacl cannot")
    settings = {
        "profile": profile or ("skos" if files or endpoint else "bpo"),
        "required_languages": required_languages or DEFAULT_REQUIRED_LANGUAGES,
        "definition_languages": definition_languages,
        "missing_definitions": missing_definitions,
        "select": select,
        "ignore": ignore,
    }
    progress = Progress(quiet=quiet)
    try:
        with options.library_errors():
            if endpoint is not None:
                where = {"graph_iri": graph_iri, "store_url": store_url}
                report = validate_endpoint(endpoint, progress=progress, **where, **settings)
            else:
                report = validate_files(
                    files or (DEFAULT_ONTOLOGY_DIR,),
                    input_format=input_format,
                    engine=engine,
                    progress=progress,
                    **settings,
                )
    finally:
        progress.done()
    rendered = REPORT_FORMATS[report_format](report)
    if rendered:
        click.echo(rendered)
    click.echo(report.summary(fail_on), err=report_format not in ("text", "summary"))
    sys.exit(1 if report.failing(fail_on) else 0)


# --- Stores and SPARQL ---------------------------------------------------------------------


@main.command()
@options.STORE_OPTION
@options.GRAPH_OPTION
@options.COUNT_ENDPOINT_OPTION
@options.APPEND_OPTION
@options.ONTOLOGY_OPTION
@options.REQUIRE_LANG_OPTION
@options.remote_options(default_timeout=120)
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
    from bpo_kb.remote.gsp import publish_graph

    with options.library_errors():
        graph = load_valid_vocabulary(ontology, required_languages=required_languages)
        result = publish_graph(graph, store_url, graph_iri, append=append, sparql_url=sparql_url)
    click.echo(result.as_line(graph_iri, append=append))


@main.command(epilog=options.QUERY_EPILOG)
@click.argument("query", required=False)
@options.QUERY_ENDPOINT_OPTION
@options.QUERY_GRAPH_OPTION
@options.QUERY_FORMAT_OPTION
@options.PARAM_OPTION
@options.LIST_QUERIES_OPTION
@options.ONTOLOGY_OPTION
@options.remote_options(default_timeout=300, in_process=True)
def query(
    query: str | None,
    endpoint: str | None,
    graph_iri: str | None,
    output_format: str | None,
    parameters: dict[str, str],
    list_queries: bool,
    ontology: Path,
    timeout: float,
) -> None:
    """Run SPARQL (text, @FILE or a named query) over the glossary or a remote endpoint.

    Example: bpo-kb query concept-card --param concept=paie
    """
    from bpo_kb.query import answer_query, named_queries_listing

    if list_queries:
        click.echo(named_queries_listing())
        return
    if query is None:
        raise click.UsageError("give a QUERY (SPARQL, @FILE or a name from --list)")
    where = {"source": ontology, "endpoint": endpoint, "graph_iri": graph_iri, "timeout": timeout}
    with options.library_errors():
        answer = answer_query(query, parameters, output_format=output_format, **where)
    click.echo(answer)


# --- Reading the vocabulary ----------------------------------------------------------------


@main.command()
@click.argument("term")
@options.lang_option(None, "Match labels in this language only.")
@options.TEXT_OR_JSON_OPTION
@options.ONTOLOGY_OPTION
def search(term: str, language: str | None, output_format: str, ontology: Path) -> None:
    """Find concepts by any label, ignoring case and accents; best matches first.

    Example: bpo-kb search "externalisation en mer"
    """
    with options.library_errors():
        results = search_results(load_vocabulary([ontology]), term, language=language)
    if output_format == "json":
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        for result in results:
            click.echo(result.as_text())
    if not results:
        click.echo(f"no concept matches {term!r}", err=True)
        sys.exit(1)


@main.command()
@click.argument("concept")
@options.TEXT_OR_JSON_OPTION
@options.ONTOLOGY_OPTION
def show(concept: str, output_format: str, ontology: Path) -> None:
    """Show a concept, a collection or the scheme (by IRI, bpo:slug, slug or any label).

    Example: bpo-kb show paie
    """
    with options.library_errors():
        graph = load_vocabulary([ontology])
        card = concept_card(graph, find_entry(graph, concept))
    click.echo(card.as_json() if output_format == "json" else card.as_text())


@main.command()
@options.lang_option("en", "Language of the terms shown.")
@options.ONTOLOGY_OPTION
def tree(language: str, ontology: Path) -> None:
    """Print the hierarchy as indented text, from each top concept down.

    Example: bpo-kb tree --lang fr
    """
    with options.library_errors():
        graph = load_vocabulary([ontology])
    for line in hierarchy_lines(graph, language):
        click.echo(line)


# --- Terminology exchange ------------------------------------------------------------------


@main.group(name="import")
def import_group() -> None:
    """Turn a spreadsheet (CSV), a term base (TBX) or any SKOS file into SKOS Turtle.

    Example: bpo-kb import csv exports/bpo-glossary.csv -o glossary.ttl
    """


@import_group.command(name="csv")
@click.argument("file", type=options.INPUT_FILE)
@options.OUTPUT_TTL_OPTION
@options.ENCODING_OPTION
def import_csv(file: Path, output: Path, encoding: str | None) -> None:
    """Read a CSV in bpo-kb's export layout, or row-per-language (Concept IRI, Language Code).

    Example: bpo-kb import csv exports/bpo-glossary.csv -o glossary.ttl
    """
    with options.library_errors():
        graph, notes = read_csv(file, encoding=encoding)
        export_one(graph, "turtle", output)
    for note in notes:
        click.echo(note.as_line(file), err=True)
    click.echo(f"wrote {len(graph)} triples to {shown(output)}", err=is_stdio(output))


@import_group.command(name="tbx")
@click.argument("file", type=options.INPUT_FILE)
@options.OUTPUT_TTL_OPTION
@options.TBX_BASE_OPTION
def import_tbx(file: Path, output: Path, base: str | None) -> None:
    """Read a TBX v3 (conceptEntry) or v2 (martif/termEntry) term base.

    Example: bpo-kb import tbx iate-export.tbx -o iate.ttl --base https://example.org/iate/
    """
    with options.library_errors():
        graph = read_tbx(file, base=base)
        export_one(graph, "turtle", output)
    click.echo(f"wrote {len(graph)} triples to {shown(output)}", err=is_stdio(output))


@import_group.command(name="skos")
@click.argument("files", nargs=-1, required=True, type=options.INPUT_FILE_OR_FOLDER)
@options.OUTPUT_TTL_OPTION
@options.INPUT_FORMAT_OPTION
@options.QUIET_OPTION
def import_skos(
    files: tuple[Path, ...], output: Path, input_format: str | None, quiet: bool
) -> None:
    """Read SKOS vocabularies in any RDF syntax (files or folders, merged) as sorted Turtle.

    Everything is kept; SKOS-XL labels also become the SKOS labels they entail.

    Example: bpo-kb import skos agrovoc-extract.rdf -o agrovoc.ttl
    """
    with options.reporting(quiet) as progress:
        graph, entailed = read_skos(files, input_format, progress=progress)
        export_one(graph, "turtle", output)
    labels = f"({entailed} SKOS labels from SKOS-XL labels)"
    click.echo(f"wrote {len(graph)} triples to {shown(output)} {labels}", err=is_stdio(output))


@main.command()
@click.argument("other", nargs=-1, required=True, type=options.INPUT_FILE_OR_FOLDER)
@options.SSSOM_OUTPUT_OPTION
@options.ONTOLOGY_OPTION
@options.INPUT_FORMAT_OPTION
@options.QUIET_OPTION
def align(
    other: tuple[Path, ...], output: Path, ontology: Path, input_format: str | None, quiet: bool
) -> None:
    """Propose mappings to another SKOS vocabulary by label match (an SSSOM table).

    Example: bpo-kb align stw.ttl -o stw-candidates.sssom.tsv
    """
    with options.reporting(quiet) as progress:
        ours = load_vocabulary([ontology])
        rows = align_files(ours, other, output, input_format=input_format, progress=progress)
    click.echo(f"wrote {len(rows)} candidate mappings to {shown(output)}", err=is_stdio(output))


@main.command()
@click.argument("old", type=options.INPUT_FILE_OR_FOLDER)
@click.argument("new", type=options.INPUT_FILE_OR_FOLDER)
@options.TEXT_OR_JSON_OPTION
@options.INPUT_FORMAT_OPTION
def diff(old: Path, new: Path, output_format: str, input_format: str | None) -> None:
    """Compare two versions of a vocabulary (files or folders, any syntax); exit 1 if they differ.

    Example: bpo-kb diff old/ontology ontology --format json
    """
    with options.library_errors():
        result = diff_files(old, new, input_format)
    click.echo(result.as_json() if output_format == "json" else result.as_text())
    sys.exit(0 if result.identical else 1)
