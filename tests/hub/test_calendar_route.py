"""GET /calendar.ics: challenge and funding-call deadlines as an RFC 5545 feed."""

from __future__ import annotations

from datetime import timedelta

import httpx
from arq.connections import RedisSettings
from starlette.applications import Starlette
from starlette.routing import Route

from challenges import challenge
from challenges.phases import utc_iso
from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.app import calendar_feed
from hub.ecosystem import funding_calls
from hub.runtime import JOBS_DATABASE, Runtime
from hub.settings import Settings
from tests.challenges.factories import challenge_input, node


async def test_the_feed_lists_public_challenge_and_open_call_deadlines(
    embedded_server: EmbeddedServer, graph: FalkorDBEngine
) -> None:
    now = challenge.now_utc()
    organiser = await node(graph, "Organisation", "Municipality of Thessaloniki")
    schedule = {
        "timezone": "Europe/Athens",
        "registration_opens": utc_iso(now + timedelta(days=2)),
        "submission_opens": utc_iso(now + timedelta(days=10)),
        "submission_deadline": utc_iso(now + timedelta(days=40)),
    }
    public = await challenge.create_challenge(
        graph=graph, data=challenge_input(organiser, schedule=schedule)
    )
    await challenge.transition(graph=graph, challenge_id=public["id"], target="published")
    await challenge.create_challenge(
        graph=graph,
        data=challenge_input(organiser, title={"en": "Secret draft"}, schedule=schedule),
    )
    await funding_calls.create(
        graph,
        {
            "identifier": "HORIZON-CL5-2027-D6-01-01",
            "title": {"en": "Zero-emission urban mobility"},
            "deadline": (now + timedelta(days=60)).isoformat(),
            "timezone": "Europe/Brussels",
        },
    )
    await funding_calls.create(
        graph,
        {
            "identifier": "HORIZON-CL5-2020-OLD",
            "title": {"en": "A closed call"},
            "deadline": (now - timedelta(days=60)).isoformat(),
        },
    )
    redis = RedisSettings(unix_socket_path=str(embedded_server.socket_path), database=JOBS_DATABASE)
    app = Starlette(routes=[Route("/calendar.ics", calendar_feed)])
    app.state.runtime = Runtime(Settings.from_env({}), graph, embedded_server, redis)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://hub.test"
    ) as client:
        response = await client.get("/calendar.ics")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    raw = response.content.decode("utf-8")
    assert raw.startswith("BEGIN:VCALENDAR\r\n") and raw.endswith("END:VCALENDAR\r\n")
    text = raw.replace("\r\n ", "")
    assert text.count("BEGIN:VEVENT") == 4  # three dates of the public challenge, one call
    assert "SUMMARY:Submission deadline: Open mobility data" in text
    assert "Secret draft" not in text and "A closed call" not in text
    assert "SUMMARY:Funding call deadline: Zero-emission urban mobility" in text
