"""Namespaces of the project. SKOS, DCTERMS and friends come from rdflib, never as strings."""

from __future__ import annotations

import functools
import re

from rdflib import BNode, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace
from rdflib.term import Node

__all__ = [
    "BPO",
    "BPOV",
    "DCTERMS",
    "OWL",
    "PREFIXES",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SH",
    "SKOS",
    "VANN",
    "XSD",
    "IRI_FORBIDDEN",
    "compact_iri",
    "expand_iri",
]

# Concept IRIs are data: an open namespace.
BPO = Namespace("https://w3id.org/bpo-kb/")
SCHEMA = Namespace("https://schema.org/")
VANN = Namespace("http://purl.org/vocab/vann/")


class BPOV(DefinedNamespace):
    """Terms bpo-kb mints for its shapes and validation settings (closed: a typo fails)."""

    _NS = Namespace("https://w3id.org/bpo-kb/validation#")
    _fail = True

    code: URIRef  # stable rule code of a shape, e.g. "S14"
    layer: URIRef  # integrity, profile, quality or house
    settings: URIRef  # the node that carries the settings of one validation run
    requiredLanguage: URIRef  # noqa: N815 - an RDF term: a language every concept needs
    iso639: URIRef  # the node that lists the ISO 639 language codes (reference data)
    languageCode: URIRef  # noqa: N815 - an RDF term: one ISO 639 code, lower case
    prefLabelKey: URIRef  # noqa: N815 - validation-only: a prefLabel, lower-cased, "@" language
    altLabelKey: URIRef  # noqa: N815 - validation-only: the same for an altLabel


# Prefixes bound in every graph bpo-kb writes, in this order. Mapping targets come first among
# the external vocabularies so that exports read well.
PREFIXES: dict[str, str] = {
    "bpo": str(BPO),
    "bpoag": str(BPO) + "agent/",
    "bpocol": str(BPO) + "collection/",
    "bposrc": str(BPO) + "source/",
    "skos": str(SKOS),
    "skosxl": "http://www.w3.org/2008/05/skos-xl#",
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

# Every namespace ends with "/" or "#", so an IRI's namespace is one of its prefixes that ends
# there: looked up from the longest, in a dictionary, instead of trying every namespace.
_PREFIX_OF_NAMESPACE = {namespace: prefix for prefix, namespace in PREFIXES.items()}
assert all(namespace.endswith(("/", "#")) for namespace in _PREFIX_OF_NAMESPACE)


def compact_iri(node: Node) -> str:
    """``prefix:local`` with the project's prefixes, else the full IRI; ``_:id`` for a bnode."""
    if isinstance(node, BNode):
        return f"_:{node}"
    return _compact_text(str(node))


@functools.lru_cache(maxsize=1 << 16)  # exports name the same concepts and properties often
def _compact_text(text: str) -> str:
    end = len(text)
    while (cut := max(text.rfind("/", 0, end), text.rfind("#", 0, end))) >= 0:
        prefix = _PREFIX_OF_NAMESPACE.get(text[: cut + 1])
        local = text[cut + 1 :]
        # "//" would read as an authority if the compact form were taken for an IRI.
        if prefix is not None and local and not local.startswith("//"):
            return f"{prefix}:{local}"
        end = cut
    return text


# Characters an IRI may not hold (RFC 3987 and SPARQL's IRIREF): a text with one is no IRI.
IRI_FORBIDDEN = re.compile(r'[\s<>"{}|^`\\]')


def expand_iri(text: str) -> URIRef:
    """The IRI of ``prefix:local`` (the project's prefixes) or of an absolute IRI.

    Raises:
        ValueError: an unknown prefix, or text that is not an IRI.
    """
    text = text.strip().removeprefix("<").removesuffix(">")
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIXES and not local.startswith("//"):
        return URIRef(PREFIXES[prefix] + local)
    if colon and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*$", prefix) and not IRI_FORBIDDEN.search(text):
        if prefix.lower() in ("http", "https", "urn", "mailto", "file", "tag") or local.startswith(
            "//"
        ):
            return URIRef(text)
    raise ValueError(f"{text!r} is neither an IRI nor a compact IRI with a known prefix")
