"""How a bpo-kb process starts and stops: the supervised child, SIGTERM as Ctrl-C, and helpers
forked to share work (:func:`share_work`).

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
import pickle
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import NoReturn

from bpo_kb.errors import ExportError

__all__ = [
    "Terminated",
    "die_with",
    "resident_memory",
    "run_supervised",
    "share_work",
    "sigterm_deferred",
    "stopping_on_sigterm",
]

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
        die_with(parent)
        os.close(native_read)
        _child(command, native_write)
    os.close(native_write)
    sys.exit(_parent(child, native_read))


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
try:  # looked up now: the child of a process with threads must not load libraries
    _PRCTL = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):  # not Linux: no prctl
    _PRCTL = None


def die_with(parent: int) -> None:
    """Have the kernel kill this process, a child of ``parent``, when ``parent`` dies, whatever
    killed it (SIGKILL included): so that no command goes on writing after the ``bpo-kb`` the
    user sees has gone, and no test server outlives its test run (``preexec_fn``). Linux
    only; elsewhere the child outlives a parent killed by SIGKILL."""
    if _PRCTL is None:
        return
    _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
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
        global _sigterm_pending
        if _deferring:
            _sigterm_pending = True
        else:
            raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


_deferring = 0  # how many sigterm_deferred blocks the main thread is in
_sigterm_pending = False


@contextlib.contextmanager
def sigterm_deferred() -> Iterator[None]:
    """Inside the block, SIGTERM waits: :class:`Terminated` is raised when the block ends. For
    a write to a store, which abandoned half-way may still be carried out by the server after
    the clean-up that follows it (a temporary graph made again after its DELETE)."""
    global _deferring, _sigterm_pending
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        if not _deferring and _sigterm_pending:
            _sigterm_pending = False
            raise Terminated


# --- Work shared with forked helpers ------------------------------------------------------------


def share_work(tasks: Sequence[Callable[[], object]], processes: int) -> None:
    """Run every task once, in this process and ``processes - 1`` forked helpers, each taking
    the next task nobody has taken (so put the longest first). Helpers inherit everything this
    process holds and share its memory until they write to it: nothing is pickled but a
    failure.

    The first failure stops every process from taking another task and is raised here, as
    what the task raised (a helper's pickled back). If this process fails or is interrupted
    (Ctrl-C, SIGTERM), its helpers are killed before it raises; a helper dies with it
    (:func:`die_with`) even when it is killed by SIGKILL.

    Raises:
        ExportError: a helper was stopped by a signal (the out-of-memory killer's SIGKILL).
    """
    if processes < 2 or len(tasks) < 2 or not hasattr(os, "fork"):
        for task in tasks:
            task()
        return
    import multiprocessing  # noqa: PLC0415 - 50 ms that a command which never shares work saves

    taken = multiprocessing.get_context("fork").Value("q", 0)  # shared with the helpers

    def stop_everyone() -> None:
        with taken.get_lock():
            taken.value = len(tasks)

    def work() -> None:
        while True:
            with taken.get_lock():
                index = taken.value
                taken.value = index + 1
            if index >= len(tasks):
                return
            try:
                tasks[index]()
            except BaseException:
                stop_everyone()
                raise

    helpers = [_fork_helper(work) for _ in range(processes - 1)]
    try:
        work()
        while helpers:
            _raise_failure_of(*helpers.pop(0))
    finally:
        for pid, failures in helpers:  # this process failed: its helpers' work is no use
            _signal(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(failures)


def resident_memory() -> int:
    """The bytes of memory this process holds now (its resident set, from /proc on Linux; its
    peak so far elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        import resource  # noqa: PLC0415 - not on every platform

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _fork_helper(work: Callable[[], None]) -> tuple[int, int]:
    """Fork a helper that runs ``work`` then exits; returns its pid and the pipe on which it
    sends what it raised, pickled (nothing when it succeeded)."""
    failures_read, failures_write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    pid = os.fork()
    if pid:
        os.close(failures_write)
        return pid, failures_read
    code = 0
    try:
        die_with(parent)
        os.close(failures_read)
        work()
    except BaseException as failure:  # noqa: BLE001 - every failure goes to the parent
        code = 1
        with contextlib.suppress(BaseException), os.fdopen(failures_write, "wb") as pipe:
            pipe.write(_pickled(failure))
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)  # never return into the parent's code (its cleanups are not ours)


def _pickled(failure: BaseException) -> bytes:
    """``failure`` pickled, or its text as an :class:`ExportError` if it does not pickle."""
    try:
        sent = pickle.dumps(failure)
        pickle.loads(sent)  # noqa: S301 - made just above
    except Exception:  # noqa: BLE001 - whatever makes it unpicklable
        return pickle.dumps(ExportError(f"{type(failure).__name__}: {failure}"))
    return sent


def _raise_failure_of(pid: int, failures: int) -> None:
    """Wait for helper ``pid`` (its pipe ``failures`` is closed); raise what it raised, or an
    :class:`ExportError` if a signal stopped it."""
    with os.fdopen(failures, "rb") as pipe:
        sent = pipe.read()  # until the helper exits, which closes its end
    _, status = os.waitpid(pid, 0)
    if sent:
        raise pickle.loads(sent)  # noqa: S301 - our own forked helper wrote it
    if os.WIFSIGNALED(status):
        stopped_by = os.WTERMSIG(status)
        killed = stopped_by == signal.SIGKILL
        why = ", as the system does when it runs out of memory" if killed else ""
        raise ExportError(
            f"a process writing the exports was stopped by {_signal_name(stopped_by)}{why}; "
            "nothing was written"
        )
