"""What validation adds, written into the queries (bpo_kb/rules/inline_data.py): each rule,
rewritten and run on the bare data, finds what it finds on the validator's completed copy.

No server here: the bare data sits in a pyoxigraph store, as it would in a remote one; the
real stores are in test_remote_validation.py."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef

from bpo_kb.rdf.namespaces import SKOS
from bpo_kb.rdf.read import read_graph
from bpo_kb.rdf.stores import QUERY_STORE, new_graph, oxigraph_store_of
from bpo_kb.resources import DEFAULT_SHAPES_DIR
from bpo_kb.rules.inline_data import InlineData
from bpo_kb.rules.sparql_engine import evaluate_rules
from bpo_kb.rules.validation import (
    Settings,
    _add_validation_data,
    _added_graph,
    _compiled_rules,
    _derivations,
    load_shapes,
)

from .test_validation import NEAR_MISSES, TURTLE_PREFIXES, VIOLATIONS, WARNINGS

# Every edit of test_validation.py's fixtures at once: one vocabulary with most kinds of
# findings (the tag Oxigraph refuses aside), SKOS-XL labels and blank nodes included.
DEFECTIVE_EDITS = [
    values[1]
    for fixture in [*VIOLATIONS, *WARNINGS, *NEAR_MISSES]
    for values in [getattr(fixture, "values", fixture)]
    if "en-abcdefghij" not in values[1]
] + [
    # a blank node concept; one SKOS-XL label twice, and also stated as the SKOS label; term
    # records with a LexInfo value and one that is not; a language the settings may require
    "[] a skos:Concept ; skos:inScheme ex:scheme ; skos:broader ex:animal ;"
    ' skos:prefLabel "anonyme"@fr .',
    'ex:animal skosxl:altLabel ex:beast1 , ex:beast2 ; skos:altLabel "beast"@en .',
    'ex:beast1 skosxl:literalForm "beast"@en . ex:beast2 skosxl:literalForm "beast"@en .',
    "ex:beast1 lexinfo:partOfSpeech lexinfo:noun ; lexinfo:gender lexinfo:neuter .",
    "ex:beast2 lexinfo:partOfSpeech ex:notAPartOfSpeech .",
    'ex:dog skos:prefLabel "Hund"@de .',
]


def defective_vocabulary(data_dir: Path) -> Graph:
    """The minimal vocabulary with every edit of :data:`DEFECTIVE_EDITS` added."""
    graph = read_graph([data_dir / "valid-minimal.ttl"])
    lexinfo = "@prefix lexinfo: <http://www.lexinfo.net/ontology/3.0/lexinfo#> .\n"
    graph.parse(data=TURTLE_PREFIXES + lexinfo + "\n".join(DEFECTIVE_EDITS), format="turtle")
    return graph


def _results(store: object, settings: Settings, *, rewrite: bool) -> list[tuple[str, ...]]:
    """(shape, focus, message) of every solution of every rule, duplicates kept."""
    rules = _compiled_rules(load_shapes(settings.profile))
    if rewrite:
        inline = InlineData(_added_graph(settings), _derivations(DEFAULT_SHAPES_DIR))
        rules = [replace(rule, query=inline.rewrite(rule.query)) for rule in rules]
    return sorted((str(r.shape), r.focus.n3(), *r.messages) for r in evaluate_rules(store, rules))


@pytest.mark.parametrize(
    "settings",
    [Settings(profile="bpo"), Settings(profile="skos", required_languages=("en", "de"))],
    ids=["bpo", "skos-en-de"],
)
def test_rewritten_rules_on_the_bare_data_find_what_the_completed_copy_finds(
    data_dir: Path, settings: Settings
) -> None:
    graph = defective_vocabulary(data_dir)
    completed = new_graph(QUERY_STORE)
    completed += graph
    bare = pyoxigraph.Store()  # the same blank nodes: findings on them compare too
    bare.extend(oxigraph_store_of(completed).quads_for_pattern(None, None, None))  # type: ignore[union-attr]
    _add_validation_data(completed, settings)
    expected = _results(oxigraph_store_of(completed), settings, rewrite=False)
    assert len({shape for shape, *_ in expected}) > 30  # many kinds of findings
    assert any(focus.startswith("_:") for _, focus, *_ in expected)
    assert _results(bare, settings, rewrite=True) == expected


def test_a_nul_in_a_label_is_still_found_through_the_portable_regex() -> None:
    """The rules' REGEX patterns hold NUL; the rewrite sends it as the regex escape \\x00."""
    store = pyoxigraph.Store()
    concept = pyoxigraph.NamedNode("http://example.org/a")
    label = pyoxigraph.Literal("a\x00b", language="en")
    store.add(pyoxigraph.Quad(concept, pyoxigraph.NamedNode(str(SKOS.prefLabel)), label))
    inline = InlineData(_added_graph(Settings()), _derivations(DEFAULT_SHAPES_DIR))
    (rule,) = [r for r in _compiled_rules(load_shapes("skos")) if "LABEL_CONTROL_CHAR" in r.shape]
    rewritten = inline.rewrite(rule.query)
    assert "\\u0000" not in rewritten
    assert [r.focus for r in evaluate_rules(store, [replace(rule, query=rewritten)])] == [
        URIRef("http://example.org/a")
    ]
