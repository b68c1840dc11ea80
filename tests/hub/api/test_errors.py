"""Query-time errors: a stable code and the field they are about, in `extensions`."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest_asyncio
from starlette.applications import Starlette
from starlette.requests import Request

from graph import GraphEngine
from hub.api.context import Context, Loaders
from hub.api.schema import schema
from hub.graphql_http import graphql_route
from tests.conftest import GqlRunner

NAIVE_DEADLINE = '{ fundingCalls(filter: {deadlineFrom: "2099-01-01T00:00:00"}) { totalCount } }'


async def test_a_query_error_names_its_field(gql: GqlRunner) -> None:
    result = await gql(NAIVE_DEADLINE)
    assert result.data is None
    assert result.errors is not None and len(result.errors) == 1
    error = result.errors[0]
    assert error.message.startswith("filter.deadlineFrom: must include a UTC offset")
    assert error.extensions == {"field": "filter.deadlineFrom"}
    assert error.path == ["fundingCalls"]

    too_many = await gql("{ organisations(first: 500) { totalCount } }")
    assert too_many.errors is not None
    assert too_many.errors[0].extensions == {"field": "first"}


@pytest_asyncio.fixture
async def client(graph: GraphEngine) -> AsyncIterator[httpx.AsyncClient]:
    async def context(request: Request) -> Context:
        return Context(graph=graph, loaders=Loaders(graph))

    app = Starlette(routes=[graphql_route("/graphql", schema, context)])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hub.test") as client:
        yield client


async def test_the_endpoint_sends_the_field_with_the_code(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": NAIVE_DEADLINE})
    assert response.status_code == 200
    error = response.json()["errors"][0]
    assert error["extensions"] == {"field": "filter.deadlineFrom", "code": "INVALID"}
    assert error["path"] == ["fundingCalls"]

    response = await client.post(
        "/graphql", json={"query": '{ organisation(id: "not-an-id") { name } }'}
    )
    error = response.json()["errors"][0]
    assert error["extensions"] == {"field": "id", "code": "INVALID_ID"}
    assert response.json()["data"] == {"organisation": None}
