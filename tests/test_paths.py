"""Where output goes and input comes from: "-" as standard output and standard input in every
command, one line and exit 2 for every output path that cannot be written, absolute paths in
what build and export say they wrote."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from bpo_kb.cli import main
from bpo_kb.errors import OutputError
from bpo_kb.files import check_output, write_atomically, write_output
from bpo_kb.rdf.namespaces import RDF, SKOS
from bpo_kb.rdf.read import sniffed_suffix

from .conftest import REPO_ROOT

TURTLE = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://example.org/voc/scheme> a skos:ConceptScheme ; skos:prefLabel "Voc"@en .
<http://example.org/voc/pay> a skos:Concept ; skos:inScheme <http://example.org/voc/scheme> ;
    skos:topConceptOf <http://example.org/voc/scheme> ;
    skos:prefLabel "payroll"@en ; skos:definition "Paying staff."@en .
"""
RDF_XML = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#">
  <skos:Concept rdf:about="http://example.org/voc/pay">
    <skos:prefLabel xml:lang="en">payroll</skos:prefLabel>
  </skos:Concept>
</rdf:RDF>
"""
PAY = URIRef("http://example.org/voc/pay")


def _one_line(stderr: str) -> str:
    """The single line of ``stderr``: no traceback, no usage block."""
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


# --- "-" as standard input -------------------------------------------------------------------


def test_validate_reads_turtle_from_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "-", "--require-lang", "en"], input=TURTLE)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


@pytest.mark.slow
def test_a_pipe_into_the_real_program_is_read_as_turtle(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bpo_kb", "validate", "-", "--require-lang", "en"],
        input=TURTLE,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "TMPDIR": str(tmp_path)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []  # the copy of standard input is gone


def test_import_skos_from_standard_input_to_standard_output(runner: CliRunner) -> None:
    result = runner.invoke(main, ["import", "skos", "-", "-o", "-"], input=TURTLE)
    assert result.exit_code == 0, result.stderr
    assert isomorphic(Graph().parse(data=result.stdout, format="turtle"), _graph(TURTLE))
    assert "wrote" in result.stderr
    assert "standard output" in result.stderr


def test_rdf_xml_on_standard_input_is_sniffed(runner: CliRunner) -> None:
    result = runner.invoke(main, ["import", "skos", "-", "-o", "-"], input=RDF_XML)
    assert result.exit_code == 0, result.stderr
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert (PAY, SKOS.prefLabel, Literal("payroll", lang="en")) in graph


@pytest.mark.parametrize(
    ("head", "suffix"),
    [
        (b"<?xml version='1.0'?>", ".rdf"),
        (b"\xef\xbb\xbf <rdf:RDF xmlns:rdf='...'>", ".rdf"),
        (b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .", ".ttl"),
        (b'  {"@context": {}}', ".jsonld"),
        (b"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .", ".ttl"),
    ],
)
def test_the_syntax_of_standard_input_is_sniffed(head: bytes, suffix: str) -> None:
    assert sniffed_suffix(head) == suffix


def test_input_format_overrides_the_sniffing(runner: CliRunner) -> None:
    n_triples = (
        f'<{PAY}> <{SKOS.prefLabel}> "payroll"@en .\n<{PAY}> <{RDF.type}> <{SKOS.Concept}> .\n'
    )
    result = runner.invoke(
        main, ["import", "skos", "-", "--input-format", "nt", "-o", "-"], input=n_triples
    )
    assert result.exit_code == 0, result.stderr
    assert (PAY, SKOS.prefLabel, Literal("payroll", lang="en")) in Graph().parse(
        data=result.stdout, format="turtle"
    )


def test_a_parse_error_on_standard_input_names_stdin(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "-"], input="this is not turtle <<\n")
    assert result.exit_code == 2
    assert _one_line(result.stderr).startswith("<stdin>:1:")


def test_standard_input_can_be_read_only_once(runner: CliRunner) -> None:
    result = runner.invoke(main, ["diff", "-", "-"], input=TURTLE)
    assert result.exit_code == 2
    assert "only once" in result.stderr


def test_diff_reads_either_version_from_standard_input(runner: CliRunner, tmp_path: Path) -> None:
    old = tmp_path / "old.ttl"
    old.write_text(TURTLE, encoding="utf-8")
    result = runner.invoke(main, ["diff", str(old), "-"], input=TURTLE.replace("payroll", "pay"))
    assert result.exit_code == 1, result.output
    assert "payroll" in result.stdout


def test_import_csv_and_tbx_read_standard_input(runner: CliRunner) -> None:
    csv_text = "URI,skos:prefLabel@en\nhttp://example.org/voc/pay,payroll\n"
    result = runner.invoke(main, ["import", "csv", "-", "-o", "-"], input=csv_text)
    assert result.exit_code == 0, result.stderr
    assert "payroll" in result.stdout
    tbx = (REPO_ROOT / "exports" / "bpo-glossary.tbx").read_text(encoding="utf-8")
    result = runner.invoke(main, ["import", "tbx", "-", "-o", "-"], input=tbx)
    assert result.exit_code == 0, result.stderr
    assert '"payroll"@en' in result.stdout


def test_align_reads_the_other_vocabulary_from_standard_input_and_writes_to_stdout(
    runner: CliRunner,
) -> None:
    result = runner.invoke(main, ["align", "-", "-o", "-"], input=TURTLE)
    assert result.exit_code == 0, result.stderr
    assert "http://example.org/voc/" in result.stdout
    assert "skos:exactMatch" in result.stdout
    assert "/tmp" not in result.stdout  # the temporary copy of stdin is never named


def test_the_ontology_option_reads_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(main, ["tree", "--ontology", "-"], input=TURTLE)
    assert result.exit_code == 0, result.stderr
    assert "payroll" in result.stdout


# --- "-" as standard output ------------------------------------------------------------------


@pytest.mark.parametrize("format_name", ["turtle", "csv", "tbx", "jsonld", "sssom"])
def test_export_to_standard_output_prints_only_the_export(
    runner: CliRunner, format_name: str
) -> None:
    result = runner.invoke(main, ["export", "--format", format_name, "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout
    assert "wrote" not in result.stdout


@pytest.mark.slow
def test_a_reader_that_stops_early_is_no_error(tmp_path: Path) -> None:
    """``bpo-kb export --format ntriples -o - | head -1``: exit 0, no traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bpo_kb", "export", "--format", "ntriples", "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith(b"<https://w3id.org/bpo-kb/")
    process.stdout.close()
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert b"Traceback" not in stderr


