"""TBX carries the term records: out (TBX-Basic data categories) and back in (SKOS-XL with
LexInfo), so that TBX → SKOS-XL → TBX keeps every term with its status, part of speech, gender,
type, region, source and usage note."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from rdflib import Graph, Literal, URIRef

from bpo_kb.cli import main
from bpo_kb.formats.tbx import read_tbx, write_tbx
from bpo_kb.rdf.namespaces import DCTERMS, LEXINFO, SKOS, SKOSXL
from bpo_kb.skos.term_records import term_iri

from .conftest import shared_file
from .schematron import schematron_failures

NS = {"t": "urn:iso:std:iso:30042:ed-2"}
CATEGORIES = ("administrativeStatus", "partOfSpeech", "grammaticalGender", "termType")
TB = "https://example.org/tb/"


def _terms(tree: etree._ElementTree) -> set[tuple]:
    """Every termSec of a TBX v3 file as (concept, langSec, term, status, part of speech,
    gender, type, region, sources, notes)."""
    found = set()
    for entry in tree.iterfind(".//t:conceptEntry", NS):
        xref = entry.find("t:xref", NS)
        concept = xref.get("target") if xref is not None else entry.get("id")
        for section in entry.iterfind("t:langSec", NS):
            language = section.get("{http://www.w3.org/XML/1998/namespace}lang")
            for term in section.iterfind("t:termSec", NS):
                notes = {n.get("type"): n.text for n in term.iterfind("t:termNote", NS)}
                found.add(
                    (
                        concept,
                        language,
                        term.findtext("t:term", namespaces=NS),
                        *(notes.get(category) for category in CATEGORIES),
                        notes.get("geographicalUsage"),
                        frozenset(a.text for a in term.iterfind("t:admin[@type='source']", NS)),
                        frozenset(n.text for n in term.iterfind("t:note", NS)),
                    )
                )
    return found


def _write(graph: Graph) -> etree._ElementTree:
    stream = io.BytesIO()
    write_tbx(graph, stream)
    return etree.parse(io.BytesIO(stream.getvalue()))


def _round_trip(path: Path, tmp_path: Path) -> tuple[set[tuple], set[tuple]]:
    """The terms of ``path`` and of its re-export after an import."""
    again = tmp_path / "again.tbx"
    again.write_bytes(etree.tostring(_write(read_tbx(path))))
    return _terms(etree.parse(str(path))), _terms(etree.parse(str(again)))


def _record(graph: Graph, concept: URIRef, literal: Literal) -> URIRef:
    records = [
        r
        for kind in (SKOSXL.prefLabel, SKOSXL.altLabel, SKOSXL.hiddenLabel)
        for r in graph.objects(concept, kind)
        if (r, SKOSXL.literalForm, literal) in graph
    ]
    assert len(records) == 1, (concept, literal, records)
    return records[0]


# --- the glossary's own TBX -------------------------------------------------------------------


@pytest.fixture(scope="module")
def glossary_tbx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("tbx") / "glossary.tbx"
    result = CliRunner().invoke(main, ["export", "--format", "tbx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def test_the_glossary_tbx_round_trips_every_term_with_its_record(
    glossary_tbx: Path, tmp_path: Path
) -> None:
    exported, again = _round_trip(glossary_tbx, tmp_path)
    assert exported == again
    by_term = {(t[1], t[2]): t for t in exported}
    # The anglicism is deprecated in French, from its record, with its source and note.
    outsourcing = by_term[("fr", "outsourcing")]
    assert outsourcing[3:7] == ("deprecatedTerm-admn-sts", "noun", "masculine", "fullForm")
    assert outsourcing[8]
    assert outsourcing[9]
    # The Canadian term sits in the French section, with its region.
    impartition = by_term[("fr", "impartition")]
    assert impartition[7] == "fr-CA"
    assert impartition[8]
    # An initialism is an abbreviation in TBX-Basic.
    assert by_term[("en", "BPO")][6] == "abbreviation"
    assert {t[3] for t in exported} >= {
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
        "deprecatedTerm-admn-sts",
    }


def test_the_glossary_records_come_back_from_its_tbx(glossary: Graph, glossary_tbx: Path) -> None:
    imported = read_tbx(glossary_tbx)
    compared = 0
    for kind in (SKOSXL.prefLabel, SKOSXL.altLabel):
        for concept, record in glossary.subject_objects(kind):
            literal = glossary.value(record, SKOSXL.literalForm)
            again = _record(imported, concept, literal)
            assert again == term_iri(concept, literal.language, str(literal)) or str(
                again
            ).startswith(str(term_iri(concept, literal.language, str(literal))))
            for prop in (
                LEXINFO.normativeAuthorization,
                LEXINFO.partOfSpeech,
                LEXINFO.gender,
                DCTERMS.source,
                SKOS.note,
            ):
                assert set(imported.objects(again, prop)) == set(glossary.objects(record, prop)), (
                    concept,
                    literal,
                    prop,
                )
            term_type = glossary.value(record, LEXINFO.termType)
            expected = LEXINFO.abbreviation if term_type == LEXINFO.initialism else term_type
            assert imported.value(again, LEXINFO.termType) == expected
            compared += 1
    assert compared > 200


@pytest.mark.slow
def test_the_glossary_tbx_with_records_passes_the_tbx_basic_schematron(
    glossary_tbx: Path,
) -> None:
    schema = etree.RelaxNG(etree.parse(str(shared_file("peer/tbx/TBXcoreStructV03.rng"))))
    assert schema.validate(etree.parse(str(glossary_tbx))), schema.error_log
    rules = shared_file("peer/tbx/TBX-Basic_DCA.sch")
    assert schematron_failures(rules, glossary_tbx) == []


# --- a TBX v3 file written by hand ------------------------------------------------------------


def test_a_hand_written_tbx_keeps_every_category(data_dir: Path, tmp_path: Path) -> None:
    source = data_dir / "tbx-v3-records.tbx"
    original, again = _round_trip(source, tmp_path)
    assert original == again
    assert len(original) == 10


def test_a_hand_written_tbx_becomes_skos_xl_with_lexinfo(data_dir: Path) -> None:
    graph = read_tbx(data_dir / "tbx-v3-records.tbx")
    concept = URIRef(TB + "outsourcing")
    impartition = Literal("impartition", lang="fr-ca")
    assert (concept, SKOS.altLabel, impartition) in graph
    record = _record(graph, concept, impartition)
    assert record == term_iri(concept, "fr-ca", "impartition")
    assert (concept, SKOSXL.altLabel, record) in graph
    assert graph.value(record, LEXINFO.gender) == LEXINFO.feminine
    assert graph.value(record, DCTERMS.source) == URIRef("https://example.org/sources/gdt")
    assert graph.value(record, SKOS.note) == Literal("Usage québécois.", lang="fr-ca")
    # Deprecated and superseded terms are alternative labels; the record keeps the status.
    outsourcing = _record(graph, concept, Literal("outsourcing", lang="fr"))
    assert (concept, SKOS.altLabel, Literal("outsourcing", lang="fr")) in graph
    assert graph.value(outsourcing, LEXINFO.normativeAuthorization) == LEXINFO.deprecatedTerm
    farming = _record(graph, concept, Literal("farming out", lang="en"))
    assert graph.value(farming, LEXINFO.normativeAuthorization) == LEXINFO.supersededTerm
    contract = _record(graph, concept, Literal("contract out", lang="en"))
    assert graph.value(contract, LEXINFO.partOfSpeech) == LEXINFO.verb
    assert graph.value(contract, LEXINFO.termType) == LEXINFO.phraseologicalUnit
    bpo = _record(graph, concept, Literal("BPO", lang="en-us"))
    assert graph.value(bpo, DCTERMS.source) == Literal("Smith 2019, p. 12")
    other = _record(graph, concept, Literal("ausgelagert", lang="de"))
    assert graph.value(other, LEXINFO.gender) == LEXINFO.otherGender


# --- TBX v2 -----------------------------------------------------------------------------------


def test_a_v2_file_gives_its_term_notes(data_dir: Path) -> None:
    graph = read_tbx(data_dir / "tbx-v2-records.tbx", base="https://example.org/iate/")
    concept = URIRef("https://example.org/iate/T-1")
    preferred = _record(graph, concept, Literal("sous-traitance", lang="fr"))
    assert (concept, SKOSXL.prefLabel, preferred) in graph
    assert graph.value(preferred, LEXINFO.partOfSpeech) == LEXINFO.noun
    assert graph.value(preferred, LEXINFO.gender) == LEXINFO.feminine
    assert graph.value(preferred, LEXINFO.termType) == LEXINFO.fullForm
    assert graph.value(preferred, LEXINFO.normativeAuthorization) == LEXINFO.preferredTerm
    # The source of a context sentence is not the term's.
    assert set(graph.objects(preferred, DCTERMS.source)) == {
        URIRef("https://example.org/sources/iate")
    }
    deprecated = _record(graph, concept, Literal("sous-entreprise", lang="fr"))
    assert graph.value(deprecated, LEXINFO.normativeAuthorization) == LEXINFO.deprecatedTerm
    assert graph.value(deprecated, SKOS.note) == Literal("Vieilli.", lang="fr")
    # A bare region code in a French section gives the literal its region.
    assert (concept, SKOS.altLabel, Literal("impartition", lang="fr-ca")) in graph
    # ntig/termGrp, properNoun, initialism and v2's normativeAuthorization.
    acme = _record(graph, concept, Literal("ACME", lang="en"))
    assert graph.value(acme, LEXINFO.partOfSpeech) == LEXINFO.properNoun
    assert graph.value(acme, LEXINFO.termType) == LEXINFO.initialism
    assert graph.value(acme, LEXINFO.normativeAuthorization) == LEXINFO.standardizedTerm
    assert graph.value(acme, DCTERMS.source) == URIRef("https://example.org/sources/acme")
    # Written back as TBX-Basic: properNoun is a noun, an initialism an abbreviation, a
    # standardized term takes its SKOS property's status.
    terms = {t[2]: t for t in _terms(_write(graph))}
    assert terms["ACME"][3:7] == ("preferredTerm-admn-sts", "noun", None, "abbreviation")
    assert terms["impartition"][1] == "fr"
    assert terms["impartition"][7] == "fr-CA"


# --- vocabularies without records -------------------------------------------------------------


def test_labels_without_records_export_as_before(data_dir: Path) -> None:
    graph = Graph().parse(data_dir / "valid-minimal.ttl")
    tree = _write(graph)
    for term in tree.iterfind(".//t:termSec", NS):
        assert [n.get("type") for n in term.iterfind("t:termNote", NS)] == ["administrativeStatus"]
        assert [child.tag.rsplit("}", 1)[-1] for child in term] == ["term", "termNote"]
