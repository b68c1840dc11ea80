"""The real app over HTTP for the challenge tests: signed-in clients, one per account.

Each client has its own address and cookie jar; it signs in through `signIn` and repeats
the CSRF cookie in `X-CSRF-Token`, as a browser page does.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from arq.connections import RedisSettings
from starlette.applications import Starlette

from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.app import create_app
from hub.auth import accounts
from hub.runtime import JOBS_DATABASE, Runtime
from hub.settings import Settings
from hub.suggestions.jobs import QUEUE
from hub.suggestions.models import EmbedderHolder

PASSWORD = "correct horse battery"
GQL = {"Accept": "application/graphql-response+json"}
_addresses = itertools.count(1)


class Client:
    """One browser: GraphQL over HTTP with the session and CSRF cookies it was given."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.person_id: str | None = None

    async def raw(self, query: str, **variables: Any) -> dict[str, Any]:
        headers = dict(GQL)
        token = self.http.cookies.get("hub_csrf")
        if token:
            headers["X-CSRF-Token"] = token
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
        body: dict[str, Any] = response.json()
        assert response.status_code in (200, 400, 403, 404, 500) or body, response.text
        assert "Traceback" not in response.text
        return body

    async def __call__(self, query: str, **variables: Any) -> dict[str, Any]:
        """The data of an operation that must not fail as a whole."""
        body = await self.raw(query, **variables)
        assert "errors" not in body, body
        return dict(body["data"])

    async def error_codes(self, query: str, **variables: Any) -> list[str]:
        """The codes of the GraphQL errors of an operation refused as a whole."""
        body = await self.raw(query, **variables)
        return [error["extensions"]["code"] for error in body.get("errors") or []]


@asynccontextmanager
async def running_app(
    graph: FalkorDBEngine, server: EmbeddedServer, holder: EmbedderHolder, folder: Path
) -> AsyncIterator[Starlette]:
    settings = Settings.from_env(
        {
            "HUB_DATA_DIR": str(folder),
            "HUB_MAIL_URL": f"outbox:{folder / 'outbox'}",
            "HUB_PUBLIC_URL": "https://hub.test",
            "HUB_RATE_LIMIT_ANONYMOUS": "100000",
            "HUB_RATE_LIMIT_ACCOUNT": "100000",
        }
    )
    redis = RedisSettings(unix_socket_path=str(server.socket_path), database=JOBS_DATABASE)
    app = create_app(settings, Runtime(settings, graph, server, redis), holder=holder)
    async with app.router.lifespan_context(app):
        yield app
        # the embedding jobs the test's writes queued are nobody's work: no worker runs here
        await app.state.jobs.delete(QUEUE)


@asynccontextmanager
async def browser(app: Starlette) -> AsyncIterator[Client]:
    n = next(_addresses)
    address = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app, client=(address, 4321)),
        base_url="https://hub.test",
    ) as http:
        yield Client(http)


async def sign_in(client: Client, graph: FalkorDBEngine, email: str, name: str) -> Client:
    """A verified account with a profile called `name` (the accounts service), signed in
    over HTTP; the client learns its person id from `me`."""
    await accounts.create_account(graph, email=email, password=PASSWORD, name=name, verified=True)
    signed = await client(
        "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) "
        "{ errors { code message } } }",
        e=email,
        p=PASSWORD,
    )
    assert signed["signIn"]["errors"] == []
    me = await client("{ me { person { id } } }")
    client.person_id = me["me"]["person"]["id"]
    return client
