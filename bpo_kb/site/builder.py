"""Write the static bilingual site: an index per language, a page per concept and collection in
each language, a prebuilt search index, the assets and every export to download.

Every piece of vocabulary text reaches the pages through Jinja2 with autoescaping on, and file
names are slugs reduced to ``[a-z0-9-]``: a label cannot become markup, an IRI cannot name a
file outside the site. Nothing is fetched from the network; the pages work from the file system.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.rdf.namespaces import DCTERMS, LEXINFO, OWL, PREFIXES, RDF, SKOS, SKOSXL
from bpo_kb.site.rendering import page_environment
from bpo_kb.skos.labels import slugify, texts_by_language
from bpo_kb.skos.properties import MAPPING_PROPERTIES
from bpo_kb.skos.search import LABEL_KINDS, QUOTES, folding_for_javascript, normalise

__all__ = ["language_name", "site_files"]

ASSETS = Path(__file__).resolve().parent / "assets"
# Each language's name in itself (the language switch), then in each language of the pages
# (« Équivalent anglais », "Other terms in French"); an unknown language is shown by its code.
# Each language in its own words, for the language switch; another shows its tag.
LANGUAGE_NAMES = {"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español"}
LANGUAGE_NAMES_IN = {
    "fr": {"fr": "français", "en": "anglais", "de": "allemand", "es": "espagnol"},
    "en": {"fr": "French", "en": "English", "de": "German", "es": "Spanish"},
}
# Mapping targets are named by their vocabulary, found from the namespace of their IRI; an
# unknown one by its host name.
VOCABULARY_NAMES = {
    PREFIXES["stw"]: "STW",
    PREFIXES["eurovoc"]: "EuroVoc",
    PREFIXES["wd"]: "Wikidata",
    PREFIXES["gnd"]: "GND",
    PREFIXES["unesco"]: "UNESCO",
    PREFIXES["iate"]: "IATE",
}
# Licences by IRI, without its scheme or final "/": the short name readers know them by.
LICENCE_NAMES = {
    "creativecommons.org/licenses/by/4.0": "CC BY 4.0",
    "creativecommons.org/licenses/by-sa/4.0": "CC BY-SA 4.0",
    "creativecommons.org/licenses/by-nd/4.0": "CC BY-ND 4.0",
    "creativecommons.org/licenses/by-nc/4.0": "CC BY-NC 4.0",
    "creativecommons.org/publicdomain/zero/1.0": "CC0 1.0",
    "opendatacommons.org/licenses/by/1-0": "ODC-By 1.0",
    "www.etalab.gouv.fr/licence-ouverte-open-licence": "Licence Ouverte 2.0",
}
# The site's words in each language, punctuation included: French puts a no-break space
# (U+00A0) before ":" and a narrow one (U+202F) before ";", "!" and "?"; English quotes are “ ”.
# {language} is a name from LANGUAGE_NAMES_IN, {vocabulary} one from VOCABULARY_NAMES.
TEXT = {
    "fr": {
        "search": "Rechercher un terme",
        "search_help": (
            "Termes de chaque langue du glossaire\u202f; accents, espaces, traits d'union et "
            "apostrophes indifférents"
        ),
        "introduction": (
            "Ce glossaire donne pour chaque notion son terme privilégié et ses autres termes dans "
            "chacune de ses langues, sa définition, sa place dans la hiérarchie et ses "
            "correspondances dans d'autres vocabulaires. Cherchez un terme ci-dessus, ou "
            "parcourez la liste alphabétique, la hiérarchie ou les regroupements."
        ),
        "languages": "Langues",
        "separator": "\u202f; ",
        "downloads": "Télécharger\u00a0:",
        "index": "Index",
        "terms": "Termes",
        "terms_from_to": "Termes\u00a0: {first} – {last}",
        "term_pages": "Pages de termes",
        "hierarchy": "Hiérarchie",
        "collections": "Regroupements",
        "deprecated": "Concepts retirés",
        "definition": "Définition",
        "equivalent": "Équivalent {language}\u00a0:",
        "alternatives": "Autres termes",
        "alternatives_in": "Autres termes en {language}",
        "scope_note": "Note d'application",
        "source": "Source",
        "broader": "Terme générique",
        "narrower": "Termes spécifiques",
        "related": "Termes associés",
        "in_collections": "Regroupements",
        "mappings": "Correspondances",
        "exactMatch": "équivalent exact dans {vocabulary}",
        "closeMatch": "équivalent proche dans {vocabulary}",
        "broadMatch": "terme plus large dans {vocabulary}",
        "narrowMatch": "terme plus étroit dans {vocabulary}",
        "relatedMatch": "terme associé dans {vocabulary}",
        "members": "Termes",
        "licence": "Licence\u00a0:",
        "deprecatedTerm": "terme déconseillé",
        "supersededTerm": "terme remplacé",
        "grammar": "{part_of_speech} {gender}",
        "term_source": "Source\u00a0:",
        "term_note": "Remarque\u00a0:",
        "no_term": "Pas de terme en {language}\u202f; terme affiché\u00a0:",
        "coverage": "{count} concepts sur {total} ont un terme privilégié en {language}",
        "coverage_one": "{count} concept sur {total} a un terme privilégié en {language}",
    },
    "en": {
        "search": "Search for a term",
        "search_help": (
            "Terms in each language of the glossary; accents, spaces, hyphens and apostrophes "
            "optional"
        ),
        "introduction": (
            "For each concept, this glossary gives its preferred term and other terms in each "
            "of its languages, its definition, its place in the hierarchy and its equivalents in "
            "other vocabularies. Search for a term above, or browse the alphabetical list, the "
            "hierarchy or the groupings."
        ),
        "languages": "Languages",
        "separator": "; ",
        "downloads": "Download:",
        "index": "Index",
        "terms": "Terms",
        "terms_from_to": "Terms: {first} – {last}",
        "term_pages": "Term pages",
        "hierarchy": "Hierarchy",
        "collections": "Groupings",
        "deprecated": "Retired concepts",
        "definition": "Definition",
        "equivalent": "{language} equivalent:",
        "alternatives": "Other terms",
        "alternatives_in": "Other terms in {language}",
        "scope_note": "Scope note",
        "source": "Source",
        "broader": "Broader term",
        "narrower": "Narrower terms",
        "related": "Related terms",
        "in_collections": "Groupings",
        "mappings": "Mappings",
        "exactMatch": "exact match in {vocabulary}",
        "closeMatch": "close match in {vocabulary}",
        "broadMatch": "broader term in {vocabulary}",
        "narrowMatch": "narrower term in {vocabulary}",
        "relatedMatch": "related term in {vocabulary}",
        "members": "Terms",
        "licence": "Licence:",
        "deprecatedTerm": "deprecated term",
        "supersededTerm": "superseded term",
        "grammar": "{gender} {part_of_speech}",
        "term_source": "Source:",
        "term_note": "Usage note:",
        "no_term": "No {language} term; shown:",
        "coverage": "{count} of {total} concepts have a preferred term in {language}",
        "coverage_one": "{count} of {total} concepts has a preferred term in {language}",
    },
}
# The counts that take the singular (« 1 concept sur 31 a », "1 of 31 concepts has"): French
# counts 0 and 1 as singular, English 1 only.
SINGULAR_COUNTS = {"fr": frozenset({0, 1}), "en": frozenset({1})}
# A term's record as dictionaries print it, by LexInfo individual: its part of speech and gender
# abbreviated (« n. f. », "n."), with the words an <abbr> gives readers; its type when it is not
# the full form (« sigle »). An individual not listed is shown by its name in words.
GRAMMAR = {
    "fr": {
        "noun": ("n.", "nom"),
        "verb": ("v.", "verbe"),
        "adjective": ("adj.", "adjectif"),
        "adverb": ("adv.", "adverbe"),
        "nounPhrase": ("loc. n.", "locution nominale"),
        "verbPhrase": ("loc. v.", "locution verbale"),
        "adjectivePhrase": ("loc. adj.", "locution adjectivale"),
        "masculine": ("m.", "masculin"),
        "feminine": ("f.", "féminin"),
        "neuter": ("n.", "neutre"),
    },
    "en": {
        "noun": ("n.", "noun"),
        "verb": ("v.", "verb"),
        "adjective": ("adj.", "adjective"),
        "adverb": ("adv.", "adverb"),
        "nounPhrase": ("n. phr.", "noun phrase"),
        "verbPhrase": ("v. phr.", "verb phrase"),
        "adjectivePhrase": ("adj. phr.", "adjective phrase"),
        "masculine": ("m.", "masculine"),
        "feminine": ("f.", "feminine"),
        "neuter": ("n.", "neuter"),
    },
}
TERM_TYPES = {
    "fr": {
        "initialism": "sigle",
        "acronym": "acronyme",
        "abbreviation": "abréviation",
        "abbreviatedForm": "forme abrégée",
        "shortForm": "forme courte",
        "symbol": "symbole",
        "formula": "formule",
        "phraseologicalUnit": "phraséologisme",
        "variant": "variante",
    },
    "en": {
        "initialism": "initialism",
        "acronym": "acronym",
        "abbreviation": "abbreviation",
        "abbreviatedForm": "abbreviated form",
        "shortForm": "short form",
        "symbol": "symbol",
        "formula": "formula",
        "phraseologicalUnit": "phraseological unit",
        "variant": "variant",
    },
}
# The regions of a term's language tag (fr-CA), by subtag, in each language of the pages; an
# unknown one is shown by its subtag, upper-cased.
REGION_NAMES = {
    "fr": {
        "CA": "Canada",
        "FR": "France",
        "BE": "Belgique",
        "CH": "Suisse",
        "LU": "Luxembourg",
        "MC": "Monaco",
        "SN": "Sénégal",
        "MA": "Maroc",
        "US": "États-Unis",
        "GB": "Royaume-Uni",
        "IE": "Irlande",
        "AU": "Australie",
        "NZ": "Nouvelle-Zélande",
        "IN": "Inde",
        "DE": "Allemagne",
        "AT": "Autriche",
        "ES": "Espagne",
        "MX": "Mexique",
        "AR": "Argentine",
        "419": "Amérique latine",
    },
    "en": {
        "CA": "Canada",
        "FR": "France",
        "BE": "Belgium",
        "CH": "Switzerland",
        "LU": "Luxembourg",
        "MC": "Monaco",
        "SN": "Senegal",
        "MA": "Morocco",
        "US": "United States",
        "GB": "United Kingdom",
        "IE": "Ireland",
        "AU": "Australia",
        "NZ": "New Zealand",
        "IN": "India",
        "DE": "Germany",
        "AT": "Austria",
        "ES": "Spain",
        "MX": "Mexico",
        "AR": "Argentina",
        "419": "Latin America",
    },
}
# The statuses a reader is warned of: the term is shown struck through and labelled.
WARNED_STATUSES = ("deprecatedTerm", "supersededTerm")
# The SKOS-XL property of a term record -> the SKOS label property it stands beside.
RECORD_KINDS = {
    SKOSXL.prefLabel: SKOS.prefLabel,
    SKOSXL.altLabel: SKOS.altLabel,
    SKOSXL.hiddenLabel: SKOS.hiddenLabel,
}
Writer = Callable[[BinaryIO], None]
TERMS_PER_PAGE = 1000
OPEN_TREE_LIMIT = 1000


@dataclass
class _Item:
    node: Node
    slug: str
    pref: dict[str, str]
    alt: dict[str, list[str]] = field(default_factory=dict)
    definitions: dict[str, list[str]] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    # language of the pages -> language of the term ``pref`` shows in it, for each language in
    # which the item has no preferred term of its own
    shown: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Record:
    """What a term's record (its ``skosxl:Label``) says, LexInfo individuals by local name."""

    status: str = ""
    part_of_speech: str = ""
    gender: str = ""
    term_type: str = ""
    sources: tuple[Node, ...] = ()
    notes: tuple[Literal, ...] = ()


