"""Hostile and broken inputs through every text, id, number and date argument of the API,
over HTTP through the real app, as an administrator's API token: each is stored verbatim
(trimmed of surrounding whitespace) or refused with a clear error naming the field (or the
variable), never a 500.

Every leaf argument of every query and mutation (found in the schema, nested inputs
included) gets a rotating share of the corpus (every value reaches many arguments); the
whole corpus goes through the create-and-read-back paths, a filter and `node(id:)`.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

import httpx
from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    get_named_type,
)
from graphql.pyutils import Undefined

from graph import Statement
from graph.falkordb_engine import FalkorDBEngine
from hub.api.schema import schema
from hub.auth import tokens
from hub.auth.viewer import GlobalRole, Scope
from hub.ecosystem import (
    crud,
    funding_calls,
    networks,
    organisations,
    pilot_projects,
    programmes,
    projects,
)
from hub.ecosystem.ids import new_id, to_global_id
from tests.hub.auth.conftest import AppFactory, make_account
from tests.hub.auth.hostile import DATES, HUGE, NUMBERS, TEXTS

GQL = {"Accept": "application/graphql-response+json"}
SHARE = 12  # corpus values per leaf argument
TEXT_TYPES = {"String", "ID"}
NUMBER_TYPES = {"Int", "Float"}
DATE_TYPES = {"Date", "DateTime"}
# GraphQL-level codes: the message names the variable and the path inside it.
REQUEST_CODES = {
    "BAD_USER_INPUT",
    "GRAPHQL_VALIDATION_FAILED",
    "GRAPHQL_PARSE_FAILED",
    "PAYLOAD_TOO_LARGE",
}
# Not about the input: who may do it, or deliberately silent about which field was wrong.
UNNAMED_CODES = {"INVALID_CREDENTIALS", "FORBIDDEN", "UNAUTHENTICATED", "CSRF_FAILED"}


@dataclass(frozen=True)
class Leaf:
    root: str  # "query" or "mutation"
    field: str
    path: tuple[str, ...]  # argument name, then input fields
    type_name: str
    is_list: bool


def _unwrap_list(type_: GraphQLInputType) -> bool:
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    return isinstance(inner, GraphQLList)


def _leaves(
    root: str, field: str, path: tuple[str, ...], type_: GraphQLInputType, seen: tuple[str, ...]
) -> list[Leaf]:
    named = get_named_type(type_)
    if isinstance(named, GraphQLInputObjectType):
        if named.name in seen:
            return []
        found: list[Leaf] = []
        for name, item in named.fields.items():
            found += _leaves(root, field, (*path, name), item.type, (*seen, named.name))
        return found
    return [Leaf(root, field, path, named.name, _unwrap_list(type_))]


def all_leaves() -> list[Leaf]:
    found: list[Leaf] = []
    for root, type_ in (
        ("query", schema._schema.query_type),
        ("mutation", schema._schema.mutation_type),
    ):
        assert type_ is not None
        for name, field in type_.fields.items():
            for arg_name, argument in field.args.items():
                found += _leaves(root, name, (arg_name,), argument.type, ())
    return found


# A real node of each type, for the id arguments a request needs besides the hostile one
# (filled by `admin_client`); an argument named `fundingCallId` gets the FundingCall.
EXISTING: dict[str, str] = {}


def _existing_id(name: str) -> str:
    guess = name[:-2] if name.endswith("Id") else "Organisation"
    type_name = guess[:1].upper() + guess[1:]
    return (
        EXISTING.get(type_name)
        or EXISTING.get("Organisation")
        or to_global_id("Organisation", new_id())
    )


def _baseline(type_: GraphQLInputType, name: str = "") -> Any:
    """A plain valid-looking value for a required input of this type."""
    named = get_named_type(type_)
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(inner, GraphQLList):
        return [_baseline(inner.of_type, name)]
    if isinstance(named, GraphQLInputObjectType):
        return {
            key: _baseline(item.type, key) for key, item in named.fields.items() if _required(item)
        }
    if isinstance(named, GraphQLEnumType):
        return next(iter(named.values))
    return {
        "String": "x",
        "ID": _existing_id(name),
        "Int": 1,
        "Float": 1.0,
        "Boolean": False,
        "Date": "2030-01-01",
        "DateTime": "2030-01-01T00:00:00+00:00",
    }.get(named.name, "x")


def _required(item: GraphQLArgument | GraphQLInputField) -> bool:
    return isinstance(item.type, GraphQLNonNull) and item.default_value is Undefined


def _selection(field: GraphQLField) -> str:
    named = get_named_type(field.type)
    if not isinstance(named, GraphQLObjectType):
        return ""
    parts = ["__typename"]
    if "errors" in named.fields:
        parts.append("errors { code field message }")
    return "{ " + " ".join(parts) + " }"


def request_for(leaf: Leaf, value: object) -> dict[str, Any]:
    root_type = schema._schema.query_type if leaf.root == "query" else schema._schema.mutation_type
    assert root_type is not None
    field = root_type.fields[leaf.field]
    variables: dict[str, Any] = {}
    for name, argument in field.args.items():
        if _required(argument) or name == leaf.path[0]:
            variables[name] = _baseline(argument.type, name) if _required(argument) else None
    target: Any = variables
    for part in leaf.path[:-1]:
        if not isinstance(target.get(part), dict):
            target[part] = {}
        target = target[part]
    target[leaf.path[-1]] = [value] if leaf.is_list else value
    declared = ", ".join(f"${name}: {field.args[name].type}" for name in variables)
    arguments = ", ".join(f"{name}: ${name}" for name in variables)
    head = f"{leaf.root}({declared})" if declared else leaf.root
    call = f"{leaf.field}({arguments})" if arguments else leaf.field
    return {"query": f"{head} {{ {call} {_selection(field)} }}", "variables": variables}


async def send(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    """POST a body as JSON with non-ASCII escaped, as most clients send it (a lone
    surrogate then travels as the escape `\\ud800`)."""
    return await client.post(
        "/graphql",
        content=json.dumps(body).encode("ascii"),
        headers={"Content-Type": "application/json"},
    )


def problems(response: httpx.Response, what: str) -> list[str]:
    """What is wrong with one answer: a 5xx, a masked internal error, an unnamed field."""
    found: list[str] = []
    if response.status_code >= 500 or response.status_code not in (200, 400, 413):
        return [f"{what}: HTTP {response.status_code} {response.text[:300]}"]
    body = response.json()
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if code == "INTERNAL" or not error.get("message"):
            found.append(f"{what}: internal error {error}")
        elif code not in REQUEST_CODES and not (error.get("extensions") or {}).get("field"):
            found.append(f"{what}: error without a field {error}")
    for payload in (body.get("data") or {}).values():
        if not isinstance(payload, dict):
            continue
        for error in payload.get("errors") or []:
            if error["code"] not in UNNAMED_CODES and not error.get("field"):
                found.append(f"{what}: payload error without a field {error}")
    return found


SEED_CHALLENGE = Statement(
    name="test_hostile_challenge",
    cypher="CREATE (c:Entity:Challenge {id: $id, name: 'C', sort_key: 'c', key: $id}) "
    "RETURN c.id AS id",
    write=True,
)


async def admin_client(app_client: AppFactory, graph: FalkorDBEngine) -> httpx.AsyncClient:
    """An administrator's WRITE token on the real app, and one node of each common type."""
    admin = await make_account(graph, "root@example.org", roles=(GlobalRole.ADMIN,))
    assert admin.account_id is not None and admin.person_id is not None
    _, secret = await tokens.create_api_token(
        graph, admin.account_id, "corpus", [Scope.READ, Scope.WRITE]
    )
    seeds: dict[str, tuple[crud.Resource[Any], dict[str, Any]]] = {
        "Organisation": (organisations.ORGANISATIONS, {"name": "O", "kind": "SME"}),
        "Network": (networks.NETWORKS, {"name": "N", "kind": "EEN"}),
        "Programme": (programmes.PROGRAMMES, {"name": "P"}),
        "Project": (projects.PROJECTS, {"title": {"en": "P"}}),
        "PilotProject": (pilot_projects.PILOT_PROJECTS, {"title": {"en": "P"}}),
        "FundingCall": (
            funding_calls.FUNDING_CALLS,
            {"identifier": "C-1", "title": {"en": "C"}, "deadline": "2030-01-01T12:00:00+00:00"},
        ),
    }
    EXISTING.clear()
    for type_name, (resource, data) in seeds.items():
        node = await crud.create(graph, resource, data)
        EXISTING[type_name] = to_global_id(type_name, str(node["id"]))
    EXISTING["Person"] = to_global_id("Person", admin.person_id)
    challenge = (await graph.run(SEED_CHALLENGE, {"id": new_id()}))[0]["id"]
    EXISTING["Challenge"] = to_global_id("Challenge", str(challenge))
    client = await app_client(HUB_RATE_LIMIT_ACCOUNT="10000000")
    client.headers.update({**GQL, "Authorization": f"Bearer {secret}"})
    return client


