# Validation-only derivations: the validator runs this SPARQL Update on its own copy of the data,
# after adding the settings and reference data, and before any shape is evaluated. The user's
# data is never modified. Another SHACL engine reaches bpo-kb's verdict by running it first too.
#
# SKOS-XL labels (AGROVOC, EuroVoc and others publish their terms as skosxl:Label resources) are
# checked as the SKOS labels they entail: by SKOS-XL S55-S57, a skosxl:prefLabel whose
# skosxl:literalForm is L makes L a skos:prefLabel, and so for altLabel and hiddenLabel.
#
# Label keys (lower case, with the language tag) let the rules about labels shared by two
# concepts join on one indexed value instead of comparing every pair of labels; they read the
# SKOS-XL labels too, as the operations do not see each other's additions.
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
;
INSERT { ?resource skos:prefLabel ?label }
WHERE { ?resource skosxl:prefLabel/skosxl:literalForm ?label }
;
INSERT { ?resource skos:altLabel ?label }
WHERE { ?resource skosxl:altLabel/skosxl:literalForm ?label }
;
INSERT { ?resource skos:hiddenLabel ?label }
WHERE { ?resource skosxl:hiddenLabel/skosxl:literalForm ?label }
