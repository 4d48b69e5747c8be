"""The default store answers every triple pattern as rdflib's own memory store does."""

from __future__ import annotations

import itertools

from rdflib import Graph, Literal, URIRef

from bpo_kb.rdf.memory_store import SubjectIndexedMemory
from bpo_kb.rdf.namespaces import SKOS
from bpo_kb.rdf.read import DEFAULT_STORE, new_graph


def _copy(source: Graph, store: str) -> Graph:
    graph = Graph(store=store)
    for triple in source:
        graph.add(triple)
    return graph


def test_the_default_store_is_the_subject_indexed_one() -> None:
    assert isinstance(new_graph().store, SubjectIndexedMemory)
    assert DEFAULT_STORE == "SubjectIndexedMemory"


def test_every_pattern_matches_what_rdflib_memory_gives(glossary: Graph) -> None:
    ours, reference = _copy(glossary, DEFAULT_STORE), _copy(glossary, "Memory")
    subjects = sorted(set(reference.subjects()), key=str)[:5] + [URIRef("urn:absent")]
    predicates = [SKOS.prefLabel, SKOS.narrower, URIRef("urn:absent")]
    objects = [Literal("BPO", lang="en"), SKOS.Concept, URIRef("urn:absent")]
    objects += [o for o in reference.objects(subjects[0], None)][:3]
    for s, p, o in itertools.product([None, *subjects], [None, *predicates], [None, *objects]):
        assert set(ours.triples((s, p, o))) == set(reference.triples((s, p, o))), (s, p, o)
    assert len(ours) == len(reference) == len(set(ours))


def test_adding_twice_and_removing_keep_it_a_set(glossary: Graph) -> None:
    graph = _copy(glossary, DEFAULT_STORE)
    size = len(graph)
    concept = next(iter(graph.subjects(SKOS.prefLabel, None)))
    graph.add((concept, SKOS.note, Literal("x")))
    graph.add((concept, SKOS.note, Literal("x")))
    assert len(graph) == size + 1
    assert (concept, SKOS.note, Literal("x")) in graph
    assert list(graph.subjects(SKOS.note, Literal("x"))) == [concept]  # the index, extended once
    graph.remove((concept, None, None))
    assert len(graph) == len(list(graph))
    assert not list(graph.triples((concept, None, None)))
    assert not list(graph.subjects(SKOS.note, Literal("x")))  # and dropped after the remove


def test_prefixes_bind_like_rdflib() -> None:
    def bound(store: str) -> set[tuple[str, URIRef]]:
        graph = Graph(store=store, bind_namespaces="none")
        graph.bind("ex", "http://example.org/")
        graph.bind("ex", "http://example.com/")  # taken: rdflib picks another prefix
        graph.bind("other", "http://example.org/", replace=True)
        graph.bind("skos", str(SKOS))
        return set(graph.namespaces())

    assert bound(DEFAULT_STORE) == bound("Memory")
    assert ("skos", URIRef(str(SKOS))) in bound(DEFAULT_STORE)
