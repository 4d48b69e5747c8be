"""Reading RDF files (Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD, TriG) into a graph.

:func:`read_graph` is the one entry point: files and folders, on whichever store the caller
needs. Oxigraph's parsers read first (much faster than rdflib's); a file they refuse
even leniently is read by rdflib, so that bpo-kb accepts what it always accepted. Named graphs
are merged into one graph.

Every file passes :mod:`bpo_kb.rdf.guards` whichever parser reads it: XML with entity
declarations and JSON-LD naming a context to load are refused before parsing; IRIs (after
unescaping), literals (NUL, lone surrogates) and the number of triples per byte are checked
after.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef

from bpo_kb.errors import BpoKbError, InputError, UnsafeInput, UnsupportedTerm
from bpo_kb.rdf import guards
from bpo_kb.rdf.stores import DEFAULT_STORE, QUERY_STORE, graph_on, new_graph, oxigraph_store_of
from bpo_kb.rdf.terms import TermConverter, to_oxigraph

__all__ = [
    "INPUT_FORMATS",
    "add_turtle_file",
    "declared_prefixes",
    "input_format_for",
    "oxigraph_format_for",
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
            _bulk_load_checked(store, file, oxigraph_format)
        except SyntaxError as err:
            raise InputError(f"{file}:{err.lineno or 1}: {err.msg}") from None
        except (OSError, ValueError) as err:
            raise InputError(f"{file}: {err}") from None
        except MemoryError as err:
            raise guards.token_too_long(file, err) from None
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
                    for q in _checked_quads(file, _parsed(file, oxigraph_format))
                )
            else:
                _bulk_load_checked(store, file, oxigraph_format)
        except (SyntaxError, ValueError, KeyError) as oxigraph_error:
            _add_with_rdflib(store, file, rdf_format, oxigraph_error)
        except MemoryError as err:
            raise guards.token_too_long(file, err) from None
    return store


def _bulk_load_checked(store: Any, file: Path, oxigraph_format: Any) -> None:
    """Load a triples file into ``store``: strictly with Oxigraph's bulk loader when it can (as
    fast as its lenient mode, and it validates every IRI), else leniently through
    :func:`_checked_quads`."""
    if not guards.may_hold_nul(file):
        before = len(store)
        try:
            store.bulk_load(
                path=str(file),
                format=oxigraph_format,
                base_iri=file.resolve().as_uri(),
                lenient=False,
            )
        except SyntaxError:
            pass  # what only the lenient parser reads: below, checked
        else:
            guards.refuse_over_budget(file, len(store) - before)
            return
    store.bulk_extend(_checked_quads(file, _parsed(file, oxigraph_format)))


def _checked_quads(file: Path, quads: Iterable[Any]) -> Iterator[Any]:
    """``quads`` as they come, refused past the file's triple budget; at the end, every IRI
    seen is checked, and every literal if the file may hold a NUL."""
    import pyoxigraph

    named_node, literal = pyoxigraph.NamedNode, pyoxigraph.Literal
    check_literals = guards.may_hold_nul(file)
    budget = guards.triple_budget(file)
    iris: set[str] = set()
    add = iris.add
    count = 0
    for quad in itertools.islice(quads, budget + 1):
        count += 1
        for term in (quad.subject, quad.object, quad.graph_name):
            if type(term) is named_node:
                add(term.value)
            elif type(term) is literal:
                add(term.datatype.value)
                if check_literals and (problem := guards.bad_literal(term.value)):
                    guards.refuse_bad_literal(file, term.value, problem)
        add(quad.predicate.value)
        yield quad
    guards.refuse_over_budget(file, count)
    guards.refuse_bad_iris(file, iris)


def _source_files(paths: Iterable[Path], input_format: str | None) -> list[tuple[Path, str, Any]]:
    """Each file to read (folders expanded): its rdflib parser name and Oxigraph format (None
    when Oxigraph has no parser for it).

    Raises:
        InputError: no file at all, or a file that does not exist.
    """
    files = [f for p in paths for f in rdf_files_in(Path(p))]
    if not files:
        raise InputError("no RDF file to read (give files or a folder with .ttl, .rdf, ...)")
    sources = []
    for file in files:
        rdf_format = input_format_for(file, input_format)
        if not file.is_file():
            raise InputError(f"{file}: no such file")
        oxigraph_format = oxigraph_format_for(rdf_format)
        if rdf_format == "xml":  # before any parser: Oxigraph and rdflib both expand entities
            guards.refuse_xml_entities(file)
        elif rdf_format == "json-ld":
            guards.refuse_jsonld_contexts(file)
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
    except UnsafeInput:
        raise
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
    checked_iris: set[str] = set()
    with _COLLECTOR_PAUSED, _RDFLIB_QUIET:  # its warnings of bad IRIs: refused below
        for file, rdf_format, oxigraph_format in sources:
            try:
                if oxigraph_format is None:
                    raise KeyError(rdf_format)
                # Parsed completely before anything is added: a file that fails adds nothing.
                triples = [
                    (convert(q.subject), convert.iri(q.predicate.value), convert(q.object))
                    for q in itertools.islice(
                        _parsed(file, oxigraph_format), guards.triple_budget(file) + 1
                    )
                ]
            except (SyntaxError, ValueError, KeyError):
                _parse_into(graph, file, rdf_format)
                continue
            except MemoryError as err:
                raise guards.token_too_long(file, err) from None
            guards.refuse_over_budget(file, len(triples))
            fresh = [iri for iri in convert.made_iris() if iri not in checked_iris]
            guards.refuse_bad_iris(file, fresh)
            checked_iris.update(fresh)
            if guards.may_hold_nul(file):
                _refuse_bad_literals(file, (o for _, _, o in triples))
            for triple in triples:
                add(triple, graph, False)
    return graph


class _WhileAnyReadRuns:
    """A process-wide setting changed while at least one read runs, in any thread (a build reads
    its source while validating it): changed when the first read begins, restored when the
    last one ends, whatever their order."""

    def __init__(self, change: Callable[[], Callable[[], None]]) -> None:
        self._change = change  # makes the change, returns what restores it
        self._lock = threading.Lock()
        self._reads = 0
        self._restore: Callable[[], None] = lambda: None

    def __enter__(self) -> None:
        with self._lock:
            if self._reads == 0:
                self._restore = self._change()
            self._reads += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._reads -= 1
            if self._reads == 0:
                self._restore()


def _pause_collector() -> Callable[[], None]:
    was_enabled = gc.isenabled()
    gc.disable()
    return gc.enable if was_enabled else lambda: None


def _silence_rdflib() -> Callable[[], None]:
    logger = logging.getLogger("rdflib")
    level = logger.level
    logger.setLevel(logging.ERROR)
    return lambda: logger.setLevel(level)


# Python's cyclic garbage collector is kept from running while a graph's terms and index
# entries are made: millions of long-lived objects without cycles, which each collection would
# scan again: reading a large thesaurus takes a third less time without it.
_COLLECTOR_PAUSED = _WhileAnyReadRuns(_pause_collector)
# rdflib's logger is silenced while parsing: its warnings are not the user's business here.
_RDFLIB_QUIET = _WhileAnyReadRuns(_silence_rdflib)


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


def oxigraph_format_for(rdf_format: str) -> Any:
    """Oxigraph's ``RdfFormat`` for an rdflib parser name, or None where Oxigraph has none."""
    import pyoxigraph

    return getattr(pyoxigraph.RdfFormat, _OXIGRAPH_FORMATS.get(rdf_format, ""), None)


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


