"""The pages the account e-mails link to, followed from the mail as a person would."""

from __future__ import annotations

from pathlib import Path

from tests.hub.auth.conftest import PASSWORD, AppFactory, link_token, outbox_messages
from tests.hub.auth.test_accounts_http import ME, SIGN_IN, SIGN_UP, data, post

REQUEST_RESET = "mutation($e: String!) { requestPasswordReset(email: $e) { ok } }"


async def test_the_mailed_links_confirm_the_address_and_set_a_new_password(
    app_client: AppFactory, outbox: Path
) -> None:
    client = await app_client()
    await post(
        client, SIGN_UP, input={"email": "maria@example.org", "password": PASSWORD, "name": "Μαρία"}
    )
    token = link_token(outbox_messages(outbox)[0], "verify-email")

    confirmed = await client.get("/verify-email", params={"token": token})
    assert confirmed.status_code == 200 and "e-mail address is confirmed" in confirmed.text
    assert data(await post(client, ME))["me"]["emailVerified"] is True
    used = await client.get("/verify-email", params={"token": token})
    assert used.status_code == 400 and "unknown or was used already" in used.text

    data(await post(client, REQUEST_RESET, e="maria@example.org"))
    reset = link_token(outbox_messages(outbox)[-1], "reset-password")
    form = await client.get("/reset-password", params={"token": reset})
    assert form.status_code == 200 and 'name="password"' in form.text
    short = await client.post("/reset-password", data={"token": reset, "password": "short"})
    assert short.status_code == 400 and 'role="alert"' in short.text
    done = await client.post(
        "/reset-password", data={"token": reset, "password": "a longer new passphrase"}
    )
    assert done.status_code == 200 and "password is changed" in done.text
    signed = data(
        await post(client, SIGN_IN, email="maria@example.org", password="a longer new passphrase")
    )
    assert signed["signIn"]["errors"] == []
    hostile = await client.get("/reset-password", params={"token": '"><script>x</script>'})
    assert "<script>x" not in hostile.text
