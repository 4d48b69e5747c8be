"""Real SPARQL servers for the tests, on 127.0.0.1 only, stopped by their own process id.

- Oxigraph: the ``oxigraph`` binary from PyPI (test extra), in a temporary location.
- Virtuoso 7: Debian's ``virtuoso-opensource-7-bin`` (installed by .ci/run), in the foreground
  with a generated ini; writes need HTTP Digest on /sparql-graph-crud-auth.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bpo_kb.process import die_with

VIRTUOSO_BINARY = "virtuoso-t"


def dies_with_this_process() -> Callable[[], None]:
    """A ``preexec_fn`` for a server: the kernel kills it when this process dies, even by
    SIGKILL (a CI timeout), when no ``finally`` runs to stop it. Call it in the thread that
    starts the server and outlives it (the kernel watches that thread): the main thread."""
    return functools.partial(die_with, os.getpid())


def free_port() -> int:
    """A port free on 127.0.0.1 now (servers cannot report the port they got for :0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def missing(program: str, package: str) -> None:
    """Skip with the reason when ``program`` is absent; in CI (CI=true), fail instead."""
    message = f"{program} is not installed ({package}); .ci/run installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Server:
    """A running server: its process, and the URLs a client uses."""

    process: subprocess.Popen[bytes]
    store_url: str  # Graph Store Protocol
    query_url: str  # SPARQL queries (read)
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _wait_until_ready(
    url: str, process: subprocess.Popen[bytes], log: Path, seconds: float
) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server not ready after {seconds} s: {url}")


def _program(name: str) -> str | None:
    """``name`` on PATH or beside this Python (a virtualenv's bin/ is often not on PATH)."""
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return shutil.which(name, path=search)


def start_oxigraph(directory: Path) -> Server:
    binary = _program("oxigraph")
    if binary is None:
        missing("oxigraph", "pip install oxigraph")
    port = free_port()
    log = directory / "oxigraph.log"
    process = subprocess.Popen(
        [binary, "serve", "--location", str(directory / "data"), "--bind", f"127.0.0.1:{port}"],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        preexec_fn=dies_with_this_process(),
    )
    base = f"http://127.0.0.1:{port}"
    _wait_until_ready(f"{base}/query?query=ASK%7B%7D", process, log, 30)
    return Server(process, f"{base}/store", f"{base}/query", log)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/www
MaxClientConnections = 5
ServerThreads = 5

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def start_virtuoso(directory: Path) -> Server:
    binary = _program(VIRTUOSO_BINARY)
    if binary is None:
        missing(VIRTUOSO_BINARY, "apt-get install virtuoso-opensource-7-bin")
    (directory / "www").mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=directory, sql_port=sql_port, http_port=http_port))
    log = directory / "virtuoso.out"
    process = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=directory,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        preexec_fn=dies_with_this_process(),
    )
    base = f"http://127.0.0.1:{http_port}"
    _wait_until_ready(f"{base}/sparql?query=ASK%7B%7D", process, log, 90)
    return Server(process, f"{base}/sparql-graph-crud-auth", f"{base}/sparql", log)
