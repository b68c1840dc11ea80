"""Match latency end to end through GraphQL, next to an exact numpy scan of the same vectors.

    .venv/bin/python bench/matching_latency.py [--requests 200] [--warmup 20] [--skip-100k]

In a fresh temporary data folder: `hub import cordis ../shared/data/cordis-he` and
`hub import calls` (the ft-portal topic CSVs and calls-2026.json.gz), which also embed what
they import; then `hub serve` on 127.0.0.1 and, one request at a time over one keep-alive
connection, POST /graphql for

- suggestPartners(organisationId:) of stored organisations,
- suggestPartners(text:) of free texts (real funding-call titles),
- suggestFundingCalls(organisationId:) of the same organisations,

p50/p95 after a warm-up (and `{ __typename }`, the floor of any GraphQL request), at the
real size (about 23k organisations) and at 100k (the real ones plus synthetic copies: see
bench/_synthetic.py), the server restarted in between.

Baseline, in this process and this run: an exact numpy scan (matrix @ query, argpartition
top-10, sorted) of the same stored vectors read back from the graph, timed with numpy's default
BLAS threads and with one (as hub processes run, hub.blas), the faster kept; for free text also with
the query encoded by the configured model first (what the hub must do as well). The scan that
suggestPartners(organisationId:) is held to is timed just before and just after its requests,
the two series pooled: this machine's speed drifts from minute to minute (the same scan took
1.5 ms at p50 in one run and 3.0 ms in the next), and timed half a minute later, as it was, the
ratio of the same code swung from 1.9x to 4.2x. The recall
at k=10 of the hub's semantic candidates against that scan is checked on the hub's own
index class (hub.suggestions.index.MatchIndex) loaded from the same graph (a hit counts when
its exact score reaches the tenth best: organisations with the same profile tie). Finally the same
suggestions are timed in-process through hub.suggestions.service (no HTTP, no GraphQL), then
profiled with cProfile (their worker-thread work run inline) to show where a request's time goes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import functools
import pstats
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import _synthetic
import numpy as np
from _hub import (
    CORDIS,
    GraphQL,
    Served,
    calls_2026,
    copy_data,
    data_dir,
    hub_env,
    load_note,
    ms,
    portal_topic_files,
    quantile,
    run_hub,
    say,
)
from threadpoolctl import threadpool_limits

from graph import Statement
from hub.ecosystem.ids import to_global_id
from hub.runtime import Runtime, open_runtime
from hub.settings import Settings
from hub.suggestions import service
from hub.suggestions.index import MatchIndex
from hub.suggestions.models import EmbedderHolder

K = 10
TARGET_RATIO = 3.0  # issue 3: suggestPartners p95 through GraphQL at most 3x the exact scan
PROFILED = 40

PARTNERS_BY_ORGANISATION = """query($id: ID!) {
  suggestPartners(organisationId: $id, first: 10) {
    items { organisation { id name } score parts { semantic lexical graph prior } explanation }
  }
}"""
PARTNERS_BY_TEXT = """query($text: String!) {
  suggestPartners(text: $text, first: 10) {
    items { organisation { id name } score parts { semantic lexical graph prior } explanation }
  }
}"""
TYPENAME = "{ __typename }"
CALLS_BY_ORGANISATION = """query($id: ID!) {
  suggestFundingCalls(organisationId: $id, first: 10) {
    items { fundingCall { id identifier } score eligible explanation }
  }
}"""
CALL_TITLES = Statement(
    name="bench_call_titles",
    cypher="MATCH (c:FundingCall) WHERE c.title_en IS NOT NULL RETURN c.title_en AS title",
)


@dataclass
class Series:
    name: str
    seconds: list[float]

    def rename(self, name: str) -> Series:
        return Series(name, self.seconds)

    def line(self, baseline: float | None = None, label: str = "") -> str:
        p50, p95 = quantile(self.seconds, 0.5), quantile(self.seconds, 0.95)
        text = f"{self.name}: p50 {ms(p50)}, p95 {ms(p95)}, max {ms(max(self.seconds))}"
        if baseline:
            text += f"; p95 ratio to {label} {p95 / baseline:.1f}x"
        return text


@contextlib.asynccontextmanager
async def attached(folder: Path) -> AsyncIterator[Runtime]:
    """This process's own connection to the graph the served hub owns."""
    settings = Settings.from_env(hub_env(folder))
    async with open_runtime(settings, supervise=False) as runtime:
        yield runtime


