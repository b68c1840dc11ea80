"""Public challenge data over plain HTTP: schema.org JSON-LD and the results as CSV.

`/challenges/{id}.jsonld` describes a challenge once it is published (never a draft);
`/challenges/{id}/results.csv` gives its ranking once it is awarded. `{id}` is the
challenge's global id, as GraphQL shows it. Anything else is a 404 with a short reason.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from challenges import awards, challenge
from challenges.errors import ChallengeError
from challenges.jsonld import challenge_jsonld
from challenges.phases import Phase
from challenges.results_csv import results_csv
from hub.ecosystem import entities
from hub.ecosystem.errors import HubError
from hub.ecosystem.ids import expect_global_id
from hub.ecosystem.organisations import ORGANISATION
from hub.runtime import Runtime

NOT_PUBLIC = "no public challenge has this id"


def _not_found(message: str) -> Response:
    return JSONResponse({"error": message}, status_code=404)


async def challenge_jsonld_route(request: Request) -> Response:
    runtime: Runtime = request.app.state.runtime
    language = request.query_params.get("language", "en")
    try:
        challenge_id = expect_global_id(request.path_params["id"], "Challenge")
        node = await challenge.get_challenge(graph=runtime.graph, challenge_id=challenge_id)
    except (HubError, ChallengeError):
        return _not_found(NOT_PUBLIC)
    if node.get("phase") in (None, Phase.DRAFT.value):
        return _not_found(NOT_PUBLIC)
    found = await entities.get_many(runtime.graph, ORGANISATION, node.get("organisers") or [])
    data = challenge_jsonld(node, list(found.values()), language=language)
    if data is None:
        return _not_found(NOT_PUBLIC)
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        media_type="application/ld+json; charset=utf-8",
    )


async def challenge_results_csv_route(request: Request) -> Response:
    runtime: Runtime = request.app.state.runtime
    try:
        challenge_id = expect_global_id(request.path_params["id"], "Challenge")
        ranked = await awards.public_results(graph=runtime.graph, challenge_id=challenge_id)
    except (HubError, ChallengeError):
        return _not_found("results are public once the challenge is awarded")
    won = await awards.winners(graph=runtime.graph, challenge_id=challenge_id)
    body = results_csv(ranked, awarded={w["team"]: int(w["rank"]) for w in won})
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="results.csv"'},
    )
