"""The frame every page shares: language switch, navigation, skip link, unknown paths."""

from __future__ import annotations

import httpx

from tests.frontend.browser import Visit
from tests.hub.processes import HubServe


def test_the_language_switch_is_remembered_across_pages_and_visits(visit: Visit) -> None:
    page = visit.goto("/")
    other = "en" if visit.lang == "el" else "el"
    assert page.locator("html").get_attribute("lang") == visit.lang
    page.get_by_role("group").locator(f"button[lang={other}]").click()
    assert page.locator("html").get_attribute("lang") == other
    page.get_by_role("navigation").get_by_role("link").nth(1).click()
    page.reload()
    assert page.locator("html").get_attribute("lang") == other
    assert page.evaluate("window.localStorage.getItem('hub.lang')") == other


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(visit: Visit) -> None:
    page = visit.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("href") == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_an_unknown_address_shows_the_not_found_page(visit: Visit, hub_site: HubServe) -> None:
    assert httpx.get(hub_site.url + "/no-such-page").status_code == 404
    page = visit.goto("/no-such-page")
    heading = page.get_by_role("heading", level=1)
    expected = "Η σελίδα δεν βρέθηκε" if visit.lang == "el" else "Page not found"
    assert heading.inner_text() == expected
    visit.check("not-found")
    # Chromium logs the document's own 404 status; that one is the point of this page.
    visit.problems = [p for p in visit.problems if "404" not in p or "/no-such-page" not in p]
