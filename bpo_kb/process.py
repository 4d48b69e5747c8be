"""How a bpo-kb process starts and stops: the supervised child, and SIGTERM as Ctrl-C.

The command line runs in a child process, so that a death it cannot report still ends in one
clear line.

Oxigraph is Rust: when one of its allocations fails it prints "memory allocation of N bytes
failed" and a backtrace, then aborts the whole process, and no Python ``except`` ever runs. The
kernel's out-of-memory killer gives no warning at all. So the ``bpo-kb`` process forks: the child
runs the command, and the parent, like a shell waiting for a job, reports how it ended. The
child's Python output (messages, progress) still goes straight to the terminal; only what native
code writes to file descriptor 2 passes through the parent, which forwards it unless it is an
allocation failure, which it replaces by one line.

While a command works, SIGTERM (kill, timeout, a service manager) stops it as Ctrl-C does
(:func:`stopping_on_sigterm`), so that writes in progress remove their temporary files.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import NoReturn

__all__ = ["Terminated", "run_supervised", "stopping_on_sigterm"]

_ALLOCATION_FAILED = re.compile(rb"^memory allocation of (\d+) bytes failed$", re.MULTILINE)


def run_supervised(command: Callable[[], object]) -> NoReturn:
    """Run ``command`` in a child process and exit as it did (see the module's docstring);
    where processes cannot fork, or there is no stderr to report on, run it here."""
    if not hasattr(os, "fork") or not _is_open(2):
        command()
        sys.exit(0)
    native_read, native_write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    child = os.fork()
    if child == 0:
        _die_with(parent)
        os.close(native_read)
        _child(command, native_write)
    os.close(native_write)
    sys.exit(_parent(child, native_read))


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with(parent: int) -> None:
    """Have the kernel kill this child when ``parent`` dies, whatever killed it (SIGKILL
    included), so that no command goes on writing after the ``bpo-kb`` the user sees has gone.
    Linux only; elsewhere the child outlives a parent killed by SIGKILL."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: no prctl
        return
    if os.getppid() != parent:  # the parent died before prctl: nobody would report on us
        os._exit(128 + signal.SIGKILL)


def _is_open(descriptor: int) -> bool:
    try:
        os.fstat(descriptor)
    except OSError:  # e.g. `bpo-kb ... 2>&-`
        return False
    return True


def _child(command: Callable[[], object], native_write: int) -> NoReturn:
    """Python keeps writing to the real stderr (a terminal stays a terminal, for the progress
    line); file descriptor 2, which native code writes to, becomes the pipe to the parent."""
    python_stderr = os.dup(2)
    os.dup2(native_write, 2)
    os.close(native_write)
    sys.stderr = os.fdopen(
        python_stderr, "w", buffering=1, encoding=sys.stderr.encoding, errors="backslashreplace"
    )
    code = 1
    try:
        command()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        if isinstance(stop.code, str):
            print(stop.code, file=sys.stderr)
    except BaseException:
        sys.excepthook(*sys.exc_info())
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):  # e.g. stdout piped into `head`, closed early
                stream.flush()
        os._exit(code)  # never return into the parent's code; its atexit handlers are not ours


def _parent(child: int, native_read: int) -> int:
    """Forward what native code writes, wait for the child, and return the exit code to give."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the child too; it stops itself
    signal.signal(signal.SIGTERM, lambda signum, _frame: _signal(child, signum))
    allocation_failure = _forward_native_output(native_read)
    _, status = os.waitpid(child, 0)
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status)
    stopped_by = os.WTERMSIG(status)
    if allocation_failure is not None:
        message = (
            f"not enough memory for this vocabulary (an allocation of {allocation_failure:,} "
            "bytes failed); nothing was written"
        )
    elif stopped_by == signal.SIGKILL:
        message = "stopped by SIGKILL, as the system does when it runs out of memory"
    else:
        message = f"stopped by {_signal_name(stopped_by)}"
    print(message, file=sys.stderr)
    return 1 if allocation_failure is not None else 128 + stopped_by


def _signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:  # a real-time signal past SIGRTMIN has no name of its own
        return f"signal {signum}"


def _signal(process: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it has just ended: nothing to stop
        os.kill(process, signum)


def _forward_native_output(native_read: int) -> int | None:
    """Copy the pipe to stderr line by line until the child closes it; from an allocation
    failure on, hold back the rest (a backtrace) and return the failed allocation's size."""
    pending = b""
    with os.fdopen(native_read, "rb", buffering=0) as pipe:
        while chunk := pipe.read(65536):
            pending += chunk
            failure = _ALLOCATION_FAILED.search(pending)
            if failure:
                _write_stderr(pending[: failure.start()])
                pipe.read()  # drain until the child is gone
                return int(failure.group(1))
            complete, newline, pending = pending.rpartition(b"\n")
            _write_stderr(complete + newline)
    _write_stderr(pending)
    return None


def _write_stderr(data: bytes) -> None:
    if data:
        sys.stderr.flush()
        os.write(2, data)


class Terminated(BaseException):  # noqa: N818 - names the event, like KeyboardInterrupt
    """SIGTERM arrived: unwinds like Ctrl-C, so writes in progress remove their temporaries."""


@contextlib.contextmanager
def stopping_on_sigterm() -> Iterator[None]:
    """While the block runs, SIGTERM raises :class:`Terminated` in the main thread instead of
    killing the process where it stands (which left temporary files behind)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals
        return

    def stop(_signum: int, _frame: object) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
