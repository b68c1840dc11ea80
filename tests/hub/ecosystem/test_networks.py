"""Networks in the graph: writes, validation, pages, filters and memberships."""

from __future__ import annotations

from typing import Any

import pytest

from graph import GraphEngine
from hub.ecosystem import crud, entities, networks, organisations, relations
from hub.ecosystem.errors import NotFound, ValidationFailed
from hub.ecosystem.ids import new_id

TRICKY = "Δίκτυο \"EEN\" {x} 'q' \\ MATCH (n) DETACH DELETE n //"


def network(**overrides: Any) -> dict[str, Any]:
    return {"name": "Enterprise Europe Network", "kind": "EEN", **overrides}


def filters(**given: Any) -> dict[str, Any]:
    return {"kind": None, "text": None, **given}


async def test_create_and_read_back_verbatim(graph: GraphEngine) -> None:
    node = await crud.create(
        graph,
        networks.NETWORKS,
        network(
            name=TRICKY,
            description={"el": "Δίκτυο της Θεσσαλονίκης", "en": "A network"},
            website="https://een.ec.europa.eu",
        ),
    )
    stored = await entities.get_one(graph, networks.NETWORK, node["id"])
    assert stored["name"] == TRICKY
    assert stored["kind"] == "EEN"
    assert stored["description_el"] == "Δίκτυο της Θεσσαλονίκης"
    assert stored["description_en"] == "A network"
    assert stored["website"] == "https://een.ec.europa.eu"
    assert stored["sort_key"].startswith("δικτυο")
    assert "θεσσαλονικησ" in stored["search_text"]


async def test_partial_update_and_clearing(graph: GraphEngine) -> None:
    node = await crud.create(
        graph, networks.NETWORKS, network(description={"en": "x"}, website="https://a.example")
    )
    changed = await crud.update(graph, networks.NETWORKS, node["id"], {"kind": "CLUSTER"})
    assert changed["kind"] == "CLUSTER"
    assert changed["website"] == "https://a.example"
    assert changed["description_en"] == "x"
    cleared = await crud.update(
        graph, networks.NETWORKS, node["id"], {"website": None, "description": None}
    )
    assert "website" not in cleared and "description_en" not in cleared
    assert cleared["name"] == node["name"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "kind": "EEN"}, "input.name"),
        ({"name": "X"}, "input.kind"),
        ({"name": "X", "kind": "GUILD"}, "input.kind"),
        ({"name": "X", "kind": "EEN", "website": "een.eu"}, "input.website"),
        ({"name": "X" * 301, "kind": "EEN"}, "input.name"),
        ({"name": "X", "kind": "EEN", "members": 3}, "input.members"),
    ],
)
async def test_invalid_input_names_the_field_and_writes_nothing(
    graph: GraphEngine, data: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await crud.create(graph, networks.NETWORKS, data)
    assert field in {issue.field for issue in caught.value.issues}
    page = await entities.page(graph, networks.NETWORK, filters(), first=10, after=None)
    assert await page.count() == 0


async def test_delete_removes_memberships_too(graph: GraphEngine) -> None:
    node = await crud.create(graph, networks.NETWORKS, network())
    member = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "Δήμος Θεσσαλονίκης", "kind": "PUBLIC_BODY"}
    )
    await relations.link(graph, relations.MEMBER_OF, member["id"], node["id"], {"since": 2015})
    linked = await relations.neighbours(graph, relations.MEMBER_OF, [node["id"]], outgoing=False)
    assert [(item.node["id"], item.link) for item in linked[node["id"]]] == [
        (member["id"], {"since": 2015})
    ]
    await crud.delete(graph, networks.NETWORKS, node["id"])
    linked = await relations.neighbours(graph, relations.MEMBER_OF, [member["id"]], outgoing=True)
    assert linked[member["id"]] == []
    with pytest.raises(NotFound):
        await crud.delete(graph, networks.NETWORKS, node["id"])
    with pytest.raises(NotFound):
        await crud.update(graph, networks.NETWORKS, new_id(), {"name": "X"})


async def test_three_pages(graph: GraphEngine) -> None:
    for index in range(8):
        await crud.create(graph, networks.NETWORKS, network(name=f"Network {index}"))
    seen: list[str] = []
    after = None
    for expected in (3, 3, 2):
        page = await entities.page(graph, networks.NETWORK, filters(), first=3, after=after)
        assert len(page.nodes) == expected
        assert await page.count() == 8
        seen += [node["name"] for node in page.nodes]
        after = page.cursors[-1]
    assert not page.has_next_page
    assert seen == [f"Network {index}" for index in range(8)]


async def test_filter_by_kind_and_folded_greek_text(graph: GraphEngine) -> None:
    await crud.create(
        graph,
        networks.NETWORKS,
        network(name="Eurocities", kind="CITY_NETWORK", description={"el": "Θεσσαλονίκη"}),
    )
    await crud.create(graph, networks.NETWORKS, network(name="EIT Digital", kind="EIT_COMMUNITY"))
    await crud.create(
        graph, networks.NETWORKS, network(name="Cluster ΘΕΣΣΑΛΟΝΙΚΗΣ", kind="CLUSTER")
    )

    async def names(**given: Any) -> list[str]:
        page = await entities.page(graph, networks.NETWORK, filters(**given), first=10, after=None)
        return [node["name"] for node in page.nodes]

    assert await names(kind="EIT_COMMUNITY") == ["EIT Digital"]
    assert await names(text="θεσσαλονικη") == ["Cluster ΘΕΣΣΑΛΟΝΙΚΗΣ", "Eurocities"]
    assert await names(text="θεσσαλονικη", kind="CITY_NETWORK") == ["Eurocities"]
    assert await names(kind="OTHER") == []
