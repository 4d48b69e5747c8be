"""What changed between two versions of a vocabulary: concepts added, removed and deprecated,
and, concept by concept, the labels, notes and relations added or removed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.term import Node

from bpo_kb.rdf.namespaces import OWL, RDF, SKOS, compact_iri
from bpo_kb.rdf.read import read_graph
from bpo_kb.skos.labels import display_label

__all__ = ["ConceptChange", "VocabularyDiff", "diff_files", "diff_vocabularies"]


@dataclass
class ConceptChange:
    """The statements about one concept present in only one of the versions."""

    concept: str
    label: str
    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class VocabularyDiff:
    """Everything that differs between an old and a new version."""

    identical: bool
    added: list[tuple[str, str]]
    removed: list[tuple[str, str]]
    deprecated: list[tuple[str, str]]
    changed: list[ConceptChange]
    other_added: int
    other_removed: int

    def as_dict(self) -> dict[str, object]:
        return {
            "identical": self.identical,
            "added": [{"concept": c, "label": label} for c, label in self.added],
            "removed": [{"concept": c, "label": label} for c, label in self.removed],
            "deprecated": [{"concept": c, "label": label} for c, label in self.deprecated],
            "changed": [
                {
                    "concept": change.concept,
                    "label": change.label,
                    "added": [{"property": p, "value": v} for p, v in change.added],
                    "removed": [{"property": p, "value": v} for p, v in change.removed],
                }
                for change in self.changed
            ],
            "other_triples": {"added": self.other_added, "removed": self.other_removed},
        }

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def as_text(self) -> str:
        if self.identical:
            return "no difference"
        lines = []
        for title, entries in (
            ("added", self.added),
            ("removed", self.removed),
            ("deprecated", self.deprecated),
        ):
            lines.append(f"Concepts {title}: {len(entries)}")
            lines += [f"  {concept}  {label}" for concept, label in entries]
        lines.append(f"Concepts changed: {len(self.changed)}")
        for change in self.changed:
            lines.append(f"  {change.concept}  {change.label}")
            lines += [f"    - {prop} {value}" for prop, value in change.removed]
            lines += [f"    + {prop} {value}" for prop, value in change.added]
        lines.append(f"Other triples: +{self.other_added} -{self.other_removed}")
        return "\n".join(lines)


def diff_files(old: Path, new: Path, input_format: str | None = None) -> VocabularyDiff:
    """Compare the vocabularies in two files or folders, in any RDF syntax
    :func:`~bpo_kb.rdf.read.read_graph` reads (the parser chosen by extension, or
    ``input_format`` for both).

    Raises:
        InputError: a file is missing or does not parse.
    """
    return diff_vocabularies(read_graph([old], input_format), read_graph([new], input_format))


def diff_vocabularies(
    old: Graph, new: Graph, languages: tuple[str, ...] = ("en", "fr")
) -> VocabularyDiff:
    """Compare two versions; blank nodes make two graphs equal when they are isomorphic."""
    old_concepts = set(old.subjects(RDF.type, SKOS.Concept))
    new_concepts = set(new.subjects(RDF.type, SKOS.Concept))
    kept = old_concepts & new_concepts
    deprecated = {c for c in kept if _is_deprecated(new, c) and not _is_deprecated(old, c)}
    changed = []
    for concept in sorted(kept, key=str):
        before = {(p, o) for p, o in old.predicate_objects(concept)}
        after = {(p, o) for p, o in new.predicate_objects(concept)}
        if before != after:
            changed.append(
                ConceptChange(
                    compact_iri(concept),
                    display_label(new, concept, languages),
                    added=sorted(_describe(p, o) for p, o in after - before),
                    removed=sorted(_describe(p, o) for p, o in before - after),
                )
            )
    about_concepts = old_concepts | new_concepts
    other_old = {t for t in old if t[0] not in about_concepts}
    other_new = {t for t in new if t[0] not in about_concepts}
    return VocabularyDiff(
        identical=_same_graph(old, new),
        added=_named(new, new_concepts - old_concepts, languages),
        removed=_named(old, old_concepts - new_concepts, languages),
        deprecated=_named(new, deprecated, languages),
        changed=changed,
        other_added=len(other_new - other_old),
        other_removed=len(other_old - other_new),
    )


def _is_deprecated(graph: Graph, concept: Node) -> bool:
    return any(str(value).lower() == "true" for value in graph.objects(concept, OWL.deprecated))


def _named(graph: Graph, concepts: set[Node], languages: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted((compact_iri(c), display_label(graph, c, languages)) for c in concepts)


def _describe(predicate: Node, obj: Node) -> tuple[str, str]:
    if isinstance(obj, Literal):
        value = f'"{obj}"' + (f"@{obj.language}" if obj.language else "")
    else:
        value = compact_iri(obj)
    return compact_iri(predicate), value


def _same_graph(old: Graph, new: Graph) -> bool:
    """Whether the versions hold the same triples: compared as sets when neither has a blank
    node (no canonical form needed, and an invalid IRI, which rdflib's canonicaliser cannot
    serialise, compares like any other), else as isomorphic graphs."""
    if not any(
        isinstance(term, BNode) for graph in (old, new) for triple in graph for term in triple
    ):
        return set(old) == set(new)
    try:
        return isomorphic(old, new)
    except Exception:  # rdflib cannot canonicalise a graph with an IRI it cannot write
        return len(old) == len(new) and set(old) == set(new)
