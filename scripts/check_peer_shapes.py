"""Check the exported Turtle against two published SKOS shapes (SkoHub Vocabs, VocPub multilang).

Usage: python scripts/check_peer_shapes.py [EXPORT.ttl]

The shapes are third-party material read from ../shared/peer/shapes/ (never copied into this
repository). Prints one line per shape with its verdict and each violation; exits 0 when no
shape reports a violation, 1 when one does, 2 when the shapes folder is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH

REPO_ROOT = Path(__file__).resolve().parent.parent
PEER_SHAPES = REPO_ROOT.parent / "shared" / "peer" / "shapes"
SHAPE_FILES = ("skohub.shacl.ttl", "vocpub.multilang.ttl")


def check(export: Path) -> int:
    if not PEER_SHAPES.is_dir():
        print(f"cannot check: {PEER_SHAPES} is absent (it comes with the shared/ folder)")
        return 2
    data = Graph(store="Oxigraph").parse(export, format="turtle")
    failed = False
    for name in SHAPE_FILES:
        shapes = Graph().parse(PEER_SHAPES / name, format="turtle")
        _, results, _ = pyshacl.validate(data, shacl_graph=shapes, allow_warnings=True)
        rows = sorted(
            (
                str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
                str(results.value(r, SH.focusNode)),
                str(results.value(r, SH.resultMessage)),
            )
            for r in results.subjects(RDF.type, SH.ValidationResult)
        )
        violations = [row for row in rows if row[0] == "Violation"]
        failed = failed or bool(violations)
        print(f"{name}: {len(violations)} violation(s), {len(rows) - len(violations)} other")
        for severity, focus, message in rows:
            print(f"  {severity} <{focus}>: {message}")
    return 1 if failed else 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO_ROOT / "exports/bpo-glossary.ttl"
    sys.exit(check(target))
