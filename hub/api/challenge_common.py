"""Helpers the challenge queries and mutations share: ids, errors, the clock, builders."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import strawberry

from challenges import challenge, submissions, teams
from challenges.errors import ChallengeError
from hub.api.challenge_types import (
    ChallengeDetails,
    ChallengeMutationError,
    ChallengeTeam,
    ConflictFound,
    ScoreSheet,
    Submission,
    TeamMember,
    challenge_errors_of,
    gid,
    path_of,
)
from hub.api.context import Info
from hub.ecosystem.errors import HubError
from hub.ecosystem.ids import expect_global_id

T = TypeVar("T")


def _now() -> datetime:
    return datetime.now(UTC)


clock: Callable[[], datetime] = _now  # the services' "now"; tests set their own


def now() -> datetime:
    """The current time as the challenge services should see it (`clock`, set by tests)."""
    return clock()


async def attempt(action: Awaitable[T]) -> tuple[T | None, list[ChallengeMutationError]]:
    try:
        return await action, []
    except (ChallengeError, HubError) as error:
        return None, challenge_errors_of(error)


def node_id(value: strawberry.ID | str | None, type_name: str, field: str) -> str:
    return expect_global_id(str(value or ""), type_name, field)


async def team_of(info: Info, node: dict[str, Any]) -> ChallengeTeam:
    return (await teams_with_members(info, [node]))[0]


async def teams_with_members(
    info: Info, nodes: list[dict[str, Any]], *, organiser: bool = False
) -> list[ChallengeTeam]:
    """Teams with their members, in one round trip for all of them.

    A member's name shows when their profile is public, to the organisers (`organiser`),
    to the person and to their teammates; otherwise it is null.
    """
    found = await teams.members(graph=info.context.graph, team_ids=[n["id"] for n in nodes])
    me = info.context.viewer.person_id
    result = []
    for node in nodes:
        rows = found[node["id"]]
        inside = organiser or (me is not None and any(m["person"] == me for m in rows))
        result.append(
            ChallengeTeam(
                id=gid("Team", node["id"]),
                name=str(node["name"]),
                members=[
                    TeamMember(
                        person_id=gid("Person", m["person"]),
                        name=m["name"] if inside or m.get("is_public") else None,
                        role=m["role"],
                        joined_at=m["joined_at"],
                    )
                    for m in rows
                ],
            )
        )
    return result


async def details(info: Info, challenge_id: str) -> ChallengeDetails:
    node = await challenge.get_challenge(graph=info.context.graph, challenge_id=challenge_id)
    return ChallengeDetails.from_node(node)


def sheet(row: dict[str, Any]) -> ScoreSheet:
    return ScoreSheet(
        judge_id=gid("Person", row["judge"]),
        submission_id=gid("Submission", row["submission"]),
        scores=row["scores"],
        comment=row["comment"],
        scored_at=row["scored_at"],
    )


def conflicts_of(found: dict[tuple[str, str], Any]) -> list[ConflictFound]:
    return [
        ConflictFound(judge_id=gid("Person", j), team_id=gid("Team", t), path=path_of(path))
        for (j, t), path in sorted(found.items())
    ]


async def submission_of(info: Info, submission_id: str) -> Submission:
    node = await submissions.get_submission(graph=info.context.graph, submission_id=submission_id)
    return Submission.from_node(node)
