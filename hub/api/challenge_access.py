"""Who may act on a challenge, its teams, submissions and awards, and as whom.

The acting person (team lead, member, author, judge) is always the signed-in viewer's own
profile, never an argument. Each check names its operation in `hub.auth.permissions`
(RULES or QUERY_RULES) and what it concerns: the challenge, and for team operations the
members of the team, read from the graph in one round trip. Organisers and judges hold
their role on the account (`organiser_of`, `judge_of`); creating a challenge makes the
creator its organiser, and putting a person on the panel makes their account a judge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph import Statement
from hub.api.context import Info
from hub.auth import accounts, audit
from hub.auth.errors import Forbidden
from hub.auth.permissions import Concerned, Grant, check, may, privilege
from hub.auth.viewer import ChallengeRole
from hub.ecosystem.errors import FieldIssue, ValidationFailed
from hub.ecosystem.ids import new_id
from hub.ecosystem.organisations import ORGANISATION

TEAM_CONTEXT = Statement(
    name="challenge_access_team",
    cypher=(
        "MATCH (t:Team {id: $id})-[:ENTERED]->(c:Challenge) "
        "OPTIONAL MATCH (p:Person)-[:TEAM_MEMBER]->(t) "
        "RETURN c.id AS challenge, t.id AS team, collect(p.id) AS members"
    ),
    example={"id": new_id()},
)
SUBMISSION_CONTEXT = Statement(
    name="challenge_access_submission",
    cypher=(
        "MATCH (t:Team)-[:SUBMITTED]->(s:Submission {id: $id})-[:SUBMITTED_TO]->(c:Challenge) "
        "OPTIONAL MATCH (p:Person)-[:TEAM_MEMBER]->(t) "
        "RETURN c.id AS challenge, t.id AS team, collect(p.id) AS members"
    ),
    example={"id": new_id()},
)
AWARD_CONTEXT = Statement(
    name="challenge_access_award",
    cypher=(
        "MATCH (t:Team)-[:WON]->(a:Award {id: $id})-[:AWARD_OF]->(c:Challenge) "
        "OPTIONAL MATCH (p:Person)-[:TEAM_MEMBER]->(t) "
        "RETURN c.id AS challenge, t.id AS team, collect(p.id) AS members"
    ),
    example={"id": new_id()},
)
TEAMS_OF_PERSON = Statement(
    name="challenge_access_teams_of_person",
    cypher=(
        "MATCH (p:Person {id: $person})-[:TEAM_MEMBER]->(t:Team)-[:ENTERED]->"
        "(c:Challenge {id: $challenge}) RETURN t.id AS team"
    ),
    example={"person": new_id(), "challenge": new_id()},
)
ACCOUNTS_OF_PERSON = Statement(
    name="challenge_access_accounts_of_person",
    cypher="MATCH (a:Account {person_id: $person}) RETURN a.id AS id",
    example={"person": new_id()},
)


@dataclass(frozen=True)
class Concern:
    """The challenge a team, submission or award belongs to, and that team's members."""

    challenge: str | None = None
    team: str | None = None
    members: frozenset[str] = field(default_factory=frozenset)


async def _concern(info: Info, statement: Statement, node_id: str) -> Concern:
    rows = await info.context.graph.run(statement, {"id": node_id})
    if not rows:
        return Concern()
    row = rows[0]
    return Concern(
        challenge=row["challenge"],
        team=row["team"],
        members=frozenset(str(m) for m in row["members"] or []),
    )


async def of_team(info: Info, team_id: str) -> Concern:
    return await _concern(info, TEAM_CONTEXT, team_id)


async def of_submission(info: Info, submission_id: str) -> Concern:
    return await _concern(info, SUBMISSION_CONTEXT, submission_id)


async def of_award(info: Info, award_id: str) -> Concern:
    return await _concern(info, AWARD_CONTEXT, award_id)


async def require(
    info: Info,
    operation: str,
    *,
    challenge: str | None = None,
    organisation: str | None = None,
    person: str | None = None,
    concern: Concern | None = None,
) -> None:
    """Raise UNAUTHENTICATED or FORBIDDEN unless the viewer may do `operation` here.

    Allowed through the ADMIN or ORGANISER role, the operation goes to the audit log.
    """
    viewer = info.context.viewer
    creator: str | None = None
    if organisation is not None:
        found = await info.context.loaders.nodes(ORGANISATION).load(organisation)
        creator = str(found["created_by"]) if found and found.get("created_by") else None
    concerned = Concerned(
        organisation=organisation,
        organisation_creator=creator,
        person=person,
        challenge=concern.challenge if concern else challenge,
        team_members=concern.members if concern else frozenset(),
    )
    check(viewer, operation, concerned)
    role = privilege(viewer, operation, concerned)
    if role is not None:
        await audit.record(info.context.graph, viewer, role, operation, concerned)


def organises(info: Info, challenge_id: str | None) -> bool:
    """Whether the viewer organises this challenge (administrators count as organisers)."""
    return may(info.context.viewer, frozenset({Grant.ORGANISER}), Concerned(challenge=challenge_id))


def judges(info: Info, challenge_id: str | None) -> bool:
    return may(info.context.viewer, frozenset({Grant.JUDGE}), Concerned(challenge=challenge_id))


async def member_of(info: Info, organisation_id: str) -> None:
    """FORBIDDEN unless the viewer is a member or owner of (or created) the organisation:
    registering or entering on an organisation's behalf."""
    found = await info.context.loaders.nodes(ORGANISATION).load(organisation_id)
    creator = str(found["created_by"]) if found and found.get("created_by") else None
    concerned = Concerned(organisation=organisation_id, organisation_creator=creator)
    if not may(info.context.viewer, frozenset({Grant.MEMBER}), concerned):
        raise Forbidden("only members of the organisation may act on its behalf")


def acting_person(info: Info) -> str:
    """The viewer's own profile: the person who acts in a team, a submission, a jury."""
    person = info.context.viewer.person_id
    if person is None:
        raise ValidationFailed(
            [FieldIssue("viewer", "this account has no profile to act with", "NO_PROFILE")]
        )
    return person


async def teams_of_viewer(info: Info, challenge_id: str) -> set[str]:
    """The teams of this challenge the viewer is a member of."""
    person = info.context.viewer.person_id
    if person is None:
        return set()
    rows = await info.context.graph.run(
        TEAMS_OF_PERSON, {"person": person, "challenge": challenge_id}
    )
    return {str(row["team"]) for row in rows}


async def make_organiser(info: Info, challenge_id: str) -> None:
    """The viewer who created a challenge organises it from now on."""
    account = info.context.viewer.account_id
    if account is not None:
        await accounts.grant(info.context.graph, account, ChallengeRole.ORGANISER, challenge_id)


async def make_judge(info: Info, person_id: str, challenge_id: str) -> None:
    """Every account of a person put on the panel judges the challenge from now on."""
    rows = await info.context.graph.run(ACCOUNTS_OF_PERSON, {"person": person_id})
    for row in rows:
        await accounts.grant(info.context.graph, str(row["id"]), ChallengeRole.JUDGE, challenge_id)
