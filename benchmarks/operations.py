"""One measured operation, run in a fresh interpreter by benchmarks/__main__.py.

Usage: python -m benchmarks.operations OPERATION FILE [FILE...]

Prints one JSON line: the seconds the operation took (imports excluded, except for the
``cold-build`` row, timed from outside), the triples it handled, and what it found.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Every heavy import happens before the clock starts: the table measures work, not start-up
# (the cold-start row times a whole `bpo-kb build` process from outside). pySHACL, most of the
# start-up, is imported only for the baseline (see the end of this module).
import pyoxigraph
from rdflib import Graph

from benchmarks.deep import planted_path
from benchmarks.synthetic import BASE, PLANTED
from bpo_kb.build import build as build_exports
from bpo_kb.query import named_queries
from bpo_kb.rdf.namespaces import RDF, SH
from bpo_kb.rdf.read import input_format_for, oxigraph_format_for, read_graph
from bpo_kb.rdf.stores import QUERY_STORE, oxigraph_store_of
from bpo_kb.rules.report import RawResult
from bpo_kb.rules.validation import (
    Settings,
    _add_validation_data,
    _code,
    _finding,
    _LabelIndex,
    load_shapes,
    validate_endpoint,
    validate_files,
)
from bpo_kb.skos.search import search_concepts


def limit_parse(paths: list[Path]) -> dict[str, object]:
    count = sum(1 for path in paths for _ in pyoxigraph.parse(path=str(path), lenient=True))
    return {"triples": count}


def limit_bulk_load(paths: list[Path], input_format: str | None = None) -> dict[str, object]:
    store = pyoxigraph.Store()
    for path in paths:  # the format as bpo-kb reads it: Oxigraph guesses none for .owl
        rdf_format = input_format_for(path, input_format)
        store.bulk_load(path=str(path), format=oxigraph_format_for(rdf_format))
    return {"triples": len(store)}


def parse(paths: list[Path]) -> dict[str, object]:
    # Counted in Oxigraph: len() of the rdflib graph walks every triple through rdflib's layer
    # (0.4 s at 10k concepts), which is no part of reading.
    return {"triples": len(oxigraph_store_of(read_graph(paths, store=QUERY_STORE)))}


def validate(paths: list[Path]) -> dict[str, object]:
    started = time.perf_counter()
    report = validate_files(paths, profile="skos")
    seconds = time.perf_counter() - started
    return {"triples": _triples(paths), "seconds": seconds, **_report_summary(report, paths)}


def validate_sparql(paths: list[Path]) -> dict[str, object]:
    """validate --sparql --store: the same rules inside an Oxigraph server (tests/servers.py,
    on 127.0.0.1), loaded before the clock starts and stopped by process id after; what
    validation adds goes to a temporary graph there (the clock includes writing it)."""
    from bpo_kb.remote.http import Limits, remote_limits
    from tests.servers import start_oxigraph

    graph_iri = "https://example.org/benchmark"
    binary = str(Path(sys.executable).parent / "oxigraph")
    with tempfile.TemporaryDirectory() as folder, remote_limits(Limits(timeout=3600)):
        for path in paths:  # the bulk loader, server stopped: faster than a PUT, and unbounded
            load = ["load", "--location", f"{folder}/data", "--file", str(path)]
            subprocess.run([binary, *load, "--graph", graph_iri], check=True, capture_output=True)
        server = start_oxigraph(Path(folder))
        try:
            started = time.perf_counter()
            report = validate_endpoint(
                server.query_url, graph_iri=graph_iri, store_url=server.store_url, profile="skos"
            )
            seconds = time.perf_counter() - started
        finally:
            server.stop()
    return {"triples": _triples(paths), "seconds": seconds, **_report_summary(report, paths)}


def baseline(paths: list[Path]) -> dict[str, object]:
    """rdflib's in-memory graph and pyshacl.validate with default options, same shapes."""
    import pyshacl

    data = Graph()
    for path in paths:
        data.parse(path)
    _add_validation_data(data, Settings(profile="skos", required_languages=("fr", "en")))
    shapes = load_shapes("skos")
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes)
    labels = _LabelIndex(data, ("fr", "en"))
    findings = [
        _finding(
            _code(shapes, results.value(r, SH.sourceShape)),
            labels,
            RawResult(
                results.value(r, SH.focusNode),
                results.value(r, SH.sourceShape),
                results.value(r, SH.resultSeverity),
                None,
            ),
        )
        for r in results.subjects(RDF.type, SH.ValidationResult)
    ]
    return {"triples": len(data), **_findings_summary(findings, paths)}


