"""TBX, both ways.

Writing: TBX-Basic v3 (ISO 30042:2019, DCA style): the glossary as a term base for CAT tools.

One ``conceptEntry`` per concept, its IRI kept as an external cross-reference; per language a
``langSec`` with the definitions and one ``termSec`` per term: prefLabel as
preferredTerm-admn-sts, altLabel as admittedTerm-admn-sts and, only if asked, hiddenLabel as
deprecatedTerm-admn-sts (hidden labels are misspellings and mistranslations, not terms to use).

A term with a record (a ``skosxl:Label`` of the concept whose literal form is the label, see
DESIGN.md "Term records") takes its status from the record's ``lexinfo:normativeAuthorization``,
not from the SKOS property, and carries the record's data categories in TBX-Basic's terms
(picklists of ``TBX-Basic_DCA.sch``, module.min.termNote and module.basic.termNote):

- ``termNote type="partOfSpeech"`` (noun, verb, adjective, adverb, other): LexInfo noun,
  commonNoun, properNoun and every other ``*Noun`` give noun (the Schematron has no
  properNoun), verbs give verb, adjectives adjective, adverbs adverb, anything else other;
- ``grammaticalGender`` (masculine, feminine, neuter, other): commonGender and otherGender give
  other;
- ``termType`` (fullForm, acronym, abbreviation, shortForm, variant, phrase): initialism,
  abbreviatedForm and contraction give abbreviation (ISO 12620's generic abbreviated form; an
  acronym is pronounced as a word, an initialism letter by letter), clippedTerm gives shortForm,
  phraseologicalUnit, setPhrase and idiom give phrase; a type TBX-Basic has no value for is left
  out;
- ``geographicalUsage`` (free text in TBX-Basic): the BCP 47 language-region tag of the
  literal (``fr-CA``); the term goes into the langSec of its primary language (``fr``);
- ``admin type="source"`` (allowed at termSec level): each ``dct:source``, as its IRI;
- ``note``: each usage note (``skos:note``) of the record.

A concept without records, or a label without one, is written as before: status from its SKOS
property, no other data category.

Reading: TBX v3 (ISO 30042:2019) and the older v2 layout (IATE).

One concept per entry (``conceptEntry``, or ``termEntry`` in v2); each term becomes a label of
its language by administrative status: preferredTerm → prefLabel (a second preferred term of
the same language tag → altLabel, SKOS allows one), admittedTerm, deprecatedTerm and
supersededTerm → altLabel; a term without a status is preferred if it is the first of its
language, else admitted. Deprecated terms are alternative labels, not hidden ones: a term base
lists them so that writers see them flagged, and their record keeps the status, so that
TBX → SKOS-XL → TBX gives every term back with its status (an ``--include-hidden`` export thus
comes back with its hidden labels as alternative labels recorded deprecated). Every term also
becomes a term record (``skosxl:Label`` under :func:`term_iri`, linked by the SKOS-XL property
of its SKOS label) with the TBX data categories read back into LexInfo: status
(``*-admn-sts``, v2 ``normativeAuthorization`` too), partOfSpeech (properNoun, TBX-Basic v2's,
kept; other → none, LexInfo has no such value), grammaticalGender (other → otherGender),
termType (phrase → phraseologicalUnit; variant and values LexInfo lacks → none),
geographicalUsage (``fr-CA`` or ``CA`` in a ``fr`` section → the literal's tag ``fr-ca``; any
other text is kept as a usage note), sources (an http(s) IRI as an IRI, other text as a literal)
and notes at term level (usage notes). Definitions (entry or language level) and language-level
notes are kept. The concept's IRI is the entry's external cross-reference when it is an http(s)
IRI, else the base IRI plus the entry id; without a base, every entry must carry its IRI
(nothing is minted in a namespace nobody chose). The scheme is the base plus "scheme"; without
a base, the scheme that bpo-kb's export names in the header, else the namespace the entries'
IRIs share plus "scheme".

XML is parsed without loading DTDs, expanding entities or touching the network; a DOCTYPE that
declares an entity is refused before parsing (:func:`bpo_kb.rdf.guards.refuse_xml_entities`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree as ET

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.errors import InputError, UsageError
from bpo_kb.rdf.checks import is_http_iri
from bpo_kb.rdf.guards import refuse_xml_entities
from bpo_kb.rdf.namespaces import DCTERMS, LEXINFO, OWL, RDF, SKOS, SKOSXL
from bpo_kb.rdf.read import new_graph
from bpo_kb.skos.term_records import LABEL_KINDS, term_iri

__all__ = [
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


@dataclass(frozen=True)
class _Term:
    """One termSec to write: the label, the SKOS property it is under, its record if any."""

    label_property: URIRef
    literal: Literal
    record: Node | None


def _concept_entry(
    graph: Graph, concept: Node, label_properties: list[URIRef], used_ids: set[str]
) -> ET.Element | None:
    by_language: dict[str, list[_Term]] = {}
    for label_property in label_properties:
        for label in graph.objects(concept, label_property):
            if isinstance(label, Literal) and label.language:
                record = _record_of(graph, concept, label_property, label)
                section = _split_region(label.language)[0] if record is not None else None
                by_language.setdefault(section or label.language, []).append(
                    _Term(label_property, label, record)
                )
    if not by_language:
        return None  # TBX needs at least one term per entry
    entry = _element("conceptEntry", {"id": xml_id(str(concept), used_ids)})
    if isinstance(concept, URIRef):
        xref = _sub(entry, "xref", {"type": "externalCrossReference", "target": str(concept)})
        xref.text = str(concept)
    order = list(STATUS_BY_LABEL)
    for language in sorted(by_language):
        section = _sub(entry, "langSec", {XML_LANG: language})
        for definition in sorted(_texts(graph, concept, SKOS.definition, language)):
            _sub(section, "descrip", {"type": "definition"}).text = definition
        for note in sorted(_texts(graph, concept, SKOS.scopeNote, language)):
            _sub(section, "note").text = note
        for term in sorted(
            by_language[language],
            key=lambda t: (order.index(t.label_property), str(t.literal), t.literal.language),
        ):
            _term_section(graph, section, term)
    return entry


def _record_of(
    graph: Graph, concept: Node, label_property: URIRef, literal: Literal
) -> Node | None:
    """The term record of ``literal``: the smallest SKOS-XL label of the matching kind whose
    literal form it is (one per term; the shapes report duplicates)."""
    kind = LABEL_KINDS.get(label_property)
    if kind is None:
        return None
    records = sorted(
        (r for r in graph.objects(concept, kind) if (r, SKOSXL.literalForm, literal) in graph),
        key=str,
    )
    return records[0] if records else None


def _split_region(tag: str) -> tuple[str, str | None]:
    """``fr-ca`` → (``fr``, ``fr-CA``): the langSec language and the geographicalUsage value of
    a language-region tag; any other tag is its own langSec, without geographicalUsage."""
    parts = tag.split("-")
    if len(parts) == 2 and re.fullmatch(r"[A-Za-z]{2}|[0-9]{3}", parts[1]):
        return parts[0].lower(), f"{parts[0].lower()}-{parts[1].upper()}"
    return tag, None


def _term_section(graph: Graph, section: ET.Element, term: _Term) -> None:
    term_section = _sub(section, "termSec")
    _sub(term_section, "term").text = str(term.literal)
    record = term.record
    status = STATUS_BY_LABEL[term.label_property]
    if record is not None:
        authorization = _local_name(graph.value(record, LEXINFO.normativeAuthorization))
        status = TBX_STATUS.get(authorization, status)
    notes = [("administrativeStatus", status)]
    if record is not None:
        notes += [
            (category, value)
            for category, prop, to_tbx in (
                ("partOfSpeech", LEXINFO.partOfSpeech, _tbx_part_of_speech),
                ("grammaticalGender", LEXINFO.gender, _tbx_gender),
                ("termType", LEXINFO.termType, _tbx_term_type),
            )
            for value in sorted(
                {to_tbx(_local_name(v)) for v in graph.objects(record, prop)} - {None}
            )[:1]
        ]
        region = _split_region(term.literal.language or "")[1]
        if region:
            notes.append(("geographicalUsage", region))
    for category, value in notes:
        _sub(term_section, "termNote", {"type": category}).text = value
    if record is None:
        return
    for source in sorted(str(s) for s in graph.objects(record, DCTERMS.source)):
        _sub(term_section, "admin", {"type": "source"}).text = source
    for note in sorted(str(n) for n in graph.objects(record, SKOS.note) if isinstance(n, Literal)):
        _sub(term_section, "note").text = note


# LexInfo normativeAuthorization -> TBX-Basic administrativeStatus (module.min.termNote). The
# other LexInfo values (standardizedTerm, legalTerm, regulatedTerm) have no TBX-Basic value:
# such a term takes the status of its SKOS property.
TBX_STATUS = {
    name: f"{name}-admn-sts"
    for name in ("preferredTerm", "admittedTerm", "deprecatedTerm", "supersededTerm")
}
# LexInfo gender -> TBX-Basic grammaticalGender (module.basic.termNote).
TBX_GENDER = {
    "masculine": "masculine",
    "feminine": "feminine",
    "neuter": "neuter",
    "commonGender": "other",
    "otherGender": "other",
}
# LexInfo termType -> TBX-Basic termType (module.basic.termNote: fullForm, acronym,
# abbreviation, shortForm, variant, phrase); types without a TBX-Basic value are left out.
TBX_TERM_TYPE = {
    "fullForm": "fullForm",
    "acronym": "acronym",
    "abbreviation": "abbreviation",
    "initialism": "abbreviation",
    "abbreviatedForm": "abbreviation",
    "contraction": "abbreviation",
    "shortForm": "shortForm",
    "clippedTerm": "shortForm",
    "phraseologicalUnit": "phrase",
    "setPhrase": "phrase",
    "idiom": "phrase",
}


def _tbx_part_of_speech(name: str | None) -> str | None:
    """LexInfo part of speech -> TBX-Basic partOfSpeech (module.min.termNote: adjective, noun,
    other, verb, adverb)."""
    if not name:
        return None
    for family in ("noun", "verb", "adjective", "adverb"):
        if name == family or name.endswith(family.capitalize()):
            return family
    return "other"


def _tbx_gender(name: str | None) -> str | None:
    return TBX_GENDER.get(name or "")


def _tbx_term_type(name: str | None) -> str | None:
    return TBX_TERM_TYPE.get(name or "")


def _local_name(node: Node | None) -> str | None:
    """The LexInfo local name of ``node`` (``noun`` for lexinfo:noun); None for anything else."""
    if isinstance(node, URIRef) and str(node).startswith(str(LEXINFO)):
        return str(node)[len(str(LEXINFO)) :]
    return None


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


STATUS_TO_LABEL = {
    "preferredterm-admn-sts": SKOS.prefLabel,
    "admittedterm-admn-sts": SKOS.altLabel,
    "deprecatedterm-admn-sts": SKOS.altLabel,
    "supersededterm-admn-sts": SKOS.altLabel,
}
# TBX administrativeStatus (``*-admn-sts``) or v2 normativeAuthorization value, lower case ->
# LexInfo normativeAuthorization.
LEXINFO_STATUS = {
    name.lower(): name
    for name in (
        "preferredTerm",
        "admittedTerm",
        "deprecatedTerm",
        "supersededTerm",
        "standardizedTerm",
        "legalTerm",
        "regulatedTerm",
    )
}
# TBX partOfSpeech, lower case -> LexInfo (TBX-Basic v3 picklist, and v2's properNoun).
LEXINFO_PART_OF_SPEECH = {
    name.lower(): name for name in ("noun", "verb", "adjective", "adverb", "properNoun")
}
LEXINFO_GENDER = {
    "masculine": "masculine",
    "feminine": "feminine",
    "neuter": "neuter",
    "other": "otherGender",
}
# TBX termType (TBX-Basic's picklist and full TBX's values LexInfo also has), lower case ->
# LexInfo termType. "variant" has no LexInfo value.
LEXINFO_TERM_TYPE = {
    "phrase": "phraseologicalUnit",
    **{
        name.lower(): name
        for name in (
            "fullForm",
            "acronym",
            "abbreviation",
            "initialism",
            "shortForm",
            "abbreviatedForm",
            "clippedTerm",
            "commonName",
            "contraction",
            "entryTerm",
            "equation",
            "formula",
            "internationalism",
            "internationalScientificTerm",
            "logicalExpression",
            "partNumber",
            "phraseologicalUnit",
            "setPhrase",
            "sku",
            "standardText",
            "string",
            "transcribedForm",
        )
    },
}


@dataclass
class _ReadTerm:
    """A term read from a termSec (v3) or tig/ntig (v2), before its record is written."""

    concept: URIRef
    literal: Literal
    label_property: URIRef
    values: dict[URIRef, str] = field(default_factory=dict)  # LexInfo property -> local name
    sources: list[Node] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_tbx(path: Path, *, base: str | None = None) -> Graph:
    """A SKOS graph with one concept scheme and one concept per TBX entry.

    Args:
        base: namespace for the entries without an http(s) IRI (and the scheme).

    Raises:
        InputError: ``FILE:LINE:COLUMN: problem`` for malformed XML, or a file that is not TBX.
        UsageError: no ``base``, and an entry carries no http(s) IRI.
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
    entries = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    concepts = [_concept_iri(entry, base) for entry in entries]
    if base is None and (None in concepts or not concepts):
        raise UsageError(f"{path}: {_unnamed(entries, concepts)}; {_GIVE_BASE}")
    graph = new_graph()
    scheme = URIRef(
        base + "scheme"
        if base
        else _scheme_named_in(root) or _shared_namespace(concepts) + "scheme"
    )
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
    terms: list[_ReadTerm] = []
    for entry, concept in zip(entries, concepts, strict=True):
        terms += _add_entry(graph, scheme, entry, concept, default_language)  # type: ignore[arg-type]
    _add_records(graph, terms)
    return graph


