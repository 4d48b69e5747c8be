"""Where output goes and input comes from: atomic file writes (a reader sees the old files or the
new ones, never half of either), "-" as standard output or standard input, and output paths
checked before anything is written (one line, :class:`~bpo_kb.errors.OutputError`, exit 2)."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from bpo_kb.errors import OutputError, UsageError
from bpo_kb.process import share_work

__all__ = [
    "STDIN_NAME",
    "STDIO",
    "check_output",
    "copy_of",
    "is_staging",
    "is_stdio",
    "output_errors",
    "read_stdin_to_file",
    "recover_folder",
    "replacing_folder",
    "remove_stdin_file",
    "shown",
    "stdin_named",
    "temporary_path",
    "write_atomically",
    "write_new_files",
    "write_output",
]

STDIO = "-"  # as an output path: standard output; as an input path: standard input
STDIN_NAME = "<stdin>"  # how messages name standard input

Writer = Callable[[BinaryIO], None]
_TEMPORARY_NAME = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)\.tmp$")  # see temporary_path


def write_atomically(targets: Mapping[Path, Writer], *, root: Path | None = None) -> list[Path]:
    """Write every target to a temporary file beside it, then rename them all into place.

    If any writer fails (or the user presses Ctrl-C) before the renames, every temporary file is
    removed and no target is touched. Temporaries of these targets that a killed process left
    behind are removed too. Returns the paths written, in order. With a ``root`` (the output
    folder the targets are in), no folder below it may be a symbolic link: writing through one
    would put files outside the output folder.

    Raises:
        OutputError: a folder below ``root`` is a symbolic link; nothing is written.
    """
    pending: list[tuple[Path, Path]] = []
    names_by_folder: dict[Path, set[str]] = {}  # a site has thousands of files in a few folders
    for path in targets:
        names_by_folder.setdefault(path.parent, set()).add(path.name)
    folders: set[Path] = set()
    created: list[Path] = []
    try:
        for path, write in targets.items():
            if path.parent not in folders:
                if root is not None:
                    _refuse_links_below(root, path.parent)
                created += _make_folder(path.parent)
                _remove_stale_temporaries(path.parent, names_by_folder[path.parent])
                folders.add(path.parent)
            temporary = temporary_path(path)
            pending.append((temporary, path))
            with open(temporary, "wb") as stream:
                write(stream)
    except BaseException:
        for temporary, _ in pending:
            temporary.unlink(missing_ok=True)
        for folder in reversed(created):  # folders made for this write, if still empty
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    for temporary, path in pending:
        os.replace(temporary, path)
    return [path for _, path in pending]


def write_new_files(batches: Sequence[Mapping[Path, Writer]], *, processes: int = 1) -> None:
    """Write every target of every batch, straight into place: for a folder that nothing reads
    yet and that is replaced as a whole (the staging folder of :func:`replacing_folder`), so
    the per-file temporaries of :func:`write_atomically` are no use. The batches are shared out
    between ``processes`` processes (:func:`bpo_kb.process.share_work`), the first batches
    first; each batch is written in order by one process.
    """
    for folder in sorted({path.parent for batch in batches for path in batch}):
        folder.mkdir(parents=True, exist_ok=True)

    def writing(batch: Mapping[Path, Writer]) -> Callable[[], None]:
        def write_batch() -> None:
            for path, write in batch.items():
                with open(path, "wb") as stream:
                    write(stream)

        return write_batch

    share_work([writing(batch) for batch in batches], processes)


def _refuse_links_below(root: Path, folder: Path) -> None:
    """Raise :class:`OutputError` if ``folder`` or a folder between it and ``root`` is a
    symbolic link (``root`` itself may be one: the user named it)."""
    try:
        below = folder.relative_to(root)
    except ValueError:
        return
    step = root
    for part in below.parts:
        step = step / part
        if step.is_symlink():
            raise OutputError(
                f"cannot write to {step}: it is a symbolic link, and bpo-kb writes nothing "
                "through a link inside its output folder; remove the link"
            )


def _refuse_links_inside(folder: Path) -> None:
    """Raise :class:`OutputError` if a folder inside ``folder`` is a symbolic link."""
    for inside, folders, _ in os.walk(folder):
        for name in folders:
            if os.path.islink(os.path.join(inside, name)):
                _refuse_links_below(folder, Path(inside, name))


def write_output(path: Path, write: Writer) -> list[Path]:
    """Write one file atomically, or to standard output when ``path`` is "-" (then returns no
    path). A symbolic link is written through (its target is replaced, the link stays), and
    so are a FIFO and a device (written to as they are, never replaced by a file).

    Raises:
        OutputError: the path cannot be written (see :func:`check_output`); nothing is written.
    """
    check_output(path)
    if not is_stdio(path) and path.is_symlink():
        path = Path(os.path.realpath(path))
        check_output(path)
    if is_stdio(path):
        stdout = sys.stdout.buffer
        try:
            write(stdout)
            stdout.flush()
        except BrokenPipeError:  # the reader had enough, as `| head` has: not an error
            with contextlib.suppress(OSError, ValueError):  # no later flush may fail again
                os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
        return []
    with output_errors(path):
        if _is_special(path):
            with open(path, "wb") as stream:  # a FIFO blocks here until someone reads it
                write(stream)
            return [path]
        return write_atomically({path: write})


def _is_special(path: Path) -> bool:
    """Whether ``path`` is a FIFO, a device or a socket: written to, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@contextlib.contextmanager
