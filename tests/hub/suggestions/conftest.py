"""A demo graph with real embeddings, and GraphQL with suggestions, for the matching tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from strawberry.types import ExecutionResult

from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.api.context import Context, Loaders
from hub.api.schema import schema
from hub.demo import seed as demo
from hub.graph_schema import HUB_SCHEMA
from hub.suggestions.index import MatchIndex
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.service import Matcher
from hub.suggestions.store import embed_stale
from tests.conftest import GqlRunner


@pytest_asyncio.fixture(scope="session")
async def demo_graph(
    embedded_server: EmbeddedServer, holder: EmbedderHolder
) -> AsyncIterator[FalkorDBEngine]:
    """The demo ecosystem, seeded and embedded once per session: tests only read it."""
    engine = FalkorDBEngine.over_unix_socket(str(embedded_server.socket_path), "suggestions")
    await engine.clear()
    await engine.ensure_schema(HUB_SCHEMA)
    await demo.seed(engine, demo.load_demo_data())
    await embed_stale(engine, holder.get(), model=holder.model_id)
    yield engine
    await engine.clear()
    await engine.close()


@pytest.fixture
def matcher(demo_graph: FalkorDBEngine, holder: EmbedderHolder) -> Matcher:
    embedder = holder.get()
    return Matcher(graph=demo_graph, index=MatchIndex(embedder.dimensions), embedder=embedder)


@pytest.fixture
def suggest(demo_graph: FalkorDBEngine, matcher: Matcher) -> GqlRunner:
    async def run(query: str, **variables: Any) -> ExecutionResult:
        context = Context(graph=demo_graph, loaders=Loaders(demo_graph), matcher=matcher)
        return await schema.execute(query, variable_values=variables, context_value=context)

    return run
