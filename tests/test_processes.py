"""Killed processes and hostile output paths (issue 18, items 6 to 8): a runaway query stops at
its --timeout and on SIGTERM; killing ``bpo-kb`` by any signal stops its child; a build killed at
any instant leaves the complete old set of exports or the complete new one; every OS error on
output is one line; links, FIFOs and symbolic folders are never replaced nor written through
out of the output folder."""

from __future__ import annotations

import errno
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.synthetic import write_vocabulary
from bpo_kb.build import export_all
from bpo_kb.cli import main
from bpo_kb.errors import OutputError
from bpo_kb.files import recover_folder, write_output

LONG_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
OTHER_BASE = "https://example.org/other/"
BPO_KB = [sys.executable, "-m", "bpo_kb"]
SLOWED = "\n".join(  # `python -m bpo_kb` whose every file write first sleeps a little
    [
        "import runpy, sys, time",
        "import bpo_kb.files",
        "real = bpo_kb.files.write_atomically",
        "real_new = bpo_kb.files.write_new_files",
        "delay = float(sys.argv.pop(1))",
        "def slow(write):",
        "    def run(stream):",
        "        time.sleep(delay)",
        "        write(stream)",
        "    return run",
        "def slowed(targets, **kw):",
        "    return real({path: slow(write) for path, write in targets.items()}, **kw)",
        "def slowed_new(batches, **kw):",
        "    return real_new([{p: slow(w) for p, w in b.items()} for b in batches], **kw)",
        "bpo_kb.files.write_atomically = slowed",
        "bpo_kb.files.write_new_files = slowed_new",
        "runpy.run_module('bpo_kb', run_name='__main__', alter_sys=True)",
    ]
)


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(child) for child in path.read_text().split()]
    except OSError:
        return []


def _gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return True
        if status.rsplit(")", 1)[1].split()[0] == "Z":  # a zombie: dead, awaiting its reaper
            return True
        time.sleep(0.05)
    return False


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones included) by relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() or path.is_symlink()
    }


# --- Item 6: a query has a deadline, and signals stop it ----------------------------------------


