"""Participants and teams: register, create a team, invite, join, leave.

Graph: `(:Person|Organisation)-[:REGISTERED_FOR {at}]->(:Challenge)`,
`(:Team)-[:ENTERED]->(:Challenge)`, `(:Person)-[:TEAM_MEMBER {role, joined_at}]->(:Team)`
(role `lead` or `member`), `(:Organisation)-[:TEAM_ORGANISATION]->(:Team)` and
`(:Team)-[:INVITED {at, by}]->(:Person)` until the invitation is taken up.

Each change is one statement whose WHERE holds the rule (phase open, invited, not in
another team of the challenge, size below the challenge's `max_team_size`), so two
concurrent joins cannot overfill a team. When a statement writes nothing, a read says why.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from challenges.challenge import get_challenge, now_utc
from challenges.challenge_fields import DEFAULT_TEAM_SIZE
from challenges.cypher import lock
from challenges.errors import (
    AlreadyInTeam,
    Duplicate,
    InvalidTransition,
    NotAMember,
    NotFound,
    NotInvited,
    TeamFull,
    WrongPhase,
)
from challenges.ids import new_id
from challenges.lifecycle import accepts_registrations
from challenges.phases import Phase, phase_of, utc_iso
from challenges.text import fold, search_text
from challenges.validation import Checker, check_id
from graph import GraphEngine, Statement

OPEN = [Phase.REGISTRATION.value, Phase.SUBMISSION.value]
PARTICIPANT_KINDS = {"person": "Person", "organisation": "Organisation"}
_A, _B, _C = new_id(), new_id(), new_id()
_NOW = "2027-01-01T00:00:00+00:00"

REGISTER = Statement(
    name="challenge_register",
    cypher=(
        "MATCH (c:Challenge {id: $challenge}) WHERE c.phase IN $open "
        "MATCH (p:Entity {id: $participant}) WHERE $label IN labels(p) "
        "MERGE (p)-[r:REGISTERED_FOR]->(c) ON CREATE SET r.at = $now "
        "RETURN r.at AS at"
    ),
    example={"challenge": _A, "open": OPEN, "participant": _B, "label": "Person", "now": _NOW},
    write=True,
)
PARTICIPANT_EXISTS = Statement(
    name="challenge_participant_exists",
    cypher="MATCH (p:Entity {id: $participant}) WHERE $label IN labels(p) RETURN p.id AS id",
    example={"participant": _B, "label": "Person"},
)
CREATE_TEAM = Statement(
    name="challenge_create_team",
    cypher=(
        f"MATCH (c:Challenge {{id: $challenge}}) {lock('c')}"
        "WITH c WHERE c.phase IN $open "
        f"MATCH (p:Person {{id: $lead}}) {lock('p')}"
        "WITH c, p OPTIONAL MATCH (p)-[:TEAM_MEMBER]->(other:Team)-[:ENTERED]->(c) "
        "WITH c, p, count(other) AS teams "
        "OPTIONAL MATCH (same:Team)-[:ENTERED]->(c) WHERE same.sort_key = $props.sort_key "
        "WITH c, p, teams, count(same) AS named WHERE teams = 0 AND named = 0 "
        "CREATE (t:Entity:Team)-[:ENTERED]->(c) SET t = $props "
        "CREATE (p)-[:TEAM_MEMBER {role: 'lead', joined_at: $now}]->(t) "
        "MERGE (p)-[r:REGISTERED_FOR]->(c) ON CREATE SET r.at = $now "
        "WITH t, c OPTIONAL MATCH (o:Organisation {id: $organisation}) "
        "FOREACH (x IN CASE WHEN o IS NULL THEN [] ELSE [o] END | "
        "MERGE (x)-[:TEAM_ORGANISATION]->(t) "
        "MERGE (x)-[r2:REGISTERED_FOR]->(c) ON CREATE SET r2.at = $now) "
        "RETURN t {.*} AS node"
    ),
    example={
        "challenge": _A,
        "open": OPEN,
        "lead": _B,
        "organisation": None,
        "now": _NOW,
        "props": {"id": _C, "key": "k", "name": "T", "sort_key": "t"},
    },
    write=True,
)
# Where a person stands in a challenge: to explain a refused team change.
STANDING = Statement(
    name="challenge_person_standing",
    cypher=(
        "MATCH (c:Challenge {id: $challenge}) "
        "OPTIONAL MATCH (p:Person {id: $person}) "
        "OPTIONAL MATCH (p)-[:TEAM_MEMBER]->(t:Team)-[:ENTERED]->(c) "
        "OPTIONAL MATCH (same:Team)-[:ENTERED]->(c) WHERE same.sort_key = $sort_key "
        "RETURN c.phase AS phase, p IS NOT NULL AS person_exists, t.id AS team, "
        "t.name AS team_name, same.id AS same_name LIMIT 1"
    ),
    example={"challenge": _A, "person": _B, "sort_key": "t"},
)
INVITE = Statement(
    name="challenge_team_invite",
    cypher=(
        "MATCH (t:Team {id: $team})-[:ENTERED]->(c:Challenge) WHERE c.phase IN $open "
        "MATCH (by:Person {id: $by})-[:TEAM_MEMBER]->(t) "
        "MATCH (p:Person {id: $person}) WHERE NOT (p)-[:TEAM_MEMBER]->(t) "
        "MERGE (t)-[i:INVITED]->(p) ON CREATE SET i.at = $now, i.by = $by "
        "RETURN i.at AS at"
    ),
    example={"team": _A, "open": OPEN, "by": _B, "person": _C, "now": _NOW},
    write=True,
)
JOIN = Statement(
    name="challenge_team_join",
    cypher=(
        f"MATCH (t:Team {{id: $team}}) {lock('t')}"
        "WITH t MATCH (t)-[:ENTERED]->(c:Challenge) WHERE c.phase IN $open "
        f"MATCH (t)-[inv:INVITED]->(p:Person {{id: $person}}) {lock('p')}"
        "WITH t, c, p, inv OPTIONAL MATCH (p)-[:TEAM_MEMBER]->(other:Team)-[:ENTERED]->(c) "
        "WITH t, c, p, inv, count(other) AS elsewhere "
        "OPTIONAL MATCH (m:Person)-[:TEAM_MEMBER]->(t) "
        "WITH t, c, p, inv, elsewhere, count(m) AS size "
        "WHERE elsewhere = 0 AND size < coalesce(c.max_team_size, $default_size) "
        "DELETE inv "
        "CREATE (p)-[:TEAM_MEMBER {role: 'member', joined_at: $now}]->(t) "
        "MERGE (p)-[r:REGISTERED_FOR]->(c) ON CREATE SET r.at = $now "
        "RETURN t {.*} AS node, size + 1 AS size"
    ),
    example={"team": _A, "open": OPEN, "person": _B, "now": _NOW, "default_size": 5},
    write=True,
)
TEAM_STATE = Statement(
    name="challenge_team_state",
    cypher=(
        "MATCH (t:Team {id: $team})-[:ENTERED]->(c:Challenge) "
        "OPTIONAL MATCH (m:Person)-[:TEAM_MEMBER]->(t) "
        "WITH t, c, count(m) AS size "
        "OPTIONAL MATCH (p:Person {id: $person}) "
        "OPTIONAL MATCH (t)-[inv:INVITED]->(p) "
        "OPTIONAL MATCH (p)-[mine:TEAM_MEMBER]->(t) "
        "OPTIONAL MATCH (p)-[:TEAM_MEMBER]->(other:Team)-[:ENTERED]->(c) WHERE other <> t "
        "RETURN c.id AS challenge, c.phase AS phase, "
        "coalesce(c.max_team_size, $default_size) AS max_size, size, "
        "p IS NOT NULL AS person_exists, inv IS NOT NULL AS invited, mine.role AS role, "
        "other.name AS other_team LIMIT 1"
    ),
    example={"team": _A, "person": _B, "default_size": 5},
)
LEAVE = Statement(
    name="challenge_team_leave",
    cypher=(
        "MATCH (p:Person {id: $person})-[m:TEAM_MEMBER]->(t:Team {id: $team})"
        "-[:ENTERED]->(c:Challenge) WHERE c.phase IN $open "
        "OPTIONAL MATCH (o:Person)-[:TEAM_MEMBER]->(t) WHERE o <> p "
        "WITH p, m, t, count(o) AS others WHERE m.role <> 'lead' OR others = 0 "
        "DELETE m RETURN t.id AS team, others"
    ),
    example={"team": _A, "open": OPEN, "person": _B},
    write=True,
)
TEAM_MEMBERS = Statement(
    name="challenge_team_members",
    cypher=(
        "UNWIND $teams AS key MATCH (p:Person)-[m:TEAM_MEMBER]->(t:Team {id: key}) "
        "RETURN key AS team, p.id AS person, p.name AS name, m.role AS role, "
        "m.joined_at AS joined_at, coalesce(p.is_public, false) AS is_public, "
        "CASE m.role WHEN 'lead' THEN 0 ELSE 1 END AS lead_first "
        "ORDER BY team, lead_first, joined_at, person"
    ),
    example={"teams": [_A]},
)
CHALLENGE_TEAMS = Statement(
    name="challenge_teams",
    cypher=(
        "MATCH (t:Team)-[:ENTERED]->(c:Challenge {id: $challenge}) "
        "RETURN t {.*} AS node ORDER BY t.sort_key, t.id"
    ),
    example={"challenge": _A},
)


async def register(
    *,
    graph: GraphEngine,
    challenge_id: str,
    participant_id: str,
    kind: str = "person",
    now: datetime | None = None,
) -> str:
    """Register a person or an organisation for a challenge (again: no change); when."""
    checker = Checker()
    label = PARTICIPANT_KINDS.get(checker.choice("kind", kind, PARTICIPANT_KINDS) or "")
    participant = checker.node_id("participantId", participant_id)
    checker.done()
    challenge = await _open_challenge(graph, challenge_id, "registration")
    rows = await graph.run(
        REGISTER,
        {
            "challenge": challenge["id"],
            "open": OPEN,
            "participant": participant,
            "label": label,
            "now": utc_iso(now_utc(now)),
        },
    )
    if not rows:
        found = await graph.run(PARTICIPANT_EXISTS, {"participant": participant, "label": label})
        if not found:
            raise NotFound(f"no {kind} has this id", "participantId")
        raise WrongPhase("registration closed meanwhile", "challengeId")
    return str(rows[0]["at"])


async def create_team(
    *,
    graph: GraphEngine,
    challenge_id: str,
    lead_id: str,
    name: str,
    organisation_id: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """A new team entering the challenge, its lead registered and its first member."""
    checker = Checker()
    team_name = checker.text("name", name, required=True, max_length=120)
    lead = checker.node_id("leadId", lead_id)
    organisation = checker.node_id("organisationId", organisation_id, required=False)
    checker.done()
    assert team_name is not None
    challenge = await _open_challenge(graph, challenge_id, "team creation")
    node_id = new_id()
    sort_key = fold(team_name)
    stamp = utc_iso(now_utc(now))
    props = {
        "id": node_id,
        "key": f"{challenge['key']}/{node_id}",
        "name": team_name,
        "sort_key": sort_key,
        "search_text": search_text(team_name),
        "created_at": stamp,
        "updated_at": stamp,
    }
    params = {
        "challenge": challenge["id"],
        "open": OPEN,
        "lead": lead,
        "organisation": organisation,
        "now": stamp,
        "props": props,
    }
    rows = await graph.run(CREATE_TEAM, params)
    if rows:
        return dict(rows[0]["node"])
    standing = await graph.run(
        STANDING, {"challenge": challenge["id"], "person": lead, "sort_key": sort_key}
    )
    state = standing[0]
    if not state["person_exists"]:
        raise NotFound("no person has this id", "leadId")
    if state["team"] is not None:
        raise AlreadyInTeam(
            f"this person is already in the team {state['team_name']!r} of this challenge",
            "leadId",
        )
    if state["same_name"] is not None:
        raise Duplicate(f"another team of this challenge is called {team_name!r}", "name")
    raise WrongPhase("team creation closed meanwhile", "challengeId")


async def invite(
    *,
    graph: GraphEngine,
    team_id: str,
    person_id: str,
    invited_by: str,
    now: datetime | None = None,
) -> str:
    """A member of the team invites a person; the invitation waits until they join."""
    team, person, by = _ids(teamId=team_id, personId=person_id, invitedBy=invited_by)
    params = {"team": team, "open": OPEN, "by": by, "person": person}
    rows = await graph.run(INVITE, {**params, "now": utc_iso(now_utc(now))})
    if rows:
        return str(rows[0]["at"])
    state = await _team_state(graph, team, person)
    _refuse_if_closed(state)
    if not state["person_exists"]:
        raise NotFound("no person has this id", "personId")
    if state["role"] is not None:
        raise AlreadyInTeam("this person is already in the team", "personId")
    raise NotAMember("only members of the team can invite", "invitedBy")


async def join(
    *, graph: GraphEngine, team_id: str, person_id: str, now: datetime | None = None
) -> dict[str, Any]:
    """An invited person joins (and is registered); refused when the team is full."""
    team, person = _ids(teamId=team_id, personId=person_id)
    params = {"team": team, "open": OPEN, "person": person, "default_size": DEFAULT_TEAM_SIZE}
    rows = await graph.run(JOIN, {**params, "now": utc_iso(now_utc(now))})
    if rows:
        return {**dict(rows[0]["node"]), "size": int(rows[0]["size"])}
    state = await _team_state(graph, team, person)
    _refuse_if_closed(state)
    if not state["person_exists"]:
        raise NotFound("no person has this id", "personId")
    if state["role"] is not None:
        raise AlreadyInTeam("this person is already in the team", "personId")
    if state["other_team"] is not None:
        raise AlreadyInTeam(
            f"this person is already in the team {state['other_team']!r} of this challenge",
            "personId",
        )
    if not state["invited"]:
        raise NotInvited("a member of the team must invite this person first", "personId")
    raise TeamFull(
        f"the team is full: this challenge allows at most {state['max_size']} members",
        "teamId",
    )


async def leave(*, graph: GraphEngine, team_id: str, person_id: str) -> int:
    """A member leaves; the lead only as the last member. Returns the members left."""
    team, person = _ids(teamId=team_id, personId=person_id)
    rows = await graph.run(LEAVE, {"team": team, "open": OPEN, "person": person})
    if rows:
        return int(rows[0]["others"])
    state = await _team_state(graph, team, person)
    _refuse_if_closed(state)
    if state["role"] is None:
        raise NotAMember("this person is not a member of the team", "personId")
    raise InvalidTransition("the team lead cannot leave while other members remain", "personId")


async def members(*, graph: GraphEngine, team_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """For each team, its members (person id, name, role, joined_at, whether the profile
    is public): the lead first."""
    found: dict[str, list[dict[str, Any]]] = {team: [] for team in team_ids}
    if team_ids:
        for row in await graph.run(TEAM_MEMBERS, {"teams": list(dict.fromkeys(team_ids))}):
            found[row["team"]].append(
                {key: row[key] for key in ("person", "name", "role", "joined_at", "is_public")}
            )
    return found


async def teams_of(*, graph: GraphEngine, challenge_id: str) -> list[dict[str, Any]]:
    rows = await graph.run(CHALLENGE_TEAMS, {"challenge": check_id("challengeId", challenge_id)})
    return [dict(row["node"]) for row in rows]


async def _open_challenge(graph: GraphEngine, challenge_id: str, action: str) -> dict[str, Any]:
    challenge = await get_challenge(graph=graph, challenge_id=challenge_id)
    phase = phase_of(challenge)
    if not accepts_registrations(phase):
        raise WrongPhase(
            f"{action} is closed: the challenge is in {phase.value}, and registration is "
            "open only during the registration and submission phases",
            "challengeId",
        )
    return challenge


async def _team_state(graph: GraphEngine, team: str, person: str) -> dict[str, Any]:
    rows = await graph.run(
        TEAM_STATE, {"team": team, "person": person, "default_size": DEFAULT_TEAM_SIZE}
    )
    if not rows:
        raise NotFound("no team has this id", "teamId")
    return dict(rows[0])


def _refuse_if_closed(state: dict[str, Any]) -> None:
    phase = Phase(state["phase"]) if state["phase"] else Phase.ARCHIVED
    if not accepts_registrations(phase):
        raise WrongPhase(f"teams cannot change: the challenge is in {phase.value}", "teamId")


def _ids(**given: str) -> list[str]:
    checker = Checker()
    found = [checker.node_id(field, value) for field, value in given.items()]
    checker.done()
    return [value for value in found if value is not None]
