"""Shared fixtures: paths, a CLI runner, and the glossary built once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from bpo_kb.build import load_valid_vocabulary
from bpo_kb.resources import DEFAULT_ONTOLOGY_DIR

from .servers import Server, start_oxigraph, start_virtuoso

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
PEER_DIR = SHARED_DIR / "peer"
VIRTUOSO_USER, VIRTUOSO_PASSWORD = "dba", "dba"


@pytest.fixture
def data_dir() -> Path:
    return Path(__file__).parent / "data"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def glossary() -> Graph:
    """The glossary as ``bpo-kb build`` exports it: validated and completed."""
    return load_valid_vocabulary(DEFAULT_ONTOLOGY_DIR)


def shared_file(relative: str) -> Path:
    """A file of ../shared, or skip the test with the reason when shared/ is absent."""
    path = SHARED_DIR / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared/ folder beside the repository")
    return path


# --- Real triple stores (tests/servers.py), one of each per test module that asks -------------


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    started = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield started
    started.stop()


# Virtuoso 7.2 segfaults now and then under queries that pass in other runs (dmesg on
# 2026-11-30: five segfaults, four at one code address, one during a full run of these tests).
# A dead server would fail every later test of its module, so the fixture starts it again, and
# a test whose Virtuoso died while it ran is run once more (pytest-rerunfailures); no other
# failure is.
_HANDED_TO_THIS_TEST: list[Server] = []  # the Virtuoso servers the running test was given
_STOPPED_ON_PURPOSE: set[int] = set()  # process ids of the servers the fixtures stopped


class VirtuosoHolder:
    """One test module's Virtuoso, started again when a test finds it dead. A start that
    failed fails each later test at once, as a module fixture's failure would."""

    def __init__(self, folders: pytest.TempPathFactory) -> None:
        self._folders = folders
        self._server: Server | None = None
        self._failed_start: BaseException | None = None

    def running(self) -> Server:
        if self._failed_start is not None:
            raise self._failed_start
        if self._server is None or self._server.process.poll() is not None:
            self._server = None
            try:
                self._server = start_virtuoso(self._folders.mktemp("virtuoso"))
            except BaseException as failure:  # a skip (not installed) too
                self._failed_start = failure
                raise
        _HANDED_TO_THIS_TEST.append(self._server)
        return self._server

    def stop(self) -> None:
        if self._server is not None:
            if self._server.process.poll() is None:  # a crashed one stays a crash
                _STOPPED_ON_PURPOSE.add(self._server.process.pid)
            self._server.stop()
            self._server = None


@pytest.fixture(scope="module")
def virtuoso_holder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoHolder]:
    virtuoso = VirtuosoHolder(tmp_path_factory)
    yield virtuoso
    virtuoso.stop()


@pytest.fixture
def virtuoso_server(virtuoso_holder: VirtuosoHolder) -> Server:
    return virtuoso_holder.running()


def pytest_runtest_setup(item: pytest.Item) -> None:
    _HANDED_TO_THIS_TEST.clear()  # each attempt of each test starts with none


def its_virtuoso_died() -> bool:
    """Whether a Virtuoso server the running test was given has exited, other than by the
    fixtures stopping it."""
    return any(
        server.process.poll() is not None and server.process.pid not in _STOPPED_ON_PURPOSE
        for server in _HANDED_TO_THIS_TEST
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test runs once more if a Virtuoso it was given died while it ran (some get theirs
    through ``request.getfixturevalue``, unseen at collection). Not under --pdb, which
    pytest-rerunfailures refuses: there a crash is for the person debugging to see."""
    if config.getoption("usepdb"):
        return
    for item in items:
        item.add_marker(pytest.mark.flaky(reruns=1, condition=its_virtuoso_died))


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest) -> Server:
    """Each store in turn: the protocol must not be tuned to one server."""
    return request.getfixturevalue(f"{request.param}_server")


@pytest.fixture
def credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Virtuoso's default account in the environment; no ~/.netrc of the machine is read."""
    monkeypatch.setenv("BPO_KB_USER", VIRTUOSO_USER)
    monkeypatch.setenv("BPO_KB_PASSWORD", VIRTUOSO_PASSWORD)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))
