"""Atomic writes: every target is replaced, or none is, and no temporary file is left behind."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path
from typing import BinaryIO

import pytest

from bpo_kb.files import copy_of, replacing_folder, write_atomically


def _text(content: bytes):  # noqa: ANN202 - a writer
    return lambda stream: stream.write(content)


def test_every_target_is_written_in_its_folder(tmp_path: Path) -> None:
    targets = {tmp_path / "a.txt": _text(b"a")}
    targets.update({tmp_path / "site" / "fr" / f"{n}.html": _text(b"page") for n in range(3)})
    targets[tmp_path / "site" / "copy.txt"] = copy_of(tmp_path / "a.txt")

    written = write_atomically(targets)

    assert written == list(targets)
    assert (tmp_path / "site" / "fr" / "2.html").read_bytes() == b"page"
    assert (tmp_path / "site" / "copy.txt").read_bytes() == b"a"
    assert not list(tmp_path.rglob(".*.tmp"))


@pytest.mark.parametrize("failure", [ValueError("bad data"), KeyboardInterrupt()])
def test_a_failing_writer_leaves_every_target_as_it_was(
    tmp_path: Path, failure: BaseException
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "sub" / "second.txt"
    first.write_bytes(b"old")

    def fail(stream: BinaryIO) -> None:
        stream.write(b"half")
        raise failure

    with pytest.raises(type(failure)):
        write_atomically({first: _text(b"new"), second: fail})

    assert first.read_bytes() == b"old"
    assert not second.exists()
    assert not list(tmp_path.rglob(".*.tmp"))


def test_temporaries_a_killed_writer_left_are_removed_by_the_next_write(tmp_path: Path) -> None:
    # A process killed with SIGKILL (the out-of-memory killer) cleans nothing up.
    with subprocess.Popen(["sleep", "60"]) as running:
        dead = subprocess.Popen(["true"])
        dead.wait()  # its process id names no process now
        stale = [
            tmp_path / f".export.ttl.{dead.pid}.tmp",
            tmp_path / "site" / "fr" / f".a.html.{dead.pid}.tmp",
        ]
        in_progress = tmp_path / f".export.ttl.{running.pid}.tmp"
        unrelated = tmp_path / "site" / "fr" / ".notes.tmp"
        not_a_target = tmp_path / "site" / "fr" / f".notes.{dead.pid}.tmp"  # a user's file
        for path in (*stale, in_progress, unrelated, not_a_target):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"half")

        write_atomically(
            {
                tmp_path / "export.ttl": _text(b"new"),
                tmp_path / "site" / "fr" / "a.html": _text(b""),
            }
        )
        running.kill()

    assert not any(path.exists() for path in stale)
    assert in_progress.exists()  # another build, still writing
    assert unrelated.exists()
    assert not_a_target.exists()


def _holding(folder: Path, names: set[str], entered: threading.Event, release: threading.Event):  # noqa: ANN202 - a thread's target
    def hold() -> None:
        with replacing_folder(folder, names) as staging:
            (staging / "made-by").write_text(threading.current_thread().name)
            entered.set()
            release.wait(timeout=30)

    return hold


def test_builds_into_one_folder_wait_for_each_other_and_siblings_do_not(tmp_path: Path) -> None:
    names = {"made-by"}
    first_in, first_release = threading.Event(), threading.Event()
    first = threading.Thread(
        target=_holding(tmp_path / "out", names, first_in, first_release), name="first"
    )
    first.start()
    assert first_in.wait(timeout=30)

    # Another folder of the same parent is not held up by the first build.
    sibling_in, sibling_release = threading.Event(), threading.Event()
    sibling_release.set()
    sibling = threading.Thread(
        target=_holding(tmp_path / "other", names, sibling_in, sibling_release), name="sibling"
    )
    sibling.start()
    sibling.join(timeout=30)
    assert sibling_in.is_set()
    assert not sibling.is_alive()
    assert (tmp_path / "other" / "made-by").read_text() == "sibling"

    # A second build into the same folder waits until the first has switched its set in.
    second_in, second_release = threading.Event(), threading.Event()
    second = threading.Thread(
        target=_holding(tmp_path / "out", names, second_in, second_release), name="second"
    )
    second.start()
    assert not second_in.wait(timeout=1)
    first_release.set()
    first.join(timeout=30)
    assert (tmp_path / "out" / "made-by").read_text() == "first"
    assert second_in.wait(timeout=30)
    second_release.set()
    second.join(timeout=30)
    assert (tmp_path / "out" / "made-by").read_text() == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "out"]  # nothing left over
