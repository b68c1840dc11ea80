"""People through GraphQL: round trips, typed errors and, above all, privacy."""

from __future__ import annotations

from typing import Any

from graph import GraphEngine
from hub.ecosystem import crud, organisations, people, programmes, relations
from hub.ecosystem.ids import from_global_id, new_id, to_global_id
from tests.conftest import GqlRunner

TRICKY = "Ο \"Δρ.\" {x} 'quote' \\ MATCH (n) DETACH DELETE n //"
PERSON_FIELDS = "id name roles bio { el en text(lang: EL) } skills website isPublic isDemo"
CREATE = f"""
mutation Create($input: CreatePersonInput!) {{
  createPerson(input: $input) {{ person {{ {PERSON_FIELDS} }} errors {{ code field message }} }}
}}
"""
UPDATE = f"""
mutation Update($id: ID!, $input: UpdatePersonInput!) {{
  updatePerson(id: $id, input: $input) {{
    person {{ {PERSON_FIELDS} }} errors {{ code field message }}
  }}
}}
"""
DELETE = """
mutation Delete($id: ID!) { deletePerson(id: $id) { deletedId errors { code field message } } }
"""
READ = f"query Read($id: ID!) {{ person(id: $id) {{ {PERSON_FIELDS} }} }}"
NODE = "query Node($id: ID!) { node(id: $id) { id ... on Person { name } } }"
LIST = """
query List($first: Int, $after: String, $filter: PersonFilter) {
  people(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } }
  }
}
"""


def data(result: Any) -> dict[str, Any]:
    assert result.errors is None, result.errors
    assert result.data is not None
    return dict(result.data)


async def create(gql: GqlRunner, **fields: Any) -> dict[str, Any]:
    payload = data(await gql(CREATE, input={"name": "Ελένη", "roles": ["RESEARCHER"], **fields}))
    assert payload["createPerson"]["errors"] == []
    return dict(payload["createPerson"]["person"])


async def test_create_and_read_back_verbatim(gql: GqlRunner) -> None:
    person = await create(
        gql,
        name=TRICKY,
        roles=["MENTOR", "FOUNDER"],
        bio={"el": "Ερευνήτρια", "en": "Researcher"},
        skills=["IoT", "Ανοικτά δεδομένα"],
        email="eleni@example.org",
        website="https://example.org",
        isPublic=True,
    )
    assert person["name"] == TRICKY
    assert person["roles"] == ["MENTOR", "FOUNDER"]
    assert person["bio"] == {"el": "Ερευνήτρια", "en": "Researcher", "text": "Ερευνήτρια"}
    assert person["skills"] == ["IoT", "Ανοικτά δεδομένα"]
    assert person["isPublic"] is True and person["isDemo"] is False

    assert data(await gql(READ, id=person["id"]))["person"] == person
    assert data(await gql(NODE, id=person["id"]))["node"] == {"id": person["id"], "name": TRICKY}
    listed = data(await gql(LIST))["people"]
    assert listed["totalCount"] == 1
    assert [edge["node"]["name"] for edge in listed["edges"]] == [TRICKY]


async def test_null_clears_the_skills(gql: GqlRunner) -> None:
    person = await create(gql, skills=["IoT", "AI"], isPublic=True)
    cleared = data(await gql(UPDATE, id=person["id"], input={"skills": None}))["updatePerson"]
    assert cleared["errors"] == []
    assert cleared["person"]["skills"] == []
    assert cleared["person"]["roles"] == ["RESEARCHER"]
    assert data(await gql(READ, id=person["id"]))["person"]["skills"] == []


async def test_email_is_not_part_of_the_person_type(gql: GqlRunner) -> None:
    fields = data(await gql('{ __type(name: "Person") { fields { name } } }'))
    names = {field["name"] for field in fields["__type"]["fields"]}
    assert "email" not in names
    assert {"name", "roles", "bio", "skills", "affiliations", "mentoring"} <= names
    queried = await gql(
        "query($id: ID!) { person(id: $id) { email } }", id=to_global_id("Person", new_id())
    )
    assert queried.errors is not None


