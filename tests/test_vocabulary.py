"""Completing a vocabulary adds what SKOS entails, and only that."""

from __future__ import annotations

from rdflib import Graph, URIRef

from bpo_kb.rdf.namespaces import SKOS
from bpo_kb.skos.completion import complete_graph

EX = "http://example.org/"
STATED = f"""
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <{EX}> .
ex:scheme skos:hasTopConcept ex:top .
ex:top skos:narrower ex:child .
ex:child skos:related ex:other .
ex:other skos:broader ex:top2 .
ex:top2 skos:topConceptOf ex:scheme .
"""


def test_inverse_links_and_the_scheme_of_top_concepts_are_added() -> None:
    graph = Graph().parse(data=STATED, format="turtle")
    stated = set(graph)

    complete_graph(graph)

    def ex(name: str) -> URIRef:
        return URIRef(EX + name)

    assert set(graph) - stated == {
        (ex("child"), SKOS.broader, ex("top")),
        (ex("other"), SKOS.related, ex("child")),
        (ex("top2"), SKOS.narrower, ex("other")),
        (ex("top"), SKOS.topConceptOf, ex("scheme")),
        (ex("scheme"), SKOS.hasTopConcept, ex("top2")),
        (ex("top2"), SKOS.inScheme, ex("scheme")),
        (ex("top"), SKOS.inScheme, ex("scheme")),  # from the topConceptOf added just before
    }
