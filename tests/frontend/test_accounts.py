"""Sign-up, sign-in and the account page, through the forms in a real browser."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import expect

from tests.frontend.accounts import PASSWORD, sign_in, verified_account
from tests.frontend.browser import Visit
from tests.hub.auth.conftest import link_token, outbox_messages
from tests.hub.processes import ADMIN_PASSWORD, HubServe

TEXT = {
    "en": {
        "name": "Your name",
        "email": "E-mail address",
        "password": "Password",
        "create": "Create my account",
        "sign in": "Sign in",
        "welcome": "Welcome! Your account is ready.",
        "unconfirmed": "is not confirmed yet",
        "confirmed": "(confirmed)",
        "bad credentials": "password",
        "public": "Make my profile public",
        "skills": "Skills",
        "save": "Save profile",
        "saved": "Your profile is saved.",
        "token name": "Token name",
        "write": "write",
        "create token": "Create token",
        "revoke": "Revoke",
        "no tokens": "You have no API tokens.",
        "roles": "My roles",
    },
    "el": {
        "name": "Το όνομά σας",
        "email": "Διεύθυνση e-mail",
        "password": "Κωδικός πρόσβασης",
        "create": "Δημιουργία λογαριασμού",
        "sign in": "Σύνδεση",
        "welcome": "Καλώς ήρθατε! Ο λογαριασμός σας είναι έτοιμος.",
        "unconfirmed": "δεν έχει επιβεβαιωθεί ακόμη",
        "confirmed": "(επιβεβαιωμένο)",
        "bad credentials": "Λάθος e-mail ή κωδικός πρόσβασης",
        "public": "Το προφίλ μου να είναι δημόσιο",
        "skills": "Δεξιότητες",
        "save": "Αποθήκευση προφίλ",
        "saved": "Το προφίλ σας αποθηκεύτηκε.",
        "token name": "Όνομα κλειδιού",
        "write": "εγγραφή",
        "create token": "Δημιουργία κλειδιού",
        "revoke": "Ανάκληση",
        "no tokens": "Δεν έχετε κλειδιά API.",
        "roles": "Οι ρόλοι μου",
    },
}

PERSON = """query($id: ID!) { person(id: $id) { name isPublic skills } }"""


def test_sign_up_then_confirm_the_address_from_the_mail(visit: Visit, hub_site: HubServe) -> None:
    text = TEXT[visit.lang]
    email = f"newcomer-{visit.lang}@example.org"
    page = visit.goto("/sign-up")
    visit.check("sign-up")
    page.get_by_label(text["name"]).fill("Νεφέλη Newcomer")
    page.get_by_label(text["email"], exact=True).fill(email)
    page.get_by_label(text["password"], exact=True).fill("short")
    page.get_by_role("button", name=text["create"]).click()
    # The hub refuses the short password and names the field; nothing is created.
    expect(page.get_by_role("alert").filter(has_text=text["password"])).to_be_visible()
    page.get_by_label(text["password"], exact=True).fill(PASSWORD)
    page.get_by_role("button", name=text["create"]).click()
    page.wait_for_url(re.compile(r"/account\?welcome=1$"))
    expect(page.get_by_text(text["welcome"])).to_be_visible()
    expect(page.get_by_text(text["unconfirmed"])).to_be_visible()
    visit.check("account")

    mails = [m for m in outbox_messages(hub_site.data_dir / "outbox") if email in str(m["To"])]
    page.goto(hub_site.url + "/verify-email?token=" + link_token(mails[-1], "verify-email"))
    visit.goto("/account")
    expect(page.get_by_text(text["confirmed"])).to_be_visible()


def test_sign_in_refuses_a_wrong_password_then_returns_to_the_page_asked_for(
    visit: Visit, hub_site: HubServe
) -> None:
    text = TEXT[visit.lang]
    email = f"returning-{visit.lang}@example.org"
    verified_account(hub_site, email, "Returning Visitor")
    page = visit.goto("/sign-in?next=/calls")
    visit.check("sign-in")
    page.get_by_label(text["email"], exact=True).fill(email)
    page.get_by_label(text["password"], exact=True).fill("not the password at all")
    page.get_by_role("button", name=text["sign in"], exact=True).last.click()
    expect(page.get_by_role("alert").filter(has_text=text["bad credentials"])).to_be_visible()
    page.get_by_label(text["password"], exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name=text["sign in"]).click()
    page.wait_for_url(re.compile(r"/calls$"))
    # Signed in: the header offers the account instead of sign-in.
    expect(page.get_by_role("link", name=re.compile("account|λογαριασμός", re.I))).to_be_visible()


def test_the_profile_becomes_public_with_the_chosen_fields(
    visit: Visit, hub_site: HubServe
) -> None:
    text = TEXT[visit.lang]
    email = f"profile-{visit.lang}@example.org"
    person_id = verified_account(hub_site, email, "Profile Owner")["person"]["id"]
    visit.goto("/")
    sign_in(visit, email)
    page = visit.goto("/account")
    page.get_by_role("textbox", name=text["skills"]).fill("open data, GIS")
    page.get_by_label(text["public"]).check()
    page.get_by_role("button", name=text["save"]).click()
    expect(page.get_by_text(text["saved"])).to_be_visible()
    person = hub_site.gql(PERSON, id=person_id)["person"]
    assert person == {"name": "Profile Owner", "isPublic": True, "skills": ["open data", "GIS"]}


def test_an_api_token_is_shown_once_works_and_can_be_revoked(
    visit: Visit, hub_site: HubServe
) -> None:
    text = TEXT[visit.lang]
    email = f"scripts-{visit.lang}@example.org"
    verified_account(hub_site, email, "Script Writer")
    visit.goto("/")
    sign_in(visit, email)
    page = visit.goto("/account")
    page.get_by_label(text["token name"]).fill("nightly export")
    page.get_by_role("button", name=text["create token"]).click()
    expect(page.locator("code.secret")).to_be_visible()
    secret = page.locator("code.secret").inner_text()
    me = httpx.post(
        hub_site.url + "/graphql",
        json={"query": "{ me { email } }"},
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert me.json()["data"]["me"]["email"] == email
    page.get_by_role("button", name=re.compile(text["revoke"])).click()
    expect(page.get_by_text(text["no tokens"])).to_be_visible()
    refused = httpx.post(
        hub_site.url + "/graphql",
        json={"query": "{ me { email } }"},
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert refused.status_code == 401 or refused.json()["data"]["me"] is None


CHALLENGE_TITLES = """{ challenges(first: 1) { edges { node { id title { el en } } } } }"""


def test_an_administrator_makes_someone_the_organiser_of_a_challenge(
    visit: Visit, hub_site: HubServe
) -> None:
    email = f"granted-organiser-{visit.lang}@example.org"
    verified_account(hub_site, email, "Future Organiser")
    challenge = hub_site.gql(CHALLENGE_TITLES)["challenges"]["edges"][0]["node"]
    title = challenge["title"][visit.lang]
    visit.goto("/")
    answer = visit.page.request.post(
        visit.base_url + "/graphql",
        data={
            "query": SIGN_IN_ADMIN,
            "variables": {"email": "admin@hub.test", "password": ADMIN_PASSWORD},
        },
    )
    assert answer.json()["data"]["signIn"]["errors"] == []
    page = visit.goto("/account")
    admin = ROLE_TEXT[visit.lang]
    page.get_by_label(admin["email"]).fill(email)
    page.get_by_label(admin["role"], exact=True).select_option("CHALLENGE_ORGANISER")
    page.get_by_label(admin["challenge"], exact=True).select_option(challenge["id"])
    visit.check("account-admin")
    page.get_by_role("button", name=admin["grant"]).click()
    expect(page.get_by_role("status").filter(has_text=email)).to_be_visible()

    visit.page.context.clear_cookies()
    sign_in(visit, email)
    page = visit.goto("/account")
    roles = page.get_by_role("region", name=TEXT[visit.lang]["roles"])
    expect(roles.get_by_role("link", name=title)).to_be_visible()
    expect(roles.get_by_role("link", name=admin["dashboard"])).to_be_visible()


SIGN_IN_ADMIN = """mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { errors { code message } } }"""
ROLE_TEXT = {
    "en": {
        "email": "Their e-mail address",
        "role": "Role",
        "challenge": "Challenge",
        "grant": "Give the role",
        "dashboard": "Organiser dashboard",
    },
    "el": {
        "email": "Η διεύθυνση e-mail του",
        "role": "Ρόλος",
        "challenge": "Διαγωνισμός",
        "grant": "Ανάθεση ρόλου",
        "dashboard": "Πίνακας διοργανωτή",
    },
}
