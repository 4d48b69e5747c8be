"""Shared fixtures: paths, a CLI runner, and the glossary built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from bpo_kb.build import load_valid_vocabulary
from bpo_kb.resources import DEFAULT_ONTOLOGY_DIR

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
PEER_DIR = SHARED_DIR / "peer"


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
