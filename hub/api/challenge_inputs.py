"""GraphQL inputs and payloads of the challenge mutations."""

from __future__ import annotations

from datetime import datetime

import strawberry

from hub.api.challenge_types import (
    ChallengeDetails,
    ChallengeMutationError,
    ChallengeTeam,
    ConflictFound,
    PrizeKind,
    Submission,
    Winner,
)
from hub.api.common import LocalizedTextInput

# --- inputs ----------------------------------------------------------------------------


@strawberry.input
class ScheduleInput:
    timezone: str
    registration_opens: datetime
    submission_opens: datetime
    submission_deadline: datetime
    judging_ends: datetime | None = None


@strawberry.input
class PrizeInput:
    kind: PrizeKind
    rank: int | None = None
    amount: int | None = None
    currency: str | None = None
    description: LocalizedTextInput | None = None


@strawberry.input
class ChallengeInput:
    title: LocalizedTextInput
    organiser_ids: list[strawberry.ID]
    description: LocalizedTextInput | None = None
    rules: LocalizedTextInput | None = None
    eligibility: LocalizedTextInput | None = None
    themes: list[str] | None = None
    prizes: list[PrizeInput] | None = None
    schedule: ScheduleInput | None = None
    max_team_size: int | None = None
    website: str | None = None
    skills_sought: list[str] | None = None


@strawberry.input(description="Given fields replace, null clears, absent fields stay.")
class ChallengePatch:
    title: LocalizedTextInput | None = strawberry.UNSET
    description: LocalizedTextInput | None = strawberry.UNSET
    rules: LocalizedTextInput | None = strawberry.UNSET
    eligibility: LocalizedTextInput | None = strawberry.UNSET
    themes: list[str] | None = strawberry.UNSET
    prizes: list[PrizeInput] | None = strawberry.UNSET
    schedule: ScheduleInput | None = strawberry.UNSET
    max_team_size: int | None = strawberry.UNSET
    website: str | None = strawberry.UNSET
    skills_sought: list[str] | None = strawberry.UNSET


@strawberry.input
class LinksInput:
    repository: str | None = strawberry.UNSET
    demo: str | None = strawberry.UNSET
    video: str | None = strawberry.UNSET


@strawberry.input
class SubmissionInput:
    title: str | None = strawberry.UNSET
    summary: str | None = strawberry.UNSET
    links: LinksInput | None = strawberry.UNSET
    dataset_ids: list[strawberry.ID] | None = strawberry.UNSET


@strawberry.input
class CriterionInput:
    key: str
    name: str
    weight: float
    minimum: int
    maximum: int


@strawberry.input
class PlacementInput:
    team_id: strawberry.ID
    rank: int


# --- payloads --------------------------------------------------------------------------


@strawberry.type
class ChallengeDetailsPayload:
    challenge: ChallengeDetails | None
    errors: list[ChallengeMutationError]


@strawberry.type
class TeamPayload:
    team: ChallengeTeam | None
    errors: list[ChallengeMutationError]


@strawberry.type
class SubmissionPayload:
    submission: Submission | None
    errors: list[ChallengeMutationError]


@strawberry.type
class DonePayload:
    ok: bool
    errors: list[ChallengeMutationError]


@strawberry.type
class JudgeAddedPayload:
    ok: bool
    conflicts: list[ConflictFound]
    errors: list[ChallengeMutationError]


@strawberry.type
class AssignmentPayload:
    assigned: int
    short_submission_ids: list[strawberry.ID]
    conflicts: list[ConflictFound]
    errors: list[ChallengeMutationError]


@strawberry.type
class WinnersPayload:
    winners: list[Winner]
    errors: list[ChallengeMutationError]
