"""Errors raised by the bpo-kb library.

The library raises, the CLI translates (one line, an exit code), nobody prints a traceback::

    BpoKbError
     ├── InputError            a file that cannot be read or parsed (file and line)
     ├── InvalidVocabulary     a vocabulary that violates the shapes (carries the report)
     ├── ExportError           an export that cannot be written
     ├── StoreError            a triple store or SPARQL endpoint that fails (URL, HTTP status)
     └── QueryError            a SPARQL query that does not parse (message and position)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bpo_kb.rules.validation import ValidationReport

__all__ = [
    "BpoKbError",
    "ExportError",
    "InputError",
    "InvalidVocabulary",
    "QueryError",
    "StoreError",
]


class BpoKbError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = 1


class InputError(BpoKbError):
    """A file that cannot be read or parsed; the message reads ``FILE:LINE: problem``."""

    exit_code = 2


class InvalidVocabulary(BpoKbError):  # noqa: N818 - the name DESIGN.md uses
    """A vocabulary with SHACL violations; ``report`` holds every finding."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(report.summary())
        self.report = report


class ExportError(BpoKbError):
    """An export that cannot be written faithfully."""


class StoreError(BpoKbError):
    """A store or endpoint that is unreachable, refuses the request or holds the wrong data."""


class QueryError(BpoKbError):
    """A SPARQL query that does not parse, or a named query that does not exist."""

    exit_code = 2
