"""Guards against hostile input, applied by :mod:`bpo_kb.rdf.read` (and the TBX reader) to every
file before and after its parsers run.

- XML (RDF/XML, TBX): a DOCTYPE that declares an entity (internal or external, general or
  parameter) is refused before any parser sees the file, as ``defusedxml`` does: internal
  entities expand without limit ("billion laughs", quadratic blowup; Oxigraph's RDF/XML parser
  and rdflib's both expand them) and external ones read other files.
- JSON-LD: a context given as a string (a remote or ``file:`` IRI, or a relative reference,
  which rdflib resolves against the file's own ``file:`` IRI) or imported with ``@import`` is
  refused before parsing; rdflib's fallback parser also runs with a context loader that refuses
  everything (Oxigraph's parser loads no context at all).
- After parsing: no IRI may hold, *after* unescaping (``\\u003E`` in a Turtle IRI is ``>``), a
  character that ends a token or a line (:func:`bpo_kb.rdf.checks.iri_breaks_out`); no literal
  may hold NUL or a lone surrogate; no file may give more than :data:`MAX_TRIPLES_PER_BYTE`
  triples per byte of input.

Each refusal is an :class:`~bpo_kb.errors.UnsafeInput` reading ``FILE:LINE: problem``.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from bpo_kb.errors import UnsafeInput
from bpo_kb.rdf.checks import iri_breaks_out, is_absolute_iri

__all__ = [
    "MAX_TRIPLES_PER_BYTE",
    "bad_literal",
    "jsonld_contexts_refused",
    "may_hold_nul",
    "refuse_bad_iris",
    "refuse_bad_literal",
    "refuse_jsonld_contexts",
    "refuse_over_budget",
    "refuse_xml_entities",
    "token_too_long",
    "triple_budget",
]

# Real files give far fewer: the glossary's exports 0.006-0.015 triples per byte, the EuroVoc,
# STW and UNESCO thesauri 0.024-0.032. Without entity expansion no syntax reaches much more than
# 1 (a Turtle collection "(1 1 1 ...)" gives two triples per two bytes): 2 refuses only an input
# that expands.
MAX_TRIPLES_PER_BYTE = 2.0
# A very small file may be dense; the budget is never below this many bytes' worth.
_BUDGET_FLOOR_BYTES = 1024
_CHUNK = 1 << 16


# -- XML ---------------------------------------------------------------------------------------


def refuse_xml_entities(path: Path) -> None:
    """Refuse an XML file whose DOCTYPE declares any entity or refers to a parameter entity.

    Only the prolog is read (expat stops at the root element), nothing is expanded, loaded or
    fetched. A prolog expat cannot read (an unknown encoding, a broken DOCTYPE) is refused too:
    what expat cannot scan is not handed to a parser that might expand it.

    Raises:
        UnsafeInput: ``FILE:LINE: ...`` for the first entity declaration or malformed prolog.
    """
    from xml.parsers import expat

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(what: str) -> None:
        raise UnsafeInput(
            f"{path}:{parser.CurrentLineNumber}: the DOCTYPE {what}: XML entity declarations "
            "are refused (they can expand without limit or read other files)"
        )

    def entity(name: str, is_parameter: bool, *_: object) -> None:
        refuse(f"declares the {'parameter ' if is_parameter else ''}entity {name!r}")

    def unparsed_entity(name: str, *_: object) -> None:
        refuse(f"declares the unparsed entity {name!r}")

    def skipped_entity(name: str, is_parameter: bool) -> None:
        if is_parameter:
            refuse(f"refers to the parameter entity %{name};")

    prolog_done = False

    def root(*_: object) -> None:  # no declaration can follow the root element's start
        nonlocal prolog_done
        prolog_done = True

    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = unparsed_entity
    parser.SkippedEntityHandler = skipped_entity
    parser.StartElementHandler = root
    try:
        with path.open("rb") as stream:
            while not prolog_done and (chunk := stream.read(_CHUNK)):
                parser.Parse(chunk, False)
            if not prolog_done:
                parser.Parse(b"", True)
    except expat.ExpatError as err:
        if prolog_done:  # past the prolog: the parsers report it
            return
        raise UnsafeInput(
            f"{path}:{err.lineno}: not well-formed XML: {expat.ErrorString(err.code)}"
        ) from None
    except OSError as err:
        raise UnsafeInput(f"{path}: {err.strerror or err}") from None
    # Oxigraph reads UTF-8 whatever the declaration says: a file expat read in another encoding
    # must not hide, from expat, a declaration Oxigraph would see. Escaped in text ("&lt;!"),
    # "<!ENTITY" is raw only in markup.
    line = _first_match_line(path, _RAW_ENTITY_DECLARATION)
    if line is not None:
        raise UnsafeInput(
            f"{path}:{line}: <!ENTITY outside the prolog expat read: XML entity declarations are "
            "refused (they can expand without limit or read other files)"
        )


_RAW_ENTITY_DECLARATION = re.compile(rb"<!ENTITY")


# -- JSON-LD -----------------------------------------------------------------------------------

_CONTEXT_KEYS = ("@context", "@import")
# Only a file where one of these occurs can name a context, and only such a file is decoded
# and walked: a context that is a string or a list, an import, or an escaped ASCII character
# (a key may be written "\u0040context"; accented letters, \u00e9, do not count).
_CONTEXT_SUSPECT = re.compile(rb'"@context"\s*:\s*[\["]|"@import"|\\u00[0-7][0-9a-fA-F]')


def refuse_jsonld_contexts(path: Path) -> None:
    """Refuse a JSON-LD file that names a context to load (a string ``@context``, alone or in a
    list, anywhere in the document, or an ``@import``): bpo-kb neither fetches nor reads them.

    A file that is not JSON is left to the parsers, which report where it breaks.

    Raises:
        UnsafeInput: ``FILE:LINE: ...`` naming the first such context.
    """
    data = path.read_bytes()
    if not _CONTEXT_SUSPECT.search(data):
        return
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in _CONTEXT_KEYS:
                    for item in value if isinstance(value, list) else [value]:
                        if isinstance(item, str):
                            raise UnsafeInput(
                                f"{path}:{_line_of_text(data, item)}: the JSON-LD context "
                                f"{item!r} is remote or a file: bpo-kb never fetches or reads "
                                "contexts (write the context inline)"
                            )
                stack.append(value)


@contextlib.contextmanager
def jsonld_contexts_refused(path: Path) -> Iterator[None]:
    """While rdflib parses ``path``, any context it would load is refused instead."""
    from rdflib.plugins.shared.jsonld import context as rdflib_context

    original = rdflib_context.source_to_json

    def refuse(source: object, *_: object, **__: object) -> None:
        raise UnsafeInput(
            f"{path}:1: the JSON-LD context {str(source)!r} is remote or a file: bpo-kb never "
            "fetches or reads contexts (write the context inline)"
        )

    rdflib_context.source_to_json = refuse
    try:
        yield
    finally:
        rdflib_context.source_to_json = original


# -- after parsing -----------------------------------------------------------------------------


def triple_budget(path: Path) -> int:
    """The most triples ``path`` may give: :data:`MAX_TRIPLES_PER_BYTE` per byte."""
    size = max(path.stat().st_size, _BUDGET_FLOOR_BYTES)
    return int(MAX_TRIPLES_PER_BYTE * size)


def refuse_over_budget(path: Path, count: int) -> None:
    """Refuse a file that gave more than its :func:`triple_budget`."""
    budget = triple_budget(path)
    if count > budget:
        raise UnsafeInput(
            f"{path}:1: gives more than {budget:,} triples from {path.stat().st_size:,} bytes "
            f"(the limit is {MAX_TRIPLES_PER_BYTE:g} per byte): refused as an expansion attack"
        )


def refuse_bad_iris(path: Path, iris: Iterable[str]) -> None:
    """Refuse the first IRI (distinct values, already unescaped) that holds a character that
    ends a token or a line (``<>"``, controls, lone surrogates). One that is only invalid (a
    space, ``{}|^`\\``) is read, reported by validation (``IRI_INVALID``, a violation) and
    never written: the writers check every IRI."""
    for iri in iris:
        if not is_absolute_iri(iri) and iri_breaks_out(iri):
            line = _line_of_any(path, _iri_needles(iri))
            raise UnsafeInput(
                f"{path}:{line}: the IRI {_shown(iri)} holds a character no IRI may hold (RFC "
                '3987: no control, <, > or ", even written as an escape)'
            )


_NUL_PATTERN = re.compile(rb"\x00|\\u0000|\\U00000000|&#0+;|&#[xX]0+;")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def may_hold_nul(path: Path) -> bool:
    """Whether the file's bytes hold a NUL or an escape of one (a cheap gate for the check of
    every literal, which only then is needed)."""
    return _first_match_line(path, _NUL_PATTERN) is not None


def bad_literal(text: str) -> str | None:
    """What makes ``text`` unfit for a literal bpo-kb writes: NUL, a lone surrogate; or None."""
    if "\x00" in text:
        return "a NUL character"
    if not text.isascii() and _LONE_SURROGATE.search(text):
        return "a lone UTF-16 surrogate (not a character)"
    return None


def refuse_bad_literal(path: Path, text: str, problem: str) -> None:
    pattern = _NUL_PATTERN if "NUL" in problem else _SURROGATE_ESCAPE
    line = _first_match_line(path, pattern) or 1
    raise UnsafeInput(f"{path}:{line}: a literal holds {problem}: {_shown(text)}")


_OXIGRAPH_TOKEN_LIMIT = "Reached the buffer maximal size of "


def token_too_long(path: Path, err: MemoryError) -> MemoryError | UnsafeInput:
    """Oxigraph's refusal of one token (a literal, an IRI) longer than its buffer (16 MiB) as
    what it is, with the line where the first over-long line starts; any other ``err`` as is."""
    message = str(err)
    if not message.startswith(_OXIGRAPH_TOKEN_LIMIT):
        return err
    limit = int(message[len(_OXIGRAPH_TOKEN_LIMIT) :].strip().rstrip(".") or 0)
    return UnsafeInput(
        f"{path}:{_first_long_line(path, limit)}: a literal or IRI longer than the parser's "
        f"limit of {limit:,} bytes ({limit / 2**20:g} MiB): refused"
    )


def _first_long_line(path: Path, limit: int) -> int:
    """The number of the first line of at least ``limit`` bytes (1 if none)."""
    line, length = 1, 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            first = chunk.find(b"\n")
            if first < 0:
                length += len(chunk)
            else:
                if length + first >= limit:
                    return line
                line += chunk.count(b"\n")
                # Lines wholly inside a chunk are shorter than the limit (16 MiB > 1 MiB).
                length = len(chunk) - chunk.rfind(b"\n") - 1
            if length >= limit:
                return line
    return 1


# -- positions ---------------------------------------------------------------------------------


def _shown(text: str, limit: int = 80) -> str:
    """``text`` for a one-line message: escaped, cut."""
    shown = text.encode("unicode_escape", errors="backslashreplace").decode("ascii")
    return repr(shown if len(shown) <= limit else shown[:limit] + "...")


def _iri_needles(iri: str) -> list[bytes]:
    """How the IRI may be written in the file: raw, or its bad characters as \\u escapes."""
    upper = re.sub(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]', lambda m: f"\\u{ord(m.group()):04X}", iri)
    lower = re.sub(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]', lambda m: f"\\u{ord(m.group()):04x}", iri)
    needles = [iri, upper, lower]
    cut = re.search(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f\ud800-\udfff]', iri)
    if cut and cut.start() >= 8:
        needles.append(iri[: cut.start()])
    return [n.encode("utf-8", errors="ignore") for n in needles]


def _line_of_any(path: Path, needles: list[bytes]) -> int:
    data = path.read_bytes()
    for needle in needles:
        found = data.find(needle) if needle else -1
        if found >= 0:
            return data.count(b"\n", 0, found) + 1
    return 1


def _line_of_text(data: bytes, text: str) -> int:
    found = data.find(text.encode("utf-8", errors="ignore"))
    return data.count(b"\n", 0, found) + 1 if found >= 0 else 1


def _first_match_line(path: Path, pattern: re.Pattern[bytes]) -> int | None:
    """The line of the first match of ``pattern`` in the file, read in chunks."""
    lines = 0
    tail = b""
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            found = pattern.search(window)
            if found:
                return lines + window.count(b"\n", 0, found.start()) + 1
            keep = min(len(window), 16)  # the longest match spans at most 16 bytes
            lines += window.count(b"\n", 0, len(window) - keep)
            tail = window[len(window) - keep :]
    return None
