"""Personal API tokens for scripts: `Authorization: Bearer hub_…`.

The secret is shown once, when created; the graph keeps its SHA-256 digest, a name, the
scopes (READ, WRITE) and when it was made. Revoking deletes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph import GraphEngine, Statement
from hub.auth.digests import digest, new_secret
from hub.auth.viewer import Scope
from hub.ecosystem.entities import now_iso
from hub.ecosystem.errors import FieldIssue, NotFound, ValidationFailed
from hub.ecosystem.ids import new_id

PREFIX = "hub_"
MAX_TOKENS = 50
_PUBLIC = "k {.id, .name, .scopes, .created_at} AS token"

CREATE_API_TOKEN = Statement(
    name="create_api_token",
    cypher="MATCH (a:Account {id: $account}) "
    "OPTIONAL MATCH (other:ApiToken)-[:TOKEN_OF]->(a) "
    "WITH a, count(other) AS held WHERE held < $max "
    f"CREATE (k:ApiToken)-[:TOKEN_OF]->(a) SET k = $token RETURN {_PUBLIC}",
    example={
        "account": "x",
        "max": MAX_TOKENS,
        "token": {"id": "t", "token_hash": "h", "name": "n", "scopes": ["READ"]},
    },
    write=True,
)
LIST_API_TOKENS = Statement(
    name="list_api_tokens",
    cypher="MATCH (k:ApiToken)-[:TOKEN_OF]->(a:Account {id: $account}) "
    f"RETURN {_PUBLIC} ORDER BY k.created_at, k.id",
    example={"account": "x"},
)
REVOKE_API_TOKEN = Statement(
    name="revoke_api_token",
    cypher="MATCH (k:ApiToken {id: $id})-[:TOKEN_OF]->(a:Account {id: $account}) "
    "WITH k, k.id AS id DETACH DELETE k RETURN id",
    example={"id": "t", "account": "x"},
    write=True,
)


@dataclass(frozen=True)
class ApiToken:
    id: str
    name: str
    scopes: tuple[Scope, ...]
    created_at: str

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> ApiToken:
        return cls(
            id=row["id"],
            name=row["name"],
            scopes=tuple(Scope(scope) for scope in row.get("scopes") or []),
            created_at=str(row.get("created_at") or ""),
        )


def _checked_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 100 or any(not char.isprintable() for char in cleaned):
        raise ValidationFailed(
            [FieldIssue("name", "must be 1 to 100 printable characters, e.g. nightly import")]
        )
    return cleaned


async def create_api_token(
    graph: GraphEngine, account_id: str, name: str, scopes: Iterable[Scope]
) -> tuple[ApiToken, str]:
    """The token's record and its secret (shown to the client once, never stored)."""
    chosen = sorted({Scope(scope) for scope in scopes})
    if not chosen:
        raise ValidationFailed([FieldIssue("scopes", "must name READ, WRITE or both")])
    secret = new_secret(PREFIX)
    token = {
        "id": new_id(),
        "token_hash": digest(secret),
        "name": _checked_name(name),
        "scopes": [scope.value for scope in chosen],
        "created_at": now_iso(),
    }
    rows = await graph.run(
        CREATE_API_TOKEN, {"account": account_id, "max": MAX_TOKENS, "token": token}
    )
    if not rows:
        raise ValidationFailed(
            [FieldIssue("name", f"an account may hold at most {MAX_TOKENS} tokens; revoke one")]
        )
    return ApiToken.from_row(rows[0]["token"]), secret


async def list_api_tokens(graph: GraphEngine, account_id: str) -> list[ApiToken]:
    rows = await graph.run(LIST_API_TOKENS, {"account": account_id})
    return [ApiToken.from_row(row["token"]) for row in rows]


async def revoke_api_token(graph: GraphEngine, account_id: str, token_id: str) -> None:
    if not await graph.run(REVOKE_API_TOKEN, {"id": token_id, "account": account_id}):
        raise NotFound("this account has no API token with this id", "id")
