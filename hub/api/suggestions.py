"""Suggestions in GraphQL: partners, funding calls, consortia and similar nodes, explained."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.api.common import Node
from hub.api.context import Info
from hub.api.funding_calls import FundingCall
from hub.api.organisations import Organisation
from hub.api.pilot_projects import PilotProject
from hub.ecosystem.errors import HubError
from hub.ecosystem.ids import expect_global_id, from_global_id
from hub.ecosystem.organisations import OrganisationKind
from hub.suggestions import service
from hub.suggestions.service import Matcher, Suggestion


class SuggestionsUnavailable(HubError):
    code = "SUGGESTIONS_UNAVAILABLE"


@strawberry.type(description="How a suggestion's score is made up.")
class ScoreParts:
    semantic: float = strawberry.field(description="Closeness in meaning (embeddings).")
    lexical: float = strawberry.field(description="Shared words, Greek and English (BM25).")
    graph: float = strawberry.field(
        description="Graph evidence: co-participation, networks, programmes, past calls."
    )
    prior: float = strawberry.field(description="Experience: past participations.")


@strawberry.type
class PartnerSuggestion:
    organisation: Organisation
    score: float
    parts: ScoreParts
    explanation: str


@strawberry.type
class PartnerSuggestions:
    items: list[PartnerSuggestion]


@strawberry.type
class FundingCallSuggestion:
    funding_call: FundingCall
    score: float
    parts: ScoreParts
    explanation: str
    eligible: bool = strawberry.field(
        description="Whether the asker may apply (open, kind, country)."
    )


@strawberry.type
class FundingCallSuggestions:
    items: list[FundingCallSuggestion]


@strawberry.type
class ConsortiumSuggestions:
    items: list[PartnerSuggestion]
    kinds: list[str] = strawberry.field(description="Roles the top of the list covers.")
    countries: list[str] = strawberry.field(description="Countries the top of the list covers.")
    missing_kinds: list[str] = strawberry.field(
        description="Roles a consortium still lacks: university, research organisation, "
        "company, public body."
    )
    missing_countries: int = strawberry.field(
        description="How many more countries the consortium needs (three at least)."
    )


@strawberry.type
class SimilarItem:
    node: Node
    organisation: Organisation | None
    funding_call: FundingCall | None
    pilot_project: PilotProject | None
    score: float
    parts: ScoreParts
    explanation: str


@strawberry.type
class SimilarItems:
    items: list[SimilarItem]


@strawberry.input
class SuggestedPartnerFilter:
    kinds: list[OrganisationKind] | None = None
    countries: list[str] | None = None
    local_first: bool = strawberry.field(
        default=False, description="Same city first, then same country (needs organisationId)."
    )


@strawberry.input
class SuggestedCallFilter:
    include_closed: bool = False
    kinds: list[OrganisationKind] | None = strawberry.field(
        default=None, description="Only calls open to one of these kinds of organisation."
    )
    countries: list[str] | None = None
    programmes: list[str] | None = None
    budget_min: float | None = None
    budget_max: float | None = None


def _parts(suggestion: Suggestion) -> ScoreParts:
    ranked = suggestion.ranked
    return ScoreParts(
        semantic=ranked.semantic, lexical=ranked.lexical, graph=ranked.graph, prior=ranked.prior
    )


def _partner(suggestion: Suggestion) -> PartnerSuggestion:
    return PartnerSuggestion(
        organisation=Organisation.from_node(suggestion.node),
        score=suggestion.ranked.score,
        parts=_parts(suggestion),
        explanation=suggestion.ranked.explanation,
    )


def _matcher(info: Info) -> Matcher:
    if info.context.matcher is None:
        raise SuggestionsUnavailable("suggestions are not available in this process")
    return info.context.matcher


def _organisation_filter(given: SuggestedPartnerFilter | None) -> service.OrganisationFilter | None:
    if given is None:
        return None
    return service.OrganisationFilter(
        kinds=[kind.value for kind in given.kinds] if given.kinds else None,
        countries=[c.upper() for c in given.countries] if given.countries else None,
        local_first=given.local_first,
    )


def _optional_id(value: strawberry.ID | None, type_name: str, field: str) -> str | None:
    return expect_global_id(value, type_name, field) if value is not None else None


@strawberry.type
class SuggestionQuery:
    @strawberry.field(
        description="Partners for an organisation, a researcher's pilot project or a text."
    )
    async def suggest_partners(
        self,
        info: Info,
        organisation_id: strawberry.ID | None = None,
        pilot_project_id: strawberry.ID | None = None,
        text: str | None = None,
        first: int = 10,
        filter: SuggestedPartnerFilter | None = None,
    ) -> PartnerSuggestions:
        found = await service.suggest_partners(
            _matcher(info),
            organisation_id=_optional_id(organisation_id, "Organisation", "organisationId"),
            pilot_project_id=_optional_id(pilot_project_id, "PilotProject", "pilotProjectId"),
            text=text,
            first=first,
            filter=_organisation_filter(filter),
        )
        return PartnerSuggestions(items=[_partner(item) for item in found])

    @strawberry.field(description="Funding calls for an organisation or a text.")
    async def suggest_funding_calls(
        self,
        info: Info,
        organisation_id: strawberry.ID | None = None,
        text: str | None = None,
        first: int = 10,
        filter: SuggestedCallFilter | None = None,
    ) -> FundingCallSuggestions:
        given = filter or SuggestedCallFilter()
        found = await service.suggest_funding_calls(
            _matcher(info),
            organisation_id=_optional_id(organisation_id, "Organisation", "organisationId"),
            text=text,
            first=first,
            filter=service.CallFilter(
                include_closed=given.include_closed,
                kinds=[kind.value for kind in given.kinds] if given.kinds else None,
                countries=[c.upper() for c in given.countries] if given.countries else None,
                programmes=given.programmes,
                budget_min=given.budget_min,
                budget_max=given.budget_max,
            ),
        )
        return FundingCallSuggestions(
            items=[
                FundingCallSuggestion(
                    funding_call=FundingCall.from_node(item.node),
                    score=item.ranked.score,
                    parts=_parts(item),
                    explanation=item.ranked.explanation,
                    eligible=item.ranked.eligible,
                )
                for item in found
            ]
        )

    @strawberry.field(description="The consortium that could win a call, and what it lacks.")
    async def suggest_consortium(
        self,
        info: Info,
        funding_call_id: strawberry.ID,
        first: int = 10,
        filter: SuggestedPartnerFilter | None = None,
    ) -> ConsortiumSuggestions:
        found = await service.suggest_consortium(
            _matcher(info),
            funding_call_id=expect_global_id(funding_call_id, "FundingCall", "fundingCallId"),
            first=first,
            filter=_organisation_filter(filter),
        )
        return ConsortiumSuggestions(
            items=[_partner(item) for item in found.items],
            kinds=found.kinds,
            countries=found.countries,
            missing_kinds=found.missing_kinds,
            missing_countries=found.missing_countries,
        )

    @strawberry.field(description="Organisations, funding calls or pilot projects like this one.")
    async def similar(self, info: Info, id: strawberry.ID, first: int = 10) -> SimilarItems:
        type_name, node_id = from_global_id(id)
        if type_name not in SIMILAR_TYPES:
            raise SuggestionsUnavailable(
                f"similar works for {', '.join(SIMILAR_TYPES)}, not {type_name}", "id"
            )
        found = await service.similar(_matcher(info), label=type_name, node_id=node_id, first=first)
        return SimilarItems(items=[_similar(type_name, item) for item in found])


SIMILAR_TYPES = ("Organisation", "FundingCall", "PilotProject")


def _similar(type_name: str, item: Suggestion) -> SimilarItem:
    built: dict[str, Any] = {"organisation": None, "funding_call": None, "pilot_project": None}
    node: Node
    if type_name == "Organisation":
        node = built["organisation"] = Organisation.from_node(item.node)
    elif type_name == "FundingCall":
        node = built["funding_call"] = FundingCall.from_node(item.node)
    else:
        node = built["pilot_project"] = PilotProject.from_node(item.node)
    return SimilarItem(
        node=node,
        score=item.ranked.score,
        parts=_parts(item),
        explanation=item.ranked.explanation,
        **built,
    )
