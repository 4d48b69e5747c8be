"""Where the vocabulary, the shapes and the named queries live.

In a checkout they sit at the repository's top level, beside the package; an installed wheel
carries copies under ``bpo_kb/_data/``. Library functions take paths: these defaults are for the
CLI and for callers who want "the glossary".
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DEFAULT_EXPORTS_DIR",
    "DEFAULT_ONTOLOGY_DIR",
    "DEFAULT_SHAPES_DIR",
    "SKOS_XL_ENTAILMENT",
    "data_dir",
]

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``name`` (``ontology`` or ``shapes``): the wheel's copy, else the checkout's."""
    bundled = _PACKAGE_DIR / "_data" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent / name


DEFAULT_ONTOLOGY_DIR = data_dir("ontology")
DEFAULT_SHAPES_DIR = data_dir("shapes")
# In the shapes folder: the SKOS labels that SKOS-XL labels entail, as a SPARQL Update.
SKOS_XL_ENTAILMENT = "skos-xl.ru"
# Exports are written relative to where the user runs the command, as build tools do.
DEFAULT_EXPORTS_DIR = Path("exports")
