"""Term records: what a term base says about each term, as SKOS-XL labels described with
LexInfo 3.0 (DESIGN.md, "Term records").

The editor writes the SKOS labels in the vocabulary's Turtle and one row per term in
``terms.csv`` beside it (the columns of :data:`TERM_COLUMNS`). Reading the vocabulary turns each
row into a ``skosxl:Label`` with its ``skosxl:literalForm`` (the SKOS label's literal, whose
language tag carries the region: ``fr-CA``), attached to the concept by the SKOS-XL property of
the SKOS label it matches, under an IRI made from the concept and the term (:func:`term_iri`),
never typed by hand. On it: ``lexinfo:normativeAuthorization``, ``lexinfo:partOfSpeech``,
``lexinfo:gender``, ``lexinfo:termType`` (LexInfo individuals named by the row's values),
``dct:source`` and a usage ``skos:note``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.errors import InputError
from bpo_kb.rdf.namespaces import BPOV, DCTERMS, LEXINFO, RDF, SKOS, SKOSXL, expand_iri

__all__ = [
    "LABEL_KINDS",
    "RECORD_PROPERTIES",
    "TERMS_FILE",
    "TERM_COLUMNS",
    "TermRecord",
    "add_term_records",
    "read_term_records",
    "term_iri",
]

TERMS_FILE = "terms.csv"
TERM_COLUMNS = (
    "concept",
    "language",
    "term",
    "status",
    "part_of_speech",
    "gender",
    "term_type",
    "source",
    "note",
)
# SKOS label property -> the SKOS-XL property that links the label resource.
LABEL_KINDS = {
    SKOS.prefLabel: SKOSXL.prefLabel,
    SKOS.altLabel: SKOSXL.altLabel,
    SKOS.hiddenLabel: SKOSXL.hiddenLabel,
}
# Column -> the LexInfo property its value (a LexInfo individual's local name) is stated with.
RECORD_PROPERTIES = {
    "status": LEXINFO.normativeAuthorization,
    "part_of_speech": LEXINFO.partOfSpeech,
    "gender": LEXINFO.gender,
    "term_type": LEXINFO.termType,
}


@dataclass(frozen=True)
class TermRecord:
    """One row of ``terms.csv``: a term of a concept and what is known about it."""

    concept: URIRef
    language: str
    term: str
    values: dict[str, str]  # column of RECORD_PROPERTIES -> LexInfo local name ("" if none)
    source: URIRef | None
    note: str
    row: int

    @property
    def literal(self) -> Literal:
        return Literal(self.term, lang=self.language)


def read_term_records(path: Path) -> list[TermRecord]:
    """The records of a ``terms.csv`` file, in file order.

    Raises:
        InputError: ``FILE: row R, column C: problem`` for a missing column, an empty concept,
            language or term, or a concept or source that is not an IRI or known CURIE.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read it as UTF-8 text ({err})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [column for column in TERM_COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise InputError(f"{path}: row 1: missing column(s) {', '.join(missing)}")
    position = {name: index + 1 for index, name in enumerate(reader.fieldnames or ())}
    records = []
    for number, row in enumerate(reader, start=2):
        cells = {name: (row.get(name) or "").strip() for name in TERM_COLUMNS}
        for required in ("concept", "language", "term"):
            if not cells[required]:
                raise InputError(
                    f"{path}: row {number}, column {position[required]}: no {required}"
                )
        records.append(
            TermRecord(
                concept=_iri(path, cells["concept"], number, position["concept"]),
                language=cells["language"].lower(),  # as the RDF parsers give tags
                term=cells["term"],
                values={column: cells[column] for column in RECORD_PROPERTIES},
                source=(
                    _iri(path, cells["source"], number, position["source"])
                    if cells["source"]
                    else None
                ),
                note=cells["note"],
                row=number,
            )
        )
    return records


def _iri(path: Path, text: str, row: int, column: int) -> URIRef:
    try:
        return expand_iri(text)
    except ValueError as err:
        raise InputError(f"{path}: row {row}, column {column}: {err}") from None


def add_term_records(graph: Graph, sources: Iterable[Path], *, for_validation: bool = False) -> int:
    """Add to ``graph`` the label resources of the ``terms.csv`` of each source folder (or a
    ``terms.csv`` given as a source); returns how many records were added.

    A record whose term is no SKOS label of its concept is left out, or, ``for_validation``,
    kept and linked to its concept by ``bpov:recordOf`` alone, for TERM_RECORD_UNMATCHED to
    report (an editor who removed a label and forgot its row sees it among the findings).
    """
    added = 0
    for source in sources:
        path = Path(source)
        file = path / TERMS_FILE if path.is_dir() else path
        if file.name != TERMS_FILE or not file.is_file():
            continue
        for record in read_term_records(file):
            label = term_iri(record.concept, record.language, record.term)
            triples = _record_triples(graph, record, label, for_validation)
            for triple in triples:
                graph.add(triple)
            added += bool(triples)
    return added


def _record_triples(
    graph: Graph, record: TermRecord, label: URIRef, for_validation: bool
) -> list[tuple[Node, Node, Node]]:
    kinds = [
        kind
        for skos_property, kind in LABEL_KINDS.items()
        if (record.concept, skos_property, record.literal) in graph
    ]
    if not kinds and not for_validation:
        return []
    links = kinds or [BPOV.recordOf]  # S13 reports a label of two kinds
    triples: list[tuple[Node, Node, Node]] = [(record.concept, kind, label) for kind in links]
    triples += [
        (label, RDF.type, SKOSXL.Label),
        (label, SKOSXL.literalForm, record.literal),
    ]
    for column, prop in RECORD_PROPERTIES.items():
        if record.values[column]:
            triples.append((label, prop, LEXINFO[record.values[column]]))
    if record.source is not None:
        triples.append((label, DCTERMS.source, record.source))
    if record.note:
        triples.append((label, SKOS.note, Literal(record.note, lang=record.language)))
    return triples


def term_iri(concept: URIRef, language: str, term: str) -> URIRef:
    """``<concept's namespace>term/<concept's local name>/<language>/<term>``: ``bpo:term/
    payroll/fr/paie`` for « paie »@fr of ``bpo:payroll``. The term is written with its spaces
    as "_" and every character but ASCII letters, digits and ``-.~`` percent-encoded
    (``c%C5%93ur_de_m%C3%A9tier``): two terms never share an IRI, and a term's IRI depends on
    nothing but its concept, language and text, whatever other terms come and go."""
    text = str(concept)
    cut = max(text.rfind("/"), text.rfind("#")) + 1
    namespace, local = text[:cut], text[cut:] or "concept"
    return URIRef(f"{namespace}term/{local}/{language.lower()}/{_segment(term)}")


def _segment(term: str) -> str:
    written = []
    for character in term:
        if character == " ":
            written.append("_")
        elif character.isascii() and (character.isalnum() or character in "-.~"):
            written.append(character)
        else:  # "_" too, so that it never stands for two characters
            written.append("".join(f"%{byte:02X}" for byte in character.encode("utf-8")))
    return "".join(written)
