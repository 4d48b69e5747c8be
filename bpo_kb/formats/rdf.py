"""RDF serialisations: Turtle, N-Triples and RDF/XML, each byte-identical for the same graph."""

from __future__ import annotations

import functools
import re
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, split_uri

from bpo_kb.errors import ExportError
from bpo_kb.rdf.checks import is_absolute_iri
from bpo_kb.rdf.curies import PrefixMap
from bpo_kb.rdf.namespaces import PREFIXES, XSD

XSD_STRING = XSD.string
RDF_TYPE = RDF.type  # looked up once: an attribute of RDF costs a call for every triple

__all__ = ["write_ntriples", "write_rdfxml", "write_turtle"]

# A raw CR in element content reads back as LF (XML's end-of-line handling): written as a
# character reference, it stays a CR.
_CARRIAGE_RETURN = {"\r": "&#13;"}
# Characters XML 1.0 cannot carry at all, even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_turtle(graph: Graph, stream: BinaryIO) -> None:
    """Turtle: the prefixes used, then one block per subject (sorted), ``a`` first, predicates
    and objects sorted. Written as it goes, in one pass over the sorted subjects."""
    prefixes = _used_prefixes(graph)
    for prefix, namespace in sorted(prefixes.prefixes.items()):
        stream.write(f"@prefix {prefix}: <{namespace}> .\n".encode())
    for subject in sorted(set(graph.subjects()), key=_term_key):
        by_predicate: dict[URIRef, list[object]] = {}
        for predicate, obj in graph.predicate_objects(subject):
            by_predicate.setdefault(predicate, []).append(obj)
        lines = []
        for predicate in sorted(by_predicate, key=lambda p: (p != RDF_TYPE, str(p))):
            name = "a" if predicate == RDF_TYPE else _turtle_term(predicate, prefixes)
            objects = sorted(by_predicate[predicate], key=_term_key)
            lines.append(
                f"    {name} " + " ,\n        ".join(_turtle_term(o, prefixes) for o in objects)
            )
        head = _turtle_term(subject, prefixes)
        stream.write(f"\n{head}\n".encode() + " ;\n".join(lines).encode("utf-8") + b" .\n")


def write_ntriples(graph: Graph, stream: BinaryIO) -> None:
    """N-Triples, one triple a line, lines sorted.

    Written subject by subject, subjects sorted by their text: no subject's text contains the
    space that follows it on its lines, so this is the order of one sort of all the lines,
    without holding them all.
    """
    subjects = sorted((_turtle_term(subject, None), subject) for subject in set(graph.subjects()))
    for head, subject in subjects:
        lines = sorted(
            f"{head} {_turtle_term(p, None)} {_turtle_term(o, None)} .\n"
            for p, o in graph.predicate_objects(subject)
        )
        stream.write("".join(lines).encode("utf-8"))


def _used_prefixes(graph: Graph) -> PrefixMap:
    """The project's prefixes that some IRI of the graph uses, as Turtle may write them."""
    namespaces = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    namespaces |= {
        str(term.datatype)
        for term in graph.objects()
        if isinstance(term, Literal) and term.datatype
    }
    used = {
        (prefix, ns)
        for prefix, ns in PREFIXES.items()
        if any(iri.startswith(ns) and _local_ok(iri[len(ns) :]) for iri in namespaces)
    }
    return PrefixMap(dict(sorted(used)), local_ok=_local_ok)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_LOCAL_NAME = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


# A vocabulary repeats few IRIs many times: each is checked once.
_iri_ok = functools.lru_cache(maxsize=1 << 16)(is_absolute_iri)


def _written_iri(text: str) -> str:
    """``text``, an IRI that can be written between ``<>`` or in an attribute as it is: one
    holding a space, ``>``, a quote or a control would write triples the graph does not have."""
    if not _iri_ok(text):
        raise ExportError(
            f"cannot write the IRI {text[:80]!r}: it is not an absolute IRI (RFC 3987: no "
            'space, control, <>"{}|^`\\)'
        )
    return text


def _local_ok(local: str) -> bool:
    return bool(_LOCAL_NAME.match(local))


def _escaped(text: str) -> str:
    """``text`` as the inside of a Turtle or N-Triples string; most labels need no escape."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    text = "".join(_ESCAPES.get(c, c) for c in text)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04X}", text)


def _turtle_term(term: object, prefixes: PrefixMap | None) -> str:
    """The term in Turtle, an IRI compacted with ``prefixes`` (never for N-Triples: None)."""
    if isinstance(term, URIRef):
        text = str(term)
        compact = prefixes.compact(text) if prefixes is not None else None
        return compact or f"<{_written_iri(text)}>"
    if isinstance(term, BNode):
        return f"_:b{term}"
    assert isinstance(term, Literal)
    lexical = _escaped(str(term))
    if term.language:
        return f'"{lexical}"@{term.language}'
    if term.datatype is not None and str(term.datatype) != str(XSD_STRING):
        return f'"{lexical}"^^{_turtle_term(term.datatype, prefixes)}'
    return f'"{lexical}"'


def write_rdfxml(graph: Graph, stream: BinaryIO) -> None:
    """RDF/XML in striped form, one ``rdf:Description`` per subject, everything sorted."""
    namespaces = _predicate_namespaces(graph)
    stream.write(b'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF')
    for prefix, namespace in namespaces.items():
        stream.write(f"\n    xmlns:{prefix}={quoteattr(namespace)}".encode())
    stream.write(b">\n")
    prefix_of = {namespace: prefix for prefix, namespace in namespaces.items()}
    qnames: dict[URIRef, str] = {}  # a vocabulary has few properties and many triples
    for subject in sorted(set(graph.subjects()), key=_term_key):
        lines = [f"  <rdf:Description {_node_attribute(subject, 'about')}>\n"]
        for predicate, obj in sorted(graph.predicate_objects(subject), key=_pair_key):
            if predicate not in qnames:
                namespace, local = _split_predicate(predicate)
                qnames[predicate] = prefix_of[namespace] + ":" + local
            lines.append(f"    {_property_element(qnames[predicate], obj)}\n")
        lines.append("  </rdf:Description>\n")
        stream.write("".join(lines).encode())
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
        return f"<{qname}{attributes}>{escape(str(obj), _CARRIAGE_RETURN)}</{qname}>"
    return f"<{qname} {_node_attribute(obj, 'resource')}/>"


def _node_attribute(node: object, iri_attribute: str) -> str:
    if isinstance(node, BNode):
        return f"rdf:nodeID={quoteattr('b' + str(node))}"
    return f"rdf:{iri_attribute}={quoteattr(_written_iri(str(node)))}"


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
    return (0 if predicate == RDF_TYPE else 1, str(predicate), *_term_key(obj))
