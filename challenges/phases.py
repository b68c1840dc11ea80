"""Phases of a challenge and the dates that open them, in the challenge's own time zone.

Dates are kept as given (ISO 8601 with their offset, converted into the challenge's zone)
and also in UTC in one fixed format (`..._utc`), which sorts and compares as text on both
engines. Messages show a moment in the challenge's zone: `2027-03-01 18:00 Europe/Athens`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from challenges.validation import Checker


class Phase(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    REGISTRATION = "registration"
    SUBMISSION = "submission"
    JUDGING = "judging"
    AWARDED = "awarded"
    ARCHIVED = "archived"

    @property
    def order(self) -> int:
        return list(Phase).index(self)


# Phases in which people and organisations may register and teams form or change.
REGISTRATION_OPEN = frozenset({Phase.REGISTRATION, Phase.SUBMISSION})
DATE_FIELDS = ("registration_opens", "submission_opens", "submission_deadline", "judging_ends")


def utc_iso(moment: datetime) -> str:
    """A moment in UTC, to the second, in one fixed format that sorts as text."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def shown(moment: datetime, zone: str) -> str:
    """A moment as people read it in the challenge's zone: `2027-03-01 18:00 Europe/Athens`."""
    return f"{moment.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M} {zone}"


@dataclass(frozen=True)
class Schedule:
    """When each phase opens. Registration stays open while submissions are open."""

    timezone: str
    registration_opens: datetime
    submission_opens: datetime
    submission_deadline: datetime
    judging_ends: datetime | None = None

    def shown(self, moment: datetime) -> str:
        return shown(moment, self.timezone)

    def properties(self) -> dict[str, Any]:
        """Graph properties: each date in the zone with its offset, and in UTC."""
        zone = ZoneInfo(self.timezone)
        props: dict[str, Any] = {"timezone": self.timezone}
        for name in DATE_FIELDS:
            moment: datetime | None = getattr(self, name)
            props[name] = moment.astimezone(zone).isoformat() if moment else None
            props[f"{name}_utc"] = utc_iso(moment) if moment else None
        props["year"] = self.submission_deadline.astimezone(zone).year
        return props

    def as_input(self) -> dict[str, Any]:
        data: dict[str, Any] = {"timezone": self.timezone}
        for name in DATE_FIELDS:
            moment: datetime | None = getattr(self, name)
            data[name] = moment.isoformat() if moment else None
        return data


def schedule_of(node: Mapping[str, Any]) -> Schedule | None:
    """The schedule stored on a challenge node, or None when it has none (drafts, the past)."""
    if not node.get("timezone") or not node.get("submission_deadline"):
        return None
    return Schedule(
        timezone=str(node["timezone"]),
        registration_opens=datetime.fromisoformat(str(node["registration_opens"])),
        submission_opens=datetime.fromisoformat(str(node["submission_opens"])),
        submission_deadline=datetime.fromisoformat(str(node["submission_deadline"])),
        judging_ends=(
            datetime.fromisoformat(str(node["judging_ends"])) if node.get("judging_ends") else None
        ),
    )


def phase_of(node: Mapping[str, Any]) -> Phase:
    """A challenge's phase; past challenges written before the lifecycle existed are archived."""
    value = node.get("phase")
    return Phase(value) if value else Phase.ARCHIVED


def check_schedule(checker: Checker, data: Any) -> Schedule | None:
    """A schedule from client data: an IANA zone and dates with offsets, in order."""
    if data is None:
        return None
    if not isinstance(data, Mapping):
        checker.fail("schedule", "must be an object with timezone and the phase dates")
        return None
    for key in sorted(set(data) - {"timezone", *DATE_FIELDS}):
        checker.fail(f"schedule.{key}", "is not a known field")
    zone = checker.zone("schedule.timezone", data.get("timezone"))
    moments = {
        name: checker.moment(f"schedule.{name}", data.get(name), required=name != "judging_ends")
        for name in DATE_FIELDS
    }
    registration, opens = moments["registration_opens"], moments["submission_opens"]
    deadline, judged = moments["submission_deadline"], moments["judging_ends"]
    if registration and opens and opens < registration:
        checker.fail("schedule.submission_opens", "must not be before registration_opens")
    if opens and deadline and deadline <= opens:
        checker.fail("schedule.submission_deadline", "must be after submission_opens")
    if deadline and judged and judged <= deadline:
        checker.fail("schedule.judging_ends", "must be after submission_deadline")
    if zone is None or registration is None or opens is None or deadline is None:
        return None
    return Schedule(zone, registration, opens, deadline, judged)
