"""Each rule on a tiny vocabulary: the rule fires where it should (code, severity, focus node)
and stays silent on near misses. Every case starts from tests/data/valid-minimal.ttl."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from bpo_kb.rdf.namespaces import BPOV, RDF, SH
from bpo_kb.rdf.read import read_graph
from bpo_kb.rules.validation import load_shapes, validate_graph

EX = "http://example.org/voc/"
TURTLE_PREFIXES = """
@prefix dct: <http://purl.org/dc/terms/> .
@prefix ex: <http://example.org/voc/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix skosxl: <http://www.w3.org/2008/05/skos-xl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def findings_for(
    data_dir: Path,
    *,
    add: str = "",
    remove: str = "",
    profile: str = "bpo",
    engines: tuple[str, ...] = ("auto",),
) -> set[tuple[str, str, str]]:
    """(code, severity, focus) of every finding on the minimal vocabulary, edited.

    With several ``engines``, each runs and they must agree: the engine-equivalence check,
    which test_both_engines_agree_on_every_fixture makes on the fixtures of this file (slow:
    pySHACL evaluates each rule once per focus node); the quick tests use the SPARQL engine.
    """
    graph = read_graph([data_dir / "valid-minimal.ttl"])
    for triple in Graph().parse(data=TURTLE_PREFIXES + remove, format="turtle"):
        assert triple in graph, f"fixture error: {triple} is not in the minimal vocabulary"
        graph.remove(triple)
    graph.parse(data=TURTLE_PREFIXES + add, format="turtle")
    by_engine = [
        {
            (f.code, f.severity, f.focus)
            for f in validate_graph(graph, profile=profile, engine=engine).findings
        }
        for engine in engines
    ]
    assert all(found == by_engine[0] for found in by_engine), "the engines disagree"
    return by_engine[0]


@pytest.mark.parametrize("profile", ["skos", "bpo"])
def test_minimal_vocabulary_has_no_finding(data_dir: Path, profile: str) -> None:
    assert findings_for(data_dir, profile=profile) == set()


# A language tag Oxigraph refuses (a subtag of ten letters; BCP 47 allows eight).
OVER_LONG_TAG = 'ex:dog skos:definition "Dog."@en-abcdefghij .'

