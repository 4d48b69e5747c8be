# Validation-only derivations: the validator runs this SPARQL Update (and skos-xl.ru) on its own
# copy of the data, after adding the settings and reference data, and before any shape is
# evaluated. The user's data is never modified. Another SHACL engine reaches bpo-kb's verdict by
# running both files first too.
#
# Label keys (lower case, with the language tag) let the rules about labels shared by two
# concepts join on one indexed value instead of comparing every pair of labels. They read the
# SKOS-XL labels too: the validator runs skos-xl.ru beside this file, not before it.
#
# The operations share the prefixes declared first, and each reads only the data, never what
# another one adds; they are separated by a line holding only ";", so the validator can run
# them concurrently (the whole file is still one SPARQL Update for any other engine).

PREFIX bpov: <https://w3id.org/bpo-kb/validation#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX skosxl: <http://www.w3.org/2008/05/skos-xl#>

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
