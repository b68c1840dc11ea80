"""The challenge lifecycle in GraphQL, queries: details, teams, submissions, datasets,
judging progress, rankings, public results, winners across years, JSON-LD.

Not yet checked against permissions (see `challenge_mutations`). Merge
`ChallengeLifecycleQuery` into the schema's Query to serve it.
"""

from __future__ import annotations

from typing import cast

import strawberry

from challenges import awards, challenge, datasets, judging, submissions, team_needs, teams
from challenges.jsonld import challenge_jsonld
from challenges.results_csv import results_csv
from hub.api.challenge_common import attempt, details, node_id, now, sheet, teams_with_members
from hub.api.challenge_types import (
    ChallengeDetails,
    ChallengeTeam,
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
from hub.ecosystem import entities
from hub.ecosystem.organisations import ORGANISATION


@strawberry.type
class ChallengeLifecycleQuery:
    @strawberry.field(description="A challenge's lifecycle details (drafts included, for now).")
    async def challenge_details(self, info: Info, id: strawberry.ID) -> ChallengeDetails | None:
        found, _ = await attempt(details(info, node_id(id, "Challenge", "id")))
        return found

    @strawberry.field(description="The teams of a challenge with their members.")
    async def challenge_teams(self, info: Info, challenge_id: strawberry.ID) -> list[ChallengeTeam]:
        graph = info.context.graph
        nodes = await teams.teams_of(
            graph=graph, challenge_id=node_id(challenge_id, "Challenge", "challengeId")
        )
        return await teams_with_members(info, nodes)

    @strawberry.field(description="Teams with a free place, and the sought skills they lack.")
    async def open_teams(self, info: Info, challenge_id: strawberry.ID) -> list[OpenTeam]:
        found = await team_needs.open_teams(
            graph=info.context.graph, challenge_id=node_id(challenge_id, "Challenge", "challengeId")
        )
        return [_open_team(needs, []) for needs in found]

    @strawberry.field(description="Open teams a person would complete, best first.")
    async def suggest_teams(
        self, info: Info, challenge_id: strawberry.ID, person_id: strawberry.ID
    ) -> list[OpenTeam]:
        found = await team_needs.suggest_teams(
            graph=info.context.graph,
            challenge_id=node_id(challenge_id, "Challenge", "challengeId"),
            person_id=node_id(person_id, "Person", "personId"),
        )
        return [_open_team(s.needs, s.fills) for s in found]

    @strawberry.field(description="A challenge's submissions, oldest first.")
    async def challenge_submissions(
        self, info: Info, challenge_id: strawberry.ID
    ) -> list[Submission]:
        nodes = await submissions.submissions_of(
            graph=info.context.graph, challenge_id=node_id(challenge_id, "Challenge", "challengeId")
        )
        return [Submission.from_node(node) for node in nodes]

    @strawberry.field(description="The datasets a challenge features, with freshness and use.")
    async def challenge_datasets(self, info: Info, challenge_id: strawberry.ID) -> list[Dataset]:
        nodes = await datasets.challenge_datasets(
            graph=info.context.graph,
            challenge_id=node_id(challenge_id, "Challenge", "challengeId"),
            now=now(),
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
            challenge_id=node_id(challenge_id, "Challenge", "challengeId"),
            judge_id=node_id(judge_id, "Person", "judgeId"),
        )
        return [sheet(row) for row in rows]

    @strawberry.field(description="Every judge's assigned and scored counts.")
    async def judging_progress(
        self, info: Info, challenge_id: strawberry.ID
    ) -> list[JudgeProgress]:
        rows = await judging.progress(
            graph=info.context.graph, challenge_id=node_id(challenge_id, "Challenge", "challengeId")
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
        ranked, _ = await attempt(
            judging.results(
                graph=info.context.graph,
                challenge_id=node_id(challenge_id, "Challenge", "challengeId"),
                normalise=normalise,
            )
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
        node = await challenge.get_challenge(
            graph=info.context.graph, challenge_id=node_id(challenge_id, "Challenge", "challengeId")
        )
        found = await entities.get_many(info.context.graph, ORGANISATION, node["organisers"])
        data = challenge_jsonld(node, list(found.values()), language=language)
        return cast(strawberry.scalars.JSON | None, data)


def _open_team(needs: team_needs.TeamNeeds, fills: list[str]) -> OpenTeam:
    return OpenTeam(
        team_id=gid("Team", needs.team),
        name=needs.name,
        size=needs.size,
        max_size=needs.max_size,
        gaps=needs.gaps,
        fills=fills,
    )
