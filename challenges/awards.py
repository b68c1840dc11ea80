"""Awards: the organiser records the winners, which awards the challenge; past winners.

Graph (the model the demo seed already writes for past challenges):
`(:Team)-[:WON]->(:Award {key, rank, prize_el, prize_en})-[:AWARD_OF]->(:Challenge)`,
across years. An award's key is `<team key>/<rank>`, so recording the same winners twice
changes nothing. Recording the awards and moving the challenge to `awarded` is one
statement, allowed only in judging.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from challenges import ranking
from challenges.challenge import get_challenge, now_utc
from challenges.challenge_fields import prizes_of
from challenges.cypher import lock
from challenges.errors import InvalidTransition, NotFound
from challenges.ids import new_id
from challenges.judging import results
from challenges.lifecycle import check_transition
from challenges.phases import Phase, phase_of, schedule_of, utc_iso
from challenges.teams import teams_of
from challenges.validation import Checker
from graph import GraphEngine, Statement

MAX_AWARDS = 10
_A, _B = new_id(), new_id()
_NOW = "2027-01-01T00:00:00+00:00"

RECORD_AWARDS = Statement(
    name="challenge_record_awards",
    cypher=(
        f"MATCH (c:Challenge {{id: $challenge}}) {lock('c')}"
        "WITH c WHERE c.phase = 'judging' "
        "OPTIONAL MATCH (t:Team)-[:ENTERED]->(c) WHERE t.id IN $teams "
        "WITH c, collect(t) AS teams WHERE size(teams) = size($teams) "
        "FOREACH (award IN $awards | "
        "FOREACH (t IN [x IN teams WHERE x.id = award.team] | "
        "MERGE (a:Entity:Award {key: t.key + '/' + toString(award.rank)}) "
        "ON CREATE SET a.id = award.id, a.created_at = $now "
        "SET a += award.props, a.updated_at = $now "
        "MERGE (t)-[:WON]->(a) MERGE (a)-[:AWARD_OF]->(c))) "
        "SET c.phase = 'awarded', c.phase_changed_at = $now, c.updated_at = $now, "
        "c.awarded_at = $now, "
        "c.phase_history = coalesce(c.phase_history, []) + ['awarded ' + $now] "
        "RETURN c {.*} AS node"
    ),
    example={
        "challenge": _A,
        "teams": [_B],
        "awards": [{"team": _B, "rank": 1, "id": new_id(), "props": {"rank": 1}}],
        "now": _NOW,
    },
    write=True,
)
WINNERS = Statement(
    name="challenge_winners",
    cypher=(
        "MATCH (t:Team)-[:WON]->(a:Award)-[:AWARD_OF]->(c:Challenge) "
        "WHERE ($challenge IS NULL OR c.id = $challenge) "
        "AND ($since IS NULL OR c.year >= $since) AND ($until IS NULL OR c.year <= $until) "
        "AND ($theme IS NULL OR $theme IN c.themes) "
        "OPTIONAL MATCH (a)-[:REFERRED_TO]->(p:Programme) "
        "RETURN c.id AS challenge, c.title_el AS title_el, c.title_en AS title_en, "
        "c.year AS year, t.id AS team, t.name AS team_name, a.id AS award, a.rank AS rank, "
        "a.prize_el AS prize_el, a.prize_en AS prize_en, "
        "a.onboarding_status AS onboarding_status, p.id AS programme "
        "ORDER BY c.year DESC, c.sort_key, c.id, a.rank, a.id LIMIT $limit"
    ),
    example={"challenge": None, "since": 2020, "until": None, "theme": None, "limit": 20},
)


def _prize_texts(prize: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """A challenge prize as the award's Greek and English prize text."""
    if not prize:
        return None, None
    description = prize.get("description") or {}
    if prize.get("kind") == "money":
        amount = f"{prize['amount']:,}".replace(",", ".") + f" {prize['currency']}"
        return (
            " ".join(filter(None, [amount, description.get("el")])),
            " ".join(filter(None, [amount, description.get("en")])),
        )
    return description.get("el"), description.get("en")


