"""Projects link to the funding calls of their topics whichever importer runs first."""

from __future__ import annotations

from pathlib import Path

from graph import GraphEngine, Statement
from hub.sources import import_calls, import_cordis
from tests.hub.sources.conftest import TOPIC_FILES, dump

EXPORTS = [path for path in TOPIC_FILES if "upcoming_1718653130808" in path.name]
FUNDED = Statement(
    name="test_funded_by_links",
    cypher="MATCH (p:Project)-[:FUNDED_BY]->(c:FundingCall) "
    "RETURN p.identifier AS project, c.identifier AS call ORDER BY project",
)


async def test_funded_by_links_do_not_depend_on_the_import_order(
    graph: GraphEngine, other_graph: GraphEngine, small_cordis: Path
) -> None:
    await import_cordis(graph, small_cordis)
    calls_after = await import_calls(graph, EXPORTS)
    calls_first = await import_calls(other_graph, EXPORTS)
    cordis_after = await import_cordis(other_graph, small_cordis)

    links = await graph.run(FUNDED)
    assert links == [{"project": "101055476", "call": "HORIZON-EIE-2021-INNOVSMES-01-01"}]
    assert calls_after.tallies["FUNDED_BY"].created == len(links)
    assert calls_first.tallies["FUNDED_BY"].created == 0
    assert cordis_after.tallies["FUNDED_BY"].created == len(links)
    assert await other_graph.run(FUNDED) == links
    assert await dump(graph) == await dump(other_graph)
