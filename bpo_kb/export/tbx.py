"""TBX-Basic v3 (ISO 30042:2019, DCA style): the glossary as a term base for CAT tools.

One ``conceptEntry`` per concept, its IRI kept as an external cross-reference; per language a
``langSec`` with the definitions and one ``termSec`` per term: prefLabel as
preferredTerm-admn-sts, altLabel as admittedTerm-admn-sts and, only if asked, hiddenLabel as
deprecatedTerm-admn-sts (hidden labels are misspellings and mistranslations, not terms to use).
"""

from __future__ import annotations

import re
from typing import BinaryIO
from xml.etree import ElementTree as ET

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.namespaces import DCTERMS, OWL, RDF, SKOS

__all__ = ["TBX_NAMESPACE", "STATUS_BY_LABEL", "write_tbx", "xml_id"]

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_BY_LABEL = {
    SKOS.prefLabel: "preferredTerm-admn-sts",
    SKOS.altLabel: "admittedTerm-admn-sts",
    SKOS.hiddenLabel: "deprecatedTerm-admn-sts",
}


def write_tbx(graph: Graph, stream: BinaryIO, *, include_hidden: bool = False) -> None:
    """Write every concept of ``graph`` as TBX-Basic v3, deterministically."""
    ET.register_namespace("", TBX_NAMESPACE)
    scheme = next(iter(sorted(graph.subjects(RDF.type, SKOS.ConceptScheme))), None)
    languages = sorted({str(t) for t in graph.objects(scheme, DCTERMS.language)}) or ["en"]
    root = _element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: languages[0]})
    root.append(_header(graph, scheme, languages[0]))
    body = _sub(_sub(root, "text"), "body")
    label_properties = [p for p in STATUS_BY_LABEL if include_hidden or p != SKOS.hiddenLabel]
    used_ids: set[str] = set()
    for concept in sorted(graph.subjects(RDF.type, SKOS.Concept), key=str):
        entry = _concept_entry(graph, concept, label_properties, used_ids)
        if entry is not None:
            body.append(entry)
    ET.indent(root, space="  ")
    stream.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    # Serialised into the stream, not into one bytes object first (100 MB at 100k concepts).
    ET.ElementTree(root).write(stream, encoding="utf-8", xml_declaration=False)
    stream.write(b"\n")


def xml_id(iri: str, used: set[str]) -> str:
    """A valid, unique XML ID (NCName) from the IRI's last segment."""
    local = re.split(r"[/#]", iri.rstrip("/#"))[-1]
    candidate = re.sub(r"[^A-Za-z0-9._-]", "_", local) or "concept"
    if not re.match(r"[A-Za-z_]", candidate):
        candidate = f"c_{candidate}"
    unique, number = candidate, 2
    while unique in used:
        unique, number = f"{candidate}_{number}", number + 1
    used.add(unique)
    return unique


def _header(graph: Graph, scheme: Node | None, language: str) -> ET.Element:
    header = _element("tbxHeader")
    file_desc = _sub(header, "fileDesc")
    licence = graph.value(scheme, DCTERMS.license) if scheme is not None else None
    if licence is not None:
        _sub(_sub(file_desc, "publicationStmt"), "p").text = f"Licence: {licence}"
    title = _text_in(graph, scheme, DCTERMS.title, language) if scheme is not None else None
    if title:
        _sub(_sub(file_desc, "titleStmt"), "title").text = title
    version = graph.value(scheme, OWL.versionInfo) if scheme is not None else None
    source = (
        f"Exported by bpo-kb from the SKOS concept scheme {scheme}"
        if scheme
        else ("Exported by bpo-kb from a SKOS vocabulary")
    )
    _sub(_sub(file_desc, "sourceDesc"), "p").text = source + (
        f", version {version}" if version else ""
    )
    return header


def _concept_entry(
    graph: Graph, concept: Node, label_properties: list[URIRef], used_ids: set[str]
) -> ET.Element | None:
    by_language: dict[str, list[tuple[URIRef, str]]] = {}
    for label_property in label_properties:
        for label in graph.objects(concept, label_property):
            if isinstance(label, Literal) and label.language:
                by_language.setdefault(label.language, []).append((label_property, str(label)))
    if not by_language:
        return None  # TBX needs at least one term per entry
    entry = _element("conceptEntry", {"id": xml_id(str(concept), used_ids)})
    if isinstance(concept, URIRef):
        xref = _sub(entry, "xref", {"type": "externalCrossReference", "target": str(concept)})
        xref.text = str(concept)
    for language in sorted(by_language):
        section = _sub(entry, "langSec", {XML_LANG: language})
        for definition in sorted(_texts(graph, concept, SKOS.definition, language)):
            _sub(section, "descrip", {"type": "definition"}).text = definition
        for note in sorted(_texts(graph, concept, SKOS.scopeNote, language)):
            _sub(section, "note").text = note
        order = list(STATUS_BY_LABEL)
        for label_property, text in sorted(
            by_language[language], key=lambda item: (order.index(item[0]), item[1])
        ):
            term_section = _sub(section, "termSec")
            _sub(term_section, "term").text = text
            _sub(term_section, "termNote", {"type": "administrativeStatus"}).text = STATUS_BY_LABEL[
                label_property
            ]
    return entry


def _texts(graph: Graph, node: Node, prop: URIRef, language: str) -> list[str]:
    return [
        str(o)
        for o in graph.objects(node, prop)
        if isinstance(o, Literal) and o.language == language
    ]


def _text_in(graph: Graph, node: Node, prop: URIRef, language: str) -> str | None:
    texts = sorted(_texts(graph, node, prop, language)) or sorted(
        str(o) for o in graph.objects(node, prop) if isinstance(o, Literal)
    )
    return texts[0] if texts else None


def _element(name: str, attributes: dict[str, str] | None = None) -> ET.Element:
    return ET.Element(f"{{{TBX_NAMESPACE}}}{name}", attributes or {})


def _sub(parent: ET.Element, name: str, attributes: dict[str, str] | None = None) -> ET.Element:
    return ET.SubElement(parent, f"{{{TBX_NAMESPACE}}}{name}", attributes or {})
