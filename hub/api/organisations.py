"""Organisations in GraphQL: the type, its lists, lookups and mutations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from hub.api.common import (
    Connection,
    DeletePayload,
    GeoPoint,
    LocalizedText,
    LocalizedTextInput,
    MutationError,
    Node,
    by_id,
    by_key,
    created,
    deleted,
    geo_point,
    global_id,
    linked,
    listed,
    localized,
    updated,
)
from hub.api.context import Info
from hub.ecosystem import organisations, people, relations
from hub.ecosystem.organisations import OrganisationKind
from hub.ecosystem.text import fold
from hub.privacy.consent import ProfileField, shows

if TYPE_CHECKING:
    from hub.api.networks import Membership
    from hub.api.people import Affiliation
    from hub.api.programmes import ProgrammeParticipation
    from hub.api.projects import ProjectParticipation

strawberry.enum(OrganisationKind)


@strawberry.type
class Organisation(Node):
    id: strawberry.ID
    name: str
    short_name: str | None
    kind: OrganisationKind
    description: LocalizedText | None
    sectors: list[str]
    capabilities_offered: list[str]
    capabilities_needed: list[str]
    city: str | None
    country: str | None = strawberry.field(description="EU country code (EL for Greece).")
    location: GeoPoint | None
    website: str | None
    pic: str | None = strawberry.field(description="EU Participant Identification Code.")
    vat_number: str | None
    is_demo: bool
    created_at: str
    updated_at: str
    node_id: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Organisation:
        return cls(
            id=global_id("Organisation", node),
            name=node["name"],
            short_name=node.get("short_name"),
            kind=OrganisationKind(node["kind"]),
            description=localized(node, "description"),
            sectors=list(node.get("sectors") or []),
            capabilities_offered=list(node.get("capabilities_offered") or []),
            capabilities_needed=list(node.get("capabilities_needed") or []),
            city=node.get("city"),
            country=node.get("country"),
            location=geo_point(node),
            website=node.get("website"),
            pic=node.get("pic"),
            vat_number=node.get("vat_number"),
            is_demo=bool(node.get("demo", False)),
            created_at=str(node.get("created_at", "")),
            updated_at=str(node.get("updated_at", "")),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="EU and city networks this organisation belongs to.")
    async def networks(
        self, info: Info
    ) -> list[Annotated[Membership, strawberry.lazy("hub.api.networks")]]:
        from hub.api.networks import Membership, Network

        return [
            Membership(network=Network.from_node(item.node), since=item.link.get("since"))
            for item in await linked(info, relations.MEMBER_OF, self.node_id, outgoing=True)
        ]

    @strawberry.field(description="Programmes (such as OK!Thess cohorts) it took part in.")
    async def programmes(
        self, info: Info
    ) -> list[Annotated[ProgrammeParticipation, strawberry.lazy("hub.api.programmes")]]:
        from hub.api.programmes import Programme, ProgrammeParticipation

        return [
            ProgrammeParticipation(
                programme=Programme.from_node(item.node), cohort=item.link.get("cohort")
            )
            for item in await linked(info, relations.PARTICIPATES_IN, self.node_id, outgoing=True)
        ]

    @strawberry.field(description="Programmes this organisation runs.")
    async def runs_programmes(
        self, info: Info
    ) -> list[Annotated[ProgrammeParticipation, strawberry.lazy("hub.api.programmes")]]:
        from hub.api.programmes import Programme, ProgrammeParticipation

        return [
            ProgrammeParticipation(programme=Programme.from_node(item.node), cohort=None)
            for item in await linked(info, relations.RUNS, self.node_id, outgoing=True)
        ]

    @strawberry.field(description="People affiliated with it who made their profile public.")
    async def people(
        self, info: Info
    ) -> list[Annotated[Affiliation, strawberry.lazy("hub.api.people")]]:
        from hub.api.people import Affiliation, Person

        return [
            Affiliation(person=Person.from_node(item.node), role=item.link.get("role"))
            for item in await linked(info, relations.AFFILIATED_WITH, self.node_id, outgoing=False)
            if people.is_public(item.node) and shows(item.node, ProfileField.AFFILIATIONS)
        ]

    @strawberry.field(description="Funded projects it took part in, with its role.")
    async def projects(
        self, info: Info
    ) -> list[Annotated[ProjectParticipation, strawberry.lazy("hub.api.projects")]]:
        from hub.api.projects import Project, ProjectParticipation

        return [
            ProjectParticipation(project=Project.from_node(item.node), role=item.link.get("role"))
            for item in await linked(info, relations.PARTICIPATED_IN, self.node_id, outgoing=True)
        ]


@strawberry.input
class OrganisationFilter:
    text: str | None = strawberry.field(
        default=None, description="Words in the name, description, sectors or capabilities."
    )
    kinds: list[OrganisationKind] | None = None
    sector: str | None = None
    country: str | None = None
    city: str | None = None


@strawberry.input
class CreateOrganisationInput:
    name: str
    kind: OrganisationKind
    short_name: str | None = None
    description: LocalizedTextInput | None = None
    sectors: list[str] | None = None
    capabilities_offered: list[str] | None = None
    capabilities_needed: list[str] | None = None
    city: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    website: str | None = None
    pic: str | None = None
    vat_number: str | None = None


@strawberry.input(description="Only the fields given change; null clears an optional field.")
class UpdateOrganisationInput:
    name: str | None = strawberry.UNSET
    kind: OrganisationKind | None = strawberry.UNSET
    short_name: str | None = strawberry.UNSET
    description: LocalizedTextInput | None = strawberry.UNSET
    sectors: list[str] | None = strawberry.UNSET
    capabilities_offered: list[str] | None = strawberry.UNSET
    capabilities_needed: list[str] | None = strawberry.UNSET
    city: str | None = strawberry.UNSET
    country: str | None = strawberry.UNSET
    latitude: float | None = strawberry.UNSET
    longitude: float | None = strawberry.UNSET
    website: str | None = strawberry.UNSET
    pic: str | None = strawberry.UNSET
    vat_number: str | None = strawberry.UNSET


@strawberry.type
class OrganisationPayload:
    organisation: Organisation | None
    errors: list[MutationError]


def organisation_filters(filter: OrganisationFilter | None) -> dict[str, Any]:
    given = filter or OrganisationFilter()
    country = given.country.upper() if given.country else None
    return {
        "text": fold(given.text) if given.text else None,
        "kinds": [kind.value for kind in given.kinds] if given.kinds else None,
        "sector": given.sector,
        "country": {"GR": "EL", "GB": "UK"}.get(country, country) if country else None,
        "city": fold(given.city) if given.city else None,
    }


@strawberry.type
class OrganisationQuery:
    @strawberry.field(description="Organisations in name order, filtered, a page at a time.")
    async def organisations(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: OrganisationFilter | None = None,
    ) -> Connection[Organisation]:
        return await listed(
            info,
            organisations.ORGANISATION,
            organisation_filters(filter),
            Organisation.from_node,
            first=first,
            after=after,
        )

    @strawberry.field(description="One organisation by global id or by PIC.")
    async def organisation(
        self, info: Info, id: strawberry.ID | None = None, pic: str | None = None
    ) -> Organisation | None:
        if id is not None:
            return await by_id(info, organisations.ORGANISATION, id, Organisation.from_node)
        if pic is not None:
            return await by_key(
                organisations.by_pic(info.context.graph, pic), Organisation.from_node
            )
        return None


@strawberry.type
class OrganisationMutation:
    @strawberry.mutation
    async def create_organisation(
        self, info: Info, input: CreateOrganisationInput
    ) -> OrganisationPayload:
        organisation, errors = await created(
            info,
            organisations.ORGANISATIONS,
            input,
            Organisation.from_node,
            operation="createOrganisation",
        )
        return OrganisationPayload(organisation=organisation, errors=errors)

    @strawberry.mutation
    async def update_organisation(
        self, info: Info, id: strawberry.ID, input: UpdateOrganisationInput
    ) -> OrganisationPayload:
        organisation, errors = await updated(
            info,
            organisations.ORGANISATIONS,
            id,
            input,
            Organisation.from_node,
            operation="updateOrganisation",
        )
        return OrganisationPayload(organisation=organisation, errors=errors)

    @strawberry.mutation
    async def delete_organisation(self, info: Info, id: strawberry.ID) -> DeletePayload:
        return await deleted(info, organisations.ORGANISATIONS, id, operation="deleteOrganisation")
