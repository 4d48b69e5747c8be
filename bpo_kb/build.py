"""The main pipeline: read the source, validate it, complete it, write the exports.

Reading and validating happen in :func:`load_valid_vocabulary`; writing in :func:`export_all`
(every format of :data:`~bpo_kb.formats.registry.FORMATS`) or :func:`export_one`.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from rdflib import Graph

from bpo_kb.errors import InvalidVocabulary
from bpo_kb.files import (
    check_output,
    copy_of,
    is_staging,
    output_errors,
    replacing_folder,
    write_atomically,
    write_new_files,
    write_output,
)
from bpo_kb.formats.registry import FILE_FORMATS, FORMATS, writer_for
from bpo_kb.process import resident_memory
from bpo_kb.progress import ProgressCallback, silent
from bpo_kb.rdf.read import read_graph
from bpo_kb.rules.validation import DEFAULT_REQUIRED_LANGUAGES, ValidationReport, validate_files
from bpo_kb.skos.completion import complete_graph
from bpo_kb.skos.rebase import rebase
from bpo_kb.skos.term_records import add_term_records

__all__ = [
    "SITE_FOLDER",
    "BuildResult",
    "build",
    "export_all",
    "export_one",
    "export_site",
    "load_valid_vocabulary",
    "load_vocabulary",
]

SITE_FOLDER = FORMATS["html"].filename
_T = TypeVar("_T")


@dataclass
class BuildResult:
    """What a build wrote, and the (conforming) report it was allowed to write on."""

    written: list[Path]
    report: ValidationReport
    triples: int


def build(
    ontology: Path,
    out_dir: Path,
    *,
    required_languages: Sequence[str] | None = None,
    base: str | None = None,
    profile: str = "bpo",
    fail_on: str = "violation",
    progress: ProgressCallback = silent,
) -> BuildResult:
    """Validate ``ontology`` with ``profile``, then write every export to ``out_dir`` (its bpo:
    IRIs moved under ``base`` if one is given, see :mod:`bpo_kb.skos.rebase`). The site has
    pages in the ``required_languages`` if given, else in the languages of the data.

    Raises:
        OutputError: ``out_dir`` cannot be written (checked first); nothing is written.
        InputError: a source file does not parse.
        InvalidVocabulary: the source has findings at or above ``fail_on`` (a key of
            :data:`~bpo_kb.rules.report.FAIL_LEVELS`); nothing is written.
    """
    check_output(out_dir, folder=True)
    complete, report = _validated(ontology, required_languages, base, profile, fail_on, progress)
    with output_errors(out_dir):
        written = export_all(complete, out_dir, languages=required_languages, progress=progress)
    return BuildResult(written=written, report=report, triples=len(complete))


def load_valid_vocabulary(
    ontology: Path,
    *,
    required_languages: Sequence[str] | None = None,
    base: str | None = None,
    profile: str = "bpo",
    fail_on: str = "violation",
    progress: ProgressCallback = silent,
) -> Graph:
    """The completed vocabulary (re-based under ``base`` if given), or
    :class:`InvalidVocabulary` if it has findings at or above ``fail_on``."""
    complete, _ = _validated(ontology, required_languages, base, profile, fail_on, progress)
    return complete


def load_vocabulary(sources: Sequence[Path], input_format: str | None = None) -> Graph:
    """The vocabulary in ``sources`` (files or folders, merged), completed, without validating
    it: what the reading commands work on, whatever its findings.

    Raises:
        InputError: a file is missing or does not parse.
    """
    graph = read_graph(sources, input_format)
    add_term_records(graph, sources)
    complete_graph(graph)
    return graph


def export_one(
    graph: Graph,
    format_name: str,
    path: Path,
    *,
    include_hidden: bool = False,
    languages: Sequence[str] | None = None,
) -> list[Path]:
    """Write ``graph`` to ``path`` in one format (a folder for the site, in ``languages``),
    atomically, or to standard output if ``path`` is "-"; returns the files written.

    Raises:
        OutputError: ``path`` cannot be written (:func:`bpo_kb.files.check_output`).
    """
    check_output(path, folder=FORMATS[format_name].is_folder)
    if FORMATS[format_name].is_folder:
        with output_errors(path):
            return export_site(graph, path, languages=languages)
    writer = writer_for(format_name, include_hidden=include_hidden)
    return write_output(path, lambda stream: writer(graph, stream))


def export_all(
    graph: Graph,
    out_dir: Path,
    *,
    languages: Sequence[str] | None = None,
    progress: ProgressCallback = silent,
) -> list[Path]:
    """Write every format into ``out_dir``, the site in ``languages`` (default: the data's).

    The files are written into a staging folder, which then replaces ``out_dir`` in one rename
    (:func:`bpo_kb.files.replacing_folder`): killed at any instant, the build leaves the
    complete old set or the complete new one. Two builds into one folder wait for each other.

    Raises:
        OutputError: ``out_dir`` holds a folder that is not an export.
    """
    names = {f.filename for f in FILE_FORMATS.values()} | {SITE_FOLDER}
    with _long_lived_objects_left_alone(), replacing_folder(out_dir, names) as staging:
        written = _export_all(graph, staging, languages, progress)
    return [out_dir / path.relative_to(staging) for path in written]


@contextlib.contextmanager
def _long_lived_objects_left_alone() -> Iterator[None]:
    """Keep Python's cyclic garbage collector off the objects that exist now (the graph's
    millions), which the writers' many short-lived allocations would make it scan again and
    again. They are handed back to the collector when the export ends."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _export_all(
    graph: Graph, out_dir: Path, languages: Sequence[str] | None, progress: ProgressCallback
) -> list[Path]:
    def writing(name: str) -> Callable[[BinaryIO], None]:
        export_format = FILE_FORMATS[name]

        def write(stream: BinaryIO) -> None:
            progress(f"writing {export_format.filename}")
            writer_for(name)(graph, stream)

        return write

    files = {
        out_dir / FILE_FORMATS[name].filename: writing(name)
        for name in sorted(FILE_FORMATS, key=_LONGEST_FIRST.index)
    }
    # The site's downloads are copies of the files just written, not a second rendering.
    downloads = {f.filename: copy_of(out_dir / f.filename) for f in FILE_FORMATS.values()}
    site = _site_files(graph, out_dir / SITE_FOLDER, downloads, languages)
    site = _reporting(site, f"writing {SITE_FOLDER}/", progress)
    copies = {path: site.pop(path) for path in list(site) if path.parent.name == "downloads"}
    if not is_staging(out_dir):  # the output folder itself (a mount point): file by file
        return write_atomically({**files, **site, **copies})
    pages = list(site.items())
    batches = [{path: write} for path, write in files.items()] + [
        dict(pages[start : start + _PAGES_PER_BATCH])
        for start in range(0, len(pages), _PAGES_PER_BATCH)
    ]
    write_new_files(batches, processes=_processes())
    write_new_files([copies])
    return [*files, *site, *copies]


