"""Discovery pages in a real browser: search, profiles with explained suggestions, funding
calls with filters and a deadline timeline, and the consortium builder's shortlist."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Locator, Page, expect

from tests.frontend.accounts import grant_role, sign_in, verified_account
from tests.frontend.browser import Visit
from tests.hub.processes import HubServe

WORDS = {
    "en": {
        "search": "Search the ecosystem",
        "organisations": "Organisations",
        "partners": "Suggested partners",
        "calls": "Suggested funding calls",
        "why": "Why",
        "programme": "Programme",
        "open": "Open",
        "forthcoming": "Forthcoming",
        "apply": "Apply filters",
        "from": "Deadline from",
        "to": "Deadline to",
        "more": "More calls",
        "timeline": "Deadlines per month",
        "build": "Build a consortium",
        "similar": "Similar calls",
        "add": "Add to shortlist",
        "shortlist": "Your shortlist",
        "download": "Download as CSV",
        "name": "Name",
        "message": "Message (optional)",
        "ask": "Ask for an introduction",
        "sent": "Your request was sent",
        "pending": "You already asked",
        "no_profile": "Profile not found",
        "no_org": "Organisation not found",
        "member": "You are a member of this organisation on the hub.",
    },
    "el": {
        "search": "Αναζήτηση στο οικοσύστημα",
        "organisations": "Οργανισμοί",
        "partners": "Προτεινόμενοι συνεργάτες",
        "calls": "Προτεινόμενες προσκλήσεις χρηματοδότησης",
        "why": "Γιατί",
        "programme": "Πρόγραμμα",
        "open": "Ανοιχτή",
        "forthcoming": "Προσεχής",
        "apply": "Εφαρμογή φίλτρων",
        "from": "Προθεσμία από",
        "to": "Προθεσμία έως",
        "more": "Περισσότερες προσκλήσεις",
        "timeline": "Προθεσμίες ανά μήνα",
        "build": "Συγκρότηση κοινοπραξίας",
        "similar": "Παρόμοιες προσκλήσεις",
        "add": "Προσθήκη στη λίστα",
        "shortlist": "Η λίστα σας",
        "download": "Λήψη ως CSV",
        "name": "Όνομα",
        "message": "Μήνυμα (προαιρετικό)",
        "ask": "Αίτημα γνωριμίας",
        "sent": "Το αίτημά σας στάλθηκε",
        "pending": "Έχετε ήδη ζητήσει",
        "no_profile": "Το προφίλ δεν βρέθηκε",
        "no_org": "Ο οργανισμός δεν βρέθηκε",
        "member": "Είστε μέλος αυτού του οργανισμού στον κόμβο.",
    },
}

CALL_BY_IDENTIFIER = """query($identifier: String!) {
  fundingCall(identifier: $identifier) { id title { en el } } }"""
PEOPLE = """query($text: String!) { people(first: 1, filter: {text: $text}) {
  edges { node { id name } } } }"""
ORGANISATIONS = """query($text: String!) { organisations(first: 1, filter: {text: $text}) {
  edges { node { id } } } }"""
CALL_COUNT = """query($filter: FundingCallFilter) { fundingCalls(first: 1, filter: $filter) {
  totalCount } }"""


def section(page: Page, heading: str) -> Locator:
    return page.locator("section", has=page.get_by_role("heading", name=heading, exact=True))


def matched_count(page: Page) -> int:
    summary = page.locator(".call-results .result-summary").inner_text()
    found = re.search(r"\d+", summary)
    assert found is not None, summary
    return int(found.group())


def test_search_leads_to_an_organisation_whose_suggestions_say_why(visit: Visit) -> None:
    words = WORDS[visit.lang]
    page = visit.goto("/")
    visit.check("home")
    box = page.get_by_role("searchbox", name=words["search"])
    box.fill("transport")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"\?q=transport$"))
    organisations = page.get_by_role("heading", name=re.compile(f"^{words['organisations']} "))
    expect(organisations).to_contain_text(re.compile(r"\d+"))
    visit.check("search-results")

    first = section(page, organisations.inner_text()).get_by_role("link").first
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    partners = section(page, words["partners"])
    reasons = partners.locator(".explanation").first
    expect(reasons).to_contain_text(words["why"], timeout=60_000)
    reason_items = reasons.locator("li")
    expect(reason_items.first).to_be_visible()
    assert reason_items.first.inner_text().strip(), "the first reason is empty"
    if visit.lang == "el":
        # The hub explains in English; the page says it in Greek.
        said = partners.locator(".explanation").all_inner_texts()
        assert not [text for text in said if "shared terms" in text or "took part in" in text]
    calls = section(page, words["calls"])
    expect(calls.locator(".explanation").first).to_be_visible(timeout=60_000)
    visit.check("organisation")

    # Back to the results: the query is still in the address and in the box.
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=transport$"))
    expect(page.get_by_role("searchbox", name=words["search"])).to_have_value("transport")


def test_an_unknown_organisation_says_so(visit: Visit) -> None:
    page = visit.goto("/organisations/not-an-id")
    expect(page.get_by_role("heading", level=1)).to_have_text(WORDS[visit.lang]["no_org"])
    visit.check("organisation-not-found")


def test_a_member_sees_their_part_in_the_organisation(visit: Visit, hub_site: HubServe) -> None:
    email = f"discovery-member-{visit.lang}@hub.test"
    verified_account(hub_site, email, f"Member {visit.lang}")
    organisation = hub_site.gql(ORGANISATIONS, text="transport")["organisations"]["edges"][0][
        "node"
    ]
    grant_role(hub_site, email, "ORGANISATION_MEMBER", organisation["id"])
    sign_in(visit, email)
    page = visit.goto(f"/organisations/{quote(organisation['id'])}")
    expect(page.get_by_text(WORDS[visit.lang]["member"])).to_be_visible()
    visit.settle()


def test_a_call_filter_narrows_the_list_and_survives_a_reload(visit: Visit) -> None:
    words = WORDS[visit.lang]
    page = visit.goto("/calls")
    visit.settle()
    # Without a status in the address, the calls one can still apply to.
    everything = matched_count(page)
    assert everything == visit_count(visit, {"status": ["OPEN", "FORTHCOMING"]})
    assert page.locator(".call-cards > li").count() == min(everything, 20)
    timeline = section(page, words["timeline"])
    per_month = [int(cell) for cell in timeline.locator("tbody td .bar-value").all_inner_texts()]
    assert sum(per_month) == everything
    visit.check("calls")

    page.get_by_role("button", name=words["more"]).click()
    expect(page.locator(".call-cards > li")).to_have_count(min(everything, 40))

    page.get_by_label(words["programme"]).select_option("Horizon Europe")
    page.get_by_role("checkbox", name=words["forthcoming"], exact=True).uncheck()
    page.get_by_role("button", name=words["apply"]).click()
    expect(page).to_have_url(re.compile(r"programme=Horizon\+Europe&status=OPEN$"))
    visit.settle()
    narrowed = matched_count(page)
    expected = visit_count(visit, {"programme": "Horizon Europe", "status": ["OPEN"]})
    assert 0 < narrowed == expected < everything

    page.reload()
    visit.settle()
    assert matched_count(page) == narrowed
    expect(page.get_by_label(words["programme"])).to_have_value("Horizon Europe")
    expect(page.get_by_role("checkbox", name=words["open"], exact=True)).to_be_checked()
    expect(page.get_by_role("checkbox", name=words["forthcoming"], exact=True)).not_to_be_checked()
    visit.check("calls-filtered")

    # A range that ends before it starts is refused with a message naming the field.
    page.get_by_label(words["from"]).fill("2027-05-01")
    page.get_by_label(words["to"]).fill("2027-01-01")
    page.get_by_role("button", name=words["apply"]).click()
    expect(page.get_by_role("alert")).to_contain_text(words["to"])
    assert "from=" not in page.url

    # A month of the timeline lists the calls closing in it.
    month = timeline.locator("tbody tr").first
    in_month = int(month.locator(".bar-value").inner_text())
    month.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}"))
    visit.settle()
    assert matched_count(page) == in_month


def visit_count(visit: Visit, filter_: dict[str, object]) -> int:
    answer = visit.page.request.post(
        visit.base_url + "/graphql", data={"query": CALL_COUNT, "variables": {"filter": filter_}}
    )
    return int(answer.json()["data"]["fundingCalls"]["totalCount"])


def test_a_call_page_shows_its_details_similar_calls_and_leads_to_the_builder(
    visit: Visit, hub_site: HubServe
) -> None:
    words = WORDS[visit.lang]
    call = hub_site.gql(CALL_BY_IDENTIFIER, identifier="LIFE-2026-CET-ENERCOM")["fundingCall"]
    page = visit.goto(f"/calls/{quote(call['id'])}")
    expect(page.get_by_role("heading", level=1)).to_have_text(call["title"][visit.lang])
    expect(page.get_by_text("Europe/Brussels").first).to_be_visible()
    similar = section(page, words["similar"])
    expect(similar.locator(".explanation").first).to_be_visible(timeout=60_000)
    visit.check("call")
    page.get_by_role("link", name=words["build"]).click()
    expect(page).to_have_url(re.compile(r"/consortium$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("LIFE-2026-CET-ENERCOM")


def test_the_consortium_shortlist_survives_a_reload_and_downloads_as_csv(
    visit: Visit, hub_site: HubServe, tmp_path: Path
) -> None:
    words = WORDS[visit.lang]
    call = hub_site.gql(CALL_BY_IDENTIFIER, identifier="LIFE-2026-CET-ENERCOM")["fundingCall"]
    page = visit.goto(f"/calls/{quote(call['id'])}/consortium")
    cards = page.locator("ol.suggestions > li")
    expect(cards.first).to_be_visible(timeout=60_000)
    chosen = [cards.nth(index).get_by_role("heading").inner_text() for index in (0, 2)]
    for name in chosen:
        page.get_by_role("button", name=f"{words['add']}: {name}").click()
    shortlist = page.locator("aside", has=page.get_by_role("heading", name=words["shortlist"]))
    expect(shortlist.get_by_role("link")).to_have_text(chosen)
    visit.check("consortium")

    page.reload()
    expect(shortlist.get_by_role("link")).to_have_text(chosen)
    with page.expect_download() as event:
        shortlist.get_by_role("button", name=words["download"]).click()
    saved = tmp_path / "shortlist.csv"
    event.value.save_as(saved)
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == words["name"]
    assert [row[0] for row in rows[1:]] == chosen
    assert all(
        row[5].endswith(row_id) for row, row_id in zip(rows[1:], ids_of(shortlist), strict=True)
    )


def ids_of(shortlist: Locator) -> list[str]:
    return [
        str(link.get_attribute("href")).rsplit("/", 1)[-1]
        for link in shortlist.get_by_role("link").all()
    ]


def test_a_signed_in_person_asks_for_an_introduction_once(visit: Visit, hub_site: HubServe) -> None:
    words = WORDS[visit.lang]
    email = f"discovery-intro-{visit.lang}@hub.test"
    verified_account(hub_site, email, f"Intro Asker {visit.lang}")
    sign_in(visit, email)
    person = hub_site.gql(PEOPLE, text="transport")["people"]["edges"][0]["node"]
    page = visit.goto(f"/people/{quote(person['id'])}")
    expect(page.get_by_role("heading", level=1)).to_have_text(person["name"])
    expect(section(page, words["partners"]).locator(".explanation").first).to_be_visible(
        timeout=60_000
    )
    visit.check("person")

    page.get_by_label(words["message"]).fill("I work on freight data and would like to meet.")
    page.get_by_role("button", name=words["ask"]).click()
    expect(page.get_by_role("status").filter(has_text=words["sent"])).to_be_visible()

    page.reload()
    page.get_by_role("button", name=words["ask"]).click()
    expect(page.get_by_role("alert")).to_contain_text(words["pending"])


def test_a_private_or_unknown_profile_says_not_found(visit: Visit) -> None:
    page = visit.goto("/people/UGVyc29uOm5vLXN1Y2gtcGVyc29u")
    expect(page.get_by_role("heading", level=1)).to_have_text(WORDS[visit.lang]["no_profile"])
    visit.check("person-not-found")
