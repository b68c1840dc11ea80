"""Funding calls through GraphQL: round trips, typed errors, lookups, filters, batching."""

from __future__ import annotations

from typing import Any

from graph import GraphEngine
from hub.ecosystem import funding_calls, projects, relations
from hub.ecosystem.ids import new_id, to_global_id
from tests.conftest import GqlRunner

TRICKY = "Κλήση \"Έξυπνη\" {x} 'q' \\ MATCH (n) DETACH DELETE n // RETURN"
FIELDS = """
id identifier callIdentifier programme title { el en text(lang: EL) } description { en }
openingDate deadline timezone budgetMin budgetMax expectedGrants eligibleKinds
eligibleCountries sourceUrl status topics isDemo createdAt updatedAt
"""
CREATE = f"""
mutation Create($input: CreateFundingCallInput!) {{
  createFundingCall(input: $input) {{
    fundingCall {{ {FIELDS} }}
    errors {{ code field message }}
  }}
}}
"""
UPDATE = f"""
mutation Update($id: ID!, $input: UpdateFundingCallInput!) {{
  updateFundingCall(id: $id, input: $input) {{
    fundingCall {{ {FIELDS} }}
    errors {{ code field message }}
  }}
}}
"""
LIST = """
query List($filter: FundingCallFilter, $first: Int, $after: String) {
  fundingCalls(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { identifier status } }
  }
}
"""


def call_input(**overrides: Any) -> dict[str, Any]:
    return {
        "identifier": "HORIZON-CL5-2099-D2-01-04",
        "title": {"en": "Zero-emission urban logistics"},
        "deadline": "2099-02-18T17:00:00+01:00",
        **overrides,
    }


async def create(gql: GqlRunner, **overrides: Any) -> dict[str, Any]:
    result = await gql(CREATE, input=call_input(**overrides))
    assert result.errors is None, result.errors
    payload = result.data["createFundingCall"]  # type: ignore[index]
    assert payload["errors"] == []
    return dict(payload["fundingCall"])


async def test_create_and_read_back_verbatim(gql: GqlRunner) -> None:
    created = await create(
        gql,
        callIdentifier="HORIZON-CL5-2099-D2-01",
        programme="Horizon Europe",
        title={"el": TRICKY, "en": "Smart ports"},
        description={"en": "Ports and cities"},
        openingDate="2098-10-01T00:00:00+02:00",
        timezone="Europe/Brussels",
        budgetMin=2_000_000,
        budgetMax=9_000_000_000,
        expectedGrants=3,
        eligibleKinds=["SME", "UNIVERSITY"],
        eligibleCountries=["GR"],
        sourceUrl="https://ec.europa.eu/info/funding-tenders",
        topics=["Λιμάνια"],
    )
    assert created["title"] == {"el": TRICKY, "en": "Smart ports", "text": TRICKY}
    assert created["deadline"] == "2099-02-18T17:00:00+01:00"
    assert created["openingDate"] == "2098-10-01T00:00:00+02:00"
    assert created["budgetMax"] == 9_000_000_000
    assert created["eligibleKinds"] == ["SME", "UNIVERSITY"]
    assert created["eligibleCountries"] == ["EL"]
    assert created["status"] == "FORTHCOMING"
    assert created["topics"] == ["Λιμάνια"]
    assert created["isDemo"] is False

    read = await gql(
        f"query($identifier: String!) {{ fundingCall(identifier: $identifier) {{ {FIELDS} }} }}",
        identifier="HORIZON-CL5-2099-D2-01-04",
    )
    assert read.errors is None
    assert read.data == {"fundingCall": created}
    by_id = await gql(
        "query($id: ID!) { fundingCall(id: $id) { identifier } node(id: $id) { id } }",
        id=created["id"],
    )
    assert by_id.data == {
        "fundingCall": {"identifier": "HORIZON-CL5-2099-D2-01-04"},
        "node": {"id": created["id"]},
    }
    missing = await gql('{ fundingCall(identifier: "NOPE") { id } }')
    assert missing.errors is None and missing.data == {"fundingCall": None}


