"""People in GraphQL: public profiles only; e-mail addresses are never exposed."""

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
    attempt,
    connection,
    global_id,
    input_data,
    localized,
)
from hub.api.context import Info
from hub.ecosystem import crud, entities, people, relations
from hub.ecosystem.ids import expect_global_id
from hub.ecosystem.people import PersonRole
from hub.ecosystem.text import fold

if TYPE_CHECKING:
    from hub.api.organisations import Organisation
    from hub.api.programmes import Programme

strawberry.enum(PersonRole)


@strawberry.type(
    description="A researcher, mentor, founder or official. Queries return only people who "
    "opted in to a public profile (`person(id)` is null otherwise); e-mail is never shown."
)
class Person(Node):
    id: strawberry.ID
    name: str
    roles: list[PersonRole]
    bio: LocalizedText | None
    skills: list[str]
    website: str | None
    is_public: bool = strawberry.field(description="Whether the profile is public (opt-in).")
    is_demo: bool
    created_at: str
    updated_at: str
    node_id: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Person:
        return cls(
            id=global_id("Person", node),
            name=node["name"],
            roles=[PersonRole(role) for role in node.get("roles") or []],
            bio=localized(node, "bio"),
            skills=list(node.get("skills") or []),
            website=node.get("website"),
            is_public=people.is_public(node),
            is_demo=bool(node.get("demo", False)),
            created_at=str(node.get("created_at", "")),
            updated_at=str(node.get("updated_at", "")),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="Organisations this person works with, with their role.")
    async def affiliations(self, info: Info) -> list[PersonAffiliation]:
        from hub.api.organisations import Organisation

        linked = await info.context.loaders.linked(relations.AFFILIATED_WITH, outgoing=True).load(
            self.node_id
        )
        return [
            PersonAffiliation(
                organisation=Organisation.from_node(item.node), role=item.link.get("role")
            )
            for item in linked
        ]

    @strawberry.field(description="Programmes this person mentors in.")
    async def mentoring(
        self, info: Info
    ) -> list[Annotated[Programme, strawberry.lazy("hub.api.programmes")]]:
        from hub.api.programmes import Programme

        linked = await info.context.loaders.linked(relations.MENTORS, outgoing=True).load(
            self.node_id
        )
        return [Programme.from_node(item.node) for item in linked]


@strawberry.type(description="A person affiliated with an organisation, with their role.")
class Affiliation:
    person: Person
    role: str | None


@strawberry.type(description="An organisation a person is affiliated with, with their role.")
class PersonAffiliation:
    organisation: Annotated[Organisation, strawberry.lazy("hub.api.organisations")]
    role: str | None


@strawberry.input
class PersonFilter:
    text: str | None = strawberry.field(
        default=None, description="Words in the name, bio or skills."
    )
    role: PersonRole | None = None


@strawberry.input
class CreatePersonInput:
    name: str
    roles: list[PersonRole]
    bio: LocalizedTextInput | None = None
    skills: list[str] | None = None
    email: str | None = strawberry.field(
        default=None, description="Kept for contact; never shown through this API."
    )
    website: str | None = None
    is_public: bool | None = strawberry.field(
        default=None, description="Opt in to a public profile (private by default)."
    )


@strawberry.input(description="Only the fields given change; null clears an optional field.")
class UpdatePersonInput:
    name: str | None = strawberry.UNSET
    roles: list[PersonRole] | None = strawberry.UNSET
    bio: LocalizedTextInput | None = strawberry.UNSET
    skills: list[str] | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    website: str | None = strawberry.UNSET
    is_public: bool | None = strawberry.UNSET


@strawberry.type(description="The person written (even a private one: the caller wrote it).")
class PersonPayload:
    person: Person | None
    errors: list[MutationError]


def person_filters(filter: PersonFilter | None) -> dict[str, Any]:
    given = filter or PersonFilter()
    return {
        "text": fold(given.text) if given.text else None,
        "role": given.role.value if given.role else None,
    }


@strawberry.type
class PersonQuery:
    @strawberry.field(description="People with a public profile, in name order, a page at a time.")
    async def people(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: PersonFilter | None = None,
    ) -> Connection[Person]:
        page = await entities.page(
            info.context.graph, people.PERSON, person_filters(filter), first=first, after=after
        )
        return connection(page, Person.from_node)

    @strawberry.field(description="One person by global id; null unless the profile is public.")
    async def person(self, info: Info, id: strawberry.ID) -> Person | None:
        node_id = expect_global_id(id, "Person")
        node = await info.context.loaders.nodes(people.PERSON).load(node_id)
        return Person.from_node(node) if node and people.is_public(node) else None


@strawberry.type
class PersonMutation:
    @strawberry.mutation
    async def create_person(self, info: Info, input: CreatePersonInput) -> PersonPayload:
        node, errors = await attempt(
            crud.create(info.context.graph, people.PEOPLE, input_data(input))
        )
        return PersonPayload(person=Person.from_node(node) if node else None, errors=errors)

    @strawberry.mutation
    async def update_person(
        self, info: Info, id: strawberry.ID, input: UpdatePersonInput
    ) -> PersonPayload:
        async def change() -> dict[str, Any]:
            node_id = expect_global_id(id, "Person")
            return await crud.update(
                info.context.graph, people.PEOPLE, node_id, input_data(input, keep_nulls=True)
            )

        node, errors = await attempt(change())
        return PersonPayload(person=Person.from_node(node) if node else None, errors=errors)

    @strawberry.mutation
    async def delete_person(self, info: Info, id: strawberry.ID) -> DeletePayload:
        async def remove() -> strawberry.ID:
            node_id = expect_global_id(id, "Person")
            await crud.delete(info.context.graph, people.PEOPLE, node_id)
            return id

        deleted, errors = await attempt(remove())
        return DeletePayload(deleted_id=deleted, errors=errors)
