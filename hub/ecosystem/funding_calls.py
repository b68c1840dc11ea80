"""Funding calls (EU portal topics and others): deadlines, budgets, eligibility, topics.

Dates keep the offset they were given in (`deadline`) and are also stored in UTC in a
fixed format (`deadline_utc`), which sorts and compares as text on both engines. A call's
status is never stored: it follows from its dates and the current time.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, Field

from graph import GraphEngine, Statement
from hub.ecosystem import crud, entities
from hub.ecosystem.errors import FieldIssue, NotFound, ValidationFailed
from hub.ecosystem.fields import (
    AwareDateTime,
    Count,
    Country,
    CountryList,
    Identifier,
    Input,
    Localized,
    Money,
    ShortText,
    TagList,
    TimeZoneName,
    Title,
    Url,
    or_none,
    validate,
)
from hub.ecosystem.organisations import OrganisationKind, OrganisationKinds
from hub.ecosystem.text import fold, search_text


class CallStatus(StrEnum):
    FORTHCOMING = "FORTHCOMING"
    OPEN = "OPEN"
    CLOSED = "CLOSED"


def _plausible_year(value: datetime) -> datetime:
    if not 1900 <= value.year <= 2200:
        raise ValueError("must lie between the years 1900 and 2200")
    return value


CallDate = Annotated[AwareDateTime, AfterValidator(_plausible_year)]


class FundingCallFields(Input):
    identifier: Identifier
    call_identifier: ShortText | None = None
    programme: ShortText | None = None
    title: Title
    description: Localized | None = None
    opening_date: CallDate | None = None
    deadline: CallDate
    timezone: TimeZoneName | None = None
    budget_min: Money | None = None
    budget_max: Money | None = None
    expected_grants: Count | None = None
    eligible_kinds: OrganisationKinds = Field(default_factory=list)
    eligible_countries: CountryList = Field(default_factory=list)
    source_url: Url | None = None
    topics: TagList = Field(default_factory=list)


class CallFilter(Input):
    """A list filter as clients give it; validated so that errors name `filter.<field>`."""

    text: str | None = None
    programme: str | None = None
    status: list[CallStatus] | None = None
    deadline_from: AwareDateTime | None = None
    deadline_to: AwareDateTime | None = None
    eligible_kind: OrganisationKind | None = None
    country: Country | None = None


FUNDING_CALL = entities.define_kind(
    "FundingCall",
    where=(
        "($text IS NULL OR n.search_text CONTAINS $text) "
        "AND ($programme IS NULL OR n.programme_key = $programme) "
        "AND ($statuses IS NULL "
        "OR ('CLOSED' IN $statuses AND n.deadline_utc <= $now) "
        "OR ('OPEN' IN $statuses AND n.deadline_utc > $now "
        "AND (n.opening_utc IS NULL OR n.opening_utc <= $now)) "
        "OR ('FORTHCOMING' IN $statuses AND n.deadline_utc > $now AND n.opening_utc > $now)) "
        "AND ($deadline_from IS NULL OR n.deadline_utc >= $deadline_from) "
        "AND ($deadline_to IS NULL OR n.deadline_utc <= $deadline_to) "
        "AND ($kind IS NULL OR size(coalesce(n.eligible_kinds, [])) = 0 "
        "OR $kind IN n.eligible_kinds) "
        "AND ($country IS NULL OR size(coalesce(n.eligible_countries, [])) = 0 "
        "OR $country IN n.eligible_countries)"
    ),
    filter_example={
        "text": "x",
        "programme": "horizon europe",
        "statuses": ["OPEN"],
        "now": "2027-01-01T00:00:00+00:00",
        "deadline_from": "2027-01-01T00:00:00+00:00",
        "deadline_to": "2027-12-31T00:00:00+00:00",
        "kind": "SME",
        "country": "EL",
    },
    order="deadline_utc",
    unique_message="another funding call has this identifier",
    tagged=True,
)

FUNDING_CALL_BY_IDENTIFIER = Statement(
    name="funding_call_by_identifier",
    cypher="MATCH (n:FundingCall {identifier: $identifier}) RETURN n {.*} AS node",
    example={"identifier": "HORIZON-CL5-2024-D2-01-04"},
)


def utc_iso(moment: datetime) -> str:
    """A moment in UTC, to the second, in one fixed format that sorts as text."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def status_of(opening_utc: str | None, deadline_utc: str, now_utc: str) -> CallStatus:
    """The rule the list filter applies in Cypher, on the stored UTC strings."""
    if deadline_utc <= now_utc:
        return CallStatus.CLOSED
    if opening_utc is not None and opening_utc > now_utc:
        return CallStatus.FORTHCOMING
    return CallStatus.OPEN


def call_status(
    deadline: datetime, opening: datetime | None = None, *, now: datetime | None = None
) -> CallStatus:
    """FORTHCOMING before opening, OPEN until the deadline, CLOSED from the deadline on."""
    moment = now if now is not None else datetime.now(UTC)
    return status_of(utc_iso(opening) if opening else None, utc_iso(deadline), utc_iso(moment))


def node_status(node: Mapping[str, Any], *, now: datetime | None = None) -> CallStatus:
    moment = now if now is not None else datetime.now(UTC)
    return status_of(node.get("opening_utc"), str(node["deadline_utc"]), utc_iso(moment))


