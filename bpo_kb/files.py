"""Atomic file writes: a reader sees the old files or the new ones, never half of either."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

__all__ = ["copy_of", "temporary_path", "write_atomically"]

Writer = Callable[[BinaryIO], None]
_TEMPORARY_NAME = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)\.tmp$")  # see temporary_path


def write_atomically(targets: Mapping[Path, Writer]) -> list[Path]:
    """Write every target to a temporary file beside it, then rename them all into place.

    If any writer fails (or the user presses Ctrl-C) before the renames, every temporary file is
    removed and no target is touched. Temporaries of these targets that a killed process left
    behind are removed too. Returns the paths written, in order.
    """
    pending: list[tuple[Path, Path]] = []
    names_by_folder: dict[Path, set[str]] = {}  # a site has thousands of files in a few folders
    for path in targets:
        names_by_folder.setdefault(path.parent, set()).add(path.name)
    folders: set[Path] = set()
    try:
        for path, write in targets.items():
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                _remove_stale_temporaries(path.parent, names_by_folder[path.parent])
                folders.add(path.parent)
            temporary = temporary_path(path)
            pending.append((temporary, path))
            with open(temporary, "wb") as stream:
                write(stream)
    except BaseException:
        for temporary, _ in pending:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, path in pending:
        os.replace(temporary, path)
    return [path for _, path in pending]


def temporary_path(path: Path) -> Path:
    """Where :func:`write_atomically` writes ``path`` before renaming it into place."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _remove_stale_temporaries(folder: Path, names: set[str]) -> None:
    """Remove the temporaries of files ``names`` in ``folder`` made by processes that no longer
    exist: one killed by SIGKILL (the out-of-memory killer) or a power cut had no chance to,
    and a site leaves thousands. Other files, whatever their names, are not ours to remove."""
    with os.scandir(folder) as entries:
        for entry in entries:
            found = _TEMPORARY_NAME.match(entry.name)
            if found and found["target"] in names and not _process_exists(int(found["pid"])):
                with contextlib.suppress(FileNotFoundError):  # another writer was quicker
                    os.unlink(entry.path)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):  # another user's process; not a process id
        return True
    return True


def copy_of(path: Path) -> Writer:
    """A writer that copies what an earlier target of the same :func:`write_atomically` call
    wrote to ``path``: the same bytes twice for the price of one rendering."""

    def write(stream: BinaryIO) -> None:
        with temporary_path(path).open("rb") as written:
            shutil.copyfileobj(written, stream)

    return write
