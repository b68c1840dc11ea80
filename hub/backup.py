"""`hub backup` and `hub restore`: a consistent copy of the embedded engine, and back.

Only the embedded engine is backed up here; Neo4j and an external Redis or FalkorDB have
their own tools (see the README), and asking for them says so.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from graph import Statement
from graph.embedded import EmbeddedServer
from graph.embedded_snapshot import backup as write_snapshot
from graph.embedded_snapshot import check_snapshot
from graph.embedded_snapshot import restore as load_snapshot
from graph.errors import ConfigurationError, EmbeddedServerError
from graph.url import parse_graph_url
from hub.runtime import open_runtime
from hub.settings import Settings

COUNT_NODES = Statement(name="backup_count_nodes", cypher="MATCH (n) RETURN count(n) AS total")

NOT_EMBEDDED = (
    "`hub {command}` copies the embedded engine only; HUB_GRAPH_URL is {url}: use that "
    "database's own tools (for Neo4j `neo4j-admin database dump` and `load`; see the README)"
)


@dataclass(frozen=True)
class Outcome:
    path: Path
    size: int
    nodes: int

    def summary(self, verb: str) -> str:
        size = f"{self.size / 1e6:.1f} MB" if self.size >= 1e6 else f"{self.size / 1e3:.0f} kB"
        return f"{verb} {self.path} ({size}): {self.nodes} nodes in the graph"


def _require_embedded(settings: Settings, command: str) -> None:
    if parse_graph_url(settings.graph_url).kind != "embedded":
        raise ConfigurationError(NOT_EMBEDDED.format(command=command, url=settings.graph_url))


async def backup(settings: Settings, target: Path) -> Outcome:
    """Snapshot the embedded engine (running or not) into the file `target`."""
    _require_embedded(settings, "backup")
    async with open_runtime(settings, supervise=False) as runtime:
        assert runtime.embedded is not None
        nodes = int((await runtime.graph.run(COUNT_NODES))[0]["total"])
        size = await asyncio.to_thread(write_snapshot, runtime.embedded, target)
    return Outcome(target.expanduser().resolve(), size, nodes)


async def restore(settings: Settings, source: Path) -> Outcome:
    """Replace the embedded engine's data with the backup `source`, then check it answers.

    Refused while another hub process (serve, worker, run) uses the data folder.
    """
    _require_embedded(settings, "restore")
    check_snapshot(source)
    server = EmbeddedServer(settings.data_dir)
    if not await asyncio.to_thread(server.take_ownership):
        raise EmbeddedServerError(
            f"the graph in {server.folder} is in use by another hub process; stop "
            "`hub serve`, `hub worker` and `hub run` first, then restore"
        )
    try:
        await asyncio.to_thread(load_snapshot, server, source)
    finally:
        server.release()
    async with open_runtime(settings, supervise=False) as runtime:
        nodes = int((await runtime.graph.run(COUNT_NODES))[0]["total"])
    return Outcome(source.expanduser().resolve(), source.stat().st_size, nodes)
