"""Past challenges: one statement writes a whole challenge; lists, filters and past winners."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from graph import GraphEngine
from hub.ecosystem import challenges, crud, entities, organisations, people, relations
from hub.ecosystem.challenges import ChallengeSeed, parse_seed, write_challenge
from hub.ecosystem.errors import NotFound, ValidationFailed
from hub.ecosystem.ids import new_id

TRICKY = "Διαγωνισμός \"Δεδομένων\" {x} 'q' \\ MATCH (n) DETACH DELETE n // RETURN"


async def organisation(graph: GraphEngine, name: str) -> str:
    node = await crud.create(graph, organisations.ORGANISATIONS, {"name": name, "kind": "SME"})
    return str(node["id"])


async def person(graph: GraphEngine, name: str, *, public: bool = True) -> str:
    node = await crud.create(
        graph, people.PEOPLE, {"name": name, "roles": ["RESEARCHER"], "is_public": public}
    )
    return str(node["id"])


def seed(key: str = "tourism-2022", year: int = 2022, **overrides: Any) -> dict[str, Any]:
    return {
        "key": key,
        "title": {"el": "Διαγωνισμός Τουρισμού", "en": f"Tourism Challenge {year}"},
        "description": {"en": "Ideas for visitors"},
        "year": year,
        "themes": ["tourism", "Πολιτισμός"],
        "teams": [
            {"key": "a", "name": "Ano Poli Stories"},
            {"key": "b", "name": "CruisePulse"},
        ],
        "awards": [
            {"team": "b", "rank": 2, "prize": {"en": "€3,000"}},
            {"team": "a", "rank": 1, "prize": {"el": "5.000 €", "en": "€5,000"}},
        ],
        **overrides,
    }


async def challenge_count(graph: GraphEngine) -> int:
    page = await entities.page(
        graph, challenges.CHALLENGE, challenges.filters(), first=0, after=None
    )
    return await page.count()


async def test_writes_a_whole_challenge_in_one_statement(graph: GraphEngine) -> None:
    organiser = await organisation(graph, "Δήμος Θεσσαλονίκης")
    lab = await organisation(graph, "AUTH Lab")
    irini, nikos = await person(graph, "Ειρήνη"), await person(graph, "Νίκος", public=False)
    data = seed(title={"el": TRICKY, "en": "Tourism"}, organiser=organiser)
    data["teams"][0] |= {"members": [irini, nikos], "organisations": [lab]}
    data["teams"][1] |= {"members": [irini]}

    before = graph.round_trips
    node = await write_challenge(graph, parse_seed(data), marks={"demo": True})
    assert graph.round_trips - before == 2  # the id check, then the one write

    assert node["title_el"] == TRICKY
    assert node["year"] == 2022 and node["themes"] == ["tourism", "Πολιτισμός"]
    assert node["demo"] is True
    assert node["sort_key"] == "2022-tourism"
    assert "πολιτισμοσ" in node["search_text"]
    challenge_id = node["id"]

    teams = await relations.neighbours(graph, challenges.ENTERED, [challenge_id], outgoing=False)
    team_nodes = {item.node["name"]: item.node for item in teams[challenge_id]}
    assert set(team_nodes) == {"Ano Poli Stories", "CruisePulse"}
    assert all(team["demo"] is True for team in team_nodes.values())
    ano_poli = team_nodes["Ano Poli Stories"]["id"]
    members = await relations.neighbours(graph, challenges.TEAM_MEMBER, [ano_poli], outgoing=False)
    assert sorted(item.node["name"] for item in members[ano_poli]) == ["Ειρήνη", "Νίκος"]
    orgs = await relations.neighbours(
        graph, challenges.TEAM_ORGANISATION, [ano_poli], outgoing=False
    )
    assert [item.node["id"] for item in orgs[ano_poli]] == [lab]
    organisers = await relations.neighbours(
        graph, challenges.ORGANISES, [challenge_id], outgoing=False
    )
    assert [item.node["id"] for item in organisers[challenge_id]] == [organiser]

    awards = await relations.neighbours(graph, challenges.AWARD_OF, [challenge_id], outgoing=False)
    ranked = [(item.node["rank"], item.node.get("prize_el")) for item in awards[challenge_id]]
    assert ranked == [(1, "5.000 €"), (2, None)]
    winners = await relations.neighbours(
        graph, challenges.WON, [awards[challenge_id][0].node["id"]], outgoing=False
    )
    assert [item.node["id"] for item in winners[awards[challenge_id][0].node["id"]]] == [ano_poli]


async def test_writing_again_keeps_ids_and_adds_no_duplicates(graph: GraphEngine) -> None:
    irini = await person(graph, "Ειρήνη")
    data = seed()
    data["teams"][0] |= {"members": [irini]}
    first = await write_challenge(graph, parse_seed(data))
    data["description"] = {"en": "Changed"}
    again = await write_challenge(graph, parse_seed(data))
    assert again["id"] == first["id"]
    assert again["description_en"] == "Changed"
    assert again["created_at"] == first["created_at"]
    assert await challenge_count(graph) == 1
    teams = await relations.neighbours(graph, challenges.ENTERED, [first["id"]], outgoing=False)
    assert len(teams[first["id"]]) == 2
    awards = await relations.neighbours(graph, challenges.AWARD_OF, [first["id"]], outgoing=False)
    assert len(awards[first["id"]]) == 2
    members = await relations.neighbours(
        graph, challenges.TEAM_MEMBER, [teams[first["id"]][0].node["id"]], outgoing=False
    )
    assert len(members[teams[first["id"]][0].node["id"]]) == 1


async def test_a_challenge_without_teams_or_awards(graph: GraphEngine) -> None:
    node = await write_challenge(graph, parse_seed(seed(teams=[], awards=[], organiser=None)))
    assert node["year"] == 2022
    assert await challenge_count(graph) == 1


async def test_unknown_ids_are_not_found_and_nothing_is_written(graph: GraphEngine) -> None:
    org = await organisation(graph, "Org")
    data = seed(organiser=org)
    data["teams"][1] |= {"members": [org]}  # an organisation is not a person
    with pytest.raises(NotFound) as caught:
        await write_challenge(graph, parse_seed(data))
    assert caught.value.field == "teams[1].members[0]"
    with pytest.raises(NotFound) as caught:
        await write_challenge(graph, parse_seed(seed(organiser=new_id())))
    assert caught.value.field == "organiser"
    assert await challenge_count(graph) == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": {}}, "challenge.title"),
        ({"year": 1800}, "challenge.year"),
        ({"key": "a/b"}, "challenge.key"),
        ({"awards": [{"team": "zzz", "rank": 1}]}, "challenge"),
        ({"awards": [{"team": "a", "rank": 4}]}, "challenge.awards.0.rank"),
        ({"teams": [{"key": "a", "name": "A"}, {"key": "a", "name": "B"}]}, "challenge"),
        ({"teams": [{"key": "a", "name": ""}]}, "challenge.teams.0.name"),
    ],
)
def test_invalid_seeds_name_the_field(overrides: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_seed(seed(**overrides))
    assert field in {issue.field for issue in caught.value.issues}


def test_seed_model_takes_the_demo_json_shape() -> None:
    parsed = ChallengeSeed.model_validate(seed(organiser=new_id()))
    assert [team.key for team in parsed.teams] == ["a", "b"]
    assert parsed.awards[1].prize is not None and parsed.awards[1].prize.el == "5.000 €"


async def test_list_filters_and_pages(graph: GraphEngine) -> None:
    await write_challenge(graph, parse_seed(seed("t-2022", 2022)))
    await write_challenge(
        graph, parse_seed(seed("m-2024", 2024, title={"el": "Κινητικότητα ΘΕΣΣΑΛΟΝΊΚΗΣ"}))
    )
    await write_challenge(graph, parse_seed(seed("c-2024", 2024, title={"en": "Culture"})))

    async def keys(**given: Any) -> list[Any]:
        page = await entities.page(
            graph, challenges.CHALLENGE, challenges.filters(**given), first=1, after=None
        )
        rows = page.nodes
        while page.has_next_page:
            page = await entities.page(
                graph, challenges.CHALLENGE, challenges.filters(**given), first=1,
                after=page.cursors[-1],
            )  # fmt: skip
            rows += page.nodes
        return [node["key"] for node in rows]

    assert await keys() == ["t-2022", "c-2024", "m-2024"]
    assert await keys(year=2024) == ["c-2024", "m-2024"]
    assert await keys(text="θεσσαλονικησ") == ["m-2024"]
    assert await keys(text="2022") == ["t-2022"]


async def test_past_winners_newest_first_then_by_rank(graph: GraphEngine) -> None:
    for key, year in (("a-2022", 2022), ("b-2025", 2025), ("c-2024", 2024), ("d-2030", 2030)):
        await write_challenge(graph, parse_seed(seed(key, year)))
    now = datetime(2026, 5, 1, tzinfo=UTC)
    winners = await challenges.past_winners(graph, first=20, now=now)
    assert [(node["key"].split("/")[0], node["rank"]) for node in winners] == [
        ("b-2025", 1), ("b-2025", 2), ("c-2024", 1), ("c-2024", 2), ("a-2022", 1), ("a-2022", 2),
    ]  # fmt: skip
    assert len(await challenges.past_winners(graph, first=3, now=now)) == 3
    with pytest.raises(ValidationFailed):
        await challenges.past_winners(graph, first=101)
