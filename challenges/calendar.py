"""Deadlines of challenges as calendar events (and the read that finds them)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from challenges.ical import CalendarEvent
from challenges.phases import Phase, phase_of, schedule_of, shown, utc_iso
from graph import GraphEngine, Statement

LIVE = [
    Phase.PUBLISHED.value,
    Phase.REGISTRATION.value,
    Phase.SUBMISSION.value,
    Phase.JUDGING.value,
]
UID_DOMAIN = "thessaloniki-innovation-hub"
MAX_CHALLENGES = 500

CALENDAR_CHALLENGES = Statement(
    name="challenge_calendar",
    cypher=(
        "MATCH (c:Challenge) WHERE c.phase IN $phases AND c.submission_deadline_utc >= $since "
        "RETURN c {.*} AS node ORDER BY c.submission_deadline_utc, c.id LIMIT $limit"
    ),
    example={"phases": LIVE, "since": "2027-01-01T00:00:00+00:00", "limit": 10},
)
_MOMENTS = (
    ("registration_opens", "registration opens", "Registration opens"),
    ("submission_opens", "submissions open", "Submissions open"),
    ("submission_deadline", "submission deadline", "Submission deadline"),
    ("judging_ends", "results", "Results expected"),
)


def challenge_events(node: Mapping[str, Any], *, url: str | None = None) -> list[CalendarEvent]:
    """The dated moments of a published challenge: registration, submission, deadline..."""
    schedule = schedule_of(node)
    if schedule is None or phase_of(node) == Phase.DRAFT:
        return []
    title = str(node.get("title_en") or node.get("title_el") or "Challenge")
    events = []
    for attribute, slug, label in _MOMENTS:
        moment: datetime | None = getattr(schedule, attribute)
        if moment is None:
            continue
        events.append(
            CalendarEvent(
                uid=f"challenge-{node['id']}-{slug.replace(' ', '-')}@{UID_DOMAIN}",
                summary=f"{label}: {title}",
                start=moment,
                description=f"{label} at {shown(moment, schedule.timezone)}.",
                url=url,
                categories=("challenge",),
            )
        )
    return events


def funding_call_event(node: Mapping[str, Any], *, url: str | None = None) -> CalendarEvent | None:
    """A funding call's deadline (hub `FundingCall` node properties), or None without one."""
    if not node.get("deadline"):
        return None
    deadline = datetime.fromisoformat(str(node["deadline"]))
    zone = str(node.get("timezone") or "UTC")
    title = str(node.get("title_en") or node.get("title_el") or node.get("identifier") or "Call")
    identifier = node.get("identifier")
    return CalendarEvent(
        uid=f"funding-call-{node['id']}-deadline@{UID_DOMAIN}",
        summary=f"Funding call deadline: {title}",
        start=deadline,
        description=(
            f"{identifier}: deadline at {shown(deadline, zone)}."
            if identifier
            else f"Deadline at {shown(deadline, zone)}."
        ),
        url=url or node.get("source_url"),
        categories=("funding call",),
    )


async def upcoming_challenges(*, graph: GraphEngine, since: datetime) -> list[dict[str, Any]]:
    """Published, running and judging challenges whose deadline is not before `since`."""
    rows = await graph.run(
        CALENDAR_CHALLENGES, {"phases": LIVE, "since": utc_iso(since), "limit": MAX_CHALLENGES}
    )
    return [dict(row["node"]) for row in rows]
