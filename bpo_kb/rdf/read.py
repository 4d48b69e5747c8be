"""Reading RDF files (Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD, TriG) into a graph.

:func:`read_graph` is the one entry point: files and folders, on whichever store the caller
needs. Oxigraph's parsers read first (much faster than rdflib's); a file they refuse
even leniently is read by rdflib, so that bpo-kb accepts what it always accepted. Named graphs
are merged into one graph.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from bpo_kb.errors import InputError, UnsupportedTerm
from bpo_kb.rdf.stores import DEFAULT_STORE, QUERY_STORE, graph_on, new_graph, oxigraph_store_of
from bpo_kb.rdf.terms import TermConverter, to_oxigraph

__all__ = [
    "INPUT_FORMATS",
    "add_turtle_file",
    "declared_prefixes",
    "input_format_for",
    "rdf_files_in",
    "read_dataset",
    "read_graph",
    "sniffed_suffix",
]

# File extension -> rdflib parser name. Drives --input-format choices and folder scans.
INPUT_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
}


def add_turtle_file(graph: Graph, path: Path) -> None:
    """Add a Turtle file's triples to ``graph``; on Oxigraph, with its own parser."""
    inner = oxigraph_store_of(graph)
    if inner is None:
        _parse_into(graph, path, "turtle")
        return
    import pyoxigraph

    try:
        inner.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    except SyntaxError as err:
        raise InputError(f"{path}:{err.lineno or 1}: {err.msg}") from None
    except OSError as err:
        raise InputError(f"{path}: {err.strerror or err}") from None


_QUAD_FORMATS = {"nquads", "trig"}
# rdflib parser name -> Oxigraph format name, for the formats both read.
_OXIGRAPH_FORMATS = {
    "turtle": "TURTLE",
    "nt": "N_TRIPLES",
    "nquads": "N_QUADS",
    "xml": "RDF_XML",
    "json-ld": "JSON_LD",
    "trig": "TRIG",
}


def read_graph(
    paths: Iterable[Path], input_format: str | None = None, *, store: str = DEFAULT_STORE
) -> Graph:
    """Parse every file (folders expanded) into one new graph on ``store`` (a name from
    :mod:`bpo_kb.rdf.stores`); on Oxigraph, with its bulk loader into the store itself.

    Raises:
        InputError: the first file that is missing or that no parser reads, as
            ``FILE:LINE: problem``; no partial graph is returned.
        UnsupportedTerm: on Oxigraph, data it cannot hold (rdflib's stores can).
    """
    sources = _source_files(paths, input_format)
    if store == QUERY_STORE:
        return graph_on(_native_store(sources))
    return _converted_graph(sources, store)


def read_dataset(paths: Iterable[Path], input_format: str | None = None) -> Any:
    """Parse every file (folders expanded) into a new ``pyoxigraph.Store`` that keeps the named
    graphs of N-Quads and TriG files (triples of other files go to its default graph).

    Raises:
        InputError: the first file that is missing or does not parse, as ``FILE:LINE: problem``.
    """
    import pyoxigraph

    store = pyoxigraph.Store()
    for file, rdf_format, oxigraph_format in _source_files(paths, input_format):
        if oxigraph_format is None:
            raise InputError(f"{file}: no reader keeps the named graphs of {rdf_format}")
        try:
            store.bulk_load(
                path=str(file),
                format=oxigraph_format,
                base_iri=file.resolve().as_uri(),
                lenient=True,
            )
        except SyntaxError as err:
            raise InputError(f"{file}:{err.lineno or 1}: {err.msg}") from None
        except (OSError, ValueError) as err:
            raise InputError(f"{file}: {err}") from None
    return store


def _native_store(sources: list[tuple[Path, str, Any]]) -> Any:
    """A new ``pyoxigraph.Store`` holding every source in its default graph."""
    import pyoxigraph

    store = pyoxigraph.Store()
    for file, rdf_format, oxigraph_format in sources:
        try:
            if oxigraph_format is None:
                raise KeyError(rdf_format)
            if rdf_format in _QUAD_FORMATS:  # named graphs are merged into the default graph
                store.bulk_extend(
                    pyoxigraph.Quad(q.subject, q.predicate, q.object, pyoxigraph.DefaultGraph())
                    for q in _parsed(file, oxigraph_format)
                )
            else:
                store.bulk_load(
                    path=str(file),
                    format=oxigraph_format,
                    base_iri=file.resolve().as_uri(),
                    lenient=True,
                )
        except (SyntaxError, ValueError, KeyError) as oxigraph_error:
            _add_with_rdflib(store, file, rdf_format, oxigraph_error)
    return store


