"""Topics in GraphQL (read-only): the tags and what is tagged with them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from hub.api.common import Connection, Node, connection, global_id
from hub.api.context import Info
from hub.ecosystem import entities, relations, topics
from hub.ecosystem.ids import expect_global_id

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

        linked = await info.context.loaders.linked(relations.TAGGED_CALL, outgoing=False).load(
            self.node_id
        )
        return [FundingCall.from_node(item.node) for item in linked]

    @strawberry.field(description="Pilot projects tagged with this topic.")
    async def pilot_projects(
        self, info: Info
    ) -> list[Annotated[PilotProject, strawberry.lazy("hub.api.pilot_projects")]]:
        from hub.api.pilot_projects import PilotProject

        linked = await info.context.loaders.linked(relations.TAGGED_PILOT, outgoing=False).load(
            self.node_id
        )
        return [PilotProject.from_node(item.node) for item in linked]

    @strawberry.field(description="Funded projects tagged with this topic.")
    async def projects(
        self, info: Info
    ) -> list[Annotated[Project, strawberry.lazy("hub.api.projects")]]:
        from hub.api.projects import Project

        linked = await info.context.loaders.linked(relations.TAGGED_PROJECT, outgoing=False).load(
            self.node_id
        )
        return [Project.from_node(item.node) for item in linked]


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
        page = await entities.page(
            info.context.graph,
            topics.TOPIC,
            topics.filters(text=filter.text if filter else None),
            first=first,
            after=after,
        )
        return connection(page, Topic.from_node)

    @strawberry.field(description="One topic by global id.")
    async def topic(self, info: Info, id: strawberry.ID) -> Topic | None:
        node_id = expect_global_id(id, "Topic")
        node = await info.context.loaders.nodes(topics.TOPIC).load(node_id)
        return Topic.from_node(node) if node else None
