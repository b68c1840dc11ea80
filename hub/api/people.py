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
    by_id,
    created,
    deleted,
    global_id,
    linked,
    linked_nodes,
    listed,
    localized,
    updated,
)
from hub.api.context import Info
from hub.ecosystem import people, relations
from hub.ecosystem.people import PersonRole
from hub.ecosystem.text import fold
from hub.privacy.consent import ProfileField

if TYPE_CHECKING:
    from hub.api.organisations import Organisation
    from hub.api.programmes import Programme

strawberry.enum(PersonRole)
strawberry.enum(ProfileField, name="ProfileField")


@strawberry.type(
    description="A researcher, mentor, founder or official. Queries return only people who "
    "opted in to a public profile (`person(id)` is null otherwise, except for the person "
    "themself); e-mail is never shown."
)
class Person(Node):
    id: strawberry.ID
    name: str
    roles: list[PersonRole]
    is_public: bool = strawberry.field(description="Whether the profile is public (opt-in).")
    public_fields: list[ProfileField] | None = strawberry.field(
        description="The fields the person consented to show on the public profile; null "
        "means all of them (profiles from before consent per field)."
    )
    is_demo: bool
    created_at: str
    updated_at: str
    node_id: strawberry.Private[str]
    stored_bio: strawberry.Private[LocalizedText | None]
    stored_skills: strawberry.Private[list[str]]
    stored_website: strawberry.Private[str | None]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Person:
        consented = node.get("public_fields")
        return cls(
            id=global_id("Person", node),
            name=node["name"],
            roles=[PersonRole(role) for role in node.get("roles") or []],
            is_public=people.is_public(node),
            public_fields=None if consented is None else [ProfileField(f) for f in consented],
            is_demo=bool(node.get("demo", False)),
            created_at=str(node.get("created_at", "")),
            updated_at=str(node.get("updated_at", "")),
            node_id=str(node["id"]),
            stored_bio=localized(node, "bio"),
            stored_skills=list(node.get("skills") or []),
            stored_website=node.get("website"),
        )

    def shows(self, info: Info, field: ProfileField) -> bool:
        """Consent per field: the person sees everything, others what was consented to."""
        if self.node_id == info.context.viewer.person_id or self.public_fields is None:
            return True
        return field in self.public_fields

    @strawberry.field(description="Shown when the person consented (BIO).")
    def bio(self, info: Info) -> LocalizedText | None:
        return self.stored_bio if self.shows(info, ProfileField.BIO) else None

    @strawberry.field(description="Shown when the person consented (SKILLS).")
    def skills(self, info: Info) -> list[str]:
        return self.stored_skills if self.shows(info, ProfileField.SKILLS) else []

    @strawberry.field(description="Shown when the person consented (WEBSITE).")
    def website(self, info: Info) -> str | None:
        return self.stored_website if self.shows(info, ProfileField.WEBSITE) else None

    @strawberry.field(
        description="Organisations this person works with, with their role (AFFILIATIONS)."
    )
    async def affiliations(self, info: Info) -> list[PersonAffiliation]:
        from hub.api.organisations import Organisation

        if not self.shows(info, ProfileField.AFFILIATIONS):
            return []
        return [
            PersonAffiliation(
                organisation=Organisation.from_node(item.node), role=item.link.get("role")
            )
            for item in await linked(info, relations.AFFILIATED_WITH, self.node_id, outgoing=True)
        ]

    @strawberry.field(description="Programmes this person mentors in (MENTORING).")
    async def mentoring(
        self, info: Info
    ) -> list[Annotated[Programme, strawberry.lazy("hub.api.programmes")]]:
        from hub.api.programmes import Programme

        if not self.shows(info, ProfileField.MENTORING):
            return []
        return await linked_nodes(
            info, relations.MENTORS, self.node_id, Programme.from_node, outgoing=True
        )


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
        return await listed(
            info, people.PERSON, person_filters(filter), Person.from_node, first=first, after=after
        )

    @strawberry.field(description="One person by global id; null unless the profile is public.")
    async def person(self, info: Info, id: strawberry.ID) -> Person | None:
        person = await by_id(info, people.PERSON, id, Person.from_node)
        if person is None:
            return None
        if person.is_public or person.node_id == info.context.viewer.person_id:
            return person  # a private profile only to the person themself
        return None


@strawberry.type
class PersonMutation:
    @strawberry.mutation
    async def create_person(self, info: Info, input: CreatePersonInput) -> PersonPayload:
        person, errors = await created(
            info, people.PEOPLE, input, Person.from_node, operation="createPerson"
        )
        return PersonPayload(person=person, errors=errors)

    @strawberry.mutation
    async def update_person(
        self, info: Info, id: strawberry.ID, input: UpdatePersonInput
    ) -> PersonPayload:
        person, errors = await updated(
            info, people.PEOPLE, id, input, Person.from_node, operation="updatePerson"
        )
        return PersonPayload(person=person, errors=errors)

    @strawberry.mutation
    async def delete_person(self, info: Info, id: strawberry.ID) -> DeletePayload:
        return await deleted(info, people.PEOPLE, id, operation="deletePerson")
