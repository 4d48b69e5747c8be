"""CSV in the SKOS Play xls2rdf convention: one row per resource, one column per property.

Headers name the property as a compact IRI and say how to read the cells:
``skos:prefLabel@fr`` (a literal in French), ``dct:created^^xsd:date`` (a typed literal),
``owl:versionInfo^^xsd:string`` (a plain literal), ``skos:broader`` (IRIs). A column that holds
several values in some row declares its separator, as xls2rdf does:
``skos:altLabel@fr(separator="|")``. Concepts come first (one row each), then the scheme,
collections and any other described resource, so the file holds the whole graph.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from typing import BinaryIO

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.errors import ExportError
from bpo_kb.namespaces import RDF, SKOS, XSD, compact_iri, expand_iri

__all__ = ["SEPARATOR", "Column", "column_header", "parse_column_header", "write_csv"]

SEPARATOR = "|"

# Columns in reading order: labels, documentation, hierarchy, scheme, mappings; then the rest.
_PREDICATE_ORDER = [
    RDF.type,
    SKOS.prefLabel,
    SKOS.altLabel,
    SKOS.hiddenLabel,
    SKOS.notation,
    SKOS.definition,
    SKOS.scopeNote,
    SKOS.example,
    SKOS.note,
    SKOS.historyNote,
    SKOS.editorialNote,
    SKOS.changeNote,
    SKOS.broader,
    SKOS.narrower,
    SKOS.related,
    SKOS.member,
    SKOS.inScheme,
    SKOS.topConceptOf,
    SKOS.hasTopConcept,
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
    SKOS.relatedMatch,
]
_RANK = {predicate: rank for rank, predicate in enumerate(_PREDICATE_ORDER)}

# A column: (predicate, language or "", datatype IRI or "" for IRI-valued columns).
Column = tuple[URIRef, str, str]


def column_header(column: Column, multi_valued: bool) -> str:
    predicate, language, datatype = column
    header = compact_iri(predicate)
    if language:
        header += f"@{language}"
    elif datatype:
        header += f"^^{compact_iri(URIRef(datatype))}"
    if multi_valued:
        header += f'(separator="{SEPARATOR}")'
    return header


_HEADER = re.compile(
    r"^(?P<property>[^@^(]+?)(?:@(?P<language>[^(]*)|\^\^(?P<datatype>[^(]+))?"
    r'(?:\(separator="(?P<separator>[^"]*)"\))?$'
)
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")


def parse_column_header(header: str) -> tuple[Column, str | None]:
    """The column and its declared separator, from a header :func:`column_header` writes.

    Raises:
        ValueError: the header is not of that form (the message says why).
    """
    match = _HEADER.match(header.strip())
    if match is None:
        raise ValueError(f'header {header!r} is not PROPERTY[@lang|^^datatype][(separator="x")]')
    language = match.group("language")
    if language is not None and not _LANGUAGE_TAG.match(language):
        raise ValueError(f"header {header!r} has an invalid language tag {language!r}")
    datatype = match.group("datatype")
    column = (
        expand_iri(match.group("property")),
        language or "",
        str(expand_iri(datatype)) if datatype else "",
    )
    return column, match.group("separator")


def write_csv(graph: Graph, stream: BinaryIO) -> None:
    """Every resource described in ``graph`` as a CSV row (UTF-8, RFC 4180 quoting)."""
    cells: dict[Node, dict[Column, list[str]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, obj in graph:
        cells[subject][_column(predicate, obj)].append(_cell(obj))
    columns = sorted({c for row in cells.values() for c in row}, key=_column_order)
    multi = {c for row in cells.values() for c, values in row.items() if len(values) > 1}
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["URI", *(column_header(c, c in multi) for c in columns)])
    for subject in sorted(cells, key=lambda s: _row_order(graph, s)):
        row = cells[subject]
        writer.writerow(
            [compact_iri(subject), *(_join(row.get(c, []), c in multi) for c in columns)]
        )
    stream.write(text.getvalue().encode("utf-8"))


def _column(predicate: URIRef, obj: Node) -> Column:
    if isinstance(obj, Literal):
        if obj.language:
            return (predicate, obj.language, "")
        return (predicate, "", str(obj.datatype or XSD.string))
    return (predicate, "", "")


def _cell(obj: Node) -> str:
    return str(obj) if isinstance(obj, Literal) else compact_iri(obj)


def _join(values: list[str], multi_valued: bool) -> str:
    if multi_valued and any(SEPARATOR in value for value in values):
        raise ExportError(f"CSV cannot write {values} in a column separated by {SEPARATOR!r}")
    return SEPARATOR.join(sorted(values))


def _column_order(column: Column) -> tuple[int, str, str, str]:
    predicate, language, datatype = column
    return (_RANK.get(predicate, len(_RANK)), compact_iri(predicate), language, datatype)


def _row_order(graph: Graph, subject: Node) -> tuple[int, str]:
    if (subject, RDF.type, SKOS.Concept) in graph:
        group = 0
    elif (subject, RDF.type, SKOS.ConceptScheme) in graph:
        group = 1
    elif (subject, RDF.type, SKOS.Collection) in graph:
        group = 2
    else:
        group = 3
    return (group, str(subject))
