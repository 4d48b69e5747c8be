"""The site's words in each language: its interface text, the names of languages, regions,
vocabularies and licences, and how a term's part of speech, gender and type are printed."""

from __future__ import annotations

import re

from bpo_kb.rdf.namespaces import PREFIXES

__all__ = [
    "GRAMMAR",
    "LANGUAGE_NAMES",
    "SINGULAR_COUNTS",
    "TEXT",
    "VOCABULARY_NAMES",
    "in_words",
    "language_name",
    "licence_name",
    "region_name",
    "term_type_name",
]

# Each language's name in itself (the language switch), then in each language of the pages
# (« Équivalent anglais », "Other terms in French"); an unknown language is shown by its code.
LANGUAGE_NAMES = {"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español"}
LANGUAGE_NAMES_IN = {
    "fr": {"fr": "français", "en": "anglais", "de": "allemand", "es": "espagnol"},
    "en": {"fr": "French", "en": "English", "de": "German", "es": "Spanish"},
}
# Mapping targets are named by their vocabulary, found from the namespace of their IRI; an
# unknown one by its host name.
VOCABULARY_NAMES = {
    PREFIXES["stw"]: "STW",
    PREFIXES["eurovoc"]: "EuroVoc",
    PREFIXES["wd"]: "Wikidata",
    PREFIXES["gnd"]: "GND",
    PREFIXES["unesco"]: "UNESCO",
    PREFIXES["iate"]: "IATE",
}
# Licences by IRI, without its scheme or final "/": the short name readers know them by.
LICENCE_NAMES = {
    "creativecommons.org/licenses/by/4.0": "CC BY 4.0",
    "creativecommons.org/licenses/by-sa/4.0": "CC BY-SA 4.0",
    "creativecommons.org/licenses/by-nd/4.0": "CC BY-ND 4.0",
    "creativecommons.org/licenses/by-nc/4.0": "CC BY-NC 4.0",
    "creativecommons.org/publicdomain/zero/1.0": "CC0 1.0",
    "opendatacommons.org/licenses/by/1-0": "ODC-By 1.0",
    "www.etalab.gouv.fr/licence-ouverte-open-licence": "Licence Ouverte 2.0",
}
# The site's words in each language, punctuation included: French puts a no-break space
# (U+00A0) before ":" and a narrow one (U+202F) before ";", "!" and "?"; English quotes are “ ”.
# {language} is a name from LANGUAGE_NAMES_IN, {vocabulary} one from VOCABULARY_NAMES.
TEXT = {
    "fr": {
        "search": "Rechercher un terme",
        "search_help": (
            "Termes de chaque langue du glossaire\u202f; accents, espaces, traits d'union et "
            "apostrophes indifférents"
        ),
        "introduction": (
            "Ce glossaire donne pour chaque notion son terme privilégié et ses autres termes dans "
            "chacune de ses langues, sa définition, sa place dans la hiérarchie et ses "
            "correspondances dans d'autres vocabulaires. Cherchez un terme ci-dessus, ou "
            "parcourez la liste alphabétique, la hiérarchie ou les regroupements."
        ),
        "languages": "Langues",
        "separator": "\u202f; ",
        "downloads": "Télécharger\u00a0:",
        "index": "Index",
        "terms": "Termes",
        "terms_from_to": "Termes\u00a0: {first} – {last}",
        "term_pages": "Pages de termes",
        "hierarchy": "Hiérarchie",
        "collections": "Regroupements",
        "deprecated": "Concepts retirés",
        "definition": "Définition",
        "equivalent": "Équivalent {language}\u00a0:",
        "alternatives": "Autres termes",
        "alternatives_in": "Autres termes en {language}",
        "scope_note": "Note d'application",
        "source": "Source",
        "broader": "Terme générique",
        "narrower": "Termes spécifiques",
        "related": "Termes associés",
        "in_collections": "Regroupements",
        "mappings": "Correspondances",
        "exactMatch": "équivalent exact dans {vocabulary}",
        "closeMatch": "équivalent proche dans {vocabulary}",
        "broadMatch": "terme plus large dans {vocabulary}",
        "narrowMatch": "terme plus étroit dans {vocabulary}",
        "relatedMatch": "terme associé dans {vocabulary}",
        "members": "Termes",
        "licence": "Licence\u00a0:",
        "deprecatedTerm": "terme déconseillé",
        "supersededTerm": "terme remplacé",
        "grammar": "{part_of_speech} {gender}",
        "term_source": "Source\u00a0:",
        "term_note": "Remarque\u00a0:",
        "no_term": "Pas de terme en {language}\u202f; terme affiché\u00a0:",
        "coverage": "{count} concepts sur {total} ont un terme privilégié en {language}",
        "coverage_one": "{count} concept sur {total} a un terme privilégié en {language}",
    },
    "en": {
        "search": "Search for a term",
        "search_help": (
            "Terms in each language of the glossary; accents, spaces, hyphens and apostrophes "
            "optional"
        ),
        "introduction": (
            "For each concept, this glossary gives its preferred term and other terms in each "
            "of its languages, its definition, its place in the hierarchy and its equivalents in "
            "other vocabularies. Search for a term above, or browse the alphabetical list, the "
            "hierarchy or the groupings."
        ),
        "languages": "Languages",
        "separator": "; ",
        "downloads": "Download:",
        "index": "Index",
        "terms": "Terms",
        "terms_from_to": "Terms: {first} – {last}",
        "term_pages": "Term pages",
        "hierarchy": "Hierarchy",
        "collections": "Groupings",
        "deprecated": "Retired concepts",
        "definition": "Definition",
        "equivalent": "{language} equivalent:",
        "alternatives": "Other terms",
        "alternatives_in": "Other terms in {language}",
        "scope_note": "Scope note",
        "source": "Source",
        "broader": "Broader term",
        "narrower": "Narrower terms",
        "related": "Related terms",
        "in_collections": "Groupings",
        "mappings": "Mappings",
        "exactMatch": "exact match in {vocabulary}",
        "closeMatch": "close match in {vocabulary}",
        "broadMatch": "broader term in {vocabulary}",
        "narrowMatch": "narrower term in {vocabulary}",
        "relatedMatch": "related term in {vocabulary}",
        "members": "Terms",
        "licence": "Licence:",
        "deprecatedTerm": "deprecated term",
        "supersededTerm": "superseded term",
        "grammar": "{gender} {part_of_speech}",
        "term_source": "Source:",
        "term_note": "Usage note:",
        "no_term": "No {language} term; shown:",
        "coverage": "{count} of {total} concepts have a preferred term in {language}",
        "coverage_one": "{count} of {total} concepts has a preferred term in {language}",
    },
}
# The counts that take the singular (« 1 concept sur 31 a », "1 of 31 concepts has"): French
# counts 0 and 1 as singular, English 1 only.
SINGULAR_COUNTS = {"fr": frozenset({0, 1}), "en": frozenset({1})}
# A term's record as dictionaries print it, by LexInfo individual: its part of speech and gender
# abbreviated (« n. f. », "n."), with the words an <abbr> gives readers; its type when it is not
# the full form (« sigle »). An individual not listed is shown by its name in words.
GRAMMAR = {
    "fr": {
        "noun": ("n.", "nom"),
        "verb": ("v.", "verbe"),
        "adjective": ("adj.", "adjectif"),
        "adverb": ("adv.", "adverbe"),
        "nounPhrase": ("loc. n.", "locution nominale"),
        "verbPhrase": ("loc. v.", "locution verbale"),
        "adjectivePhrase": ("loc. adj.", "locution adjectivale"),
        "masculine": ("m.", "masculin"),
        "feminine": ("f.", "féminin"),
        "neuter": ("n.", "neutre"),
    },
    "en": {
        "noun": ("n.", "noun"),
        "verb": ("v.", "verb"),
        "adjective": ("adj.", "adjective"),
        "adverb": ("adv.", "adverb"),
        "nounPhrase": ("n. phr.", "noun phrase"),
        "verbPhrase": ("v. phr.", "verb phrase"),
        "adjectivePhrase": ("adj. phr.", "adjective phrase"),
        "masculine": ("m.", "masculine"),
        "feminine": ("f.", "feminine"),
        "neuter": ("n.", "neuter"),
    },
}
TERM_TYPES = {
    "fr": {
        "initialism": "sigle",
        "acronym": "acronyme",
        "abbreviation": "abréviation",
        "abbreviatedForm": "forme abrégée",
        "shortForm": "forme courte",
        "symbol": "symbole",
        "formula": "formule",
        "phraseologicalUnit": "phraséologisme",
        "variant": "variante",
    },
    "en": {
        "initialism": "initialism",
        "acronym": "acronym",
        "abbreviation": "abbreviation",
        "abbreviatedForm": "abbreviated form",
        "shortForm": "short form",
        "symbol": "symbol",
        "formula": "formula",
        "phraseologicalUnit": "phraseological unit",
        "variant": "variant",
    },
}
# The regions of a term's language tag (fr-CA), by subtag, in each language of the pages; an
# unknown one is shown by its subtag, upper-cased.
REGION_NAMES = {
    "fr": {
        "CA": "Canada",
        "FR": "France",
        "BE": "Belgique",
        "CH": "Suisse",
        "LU": "Luxembourg",
        "MC": "Monaco",
        "SN": "Sénégal",
        "MA": "Maroc",
        "US": "États-Unis",
        "GB": "Royaume-Uni",
        "IE": "Irlande",
        "AU": "Australie",
        "NZ": "Nouvelle-Zélande",
        "IN": "Inde",
        "DE": "Allemagne",
        "AT": "Autriche",
        "ES": "Espagne",
        "MX": "Mexique",
        "AR": "Argentine",
        "419": "Amérique latine",
    },
    "en": {
        "CA": "Canada",
        "FR": "France",
        "BE": "Belgium",
        "CH": "Switzerland",
        "LU": "Luxembourg",
        "MC": "Monaco",
        "SN": "Senegal",
        "MA": "Morocco",
        "US": "United States",
        "GB": "United Kingdom",
        "IE": "Ireland",
        "AU": "Australia",
        "NZ": "New Zealand",
        "IN": "India",
        "DE": "Germany",
        "AT": "Austria",
        "ES": "Spain",
        "MX": "Mexico",
        "AR": "Argentina",
        "419": "Latin America",
    },
}


