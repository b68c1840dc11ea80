"""The challenge lifecycle in GraphQL, queries: details, teams, submissions, datasets,
judging progress, rankings, public results, winners across years, JSON-LD.

Drafts are shown to their organisers only. Judging (progress, ranking, every sheet) is
for the organisers; a judge sees the submissions assigned to them; a team its own
submission; the public the results once the challenge is awarded.
"""

from __future__ import annotations

from typing import Any, cast

import strawberry

from challenges import (
    awards,
    challenge,
    conflicts,
    datasets,
    judging,
    submissions,
    team_needs,
    teams,
)
from challenges.jsonld import challenge_jsonld
from challenges.phases import Phase
from challenges.results_csv import results_csv
from hub import team_matching
from hub.api import challenge_access as access
from hub.api.challenge_common import (
    attempt,
    conflicts_of,
    node_id,
    now,
    sheet,
    teams_with_members,
)
from hub.api.challenge_types import (
    ChallengeDetails,
    ChallengeTeam,
    ConflictFound,
    Dataset,
    JudgeProgress,
    OpenTeam,
    RankedEntry,
    ScoreSheet,
    Submission,
    Winner,
    gid,
)
from hub.api.context import Info
from hub.auth.errors import Forbidden
from hub.ecosystem import entities
from hub.ecosystem.organisations import ORGANISATION