# (code, triples to add, triples to remove, focus node)
VIOLATIONS = [
    ("S13", 'ex:dog skos:hiddenLabel "toutou"@fr .', "", "dog"),
    ("S13", 'ex:dog skos:altLabel "chien"@fr .', "", "dog"),
    ("S14", 'ex:dog skos:prefLabel "clebs"@fr .', "", "dog"),
    ("S14", 'ex:dog skos:prefLabel "hound"@EN .', "", "dog"),
    ("PREFLABEL_LANG_MISSING", "", 'ex:dog skos:prefLabel "dog"@en .', "dog"),
    ("DEFINITION_LANG_MISSING", "", 'ex:dog skos:definition "Mammifère domestique."@fr .', "dog"),
    ("LABEL_EMPTY", 'ex:dog skos:altLabel ""@en .', "", "dog"),
    ("LABEL_EMPTY", 'ex:dog skos:hiddenLabel "  "@en .', "", "dog"),
    ("LABEL_PADDED", 'ex:dog skos:altLabel " hound"@en .', "", "dog"),
    ("LABEL_PADDED", 'ex:dog skos:altLabel "hound\\u00A0"@en .', "", "dog"),
    ("CONCEPT_NOT_IN_SCHEME", "", "ex:dog skos:inScheme ex:scheme .", "dog"),
    (
        "CONCEPT_UNREACHABLE",
        "",
        "ex:dog skos:broader ex:animal . ex:animal skos:narrower ex:dog .",
        "dog",
    ),
    ("HIERARCHY_CYCLE", "ex:animal skos:broader ex:dog .", "", "animal"),
    ("HIERARCHY_CYCLE", "ex:dog skos:broader ex:dog .", "", "dog"),
    ("HIERARCHY_CYCLE", "ex:animal skos:broaderTransitive ex:dog .", "", "animal"),
    ("HIERARCHY_CYCLE", "ex:animal skos:broadMatch ex:dog .", "", "dog"),
    ("S14", 'ex:dog skos:prefLabel "hound" , "mutt" .', "", "dog"),  # untagged count as one
    (
        "SCHEME_METADATA_MISSING",
        "",
        "ex:scheme dct:license <https://creativecommons.org/licenses/by/4.0/> .",
        "scheme",
    ),
    ("SCHEME_TEXT_LANG_MISSING", "", 'ex:scheme dct:title "Test vocabulary"@en .', "scheme"),
    (
        "SCHEME_DATE_INVALID",
        'ex:scheme dct:modified "yesterday" .',
        'ex:scheme dct:modified "2026-01-02"^^xsd:date .',
        "scheme",
    ),
    ("AGENT_UNDESCRIBED", "ex:scheme dct:creator ex:nobody .", "", "scheme"),
    ("CONCEPT_SOURCE_MISSING", "", "ex:dog dct:source ex:book .", "dog"),
    ("CONCEPT_NOT_DEFINED_BY", "", "ex:dog rdfs:isDefinedBy ex:scheme .", "dog"),
    ("COLLECTION_INCOMPLETE", "", 'ex:pets skos:definition "Animals kept at home."@en .', "pets"),
    ("COLLECTION_EMPTY", "", "ex:pets skos:member ex:dog .", "pets"),
    ("S9", "ex:dog a skos:ConceptScheme .", "", "dog"),
    ("S27", "ex:dog skos:related ex:animal .", "", "dog"),
    ("S27", "ex:puppy skos:broader ex:dog ; skos:related ex:animal .", "", "puppy"),
    ("S37", "ex:pets a skos:Concept .", "", "pets"),
    ("S46", "ex:dog skos:exactMatch ex:other ; skos:broadMatch ex:other .", "", "dog"),
    (
        "S46",
        "ex:dog skos:exactMatch ex:a . ex:a skos:exactMatch ex:b . ex:dog skos:relatedMatch ex:b .",
        "",
        "dog",
    ),
    ("PREFLABEL_MISSING", "", 'ex:dog skos:prefLabel "chien"@fr , "dog"@en .', "dog"),
    ("LANG_TAG_MISSING", 'ex:dog skos:altLabel "hound" .', "", "dog"),
    ("LANG_TAG_INVALID", 'ex:dog skos:altLabel "hound"@xx .', "", "dog"),
    ("LANG_TAG_INVALID", 'ex:dog skos:altLabel "hound"@blubb .', "", "dog"),
    pytest.param(  # a tag Oxigraph refuses: rdflib's SPARQL runs pySHACL, about 30 s
        "LANG_TAG_INVALID",
        OVER_LONG_TAG,
        "",
        "dog",
        marks=pytest.mark.slow,
    ),
    ("LABEL_CONTROL_CHAR", 'ex:dog skos:altLabel "hou\\u200Bnd"@en .', "", "dog"),
    ("LABEL_CONTROL_CHAR", 'ex:dog skos:hiddenLabel "dog\\u0007"@en .', "", "dog"),
    ("TOP_CONCEPT_HAS_BROADER", "ex:dog skos:topConceptOf ex:scheme .", "", "dog"),
    ("TOP_CONCEPT_HAS_BROADER", "ex:animal skos:broaderTransitive ex:being .", "", "animal"),
    ("LANG_TAG_INVALID", 'ex:dog skos:altLabel "doggo"@x-internet .', "", "dog"),
    (
        "SCHEME_NO_TOP_CONCEPT",
        "",
        "ex:scheme skos:hasTopConcept ex:animal . ex:animal skos:topConceptOf ex:scheme .",
        "scheme",
    ),
    (
        "SCHEME_NO_TITLE",
        "",
        'ex:scheme skos:prefLabel "Vocabulaire d\'essai"@fr , '
        '"Test vocabulary"@en ; dct:title "Vocabulaire d\'essai"@fr , "Test vocabulary"@en .',
        "scheme",
    ),
    ("RELATION_TARGET_UNDESCRIBED", "ex:dog skos:related ex:unicorn .", "", "dog"),
    ("UNDEFINED_SKOS_TERM", 'ex:dog skos:scopenote "A note."@en .', "", "dog"),
    ("UNDEFINED_SKOS_TERM", "ex:dog skos:subject ex:pets .", "", "dog"),
    ("UNDEFINED_SKOS_TERM", "ex:dog a skos:concept .", "", "dog"),  # as an object
    # SKOS-XL labels are checked as the SKOS labels they entail (SKOS-XL S55-S57).
    ("LANG_TAG_MISSING", 'ex:dog skosxl:altLabel [ skosxl:literalForm "hound" ] .', "", "dog"),
    ("S14", 'ex:dog skosxl:prefLabel [ skosxl:literalForm "hound"@en ] .', "", "dog"),
    ("S13", 'ex:dog skosxl:hiddenLabel [ skosxl:literalForm "dog"@en ] .', "", "dog"),
]

