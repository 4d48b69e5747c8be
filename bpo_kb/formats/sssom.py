"""SSSOM mapping tables (Simple Standard for Sharing Ontological Mappings), TSV with a YAML
header holding the CURIE map and the mapping set's metadata."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO
from urllib.parse import urlsplit

from rdflib import Graph
from rdflib.term import Node

from bpo_kb.formats.csv import neutralise_cell
from bpo_kb.rdf.curies import PrefixMap
from bpo_kb.rdf.namespaces import DCTERMS, OWL, PREFIXES, RDF, SKOS
from bpo_kb.skos.labels import display_label
from bpo_kb.skos.properties import MAPPING_PROPERTIES

__all__ = ["MappingRow", "mapping_rows", "namespace_of", "write_sssom", "write_sssom_rows"]

SEMAPV = "https://w3id.org/semapv/vocab/"
COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "confidence",
    "subject_match_field",
    "object_match_field",
    "match_string",
)


@dataclass(frozen=True)
class MappingRow:
    """One mapping: IRIs in, CURIEs out (the writer compacts them)."""

    subject: Node
    predicate: Node
    object: Node
    justification: str
    subject_label: str = ""
    object_label: str = ""
    confidence: float | None = None
    subject_match_field: str = ""
    object_match_field: str = ""
    match_string: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def mapping_rows(graph: Graph, language: str = "en") -> list[MappingRow]:
    """Every skos:*Match triple of ``graph``, as manually curated mappings."""
    rows = []
    for predicate in MAPPING_PROPERTIES:
        for subject, obj in graph.subject_objects(predicate):
            rows.append(
                MappingRow(
                    subject,
                    predicate,
                    obj,
                    "semapv:ManualMappingCuration",
                    subject_label=display_label(graph, subject, (language,)),
                )
            )
    return sorted(rows, key=lambda r: (str(r.subject), str(r.predicate), str(r.object)))


def write_sssom(graph: Graph, stream: BinaryIO) -> None:
    """The mappings of ``graph`` as an SSSOM table (the ``sssom`` export)."""
    scheme = next(iter(sorted(graph.subjects(RDF.type, SKOS.ConceptScheme))), None)
    metadata = {"mapping_set_id": f"{scheme}/mappings" if scheme else "urn:bpo-kb:mappings"}
    if scheme is not None:
        for key, prop in (("mapping_set_version", OWL.versionInfo), ("license", DCTERMS.license)):
            value = graph.value(scheme, prop)
            if value is not None:
                metadata[key] = str(value)
        metadata["subject_source"] = str(scheme)
    metadata.setdefault("license", "https://creativecommons.org/licenses/by/4.0/")
    write_sssom_rows(mapping_rows(graph), metadata, stream)


def write_sssom_rows(
    rows: Sequence[MappingRow],
    metadata: dict[str, str],
    stream: BinaryIO,
    *,
    names: Mapping[str, str] | None = None,
) -> None:
    """Write ``rows`` with a CURIE map covering every identifier they use.

    Args:
        names: ``namespace -> prefix`` for namespaces the project's prefixes do not know (the
            other vocabulary's own declarations); any other is named after its host.
    """
    prefixes = _prefix_map(rows, names or {})
    curies = PrefixMap(prefixes, local_ok=bool)
    table = [_cells(row, curies) for row in rows]
    used_columns = [
        c
        for c in COLUMNS
        if any(cells[c] for cells in table)
        or c in ("subject_id", "predicate_id", "object_id", "mapping_justification")
    ]
    lines = ["# curie_map:"]
    lines += [f"#   {prefix}: {namespace}" for prefix, namespace in sorted(prefixes.items())]
    lines += [f"# {key}: {value}" for key, value in sorted(metadata.items())]
    lines.append("\t".join(used_columns))
    for cells in table:
        lines.append("\t".join(cells[column] for column in used_columns))
    stream.write(("\n".join(lines) + "\n").encode("utf-8"))


def _cells(row: MappingRow, curies: PrefixMap) -> dict[str, str]:
    """The row's text in every column; no tab or newline may break the table, and a cell that
    a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) gets a leading ``'``, as
    in the CSV export (:func:`bpo_kb.formats.csv.neutralise_cell`)."""
    values: dict[str, object] = {
        "subject_id": _curie(row.subject, curies),
        "subject_label": row.subject_label,
        "predicate_id": _curie(row.predicate, curies),
        "object_id": _curie(row.object, curies),
        "object_label": row.object_label,
        "mapping_justification": row.justification,
        "confidence": "" if row.confidence is None else f"{row.confidence:.2f}",
        "subject_match_field": row.subject_match_field,
        "object_match_field": row.object_match_field,
        "match_string": row.match_string,
    }
    return {
        column: neutralise_cell(" ".join(str(value).split())) for column, value in values.items()
    }


def _prefix_map(rows: Sequence[MappingRow], names: Mapping[str, str]) -> dict[str, str]:
    """The project's prefixes that the rows use, plus semapv and one per other namespace:
    named by ``names`` (the longest namespace of it that fits), else after its host."""
    prefixes = {"semapv": SEMAPV}
    named = PrefixMap({p: ns for ns, p in names.items() if ns.endswith(("/", "#", ":"))}, bool)
    for row in rows:
        for node in (row.subject, row.predicate, row.object):
            known = _PROJECT_CURIES.compact(str(node))
            if known is not None:
                prefix = known.split(":", 1)[0]
                prefixes[prefix] = PREFIXES[prefix]
                continue
            hinted = named.compact(str(node))
            name = hinted.split(":", 1)[0] if hinted else None
            namespace = named.prefixes[name] if name else namespace_of(str(node))
            if namespace not in prefixes.values():
                prefixes[_unused(name or _host_name(namespace), prefixes)] = namespace
    return prefixes


def _host_name(namespace: str) -> str:
    """A prefix for ``namespace`` from its host: the name before the top-level domain
    (vocab.acme.org gives acme), else "vocabulary"."""
    labels = (urlsplit(namespace).hostname or "").split(".")
    name = labels[-2] if len(labels) > 1 else labels[0]
    return name if re.fullmatch(r"[A-Za-z][\w.-]*", name) else "vocabulary"


def _unused(name: str, prefixes: dict[str, str]) -> str:
    """``name``, or ``name2``, ``name3``... if the table already uses it."""
    candidate, number = name, 1
    while candidate in prefixes:
        number += 1
        candidate = f"{name}{number}"
    return candidate


_PROJECT_CURIES = PrefixMap(PREFIXES, local_ok=bool)


def _curie(node: Node, curies: PrefixMap) -> str:
    return curies.compact(str(node)) or str(node)


def namespace_of(iri: str) -> str:
    """``iri`` up to its last "/", "#" or ":"."""
    found = re.match(r"^(.*[/#:])[^/#:]+$", iri)
    return found.group(1) if found else iri
