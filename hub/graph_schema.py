"""The indexes and constraints the hub needs, for either engine."""

from __future__ import annotations

from graph import Schema

EMBEDDING_DIMENSIONS = 384
SEARCHABLE = (
    "Organisation",
    "Person",
    "Network",
    "Programme",
    "FundingCall",
    "PilotProject",
    "Project",
    "Topic",
)

HUB_SCHEMA = Schema(
    unique=(
        ("Entity", "id"),
        ("Organisation", "pic"),
        ("FundingCall", "identifier"),
        ("Project", "identifier"),
        ("Topic", "key"),
    ),
    lookup=(
        *((label, "sort_key") for label in SEARCHABLE),
        ("Organisation", "kind"),
        ("Organisation", "country"),
        ("Organisation", "city_key"),
        ("FundingCall", "deadline_utc"),
        ("FundingCall", "programme"),
    ),
    fulltext=tuple((label, ("search_text",)) for label in SEARCHABLE),
    vector=(
        ("Organisation", "embedding", EMBEDDING_DIMENSIONS),
        ("FundingCall", "embedding", EMBEDDING_DIMENSIONS),
        ("PilotProject", "embedding", EMBEDDING_DIMENSIONS),
    ),
)
