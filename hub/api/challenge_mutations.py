"""The challenge lifecycle in GraphQL, mutations over the `challenges` services.

Thin resolvers: global ids in, a permission check (`hub.api.challenge_access`), a
service call, the result or `errors { code field message }` (with `path`,
`currentVersion` or `existingSubmissionId` when they apply). The person acting (team
lead, member, author, judge) is the signed-in viewer's own profile.
"""

from __future__ import annotations

from typing import Any

import strawberry

from challenges import awards, challenge, datasets, followup, judging, submissions, teams
from challenges.phases import Phase
from hub.api import challenge_access as access
from hub.api.challenge_common import (
    attempt,
    conflicts_of,
    details,
    node_id,
    now,
    submission_of,
    team_of,
)
from hub.api.challenge_inputs import (
    AssignmentPayload,
    ChallengeDetailsPayload,
    ChallengeInput,
    ChallengePatch,
    CriterionInput,
    DonePayload,
    JudgeAddedPayload,
    PlacementInput,
    SubmissionInput,
    SubmissionPayload,
    TeamPayload,
    WinnersPayload,
)
from hub.api.challenge_types import (
    ChallengeDetails,
    ChallengePhase,
    ChallengeTeam,
    Submission,
    Winner,
    gid,
)
from hub.api.common import input_data
from hub.api.context import Info