async def test_private_people_are_hidden_everywhere_but_their_own_payload(
    gql: GqlRunner, graph: GraphEngine
) -> None:
    person = await create(gql, name="Κρυφή")
    assert person["isPublic"] is False
    organisation = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "AUTh", "kind": "UNIVERSITY"}
    )
    programme = await crud.create(graph, programmes.PROGRAMMES, {"name": "OK!Thess"})
    person_id = from_global_id(person["id"])[1]
    await relations.link(graph, relations.AFFILIATED_WITH, person_id, organisation["id"])
    await relations.link(graph, relations.MENTORS, person_id, programme["id"])
    around = """
    query($org: ID!, $programme: ID!) {
      organisation(id: $org) { people { person { name } role } }
      programme(id: $programme) { mentors { name } }
    }
    """
    ids = {
        "org": to_global_id("Organisation", organisation["id"]),
        "programme": to_global_id("Programme", programme["id"]),
    }

    assert data(await gql(READ, id=person["id"])) == {"person": None}
    assert data(await gql(NODE, id=person["id"])) == {"node": None}
    assert data(await gql(LIST))["people"]["totalCount"] == 0
    assert data(await gql(around, **ids)) == {
        "organisation": {"people": []},
        "programme": {"mentors": []},
    }

    updated = data(await gql(UPDATE, id=person["id"], input={"isPublic": True}))["updatePerson"]
    assert updated["errors"] == [] and updated["person"]["isPublic"] is True
    assert data(await gql(READ, id=person["id"]))["person"]["name"] == "Κρυφή"
    assert data(await gql(around, **ids)) == {
        "organisation": {"people": [{"person": {"name": "Κρυφή"}, "role": None}]},
        "programme": {"mentors": [{"name": "Κρυφή"}]},
    }

    hidden = data(await gql(UPDATE, id=person["id"], input={"isPublic": False}))["updatePerson"]
    assert hidden["person"]["isPublic"] is False
    assert data(await gql(READ, id=person["id"])) == {"person": None}


async def test_affiliations_and_mentoring(gql: GqlRunner, graph: GraphEngine) -> None:
    person = await create(gql, isPublic=True)
    node_id = from_global_id(person["id"])[1]
    for name in ("CERTH", "AUTh"):
        organisation = await crud.create(
            graph, organisations.ORGANISATIONS, {"name": name, "kind": "RESEARCH_LAB"}
        )
        await relations.link(
            graph, relations.AFFILIATED_WITH, node_id, organisation["id"], {"role": "Researcher"}
        )
    programme = await crud.create(graph, programmes.PROGRAMMES, {"name": "OK!Thess"})
    await relations.link(graph, relations.MENTORS, node_id, programme["id"])
    query = """
    query($id: ID!) {
      person(id: $id) { affiliations { organisation { name } role } mentoring { name } }
    }
    """
    assert data(await gql(query, id=person["id"]))["person"] == {
        "affiliations": [
            {"organisation": {"name": "AUTh"}, "role": "Researcher"},
            {"organisation": {"name": "CERTH"}, "role": "Researcher"},
        ],
        "mentoring": [{"name": "OK!Thess"}],
    }


async def test_invalid_input_gives_typed_errors_and_writes_nothing(
    gql: GqlRunner, graph: GraphEngine
) -> None:
    result = await gql(
        CREATE,
        input={
            "name": "  ",
            "roles": [],
            "email": "nobody",
            "website": "javascript:alert(1)",
            "isPublic": True,
        },
    )
    payload = data(result)["createPerson"]
    assert payload["person"] is None
    errors = {error["field"]: error["code"] for error in payload["errors"]}
    assert errors == {
        "input.name": "INVALID",
        "input.roles": "INVALID",
        "input.email": "INVALID",
        "input.website": "INVALID",
    }
    assert data(await gql(LIST))["people"]["totalCount"] == 0
    rows = await graph.run(people.PERSON.count, {"role": None, "text": None})
    assert rows[0]["total"] == 0


