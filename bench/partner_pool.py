"""How many candidates suggestPartners needs: its pool against the consortium's larger one.

    .venv/bin/python bench/partner_pool.py --imported DIR [--requests 100]

DIR is a data folder imported by `bench/import_throughput.py --keep-data DIR` (copied here,
never changed). For organisations drawn at random, partners are suggested in process through
hub.suggestions.service twice: with the hub's pool (the nearest PARTNER_POOL by meaning and by
words, plus as many of the asker's past partners) and, as the baseline in the same run, with
the nearest POOL by meaning and by words (the consortium's pool). Printed: how much of the
baseline's top ten the hub's pool finds (overlap@10, mean and worst), and the latency of both.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from pathlib import Path

from _hub import copy_data, data_dir, hub_env, load_note, ms, quantile

from hub.runtime import open_runtime
from hub.settings import Settings
from hub.suggestions import service
from hub.suggestions.index import MatchIndex
from hub.suggestions.models import EmbedderHolder

FIRST = 10


async def suggested(matcher: service.Matcher, organisation: str) -> tuple[list[str], float]:
    started = time.perf_counter()
    items = await service.suggest_partners(matcher, organisation_id=organisation, first=FIRST)
    return [str(item.node["id"]) for item in items], time.perf_counter() - started


async def compare(folder: Path, requests: int) -> None:
    settings = Settings.from_env(hub_env(folder))
    async with open_runtime(settings, supervise=False) as runtime:
        embedder = EmbedderHolder(settings.embedding_model).get()
        matcher = service.Matcher(
            graph=runtime.graph, index=MatchIndex(embedder.dimensions), embedder=embedder
        )
        organisations = await matcher.index.of(runtime.graph, "Organisation")
        chosen = random.Random(3).sample(sorted(organisations.nodes), requests)
        hub_pool = service.PARTNER_POOL
        for organisation in chosen[:10]:  # warm-up: indexes, participations, caches
            await suggested(matcher, organisation)
        overlaps: list[float] = []
        hub_seconds: list[float] = []
        wide_seconds: list[float] = []
        for number, organisation in enumerate(chosen, 1):
            service.PARTNER_POOL = hub_pool
            ours, seconds = await suggested(matcher, organisation)
            hub_seconds.append(seconds)
            service.PARTNER_POOL = service.POOL
            wide, seconds = await suggested(matcher, organisation)
            wide_seconds.append(seconds)
            overlaps.append(len(set(ours) & set(wide)) / max(len(wide), 1))
            if number % 25 == 0:
                print(f"  {number}/{requests} organisations", flush=True)
        service.PARTNER_POOL = hub_pool
    for name, series in (
        (f"hub pool ({hub_pool} + past partners)", hub_seconds),
        (f"baseline pool ({service.POOL})", wide_seconds),
    ):
        print(f"{name}: p50 {ms(quantile(series, 0.5))}, p95 {ms(quantile(series, 0.95))}")
    mean = sum(overlaps) / len(overlaps)
    print(
        f"summary: the hub's pool finds {mean:.1%} of the baseline's top {FIRST} "
        f"(worst {min(overlaps):.0%}) over {requests} organisations; p95 "
        f"{ms(quantile(hub_seconds, 0.95))} vs {ms(quantile(wide_seconds, 0.95))}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--imported", type=Path, required=True, help="an imported data folder")
    parser.add_argument("--requests", type=int, default=100, help="organisations asked about")
    args = parser.parse_args()
    print(f"# partner pool, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {load_note()}")
    with data_dir("hubbench-pool") as folder:
        copy_data(args.imported, folder)
        asyncio.run(compare(folder, args.requests))


if __name__ == "__main__":
    main()
