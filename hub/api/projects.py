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
    by_id,
    by_key,
    created,
    day,
    deleted,
    euros,
    global_id,
    linked,
    linked_node,
    listed,
    localized,
    updated,
)
from hub.api.context import Info
from hub.ecosystem import projects, relations
from hub.ecosystem.text import fold

if TYPE_CHECKING:
    from hub.api.funding_calls import FundingCall
    from hub.api.organisations import Organisation


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
            start_date=day(node.get("start_date")),
            end_date=day(node.get("end_date")),
            programme=node.get("programme"),
            topics=list(node.get("topics") or []),
            total_cost=euros(node.get("total_cost")),
            ec_contribution=euros(node.get("ec_contribution")),
            is_demo=bool(node.get("demo", False)),
            created_at=str(node.get("created_at", "")),
            updated_at=str(node.get("updated_at", "")),
            node_id=str(node["id"]),
        )

    @strawberry.field(description="Organisations that took part, with their role.")
    async def participants(self, info: Info) -> list[ProjectParticipant]:
        from hub.api.organisations import Organisation

        return [
            ProjectParticipant(
                organisation=Organisation.from_node(item.node), role=item.link.get("role")
            )
            for item in await linked(info, relations.PARTICIPATED_IN, self.node_id, outgoing=False)
        ]

    @strawberry.field(description="The call that funded this project, if known.")
    async def funding_call(
        self, info: Info
    ) -> Annotated[FundingCall, strawberry.lazy("hub.api.funding_calls")] | None:
        from hub.api.funding_calls import FundingCall

        return await linked_node(
            info, relations.FUNDED_BY, self.node_id, FundingCall.from_node, outgoing=True
        )


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
        return await listed(
            info,
            projects.PROJECT,
            project_filters(filter),
            Project.from_node,
            first=first,
            after=after,
        )

    @strawberry.field(description="One project by global id or by identifier.")
    async def project(
        self, info: Info, id: strawberry.ID | None = None, identifier: str | None = None
    ) -> Project | None:
        if id is not None:
            return await by_id(info, projects.PROJECT, id, Project.from_node)
        if identifier is not None:
            return await by_key(
                projects.by_identifier(info.context.graph, identifier.strip()), Project.from_node
            )
        return None


@strawberry.type
class ProjectMutation:
    @strawberry.mutation
    async def create_project(self, info: Info, input: CreateProjectInput) -> ProjectPayload:
        project, errors = await created(
            info, projects.PROJECTS, input, Project.from_node, operation="createProject"
        )
        return ProjectPayload(project=project, errors=errors)

    @strawberry.mutation
    async def update_project(
        self, info: Info, id: strawberry.ID, input: UpdateProjectInput
    ) -> ProjectPayload:
        project, errors = await updated(
            info, projects.PROJECTS, id, input, Project.from_node, operation="updateProject"
        )
        return ProjectPayload(project=project, errors=errors)

    @strawberry.mutation
    async def delete_project(self, info: Info, id: strawberry.ID) -> DeletePayload:
        return await deleted(info, projects.PROJECTS, id, operation="deleteProject")
