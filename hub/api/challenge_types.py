"""GraphQL types of the challenge lifecycle: details, teams, submissions, judging, results.

Built from the plain values the `challenges` services return. Node ids are exposed as
global ids (`Challenge:…`, `Team:…`, `Submission:…`, `Dataset:…`, `Award:…`, `Person:…`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from challenges import errors as challenge_errors
from challenges.datasets import freshness
from challenges.errors import ChallengeError
from challenges.phases import Phase, schedule_of
from challenges.ranking import Ranked
from hub.api.common import LocalizedText, MutationError, errors_of, localized
from hub.ecosystem.errors import HubError
from hub.ecosystem.ids import to_global_id

ChallengePhase = strawberry.enum(Phase, name="ChallengePhase", description="Lifecycle phase.")


def gid(type_name: str, node_id: object) -> strawberry.ID:
    return strawberry.ID(to_global_id(type_name, str(node_id)))


@strawberry.type(description="When each phase opens, in the challenge's IANA time zone.")
class ChallengeSchedule:
    timezone: str
    registration_opens: datetime
    submission_opens: datetime
    submission_deadline: datetime
    judging_ends: datetime | None


@strawberry.enum(description="A prize in money (amount and currency) or in kind (described).")
class PrizeKind(Enum):
    MONEY = "money"
    IN_KIND = "in_kind"


@strawberry.type
class Prize:
    kind: PrizeKind
    rank: int | None
    amount: int | None
    currency: str | None
    description: LocalizedText | None


@strawberry.type(description="A criterion of the judging rubric, with its weight and range.")
class Criterion:
    key: str
    name: str
    weight: float
    minimum: int
    maximum: int


@strawberry.type(description="A challenge's lifecycle: phase, schedule, rules, prizes, rubric.")
class ChallengeDetails:
    id: strawberry.ID
    phase: ChallengePhase  # type: ignore[valid-type]
    title: LocalizedText
    description: LocalizedText | None
    rules: LocalizedText | None
    eligibility: LocalizedText | None
    themes: list[str]
    skills_sought: list[str]
    prizes: list[Prize]
    schedule: ChallengeSchedule | None
    max_team_size: int
    rubric: list[Criterion]
    website: str | None
    phase_history: list[str]
    organiser_ids: list[strawberry.ID]

    @classmethod
    def from_node(cls, node: Mapping[str, Any]) -> ChallengeDetails:
        schedule = schedule_of(node)
        return cls(
            id=gid("Challenge", node["id"]),
            phase=Phase(node.get("phase") or "archived"),
            title=localized(dict(node), "title") or LocalizedText(el=None, en=None),
            description=localized(dict(node), "description"),
            rules=localized(dict(node), "rules"),
            eligibility=localized(dict(node), "eligibility"),
            themes=list(node.get("themes") or []),
            skills_sought=list(node.get("skills_sought") or []),
            prizes=[
                Prize(
                    kind=PrizeKind(prize["kind"]),
                    rank=prize.get("rank"),
                    amount=prize.get("amount"),
                    currency=prize.get("currency"),
                    description=localized(
                        {f"d_{k}": v for k, v in (prize.get("description") or {}).items()}, "d"
                    ),
                )
                for prize in json.loads(str(node.get("prizes") or "[]"))
            ],
            schedule=(
                ChallengeSchedule(
                    timezone=schedule.timezone,
                    registration_opens=schedule.registration_opens,
                    submission_opens=schedule.submission_opens,
                    submission_deadline=schedule.submission_deadline,
                    judging_ends=schedule.judging_ends,
                )
                if schedule
                else None
            ),
            max_team_size=int(node.get("max_team_size") or 0),
            rubric=[Criterion(**item) for item in json.loads(str(node.get("rubric") or "[]"))],
            website=node.get("website"),
            phase_history=list(node.get("phase_history") or []),
            organiser_ids=[gid("Organisation", o) for o in node.get("organisers") or []],
        )


@strawberry.type(description="A member of a team.")
class TeamMember:
    person_id: strawberry.ID
    name: str | None
    role: str
    joined_at: str | None


@strawberry.type(description="A team entering a challenge (its members in `members`).")
class ChallengeTeam:
    id: strawberry.ID
    name: str
    members: list[TeamMember]


@strawberry.type(description="A team with a free place and the sought skills it lacks.")
class OpenTeam:
    team_id: strawberry.ID
    name: str
    size: int
    max_size: int
    gaps: list[str]
    fills: list[str] = strawberry.field(
        description="For a suggestion: the gaps the person's skills fill."
    )


@strawberry.type(description="A team's entry: content, links, datasets used, version.")
class Submission:
    id: strawberry.ID
    team_id: strawberry.ID
    title: str
    summary: str
    repository_url: str | None
    demo_url: str | None
    video_url: str | None
    dataset_ids: list[strawberry.ID]
    version: int
    created_at: str
    updated_at: str

    @classmethod
    def from_node(cls, node: Mapping[str, Any], team: str | None = None) -> Submission:
        return cls(
            id=gid("Submission", node["id"]),
            team_id=gid("Team", team or node.get("team")),
            title=str(node["title"]),
            summary=str(node.get("summary") or ""),
            repository_url=node.get("repository_url"),
            demo_url=node.get("demo_url"),
            video_url=node.get("video_url"),
            dataset_ids=[gid("Dataset", d) for d in node.get("datasets") or []],
            version=int(node["version"]),
            created_at=str(node.get("created_at") or ""),
            updated_at=str(node.get("updated_at") or ""),
        )


@strawberry.type(description="An open dataset from a CKAN portal, with licence and freshness.")
class Dataset:
    id: strawberry.ID
    title: str
    notes: str | None
    publisher: str | None
    license_id: str | None
    license_title: str | None
    formats: list[str]
    source_url: str | None
    metadata_modified: str | None
    freshness: str | None = strawberry.field(
        description="fresh (changed within 90 days), current (within a year) or stale."
    )
    age_days: int | None
    used_by_submissions: int | None

    @classmethod
    def from_node(cls, node: Mapping[str, Any]) -> Dataset:
        fresh = node.get("freshness") or freshness(node.get("metadata_modified_utc"))
        return cls(
            id=gid("Dataset", node["id"]),
            title=str(node.get("title") or ""),
            notes=node.get("notes"),
            publisher=node.get("publisher"),
            license_id=node.get("license_id"),
            license_title=node.get("license_title"),
            formats=list(node.get("formats") or []),
            source_url=node.get("source_url"),
            metadata_modified=node.get("metadata_modified"),
            freshness=fresh.label if fresh else None,
            age_days=fresh.age_days if fresh else None,
            used_by_submissions=node.get("used_by"),
        )


@strawberry.type(description="A judge's work: assigned and scored submissions.")
class JudgeProgress:
    judge_id: strawberry.ID
    name: str | None
    assigned: int
    scored: int


@strawberry.type(description="A judge's score sheet; the comment is for the organisers only.")
class ScoreSheet:
    judge_id: strawberry.ID
    submission_id: strawberry.ID
    scores: strawberry.scalars.JSON | None
    comment: str | None
    scored_at: str | None


@strawberry.type(description="A place in the ranking; `decidedBy` names the tie-break used.")
class RankedEntry:
    rank: int
    submission_id: strawberry.ID
    team_id: strawberry.ID
    team_name: str
    score: float | None
    judges: int
    decided_by: str | None

    @classmethod
    def of(cls, entry: Ranked) -> RankedEntry:
        return cls(
            rank=entry.rank,
            submission_id=gid("Submission", entry.submission),
            team_id=gid("Team", entry.team),
            team_name=entry.team_name,
            score=entry.score,
            judges=entry.judges,
            decided_by=entry.decided_by,
        )


@strawberry.type(description="A winning team of a challenge, and where its onboarding stands.")
class Winner:
    award_id: strawberry.ID
    challenge_id: strawberry.ID
    challenge_title: LocalizedText
    year: int
    team_id: strawberry.ID
    team_name: str
    rank: int
    prize: LocalizedText | None
    onboarding_status: str | None
    programme_id: strawberry.ID | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Winner:
        return cls(
            award_id=gid("Award", row["award"]),
            challenge_id=gid("Challenge", row["challenge"]),
            challenge_title=localized(dict(row), "title") or LocalizedText(el=None, en=None),
            year=int(row["year"]),
            team_id=gid("Team", row["team"]),
            team_name=str(row["team_name"]),
            rank=int(row["rank"]),
            prize=localized(dict(row), "prize"),
            onboarding_status=row.get("onboarding_status"),
            programme_id=gid("Programme", row["programme"]) if row.get("programme") else None,
        )


@strawberry.type(description="One node of a conflict-of-interest path.")
class PathStep:
    label: str
    id: strawberry.ID
    name: str
    relation: str | None = strawberry.field(description="The relation to the next node.")


@strawberry.type(description="A judge kept from a team by a conflict of interest, and why.")
class ConflictFound:
    judge_id: strawberry.ID
    team_id: strawberry.ID
    path: list[PathStep]


@strawberry.type(description="An expected failure of a challenge mutation, with its details.")
class ChallengeMutationError(MutationError):
    path: list[PathStep] | None = None
    current_version: int | None = None
    existing_submission_id: strawberry.ID | None = None


def path_of(steps: list[challenge_errors.PathStep]) -> list[PathStep]:
    return [
        PathStep(label=s.label, id=gid(s.label, s.id), name=s.name, relation=s.relation)
        for s in steps
    ]


def challenge_errors_of(error: Exception) -> list[ChallengeMutationError]:
    """Typed errors from the challenge services' errors (and the hub's, for ids)."""
    if isinstance(error, HubError):
        return [_error(e.code, e.field, e.message) for e in errors_of(error)]
    assert isinstance(error, ChallengeError)
    if isinstance(error, challenge_errors.Invalid):
        return [_error(i.code, i.field, i.message) for i in error.issues]
    found = _error(error.code, error.field, error.message)
    if isinstance(error, challenge_errors.ConflictOfInterest):
        found.path = path_of(error.path)
    if isinstance(error, challenge_errors.VersionConflict):
        found.current_version = error.current_version
    if isinstance(error, challenge_errors.AlreadySubmitted):
        found.existing_submission_id = gid("Submission", error.submission_id)
    return [found]


def _error(code: str, field: str | None, message: str) -> ChallengeMutationError:
    return ChallengeMutationError(code=code, field=field, message=message)
