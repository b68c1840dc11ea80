"""Double-opt-in introductions: one person asks, the other accepts, and only then does
each see the other's contact address.

An :Introduction holds the two person ids as properties (no relations: it is never part
of the public graph), a short message, its status and when it changed. One pending
request per pair and direction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph import GraphEngine, Statement
from hub.ecosystem.entities import now_iso
from hub.ecosystem.errors import Conflict, FieldIssue, NotFound, ValidationFailed
from hub.ecosystem.ids import new_id

MAX_MESSAGE = 2_000


class IntroductionStatus(StrEnum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"


_FIELDS = "i {.id, .from_person, .to_person, .message, .status, .created_at, .responded_at}"

REQUEST_INTRODUCTION = Statement(
    name="request_introduction",
    cypher="MATCH (a:Person {id: $from}) MATCH (b:Person {id: $to}) WHERE b.is_public = true "
    "OPTIONAL MATCH (old:Introduction {pair: $pair}) WHERE old.status = 'PENDING' "
    "WITH a, b, count(old) AS pending WHERE pending = 0 "
    "CREATE (i:Introduction {id: $id, pair: $pair, from_person: a.id, to_person: b.id, "
    "message: $message, status: 'PENDING', created_at: $now}) "
    f"RETURN {_FIELDS} AS introduction",
    example={"from": "a", "to": "b", "pair": "a>b", "id": "i", "message": "m", "now": "t"},
    write=True,
)
RESPOND_TO_INTRODUCTION = Statement(
    name="respond_to_introduction",
    cypher="MATCH (i:Introduction {id: $id}) WHERE i.to_person = $person "
    "AND i.status = 'PENDING' SET i.status = $status, i.responded_at = $now "
    f"RETURN {_FIELDS} AS introduction",
    example={"id": "i", "person": "b", "status": "ACCEPTED", "now": "t"},
    write=True,
)
INTRODUCTIONS_OF = Statement(
    name="introductions_of",
    cypher="MATCH (i:Introduction) WHERE i.from_person = $person OR i.to_person = $person "
    f"RETURN {_FIELDS} AS introduction ORDER BY i.created_at DESC, i.id",
    example={"person": "a"},
)
CONTACTS = Statement(
    name="introduction_contacts",
    cypher="UNWIND $ids AS key MATCH (p:Person {id: key}) "
    "OPTIONAL MATCH (a:Account {person_id: key}) "
    "RETURN key, p.name AS name, coalesce(a.email, p.email) AS email",
    example={"ids": ["a"]},
)


@dataclass(frozen=True)
class Introduction:
    id: str
    from_person: str
    to_person: str
    message: str | None
    status: IntroductionStatus
    created_at: str
    responded_at: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Introduction:
        return cls(
            id=row["id"],
            from_person=row["from_person"],
            to_person=row["to_person"],
            message=row.get("message"),
            status=IntroductionStatus(row["status"]),
            created_at=str(row["created_at"]),
            responded_at=row.get("responded_at"),
        )


def _message(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = value.strip()
    if len(cleaned) > MAX_MESSAGE:
        raise ValidationFailed([FieldIssue("message", f"must be at most {MAX_MESSAGE} characters")])
    return cleaned or None


async def request(
    graph: GraphEngine, from_person: str, to_person: str, message: str | None
) -> Introduction:
    if from_person == to_person:
        raise ValidationFailed([FieldIssue("personId", "must be someone else")])
    pair = f"{from_person}>{to_person}"
    params = {
        "from": from_person,
        "to": to_person,
        "pair": pair,
        "id": new_id(),
        "message": _message(message),
        "now": now_iso(),
    }
    rows = await graph.run(REQUEST_INTRODUCTION, params)
    if rows:
        return Introduction.from_row(rows[0]["introduction"])
    others = await introductions_of(graph, from_person)
    if any(i.to_person == to_person and i.status is IntroductionStatus.PENDING for i in others):
        raise Conflict("an introduction to this person is already waiting", "personId")
    raise NotFound("no public Person has this id", "personId")


async def respond(
    graph: GraphEngine, person_id: str, introduction_id: str, *, accept: bool
) -> Introduction:
    status = IntroductionStatus.ACCEPTED if accept else IntroductionStatus.DECLINED
    params = {"id": introduction_id, "person": person_id, "status": status.value, "now": now_iso()}
    rows = await graph.run(RESPOND_TO_INTRODUCTION, params)
    if not rows:
        raise NotFound("no introduction waits for your answer with this id", "id")
    return Introduction.from_row(rows[0]["introduction"])


async def introductions_of(graph: GraphEngine, person_id: str) -> list[Introduction]:
    rows = await graph.run(INTRODUCTIONS_OF, {"person": person_id})
    return [Introduction.from_row(row["introduction"]) for row in rows]


async def contacts(graph: GraphEngine, person_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Name and contact address of each person (only for accepted introductions)."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return {}
    rows = await graph.run(CONTACTS, {"ids": ids})
    return {row["key"]: {"name": row["name"], "email": row["email"]} for row in rows}
