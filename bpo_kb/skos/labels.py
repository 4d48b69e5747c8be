"""Complete a vocabulary with what SKOS entails and consumers expect stated; read its labels."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.rdf.namespaces import SKOS

__all__ = ["complete_graph", "preferred_label", "texts_by_language"]

# What the SKOS data model entails and consumers expect stated (DESIGN.md, "Complete exports"):
# (stated property, property to add, True if the added link goes the other way).
_COMPLETION = (
    (SKOS.narrower, SKOS.broader, True),
    (SKOS.broader, SKOS.narrower, True),
    (SKOS.related, SKOS.related, True),
    (SKOS.topConceptOf, SKOS.hasTopConcept, True),
    (SKOS.hasTopConcept, SKOS.topConceptOf, True),
    (SKOS.topConceptOf, SKOS.inScheme, False),
)


def complete_graph(graph: Graph) -> None:
    """Add the inverse links and ``skos:inScheme`` of top concepts that SKOS entails.

    Only what the SKOS data model entails is added; nothing is removed. The rules apply in
    order, each to the graph as the previous ones left it (a top concept stated only through
    skos:hasTopConcept gets its skos:inScheme too).
    """
    for stated, added, reverse in _COMPLETION:
        for subject, obj in list(graph.subject_objects(stated)):
            graph.add((obj, added, subject) if reverse else (subject, added, obj))


def preferred_label(graph: Graph, node: Node | None, languages: Sequence[str]) -> str:
    """The prefLabel of ``node`` in the first of ``languages`` that has one, else any prefLabel."""
    if node is None:
        return ""
    labels = {
        label.language or "": str(label)
        for label in graph.objects(node, SKOS.prefLabel)
        if isinstance(label, Literal)
    }
    for language in languages:
        if language in labels:
            return labels[language]
    return labels[min(labels)] if labels else ""


def texts_by_language(graph: Graph, node: Node, prop: URIRef) -> dict[str, list[str]]:
    """The literal values of ``prop`` on ``node``, sorted, by language ("" for none)."""
    found: dict[str, list[str]] = {}
    for literal in graph.objects(node, prop):
        if isinstance(literal, Literal):
            found.setdefault(literal.language or "", []).append(str(literal))
    return {lang: sorted(texts) for lang, texts in sorted(found.items())}
