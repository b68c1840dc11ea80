"""Accounts in GraphQL: `me`, signing up and in, e-mail verification, password reset,
API tokens and roles. Every mutation is checked against hub.auth.permissions.RULES."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from hub.api.common import MutationError, attempt
from hub.api.context import Info
from hub.api.permissions import require
from hub.auth import accounts, sessions, tokens
from hub.auth.digests import digest
from hub.auth.errors import Forbidden, Unauthenticated
from hub.auth.viewer import (
    ChallengeRole,
    GlobalRole,
    OrganisationRole,
    Scope,
    Via,
    Viewer,
    viewer_by_account,
)
from hub.ecosystem.challenges import CHALLENGE
from hub.ecosystem.errors import FieldIssue, NotFound, ValidationFailed
from hub.ecosystem.ids import expect_global_id, from_global_id, to_global_id
from hub.ecosystem.organisations import ORGANISATION
from hub.ecosystem.people import PERSON, PersonRole

if TYPE_CHECKING:
    from hub.api.people import Person
    from hub.api.privacy import Introduction

strawberry.enum(GlobalRole, name="GlobalRole")
strawberry.enum(OrganisationRole, name="OrganisationRole")
strawberry.enum(ChallengeRole, name="ChallengeRole")
strawberry.enum(Scope, name="TokenScope")


@strawberry.enum(
    description="A role `grantRole` gives; organisation and challenge roles need `targetId`."
)
class RoleName(Enum):
    ADMIN = "ADMIN"
    RESEARCHER = "RESEARCHER"
    ORGANISATION_OWNER = "ORGANISATION_OWNER"
    ORGANISATION_MEMBER = "ORGANISATION_MEMBER"
    CHALLENGE_ORGANISER = "CHALLENGE_ORGANISER"
    CHALLENGE_JUDGE = "CHALLENGE_JUDGE"


_SCOPED_ROLES: dict[RoleName, OrganisationRole | ChallengeRole] = {
    RoleName.ORGANISATION_OWNER: OrganisationRole.OWNER,
    RoleName.ORGANISATION_MEMBER: OrganisationRole.MEMBER,
    RoleName.CHALLENGE_ORGANISER: ChallengeRole.ORGANISER,
    RoleName.CHALLENGE_JUDGE: ChallengeRole.JUDGE,
}


@strawberry.type
class OrganisationGrant:
    roles: list[OrganisationRole]
    organisation_id: strawberry.ID


@strawberry.type
class ChallengeGrant:
    roles: list[ChallengeRole]
    challenge_id: strawberry.ID


@strawberry.type(description="A personal API token; its secret was shown once, when created.")
class ApiToken:
    id: strawberry.ID
    name: str
    scopes: list[Scope]
    created_at: str

    @classmethod
    def of(cls, token: tokens.ApiToken) -> ApiToken:
        return cls(
            id=strawberry.ID(to_global_id("ApiToken", token.id)),
            name=token.name,
            scopes=list(token.scopes),
            created_at=token.created_at,
        )


@strawberry.type(description="The signed-in account (only its owner sees it).")
class Account:
    id: strawberry.ID
    email: str
    email_verified: bool
    roles: list[GlobalRole]
    organisations: list[OrganisationGrant]
    challenges: list[ChallengeGrant]
    account_id: strawberry.Private[str]
    person_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, viewer: Viewer) -> Account:
        assert viewer.account_id is not None and viewer.email is not None
        return cls(
            id=strawberry.ID(to_global_id("Account", viewer.account_id)),
            email=viewer.email,
            email_verified=viewer.verified,
            roles=sorted(viewer.roles),
            organisations=[
                OrganisationGrant(
                    roles=sorted(roles),
                    organisation_id=strawberry.ID(to_global_id("Organisation", key)),
                )
                for key, roles in sorted(viewer.organisations.items())
            ],
            challenges=[
                ChallengeGrant(
                    roles=sorted(roles),
                    challenge_id=strawberry.ID(to_global_id("Challenge", key)),
                )
                for key, roles in sorted(viewer.challenges.items())
            ],
            account_id=viewer.account_id,
            person_id=viewer.person_id,
        )

    @strawberry.field(description="The account's own profile (private unless made public).")
    async def person(
        self, info: Info
    ) -> Annotated[Person, strawberry.lazy("hub.api.people")] | None:
        from hub.api.people import Person

        if self.person_id is None:
            return None
        node = await info.context.loaders.nodes(PERSON).load(self.person_id)
        return Person.from_node(node) if node else None

    @strawberry.field(description="Introductions asked by or of this account's person.")
    async def introductions(
        self, info: Info
    ) -> list[Annotated[Introduction, strawberry.lazy("hub.api.privacy")]]:
        from hub.api.privacy import Introduction
        from hub.privacy.introductions import introductions_of

        if self.person_id is None:
            return []
        found = await introductions_of(info.context.graph, self.person_id)
        return [Introduction.of(item, self.person_id) for item in found]

    @strawberry.field(description="Its API tokens (names and scopes; never the secrets).")
    async def api_tokens(self, info: Info) -> list[ApiToken]:
        return [
            ApiToken.of(t)
            for t in await tokens.list_api_tokens(info.context.graph, self.account_id)
        ]


@strawberry.type
class AccountPayload:
    account: Account | None
    errors: list[MutationError]


@strawberry.type
class OkPayload:
    ok: bool
    errors: list[MutationError]


@strawberry.type(
    description="A new API token: `secret` is shown this once; send it as "
    "`Authorization: Bearer <secret>`."
)
class ApiTokenPayload:
    token: ApiToken | None
    secret: str | None
    errors: list[MutationError]


@strawberry.input
class SignUpInput:
    email: str
    password: str = strawberry.field(description="At least 10 characters.")
    name: str = strawberry.field(description="The name on the account's (private) profile.")
    roles: list[PersonRole] | None = strawberry.field(
        default=None, description="The profile's roles; RESEARCHER when not given."
    )


@strawberry.input
class RoleInput:
    email: str = strawberry.field(description="The account's e-mail address.")
    role: RoleName
    target_id: strawberry.ID | None = strawberry.field(
        default=None, description="The Organisation or Challenge of a scoped role."
    )


def _account_id(viewer: Viewer) -> str:
    if viewer.account_id is None:
        raise Unauthenticated("sign in first")
    return viewer.account_id


async def _ok(action: Any) -> OkPayload:
    _, errors = await attempt(action)
    return OkPayload(ok=not errors, errors=errors)


async def _signed_in(info: Info, account_id: str) -> Account:
    """Start a session for the account (ending the one this browser had, so that no
    session id outlives a sign-in); the HTTP response carries its cookies."""
    cookies = info.context.cookies
    if cookies is not None and cookies.token:
        await sessions.end_session(info.context.graph, cookies.token)
    session = await sessions.start_session(
        info.context.graph, account_id, days=info.context.session_days
    )
    if cookies is not None:
        cookies.start(session)
    viewer = await viewer_by_account(info.context.graph, account_id)
    assert viewer is not None
    return Account.of(viewer)


@strawberry.type
class AccountQuery:
    @strawberry.field(description="The signed-in account, or null for an anonymous request.")
    def me(self, info: Info) -> Account | None:
        viewer = info.context.viewer
        return Account.of(viewer) if viewer.account_id is not None else None


@strawberry.type
class AccountMutation:
    @strawberry.mutation(
        description="Create an account (and a private profile), sign in, and "
        "send a verification e-mail. CONFLICT when the address has an account."
    )
    async def sign_up(self, info: Info, input: SignUpInput) -> AccountPayload:
        async def run() -> Account:
            await require(info, "signUp")
            graph = info.context.graph
            account_id = await accounts.create_account(
                graph,
                email=input.email,
                password=input.password,
                name=input.name,
                person_roles=[role.value for role in input.roles or [PersonRole.RESEARCHER]],
            )
            token, email = await accounts.start_verification(graph, account_id)
            if info.context.mail is not None:
                await info.context.mail.send_verification(email, token)
            return await _signed_in(info, account_id)

        account, errors = await attempt(run())
        return AccountPayload(account=account, errors=errors)

    @strawberry.mutation(
        description="Sign in: sets the session cookies (http-only) and the "
        "CSRF cookie that later POSTs repeat in the X-CSRF-Token header."
    )
    async def sign_in(self, info: Info, email: str, password: str) -> AccountPayload:
        async def run() -> Account:
            await require(info, "signIn")
            account_id = await accounts.authenticate(info.context.graph, email, password)
            return await _signed_in(info, account_id)

        account, errors = await attempt(run())
        return AccountPayload(account=account, errors=errors)

    @strawberry.mutation(description="End this browser session and clear its cookies.")
    async def sign_out(self, info: Info) -> OkPayload:
        async def run() -> None:
            await require(info, "signOut")
            cookies = info.context.cookies
            if cookies is not None:
                if cookies.token:
                    await sessions.end_session(info.context.graph, cookies.token)
                cookies.clear()

        return await _ok(run())

    @strawberry.mutation(description="Confirm an e-mail address with the token from its e-mail.")
    async def verify_email(self, info: Info, token: str) -> OkPayload:
        async def run() -> None:
            await require(info, "verifyEmail")
            await accounts.verify_email(info.context.graph, token)

        return await _ok(run())

    @strawberry.mutation(description="Send the verification e-mail again (signed in).")
    async def request_email_verification(self, info: Info) -> OkPayload:
        async def run() -> None:
            await require(info, "requestEmailVerification")
            account_id = _account_id(info.context.viewer)
            token, email = await accounts.start_verification(info.context.graph, account_id)
            if info.context.mail is not None:
                await info.context.mail.send_verification(email, token)

        return await _ok(run())

    @strawberry.mutation(
        description="E-mail a password-reset link. Answers ok whether or not "
        "the address has an account, so it tells no one which do."
    )
    async def request_password_reset(self, info: Info, email: str) -> OkPayload:
        async def run() -> None:
            await require(info, "requestPasswordReset")
            address = accounts.normalise_email(email)
            token = await accounts.start_password_reset(info.context.graph, address)
            if token is not None and info.context.mail is not None:
                await info.context.mail.send_reset(address, token)

        return await _ok(run())

    @strawberry.mutation(
        description="Set a new password with the token from the reset e-mail; "
        "every session of the account ends."
    )
    async def reset_password(self, info: Info, token: str, new_password: str) -> OkPayload:
        async def run() -> None:
            await require(info, "resetPassword")
            await accounts.reset_password(info.context.graph, token, new_password)

        return await _ok(run())

    @strawberry.mutation(description="Change the password; the account's other sessions end.")
    async def change_password(
        self, info: Info, current_password: str, new_password: str
    ) -> OkPayload:
        async def run() -> None:
            await require(info, "changePassword")
            cookies = info.context.cookies
            keep = digest(cookies.token) if cookies is not None and cookies.token else ""
            await accounts.change_password(
                info.context.graph,
                _account_id(info.context.viewer),
                current_password,
                new_password,
                keep_session_hash=keep,
            )

        return await _ok(run())

    @strawberry.mutation(description="A personal API token for scripts (from a browser session).")
    async def create_api_token(self, info: Info, name: str, scopes: list[Scope]) -> ApiTokenPayload:
        async def run() -> tuple[tokens.ApiToken, str]:
            await require(info, "createApiToken")
            viewer = info.context.viewer
            account_id = _account_id(viewer)
            if viewer.via is not Via.SESSION:
                raise Forbidden("API tokens are created from a signed-in browser session")
            return await tokens.create_api_token(info.context.graph, account_id, name, scopes)

        made, errors = await attempt(run())
        if made is None:
            return ApiTokenPayload(token=None, secret=None, errors=errors)
        return ApiTokenPayload(token=ApiToken.of(made[0]), secret=made[1], errors=[])

    @strawberry.mutation(description="Revoke one of the account's API tokens, at once.")
    async def revoke_api_token(self, info: Info, id: strawberry.ID) -> OkPayload:
        async def run() -> None:
            await require(info, "revokeApiToken")
            account_id = _account_id(info.context.viewer)
            token_id = expect_global_id(id, "ApiToken")
            await tokens.revoke_api_token(info.context.graph, account_id, token_id)

        return await _ok(run())

    @strawberry.mutation(
        description="Give an account a role (admins; owners for their "
        "organisation; organisers name judges of their challenge)."
    )
    async def grant_role(self, info: Info, input: RoleInput) -> OkPayload:
        return await _ok(_change_role(info, input, grant=True))

    @strawberry.mutation(description="Take a role away again.")
    async def revoke_role(self, info: Info, input: RoleInput) -> OkPayload:
        return await _ok(_change_role(info, input, grant=False))


async def _change_role(info: Info, input: RoleInput, *, grant: bool) -> None:
    verb = "grantRole" if grant else "revokeRole"
    operation = f"{verb} {input.role.value}"
    scoped = _SCOPED_ROLES.get(input.role)
    target: str | None = None
    if scoped is not None:
        if input.target_id is None:
            raise ValidationFailed(
                [FieldIssue("input.targetId", f"{input.role.value} needs the id it applies to")]
            )
        kind = ORGANISATION if isinstance(scoped, OrganisationRole) else CHALLENGE
        target = expect_global_id(input.target_id, kind.type_name, "input.targetId")
        await require(
            info,
            operation,
            organisation=target if kind is ORGANISATION else None,
            challenge=target if kind is CHALLENGE else None,
        )
    else:
        if input.target_id is not None:
            from_global_id(input.target_id, "input.targetId")
            raise ValidationFailed(
                [FieldIssue("input.targetId", f"{input.role.value} is not held on anything")]
            )
        await require(info, operation)
    graph = info.context.graph
    account = await accounts.account_by_email(
        graph, accounts.normalise_email(input.email, "input.email")
    )
    if account is None:
        raise NotFound("no account has this e-mail address", "input.email")
    account_id = str(account["id"])
    if scoped is None:
        role = GlobalRole(input.role.value)
        await (accounts.add_role if grant else accounts.remove_role)(graph, account_id, role)
    else:
        assert target is not None
        await (accounts.grant if grant else accounts.revoke)(graph, account_id, scoped, target)
