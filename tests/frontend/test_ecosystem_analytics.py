"""The analytics page: every chart with its summary and a table whose numbers are the API's."""

from __future__ import annotations

from tests.frontend.browser import Visit
from tests.hub.processes import HubServe

STATISTICS = """{ ecosystemStatistics {
  organisationsByKind { kind count }
  collaborationByYear { year projects organisations coParticipations }
  fundingDeadlinesByMonth { month calls }
  challengeParticipationByYear { year challenges teams participants submissions }
} }"""

KIND = {
    "el": ("Οργανισμοί ανά είδος", "Πανεπιστήμιο"),
    "en": ("Organisations by kind", "University"),
}
MONTHS = {
    "el": ["Ιαν", "Φεβ", "Μαρ", "Απρ", "Μαΐ", "Ιουν", "Ιουλ", "Αυγ", "Σεπ", "Οκτ", "Νοε", "Δεκ"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"],
}
SHOW = {"el": "Εμφάνιση των αριθμών", "en": "Show the numbers"}
COLLABORATION = {
    "el": "Το δίκτυο συνεργασίας στον χρόνο",
    "en": "The collaboration network over time",
}
CHALLENGES = {
    "el": "Συμμετοχή στους διαγωνισμούς ανά έτος",
    "en": "Challenge participation by year",
}


def test_the_charts_show_the_numbers_the_api_gives(visit: Visit, hub_site: HubServe) -> None:
    stats = hub_site.gql(STATISTICS)["ecosystemStatistics"]
    page = visit.goto("/analytics")
    visit.settle()
    assert page.get_by_role("heading", level=2).count() == 5
    assert page.get_by_role("img").count() >= 5  # every chart is a labelled drawing

    kind_title, university = KIND[visit.lang]
    kinds = page.get_by_role("region", name=kind_title)
    kinds.get_by_text(SHOW[visit.lang]).click()
    universities = next(
        item["count"] for item in stats["organisationsByKind"] if item["kind"] == "UNIVERSITY"
    )
    row = kinds.get_by_role("table").get_by_role("row").filter(has_text=university)
    assert row.get_by_role("cell").inner_text() == str(universities)

    first_year = stats["collaborationByYear"][0]
    collaboration = page.get_by_role("region", name=COLLABORATION[visit.lang])
    collaboration.get_by_text(SHOW[visit.lang]).click()
    cells = (
        collaboration.get_by_role("row")
        .filter(has_text=str(first_year["year"]))
        .get_by_role("cell")
    )
    assert cells.all_inner_texts() == [
        str(first_year["projects"]),
        str(first_year["organisations"]),
        str(first_year["coParticipations"]),
    ]

    challenges = page.get_by_role("region", name=CHALLENGES[visit.lang])
    teams = sum(item["teams"] for item in stats["challengeParticipationByYear"])
    assert str(teams) in challenges.locator(".chart-summary").inner_text()
    visit.check("analytics")


def test_months_are_named_in_the_chosen_language(visit: Visit, hub_site: HubServe) -> None:
    stats = hub_site.gql(STATISTICS)["ecosystemStatistics"]
    page = visit.goto("/analytics")
    visit.settle()
    deadlines = page.locator(".chart").nth(3)
    deadlines.get_by_text(SHOW[visit.lang]).click()
    first = deadlines.get_by_role("row").nth(1)
    year, month = stats["fundingDeadlinesByMonth"][0]["month"].split("-")
    expected = f"{MONTHS[visit.lang][int(month) - 1]} {year}"
    assert first.get_by_role("rowheader").inner_text() == expected
    assert first.get_by_role("cell").inner_text() == str(
        stats["fundingDeadlinesByMonth"][0]["calls"]
    )
