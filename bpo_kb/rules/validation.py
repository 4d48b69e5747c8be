"""Validate a SKOS vocabulary against the shapes in ``shapes/`` and report readable findings.

The shapes are the single statement of the rules; this module chooses which shape files a
profile uses, adds what the shapes read besides the data (the run's settings, reference data,
derivations) to the validator's own copy, runs one of the :data:`ENGINES` and turns its results
into a :class:`~bpo_kb.rules.report.ValidationReport`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from rdflib import BNode, Graph, Literal
from rdflib.term import Node

from bpo_kb.errors import UnsupportedShapes, UnsupportedTerm, UsageError
from bpo_kb.progress import ProgressCallback, silent
from bpo_kb.rdf.namespaces import BPOV
from bpo_kb.rdf.read import add_turtle_file, read_graph
from bpo_kb.rdf.stores import CONTEXT_AWARE_STORE, QUERY_STORE, new_graph, oxigraph_store_of
from bpo_kb.resources import DEFAULT_SHAPES_DIR, SKOS_XL_ENTAILMENT
from bpo_kb.rules.derivations import apply_operations, update_operations
from bpo_kb.rules.pyshacl_engine import run_pyshacl
from bpo_kb.rules.report import SEVERITY_NAMES, Finding, RawResult, ValidationReport, report_graph
from bpo_kb.rules.sparql_engine import CompiledRule, compile_rules, evaluate_rules
from bpo_kb.skos.labels import display_label

__all__ = [
    "DEFAULT_REQUIRED_LANGUAGES",
    "ENGINES",
    "PROFILES",
    "load_shapes",
    "validate_files",
    "validate_graph",
]

# Profile name -> shape files, in load order. "skos" suits any vocabulary; "bpo" adds the house
# rules that bpo-kb's own glossary follows.
_SKOS_FILES = ("common.ttl", "integrity.ttl", "profile.ttl", "quality.ttl")
PROFILES: dict[str, tuple[str, ...]] = {
    "skos": _SKOS_FILES,
    "bpo": (*_SKOS_FILES, "house.ttl"),
}
DEFAULT_REQUIRED_LANGUAGES: tuple[str, ...] = ("fr", "en")
# Reference data the shapes look things up in; added to the validator's copy of the data.
REFERENCE_DATA = ("iso639-languages.ttl",)
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


def validate_graph(
    graph: Graph,
    *,
    profile: str = "skos",
    required_languages: Sequence[str] = DEFAULT_REQUIRED_LANGUAGES,
    shapes: Graph | None = None,
    engine: str = "auto",
) -> ValidationReport:
    """Validate ``graph`` (left unchanged) and return its findings.

    Args:
        graph: the vocabulary.
        profile: a key of :data:`PROFILES`, used when ``shapes`` is not given.
        required_languages: languages every concept needs a prefLabel and a definition in.
        shapes: a shapes graph to use instead of the profile's files.
        engine: ``sparql`` (each rule once over the whole graph, on Oxigraph), ``pyshacl`` (the
            reference engine, once per focus node) or ``auto``: sparql whenever it can evaluate
            the shapes and the data fits Oxigraph, else pyshacl.
    """
    try:
        data = new_graph(QUERY_STORE)
        data += graph
    except ValueError:  # Oxigraph refuses malformed language tags; rdflib's store keeps them
        data = new_graph(CONTEXT_AWARE_STORE)  # pySHACL wraps the data in a ConjunctiveGraph
        data += graph
    return _validate(data, profile, required_languages, shapes, engine)


def validate_files(
    paths: Sequence[Path],
    *,
    input_format: str | None = None,
    profile: str = "skos",
    required_languages: Sequence[str] = DEFAULT_REQUIRED_LANGUAGES,
    engine: str = "auto",
    progress: ProgressCallback = silent,
) -> ValidationReport:
    """Validate RDF files (or folders), parsed straight into Oxigraph: the fast path for large
    vocabularies, with the same findings as :func:`validate_graph` on the parsed graph."""
    progress("parsing " + ", ".join(str(path) for path in paths))
    try:
        data = read_graph(paths, input_format, store=QUERY_STORE)
    except UnsupportedTerm:
        data = read_graph(paths, input_format, store=CONTEXT_AWARE_STORE)
    return _validate(data, profile, required_languages, None, engine, progress)


def _validate(
    data: Graph,
    profile: str,
    required_languages: Sequence[str],
    shapes: Graph | None,
    engine: str,
    progress: ProgressCallback = silent,
) -> ValidationReport:
    """Validate ``data``, the validator's own graph: what the shapes read is added to it."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    shapes_graph = shapes if shapes is not None else load_shapes(profile)
    labels = _LabelIndex(data, required_languages)
    _add_validation_data(data, required_languages)
    rules = _sparql_rules(shapes_graph, data) if engine != "pyshacl" else None
    if engine == "sparql" and rules is None:
        raise UnsupportedShapes(
            "the sparql engine cannot evaluate these shapes or this data; use --engine pyshacl"
        )
    if rules is not None:
        raw = _run_sparql(data, rules, progress)
    else:
        progress("validating with pySHACL")
        raw = run_pyshacl(data, shapes_graph)
    findings = sorted(
        (_finding(shapes_graph, labels, result) for result in raw), key=Finding.sort_key
    )
    return ValidationReport(findings=findings, results_graph=report_graph(raw, findings))


class _LabelIndex:
    """The prefLabel to show beside each focus node, looked up on demand and remembered."""

    def __init__(self, data: Graph, languages: Sequence[str]) -> None:
        self._data, self._languages = data, languages
        self._known: dict[Node, str] = {}

    def __call__(self, node: Node) -> str:
        if node not in self._known:
            self._known[node] = display_label(self._data, node, self._languages)
        return self._known[node]


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
    finished = 0

    def report(rule: CompiledRule) -> None:
        nonlocal finished
        finished += 1
        progress(f"rules checked: {finished}/{len(rules)} ({_shape_name(rule.shape)})")

    store = oxigraph_store_of(data)
    return [
        RawResult(r.focus, r.shape, r.severity, r.messages[0] if r.messages else None)
        for r in evaluate_rules(store, rules, on_done=report)
    ]


def _add_validation_data(
    data: Graph, required_languages: Sequence[str], shapes_dir: Path = DEFAULT_SHAPES_DIR
) -> None:
    """Add what the shapes read besides the vocabulary: this run's settings, the reference data
    in ``shapes_dir`` (the ISO 639 codes) and the derivations of the DERIVATIONS files."""
    for name in REFERENCE_DATA:
        add_turtle_file(data, shapes_dir / name)
    for language in required_languages:
        data.add((BPOV.settings, BPOV.requiredLanguage, Literal(language)))
    apply_operations(data, _derivations(shapes_dir))


def _derivations(shapes_dir: Path) -> tuple[str, ...]:
    """The operations of every file of DERIVATIONS, all independent of one another."""
    return tuple(
        operation for name in DERIVATIONS for operation in update_operations(shapes_dir / name)
    )


def _finding(shapes: Graph, labels: _LabelIndex, result: RawResult) -> Finding:
    code = shapes.value(result.shape, BPOV.code)
    return Finding(
        severity=SEVERITY_NAMES.get(result.severity, str(result.severity)),
        code=str(code) if code is not None else _shape_name(result.shape),
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
