"""The test fixtures' own promise: a Virtuoso that dies under a test (7.2 segfaults now and
then, see tests/conftest.py) is started again, and that test runs once more on the new one."""

from __future__ import annotations

import pytest

from bpo_kb.errors import StoreError
from bpo_kb.remote.http import request

from .servers import Server

_SERVERS_SEEN: list[int] = []  # the process id of the Virtuoso each attempt was given


def test_a_test_whose_virtuoso_died_runs_again_on_a_new_one(virtuoso_server: Server) -> None:
    _SERVERS_SEEN.append(virtuoso_server.process.pid)
    if len(_SERVERS_SEEN) == 1:  # the first attempt: the server dies, as on a segfault
        virtuoso_server.process.kill()
        virtuoso_server.process.wait()
        with pytest.raises(StoreError, match="unreachable"):
            request("POST", virtuoso_server.query_url, data={"query": "ASK {}"})
        pytest.fail("the server died during this attempt")
    reply = request("POST", virtuoso_server.query_url, data={"query": "ASK {}"})
    assert b"true" in reply.content
    assert len(_SERVERS_SEEN) == 2
    assert _SERVERS_SEEN[0] != _SERVERS_SEEN[1]
