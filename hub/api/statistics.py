"""Ecosystem statistics in GraphQL: aggregate counts for the analytics charts (public)."""

from __future__ import annotations

import strawberry

from hub.api.context import Info
from hub.ecosystem import statistics
from hub.ecosystem.organisations import OrganisationKind


@strawberry.type(description="How many organisations are of one kind.")
class KindCount:
    kind: OrganisationKind
    count: int


@strawberry.type(description="How many organisations work in one sector.")
class SectorCount:
    sector: str
    count: int


@strawberry.type(description="The collaboration network in one year of funded projects.")
class CollaborationYear:
    year: int
    projects: int = strawberry.field(description="Funded projects that started this year.")
    organisations: int = strawberry.field(description="Distinct organisations in them.")
    co_participations: int = strawberry.field(
        description="Pairs of organisations in the same project, once per project."
    )


@strawberry.type(description="Funding-call deadlines in one month.")
class DeadlineMonth:
    month: str = strawberry.field(description="YYYY-MM, in the call's own time zone.")
    calls: int


@strawberry.type(description="Challenge participation in one challenge year.")
class ChallengeYear:
    year: int
    challenges: int
    teams: int
    participants: int = strawberry.field(
        description="Team members, counted once per challenge they entered."
    )
    submissions: int


@strawberry.type(description="Aggregate counts across the ecosystem (no personal data).")
class EcosystemStatistics:
    organisations_by_kind: list[KindCount] = strawberry.field(description="Most common kind first.")
    organisations_by_sector: list[SectorCount] = strawberry.field(
        description="Most common sector first."
    )
    collaboration_by_year: list[CollaborationYear] = strawberry.field(
        description="By project start year, oldest first."
    )
    funding_deadlines_by_month: list[DeadlineMonth] = strawberry.field(
        description="Oldest month first; months without a deadline are left out."
    )
    challenge_participation_by_year: list[ChallengeYear] = strawberry.field(
        description="Public challenges by year, oldest first."
    )


def _kinds(counts: list[statistics.Count]) -> list[KindCount]:
    known = {kind.value for kind in OrganisationKind}
    return [
        KindCount(kind=OrganisationKind(item.key), count=item.count)
        for item in counts
        if item.key in known
    ]


@strawberry.type
class StatisticsQuery:
    @strawberry.field(description="Counts for the analytics charts; anyone may read them.")
    async def ecosystem_statistics(self, info: Info) -> EcosystemStatistics:
        found = await statistics.ecosystem_statistics(info.context.graph)
        return EcosystemStatistics(
            organisations_by_kind=_kinds(found.organisations_by_kind),
            organisations_by_sector=[
                SectorCount(sector=item.key, count=item.count)
                for item in found.organisations_by_sector
            ],
            collaboration_by_year=[
                CollaborationYear(
                    year=item.year,
                    projects=item.projects,
                    organisations=item.organisations,
                    co_participations=item.co_participations,
                )
                for item in found.collaboration_by_year
            ],
            funding_deadlines_by_month=[
                DeadlineMonth(month=item.month, calls=item.calls)
                for item in found.deadlines_by_month
            ],
            challenge_participation_by_year=[
                ChallengeYear(
                    year=item.year,
                    challenges=item.challenges,
                    teams=item.teams,
                    participants=item.participants,
                    submissions=item.submissions,
                )
                for item in found.challenges_by_year
            ],
        )