@strawberry.type
class ChallengeLifecycleQuery:
    @strawberry.field(
        description="A challenge's lifecycle details (a draft only for its organisers)."
    )
    async def challenge_details(self, info: Info, id: strawberry.ID) -> ChallengeDetails | None:
        node = await visible_challenge(info, node_id(id, "Challenge", "id"))
        return ChallengeDetails.from_node(node) if node is not None else None

    @strawberry.field(
        description="The teams of a challenge with their members (names of private profiles "
        "only for the organisers and the team)."
    )
    async def challenge_teams(self, info: Info, challenge_id: strawberry.ID) -> list[ChallengeTeam]:
        graph = info.context.graph
        challenge = node_id(challenge_id, "Challenge", "challengeId")
        nodes = await teams.teams_of(graph=graph, challenge_id=challenge)
        return await teams_with_members(info, nodes, organiser=access.organises(info, challenge))

    @strawberry.field(description="Teams with a free place, and the sought skills they lack.")
    async def open_teams(self, info: Info, challenge_id: strawberry.ID) -> list[OpenTeam]:
        found = await team_needs.open_teams(
            graph=info.context.graph, challenge_id=node_id(challenge_id, "Challenge", "challengeId")
        )
        return [_open_team(needs, []) for needs in found]

    @strawberry.field(
        description="Open teams you (or `personId`: your own profile) would complete, best "
        "first: skill gaps filled, re-ranked by how well your profile matches the challenge."
    )
    async def suggest_teams(
        self,
        info: Info,
        challenge_id: strawberry.ID,
        person_id: strawberry.ID | None = None,
    ) -> list[OpenTeam]:
        person = (
            node_id(person_id, "Person", "personId") if person_id else info.context.viewer.person_id
        )
        await access.require(info, "suggestTeams", person=person)
        found = await team_matching.suggest_teams(
            graph=info.context.graph,
            matcher=info.context.matcher,
            challenge_id=node_id(challenge_id, "Challenge", "challengeId"),
            person_id=person or "",
        )
        return [_open_team(s.needs, s.fills) for s in found]

    @strawberry.field(
        description="A challenge's submissions, oldest first: all of them for the organisers, "
        "those assigned to you for a judge, your team's own for a team member."
    )
    async def challenge_submissions(
        self, info: Info, challenge_id: strawberry.ID
    ) -> list[Submission]:
        challenge = node_id(challenge_id, "Challenge", "challengeId")
        nodes = await submissions.submissions_of(graph=info.context.graph, challenge_id=challenge)
        if not access.organises(info, challenge):
            mine = await access.teams_of_viewer(info, challenge)
            assigned: set[str] = set()
            person = info.context.viewer.person_id
            if person is not None and access.judges(info, challenge):
                rows = await judging.assigned_to(
                    graph=info.context.graph, challenge_id=challenge, judge_id=person
                )
                assigned = {str(row["submission"]) for row in rows}
            nodes = [n for n in nodes if n.get("team") in mine or n["id"] in assigned]
        return [Submission.from_node(node) for node in nodes]

    @strawberry.field(description="The datasets a challenge features, with freshness and use.")
    async def challenge_datasets(self, info: Info, challenge_id: strawberry.ID) -> list[Dataset]:
        challenge_node = node_id(challenge_id, "Challenge", "challengeId")
        if await visible_challenge(info, challenge_node) is None:
            return []
        nodes = await datasets.challenge_datasets(
            graph=info.context.graph, challenge_id=challenge_node, now=now()
        )
        return [Dataset.from_node(node) for node in nodes]

    @strawberry.field(description="Open datasets whose title, notes, publisher or tags match.")
    async def open_datasets(
        self, info: Info, text: str | None = None, first: int = 20
    ) -> list[Dataset]:
        nodes = await datasets.find_datasets(graph=info.context.graph, text=text, first=first)
        return [Dataset.from_node(node) for node in nodes]

    @strawberry.field(
        description="What you are assigned as a judge, with your own scores; organisers may "
        "ask for any judge (`judgeId`)."
    )
    async def judge_assignments(
        self, info: Info, challenge_id: strawberry.ID, judge_id: strawberry.ID | None = None
    ) -> list[ScoreSheet]:
        challenge = node_id(challenge_id, "Challenge", "challengeId")
        await access.require(info, "judgeAssignments", challenge=challenge)
        judge = node_id(judge_id, "Person", "judgeId") if judge_id else None
        if judge is None or not access.organises(info, challenge):
            mine = access.acting_person(info)
            if judge not in (None, mine):
                raise Forbidden("a judge sees only their own assignments")
            judge = mine
        rows = await judging.assigned_to(
            graph=info.context.graph, challenge_id=challenge, judge_id=judge
        )
        return [sheet(row) for row in rows]

    @strawberry.field(
        description="Every score sheet with the judges' private comments (organisers)."
    )
    async def challenge_score_sheets(
        self, info: Info, challenge_id: strawberry.ID
    ) -> list[ScoreSheet]:
        challenge = node_id(challenge_id, "Challenge", "challengeId")
        await access.require(info, "challengeScoreSheets", challenge=challenge)
        rows = await judging.sheets(graph=info.context.graph, challenge_id=challenge)
        return [sheet(row) for row in rows]

    @strawberry.field(
        description="Conflicts of interest between the panel and the teams, each with the "
        "graph path that makes it one (organisers: the paths name people)."
    )
    async def judge_conflicts(self, info: Info, challenge_id: strawberry.ID) -> list[ConflictFound]:
        challenge = node_id(challenge_id, "Challenge", "challengeId")
        await access.require(info, "judgeConflicts", challenge=challenge)
        graph = info.context.graph
        panel = await judging.panel(graph=graph, challenge_id=challenge)
        entered = await teams.teams_of(graph=graph, challenge_id=challenge)
        found = await conflicts.find_conflicts(
            graph=graph,
            judges=[str(row["judge"]) for row in panel],
            teams=[str(node["id"]) for node in entered],
        )
        return conflicts_of(found)

    @strawberry.field(description="Every judge's assigned and scored counts (organisers).")
    async def judging_progress(
        self, info: Info, challenge_id: strawberry.ID
    ) -> list[JudgeProgress]:
        challenge = node_id(challenge_id, "Challenge", "challengeId")
        await access.require(info, "judgingProgress", challenge=challenge)
        rows = await judging.progress(graph=info.context.graph, challenge_id=challenge)
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
        challenge = node_id(challenge_id, "Challenge", "challengeId")
        await access.require(info, "challengeRanking", challenge=challenge)
        ranked, _ = await attempt(
            judging.results(graph=info.context.graph, challenge_id=challenge, normalise=normalise)
        )
        return [RankedEntry.of(entry) for entry in ranked or []]

    @strawberry.field(description="Public results, once the challenge is awarded (else empty).")
    async def challenge_results(
        self, info: Info, challenge_id: strawberry.ID, normalise: bool = False
    ) -> list[RankedEntry]:
        ranked, _ = await attempt(
            awards.public_results(
                graph=info.context.graph,
                challenge_id=node_id(challenge_id, "Challenge", "challengeId"),
                normalise=normalise,
            )
        )
        return [RankedEntry.of(entry) for entry in ranked or []]

    @strawberry.field(description="Public results as CSV, once awarded (else null).")
    async def challenge_results_csv(self, info: Info, challenge_id: strawberry.ID) -> str | None:
        challenge_node = node_id(challenge_id, "Challenge", "challengeId")
        ranked, _ = await attempt(
            awards.public_results(graph=info.context.graph, challenge_id=challenge_node)
        )
        if ranked is None:
            return None
        won = await awards.winners(graph=info.context.graph, challenge_id=challenge_node)
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
            challenge_id=node_id(challenge_id, "Challenge", "challengeId")
            if challenge_id
            else None,
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
        challenge_node = node_id(challenge_id, "Challenge", "challengeId")
        node, _ = await attempt(
            challenge.get_challenge(graph=info.context.graph, challenge_id=challenge_node)
        )
        if node is None or node.get("phase") == Phase.DRAFT.value:
            return None
        found = await entities.get_many(info.context.graph, ORGANISATION, node["organisers"])
        data = challenge_jsonld(node, list(found.values()), language=language)
        return cast(strawberry.scalars.JSON | None, data)


async def visible_challenge(info: Info, challenge_id: str) -> dict[str, Any] | None:
    """The challenge, unless it is missing or a draft the viewer does not organise."""
    node, _ = await attempt(
        challenge.get_challenge(graph=info.context.graph, challenge_id=challenge_id)
    )
    if node is None:
        return None
    if node.get("phase") == Phase.DRAFT.value and not access.organises(info, challenge_id):
        return None
    return node


def _open_team(needs: team_needs.TeamNeeds, fills: list[str]) -> OpenTeam:
    return OpenTeam(
        team_id=gid("Team", needs.team),
        name=needs.name,
        size=needs.size,
        max_size=needs.max_size,
        gaps=needs.gaps,
        fills=fills,
    )
