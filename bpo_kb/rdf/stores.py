"""The rdflib stores bpo-kb keeps graphs on, and the one function that makes a graph.

The default keeps literals exactly as written (rdflib tells "x" from "x"^^xsd:string, as the
exports must); it is :class:`~bpo_kb.rdf.memory_store.SubjectIndexedMemory`, a third of the heap
of rdflib's lightest store, since bpo-kb never keeps named graphs in memory. pySHACL needs a
context-aware store for its fallback path. Oxigraph (through oxrdflib) evaluates SPARQL
natively, so graphs that are queried use it.
"""

from __future__ import annotations

from typing import Any

from oxrdflib import OxigraphStore
from rdflib import Graph, plugin
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.store import Store

from bpo_kb.rdf.namespaces import PREFIXES

__all__ = [
    "CONTEXT_AWARE_STORE",
    "DEFAULT_STORE",
    "QUERY_STORE",
    "NativeOxigraphStore",
    "graph_on",
    "new_graph",
    "oxigraph_store_of",
]

DEFAULT_STORE = "SubjectIndexedMemory"
CONTEXT_AWARE_STORE = "Memory"
QUERY_STORE = "NativeOxigraph"


class NativeOxigraphStore(OxigraphStore):
    """oxrdflib's store, keeping the ``pyoxigraph.Store`` it wraps where bpo-kb can reach it:
    native bulk loads, queries and updates run on ``native`` directly."""

    def __init__(
        self,
        configuration: str | None = None,
        identifier: Any = None,
        *,
        store: Any = None,
    ) -> None:
        import pyoxigraph

        self.native = store if store is not None else pyoxigraph.Store()
        super().__init__(configuration, identifier, store=self.native)


plugin.register(DEFAULT_STORE, Store, "bpo_kb.rdf.memory_store", "SubjectIndexedMemory")
plugin.register(QUERY_STORE, Store, "bpo_kb.rdf.stores", "NativeOxigraphStore")


def new_graph(store: str = DEFAULT_STORE) -> Graph:
    """An empty graph on ``store`` with the project's prefixes bound.

    An Oxigraph graph is the store's default graph, so that native loads and SPARQL queries see
    the same triples.
    """
    identifier = DATASET_DEFAULT_GRAPH_ID if store == QUERY_STORE else None
    graph = Graph(store=store, identifier=identifier, bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def graph_on(native: Any) -> Graph:
    """An rdflib graph over the default graph of the ``pyoxigraph.Store`` ``native``."""
    return Graph(store=NativeOxigraphStore(store=native), identifier=DATASET_DEFAULT_GRAPH_ID)


def oxigraph_store_of(graph: Graph) -> Any | None:
    """The ``pyoxigraph.Store`` behind ``graph`` when it is on Oxigraph, else None."""
    store = graph.store
    return store.native if isinstance(store, NativeOxigraphStore) else None
