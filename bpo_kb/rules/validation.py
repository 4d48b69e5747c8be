"""Validate a SKOS vocabulary against the shapes in ``shapes/`` and report readable findings.

The shapes are the single statement of the rules; this module chooses which shape files a
profile uses, adds what the shapes read besides the data (the run's settings, reference data,
derivations) to the validator's own copy, runs one of the :data:`ENGINES` and turns its results
into a :class:`~bpo_kb.rules.report.ValidationReport`.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.errors import InputError, StoreError, UnsupportedShapes, UnsupportedTerm, UsageError
from bpo_kb.progress import ProgressCallback, silent
from bpo_kb.rdf.namespaces import BPOV, SKOS
from bpo_kb.rdf.read import add_turtle_file, read_graph
from bpo_kb.rdf.stores import CONTEXT_AWARE_STORE, QUERY_STORE, new_graph, oxigraph_store_of
from bpo_kb.rdf.terms import to_oxigraph
from bpo_kb.remote.gsp import temporary_graph
from bpo_kb.resources import DEFAULT_SHAPES_DIR, SKOS_XL_ENTAILMENT
from bpo_kb.rules.derivations import apply_operations, update_operations
from bpo_kb.rules.inline_data import InlineData, predicate_derived_by_one_path
from bpo_kb.rules.pyshacl_engine import run_pyshacl
from bpo_kb.rules.remote_engine import ask_remote, derive_into, evaluate_remote, remote_labels
from bpo_kb.rules.report import SEVERITY_NAMES, Finding, RawResult, ValidationReport
from bpo_kb.rules.sparql_engine import CompiledRule, compile_rules, evaluate_rules
from bpo_kb.skos.labels import display_label, grouped_by_language, label_to_display
from bpo_kb.skos.term_records import add_term_records

__all__ = [
    "DEFAULT_REQUIRED_LANGUAGES",
    "ENGINES",
    "PROFILES",
    "Settings",
    "load_shapes",
    "validate_endpoint",
    "validate_files",
    "validate_graph",
    "validation_copy",
]

# Profile name -> shape files, in load order. "skos" suits any vocabulary; "bpo" adds the house
# rules that bpo-kb's own glossary follows.
_SKOS_FILES = ("common.ttl", "integrity.ttl", "profile.ttl", "terms.ttl", "quality.ttl")
PROFILES: dict[str, tuple[str, ...]] = {
    "skos": _SKOS_FILES,
    "bpo": (*_SKOS_FILES, "house.ttl"),
}
DEFAULT_REQUIRED_LANGUAGES: tuple[str, ...] = ("fr", "en")
# Reference data the shapes look things up in; added to the validator's copy of the data.
REFERENCE_DATA = ("iso639-languages.ttl", "lexinfo-values.ttl")
# SPARQL Updates applied to that copy before the shapes run: the SKOS labels that SKOS-XL
# labels entail, and validation-only derivations. Their operations are all independent.
DERIVATIONS = (SKOS_XL_ENTAILMENT, "derivations.ru")


@functools.cache
def load_shapes(profile: str = "skos", shapes_dir: Path = DEFAULT_SHAPES_DIR) -> Graph:
    """The shapes graph of ``profile``, read from ``shapes_dir`` once per process."""
    try:
        files = PROFILES[profile]
    except KeyError:
        raise UsageError(f"unknown profile {profile!r} (known: {', '.join(PROFILES)})") from None
    return read_graph([shapes_dir / name for name in files])


# Engine name -> what it does (the CLI's --engine help).
ENGINES: dict[str, str] = {
    "auto": "sparql when it can evaluate the shapes and the data, else pyshacl",
    "sparql": "each rule once over the whole graph, on Oxigraph (fast)",
    "pyshacl": "the reference engine, once per focus node",
}


@dataclass(frozen=True)
class Settings:
    """What one validation run checks, besides the data.

    Args:
        profile: a key of :data:`PROFILES`.
        required_languages: languages every concept needs a prefLabel in.
        definition_languages: languages every concept needs a definition in (None: the
            required languages).
        missing_definitions: ``violation`` or ``warning`` for a missing definition (None: a
            violation with the bpo profile, a warning with any other).
        select: the only rule codes to report (empty: every rule).
        ignore: rule codes not to report.
    """

    profile: str = "skos"
    required_languages: tuple[str, ...] = DEFAULT_REQUIRED_LANGUAGES
    definition_languages: tuple[str, ...] | None = None
    missing_definitions: str | None = None
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def reports(self, code: str) -> bool:
        """Whether findings of the rule ``code`` are reported."""
        return (not self.select or code in self.select) and code not in self.ignore

    def definition_severity(self) -> str:
        if self.missing_definitions is not None:
            return self.missing_definitions
        return "violation" if self.profile == "bpo" else "warning"


def validate_graph(
    graph: Graph,
    *,
    shapes: Graph | None = None,
    engine: str = "auto",
    **settings: Any,
) -> ValidationReport:
    """Validate ``graph`` (left unchanged) and return its findings.

    Args:
        graph: the vocabulary.
        shapes: a shapes graph to use instead of the profile's files.
        engine: a key of :data:`ENGINES`.
        settings: the fields of :class:`Settings` (profile, required_languages...).
    """
    try:
        data = new_graph(QUERY_STORE)
        data += graph
    except ValueError:  # Oxigraph refuses malformed language tags; rdflib's store keeps them
        data = new_graph(CONTEXT_AWARE_STORE)  # pySHACL wraps the data in a ConjunctiveGraph
        data += graph
    return _validate(data, Settings(**_tuples(settings)), shapes, engine)


def validate_files(
    paths: Sequence[Path],
    *,
    input_format: str | None = None,
    engine: str = "auto",
    progress: ProgressCallback = silent,
    **settings: Any,
) -> ValidationReport:
    """Validate RDF files (or folders), parsed straight into Oxigraph: the fast path for large
    vocabularies, with the same findings as :func:`validate_graph` on the parsed graph.

    Raises:
        InputError: a file does not parse, or the files hold no SKOS at all.
    """
    progress("parsing " + ", ".join(str(path) for path in paths))
    data = validation_copy(paths, input_format)
    return _validate(data, Settings(**_tuples(settings)), None, engine, progress)


def validation_copy(paths: Sequence[Path], input_format: str | None = None) -> Graph:
    """The vocabulary in ``paths`` (files or folders) as the validator reads it: parsed into
    Oxigraph (into rdflib's store if it holds a term Oxigraph refuses), with the terms of its
    term records.

    Raises:
        InputError: a file does not parse, or the files hold no SKOS at all.
    """
    try:
        data = read_graph(paths, input_format, store=QUERY_STORE)
    except UnsupportedTerm:
        data = read_graph(paths, input_format, store=CONTEXT_AWARE_STORE)
    add_term_records(data, paths, for_validation=True)
    if not _holds_skos(data):
        names = ", ".join(str(path) for path in paths)
        raise InputError(f"{names}: no SKOS found (no skos:Concept and no skos:ConceptScheme)")
    return data


def validate_endpoint(
    endpoint: str,
    *,
    graph_iri: str | None = None,
    store_url: str | None = None,
    progress: ProgressCallback = silent,
    **settings: Any,
) -> ValidationReport:
    """Validate the vocabulary a SPARQL 1.1 endpoint holds, where it is: each rule one query
    (:mod:`bpo_kb.rules.remote_engine`), with the findings :func:`validate_graph` gives on the
    same triples (a blank node focus gets no label: no later query can name it). With
    ``graph_iri``, that named graph is the queries' default graph (``default-graph-uri``).

    What validation adds to its copy of the data (settings, reference data, derivations) is
    written into each query (:mod:`bpo_kb.rules.inline_data`), and the store is only read;
    with ``store_url`` (a Graph Store Protocol endpoint that may be written, and
    ``graph_iri``), it goes to a temporary named graph read beside ``graph_iri`` instead, which
    is removed when validation ends, however it ends. Rules that join on label keys run much
    faster so on a large vocabulary: a store joins stored values by index, computed ones by
    nested loops.

    Raises:
        InputError: the endpoint cannot be read (unreachable, an HTTP error, an answer that is
            not SPARQL results, too slow), or holds no SKOS: the store is this command's input,
            and exits 2 as an unreadable file does.
        UsageError: ``store_url`` without ``graph_iri``.
        UnsupportedShapes: a rule the query rewrite cannot follow.
    """
    chosen = Settings(**_tuples(settings))
    shapes = load_shapes(chosen.profile)
    _check_codes(shapes, chosen)
    rules = [r for r in _compiled_rules(shapes) if chosen.reports(_code(shapes, r.shape))]
    added, derivations = _added_graph(chosen), _derivations(DEFAULT_SHAPES_DIR)
    where = f"{endpoint}" + (f" (graph <{graph_iri}>)" if graph_iri else "")
    progress(f"validating at {where}")
    try:
        if store_url is None:
            inline = InlineData(added, derivations)
            return _validate_at(endpoint, graph_iri, inline, rules, shapes, chosen, progress)
        if graph_iri is None:
            raise UsageError(
                "--store needs --graph: the store's default graph cannot be read beside the "
                "temporary graph"
            )
        # The hierarchy links are written into the queries: a closure cannot cross from the
        # data graph's blank nodes to the copies of them a temporary graph would hold. The
        # others (label keys, SKOS-XL labels) go to the temporary graph, where they join by
        # index and where Virtuoso reads the rules that use them as written.
        by_path = tuple(op for op in derivations if _validation_link(op))
        stored = [op for op in derivations if op not in by_path]
        with temporary_graph(store_url, added.serialize(format="turtle", encoding="utf-8")) as temp:
            progress(f"deriving into the temporary graph <{temp}>")
            derive_into(stored, endpoint, graph_iri, store_url, temp)
            inline = InlineData(Graph(), by_path)
            return _validate_at(
                endpoint, [graph_iri, temp], inline, rules, shapes, chosen, progress
            )
    except StoreError as err:
        raise InputError(str(err)) from None


def _validation_link(operation: str) -> bool:
    """Whether ``operation`` derives a validation-only predicate by one path alone."""
    predicate = predicate_derived_by_one_path(operation)
    return predicate is not None and predicate.startswith(str(BPOV._NS))


def _validate_at(
    endpoint: str,
    graphs: str | list[str] | None,
    inline: InlineData,
    rules: list[CompiledRule],
    shapes: Graph,
    settings: Settings,
    progress: ProgressCallback,
) -> ValidationReport:
    """The report of ``rules`` run at ``endpoint`` over ``graphs``, rewritten by ``inline``.

    Raises:
        InputError: no SKOS there.
    """
    if not ask_remote(_SKOS_TYPES, inline, endpoint, graphs):
        raise InputError(f"{endpoint}: no SKOS found (no skos:Concept and no skos:ConceptScheme)")
    checked = _rules_checked(progress, rules)
    results = evaluate_remote(rules, inline, endpoint, default_graph=graphs, on_done=checked)
    labels = remote_labels({r.focus for r in results}, inline, endpoint, graphs)
    raw = [
        RawResult(r.focus, r.shape, r.severity, r.messages[0] if r.messages else None)
        for r in results
    ]
    return _report(shapes, _LabelIndex(labels, settings.required_languages), raw, settings)


def _tuples(settings: dict[str, Any]) -> dict[str, Any]:
    """The settings as :class:`Settings` holds them: tuples and frozensets, hashable."""
    converted = dict(settings)
    for name in ("required_languages", "definition_languages"):
        if converted.get(name) is not None:
            converted[name] = tuple(converted[name])
    for name in ("select", "ignore"):
        if name in converted:
            converted[name] = frozenset(converted[name] or ())
    return converted


_SKOS_TYPES = """
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    ASK { VALUES ?type { skos:Concept skos:ConceptScheme } ?node a/rdfs:subClassOf* ?type }
"""


def _holds_skos(data: Graph) -> bool:
    return bool(data.query(_SKOS_TYPES).askAnswer)


def _validate(
    data: Graph,
    settings: Settings,
    shapes: Graph | None,
    engine: str,
    progress: ProgressCallback = silent,
) -> ValidationReport:
    """Validate ``data``, the validator's own graph: what the shapes read is added to it."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    shapes_graph = shapes if shapes is not None else load_shapes(settings.profile)
    _check_codes(shapes_graph, settings)
    labels = _LabelIndex(data, settings.required_languages)
    _add_validation_data(data, settings)
    rules = _sparql_rules(shapes_graph, data) if engine != "pyshacl" else None
    if engine == "sparql" and rules is None:
        raise UnsupportedShapes(
            "the sparql engine cannot evaluate these shapes or this data; use --engine pyshacl"
        )
    if rules is not None:
        wanted = [r for r in rules if settings.reports(_code(shapes_graph, r.shape))]
        raw = _run_sparql(data, wanted, progress)
    else:
        progress("validating with pySHACL")
        raw = run_pyshacl(data, shapes_graph)
    return _report(shapes_graph, labels, raw, settings)


def _report(
    shapes: Graph, labels: _LabelIndex, raw: list[RawResult], settings: Settings
) -> ValidationReport:
    """The report of the results of the rules ``settings`` reports, sorted."""
    codes = {shape: _code(shapes, shape) for shape in {result.shape for result in raw}}
    pairs = sorted(
        (
            (_finding(codes[result.shape], labels, result), result)
            for result in raw
            if settings.reports(codes[result.shape])
        ),
        key=lambda pair: (pair[0].sort_key(), str(pair[1].value or "")),
    )
    return ValidationReport(
        findings=[finding for finding, _ in pairs], results=[result for _, result in pairs]
    )


def _code(shapes: Graph, shape: Node) -> str:
    code = shapes.value(shape, BPOV.code)
    return str(code) if code is not None else _shape_name(shape)


def _check_codes(shapes: Graph, settings: Settings) -> None:
    """Every code of ``select`` and ``ignore`` is a rule's.

    Raises:
        UsageError: an unknown code, with the nearest known one.
    """
    known = {str(code) for code in shapes.objects(None, BPOV.code)}
    for code in sorted(settings.select | settings.ignore):
        if code not in known:
            near = difflib.get_close_matches(code, known, n=1)
            hint = f"; did you mean {near[0]}?" if near else ""
            raise UsageError(
                f"unknown rule code {code!r}{hint} (known: {', '.join(sorted(known))})"
            )


class _LabelIndex:
    """The prefLabel to show beside each focus node, looked up on demand and remembered: on
    Oxigraph straight from its index (rdflib's layer over it costs more than the lookup, and a
    thesaurus can have tens of thousands of findings)."""

    def __init__(self, data: Graph, languages: Sequence[str]) -> None:
        import pyoxigraph

        self._data, self._languages = data, languages
        self._native = oxigraph_store_of(data)
        self._literal, self._pref_label = pyoxigraph.Literal, pyoxigraph.NamedNode(SKOS.prefLabel)
        self._known: dict[Node, str] = {}

    def __call__(self, node: Node) -> str:
        if node not in self._known:
            self._known[node] = self._look_up(node)
        return self._known[node]

    def _look_up(self, node: Node) -> str:
        try:
            subject = to_oxigraph(node) if isinstance(node, (URIRef, BNode)) else None
        except ValueError:  # an IRI_INVALID finding's node: Oxigraph's terms refuse it
            subject = None
        if self._native is None or subject is None:
            return display_label(self._data, node, self._languages)
        by_language = grouped_by_language(
            (quad.object.language or "", quad.object.value)
            for quad in self._native.quads_for_pattern(subject, self._pref_label, None)
            if isinstance(quad.object, self._literal)
        )
        return label_to_display(by_language, self._languages)


def _sparql_rules(shapes: Graph, data: Graph) -> list[CompiledRule] | None:
    """The shapes compiled for the SPARQL engine, or None if it cannot run them on ``data``."""
    if oxigraph_store_of(data) is None:
        return None
    try:
        return _compiled_rules(shapes)
    except UnsupportedShapes:
        return None


@functools.lru_cache(maxsize=8)
def _compiled_rules(shapes: Graph) -> list[CompiledRule]:
    return compile_rules(shapes, str(BPOV._NS))


def _run_sparql(
    data: Graph, rules: list[CompiledRule], progress: ProgressCallback
) -> list[RawResult]:
    store = oxigraph_store_of(data)
    return [
        RawResult(r.focus, r.shape, r.severity, r.messages[0] if r.messages else None)
        for r in evaluate_rules(store, rules, on_done=_rules_checked(progress, rules))
    ]


def _rules_checked(
    progress: ProgressCallback, rules: list[CompiledRule]
) -> Callable[[CompiledRule], None]:
    """An ``on_done`` callback saying how many of ``rules`` are checked."""
    finished = 0

    def report(rule: CompiledRule) -> None:
        nonlocal finished
        finished += 1
        progress(f"rules checked: {finished}/{len(rules)} ({_shape_name(rule.shape)})")

    return report


def _add_validation_data(
    data: Graph, settings: Settings, shapes_dir: Path = DEFAULT_SHAPES_DIR
) -> None:
    """Add what the shapes read besides the vocabulary: this run's settings, the reference data
    in ``shapes_dir`` (the ISO 639 codes) and the derivations of the DERIVATIONS files."""
    _add_settings_and_reference(data, settings, shapes_dir)
    apply_operations(data, _derivations(shapes_dir))


def _added_graph(settings: Settings) -> Graph:
    """This run's settings and the reference data, alone in a graph."""
    added = new_graph(QUERY_STORE)
    _add_settings_and_reference(added, settings, DEFAULT_SHAPES_DIR)
    return added


def _add_settings_and_reference(data: Graph, settings: Settings, shapes_dir: Path) -> None:
    for name in REFERENCE_DATA:
        add_turtle_file(data, shapes_dir / name)
    for language in settings.required_languages:
        data.add((BPOV.settings, BPOV.requiredLanguage, Literal(language)))
    definition_setting = (
        BPOV.requiredDefinitionLanguage
        if settings.definition_severity() == "violation"
        else BPOV.recommendedDefinitionLanguage
    )
    definition_languages = settings.definition_languages
    if definition_languages is None:
        definition_languages = settings.required_languages
    for language in definition_languages:
        data.add((BPOV.settings, definition_setting, Literal(language)))


def _derivations(shapes_dir: Path) -> tuple[str, ...]:
    """The operations of every file of DERIVATIONS, all independent of one another."""
    return tuple(
        operation for name in DERIVATIONS for operation in update_operations(shapes_dir / name)
    )


def _finding(code: str, labels: _LabelIndex, result: RawResult) -> Finding:
    return Finding(
        severity=SEVERITY_NAMES.get(result.severity, str(result.severity)),
        code=code,
        focus=_node_text(result.focus),
        label=labels(result.focus),
        message=result.message if result.message is not None else "fails its shape",
    )


def _node_text(node: Node | None) -> str:
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node) if node is not None else ""


def _shape_name(shape: Node | None) -> str:
    return _node_text(shape).rsplit("#", 1)[-1] if shape is not None else "SHACL"
