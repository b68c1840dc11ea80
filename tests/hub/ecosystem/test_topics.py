"""Topics: one node per folded name, shared by calls, pilots and projects; listed by name."""

from __future__ import annotations

from typing import Any

from graph import GraphEngine
from hub.ecosystem import entities, funding_calls, pilot_projects, projects, relations, topics


async def names(graph: GraphEngine, **given: Any) -> list[str]:
    page = await entities.page(graph, topics.TOPIC, topics.filters(**given), first=50, after=None)
    return [node["name"] for node in page.nodes]


async def test_one_topic_per_folded_name_across_kinds(graph: GraphEngine) -> None:
    call = await funding_calls.create(
        graph,
        {
            "identifier": "HORIZON-CL5-2027-01",
            "title": {"en": "Mobility"},
            "deadline": "2027-02-18T17:00:00+01:00",
            "topics": ["Κινητικότητα", "AI"],
        },
    )
    pilot = await pilot_projects.create(
        graph, {"title": {"en": "Buses"}, "topics": ["ΚΙΝΗΤΙΚΟΤΗΤΑ", "Sensors"]}
    )
    project = await projects.create(graph, {"title": {"en": "Port"}, "topics": ["ai"]})
    assert await names(graph) == ["AI", "Sensors", "Κινητικότητα"]
    page = await entities.page(graph, topics.TOPIC, topics.filters(), first=50, after=None)
    by_key = {node["key"]: node for node in page.nodes}
    assert set(by_key) == {"ai", "sensors", "κινητικοτητα"}

    mobility = by_key["κινητικοτητα"]["id"]
    calls = await relations.neighbours(graph, relations.TAGGED_CALL, [mobility], outgoing=False)
    pilots = await relations.neighbours(graph, relations.TAGGED_PILOT, [mobility], outgoing=False)
    assert [item.node["id"] for item in calls[mobility]] == [call["id"]]
    assert [item.node["id"] for item in pilots[mobility]] == [pilot["id"]]
    ai = by_key["ai"]["id"]
    tagged = await relations.neighbours(graph, relations.TAGGED_PROJECT, [ai], outgoing=False)
    assert [item.node["id"] for item in tagged[ai]] == [project["id"]]


async def test_filter_by_folded_text_and_pages(graph: GraphEngine) -> None:
    await pilot_projects.create(
        graph,
        {
            "title": {"en": "Many"},
            "topics": ["Ανοικτά Δεδομένα", "Open data", "Energy", "Ενέργεια", "Water"],
        },
    )
    assert await names(graph, text="ΑΝΟΙΚΤΑ") == ["Ανοικτά Δεδομένα"]
    assert await names(graph, text="data") == ["Open data"]
    seen: list[str] = []
    after = None
    for expected in (2, 2, 1):
        page = await entities.page(graph, topics.TOPIC, topics.filters(), first=2, after=after)
        assert len(page.nodes) == expected and await page.count() == 5
        seen += [node["name"] for node in page.nodes]
        after = page.cursors[-1]
    assert seen == ["Energy", "Open data", "Water", "Ανοικτά Δεδομένα", "Ενέργεια"]


async def test_topics_nothing_is_tagged_with_any_more_are_not_listed(graph: GraphEngine) -> None:
    pilot = await pilot_projects.create(
        graph, {"title": {"en": "Buses"}, "topics": ["Mobility", "Sensors", "AI"]}
    )
    project = await projects.create(graph, {"title": {"en": "Port"}, "topics": ["AI"]})
    assert await names(graph) == ["AI", "Mobility", "Sensors"]

    await pilot_projects.update(graph, pilot["id"], {"topics": ["Mobility"]})
    assert await names(graph) == ["AI", "Mobility"]
    assert await names(graph, text="sens") == []

    await pilot_projects.delete(graph, pilot["id"])
    page = await entities.page(graph, topics.TOPIC, topics.filters(), first=50, after=None)
    assert [node["name"] for node in page.nodes] == ["AI"] and await page.count() == 1

    await projects.update(graph, project["id"], {"topics": None})
    page = await entities.page(graph, topics.TOPIC, topics.filters(), first=50, after=None)
    assert page.nodes == [] and await page.count() == 0