def _refuse_bad_literals(file: Path, terms: Iterable[Any]) -> None:
    for term in terms:
        if isinstance(term, Literal) and (problem := guards.bad_literal(str(term))):
            guards.refuse_bad_literal(file, str(term), problem)


def _refuse_unsafe_terms(file: Path, graph: Graph, before: int) -> None:
    """The guards' checks on what rdflib parsed (the whole graph: rdflib reads seldom)."""
    guards.refuse_over_budget(file, len(graph) - before)
    iris: set[str] = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                iris.add(str(term))
            elif isinstance(term, Literal) and term.datatype is not None:
                iris.add(str(term.datatype))
        _refuse_bad_literals(file, triple[2:])
    guards.refuse_bad_iris(file, iris)


def _parse_into(graph: Graph, file: Path, rdf_format: str) -> None:
    if not file.is_file():
        raise InputError(f"{file}: no such file")
    before = len(graph)
    try:
        with _RDFLIB_QUIET, contextlib.ExitStack() as guarded:
            if rdf_format == "json-ld":
                guarded.enter_context(guards.jsonld_contexts_refused(file))
            if rdf_format in _CONTEXT_FORMATS and not graph.store.context_aware:
                _parse_merged(graph, file, rdf_format)
            else:
                graph.parse(file, format=rdf_format)
    except BpoKbError:
        raise
    except UnicodeDecodeError as err:
        raise InputError(f"{file}:{_line_of_offset(file, err.start)}: not UTF-8 text") from None
    except Exception as err:  # rdflib's parsers raise many unrelated types
        if rdf_format in _LINE_BASED_FORMATS:
            raise InputError(f"{file}:{_first_bad_line(file, rdf_format)}") from None
        raise InputError(f"{file}:{_describe_parse_error(err)}") from None
    _refuse_unsafe_terms(file, graph, before)


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
            with contextlib.suppress(Exception), _RDFLIB_QUIET:
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
