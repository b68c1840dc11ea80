"""Funded projects through GraphQL: identifiers, titles, costs, topics, participants, calls."""

from __future__ import annotations

from typing import Any

from graph import GraphEngine
from hub.ecosystem import crud, funding_calls, organisations, projects, relations
from hub.ecosystem.ids import from_global_id, new_id, to_global_id
from tests.conftest import GqlRunner

TRICKY = "Έργο \"SMART\" {x} 'q' \\ CALL db.labels() YIELD label RETURN label //"
FIELDS = """
  id identifier acronym title { el en text } startDate endDate programme topics
  totalCost ecContribution isDemo
"""
CREATE = f"""
mutation Create($input: CreateProjectInput!) {{
  createProject(input: $input) {{ project {{ {FIELDS} }} errors {{ code field message }} }}
}}
"""
UPDATE = f"""
mutation Update($id: ID!, $input: UpdateProjectInput!) {{
  updateProject(id: $id, input: $input) {{ project {{ {FIELDS} }} errors {{ code field message }} }}
}}
"""
DELETE = """
mutation Delete($id: ID!) { deleteProject(id: $id) { deletedId errors { code field } } }
"""
READ = f"query Read($id: ID!) {{ project(id: $id) {{ {FIELDS} }} }}"
BY_IDENTIFIER = "query($identifier: String!) { project(identifier: $identifier) { id acronym } }"
LIST = """
query List($first: Int, $after: String, $filter: ProjectFilter) {
  projects(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { acronym title { text } } }
  }
}
"""


def data(result: Any) -> dict[str, Any]:
    assert result.errors is None, result.errors
    assert result.data is not None
    return dict(result.data)


async def create(gql: GqlRunner, **fields: Any) -> dict[str, Any]:
    given = {"title": {"en": "Smart mobility"}, **fields}
    payload = data(await gql(CREATE, input=given))["createProject"]
    assert payload["errors"] == []
    return dict(payload["project"])


async def test_create_read_update_delete(gql: GqlRunner) -> None:
    project = await create(
        gql,
        identifier="101120001",
        acronym="SMART-THESS",
        title={"el": TRICKY, "en": "Smart city"},
        startDate="2024-01-01",
        endDate="2027-12-31",
        programme="Horizon Europe",
        topics=["Mobility", "Τεχνητή νοημοσύνη"],
        totalCost=12_500_000_000,
        ecContribution=4_000_000,
    )
    assert project["title"] == {"el": TRICKY, "en": "Smart city", "text": "Smart city"}
    assert project["identifier"] == "101120001"
    assert (project["startDate"], project["endDate"]) == ("2024-01-01", "2027-12-31")
    assert project["topics"] == ["Mobility", "Τεχνητή νοημοσύνη"]
    assert project["totalCost"] == 12_500_000_000
    assert project["ecContribution"] == 4_000_000
    assert data(await gql(READ, id=project["id"]))["project"] == project
    assert data(await gql(BY_IDENTIFIER, identifier="101120001"))["project"] == {
        "id": project["id"],
        "acronym": "SMART-THESS",
    }
    assert data(await gql(BY_IDENTIFIER, identifier="999")) == {"project": None}

    patch = {"totalCost": None, "topics": ["Energy"], "title": {"el": "Έξυπνη πόλη"}}
    changed = data(await gql(UPDATE, id=project["id"], input=patch))["updateProject"]["project"]
    assert changed["totalCost"] is None
    assert changed["topics"] == ["Energy"]
    assert changed["title"] == {"el": "Έξυπνη πόλη", "en": None, "text": "Έξυπνη πόλη"}
    assert changed["acronym"] == "SMART-THESS"
    assert changed["ecContribution"] == 4_000_000

    deleted = data(await gql(DELETE, id=project["id"]))["deleteProject"]
    assert deleted == {"deletedId": project["id"], "errors": []}
    assert data(await gql(READ, id=project["id"])) == {"project": None}


async def test_duplicate_identifier_is_a_conflict(gql: GqlRunner) -> None:
    await create(gql, identifier="101120001")
    payload = data(await gql(CREATE, input={"identifier": "101120001", "title": {"en": "Copy"}}))
    assert payload["createProject"]["project"] is None
    [error] = payload["createProject"]["errors"]
    assert (error["code"], error["field"]) == ("CONFLICT", "input.identifier")
    other = await create(gql, identifier="101120002")
    moved = data(await gql(UPDATE, id=other["id"], input={"identifier": "101120001"}))
    assert moved["updateProject"]["errors"][0]["code"] == "CONFLICT"
    assert data(await gql(LIST))["projects"]["totalCount"] == 2
    assert data(await gql(READ, id=other["id"]))["project"]["identifier"] == "101120002"


async def test_typed_errors_name_each_field_and_write_nothing(gql: GqlRunner) -> None:
    payload = data(
        await gql(
            CREATE,
            input={
                "title": {"el": " ", "en": None},
                "identifier": "has spaces",
                "startDate": "2025-02-01",
                "endDate": "2025-01-01",
                "totalCost": -5,
                "ecContribution": 10.5,
            },
        )
    )["createProject"]
    assert payload["project"] is None
    fields = {error["field"] for error in payload["errors"]}
    assert fields == {
        "input.title",
        "input.identifier",
        "input.totalCost",
        "input.ecContribution",
    }
    title_error = next(e for e in payload["errors"] if e["field"] == "input.title")
    assert title_error["message"] == "must be given in Greek, English or both"

    period = data(
        await gql(
            CREATE, input={"title": {"en": "x"}, "startDate": "2025-02-01", "endDate": "2025-01-01"}
        )
    )["createProject"]
    assert [(e["code"], e["field"]) for e in period["errors"]] == [("INVALID", "input.endDate")]
    assert data(await gql(LIST))["projects"]["totalCount"] == 0

    missing = to_global_id("Project", new_id())
    unknown = data(await gql(UPDATE, id=missing, input={"acronym": "X"}))["updateProject"]
    assert [(e["code"], e["field"]) for e in unknown["errors"]] == [("NOT_FOUND", "id")]
    wrong = data(await gql(DELETE, id=to_global_id("Programme", new_id())))["deleteProject"]
    assert wrong["errors"] == [{"code": "WRONG_TYPE", "field": "id"}]


