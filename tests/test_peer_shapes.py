"""The exported Turtle passes the published SkoHub and VocPub shapes (scripts/check_peer_shapes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from bpo_kb.rdf.namespaces import SKOS

from .conftest import REPO_ROOT, shared_file

SCRIPT = REPO_ROOT / "scripts" / "check_peer_shapes.py"

# pySHACL over the whole export with third-party shapes, in a subprocess: seconds each.
pytestmark = pytest.mark.slow


def _run(export: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(export)], capture_output=True, text=True, check=False
    )


def test_exported_turtle_conforms_to_skohub_and_vocpub() -> None:
    shared_file("peer/shapes/skohub.shacl.ttl")
    result = _run(REPO_ROOT / "exports" / "bpo-glossary.ttl")
    assert result.returncode == 0, result.stdout
    assert "skohub.shacl.ttl: 0 violation(s)" in result.stdout
    assert "vocpub.multilang.ttl: 0 violation(s)" in result.stdout


def test_the_check_fails_on_a_scheme_without_top_concepts(tmp_path: Path) -> None:
    shared_file("peer/shapes/skohub.shacl.ttl")
    graph = Graph().parse(REPO_ROOT / "exports" / "bpo-glossary.ttl")
    graph.remove((None, SKOS.hasTopConcept, None))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    result = _run(broken)
    assert result.returncode == 1
    assert "skohub.shacl.ttl: 0 violation(s)" not in result.stdout
    assert "should at least have one top Concept" in result.stdout