def test_html_refuses_standard_output_and_makes_no_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["export", "--format", "html", "-o", "-"])
    assert result.exit_code == 2
    assert "standard output" in _one_line(result.stderr)
    assert list(tmp_path.iterdir()) == []


def test_build_refuses_standard_output(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build", "--out", "-"])
    assert result.exit_code == 2
    assert "standard output" in _one_line(result.stderr)
    assert list(tmp_path.iterdir()) == []


# --- Output paths that cannot be written -----------------------------------------------------


def _a_file(tmp_path: Path) -> Path:
    path = tmp_path / "bpo-glossary.ttl"
    path.write_text("keep me\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["export", "--format", "html", "-o", "{file}"], "is a file"),
        (["export", "--format", "turtle", "-o", "{folder}"], "is a folder"),
        (["export", "--format", "turtle", "-o", "{file}/x.ttl"], "is a file, not a folder"),
        (["export", "--format", "csv", "-o", "{file}/deeper/x.csv"], "is a file, not a folder"),
        (["build", "--out", "{file}"], "is a file"),
        (["import", "skos", "{file}", "-o", "{folder}"], "is a folder"),
        (["import", "csv", "{csv}", "-o", "{file}/x.ttl"], "is a file, not a folder"),
        (["align", "{file}", "-o", "{folder}"], "is a folder"),
    ],
)
def test_a_bad_output_path_is_one_line_and_exit_2_and_writes_nothing(
    runner: CliRunner, tmp_path: Path, arguments: list[str], message: str
) -> None:
    file = _a_file(tmp_path)
    file.write_text(TURTLE, encoding="utf-8")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("URI,skos:prefLabel@en\nhttp://example.org/voc/pay,payroll\n")
    before = sorted(tmp_path.rglob("*"))
    filled = [a.format(file=file, folder=folder, csv=csv_file) for a in arguments]
    result = runner.invoke(main, filled)
    assert result.exit_code == 2, result.output
    assert message in _one_line(result.stderr)
    assert sorted(tmp_path.rglob("*")) == before
    assert file.read_text(encoding="utf-8") == TURTLE


def test_a_folder_without_write_permission_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; the file-as-parent cases cover this")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = runner.invoke(
            main, ["export", "--format", "turtle", "-o", str(locked / "sub" / "x.ttl")]
        )
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 2
    assert "no permission" in _one_line(result.stderr)
    assert not (locked / "sub").exists()


def test_a_folder_the_user_cannot_write_in_is_named_before_any_work(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, where chmod does not stop writes, the permission check is shown by an
    ``os.access`` that says no."""
    monkeypatch.setattr("bpo_kb.files.os.access", lambda path, mode: Path(path) != tmp_path)
    result = runner.invoke(main, ["build", "--out", str(tmp_path / "exports")])
    assert result.exit_code == 2
    assert _one_line(result.stderr) == (
        f"cannot write to {tmp_path / 'exports'}: no permission to write in {tmp_path}"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_is_one_error_and_leaves_no_folder_or_temporary(tmp_path: Path) -> None:
    def failing(stream: object) -> None:
        raise PermissionError(13, "Permission denied")

    target = tmp_path / "new" / "deeper" / "x.ttl"
    with pytest.raises(PermissionError):
        write_atomically({target: failing})
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OutputError, match=r"cannot write to .*x\.ttl: Permission denied"):
        write_output(target, failing)
    assert list(tmp_path.iterdir()) == []


def test_check_output_says_what_to_give_instead(tmp_path: Path) -> None:
    file = _a_file(tmp_path)
    with pytest.raises(OutputError, match="a folder is needed"):
        check_output(file, folder=True)
    with pytest.raises(OutputError, match="give a file name"):
        check_output(tmp_path)
    with pytest.raises(OutputError, match="standard output"):
        check_output(Path("-"), folder=True)
    check_output(Path("-"))
    check_output(tmp_path / "missing" / "x.ttl")
    check_output(tmp_path / "missing", folder=True)


# --- What build and export say they wrote ----------------------------------------------------


def test_export_says_the_absolute_file_it_wrote(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["export", "--format", "turtle", "-o", "out/g.ttl"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"wrote {Path.cwd() / 'out' / 'g.ttl'}"
    assert Path(result.stdout.split()[-1]).is_absolute()


@pytest.mark.slow
def test_export_of_the_site_and_build_say_the_absolute_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["export", "--format", "html"])
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith(f"files to {Path.cwd()}/exports/html/")
    result = runner.invoke(main, ["build", "-q"])
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert last.endswith(f"files to {Path.cwd()}/exports/")


def _graph(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")
