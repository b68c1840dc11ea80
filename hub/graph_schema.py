"""The indexes and constraints the hub needs, for either engine."""

from __future__ import annotations

from graph import Schema

EMBEDDING_DIMENSIONS = 384
EMBEDDED_LABELS = ("Organisation", "FundingCall", "PilotProject")
"""The labels matched by meaning: their nodes carry an embedding."""
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
# Every label whose nodes are matched by id (`MATCH (n:Label {id: ...})`): the unique
# index on Entity.id serves only patterns that name Entity, so each label has its own.
ENTITIES = (*SEARCHABLE, "Challenge", "Team", "Award", "Submission", "Dataset")
# Accounts (hub.auth): matched by id, by the digest of a pending e-mail or reset token.
ACCOUNT_LOOKUPS = (
    ("Account", "id"),
    ("Account", "verify_hash"),
    ("Account", "reset_hash"),
    ("ApiToken", "id"),
    ("Account", "person_id"),
    ("Introduction", "id"),
    ("Introduction", "pair"),
)

HUB_SCHEMA = Schema(
    unique=(
        ("Entity", "id"),
        ("Organisation", "pic"),
        ("FundingCall", "identifier"),
        ("Project", "identifier"),
        ("Topic", "key"),
        # accounts (hub.auth): one account per e-mail; sessions and API tokens by digest
        ("Account", "email"),
        ("Session", "token_hash"),
        ("ApiToken", "token_hash"),
        # challenges: one submission per team and challenge; one node per source dataset
        ("Submission", "key"),
        ("Dataset", "key"),
        # matching: one vector per distinct sentence and model (hub.suggestions.sentences)
        ("SentenceVector", "key"),
    ),
    lookup=(
        *((label, "id") for label in ENTITIES),
        *((label, "sort_key") for label in (*SEARCHABLE, "Challenge")),
        *ACCOUNT_LOOKUPS,
        ("Organisation", "kind"),
        ("Organisation", "country"),
        ("Organisation", "city_key"),
        ("FundingCall", "deadline_utc"),
        ("FundingCall", "programme_key"),
        ("Project", "programme_key"),
        ("PilotProject", "status"),
        ("Challenge", "key"),
        ("Challenge", "year"),
        ("Team", "key"),
        ("Award", "key"),
        ("Challenge", "phase"),
        # matching (hub.suggestions.index): each search index asks what was stamped since its
        # last refresh; without these, every refresh scanned the whole label (60 ms for 23k
        # organisations, on every request a second or more after the last)
        *((label, stamp) for label in EMBEDDED_LABELS for stamp in ("updated_at", "embedded_at")),
    ),
    fulltext=tuple((label, ("search_text",)) for label in SEARCHABLE),
    vector=tuple((label, "embedding", EMBEDDING_DIMENSIONS) for label in EMBEDDED_LABELS),
)
