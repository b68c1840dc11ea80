"""Pilot projects in GraphQL: who posted them, host sites, partners; lists and mutations."""

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
from hub.api.organisations import Organisation
from hub.ecosystem import people, pilot_projects, relations
from hub.ecosystem.organisations import OrganisationKind

if TYPE_CHECKING:
    from hub.api.people import Person

strawberry.enum(pilot_projects.PilotStatus, name="PilotStatus")
PilotStatus = pilot_projects.PilotStatus


@strawberry.type(description="A pilot a researcher or lab wants to run: it needs a site, partners.")
class PilotProject(Node):
    id: strawberry.ID
    title: LocalizedText
    problem: LocalizedText | None = strawberry.field(description="The problem the pilot tests.")
    test_site: str | None = strawberry.field(description="The kind of site it needs.")
    partners_sought: list[OrganisationKind]
    status: PilotStatus
    topics: list[str]
    is_demo: bool
    created_at: str
    updated_at: str
    node_id: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> PilotProject:
        return cls(
            id=global_id("PilotProject", node),
            title=localized(node, "title") or LocalizedText(el=None, en=None),
            problem=localized(node, "problem"),
            test_site=node.get("test_site"),
            partners_sought=[OrganisationKind(kind) for kind in node.get("partners_sought") or []],
            status=PilotStatus(node.get("status") or pilot_projects.PilotStatus.DRAFT.value),
            topics=list(node.get("topics") or []),
            is_demo=bool(node.get("demo", False)),
            created_at=str(node.get("created_at", "")),
            updated_at=str(node.get("updated_at", "")),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="Who posted it (people with a public profile only).")
    async def posted_by(
        self, info: Info
    ) -> list[Annotated[Person, strawberry.lazy("hub.api.people")]]:
        from hub.api.people import Person

        return [
            Person.from_node(item.node)
            for item in await linked(info, relations.POSTED, self.node_id, outgoing=False)
            if people.is_public(item.node)
        ]

    @strawberry.field(description="Organisations offering a test site.")
    async def hosts(self, info: Info) -> list[Organisation]:
        return await linked_nodes(
            info, relations.HOSTS, self.node_id, Organisation.from_node, outgoing=False
        )

    @strawberry.field(description="Organisations that joined as partners.")
    async def partners(self, info: Info) -> list[Organisation]:
        return await linked_nodes(
            info, relations.PARTNER_IN, self.node_id, Organisation.from_node, outgoing=False
        )


@strawberry.input
class PilotProjectFilter:
    text: str | None = strawberry.field(
        default=None, description="Words in the title, problem, test site or topics."
    )
    status: list[PilotStatus] | None = strawberry.field(
        default=None, description="Any of these statuses."
    )
    partner_kind: OrganisationKind | None = strawberry.field(
        default=None, description="Pilots seeking partners of this kind."
    )


@strawberry.input
class CreatePilotProjectInput:
    title: LocalizedTextInput
    problem: LocalizedTextInput | None = None
    test_site: str | None = None
    partners_sought: list[OrganisationKind] | None = None
    status: PilotStatus | None = strawberry.field(default=None, description="DRAFT if not given.")
    topics: list[str] | None = None


@strawberry.input(description="Only the fields given change; null clears an optional field.")
class UpdatePilotProjectInput:
    title: LocalizedTextInput | None = strawberry.UNSET
    problem: LocalizedTextInput | None = strawberry.UNSET
    test_site: str | None = strawberry.UNSET
    partners_sought: list[OrganisationKind] | None = strawberry.UNSET
    status: PilotStatus | None = strawberry.UNSET
    topics: list[str] | None = strawberry.UNSET


@strawberry.type
class PilotProjectPayload:
    pilot_project: PilotProject | None
    errors: list[MutationError]


def pilot_filters(filter: PilotProjectFilter | None) -> dict[str, Any]:
    given = filter or PilotProjectFilter()
    return pilot_projects.filters(
        text=given.text,
        statuses=list(given.status) if given.status else None,
        partner_kind=given.partner_kind.value if given.partner_kind else None,
    )


@strawberry.type
class PilotProjectQuery:
    @strawberry.field(description="Pilot projects in title order, filtered, a page at a time.")
    async def pilot_projects(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: PilotProjectFilter | None = None,
    ) -> Connection[PilotProject]:
        return await listed(
            info,
            pilot_projects.PILOT_PROJECT,
            pilot_filters(filter),
            PilotProject.from_node,
            first=first,
            after=after,
        )

    @strawberry.field(description="One pilot project by global id.")
    async def pilot_project(self, info: Info, id: strawberry.ID) -> PilotProject | None:
        return await by_id(info, pilot_projects.PILOT_PROJECT, id, PilotProject.from_node)


@strawberry.type
class PilotProjectMutation:
    @strawberry.mutation(description="Post a pilot; link its poster, hosts, partners with `link`.")
    async def create_pilot_project(
        self, info: Info, input: CreatePilotProjectInput
    ) -> PilotProjectPayload:
        pilot_project, errors = await created(
            info,
            pilot_projects.PILOT_PROJECTS,
            input,
            PilotProject.from_node,
            operation="createPilotProject",
        )
        return PilotProjectPayload(pilot_project=pilot_project, errors=errors)

    @strawberry.mutation
    async def update_pilot_project(
        self, info: Info, id: strawberry.ID, input: UpdatePilotProjectInput
    ) -> PilotProjectPayload:
        pilot_project, errors = await updated(
            info,
            pilot_projects.PILOT_PROJECTS,
            id,
            input,
            PilotProject.from_node,
            operation="updatePilotProject",
        )
        return PilotProjectPayload(pilot_project=pilot_project, errors=errors)

    @strawberry.mutation
    async def delete_pilot_project(self, info: Info, id: strawberry.ID) -> DeletePayload:
        return await deleted(
            info, pilot_projects.PILOT_PROJECTS, id, operation="deletePilotProject"
        )
