"""Networks through GraphQL: round trips, members, typed errors, and batched loading."""

from __future__ import annotations

from typing import Any

from graph import GraphEngine
from hub.ecosystem import crud, networks, organisations, programmes, relations
from hub.ecosystem.ids import from_global_id, new_id, to_global_id
from tests.conftest import GqlRunner

TRICKY = "Δίκτυο \"EEN\" {x} 'q' \\ MATCH (n) DETACH DELETE n //"
FIELDS = "id name kind description { el en } website isDemo createdAt updatedAt"
CREATE = f"""
mutation Create($input: CreateNetworkInput!) {{
  createNetwork(input: $input) {{ network {{ {FIELDS} }} errors {{ code field message }} }}
}}
"""
UPDATE = f"""
mutation Update($id: ID!, $input: UpdateNetworkInput!) {{
  updateNetwork(id: $id, input: $input) {{ network {{ {FIELDS} }} errors {{ code field message }} }}
}}
"""
DELETE = """
mutation Delete($id: ID!) { deleteNetwork(id: $id) { deletedId errors { code field message } } }
"""
READ = f"query Read($id: ID!) {{ network(id: $id) {{ {FIELDS} }} }}"
LIST = """
query List($first: Int, $after: String, $filter: NetworkFilter) {
  networks(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { name kind } }
  }
}
"""


def data(result: Any) -> dict[str, Any]:
    assert result.errors is None, result.errors
    assert result.data is not None
    return dict(result.data)


async def create(gql: GqlRunner, **fields: Any) -> dict[str, Any]:
    given = {"name": "Enterprise Europe Network", "kind": "EEN", **fields}
    payload = data(await gql(CREATE, input=given))["createNetwork"]
    assert payload["errors"] == []
    return dict(payload["network"])


async def test_create_read_update_delete(gql: GqlRunner) -> None:
    network = await create(
        gql, name=TRICKY, description={"el": "Δίκτυο"}, website="https://een.ec.europa.eu"
    )
    assert network["name"] == TRICKY
    assert network["kind"] == "EEN"
    assert network["description"] == {"el": "Δίκτυο", "en": None}
    assert network["createdAt"] == network["updatedAt"] != ""
    assert data(await gql(READ, id=network["id"]))["network"] == network
    node = await gql("query($id: ID!) { node(id: $id) { id } }", id=network["id"])
    assert data(node) == {"node": {"id": network["id"]}}

    updated = data(await gql(UPDATE, id=network["id"], input={"kind": "CLUSTER", "website": None}))
    changed = updated["updateNetwork"]["network"]
    assert changed["kind"] == "CLUSTER"
    assert changed["website"] is None
    assert changed["name"] == TRICKY
    assert changed["description"] == {"el": "Δίκτυο", "en": None}

    deleted = data(await gql(DELETE, id=network["id"]))["deleteNetwork"]
    assert deleted == {"deletedId": network["id"], "errors": []}
    assert data(await gql(READ, id=network["id"])) == {"network": None}


async def test_typed_errors_and_nothing_written(gql: GqlRunner) -> None:
    payload = data(await gql(CREATE, input={"name": "", "kind": "EEN", "website": "een"}))
    errors = payload["createNetwork"]["errors"]
    assert {(error["code"], error["field"]) for error in errors} == {
        ("INVALID", "input.name"),
        ("INVALID", "input.website"),
    }
    assert payload["createNetwork"]["network"] is None
    assert data(await gql(LIST))["networks"]["totalCount"] == 0

    missing = to_global_id("Network", new_id())
    update = data(await gql(UPDATE, id=missing, input={"name": "X"}))["updateNetwork"]
    assert [(e["code"], e["field"]) for e in update["errors"]] == [("NOT_FOUND", "id")]
    delete = data(await gql(DELETE, id=missing))["deleteNetwork"]
    assert [(e["code"], e["field"]) for e in delete["errors"]] == [("NOT_FOUND", "id")]
    network = await create(gql)
    cleared = data(await gql(UPDATE, id=network["id"], input={"name": None}))["updateNetwork"]
    assert cleared["errors"][0]["field"] == "input.name"
    assert data(await gql(READ, id=network["id"]))["network"]["name"] == network["name"]


