"""What a validation run checks is a setting: definition languages and their severity, rule
selection, the fail level; inputs without SKOS are refused; the Turtle report is stable; build
and export take the same settings, so any vocabulary gets its exports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from bpo_kb.cli import main
from bpo_kb.rdf.read import read_graph
from bpo_kb.rules.validation import validate_graph

EX = "http://example.org/voc/"


def _edited(data_dir: Path, tmp_path: Path, extra: str, drop: str = "") -> Path:
    """The minimal vocabulary with Turtle ``extra`` added and lines containing ``drop`` gone."""
    lines = (data_dir / "valid-minimal.ttl").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not drop or drop not in line]
    path = tmp_path / "vocabulary.ttl"
    path.write_text("\n".join(kept) + "\n" + extra, encoding="utf-8")
    return path


def _codes(result_stdout: str) -> list[tuple[str, str]]:
    """(severity, code) of each finding line of a text report."""
    return [
        (line.split()[0], line.split()[1])
        for line in result_stdout.splitlines()
        if line.startswith(("Violation ", "Warning ", "Info "))
    ]


def test_an_input_without_skos_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "not-skos.ttl"
    source.write_text('<http://example.org/a> <http://example.org/b> "c" .\n', encoding="utf-8")
    result = runner.invoke(main, ["validate", str(source)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{source}: no SKOS found (no skos:Concept and no skos:ConceptScheme)"
    )


def test_definition_languages_are_separate_from_label_languages(
    runner: CliRunner, data_dir: Path
) -> None:
    source = str(data_dir / "valid-minimal.ttl")
    labels_only = runner.invoke(
        main, ["validate", source, "--require-lang", "fr,en,de", "--require-definition-lang", "fr"]
    )
    found = _codes(labels_only.stdout)
    assert ("Violation", "PREFLABEL_LANG_MISSING") in found
    assert not any(code == "DEFINITION_LANG_MISSING" for _, code in found)
    definitions = runner.invoke(
        main, ["validate", source, "--require-definition-lang", "de", "--profile", "bpo"]
    )
    assert definitions.exit_code == 1
    assert ("Violation", "DEFINITION_LANG_MISSING") in _codes(definitions.stdout)


def test_missing_definitions_can_be_warnings(runner: CliRunner, data_dir: Path) -> None:
    source = str(data_dir / "valid-minimal.ttl")
    arguments = ["validate", source, "--require-definition-lang", "de"]
    as_warnings = runner.invoke(main, [*arguments, "--missing-definitions", "warning"])
    assert as_warnings.exit_code == 0, as_warnings.output
    assert ("Warning", "DEFINITION_LANG_MISSING") in _codes(as_warnings.stdout)
    # the skos profile, for any vocabulary, warns by default; the bpo profile requires them
    assert runner.invoke(main, arguments).exit_code == 0
    assert runner.invoke(main, [*arguments, "--profile", "bpo"]).exit_code == 1


def test_select_and_ignore_filter_rules_by_code(runner: CliRunner, data_dir: Path) -> None:
    source = str(data_dir / "valid-minimal.ttl")
    base = ["validate", source, "--require-lang", "fr,en,de"]
    everything = {code for _, code in _codes(runner.invoke(main, base).stdout)}
    assert {"PREFLABEL_LANG_MISSING", "DEFINITION_LANG_MISSING"} <= everything
    selected = runner.invoke(main, [*base, "--select", "DEFINITION_LANG_MISSING"])
    assert {code for _, code in _codes(selected.stdout)} == {"DEFINITION_LANG_MISSING"}
    ignored = runner.invoke(main, [*base, "--ignore", "DEFINITION_LANG_MISSING"])
    assert "DEFINITION_LANG_MISSING" not in {code for _, code in _codes(ignored.stdout)}
    unknown = runner.invoke(main, [*base, "--select", "DEFINITON_LANG_MISSING"])
    assert unknown.exit_code == 2
    assert "did you mean DEFINITION_LANG_MISSING?" in unknown.stderr


@pytest.mark.slow
def test_the_turtle_report_is_byte_identical_across_runs(data_dir: Path) -> None:
    source = str(data_dir / "valid-minimal.ttl")
    command = [sys.executable, "-m", "bpo_kb", "validate", source, "--require-lang", "fr,de"]
    runs = [
        subprocess.run([*command, "--format", "turtle"], capture_output=True, check=False)
        for _ in range(2)
    ]
    assert runs[0].returncode == 1, runs[0].stderr  # German labels are missing
    assert runs[0].stdout == runs[1].stdout
    assert b"sh:ValidationResult" in runs[0].stdout


def test_the_summary_does_not_conform_whenever_the_exit_code_is_1(
    runner: CliRunner, data_dir: Path
) -> None:
    source = str(data_dir / "valid-minimal.ttl")
    arguments = ["validate", source, "--require-definition-lang", "de"]
    lenient = runner.invoke(main, arguments)
    assert lenient.exit_code == 0
    assert lenient.stdout.splitlines()[-1].startswith("conforms: 0 violation(s)")
    strict = runner.invoke(main, [*arguments, "--fail-on", "warning"])
    assert strict.exit_code == 1
    assert strict.stdout.splitlines()[-1].startswith("does not conform: 0 violation(s)")


def test_include_hidden_with_another_format_is_bad_usage(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["export", "--format", "csv", "--include-hidden", "-o", str(tmp_path / "x.csv")]
    )
    assert result.exit_code == 2
    assert "only the tbx format can include hidden labels" in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_deprecated_concepts_are_exempt_from_label_definition_and_reachability_rules(
    data_dir: Path,
) -> None:
    graph = read_graph([data_dir / "valid-minimal.ttl"])
    graph.parse(
        data=f"""@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        <{EX}wolf> a skos:Concept ; skos:inScheme <{EX}scheme> ; owl:deprecated true ;
            skos:prefLabel "wolf"@en .
        <{EX}cat> a skos:Concept ; skos:inScheme <{EX}scheme> ; skos:prefLabel "cat"@en .
        """,
        format="turtle",
    )
    for engine in ("auto", "pyshacl"):
        found = {
            (f.code, f.focus) for f in validate_graph(graph, profile="bpo", engine=engine).findings
        }
        for code in ("PREFLABEL_LANG_MISSING", "DEFINITION_LANG_MISSING", "CONCEPT_UNREACHABLE"):
            assert (code, EX + "cat") in found, (engine, code)
            assert (code, EX + "wolf") not in found, (engine, code)
        assert ("ORPHAN_CONCEPT", EX + "cat") in found
        assert ("ORPHAN_CONCEPT", EX + "wolf") not in found


def test_padded_definitions_and_notes_are_reported(data_dir: Path) -> None:
    graph = read_graph([data_dir / "valid-minimal.ttl"])
    graph.parse(
        data=f'<{EX}dog> <http://www.w3.org/2004/02/skos/core#scopeNote> " A note."@en .',
        format="turtle",
    )
    findings = validate_graph(graph, profile="bpo").findings
    assert [(f.code, f.severity, f.focus) for f in findings] == [
        ("NOTE_PADDED", "Warning", EX + "dog")
    ]


@pytest.fixture
def third_party(tmp_path: Path) -> Path:
    """A German-English vocabulary with no definitions and a concept outside the hierarchy."""
    path = tmp_path / "third-party.ttl"
    path.write_text(
        """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/t/> .
