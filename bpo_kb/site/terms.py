"""A concept's terms as a page shows them: each with what its record (its ``skosxl:Label``)
says, in the reader's words: status, part of speech and gender, type, region, source, note."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from bpo_kb.rdf.namespaces import DCTERMS, LEXINFO, SKOS, SKOSXL
from bpo_kb.site.rendering import web_link
from bpo_kb.site.words import (
    GRAMMAR,
    TEXT,
    VOCABULARY_NAMES,
    in_words,
    language_name,
    region_name,
    term_type_name,
)
from bpo_kb.skos.labels import display_label
from bpo_kb.skos.term_records import LABEL_KINDS

__all__ = [
    "WARNED_STATUSES",
    "LabelRecord",
    "RecordKey",
    "TermViews",
    "label_records",
    "warned_labels",
]

# The statuses a reader is warned of: the term is shown struck through and labelled.
WARNED_STATUSES = ("deprecatedTerm", "supersededTerm")
# The SKOS-XL property of a term record -> the SKOS label property it stands beside.
_RECORD_KINDS = {xl_property: kind for kind, xl_property in LABEL_KINDS.items()}


@dataclass(frozen=True)
class LabelRecord:
    """What a term's record (its ``skosxl:Label``) says, LexInfo individuals by local name."""

    status: str = ""
    part_of_speech: str = ""
    gender: str = ""
    term_type: str = ""
    sources: tuple[Node, ...] = ()
    notes: tuple[Literal, ...] = ()


# A term record's key: the SKOS label property, the literal's text and language tag.
RecordKey = tuple[URIRef, str, str]


def label_records(graph: Graph, node: Node) -> dict[RecordKey, LabelRecord]:
    """The records of a concept's terms (its ``skosxl:Label`` resources), by SKOS label
    property, text and language tag of their literal form; none for a vocabulary without."""
    records = {}
    for xl_property, kind in _RECORD_KINDS.items():
        for label in graph.objects(node, xl_property):
            form = graph.value(label, SKOSXL.literalForm)
            if not isinstance(form, Literal):
                continue
            records[(kind, str(form), form.language or "")] = LabelRecord(
                status=_local_name(graph.value(label, LEXINFO.normativeAuthorization)),
                part_of_speech=_local_name(graph.value(label, LEXINFO.partOfSpeech)),
                gender=_local_name(graph.value(label, LEXINFO.gender)),
                term_type=_local_name(graph.value(label, LEXINFO.termType)),
                sources=tuple(sorted(graph.objects(label, DCTERMS.source), key=str)),
                notes=tuple(
                    sorted(
                        (n for n in graph.objects(label, SKOS.note) if isinstance(n, Literal)),
                        key=str,
                    )
                ),
            )
    return records


def _local_name(value: Node | None) -> str:
    """``feminine`` for ``lexinfo:feminine``; "" for none."""
    if value is None:
        return ""
    text = str(value)
    return (
        text.removeprefix(str(LEXINFO))
        if text.startswith(str(LEXINFO))
        else (re.split(r"[/#]", text.rstrip("/#"))[-1])
    )


