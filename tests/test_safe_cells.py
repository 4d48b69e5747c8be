"""Hostile cells and links (issue 18, items 3, 4 and 10): formula cells neutralised in the CSV
and SSSOM exports and restored by the CSV import, separators escaped inside multi-valued
cells, only http(s) IRIs linked by the site, and malformed CSV shapes refused."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from bpo_kb.build import export_site
from bpo_kb.cli import main
from bpo_kb.formats.csv import neutralise_cell, unneutralise_cell, write_csv
from bpo_kb.formats.sssom import write_sssom
from bpo_kb.rdf.namespaces import RDF, SKOS
from bpo_kb.rules.validation import validate_graph
from bpo_kb.site.rendering import web_link

EX = Namespace("http://example.org/voc/")

FORMULAS = ['=HYPERLINK("x")', "+1", "-a", "@b", "'=c", "''+d", "\tTabbed", "\rReturned"]
PLAIN = ["dog", "'quoted", "a-b", "x = y", "café"]


def _import(runner: CliRunner, source: Path, target: Path) -> object:
    return runner.invoke(main, ["import", "csv", str(source), "-o", str(target)])


def _hostile_cells() -> Graph:
    """One concept per label, a scheme, and a concept whose alternative labels hold the
    separator and backslashes."""
    graph = Graph()
    graph.add((EX.scheme, RDF.type, SKOS.ConceptScheme))
    for number, label in enumerate(FORMULAS + PLAIN):
        concept = EX[f"c{number}"]
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, EX.scheme))
        graph.add((concept, SKOS.prefLabel, Literal(label, lang="en")))
        graph.add((concept, SKOS.notation, Literal(label)))
    for label in ["a|b", "back\\slash", "pipe\\|escaped", "ends\\", "=sum|1", "plain"]:
        graph.add((EX.c0, SKOS.altLabel, Literal(label, lang="en")))
    graph.add((EX.c1, SKOS.altLabel, Literal("-minus", lang="en")))
    graph.add((EX.c1, SKOS.altLabel, Literal("zeta", lang="en")))
    return graph


def _written_csv(graph: Graph, path: Path) -> Path:
    with path.open("wb") as stream:
        write_csv(graph, stream)
    return path


# --- item 3: formula cells and separators ------------------------------------------------------


@pytest.mark.parametrize("text", [*FORMULAS, *PLAIN, "", "'", "''", "'a", "=", "'\t"])
def test_neutralising_is_undone_exactly(text: str) -> None:
    assert unneutralise_cell(neutralise_cell(text)) == text
    written = neutralise_cell(text)
    assert not re.match(r"[=+\-@\t\r]", written)  # no spreadsheet reads it as a formula


def test_csv_cells_that_start_a_formula_get_a_quote_and_import_back_isomorphic(
    runner: CliRunner, tmp_path: Path
) -> None:
    graph = _hostile_cells()
    source = _written_csv(graph, tmp_path / "hostile.csv")
    rows = list(csv.reader(io.StringIO(source.read_bytes().decode("utf-8"), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    for label in FORMULAS:
        assert "'" + label in cells, label
    for cell in cells:
        assert not re.match(r"[=+\-@\t\r]", cell), cell
    assert "'quoted" in cells  # nothing else is touched
    assert "dog" in cells
    target = tmp_path / "back.ttl"
    result = _import(runner, source, target)
    assert result.exit_code == 0, result.output
    back = Graph().parse(target)
    assert isomorphic(back, graph)
    assert (EX.c0, SKOS.altLabel, Literal("a|b", lang="en")) in back
    assert (EX.c0, SKOS.prefLabel, Literal('=HYPERLINK("x")', lang="en")) in back


def test_a_separator_inside_a_multi_valued_cell_is_escaped_not_a_failure(tmp_path: Path) -> None:
    graph = Graph()
    graph.add((EX.a, RDF.type, SKOS.Concept))
    for label in ("a|b", "c\\d", "e"):
        graph.add((EX.a, SKOS.altLabel, Literal(label, lang="en")))
    text = _written_csv(graph, tmp_path / "sep.csv").read_text(encoding="utf-8")
    assert "a\\|b|c\\\\d|e" in text


def test_hand_written_backslashes_before_other_characters_are_kept(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "hand.csv"
    source.write_text(
        'URI,"skos:altLabel@en(separator=""|"")"\n'
        "http://example.org/voc/a,'=x|C:\\path\\file|one\\|two|'=y\n",
        encoding="utf-8",
    )
    target = tmp_path / "hand.ttl"
    result = _import(runner, source, target)
    assert result.exit_code == 0, result.output
    labels = {str(o) for o in Graph().parse(target).objects(EX.a, SKOS.altLabel)}
    assert labels == {"=x", "C:\\path\\file", "one|two", "'=y"}  # the first value only


def test_sssom_cells_that_start_a_formula_get_a_quote() -> None:
    graph = Graph()
    graph.add((EX.a, RDF.type, SKOS.Concept))
    graph.add((EX.a, SKOS.prefLabel, Literal('=WEBSERVICE("http://evil/")', lang="en")))
    graph.add((EX.a, SKOS.exactMatch, URIRef("http://other.example/b")))
    stream = io.BytesIO()
    write_sssom(graph, stream)
    lines = [line for line in stream.getvalue().decode().splitlines() if not line.startswith("#")]
    rows = [dict(zip(lines[0].split("\t"), line.split("\t"), strict=True)) for line in lines[1:]]
    assert rows[0]["subject_label"] == '\'=WEBSERVICE("http://evil/")'
    assert all(not re.match(r"[=+\-@\t\r]", cell) for row in rows for cell in row.values())


# --- item 4: only http(s) IRIs are links -------------------------------------------------------

HOSTILE_IRIS = [
    "javascript:alert(1)",
    "JavaScript:alert(2)",
    "data:text/html,<script>alert(3)</script>",
    "file:///etc/passwd",
    "relative/path",
    "//evil.example/x",
]


@pytest.mark.parametrize("iri", HOSTILE_IRIS)
def test_only_http_iris_are_web_links(iri: str) -> None:
    assert web_link(iri) == ""


@pytest.mark.parametrize("iri", ["http://example.org/a", "HTTPS://example.org/b#c"])
def test_http_iris_are_web_links(iri: str) -> None:
    assert web_link(iri) == iri


def _link_vocabulary() -> Graph:
    graph = Graph()
    graph.add((EX.scheme, RDF.type, SKOS.ConceptScheme))
    evil = URIRef("javascript:alert(document.domain)")
    for concept, name in ((EX.good, "good"), (evil, "evil")):
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, EX.scheme))
        graph.add((concept, SKOS.prefLabel, Literal(name, lang="en")))
        graph.add((concept, SKOS.prefLabel, Literal(name, lang="fr")))
    graph.add((EX.good, SKOS.exactMatch, URIRef("javascript:alert(1)")))
    graph.add((EX.good, SKOS.closeMatch, URIRef("data:text/html,hello")))
    graph.add((EX.good, SKOS.relatedMatch, URIRef("file:///etc/passwd")))
    graph.add((EX.good, SKOS.broadMatch, URIRef("http://other.example/b")))
    graph.add((EX.scheme, URIRef("http://purl.org/dc/terms/license"), URIRef("javascript:x()")))
    return graph


def test_the_site_never_links_a_javascript_data_or_file_iri(tmp_path: Path) -> None:
    written = export_site(_link_vocabulary(), tmp_path / "site")
    pages = [path for path in written if path.suffix == ".html"]
    assert pages
    hrefs = [
        href
        for page in pages
        for href in re.findall(r'href="([^"]*)"', page.read_text(encoding="utf-8"))
    ]
    assert "http://other.example/b" in hrefs  # http(s) targets stay links
    for href in hrefs:
        assert not re.match(r"(?i)\s*(javascript|file):", href), href
        assert not href.startswith("data:") or href == "data:,", href  # the empty favicon only
    texts = "".join(page.read_text(encoding="utf-8") for page in pages)
    assert "javascript:alert(1)" in texts  # shown, as text
    assert "javascript:alert(document.domain)" in texts


def test_validation_reports_a_non_http_concept_iri_and_mapping_target() -> None:
    graph = _link_vocabulary()
    for engine in ("pyshacl", "auto"):
        found = {
            (f.code, f.focus) for f in validate_graph(graph, profile="skos", engine=engine).findings
        }
        assert ("NON_HTTP_IRI", "javascript:alert(document.domain)") in found, engine
        assert ("MAPPING_NOT_HTTP", str(EX.good)) in found, engine
    messages = [
        f.message
        for f in validate_graph(graph, profile="skos").findings
        if f.code == "MAPPING_NOT_HTTP"
    ]
    assert any("javascript:alert(1)" in message for message in messages)
    assert any("file:///etc/passwd" in message for message in messages)
    assert not any("http://other.example/b" in message for message in messages)


# --- item 10: malformed CSV shapes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "URI,skos:prefLabel@en,skos:definition@en\nex:a,one,first\nex:b,two\n",
            "row 3, column 3: the row ends after 2 cells, the header has 3 columns",
        ),
        (
            "URI,skos:prefLabel@en,skos:definition@en\nex:a\n",
            "row 2, column 2: the row ends after 1 cells",
        ),
        (
            "Concept IRI,Language Code,Preferred Label,Definition\n"
            "http://example.org/voc/a,en,a,def\nhttp://example.org/voc/b,en\n",
            "row 3, column 3: the row ends after 2 cells",
        ),
        (
            "URI,skos:prefLabel@en,skos:altLabel@en,skos:prefLabel@en\nex:a,one,two,three\n",
            "row 1, column 4: header 'skos:prefLabel@en' repeats column 2 ('skos:prefLabel@en')",
        ),
        (
            'URI,skos:prefLabel@en,"skos:prefLabel@en(separator=""|"")"\nex:a,one,two\n',
            "row 1, column 3: header 'skos:prefLabel@en(separator=\"|\")' repeats column 2",
        ),
        (
            "Concept IRI,Language Code,Preferred Label,preferred label\n"
            "http://example.org/voc/a,en,a,b\n",
            "row 1, column 4: header 'Preferred Label' repeats column 3 ('Preferred Label')",
        ),
        ("URI,skos:prefLabel@en\n", "row 2, column 1: no data row"),
        ("URI,skos:prefLabel@en\n\n,\n", "row 2, column 1: no data row"),
        ("Concept IRI,Language Code,Preferred Label\n", "row 2, column 1: no data row"),
    ],
)
def test_short_rows_duplicate_headers_and_header_only_files_are_refused(
    runner: CliRunner, tmp_path: Path, text: str, message: str
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "out.ttl"
    result = _import(runner, source, target)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"{source}: {message}"), result.stderr
    assert not target.exists()
