"""People with accounts on the test hub: signed up, verified through their mail, given roles,
and signed in inside a browser context."""

from __future__ import annotations

from typing import Any

from tests.frontend.browser import Visit
from tests.hub.auth.conftest import link_token, outbox_messages
from tests.hub.processes import HubServe

PASSWORD = "a long browser test password"

SIGN_UP = """mutation($input: SignUpInput!) {
  signUp(input: $input) { account { id person { id } } errors { code field message } } }"""
VERIFY = """mutation($token: String!) { verifyEmail(token: $token) { errors { code message } } }"""
GRANT = """mutation($input: RoleInput!) {
  grantRole(input: $input) { ok errors { code message } } }"""
SIGN_IN = """mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { errors { code message } } }"""


def verified_account(hub: HubServe, email: str, name: str) -> dict[str, Any]:
    """Sign up `email` (password PASSWORD) and confirm it with the mailed link's token.

    Returns the new account's `id` and `person` ({id})."""
    made = hub.gql(SIGN_UP, input={"email": email, "password": PASSWORD, "name": name})
    assert made["signUp"]["errors"] == [], made
    mails = [m for m in outbox_messages(hub.data_dir / "outbox") if email in str(m.get("To", ""))]
    token = link_token(mails[-1], "verify-email")
    verified = hub.gql(VERIFY, token=token)
    assert verified["verifyEmail"]["errors"] == [], verified
    account: dict[str, Any] = made["signUp"]["account"]
    return account


def grant_role(hub: HubServe, email: str, role: str, target_id: str | None = None) -> None:
    """Give a role as the hub's administrator (e.g. CHALLENGE_JUDGE on a challenge)."""
    granted = hub.gql(GRANT, input={"email": email, "role": role, "targetId": target_id})
    assert granted["grantRole"]["errors"] == [], granted


def sign_in(visit: Visit, email: str) -> None:
    """Sign the browser context in through the API (the sign-in page has its own test)."""
    answer = visit.page.request.post(
        visit.base_url + "/graphql",
        data={"query": SIGN_IN, "variables": {"email": email, "password": PASSWORD}},
    )
    assert answer.ok, answer.text()
    assert answer.json()["data"]["signIn"]["errors"] == [], answer.text()
