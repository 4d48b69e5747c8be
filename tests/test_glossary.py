"""The glossary's content: the terms, structure and identifiers that shared/TERMINOLOGY.md
establishes, as the exports state them."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef

from bpo_kb.rdf.namespaces import BPO, RDF, SKOS

from .conftest import shared_file

MAPPING_PROPERTIES = [
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
    SKOS.relatedMatch,
]


def _concepts(graph: Graph) -> set[URIRef]:
    return {c for c in graph.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef)}


def _labels(graph: Graph, concept: URIRef, prop: URIRef, language: str) -> set[str]:
    return {
        str(o)
        for o in graph.objects(concept, prop)
        if isinstance(o, Literal) and o.language == language
    }


def _inventory() -> list[dict[str, str]]:
    """The rows of TERMINOLOGY.md section 2 (concept inventory)."""
    text = shared_file("TERMINOLOGY.md").read_text(encoding="utf-8")
    section = text.split("## 2. Concept inventory", 1)[1].split("## 3.", 1)[0]
    names = ["number", "id", "fr_pref", "en_pref", "fr_alt", "en_alt", "hidden", "seed"]
    rows = []
    for line in section.splitlines():
        if re.match(r"\| \d+ \| `", line):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows.append(dict(zip(names, cells, strict=True)))
    return rows


def _split(cell: str) -> set[str]:
    return {part.strip() for part in cell.split(";") if part.strip()}


def test_one_scheme_28_concepts_and_4_collections(glossary: Graph) -> None:
    assert list(glossary.subjects(RDF.type, SKOS.ConceptScheme)) == [BPO.glossary]
    assert len(_concepts(glossary)) == 28
    assert len(set(glossary.subjects(RDF.type, SKOS.Collection))) == 4


def test_every_concept_has_one_preflabel_and_a_definition_in_fr_and_en(glossary: Graph) -> None:
    for concept in _concepts(glossary):
        for language in ("fr", "en"):
            assert len(_labels(glossary, concept, SKOS.prefLabel, language)) == 1, concept
            assert _labels(glossary, concept, SKOS.definition, language), concept


def test_terms_follow_the_terminology_inventory(glossary: Graph) -> None:
    rows = _inventory()
    assert len(rows) == 28
    for row in rows:
        concept = BPO[row["id"].strip("`")]
        for language in ("fr", "en"):
            assert _labels(glossary, concept, SKOS.prefLabel, language) == {
                row[f"{language}_pref"].strip("*")
            }
            assert _split(row[f"{language}_alt"]) <= _labels(
                glossary, concept, SKOS.altLabel, language
            )


def test_every_seed_wording_is_a_hidden_label_never_a_preferred_term(glossary: Graph) -> None:
    preferred = {str(label) for label in glossary.objects(None, SKOS.prefLabel)}
    for row in _inventory():
        concept = BPO[row["id"].strip("`")]
        for wording in _split(row["hidden"]):
            text, language = re.fullmatch(r"(.+) \((fr|en)\)", wording).groups()
            assert text in _labels(glossary, concept, SKOS.hiddenLabel, language), wording
            assert text not in preferred


@pytest.mark.parametrize(
    ("location_type", "relocation"),
    [
        ("offshore-outsourcing", "offshoring"),
        ("nearshore-outsourcing", "nearshoring"),
        ("onshore-outsourcing", "onshoring"),
    ],
)
def test_location_types_are_narrower_of_bpo_and_related_to_relocation(
    glossary: Graph, location_type: str, relocation: str
) -> None:
    assert (BPO.bpo, SKOS.narrower, BPO[location_type]) in glossary
    assert (BPO[location_type], SKOS.broader, BPO.bpo) in glossary
    assert (BPO[location_type], SKOS.related, BPO[relocation]) in glossary
    assert (BPO.bpo, SKOS.broader, BPO.outsourcing) in glossary


def test_seed_mistranslations_find_their_concepts(glossary: Graph) -> None:
    hidden = {str(o): s for s, o in glossary.subject_objects(SKOS.hiddenLabel)}
    assert hidden["Externalisation en mer"] == BPO["offshore-outsourcing"]
    assert hidden["Externalisation à proximité des côtes"] == BPO["nearshore-outsourcing"]
    assert hidden["Externalisation à terre"] == BPO["onshore-outsourcing"]


def test_exports_state_every_inverse(glossary: Graph) -> None:
    for narrower, broader in glossary.subject_objects(SKOS.broader):
        assert (broader, SKOS.narrower, narrower) in glossary
    for broader, narrower in glossary.subject_objects(SKOS.narrower):
        assert (narrower, SKOS.broader, broader) in glossary
    for one, other in glossary.subject_objects(SKOS.related):
        assert (other, SKOS.related, one) in glossary
    for concept, scheme in glossary.subject_objects(SKOS.topConceptOf):
        assert (scheme, SKOS.hasTopConcept, concept) in glossary
    for concept in _concepts(glossary):
        assert (concept, SKOS.inScheme, BPO.glossary) in glossary


def test_collections_are_not_in_the_hierarchy(glossary: Graph) -> None:
    for collection in glossary.subjects(RDF.type, SKOS.Collection):
        assert (collection, RDF.type, SKOS.Concept) not in glossary
        for prop in (SKOS.broader, SKOS.narrower, SKOS.topConceptOf):
            assert not list(glossary.objects(collection, prop))
            assert not list(glossary.subjects(prop, collection))


def test_every_mapping_target_is_listed_in_terminology(glossary: Graph) -> None:
    text = shared_file("TERMINOLOGY.md").read_text(encoding="utf-8")
    section = text.split("### 5.1 Proposed mappings", 1)[1].split("### 5.2", 1)[0]
    targets = {o for p in MAPPING_PROPERTIES for o in glossary.objects(None, p)}
    targets |= set(glossary.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso")))
    assert len(targets) > 30
    for target in targets:
        identifier = re.split(r"[/#]", str(target))[-1].replace("IATE-", "")
        assert f"**{identifier}**" in section or f"IATE-{identifier}" in section, target
