"""Find concepts by any of their labels, whatever the case, accents, ligatures, spaces, hyphens
or apostrophes.

Matching is done in Python over normalised labels: the user's term never reaches a SPARQL text.
A term matches where a word of the label starts: « outsour » finds « outsourcing » and
« sous trait » finds « sous-traitance », but « out » does not find « baisse des coûts ». A term
in double quotes matches whole words only: « "cost reduction" » finds « cost reduction » and
« IT cost reduction », not « cost reductions ». Ranking: exact preferred term,
exact alternative term, exact hidden label, then labels that start with the term, then labels
with a later word that starts with it.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.term import Node

from bpo_kb.rdf.namespaces import RDF, SKOS

__all__ = [
    "FOLDING",
    "FOLDING_TABLE",
    "LABEL_KINDS",
    "QUOTES",
    "Hit",
    "folding_for_javascript",
    "match_rank",
    "normalise",
    "parse_term",
    "search_concepts",
    "search_resources",
    "typographic_key",
    "word_start_pattern",
    "worked_out_folding",
]

# Label property -> rank of an exact match on it.
LABEL_KINDS = {SKOS.prefLabel: 0, SKOS.altLabel: 1, SKOS.hiddenLabel: 2}
_PREFIX_RANK = 3
_WORD_RANK = 4
RANK_NAMES = {0: "preferred", 1: "alternative", 2: "hidden", 3: "prefix", 4: "word"}
# The quotes around a term that asks for whole words (search.js reads them from the site's index).
QUOTES = '"“”«»„'

# What normalise replaces, after case folding and again after decomposition. Every space
# (Unicode Zs, tab, line breaks: whatever str.split splits on) and every hyphen or dash is one
# space, so that « sous traitance » finds « sous-traitance »; invisible characters (soft hyphen,
# zero-width space and joiner, byte order mark) go; every apostrophe, prime or accent written
# for one is "'", so that « l’étranger » finds « l'étranger »; œ and æ are written out. The
# site's search.js folds with this same table (the builder writes it into the search index).
_SPACES = "".join(c for c in map(chr, range(0x3100)) if c.isspace())  # none above U+3000
_DASHES = (
    "-\u058a\u05be\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
)
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_APOSTROPHES = "`\u00b4\u02b9\u02bc\u2018\u2019\u201b\u2032\u2035\uff07"
FOLDING: dict[str, str] = {
    **{c: " " for c in _SPACES + _DASHES},
    **{c: "" for c in _INVISIBLE},
    **{c: "'" for c in _APOSTROPHES},
    "œ": "oe",
    "æ": "ae",
}
_FOLD = str.maketrans(FOLDING)
# The same classes, each kept as one character of its own: only typing differs, not the word.
_TYPOGRAPHY = str.maketrans(
    {
        **{c: " " for c in _SPACES},
        **{c: "-" for c in _DASHES},
        **{c: "" for c in _INVISIBLE},
        **{c: "'" for c in _APOSTROPHES},
    }
)


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
    """Lower case, without accents or ligatures, with every space, hyphen or dash as one space and
    every apostrophe as "'" (:data:`FOLDING`): « Cœur  de Métier » gives « coeur de metier »,
    « sous\u2011traitance » and « Sous traitance » give « sous traitance », « l’Étranger » gives
    « l'etranger »."""
    folded = text.casefold().translate(_FOLD)
    if not folded.isascii():  # ASCII has no accents to take off: most labels of most glossaries
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)
    return " ".join(folded.split())


def typographic_key(text: str) -> str:
    """``text`` with every space, hyphen and apostrophe variant written one way and its spaces
    single: « l’étranger » and « l'étranger » have one key, « côte » and « cote » two, and so do
    « sous-traitance » and « sous traitance »."""
    return " ".join(text.translate(_TYPOGRAPHY).split())


# The table folding_for_javascript gives, as scripts/generate_search_folding.py writes it, with
# the version of the Unicode database it was worked out from.
FOLDING_TABLE = Path(__file__).with_name("search-folding.json")