# A term record's key: the SKOS label property, the literal's text and language tag.
_RecordKey = tuple[URIRef, str, str]


def site_files(
    graph: Graph,
    downloads: dict[str, Writer],
    *,
    languages: Sequence[str] | None = None,
    terms_per_page: int = TERMS_PER_PAGE,
    open_tree_limit: int = OPEN_TREE_LIMIT,
) -> dict[Path, Writer]:
    """Every file of the site, by path relative to its root, with the writer of its bytes.

    Pages are rendered by their writers, one at a time, so that a large vocabulary's site is
    never held in memory whole; a concept's pages in every language are adjacent, so that what
    they share (links, JSON-LD) is worked out once. The alphabetical list of terms is split
    into pages of ``terms_per_page``, and the tree's branches below the top concepts start
    closed past ``open_tree_limit`` concepts: a browser took over two minutes to open the index
    of 100,000 concepts listed on one page with every branch open. The site has pages in each
    of ``languages``, by default in each language of a preferred term (fr and en first).
    """
    scheme = next(iter(sorted(graph.subjects(RDF.type, SKOS.ConceptScheme), key=str)), None)
    languages = list(languages or _languages_present(graph)) or ["en"]
    every_concept = _items(graph, SKOS.Concept, languages)
    retired = _deprecated(graph)
    # Concepts marked owl:deprecated keep their pages and are found by the search, but are
    # listed apart: out of the terms and the tree.
    concepts = [item for item in every_concept if item.node not in retired]
    deprecated = [item for item in every_concept if item.node in retired]
    collections = _items(graph, SKOS.Collection, languages)
    members = {
        collection.node: set(graph.objects(collection.node, SKOS.member))
        for collection in collections
    }
    environment = page_environment()
    common = {
        language: _common(graph, scheme, language, languages, sorted(downloads))
        for language in languages
    }
    files: dict[Path, Writer] = {  # the longest to write first
        Path("assets", "search-index.js"): lambda stream: stream.write(
            _search_index(graph, every_concept, languages)
        )
    }
    for language in languages:
        pages = _pages_of_terms(concepts, language, terms_per_page)
        pager = _pager(pages, language)
        files[Path(language, "index.html")] = _page(
            environment,
            "index.html.j2",
            lambda language=language, terms=pages["index.html"], pager=pager: {
                **common[language],
                "root": "../",
                "switch_href": lambda other: f"../{other}/index.html",
                "concepts": terms,
                "pager": pager,
                "current": "index.html",
                "collections": collections,
                "deprecated": sorted(deprecated, key=lambda c: normalise(c.pref[language])),
                "description": _text(graph, scheme, DCTERMS.description, language),
                "coverage": _coverage(concepts, languages, language),
                "tree": _tree(
                    environment, graph, concepts, language, len(concepts) <= open_tree_limit
                ),
            },
        )
        for name, terms in list(pages.items())[1:]:
            files[Path(language, name)] = _page(
                environment,
                "terms.html.j2",
                lambda language=language, name=name, terms=terms, pager=pager: {
                    **common[language],
                    "root": "../",
                    "switch_href": lambda other: f"../{other}/{name}",
                    "concepts": terms,
                    "pager": pager,
                    "current": name,
                },
            )
    in_collections = {
        item.node: [c for c in collections if item.node in members[c.node]] for item in concepts
    }
    in_collections.update({item.node: [] for item in deprecated})
    shared = _ConceptPages(graph, every_concept, languages)
    for item in every_concept:
        for language in languages:
            files[Path(language, "concept", f"{item.slug}.html")] = _page(
                environment,
                "concept.html.j2",
                lambda item=item, language=language: {
                    **common[language],
                    "root": "../../",
                    "item": shared.view(item, in_collections[item.node], language),
                    "switch_href": lambda other: f"../../{other}/concept/{item.slug}.html",
                },
            )
    for item in collections:
        for language in languages:
            files[Path(language, "collection", f"{item.slug}.html")] = _page(
                environment,
                "collection.html.j2",
                lambda item=item, language=language: {
                    **common[language],
                    "root": "../../",
                    "item": {
                        "pref": item.pref,
                        "shown": item.shown,
                        "definitions": item.definitions,
                        "members": [
                            {
                                "href": f"../concept/{m.slug}.html",
                                "label": m.pref[language],
                                "lang": m.shown.get(language, ""),
                            }
                            for m in sorted(
                                (c for c in concepts if c.node in members[item.node]),
                                key=lambda c: normalise(c.pref[language]),
                            )
                        ],
                    },
                    "switch_href": lambda other: f"../../{other}/collection/{item.slug}.html",
                },
            )
    files[Path("index.html")] = _page(
        environment,
        "root.html.j2",
        lambda: {
            "languages": languages,
            "language_names": LANGUAGE_NAMES,
            "site_title": _text(graph, scheme, DCTERMS.title, languages[0]) or "Glossary",
        },
    )
    for asset in ("site.css", "search.js"):
        files[Path("assets", asset)] = _bytes((ASSETS / asset).read_bytes())
    for name, writer in downloads.items():
        files[Path("downloads", name)] = writer
    return files


