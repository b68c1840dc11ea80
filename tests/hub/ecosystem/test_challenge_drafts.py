"""The public list of challenges leaves out drafts of the lifecycle, keeps the past ones."""

from __future__ import annotations

from challenges import challenge
from graph import GraphEngine
from hub.ecosystem import challenges, entities
from tests.challenges.factories import BEFORE, challenge_input, node


async def test_drafts_are_not_listed_until_published(graph: GraphEngine) -> None:
    organiser = await node(graph, "Organisation", "Municipality of Thessaloniki")
    past = challenges.parse_seed({"key": "past-2024", "title": {"en": "Past"}, "year": 2024})
    await challenges.write_challenge(graph, past)
    draft = await challenge.create_challenge(
        graph=graph, data=challenge_input(organiser), now=BEFORE
    )

    async def listed() -> list[str]:
        page = await entities.page(
            graph, challenges.CHALLENGE, challenges.filters(), first=10, after=None
        )
        assert await page.count() == len(page.nodes)
        return [str(n.get("title_en")) for n in page.nodes]

    assert await listed() == ["Past"]
    await challenge.transition(
        graph=graph, challenge_id=draft["id"], target="published", now=BEFORE
    )
    assert await listed() == ["Past", "Open mobility data"]
