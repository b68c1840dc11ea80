"""What every kind of node shares: create, update, delete, batched lookup, keyset pages.

Each kind (label) gets its statements built once from the templates below, as named
constants; labels are never taken from input.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph import ConstraintViolation, GraphEngine, Statement
from hub.ecosystem.errors import Conflict, FieldIssue, NotFound, ValidationFailed
from hub.ecosystem.ids import new_id
from hub.ecosystem.text import fold

MAX_PAGE = 100
NODE_MAP = "n {.*} AS node"
TAG_TOPICS = (
    "FOREACH (t IN $topics | MERGE (tp:Entity:Topic {key: t.key}) "
    "ON CREATE SET tp.id = t.id, tp.name = t.name, tp.sort_key = t.key, tp.search_text = t.key "
    "MERGE (n)-[:TAGGED]->(tp))"
)


@dataclass(frozen=True)
class Kind:
    """A label with its statements. `page`/`count` take the kind's filter parameters."""

    label: str
    type_name: str
    create: Statement
    update: Statement
    delete: Statement
    get_many: Statement
    page: Statement
    count: Statement
    unique_message: str = "already exists"
    tagged: bool = False


def define_kind(
    label: str,
    *,
    where: str = "true",
    filter_example: Mapping[str, object] | None = None,
    order: str = "sort_key",
    unique_message: str = "already exists",
    tagged: bool = False,
) -> Kind:
    """Build the statements of a kind. `where` filters pages and counts (on `n`)."""
    lower = label.lower()
    example_props = {"id": new_id(), "sort_key": "a", "search_text": "a"}
    filters = dict(filter_example or {})
    keyset = (
        f"($after_key IS NULL OR n.{order} > $after_key "
        f"OR (n.{order} = $after_key AND n.id > $after_id))"
    )
    topics_example = [{"key": "ai", "id": new_id(), "name": "AI"}]
    tagging = f" WITH n {TAG_TOPICS}" if tagged else ""
    retagging = (
        f" WITH n OPTIONAL MATCH (n)-[old:TAGGED]->(:Topic) DELETE old WITH DISTINCT n {TAG_TOPICS}"
        if tagged
        else ""
    )
    tag_example = {"topics": topics_example} if tagged else {}
    return Kind(
        label=label,
        type_name=label,
        tagged=tagged,
        create=Statement(
            name=f"create_{lower}",
            cypher=f"CREATE (n:Entity:{label}) SET n = $props{tagging} RETURN {NODE_MAP}",
            example={"props": example_props, **tag_example},
            write=True,
        ),
        update=Statement(
            name=f"update_{lower}",
            cypher=f"MATCH (n:{label} {{id: $id}}) SET n += $props{retagging} RETURN {NODE_MAP}",
            example={"id": example_props["id"], "props": {"sort_key": "b"}, **tag_example},
            write=True,
        ),
        delete=Statement(
            name=f"delete_{lower}",
            cypher=f"MATCH (n:{label} {{id: $id}}) WITH n, n.id AS id DETACH DELETE n RETURN id",
            example={"id": example_props["id"]},
            write=True,
        ),
        get_many=Statement(
            name=f"get_{lower}s",
            cypher=f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN {NODE_MAP}",
            example={"ids": [example_props["id"]]},
        ),
        page=Statement(
            name=f"page_{lower}s",
            # Ordered and cut before the nodes are projected: projecting every node first (its
            # texts and vector) made a page of 5 of 23k organisations cost 150 ms, not 13.
            cypher=f"MATCH (n:{label}) WHERE ({where}) AND {keyset} "
            f"WITH n ORDER BY n.{order}, n.id LIMIT $limit "
            f"RETURN {NODE_MAP}, n.{order} AS sort_value ORDER BY sort_value, n.id",
            example={**filters, "after_key": None, "after_id": None, "limit": 10},
        ),
        count=Statement(
            name=f"count_{lower}s",
            cypher=f"MATCH (n:{label}) WHERE {where} RETURN count(n) AS total",
            example=filters,
        ),
        unique_message=unique_message,
    )


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