# The file formats, the longest to write first (seconds at 100k concepts: TBX 14, CSV 12,
# Turtle 11, JSON-LD 11, RDF/XML 7.5, SSSOM 5, N-Triples 4), so that two processes finish
# together: the pages come after them in batches, the search index (one long file) first.
_LONGEST_FIRST = ["tbx", "csv", "turtle", "jsonld", "rdfxml", "sssom", "ntriples"]
_PAGES_PER_BATCH = 200
# The summed peak memory of the build's processes must stay under 2 GB (tracker issue 19). A
# forked helper shares the build's memory only until it touches it, and Python's reference
# counts touch nearly every page; then each process grows as it writes: 1.85 times what it
# held when the writing began, measured alone at 100k concepts (937 MB, then 1,738 MB). With
# a helper, 100k concepts summed 2.7 GB of private memory, so a helper is only forked when two
# such processes fit.
_MEMORY_BUDGET = 2 * 1024**3
_GROWTH_WHILE_WRITING = 1.85


def _processes() -> int:
    """2 (this process and a helper) if both fit in the memory budget, else 1."""
    return 2 if 2 * resident_memory() * _GROWTH_WHILE_WRITING < _MEMORY_BUDGET else 1


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


def _site_files(
    graph: Graph,
    site_dir: Path,
    downloads: dict[str, Callable[[BinaryIO], None]] | None = None,
    languages: Sequence[str] | None = None,
) -> dict[Path, Callable[[BinaryIO], None]]:
    """The static site's files under ``site_dir``, every file export included for download."""
    if downloads is None:
        downloads = {
            f.filename: functools.partial(writer_for(name), graph)
            for name, f in FILE_FORMATS.items()
        }
    files = FORMATS["html"].files
    assert files is not None
    written = files(graph, downloads, languages)
    return {site_dir / path: writer for path, writer in written.items()}  # type: ignore[misc]


