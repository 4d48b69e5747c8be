# The SKOS labels that SKOS-XL labels entail (SKOS-XL S55-S57): a skosxl:prefLabel whose
# skosxl:literalForm is L makes L a skos:prefLabel, and so for altLabel and hiddenLabel.
# AGROVOC, EuroVoc and others publish their terms as skosxl:Label resources. The validator runs
# this on its copy of the data, so that every label rule applies to them; `bpo-kb import skos`
# runs it on the vocabulary it imports, so that its Turtle carries plain SKOS labels too.
#
# The operations are separated by a line holding only ";" and may run concurrently.

PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX skosxl: <http://www.w3.org/2008/05/skos-xl#>

INSERT { ?resource skos:prefLabel ?label }
WHERE { ?resource skosxl:prefLabel/skosxl:literalForm ?label }
;
INSERT { ?resource skos:altLabel ?label }
WHERE { ?resource skosxl:altLabel/skosxl:literalForm ?label }
;
INSERT { ?resource skos:hiddenLabel ?label }
WHERE { ?resource skosxl:hiddenLabel/skosxl:literalForm ?label }
