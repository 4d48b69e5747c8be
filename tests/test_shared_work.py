"""Work shared with forked helpers (bpo_kb.process.share_work): every task once, a helper's
failure raised in the parent as what it was, no helper left running when the parent stops."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from bpo_kb.build import build
from bpo_kb.errors import ExportError, OutputError
from bpo_kb.process import share_work
from bpo_kb.resources import DEFAULT_ONTOLOGY_DIR


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_every_task_runs_once_in_one_of_the_processes(tmp_path: Path) -> None:
    def task(number: int):  # noqa: ANN202 - a task
        def run() -> None:
            time.sleep(0.01)
            with (tmp_path / f"{number}.txt").open("x") as out:  # "x": a second run fails
                out.write(str(os.getpid()))

        return run

    share_work([task(n) for n in range(40)], processes=2)

    pids = {(tmp_path / f"{n}.txt").read_text() for n in range(40)}
    assert len(list(tmp_path.iterdir())) == 40
    assert str(os.getpid()) in pids
    assert len(pids) == 2  # the helper took some


def _in_helper(parent: int, action):  # noqa: ANN001, ANN202 - a task
    """A task that does ``action`` in a helper, and in the parent waits for the helper to take
    the next task."""

    def run() -> None:
        if os.getpid() == parent:
            time.sleep(1)
        else:
            action()

    return run


def test_a_helpers_failure_is_raised_here_as_what_it_was() -> None:
    def fail() -> None:
        raise OutputError("cannot write to out/x.html: No space left on device")

    tasks = [_in_helper(os.getpid(), fail)] * 2

    with pytest.raises(OutputError, match="No space left on device"):
        share_work(tasks, processes=2)


def test_a_helper_killed_by_a_signal_is_an_export_error() -> None:
    tasks = [_in_helper(os.getpid(), lambda: os.kill(os.getpid(), signal.SIGKILL))] * 2

    with pytest.raises(ExportError, match="stopped by SIGKILL"):
        share_work(tasks, processes=2)


def test_when_this_process_stops_its_helpers_are_gone(tmp_path: Path) -> None:
    parent = os.getpid()

    def task() -> None:
        if os.getpid() == parent:
            while not list(tmp_path.iterdir()):  # the helper is at work
                time.sleep(0.01)
            raise KeyboardInterrupt
        (tmp_path / str(os.getpid())).touch()
        time.sleep(60)

    with pytest.raises(KeyboardInterrupt):
        share_work([task, task], processes=2)

    (helper,) = [int(path.name) for path in tmp_path.iterdir()]
    assert not _alive(helper)


def test_one_process_runs_the_tasks_in_order() -> None:
    done: list[int] = []

    share_work([lambda n=n: done.append(n) for n in range(5)], processes=1)

    assert done == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(("held", "processes"), [(100 * 2**20, 2), (1536 * 2**20, 1)])
def test_a_build_forks_a_helper_only_if_two_processes_fit_in_2_gb(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, held: int, processes: int
) -> None:
    shared: list[int] = []

    def recording(tasks, processes: int) -> None:  # noqa: ANN001 - share_work's signature
        shared.append(processes)
        share_work(tasks, processes)

    monkeypatch.setattr("bpo_kb.build.resident_memory", lambda: held)
    monkeypatch.setattr("bpo_kb.files.share_work", recording)

    build(DEFAULT_ONTOLOGY_DIR, tmp_path / "exports")

    assert shared[0] == processes
    assert (tmp_path / "exports" / "html" / "downloads" / "bpo-glossary.ttl").read_bytes() == (
        tmp_path / "exports" / "bpo-glossary.ttl"
    ).read_bytes()


@pytest.mark.parametrize("profile", ["no-such-profile", "bpo"])
def test_a_failed_build_leaves_no_reading_thread_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: str
) -> None:
    """The writers' graph is read in a second thread while the source is validated; when the
    build fails (a usage error, or findings), that thread has ended before the error reaches
    the caller: nothing goes on behind a failed build. The read is made slower than the
    validation here, as it is on large vocabularies."""
    import threading

    import bpo_kb.build
    from bpo_kb.errors import BpoKbError

    read = bpo_kb.build._writers_graph

    def slow_read(*arguments: object) -> object:
        time.sleep(1)
        return read(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(bpo_kb.build, "_writers_graph", slow_read)
    source = tmp_path / "source"
    source.mkdir()
    for file in DEFAULT_ONTOLOGY_DIR.iterdir():
        (source / file.name).write_bytes(file.read_bytes())
    with (source / "concepts.ttl").open("a", encoding="utf-8") as concepts:
        concepts.write('\nbpo:orphan a skos:Concept ; skos:prefLabel "orphelin"@fr .\n')
    with pytest.raises(BpoKbError):
        build(source, tmp_path / "out", profile=profile)
    assert not [t for t in threading.enumerate() if t.name == "bpo-kb reading"]
