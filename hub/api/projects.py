"""Funded projects in GraphQL: participants with their roles, funding call, topics."""

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
from hub.ecosystem import crud, entities, projects, relations
from hub.ecosystem.ids import expect_global_id
from hub.ecosystem.text import fold

if TYPE_CHECKING:
    from hub.api.funding_calls import FundingCall
    from hub.api.organisations import Organisation


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _euros(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


@strawberry.type(description="A funded project, such as a Horizon Europe project from CORDIS.")
class Project(Node):
    id: strawberry.ID
    identifier: str | None = strawberry.field(description="e.g. the CORDIS project id.")
    acronym: str | None
    title: LocalizedText | None
    start_date: date | None
    end_date: date | None
    programme: str | None = strawberry.field(description='e.g. "Horizon Europe".')
    topics: list[str]
    total_cost: float | None = strawberry.field(description="In euros.")
    ec_contribution: float | None = strawberry.field(description="EU contribution in euros.")
    is_demo: bool
    created_at: str
    updated_at: str
    node_id: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Project:
        return cls(
            id=global_id("Project", node),
            identifier=node.get("identifier"),
            acronym=node.get("acronym"),
            title=localized(node, "title"),
            start_date=_date(node.get("start_date")),
            end_date=_date(node.get("end_date")),
            programme=node.get("programme"),
            topics=list(node.get("topics") or []),
            total_cost=_euros(node.get("total_cost")),
            ec_contribution=_euros(node.get("ec_contribution")),
            is_demo=bool(node.get("demo", False)),
            created_at=str(node.get("created_at", "")),
            updated_at=str(node.get("updated_at", "")),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="Organisations that took part, with their role.")
    async def participants(self, info: Info) -> list[ProjectParticipant]:
        from hub.api.organisations import Organisation

        linked = await info.context.loaders.linked(relations.PARTICIPATED_IN, outgoing=False).load(
            self.node_id
        )
        return [
            ProjectParticipant(
                organisation=Organisation.from_node(item.node), role=item.link.get("role")
            )
            for item in linked
        ]

    @strawberry.field(description="The call that funded this project, if known.")
    async def funding_call(
        self, info: Info
    ) -> Annotated[FundingCall, strawberry.lazy("hub.api.funding_calls")] | None:
        from hub.api.funding_calls import FundingCall

        linked = await info.context.loaders.linked(relations.FUNDED_BY, outgoing=True).load(
            self.node_id
        )
        return FundingCall.from_node(linked[0].node) if linked else None


@strawberry.type(description="An organisation's part in a project, with its role.")
class ProjectParticipation:
    project: Project
    role: str | None = strawberry.field(
        description="coordinator, participant, associatedPartner or thirdParty."
    )


@strawberry.type(description="An organisation that took part in a project, with its role.")
class ProjectParticipant:
    organisation: Annotated[Organisation, strawberry.lazy("hub.api.organisations")]
    role: str | None = strawberry.field(
        description="coordinator, participant, associatedPartner or thirdParty."
    )


@strawberry.input
class ProjectFilter:
    text: str | None = strawberry.field(
        default=None, description="Words in the identifier, acronym, title, programme or topics."
    )
    programme: str | None = strawberry.field(
        default=None, description='The funding programme, e.g. "Horizon Europe" (any case).'
    )


@strawberry.input
class CreateProjectInput:
    title: LocalizedTextInput
    identifier: str | None = None
    acronym: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    programme: str | None = None
    topics: list[str] | None = None
    total_cost: float | None = strawberry.field(default=None, description="In whole euros.")
    ec_contribution: float | None = strawberry.field(default=None, description="In whole euros.")


@strawberry.input(description="Only the fields given change; null clears an optional field.")
class UpdateProjectInput:
    title: LocalizedTextInput | None = strawberry.UNSET
    identifier: str | None = strawberry.UNSET
    acronym: str | None = strawberry.UNSET
    start_date: date | None = strawberry.UNSET
    end_date: date | None = strawberry.UNSET
    programme: str | None = strawberry.UNSET
    topics: list[str] | None = strawberry.UNSET
    total_cost: float | None = strawberry.UNSET
    ec_contribution: float | None = strawberry.UNSET


@strawberry.type
class ProjectPayload:
    project: Project | None
    errors: list[MutationError]


def project_filters(filter: ProjectFilter | None) -> dict[str, Any]:
    given = filter or ProjectFilter()
    return {
        "text": fold(given.text) if given.text else None,
        "programme": fold(given.programme) if given.programme else None,
    }


@strawberry.type
class ProjectQuery:
    @strawberry.field(description="Projects in title order, filtered, a page at a time.")
    async def projects(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: ProjectFilter | None = None,
    ) -> Connection[Project]:
        page = await entities.page(
            info.context.graph, projects.PROJECT, project_filters(filter), first=first, after=after
        )
        return connection(page, Project.from_node)

    @strawberry.field(description="One project by global id or by identifier.")
    async def project(
        self, info: Info, id: strawberry.ID | None = None, identifier: str | None = None
    ) -> Project | None:
        if id is not None:
            node_id = expect_global_id(id, "Project")
            node = await info.context.loaders.nodes(projects.PROJECT).load(node_id)
            return Project.from_node(node) if node else None
        if identifier is not None:
            found, _ = await attempt(projects.by_identifier(info.context.graph, identifier.strip()))
            return Project.from_node(found) if found else None
        return None


@strawberry.type
class ProjectMutation:
    @strawberry.mutation
    async def create_project(self, info: Info, input: CreateProjectInput) -> ProjectPayload:
        node, errors = await attempt(projects.create(info.context.graph, input_data(input)))
        return ProjectPayload(project=Project.from_node(node) if node else None, errors=errors)

    @strawberry.mutation
    async def update_project(
        self, info: Info, id: strawberry.ID, input: UpdateProjectInput
    ) -> ProjectPayload:
        async def change() -> dict[str, Any]:
            node_id = expect_global_id(id, "Project")
            return await projects.update(
                info.context.graph, node_id, input_data(input, keep_nulls=True)
            )

        node, errors = await attempt(change())
        return ProjectPayload(project=Project.from_node(node) if node else None, errors=errors)

    @strawberry.mutation
    async def delete_project(self, info: Info, id: strawberry.ID) -> DeletePayload:
        async def remove() -> strawberry.ID:
            node_id = expect_global_id(id, "Project")
            await crud.delete(info.context.graph, projects.PROJECTS, node_id)
            return id

        deleted, errors = await attempt(remove())
        return DeletePayload(deleted_id=deleted, errors=errors)
