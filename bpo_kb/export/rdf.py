"""RDF serialisations: Turtle, N-Triples and RDF/XML, each byte-identical for the same graph."""

from __future__ import annotations

import re
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, split_uri

from bpo_kb.errors import ExportError

__all__ = ["write_ntriples", "write_rdfxml", "write_turtle"]

# Characters XML 1.0 cannot carry at all, even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_turtle(graph: Graph, stream: BinaryIO) -> None:
    """Turtle with the graph's prefixes; rdflib sorts subjects, predicates and objects."""
    stream.write(graph.serialize(format="turtle", encoding="utf-8"))


def write_ntriples(graph: Graph, stream: BinaryIO) -> None:
    """N-Triples, one triple a line, lines sorted."""
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
    stream.writelines(sorted(line for line in lines if line.strip()))


def write_rdfxml(graph: Graph, stream: BinaryIO) -> None:
    """RDF/XML in striped form, one ``rdf:Description`` per subject, everything sorted."""
    namespaces = _predicate_namespaces(graph)
    stream.write(b'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF')
    for prefix, namespace in namespaces.items():
        stream.write(f"\n    xmlns:{prefix}={quoteattr(namespace)}".encode())
    stream.write(b">\n")
    prefix_of = {namespace: prefix for prefix, namespace in namespaces.items()}
    for subject in sorted(set(graph.subjects()), key=_term_key):
        stream.write(f"  <rdf:Description {_node_attribute(subject, 'about')}>\n".encode())
        for predicate, obj in sorted(graph.predicate_objects(subject), key=_pair_key):
            namespace, local = _split_predicate(predicate)
            stream.write(
                f"    {_property_element(prefix_of[namespace] + ':' + local, obj)}\n".encode()
            )
        stream.write(b"  </rdf:Description>\n")
    stream.write(b"</rdf:RDF>\n")


def _predicate_namespaces(graph: Graph) -> dict[str, str]:
    """``prefix -> namespace`` for every predicate namespace, using the graph's own prefixes."""
    known = {str(namespace): prefix for prefix, namespace in graph.namespaces()}
    known[str(RDF)] = "rdf"
    found: dict[str, str] = {"rdf": str(RDF)}
    for predicate in sorted(set(graph.predicates())):
        namespace, _ = _split_predicate(predicate)
        prefix = known.get(namespace) or f"ns{len(found)}"
        found.setdefault(prefix, namespace)
    return dict(sorted(found.items()))


def _split_predicate(predicate: URIRef) -> tuple[str, str]:
    try:
        return split_uri(predicate)
    except ValueError:
        raise ExportError(f"RDF/XML cannot name the property <{predicate}>") from None


def _property_element(qname: str, obj: object) -> str:
    if isinstance(obj, Literal):
        if _XML_ILLEGAL.search(str(obj)):
            raise ExportError(f"RDF/XML cannot hold the control character in {obj!r}")
        attributes = ""
        if obj.language:
            attributes = f" xml:lang={quoteattr(obj.language)}"
        elif obj.datatype is not None:
            attributes = f" rdf:datatype={quoteattr(str(obj.datatype))}"
        return f"<{qname}{attributes}>{escape(str(obj))}</{qname}>"
    return f"<{qname} {_node_attribute(obj, 'resource')}/>"


def _node_attribute(node: object, iri_attribute: str) -> str:
    if isinstance(node, BNode):
        return f"rdf:nodeID={quoteattr('b' + str(node))}"
    return f"rdf:{iri_attribute}={quoteattr(str(node))}"


def _term_key(term: object) -> tuple[int, str, str]:
    if isinstance(term, URIRef):
        return (0, str(term), "")
    if isinstance(term, BNode):
        return (1, str(term), "")
    assert isinstance(term, Literal)
    return (2, str(term), f"{term.language or ''}|{term.datatype or ''}")


def _pair_key(pair: tuple[object, object]) -> tuple[int, str, int, str, str]:
    predicate, obj = pair
    # rdf:type first, as readers expect.
    return (0 if predicate == RDF.type else 1, str(predicate), *_term_key(obj))
