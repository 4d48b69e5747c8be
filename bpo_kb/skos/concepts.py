"""Concepts as people read them: find one (or a collection, or the scheme) by IRI, slug or
label, its card, search results.

A card's JSON form (``bpo-kb show --format json``) is one object with these keys, always all
present: ``iri``, ``type`` (``concept``, ``collection`` or ``scheme``), ``pref_labels``
(language → text), ``alt_labels``, ``hidden_labels``, ``definitions`` (language → texts),
``notes`` (``scopeNote``, ``example``, ``note``, ``historyNote``, ``editorialNote``,
``changeNote``, ``description`` → language → texts), ``sources`` (a list of ``{iri, label}``,
``iri`` null for a literal source), ``details`` (name → text: version, licence, dates of a
scheme), ``in_scheme``, ``broader``, ``narrower``, ``related``, ``collections``, ``members``,
``top_concepts`` (lists of ``{iri, labels}``, labels by language) and ``mappings`` (a list of
``{property, target}``, the property as ``skos:exactMatch``...). Language "" is untagged text.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection as RdfList
from rdflib.term import Node

from bpo_kb.errors import ConceptNotFound
from bpo_kb.rdf.namespaces import BPO, DCTERMS, OWL, PREFIXES, RDF, RDFS, SKOS, compact_iri
from bpo_kb.skos.labels import texts_by_language
from bpo_kb.skos.properties import MAPPING_PROPERTIES, NOTE_PROPERTIES
from bpo_kb.skos.search import normalise, parse_term, search_resources

__all__ = [
    "ConceptCard",
    "SearchResult",
    "concept_card",
    "find_concept",
    "find_entry",
    "search_results",
    "suggestions",
]

# rdf:type -> the kind of entry ``show`` names it.
ENTRY_TYPES = {
    SKOS.Concept: "concept",
    SKOS.Collection: "collection",
    SKOS.OrderedCollection: "collection",
    SKOS.ConceptScheme: "scheme",
}
_NOTES = {p: p.fragment for p in NOTE_PROPERTIES if p != SKOS.definition}
_NOTES[DCTERMS.description] = "description"
_DETAILS = {
    "version": OWL.versionInfo,
    "licence": DCTERMS.license,
    "created": DCTERMS.created,
    "modified": DCTERMS.modified,
}
_LINKS = ("in_scheme", "broader", "narrower", "related", "collections", "members", "top_concepts")
_SUGGESTIONS = 5


@dataclass(frozen=True)
class Link:
    """A concept, collection or scheme a card points to, with its preferred terms."""

    iri: str
    labels: dict[str, str]

    def as_text(self) -> str:
        shown = " / ".join(self.labels[lang] for lang in ("fr", "en") if lang in self.labels)
        shown = shown or next(iter(self.labels.values()), "")
        return f"{shown} <{compact_iri(self.iri)}>" if shown else compact_iri(self.iri)


@dataclass
class ConceptCard:
    """Everything a reader wants to know of one concept (or collection, or scheme), in every
    language it has."""

    iri: str
    pref_labels: dict[str, str]
    alt_labels: dict[str, list[str]]
    definitions: dict[str, list[str]]
    notes: dict[str, dict[str, list[str]]]
    type: str = "concept"
    hidden_labels: dict[str, list[str]] = field(default_factory=dict)
    sources: list[dict[str, str | None]] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)
    in_scheme: list[Link] = field(default_factory=list)
    broader: list[Link] = field(default_factory=list)
    narrower: list[Link] = field(default_factory=list)
    related: list[Link] = field(default_factory=list)
    collections: list[Link] = field(default_factory=list)
    members: list[Link] = field(default_factory=list)
    top_concepts: list[Link] = field(default_factory=list)
    mappings: list[tuple[str, str]] = field(default_factory=list)

    def languages(self) -> list[str]:
        """fr and en first (the glossary's), then every other language the card has text in."""
        found = set(self.pref_labels)
        for texts in (self.alt_labels, self.hidden_labels, self.definitions, *self.notes.values()):
            found |= set(texts)
        return sorted(found, key=lambda lang: (lang not in ("fr", "en"), lang != "fr", lang))

    def as_text(self) -> str:
        lines = [self.iri if self.type == "concept" else f"{self.iri}  ({self.type})"]
        for language in self.languages():
            tag = language or "no language"
            lines.append(f"  [{tag}] {self.pref_labels.get(language, '(no preferred term)')}")
            for title, texts in (("also", self.alt_labels), ("hidden", self.hidden_labels)):
                if texts.get(language):
                    lines.append(f"       {title}: {'; '.join(texts[language])}")
            lines += [f"       definition: {text}" for text in self.definitions.get(language, [])]
            for kind, by_language in self.notes.items():
                lines += [f"       {_note_title(kind)}: {t}" for t in by_language.get(language, [])]
        for source in self.sources:
            iri = f"<{compact_iri(source['iri'])}>" if source["iri"] else ""
            lines.append(f"  source: {' '.join(filter(None, (source['label'], iri)))}")
        lines += [f"  {name}: {value}" for name, value in self.details.items()]
        for title in _LINKS:
            links: list[Link] = getattr(self, title)
            if links:
                lines.append(
                    f"  {title.replace('_', ' ')}: {'; '.join(x.as_text() for x in links)}"
                )
        lines += [f"  {relation}: {target}" for relation, target in self.mappings]
        return "\n".join(lines)

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def as_dict(self) -> dict[str, object]:
        """The stable JSON object described in the module docstring."""
        return {
            "iri": self.iri,
            "type": self.type,
            "pref_labels": self.pref_labels,
            "alt_labels": self.alt_labels,
            "hidden_labels": self.hidden_labels,
            "definitions": self.definitions,
            "notes": self.notes,
            "sources": self.sources,
            "details": self.details,
            **{
                title: [{"iri": x.iri, "labels": x.labels} for x in getattr(self, title)]
                for title in _LINKS
            },
            "mappings": [{"property": p, "target": t} for p, t in self.mappings],
        }


def _note_title(kind: str) -> str:
    return "".join(f" {c.lower()}" if c.isupper() else c for c in kind)


def find_concept(graph: Graph, spec: str) -> URIRef:
    """The concept named by an IRI, a compact IRI, a slug or any of its labels.

    Raises:
        ConceptNotFound: nothing matches (the message suggests the nearest labels), or a label
            matches several concepts equally well.
    """
    return _find(graph, spec, (SKOS.Concept,))


def find_entry(graph: Graph, spec: str) -> URIRef:
    """The concept, collection or concept scheme named by ``spec`` (as :func:`find_concept`)."""
    return _find(graph, spec, tuple(ENTRY_TYPES))


def _find(graph: Graph, spec: str, types: tuple[URIRef, ...]) -> URIRef:
    entries = {r for t in types for r in graph.subjects(RDF.type, t) if isinstance(r, URIRef)}
    for candidate in _iri_candidates(spec):
        if candidate in entries:
            return candidate
    exact = [hit for hit in search_resources(graph, spec, types) if hit.rank <= 2]
    best = [hit for hit in exact if hit.rank == exact[0].rank] if exact else []
    if len(best) == 1:
        return URIRef(best[0].concept)
    if best:
        names = ", ".join(sorted(compact_iri(hit.concept) for hit in best))
        raise ConceptNotFound(f"{spec!r} names several concepts: {names}; give the IRI")
    by_local_name = [e for e in entries if e.endswith(("/" + spec, "#" + spec))]
    if len(by_local_name) == 1 and not any(c in spec for c in "/#: "):
        return by_local_name[0]  # a slug in another vocabulary's namespace
    nearest = suggestions(graph, spec, types)
    hint = f"; did you mean {', '.join(nearest)}?" if nearest else " (try bpo-kb search)"
    raise ConceptNotFound(f"no concept is named {spec!r}{hint}")


def suggestions(graph: Graph, spec: str, types: tuple[URIRef, ...] = (SKOS.Concept,)) -> list[str]:
    """Up to five entries ``spec`` may have meant, as ``fr / en <curie>``: the best search
    matches (words starting with it), else the labels spelt most like it."""
    found = [hit.concept for hit in search_resources(graph, spec, types)[:_SUGGESTIONS]]
    if not found:
        labels: dict[str, Node] = {}
        for entry in {r for t in types for r in graph.subjects(RDF.type, t)}:
            for label_property in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
                for label in graph.objects(entry, label_property):
                    labels.setdefault(normalise(str(label)), entry)
        close = difflib.get_close_matches(parse_term(spec)[0], list(labels), n=20, cutoff=0.75)
        found = list(dict.fromkeys(labels[label] for label in close))[:_SUGGESTIONS]
    return [_link(graph, entry).as_text() for entry in found]


def concept_card(graph: Graph, concept: URIRef) -> ConceptCard:
    """The card of ``concept`` (or of a collection or scheme): labels, definitions, notes and
    sources by language, links by label, mappings."""
    kind = next((ENTRY_TYPES[t] for t in graph.objects(concept, RDF.type) if t in ENTRY_TYPES), "")
    pref_labels = texts_by_language(graph, concept, SKOS.prefLabel)
    if kind == "scheme" and not pref_labels:
        pref_labels = texts_by_language(graph, concept, DCTERMS.title)
    notes = {name: texts_by_language(graph, concept, p) for p, name in _NOTES.items()}
    return ConceptCard(
        iri=str(concept),
        type=kind or "concept",
        pref_labels={lang: texts[0] for lang, texts in pref_labels.items()},
        alt_labels=texts_by_language(graph, concept, SKOS.altLabel),
        hidden_labels=texts_by_language(graph, concept, SKOS.hiddenLabel),
        definitions=texts_by_language(graph, concept, SKOS.definition),
        notes={name: texts for name, texts in notes.items() if texts},
        sources=[_source(graph, s) for s in sorted(graph.objects(concept, DCTERMS.source))],
        details=_details(graph, concept) if kind == "scheme" else {},
        in_scheme=_links(graph, graph.objects(concept, SKOS.inScheme)),
        broader=_linked(graph, concept, SKOS.broader, SKOS.narrower),
        narrower=_linked(graph, concept, SKOS.narrower, SKOS.broader),
        related=_linked(graph, concept, SKOS.related, SKOS.related),
        collections=_links(graph, graph.subjects(SKOS.member, concept)),
        members=_links(graph, _members(graph, concept)),
        top_concepts=_linked(graph, concept, SKOS.hasTopConcept, SKOS.topConceptOf),
        mappings=sorted(
            (compact_iri(p), str(o)) for p in MAPPING_PROPERTIES for o in graph.objects(concept, p)
        ),
    )


def _link(graph: Graph, node: Node) -> Link:
    labels = texts_by_language(graph, node, SKOS.prefLabel)
    return Link(str(node), {lang: texts[0] for lang, texts in labels.items()})


def _links(graph: Graph, nodes: Iterator[Node]) -> list[Link]:
    return sorted((_link(graph, n) for n in set(nodes)), key=lambda x: (x.as_text(), x.iri))


def _linked(graph: Graph, node: Node, forward: URIRef, backward: URIRef) -> list[Link]:
    return _links(
        graph, iter(set(graph.objects(node, forward)) | set(graph.subjects(backward, node)))
    )


def _members(graph: Graph, collection: Node) -> Iterator[Node]:
    yield from graph.objects(collection, SKOS.member)
    for head in graph.objects(collection, SKOS.memberList):
        yield from RdfList(graph, head)


def _source(graph: Graph, source: Node) -> dict[str, str | None]:
    if isinstance(source, Literal):
        return {"iri": None, "label": str(source)}
    for prop in (DCTERMS.title, RDFS.label, SKOS.prefLabel):
        titles = texts_by_language(graph, source, prop)
        if titles:
            return {"iri": str(source), "label": next(iter(titles.values()))[0]}
    return {"iri": str(source), "label": ""}


def _details(graph: Graph, scheme: Node) -> dict[str, str]:
    found = {name: graph.value(scheme, prop) for name, prop in _DETAILS.items()}
    details = {name: str(value) for name, value in found.items() if value is not None}
    details["concepts"] = str(len(set(graph.subjects(SKOS.inScheme, scheme))))
    return details


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
    for hit in search_resources(graph, term, (SKOS.Concept,), language=language):
        pref_labels = texts_by_language(graph, hit.concept, SKOS.prefLabel)
        definitions = texts_by_language(graph, hit.concept, SKOS.definition)
        results.append(
            SearchResult(
                iri=str(hit.concept),
                match=hit.match,
                matched_label=str(hit.label),
                fr=(pref_labels.get("fr") or [""])[0],
                en=(pref_labels.get("en") or [""])[0],
                definition=(definitions.get(language or "en") or [""])[0],
            )
        )
    return results
