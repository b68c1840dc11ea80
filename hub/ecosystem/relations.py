"""Relationships between nodes: memberships, affiliations, participations, tags...

Each relation is a fixed (type, from label, to label) triple with the properties it may carry;
linking is idempotent (MERGE) and every statement is a named constant.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph import GraphEngine, Statement
from hub.ecosystem.errors import FieldIssue, NotFound, ValidationFailed
from hub.ecosystem.ids import new_id


class ParticipantRole(StrEnum):
    """Roles in a funded project, as CORDIS names them."""

    COORDINATOR = "coordinator"
    PARTICIPANT = "participant"
    ASSOCIATED_PARTNER = "associatedPartner"
    THIRD_PARTY = "thirdParty"


@dataclass(frozen=True)
class Relation:
    type: str
    source: str
    target: str
    properties: tuple[str, ...]
    link: Statement
    unlink: Statement
    outgoing: Statement
    incoming: Statement


def define_relation(type_: str, source: str, target: str, *properties: str) -> Relation:
    lower = type_.lower()
    a, b = new_id(), new_id()
    return Relation(
        type=type_,
        source=source,
        target=target,
        properties=properties,
        link=Statement(
            name=f"link_{lower}_{source.lower()}_{target.lower()}",
            cypher=f"MATCH (a:{source} {{id: $source}}) MATCH (b:{target} {{id: $target}}) "
            f"MERGE (a)-[r:{type_}]->(b) SET r += $props RETURN a.id AS source, b.id AS target",
            example={"source": a, "target": b, "props": {name: "x" for name in properties}},
            write=True,
        ),
        unlink=Statement(
            name=f"unlink_{lower}_{source.lower()}_{target.lower()}",
            cypher=f"MATCH (a:{source} {{id: $source}})-[r:{type_}]->(b:{target} {{id: $target}}) "
            "WITH r, a.id AS source DELETE r RETURN source",
            example={"source": a, "target": b},
            write=True,
        ),
        outgoing=Statement(
            name=f"outgoing_{lower}_{source.lower()}_{target.lower()}",
            cypher=f"UNWIND $ids AS key MATCH (a:{source} {{id: key}})-[r:{type_}]->(n:{target}) "
            "RETURN key, n {.*} AS node, properties(r) AS link",
            example={"ids": [a]},
        ),
        incoming=Statement(
            name=f"incoming_{lower}_{source.lower()}_{target.lower()}",
            cypher=f"UNWIND $ids AS key MATCH (n:{source})-[r:{type_}]->(b:{target} {{id: key}}) "
            "RETURN key, n {.*} AS node, properties(r) AS link",
            example={"ids": [b]},
        ),
    )


MEMBER_OF = define_relation("MEMBER_OF", "Organisation", "Network", "since")
AFFILIATED_WITH = define_relation("AFFILIATED_WITH", "Person", "Organisation", "role")
RUNS = define_relation("RUNS", "Organisation", "Programme")
PARTICIPATES_IN = define_relation("PARTICIPATES_IN", "Organisation", "Programme", "cohort")
MENTORS = define_relation("MENTORS", "Person", "Programme")
PARTICIPATED_IN = define_relation("PARTICIPATED_IN", "Organisation", "Project", "role")
FUNDED_BY = define_relation("FUNDED_BY", "Project", "FundingCall")
POSTED = define_relation("POSTED", "Person", "PilotProject")
HOSTS = define_relation("HOSTS", "Organisation", "PilotProject")
PARTNER_IN = define_relation("PARTNER_IN", "Organisation", "PilotProject")
TAGGED_CALL = define_relation("TAGGED", "FundingCall", "Topic")
TAGGED_PILOT = define_relation("TAGGED", "PilotProject", "Topic")
TAGGED_PROJECT = define_relation("TAGGED", "Project", "Topic")


@dataclass(frozen=True)
class Linked:
    """A node at the other end of a relation, with the relation's properties."""

    node: dict[str, Any]
    link: dict[str, Any]


async def link(
    graph: GraphEngine,
    relation: Relation,
    source_id: str,
    target_id: str,
    props: Mapping[str, Any] | None = None,
) -> None:
    values = {key: value for key, value in (props or {}).items() if value is not None}
    unknown = set(values) - set(relation.properties)
    if unknown:
        raise ValidationFailed(
            [FieldIssue(name, f"does not apply to {relation.type}") for name in sorted(unknown)]
        )
    rows = await graph.run(
        relation.link, {"source": source_id, "target": target_id, "props": values}
    )
    if not rows:
        raise NotFound(
            f"{relation.type} links a {relation.source} to a {relation.target}: one of the two "
            "ids names no such node",
            "fromId",
        )


async def unlink(graph: GraphEngine, relation: Relation, source_id: str, target_id: str) -> bool:
    """Remove the relation; False when there was none."""
    rows = await graph.run(relation.unlink, {"source": source_id, "target": target_id})
    return bool(rows)


async def neighbours(
    graph: GraphEngine, relation: Relation, ids: Sequence[str], *, outgoing: bool
) -> dict[str, list[Linked]]:
    """For each id, the nodes on the other side of `relation` (one round trip for all ids)."""
    found: dict[str, list[Linked]] = {node_id: [] for node_id in ids}
    if not ids:
        return found
    statement = relation.outgoing if outgoing else relation.incoming
    for row in await graph.run(statement, {"ids": list(dict.fromkeys(ids))}):
        found[row["key"]].append(Linked(node=dict(row["node"]), link=dict(row["link"] or {})))
    for items in found.values():
        items.sort(key=lambda item: (str(item.node.get("sort_key", "")), str(item.node["id"])))
    return found
