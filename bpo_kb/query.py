"""SPARQL queries: in process over a graph (on Oxigraph) or against a remote endpoint.

Queries are SPARQL text, ``@FILE``, or the name of a query shipped in ``named_queries/``. The
prefixes of :data:`QUERY_PREFIXES` are predeclared (a query's own ``PREFIX`` wins). Parameters
(``--param concept=paie``) are checked against what a named query declares and bound with a
VALUES clause built from rdflib terms (:mod:`bpo_kb.query_parameters`), never spliced as typed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, SH
from rdflib.query import Result
from rdflib.term import Node

from bpo_kb.errors import BpoKbError, QueryError, UsageError
from bpo_kb.query_parameters import (
    Parameter,
    bind_parameters,
    check_parameter_names,
    declared_parameters,
    did_you_mean,
    parameter_term,
    parse_parameter,
    query_variables,
)
from bpo_kb.rdf.namespaces import PREFIXES, compact_iri
from bpo_kb.rdf.stores import QUERY_STORE, graph_on, new_graph
from bpo_kb.remote.sparql import query_form, run_remote_query

__all__ = [
    "GRAPH_FORMATS",
    "NAMED_QUERIES_DIR",
    "OUTPUT_FORMATS",
    "QUERY_PREFIXES",
    "ROW_FORMATS",
    "NamedQuery",
    "QueryTimeout",
    "answer_query",
    "bind_parameters",
    "describe_syntax_error",
    "format_result",
    "named_queries",
    "named_queries_listing",
    "output_format_for",
    "parse_parameter",
    "read_query_graph",
    "resolve_query",
    "run_query",
    "with_prefixes",
    "within",
]

NAMED_QUERIES_DIR = Path(__file__).resolve().parent / "named_queries"
OUTPUT_FORMATS = ("table", "csv", "json", "turtle")
ROW_FORMATS = ("table", "csv", "json")  # SELECT and ASK
GRAPH_FORMATS = ("turtle", "json")  # CONSTRUCT and DESCRIBE (json is JSON-LD)
# Predeclared in every query: the project's prefixes and a few more a SKOS user reaches for.
QUERY_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "dcterms": str(DCTERMS),
    "sh": str(SH),
    "lexinfo": "http://www.lexinfo.net/ontology/3.0/lexinfo#",
}


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped with bpo-kb: its name, the first line of its comment, its text and the
    parameters it declares (``# param:`` lines)."""

    name: str
    description: str
    text: str
    parameters: tuple[Parameter, ...] = ()


