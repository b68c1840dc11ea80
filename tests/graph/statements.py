"""Every Cypher statement the product can send, found by walking its packages."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from graph import Statement
from graph.schema import falkordb_indexes, neo4j_schema_statements
from hub.graph_schema import HUB_SCHEMA

PACKAGES = ("graph", "hub", "challenges")
# Statements one engine's module sends to that engine only.
NEO4J_ONLY_MODULES = ("graph.neo4j_engine",)
FALKORDB_ONLY_MODULES = ("graph.falkordb_engine",)


def _walk(value: Any, seen: set[int]) -> Iterator[Statement]:
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Statement):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            yield from _walk(getattr(value, item.name), seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk(item, seen)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _walk(item, seen)


def _module_statements(only: tuple[str, ...] | None = None) -> dict[str, Statement]:
    found: dict[str, Statement] = {}
    seen: set[int] = set()
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        names = [package_name] + [
            info.name for info in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}.")
        ]
        for name in names:
            if name.endswith("__main__"):
                continue
            if only is not None and name not in only:
                continue
            if only is None and name in (*NEO4J_ONLY_MODULES, *FALKORDB_ONLY_MODULES):
                continue
            module = importlib.import_module(name)
            for value in vars(module).values():
                for statement in _walk(value, seen):
                    found.setdefault(statement.name, statement)
    return found


def shared_statements() -> dict[str, Statement]:
    """Statements both engines run (a dialect override is applied per engine)."""
    return _module_statements()


def neo4j_statements() -> dict[str, Statement]:
    statements = {**shared_statements(), **_module_statements(NEO4J_ONLY_MODULES)}
    for statement in neo4j_schema_statements(HUB_SCHEMA):
        statements[statement.name] = statement
    return statements


def falkordb_statements() -> dict[str, Statement]:
    statements = {**shared_statements(), **_module_statements(FALKORDB_ONLY_MODULES)}
    for index in falkordb_indexes(HUB_SCHEMA):
        statements[index.statement.name] = index.statement
    return statements
