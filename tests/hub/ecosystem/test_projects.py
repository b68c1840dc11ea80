"""Funded projects in the graph: identifiers, titles, dates, costs, topics, pages, filters."""

from __future__ import annotations

from typing import Any

import pytest

from graph import GraphEngine, Statement
from hub.ecosystem import crud, entities, projects
from hub.ecosystem.errors import Conflict, NotFound, ValidationFailed
from hub.ecosystem.ids import new_id

TRICKY = "Έργο \"SMART\" {x} 'q' \\ CALL db.labels() YIELD label RETURN label //"
TOPICS_OF = Statement(
    name="test_topics_of_project",
    cypher="MATCH (:Project {id: $id})-[:TAGGED]->(t:Topic) RETURN t.name AS name ORDER BY name",
)
TOPIC_COUNT = Statement(name="test_topic_count", cypher="MATCH (t:Topic) RETURN count(t) AS n")


def project(**overrides: Any) -> dict[str, Any]:
    return {"title": {"en": "Smart mobility for Thessaloniki"}, **overrides}


def filters(**given: Any) -> dict[str, Any]:
    return {"programme": None, "text": None, **given}


async def topics_of(graph: GraphEngine, node_id: str) -> list[str]:
    return [row["name"] for row in await graph.run(TOPICS_OF, {"id": node_id})]


async def test_create_stores_everything_and_tags_topics(graph: GraphEngine) -> None:
    node = await projects.create(
        graph,
        project(
            identifier=" 101120001 ",
            acronym="SMART-THESS",
            title={"el": TRICKY, "en": "Smart city"},
            start_date="2024-01-01",
            end_date="2027-12-31",
            programme="Horizon Europe",
            topics=["Mobility", "Τεχνητή νοημοσύνη"],
            total_cost=4_999_999,
            ec_contribution=4_000_000,
        ),
    )
    stored = await entities.get_one(graph, projects.PROJECT, node["id"])
    assert stored["identifier"] == "101120001"
    assert stored["title_el"] == TRICKY
    assert stored["title_en"] == "Smart city"
    assert stored["start_date"] == "2024-01-01"
    assert stored["end_date"] == "2027-12-31"
    assert stored["programme_key"] == "horizon europe"
    assert stored["total_cost"] == 4_999_999
    assert stored["ec_contribution"] == 4_000_000
    assert stored["sort_key"] == "smart city"
    assert "τεχνητη νοημοσυνη" in stored["search_text"]
    assert await topics_of(graph, node["id"]) == ["Mobility", "Τεχνητή νοημοσύνη"]


async def test_greek_only_title_sorts_by_greek(graph: GraphEngine) -> None:
    node = await projects.create(graph, project(title={"el": "Έξυπνη Πόλη"}))
    assert node["sort_key"] == "εξυπνη πολη"
    assert "title_en" not in node


async def test_retagging_on_update_replaces_topics(graph: GraphEngine) -> None:
    node = await projects.create(graph, project(topics=["AI", "Energy"]))
    other = await projects.create(graph, project(title={"en": "Other"}, topics=["ai"]))
    await projects.update(graph, node["id"], {"topics": ["Energy", "Water"]})
    assert await topics_of(graph, node["id"]) == ["Energy", "Water"]
    assert await topics_of(graph, other["id"]) == ["AI"]
    rows = await graph.run(TOPIC_COUNT)
    assert rows[0]["n"] == 3


async def test_duplicate_identifier_is_a_conflict_and_writes_nothing(graph: GraphEngine) -> None:
    first = await projects.create(graph, project(identifier="101120001"))
    with pytest.raises(Conflict) as caught:
        await projects.create(graph, project(identifier="101120001", title={"en": "Copy"}))
    assert caught.value.code == "CONFLICT"
    assert caught.value.field == "input.identifier"
    second = await projects.create(graph, project(identifier="101120002"))
    with pytest.raises(Conflict):
        await projects.update(graph, second["id"], {"identifier": "101120001"})
    assert (await entities.get_one(graph, projects.PROJECT, second["id"]))["identifier"] == (
        "101120002"
    )
    page = await entities.page(graph, projects.PROJECT, filters(), first=10, after=None)
    assert await page.count() == 2
    assert (await projects.by_identifier(graph, "101120001"))["id"] == first["id"]
    with pytest.raises(NotFound):
        await projects.by_identifier(graph, "999")


