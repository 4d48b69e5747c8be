"""The committed exports/ are exactly what ``bpo-kb build`` writes from ontology/.

If this fails, run ``bpo-kb build`` and review the diff of exports/ before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from bpo_kb.export import FORMATS, export_all

from .conftest import REPO_ROOT


@pytest.mark.parametrize("export_format", FORMATS.values(), ids=list(FORMATS))
def test_committed_export_matches_a_fresh_build(
    glossary: Graph, tmp_path: Path, export_format: object
) -> None:
    export_all(glossary, tmp_path)
    name = export_format.filename  # type: ignore[attr-defined]
    committed = REPO_ROOT / "exports" / name
    assert committed.read_bytes() == (tmp_path / name).read_bytes(), (
        f"exports/{name} is out of date: run `bpo-kb build` and commit the result"
    )
