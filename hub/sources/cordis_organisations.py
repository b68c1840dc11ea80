"""CORDIS participants as Organisation nodes, through the API's validation and mapping.

`activityType` becomes `kind`:

| CORDIS activityType | kind |
| --- | --- |
| HES (higher or secondary education) | UNIVERSITY |
| REC (research organisation) | RESEARCH_LAB |
| PRC (private company) | SME when the SME flag is "True", else LARGE_COMPANY |
| PUB (public body) | PUBLIC_BODY |
| OTH (other) and empty (151 organisations in the 2025 files) | NGO |

Any other code rejects the row. An invalid website (organizationURL), VAT number or
geolocation is dropped, not rejected. The rows of one PIC may differ (the SME flag, a
spelling): the most recently updated row (contentUpdateDate, then projectID) that passes
validation gives the organisation; when none does, all its rows are rejected.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from hub.ecosystem import organisations
from hub.ecosystem.errors import ValidationFailed
from hub.ecosystem.fields import Latitude, Longitude, Url, Vat, validate
from hub.ecosystem.organisations import OrganisationFields, OrganisationKind
from hub.ecosystem.relations import ParticipantRole
from hub.sources import writer
from hub.sources.csvfiles import Row
from hub.sources.report import ImportReport, Rejection, problem_of

Problem = tuple[str, str]  # (reason, message) of a rejection

SOURCE = "cordis"
KIND = "Organisation"
KINDS = {
    "HES": OrganisationKind.UNIVERSITY,
    "REC": OrganisationKind.RESEARCH_LAB,
    "PUB": OrganisationKind.PUBLIC_BODY,
    "OTH": OrganisationKind.NGO,
    "": OrganisationKind.NGO,
}
ROLES = frozenset(role.value for role in ParticipantRole)
# The columns an organisation is built from, in `organisation_properties` order.
COLUMNS = (
    "organisationID", "name", "shortName", "activityType", "SME", "city", "country",
    "geolocation", "organizationURL", "vatNumber",
)  # fmt: skip
# What CORDIS does not give: set when an organisation is created, never overwritten after.
NOT_FROM_CORDIS = (
    "description_el", "description_en", "sectors", "capabilities_offered",
    "capabilities_needed",
)  # fmt: skip

_PIC = re.compile(r"^\d{9}$")
_URL = TypeAdapter(Url)
_VAT = TypeAdapter(Vat)
_LATITUDE = TypeAdapter(Latitude)
_LONGITUDE = TypeAdapter(Longitude)


@dataclass(frozen=True)
class Participation:
    """One accepted row of organization.csv."""

    line: int
    pic: str
    project: int
    role: str
    updated: str  # contentUpdateDate: which row of a PIC is the most recent
    columns: tuple[str, ...]  # the COLUMNS values, stripped


def participation_problem(row: Row) -> Problem | None:
    """Why a row of organization.csv cannot be a participation, or None."""
    value = row["projectID"].strip()
    if not value.isdigit():
        return "projectID", f"projectID {value!r} is not a number"
    pic = row["organisationID"].strip()
    if not _PIC.match(pic):
        return "organisationID", f"organisationID {pic!r} is not a PIC (nine digits)"
    role = row["role"].strip()
    if role not in ROLES:
        return "role", f"role {role!r} is not one of {', '.join(sorted(ROLES))}"
    activity = row["activityType"].strip()
    if activity not in KINDS and activity != "PRC":
        return "activityType", (
            f"unknown activityType {activity!r} (expected HES, REC, PRC, PUB or OTH)"
        )
    return None


def organisation_properties(columns: Sequence[str]) -> dict[str, Any] | Problem:
    """An organisation's properties from its CORDIS columns, or why they are invalid."""
    pic, name, short_name, activity, sme, city, country, geolocation, url, vat = columns
    if activity == "PRC":
        kind = OrganisationKind.SME if sme == "True" else OrganisationKind.LARGE_COMPANY
    else:
        kind = KINDS[activity]
    latitude, longitude = coordinates(geolocation)
    data = {
        "name": name,
        "short_name": short_name or None,
        "kind": kind.value,
        "city": city or None,
        "country": country or None,
        "latitude": latitude,
        "longitude": longitude,
        "website": url if url and _valid(_URL, url) else None,
        "pic": pic,
        "vat_number": vat if vat and _valid(_VAT, vat) else None,
    }
    try:
        fields = validate(OrganisationFields, data)
    except ValidationFailed as exc:
        return problem_of(exc)
    return {**organisations.to_properties(fields), "activity_type": activity or None}


def coordinates(geolocation: str) -> tuple[float | None, float | None]:
    """`"lat,lon"` as two floats, or (None, None) when absent or not a valid position."""
    parts = geolocation.split(",")
    if len(parts) != 2:
        return None, None
    try:
        latitude = _LATITUDE.validate_python(float(parts[0]))
        longitude = _LONGITUDE.validate_python(float(parts[1]))
    except (ValueError, ValidationError):
        return None, None
    return latitude, longitude


def _valid(adapter: TypeAdapter[Any], value: str) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


def organisation_records(
    participations: Sequence[Participation],
    profile_of: Callable[[list[int]], str],
    *,
    report: ImportReport,
    file_name: str,
) -> list[writer.NodeRecord]:
    """One record per PIC (sorted), from its most recent valid row; `profile_of` gives the
    profile text of a sorted list of project ids. A PIC without a valid row is rejected."""
    by_pic: dict[str, list[Participation]] = defaultdict(list)
    for participation in participations:
        by_pic[participation.pic].append(participation)
    records = []
    for pic in sorted(by_pic):
        rows = by_pic[pic]
        properties = _first_valid(sorted(rows, key=lambda p: (p.updated, p.project), reverse=True))
        if isinstance(properties, tuple):
            reason, message = properties
            for row in rows:
                report.reject(Rejection(file_name, str(row.line), KIND, reason, message))
            continue
        projects = sorted({row.project for row in rows})
        props = {
            **{k: v for k, v in properties.items() if k not in NOT_FROM_CORDIS},
            "source": SOURCE,
            "participations": len(projects),
            "profile_text": profile_of(projects),
        }
        extra = {k: v for k, v in properties.items() if k in NOT_FROM_CORDIS}
        records.append(writer.NodeRecord(key=pic, props=props, extra=extra))
    return records


def _first_valid(rows: Sequence[Participation]) -> dict[str, Any] | Problem:
    tried: set[tuple[str, ...]] = set()
    first_problem: Problem | None = None
    for row in rows:
        if row.columns in tried:
            continue
        tried.add(row.columns)
        outcome = organisation_properties(row.columns)
        if not isinstance(outcome, tuple):
            return outcome
        first_problem = first_problem or outcome
    assert first_problem is not None
    return first_problem
