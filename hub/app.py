"""The Starlette application: the web frontend at /, GraphQL at /graphql, /health, /ready."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from arq.connections import ArqRedis, create_pool
from redis import exceptions as redis_errors
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from challenges.calendar import challenge_events, funding_call_event, upcoming_challenges
from challenges.ical import CalendarEvent, calendar
from graph import GraphError
from hub.api.context import Context, Loaders
from hub.api.limits import QueryLimits
from hub.api.schema import build_schema
from hub.auth.cookies import SessionCookies
from hub.auth.guard import COOKIES_STATE, VIEWER_STATE, AuthGuard
from hub.auth.headers import SecurityHeaders, cors
from hub.auth.limits import RateLimits
from hub.auth.mailing import AccountMail
from hub.auth.pages import reset_password_page, verify_email_page
from hub.auth.viewer import ANONYMOUS
from hub.challenge_routes import challenge_jsonld_route, challenge_results_csv_route
from hub.ecosystem import funding_calls
from hub.frontend import frontend_routes
from hub.gil import hand_over_quickly
from hub.graphiql import graphiql_routes
from hub.graphql_http import graphql_route
from hub.mail import backend_from_url
from hub.runtime import Runtime, open_runtime
from hub.settings import Settings
from hub.suggestions.index import MatchIndex
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.service import Matcher

log = logging.getLogger(__name__)

FRONTEND_DIR = Path(__file__).resolve().parent.parent / "frontend"
READY_TIMEOUT = 2.0
QUERY_THREADS = 1
"""Threads for encoding in the web process: one short query per `suggestPartners(text:)` or
`suggestFundingCalls(text:)`, no faster on two threads (p50 29.8 ms against 28.6 ms on one),
and a second thread took the core the event loop needed while an import ran."""


async def _context(request: Request) -> Context:
    runtime: Runtime = request.app.state.runtime
    state = request.scope.get("state", {})
    return Context(
        graph=runtime.graph,
        loaders=Loaders(runtime.graph),
        matcher=request.app.state.matcher,
        jobs=request.app.state.jobs,
        viewer=state.get(VIEWER_STATE, ANONYMOUS),
        cookies=state.get(COOKIES_STATE, SessionCookies()),
        mail=request.app.state.mail,
        session_days=runtime.settings.session_days,
    )


async def health(request: Request) -> Response:
    """Alive: the process answers. Says nothing about the graph."""
    return JSONResponse({"status": "ok"})


async def ready(request: Request) -> Response:
    """Ready: the graph and arq's Redis both answer within two seconds."""
    runtime: Runtime = request.app.state.runtime
    jobs: ArqRedis = request.app.state.jobs
    checks: dict[str, str] = {}
    try:
        await asyncio.wait_for(runtime.graph.ping(), READY_TIMEOUT)
        checks["graph"] = "ok"
    except (GraphError, TimeoutError) as exc:
        log.warning("readiness: graph not reachable: %s", exc)
        checks["graph"] = "unreachable"
    try:
        await asyncio.wait_for(jobs.ping(), READY_TIMEOUT)
        checks["redis"] = "ok"
    except (redis_errors.RedisError, OSError, TimeoutError) as exc:
        log.warning("readiness: redis not reachable: %s", exc)
        checks["redis"] = "unreachable"
    ok = all(value == "ok" for value in checks.values())
    return JSONResponse(
        {"status": "ready" if ok else "not ready", **checks}, status_code=200 if ok else 503
    )


CALENDAR_CALL_PAGES = 5  # at most 500 funding calls, the earliest deadlines first
CALENDAR_PAST_DAYS = 30  # challenges whose deadline passed recently stay in the feed


async def calendar_feed(request: Request) -> Response:
    """Deadlines of public challenges and open or forthcoming funding calls (RFC 5545)."""
    runtime: Runtime = request.app.state.runtime
    now = datetime.now(UTC)
    since = now - timedelta(days=CALENDAR_PAST_DAYS)
    events: list[CalendarEvent] = []
    for node in await upcoming_challenges(graph=runtime.graph, since=since):
        events += challenge_events(node)
    after: str | None = None
    for _ in range(CALENDAR_CALL_PAGES):
        page = await funding_calls.page(
            runtime.graph, {"status": ["OPEN", "FORTHCOMING"]}, first=100, after=after, now=now
        )
        events += [e for node in page.nodes if (e := funding_call_event(node)) is not None]
        if not page.has_next_page:
            break
        after = page.cursors[-1]
    body = calendar(events, name="Thessaloniki innovation hub: deadlines", now=now)
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="deadlines.ics"'},
    )


def create_app(
    settings: Settings, runtime: Runtime | None = None, *, holder: EmbedderHolder | None = None
) -> Starlette:
    """The web application; it opens its own runtime unless one is handed in (`hub run`).

    `holder`: an embedding model already loaded (tests), else the configured one.
    """
    mail = AccountMail(
        backend_from_url(settings.mail_url, data_dir=settings.data_dir, sender=settings.mail_from),
        settings.public_url,
    )
    limits = QueryLimits(
        max_depth=settings.max_depth,
        max_cost=settings.max_cost,
        max_tokens=settings.max_tokens,
        introspection=settings.introspection,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        hand_over_quickly()
        async with contextlib.AsyncExitStack() as stack:
            opened = (
                runtime
                if runtime is not None
                else await stack.enter_async_context(open_runtime(settings))
            )
            jobs = await create_pool(opened.redis)
            stack.push_async_callback(jobs.aclose)
            loaded = holder or EmbedderHolder.from_settings(settings, threads=QUERY_THREADS)
            embedder = await asyncio.to_thread(loaded.get)
            app.state.runtime = opened
            app.state.jobs = jobs
            app.state.mail = mail
            app.state.matcher = Matcher(
                graph=opened.graph, index=MatchIndex(embedder.dimensions), embedder=embedder
            )
            yield

    routes = [
        Route("/health", health),
        Route("/ready", ready),
        Route("/calendar.ics", calendar_feed),
        Route("/verify-email", verify_email_page),
        Route("/reset-password", reset_password_page, methods=["GET", "POST"]),
        Route("/challenges/{id}.jsonld", challenge_jsonld_route),
        Route("/challenges/{id}/results.csv", challenge_results_csv_route),
        graphql_route(
            "/graphql",
            build_schema(limits),
            _context,
            max_query_chars=settings.max_query_chars,
        ),
        *graphiql_routes(FRONTEND_DIR),
        *frontend_routes(FRONTEND_DIR / "dist"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        *cors(settings.cors_origins),
        Middleware(
            AuthGuard,
            limits=RateLimits(
                anonymous=settings.rate_limit_anonymous, account=settings.rate_limit_account
            ),
            cookie_secure=settings.cookie_secure,
        ),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