def _coverage(concepts: list[_Item], languages: list[str], reader: str) -> list[str]:
    """For each language of the site, how many concepts have a preferred term in it, in the
    reader's words (« 6 concepts sur 31 ont un terme privilégié en allemand »); nothing when
    every concept has one in every language."""
    total = len(concepts)
    counts = {lang: sum(lang not in c.shown for c in concepts) for lang in languages}
    if all(count == total for count in counts.values()):
        return []
    text = TEXT.get(reader, TEXT["en"])
    singular = SINGULAR_COUNTS.get(reader, SINGULAR_COUNTS["en"])
    return [
        text["coverage_one" if count in singular else "coverage"].format(
            count=count, total=total, language=language_name(lang, reader)
        )
        for lang, count in counts.items()
    ]


def _pages_of_terms(
    concepts: list[_Item], language: str, terms_per_page: int
) -> dict[str, list[_Item]]:
    """The concepts in alphabetical order, by page: ``index.html``, then ``terms-2.html``..."""
    alphabetical = sorted(concepts, key=lambda c: normalise(c.pref[language]))
    chunks = [
        alphabetical[start : start + terms_per_page]
        for start in range(0, len(alphabetical), terms_per_page)
    ] or [[]]
    return {
        "index.html" if number == 1 else f"terms-{number}.html": chunk
        for number, chunk in enumerate(chunks, start=1)
    }


