"""shapes/iso639-languages.ttl is what scripts/generate_language_codes.py writes."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO_ROOT


def test_committed_language_codes_are_regenerated_by_the_script() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/generate_language_codes.py", "--check"],
        cwd=REPO_ROOT,
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "run scripts/generate_language_codes.py and commit the result"
