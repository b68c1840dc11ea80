"""Neo4j 5 through the official async driver; reads are routed as reads."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from graph.engine import Row
from graph.errors import ConstraintViolation, GraphUnavailable, StatementFailed
from graph.schema import Schema, neo4j_schema_statements
from graph.statement import Engine, Statement
from graph.values import check_parameters, plain

CLEAR_ALL = Statement(
    name="clear_all", cypher="MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS", write=True
)


class Neo4jEngine:
    name: Engine = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str) -> None:
        # Fail fast when Neo4j is down: the API answers 503 instead of hanging for the
        # driver's default 30 s of retries.
        self._driver = neo4j.AsyncGraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=3.0,
            connection_acquisition_timeout=5.0,
            max_transaction_retry_time=2.0,
        )
        self._database = database
        self.round_trips = 0

    async def run(self, statement: Statement, params: Mapping[str, Any] | None = None) -> list[Row]:
        values = dict(params or {})
        check_parameters(values)
        routing = neo4j.RoutingControl.WRITE if statement.write else neo4j.RoutingControl.READ
        self.round_trips += 1
        try:
            records, _, _ = await self._driver.execute_query(
                statement.text("neo4j"), values, routing_=routing, database_=self._database
            )
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as exc:
            raise GraphUnavailable(f"Neo4j is unreachable: {exc}") from exc
        except neo4j_errors.ConstraintError as exc:
            raise ConstraintViolation(str(exc)) from exc
        except neo4j_errors.Neo4jError as exc:
            raise StatementFailed(f"{statement.name}: {exc}") from exc
        return [plain(record.data()) for record in records]

    async def ping(self) -> None:
        try:
            await self._driver.verify_connectivity()
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as exc:
            raise GraphUnavailable(f"Neo4j is unreachable: {exc}") from exc

    async def ensure_schema(self, schema: Schema) -> None:
        for statement in neo4j_schema_statements(schema):
            await self.run(statement)

    async def clear(self) -> None:
        """Delete every node and relationship (tests and `hub seed --reset`)."""
        async with self._driver.session(database=self._database) as session:
            result = await session.run(CLEAR_ALL.cypher)
            await result.consume()

    async def close(self) -> None:
        await self._driver.close()
