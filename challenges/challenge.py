"""A challenge: what it asks, who runs it, its prizes and schedule; create, update, move on.

Extends the graph model of the past challenges the demo seed writes (`Challenge` nodes,
`(:Organisation)-[:ORGANISES]->(:Challenge)`), adding the lifecycle's properties:
`phase`, `phase_history`, the schedule (see `phases`), `rules_el/en`,
`eligibility_el/en`, `prizes` (JSON text), `max_team_size`, `website`; `rubric` is set by
`rubric`/`judging`. `year` is the year of the submission deadline in the challenge's zone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from challenges.challenge_fields import (
    check_input,
    current_input,
    finish,
)
from challenges.cypher import lock
from challenges.errors import InvalidTransition, NotFound
from challenges.ids import new_id
from challenges.lifecycle import check_transition
from challenges.phases import (
    Phase,
    Schedule,
    phase_of,
    schedule_of,
    utc_iso,
)
from challenges.text import slug
from challenges.validation import Checker, check_id
from graph import GraphEngine, Statement

_EXAMPLE_ID = new_id()

CREATE_CHALLENGE = Statement(
    name="challenge_create",
    cypher=(
        "OPTIONAL MATCH (o:Organisation) WHERE o.id IN $organisers "
        "WITH collect(DISTINCT o) AS found WHERE size(found) = size($organisers) "
        "CREATE (c:Entity:Challenge) SET c = $props "
        "FOREACH (o IN found | MERGE (o)-[:ORGANISES]->(c)) "
        "RETURN c {.*} AS node"
    ),
    example={"organisers": [], "props": {"id": _EXAMPLE_ID, "key": "k", "phase": "draft"}},
    write=True,
)
FOUND_ORGANISATIONS = Statement(
    name="challenge_found_organisations",
    cypher="UNWIND $ids AS id MATCH (o:Organisation {id: id}) RETURN o.id AS id",
    example={"ids": [_EXAMPLE_ID]},
)
GET_CHALLENGE = Statement(
    name="challenge_get",
    cypher=(
        "MATCH (c:Challenge {id: $id}) OPTIONAL MATCH (o:Organisation)-[:ORGANISES]->(c) "
        "RETURN c {.*} AS node, collect(o.id) AS organisers"
    ),
    example={"id": _EXAMPLE_ID},
)
UPDATE_CHALLENGE = Statement(
    name="challenge_update",
    cypher=(
        "MATCH (c:Challenge {id: $id}) WHERE c.phase = $phase SET c += $props RETURN c {.*} AS node"
    ),
    example={"id": _EXAMPLE_ID, "phase": "draft", "props": {"title_en": "T"}},
    write=True,
)
# Compare-and-set on the phase: of two concurrent moves from the same phase, one wins.
MOVE_PHASES = Statement(
    name="challenge_move_phases",
    cypher=(
        f"UNWIND $moves AS m MATCH (c:Challenge {{id: m.id}}) {lock('c')}"
        "WITH c, m WHERE c.phase = m.source "
        "SET c.phase = m.target, c.phase_changed_at = $now, c.updated_at = $now, "
        "c.phase_history = coalesce(c.phase_history, []) + [step IN m.steps | step + ' ' + $now] "
        "RETURN c.id AS id, m.source AS source, m.target AS target, c {.*} AS node"
    ),
    example={
        "moves": [
            {"id": _EXAMPLE_ID, "source": "draft", "target": "published", "steps": ["published"]}
        ],
        "now": "2027-01-01T00:00:00+00:00",
    },
    write=True,
)


def now_utc(now: datetime | None = None) -> datetime:
    return now if now is not None else datetime.now(UTC)


async def create_challenge(
    *,
    graph: GraphEngine,
    data: Mapping[str, Any],
    now: datetime | None = None,
    marks: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A new challenge in `draft`, with its organisers (each must exist).

    `marks` are properties no client sets (the demo seed's `demo: true`).
    """
    props = check_input(data)
    organisers: list[str] = props.pop("organisers")
    if not organisers:
        checker = Checker("input")
        checker.fail("organisers", "at least one organisation must organise it", "REQUIRED")
        checker.done()
    stamp = utc_iso(now_utc(now))
    node_id = new_id()
    props.update(
        id=node_id,
        key=f"{slug(props['title_en'] or props['title_el'] or '')}-{node_id[:8]}",
        phase=Phase.DRAFT.value,
        phase_history=[f"draft {stamp}"],
        created_at=stamp,
        updated_at=stamp,
    )
    finish(props, now_utc(now).year)
    props.update(marks or {})
    rows = await graph.run(
        CREATE_CHALLENGE,
        {"organisers": organisers, "props": {k: v for k, v in props.items() if v is not None}},
    )
    if not rows:
        await _missing_organisers(graph, organisers)
    return dict(rows[0]["node"])


async def _missing_organisers(graph: GraphEngine, organisers: list[str]) -> None:
    found = {row["id"] for row in await graph.run(FOUND_ORGANISATIONS, {"ids": organisers})}
    for i, organiser in enumerate(organisers):
        if organiser not in found:
            raise NotFound("no organisation has this id", f"input.organisers[{i}]")
    raise NotFound("an organiser was removed meanwhile; try again", "input.organisers")


