"""A resource's labels as people read them: the one to display, and texts by language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.rdf.namespaces import SKOS

__all__ = [
    "display_label",
    "grouped_by_language",
    "label_to_display",
    "slugify",
    "texts_by_language",
]


def display_label(
    graph: Graph,
    node: Node | None,
    languages: Sequence[str],
    default: str = "",
    *,
    prop: URIRef = SKOS.prefLabel,
) -> str:
    """The prefLabel (or other text ``prop``) to show for ``node``: in the first of
    ``languages`` that has one, else in the smallest language tag it has; the smallest text
    where a language has several; else ``default``."""
    if node is None:
        return default
    return label_to_display(texts_by_language(graph, node, prop), languages, default)


def label_to_display(
    by_language: dict[str, list[str]], languages: Sequence[str], default: str = ""
) -> str:
    """The text :func:`display_label` picks from prefLabel texts sorted by language."""
    for language in languages:
        if language in by_language:
            return by_language[language][0]
    return next(iter(by_language.values()), [default])[0]


def texts_by_language(graph: Graph, node: Node, prop: URIRef) -> dict[str, list[str]]:
    """The literal values of ``prop`` on ``node``, sorted, by language ("" for none)."""
    return grouped_by_language(
        (literal.language or "", str(literal))
        for literal in graph.objects(node, prop)
        if isinstance(literal, Literal)
    )


def grouped_by_language(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """(language, text) pairs as texts by language ("" for none), both sorted."""
    found: dict[str, list[str]] = {}
    for language, text in pairs:
        found.setdefault(language, []).append(text)
    return {language: sorted(texts) for language, texts in sorted(found.items())}


def slugify(text: str) -> str:
    """A file- and IRI-safe slug: ASCII letters, digits and hyphens only, never empty
    (« Cœur de métier » gives ``coeur-de-metier``)."""
    written_out = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    folded = unicodedata.normalize("NFKD", written_out).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug or "item"
