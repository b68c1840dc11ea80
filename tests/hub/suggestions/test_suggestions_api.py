"""Suggestions through GraphQL on the demo ecosystem, with the real embedding model."""

from __future__ import annotations

from typing import Any

from strawberry.types import ExecutionResult

from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.api.context import Context, Loaders
from hub.api.schema import schema
from hub.demo import seed as demo
from hub.graph_schema import HUB_SCHEMA
from hub.suggestions.index import MatchIndex
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.service import Matcher
from tests.conftest import GqlRunner

ITEM = "score parts { semantic lexical graph prior } explanation"


async def _id_of(suggest: GqlRunner, name: str) -> str:
    result = await suggest(
        "query($t: String!) { organisations(first: 1, filter: {text: $t}) "
        "{ edges { node { id name } } } }",
        t=name,
    )
    assert result.data is not None, result.errors
    return str(result.data["organisations"]["edges"][0]["node"]["id"])


def _data(result: Any) -> dict[str, Any]:
    assert result.errors is None, result.errors
    assert result.data is not None
    return dict(result.data)


async def test_a_greek_text_finds_greek_profiles_with_shared_terms(suggest: GqlRunner) -> None:
    data = _data(
        await suggest(
            "query($t: String!) { suggestPartners(text: $t, first: 5) "
            f"{{ items {{ organisation {{ name description {{ el }} }} {ITEM} }} }} }}",
            t="αστική κινητικότητα και δημόσιες συγκοινωνίες στη Θεσσαλονίκη",
        )
    )
    items = data["suggestPartners"]["items"]
    assert len(items) == 5
    assert items[0]["parts"]["lexical"] > 0
    assert "shared terms" in items[0]["explanation"]
    assert any(
        item["organisation"]["description"] and item["organisation"]["description"]["el"]
        for item in items
    )
    scores = [item["score"] for item in items]
    assert scores == sorted(scores, reverse=True)


async def test_partners_for_an_organisation_leave_it_out_and_use_the_graph(
    suggest: GqlRunner,
) -> None:
    okthess = await _id_of(suggest, "OK!Thess")
    data = _data(
        await suggest(
            "query($id: ID!) { suggestPartners(organisationId: $id, first: 10) "
            f"{{ items {{ organisation {{ id name }} {ITEM} }} }} }}",
            id=okthess,
        )
    )
    items = data["suggestPartners"]["items"]
    assert items and all(item["organisation"]["id"] != okthess for item in items)
    assert all(abs(item["score"] - sum(item["parts"].values())) < 1e-6 for item in items), (
        "the score is the sum of its parts"
    )


async def test_funding_calls_are_open_ones_unless_closed_are_asked_for(suggest: GqlRunner) -> None:
    lab = await _id_of(suggest, "CERTH")
    query = (
        "query($id: ID!, $closed: Boolean!) { suggestFundingCalls(organisationId: $id, first: 50, "
        "filter: {includeClosed: $closed}) { items { fundingCall { identifier status } eligible "
        f"{ITEM} }} }} }}"
    )
    open_only = _data(await suggest(query, id=lab, closed=False))["suggestFundingCalls"]["items"]
    assert open_only and all(item["fundingCall"]["status"] != "CLOSED" for item in open_only)
    with_closed = _data(await suggest(query, id=lab, closed=True))["suggestFundingCalls"]["items"]
    assert any(item["fundingCall"]["status"] == "CLOSED" for item in with_closed)


async def test_a_consortium_mixes_kinds_and_says_what_it_lacks(suggest: GqlRunner) -> None:
    calls = _data(
        await suggest(
            '{ fundingCalls(first: 1, filter: {text: "mobility"}) { edges { node { id } } } }'
        )
    )
    call = calls["fundingCalls"]["edges"][0]["node"]["id"]
    data = _data(
        await suggest(
            "query($id: ID!) { suggestConsortium(fundingCallId: $id, first: 10) { "
            f"items {{ organisation {{ kind country }} {ITEM} }} kinds countries missingKinds "
            "missingCountries } }",
            id=call,
        )
    )
    found = data["suggestConsortium"]
    assert len(found["items"]) == 10
    assert len({item["organisation"]["kind"] for item in found["items"]}) >= 3
    assert found["missingCountries"] >= 0
    assert isinstance(found["missingKinds"], list)


async def test_similar_returns_nodes_of_the_same_type(suggest: GqlRunner) -> None:
    okthess = await _id_of(suggest, "OK!Thess")
    data = _data(
        await suggest(
            "query($id: ID!) { similar(id: $id, first: 3) { items { node { id } "
            f"organisation {{ kind }} fundingCall {{ id }} {ITEM} }} }} }}",
            id=okthess,
        )
    )
    items = data["similar"]["items"]
    assert len(items) == 3
    assert all(item["organisation"] and item["fundingCall"] is None for item in items)
    assert all(item["node"]["id"] != okthess for item in items)


async def test_bad_arguments_are_named(suggest: GqlRunner) -> None:
    result = await suggest("{ suggestPartners(first: 5) { items { score } } }")
    assert result.errors is not None
    assert "organisationId" in result.errors[0].message
    wrong = await suggest('{ suggestConsortium(fundingCallId: "nope") { items { score } } }')
    assert wrong.errors is not None
    assert "fundingCallId" in wrong.errors[0].message


async def test_nodes_not_yet_embedded_are_suggested_by_their_words(
    embedded_server: EmbeddedServer, holder: EmbedderHolder
) -> None:
    """As while an import runs: the nodes are written, their vectors are not yet."""
    engine = FalkorDBEngine.over_unix_socket(str(embedded_server.socket_path), "unembedded")
    try:
        await engine.clear()
        await engine.ensure_schema(HUB_SCHEMA)
        await demo.seed(engine, demo.load_demo_data())
        embedder = holder.get()
        matcher = Matcher(graph=engine, index=MatchIndex(embedder.dimensions), embedder=embedder)

        async def run(query: str, **variables: Any) -> ExecutionResult:
            context = Context(graph=engine, loaders=Loaders(engine), matcher=matcher)
            return await schema.execute(query, variable_values=variables, context_value=context)

        partners = _data(
            await run(
                "query($t: String!) { suggestPartners(text: $t, first: 3) "
                f"{{ items {{ organisation {{ name }} {ITEM} }} }} }}",
                t="open data platform for urban mobility",
            )
        )["suggestPartners"]["items"]
        assert partners and all(item["parts"]["semantic"] == 0.0 for item in partners)
        assert all(item["parts"]["lexical"] > 0 for item in partners)
        assert "shared terms" in partners[0]["explanation"]

        lab = await _id_of(run, "CERTH")
        call = _data(
            await run(
                '{ fundingCalls(first: 1, filter: {text: "mobility"}) { edges { node { id } } } }'
            )
        )["fundingCalls"]["edges"][0]["node"]["id"]
        for query, variables in [
            (f"suggestPartners(organisationId: $id, first: 3) {{ items {{ {ITEM} }} }}", lab),
            (f"suggestFundingCalls(organisationId: $id, first: 3) {{ items {{ {ITEM} }} }}", lab),
            (f"suggestConsortium(fundingCallId: $id, first: 3) {{ items {{ {ITEM} }} }}", call),
            (f"similar(id: $id, first: 3) {{ items {{ {ITEM} }} }}", lab),
        ]:
            data = _data(await run(f"query($id: ID!) {{ {query} }}", id=variables))
            assert next(iter(data.values()))["items"], query
    finally:
        await engine.clear()
        await engine.close()