def _pager(pages: dict[str, list[_Item]], language: str) -> list[dict[str, str]]:
    """A link to each page of terms, named by its first and last terms as a printed index's
    guide words; none when there is one page."""
    if len(pages) == 1:
        return []
    return [
        {"href": name, "first": terms[0].pref[language], "last": terms[-1].pref[language]}
        for name, terms in pages.items()
    ]


def _items(graph: Graph, rdf_class: URIRef, languages: list[str]) -> list[_Item]:
    items, used = [], set()
    for node in sorted(graph.subjects(RDF.type, rdf_class), key=str):
        slug = base = slugify(re.split(r"[/#]", str(node).rstrip("/#"))[-1])
        number = 2
        while slug in used:
            slug, number = f"{base}-{number}", number + 1
        used.add(slug)
        by_language = {
            p: texts_by_language(graph, node, p)
            for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.definition, SKOS.scopeNote)
        }
        pref = {lang: texts[0] for lang, texts in by_language[SKOS.prefLabel].items()}
        # where there is no preferred term in a language, the first of the site's languages
        # that has one stands in (marked as such), else the first language that has one
        own = [lang for lang in languages if lang in pref] + [
            lang for lang in pref if lang not in languages
        ]
        fallback = pref[own[0]] if own else slug
        items.append(
            _Item(
                node,
                slug,
                {lang: pref.get(lang, fallback) for lang in languages},
                by_language[SKOS.altLabel],
                by_language[SKOS.definition],
                by_language[SKOS.scopeNote],
                {lang: own[0] for lang in languages if lang not in pref and own and own[0]},
            )
        )
    return items


# A concept's view without its language-dependent parts, and its linked concepts by relation.
_Shared = tuple[dict[str, object], dict[str, list[_Item]]]


