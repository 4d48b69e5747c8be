"""Set-at-a-time evaluation of the shapes: each rule as one whole-graph SPARQL query on Oxigraph.

pySHACL evaluates a SPARQL-based constraint once per focus node; on a thesaurus of 100,000
concepts that is millions of queries. This engine reads the same shapes and runs each rule once:
the shape's targets become a sub-query that binds ``?this`` (``$this`` is the same variable in
SPARQL), joined into the WHERE group of the rule's own query, so every focus node is checked in
one pass.

It supports what bpo-kb's shapes use: node shapes with sh:targetClass, sh:targetSubjectsOf,
sh:targetObjectsOf and sh:targetNode, whose constraints are sh:sparql/sh:select with sh:message
and sh:prefixes. :func:`compile_rules` raises :class:`UnsupportedShapes` on anything else, so the
caller can fall back to pySHACL. The join is equivalent to SHACL's pre-binding when a rule
mentions ``$this`` in a nested group only where a triple pattern of that group binds it; the
engine-equivalence tests hold the shapes to that.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.term import Node

from bpo_kb.errors import UnsupportedShapes
from bpo_kb.rdf.namespaces import RDF, RDFS, SH
from bpo_kb.rdf.terms import TermConverter

__all__ = [
    "CompiledRule",
    "RuleResult",
    "compile_rules",
    "evaluate_rules",
    "rule_result",
    "start_order",
]

# Shape properties the engine understands or may ignore (documentation, our annotations).
_SHAPE_PROPERTIES = {
    RDF.type,
    SH.targetClass,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.targetNode,
    SH.severity,
    SH.sparql,
    SH.message,
    SH.name,
    SH.description,
    RDFS.comment,
    RDFS.label,
}
_CONSTRAINT_PROPERTIES = {SH.select, SH.message, SH.prefixes, RDFS.comment}


@dataclass(frozen=True)
class CompiledRule:
    """One SPARQL-based constraint of one shape, ready to run over a whole graph."""

    shape: Node
    severity: URIRef
    query: str
    messages: tuple[str, ...]
    broad_reads: int = 0  # see start_order


@dataclass(frozen=True)
class RuleResult:
    """One solution of a rule: the focus node and the message with its variables filled in."""

    shape: Node
    severity: URIRef
    focus: Node
    messages: tuple[str, ...]


def compile_rules(shapes: Graph, own_namespace: str) -> list[CompiledRule]:
    """Every constraint of every node shape, as a whole-graph query.

    Args:
        shapes: the shapes graph.
        own_namespace: namespace of annotation properties the engine may ignore (``bpov:``).

    Raises:
        UnsupportedShapes: a shape uses a construct this engine does not evaluate.
    """
    rules = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        _check_supported(shapes, shape, _SHAPE_PROPERTIES, own_namespace)
        targets = _target_patterns(shapes, shape)
        severity = shapes.value(shape, SH.severity) or SH.Violation
        for constraint in shapes.objects(shape, SH.sparql):
            _check_supported(shapes, constraint, _CONSTRAINT_PROPERTIES, own_namespace)
            select = shapes.value(constraint, SH.select)
            if select is None:
                raise UnsupportedShapes(f"{shape}: only sh:select constraints are supported")
            query = _prefix_block(shapes, constraint) + _join_targets(str(select), targets)
            messages = tuple(sorted(str(m) for m in shapes.objects(constraint, SH.message)))
            rules.append(CompiledRule(shape, severity, query, messages, _broad_reads(str(select))))
    return rules


def evaluate_rules(
    store: object,
    rules: list[CompiledRule],
    *,
    workers: int | None = None,
    on_done: Callable[[CompiledRule], None] | None = None,
) -> list[RuleResult]:
    """Run every rule on a ``pyoxigraph.Store``: one result per solution, in rule order.

    The rules run concurrently on ``workers`` threads (default: one per available core, at most
    four): Oxigraph evaluates a query without holding the GIL, so on two cores the whole set
    takes about half as long. They start in :func:`start_order`, so that the longest is not
    left running alone at the end. ``on_done`` is called, in this thread, as each rule finishes.
    """
    if not rules:
        return []
    pool = ThreadPoolExecutor(max_workers=workers or _available_cores())
    try:
        futures = {pool.submit(_evaluate, store, rule): rule for rule in start_order(rules)}
        for future in as_completed(futures):
            future.result()  # a failing rule stops the run here
            if on_done is not None:
                on_done(futures[future])
        results = {id(rule): future.result() for future, rule in futures.items()}
        return [result for rule in rules for result in results[id(rule)]]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# Where a rule's own query reads more than one predicate's index: a variable in predicate
# position (every triple of the node) or a path closure (+ or *, repeated walks).
_BROAD_READS = re.compile(r"[?$]\w+\s+[?$]\w+\s+[?$<\w]|[)\w>][+*](?=\s)")


def _broad_reads(select: str) -> int:
    """How many broad reads the query's WHERE clause makes (its SELECT line is left out)."""
    return len(_BROAD_READS.findall(select[select.index("{") :]))


