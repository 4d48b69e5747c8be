"""The static HTML glossary as an export format: a folder of files, not one file.

The pages themselves are made by :mod:`bpo_kb.site`; this module names the folder's files and
hands the site the other exports to offer for download.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

__all__ = ["site_files"]

Writer = Callable[[BinaryIO], None]


def site_files(graph: Graph, downloads: Mapping[str, Writer]) -> dict[Path, Writer]:
    """Every file of the site, by path relative to its folder; ``downloads`` (file name ->
    writer) become its download links."""
    from bpo_kb.site.builder import site_files as pages  # Jinja2 is loaded only for the site

    return {Path(path): writer for path, writer in pages(graph, dict(downloads)).items()}