def language_name(tag: str, reader: str) -> str:
    """The name of the language ``tag`` in the language ``reader`` reads: « anglais » for
    ``en`` in ``fr``, « français (CA) » for ``fr-CA``; the tag itself for a language not in
    LANGUAGE_NAMES_IN."""
    names = LANGUAGE_NAMES_IN.get(reader, LANGUAGE_NAMES_IN["en"])
    base, _, region = tag.partition("-")
    if tag in names or base not in names:
        return names.get(tag, tag)
    return f"{names[base]} ({region.upper() if len(region) == 2 else region})"


def licence_name(iri: str) -> str:
    """« CC BY 4.0 » for the IRI of that licence (http or https, with or without a final "/"
    or "legalcode"); the IRI itself for a licence not in LICENCE_NAMES."""
    key = re.sub(r"^https?://|/(legalcode(\.[a-z-]+)?)?$|/$", "", iri.strip())
    return LICENCE_NAMES.get(key.removesuffix("/"), iri)


def region_name(region: str, language: str) -> str:
    """« Canada » for the subtag ``CA`` in French; an unknown region as its subtag."""
    return REGION_NAMES.get(language, REGION_NAMES["en"]).get(region, region)


def term_type_name(value: str, language: str) -> str:
    """« sigle » for LexInfo's ``initialism`` in French; a type without a name in words."""
    return TERM_TYPES.get(language, TERM_TYPES["en"]).get(value) or in_words(value)


def in_words(name: str) -> str:
    """``shortForm`` as « short form »: a LexInfo name without a translation, in words."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()
