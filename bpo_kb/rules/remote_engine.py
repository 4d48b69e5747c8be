"""The compiled rules run inside a SPARQL 1.1 store: each rule one query, sent by the hardened
client of :mod:`bpo_kb.remote`, what validation adds written into the query
(:mod:`bpo_kb.rules.inline_data`); the store is only read."""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import replace

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.errors import StoreError
from bpo_kb.process import sigterm_deferred
from bpo_kb.rdf.namespaces import SKOS
from bpo_kb.remote.http import request
from bpo_kb.remote.sparql import run_remote_query
from bpo_kb.rules.derivations import as_construct
from bpo_kb.rules.inline_data import InlineData
from bpo_kb.rules.sparql_engine import CompiledRule, RuleResult, rule_result, start_order

__all__ = [
    "LABEL_BATCH",
    "REMOTE_WORKERS",
    "ask_remote",
    "derive_into",
    "evaluate_remote",
    "remote_labels",
]

REMOTE_WORKERS = 2  # queries at once: the store does the work, and it has other clients
LABEL_BATCH = 200  # focus nodes per label query


def derive_into(
    operations: Iterable[str], endpoint: str, data_graph: str, store_url: str, graph_iri: str
) -> None:
    """Add to the named graph ``graph_iri`` what each derivation operation would insert into a
    copy of ``data_graph``: asked at ``endpoint`` as a CONSTRUCT, its Turtle POSTed to
    ``store_url`` as it came. A blank node in a derived triple is a new one there.

    Raises:
        StoreError, UsageError: as :func:`~bpo_kb.remote.http.request`.
    """
    for operation in operations:
        derived = request(
            "POST",
            endpoint,
            data={"query": as_construct(operation), "default-graph-uri": data_graph},
            headers={"Accept": "text/turtle"},
        )
        with sigterm_deferred():  # else the store may add it after the temporary graph's DELETE
            request(
                "POST",
                store_url,
                params={"graph": graph_iri},
                data=derived.content,
                headers={"Content-Type": "text/turtle; charset=utf-8"},
            )


def evaluate_remote(
    rules: list[CompiledRule],
    inline: InlineData,
    endpoint: str,
    *,
    default_graph: str | list[str] | None = None,
    on_done: Callable[[CompiledRule], None] | None = None,
) -> list[RuleResult]:
    """Run every rule at ``endpoint``, rewritten by ``inline``: one result per solution, in rule
    order. :data:`REMOTE_WORKERS` queries run at once, in :func:`start_order`; each obeys the
    caller's :func:`~bpo_kb.remote.http.remote_limits`. The first failing query stops the run.

    Raises:
        UnsupportedShapes: a rule the rewrite cannot follow (before any query is sent).
        StoreError: as :func:`~bpo_kb.remote.sparql.run_remote_query`, its message naming the
            rule whose query failed.
        UsageError: as :func:`~bpo_kb.remote.sparql.run_remote_query`.
    """
    rewritten = [replace(rule, query=inline.rewrite(rule.query)) for rule in rules]
    if not rewritten:
        return []
    position = {id(rule): i for i, rule in enumerate(rewritten)}
    pool = ThreadPoolExecutor(max_workers=REMOTE_WORKERS)
    try:
        futures = {  # each task in its own copy of the context: the caller's limits hold there
            pool.submit(
                contextvars.copy_context().run, _evaluate, rule, endpoint, default_graph
            ): position[id(rule)]
            for rule in start_order(rewritten)
        }
        for future in as_completed(futures):
            future.result()
            if on_done is not None:
                on_done(rules[futures[future]])
        results = {i: future.result() for future, i in futures.items()}
        return [result for i in range(len(rules)) for result in results[i]]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _evaluate(
    rule: CompiledRule, endpoint: str, default_graph: str | list[str] | None
) -> list[RuleResult]:
    try:
        answer = run_remote_query(rule.query, endpoint, default_graph=default_graph)
    except StoreError as err:
        name = str(rule.shape).rsplit("#", 1)[-1]
        raise StoreError(f"rule {name} (--ignore {name} to go without it): {err}") from None
    names = [str(variable) for variable in answer.vars or ()]
    results = []
    for row in answer:
        bound = {name: row[name] for name in names if row[name] is not None}  # type: ignore[index]
        texts = {name: str(term) for name, term in bound.items()}
        results.append(rule_result(rule, bound["this"], texts))
    return results


def ask_remote(
    query: str, inline: InlineData, endpoint: str, default_graph: str | list[str] | None
) -> bool:
    """The answer of an ASK query at ``endpoint``, rewritten by ``inline``."""
    answer = run_remote_query(inline.rewrite(query), endpoint, default_graph=default_graph)
    return bool(answer.askAnswer)


_LABELS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?node ?label WHERE {{ VALUES ?node {{ {nodes} }} ?node skos:prefLabel ?label . }}
"""


def remote_labels(
    nodes: Iterable[Node],
    inline: InlineData,
    endpoint: str,
    default_graph: str | list[str] | None,
) -> Graph:
    """The skos:prefLabel triples of ``nodes`` (SKOS-XL ones included, as the rules read them),
    asked :data:`LABEL_BATCH` nodes at a time. A blank node cannot be named in another query,
    so it gets none."""
    named = sorted({node for node in nodes if isinstance(node, URIRef)})
    labels = Graph()
    for start in range(0, len(named), LABEL_BATCH):
        batch = " ".join(node.n3() for node in named[start : start + LABEL_BATCH])
        query = inline.rewrite(_LABELS.format(nodes=batch))
        for row in run_remote_query(query, endpoint, default_graph=default_graph):
            node, label = row[0], row[1]  # type: ignore[index]
            if isinstance(label, Literal) and not isinstance(node, BNode):
                labels.add((node, SKOS.prefLabel, label))
    return labels
