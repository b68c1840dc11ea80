"""Past open-data challenges in GraphQL (read-only): organisers, teams, awards, winners."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from hub.api.common import (
    Connection,
    LocalizedText,
    Node,
    connection,
    global_id,
    localized,
)
from hub.api.context import Info
from hub.api.organisations import Organisation
from hub.ecosystem import challenges, entities
from hub.ecosystem.ids import expect_global_id

if TYPE_CHECKING:
    from hub.api.people import Person


@strawberry.type(description="An open-data contest held in the past, with its winners.")
class Challenge(Node):
    id: strawberry.ID
    title: LocalizedText
    description: LocalizedText | None
    year: int
    themes: list[str]
    is_demo: bool
    created_at: str
    updated_at: str
    node_id: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Challenge:
        return cls(
            id=global_id("Challenge", node),
            title=localized(node, "title") or LocalizedText(el=None, en=None),
            description=localized(node, "description"),
            year=int(node["year"]),
            themes=list(node.get("themes") or []),
            is_demo=bool(node.get("demo", False)),
            created_at=str(node.get("created_at", "")),
            updated_at=str(node.get("updated_at", "")),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="Organisations that ran the challenge.")
    async def organisers(self, info: Info) -> list[Organisation]:
        linked = await info.context.loaders.linked(challenges.ORGANISES, outgoing=False).load(
            self.node_id
        )
        return [Organisation.from_node(item.node) for item in linked]

    @strawberry.field(description="Teams that entered, in name order.")
    async def teams(self, info: Info) -> list[Team]:
        linked = await info.context.loaders.linked(challenges.ENTERED, outgoing=False).load(
            self.node_id
        )
        return [Team.from_node(item.node) for item in linked]

    @strawberry.field(description="Its awards, first place first.")
    async def awards(self, info: Info) -> list[Award]:
        linked = await info.context.loaders.linked(challenges.AWARD_OF, outgoing=False).load(
            self.node_id
        )
        return sorted((Award.from_node(item.node) for item in linked), key=lambda award: award.rank)


@strawberry.type(description="A team that entered a challenge.")
class Team(Node):
    id: strawberry.ID
    name: str
    is_demo: bool
    node_id: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Team:
        return cls(
            id=global_id("Team", node),
            name=str(node["name"]),
            is_demo=bool(node.get("demo", False)),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="Members with a public profile (the others are not shown).")
    async def members(
        self, info: Info
    ) -> list[Annotated[Person, strawberry.lazy("hub.api.people")]]:
        from hub.api.people import Person

        linked = await info.context.loaders.linked(challenges.TEAM_MEMBER, outgoing=False).load(
            self.node_id
        )
        return [Person.from_node(item.node) for item in linked if item.node.get("is_public")]

    @strawberry.field(description="Organisations the team came from.")
    async def organisations(self, info: Info) -> list[Organisation]:
        linked = await info.context.loaders.linked(
            challenges.TEAM_ORGANISATION, outgoing=False
        ).load(self.node_id)
        return [Organisation.from_node(item.node) for item in linked]

    @strawberry.field(description="The challenge it entered.")
    async def challenge(self, info: Info) -> Challenge | None:
        linked = await info.context.loaders.linked(challenges.ENTERED, outgoing=True).load(
            self.node_id
        )
        return Challenge.from_node(linked[0].node) if linked else None

    @strawberry.field(description="Awards the team won, first place first.")
    async def awards(self, info: Info) -> list[Award]:
        linked = await info.context.loaders.linked(challenges.WON, outgoing=True).load(self.node_id)
        return sorted((Award.from_node(item.node) for item in linked), key=lambda award: award.rank)


@strawberry.type(description="A place (1 to 3) a team won in a challenge, with its prize.")
class Award(Node):
    id: strawberry.ID
    rank: int
    prize: LocalizedText | None
    is_demo: bool
    node_id: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Award:
        return cls(
            id=global_id("Award", node),
            rank=int(node["rank"]),
            prize=localized(node, "prize"),
            is_demo=bool(node.get("demo", False)),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="The winning team.")
    async def team(self, info: Info) -> Team | None:
        linked = await info.context.loaders.linked(challenges.WON, outgoing=False).load(
            self.node_id
        )
        return Team.from_node(linked[0].node) if linked else None

    @strawberry.field(description="The challenge the award belongs to.")
    async def challenge(self, info: Info) -> Challenge | None:
        linked = await info.context.loaders.linked(challenges.AWARD_OF, outgoing=True).load(
            self.node_id
        )
        return Challenge.from_node(linked[0].node) if linked else None


# For `node(id:)`: the types of this module beyond Challenge, with their kinds.
NODE_TYPES: dict[str, tuple[entities.Kind, Callable[[dict[str, Any]], Node]]] = {
    "Challenge": (challenges.CHALLENGE, Challenge.from_node),
    "Team": (challenges.TEAM, Team.from_node),
    "Award": (challenges.AWARD, Award.from_node),
}


@strawberry.input
class ChallengeFilter:
    text: str | None = strawberry.field(
        default=None, description="Words in the title, description or themes."
    )
    year: int | None = None


@strawberry.type
class ChallengeQuery:
    @strawberry.field(description="Past challenges, oldest first, filtered, a page at a time.")
    async def challenges(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: ChallengeFilter | None = None,
    ) -> Connection[Challenge]:
        given = filter or ChallengeFilter()
        page = await entities.page(
            info.context.graph,
            challenges.CHALLENGE,
            challenges.filters(text=given.text, year=given.year),
            first=first,
            after=after,
        )
        return connection(page, Challenge.from_node)

    @strawberry.field(description="One challenge by global id.")
    async def challenge(self, info: Info, id: strawberry.ID) -> Challenge | None:
        node_id = expect_global_id(id, "Challenge")
        node = await info.context.loaders.nodes(challenges.CHALLENGE).load(node_id)
        return Challenge.from_node(node) if node else None

    @strawberry.field(description="Awards of past challenges: newest challenge first, by rank.")
    async def past_winners(self, info: Info, first: int = 20) -> list[Award]:
        nodes = await challenges.past_winners(info.context.graph, first=first)
        return [Award.from_node(node) for node in nodes]
