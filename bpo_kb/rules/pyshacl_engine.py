"""The reference engine: pySHACL evaluates the shapes once per focus node. Slow on large
vocabularies, but it reads any SHACL; the SPARQL engine's findings are tested against it."""

from __future__ import annotations

from rdflib import Graph
from rdflib.term import Node

from bpo_kb.errors import UnsupportedShapes
from bpo_kb.rdf.namespaces import RDF, SH
from bpo_kb.rules.report import RawResult

__all__ = ["run_pyshacl"]


def run_pyshacl(data: Graph, shapes: Graph) -> list[RawResult]:
    """Every result of pySHACL on ``data`` against ``shapes``."""
    import pyshacl  # heavy: imported only when this engine runs

    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True
    )
    if not isinstance(results, Graph):  # pySHACL reports unusable shapes this way
        raise UnsupportedShapes(f"the shapes cannot be evaluated: {text.strip()}")
    return [
        RawResult(
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
