"""TBX, both ways.

Writing: TBX-Basic v3 (ISO 30042:2019, DCA style): the glossary as a term base for CAT tools.

One ``conceptEntry`` per concept, its IRI kept as an external cross-reference; per language a
``langSec`` with the definitions and one ``termSec`` per term: prefLabel as
preferredTerm-admn-sts, altLabel as admittedTerm-admn-sts and, only if asked, hiddenLabel as
deprecatedTerm-admn-sts (hidden labels are misspellings and mistranslations, not terms to use).

Reading: TBX v3 (ISO 30042:2019) and the older v2 layout (IATE).

One concept per entry (``conceptEntry``, or ``termEntry`` in v2); each term becomes a label of
its language by administrative status: preferredTerm → prefLabel, admittedTerm → altLabel,
deprecated or superseded → hiddenLabel; a term without a status is preferred if it is the first
of its language, else admitted. Definitions (entry or language level) and notes are kept. The
concept's IRI is the entry's external cross-reference when it is an http(s) IRI, else the base
IRI plus the entry id.

XML is parsed without loading DTDs, expanding entities or touching the network; a DOCTYPE that
declares an entity is refused before parsing (:func:`bpo_kb.rdf.guards.refuse_xml_entities`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree as ET

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.errors import InputError
from bpo_kb.rdf.checks import is_http_iri
from bpo_kb.rdf.guards import refuse_xml_entities
from bpo_kb.rdf.namespaces import DCTERMS, OWL, RDF, SKOS
from bpo_kb.rdf.read import new_graph

__all__ = [
    "DEFAULT_TBX_BASE",
    "STATUS_BY_LABEL",
    "TBX_NAMESPACE",
    "read_tbx",
    "write_tbx",
    "xml_id",
]

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
    # Serialised into the stream, not into one bytes object first: large term bases are big.
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


DEFAULT_TBX_BASE = "https://w3id.org/bpo-kb/tbx/"
STATUS_TO_LABEL = {
    "preferredterm-admn-sts": SKOS.prefLabel,
    "admittedterm-admn-sts": SKOS.altLabel,
    "deprecatedterm-admn-sts": SKOS.hiddenLabel,
    "supersededterm-admn-sts": SKOS.hiddenLabel,
}


def read_tbx(path: Path, *, base: str = DEFAULT_TBX_BASE) -> Graph:
    """A SKOS graph with one concept scheme and one concept per TBX entry.

    Raises:
        InputError: ``FILE:LINE:COLUMN: problem`` for malformed XML, or a file that is not TBX.
    """
    from lxml import etree

    if path.is_file():  # entity declarations refused before lxml reads anything
        refuse_xml_entities(path)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )
    try:
        root = etree.parse(str(path), parser).getroot()
    except OSError as err:
        raise InputError(f"{path}: {err}") from None
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (1, 0)
        raise InputError(f"{path}:{line}:{column}: {err.msg}") from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise InputError(
            f"{path}:1: the root element is <{_local(root.tag)}>, not TBX "
            "(<tbx> for v3, <martif> for v2)"
        )
    graph = new_graph()
    scheme = URIRef(base + "scheme")
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    default_language = root.get(XML_LANG) or "en"
    title = next(
        (t for t in root.iter() if _local(t.tag) == "title" and (t.text or "").strip()), None
    )
    graph.add(
        (
            scheme,
            DCTERMS.title,
            Literal(_text(title) if title is not None else path.stem, lang=default_language),
        )
    )
    for entry in root.iter():
        if _local(entry.tag) in ("conceptEntry", "termEntry"):
            _add_entry(graph, scheme, entry, base, default_language)
    return graph


def _add_entry(
    graph: Graph, scheme: URIRef, entry: object, base: str, default_language: str
) -> None:
    concept = _concept_iri(entry, base)
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.inScheme, scheme))
    graph.add((concept, SKOS.topConceptOf, scheme))
    graph.add((scheme, SKOS.hasTopConcept, concept))
    for descrip in _children(entry, "descrip", "descripGrp"):
        if descrip.get("type") == "definition":
            graph.add((concept, SKOS.definition, Literal(_text(descrip), lang=default_language)))
    for section in _children(entry, "langSec", "langSet"):
        language = section.get(XML_LANG) or default_language
        for descrip in _children(section, "descrip", "descripGrp"):
            if descrip.get("type") == "definition":
                graph.add((concept, SKOS.definition, Literal(_text(descrip), lang=language)))
        for note in _children(section, "note"):
            graph.add((concept, SKOS.scopeNote, Literal(_text(note), lang=language)))
        _add_terms(graph, concept, section, language)


def _add_terms(graph: Graph, concept: URIRef, section: object, language: str) -> None:
    has_preferred = any(
        _label_property(term_group) == SKOS.prefLabel for term_group in _term_groups(section)
    )
    for term_group in _term_groups(section):
        term = next((t for t in term_group.iter() if _local(t.tag) == "term"), None)
        if term is None or not _text(term):
            continue
        label_property = _label_property(term_group)
        if label_property is None:
            label_property = SKOS.altLabel if has_preferred else SKOS.prefLabel
            has_preferred = True
        elif (
            label_property == SKOS.prefLabel
            and (concept, SKOS.prefLabel, None) in graph
            and any(
                getattr(o, "language", None) == language
                for o in graph.objects(concept, SKOS.prefLabel)
            )
        ):
            label_property = SKOS.altLabel  # SKOS allows one preferred term per language
        graph.add((concept, label_property, Literal(_text(term), lang=language)))


def _term_groups(section: object) -> list[object]:
    """termSec (v3), tig or ntig (v2): the element holding one term and its notes."""
    return [child for child in section if _local(child.tag) in ("termSec", "tig", "ntig")]


def _label_property(term_group: object) -> URIRef | None:
    for note in term_group.iter():
        if _local(note.tag) == "termNote" and note.get("type") == "administrativeStatus":
            return STATUS_TO_LABEL.get(_text(note).lower())
    return None


def _concept_iri(entry: object, base: str) -> URIRef:
    for xref in _children(entry, "xref"):
        target = xref.get("target") or ""
        if xref.get("type") == "externalCrossReference" and is_http_iri(target):
            return URIRef(target)
    identifier = entry.get("id") or "entry"
    return URIRef(base + re.sub(r"[^A-Za-z0-9._~-]", "_", identifier))


def _children(parent: object, *names: str) -> list[object]:
    """Direct children called one of ``names``, looking inside *Grp wrappers."""
    found = []
    for child in parent:
        name = _local(child.tag)
        if name in names:
            if name.endswith("Grp"):
                found += [
                    c
                    for c in child
                    if isinstance(c.tag, str) and _local(c.tag) == name.removesuffix("Grp")
                ]
            else:
                found.append(child)
    return found


def _text(element: object) -> str:
    return " ".join("".join(element.itertext()).split())


def _local(tag: object) -> str:
    """The element name without namespace; "" for comments, entities and processing
    instructions, whose lxml tags are not strings."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
