"""Following winners into OK!Thess: an onboarding status per award, tracked by organisers.

referred -> accepted -> in_programme -> funded, forward only (a step may be skipped: a
team can be funded without a programme). Stored on the Award: `onboarding_status`,
`onboarding_history` (`"<status> <utc time>"`, oldest first), `onboarding_note`, and
`(:Award)-[:REFERRED_TO]->(:Programme)` when a programme is named. The suggestions of
the follow-up pack (programmes, mentors, partners, calls) come from matching, in the hub.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from challenges.challenge import now_utc
from challenges.cypher import lock
from challenges.errors import InvalidTransition, NotFound
from challenges.ids import new_id
from challenges.phases import utc_iso
from challenges.validation import Checker
from graph import GraphEngine, Statement

STATUSES = ("referred", "accepted", "in_programme", "funded")

SET_ONBOARDING = Statement(
    name="challenge_set_onboarding",
    cypher=(
        f"MATCH (a:Award {{id: $award}}) {lock('a')}"
        "WITH a WHERE coalesce(a.onboarding_status, '') = $expected "
        "SET a.onboarding_status = $status, a.onboarding_note = $note, "
        "a.onboarding_updated_at = $now, "
        "a.onboarding_history = coalesce(a.onboarding_history, []) + [$status + ' ' + $now] "
        "WITH a OPTIONAL MATCH (p:Programme {id: $programme}) "
        "FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | MERGE (a)-[:REFERRED_TO]->(x)) "
        "RETURN a {.*} AS node, p IS NOT NULL AS programme_found"
    ),
    example={
        "award": new_id(),
        "expected": "",
        "status": "referred",
        "note": None,
        "programme": None,
        "now": "2027-01-01T00:00:00+00:00",
    },
    write=True,
)
AWARD_STATUS = Statement(
    name="challenge_award_status",
    cypher="MATCH (a:Award {id: $award}) RETURN a.onboarding_status AS status",
    example={"award": new_id()},
)
PROGRAMME_EXISTS = Statement(
    name="challenge_programme_exists",
    cypher="MATCH (p:Programme {id: $programme}) RETURN p.id AS id",
    example={"programme": new_id()},
)


def refusal(current: str | None, target: str) -> str | None:
    """Why the onboarding status cannot go from `current` to `target`, or None."""
    if current == target:
        return f"the team is already {target.replace('_', ' ')}"
    if current is not None and STATUSES.index(target) < STATUSES.index(current):
        return f"onboarding goes forward only: the team is already {current.replace('_', ' ')}"
    return None


async def set_onboarding(
    *,
    graph: GraphEngine,
    award_id: str,
    status: str,
    programme_id: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Move a winning team's onboarding forward; the award node is returned."""
    checker = Checker()
    award = checker.node_id("awardId", award_id)
    target = checker.choice("status", status, STATUSES)
    programme = checker.node_id("programmeId", programme_id, required=False)
    text = checker.text("note", note, max_length=2000)
    checker.done()
    assert target is not None
    rows = await graph.run(AWARD_STATUS, {"award": award})
    if not rows:
        raise NotFound("no award has this id", "awardId")
    current = rows[0]["status"]
    reason = refusal(current, target)
    if reason is not None:
        raise InvalidTransition(reason, "status")
    if programme is not None and not await graph.run(PROGRAMME_EXISTS, {"programme": programme}):
        raise NotFound("no programme has this id", "programmeId")
    params = {
        "award": award,
        "expected": current or "",
        "status": target,
        "note": text,
        "programme": programme,
        "now": utc_iso(now_utc(now)),
    }
    written = await graph.run(SET_ONBOARDING, params)
    if not written:
        raise InvalidTransition("the onboarding status changed meanwhile; reload it", "status")
    return dict(written[0]["node"])