class TermViews:
    """The terms of a concept as a page in ``language`` shows them: each with what its record
    says, in the reader's words (« terme déconseillé », « n. f. », « Canada », its source and
    usage note)."""

    def __init__(self, graph: Graph, records: dict[RecordKey, LabelRecord], language: str) -> None:
        self._graph = graph
        self._records = records
        self._language = language
        self._text = TEXT.get(language, TEXT["en"])

    def view(self, kind: URIRef, text: str, tag: str, context: str) -> dict[str, object]:
        """The term ``text``@``tag`` (a ``kind`` of label), inside an element in ``context``
        (the language of the page or of its group): it gets a ``lang`` of its own when its
        tag differs."""
        record = self._records.get((kind, text, tag), LabelRecord())
        warned = record.status in WARNED_STATUSES
        region = _region(tag)
        labels = [
            *_grammar(record, self._language),
            *(
                [{"text": term_type_name(record.term_type, self._language)}]
                if record.term_type and record.term_type != "fullForm"
                else []
            ),
            *([{"text": region_name(region, self._language)}] if region and tag != context else []),
        ]
        notes = [
            {"text": str(note), "lang": _lang_attribute(note.language or "", self._language)}
            for note in record.notes
        ]
        sources = [self._source(source) for source in record.sources]
        lang = _lang_attribute(tag, context)
        return {
            "text": text,
            "lang": lang,
            "struck": warned,
            "status": self._text[record.status] if warned else "",
            "labels": labels,
            "notes": notes,
            "sources": sources,
            "plain": not (warned or labels or notes or sources or lang),
        }

    def groups(self, alt: dict[str, list[str]]) -> list[dict[str, object]]:
        """The alternative terms: those of the page's language (its regional forms included)
        first, then those of each other language tag, each group a <dt>/<dd> pair."""
        language = self._language
        own = [tag for tag in alt if tag == language] + [
            tag for tag in alt if tag != language and tag.split("-")[0] == language
        ]
        groups = []
        for tags, title, group_lang in [
            (own, self._text["alternatives"], ""),
            *[
                (
                    [tag],
                    self._text["alternatives_in"].format(language=language_name(tag, language)),
                    tag,
                )
                for tag in alt
                if tag not in own
            ],
        ]:
            terms = [
                self.view(SKOS.altLabel, text, tag, group_lang or language)
                for tag in tags
                for text in alt[tag]
            ]
            if not terms:
                continue
            plain = all(term["plain"] for term in terms)
            if not plain and group_lang:
                # the reader's words about the terms (« terme déconseillé ») are in the page's
                # language: the group is, each term says its own
                terms = [
                    self.view(SKOS.altLabel, text, tag, language)
                    for tag in tags
                    for text in alt[tag]
                ]
            terms.sort(key=lambda term: (bool(term["struck"]), term["text"]))  # warned last
            groups.append(
                {
                    "title": title,
                    "lang": group_lang if plain else "",
                    "terms": terms,
                    "plain": plain,
                }
            )
        return groups

    def _source(self, source: Node) -> dict[str, str]:
        """A term's source as a link when it is an http(s) IRI, named by its title, else its
        vocabulary and identifier (« STW 12307-0 »), else its host; as text otherwise."""
        iri = str(source)
        title = display_label(self._graph, source, (self._language,), prop=DCTERMS.title)
        linked = bool(web_link(iri))
        if not title and linked:
            namespace = max(
                (n for n in VOCABULARY_NAMES if iri.startswith(n) and iri != n),
                key=len,
                default="",
            )
            title = (
                f"{VOCABULARY_NAMES[namespace]} {iri[len(namespace) :]}"
                if namespace
                else urlsplit(iri).hostname or iri
            )
        return {"href": iri if linked else "", "text": title or iri}


def _lang_attribute(tag: str, context: str) -> str:
    """The ``lang`` attribute a text in ``tag`` needs inside an element in ``context``: none
    when they are the same language; the tag with its region upper-cased otherwise (fr-CA)."""
    if not tag or tag.lower() == context.lower():
        return ""
    parts = tag.split("-")
    return "-".join([parts[0], *(p.upper() if len(p) == 2 else p for p in parts[1:])])


def _region(tag: str) -> str:
    """The region subtag of a language tag, upper-cased (``CA`` for ``fr-ca``); "" if none."""
    for part in tag.split("-")[1:]:
        if len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit():
            return part.upper()
        if len(part) == 1:  # an extension or private use: no region past it
            break
    return ""


def _grammar(record: LabelRecord, language: str) -> list[dict[str, str]]:
    """The part of speech and gender as a dictionary abbreviates them: « n. f. » with the
    title « nom féminin »; an individual without an abbreviation in words."""
    names = GRAMMAR.get(language, GRAMMAR["en"])
    known = [v for v in (record.part_of_speech, record.gender) if v]
    if not known:
        return []
    if not all(value in names for value in known):
        return [{"text": " ".join(in_words(value) for value in known)}]
    if not record.part_of_speech or not record.gender:
        abbr, title = names[known[0]]
        return [{"abbr": abbr, "title": title}]
    (pos_abbr, pos), (gender_abbr, gender) = names[record.part_of_speech], names[record.gender]
    title = TEXT.get(language, TEXT["en"])["grammar"].format(part_of_speech=pos, gender=gender)
    return [{"abbr": f"{pos_abbr} {gender_abbr}", "title": title}]


def warned_labels(graph: Graph, node: Node) -> dict[RecordKey, tuple[str, str, str]]:
    """The concept's alternative and hidden labels whose record is deprecated or superseded:
    (status, language tag, text) by record key."""
    found = {}
    for xl_property in (SKOSXL.altLabel, SKOSXL.hiddenLabel):
        for label in graph.objects(node, xl_property):
            status = _local_name(graph.value(label, LEXINFO.normativeAuthorization))
            form = graph.value(label, SKOSXL.literalForm)
            if status in WARNED_STATUSES and isinstance(form, Literal):
                tag = form.language or ""
                found[(_RECORD_KINDS[xl_property], str(form), tag)] = (
                    status,
                    _lang_attribute(tag, ""),
                    str(form),
                )
    return found