class _ConceptPages:
    """The views of concept pages. What a concept's pages share across languages (its linked
    concepts, mappings, JSON-LD) is kept for the last concept asked, as its pages come in a row."""

    def __init__(self, graph: Graph, concepts: list[_Item], languages: list[str]) -> None:
        self._graph = graph
        self._languages = languages
        self._by_node = {item.node: item for item in concepts}
        self._last: tuple[Node, _Shared] | None = None

    def view(self, item: _Item, in_collections: list[_Item], language: str) -> dict[str, object]:
        shared, linked = self._shared(item)
        text = TEXT.get(language, TEXT["en"])

        def links(targets: list[_Item]) -> list[dict[str, str]]:
            found = [
                {
                    "href": f"{t.slug}.html",
                    "label": t.pref[language],
                    "lang": t.shown.get(language, ""),
                }
                for t in targets
            ]
            return sorted(found, key=lambda link: normalise(link["label"]))

        records = cast("dict[_RecordKey, _Record]", shared["records"])
        terms = _Terms(self._graph, records, language)
        shown = item.shown.get(language, language)
        return {
            **shared,
            "pref_term": terms.view(SKOS.prefLabel, item.pref[language], shown, language),
            "shown": item.shown.get(language, ""),
            "equivalents": [
                terms.view(SKOS.prefLabel, item.pref[other], other, language)
                for other in self._languages
                if other not in (language, shown) and other not in item.shown
            ],
            "alt_groups": terms.groups(item.alt),
            "mappings": [
                _mapping(MAPPING_PROPERTIES[index], target, text)
                for index, target in cast("list[tuple[int, str]]", shared["mappings"])
            ],
            "sources": sorted(
                _text(self._graph, s, DCTERMS.title, language) or str(s)
                for s in self._graph.objects(item.node, DCTERMS.source)
            ),
            "links": [
                (text["broader"], links(linked["broader"])),
                (text["narrower"], links(linked["narrower"])),
                (text["related"], links(linked["related"])),
                (
                    text["in_collections"],
                    [
                        {
                            "href": f"../collection/{c.slug}.html",
                            "label": c.pref[language],
                            "lang": c.shown.get(language, ""),
                        }
                        for c in in_collections
                    ],
                ),
            ],
        }

    def _shared(self, item: _Item) -> _Shared:
        if self._last is None or self._last[0] != item.node:
            self._last = (item.node, self._language_free_view(item))
        return self._last[1]

    def _language_free_view(self, item: _Item) -> _Shared:
        graph, node = self._graph, item.node

        def linked(forward: URIRef, backward: URIRef) -> list[_Item]:
            targets = set(graph.objects(node, forward)) | set(graph.subjects(backward, node))
            return [self._by_node[t] for t in targets if t in self._by_node]

        view = {
            "iri": str(node),
            "href": web_link(str(node)),
            "pref": item.pref,
            # the pages' languages first, then any other in which there are alternative terms
            "alt": dict(sorted(item.alt.items(), key=lambda pair: (pair[0] not in TEXT, pair[0]))),
            "definitions": {lang: item.definitions.get(lang, []) for lang in TEXT},
            "notes": {lang: item.notes.get(lang, []) for lang in TEXT},
            "mappings": sorted(
                (MAPPING_PROPERTIES.index(p), str(o))
                for p in MAPPING_PROPERTIES
                for o in graph.objects(node, p)
            ),
            "jsonld": _json_for_script(_concept_jsonld(graph, node)),
            "records": _term_records(graph, node),
        }
        return view, {
            "broader": linked(SKOS.broader, SKOS.narrower),
            "narrower": linked(SKOS.narrower, SKOS.broader),
            "related": linked(SKOS.related, SKOS.related),
        }


def _term_records(graph: Graph, node: Node) -> dict[_RecordKey, _Record]:
    """The records of a concept's terms (its ``skosxl:Label`` resources), by SKOS label
    property, text and language tag of their literal form; none for a vocabulary without."""
    records = {}
    for xl_property, kind in RECORD_KINDS.items():
        for label in graph.objects(node, xl_property):
            form = graph.value(label, SKOSXL.literalForm)
            if not isinstance(form, Literal):
                continue
            records[(kind, str(form), form.language or "")] = _Record(
                status=_local_name(graph.value(label, LEXINFO.normativeAuthorization)),
                part_of_speech=_local_name(graph.value(label, LEXINFO.partOfSpeech)),
                gender=_local_name(graph.value(label, LEXINFO.gender)),
                term_type=_local_name(graph.value(label, LEXINFO.termType)),
                sources=tuple(sorted(graph.objects(label, DCTERMS.source), key=str)),
                notes=tuple(
                    sorted(
                        (n for n in graph.objects(label, SKOS.note) if isinstance(n, Literal)),
                        key=str,
                    )
                ),
            )
    return records


def _local_name(value: Node | None) -> str:
    """``feminine`` for ``lexinfo:feminine``; "" for none."""
    if value is None:
        return ""
    text = str(value)
    return (
        text.removeprefix(str(LEXINFO))
        if text.startswith(str(LEXINFO))
        else (re.split(r"[/#]", text.rstrip("/#"))[-1])
    )


