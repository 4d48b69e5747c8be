"""A resource's labels as people read them: the one to display, and texts by language."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.rdf.namespaces import SKOS

__all__ = ["display_label", "texts_by_language"]


def display_label(
    graph: Graph, node: Node | None, languages: Sequence[str], default: str = ""
) -> str:
    """The prefLabel to show for ``node``: in the first of ``languages`` that has one, else in
    the smallest language tag it has; the smallest text where a language has several; else
    ``default``."""
    if node is None:
        return default
    by_language = texts_by_language(graph, node, SKOS.prefLabel)
    for language in languages:
        if language in by_language:
            return by_language[language][0]
    return next(iter(by_language.values()), [default])[0]


def texts_by_language(graph: Graph, node: Node, prop: URIRef) -> dict[str, list[str]]:
    """The literal values of ``prop`` on ``node``, sorted, by language ("" for none)."""
    found: dict[str, list[str]] = {}
    for literal in graph.objects(node, prop):
        if isinstance(literal, Literal):
            found.setdefault(literal.language or "", []).append(str(literal))
    return {lang: sorted(texts) for lang, texts in sorted(found.items())}