_GIVE_BASE = "give --base, the namespace to name them in, e.g. --base https://example.org/terms/"


def _unnamed(entries: list[object], concepts: list[URIRef | None]) -> str:
    if not entries:
        return "no conceptEntry or termEntry, so no IRI to name the concept scheme after"
    first = entries[concepts.index(None)]
    return (
        f"{concepts.count(None)} of {len(entries)} entries (the first on line "
        f"{first.sourceline}, id {first.get('id')!r}) carry no http(s) IRI "
        '(<xref type="externalCrossReference">)'
    )


def _scheme_named_in(root: object) -> str | None:
    """The scheme IRI that bpo-kb's TBX export names in its header (``sourceDesc``), if any."""
    headers = [child for child in root if _local(child.tag) in ("tbxHeader", "martifHeader")]
    for paragraph in (p for header in headers for p in header.iter()):
        if _local(paragraph.tag) == "p":
            found = re.search(r"SKOS concept scheme (\S+?),? ", _text(paragraph) + " ")
            if found and is_http_iri(found.group(1)):
                return found.group(1)
    return None


def _shared_namespace(concepts: list[URIRef | None]) -> str:
    """The longest namespace (up to a "/" or "#" after the host) of every IRI in ``concepts``,
    else the first one's."""
    iris = [str(concept) for concept in concepts]
    for shared in (os.path.commonprefix(iris), iris[0]):
        end = max(shared.rfind("/"), shared.rfind("#")) + 1
        if end > shared.find("://") + 3:
            return shared[:end]
    return iris[0] + "#"


