"""Programmes in the graph: writes, dates, validation, pages and filters."""

from __future__ import annotations

from typing import Any

import pytest

from graph import GraphEngine
from hub.ecosystem import crud, entities, programmes
from hub.ecosystem.errors import NotFound, ValidationFailed
from hub.ecosystem.ids import new_id

TRICKY = "OK!Thess \"Cohort\" {7} 'q' \\ MERGE (n) SET n.x = 1 //"


def programme(**overrides: Any) -> dict[str, Any]:
    return {"name": "OK!Thess Cohort 7", **overrides}


def filters(**given: Any) -> dict[str, Any]:
    return {"text": None, **given}


async def test_create_stores_dates_as_iso_text_and_text_verbatim(graph: GraphEngine) -> None:
    node = await crud.create(
        graph,
        programmes.PROGRAMMES,
        programme(
            name=TRICKY,
            description={"el": "Επιτάχυνση στη Θεσσαλονίκη"},
            starts_on="2025-02-01",
            ends_on="2025-06-30",
            website="https://okthess.gr",
        ),
    )
    stored = await entities.get_one(graph, programmes.PROGRAMME, node["id"])
    assert stored["name"] == TRICKY
    assert stored["starts_on"] == "2025-02-01"
    assert stored["ends_on"] == "2025-06-30"
    assert stored["description_el"] == "Επιτάχυνση στη Θεσσαλονίκη"
    assert "description_en" not in stored
    assert stored["sort_key"].startswith("ok!thess")


async def test_end_must_not_be_before_start(graph: GraphEngine) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await crud.create(
            graph, programmes.PROGRAMMES, programme(starts_on="2025-06-01", ends_on="2025-05-31")
        )
    assert [issue.field for issue in caught.value.issues] == ["input.endsOn"]
    same_day = await crud.create(
        graph, programmes.PROGRAMMES, programme(starts_on="2025-06-01", ends_on="2025-06-01")
    )
    with pytest.raises(ValidationFailed) as caught:
        await crud.update(graph, programmes.PROGRAMMES, same_day["id"], {"starts_on": "2025-07-01"})
    assert caught.value.issues[0].field == "input.endsOn"
    assert await entities.get_one(graph, programmes.PROGRAMME, same_day["id"]) == same_day


async def test_partial_update_and_clearing(graph: GraphEngine) -> None:
    node = await crud.create(
        graph,
        programmes.PROGRAMMES,
        programme(starts_on="2025-02-01", ends_on="2025-06-30", description={"en": "x"}),
    )
    changed = await crud.update(graph, programmes.PROGRAMMES, node["id"], {"ends_on": None})
    assert "ends_on" not in changed
    assert changed["starts_on"] == "2025-02-01"
    assert changed["description_en"] == "x"
    renamed = await crud.update(graph, programmes.PROGRAMMES, node["id"], {"name": "Cohort 8"})
    assert renamed["sort_key"] == "cohort 8"
    assert renamed["starts_on"] == "2025-02-01"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "  "}, "input.name"),
        ({}, "input.name"),
        ({"name": "X", "starts_on": "1 Feb 2025"}, "input.startsOn"),
        ({"name": "X", "website": "javascript:alert(1)"}, "input.website"),
        ({"name": "X", "description": {"el": "x" * 20_001}}, "input.description.el"),
    ],
)
async def test_invalid_input_names_the_field_and_writes_nothing(
    graph: GraphEngine, data: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await crud.create(graph, programmes.PROGRAMMES, data)
    assert field in {issue.field for issue in caught.value.issues}
    page = await entities.page(graph, programmes.PROGRAMME, filters(), first=10, after=None)
    assert await page.count() == 0


async def test_delete(graph: GraphEngine) -> None:
    node = await crud.create(graph, programmes.PROGRAMMES, programme())
    await crud.delete(graph, programmes.PROGRAMMES, node["id"])
    with pytest.raises(NotFound):
        await entities.get_one(graph, programmes.PROGRAMME, node["id"])
    with pytest.raises(NotFound):
        await crud.update(graph, programmes.PROGRAMMES, new_id(), {"name": "X"})


async def test_three_pages_and_folded_greek_text(graph: GraphEngine) -> None:
    for index in range(7):
        await crud.create(graph, programmes.PROGRAMMES, programme(name=f"Cohort {index}"))
    await crud.create(
        graph, programmes.PROGRAMMES, programme(name="Στη ΘΕΣΣΑΛΟΝΊΚΗ", description={"en": "a"})
    )
    seen: list[str] = []
    after = None
    for expected in (3, 3, 2):
        page = await entities.page(graph, programmes.PROGRAMME, filters(), first=3, after=after)
        assert len(page.nodes) == expected and await page.count() == 8
        seen += [node["name"] for node in page.nodes]
        after = page.cursors[-1]
    assert seen[-1] == "Στη ΘΕΣΣΑΛΟΝΊΚΗ"
    found = await entities.page(
        graph, programmes.PROGRAMME, filters(text="θεσσαλονικη"), first=10, after=None
    )
    assert [node["name"] for node in found.nodes] == ["Στη ΘΕΣΣΑΛΟΝΊΚΗ"]
    assert await found.count() == 1
