"""SPARQL queries sent to a remote endpoint (SPARQL 1.1 Protocol), answers parsed as rdflib
results whatever the server's dialect."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from rdflib import Graph
from rdflib.query import Result

from bpo_kb.errors import StoreError
from bpo_kb.remote.http import display_url, request

__all__ = ["query_form", "run_remote_query"]

_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword outside comments and IRIs."""
    found = _FORM.search(re.sub(r"<[^>]*>|#[^\n]*", " ", query))
    return found.group(1).upper() if found else None


def run_remote_query(
    query: str, endpoint: str, *, default_graph: str | Sequence[str] | None = None
) -> Result:
    """Run ``query`` at ``endpoint``; a graph for CONSTRUCT/DESCRIBE, rows or a boolean otherwise.
    With ``default_graph``, the named graph of that IRI (or the merge of those of several IRIs)
    is the query's default graph (the protocol's ``default-graph-uri``, which Oxigraph,
    Virtuoso, Fuseki and GraphDB honour).

    Raises:
        StoreError: the endpoint is unreachable, too slow (:class:`~bpo_kb.remote.http.Limits`),
            redirects, answers with an error, or with something that is not an answer.
        UsageError: the URL is refused before connecting (userinfo, credentials over http).
    """
    form = query_form(query) or "SELECT"
    returns_graph = form in {"CONSTRUCT", "DESCRIBE"}
    accept = "text/turtle" if returns_graph else "application/sparql-results+json"
    data: dict[str, str | list[str]] = {"query": query}
    if default_graph is not None:
        data["default-graph-uri"] = (
            default_graph if isinstance(default_graph, str) else list(default_graph)
        )
    response = request("POST", endpoint, data=data, headers={"Accept": accept})
    try:
        if returns_graph:
            result = Result("CONSTRUCT")
            result.graph = Graph().parse(data=response.content, format="turtle")
            return result
        result = Result.parse(source=io.BytesIO(response.content), format="json")
    except Exception:  # a server that answers 200 with something else
        expected = "Turtle" if returns_graph else "SPARQL JSON results"
        raise StoreError(f"{display_url(endpoint)}: the answer is not {expected}") from None
    if form == "ASK" and result.type == "SELECT":
        # Virtuoso 7 answers ASK with one row binding ?__ASK_RETVAL to 0 or 1.
        rows = list(result)
        answer = Result("ASK")
        answer.askAnswer = bool(rows and rows[0][0] is not None and int(rows[0][0]))
        return answer
    return result
