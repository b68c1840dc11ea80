"""Types and helpers every part of the schema shares: nodes, texts, pages, mutation errors.

The resolvers of each noun stay thin: a lookup, list, relation or mutation is one call of
a helper below, given the kind (or resource) and how to build the GraphQL object.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from enum import Enum
from typing import Any, Generic, TypeVar

import strawberry

from hub.api.context import Info
from hub.api.permissions import creator_marks, require
from hub.ecosystem import crud, entities, relations
from hub.ecosystem.errors import HubError, ValidationFailed
from hub.ecosystem.ids import expect_global_id, to_global_id
from hub.suggestions.jobs import request_embedding

T = TypeVar("T")
Build = Callable[[dict[str, Any]], T]


@strawberry.enum
class Language(Enum):
    EL = "el"
    EN = "en"


@strawberry.interface(description="Anything with a global id, fetchable with `node(id:)`.")
class Node:
    id: strawberry.ID


@strawberry.type(description="A text in Greek, English or both, each kept in its own language.")
class LocalizedText:
    el: str | None
    en: str | None

    @strawberry.field(description="The text in `lang`, or in the other language if missing.")
    def text(self, lang: Language = Language.EN) -> str | None:
        preferred, other = (self.el, self.en) if lang is Language.EL else (self.en, self.el)
        return preferred if preferred is not None else other


@strawberry.input
class LocalizedTextInput:
    el: str | None = None
    en: str | None = None


@strawberry.type
class GeoPoint:
    latitude: float
    longitude: float


@strawberry.type(description="An expected failure: `code` is stable, `field` names the input.")
class MutationError:
    code: str
    field: str | None
    message: str


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()


@strawberry.type(description="The outcome of a delete: the id removed, or why not.")
class DeletePayload:
    deleted_id: strawberry.ID | None
    errors: list[MutationError]


@strawberry.type(description="The outcome of linking or unlinking two nodes.")
class LinkPayload:
    ok: bool
    errors: list[MutationError]


def global_id(type_name: str, node: dict[str, Any]) -> strawberry.ID:
    return strawberry.ID(to_global_id(type_name, str(node["id"])))


def localized(node: dict[str, Any], name: str) -> LocalizedText | None:
    el, en = node.get(f"{name}_el"), node.get(f"{name}_en")
    if el is None and en is None:
        return None
    return LocalizedText(el=el, en=en)


def geo_point(node: dict[str, Any]) -> GeoPoint | None:
    if node.get("latitude") is None or node.get("longitude") is None:
        return None
    return GeoPoint(latitude=float(node["latitude"]), longitude=float(node["longitude"]))


def day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def euros(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def connection(page: entities.Page, build: Build[T]) -> Connection[T]:
    edges = [
        Edge(node=build(node), cursor=cursor)
        for node, cursor in zip(page.nodes, page.cursors, strict=True)
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page, end_cursor=page.cursors[-1] if page.cursors else None
        ),
        count=page.count,
    )


def errors_of(error: HubError) -> list[MutationError]:
    if isinstance(error, ValidationFailed):
        return [
            MutationError(code=issue.code, field=issue.field, message=issue.message)
            for issue in error.issues
        ]
    return [MutationError(code=error.code, field=error.field, message=error.message)]


async def attempt(action: Awaitable[T]) -> tuple[T | None, list[MutationError]]:
    """Run a service call; expected failures become typed errors, the rest propagate."""
    try:
        return await action, []
    except HubError as error:
        return None, errors_of(error)


def input_data(value: object, *, keep_nulls: bool = False) -> dict[str, Any]:
    """A strawberry input as plain data.

    Fields the client did not send are left out; so are nulls unless `keep_nulls` (a patch,
    where null clears the field).
    """
    data: dict[str, Any] = {}
    for name, item in vars(value).items():
        if item is strawberry.UNSET or (item is None and not keep_nulls):
            continue
        data[name] = _plain(item)
    return data


def _plain(value: object) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "__strawberry_definition__"):
        return input_data(value)
    return value


# --- Queries -------------------------------------------------------------------------


async def by_id(info: Info, kind: entities.Kind, id: strawberry.ID, build: Build[T]) -> T | None:
    """The node a global id of `kind` names (batched per request), or None."""
    node_id = expect_global_id(id, kind.type_name)
    node = await info.context.loaders.nodes(kind).load(node_id)
    return build(node) if node else None


async def by_key(lookup: Awaitable[dict[str, Any]], build: Build[T]) -> T | None:
    """A lookup by another key (PIC, identifier); None when it finds nothing."""
    node, _ = await attempt(lookup)
    return build(node) if node else None


async def listed(
    info: Info,
    kind: entities.Kind,
    filters: Mapping[str, Any],
    build: Build[T],
    *,
    first: int,
    after: str | None,
) -> Connection[T]:
    """One page of `kind`, filtered, as a connection."""
    page = await entities.page(info.context.graph, kind, filters, first=first, after=after)
    return connection(page, build)


async def linked(
    info: Info, relation: relations.Relation, node_id: str, *, outgoing: bool
) -> list[relations.Linked]:
    """The nodes at the other end of `relation`, with its properties (batched per request)."""
    return await info.context.loaders.linked(relation, outgoing=outgoing).load(node_id)


async def linked_nodes(
    info: Info, relation: relations.Relation, node_id: str, build: Build[T], *, outgoing: bool
) -> list[T]:
    """The nodes at the other end of `relation`, built."""
    return [build(item.node) for item in await linked(info, relation, node_id, outgoing=outgoing)]


async def linked_node(
    info: Info, relation: relations.Relation, node_id: str, build: Build[T], *, outgoing: bool
) -> T | None:
    """The node at the other end of a relation a node has at most one of, or None."""
    items = await linked(info, relation, node_id, outgoing=outgoing)
    return build(items[0].node) if items else None


# --- Mutations -----------------------------------------------------------------------


async def created(
    info: Info, resource: crud.Resource[Any], input: object, build: Build[T], *, operation: str
) -> tuple[T | None, list[MutationError]]:
    """Create a node from a create input, if the viewer may: the object built, or the errors.

    `operation` names the mutation in the permission table (hub.auth.permissions.RULES).
    """

    async def create() -> dict[str, Any]:
        await require(info, operation)
        data = input_data(input)
        return await crud.create(info.context.graph, resource, data, marks=creator_marks(info))

    node, errors = await attempt(create())
    if node is not None:
        await request_embedding(info.context.jobs, resource.kind.label, node)
    return (build(node) if node else None), errors


async def updated(
    info: Info,
    resource: crud.Resource[Any],
    id: strawberry.ID,
    input: object,
    build: Build[T],
    *,
    operation: str,
) -> tuple[T | None, list[MutationError]]:
    """Apply an update input (null clears) to the node a global id names, if the viewer may."""

    async def change() -> dict[str, Any]:
        node_id = expect_global_id(id, resource.kind.type_name)
        await require(info, operation, node=(resource.kind, node_id))
        patch = input_data(input, keep_nulls=True)
        return await crud.update(info.context.graph, resource, node_id, patch)

    node, errors = await attempt(change())
    if node is not None:
        await request_embedding(info.context.jobs, resource.kind.label, node)
    return (build(node) if node else None), errors


async def deleted(
    info: Info, resource: crud.Resource[Any], id: strawberry.ID, *, operation: str
) -> DeletePayload:
    """Delete the node a global id names, if the viewer may."""

    async def remove() -> strawberry.ID:
        node_id = expect_global_id(id, resource.kind.type_name)
        await require(info, operation, node=(resource.kind, node_id))
        await crud.delete(info.context.graph, resource, node_id)
        return id

    deleted_id, errors = await attempt(remove())
    return DeletePayload(deleted_id=deleted_id, errors=errors)
