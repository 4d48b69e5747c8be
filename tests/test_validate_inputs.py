"""`bpo-kb validate` on any vocabulary: every RDF syntax, folders, several files, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace

from bpo_kb.cli import main
from bpo_kb.rdf.namespaces import SKOS
from bpo_kb.rdf.read import read_graph
from bpo_kb.rules.validation import validate_graph

# N-Triples is valid N-Quads (every triple in the default graph).
SERIALISATIONS = [
    ("turtle", ".ttl"),
    ("xml", ".rdf"),
    ("nt", ".nt"),
    ("nt", ".nq"),
    ("json-ld", ".jsonld"),
]
EX = Namespace("http://example.org/voc/")


@pytest.mark.parametrize(("rdflib_format", "suffix"), SERIALISATIONS)
def test_every_rdf_syntax_validates_alike(
    runner: CliRunner, data_dir: Path, tmp_path: Path, rdflib_format: str, suffix: str
) -> None:
    graph = Graph().parse(data_dir / "valid-minimal.ttl")
    graph.add((EX.dog, SKOS.prefLabel, EX.dog))  # a defect that survives every syntax
    path = tmp_path / f"vocabulary{suffix}"
    graph.serialize(path, format=rdflib_format, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output  # a prefLabel that is an IRI: no violation...
    codes = {f["code"] for f in json.loads(result.stdout)}
    assert "LANG_TAG_MISSING" not in codes  # ...and not a literal without a language either


def test_input_format_overrides_the_extension(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    odd = tmp_path / "vocabulary.txt"
    odd.write_text((data_dir / "valid-minimal.ttl").read_text(encoding="utf-8"))
    assert runner.invoke(main, ["validate", str(odd)]).exit_code == 2
    result = runner.invoke(main, ["validate", str(odd), "--input-format", "turtle"])
    assert result.exit_code == 0, result.output


def test_a_folder_and_several_files_are_merged(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "a.ttl").write_text((data_dir / "valid-minimal.ttl").read_text(encoding="utf-8"))
    (tmp_path / "b.ttl").write_text(
        '<http://example.org/voc/dog> <http://www.w3.org/2004/02/skos/core#prefLabel> "clebs"@fr .'
    )
    for arguments in ([str(tmp_path)], [str(tmp_path / "a.ttl"), str(tmp_path / "b.ttl")]):
        result = runner.invoke(main, ["validate", *arguments])
        assert result.exit_code == 1
        assert f"Violation S14 <{EX.dog}>" in result.stdout


def test_a_bad_file_among_good_ones_stops_everything(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text('<http://a> <http://b> "fine" .\n<http://a> <http://b> "broken .\n')
    result = runner.invoke(main, ["validate", str(data_dir / "valid-minimal.ttl"), str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:2: ")
    assert result.stdout == ""


def test_reading_leaves_the_garbage_collector_running(data_dir: Path, tmp_path: Path) -> None:
    import gc

    from bpo_kb.errors import InputError
    from bpo_kb.rdf.read import read_graph

    bad = tmp_path / "bad.nt"
    bad.write_text('<http://a> <http://b> "broken .\n')
    assert len(read_graph([data_dir / "valid-minimal.ttl"])) > 0
    assert gc.isenabled()
    with pytest.raises(InputError, match="bad.nt:1"):
        read_graph([bad])
    assert gc.isenabled()


def test_fail_on_warning_and_turtle_report(runner: CliRunner, data_dir: Path) -> None:
    third_party = str(data_dir / "third-party.ttl")
    assert runner.invoke(main, ["validate", third_party]).exit_code == 0
    failing = runner.invoke(main, ["validate", third_party, "--fail-on", "warning"])
    assert failing.exit_code == 1
    assert "Warning INVERSE_NOT_STATED" in failing.stdout
    report = runner.invoke(main, ["validate", third_party, "--format", "turtle"])
    graph = Graph().parse(data=report.stdout, format="turtle")
    assert len(list(graph.subjects(None, None))) > 1
    assert "sh:ValidationReport" in report.stdout


def test_a_third_party_vocabulary_has_no_violation(data_dir: Path) -> None:
    report = validate_graph(read_graph([data_dir / "third-party.ttl"]), profile="skos")
    assert report.conforms, [f.as_line() for f in report.findings]


def _chain(length: int, *, cycle: bool) -> Graph:
    graph = Graph()
    for index in range(length):
        concept = EX[f"c{index}"]
        graph.add((concept, SKOS.prefLabel, Literal(f"c{index}", lang="en")))
        if index:
            graph.add((concept, SKOS.broader, EX[f"c{index - 1}"]))
    if cycle:
        graph.add((EX.c0, SKOS.broader, EX[f"c{length - 1}"]))
    return graph


@pytest.mark.slow
@pytest.mark.parametrize("cycle", [False, True])
def test_a_very_deep_hierarchy_neither_loops_nor_overflows(cycle: bool) -> None:
    report = validate_graph(_chain(1000, cycle=cycle), profile="skos", required_languages=("en",))
    cycles = [f for f in report.findings if f.code == "HIERARCHY_CYCLE"]
    assert len(cycles) == (1000 if cycle else 0)


@pytest.mark.slow
def test_ten_thousand_concepts_validate(tmp_path: Path) -> None:
    lines = [
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix ex: <http://example.org/big/> .",
        'ex:s a skos:ConceptScheme ; skos:prefLabel "Big"@en ; skos:hasTopConcept ex:c0 .',
    ]
    for index in range(10_000):
        parent = (
            f" ; skos:broader ex:c{(index - 1) // 10}" if index else " ; skos:topConceptOf ex:s"
        )
        lines.append(
            f'ex:c{index} a skos:Concept ; skos:inScheme ex:s ; skos:prefLabel "term {index}"@en ;'
            f' skos:definition "Definition {index}."@en{parent} .'
        )
    path = tmp_path / "big.ttl"
    path.write_text("\n".join(lines))
    report = validate_graph(read_graph([path]), required_languages=("en",))
    codes = {f.code for f in report.findings}
    assert report.conforms
    assert codes == {"INVERSE_NOT_STATED"}  # broader stated without narrower, 9,999 times


def test_an_unterminated_huge_literal_fails_cleanly(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "huge.ttl"
    text = (data_dir / "valid-minimal.ttl").read_text(encoding="utf-8")
    source.write_text(text + '\nex:dog skos:note "never closed ' + "x" * 2_000_000 + "\n")
    out = tmp_path / "exports"
    result = runner.invoke(main, ["build", "--ontology", str(source), "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{source}:")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_the_summary_gives_one_line_per_rule_with_its_count_and_an_example(
    runner: CliRunner, tmp_path: Path
) -> None:
    # A large thesaurus gets thousands of findings; the summary is what a terminologist reads first.
    from benchmarks.synthetic import write_vocabulary

    source = write_vocabulary(tmp_path / "defects.ttl", 200, defects=True)
    findings = json.loads(runner.invoke(main, ["validate", str(source), "--format", "json"]).stdout)
    result = runner.invoke(main, ["validate", str(source), "--format", "summary"])

    assert result.exit_code == 1
    *rules, verdict = result.stdout.strip().splitlines()
    assert verdict.startswith("does not conform:")
    by_code: dict[str, list[dict[str, str]]] = {}
    for finding in findings:
        by_code.setdefault(finding["code"], []).append(finding)
    assert len(rules) == len(by_code)
    counts = []
    for line in rules:
        severity, code, rest = line.split(" ", 2)
        examples = by_code[code]
        assert severity == examples[0]["severity"]
        count = int(rest.split(" ", 1)[0].replace(",", ""))
        assert count == len(examples)
        assert f"e.g. <{examples[0]['focus']}>" in rest
        counts.append((["Violation", "Warning", "Info"].index(severity), -count, code))
    assert counts == sorted(counts)  # violations first, then the most frequent


@pytest.mark.slow
def test_one_concept_with_100000_alternative_labels_validates(tmp_path: Path) -> None:
    """ALTLABEL_SHARED once paired every alternative term of a concept with every key of it:
    2,000 labels took 3 s, 8,000 took 45 s and 100,000 did not finish. The bound here only
    catches such a blow-up (linear work takes seconds); speed is the benchmark's business."""
    source = tmp_path / "many-labels.ttl"
    labels = " ,\n  ".join(f'"alternative {i}"@en' for i in range(100_000))
    source.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix ex: <http://example.org/> .\n"
        'ex:s a skos:ConceptScheme ; skos:prefLabel "s"@en ; skos:hasTopConcept ex:c .\n'
        "ex:c a skos:Concept ; skos:inScheme ex:s ; skos:topConceptOf ex:s ;\n"
        '  skos:prefLabel "c"@en ;\n'
        f"  skos:altLabel {labels} .\n",
        encoding="utf-8",
    )
    finished = subprocess.run(
        [sys.executable, "-m", "bpo_kb", "validate", str(source), "--require-lang", "en", "-q"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.splitlines()[-1].startswith("conforms: 0 violation(s)")


def test_rdflib_stays_quiet_and_the_collector_paused_until_the_last_overlapping_read_ends() -> None:
    """A build reads its source in a second thread while validating: reads that overlap,
    ending in either order, leave rdflib's logger and the garbage collector as they were
    before the first began."""
    import gc
    import logging

    from bpo_kb.rdf.read import _COLLECTOR_PAUSED, _RDFLIB_QUIET

    logger = logging.getLogger("rdflib")
    level, collecting = logger.level, gc.isenabled()
    for setting in (_RDFLIB_QUIET, _COLLECTOR_PAUSED):
        setting.__enter__()  # the first read begins
        setting.__enter__()  # the second begins
        setting.__exit__(None, None, None)  # the first ends
    assert logger.level == logging.ERROR  # the second read is still going on
    assert not gc.isenabled()
    for setting in (_RDFLIB_QUIET, _COLLECTOR_PAUSED):
        setting.__exit__(None, None, None)  # the second ends
    assert (logger.level, gc.isenabled()) == (level, collecting)
