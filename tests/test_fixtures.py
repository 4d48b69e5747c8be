"""The test fixtures' own promise: a Virtuoso that dies under a test (7.2 segfaults now and
then, see tests/conftest.py) is started again, and that test, and no other, runs once more."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bpo_kb.errors import StoreError
from bpo_kb.remote.http import request as http_request

from .conftest import REPO_ROOT, VirtuosoHolder, its_virtuoso_died
from .servers import Server

pytestmark = pytest.mark.server  # a real Virtuoso


def _ask(server: Server) -> bool:
    reply = http_request("POST", server.query_url, data={"query": "ASK {}"})
    return b"true" in reply.content


def test_a_test_whose_virtuoso_died_runs_again_on_a_new_one(
    virtuoso_server: Server, request: pytest.FixtureRequest
) -> None:
    if request.config.getoption("usepdb"):
        pytest.skip("pytest-rerunfailures reruns nothing under --pdb")
    attempt = request.node.execution_count  # counted by pytest-rerunfailures, from 1
    if attempt == 1:  # the server dies, as on a segfault
        request.node.first_server = virtuoso_server.process.pid
        virtuoso_server.process.kill()
        virtuoso_server.process.wait()
        with pytest.raises(StoreError, match="unreachable"):
            _ask(virtuoso_server)
        pytest.fail("the server died during this attempt")
    assert attempt == 2
    assert _ask(virtuoso_server)
    assert virtuoso_server.process.pid != request.node.first_server


def test_only_a_virtuoso_given_to_this_test_that_died_counts(
    virtuoso_server: Server, virtuoso_holder: VirtuosoHolder
) -> None:
    """The rerun's condition: not a live server, not one the fixtures stopped; a dead one."""
    assert not its_virtuoso_died()
    virtuoso_holder.stop()
    assert not its_virtuoso_died()
    started_again = virtuoso_holder.running()
    assert _ask(started_again)
    started_again.process.kill()
    started_again.process.wait()
    assert its_virtuoso_died()


def test_a_test_given_no_virtuoso_is_not_run_again() -> None:
    assert not its_virtuoso_died()


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie (dead, waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")
def test_a_server_dies_with_the_process_that_started_it(tmp_path: Path) -> None:
    """A test run or benchmark killed outright (SIGKILL, a CI timeout) runs no `finally`: the
    servers it started must not be left running."""
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from tests.servers import start_oxigraph\n"
        f"server = start_oxigraph(Path({str(tmp_path)!r}))\n"
        "print(server.process.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    started = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    assert started.returncode == -signal.SIGKILL, started.stderr
    server = int(started.stdout.split()[0])
    try:
        deadline = time.monotonic() + 10
        while _running(server) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(server)
    finally:
        if _running(server):
            os.kill(server, signal.SIGKILL)
