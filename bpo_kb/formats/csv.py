"""CSV both ways, in the SKOS Play xls2rdf convention: one row per resource, one column per
property.

Headers name the property as a compact IRI and say how to read the cells:
``skos:prefLabel@fr`` (a literal in French), ``dct:created^^xsd:date`` (a typed literal),
``owl:versionInfo^^xsd:string`` (a plain literal), ``skos:broader`` (IRIs). A column that holds
several values in some row declares its separator, as xls2rdf does:
``skos:altLabel@fr(separator="|")``. Concepts come first (one row each), then the scheme,
collections and any other described resource, so the file holds the whole graph.

Reading accepts the layout bpo-kb writes, which has a ``URI`` first column, or a
row-per-language layout. The row-per-language layout, which translators prefer
(voc4cat's concept sheet), is recognised by its ``Concept IRI`` and ``Language Code`` headers:
one row per concept and language, with ``Preferred Label``, ``Definition``, ``Alternate Labels``
and ``Parent IRI`` (several values separated by ``|``).

Reading detects the delimiter (comma, semicolon as French Excel writes, or tab) from the header
line, and accepts a UTF-8 byte order mark; other encodings are read when declared
(``encoding="latin-1"``), and refused otherwise with a message saying which to declare. A header
whose property is not a term of SKOS, DCTERMS, RDF, RDFS, OWL, schema.org or VANN (their closed
term lists, from rdflib), or not a row-per-language column, is refused with the nearest valid
header ("did you mean skos:prefLabel@en?"); a language must be a BCP 47 tag.

Header names are recognised whatever their case, spaces, hyphens and apostrophes
(:func:`bpo_kb.skos.search.normalise`: ``Preferred\u00a0label`` is ``Preferred Label``). Cells
are trimmed of every Unicode space. Every cell that needed trimming, and every value of a
multi-valued cell dropped as the same text typed with other spaces, hyphens or apostrophes
(:func:`bpo_kb.skos.search.typographic_key`), is reported as a :class:`CellNote`. A row
without a URI, a URI given twice, a row with fewer or more cells than the header, a header
named twice, a file with no data row, an unknown column, a bad language tag or a broken quote is
an :class:`InputError` naming the row and column; nothing is returned then.

Formula cells are neutralised (OWASP's rule for CSV injection): the export puts a ``'`` before a
cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, so a
spreadsheet shows it as text instead of running it; it also puts one before a cell that begins
with ``'`` (once or more) and then one of those characters, so such a text survives. Reading
undoes exactly that: a cell that begins with one or more ``'`` and then one of those characters
loses its first ``'`` (and keeps the character after it, even a tab). In a multi-valued cell a
backslash and the separator inside a value are written ``\\\\`` and ``\\|``; reading splits on
the other separators only and undoes both escapes (a backslash before any other character is
kept as it is).
"""

from __future__ import annotations

import codecs
import csv
import difflib
import functools
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.errors import InputError
from bpo_kb.files import stdin_named
from bpo_kb.rdf.checks import is_language_tag
from bpo_kb.rdf.namespaces import PREFIXES, RDF, SKOS, XSD, compact_iri, expand_iri
from bpo_kb.rdf.stores import new_graph
from bpo_kb.skos.properties import LABEL_PROPERTIES, MAPPING_PROPERTIES, NOTE_PROPERTIES
from bpo_kb.skos.search import normalise, typographic_key

__all__ = [
    "SEPARATOR",
    "neutralise_cell",
    "unneutralise_cell",
    "CellNote",
    "Column",
    "column_header",
    "parse_column_header",
    "read_csv",
    "write_csv",
]

SEPARATOR = "|"

# OWASP's CSV injection rule: a cell beginning with one of these is a formula to a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEUTRALISED = re.compile("^'*[" + re.escape("".join(FORMULA_STARTS)) + "]")


def neutralise_cell(text: str) -> str:
    """``text`` with a leading ``'`` if it begins with a formula character, or with ``'``
    (once or more) and then one: what :func:`unneutralise_cell` undoes."""
    return "'" + text if _NEUTRALISED.match(text) else text


def unneutralise_cell(text: str) -> str:
    """``text`` without the ``'`` :func:`neutralise_cell` added (a cell that begins with one or
    more ``'`` and then a formula character loses its first ``'``)."""
    return text[1:] if text.startswith("'") and _NEUTRALISED.match(text) else text


