"""The scheduled job's logic: move every challenge whose phase dates have passed.

Idempotent and safe to run twice, or in two workers at once: each move is a
compare-and-set on the phase it starts from, so a challenge already moved is left alone
and a second run finds nothing due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from challenges.challenge import move, now_utc
from challenges.lifecycle import due_transitions
from challenges.phases import Phase, phase_of, schedule_of, utc_iso
from graph import GraphEngine, Statement

# Phases the schedule moves on from (the phase before each automatic one).
WAITING = [Phase.PUBLISHED.value, Phase.REGISTRATION.value, Phase.SUBMISSION.value]

DUE_CANDIDATES = Statement(
    name="challenge_due_candidates",
    cypher=(
        "MATCH (c:Challenge) WHERE c.phase IN $phases AND c.registration_opens_utc <= $now "
        "RETURN c {.*} AS node ORDER BY c.id"
    ),
    example={"phases": WAITING, "now": "2027-01-01T00:00:00+00:00"},
)


@dataclass(frozen=True)
class Moved:
    challenge: str
    source: Phase
    steps: list[Phase]


async def advance_due_phases(*, graph: GraphEngine, now: datetime | None = None) -> list[Moved]:
    """Take every challenge through the phases its schedule has reached by `now`."""
    moment = now_utc(now)
    rows = await graph.run(DUE_CANDIDATES, {"phases": WAITING, "now": utc_iso(moment)})
    due: list[tuple[str, Phase, list[Phase]]] = []
    for row in rows:
        node = row["node"]
        current = phase_of(node)
        steps = due_transitions(current, schedule_of(node), moment)
        if steps:
            due.append((str(node["id"]), current, steps))
    moved = {node["id"] for node in await move(graph=graph, moves=due, now=moment)}
    return [Moved(node_id, source, steps) for node_id, source, steps in due if node_id in moved]
