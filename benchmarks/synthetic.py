"""Deterministic synthetic SKOS vocabularies of any size, with a known set of planted defects.

Each concept has French and English preferred and alternative terms and definitions, a place in
a hierarchy of fan-out 10 (both directions stated), related links between cousins, a mapping,
a source: about 12 triples a concept, so 100,000 concepts give about 1.2 million triples. The
``clean`` variant passes the bpo profile (for build); the ``defects`` variant plants one defect
per rule listed in :data:`PLANTED`, at fixed concepts, whatever the size.
"""

from __future__ import annotations

import sys
from pathlib import Path

BASE = "http://example.org/synthetic/"

# Rule code -> concept number carrying the planted defect (all sizes have concepts 0..99).
PLANTED = {
    "S13": 11,
    "S14": 7,
    "S27": 50,
    "HIERARCHY_CYCLE": 21,
    "PREFLABEL_LANG_MISSING": 30,
    "DEFINITION_LANG_MISSING": 31,
    "LABEL_PADDED": 40,
    "LANG_TAG_INVALID": 41,
    "UNDEFINED_SKOS_TERM": 60,
    "RELATION_TARGET_UNDESCRIBED": 70,
    "PREFLABEL_SHARED": 80,
}

HEADER = f"""@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix s: <{BASE}> .

s:scheme a skos:ConceptScheme ;
    skos:prefLabel "Vocabulaire synthétique"@fr , "Synthetic vocabulary"@en ;
    dct:title "Vocabulaire synthétique"@fr , "Synthetic vocabulary"@en ;
    skos:definition "Vocabulaire de test."@fr , "Test vocabulary."@en ;
    dct:description "Pour les mesures."@fr , "For benchmarks."@en ;
    skos:historyNote "Généré."@fr , "Generated."@en ;
    dct:created "2026-01-01"^^xsd:date ; dct:modified "2026-01-01"^^xsd:date ;
    dct:creator s:team ; dct:publisher s:team ;
    dct:license <https://creativecommons.org/licenses/by/4.0/> ;
    owl:versionInfo "1" ; dct:language "fr" , "en" ;
    skos:hasTopConcept s:c0 .

s:team a schema:Organization ; schema:name "Benchmarks" ;
    schema:url "http://example.org/"^^xsd:anyURI .
"""


def concept_block(number: int, size: int, defects: bool) -> str:
    """The Turtle of concept ``number`` in a vocabulary of ``size`` concepts."""
    parent = (number - 1) // 10
    children = [child for child in range(number * 10 + 1, number * 10 + 11) if child < size]
    planted = {code for code, at in PLANTED.items() if at == number} if defects else set()
    pref_fr = f"terme {number}"
    pref_en = f"term {number}"
    lines = [
        f"s:c{number} a skos:Concept ;",
        "    skos:inScheme s:scheme ;",
        "    rdfs:isDefinedBy s:scheme ;",
        "    dct:source s:book ;",
    ]
    if "PREFLABEL_LANG_MISSING" not in planted:
        lines.append(f'    skos:prefLabel "{pref_fr}"@fr ;')
    if "PREFLABEL_SHARED" in planted:
        pref_en = "term 81"
    lines.append(f'    skos:prefLabel "{pref_en}"@en ;')
    if "S14" in planted:
        lines.append(f'    skos:prefLabel "second term {number}"@en ;')
    lines.append(f'    skos:altLabel "variante {number}"@fr , "variant {number}"@en ;')
    if "S13" in planted:
        lines.append(f'    skos:altLabel "{pref_en}"@en ;')
    if "LABEL_PADDED" in planted:
        lines.append(f'    skos:altLabel " padded {number}"@en ;')
    if "LANG_TAG_INVALID" in planted:
        lines.append(f'    skos:altLabel "xx {number}"@xx ;')
    lines.append(f'    skos:definition "Définition du terme {number}."@fr ;')
    if "DEFINITION_LANG_MISSING" not in planted:
        lines.append(f'    skos:definition "Definition of term {number}."@en ;')
    if number == 0:
        lines.append("    skos:topConceptOf s:scheme ;")
    else:
        lines.append(f"    skos:broader s:c{parent} ;")
    if "HIERARCHY_CYCLE" in planted:
        lines.append(f"    skos:narrower s:c{parent} ;")  # the parent is also its child
    if children:
        lines.append("    skos:narrower " + " , ".join(f"s:c{c}" for c in children) + " ;")
    cousin = number + 10 if number % 10 == 3 and number + 10 < size else None
    partner = number - 10 if number % 10 == 3 and number >= 13 else None
    related = [f"s:c{n}" for n in (cousin, partner) if n is not None]
    if "S27" in planted:
        related.append(f"s:c{parent}")
    if "RELATION_TARGET_UNDESCRIBED" in planted:
        related.append("s:nowhere")
    if related:
        lines.append("    skos:related " + " , ".join(related) + " ;")
    if "UNDEFINED_SKOS_TERM" in planted:
        lines.append(f'    skos:scopenote "note {number}"@en ;')
    lines.append(f"    skos:closeMatch <http://example.net/other/{number}> .")
    return "\n".join(lines) + "\n"


def write_vocabulary(path: Path, size: int, *, defects: bool) -> Path:
    """Write a vocabulary of ``size`` concepts (at least 100) to ``path``."""
    if size < 100:
        raise ValueError("the planted defects need at least 100 concepts")
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for number in range(size):
            out.write("\n" + concept_block(number, size, defects))
    return path


if __name__ == "__main__":
    size, variant, target = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    write_vocabulary(target, size, defects=variant == "defects")