def time_http(
    gql: GraphQL, query: str, variables: Sequence[dict[str, Any]], warmup: int, name: str
) -> tuple[Series, float]:
    """The first request (it may load the server's indexes), a warm-up, then the series."""
    first, data = gql.timed(query, **variables[0])
    items = next(iter(data.values()))["items"]
    if not items:
        raise RuntimeError(f"{name}: the first request found nothing: {data}")
    for item in variables[1 : 1 + warmup]:
        gql.timed(query, **item)
    seconds = []
    for number, item in enumerate(variables, 1):
        seconds.append(gql.timed(query, **item)[0])
        if number % 50 == 0:
            say(f"  {name}: {number}/{len(variables)} requests")
    return Series(name, seconds), first


def scan_seconds(matrix: np.ndarray, queries: np.ndarray) -> tuple[Series, list[np.ndarray]]:
    """The baseline: exact top-k by dot product, one query at a time, ids sorted by score;
    timed with numpy's default BLAS threads and with one (as the hub runs), the faster kept."""
    runs = [_scan(matrix, queries, "numpy exact scan (default BLAS threads)")]
    with threadpool_limits(limits=1, user_api="blas"):
        runs.append(_scan(matrix, queries, "numpy exact scan (1 BLAS thread)"))
    return min(runs, key=lambda run: quantile(run[0].seconds, 0.95))


def _scan(matrix: np.ndarray, queries: np.ndarray, name: str) -> tuple[Series, list[np.ndarray]]:
    seconds, tops = [], []
    for query in queries[:5]:
        np.argpartition(-(matrix @ query), K)  # warm the caches
    for query in queries:
        started = time.perf_counter()
        scores = matrix @ query
        top = np.argpartition(-scores, K)[:K]
        top = top[np.argsort(-scores[top])]
        seconds.append(time.perf_counter() - started)
        tops.append(top)
    return Series(name, seconds), tops


async def hub_recall(
    runtime: Runtime,
    ids: list[str],
    matrix: np.ndarray,
    queries: np.ndarray,
    tops: list[np.ndarray],
) -> str:
    """Recall@10 of the hub's vector search (its own index, loaded from the graph).

    Organisations with the same profile have the same vector, so the tenth place is often
    shared: a hit counts when its exact score reaches the exact scan's tenth best."""
    try:
        index = await MatchIndex(matrix.shape[1]).of(runtime.graph, "Organisation")
        found = [[hit.id for hit in index.vectors.search(query, limit=K)] for query in queries]
    except (AttributeError, TypeError) as exc:  # the index's interface changed
        return f"not observable ({type(exc).__name__}: {exc})"
    row_of = {node_id: row for row, node_id in enumerate(ids)}
    shares = []
    for hits, query, top in zip(found, queries, tops, strict=True):
        tenth = float(matrix[top[-1]] @ query)
        scores = [float(matrix[row_of[hit]] @ query) for hit in hits if hit in row_of]
        shares.append(sum(score >= tenth - 1e-6 for score in scores) / K)
    recall = float(np.mean(shares))
    assert recall >= 0.98, f"recall@{K} of the hub's semantic candidates is {recall:.3f}"
    return f"{recall:.3f} over {len(queries)} queries"


async def in_process(
    runtime: Runtime, embedder: Any, calls: Sequence[Callable[[Any], Awaitable[object]]]
) -> tuple[Series, str]:
    """The same suggestions through hub.suggestions.service, timed as served (their work in a
    worker thread), then profiled with that work run inline, where cProfile sees it."""
    matcher = service.Matcher(
        graph=runtime.graph, index=MatchIndex(embedder.dimensions), embedder=embedder
    )
    await calls[0](matcher)  # loads this process's index
    seconds = []
    for call in calls:
        started = time.perf_counter()
        await call(matcher)
        seconds.append(time.perf_counter() - started)
    profile = cProfile.Profile()
    with _worker_threads_inline():
        for call in calls:
            profile.enable()
            await call(matcher)
            profile.disable()
    return Series("in-process service (no HTTP)", seconds), _hot_spots(profile, len(calls))


