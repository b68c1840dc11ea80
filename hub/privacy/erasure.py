"""Erasure: a person's personal data goes, their anonymised contest history stays.

One statement: the account, its sessions and API tokens are deleted, so are the person's
introductions and the relations that describe them (affiliations, mentoring, pilots
posted); the Person node stays, with no name but "Erased person", no bio, skills,
address or website, private, so that teams, submissions and awards keep their shape.
"""

from __future__ import annotations

from graph import GraphEngine, Statement
from hub.ecosystem.entities import now_iso
from hub.ecosystem.errors import NotFound

ERASED_NAME = "Erased person"

ERASE_PERSON = Statement(
    name="erase_person",
    cypher="MATCH (p:Person {id: $person}) "
    "OPTIONAL MATCH (a:Account {person_id: $person}) "
    "OPTIONAL MATCH (c)-[:SESSION_OF|TOKEN_OF]->(a) "
    "DETACH DELETE c "
    "WITH DISTINCT p, a "
    "OPTIONAL MATCH (i:Introduction) WHERE i.from_person = $person OR i.to_person = $person "
    "DETACH DELETE i "
    "WITH DISTINCT p, a "
    "OPTIONAL MATCH (p)-[r:AFFILIATED_WITH|MENTORS|POSTED]->() "
    "DELETE r "
    "WITH DISTINCT p, a "
    "DETACH DELETE a "
    "WITH DISTINCT p "
    "SET p = {id: p.id, created_at: p.created_at, demo: p.demo, name: $name, roles: [], "
    "skills: [], is_public: false, erased: true, sort_key: $sort_key, search_text: '', "
    "updated_at: $now} "
    "RETURN p.id AS id",
    example={"person": "p", "name": ERASED_NAME, "sort_key": "erased person", "now": "t"},
    write=True,
)


async def erase_person(graph: GraphEngine, person_id: str) -> None:
    params = {
        "person": person_id,
        "name": ERASED_NAME,
        "sort_key": ERASED_NAME.lower(),
        "now": now_iso(),
    }
    if not await graph.run(ERASE_PERSON, params):
        raise NotFound("no Person has this id", "personId")
