"""Run bpo-kb on the qSKOS test fixtures and print qSKOS's expected count beside ours.

Usage: python scripts/qskos_conformance.py

Reads ../shared/peer/qskos/ (the 36 fixtures of qSKOS, the reference SKOS quality checker, and
FIXTURES.md, the counts its JUnit tests assert); says so and exits 2 when it is absent. For each
assertion whose quality issue has a bpo-kb counterpart, the fixture is validated with the skos
profile and our findings are counted in qSKOS's unit (resources, pairs, terms, cycles). qSKOS
evaluates with SKOS RDFS inference, so the fixture is first closed under the SKOS axioms shipped
with the fixtures (peer/qskos/skos-rdfs-axioms.ttl), as qSKOS's own test harness does. The README
explains every difference. Exits 0 always: the table is the result.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from bpo_kb.rdf.read import read_graph
from bpo_kb.rdf.stores import new_graph
from bpo_kb.rules.validation import Finding, validate_graph

QSKOS = Path(__file__).resolve().parent.parent.parent / "shared" / "peer" / "qskos"
Count = Callable[[list[Finding], Graph], object]


def _resources(code: str) -> Count:
    return lambda findings, _: len({f.focus for f in findings if f.code == code})


def _findings(code: str) -> Count:
    return lambda findings, _: sum(1 for f in findings if f.code == code)


def _pairs(code: str) -> Count:
    """Unordered {focus, value} pairs, the value being the first <IRI> in the message."""

    def count(findings: list[Finding], _: Graph) -> int:
        pairs = set()
        for finding in findings:
            if finding.code == code:
                match = re.search(r"<([^>]+)>", finding.message)
                pairs.add(frozenset((finding.focus, match.group(1) if match else "")))
        return len(pairs)

    return count


def _terms(code: str) -> Count:
    def count(findings: list[Finding], _: Graph) -> int:
        return len(
            {re.search(r"<([^>]+)>", f.message).group(1) for f in findings if f.code == code}
        )

    return count


def _cycles(findings: list[Finding], graph: Graph) -> int:
    """Groups of concepts in cycles, joined by broader/narrower links (qSKOS counts cycles)."""
    in_cycle = {f.focus for f in findings if f.code == "HIERARCHY_CYCLE"}
    groups: list[set[str]] = []
    for concept in sorted(in_cycle):
        linked = {
            str(o)
            for p in ("broader", "narrower")
            for o in graph.objects(
                URIRef(concept), URIRef(f"http://www.w3.org/2004/02/skos/core#{p}")
            )
        }
        linked |= {
            str(s)
            for p in ("broader", "narrower")
            for s in graph.subjects(
                URIRef(f"http://www.w3.org/2004/02/skos/core#{p}"), URIRef(concept)
            )
        }
        touching = [g for g in groups if g & (linked | {concept})]
        merged = set().union(*touching, {concept}) if touching else {concept}
        groups = [g for g in groups if g not in touching] + [merged]
    return len(groups)


def _self_relations(findings: list[Finding], graph: Graph) -> int:
    """Concepts related to themselves: by a non-hierarchical link, or broader than themselves."""
    related = {f.focus for f in findings if f.code == "RELATED_TO_ITSELF"}
    looped = {
        f.focus
        for f in findings
        if f.code == "HIERARCHY_CYCLE"
        and any(s == o for s, _, o in graph.triples((URIRef(f.focus), None, URIRef(f.focus))))
    }
    return len(related | looped)


def _members(code: str) -> Count:
    """The local names of the flagged resources, for qSKOS's "X in, Y out" assertions."""
    return lambda findings, _: sorted(
        {re.split(r"[/#]", f.focus)[-1].removeprefix("concept") for f in findings if f.code == code}
    )


@dataclass(frozen=True)
class Counterpart:
    codes: str
    count: Count


