"""JSON-LD 1.1 in compact form with an inline, readable context.

The context is inline because triple stores refuse remote contexts. Labels and notes are
language maps (``"prefLabel": {"en": ..., "fr": ...}``), links are plain IRIs, and nodes are
sorted by IRI. Values a term cannot carry faithfully (a label without a language where a
language map is expected, say) fall back to full JSON-LD value objects under the compact IRI,
so the document always describes exactly the graph.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from json.encoder import encode_basestring as _encode_string
from typing import Any, BinaryIO

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.rdf.namespaces import (
    DCTERMS,
    LEXINFO,
    OWL,
    PREFIXES,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    SKOSXL,
    VANN,
    XSD,
    compact_iri,
)

__all__ = ["CONTEXT", "node_object", "write_jsonld"]

_LANGUAGE = "@language"
_IRI = "@id"
_STRING = "@string"


@dataclass(frozen=True)
class _Term:
    name: str
    predicate: URIRef
    kind: str  # _LANGUAGE (language map), _IRI (IRI values), _STRING, or a datatype IRI


# In the order properties appear in each node.
_TERMS = [
    _Term("prefLabel", SKOS.prefLabel, _LANGUAGE),
    _Term("altLabel", SKOS.altLabel, _LANGUAGE),
    _Term("hiddenLabel", SKOS.hiddenLabel, _LANGUAGE),
    _Term("xlPrefLabel", SKOSXL.prefLabel, _IRI),
    _Term("xlAltLabel", SKOSXL.altLabel, _IRI),
    _Term("xlHiddenLabel", SKOSXL.hiddenLabel, _IRI),
    _Term("literalForm", SKOSXL.literalForm, _LANGUAGE),
    _Term("normativeAuthorization", LEXINFO.normativeAuthorization, _IRI),
    _Term("partOfSpeech", LEXINFO.partOfSpeech, _IRI),
    _Term("gender", LEXINFO.gender, _IRI),
    _Term("termType", LEXINFO.termType, _IRI),
    _Term("notation", SKOS.notation, _STRING),
    _Term("title", DCTERMS.title, _LANGUAGE),
    _Term("definition", SKOS.definition, _LANGUAGE),
    _Term("description", DCTERMS.description, _LANGUAGE),
    _Term("scopeNote", SKOS.scopeNote, _LANGUAGE),
    _Term("editorialNote", SKOS.editorialNote, _LANGUAGE),
    _Term("historyNote", SKOS.historyNote, _LANGUAGE),
    _Term("changeNote", SKOS.changeNote, _LANGUAGE),
    _Term("example", SKOS.example, _LANGUAGE),
    _Term("note", SKOS.note, _LANGUAGE),
    _Term("inScheme", SKOS.inScheme, _IRI),
    _Term("topConceptOf", SKOS.topConceptOf, _IRI),
    _Term("hasTopConcept", SKOS.hasTopConcept, _IRI),
    _Term("broader", SKOS.broader, _IRI),
    _Term("narrower", SKOS.narrower, _IRI),
    _Term("related", SKOS.related, _IRI),
    _Term("member", SKOS.member, _IRI),
    _Term("exactMatch", SKOS.exactMatch, _IRI),
    _Term("closeMatch", SKOS.closeMatch, _IRI),
    _Term("broadMatch", SKOS.broadMatch, _IRI),
    _Term("narrowMatch", SKOS.narrowMatch, _IRI),
    _Term("relatedMatch", SKOS.relatedMatch, _IRI),
    _Term("seeAlso", RDFS.seeAlso, _IRI),
    _Term("isDefinedBy", RDFS.isDefinedBy, _IRI),
    _Term("source", DCTERMS.source, _IRI),
    _Term("created", DCTERMS.created, str(XSD.date)),
    _Term("modified", DCTERMS.modified, str(XSD.date)),
    _Term("creator", DCTERMS.creator, _IRI),
    _Term("publisher", DCTERMS.publisher, _IRI),
    _Term("license", DCTERMS.license, _IRI),
    _Term("versionInfo", OWL.versionInfo, _STRING),
    _Term("language", DCTERMS.language, _STRING),
    _Term("deprecated", OWL.deprecated, str(XSD.boolean)),
    _Term("isReplacedBy", DCTERMS.isReplacedBy, _IRI),
    _Term("name", SCHEMA.name, _STRING),
    _Term("url", SCHEMA.url, str(XSD.anyURI)),
    _Term("preferredNamespaceUri", VANN.preferredNamespaceUri, _STRING),
    _Term("preferredNamespacePrefix", VANN.preferredNamespacePrefix, _STRING),
]
_TERM_BY_PREDICATE = {term.predicate: term for term in _TERMS}
_KEY_ORDER = {term.name: index for index, term in enumerate(_TERMS)}
_TYPE_TERMS = {
    SKOS.Concept: "Concept",
    SKOS.ConceptScheme: "ConceptScheme",
    SKOS.Collection: "Collection",
    SKOS.OrderedCollection: "OrderedCollection",
    SKOSXL.Label: "Label",
    SCHEMA.Organization: "Organization",
    SCHEMA.Person: "Person",
}


def _context() -> dict[str, Any]:
    context: dict[str, Any] = {"@version": 1.1, **PREFIXES}
    for type_iri, name in _TYPE_TERMS.items():
        context[name] = compact_iri(type_iri)
    for term in _TERMS:
        definition: dict[str, str] = {"@id": compact_iri(term.predicate)}
        if term.kind == _LANGUAGE:
            definition["@container"] = "@language"
        elif term.kind == _IRI:
            definition["@type"] = "@id"
        elif term.kind != _STRING:
            definition["@type"] = compact_iri(URIRef(term.kind))
        context[term.name] = definition
    return context


CONTEXT = _context()


def write_jsonld(graph: Graph, stream: BinaryIO) -> None:
    """The graph as one JSON-LD document: ``{"@context": CONTEXT, "@graph": [nodes...]}``.

    Written node by node, byte for byte what ``json.dumps(document, indent=2)`` gives, without
    holding the whole document in memory.
    """
    context = dumps_indented(CONTEXT, 2).replace("\n", "\n  ")
    stream.write(f'{{\n  "@context": {context},\n  "@graph": ['.encode())
    separator = "\n"
    for subject in sorted(set(graph.subjects()), key=str):
        text = dumps_indented(node_object(graph, subject), 2)
        stream.write((separator + "    " + text.replace("\n", "\n    ")).encode("utf-8"))
        separator = ",\n"
    stream.write(b"]\n}\n" if separator == "\n" else b"\n  ]\n}\n")


def dumps_indented(value: Any, indent: int) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)`` for JSON-LD node objects, several
    times faster: the standard library has no C path when it indents."""
    return _indented(value, "\n", " " * indent)


