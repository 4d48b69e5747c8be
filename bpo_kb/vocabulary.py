"""Complete a vocabulary with what SKOS entails and consumers expect stated; read its labels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.namespaces import SKOS

__all__ = ["complete_store", "preferred_label", "texts_by_language"]

# What the SKOS data model entails and consumers expect stated (DESIGN.md, "Complete exports").
_COMPLETION = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT { ?narrower skos:broader ?broader } WHERE { ?broader skos:narrower ?narrower } ;
INSERT { ?broader skos:narrower ?narrower } WHERE { ?narrower skos:broader ?broader } ;
INSERT { ?other skos:related ?one } WHERE { ?one skos:related ?other } ;
INSERT { ?scheme skos:hasTopConcept ?top } WHERE { ?top skos:topConceptOf ?scheme } ;
INSERT { ?top skos:topConceptOf ?scheme } WHERE { ?scheme skos:hasTopConcept ?top } ;
INSERT { ?top skos:inScheme ?scheme } WHERE { ?top skos:topConceptOf ?scheme }
"""


def complete_store(store: Any) -> None:
    """Add to a ``pyoxigraph.Store`` the inverse links and ``skos:inScheme`` of top concepts.

    Only what the SKOS data model entails is added; nothing is removed.
    """
    store.update(_COMPLETION)


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
