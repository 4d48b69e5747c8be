"""Validate a SKOS vocabulary against the shapes in ``shapes/`` and report readable findings.

The shapes are the single statement of the rules; this module chooses which shape files a
profile uses, adds the run's settings (required languages) to a copy of the data, runs pySHACL
and turns its report graph into :class:`Finding` rows.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from oxrdflib import OxigraphStore
from rdflib import BNode, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from bpo_kb.errors import InputError
from bpo_kb.progress import ProgressCallback, silent
from bpo_kb.rdf.namespaces import BPOV, RDF, SH
from bpo_kb.rdf.read import (
    CONTEXT_AWARE_STORE,
    QUERY_STORE,
    UnsupportedTerm,
    add_turtle_file,
    load_graph,
    load_store,
    new_graph,
    oxigraph_store_of,
)
from bpo_kb.resources import DEFAULT_SHAPES_DIR, SKOS_XL_ENTAILMENT
from bpo_kb.rules.derivations import apply_operations, update_operations
from bpo_kb.rules.sparql_engine import (
    CompiledRule,
    UnsupportedShapes,
    compile_rules,
    evaluate_rules,
)
from bpo_kb.skos.labels import preferred_label

__all__ = [
    "DEFAULT_REQUIRED_LANGUAGES",
    "ENGINES",
    "PROFILES",
    "Finding",
    "ValidationReport",
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

_SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_RANK = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, how bad, on which resource, and how to fix it."""

    severity: str
    code: str
    focus: str
    label: str
    message: str

    def sort_key(self) -> tuple[int, str, str, str]:
        return (_SEVERITY_RANK.get(self.severity, 9), self.code, self.focus, self.message)

    def as_line(self) -> str:
        return f"{self.severity} {self.code} {self.described()}"

    def described(self) -> str:
        """The focus, its label and the message: ``<iri> (label): message``."""
        label = f" ({self.label})" if self.label else ""
        return f"<{self.focus}>{label}: {self.message}"

    def as_dict(self) -> dict[str, str]:
        return {
            "severity": self.severity,
            "code": self.code,
            "focus": self.focus,
            "label": self.label,
            "message": self.message,
        }


@dataclass(frozen=True)
class RuleSummary:
    """How often one rule found something, with its first finding as an example."""

    severity: str
    code: str
    count: int
    example: Finding

    def as_line(self) -> str:
        return f"{self.severity} {self.code} {self.count:,} found, e.g. {self.example.described()}"


@dataclass
class ValidationReport:
    """Every finding of one validation run, sorted, with the SHACL report graph behind them."""

    findings: list[Finding]
    results_graph: Graph = field(repr=False)

    @property
    def conforms(self) -> bool:
        return self.count("Violation") == 0

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def counts(self) -> Counter[str]:
        return Counter(finding.severity for finding in self.findings)

    def by_rule(self) -> list[RuleSummary]:
        """One entry per rule that found something: violations first, then the most frequent."""
        groups: dict[tuple[str, str], list[Finding]] = {}
        for finding in self.findings:
            groups.setdefault((finding.severity, finding.code), []).append(finding)
        summaries = [
            RuleSummary(s, code, len(found), found[0]) for (s, code), found in groups.items()
        ]
        return sorted(
            summaries, key=lambda r: (_SEVERITY_RANK.get(r.severity, 9), -r.count, r.code)
        )

    def summary(self) -> str:
        counts = self.counts()
        parts = [f"{counts.get(s, 0)} {s.lower()}(s)" for s in ("Violation", "Warning")]
        if counts.get("Info"):
            parts.append(f"{counts['Info']} info")
        verdict = "conforms" if self.conforms else "does not conform"
        return f"{verdict}: {', '.join(parts)}"


@functools.cache
def load_shapes(profile: str = "skos", shapes_dir: Path = DEFAULT_SHAPES_DIR) -> Graph:
    """The shapes graph of ``profile``, read from ``shapes_dir`` once per process."""
    try:
        files = PROFILES[profile]
    except KeyError:
        raise InputError(f"unknown profile {profile!r} (known: {', '.join(PROFILES)})") from None
    shapes = load_graph([shapes_dir / name for name in files])
    return shapes


