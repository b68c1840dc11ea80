"""An imported organisation's `profile_text`: what its projects were about, all of it.

The titles of its projects' call topics, then their fields of science (euroSciVoc), then,
when project.csv was given, project titles and the first sentence of each objective. Each
distinct term once, the most frequent first (ties: first seen, in project order), so a cut
keeps what matters. The text is `matching.documents.cordis_profile_text`, the function the
matching evaluation builds its profiles with, fed the terms that fit the bound.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from matching.documents import cordis_profile_text

PROFILE_LIMIT = 100_000
"""Bounds a node property, far above the largest CORDIS profile (about 30,000 characters of
topic titles in cordis-he). A profile cut at 2,000 characters lost most of the past call topics
of the 1.4% of organisations with the most projects, the core of many consortia: suggestConsortium
through `hub eval` found 0.139 of the true partners (R@20) with it, 0.164 without."""
SEPARATOR = ". "  # between terms: sizes are estimated with it, the final text is then cut
FIELDS_SHARE = 0.4  # at most this share of the bound is kept for fields of science
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")


def profile_text(
    *,
    topic_titles: Sequence[str],
    fields_of_science: Sequence[str],
    project_texts: Sequence[str] = (),
    limit: int = PROFILE_LIMIT,
) -> str:
    titles, fields, texts = ranked(topic_titles), ranked(fields_of_science), ranked(project_texts)
    fields_room = min(len(SEPARATOR.join(fields)), int(limit * FIELDS_SHARE))
    kept_titles = fitting(titles, limit - fields_room - 2, SEPARATOR)
    titles_length = len(SEPARATOR.join(kept_titles))
    kept_fields = fitting(fields, limit - titles_length - 2, SEPARATOR)
    text = cordis_profile_text(kept_titles, kept_fields)
    room = limit - len(text) - 2
    if texts and room > 0:
        extra = SEPARATOR.join(value.rstrip(".") for value in fitting(texts, room, SEPARATOR))
        text = f"{text}. {extra}" if text and extra else text or extra
    if len(text) > limit:  # cleaning in cordis_profile_text may lengthen a term slightly
        text = text[:limit].rsplit(" ", 1)[0]
    return text


def ranked(values: Sequence[str]) -> list[str]:
    """Distinct values, the most frequent first; ties keep their first-seen order."""
    counts = Counter(value.strip() for value in values if value and value.strip())
    return sorted(counts, key=lambda value: -counts[value])


def fitting(values: Sequence[str], room: int, separator: str) -> list[str]:
    """The leading values whose join with `separator` fits in `room` characters."""
    kept: list[str] = []
    used = 0
    for value in values:
        cost = len(value) + (len(separator) if kept else 0)
        if used + cost > room:
            break
        kept.append(value)
        used += cost
    return kept


def first_sentence(text: str, limit: int = 300) -> str:
    """The first sentence of `text` (at most `limit` characters, cut at a word)."""
    text = " ".join(text.split())
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0]
    return sentence
