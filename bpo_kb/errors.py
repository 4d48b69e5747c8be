"""Every error the bpo-kb library raises on purpose, each with the exit code the CLI gives it.

The library raises, the CLI translates (one line, this exit code), nobody prints a traceback.
This module imports nothing from the package, so that any module can raise from it::

    BpoKbError                 exit 1
     ├── InputError            exit 2: a file that cannot be read or parsed (file and line)
     │    ├── UnsupportedTerm  exit 2: data rdflib reads but Oxigraph cannot hold
     │    └── UnsafeInput      exit 2: input refused as hostile (entities, contexts, bad IRIs)
     ├── UsageError            exit 2: an option or argument the library cannot act on
     │    ├── QueryError       exit 2: a SPARQL query that does not parse, an unknown named query
     │    └── UnsupportedShapes exit 2: shapes that use SHACL the SPARQL engine does not evaluate
     ├── ConceptNotFound       exit 1: no concept, or several, answer to what the user gave
     ├── InvalidVocabulary     exit 1: a vocabulary that violates the shapes (carries the report)
     ├── OutputError           exit 2: an output path that cannot be written (a folder for a
     │                                 file, a file for a folder, no permission, "-" for a folder)
     ├── ExportError           exit 1: an export that cannot be written faithfully
     └── StoreError            exit 1: a store or endpoint that fails (URL, HTTP status)
"""

from __future__ import annotations

from typing import Protocol

__all__ = [
    "BpoKbError",
    "ConceptNotFound",
    "ExportError",
    "InputError",
    "InvalidVocabulary",
    "OutputError",
    "QueryError",
    "StoreError",
    "UnsafeInput",
    "UnsupportedShapes",
    "UnsupportedTerm",
    "UsageError",
]


class BpoKbError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = 1


class InputError(BpoKbError):
    """A file that cannot be read or parsed; the message reads ``FILE:LINE: problem``."""

    exit_code = 2


class UnsupportedTerm(InputError):  # noqa: N818 - names the condition
    """Data rdflib reads but Oxigraph cannot hold (callers may fall back to rdflib's store)."""


class UnsafeInput(InputError):  # noqa: N818 - names the condition
    """Input refused before or after parsing because it could expand, fetch, read other files or
    smuggle triples: XML entity declarations, JSON-LD contexts to load, an IRI that is not one
    after unescaping, NUL or a lone surrogate in a literal, too many triples per byte."""


class UsageError(BpoKbError):
    """An option or argument the library cannot act on."""

    exit_code = 2


class QueryError(UsageError):
    """A SPARQL query that does not parse, or a named query that does not exist."""


class ConceptNotFound(BpoKbError):  # noqa: N818 - reads as the condition it reports
    """No concept, or more than one, answers to what the user gave."""


class UnsupportedShapes(UsageError):  # noqa: N818 - a condition, not a failure of the library
    """The shapes use a SHACL feature the SPARQL engine does not evaluate."""


class _Report(Protocol):
    """What :class:`InvalidVocabulary` needs of a validation report."""

    def summary(self) -> str: ...


class InvalidVocabulary(BpoKbError):  # noqa: N818 - the name DESIGN.md uses
    """A vocabulary with SHACL violations; ``report`` holds every finding."""

    def __init__(self, report: _Report, summary: str | None = None) -> None:
        super().__init__(summary or report.summary())
        self.report = report


class OutputError(BpoKbError):
    """An output path that cannot be written; nothing was written to it."""

    exit_code = 2


class ExportError(BpoKbError):
    """An export that cannot be written faithfully."""


class StoreError(BpoKbError):
    """A store or endpoint that is unreachable, refuses the request or holds the wrong data."""