async def test_errors_have_a_code_and_name_the_field(gql: GqlRunner) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"deadline": "2099-02-18T17:00:00"}, "input.deadline"),
        ({"identifier": "HORIZON CL5"}, "input.identifier"),
        ({"title": {}}, "input.title"),
        ({"budgetMin": 5, "budgetMax": 4}, "input.budgetMax"),
        ({"budgetMin": 1.5}, "input.budgetMin"),
        ({"eligibleCountries": ["XX"]}, "input.eligibleCountries.0"),
        ({"timezone": "Nowhere/Town"}, "input.timezone"),
    ]
    for overrides, field in cases:
        result = await gql(CREATE, input=call_input(**overrides))
        assert result.errors is None
        payload = result.data["createFundingCall"]  # type: ignore[index]
        assert payload["fundingCall"] is None
        assert {(error["code"], error["field"]) for error in payload["errors"]} >= {
            ("INVALID", field)
        }, (overrides, payload["errors"])
    listed = await gql(LIST)
    assert listed.data["fundingCalls"]["totalCount"] == 0  # type: ignore[index]


async def test_duplicate_identifier_is_a_conflict(gql: GqlRunner) -> None:
    await create(gql)
    result = await gql(CREATE, input=call_input(title={"en": "Again"}))
    payload = result.data["createFundingCall"]  # type: ignore[index]
    assert payload["fundingCall"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("CONFLICT", "input.identifier")
    ]


async def test_update_clear_and_delete(gql: GqlRunner) -> None:
    created = await create(gql, programme="Horizon Europe", budgetMax=10, topics=["AI"])
    result = await gql(
        UPDATE,
        id=created["id"],
        input={"deadline": "2020-01-01T00:00:00Z", "programme": None, "budgetMax": None},
    )
    changed = result.data["updateFundingCall"]  # type: ignore[index]
    assert changed["errors"] == []
    call = changed["fundingCall"]
    assert call["status"] == "CLOSED"
    assert call["programme"] is None and call["budgetMax"] is None
    assert call["topics"] == ["AI"]
    assert call["title"]["en"] == "Zero-emission urban logistics"

    naive = await gql(UPDATE, id=created["id"], input={"deadline": "2099-01-01T00:00:00"})
    errors = naive.data["updateFundingCall"]["errors"]  # type: ignore[index]
    assert [(e["code"], e["field"]) for e in errors] == [("INVALID", "input.deadline")]

    removed = await gql(
        "mutation($id: ID!) { deleteFundingCall(id: $id) { deletedId errors { code } } }",
        id=created["id"],
    )
    assert removed.data == {"deleteFundingCall": {"deletedId": created["id"], "errors": []}}
    again = await gql(
        "mutation($id: ID!) { deleteFundingCall(id: $id) { deletedId errors { code field } } }",
        id=created["id"],
    )
    assert again.data == {
        "deleteFundingCall": {"deletedId": None, "errors": [{"code": "NOT_FOUND", "field": "id"}]}
    }
    wrong_type = await gql(UPDATE, id=to_global_id("Topic", new_id()), input={})
    errors = wrong_type.data["updateFundingCall"]["errors"]  # type: ignore[index]
    assert [(e["code"], e["field"]) for e in errors] == [("WRONG_TYPE", "id")]


