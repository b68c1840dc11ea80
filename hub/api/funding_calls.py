"""Funding calls in GraphQL: the type with its derived status, lists, lookups and mutations."""

from __future__ import annotations

from datetime import UTC, datetime
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
    deleted,
    euros,
    global_id,
    input_data,
    linked_nodes,
    listed,
    localized,
    updated,
)
from hub.api.context import Info
from hub.ecosystem import funding_calls, relations
from hub.ecosystem.organisations import OrganisationKind  # a GraphQL enum: see api.organisations

if TYPE_CHECKING:
    from hub.api.projects import Project

strawberry.enum(
    funding_calls.CallStatus,
    name="CallStatus",
    description="Derived from the dates when asked: before opening, until the deadline, after.",
)
CallStatus = funding_calls.CallStatus


def _moment(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


@strawberry.type(description="A call for proposals, such as a Horizon Europe topic.")
class FundingCall(Node):
    id: strawberry.ID
    identifier: str = strawberry.field(
        description="The portal's topic id, e.g. HORIZON-CL5-2024-D2-01-04."
    )
    call_identifier: str | None = strawberry.field(description="e.g. HORIZON-CL5-2024-D2-01.")
    programme: str | None = strawberry.field(description='e.g. "Horizon Europe".')
    title: LocalizedText
    description: LocalizedText | None
    opening_date: datetime | None = strawberry.field(description="With its original offset.")
    deadline: datetime = strawberry.field(description="With its original offset.")
    timezone: str | None = strawberry.field(description="IANA zone the call states, if any.")
    budget_min: float | None = strawberry.field(description="In euros.")
    budget_max: float | None = strawberry.field(description="In euros.")
    expected_grants: int | None
    eligible_kinds: list[OrganisationKind] = strawberry.field(description="Empty: any kind.")
    eligible_countries: list[str] = strawberry.field(
        description="EU country codes (EL for Greece); empty: any country."
    )
    source_url: str | None
    topics: list[str]
    is_demo: bool
    created_at: str
    updated_at: str
    node_id: strawberry.Private[str]
    opening_utc: strawberry.Private[str | None]
    deadline_utc: strawberry.Private[str]

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> FundingCall:
        deadline = _moment(node.get("deadline"))
        if deadline is None:
            raise ValueError(f"funding call {node.get('id')} has no deadline")
        return cls(
            id=global_id("FundingCall", node),
            identifier=str(node["identifier"]),
            call_identifier=node.get("call_identifier"),
            programme=node.get("programme"),
            title=localized(node, "title") or LocalizedText(el=None, en=None),
            description=localized(node, "description"),
            opening_date=_moment(node.get("opening_date")),
            deadline=deadline,
            timezone=node.get("timezone"),
            budget_min=euros(node.get("budget_min")),
            budget_max=euros(node.get("budget_max")),
            expected_grants=node.get("expected_grants"),
            eligible_kinds=[OrganisationKind(kind) for kind in node.get("eligible_kinds") or []],
            eligible_countries=list(node.get("eligible_countries") or []),
            source_url=node.get("source_url"),
            topics=list(node.get("topics") or []),
            is_demo=bool(node.get("demo", False)),
            created_at=str(node.get("created_at", "")),
            updated_at=str(node.get("updated_at", "")),
            node_id=str(node["id"]),
            opening_utc=node.get("opening_utc"),
            deadline_utc=str(node.get("deadline_utc") or funding_calls.utc_iso(deadline)),
        )

    @strawberry.field(description="FORTHCOMING, OPEN or CLOSED, as of now.")
    def status(self) -> CallStatus:
        now = funding_calls.utc_iso(datetime.now(UTC))
        return funding_calls.status_of(self.opening_utc, self.deadline_utc, now)

    @strawberry.field(description="Projects funded under this call.")
    async def funded_projects(
        self, info: Info
    ) -> list[Annotated[Project, strawberry.lazy("hub.api.projects")]]:
        from hub.api.projects import Project

        return await linked_nodes(
            info, relations.FUNDED_BY, self.node_id, Project.from_node, outgoing=False
        )


@strawberry.input
class FundingCallFilter:
    text: str | None = strawberry.field(
        default=None, description="Words in the identifier, title, description or topics."
    )
    programme: str | None = strawberry.field(default=None, description="Case does not matter.")
    status: list[CallStatus] | None = strawberry.field(
        default=None, description="Any of these statuses, as of now."
    )
    deadline_from: datetime | None = strawberry.field(
        default=None, description="Deadline at or after this moment (with UTC offset)."
    )
    deadline_to: datetime | None = strawberry.field(
        default=None, description="Deadline at or before this moment (with UTC offset)."
    )
    eligible_kind: OrganisationKind | None = strawberry.field(
        default=None, description="Calls open to this kind (calls open to any kind included)."
    )
    country: str | None = strawberry.field(
        default=None, description="Calls open to this country (calls open to all included)."
    )


@strawberry.input
class CreateFundingCallInput:
    identifier: str
    title: LocalizedTextInput
    deadline: datetime = strawberry.field(description="With a UTC offset.")
    call_identifier: str | None = None
    programme: str | None = None
    description: LocalizedTextInput | None = None
    opening_date: datetime | None = None
    timezone: str | None = None
    budget_min: float | None = None
    budget_max: float | None = None
    expected_grants: int | None = None
    eligible_kinds: list[OrganisationKind] | None = None
    eligible_countries: list[str] | None = None
    source_url: str | None = None
    topics: list[str] | None = None


@strawberry.input(description="Only the fields given change; null clears an optional field.")
class UpdateFundingCallInput:
    identifier: str | None = strawberry.UNSET
    title: LocalizedTextInput | None = strawberry.UNSET
    deadline: datetime | None = strawberry.UNSET
    call_identifier: str | None = strawberry.UNSET
    programme: str | None = strawberry.UNSET
    description: LocalizedTextInput | None = strawberry.UNSET
    opening_date: datetime | None = strawberry.UNSET
    timezone: str | None = strawberry.UNSET
    budget_min: float | None = strawberry.UNSET
    budget_max: float | None = strawberry.UNSET
    expected_grants: int | None = strawberry.UNSET
    eligible_kinds: list[OrganisationKind] | None = strawberry.UNSET
    eligible_countries: list[str] | None = strawberry.UNSET
    source_url: str | None = strawberry.UNSET
    topics: list[str] | None = strawberry.UNSET


@strawberry.type
class FundingCallPayload:
    funding_call: FundingCall | None
    errors: list[MutationError]


@strawberry.type
class FundingCallQuery:
    @strawberry.field(description="Funding calls by deadline, earliest first, filtered.")
    async def funding_calls(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: FundingCallFilter | None = None,
    ) -> Connection[FundingCall]:
        return await listed(
            info,
            funding_calls.FUNDING_CALL,
            funding_calls.filters(input_data(filter) if filter else {}),
            FundingCall.from_node,
            first=first,
            after=after,
        )

    @strawberry.field(description="One funding call by global id or by its portal identifier.")
    async def funding_call(
        self, info: Info, id: strawberry.ID | None = None, identifier: str | None = None
    ) -> FundingCall | None:
        if id is not None:
            return await by_id(info, funding_calls.FUNDING_CALL, id, FundingCall.from_node)
        if identifier is not None:
            return await by_key(
                funding_calls.by_identifier(info.context.graph, identifier), FundingCall.from_node
            )
        return None


@strawberry.type
class FundingCallMutation:
    @strawberry.mutation
    async def create_funding_call(
        self, info: Info, input: CreateFundingCallInput
    ) -> FundingCallPayload:
        funding_call, errors = await created(
            info,
            funding_calls.FUNDING_CALLS,
            input,
            FundingCall.from_node,
            operation="createFundingCall",
        )
        return FundingCallPayload(funding_call=funding_call, errors=errors)

    @strawberry.mutation
    async def update_funding_call(
        self, info: Info, id: strawberry.ID, input: UpdateFundingCallInput
    ) -> FundingCallPayload:
        funding_call, errors = await updated(
            info,
            funding_calls.FUNDING_CALLS,
            id,
            input,
            FundingCall.from_node,
            operation="updateFundingCall",
        )
        return FundingCallPayload(funding_call=funding_call, errors=errors)

    @strawberry.mutation
    async def delete_funding_call(self, info: Info, id: strawberry.ID) -> DeletePayload:
        return await deleted(info, funding_calls.FUNDING_CALLS, id, operation="deleteFundingCall")
