"""In-process SPARQL, search, show and tree over the built glossary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from bpo_kb.cli import main
from bpo_kb.query import bind_parameters, named_queries, parse_parameter, run_query
from bpo_kb.skos.search import normalise, search_concepts

BPO = "https://w3id.org/bpo-kb/"


@pytest.mark.parametrize(
    ("term", "concept"),
    [
        ("externalisation en mer", "offshore-outsourcing"),
        ("EXTERNALISATION EN MER", "offshore-outsourcing"),
        ("cout", "cost-reduction"),
        ("paye", "payroll"),
        ("coeur de metier", "core-business"),
        ("Cœur de métier", "core-business"),
        ("nearshore", "nearshore-outsourcing"),
    ],
)
def test_search_finds_the_concept_first(glossary: Graph, term: str, concept: str) -> None:
    hits = search_concepts(glossary, term)
    assert hits[0].concept == URIRef(BPO + concept)


def test_search_ranks_exact_preferred_then_alternative_then_prefix_then_substring(
    glossary: Graph,
) -> None:
    assert search_concepts(glossary, "externalisation")[0].rank == 0  # outsourcing's term
    hits = search_concepts(glossary, "bpo")
    assert (hits[0].concept, hits[0].rank) == (URIRef(BPO + "bpo"), 1)  # altLabel « BPO »
    ranks = [hit.rank for hit in hits]
    assert ranks == sorted(ranks)
    assert {3, 4} <= set(ranks)  # « BPO provider » starts with it, « offshore BPO » contains it


def test_search_in_one_language_only(glossary: Graph) -> None:
    assert search_concepts(glossary, "paye", language="en") == []
    assert search_concepts(glossary, "payroll", language="en")[0].concept == URIRef(BPO + "payroll")


def test_normalise_folds_case_accents_ligatures_and_spaces() -> None:
    assert normalise("  Cœur   de  MÉTIER ") == "coeur de metier"
    assert normalise("réduction des coûts") == "reduction des couts"
    assert normalise("  Back\tOFFICE ") == "back office"  # ASCII: no decomposition needed
    assert normalise("ＢＰＯ ﬁche") == "bpo fiche"  # compatibility forms decompose


@pytest.mark.parametrize(
    "variant",
    [
        *(f"sous{space}traitance" for space in "\u00a0\u202f\u2009\u2002\u2003\u200a\u3000\t"),
        *(f"sous{dash}traitance" for dash in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"),
        "sous - traitance",
        "Sous\u00adTraitance".replace("\u00ad", " \u00ad"),  # a soft hyphen is removed
        "SOUS  TRAITANCE",
    ],
)
def test_normalise_makes_every_space_and_hyphen_one_space(variant: str) -> None:
    assert normalise(variant) == "sous traitance"


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u2018", "\u02bc", "\u2032", "`", "\u00b4"])
def test_normalise_makes_every_apostrophe_one(apostrophe: str) -> None:
    assert normalise(f"L{apostrophe}Étranger") == "l'etranger"


def test_normalise_removes_invisible_characters() -> None:
    assert normalise("co\u00adût\u200b de\ufeff") == "cout de"


def test_search_finds_labels_whatever_their_spaces_hyphens_and_apostrophes(
    glossary: Graph,
) -> None:
    subcontracting = URIRef(BPO + "subcontracting")
    for typed in ("sous traitance", "sous\u2011traitance", "Sous\u00a0traitance"):
        assert search_concepts(glossary, typed)[0].concept == subcontracting
    hits = search_concepts(glossary, "à l’étranger", language="fr")
    assert hits
    assert all("à l'étranger" in str(hit.label) for hit in hits)


@pytest.mark.parametrize("term", ['"', "\\", 'a"} ; DROP ALL #', "it's"])
def test_search_terms_with_quotes_or_backslashes_are_safe(runner: CliRunner, term: str) -> None:
    result = runner.invoke(main, ["search", term, "--format", "json"])
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output


def test_search_command_shows_iri_terms_and_definition(runner: CliRunner) -> None:
    result = runner.invoke(main, ["search", "externalisation en mer", "--format", "json"])
    assert result.exit_code == 0
    first = json.loads(result.stdout)[0]
    assert first["iri"] == BPO + "offshore-outsourcing"
    assert first["fr"] == "externalisation dans un pays éloigné"
    assert first["en"] == "offshore outsourcing"
    assert first["definition"].startswith("Business process outsourcing to a provider")


def test_every_named_query_runs_over_the_glossary(glossary: Graph) -> None:
    parameters = {
        "concept-card": {"concept": URIRef(BPO + "payroll")},
        "label-lookup": {"label": Literal("paye")},
    }
    assert set(named_queries()) >= {
        "concept-card",
        "label-lookup",
        "hierarchy",
        "missing-translations",
        "mappings",
        "language-stats",
    }
    for name, named in named_queries().items():
        rows = list(
            run_query(bind_parameters(named.text, parameters.get(name, {})), graph=glossary)
        )
        assert rows or name == "missing-translations", name


def test_missing_translations_finds_a_removed_definition(glossary: Graph) -> None:
    damaged = Graph()
    damaged += glossary
    damaged.remove(
        (URIRef(BPO + "payroll"), URIRef("http://www.w3.org/2004/02/skos/core#definition"), None)
    )
    rows = {
        (str(r[0]), str(r[1]))
        for r in run_query(named_queries()["missing-translations"].text, graph=damaged)
    }
    assert rows == {(BPO + "payroll", "definition")}


def test_parameters_are_escaped_never_spliced(glossary: Graph) -> None:
    hostile = 'paye" } } DELETE WHERE { ?s ?p ?o } #\\'
    query = bind_parameters(
        named_queries()["label-lookup"].text, {"label": parse_parameter(hostile)}
    )
    assert list(run_query(query, graph=glossary)) == []
    assert parse_parameter("bpo:payroll") == URIRef(BPO + "payroll")
    assert parse_parameter("paie@fr") == Literal("paie", lang="fr")


def test_query_command_named_query_and_formats(runner: CliRunner, tmp_path: Path) -> None:
    listed = runner.invoke(main, ["query", "--list"])
    assert "concept-card" in listed.stdout
    assert "language-stats" in listed.stdout
    card = runner.invoke(main, ["query", "concept-card", "--param", "concept=bpo:payroll"])
    assert card.exit_code == 0
    assert "paie@fr" in card.stdout
    stats = runner.invoke(main, ["query", "language-stats", "--format", "json"])
    assert json.loads(stats.stdout)["head"]["vars"] == ["language", "property", "count"]
    rq = tmp_path / "q.rq"
    rq.write_text("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 1")
    constructed = runner.invoke(main, ["query", f"@{rq}", "--format", "turtle"])
    assert Graph().parse(data=constructed.stdout, format="turtle")
    assert runner.invoke(main, ["query", "ASK { ?s ?p ?o }"]).stdout.strip() == "true"


def test_sparql_syntax_error_exits_2_with_position(runner: CliRunner) -> None:
    result = runner.invoke(main, ["query", "SELECT * WHERE { ?s ?p }"])
    assert result.exit_code == 2
    assert result.stderr.startswith("SPARQL syntax error: error at 1:")


def test_show_by_slug_iri_and_label(runner: CliRunner) -> None:
    for spec in ("payroll", "bpo:payroll", BPO + "payroll", "paie", "Payroll processing"):
        result = runner.invoke(main, ["show", spec])
        assert result.exit_code == 0, (spec, result.output)
        assert result.stdout.startswith(BPO + "payroll\n")
        assert "broader: fonction de l'entreprise / business function" in result.stdout
        assert "skos:closeMatch: http://www.wikidata.org/entity/Q1778191" in result.stdout


def test_show_unknown_concept_fails(runner: CliRunner) -> None:
    result = runner.invoke(main, ["show", "astrology"])
    assert result.exit_code == 1
    assert "no concept is named 'astrology'" in result.stderr


def test_tree_nests_the_location_types_under_bpo(runner: CliRunner) -> None:
    lines = runner.invoke(main, ["tree"]).stdout.splitlines()
    start = lines.index("outsourcing")
    assert lines[start + 1] == "  business process outsourcing"
    assert set(lines[start + 2 : start + 5]) == {
        "    nearshore outsourcing",
        "    offshore outsourcing",
        "    onshore outsourcing",
    }
    french = runner.invoke(main, ["tree", "--lang", "fr"]).stdout
    assert "  externalisation des processus métier" in french.splitlines()


def test_reading_commands_answer_on_a_vocabulary_with_violations(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "half-translated.ttl"
    source.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<http://example.org/a> a skos:Concept ; skos:prefLabel "payroll"@en .\n'
        '<http://example.org/b> a skos:Concept ; skos:prefLabel "paie"@fr , "pay"@en ;\n'
        "    skos:broader <http://example.org/a> .\n",
        encoding="utf-8",
    )
    found = runner.invoke(main, ["search", "payroll", "--ontology", str(source)])
    assert found.exit_code == 0, found.output
    assert "http://example.org/a" in found.stdout
    shown = runner.invoke(main, ["show", "pay", "--ontology", str(source)])
    assert shown.exit_code == 0, shown.output
    assert "paie" in shown.stdout
    tree = runner.invoke(main, ["tree", "--ontology", str(source)])
    assert tree.exit_code == 0
    assert tree.stdout.splitlines() == ["payroll", "  pay"]
    missing = runner.invoke(main, ["query", "missing-translations", "--ontology", str(source)])
    assert missing.exit_code == 0, missing.output
    assert "http://example.org/a" in missing.stdout


# --- show and search on words (issue 16) ------------------------------------------------------


def test_show_suggests_the_nearest_concepts_when_none_matches(runner: CliRunner) -> None:
    for typed in ("payrol", "payrll"):
        result = runner.invoke(main, ["show", typed])
        assert result.exit_code == 1
        assert f"no concept is named {typed!r}; did you mean paie / payroll" in result.stderr


def test_show_gives_hidden_labels_sources_notes_and_mappings(runner: CliRunner) -> None:
    shown = runner.invoke(main, ["show", "bpo:offshore-outsourcing"]).stdout
    assert "hidden: Externalisation en mer; externalisation lointaine" in shown
    assert "scope note: Used here in its BPO sense" in shown
    assert "editorial note: " in shown
    assert (
        "source: Externalisation des processus métiers (BPO) <bposrc:seed-glossary-page>" in shown
    )
    assert "skos:relatedMatch: http://zbw.eu/stw/descriptor/29550-6" in shown
    assert "collections: Types de BPO" in shown


@pytest.mark.parametrize(
    ("spec", "kind"),
    [
        ("bpo:glossary", "scheme"),
        ("Business process outsourcing (BPO) glossary", "scheme"),
        ("bpo:collection/benefits-of-bpo", "collection"),
        ("Benefits of BPO", "collection"),
        ("avantages du bpo", "collection"),
    ],
)
def test_show_names_collections_and_the_scheme(runner: CliRunner, spec: str, kind: str) -> None:
    result = runner.invoke(main, ["show", spec])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].endswith(f"({kind})")
    if kind == "collection":
        assert "members: accès à l'expertise / access to expertise" in result.stdout
    else:
        assert "top concepts: " in result.stdout
        assert "version: 1.1.0" in result.stdout


def test_show_json_is_one_stable_object(runner: CliRunner) -> None:
    result = runner.invoke(main, ["show", "paie", "--format", "json"])
    assert result.exit_code == 0, result.output
    card = json.loads(result.stdout)
    assert list(card) == [
        "iri", "type", "pref_labels", "alt_labels", "hidden_labels", "definitions", "notes",
        "sources", "details", "in_scheme", "broader", "narrower", "related", "collections",
        "members", "top_concepts", "mappings",
    ]  # fmt: skip
    assert card["type"] == "concept"
    assert card["pref_labels"] == {"en": "payroll", "fr": "paie"}
    assert card["broader"] == [
        {
            "iri": BPO + "business-function",
            "labels": {"en": "business function", "fr": "fonction de l'entreprise"},
        }
    ]
    assert {"property": "skos:closeMatch", "target": "http://www.wikidata.org/entity/Q1778191"} in (
        card["mappings"]
    )
    assert card["sources"] == [
        {
            "iri": BPO + "source/seed-glossary-page",
            "label": "Externalisation des processus métiers (BPO)",
        }
    ]


def _matched(glossary: Graph, term: str) -> set[str]:
    return {str(hit.label) for hit in search_concepts(glossary, term)}


def test_search_matches_word_starts_not_the_inside_of_words(glossary: Graph) -> None:
    assert not any("coût" in label for label in _matched(glossary, "out"))
    assert "outsourcing" in _matched(glossary, "outsour")
    assert "sous-traitance" in _matched(glossary, "sous trait")
    assert "offshore BPO" in _matched(glossary, "bpo")  # a later word starting with it
    assert [hit.match for hit in search_concepts(glossary, "offshore b")][:1] == ["prefix"]


def test_search_quoted_term_matches_whole_words(glossary: Graph, runner: CliRunner) -> None:
    hits = search_concepts(glossary, '"cost reduction"')
    assert (hits[0].concept, hits[0].rank) == (URIRef(BPO + "cost-reduction"), 0)
    assert search_concepts(glossary, '"outsour"') == []
    assert {h.match for h in search_concepts(glossary, '"bpo"')} >= {"alternative", "word"}
    result = runner.invoke(main, ["search", '"cost reduction"', "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["iri"] == BPO + "cost-reduction"