def output_errors(path: Path) -> Iterator[None]:
    """Turn an operating system's error while writing ``path`` (a file or a folder of files)
    into an :class:`OutputError`: one line, exit 2."""
    try:
        yield
    except OSError as err:
        raise OutputError(f"cannot write to {path}: {_reason(err)}") from None


def _reason(err: OSError) -> str:
    """Why ``err`` happened, naming the file when it is not the one the user gave (a page of
    the site whose name is too long), cut to a readable length."""
    reason = err.strerror or str(err)
    if err.errno == errno.ENOSPC:
        reason += " (the disk is full; nothing was replaced)"
    if err.filename is not None:
        name = os.path.basename(os.fsdecode(err.filename))
        temporary = _TEMPORARY_NAME.match(name)
        name = temporary["target"] if temporary else name
        name = name if len(name) <= 60 else f"{name[:40]}...{name[-12:]}"
        reason += f": {name}"
    return reason


def is_stdio(path: Path | str) -> bool:
    """Whether ``path`` is "-": standard output as an output, standard input as an input."""
    return str(path) == STDIO


def shown(path: Path) -> str:
    """``path`` as messages show what was written: absolute, or "standard output" for "-"."""
    return "standard output" if is_stdio(path) else os.path.abspath(path)


def check_output(path: Path, *, folder: bool = False) -> None:
    """Check that ``path`` can be written (a file, or a ``folder`` of files) before anything
    is: it is not a folder where a file is needed, nor a file where a folder is, no file
    stands where a folder on its way must be, and the nearest existing folder is writable.

    Raises:
        OutputError: one line saying what is wrong and what to give instead.
    """
    if is_stdio(path):
        if folder:
            raise OutputError(
                "cannot write a folder of files to standard output ('-'); give a folder"
            )
        return
    if folder:
        if path.exists() and not path.is_dir():
            raise OutputError(f"cannot write to {path}: it is a file, and a folder is needed")
        _check_folder(path, set())
    else:
        _check_folder(path.parent, {path.name})


def _check_folder(folder: Path, names: set[str]) -> None:
    """Raise :class:`OutputError` unless files ``names`` can be written in ``folder`` (made if
    missing)."""
    for name in sorted(names):
        if (folder / name).is_dir():
            raise OutputError(f"cannot write to {folder / name}: it is a folder; give a file name")
    existing = folder
    while not existing.exists() and existing != existing.parent:
        if existing.is_symlink():  # a dangling link: mkdir would fail
            break
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise OutputError(f"cannot write to {folder}: {existing} is a file, not a folder")
    if existing.is_dir() and not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write to {folder}: no permission to write in {existing}")


