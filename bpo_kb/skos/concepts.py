"""Concepts as people read them: find one by IRI, slug or label, its card, search results."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.term import Node

from bpo_kb.errors import ConceptNotFound
from bpo_kb.rdf.namespaces import BPO, PREFIXES, RDF, SKOS, compact_iri
from bpo_kb.skos.labels import texts_by_language
from bpo_kb.skos.properties import MAPPING_PROPERTIES
from bpo_kb.skos.search import search_concepts

__all__ = ["ConceptCard", "SearchResult", "concept_card", "find_concept", "search_results"]


@dataclass
class ConceptCard:
    """Everything a reader wants to know of one concept, in every language it has."""

    iri: str
    pref_labels: dict[str, str]
    alt_labels: dict[str, list[str]]
    definitions: dict[str, list[str]]
    notes: dict[str, list[str]]
    broader: list[str] = field(default_factory=list)
    narrower: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    mappings: list[tuple[str, str]] = field(default_factory=list)

    def as_text(self, languages: tuple[str, ...] = ("fr", "en")) -> str:
        lines = [self.iri]
        for language in languages:
            lines.append(f"  [{language}] {self.pref_labels.get(language, '(no preferred term)')}")
            if self.alt_labels.get(language):
                lines.append(f"       also: {'; '.join(self.alt_labels[language])}")
            for definition in self.definitions.get(language, []):
                lines.append(f"       definition: {definition}")
            for note in self.notes.get(language, []):
                lines.append(f"       note: {note}")
        for title, values in (
            ("broader", self.broader),
            ("narrower", self.narrower),
            ("related", self.related),
            ("collections", self.collections),
        ):
            if values:
                lines.append(f"  {title}: {'; '.join(values)}")
        for relation, target in self.mappings:
            lines.append(f"  {relation}: {target}")
        return "\n".join(lines)


def find_concept(graph: Graph, spec: str) -> URIRef:
    """The concept named by an IRI, a compact IRI, a slug or any of its labels.

    Raises:
        ConceptNotFound: nothing matches, or a label matches several concepts equally well.
    """
    concepts = {c for c in graph.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef)}
    for candidate in _iri_candidates(spec):
        if candidate in concepts:
            return candidate
    exact = [hit for hit in search_concepts(graph, spec) if hit.rank <= 2]
    best = [hit for hit in exact if hit.rank == exact[0].rank] if exact else []
    if len(best) == 1:
        return URIRef(best[0].concept)
    if best:
        names = ", ".join(sorted(compact_iri(hit.concept) for hit in best))
        raise ConceptNotFound(f"{spec!r} names several concepts: {names}; give the IRI")
    raise ConceptNotFound(f"no concept is named {spec!r} (try bpo-kb search)")


def concept_card(graph: Graph, concept: URIRef) -> ConceptCard:
    """The card of ``concept``: labels, definitions and notes by language, links by label."""
    return ConceptCard(
        iri=str(concept),
        pref_labels={
            lang: texts[0]
            for lang, texts in texts_by_language(graph, concept, SKOS.prefLabel).items()
        },
        alt_labels=texts_by_language(graph, concept, SKOS.altLabel),
        definitions=texts_by_language(graph, concept, SKOS.definition),
        notes=texts_by_language(graph, concept, SKOS.scopeNote),
        broader=_linked(graph, concept, SKOS.broader, SKOS.narrower),
        narrower=_linked(graph, concept, SKOS.narrower, SKOS.broader),
        related=_linked(graph, concept, SKOS.related, SKOS.related),
        collections=sorted(_name(graph, c) for c in graph.subjects(SKOS.member, concept)),
        mappings=sorted(
            (compact_iri(p), str(o)) for p in MAPPING_PROPERTIES for o in graph.objects(concept, p)
        ),
    )


def _name(graph: Graph, node: Node) -> str:
    labels = texts_by_language(graph, node, SKOS.prefLabel)
    shown = " / ".join(labels[lang][0] for lang in ("fr", "en") if lang in labels)
    return f"{shown} <{compact_iri(node)}>" if shown else compact_iri(node)


def _linked(graph: Graph, concept: Node, forward: URIRef, backward: URIRef) -> list[str]:
    targets = set(graph.objects(concept, forward)) | set(graph.subjects(backward, concept))
    return sorted(_name(graph, target) for target in targets)


def _iri_candidates(spec: str) -> Iterator[URIRef]:
    if any(character.isspace() for character in spec):
        return  # a label, not an IRI
    yield URIRef(spec.strip("<>"))
    prefix, _, local = spec.partition(":")
    if local and prefix in PREFIXES:
        yield URIRef(PREFIXES[prefix] + local)
    yield BPO[spec]


@dataclass(frozen=True)
class SearchResult:
    """One concept a search found, with the terms and definition a reader sees first."""

    iri: str
    match: str
    matched_label: str
    fr: str
    en: str
    definition: str

    def as_dict(self) -> dict[str, str]:
        return dict(self.__dict__)

    def as_text(self) -> str:
        return (
            f"{self.iri}  {self.fr} / {self.en}  [{self.match}: {self.matched_label}]\n"
            f"    {self.definition}"
        )


def search_results(graph: Graph, term: str, *, language: str | None = None) -> list[SearchResult]:
    """The concepts matching ``term`` (see :func:`~bpo_kb.skos.search.search_concepts`), best
    first, each with its fr/en terms and its definition in ``language`` (default en)."""
    results = []
    for hit in search_concepts(graph, term, language=language):
        card = concept_card(graph, hit.concept)  # type: ignore[arg-type]
        results.append(
            SearchResult(
                iri=str(hit.concept),
                match=hit.match,
                matched_label=str(hit.label),
                fr=card.pref_labels.get("fr", ""),
                en=card.pref_labels.get("en", ""),
                definition=(card.definitions.get(language or "en") or [""])[0],
            )
        )
    return results