def test_the_corpus_is_large_and_reaches_every_argument() -> None:
    assert len(TEXTS) + len(NUMBERS) + len(HUGE) >= 200
    leaves = all_leaves()
    text_leaves = [leaf for leaf in leaves if leaf.type_name in TEXT_TYPES]
    assert len(text_leaves) > 100
    assert any(leaf.path == ("input", "description", "el") for leaf in text_leaves)


async def test_every_argument_gets_its_share_of_the_corpus(
    app_client: AppFactory, graph: FalkorDBEngine
) -> None:
    client = await admin_client(app_client, graph)
    found: list[str] = []
    sent = 0
    texts = itertools.cycle(TEXTS)
    numbers = itertools.cycle(NUMBERS)
    dates = itertools.cycle(DATES + TEXTS[:40])
    for leaf in all_leaves():
        if leaf.type_name in TEXT_TYPES:
            values = [next(texts) for _ in range(SHARE)]
        elif leaf.type_name in NUMBER_TYPES:
            values = [next(numbers) for _ in range(SHARE // 2)]
        elif leaf.type_name in DATE_TYPES:
            values = [next(dates) for _ in range(SHARE)]
        else:
            values = ["NOT_A_VALUE", "", 1]  # enums and booleans: coercion errors
        for value in values:
            response = await send(client, request_for(leaf, value))
            sent += 1
            found += problems(response, f"{leaf.field}({'.'.join(leaf.path)}={value!r:.60})")
    assert found == [], "\n".join(found)
    assert sent > 1_500


async def test_the_whole_corpus_is_stored_verbatim_or_refused_by_field(
    app_client: AppFactory, graph: FalkorDBEngine
) -> None:
    client = await admin_client(app_client, graph)
    create = """
    mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) {
      organisation { id name description { el } } errors { code field message } } }
    """
    read = "query($id: ID!) { node(id: $id) { ... on Organisation { name description { el } } } }"
    stored = refused = 0
    found: list[str] = []
    for value in [*TEXTS, *HUGE[:2]]:
        response = await send(
            client,
            {
                "query": create,
                "variables": {
                    "input": {"name": value, "kind": "SME", "description": {"el": value}}
                },
            },
        )
        found += problems(response, f"createOrganisation({value!r:.60})")
        if response.status_code != 200:
            continue
        payload = response.json()["data"]["createOrganisation"]
        if payload["errors"]:
            refused += 1
            fields = {error["field"] for error in payload["errors"]}
            if not fields <= {"input.name", "input.description.el"}:
                found.append(f"{value!r:.60}: refused for {fields}")
            continue
        stored += 1
        organisation = payload["organisation"]
        back = await send(client, {"query": read, "variables": {"id": organisation["id"]}})
        node = back.json()["data"]["node"]
        if node != {"name": value.strip(), "description": {"el": value.strip()}}:
            found.append(f"{value!r:.60}: read back as {json.dumps(node)[:120]}")
        for text in ("filter", "id"):
            query = (
                "query($v: String) { organisations(filter: {text: $v}) { totalCount } }"
                if text == "filter"
                else "query($v: ID!) { node(id: $v) { id } }"
            )
            answer = await send(client, {"query": query, "variables": {"v": value}})
            found += problems(answer, f"{text}({value!r:.60})")
    assert found == [], "\n".join(found)
    assert stored > 200 and refused >= 25


async def test_huge_bodies_and_numbers_are_refused_clearly(
    app_client: AppFactory, graph: FalkorDBEngine
) -> None:
    client = await admin_client(app_client, graph)
    too_big = await client.post(
        "/graphql",
        json={
            "query": "query($v: String) { organisations(filter: {text: $v}) { totalCount } }",
            "variables": {"v": HUGE[2]},
        },
    )
    assert too_big.status_code == 413
    assert too_big.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    huge_name = await client.post(
        "/graphql",
        json={
            "query": "mutation($n: String!) { createOrganisation(input: {name: $n, kind: SME}) "
            "{ errors { field message } } }",
            "variables": {"n": HUGE[0]},
        },
    )
    assert huge_name.json()["data"]["createOrganisation"]["errors"] == [
        {"field": "input.name", "message": "must be at most 300 characters"}
    ]
    big_number = await send(
        client,
        {
            "query": 'query($n: Int!) { path(fromId: "x", toId: "y", maxDepth: $n) '
            "{ __typename } }",
            "variables": {"n": 2**63},
        },
    )
    assert big_number.status_code == 400
    (error,) = big_number.json()["errors"]
    assert error["extensions"]["code"] in REQUEST_CODES and "$n" in error["message"]
    literal = await send(
        client, {"query": '{ organisations(filter: {text: "a\\u0000b"}) { totalCount } }'}
    )
    assert literal.status_code == 400
    (error,) = literal.json()["errors"]
    assert error["extensions"] == {"field": "filter.text", "code": "INVALID"}
    assert "null character" in error["message"]


# Lists that still allow more than 100 items a page (issue 5 asks for 100): each must at
# least refuse more than its own maximum. To be brought down to 100 by their owners.
LARGER_PAGES: dict[str, int] = {}


async def test_every_page_holds_at_most_100(app_client: AppFactory, graph: FalkorDBEngine) -> None:
    client = await admin_client(app_client, graph)
    pages = [leaf for leaf in all_leaves() if leaf.path == ("first",)]
    assert len(pages) >= 10
    for leaf in pages:
        maximum = LARGER_PAGES.get(leaf.field, 100)
        too_many = (await send(client, request_for(leaf, maximum + 1))).json()
        errors = [*too_many.get("errors", [])]
        for payload in (too_many.get("data") or {}).values():
            if isinstance(payload, dict):
                errors += payload.get("errors") or []
        named = [
            error
            for error in errors
            if "first" in ((error.get("extensions") or {}).get("field"), error.get("field"))
        ]
        assert named, (leaf.field, too_many)
        assert str(maximum) in str(named[0]), named