def _make_folder(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents; returns those it made, outermost first."""
    missing = []
    parent = folder
    while not parent.exists() and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except BaseException:
        for made in missing:  # innermost first
            with contextlib.suppress(OSError):
                made.rmdir()
        raise
    return list(reversed(missing))


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
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """Whether process ``pid`` has ended and waits for its parent to collect it (a killed
    build's child whose reaper is slow): it writes nothing more. Linux only."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rpartition(")")[2].split()[:1] == ["Z"]


# --- A folder of files replaced as a whole ------------------------------------------------------

_STAGING_NAME = re.compile(r"^\.staging-(?P<pid>\d+)$")  # inside the folder: the new set
_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


def is_staging(folder: Path) -> bool:
    """Whether ``folder`` is a staging folder that :func:`replacing_folder` yielded (new, read
    by nobody, swapped in whole), rather than the output folder itself (a mount point)."""
    return bool(_STAGING_NAME.match(folder.name))


@contextlib.contextmanager
def replacing_folder(folder: Path, names: set[str]) -> Iterator[Path]:
    """Yield an empty staging folder to write a complete new set of files into (top-level
    ``names``); when the block ends normally, the staging folder becomes ``folder`` in one
    rename, so that a reader, or a process killed at any instant, sees the complete old set or
    the complete new one, never a mix. If the block raises, ``folder`` is left as it was.

    The staging folder is ``folder/.staging-PID``: it is moved beside ``folder`` and exchanged
    with it (Linux's ``renameat2(RENAME_EXCHANGE)``; elsewhere the old folder is renamed away
    and the new one in, and the next run finishes a switch that was cut in two). Builds into one
    folder wait for each other (a lock on the folder), builds into other folders of the same
    parent do not; each first removes what killed ones left. Files in ``folder`` other than
    ``names`` (a README) are carried over into the new set; a foreign folder is refused. A
    symbolic ``folder`` is followed; one that is a mount point, which cannot be renamed, has
    its files replaced one by one instead.

    Raises:
        OutputError: ``folder`` holds a folder that is not one of ``names``.
    """
    real = Path(os.path.realpath(folder))
    parent = real.parent
    _make_folder(parent)
    with _folder_locked(real) as made:
        if real.stat().st_dev != parent.stat().st_dev:  # a mount point
            _refuse_links_inside(real)
            yield real
            return
        foreign = _foreign_entries(real, names)
        staging = real / f".staging-{os.getpid()}"
        try:
            staging.mkdir()
            os.chmod(staging, stat.S_IMODE(real.stat().st_mode))
            yield staging
            for name in foreign:  # a hard link: the file is in both sets until the switch
                os.link(real / name, staging / name, follow_symlinks=False)
            with _locked(parent):
                _switch(staging, real)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            if made:
                with contextlib.suppress(OSError):
                    real.rmdir()
            raise


@contextlib.contextmanager
def _folder_locked(real: Path) -> Iterator[bool]:
    """Hold the lock of the output folder ``real``, made if missing (yields whether it was
    made here), what killed builds into it left removed first.

    The lock is flock on the folder itself. A build replaces the folder by another one, so a
    lock won after waiting may be on the folder a finished build has just replaced: then it is
    taken again on the folder now there. Making, recovering and switching happen under the
    parent's lock, so that the folder compared is never one caught half-way through a switch.
    """
    while True:
        with _locked(real.parent):
            _recover(real)
            made = not real.exists()
            real.mkdir(exist_ok=True)  # FileExistsError if it is a file
        try:
            descriptor = os.open(real, os.O_RDONLY)
        except FileNotFoundError:  # removed meanwhile by a build that failed: made again
            continue
        except PermissionError:  # a folder we may write in but not list: build unlocked
            yield made
            return
        try:
            if _lock_exclusively(descriptor) and not _is_current(real, descriptor):
                continue
            yield made
            return
        finally:
            os.close(descriptor)


def _is_current(real: Path, descriptor: int) -> bool:
    """Whether the folder open as ``descriptor`` is still the one at ``real``."""
    held = os.fstat(descriptor)
    with _locked(real.parent):
        try:
            current = os.stat(real)
        except FileNotFoundError:
            return False
    return (current.st_ino, current.st_dev) == (held.st_ino, held.st_dev)


def _foreign_entries(folder: Path, names: set[str]) -> list[str]:
    """The entries of ``folder`` that are not ``names`` nor leftovers of bpo-kb (carried over
    into the new set); a foreign folder raises :class:`OutputError`."""
    if not folder.is_dir():
        return []
    foreign = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name in names or _STAGING_NAME.match(entry.name):
                continue
            if _TEMPORARY_NAME.match(entry.name):
                continue
            if entry.is_dir(follow_symlinks=False):
                raise OutputError(
                    f"cannot write to {folder}: it holds a folder {entry.name}/ that bpo-kb did "
                    "not write, and the build replaces the folder as a whole; give a folder of "
                    "exports only"
                )
            foreign.append(entry.name)
    return sorted(foreign)


def recover_folder(folder: Path) -> None:
    """What the next build does first: finish or undo the switch of a build into ``folder``
    that was killed, and remove what it left (staging folders, the old set)."""
    real = Path(os.path.realpath(folder))
    if real.parent.is_dir():
        with _locked(real.parent):
            _recover(real)


def _switch(staging: Path, real: Path) -> None:
    """Make the complete set in ``staging`` (inside ``real``) the folder ``real``."""
    pid = os.getpid()
    new = real.with_name(f".{real.name}.new-{pid}")
    os.rename(staging, new)  # out of the folder it replaces, still complete
    if _exchange(new, real):
        shutil.rmtree(new, ignore_errors=True)  # now the old set
        return
    old = real.with_name(f".{real.name}.old-{pid}")
    os.rename(real, old)  # killed between these two renames: _recover finishes the switch
    os.rename(new, real)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux's renameat2); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # kernel or file system without it
        return False
    raise OSError(error, os.strerror(error), str(second))


def _recover(real: Path) -> None:
    """Finish or undo what killed builds into ``real`` left: a switch cut in two (the new set
    renamed in, or else the old one back), staging folders and old sets removed."""
    leftover = re.compile(rf"^\.{re.escape(real.name)}\.(?P<kind>new|old)-(?P<pid>\d+)$")
    found: dict[str, list[Path]] = {"new": [], "old": []}
    with os.scandir(real.parent) as entries:
        for entry in entries:
            match = leftover.match(entry.name)
            if match and not _process_exists(int(match["pid"])):
                found[match["kind"]].append(Path(entry.path))
    for kind in ("new", "old"):  # a complete new set is better than the old one
        if found[kind] and not real.exists():
            os.rename(found[kind].pop(), real)
    for path in found["new"] + found["old"]:
        shutil.rmtree(path, ignore_errors=True)
    if real.is_dir():
        with os.scandir(real) as entries:
            for entry in entries:
                match = _STAGING_NAME.match(entry.name)
                if match and not _process_exists(int(match["pid"])):
                    shutil.rmtree(entry.path, ignore_errors=True)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (flock on the folder itself: no lock file to leave
    behind); a second holder waits here."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except PermissionError:  # a folder we may write in but not list: unlocked
        yield
        return
    try:
        _lock_exclusively(descriptor)
        yield
    finally:
        os.close(descriptor)


def _lock_exclusively(descriptor: int) -> bool:
    """flock ``descriptor`` exclusively, waiting for it; False where there is no flock."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        return False
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    return True


def copy_of(path: Path) -> Writer:
    """A writer that copies what an earlier target wrote to ``path`` (its temporary while
    :func:`write_atomically` has not renamed it yet): the same bytes twice for the price of one
    rendering."""

    def write(stream: BinaryIO) -> None:
        temporary = temporary_path(path)
        with (temporary if temporary.exists() else path).open("rb") as written:
            shutil.copyfileobj(written, stream)

    return write


# --- Standard input ----------------------------------------------------------------------------

_stdin_files: set[Path] = set()


def read_stdin_to_file(stream: BinaryIO, suffix_of: Callable[[bytes], str]) -> Path:
    """Copy ``stream`` (standard input) to a temporary file, which the readers take like any
    other; its extension is ``suffix_of`` its first bytes (how RDF readers tell its syntax).
    Messages name it ``<stdin>`` (:func:`stdin_named`); :func:`remove_stdin_file` removes it.

    Raises:
        UsageError: standard input is a terminal.
    """
    if stream.isatty():
        raise UsageError("'-' reads standard input, which is a terminal; pipe a file in")
    folder = Path(tempfile.mkdtemp(prefix="bpo-kb-stdin-"))
    head = stream.read(4096)
    path = folder / f"stdin{suffix_of(head)}"
    with path.open("wb") as copy:
        copy.write(head)
        shutil.copyfileobj(stream, copy)
    _stdin_files.add(path)
    return path


def remove_stdin_file(path: Path) -> None:
    """Remove the temporary copy of standard input that :func:`read_stdin_to_file` made."""
    _stdin_files.discard(path)
    shutil.rmtree(path.parent, ignore_errors=True)


def stdin_named(message: str) -> str:
    """``message`` with the temporary copy of standard input named ``<stdin>``."""
    for path in _stdin_files:
        message = message.replace(path.as_uri(), STDIN_NAME).replace(str(path), STDIN_NAME)
    return message
