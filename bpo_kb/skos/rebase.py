"""Re-basing: the vocabulary moved to a publisher's own namespace.

Every IRI under the bpo: namespace (``https://w3id.org/bpo-kb/``: concepts, collections,
agents, sources, the scheme) is rewritten under another base, the rest of the IRI kept, so
that links between concepts stay consistent; the scheme's ``vann:preferredNamespaceUri``
names the new base. Nothing else changes (a literal that happens to hold a URL stays as is).
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.rdf.checks import is_http_iri
from bpo_kb.rdf.namespaces import BPO, VANN

__all__ = ["rebase", "valid_base"]

_BPO = str(BPO)


def valid_base(base: str) -> bool:
    """Whether ``base`` can stand for the bpo: namespace: an absolute http(s) IRI, without
    spaces, ending with "/" or "#" so that the moved IRIs keep their local names apart."""
    return is_http_iri(base) and base.endswith(("/", "#"))


def rebase(graph: Graph, base: str) -> None:
    """Rewrite, in place, every IRI of ``graph`` under the bpo: namespace to start with ``base``."""
    moved = [triple for triple in graph if any(map(_under_bpo, triple))]
    for subject, predicate, obj in moved:
        graph.remove((subject, predicate, obj))
        graph.add((_moved(subject, base), _moved(predicate, base), _moved(obj, base)))
    for scheme, namespace in list(graph.subject_objects(VANN.preferredNamespaceUri)):
        if isinstance(namespace, Literal) and str(namespace) == _BPO:
            graph.remove((scheme, VANN.preferredNamespaceUri, namespace))
            renamed = Literal(base, lang=namespace.language, datatype=namespace.datatype)
            graph.add((scheme, VANN.preferredNamespaceUri, renamed))


def _under_bpo(term: Node) -> bool:
    return isinstance(term, URIRef) and term.startswith(_BPO)


def _moved(term: Node, base: str) -> Node:
    return URIRef(base + term[len(_BPO) :]) if _under_bpo(term) else term