async def record_awards(
    *,
    graph: GraphEngine,
    challenge_id: str,
    placements: Sequence[Mapping[str, Any]],
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """Record the winners `[{team_id, rank}]` and move the challenge to `awarded`.

    Each award's prize is the challenge's prize of the same rank. Returns the winners.
    """
    challenge = await get_challenge(graph=graph, challenge_id=challenge_id)
    moment = now_utc(now)
    check_transition(phase_of(challenge), Phase.AWARDED, schedule_of(challenge), moment)
    checker = Checker("placements")
    if not isinstance(placements, Sequence) or not 1 <= len(placements) <= MAX_AWARDS:
        checker.fail("", f"must list 1 to {MAX_AWARDS} winning teams")
        checker.done()
    entered = {team["id"] for team in await teams_of(graph=graph, challenge_id=challenge["id"])}
    prizes = {prize["rank"]: prize for prize in prizes_of(challenge) if prize.get("rank")}
    awards: list[dict[str, Any]] = []
    seen_teams: set[str] = set()
    seen_ranks: set[int] = set()
    for i, placement in enumerate(placements):
        team = checker.node_id(f"[{i}].teamId", placement.get("team_id"))
        rank = checker.integer(
            f"[{i}].rank", placement.get("rank"), minimum=1, maximum=MAX_AWARDS, required=True
        )
        if team is not None and team not in entered:
            checker.fail(f"[{i}].teamId", "is not a team of this challenge", "NOT_FOUND")
        if team in seen_teams:
            checker.fail(f"[{i}].teamId", "is awarded twice")
        if rank in seen_ranks:
            checker.fail(f"[{i}].rank", "is given to two teams")
        if team is None or rank is None:
            continue
        seen_teams.add(team)
        seen_ranks.add(rank)
        prize_el, prize_en = _prize_texts(prizes.get(rank))
        props = {"rank": rank, "sort_key": f"{rank}", "search_text": ""}
        props.update({k: v for k, v in {"prize_el": prize_el, "prize_en": prize_en}.items() if v})
        awards.append({"team": team, "rank": rank, "id": new_id(), "props": props})
    checker.done()
    params = {
        "challenge": challenge["id"],
        "teams": sorted(seen_teams),
        "awards": awards,
        "now": utc_iso(moment),
    }
    if not await graph.run(RECORD_AWARDS, params):
        raise InvalidTransition("the challenge left judging meanwhile", "challengeId")
    return await winners(graph=graph, challenge_id=challenge["id"])


async def winners(
    *,
    graph: GraphEngine,
    challenge_id: str | None = None,
    since: int | None = None,
    until: int | None = None,
    theme: str | None = None,
    first: int = 50,
) -> list[dict[str, Any]]:
    """Winners across years (newest challenge first, then by rank), optionally filtered."""
    checker = Checker()
    challenge = checker.node_id("challengeId", challenge_id, required=False)
    checker.integer("since", since, minimum=1900, maximum=2200)
    checker.integer("until", until, minimum=1900, maximum=2200)
    checker.integer("first", first, minimum=0, maximum=100, required=True)
    checker.done()
    params = {
        "challenge": challenge,
        "since": since,
        "until": until,
        "theme": theme,
        "limit": first,
    }
    return [dict(row) for row in await graph.run(WINNERS, params)]


async def public_results(
    *, graph: GraphEngine, challenge_id: str, normalise: bool = False
) -> list[ranking.Ranked]:
    """The ranking, once the challenge is awarded (before that it is the panel's business)."""
    challenge = await get_challenge(graph=graph, challenge_id=challenge_id)
    if phase_of(challenge) not in (Phase.AWARDED, Phase.ARCHIVED):
        raise NotFound("results are public once the challenge is awarded", "challengeId")
    return await results(graph=graph, challenge_id=challenge["id"], normalise=normalise)
