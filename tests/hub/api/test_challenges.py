"""Past challenges through GraphQL: lists, teams with public members, awards, past winners."""

from __future__ import annotations

from typing import Any

from graph import GraphEngine
from hub.ecosystem import crud, organisations, people
from hub.ecosystem.challenges import parse_seed, write_challenge
from tests.conftest import GqlRunner


async def write(graph: GraphEngine, key: str, year: int, **extra: Any) -> str:
    data = {
        "key": key,
        "title": {"el": f"Διαγωνισμός {year}", "en": f"Challenge {year}"},
        "year": year,
        "themes": ["open data"],
        "teams": [
            {"key": "gold", "name": f"Gold {year}"},
            {"key": "silver", "name": f"Silver {year}"},
        ],
        "awards": [
            {"team": "silver", "rank": 2, "prize": {"en": "€3,000"}},
            {"team": "gold", "rank": 1, "prize": {"en": "€5,000", "el": "5.000 €"}},
        ],
        **extra,
    }
    node = await write_challenge(graph, parse_seed(data), marks={"demo": True})
    return str(node["id"])


async def test_challenge_with_organisers_teams_and_public_members(
    graph: GraphEngine, gql: GqlRunner
) -> None:
    municipality = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "Δήμος Θεσσαλονίκης", "kind": "PUBLIC_BODY"}
    )
    lab = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "AUTH", "kind": "UNIVERSITY"}
    )
    public = await crud.create(
        graph, people.PEOPLE, {"name": "Ειρήνη", "roles": ["RESEARCHER"], "is_public": True}
    )
    private = await crud.create(graph, people.PEOPLE, {"name": "Κρυφός", "roles": ["FOUNDER"]})
    await write(
        graph,
        "tourism-2022",
        2022,
        organiser=municipality["id"],
        teams=[
            {"key": "gold", "name": "Ano Poli Stories", "members": [public["id"], private["id"]],
             "organisations": [lab["id"]]},
            {"key": "silver", "name": "CruisePulse", "members": [private["id"]]},
        ],
    )  # fmt: skip
    listed = await gql(
        "{ challenges { totalCount edges { node { id title { en el } year themes isDemo "
        "organisers { name } "
        "teams { id name members { name } organisations { name } awards { rank } "
        "challenge { year } } "
        "awards { rank prize { text(lang: EL) } team { name } challenge { year } } } } } }"
    )
    assert listed.errors is None, listed.errors
    page = listed.data["challenges"]  # type: ignore[index]
    assert page["totalCount"] == 1
    challenge = page["edges"][0]["node"]
    assert challenge["title"] == {"en": "Challenge 2022", "el": "Διαγωνισμός 2022"}
    assert challenge["isDemo"] is True
    assert challenge["organisers"] == [{"name": "Δήμος Θεσσαλονίκης"}]
    teams = {team["name"]: team for team in challenge["teams"]}
    assert teams["Ano Poli Stories"]["members"] == [{"name": "Ειρήνη"}]
    assert teams["CruisePulse"]["members"] == []
    assert teams["Ano Poli Stories"]["organisations"] == [{"name": "AUTH"}]
    assert teams["Ano Poli Stories"]["awards"] == [{"rank": 1}]
    assert teams["CruisePulse"]["challenge"] == {"year": 2022}
    assert challenge["awards"] == [
        {"rank": 1, "prize": {"text": "5.000 €"}, "team": {"name": "Ano Poli Stories"},
         "challenge": {"year": 2022}},
        {"rank": 2, "prize": {"text": "€3,000"}, "team": {"name": "CruisePulse"},
         "challenge": {"year": 2022}},
    ]  # fmt: skip

    one = await gql(
        "query($id: ID!) { challenge(id: $id) { year } node(id: $id) { id } }", id=challenge["id"]
    )
    assert one.data == {"challenge": {"year": 2022}, "node": {"id": challenge["id"]}}


async def test_filters_and_past_winners_newest_first(graph: GraphEngine, gql: GqlRunner) -> None:
    await write(graph, "a", 2022)
    await write(graph, "b", 2024, title={"el": "Κινητικότητα ΘΕΣΣΑΛΟΝΊΚΗΣ"})
    await write(graph, "c", 2023)
    filtered = await gql(
        "query($filter: ChallengeFilter) { challenges(filter: $filter) "
        "{ edges { node { year } } } }",
        filter={"text": "θεσσαλονικης"},
    )
    assert filtered.data == {"challenges": {"edges": [{"node": {"year": 2024}}]}}
    by_year = await gql("{ challenges(filter: {year: 2023}) { totalCount } }")
    assert by_year.data == {"challenges": {"totalCount": 1}}

    winners = await gql("{ pastWinners(first: 5) { id rank team { name } challenge { year } } }")
    assert winners.errors is None, winners.errors
    rows = winners.data["pastWinners"]  # type: ignore[index]
    assert [(row["challenge"]["year"], row["rank"], row["team"]["name"]) for row in rows] == [
        (2024, 1, "Gold 2024"),
        (2024, 2, "Silver 2024"),
        (2023, 1, "Gold 2023"),
        (2023, 2, "Silver 2023"),
        (2022, 1, "Gold 2022"),
    ]
    default = await gql("{ pastWinners { rank } }")
    assert len(default.data["pastWinners"]) == 6  # type: ignore[index]
    too_many = await gql("{ pastWinners(first: 1000) { rank } }")
    assert too_many.errors is not None and "first" in too_many.errors[0].message


async def test_teams_and_awards_are_nodes(graph: GraphEngine, gql: GqlRunner) -> None:
    await write(graph, "mobility-2024", 2024)
    listed = await gql("{ challenges { edges { node { teams { id name } awards { id rank } } } } }")
    assert listed.errors is None, listed.errors
    challenge = listed.data["challenges"]["edges"][0]["node"]  # type: ignore[index]
    gold = next(team for team in challenge["teams"] if team["name"] == "Gold 2024")
    first = next(award for award in challenge["awards"] if award["rank"] == 1)
    read = await gql(
        "query($team: ID!, $award: ID!) { "
        "team: node(id: $team) { id ... on Team { name awards { rank } } } "
        "award: node(id: $award) { id ... on Award { rank team { name } } } }",
        team=gold["id"],
        award=first["id"],
    )
    assert read.errors is None, read.errors
    assert read.data == {
        "team": {"id": gold["id"], "name": "Gold 2024", "awards": [{"rank": 1}]},
        "award": {"id": first["id"], "rank": 1, "team": {"name": "Gold 2024"}},
    }
