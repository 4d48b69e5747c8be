"""Terminology exchange: CSV round trip, TBX out and in, SSSOM, alignment, diffs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from bpo_kb.cli import main
from bpo_kb.rdf.namespaces import LEXINFO, RDF, SKOS, SKOSXL
from bpo_kb.skos.properties import MAPPING_PROPERTIES

from .conftest import REPO_ROOT, shared_file
from .schematron import schematron_failures

EXPORTS = REPO_ROOT / "exports"
EX = Namespace("http://example.org/voc/")
BPO = Namespace("https://w3id.org/bpo-kb/")


def _import(runner: CliRunner, kind: str, source: Path, target: Path, *extra: str) -> object:
    return runner.invoke(main, ["import", kind, str(source), "-o", str(target), *extra])


# --- CSV --------------------------------------------------------------------------------------


def test_csv_export_imports_back_to_the_turtle_export(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "from-csv.ttl"
    result = _import(runner, "csv", EXPORTS / "bpo-glossary.csv", target)
    assert result.exit_code == 0, result.output
    assert isomorphic(Graph().parse(target), Graph().parse(EXPORTS / "bpo-glossary.ttl"))


def test_row_per_language_layout_and_messy_cells(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "rows.ttl"
    result = _import(runner, "csv", data_dir / "rows-per-language.csv", target)
    assert result.exit_code == 0, result.output
    graph = Graph().parse(target)
    assert (EX.dog, SKOS.prefLabel, Literal("dog", lang="en")) in graph
    assert (EX.dog, SKOS.altLabel, Literal("cabot", lang="fr")) in graph
    assert (EX.dog, SKOS.broader, EX.animal) in graph
    source = data_dir / "rows-per-language.csv"
    assert f"{source}:5:3: trimmed spaces around 'dog'" in result.stderr
    assert f"{source}:4:5: trimmed spaces around 'cabot'" in result.stderr


def test_csv_headers_and_cells_are_read_whatever_their_unicode_spaces_and_apostrophes(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "typed.csv"
    source.write_text(
        # headers typed with a no-break space, a narrow one and a different case
        "Concept\u00a0IRI,Language\u202fcode,Preferred Label,Alternate\u2009Labels,Parent IRI\n"
        "http://example.org/voc/offshore,fr,\u00a0externalisation à l'étranger\u202f,"
        "externalisation offshore|externalisation\u00a0offshore|délocalisation à l’étranger"
        "|délocalisation à l'étranger\u2003|Externalisation offshore,"
        "http://example.org/voc/A|http://example.org/voc/a\n",
        encoding="utf-8",
    )
    target = tmp_path / "typed.ttl"
    result = _import(runner, "csv", source, target)
    assert result.exit_code == 0, result.output
    graph = Graph().parse(target)
    offshore = EX.offshore
    assert set(graph.objects(offshore, SKOS.prefLabel)) == {
        Literal("externalisation à l'étranger", lang="fr")
    }
    assert set(graph.objects(offshore, SKOS.altLabel)) == {
        Literal("externalisation offshore", lang="fr"),
        Literal("délocalisation à l’étranger", lang="fr"),
        Literal("Externalisation offshore", lang="fr"),  # case is a difference of its own
    }
    assert set(graph.objects(offshore, SKOS.broader)) == {EX.A, EX.a}  # IRIs are not folded
    assert f'{source}:2:3: trimmed spaces around "externalisation à l\'étranger"' in result.stderr
    assert (
        f"{source}:2:4: dropped 'externalisation\\xa0offshore', "  # the no-break space shown
        "a duplicate of 'externalisation offshore'"
    ) in result.stderr
    assert (
        f'{source}:2:4: dropped "délocalisation à l\'étranger", '
        "a duplicate of 'délocalisation à l’étranger'"
    ) in result.stderr


def _broken_csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "broken.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("skos:prefLabel@en\nfoo\n", "row 1, column 1: the first column must be URI"),
        ("URI,skos:prefLabel@en_GB\nbpo:x,term\n", "row 1, column 2: header"),
        ('URI,skos:prefLabel@en\nbpo:x,"unterminated\n', "row 2, column 2: broken quoting"),
        ("URI,skos:prefLabel@en\nbpo:x,ok\n,orphan\n", "row 3, column 1: no URI"),
        ("URI,skos:prefLabel@en\nbpo:x,one\nbpo:x,two\n", "row 3, column 1: URI bpo:x already"),
        ("URI,nope:label@en\nbpo:x,one\n", "row 1, column 2:"),
    ],
)
def test_bad_csv_exits_2_naming_row_and_column_and_writes_nothing(
    runner: CliRunner, tmp_path: Path, text: str, message: str
) -> None:
    source = _broken_csv(tmp_path, text)
    target = tmp_path / "out.ttl"
    result = _import(runner, "csv", source, target)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{source}: {message}")
    assert not target.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "URI,skos:prefLable@en\nbpo:x,term\n",
            "row 1, column 2: header 'skos:prefLable@en': skos:prefLable is not a term of "
            "<http://www.w3.org/2004/02/skos/core#>; did you mean skos:prefLabel@en?",
        ),
        (
            'URI,"skos:altLable@fr(separator=""|"")"\nbpo:x,term\n',
            "row 1, column 2: header 'skos:altLable@fr(separator=\"|\")': skos:altLable is not "
            "a term of <http://www.w3.org/2004/02/skos/core#>; did you mean "
            'skos:altLabel@fr(separator="|")?',
        ),
        ("URI,dct:creatd^^xsd:date\nbpo:x,2024-01-01\n", "did you mean dct:created^^xsd:date?"),
        ("URI,skos:prefLabel@french\nbpo:x,terme\n", "invalid language tag 'french'"),
        (
            "Concept IRI,Language Code,Prefered Label\nhttp://example.org/voc/a,fr,a\n",
            "row 1, column 3: unknown column 'Prefered Label' in the row-per-language layout; "
            "did you mean 'Preferred Label'?",
        ),
        (
            "Concept IRI,Language Code,Preferred Label\nhttp://example.org/voc/a,french,a\n",
            "row 2, column 2: 'french' is not a BCP 47 language tag",
        ),
        (
            "Concept IRI,Preferred Label,Langage Code\nhttp://example.org/voc/a,a,fr\n",
            "row 1, column 3: unknown column 'Langage Code' in the row-per-language layout; "
            "did you mean 'Language Code'?",
        ),
        (
            "Concept IRI;Language Code;Preferred Label\nhttp://example.org/voc/a;;a\n",
            "row 2, column 2: no language: give a BCP 47 language tag",
        ),
    ],
)
def test_csv_headers_and_languages_are_checked_with_the_nearest_valid_one(
    runner: CliRunner, tmp_path: Path, text: str, message: str
) -> None:
    source = _broken_csv(tmp_path, text)
    target = tmp_path / "out.ttl"
    result = _import(runner, "csv", source, target)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"{source}: row ")
    assert message in result.stderr
    assert not target.exists()


def _semicolons(text: str, delimiter: str = ";") -> str:
    """``text``, a comma-separated file, as a spreadsheet saving with ``delimiter`` writes it."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text, newline="")))
    written = io.StringIO()
    csv.writer(written, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return written.getvalue()


@pytest.mark.parametrize(("delimiter", "encoding"), [(";", "utf-8-sig"), ("\t", "utf-8")])
def test_a_semicolon_or_tab_separated_csv_with_a_bom_imports_as_the_comma_one(
    runner: CliRunner, tmp_path: Path, delimiter: str, encoding: str
) -> None:
    text = (EXPORTS / "bpo-glossary.csv").read_text(encoding="utf-8")
    source = tmp_path / "excel.csv"
    source.write_text(_semicolons(text, delimiter), encoding=encoding, newline="")
    target = tmp_path / "from-excel.ttl"
    result = _import(runner, "csv", source, target)
    assert result.exit_code == 0, result.output
    assert isomorphic(Graph().parse(target), Graph().parse(EXPORTS / "bpo-glossary.ttl"))


FRENCH_EXCEL = (
    "Concept IRI;Language Code;Preferred Label;Definition\r\n"
    "http://example.org/voc/paie;fr;paie;Calcul des salaires, « net à payer ».\r\n"
)


def test_french_excel_csv_in_windows_1252_imports_when_its_encoding_is_given(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "excel.csv"
    source.write_bytes(FRENCH_EXCEL.encode("cp1252"))
    target = tmp_path / "out.ttl"
    refused = _import(runner, "csv", source, target)
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        f"{source}: row 2, column 4: byte 0xAB is not UTF-8 text; give --encoding, "
        "e.g. latin-1 (cp1252 for Windows Excel)"
    )
    assert not target.exists()
    result = _import(runner, "csv", source, target, "--encoding", "cp1252")
    assert result.exit_code == 0, result.output
    assert (
        URIRef("http://example.org/voc/paie"),
        SKOS.definition,
        Literal("Calcul des salaires, « net à payer ».", lang="fr"),
    ) in Graph().parse(target)


def test_utf16_csv_is_refused_with_the_encoding_to_give_and_read_when_given(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "utf16.csv"
    source.write_text(FRENCH_EXCEL.replace(";", "\t"), encoding="utf-16", newline="")
    target = tmp_path / "out.ttl"
    refused = _import(runner, "csv", source, target)
    assert refused.exit_code == 2
    assert refused.stderr.strip().endswith("give --encoding utf-16")
    assert refused.stderr.startswith(f"{source}: row 1, column 1:")
    result = _import(runner, "csv", source, target, "--encoding", "utf-16")
    assert result.exit_code == 0, result.output
    assert (URIRef("http://example.org/voc/paie"), SKOS.prefLabel, Literal("paie", lang="fr")) in (
        Graph().parse(target)
    )


def test_an_unknown_encoding_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    source = _broken_csv(tmp_path, "URI,skos:prefLabel@en\nbpo:x,term\n")
    result = _import(runner, "csv", source, tmp_path / "out.ttl", "--encoding", "klingon")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{source}: unknown encoding 'klingon'"


# --- SKOS in ---------------------------------------------------------------------------------

SKOS_XL_RDFXML = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#"
         xmlns:skosxl="http://www.w3.org/2008/05/skos-xl#">
  <skos:Concept rdf:about="http://example.org/voc/dog">
    <skosxl:prefLabel rdf:resource="http://example.org/voc/label/dog-en"/>
    <skosxl:altLabel rdf:resource="http://example.org/voc/label/hound-en"/>
    <skos:prefLabel xml:lang="fr">chien</skos:prefLabel>
  </skos:Concept>
  <skosxl:Label rdf:about="http://example.org/voc/label/dog-en">
    <skosxl:literalForm xml:lang="en">dog</skosxl:literalForm>
  </skosxl:Label>
  <skosxl:Label rdf:about="http://example.org/voc/label/hound-en">
    <skosxl:literalForm xml:lang="en">hound</skosxl:literalForm>
  </skosxl:Label>
</rdf:RDF>
"""


def test_skos_import_keeps_everything_and_adds_the_labels_skos_xl_entails(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "dogs.rdf"
    source.write_text(SKOS_XL_RDFXML, encoding="utf-8")
    target = tmp_path / "dogs.ttl"
    result = _import(runner, "skos", source, target)
    assert result.exit_code == 0, result.output
    assert "(2 SKOS labels from SKOS-XL labels)" in result.stdout
    assert "    skosxl:prefLabel <http://example.org/voc/label/dog-en>" in target.read_text()
    imported, original = Graph().parse(target), Graph().parse(source)
    assert set(original) <= set(imported)
    assert set(imported) - set(original) == {
        (EX.dog, SKOS.prefLabel, Literal("dog", lang="en")),
        (EX.dog, SKOS.altLabel, Literal("hound", lang="en")),
    }


def test_skos_import_refuses_what_is_not_skos_and_writes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "people.ttl"
    source.write_text('<http://example.org/ann> <http://xmlns.com/foaf/0.1/name> "Ann" .\n')
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://example.org/a> a <http://example.org/B> ;\n  nonsense .\n")
    target = tmp_path / "out.ttl"

    not_skos = _import(runner, "skos", source, target)
    unreadable = _import(runner, "skos", broken, target)

    assert not_skos.exit_code == 2
    assert not_skos.stderr == f"{source}: no skos:Concept or skos:ConceptScheme; is this SKOS?\n"
    assert unreadable.exit_code == 2
    assert unreadable.stderr.startswith(f"{broken}:2:")
    assert not target.exists()


# --- TBX out ----------------------------------------------------------------------------------


def test_tbx_export_is_valid_against_the_ltac_relax_ng() -> None:
    schema = etree.RelaxNG(etree.parse(str(shared_file("peer/tbx/TBXcoreStructV03.rng"))))
    assert schema.validate(etree.parse(str(EXPORTS / "bpo-glossary.tbx"))), schema.error_log


@pytest.mark.slow
def test_tbx_export_passes_the_tbx_basic_schematron() -> None:
    rules = shared_file("peer/tbx/TBX-Basic_DCA.sch")
    assert schematron_failures(rules, EXPORTS / "bpo-glossary.tbx") == []


@pytest.mark.slow
def test_the_schematron_check_does_fail_on_a_bad_file(tmp_path: Path) -> None:
    rules = shared_file("peer/tbx/TBX-Basic_DCA.sch")
    bad = tmp_path / "bad.tbx"
    text = (EXPORTS / "bpo-glossary.tbx").read_text(encoding="utf-8")
    bad.write_text(text.replace('type="definition"', 'type="explanation"', 1), encoding="utf-8")
    assert any("Permitted type value" in failure for failure in schematron_failures(rules, bad))


def test_tbx_keeps_the_iri_and_term_status(glossary: Graph) -> None:
    tree = etree.parse(str(EXPORTS / "bpo-glossary.tbx"))
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    entry = tree.find(".//t:conceptEntry[@id='offshore-outsourcing']", ns)
    assert entry.find("t:xref", ns).get("target") == str(BPO["offshore-outsourcing"])
    statuses = {
        term.findtext("t:term", namespaces=ns): term.findtext("t:termNote", namespaces=ns)
        for term in entry.iterfind(".//t:termSec", ns)
    }
    assert statuses["externalisation dans un pays éloigné"] == "preferredTerm-admn-sts"
    assert statuses["externalisation offshore"] == "admittedTerm-admn-sts"
    assert "Externalisation en mer" not in statuses  # hidden labels stay out by default


def test_tbx_can_include_hidden_labels_as_deprecated(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "with-hidden.tbx"
    result = runner.invoke(
        main, ["export", "--format", "tbx", "--include-hidden", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "<term>Externalisation en mer</term>" in text
    assert "deprecatedTerm-admn-sts" in text


# --- TBX in -----------------------------------------------------------------------------------


def test_tbx_v3_export_imports_back(runner: CliRunner, glossary: Graph, tmp_path: Path) -> None:
    target = tmp_path / "from-tbx.ttl"
    result = _import(runner, "tbx", EXPORTS / "bpo-glossary.tbx", target)
    assert result.exit_code == 0, result.output
    imported = Graph().parse(target)
    for label_property in (SKOS.prefLabel, SKOS.altLabel, SKOS.definition):
        for concept in glossary.subjects(SKOS.inScheme, BPO.glossary):
            if (concept, None, SKOS.Concept) in glossary:
                assert set(imported.objects(concept, label_property)) == set(
                    glossary.objects(concept, label_property)
                ), (concept, label_property)


def test_tbx_v2_import(runner: CliRunner, data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "v2.ttl"
    result = _import(
        runner, "tbx", data_dir / "v2-sample.tbx", target, "--base", "https://example.org/iate/"
    )
    assert result.exit_code == 0, result.output
    graph = Graph().parse(target)
    entry = URIRef("https://example.org/iate/IATE-786118")
    assert (entry, SKOS.prefLabel, Literal("sous-traitance", lang="fr")) in graph
    # A deprecated term is an alternative label whose term record keeps the status.
    assert (entry, SKOS.altLabel, Literal("sous-entreprise", lang="fr")) in graph
    assert (None, LEXINFO.normativeAuthorization, LEXINFO.deprecatedTerm) in graph
    assert (entry, SKOS.prefLabel, Literal("subcontracting", lang="en")) in graph
    assert (entry, SKOS.altLabel, Literal("sub-contracting", lang="en")) in graph
    assert (entry, SKOS.prefLabel, Literal("Zulieferung", lang="de")) in graph
    assert list(graph.objects(entry, SKOS.definition))


@pytest.mark.parametrize(
    "example", ["basic_dca_example.tbx", "core_example.tbx", "minimal_basic.tbx"]
)
def test_ltac_examples_import(runner: CliRunner, tmp_path: Path, example: str) -> None:
    target = tmp_path / "ltac.ttl"
    source = shared_file(f"peer/tbx/{example}")
    result = _import(runner, "tbx", source, target, "--base", "https://example.org/ltac/")
    assert result.exit_code == 0, result.output
    assert list(Graph().parse(target).subjects(SKOS.prefLabel, None))


def test_tbx_external_entities_are_neither_fetched_nor_expanded(
    runner: CliRunner, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    source = tmp_path / "xxe.tbx"
    source.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE tbx [ <!ENTITY leak SYSTEM "file://{secret}">
  <!ENTITY remote SYSTEM "http://127.0.0.1:9/x"> ]>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="c1"><langSec xml:lang="en">
<termSec><term>safe &leak;&remote;</term></termSec></langSec></conceptEntry></body></text></tbx>""")
    target = tmp_path / "xxe.ttl"
    result = _import(runner, "tbx", source, target, "--base", "https://example.org/x/")
    # Issue 18: a DOCTYPE that declares entities is refused before parsing (it was read with
    # the entities left unexpanded, exit 0); the secret still never appears.
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"{source}:2: the DOCTYPE declares the entity 'leak'")
    assert "TOP-SECRET-CONTENT" not in result.output
    assert not target.exists()


