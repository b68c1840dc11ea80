"""Shared fixtures: a real embedded FalkorDB server for the session, a fresh graph per test."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from strawberry.types import ExecutionResult

from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.api.context import Context, Loaders
from hub.api.schema import schema
from hub.auth.viewer import SYSTEM, Viewer
from hub.graph_schema import HUB_SCHEMA
from hub.suggestions.models import EmbedderHolder

_graph_names = itertools.count()

GqlRunner = Callable[..., Awaitable[ExecutionResult]]


@pytest.fixture(scope="session")
def embedded_server() -> Iterator[EmbeddedServer]:
    folder = Path(tempfile.mkdtemp(prefix="hubtest-"))
    server = EmbeddedServer(folder)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def holder() -> EmbedderHolder:
    """The real default embedding model, loaded once for the session."""
    loaded = EmbedderHolder("")
    loaded.get()
    return loaded


@pytest_asyncio.fixture
async def graph(embedded_server: EmbeddedServer) -> AsyncIterator[FalkorDBEngine]:
    engine = FalkorDBEngine.over_unix_socket(
        str(embedded_server.socket_path), f"test{next(_graph_names)}"
    )
    await engine.ensure_schema(HUB_SCHEMA)
    yield engine
    await engine.clear()
    await engine.close()


ViewerGqlRunner = Callable[..., Awaitable[ExecutionResult]]


@pytest.fixture
def gql_as(graph: FalkorDBEngine) -> ViewerGqlRunner:
    """Execute a GraphQL operation as `viewer` (first argument) on the test's graph."""

    async def run(viewer: Viewer, query: str, **variables: Any) -> ExecutionResult:
        context = Context(graph=graph, loaders=Loaders(graph), viewer=viewer)
        return await schema.execute(query, variable_values=variables, context_value=context)

    return run


@pytest.fixture
def gql(gql_as: ViewerGqlRunner) -> GqlRunner:
    """Execute a GraphQL operation against the real schema on the test's graph, as trusted
    internal code (`SYSTEM`, an administrator): the permission rules have their own tests
    (tests/hub/auth); use `gql_as` to run as another viewer."""

    async def run(query: str, **variables: Any) -> ExecutionResult:
        return await gql_as(SYSTEM, query, **variables)

    return run
