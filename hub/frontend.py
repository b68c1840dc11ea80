"""The web frontend: frontend/dist (built by `make install`) served at /.

Every page path of the single-page app answers with its index.html; the app's router
then shows the page. Paths outside the app's pages get the same document with status
404 (the app shows its "not found" page). Hashed assets are cached for a year.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

# The first path segment of each page of frontend/src/App.tsx ("" is the home page).
PAGE_SEGMENTS = frozenset(
    {
        "",
        "organisations",
        "people",
        "calls",
        "challenges",
        "pilots",
        "explorer",
        "analytics",
        "sign-in",
        "sign-up",
        "account",
    }
)

MISSING_BUILD_MESSAGE = "The web frontend is not built (frontend/dist is missing): run make install"


class _ImmutableAssets(StaticFiles):
    """Vite names assets by content hash, so a cached copy is never stale."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def frontend_routes(dist: Path) -> list[BaseRoute]:
    index = dist / "index.html"

    async def page(request: Request) -> Response:
        if not index.is_file():
            return PlainTextResponse(MISSING_BUILD_MESSAGE, status_code=503)
        segment = request.url.path.strip("/").split("/", 1)[0]
        return FileResponse(
            index,
            status_code=200 if segment in PAGE_SEGMENTS else 404,
            media_type="text/html; charset=utf-8",
            headers={"Cache-Control": "no-cache"},
        )

    return [
        Mount("/assets", app=_ImmutableAssets(directory=dist / "assets", check_dir=False)),
        Route("/", page),
        Route("/{path:path}", page),
    ]
