"""SPARQL Update files whose operations are independent, applied to a graph.

Such a file (``shapes/derivations.ru``, ``shapes/skos-xl.ru``) declares its prefixes first and
separates its operations with a line holding only ";". None reads what another adds, so they
may run in any order, or at once; the whole file is still one SPARQL Update for any other tool.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rdflib import Graph

from bpo_kb.errors import InputError
from bpo_kb.rdf.stores import oxigraph_store_of

__all__ = ["apply_operations", "as_construct", "update_operations"]

_PROLOGUE_LINE = re.compile(r"^[ \t]*(?:PREFIX|BASE)\b.*$", re.MULTILINE | re.IGNORECASE)


@functools.cache
def update_operations(path: Path) -> tuple[str, ...]:
    """The operations of the file at ``path``, each after the file's prologue (its PREFIX lines).

    Raises:
        InputError: the file cannot be read.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: {err.strerror or err}") from None
    first, *others = re.split(r"^;[ \t]*$", text, flags=re.MULTILINE)
    prologue = "\n".join(_PROLOGUE_LINE.findall(first))
    return (first, *(f"{prologue}\n{operation}" for operation in others))


def apply_operations(graph: Graph, operations: Sequence[str]) -> None:
    """Apply independent operations to ``graph``: at once on an Oxigraph store, which evaluates
    each without the GIL, else one after the other through rdflib."""
    oxigraph_store = oxigraph_store_of(graph)
    if oxigraph_store is None:
        for operation in operations:
            graph.update(operation)
        return
    with ThreadPoolExecutor(max_workers=len(operations)) as pool:
        list(pool.map(oxigraph_store.update, operations))


_INSERT = re.compile(
    r"^(?P<head>[\s\S]*?)\bINSERT\s*\{(?P<template>[^{}]*)\}\s*WHERE\s*\{(?P<where>[\s\S]*)\}\s*$",
    re.IGNORECASE,
)


def as_construct(operation: str) -> str:
    """``INSERT { T } WHERE { P }`` as ``CONSTRUCT { T } WHERE { P FILTER NOT EXISTS { T } }``:
    the triples it would add that are not there yet, asked of a store that is only read.

    Raises:
        InputError: the operation is not an INSERT of that form.
    """
    found = _INSERT.match(operation)
    if found is None:
        raise InputError(f"not an INSERT {{ }} WHERE {{ }} operation: {operation.strip()[:80]}")
    template = found["template"]
    return (
        f"{found['head']}CONSTRUCT {{{template}}}\n"
        f"WHERE {{{found['where']}\n  FILTER NOT EXISTS {{{template}}}\n}}"
    )
