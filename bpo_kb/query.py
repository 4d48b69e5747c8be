"""SPARQL queries: in process over a graph (on Oxigraph) or against a remote endpoint.

Queries are SPARQL text, ``@FILE``, or the name of a query shipped in ``named_queries/``.
Parameters (``--param concept=bpo:payroll``) are bound with a VALUES clause built from rdflib
terms, so a user's value is always escaped, never spliced into the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from bpo_kb.errors import QueryError
from bpo_kb.rdf.checks import is_absolute_iri, is_language_tag
from bpo_kb.rdf.namespaces import PREFIXES, compact_iri
from bpo_kb.rdf.stores import QUERY_STORE, new_graph
from bpo_kb.remote.sparql import query_form, run_remote_query

__all__ = [
    "NAMED_QUERIES_DIR",
    "OUTPUT_FORMATS",
    "NamedQuery",
    "bind_parameters",
    "format_result",
    "named_queries",
    "parse_parameter",
    "resolve_query",
    "run_query",
]

NAMED_QUERIES_DIR = Path(__file__).resolve().parent / "named_queries"
OUTPUT_FORMATS = ("table", "csv", "json", "turtle")


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped with bpo-kb: its name, the first line of its comment, its text."""

    name: str
    description: str
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """Every ``.rq`` file of :data:`NAMED_QUERIES_DIR`, by name."""
    found = {}
    for path in sorted(NAMED_QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        found[path.stem] = NamedQuery(path.stem, first.lstrip("# ").strip(), text)
    return found


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
    if query_form(spec) is None:
        known = ", ".join(named_queries())
        raise QueryError(f"{spec!r} is neither SPARQL nor a named query (known: {known})")
    return spec


def parse_parameter(value: str) -> Node:
    """An IRI for ``<...>``, ``http(s)://...`` or a known ``prefix:local``; else a literal
    (``text@lang`` gives a language-tagged literal)."""
    if value.startswith("<") and value.endswith(">"):
        return _iri(value[1:-1])
    if re.match(r"^https?://", value):
        return _iri(value)
    prefix, _, local = value.partition(":")
    if local and prefix in PREFIXES and not local.startswith("//"):
        return _iri(PREFIXES[prefix] + local)
    text, _, language = value.rpartition("@")
    if text and is_language_tag(language):
        return Literal(text, lang=language)
    return Literal(value)


def bind_parameters(query: str, parameters: dict[str, Node]) -> str:
    """``query`` with ``VALUES ?name { term }`` first in its WHERE clause, for each parameter."""
    if not parameters:
        return query
    for name in parameters:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
    clause = " ".join(f"VALUES ?{name} {{ {term.n3()} }}" for name, term in parameters.items())
    match = re.search(r"\bWHERE\s*\{", query, re.IGNORECASE) or re.search(r"\{", query)
    if match is None:
        raise QueryError("the query has no WHERE clause to bind parameters in")
    return query[: match.end()] + " " + clause + " " + query[match.end() :]


def run_query(query: str, *, graph: Graph | None = None, endpoint: str | None = None) -> Result:
    """Run ``query`` over ``graph`` in process, or against the SPARQL ``endpoint``.

    Raises:
        QueryError: the query does not parse (message and position).
        StoreError: the endpoint is unreachable or answers with an error.
    """
    _check_syntax(query)
    if endpoint is not None:
        return run_remote_query(query, endpoint)
    store_graph = new_graph(QUERY_STORE)
    if graph is not None:
        store_graph += graph
    return store_graph.query(query)


def _check_syntax(query: str) -> None:
    import pyoxigraph

    try:
        pyoxigraph.Store().query(query)
    except SyntaxError as err:
        first_line = str(err).splitlines()[0]
        raise QueryError(f"SPARQL syntax error: {first_line}") from None


def format_result(result: Result, output_format: str) -> str:
    """The result as an aligned table, CSV, SPARQL JSON (or JSON-LD for graphs) or Turtle."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        if output_format == "json":
            return graph.serialize(format="json-ld")
        return graph.serialize(format="turtle")
    if output_format == "turtle":
        raise QueryError(f"--format turtle needs a CONSTRUCT or DESCRIBE query, not {result.type}")
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


def _iri(text: str) -> URIRef:
    if not is_absolute_iri(text):
        raise QueryError(f"{text!r} is not a valid IRI")
    return URIRef(text)
