"""bpo-kb: a bilingual (fr/en) SKOS knowledge base of Business Process Outsourcing terms.

The library loads, validates and exports the vocabulary; the ``bpo-kb`` command is a thin
layer over it (see :mod:`bpo_kb.cli`). Heavy modules are imported lazily, so that
``import bpo_kb`` stays cheap.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