# A complete concept with no relation at all, to build warning cases on.
CAT = """
ex:cat a skos:Concept ; skos:inScheme ex:scheme ; skos:topConceptOf ex:scheme ;
    rdfs:isDefinedBy ex:scheme ; dct:source ex:book ;
    skos:prefLabel "chat"@fr , "cat"@en ; skos:definition "Félin."@fr , "Feline."@en .
ex:scheme skos:hasTopConcept ex:cat .
"""

WARNINGS = [
    ("ORPHAN_CONCEPT", CAT, "", "cat"),
    ("INVERSE_NOT_STATED", "", "ex:animal skos:narrower ex:dog .", "dog"),
    ("INVERSE_NOT_STATED", "", "ex:scheme skos:hasTopConcept ex:animal .", "animal"),
    (
        "PREFLABEL_SHARED",
        CAT + 'ex:cat skos:altLabel "x"@en . ex:cat skos:prefLabel "Dog"@en .',
        "",
        "cat",
    ),
    (
        "LABEL_UNTRANSLATED",
        'ex:dog skos:prefLabel "Chien"@en .',
        'ex:dog skos:prefLabel "dog"@en .',
        "dog",
    ),
    ("HIERARCHICAL_REDUNDANCY", "ex:puppy skos:broader ex:dog , ex:animal .", "", "puppy"),
    ("RELATED_SIBLINGS", CAT + "ex:cat skos:broader ex:animal ; skos:related ex:dog .", "", "cat"),
    ("ALTLABEL_SHARED", CAT + 'ex:cat skos:altLabel "Chien"@fr .', "", "cat"),
    ("ALTLABEL_SHARED", CAT + 'ex:cat skos:altLabel "toutou"@fr .', "", "cat"),
    (
        "ALTLABEL_SHARED",
        CAT + 'ex:cat skosxl:altLabel ex:toutou . ex:toutou skosxl:literalForm "toutou"@fr .',
        "",
        "cat",
    ),
    ("RELATED_TO_ITSELF", "ex:dog skos:related ex:dog .", "", "dog"),
    ("RELATED_TO_ITSELF", "ex:dog skos:broadMatch ex:dog .", "", "dog"),
    ("INVERSE_NOT_STATED", "ex:dog skos:broaderTransitive ex:animal .", "", "dog"),
    ("MAPPING_INSIDE_SCHEME", "ex:dog skos:closeMatch ex:animal .", "", "dog"),
    ("NOTATION_SHARED", 'ex:dog skos:notation "1" . ex:animal skos:notation "1" .', "", "animal"),
]


@pytest.mark.parametrize(("code", "add", "remove", "focus"), WARNINGS)
def test_quality_rule_reports_warning_on_focus(
    data_dir: Path, code: str, add: str, remove: str, focus: str
) -> None:
    assert (code, "Warning", EX + focus) in findings_for(data_dir, add=add, remove=remove)


@pytest.mark.parametrize(("code", "add", "remove", "focus"), VIOLATIONS)
def test_rule_reports_violation_on_focus(
    data_dir: Path, code: str, add: str, remove: str, focus: str
) -> None:
    assert (code, "Violation", EX + focus) in findings_for(data_dir, add=add, remove=remove)


