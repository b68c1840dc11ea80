"""Text folded for search: case, accents and the Greek final sigma do not matter."""

from __future__ import annotations

import sys
import unicodedata

# Combining marks (accents) to delete after decomposition: str.translate with a table built
# once is many times faster than testing each character.
_COMBINING = {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}


def fold(text: str) -> str:
    """Lower-case, accent-free, final sigma as sigma, whitespace collapsed.

    `Ανοικτά Δεδομένα` and `ανοικτα δεδομενα` fold alike, so do `Θεσσαλονίκης` and
    `θεσσαλονικησ`. Used on both the stored search text and the query.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = decomposed.translate(_COMBINING)
    return " ".join(stripped.replace("ς", "σ").split())


def search_text(*parts: str | list[str] | None) -> str:
    """One folded string from every searchable field of a node."""
    pieces: list[str] = []
    for part in parts:
        if isinstance(part, list):
            pieces.extend(part)
        elif part:
            pieces.append(part)
    return fold(" ".join(pieces))
