"""Recording awards: placements checked field by field; past winners across years."""

from __future__ import annotations

import pytest

from challenges import awards, challenge, datasets, followup
from challenges.errors import Invalid, InvalidTransition, NotFound, WrongPhase
from challenges.ids import new_id
from graph import GraphEngine
from hub.ecosystem import challenges as past
from tests.challenges.factories import AFTER_DEADLINE, open_challenge, team_with


async def test_placements_name_their_bad_fields_and_nothing_is_awarded(
    graph: GraphEngine,
) -> None:
    live = await open_challenge(graph, until="submission")
    alpha, _ = await team_with(graph, live["id"], "Alpha")
    beta, _ = await team_with(graph, live["id"], "Beta")
    elsewhere = await open_challenge(graph, until="submission")
    stranger, _ = await team_with(graph, elsewhere["id"], "Stranger")
    with pytest.raises(InvalidTransition):  # still in submission
        await awards.record_awards(
            graph=graph, challenge_id=live["id"], placements=[{"team_id": alpha, "rank": 1}]
        )
    await challenge.transition(
        graph=graph, challenge_id=live["id"], target="judging", now=AFTER_DEADLINE
    )
    with pytest.raises(Invalid) as caught:
        await awards.record_awards(
            graph=graph,
            challenge_id=live["id"],
            placements=[
                {"team_id": alpha, "rank": 1},
                {"team_id": alpha, "rank": 2},
                {"team_id": beta, "rank": 1},
                {"team_id": stranger, "rank": 3},
                {"team_id": "not-an-id", "rank": 0},
            ],
        )
    fields = {issue.field: issue.message for issue in caught.value.issues}
    assert fields == {
        "placements[1].teamId": "is awarded twice",
        "placements[2].rank": "is given to two teams",
        "placements[3].teamId": "is not a team of this challenge",
        "placements[4].teamId": "is not an id of this hub",
        "placements[4].rank": "must be between 1 and 10",
    }
    stored = await challenge.get_challenge(graph=graph, challenge_id=live["id"])
    assert stored["phase"] == "judging"
    assert await awards.winners(graph=graph, challenge_id=live["id"]) == []


async def test_past_winners_span_the_seeded_history_and_new_challenges(
    graph: GraphEngine,
) -> None:
    seed = past.parse_seed(
        {
            "key": "tourism-2022",
            "title": {"en": "Tourism 2022"},
            "year": 2022,
            "themes": ["tourism"],
            "teams": [{"key": "a", "name": "Ano Poli Stories"}],
            "awards": [{"team": "a", "rank": 1, "prize": {"en": "5,000 EUR"}}],
        }
    )
    await past.write_challenge(graph, seed)
    live = await open_challenge(graph, until="submission")
    team, _ = await team_with(graph, live["id"], "Bus Whisperers")
    with pytest.raises(NotFound) as unknown:
        await datasets.set_challenge_datasets(
            graph=graph, challenge_id=live["id"], dataset_ids=[new_id()]
        )
    assert str(unknown.value) == "no dataset has this id"
    await challenge.transition(
        graph=graph, challenge_id=live["id"], target="judging", now=AFTER_DEADLINE
    )
    await awards.record_awards(
        graph=graph, challenge_id=live["id"], placements=[{"team_id": team, "rank": 1}]
    )
    everyone = await awards.winners(graph=graph)
    assert [(w["year"], w["team_name"], w["prize_en"]) for w in everyone] == [
        (2027, "Bus Whisperers", "5.000 EUR"),
        (2022, "Ano Poli Stories", "5,000 EUR"),
    ]
    assert [w["team_name"] for w in await awards.winners(graph=graph, until=2024)] == [
        "Ano Poli Stories"
    ]
    assert [w["team_name"] for w in await awards.winners(graph=graph, theme="tourism")] == [
        "Ano Poli Stories"
    ]
    # winners of the past are followed too
    award = everyone[1]["award"]
    with pytest.raises(NotFound):
        await followup.set_onboarding(
            graph=graph, award_id=award, status="referred", programme_id=new_id()
        )
    funded = await followup.set_onboarding(graph=graph, award_id=award, status="funded")
    assert funded["onboarding_history"][0].startswith("funded ")
    with pytest.raises(WrongPhase):
        await datasets.set_challenge_datasets(graph=graph, challenge_id=live["id"], dataset_ids=[])
