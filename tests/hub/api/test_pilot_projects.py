"""Pilot projects through GraphQL: round trips, errors, relations via `link`, public people."""

from __future__ import annotations

from typing import Any

from tests.conftest import GqlRunner

TRICKY = "Πιλότος \"μετρό\" {x} 'q' \\ MATCH (n) DETACH DELETE n // RETURN"
FIELDS = """
id title { el en } problem { el en } testSite partnersSought status topics isDemo
createdAt updatedAt
"""
CREATE = f"""
mutation Create($input: CreatePilotProjectInput!) {{
  createPilotProject(input: $input) {{
    pilotProject {{ {FIELDS} }}
    errors {{ code field message }}
  }}
}}
"""
UPDATE = f"""
mutation Update($id: ID!, $input: UpdatePilotProjectInput!) {{
  updatePilotProject(id: $id, input: $input) {{
    pilotProject {{ {FIELDS} }}
    errors {{ code field message }}
  }}
}}
"""
LINK = """
mutation Link($relation: RelationType!, $from: ID!, $to: ID!) {
  link(relation: $relation, fromId: $from, toId: $to) { ok errors { code field } }
}
"""


async def create_pilot(gql: GqlRunner, **input: Any) -> dict[str, Any]:
    result = await gql(CREATE, input={"title": {"en": "Metro crowding"}, **input})
    assert result.errors is None, result.errors
    payload = result.data["createPilotProject"]  # type: ignore[index]
    assert payload["errors"] == []
    return dict(payload["pilotProject"])


async def created_id(gql: GqlRunner, mutation: str, name: str, input: dict[str, Any]) -> str:
    result = await gql(
        f"mutation($input: Create{name}Input!) {{ create{name}(input: $input) "
        f"{{ {mutation} {{ id }} errors {{ field }} }} }}",
        input=input,
    )
    assert result.errors is None, result.errors
    return str(result.data[f"create{name}"][mutation]["id"])  # type: ignore[index]


async def test_create_update_and_read_back(gql: GqlRunner) -> None:
    created = await create_pilot(
        gql,
        title={"el": TRICKY, "en": "Crowding"},
        problem={"el": "Συνωστισμός στις ώρες αιχμής"},
        testSite="Venizelou station",
        partnersSought=["SME", "RESEARCH_LAB"],
        topics=["Κινητικότητα"],
    )
    assert created["title"] == {"el": TRICKY, "en": "Crowding"}
    assert created["status"] == "DRAFT"
    assert created["partnersSought"] == ["SME", "RESEARCH_LAB"]
    read = await gql(
        f"query($id: ID!) {{ pilotProject(id: $id) {{ {FIELDS} }} }}", id=created["id"]
    )
    assert read.data == {"pilotProject": created}

    result = await gql(UPDATE, id=created["id"], input={"status": "OPEN", "testSite": None})
    changed = result.data["updatePilotProject"]["pilotProject"]  # type: ignore[index]
    assert changed["status"] == "OPEN" and changed["testSite"] is None
    assert changed["problem"] == {"el": "Συνωστισμός στις ώρες αιχμής", "en": None}


async def test_errors_have_a_code_and_name_the_field(gql: GqlRunner) -> None:
    result = await gql(CREATE, input={"title": {"el": " "}, "testSite": "x" * 400})
    payload = result.data["createPilotProject"]  # type: ignore[index]
    assert payload["pilotProject"] is None
    assert {(e["code"], e["field"]) for e in payload["errors"]} == {
        ("INVALID", "input.title"),
        ("INVALID", "input.testSite"),
    }
    listed = await gql("{ pilotProjects { totalCount } }")
    assert listed.data == {"pilotProjects": {"totalCount": 0}}


async def test_posted_by_shows_public_people_only_with_hosts_and_partners(gql: GqlRunner) -> None:
    pilot = await create_pilot(gql)
    public = await created_id(
        gql, "person", "Person", {"name": "Ελένη", "roles": ["RESEARCHER"], "isPublic": True}
    )
    private = await created_id(gql, "person", "Person", {"name": "Κρυφός", "roles": ["RESEARCHER"]})
    host = await created_id(
        gql, "organisation", "Organisation", {"name": "ΣΤΑΣΥ", "kind": "PUBLIC_BODY"}
    )
    partner = await created_id(
        gql, "organisation", "Organisation", {"name": "IoT Co", "kind": "SME"}
    )
    for relation, source in (
        ("POSTED", public), ("POSTED", private), ("HOSTS", host), ("PARTNER_IN", partner),
    ):  # fmt: skip
        linked = await gql(LINK, relation=relation, **{"from": source, "to": pilot["id"]})
        assert linked.data == {"link": {"ok": True, "errors": []}}

    result = await gql(
        "query($id: ID!) { pilotProject(id: $id) { postedBy { name } hosts { name } "
        "partners { name } } }",
        id=pilot["id"],
    )
    assert result.errors is None, result.errors
    assert result.data == {
        "pilotProject": {
            "postedBy": [{"name": "Ελένη"}],
            "hosts": [{"name": "ΣΤΑΣΥ"}],
            "partners": [{"name": "IoT Co"}],
        }
    }


async def test_list_filters(gql: GqlRunner) -> None:
    await create_pilot(gql, title={"en": "Air"}, status="OPEN", partnersSought=["SME"])
    await create_pilot(gql, title={"en": "Bus"}, status="COMPLETED", testSite="Θεσσαλονίκη")
    await create_pilot(gql, title={"en": "Cargo"})

    async def titles(**filter: Any) -> list[str]:
        result = await gql(
            "query($filter: PilotProjectFilter) { pilotProjects(filter: $filter) "
            "{ totalCount edges { node { title { en } } } } }",
            filter=filter,
        )
        assert result.errors is None, result.errors
        edges = result.data["pilotProjects"]["edges"]  # type: ignore[index]
        return [edge["node"]["title"]["en"] for edge in edges]

    assert await titles() == ["Air", "Bus", "Cargo"]
    assert await titles(status=["OPEN", "DRAFT"]) == ["Air", "Cargo"]
    assert await titles(partnerKind="SME") == ["Air"]
    assert await titles(text="ΘΕΣΣΑΛΟΝΙΚΗ") == ["Bus"]


async def test_delete_and_unknown_ids(gql: GqlRunner) -> None:
    pilot = await create_pilot(gql)
    delete = "mutation($id: ID!) { deletePilotProject(id: $id) { deletedId errors { code } } }"
    first = await gql(delete, id=pilot["id"])
    assert first.data == {"deletePilotProject": {"deletedId": pilot["id"], "errors": []}}
    second = await gql(delete, id=pilot["id"])
    assert second.data == {
        "deletePilotProject": {"deletedId": None, "errors": [{"code": "NOT_FOUND"}]}
    }
    update = await gql(UPDATE, id=pilot["id"], input={"status": "OPEN"})
    errors = update.data["updatePilotProject"]["errors"]  # type: ignore[index]
    assert [(e["code"], e["field"]) for e in errors] == [("NOT_FOUND", "id")]
    gone = await gql("query($id: ID!) { pilotProject(id: $id) { id } }", id=pilot["id"])
    assert gone.data == {"pilotProject": None}
