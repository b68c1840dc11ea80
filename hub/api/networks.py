"""Networks in GraphQL: EEN, EIT communities, city networks and clusters, with members."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from hub.api.common import (
    Connection,
    DeletePayload,
    LocalizedText,
    LocalizedTextInput,
    MutationError,
    Node,
    by_id,
    created,
    deleted,
    global_id,
    linked,
    listed,
    localized,
    updated,
)
from hub.api.context import Info
from hub.ecosystem import networks, relations
from hub.ecosystem.networks import NetworkKind
from hub.ecosystem.text import fold

if TYPE_CHECKING:
    from hub.api.organisations import Organisation

strawberry.enum(NetworkKind)


@strawberry.type(description="An EU, city or sector network that organisations belong to.")
class Network(Node):
    id: strawberry.ID
    name: str
    kind: NetworkKind
    description: LocalizedText | None
    website: str | None
    is_demo: bool
    created_at: str
    updated_at: str
    node_id: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Network:
        return cls(
            id=global_id("Network", node),
            name=node["name"],
            kind=NetworkKind(node["kind"]),
            description=localized(node, "description"),
            website=node.get("website"),
            is_demo=bool(node.get("demo", False)),
            created_at=str(node.get("created_at", "")),
            updated_at=str(node.get("updated_at", "")),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="Member organisations in name order, with the year joined.")
    async def members(self, info: Info) -> list[NetworkMember]:
        from hub.api.organisations import Organisation

        return [
            NetworkMember(
                organisation=Organisation.from_node(item.node), since=item.link.get("since")
            )
            for item in await linked(info, relations.MEMBER_OF, self.node_id, outgoing=False)
        ]

    @strawberry.field(description="How many organisations are members.")
    async def member_count(self, info: Info) -> int:
        return len(await linked(info, relations.MEMBER_OF, self.node_id, outgoing=False))


@strawberry.type(description="An organisation's membership of a network.")
class Membership:
    network: Network
    since: int | None = strawberry.field(description="The year it joined.")


@strawberry.type(description="A member organisation of a network.")
class NetworkMember:
    organisation: Annotated[Organisation, strawberry.lazy("hub.api.organisations")]
    since: int | None = strawberry.field(description="The year it joined.")


@strawberry.input
class NetworkFilter:
    text: str | None = strawberry.field(
        default=None, description="Words in the name or description."
    )
    kind: NetworkKind | None = None


@strawberry.input
class CreateNetworkInput:
    name: str
    kind: NetworkKind
    description: LocalizedTextInput | None = None
    website: str | None = None


@strawberry.input(description="Only the fields given change; null clears an optional field.")
class UpdateNetworkInput:
    name: str | None = strawberry.UNSET
    kind: NetworkKind | None = strawberry.UNSET
    description: LocalizedTextInput | None = strawberry.UNSET
    website: str | None = strawberry.UNSET


@strawberry.type
class NetworkPayload:
    network: Network | None
    errors: list[MutationError]


def network_filters(filter: NetworkFilter | None) -> dict[str, Any]:
    given = filter or NetworkFilter()
    return {
        "text": fold(given.text) if given.text else None,
        "kind": given.kind.value if given.kind else None,
    }


@strawberry.type
class NetworkQuery:
    @strawberry.field(description="Networks in name order, filtered, a page at a time.")
    async def networks(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: NetworkFilter | None = None,
    ) -> Connection[Network]:
        return await listed(
            info,
            networks.NETWORK,
            network_filters(filter),
            Network.from_node,
            first=first,
            after=after,
        )

    @strawberry.field(description="One network by global id.")
    async def network(self, info: Info, id: strawberry.ID) -> Network | None:
        return await by_id(info, networks.NETWORK, id, Network.from_node)


@strawberry.type
class NetworkMutation:
    @strawberry.mutation
    async def create_network(self, info: Info, input: CreateNetworkInput) -> NetworkPayload:
        network, errors = await created(
            info, networks.NETWORKS, input, Network.from_node, operation="createNetwork"
        )
        return NetworkPayload(network=network, errors=errors)

    @strawberry.mutation
    async def update_network(
        self, info: Info, id: strawberry.ID, input: UpdateNetworkInput
    ) -> NetworkPayload:
        network, errors = await updated(
            info, networks.NETWORKS, id, input, Network.from_node, operation="updateNetwork"
        )
        return NetworkPayload(network=network, errors=errors)

    @strawberry.mutation
    async def delete_network(self, info: Info, id: strawberry.ID) -> DeletePayload:
        return await deleted(info, networks.NETWORKS, id, operation="deleteNetwork")