ex:s a skos:ConceptScheme ; skos:prefLabel "Thesaurus"@de , "Thesaurus"@en ;
    skos:hasTopConcept ex:a .
ex:a a skos:Concept ; skos:inScheme ex:s ; skos:topConceptOf ex:s ;
    skos:prefLabel "Auslagerung"@de , "outsourcing"@en ; skos:narrower ex:b .
ex:b a skos:Concept ; skos:inScheme ex:s ; skos:broader ex:a ;
    skos:prefLabel "Lohnbuchhaltung"@de , "payroll"@en .
ex:c a skos:Concept ; skos:inScheme ex:s ; skos:prefLabel "Kunde"@de .
""",
        encoding="utf-8",
    )
    return path


def test_build_refuses_a_failing_vocabulary_and_writes_nothing(
    runner: CliRunner, third_party: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        main, ["build", "--ontology", str(third_party), "--out", str(out), "--require-lang", "de"]
    )
    assert result.exit_code == 1
    assert "CONCEPT_UNREACHABLE" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("does not conform")
    assert not out.exists()


def test_build_with_fail_on_never_writes_any_vocabulary_in_its_languages(
    runner: CliRunner, third_party: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        main,
        ["build", "--ontology", str(third_party), "--out", str(out), "--fail-on", "never", "-q"],
    )
    assert result.exit_code == 0, result.output
    assert "does not conform" in result.stdout  # the summary still says so
    assert "Violation CONCEPT_UNREACHABLE" in result.stderr
    assert sorted(p.name for p in (out / "html").iterdir() if p.is_dir()) == [
        "assets",
        "de",
        "downloads",
        "en",
    ]
    exported = Graph().parse(out / "bpo-glossary.ttl")
    assert len(exported) > 0
    english_only = runner.invoke(
        main,
        [
            "export",
            "--format",
            "html",
            "--ontology",
            str(third_party),
            "--require-lang",
            "en",
            "--fail-on",
            "never",
            "-o",
            str(tmp_path / "site"),
        ],
    )
    assert english_only.exit_code == 0, english_only.output
    assert (tmp_path / "site" / "en" / "index.html").exists()
    assert not (tmp_path / "site" / "de").exists()


def test_build_and_export_take_the_skos_profile(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    source = _edited(data_dir, tmp_path, "", drop="rdfs:isDefinedBy")
    house = runner.invoke(
        main,
        ["export", "--format", "turtle", "--ontology", str(source), "--profile", "bpo", "-o", "-"],
    )
    assert house.exit_code == 1
    plain = runner.invoke(
        main,
        ["export", "--format", "turtle", "--ontology", str(source), "--profile", "skos", "-o", "-"],
    )
    assert plain.exit_code == 0, plain.output
    assert "skos:Concept" in plain.stdout
