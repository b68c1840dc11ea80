"""People in the graph: writes, validation, privacy of lists, pages and filters."""

from __future__ import annotations

from typing import Any

import pytest

from graph import GraphEngine
from hub.ecosystem import crud, entities, people
from hub.ecosystem.errors import NotFound, ValidationFailed
from hub.ecosystem.ids import new_id

TRICKY = "Ο \"Δρ.\" {x} 'quote' \\ MATCH (n) DETACH DELETE n // RETURN"


def person(**overrides: Any) -> dict[str, Any]:
    return {"name": "Ελένη Παπαδοπούλου", "roles": ["RESEARCHER"], "is_public": True, **overrides}


def filters(**given: Any) -> dict[str, Any]:
    return {"role": None, "text": None, **given}


async def test_create_stores_every_field_verbatim_with_keys(graph: GraphEngine) -> None:
    node = await crud.create(
        graph,
        people.PEOPLE,
        person(
            name=TRICKY,
            roles=["MENTOR", "FOUNDER", "MENTOR"],
            bio={"el": "Ερευνήτρια στη Θεσσαλονίκη", "en": "Researcher"},
            skills=["IoT", "Ανοικτά δεδομένα"],
            email="eleni@example.org",
            website="https://example.org/~eleni",
        ),
    )
    stored = await entities.get_one(graph, people.PERSON, node["id"])
    assert stored["name"] == TRICKY
    assert stored["roles"] == ["MENTOR", "FOUNDER"]
    assert stored["bio_el"] == "Ερευνήτρια στη Θεσσαλονίκη"
    assert stored["bio_en"] == "Researcher"
    assert stored["skills"] == ["IoT", "Ανοικτά δεδομένα"]
    assert stored["email"] == "eleni@example.org"
    assert stored["is_public"] is True
    assert stored["sort_key"] == "ο \"δρ.\" {x} 'quote' \\ match (n) detach delete n // return"
    assert "θεσσαλονικη" in stored["search_text"]
    assert "eleni@example.org" not in stored["search_text"]
    assert stored["created_at"] == stored["updated_at"]


async def test_people_are_private_unless_they_opt_in(graph: GraphEngine) -> None:
    node = await crud.create(graph, people.PEOPLE, {"name": "Νίκος", "roles": ["OFFICIAL"]})
    assert node["is_public"] is False
    assert not people.is_public(node)
    page = await entities.page(graph, people.PERSON, filters(), first=10, after=None)
    assert page.nodes == [] and await page.count() == 0


async def test_partial_update_keeps_other_fields_and_null_clears(graph: GraphEngine) -> None:
    node = await crud.create(
        graph,
        people.PEOPLE,
        person(bio={"en": "Mentor"}, website="https://a.example", email="a@b.gr", skills=["AI"]),
    )
    changed = await crud.update(
        graph, people.PEOPLE, node["id"], {"website": None, "roles": ["MENTOR"]}
    )
    assert "website" not in changed
    assert changed["roles"] == ["MENTOR"]
    assert changed["bio_en"] == "Mentor"
    assert changed["email"] == "a@b.gr"
    assert changed["skills"] == ["AI"]
    assert changed["name"] == node["name"]
    assert changed["created_at"] == node["created_at"]

    cleared = await crud.update(graph, people.PEOPLE, node["id"], {"bio": None, "email": None})
    assert "bio_en" not in cleared and "email" not in cleared


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": " ", "roles": ["MENTOR"]}, "input.name"),
        ({"name": "A", "roles": []}, "input.roles"),
        ({"name": "A"}, "input.roles"),
        ({"name": "A", "roles": ["WIZARD"]}, "input.roles.0"),
        ({"name": "A", "roles": ["MENTOR"], "email": "not-an-address"}, "input.email"),
        ({"name": "A", "roles": ["MENTOR"], "website": "ftp://x.org"}, "input.website"),
        ({"name": "A", "roles": ["MENTOR"], "bio": {"fr": "Bonjour"}}, "input.bio.fr"),
        ({"name": "A\x00B", "roles": ["MENTOR"]}, "input.name"),
    ],
)
async def test_invalid_input_names_the_field_and_writes_nothing(
    graph: GraphEngine, data: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await crud.create(graph, people.PEOPLE, {"is_public": True, **data})
    assert field in {issue.field for issue in caught.value.issues}
    page = await entities.page(graph, people.PERSON, filters(), first=10, after=None)
    assert await page.count() == 0


async def test_failed_update_changes_nothing(graph: GraphEngine) -> None:
    node = await crud.create(graph, people.PEOPLE, person())
    with pytest.raises(ValidationFailed):
        await crud.update(graph, people.PEOPLE, node["id"], {"name": "B", "roles": []})
    assert await entities.get_one(graph, people.PERSON, node["id"]) == node


async def test_delete_and_unknown_ids(graph: GraphEngine) -> None:
    node = await crud.create(graph, people.PEOPLE, person())
    await crud.delete(graph, people.PEOPLE, node["id"])
    with pytest.raises(NotFound):
        await entities.get_one(graph, people.PERSON, node["id"])
    with pytest.raises(NotFound):
        await crud.delete(graph, people.PEOPLE, node["id"])
    with pytest.raises(NotFound):
        await crud.update(graph, people.PEOPLE, new_id(), {"name": "X"})


async def test_three_pages_of_public_people_only(graph: GraphEngine) -> None:
    for index in range(7):
        await crud.create(graph, people.PEOPLE, person(name=f"Person {index}"))
    for index in range(3):
        await crud.create(
            graph, people.PEOPLE, person(name=f"Person hidden {index}", is_public=False)
        )
    names: list[str] = []
    after = None
    sizes = []
    for _ in range(3):
        page = await entities.page(graph, people.PERSON, filters(), first=3, after=after)
        assert await page.count() == 7
        names += [node["name"] for node in page.nodes]
        sizes.append(len(page.nodes))
        after = page.cursors[-1] if page.cursors else None
    assert sizes == [3, 3, 1]
    assert not page.has_next_page
    assert names == [f"Person {index}" for index in range(7)]


async def test_filter_by_role_and_folded_greek_text(graph: GraphEngine) -> None:
    await crud.create(
        graph, people.PEOPLE, person(name="Μαρία", roles=["MENTOR"], bio={"el": "Θεσσαλονίκη"})
    )
    await crud.create(graph, people.PEOPLE, person(name="Γιώργος", roles=["FOUNDER"]))
    await crud.create(
        graph,
        people.PEOPLE,
        person(name="Κρυφή", roles=["MENTOR"], bio={"el": "Θεσσαλονίκη"}, is_public=False),
    )

    async def names(**given: Any) -> list[str]:
        page = await entities.page(graph, people.PERSON, filters(**given), first=10, after=None)
        return [node["name"] for node in page.nodes]

    assert await names(role="MENTOR") == ["Μαρία"]
    assert await names(role="FOUNDER") == ["Γιώργος"]
    assert await names(text="θεσσαλονικη") == ["Μαρία"]
    assert await names(text="γιωργοσ") == ["Γιώργος"]
    assert await names(text="θεσσαλονικη", role="FOUNDER") == []