# Edits that look close to a defect but are fine: (code that must stay silent, add, remove).
NEAR_MISSES = [
    ("S13", 'ex:dog skos:altLabel "chien"@en .', ""),  # same text, other language
    ("S13", 'ex:dog skos:hiddenLabel "Chien"@fr .', ""),  # S13 is case-sensitive
    ("S14", 'ex:dog skos:prefLabel "dog"@de .', ""),  # one per language
    (
        "PREFLABEL_LANG_MISSING",
        'ex:dog skos:prefLabel "chien"@fr-ca .',
        'ex:dog skos:prefLabel "chien"@fr .',
    ),  # fr-CA is French
    ("LABEL_PADDED", 'ex:dog skos:altLabel "chien de garde"@fr .', ""),  # inner spaces are fine
    (
        "CONCEPT_NOT_IN_SCHEME",
        "ex:scheme skos:hasTopConcept ex:dog .",
        "ex:dog skos:inScheme ex:scheme .",
    ),  # a top concept is in its scheme
    ("HIERARCHY_CYCLE", "ex:puppy skos:broader ex:dog , ex:animal .", ""),  # a diamond, no cycle
    ("PREFLABEL_LANG_MISSING", "", 'ex:dog skos:prefLabel "chien"@fr , "dog"@en .'),  # none at all
    ("S27", "ex:cat skos:broader ex:animal ; skos:related ex:dog .", ""),  # siblings may relate
    ("S46", "ex:dog skos:exactMatch ex:a ; skos:broadMatch ex:b .", ""),  # different targets
    ("LANG_TAG_INVALID", 'ex:dog skos:altLabel "chien"@fr-CA , "狗"@zh-Hant-TW .', ""),
    ("LANG_TAG_INVALID", 'ex:dog skos:altLabel "Hund"@de-1996 , "dog"@EN-gb .', ""),
    ("LABEL_CONTROL_CHAR", 'ex:dog skos:altLabel "chien-loup"@fr , "café"@fr .', ""),
    ("UNDEFINED_SKOS_TERM", 'ex:dog skos:scopeNote "A note."@en ; skos:notation "D" .', ""),
    ("LABEL_UNTRANSLATED", 'ex:dog skos:prefLabel "chien"@fr-CA .', ""),  # a regional variant
    ("NOTATION_SHARED", 'ex:dog skos:notation "1" . ex:animal skos:notation "2" .', ""),
    ("ALTLABEL_SHARED", CAT + 'ex:cat skos:altLabel "toutou"@en .', ""),  # other language
    ("INVERSE_NOT_STATED", "ex:dog skos:exactMatch <http://other.example/dog> .", ""),  # mapping
    ("TOP_CONCEPT_HAS_BROADER", "ex:animal skos:broadMatch <http://other.example/being> .", ""),
    ("RELATED_SIBLINGS", CAT + "ex:cat skos:related ex:dog .", ""),  # not siblings
    ("MAPPING_INSIDE_SCHEME", "ex:dog skos:closeMatch <http://other.example/dog> .", ""),
    ("SCHEME_NO_TOP_CONCEPT", "", "ex:scheme skos:hasTopConcept ex:animal ."),  # topConceptOf
    (
        "CONCEPT_UNREACHABLE",
        "",
        "ex:scheme skos:hasTopConcept ex:animal . ex:animal skos:topConceptOf ex:scheme .",
    ),
]


@pytest.mark.parametrize(("code", "add", "remove"), NEAR_MISSES)
def test_rule_stays_silent_on_near_miss(data_dir: Path, code: str, add: str, remove: str) -> None:
    codes = {found_code for found_code, _, _ in findings_for(data_dir, add=add, remove=remove)}
    assert code not in codes


# Every edit of this file's rule fixtures, and the minimal vocabulary itself (no edit), but the
# tag Oxigraph refuses: there the "auto" engine is pySHACL too, so the two engines would be one
# (and comparing it with itself took a minute of CI).
EVERY_FIXTURE = [
    pytest.param(values[1], values[2], id=f"{values[0]}-{number}")
    for number, fixture in enumerate([*VIOLATIONS, *WARNINGS, *NEAR_MISSES, ("none", "", "")])
    for values in [getattr(fixture, "values", fixture)]  # a pytest.param carries its values
    if values[1] != OVER_LONG_TAG
]


@pytest.mark.slow
@pytest.mark.parametrize(("add", "remove"), EVERY_FIXTURE)
def test_both_engines_agree_on_every_fixture(data_dir: Path, add: str, remove: str) -> None:
    # The bpo profile only: it runs every shape of the skos profile and the house rules, so one
    # sweep covers every rule (both profiles doubled the slowest part of CI for no new rule).
    findings_for(data_dir, add=add, remove=remove, profile="bpo", engines=("pyshacl", "auto"))


def test_concept_stated_only_through_narrower_is_reachable(data_dir: Path) -> None:
    found = findings_for(data_dir, remove="ex:dog skos:broader ex:animal .")
    assert "CONCEPT_UNREACHABLE" not in {code for code, _, _ in found}