COUNTERPARTS: dict[str, Counterpart] = {
    "el": Counterpart("LABEL_EMPTY", _resources("LABEL_EMPTY")),
    "ml": Counterpart(
        "PREFLABEL_MISSING + SCHEME_NO_TITLE",
        lambda f, g: _resources("PREFLABEL_MISSING")(f, g) + _resources("SCHEME_NO_TITLE")(f, g),
    ),
    "chr": Counterpart("HIERARCHY_CYCLE", _cycles),
    "hr": Counterpart("HIERARCHICAL_REDUNDANCY", _findings("HIERARCHICAL_REDUNDANCY")),
    "husv": Counterpart("NON_HTTP_IRI", _resources("NON_HTTP_IRI")),
    "ipl": Counterpart("S14", _members("S14")),
    "dlv": Counterpart("S13", _members("S13")),
    "mc": Counterpart("S46", _pairs("S46")),
    "mri": Counterpart("MAPPING_INSIDE_SCHEME", _pairs("MAPPING_INSIDE_SCHEME")),
    "oilt": Counterpart(
        "LANG_TAG_MISSING + LANG_TAG_INVALID",
        lambda f, g: _resources("LANG_TAG_MISSING")(f, g) + _resources("LANG_TAG_INVALID")(f, g),
    ),
    "oc": Counterpart("ORPHAN_CONCEPT", _resources("ORPHAN_CONCEPT")),
    "ol": Counterpart(
        "PREFLABEL_SHARED + ALTLABEL_SHARED",
        lambda f, g: _pairs("PREFLABEL_SHARED")(f, g) + _pairs("ALTLABEL_SHARED")(f, g),
    ),
    "otc": Counterpart("SCHEME_NO_TOP_CONCEPT", _resources("SCHEME_NO_TOP_CONCEPT")),
    "rc": Counterpart("S27", _pairs("S27")),
    "rrc": Counterpart("RELATED_TO_ITSELF + HIERARCHY_CYCLE of one", _self_relations),
    "tchbc": Counterpart("TOP_CONCEPT_HAS_BROADER", _resources("TOP_CONCEPT_HAS_BROADER")),
    "usr": Counterpart("UNDEFINED_SKOS_TERM", _terms("UNDEFINED_SKOS_TERM")),
    "urc": Counterpart("INVERSE_NOT_STATED", _pairs("INVERSE_NOT_STATED")),
    "ucil": Counterpart("LABEL_CONTROL_CHAR", _findings("LABEL_CONTROL_CHAR")),
    "var": Counterpart("RELATED_SIBLINGS", _pairs("RELATED_SIBLINGS")),
    "anr": Counterpart("NOTATION_SHARED", _pairs("NOTATION_SHARED")),
}


def expected_counts() -> list[tuple[str, str, str, str]]:
    """(fixture, issue, JUnit test, expected) rows of FIXTURES.md's main table."""
    rows = []
    for line in (QSKOS / "FIXTURES.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0].endswith(".rdf"):
            rows.append((cells[0], cells[1], cells[2], cells[3]))
    return rows


def with_skos_entailments(graph: Graph) -> Graph:
    """``graph`` closed under RDFS sub-property, domain and range entailment, with the SKOS
    axioms added to the data's own schema statements, as qSKOS's RDFS inferencer computes."""
    schema = Graph().parse(QSKOS / "skos-rdfs-axioms.ttl", format="turtle")
    schema += graph.triples((None, RDFS.subPropertyOf, None))
    super_properties = _transitive_closure(schema, RDFS.subPropertyOf)
    closed = new_graph()
    closed += graph
    while True:
        before = len(closed)
        for subject, predicate, obj in list(closed):
            for super_property in super_properties.get(predicate, ()):
                closed.add((subject, super_property, obj))
            for domain in schema.objects(predicate, RDFS.domain):
                closed.add((subject, RDF.type, domain))
            if isinstance(obj, URIRef):
                for range_ in schema.objects(predicate, RDFS.range):
                    closed.add((obj, RDF.type, range_))
        if len(closed) == before:
            return closed


def _transitive_closure(schema: Graph, predicate: URIRef) -> dict[URIRef, set[URIRef]]:
    direct: dict[URIRef, set[URIRef]] = {}
    for sub, sup in schema.subject_objects(predicate):
        direct.setdefault(sub, set()).add(sup)
    closure = {}
    for start, targets in direct.items():
        seen: set[URIRef] = set()
        todo = list(targets)
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(direct.get(current, ()))
        closure[start] = seen
    return closure


def main() -> int:
    if not (QSKOS / "FIXTURES.md").is_file():
        print(f"cannot compare: {QSKOS} is absent (it comes with the shared/ folder)")
        return 2
    print(f"{'fixture':<40} {'qSKOS':<6} {'bpo-kb rule':<36} {'expected':>22} {'ours':>22}  agree")
    agreements = total = 0
    cache: dict[str, tuple[list[Finding], Graph]] = {}
    for fixture, issue, _test, expected in expected_counts():
        counterpart = COUNTERPARTS.get(issue)
        if counterpart is None:
            continue
        if fixture not in cache:
            graph = with_skos_entailments(read_graph([QSKOS / "fixtures" / fixture]))
            cache[fixture] = (validate_graph(graph, profile="skos").findings, graph)
        findings, graph = cache[fixture]
        ours = counterpart.count(findings, graph)
        agree = _agrees(expected, ours)
        total += 1
        agreements += agree
        print(
            f"{fixture:<40} {issue:<6} {counterpart.codes:<36} {expected:>22} {str(ours):>22}  "
            f"{'yes' if agree else 'NO'}"
        )
    print(f"\n{agreements}/{total} assertions with a bpo-kb counterpart agree")
    return 0


def _agrees(expected: str, ours: object) -> bool:
    if isinstance(ours, list):  # "A,A2 in; B,C out"
        inside, _, outside = expected.partition(";")
        wanted = re.findall(r"\w+", inside.replace(" in", ""))
        unwanted = re.findall(r"\w+", outside.replace(" out", "").replace(" not", ""))
        return set(wanted) <= set(ours) and not set(unwanted) & set(ours)
    numbers = re.findall(r"\d+", expected)
    return bool(numbers) and int(numbers[0]) == ours


if __name__ == "__main__":
    sys.exit(main())