# Columns in reading order: labels, documentation, hierarchy, scheme, mappings; then the rest.
_PREDICATE_ORDER = [
    RDF.type,
    *LABEL_PROPERTIES,
    SKOS.notation,
    *NOTE_PROPERTIES,
    SKOS.broader,
    SKOS.narrower,
    SKOS.related,
    SKOS.member,
    SKOS.inScheme,
    SKOS.topConceptOf,
    SKOS.hasTopConcept,
    *MAPPING_PROPERTIES,
]
_RANK = {predicate: rank for rank, predicate in enumerate(_PREDICATE_ORDER)}

# A column: (predicate, language or "", datatype IRI or "" for IRI-valued columns).
Column = tuple[URIRef, str, str]


def column_header(column: Column, multi_valued: bool) -> str:
    predicate, language, datatype = column
    header = compact_iri(predicate)
    if language:
        header += f"@{language}"
    elif datatype:
        header += f"^^{compact_iri(URIRef(datatype))}"
    if multi_valued:
        header += f'(separator="{SEPARATOR}")'
    return header


_HEADER = re.compile(
    r"^(?P<property>[^@^(]+?)(?:@(?P<language>[^(]*)|\^\^(?P<datatype>[^(]+))?"
    r'(?:\(separator="(?P<separator>[^"]*)"\))?$'
)


@functools.cache
def _closed_terms() -> dict[str, set[str]]:
    """Namespace IRI -> the local names of its terms, for the vocabularies whose term lists
    rdflib closes (a header naming another term of them is a typo)."""
    from rdflib.namespace import DCTERMS, OWL, RDFS, SDO, VANN

    known: dict[str, set[str]] = {}
    for namespace in (SKOS, DCTERMS, RDF, RDFS, OWL, SDO, VANN, XSD):
        terms = set(namespace.__annotations__) | set(getattr(namespace, "_extras", ()))
        known[str(namespace._NS)] = terms
    return known


@functools.cache
def _known_properties() -> list[str]:
    """Every property (and datatype) of those vocabularies as a header names it, for
    suggestions: ``prefix:local``."""
    return sorted(
        f"{prefix}:{local}"
        for prefix, namespace in PREFIXES.items()
        for local in _closed_terms().get(namespace, ())
        if local[:1].islower()  # properties, not classes
    )


def parse_column_header(header: str) -> tuple[Column, str | None]:
    """The column and its declared separator, from a header :func:`column_header` writes.

    Raises:
        ValueError: the header is not of that form, names no known term of a closed
            vocabulary, or has a bad language tag (the message says why, and what was meant).
    """
    match = _HEADER.match(header.strip())
    if match is None:
        raise ValueError(f'header {header!r} is not PROPERTY[@lang|^^datatype][(separator="x")]')
    language = match.group("language")
    if language is not None and not is_language_tag(language):
        raise ValueError(
            f"header {header!r} has an invalid language tag {language!r} "
            "(a BCP 47 tag such as fr, en or pt-BR)"
        )
    datatype = match.group("datatype")
    column = (
        _known_term(header, match.group("property")),
        language or "",
        str(_known_term(header, datatype)) if datatype else "",
    )
    return column, match.group("separator")


def _known_term(header: str, name: str) -> URIRef:
    """The IRI ``name`` (a property or datatype of ``header``) stands for.

    Raises:
        ValueError: an unknown prefix, or a term its closed vocabulary does not have; with
            the nearest known header when there is one.
    """
    try:
        iri = expand_iri(name)
    except ValueError as err:
        raise ValueError(f"header {header!r}: {err}{_did_you_mean(header, name)}") from None
    for namespace, terms in _closed_terms().items():
        local = str(iri)[len(namespace) :]
        if str(iri).startswith(namespace) and local not in terms:
            raise ValueError(
                f"header {header!r}: {name.strip()} is not a term of <{namespace}>"
                f"{_did_you_mean(header, name)}"
            )
    return iri


