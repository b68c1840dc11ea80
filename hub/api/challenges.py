"""Past open-data challenges in GraphQL (read-only): organisers, teams, awards, winners."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from hub.api.challenge_access import organises
from hub.api.common import (
    Connection,
    LocalizedText,
    Node,
    global_id,
    linked,
    linked_node,
    linked_nodes,
    listed,
    localized,
)
from hub.api.context import Info
from hub.api.organisations import Organisation
from hub.ecosystem import challenges, people
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
        return await linked_nodes(
            info, challenges.ORGANISES, self.node_id, Organisation.from_node, outgoing=False
        )

    @strawberry.field(description="Teams that entered, in name order.")
    async def teams(self, info: Info) -> list[Team]:
        return await linked_nodes(
            info, challenges.ENTERED, self.node_id, Team.from_node, outgoing=False
        )

    @strawberry.field(description="Its awards, first place first.")
    async def awards(self, info: Info) -> list[Award]:
        awards = await linked_nodes(
            info, challenges.AWARD_OF, self.node_id, Award.from_node, outgoing=False
        )
        return sorted(awards, key=lambda award: award.rank)


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

        return [
            Person.from_node(item.node)
            for item in await linked(info, challenges.TEAM_MEMBER, self.node_id, outgoing=False)
            if people.is_public(item.node)
        ]

    @strawberry.field(description="Organisations the team came from.")
    async def organisations(self, info: Info) -> list[Organisation]:
        return await linked_nodes(
            info, challenges.TEAM_ORGANISATION, self.node_id, Organisation.from_node, outgoing=False
        )

    @strawberry.field(description="The challenge it entered.")
    async def challenge(self, info: Info) -> Challenge | None:
        return await linked_node(
            info, challenges.ENTERED, self.node_id, Challenge.from_node, outgoing=True
        )

    @strawberry.field(description="Awards the team won, first place first.")
    async def awards(self, info: Info) -> list[Award]:
        awards = await linked_nodes(
            info, challenges.WON, self.node_id, Award.from_node, outgoing=True
        )
        return sorted(awards, key=lambda award: award.rank)


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
        return await linked_node(info, challenges.WON, self.node_id, Team.from_node, outgoing=False)

    @strawberry.field(description="The challenge the award belongs to.")
    async def challenge(self, info: Info) -> Challenge | None:
        return await linked_node(
            info, challenges.AWARD_OF, self.node_id, Challenge.from_node, outgoing=True
        )


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
        return await listed(
            info,
            challenges.CHALLENGE,
            challenges.filters(text=given.text, year=given.year),
            Challenge.from_node,
            first=first,
            after=after,
        )

    @strawberry.field(description="One challenge by global id (a draft only for its organisers).")
    async def challenge(self, info: Info, id: strawberry.ID) -> Challenge | None:
        node_id = expect_global_id(id, challenges.CHALLENGE.type_name)
        node = await info.context.loaders.nodes(challenges.CHALLENGE).load(node_id)
        if node is None or (node.get("phase") == "draft" and not organises(info, node_id)):
            return None
        return Challenge.from_node(node)

    @strawberry.field(description="Awards of past challenges: newest challenge first, by rank.")
    async def past_winners(self, info: Info, first: int = 20) -> list[Award]:
        nodes = await challenges.past_winners(info.context.graph, first=first)
        return [Award.from_node(node) for node in nodes]
