"""The HTTP side of the real app: rate limits in Redis (429 + Retry-After), security
headers, CORS, and the operation limits as HTTP answers."""

from __future__ import annotations

import base64
import hashlib
import re

import httpx

from graph.falkordb_engine import FalkorDBEngine
from hub.auth import tokens
from hub.auth.viewer import Scope
from hub.graphiql import graphiql_html
from tests.hub.auth.conftest import AppFactory, make_account

GQL = {"Accept": "application/graphql-response+json"}
QUERY = {"query": "{ organisations { totalCount } }"}


async def test_anonymous_addresses_are_limited_each_on_its_own(app_client: AppFactory) -> None:
    client = await app_client(HUB_RATE_LIMIT_ANONYMOUS="3")
    statuses = [
        (await client.post("/graphql", json=QUERY, headers=GQL)).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 200]
    limited = await client.post("/graphql", json=QUERY, headers=GQL)
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    error = limited.json()["errors"][0]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert "at most 3 a minute from one address" in error["message"]
    # another address (another client) has its own count
    other = await app_client(HUB_RATE_LIMIT_ANONYMOUS="3")
    assert (await other.post("/graphql", json=QUERY, headers=GQL)).status_code == 200
    # other paths are not counted
    assert (await client.get("/health")).status_code == 200


async def test_an_account_is_limited_wherever_it_comes_from(
    app_client: AppFactory, graph: FalkorDBEngine
) -> None:
    viewer = await make_account(graph, "busy@example.org")
    assert viewer.account_id is not None
    _, secret = await tokens.create_api_token(graph, viewer.account_id, "busy", [Scope.READ])
    headers = {**GQL, "Authorization": f"Bearer {secret}"}
    settings = {"HUB_RATE_LIMIT_ACCOUNT": "2", "HUB_RATE_LIMIT_ANONYMOUS": "100"}
    first = await app_client(**settings)
    second = await app_client(**settings)
    assert (await first.post("/graphql", json=QUERY, headers=headers)).status_code == 200
    assert (await second.post("/graphql", json=QUERY, headers=headers)).status_code == 200
    limited = await second.post("/graphql", json=QUERY, headers=headers)
    assert limited.status_code == 429 and "for an account" in limited.text
    assert int(limited.headers["retry-after"]) > 0
    # the same addresses without the token still have their own anonymous allowance
    assert (await first.post("/graphql", json=QUERY, headers=GQL)).status_code == 200


def csp_directives(response: httpx.Response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    return {part.split(" ", 1)[0]: part for part in (p.strip() for p in policy.split(";"))}


async def test_security_headers_everywhere_and_graphiqls_script_allowed_by_hash(
    app_client: AppFactory,
) -> None:
    client = await app_client()
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    answers = [
        page,
        await client.post("/graphql", json=QUERY, headers=GQL),
        await client.get("/health"),
        await client.get("/ready"),
        await client.get("/graphiql/assets/nothing.js"),
    ]
    for response in answers:
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-frame-options"] == "DENY"
        directives = csp_directives(response)
        assert directives["frame-ancestors"] == "frame-ancestors 'none'"
        assert directives["object-src"] == "object-src 'none'"
        assert "strict-transport-security" in response.headers  # the client speaks https
    (inline,) = re.findall(r"<script>(.*?)</script>", page.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp_directives(page)["script-src"]
    assert "'unsafe-inline'" not in csp_directives(page)["script-src"]
    assert page.text == graphiql_html("/graphql")


async def test_cors_is_closed_by_default_and_opens_for_configured_origins(
    app_client: AppFactory,
) -> None:
    preflight = {
        "Origin": "https://app.example.org",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-csrf-token",
    }
    closed = await app_client()
    answer = await closed.post(
        "/graphql", json=QUERY, headers={**GQL, "Origin": "https://app.example.org"}
    )
    assert "access-control-allow-origin" not in answer.headers
    opened = await app_client(HUB_CORS_ORIGINS="https://app.example.org, https://other.example.org")
    allowed = await opened.options("/graphql", headers=preflight)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://app.example.org"
    assert allowed.headers["access-control-allow-credentials"] == "true"
    assert "x-csrf-token" in allowed.headers["access-control-allow-headers"].lower()
    refused = await opened.options(
        "/graphql", headers={**preflight, "Origin": "https://evil.example"}
    )
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers


async def test_operation_limits_over_http(app_client: AppFactory) -> None:
    client = await app_client(
        HUB_MAX_QUERY_CHARS="200", HUB_MAX_DEPTH="4", HUB_INTROSPECTION="false"
    )
    long = {"query": "{ organisations { totalCount } }" + " " * 200}
    too_long = await client.post("/graphql", json=long, headers=GQL)
    assert too_long.status_code == 400
    assert too_long.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_LARGE"
    deep = {"query": "{ organisations { edges { node { networks { network { name } } } } } }"}
    refused = await client.post("/graphql", json=deep, headers=GQL)
    assert refused.status_code == 400
    (error,) = refused.json()["errors"]
    assert error["message"] == "the operation is nested 6 levels deep; at most 4 are allowed"
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    introspection = await client.post(
        "/graphql", json={"query": "{ __schema { queryType { name } } }"}, headers=GQL
    )
    assert introspection.status_code == 400
    assert (await client.post("/graphql", json=QUERY, headers=GQL)).status_code == 200