async def test_update_clears_with_null_and_keeps_absent_fields(gql: GqlRunner) -> None:
    person = await create(
        gql, website="https://a.example", skills=["AI"], bio={"en": "Bio"}, isPublic=True
    )
    payload = data(await gql(UPDATE, id=person["id"], input={"website": None, "name": "Νέο"}))
    updated = payload["updatePerson"]["person"]
    assert updated["website"] is None
    assert updated["name"] == "Νέο"
    assert updated["skills"] == ["AI"]
    assert updated["bio"]["en"] == "Bio"

    failed = data(await gql(UPDATE, id=person["id"], input={"roles": [], "name": "X"}))
    assert failed["updatePerson"]["errors"][0]["field"] == "input.roles"
    assert data(await gql(READ, id=person["id"]))["person"]["name"] == "Νέο"


async def test_unknown_and_malformed_ids(gql: GqlRunner) -> None:
    missing = to_global_id("Person", new_id())
    update = data(await gql(UPDATE, id=missing, input={"name": "X"}))["updatePerson"]
    assert update["errors"] == [
        {"code": "NOT_FOUND", "field": "id", "message": "no Person has this id"}
    ]
    delete = data(await gql(DELETE, id=missing))["deletePerson"]
    assert delete["deletedId"] is None and delete["errors"][0]["code"] == "NOT_FOUND"
    garbage = data(await gql(DELETE, id="not-an-id"))["deletePerson"]
    assert garbage["errors"][0]["code"] == "INVALID_ID"
    wrong = to_global_id("Organisation", new_id())
    mistyped = data(await gql(UPDATE, id=wrong, input={"name": "X"}))["updatePerson"]
    assert mistyped["errors"][0]["code"] == "WRONG_TYPE"
    assert data(await gql(READ, id=missing)) == {"person": None}


async def test_delete(gql: GqlRunner) -> None:
    person = await create(gql, isPublic=True)
    deleted = data(await gql(DELETE, id=person["id"]))["deletePerson"]
    assert deleted == {"deletedId": person["id"], "errors": []}
    assert data(await gql(READ, id=person["id"])) == {"person": None}


async def test_pages_and_filters(gql: GqlRunner) -> None:
    for index in range(5):
        await create(gql, name=f"Mentor {index}", roles=["MENTOR"], isPublic=True)
    await create(gql, name="Ιδρύτρια", roles=["FOUNDER"], bio={"el": "Θεσσαλονίκη"}, isPublic=True)
    await create(gql, name="Ιδιώτης", roles=["FOUNDER"], bio={"el": "Θεσσαλονίκη"})
    names: list[str] = []
    after = None
    for expected in (3, 3, 0):
        page = data(await gql(LIST, first=3, after=after))["people"]
        assert page["totalCount"] == 6
        assert len(page["edges"]) == expected
        names += [edge["node"]["name"] for edge in page["edges"]]
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
    assert names == ["Mentor 0", "Mentor 1", "Mentor 2", "Mentor 3", "Mentor 4", "Ιδρύτρια"]

    founders = data(await gql(LIST, filter={"role": "FOUNDER"}))["people"]
    assert [edge["node"]["name"] for edge in founders["edges"]] == ["Ιδρύτρια"]
    greek = data(await gql(LIST, filter={"text": "ΘΕΣΣΑΛΟΝΙΚΗ"}))["people"]
    assert [edge["node"]["name"] for edge in greek["edges"]] == ["Ιδρύτρια"]
    assert greek["totalCount"] == 1


async def test_a_page_of_people_with_nested_fields_costs_constant_round_trips(
    gql: GqlRunner, graph: GraphEngine
) -> None:
    query = """
    { people(first: 100) { edges { node {
        name affiliations { organisation { name } role } mentoring { name mentors { name } }
    } } } }
    """
    organisation = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "AUTh", "kind": "UNIVERSITY"}
    )
    programme = await crud.create(graph, programmes.PROGRAMMES, {"name": "OK!Thess"})

    async def add_people(count: int) -> None:
        for index in range(count):
            node = await crud.create(
                graph,
                people.PEOPLE,
                {"name": f"P{index}", "roles": ["MENTOR"], "is_public": True},
            )
            await relations.link(graph, relations.AFFILIATED_WITH, node["id"], organisation["id"])
            await relations.link(graph, relations.MENTORS, node["id"], programme["id"])

    async def trips() -> int:
        before = graph.round_trips
        result = data(await gql(query))
        assert result["people"]["edges"]
        return graph.round_trips - before

    await add_people(5)
    few = await trips()
    await add_people(45)
    assert await trips() == few
