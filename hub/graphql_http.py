"""A Starlette endpoint serving a Strawberry schema per the GraphQL over HTTP spec.

Strawberry's own Starlette view knows neither `application/graphql-response+json`
nor the spec's status codes, so this endpoint parses the HTTP request, calls
`schema.execute` itself and maps the result to a status code and a JSON body:

- `application/json`: 200 for every well-formed request, GraphQL errors or not.
- `application/graphql-response+json`: 400 (and no `data`) when the operation never
  ran: parse, validation, variable-coercion or operation-selection errors; 200 when
  it ran, even if `data` is null.
- A `PublicError(status=...)` overrides the status for both media types (503 also
  gets `Retry-After`).

Errors never leak internals: anything that is neither a GraphQL error nor a
`PublicError` reaches the client as "Internal server error" (code INTERNAL) and is
logged with its traceback on the "hub.graphql" logger.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLSyntaxError, VariableDefinitionNode
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send
from strawberry.schema.exceptions import (
    CannotGetOperationTypeError,
    InvalidOperationTypeError,
)
from strawberry.types.execution import ExecutionResult, PreExecutionError
from strawberry.types.graphql import OperationType

from hub.graphiql import graphiql_html

__all__ = [
    "GRAPHQL_RESPONSE_JSON",
    "JSON",
    "PublicError",
    "graphql_route",
]

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
RETRY_AFTER_SECONDS = 5

logger = logging.getLogger("hub.graphql")


class PublicError(Exception):
    """An error whose message is meant for the client.

    Raise it from a resolver (or the context getter) to send `message` with
    `extensions.code`; `status`, when set, becomes the HTTP status of the response.
    """

    def __init__(self, message: str, *, code: str, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


class _RequestError(Exception):
    """A malformed HTTP request, answered before any GraphQL work."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str = "BAD_REQUEST",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = dict(headers or {})


@dataclass(frozen=True)
class _Params:
    query: str
    variables: dict[str, Any] | None
    operation_name: str | None
    extensions: dict[str, Any] | None


# --- Content negotiation ---------------------------------------------------------


def _parse_accept(header: str) -> list[tuple[str, float]]:
    ranges: list[tuple[str, float]] = []
    for item in header.split(","):
        media_range, *params = (part.strip() for part in item.split(";"))
        if not media_range:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((media_range.lower(), quality))
    return ranges


def _quality(ranges: list[tuple[str, float]], media_type: str) -> float:
    """The q of the most specific range matching media_type (0 when none does)."""
    main_type = media_type.split("/")[0]
    by_specificity = {media_type: 2, f"{main_type}/*": 1, "*/*": 0}
    best: tuple[int, float] = (-1, 0.0)
    for media_range, quality in ranges:
        specificity = by_specificity.get(media_range, -1)
        if specificity > best[0]:
            best = (specificity, quality)
    return best[1]


def _negotiate(accept: str | None) -> str | None:
    """The response media type, or None when the client accepts neither."""
    if accept is None or not accept.strip():
        return JSON
    ranges = _parse_accept(accept)
    graphql_q, json_q = _quality(ranges, GRAPHQL_RESPONSE_JSON), _quality(ranges, JSON)
    if max(graphql_q, json_q) <= 0:
        return None
    return GRAPHQL_RESPONSE_JSON if graphql_q >= json_q else JSON


def _prefers_html(accept: str | None) -> bool:
    if not accept:
        return False
    ranges = _parse_accept(accept)
    html_q = _quality(ranges, "text/html")
    json_q = max(_quality(ranges, GRAPHQL_RESPONSE_JSON), _quality(ranges, JSON))
    return html_q > json_q


# --- Reading the request -----------------------------------------------------------


def _params_from(raw: Mapping[str, object]) -> _Params:
    query = raw.get("query")
    variables = raw.get("variables")
    operation_name = raw.get("operationName")
    extensions = raw.get("extensions")
    if query is None:
        raise _RequestError(400, "The 'query' parameter is required.")
    if not isinstance(query, str):
        raise _RequestError(400, "The 'query' parameter must be a string.")
    if not query:
        raise _RequestError(400, "The 'query' parameter must not be empty.")
    if variables is not None and not isinstance(variables, dict):
        raise _RequestError(400, "The 'variables' parameter must be an object.")
    if operation_name is not None and not isinstance(operation_name, str):
        raise _RequestError(400, "The 'operationName' parameter must be a string.")
    if extensions is not None and not isinstance(extensions, dict):
        raise _RequestError(400, "The 'extensions' parameter must be an object.")
    return _Params(query, variables, operation_name, extensions)


