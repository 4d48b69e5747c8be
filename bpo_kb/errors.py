"""Errors raised by the bpo-kb library.

The library raises, the CLI translates (one line, an exit code), nobody prints a traceback::

    BpoKbError
     ├── InputError            a file that cannot be read or parsed (file and line)
     ├── InvalidVocabulary     a vocabulary that violates the shapes (carries the report)
     └── ExportError           an export that cannot be written
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bpo_kb.validation import ValidationReport

__all__ = ["BpoKbError", "ExportError", "InputError", "InvalidVocabulary"]


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
