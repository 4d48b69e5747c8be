"""The committed exports/ are exactly what ``bpo-kb build`` writes from ontology/.

If this fails, run ``bpo-kb build`` and review the diff of exports/ before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from bpo_kb.build import SITE_FOLDER, export_all, export_site
from bpo_kb.formats.registry import FILE_FORMATS

from .conftest import REPO_ROOT


@pytest.mark.parametrize("export_format", FILE_FORMATS.values(), ids=list(FILE_FORMATS))
def test_committed_export_matches_a_fresh_build(
    glossary: Graph, tmp_path: Path, export_format: object
) -> None:
    export_all(glossary, tmp_path)
    name = export_format.filename  # type: ignore[attr-defined]
    committed = REPO_ROOT / "exports" / name
    assert committed.read_bytes() == (tmp_path / name).read_bytes(), (
        f"exports/{name} is out of date: run `bpo-kb build` and commit the result"
    )


def test_committed_site_matches_a_fresh_build(glossary: Graph, tmp_path: Path) -> None:
    export_site(glossary, tmp_path)
    committed = REPO_ROOT / "exports" / SITE_FOLDER
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert fresh == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for relative in fresh:
        assert (committed / relative).read_bytes() == (tmp_path / relative).read_bytes(), (
            f"exports/{SITE_FOLDER}/{relative} is out of date: run `bpo-kb build`"
        )
