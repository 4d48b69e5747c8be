"""Export formats: one registry drives ``--format``, ``bpo-kb build`` and the tests."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

from bpo_kb.errors import ExportError
from bpo_kb.files import copy_of, write_atomically
from bpo_kb.formats.csv import write_csv
from bpo_kb.formats.jsonld import write_jsonld
from bpo_kb.formats.rdf import write_ntriples, write_rdfxml, write_turtle
from bpo_kb.formats.sssom import write_sssom
from bpo_kb.formats.tbx import write_tbx
from bpo_kb.progress import ProgressCallback, silent

__all__ = [
    "FORMATS",
    "SITE_FOLDER",
    "ExportFormat",
    "export_all",
    "export_one",
    "export_site",
    "html_site_files",
    "writer_for",
]

EXPORT_STEM = "bpo-glossary"
SITE_FOLDER = "html"


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
        ExportFormat("tbx", f"{EXPORT_STEM}.tbx", "application/x-tbx+xml", write_tbx, None),
        ExportFormat(
            "sssom", "bpo-mappings.sssom.tsv", "text/tab-separated-values", write_sssom, None
        ),
    )
}


def writer_for(
    format_name: str, *, include_hidden: bool = False
) -> Callable[[Graph, BinaryIO], None]:
    """The writer of one format; ``include_hidden`` adds TBX hidden labels as deprecated terms."""
    if include_hidden:
        if format_name != "tbx":
            raise ExportError("only the tbx format can include hidden labels")
        return functools.partial(write_tbx, include_hidden=True)
    return FORMATS[format_name].write


def export_one(graph: Graph, format_name: str, path: Path, *, include_hidden: bool = False) -> Path:
    """Write ``graph`` to ``path`` in one format, atomically."""
    writer = writer_for(format_name, include_hidden=include_hidden)
    write_atomically({path: lambda stream: writer(graph, stream)})
    return path


def export_all(graph: Graph, out_dir: Path, *, progress: ProgressCallback = silent) -> list[Path]:
    """Write every format into ``out_dir``: all files are replaced together, or none is."""
    with _long_lived_objects_left_alone():
        return _export_all(graph, out_dir, progress)


@contextlib.contextmanager
def _long_lived_objects_left_alone() -> Iterator[None]:
    """Keep Python's cyclic garbage collector off the objects that exist now (the graph's
    millions), which the writers' many short-lived allocations would make it scan again and
    again: the site of the 10k synthetic vocabulary renders a third faster. They are handed back
    to the collector when the export ends."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _export_all(graph: Graph, out_dir: Path, progress: ProgressCallback) -> list[Path]:

    def writing(export_format: ExportFormat) -> Callable[[BinaryIO], None]:
        def write(stream: BinaryIO) -> None:
            progress(f"writing {export_format.filename}")
            export_format.write(graph, stream)

        return write

    targets = {out_dir / f.filename: writing(f) for f in FORMATS.values()}
    # The site's downloads are copies of the files just written, not a second rendering.
    downloads = {f.filename: copy_of(out_dir / f.filename) for f in FORMATS.values()}
    site = html_site_files(graph, out_dir / SITE_FOLDER, downloads)
    targets.update(_reporting(site, f"writing {SITE_FOLDER}/", progress))
    return write_atomically(targets)


def _reporting(
    writers: dict[Path, Callable[[BinaryIO], None]], label: str, progress: ProgressCallback
) -> dict[Path, Callable[[BinaryIO], None]]:
    """The same writers, reporting ``label: done/total files`` about a hundred times as they
    run: a site of 100,000 concepts takes minutes to write, in one phase."""
    total = len(writers)
    step = max(1, total // 100)

    def reporting(index: int, write: Callable[[BinaryIO], None]) -> Callable[[BinaryIO], None]:
        if index % step:
            return write

        def report_then_write(stream: BinaryIO) -> None:
            progress(f"{label}: {index:,}/{total:,} files")
            write(stream)

        return report_then_write

    return {path: reporting(i, write) for i, (path, write) in enumerate(writers.items())}


def html_site_files(
    graph: Graph, site_dir: Path, downloads: dict[str, Callable[[BinaryIO], None]] | None = None
) -> dict[Path, Callable[[BinaryIO], None]]:
    """The static site's files under ``site_dir``, every export included for download."""
    from bpo_kb.site.builder import site_files

    if downloads is None:
        downloads = {f.filename: functools.partial(f.write, graph) for f in FORMATS.values()}
    return {site_dir / path: writer for path, writer in site_files(graph, downloads).items()}


def export_site(graph: Graph, site_dir: Path) -> list[Path]:
    """Write the static HTML glossary into ``site_dir``, atomically."""
    return write_atomically(html_site_files(graph, site_dir))
