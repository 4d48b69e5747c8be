"""The benchmark's timed processes: an operation of benchmarks/operations.py in a fresh
interpreter, stopped by its pid at a timeout."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
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
        status, usage = _wait(process.pid, timeout)
        if status is None:
            return {"error": f"did not finish in {timeout:.0f} s", "timeout": timeout}
        if os.waitstatus_to_exitcode(status):
            errors.seek(0)
            return {"error": errors.read().decode(errors="replace").strip().splitlines()[-1:]}
        output.seek(0)
        outcome = json.loads(output.read().decode().strip().splitlines()[-1])
    outcome["rss_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    return outcome


def _wait(pid: int, timeout: float | None) -> tuple[int | None, object]:
    """The exit status and rusage of this child alone; (None, None) after killing it at the
    timeout."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG if deadline else 0)
        if done:
            return status, usage
        if deadline is not None and time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.wait4(pid, 0)
            return None, None
        time.sleep(0.2)
