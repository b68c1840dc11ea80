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
    attempt,
    connection,
    global_id,
    input_data,
    localized,
)
from hub.api.context import Info
from hub.ecosystem import crud, entities, people, programmes, relations
from hub.ecosystem.ids import expect_global_id
from hub.ecosystem.text import fold

if TYPE_CHECKING:
    from hub.api.organisations import Organisation
    from hub.api.people import Person


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


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
            starts_on=_date(node.get("starts_on")),
            ends_on=_date(node.get("ends_on")),
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

        linked = await info.context.loaders.linked(relations.RUNS, outgoing=False).load(
            self.node_id
        )
        return [Organisation.from_node(item.node) for item in linked]

    @strawberry.field(description="Organisations that took part, with their cohort.")
    async def participants(self, info: Info) -> list[ProgrammeParticipant]:
        from hub.api.organisations import Organisation

        linked = await info.context.loaders.linked(relations.PARTICIPATES_IN, outgoing=False).load(
            self.node_id
        )
        return [
            ProgrammeParticipant(
                organisation=Organisation.from_node(item.node), cohort=item.link.get("cohort")
            )
            for item in linked
        ]

    @strawberry.field(description="Mentors who made their profile public.")
    async def mentors(
        self, info: Info
    ) -> list[Annotated[Person, strawberry.lazy("hub.api.people")]]:
        from hub.api.people import Person

        linked = await info.context.loaders.linked(relations.MENTORS, outgoing=False).load(
            self.node_id
        )
        return [Person.from_node(item.node) for item in linked if people.is_public(item.node)]


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
        page = await entities.page(
            info.context.graph,
            programmes.PROGRAMME,
            programme_filters(filter),
            first=first,
            after=after,
        )
        return connection(page, Programme.from_node)

    @strawberry.field(description="One programme by global id.")
    async def programme(self, info: Info, id: strawberry.ID) -> Programme | None:
        node_id = expect_global_id(id, "Programme")
        node = await info.context.loaders.nodes(programmes.PROGRAMME).load(node_id)
        return Programme.from_node(node) if node else None


@strawberry.type
class ProgrammeMutation:
    @strawberry.mutation
    async def create_programme(self, info: Info, input: CreateProgrammeInput) -> ProgrammePayload:
        node, errors = await attempt(
            crud.create(info.context.graph, programmes.PROGRAMMES, input_data(input))
        )
        return ProgrammePayload(
            programme=Programme.from_node(node) if node else None, errors=errors
        )

    @strawberry.mutation
    async def update_programme(
        self, info: Info, id: strawberry.ID, input: UpdateProgrammeInput
    ) -> ProgrammePayload:
        async def change() -> dict[str, Any]:
            node_id = expect_global_id(id, "Programme")
            return await crud.update(
                info.context.graph,
                programmes.PROGRAMMES,
                node_id,
                input_data(input, keep_nulls=True),
            )

        node, errors = await attempt(change())
        return ProgrammePayload(
            programme=Programme.from_node(node) if node else None, errors=errors
        )

    @strawberry.mutation
    async def delete_programme(self, info: Info, id: strawberry.ID) -> DeletePayload:
        async def remove() -> strawberry.ID:
            node_id = expect_global_id(id, "Programme")
            await crud.delete(info.context.graph, programmes.PROGRAMMES, node_id)
            return id

        deleted, errors = await attempt(remove())
        return DeletePayload(deleted_id=deleted, errors=errors)
