"""The GraphQL over HTTP endpoint (hub.graphql_http) and the offline GraphiQL assets."""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import strawberry
from starlette.applications import Starlette
from starlette.requests import Request
from strawberry.extensions import SchemaExtension

from hub.graphiql import ASSET_VERSION, ASSETS, DEFAULT_QUERY, graphiql_routes
from hub.graphql_http import PublicError, graphql_route

GR_JSON = "application/graphql-response+json"
JSON = "application/json"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
FRONTEND_DIR = Path(__file__).resolve().parents[2] / "frontend"
HELLO = "Γειά σου"


@strawberry.type
class Query:
    @strawberry.field
    def hello(self, name: str) -> str | None:
        return f"{HELLO}, {name}!"

    @strawberry.field
    def graph(self) -> str | None:
        raise PublicError(
            "The graph database is unavailable; try again shortly",
            code="GRAPH_UNAVAILABLE",
            status=503,
        )

    @strawberry.field
    def broken(self) -> str | None:
        raise ValueError("secret internals")

    @strawberry.field
    def required(self) -> str:
        raise ValueError("secret internals")

    @strawberry.field
    def forbidden(self) -> str | None:
        raise PublicError("You may not see this.", code="FORBIDDEN")

    @strawberry.field
    def weekday(self, day: datetime.date) -> int:
        return day.isoweekday()

    @strawberry.field
    def user(self, info: strawberry.Info) -> str:
        return str(info.context["user"])


@strawberry.type
class Mutation:
    @strawberry.mutation
    def ping(self) -> str:
        return "pong"


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def ticks(self) -> AsyncIterator[int]:
        yield 1


class Cost(SchemaExtension):
    def get_results(self) -> dict[str, object]:
        return {"cost": 1}


schema = strawberry.Schema(
    query=Query, mutation=Mutation, subscription=Subscription, extensions=[Cost]
)


async def context_getter(request: Request) -> dict[str, object]:
    if request.headers.get("x-user") == "banned":
        raise PublicError("Banned.", code="FORBIDDEN", status=403)
    return {"user": request.headers.get("x-user", "anonymous")}


def make_client(
    *, graphiql: bool = True, max_body_bytes: int = 1_000_000, frontend_dir: Path = FRONTEND_DIR
) -> httpx.AsyncClient:
    app = Starlette(
        routes=[
            graphql_route(
                "/graphql",
                schema,
                context_getter,
                graphiql=graphiql,
                max_body_bytes=max_body_bytes,
            ),
            *graphiql_routes(frontend_dir),
        ]
    )
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://hub")


async def post(
    body: object, accept: str | None = GR_JSON, headers: dict[str, str] | None = None
) -> httpx.Response:
    headers = {"Content-Type": "application/json", **(headers or {})}
    if accept is not None:
        headers["Accept"] = accept
    async with make_client() as client:
        if accept is None:
            del client.headers["accept"]  # httpx sends "Accept: */*" by default
        return await client.post("/graphql", content=json.dumps(body).encode(), headers=headers)


def media_type(response: httpx.Response) -> str:
    return response.headers["content-type"]


# --- Successful requests and content negotiation ----------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),
        ("", JSON),
        (JSON, JSON),
        (GR_JSON, GR_JSON),
        ("*/*", GR_JSON),
        ("application/*", GR_JSON),
        (f"{GR_JSON}, {JSON};q=0.9", GR_JSON),
        (f"{JSON}, {GR_JSON}", GR_JSON),
        (f"{JSON}, {GR_JSON};q=0.5", JSON),
        (f"{GR_JSON};q=0, {JSON}", JSON),
        ("text/html, */*;q=0.1", GR_JSON),
    ],
)
async def test_accept_negotiation(accept: str | None, expected: str) -> None:
    response = await post({"query": '{ hello(name: "Θεσσαλονίκη") }'}, accept=accept)
    assert response.status_code == 200
    assert media_type(response) == f"{expected}; charset=utf-8"
    assert response.json()["data"] == {"hello": f"{HELLO}, Θεσσαλονίκη!"}


