"""Read TBX term bases into SKOS: TBX v3 (ISO 30042:2019) and the older v2 layout (IATE).

One concept per entry (``conceptEntry``, or ``termEntry`` in v2); each term becomes a label of
its language by administrative status: preferredTerm → prefLabel, admittedTerm → altLabel,
deprecated or superseded → hiddenLabel; a term without a status is preferred if it is the first
of its language, else admitted. Definitions (entry or language level) and notes are kept. The
concept's IRI is the entry's external cross-reference when it is an http(s) IRI, else the base
IRI plus the entry id.

XML is parsed without loading DTDs, expanding entities or touching the network.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from bpo_kb.errors import InputError
from bpo_kb.graphs import new_graph
from bpo_kb.namespaces import DCTERMS, RDF, SKOS

__all__ = ["DEFAULT_TBX_BASE", "read_tbx"]

DEFAULT_TBX_BASE = "https://w3id.org/bpo-kb/tbx/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
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
        if xref.get("type") == "externalCrossReference" and re.match(r"^https?://\S+$", target):
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
