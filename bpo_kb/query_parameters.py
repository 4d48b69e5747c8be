"""Parameters of a query: what a named query declares, the user's values turned into RDF terms,
and a ``VALUES`` clause that binds them.

A named query declares each parameter on a comment line of its ``.rq`` file::

    # param: concept (concept) the concept: an IRI, prefix:local, slug or any label

``NAME (KIND) description``, KIND one of :data:`PARAMETER_KINDS`. Every declared parameter is
required. A value is always turned into an escaped RDF term, never spliced into the text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.errors import QueryError
from bpo_kb.rdf.checks import is_absolute_iri, is_language_tag
from bpo_kb.rdf.namespaces import BPO, PREFIXES, expand_iri

__all__ = [
    "PARAMETER_KINDS",
    "Parameter",
    "bind_parameters",
    "check_parameter_names",
    "declared_parameters",
    "did_you_mean",
    "parameter_term",
    "parse_parameter",
    "query_variables",
]

# Kind of a declared parameter -> what the user may give for it.
PARAMETER_KINDS: dict[str, str] = {
    "concept": "a concept: an IRI, prefix:local, slug or any label",
    "iri": "an IRI: <...>, http(s)://... or prefix:local",
    "text": "text, or text@lang",
    "term": "an IRI (<...>, http(s)://..., prefix:local) or text[@lang]",
}
_DECLARATION = re.compile(r"#\s*param:\s*(?P<name>\S+)\s*\((?P<kind>[^)]*)\)\s*(?P<text>.*)")
_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Parameter:
    """A parameter a named query declares: its name, its kind, what it means."""

    name: str
    kind: str
    description: str

    def usage(self) -> str:
        """``--param name=...`` and what the value may be."""
        return f"--param {self.name}=... ({self.description or PARAMETER_KINDS[self.kind]})"


def declared_parameters(text: str, source: str) -> tuple[Parameter, ...]:
    """The ``# param:`` declarations of a named query's ``text``.

    Raises:
        QueryError: a declaration that does not read ``# param: NAME (KIND) description``.
    """
    parameters = []
    for line in text.splitlines():
        if not re.match(r"#\s*param:", line.strip()):
            continue
        found = _DECLARATION.fullmatch(line.strip())
        if (
            found is None
            or not _VARIABLE_NAME.fullmatch(found["name"])
            or found["kind"] not in PARAMETER_KINDS
        ):
            kinds = ", ".join(PARAMETER_KINDS)
            raise QueryError(
                f"{source}: {line.strip()!r}: write '# param: NAME (KIND) description', "
                f"KIND one of {kinds}"
            )
        parameters.append(Parameter(found["name"], found["kind"], found["text"].strip()))
    return tuple(parameters)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean X?"`` for the choice nearest to ``word``, or ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


def check_parameter_names(
    given: Iterable[str], expected: Iterable[str], what: str, *, noun: str = "parameter"
) -> None:
    """Every name in ``given`` is one of ``expected``.

    Raises:
        QueryError: an unknown name, with the nearest expected one and the full list.
    """
    expected = list(expected)
    for name in given:
        if name not in expected:
            known = ", ".join(expected) if expected else "none"
            raise QueryError(
                f"{what} has no {noun} {name!r}{did_you_mean(name, expected)} "
                f"(its {noun}s: {known})"
            )


def query_variables(query: str) -> list[str]:
    """The variables (``?x`` or ``$x``) a SPARQL text mentions outside IRIs, strings and
    comments, in order of first mention."""
    code = re.sub(r"<[^<>\s]*>|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|#[^\n]*", " ", query)
    return list(dict.fromkeys(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", code)))


def parse_parameter(value: str) -> Node:
    """An IRI for ``<...>``, ``http(s)://...`` or a known ``prefix:local``; else a literal
    (``text@lang`` gives a language-tagged literal)."""
    if value.startswith("<") and value.endswith(">"):
        return _iri(value[1:-1])
    if re.match(r"^https?://", value):
        return _iri(value)
    prefix, _, local = value.partition(":")
    if local and prefix in PREFIXES and not local.startswith("//"):
        return _iri(PREFIXES[prefix] + local)
    return _text(value)


def parameter_term(parameter: Parameter, value: str, graph: Graph | None) -> Node:
    """The RDF term of ``value`` for a declared ``parameter``; a concept is looked up in
    ``graph`` as ``show`` looks it up, or, with no graph (a remote endpoint), taken as an IRI,
    prefix:local or slug of the glossary's namespace.

    Raises:
        QueryError: a value that is not of the parameter's kind.
        ConceptNotFound: no concept of ``graph`` answers to the value.
    """
    if parameter.kind == "text":
        return _text(value)
    if parameter.kind == "term":
        return parse_parameter(value)
    if parameter.kind == "iri":
        return _expanded(value, parameter)
    if graph is not None:
        from bpo_kb.skos.concepts import find_concept

        return find_concept(graph, value)
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", value):
        return BPO[value]
    return _expanded(value, parameter)


def bind_parameters(query: str, parameters: Mapping[str, Node]) -> str:
    """``query`` with ``VALUES ?name { term }`` first in its WHERE clause, for each parameter."""
    if not parameters:
        return query
    for name in parameters:
        if not _VARIABLE_NAME.fullmatch(name):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
    clause = " ".join(f"VALUES ?{name} {{ {term.n3()} }}" for name, term in parameters.items())
    match = re.search(r"\bWHERE\s*\{", query, re.IGNORECASE) or re.search(r"\{", query)
    if match is None:
        raise QueryError("the query has no WHERE clause to bind parameters in")
    return query[: match.end()] + " " + clause + " " + query[match.end() :]


def _expanded(value: str, parameter: Parameter) -> URIRef:
    try:
        return expand_iri(value)
    except ValueError:
        raise QueryError(
            f"--param {parameter.name}={value}: expected {PARAMETER_KINDS[parameter.kind]}"
            + (" (against a remote endpoint, not a label)" if parameter.kind == "concept" else "")
        ) from None


def _text(value: str) -> Literal:
    text, _, language = value.rpartition("@")
    if text and is_language_tag(language):
        return Literal(text, lang=language)
    return Literal(value)


def _iri(text: str) -> URIRef:
    if not is_absolute_iri(text):
        raise QueryError(f"{text!r} is not a valid IRI")
    return URIRef(text)