def named_queries() -> dict[str, NamedQuery]:
    """Every ``.rq`` file of :data:`NAMED_QUERIES_DIR`, by name."""
    found = {}
    for path in sorted(NAMED_QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        parameters = declared_parameters(text, path.name)
        found[path.stem] = NamedQuery(path.stem, first.lstrip("# ").strip(), text, parameters)
    return found


def named_queries_listing() -> str:
    """One line per named query (its name and description), and one per parameter it takes."""
    lines = []
    for named in named_queries().values():
        lines.append(f"{named.name:<22} {named.description}")
        lines += [f"{'':<22}   {parameter.usage()}" for parameter in named.parameters]
    return "\n".join(lines)


def resolve_query(spec: str) -> str:
    """The SPARQL text of ``spec``: ``@FILE``, a named query, or SPARQL itself."""
    if spec.startswith("@"):
        path = Path(spec[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(f"{path}: {err.strerror or err}") from None
    named = named_queries().get(spec)
    if named is not None:
        return named.text
    if query_form(spec) is None and not re.search(r"[\s{]", spec):  # else the parser says where
        known = ", ".join(named_queries())
        raise QueryError(
            f"{spec!r} is neither SPARQL nor a named query{did_you_mean(spec, named_queries())} "
            f"(named queries: {known})"
        )
    return spec


def answer_query(
    spec: str,
    values: Mapping[str, str],
    *,
    source: Path,
    endpoint: str | None = None,
    graph_iri: str | None = None,
    output_format: str | None = None,
    timeout: float | None = None,
) -> str:
    """Run ``spec`` (SPARQL, ``@FILE`` or a named query) with ``values`` bound, over ``source``
    (or its named graph ``graph_iri``) in process, or at ``endpoint`` (in its graph
    ``graph_iri``); the answer formatted as ``output_format`` (by default: a table for rows,
    Turtle for a graph). An in-process query that runs longer than ``timeout`` seconds is
    stopped (see :func:`within`).

    Raises:
        QueryTimeout: the query ran longer than ``timeout``.
        QueryError: bad SPARQL, an unknown named query or parameter, a missing parameter, a
            format that does not fit the query's answer.
        UsageError: ``graph_iri`` is not a graph of ``source``.
        ConceptNotFound: a ``concept`` parameter names no concept.
        StoreError: the endpoint fails.
    """
    named = named_queries().get(spec)
    text = named.text if named else resolve_query(spec)
    _check_parameters(named, text, values)
    output_format = output_format_for(text, output_format)
    _check_syntax(text)
    graph = None if endpoint else read_query_graph(source, graph_iri)
    declared = {p.name: p for p in named.parameters} if named else {}
    terms: dict[str, Node] = {
        name: parameter_term(declared[name], value, graph)
        if name in declared
        else parse_parameter(value)  # a variable of the user's own SPARQL
        for name, value in values.items()
    }
    bound = bind_parameters(text, terms)

    def answer() -> str:
        result = run_query(bound, graph=graph, endpoint=endpoint, default_graph=graph_iri)
        return format_result(result, output_format)  # Oxigraph's answers are lazy: read here

    if endpoint is not None or timeout is None:  # a remote query has its own deadline
        return answer()
    return within(timeout, answer)


class QueryTimeout(BpoKbError):  # noqa: N818 - names the event
    """An in-process query ran longer than its ``--timeout``; exit 1."""


def within(timeout: float, work: Callable[[], str]) -> str:
    """``work()``, run in a worker thread while this (main) thread waits at most ``timeout``
    seconds. Oxigraph evaluates a query in native code that releases the GIL but never returns
    to Python, so in the main thread SIGTERM and Ctrl-C would wait for the query to end; here
    they interrupt the wait at once. The worker left behind dies with the process (the
    supervised child ends with ``os._exit``, and the thread is a daemon).

    Raises:
        QueryTimeout: ``work`` has not finished after ``timeout`` seconds.
    """
    outcome: list[str] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as err:  # handed to the main thread, raised there
            failure.append(err)

    worker = threading.Thread(target=run, name="bpo-kb query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeout(
            f"the query ran longer than --timeout {timeout:g} seconds and was stopped; "
            "give a larger --timeout or a narrower query"
        )
    if failure:
        raise failure[0]
    return outcome[0]


def _check_parameters(named: NamedQuery | None, text: str, values: Mapping[str, str]) -> None:
    if named is None:
        check_parameter_names(values, query_variables(text), "the query", noun="variable")
        return
    check_parameter_names(values, [p.name for p in named.parameters], named.name)
    missing = [p.usage() for p in named.parameters if p.name not in values]
    if missing:
        raise QueryError(f"{named.name} needs " + "; ".join(missing))


def output_format_for(query: str, requested: str | None) -> str:
    """The format to print ``query``'s answer in: ``requested`` if it fits the answer (rows or
    a graph), the default for the answer when None.

    Raises:
        QueryError: ``requested`` does not fit: csv or table for a graph, turtle for rows.
    """
    form = query_form(query) or "SELECT"
    returns_graph = form in ("CONSTRUCT", "DESCRIBE")
    if requested is None:
        return GRAPH_FORMATS[0] if returns_graph else ROW_FORMATS[0]
    if returns_graph and requested not in GRAPH_FORMATS:
        raise QueryError(
            f"--format {requested} is for SELECT and ASK answers; a {form} query answers with "
            "a graph: use --format turtle or json (JSON-LD)"
        )
    if not returns_graph and requested not in ROW_FORMATS:
        raise QueryError(
            f"--format {requested} needs a CONSTRUCT or DESCRIBE query, not {form}; "
            "use table, csv or json"
        )
    return requested


def read_query_graph(source: Path, graph_iri: str | None = None) -> Graph:
    """The graph a query runs over: the vocabulary in ``source`` (named graphs merged) and
    completed, or only its named graph ``graph_iri`` (N-Quads or TriG), completed.

    Raises:
        InputError: a file that is missing or does not parse.
        UsageError: ``source`` has no graph ``graph_iri``.
    """
    if graph_iri is None:
        from bpo_kb.build import load_vocabulary

        return load_vocabulary([source])
    import pyoxigraph

    from bpo_kb.rdf.read import read_dataset
    from bpo_kb.skos.completion import complete_graph

    dataset = read_dataset([source])
    names = sorted(g.value for g in dataset.named_graphs() if isinstance(g, pyoxigraph.NamedNode))
    if graph_iri not in names:
        held = ", ".join(f"<{name}>" for name in names[:5]) + (", ..." if len(names) > 5 else "")
        held = f"its graphs: {held}" if names else "it holds no named graph: give N-Quads or TriG"
        raise UsageError(
            f"--graph: {source} has no graph <{graph_iri}>{did_you_mean(graph_iri, names)} ({held})"
        )
    store = pyoxigraph.Store()
    store.bulk_extend(
        pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, pyoxigraph.DefaultGraph())
        for quad in dataset.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(graph_iri))
    )
    graph = graph_on(store)
    complete_graph(graph)
    return graph


def with_prefixes(query: str) -> str:
    """``query`` after a line declaring every prefix of :data:`QUERY_PREFIXES` it does not
    declare itself."""
    declared = set(re.findall(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", query, re.IGNORECASE))
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in QUERY_PREFIXES.items() if p not in declared]
    return " ".join(missing) + "\n" + query if missing else query


def run_query(
    query: str,
    *,
    graph: Graph | None = None,
    endpoint: str | None = None,
    default_graph: str | None = None,
) -> Result:
    """Run ``query`` (the prefixes of :data:`QUERY_PREFIXES` predeclared) over ``graph`` in
    process, or against the SPARQL ``endpoint``, in its graph ``default_graph`` if given.

    Raises:
        QueryError: the query does not parse (message and position).
        StoreError: the endpoint is unreachable or answers with an error.
    """
    _check_syntax(query)
    query = with_prefixes(query)
    if endpoint is not None:
        return run_remote_query(query, endpoint, default_graph=default_graph)
    store_graph = new_graph(QUERY_STORE)
    if graph is not None:
        store_graph += graph
    return store_graph.query(query)


def _check_syntax(query: str) -> None:
    import pyoxigraph

    try:
        pyoxigraph.Store().query(query, prefixes=QUERY_PREFIXES)
    except SyntaxError as err:
        raise QueryError(describe_syntax_error(query, str(err))) from None


_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def describe_syntax_error(query: str, message: str) -> str:
    """One readable line from the parser's ``message``: line, column, the text just before and
    what was expected (keywords and punctuation; character classes left out)."""
    found = _POSITION.match(message)
    if found is None:
        return "SPARQL syntax error: " + " ".join(message.split())[:200]
    line, column = int(found[1]), int(found[2])
    lines = query.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    before = _last_words(text[: column - 1])  # the column is just past the fault
    where = f"line {line}, column {column}" + (f" (after {before!r})" if before else "")
    if query_form(query) is None:  # the parser's guess (often CONSTRUCT) would mislead
        words = re.sub(r"#[^\n]*|<[^>]*>", " ", query).split()
        first = next((w for w in words if w.isalpha() and w.upper() not in ("PREFIX", "BASE")), "")
        forms = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
        explained = "expected SELECT, ASK, CONSTRUCT or DESCRIBE" + did_you_mean(
            first.upper(), forms
        )
        return f"SPARQL syntax error at {where}: {explained}"
    return f"SPARQL syntax error at {where}: {_expected(found[3], text[: column - 1])}"


def _last_words(text: str, width: int = 24) -> str:
    words: list[str] = []
    for word in reversed(text.split()):
        if words and len(" ".join([word, *words])) > width:
            break
        words.insert(0, word)
    return " ".join(words)


def _expected(detail: str, before: str) -> str:
    if "Prefix not found" in detail:
        prefix = re.search(r"([A-Za-z][\w.-]*)?:[\w.%-]*$", before)
        name = prefix[1] or "" if prefix else "?"
        return (
            f"unknown prefix {name}: (declare it with PREFIX {name}: <...>; "
            "bpo-kb query --help lists the predeclared prefixes)"
        )
    items = " ".join(detail.split()).removeprefix("expected ").removeprefix("one of ")
    readable = [i for i in items.split(", ") if re.fullmatch(r'"[^"]+"|[A-Za-z][A-Za-z ]*', i)]
    return "expected " + ", ".join(readable) if readable else "unexpected text"


def format_result(result: Result, output_format: str) -> str:
    """The result as an aligned table, CSV, SPARQL JSON (or JSON-LD for graphs) or Turtle."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        output_format_for(result.type, output_format)  # csv and table do not fit a graph
        graph = result.graph
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        if output_format == "json":
            return graph.serialize(format="json-ld")
        return graph.serialize(format="turtle")
    output_format_for(result.type, output_format)
    if result.type == "ASK":
        return (
            result.serialize(format="json").decode()
            if output_format == "json"
            else ("true" if result.askAnswer else "false")
        )
    if output_format in ("csv", "json"):
        return result.serialize(format=output_format).decode("utf-8")
    return _table(result)


def _table(result: Result) -> str:
    names = [str(variable) for variable in result.vars or []]
    rows = [[_display(row[name]) for name in names] for row in result]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _display(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return f"{term}@{term.language}" if term.language else str(term)
    return compact_iri(term)
