"""`hub eval`: the dev protocol of the shared data, run through the hub's own API.

The profile split (CORDIS projects up to 101120000) and the 2023-24 portal topics are imported
into a graph of their own with the hub's importers and embedded as an import embeds; then each
call -> partners query asks GraphQL `suggestConsortium` for the topic's funding call and each
organisation -> call query asks `suggestFundingCalls(includeClosed: true)` for the organisation
(found by `pic`). The answers are scored next to the popularity, BM25 and TF-IDF baselines
computed in the same run, overall and for the Greek slice. Rows of the reserved test split
(projects above 101137438) are dropped as they are read, here and in the protocol.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph import GraphEngine
from hub.api.context import Context, Loaders
from hub.api.limits import QueryLimits
from hub.api.schema import HubSchema, build_schema
from hub.ecosystem.errors import HubError
from hub.sources import calls, cordis
from hub.sources.report import Progress
from hub.suggestions.index import MatchIndex
from hub.suggestions.service import Matcher
from hub.suggestions.store import embed_stale
from matching.baselines import (
    BASELINE_METHODS,
    CALLS_TASK,
    DEPTH,
    PARTNERS_TASK,
    Baselines,
    Row,
    score_calls,
    score_partners,
)
from matching.embeddings import Embedder
from matching.protocol import PROFILE_LAST, DevSplit, ProtocolError, load_dev_split

TOPIC_EXPORTS = "ft-portal/topics-2023-2024"

CALL_ID = "query Call($identifier: String!) { fundingCall(identifier: $identifier) { id } }"
CONSORTIUM = (
    "query Consortium($id: ID!, $first: Int!) { suggestConsortium(fundingCallId: $id, "
    "first: $first) { items { organisation { pic } } } }"
)
ORGANISATION_ID = "query Organisation($pic: String!) { organisation(pic: $pic) { id } }"
CALLS = (
    "query Calls($id: ID!, $first: Int!) { suggestFundingCalls(organisationId: $id, "
    "first: $first, filter: {includeClosed: true}) { items { fundingCall { identifier } } } }"
)


class EvaluationError(HubError):
    """The data is incomplete or the API answered with errors."""

    code = "EVALUATION_FAILED"


def topic_exports(data_dir: Path) -> list[Path]:
    files = sorted((data_dir / TOPIC_EXPORTS).glob("*.csv*"))
    if not files:
        raise EvaluationError(f"no portal topic exports under {data_dir / TOPIC_EXPORTS}")
    return files


async def prepare_graph(
    graph: GraphEngine, embedder: Embedder, *, model: str, data_dir: Path, progress: Progress
) -> None:
    """Import the profile split and the topics, and embed them (quick when already there)."""
    await cordis.import_cordis(
        graph,
        data_dir / "cordis-he",
        project_filter=lambda project_id: project_id <= PROFILE_LAST,
        progress=progress,
    )
    await calls.import_calls(graph, topic_exports(data_dir), progress=progress)
    await embed_stale(graph, embedder, model=model, progress=progress)


class GraphQLApi:
    """GraphQL requests executed by the hub's schema, as the HTTP endpoint executes them."""

    def __init__(self, graph: GraphEngine, matcher: Matcher) -> None:
        self._graph = graph
        self._matcher = matcher
        self._schema: HubSchema = build_schema(QueryLimits())

    async def ask(self, query: str, **variables: Any) -> dict[str, Any]:
        context = Context(graph=self._graph, loaders=Loaders(self._graph), matcher=self._matcher)
        result = await self._schema.execute(query, variable_values=variables, context_value=context)
        if result.errors:
            raise EvaluationError(f"the API answered {result.errors[0].message}")
        return result.data or {}


async def hub_partner_rankings(
    api: GraphQLApi, split: DevSplit, advance: Callable[[int], None]
) -> list[list[str]]:
    call_ids: dict[str, str | None] = {}
    rankings: list[list[str]] = []
    for query in split.partner_queries:
        if query.topic not in call_ids:
            found = (await api.ask(CALL_ID, identifier=query.topic))["fundingCall"]
            call_ids[query.topic] = found["id"] if found else None
        call_id = call_ids[query.topic]
        ranking: list[str] = []
        if call_id is not None:
            data = await api.ask(CONSORTIUM, id=call_id, first=DEPTH)
            items = data["suggestConsortium"]["items"]
            # an organisation without a PIC keeps its place and matches no truth
            ranking = [item["organisation"]["pic"] or "" for item in items]
        rankings.append(ranking)
        advance(1)
    return rankings


async def hub_call_rankings(
    api: GraphQLApi, split: DevSplit, advance: Callable[[int], None]
) -> list[list[str]]:
    rankings: list[list[str]] = []
    for query in split.call_queries:
        found = (await api.ask(ORGANISATION_ID, pic=query.organisation_id))["organisation"]
        ranking: list[str] = []
        if found is not None:
            data = await api.ask(CALLS, id=found["id"], first=DEPTH)
            items = data["suggestFundingCalls"]["items"]
            ranking = [item["fundingCall"]["identifier"] for item in items]
        rankings.append(ranking)
        advance(1)
    return rankings


async def evaluate(
    graph: GraphEngine, embedder: Embedder, *, model: str, data_dir: Path, progress: Progress
) -> list[Row]:
    """The hub and the baselines on both tasks of the dev protocol."""
    progress.stage("reading the dev protocol", None)
    try:
        split = load_dev_split(data_dir)
    except ProtocolError as exc:
        raise EvaluationError(str(exc)) from exc
    await prepare_graph(graph, embedder, model=model, data_dir=data_dir, progress=progress)
    api = GraphQLApi(
        graph, Matcher(graph=graph, index=MatchIndex(embedder.dimensions), embedder=embedder)
    )
    progress.stage(f"{PARTNERS_TASK}: suggestConsortium", len(split.partner_queries))
    partners = await hub_partner_rankings(api, split, progress.advance)
    progress.stage(f"{CALLS_TASK}: suggestFundingCalls", len(split.call_queries))
    found_calls = await hub_call_rankings(api, split, progress.advance)
    progress.stage("baselines", None)
    baselines = Baselines.build(split)
    rows = [Row(PARTNERS_TASK, "hub", *score_partners(split, partners))]
    rows += [
        Row(PARTNERS_TASK, method, *score_partners(split, baselines.partners(method)))
        for method in BASELINE_METHODS
    ]
    rows.append(Row(CALLS_TASK, "hub", *score_calls(split, found_calls)))
    rows += [
        Row(CALLS_TASK, method, *score_calls(split, baselines.calls(method)))
        for method in BASELINE_METHODS
    ]
    return rows