@pytest.mark.asyncio
async def test_greek_is_not_escaped_and_extensions_are_included() -> None:
    response = await post(
        {"query": "query Q($n: String!) { hello(name: $n) }", "variables": {"n": "Μαρία"}}
    )
    assert f"{HELLO}, Μαρία!".encode() in response.content
    assert response.json() == {"data": {"hello": f"{HELLO}, Μαρία!"}, "extensions": {"cost": 1}}


@pytest.mark.asyncio
@pytest.mark.parametrize("accept", ["text/html", "application/xml, text/*", f"{JSON};q=0"])
async def test_unacceptable_accept_is_406(accept: str) -> None:
    response = await post({"query": '{ hello(name: "x") }'}, accept=accept)
    assert response.status_code == 406
    assert media_type(response) == f"{JSON}; charset=utf-8"
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_ACCEPTABLE"


@pytest.mark.asyncio
async def test_operation_name_selects_the_operation_and_context_is_passed() -> None:
    body = {
        "query": 'query A { hello(name: "a") } query B { user }',
        "operationName": "B",
        "extensions": {"client": "test"},
    }
    response = await post(body, headers={"X-User": "eleni"})
    assert response.status_code == 200
    assert response.json()["data"] == {"user": "eleni"}


@pytest.mark.asyncio
async def test_post_mutation() -> None:
    response = await post({"query": "mutation { ping }"})
    assert response.status_code == 200
    assert response.json()["data"] == {"ping": "pong"}


@pytest.mark.asyncio
async def test_context_getter_public_error_uses_its_status() -> None:
    response = await post({"query": "{ user }"}, headers={"X-User": "banned"})
    assert response.status_code == 403
    assert response.json() == {
        "errors": [{"message": "Banned.", "extensions": {"code": "FORBIDDEN"}}]
    }


# --- GraphQL request errors: 400 without data (graphql-response+json), 200 in JSON --


REQUEST_ERRORS = [
    ({"query": "{ hello(name: "}, "GRAPHQL_PARSE_FAILED"),
    ({"query": "{ nope }"}, "GRAPHQL_VALIDATION_FAILED"),
    ({"query": "query Q($n: String!) { hello(name: $n) }"}, "BAD_USER_INPUT"),
    (
        {"query": "query Q($n: String!) { hello(name: $n) }", "variables": {"n": 5}},
        "BAD_USER_INPUT",
    ),
    (
        {"query": "query Q($d: Date!) { weekday(day: $d) }", "variables": {"d": "soon"}},
        "BAD_USER_INPUT",
    ),
    ({"query": "query A { user }", "operationName": "B"}, "OPERATION_RESOLUTION_FAILURE"),
    ({"query": "subscription { ticks }"}, "OPERATION_NOT_SUPPORTED"),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("body", "code"), REQUEST_ERRORS)
async def test_request_errors_with_graphql_response_json(body: object, code: str) -> None:
    response = await post(body, accept=GR_JSON)
    assert response.status_code == 400
    assert media_type(response) == f"{GR_JSON}; charset=utf-8"
    payload = response.json()
    assert "data" not in payload
    assert payload["errors"][0]["extensions"]["code"] == code


@pytest.mark.asyncio
@pytest.mark.parametrize(("body", "code"), REQUEST_ERRORS)
async def test_request_errors_with_json_are_200(body: object, code: str) -> None:
    response = await post(body, accept=JSON)
    assert response.status_code == 200
    assert media_type(response) == f"{JSON}; charset=utf-8"
    payload = response.json()
    assert "data" not in payload
    assert payload["errors"][0]["extensions"]["code"] == code