async def test_projects_without_identifier_do_not_conflict(graph: GraphEngine) -> None:
    await projects.create(graph, project())
    await projects.create(graph, project())
    node = await projects.create(graph, project(identifier="X-1"))
    cleared = await projects.update(graph, node["id"], {"identifier": None})
    assert "identifier" not in cleared


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "input.title"),
        ({"title": {}}, "input.title"),
        ({"title": {"el": "  ", "en": ""}}, "input.title"),
        ({"title": {"en": "x"}, "identifier": "10 11"}, "input.identifier"),
        ({"title": {"en": "x"}, "identifier": ""}, "input.identifier"),
        ({"title": {"en": "x"}, "total_cost": -1}, "input.totalCost"),
        ({"title": {"en": "x"}, "ec_contribution": 10**13}, "input.ecContribution"),
        ({"title": {"en": "x"}, "ec_contribution": 1.5}, "input.ecContribution"),
        ({"title": {"en": "x"}, "topics": [""]}, "input.topics.0"),
        (
            {"title": {"en": "x"}, "start_date": "2025-01-02", "end_date": "2025-01-01"},
            "input.endDate",
        ),
    ],
)
async def test_invalid_input_names_the_field_and_writes_nothing(
    graph: GraphEngine, data: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await projects.create(graph, data)
    assert field in {issue.field for issue in caught.value.issues}
    page = await entities.page(graph, projects.PROJECT, filters(), first=10, after=None)
    assert await page.count() == 0


async def test_partial_update_clear_and_delete(graph: GraphEngine) -> None:
    node = await projects.create(
        graph, project(acronym="A", programme="Horizon Europe", total_cost=10, topics=["AI"])
    )
    changed = await projects.update(graph, node["id"], {"total_cost": None, "acronym": "B"})
    assert "total_cost" not in changed
    assert changed["acronym"] == "B"
    assert changed["programme"] == "Horizon Europe"
    assert changed["title_en"] == node["title_en"]
    assert await topics_of(graph, node["id"]) == ["AI"]
    await crud.delete(graph, projects.PROJECTS, node["id"])
    with pytest.raises(NotFound):
        await projects.update(graph, node["id"], {"acronym": "C"})
    with pytest.raises(NotFound):
        await crud.delete(graph, projects.PROJECTS, new_id())


async def test_three_pages_and_filters(graph: GraphEngine) -> None:
    for index in range(7):
        await projects.create(
            graph,
            project(
                title={"en": f"Project {index}"},
                programme="Horizon Europe" if index % 2 else "Interreg",
            ),
        )
    await projects.create(
        graph, project(title={"el": "Ψηφιακή ΘΕΣΣΑΛΟΝΊΚΗ"}, programme="ΕΣΠΑ 2021-2027")
    )
    seen: list[str] = []
    after = None
    for expected in (3, 3, 2):
        page = await entities.page(graph, projects.PROJECT, filters(), first=3, after=after)
        assert len(page.nodes) == expected and await page.count() == 8
        seen += [node.get("title_en") or node["title_el"] for node in page.nodes]
        after = page.cursors[-1]
    assert seen == [*(f"Project {index}" for index in range(7)), "Ψηφιακή ΘΕΣΣΑΛΟΝΊΚΗ"]

    horizon = await entities.page(
        graph, projects.PROJECT, filters(programme="horizon europe"), first=10, after=None
    )
    assert [node["title_en"] for node in horizon.nodes] == ["Project 1", "Project 3", "Project 5"]
    assert await horizon.count() == 3
    greek = await entities.page(
        graph, projects.PROJECT, filters(text="θεσσαλονικη"), first=10, after=None
    )
    assert [node["title_el"] for node in greek.nodes] == ["Ψηφιακή ΘΕΣΣΑΛΟΝΊΚΗ"]
