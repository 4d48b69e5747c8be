"""A validation run's findings: one row per result, summaries per rule, the SHACL report graph,
and the report formats the CLI prints (:data:`REPORT_FORMATS`)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from rdflib import BNode, Graph, Literal
from rdflib.term import Node

from bpo_kb.rdf.namespaces import RDF, SH
from bpo_kb.rdf.stores import new_graph

__all__ = [
    "FAIL_LEVELS",
    "REPORT_FORMATS",
    "SEVERITY_NAMES",
    "Finding",
    "RawResult",
    "RuleSummary",
    "ValidationReport",
]

SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_RANK = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class RawResult:
    """A validation result as either engine produces it, before it becomes a Finding."""

    focus: Node
    shape: Node
    severity: Node
    message: str | None
    value: Node | None = None


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
    """Every finding of one validation run, sorted, each with the engine's result behind it
    (``results[i]`` is the result of ``findings[i]``)."""

    findings: list[Finding]
    results: list[RawResult] = field(repr=False)

    @cached_property
    def results_graph(self) -> Graph:
        """The SHACL report graph, made on first use (only the Turtle report reads it: a
        thesaurus with 25,000 findings takes seconds to put in a graph)."""
        return _report_graph(self.findings, self.results)

    @property
    def conforms(self) -> bool:
        return self.count("Violation") == 0

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def failing(self, fail_on: str) -> int:
        """How many findings are at or above ``fail_on`` (a key of :data:`FAIL_LEVELS`)."""
        return sum(self.count(severity) for severity in FAIL_LEVELS[fail_on])

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

    def summary(self, fail_on: str = "violation") -> str:
        """``does not conform: ...`` when there are violations or findings at ``fail_on`` (so
        whenever the exit code is 1), else ``conforms: ...``; with the count per severity."""
        counts = self.counts()
        parts = [f"{counts.get(s, 0)} {s.lower()}(s)" for s in ("Violation", "Warning")]
        if counts.get("Info"):
            parts.append(f"{counts['Info']} info")
        verdict = "does not conform" if self.failing(fail_on) or not self.conforms else "conforms"
        return f"{verdict}: {', '.join(parts)}"


def _report_graph(findings: list[Finding], results: list[RawResult]) -> Graph:
    """A SHACL validation report (sh:ValidationReport) holding every result, in the order of
    ``results``. Its blank nodes are named by that order, so the same findings give the same
    report, byte for byte, in every run."""
    report = new_graph()
    report.bind("sh", str(SH))
    report.bind("bpos", "https://w3id.org/bpo-kb/shapes#")
    root = BNode("report")
    report.add((root, RDF.type, SH.ValidationReport))
    conforms = all(finding.severity != "Violation" for finding in findings)
    report.add((root, SH.conforms, Literal(conforms)))
    width = len(str(len(results)))
    for index, result in enumerate(results):
        node = BNode(f"result{index:0{width}d}")
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


def _text_lines(report: ValidationReport) -> str:
    return "\n".join(finding.as_line() for finding in report.findings)


def _summary_lines(report: ValidationReport) -> str:
    return "\n".join(rule.as_line() for rule in report.by_rule())


def _json(report: ValidationReport) -> str:
    return json.dumps([f.as_dict() for f in report.findings], indent=2, ensure_ascii=False)


def _turtle(report: ValidationReport) -> str:
    return report.results_graph.serialize(format="turtle")


# Report format -> its rendering; text and summary are for people, json and turtle for tools.
REPORT_FORMATS: dict[str, Callable[[ValidationReport], str]] = {
    "text": _text_lines,
    "json": _json,
    "turtle": _turtle,
    "summary": _summary_lines,
}

# --fail-on level -> the severities that make the exit code 1.
FAIL_LEVELS: dict[str, tuple[str, ...]] = {
    "violation": ("Violation",),
    "warning": ("Violation", "Warning"),
    "never": (),
}
