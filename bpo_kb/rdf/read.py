"""Reading RDF files into graphs, and the one place that decides which store a graph uses.

Every graph bpo-kb creates comes from :func:`new_graph`, so that a faster rdflib store can
replace the in-memory default in one line.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef, plugin
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.store import Store

from bpo_kb.errors import InputError
from bpo_kb.rdf.namespaces import PREFIXES

__all__ = [
    "CONTEXT_AWARE_STORE",
    "DEFAULT_STORE",
    "QUERY_STORE",
    "INPUT_FORMATS",
    "UnsupportedTerm",
    "add_turtle_file",
    "input_format_for",
    "load_graph",
    "load_store",
    "new_graph",
    "oxigraph_store_of",
    "rdf_files_in",
    "read_graph",
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


# rdflib stores. The default keeps literals exactly as written (rdflib tells "x" from
# "x"^^xsd:string, as the exports must); it is bpo-kb's SubjectIndexedMemory (memory_store.py),
# a third of the heap of rdflib's lightest store (SimpleMemory) and twice as fast to fill, since
# bpo-kb never keeps named graphs in memory. pySHACL needs a context-aware store for its
# fallback path. Oxigraph (through oxrdflib) evaluates SPARQL natively, which makes pySHACL's
# SPARQL-based shapes 20x faster, so graphs that are queried use it.
plugin.register("SubjectIndexedMemory", Store, "bpo_kb.rdf.memory_store", "SubjectIndexedMemory")
DEFAULT_STORE = "SubjectIndexedMemory"
CONTEXT_AWARE_STORE = "Memory"
QUERY_STORE = "Oxigraph"


def new_graph(store: str = DEFAULT_STORE) -> Graph:
    """An empty graph on ``store`` with the project's prefixes bound.

    An Oxigraph graph is the store's default graph, so that native loads
    (:func:`load_natively`) and SPARQL queries see the same triples.
    """
    identifier = DATASET_DEFAULT_GRAPH_ID if store == QUERY_STORE else None
    graph = Graph(store=store, identifier=identifier, bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def oxigraph_store_of(graph: Graph) -> Any | None:
    """The ``pyoxigraph.Store`` behind ``graph`` when it is on Oxigraph (through oxrdflib), else
    None: the one place that knows where oxrdflib keeps it."""
    return getattr(graph.store, "_inner", None)


def add_turtle_file(graph: Graph, path: Path) -> None:
    """Add a Turtle file's triples to ``graph``; on Oxigraph, with its parser (30x faster)."""
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


def load_store(paths: Iterable[Path], input_format: str | None = None) -> Any:
    """Parse every file (folders expanded) into a new ``pyoxigraph.Store``, all in its default
    graph: Oxigraph's own parsers, 30 to 50 times faster than rdflib's on large files.

    A file Oxigraph refuses even leniently (it is stricter than rdflib about RDF/XML) is read
    with rdflib instead, so that bpo-kb accepts what it always accepted.

    Raises:
        InputError: the first file that is missing or that no parser reads, as ``FILE:LINE: ...``.
    """
    import pyoxigraph

    store = pyoxigraph.Store()
    for file, rdf_format, oxigraph_format in _source_files(paths, input_format):
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
            pyoxigraph.Quad(*(_to_oxigraph(term) for term in triple), pyoxigraph.DefaultGraph())
            for triple in graph
        )
    except ValueError as err:  # a term Oxigraph cannot hold, e.g. an over-long language tag
        raise UnsupportedTerm(str(err)) from None


def read_graph(paths: Iterable[Path], input_format: str | None = None) -> Graph:
    """Parse every file (folders expanded) into one new graph with Oxigraph's parsers, which
    stream triples 30 to 50 times faster than rdflib's; a file they refuse is read by rdflib.

    Simple literals come back without a datatype, as rdflib's own parsers give them (Oxigraph
    reports them as xsd:string, which is the same literal in RDF 1.1). Named graphs are merged.

    Raises:
        InputError: the first file that is missing or that no parser reads, as ``FILE:LINE: ...``.
    """

    graph = new_graph()
    add = graph.store.add  # Graph.add only re-checks the term types this loop produces
    convert = _TermConverter()
    with _collector_paused():
        for file, rdf_format, oxigraph_format in _source_files(paths, input_format):
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
    would scan again. Reading 1.3 M triples took 15.7 s with it running, 10.3 s without."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _TermConverter:
    """pyoxigraph terms to rdflib terms, each IRI made once: a vocabulary repeats few IRIs
    many times, and making an rdflib term costs more than looking it up."""

    def __init__(self) -> None:
        import pyoxigraph

        self._named_node = pyoxigraph.NamedNode
        self._blank_node = pyoxigraph.BlankNode
        self._iris: dict[str, URIRef] = {}

    def iri(self, value: str) -> URIRef:
        term = self._iris.get(value)
        if term is None:
            term = self._iris[value] = URIRef(value)
        return term

    def __call__(self, term: Any) -> Any:
        kind = type(term)
        if kind is self._named_node:
            return self.iri(term.value)
        if kind is self._blank_node:
            return BNode(term.value)
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=self.iri(datatype))


def _to_oxigraph(term: object) -> Any:
    import pyoxigraph

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(term)
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(term)
    assert isinstance(term, Literal)
    datatype = pyoxigraph.NamedNode(term.datatype) if term.datatype else None
    return pyoxigraph.Literal(str(term), language=term.language, datatype=datatype)


class UnsupportedTerm(InputError):  # noqa: N818 - names the condition
    """Data rdflib reads but Oxigraph cannot hold (callers may fall back to rdflib's store)."""


def rdf_files_in(path: Path) -> list[Path]:
    """``path`` itself, or the RDF files of a folder (by extension, sorted, not recursive)."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in INPUT_FORMATS)
    return [path]


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


def load_graph(paths: Iterable[Path], input_format: str | None = None) -> Graph:
    """Parse every file (folders expanded) into one new graph.

    Raises:
        InputError: the first file that is missing or does not parse, as ``FILE:LINE: problem``;
            no partial graph is returned.
    """
    graph = new_graph()
    files = [f for p in paths for f in rdf_files_in(Path(p))]
    if not files:
        raise InputError("no RDF file to read (give files or a folder with .ttl, .rdf, ...)")
    for file in files:
        _parse_into(graph, file, input_format_for(file, input_format))
    return graph


def _parse_into(graph: Graph, file: Path, rdf_format: str) -> None:
    if not file.is_file():
        raise InputError(f"{file}: no such file")
    try:
        with _quiet_rdflib():
            graph.parse(file, format=rdf_format)
    except UnicodeDecodeError as err:
        raise InputError(f"{file}:{_line_of_offset(file, err.start)}: not UTF-8 text") from None
    except Exception as err:  # rdflib's parsers raise many unrelated types
        if rdf_format in _LINE_BASED_FORMATS:
            raise InputError(f"{file}:{_first_bad_line(file, rdf_format)}") from None
        raise InputError(f"{file}:{_describe_parse_error(err)}") from None


_LINE_BASED_FORMATS = {"nt", "nquads"}


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
