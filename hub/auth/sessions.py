"""Browser sessions: a random token in an http-only cookie, its digest on a :Session node.

Each session also has a CSRF token: the `hub_csrf` cookie (readable by the page's
script) that cookie-authenticated POSTs must repeat in the `X-CSRF-Token` header; the
session keeps its digest, so a token from another session does not pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph import GraphEngine, Statement
from hub.auth.digests import digest, new_secret
from hub.auth.viewer import now_ms
from hub.ecosystem.errors import NotFound

SESSION_COOKIE = "hub_session"
CSRF_COOKIE = "hub_csrf"
CSRF_HEADER = "x-csrf-token"
DAY_MS = 24 * 60 * 60 * 1000

CREATE_SESSION = Statement(
    name="create_session",
    cypher="MATCH (a:Account {id: $account}) "
    "OPTIONAL MATCH (old:Session)-[:SESSION_OF]->(a) WHERE old.expires_at <= $now "
    "DETACH DELETE old "
    "WITH DISTINCT a "
    "CREATE (s:Session {token_hash: $hash, csrf_hash: $csrf_hash, created_at: $now, "
    "expires_at: $expires})-[:SESSION_OF]->(a) RETURN a.id AS id",
    example={"account": "x", "now": 0, "hash": "h", "csrf_hash": "c", "expires": 1},
    write=True,
)
DELETE_SESSION = Statement(
    name="delete_session",
    cypher="MATCH (s:Session {token_hash: $hash}) WITH s, s.created_at AS at "
    "DETACH DELETE s RETURN at",
    example={"hash": "h"},
    write=True,
)


@dataclass(frozen=True)
class NewSession:
    token: str
    csrf: str
    max_age_seconds: int


async def start_session(graph: GraphEngine, account_id: str, *, days: int) -> NewSession:
    """A new session for the account (expired ones of the account are removed)."""
    token, csrf = new_secret(), new_secret()
    now = now_ms()
    params = {
        "account": account_id,
        "now": now,
        "hash": digest(token),
        "csrf_hash": digest(csrf),
        "expires": now + days * DAY_MS,
    }
    if not await graph.run(CREATE_SESSION, params):
        raise NotFound("no account has this id", "id")
    return NewSession(token=token, csrf=csrf, max_age_seconds=days * 24 * 60 * 60)


async def end_session(graph: GraphEngine, token: str) -> None:
    await graph.run(DELETE_SESSION, {"hash": digest(token)})
