"""What validation adds to the data, written into each rule's query instead of into the store.

In process, the validator adds triples to its own copy of the data before the rules run: the
run's settings and the reference data (:data:`~bpo_kb.rules.validation.REFERENCE_DATA`), and what
the derivation files (``shapes/skos-xl.ru``, ``shapes/derivations.ru``) insert. A store is only
read, so :class:`InlineData` rewrites each rule's query instead: every triple pattern whose
predicate those additions use is replaced by a group that reads the store's own triples or the
added ones, each counted once, as in the merged copy:

- a derivation ``INSERT { ?s P ?o } WHERE { BODY }`` turns ``S P O`` into
  ``{ S P O } UNION { BODY[?s:=S, ?o:=O] FILTER NOT EXISTS { S P O } }``: SKOS labels entailed
  by SKOS-XL labels, and the lower-cased label keys, computed where they are read;
- added triples (settings, ISO 639 codes, LexInfo values) turn ``S P O`` into
  ``{ S P O } UNION { VALUES ... FILTER NOT EXISTS { S P O } }``, with the added triples that
  can match it;
- ``EXISTS { S P O }``, its group that one pattern alone, becomes one EXISTS per
  alternative instead, ``(EXISTS { S P O } || EXISTS { BODY } || ?o IN (...))`` (``&&`` of
  ``NOT EXISTS`` and ``NOT IN`` for ``NOT EXISTS``), the same truth without a UNION, VALUES or
  BIND to an outer variable inside EXISTS, which Virtuoso 7 evaluates wrongly or cannot
  compile.

What is not rewritten (and so reads the store alone): a triple pattern whose predicate is a
variable, and ``rdf:type`` inside a longer property path (reference data types LexInfo values
only, which no target reaches through ``rdfs:subClassOf``). Inside any other property path, a
predicate derived by one path alone (the hierarchy links: ``INSERT { ?s P ?o } WHERE { ?s PATH
?o }``) is written ``(P|PATH)``; any other derived or added predicate there raises
:class:`~bpo_kb.errors.UnsupportedShapes` rather than being read from the store alone.

Every rewritten query is also made portable to stores other than Oxigraph (Virtuoso 7): ``$x``
written ``?x``, NUL in a string as the regex escape ``\\x00``, ``S A/B* O`` as
``{ S A O } UNION { S A/B+ O }``. With no additions (``InlineData(Graph(), ())``: they are in a
graph the store holds), that is all the rewrite does.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.errors import UnsupportedShapes
from bpo_kb.rdf.namespaces import RDF, XSD

__all__ = ["InlineData", "predicate_derived_by_one_path"]

_TOKEN = re.compile(
    r"""(?P<space>\s+|\#[^\n]*)
    |(?P<string>\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$]\w+)
    |(?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
    |(?P<pname>(?:[A-Za-z][\w.-]*)?:(?:[\w:%-]|[\w.:%-]*[\w:%-])*)
    |(?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    |(?P<word>[A-Za-z_]\w*)
    |(?P<punct>\^\^|&&|\|\||!=|<=|>=|[{}()\[\].;,|/^*+?!=<>-])""",
    re.VERBOSE,
)
_TERM_KINDS = {"iri", "var", "pname", "string", "number", "word"}
_GROUP_KEYWORDS = {"OPTIONAL", "MINUS", "UNION"}
_IN_LIST = 1000  # terms in one IN (...) of the rewrite


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int

    @property
    def keyword(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def _tokens(text: str) -> list[_Token]:
    found, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise UnsupportedShapes(
                f"cannot read this query near {text[position : position + 40]!r}"
            )
        kind = match.lastgroup or ""
        if kind != "space":
            found.append(_Token(kind, match.group(), match.start(), match.end()))
        position = match.end()
    return found


@dataclass(frozen=True)
class _Derivation:
    subject: str  # the INSERT template's variables
    object: str
    body: str  # the WHERE group, its prefixed names written out as IRIs

    def binds(self, variable: str) -> bool:
        """Whether the WHERE group assigns ``variable`` with ``BIND(... AS variable)``."""
        tokens = _tokens(self.body)
        return any(
            a.keyword == "AS" and b.kind == "var" and "?" + b.text[1:] == variable
            for a, b in itertools.pairwise(tokens)
        )

    def path(self) -> str | None:
        """The property path when the WHERE group is one path from the subject to the object
        and nothing else (``{ ?s A|^B ?o }``): the derived predicate may then stand inside
        another path, written as that path."""
        tokens = [token for token in _tokens(self.body) if token.kind != "space"]
        if tokens and tokens[-2].text == ".":
            del tokens[-2]
        if len(tokens) < 5 or [t.text for t in (tokens[0], tokens[-1])] != ["{", "}"]:
            return None
        subject, path, obj = tokens[1], tokens[2:-2], tokens[-2]
        if (subject.text, obj.text) != (self.subject, self.object):
            return None
        if any(t.kind not in {"iri", "punct"} or t.text in {"{", "}", ".", ";", ","} for t in path):
            return None
        return self.body[path[0].start : path[-1].end]


class InlineData:
    """The additions of one validation run, ready to be written into queries.

    Args:
        added: the triples validation adds as they are (settings and reference data).
        derivations: SPARQL Update operations, each ``INSERT { ?s P ?o } WHERE { ... }``.

    Raises:
        UnsupportedShapes: an operation of another form.
    """

    def __init__(self, added: Graph, derivations: Iterable[str]) -> None:
        self._added: dict[URIRef, list[tuple[Node, Node]]] = {}
        for subject, predicate, obj in sorted(added):
            self._added.setdefault(predicate, []).append((subject, obj))  # type: ignore[arg-type]
        self._derived: dict[URIRef, list[_Derivation]] = {}
        for operation in derivations:
            predicate, derivation = _derivation(operation)
            self._derived.setdefault(predicate, []).append(derivation)
        self._fresh = itertools.count()

    def rewrite(self, query: str) -> str:
        """``query`` reading the store as the merged copy would read it (module docstring).

        Raises:
            UnsupportedShapes: a derived or added predicate where the rewrite cannot follow it.
        """
        return _Rewriter(self, _portable(query)).rewritten()

    # --- the replacement of one triple pattern ------------------------------------------------

    def as_path(self, predicate: URIRef) -> str | None:
        """The path ``predicate`` stands for inside another path, when validation derives it
        by one path alone (:meth:`_Derivation.path`) and adds no triple of it otherwise."""
        derivations = self._derived.get(predicate, [])
        if len(derivations) != 1 or predicate in self._added:
            return None
        return derivations[0].path()

    def reads(self, predicate: URIRef) -> bool:
        """Whether validation adds triples with ``predicate`` (rdf:type aside)."""
        return predicate in self._derived or (predicate in self._added and predicate != RDF.type)

    def replacement(self, subject: _Term, predicate: URIRef, obj: _Term) -> str | None:
        """The group standing for ``subject predicate obj``, or None if nothing added matches."""
        stated = f"{subject.text} <{predicate}> {obj.text}"
        others = [self._derived_pattern(d, subject, obj) for d in self._derived.get(predicate, [])]
        values = self._values(predicate, subject, obj)
        if values is not None:
            others.append(values)
        if not others:
            return None
        guarded = [f"{{ {other} FILTER NOT EXISTS {{ {stated} }} }}" for other in others]
        return "{ { " + stated + " } UNION " + " UNION ".join(guarded) + " }"

    def alternatives(
        self, subject: _Term, predicate: URIRef, obj: _Term
    ) -> list[_Alternative] | None:
        """What ``EXISTS { subject predicate obj }`` stands for, one alternative at a time (the
        stated triples, each derivation, the added triples), or None if nothing added matches
        or the added triples cannot be written as an expression (two variables)."""
        derived = [
            _Alternative(self._derived_pattern(d, subject, obj, in_exists=True))
            for d in self._derived.get(predicate, [])
        ]
        rows = self._rows(predicate, subject, obj)
        if not derived and not rows:
            return None
        found = [_Alternative(f"{subject.text} <{predicate}> {obj.text}"), *derived]
        if rows:
            columns = [term for term in (subject, obj) if term.kind == "var"]
            if len(columns) > 1:
                return None
            if not columns:
                found.append(_Alternative("", "true", "false"))
            else:
                name = columns[0].text
                terms = [_n3(row[0] if columns[0] is subject else row[1]) for row in rows]
                lists = [  # Virtuoso 7 takes a few thousand arguments at most
                    ", ".join(terms[start : start + _IN_LIST])
                    for start in range(0, len(terms), _IN_LIST)
                ]
                inside = " || ".join(f"{name} IN ({listed})" for listed in lists)
                outside = " && ".join(f"{name} NOT IN ({listed})" for listed in lists)
                found.append(
                    _Alternative(
                        "", f"(!BOUND({name}) || {inside})", f"(BOUND({name}) && {outside})"
                    )
                )
        return found

    def _derived_pattern(
        self, derivation: _Derivation, subject: _Term, obj: _Term, *, in_exists: bool = False
    ) -> str:
        number = next(self._fresh)
        renamed: dict[str, str] = {}
        filters = []
        for variable, term in ((derivation.subject, subject), (derivation.object, obj)):
            if term.kind == "var" and not (in_exists and derivation.binds(variable)):
                renamed[variable] = term.text
            elif term.kind == "var":
                # Inside EXISTS, a BIND to a variable bound outside is a compiler error in
                # Virtuoso 7: the BIND gets a variable of its own, compared with the outer one.
                renamed[variable] = f"?_inline{number}_{variable[1:]}"
                filters.append(
                    f"FILTER(!BOUND({term.text}) || sameTerm({renamed[variable]}, {term.text}))"
                )
            else:
                renamed[variable] = f"?_inline{number}_{variable[1:]}"
                filters.append(f"FILTER(sameTerm({renamed[variable]}, {term.text}))")
        body = derivation.body
        pieces, last = [], 0
        for token in _tokens(body):
            if token.kind == "var":
                name = "?" + token.text[1:]
                pieces += [
                    body[last : token.start],
                    renamed.get(name, f"?_inline{number}_{name[1:]}"),
                ]
                last = token.end
        pieces.append(body[last:])
        return "".join(pieces) + " " + " ".join(filters)

    def _rows(self, predicate: URIRef, subject: _Term, obj: _Term) -> list[tuple[Node, Node]]:
        return [
            (s, o)
            for s, o in self._added.get(predicate, [])
            if subject.matches(s) and obj.matches(o)
        ]

    def _values(self, predicate: URIRef, subject: _Term, obj: _Term) -> str | None:
        rows = self._rows(predicate, subject, obj)
        if not rows:
            return None
        columns = [i for i, term in enumerate((subject, obj)) if term.kind == "var"]
        if not columns:
            return "{ }"
        if len(columns) == 2 and subject.text == obj.text:
            raise UnsupportedShapes(f"{subject.text} <{predicate}> {obj.text}: one variable twice")
        names = " ".join((subject, obj)[i].text for i in columns)
        lines = " ".join("(" + " ".join(_n3(row[i]) for i in columns) + ")" for row in rows)
        return f"VALUES ({names}) {{ {lines} }}"


def _portable(query: str) -> str:
    """``query`` as stores other than Oxigraph read it the same: every ``$name`` written
    ``?name`` (the same variable in SPARQL, but Virtuoso takes ``$name`` for an outside
    parameter where it is joined into a group), and NUL in a string written as the regex escape
    ``\\x00`` (Virtuoso's regex ends at a NUL; the rules hold one only in REGEX patterns)."""
    pieces, last = [], 0
    for token in _tokens(query):
        if token.kind == "var" and token.text.startswith("$"):
            pieces += [query[last : token.start], "?" + token.text[1:]]
            last = token.end
        elif token.kind == "string" and "\\u0000" in token.text:
            pieces += [query[last : token.start], token.text.replace("\\u0000", "\\\\x00")]
            last = token.end
    pieces.append(query[last:])
    return "".join(pieces)


def _n3(node: Node) -> str:
    """``node`` in SPARQL; a string literal without its datatype, as the data writes it (stores
    such as Virtuoso tell ``"x"`` from ``"x"^^xsd:string``)."""
    if isinstance(node, Literal) and node.datatype == XSD.string:
        return Literal(str(node)).n3()
    return node.n3()


@dataclass(frozen=True)
class _Term:
    """A subject or object of a triple pattern: its text and, for an IRI, the IRI."""

    kind: str  # "var", "iri" or "other"
    text: str
    iri: URIRef | None = None

    def matches(self, node: Node) -> bool:
        if self.kind == "var":
            return True
        if self.iri is None:
            raise UnsupportedShapes(f"{self.text}: a literal where added triples are read")
        return node == self.iri


@dataclass(frozen=True)
class _Alternative:
    """One way a triple pattern inside EXISTS may match: a group to look for, or (for added
    triples) an expression, with its negation."""

    group: str
    expression: str = ""
    negation: str = ""

    def exists(self, negated: bool) -> str:
        if self.group:
            return f"{'NOT ' if negated else ''}EXISTS {{ {self.group} }}"
        return self.negation if negated else self.expression


_INSERT = re.compile(
    r"^\s*INSERT\s*\{\s*(?P<s>\?\w+)\s+(?P<p>\S+)\s+(?P<o>\?\w+)\s*\.?\s*\}\s*WHERE\s*"
    r"(?P<body>\{[\s\S]*\})\s*$",
    re.IGNORECASE,
)


def predicate_derived_by_one_path(operation: str) -> URIRef | None:
    """The predicate the derivation ``operation`` inserts when it follows one path alone
    (:meth:`_Derivation.path`), so that the rewrite can write it into any query, inside property
    paths too; else None."""
    predicate, derivation = _derivation(operation)
    return predicate if derivation.path() is not None else None


def _derivation(operation: str) -> tuple[URIRef, _Derivation]:
    tokens = _tokens(operation)
    prefixes, first = _prologue(tokens)
    text = operation[tokens[first].start :] if first < len(tokens) else ""
    match = _INSERT.match(text)
    if match is None:
        raise UnsupportedShapes(
            f"a derivation must be INSERT {{ ?s P ?o }} WHERE {{ ... }}: {text.strip()[:80]}"
        )
    predicate = _iri(_tokens(match["p"])[0], prefixes)
    body, last, pieces = match["body"], 0, []
    for token in _tokens(body):
        if token.kind == "pname" or (token.kind == "word" and token.text == "a"):
            pieces += [body[last : token.start], f"<{_iri(token, prefixes)}>"]
            last = token.end
    pieces.append(body[last:])
    return predicate, _Derivation(match["s"], match["o"], "".join(pieces))


def _prologue(tokens: list[_Token]) -> tuple[dict[str, str], int]:
    """The PREFIX declarations at the start, and the index of the first token after them."""
    prefixes: dict[str, str] = {}
    index = 0
    while index < len(tokens) and tokens[index].keyword in {"PREFIX", "BASE"}:
        if tokens[index].keyword == "PREFIX":
            prefixes[tokens[index + 1].text[:-1]] = tokens[index + 2].text[1:-1]
            index += 3
        else:
            index += 2
    return prefixes, index


def _iri(token: _Token, prefixes: dict[str, str]) -> URIRef:
    if token.kind == "iri":
        return URIRef(token.text[1:-1])
    if token.kind == "word" and token.text == "a":
        return RDF.type
    prefix, _, local = token.text.partition(":")
    if token.kind != "pname" or prefix not in prefixes:
        raise UnsupportedShapes(f"{token.text}: not an IRI with a declared prefix")
    return URIRef(prefixes[prefix] + local)


class _Rewriter:
    """One pass over a query: its groups, the triple patterns in them, and their replacements."""

    def __init__(self, inline: InlineData, query: str) -> None:
        self.inline, self.query = inline, query
        self.tokens = _tokens(query)
        self.prefixes, self.index = _prologue(self.tokens)
        self.replacements: list[tuple[int, int, str]] = []
        # The replaced statements of one triple pattern, by their span: what each stands for
        # inside EXISTS, one alternative at a time (:meth:`_exists`).
        self.alternatives: dict[tuple[int, int], list[_Alternative]] = {}

    def rewritten(self) -> str:
        self._select()
        pieces, last = [], 0
        for start, end, text in self.replacements:
            pieces += [self.query[last:start], text]
            last = end
        pieces.append(self.query[last:])
        return "".join(pieces)

    def _peek(self) -> _Token:
        if self.index >= len(self.tokens):
            raise UnsupportedShapes(f"unexpected end of query: {self.query.strip()[:80]}")
        return self.tokens[self.index]

    def _next(self) -> _Token:
        token = self._peek()
        self.index += 1
        return token

    def _select(self) -> None:
        """A SELECT: its projection, its WHERE group, then modifiers up to a closing brace."""
        while self._peek().text != "{":
            self._skip_parentheses() if self._peek().text == "(" else self._next()
        self._group()
        while self.index < len(self.tokens) and self._peek().text != "}":
            self._skip_parentheses() if self._peek().text == "(" else self._next()

    def _group(self) -> None:
        self._next()  # {
        while (token := self._peek()).text != "}":
            keyword = token.keyword
            if token.text == "{":
                self._group()
            elif token.text == "." or keyword in _GROUP_KEYWORDS:
                self._next()
            elif keyword == "SELECT":
                self._select()
            elif keyword in {"FILTER", "BIND"}:
                self._next()
                self._constraint()
            elif keyword == "VALUES":
                while self._next().text != "{":
                    pass
                while self._next().text != "}":
                    pass
            elif keyword in {"GRAPH", "SERVICE"}:
                raise UnsupportedShapes(f"{keyword} inside a rule is not supported remotely")
            else:
                self._triples()
        self._next()  # }

    def _constraint(self) -> None:
        """A FILTER's or BIND's expression; the groups of EXISTS in it are groups too."""
        first = self._peek()
        if first.keyword == "NOT":
            self._next()
        if self._peek().keyword == "EXISTS":
            self._next()
            self._exists(first)
            return
        if self._peek().text != "(":
            self._next()  # a function's name
        self._skip_parentheses()

    def _exists(self, first: _Token) -> None:
        """The group of ``[NOT] EXISTS`` (``first`` its first token). When the group is one
        replaced triple pattern, the expression becomes one EXISTS per alternative, joined by
        ``||`` (``&&`` for NOT EXISTS), an added triple's alternative written as an ``IN``
        expression: Virtuoso 7 evaluates a UNION inside EXISTS without the outer variables,
        and VALUES inside EXISTS is a compiler error there. Inside EXISTS the guard against
        counting a triple twice is not needed either."""
        opening, before = self.index, len(self.replacements)
        self._group()
        closing = self.index - 1
        inner = self.replacements[before:]
        if len(inner) != 1:
            return
        start, end, _ = inner[0]
        alternatives = self.alternatives.get((start, end))
        last = closing - 1 if self.tokens[closing - 1].text == "." else closing
        if (
            alternatives is None
            or start != self.tokens[opening + 1].start
            or end != self.tokens[last - 1].end
        ):
            return
        negated = first.keyword == "NOT"
        joined = (" && " if negated else " || ").join(a.exists(negated) for a in alternatives)
        self.replacements[before:] = [(first.start, self.tokens[closing].end, f"({joined})")]

    def _skip_parentheses(self) -> None:
        depth = 0
        while True:
            token = self._peek()
            if token.text == "{":
                self._group()
                continue
            if token.keyword == "EXISTS":
                previous = self.tokens[self.index - 1]
                self._next()
                self._exists(previous if previous.keyword == "NOT" else token)
                continue
            self._next()
            depth += {"(": 1, ")": -1}.get(token.text, 0)
            if depth == 0:
                return

    def _triples(self) -> None:
        """Triple patterns sharing one subject (``S P O, O2 ; P2 O3``), replaced when one of
        them reads what validation adds."""
        first = self._peek()
        subject = self._term()
        pairs: list[tuple[list[_Token], list[_Term]]] = []
        while True:
            path = self._path()
            objects = [self._term()]
            while self._peek().text == ",":
                self._next()
                objects.append(self._term())
            pairs.append((path, objects))
            if self._peek().text != ";":
                break
            self._next()
            if self._peek().text in {".", "}"}:
                break
        end = self.tokens[self.index - 1].end
        parts: list[str] = []
        replaced_parts: list[tuple[int, list[_Alternative] | None]] = []
        for path, objects in pairs:
            path_text = self.query[path[0].start : path[-1].end]
            for obj in objects:
                replaced = self._replaced(subject, path, obj)
                if replaced is not None:
                    replaced_parts.append((len(parts), self._alternatives(subject, path, obj)))
                parts.append(replaced or f"{subject.text} {path_text} {obj.text}")
        if not replaced_parts:
            return
        self.replacements.append((first.start, end, " . ".join(parts)))
        if len(replaced_parts) == 1 and replaced_parts[0][1] is not None:
            position, alternatives = replaced_parts[0]
            if len(parts) == 1 or all(a.group for a in alternatives):
                self.alternatives[(first.start, end)] = [
                    _Alternative(" . ".join([*parts[:position], a.group, *parts[position + 1 :]]))
                    if a.group
                    else a
                    for a in alternatives
                ]

    def _alternatives(
        self, subject: _Term, path: list[_Token], obj: _Term
    ) -> list[_Alternative] | None:
        """What one replaced triple pattern stands for inside EXISTS (:meth:`_exists`), or None
        where it cannot be written so (a longer property path)."""
        alternatives = path[::2]
        if not all(t.text == "|" for t in path[1::2]) or not all(
            t.kind in {"iri", "pname"} or t.text == "a" for t in alternatives
        ):
            return None
        found: list[_Alternative] = []
        for token in alternatives:
            each = self.inline.alternatives(subject, _iri(token, self.prefixes), obj)
            if each is None and self.inline.reads(_iri(token, self.prefixes)):
                return None  # added triples of two variables: the UNION stays
            found += each or [_Alternative(f"{subject.text} {token.text} {obj.text}")]
        return found

    def _replaced(self, subject: _Term, path: list[_Token], obj: _Term) -> str | None:
        """The group standing for one triple pattern, or None to keep it as it is."""
        if path[0].kind == "var":
            return None
        alternatives = path[::2]
        simple = all(t.text == "|" for t in path[1::2]) and all(
            t.kind in {"iri", "pname"} or t.text == "a" for t in alternatives
        )
        if not simple:
            written_out = self._derived_paths_written_out(path)
            if written_out is not None:
                return f"{subject.text} {written_out} {obj.text}"
            return self._without_zero_length(subject, path, obj)
        replaced = [
            self.inline.replacement(subject, _iri(token, self.prefixes), obj)
            for token in alternatives
        ]
        if all(group is None for group in replaced):
            return None
        branches = [
            group or f"{{ {subject.text} {token.text} {obj.text} }}"
            for token, group in zip(alternatives, replaced, strict=True)
        ]
        return "{ " + " UNION ".join(branches) + " }"

    def _derived_paths_written_out(self, path: list[_Token]) -> str | None:
        """``path`` with each derived predicate P in it written ``(P|PATH)``, PATH being the
        path P's derivation follows, or None when it holds none.

        Raises:
            UnsupportedShapes: a predicate validation adds that no path stands for.
        """
        pieces, last, changed = [], path[0].start, False
        for token in path:
            if token.kind not in {"iri", "pname"}:
                continue
            predicate = _iri(token, self.prefixes)
            if not self.inline.reads(predicate):
                continue
            written = self.inline.as_path(predicate)
            if written is None:
                raise UnsupportedShapes(
                    f"{token.text} inside the property path "
                    f"{self.query[path[0].start : path[-1].end]} cannot be read remotely"
                )
            # The stated triples too: the data may hold the derived predicate itself.
            pieces += [self.query[last : token.start], f"(<{predicate}>|{written})"]
            last, changed = token.end, True
        pieces.append(self.query[last : path[-1].end])
        return "".join(pieces) if changed else None

    def _without_zero_length(self, subject: _Term, path: list[_Token], obj: _Term) -> str | None:
        """``S A/B* O`` as ``{ S A O } UNION { S A/B+ O }``, the same solutions: Virtuoso 7
        finds no zero-length step of ``B*`` after another step when O is a constant."""
        if len(path) < 4 or path[-1].text != "*" or path[-3].text != "/":
            return None
        if any(token.text in {"(", ")", "|", "^", "!", "*", "+", "?"} for token in path[:-1]):
            return None
        text = self.query
        shorter = text[path[0].start : path[-4].end]
        longer = text[path[0].start : path[-2].end] + "+"
        return (
            f"{{ {{ {subject.text} {shorter} {obj.text} }} UNION "
            f"{{ {subject.text} {longer} {obj.text} }} }}"
        )

    def _path(self) -> list[_Token]:
        if self._peek().kind == "var":
            return [self._next()]
        path = []
        while True:
            while self._peek().text in {"^", "!"}:
                path.append(self._next())
            if self._peek().text == "(":
                start = self.index
                self._skip_parentheses()
                path += self.tokens[start : self.index]
            else:
                path.append(self._next())
            if self._peek().text in {"*", "+", "?"}:
                path.append(self._next())
            if self._peek().text not in {"|", "/"}:
                return path
            path.append(self._next())

    def _term(self) -> _Term:
        token = self._next()
        if token.kind not in _TERM_KINDS:
            raise UnsupportedShapes(f"{token.text!r} where a term was expected (remote rewrite)")
        if token.kind == "var":
            return _Term("var", "?" + token.text[1:])
        if token.kind in {"iri", "pname"}:
            iri = _iri(token, self.prefixes)
            return _Term("iri", f"<{iri}>", iri)
        text = token.text
        if token.kind == "string" and self.index < len(self.tokens):
            if self._peek().kind == "lang":
                text += self._next().text
            elif self._peek().text == "^^":
                self._next()
                text += "^^" + f"<{_iri(self._next(), self.prefixes)}>"
        return _Term("other", text)
