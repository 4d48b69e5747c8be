"""The formats bpo-kb writes: one registry, :data:`FORMATS`, drives ``--format``, ``build``, the
README's export table and the round-trip tests."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

from bpo_kb.errors import UsageError
from bpo_kb.formats.csv import write_csv
from bpo_kb.formats.html import site_files
from bpo_kb.formats.jsonld import write_jsonld
from bpo_kb.formats.rdf import write_ntriples, write_rdfxml, write_turtle
from bpo_kb.formats.sssom import write_sssom
from bpo_kb.formats.tbx import write_tbx

__all__ = ["FILE_FORMATS", "FORMATS", "ExportFormat", "writer_for"]

EXPORT_STEM = "bpo-glossary"
GraphWriter = Callable[[Graph, BinaryIO], None]
FolderWriter = Callable[
    [Graph, Mapping[str, Callable[[BinaryIO], None]], Sequence[str] | None], dict[Path, object]
]


@dataclass(frozen=True)
class ExportFormat:
    """A format bpo-kb writes: its name in ``exports/`` and its writer.

    A file format has ``write`` (graph to stream); a folder format (the site) has ``files``
    (graph, downloads and languages to the folder's files).
    """

    name: str
    filename: str
    media_type: str
    description: str
    write: GraphWriter | None = None
    files: FolderWriter | None = None
    rdf_parser: str | None = None  # rdflib parser that reads it back, for RDF formats

    @property
    def is_folder(self) -> bool:
        return self.files is not None


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "turtle",
            f"{EXPORT_STEM}.ttl",
            "text/turtle",
            "Turtle: sorted, prefixed, one block per subject",
            write=write_turtle,
            rdf_parser="turtle",
        ),
        ExportFormat(
            "jsonld",
            f"{EXPORT_STEM}.jsonld",
            "application/ld+json",
            "JSON-LD 1.1, inline context, labels as language maps",
            write=write_jsonld,
            rdf_parser="json-ld",
        ),
        ExportFormat(
            "csv",
            f"{EXPORT_STEM}.csv",
            "text/csv",
            "CSV, SKOS Play xls2rdf headers, one row per resource",
            write=write_csv,
        ),
        ExportFormat(
            "ntriples",
            f"{EXPORT_STEM}.nt",
            "application/n-triples",
            "N-Triples, sorted",
            write=write_ntriples,
            rdf_parser="nt",
        ),
        ExportFormat(
            "rdfxml",
            f"{EXPORT_STEM}.rdf",
            "application/rdf+xml",
            "RDF/XML, one description per subject",
            write=write_rdfxml,
            rdf_parser="xml",
        ),
        ExportFormat(
            "tbx",
            f"{EXPORT_STEM}.tbx",
            "application/x-tbx",  # unregistered; as Virtaal and Wikipedia's TBX article name it
            "TBX-Basic v3 term base",
            write=write_tbx,
        ),
        ExportFormat(
            "sssom",
            "bpo-mappings.sssom.tsv",
            "text/tab-separated-values",
            "SSSOM mapping table",
            write=write_sssom,
        ),
        ExportFormat(
            "html", "html", "text/html", "static multilingual site, a folder", files=site_files
        ),
    )
}
# The formats written as one file each (all but the site).
FILE_FORMATS: dict[str, ExportFormat] = {n: f for n, f in FORMATS.items() if not f.is_folder}


def writer_for(format_name: str, *, include_hidden: bool = False) -> GraphWriter:
    """The writer of one file format; ``include_hidden`` adds TBX hidden labels as deprecated
    terms.

    Raises:
        UsageError: ``include_hidden`` with another format than tbx, or a folder format.
    """
    if include_hidden:
        if format_name != "tbx":
            raise UsageError("only the tbx format can include hidden labels")
        return functools.partial(write_tbx, include_hidden=True)
    writer = FORMATS[format_name].write
    if writer is None:
        raise UsageError(f"{format_name} writes a folder, not one stream")
    return writer