@pytest.mark.asyncio
async def test_parse_error_keeps_message_and_location() -> None:
    error = (await post({"query": "{ hello(name: "})).json()["errors"][0]
    assert error["message"].startswith("Syntax Error")
    assert error["locations"] == [{"line": 1, "column": 15}]


# --- Field errors: executed, so 200 with data -------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize("accept", [GR_JSON, JSON])
async def test_internal_error_is_masked_and_logged(
    accept: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="hub.graphql"):
        response = await post({"query": '{ broken hello(name: "x") }'}, accept=accept)
    assert response.status_code == 200
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text
    payload = response.json()
    assert payload["data"] == {"broken": None, "hello": f"{HELLO}, x!"}
    [error] = payload["errors"]
    assert error["message"] == "Internal server error"
    assert error["extensions"] == {"code": "INTERNAL"}
    assert error["path"] == ["broken"]
    [record] = [r for r in caplog.records if r.name == "hub.graphql"]
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], ValueError)


class BrokenParser(SchemaExtension):
    def on_parse(self) -> Iterator[None]:
        raise RuntimeError("secret internals")
        yield


@pytest.mark.asyncio
@pytest.mark.parametrize(("accept", "status"), [(GR_JSON, 500), (JSON, 200)])
async def test_internal_error_before_execution(accept: str, status: int) -> None:
    broken = strawberry.Schema(query=Query, extensions=[BrokenParser])
    app = Starlette(routes=[graphql_route("/graphql", broken, context_getter)])
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://hub"
    ) as c:
        response = await c.post("/graphql", json={"query": "{ user }"}, headers={"Accept": accept})
    assert response.status_code == status
    assert "secret internals" not in response.text
    assert response.json() == {
        "errors": [{"message": "Internal server error", "extensions": {"code": "INTERNAL"}}]
    }


@pytest.mark.asyncio
async def test_null_data_from_a_field_error_is_still_200() -> None:
    response = await post({"query": "{ required }"}, accept=GR_JSON)
    assert response.status_code == 200
    payload = response.json()
    assert "data" in payload
    assert payload["data"] is None
    assert payload["errors"][0]["extensions"] == {"code": "INTERNAL"}
    assert "secret internals" not in response.text


@pytest.mark.asyncio
@pytest.mark.parametrize("accept", [GR_JSON, JSON])
async def test_public_error_with_status_503(accept: str) -> None:
    response = await post({"query": "{ graph }"}, accept=accept)
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert media_type(response) == f"{accept}; charset=utf-8"
    payload = response.json()
    assert payload["data"] == {"graph": None}
    assert payload["errors"] == [
        {
            "message": "The graph database is unavailable; try again shortly",
            "locations": [{"line": 1, "column": 3}],
            "path": ["graph"],
            "extensions": {"code": "GRAPH_UNAVAILABLE"},
        }
    ]


@pytest.mark.asyncio
async def test_public_error_without_status_keeps_200() -> None:
    response = await post({"query": "{ forbidden }"})
    assert response.status_code == 200
    assert "retry-after" not in response.headers
    [error] = response.json()["errors"]
    assert error["message"] == "You may not see this."
    assert error["extensions"] == {"code": "FORBIDDEN"}


# --- Malformed HTTP requests -------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b"[" * 100_000, "not valid JSON"),
        (b'"query"', "JSON object"),
        (b"{}", "'query' parameter is required"),
        (b'{"query": ""}', "must not be empty"),
        (b'{"query": 1}', "'query' parameter must be a string"),
        (b'{"query": "{ user }", "variables": [1]}', "'variables' parameter must be an object"),
        (b'{"query": "{ user }", "operationName": 1}', "'operationName'"),
        (b'{"query": "{ user }", "extensions": "x"}', "'extensions'"),
        (b'[{"query": "{ user }"}]', "Batched requests are not supported"),
    ],
)
@pytest.mark.parametrize("accept", [GR_JSON, JSON])
async def test_malformed_body_is_400(content: bytes, message: str, accept: str) -> None:
    async with make_client() as client:
        response = await client.post(
            "/graphql",
            content=content,
            headers={"Content-Type": "application/json", "Accept": accept},
        )
    assert response.status_code == 400
    assert media_type(response) == f"{accept}; charset=utf-8"
    [error] = response.json()["errors"]
    assert message in error["message"]
    assert error["extensions"]["code"] == "BAD_REQUEST"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/graphql", "application/json; charset=latin-1"]
)
async def test_unsupported_content_type_is_415(content_type: str | None) -> None:
    headers = {"Accept": GR_JSON}
    if content_type is not None:
        headers["Content-Type"] = content_type
    async with make_client() as client:
        response = await client.post("/graphql", content=b'{"query": "{ user }"}', headers=headers)
    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


