"""The SPARQL engine and pySHACL (the reference) give identical findings on real fixtures.

The per-rule fixtures of test_validation.py already run both engines; this adds the 36 qSKOS
test vocabularies from ../shared/peer/qskos/fixtures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bpo_kb.graphs import load_graph
from bpo_kb.validation import validate_graph

from .conftest import PEER_DIR, shared_file

QSKOS_FIXTURES = sorted((PEER_DIR / "qskos" / "fixtures").glob("*.rdf"))
# stw.rdf is an 18,000-triple excerpt of STW: pySHACL takes minutes on it, per focus node.
SMALL_FIXTURES = [f for f in QSKOS_FIXTURES if f.name != "stw.rdf"]


def _findings(path: Path, engine: str) -> set[tuple[str, str, str]]:
    report = validate_graph(load_graph([path]), profile="skos", engine=engine)
    return {(f.focus, f.code, f.severity) for f in report.findings}


@pytest.mark.parametrize("fixture", SMALL_FIXTURES, ids=[f.name for f in SMALL_FIXTURES])
def test_engines_agree_on_qskos_fixture(fixture: Path) -> None:
    shared_file(f"peer/qskos/fixtures/{fixture.name}")
    assert _findings(fixture, "auto") == _findings(fixture, "pyshacl")


def test_the_fixtures_are_there() -> None:
    shared_file("peer/qskos/fixtures/cycles.rdf")
    assert len(QSKOS_FIXTURES) == 36
