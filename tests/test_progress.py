"""Progress goes to a terminal only, and never to pipes or with --quiet."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from bpo_kb.cli import main
from bpo_kb.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_one_line_rewritten_and_cleared() -> None:
    terminal = _Terminal()
    progress = Progress(stream=terminal)
    progress("parsing a.ttl")
    progress("rule 1/2")
    progress.done()
    assert terminal.getvalue() == "\rparsing a.ttl\rrule 1/2     \r" + " " * 8 + "\r"


def test_pipes_and_quiet_get_nothing() -> None:
    for progress, stream in (
        (Progress(stream=(pipe := io.StringIO())), pipe),
        (Progress(quiet=True, stream=(tty := _Terminal())), tty),
    ):
        progress("parsing")
        progress.done()
        assert stream.getvalue() == ""


def test_validate_in_a_pipe_prints_no_progress(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "--quiet"])
    assert "rule " not in result.stderr
    assert result.exit_code == 0


@pytest.mark.slow
def test_the_build_reports_each_phase_and_the_site_as_it_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bpo_kb.build import build
    from bpo_kb.resources import DEFAULT_ONTOLOGY_DIR

    # in one process: a forked helper reports to its own copy of the callback (on a terminal,
    # the same line)
    monkeypatch.setattr("bpo_kb.build.resident_memory", lambda: 2**40)
    messages: list[str] = []
    build(DEFAULT_ONTOLOGY_DIR, tmp_path, progress=messages.append)

    site = [m for m in messages if m.startswith("writing html/: ")]
    total = len([p for p in (tmp_path / "html").rglob("*") if p.is_file()])
    assert messages[0].startswith("parsing ")
    assert "reading the source for the writers" in messages
    assert "writing bpo-glossary.ttl" in messages
    assert site[0] == f"writing html/: 0/{total:,} files"
    counts = [int(m.split(": ")[1].split("/")[0].replace(",", "")) for m in site]
    assert counts == sorted(counts)
    assert counts[-1] >= total * 0.9
