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
