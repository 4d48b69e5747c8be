# Validation-only derivations: the validator runs this SPARQL Update (and skos-xl.ru) on its own
# copy of the data, after adding the settings and reference data, and before any shape is
# evaluated. The user's data is never modified. Another SHACL engine reaches bpo-kb's verdict by
# running both files first too.
#
# Label keys (lower case, with the language tag) let the rules about labels shared by two
# concepts join on one indexed value instead of comparing every pair of labels. They read the
# SKOS-XL labels too: the validator runs skos-xl.ru beside this file, not before it.
#
# Hierarchy links gather the properties a walk up the hierarchy follows under one property, so
# that each step of a path closure reads one index instead of four or six (the closures of
# HIERARCHY_CYCLE, S27 and HIERARCHICAL_REDUNDANCY took 3 to 4 times as long on STW without).
# Rules take a single step by the SKOS properties themselves: joined on a derived link, Oxigraph
# started from the wrong end (RELATED_SIBLINGS three times slower).
#
# The operations share the prefixes declared first, and each reads only the data, never what
# another one adds; they are separated by a line holding only ";", so the validator can run
# them concurrently (the whole file is still one SPARQL Update for any other engine).

PREFIX bpov: <https://w3id.org/bpo-kb/validation#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX skosxl: <http://www.w3.org/2008/05/skos-xl#>

INSERT { ?narrower bpov:broaderLink ?broader }
WHERE { ?narrower skos:broader|^skos:narrower ?broader }
;
INSERT { ?narrower bpov:hierarchyLink ?broader }
WHERE {
    ?narrower skos:broader|^skos:narrower|skos:broaderTransitive|^skos:narrowerTransitive ?broader
}
;
INSERT { ?narrower bpov:hierarchyOrMatchLink ?broader }
WHERE {
    ?narrower skos:broader|^skos:narrower|skos:broaderTransitive|^skos:narrowerTransitive
        |skos:broadMatch|^skos:narrowMatch ?broader
}
;
INSERT { ?resource bpov:prefLabelKey ?key }
WHERE {
    { ?resource skos:prefLabel ?label } UNION { ?resource skosxl:prefLabel/skosxl:literalForm ?label }
    FILTER(ISLITERAL(?label))
    BIND(CONCAT(LCASE(STR(?label)), "@", LCASE(LANG(?label))) AS ?key)
}
;
INSERT { ?resource bpov:altLabelKey ?key }
WHERE {
    { ?resource skos:altLabel ?label } UNION { ?resource skosxl:altLabel/skosxl:literalForm ?label }
    FILTER(ISLITERAL(?label))
    BIND(CONCAT(LCASE(STR(?label)), "@", LCASE(LANG(?label))) AS ?key)
}
