"""The hierarchy as indented text, from each top concept down."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph
from rdflib.term import Node

from bpo_kb.rdf.namespaces import RDF, SKOS, compact_iri
from bpo_kb.skos.labels import display_label
from bpo_kb.skos.search import normalise

__all__ = ["hierarchy_lines"]


def hierarchy_lines(graph: Graph, language: str = "en") -> Iterator[str]:
    """The hierarchy as indented lines, from each top concept down (polyhierarchy repeated)."""
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    tops = {c for c in concepts if _parents(graph, c) == set()}
    tops |= set(graph.subjects(SKOS.topConceptOf, None)) | set(
        graph.objects(None, SKOS.hasTopConcept)
    )
    for top in sorted(tops, key=lambda c: normalise(_label(graph, c, language))):
        yield from _subtree(graph, top, language, depth=0, path=frozenset())


def _subtree(
    graph: Graph, concept: Node, language: str, depth: int, path: frozenset[Node]
) -> Iterator[str]:
    yield f"{'  ' * depth}{_label(graph, concept, language)}"
    if concept in path:  # a cycle: say where it closes, do not follow it
        return
    children = _children(graph, concept)
    for child in sorted(children, key=lambda c: normalise(_label(graph, c, language))):
        if child in path | {concept}:
            yield f"{'  ' * (depth + 1)}{_label(graph, child, language)} (cycle)"
        else:
            yield from _subtree(graph, child, language, depth + 1, path | {concept})


def _parents(graph: Graph, concept: Node) -> set[Node]:
    return set(graph.objects(concept, SKOS.broader)) | set(graph.subjects(SKOS.narrower, concept))


def _children(graph: Graph, concept: Node) -> set[Node]:
    return set(graph.objects(concept, SKOS.narrower)) | set(graph.subjects(SKOS.broader, concept))


def _label(graph: Graph, node: Node, language: str) -> str:
    return display_label(graph, node, (language,), default=compact_iri(node))
