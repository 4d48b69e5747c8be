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

from rdflib import BNode, Graph, Literal
from rdflib.term import Node

from bpo_kb.errors import InputError
from bpo_kb.graphs import DEFAULT_STORE, QUERY_STORE, add_turtle_file, load_graph, new_graph
from bpo_kb.namespaces import BPOV, RDF, SH
from bpo_kb.resources import DEFAULT_SHAPES_DIR
from bpo_kb.vocabulary import preferred_label

__all__ = [
    "DEFAULT_REQUIRED_LANGUAGES",
    "PROFILES",
    "Finding",
    "ValidationReport",
    "load_shapes",
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
        label = f" ({self.label})" if self.label else ""
        return f"{self.severity} {self.code} <{self.focus}>{label}: {self.message}"

    def as_dict(self) -> dict[str, str]:
        return {
            "severity": self.severity,
            "code": self.code,
            "focus": self.focus,
            "label": self.label,
            "message": self.message,
        }


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


def validate_graph(
    graph: Graph,
    *,
    profile: str = "skos",
    required_languages: Sequence[str] = DEFAULT_REQUIRED_LANGUAGES,
    shapes: Graph | None = None,
) -> ValidationReport:
    """Validate ``graph`` (left unchanged) and return its findings.

    Args:
        graph: the vocabulary.
        profile: a key of :data:`PROFILES`, used when ``shapes`` is not given.
        required_languages: languages every concept needs a prefLabel and a definition in.
        shapes: a shapes graph to use instead of the profile's files.
    """
    import pyshacl  # heavy: imported only when validating

    shapes_graph = shapes if shapes is not None else load_shapes(profile)
    data = _with_settings(graph, required_languages)
    _, results_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", allow_warnings=True
    )
    findings = sorted(
        (
            _finding(results_graph, shapes_graph, graph, result, required_languages)
            for result in results_graph.subjects(RDF.type, SH.ValidationResult)
        ),
        key=Finding.sort_key,
    )
    return ValidationReport(findings=findings, results_graph=results_graph)


def _with_settings(
    graph: Graph, required_languages: Sequence[str], shapes_dir: Path = DEFAULT_SHAPES_DIR
) -> Graph:
    """A copy of ``graph`` with what the shapes read besides the data: this run's settings and
    the reference data in ``shapes_dir`` (the ISO 639 codes)."""
    data = new_graph(QUERY_STORE)
    try:
        data += graph
    except ValueError:  # Oxigraph refuses malformed language tags; rdflib's store keeps them
        data = new_graph(DEFAULT_STORE)
        data += graph
    for name in REFERENCE_DATA:
        add_turtle_file(data, shapes_dir / name)
    for language in required_languages:
        data.add((BPOV.settings, BPOV.requiredLanguage, Literal(language)))
    return data


def _finding(
    results: Graph, shapes: Graph, data: Graph, result: Node, languages: Sequence[str]
) -> Finding:
    focus = results.value(result, SH.focusNode)
    shape = results.value(result, SH.sourceShape)
    severity = results.value(result, SH.resultSeverity)
    code = shapes.value(shape, BPOV.code) if shape is not None else None
    message = results.value(result, SH.resultMessage)
    return Finding(
        severity=_SEVERITY_NAMES.get(severity, str(severity)),
        code=str(code) if code is not None else _shape_name(shape),
        focus=_node_text(focus),
        label=preferred_label(data, focus, languages),
        message=str(message) if message is not None else _default_message(results, result),
    )


def _node_text(node: Node | None) -> str:
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node) if node is not None else ""


def _shape_name(shape: Node | None) -> str:
    return _node_text(shape).rsplit("#", 1)[-1] if shape is not None else "SHACL"


def _default_message(results: Graph, result: Node) -> str:
    component = results.value(result, SH.sourceConstraintComponent)
    return f"fails {_node_text(component).rsplit('#', 1)[-1]}"