def _params_from_query_string(request: Request) -> _Params:
    raw: dict[str, object] = dict(request.query_params)
    for name in ("variables", "extensions"):
        value = raw.get(name)
        if isinstance(value, str):
            try:
                raw[name] = json.loads(value)
            except ValueError:
                raise _RequestError(400, f"The '{name}' parameter must be JSON-encoded.") from None
    return _params_from(raw)


async def _read_body(request: Request, max_bytes: int) -> bytes:
    too_large = _RequestError(
        413, f"The request body exceeds {max_bytes} bytes.", code="PAYLOAD_TOO_LARGE"
    )
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_bytes:
                raise too_large
    except ClientDisconnect:
        raise _RequestError(400, "The client disconnected.") from None
    return bytes(body)


async def _params_from_body(request: Request, max_bytes: int) -> _Params:
    content_type = request.headers.get("content-type", "")
    media_type, *params = (part.strip().lower() for part in content_type.split(";"))
    charsets = [p.partition("=")[2].strip('"') for p in params if p.startswith("charset=")]
    if media_type != JSON or any(charset != "utf-8" for charset in charsets):
        raise _RequestError(
            415,
            "POST requests must have Content-Type: application/json.",
            code="UNSUPPORTED_MEDIA_TYPE",
        )
    body = await _read_body(request, max_bytes)
    try:
        raw = json.loads(body)
    except (ValueError, RecursionError):
        raise _RequestError(400, "The request body is not valid JSON.") from None
    if isinstance(raw, list):
        raise _RequestError(
            400, "Batched requests are not supported: send one operation per request."
        )
    if not isinstance(raw, dict):
        raise _RequestError(400, "The request body must be a JSON object.")
    return _params_from(raw)


# --- Errors and responses -----------------------------------------------------------


