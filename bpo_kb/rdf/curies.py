"""Compact IRIs (CURIEs): ``prefix:local`` to an IRI and back, for one prefix map.

Every namespace of a map ends with "/", "#" or ":", so an IRI's namespace is one of its own
prefixes ending there: found by cutting the IRI at those characters from the right and looking
each cut up in a dictionary (the longest namespace wins), instead of trying every namespace.
rdflib's ``NamespaceManager`` splits IRIs where an XML name may start, which would give
``stw:19113-6`` a different namespace than the one declared; the ``curies`` package would do
the same job as this at the price of pydantic at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

__all__ = ["PrefixMap"]

_BOUNDARIES = "/#:"


def _local_name_ok(local: str) -> bool:
    # "//" would read as an authority if the compact form were taken for an IRI.
    return bool(local) and not local.startswith("//")


class PrefixMap:
    """Prefixes and their namespaces; compacts and expands with them.

    Args:
        prefixes: prefix -> namespace, each namespace ending with "/", "#" or ":".
        local_ok: which local parts a compact IRI may have (a format may allow fewer).
    """

    def __init__(
        self, prefixes: Mapping[str, str], local_ok: Callable[[str], bool] = _local_name_ok
    ) -> None:
        if not all(namespace.endswith(tuple(_BOUNDARIES)) for namespace in prefixes.values()):
            raise ValueError("every namespace must end with '/', '#' or ':'")
        self.prefixes = dict(prefixes)
        self._prefix_of = {namespace: prefix for prefix, namespace in prefixes.items()}
        self._local_ok = local_ok
        self._compacted: dict[str, str | None] = {}  # exports name the same IRIs many times

    def compact(self, iri: str) -> str | None:
        """``prefix:local`` for ``iri`` with the longest namespace that fits, else None."""
        if iri in self._compacted:
            return self._compacted[iri]
        found = None
        end = len(iri)
        while (cut := max(iri.rfind(c, 0, end) for c in _BOUNDARIES)) >= 0:
            prefix = self._prefix_of.get(iri[: cut + 1])
            local = iri[cut + 1 :]
            if prefix is not None and self._local_ok(local):
                found = f"{prefix}:{local}"
                break
            end = cut
        self._compacted[iri] = found
        return found

    def expand(self, curie: str) -> str | None:
        """The IRI of ``prefix:local`` when the prefix is in the map, else None."""
        prefix, colon, local = curie.partition(":")
        if colon and prefix in self.prefixes and not local.startswith("//"):
            return self.prefixes[prefix] + local
        return None