ENGINES = ("auto", "sparql", "pyshacl")


@dataclass(frozen=True)
class _RawResult:
    """A validation result as either engine produces it, before it becomes a Finding."""

    focus: Node
    shape: Node
    severity: Node
    message: str | None
    value: Node | None = None


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
        store = load_store(paths, input_format)
    except UnsupportedTerm:
        return validate_graph(
            load_graph(paths, input_format),
            profile=profile,
            required_languages=required_languages,
            engine=engine,
        )
    data = Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
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
        raise InputError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    shapes_graph = shapes if shapes is not None else load_shapes(profile)
    labels = _LabelIndex(data, required_languages)
    _add_validation_data(data, required_languages)
    rules = _sparql_rules(shapes_graph, data) if engine != "pyshacl" else None
    if engine == "sparql" and rules is None:
        raise InputError(
            "the sparql engine cannot evaluate these shapes or this data; use --engine pyshacl"
        )
    if rules is not None:
        raw = _run_sparql(data, rules, progress)
    else:
        progress("validating with pySHACL")
        raw = _run_pyshacl(data, shapes_graph)
    findings = sorted(
        (_finding(shapes_graph, labels, result) for result in raw), key=Finding.sort_key
    )
    return ValidationReport(findings=findings, results_graph=_report_graph(raw, findings))


class _LabelIndex:
    """The prefLabel to show beside each focus node, looked up on demand and remembered."""

    def __init__(self, data: Graph, languages: Sequence[str]) -> None:
        self._data, self._languages = data, languages
        self._known: dict[Node, str] = {}

    def __call__(self, node: Node) -> str:
        if node not in self._known:
            self._known[node] = preferred_label(self._data, node, self._languages)
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
) -> list[_RawResult]:
    finished = 0

    def report(rule: CompiledRule) -> None:
        nonlocal finished
        finished += 1
        progress(f"rules checked: {finished}/{len(rules)} ({_shape_name(rule.shape)})")

    store = oxigraph_store_of(data)
    return [
        _RawResult(r.focus, r.shape, r.severity, r.messages[0] if r.messages else None)
        for r in evaluate_rules(store, rules, on_done=report)
    ]


def _run_pyshacl(data: Graph, shapes: Graph) -> list[_RawResult]:
    import pyshacl  # heavy: imported only when this engine runs

    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True
    )
    if not isinstance(results, Graph):  # pySHACL reports unusable shapes this way
        raise InputError(f"the shapes cannot be evaluated: {text.strip()}")
    return [
        _RawResult(
            focus=results.value(result, SH.focusNode),
            shape=results.value(result, SH.sourceShape),
            severity=results.value(result, SH.resultSeverity),
            message=_text_or_none(results.value(result, SH.resultMessage)),
            value=results.value(result, SH.value),
        )
        for result in results.subjects(RDF.type, SH.ValidationResult)
    ]


def _text_or_none(node: Node | None) -> str | None:
    return str(node) if node is not None else None


def _report_graph(raw: list[_RawResult], findings: list[Finding]) -> Graph:
    """A SHACL validation report (sh:ValidationReport) holding every result."""
    report = new_graph()
    report.bind("sh", str(SH))
    report.bind("bpos", "https://w3id.org/bpo-kb/shapes#")
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    conforms = all(f.severity != "Violation" for f in findings)
    report.add((root, SH.conforms, Literal(conforms)))
    for result in raw:
        node = BNode()
        report.add((root, SH.result, node))
        report.add((node, RDF.type, SH.ValidationResult))
        report.add((node, SH.focusNode, result.focus))
        report.add((node, SH.sourceShape, result.shape))
        report.add((node, SH.resultSeverity, result.severity))
        report.add((node, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        if result.message is not None:
            report.add((node, SH.resultMessage, Literal(result.message)))
        if result.value is not None:
            report.add((node, SH.value, result.value))
    return report


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


def _finding(shapes: Graph, labels: _LabelIndex, result: _RawResult) -> Finding:
    code = shapes.value(result.shape, BPOV.code)
    return Finding(
        severity=_SEVERITY_NAMES.get(result.severity, str(result.severity)),
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