def _add_entry(
    graph: Graph, scheme: URIRef, entry: object, concept: URIRef, default_language: str
) -> list[_ReadTerm]:
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.inScheme, scheme))
    graph.add((concept, SKOS.topConceptOf, scheme))
    graph.add((scheme, SKOS.hasTopConcept, concept))
    for descrip in _children(entry, "descrip", "descripGrp"):
        if descrip.get("type") == "definition":
            graph.add((concept, SKOS.definition, Literal(_text(descrip), lang=default_language)))
    terms: list[_ReadTerm] = []
    for section in _children(entry, "langSec", "langSet"):
        language = section.get(XML_LANG) or default_language
        for descrip in _children(section, "descrip", "descripGrp"):
            if descrip.get("type") == "definition":
                graph.add((concept, SKOS.definition, Literal(_text(descrip), lang=language)))
        for note in _children(section, "note"):
            graph.add((concept, SKOS.scopeNote, Literal(_text(note), lang=language)))
        terms += _add_terms(graph, concept, section, language)
    return terms


def _add_terms(graph: Graph, concept: URIRef, section: object, language: str) -> list[_ReadTerm]:
    has_preferred = any(
        _label_property(term_group) == SKOS.prefLabel for term_group in _term_groups(section)
    )
    terms = []
    for term_group in _term_groups(section):
        term = next((t for t in term_group.iter() if _local(t.tag) == "term"), None)
        if term is None or not _text(term):
            continue
        read = _read_term(concept, term_group, language, _text(term))
        label_property = _label_property(term_group)
        if label_property is None:
            label_property = SKOS.altLabel if has_preferred else SKOS.prefLabel
            has_preferred = True
        elif label_property == SKOS.prefLabel and any(
            getattr(o, "language", None) == read.literal.language
            for o in graph.objects(concept, SKOS.prefLabel)
        ):
            label_property = SKOS.altLabel  # SKOS allows one preferred term per language
        read.label_property = label_property
        graph.add((concept, label_property, read.literal))
        terms.append(read)
    return terms


