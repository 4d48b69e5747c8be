"""Progress of long work, on stderr: one line rewritten in place on a terminal, nothing in a
pipe or with --quiet. The library reports steps through a callable; only the CLI chooses where
they go."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "ProgressCallback", "silent"]

ProgressCallback = Callable[[str], None]


def silent(_message: str) -> None:
    """The default: report nothing."""


class Progress:
    """A status line on ``stream`` when it is a terminal; a no-op otherwise or when quiet."""

    def __init__(self, *, quiet: bool = False, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._enabled = not quiet and self._stream.isatty()
        self._width = 0

    def __call__(self, message: str) -> None:
        if self._enabled:
            line = message[:100]
            self._stream.write("\r" + line.ljust(self._width))
            self._stream.flush()
            self._width = len(line)

    def done(self) -> None:
        """Clear the status line, so that what is printed next starts on a clean line."""
        if self._enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0