def _source_files(paths: Iterable[Path], input_format: str | None) -> list[tuple[Path, str, Any]]:
    """Each file to read (folders expanded): its rdflib parser name and Oxigraph format (None
    when Oxigraph has no parser for it).

    Raises:
        InputError: no file at all, or a file that does not exist.
    """
    import pyoxigraph

    files = [f for p in paths for f in rdf_files_in(Path(p))]
    if not files:
        raise InputError("no RDF file to read (give files or a folder with .ttl, .rdf, ...)")
    sources = []
    for file in files:
        rdf_format = input_format_for(file, input_format)
        if not file.is_file():
            raise InputError(f"{file}: no such file")
        oxigraph_format = getattr(pyoxigraph.RdfFormat, _OXIGRAPH_FORMATS.get(rdf_format, ""), None)
        sources.append((file, rdf_format, oxigraph_format))
    return sources


def _parsed(file: Path, oxigraph_format: Any) -> Any:
    """Oxigraph's lenient parser over ``file``: quads, lazily."""
    import pyoxigraph

    return pyoxigraph.parse(
        path=str(file), format=oxigraph_format, base_iri=file.resolve().as_uri(), lenient=True
    )


def _add_with_rdflib(store: Any, file: Path, rdf_format: str, oxigraph_error: Exception) -> None:
    import pyoxigraph

    graph = Graph()
    try:
        _parse_into(graph, file, rdf_format)
    except InputError:
        line = getattr(oxigraph_error, "lineno", None)
        if line:  # Oxigraph's position is the more precise one
            raise InputError(f"{file}:{line}: {oxigraph_error.msg}") from None  # type: ignore[attr-defined]
        raise
    try:
        store.bulk_extend(
            pyoxigraph.Quad(*(to_oxigraph(term) for term in triple), pyoxigraph.DefaultGraph())
            for triple in graph
        )
    except ValueError as err:  # a term Oxigraph cannot hold, e.g. an over-long language tag
        raise UnsupportedTerm(str(err)) from None


def _converted_graph(sources: list[tuple[Path, str, Any]], store: str) -> Graph:
    """A new graph on an rdflib ``store`` holding every source, parsed by Oxigraph and
    converted term by term."""
    graph = new_graph(store)
    add = graph.store.add  # Graph.add only re-checks the term types this loop produces
    convert = TermConverter()
    with _collector_paused():
        for file, rdf_format, oxigraph_format in sources:
            try:
                if oxigraph_format is None:
                    raise KeyError(rdf_format)
                # Parsed completely before anything is added: a file that fails adds nothing.
                triples = [
                    (convert(q.subject), convert.iri(q.predicate.value), convert(q.object))
                    for q in _parsed(file, oxigraph_format)
                ]
            except (SyntaxError, ValueError, KeyError):
                _parse_into(graph, file, rdf_format)
                continue
            for triple in triples:
                add(triple, graph, False)
    return graph


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep Python's cyclic garbage collector from running while a graph's terms and index
    entries are made: millions of long-lived objects without cycles, which each collection
    would scan again: reading a large thesaurus takes a third less time without it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def rdf_files_in(path: Path) -> list[Path]:
    """``path`` itself, or the RDF files of a folder (by extension, sorted, not recursive)."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in INPUT_FORMATS)
    return [path]


# The start of an XML document: a declaration, a doctype or comment, or an element (a tag name
# followed by a space, ">" or "/"); "<http://..." and "<urn:..." are Turtle IRIs instead.
_XML_START = re.compile(rb"^<(?:[?!]|[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?[\s/>])")


def sniffed_suffix(head: bytes) -> str:
    """The file extension of the RDF syntax that ``head``, the first bytes of standard input,
    looks like: ``.rdf`` for XML, ``.jsonld`` for JSON, else ``.ttl`` (Turtle, which also reads
    N-Triples). N-Quads and TriG are told apart only by ``--input-format``."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if _XML_START.match(start):
        return ".rdf"
    if start[:1] in (b"{", b"["):
        return ".jsonld"
    return ".ttl"


def input_format_for(path: Path, input_format: str | None = None) -> str:
    """The rdflib parser name for ``path``: ``input_format`` if given, else by extension."""
    if input_format:
        return input_format
    try:
        return INPUT_FORMATS[path.suffix.lower()]
    except KeyError:
        choices = ", ".join(sorted(INPUT_FORMATS))
        raise InputError(
            f"{path}: unknown RDF file extension {path.suffix!r} (known: {choices}; "
            "or give --input-format)"
        ) from None