def test_blank_node_concept_is_reported(data_dir: Path) -> None:
    add = "[] a skos:Concept ; skos:inScheme ex:scheme ; skos:broader ex:animal ."
    found = findings_for(data_dir, add=add)
    assert any(code == "BLANK_NODE_CONCEPT" and focus.startswith("_:") for code, _, focus in found)


def test_non_http_iri_is_a_warning(data_dir: Path) -> None:
    found = findings_for(data_dir, add="<urn:x:cat> a skos:Concept ; skos:broader ex:animal .")
    assert ("NON_HTTP_IRI", "Warning", "urn:x:cat") in found


def test_every_rule_has_a_code_a_layer_a_severity_and_a_message() -> None:
    shapes = load_shapes("bpo")
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(shape, BPOV.code) is not None, shape
        assert str(shapes.value(shape, BPOV.layer)) in {"integrity", "profile", "quality", "house"}
        severity = shapes.value(shape, SH.severity)
        expected = SH.Warning if str(shapes.value(shape, BPOV.layer)) == "quality" else SH.Violation
        assert severity == expected, shape
        constraint = shapes.value(shape, SH.sparql)
        assert shapes.value(constraint, SH.message) is not None, shape


def test_required_languages_are_settings_not_code(data_dir: Path) -> None:
    graph = read_graph([data_dir / "valid-minimal.ttl"])
    report = validate_graph(graph, profile="skos", required_languages=("fr", "en", "de"))
    missing = {(f.code, f.focus) for f in report.findings}
    assert ("PREFLABEL_LANG_MISSING", EX + "dog") in missing
    assert ("DEFINITION_LANG_MISSING", EX + "animal") in missing


def test_findings_name_focus_label_and_fix(data_dir: Path) -> None:
    graph = read_graph([data_dir / "valid-minimal.ttl"])
    graph.parse(data=TURTLE_PREFIXES + 'ex:dog skos:prefLabel "clebs"@fr .', format="turtle")
    report = validate_graph(graph, profile="skos")
    (finding,) = report.findings
    assert finding.label in {"chien", "clebs"}
    assert "make the others skos:altLabel" in finding.message
    line = finding.as_line()
    assert line.startswith(f"Violation S14 <{EX}dog> (")
    assert not report.conforms


def test_validation_leaves_the_data_unchanged(data_dir: Path) -> None:
    graph = read_graph([data_dir / "valid-minimal.ttl"])
    before = set(graph)
    validate_graph(graph, profile="bpo")
    assert set(graph) == before


def test_derivations_run_apart_give_what_the_whole_updates_give() -> None:
    import pyoxigraph

    from bpo_kb.resources import DEFAULT_ONTOLOGY_DIR, DEFAULT_SHAPES_DIR
    from bpo_kb.rules.validation import DERIVATIONS, _derivations

    skos_xl = """
        @prefix skosxl: <http://www.w3.org/2008/05/skos-xl#> .
        <https://w3id.org/bpo-kb/offshoring> skosxl:altLabel <urn:example:label> .
        <urn:example:label> skosxl:literalForm "Off-shoring"@en .
    """

    def glossary_store() -> pyoxigraph.Store:
        store = pyoxigraph.Store()
        for path in sorted(DEFAULT_ONTOLOGY_DIR.glob("*.ttl")):
            store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
        store.load(skos_xl.encode(), format=pyoxigraph.RdfFormat.TURTLE)
        return store

    whole, apart = glossary_store(), glossary_store()
    before = len(whole)
    for name in DERIVATIONS:
        whole.update((DEFAULT_SHAPES_DIR / name).read_text(encoding="utf-8"))
    operations = _derivations(DEFAULT_SHAPES_DIR)
    for operation in reversed(operations):  # independent: any order gives the same data
        apart.update(operation)

    assert len(operations) >= 5
    assert len(whole) > before
    assert set(apart) == set(whole)
    assert any('"off-shoring@en"' in str(quad) for quad in whole)  # a key from a SKOS-XL label


def test_an_undefined_skos_term_as_a_subject_is_reported(data_dir: Path) -> None:
    findings = findings_for(data_dir, add='skos:Broader rdfs:label "broader"@en .')
    assert (
        "UNDEFINED_SKOS_TERM",
        "Violation",
        "http://www.w3.org/2004/02/skos/core#Broader",
    ) in findings
