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


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    started = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield started
    started.stop()


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