def _did_you_mean(header: str, name: str) -> str:
    """``; did you mean HEADER?`` with ``name`` replaced by the nearest known term, or ""."""
    typed = name.strip()
    candidates = _known_properties() if typed[:1].islower() or ":" not in typed else []
    nearest = difflib.get_close_matches(typed, candidates, n=1, cutoff=0.75)
    if not nearest:
        nearest = difflib.get_close_matches(typed.lower(), [c.lower() for c in candidates], n=1)
        nearest = [c for c in candidates if nearest and c.lower() == nearest[0]][:1]
    if not nearest:
        return ""
    return f"; did you mean {header.strip().replace(typed, nearest[0], 1)}?"


def write_csv(graph: Graph, stream: BinaryIO) -> None:
    """Every resource described in ``graph`` as a CSV row (UTF-8, RFC 4180 quoting)."""
    cells: dict[Node, dict[Column, list[str]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, obj in graph:
        cells[subject][_column(predicate, obj)].append(_cell_text(obj))
    columns = sorted({c for row in cells.values() for c in row}, key=_column_order)
    multi = {c for row in cells.values() for c, values in row.items() if len(values) > 1}
    lines = [_csv_line(["URI", *(column_header(c, c in multi) for c in columns)])]
    for subject in sorted(cells, key=lambda s: _row_order(graph, s)):
        row = cells[subject]
        texts = [compact_iri(subject), *(_join(row.get(c, []), c in multi) for c in columns)]
        lines.append(_csv_line([neutralise_cell(text) for text in texts]))
    stream.write("".join(lines).encode("utf-8"))


def _csv_line(cells: list[str]) -> str:
    """One RFC 4180 line ending in LF: a cell holding a comma, a quote, a CR or a LF quoted.
    (Python's csv writer, with LF as its line terminator, leaves a lone CR unquoted, and a
    reader then ends the row there.)"""
    return (
        ",".join(
            f'"{cell.replace(chr(34), chr(34) * 2)}"' if re.search(r'[,"\r\n]', cell) else cell
            for cell in cells
        )
        + "\n"
    )


def _column(predicate: URIRef, obj: Node) -> Column:
    if isinstance(obj, Literal):
        if obj.language:
            return (predicate, obj.language, "")
        return (predicate, "", str(obj.datatype or XSD.string))
    return (predicate, "", "")


def _cell_text(obj: Node) -> str:
    return str(obj) if isinstance(obj, Literal) else compact_iri(obj)


def _join(values: list[str], multi_valued: bool) -> str:
    if not multi_valued:
        return "".join(values)
    return SEPARATOR.join(_escape(value) for value in sorted(values))


def _escape(value: str, separator: str = SEPARATOR) -> str:
    """``value`` in a multi-valued cell: a backslash as ``\\\\``, the separator as ``\\|``."""
    return value.replace("\\", "\\\\").replace(separator, "\\" + separator)


def _split(cell: str, separator: str) -> list[str]:
    """The values of a multi-valued cell: split on each separator not escaped by a backslash,
    ``\\\\`` and ``\\<separator>`` read as the character; any other backslash is kept."""
    values, current, index = [], [], 0
    while index < len(cell):
        character = cell[index]
        if character == "\\" and cell.startswith("\\", index + 1):
            current.append("\\")
            index += 2
            continue
        if character == "\\" and cell.startswith(separator, index + 1):
            current.append(separator)
            index += 1 + len(separator)
            continue
        if cell.startswith(separator, index):
            values.append("".join(current))
            current = []
            index += len(separator)
            continue
        current.append(character)
        index += 1
    values.append("".join(current))
    return values


def _column_order(column: Column) -> tuple[int, str, str, str]:
    predicate, language, datatype = column
    return (_RANK.get(predicate, len(_RANK)), compact_iri(predicate), language, datatype)


def _row_order(graph: Graph, subject: Node) -> tuple[int, str]:
    if (subject, RDF.type, SKOS.Concept) in graph:
        group = 0
    elif (subject, RDF.type, SKOS.ConceptScheme) in graph:
        group = 1
    elif (subject, RDF.type, SKOS.Collection) in graph:
        group = 2
    else:
        group = 3
    return (group, str(subject))


ROW_PER_LANGUAGE = {
    "Preferred Label": (SKOS.prefLabel, None),
    "Definition": (SKOS.definition, None),
    "Alternate Labels": (SKOS.altLabel, "|"),
    "Hidden Labels": (SKOS.hiddenLabel, "|"),
}
ROW_PER_LANGUAGE_LINKS = {"Parent IRI": SKOS.broader, "Related IRI": SKOS.related}
_HEADER_NAMES = {
    normalise(name): name
    for name in ("URI", "Concept IRI", "Language Code", *ROW_PER_LANGUAGE, *ROW_PER_LANGUAGE_LINKS)
}


@dataclass(frozen=True)
class CellNote:
    """Something tidied in one cell (1-based row and column, as a spreadsheet shows them)."""

    row: int
    column: int
    message: str

    def as_line(self, path: Path) -> str:
        return f"{stdin_named(str(path))}:{self.row}:{self.column}: {self.message}"


def read_csv(path: Path, *, encoding: str | None = None) -> tuple[Graph, list[CellNote]]:
    """The graph a CSV file describes, and the notes about cells that were tidied.

    ``encoding`` is the file's text encoding; by default UTF-8, with or without a byte order
    mark. The delimiter (comma, semicolon or tab) is the one the header line uses most.

    Raises:
        InputError: ``FILE: row R, column C: problem``; nothing is returned.
    """
    rows = _rows(path, encoding)
    if not rows:
        raise InputError(f"{path}: row 1: the file is empty")
    header = [_HEADER_NAMES.get(normalise(cell), cell.strip()) for cell in rows[0]]
    _check_shape(path, header, rows)
    if "Concept IRI" in header:
        return _read_row_per_language(path, header, rows[1:])
    return _read_xls2rdf(path, header, rows[1:])


def _check_shape(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Refuse a header that names a column twice, a file without a data row, and a row with
    fewer cells than the header (its last values would be lost) or more (they would be
    ignored). Blank rows are skipped.

    Raises:
        InputError: ``FILE: row R, column C: problem``.
    """
    first: dict[str, int] = {}
    for number, name in enumerate(header, start=1):
        key = normalise(name)
        if key in first:
            raise InputError(
                f"{path}: row 1, column {number}: header {name!r} repeats column "
                f"{first[key]} ({header[first[key] - 1]!r})"
            )
        first[key] = number
    data = 0
    for row_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        data += 1
        if len(row) < len(header):
            raise InputError(
                f"{path}: row {row_number}, column {len(row) + 1}: the row ends after "
                f"{len(row)} cells, the header has {len(header)} columns "
                f"(no cell for {header[len(row)]!r})"
            )
        if len(row) > len(header):
            raise InputError(
                f"{path}: row {row_number}, column {len(header) + 1}: "
                f"more cells than the header has columns"
            )
    if not data:
        raise InputError(f"{path}: row 2, column 1: no data row (the file has a header only)")


DELIMITERS = (",", ";", "\t")
_BYTE_ORDER_MARKS = {
    codecs.BOM_UTF32_LE: "utf-32",
    codecs.BOM_UTF32_BE: "utf-32",
    codecs.BOM_UTF16_LE: "utf-16",
    codecs.BOM_UTF16_BE: "utf-16",
}


def _text(path: Path, encoding: str | None) -> str:
    """The file's text: decoded as ``encoding``, else as UTF-8 (a byte order mark dropped).

    Raises:
        InputError: unreadable, an unknown encoding, or bytes that are not UTF-8 (the message
            names the row and column, and says which ``--encoding`` to give).
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read it ({err.strerror or err})") from None
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"{path}: unknown encoding {encoding!r}") from None
        decoding = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    else:
        for mark, name in _BYTE_ORDER_MARKS.items():
            if data.startswith(mark):
                raise InputError(
                    f"{path}: row 1, column 1: the file is {name.upper()} text (it starts with "
                    f"a {name.upper()} byte order mark); give --encoding {name}"
                )
        decoding = "utf-8-sig"
    try:
        return data.decode(decoding)
    except UnicodeDecodeError as err:
        row = data[: err.start].count(b"\n") + 1
        line = data[data.rfind(b"\n", 0, err.start) + 1 : err.start]
        prefix = line.decode(decoding, errors="replace")
        column = 1 + max(prefix.count(d) for d in DELIMITERS)
        byte = data[err.start : err.start + 1].hex().upper()
        how = "give the right --encoding" if encoding else "give --encoding, e.g. latin-1"
        raise InputError(
            f"{path}: row {row}, column {column}: byte 0x{byte} is not "
            f"{'UTF-8' if decoding == 'utf-8-sig' else decoding} text; {how} "
            "(cp1252 for Windows Excel)"
        ) from None


def _delimiter(text: str) -> str:
    """The delimiter of the header line: the one of :data:`DELIMITERS` it holds most often
    outside quotes (a comma when it holds none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for character in text:
        if character == '"':
            quoted = not quoted
        elif character in "\r\n" and not quoted:
            break
        elif character in counts and not quoted:
            counts[character] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties go to the first: the comma
    return best if counts[best] else ","


def _rows(path: Path, encoding: str | None) -> list[list[str]]:
    text = _text(path, encoding)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as err:
        line = text.splitlines()[reader.line_num - 1] if reader.line_num else ""
        raise InputError(
            f"{path}: row {len(rows) + 1}, column {_broken_quote_column(line, delimiter)}: "
            f"broken quoting ({err})"
        ) from None
    return rows


def _broken_quote_column(line: str, delimiter: str = ",") -> int:
    """The 1-based field in which quoting goes wrong on ``line``."""
    column, quoted, start_of_field = 1, False, True
    for index, character in enumerate(line):
        if quoted:
            if character == '"':
                following = line[index + 1 : index + 2]
                if following == '"':
                    continue
                quoted = False
                if following not in ("", delimiter):
                    return column
        elif character == '"':
            if not start_of_field:
                return column
            quoted = True
        elif character == delimiter:
            column += 1
            start_of_field = True
            continue
        start_of_field = False
    return column


def _read_xls2rdf(
    path: Path, header: list[str], rows: list[list[str]]
) -> tuple[Graph, list[CellNote]]:
    if not header or header[0] != "URI":
        raise InputError(
            f"{path}: row 1, column 1: the first column must be URI "
            f"(found {header[0] if header else 'nothing'!r})"
        )
    columns: list[tuple[Column, str | None]] = []
    first_of: dict[Column, int] = {}  # a column -> the number of the header naming it first
    for number, text in enumerate(header[1:], start=2):
        try:
            columns.append(parse_column_header(text))
        except ValueError as err:
            raise InputError(f"{path}: row 1, column {number}: {err}") from None
        column = columns[-1][0]
        if column in first_of:
            earlier = first_of[column]
            raise InputError(
                f"{path}: row 1, column {number}: header {text!r} repeats column {earlier} "
                f"({header[earlier - 1]!r})"
            )
        first_of[column] = number
    graph = new_graph()
    notes: list[CellNote] = []
    seen: dict[str, int] = {}
    for row_number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise InputError(
                f"{path}: row {row_number}, column {len(header) + 1}: "
                f"more cells than the header has columns"
            )
        subject = _subject(path, row, row_number, seen, notes)
        for number, ((predicate, language, datatype), separator) in enumerate(columns, start=2):
            cell = row[number - 1] if number - 1 < len(row) else ""
            for value in _values(cell, separator, row_number, number, notes, fold=bool(language)):
                graph.add(
                    (subject, predicate, _term(path, value, language, datatype, row_number, number))
                )
    return graph, notes


def _read_row_per_language(
    path: Path, header: list[str], rows: list[list[str]]
) -> tuple[Graph, list[CellNote]]:
    index = {name: position for position, name in enumerate(header)}
    known = ["Concept IRI", "Language Code", *ROW_PER_LANGUAGE, *ROW_PER_LANGUAGE_LINKS]
    unknown = [name for name in header if name not in known]
    if unknown:
        nearest = difflib.get_close_matches(unknown[0], known, n=1, cutoff=0.6)
        raise InputError(
            f"{path}: row 1, column {index[unknown[0]] + 1}: unknown column "
            f"{unknown[0]!r} in the row-per-language layout"
            + (f"; did you mean {nearest[0]!r}?" if nearest else f" (known: {', '.join(known)})")
        )
    if "Language Code" not in index:
        raise InputError(
            f"{path}: row 1, column {len(header) + 1}: no 'Language Code' column, which the "
            "row-per-language layout needs beside 'Concept IRI'"
        )
    graph = new_graph()
    notes: list[CellNote] = []
    seen: dict[tuple[str, str], int] = {}
    for row_number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        iri_text = _cell(row, index["Concept IRI"], row_number, notes)
        language = _cell(row, index["Language Code"], row_number, notes)
        if not iri_text:
            raise InputError(
                f"{path}: row {row_number}, column {index['Concept IRI'] + 1}: no Concept IRI"
            )
        if (iri_text, language) in seen:
            raise InputError(
                f"{path}: row {row_number}, column {index['Concept IRI'] + 1}: "
                f"{iri_text} in {language!r} already given in row "
                f"{seen[(iri_text, language)]}"
            )
        seen[(iri_text, language)] = row_number
        if not is_language_tag(language):
            problem = f"{language!r} is not" if language else "no language: give"
            raise InputError(
                f"{path}: row {row_number}, column {index['Language Code'] + 1}: {problem} "
                "a BCP 47 language tag such as fr, en or pt-BR"
            )
        concept = _iri(path, iri_text, row_number, index["Concept IRI"] + 1)
        graph.add((concept, RDF.type, SKOS.Concept))
        for name, (predicate, separator) in ROW_PER_LANGUAGE.items():
            if name in index:
                for value in _values(
                    row[index[name]] if index[name] < len(row) else "",
                    separator,
                    row_number,
                    index[name] + 1,
                    notes,
                ):
                    graph.add(
                        (
                            concept,
                            predicate,
                            _term(path, value, language, "", row_number, index[name] + 1),
                        )
                    )
        for name, predicate in ROW_PER_LANGUAGE_LINKS.items():
            if name in index:
                for value in _values(
                    row[index[name]] if index[name] < len(row) else "",
                    "|",
                    row_number,
                    index[name] + 1,
                    notes,
                    fold=False,
                ):
                    graph.add((concept, predicate, _iri(path, value, row_number, index[name] + 1)))
    return graph, notes


def _subject(
    path: Path, row: list[str], row_number: int, seen: dict[str, int], notes: list[CellNote]
) -> Node:
    text = _cell(row, 0, row_number, notes)
    if not text:
        raise InputError(f"{path}: row {row_number}, column 1: no URI")
    if text in seen:
        raise InputError(
            f"{path}: row {row_number}, column 1: URI {text} already given in row {seen[text]}"
        )
    seen[text] = row_number
    if text.startswith("_:"):
        return BNode(text[2:])
    return _iri(path, text, row_number, 1)


def _cell(row: list[str], position: int, row_number: int, notes: list[CellNote]) -> str:
    raw = unneutralise_cell(row[position] if position < len(row) else "")
    trimmed = raw.strip()
    if trimmed != raw and trimmed:
        notes.append(CellNote(row_number, position + 1, f"trimmed spaces around {trimmed!r}"))
    return trimmed


def _values(
    cell: str,
    separator: str | None,
    row_number: int,
    column: int,
    notes: list[CellNote],
    *,
    fold: bool = True,
) -> list[str]:
    """The values of a cell, trimmed, each once: with ``fold``, two texts with one
    :func:`~bpo_kb.skos.search.typographic_key` are one (« l’étranger », « l'étranger »)."""
    text = unneutralise_cell(cell)
    protected = text != cell  # its first character is a formula character, tab or CR: kept
    parts = _split(text, separator) if separator else [text]
    values: list[str] = []
    kept: dict[str, str] = {}
    for number, part in enumerate(parts):
        trimmed = part.rstrip() if protected and number == 0 else part.strip()
        if trimmed != part and trimmed:
            notes.append(CellNote(row_number, column, f"trimmed spaces around {trimmed!r}"))
        if not trimmed:
            if separator and cell.strip():
                notes.append(CellNote(row_number, column, "skipped an empty value"))
            continue
        key = typographic_key(trimmed) if fold else trimmed
        if key in kept:
            notes.append(
                CellNote(row_number, column, f"dropped {trimmed!r}, a duplicate of {kept[key]!r}")
            )
            continue
        kept[key] = trimmed
        values.append(trimmed)
    return values


def _term(path: Path, value: str, language: str, datatype: str, row: int, column: int) -> Node:
    if language:
        return Literal(value, lang=language)
    if datatype == str(XSD.string):
        return Literal(value)
    if datatype:
        return Literal(value, datatype=URIRef(datatype))
    if value.startswith("_:"):
        return BNode(value[2:])
    return _iri(path, value, row, column)


def _iri(path: Path, text: str, row: int, column: int) -> URIRef:
    try:
        return expand_iri(text)
    except ValueError as err:
        raise InputError(f"{path}: row {row}, column {column}: {err}") from None