async def test_participants_and_funding_call(gql: GqlRunner, graph: GraphEngine) -> None:
    project = await create(gql)
    project_id = from_global_id(project["id"])[1]
    for name, role in (("CERTH", "coordinator"), ("AUTh", "participant")):
        organisation = await crud.create(
            graph, organisations.ORGANISATIONS, {"name": name, "kind": "RESEARCH_LAB"}
        )
        await relations.link(
            graph, relations.PARTICIPATED_IN, organisation["id"], project_id, {"role": role}
        )
    query = """
    query($id: ID!) {
      project(id: $id) {
        participants { role organisation { name projects { role project { acronym } } } }
        fundingCall { id }
      }
    }
    """
    found = data(await gql(query, id=project["id"]))["project"]
    assert found["fundingCall"] is None
    assert [(item["organisation"]["name"], item["role"]) for item in found["participants"]] == [
        ("AUTh", "participant"),
        ("CERTH", "coordinator"),
    ]
    assert found["participants"][0]["organisation"]["projects"] == [
        {"role": "participant", "project": {"acronym": None}}
    ]

    call = await funding_calls.create(
        graph,
        {
            "identifier": "HORIZON-CL5-2024-D6-01-01",
            "title": {"en": "Urban mobility"},
            "deadline": "2027-02-18T17:00:00+01:00",
        },
    )
    await relations.link(graph, relations.FUNDED_BY, project_id, call["id"])
    found = data(await gql(query, id=project["id"]))["project"]
    assert found["fundingCall"] == {"id": to_global_id("FundingCall", call["id"])}


async def test_pages_and_filters(gql: GqlRunner) -> None:
    for index in range(6):
        await create(
            gql,
            acronym=f"P{index}",
            title={"en": f"Project {index}"},
            programme="Horizon Europe" if index % 2 else "Interreg",
        )
    await create(gql, acronym="ΨΘ", title={"el": "Ψηφιακή ΘΕΣΣΑΛΟΝΊΚΗ"}, programme="ΕΣΠΑ")
    seen: list[str] = []
    after = None
    for expected in (3, 3, 1):
        page = data(await gql(LIST, first=3, after=after))["projects"]
        assert page["totalCount"] == 7 and len(page["edges"]) == expected
        seen += [edge["node"]["acronym"] for edge in page["edges"]]
        after = page["pageInfo"]["endCursor"]
    assert seen == ["P0", "P1", "P2", "P3", "P4", "P5", "ΨΘ"]

    horizon = data(await gql(LIST, filter={"programme": "HORIZON EUROPE"}))["projects"]
    assert [edge["node"]["acronym"] for edge in horizon["edges"]] == ["P1", "P3", "P5"]
    greek = data(await gql(LIST, filter={"text": "θεσσαλονικη"}))["projects"]
    assert [edge["node"]["title"]["text"] for edge in greek["edges"]] == ["Ψηφιακή ΘΕΣΣΑΛΟΝΊΚΗ"]
    espa = data(await gql(LIST, filter={"programme": "εσπα", "text": "ψηφιακη"}))["projects"]
    assert espa["totalCount"] == 1


async def test_a_page_of_projects_with_nested_fields_costs_constant_round_trips(
    gql: GqlRunner, graph: GraphEngine
) -> None:
    query = """
    { projects(first: 100) { edges { node {
        acronym participants { role organisation { name } } fundingCall { id }
    } } } }
    """
    partner = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "CERTH", "kind": "RESEARCH_LAB"}
    )
    created = 0

    async def add_projects(count: int) -> None:
        nonlocal created
        for _ in range(count):
            created += 1
            node = await projects.create(
                graph, {"title": {"en": f"Project {created}"}, "topics": ["AI"]}
            )
            await relations.link(
                graph, relations.PARTICIPATED_IN, partner["id"], node["id"], {"role": "participant"}
            )

    async def trips() -> int:
        before = graph.round_trips
        data(await gql(query))
        return graph.round_trips - before

    await add_projects(5)
    few = await trips()
    await add_projects(45)
    assert await trips() == few


async def test_the_total_is_counted_only_when_asked_for(gql: GqlRunner, graph: GraphEngine) -> None:
    for number in range(3):
        await projects.create(graph, {"title": {"en": f"Counted {number}"}, "topics": ["AI"]})

    async def trips(query: str) -> tuple[int, dict[str, Any]]:
        before = graph.round_trips
        found = data(await gql(query))["projects"]
        return graph.round_trips - before, found

    without, page = await trips("{ projects(first: 1) { edges { node { id } } } }")
    with_total, counted = await trips("{ projects(first: 1) { totalCount edges { node { id } } } }")
    assert with_total == without + 1
    assert "totalCount" not in page and counted["totalCount"] == 3
