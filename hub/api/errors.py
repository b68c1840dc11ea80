"""Expected failures raised while resolving become public errors with a stable code."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from challenges.errors import ChallengeError
from graph import GraphUnavailable
from hub.ecosystem.errors import HubError, ValidationFailed
from hub.graphql_http import PublicError

GRAPH_UNAVAILABLE = "The graph database is unavailable; try again shortly"


def public_error(cause: BaseException | None) -> PublicError | None:
    if isinstance(cause, ValidationFailed) and cause.issues:
        return PublicError(cause.message, code=cause.issues[0].code)
    if isinstance(cause, HubError | ChallengeError):
        return PublicError(cause.message, code=cause.code)
    if isinstance(cause, GraphUnavailable):
        return PublicError(GRAPH_UNAVAILABLE, code="GRAPH_UNAVAILABLE", status=503)
    return None


class PublicErrors(SchemaExtension):
    """Replaces hub errors inside results with PublicError, which the endpoint shows as is."""

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        result.errors = [_translated(error) for error in result.errors]


def _translated(error: GraphQLError) -> GraphQLError:
    public = public_error(error.original_error)
    if public is None:
        return error
    return GraphQLError(
        public.message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=public,
        extensions=_field_of(error.original_error),
    )


def _field_of(cause: BaseException | None) -> dict[str, str] | None:
    """`{"field": ...}` naming the argument a hub error is about (the endpoint adds `code`)."""
    if isinstance(cause, HubError | ChallengeError) and cause.field is not None:
        return {"field": cause.field}
    return None
