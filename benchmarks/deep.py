"""Deterministic deep and narrow synthetic SKOS vocabularies, many labels a concept, with planted
findings at a seeded 5% of the concepts.

The hierarchy is a binary tree of chains: concepts come in chains of :data:`CHAIN` consecutive
numbers, each the broader concept of the next, and the first concept of chain ``b`` (``b > 0``)
hangs under the last concept of chain ``(b - 1) // 2``. No concept has more than two narrower
concepts, and the depth grows as ``CHAIN * log2(size / CHAIN)``: 70 levels at 1,000 concepts,
100 at 10,000, 140 at 100,000 (see :func:`depth`). Each concept has, in each of
:data:`LANGUAGES`, a preferred term, three alternative terms and a hidden one
(:data:`LABELS_PER_CONCEPT` labels), a French and an English definition, and both directions of
its hierarchical links: about 23 triples a concept. The ``clean`` variant passes the bpo profile
(for build); the ``defects`` variant plants one finding at one concept in every block of
:data:`BLOCK`, its place in the block and its kind (one of :data:`KINDS`, each a rule of the
``skos`` profile) drawn by a generator seeded with :data:`SEED`, and lists them beside the file
(:func:`planted_path`): 5,000 concepts with planted findings at 100,000 concepts.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from benchmarks.synthetic import BASE, HEADER

CHAIN = 10
BLOCK = 20
SEED = 19
LANGUAGES = ("fr", "en", "de")
LABELS_PER_CONCEPT = 5 * len(LANGUAGES)
TERM = {"fr": "terme", "en": "term", "de": "Begriff"}
VARIANT = {"fr": "variante", "en": "variant", "de": "Variante"}

KINDS = (
    "PREFLABEL_LANG_MISSING",
    "DEFINITION_LANG_MISSING",
    "PREFLABEL_SHARED",
    "ALTLABEL_SHARED",
    "LABEL_UNTRANSLATED",
    "S13",
    "S14",
    "LABEL_PADDED",
    "LABEL_CONTROL_CHAR",
    "LANG_TAG_INVALID",
    "NOTE_PADDED",
    "HIERARCHY_CYCLE",
    "HIERARCHICAL_REDUNDANCY",
    "S27",
    "RELATED_TO_ITSELF",
    "UNDEFINED_SKOS_TERM",
)


def parent(number: int) -> int:
    """The broader concept of concept ``number`` (> 0)."""
    chain, place = divmod(number, CHAIN)
    return number - 1 if place else ((chain - 1) // 2) * CHAIN + CHAIN - 1


def depth(number: int) -> int:
    """How many broader links lead from concept ``number`` to the top concept, ``c0``."""
    chain, place = divmod(number, CHAIN)
    return ((chain + 1).bit_length() - 1) * CHAIN + place


def narrower(number: int, size: int) -> list[int]:
    """The narrower concepts of concept ``number`` in a vocabulary of ``size`` concepts."""
    chain, place = divmod(number, CHAIN)
    heads = [(2 * chain + 1) * CHAIN, (2 * chain + 2) * CHAIN]  # of the chains hanging here
    below = [number + 1] if place < CHAIN - 1 else heads
    return [child for child in below if child < size]


def planted(size: int) -> dict[int, str]:
    """Concept number -> the kind of finding planted there, one in every block of
    :data:`BLOCK` concepts (never at its first two or last two places, so that no two planted
    concepts are neighbours); the same concepts at every size, as far as the size goes."""
    draw = random.Random(SEED)
    chosen = {}
    for start in range(0, size - BLOCK + 1, BLOCK):
        chosen[start + draw.randrange(2, BLOCK - 2)] = draw.choice(KINDS)
    return chosen


def concept_block(number: int, size: int, kind: str | None) -> str:
    """The Turtle of concept ``number`` in a vocabulary of ``size`` concepts, with the finding
    ``kind`` planted in it (None: none)."""
    children = narrower(number, size)
    labels = {language: f"{TERM[language]} {number}" for language in LANGUAGES}
    if kind == "PREFLABEL_SHARED":  # the rule reports the concept whose IRI sorts first
        labels["en"] = f"term {number + 1}"  # c{n + 1} sorts after c{n}: n + 1 is no 10**k
    if kind == "LABEL_UNTRANSLATED":
        labels["fr"] = labels["en"]
    lines = [
        f"s:c{number} a skos:Concept ;",
        "    skos:inScheme s:scheme ;",
        "    rdfs:isDefinedBy s:scheme ;",
        "    dct:source s:book ;",
    ]
    for language in LANGUAGES:
        if not (kind == "PREFLABEL_LANG_MISSING" and language == "fr"):
            lines.append(f'    skos:prefLabel "{labels[language]}"@{language} ;')
        variants = [f'"{VARIANT[language]} {number} {letter}"@{language}' for letter in "abc"]
        lines.append("    skos:altLabel " + " , ".join(variants) + " ;")
        lines.append(f'    skos:hiddenLabel "{TERM[language]}{number}"@{language} ;')
    extra_labels = {
        "ALTLABEL_SHARED": f'skos:altLabel "term {number - 1}"@en',
        "S13": f'skos:altLabel "{labels["en"]}"@en',
        "S14": f'skos:prefLabel "second term {number}"@en',
        "LABEL_PADDED": f'skos:altLabel "padded {number} "@en',
        "LABEL_CONTROL_CHAR": f'skos:altLabel "zero\\u200bwidth {number}"@en',
        "LANG_TAG_INVALID": f'skos:altLabel "xx {number}"@xx',
        "UNDEFINED_SKOS_TERM": f'skos:scopenote "note {number}"@en',
    }
    if kind in extra_labels:
        lines.append(f"    {extra_labels[kind]} ;")
    lines.append(f'    skos:definition "Définition du terme {number}."@fr ;')
    if kind != "DEFINITION_LANG_MISSING":
        padding = " " if kind == "NOTE_PADDED" else ""
        lines.append(f'    skos:definition "Definition of term {number}.{padding}"@en ;')
    if number == 0:
        lines.append("    skos:topConceptOf s:scheme ;")
    else:
        lines.append(f"    skos:broader s:c{parent(number)} ;")
    if kind == "HIERARCHICAL_REDUNDANCY":
        lines.append(f"    skos:broader s:c{parent(parent(number))} ;")
    if kind == "HIERARCHY_CYCLE":
        children.append(parent(number))  # the broader concept is also a narrower one
    if children:
        lines.append("    skos:narrower " + " , ".join(f"s:c{c}" for c in children) + " ;")
    related = {"S27": parent(parent(number)), "RELATED_TO_ITSELF": number}
    if kind in related:
        lines.append(f"    skos:related s:c{related[kind]} ;")
    lines[-1] = lines[-1][:-2] + " ."
    return "\n".join(lines) + "\n"


def planted_path(path: Path) -> Path:
    """Where :func:`write_vocabulary` lists the findings planted in ``path``: one
    ``CODE<TAB>IRI`` line each."""
    return path.with_name(path.name + ".planted")


def write_vocabulary(path: Path, size: int, *, defects: bool) -> Path:
    """Write a vocabulary of ``size`` concepts (at least :data:`BLOCK`) to ``path``, and, for the
    ``defects`` variant, the list of its planted findings to :func:`planted_path`."""
    if size < BLOCK:
        raise ValueError(f"the planted findings need at least {BLOCK} concepts")
    kinds = planted(size) if defects else {}
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for number in range(size):
            out.write("\n" + concept_block(number, size, kinds.get(number)))
    if defects:
        planted_path(path).write_text(
            "".join(f"{kind}\t{BASE}c{number}\n" for number, kind in sorted(kinds.items())),
            encoding="utf-8",
        )
    return path


if __name__ == "__main__":
    size, variant, target = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    write_vocabulary(target, size, defects=variant == "defects")
