"""SKOS properties grouped as the code reads them: labels, mappings, notes."""

from __future__ import annotations

from bpo_kb.rdf.namespaces import SKOS

__all__ = ["LABEL_PROPERTIES", "MAPPING_PROPERTIES", "NOTE_PROPERTIES"]

# The label properties, preferred first: the order in which a search ranks an exact match.
LABEL_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)

# The mapping properties, from the strongest claim to the weakest.
MAPPING_PROPERTIES = (
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
    SKOS.relatedMatch,
)

# The documentation properties, definition first.
NOTE_PROPERTIES = (
    SKOS.definition,
    SKOS.scopeNote,
    SKOS.example,
    SKOS.note,
    SKOS.historyNote,
    SKOS.editorialNote,
    SKOS.changeNote,
)
