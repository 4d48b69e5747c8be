"""The small ideas that have one home each: CURIEs, IRI and language-tag checks, the label shown
for a resource, the SKOS property groups, and the pyoxigraph <-> rdflib term conversion."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef

from bpo_kb.rdf.checks import is_absolute_iri, is_http_iri, is_language_tag
from bpo_kb.rdf.curies import PrefixMap
from bpo_kb.rdf.namespaces import PREFIXES, SKOS, XSD, compact_iri, expand_iri
from bpo_kb.rdf.terms import TermConverter, to_oxigraph, to_rdflib
from bpo_kb.skos.labels import display_label, texts_by_language
from bpo_kb.skos.properties import LABEL_PROPERTIES, MAPPING_PROPERTIES

EX = "http://example.org/"


def test_a_curie_takes_the_longest_namespace_that_fits() -> None:
    curies = PrefixMap({"ex": EX, "exs": EX + "sub/", "frag": EX + "doc#"})
    assert curies.compact(EX + "sub/x") == "exs:x"
    assert curies.compact(EX + "a") == "ex:a"
    assert curies.compact(EX + "doc#term") == "frag:term"
    assert curies.compact(EX + "sub/a/b") == "exs:a/b"
    assert curies.compact("http://other.org/a") is None
    assert curies.compact(EX) is None  # nothing left to be a local name


def test_a_curie_never_starts_its_local_name_with_two_slashes() -> None:
    curies = PrefixMap({"ex": EX})
    assert curies.compact(EX + "//x") is None  # "ex://x" would read as an authority
    assert curies.expand("ex://x") is None


def test_a_format_can_allow_fewer_local_names() -> None:
    curies = PrefixMap({"ex": EX}, local_ok=lambda local: local.isalpha())
    assert curies.compact(EX + "abc") == "ex:abc"
    assert curies.compact(EX + "a-1") is None


def test_expansion_is_the_inverse_of_compaction() -> None:
    curies = PrefixMap(PREFIXES)
    for iri in (PREFIXES["stw"] + "19113-6", PREFIXES["bpo"] + "payroll", str(SKOS.prefLabel)):
        compact = curies.compact(iri)
        assert compact is not None
        assert curies.expand(compact) == iri
    assert curies.expand("nope:x") is None
    assert curies.expand("no colon") is None


def test_a_namespace_must_end_where_a_curie_can_cut() -> None:
    with pytest.raises(ValueError, match="must end"):
        PrefixMap({"ex": "http://example.org/ns"})


def test_the_project_prefixes_compact_and_expand() -> None:
    assert compact_iri(URIRef(PREFIXES["stw"] + "19113-6")) == "stw:19113-6"
    assert compact_iri(BNode("b1")) == "_:b1"
    assert compact_iri(URIRef("http://other.org/x")) == "http://other.org/x"
    assert expand_iri("bpo:payroll") == URIRef(PREFIXES["bpo"] + "payroll")
    assert expand_iri("<https://example.org/a>") == URIRef("https://example.org/a")
    with pytest.raises(ValueError, match="neither an IRI"):
        expand_iri("nope:x")


@pytest.mark.parametrize(
    "text",
    ["http://example.org/a", "https://w3id.org/bpo-kb/", "urn:isbn:123", "mailto:a@b.org"],
)
def test_absolute_iris_pass(text: str) -> None:
    assert is_absolute_iri(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "relative/path",
        "http://example.org/a b",
        "http://example.org/<a>",
        'http://example.org/"',
        "http://example.org/{x}",
        "http://example.org/a|b",
        "http://example.org/a^b",
        "http://example.org/a`b",
        "http://example.org/a\\b",
        "http://example.org/a\nb",
        "http://example.org/\x00",
        "1http://example.org/",
        "http:",
    ],
)
def test_iris_with_forbidden_characters_or_no_scheme_fail(text: str) -> None:
    assert not is_absolute_iri(text)


def test_http_iris_need_a_host() -> None:
    assert is_http_iri("https://example.org/x")
    assert not is_http_iri("https:///x")
    assert not is_http_iri("urn:x:y")
    assert not is_http_iri("javascript:alert(1)")


@pytest.mark.parametrize("tag", ["fr", "en", "fr-CA", "de-CH-1901", "zh-Hant-TW", "fra", "es-419"])
def test_registered_language_tags_pass(tag: str) -> None:
    assert is_language_tag(tag)


@pytest.mark.parametrize("tag", ["", "french", "xx", "en_GB", "en-", "-en", "fr CA", "e n"])
def test_unregistered_or_malformed_language_tags_fail(tag: str) -> None:
    assert not is_language_tag(tag)


def _labelled(*labels: Literal) -> tuple[Graph, URIRef]:
    graph = Graph()
    node = URIRef(EX + "c")
    for label in labels:
        graph.add((node, SKOS.prefLabel, label))
    return graph, node


def test_the_label_shown_is_in_the_first_wanted_language_that_has_one() -> None:
    graph, node = _labelled(Literal("paie", lang="fr"), Literal("payroll", lang="en"))
    assert display_label(graph, node, ("en", "fr")) == "payroll"
    assert display_label(graph, node, ("de", "fr")) == "paie"


def test_without_a_wanted_language_the_smallest_tag_and_text_are_shown() -> None:
    graph, node = _labelled(
        Literal("Lohn", lang="de"), Literal("paga", lang="it"), Literal("Gehalt", lang="de")
    )
    assert display_label(graph, node, ("fr",)) == "Gehalt"
    assert display_label(graph, URIRef(EX + "none"), ("fr",), default="?") == "?"
    assert display_label(graph, None, ("fr",)) == ""


def test_texts_by_language_are_sorted() -> None:
    graph, node = _labelled(Literal("b", lang="fr"), Literal("a", lang="fr"), Literal("x"))
    assert texts_by_language(graph, node, SKOS.prefLabel) == {"": ["x"], "fr": ["a", "b"]}


def test_the_skos_property_groups() -> None:
    assert LABEL_PROPERTIES == (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
    assert set(MAPPING_PROPERTIES) == {
        SKOS.exactMatch,
        SKOS.closeMatch,
        SKOS.broadMatch,
        SKOS.narrowMatch,
        SKOS.relatedMatch,
    }
    assert MAPPING_PROPERTIES[0] == SKOS.exactMatch


@pytest.mark.parametrize(
    "term",
    [
        URIRef(EX + "a"),
        Literal("paie", lang="fr"),
        Literal("42", datatype=XSD.integer),
        Literal("2026-11-30", datatype=XSD.date),
        Literal("plain"),
    ],
)
def test_terms_go_to_oxigraph_and_back_unchanged(term: object) -> None:
    assert to_rdflib(to_oxigraph(term)) == term


def test_a_simple_literal_comes_back_without_a_datatype() -> None:
    oxigraph_literal = pyoxigraph.Literal("x", datatype=pyoxigraph.NamedNode(str(XSD.string)))
    converted = to_rdflib(oxigraph_literal)
    assert converted == Literal("x")
    assert converted.datatype is None


def test_blank_nodes_keep_their_identifier_and_iris_are_made_once() -> None:
    assert to_rdflib(pyoxigraph.BlankNode("b7")) == BNode("b7")
    convert = TermConverter()
    first = convert(pyoxigraph.NamedNode(EX + "a"))
    assert convert(pyoxigraph.NamedNode(EX + "a")) is first
