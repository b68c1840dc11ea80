"""Topics in GraphQL (read-only): the tags and what is tagged with them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from hub.api.common import Connection, Node, by_id, global_id, linked_nodes, listed
from hub.api.context import Info
from hub.ecosystem import relations, topics

if TYPE_CHECKING:
    from hub.api.funding_calls import FundingCall
    from hub.api.pilot_projects import PilotProject
    from hub.api.projects import Project


@strawberry.type(description="A tag shared by funding calls, pilot projects and projects.")
class Topic(Node):
    id: strawberry.ID
    name: str = strawberry.field(description="The name as first written.")
    key: str = strawberry.field(description="The folded name: case and accents do not matter.")
    node_id: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Topic:
        return cls(
            id=global_id("Topic", node),
            name=str(node.get("name") or node.get("key", "")),
            key=str(node.get("key", "")),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="Funding calls tagged with this topic.")
    async def funding_calls(
        self, info: Info
    ) -> list[Annotated[FundingCall, strawberry.lazy("hub.api.funding_calls")]]:
        from hub.api.funding_calls import FundingCall

        return await linked_nodes(
            info, relations.TAGGED_CALL, self.node_id, FundingCall.from_node, outgoing=False
        )

    @strawberry.field(description="Pilot projects tagged with this topic.")
    async def pilot_projects(
        self, info: Info
    ) -> list[Annotated[PilotProject, strawberry.lazy("hub.api.pilot_projects")]]:
        from hub.api.pilot_projects import PilotProject

        return await linked_nodes(
            info, relations.TAGGED_PILOT, self.node_id, PilotProject.from_node, outgoing=False
        )

    @strawberry.field(description="Funded projects tagged with this topic.")
    async def projects(
        self, info: Info
    ) -> list[Annotated[Project, strawberry.lazy("hub.api.projects")]]:
        from hub.api.projects import Project

        return await linked_nodes(
            info, relations.TAGGED_PROJECT, self.node_id, Project.from_node, outgoing=False
        )


@strawberry.input
class TopicFilter:
    text: str | None = strawberry.field(default=None, description="Part of the topic's name.")


@strawberry.type
class TopicQuery:
    @strawberry.field(description="Topics in name order, filtered, a page at a time.")
    async def topics(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: TopicFilter | None = None,
    ) -> Connection[Topic]:
        return await listed(
            info,
            topics.TOPIC,
            topics.filters(text=filter.text if filter else None),
            Topic.from_node,
            first=first,
            after=after,
        )

    @strawberry.field(description="One topic by global id.")
    async def topic(self, info: Info, id: strawberry.ID) -> Topic | None:
        return await by_id(info, topics.TOPIC, id, Topic.from_node)
