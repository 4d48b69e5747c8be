"""The SPARQL engine and pySHACL (the reference) give identical findings on real fixtures.

The per-rule fixtures of test_validation.py already run both engines; this adds the qSKOS test
vocabularies from ../shared/peer/qskos/fixtures (33 of the 36: not stw.rdf, too large for
pySHACL, nor the two whose IRIs Oxigraph refuses, which pySHACL alone validates).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bpo_kb.errors import UnsupportedShapes
from bpo_kb.rdf.namespaces import SH
from bpo_kb.rdf.read import read_graph
from bpo_kb.rules.validation import load_shapes, validate_graph

from .conftest import PEER_DIR, shared_file

QSKOS_FIXTURES = sorted((PEER_DIR / "qskos" / "fixtures").glob("*.rdf"))
# stw.rdf is an 18,000-triple excerpt of STW: pySHACL takes minutes on it, per focus node.
SMALL_FIXTURES = [f for f in QSKOS_FIXTURES if f.name != "stw.rdf"]


def _findings(path: Path, engine: str) -> set[tuple[str, str, str]]:
    report = validate_graph(read_graph([path]), profile="skos", engine=engine)
    return {(f.focus, f.code, f.severity) for f in report.findings}


@pytest.mark.slow
@pytest.mark.parametrize("fixture", SMALL_FIXTURES, ids=[f.name for f in SMALL_FIXTURES])
def test_engines_agree_on_qskos_fixture(fixture: Path) -> None:
    shared_file(f"peer/qskos/fixtures/{fixture.name}")
    try:
        sparql = _findings(fixture, "sparql")
    except UnsupportedShapes:  # "auto" would run pySHACL too: nothing to compare
        pytest.skip(f"{fixture.name} holds terms Oxigraph refuses: pySHACL alone validates it")
    assert sparql == _findings(fixture, "pyshacl")


def test_the_fixtures_are_there() -> None:
    shared_file("peer/qskos/fixtures/cycles.rdf")
    assert len(QSKOS_FIXTURES) == 36


DEFECTIVE = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/> .
ex:s a skos:ConceptScheme .
ex:a a skos:Concept ; skos:inScheme ex:s ; skos:broader ex:b ; skos:related ex:a .
ex:b a skos:Concept ; skos:inScheme ex:s ; skos:broader ex:a ; skos:prefLabel "b"@en, "B"@en .
ex:c a skos:Concept ; skos:prefLabel " c"@en ; skos:altLabel " c"@en .
"""