def _indented(value: Any, newline: str, step: str) -> str:
    kind = type(value)
    if kind is str:
        return _encode_string(value)
    inner = newline + step
    if kind is dict:
        if not value:
            return "{}"
        items = [f"{_encode_string(k)}: {_indented(v, inner, step)}" for k, v in value.items()]
    elif kind is list:
        if not value:
            return "[]"
        items = [_indented(v, inner, step) for v in value]
    else:
        return json.dumps(value)
    opening, closing = ("{", "}") if kind is dict else ("[", "]")
    return opening + inner + ("," + inner).join(items) + newline + closing


def node_object(graph: Graph, subject: Node) -> dict[str, Any]:
    """One subject as a compact JSON-LD node object (keys in reading order)."""
    node: dict[str, Any] = {"@id": compact_iri(subject)}
    types = sorted(_TYPE_TERMS.get(t) or compact_iri(t) for t in graph.objects(subject, RDF.type))
    if types:
        node["@type"] = types[0] if len(types) == 1 else types
    by_key: dict[str, list[Any]] = defaultdict(list)
    for predicate, obj in graph.predicate_objects(subject):
        if predicate != RDF.type:
            key, value = _entry(predicate, obj)
            by_key[key].append(value)
    for key in sorted(by_key, key=_key_order):
        node[key] = _merge(by_key[key])
    return node


def _entry(predicate: URIRef, obj: Node) -> tuple[str, Any]:
    """The key and value that carry one triple: the term if it fits, else the compact IRI."""
    term = _TERM_BY_PREDICATE.get(predicate)
    if term is not None and _fits(term, obj):
        if term.kind == _LANGUAGE:
            assert isinstance(obj, Literal)
            return term.name, {obj.language: str(obj)}
        return term.name, compact_iri(obj) if term.kind == _IRI else str(obj)
    return compact_iri(predicate), _value_object(obj)


def _fits(term: _Term, obj: Node) -> bool:
    if term.kind == _IRI:
        return isinstance(obj, URIRef | BNode)
    if not isinstance(obj, Literal):
        return False
    if term.kind == _LANGUAGE:
        return obj.language is not None
    if term.kind == _STRING:
        return obj.language is None and obj.datatype in (None, XSD.string)
    return obj.language is None and str(obj.datatype) == term.kind


def _value_object(obj: Node) -> dict[str, str]:
    if not isinstance(obj, Literal):
        return {"@id": compact_iri(obj)}
    value = {"@value": str(obj)}
    if obj.language:
        value["@language"] = obj.language
    elif obj.datatype is not None and obj.datatype != XSD.string:
        value["@type"] = compact_iri(obj.datatype)
    return value


def _merge(values: list[Any]) -> Any:
    """One value as itself, several as a sorted list; language maps merged by language."""
    if all(isinstance(v, dict) and "@value" not in v and "@id" not in v for v in values):
        merged: dict[str, list[str]] = defaultdict(list)
        for language_map in values:
            for language, text in language_map.items():
                merged[language].append(text)
        return {lang: _one_or_sorted(texts) for lang, texts in sorted(merged.items())}
    return _one_or_sorted(values)


def _one_or_sorted(values: list[Any]) -> Any:
    if len(values) == 1:
        return values[0]
    return sorted(values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))


def _key_order(key: str) -> tuple[int, str]:
    return (_KEY_ORDER.get(key, len(_KEY_ORDER)), key)
