"""Counts across the ecosystem for the analytics page: aggregates only, never who.

Organisations by kind and by sector, the collaboration network year by year (funded projects
by start year, the organisations in them, the pairs of organisations that worked together),
funding-call deadlines per month and challenge participation per challenge year. Demo data
counts like any other; challenge drafts do not (they are not public).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from graph import GraphEngine, Statement

BY_KIND = Statement(
    name="statistics_organisations_by_kind",
    cypher=(
        "MATCH (o:Organisation) RETURN o.kind AS key, count(o) AS count ORDER BY count DESC, key"
    ),
)
BY_SECTOR = Statement(
    name="statistics_organisations_by_sector",
    cypher=(
        "MATCH (o:Organisation) UNWIND coalesce(o.sectors, []) AS sector "
        "RETURN sector AS key, count(DISTINCT o) AS count ORDER BY count DESC, key"
    ),
)
# Projects by start year, with the organisations that took part in them that year.
PROJECTS_BY_YEAR = Statement(
    name="statistics_projects_by_year",
    cypher=(
        "MATCH (p:Project) WHERE p.start_date IS NOT NULL "
        "OPTIONAL MATCH (o:Organisation)-[:PARTICIPATED_IN]->(p) "
        "WITH substring(p.start_date, 0, 4) AS year, p, o "
        "RETURN year, count(DISTINCT p) AS projects, count(DISTINCT o) AS organisations "
        "ORDER BY year"
    ),
)
# Each pair of organisations in the same project, once per project (a pair of two projects
# counts twice), by the project's start year.
PAIRS_BY_YEAR = Statement(
    name="statistics_co_participations_by_year",
    cypher=(
        "MATCH (a:Organisation)-[:PARTICIPATED_IN]->(p:Project)<-[:PARTICIPATED_IN]-"
        "(b:Organisation) WHERE a.id < b.id AND p.start_date IS NOT NULL "
        "RETURN substring(p.start_date, 0, 4) AS year, count(*) AS pairs ORDER BY year"
    ),
)
# The month of the deadline as the call gives it (in its own offset, not UTC).
DEADLINES_BY_MONTH = Statement(
    name="statistics_deadlines_by_month",
    cypher=(
        "MATCH (f:FundingCall) WHERE f.deadline IS NOT NULL "
        "RETURN substring(f.deadline, 0, 7) AS month, count(f) AS calls ORDER BY month"
    ),
)
CHALLENGES_BY_YEAR = Statement(
    name="statistics_challenges_by_year",
    cypher=(
        "MATCH (c:Challenge) WHERE c.year IS NOT NULL AND (c.phase IS NULL OR c.phase <> 'draft') "
        "OPTIONAL MATCH (t:Team)-[:ENTERED]->(c) "
        "WITH c, count(DISTINCT t) AS teams "
        "OPTIONAL MATCH (p:Person)-[:TEAM_MEMBER]->(:Team)-[:ENTERED]->(c) "
        "WITH c, teams, count(DISTINCT p) AS participants "
        "OPTIONAL MATCH (s:Submission)-[:SUBMITTED_TO]->(c) "
        "WITH c, teams, participants, count(DISTINCT s) AS submissions "
        "RETURN c.year AS year, count(c) AS challenges, sum(teams) AS teams, "
        "sum(participants) AS participants, sum(submissions) AS submissions ORDER BY year"
    ),
)


@dataclass(frozen=True)
class Count:
    key: str
    count: int


@dataclass(frozen=True)
class CollaborationYear:
    year: int
    projects: int
    """Funded projects that started this year."""
    organisations: int
    """Distinct organisations in those projects."""
    co_participations: int
    """Pairs of organisations in the same project, once per project."""


@dataclass(frozen=True)
class DeadlineMonth:
    month: str
    """YYYY-MM."""
    calls: int


@dataclass(frozen=True)
class ChallengeYear:
    year: int
    challenges: int
    teams: int
    participants: int
    """Distinct team members per challenge, summed over the year's challenges."""
    submissions: int


@dataclass(frozen=True)
class EcosystemStatistics:
    organisations_by_kind: list[Count]
    organisations_by_sector: list[Count]
    collaboration_by_year: list[CollaborationYear]
    deadlines_by_month: list[DeadlineMonth]
    challenges_by_year: list[ChallengeYear]


def _year(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _collaboration(
    projects: list[dict[str, object]], pairs: list[dict[str, object]]
) -> list[CollaborationYear]:
    pairs_by_year = {_year(row["year"]): int(str(row["pairs"])) for row in pairs}
    years = []
    for row in projects:
        year = _year(row["year"])
        if year is None:
            continue
        years.append(
            CollaborationYear(
                year=year,
                projects=int(str(row["projects"])),
                organisations=int(str(row["organisations"])),
                co_participations=pairs_by_year.get(year, 0),
            )
        )
    return years


async def ecosystem_statistics(graph: GraphEngine) -> EcosystemStatistics:
    """Every series the analytics page draws, one statement each."""
    kinds, sectors, projects, pairs, deadlines, challenges = await asyncio.gather(
        graph.run(BY_KIND),
        graph.run(BY_SECTOR),
        graph.run(PROJECTS_BY_YEAR),
        graph.run(PAIRS_BY_YEAR),
        graph.run(DEADLINES_BY_MONTH),
        graph.run(CHALLENGES_BY_YEAR),
    )
    return EcosystemStatistics(
        organisations_by_kind=[
            Count(str(row["key"]), int(row["count"])) for row in kinds if row["key"]
        ],
        organisations_by_sector=[
            Count(str(row["key"]), int(row["count"])) for row in sectors if row["key"]
        ],
        collaboration_by_year=_collaboration(projects, pairs),
        deadlines_by_month=[
            DeadlineMonth(str(row["month"]), int(row["calls"])) for row in deadlines
        ],
        challenges_by_year=[
            ChallengeYear(
                year=int(row["year"]),
                challenges=int(row["challenges"]),
                teams=int(row["teams"]),
                participants=int(row["participants"]),
                submissions=int(row["submissions"]),
            )
            for row in challenges
        ],
    )
