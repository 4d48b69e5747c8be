"""Print the benchmark table: `python -m benchmarks [--sizes 1000,10000,100000] [--runs 3]`.

Inputs: synthetic vocabularies from two generators, ``--generators`` (benchmarks/synthetic.py,
wide and shallow with a few planted defects, and benchmarks/deep.py, deep and narrow with many
labels and findings planted at 5% of the concepts; the ``defects`` variant for parse, validate,
validate-sparql (the same rules in an Oxigraph server), search and queries, the ``clean`` one
for build, which refuses invalid sources) and the real thesauri of ../shared/peer/vocabularies
when that folder is there. Every operation runs in a fresh interpreter; each cell is the median
wall time of ``--runs`` runs (``--real-runs``, one by default, for the real thesauri), the peak
RSS of the worst run (summed over the operation's process and the helpers it forks), and triples
per second. In the same run: the limit (pyoxigraph parse alone, and bulk load into a store),
and, at the ``--baseline-sizes`` (none unless asked: it takes minutes), the baseline (rdflib's
in-memory graph + pySHACL with default options and the same shapes), so that every figure is
also a ratio. The ``peer`` rows (benchmarks/peers.py) pair a peer's run with bpo-kb's in each
round, on the real thesauri and the first generator's vocabularies at the ``--peer-sizes``, for
each peer that is installed.

The runs are made in rounds, each running every operation of an input once, and the ratio to the
bulk load is the median of each round's own ratio: on a shared machine whose speed drifts by a
third within minutes, an operation is compared with a bulk load measured beside it.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import deep, peers, synthetic
from benchmarks.processes import REPO_ROOT, run_once

GENERATORS = {"synthetic": synthetic.write_vocabulary, "deep": deep.write_vocabulary}
VOCABULARIES = REPO_ROOT.parent / "shared" / "peer" / "vocabularies"
REAL = ("stw-9.06.ttl", "unesco-thesaurus.ttl", "eurovoc-fr-en.ttl")
SYNTHETIC_OPERATIONS = (
    "limit-parse",
    "limit-bulk-load",
    "parse",
    "validate",
    "validate-sparql",
    "build",
    "search",
    "queries",
)
VALIDATE_SETTINGS = (
    "validate runs as `bpo-kb validate FILE --profile skos --require-lang fr,en`; its findings "
    "are the lines that command prints, and 'rule x focus' counts each rule once per concept "
    "(what the baseline's findings are compared on)"
)
REAL_OPERATIONS = ("limit-parse", "limit-bulk-load", "parse", "validate", "search", "queries")


def measure(name: str, sources: dict[str, Path], runs: int) -> dict[str, dict[str, object]]:
    """For each operation (run on its source file): the median seconds, the peak RSS and, when
    the bulk load is among them, the median ratio to it, over ``runs`` rounds that run every
    operation once. An operation that fails is reported and left out of later rounds."""
    rounds: dict[str, list[dict[str, object]]] = {operation: [] for operation in sources}
    failed: dict[str, dict[str, object]] = {}
    for round_number in range(1, runs + 1):
        for operation, source in sources.items():
            if operation not in failed:
                outcome = run_once(operation, source)
                _progress(f"round {round_number}/{runs}: {name} {operation}", outcome)
                if "error" in outcome:
                    failed[operation] = outcome
                else:
                    rounds[operation].append(outcome)
    limits = [float(run["seconds"]) for run in rounds.get("limit-bulk-load", [])]
    results = {}
    for operation, runs_made in rounds.items():
        if operation in failed:
            results[operation] = failed[operation]
            continue
        seconds = [float(run["seconds"]) for run in runs_made]
        outcome = dict(runs_made[-1])
        outcome["seconds"] = statistics.median(seconds)
        outcome["rss_mb"] = max(float(run["rss_mb"]) for run in runs_made)
        if len(limits) == len(seconds):
            outcome["ratio"] = statistics.median(
                [s / limit for s, limit in zip(seconds, limits, strict=True)]
            )
        results[operation] = outcome
    return results


def cold_build(runs: int) -> float:
    """Median wall time of a whole `bpo-kb build` of the glossary, interpreter start included."""
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "bpo_kb", "build", "--out", out],
                cwd=REPO_ROOT,
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--baseline-sizes",
        default="",
        help="sizes at which to run the pySHACL baseline, e.g. 1000,10000 (none by default: it "
        "takes minutes per size)",
    )
    parser.add_argument(
        "--baseline-timeout",
        type=float,
        default=600,
        help="seconds after which the baseline is stopped (the table then gives a lower bound)",
    )
    parser.add_argument("--no-real", action="store_true", help="skip the real thesauri")
    parser.add_argument(
        "--real-runs",
        type=int,
        default=1,
        help="rounds for the real thesauri (default 1: validating them is most of the time a "
        "table takes; the synthetic inputs get --runs)",
    )
    parser.add_argument(
        "--generators",
        default=",".join(GENERATORS),
        help=f"synthetic generators to run at each size, of {', '.join(GENERATORS)}",
    )
    parser.add_argument(
        "--peer-sizes",
        default="10000",
        help="sizes of the first generator's vocabularies that the peers run on, as well as on "
        "the real thesauri (SkoHub Vocabs takes minutes)",
    )
    parser.add_argument("--peer-runs", type=int, default=1, help="rounds of each pairing")
    parser.add_argument(
        "--peer-timeout", type=float, default=900, help="seconds after which a peer is stopped"
    )
    parser.add_argument("--no-peers", action="store_true", help="skip the peer rows")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",") if size]
    baseline_sizes = {int(size) for size in arguments.baseline_sizes.split(",") if size}
    generators = [name for name in arguments.generators.split(",") if name]
    peer_sizes = {int(size) for size in arguments.peer_sizes.split(",") if size}
    missing = {} if arguments.no_peers else {p: peers.missing(p) for p in peers.PAIRS}
    for peer, why in missing.items():
        if why:
            print(f"note: peer {peer} skipped: {why}", file=sys.stderr)
    run_peers = [peer for peer, why in missing.items() if not why]
    rows: list[tuple[str, str, dict[str, object]]] = []
    with tempfile.TemporaryDirectory() as work:
        for size in sizes:
            for generator in generators:
                name = f"{generator} {size:,}"
                defects, clean = (
                    GENERATORS[generator](
                        Path(work) / f"{generator}-{size}-{variant}.ttl",
                        size,
                        defects=variant == "defects",
                    )
                    for variant in ("defects", "clean")
                )
                # The store's validation on the first generator only: it takes minutes at
                # 100,000 concepts, and one workload tells how it compares with in process.
                operations = [
                    op
                    for op in SYNTHETIC_OPERATIONS
                    if op != "validate-sparql" or generator == generators[0]
                ]
                sources = {op: clean if op == "build" else defects for op in operations}
                measured = measure(name, sources, arguments.runs)
                if size in baseline_sizes:  # once: it takes minutes
                    measured["baseline"] = run_once("baseline", defects, arguments.baseline_timeout)
                    _progress(f"{name} baseline", measured["baseline"])
                rows += [(name, operation, outcome) for operation, outcome in measured.items()]
                if size in peer_sizes and generator == generators[0]:
                    rows += _peer_rows(name, defects, clean, run_peers, arguments)
        if not arguments.no_real:
            if not VOCABULARIES.is_dir():
                print(f"note: {VOCABULARIES} is absent: real thesauri skipped", file=sys.stderr)
            else:
                for name in REAL:
                    source = VOCABULARIES / name
                    sources = dict.fromkeys(REAL_OPERATIONS, source)
                    measured = measure(name, sources, arguments.real_runs)
                    rows += [(name, operation, outcome) for operation, outcome in measured.items()]
                    rows += _peer_rows(name, source, source, run_peers, arguments)
    print_table(rows, cold_build(arguments.runs))
    for peer, why in missing.items():
        if why:
            print(f"peer {peer} skipped: {why}")
    return 0


def _peer_rows(
    name: str, validated: Path, built: Path, run_peers: list[str], arguments: argparse.Namespace
) -> list[tuple[str, str, dict[str, object]]]:
    """One `peer` row per peer: Skosify on the file that is validated, SkoHub Vocabs on the one
    that is built."""
    return [
        (
            name,
            "peer",
            peers.measure_peer(
                peer,
                name,
                validated if peer == "skosify" else built,
                arguments.peer_runs,
                arguments.peer_timeout,
                _progress,
            ),
        )
        for peer in run_peers
    ]


def _progress(what: str, outcome: dict[str, object]) -> None:
    result = f"{outcome['seconds']:.3f} s" if "seconds" in outcome else outcome.get("error")
    print(f"  {what}: {result}", file=sys.stderr, flush=True)


def print_table(rows: list[tuple[str, str, dict[str, object]]], cold: float) -> None:
    limits = {
        name: float(outcome["seconds"])
        for name, operation, outcome in rows
        if operation == "limit-bulk-load" and "seconds" in outcome
    }
    validated = {name: outcome for name, operation, outcome in rows if operation == "validate"}
    header = (
        "input",
        "operation",
        "triples",
        "median s",
        "x bulk load",
        "peak RSS MB",
        "triples/s",
        "notes",
    )
    table = [header]
    for name, operation, outcome in rows:
        if "timeout" in outcome and name in validated:
            bound = float(outcome["timeout"]) / float(validated[name]["seconds"])
            note = f"{outcome['error']}: validate is over {bound:.0f}x faster"
            table.append((name, operation, "", f"> {outcome['timeout']:.0f}", "", "", "", note))
            continue
        if "error" in outcome:
            table.append((name, operation, "", "", "", "", "", f"error: {outcome['error']}"))
            continue
        seconds, triples = float(outcome["seconds"]), int(outcome.get("triples", 0))
        ratio = float(outcome.get("ratio") or (seconds / limits[name] if limits.get(name) else 0))
        notes = []
        if "findings" in outcome:
            planted = (
                f", planted {outcome['planted found']}" if name.split()[0] in GENERATORS else ""
            )
            distinct = f"{outcome['rule x focus']:,} rule x focus"
            notes.append(f"{outcome['findings']:,} findings ({distinct}){planted}")
        if operation == "baseline" and name in validated:
            same = outcome.get("digest") == validated[name].get("digest")
            speedup = seconds / float(validated[name]["seconds"])
            notes.append(
                f"validate is {speedup:.0f}x faster; findings identical: {'yes' if same else 'NO'}"
            )
        if operation == "validate-sparql" and name in validated:
            same = outcome.get("digest") == validated[name].get("digest")
            ratio_to_validate = seconds / float(validated[name]["seconds"])
            notes.append(
                f"{ratio_to_validate:.1f}x validate in process; findings identical: "
                f"{'yes' if same else 'NO'}"
            )
        if "rows" in outcome:
            notes.append(", ".join(f"{k} {v}" for k, v in outcome["rows"].items()))
        if "hits" in outcome:
            notes.append(f"{outcome['hits']} hits")
        if "peer" in outcome:
            notes.append(peers.note(outcome))
        table.append(
            (
                name,
                operation,
                f"{triples:,}",
                f"{seconds:.3f}",
                f"{ratio:.1f}",
                f"{outcome['rss_mb']:.0f}" if "rss_mb" in outcome else "",
                f"{triples / seconds:,.0f}" if seconds else "",
                "; ".join(notes),
            )
        )
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    for index, row in enumerate(table):
        print(" | ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            print("-|-".join("-" * width for width in widths))
    print(f"\nglossary: `bpo-kb build` from a cold start (interpreter included): {cold:.2f} s")
    print(VALIDATE_SETTINGS)
    _print_growth(rows)


def _print_growth(rows: list[tuple[str, str, dict[str, object]]]) -> None:
    by_key = {(name, operation): outcome for name, operation, outcome in rows}
    for generator in GENERATORS:
        sizes = sorted(
            {
                int(name.split()[1].replace(",", ""))
                for name, _, _ in rows
                if name.split()[0] == generator
            }
        )
        if len(sizes) < 2:
            continue
        small, large = sizes[0], sizes[-1]
        which = "" if generator == "synthetic" else f" ({generator})"
        for operation in ("validate", "build"):
            first = by_key.get((f"{generator} {small:,}", operation), {})
            last = by_key.get((f"{generator} {large:,}", operation), {})
            if "seconds" in first and "seconds" in last:
                growth = (float(last["seconds"]) / float(first["seconds"])) / (large / small)
                print(
                    f"growth {small:,} -> {large:,} concepts, {operation}{which}: "
                    f"{growth:.2f}x linear"
                )


if __name__ == "__main__":
    sys.exit(main())