class _Terms:
    """The terms of a concept as a page in ``language`` shows them: each with what its record
    says, in the reader's words (« terme déconseillé », « n. f. », « Canada », its source and
    usage note)."""

    def __init__(self, graph: Graph, records: dict[_RecordKey, _Record], language: str) -> None:
        self._graph = graph
        self._records = records
        self._language = language
        self._text = TEXT.get(language, TEXT["en"])

    def view(self, kind: URIRef, text: str, tag: str, context: str) -> dict[str, object]:
        """The term ``text``@``tag`` (a ``kind`` of label), inside an element in ``context``
        (the language of the page or of its group): it gets a ``lang`` of its own when its
        tag differs."""
        record = self._records.get((kind, text, tag), _Record())
        warned = record.status in WARNED_STATUSES
        region = _region(tag)
        labels = [
            *_grammar(record, self._language),
            *(
                [{"text": _term_type(record.term_type, self._language)}]
                if record.term_type and record.term_type != "fullForm"
                else []
            ),
            *(
                [{"text": _region_name(region, self._language)}]
                if region and tag != context
                else []
            ),
        ]
        notes = [
            {"text": str(note), "lang": _lang(note.language or "", self._language)}
            for note in record.notes
        ]
        sources = [self._source(source) for source in record.sources]
        lang = _lang(tag, context)
        return {
            "text": text,
            "lang": lang,
            "struck": warned,
            "status": self._text[record.status] if warned else "",
            "labels": labels,
            "notes": notes,
            "sources": sources,
            "plain": not (warned or labels or notes or sources or lang),
        }

    def groups(self, alt: dict[str, list[str]]) -> list[dict[str, object]]:
        """The alternative terms: those of the page's language (its regional forms included)
        first, then those of each other language tag, each group a <dt>/<dd> pair."""
        language = self._language
        own = [tag for tag in alt if tag == language] + [
            tag for tag in alt if tag != language and tag.split("-")[0] == language
        ]
        groups = []
        for tags, title, group_lang in [
            (own, self._text["alternatives"], ""),
            *[
                (
                    [tag],
                    self._text["alternatives_in"].format(language=language_name(tag, language)),
                    tag,
                )
                for tag in alt
                if tag not in own
            ],
        ]:
            terms = [
                self.view(SKOS.altLabel, text, tag, group_lang or language)
                for tag in tags
                for text in alt[tag]
            ]
            if not terms:
                continue
            plain = all(term["plain"] for term in terms)
            if not plain and group_lang:
                # the reader's words about the terms (« terme déconseillé ») are in the page's
                # language: the group is, each term says its own
                terms = [
                    self.view(SKOS.altLabel, text, tag, language)
                    for tag in tags
                    for text in alt[tag]
                ]
            terms.sort(key=lambda term: (bool(term["struck"]), term["text"]))  # warned last
            groups.append(
                {
                    "title": title,
                    "lang": group_lang if plain else "",
                    "terms": terms,
                    "plain": plain,
                }
            )
        return groups

    def _source(self, source: Node) -> dict[str, str]:
        """A term's source as a link when it is an http(s) IRI, named by its title, else its
        vocabulary and identifier (« STW 12307-0 »), else its host; as text otherwise."""
        iri = str(source)
        title = _text(self._graph, source, DCTERMS.title, self._language)
        linked = bool(web_link(iri))
        if not title and linked:
            namespace = max(
                (n for n in VOCABULARY_NAMES if iri.startswith(n) and iri != n),
                key=len,
                default="",
            )
            title = (
                f"{VOCABULARY_NAMES[namespace]} {iri[len(namespace) :]}"
                if namespace
                else urlsplit(iri).hostname or iri
            )
        return {"href": iri if linked else "", "text": title or iri}


def _lang(tag: str, context: str) -> str:
    """The ``lang`` attribute a text in ``tag`` needs inside an element in ``context``: none
    when they are the same language; the tag with its region upper-cased otherwise (fr-CA)."""
    if not tag or tag.lower() == context.lower():
        return ""
    parts = tag.split("-")
    return "-".join([parts[0], *(p.upper() if len(p) == 2 else p for p in parts[1:])])


def _region(tag: str) -> str:
    """The region subtag of a language tag, upper-cased (``CA`` for ``fr-ca``); "" if none."""
    for part in tag.split("-")[1:]:
        if len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit():
            return part.upper()
        if len(part) == 1:  # an extension or private use: no region past it
            break
    return ""


def _region_name(region: str, language: str) -> str:
    return REGION_NAMES.get(language, REGION_NAMES["en"]).get(region, region)


def _grammar(record: _Record, language: str) -> list[dict[str, str]]:
    """The part of speech and gender as a dictionary abbreviates them: « n. f. » with the
    title « nom féminin »; an individual without an abbreviation in words."""
    names = GRAMMAR.get(language, GRAMMAR["en"])
    known = [v for v in (record.part_of_speech, record.gender) if v]
    if not known:
        return []
    if not all(value in names for value in known):
        return [{"text": " ".join(_words(value) for value in known)}]
    if not record.part_of_speech or not record.gender:
        abbr, title = names[known[0]]
        return [{"abbr": abbr, "title": title}]
    (pos_abbr, pos), (gender_abbr, gender) = names[record.part_of_speech], names[record.gender]
    title = TEXT.get(language, TEXT["en"])["grammar"].format(part_of_speech=pos, gender=gender)
    return [{"abbr": f"{pos_abbr} {gender_abbr}", "title": title}]


