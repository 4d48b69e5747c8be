"""The checks of an IRI and of a language tag: one of each, used wherever one is needed."""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

__all__ = ["iri_breaks_out", "is_absolute_iri", "is_http_iri", "is_language_tag"]

# Characters no IRI may hold (RFC 3987, and SPARQL's IRIREF): spaces, controls, <>"{}|^`\, and
# lone UTF-16 surrogates (not characters: rdflib's parsers can give them from "\uD800").
_FORBIDDEN = re.compile('[\x00-\x20<>"{}|^`\\\\\x7f-\x9f\ud800-\udfff]')
# Of those, the ones that end an IRI's token, a string or a line in some syntax (Turtle,
# N-Triples, CSV, TSV): written raw, they can make a reader see other triples or rows.
_BREAKS_OUT = re.compile('[\x00-\x1f<>"\x7f-\x9f\ud800-\udfff]')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# BCP 47's alphabet: subtags of letters and digits joined by hyphens (langcodes would also
# accept "en_GB", which RDF does not).
_SUBTAGS = re.compile(r"^[A-Za-z0-9]{1,8}(?:-[A-Za-z0-9]{1,8})*$")


def is_absolute_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI: a scheme, a colon, and no forbidden character.

    ``text`` is the IRI as parsed, escapes undone: check it there, not in the file's text,
    where ``\\u003E`` hides a ``>``."""
    return (
        bool(_SCHEME.match(text))
        and len(text) > text.index(":") + 1
        and not _FORBIDDEN.search(text)
    )


def iri_breaks_out(text: str) -> bool:
    """Whether ``text`` (not an absolute IRI, see :func:`is_absolute_iri`) holds a character
    that ends a token or a line (``<>"``, controls, lone surrogates), rather than one that only
    makes it invalid (a space, ``{}|^`\\``)."""
    return bool(_BREAKS_OUT.search(text))


def is_http_iri(text: str) -> bool:
    """Whether ``text`` is an absolute http(s) IRI with a host."""
    if not is_absolute_iri(text):
        return False
    parts = urlsplit(text)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


@functools.lru_cache(maxsize=1024)
def is_language_tag(tag: str) -> bool:
    """Whether ``tag`` is a valid BCP 47 language tag whose subtags are registered ("fr",
    "fr-CA", "zh-Hant-TW"; not "french", not "xx"), as ``langcodes`` reads the IANA registry."""
    import langcodes  # a tenth of a second to import: only when a tag is checked

    return bool(_SUBTAGS.match(tag)) and langcodes.tag_is_valid(tag)
