"""Open datasets (from CKAN portals): stored once per source dataset, linked to the
challenges that offer them and the submissions that use them, with licence and freshness.

Graph: `(:Dataset {key, ckan_id, name, title, notes, publisher, publisher_name,
license_id, license_title, formats, resources (JSON text), metadata_modified(_utc),
source, source_url, tags, content_hash})`, keyed by `ckan:<portal host>:<package id>`;
`(:Challenge)-[:FEATURES_DATASET]->(:Dataset)`; `(:Submission)-[:USES_DATASET]->(:Dataset)`.

Writing is one UNWIND statement per batch that MERGEs on the key and SETs only when the
content hash differs, so a second import of the same data changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from challenges.challenge import get_challenge, now_utc
from challenges.errors import NotFound, WrongPhase
from challenges.ids import new_id
from challenges.phases import Phase, phase_of, utc_iso
from challenges.text import fold
from challenges.validation import Checker
from graph import GraphEngine, Statement

FRESH_DAYS = 90
CURRENT_DAYS = 365
_NOW = "2027-01-01T00:00:00+00:00"

DATASET_HASHES = Statement(
    name="dataset_hashes",
    cypher="UNWIND $keys AS key MATCH (d:Dataset {key: key}) RETURN key, d.content_hash AS hash",
    example={"keys": ["ckan:example.org:x"]},
)
UPSERT_DATASETS = Statement(
    name="dataset_upsert",
    cypher=(
        "UNWIND $rows AS row "
        "MERGE (d:Entity:Dataset {key: row.key}) "
        "ON CREATE SET d.id = row.id, d.created_at = $now "
        "WITH d, row WHERE coalesce(d.content_hash, '') <> row.props.content_hash "
        "SET d += row.props, d.updated_at = $now "
        "RETURN count(d) AS written"
    ),
    example={
        "rows": [{"key": "ckan:example.org:x", "id": new_id(), "props": {"content_hash": "h"}}],
        "now": _NOW,
    },
    write=True,
)
LINK_CHALLENGE_DATASETS = Statement(
    name="dataset_link_challenge",
    cypher=(
        "MATCH (c:Challenge {id: $challenge}) "
        "OPTIONAL MATCH (c)-[old:FEATURES_DATASET]->(:Dataset) DELETE old "
        "WITH DISTINCT c OPTIONAL MATCH (d:Dataset) WHERE d.id IN $datasets "
        "WITH c, collect(d) AS found FOREACH (d IN found | MERGE (c)-[:FEATURES_DATASET]->(d)) "
        "RETURN size(found) AS linked"
    ),
    example={"challenge": new_id(), "datasets": [new_id()]},
    write=True,
)
ADD_CHALLENGE_DATASETS = Statement(
    name="dataset_add_to_challenge",
    cypher=(
        "MATCH (c:Challenge {id: $challenge}) "
        "UNWIND $keys AS key MATCH (d:Dataset {key: key}) "
        "MERGE (c)-[:FEATURES_DATASET]->(d) RETURN count(d) AS linked"
    ),
    example={"challenge": new_id(), "keys": ["ckan:example.org:x"]},
    write=True,
)
CHALLENGE_DATASETS = Statement(
    name="dataset_of_challenge",
    cypher=(
        "MATCH (c:Challenge {id: $challenge})-[:FEATURES_DATASET]->(d:Dataset) "
        "OPTIONAL MATCH (c)<-[:SUBMITTED_TO]-(s:Submission)-[:USES_DATASET]->(d) "
        "RETURN d {.*} AS node, d.title AS title, d.id AS id, count(s) AS used_by "
        "ORDER BY title, id"
    ),
    example={"challenge": new_id()},
)
GET_DATASETS = Statement(
    name="dataset_get",
    cypher="UNWIND $ids AS key MATCH (d:Dataset {id: key}) RETURN d {.*} AS node",
    example={"ids": [new_id()]},
)
FIND_DATASETS = Statement(
    name="dataset_find",
    cypher=(
        "MATCH (d:Dataset) WHERE $text IS NULL OR d.search_text CONTAINS $text "
        "RETURN d {.*} AS node ORDER BY d.title, d.id LIMIT $limit"
    ),
    example={"text": "x", "limit": 10},
)


@dataclass(frozen=True)
class Freshness:
    age_days: int
    label: str  # fresh (<= 90 days), current (<= 365 days), stale


def freshness(modified_utc: str | None, now: datetime | None = None) -> Freshness | None:
    """How recently the publisher changed the dataset (None when the portal does not say)."""
    if not modified_utc:
        return None
    modified = datetime.fromisoformat(modified_utc)
    if modified.tzinfo is None:
        modified = modified.replace(tzinfo=UTC)
    days = max(0, (now_utc(now) - modified).days)
    label = "fresh" if days <= FRESH_DAYS else "current" if days <= CURRENT_DAYS else "stale"
    return Freshness(days, label)


async def existing_hashes(*, graph: GraphEngine, keys: Sequence[str]) -> dict[str, str | None]:
    rows = await graph.run(DATASET_HASHES, {"keys": list(keys)})
    return {row["key"]: row["hash"] for row in rows}


async def write_datasets(
    *, graph: GraphEngine, rows: Sequence[Mapping[str, Any]], now: datetime | None = None
) -> int:
    """Upsert `[{key, props}]` (props with `content_hash`); returns how many were written."""
    if not rows:
        return 0
    batch = [{"key": row["key"], "id": new_id(), "props": dict(row["props"])} for row in rows]
    written = await graph.run(UPSERT_DATASETS, {"rows": batch, "now": utc_iso(now_utc(now))})
    return int(written[0]["written"]) if written else 0


async def set_challenge_datasets(
    *, graph: GraphEngine, challenge_id: str, dataset_ids: Sequence[str]
) -> int:
    """The datasets a challenge offers (replacing the earlier list); each must exist."""
    checker = Checker()
    ids = checker.node_ids("datasetIds", list(dataset_ids))
    checker.done()
    challenge = await get_challenge(graph=graph, challenge_id=challenge_id)
    if phase_of(challenge) in (Phase.AWARDED, Phase.ARCHIVED):
        raise WrongPhase("the datasets of an awarded challenge stay as they were", "challengeId")
    found = {node["id"] for node in await get_datasets(graph=graph, dataset_ids=ids)}
    for i, dataset in enumerate(ids):
        if dataset not in found:
            raise NotFound("no dataset has this id", f"datasetIds[{i}]")
    rows = await graph.run(LINK_CHALLENGE_DATASETS, {"challenge": challenge["id"], "datasets": ids})
    return int(rows[0]["linked"])


async def add_challenge_datasets(
    *, graph: GraphEngine, challenge_id: str, dataset_keys: Sequence[str]
) -> int:
    """Add datasets (by key, as an importer knows them) to those a challenge features."""
    challenge = await get_challenge(graph=graph, challenge_id=challenge_id)
    rows = await graph.run(
        ADD_CHALLENGE_DATASETS, {"challenge": challenge["id"], "keys": list(dataset_keys)}
    )
    return int(rows[0]["linked"]) if rows else 0


async def get_datasets(*, graph: GraphEngine, dataset_ids: Sequence[str]) -> list[dict[str, Any]]:
    rows = await graph.run(GET_DATASETS, {"ids": list(dataset_ids)})
    return [dict(row["node"]) for row in rows]


async def challenge_datasets(
    *, graph: GraphEngine, challenge_id: str, now: datetime | None = None
) -> list[dict[str, Any]]:
    """A challenge's datasets with `used_by` (its submissions using each) and `freshness`."""
    rows = await graph.run(CHALLENGE_DATASETS, {"challenge": challenge_id})
    return [
        {
            **dict(row["node"]),
            "used_by": int(row["used_by"]),
            "freshness": freshness(row["node"].get("metadata_modified_utc"), now),
        }
        for row in rows
    ]


async def find_datasets(
    *, graph: GraphEngine, text: str | None = None, first: int = 20
) -> list[dict[str, Any]]:
    """Datasets whose title, notes, publisher or tags hold `text` (folded)."""
    checker = Checker()
    checker.integer("first", first, minimum=0, maximum=100, required=True)
    checker.done()
    rows = await graph.run(FIND_DATASETS, {"text": fold(text) if text else None, "limit": first})
    return [dict(row["node"]) for row in rows]