def _term_type(value: str, language: str) -> str:
    return TERM_TYPES.get(language, TERM_TYPES["en"]).get(value) or _words(value)


def _words(name: str) -> str:
    """``shortForm`` as « short form »: a LexInfo name without a translation, in words."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


_WEB_LINK = re.compile(r"https?://[^\s/?#]", re.IGNORECASE)
_NOT_IN_LINK = re.compile(r"[\s\x00-\x1f\x7f]")  # \s: what str.isspace() is true of


def web_link(iri: str) -> str:
    """``iri`` if a page may link to it: an http(s) IRI with a host and no space or control
    character; "" for anything else (``javascript:``, ``data:``, ``file:``, relative), which the
    pages show as text."""
    if not _WEB_LINK.match(iri) or _NOT_IN_LINK.search(iri):
        return ""
    return iri


def _mapping(relation: URIRef, target: str, text: dict[str, str]) -> dict[str, str]:
    """A mapping as readers see it: « terme plus large dans STW », and the target's identifier
    in that vocabulary as the text of a link to its IRI."""
    namespace = max((n for n in VOCABULARY_NAMES if target.startswith(n)), key=len, default="")
    if namespace and target != namespace:
        vocabulary, identifier = VOCABULARY_NAMES[namespace], target[len(namespace) :]
    else:
        vocabulary = urlsplit(target).hostname or target
        identifier = re.split(r"[/#]", target.rstrip("/#"))[-1]
    return {
        "relation": text[str(relation).rsplit("#", 1)[-1]].format(vocabulary=vocabulary),
        "iri": target,
        "href": web_link(target),
        "identifier": identifier,
    }


def _concept_jsonld(graph: Graph, node: Node) -> dict[str, object]:
    """The concept's own statements as compact JSON-LD, with the part of the export's context
    they use (the prefixes and the terms of its keys and types)."""
    from bpo_kb.formats.jsonld import CONTEXT, node_object

    body = node_object(graph, node)
    types = body.get("@type", [])
    used = set(body) | set(types if isinstance(types, list) else [types])
    always = _context_prefixes()
    context = {key: value for key, value in CONTEXT.items() if key in always or key in used}
    return {"@context": context, **body}


@functools.cache
def _context_prefixes() -> frozenset[str]:
    """The keys of the export's context that every concept's JSON-LD keeps: its version and
    prefixes."""
    from bpo_kb.formats.jsonld import CONTEXT

    return frozenset(
        key
        for key, value in CONTEXT.items()
        if key == "@version"
        or isinstance(value, str)
        and ":" not in key
        and value.endswith(("/", "#"))
    )


def _json_for_script(value: object) -> Markup:
    """JSON safe inside <script>: no "</script>", "<!--" or U+2028 can end or break it."""
    from bpo_kb.formats.jsonld import dumps_indented

    text = dumps_indented(value, 1)
    for character, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(character, escaped)
    return Markup(text)  # noqa: S704 - escaped above for the script context


def _tree(
    environment: Environment,
    graph: Graph,
    concepts: list[_Item],
    language: str,
    open_all: bool,
) -> Markup:
    """The hierarchy as nested lists, each branch a <details> element: all open when
    ``open_all``, else only the top concepts'."""
    labels = {item.node: item.pref[language] for item in concepts}
    shown = {item.node: item.shown.get(language, "") for item in concepts}
    slugs = {item.node: item.slug for item in concepts}
    children: dict[Node, set[Node]] = {item.node: set() for item in concepts}
    for item in concepts:
        for parent in set(graph.objects(item.node, SKOS.broader)) | set(
            graph.subjects(SKOS.narrower, item.node)
        ):
            if parent in children:
                children[parent].add(item.node)
    has_parent = {child for kids in children.values() for child in kids}
    template = environment.get_template("tree.html.j2")

    def render(nodes: Iterable[Node], path: frozenset[Node] = frozenset()) -> Markup:
        ordered = sorted(nodes, key=lambda n: normalise(labels[n]))
        return Markup(
            template.render(
                nodes=[
                    {
                        "slug": slugs[n],
                        "label": labels[n],
                        "lang": shown[n],
                        "children": [c for c in children[n] if c not in path | {n}],
                    }
                    for n in ordered
                ],
                open=open_all or not path,
                render=lambda kids, here=path: render(kids, here | set(ordered)),
            )
        )

    return render(n for n in children if n not in has_parent)