def _parse_into(graph: Graph, file: Path, rdf_format: str) -> None:
    if not file.is_file():
        raise InputError(f"{file}: no such file")
    try:
        with _quiet_rdflib():
            if rdf_format in _CONTEXT_FORMATS and not graph.store.context_aware:
                _parse_merged(graph, file, rdf_format)
            else:
                graph.parse(file, format=rdf_format)
    except UnicodeDecodeError as err:
        raise InputError(f"{file}:{_line_of_offset(file, err.start)}: not UTF-8 text") from None
    except Exception as err:  # rdflib's parsers raise many unrelated types
        if rdf_format in _LINE_BASED_FORMATS:
            raise InputError(f"{file}:{_first_bad_line(file, rdf_format)}") from None
        raise InputError(f"{file}:{_describe_parse_error(err)}") from None


_LINE_BASED_FORMATS = {"nt", "nquads"}
# rdflib's parsers of these need a context-aware store, which bpo-kb's default store is not.
_CONTEXT_FORMATS = {"nquads", "trig", "json-ld"}


def _parse_merged(graph: Graph, file: Path, rdf_format: str) -> None:
    """Parse ``file`` into a dataset, then add the triples of all its graphs to ``graph``."""
    dataset = Dataset()
    dataset.parse(file, format=rdf_format)
    graph.addN((s, p, o, graph) for s, p, o, _ in dataset.quads((None, None, None, None)))


def _first_bad_line(file: Path, rdf_format: str) -> str:
    """``LINE: message`` for N-Triples/N-Quads, whose parser does not report positions."""
    with file.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                Graph().parse(data=line, format=rdf_format)
            except Exception as err:
                return f"{number}: {' '.join(str(err).split())}"
    return "1: unreadable"


def _describe_parse_error(err: Exception) -> str:
    """``LINE: message`` from whichever position the parser's exception carries."""
    text, offset = getattr(err, "_str", None), getattr(err, "_i", None)
    if isinstance(text, bytes) and isinstance(offset, int):  # rdflib Turtle/N3 BadSyntax
        # The offset counts characters of the decoded text (its "lines" attribute is unreliable).
        line = text.decode("utf-8", errors="replace")[:offset].count("\n") + 1
        return f"{line}: {getattr(err, '_why', err)}"
    for attribute in ("lineno", "_linenum"):  # JSON decoder, SAX (RDF/XML)
        line = getattr(err, attribute, None)
        if line is not None:
            message = getattr(err, "msg", None) or getattr(err, "_msg", None) or str(err)
            return f"{line}: {message}"
    message = " ".join(str(err).split())
    found = re.search(r"line (\d+)", message)
    return f"{found.group(1) if found else 1}: {message}"


def _line_of_offset(file: Path, offset: int) -> int:
    return file.read_bytes()[:offset].count(b"\n") + 1


class _quiet_rdflib:  # noqa: N801 - used as a context manager, reads like a function
    """Silence rdflib's logger while parsing: its warnings are not the user's business here."""

    def __enter__(self) -> None:
        self._logger = logging.getLogger("rdflib")
        self._level = self._logger.level
        self._logger.setLevel(logging.ERROR)

    def __exit__(self, *exc: object) -> None:
        self._logger.setLevel(self._level)


def declared_prefixes(paths: Iterable[Path], input_format: str | None = None) -> dict[str, str]:
    """``namespace -> prefix`` as the files declare them (Turtle ``@prefix``, RDF/XML
    ``xmlns:``...), the first declaration of a namespace winning; the empty prefix is left out.
    A file that cannot be read declares nothing (reading it is :func:`read_graph`'s business)."""
    found: dict[str, str] = {}
    for file, rdf_format, oxigraph_format in _source_files(paths, input_format):
        try:
            if oxigraph_format is None:
                raise KeyError(rdf_format)
            parser = _parsed(file, oxigraph_format)
            for _ in parser:
                pass
            prefixes = dict(parser.prefixes) or _xml_namespaces(file, rdf_format)
        except (SyntaxError, ValueError, KeyError, OSError):
            graph = Graph(bind_namespaces="none")
            with contextlib.suppress(Exception), _quiet_rdflib():
                graph.parse(file, format=rdf_format)
            prefixes = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
        for prefix, namespace in sorted(prefixes.items()):
            if prefix:
                found.setdefault(namespace, prefix)
    return found


def _xml_namespaces(file: Path, rdf_format: str) -> dict[str, str]:
    """The ``xmlns:prefix`` declarations at the start of an RDF/XML file (Oxigraph's parser
    does not report them)."""
    if rdf_format != "xml":
        return {}
    with file.open("rb") as stream:
        head = stream.read(65536).decode("utf-8", errors="replace")
    return dict(re.findall(r"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']+)["']""", head))
