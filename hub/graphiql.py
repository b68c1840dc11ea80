"""The GraphiQL IDE page and its assets, served offline from frontend/node_modules.

The assets come from the npm packages pinned in frontend/package.json (installed by
`make install`, i.e. `npm ci --prefix frontend`); nothing is loaded from a CDN.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

ASSETS_PATH = "/graphiql/assets"

# Bumped with frontend/package.json (a test checks they agree); it is part of the
# asset URLs so that the long browser cache never serves a stale version.
ASSET_VERSION = "graphiql-3.9.0.react-18.3.1"

# The only files served: public name -> (path under node_modules, content type).
ASSETS: dict[str, tuple[str, str]] = {
    "react.production.min.js": (
        "react/umd/react.production.min.js",
        "text/javascript; charset=utf-8",
    ),
    "react-dom.production.min.js": (
        "react-dom/umd/react-dom.production.min.js",
        "text/javascript; charset=utf-8",
    ),
    "graphiql.min.js": ("graphiql/graphiql.min.js", "text/javascript; charset=utf-8"),
    "graphiql.min.css": ("graphiql/graphiql.min.css", "text/css; charset=utf-8"),
}

DEFAULT_QUERY = """\
{
  organisations(first: 10) {
    totalCount
    edges {
      node {
        id
        name
        kind
        city
      }
    }
  }
}
"""

MISSING_ASSETS_MESSAGE = (
    "The GraphiQL assets are missing (frontend/node_modules is not installed): run make install"
)

LOADING_MESSAGE = (
    "Loading GraphiQL… If this message stays, frontend/node_modules may be missing: "
    "run make install"
)

_PAGE = """\
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Thessaloniki innovation hub · GraphiQL</title>
  <style>html, body, #graphiql {{ height: 100%; margin: 0; }}</style>
  <link rel="stylesheet" href="{assets}/graphiql.min.css?v={version}">
</head>
<body>
  <div id="graphiql"><p style="font-family: sans-serif; margin: 0; padding: 1em">{missing}</p></div>
  <script src="{assets}/react.production.min.js?v={version}"></script>
  <script src="{assets}/react-dom.production.min.js?v={version}"></script>
  <script src="{assets}/graphiql.min.js?v={version}"></script>
  <script>
    (function () {{
      var config = {config};
      var root = document.getElementById("graphiql");
      if (!window.React || !window.ReactDOM || !window.GraphiQL) {{
        root.firstChild.textContent = config.missing;
        return;
      }}
      function fetcher(params, options) {{
        var headers = Object.assign({{
          "Content-Type": "application/json",
          "Accept": "application/graphql-response+json, application/json"
        }}, (options && options.headers) || {{}});
        return fetch(config.endpoint, {{
          method: "POST",
          headers: headers,
          body: JSON.stringify(params),
          credentials: "same-origin"
        }}).then(function (response) {{ return response.json(); }});
      }}
      ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {{
        fetcher: fetcher,
        defaultQuery: config.defaultQuery
      }}));
    }})();
  </script>
</body>
</html>
"""


def graphiql_html(endpoint_path: str) -> str:
    """The GraphiQL page, whose fetcher POSTs to `endpoint_path`."""
    config = {
        "endpoint": endpoint_path,
        "defaultQuery": DEFAULT_QUERY,
        "missing": MISSING_ASSETS_MESSAGE,
    }
    # "<" is escaped so that no string in the config can close the <script> tag.
    config_js = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return _PAGE.format(
        assets=ASSETS_PATH,
        version=ASSET_VERSION,
        missing=html.escape(LOADING_MESSAGE),
        config=config_js,
    )


def graphiql_routes(frontend_dir: Path) -> list[BaseRoute]:
    """Routes serving the allow-listed GraphiQL assets from frontend_dir/node_modules."""
    node_modules = frontend_dir / "node_modules"

    async def asset(request: Request) -> Response:
        entry = ASSETS.get(request.path_params["name"])
        if entry is None:
            return PlainTextResponse("Not found", status_code=404)
        relative_path, content_type = entry
        file = node_modules / relative_path
        if not file.is_file():
            return PlainTextResponse(MISSING_ASSETS_MESSAGE, status_code=404)
        return FileResponse(
            file,
            media_type=content_type,
            headers={
                "Cache-Control": "public, max-age=31536000, immutable",
                "X-Content-Type-Options": "nosniff",
            },
        )

    return [Route(ASSETS_PATH + "/{name}", asset, methods=["GET", "HEAD"])]
