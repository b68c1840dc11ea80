"""Accounts and viewers for the auth tests, and the real app over an ASGI transport."""

from __future__ import annotations

import itertools
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
import pytest_asyncio
from arq.connections import RedisSettings, create_pool
from strawberry.types import ExecutionResult

from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.api.context import Context, Loaders
from hub.api.schema import schema
from hub.app import create_app
from hub.auth import accounts
from hub.auth.mailing import AccountMail
from hub.auth.viewer import GlobalRole, Viewer, viewer_by_account
from hub.mail import OutboxBackend
from hub.runtime import JOBS_DATABASE, Runtime
from hub.settings import Settings
from hub.suggestions.models import EmbedderHolder

PASSWORD = "correct horse battery"
_addresses = itertools.count(1)

AppFactory = Callable[..., Awaitable[httpx.AsyncClient]]
MailGqlRunner = Callable[..., Awaitable[ExecutionResult]]


async def make_account(
    graph: FalkorDBEngine,
    email: str,
    *,
    roles: tuple[GlobalRole, ...] = (),
    verified: bool = True,
    name: str | None = "Test Person",
) -> Viewer:
    """An account (with its own profile unless `name` is None), as its session viewer."""
    account_id = await accounts.create_account(
        graph, email=email, password=PASSWORD, name=name, verified=verified, roles=roles
    )
    viewer = await viewer_by_account(graph, account_id)
    assert viewer is not None
    return viewer


def outbox_messages(folder: Path) -> list[EmailMessage]:
    """The messages in an outbox folder, oldest first."""
    messages = []
    for path in sorted(folder.glob("*.eml")):
        parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        messages.append(parsed)
    return messages


def link_token(message: EmailMessage, path: str) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    found = re.search(rf"/{path}\?token=(\S+)", body.get_content())
    assert found is not None, body.get_content()
    return unquote(found.group(1))


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    return tmp_path / "outbox"


@pytest.fixture
def mail_gql(graph: FalkorDBEngine, outbox: Path) -> MailGqlRunner:
    """Run an operation as `viewer`, with e-mail going to the test's outbox folder."""
    mail = AccountMail(OutboxBackend(outbox, "hub@test"), "https://hub.test")

    async def run(viewer: Viewer, query: str, **variables: Any) -> ExecutionResult:
        context = Context(graph=graph, loaders=Loaders(graph), viewer=viewer, mail=mail)
        return await schema.execute(query, variable_values=variables, context_value=context)

    return run


@pytest_asyncio.fixture
async def app_client(
    graph: FalkorDBEngine,
    embedded_server: EmbeddedServer,
    holder: EmbedderHolder,
    tmp_path: Path,
) -> AsyncIterator[AppFactory]:
    """A factory of clients of the real app (`create_app`) on the test's graph.

    Extra `HUB_*` settings are keyword arguments; each client has its own address, so the
    per-address rate limit of one test does not touch another's.
    """
    stack: list[Any] = []

    async def make(**environ: str) -> httpx.AsyncClient:
        settings = Settings.from_env(
            {
                "HUB_DATA_DIR": str(tmp_path),
                "HUB_MAIL_URL": f"outbox:{tmp_path / 'outbox'}",
                "HUB_PUBLIC_URL": "https://hub.test",
                **environ,
            }
        )
        redis = RedisSettings(
            unix_socket_path=str(embedded_server.socket_path), database=JOBS_DATABASE
        )
        runtime = Runtime(settings, graph, embedded_server, redis)
        app = create_app(settings, runtime, holder=holder)
        lifespan = app.router.lifespan_context(app)
        await lifespan.__aenter__()
        stack.append(lifespan)
        n = next(_addresses)
        address = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app, client=(address, 4321)),
            base_url="https://hub.test",
        )
        stack.append(client)
        return client

    yield make
    for item in reversed(stack):
        if isinstance(item, httpx.AsyncClient):
            await item.aclose()
        else:
            await item.__aexit__(None, None, None)
    # the mutations queued embedding jobs: leave no work behind for the next test's worker
    jobs = await create_pool(
        RedisSettings(unix_socket_path=str(embedded_server.socket_path), database=JOBS_DATABASE)
    )
    await jobs.flushdb()
    await jobs.aclose()
