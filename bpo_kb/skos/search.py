"""Find concepts by any of their labels, whatever the case, accents or ligatures.

Matching is done in Python over normalised labels: the user's term never reaches a SPARQL text.
Ranking: exact preferred term, exact alternative term, exact hidden label, then labels that start
with the term, then labels that contain it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rdflib import Graph, Literal
from rdflib.term import Node

from bpo_kb.rdf.namespaces import RDF, SKOS

__all__ = ["LABEL_KINDS", "Hit", "normalise", "search_concepts"]

# Label property -> rank of an exact match on it.
LABEL_KINDS = {SKOS.prefLabel: 0, SKOS.altLabel: 1, SKOS.hiddenLabel: 2}
_PREFIX_RANK = 3
_SUBSTRING_RANK = 4
RANK_NAMES = {0: "preferred", 1: "alternative", 2: "hidden", 3: "prefix", 4: "substring"}
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "’": "'", "ʼ": "'", "‘": "'"})


@dataclass(frozen=True)
class Hit:
    """A concept found, how well (rank, lower is better) and through which label."""

    concept: Node
    rank: int
    label: Literal

    @property
    def match(self) -> str:
        return RANK_NAMES[self.rank]


def normalise(text: str) -> str:
    """Lower case, without accents or ligatures, with single spaces: « Cœur  de Métier » gives
    « coeur de metier »."""
    folded = text.casefold().translate(_LIGATURES)
    if not folded.isascii():  # ASCII has no accents to take off: most labels of most glossaries
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(folded.split())


def search_concepts(graph: Graph, term: str, *, language: str | None = None) -> list[Hit]:
    """Concepts with a label matching ``term``, best first (one hit per concept).

    Args:
        graph: the vocabulary.
        term: what the user typed.
        language: only labels in this language (``fr`` also matches ``fr-CA``).
    """
    wanted = normalise(term)
    if not wanted:
        return []
    best: dict[Node, Hit] = {}
    for concept in set(graph.subjects(RDF.type, SKOS.Concept)):
        for label_property, exact_rank in LABEL_KINDS.items():
            for label in graph.objects(concept, label_property):
                if not isinstance(label, Literal) or not _in_language(label, language):
                    continue
                rank = _rank(normalise(str(label)), wanted, exact_rank)
                if rank is not None and _better(rank, label, best.get(concept)):
                    best[concept] = Hit(concept, rank, label)
    return sorted(best.values(), key=lambda hit: (hit.rank, normalise(hit.label), str(hit.concept)))


def _rank(label: str, wanted: str, exact_rank: int) -> int | None:
    if label == wanted:
        return exact_rank
    if label.startswith(wanted):
        return _PREFIX_RANK
    if wanted in label:
        return _SUBSTRING_RANK
    return None


def _better(rank: int, label: Literal, current: Hit | None) -> bool:
    return current is None or (rank, normalise(label)) < (current.rank, normalise(current.label))


def _in_language(label: Literal, language: str | None) -> bool:
    if language is None:
        return True
    tag = (label.language or "").lower()
    return tag == language.lower() or tag.startswith(language.lower() + "-")