async def test_list_filters_by_status_window_and_text(gql: GqlRunner) -> None:
    await create(gql, identifier="PAST", deadline="2020-05-01T17:00:00+02:00")
    await create(gql, identifier="NOW", deadline="2099-05-01T17:00:00+02:00", programme="EU4H")
    await create(
        gql,
        identifier="SOON",
        openingDate="2098-01-01T00:00:00Z",
        deadline="2099-06-01T17:00:00+02:00",
        title={"el": "Ανοικτά δεδομένα της ΘΕΣΣΑΛΟΝΊΚΗΣ"},
    )

    async def identifiers(**filter: Any) -> list[tuple[str, str]]:
        result = await gql(LIST, filter=filter)
        assert result.errors is None, result.errors
        edges = result.data["fundingCalls"]["edges"]  # type: ignore[index]
        return [(edge["node"]["identifier"], edge["node"]["status"]) for edge in edges]

    assert await identifiers() == [("PAST", "CLOSED"), ("NOW", "OPEN"), ("SOON", "FORTHCOMING")]
    assert await identifiers(status=["OPEN", "FORTHCOMING"]) == [
        ("NOW", "OPEN"),
        ("SOON", "FORTHCOMING"),
    ]
    assert await identifiers(deadlineFrom="2099-05-01T15:00:00Z") == [
        ("NOW", "OPEN"),
        ("SOON", "FORTHCOMING"),
    ]
    assert await identifiers(deadlineTo="2099-05-01T14:59:59Z") == [("PAST", "CLOSED")]
    assert await identifiers(text="θεσσαλονικης") == [("SOON", "FORTHCOMING")]
    assert await identifiers(programme="eu4h") == [("NOW", "OPEN")]
    assert await identifiers(country="EL", eligibleKind="NGO") == [
        ("PAST", "CLOSED"),
        ("NOW", "OPEN"),
        ("SOON", "FORTHCOMING"),
    ]

    naive = await gql(LIST, filter={"deadlineFrom": "2099-05-01T15:00:00"})
    assert naive.data is None and naive.errors is not None
    assert "filter.deadlineFrom" in naive.errors[0].message
    assert getattr(naive.errors[0].original_error, "code", None) == "INVALID"


async def test_three_pages(gql: GqlRunner) -> None:
    for day in range(10, 18):
        await create(gql, identifier=f"CALL-{day}", deadline=f"2099-03-{day}T12:00:00+01:00")
    seen: list[str] = []
    after = None
    for expected in (3, 3, 2):
        result = await gql(LIST, first=3, after=after)
        page = result.data["fundingCalls"]  # type: ignore[index]
        assert len(page["edges"]) == expected and page["totalCount"] == 8
        seen += [edge["node"]["identifier"] for edge in page["edges"]]
        after = page["pageInfo"]["endCursor"]
    assert not page["pageInfo"]["hasNextPage"]
    assert seen == [f"CALL-{day}" for day in range(10, 18)]


async def test_funded_projects_and_topics_cost_the_same_round_trips_for_50_as_for_5(
    graph: GraphEngine, gql: GqlRunner
) -> None:
    for index in range(50):
        call = await funding_calls.create(
            graph,
            {
                "identifier": f"CALL-{index:02d}",
                "title": {"en": f"Call {index}"},
                "deadline": f"2099-01-01T00:{index:02d}:00Z",
                "topics": ["AI", f"Topic {index % 7}"],
            },
        )
        project = await projects.create(graph, {"title": {"en": f"Project {index}"}})
        await relations.link(graph, relations.FUNDED_BY, project["id"], call["id"])
    query = """
    query($first: Int!) {
      fundingCalls(first: $first) {
        edges { node { identifier topics status fundedProjects { id title { en } } } }
      }
    }
    """

    async def cost(first: int) -> int:
        before = graph.round_trips
        result = await gql(query, first=first)
        assert result.errors is None, result.errors
        edges = result.data["fundingCalls"]["edges"]  # type: ignore[index]
        assert len(edges) == first
        funded = edges[-1]["node"]["fundedProjects"]
        assert [project["title"]["en"] for project in funded] == [f"Project {first - 1}"]
        return graph.round_trips - before

    assert await cost(50) == await cost(5) == 2  # page, funded projects (no totalCount asked)
