"""Topics: the tags of funding calls, pilot projects and projects, one node per folded name.

Topic nodes are written only by tagging (`entities.TAG_TOPICS`): key (the folded name),
id, name (as first written), sort_key and search_text (both the key). Retagging or
deleting a node leaves its old topics in place; lists and counts show only the topics
something is still TAGGED with (a pattern predicate both engines accept).
"""

from __future__ import annotations

from typing import Any

from hub.ecosystem import entities
from hub.ecosystem.text import fold

TOPIC = entities.define_kind(
    "Topic",
    where="($text IS NULL OR n.search_text CONTAINS $text) AND (n)<-[:TAGGED]-()",
    filter_example={"text": "x"},
)


def filters(*, text: str | None = None) -> dict[str, Any]:
    return {"text": fold(text) or None if text else None}
