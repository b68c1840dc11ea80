"""Programmes through GraphQL: dates, who runs and joins them, mentors, typed errors."""

from __future__ import annotations

from typing import Any

from graph import GraphEngine
from hub.ecosystem import crud, organisations, people, programmes, relations
from hub.ecosystem.ids import from_global_id, new_id, to_global_id
from tests.conftest import GqlRunner

TRICKY = "OK!Thess \"Κύκλος\" {7} 'q' \\ MERGE (n) SET n.x = 1 //"
FIELDS = "id name description { el en } startsOn endsOn website isDemo"
CREATE = f"""
mutation Create($input: CreateProgrammeInput!) {{
  createProgramme(input: $input) {{ programme {{ {FIELDS} }} errors {{ code field message }} }}
}}
"""
UPDATE = f"""
mutation Update($id: ID!, $input: UpdateProgrammeInput!) {{
  updateProgramme(id: $id, input: $input) {{
    programme {{ {FIELDS} }} errors {{ code field message }}
  }}
}}
"""
DELETE = """
mutation Delete($id: ID!) { deleteProgramme(id: $id) { deletedId errors { code field } } }
"""
READ = f"query Read($id: ID!) {{ programme(id: $id) {{ {FIELDS} }} }}"
LIST = """
query List($first: Int, $after: String, $filter: ProgrammeFilter) {
  programmes(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { name } }
  }
}
"""


def data(result: Any) -> dict[str, Any]:
    assert result.errors is None, result.errors
    assert result.data is not None
    return dict(result.data)


async def create(gql: GqlRunner, **fields: Any) -> dict[str, Any]:
    payload = data(await gql(CREATE, input={"name": "OK!Thess", **fields}))["createProgramme"]
    assert payload["errors"] == []
    return dict(payload["programme"])


async def test_create_read_update_delete(gql: GqlRunner) -> None:
    programme = await create(
        gql,
        name=TRICKY,
        description={"el": "Πρόγραμμα επιτάχυνσης", "en": "Accelerator"},
        startsOn="2025-02-01",
        endsOn="2025-06-30",
        website="https://okthess.gr",
    )
    assert programme["name"] == TRICKY
    assert (programme["startsOn"], programme["endsOn"]) == ("2025-02-01", "2025-06-30")
    assert data(await gql(READ, id=programme["id"]))["programme"] == programme

    updated = data(await gql(UPDATE, id=programme["id"], input={"endsOn": None}))
    changed = updated["updateProgramme"]["programme"]
    assert changed["endsOn"] is None and changed["startsOn"] == "2025-02-01"
    assert changed["description"] == programme["description"]

    deleted = data(await gql(DELETE, id=programme["id"]))["deleteProgramme"]
    assert deleted == {"deletedId": programme["id"], "errors": []}
    assert data(await gql(READ, id=programme["id"])) == {"programme": None}


async def test_end_before_start_is_a_typed_error(gql: GqlRunner) -> None:
    payload = data(
        await gql(CREATE, input={"name": "X", "startsOn": "2025-06-01", "endsOn": "2025-05-01"})
    )["createProgramme"]
    assert payload["programme"] is None
    assert payload["errors"] == [
        {"code": "INVALID", "field": "input.endsOn", "message": "must not be before the start date"}
    ]
    assert data(await gql(LIST))["programmes"]["totalCount"] == 0

    programme = await create(gql, startsOn="2025-01-01", endsOn="2025-03-01")
    moved = data(await gql(UPDATE, id=programme["id"], input={"startsOn": "2025-04-01"}))
    assert moved["updateProgramme"]["errors"][0]["field"] == "input.endsOn"
    assert data(await gql(READ, id=programme["id"]))["programme"]["startsOn"] == "2025-01-01"

    missing = to_global_id("Programme", new_id())
    unknown = data(await gql(UPDATE, id=missing, input={"name": "X"}))["updateProgramme"]
    assert [(e["code"], e["field"]) for e in unknown["errors"]] == [("NOT_FOUND", "id")]
    malformed = await gql(CREATE, input={"name": "X", "startsOn": "first of May"})
    assert malformed.errors is not None