async def test_members_and_member_count(gql: GqlRunner, graph: GraphEngine) -> None:
    network = await create(gql)
    network_id = from_global_id(network["id"])[1]
    for name, since in (("Zeta SME", 2019), ("Alpha Startup", None)):
        organisation = await crud.create(
            graph, organisations.ORGANISATIONS, {"name": name, "kind": "SME"}
        )
        await relations.link(
            graph, relations.MEMBER_OF, organisation["id"], network_id, {"since": since}
        )
    query = """
    query($id: ID!) {
      network(id: $id) {
        memberCount members { since organisation { name networks { since network { name } } } }
      }
    }
    """
    found = data(await gql(query, id=network["id"]))["network"]
    assert found["memberCount"] == 2
    assert found["members"] == [
        {
            "since": None,
            "organisation": {
                "name": "Alpha Startup",
                "networks": [{"since": None, "network": {"name": network["name"]}}],
            },
        },
        {
            "since": 2019,
            "organisation": {
                "name": "Zeta SME",
                "networks": [{"since": 2019, "network": {"name": network["name"]}}],
            },
        },
    ]


async def test_pages_and_filters(gql: GqlRunner) -> None:
    for index in range(6):
        await create(gql, name=f"Cluster {index}", kind="CLUSTER")
    await create(gql, name="Eurocities", kind="CITY_NETWORK", description={"el": "Θεσσαλονίκη"})
    seen: list[str] = []
    after = None
    for expected in (3, 3, 1):
        page = data(await gql(LIST, first=3, after=after))["networks"]
        assert page["totalCount"] == 7 and len(page["edges"]) == expected
        seen += [edge["node"]["name"] for edge in page["edges"]]
        after = page["pageInfo"]["endCursor"]
    assert page["pageInfo"]["hasNextPage"] is False
    assert seen == [*(f"Cluster {index}" for index in range(6)), "Eurocities"]

    cities = data(await gql(LIST, filter={"kind": "CITY_NETWORK"}))["networks"]
    assert [edge["node"]["name"] for edge in cities["edges"]] == ["Eurocities"]
    greek = data(await gql(LIST, filter={"text": "θεσσαλονικη"}))["networks"]
    assert greek["totalCount"] == 1
    bad = await gql(LIST, first=3, after="garbage!")
    assert bad.errors is not None
    assert bad.errors[0].message == "after: is not a cursor returned by this list"


async def test_a_page_of_organisations_with_networks_and_programmes_costs_constant_round_trips(
    gql: GqlRunner, graph: GraphEngine
) -> None:
    """5 or 50 organisations, each in networks and programmes: the same number of statements."""
    query = """
    { organisations(first: 100) { totalCount edges { node {
        name
        networks { since network { name kind memberCount members { organisation { name } } } }
        programmes { cohort programme { name runBy { name } participants { cohort } } }
    } } } }
    """
    een = await crud.create(graph, networks.NETWORKS, {"name": "EEN", "kind": "EEN"})
    cluster = await crud.create(graph, networks.NETWORKS, {"name": "Si-Cluster", "kind": "CLUSTER"})
    okthess = await crud.create(graph, programmes.PROGRAMMES, {"name": "OK!Thess"})
    created = 0

    async def add_organisations(count: int) -> None:
        nonlocal created
        for _ in range(count):
            created += 1
            node = await crud.create(
                graph, organisations.ORGANISATIONS, {"name": f"Org {created}", "kind": "STARTUP"}
            )
            for network in (een, cluster):
                await relations.link(
                    graph, relations.MEMBER_OF, node["id"], network["id"], {"since": 2020}
                )
            await relations.link(
                graph, relations.PARTICIPATES_IN, node["id"], okthess["id"], {"cohort": "7"}
            )
            await relations.link(graph, relations.RUNS, node["id"], okthess["id"])

    async def trips(expected: int) -> int:
        before = graph.round_trips
        result = data(await gql(query))["organisations"]
        assert result["totalCount"] == expected
        assert all(len(edge["node"]["networks"]) == 2 for edge in result["edges"])
        return graph.round_trips - before

    await add_organisations(5)
    few = await trips(5)
    await add_organisations(45)
    assert await trips(50) == few