@pytest.mark.asyncio
@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "Application/JSON"])
async def test_json_content_type_variants_are_accepted(content_type: str) -> None:
    async with make_client() as client:
        response = await client.post(
            "/graphql",
            content=b'{"query": "{ user }"}',
            headers={"Content-Type": content_type, "Accept": GR_JSON},
        )
    assert response.status_code == 200
    assert response.json()["data"] == {"user": "anonymous"}


@pytest.mark.asyncio
async def test_body_too_large_is_413() -> None:
    body = json.dumps({"query": "{ user }", "variables": {"pad": "x" * 200}}).encode()

    async def chunks() -> AsyncIterator[bytes]:
        yield body[:100]
        yield body[100:]

    async with make_client(max_body_bytes=100) as client:
        headers = {"Content-Type": "application/json", "Accept": GR_JSON}
        declared = await client.post("/graphql", content=body, headers=headers)
        streamed = await client.post("/graphql", content=chunks(), headers=headers)
        small = await client.post("/graphql", content=b'{"query": "{ user }"}', headers=headers)
    for response in (declared, streamed):
        assert response.status_code == 413
        assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert "content-length" not in streamed.request.headers
    assert small.status_code == 200


@pytest.mark.asyncio
@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
async def test_other_methods_are_405(method: str) -> None:
    async with make_client() as client:
        response = await client.request(method, "/graphql", headers={"Accept": GR_JSON})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


# --- GET -----------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_get_query_with_variables() -> None:
    params = {
        "query": "query Q($n: String!) { hello(name: $n) }",
        "variables": json.dumps({"n": "Άρης"}),
        "operationName": "Q",
    }
    async with make_client() as client:
        response = await client.get("/graphql", params=params, headers={"Accept": GR_JSON})
    assert response.status_code == 200
    assert response.json()["data"] == {"hello": f"{HELLO}, Άρης!"}


@pytest.mark.asyncio
@pytest.mark.parametrize("accept", [GR_JSON, JSON])
async def test_get_mutation_is_405(accept: str) -> None:
    async with make_client() as client:
        response = await client.get(
            "/graphql", params={"query": "mutation { ping }"}, headers={"Accept": accept}
        )
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert "data" not in response.json()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "'query' parameter is required"),
        ({"query": "{ user }", "variables": "{oops"}, "'variables' parameter must be JSON"),
        ({"query": "{ user }", "variables": "[1]"}, "'variables' parameter must be an object"),
        ({"query": "{ user }", "extensions": "nope"}, "'extensions' parameter must be JSON"),
    ],
)
async def test_get_malformed_is_400(params: dict[str, str], message: str) -> None:
    async with make_client() as client:
        response = await client.get("/graphql", params=params, headers={"Accept": GR_JSON})
    assert response.status_code == 400
    assert message in response.json()["errors"][0]["message"]


