"""Namespaces of the project. SKOS, DCTERMS and friends come from rdflib, never as strings."""

from __future__ import annotations

from rdflib import BNode, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace
from rdflib.term import Node

from bpo_kb.rdf.checks import is_absolute_iri
from bpo_kb.rdf.curies import PrefixMap

__all__ = [
    "BPO",
    "BPOV",
    "DCTERMS",
    "LEXINFO",
    "OWL",
    "PREFIXES",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SH",
    "SKOS",
    "SKOSXL",
    "VANN",
    "XSD",
    "compact_iri",
    "expand_iri",
]

# Concept IRIs are data: an open namespace.
BPO = Namespace("https://w3id.org/bpo-kb/")
SCHEMA = Namespace("https://schema.org/")
VANN = Namespace("http://purl.org/vocab/vann/")
SKOSXL = Namespace("http://www.w3.org/2008/05/skos-xl#")
# LexInfo 3.0: the data categories of term records (part of speech, gender, term type, status).
LEXINFO = Namespace("http://www.lexinfo.net/ontology/3.0/lexinfo#")


class BPOV(DefinedNamespace):
    """Terms bpo-kb mints for its shapes and validation settings (closed: a typo fails)."""

    _NS = Namespace("https://w3id.org/bpo-kb/validation#")
    _fail = True

    code: URIRef  # stable rule code of a shape, e.g. "S14"
    layer: URIRef  # integrity, profile, quality or house
    settings: URIRef  # the node that carries the settings of one validation run
    requiredLanguage: URIRef  # noqa: N815 - an RDF term: a language every concept needs
    requiredDefinitionLanguage: URIRef  # noqa: N815 - a language every definition is required in
    recommendedDefinitionLanguage: URIRef  # noqa: N815 - one a missing definition warns about
    iso639: URIRef  # the node that lists the ISO 639 language codes (reference data)
    languageCode: URIRef  # noqa: N815 - an RDF term: one ISO 639 code, lower case
    prefLabelKey: URIRef  # noqa: N815 - validation-only: a prefLabel, lower-cased, "@" language
    altLabelKey: URIRef  # noqa: N815 - validation-only: the same for an altLabel
    broaderLink: URIRef  # noqa: N815 - validation-only: skos:broader or ^skos:narrower
    hierarchyLink: URIRef  # noqa: N815 - validation-only: those or their transitive forms
    hierarchyOrMatchLink: URIRef  # noqa: N815 - validation-only: those or broad/narrowMatch
    recordOf: URIRef  # noqa: N815 - validation-only: a term record whose term is no SKOS label


# Prefixes bound in every graph bpo-kb writes, in this order. Mapping targets come first among
# the external vocabularies so that exports read well.
PREFIXES: dict[str, str] = {
    "bpo": str(BPO),
    "bpoag": str(BPO) + "agent/",
    "bpocol": str(BPO) + "collection/",
    "bposrc": str(BPO) + "source/",
    "skos": str(SKOS),
    "skosxl": str(SKOSXL),
    "lexinfo": str(LEXINFO),
    "dct": str(DCTERMS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "schema": str(SCHEMA),
    "vann": str(VANN),
    "wd": "http://www.wikidata.org/entity/",
    "stw": "http://zbw.eu/stw/descriptor/",
    "eurovoc": "http://eurovoc.europa.eu/",
    "gnd": "http://d-nb.info/gnd/",
    "iate": "http://iate.europa.eu/",
    "unesco": "http://vocabularies.unesco.org/thesaurus/",
}

_PROJECT_PREFIXES = PrefixMap(PREFIXES)


def compact_iri(node: Node) -> str:
    """``prefix:local`` with the project's prefixes, else the full IRI; ``_:id`` for a bnode."""
    if isinstance(node, BNode):
        return f"_:{node}"
    text = str(node)
    return _PROJECT_PREFIXES.compact(text) or text


def expand_iri(text: str) -> URIRef:
    """The IRI of ``prefix:local`` (the project's prefixes) or of an absolute IRI.

    Raises:
        ValueError: an unknown prefix, or text that is not an IRI.
    """
    text = text.strip().removeprefix("<").removesuffix(">")
    expanded = _PROJECT_PREFIXES.expand(text)
    if expanded is not None:
        return URIRef(expanded)
    scheme, _, rest = text.partition(":")
    if is_absolute_iri(text) and (
        scheme.lower() in ("http", "https", "urn", "mailto", "file", "tag") or rest.startswith("//")
    ):
        return URIRef(text)
    raise ValueError(f"{text!r} is neither an IRI nor a compact IRI with a known prefix")