def _search_index(graph: Graph, concepts: list[_Item], languages: list[str]) -> bytes:
    """The search's index: per concept its slug, preferred term in each language of the site
    and every label normalised with its rank (0 preferred, 1 alternative, 2 hidden); a label
    whose record is deprecated or superseded also carries that status, its language tag and its
    text, for the result to say so (« nearshoring (terme déconseillé) »). Then, for search.js,
    the site's languages in order and the words for those statuses in each."""
    entries = []
    for item in concepts:
        warned = _warned_labels(graph, item.node)
        labels = sorted(
            {
                (normalise(str(lit)), rank, *warned.get((prop, str(lit), lit.language or ""), ()))
                for prop, rank in LABEL_KINDS.items()
                for lit in graph.objects(item.node, prop)
                if isinstance(lit, Literal)
            }
        )
        entries.append(
            {
                "slug": item.slug,
                **{lang: item.pref[lang] for lang in languages},
                "labels": [list(pair) for pair in labels],
            }
        )
    text = json.dumps(entries, ensure_ascii=False, indent=0, sort_keys=True)
    folding = json.dumps(folding_for_javascript(), ensure_ascii=True, sort_keys=True)
    words = json.dumps(
        {
            lang: {status: TEXT.get(lang, TEXT["en"])[status] for status in WARNED_STATUSES}
            for lang in languages
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    return (
        f"window.BPO_SEARCH_FOLDING = {folding};\nwindow.BPO_SEARCH_INDEX = {text};\n"
        f"window.BPO_SEARCH_LANGUAGES = {json.dumps(languages)};\n"
        f"window.BPO_SEARCH_QUOTES = {json.dumps(QUOTES, ensure_ascii=True)};\n"
        f"window.BPO_SEARCH_WORDS = {words};\n"
    ).encode()


def _warned_labels(graph: Graph, node: Node) -> dict[_RecordKey, tuple[str, str, str]]:
    """The concept's alternative and hidden labels whose record is deprecated or superseded:
    (status, language tag, text) by record key."""
    found = {}
    for xl_property in (SKOSXL.altLabel, SKOSXL.hiddenLabel):
        for label in graph.objects(node, xl_property):
            status = _local_name(graph.value(label, LEXINFO.normativeAuthorization))
            form = graph.value(label, SKOSXL.literalForm)
            if status in WARNED_STATUSES and isinstance(form, Literal):
                tag = form.language or ""
                found[(RECORD_KINDS[xl_property], str(form), tag)] = (
                    status,
                    _lang(tag, ""),
                    str(form),
                )
    return found


def _common(
    graph: Graph, scheme: Node | None, language: str, languages: list[str], downloads: list[str]
) -> dict[str, object]:
    licence = graph.value(scheme, DCTERMS.license) if scheme is not None else None
    return {
        "lang": language,
        "languages": languages,
        "language_names": LANGUAGE_NAMES,
        "language_name": lambda code: language_name(code, language),
        "text": TEXT.get(language, TEXT["en"]),
        "downloads": downloads,
        "site_title": _text(graph, scheme, DCTERMS.title, language) or "Glossary",
        "licence": (
            {
                "iri": str(licence),
                "href": web_link(str(licence)),
                "name": _licence_name(str(licence)),
            }
            if licence
            else None
        ),
    }


def language_name(tag: str, reader: str) -> str:
    """The name of the language ``tag`` in the language ``reader`` reads: « anglais » for
    ``en`` in ``fr``, « français (CA) » for ``fr-CA``; the tag itself for a language not in
    LANGUAGE_NAMES_IN."""
    names = LANGUAGE_NAMES_IN.get(reader, LANGUAGE_NAMES_IN["en"])
    base, _, region = tag.partition("-")
    if tag in names or base not in names:
        return names.get(tag, tag)
    return f"{names[base]} ({region.upper() if len(region) == 2 else region})"


def _licence_name(iri: str) -> str:
    """« CC BY 4.0 » for the IRI of that licence (http or https, with or without a final "/"
    or "legalcode"); the IRI itself for a licence not in LICENCE_NAMES."""
    key = re.sub(r"^https?://|/(legalcode(\.[a-z-]+)?)?$|/$", "", iri.strip())
    return LICENCE_NAMES.get(key.removesuffix("/"), iri)


def _page(
    environment: Environment, template: str, context: Callable[[], dict[str, object]]
) -> Writer:
    """A writer that renders ``template`` when it is called, with what ``context`` returns."""

    def write(stream: BinaryIO) -> None:
        stream.write(environment.get_template(template).render(**context()).encode("utf-8"))

    return write


def _bytes(content: bytes) -> Writer:
    return lambda stream: stream.write(content)


def _text(graph: Graph, node: Node | None, prop: URIRef, language: str) -> str:
    if node is None:
        return ""
    texts = texts_by_language(graph, node, prop)
    return (texts.get(language) or next(iter(texts.values()), [""]))[0]


def _languages_present(graph: Graph) -> list[str]:
    """The languages of the preferred terms, those with a name in LANGUAGE_NAMES first."""
    present = {
        label.language
        for label in graph.objects(None, SKOS.prefLabel)
        if isinstance(label, Literal) and label.language
    }
    known = list(LANGUAGE_NAMES)
    return sorted(present, key=lambda tag: (known.index(tag) if tag in known else len(known), tag))


def _deprecated(graph: Graph) -> set[Node]:
    """The resources marked ``owl:deprecated true``."""
    return {
        node
        for node, value in graph.subject_objects(OWL.deprecated)
        if str(value).strip().lower() == "true"
    }
