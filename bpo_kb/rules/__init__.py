"""Validation: the report, the set-at-a-time SPARQL engine, the pySHACL fallback and the
derivations the shapes read."""
