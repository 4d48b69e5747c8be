"""The one conversion between pyoxigraph's terms and rdflib's.

A simple literal is plain in rdflib (no datatype), as rdflib's own parsers give it; Oxigraph
reports it as xsd:string, which is the same literal in RDF 1.1.
"""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

__all__ = ["TermConverter", "to_oxigraph", "to_rdflib"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class TermConverter:
    """pyoxigraph terms to rdflib terms, each IRI made once: a vocabulary repeats few IRIs
    many times, and making an rdflib term costs more than looking it up."""

    def __init__(self) -> None:
        import pyoxigraph

        self._named_node = pyoxigraph.NamedNode
        self._blank_node = pyoxigraph.BlankNode
        self._iris: dict[str, URIRef] = {}

    def iri(self, value: str) -> URIRef:
        term = self._iris.get(value)
        if term is None:
            term = self._iris[value] = URIRef(value)
        return term

    def made_iris(self) -> Any:
        """Every IRI made so far (each once), as the parser gave it: escapes undone."""
        return self._iris.keys()

    def __call__(self, term: Any) -> Any:
        kind = type(term)
        if kind is self._named_node:
            return self.iri(term.value)
        if kind is self._blank_node:
            return BNode(term.value)
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=self.iri(datatype))


def to_rdflib(term: Any) -> Node:
    """One pyoxigraph term as rdflib's (see :class:`TermConverter` for many)."""
    return TermConverter()(term)  # type: ignore[no-any-return]


def to_oxigraph(term: object) -> Any:
    """One rdflib term as pyoxigraph's."""
    import pyoxigraph

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(term)
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(term)
    assert isinstance(term, Literal)
    datatype = pyoxigraph.NamedNode(term.datatype) if term.datatype else None
    return pyoxigraph.Literal(str(term), language=term.language, datatype=datatype)
