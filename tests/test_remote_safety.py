"""Publishing and remote queries against hostile or faulty servers (issue 18, item 5).

Every server here is a fake in this process, on a loopback address; no request leaves the
machine. A URL naming a remote host is only ever refused before any connection, which the tests
check by making every connection attempt fail the test.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from bpo_kb.cli import main
from bpo_kb.errors import StoreError, UsageError
from bpo_kb.remote.gsp import publish_graph
from bpo_kb.remote.http import (
    Limits,
    is_loopback,
    printable,
    refusal_before_connecting,
    remote_limits,
    request,
)
from bpo_kb.remote.sparql import run_remote_query

GRAPH_IRI = "https://example.org/test-graph"
SECRET = "s3cret-7431"

Behaviour = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Seen:
    """One request a fake server received."""

    method: str
    path: str
    authorization: str | None


@dataclass
class FakeServer:
    """An HTTP server in a thread on a loopback address; ``behaviour`` answers each request."""

    behaviour: Behaviour
    host: str = "127.0.0.1"
    seen: list[Seen] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                authorization = self.headers.get("Authorization")
                fake.seen.append(Seen(self.command, self.path, authorization))
                try:
                    fake.behaviour(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_PUT = do_POST = do_DELETE = _any  # noqa: N815 - http.server's names

        self.httpd = ThreadingHTTPServer((self.host, 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.stopping = self.stopping  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def serve() -> Iterator[Callable[..., FakeServer]]:
    started: list[FakeServer] = []

    def start(behaviour: Behaviour, host: str = "127.0.0.1") -> FakeServer:
        server = FakeServer(behaviour, host)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No credentials unless a test gives some; the machine's ~/.netrc is never read."""
    monkeypatch.delenv("BPO_KB_USER", raising=False)
    monkeypatch.delenv("BPO_KB_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))


@pytest.fixture
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BPO_KB_USER", "editor")
    monkeypatch.setenv("BPO_KB_PASSWORD", SECRET)


def _small_graph() -> Graph:
    graph = Graph()
    graph.add((URIRef("https://example.org/c"), SKOS.prefLabel, Literal("paie", lang="fr")))
    return graph


def _answer(status: int, body: bytes = b"", **headers: str) -> Behaviour:
    def behaviour(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return behaviour


def _challenge(scheme: str) -> Behaviour:
    """401 with a ``scheme`` challenge until a request carries that scheme, then 201."""
    challenge = {
        "Basic": 'Basic realm="store"',
        "Digest": 'Digest realm="store", nonce="abc123", qop="auth", algorithm=MD5',
    }[scheme]

    def behaviour(handler: BaseHTTPRequestHandler) -> None:
        if (handler.headers.get("Authorization") or "").startswith(scheme + " "):
            _answer(201)(handler)
        else:
            _answer(401, b"who are you?", WWW_Authenticate=challenge)(handler)

    return behaviour


def _publish(runner: CliRunner, store: str, *extra: str) -> object:
    return runner.invoke(main, ["publish", "--store", store, "--graph", GRAPH_IRI, *extra])


# --- Redirects --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("elsewhere", [False, True], ids=["same-origin", "other-origin"])
@pytest.mark.usefixtures("credentials")
def test_a_redirect_is_an_error_naming_the_location(
    serve: Callable[..., FakeServer], status: int, elsewhere: bool
) -> None:
    target = serve(_challenge("Digest"), host="127.0.0.2" if elsewhere else "127.0.0.1")
    location = f"{target.origin}/moved/store?graph=x"
    store = serve(_answer(status, Location=location))
    with pytest.raises(StoreError) as raised:
        publish_graph(_small_graph(), f"{store.origin}/store", GRAPH_IRI)
    message = str(raised.value)
    assert f"HTTP {status}" in message
    assert location in message
    assert "not followed" in message
    assert [seen.method for seen in store.seen] == ["PUT"]
    assert target.seen == []  # nothing sent to the Location: no body, no credentials
    assert all(seen.authorization is None for seen in store.seen)


def test_a_redirect_fails_publish_with_exit_1(
    runner: CliRunner, serve: Callable[..., FakeServer]
) -> None:
    store = serve(_answer(307, Location="http://127.0.0.2:9/elsewhere"))
    result = _publish(runner, f"{store.origin}/store")
    assert result.exit_code == 1
    assert "published" not in result.output
    assert result.stderr.strip().endswith("give that URL if you trust it")
    assert "http://127.0.0.2:9/elsewhere" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirected_remote_query_is_an_error(
    serve: Callable[..., FakeServer], status: int
) -> None:
    target = serve(_answer(200, b'{"head": {}, "boolean": true}'), host="127.0.0.2")
    endpoint = serve(_answer(status, Location=f"{target.origin}/sparql"))
    with pytest.raises(StoreError, match=f"HTTP {status}"):
        run_remote_query("ASK {}", f"{endpoint.origin}/sparql")
    assert target.seen == []


# --- Credentials ------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["Basic", "Digest"])
@pytest.mark.usefixtures("credentials")
def test_a_challenge_from_the_origin_named_is_answered(
    serve: Callable[..., FakeServer], scheme: str
) -> None:
    store = serve(_challenge(scheme))
    result = publish_graph(_small_graph(), f"{store.origin}/store", GRAPH_IRI)
    assert result.status == 201
    assert store.seen[0].authorization is None  # credentials only after a challenge
    answered = store.seen[1].authorization or ""
    assert answered.startswith(scheme + " ")
    if scheme == "Digest":
        assert SECRET not in answered
        assert 'username="editor"' in answered


@pytest.mark.parametrize("scheme", ["Basic", "Digest"])
@pytest.mark.usefixtures("credentials")
def test_a_challenge_from_another_origin_is_never_answered(
    serve: Callable[..., FakeServer], scheme: str
) -> None:
    """A store that sends the client to another origin which challenges: that origin gets
    nothing at all, credentials least of all."""
    other = serve(_challenge(scheme), host="127.0.0.2")
    store = serve(_answer(302, Location=f"{other.origin}/store"))
    with pytest.raises(StoreError, match="HTTP 302"):
        publish_graph(_small_graph(), f"{store.origin}/store", GRAPH_IRI)
    assert other.seen == []
    assert [seen.authorization for seen in store.seen] == [None]


@pytest.mark.usefixtures("credentials")
def test_a_challenge_for_another_scheme_gets_no_credentials(
    serve: Callable[..., FakeServer],
) -> None:
    store = serve(_answer(401, WWW_Authenticate='Bearer realm="store"'))
    with pytest.raises(StoreError, match="HTTP 401"):
        publish_graph(_small_graph(), f"{store.origin}/store", GRAPH_IRI)
    assert [seen.authorization for seen in store.seen] == [None]


def test_userinfo_in_the_url_is_refused_and_never_shown(
    runner: CliRunner, serve: Callable[..., FakeServer]
) -> None:
    store = serve(_challenge("Basic"))
    url = f"http://editor:{SECRET}@127.0.0.1:{store.httpd.server_address[1]}/store"
    result = _publish(runner, url)
    assert result.exit_code == 2
    assert "BPO_KB_USER" in result.stderr
    assert "~/.netrc" in result.stderr
    assert SECRET not in result.output
    assert "editor" not in result.output
    assert store.seen == []
    query = runner.invoke(main, ["query", "--sparql", url.replace("/store", "/sparql"), "ASK {}"])
    assert query.exit_code == 2
    assert SECRET not in query.output
    assert store.seen == []


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any name lookup or connection fails the test."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        pytest.fail("a connection was attempted")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.usefixtures("credentials", "no_network")
def test_credentials_over_plain_http_to_a_remote_host_are_refused_before_connecting(
    runner: CliRunner,
) -> None:
    start = time.monotonic()
    with pytest.raises(UsageError, match="--allow-insecure-auth"):
        request("PUT", "http://store.example/store", data=b"")
    assert time.monotonic() - start < 1
    result = runner.invoke(main, ["query", "--sparql", "http://store.example/sparql", "ASK {}"])
    assert result.exit_code == 2
    assert "plain http" in result.stderr
    assert SECRET not in result.output


def test_the_insecure_auth_decision() -> None:
    remote = "http://store.example/store"
    refused = refusal_before_connecting(remote, has_credentials=True, allow_insecure_auth=False)
    assert refused
    assert "--allow-insecure-auth" in refused
    assert not refusal_before_connecting(remote, has_credentials=True, allow_insecure_auth=True)
    assert not refusal_before_connecting(remote, has_credentials=False, allow_insecure_auth=False)
    for safe in (
        "https://store.example/store",
        "http://localhost:8890/x",
        "http://127.0.0.2/x",
        "http://[::1]:7878/store",
    ):
        assert not refusal_before_connecting(safe, has_credentials=True, allow_insecure_auth=False)
    assert refusal_before_connecting("ftp://x/y", has_credentials=False, allow_insecure_auth=False)
    assert is_loopback("127.0.0.2")
    assert is_loopback("::1")
    assert not is_loopback("10.0.0.1")
    assert not is_loopback("localhost.example")


def test_insecure_auth_is_an_option_of_publish_and_query(runner: CliRunner) -> None:
    for command in ("publish", "query"):
        assert "--allow-insecure-auth" in runner.invoke(main, [command, "--help"]).output


# --- ~/.netrc ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("mode", "used"), [(0o600, True), (0o644, False), (0o640, False)])
def test_a_netrc_others_may_read_is_ignored_with_a_reason(
    serve: Callable[..., FakeServer],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    mode: int,
    used: bool,
) -> None:
    store = serve(_challenge("Basic"))
    netrc = tmp_path / f"netrc-{mode:o}"
    netrc.write_text(f"machine 127.0.0.1 login editor password {SECRET}\n")
    netrc.chmod(mode)
    monkeypatch.setenv("NETRC", str(netrc))
    if used:
        assert publish_graph(_small_graph(), f"{store.origin}/store", GRAPH_IRI).status == 201
        assert capsys.readouterr().err == ""
        return
    with pytest.raises(StoreError, match="HTTP 401"):
        publish_graph(_small_graph(), f"{store.origin}/store", GRAPH_IRI)
    warning = capsys.readouterr().err
    assert len(warning.strip().splitlines()) == 1
    assert str(netrc) in warning
    assert "group or others may read it" in warning
    assert SECRET not in warning
    assert all(seen.authorization is None for seen in store.seen)


# --- Deadlines --------------------------------------------------------------------------------


def _trickle(where: str) -> Behaviour:
    """A byte every 0.3 s (far under any per-read timeout), in the headers or the body;
    at most 100 bytes, and not a byte once the server stops."""

    def behaviour(handler: BaseHTTPRequestHandler) -> None:
        server = handler.server
        stopping: threading.Event = server.stopping  # type: ignore[attr-defined]
        wfile = handler.wfile
        if where == "body":
            wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
        else:
            wfile.write(b"HTTP/1.1 201 Created\r\n")
        for _ in range(100):
            if stopping.is_set():
                return
            wfile.write(b"X")  # in the headers: one header line that never ends
            wfile.flush()
            time.sleep(0.3)

    return behaviour


@pytest.mark.slow
@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_trickling_store_is_cut_off_at_the_deadline(
    runner: CliRunner, serve: Callable[..., FakeServer], where: str
) -> None:
    store = serve(_trickle(where))
    start = time.monotonic()
    with remote_limits(Limits(timeout=1.5)), pytest.raises(StoreError) as raised:
        publish_graph(_small_graph(), f"{store.origin}/store", GRAPH_IRI)
    assert time.monotonic() - start < 3
    assert "no complete answer within 1.5 s" in str(raised.value)


@pytest.mark.slow
def test_publish_timeout_option(runner: CliRunner, serve: Callable[..., FakeServer]) -> None:
    store = serve(_trickle("body"))
    start = time.monotonic()
    result = _publish(runner, f"{store.origin}/store", "--timeout", "2")
    assert time.monotonic() - start < 15  # validation of the glossary, then 2 s at most
    assert result.exit_code == 1
    assert "no complete answer within 2 s" in result.stderr
    assert "published" not in result.output


@pytest.mark.slow
def test_a_remote_query_has_the_same_deadline(
    runner: CliRunner, serve: Callable[..., FakeServer]
) -> None:
    endpoint = serve(_trickle("body"))
    start = time.monotonic()
    result = runner.invoke(
        main, ["query", "--sparql", f"{endpoint.origin}/sparql", "--timeout", "1", "ASK {}"]
    )
    assert time.monotonic() - start < 3
    assert result.exit_code == 1
    assert "no complete answer within 1 s" in result.stderr


def test_timeout_defaults(runner: CliRunner) -> None:
    assert "[default: 120" in runner.invoke(main, ["publish", "--help"]).output
    assert "[default: 300" in runner.invoke(main, ["query", "--help"]).output


# --- Error bodies -----------------------------------------------------------------------------


def test_a_huge_hostile_error_body_is_cut_and_escaped(
    runner: CliRunner, serve: Callable[..., FakeServer]
) -> None:
    size = 50 * 1024 * 1024
    sent = [0]
    head = b"\x1b]0;owned\x07\x1b[2J\x1b[31mboom \xe2\x80\xae reversed\r more"

    def flood(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(500, "Bad\x1b[5m")
        handler.send_header("Content-Length", str(size))
        handler.end_headers()
        handler.wfile.write(head)
        sent[0] = len(head)
        chunk = b"A" * 65536
        while sent[0] < size:
            handler.wfile.write(chunk)
            sent[0] += len(chunk)

    store = serve(flood)
    result = runner.invoke(
        main, ["query", "--sparql", f"{store.origin}/sparql", "--timeout", "10", "ASK {}"]
    )
    assert result.exit_code == 1
    message = result.stderr
    assert len(message.strip().splitlines()) == 1
    assert len(message) < 700
    for raw in ("\x1b", "\x07", "\u202e", "\r"):
        assert raw not in message
    assert "\\x1b]0;owned\\x07" in message
    assert "\\u202e" in message
    assert message.startswith(f"{store.origin}/sparql: HTTP 500 Bad\\x1b[5m: ")
    time.sleep(0.2)
    assert sent[0] < size // 4  # the client hung up long before 50 MB


def test_printable_escapes_every_control() -> None:
    assert printable("a\x1b[31mb\x00c\x7fd\u2028e") == "a\\x1b[31mb\\x00c\\x7fd\\u2028e"
    assert printable("é ü 中") == "é ü 中"


@pytest.mark.parametrize("query", ["ASK {}", "CONSTRUCT WHERE { ?s ?p ?o }"])
def test_an_answer_that_is_not_one_is_a_store_error(
    serve: Callable[..., FakeServer], query: str
) -> None:
    endpoint = serve(_answer(200, b"<html>\x1b[31m not results { <"))
    with pytest.raises(StoreError, match="the answer is not"):
        run_remote_query(query, f"{endpoint.origin}/sparql")


# --- validate --sparql: a store that cannot be read is unreadable input --------------------


@pytest.mark.parametrize(
    ("behaviour", "said"),
    [
        (_answer(200, b"<html>hello</html>", Content_Type="text/html"), "not SPARQL JSON results"),
        (_answer(302, Location="http://127.0.0.2/sparql"), "HTTP 302"),
        (_answer(500, b"\x1b[31mboom"), "HTTP 500"),
    ],
    ids=["not-sparql", "redirect", "error"],
)
def test_validate_at_a_store_that_cannot_be_read_exits_2_in_one_line(
    runner: CliRunner, serve: Callable[..., FakeServer], behaviour: Behaviour, said: str
) -> None:
    endpoint = serve(behaviour)
    result = runner.invoke(main, ["validate", "--sparql", f"{endpoint.origin}/sparql"])
    assert result.exit_code == 2
    assert said in result.stderr
    assert "\x1b" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert [seen.method for seen in endpoint.seen] == ["POST"]  # nothing after the first


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--sparql", "http://127.0.0.1:9/query"], "unreachable"),
        (["--sparql", "ftp://example.org/q"], "not an http or https URL"),
        (["--sparql", "not-a-url"], "not-a-url: not an http or https URL"),
        (["--sparql", "http://user:pw@127.0.0.1:9/q"], "BPO_KB_USER"),
        (["--graph", "https://example.org/g"], "give --sparql QUERY_URL too"),
        (
            ["--sparql", "http://127.0.0.1:9/q", "--store", "http://127.0.0.1:9/s"],
            "--store needs --graph",
        ),
        (["--sparql", "http://127.0.0.1:9/q", "--engine", "pyshacl"], "--engine pyshacl cannot"),
        (["--sparql", "http://127.0.0.1:9/q", str(Path(__file__).parent)], "not both"),
        (["--sparql", "http://127.0.0.1:9/q", "--graph", "not an iri"], "not an absolute IRI"),
    ],
)
def test_validate_sparql_refuses_in_one_line_with_exit_2(
    runner: CliRunner, arguments: list[str], said: str
) -> None:
    result = runner.invoke(main, ["validate", *arguments])
    assert result.exit_code == 2
    assert said in result.output
    assert "Traceback" not in result.output
    assert "pw@" not in result.output