@functools.cache
def folding_for_javascript() -> dict[str, object]:
    """What the site's search.js needs to fold a typed term exactly as :func:`normalise` folded
    the index's labels: ``characters``, :data:`FOLDING`; ``cases``, what to replace after
    JavaScript's ``toLowerCase`` where ``casefold`` goes further than lowering (ß → ss), folded;
    and ``marks``, the ranges of a regular expression class of the combining marks.

    Read from :data:`FOLDING_TABLE` when it was made with this Python's Unicode database:
    working it out reads every code point, a fifth of the glossary's cold build.
    """
    try:
        stored = json.loads(FOLDING_TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    if isinstance(stored, dict) and stored.get("unicode") == unicodedata.unidata_version:
        return stored["folding"]
    return worked_out_folding()


def worked_out_folding() -> dict[str, object]:
    """:func:`folding_for_javascript`'s table, from this Python's Unicode database."""
    cases: dict[str, str] = {}
    marks: list[list[int]] = []
    for code in range(0x110000):
        character = chr(code)
        lowered = character.lower()
        if len(lowered) == 1 and lowered.casefold() != lowered:
            cases[lowered] = lowered.casefold().translate(_FOLD)
        if unicodedata.combining(character):
            if marks and marks[-1][1] == code - 1:
                marks[-1][1] = code
            else:
                marks.append([code, code])
    return {
        "characters": dict(sorted(FOLDING.items())),
        "cases": dict(sorted(cases.items())),
        "marks": "".join(f"{chr(a)}-{chr(b)}" if a < b else chr(a) for a, b in marks),
    }


def search_concepts(graph: Graph, term: str, *, language: str | None = None) -> list[Hit]:
    """Concepts with a label matching ``term``, best first (one hit per concept).

    Args:
        graph: the vocabulary.
        term: what the user typed.
        language: only labels in this language (``fr`` also matches ``fr-CA``).
    """
    return search_resources(graph, term, (SKOS.Concept,), language=language)


def search_resources(
    graph: Graph, term: str, types: tuple[Node, ...], *, language: str | None = None
) -> list[Hit]:
    """Resources of any of ``types`` with a label matching ``term``, best first (see
    :func:`search_concepts`)."""
    wanted, whole_words = parse_term(term)
    if not wanted:
        return []
    pattern = word_start_pattern(wanted, whole_words)
    best: dict[Node, Hit] = {}
    resources = {r for kind in types for r in graph.subjects(RDF.type, kind)}
    for resource in resources:
        for label_property, exact_rank in LABEL_KINDS.items():
            for label in graph.objects(resource, label_property):
                if not isinstance(label, Literal) or not _in_language(label, language):
                    continue
                rank = match_rank(normalise(str(label)), wanted, pattern, exact_rank)
                if rank is not None and _better(rank, label, best.get(resource)):
                    best[resource] = Hit(resource, rank, label)
    return sorted(best.values(), key=lambda hit: (hit.rank, normalise(hit.label), str(hit.concept)))


def parse_term(term: str) -> tuple[str, bool]:
    """The normalised term, and whether it was quoted (then it matches whole words only)."""
    stripped = term.strip()
    quoted = len(stripped) > 1 and stripped[0] in QUOTES and stripped[-1] in QUOTES
    return normalise(stripped[1:-1] if quoted else stripped), quoted


def word_start_pattern(wanted: str, whole_words: bool) -> re.Pattern[str]:
    """Where ``wanted`` starts a word of a normalised label (and, for ``whole_words``, ends one):
    not after a letter, digit or underscore (nor before one)."""
    return re.compile(r"(?<!\w)" + re.escape(wanted) + (r"(?!\w)" if whole_words else ""))


def match_rank(label: str, wanted: str, pattern: re.Pattern[str], exact_rank: int) -> int | None:
    """The rank of a normalised ``label`` for the normalised term ``wanted`` (``pattern``, its
    :func:`word_start_pattern`): ``exact_rank`` when they are equal, else 3 when the label starts
    with the term, 4 when a later word does, None when it does not match."""
    if label == wanted:
        return exact_rank
    found = pattern.search(label)
    if found is None:
        return None
    return _PREFIX_RANK if found.start() == 0 else _WORD_RANK


def _better(rank: int, label: Literal, current: Hit | None) -> bool:
    return current is None or (rank, normalise(label)) < (current.rank, normalise(current.label))


def _in_language(label: Literal, language: str | None) -> bool:
    if language is None:
        return True
    tag = (label.language or "").lower()
    return tag == language.lower() or tag.startswith(language.lower() + "-")
