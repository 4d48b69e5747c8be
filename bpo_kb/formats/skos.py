"""Read another SKOS vocabulary, in any RDF syntax, as the Turtle that bpo-kb edits and builds.

Everything the files state is kept. Their SKOS-XL labels also become the plain SKOS labels they
entail (``shapes/skos-xl.ru``), which bpo-kb's validator, exports and site read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from bpo_kb.errors import InputError
from bpo_kb.progress import ProgressCallback, silent
from bpo_kb.rdf.namespaces import RDF, SKOS
from bpo_kb.rdf.read import read_graph
from bpo_kb.resources import DEFAULT_SHAPES_DIR, SKOS_XL_ENTAILMENT
from bpo_kb.rules.derivations import apply_operations, update_operations

__all__ = ["read_skos"]


def read_skos(
    paths: Iterable[Path],
    input_format: str | None = None,
    shapes_dir: Path = DEFAULT_SHAPES_DIR,
    *,
    progress: ProgressCallback = silent,
) -> tuple[Graph, int]:
    """The vocabulary in ``paths`` (files or folders, merged) and how many SKOS labels its
    SKOS-XL labels added.

    Raises:
        InputError: a file does not parse, or the files hold no SKOS concept or scheme.
    """
    sources = list(paths)
    progress(f"reading {', '.join(map(str, sources))}")
    graph = read_graph(sources, input_format)
    if not any((None, RDF.type, kind) in graph for kind in (SKOS.Concept, SKOS.ConceptScheme)):
        names = ", ".join(str(path) for path in sources)
        raise InputError(f"{names}: no skos:Concept or skos:ConceptScheme; is this SKOS?")
    before = len(graph)
    progress("adding the SKOS labels of SKOS-XL labels")
    apply_operations(graph, update_operations(shapes_dir / SKOS_XL_ENTAILMENT))
    return graph, len(graph) - before
