"""Who is asking: the viewer of a request, loaded in one round trip from a session or token.

A viewer is anonymous, a signed-in account (through a browser session or an API token),
or `SYSTEM`: trusted internal code (CLI, seeding, importers, workers, tests) that the
GraphQL layer treats as an administrator. Services take no viewer at all: permissions
are checked where the request's viewer is known, in the resolvers.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from graph import GraphEngine, Statement


class GlobalRole(StrEnum):
    ADMIN = "ADMIN"
    RESEARCHER = "RESEARCHER"


class OrganisationRole(StrEnum):
    OWNER = "OWNER"
    MEMBER = "MEMBER"


class ChallengeRole(StrEnum):
    ORGANISER = "ORGANISER"
    JUDGE = "JUDGE"


class Scope(StrEnum):
    READ = "READ"
    WRITE = "WRITE"


class Via(StrEnum):
    NONE = "none"
    SESSION = "session"
    TOKEN = "token"
    INTERNAL = "internal"


# The Account property listing the ids of what a role is held on, and their label.
# Roles are properties, not relations: an Account has no relation to any Entity, so no
# path query or traversal of the ecosystem graph can ever reach an account.
ROLE_PROPERTIES: dict[OrganisationRole | ChallengeRole, tuple[str, str]] = {
    OrganisationRole.OWNER: ("owner_of", "Organisation"),
    OrganisationRole.MEMBER: ("member_of", "Organisation"),
    ChallengeRole.ORGANISER: ("organiser_of", "Challenge"),
    ChallengeRole.JUDGE: ("judge_of", "Challenge"),
}
_ACCOUNT_MAP = (
    "a {.id, .email, .roles, .verified, .person_id, .owner_of, .member_of, .organiser_of, "
    ".judge_of} AS account"
)


@dataclass(frozen=True)
class Viewer:
    account_id: str | None = None
    email: str | None = None
    person_id: str | None = None
    roles: frozenset[GlobalRole] = frozenset()
    verified: bool = False
    organisations: Mapping[str, frozenset[OrganisationRole]] = field(default_factory=dict)
    challenges: Mapping[str, frozenset[ChallengeRole]] = field(default_factory=dict)
    scopes: frozenset[Scope] = frozenset({Scope.READ, Scope.WRITE})
    via: Via = Via.NONE
    csrf_hash: str | None = None
    csrf_ok: bool = True
    """False for a cookie-session POST without the session's X-CSRF-Token: no mutations."""

    @property
    def signed_in(self) -> bool:
        return self.account_id is not None or self.via is Via.INTERNAL

    @property
    def is_admin(self) -> bool:
        return GlobalRole.ADMIN in self.roles

    def organisation_roles(self, organisation_id: str | None) -> frozenset[OrganisationRole]:
        return self.organisations.get(organisation_id or "", frozenset())

    def challenge_roles(self, challenge_id: str | None) -> frozenset[ChallengeRole]:
        return self.challenges.get(challenge_id or "", frozenset())


ANONYMOUS = Viewer()
SYSTEM = Viewer(roles=frozenset({GlobalRole.ADMIN}), verified=True, via=Via.INTERNAL)

VIEWER_BY_SESSION = Statement(
    name="viewer_by_session",
    cypher="MATCH (s:Session {token_hash: $hash})-[:SESSION_OF]->(a:Account) "
    f"WHERE s.expires_at > $now RETURN {_ACCOUNT_MAP}, s.csrf_hash AS csrf_hash",
    example={"hash": "x", "now": 0},
)
VIEWER_BY_TOKEN = Statement(
    name="viewer_by_token",
    cypher="MATCH (k:ApiToken {token_hash: $hash})-[:TOKEN_OF]->(a:Account) "
    f"RETURN {_ACCOUNT_MAP}, k.scopes AS scopes",
    example={"hash": "x"},
)
VIEWER_BY_ACCOUNT = Statement(
    name="viewer_by_account",
    cypher=f"MATCH (a:Account {{id: $id}}) RETURN {_ACCOUNT_MAP}",
    example={"id": "x"},
)


def now_ms() -> int:
    return int(time.time() * 1000)


def viewer_from_row(row: Mapping[str, Any], via: Via) -> Viewer:
    account = row["account"]
    organisations: dict[str, set[OrganisationRole]] = {}
    challenges: dict[str, set[ChallengeRole]] = {}
    for role, (prop, _) in ROLE_PROPERTIES.items():
        for target in account.get(prop) or []:
            if isinstance(role, OrganisationRole):
                organisations.setdefault(target, set()).add(role)
            else:
                challenges.setdefault(target, set()).add(role)
    scopes = row.get("scopes")
    return Viewer(
        account_id=account["id"],
        email=account["email"],
        person_id=account.get("person_id"),
        roles=frozenset(GlobalRole(role) for role in account.get("roles") or []),
        verified=bool(account.get("verified")),
        organisations={key: frozenset(value) for key, value in organisations.items()},
        challenges={key: frozenset(value) for key, value in challenges.items()},
        scopes=frozenset(Scope(s) for s in scopes) if scopes is not None else Viewer.scopes,
        via=via,
        csrf_hash=row.get("csrf_hash"),
    )


async def viewer_by_session(graph: GraphEngine, token_hash: str) -> Viewer | None:
    rows = await graph.run(VIEWER_BY_SESSION, {"hash": token_hash, "now": now_ms()})
    return viewer_from_row(rows[0], Via.SESSION) if rows else None


async def viewer_by_token(graph: GraphEngine, token_hash: str) -> Viewer | None:
    rows = await graph.run(VIEWER_BY_TOKEN, {"hash": token_hash})
    return viewer_from_row(rows[0], Via.TOKEN) if rows else None


async def viewer_by_account(graph: GraphEngine, account_id: str) -> Viewer | None:
    """The viewer of an account as a browser session would see it (tests, the CLI)."""
    rows = await graph.run(VIEWER_BY_ACCOUNT, {"id": account_id})
    return viewer_from_row(rows[0], Via.SESSION) if rows else None
