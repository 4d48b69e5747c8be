"""Every ``bpo-kb`` command in README.md's ```sh blocks runs as written.

Each command runs with CliRunner in a temporary folder laid out like a checkout (``ontology/``
and ``exports/`` copied), so that whatever it writes lands there. Input files the README names
only as examples (``thesaurus.ttl``, ``iate-export.tbx``...) get a small stand-in from
tests/data (:data:`STAND_INS`). A command is left out only through :data:`SKIPPED`, with the
reason. A command fails the test on a traceback, and on a non-zero exit unless it is one of
:data:`MAY_FIND` (commands whose exit 1 reports findings or differences, as documented).
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from bpo_kb.cli import main
from bpo_kb.rdf.read import read_graph

from .conftest import REPO_ROOT

# Each example or completion script runs the real command: part of the full suite.
pytestmark = pytest.mark.slow

README = REPO_ROOT / "README.md"
DATA = Path(__file__).parent / "data"

# Commands left out (matched on the start of the command, after "bpo-kb "), with the reason.
SKIPPED: dict[str, str] = {
    "query | search": "a synopsis of several commands, not a command",
    "import csv | tbx": "a synopsis of several commands, not a command",
    "publish ": "needs a running triple store (tests/test_store.py publishes to real ones)",
    "query hierarchy --sparql http://localhost:7878/query": (
        "needs a store on localhost:7878 (tests/test_queries.py queries real ones, --graph too)"
    ),
    "validate --sparql http://localhost:7878/query": (
        "needs a store on localhost:7878 (tests/test_remote_validation.py validates in real ones)"
    ),
}

# Commands whose exit 1 is an answer (findings, differences), as the README documents.
MAY_FIND = ("validate", "diff")


def _rdf_xml(source: Path, target: Path) -> None:
    Graph().parse(source).serialize(target, format="xml")


def _in_named_graph(source: Path, target: Path) -> None:
    graph = read_graph([source])
    lines = graph.serialize(format="nt").splitlines()
    target.write_text(
        "".join(f"{line[:-1]}<https://example.org/g> .\n" for line in lines if line.strip()),
        encoding="utf-8",
    )


def _copy(source: Path) -> Callable[[Path], None]:
    def write(target: Path) -> None:
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copyfile(source, target)

    return write


def _text(text: str) -> Callable[[Path], None]:
    return lambda target: target.write_text(text, encoding="utf-8")


# Files the README names as examples, relative to the checkout: how the test makes each.
STAND_INS: dict[str, Callable[[Path], None]] = {
    "thesaurus.ttl": _copy(DATA / "valid-minimal.ttl"),
    "thesaurus.rdf": lambda target: _rdf_xml(DATA / "valid-minimal.ttl", target),
    "other.ttl": _copy(DATA / "third-party.ttl"),
    "more.rdf": lambda target: _rdf_xml(DATA / "valid-minimal.ttl", target),
    "x.ttl": _copy(DATA / "third-party.ttl"),
    "my-query.rq": _text("SELECT ?concept ?label WHERE { ?concept skos:prefLabel ?label }\n"),
    "translations.csv": _copy(DATA / "rows-per-language.csv"),
    "excel-export.csv": lambda target: target.write_bytes(
        (DATA / "rows-per-language.csv").read_text(encoding="utf-8").encode("cp1252")
    ),
    "iate-export.tbx": _copy(DATA / "v2-sample.tbx"),
    "agrovoc-extract.rdf": lambda target: _rdf_xml(DATA / "third-party.ttl", target),
    "old-ontology": _copy(REPO_ROOT / "ontology"),
    "data.nq": lambda target: _in_named_graph(REPO_ROOT / "ontology", target),
    "../shared/peer/vocabularies/stw-9.06.ttl": _copy(DATA / "third-party.ttl"),
}


def readme_commands() -> list[str]:
    """Every ``bpo-kb`` command of the ```sh blocks, continuation lines joined, with any
    leading ``NAME=value`` environment settings."""
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            command = list(words)
            while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
                words.pop(0)
            if words and words[0] == "bpo-kb":
                commands.append(shlex.join(command))
    return commands


def _arguments(command: str) -> str:
    """What follows ``bpo-kb`` in ``command``, as typed (words joined by one space)."""
    words = shlex.split(command)
    return " ".join(words[words.index("bpo-kb") + 1 :])


def _reason_skipped(command: str) -> str | None:
    arguments = _arguments(command)
    return next((why for start, why in SKIPPED.items() if arguments.startswith(start)), None)


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder laid out like a checkout, with a stand-in for each example input; the cwd."""
    folder = tmp_path / "checkout"
    folder.mkdir()
    for name in ("ontology", "exports"):
        shutil.copytree(REPO_ROOT / name, folder / name)
    for relative, make in STAND_INS.items():
        target = (folder / relative).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        make(target)
    monkeypatch.chdir(folder)
    return folder


def test_the_readme_has_examples_for_every_command() -> None:
    commands = readme_commands()
    named = {_arguments(c).split()[0] for c in commands if not _reason_skipped(c)}
    assert {"build", "validate", "export", "query", "search", "show", "tree"} <= named
    assert {"import", "align", "diff"} <= named
    for start in SKIPPED:
        assert any(_arguments(c).startswith(start) for c in commands), start


@pytest.mark.parametrize("command", readme_commands())
def test_a_readme_example_runs_as_written(command: str, checkout: Path) -> None:
    reason = _reason_skipped(command)
    if reason:
        pytest.skip(reason)
    words = shlex.split(command)
    environment = {}
    while words[0] != "bpo-kb":
        name, _, value = words.pop(0).partition("=")
        environment[name] = value
    piped: bytes | None = None
    # A pipeline runs stage by stage, each reading what the one before wrote.
    for stage in " ".join(shlex.quote(w) for w in words).split(" '|' "):
        stage_words = shlex.split(stage)
        if stage_words[0] != "bpo-kb":  # a shell's own command, such as fish's source
            continue
        result = CliRunner().invoke(
            main, stage_words[1:], env=environment, input=piped, prog_name="bpo-kb"
        )
        allowed = (0, 1) if stage_words[1:2] and stage_words[1] in MAY_FIND else (0,)
        assert result.exit_code in allowed, f"{command}\n{result.output}"
        assert result.exception is None or isinstance(result.exception, SystemExit), command
        assert "Traceback" not in result.output
        piped = result.stdout_bytes
