"""The `peer` rows: another tool's work on the same vocabulary, each run paired with bpo-kb's in
the same round.

- Skosify (``pip install -e '.[bench]'``): its default checks and corrections of the file
  (``skosify FILE -o OUT``), paired with ``bpo-kb validate`` of it (both in fresh interpreters,
  imports excluded, as the table's other operations).
- SkoHub Vocabs (a Gatsby app, not on npm): its static site build of the vocabulary, paired with
  ``bpo-kb export --format html`` of it, both timed as whole commands. It runs from the checkout
  that ``$BPO_KB_SKOHUB_VOCABS`` names, with its npm packages installed (see README,
  "Benchmarks"): each round copies the app (its ``node_modules`` linked, not copied) to a
  temporary folder with the vocabulary as its only data file, and validation failures do not
  stop it (``fail_on_validation: false``), as bpo-kb's export runs with ``--fail-on never``.

A peer that is not installed is skipped, with a note saying what is missing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyoxigraph

from benchmarks.processes import REPO_ROOT, run_command, run_once

Outcome = dict[str, object]
SKOHUB_VARIABLE = "BPO_KB_SKOHUB_VOCABS"
SKOHUB_INSTALL = (
    f"set {SKOHUB_VARIABLE} to a checkout of skohub-vocabs whose npm packages are installed "
    "(README, 'Benchmarks')"
)
# What the site build needs of the checkout (its tests, demo and lock file are left behind).
SKOHUB_APP = (
    "config.default.yaml",
    "gatsby-browser.js",
    "gatsby-config.js",
    "gatsby-node.js",
    "gatsby-ssr.js",
    "package.json",
    "shapes",
    "src",
    "static",
)


def missing(peer: str) -> str | None:
    """Why ``peer`` ("skosify" or "skohub") cannot run here, or None when it can."""
    if peer == "skosify":
        if importlib.util.find_spec("skosify") is None:
            return "skosify is not installed (pip install -e '.[bench]')"
        return None
    checkout = os.environ.get(SKOHUB_VARIABLE)
    if not checkout:
        return f"{SKOHUB_VARIABLE} is not set: {SKOHUB_INSTALL}"
    if shutil.which("node") is None:
        return "node is not on PATH"
    if not (Path(checkout) / "node_modules" / "gatsby" / "cli.js").is_file():
        return f"{checkout} has no node_modules/gatsby: {SKOHUB_INSTALL}"
    return None


def measure_peer(
    peer: str,
    name: str,
    path: Path,
    runs: int,
    timeout: float,
    progress: Callable[[str, Outcome], None],
) -> Outcome:
    """``runs`` rounds, each running bpo-kb's side of the pairing on ``path`` (the input
    ``name``) and then the peer's: the peer's median seconds, bpo-kb's, and the median of each
    round's ratio of the two, or the first ``error`` (a run is stopped after ``timeout``
    seconds). ``progress`` is told of each run."""
    labels = PAIRS[peer]
    pairs = []
    for round_number in range(1, runs + 1):
        for label in labels:
            outcome = RUNS[label](path, timeout)
            progress(f"round {round_number}/{runs}: {name} peer {label}", outcome)
            if "error" in outcome:
                return {"error": f"{label}: {outcome['error']}"}
            pairs.append(outcome)
    ours = [float(outcome["seconds"]) for outcome in pairs[0::2]]
    theirs = [float(outcome["seconds"]) for outcome in pairs[1::2]]
    outcome = dict(pairs[-1])
    outcome.update(
        seconds=statistics.median(theirs),
        triples=_triples(path),
        peer=labels,
        paired=(
            statistics.median(ours),
            statistics.median([t / o for t, o in zip(theirs, ours, strict=True)]),
        ),
    )
    return outcome


def note(outcome: Outcome) -> str:
    """The pairing, as the table's note gives it, from an outcome of :func:`measure_peer`."""
    (ours, theirs), (ours_seconds, ratio) = outcome["peer"], outcome["paired"]
    pages = f" ({outcome['pages']:,} pages)" if "pages" in outcome else ""
    peer = f"{theirs} {outcome['seconds']:.1f} s{pages}"
    warned = f"; skosify warned {outcome['warnings']:,} times" if "warnings" in outcome else ""
    return f"{ours} {ours_seconds:.1f} s vs {peer}: {ratio:.1f}x{warned}"


def _export_html(path: Path, timeout: float) -> Outcome:
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "bpo_kb", "export", "--format", "html", "--quiet"]
        command += ["--ontology", str(path), "--output", out, "--fail-on", "never"]
        return run_command(command, REPO_ROOT, timeout)


def _skohub(path: Path, timeout: float) -> Outcome:
    checkout = Path(os.environ[SKOHUB_VARIABLE])
    with tempfile.TemporaryDirectory() as site:
        app = Path(site)
        for name in SKOHUB_APP:
            source = checkout / name
            if source.is_dir():
                shutil.copytree(source, app / name)
            else:
                shutil.copy(source, app / name)
        (app / "node_modules").symlink_to(checkout / "node_modules")
        (app / "data").mkdir()
        shutil.copy(path, app / "data" / path.name)
        config = checkout / "config.yaml"
        settings = (config if config.is_file() else checkout / "config.default.yaml").read_text()
        (app / "config.yaml").write_text(
            settings.replace("fail_on_validation: true", "fail_on_validation: false")
        )
        (app / ".env").write_text("BASEURL=\n")
        # Gatsby's workers leave their gatsby-worker* folders in TMPDIR: this one is removed.
        (app / "tmp").mkdir()
        environment = {
            **os.environ,
            "GATSBY_TELEMETRY_DISABLED": "1",
            "CI": "true",
            "TMPDIR": str(app / "tmp"),
        }
        command = ["node", "node_modules/gatsby/cli.js", "build", "--prefix-paths"]
        outcome = run_command(command, app, timeout, environment)
        if "error" not in outcome:
            outcome["pages"] = sum(1 for _ in (app / "public").rglob("*.html"))
        return outcome


RUNS: dict[str, Callable[[Path, float], Outcome]] = {
    "bpo-kb validate": lambda path, timeout: run_once("validate", path, timeout),
    "skosify": lambda path, timeout: run_once("skosify", path, timeout),
    "bpo-kb export --format html": _export_html,
    "SkoHub Vocabs": _skohub,
}
# A peer -> (bpo-kb's side of the pairing, the peer's), as RUNS names them.
PAIRS = {
    "skosify": ("bpo-kb validate", "skosify"),
    "skohub": ("bpo-kb export --format html", "SkoHub Vocabs"),
}


def _triples(path: Path) -> int:
    return sum(1 for _ in pyoxigraph.parse(path=str(path), lenient=True))
