"""Small factories for the storage tests: nodes of the ecosystem and a challenge's input."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from challenges import challenge, teams
from challenges.ids import new_id
from graph import GraphEngine, Statement

ATHENS = ZoneInfo("Europe/Athens")
# The schedule every test challenge follows, unless told otherwise.
REGISTRATION = datetime(2027, 1, 10, 9, 0, tzinfo=ATHENS)
SUBMISSIONS = datetime(2027, 2, 1, 9, 0, tzinfo=ATHENS)
DEADLINE = datetime(2027, 3, 1, 18, 0, tzinfo=ATHENS)
BEFORE = datetime(2027, 1, 1, 12, 0, tzinfo=ATHENS)
DURING_REGISTRATION = REGISTRATION + timedelta(days=1)
DURING_SUBMISSION = SUBMISSIONS + timedelta(days=1)
AFTER_DEADLINE = DEADLINE + timedelta(minutes=1)

_BY_LABEL = {
    label: Statement(
        name=f"test_create_{label.lower()}",
        cypher=f"CREATE (n:Entity:{label}) SET n = $props RETURN n.id AS id",
        write=True,
    )
    for label in ("Organisation", "Person", "Project", "PilotProject", "Programme")
}


async def node(graph: GraphEngine, label: str, name: str, **props: Any) -> str:
    values = {"id": new_id(), "name": name, "sort_key": name.lower(), **props}
    rows = await graph.run(_BY_LABEL[label], {"props": values})
    return str(rows[0]["id"])


async def link(graph: GraphEngine, source: str, relation: str, target: str) -> None:
    statement = Statement(
        name=f"test_link_{relation.lower()}",
        cypher=f"MATCH (a:Entity {{id: $a}}) MATCH (b:Entity {{id: $b}}) "
        f"CREATE (a)-[:{relation}]->(b) RETURN a.id AS id",
        write=True,
    )
    assert await graph.run(statement, {"a": source, "b": target})


def challenge_input(organiser: str, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": {"el": "Ανοιχτά δεδομένα κινητικότητας", "en": "Open mobility data"},
        "description": {"en": "Ideas for moving around Thessaloniki with open data."},
        "rules": {"en": "Use at least one open dataset."},
        "eligibility": {"en": "Teams of residents, students and companies."},
        "themes": ["mobility", "open data"],
        "organisers": [organiser],
        "prizes": [
            {"kind": "money", "rank": 1, "amount": 5000, "currency": "EUR"},
            {"kind": "in_kind", "rank": 2, "description": {"en": "Six months at OK!Thess"}},
        ],
        "schedule": {
            "timezone": "Europe/Athens",
            "registration_opens": REGISTRATION.isoformat(),
            "submission_opens": SUBMISSIONS.isoformat(),
            "submission_deadline": DEADLINE.isoformat(),
        },
        "max_team_size": 3,
    }
    data.update(overrides)
    return data


async def open_challenge(
    graph: GraphEngine, *, until: str = "registration", **overrides: Any
) -> dict[str, Any]:
    """A challenge taken through its phases up to `until` (registration, submission...)."""
    organiser = await node(graph, "Organisation", "Municipality of Thessaloniki")
    created = await challenge.create_challenge(
        graph=graph, data=challenge_input(organiser, **overrides), now=BEFORE
    )
    steps = {
        "published": [("published", BEFORE)],
        "registration": [("published", BEFORE), ("registration", DURING_REGISTRATION)],
        "submission": [
            ("published", BEFORE),
            ("registration", DURING_REGISTRATION),
            ("submission", DURING_SUBMISSION),
        ],
    }[until]
    for phase, moment in steps:
        created = await challenge.transition(
            graph=graph, challenge_id=created["id"], target=phase, now=moment
        )
    return created


async def team_with(
    graph: GraphEngine, challenge_id: str, name: str, *, now: datetime = DURING_SUBMISSION
) -> tuple[str, str]:
    """A team of one lead; returns (team id, lead id)."""
    lead = await node(graph, "Person", f"{name} lead")
    team = await teams.create_team(
        graph=graph, challenge_id=challenge_id, lead_id=lead, name=name, now=now
    )
    return str(team["id"]), lead


_SET_EMAIL = Statement(
    name="test_set_email",
    cypher="MATCH (p:Person {id: $id}) SET p.email = $email RETURN p.id AS id",
    write=True,
)


async def give_email(graph: GraphEngine, person: str, email: str) -> None:
    assert await graph.run(_SET_EMAIL, {"id": person, "email": email})
