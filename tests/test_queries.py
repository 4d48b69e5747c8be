"""In-process SPARQL, search, show and tree over the built glossary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from bpo_kb.cli import main
from bpo_kb.errors import QueryError
from bpo_kb.query import (
    QUERY_PREFIXES,
    bind_parameters,
    named_queries,
    parse_parameter,
    run_query,
    with_prefixes,
)
from bpo_kb.query_parameters import declared_parameters, parameter_term, query_variables
from bpo_kb.rdf.namespaces import SKOS
from bpo_kb.skos.search import normalise, search_concepts

from .servers import Server

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
        if str(r[2]) in ("fr", "en")  # the glossary's German and Spanish are partial
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
    assert result.stderr.startswith("SPARQL syntax error at line 1, column 25")


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


# --- Predeclared prefixes and syntax errors ------------------------------------------------


def test_the_usual_prefixes_are_predeclared(runner: CliRunner) -> None:
    result = runner.invoke(main, ["query", "SELECT ?c WHERE { ?c a skos:Concept }"])
    assert result.exit_code == 0, result.output
    assert "bpo:payroll" in result.stdout
    mapped = runner.invoke(main, ["query", "ASK { ?c skos:closeMatch wd:Q1778191 }"])
    assert mapped.stdout.strip() == "true"
    for prefix in ("skos", "skosxl", "dct", "rdf", "rdfs", "owl", "xsd", "bpo", "wd", "stw"):
        assert prefix in QUERY_PREFIXES
    for prefix in ("eurovoc", "gnd", "iate", "unesco"):
        assert prefix in QUERY_PREFIXES


def test_query_help_lists_the_predeclared_prefixes(runner: CliRunner) -> None:
    shown = runner.invoke(main, ["query", "--help"]).stdout
    for prefix, namespace in QUERY_PREFIXES.items():
        assert f"{prefix}: <{namespace}>" in shown


def test_a_prefix_the_query_declares_wins(glossary: Graph) -> None:
    query = "PREFIX skos: <http://example.org/other#> ASK { ?c a skos:Concept }"
    assert run_query(query, graph=glossary).askAnswer is False
    assert with_prefixes(query).count("PREFIX skos:") == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "SELECT ?c WHERE { ?c a foo:Concept }",
            "SPARQL syntax error at line 1, column 35 (after 'WHERE { ?c a foo:Concept'): "
            "unknown prefix foo:",
        ),
        (
            "SELECT *\nWHERE { ?s ?p ?o } LIMT 3",
            "SPARQL syntax error at line 2, column 26",
        ),
        ("SELECT * WHERE { ?s ?p ?o ", 'expected ",", ".", ";"'),
    ],
)
def test_a_syntax_error_is_one_readable_line(runner: CliRunner, query: str, expected: str) -> None:
    result = runner.invoke(main, ["query", query])
    assert result.exit_code == 2
    assert expected in result.stderr
    assert result.stderr.count("\n") == 1
    assert "[" not in result.stderr  # no character classes from the parser's grammar
    assert "Traceback" not in result.output


# --- Named queries and their parameters ----------------------------------------------------


def test_every_named_query_declares_what_it_uses() -> None:
    for named in named_queries().values():
        variables = set(query_variables(named.text))
        assert {p.name for p in named.parameters} <= variables, named.name
    assert [p.name for p in named_queries()["concept-card"].parameters] == ["concept"]
    assert [p.kind for p in named_queries()["label-lookup"].parameters] == ["text"]


def test_a_bad_declaration_names_the_file_and_the_form() -> None:
    with pytest.raises(QueryError, match=r"x\.rq: .*# param: NAME \(KIND\) description"):
        declared_parameters("# param: concept (thing) what\nSELECT * {}", "x.rq")


def test_an_unknown_named_query_gets_did_you_mean(runner: CliRunner) -> None:
    result = runner.invoke(main, ["query", "hierachy"])
    assert result.exit_code == 2
    assert "did you mean hierarchy?" in result.stderr
    mistyped = runner.invoke(main, ["query", "SELEC ?c WHERE { ?c a skos:Concept }"])
    assert mistyped.exit_code == 2
    assert mistyped.stderr.startswith("SPARQL syntax error at line 1, column")
    assert mistyped.stderr.rstrip().endswith("DESCRIBE; did you mean SELECT?")


def test_a_misspelt_parameter_exits_2_with_did_you_mean(runner: CliRunner) -> None:
    result = runner.invoke(main, ["query", "concept-card", "--param", "concpt=paie"])
    assert result.exit_code == 2
    assert result.stderr == (
        "concept-card has no parameter 'concpt'; did you mean concept? (its parameters: concept)\n"
    )
    spare = runner.invoke(main, ["query", "hierarchy", "--param", "concept=paie"])
    assert spare.exit_code == 2
    assert "(its parameters: none)" in spare.stderr


def test_a_missing_parameter_exits_2_naming_it(runner: CliRunner) -> None:
    result = runner.invoke(main, ["query", "concept-card"])
    assert result.exit_code == 2
    assert result.stderr.startswith("concept-card needs --param concept=... (")
    assert "(0 rows)" not in result.output


def test_a_variable_the_sparql_does_not_have_exits_2(runner: CliRunner) -> None:
    query = "SELECT ?label WHERE { ?concept skos:prefLabel ?label }"
    result = runner.invoke(main, ["query", query, "--param", "concpt=bpo:payroll"])
    assert result.exit_code == 2
    assert "no variable 'concpt'; did you mean concept?" in result.stderr
    bound = runner.invoke(main, ["query", query, "--param", "concept=bpo:payroll"])
    assert "paie@fr" in bound.stdout


@pytest.mark.parametrize(
    "spec", ["paie", "payroll", "bpo:payroll", BPO + "payroll", f"<{BPO}payroll>", "Payroll"]
)
def test_a_concept_parameter_takes_every_form_show_takes(runner: CliRunner, spec: str) -> None:
    result = runner.invoke(main, ["query", "concept-card", "--param", f"concept={spec}"])
    assert result.exit_code == 0, result.output
    assert "paie@fr" in result.stdout
    assert "(0 rows)" not in result.stdout


def test_a_concept_parameter_that_names_no_concept_fails(runner: CliRunner) -> None:
    result = runner.invoke(main, ["query", "concept-card", "--param", "concept=astrology"])
    assert result.exit_code == 1
    assert "no concept is named 'astrology'" in result.stderr


def test_a_remote_concept_is_an_iri_a_curie_or_a_slug() -> None:
    concept = named_queries()["concept-card"].parameters[0]
    for spec in ("payroll", "bpo:payroll", BPO + "payroll", f"<{BPO}payroll>"):
        assert parameter_term(concept, spec, None) == URIRef(BPO + "payroll")
    with pytest.raises(QueryError, match="not a label"):
        parameter_term(concept, "payroll processing", None)


# --- Output formats ------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["csv", "table"])
def test_a_graph_in_a_row_format_is_refused(runner: CliRunner, output_format: str) -> None:
    query = "CONSTRUCT WHERE { bpo:payroll a ?type }"
    result = runner.invoke(main, ["query", query, "--format", output_format])
    assert result.exit_code == 2
    assert "use --format turtle or json" in result.stderr
    assert result.stdout == ""


def test_a_graph_comes_as_turtle_by_default_and_rows_as_a_table(runner: CliRunner) -> None:
    constructed = runner.invoke(main, ["query", "CONSTRUCT WHERE { bpo:payroll a ?type }"])
    assert constructed.exit_code == 0
    assert (URIRef(BPO + "payroll"), None, None) in Graph().parse(data=constructed.stdout)
    turtle_rows = runner.invoke(main, ["query", "hierarchy", "--format", "turtle"])
    assert turtle_rows.exit_code == 2
    assert "use table, csv or json" in turtle_rows.stderr


# --- --graph in process --------------------------------------------------------------------

NQUADS = (
    '<http://example.org/a> <http://www.w3.org/2004/02/skos/core#prefLabel> "in g1"@en '
    "<https://example.org/g1> .\n"
    '<http://example.org/b> <http://www.w3.org/2004/02/skos/core#prefLabel> "in g2"@en '
    "<https://example.org/g2> .\n"
    '<http://example.org/c> <http://www.w3.org/2004/02/skos/core#prefLabel> "default"@en .\n'
)
LABELS = "SELECT ?label WHERE { ?c skos:prefLabel ?label } ORDER BY ?label"


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
def test_graph_queries_one_named_graph_of_a_quads_file(
    runner: CliRunner, tmp_path: Path, suffix: str
) -> None:
    data = tmp_path / f"data{suffix}"
    if suffix == ".nq":
        data.write_text(NQUADS, encoding="utf-8")
    else:
        data.write_text(
            "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
            '<https://example.org/g1> { <http://example.org/a> skos:prefLabel "in g1"@en . }\n'
            '<https://example.org/g2> { <http://example.org/b> skos:prefLabel "in g2"@en . }\n'
            '<http://example.org/c> skos:prefLabel "default"@en .\n',
            encoding="utf-8",
        )
    chosen = ["query", LABELS, "--ontology", str(data), "--format", "csv"]
    one = runner.invoke(main, [*chosen, "--graph", "https://example.org/g2"])
    assert one.exit_code == 0, one.output
    assert one.stdout.split() == ["label", "in", "g2"]
    merged = runner.invoke(main, chosen)
    assert merged.stdout.split() == ["label", "default", "in", "g1", "in", "g2"]


def test_graph_that_the_file_does_not_hold_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "data.nq"
    data.write_text(NQUADS, encoding="utf-8")
    wrong = ["query", LABELS, "--ontology", str(data), "--graph", "https://example.org/g3"]
    result = runner.invoke(main, wrong)
    assert result.exit_code == 2
    assert "has no graph <https://example.org/g3>; did you mean https://example.org/g" in (
        result.stderr
    )
    triples = runner.invoke(main, ["query", LABELS, "--graph", "https://example.org/g"])
    assert triples.exit_code == 2
    assert "it holds no named graph: give N-Quads or TriG" in triples.stderr
    assert runner.invoke(main, ["query", LABELS, "--graph", "not an iri"]).exit_code == 2


# --- Remote stores: --graph and parameters -------------------------------------------------


@pytest.mark.server
@pytest.mark.parametrize("name", ["oxigraph", "virtuoso"])
def test_graph_queries_the_published_named_graph(
    runner: CliRunner,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
) -> None:
    server: Server = request.getfixturevalue(f"{name}_server")
    monkeypatch.setenv("BPO_KB_USER", "dba")  # Virtuoso's default account
    monkeypatch.setenv("BPO_KB_PASSWORD", "dba")
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))
    graph_iri = f"https://example.org/query-test/{name}"
    published = runner.invoke(main, ["publish", "--store", server.store_url, "--graph", graph_iri])
    assert published.exit_code == 0, published.output
    remote = ["--sparql", server.query_url, "--graph", graph_iri]
    hierarchy = runner.invoke(main, ["query", "hierarchy", *remote, "--format", "csv"])
    assert hierarchy.exit_code == 0, hierarchy.output
    assert len(hierarchy.stdout.splitlines()) > 10
    assert "https://w3id.org/bpo-kb/payroll" in hierarchy.stdout
    card = runner.invoke(main, ["query", "concept-card", *remote, "--param", "concept=payroll"])
    assert card.exit_code == 0, card.output
    assert "paie@fr" in card.stdout
    prefixed = runner.invoke(main, ["query", "ASK { bpo:payroll a skos:Concept }", *remote])
    assert prefixed.stdout.strip() == "true"
    if name == "oxigraph":  # Virtuoso's default graph is the union of all its graphs
        elsewhere = ["--sparql", server.query_url, "--graph", "https://example.org/empty"]
        empty = runner.invoke(main, ["query", "hierarchy", *elsewhere])
        assert empty.stdout.strip().endswith("(0 rows)")


def test_missing_translations_covers_every_language_of_the_vocabulary(glossary: Graph) -> None:
    extended = Graph()
    extended += glossary
    payroll = URIRef("https://w3id.org/bpo-kb/payroll")
    extended.add((payroll, SKOS.prefLabel, Literal("paga", lang="it")))
    rows = run_query(named_queries()["missing-translations"].text, graph=extended)
    missing = {(str(r[0]), str(r[1]), str(r[2])) for r in rows}
    languages = {language for _, _, language in missing}
    assert {"de", "es", "it"} <= languages
    assert (str(payroll), "definition", "it") in missing
    assert (str(payroll), "prefLabel", "it") not in missing
    assert not any(language in ("fr", "en") for _, _, language in missing)


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