def export_site(
    graph: Graph, site_dir: Path, *, languages: Sequence[str] | None = None
) -> list[Path]:
    """Write the static HTML glossary into ``site_dir``, atomically; never through a symbolic
    link inside it."""
    return write_atomically(_site_files(graph, site_dir, languages=languages), root=site_dir)


def _validated(
    ontology: Path,
    required_languages: Sequence[str] | None,
    base: str | None,
    profile: str,
    fail_on: str,
    progress: ProgressCallback,
) -> tuple[Graph, ValidationReport]:
    """Validate the source straight from its files (parsed by Oxigraph) while a second thread
    reads it again into the graph the writers use. Oxigraph runs the rules without holding the
    GIL, so the two overlap: at 10,000 concepts 4.2 s one after the other become 2.6 s, at
    100,000 39 s become 27 s (the peak then, 1.71 GB, is about the writing's). A second native
    parse costs less than copying the first."""
    reading = _in_background(functools.partial(_writers_graph, ontology, base))
    try:
        report = validate_files(
            [ontology],
            profile=profile,
            required_languages=required_languages or DEFAULT_REQUIRED_LANGUAGES,
            progress=progress,
        )
        if report.failing(fail_on):
            raise InvalidVocabulary(report, report.summary(fail_on))
    except Exception:
        # No thread outlives a failed build: the read pauses the garbage collector and
        # silences rdflib, for the whole process, while it runs. It overlapped validation, so
        # little of it is left to wait for.
        reading.exception()
        raise
    progress("reading the source for the writers")
    graph = reading.result()
    _return_freed_memory_to_the_system()
    return graph, report


def _writers_graph(ontology: Path, base: str | None) -> Graph:
    graph = read_graph([ontology])
    add_term_records(graph, [ontology])
    complete_graph(graph)
    if base is not None:
        rebase(graph, base)
    return graph


def _in_background(work: Callable[[], _T]) -> Future[_T]:
    """Start ``work`` in a daemon thread (one that a process stopped by a signal does not wait
    for); its result, or the exception it raised, comes through the future returned."""
    outcome: Future[_T] = Future()

    def run() -> None:
        try:
            outcome.set_result(work())
        except BaseException as error:  # handed to the caller, who reports it
            outcome.set_exception(error)

    threading.Thread(target=run, name="bpo-kb reading", daemon=True).start()
    return outcome


def _return_freed_memory_to_the_system() -> None:
    """Hand back what the validator's Oxigraph store freed. glibc keeps freed heap memory for
    later allocations, but most of Python's objects come from its own arenas and do not reuse
    it, so without this the writing's peak would hold both. The store is only freed once the
    collector has broken the reference cycles around it."""
    gc.collect()
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc: nothing to do
        return
    libc.malloc_trim(0)
