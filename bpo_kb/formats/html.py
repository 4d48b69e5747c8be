"""The static HTML glossary as an export format: a folder of files, not one file.

The pages themselves are made by :mod:`bpo_kb.site`; this module names the folder's files and
hands the site the other exports to offer for download.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

__all__ = ["site_files"]

Writer = Callable[[BinaryIO], None]


def site_files(
    graph: Graph, downloads: Mapping[str, Writer], languages: Sequence[str] | None = None
) -> dict[Path, Writer]:
    """Every file of the site, by path relative to its folder; ``downloads`` (file name ->
    writer) become its download links; pages in each of ``languages`` (default: those of the
    preferred terms)."""
    from bpo_kb.site.builder import site_files as pages  # Jinja2 is loaded only for the site

    return pages(graph, dict(downloads), languages=languages)