def check(fields: FundingCallFields) -> None:
    issues: list[FieldIssue] = []
    if (
        fields.budget_min is not None
        and fields.budget_max is not None
        and fields.budget_min > fields.budget_max
    ):
        issues.append(FieldIssue("input.budgetMax", "must not be less than budgetMin"))
    if fields.opening_date is not None and fields.opening_date >= fields.deadline:
        issues.append(FieldIssue("input.openingDate", "must be before the deadline"))
    if issues:
        raise ValidationFailed(issues)


def to_properties(fields: FundingCallFields) -> dict[str, Any]:
    """Graph properties of a call, with its UTC dates and folded search and sort keys."""
    description = fields.description or Localized()
    title_el, title_en = or_none(fields.title.el), or_none(fields.title.en)
    programme = or_none(fields.programme)
    deadline_utc = utc_iso(fields.deadline)
    return {
        "identifier": fields.identifier,
        "call_identifier": or_none(fields.call_identifier),
        "programme": programme,
        "programme_key": fold(programme) if programme else None,
        "title_el": title_el,
        "title_en": title_en,
        "description_el": or_none(description.el),
        "description_en": or_none(description.en),
        "opening_date": fields.opening_date.isoformat() if fields.opening_date else None,
        "opening_utc": utc_iso(fields.opening_date) if fields.opening_date else None,
        "deadline": fields.deadline.isoformat(),
        "deadline_utc": deadline_utc,
        "timezone": fields.timezone,
        "budget_min": fields.budget_min,
        "budget_max": fields.budget_max,
        "expected_grants": fields.expected_grants,
        "eligible_kinds": [kind.value for kind in fields.eligible_kinds],
        "eligible_countries": fields.eligible_countries,
        "source_url": fields.source_url,
        "topics": fields.topics,
        "sort_key": f"{deadline_utc} {fold(title_en or title_el or '')}",
        "search_text": search_text(
            fields.identifier,
            fields.call_identifier,
            programme,
            title_el,
            title_en,
            description.el,
            description.en,
            fields.topics,
        ),
    }


def current_fields(node: dict[str, Any]) -> dict[str, Any]:
    """A stored call as input data, so an update can merge a partial change."""
    return {
        "identifier": node["identifier"],
        "call_identifier": node.get("call_identifier"),
        "programme": node.get("programme"),
        "title": {"el": node.get("title_el"), "en": node.get("title_en")},
        "description": {"el": node.get("description_el"), "en": node.get("description_en")},
        "opening_date": node.get("opening_date"),
        "deadline": node["deadline"],
        "timezone": node.get("timezone"),
        "budget_min": node.get("budget_min"),
        "budget_max": node.get("budget_max"),
        "expected_grants": node.get("expected_grants"),
        "eligible_kinds": node.get("eligible_kinds", []),
        "eligible_countries": node.get("eligible_countries", []),
        "source_url": node.get("source_url"),
        "topics": node.get("topics", []),
    }


FUNDING_CALLS = crud.Resource(
    kind=FUNDING_CALL,
    fields=FundingCallFields,
    to_properties=to_properties,
    current_fields=current_fields,
    check=check,
    conflict_field="input.identifier",
)


async def create(graph: GraphEngine, data: Mapping[str, Any]) -> dict[str, Any]:
    """Create a call; a taken identifier is a CONFLICT on `input.identifier`."""
    return await crud.create(graph, FUNDING_CALLS, data)


async def update(graph: GraphEngine, node_id: str, patch: Mapping[str, Any]) -> dict[str, Any]:
    """Apply a partial change (null clears); a taken identifier is a CONFLICT."""
    return await crud.update(graph, FUNDING_CALLS, node_id, patch)


async def delete(graph: GraphEngine, node_id: str) -> None:
    await crud.delete(graph, FUNDING_CALLS, node_id)


async def by_identifier(graph: GraphEngine, identifier: str) -> dict[str, Any]:
    rows = await graph.run(FUNDING_CALL_BY_IDENTIFIER, {"identifier": identifier})
    if not rows:
        raise NotFound("no funding call has this identifier", "identifier")
    return dict(rows[0]["node"])


def filters(data: Mapping[str, Any], *, now: datetime | None = None) -> dict[str, Any]:
    """The page/count parameters for a client's filter (`None` values: no filter).

    Raises ValidationFailed naming `filter.<field>`, e.g. for a deadline without offset.
    """
    given = validate(CallFilter, {k: v for k, v in data.items() if v is not None}, "filter")
    if (
        given.deadline_from is not None
        and given.deadline_to is not None
        and given.deadline_to < given.deadline_from
    ):
        raise ValidationFailed([FieldIssue("filter.deadlineTo", "must not be before deadlineFrom")])
    moment = now if now is not None else datetime.now(UTC)
    return {
        "text": fold(given.text) or None if given.text else None,
        "programme": fold(given.programme) or None if given.programme else None,
        "statuses": [status.value for status in given.status] if given.status else None,
        "now": utc_iso(moment),
        "deadline_from": utc_iso(given.deadline_from) if given.deadline_from else None,
        "deadline_to": utc_iso(given.deadline_to) if given.deadline_to else None,
        "kind": given.eligible_kind.value if given.eligible_kind else None,
        "country": given.country,
    }


async def page(
    graph: GraphEngine,
    data: Mapping[str, Any] | None = None,
    *,
    first: int = 20,
    after: str | None = None,
    now: datetime | None = None,
) -> entities.Page:
    """Calls by deadline (earliest first), filtered, a page at a time."""
    return await entities.page(
        graph, FUNDING_CALL, filters(data or {}, now=now), first=first, after=after
    )
