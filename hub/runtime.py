"""Opening and closing what every hub process needs: the graph (and the embedded server)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

from arq.connections import RedisSettings

from graph.embedded import EmbeddedServer
from graph.engine import GraphEngine
from graph.errors import ConfigurationError
from graph.falkordb_engine import FalkorDBEngine
from graph.neo4j_engine import Neo4jEngine
from graph.url import parse_graph_url
from hub.graph_schema import HUB_SCHEMA
from hub.settings import Settings

log = logging.getLogger(__name__)

JOBS_DATABASE = 1  # arq's logical database on the embedded server; the graph lives in 0
SUPERVISION_INTERVAL = 1.0


@dataclass
class Runtime:
    settings: Settings
    graph: GraphEngine
    embedded: EmbeddedServer | None
    redis: RedisSettings


def needs_embedded_server(settings: Settings) -> bool:
    return (
        parse_graph_url(settings.graph_url).kind == "embedded" or settings.redis_url == "embedded"
    )


def redis_settings(settings: Settings, embedded: EmbeddedServer | None) -> RedisSettings:
    if settings.redis_url == "embedded":
        if embedded is None:
            raise ConfigurationError("HUB_REDIS_URL=embedded needs the embedded server")
        return RedisSettings(unix_socket_path=str(embedded.socket_path), database=JOBS_DATABASE)
    try:
        return RedisSettings.from_dsn(settings.redis_url)
    except (RuntimeError, ValueError) as exc:
        raise ConfigurationError(
            f"HUB_REDIS_URL {settings.redis_url!r} is not a redis://, rediss:// or unix:// URL"
        ) from exc


def open_engine(settings: Settings, embedded: EmbeddedServer | None) -> GraphEngine:
    target = parse_graph_url(settings.graph_url)
    if target.kind == "embedded":
        if embedded is None:
            raise ConfigurationError("the embedded graph needs the embedded server")
        return FalkorDBEngine.over_unix_socket(str(embedded.socket_path), settings.graph_name)
    if target.kind == "falkordb":
        return FalkorDBEngine.over_tcp(target.host, target.port, settings.graph_name)
    return Neo4jEngine(
        target.url,
        settings.neo4j_user,
        str(settings.neo4j_password),
        settings.neo4j_database,
    )


@contextlib.asynccontextmanager
async def open_runtime(settings: Settings, *, supervise: bool = True) -> AsyncIterator[Runtime]:
    """Start or attach to the embedded server when configured, connect, set up the schema."""
    embedded = EmbeddedServer(settings.data_dir) if needs_embedded_server(settings) else None
    if embedded is not None:
        await asyncio.to_thread(embedded.start)
    supervisor: asyncio.Task[None] | None = None
    graph: GraphEngine | None = None
    try:
        graph = open_engine(settings, embedded)
        await graph.ensure_schema(HUB_SCHEMA)
        if embedded is not None and supervise:
            supervisor = asyncio.create_task(_supervise(embedded), name="embedded-supervisor")
        yield Runtime(settings, graph, embedded, redis_settings(settings, embedded))
    finally:
        if supervisor is not None:
            supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await supervisor
        if graph is not None:
            await graph.close()
        if embedded is not None:
            await asyncio.to_thread(embedded.stop)


async def _supervise(embedded: EmbeddedServer) -> None:
    while True:
        await asyncio.sleep(SUPERVISION_INTERVAL)
        try:
            await asyncio.to_thread(embedded.supervise_once)
        except Exception:
            log.exception("supervising the embedded FalkorDB server failed; retrying")
