"""Export formats: one registry drives ``--format``, ``bpo-kb build`` and the tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

from bpo_kb.export.jsonld import write_jsonld
from bpo_kb.export.rdf import write_ntriples, write_rdfxml, write_turtle
from bpo_kb.export.table import write_csv
from bpo_kb.files import write_atomically

__all__ = ["FORMATS", "ExportFormat", "export_all", "export_one"]

EXPORT_STEM = "bpo-glossary"


@dataclass(frozen=True)
class ExportFormat:
    """A format bpo-kb writes: its file name in ``exports/`` and its writer."""

    name: str
    filename: str
    media_type: str
    write: Callable[[Graph, BinaryIO], None]
    rdf_parser: str | None  # rdflib parser that reads it back, for RDF formats


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("turtle", f"{EXPORT_STEM}.ttl", "text/turtle", write_turtle, "turtle"),
        ExportFormat(
            "jsonld", f"{EXPORT_STEM}.jsonld", "application/ld+json", write_jsonld, "json-ld"
        ),
        ExportFormat("csv", f"{EXPORT_STEM}.csv", "text/csv", write_csv, None),
        ExportFormat(
            "ntriples", f"{EXPORT_STEM}.nt", "application/n-triples", write_ntriples, "nt"
        ),
        ExportFormat("rdfxml", f"{EXPORT_STEM}.rdf", "application/rdf+xml", write_rdfxml, "xml"),
    )
}


def export_one(graph: Graph, format_name: str, path: Path) -> Path:
    """Write ``graph`` to ``path`` in one format, atomically."""
    writer = FORMATS[format_name].write
    write_atomically({path: lambda stream: writer(graph, stream)})
    return path


def export_all(graph: Graph, out_dir: Path) -> list[Path]:
    """Write every format into ``out_dir``: all files are replaced together, or none is."""
    targets = {
        out_dir / f.filename: (lambda stream, write=f.write: write(graph, stream))
        for f in FORMATS.values()
    }
    return write_atomically(targets)
