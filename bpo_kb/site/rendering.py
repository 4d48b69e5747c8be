"""The Jinja2 environment the site's pages are rendered in."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

__all__ = ["page_environment"]


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
