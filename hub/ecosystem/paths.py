"""How two nodes are connected: a shortest path with the relations on the way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph import GraphEngine, Statement
from hub.ecosystem.errors import FieldIssue, NotFound, ValidationFailed
from hub.ecosystem.ids import new_id

MAX_DEPTH = 6
EXISTS = Statement(
    name="entities_exist",
    cypher="UNWIND $ids AS key MATCH (n:Entity {id: key}) RETURN n.id AS id",
    example={"ids": [new_id()]},
)


def _shortest_path(depth: int) -> Statement:
    # Variable-length bounds cannot be parameters in Cypher: one named statement per depth.
    return Statement(
        name=f"shortest_path_{depth}",
        cypher=(
            "MATCH (a:Entity {id: $source}) MATCH (b:Entity {id: $target}) WITH a, b "
            f"MATCH p = allShortestPaths((a)-[*..{depth}]-(b)) "
            "WITH p LIMIT 1 "
            "RETURN [n IN nodes(p) | {labels: labels(n), node: n {.*}}] AS nodes, "
            "[r IN relationships(p) | {type: type(r), source: startNode(r).id, "
            "target: endNode(r).id, link: properties(r)}] AS relations"
        ),
        example={"source": new_id(), "target": new_id()},
    )


SHORTEST_PATHS = {depth: _shortest_path(depth) for depth in range(1, MAX_DEPTH + 1)}


@dataclass(frozen=True)
class PathStep:
    type: str
    source: str
    target: str
    link: dict[str, Any]


@dataclass(frozen=True)
class FoundPath:
    nodes: list[tuple[str, dict[str, Any]]]  # (type name, properties)
    relations: list[PathStep]


async def shortest_path(
    graph: GraphEngine, source: str, target: str, max_depth: int
) -> FoundPath | None:
    """None when the two nodes exist but no path of at most `max_depth` hops joins them."""
    if not 1 <= max_depth <= MAX_DEPTH:
        raise ValidationFailed([FieldIssue("maxDepth", f"must be between 1 and {MAX_DEPTH}")])
    if source == target:
        raise ValidationFailed([FieldIssue("toId", "must differ from fromId")])
    existing = {row["id"] for row in await graph.run(EXISTS, {"ids": [source, target]})}
    for field, node_id in (("fromId", source), ("toId", target)):
        if node_id not in existing:
            raise NotFound("no node has this id", field)
    rows = await graph.run(SHORTEST_PATHS[max_depth], {"source": source, "target": target})
    if not rows:
        return None
    row = rows[0]
    nodes = [(_type_name(item["labels"]), dict(item["node"])) for item in row["nodes"]]
    steps = [
        PathStep(item["type"], item["source"], item["target"], dict(item["link"] or {}))
        for item in row["relations"]
    ]
    return FoundPath(nodes=nodes, relations=steps)


def _type_name(labels: list[str]) -> str:
    return next((label for label in labels if label != "Entity"), "Entity")
