"""An rdflib store for large vocabularies held in memory: one index by subject, one by predicate
built when first needed.

rdflib's memory stores keep three nested-dictionary indexes (a dictionary per subject-predicate,
predicate-object and object-subject pair); for a 100,000-concept thesaurus of 1.3 million triples
that is several gigabytes. bpo-kb's writers read subject by subject, plus a few lookups by
predicate and object (typed resources, inverse links), so this store keeps each subject's
(predicate, object) pairs in one dictionary, and an index by predicate and object made on the
first lookup that needs it (extended by later additions, dropped by removals). No named graphs,
no formulas.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rdflib.store import Store
from rdflib.term import Node, URIRef

__all__ = ["SubjectIndexedMemory"]

_Triple = tuple[Node, Node, Node]
_NO_CONTEXTS: tuple[Any, ...] = ()


class SubjectIndexedMemory(Store):
    """A context-free in-memory triple store, indexed by subject and (lazily) by predicate."""

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, configuration: str | None = None, identifier: Node | None = None) -> None:
        super().__init__(configuration)
        self.identifier = identifier
        self._by_subject: dict[Node, dict[tuple[Node, Node], None]] = {}
        self._by_predicate: dict[Node, dict[Node, list[Node]]] | None = None
        self._size = 0
        # One object per predicate IRI: lookups then compare predicates by identity, in C,
        # instead of calling rdflib's __eq__ for every (predicate, object) pair of a subject.
        self._predicates: dict[Node, Node] = {}
        self._namespaces: dict[str, URIRef] = {}
        self._prefixes: dict[URIRef, str] = {}

    def add(self, triple: _Triple, context: Any = None, quoted: bool = False) -> None:
        subject, predicate, obj = triple
        predicate = self._predicates.setdefault(predicate, predicate)
        pairs = self._by_subject.get(subject)
        if pairs is None:
            pairs = self._by_subject[subject] = {}
        if (predicate, obj) not in pairs:
            pairs[(predicate, obj)] = None
            self._size += 1
            if self._by_predicate is not None:  # kept up to date once made: adds are cheap
                self._by_predicate.setdefault(predicate, {}).setdefault(obj, []).append(subject)

    def remove(self, triple_pattern: Any, context: Any = None) -> None:
        for (subject, predicate, obj), _ in list(self.triples(triple_pattern)):
            pairs = self._by_subject[subject]
            del pairs[(predicate, obj)]
            if not pairs:
                del self._by_subject[subject]
            self._size -= 1
            self._by_predicate = None

    def triples(
        self, triple_pattern: Any, context: Any = None
    ) -> Iterator[tuple[_Triple, Iterator[Any]]]:
        subject, predicate, obj = triple_pattern
        if predicate is not None:
            predicate = self._predicates.get(predicate)
            if predicate is None:
                return
        if subject is not None:
            pairs = self._by_subject.get(subject, {})
            if predicate is not None and obj is not None:
                found = [(predicate, obj)] if (predicate, obj) in pairs else []
            elif predicate is not None:
                found = [pair for pair in pairs if pair[0] is predicate]
            elif obj is not None:
                found = [pair for pair in pairs if pair[1] == obj]
            else:
                found = list(pairs)
            for p, o in found:
                yield (subject, p, o), iter(_NO_CONTEXTS)
        elif predicate is not None:
            by_object = self._predicate_index().get(predicate, {})
            objects = [obj] if obj is not None else list(by_object)
            for o in objects:
                for s in list(by_object.get(o, ())):
                    yield (s, predicate, o), iter(_NO_CONTEXTS)
        else:
            for s, pairs in list(self._by_subject.items()):
                for p, o in list(pairs):
                    if obj is None or o == obj:
                        yield (s, p, o), iter(_NO_CONTEXTS)

    def _predicate_index(self) -> dict[Node, dict[Node, list[Node]]]:
        """Subjects by predicate and object, made in one pass over the data when first asked."""
        if self._by_predicate is None:
            index: dict[Node, dict[Node, list[Node]]] = {}
            for subject, pairs in self._by_subject.items():
                for predicate, obj in pairs:
                    index.setdefault(predicate, {}).setdefault(obj, []).append(subject)
            self._by_predicate = index
        return self._by_predicate

    def __len__(self, context: Any = None) -> int:
        return self._size

    def contexts(self, triple: Any = None) -> Iterator[Any]:
        return iter(_NO_CONTEXTS)

    def bind(self, prefix: str, namespace: URIRef, override: bool = True) -> None:
        if not override and (prefix in self._namespaces or namespace in self._prefixes):
            return
        old_namespace = self._namespaces.pop(prefix, None)
        if old_namespace is not None:
            self._prefixes.pop(old_namespace, None)
        old_prefix = self._prefixes.pop(namespace, None)
        if old_prefix is not None:
            self._namespaces.pop(old_prefix, None)
        self._namespaces[prefix] = namespace
        self._prefixes[namespace] = prefix

    def namespace(self, prefix: str) -> URIRef | None:
        return self._namespaces.get(prefix)

    def prefix(self, namespace: URIRef) -> str | None:
        return self._prefixes.get(namespace)

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        yield from list(self._namespaces.items())
