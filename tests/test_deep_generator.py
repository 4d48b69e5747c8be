"""The benchmark's second generator (benchmarks/deep.py) makes the shape it promises: deep and
narrow, fifteen labels a concept, findings planted at 5% of the concepts and found by the
``skos`` profile, the same at every run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph

from benchmarks.deep import KINDS, planted_path, write_vocabulary
from bpo_kb.rdf.namespaces import RDF, SKOS
from bpo_kb.rules.validation import validate_files

SIZE = 1000


@pytest.fixture(scope="module")
def clean_graph(generated: tuple[Path, Path]) -> Graph:
    return Graph().parse(generated[1])


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("deep")
    defects = write_vocabulary(folder / "defects.ttl", SIZE, defects=True)
    clean = write_vocabulary(folder / "clean.ttl", SIZE, defects=False)
    return defects, clean


def test_the_hierarchy_is_deep_and_narrow(clean_graph: Graph) -> None:
    graph = clean_graph
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    broader = {concept: graph.value(concept, SKOS.broader) for concept in concepts}
    depths = {}
    for concept in concepts:
        steps, above = 0, broader[concept]
        while above is not None:
            steps, above = steps + 1, broader[above]
        depths[concept] = steps

    assert len(concepts) == SIZE
    assert max(depths.values()) == 69  # 70 levels under 1,000 concepts
    assert Counter(depths.values())[0] == 1  # one top concept, every concept under it
    assert max(len(list(graph.objects(c, SKOS.narrower))) for c in concepts) == 2
    for concept in concepts:  # both directions stated
        assert set(graph.objects(concept, SKOS.narrower)) == set(
            graph.subjects(SKOS.broader, concept)
        )


def test_every_concept_has_fifteen_labels_five_in_each_language(clean_graph: Graph) -> None:
    graph = clean_graph
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        labels = [
            label
            for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
            for label in graph.objects(concept, prop)
        ]
        assert Counter(label.language for label in labels) == {"fr": 5, "en": 5, "de": 5}


def test_findings_are_planted_at_five_percent_of_the_concepts_and_all_found(
    generated: tuple[Path, Path],
) -> None:
    defects, clean = generated
    listed = [line.split("\t") for line in planted_path(defects).read_text().splitlines()]
    planted = {(code, focus) for code, focus in listed}
    findings = {(f.code, f.focus) for f in validate_files([defects], profile="skos").findings}

    assert len({focus for _, focus in planted}) == len(listed) == SIZE // 20
    assert {code for code, _ in planted} == set(KINDS)
    assert planted <= findings
    assert validate_files([clean], profile="skos").findings == []
    assert not planted_path(clean).exists()


def test_the_same_vocabulary_at_every_run(tmp_path: Path, generated: tuple[Path, Path]) -> None:
    again = write_vocabulary(tmp_path / "again.ttl", SIZE, defects=True)

    assert again.read_bytes() == generated[0].read_bytes()
    assert planted_path(again).read_bytes() == planted_path(generated[0]).read_bytes()
