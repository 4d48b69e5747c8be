"""The command line as a user meets it: exit codes 0/1/2 and the lines that matter."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bpo_kb.build import SITE_FOLDER
from bpo_kb.cli import main
from bpo_kb.formats.registry import FILE_FORMATS
from bpo_kb.resources import DEFAULT_ONTOLOGY_DIR

PAYROLL = "https://w3id.org/bpo-kb/payroll"


@pytest.fixture
def ontology_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "ontology"
    shutil.copytree(DEFAULT_ONTOLOGY_DIR, copy)
    return copy


@pytest.fixture
def previous_exports(tmp_path: Path) -> Path:
    """An exports folder holding files from an earlier build."""
    out = tmp_path / "exports"
    out.mkdir()
    for export_format in FILE_FORMATS.values():
        (out / export_format.filename).write_text("earlier build\n")
    return out


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: bpo-kb" in result.output


def test_export_help_says_what_each_format_is(runner: CliRunner) -> None:
    from bpo_kb.formats.registry import FORMATS

    result = runner.invoke(main, ["export", "--help"], terminal_width=1000)
    assert result.exit_code == 0
    for name, export_format in FORMATS.items():
        described = f"{name}, {export_format.description} ({export_format.filename}, "
        assert described + f"{export_format.media_type})" in " ".join(result.output.split())


def test_build_writes_every_export(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "0 violation(s)" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [*(f.filename for f in FILE_FORMATS.values()), SITE_FOLDER]
    )


def test_malformed_turtle_exits_2_with_file_and_line_and_writes_nothing(
    runner: CliRunner, ontology_copy: Path, previous_exports: Path
) -> None:
    concepts = ontology_copy / "concepts.ttl"
    _edit(concepts, 'skos:prefLabel "paie"@fr ,', 'skos:prefLabel "paie"@fr ,,')
    before = _snapshot(previous_exports)
    result = runner.invoke(
        main, ["build", "--ontology", str(ontology_copy), "--out", str(previous_exports)]
    )
    assert result.exit_code == 2
    line_number = next(
        number
        for number, line in enumerate(concepts.read_text(encoding="utf-8").splitlines(), 1)
        if '"paie"@fr ,,' in line
    )
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"{concepts}:{line_number}: ")
    assert "Traceback" not in result.output
    assert _snapshot(previous_exports) == before


def test_violations_exit_1_name_concept_rule_and_fix_and_write_nothing(
    runner: CliRunner, ontology_copy: Path, previous_exports: Path
) -> None:
    _edit(ontology_copy / "concepts.ttl", '"paie"@fr , "payroll"@en ;', '"paie"@fr ;')
    # the label's term record goes with it, as an editor removes both
    _edit(
        ontology_copy / "terms.csv", "bpo:payroll,en,payroll,preferredTerm,noun,,fullForm,,\n", ""
    )
    before = _snapshot(previous_exports)
    result = runner.invoke(
        main, ["build", "--ontology", str(ontology_copy), "--out", str(previous_exports)]
    )
    assert result.exit_code == 1
    assert (
        f"Violation PREFLABEL_LANG_MISSING <{PAYROLL}> (paie): no skos:prefLabel in required "
        'language "en"; add one ("..."@en)'
    ) in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1].startswith("does not conform: 1 violation(s)")
    assert _snapshot(previous_exports) == before


def test_validate_the_glossary_conforms(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0
    assert "conforms: 0 violation(s)" in result.output


def test_validate_json_lists_findings(runner: CliRunner, ontology_copy: Path) -> None:
    _edit(ontology_copy / "concepts.ttl", '"paie"@fr , "payroll"@en ;', '"paie"@fr ;')
    result = runner.invoke(main, ["validate", str(ontology_copy), "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert {
        "severity": "Violation",
        "code": "PREFLABEL_LANG_MISSING",
        "focus": PAYROLL,
        "label": "paie",
    } in [{k: f[k] for k in ("severity", "code", "focus", "label")} for f in findings]


def test_missing_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["validate", str(tmp_path / "nope.ttl")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_unknown_export_format_lists_the_choices(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", "--format", "docx"])
    assert result.exit_code == 2
    for name in FILE_FORMATS:
        assert name in result.stderr


def test_export_one_format_to_a_file_and_to_stdout(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "glossary.jsonld"
    result = runner.invoke(main, ["export", "--format", "jsonld", "-o", str(target)])
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["@graph"]
    result = runner.invoke(main, ["export", "--format", "turtle", "-o", "-"])
    assert result.exit_code == 0
    assert "bpo:offshore-outsourcing" in result.stdout


def test_export_refuses_an_invalid_vocabulary(
    runner: CliRunner, ontology_copy: Path, tmp_path: Path
) -> None:
    _edit(ontology_copy / "concepts.ttl", '"paie"@fr , "payroll"@en ;', '"paie"@fr ;')
    target = tmp_path / "out.ttl"
    result = runner.invoke(
        main, ["export", "--format", "turtle", "--ontology", str(ontology_copy), "-o", str(target)]
    )
    assert result.exit_code == 1
    assert not target.exists()


# `python -m bpo_kb` whose last writer holds the build once it has written its file: every
# temporary file of the build then exists and no rename has happened yet, until a signal comes.
HOLDING_BUILD = """
import runpy, sys, time
from pathlib import Path

import bpo_kb.files

real_write_new_files = bpo_kb.files.write_new_files
holding_marker = Path(sys.argv.pop(1))

def write_new_files_holding_at_the_last_file(batches, **options):
    *earlier, last_batch = batches
    *before, (last, write) = last_batch.items()

    def write_then_hold(stream):
        write(stream)
        holding_marker.write_text("every file but the last is written")
        time.sleep(60)  # SIGTERM ends this; without one the build goes on, and the test fails

    held = {**dict(before), last: write_then_hold}
    return real_write_new_files([*earlier, held], **options)

bpo_kb.files.write_new_files = write_new_files_holding_at_the_last_file
runpy.run_module("bpo_kb", run_name="__main__", alter_sys=True)
"""


@pytest.mark.slow
def test_sigterm_during_a_build_removes_its_temporary_files_and_keeps_earlier_exports(
    tmp_path: Path,
) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    earlier = out_dir / FILE_FORMATS["turtle"].filename
    earlier.write_bytes(b"earlier export")
    holding = tmp_path / "holding"
    build = subprocess.Popen(
        [sys.executable, "-c", HOLDING_BUILD, str(holding), "build", "--out", str(out_dir)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not holding.exists():
            assert build.poll() is None, f"the build ended before writing: {build.stderr.read()}"
            assert time.monotonic() < deadline, "the build never reached its last file"
            time.sleep(0.05)
        assert list(out_dir.glob(".staging-*/*")), "the build holds with no file written"

        os.kill(build.pid, signal.SIGTERM)
        _, errors = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()

    assert build.returncode == 128 + signal.SIGTERM
    assert errors.strip().splitlines()[-1] == (
        "stopped by SIGTERM; files being written were removed, earlier ones are intact"
    )
    assert "Traceback" not in errors
    assert not list(out_dir.rglob(".*.tmp"))
    assert not list(out_dir.glob(".staging-*"))
    assert earlier.read_bytes() == b"earlier export"
