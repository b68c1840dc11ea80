"""FalkorDB through its official client, over a unix socket (embedded) or TCP (external)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any

import redis.asyncio as aioredis
from falkordb.asyncio.graph import AsyncGraph
from redis import exceptions as redis_errors
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff

from graph.embedded import client_name
from graph.engine import Row
from graph.errors import ConstraintViolation, GraphUnavailable, StatementFailed
from graph.schema import Schema, falkordb_indexes
from graph.statement import Engine, Statement
from graph.values import check_parameters, plain

log = logging.getLogger(__name__)

LIST_INDEXES = Statement(
    name="falkordb_list_indexes",
    cypher="CALL db.indexes() YIELD label, types RETURN label, types",
)
LIST_CONSTRAINTS = Statement(
    name="falkordb_list_constraints",
    cypher="CALL db.constraints() YIELD label, properties RETURN label, properties",
)

# A pooled connection goes stale when the server restarts: retry on a fresh one. Safe for
# the hub's statements: creates carry a fresh unique id (a replay hits the constraint),
# updates and MERGEs are idempotent.
_CONNECTION_OPTIONS: dict[str, Any] = {
    "socket_connect_timeout": 2,
    "socket_timeout": 30,
    "retry": Retry(ExponentialBackoff(cap=0.5, base=0.05), retries=3),
    "retry_on_error": [redis_errors.ConnectionError],
}


class FalkorDBEngine:
    """One FalkorDB graph (a key on a Redis server holding the FalkorDB module)."""

    name: Engine = "falkordb"

    def __init__(self, client: aioredis.Redis, graph_name: str) -> None:
        self._client = client
        self._graph = AsyncGraph(client, graph_name)
        self.graph_name = graph_name
        self.round_trips = 0

    @classmethod
    def over_unix_socket(cls, socket_path: str, graph_name: str) -> FalkorDBEngine:
        client = aioredis.Redis(
            unix_socket_path=socket_path, client_name=client_name(), **_CONNECTION_OPTIONS
        )
        return cls(client, graph_name)

    @classmethod
    def over_tcp(
        cls, host: str, port: int, graph_name: str, password: str | None = None
    ) -> FalkorDBEngine:
        client = aioredis.Redis(host=host, port=port, password=password, **_CONNECTION_OPTIONS)
        return cls(client, graph_name)

    async def run(self, statement: Statement, params: Mapping[str, Any] | None = None) -> list[Row]:
        values = dict(params or {})
        check_parameters(values)
        text = statement.text("falkordb")
        self.round_trips += 1
        try:
            if statement.write:
                result = await self._graph.query(text, values)
            else:
                result = await self._graph.ro_query(text, values)
        except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
            raise GraphUnavailable(f"FalkorDB is unreachable: {exc}") from exc
        except redis_errors.ResponseError as exc:
            message = str(exc)
            if "unique constraint violation" in message:
                raise ConstraintViolation(message) from exc
            raise StatementFailed(f"{statement.name}: {message}") from exc
        names = [
            column[1].decode() if isinstance(column[1], bytes) else str(column[1])
            for column in result.header
        ]
        rows = result.result_set
        if _large(rows):  # unwrapping a big result would hold the event loop
            return await asyncio.to_thread(_plain_rows, names, rows)
        return _plain_rows(names, rows)

    async def ping(self) -> None:
        try:
            await self._client.ping()
        except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
            raise GraphUnavailable(f"FalkorDB is unreachable: {exc}") from exc

    async def ensure_schema(self, schema: Schema) -> None:
        """Create the indexes and constraints that are missing.

        Only missing ones: re-issuing CREATE INDEX for an index FalkorDB is still rebuilding
        after loading its append-only file crashed the server (FalkorDB 4.16.3).
        """
        present = {
            (row["label"], prop, kind)
            for row in await self._listing(LIST_INDEXES)
            for prop, kinds in row["types"].items()
            for kind in kinds
        }
        for index in falkordb_indexes(schema):
            if any((index.label, prop, index.type) not in present for prop in index.properties):
                await self.run(index.statement)
        constraints = {
            (row["label"], tuple(row["properties"]))
            for row in await self._listing(LIST_CONSTRAINTS)
        }
        for label, prop in schema.unique:
            if (label, (prop,)) in constraints:
                continue
            try:
                await self._client.execute_command(  # type: ignore[no-untyped-call]
                    "GRAPH.CONSTRAINT", "CREATE", self.graph_name,
                    "UNIQUE", "NODE", label, "PROPERTIES", 1, prop,
                )  # fmt: skip
            except redis_errors.ResponseError as exc:
                if "already exists" not in str(exc).lower():
                    raise StatementFailed(f"unique constraint {label}.{prop}: {exc}") from exc

    async def _listing(self, statement: Statement) -> list[Row]:
        """A catalogue procedure's rows; none while the graph does not exist yet."""
        try:
            return await self.run(statement)
        except StatementFailed as exc:
            if "empty key" in str(exc):
                return []
            raise

    async def clear(self) -> None:
        """Delete the whole graph (tests and `hub seed --reset`)."""
        try:
            await self._client.delete(self.graph_name)
        except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
            raise GraphUnavailable(f"FalkorDB is unreachable: {exc}") from exc

    async def close(self) -> None:
        await self._client.aclose()


LARGE_RESULT = 50
"""Rows, or items in one list cell, beyond which a result is unwrapped in a worker thread: 200
rows of long profiles held the event loop for tens of milliseconds."""


def _large(rows: list[list[Any]]) -> bool:
    return len(rows) > LARGE_RESULT or any(
        isinstance(cell, list) and len(cell) > LARGE_RESULT for row in rows for cell in row
    )


def _plain_rows(names: list[str], rows: list[list[Any]]) -> list[Row]:
    return [dict(zip(names, plain(row), strict=True)) for row in rows]
