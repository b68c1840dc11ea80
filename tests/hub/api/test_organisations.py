from __future__ import annotations

from tests.conftest import GqlRunner

CREATE = """
mutation Create($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) {
    organisation { id name kind city country pic description { el en text(lang: EL) } }
    errors { code field message }
  }
}
"""


async def test_create_and_read_back_verbatim(gql: GqlRunner) -> None:
    tricky = "Ο \"Δήμος\" {x} 'quote' \\ MATCH (n) DETACH DELETE n //"
    result = await gql(
        CREATE,
        input={
            "name": tricky,
            "kind": "PUBLIC_BODY",
            "city": "Θεσσαλονίκη",
            "country": "GR",
            "pic": "912345678",
            "description": {"en": "Smart city unit"},
        },
    )
    assert result.errors is None
    payload = result.data["createOrganisation"]  # type: ignore[index]
    assert payload["errors"] == []
    organisation = payload["organisation"]
    assert organisation["name"] == tricky
    assert organisation["country"] == "EL"
    assert organisation["description"]["text"] == "Smart city unit"

    read = await gql(
        "query($id: ID!) { node(id: $id) { id ... on Organisation { name } } }",
        id=organisation["id"],
    )
    assert read.data == {"node": {"id": organisation["id"], "name": tricky}}


async def test_invalid_input_names_each_field_and_writes_nothing(gql: GqlRunner) -> None:
    result = await gql(
        CREATE,
        input={
            "name": " ",
            "kind": "SME",
            "website": "javascript:alert(1)",
            "country": "XX",
            "latitude": 95.0,
        },
    )
    assert result.errors is None
    payload = result.data["createOrganisation"]  # type: ignore[index]
    assert payload["organisation"] is None
    fields = {error["field"] for error in payload["errors"]}
    assert {"input.name", "input.website", "input.country", "input.latitude"} <= fields
    listed = await gql("{ organisations { totalCount } }")
    assert listed.data == {"organisations": {"totalCount": 0}}


async def test_null_clears_the_list_fields(gql: GqlRunner) -> None:
    created = await gql(
        CREATE,
        input={
            "name": "Ωμέγα Robotics",
            "kind": "STARTUP",
            "sectors": ["ai", "robotics"],
            "capabilitiesOffered": ["vision"],
            "capabilitiesNeeded": ["funding"],
        },
    )
    assert created.errors is None, created.errors
    organisation_id = created.data["createOrganisation"]["organisation"]["id"]  # type: ignore[index]
    update = """
    mutation($id: ID!, $input: UpdateOrganisationInput!) {
      updateOrganisation(id: $id, input: $input) {
        organisation { name sectors capabilitiesOffered capabilitiesNeeded }
        errors { code field message }
      }
    }
    """
    cleared = await gql(update, id=organisation_id, input={"sectors": None})
    assert cleared.errors is None, cleared.errors
    assert cleared.data == {
        "updateOrganisation": {
            "organisation": {
                "name": "Ωμέγα Robotics",
                "sectors": [],
                "capabilitiesOffered": ["vision"],
                "capabilitiesNeeded": ["funding"],
            },
            "errors": [],
        }
    }
    both = await gql(
        update, id=organisation_id, input={"capabilitiesOffered": None, "capabilitiesNeeded": None}
    )
    payload = both.data["updateOrganisation"]  # type: ignore[index]
    assert payload["errors"] == []
    assert payload["organisation"]["capabilitiesOffered"] == []
    assert payload["organisation"]["capabilitiesNeeded"] == []
    filtered = await gql('{ organisations(filter: {sector: "ai"}) { totalCount } }')
    assert filtered.data == {"organisations": {"totalCount": 0}}
