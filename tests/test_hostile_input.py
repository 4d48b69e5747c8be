"""Hostile input (issue 18, parsers): XML entities, JSON-LD contexts, IRIs that are not IRIs once
unescaped, NUL and lone surrogates, over-long tokens, too many triples per byte.

Every refusal is exit 2 and one line ``FILE:LINE: ...``; nothing is fetched, no file outside the
input is read, and no export carries a triple the source did not have."""

from __future__ import annotations

import builtins
import io
import os
import resource
import shutil
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from bpo_kb.build import load_valid_vocabulary
from bpo_kb.cli import main
from bpo_kb.errors import ExportError, InputError, UnsafeInput
from bpo_kb.formats.rdf import write_ntriples, write_rdfxml, write_turtle
from bpo_kb.rdf import guards
from bpo_kb.rdf.namespaces import SKOS
from bpo_kb.rdf.read import _parse_into, read_graph
from bpo_kb.rdf.stores import DEFAULT_STORE, QUERY_STORE
from bpo_kb.rdf.terms import to_oxigraph
from bpo_kb.rules.validation import validate_graph

from .conftest import PEER_DIR, REPO_ROOT

ONTOLOGY = REPO_ROOT / "ontology"
STORES = [QUERY_STORE, DEFAULT_STORE]
BPO_KB = str(Path(sys.executable).with_name("bpo-kb"))  # the real program, as a user runs it
PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


# --- fixtures: no network, no stray file reads, a listener that sees any connection -----------


@pytest.fixture
def listener() -> Iterator[int]:
    """A port on 127.0.0.1 that accepts connections, and fails the test if one arrived: it sees
    what a monkeypatch cannot (a connection from native code or another process)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server.getsockname()[1]
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        pass
    else:
        connection.close()
        pytest.fail("a connection reached the context server")
    finally:
        server.close()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch, listener: int) -> Iterator[list[object]]:
    """Every way Python code opens a connection fails the test, and is recorded."""
    attempts: list[object] = []

    def refuse(*args: object, **_: object) -> None:
        attempts.append(args)
        raise AssertionError(f"a network request was made: {args!r}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    yield attempts
    assert attempts == []


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files Python code opens."""
    names: list[str] = []
    original = builtins.open

    def recording_open(file: object, *args: object, **kwargs: object) -> object:
        names.append(str(file))
        return original(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", recording_open)
    monkeypatch.setattr(io, "open", recording_open)
    return names


def _one_line_refusal(result: object, source: Path, *needles: str) -> str:
    """The stderr of a command refused with exit 2: one line, ``FILE:LINE: ...``."""
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert isinstance(result.exception, SystemExit), result.exception  # type: ignore[attr-defined]
    message = result.stderr.strip()  # type: ignore[attr-defined]
    assert "\n" not in message, message
    assert "Traceback" not in result.output  # type: ignore[attr-defined]
    assert message.startswith(f"{source}:"), message
    line = message[len(f"{source}:") :].split(":", 1)[0]
    assert line.isdigit(), message
    for needle in needles:
        assert needle in message, message
    return message


def _ontology_with(tmp_path: Path, name: str, text: str) -> tuple[Path, Path]:
    """A copy of ontology/ plus one file; (folder, file)."""
    folder = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, folder, ignore=shutil.ignore_patterns("*.csv"))
    added = folder / name
    added.write_text(text, encoding="utf-8")
    return folder, added


# --- XML: entity declarations are refused before any parser runs -----------------------------

RDF_HEAD = (
    f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:skos="http://www.w3.org/2004/02/skos/core#">\n'
    '<rdf:Description rdf:about="http://example.org/a">'
)
RDF_TAIL = "</rdf:Description>\n</rdf:RDF>\n"


def _laughs(levels: int) -> str:
    """A "billion laughs" DOCTYPE: each level ten references to the one below."""
    lines = ['<!ENTITY lol0 "lol">']
    for level in range(1, levels + 1):
        lines.append(f'<!ENTITY lol{level} "' + f"&lol{level - 1};" * 10 + '">')
    return "<!DOCTYPE rdf:RDF [\n" + "\n".join(lines) + "\n]>\n"


