"""The demo's running challenge: dates counted from today, open for registration."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from challenges import challenge
from challenges.calendar import upcoming_challenges
from challenges.phases import schedule_of
from graph import GraphEngine
from hub.demo import seed as demo


async def test_the_demo_challenge_is_open_for_registration_and_marked_demo(
    graph: GraphEngine,
) -> None:
    data = demo.load_demo_data()
    small: dict[str, list[dict[str, Any]]] = {name: [] for name in demo.FILES}
    small["organisations"] = [o for o in data["organisations"] if o["key"] == "mth-digital"]
    small["open_challenges"] = data["open_challenges"]
    report = await demo.seed(graph, small)
    assert report.created["open challenges"] == 1

    (running,) = await upcoming_challenges(graph=graph, since=datetime.now(UTC))
    stored = await challenge.get_challenge(graph=graph, challenge_id=running["id"])
    assert stored["phase"] == "registration" and stored["demo"] is True
    schedule = schedule_of(stored)
    assert schedule is not None
    assert schedule.registration_opens < datetime.now(UTC) < schedule.submission_opens
    assert schedule.submission_deadline.hour == 18
    assert {c["key"] for c in json.loads(stored["rubric"])} == {
        "impact",
        "open_data",
        "feasibility",
    }
    assert await demo.remove_demo(graph) == 2  # the organisation and the challenge