def _json_response(
    payload: Mapping[str, object],
    status: int,
    media_type: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    headers = dict(headers or {})
    if status == 503:
        headers.setdefault("Retry-After", str(RETRY_AFTER_SECONDS))
    return Response(
        json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        status_code=status,
        media_type=f"{media_type}; charset=utf-8",
        headers=headers,
    )


def _error(message: str, code: str) -> dict[str, object]:
    return {"message": message, "extensions": {"code": code}}


def _root_cause(error: GraphQLError) -> BaseException | None:
    """The innermost original error, following GraphQL errors that wrap others."""
    cause: BaseException | None = error.original_error
    while isinstance(cause, GraphQLError) and cause.original_error is not None:
        cause = cause.original_error
    return cause


def _with_code(error: GraphQLError, code: str, message: str | None = None) -> dict[str, Any]:
    formatted: dict[str, Any] = dict(error.formatted)
    if message is not None:
        formatted["message"] = message
    formatted["extensions"] = {**formatted.get("extensions", {}), "code": code}
    return formatted


def _is_variable_error(error: GraphQLError) -> bool:
    nodes = error.nodes or []
    return bool(nodes) and all(isinstance(n, VariableDefinitionNode) for n in nodes)


def _format_error(
    error: GraphQLError, *, ran: bool, pre_execution: bool
) -> tuple[dict[str, Any], int | None, bool]:
    """The client's view of an error, the status it asks for, and whether it was masked.

    `ran`: the operation executed (errors are field errors); `pre_execution`: it
    failed while parsing or validating; else it failed while starting to execute
    (variable coercion, operation selection).
    """
    cause = _root_cause(error)
    if isinstance(cause, PublicError):
        return _with_code(error, cause.code, cause.message), cause.status, False
    public = cause is None or isinstance(cause, GraphQLError)
    if ran and public:
        return dict(error.formatted), None, False
    if not ran:
        if isinstance(error, GraphQLSyntaxError):
            return _with_code(error, "GRAPHQL_PARSE_FAILED"), None, False
        if pre_execution and public:
            return _with_code(error, "GRAPHQL_VALIDATION_FAILED"), None, False
        if not pre_execution and _is_variable_error(error):
            # graphql-core's coercion messages describe the input (quoting a
            # scalar's parse error, itself about the input): kept.
            return _with_code(error, "BAD_USER_INPUT"), None, False
        if not pre_execution and public:
            return _with_code(error, "OPERATION_RESOLUTION_FAILURE"), None, False
    logger.error(
        "Unexpected error in GraphQL operation (path %s)",
        error.path,
        exc_info=cause,
    )
    masked: dict[str, Any] = {"message": "Internal server error"}
    if error.locations is not None:
        masked["locations"] = [location.formatted for location in error.locations]
    if error.path is not None:
        masked["path"] = error.path
    masked["extensions"] = {"code": "INTERNAL"}
    return masked, None, True


def _result_response(result: ExecutionResult, media_type: str) -> Response:
    errors = result.errors or []
    pre_execution = isinstance(result, PreExecutionError)
    # Execution errors always carry a path; errors raised before any resolver ran
    # (variable coercion, operation selection) do not.
    ran = not pre_execution and (
        result.data is not None or not errors or any(e.path is not None for e in errors)
    )
    formatted: list[dict[str, Any]] = []
    statuses: list[int] = []
    masked_any = False
    for error in errors:
        entry, status, masked = _format_error(error, ran=ran, pre_execution=pre_execution)
        formatted.append(entry)
        masked_any = masked_any or masked
        if status is not None:
            statuses.append(status)

    payload: dict[str, object] = {}
    if formatted:
        payload["errors"] = formatted
    if ran:
        payload["data"] = result.data
    if result.extensions:
        payload["extensions"] = result.extensions

    if statuses:
        status = max(statuses)
    elif ran or media_type == JSON:
        status = 200
    else:
        status = 500 if masked_any else 400
    return _json_response(payload, status, media_type)


def _request_error_response(error: _RequestError, media_type: str) -> Response:
    return _json_response(
        {"errors": [_error(error.message, error.code)]},
        error.status,
        media_type,
        error.headers,
    )


def _operation_error_response(message: str, code: str, media_type: str) -> Response:
    """A GraphQL request error found before execution: 200 in JSON, else 400."""
    status = 200 if media_type == JSON else 400
    return _json_response({"errors": [_error(message, code)]}, status, media_type)


# --- The endpoint -------------------------------------------------------------------


class _Endpoint:
    """An ASGI app (not a function), so that Starlette's Route lets every method
    through and the handler answers unsupported ones itself, with a JSON body."""

    def __init__(self, handler: Callable[[Request], Awaitable[Response]]) -> None:
        self._handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self._handler(Request(scope, receive))
        await response(scope, receive, send)


def graphql_route(
    path: str,
    schema: strawberry.Schema,
    context_getter: Callable[[Request], Awaitable[object]],
    *,
    graphiql: bool = True,
    max_body_bytes: int = 1_000_000,
    max_query_chars: int | None = None,
) -> Route:
    """A route serving `schema` at `path` over GET and POST (GraphQL over HTTP).

    `max_query_chars`: longer query texts are refused (400 QUERY_TOO_LARGE) unparsed.
    """

    async def endpoint(request: Request) -> Response:
        method = request.method
        accept = request.headers.get("accept")
        if method not in ("GET", "POST"):
            return _request_error_response(
                _RequestError(
                    405,
                    "Use GET or POST.",
                    code="METHOD_NOT_ALLOWED",
                    headers={"Allow": "GET, POST"},
                ),
                JSON,
            )
        if (
            graphiql
            and method == "GET"
            and "query" not in request.query_params
            and _prefers_html(accept)
        ):
            return HTMLResponse(
                graphiql_html(request.url.path),
                headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
            )
        media_type = _negotiate(accept)
        if media_type is None:
            return _request_error_response(
                _RequestError(
                    406,
                    f"Accept must allow {GRAPHQL_RESPONSE_JSON} or {JSON}.",
                    code="NOT_ACCEPTABLE",
                ),
                JSON,
            )
        try:
            if method == "GET":
                params = _params_from_query_string(request)
            else:
                params = await _params_from_body(request, max_body_bytes)
        except _RequestError as error:
            return _request_error_response(error, media_type)
        if max_query_chars is not None and len(params.query) > max_query_chars:
            return _request_error_response(
                _RequestError(
                    400,
                    f"The query has {len(params.query)} characters; at most {max_query_chars} "
                    "are allowed (send values as variables).",
                    code="QUERY_TOO_LARGE",
                ),
                media_type,
            )

        try:
            context = await context_getter(request)
        except PublicError as error:
            return _json_response(
                {"errors": [_error(error.message, error.code)]},
                error.status or 400,
                media_type,
            )

        allowed = {OperationType.QUERY}
        if method == "POST":
            allowed.add(OperationType.MUTATION)
        try:
            result = await schema.execute(
                params.query,
                variable_values=params.variables,
                context_value=context,
                root_value=None,
                operation_name=params.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=params.extensions,
            )
        except InvalidOperationTypeError as error:
            if error.operation_type is OperationType.MUTATION:
                return _request_error_response(
                    _RequestError(
                        405,
                        "Mutations must be sent with POST.",
                        code="METHOD_NOT_ALLOWED",
                        headers={"Allow": "POST"},
                    ),
                    media_type,
                )
            return _operation_error_response(
                "Subscriptions are not supported over this endpoint.",
                "OPERATION_NOT_SUPPORTED",
                media_type,
            )
        except CannotGetOperationTypeError as error:
            message = (
                f"Unknown operation named '{error.operation_name}'."
                if error.operation_name is not None
                else "The document contains no operation to execute."
            )
            return _operation_error_response(message, "OPERATION_RESOLUTION_FAILURE", media_type)
        return _result_response(result, media_type)

    return Route(path, _Endpoint(endpoint))
