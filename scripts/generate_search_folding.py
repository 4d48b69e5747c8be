"""Regenerate bpo_kb/skos/search-folding.json: the folding table the site's search.js uses.

Usage: python scripts/generate_search_folding.py [--check]

bpo_kb.skos.search.folding_for_javascript tells search.js how normalise() folds text: which
characters casefold() folds further than lowering does, and where the combining marks are.
Working that out reads all 1,114,112 code points (a fifth of the glossary's cold build), and the
answer depends only on the Unicode database of the Python that works it out, so it is written
once here, with that database's version; a Python with another version works it out again.
--check exits 1 if the committed file differs from what this script would write.
"""

from __future__ import annotations

import json
import sys
import unicodedata

from bpo_kb.skos.search import FOLDING_TABLE, worked_out_folding


def table() -> str:
    content = {"unicode": unicodedata.unidata_version, "folding": worked_out_folding()}
    return json.dumps(content, ensure_ascii=True, indent=1, sort_keys=True) + "\n"


def main(arguments: list[str]) -> int:
    text = table()
    if arguments == ["--check"]:
        current = FOLDING_TABLE.read_text(encoding="utf-8") if FOLDING_TABLE.exists() else ""
        return 0 if current == text else 1
    FOLDING_TABLE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