def skosify_check(paths: list[Path]) -> dict[str, object]:
    """Skosify, a peer, with its default options (its checks and corrections, as its command
    runs them), writing its output to a temporary Turtle file; its warnings counted."""
    import skosify
    from skosify.rdftools import write_rdf

    warnings = _WarningCount()
    logging.getLogger().addHandler(warnings)
    started = time.perf_counter()
    graph = skosify.skosify(*(str(path) for path in paths))
    with tempfile.TemporaryDirectory() as out:
        write_rdf(graph, str(Path(out) / "skosified.ttl"), "turtle")
    seconds = time.perf_counter() - started
    return {"triples": _triples(paths), "seconds": seconds, "warnings": warnings.count}


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def build(paths: list[Path]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as out:
        result = build_exports(paths[0], Path(out))
        size = sum(p.stat().st_size for p in Path(out).iterdir())
    return {"triples": result.triples, "bytes written": size}


def search(paths: list[Path]) -> dict[str, object]:
    graph = read_graph(paths)
    started = time.perf_counter()
    hits = search_concepts(graph, "term 42")
    return {"triples": len(graph), "hits": len(hits), "seconds": time.perf_counter() - started}


def queries(paths: list[Path]) -> dict[str, object]:
    store = oxigraph_store_of(read_graph(paths, store=QUERY_STORE))
    started = time.perf_counter()
    rows = {
        name: sum(1 for _ in store.query(named_queries()[name].text))
        for name in ("language-stats", "hierarchy", "mappings")
    }
    return {"triples": len(store), "rows": rows, "seconds": time.perf_counter() - started}


def _triples(paths: list[Path]) -> int:
    return sum(1 for path in paths for _ in pyoxigraph.parse(path=str(path), lenient=True))


def _report_summary(report: object, paths: list[Path]) -> dict[str, object]:
    return _findings_summary(report.findings, paths)  # type: ignore[attr-defined]


def _planted(paths: list[Path]) -> set[tuple[str, str]]:
    """The (rule code, focus) pairs planted in ``paths``: as benchmarks/deep.py lists them beside
    its files, else those of benchmarks/synthetic.py."""
    lists = [planted_path(path) for path in paths if planted_path(path).is_file()]
    if lists:
        lines = (line for listed in lists for line in listed.read_text().splitlines())
        return {(code, focus) for code, focus in (line.split("\t") for line in lines)}
    return {(code, f"{BASE}c{at}") for code, at in PLANTED.items()}


def _findings_summary(findings: list[object], paths: list[Path]) -> dict[str, object]:
    keys = sorted({(f.code, f.severity, f.focus) for f in findings})  # type: ignore[attr-defined]
    planted = _planted(paths)
    found = planted & {(code, focus) for code, _, focus in keys}
    return {
        "findings": len(findings),
        "rule x focus": len(keys),
        "planted found": f"{len(found):,}/{len(planted):,}",
        "digest": hashlib.sha1(repr(keys).encode()).hexdigest()[:10],
    }


OPERATIONS = {
    "limit-parse": limit_parse,
    "limit-bulk-load": limit_bulk_load,
    "parse": parse,
    "validate": validate,
    "validate-sparql": validate_sparql,
    "baseline": baseline,
    "skosify": skosify_check,
    "build": build,
    "search": search,
    "queries": queries,
}

if __name__ == "__main__":
    operation, files = sys.argv[1], [Path(p) for p in sys.argv[2:]]
    if operation == "baseline":
        import pyshacl  # noqa: F401 - before the clock starts, as every other import
    if operation == "skosify":
        import skosify  # noqa: F401 - the same
    started = time.perf_counter()
    outcome = OPERATIONS[operation](files)
    outcome.setdefault("seconds", time.perf_counter() - started)
    print(json.dumps(outcome), flush=True)
    os._exit(0)  # the process's own teardown (freeing a large graph) is no part of the table
