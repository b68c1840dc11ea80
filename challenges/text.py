"""Folding for search and sort keys, the same rule the hub uses: case, accents, final sigma.

Kept here (not imported from the hub) because `challenges` depends only on `graph`; the
hub's text filters compare against these keys, so the rule must stay the same.
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case, accent-free, final sigma as sigma, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("ς", "σ").split())


def search_text(*parts: str | list[str] | None) -> str:
    pieces: list[str] = []
    for part in parts:
        if isinstance(part, list):
            pieces.extend(part)
        elif part:
            pieces.append(part)
    return fold(" ".join(pieces))


def slug(text: str) -> str:
    """A URL-friendly key from a title: folded, letters and digits joined by dashes."""
    return "-".join(re.findall(r"\w+", fold(text)))[:60] or "challenge"
