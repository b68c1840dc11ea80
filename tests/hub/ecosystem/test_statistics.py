"""Ecosystem statistics over a small graph whose counts are known, and through GraphQL."""

from __future__ import annotations

from typing import Any

from challenges import challenge, submissions
from graph import GraphEngine
from hub.auth.viewer import ANONYMOUS
from hub.ecosystem import challenges as past_challenges
from hub.ecosystem import crud, funding_calls, organisations, people, projects, relations
from hub.ecosystem.statistics import (
    ChallengeYear,
    CollaborationYear,
    Count,
    DeadlineMonth,
    ecosystem_statistics,
)
from tests.challenges.factories import (
    BEFORE,
    DURING_SUBMISSION,
    challenge_input,
    open_challenge,
    team_with,
)
from tests.conftest import ViewerGqlRunner


async def organisation(graph: GraphEngine, name: str, kind: str, *sectors: str) -> str:
    node = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": name, "kind": kind, "sectors": list(sectors)}
    )
    return str(node["id"])


async def project(graph: GraphEngine, title: str, start: str | None, *members: str) -> None:
    node = await crud.create(
        graph, projects.PROJECTS, {"title": {"en": title}, "start_date": start}
    )
    for member in members:
        await relations.link(graph, relations.PARTICIPATED_IN, member, node["id"])


async def call(graph: GraphEngine, identifier: str, deadline: str) -> None:
    await funding_calls.create(
        graph, {"identifier": identifier, "title": {"en": identifier}, "deadline": deadline}
    )


async def past_challenge(graph: GraphEngine, key: str, year: int, teams: list[list[str]]) -> None:
    seed: dict[str, Any] = {
        "key": key,
        "title": {"en": key},
        "year": year,
        "teams": [
            {"key": f"t{index}", "name": f"Team {index}", "members": members}
            for index, members in enumerate(teams)
        ],
    }
    await past_challenges.write_challenge(graph, past_challenges.parse_seed(seed))


async def person(graph: GraphEngine, name: str) -> str:
    node = await crud.create(graph, people.PEOPLE, {"name": name, "roles": ["RESEARCHER"]})
    return str(node["id"])


async def small_ecosystem(graph: GraphEngine) -> None:
    a = await organisation(graph, "Alpha", "STARTUP", "mobility", "energy")
    b = await organisation(graph, "Beta", "STARTUP", "mobility")
    c = await organisation(graph, "Gamma", "UNIVERSITY", "health")
    d = await organisation(graph, "Delta", "PUBLIC_BODY")
    await project(graph, "Bus data", "2021-03-01", a, b, c)  # 3 pairs
    await project(graph, "Tram data", "2021-09-01", a, b)  # 1 pair, same organisations
    await project(graph, "Clinic", "2023-01-15", c, d)  # 1 pair
    await project(graph, "Solo", "2023-06-01", d)  # no pair
    await project(graph, "Undated", None, a, d)  # no year: left out
    await call(graph, "CALL-1", "2027-01-10T17:00:00+01:00")
    await call(graph, "CALL-2", "2027-01-31T23:30:00+02:00")  # January in its own zone
    await call(graph, "CALL-3", "2027-03-05T17:00:00+01:00")
    ann, bob, eva = [await person(graph, name) for name in ("Ann", "Bob", "Eva")]
    await past_challenge(graph, "c2022a", 2022, [[ann, bob], [eva]])
    await past_challenge(graph, "c2022b", 2022, [[ann]])
    await past_challenge(graph, "c2024", 2024, [])


async def test_the_counts_of_a_small_ecosystem(graph: GraphEngine) -> None:
    await small_ecosystem(graph)
    found = await ecosystem_statistics(graph)
    assert found.organisations_by_kind == [
        Count("STARTUP", 2),
        Count("PUBLIC_BODY", 1),
        Count("UNIVERSITY", 1),
    ]
    assert found.organisations_by_sector == [
        Count("mobility", 2),
        Count("energy", 1),
        Count("health", 1),
    ]
    assert found.collaboration_by_year == [
        CollaborationYear(year=2021, projects=2, organisations=3, co_participations=4),
        CollaborationYear(year=2023, projects=2, organisations=2, co_participations=1),
    ]
    assert found.deadlines_by_month == [DeadlineMonth("2027-01", 2), DeadlineMonth("2027-03", 1)]
    assert found.challenges_by_year == [
        ChallengeYear(year=2022, challenges=2, teams=3, participants=4, submissions=0),
        ChallengeYear(year=2024, challenges=1, teams=0, participants=0, submissions=0),
    ]


async def test_submissions_count_and_drafts_do_not(graph: GraphEngine) -> None:
    running = await open_challenge(graph, until="submission")
    team, lead = await team_with(graph, running["id"], "Movers")
    await submissions.submit(
        graph=graph,
        team_id=team,
        author_id=lead,
        data={"title": "Bus app", "summary": "An idea."},
        now=DURING_SUBMISSION,
    )
    organiser = await organisation(graph, "Organiser", "PUBLIC_BODY")
    await challenge.create_challenge(graph=graph, data=challenge_input(organiser), now=BEFORE)
    found = await ecosystem_statistics(graph)
    assert found.challenges_by_year == [
        ChallengeYear(year=running["year"], challenges=1, teams=1, participants=1, submissions=1)
    ]


async def test_an_empty_graph_has_empty_series(graph: GraphEngine) -> None:
    found = await ecosystem_statistics(graph)
    assert found.organisations_by_kind == []
    assert found.collaboration_by_year == []
    assert found.challenges_by_year == []


STATISTICS = """{ ecosystemStatistics {
  organisationsByKind { kind count }
  organisationsBySector { sector count }
  collaborationByYear { year projects organisations coParticipations }
  fundingDeadlinesByMonth { month calls }
  challengeParticipationByYear { year challenges teams participants submissions }
} }"""


async def test_anyone_reads_the_same_counts_through_graphql(
    graph: GraphEngine, gql_as: ViewerGqlRunner
) -> None:
    await small_ecosystem(graph)
    result = await gql_as(ANONYMOUS, STATISTICS)
    assert result.errors is None
    assert result.data is not None
    stats = result.data["ecosystemStatistics"]
    assert stats["organisationsByKind"][0] == {"kind": "STARTUP", "count": 2}
    assert stats["organisationsBySector"][0] == {"sector": "mobility", "count": 2}
    assert stats["collaborationByYear"][0] == {
        "year": 2021,
        "projects": 2,
        "organisations": 3,
        "coParticipations": 4,
    }
    assert stats["fundingDeadlinesByMonth"] == [
        {"month": "2027-01", "calls": 2},
        {"month": "2027-03", "calls": 1},
    ]
    assert stats["challengeParticipationByYear"][0] == {
        "year": 2022,
        "challenges": 2,
        "teams": 3,
        "participants": 4,
        "submissions": 0,
    }
