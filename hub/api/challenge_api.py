"""The challenge lifecycle in GraphQL: queries and mutations over the `challenges` services.

Thin resolvers: global ids in, a service call, typed results or `errors { code field
message }` out. Not yet checked against permissions: the people acting (team lead,
author, judge) are given as arguments until they come from the signed-in viewer, and
`hub.api.permissions.require` is to be called in each mutation (see the report of the
session that added this file). Merge `ChallengeLifecycleQuery` and
`ChallengeLifecycleMutation` into the schema to serve them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

import strawberry

from challenges import (
    awards,
    challenge,
    datasets,
    followup,
    judging,
    submissions,
    teams,
)
from challenges.errors import ChallengeError
from challenges.jsonld import challenge_jsonld
from challenges.phases import Phase
from challenges.results_csv import results_csv
from hub.api.challenge_types import (
    ChallengeDetails,
    ChallengeMutationError,
    ChallengePhase,
    ChallengeTeam,
    Dataset,
    JudgeProgress,
    PathStep,
    PrizeKind,
    RankedEntry,
    ScoreSheet,
    Submission,
    TeamMember,
    Winner,
    challenge_errors_of,
    gid,
    path_of,
)
from hub.api.common import LocalizedTextInput, input_data
from hub.api.context import Info
from hub.ecosystem import entities
from hub.ecosystem.errors import HubError
from hub.ecosystem.ids import expect_global_id
from hub.ecosystem.organisations import ORGANISATION

T = TypeVar("T")


def _now() -> datetime:
    return datetime.now(UTC)


clock: Callable[[], datetime] = _now  # the services' "now"; tests set their own


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


@strawberry.type(description="A judge kept from a team by a conflict of interest, and why.")
class ConflictFound:
    judge_id: strawberry.ID
    team_id: strawberry.ID
    path: list[PathStep]


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


async def _attempt(action: Awaitable[T]) -> tuple[T | None, list[ChallengeMutationError]]:
    try:
        return await action, []
    except (ChallengeError, HubError) as error:
        return None, challenge_errors_of(error)


def _id(value: strawberry.ID | str | None, type_name: str, field: str) -> str:
    return expect_global_id(str(value or ""), type_name, field)


def _challenge_data(value: object, *, patch: bool = False) -> dict[str, Any]:
    data = input_data(value, keep_nulls=patch)
    if "organiser_ids" in data:
        data["organisers"] = [
            _id(item, "Organisation", f"input.organiserIds[{i}]")
            for i, item in enumerate(data.pop("organiser_ids") or [])
        ]
    return data


def _submission_data(value: object) -> dict[str, Any]:
    data = input_data(value, keep_nulls=True)
    if "dataset_ids" in data:
        data["datasets"] = [
            _id(item, "Dataset", f"input.datasetIds[{i}]")
            for i, item in enumerate(data.pop("dataset_ids") or [])
        ]
    return data


async def _team(info: Info, node: dict[str, Any]) -> ChallengeTeam:
    found = await teams.members(graph=info.context.graph, team_ids=[node["id"]])
    return ChallengeTeam(
        id=gid("Team", node["id"]),
        name=str(node["name"]),
        members=[
            TeamMember(
                person_id=gid("Person", m["person"]),
                name=m["name"],
                role=m["role"],
                joined_at=m["joined_at"],
            )
            for m in found[node["id"]]
        ],
    )


async def _details(info: Info, challenge_id: str) -> ChallengeDetails:
    node = await challenge.get_challenge(graph=info.context.graph, challenge_id=challenge_id)
    return ChallengeDetails.from_node(node)


@strawberry.type
class ChallengeLifecycleQuery:
    @strawberry.field(description="A challenge's lifecycle details (drafts included, for now).")
    async def challenge_details(self, info: Info, id: strawberry.ID) -> ChallengeDetails | None:
        found, _ = await _attempt(_details(info, _id(id, "Challenge", "id")))
        return found

    @strawberry.field(description="The teams of a challenge with their members.")
    async def challenge_teams(self, info: Info, challenge_id: strawberry.ID) -> list[ChallengeTeam]:
        graph = info.context.graph
        nodes = await teams.teams_of(
            graph=graph, challenge_id=_id(challenge_id, "Challenge", "challengeId")
        )
        return [await _team(info, node) for node in nodes]

    @strawberry.field(description="A challenge's submissions, oldest first.")
    async def challenge_submissions(
        self, info: Info, challenge_id: strawberry.ID
    ) -> list[Submission]:
        nodes = await submissions.submissions_of(
            graph=info.context.graph, challenge_id=_id(challenge_id, "Challenge", "challengeId")
        )
        return [Submission.from_node(node) for node in nodes]

    @strawberry.field(description="The datasets a challenge features, with freshness and use.")
    async def challenge_datasets(self, info: Info, challenge_id: strawberry.ID) -> list[Dataset]:
        nodes = await datasets.challenge_datasets(
            graph=info.context.graph,
            challenge_id=_id(challenge_id, "Challenge", "challengeId"),
            now=clock(),
        )
        return [Dataset.from_node(node) for node in nodes]

    @strawberry.field(description="Open datasets whose title, notes, publisher or tags match.")
    async def open_datasets(
        self, info: Info, text: str | None = None, first: int = 20
    ) -> list[Dataset]:
        nodes = await datasets.find_datasets(graph=info.context.graph, text=text, first=first)
        return [Dataset.from_node(node) for node in nodes]

    @strawberry.field(description="What one judge is assigned, with their own scores.")
    async def judge_assignments(
        self, info: Info, challenge_id: strawberry.ID, judge_id: strawberry.ID
    ) -> list[ScoreSheet]:
        rows = await judging.assigned_to(
            graph=info.context.graph,
            challenge_id=_id(challenge_id, "Challenge", "challengeId"),
            judge_id=_id(judge_id, "Person", "judgeId"),
        )
        return [_sheet(row) for row in rows]

    @strawberry.field(description="Every judge's assigned and scored counts.")
    async def judging_progress(
        self, info: Info, challenge_id: strawberry.ID
    ) -> list[JudgeProgress]:
        rows = await judging.progress(
            graph=info.context.graph, challenge_id=_id(challenge_id, "Challenge", "challengeId")
        )
        return [
            JudgeProgress(
                judge_id=gid("Person", r["judge"]),
                name=r["name"],
                assigned=r["assigned"],
                scored=r["scored"],
            )
            for r in rows
        ]

    @strawberry.field(description="The ranking so far (for the organisers; comments excluded).")
    async def challenge_ranking(
        self, info: Info, challenge_id: strawberry.ID, normalise: bool = False
    ) -> list[RankedEntry]:
        ranked, _ = await _attempt(
            judging.results(
                graph=info.context.graph,
                challenge_id=_id(challenge_id, "Challenge", "challengeId"),
                normalise=normalise,
            )
        )
        return [RankedEntry.of(entry) for entry in ranked or []]

    @strawberry.field(description="Public results, once the challenge is awarded (else empty).")
    async def challenge_results(
        self, info: Info, challenge_id: strawberry.ID, normalise: bool = False
    ) -> list[RankedEntry]:
        ranked, _ = await _attempt(
            awards.public_results(
                graph=info.context.graph,
                challenge_id=_id(challenge_id, "Challenge", "challengeId"),
                normalise=normalise,
            )
        )
        return [RankedEntry.of(entry) for entry in ranked or []]

    @strawberry.field(description="Public results as CSV, once awarded (else null).")
    async def challenge_results_csv(self, info: Info, challenge_id: strawberry.ID) -> str | None:
        node_id = _id(challenge_id, "Challenge", "challengeId")
        ranked, _ = await _attempt(
            awards.public_results(graph=info.context.graph, challenge_id=node_id)
        )
        if ranked is None:
            return None
        won = await awards.winners(graph=info.context.graph, challenge_id=node_id)
        return results_csv(ranked, awarded={w["team"]: int(w["rank"]) for w in won})

    @strawberry.field(description="Winners across years, newest challenge first, then by rank.")
    async def challenge_winners(
        self,
        info: Info,
        challenge_id: strawberry.ID | None = None,
        since: int | None = None,
        until: int | None = None,
        theme: str | None = None,
        first: int = 50,
    ) -> list[Winner]:
        rows = await awards.winners(
            graph=info.context.graph,
            challenge_id=_id(challenge_id, "Challenge", "challengeId") if challenge_id else None,
            since=since,
            until=until,
            theme=theme,
            first=first,
        )
        return [Winner.from_row(row) for row in rows]

    @strawberry.field(description="schema.org JSON-LD (Hackathon) of a public challenge.")
    async def challenge_json_ld(
        self, info: Info, challenge_id: strawberry.ID, language: str = "en"
    ) -> strawberry.scalars.JSON | None:
        node = await challenge.get_challenge(
            graph=info.context.graph, challenge_id=_id(challenge_id, "Challenge", "challengeId")
        )
        found = await entities.get_many(info.context.graph, ORGANISATION, node["organisers"])
        data = challenge_jsonld(node, list(found.values()), language=language)
        return cast(strawberry.scalars.JSON | None, data)


def _sheet(row: dict[str, Any]) -> ScoreSheet:
    return ScoreSheet(
        judge_id=gid("Person", row["judge"]),
        submission_id=gid("Submission", row["submission"]),
        scores=row["scores"],
        comment=row["comment"],
        scored_at=row["scored_at"],
    )


def _conflicts(found: dict[tuple[str, str], Any]) -> list[ConflictFound]:
    return [
        ConflictFound(judge_id=gid("Person", j), team_id=gid("Team", t), path=path_of(path))
        for (j, t), path in sorted(found.items())
    ]


@strawberry.type
class ChallengeLifecycleMutation:
    @strawberry.mutation(description="A new challenge, as a draft.")
    async def create_challenge(self, info: Info, input: ChallengeInput) -> ChallengeDetailsPayload:
        async def act() -> ChallengeDetails:
            node = await challenge.create_challenge(
                graph=info.context.graph, data=_challenge_data(input), now=clock()
            )
            return await _details(info, node["id"])

        found, errors = await _attempt(act())
        return ChallengeDetailsPayload(challenge=found, errors=errors)

    @strawberry.mutation(description="Change a challenge (reached phase dates stay).")
    async def update_challenge(
        self, info: Info, id: strawberry.ID, input: ChallengePatch
    ) -> ChallengeDetailsPayload:
        async def act() -> ChallengeDetails:
            node = await challenge.update_challenge(
                graph=info.context.graph,
                challenge_id=_id(id, "Challenge", "id"),
                patch=_challenge_data(input, patch=True),
                now=clock(),
            )
            return await _details(info, node["id"])

        found, errors = await _attempt(act())
        return ChallengeDetailsPayload(challenge=found, errors=errors)

    @strawberry.mutation(description="Move a challenge to its next phase (or archive it).")
    async def move_challenge(
        self,
        info: Info,
        id: strawberry.ID,
        phase: ChallengePhase,  # type: ignore[valid-type]
    ) -> ChallengeDetailsPayload:
        async def act() -> ChallengeDetails:
            node = await challenge.transition(
                graph=info.context.graph,
                challenge_id=_id(id, "Challenge", "id"),
                target=Phase(phase),
                now=clock(),
            )
            return await _details(info, node["id"])

        found, errors = await _attempt(act())
        return ChallengeDetailsPayload(challenge=found, errors=errors)

    @strawberry.mutation(description="The judging rubric (until judging opens).")
    async def set_challenge_rubric(
        self, info: Info, challenge_id: strawberry.ID, criteria: list[CriterionInput]
    ) -> DonePayload:
        _, errors = await _attempt(
            judging.set_rubric(
                graph=info.context.graph,
                challenge_id=_id(challenge_id, "Challenge", "challengeId"),
                criteria=[input_data(c) for c in criteria],
                now=clock(),
            )
        )
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="The open datasets a challenge features (replaced).")
    async def set_challenge_datasets(
        self, info: Info, challenge_id: strawberry.ID, dataset_ids: list[strawberry.ID]
    ) -> DonePayload:
        async def act() -> int:
            ids = [_id(d, "Dataset", f"datasetIds[{i}]") for i, d in enumerate(dataset_ids)]
            return await datasets.set_challenge_datasets(
                graph=info.context.graph,
                challenge_id=_id(challenge_id, "Challenge", "challengeId"),
                dataset_ids=ids,
            )

        _, errors = await _attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="Register a person or an organisation for a challenge.")
    async def register_for_challenge(
        self, info: Info, challenge_id: strawberry.ID, participant_id: strawberry.ID
    ) -> DonePayload:
        async def act() -> str:
            kind, _ = _participant(participant_id)
            return await teams.register(
                graph=info.context.graph,
                challenge_id=_id(challenge_id, "Challenge", "challengeId"),
                participant_id=_participant(participant_id)[1],
                kind=kind,
                now=clock(),
            )

        _, errors = await _attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="A new team, its lead registered and first member.")
    async def create_team(
        self,
        info: Info,
        challenge_id: strawberry.ID,
        lead_id: strawberry.ID,
        name: str,
        organisation_id: strawberry.ID | None = None,
    ) -> TeamPayload:
        async def act() -> ChallengeTeam:
            node = await teams.create_team(
                graph=info.context.graph,
                challenge_id=_id(challenge_id, "Challenge", "challengeId"),
                lead_id=_id(lead_id, "Person", "leadId"),
                name=name,
                organisation_id=(
                    _id(organisation_id, "Organisation", "organisationId")
                    if organisation_id
                    else None
                ),
                now=clock(),
            )
            return await _team(info, node)

        found, errors = await _attempt(act())
        return TeamPayload(team=found, errors=errors)

    @strawberry.mutation(description="A member invites a person to the team.")
    async def invite_to_team(
        self,
        info: Info,
        team_id: strawberry.ID,
        person_id: strawberry.ID,
        invited_by: strawberry.ID,
    ) -> DonePayload:
        async def act() -> str:
            return await teams.invite(
                graph=info.context.graph,
                team_id=_id(team_id, "Team", "teamId"),
                person_id=_id(person_id, "Person", "personId"),
                invited_by=_id(invited_by, "Person", "invitedBy"),
                now=clock(),
            )

        _, errors = await _attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="An invited person joins (refused when the team is full).")
    async def join_team(
        self, info: Info, team_id: strawberry.ID, person_id: strawberry.ID
    ) -> TeamPayload:
        async def act() -> ChallengeTeam:
            node = await teams.join(
                graph=info.context.graph,
                team_id=_id(team_id, "Team", "teamId"),
                person_id=_id(person_id, "Person", "personId"),
                now=clock(),
            )
            return await _team(info, node)

        found, errors = await _attempt(act())
        return TeamPayload(team=found, errors=errors)

    @strawberry.mutation(description="A member leaves the team (the lead only as the last).")
    async def leave_team(
        self, info: Info, team_id: strawberry.ID, person_id: strawberry.ID
    ) -> DonePayload:
        async def act() -> int:
            return await teams.leave(
                graph=info.context.graph,
                team_id=_id(team_id, "Team", "teamId"),
                person_id=_id(person_id, "Person", "personId"),
            )

        _, errors = await _attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="The team's submission (one per team), before the deadline.")
    async def submit(
        self,
        info: Info,
        team_id: strawberry.ID,
        author_id: strawberry.ID,
        input: SubmissionInput,
    ) -> SubmissionPayload:
        async def act() -> Submission:
            node = await submissions.submit(
                graph=info.context.graph,
                team_id=_id(team_id, "Team", "teamId"),
                author_id=_id(author_id, "Person", "authorId"),
                data=_submission_data(input),
                now=clock(),
            )
            return await _submission(info, node["id"])

        found, errors = await _attempt(act())
        return SubmissionPayload(submission=found, errors=errors)

    @strawberry.mutation(description="Edit from `version`; a stale version is VERSION_CONFLICT.")
    async def edit_submission(
        self,
        info: Info,
        id: strawberry.ID,
        author_id: strawberry.ID,
        version: int,
        input: SubmissionInput,
    ) -> SubmissionPayload:
        async def act() -> Submission:
            node = await submissions.edit(
                graph=info.context.graph,
                submission_id=_id(id, "Submission", "id"),
                author_id=_id(author_id, "Person", "authorId"),
                version=version,
                patch=_submission_data(input),
                now=clock(),
            )
            return await _submission(info, node["id"])

        found, errors = await _attempt(act())
        return SubmissionPayload(submission=found, errors=errors)

    @strawberry.mutation(
        description="Put a person on the panel; lists the teams they conflict with."
    )
    async def add_judge(
        self, info: Info, challenge_id: strawberry.ID, person_id: strawberry.ID
    ) -> JudgeAddedPayload:
        person = _id(person_id, "Person", "personId") if person_id else ""
        found, errors = await _attempt(
            judging.add_judge(
                graph=info.context.graph,
                challenge_id=_id(challenge_id, "Challenge", "challengeId"),
                person_id=person,
                now=clock(),
            )
        )
        conflicts = _conflicts({(person, team): path for team, path in found or []})
        return JudgeAddedPayload(ok=not errors, conflicts=conflicts, errors=errors)

    @strawberry.mutation(
        description="Assign a judge to a submission; refused with the path on a conflict."
    )
    async def assign_judge(
        self, info: Info, submission_id: strawberry.ID, judge_id: strawberry.ID
    ) -> DonePayload:
        async def act() -> None:
            await judging.assign(
                graph=info.context.graph,
                submission_id=_id(submission_id, "Submission", "submissionId"),
                judge_id=_id(judge_id, "Person", "judgeId"),
                now=clock(),
            )

        _, errors = await _attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="Give every submission `perSubmission` judges, balanced.")
    async def assign_judges(
        self, info: Info, challenge_id: strawberry.ID, per_submission: int
    ) -> AssignmentPayload:
        found, errors = await _attempt(
            judging.assign_balanced(
                graph=info.context.graph,
                challenge_id=_id(challenge_id, "Challenge", "challengeId"),
                per_submission=per_submission,
                now=clock(),
            )
        )
        if found is None:
            return AssignmentPayload(
                assigned=0, short_submission_ids=[], conflicts=[], errors=errors
            )
        plan, conflicts = found
        return AssignmentPayload(
            assigned=len(plan.new),
            short_submission_ids=[gid("Submission", s) for s in sorted(plan.short)],
            conflicts=_conflicts(conflicts),
            errors=errors,
        )

    @strawberry.mutation(description="A judge's scores (and private comment) for a submission.")
    async def score_submission(
        self,
        info: Info,
        submission_id: strawberry.ID,
        judge_id: strawberry.ID,
        scores: strawberry.scalars.JSON,
        comment: str | None = None,
    ) -> DonePayload:
        async def act() -> dict[str, float]:
            return await judging.score(
                graph=info.context.graph,
                submission_id=_id(submission_id, "Submission", "submissionId"),
                judge_id=_id(judge_id, "Person", "judgeId"),
                scores=scores if isinstance(scores, dict) else {},
                comment=comment,
                now=clock(),
            )

        _, errors = await _attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="Record the winners; the challenge becomes awarded.")
    async def record_awards(
        self, info: Info, challenge_id: strawberry.ID, placements: list[PlacementInput]
    ) -> WinnersPayload:
        async def act() -> list[dict[str, Any]]:
            return await awards.record_awards(
                graph=info.context.graph,
                challenge_id=_id(challenge_id, "Challenge", "challengeId"),
                placements=[
                    {"team_id": _id(p.team_id, "Team", f"placements[{i}].teamId"), "rank": p.rank}
                    for i, p in enumerate(placements)
                ],
                now=clock(),
            )

        found, errors = await _attempt(act())
        return WinnersPayload(winners=[Winner.from_row(r) for r in found or []], errors=errors)

    @strawberry.mutation(description="A winning team's onboarding: referred, accepted, ...")
    async def set_onboarding_status(
        self,
        info: Info,
        award_id: strawberry.ID,
        status: str,
        programme_id: strawberry.ID | None = None,
        note: str | None = None,
    ) -> DonePayload:
        async def act() -> dict[str, Any]:
            return await followup.set_onboarding(
                graph=info.context.graph,
                award_id=_id(award_id, "Award", "awardId"),
                status=status,
                programme_id=_id(programme_id, "Programme", "programmeId")
                if programme_id
                else None,
                note=note,
                now=clock(),
            )

        _, errors = await _attempt(act())
        return DonePayload(ok=not errors, errors=errors)


def _participant(value: strawberry.ID) -> tuple[str, str]:
    """A participant's kind and node id from a Person or Organisation global id."""
    try:
        return "person", _id(value, "Person", "participantId")
    except HubError:
        return "organisation", _id(value, "Organisation", "participantId")


async def _submission(info: Info, submission_id: str) -> Submission:
    node = await submissions.get_submission(graph=info.context.graph, submission_id=submission_id)
    return Submission.from_node(node)
