"""Complete a vocabulary with what SKOS entails and consumers expect stated (DESIGN.md,
"Complete exports")."""

from __future__ import annotations

from rdflib import Graph

from bpo_kb.rdf.namespaces import SKOS

__all__ = ["complete_graph"]

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
