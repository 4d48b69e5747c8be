"""The glossary's content: the terms, structure and identifiers that docs/TERMINOLOGY.md
establishes (the repository copy, which supersedes shared/TERMINOLOGY.md and folds in the
terminology review of 2026-11-30), as the exports state them."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef

from bpo_kb.rdf.namespaces import BPO, RDF, SKOS

from .conftest import REPO_ROOT, shared_file

TERMINOLOGY = REPO_ROOT / "docs" / "TERMINOLOGY.md"
DCT_SOURCE = URIRef("http://purl.org/dc/terms/source")
UNESCO = "http://vocabularies.unesco.org/thesaurus/"

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
    """The rows of docs/TERMINOLOGY.md section 2 (concept inventory)."""
    text = TERMINOLOGY.read_text(encoding="utf-8")
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


def test_one_scheme_31_concepts_and_4_collections(glossary: Graph) -> None:
    assert list(glossary.subjects(RDF.type, SKOS.ConceptScheme)) == [BPO.glossary]
    assert len(_concepts(glossary)) == 31
    assert len(set(glossary.subjects(RDF.type, SKOS.Collection))) == 4


def test_every_concept_has_one_preflabel_and_a_definition_in_fr_and_en(glossary: Graph) -> None:
    for concept in _concepts(glossary):
        for language in ("fr", "en"):
            assert len(_labels(glossary, concept, SKOS.prefLabel, language)) == 1, concept
            assert _labels(glossary, concept, SKOS.definition, language), concept


def _labels_in_language(graph: Graph, concept: URIRef, prop: URIRef, language: str) -> set[str]:
    """Labels in a language, regional forms included (fr-CA counts as fr)."""
    return {
        str(o)
        for o in graph.objects(concept, prop)
        if isinstance(o, Literal) and o.language and o.language.split("-")[0].lower() == language
    }


def test_terms_follow_the_terminology_inventory(glossary: Graph) -> None:
    rows = _inventory()
    assert len(rows) == 31
    for row in rows:
        concept = BPO[row["id"].strip("`")]
        for language in ("fr", "en"):
            assert _labels(glossary, concept, SKOS.prefLabel, language) == {
                row[f"{language}_pref"].strip("*")
            }
            assert _split(row[f"{language}_alt"]) <= _labels_in_language(
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
    text = TERMINOLOGY.read_text(encoding="utf-8")
    section = text.split("### 5.1 Proposed mappings", 1)[1].split("### 5.2", 1)[0]
    targets = {o for p in MAPPING_PROPERTIES for o in glossary.objects(None, p)}
    targets |= set(glossary.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso")))
    assert len(targets) > 30
    for target in targets:
        identifier = re.split(r"[/#]", str(target))[-1].replace("IATE-", "")
        assert f"**{identifier}**" in section or f"IATE-{identifier}" in section, target


# --- The terminology review of 2026-11-30 (docs/TERMINOLOGY.md section 8) ---------------------


def _text(graph: Graph, concept: str, prop: URIRef, language: str) -> str:
    return " ".join(_labels(graph, BPO[concept], prop, language)).lower()


def test_location_types_form_a_partition_by_distance(glossary: Graph) -> None:
    # (concept, language): words its definition must hold, words it must not hold
    expected = {
        ("offshore-outsourcing", "fr"): (["éloigné", "autre continent"], ["autre pays", "proche"]),
        ("offshore-outsourcing", "en"): (["distant", "another continent"], ["another country"]),
        ("nearshore-outsourcing", "fr"): (["étranger proche", "voisin"], ["éloigné"]),
        ("nearshore-outsourcing", "en"): (["foreign country near", "neighbouring"], ["distant"]),
        ("onshore-outsourcing", "fr"): (
            ["pays même de l'entreprise cliente"],
            ["étranger", "éloigné", "proche", "voisin"],
        ),
        ("onshore-outsourcing", "en"): (
            ["client company's own country"],
            ["foreign", "distant", "near"],
        ),
    }
    for (concept, language), (present, absent) in expected.items():
        definition = _text(glossary, concept, SKOS.definition, language)
        for word in present:
            assert word in definition, (concept, language, word)
        for word in absent:
            assert word not in definition, (concept, language, word)
    # the French preferred term of offshore names a distant country, not any foreign country
    offshore_pref = _labels(glossary, BPO["offshore-outsourcing"], SKOS.prefLabel, "fr")
    assert offshore_pref == {"externalisation dans un pays éloigné"}
    assert "externalisation à l'étranger" not in _labels(
        glossary, BPO["offshore-outsourcing"], SKOS.altLabel, "fr"
    )
    assert "externalisation à l'étranger" in _labels(
        glossary, BPO["offshore-outsourcing"], SKOS.hiddenLabel, "fr"
    )


def test_relocation_branch_is_consistent_with_the_partition(glossary: Graph) -> None:
    # offshoring is any foreign country, near or distant, so nearshoring may sit under it
    assert (BPO.nearshoring, SKOS.broader, BPO.offshoring) in glossary
    assert "proche ou éloigné" in _text(glossary, "offshoring", SKOS.definition, "fr")
    assert "near or distant" in _text(glossary, "offshoring", SKOS.definition, "en")
    # offshore outsourcing is only related to offshoring, so no mapping may imply a hierarchy
    offshoring_targets = set(glossary.objects(BPO.offshoring, SKOS.exactMatch)) | set(
        glossary.objects(BPO.offshoring, SKOS.closeMatch)
    )
    broader_targets = set(glossary.objects(BPO["offshore-outsourcing"], SKOS.broadMatch))
    assert offshoring_targets
    assert not offshoring_targets & broader_targets


@pytest.mark.parametrize(
    ("concept", "language", "label"),
    [
        ("business-function", "fr", "fonction métier"),
        ("business-function", "en", "corporate function"),
        ("support-function", "fr", "activité non essentielle"),
        ("support-function", "fr", "activité secondaire"),
        ("scalability-flexibility", "fr", "évolutivité"),
        ("scalability-flexibility", "en", "scalability"),
        ("data-security-privacy", "fr", "protection des données"),
        ("data-security-privacy", "fr", "sécurité des données"),
        ("data-security-privacy", "fr", "confidentialité des données"),
        ("data-security-privacy", "en", "data security"),
        ("data-security-privacy", "en", "data protection"),
        ("data-security-privacy", "en", "data privacy"),
        ("cultural-language-barriers", "fr", "barrière linguistique"),
        ("cultural-language-barriers", "fr", "différences culturelles"),
        ("cultural-language-barriers", "en", "language barriers"),
        ("cultural-language-barriers", "en", "cultural differences"),
        ("customer-service", "fr", "relation client"),
        ("accounting", "fr", "tenue de la comptabilité"),
        ("offshoring", "fr", "offshore"),
        ("efficiency-gains", "fr", "gains d'efficacité"),
        ("efficiency-gains", "en", "efficiency gains"),
        ("business-process", "en", "business processes"),
        ("core-business", "en", "core activities"),
        ("offshore-outsourcing", "fr", "externalisation à l'étranger"),
    ],
)
def test_terms_the_review_removed_are_not_alternative_labels(
    glossary: Graph, concept: str, language: str, label: str
) -> None:
    assert label not in _labels(glossary, BPO[concept], SKOS.altLabel, language)
    assert label not in _labels(glossary, BPO[concept], SKOS.prefLabel, language)


def test_review_additions_are_searchable(glossary: Graph) -> None:
    hidden = {(str(o), o.language): s for s, o in glossary.subject_objects(SKOS.hiddenLabel)}
    assert hidden[("réaliser des économies", "fr")] == BPO["cost-reduction"]
    assert hidden[("prestataires de services externes", "fr")] == BPO["service-provider"]
    assert hidden[("protection des données personnelles", "fr")] == BPO["data-security-privacy"]
    assert hidden[("offshore", "fr")] == BPO.offshoring


@pytest.mark.parametrize(
    ("concept", "fr", "en", "top"),
    [
        ("client-company", "entreprise cliente", "client company", True),
        ("service-level-agreement", "accord de niveau de service", "service level agreement", True),
        ("it-outsourcing", "infogérance", "IT outsourcing", False),
    ],
)
def test_the_concepts_the_seed_implies_exist_with_cited_sources(
    glossary: Graph, concept: str, fr: str, en: str, top: bool
) -> None:
    iri = BPO[concept]
    assert _labels(glossary, iri, SKOS.prefLabel, "fr") == {fr}
    assert _labels(glossary, iri, SKOS.prefLabel, "en") == {en}
    sources = [str(o) for o in glossary.objects(iri, DCT_SOURCE)]
    assert [src for src in sources if not src.startswith(str(BPO))]  # a page outside the project
    notes = " ".join(str(o) for o in glossary.objects(iri, SKOS.editorialNote))
    assert "http" in notes  # the evidence is cited where a reader sees it
    assert ((BPO.glossary, SKOS.hasTopConcept, iri) in glossary) is top
    assert list(glossary.objects(iri, SKOS.related))


def test_new_concepts_are_placed_where_genuine(glossary: Graph) -> None:
    assert (BPO["it-outsourcing"], SKOS.broader, BPO.outsourcing) in glossary
    assert (BPO["it-outsourcing"], SKOS.related, BPO["it-services"]) in glossary
    assert (BPO["client-company"], SKOS.related, BPO["service-provider"]) in glossary
    assert (BPO["service-level-agreement"], SKOS.related, BPO["quality-control"]) in glossary
    assert "donneur d'ordres" in _labels(glossary, BPO["client-company"], SKOS.altLabel, "fr")
    assert "SLA" in _labels(glossary, BPO["service-level-agreement"], SKOS.altLabel, "en")


_TEXT_PROPERTIES = [
    SKOS.definition,
    SKOS.scopeNote,
    SKOS.editorialNote,
    SKOS.historyNote,
    SKOS.note,
    SKOS.example,
    SKOS.prefLabel,
    URIRef("http://purl.org/dc/terms/title"),
    URIRef("http://purl.org/dc/terms/description"),
]


def _typography_faults(text: str, language: str) -> list[str]:
    """What breaks the house typography in one literal: French spaces, English quotes."""
    faults = []
    if language == "fr":
        text = re.sub(r"https?://\S+", "URL", text)  # a URL's own ? and : are not punctuation
        for sign in ";!?":
            if re.search(rf"(^|[^\u202f]){re.escape(sign)}", text):
                faults.append(f"{sign!r} without U+202F before it")
        if re.search(r"[^\u00a0/]:(\s|$)", text) or re.search(r"\s:", text.replace("\u00a0:", "")):
            faults.append("':' without U+00A0 before it")
        if re.search(r"«(?!\u00a0)", text) or re.search(r"(?<!\u00a0)»", text):
            faults.append("« » without U+00A0 inside")
    elif language == "en" and ("«" in text or "»" in text):
        faults.append("« » in English text (use “ ”)")
    return faults


@pytest.mark.parametrize(
    ("text", "language", "faulty"),
    [
        ("Sources : voir", "fr", True),
        ("Sources\u00a0: voir", "fr", False),
        ("a ; b", "fr", True),
        ("a\u202f; b", "fr", False),
        ("Pourquoi ?", "fr", True),
        ("« terme »", "fr", True),
        ("«\u00a0terme\u00a0»", "fr", False),
        ("see https://example.org/a?b=1", "fr", False),
        ("see https://example.org/a?b=1 ; then", "fr", True),
        ("the « term »", "en", True),
        ("the “term”; then: more", "en", False),
    ],
)
def test_the_typography_check_itself(text: str, language: str, faulty: bool) -> None:
    assert bool(_typography_faults(text, language)) is faulty


def test_ontology_text_follows_french_and_english_typography(glossary: Graph) -> None:
    checked = 0
    for prop in _TEXT_PROPERTIES:
        for subject, literal in glossary.subject_objects(prop):
            if isinstance(literal, Literal) and literal.language in ("fr", "en"):
                checked += 1
                faults = _typography_faults(str(literal), literal.language)
                assert not faults, (subject, prop, str(literal), faults)
    assert checked > 150


@pytest.mark.peer
def test_unesco_mapping_targets_exist_in_the_dump(glossary: Graph) -> None:
    dump = shared_file("peer/vocabularies/unesco-thesaurus.ttl").read_text(encoding="utf-8")
    targets = {
        str(o)
        for p in MAPPING_PROPERTIES
        for o in glossary.objects(None, p)
        if str(o).startswith(UNESCO)
    }
    assert len(targets) == 8
    for target in targets:
        local = target[len(UNESCO) :]
        assert re.search(rf"^:{local} a skos:Concept", dump, re.M), target
    expected = {
        ("accounting", SKOS.closeMatch, "concept1183"),
        ("intellectual-property", SKOS.closeMatch, "concept5325"),
        ("human-resource-management", SKOS.closeMatch, "concept680"),
        ("quality-control", SKOS.broadMatch, "concept6517"),
        ("cost-reduction", SKOS.broadMatch, "concept6699"),
        ("data-security-privacy", SKOS.closeMatch, "concept1147"),
        ("data-security-privacy", SKOS.relatedMatch, "concept5307"),
        ("cultural-language-barriers", SKOS.narrowMatch, "concept1152"),
    }
    for concept, prop, local in expected:
        assert (BPO[concept], prop, URIRef(UNESCO + local)) in glossary
