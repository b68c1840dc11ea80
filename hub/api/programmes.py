"""Programmes in GraphQL: who runs them, who took part (by cohort), who mentors."""

from __future__ import annotations

from datetime import date
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
    day,
    deleted,
    global_id,
    linked,
    linked_nodes,
    listed,
    localized,
    updated,
)
from hub.api.context import Info
from hub.ecosystem import people, programmes, relations
from hub.ecosystem.text import fold
from hub.privacy.consent import ProfileField, shows

if TYPE_CHECKING:
    from hub.api.organisations import Organisation
    from hub.api.people import Person


@strawberry.type(description="An acceleration programme or cohort series, such as OK!Thess.")
class Programme(Node):
    id: strawberry.ID
    name: str
    description: LocalizedText | None
    starts_on: date | None
    ends_on: date | None
    website: str | None
    is_demo: bool
    created_at: str
    updated_at: str
    node_id: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Programme:
        return cls(
            id=global_id("Programme", node),
            name=node["name"],
            description=localized(node, "description"),
            starts_on=day(node.get("starts_on")),
            ends_on=day(node.get("ends_on")),
            website=node.get("website"),
            is_demo=bool(node.get("demo", False)),
            created_at=str(node.get("created_at", "")),
            updated_at=str(node.get("updated_at", "")),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="Organisations that run this programme.")
    async def run_by(
        self, info: Info
    ) -> list[Annotated[Organisation, strawberry.lazy("hub.api.organisations")]]:
        from hub.api.organisations import Organisation

        return await linked_nodes(
            info, relations.RUNS, self.node_id, Organisation.from_node, outgoing=False
        )

    @strawberry.field(description="Organisations that took part, with their cohort.")
    async def participants(self, info: Info) -> list[ProgrammeParticipant]:
        from hub.api.organisations import Organisation

        return [
            ProgrammeParticipant(
                organisation=Organisation.from_node(item.node), cohort=item.link.get("cohort")
            )
            for item in await linked(info, relations.PARTICIPATES_IN, self.node_id, outgoing=False)
        ]

    @strawberry.field(description="Mentors who made their profile public.")
    async def mentors(
        self, info: Info
    ) -> list[Annotated[Person, strawberry.lazy("hub.api.people")]]:
        from hub.api.people import Person

        return [
            Person.from_node(item.node)
            for item in await linked(info, relations.MENTORS, self.node_id, outgoing=False)
            if people.is_public(item.node) and shows(item.node, ProfileField.MENTORING)
        ]


@strawberry.type(description="An organisation's part in a programme, with its cohort.")
class ProgrammeParticipation:
    programme: Programme
    cohort: str | None


@strawberry.type(description="An organisation that took part in a programme, with its cohort.")
class ProgrammeParticipant:
    organisation: Annotated[Organisation, strawberry.lazy("hub.api.organisations")]
    cohort: str | None


@strawberry.input
class ProgrammeFilter:
    text: str | None = strawberry.field(
        default=None, description="Words in the name or description."
    )


@strawberry.input
class CreateProgrammeInput:
    name: str
    description: LocalizedTextInput | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    website: str | None = None


@strawberry.input(description="Only the fields given change; null clears an optional field.")
class UpdateProgrammeInput:
    name: str | None = strawberry.UNSET
    description: LocalizedTextInput | None = strawberry.UNSET
    starts_on: date | None = strawberry.UNSET
    ends_on: date | None = strawberry.UNSET
    website: str | None = strawberry.UNSET


@strawberry.type
class ProgrammePayload:
    programme: Programme | None
    errors: list[MutationError]


def programme_filters(filter: ProgrammeFilter | None) -> dict[str, Any]:
    given = filter or ProgrammeFilter()
    return {"text": fold(given.text) if given.text else None}


@strawberry.type
class ProgrammeQuery:
    @strawberry.field(description="Programmes in name order, filtered, a page at a time.")
    async def programmes(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: ProgrammeFilter | None = None,
    ) -> Connection[Programme]:
        return await listed(
            info,
            programmes.PROGRAMME,
            programme_filters(filter),
            Programme.from_node,
            first=first,
            after=after,
        )

    @strawberry.field(description="One programme by global id.")
    async def programme(self, info: Info, id: strawberry.ID) -> Programme | None:
        return await by_id(info, programmes.PROGRAMME, id, Programme.from_node)


@strawberry.type
class ProgrammeMutation:
    @strawberry.mutation
    async def create_programme(self, info: Info, input: CreateProgrammeInput) -> ProgrammePayload:
        programme, errors = await created(
            info, programmes.PROGRAMMES, input, Programme.from_node, operation="createProgramme"
        )
        return ProgrammePayload(programme=programme, errors=errors)

    @strawberry.mutation
    async def update_programme(
        self, info: Info, id: strawberry.ID, input: UpdateProgrammeInput
    ) -> ProgrammePayload:
        programme, errors = await updated(
            info, programmes.PROGRAMMES, id, input, Programme.from_node, operation="updateProgramme"
        )
        return ProgrammePayload(programme=programme, errors=errors)

    @strawberry.mutation
    async def delete_programme(self, info: Info, id: strawberry.ID) -> DeletePayload:
        return await deleted(info, programmes.PROGRAMMES, id, operation="deleteProgramme")