def test_rules_run_concurrently_report_in_rule_order() -> None:
    import pyoxigraph

    from bpo_kb.rules.sparql_engine import compile_rules, evaluate_rules
    from bpo_kb.rules.validation import load_shapes

    store = pyoxigraph.Store()
    store.load(DEFECTIVE.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    rules = compile_rules(load_shapes("skos"), "https://w3id.org/bpo-kb/validation#")
    finished: list[object] = []

    one_thread = evaluate_rules(store, rules, workers=1)
    concurrent = evaluate_rules(store, rules, workers=3, on_done=finished.append)

    shapes_in_order = [rule.shape for rule in rules]
    positions = [shapes_in_order.index(result.shape) for result in concurrent]
    assert len({result.shape for result in concurrent}) >= 4  # several rules found something
    assert positions == sorted(positions)
    assert [(r.shape, r.focus, r.messages) for r in concurrent] == [
        (r.shape, r.focus, r.messages) for r in one_thread
    ]
    assert sorted(map(str, finished)) == sorted(map(str, rules))


def test_rules_that_read_the_whole_graph_start_first() -> None:
    import pyoxigraph

    from bpo_kb.rules.sparql_engine import compile_rules, evaluate_rules, start_order
    from bpo_kb.rules.validation import load_shapes

    rules = compile_rules(load_shapes("skos"), "https://w3id.org/bpo-kb/validation#")
    by_name = {str(rule.shape).rsplit("#", 1)[-1]: rule for rule in rules}
    store = pyoxigraph.Store()
    store.load(DEFECTIVE.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    started: list[object] = []

    evaluate_rules(store, rules, workers=1, on_done=started.append)

    # Every triple of each node, three times over: the broadest reader of the shapes.
    assert started[0] is by_name["UNDEFINED_SKOS_TERM"]
    assert started == start_order(rules)
    weights = [rule.broad_reads for rule in started]
    assert weights == sorted(weights, reverse=True)
    assert by_name["HIERARCHY_CYCLE"].broad_reads == 1  # a path closure
    assert by_name["PREFLABEL_MISSING"].broad_reads == 0  # one predicate's index


ORDERED_PARTS_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/> .
ex:OutsideTheScheme a sh:NodeShape ;
    sh:targetClass skos:Concept ;
    sh:sparql [ sh:message "not in ex:s" ; sh:select '''
        SELECT $this WHERE {
            ?scheme a <http://www.w3.org/2004/02/skos/core#ConceptScheme> .
            # The OPTIONAL reads $this: under pre-binding it is bound here, not after.
            OPTIONAL {
                $this <http://www.w3.org/2004/02/skos/core#inScheme> ?scheme .
                BIND(true AS ?inside)
            }
            FILTER(!BOUND(?inside))
        }
    ''' ] .
"""


def test_targets_bind_this_before_an_optional_that_reads_it() -> None:
    import pyoxigraph
    import pyshacl
    from rdflib import Graph

    from bpo_kb.rules.sparql_engine import compile_rules, evaluate_rules

    data = """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix ex: <http://example.org/> .
        ex:s a skos:ConceptScheme .
        ex:in a skos:Concept ; skos:inScheme ex:s .
        ex:out a skos:Concept .
    """
    shapes = Graph().parse(data=ORDERED_PARTS_SHAPES, format="turtle")
    store = pyoxigraph.Store()
    store.load(data.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    _, results, _ = pyshacl.validate(Graph().parse(data=data, format="turtle"), shacl_graph=shapes)
    reference = {str(focus) for focus in results.objects(None, SH.focusNode)}

    found = {str(r.focus) for r in evaluate_rules(store, compile_rules(shapes, "urn:none#"))}

    assert reference == {"http://example.org/out"}
    assert found == reference


def test_the_targets_go_before_the_first_top_level_ordered_part_only() -> None:
    from bpo_kb.rules.sparql_engine import _join_targets

    tricky = """SELECT $this WHERE {
        $this <http://example.org/p#x> "a } BIND(x) OPTIONAL {" . # a comment } MINUS {
        { $this ?p ?o . BIND(1 AS ?one) OPTIONAL { ?o ?q ?r } }
        FILTER NOT EXISTS { $this <http://example.org/q> ?x . BIND(2 AS ?two) }
        ?optional <http://example.org/bind> ?minus .
        BIND(STR($this) AS ?text)
        OPTIONAL { $this <http://example.org/r> ?s }
    }"""
    plain = "SELECT $this WHERE { $this a ?class . FILTER(?class != <urn:x#y>) }"

    joined = _join_targets(tricky, ["{ ?this a <urn:C> }"])
    at_end = _join_targets(plain, ["{ ?this a <urn:C> }"])

    target = "{ SELECT DISTINCT ?this WHERE { { ?this a <urn:C> } } }\n"
    assert joined.index(target) == joined.index("BIND(STR($this)") - len(target)
    assert at_end.endswith(target + "}")


# What SHACL's pre-binding forbids in a SHACL-SPARQL query (SHACL 1.0, 5.2.1.1): a conforming
# processor must refuse a shapes graph that breaks one of these, so bpo-kb's must not.
_STRINGS_AND_COMMENTS = re.compile(r'"(?:[^"\\\n]|\\.)*"|<[^<>\s]*>|#[^\n]*')
_SUB_QUERY = re.compile(r"\{\s*SELECT\b(?P<projection>.*?)\bWHERE\b", re.S | re.I)


@pytest.mark.parametrize("profile", ["skos", "bpo"])
def test_every_query_keeps_to_shacl_pre_binding(profile: str) -> None:
    """No MINUS, SERVICE or VALUES, no AS $this, and every sub-query returns $this."""
    shapes = load_shapes(profile)
    queries = [str(select) for select in shapes.objects(None, SH.select)]
    assert len(queries) > 40
    broken = []
    for query in queries:
        code = _STRINGS_AND_COMMENTS.sub(" ", query)
        if re.search(r"\b(MINUS|SERVICE|VALUES)\b|\bAS\s+[?$]this\b", code, re.I):
            broken.append(query)
        broken += [query for sub in _SUB_QUERY.finditer(code) if "$this" not in sub["projection"]]
    assert broken == []
