"""Export: everything the hub holds about a person, as plain JSON-ready data.

The profile (every property, consented or not), the account without its password hash
and token digests, the relations the person is part of with the node at the other end,
their API tokens (names and scopes), introductions and the audit entries of what their
account did with a privileged role.
"""

from __future__ import annotations

from typing import Any

from graph import GraphEngine, Statement
from hub.ecosystem.errors import NotFound

PERSON_EXPORT = Statement(
    name="export_person",
    cypher="MATCH (p:Person {id: $person}) "
    "OPTIONAL MATCH (p)-[r]-(other:Entity) "
    "WITH p, collect(CASE WHEN r IS NULL THEN null ELSE {relation: type(r), "
    "outgoing: startNode(r) = p, properties: properties(r), other: other.id, "
    "other_labels: labels(other), other_name: coalesce(other.name, other.title_en, "
    "other.title_el)} END) AS relations "
    "OPTIONAL MATCH (a:Account {person_id: $person}) "
    "OPTIONAL MATCH (k:ApiToken)-[:TOKEN_OF]->(a) "
    "WITH p, relations, a, collect(k {.id, .name, .scopes, .created_at}) AS tokens "
    "OPTIONAL MATCH (s:Session)-[:SESSION_OF]->(a) "
    "RETURN p {.*} AS person, relations, "
    "a {.id, .email, .roles, .verified, .created_at, .owner_of, .member_of, .organiser_of, "
    ".judge_of} AS account, tokens, count(s) AS sessions",
    example={"person": "p"},
)
INTRODUCTIONS_EXPORT = Statement(
    name="export_introductions",
    cypher="MATCH (i:Introduction) WHERE i.from_person = $person OR i.to_person = $person "
    "RETURN i {.id, .from_person, .to_person, .message, .status, .created_at, "
    ".responded_at} AS introduction ORDER BY i.created_at",
    example={"person": "p"},
)
AUDIT_EXPORT = Statement(
    name="export_audit",
    cypher="MATCH (e:AuditEntry) WHERE e.actor = $account RETURN e {.*} AS entry ORDER BY e.at",
    example={"account": "a"},
)


async def export_person(graph: GraphEngine, person_id: str) -> dict[str, Any]:
    rows = await graph.run(PERSON_EXPORT, {"person": person_id})
    if not rows:
        raise NotFound("no Person has this id", "personId")
    row = rows[0]
    account = row["account"]
    if account is not None and account.get("id") is None:
        account = None  # FalkorDB projects a missing node as a map of nulls
    introductions = await graph.run(INTRODUCTIONS_EXPORT, {"person": person_id})
    audit = await graph.run(AUDIT_EXPORT, {"account": account["id"]}) if account is not None else []
    return {
        "person": row["person"],
        "relations": [item for item in row["relations"] if item is not None],
        "account": account,
        "apiTokens": row["tokens"],
        "activeSessions": row["sessions"],
        "introductions": [item["introduction"] for item in introductions],
        "auditEntries": [item["entry"] for item in audit],
    }
