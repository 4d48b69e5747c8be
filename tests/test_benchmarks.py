"""The benchmark command runs and prints its table (tiny sizes: the figures are not checked)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import SYNTHETIC_OPERATIONS
from benchmarks.deep import planted
from benchmarks.peers import SKOHUB_VARIABLE

pytestmark = [pytest.mark.slow, pytest.mark.server]

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_prints_one_row_per_operation_with_its_ratio() -> None:
    command = [sys.executable, "-m", "benchmarks", "--sizes", "100,200", "--runs", "2"]
    command += ["--no-real", "--baseline-sizes", ""]
    finished = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=True)

    rows = [line.split(" | ") for line in finished.stdout.splitlines() if " | " in line]
    header, table = rows[0], rows[2:]
    cells = {(row[0].strip(), row[1].strip()): dict(zip(header, row, strict=True)) for row in table}
    assert [h.strip() for h in header][:5] == [
        "input",
        "operation",
        "triples",
        "median s",
        "x bulk load",
    ]
    assert {operation for _, operation in cells} == set(SYNTHETIC_OPERATIONS)
    for size in ("100", "200"):
        validate = cells[(f"synthetic {size}", "validate")]
        assert "planted 11/11" in validate[header[-1]]
        assert float(cells[(f"synthetic {size}", "limit-bulk-load")][header[4]]) == 1.0
        assert float(validate[header[4]]) > 1.0  # validating is more than loading
        in_store = cells[(f"synthetic {size}", "validate-sparql")][header[-1]]
        assert "findings identical: yes" in in_store, in_store
        planted_there = len(planted(int(size)))
        deep = cells[(f"deep {size}", "validate")][header[-1]]
        assert f"planted {planted_there}/{planted_there}" in deep
    assert "round 2/2: synthetic 200 build" in finished.stderr
    assert "round 2/2: deep 200 build" in finished.stderr
    assert "growth 100 -> 200 concepts, validate" in finished.stdout
    assert "growth 100 -> 200 concepts, validate (deep)" in finished.stdout


def test_the_baseline_runs_only_when_asked_and_findings_say_what_they_count() -> None:
    command = [sys.executable, "-m", "benchmarks", "--sizes", "100", "--runs", "1", "--no-real"]
    finished = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=True)

    operations = {
        line.split(" | ")[1].strip() for line in finished.stdout.splitlines()[2:] if " | " in line
    }
    assert "baseline" not in operations
    validate = next(line for line in finished.stdout.splitlines() if "| validate " in line)
    assert "16 findings (16 rule x focus), planted 11/11" in validate
    assert "--profile skos --require-lang fr,en" in finished.stdout


def _peer_rows(sizes: str, environment: dict[str, str]) -> tuple[list[str], str]:
    command = [sys.executable, "-m", "benchmarks", "--sizes", sizes, "--runs", "1", "--no-real"]
    command += ["--generators", "synthetic", "--peer-sizes", sizes]
    finished = subprocess.run(
        command, cwd=REPO_ROOT, capture_output=True, text=True, check=True, env=environment
    )
    rows = [line for line in finished.stdout.splitlines() if "| peer " in line]
    return rows, finished.stdout


def test_skosify_is_paired_with_validate_and_a_missing_skohub_is_a_note() -> None:
    environment = {k: v for k, v in os.environ.items() if k != SKOHUB_VARIABLE}
    rows, table = _peer_rows("100", environment)

    assert len(rows) == 1
    assert re.search(
        r"bpo-kb validate \d+\.\d s vs skosify (\d+\.\d) s: \d+\.\dx; skosify warned \d+ times",
        rows[0],
    )
    assert rows[0].startswith("synthetic 100 ")
    assert f"peer skohub skipped: {SKOHUB_VARIABLE} is not set" in table


@pytest.mark.skipif(
    not os.environ.get(SKOHUB_VARIABLE),
    reason=f"{SKOHUB_VARIABLE} names no checkout of SkoHub Vocabs (README, 'Benchmarks')",
)
def test_skohub_builds_the_site_paired_with_the_html_export(tmp_path: Path) -> None:
    rows, _ = _peer_rows("100", {**os.environ, "TMPDIR": str(tmp_path)})

    skohub = next(row for row in rows if "SkoHub Vocabs" in row)
    pages = re.search(
        r"bpo-kb export --format html \d+\.\d s vs SkoHub Vocabs \d+\.\d s \(([\d,]+) pages\)",
        skohub,
    )
    assert pages
    assert int(pages.group(1).replace(",", "")) > 100  # a page for each concept at least
    assert list(tmp_path.iterdir()) == []  # Gatsby's worker folders went with the app's


@pytest.mark.parametrize("profile", ["skos", "bpo"])
def test_the_rules_breakdown_times_every_rule_once(tmp_path: Path, profile: str) -> None:
    from benchmarks.synthetic import PLANTED, write_vocabulary
    from bpo_kb.rdf.namespaces import BPOV
    from bpo_kb.rules.sparql_engine import _available_cores
    from bpo_kb.rules.validation import load_shapes

    vocabulary = tmp_path / "defects.ttl"
    write_vocabulary(vocabulary, 200, defects=True)
    command = [sys.executable, "-m", "benchmarks.rules", str(vocabulary), "--runs", "2"]
    finished = subprocess.run(
        [*command, "--profile", profile], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )

    rows = [line.split(" | ") for line in finished.stdout.splitlines() if " | " in line][1:]
    codes = [row[0].split(" (")[0].strip() for row in rows]
    results = {code: 0 for code in codes}
    for code, row in zip(codes, rows, strict=True):
        results[code] += int(row[3].replace(",", ""))
    every_rule = [str(code) for code in load_shapes(profile).objects(None, BPOV.code)]
    assert sorted(codes) == sorted(every_rule)  # each shape once (two share a code)
    assert all(results[code] > 0 for code in PLANTED)  # the planted defects are found
    seconds = [float(row[1]) for row in rows]
    assert seconds == sorted(seconds, reverse=True)  # the most expensive first
    summary = re.search(
        r"(\d+) rules: ([\d.]+) s one after the other; on validate's (\d+) threads, the rules "
        r"alone take at least ([\d.]+) s \(([\d.]+)x the bulk load\)\n"
        r"bulk load of the same files: ([\d.]+) s",
        finished.stdout,
    )
    assert summary, finished.stdout
    count, total, threads, floor, ratio, bulk_load = summary.groups()
    assert int(count) == len(rows)
    assert float(total) == pytest.approx(sum(seconds), abs=0.001 * len(rows))
    assert int(threads) == _available_cores()
    assert float(floor) == pytest.approx(max(float(total) / int(threads), seconds[0]), abs=0.002)
    assert float(ratio) == pytest.approx(float(floor) / float(bulk_load), rel=0.1, abs=0.1)


def test_the_rules_breakdown_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "unterminated .\n')
    for path, problem in [(tmp_path / "missing.ttl", "no such file"), (broken, "broken.ttl:2")]:
        command = [sys.executable, "-m", "benchmarks.rules", str(path)]
        finished = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True)
        assert finished.returncode == 2
        assert finished.stdout == ""
        assert len(finished.stderr.splitlines()) == 1
        assert problem in finished.stderr


def test_a_failed_run_says_why_even_with_nothing_on_standard_error() -> None:
    from benchmarks.processes import failure

    assert failure(signal.SIGKILL, b"") == "killed by SIGKILL"  # a wait status: the signal
    assert failure(1 << 8, b"Traceback...\nTypeError: no\n") == "TypeError: no"
    assert failure(2 << 8, b"") == "exit status 2, nothing on standard error"
    assert failure(40, b"") == "killed by signal 40"  # a real-time signal, without a name


def test_a_peer_command_killed_by_a_signal_says_so(tmp_path: Path) -> None:
    from benchmarks.processes import run_command

    outcome = run_command(["sh", "-c", "kill -9 $$"], tmp_path, timeout=30)
    assert outcome == {"error": "killed by SIGKILL"}
