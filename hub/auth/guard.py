"""The HTTP guard in front of /graphql: who asks, CSRF, rate limits, session cookies.

A pure ASGI middleware, so that it can answer early (401, 403, 429, 503) and add the
session cookies a resolver asked for to the response:

1. The viewer: `Authorization: Bearer <API token>` (401 when unknown or malformed), else
   the `hub_session` cookie (an unknown or expired one is cleared, the request is then
   anonymous), else anonymous.
2. CSRF: a POST authenticated by the session cookie that does not carry `X-CSRF-Token`
   equal to the `hub_csrf` cookie of that same session gets a viewer marked
   `csrf_ok=False`: its queries run, its mutations (all but the open ones: sign-up,
   sign-in, sign-out, verification, reset) are refused with `CSRF_FAILED` by the
   permission check. Bearer tokens are not ambient credentials and need no CSRF token.
3. Rate limit: per account when signed in, per client address otherwise (429 with
   `Retry-After`).

It reads the graph and Redis from the app's state (`runtime.graph`, `jobs`), opened by the
lifespan, and leaves the viewer and the cookie jar in the request state.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import replace

from redis.asyncio import Redis
from starlette.datastructures import Headers
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph import GraphEngine, GraphUnavailable
from hub.auth.cookies import SessionCookies
from hub.auth.digests import digest, same
from hub.auth.limits import Leases, RateLimits, hit
from hub.auth.sessions import CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE
from hub.auth.viewer import ANONYMOUS, Via, Viewer, viewer_by_session, viewer_by_token

log = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_CREDENTIAL_CHARS = 512
RETRY_AFTER_UNAVAILABLE = 5
VIEWER_STATE = "viewer"
DEFAULT_LIMITS = RateLimits()
COOKIES_STATE = "session_cookies"


class _Refused(Exception):
    def __init__(
        self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = dict(headers or {})

    def response(self) -> Response:
        body = {"errors": [{"message": self.message, "extensions": {"code": self.code}}]}
        return Response(
            json.dumps(body),
            status_code=self.status,
            media_type="application/json",
            headers=self.headers,
        )


class AuthGuard:
    def __init__(
        self,
        app: ASGIApp,
        *,
        paths: frozenset[str] = frozenset({"/graphql"}),
        limits: RateLimits = DEFAULT_LIMITS,
        cookie_secure: bool = True,
    ) -> None:
        self.app = app
        self.paths = paths
        self.limits = limits
        self.leases = Leases()
        self.cookie_secure = cookie_secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        state = connection.app.state
        jar = SessionCookies(secure=self.cookie_secure)
        try:
            viewer = await self._identify(connection, state.runtime.graph, jar)
            await self._limit(connection, viewer, state.jobs)
        except _Refused as refused:
            response = refused.response()
            for name, value in jar.headers():
                response.raw_headers.append((name, value))
            await response(scope, receive, send)
            return
        except GraphUnavailable:
            await _Refused(
                503,
                "GRAPH_UNAVAILABLE",
                "The graph database is unavailable; try again shortly",
                {"Retry-After": str(RETRY_AFTER_UNAVAILABLE)},
            ).response()(scope, receive, send)
            return
        scope.setdefault("state", {})
        scope["state"][VIEWER_STATE] = viewer
        scope["state"][COOKIES_STATE] = jar

        async def send_with_cookies(message: Message) -> None:
            if message["type"] == "http.response.start" and jar.pending:
                message = {**message, "headers": [*message.get("headers", []), *jar.headers()]}
            await send(message)

        await self.app(scope, receive, send_with_cookies)

    async def _identify(
        self, connection: HTTPConnection, graph: GraphEngine, jar: SessionCookies
    ) -> Viewer:
        authorization = connection.headers.get("authorization")
        if authorization is not None:
            return await self._bearer(authorization, graph)
        token = connection.cookies.get(SESSION_COOKIE)
        if not token:
            return ANONYMOUS
        viewer = None
        if len(token) <= MAX_CREDENTIAL_CHARS:
            viewer = await viewer_by_session(graph, digest(token))
        if viewer is None:
            jar.clear()  # expired or unknown: forget it
            return ANONYMOUS
        jar.token = token
        if connection.scope["method"] not in SAFE_METHODS and not _csrf_ok(
            connection.headers, connection.cookies, viewer
        ):
            return replace(viewer, csrf_ok=False)
        return viewer

    async def _bearer(self, authorization: str, graph: GraphEngine) -> Viewer:
        scheme, _, credentials = authorization.strip().partition(" ")
        credentials = credentials.strip()
        if scheme.lower() != "bearer" or not credentials:
            raise _Refused(
                401,
                "UNAUTHENTICATED",
                "The Authorization header must be `Bearer <API token>`",
                {"WWW-Authenticate": 'Bearer realm="hub"'},
            )
        viewer = None
        if len(credentials) <= MAX_CREDENTIAL_CHARS:
            viewer = await viewer_by_token(graph, digest(credentials))
        if viewer is None:
            raise _Refused(
                401,
                "INVALID_TOKEN",
                "The API token is unknown or was revoked",
                {"WWW-Authenticate": 'Bearer realm="hub", error="invalid_token"'},
            )
        return viewer

    async def _limit(self, connection: HTTPConnection, viewer: Viewer, redis: Redis) -> None:
        if viewer.account_id is not None:
            key, limit = f"account:{viewer.account_id}", self.limits.account
        else:
            client = connection.client
            key, limit = f"address:{client.host if client else 'unknown'}", self.limits.anonymous
        verdict = await hit(redis, self.leases, key, limit)
        if not verdict.allowed:
            raise _Refused(
                429,
                "RATE_LIMITED",
                f"Too many requests: at most {limit} a minute "
                f"{'for an account' if viewer.account_id else 'from one address'}; "
                f"try again in {verdict.retry_after} s",
                {"Retry-After": str(verdict.retry_after), "RateLimit-Limit": str(limit)},
            )


def _csrf_ok(headers: Headers, cookies: Mapping[str, str], viewer: Viewer) -> bool:
    sent = headers.get(CSRF_HEADER, "")
    cookie = cookies.get(CSRF_COOKIE, "")
    return (
        viewer.via is Via.SESSION
        and bool(sent)
        and len(sent) <= MAX_CREDENTIAL_CHARS
        and same(sent, cookie)
        and viewer.csrf_hash is not None
        and same(digest(sent), viewer.csrf_hash)
    )
