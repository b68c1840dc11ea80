"""Privacy in GraphQL: consent per profile field, double-opt-in introductions, export of a
person's data, erasure, and the administrators' audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.scalars import JSON

from hub.api.accounts import OkPayload
from hub.api.common import MutationError, attempt
from hub.api.context import Info
from hub.api.permissions import require
from hub.auth import audit
from hub.auth.errors import Forbidden
from hub.ecosystem.ids import expect_global_id, to_global_id
from hub.privacy import consent, erasure, export, introductions
from hub.privacy.consent import ProfileField
from hub.privacy.introductions import IntroductionStatus

if TYPE_CHECKING:
    from hub.api.people import Person

strawberry.enum(IntroductionStatus, name="IntroductionStatus")


@strawberry.type(description="The other side's name and address: only once both agreed.")
class Contact:
    name: str
    email: str | None


@strawberry.type(description="A request to be introduced; contact details only once accepted.")
class Introduction:
    id: strawberry.ID
    from_person_id: strawberry.ID
    to_person_id: strawberry.ID
    message: str | None
    status: IntroductionStatus
    created_at: str
    responded_at: str | None
    other: strawberry.Private[str]
    """The node id of the side that is not the viewer."""

    @classmethod
    def of(cls, item: introductions.Introduction, viewer_person: str | None) -> Introduction:
        other = item.to_person if item.from_person == viewer_person else item.from_person
        return cls(
            id=strawberry.ID(to_global_id("Introduction", item.id)),
            from_person_id=strawberry.ID(to_global_id("Person", item.from_person)),
            to_person_id=strawberry.ID(to_global_id("Person", item.to_person)),
            message=item.message,
            status=item.status,
            created_at=item.created_at,
            responded_at=item.responded_at,
            other=other,
        )

    @strawberry.field(description="The other person's name and address, once accepted.")
    async def contact(self, info: Info) -> Contact | None:
        if self.status is not IntroductionStatus.ACCEPTED:
            return None
        found = await introductions.contacts(info.context.graph, [self.other])
        entry = found.get(self.other)
        return Contact(name=entry["name"], email=entry["email"]) if entry else None


@strawberry.type
class IntroductionPayload:
    introduction: Introduction | None
    errors: list[MutationError]


@strawberry.type
class ProfilePayload:
    person: Annotated[Person, strawberry.lazy("hub.api.people")] | None
    errors: list[MutationError]


@strawberry.type(description="One privileged action: who, in which role, what, on what.")
class AuditEntry:
    at: str
    actor_email: str | None
    role: str
    action: str
    organisation_id: strawberry.ID | None
    person_id: strawberry.ID | None
    challenge_id: strawberry.ID | None
    node_id: str | None

    @classmethod
    def of(cls, entry: audit.AuditEntry) -> AuditEntry:
        def gid(type_name: str, value: str | None) -> strawberry.ID | None:
            return strawberry.ID(to_global_id(type_name, value)) if value else None

        return cls(
            at=entry.at,
            actor_email=entry.actor_email,
            role=entry.role,
            action=entry.action,
            organisation_id=gid("Organisation", entry.organisation),
            person_id=gid("Person", entry.person),
            challenge_id=gid("Challenge", entry.challenge),
            node_id=entry.node,
        )


def _own_person(info: Info) -> str:
    person = info.context.viewer.person_id
    if person is None:
        raise Forbidden("this account has no profile to be introduced with")
    return person


@strawberry.type
class PrivacyQuery:
    @strawberry.field(
        description="Everything the hub holds about a person, as JSON (the person or admins)."
    )
    async def export_person_data(self, info: Info, person_id: strawberry.ID) -> JSON:
        person = expect_global_id(person_id, "Person", "personId")
        await require(info, "exportPersonData", person=person)
        data: Any = await export.export_person(info.context.graph, person)
        return data  # type: ignore[no-any-return]

    @strawberry.field(description="The newest privileged actions first (admins only).")
    async def audit_log(
        self, info: Info, first: int = 50, before: str | None = None
    ) -> list[AuditEntry]:
        await require(info, "auditLog")
        entries = await audit.latest(info.context.graph, first=first, before=before)
        return [AuditEntry.of(entry) for entry in entries]


@strawberry.type
class PrivacyMutation:
    @strawberry.mutation(
        description="Make your profile public with the fields you choose, or "
        "private again (isPublic: false)."
    )
    async def set_profile_consent(
        self,
        info: Info,
        person_id: strawberry.ID,
        is_public: bool,
        public_fields: list[ProfileField],
    ) -> ProfilePayload:
        from hub.api.people import Person

        async def run() -> Person:
            person = expect_global_id(person_id, "Person", "personId")
            await require(info, "setProfileConsent", person=person)
            node = await consent.set_consent(
                info.context.graph, person, public=is_public, fields=public_fields
            )
            return Person.from_node(node)

        person, errors = await attempt(run())
        return ProfilePayload(person=person, errors=errors)

    @strawberry.mutation(
        description="Ask to be introduced to a person with a public profile; "
        "they see your message and decide."
    )
    async def request_introduction(
        self, info: Info, person_id: strawberry.ID, message: str | None = None
    ) -> IntroductionPayload:
        async def run() -> Introduction:
            target = expect_global_id(person_id, "Person", "personId")
            await require(info, "requestIntroduction", person=target)
            mine = _own_person(info)
            made = await introductions.request(info.context.graph, mine, target, message)
            return Introduction.of(made, mine)

        made, errors = await attempt(run())
        return IntroductionPayload(introduction=made, errors=errors)

    @strawberry.mutation(
        description="Accept or decline an introduction asked of you; on "
        "accepting, both sides see each other's contact address."
    )
    async def respond_to_introduction(
        self, info: Info, id: strawberry.ID, accept: bool
    ) -> IntroductionPayload:
        async def run() -> Introduction:
            introduction = expect_global_id(id, "Introduction")
            await require(info, "respondToIntroduction")
            mine = _own_person(info)
            done = await introductions.respond(
                info.context.graph, mine, introduction, accept=accept
            )
            return Introduction.of(done, mine)

        done, errors = await attempt(run())
        return IntroductionPayload(introduction=done, errors=errors)

    @strawberry.mutation(
        description="Erase a person's personal data and account (the person "
        "or admins); contest history stays, anonymised."
    )
    async def erase_person(self, info: Info, person_id: strawberry.ID) -> OkPayload:
        async def run() -> None:
            person = expect_global_id(person_id, "Person", "personId")
            await require(info, "erasePerson", person=person)
            await erasure.erase_person(info.context.graph, person)
            if person == info.context.viewer.person_id and info.context.cookies is not None:
                info.context.cookies.clear()

        _, errors = await attempt(run())
        return OkPayload(ok=not errors, errors=errors)