@pytest.mark.slow
def test_a_runaway_query_stops_at_its_timeout_with_one_line() -> None:
    started = time.monotonic()
    result = subprocess.run(
        [*BPO_KB, "query", "--timeout", "2", LONG_QUERY],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [
        "the query ran longer than --timeout 2 seconds and was stopped; give a larger --timeout "
        "or a narrower query"
    ]
    assert time.monotonic() - started < 60


def test_a_quick_query_answers_within_its_timeout(runner: CliRunner) -> None:
    result = runner.invoke(main, ["query", "--timeout", "60", "SELECT (1 AS ?one) {}"])
    assert result.exit_code == 0, result.output
    assert "1" in result.output


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # a shell's background job ignores it


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize(
    ("signum", "exit_code"),
    [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 1)],
    ids=["SIGTERM", "Ctrl-C"],
)
def test_a_signal_stops_a_running_query_at_once(signum: int, exit_code: int) -> None:
    query = subprocess.Popen(
        [*BPO_KB, "query", LONG_QUERY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        preexec_fn=_default_sigint,  # noqa: PLW1509 - only resets a signal
    )
    try:
        time.sleep(4)  # the glossary is read, the query runs
        assert query.poll() is None, query.communicate()
        child = _children(query.pid)
        if signum == signal.SIGINT:
            os.killpg(query.pid, signum)  # Ctrl-C: the terminal signals the whole group
        else:
            os.kill(query.pid, signum)  # kill, timeout: the process the user started
        stopped = time.monotonic()
        _, errors = query.communicate(timeout=30)
        assert time.monotonic() - stopped < 5
    finally:
        if query.poll() is None:
            query.kill()
            query.wait()
    assert query.returncode == exit_code, errors
    assert "Traceback" not in errors
    assert len(errors.strip().splitlines()) == 1, errors
    assert all(_gone(pid, 5) for pid in child)


# --- Item 7: SIGKILL of bpo-kb stops its work; the set of exports switches as a whole -----------


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux's /proc")
def test_sigkill_of_bpo_kb_kills_its_child_and_nothing_is_written_after(tmp_path: Path) -> None:
    out_dir = tmp_path / "exports"
    build = subprocess.Popen(
        [sys.executable, "-c", SLOWED, "0.05", "build", "-q", "--out", str(out_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        # writing, slowly (about 8 s for 162 files), into the staging folder
        while not [path for path in out_dir.rglob("*") if path.is_file()]:
            assert build.poll() is None, build.communicate()
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.05)
        child = _children(build.pid)
        assert child, "bpo-kb runs its command in a child process"
        helpers = [helper for pid in child for helper in _children(pid)]
        build.kill()  # SIGKILL: the parent cannot pass anything on
        build.wait(timeout=10)
        assert all(_gone(pid, 2) for pid in child), "the child outlived bpo-kb"
        assert all(_gone(pid, 2) for pid in helpers), "a helper outlived bpo-kb"
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    before = _snapshot(out_dir)
    time.sleep(3)
    assert _snapshot(out_dir) == before, "files were written after bpo-kb was killed"
    assert not [name for name in before if not name.startswith(".staging-")]


def _build(out_dir: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*BPO_KB, "build", "-q", "--out", str(out_dir), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.fixture(scope="module")
def reference_sets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float]:
    """Two complete builds of the glossary (default IRIs, another --base), and how long the
    second took."""
    folder = tmp_path_factory.mktemp("references")
    old, new = folder / "old", folder / "new"
    assert _build(old).wait(timeout=300) == 0
    started = time.monotonic()
    assert _build(new, "--base", OTHER_BASE).wait(timeout=300) == 0
    return old, new, time.monotonic() - started


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux's /proc")
def test_a_build_killed_at_any_instant_leaves_the_old_set_or_the_new_one(
    tmp_path: Path, reference_sets: tuple[Path, Path, float]
) -> None:
    old, new, duration = reference_sets
    old_files, new_files = _snapshot(old), _snapshot(new)
    assert old_files.keys() == new_files.keys()
    assert old_files != new_files
    rng = random.Random(18)
    seen = set()
    for round_number in range(8):
        out_dir = tmp_path / f"exports-{round_number}"
        shutil.copytree(old, out_dir)
        build = _build(out_dir, "--base", OTHER_BASE)
        time.sleep(rng.uniform(0.3, duration * 1.1))
        child = _children(build.pid)
        build.kill()
        build.wait(timeout=10)
        assert all(_gone(pid, 2) for pid in child)
        visible = {k: v for k, v in _snapshot(out_dir).items() if not k.startswith(".staging-")}
        assert visible in (old_files, new_files), f"round {round_number}: a mix of sets"
        recover_folder(out_dir)  # what the next build does first
        after = _snapshot(out_dir)
        assert after in (old_files, new_files), f"round {round_number}: a mix after recovery"
        seen.add("new" if after == new_files else "old")
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert seen, "no round ran"


@pytest.mark.slow
def test_two_builds_into_one_folder_wait_for_each_other(
    tmp_path: Path, reference_sets: tuple[Path, Path, float]
) -> None:
    old, _, _ = reference_sets
    out_dir = tmp_path / "exports"
    builds = [_build(out_dir), _build(out_dir)]
    for build in builds:
        _, errors = build.communicate(timeout=300)
        assert build.returncode == 0, errors
    assert _snapshot(out_dir) == _snapshot(old)
    assert [p.name for p in tmp_path.iterdir()] == ["exports"]


def test_files_the_build_does_not_write_are_carried_over_and_a_foreign_folder_refused(
    tmp_path: Path, glossary
) -> None:
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    (out_dir / "README.md").write_text("kept")
    export_all(glossary, out_dir)
    assert (out_dir / "README.md").read_text() == "kept"
    assert (out_dir / "html" / "index.html").is_file()
    assert not [p for p in out_dir.iterdir() if p.name.startswith(".")]

    (out_dir / "mine").mkdir()
    before = _snapshot(out_dir)
    with pytest.raises(OutputError, match="holds a folder mine/"):
        export_all(glossary, out_dir)
    assert _snapshot(out_dir) == before


def test_a_symbolic_exports_folder_is_followed_and_kept(tmp_path: Path, glossary) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "exports"
    link.symlink_to(real, target_is_directory=True)
    export_all(glossary, link)
    assert link.is_symlink()
    assert (real / "bpo-glossary.ttl").is_file()


# --- Item 8: OS errors on output, and what -o and the site never replace or write through -------


def test_a_name_too_long_for_the_file_system_is_one_line_and_exit_2(tmp_path: Path) -> None:
    # A concept whose IRI ends in 300 characters: its page's file name is too long for Linux.
    source = write_vocabulary(tmp_path / "synthetic.ttl", 100, defects=False)
    ontology = tmp_path / "long.ttl"
    text = source.read_text(encoding="utf-8")
    ontology.write_text(re.sub(r"\bs:c7\b", "s:" + "x" * 300, text), encoding="utf-8")
    out_dir = tmp_path / "exports"
    result = subprocess.run(
        [*BPO_KB, "build", "-q", "--ontology", str(ontology), "--out", str(out_dir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode == 0:  # the site shortened the name: it works
        assert (out_dir / "bpo-glossary.ttl").is_file()
        return
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "File name too long" in lines[0]
    assert len(lines[0]) < 200
    assert not out_dir.exists()


def test_a_full_disk_is_one_line_and_the_old_file_stays(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    target.write_bytes(b"old")

    def fill(stream) -> None:  # noqa: ANN001 - a writer
        stream.write(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(OutputError, match="the disk is full") as raised:
        write_output(target, fill)
    assert "\n" not in str(raised.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_exports_folder_is_one_line_and_exit_2(runner: CliRunner, tmp_path: Path):
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    out_dir.chmod(0o555)
    try:
        result = runner.invoke(main, ["build", "-q", "--out", str(out_dir)])
    finally:
        out_dir.chmod(0o755)
    assert result.exit_code == 2
    assert "cannot write to" in result.output


def test_output_onto_a_symbolic_link_writes_its_target_and_keeps_the_link(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "target.ttl"
    target.write_text("old")
    link = tmp_path / "link.ttl"
    link.symlink_to(target)
    result = runner.invoke(main, ["export", "--format", "turtle", "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert "skos:Concept" in target.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_output_onto_a_fifo_writes_through_it(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = runner.invoke(main, ["export", "--format", "turtle", "-o", str(fifo)])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b"skos:Concept" in received[0]


def test_the_site_writer_never_writes_through_a_symbolic_folder(
    runner: CliRunner, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "fr").symlink_to(elsewhere, target_is_directory=True)
    result = runner.invoke(main, ["export", "--format", "html", "-o", str(site)])
    assert result.exit_code == 2
    assert "symbolic link" in result.output
    assert list(elsewhere.iterdir()) == []


def test_a_build_replaces_a_symbolic_html_folder_instead_of_writing_through_it(
    tmp_path: Path, glossary
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    (out_dir / "html").symlink_to(elsewhere, target_is_directory=True)
    export_all(glossary, out_dir)
    assert not (out_dir / "html").is_symlink()
    assert (out_dir / "html" / "index.html").is_file()
    assert list(elsewhere.iterdir()) == []
