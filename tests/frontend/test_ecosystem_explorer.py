"""The ecosystem explorer: a demo organisation's neighbourhood as a graph and lists, Enter on
a node re-centres, and the path between two organisations as ordered steps."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlparse

from playwright.sync_api import Page, expect

from tests.frontend.browser import Visit
from tests.hub.processes import HubServe

WORDS = {
    "el": {
        "neighbourhood": "Η γειτονιά του οργανισμού {name}",
        "graph": "Γράφημα της γειτονιάς",
        "find": "Αναζήτηση οργανισμού",
        "findSecond": "Αναζήτηση δεύτερου οργανισμού",
        "search": "Αναζήτηση",
        "steps": "Η διαδρομή, βήμα προς βήμα",
        "path": "Διαδρομή προς άλλον οργανισμό",
        "count": "{count} βήματα",
    },
    "en": {
        "neighbourhood": "Neighbourhood of {name}",
        "graph": "Graph of the neighbourhood",
        "find": "Find an organisation",
        "findSecond": "Find a second organisation",
        "search": "Search",
        "steps": "The path, step by step",
        "path": "Path to another organisation",
        "count": "{count} steps",
    },
}

FIND = """query($text: String!) { organisations(first: 1, filter: {text: $text}) {
  edges { node { id name networks { network { name } } projects { project { acronym } } } } } }"""
PATH = """query($from: ID!, $to: ID!) { path(fromId: $from, toId: $to, maxDepth: 4) {
  length relations { type } } }"""


def organisation(hub: HubServe, words: str) -> dict:  # type: ignore[type-arg]
    found = hub.gql(FIND, text=words)["organisations"]["edges"]
    assert found, words
    node: dict = found[0]["node"]  # type: ignore[type-arg]
    return node


def chosen(page: Page, name: str) -> str | None:
    return parse_qs(urlparse(page.url).query).get(name, [None])[0]


def test_the_neighbourhood_shows_as_a_graph_and_as_lists(visit: Visit, hub_site: HubServe) -> None:
    words = WORDS[visit.lang]
    auth = organisation(hub_site, "Aristotle University of Thessaloniki")
    page = visit.goto(f"/explorer?from={quote(auth['id'])}")
    visit.settle()
    heading = page.get_by_role(
        "heading", level=2, name=words["neighbourhood"].format(name=auth["name"])
    )
    expect(heading).to_be_visible()
    graph = page.get_by_role("group", name=re.compile(words["graph"]))
    expect(graph).to_be_visible()
    assert graph.get_by_role("button").count() >= 3
    lists = page.locator(".neighbourhood-lists")
    for membership in auth["networks"][:2]:
        expect(lists).to_contain_text(membership["network"]["name"])
    for participation in auth["projects"][:2]:
        if participation["project"]["acronym"]:
            expect(lists).to_contain_text(participation["project"]["acronym"])
    visit.check("explorer")


def test_enter_on_a_node_recentres_the_graph(visit: Visit, hub_site: HubServe) -> None:
    words = WORDS[visit.lang]
    auth = organisation(hub_site, "Aristotle University of Thessaloniki")
    page = visit.goto(f"/explorer?from={quote(auth['id'])}")
    visit.settle()
    graph = page.get_by_role("group", name=re.compile(words["graph"]))
    node = graph.get_by_role("button").first
    node.focus()
    label = node.get_attribute("aria-label") or ""
    name = (
        re.sub(r"^[^:]*: ", "", label)
        if visit.lang == "el"
        else label.removeprefix("Explore from ")
    )
    name = re.sub(r" \([^)]*\)$", "", name)
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=2, name=words["neighbourhood"].format(name=name))
    expect(heading).to_be_visible()
    expect(heading).to_be_focused()
    assert chosen(page, "from") not in (None, auth["id"])
    expect(page.get_by_role("group", name=re.compile(words["graph"]))).to_be_visible()


def test_search_chooses_the_organisation_to_explore(visit: Visit, hub_site: HubServe) -> None:
    words = WORDS[visit.lang]
    page = visit.goto("/explorer")
    visit.check("explorer-start")
    page.get_by_role("searchbox", name=words["find"]).fill("Hellenic Institute of Transport")
    page.get_by_role("search", name=words["find"]).get_by_role(
        "button", name=words["search"]
    ).click()
    visit.settle()
    page.get_by_role("button", name=re.compile("Hellenic Institute of Transport")).click()
    visit.settle()
    hit = organisation(hub_site, "Hellenic Institute of Transport")
    assert chosen(page, "from") == hit["id"]
    expect(
        page.get_by_role("heading", level=2, name=words["neighbourhood"].format(name=hit["name"]))
    ).to_be_visible()


def test_the_path_between_two_organisations_appears_as_steps(
    visit: Visit, hub_site: HubServe
) -> None:
    words = WORDS[visit.lang]
    auth = organisation(hub_site, "Aristotle University of Thessaloniki")
    other = organisation(hub_site, "Eindhoven University of Technology")
    path = hub_site.gql(PATH, **{"from": auth["id"], "to": other["id"]})["path"]
    assert path is not None, "the demo data connects the two universities"
    page = visit.goto(f"/explorer?from={quote(auth['id'])}")
    visit.settle()
    section = page.get_by_role("region", name=words["path"])
    section.get_by_role("searchbox", name=words["findSecond"]).fill("Eindhoven")
    section.get_by_role("button", name=words["search"]).click()
    visit.settle()
    section.get_by_role("button", name=re.compile("Eindhoven University of Technology")).click()
    visit.settle()
    assert chosen(page, "to") == other["id"]
    steps = page.get_by_role("list", name=words["steps"]).get_by_role("listitem")
    expect(steps).to_have_count(path["length"])
    expect(steps.first).to_contain_text(auth["name"])
    expect(steps.last).to_contain_text(other["name"])
    expect(
        page.get_by_role(
            "heading", level=3, name=re.compile(words["count"].format(count=path["length"]))
        )
    ).to_be_visible()
    assert page.locator(".network-graph .link.on-path").count() == path["length"]
    visit.check("explorer-path")