@contextlib.contextmanager
def _worker_threads_inline() -> Iterator[None]:
    """`asyncio.to_thread` runs its function on the calling thread meanwhile."""
    original = asyncio.to_thread

    async def inline(function: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    asyncio.to_thread = inline
    try:
        yield
    finally:
        asyncio.to_thread = original


def _hot_spots(profile: cProfile.Profile, requests: int, top: int = 8) -> str:
    stats = pstats.Stats(profile)
    rows = []
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (filename, _line, function), (_, _, own, _, _) in raw.items():
        rows.append((own, f"{Path(filename).parent.name}/{Path(filename).name}:{function}"))
    rows.sort(reverse=True)
    return "; ".join(f"{where} {own / requests * 1000:.1f} ms" for own, where in rows[:top])


async def measure(
    folder: Path,
    server: Served,
    embedder: Any,
    size: str,
    requests: int,
    warmup: int,
    chosen: list[str] | None = None,
    profiled_count: int = PROFILED,
) -> tuple[float, list[str]]:
    """Every figure at one size: the p95 ratio of suggestPartners(organisationId:) to the
    scan, and the organisations asked about (the same ones at every size)."""
    async with attached(folder) as runtime:
        vectors = await _synthetic.stored_vectors(runtime.graph, "Organisation")
        call_vectors = await _synthetic.stored_vectors(runtime.graph, "FundingCall")
        titles = [str(row["title"]) for row in await runtime.graph.run(CALL_TITLES)]
    ids, matrix = _synthetic.as_matrix(vectors)
    call_ids, call_matrix = _synthetic.as_matrix(call_vectors)
    chosen = chosen or _synthetic.sample(ids, requests, seed=1)
    texts = _synthetic.sample(sorted(set(titles)), requests, seed=2)
    say(f"{size}: {len(ids)} organisations and {len(call_ids)} calls with vectors")
    row_of = {node_id: row for row, node_id in enumerate(ids)}
    org_queries = matrix[[row_of[node_id] for node_id in chosen]]

    by_org = [{"id": to_global_id("Organisation", node_id)} for node_id in chosen]
    by_text = [{"text": text} for text in texts]
    with GraphQL(server.url) as gql:
        floor = Series(
            "{ __typename } via GraphQL (the floor of any request)",
            [gql.timed(TYPENAME)[0] for _ in range(warmup + requests)][warmup:],
        )
        say(f"{size}: suggestPartners(organisationId:) x {requests}, scanned before and after")
        scan_before, tops = scan_seconds(matrix, org_queries)
        partners, first = time_http(gql, PARTNERS_BY_ORGANISATION, by_org, warmup, "org")
        scan_after, _ = scan_seconds(matrix, org_queries)
        say(f"{size}: suggestPartners(text:) x {requests}")
        text_series, _ = time_http(gql, PARTNERS_BY_TEXT, by_text, warmup, "text")
        say(f"{size}: suggestFundingCalls(organisationId:) x {requests}")
        calls_series, _ = time_http(gql, CALLS_BY_ORGANISATION, by_org, warmup, "calls")

    scan = Series(
        "numpy exact scan (just before and just after those requests)",
        scan_before.seconds + scan_after.seconds,
    )
    encode_started = time.perf_counter()
    encode_seconds = []
    text_vectors = []
    for text in texts:
        started = time.perf_counter()
        text_vectors.append((await embedder.encode([text]))[0])
        encode_seconds.append(time.perf_counter() - started)
    say(f"{size}: encoded {len(texts)} texts in {time.perf_counter() - encode_started:.1f} s")
    text_scan, _ = scan_seconds(matrix, np.stack(text_vectors))
    encode_and_scan = Series(
        "encode + numpy scan",
        [a + b for a, b in zip(encode_seconds, text_scan.seconds, strict=True)],
    )
    call_scan, _ = scan_seconds(call_matrix, org_queries)

    async with attached(folder) as runtime:
        say(f"{size}: recall of the hub's semantic candidates, then in-process timing")
        recall = await hub_recall(runtime, ids, matrix, org_queries, tops)
        profiled = chosen[:profiled_count]
        with threadpool_limits(limits=1, user_api="blas"):  # as in a hub process (hub.blas)
            service_series, hot = await in_process(
                runtime,
                embedder,
                [
                    functools.partial(service.suggest_partners, organisation_id=node)
                    for node in profiled
                ],
            )

    scan_p95 = quantile(scan.seconds, 0.95)
    ratio = quantile(partners.seconds, 0.95) / scan_p95
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"## {size}: {len(ids)} organisations x {matrix.shape[1]}, {len(call_ids)} calls")
    print(f"server ready in {server.ready_seconds:.1f} s; first suggestPartners {ms(first)}")
    print(
        f"{scan.line()}; before {ms(quantile(scan_before.seconds, 0.95))} "
        f"({scan_before.name}), after {ms(quantile(scan_after.seconds, 0.95))} at p95"
    )
    print(partners.rename("suggestPartners(organisationId:) via GraphQL").line(scan_p95, "scan"))
    print(
        f"  target p95 <= {TARGET_RATIO:.0f}x the exact scan: {verdict} "
        f"({ratio:.1f}x; {ms(quantile(partners.seconds, 0.95))} vs {ms(scan_p95)})"
    )
    print(floor.line(scan_p95, "scan"))
    print(service_series.line(scan_p95, "scan"))
    print(f"  self time per request (cProfile, top): {hot}")
    print(text_scan.line())
    print(encode_and_scan.line())
    text_p95 = quantile(text_series.seconds, 0.95)
    print(
        text_series.rename("suggestPartners(text:) via GraphQL").line(
            quantile(text_scan.seconds, 0.95), "scan"
        )
        + f", to encode + scan {text_p95 / quantile(encode_and_scan.seconds, 0.95):.1f}x"
    )
    print(call_scan.rename(f"numpy exact scan of {len(call_ids)} call vectors").line())
    print(
        calls_series.rename("suggestFundingCalls(organisationId:) via GraphQL").line(
            quantile(call_scan.seconds, 0.95), "call scan"
        )
    )
    print(f"recall@{K} of the hub's semantic candidates vs the exact scan: {recall}")
    sys.stdout.flush()
    return ratio, chosen


