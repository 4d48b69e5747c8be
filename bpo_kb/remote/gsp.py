"""Publish a graph to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol, then check it.

PUT replaces the named graph in one request (publishing twice leaves the same graph); POST
appends. With a query endpoint, the triples of the named graph are counted afterwards. A
temporary graph lives for one ``with`` block (:func:`temporary_graph`).
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rdflib import Graph, URIRef

from bpo_kb.errors import StoreError
from bpo_kb.process import sigterm_deferred
from bpo_kb.remote.http import display_url, request

__all__ = ["PublishResult", "count_triples", "publish_graph", "temporary_graph"]


@dataclass(frozen=True)
class PublishResult:
    """What the store answered and, when it was counted, how many triples the graph holds."""

    status: int
    sent: int
    counted: int | None

    def as_line(self, graph_iri: str, *, append: bool = False) -> str:
        """``published N triples to <g> (HTTP 201); the graph now holds N``."""
        verb = "appended" if append else "published"
        counted = f"; the graph now holds {self.counted}" if self.counted is not None else ""
        return f"{verb} {self.sent} triples to <{graph_iri}> (HTTP {self.status}){counted}"


def publish_graph(
    graph: Graph,
    store_url: str,
    graph_iri: str,
    *,
    append: bool = False,
    sparql_url: str | None = None,
) -> PublishResult:
    """Send ``graph`` (as Turtle) to ``store_url`` into the named graph ``graph_iri``.

    With ``sparql_url``, count the named graph's triples afterwards: after a PUT it must hold
    exactly the triples sent; after an append, at least those, and no more than were there plus
    those sent.

    Raises:
        StoreError: unreachable store, refused credentials, an HTTP error, a redirect, no
            answer within the deadline (:class:`~bpo_kb.remote.http.Limits`), or a wrong count.
        UsageError: a URL refused before connecting (userinfo, credentials over plain http).
    """
    body = graph.serialize(format="turtle", encoding="utf-8")
    before = count_triples(sparql_url, graph_iri) if (append and sparql_url) else 0
    response = request(
        "POST" if append else "PUT",
        store_url,
        params={"graph": graph_iri},
        data=body,
        headers={"Content-Type": "text/turtle; charset=utf-8"},
    )
    sent = len(graph)
    if sparql_url is None:
        return PublishResult(response.status_code, sent, None)
    counted = count_triples(sparql_url, graph_iri)
    expected_low, expected_high = (max(before, sent), before + sent) if append else (sent, sent)
    if not expected_low <= counted <= expected_high:
        wanted = f"{sent}" if not append else f"between {expected_low} and {expected_high}"
        raise StoreError(
            f"{display_url(store_url)}: HTTP {response.status_code}, but <{graph_iri}> holds "
            f"{counted} triples where {wanted} were expected; the graph is not published as built"
        )
    return PublishResult(response.status_code, sent, counted)


def count_triples(sparql_url: str, graph_iri: str) -> int:
    """The number of triples in the named graph ``graph_iri``, asked of a SPARQL endpoint."""
    from rdflib.query import Result

    iri = URIRef(graph_iri).n3()  # rdflib escapes the IRI; the value is never spliced raw
    query = f"SELECT (COUNT(*) AS ?triples) WHERE {{ GRAPH {iri} {{ ?s ?p ?o }} }}"
    response = request(
        "POST",
        sparql_url,
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
    )
    try:
        result = Result.parse(source=io.BytesIO(response.content), format="json")
        return int(next(iter(result))[0])
    except Exception:  # a server that answers 200 with something that is not SPARQL results
        raise StoreError(
            f"{sparql_url}: the answer to a count query is not SPARQL JSON results"
        ) from None


@contextmanager
def temporary_graph(store_url: str, body: bytes) -> Iterator[str]:
    """A new named graph holding the Turtle ``body``, for the ``with`` block only: PUT under a
    fresh ``urn:uuid:`` IRI, then DELETEd whatever ends the block (an error, SIGTERM as
    :class:`~bpo_kb.process.Terminated`). More Turtle may be POSTed to it meanwhile.

    Raises:
        StoreError, UsageError: as :func:`~bpo_kb.remote.http.request`.
    """
    iri = f"urn:uuid:{uuid.uuid4()}"
    turtle = {"Content-Type": "text/turtle; charset=utf-8"}
    try:
        with sigterm_deferred():
            request("PUT", store_url, params={"graph": iri}, data=body, headers=turtle)
        yield iri
    finally:
        request("DELETE", store_url, params={"graph": iri})