def _rdfxml(doctype: str, label: str) -> str:
    return (
        f'<?xml version="1.0"?>\n{doctype}{RDF_HEAD}'
        f"<skos:prefLabel>{label}</skos:prefLabel>{RDF_TAIL}"
    )


def test_billion_laughs_is_refused_by_validate_before_expansion(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "laughs.rdf"
    source.write_text(_rdfxml(_laughs(9), "&lol9;"))  # 3 GB if expanded
    result = runner.invoke(main, ["validate", str(source)])
    _one_line_refusal(result, source, "entity 'lol0'", "refused")
    assert result.stderr.startswith(f"{source}:3:")


def test_refusal_comes_before_either_parser_sees_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "laughs.rdf"
    source.write_text(_rdfxml(_laughs(3), "&lol3;"))

    def no_parser(*_: object, **__: object) -> None:
        raise AssertionError("a parser was given a file with entity declarations")

    monkeypatch.setattr("bpo_kb.rdf.read._parsed", no_parser)
    monkeypatch.setattr("bpo_kb.rdf.read._parse_into", no_parser)
    monkeypatch.setattr("bpo_kb.rdf.read._bulk_load_checked", no_parser)
    for store in STORES:
        with pytest.raises(UnsafeInput, match=r"laughs\.rdf:3: the DOCTYPE declares"):
            read_graph([source], store=store)


def test_quadratic_blowup_is_refused_by_import_skos(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "quadratic.rdf"
    doctype = '<!DOCTYPE rdf:RDF [\n<!ENTITY a "' + "x" * 10_000 + '">\n]>\n'
    source.write_text(_rdfxml(doctype, "&a;" * 2_000))  # 20 MB if expanded
    target = tmp_path / "out.ttl"
    result = runner.invoke(main, ["import", "skos", str(source), "-o", str(target)])
    _one_line_refusal(result, source, "entity 'a'")
    assert not target.exists()


@pytest.mark.parametrize(
    "declaration",
    [
        '<!ENTITY leak SYSTEM "file://{secret}">',
        '<!ENTITY leak PUBLIC "-//X//EN" "file://{secret}">',
        '<!ENTITY % leak SYSTEM "file://{secret}">\n%leak;',
        '<!ENTITY remote SYSTEM "http://127.0.0.1:{port}/x">',
        '<!ENTITY leak SYSTEM "file://{secret}" NDATA png>',
    ],
    ids=["external", "public", "parameter", "remote", "unparsed"],
)
def test_external_entities_are_refused_and_nothing_is_read(
    runner: CliRunner,
    tmp_path: Path,
    declaration: str,
    no_network: list[object],
    listener: int,
    opened: list[str],
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doctype = (
        "<!DOCTYPE rdf:RDF [\n"
        + declaration.format(secret=secret, port=listener)
        + "\n<!NOTATION png SYSTEM 'png'>\n]>\n"
    )
    source = tmp_path / "xxe.rdf"
    source.write_text(_rdfxml(doctype, "safe &leak;"))
    opened.clear()
    for command in (["validate", str(source)], ["diff", str(source), str(source)]):
        result = runner.invoke(main, command)
        _one_line_refusal(result, source, "the DOCTYPE")
        assert "TOP-SECRET" not in result.output
    assert str(secret) not in opened


def test_tbx_billion_laughs_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "laughs.tbx"
    source.write_text(
        '<?xml version="1.0"?>\n'
        + _laughs(9).replace("rdf:RDF", "tbx")
        + '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
        '<text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>&lol9;'
        "</term></termSec></langSec></conceptEntry></body></text></tbx>\n"
    )
    target = tmp_path / "out.ttl"
    result = runner.invoke(main, ["import", "tbx", str(source), "-o", str(target)])
    _one_line_refusal(result, source, "entity 'lol0'")
    assert not target.exists()


@pytest.mark.slow
def test_a_doctype_without_entities_is_read_and_its_dtd_is_never_opened(
    runner: CliRunner, tmp_path: Path
) -> None:
    """IATE's TBX and many RDF/XML files name a DTD: still read, and the DTD, here a FIFO that
    would block whoever opens it, is opened by nobody (the program runs as a real process)."""
    fifo = tmp_path / "blocking.dtd"
    os.mkfifo(fifo)
    rdf = tmp_path / "named-dtd.rdf"
    rdf.write_text(
        _rdfxml(f'<!DOCTYPE rdf:RDF SYSTEM "{fifo.as_uri()}">\n', "ok").replace(
            "<skos:prefLabel>",
            '<rdf:type rdf:resource="http://www.w3.org/2004/02/skos/core#Concept"/><skos:prefLabel>',
        )
    )
    tbx = tmp_path / "named-dtd.tbx"
    tbx.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "{fifo}">\n'
        '<martif type="TBX" xml:lang="en"><text><body><termEntry id="c1">'
        '<langSet xml:lang="en"><tig><term>dog</term></tig></langSet></termEntry>'
        "</body></text></martif>\n"
    )
    commands = [
        ["import", "skos", str(rdf), "-o", str(tmp_path / "a.ttl")],
        [
            "import",
            "tbx",
            str(tbx),
            "-o",
            str(tmp_path / "b.ttl"),
            "--base",
            "https://example.org/t/",
        ],
    ]
    for command in commands:
        done = subprocess.run(
            [BPO_KB, *command],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert "ok" in (tmp_path / "a.ttl").read_text(encoding="utf-8")
    assert "dog" in (tmp_path / "b.ttl").read_text(encoding="utf-8")


def test_the_program_refuses_a_billion_laughs_within_a_memory_limit(tmp_path: Path) -> None:
    """The real ``bpo-kb`` process, limited to 2 GB: a regression fails, it does not swap."""
    source = tmp_path / "laughs.rdf"
    source.write_text(_rdfxml(_laughs(9), "&lol9;"))

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    done = subprocess.run(
        [BPO_KB, "validate", str(source)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit_memory,  # noqa: PLW1509 - a resource limit, no threads here
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"{source}:3: the DOCTYPE declares the entity 'lol0'")
    assert done.stderr.count("\n") == 1


# --- too many triples per byte -----------------------------------------------------------------


def _density(path: Path, rdf_format: pyoxigraph.RdfFormat) -> float:
    return sum(1 for _ in pyoxigraph.parse(path=str(path), format=rdf_format)) / path.stat().st_size


def test_real_files_are_far_below_the_triples_per_byte_limit() -> None:
    files = [
        *(ONTOLOGY.glob("*.ttl")),
        REPO_ROOT / "exports" / "bpo-glossary.ttl",
        *(PEER_DIR / "vocabularies").glob("*.ttl"),
    ]
    densest = max(_density(f, pyoxigraph.RdfFormat.TURTLE) for f in files if f.exists())
    assert densest < guards.MAX_TRIPLES_PER_BYTE / 20  # measured: at most 0.032


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("lenient_only", [False, True], ids=["strict", "lenient"])
def test_an_input_over_the_triples_per_byte_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: str, lenient_only: bool
) -> None:
    source = tmp_path / "dense.ttl"
    objects = ",".join(str(n) for n in range(20_000))
    # A language tag only the lenient parser accepts sends the file down the checked path.
    tag = "@en-abcdefghijklmnop" if lenient_only else "@en"
    source.write_text(f'<http://ex/s> <http://ex/p> {objects} ; <http://ex/q> "x"{tag} .\n')
    density = _density(source, pyoxigraph.RdfFormat.TURTLE) if not lenient_only else 0.16
    assert 0.1 < density < 0.2
    read_graph([source], store=store)  # within the default limit
    monkeypatch.setattr(guards, "MAX_TRIPLES_PER_BYTE", 0.05)
    with pytest.raises(UnsafeInput, match=r"dense\.ttl:1: gives more than [\d,]+ triples"):
        read_graph([source], store=store)


# --- JSON-LD: no context is ever loaded ---------------------------------------------------------


def _hostile_jsonld(kind: str, port: int) -> tuple[str, str]:
    """(document, the context it names) for each way of naming a context."""
    remote = f"http://127.0.0.1:{port}/context.jsonld"
    body = f'"@id": "http://example.org/a", "{PREF}": "a"'
    documents = {
        "remote": (f'{{"@context": "{remote}", {body}}}', remote),
        "file": (f'{{"@context": ["file:///etc/passwd", {{}}], {body}}}', "file:///etc/passwd"),
        "relative": (f'{{"@context": "../secret.jsonld", {body}}}', "../secret.jsonld"),
        "scoped": (
            f'{{"@context": {{"@version": 1.1, "t": {{"@id": "http://ex/t", "@context": '
            f'"{remote}"}}}}, {body}, "t": {{"@id": "http://ex/b"}}}}',
            remote,
        ),
        "import": (
            f'{{"@context": {{"@version": 1.1, "@import": "{remote}"}}, {body}}}',
            remote,
        ),
        "escaped-key": (f'{{"\\u0040context": "{remote}", {body}}}', remote),
        "nested": (f'{{"@graph": [{{"@context": "file:///etc/passwd", {body}}}]}}', "passwd"),
    }
    return documents[kind]


JSONLD_KINDS = ["remote", "file", "relative", "scoped", "import", "escaped-key", "nested"]


def _commands(source: Path, folder: Path, tmp_path: Path) -> dict[str, list[str]]:
    return {
        "validate": ["validate", str(source)],
        "build": ["build", "--ontology", str(folder), "--out", str(tmp_path / "out"), "-q"],
        "diff": ["diff", str(ONTOLOGY), str(source)],
        "align": ["align", str(source), "-o", str(tmp_path / "map.tsv")],
        "import skos": ["import", "skos", str(source), "-o", str(tmp_path / "x.ttl")],
        "query": ["query", "SELECT * WHERE { ?s ?p ?o }", "--ontology", str(source)],
    }


@pytest.mark.parametrize("kind", JSONLD_KINDS)
@pytest.mark.parametrize("command", ["validate", "build", "diff", "align", "import skos", "query"])
def test_jsonld_contexts_are_refused_by_every_command(
    runner: CliRunner,
    tmp_path: Path,
    kind: str,
    command: str,
    no_network: list[object],
    listener: int,
    opened: list[str],
) -> None:
    document, context = _hostile_jsonld(kind, listener)
    (tmp_path / "secret.jsonld").write_text('{"@context": {"@vocab": "http://leak/"}}')
    folder, source = _ontology_with(tmp_path, "hostile.jsonld", document)
    opened.clear()
    result = runner.invoke(main, _commands(source, folder, tmp_path)[command])
    _one_line_refusal(result, source, "JSON-LD context", context)
    assert not any(name.endswith(("passwd", "secret.jsonld")) for name in opened), opened
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_oxigraph_loads_no_context_and_rdflib_runs_with_a_refusing_loader(
    tmp_path: Path, no_network: list[object], listener: int, opened: list[str]
) -> None:
    document, context = _hostile_jsonld("remote", listener)
    source = tmp_path / "remote.jsonld"
    source.write_text(document)
    with pytest.raises(SyntaxError, match="LoadDocumentCallback"):
        list(pyoxigraph.parse(path=str(source), format=pyoxigraph.RdfFormat.JSON_LD))
    # The fallback alone, without the scan that refuses the file first:
    with pytest.raises(UnsafeInput, match=f"JSON-LD context '{context}'"):
        _parse_into(Graph(), source, "json-ld")
    file_context = tmp_path / "file.jsonld"
    file_context.write_text(_hostile_jsonld("file", listener)[0])
    with pytest.raises(UnsafeInput, match="file:///etc/passwd"):
        _parse_into(Graph(), file_context, "json-ld")
    assert "/etc/passwd" not in opened


def test_inline_contexts_are_read(tmp_path: Path) -> None:
    source = tmp_path / "inline.jsonld"
    source.write_text(
        '{"@context": {"skos": "http://www.w3.org/2004/02/skos/core#", "label": '
        '{"@id": "skos:prefLabel", "@language": "en"}}, "@id": "http://example.org/a", '
        '"label": "a \\u0040context inside a value"}'
    )
    for store in STORES:
        graph = read_graph([source], store=store)
        assert len(graph) == 1


# --- IRIs are checked after unescaping ------------------------------------------------------------

INJECTION = (
    "http://example.org/x\\u003E\\u0020\\u003C" + PREF + "\\u003E\\u0020\\u0022INJECTED\\u0022"
    "\\u0020.\\u0020\\u003Chttps://w3id.org/bpo-kb/c"
)
# Characters that end a token or a line: refused when reading.
HOSTILE_IRIS = {
    "injection": INJECTION,
    "gt": "http://example.org/a\\u003Eb",
    "quote": "http://example.org/a\\u0022b",
    "lt": "http://example.org/a\\u003Cb",
    "newline": "http://example.org/a\\u000Ab",
    "tab": "http://example.org/a\\u0009b",
    "nul": "http://example.org/a\\u0000b",
    "long-escape": "http://example.org/a\\U0000003Eb",
    "c1-control": "http://example.org/a\\u0085b",
}
# Characters that only make the IRI invalid: read, reported as IRI_INVALID, never written.
INVALID_IRIS = {
    "space": "http://example.org/a\\u0020b",
    "brace": "http://example.org/a\\u007Bb",
    "pipe": "http://example.org/a\\u007Cb",
    "caret": "http://example.org/a\\u005Eb",
    "backtick": "http://example.org/a\\u0060b",
    "backslash": "http://example.org/a\\u005Cb",
}


def _triple_lines(iri: str, position: str) -> str:
    good = "<http://example.org/good>"
    triple = {
        "subject": f'<{iri}> <{PREF}> "x"@en .',
        "predicate": f'{good} <{iri}> "x"@en .',
        "object": f"{good} <http://www.w3.org/2004/02/skos/core#related> <{iri}> .",
        "datatype": f'{good} <http://example.org/p> "x"^^<{iri}> .',
    }[position]
    return f'{good} <{PREF}> "good"@en .\n{good} <{PREF}> "bon"@fr .\n{triple}\n'


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("position", ["subject", "predicate", "object", "datatype"])
@pytest.mark.parametrize("name", sorted(HOSTILE_IRIS))
@pytest.mark.parametrize("suffix", [".nt", ".ttl"])
def test_escaped_iris_that_are_not_iris_are_refused_with_their_line(
    tmp_path: Path, store: str, position: str, name: str, suffix: str
) -> None:
    source = tmp_path / f"hostile{suffix}"
    source.write_text(_triple_lines(HOSTILE_IRIS[name], position))
    with pytest.raises(InputError, match=rf"hostile\{suffix}:3: ") as refused:
        read_graph([source], store=store)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("name", [*sorted(INVALID_IRIS), "raw-space"])
def test_invalid_iris_are_a_violation_and_never_exported(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    iri = INVALID_IRIS.get(name, "http://example.org/a b")
    source = tmp_path / "invalid.ttl"
    source.write_text(
        f'<{iri}> a <http://www.w3.org/2004/02/skos/core#Concept> ;\n    <{PREF}> "invalid"@en .\n'
    )
    result = runner.invoke(main, ["validate", str(source)])
    assert result.exit_code == 1, result.output
    assert "IRI_INVALID" in result.output
    target = tmp_path / "x.ttl"
    result = runner.invoke(main, ["import", "skos", str(source), "-o", str(target)])
    assert result.exit_code == 1, result.output
    assert result.stderr.strip().count("\n") == 0
    assert "is not an absolute IRI" in result.stderr
    assert not target.exists()


def test_a_hostile_vocabulary_is_refused_by_every_command_and_nothing_is_exported(
    runner: CliRunner, tmp_path: Path
) -> None:
    hostile = (
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix bpo: <https://w3id.org/bpo-kb/> .\n\n"
        f"<{INJECTION}> skos:related bpo:c .\n"
    )
    folder, source = _ontology_with(tmp_path, "zz-hostile.ttl", hostile)
    out = tmp_path / "out"
    commands = [
        ["validate", str(folder)],
        ["build", "--ontology", str(folder), "--out", str(out), "-q"],
        ["export", "--format", "ntriples", "--ontology", str(folder), "-o", str(out / "x.nt")],
        ["import", "skos", str(source), "-o", str(tmp_path / "x.ttl")],
        ["diff", str(ONTOLOGY), str(folder)],
        ["query", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "turtle", "--ontology", str(source)],
    ]
    for command in commands:
        result = runner.invoke(main, command)
        _one_line_refusal(result, source, "holds a character no IRI may hold")
        assert result.stderr.startswith(f"{source}:4:")
    assert not out.exists() or not any(out.iterdir())
    assert not (tmp_path / "x.ttl").exists()


@pytest.mark.parametrize("writer", [write_turtle, write_ntriples, write_rdfxml])
@pytest.mark.parametrize(
    "iri",
    [f'http://example.org/x> <{PREF}> "INJECTED" . <http://example.org/c', "http://ex/a b"],
    ids=["injection", "space"],
)
def test_writers_refuse_an_iri_that_would_write_other_triples(writer: object, iri: str) -> None:
    """Graphs also come from CSV and TBX imports: the writers check every IRI they write."""
    graph = Graph()
    bad = URIRef(iri)
    graph.add((URIRef("http://example.org/a"), SKOS.related, bad))
    with pytest.raises(ExportError, match="not an absolute IRI"):
        writer(graph, io.BytesIO())  # type: ignore[operator]


# --- every export of an odd but valid vocabulary reads back as exactly its graph --------------

ODD = f"""@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix bpo: <https://w3id.org/bpo-kb/> .

bpo:business-process
    skos:editorialNote "quote \\" backslash \\\\ gt > lt < amp & ]]> <!-- --> \\"\\"\\" end"@en ,
        "line\\nbreak\\ttab\\rreturn \\u2028 \\u0085 next"@en ,
        "<http://example.org/x> <{PREF}> \\"INJECTED\\" ."@en ;
    rdfs:seeAlso <http://example.org/a%3Eb%20c%22d> ,
        <http://example.org/caf\\u00E9/(x)!$&'*+,;=~> ,
        <urn:x-odd:a:b?c#d> .
"""


def _strict_triples(path: Path) -> set[object]:
    """The triples of an export as a strict, independent parser reads them: rapper for Turtle,
    N-Triples and RDF/XML, Oxigraph without leniency for JSON-LD."""
    rapper_syntax = {".ttl": "turtle", ".nt": "ntriples", ".rdf": "rdfxml"}.get(path.suffix)
    if rapper_syntax is None:
        quads = pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.JSON_LD)
        return {q.triple for q in quads}
    done = subprocess.run(
        ["rapper", "-q", "-i", rapper_syntax, "-o", "ntriples", str(path), "http://base/"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    quads = pyoxigraph.parse(done.stdout, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return {q.triple for q in quads}


@pytest.mark.skipif(shutil.which("rapper") is None, reason="needs rapper (raptor2-utils)")
def test_every_rdf_export_of_an_odd_vocabulary_holds_exactly_its_triples(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder, _ = _ontology_with(tmp_path, "zz-odd.ttl", ODD)
    out = tmp_path / "out"
    result = runner.invoke(
        main, ["build", "--ontology", str(folder), "--out", str(out), "--fail-on", "never", "-q"]
    )
    assert result.exit_code == 0, result.output
    graph = load_valid_vocabulary(folder, fail_on="never")
    expected = {pyoxigraph.Triple(*(to_oxigraph(t) for t in triple)) for triple in graph}
    assert pyoxigraph.NamedNode("http://example.org/a%3Eb%20c%22d") in {t.object for t in expected}
    exports = sorted(out.glob("bpo-glossary.*"))
    checked = [p for p in exports if p.suffix in (".ttl", ".nt", ".rdf", ".jsonld")]
    assert {p.suffix for p in checked} == {".ttl", ".nt", ".rdf", ".jsonld"}
    for path in checked:
        found = _strict_triples(path)
        assert found - expected == set(), f"{path.name} has triples the source does not"
        assert found == expected, f"{path.name} lost triples"
    injected = Literal("INJECTED")
    assert all(injected not in (t.object for t in _strict_triples(p)) for p in checked)


# --- NUL, lone surrogates, over-long tokens -----------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "literal"),
    [
        (".nt", '"\\uD800"@en'),
        (".nt", '"a\\uDC00b"@en'),
        (".ttl", '"\\ud83d"@en'),
        (".nt", '"a\\u0000b"@en'),
        (".ttl", '"a\\U00000000b"@en'),
    ],
    ids=["high-surrogate", "low-surrogate", "turtle-surrogate", "nul", "turtle-nul"],
)
def test_lone_surrogates_and_nul_are_refused_with_their_line_by_build_and_import(
    runner: CliRunner, tmp_path: Path, suffix: str, literal: str
) -> None:
    text = (
        f'<http://example.org/a> <{PREF}> "a"@en .\n<http://example.org/a> <{PREF}> {literal} .\n'
    )
    folder, source = _ontology_with(tmp_path, f"zz-odd{suffix}", text)
    out = tmp_path / "out"
    commands = [
        ["import", "skos", str(source), "-o", str(tmp_path / "x.ttl")],
        ["build", "--ontology", str(folder), "--out", str(out), "-q"],
        ["validate", str(source)],
        ["diff", str(source), str(source)],
    ]
    for command in commands:
        result = runner.invoke(main, command)
        message = _one_line_refusal(result, source)
        assert message.startswith(f"{source}:2: a literal holds"), message
    assert not (tmp_path / "x.ttl").exists()
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_label_control_char_catches_nul(engine: str) -> None:
    """Graphs not read from files (built by code) still get the rule."""
    graph = Graph()
    concept = URIRef("http://example.org/a")
    graph.add((concept, SKOS.prefLabel, Literal("a\x00b", lang="en")))
    report = validate_graph(graph, engine=engine, profile="skos")
    assert any("LABEL_CONTROL_CHAR" in str(finding) for finding in report.findings)


@pytest.mark.slow
def test_a_200_mb_literal_is_reported_as_the_parsers_token_limit(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "huge.nt"
    with source.open("w", encoding="utf-8") as stream:
        stream.write(f'<http://example.org/a> <{PREF}> "a"@en .\n<http://example.org/a> <{PREF}> "')
        chunk = "a" * (1 << 20)
        for _ in range(200):
            stream.write(chunk)
        stream.write('"@en .\n')
    for command in (
        ["validate", str(source)],
        ["import", "skos", str(source), "-o", str(tmp_path / "x.ttl")],
    ):
        result = runner.invoke(main, command)
        message = _one_line_refusal(result, source, "16,777,216 bytes", "limit")
        assert message.startswith(f"{source}:2:")
        assert "memory" not in message


@pytest.mark.parametrize("command", ["import", "validate"])
def test_the_program_prints_one_line_for_an_escaped_iri(tmp_path: Path, command: str) -> None:
    """As a user runs it (pytest's log capture hides what rdflib's logger would print)."""
    source = tmp_path / "hostile.nt"
    source.write_text(
        f'<http://example.org/good> <{PREF}> "a"@en .\n<{INJECTION}> <{PREF}> "x" .\n'
    )
    arguments = {
        "import": ["import", "skos", str(source), "-o", str(tmp_path / "x.ttl")],
        "validate": ["validate", str(source)],
    }[command]
    done = subprocess.run(
        [BPO_KB, *arguments], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"{source}:2: the IRI ")
    assert done.stderr.count("\n") == 1, done.stderr
