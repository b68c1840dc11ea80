"""`hub eval`'s path through the API: rankings asked of GraphQL, keyed by PIC and identifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.falkordb_engine import FalkorDBEngine
from hub.demo.seed import load_demo_data
from hub.evaluation import (
    EvaluationError,
    GraphQLApi,
    evaluate,
    hub_call_rankings,
    hub_partner_rankings,
)
from hub.suggestions.service import Matcher
from matching.protocol import CallQuery, DevSplit, PartnerQuery


def _split() -> DevSplit:
    demo = load_demo_data()
    pics = [str(o["pic"]) for o in demo["organisations"] if o.get("pic")]
    identifiers = [str(c["identifier"]) for c in demo["funding_calls"]]
    return DevSplit(
        organisations={},
        profile_projects=[],
        profiles={},
        calls={},
        partner_queries=[
            PartnerQuery(1, identifiers[0], "", frozenset(pics[:3])),
            PartnerQuery(2, "HORIZON-NOT-IN-THE-GRAPH", "", frozenset(pics[:1])),
        ],
        call_queries=[CallQuery(pics[0], "", frozenset(identifiers[:1]))],
    )


async def test_each_query_is_answered_through_graphql(
    demo_graph: FalkorDBEngine, matcher: Matcher
) -> None:
    api = GraphQLApi(demo_graph, matcher)
    split = _split()
    done: list[int] = []
    partners = await hub_partner_rankings(api, split, done.append)
    calls = await hub_call_rankings(api, split, done.append)
    assert len(done) == 3
    assert 0 < len(partners[0]) <= 20 and all(isinstance(pic, str) for pic in partners[0])
    assert any(pic.isdigit() for pic in partners[0])
    assert partners[1] == []  # a topic the graph lacks ranks nothing, and counts as a miss
    assert 0 < len(calls[0]) <= 20 and all(isinstance(i, str) and i for i in calls[0])


async def test_a_folder_without_the_data_is_a_clear_error(
    demo_graph: FalkorDBEngine, matcher: Matcher, tmp_path: Path
) -> None:
    class Silent:
        def stage(self, description: str, total: int | None) -> None: ...

        def advance(self, steps: int) -> None: ...

    with pytest.raises(EvaluationError, match="missing"):
        await evaluate(
            demo_graph, matcher.embedder, model="m", data_dir=tmp_path, progress=Silent()
        )
