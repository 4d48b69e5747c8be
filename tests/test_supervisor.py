"""The ``bpo-kb`` program runs its command in a supervised child: deaths the command cannot
report (Oxigraph aborting on a failed allocation, a kill) still end in one line."""

from __future__ import annotations

import os
import pty
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.synthetic import write_vocabulary
from bpo_kb.process import Terminated, sigterm_deferred, stopping_on_sigterm


def _supervised(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` (the body of the supervised command) with ``run_supervised``."""
    program = (
        "import os, signal, sys\n"
        "from bpo_kb.process import run_supervised\n"
        f"def command():\n    {code}\n"
        "run_supervised(command)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60
    )


def _address_space_after_imports() -> int:
    """The virtual memory a ``bpo-kb`` process has once its libraries are imported."""
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import bpo_kb.cli, bpo_kb.rules.validation, pyoxigraph, rdflib\n"
            "print(open('/proc/self/status').read().split('VmPeak:')[1].split()[0])",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(probe.stdout) * 1024


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_running_out_of_memory_in_oxigraph_ends_in_one_clear_line(tmp_path: Path) -> None:
    # Validating 10k concepts takes about 160 MB; the limit leaves 100 MB after the imports, so
    # the load fails, in Oxigraph (which aborts the process) or in Python (a MemoryError).
    source = write_vocabulary(tmp_path / "big.ttl", 10_000, defects=False)
    limit = _address_space_after_imports() + 100 * 1024 * 1024

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-m", "bpo_kb", "validate", str(source)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limited,  # noqa: PLW1509 - only sets a limit, no threads involved
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("not enough memory for this vocabulary")
    assert lines[0].endswith("nothing was written")


def test_exit_codes_and_both_kinds_of_stderr_come_through() -> None:
    result = _supervised(
        "os.write(2, b'from native code\\n'); print('from Python', file=sys.stderr); "
        "print('out'); sys.exit(3)"
    )
    assert result.returncode == 3
    assert result.stdout == "out\n"
    assert sorted(result.stderr.splitlines()) == ["from Python", "from native code"]


def test_an_uncaught_exception_keeps_its_traceback_and_fails() -> None:
    result = _supervised("raise RuntimeError('a bug')")
    assert result.returncode == 1
    assert "Traceback" in result.stderr
    assert result.stderr.strip().endswith("RuntimeError: a bug")


@pytest.mark.parametrize(
    ("signum", "line"),
    [
        (signal.SIGKILL, "stopped by SIGKILL, as the system does when it runs out of memory"),
        (signal.SIGUSR1, "stopped by SIGUSR1"),
        (signal.SIGRTMIN + 1, f"stopped by signal {signal.SIGRTMIN + 1}"),  # has no name
    ],
)
def test_a_killed_command_is_reported_in_one_line(signum: int, line: str) -> None:
    result = _supervised(f"os.kill(os.getpid(), {int(signum)})")
    assert result.returncode == 128 + signum
    assert result.stderr == line + "\n"


def test_a_terminal_still_gets_the_progress_line(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    source = write_vocabulary(tmp_path / "small.ttl", 200, defects=False)
    with subprocess.Popen(
        [sys.executable, "-m", "bpo_kb", "validate", str(source)],
        stdout=subprocess.DEVNULL,
        stderr=terminal,
    ) as process:
        os.close(terminal)
        shown = b""
        while chunk := _read_or_end(controller):
            shown += chunk
        assert process.wait(timeout=60) == 0
    os.close(controller)
    assert b"\r" in shown  # the status line, rewritten in place
    assert b"rules checked" in shown


def _read_or_end(controller: int) -> bytes:
    try:
        return os.read(controller, 65536)
    except OSError:  # Linux reports the terminal's other end closing as EIO
        return b""


def test_with_stderr_closed_the_command_still_runs() -> None:
    # `bpo-kb ... 2>&-`: no stderr to share with the child, so the command runs unsupervised.
    result = subprocess.run(
        [sys.executable, "-m", "bpo_kb", "--version"],
        capture_output=False,
        stdout=subprocess.PIPE,
        text=True,
        timeout=60,
        preexec_fn=lambda: os.close(2),  # noqa: PLW1509 - only closes a descriptor
    )
    assert result.returncode == 0
    assert "bpo-kb" in result.stdout


def test_sigterm_waits_for_the_end_of_a_deferred_block() -> None:
    """A write to a store is not abandoned half-way: SIGTERM raises only when the block ends."""
    reached = []

    def deferred_write() -> None:
        with stopping_on_sigterm(), sigterm_deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)  # the handler has run by now; it must not have raised
            reached.append("end of the block")
        reached.append("after the block")

    with pytest.raises(Terminated):
        deferred_write()
    assert reached == ["end of the block"]
