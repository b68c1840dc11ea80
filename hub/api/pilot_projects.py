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
    attempt,
    connection,
    global_id,
    input_data,
    localized,
)
from hub.api.context import Info
from hub.api.organisations import Organisation
from hub.ecosystem import entities, pilot_projects, relations
from hub.ecosystem.ids import expect_global_id
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

        linked = await info.context.loaders.linked(relations.POSTED, outgoing=False).load(
            self.node_id
        )
        return [Person.from_node(item.node) for item in linked if item.node.get("is_public")]

    @strawberry.field(description="Organisations offering a test site.")
    async def hosts(self, info: Info) -> list[Organisation]:
        linked = await info.context.loaders.linked(relations.HOSTS, outgoing=False).load(
            self.node_id
        )
        return [Organisation.from_node(item.node) for item in linked]

    @strawberry.field(description="Organisations that joined as partners.")
    async def partners(self, info: Info) -> list[Organisation]:
        linked = await info.context.loaders.linked(relations.PARTNER_IN, outgoing=False).load(
            self.node_id
        )
        return [Organisation.from_node(item.node) for item in linked]


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


def _payload(node: dict[str, Any] | None, errors: list[MutationError]) -> PilotProjectPayload:
    return PilotProjectPayload(
        pilot_project=PilotProject.from_node(node) if node else None, errors=errors
    )


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
        page = await entities.page(
            info.context.graph,
            pilot_projects.PILOT_PROJECT,
            pilot_filters(filter),
            first=first,
            after=after,
        )
        return connection(page, PilotProject.from_node)

    @strawberry.field(description="One pilot project by global id.")
    async def pilot_project(self, info: Info, id: strawberry.ID) -> PilotProject | None:
        node_id = expect_global_id(id, "PilotProject")
        node = await info.context.loaders.nodes(pilot_projects.PILOT_PROJECT).load(node_id)
        return PilotProject.from_node(node) if node else None


@strawberry.type
class PilotProjectMutation:
    @strawberry.mutation(description="Post a pilot; link its poster, hosts, partners with `link`.")
    async def create_pilot_project(
        self, info: Info, input: CreatePilotProjectInput
    ) -> PilotProjectPayload:
        return _payload(
            *await attempt(pilot_projects.create(info.context.graph, input_data(input)))
        )

    @strawberry.mutation
    async def update_pilot_project(
        self, info: Info, id: strawberry.ID, input: UpdatePilotProjectInput
    ) -> PilotProjectPayload:
        async def change() -> dict[str, Any]:
            node_id = expect_global_id(id, "PilotProject")
            return await pilot_projects.update(
                info.context.graph, node_id, input_data(input, keep_nulls=True)
            )

        return _payload(*await attempt(change()))

    @strawberry.mutation
    async def delete_pilot_project(self, info: Info, id: strawberry.ID) -> DeletePayload:
        async def remove() -> strawberry.ID:
            node_id = expect_global_id(id, "PilotProject")
            await pilot_projects.delete(info.context.graph, node_id)
            return id

        deleted, errors = await attempt(remove())
        return DeletePayload(deleted_id=deleted, errors=errors)