def _read_term(concept: URIRef, term_group: object, language: str, text: str) -> _ReadTerm:
    """The term's data categories: its termNotes, its own sources and notes (not those of a
    context sentence or definition inside a descripGrp)."""
    parts = _term_parts(term_group)
    tag, region_note = language.lower(), None
    values: dict[URIRef, str] = {}
    for note in _children(parts, "termNote", "termNoteGrp"):
        kind, value = note.get("type") or "", _text(note)
        if kind in ("administrativeStatus", "normativeAuthorization"):
            name = LEXINFO_STATUS.get(value.lower().removesuffix("-admn-sts"))
            prop = LEXINFO.normativeAuthorization
        elif kind == "partOfSpeech":
            name, prop = LEXINFO_PART_OF_SPEECH.get(value.lower()), LEXINFO.partOfSpeech
        elif kind == "grammaticalGender":
            name, prop = LEXINFO_GENDER.get(value.lower()), LEXINFO.gender
        elif kind == "termType":
            name, prop = LEXINFO_TERM_TYPE.get(value.lower()), LEXINFO.termType
        elif kind == "geographicalUsage":
            tag, region_note = _with_region(tag, value)
            continue
        else:
            continue
        if name and prop not in values:
            values[prop] = name
    sources: list[Node] = []
    for admin in _children(parts, "admin", "adminGrp"):
        value = _text(admin)
        if admin.get("type") == "source" and value:
            sources.append(URIRef(value) if is_http_iri(value) else Literal(value))
    notes = [_text(note) for note in _children(parts, "note") if _text(note)]
    if region_note:
        notes.append(region_note)
    return _ReadTerm(concept, Literal(text, lang=tag), SKOS.altLabel, values, sources, notes)


