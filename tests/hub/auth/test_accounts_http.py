"""Accounts through the real app over HTTP: sign-up, verification mail, cookies, CSRF,
API tokens, sign-out, password reset. Mail goes to an outbox folder under tmp_path."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.hub.auth.conftest import PASSWORD, AppFactory, link_token, outbox_messages

GQL = {"Accept": "application/graphql-response+json"}
SIGN_UP = """
mutation($input: SignUpInput!) {
  signUp(input: $input) { account { id email emailVerified person { name isPublic } }
                          errors { code field message } }
}
"""
SIGN_IN = """
mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { account { email } errors { code field message } }
}
"""
ME = "{ me { email emailVerified roles } }"


async def post(
    client: httpx.AsyncClient, query: str, *, csrf: bool = True, **variables: Any
) -> httpx.Response:
    headers = dict(GQL)
    token = client.cookies.get("hub_csrf")
    if csrf and token:
        headers["X-CSRF-Token"] = token
    return await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )


def data(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"])


def set_cookies(response: httpx.Response) -> dict[str, str]:
    return {header.split("=", 1)[0]: header for header in response.headers.get_list("set-cookie")}


async def test_sign_up_verify_and_sign_in_with_cookies(
    app_client: AppFactory, outbox: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = await app_client()
    response = await post(
        client,
        SIGN_UP,
        input={"email": " Eleni@Example.ORG ", "password": PASSWORD, "name": "Ελένη"},
    )
    signed_up = data(response)["signUp"]
    assert signed_up["errors"] == []
    assert signed_up["account"]["email"] == "eleni@example.org"
    assert signed_up["account"]["emailVerified"] is False
    assert signed_up["account"]["person"] == {"name": "Ελένη", "isPublic": False}

    cookies = set_cookies(response)
    session = cookies["hub_session"]
    assert "HttpOnly" in session and "Secure" in session and "SameSite=Lax" in session
    csrf = cookies["hub_csrf"]
    assert "HttpOnly" not in csrf and "Secure" in csrf and "SameSite=Strict" in csrf

    (message,) = outbox_messages(outbox)
    assert message["To"] == "eleni@example.org"
    token = link_token(message, "verify-email")
    assert list(outbox.glob(".*")) == []  # no temporary file left behind

    # the cookie session works for GET without a CSRF token, POST needs it
    read = await client.get("/graphql", params={"query": ME}, headers=GQL)
    assert data(read)["me"] == {"email": "eleni@example.org", "emailVerified": False, "roles": []}
    # a POST query without the CSRF header still reads; a mutation is refused
    assert data(await post(client, ME, csrf=False))["me"]["email"] == "eleni@example.org"
    resend = "mutation { requestEmailVerification { ok errors { code } } }"
    refused = data(await post(client, resend, csrf=False))["requestEmailVerification"]
    assert refused == {"ok": False, "errors": [{"code": "CSRF_FAILED"}]}
    forged = await client.post(
        "/graphql", json={"query": resend}, headers={**GQL, "X-CSRF-Token": "forged"}
    )
    assert data(forged)["requestEmailVerification"]["errors"] == [{"code": "CSRF_FAILED"}]
    assert len(outbox_messages(outbox)) == 1  # nothing was sent

    verified = data(
        await post(client, "mutation($t: String!) { verifyEmail(token: $t) { ok } }", t=token)
    )
    assert verified == {"verifyEmail": {"ok": True}}
    assert data(await post(client, ME))["me"]["emailVerified"] is True
    again = data(
        await post(
            client,
            "mutation($t: String!) { verifyEmail(token: $t) { ok errors { code field } } }",
            t=token,
        )
    )
    assert again["verifyEmail"] == {
        "ok": False,
        "errors": [{"code": "INVALID_TOKEN", "field": "token"}],
    }

    # a second browser signs in; a wrong password says nothing about which part was wrong
    other = await app_client()
    wrong = data(await post(other, SIGN_IN, email="eleni@example.org", password="wrong password"))
    assert wrong["signIn"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    unknown = data(await post(other, SIGN_IN, email="nobody@example.org", password=PASSWORD))
    assert unknown["signIn"]["errors"][0]["message"] == wrong["signIn"]["errors"][0]["message"]
    signed_in = data(await post(other, SIGN_IN, email="ELENI@example.org", password=PASSWORD))
    assert signed_in["signIn"] == {"account": {"email": "eleni@example.org"}, "errors": []}
    first_session = other.cookies.get("hub_session")
    again = data(await post(other, SIGN_IN, email="eleni@example.org", password=PASSWORD))
    assert again["signIn"]["errors"] == [] and other.cookies.get("hub_session") != first_session
    assert first_session is not None
    probe = await app_client()
    probe.cookies.set("hub_session", first_session, domain="hub.test")
    replaced = await probe.get("/graphql", params={"query": ME}, headers=GQL)
    assert data(replaced)["me"] is None  # signing in again ended the earlier session
    current = other.cookies.get("hub_session")
    assert current is not None
    probe.cookies.set("hub_session", current, domain="hub.test")
    live = await probe.get("/graphql", params={"query": ME}, headers=GQL)
    assert data(live)["me"]["email"] == "eleni@example.org"  # the probe does send cookies
    assert data(await post(other, ME))["me"]["email"] == "eleni@example.org"

    # sign-out clears the cookies and ends that session only
    out = await post(other, "mutation { signOut { ok } }")
    assert data(out) == {"signOut": {"ok": True}}
    assert "Max-Age=0" in set_cookies(out)["hub_session"]
    assert data(await post(other, ME))["me"] is None
    assert data(await post(client, ME))["me"]["email"] == "eleni@example.org"

    for secret in (PASSWORD, token, session.split(";")[0].split("=", 1)[1]):
        assert secret not in caplog.text


async def test_a_second_account_with_the_same_address_is_a_conflict(app_client: AppFactory) -> None:
    client = await app_client()
    first = {"email": "nikos@example.org", "password": PASSWORD, "name": "Νίκος"}
    assert data(await post(client, SIGN_UP, input=first))["signUp"]["errors"] == []
    again = await app_client()
    clash = data(await post(again, SIGN_UP, input={**first, "email": "NIKOS@example.org "}))
    assert clash["signUp"]["account"] is None
    assert clash["signUp"]["errors"][0]["code"] == "CONFLICT"
    assert clash["signUp"]["errors"][0]["field"] == "input.email"
    weak = data(
        await post(again, SIGN_UP, input={**first, "email": "b@example.org", "password": "short"})
    )
    assert weak["signUp"]["errors"] == [
        {"code": "INVALID", "field": "input.password", "message": "must be at least 10 characters"}
    ]


async def test_api_tokens_scopes_and_revocation(app_client: AppFactory, outbox: Path) -> None:
    client = await app_client()
    data(
        await post(
            client,
            SIGN_UP,
            input={"email": "maria@example.org", "password": PASSWORD, "name": "Μαρία"},
        )
    )
    token = link_token(outbox_messages(outbox)[0], "verify-email")
    data(await post(client, "mutation($t: String!) { verifyEmail(token: $t) { ok } }", t=token))
    create = """
    mutation($name: String!, $scopes: [TokenScope!]!) {
      createApiToken(name: $name, scopes: $scopes) {
        token { id name scopes } secret errors { code field }
      }
    }
    """
    reader = data(await post(client, create, name="nightly report", scopes=["READ"]))[
        "createApiToken"
    ]
    writer = data(await post(client, create, name="importer", scopes=["READ", "WRITE"]))[
        "createApiToken"
    ]
    assert reader["token"]["scopes"] == ["READ"] and reader["secret"].startswith("hub_")
    listed = data(await post(client, "{ me { apiTokens { name scopes } } }"))["me"]["apiTokens"]
    assert listed == [
        {"name": "nightly report", "scopes": ["READ"]},
        {"name": "importer", "scopes": ["READ", "WRITE"]},
    ]

    script = await app_client()  # no cookies: the bearer token alone
    create_org = """
    mutation { createOrganisation(input: {name: "Script SME", kind: SME}) {
      organisation { name } errors { code message } } }
    """

    def bearer(secret: str) -> dict[str, str]:
        return {**GQL, "Authorization": f"Bearer {secret}"}

    async def as_token(secret: str, query: str) -> httpx.Response:
        return await script.post("/graphql", json={"query": query}, headers=bearer(secret))

    assert data(await as_token(reader["secret"], ME))["me"]["email"] == "maria@example.org"
    denied = data(await as_token(reader["secret"], create_org))["createOrganisation"]
    assert denied["errors"][0]["code"] == "FORBIDDEN" and "WRITE" in denied["errors"][0]["message"]
    allowed = data(await as_token(writer["secret"], create_org))["createOrganisation"]
    assert allowed == {"organisation": {"name": "Script SME"}, "errors": []}
    # a token cannot mint tokens
    minted = data(
        await as_token(
            writer["secret"],
            'mutation { createApiToken(name: "x", scopes: [READ]) { errors { code } } }',
        )
    )
    assert minted["createApiToken"]["errors"] == [{"code": "FORBIDDEN"}]

    revoke = "mutation($id: ID!) { revokeApiToken(id: $id) { ok errors { code } } }"
    assert (
        data(await post(client, revoke, id=writer["token"]["id"]))["revokeApiToken"]["ok"] is True
    )
    gone = await as_token(writer["secret"], ME)
    assert gone.status_code == 401
    assert gone.json()["errors"][0]["extensions"]["code"] == "INVALID_TOKEN"
    assert "invalid_token" in gone.headers["www-authenticate"]
    malformed = await script.post(
        "/graphql", json={"query": ME}, headers={**GQL, "Authorization": "Basic abc"}
    )
    assert malformed.status_code == 401
    assert data(await post(client, revoke, id=writer["token"]["id"]))["revokeApiToken"][
        "errors"
    ] == [{"code": "NOT_FOUND"}]


async def test_password_reset_by_mail_ends_every_session(
    app_client: AppFactory, outbox: Path
) -> None:
    client = await app_client()
    data(
        await post(
            client,
            SIGN_UP,
            input={"email": "kostas@example.org", "password": PASSWORD, "name": "Κώστας"},
        )
    )
    stranger = await app_client()
    request = (
        "mutation($e: String!) { requestPasswordReset(email: $e) { ok errors { code field } } }"
    )
    # unknown addresses get the same answer and no mail
    assert data(await post(stranger, request, e="nobody@example.org"))["requestPasswordReset"] == {
        "ok": True,
        "errors": [],
    }
    assert len(outbox_messages(outbox)) == 1
    bad = data(await post(stranger, request, e="not an address"))["requestPasswordReset"]
    assert bad == {"ok": False, "errors": [{"code": "INVALID", "field": "email"}]}
    assert data(await post(stranger, request, e="Kostas@example.org"))["requestPasswordReset"]["ok"]
    reset_mail = outbox_messages(outbox)[-1]
    assert reset_mail["Subject"] == "Reset your password"
    token = link_token(reset_mail, "reset-password")

    reset = """
    mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) {
      ok errors { code field } } }
    """
    short = data(await post(stranger, reset, t=token, p="short"))["resetPassword"]
    assert short == {"ok": False, "errors": [{"code": "INVALID", "field": "newPassword"}]}
    new_password = "a new and longer passphrase"
    assert data(await post(stranger, reset, t=token, p=new_password))["resetPassword"]["ok"] is True
    reused = data(await post(stranger, reset, t=token, p=new_password))["resetPassword"]
    assert reused["errors"] == [{"code": "INVALID_TOKEN", "field": "token"}]

    # the old browser session ended; old password refused, new one accepted
    assert data(await client.get("/graphql", params={"query": ME}, headers=GQL))["me"] is None
    old = data(await post(stranger, SIGN_IN, email="kostas@example.org", password=PASSWORD))
    assert old["signIn"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    new = data(await post(stranger, SIGN_IN, email="kostas@example.org", password=new_password))
    assert new["signIn"]["errors"] == []
    # the reset proved the mailbox, so the address counts as verified
    assert data(await post(stranger, ME))["me"]["emailVerified"] is True
