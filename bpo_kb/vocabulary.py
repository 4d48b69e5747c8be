"""Load the vocabulary and complete it with what SKOS entails and consumers expect stated."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.term import Node

from bpo_kb.graphs import load_graph, new_graph
from bpo_kb.namespaces import SKOS

__all__ = ["complete_vocabulary", "load_vocabulary", "preferred_label"]

# Pairs stated in both directions in every export (DESIGN.md, "Complete exports").
_INVERSES = (
    (SKOS.broader, SKOS.narrower),
    (SKOS.narrower, SKOS.broader),
    (SKOS.related, SKOS.related),
    (SKOS.topConceptOf, SKOS.hasTopConcept),
    (SKOS.hasTopConcept, SKOS.topConceptOf),
)


def load_vocabulary(source: Path) -> Graph:
    """Every RDF file of the folder (or the one file) ``source``, merged into one graph."""
    return load_graph([source])


def complete_vocabulary(graph: Graph) -> Graph:
    """A new graph: ``graph`` plus inverse links and ``skos:inScheme`` on every top concept.

    Only what the SKOS data model entails is added; nothing is removed.
    """
    complete = new_graph()
    complete += graph
    for predicate, inverse in _INVERSES:
        for subject, obj in graph.subject_objects(predicate):
            complete.add((obj, inverse, subject))
    for concept, scheme in complete.subject_objects(SKOS.topConceptOf):
        complete.add((concept, SKOS.inScheme, scheme))
    return complete


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
