"""Faults through the real app: the graph server dies under it, requests get a clear 503
(GRAPH_UNAVAILABLE, Retry-After), and once the server is back every acknowledged write is
there and requests succeed again, without restarting the app."""

from __future__ import annotations

import asyncio
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from arq.connections import RedisSettings

from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.app import create_app
from hub.ecosystem import crud, organisations
from hub.graph_schema import HUB_SCHEMA
from hub.runtime import JOBS_DATABASE, Runtime
from hub.settings import Settings
from hub.suggestions.models import EmbedderHolder

GQL = {"Accept": "application/graphql-response+json"}
DOWN_ANSWER_WITHIN = 2.0  # seconds: issue 5 asks for a clear 503 within 2 s
COUNT = {"query": "{ organisations { totalCount edges { node { name } } } }"}


@pytest.fixture
def own_server() -> Iterator[EmbeddedServer]:
    """A server of this test only (the session's is shared and must not die)."""
    with tempfile.TemporaryDirectory(prefix="hubfault-") as folder:
        server = EmbeddedServer(Path(folder))
        server.start()
        try:
            yield server
        finally:
            server.stop()


async def test_graph_down_is_a_clear_503_and_the_app_recovers_by_itself(
    own_server: EmbeddedServer, holder: EmbedderHolder
) -> None:
    data_dir = own_server.folder.parent
    settings = Settings.from_env({"HUB_DATA_DIR": str(data_dir), "HUB_GRAPH_NAME": "hub"})
    graph = FalkorDBEngine.over_unix_socket(str(own_server.socket_path), "hub")
    await graph.ensure_schema(HUB_SCHEMA)
    redis = RedisSettings(unix_socket_path=str(own_server.socket_path), database=JOBS_DATABASE)
    app = create_app(settings, Runtime(settings, graph, own_server, redis), holder=holder)
    async with app.router.lifespan_context(app):
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="https://hub.test", headers=GQL
        )
        await crud.create(graph, organisations.ORGANISATIONS, {"name": "Πριν", "kind": "SME"})
        before = await client.post("/graphql", json=COUNT)
        assert before.status_code == 200

        pid = int(own_server.pid_path.read_text())
        os.kill(pid, signal.SIGKILL)
        with_process = own_server._process  # reap the killed child, as its supervisor would
        if with_process is not None:
            with_process.wait()

        # The answer comes before a 2 s client timeout (a timeout fails the test): a dead
        # server refuses connections at once, nothing waits for the graph's socket timeout.
        async with asyncio.timeout(DOWN_ANSWER_WITHIN):
            down = await client.post("/graphql", json=COUNT)
        assert down.status_code == 503
        assert int(down.headers["retry-after"]) > 0
        (error,) = down.json()["errors"]
        assert error["extensions"]["code"] == "GRAPH_UNAVAILABLE"
        assert error["message"] == "The graph database is unavailable; try again shortly"
        ready = await client.get("/ready")
        assert ready.status_code == 503 and ready.json()["graph"] == "unreachable"

        own_server.supervise_once()  # what the runtime's supervisor does every second
        assert own_server.restarts == 1
        back = await client.post("/graphql", json=COUNT)
        assert back.status_code == 200
        assert back.json()["data"]["organisations"] == {
            "totalCount": 1,
            "edges": [{"node": {"name": "Πριν"}}],
        }
        assert (await client.get("/ready")).status_code == 200
        await client.aclose()
    await graph.close()