async def fill_vectors(folder: Path, holder: EmbedderHolder) -> None:
    async with attached(folder) as runtime:
        for label, fallback in (("FundingCall", None), ("Organisation", "FundingCall")):
            stored, filled, how = await _synthetic.fill_missing_vectors(
                runtime.graph,
                label,
                model_id=holder.model_id,
                embedder=holder.get(),
                fallback=fallback,
            )
            print(
                f"vectors: {stored} {label} nodes embedded by `hub import` before its "
                f"--embed-budget" + (f", {filled} more given {how}" if filled else "")
            )


async def add_synthetic(folder: Path, total: int, model_id: str) -> None:
    async with attached(folder) as runtime:
        present = len(await _synthetic.stored_vectors(runtime.graph, "Organisation"))
        say(f"adding {total - present} synthetic organisations to the {present} real ones")
        added = await _synthetic.add_organisations(
            runtime.graph, total - present, model_id=model_id
        )
    print(
        f"synthetic: {added.organisations} organisations and {added.participations} "
        f"participations written through the importer's writer in {added.seconds:.0f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per series")
    parser.add_argument("--warmup", type=int, default=20, help="warm-up requests per series")
    parser.add_argument("--skip-100k", action="store_true", help="only the real 23k")
    parser.add_argument(
        "--profiled", type=int, default=PROFILED, help="in-process requests timed with cProfile"
    )
    parser.add_argument("--total", type=int, default=100_000, help="organisations at scale")
    parser.add_argument(
        "--embed-budget",
        type=float,
        help="cut the imports' embedding stages after this many seconds and give the nodes "
        "left without a vector perturbed copies of the stored ones (when embedding all of "
        "them would not fit in the time at hand)",
    )
    parser.add_argument(
        "--imported",
        type=Path,
        help="a data folder already imported (import_throughput.py --keep-data): copied, "
        "not imported again",
    )
    parser.add_argument(
        "--max-project-id",
        type=int,
        help="import only CORDIS projects up to this id (a quick trial, not the benchmark)",
    )
    args = parser.parse_args()
    limit = [] if args.max_project_id is None else ["--max-project-id", str(args.max_project_id)]
    started = time.monotonic()
    print(
        f"# matching latency, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {load_note()}"
    )
    ratios: dict[str, float] = {}
    with data_dir("hubbench-lat") as folder:
        env = hub_env(folder)
        if args.imported is not None:
            copy_data(args.imported, folder)
            print(f"imported: copied from {args.imported} (no import run)")
        else:
            budget = args.embed_budget
            cordis_run = run_hub(
                ["import", "cordis", str(CORDIS), *limit], env, embed_budget=budget
            )
            files = [str(path) for path in (*portal_topic_files(), calls_2026())]
            calls_run = run_hub(["import", "calls", *files], env, embed_budget=budget)
            for run in (cordis_run, calls_run):
                print(f"imported in {run.seconds:.0f} s: {run.summary}")
            if cordis_run.cut is not None or calls_run.cut is not None:
                holder = EmbedderHolder(Settings.from_env(env).embedding_model)
                asyncio.run(fill_vectors(folder, holder))
        holder = EmbedderHolder(Settings.from_env(env).embedding_model)
        embedder = holder.get()
        with Served(env) as server:
            ratios["23k"], chosen = asyncio.run(
                measure(
                    folder,
                    server,
                    embedder,
                    "real",
                    args.requests,
                    args.warmup,
                    profiled_count=args.profiled,
                )
            )
            if not args.skip_100k:
                asyncio.run(add_synthetic(folder, args.total, holder.model_id))
        if not args.skip_100k:
            with Served(env) as server:  # restarted: it loads the 100k index afresh
                ratios["100k"], _ = asyncio.run(
                    measure(
                        folder,
                        server,
                        embedder,
                        "synthetic",
                        args.requests,
                        args.warmup,
                        chosen,
                        args.profiled,
                    )
                )
    parts = ", ".join(f"{size} {ratio:.1f}x" for size, ratio in ratios.items())
    met = all(ratio <= TARGET_RATIO for ratio in ratios.values())
    print(
        f"summary: suggestPartners(organisationId:) p95 through GraphQL / exact numpy scan p95: "
        f"{parts} (target <= {TARGET_RATIO:.0f}x: {'met' if met else 'MISSED'}); "
        f"{time.monotonic() - started:.0f} s in all"
    )


if __name__ == "__main__":
    main()
