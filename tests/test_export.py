"""Every export describes exactly the built graph, deterministically."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyld import jsonld
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from bpo_kb.build import export_all
from bpo_kb.cli import main
from bpo_kb.formats.csv import SEPARATOR
from bpo_kb.formats.registry import FILE_FORMATS
from bpo_kb.rdf.namespaces import RDF, SKOS, VANN, XSD, compact_iri

RDF_FORMATS = [name for name, f in FILE_FORMATS.items() if f.rdf_parser]


@pytest.fixture(scope="module")
def exported(glossary: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("exports")
    export_all(glossary, out_dir)
    return out_dir


@pytest.mark.parametrize("format_name", RDF_FORMATS)
def test_rdf_export_reparses_to_the_built_graph(
    glossary: Graph, exported: Path, format_name: str
) -> None:
    chosen = FILE_FORMATS[format_name]
    reparsed = Graph().parse(exported / chosen.filename, format=chosen.rdf_parser)
    assert isomorphic(reparsed, glossary)


def _refuse_remote(url: str, options: object = None) -> None:
    raise AssertionError(f"the JSON-LD export asked for a remote document: {url}")


def test_jsonld_gives_the_same_graph_through_pyld(glossary: Graph, exported: Path) -> None:
    document = json.loads((exported / FILE_FORMATS["jsonld"].filename).read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": _refuse_remote}
    )
    assert isomorphic(Graph().parse(data=nquads, format="nt"), glossary)


def test_jsonld_uses_language_maps_and_an_inline_context(exported: Path) -> None:
    document = json.loads((exported / FILE_FORMATS["jsonld"].filename).read_text(encoding="utf-8"))
    assert isinstance(document["@context"], dict)
    bpo = next(node for node in document["@graph"] if node["@id"] == "bpo:bpo")
    assert bpo["prefLabel"] == {
        "en": "business process outsourcing",
        "fr": "externalisation des processus métier",
    }
    ids = [node["@id"] for node in document["@graph"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("empty", [False, True], ids=["glossary", "empty graph"])
def test_jsonld_is_written_node_by_node_as_one_indented_document(
    glossary: Graph, empty: bool
) -> None:
    from bpo_kb.formats.jsonld import write_jsonld
    from bpo_kb.rdf.read import new_graph

    stream = io.BytesIO()
    write_jsonld(new_graph() if empty else glossary, stream)
    text = stream.getvalue().decode("utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert (json.loads(text)["@graph"] == []) is empty


def test_csv_holds_every_label_definition_relation_and_mapping(
    glossary: Graph, exported: Path
) -> None:
    text = (exported / FILE_FORMATS["csv"].filename).read_text(encoding="utf-8")
    rows = {row["URI"]: row for row in csv.DictReader(io.StringIO(text))}
    for concept in glossary.subjects(RDF.type, SKOS.Concept):
        row = rows[compact_iri(concept)]
        cells = {
            (header.split("(")[0], value)
            for header, cell in row.items()
            for value in (cell.split(SEPARATOR) if "separator" in header else [cell])
            if value
        }
        for predicate, obj in glossary.predicate_objects(concept):
            if isinstance(obj, Literal):
                column = compact_iri(predicate) + (
                    f"@{obj.language}" if obj.language else f"^^{compact_iri(obj.datatype)}"
                )
                assert (column, str(obj)) in cells, (concept, predicate, obj)
            else:
                assert (compact_iri(predicate), compact_iri(obj)) in cells, (concept, predicate)


def test_csv_has_one_row_per_concept(glossary: Graph, exported: Path) -> None:
    text = (exported / FILE_FORMATS["csv"].filename).read_text(encoding="utf-8")
    uris = [row["URI"] for row in csv.DictReader(io.StringIO(text))]
    concepts = {compact_iri(c) for c in glossary.subjects(RDF.type, SKOS.Concept)}
    assert len(uris) == len(set(uris))
    assert concepts <= set(uris)
    assert uris[: len(concepts)] == sorted(concepts, key=lambda c: c.replace("bpo:", ""))


@pytest.mark.slow
def test_exports_are_byte_identical_across_processes(tmp_path: Path) -> None:
    """Two builds in fresh interpreters with different hash seeds give the same bytes."""
    digests = []
    for seed in ("1", "2"):
        out_dir = tmp_path / seed
        subprocess.run(
            [sys.executable, "-m", "bpo_kb", "build", "--out", str(out_dir)],
            check=True,
            capture_output=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        )
        digests.append(
            {str(p.relative_to(out_dir)): p.read_bytes() for p in out_dir.rglob("*") if p.is_file()}
        )
    assert digests[0] == digests[1]
    assert {f.filename for f in FILE_FORMATS.values()} <= set(digests[0])
    assert "html/en/concept/payroll.html" in digests[0]


@pytest.mark.parametrize("format_name", RDF_FORMATS)
def test_rdf_writers_escape_what_they_must(tmp_path: Path, format_name: str) -> None:
    graph = Graph()
    subject = URIRef("http://example.org/x")
    graph.add((subject, SKOS.prefLabel, Literal('<b>"R&D" </b> \\ end', lang="en")))
    graph.add((subject, SKOS.note, Literal("two\nlines\tand a tab")))
    graph.add((subject, SKOS.notation, Literal("12", datatype=XSD.integer)))
    graph.add((subject, SKOS.related, URIRef("http://example.org/a.b#c")))
    export_all(graph, tmp_path)
    chosen = FILE_FORMATS[format_name]
    reparsed = Graph().parse(tmp_path / chosen.filename, format=chosen.rdf_parser)
    assert isomorphic(reparsed, graph)


@pytest.mark.parametrize("format_name", ["turtle", "ntriples"])
def test_turtle_and_ntriples_escape_control_characters(format_name: str) -> None:
    graph = Graph()
    text = 'bell\x07 delete\x7f quote" backslash\\ plain'
    graph.add((URIRef("http://example.org/x"), SKOS.note, Literal(text, lang="en")))
    stream = io.BytesIO()
    FILE_FORMATS[format_name].write(graph, stream)
    written = stream.getvalue().decode()
    assert '"bell\\u0007 delete\\u007F quote\\" backslash\\\\ plain"@en' in written
    reparsed = Graph().parse(data=written, format=FILE_FORMATS[format_name].rdf_parser)
    assert isomorphic(reparsed, graph)


@pytest.mark.parametrize(
    ("iri", "compact"),
    [
        ("http://www.w3.org/2004/02/skos/core#prefLabel", "skos:prefLabel"),
        ("https://w3id.org/bpo-kb/offshore", "bpo:offshore"),
        ("https://w3id.org/bpo-kb/a/b", "bpo:a/b"),  # the longest namespace, then a path
        ("http://www.wikidata.org/entity///Q1", "http://www.wikidata.org/entity///Q1"),
        ("http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/2004/02/skos/core#"),
        ("http://example.org/x", "http://example.org/x"),
        ("urn:isbn:1", "urn:isbn:1"),
    ],
)
def test_compact_iris_use_the_longest_known_namespace(iri: str, compact: str) -> None:
    assert compact_iri(URIRef(iri)) == compact


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": [], "b": {}},
        {"x": 'é"\\\n</script>\u2028', "n": [1, 2.5, True, None, "s"], "d": {"fr": ["a", "b"]}},
        [{"@id": "bpo:x", "prefLabel": {"fr": "a", "en": "b"}}],
        "plain",
    ],
)
@pytest.mark.parametrize("indent", [1, 2])
def test_indented_json_is_what_the_standard_library_writes(value: object, indent: int) -> None:
    from bpo_kb.formats.jsonld import CONTEXT, dumps_indented

    for document in (value, CONTEXT):
        assert dumps_indented(document, indent) == json.dumps(
            document, ensure_ascii=False, indent=indent
        )


def test_the_export_hands_every_object_back_to_the_garbage_collector(
    glossary: Graph, tmp_path: Path
) -> None:
    import gc

    before = gc.get_freeze_count()
    export_all(glossary, tmp_path / "ok")
    assert gc.get_freeze_count() == before
    (tmp_path / "blocked").write_text("")  # a file where the output folder should be
    with pytest.raises(FileExistsError):
        export_all(glossary, tmp_path / "blocked")
    assert gc.get_freeze_count() == before


NEW_BASE = "https://example.org/terms/"


def _moved_back(graph: Graph) -> Graph:
    """``graph`` with every IRI and namespace literal under NEW_BASE put back under bpo:."""
    back = Graph()
    for triple in graph:
        back.add(
            tuple(
                type(term)(str(term).replace(NEW_BASE, "https://w3id.org/bpo-kb/"), **_kind(term))
                for term in triple
            )
        )
    return back


def _kind(term: object) -> dict[str, object]:
    if isinstance(term, Literal):
        return {"lang": term.language, "datatype": term.datatype}
    return {}


def test_a_rebased_build_moves_every_bpo_iri_and_nothing_else(
    runner: CliRunner, glossary: Graph, tmp_path: Path
) -> None:
    result = runner.invoke(main, ["build", "--out", str(tmp_path), "--base", NEW_BASE])
    assert result.exit_code == 0, result.output

    for format_name in RDF_FORMATS:
        chosen = FILE_FORMATS[format_name]
        rebased = Graph().parse(tmp_path / chosen.filename, format=chosen.rdf_parser)
        iris = {t for triple in rebased for t in triple if isinstance(t, URIRef)}
        assert not {iri for iri in iris if iri.startswith("https://w3id.org/bpo-kb/")}
        assert (None, VANN.preferredNamespaceUri, Literal(NEW_BASE)) in rebased
        assert isomorphic(_moved_back(rebased), glossary)
    page = (tmp_path / "html" / "en" / "concept" / "offshoring.html").read_text(encoding="utf-8")
    assert f'href="{NEW_BASE}offshoring"' in page


def test_a_base_that_cannot_be_a_namespace_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    for base in ("https://example.org/terms", "ftp://example.org/", "terms/", "https://ex ample/"):
        result = runner.invoke(
            main, ["export", "--format", "turtle", "-o", str(tmp_path / "x.ttl"), "--base", base]
        )
        assert result.exit_code == 2
        assert "is not an absolute http(s) IRI ending with / or #" in result.stderr
        assert not (tmp_path / "x.ttl").exists()
