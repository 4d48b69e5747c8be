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

from bpo_kb.rdf.namespaces import DCTERMS, OWL, RDF, SKOS
from bpo_kb.site.rendering import page_environment, web_link
from bpo_kb.site.terms import (
    WARNED_STATUSES,
    LabelRecord,
    RecordKey,
    TermViews,
    label_records,
    warned_labels,
)
from bpo_kb.site.words import (
    LANGUAGE_NAMES,
    SINGULAR_COUNTS,
    TEXT,
    VOCABULARY_NAMES,
    language_name,
    licence_name,
)
from bpo_kb.skos.labels import display_label, slugify, texts_by_language
from bpo_kb.skos.properties import MAPPING_PROPERTIES
from bpo_kb.skos.search import LABEL_KINDS, QUOTES, folding_for_javascript, normalise

__all__ = ["site_files"]

ASSETS = Path(__file__).resolve().parent / "assets"
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
                "description": display_label(graph, scheme, (language,), prop=DCTERMS.description),
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
            "site_title": display_label(graph, scheme, (languages[0],), prop=DCTERMS.title)
            or "Glossary",
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

        records = cast("dict[RecordKey, LabelRecord]", shared["records"])
        terms = TermViews(self._graph, records, language)
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
                display_label(self._graph, s, (language,), prop=DCTERMS.title) or str(s)
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
            "records": label_records(graph, node),
        }
        return view, {
            "broader": linked(SKOS.broader, SKOS.narrower),
            "narrower": linked(SKOS.narrower, SKOS.broader),
            "related": linked(SKOS.related, SKOS.related),
        }


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
        warned = warned_labels(graph, item.node)
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
        "site_title": display_label(graph, scheme, (language,), prop=DCTERMS.title) or "Glossary",
        "licence": (
            {
                "iri": str(licence),
                "href": web_link(str(licence)),
                "name": licence_name(str(licence)),
            }
            if licence
            else None
        ),
    }


def _page(
    environment: Environment, template: str, context: Callable[[], dict[str, object]]
) -> Writer:
    """A writer that renders ``template`` when it is called, with what ``context`` returns."""

    def write(stream: BinaryIO) -> None:
        stream.write(environment.get_template(template).render(**context()).encode("utf-8"))

    return write


def _bytes(content: bytes) -> Writer:
    return lambda stream: stream.write(content)


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
