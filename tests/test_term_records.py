"""Term records: terms.csv rows become SKOS-XL labels with LexInfo 3.0, and the rules that keep
them honest fire on both engines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from bpo_kb.build import load_vocabulary
from bpo_kb.errors import InputError
from bpo_kb.rdf.namespaces import BPO, DCTERMS, LEXINFO, RDF, SKOS, SKOSXL
from bpo_kb.rdf.read import read_graph
from bpo_kb.resources import DEFAULT_ONTOLOGY_DIR
from bpo_kb.rules.validation import validate_graph
from bpo_kb.skos.term_records import TERM_COLUMNS, add_term_records, read_term_records, term_iri

EX = "http://example.org/voc/"
HEADER = ",".join(TERM_COLUMNS) + "\n"


def test_a_term_iri_is_made_from_the_concept_and_the_term() -> None:
    assert term_iri(BPO.payroll, "fr", "paie") == URIRef(str(BPO) + "term/payroll/fr/paie")
    assert term_iri(BPO["core-business"], "fr", "cœur de métier") == URIRef(
        str(BPO) + "term/core-business/fr/c%C5%93ur_de_m%C3%A9tier"
    )
    assert term_iri(URIRef("http://example.org/t#x"), "fr-CA", "a_b/c") == URIRef(
        "http://example.org/t#term/x/fr-ca/a%5Fb%2Fc"
    )
    # terms that fold alike keep IRIs of their own, whatever other terms exist
    variants = [
        "cœur de métier",
        "coeur de métier",
        "coeur de metier",
        "Cœur de métier",
        "cœur_de métier",
    ]
    assert len({term_iri(BPO.a, "fr", v) for v in variants}) == len(variants)


def test_every_glossary_term_has_a_record_as_a_skosxl_label(glossary: Graph) -> None:
    labels = {
        (concept, literal)
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
        for concept, literal in glossary.subject_objects(prop)
        if (concept, RDF.type, SKOS.Concept) in glossary
    }
    records = {
        (concept, glossary.value(label, SKOSXL.literalForm))
        for prop in (SKOSXL.prefLabel, SKOSXL.altLabel, SKOSXL.hiddenLabel)
        for concept, label in glossary.subject_objects(prop)
    }
    assert labels == records
    for label in glossary.subjects(RDF.type, SKOSXL.Label):
        assert glossary.value(label, LEXINFO.normativeAuthorization) is not None, label
        assert glossary.value(label, LEXINFO.partOfSpeech) is not None, label
        assert glossary.value(label, LEXINFO.termType) is not None, label


def test_the_payroll_record_carries_its_data_categories(glossary: Graph) -> None:
    paie = term_iri(BPO.payroll, "fr", "paie")
    assert (BPO.payroll, SKOSXL.prefLabel, paie) in glossary
    assert glossary.value(paie, SKOSXL.literalForm) == Literal("paie", lang="fr")
    assert glossary.value(paie, LEXINFO.gender) == LEXINFO.feminine
    assert glossary.value(paie, LEXINFO.partOfSpeech) == LEXINFO.noun
    assert glossary.value(paie, LEXINFO.normativeAuthorization) == LEXINFO.preferredTerm
    assert glossary.value(paie, DCTERMS.source) is not None


def test_french_anglicisms_are_deprecated_with_a_source(glossary: Graph) -> None:
    nearshoring = term_iri(BPO.nearshoring, "fr", "nearshoring")
    assert glossary.value(nearshoring, LEXINFO.normativeAuthorization) == LEXINFO.deprecatedTerm
    assert glossary.value(nearshoring, DCTERMS.source) is not None


def test_a_regional_form_keeps_its_region_on_the_literal(glossary: Graph) -> None:
    assert (BPO.outsourcing, SKOS.altLabel, Literal("impartition", lang="fr-CA")) in glossary


def _vocabulary(tmp_path: Path, rows: str) -> Path:
    folder = tmp_path / "voc"
    shutil.copytree(Path(__file__).parent / "data", folder, ignore=_only_minimal)
    (folder / "terms.csv").write_text(HEADER + rows, encoding="utf-8")
    return folder


def _only_minimal(_folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name != "valid-minimal.ttl"]


def _findings(folder: Path, engines: tuple[str, ...] = ("auto",)) -> set[tuple[str, str]]:
    """(code, focus) of the findings; with several engines, they must agree."""
    graph = read_graph([folder])
    add_term_records(graph, [folder], for_validation=True)
    by_engine = [
        {(f.code, f.focus) for f in validate_graph(graph, profile="bpo", engine=engine).findings}
        for engine in engines
    ]
    assert all(found == by_engine[0] for found in by_engine), "the engines disagree"
    return by_engine[0]


COMPLETE = (
    f"<{EX}dog>,fr,chien,preferredTerm,noun,masculine,fullForm,,\n"
    f"<{EX}dog>,fr,toutou,admittedTerm,noun,masculine,fullForm,,\n"
    f"<{EX}dog>,en,dog,preferredTerm,noun,,fullForm,https://example.org/book,\n"
)


def test_complete_records_raise_no_finding(tmp_path: Path) -> None:
    assert _findings(_vocabulary(tmp_path, COMPLETE)) == set()


RULE_FIXTURES = [
    (
        "TERM_VALUE_UNKNOWN",
        COMPLETE.replace("noun,masculine,fullForm,,\n", "nounPhrase,masculine,fullForm,,\n", 1),
    ),
    ("TERM_GENDER_MISSING", COMPLETE.replace("noun,masculine", "noun,", 1)),
    (
        "PREFERRED_TERM_DEPRECATED",
        COMPLETE.replace("chien,preferredTerm", "chien,deprecatedTerm"),
    ),
    (
        "ACRONYM_WITHOUT_FULL_FORM",
        COMPLETE.replace("dog,preferredTerm,noun,,fullForm", "dog,preferredTerm,noun,,initialism"),
    ),
    (
        "TERM_LABEL_MISMATCH",
        COMPLETE.replace(f"<{EX}dog>,fr,toutou,admittedTerm,noun,masculine,fullForm,,\n", ""),
    ),
    (
        "TERM_RECORD_UNMATCHED",
        COMPLETE + f"<{EX}dog>,fr,clebs,admittedTerm,noun,masculine,fullForm,,\n",
    ),
]


@pytest.mark.parametrize(("code", "rows"), RULE_FIXTURES)
def test_each_record_rule_fires_on_the_concept(tmp_path: Path, code: str, rows: str) -> None:
    found = _findings(_vocabulary(tmp_path, rows))
    assert {c for c, _ in found} == {code}
    assert all(focus.startswith(EX) for _, focus in found)


def test_two_label_resources_for_one_literal_are_a_duplicate() -> None:
    graph = read_graph([Path(__file__).parent / "data" / "valid-minimal.ttl"])
    dog = URIRef(EX + "dog")
    for name in ("a", "b"):
        label = URIRef(EX + "label-" + name)
        graph.add((dog, SKOSXL.prefLabel, label))
        graph.add((label, RDF.type, SKOSXL.Label))
        graph.add((label, SKOSXL.literalForm, Literal("chien", lang="fr")))
    found = {(f.code, f.focus) for f in validate_graph(graph, profile="skos").findings}
    assert ("TERM_RECORD_DUPLICATE", EX + "dog") in found


def test_a_row_without_a_term_names_file_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(HEADER + "bpo:payroll,fr,,preferredTerm,noun,feminine,fullForm,,\n")
    with pytest.raises(InputError, match=r"terms\.csv: row 2, column 3: no term"):
        read_term_records(path)
    path.write_text("concept,language\nbpo:payroll,fr\n")
    with pytest.raises(InputError, match="missing column"):
        read_term_records(path)


def test_the_writers_leave_out_a_record_without_its_label(tmp_path: Path) -> None:
    folder = _vocabulary(
        tmp_path, COMPLETE + f"<{EX}dog>,fr,clebs,admittedTerm,noun,masculine,fullForm,,\n"
    )
    graph = load_vocabulary([folder])
    forms = {str(form) for form in graph.objects(None, SKOSXL.literalForm)}
    assert forms == {"chien", "toutou", "dog"}


def test_the_glossary_validates_with_its_records() -> None:
    graph = load_vocabulary([DEFAULT_ONTOLOGY_DIR])
    assert len(set(graph.subjects(RDF.type, SKOSXL.Label))) > 250


@pytest.mark.slow
@pytest.mark.parametrize("rows", [COMPLETE, *(rows for _, rows in RULE_FIXTURES)])
def test_both_engines_agree_on_the_record_rules(tmp_path: Path, rows: str) -> None:
    _findings(_vocabulary(tmp_path, rows), engines=("pyshacl", "auto"))
