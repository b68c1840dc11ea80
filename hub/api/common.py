"""Types and helpers every part of the schema shares: nodes, texts, pages, mutation errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any, Generic, TypeVar

import strawberry

from hub.ecosystem import entities
from hub.ecosystem.errors import HubError, ValidationFailed
from hub.ecosystem.ids import to_global_id

T = TypeVar("T")


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
    total_count: int


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


def connection(page: entities.Page, build: Callable[[dict[str, Any]], T]) -> Connection[T]:
    edges = [
        Edge(node=build(node), cursor=cursor)
        for node, cursor in zip(page.nodes, page.cursors, strict=True)
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page, end_cursor=page.cursors[-1] if page.cursors else None
        ),
        total_count=page.total,
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
