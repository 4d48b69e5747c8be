"""Propose mappings to another SKOS vocabulary by matching normalised labels.

Labels are compared per primary language after folding case, accents and ligatures
(:func:`bpo_kb.skos.search.normalise`) and reducing plurals (a final s or x on each word of
more than three letters). The score says how strong the evidence is: our preferred term equal
to theirs 1.0, a preferred term equal to an alternative one 0.9, two alternative terms 0.8, and
0.05 less when only the plural reduction made them equal. Candidates scoring 1.0 or 0.95 are
proposed as skos:exactMatch, the others as skos:closeMatch; all are justified by
semapv:LexicalMatching.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.term import Node

from bpo_kb.files import stdin_named, write_output
from bpo_kb.formats.sssom import MappingRow, namespace_of, write_sssom_rows
from bpo_kb.progress import ProgressCallback, silent
from bpo_kb.rdf.namespaces import RDF, RDFS, SKOS, VANN
from bpo_kb.rdf.read import declared_prefixes, read_graph
from bpo_kb.skos.search import normalise

__all__ = ["align", "align_files", "prefix_names", "singular", "write_alignment"]

_FIELD_SCORES = {
    ("prefLabel", "prefLabel"): 1.0,
    ("prefLabel", "altLabel"): 0.9,
    ("altLabel", "prefLabel"): 0.9,
    ("altLabel", "altLabel"): 0.8,
}
_PLURAL_PENALTY = 0.05
# Last segments of scheme IRIs that say nothing of which vocabulary it is.
_GENERIC_WORDS = {"scheme", "conceptscheme", "concepts", "vocabulary", "vocab", "terms"}


@dataclass(frozen=True)
class _Label:
    concept: Node
    field: str
    text: str
    language: str


def singular(text: str) -> str:
    """``text`` with the plural ending of each long word dropped: « business processes » →
    « business processe », « coûts » → « cout » (after normalising)."""
    return " ".join(
        word[:-1] if len(word) > 3 and word[-1] in "sx" else word
        for word in normalise(text).split()
    )


def align(ours: Graph, theirs: Graph) -> list[MappingRow]:
    """Candidate mappings from every concept of ``ours`` to concepts of ``theirs``, best first."""
    index: dict[tuple[str, str], list[_Label]] = defaultdict(list)
    for label in _labels(theirs):
        index[(label.language, normalise(label.text))].append(label)
        index[(label.language, "~" + singular(label.text))].append(label)
    best: dict[tuple[Node, Node], MappingRow] = {}
    for our in _labels(ours):
        exact = index.get((our.language, normalise(our.text)), [])
        folded = index.get((our.language, "~" + singular(our.text)), [])
        for their, penalty in [(t, 0.0) for t in exact] + [(t, _PLURAL_PENALTY) for t in folded]:
            if their.concept == our.concept:
                continue
            score = round(_FIELD_SCORES[(our.field, their.field)] - penalty, 2)
            key = (our.concept, their.concept)
            if key not in best or score > (best[key].confidence or 0):
                best[key] = MappingRow(
                    our.concept,
                    SKOS.exactMatch if score >= 0.95 else SKOS.closeMatch,
                    their.concept,
                    "semapv:LexicalMatching",
                    subject_label=our.text,
                    object_label=their.text,
                    confidence=score,
                    subject_match_field=f"skos:{our.field}",
                    object_match_field=f"skos:{their.field}",
                    match_string=normalise(our.text),
                )
    return sorted(
        best.values(), key=lambda r: (str(r.subject), -(r.confidence or 0), str(r.object))
    )


def _labels(graph: Graph) -> list[_Label]:
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    for subclass in graph.subjects(RDFS.subClassOf, SKOS.Concept):
        concepts |= set(graph.subjects(RDF.type, subclass))
    found = []
    for concept in concepts:
        for field, prop in (("prefLabel", SKOS.prefLabel), ("altLabel", SKOS.altLabel)):
            for literal in graph.objects(concept, prop):
                if isinstance(literal, Literal) and literal.language:
                    found.append(
                        _Label(concept, field, str(literal), literal.language.split("-")[0].lower())
                    )
    return found


def prefix_names(
    theirs: Graph, others: Sequence[Path], input_format: str | None = None
) -> dict[str, str]:
    """``namespace -> prefix`` for the other vocabulary's IRIs: the prefixes its files declare
    (``@prefix``, ``xmlns:``), its ``vann:preferredNamespacePrefix``, and for the namespace of
    each scheme's concepts a name from the scheme's IRI (its last segment, when a word that is
    not a generic one such as "scheme")."""
    names = dict(declared_prefixes(others, input_format))
    for subject, prefix in theirs.subject_objects(VANN.preferredNamespacePrefix):
        for namespace in theirs.objects(subject, VANN.preferredNamespaceUri):
            names.setdefault(str(namespace), str(prefix))
    for scheme in sorted(theirs.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        word = re.split(r"[/#:]", str(scheme).rstrip("/#"))[-1].lower()
        if not re.fullmatch(r"[a-z][a-z0-9_-]*", word) or word in _GENERIC_WORDS:
            continue
        members = set(theirs.subjects(SKOS.inScheme, scheme))
        members |= set(theirs.objects(scheme, SKOS.hasTopConcept))
        for namespace in sorted({namespace_of(str(member)) for member in members}):
            names.setdefault(namespace, word)
    return names


def align_files(
    ours: Graph,
    others: Sequence[Path],
    output: Path,
    *,
    input_format: str | None = None,
    progress: ProgressCallback = silent,
) -> list[MappingRow]:
    """Read the vocabulary in ``others``, align ``ours`` with it (:func:`align`) and write the
    candidates to ``output`` (:func:`write_alignment`); returns them.

    Raises:
        InputError: a file of ``others`` is missing or does not parse; nothing is written.
    """
    progress(f"reading {', '.join(map(str, others))}")
    theirs = read_graph(others, input_format)
    progress("matching labels")
    rows = align(ours, theirs)
    progress(f"writing {output}")
    write_alignment(rows, others, output, theirs, input_format)
    return rows


def write_alignment(
    rows: Sequence[MappingRow],
    others: Sequence[Path],
    output: Path,
    theirs: Graph,
    input_format: str | None = None,
) -> None:
    """Write candidate mappings to the vocabulary ``theirs``, read from ``others``, as an SSSOM
    table, atomically (to standard output if ``output`` is "-"); its namespaces get the
    prefixes it declares (:func:`prefix_names`)."""
    metadata = {
        "mapping_set_id": f"urn:bpo-kb:alignment:{others[0].name}",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "object_source": stdin_named(", ".join(str(path) for path in others)),
    }
    names = prefix_names(theirs, others, input_format)
    write_output(output, lambda stream: write_sssom_rows(rows, metadata, stream, names=names))
