"""The benchmark's timed processes: an operation of benchmarks/operations.py in a fresh
interpreter, or a whole command (a peer's, or bpo-kb's), each stopped by its pid at a timeout."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def run_once(operation: str, path: Path, timeout: float | None = None) -> dict[str, object]:
    """One run of ``operation`` in a fresh interpreter: its outcome with ``rss_mb``, or an
    ``error``; a run that takes longer than ``timeout`` seconds is stopped (by its pid)."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.operations", operation, str(path)],
            cwd=REPO_ROOT,
            stdout=output,
            stderr=errors,
        )
        peaks: dict[int, int] = {}
        status, usage = _wait(process.pid, timeout, helpers_peak=peaks)
        if status is None:
            return {"error": f"did not finish in {timeout:.0f} s", "timeout": timeout}
        if os.waitstatus_to_exitcode(status):
            errors.seek(0)
            return {"error": failure(status, errors.read())}
        output.seek(0)
        outcome = json.loads(output.read().decode().strip().splitlines()[-1])
    outcome["rss_mb"] = (usage.ru_maxrss + sum(peaks.values())) / 1024  # kilobytes on Linux
    return outcome


def failure(status: int, errors: bytes, *, telling: Callable[[str], str] | None = None) -> str:
    """Why a run with wait status ``status`` failed: the signal that killed it (the kernel's
    out-of-memory killer leaves nothing on standard error), else the line of its standard
    error that ``telling`` picks (by default the last), else its exit status."""
    code = os.waitstatus_to_exitcode(status)
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:  # a real-time signal has no name
            return f"killed by signal {-code}"
    text = errors.decode(errors="replace")
    told = (telling or _last_line)(text)
    return told or f"exit status {code}, nothing on standard error"


def _last_line(output: str) -> str:
    lines = output.strip().splitlines()
    return lines[-1] if lines else ""


def run_command(
    command: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None
) -> dict[str, object]:
    """The wall time of a whole command, start-up included, as ``seconds``, or an ``error``. The
    command runs in a process group of its own, which is killed (by the command's pid, the
    group's id) at the timeout, and after the command ends, so that no worker it started
    outlives it."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )
        status, _ = _wait(process.pid, timeout, group=True)
        seconds = time.perf_counter() - started
        _kill_group(process.pid)
        if status is None:
            return {"error": f"did not finish in {timeout:.0f} s", "timeout": timeout}
        if os.waitstatus_to_exitcode(status):
            errors.seek(0)
            return {"error": failure(status, errors.read(), telling=_first_error)}
    return {"seconds": seconds}


def _first_error(output: str) -> str:
    """The first line of ``output`` that says "error", with the line after it (Node programs
    print the error's name, then its message, then a stack), or its last line; colours
    removed; "" for none."""
    lines = [line.strip() for line in re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines()]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines):
        if re.search(r"\berror\b", line, re.IGNORECASE):
            return " ".join(lines[index : index + 2])
    return lines[-1] if lines else ""


def _wait(
    pid: int,
    timeout: float | None,
    *,
    group: bool = False,
    helpers_peak: dict[int, int] | None = None,
) -> tuple[int | None, object]:
    """The exit status and rusage of this child alone; (None, None) after killing it (and its
    process group, with ``group``) at the timeout. With ``helpers_peak``, the peak RSS (kB) of
    each process the child forks is recorded there by pid (its VmHWM, the kernel's own peak, as
    last seen every 0.1 s: a helper's last tenth of a second may be missed)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    polling = deadline is not None or helpers_peak is not None
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG if polling else 0)
        if done:
            return status, usage
        if deadline is not None and time.monotonic() > deadline:
            if group:
                _kill_group(pid)
            else:
                os.kill(pid, signal.SIGKILL)
            os.wait4(pid, 0)
            return None, None
        if helpers_peak is not None:
            for helper in _descendants(pid):
                helpers_peak[helper] = max(helpers_peak.get(helper, 0), _peak_rss(helper))
        time.sleep(0.1 if helpers_peak is not None else 0.2)


def _descendants(pid: int) -> list[int]:
    """The processes below ``pid`` (Linux's /proc; none elsewhere)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(c) for child in children for c in (child, *_descendants(int(child)))]


def _peak_rss(pid: int) -> int:
    """The peak resident set size of ``pid`` in kB (VmHWM), 0 once it has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) if found else 0


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:  # the group has no process left
        pass