def test_tbx_without_iris_needs_a_base(runner: CliRunner, data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "v2.ttl"
    result = _import(runner, "tbx", data_dir / "v2-sample.tbx", target)
    assert result.exit_code == 2
    assert "1 of 1 entries" in result.stderr
    assert "carry no http(s) IRI" in result.stderr
    assert "give --base" in result.stderr
    assert not target.exists()
    bad_base = _import(runner, "tbx", data_dir / "v2-sample.tbx", target, "--base", "iate")
    assert bad_base.exit_code == 2


def test_tbx_import_never_mints_iris_in_the_glossary_namespace(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "from-tbx.ttl"
    assert _import(runner, "tbx", EXPORTS / "bpo-glossary.tbx", target).exit_code == 0
    imported = Graph().parse(target)
    ours = set(Graph().parse(EXPORTS / "bpo-glossary.ttl").all_nodes())
    # the term records' IRIs are made from the entries' own concept IRIs (term_iri)
    records = set(imported.subjects(RDF.type, SKOSXL.Label))
    values = set(imported.objects(None, None)) & {
        LEXINFO[name] for name in ("abbreviation", "initialism", "acronym")
    }
    named = {n for n in imported.all_nodes() if isinstance(n, URIRef)} - records - values
    assert named <= ours
    assert records <= ours
    assert (URIRef(BPO + "glossary"), RDF.type, SKOS.ConceptScheme) in imported


def test_malformed_tbx_exits_2_with_line_and_column(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "broken.tbx"
    source.write_text('<?xml version="1.0"?>\n<tbx>\n  <text>\n</tbx>\n')
    target = tmp_path / "out.ttl"
    result = _import(runner, "tbx", source, target)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{source}:4:")
    assert not target.exists()


# --- SSSOM and alignment ----------------------------------------------------------------------


def test_sssom_has_one_row_per_mapping_triple(glossary: Graph) -> None:
    lines = (EXPORTS / "bpo-mappings.sssom.tsv").read_text(encoding="utf-8").splitlines()
    header_at = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    rows = [line.split("\t") for line in lines[header_at + 1 :]]
    mappings = sum(1 for p in MAPPING_PROPERTIES for _ in glossary.triples((None, p, None)))
    assert len(rows) == mappings
    assert lines[header_at].split("\t")[:4] == [
        "subject_id",
        "subject_label",
        "predicate_id",
        "object_id",
    ]
    assert all(row[-1] == "semapv:ManualMappingCuration" for row in rows)
    assert "# curie_map:" in lines


@pytest.mark.slow
def test_align_finds_the_obvious_matches_in_stw(runner: CliRunner, tmp_path: Path) -> None:
    stw = shared_file("peer/vocabularies/stw-9.06.ttl")
    target = tmp_path / "stw.sssom.tsv"
    result = runner.invoke(main, ["align", str(stw), "-o", str(target)])
    assert result.exit_code == 0, result.output
    rows = [
        line.split("\t")
        for line in target.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    header, rows = rows[0], rows[1:]
    found = {(row[header.index("subject_id")], row[header.index("object_id")]) for row in rows}
    for subject, descriptor in [
        ("outsourcing", "19113-6"),
        ("customer-service", "12786-4"),
        ("accounting", "12307-0"),
    ]:
        assert (f"bpo:{subject}", f"stw:{descriptor}") in found
    assert all(
        row[header.index("mapping_justification")] == "semapv:LexicalMatching" for row in rows
    )


def test_align_matches_labels_whatever_their_spaces_hyphens_and_apostrophes() -> None:
    from bpo_kb.curation.align import align

    ours, theirs = Graph(), Graph()
    other = Namespace("http://other.example/")
    for graph, concept, labels in (
        (ours, EX.sub, ["sous-traitance", "externalisation à l'étranger"]),
        (theirs, other.sub, ["Sous\u00a0traitance"]),
        (theirs, other.far, ["externalisation à l’étranger"]),
    ):
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.prefLabel, Literal(labels[0], lang="fr")))
        for label in labels[1:]:
            graph.add((concept, SKOS.altLabel, Literal(label, lang="fr")))
    found = {(row.subject, row.object, row.confidence) for row in align(ours, theirs)}
    assert found == {(EX.sub, other.sub, 1.0), (EX.sub, other.far, 0.9)}


# --- diff -------------------------------------------------------------------------------------


def test_diff_reports_a_changed_label(runner: CliRunner, tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(REPO_ROOT / "ontology", new)
    concepts = new / "concepts.ttl"
    concepts.write_text(
        concepts.read_text(encoding="utf-8").replace(
            '"paie"@fr , "payroll"@en', '"paie"@fr , "payroll services"@en'
        ),
        encoding="utf-8",
    )
    result = runner.invoke(main, ["diff", str(REPO_ROOT / "ontology"), str(new)])
    assert result.exit_code == 1
    assert '    - skos:prefLabel "payroll"@en' in result.stdout
    assert '    + skos:prefLabel "payroll services"@en' in result.stdout
    as_json = json.loads(
        runner.invoke(
            main, ["diff", str(REPO_ROOT / "ontology"), str(new), "--format", "json"]
        ).stdout
    )
    (change,) = as_json["changed"]
    assert change["concept"] == "bpo:payroll"


def test_diff_of_identical_versions_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(main, ["diff", str(REPO_ROOT / "ontology"), str(REPO_ROOT / "ontology")])
    assert result.exit_code == 0
    assert result.stdout.strip() == "no difference"


def test_diff_lists_added_removed_and_deprecated(
    runner: CliRunner, tmp_path: Path, data_dir: Path
) -> None:
    old = data_dir / "valid-minimal.ttl"
    new = tmp_path / "new.ttl"
    graph = Graph().parse(old)
    graph.remove((EX.dog, None, None))
    graph.add((EX.cat, SKOS.prefLabel, Literal("cat", lang="en")))
    graph.add((EX.cat, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SKOS.Concept))
    graph.add((EX.animal, URIRef("http://www.w3.org/2002/07/owl#deprecated"), Literal(True)))
    graph.serialize(new, format="turtle")
    report = json.loads(
        runner.invoke(main, ["diff", str(old), str(new), "--format", "json"]).stdout
    )
    assert [c["concept"] for c in report["added"]] == [str(EX.cat)]
    assert [c["concept"] for c in report["removed"]] == [str(EX.dog)]
    assert [c["concept"] for c in report["deprecated"]] == [str(EX.animal)]


def test_diff_of_unreadable_input_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    assert runner.invoke(main, ["diff", str(bad), str(bad)]).exit_code == 2


# --- Reading every format (issue 16) ------------------------------------------------------------


@pytest.mark.parametrize("other", ["bpo-glossary.ttl", "bpo-glossary.nt", "bpo-glossary.rdf"])
def test_diff_reads_the_projects_own_exports(runner: CliRunner, other: str) -> None:
    result = runner.invoke(
        main, ["diff", str(EXPORTS / "bpo-glossary.jsonld"), str(EXPORTS / other)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "no difference\n"


@pytest.mark.slow
def test_diff_reads_quads_and_json_ld_even_through_rdflib(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rdflib import Dataset

    import bpo_kb.rdf.read

    dataset = Dataset()
    dataset.parse(EXPORTS / "bpo-glossary.ttl")
    for suffix, rdf_format in ((".nq", "nquads"), (".trig", "trig")):
        dataset.serialize(tmp_path / f"glossary{suffix}", format=rdf_format)

    def refused(*_args: object, **_kwargs: object) -> object:
        raise SyntaxError("refused")  # as Oxigraph refuses a file: rdflib reads it instead

    for through_rdflib in (False, True):
        if through_rdflib:
            monkeypatch.setattr(bpo_kb.rdf.read, "_parsed", refused)
        for name in ("glossary.nq", "glossary.trig", str(EXPORTS / "bpo-glossary.jsonld")):
            result = runner.invoke(
                main, ["diff", str(EXPORTS / "bpo-glossary.ttl"), str(tmp_path / name)]
            )
            assert (result.exit_code, result.stdout) == (0, "no difference\n"), (
                name,
                result.output,
            )


def test_diff_and_align_take_an_input_format(
    runner: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "acme.txt"
    source.write_bytes((data_dir / "acme-vocabulary.ttl").read_bytes())
    result = runner.invoke(
        main,
        ["diff", str(source), str(data_dir / "acme-vocabulary.ttl"), "--input-format", "turtle"],
    )
    assert result.exit_code == 0, result.output
    target = tmp_path / "acme.sssom.tsv"
    result = runner.invoke(
        main, ["align", str(source), "-o", str(target), "--input-format", "turtle"]
    )
    assert result.exit_code == 0, result.output
    assert "bpo:payroll" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".rdf", ".jsonld"])
def test_align_names_prefixes_after_the_other_vocabulary(
    runner: CliRunner, data_dir: Path, tmp_path: Path, suffix: str
) -> None:
    source = tmp_path / f"acme{suffix}"
    graph = Graph().parse(data_dir / "acme-vocabulary.ttl")
    graph.bind("acme", "https://vocab.acme.example/terms/")
    graph.serialize(
        source, format={".nt": "nt", ".rdf": "xml", ".jsonld": "json-ld"}.get(suffix, "turtle")
    )
    target = tmp_path / "acme.sssom.tsv"
    result = runner.invoke(main, ["align", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "bpo:payroll\tpaie\tskos:exactMatch\t" in text
    assert "ns1" not in text
    # declared in the file; N-Triples declares nothing, and the name is then the host's
    assert "#   acme: https://vocab.acme.example/terms/" in text
    assert "\tacme:pay\t" in text


def test_align_names_an_undeclared_namespace_after_the_scheme(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "thesaurus.ttl"
    source.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix : <https://thes.example.org/thesaurus/c/> .\n"
        "<https://thes.example.org/thesaurus> a skos:ConceptScheme .\n"
        ":42 a skos:Concept ; skos:inScheme <https://thes.example.org/thesaurus> ;\n"
        '    skos:prefLabel "accounting"@en .\n',
        encoding="utf-8",
    )
    target = tmp_path / "t.sssom.tsv"
    assert runner.invoke(main, ["align", str(source), "-o", str(target)]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "#   thesaurus: https://thes.example.org/thesaurus/c/" in text
    assert "bpo:accounting\taccounting\tskos:exactMatch\tthesaurus:42\t" in text


@pytest.mark.slow
def test_align_with_unesco_writes_no_generated_prefix(runner: CliRunner, tmp_path: Path) -> None:
    unesco = shared_file("peer/vocabularies/unesco-thesaurus.ttl")
    target = tmp_path / "unesco.sssom.tsv"
    assert runner.invoke(main, ["align", str(unesco), "-o", str(target)]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "ns1" not in text
    assert "\tunesco:concept1183\t" in text