# --- GraphiQL ------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_graphiql_page_on_get_preferring_html() -> None:
    async with make_client() as client:
        response = await client.get("/graphql", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = response.text
    for name in ASSETS:
        assert f'/graphiql/assets/{name}?v={ASSET_VERSION}"' in page
    assert '"endpoint": "/graphql"' in page
    assert "application/graphql-response+json, application/json" in page
    assert json.dumps(DEFAULT_QUERY) in page
    assert "run make install" in page
    assert "https://" not in page and "http://" not in page  # nothing from a CDN


@pytest.mark.asyncio
async def test_get_with_query_from_a_browser_runs_the_query() -> None:
    async with make_client() as client:
        response = await client.get(
            "/graphql", params={"query": "{ user }"}, headers={"Accept": BROWSER_ACCEPT}
        )
    assert response.status_code == 200
    assert media_type(response) == f"{GR_JSON}; charset=utf-8"


@pytest.mark.asyncio
async def test_graphiql_disabled() -> None:
    async with make_client(graphiql=False) as client:
        response = await client.get("/graphql", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 400
    assert "text/html" not in response.headers["content-type"]


@pytest.fixture
def fake_frontend(tmp_path: Path) -> Path:
    for name, (relative_path, _) in ASSETS.items():
        file = tmp_path / "node_modules" / relative_path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"/* {name} */")
    (tmp_path / "package.json").write_text("{}")
    (tmp_path / "node_modules" / "graphiql" / "package.json").write_text("{}")
    return tmp_path


@pytest.mark.asyncio
async def test_assets_serve_the_allow_list(fake_frontend: Path) -> None:
    async with make_client(frontend_dir=fake_frontend) as client:
        for name, (_, content_type) in ASSETS.items():
            response = await client.get(f"/graphiql/assets/{name}?v={ASSET_VERSION}")
            assert response.status_code == 200, name
            assert response.text == f"/* {name} */"
            assert response.headers["content-type"] == content_type
            assert "max-age=31536000" in response.headers["cache-control"]
        assert (
            (await client.get("/graphiql/assets/graphiql.min.js"))
            .headers["content-type"]
            .startswith("text/javascript")
        )
        assert (
            (await client.get("/graphiql/assets/graphiql.min.css"))
            .headers["content-type"]
            .startswith("text/css")
        )


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "path",
    [
        "/graphiql/assets/package.json",
        "/graphiql/assets/graphiql.js",
        "/graphiql/assets/..%2Fpackage.json",
        "/graphiql/assets/..%2F..%2Fpackage.json",
        "/graphiql/assets/%2E%2E%2Fgraphiql%2Fpackage.json",
        "/graphiql/assets/../package.json",
        "/graphiql/assets/",
    ],
)
async def test_assets_refuse_anything_else(fake_frontend: Path, path: str) -> None:
    async with make_client(frontend_dir=fake_frontend) as client:
        response = await client.get(path)
    assert response.status_code == 404
    assert "{}" not in response.text


@pytest.mark.asyncio
async def test_missing_node_modules_says_run_make_install(tmp_path: Path) -> None:
    async with make_client(frontend_dir=tmp_path) as client:
        response = await client.get("/graphiql/assets/graphiql.min.js")
    assert response.status_code == 404
    assert "run make install" in response.text


@pytest.mark.asyncio
@pytest.mark.skipif(
    not (FRONTEND_DIR / "node_modules").is_dir(), reason="frontend not installed (make install)"
)
async def test_real_assets_are_installed() -> None:
    async with make_client() as client:
        for name in ASSETS:
            response = await client.get(f"/graphiql/assets/{name}")
            assert response.status_code == 200, name
            assert len(response.content) > 10_000, name
        script = await client.get("/graphiql/assets/graphiql.min.js")
    assert b".GraphiQL=" in script.content[:2000]  # the UMD build, exposing window.GraphiQL


def test_asset_version_matches_package_json() -> None:
    dependencies = json.loads((FRONTEND_DIR / "package.json").read_text())["dependencies"]
    expected = f"graphiql-{dependencies['graphiql']}.react-{dependencies['react']}"
    assert expected == ASSET_VERSION
    assert dependencies["react-dom"] == dependencies["react"]
