"""The demo ecosystem loads through the validated services, completely, once."""

from __future__ import annotations

import pytest

from graph import GraphEngine
from hub.demo import seed as demo
from hub.ecosystem.organisations import OrganisationKind
from tests.conftest import GqlRunner

COUNTS = """{
  organisations(first: 1) { totalCount }
  people(first: 1) { totalCount }
  networks(first: 1) { totalCount }
  programmes(first: 1) { totalCount }
  fundingCalls(first: 1, filter: {status: [OPEN, CLOSED, FORTHCOMING]}) { totalCount }
  pilotProjects(first: 1) { totalCount }
  challenges(first: 1) { totalCount }
  pastWinners(first: 3) { rank team { name } challenge { year } }
}"""


async def test_the_demo_ecosystem_is_large_bilingual_and_complete(
    graph: GraphEngine, gql: GqlRunner
) -> None:
    data = demo.load_demo_data()
    assert await demo.seed_state(graph) is demo.SeedState.EMPTY
    report = await demo.seed(graph, data)
    assert report.created["organisations"] >= 150
    assert await demo.seed_state(graph) is demo.SeedState.SEEDED

    result = await gql(COUNTS)
    assert result.errors is None, result.errors
    counts = result.data
    assert counts is not None
    assert counts["organisations"]["totalCount"] >= 150
    assert counts["networks"]["totalCount"] + counts["programmes"]["totalCount"] >= 10
    assert counts["fundingCalls"]["totalCount"] >= 40
    assert counts["pilotProjects"]["totalCount"] >= 10
    assert counts["challenges"]["totalCount"] >= 1
    assert counts["pastWinners"], "past challenges have winners"
    # people are private unless they opt in: the public list holds only some of them
    public_people = counts["people"]["totalCount"]
    assert 0 < public_people < len(data["people"])
    assert len(data["people"]) >= 30

    for kind in OrganisationKind:
        by_kind = await gql(
            "query($k: [OrganisationKind!]) { organisations(filter: {kinds: $k}) "
            "{ totalCount edges { node { isDemo } } } }",
            k=[kind.name],
        )
        assert by_kind.data is not None
        assert by_kind.data["organisations"]["totalCount"] > 0, kind
        assert all(edge["node"]["isDemo"] for edge in by_kind.data["organisations"]["edges"])

    greek = await gql(
        '{ organisations(filter: {text: "θεσσαλονικη"}) { totalCount } '
        'okthess: organisations(filter: {text: "OK!Thess"}) { edges { node { name '
        "runsProgrammes { programme { name } } } } } }"
    )
    assert greek.data is not None
    assert greek.data["organisations"]["totalCount"] > 0
    runs = greek.data["okthess"]["edges"][0]["node"]["runsProgrammes"]
    assert runs, "OK!Thess runs programmes"


async def test_an_interrupted_seed_is_detected_and_removed(graph: GraphEngine) -> None:
    data = demo.load_demo_data()
    partial = {name: records[:3] for name, records in data.items()}
    partial["challenges"] = []
    # the seed dies half way, before writing its completion marker
    with pytest.raises(KeyError):
        await demo.seed(graph, {**partial, "projects": [{"key": "broken"}]})
    assert await demo.seed_state(graph) is demo.SeedState.PARTIAL
    removed = await demo.remove_demo(graph)
    assert removed > 0
    assert await demo.seed_state(graph) is demo.SeedState.EMPTY