def _with_region(tag: str, usage: str) -> tuple[str, str | None]:
    """The literal's tag for a geographicalUsage: ``fr-CA`` or ``CA`` in a ``fr`` section give
    ``fr-ca``; a tag that has a region already keeps it; any other text is returned as a note."""
    value = usage.strip()
    primary = tag.split("-")[0]
    match = re.fullmatch(r"(?:([A-Za-z]{2,3})[-_])?([A-Za-z]{2}|[0-9]{3})", value)
    if match and (match.group(1) is None or match.group(1).lower() == primary):
        if "-" in tag:
            return tag, None
        return f"{primary}-{match.group(2).lower()}", None
    return tag, (f"geographical usage: {value}" if value else None)


def _add_records(graph: Graph, terms: list[_ReadTerm]) -> None:
    """One term record per (concept, literal), under :func:`term_iri`."""
    seen: set[tuple[URIRef, Literal]] = set()
    unique = []
    for term in terms:
        if (term.concept, term.literal) not in seen:
            seen.add((term.concept, term.literal))
            unique.append(term)
    for term in unique:
        language = term.literal.language or ""
        label = term_iri(term.concept, language, str(term.literal))
        graph.add((term.concept, LABEL_KINDS[term.label_property], label))
        graph.add((label, RDF.type, SKOSXL.Label))
        graph.add((label, SKOSXL.literalForm, term.literal))
        for prop, name in term.values.items():
            graph.add((label, prop, LEXINFO[name]))
        for source in term.sources:
            graph.add((label, DCTERMS.source, source))
        for note in term.notes:
            graph.add((label, SKOS.note, Literal(note, lang=language)))


def _term_groups(section: object) -> list[object]:
    """termSec (v3), tig or ntig (v2): the element holding one term and its notes."""
    return [child for child in section if _local(child.tag) in ("termSec", "tig", "ntig")]


def _term_parts(term_group: object) -> list[object]:
    """The children of a term group, with those of a v2 ntig's termGrp in its place."""
    parts = []
    for child in term_group:
        if _local(child.tag) == "termGrp":
            parts += list(child)
        else:
            parts.append(child)
    return parts


def _label_property(term_group: object) -> URIRef | None:
    for note in term_group.iter():
        if _local(note.tag) == "termNote" and note.get("type") in (
            "administrativeStatus",
            "normativeAuthorization",
        ):
            status = _text(note).lower()
            return STATUS_TO_LABEL.get(status) or STATUS_TO_LABEL.get(f"{status}-admn-sts")
    return None


def _concept_iri(entry: object, base: str | None) -> URIRef | None:
    """The entry's http(s) cross-reference, else ``base`` plus its id, else None."""
    for xref in _children(entry, "xref"):
        target = xref.get("target") or ""
        if xref.get("type") == "externalCrossReference" and is_http_iri(target):
            return URIRef(target)
    if base is None:
        return None
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
    """The element's text with XML white space (not no-break spaces) collapsed."""
    return re.sub(r"[ \t\r\n]+", " ", "".join(element.itertext())).strip()


def _local(tag: object) -> str:
    """The element name without namespace; "" for comments, entities and processing
    instructions, whose lxml tags are not strings."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
