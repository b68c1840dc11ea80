"""The pilot projects board: groups by status, filters, suggested partners with their reason,
and a researcher posting a pilot through the form (a bad field first)."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from tests.frontend.accounts import grant_role, sign_in, verified_account
from tests.frontend.browser import Visit
from tests.hub.processes import HubServe

WORDS = {
    "el": {
        "open": "Ανοικτό",
        "completed": "Ολοκληρωμένο",
        "status": "Κατάσταση",
        "suggested": "Προτεινόμενοι εταίροι",
        "why": "Γιατί",
        "signIn": "Συνδεθείτε",
        "titleEn": "Τίτλος στα αγγλικά",
        "testSite": "Χώρος δοκιμής",
        "startup": "Νεοφυής επιχείρηση",
        "submit": "Ανάρτηση του πιλοτικού έργου",
        "titleMissing": "Τίτλος στα αγγλικά: δώστε τον τίτλο",
        "tooLong": "Χώρος δοκιμής: έως 300 χαρακτήρες.",
        "posted": "είναι στον πίνακα",
    },
    "en": {
        "open": "Open",
        "completed": "Completed",
        "status": "Status",
        "suggested": "Suggested partners",
        "why": "Why",
        "signIn": "Sign in",
        "titleEn": "Title in English",
        "testSite": "Test site",
        "startup": "Startup",
        "submit": "Post the pilot project",
        "titleMissing": "Title in English: give the title",
        "tooLong": "Test site: at most 300 characters.",
        "posted": "is on the board",
    },
}

PILOT = """query($text: String) { pilotProjects(first: 5, filter: {text: $text}) {
  edges { node { id title { el en } status } } } }"""
SUGGEST = """query($id: ID!) { suggestPartners(pilotProjectId: $id, first: 8) {
  items { organisation { name } explanation } } }"""


def test_the_board_groups_by_status_and_filters(visit: Visit, hub_site: HubServe) -> None:
    words = WORDS[visit.lang]
    page = visit.goto("/pilots")
    visit.settle()
    groups = page.get_by_role("heading", level=2)
    expect(groups.filter(has_text=words["open"]).first).to_be_visible()
    expect(groups.filter(has_text=words["completed"])).to_be_visible()
    # anonymous visitors are told how to post
    expect(page.get_by_role("main").get_by_role("link", name=words["signIn"])).to_be_visible()
    visit.check("pilots")

    page.get_by_label(words["status"], exact=True).select_option("COMPLETED")
    visit.settle()
    assert "status=COMPLETED" in page.url
    expect(groups.filter(has_text=words["open"])).to_have_count(0)
    completed = hub_site.gql(
        """{ pilotProjects(first: 50, filter: {status: [COMPLETED]}) { totalCount } }"""
    )["pilotProjects"]["totalCount"]
    expect(page.locator(".pilot-card")).to_have_count(completed)


def test_a_pilots_suggested_partners_show_their_reason(visit: Visit, hub_site: HubServe) -> None:
    words = WORDS[visit.lang]
    pilot = hub_site.gql(PILOT, text="Venizelou")["pilotProjects"]["edges"][0]["node"]
    expected = hub_site.gql(SUGGEST, id=pilot["id"])["suggestPartners"]["items"]
    assert expected, "the demo pilot has suggestions"
    page = visit.goto("/pilots")
    visit.settle()
    card = page.locator(".pilot-card").filter(has_text=pilot["title"][visit.lang])
    card.get_by_role("button", name=words["suggested"]).click()
    visit.settle()
    partners = card.get_by_role("region").locator(".partner-list > li")
    expect(partners.first).to_contain_text(expected[0]["organisation"]["name"])
    expect(partners.first).to_contain_text(words["why"])
    # each of the hub's reasons ("; "-separated) is one line, said in the chosen language
    reasons = partners.first.locator(".explanation li")
    expect(reasons).to_have_count(len(expected[0]["explanation"].split("; ")))
    for reason in reasons.all():
        assert reason.inner_text().strip()
    expect(card.locator("button[aria-expanded=true]")).to_have_count(1)
    visit.check("pilots-suggested-partners")


def test_a_researcher_posts_a_pilot_and_sees_it_on_the_board(
    visit: Visit, hub_site: HubServe
) -> None:
    words = WORDS[visit.lang]
    email = f"researcher-{visit.lang}-{uuid.uuid4().hex[:8]}@example.org"
    verified_account(hub_site, email, "Ρένα Ερευνήτρια")
    grant_role(hub_site, email, "RESEARCHER")
    sign_in(visit, email)
    page = visit.goto("/pilots")
    visit.settle()

    page.get_by_label(words["testSite"]).fill("x" * 301)
    page.get_by_role("button", name=words["submit"]).click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(words["titleMissing"])
    expect(alert).to_contain_text(words["tooLong"])
    expect(page.get_by_label(words["titleEn"])).to_be_focused()
    expect(page.get_by_label(words["titleEn"])).to_have_attribute("aria-invalid", "true")
    visit.check("pilots-form-errors")

    title = f"Noise sensors on Egnatia {uuid.uuid4().hex[:6]}"
    page.get_by_label(words["titleEn"]).fill(title)
    page.get_by_label(words["testSite"]).fill("A busy street crossing")
    page.get_by_label(words["startup"]).check()
    page.get_by_role("button", name=words["submit"]).click()
    expect(page.get_by_role("status").filter(has_text=words["posted"])).to_contain_text(title)
    visit.settle()
    card = page.locator(".pilot-card").filter(has_text=title)
    expect(card).to_be_visible()
    expect(card).to_contain_text("A busy street crossing")
    expect(card).to_contain_text(words["startup"])
    stored = hub_site.gql(PILOT, text=title.split()[-1])["pilotProjects"]["edges"]
    assert [edge["node"]["status"] for edge in stored] == ["OPEN"]
