"""Atomic file writes: a reader sees the old files or the new ones, never half of either."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

__all__ = ["write_atomically"]

Writer = Callable[[BinaryIO], None]


def write_atomically(targets: Mapping[Path, Writer]) -> list[Path]:
    """Write every target to a temporary file beside it, then rename them all into place.

    If any writer fails (or the user presses Ctrl-C) before the renames, every temporary file is
    removed and no target is touched. Returns the paths written, in order.
    """
    pending: list[tuple[Path, Path]] = []
    try:
        for path, write in targets.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            pending.append((temporary, path))
            with temporary.open("wb") as stream:
                write(stream)
    except BaseException:
        for temporary, _ in pending:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, path in pending:
        os.replace(temporary, path)
    return [path for _, path in pending]
