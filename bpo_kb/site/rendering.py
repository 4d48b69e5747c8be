"""How the site's pages are rendered safely: the Jinja2 environment, autoescaping every text,
and the IRIs a page may link to."""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

__all__ = ["page_environment", "web_link"]


class _ViewEnvironment(Environment):
    """An environment whose ``a.b`` reads a dictionary's key first.

    The pages' views are dictionaries, and Jinja2 tries ``getattr`` before the key: on a
    dictionary that fails, and the exception it raises and catches cost a tenth of the site's
    rendering time. A key never shadows a method the templates call (``.get``, ``.format``):
    no view has such a key, and a missing key falls back to Jinja2's own lookup.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def page_environment() -> Environment:
    """The templates of ``bpo_kb/site/templates``, autoescaped (HTML, and strings too)."""
    return _ViewEnvironment(
        loader=PackageLoader("bpo_kb.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build: no stat() per page
    )


_WEB_LINK = re.compile(r"https?://[^\s/?#]", re.IGNORECASE)
_NOT_IN_LINK = re.compile(r"[\s\x00-\x1f\x7f]")  # \s: what str.isspace() is true of


def web_link(iri: str) -> str:
    """``iri`` if a page may link to it: an http(s) IRI with a host and no space or control
    character; "" for anything else (``javascript:``, ``data:``, ``file:``, relative), which the
    pages show as text."""
    if not _WEB_LINK.match(iri) or _NOT_IN_LINK.search(iri):
        return ""
    return iri
