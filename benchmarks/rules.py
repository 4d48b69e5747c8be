"""Where validation's time goes on one vocabulary, rule by rule.

Usage: python -m benchmarks.rules FILE [FILE...] [--profile skos|bpo] [--runs N]

Prepares the data as ``bpo-kb validate`` does (Oxigraph's bulk load, the term records, the
settings, reference data and derivations), then runs each rule alone, on one thread, ``--runs``
times, and prints one row per rule, the most expensive first: its median seconds, its share of
the sum and its results. ``validate`` runs the rules on every core at once, so the sum over the
number of cores is the least time the rules can take there; the Oxigraph bulk load of the same
files, timed here too, is what the benchmark table's ratios divide by.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph

from bpo_kb.rdf.read import read_graph
from bpo_kb.rdf.stores import QUERY_STORE, oxigraph_store_of
from bpo_kb.rules.sparql_engine import CompiledRule, _available_cores, evaluate_rules
from bpo_kb.rules.validation import (
    PROFILES,
    Settings,
    _add_validation_data,
    _code,
    _shape_name,
    _sparql_rules,
    load_shapes,
)
from bpo_kb.skos.term_records import add_term_records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.rules", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="skos")
    parser.add_argument("--runs", type=int, default=1, help="runs of each rule (median shown)")
    arguments = parser.parse_args(argv)

    started = time.perf_counter()
    limit = pyoxigraph.Store()
    for path in arguments.files:
        limit.bulk_load(path=str(path))
    bulk_load = time.perf_counter() - started
    del limit

    data = read_graph(arguments.files, store=QUERY_STORE)
    add_term_records(data, arguments.files, for_validation=True)
    settings = Settings(profile=arguments.profile)
    started = time.perf_counter()
    _add_validation_data(data, settings)
    derivations = time.perf_counter() - started

    shapes = load_shapes(arguments.profile)
    rules = _sparql_rules(shapes, data)
    if rules is None:
        print("the SPARQL engine cannot run these rules on this data", file=sys.stderr)
        return 2
    store = oxigraph_store_of(data)
    timed = sorted(
        ((*_timed(store, rule, arguments.runs), _name(shapes, rule)) for rule in rules),
        key=lambda row: (-row[0], row[2]),
    )
    total = sum(seconds for seconds, _, _ in timed)
    threads = _available_cores()  # what validate runs the rules on
    width = max(len(name) for _, _, name in timed)
    print(f"{'rule':<{width}} | {'median s':>8} | {'share':>6} | results")
    print(f"{'-' * width}-|-{'-' * 8}-|-{'-' * 6}-|--------")
    for seconds, results, name in timed:
        print(f"{name:<{width}} | {seconds:8.3f} | {seconds / total:6.1%} | {results:,}")
    print(
        f"\n{len(timed)} rules, {total:.2f} s one after the other; validate runs them on"
        f" {threads} threads here, so in no less than {total / threads:.2f} s"
        f" ({total / threads / bulk_load:.1f}x the bulk load)\n"
        f"bulk load of the same files: {bulk_load:.2f} s; derivations: {derivations:.2f} s"
    )
    return 0


def _name(shapes: object, rule: CompiledRule) -> str:
    """The rule's code, and its shape's name where that differs (two shapes share a code when
    one finding has two severities, as DEFINITION_LANG_MISSING has)."""
    code, shape = _code(shapes, rule.shape), _shape_name(rule.shape)  # type: ignore[arg-type]
    return code if code == shape else f"{code} ({shape})"


def _timed(store: object, rule: CompiledRule, runs: int) -> tuple[float, int]:
    """The median seconds of ``runs`` evaluations of ``rule`` alone, and its results."""
    times, results = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        results = len(evaluate_rules(store, [rule], workers=1))
        times.append(time.perf_counter() - started)
    return statistics.median(times), results


if __name__ == "__main__":
    sys.exit(main())
