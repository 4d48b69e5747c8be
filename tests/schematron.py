"""A small ISO Schematron runner for the tests: XPath 2.0 asserts evaluated by elementpath.

lxml's own Schematron support is XSLT 1.0 only and refuses the TBX-Basic rules (they use
matches() and other XPath 2.0 functions). This runner covers what that schema uses: patterns of
rules with a context and asserts; in each pattern a node is checked by the first rule whose
context it matches, as Schematron specifies.
"""

from __future__ import annotations

from pathlib import Path

import elementpath
from lxml import etree

SCH = "{http://purl.oclc.org/dsdl/schematron}"


def schematron_failures(schema: Path, document: Path) -> list[str]:
    """The text of every failed assert, with the context it failed on."""
    schema_tree = etree.parse(str(schema))
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in schema_tree.iter(f"{SCH}ns")}
    parser = elementpath.XPath2Parser(namespaces=namespaces)
    # elementpath wraps the document in a tree of XPath nodes; made once and shared by every
    # context (a context made from the lxml tree would wrap it again for each assert).
    document_node = elementpath.XPathContext(etree.parse(str(document))).root
    failures = []
    for pattern in schema_tree.iter(f"{SCH}pattern"):
        checked: set[int] = set()
        for rule in pattern.iter(f"{SCH}rule"):
            context = parser.parse("//" + rule.get("context"))
            assertions = [
                (parser.parse(assertion.get("test")), assertion.text)
                for assertion in rule.iter(f"{SCH}assert")
            ]
            for node in context.select(elementpath.XPathContext(document_node)):
                key = hash(
                    (
                        getattr(node, "elem", None),
                        getattr(node, "name", None),
                        id(getattr(node, "parent", None)),
                    )
                )
                if key in checked:
                    continue
                checked.add(key)
                for test, text in assertions:
                    item_context = elementpath.XPathContext(document_node, item=node)
                    if not test.boolean_value(test.evaluate(item_context)):
                        failures.append(f"{rule.get('context')}: {text} ({node})")
    return failures
