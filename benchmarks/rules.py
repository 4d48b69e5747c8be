"""Where validation's time goes on one vocabulary, rule by rule.

Usage: python -m benchmarks.rules FILE [FILE...] [--profile skos|bpo] [--runs N]
       [--input-format FORMAT]

Reads the files as ``bpo-kb validate`` does and adds what it adds (settings, reference data,
derivations), then runs each rule alone, on one thread, ``--runs`` times, and prints one row per
rule, the most expensive first: its median seconds, its share of the sum and its results. In
``validate`` the rules share one thread per core (at most four), so the rules alone take at
least the sum over the threads, and at least the slowest rule; that floor is printed beside an
Oxigraph bulk load of the same files, timed here too (median of ``--runs``), which is the limit
the benchmark table divides by (there in a fresh interpreter, so its figures differ a little).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from benchmarks.operations import limit_bulk_load
from bpo_kb.errors import BpoKbError
from bpo_kb.rdf.read import INPUT_FORMATS, rdf_files_in
from bpo_kb.rdf.stores import oxigraph_store_of
from bpo_kb.rules.sparql_engine import CompiledRule, _available_cores, evaluate_rules
from bpo_kb.rules.validation import (
    PROFILES,
    Settings,
    _add_validation_data,
    _code,
    _shape_name,
    _sparql_rules,
    load_shapes,
    validation_copy,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.rules", description=__doc__.splitlines()[0]
    )
    parser.add_argument("files", nargs="+", type=Path, help="RDF files or folders, as validate")
    parser.add_argument("--input-format", choices=sorted(set(INPUT_FORMATS.values())))
    parser.add_argument("--profile", choices=sorted(PROFILES), default="skos")
    parser.add_argument("--runs", type=_positive, default=1, help="runs of each (median shown)")
    arguments = parser.parse_args(argv)
    try:
        data = validation_copy(arguments.files, arguments.input_format)
    except BpoKbError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    _add_validation_data(data, Settings(profile=arguments.profile))
    added = time.perf_counter() - started
    shapes = load_shapes(arguments.profile)
    rules = _sparql_rules(shapes, data)  # None where the data is not in Oxigraph
    if rules is None:
        print(
            f"error: {', '.join(map(str, arguments.files))}: holds terms Oxigraph refuses,"
            " so validate runs pySHACL on it, not these rules one by one",
            file=sys.stderr,
        )
        return 2
    store = oxigraph_store_of(data)
    bulk_load = _bulk_load_seconds(arguments.files, arguments.input_format, arguments.runs)
    timed = sorted(
        ((*_timed(store, rule, arguments.runs), _name(shapes, rule)) for rule in rules),
        key=lambda row: (-row[0], row[2]),
    )
    _print(timed, bulk_load, added)
    return 0


def _bulk_load_seconds(paths: list[Path], input_format: str | None, runs: int) -> float | str:
    """The median seconds of an Oxigraph bulk load of ``paths`` (folders expanded), or why
    there is none: the bulk loader is strict, where validate reads leniently or with rdflib."""
    files = [file for path in paths for file in rdf_files_in(path)]
    try:
        return _median_seconds(lambda: limit_bulk_load(files, input_format), runs)
    except (ValueError, SyntaxError) as error:
        return f"Oxigraph's bulk loader refuses these files ({str(error).splitlines()[0]})"


def _print(timed: list[tuple[float, int, str]], bulk_load: float | str, added: float) -> None:
    total = sum(seconds for seconds, _, _ in timed)
    threads = _available_cores()  # what validate runs the rules on
    floor = max(total / threads, timed[0][0])
    width = max(len(name) for _, _, name in timed)
    print(f"{'rule':<{width}} | {'median s':>8} | {'share':>6} | results")
    print(f"{'-' * width}-|-{'-' * 8}-|-{'-' * 6}-|--------")
    for seconds, results, name in timed:
        print(f"{name:<{width}} | {seconds:8.3f} | {seconds / total:6.1%} | {results:,}")
    if isinstance(bulk_load, str):
        ratio, limit = "", f"no bulk load: {bulk_load}"
    else:
        ratio = f" ({floor / bulk_load:.1f}x the bulk load)"
        limit = f"bulk load of the same files: {bulk_load:.3f} s"
    print(
        f"\n{len(timed)} rules: {total:.3f} s one after the other; on validate's {threads}"
        f" threads, the rules alone take at least {floor:.3f} s{ratio}\n{limit};"
        f" settings, reference data and derivations added: {added:.3f} s"
    )


def _name(shapes: Graph, rule: CompiledRule) -> str:
    """The rule's code, and its shape's name where that differs (two shapes share a code when
    one finding has two severities, as DEFINITION_LANG_MISSING has)."""
    code, shape = _code(shapes, rule.shape), _shape_name(rule.shape)
    return code if code == shape else f"{code} ({shape})"


def _timed(store: object, rule: CompiledRule, runs: int) -> tuple[float, int]:
    """The median seconds of ``runs`` evaluations of ``rule`` alone, and its results."""
    results = 0

    def evaluate() -> None:
        nonlocal results
        results = len(evaluate_rules(store, [rule], workers=1))

    return _median_seconds(evaluate, runs), results


def _median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _positive(text: str) -> int:
    if not text.isdecimal() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of runs")
    return int(text)


if __name__ == "__main__":
    sys.exit(main())