async def get_challenge(*, graph: GraphEngine, challenge_id: str) -> dict[str, Any]:
    """The challenge node, with `organisers` (their ids) added."""
    rows = await graph.run(GET_CHALLENGE, {"id": check_id("challengeId", challenge_id)})
    if not rows:
        raise NotFound("no challenge has this id", "challengeId")
    return {**dict(rows[0]["node"]), "organisers": list(rows[0]["organisers"])}


async def update_challenge(
    *,
    graph: GraphEngine,
    challenge_id: str,
    patch: Mapping[str, Any],
    now: datetime | None = None,
) -> dict[str, Any]:
    """Apply a partial change (given fields replace, null clears, absent fields stay).

    Organisers are set at creation and stay. Once a phase has been reached its opening
    date is history: a schedule change may only move dates that are still ahead.
    """
    node = await get_challenge(graph=graph, challenge_id=challenge_id)
    phase = phase_of(node)
    if phase == Phase.ARCHIVED:
        raise InvalidTransition("an archived challenge cannot be changed", "challengeId")
    if "organisers" in patch:
        checker = Checker("input")
        checker.fail("organisers", "organisers are set when the challenge is created")
        checker.done()
    merged = {**current_input(node, node["organisers"]), **patch}
    props = check_input(merged)
    props.pop("organisers")
    finish(props, int(node.get("year") or now_utc(now).year))
    before, after = schedule_of(node), schedule_of(props)
    if "schedule" in patch:
        _check_schedule_change(phase, before, after, now_utc(now))
    props["updated_at"] = utc_iso(now_utc(now))
    rows = await graph.run(
        UPDATE_CHALLENGE, {"id": node["id"], "phase": phase.value, "props": props}
    )
    if not rows:
        raise InvalidTransition("the challenge changed phase meanwhile; try again", "challengeId")
    return dict(rows[0]["node"])


def _check_schedule_change(
    phase: Phase, before: Schedule | None, after: Schedule | None, now: datetime
) -> None:
    """Dates of phases already reached stay as they were; moved dates must lie ahead."""
    if phase in (Phase.DRAFT, Phase.PUBLISHED) and after is None:
        return
    checker = Checker("input")
    if after is None:
        checker.fail("schedule", f"cannot be removed once the challenge is {phase.value}")
        checker.done()
    assert after is not None
    reached = {
        Phase.REGISTRATION: ("registration_opens",),
        Phase.SUBMISSION: ("registration_opens", "submission_opens"),
        Phase.JUDGING: ("registration_opens", "submission_opens", "submission_deadline"),
        Phase.AWARDED: ("registration_opens", "submission_opens", "submission_deadline"),
    }.get(phase, ())
    for name in ("registration_opens", "submission_opens", "submission_deadline", "judging_ends"):
        old = getattr(before, name) if before else None
        new = getattr(after, name)
        if old == new:
            continue
        if name in reached:
            checker.fail(
                f"schedule.{name}", f"cannot change: the challenge is already {phase.value}"
            )
        elif phase != Phase.DRAFT and new is not None and new <= now:
            checker.fail(f"schedule.{name}", "a moved date must lie in the future")
    checker.done()


async def transition(
    *,
    graph: GraphEngine,
    challenge_id: str,
    target: Phase | str,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Move a challenge to `target` if the lifecycle allows it now; return the node."""
    checker = Checker()
    wanted = checker.choice(
        "phase", str(target) if target is not None else None, [p.value for p in Phase]
    )
    checker.done()
    goal = Phase(str(wanted))
    moment = now_utc(now)
    node = await get_challenge(graph=graph, challenge_id=challenge_id)
    current = phase_of(node)
    check_transition(current, goal, schedule_of(node), moment)
    if goal == Phase.AWARDED:
        raise InvalidTransition("a challenge is awarded by recording its awards", "phase")
    rows = await move(graph=graph, moves=[(node["id"], current, [goal])], now=moment)
    if not rows:
        latest = phase_of(await get_challenge(graph=graph, challenge_id=challenge_id))
        raise InvalidTransition(f"the challenge moved to {latest.value} meanwhile", "phase")
    return rows[0]


async def move(
    *, graph: GraphEngine, moves: list[tuple[str, Phase, list[Phase]]], now: datetime
) -> list[dict[str, Any]]:
    """Take each challenge from a phase through `steps` (compare-and-set on the phase).

    Returns the nodes actually moved: one already moved by someone else is left alone.
    """
    if not moves:
        return []
    rows = await graph.run(
        MOVE_PHASES,
        {
            "moves": [
                {
                    "id": node_id,
                    "source": source.value,
                    "target": steps[-1].value,
                    "steps": [step.value for step in steps],
                }
                for node_id, source, steps in moves
            ],
            "now": utc_iso(now),
        },
    )
    return [dict(row["node"]) for row in rows]
