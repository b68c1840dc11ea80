"""The audit log: what administrators and challenge organisers did, and when.

An entry is written when a signed-in account is allowed an operation by its ADMIN role or
by organising the challenge concerned (before the operation runs, so an attempt that then
fails on bad input is still on record). Trusted internal code (CLI, importers) is not
logged here; its commands print their own summaries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph import GraphEngine, Statement
from hub.auth.permissions import Concerned
from hub.auth.viewer import Viewer
from hub.ecosystem.entities import now_iso
from hub.ecosystem.errors import FieldIssue, ValidationFailed
from hub.ecosystem.ids import new_id

MAX_PAGE = 100

RECORD = Statement(
    name="record_audit_entry",
    cypher="CREATE (e:AuditEntry) SET e = $entry RETURN e.id AS id",
    example={"entry": {"id": "e", "at": "t", "actor": "a", "action": "x"}},
    write=True,
)
LATEST = Statement(
    name="latest_audit_entries",
    cypher="MATCH (e:AuditEntry) WHERE $before IS NULL OR e.at < $before "
    "RETURN e {.*} AS entry ORDER BY e.at DESC, e.id LIMIT $limit",
    example={"before": None, "limit": 10},
)


@dataclass(frozen=True)
class AuditEntry:
    id: str
    at: str
    actor: str
    actor_email: str | None
    role: str
    action: str
    organisation: str | None
    person: str | None
    challenge: str | None
    node: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AuditEntry:
        return cls(
            id=row["id"],
            at=row["at"],
            actor=row["actor"],
            actor_email=row.get("actor_email"),
            role=row.get("role", ""),
            action=row["action"],
            organisation=row.get("organisation"),
            person=row.get("person"),
            challenge=row.get("challenge"),
            node=row.get("node"),
        )


async def record(
    graph: GraphEngine,
    viewer: Viewer,
    role: str,
    action: str,
    concerned: Concerned,
    node: str | None = None,
) -> None:
    entry = {
        "id": new_id(),
        "at": now_iso(),
        "actor": viewer.account_id,
        "actor_email": viewer.email,
        "role": role,
        "action": action,
        "organisation": concerned.organisation,
        "person": concerned.person,
        "challenge": concerned.challenge,
        "node": node,
    }
    await graph.run(RECORD, {"entry": {k: v for k, v in entry.items() if v is not None}})


async def latest(graph: GraphEngine, *, first: int, before: str | None) -> list[AuditEntry]:
    if not 0 <= first <= MAX_PAGE:
        raise ValidationFailed([FieldIssue("first", f"must be between 0 and {MAX_PAGE}")])
    rows = await graph.run(LATEST, {"before": before, "limit": first})
    return [AuditEntry.from_row(row["entry"]) for row in rows]
