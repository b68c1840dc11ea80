"""Limits on one operation: depth (introspection included), cost, tokens, introspection."""

from __future__ import annotations

from graphql import get_introspection_query

from graph.falkordb_engine import FalkorDBEngine
from hub.api import limits as limits_module
from hub.api.context import Context, Loaders
from hub.api.limits import QueryLimits
from hub.api.schema import build_schema
from hub.auth.viewer import ANONYMOUS
from tests.conftest import GqlRunner


def nested(levels: int) -> str:
    """`__type { fields { type { fields ... } } }` reaching `levels` fields deep."""
    steps = ["fields" if i % 2 == 0 else "type" for i in range(levels - 2)]
    body = "name"
    for step in reversed(steps):
        body = f"{step} {{ {body} }}"
    return f'{{ __type(name: "Query") {{ {body} }} }}'


async def run(
    graph: FalkorDBEngine, limits: QueryLimits, query: str, **variables: object
) -> list[str]:
    schema = build_schema(limits)
    context = Context(graph=graph, loaders=Loaders(graph), viewer=ANONYMOUS)
    result = await schema.execute(query, variable_values=variables, context_value=context)
    return [error.message for error in result.errors or []]


async def test_depth_counts_introspection_but_graphiqls_query_passes(graph: FalkorDBEngine) -> None:
    assert await run(graph, QueryLimits(max_depth=10), get_introspection_query()) == []
    # (graphql-core refuses more than three nested `fields` in introspection by itself)
    assert await run(graph, QueryLimits(max_depth=5), nested(5)) == []
    (message,) = await run(graph, QueryLimits(max_depth=5), nested(6))
    assert message == "the operation is nested 6 levels deep; at most 5 are allowed"
    deep_data = "{ organisations { edges { node { networks { network { name } } } } } }"
    assert await run(graph, QueryLimits(max_depth=6), deep_data) == []
    assert await run(graph, QueryLimits(max_depth=5), deep_data) != []


async def test_fragments_count_where_they_are_spread(graph: FalkorDBEngine) -> None:
    query = """
    query Deep { organisations { edges { ...E } } }
    fragment E on OrganisationEdge { node { networks { network { name } } } }
    """
    (message,) = await run(graph, QueryLimits(max_depth=5), query)
    assert message.startswith("Deep is nested 6 levels deep")


async def test_cost_multiplies_by_page_size_from_literals_and_variables(
    graph: FalkorDBEngine,
) -> None:
    page = "organisations(first: $n) { edges { node { name city country } } }"
    query = f"query($n: Int!) {{ a: {page} b: {page} }}"
    limits = QueryLimits(max_cost=1_002)
    assert await run(graph, limits, query, n=100) == []  # 2 x (1 + 100 x (edges 1 + node 4))
    too_many = "query($n: Int!) { " + " ".join(f"a{i}: {page}" for i in range(3)) + " }"
    (message,) = await run(graph, limits, too_many, n=100)
    assert message.startswith("the operation may return 1503 fields; at most 1002 are allowed")
    assert await run(graph, limits, too_many, n=10) == []
    default_page = (
        "{ "
        + " ".join(f"a{i}: organisations {{ edges {{ node {{ name }} }} }}" for i in range(20))
        + " }"
    )
    (message,) = await run(graph, QueryLimits(max_cost=1_000), default_page)
    assert "may return 1220 fields" in message  # 20 x (1 + 20 default x 3)


async def test_tokens_and_introspection_switch(graph: FalkorDBEngine) -> None:
    many = "{ " + " ".join(f"a{i}: __typename" for i in range(400)) + " }"
    (message,) = await run(graph, QueryLimits(max_tokens=500), many)
    assert "tokens" in message
    closed = QueryLimits(introspection=False)
    messages = await run(graph, closed, "{ __schema { types { name } } }")
    assert messages and all("introspection" in message.lower() for message in messages)
    assert await run(graph, closed, "{ organisations { totalCount } }") == []


async def test_pages_hold_at_most_100(gql: GqlRunner) -> None:
    result = await gql("{ organisations(first: 101) { totalCount } }")
    assert result.errors is not None
    assert result.errors[0].message == "first: must be between 0 and 100"


async def test_a_repeated_query_is_validated_once(graph: FalkorDBEngine) -> None:
    schema = build_schema(QueryLimits())
    context = Context(graph=graph, loaders=Loaders(graph), viewer=ANONYMOUS)
    query = "query($n: Int!) { organisations(first: $n) { edges { node { name } } } }"
    first = await schema.execute(query, variable_values={"n": 5}, context_value=context)
    before = limits_module._validated.cache_info()
    again = await schema.execute(query, variable_values={"n": 7}, context_value=context)
    after = limits_module._validated.cache_info()
    assert first.errors is None and again.errors is None
    assert after.hits == before.hits + 1 and after.misses == before.misses
