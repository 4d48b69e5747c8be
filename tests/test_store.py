"""Publishing and querying against real triple stores: Oxigraph and Virtuoso (tests/servers.py)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from bpo_kb.cli import main
from bpo_kb.remote.gsp import count_triples

from .conftest import VIRTUOSO_PASSWORD, VIRTUOSO_USER
from .servers import Server, free_port, start_oxigraph

_graph_numbers = itertools.count()


def _new_graph_iri() -> str:
    return f"https://example.org/test-graph/{next(_graph_numbers)}"


def _publish(runner: CliRunner, server: Server, graph_iri: str, *extra: str) -> object:
    return runner.invoke(
        main,
        [
            "publish",
            "--store",
            server.store_url,
            "--graph",
            graph_iri,
            "--sparql",
            server.query_url,
            *extra,
        ],
    )


@pytest.mark.server
@pytest.mark.usefixtures("credentials")
def test_publish_twice_replaces_the_graph(
    runner: CliRunner, server: Server, glossary: Graph
) -> None:
    running = server
    graph_iri = _new_graph_iri()
    for _ in range(2):
        result = _publish(runner, running, graph_iri)
        assert result.exit_code == 0, result.output
        assert f"the graph now holds {len(glossary)}" in result.output
    assert count_triples(running.query_url, graph_iri) == len(glossary)


@pytest.mark.server
@pytest.mark.usefixtures("credentials")
def test_append_adds_to_the_graph(
    runner: CliRunner, server: Server, glossary: Graph, data_dir: Path
) -> None:
    running = server
    graph_iri = _new_graph_iri()
    minimal = data_dir / "valid-minimal.ttl"
    first = _publish(runner, running, graph_iri, "--ontology", str(minimal))
    assert first.exit_code == 0, first.output
    before = count_triples(running.query_url, graph_iri)
    appended = _publish(runner, running, graph_iri, "--append")
    assert appended.exit_code == 0, appended.output
    assert count_triples(running.query_url, graph_iri) == before + len(glossary)


@pytest.mark.server
@pytest.mark.usefixtures("credentials")
def test_query_a_remote_endpoint(runner: CliRunner, server: Server) -> None:
    running = server
    graph_iri = _new_graph_iri()
    assert _publish(runner, running, graph_iri).exit_code == 0
    query = (
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?label WHERE { GRAPH "
        f"<{graph_iri}> {{ <https://w3id.org/bpo-kb/payroll> skos:prefLabel ?label }} }} "
        "ORDER BY ?label"
    )
    result = runner.invoke(main, ["query", "--sparql", running.query_url, query, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert sorted(result.stdout.split()) == ["label", "paie", "payroll"]
    ask = f"ASK {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
    assert (
        runner.invoke(main, ["query", "--sparql", running.query_url, ask]).stdout.strip() == "true"
    )


@pytest.mark.server
def test_wrong_password_is_refused_and_never_shown(
    runner: CliRunner, virtuoso_server: Server, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    running = virtuoso_server  # Oxigraph's server has no authentication to refuse
    monkeypatch.setenv("BPO_KB_USER", VIRTUOSO_USER)
    monkeypatch.setenv("BPO_KB_PASSWORD", "wrong-secret-4821")
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))
    result = _publish(runner, running, _new_graph_iri())
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{running.store_url}: HTTP 401")
    assert "wrong-secret-4821" not in result.output


@pytest.mark.server
def test_credentials_from_netrc(
    runner: CliRunner, virtuoso_server: Server, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    running = virtuoso_server
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {VIRTUOSO_USER} password {VIRTUOSO_PASSWORD}\n")
    netrc.chmod(0o600)
    monkeypatch.delenv("BPO_KB_USER", raising=False)
    monkeypatch.delenv("BPO_KB_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", str(netrc))
    result = _publish(runner, running, _new_graph_iri())
    assert result.exit_code == 0, result.output


@pytest.mark.server
@pytest.mark.usefixtures("credentials")
def test_http_errors_name_the_url_and_status(runner: CliRunner, server: Server) -> None:
    running = server
    wrong = running.store_url.rsplit("/", 1)[0] + "/no-such-service"
    result = runner.invoke(main, ["publish", "--store", wrong, "--graph", _new_graph_iri()])
    assert result.exit_code == 1
    assert re.match(rf"{re.escape(wrong)}: HTTP [45]\d\d ", result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.server
@pytest.mark.usefixtures("credentials")
def test_a_count_that_differs_fails(
    runner: CliRunner, oxigraph_server: Server, tmp_path: Path
) -> None:
    """The store accepts the PUT, but the endpoint asked to count answers for another store."""
    running = oxigraph_server
    with_other = start_oxigraph(tmp_path)
    try:
        result = runner.invoke(
            main,
            [
                "publish",
                "--store",
                running.store_url,
                "--graph",
                _new_graph_iri(),
                "--sparql",
                with_other.query_url,
            ],
        )
    finally:
        with_other.stop()
    assert result.exit_code == 1
    assert "holds 0 triples where" in result.stderr


def test_an_unreachable_store_fails_with_its_url(runner: CliRunner) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    result = runner.invoke(main, ["publish", "--store", url, "--graph", _new_graph_iri()])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{url}: unreachable")


def test_a_bad_graph_iri_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["publish", "--store", "http://127.0.0.1:1/store", "--graph", "not an iri"]
    )
    assert result.exit_code == 2


@pytest.mark.server
@pytest.mark.usefixtures("credentials")
def test_digest_over_loopback_http_within_a_deadline(
    runner: CliRunner, virtuoso_server: Server
) -> None:
    """Loopback http needs no --allow-insecure-auth; the Digest round trip fits --timeout."""
    result = _publish(runner, virtuoso_server, _new_graph_iri(), "--timeout", "60")
    assert result.exit_code == 0, result.output
    assert "published" in result.stdout