async def test_runners_participants_and_public_mentors(gql: GqlRunner, graph: GraphEngine) -> None:
    programme = await create(gql)
    programme_id = from_global_id(programme["id"])[1]
    runner = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "Δήμος Θεσσαλονίκης", "kind": "PUBLIC_BODY"}
    )
    await relations.link(graph, relations.RUNS, runner["id"], programme_id)
    for name, cohort in (("Beta", "2024"), ("Alpha", "2025")):
        startup = await crud.create(
            graph, organisations.ORGANISATIONS, {"name": name, "kind": "STARTUP"}
        )
        await relations.link(
            graph, relations.PARTICIPATES_IN, startup["id"], programme_id, {"cohort": cohort}
        )
    for name, public in (("Μέντορας", True), ("Ιδιώτης", False)):
        mentor = await crud.create(
            graph, people.PEOPLE, {"name": name, "roles": ["MENTOR"], "is_public": public}
        )
        await relations.link(graph, relations.MENTORS, mentor["id"], programme_id)
    query = """
    query($id: ID!) {
      programme(id: $id) {
        runBy { name runsProgrammes { programme { name } } }
        participants { cohort organisation { name programmes { cohort programme { name } } } }
        mentors { name mentoring { name } }
      }
    }
    """
    found = data(await gql(query, id=programme["id"]))["programme"]
    assert found["runBy"] == [
        {"name": "Δήμος Θεσσαλονίκης", "runsProgrammes": [{"programme": {"name": "OK!Thess"}}]}
    ]
    assert found["participants"] == [
        {
            "cohort": "2025",
            "organisation": {
                "name": "Alpha",
                "programmes": [{"cohort": "2025", "programme": {"name": "OK!Thess"}}],
            },
        },
        {
            "cohort": "2024",
            "organisation": {
                "name": "Beta",
                "programmes": [{"cohort": "2024", "programme": {"name": "OK!Thess"}}],
            },
        },
    ]
    assert found["mentors"] == [{"name": "Μέντορας", "mentoring": [{"name": "OK!Thess"}]}]


async def test_pages_and_greek_text_filter(gql: GqlRunner) -> None:
    for index in range(6):
        await create(gql, name=f"Cohort {index}")
    await create(gql, name="Ψηφιακή Θεσσαλονίκη")
    seen: list[str] = []
    after = None
    for expected in (3, 3, 1):
        page = data(await gql(LIST, first=3, after=after))["programmes"]
        assert page["totalCount"] == 7 and len(page["edges"]) == expected
        seen += [edge["node"]["name"] for edge in page["edges"]]
        after = page["pageInfo"]["endCursor"]
    assert seen[-1] == "Ψηφιακή Θεσσαλονίκη"
    greek = data(await gql(LIST, filter={"text": "θεσσαλονικη"}))["programmes"]
    assert [edge["node"]["name"] for edge in greek["edges"]] == ["Ψηφιακή Θεσσαλονίκη"]


async def test_a_page_of_programmes_with_nested_fields_costs_constant_round_trips(
    gql: GqlRunner, graph: GraphEngine
) -> None:
    query = """
    { programmes(first: 100) { edges { node {
        name runBy { name } participants { cohort organisation { name } } mentors { name }
    } } } }
    """
    runner = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "OK!Thess", "kind": "INCUBATOR"}
    )
    mentor = await crud.create(
        graph, people.PEOPLE, {"name": "M", "roles": ["MENTOR"], "is_public": True}
    )

    async def add_programmes(count: int) -> None:
        for index in range(count):
            node = await crud.create(graph, programmes.PROGRAMMES, {"name": f"Cohort {index}"})
            await relations.link(graph, relations.RUNS, runner["id"], node["id"])
            await relations.link(
                graph, relations.PARTICIPATES_IN, runner["id"], node["id"], {"cohort": "x"}
            )
            await relations.link(graph, relations.MENTORS, mentor["id"], node["id"])

    async def trips() -> int:
        before = graph.round_trips
        data(await gql(query))
        return graph.round_trips - before

    await add_programmes(5)
    few = await trips()
    await add_programmes(45)
    assert await trips() == few