async def create(graph: GraphEngine, kind: Kind, props: Mapping[str, Any]) -> dict[str, Any]:
    stamp = now_iso()
    values = {**_without_nulls(props), "id": new_id(), "created_at": stamp, "updated_at": stamp}
    try:
        rows = await graph.run(kind.create, {"props": values, **_topic_params(kind, values)})
    except ConstraintViolation as exc:
        raise Conflict(f"{kind.type_name}: {kind.unique_message}") from exc
    return dict(rows[0]["node"])


async def update(
    graph: GraphEngine, kind: Kind, node_id: str, props: Mapping[str, Any]
) -> dict[str, Any]:
    """Set the given properties; a None value removes that property."""
    values = {**props, "updated_at": now_iso()}
    params = {"id": node_id, "props": values, **_topic_params(kind, values)}
    try:
        rows = await graph.run(kind.update, params)
    except ConstraintViolation as exc:
        raise Conflict(f"{kind.type_name}: {kind.unique_message}") from exc
    if not rows:
        raise NotFound(f"no {kind.type_name} has this id", "id")
    return dict(rows[0]["node"])


async def delete(graph: GraphEngine, kind: Kind, node_id: str) -> None:
    rows = await graph.run(kind.delete, {"id": node_id})
    if not rows:
        raise NotFound(f"no {kind.type_name} has this id", "id")


async def get_many(graph: GraphEngine, kind: Kind, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    rows = await graph.run(kind.get_many, {"ids": list(dict.fromkeys(ids))})
    return {row["node"]["id"]: dict(row["node"]) for row in rows}


async def get_one(graph: GraphEngine, kind: Kind, node_id: str) -> dict[str, Any]:
    found = await get_many(graph, kind, [node_id])
    if node_id not in found:
        raise NotFound(f"no {kind.type_name} has this id", "id")
    return found[node_id]


@dataclass(frozen=True)
class Page:
    nodes: list[dict[str, Any]]
    cursors: list[str]
    has_next_page: bool
    count: Callable[[], Awaitable[int]]
    """How many nodes match the filters, counted when asked: a list rarely shows it, and
    counting 23k organisations cost 8 ms beside the page's 19."""


async def page(
    graph: GraphEngine,
    kind: Kind,
    filters: Mapping[str, Any],
    *,
    first: int,
    after: str | None,
) -> Page:
    """One page in (order, id) order; cursors survive inserts and deletes elsewhere."""
    if not 0 <= first <= MAX_PAGE:
        raise ValidationFailed([FieldIssue("first", f"must be between 0 and {MAX_PAGE}")])
    after_key, after_id = decode_cursor(after) if after else (None, None)
    rows = await graph.run(
        kind.page,
        {**filters, "after_key": after_key, "after_id": after_id, "limit": first + 1},
    )
    visible = rows[:first]

    async def count() -> int:
        return int((await graph.run(kind.count, filters))[0]["total"])

    return Page(
        nodes=[dict(row["node"]) for row in visible],
        cursors=[encode_cursor(row["sort_value"], row["node"]["id"]) for row in visible],
        has_next_page=len(rows) > first,
        count=count,
    )


def encode_cursor(sort_value: Any, node_id: str) -> str:
    raw = json.dumps([sort_value, node_id], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, str]:
    problem = ValidationFailed([FieldIssue("after", "is not a cursor returned by this list")])
    if len(cursor) > 2000:
        raise problem
    try:
        raw = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode("ascii"))
        sort_value, node_id = json.loads(raw)
    except (binascii.Error, UnicodeError, ValueError, TypeError):
        raise problem from None
    if not isinstance(node_id, str) or not isinstance(sort_value, str | int | float):
        raise problem
    return sort_value, node_id


def _topic_params(kind: Kind, props: Mapping[str, Any]) -> dict[str, Any]:
    """The Topic nodes to tag a node with, from its `topics` property (one per folded name)."""
    if not kind.tagged:
        return {}
    topics: dict[str, dict[str, str]] = {}
    for name in props.get("topics") or []:
        key = fold(name)
        topics.setdefault(key, {"key": key, "id": new_id(), "name": name})
    return {"topics": list(topics.values())}


def _without_nulls(props: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in props.items() if value is not None}
