"""Pilot projects in the graph: writes, validation, filters, pages and their relations."""

from __future__ import annotations

from typing import Any

import pytest

from graph import GraphEngine
from hub.ecosystem import crud, entities, organisations, people, pilot_projects, relations
from hub.ecosystem.errors import NotFound, ValidationFailed
from hub.ecosystem.ids import new_id

TRICKY = "Πιλότος \"μετρό\" {x} 'q' \\ MATCH (n) DETACH DELETE n // RETURN"


def pilot(**overrides: Any) -> dict[str, Any]:
    return {"title": {"en": "Crowding at Venizelou station"}, **overrides}


async def titles(graph: GraphEngine, **given: Any) -> list[str]:
    page = await entities.page(
        graph, pilot_projects.PILOT_PROJECT, pilot_projects.filters(**given), first=50, after=None
    )
    return [node["title_en"] for node in page.nodes]


async def test_create_stores_every_field_verbatim(graph: GraphEngine) -> None:
    node = await pilot_projects.create(
        graph,
        pilot(
            title={"el": TRICKY, "en": "Metro crowding"},
            problem={"el": "Συνωστισμός στη Θεσσαλονίκη", "en": "Crowding at peak hours"},
            test_site="Metro station",
            partners_sought=["SME", "PUBLIC_BODY", "SME"],
            status="OPEN",
            topics=["Κινητικότητα", "IoT"],
        ),
    )
    stored = await entities.get_one(graph, pilot_projects.PILOT_PROJECT, node["id"])
    assert stored["title_el"] == TRICKY
    assert stored["problem_en"] == "Crowding at peak hours"
    assert stored["test_site"] == "Metro station"
    assert stored["partners_sought"] == ["SME", "PUBLIC_BODY"]
    assert stored["status"] == "OPEN"
    assert stored["sort_key"] == "metro crowding"
    assert "θεσσαλονικη" in stored["search_text"]
    tagged = await relations.neighbours(graph, relations.TAGGED_PILOT, [node["id"]], outgoing=True)
    assert sorted(item.node["key"] for item in tagged[node["id"]]) == ["iot", "κινητικοτητα"]


async def test_status_defaults_to_draft_and_partial_update_clears(graph: GraphEngine) -> None:
    node = await pilot_projects.create(
        graph, pilot(test_site="Port", problem={"en": "x"}, partners_sought=["SME"])
    )
    assert node["status"] == "DRAFT"
    changed = await pilot_projects.update(graph, node["id"], {"status": "IN_PROGRESS"})
    assert changed["status"] == "IN_PROGRESS"
    assert changed["test_site"] == "Port"
    cleared = await pilot_projects.update(
        graph, node["id"], {"test_site": None, "problem": None, "partners_sought": None}
    )
    assert "test_site" not in cleared and "problem_en" not in cleared
    assert cleared["partners_sought"] == []
    assert cleared["title_en"] == "Crowding at Venizelou station"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": {}}, "input.title"),
        ({"title": None}, "input.title"),
        ({"status": "CANCELLED"}, "input.status"),
        ({"partners_sought": ["GUILD"]}, "input.partnersSought.0"),
        ({"test_site": "x" * 301}, "input.testSite"),
        ({"topics": [""]}, "input.topics.0"),
    ],
)
async def test_invalid_input_names_the_field_and_writes_nothing(
    graph: GraphEngine, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await pilot_projects.create(graph, pilot(**overrides))
    assert field in {issue.field for issue in caught.value.issues}
    assert await titles(graph) == []


async def test_unknown_ids_are_not_found(graph: GraphEngine) -> None:
    with pytest.raises(NotFound):
        await pilot_projects.update(graph, new_id(), {"status": "OPEN"})
    with pytest.raises(NotFound):
        await pilot_projects.delete(graph, new_id())


async def test_filters_by_status_partner_kind_and_folded_text(graph: GraphEngine) -> None:
    await pilot_projects.create(
        graph,
        pilot(title={"en": "Air"}, status="OPEN", partners_sought=["SME"],
              problem={"el": "Ποιότητα αέρα στη ΘΕΣΣΑΛΟΝΊΚΗ"}),
    )  # fmt: skip
    await pilot_projects.create(
        graph, pilot(title={"en": "Bus"}, status="COMPLETED", partners_sought=["PUBLIC_BODY"])
    )
    await pilot_projects.create(graph, pilot(title={"en": "Cargo"}, test_site="Θεσσαλονίκη port"))
    assert await titles(graph, statuses=["OPEN", "DRAFT"]) == ["Air", "Cargo"]
    assert await titles(graph, partner_kind="PUBLIC_BODY") == ["Bus"]
    assert await titles(graph, text="θεσσαλονικη") == ["Air", "Cargo"]
    assert await titles(graph, text="θεσσαλονικη", statuses=["DRAFT"]) == ["Cargo"]


async def test_three_pages(graph: GraphEngine) -> None:
    for index in range(8):
        await pilot_projects.create(graph, pilot(title={"en": f"Pilot {index}"}))
    seen: list[str] = []
    after = None
    for expected in (3, 3, 2):
        page = await entities.page(
            graph, pilot_projects.PILOT_PROJECT, pilot_projects.filters(), first=3, after=after
        )
        assert len(page.nodes) == expected
        assert await page.count() == 8
        seen += [node["title_en"] for node in page.nodes]
        after = page.cursors[-1]
    assert seen == [f"Pilot {index}" for index in range(8)]


async def test_delete_removes_its_relations(graph: GraphEngine) -> None:
    node = await pilot_projects.create(graph, pilot())
    host = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "ΣΤΑΣΥ", "kind": "PUBLIC_BODY"}
    )
    poster = await crud.create(
        graph, people.PEOPLE, {"name": "Ελένη", "roles": ["RESEARCHER"], "is_public": True}
    )
    await relations.link(graph, relations.HOSTS, host["id"], node["id"])
    await relations.link(graph, relations.POSTED, poster["id"], node["id"])
    await pilot_projects.delete(graph, node["id"])
    hosted = await relations.neighbours(graph, relations.HOSTS, [host["id"]], outgoing=True)
    assert hosted[host["id"]] == []
    posted = await relations.neighbours(graph, relations.POSTED, [poster["id"]], outgoing=True)
    assert posted[poster["id"]] == []