@strawberry.type
class ChallengeLifecycleMutation:
    @strawberry.mutation(description="A new challenge, as a draft.")
    async def create_challenge(self, info: Info, input: ChallengeInput) -> ChallengeDetailsPayload:
        async def act() -> ChallengeDetails:
            data = _challenge_data(input)
            for organisation in data.get("organisers") or [None]:
                await access.require(info, "createChallenge", organisation=organisation)
            node = await challenge.create_challenge(graph=info.context.graph, data=data, now=now())
            await access.make_organiser(info, node["id"])
            return await details(info, node["id"])

        found, errors = await attempt(act())
        return ChallengeDetailsPayload(challenge=found, errors=errors)

    @strawberry.mutation(description="Change a challenge (reached phase dates stay).")
    async def update_challenge(
        self, info: Info, id: strawberry.ID, input: ChallengePatch
    ) -> ChallengeDetailsPayload:
        async def act() -> ChallengeDetails:
            challenge_id = node_id(id, "Challenge", "id")
            await access.require(info, "updateChallenge", challenge=challenge_id)
            node = await challenge.update_challenge(
                graph=info.context.graph,
                challenge_id=challenge_id,
                patch=_challenge_data(input, patch=True),
                now=now(),
            )
            return await details(info, node["id"])

        found, errors = await attempt(act())
        return ChallengeDetailsPayload(challenge=found, errors=errors)

    @strawberry.mutation(description="Move a challenge to its next phase (or archive it).")
    async def move_challenge(
        self,
        info: Info,
        id: strawberry.ID,
        phase: ChallengePhase,  # type: ignore[valid-type]
    ) -> ChallengeDetailsPayload:
        async def act() -> ChallengeDetails:
            challenge_id = node_id(id, "Challenge", "id")
            await access.require(info, "moveChallenge", challenge=challenge_id)
            node = await challenge.transition(
                graph=info.context.graph,
                challenge_id=challenge_id,
                target=Phase(phase),
                now=now(),
            )
            return await details(info, node["id"])

        found, errors = await attempt(act())
        return ChallengeDetailsPayload(challenge=found, errors=errors)

    @strawberry.mutation(description="The judging rubric (until judging opens).")
    async def set_challenge_rubric(
        self, info: Info, challenge_id: strawberry.ID, criteria: list[CriterionInput]
    ) -> DonePayload:
        async def act() -> None:
            challenge = node_id(challenge_id, "Challenge", "challengeId")
            await access.require(info, "setChallengeRubric", challenge=challenge)
            await judging.set_rubric(
                graph=info.context.graph,
                challenge_id=challenge,
                criteria=[input_data(c) for c in criteria],
                now=now(),
            )

        _, errors = await attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="The open datasets a challenge features (replaced).")
    async def set_challenge_datasets(
        self, info: Info, challenge_id: strawberry.ID, dataset_ids: list[strawberry.ID]
    ) -> DonePayload:
        async def act() -> int:
            challenge = node_id(challenge_id, "Challenge", "challengeId")
            await access.require(info, "setChallengeDatasets", challenge=challenge)
            ids = [node_id(d, "Dataset", f"datasetIds[{i}]") for i, d in enumerate(dataset_ids)]
            return await datasets.set_challenge_datasets(
                graph=info.context.graph,
                challenge_id=challenge,
                dataset_ids=ids,
            )

        _, errors = await attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(
        description="Register yourself, or an organisation you are a member of, for a challenge."
    )
    async def register_for_challenge(
        self,
        info: Info,
        challenge_id: strawberry.ID,
        organisation_id: strawberry.ID | None = None,
    ) -> DonePayload:
        async def act() -> str:
            challenge = node_id(challenge_id, "Challenge", "challengeId")
            await access.require(info, "registerForChallenge", challenge=challenge)
            if organisation_id is not None:
                kind = "organisation"
                participant_id = node_id(organisation_id, "Organisation", "organisationId")
                await access.member_of(info, participant_id)
            else:
                kind, participant_id = "person", access.acting_person(info)
            return await teams.register(
                graph=info.context.graph,
                challenge_id=challenge,
                participant_id=participant_id,
                kind=kind,
                now=now(),
            )

        _, errors = await attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(
        description="A new team led by you (registered and its first member); "
        "`organisationId`: an organisation you are a member of, entering with the team."
    )
    async def create_team(
        self,
        info: Info,
        challenge_id: strawberry.ID,
        name: str,
        organisation_id: strawberry.ID | None = None,
    ) -> TeamPayload:
        async def act() -> ChallengeTeam:
            challenge = node_id(challenge_id, "Challenge", "challengeId")
            await access.require(info, "createTeam", challenge=challenge)
            organisation = (
                node_id(organisation_id, "Organisation", "organisationId")
                if organisation_id
                else None
            )
            if organisation is not None:
                await access.member_of(info, organisation)
            node = await teams.create_team(
                graph=info.context.graph,
                challenge_id=challenge,
                lead_id=access.acting_person(info),
                name=name,
                organisation_id=organisation,
                now=now(),
            )
            return await team_of(info, node)

        found, errors = await attempt(act())
        return TeamPayload(team=found, errors=errors)

    @strawberry.mutation(description="You, a member, invite a person to your team.")
    async def invite_to_team(
        self, info: Info, team_id: strawberry.ID, person_id: strawberry.ID
    ) -> DonePayload:
        async def act() -> str:
            team = node_id(team_id, "Team", "teamId")
            await access.require(info, "inviteToTeam", concern=await access.of_team(info, team))
            return await teams.invite(
                graph=info.context.graph,
                team_id=team,
                person_id=node_id(person_id, "Person", "personId"),
                invited_by=access.acting_person(info),
                now=now(),
            )

        _, errors = await attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="You join a team that invited you (refused when full).")
    async def join_team(self, info: Info, team_id: strawberry.ID) -> TeamPayload:
        async def act() -> ChallengeTeam:
            team = node_id(team_id, "Team", "teamId")
            await access.require(info, "joinTeam", concern=await access.of_team(info, team))
            node = await teams.join(
                graph=info.context.graph,
                team_id=team,
                person_id=access.acting_person(info),
                now=now(),
            )
            return await team_of(info, node)

        found, errors = await attempt(act())
        return TeamPayload(team=found, errors=errors)

    @strawberry.mutation(description="You leave your team (its lead only as the last).")
    async def leave_team(self, info: Info, team_id: strawberry.ID) -> DonePayload:
        async def act() -> int:
            team = node_id(team_id, "Team", "teamId")
            await access.require(info, "leaveTeam", concern=await access.of_team(info, team))
            return await teams.leave(
                graph=info.context.graph, team_id=team, person_id=access.acting_person(info)
            )

        _, errors = await attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="Your team's submission (one per team), before the deadline.")
    async def submit(
        self, info: Info, team_id: strawberry.ID, input: SubmissionInput
    ) -> SubmissionPayload:
        async def act() -> Submission:
            team = node_id(team_id, "Team", "teamId")
            await access.require(info, "submit", concern=await access.of_team(info, team))
            node = await submissions.submit(
                graph=info.context.graph,
                team_id=team,
                author_id=access.acting_person(info),
                data=_submission_data(input),
                now=now(),
            )
            return await submission_of(info, node["id"])

        found, errors = await attempt(act())
        return SubmissionPayload(submission=found, errors=errors)

    @strawberry.mutation(description="Edit from `version`; a stale version is VERSION_CONFLICT.")
    async def edit_submission(
        self, info: Info, id: strawberry.ID, version: int, input: SubmissionInput
    ) -> SubmissionPayload:
        async def act() -> Submission:
            submission = node_id(id, "Submission", "id")
            concern = await access.of_submission(info, submission)
            await access.require(info, "editSubmission", concern=concern)
            node = await submissions.edit(
                graph=info.context.graph,
                submission_id=submission,
                author_id=access.acting_person(info),
                version=version,
                patch=_submission_data(input),
                now=now(),
            )
            return await submission_of(info, node["id"])

        found, errors = await attempt(act())
        return SubmissionPayload(submission=found, errors=errors)

    @strawberry.mutation(
        description="Put a person on the panel; lists the teams they conflict with."
    )
    async def add_judge(
        self, info: Info, challenge_id: strawberry.ID, person_id: strawberry.ID
    ) -> JudgeAddedPayload:
        async def act() -> dict[tuple[str, str], Any]:
            challenge = node_id(challenge_id, "Challenge", "challengeId")
            person = node_id(person_id, "Person", "personId")
            await access.require(info, "addJudge", challenge=challenge)
            found = await judging.add_judge(
                graph=info.context.graph, challenge_id=challenge, person_id=person, now=now()
            )
            await access.make_judge(info, person, challenge)
            return {(person, team): path for team, path in found}

        found, errors = await attempt(act())
        conflicts = conflicts_of(found or {})
        return JudgeAddedPayload(ok=not errors, conflicts=conflicts, errors=errors)

    @strawberry.mutation(
        description="Assign a judge to a submission; refused with the path on a conflict."
    )
    async def assign_judge(
        self, info: Info, submission_id: strawberry.ID, judge_id: strawberry.ID
    ) -> DonePayload:
        async def act() -> None:
            submission = node_id(submission_id, "Submission", "submissionId")
            concern = await access.of_submission(info, submission)
            await access.require(info, "assignJudge", concern=concern)
            await judging.assign(
                graph=info.context.graph,
                submission_id=submission,
                judge_id=node_id(judge_id, "Person", "judgeId"),
                now=now(),
            )

        _, errors = await attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="Give every submission `perSubmission` judges, balanced.")
    async def assign_judges(
        self, info: Info, challenge_id: strawberry.ID, per_submission: int
    ) -> AssignmentPayload:
        async def act() -> Any:
            challenge = node_id(challenge_id, "Challenge", "challengeId")
            await access.require(info, "assignJudges", challenge=challenge)
            return await judging.assign_balanced(
                graph=info.context.graph,
                challenge_id=challenge,
                per_submission=per_submission,
                now=now(),
            )

        found, errors = await attempt(act())
        if found is None:
            return AssignmentPayload(
                assigned=0, short_submission_ids=[], conflicts=[], errors=errors
            )
        plan, conflicts = found
        return AssignmentPayload(
            assigned=len(plan.new),
            short_submission_ids=[gid("Submission", s) for s in sorted(plan.short)],
            conflicts=conflicts_of(conflicts),
            errors=errors,
        )

    @strawberry.mutation(
        description="Your scores as a judge (and a comment only organisers see) for a "
        "submission assigned to you."
    )
    async def score_submission(
        self,
        info: Info,
        submission_id: strawberry.ID,
        scores: strawberry.scalars.JSON,
        comment: str | None = None,
    ) -> DonePayload:
        async def act() -> dict[str, float]:
            submission = node_id(submission_id, "Submission", "submissionId")
            concern = await access.of_submission(info, submission)
            await access.require(info, "scoreSubmission", challenge=concern.challenge)
            return await judging.score(
                graph=info.context.graph,
                submission_id=submission,
                judge_id=access.acting_person(info),
                scores=scores if isinstance(scores, dict) else {},
                comment=comment,
                now=now(),
            )

        _, errors = await attempt(act())
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(description="Record the winners; the challenge becomes awarded.")
    async def record_awards(
        self, info: Info, challenge_id: strawberry.ID, placements: list[PlacementInput]
    ) -> WinnersPayload:
        async def act() -> list[dict[str, Any]]:
            challenge = node_id(challenge_id, "Challenge", "challengeId")
            await access.require(info, "recordAwards", challenge=challenge)
            return await awards.record_awards(
                graph=info.context.graph,
                challenge_id=challenge,
                placements=[
                    {
                        "team_id": node_id(p.team_id, "Team", f"placements[{i}].teamId"),
                        "rank": p.rank,
                    }
                    for i, p in enumerate(placements)
                ],
                now=now(),
            )

        found, errors = await attempt(act())
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
            award = node_id(award_id, "Award", "awardId")
            concern = await access.of_award(info, award)
            await access.require(info, "setOnboardingStatus", challenge=concern.challenge)
            return await followup.set_onboarding(
                graph=info.context.graph,
                award_id=award,
                status=status,
                programme_id=node_id(programme_id, "Programme", "programmeId")
                if programme_id
                else None,
                note=note,
                now=now(),
            )

        _, errors = await attempt(act())
        return DonePayload(ok=not errors, errors=errors)


def _challenge_data(value: object, *, patch: bool = False) -> dict[str, Any]:
    data = input_data(value, keep_nulls=patch)
    if "organiser_ids" in data:
        data["organisers"] = [
            node_id(item, "Organisation", f"input.organiserIds[{i}]")
            for i, item in enumerate(data.pop("organiser_ids") or [])
        ]
    return data


def _submission_data(value: object) -> dict[str, Any]:
    data = input_data(value, keep_nulls=True)
    if "dataset_ids" in data:
        data["datasets"] = [
            node_id(item, "Dataset", f"input.datasetIds[{i}]")
            for i, item in enumerate(data.pop("dataset_ids") or [])
        ]
    return data
