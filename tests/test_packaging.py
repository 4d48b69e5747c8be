"""The wheel carries ontology/ and shapes/: an installed bpo-kb builds outside a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO_ROOT

pytestmark = pytest.mark.slow


def test_installed_wheel_builds_the_glossary_outside_the_checkout(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), "."],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("bpo_kb-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "bpo_kb/_data/ontology/concepts.ttl" in names
    assert "bpo_kb/_data/shapes/profile.ttl" in names
    assert "bpo_kb/site/templates/concept.html.j2" in names
    assert "bpo_kb/named_queries/concept-card.rq" in names

    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-m", "bpo_kb", "build"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"files to {(elsewhere / 'exports').resolve()}/" in result.stdout  # absolute
    built = [p for p in (elsewhere / "exports").rglob("*") if p.is_file()]
    assert len(built) > 70
    for path in built:
        committed = REPO_ROOT / "exports" / path.relative_to(elsewhere / "exports")
        assert path.read_bytes() == committed.read_bytes(), path
