"""Accounts: sign-up, sign-in, e-mail verification, password reset, roles.

An :Account holds the normalised e-mail (unique), the argon2 hash of the password, its
global roles (ADMIN, RESEARCHER), whether the e-mail is verified, the id of the :Person
it belongs to (`person_id`) and the ids of what it holds a role on (`owner_of`,
`member_of`: organisations; `organiser_of`, `judge_of`: challenges). Ids, not relations:
an account is never reachable from the ecosystem graph (paths, neighbours). Sessions and
API tokens hang off their account. E-mail and reset tokens are stored as digests only.
Each logical write is one statement.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph import ConstraintViolation, GraphEngine, Statement
from hub.auth import passwords
from hub.auth.digests import digest, new_secret
from hub.auth.errors import InvalidCredentials, InvalidToken
from hub.auth.viewer import ROLE_PROPERTIES, ChallengeRole, GlobalRole, OrganisationRole, now_ms
from hub.ecosystem import people
from hub.ecosystem.entities import now_iso
from hub.ecosystem.errors import Conflict, FieldIssue, NotFound, ValidationFailed
from hub.ecosystem.fields import validate
from hub.ecosystem.ids import new_id

RESET_VALID_MS = 60 * 60 * 1000  # a password-reset link works for an hour
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

CREATE_ACCOUNT = Statement(
    name="create_account",
    cypher="CREATE (a:Account) SET a = $account RETURN a.id AS id",
    example={"account": {"id": "x", "email": "a@example.org"}},
    write=True,
)
CREATE_ACCOUNT_WITH_PERSON = Statement(
    name="create_account_with_person",
    cypher="CREATE (a:Account) SET a = $account "
    "CREATE (p:Entity:Person) SET p = $person RETURN a.id AS id",
    example={
        "account": {"id": "y", "email": "b@example.org"},
        "person": {"id": new_id(), "name": "B", "sort_key": "b"},
    },
    write=True,
)
ACCOUNT_BY_EMAIL = Statement(
    name="account_by_email",
    cypher="MATCH (a:Account {email: $email}) RETURN a {.*} AS account",
    example={"email": "a@example.org"},
)
ACCOUNTS_BY_ID = Statement(
    name="accounts_by_id",
    cypher="UNWIND $ids AS key MATCH (a:Account {id: key}) "
    "RETURN a {.id, .email, .roles, .verified, .created_at} AS account",
    example={"ids": ["x"]},
)
SET_VERIFY_HASH = Statement(
    name="set_verify_hash",
    cypher="MATCH (a:Account {id: $id}) SET a.verify_hash = $hash RETURN a.email AS email",
    example={"id": "x", "hash": "h"},
    write=True,
)
VERIFY_EMAIL = Statement(
    name="verify_email",
    cypher="MATCH (a:Account {verify_hash: $hash}) "
    "SET a.verified = true, a.verify_hash = null RETURN a.id AS id",
    example={"hash": "h"},
    write=True,
)
START_RESET = Statement(
    name="start_password_reset",
    cypher="MATCH (a:Account {email: $email}) "
    "SET a.reset_hash = $hash, a.reset_expires = $expires RETURN a.id AS id",
    example={"email": "a@example.org", "hash": "r", "expires": 1},
    write=True,
)
RESET_PASSWORD = Statement(
    name="reset_password",
    cypher="MATCH (a:Account {reset_hash: $hash}) WHERE a.reset_expires > $now "
    "SET a.password_hash = $password_hash, a.verified = true, "
    "a.reset_hash = null, a.reset_expires = null "
    "WITH a OPTIONAL MATCH (s:Session)-[:SESSION_OF]->(a) DETACH DELETE s "
    "RETURN DISTINCT a.id AS id",
    example={"hash": "r", "now": 0, "password_hash": "p"},
    write=True,
)
SET_PASSWORD = Statement(
    name="set_password",
    cypher="MATCH (a:Account {id: $id}) SET a.password_hash = $password_hash "
    "WITH a OPTIONAL MATCH (s:Session)-[:SESSION_OF]->(a) WHERE s.token_hash <> $keep "
    "DETACH DELETE s RETURN DISTINCT a.id AS id",
    example={"id": "x", "password_hash": "p", "keep": ""},
    write=True,
)
ADD_GLOBAL_ROLE = Statement(
    name="add_global_role",
    cypher="MATCH (a:Account {id: $id}) "
    "SET a.roles = [r IN coalesce(a.roles, []) WHERE r <> $role] + [$role] RETURN a.id AS id",
    example={"id": "x", "role": "ADMIN"},
    write=True,
)
REMOVE_GLOBAL_ROLE = Statement(
    name="remove_global_role",
    cypher="MATCH (a:Account {id: $id}) "
    "SET a.roles = [r IN coalesce(a.roles, []) WHERE r <> $role] RETURN a.id AS id",
    example={"id": "x", "role": "ADMIN"},
    write=True,
)


def _grant_statements(prop: str, label: str) -> tuple[Statement, Statement]:
    grant = Statement(
        name=f"grant_{prop}",
        cypher=f"MATCH (a:Account {{id: $account}}) MATCH (t:{label} {{id: $target}}) "
        f"SET a.{prop} = [x IN coalesce(a.{prop}, []) WHERE x <> t.id] + [t.id] "
        "RETURN a.id AS id",
        example={"account": "x", "target": "y"},
        write=True,
    )
    revoke = Statement(
        name=f"revoke_{prop}",
        cypher=f"MATCH (a:Account {{id: $account}}) WHERE $target IN coalesce(a.{prop}, []) "
        f"SET a.{prop} = [x IN a.{prop} WHERE x <> $target] RETURN a.id AS id",
        example={"account": "x", "target": "y"},
        write=True,
    )
    return grant, revoke


GRANTS: dict[OrganisationRole | ChallengeRole, tuple[Statement, Statement]] = {
    role: _grant_statements(prop, label) for role, (prop, label) in ROLE_PROPERTIES.items()
}


@dataclass(frozen=True)
class Account:
    id: str
    email: str
    roles: frozenset[GlobalRole]
    verified: bool
    created_at: str

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Account:
        return cls(
            id=row["id"],
            email=row["email"],
            roles=frozenset(GlobalRole(role) for role in row.get("roles") or []),
            verified=bool(row.get("verified")),
            created_at=str(row.get("created_at") or ""),
        )


def normalise_email(raw: str, field: str = "email") -> str:
    """The address as stored and compared: NFC, trimmed, lower-case; or a field error."""
    email = unicodedata.normalize("NFC", raw).strip().lower()
    if len(email) > 254 or not _EMAIL.match(email) or any(not c.isprintable() for c in email):
        raise ValidationFailed(
            [FieldIssue(field, "must be an e-mail address such as name@example.org")]
        )
    return email


async def create_account(
    graph: GraphEngine,
    *,
    email: str,
    password: str,
    name: str | None = None,
    person_roles: Iterable[str] = ("RESEARCHER",),
    verified: bool = False,
    roles: Iterable[GlobalRole] = (),
) -> str:
    """A new account (with a new private Person when `name` is given); its id.

    CONFLICT (field `email`) when the address has an account already.
    """
    address = normalise_email(email, "input.email")
    passwords.check_new_password(password, "input.password")
    person: dict[str, Any] | None = None
    if name is not None:
        fields = validate(people.PersonFields, {"name": name, "roles": list(person_roles)})
        stamp = now_iso()
        person = {
            key: value for key, value in people.to_properties(fields).items() if value is not None
        }
        person.update(id=new_id(), created_at=stamp, updated_at=stamp)
        account_extra = {"person_id": person["id"]}
    else:
        account_extra = {}
    account = {
        "id": new_id(),
        "email": address,
        "password_hash": await passwords.hash_password(password),
        "roles": sorted({GlobalRole(role).value for role in roles}),
        "verified": verified,
        "created_at": now_iso(),
        **account_extra,
    }
    try:
        if person is None:
            rows = await graph.run(CREATE_ACCOUNT, {"account": account})
        else:
            rows = await graph.run(
                CREATE_ACCOUNT_WITH_PERSON, {"account": account, "person": person}
            )
    except ConstraintViolation:
        raise Conflict("an account with this e-mail address exists", "input.email") from None
    return str(rows[0]["id"])


async def account_by_email(graph: GraphEngine, email: str) -> dict[str, Any] | None:
    rows = await graph.run(ACCOUNT_BY_EMAIL, {"email": normalise_email(email)})
    return dict(rows[0]["account"]) if rows else None


async def accounts_by_id(graph: GraphEngine, ids: Iterable[str]) -> dict[str, Account]:
    rows = await graph.run(ACCOUNTS_BY_ID, {"ids": list(dict.fromkeys(ids))})
    return {row["account"]["id"]: Account.from_row(row["account"]) for row in rows}


async def authenticate(graph: GraphEngine, email: str, password: str) -> str:
    """The id of the account these credentials open; INVALID_CREDENTIALS otherwise.

    The message is the same for an unknown address and a wrong password, and both take
    the time of one argon2 check.
    """
    try:
        account = await account_by_email(graph, email)
    except ValidationFailed:
        account = None
    hashed = account.get("password_hash") if account else None
    if not await passwords.verify_password(hashed, password) or account is None:
        raise InvalidCredentials("the e-mail address or the password is wrong")
    return str(account["id"])


async def start_verification(graph: GraphEngine, account_id: str) -> tuple[str, str]:
    """A new verification token for the account (replacing any earlier one), and its e-mail."""
    token = new_secret()
    rows = await graph.run(SET_VERIFY_HASH, {"id": account_id, "hash": digest(token)})
    if not rows:
        raise NotFound("no account has this id", "id")
    return token, str(rows[0]["email"])


async def verify_email(graph: GraphEngine, token: str) -> str:
    rows = await graph.run(VERIFY_EMAIL, {"hash": digest(token)})
    if not rows:
        raise InvalidToken("this verification link is unknown or was used already", "token")
    return str(rows[0]["id"])


async def start_password_reset(graph: GraphEngine, email: str) -> str | None:
    """A reset token for the account of `email`, or None when there is no such account."""
    token = new_secret()
    params = {
        "email": normalise_email(email),
        "hash": digest(token),
        "expires": now_ms() + RESET_VALID_MS,
    }
    rows = await graph.run(START_RESET, params)
    return token if rows else None


async def reset_password(graph: GraphEngine, token: str, new_password: str) -> str:
    """Set a new password with a reset token; every session of the account ends."""
    passwords.check_new_password(new_password, "newPassword")
    params = {
        "hash": digest(token),
        "now": now_ms(),
        "password_hash": await passwords.hash_password(new_password),
    }
    rows = await graph.run(RESET_PASSWORD, params)
    if not rows:
        raise InvalidToken("this reset link is unknown, used or expired", "token")
    return str(rows[0]["id"])


async def change_password(
    graph: GraphEngine,
    account_id: str,
    current: str,
    new: str,
    *,
    keep_session_hash: str = "",
) -> None:
    """Change the password; every other session of the account ends."""
    rows = await graph.run(VIEWER_EMAIL_AND_HASH, {"id": account_id})
    hashed = rows[0]["password_hash"] if rows else None
    if not await passwords.verify_password(hashed, current):
        raise InvalidCredentials("the current password is wrong", "currentPassword")
    passwords.check_new_password(new, "newPassword")
    params = {
        "id": account_id,
        "password_hash": await passwords.hash_password(new),
        "keep": keep_session_hash,
    }
    await graph.run(SET_PASSWORD, params)


VIEWER_EMAIL_AND_HASH = Statement(
    name="account_password_hash",
    cypher="MATCH (a:Account {id: $id}) RETURN a.password_hash AS password_hash",
    example={"id": "x"},
)


async def add_role(graph: GraphEngine, account_id: str, role: GlobalRole) -> None:
    if not await graph.run(ADD_GLOBAL_ROLE, {"id": account_id, "role": role.value}):
        raise NotFound("no account has this id", "email")


async def remove_role(graph: GraphEngine, account_id: str, role: GlobalRole) -> None:
    if not await graph.run(REMOVE_GLOBAL_ROLE, {"id": account_id, "role": role.value}):
        raise NotFound("no account has this id", "email")


async def grant(
    graph: GraphEngine, account_id: str, role: OrganisationRole | ChallengeRole, target_id: str
) -> None:
    """Give the account `role` on an organisation or challenge (idempotent)."""
    statement, _ = GRANTS[role]
    if not await graph.run(statement, {"account": account_id, "target": target_id}):
        _, label = ROLE_PROPERTIES[role]
        raise NotFound(f"no {label} has this id", "input.targetId")


async def revoke(
    graph: GraphEngine, account_id: str, role: OrganisationRole | ChallengeRole, target_id: str
) -> None:
    _, statement = GRANTS[role]
    if not await graph.run(statement, {"account": account_id, "target": target_id}):
        raise NotFound("the account does not hold this role there", "input.role")