def start_order(rules: list[CompiledRule]) -> list[CompiledRule]:
    """The rules with the most broad reads (in their own query, not their targets) first,
    stable otherwise: on the 100k-concept vocabulary, starting in shape order left the longest
    rule (UNDEFINED_SKOS_TERM) running alone at the end while the other cores idled (README,
    "Scale")."""
    return sorted(rules, key=lambda rule: -rule.broad_reads)


def _available_cores() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(4, cores or 1))


def _evaluate(store: object, rule: CompiledRule) -> list[RuleResult]:
    solutions = store.query(rule.query)  # type: ignore[attr-defined]
    names = [variable.value for variable in solutions.variables]
    to_rdflib = TermConverter()  # one per rule: a rule can find thousands of focus nodes
    results = []
    for solution in solutions:
        bound = {name: solution[name] for name in names if solution[name] is not None}
        texts = {name: term.value for name, term in bound.items()}
        results.append(rule_result(rule, to_rdflib(bound["this"]), texts))
    return results


def rule_result(rule: CompiledRule, focus: Node, texts: dict[str, str]) -> RuleResult:
    """One solution of ``rule`` as a result: ``texts`` holds each bound variable's value (the
    lexical form of a literal, the IRI, a blank node's label)."""
    messages = tuple(_fill(message, texts) for message in rule.messages)
    return RuleResult(shape=rule.shape, severity=rule.severity, focus=focus, messages=messages)


def _check_supported(shapes: Graph, node: Node, allowed: set[URIRef], own_namespace: str) -> None:
    for predicate in set(shapes.predicates(node)):
        if predicate not in allowed and not str(predicate).startswith(own_namespace):
            raise UnsupportedShapes(f"{node}: {predicate} is not supported by the SPARQL engine")
    if shapes.value(node, SH.deactivated) is not None:
        raise UnsupportedShapes(f"{node}: sh:deactivated is not supported")


def _target_patterns(shapes: Graph, shape: Node) -> list[str]:
    patterns = [
        f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* {_sparql_term(c)} }}"
        for c in shapes.objects(shape, SH.targetClass)
    ]
    patterns += [
        f"{{ ?this {_sparql_term(p)} ?targetObject }}"
        for p in shapes.objects(shape, SH.targetSubjectsOf)
    ]
    patterns += [
        f"{{ ?targetSubject {_sparql_term(p)} ?this }}"
        for p in shapes.objects(shape, SH.targetObjectsOf)
    ]
    patterns += [
        f"{{ VALUES ?this {{ {_sparql_term(n)} }} }}" for n in shapes.objects(shape, SH.targetNode)
    ]
    if not patterns:
        raise UnsupportedShapes(f"{shape}: a shape without targets is not supported")
    return sorted(patterns)


def _join_targets(select: str, targets: list[str]) -> str:
    """Join a sub-query binding ?this to every target into the query's WHERE group.

    It goes after the group's plain joins, where Oxigraph evaluates it fastest: on the
    100k-concept vocabulary the rules took a fifth less CPU with it there than with it first
    (README, "Scale"). It stays before the group's first OPTIONAL, MINUS or
    BIND, which see only what precedes them and must see ?this bound, as under SHACL's
    pre-binding. FILTERs apply to the whole group wherever they are written.
    """
    position = _first_ordered_part(select)
    binding = "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(targets) + " } }\n"
    return select[:position] + "\n" + binding + select[position:]


# What can hold a brace or a keyword without being one (strings, IRIs, comments), the braces,
# and the parts of a group that are evaluated in order rather than joined.
_GROUP_TOKENS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n]*|(?P<open>\{)|(?P<close>\})"
    r"|(?<![\w?$:])(?P<ordered>OPTIONAL|MINUS|BIND)\b",
    re.IGNORECASE,
)


def _first_ordered_part(select: str) -> int:
    """Offset of the WHERE group's first top-level OPTIONAL, MINUS or BIND, else of its end."""
    depth = 0
    for token in _GROUP_TOKENS.finditer(select):
        if token["open"]:
            depth += 1
        elif token["close"]:
            depth -= 1
            if depth == 0:
                return token.start()
        elif token["ordered"] and depth == 1:
            return token.start()
    raise UnsupportedShapes(f"the braces of this query do not balance: {select.strip()[:80]}")


def _prefix_block(shapes: Graph, constraint: Node) -> str:
    lines = []
    for prefixes in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(prefixes, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines))) + "\n"


def _sparql_term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    raise UnsupportedShapes(f"target {node!r} is not an IRI")


def _fill(message: str, texts: dict[str, str]) -> str:
    """Substitute ``{?name}`` and ``{$name}`` with the solution's values, as pySHACL does."""
    for name, text in texts.items():
        message = message.replace("{?" + name + "}", text).replace("{$" + name + "}", text)
    return message
