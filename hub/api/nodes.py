"""`node(id:)` for any global id, and `path(fromId:, toId:)` between two nodes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from challenges.phases import Phase
from hub.api import challenge_access as access
from hub.api.challenges import Award, Challenge, Team
from hub.api.common import Node
from hub.api.context import Info
from hub.api.funding_calls import FundingCall
from hub.api.networks import Network
from hub.api.organisations import Organisation
from hub.api.people import Person
from hub.api.pilot_projects import PilotProject
from hub.api.programmes import Programme
from hub.api.projects import Project
from hub.api.topics import Topic
from hub.ecosystem import (
    challenges,
    entities,
    funding_calls,
    networks,
    organisations,
    paths,
    people,
    pilot_projects,
    programmes,
    projects,
    topics,
)
from hub.ecosystem.ids import from_global_id, to_global_id

# Every type `node(id:)` and `path` can return, with the kind its global id names.
NODE_TYPES: dict[str, tuple[entities.Kind, Callable[[dict[str, Any]], Node]]] = {
    "Organisation": (organisations.ORGANISATION, Organisation.from_node),
    "Person": (people.PERSON, Person.from_node),
    "Network": (networks.NETWORK, Network.from_node),
    "Programme": (programmes.PROGRAMME, Programme.from_node),
    "FundingCall": (funding_calls.FUNDING_CALL, FundingCall.from_node),
    "PilotProject": (pilot_projects.PILOT_PROJECT, PilotProject.from_node),
    "Project": (projects.PROJECT, Project.from_node),
    "Topic": (topics.TOPIC, Topic.from_node),
    "Challenge": (challenges.CHALLENGE, Challenge.from_node),
    "Team": (challenges.TEAM, Team.from_node),
    "Award": (challenges.AWARD, Award.from_node),
}


def visible(info: Info, type_name: str, node: dict[str, Any]) -> bool:
    """People are private unless they opted in to a public profile; a draft challenge is seen
    by its organisers only."""
    if type_name == "Person":
        return bool(node.get("is_public"))
    if type_name == "Challenge" and node.get("phase") == Phase.DRAFT.value:
        return access.organises(info, str(node["id"]))
    return True


@strawberry.type(description="One hop of a path: a relation between two nodes of the path.")
class PathRelation:
    type: str
    from_id: strawberry.ID
    to_id: strawberry.ID
    properties: JSON


@strawberry.type(description="How two nodes are connected: the nodes and relations in order.")
class GraphPath:
    length: int
    nodes: list[Node]
    relations: list[PathRelation]


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any node by its global id.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        type_name, node_id = from_global_id(id)
        if type_name not in NODE_TYPES:
            return None
        kind, build = NODE_TYPES[type_name]
        node = await info.context.loaders.nodes(kind).load(node_id)
        if node is None or not visible(info, type_name, node):
            return None
        return build(node)

    @strawberry.field(
        description="A shortest path of at most maxDepth hops between two nodes, or null."
    )
    async def path(
        self, info: Info, from_id: strawberry.ID, to_id: strawberry.ID, max_depth: int = 4
    ) -> GraphPath | None:
        _, source = from_global_id(from_id, "fromId")
        _, target = from_global_id(to_id, "toId")
        found = await paths.shortest_path(info.context.graph, source, target, max_depth)
        if found is None:
            return None
        ids: dict[str, str] = {}
        nodes: list[Node] = []
        for type_name, node in found.nodes:
            ids[str(node["id"])] = to_global_id(type_name, str(node["id"]))
            if type_name in NODE_TYPES and visible(info, type_name, node):
                nodes.append(NODE_TYPES[type_name][1](node))
            else:
                nodes.append(HiddenNode(id=strawberry.ID(ids[str(node["id"])])))
        return GraphPath(
            length=len(found.relations),
            nodes=nodes,
            relations=[
                PathRelation(
                    type=step.type,
                    from_id=strawberry.ID(ids[step.source]),
                    to_id=strawberry.ID(ids[step.target]),
                    properties=cast(JSON, step.link),
                )
                for step in found.relations
            ],
        )


@strawberry.type(description="A node on a path that the caller may not see (a private person).")
class HiddenNode(Node):
    id: strawberry.ID
