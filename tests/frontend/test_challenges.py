"""The challenge pages in a real browser, in Greek and English: the list with past winners,
a challenge's public page, taking part (register, form a team, submit, edit; a late
submission refused with its reason), the judge console (a score saved and shown again
after a reload), the organiser dashboard (judging opened, awards recorded, results
public), and the pages a visitor without the role may not use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.frontend.accounts import grant_role, sign_in
from tests.frontend.browser import LANGS, Visit
from tests.frontend.challenge_setup import (
    Member,
    add_judge,
    member,
    move,
    running_challenge,
    submission_of,
    team_of,
    wait_until,
)
from tests.hub.processes import HubServe

OPEN_DEMO = {
    "en": "Open Data for a City on the Move",
    "el": "Ανοιχτά Δεδομένα για μια Πόλη που Κινείται",
}
# Long enough for every set-up step before it; the tests that need it passed wait once.
SHORT_DEADLINE = timedelta(seconds=40)
LONG_DEADLINE = timedelta(days=30)


def say(visit: Visit, en: str, el: str) -> str:
    return el if visit.lang == "el" else en


def path(challenge_id: str, tail: str = "") -> str:
    return f"/challenges/{challenge_id}{tail}"


@dataclass
class PastDeadline:
    """Per language: challenges whose submission deadline has passed, and their people."""

    late: str
    late_lead: Member
    judged: str
    judge: Member
    judged_submission_title: str
    awarded: str
    organiser: Member
    winner_team: str


@pytest.fixture(scope="module")
def past_deadline(hub_site: HubServe) -> Iterator[dict[str, PastDeadline]]:
    """Everything that needs a passed deadline, for both languages, behind one wait."""
    worlds: dict[str, PastDeadline] = {}
    deadlines = []
    for lang in LANGS:

        def person(role: str, name: str, lang: str = lang) -> Member:
            return member(hub_site, f"{role}-{lang}@example.org", f"{name} {lang.upper()}")

        late = running_challenge(hub_site, f"Late entries {lang}", deadline_in=SHORT_DEADLINE)
        late_lead = person("late", "Late Lead")
        team_of(late_lead, late.id, "Latecomers")

        judged = running_challenge(hub_site, f"Judged {lang}", deadline_in=SHORT_DEADLINE)
        entrant = person("entrant", "Entrant")
        title = f"Next bus {lang}"
        submission = submission_of(entrant, team_of(entrant, judged.id, "Next bus team"), title)
        judge = person("judge", "Judge")
        add_judge(hub_site, judged.id, judge, submission)

        awarded = running_challenge(hub_site, f"Awarded {lang}", deadline_in=SHORT_DEADLINE)
        for name in ("Metro Minds", "Bus Busters"):
            lead = person(name.split()[0].lower(), f"{name} lead")
            submission_of(lead, team_of(lead, awarded.id, name), f"{name} app")
        organiser = person("organiser", "Olga Organiser")
        grant = (
            """mutation($input: RoleInput!) { grantRole(input: $input) { ok errors { code } } }"""
        )
        granted = hub_site.gql(
            grant,
            input={"email": organiser.email, "role": "CHALLENGE_ORGANISER", "targetId": awarded.id},
        )
        assert granted["grantRole"]["errors"] == []

        deadlines += [late.deadline, judged.deadline, awarded.deadline]
        worlds[lang] = PastDeadline(
            late=late.id,
            late_lead=late_lead,
            judged=judged.id,
            judge=judge,
            judged_submission_title=title,
            awarded=awarded.id,
            organiser=organiser,
            winner_team="Metro Minds",
        )
    wait_until(max(deadlines))
    for world in worlds.values():
        move(hub_site, world.judged, "JUDGING")
    yield worlds


def test_the_list_shows_current_and_past_challenges_and_filters_the_winners(visit: Visit) -> None:
    page = visit.goto("/challenges")
    visit.settle()
    current = page.get_by_role(
        "region", name=say(visit, "Current challenges", "Τρέχοντες διαγωνισμοί")
    )
    card = current.get_by_role("listitem").filter(has_text=OPEN_DEMO[visit.lang])
    expect(card).to_contain_text(say(visit, "Registration open", "Ανοιχτές εγγραφές"))
    expect(card).to_contain_text(say(visit, "Submissions open", "Οι υποβολές ανοίγουν"))
    past = page.get_by_role(
        "region", name=say(visit, "Past challenges", "Προηγούμενοι διαγωνισμοί")
    )
    for year in ("2022", "2023", "2024", "2025"):
        expect(past.get_by_role("heading", name=year, level=3)).to_be_visible()
    expect(past.get_by_role("link", name=re.compile("2023"))).to_have_count(1)
    winners = page.get_by_role(
        "region", name=say(visit, "Past winners", "Νικητές προηγούμενων ετών")
    )
    rows = winners.locator("tbody tr")
    expect(rows.first).to_be_visible()
    winners.get_by_label(say(visit, "Year", "Έτος")).select_option("2024")
    expect(rows).to_have_count(6)
    assert {cell.strip() for cell in rows.locator("td:first-child").all_inner_texts()} == {"2024"}
    winners.get_by_label(say(visit, "Theme", "Θεματική")).select_option("metro")
    expect(rows).to_have_count(3)
    visit.check("challenges")


def test_an_organisation_member_creates_a_challenge_with_named_field_errors_first(
    visit: Visit, hub_site: HubServe
) -> None:
    founder = member(hub_site, f"founder-{visit.lang}@example.org", f"Founder {visit.lang}")
    lab = hub_site.create_organisation(f"Civic Lab {visit.lang}")
    grant_role(hub_site, founder.email, "ORGANISATION_MEMBER", lab)
    sign_in(visit, founder.email)
    page = visit.goto("/challenges")
    page.get_by_role(
        "button", name=say(visit, "Create a challenge", "Δημιουργία διαγωνισμού")
    ).click()
    create = page.get_by_role(
        "button", name=say(visit, "Create the draft", "Δημιουργία προσχεδίου")
    )
    create.click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(
        say(visit, "Give the title in Greek, English or both.", "Δώστε τον τίτλο στα ελληνικά")
    )
    expect(alert).to_contain_text(say(visit, "Submission deadline", "Προθεσμία υποβολής"))
    deadline = page.get_by_label(say(visit, "Submission deadline", "Προθεσμία υποβολής"))
    expect(deadline).to_have_attribute("aria-invalid", "true")
    visit.check("challenges-new")
    page.get_by_label(say(visit, "Title in English", "Τίτλος στα αγγλικά")).fill(
        f"Clean air {visit.lang}"
    )
    page.get_by_label(say(visit, "Organising organisation", "Διοργανωτής φορέας")).select_option(
        label=f"Civic Lab {visit.lang}"
    )
    page.get_by_label(say(visit, "Registration opens", "Έναρξη εγγραφών")).fill("2030-01-10T09:00")
    page.get_by_label(say(visit, "Submissions open", "Έναρξη υποβολών")).fill("2030-02-01T09:00")
    deadline.fill("2030-03-01T18:00")
    page.get_by_label(say(visit, "Skills sought", "Ζητούμενες δεξιότητες")).fill("GIS, air quality")
    create.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Clean air {visit.lang}")
    assert page.url.endswith("/organise")
    phase = page.get_by_role("region", name=say(visit, "Phase", "Φάση"))
    expect(phase).to_contain_text(say(visit, "Draft", "Πρόχειρο"))
    # 18:00 in Athens on 1 March 2030 is 18:00 (+02:00), whatever the browser's own zone
    schedule = page.get_by_role("region", name=say(visit, "Schedule", "Χρονοδιάγραμμα"))
    expect(schedule).to_contain_text(say(visit, "1 Mar 2030, 18:00", "1 Μαρ 2030, 6:00 μ.μ."))
    expect(schedule).to_contain_text("Europe/Athens")
    phase.get_by_role(
        "button", name=say(visit, "Move to: Published", "Μετάβαση σε: Δημοσιευμένος")
    ).click()
    expect(phase.locator(".badge")).to_contain_text(say(visit, "Published", "Δημοσιευμένος"))
    # the organiser completes it: rules and a prize; a deadline before submissions open is refused
    editor = page.get_by_role(
        "region", name=say(visit, "Change the challenge", "Αλλαγές στον διαγωνισμό")
    )
    editor.get_by_label(say(visit, "Rules in English", "Κανόνες στα αγγλικά")).fill(
        "One entry per team."
    )
    editor.get_by_label(say(visit, "Amount in euros (place 1)", "Ποσό σε ευρώ (1η θέση)")).fill(
        "3000"
    )
    moved = editor.get_by_label(say(visit, "Submission deadline", "Προθεσμία υποβολής"))
    moved.fill("2020-03-01T18:00")
    save = editor.get_by_role("button", name=say(visit, "Save the changes", "Αποθήκευση αλλαγών"))
    save.click()
    refusal = editor.get_by_role("alert")
    expect(refusal).to_contain_text(say(visit, "Submission deadline", "Προθεσμία υποβολής"))
    expect(refusal).to_contain_text("must be after submission_opens")
    moved.fill("2030-03-15T18:00")
    save.click()
    saved = say(visit, "The challenge is saved.", "Ο διαγωνισμός αποθηκεύτηκε.")
    expect(editor.get_by_role("status").filter(has_text=saved)).to_be_visible()
    prizes = page.get_by_role("region", name=say(visit, "Prizes", "Βραβεία"), exact=True)
    expect(prizes).to_contain_text("3,000" if visit.lang == "en" else "3.000")
    expect(schedule).to_contain_text(say(visit, "15 Mar 2030", "15 Μαρ 2030"))
    visit.check("organiser-draft")


def test_a_visitor_sees_the_public_challenge_and_a_prompt_to_sign_in(visit: Visit) -> None:
    page = visit.goto("/challenges")
    page.get_by_role("link", name=OPEN_DEMO[visit.lang]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(OPEN_DEMO[visit.lang])
    rules = say(visit, "Each team submits one entry", "Κάθε ομάδα υποβάλλει μία πρόταση")
    expect(page.get_by_text(rules)).to_be_visible()
    schedule = page.get_by_role("region", name=say(visit, "Schedule", "Χρονοδιάγραμμα"))
    expect(schedule).to_contain_text("Europe/Athens")
    prizes = page.get_by_role("region", name=say(visit, "Prizes", "Βραβεία"))
    expect(prizes).to_contain_text("5.000" if visit.lang == "el" else "5,000")
    take_part = page.get_by_role("region", name=say(visit, "Take part", "Συμμετοχή"))
    link = take_part.get_by_role("link", name=say(visit, "Sign in", "Σύνδεση"))
    assert (link.get_attribute("href") or "").startswith("/sign-in?next=%2Fchallenges%2F")
    expect(take_part.get_by_role("button")).to_have_count(0)
    visit.check("challenge")


def test_a_participant_registers_forms_a_team_submits_and_edits(
    visit: Visit, hub_site: HubServe
) -> None:
    challenge = running_challenge(hub_site, f"Team flow {visit.lang}", deadline_in=LONG_DEADLINE)
    person = member(
        hub_site, f"participant-{visit.lang}@example.org", f"Pat Participant {visit.lang}"
    )
    sign_in(visit, person.email)
    page = visit.goto(path(challenge.id))
    take_part = page.get_by_role("region", name=say(visit, "Take part", "Συμμετοχή"))
    take_part.get_by_role(
        "button", name=say(visit, "Register for this challenge", "Εγγραφή στον διαγωνισμό")
    ).click()
    expect(
        take_part.get_by_role("status").filter(
            has_text=say(visit, "You are registered", "Έχετε εγγραφεί")
        )
    ).to_be_visible()
    # a team needs a name: the refusal names the field
    create = take_part.get_by_role(
        "button", name=say(visit, "Create the team", "Δημιουργία της ομάδας")
    )
    create.click()
    expect(
        take_part.get_by_role("alert").filter(
            has_text=say(visit, "Give your team a name", "Δώστε ένα όνομα")
        )
    ).to_contain_text(say(visit, "Team name", "Όνομα ομάδας"))
    take_part.get_by_label(say(visit, "Team name", "Όνομα ομάδας")).fill("Open Riders")
    create.click()
    expect(take_part.get_by_role("heading", name=re.compile("Open Riders"))).to_be_visible()
    expect(take_part).to_contain_text(f"Pat Participant {visit.lang}")
    teams = page.get_by_role("region", name=say(visit, "Teams", "Ομάδες"))
    expect(teams).to_contain_text("Open Riders")

    take_part.get_by_label(say(visit, "Title", "Τίτλος"), exact=True).fill("Ride on time")
    take_part.get_by_label(say(visit, "Summary", "Περίληψη")).fill(
        "Live bus arrivals from open data."
    )
    take_part.get_by_label(say(visit, "Source code address", "Διεύθυνση πηγαίου κώδικα")).fill(
        "not a link"
    )
    submit = take_part.get_by_role("button", name=say(visit, "Submit", "Υποβολή"), exact=True)
    submit.click()
    expect(take_part.get_by_role("alert").filter(has_text="https://")).to_contain_text(
        say(visit, "Source code address", "Διεύθυνση πηγαίου κώδικα")
    )
    take_part.get_by_label(say(visit, "Source code address", "Διεύθυνση πηγαίου κώδικα")).fill(
        "https://example.org/ride"
    )
    submit.click()
    submitted = say(visit, "Your submission is in.", "Η υποβολή σας καταχωρίστηκε.")
    expect(take_part.get_by_role("status").filter(has_text=submitted)).to_be_visible()
    entry = take_part.get_by_role("article", name="Ride on time")
    expect(entry).to_contain_text(say(visit, "Version 1", "Έκδοση 1"))
    visit.check("challenge-participant")

    take_part.get_by_role(
        "button", name=say(visit, "Edit the submission", "Επεξεργασία της υποβολής")
    ).click()
    take_part.get_by_label(say(visit, "Title", "Τίτλος"), exact=True).fill("Ride on time, v2")
    take_part.get_by_role(
        "button", name=say(visit, "Save a new version", "Αποθήκευση νέας έκδοσης")
    ).click()
    entry = take_part.get_by_role("article", name="Ride on time, v2")
    expect(entry).to_contain_text(say(visit, "Version 2", "Έκδοση 2"))
    page.reload()
    expect(page.get_by_role("article", name="Ride on time, v2")).to_be_visible()


def test_a_submission_after_the_deadline_is_refused_with_the_reason(
    visit: Visit, past_deadline: dict[str, PastDeadline]
) -> None:
    world = past_deadline[visit.lang]
    sign_in(visit, world.late_lead.email)
    page = visit.goto(path(world.late))
    take_part = page.get_by_role("region", name=say(visit, "Take part", "Συμμετοχή"))
    take_part.get_by_label(say(visit, "Title", "Τίτλος"), exact=True).fill("Too late")
    take_part.get_by_label(say(visit, "Summary", "Περίληψη")).fill("Arrives after the deadline.")
    take_part.get_by_role("button", name=say(visit, "Submit", "Υποβολή"), exact=True).click()
    alert = take_part.get_by_role("alert").filter(has_text="Europe/Athens")
    expect(alert).to_contain_text(say(visit, "The deadline has passed", "Η προθεσμία έχει λήξει"))
    expect(alert).to_contain_text("Europe/Athens has passed")
    expect(take_part).to_contain_text(
        say(visit, "has not submitted yet", "δεν έχει υποβάλει ακόμη")
    )
    visit.check("challenge-late")


def test_a_judge_scores_a_submission_and_the_score_is_there_after_a_reload(
    visit: Visit, past_deadline: dict[str, PastDeadline]
) -> None:
    world = past_deadline[visit.lang]
    sign_in(visit, world.judge.email)
    page = visit.goto(path(world.judged))
    page.get_by_role("link", name=say(visit, "Judge console", "Κονσόλα κριτή")).click()
    progress = page.get_by_role("region", name=say(visit, "Your progress", "Η πρόοδός σας"))
    expect(progress).to_contain_text(say(visit, "0 of 1", "0 από 1"))
    sheet = page.get_by_role("region", name=world.judged_submission_title)
    expect(sheet).to_contain_text(say(visit, "from 1 to 5, weight 2", "από 1 έως 5, βάρος 2"))
    impact = sheet.get_by_label("Impact")
    impact.fill("9")
    sheet.get_by_label("Open data").fill("7")
    save = sheet.get_by_role(
        "button", name=re.compile(say(visit, "Save the scores", "Αποθήκευση βαθμολογιών"))
    )
    save.click()
    expect(sheet.get_by_role("alert")).to_contain_text(say(visit, "from 1 to 5", "από 1 έως 5"))
    impact.fill("4")
    sheet.get_by_label(
        say(visit, "Comment for the organisers", "Σχόλιο για τους διοργανωτές")
    ).fill("Solid use of GTFS.")
    save.click()
    expect(sheet.get_by_role("status")).to_contain_text(
        say(visit, "Scores saved.", "Οι βαθμολογίες αποθηκεύτηκαν.")
    )
    expect(progress).to_contain_text(say(visit, "1 of 1", "1 από 1"))
    visit.check("judge-console")
    page.reload()
    sheet = page.get_by_role("region", name=world.judged_submission_title)
    expect(sheet.get_by_label("Impact")).to_have_value("4")
    expect(sheet.get_by_label("Open data")).to_have_value("7")
    expect(
        sheet.get_by_label(say(visit, "Comment for the organisers", "Σχόλιο για τους διοργανωτές"))
    ).to_have_value("Solid use of GTFS.")
    expect(
        page.get_by_role("region", name=say(visit, "Your progress", "Η πρόοδός σας"))
    ).to_contain_text(say(visit, "1 of 1", "1 από 1"))


def test_an_organiser_opens_judging_records_awards_and_the_results_go_public(
    visit: Visit, past_deadline: dict[str, PastDeadline]
) -> None:
    world = past_deadline[visit.lang]
    sign_in(visit, world.organiser.email)
    page = visit.goto(path(world.awarded))
    page.get_by_role("link", name=say(visit, "Organiser dashboard", "Πίνακας διοργανωτή")).click()
    phase = page.get_by_role("region", name=say(visit, "Phase", "Φάση"))
    expect(phase.locator(".badge")).to_contain_text(
        say(visit, "Submissions open", "Ανοιχτές υποβολές")
    )
    submissions = page.get_by_role("region", name=say(visit, "Submissions", "Υποβολές"), exact=True)
    expect(submissions.locator("tbody tr")).to_have_count(2)
    # awarding is not the next step: the organiser must open judging first
    awards = page.get_by_role("region", name=say(visit, "Awards", "Απονομή βραβείων"))
    expect(awards).to_contain_text(say(visit, "once the challenge is in judging", "σε αξιολόγηση"))
    visit.check("organiser-dashboard")
    phase.get_by_role(
        "button", name=say(visit, "Move to: Judging", "Μετάβαση σε: Αξιολόγηση")
    ).click()
    expect(phase.locator(".badge")).to_contain_text(say(visit, "Judging", "Αξιολόγηση"))
    awards.get_by_label(say(visit, "1. place", "1η θέση")).select_option(label=world.winner_team)
    awards.get_by_label(say(visit, "2. place", "2η θέση")).select_option(label="Bus Busters")
    awards.get_by_role(
        "button", name=say(visit, "Record the awards", "Καταχώριση βραβείων")
    ).click()
    expect(awards.get_by_role("listitem").first).to_contain_text(world.winner_team)
    expect(phase.locator(".badge")).to_contain_text(say(visit, "Awarded", "Βραβεύτηκε"))
    follow_up = page.get_by_role(
        "region", name=say(visit, "Winners' follow-up", "Συνέχεια για τους νικητές")
    )
    # the packs come from matching (programmes, partners, calls): slower than the rest
    expect(follow_up.get_by_role("heading", level=3).first).to_contain_text(
        world.winner_team, timeout=60_000
    )
    follow_up.get_by_label(say(visit, "New status", "Νέα κατάσταση")).first.select_option(
        "referred"
    )
    follow_up.get_by_role(
        "button", name=say(visit, "Save the status", "Αποθήκευση κατάστασης")
    ).first.click()
    expect(follow_up.get_by_role("status")).to_contain_text(
        say(visit, "The onboarding status is saved.", "Η κατάσταση ένταξης αποθηκεύτηκε.")
    )
    expect(follow_up).to_contain_text(
        say(visit, "Status now: Referred", "Τρέχουσα κατάσταση: Παραπέμφθηκε"), timeout=60_000
    )
    visit.check("organiser-awarded")

    page.get_by_role("link", name=say(visit, "Public page", "Δημόσια σελίδα")).click()
    results = page.get_by_role("region", name=say(visit, "Results", "Αποτελέσματα"))
    expect(results.get_by_role("listitem").first).to_contain_text(world.winner_team)
    csv = results.get_by_role(
        "link", name=say(visit, "Download the results (CSV)", "Λήψη των αποτελεσμάτων (CSV)")
    )
    assert csv.get_attribute("href") == f"/challenges/{world.awarded}/results.csv"
    answer = page.request.get(visit.base_url + f"/challenges/{world.awarded}/results.csv")
    assert answer.ok and "Metro Minds" in answer.text()
    visit.check("challenge-results")


def _refused(page: Page, visit: Visit, signed_in: bool) -> None:
    if signed_in:
        expect(page.get_by_role("status")).to_contain_text(
            say(
                visit,
                "Your account does not have that role",
                "Ο λογαριασμός σας δεν έχει αυτόν τον ρόλο",
            )
        )
    else:
        link = page.get_by_role("main").get_by_role("link", name=say(visit, "Sign in", "Σύνδεση"))
        assert (link.get_attribute("href") or "").startswith("/sign-in?next=")
    expect(page.get_by_role("alert")).to_have_count(0)


def test_the_judge_console_and_dashboard_say_who_may_use_them(
    visit: Visit, past_deadline: dict[str, PastDeadline]
) -> None:
    world = past_deadline[visit.lang]
    for tail, name in (("/judge", "judge-console"), ("/organise", "organiser-dashboard")):
        page = visit.goto(path(world.judged, tail))
        _refused(page, visit, signed_in=False)
        visit.check(f"{name}-anonymous")
    sign_in(visit, world.late_lead.email)
    for tail, name in (("/judge", "judge-console"), ("/organise", "organiser-dashboard")):
        page = visit.goto(path(world.judged, tail))
        _refused(page, visit, signed_in=True)
        visit.check(f"{name}-refused")


MAKE_PUBLIC = """mutation($id: ID!) {
  updatePerson(id: $id, input: {isPublic: true, skills: ["GIS"]}) { errors { code message } } }"""


def public_member(hub: HubServe, email: str, name: str) -> Member:
    """A member whose profile is public, so that others can find them by name."""
    found = member(hub, email, name)
    assert found.gql(MAKE_PUBLIC, id=found.person_id)["updatePerson"]["errors"] == []
    return found


def test_a_team_member_invites_a_person_who_then_joins_the_team(
    visit: Visit, hub_site: HubServe
) -> None:
    challenge = running_challenge(hub_site, f"Invitations {visit.lang}", deadline_in=LONG_DEADLINE)
    lead = member(hub_site, f"inviting-lead-{visit.lang}@example.org", f"Ina Lead {visit.lang}")
    team_of(lead, challenge.id, "Tram Trackers")
    guest = public_member(hub_site, f"guest-{visit.lang}@example.org", f"Gus Guest {visit.lang}")
    sign_in(visit, lead.email)
    page = visit.goto(path(challenge.id))
    take_part = page.get_by_role("region", name=say(visit, "Take part", "Συμμετοχή"))
    send = take_part.get_by_role(
        "button", name=say(visit, "Send the invitation", "Αποστολή πρόσκλησης")
    )
    send.click()
    expect(take_part.get_by_role("alert")).to_contain_text(
        say(visit, "Choose the person to invite.", "Επιλέξτε το πρόσωπο που θα προσκαλέσετε.")
    )
    take_part.get_by_label(say(visit, "Find a person", "Αναζήτηση προσώπου")).fill("Gus Guest")
    take_part.get_by_label(say(visit, "Person", "Πρόσωπο"), exact=True).select_option(
        label=f"Gus Guest {visit.lang}"
    )
    send.click()
    invited = say(visit, "is invited", "προσκλήθηκε")
    expect(take_part.get_by_role("status").filter(has_text=invited)).to_be_visible()

    sign_in(visit, guest.email)
    page = visit.goto(path(challenge.id))
    take_part = page.get_by_role("region", name=say(visit, "Take part", "Συμμετοχή"))
    open_teams = take_part.get_by_role("list").filter(has_text="Tram Trackers").last
    expect(open_teams).to_contain_text(say(visit, "1 of 4 places taken", "1 από 4 θέσεις"))
    visit.check("challenge-find-team")
    take_part.get_by_role("button", name=re.compile("Tram Trackers")).last.click()
    heading = take_part.get_by_role("heading", name=re.compile("Tram Trackers"), level=3)
    expect(heading).to_contain_text(say(visit, "Your team", "Η ομάδα σας"))
    expect(take_part).to_contain_text(f"Gus Guest {visit.lang}")
    take_part.get_by_role(
        "button", name=say(visit, "Leave the team", "Αποχώρηση από την ομάδα")
    ).click()
    left = say(visit, "You left the team.", "Αποχωρήσατε από την ομάδα.")
    expect(take_part.get_by_role("status").filter(has_text=left)).to_be_visible()
    expect(
        take_part.get_by_role("heading", name=re.compile("Tram Trackers"), level=3)
    ).to_have_count(0)


def test_an_organiser_adds_a_judge_and_assigns_the_submissions(
    visit: Visit, hub_site: HubServe
) -> None:
    challenge = running_challenge(hub_site, f"Panel {visit.lang}", deadline_in=LONG_DEADLINE)
    lead = member(hub_site, f"panel-lead-{visit.lang}@example.org", f"Pia Lead {visit.lang}")
    submission_of(lead, team_of(lead, challenge.id, "Metro Mappers"), "Metro map")
    public_member(hub_site, f"panel-judge-{visit.lang}@example.org", f"Jo Judge {visit.lang}")
    organiser = member(hub_site, f"panel-organiser-{visit.lang}@example.org", "Panel organiser")
    grant_role(hub_site, organiser.email, "CHALLENGE_ORGANISER", challenge.id)
    sign_in(visit, organiser.email)
    page = visit.goto(path(challenge.id, "/organise"))
    judges = page.get_by_role("region", name=say(visit, "Judges", "Κριτές"), exact=True)
    expect(judges).to_contain_text(
        say(visit, "No judge is on the panel yet.", "Δεν υπάρχει ακόμη κριτής")
    )
    judges.get_by_label(say(visit, "Find a person", "Αναζήτηση προσώπου")).fill("Jo Judge")
    judges.get_by_label(say(visit, "Person", "Πρόσωπο"), exact=True).select_option(
        label=f"Jo Judge {visit.lang}"
    )
    judges.get_by_role(
        "button", name=say(visit, "Add to the panel", "Προσθήκη στην επιτροπή")
    ).click()
    panel = judges.get_by_role("table")
    expect(panel.locator("tbody tr")).to_contain_text([f"Jo Judge {visit.lang}"])
    judges.get_by_label(say(visit, "Judges per submission", "Κριτές ανά υποβολή")).fill("1")
    judges.get_by_role("button", name=say(visit, "Assign", "Ανάθεση"), exact=True).last.click()
    done = say(visit, "1 new assignments made.", "Έγιναν 1 νέες αναθέσεις.")
    expect(judges.get_by_role("status").filter(has_text=done)).to_be_visible()
    expect(panel.locator("tbody tr").first.locator("td").nth(1)).to_have_text("1")
    visit.check("organiser-judges")
