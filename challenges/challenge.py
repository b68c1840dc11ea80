"""A challenge: what it asks, who runs it, its prizes and schedule; create, update, move on.

Extends the graph model of the past challenges the demo seed writes (`Challenge` nodes,
`(:Organisation)-[:ORGANISES]->(:Challenge)`), adding the lifecycle's properties:
`phase`, `phase_history`, the schedule (see `phases`), `rules_el/en`,
`eligibility_el/en`, `prizes` (JSON text), `max_team_size`, `website`; `rubric` is set by
`rubric`/`judging`. `year` is the year of the submission deadline in the challenge's zone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from challenges.cypher import lock
from challenges.errors import InvalidTransition, NotFound
from challenges.ids import new_id
from challenges.lifecycle import check_transition
from challenges.phases import (
    DATE_FIELDS,
    Phase,
    Schedule,
    check_schedule,
    phase_of,
    schedule_of,
    utc_iso,
)
from challenges.text import fold, search_text, slug
from challenges.validation import Checker, check_id
from graph import GraphEngine, Statement

DEFAULT_TEAM_SIZE = 5
MAX_TEAM_SIZE = 20
MAX_PRIZES = 20
FIELDS = (
    "title", "description", "rules", "eligibility", "themes", "organisers", "prizes",
    "schedule", "max_team_size", "website",
)  # fmt: skip
PRIZE_KINDS = ("money", "in_kind")
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


def check_input(data: Mapping[str, Any], *, prefix: str = "input") -> dict[str, Any]:
    """Validate a challenge input; return its graph properties (without id and phase)."""
    checker = Checker(prefix)
    if not isinstance(data, Mapping):
        checker.fail("", "must be an object")
        checker.done()
    checker.unknown(data, FIELDS)
    title = checker.localized("title", data.get("title"), required=True, max_length=300)
    description = checker.localized("description", data.get("description"))
    rules = checker.localized("rules", data.get("rules"))
    eligibility = checker.localized("eligibility", data.get("eligibility"))
    themes = checker.tags("themes", data.get("themes"))
    organisers = checker.node_ids("organisers", data.get("organisers"), max_items=20)
    prizes = _check_prizes(checker, data.get("prizes"))
    schedule = check_schedule(checker, data.get("schedule"))
    team_size = checker.integer(
        "max_team_size", data.get("max_team_size"), minimum=1, maximum=MAX_TEAM_SIZE
    )
    website = checker.url("website", data.get("website"))
    checker.done()
    main_title = title["en"] or title["el"] or ""
    props: dict[str, Any] = {
        "title_el": title["el"],
        "title_en": title["en"],
        "description_el": description["el"],
        "description_en": description["en"],
        "rules_el": rules["el"],
        "rules_en": rules["en"],
        "eligibility_el": eligibility["el"],
        "eligibility_en": eligibility["en"],
        "themes": themes,
        "prizes": json.dumps(prizes, ensure_ascii=False, sort_keys=True),
        "max_team_size": team_size or DEFAULT_TEAM_SIZE,
        "website": website,
        "search_text": search_text(
            title["el"], title["en"], description["el"], description["en"], themes
        ),
        "organisers": organisers,
    }
    props["timezone"] = None
    for name in DATE_FIELDS:
        props[name] = props[f"{name}_utc"] = None
    if schedule is not None:
        props.update(schedule.properties())
    props["title_key"] = fold(main_title)
    return props


def _finish(props: dict[str, Any], year: int) -> None:
    """`year` (kept when the schedule gives none) and the sort key that starts with it."""
    props["year"] = props.get("year") or year
    props["sort_key"] = f"{props['year']}-{props.pop('title_key')}"


def _check_prizes(checker: Checker, value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_PRIZES:
        checker.fail("prizes", f"must be a list of at most {MAX_PRIZES} prizes")
        return []
    prizes = []
    for i, item in enumerate(value):
        field = f"prizes[{i}]"
        if not isinstance(item, Mapping):
            checker.fail(field, "must be an object with kind, rank, amount/currency or description")
            continue
        for key in sorted(set(item) - {"kind", "rank", "amount", "currency", "description"}):
            checker.fail(f"{field}.{key}", "is not a known field")
        kind = checker.choice(f"{field}.kind", item.get("kind"), PRIZE_KINDS)
        rank = checker.integer(f"{field}.rank", item.get("rank"), minimum=1, maximum=100)
        description = checker.localized(f"{field}.description", item.get("description"))
        amount = checker.integer(
            f"{field}.amount",
            item.get("amount"),
            minimum=1,
            maximum=10**9,
            required=kind == "money",
        )
        currency = checker.text(f"{field}.currency", item.get("currency"), max_length=3)
        if kind == "money" and (
            currency is None or not (currency.isalpha() and len(currency) == 3)
        ):
            checker.fail(f"{field}.currency", "must be an ISO 4217 code such as EUR")
        if kind == "in_kind" and description["el"] is None and description["en"] is None:
            checker.fail(f"{field}.description", "must say what the prize in kind is", "REQUIRED")
        prizes.append(
            {
                "kind": kind,
                "rank": rank,
                "amount": amount if kind == "money" else None,
                "currency": currency.upper() if currency and kind == "money" else None,
                "description": description,
            }
        )
    return prizes


def prizes_of(node: Mapping[str, Any]) -> list[dict[str, Any]]:
    raw = node.get("prizes")
    return list(json.loads(str(raw))) if raw else []


def current_input(node: Mapping[str, Any], organisers: list[str]) -> dict[str, Any]:
    """A stored challenge as the input that would write it (to apply a patch to)."""
    schedule = schedule_of(node)

    def texts(name: str) -> dict[str, Any] | None:
        el, en = node.get(f"{name}_el"), node.get(f"{name}_en")
        return None if el is None and en is None else {"el": el, "en": en}

    return {
        "title": texts("title"),
        "description": texts("description"),
        "rules": texts("rules"),
        "eligibility": texts("eligibility"),
        "themes": list(node.get("themes") or []),
        "organisers": organisers,
        "prizes": prizes_of(node),
        "schedule": schedule.as_input() if schedule else None,
        "max_team_size": node.get("max_team_size"),
        "website": node.get("website"),
    }


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
    _finish(props, now_utc(now).year)
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
    _finish(props, int(node.get("year") or now_utc(now).year))
    before, after = schedule_of(node), _schedule_from(props)
    if "schedule" in patch:
        _check_schedule_change(phase, before, after, now_utc(now))
    props["updated_at"] = utc_iso(now_utc(now))
    rows = await graph.run(
        UPDATE_CHALLENGE, {"id": node["id"], "phase": phase.value, "props": props}
    )
    if not rows:
        raise InvalidTransition("the challenge changed phase meanwhile; try again", "challengeId")
    return dict(rows[0]["node"])


def _schedule_from(props: Mapping[str, Any]) -> Schedule | None:
    return schedule_of(props)


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
