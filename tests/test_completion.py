"""Shell completion through click, and -q/--quiet wherever a command shows progress."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from bpo_kb.cli import main

# Each example or completion script runs the real command: part of the full suite.
pytestmark = pytest.mark.slow

ENTRY_POINT = Path(sys.executable).parent / "bpo-kb"


@pytest.mark.parametrize(
    ("shell", "start"),
    [("bash", "_bpo_kb_completion() {"), ("zsh", "#compdef bpo-kb"), ("fish", "function ")],
)
def test_the_installed_command_prints_a_completion_script(shell: str, start: str) -> None:
    if not ENTRY_POINT.exists():
        pytest.skip(f"{ENTRY_POINT} is absent: install the package (pip install -e .)")
    finished = subprocess.run(
        [str(ENTRY_POINT)],
        env={**os.environ, "_BPO_KB_COMPLETE": f"{shell}_source"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.startswith(start)
    assert "_BPO_KB_COMPLETE" in finished.stdout


def test_completion_offers_the_commands() -> None:
    if not ENTRY_POINT.exists():
        pytest.skip(f"{ENTRY_POINT} is absent: install the package (pip install -e .)")
    environment = {
        "_BPO_KB_COMPLETE": "bash_complete",
        "COMP_WORDS": "bpo-kb sh",
        "COMP_CWORD": "1",
    }
    finished = subprocess.run(
        [str(ENTRY_POINT)],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "plain,show" in finished.stdout.splitlines()


def _commands(group: click.Group) -> list[click.Command]:
    found = []
    for command in group.commands.values():
        found += _commands(command) if isinstance(command, click.Group) else [command]
    return found


@pytest.mark.parametrize("command", _commands(main), ids=lambda command: command.name)
def test_every_command_that_shows_progress_takes_quiet(command: click.Command) -> None:
    source = inspect.getsource(command.callback)  # type: ignore[arg-type]
    if "Progress(" in source or "reporting(" in source:
        assert {"-q", "--quiet"} <= {o for p in command.params for o in p.opts}
