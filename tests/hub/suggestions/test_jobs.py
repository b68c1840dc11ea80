"""Embedding jobs: queued by mutations, de-duplicated by content, run by a burst worker."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio
from arq.connections import ArqRedis, RedisSettings, create_pool

from graph import Statement
from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.api.context import Context, Loaders
from hub.api.schema import schema
from hub.auth.viewer import SYSTEM
from hub.runtime import JOBS_DATABASE, Runtime
from hub.settings import Settings
from hub.suggestions.jobs import QUEUE
from hub.suggestions.models import EmbedderHolder
from hub.worker import build_worker

STORED = Statement(
    name="test_stored_embedding",
    cypher="MATCH (n:Organisation) RETURN n.embedding AS vector, n.embedding_hash AS hash",
)
CREATE = """mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { id } errors { code } } }"""
UPDATE = """mutation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) { organisation { id } errors { code } } }"""


@pytest_asyncio.fixture
async def jobs(embedded_server: EmbeddedServer) -> AsyncIterator[ArqRedis]:
    pool = await create_pool(
        RedisSettings(unix_socket_path=str(embedded_server.socket_path), database=JOBS_DATABASE)
    )
    await pool.flushdb()
    yield pool
    await pool.flushdb()
    await pool.aclose()


async def _run(graph: FalkorDBEngine, jobs: ArqRedis, query: str, **variables: Any) -> Any:
    context = Context(graph=graph, loaders=Loaders(graph), jobs=jobs, viewer=SYSTEM)
    result = await schema.execute(query, variable_values=variables, context_value=context)
    assert result.errors is None, result.errors
    return result.data


async def _burst(graph: FalkorDBEngine, server: EmbeddedServer, holder: EmbedderHolder) -> int:
    redis = RedisSettings(unix_socket_path=str(server.socket_path), database=JOBS_DATABASE)
    runtime = Runtime(Settings.from_env({}), graph, server, redis)
    worker = build_worker(runtime, embedder=holder, burst=True, handle_signals=False)
    try:
        await worker.async_run()
    finally:
        await worker.close()
    return int(worker.jobs_complete)


async def test_a_written_organisation_is_embedded_once_per_text(
    graph: FalkorDBEngine,
    jobs: ArqRedis,
    embedded_server: EmbeddedServer,
    holder: EmbedderHolder,
) -> None:
    created = await _run(graph, jobs, CREATE, input={"name": "Harbour Robotics", "kind": "STARTUP"})
    node = created["createOrganisation"]["organisation"]["id"]
    # saving the same text again queues nothing more
    await _run(graph, jobs, UPDATE, id=node, input={"name": "Harbour Robotics"})
    assert await jobs.zcard(QUEUE) == 1

    assert await _burst(graph, embedded_server, holder) == 1
    first = (await graph.run(STORED))[0]
    assert isinstance(first["vector"], str) and first["hash"]

    await _run(graph, jobs, UPDATE, id=node, input={"sectors": ["logistics", "ports"]})
    assert await jobs.zcard(QUEUE) == 1
    assert await _burst(graph, embedded_server, holder) == 1
    second = (await graph.run(STORED))[0]
    assert second["hash"] != first["hash"]
    assert second["vector"] != first["vector"]
