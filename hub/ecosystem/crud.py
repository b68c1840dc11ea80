"""Create, update and delete a kind of node from client input, validated first."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from graph import GraphEngine
from hub.ecosystem import entities
from hub.ecosystem.errors import Conflict
from hub.ecosystem.fields import Input, validate

Fields = TypeVar("Fields", bound=Input)


@dataclass(frozen=True)
class Resource(Generic[Fields]):
    """A kind of node as clients write it: its input model and the mapping to properties."""

    kind: entities.Kind
    fields: type[Fields]
    to_properties: Callable[[Fields], dict[str, Any]]
    current_fields: Callable[[dict[str, Any]], dict[str, Any]]
    check: Callable[[Fields], None] | None = None
    conflict_field: str | None = None  # the input field a CONFLICT names, if any


async def create(
    graph: GraphEngine,
    resource: Resource[Fields],
    data: Mapping[str, Any],
    *,
    marks: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Validate and write a new node; `marks` adds properties no client sets (`demo`)."""
    fields = validate(resource.fields, data)
    if resource.check is not None:
        resource.check(fields)
    props = {**resource.to_properties(fields), **(marks or {})}
    with _conflict_on_field(resource):
        return await entities.create(graph, resource.kind, props)


async def update(
    graph: GraphEngine, resource: Resource[Fields], node_id: str, patch: Mapping[str, Any]
) -> dict[str, Any]:
    """Apply a partial change: given fields replace, null clears, absent fields stay."""
    current = await entities.get_one(graph, resource.kind, node_id)
    merged = {**resource.current_fields(current), **patch}
    fields = validate(resource.fields, merged)
    if resource.check is not None:
        resource.check(fields)
    with _conflict_on_field(resource):
        return await entities.update(graph, resource.kind, node_id, resource.to_properties(fields))


async def delete(graph: GraphEngine, resource: Resource[Fields], node_id: str) -> None:
    await entities.delete(graph, resource.kind, node_id)


@contextmanager
def _conflict_on_field(resource: Resource[Fields]) -> Iterator[None]:
    """A CONFLICT names the resource's unique input field, when it has one."""
    try:
        yield
    except Conflict as exc:
        if resource.conflict_field is None:
            raise
        raise Conflict(exc.message, resource.conflict_field) from None
