"""Import throughput, and a serving hub's event loop while the import runs.

    .venv/bin/python bench/import_throughput.py [--no-server] [--baseline-seconds 60]

In a fresh temporary data folder, the real CLI as a user runs it:

1. `hub import cordis ../shared/data/cordis-he`
2. `hub import calls ../shared/data/ft-portal/topics-2023-2024/*.csv.gz` (the 2023-24 calls)
3. `hub import calls ../shared/data/ft-portal/calls-2026.json.gz`

each timed as a whole (process start and model load included) and per stage (read from its
progress bars: rows/s for reading and writing, texts/s for embedding). Target (issue 3):
the whole cordis-he folder plus the 2023-24 calls imported and embedded in under 5 minutes
(steps 1 and 2); the target is printed as the baseline, with the ratio.

Unless --no-server: the hub serves the same data folder meanwhile (`hub serve`'s app under
uvicorn, plus an event-loop watch: bench/_watched_serve.py) and answers a steady stream of
requests: GET /health and a small GraphQL query 10 times a second each, and a
suggestPartners(text:) every second. Reported per phase (idle before the import, each import,
and a baseline with no import running after them): request latency p50/p99/max, the loop's
lag (how late a 5 ms timer wakes) and, when the loop was held for more than 30 ms, where its
thread was (sampled stacks). Target: no request blocks the event loop for more than 50 ms
while an import runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from _hub import (
    CORDIS,
    GQL_HEADERS,
    PYTHON,
    REPO,
    CliRun,
    Served,
    calls_2026,
    copy_data,
    data_dir,
    hub_env,
    load_note,
    portal_topic_files,
    quantile,
    run_hub,
    say,
)

TARGET_SECONDS = 300.0
TARGET_LAG = 0.050
IDLE_SECONDS = 10.0
SETTLE_SECONDS = 10.0
SMALL_QUERY = "{ organisations(first: 5) { edges { node { id name } } } }"
SUGGEST = """query($text: String!) {
  suggestPartners(text: $text, first: 10) { items { organisation { id name } score } }
}"""
TEXTS = (
    "machine learning for smart city mobility and traffic management",
    "renewable hydrogen production and storage for industrial decarbonisation",
    "digital health platform for remote monitoring of patients",
    "circular economy: recycling plastics from food packaging",
    "Ψηφιακή καινοτομία για έξυπνες πόλεις και βιώσιμη κινητικότητα",
    "satellite earth observation data for precision agriculture",
    "quantum computing algorithms and software engineering",
    "digitisation of cultural heritage for sustainable tourism",
)


@dataclass
class Sample:
    at: float  # wall clock when the request was sent
    seconds: float
    ok: bool


@dataclass
class Stream:
    """Requests of one kind sent every `period` seconds (the next one waits for the answer)."""

    name: str
    period: float
    send: Callable[[httpx.Client, int], httpx.Response]
    samples: list[Sample] = field(default_factory=list)

    def run(self, url: str, stop: threading.Event) -> None:
        with httpx.Client(base_url=url, headers=GQL_HEADERS, timeout=120) as client:
            number = 0
            due = time.monotonic()
            while not stop.is_set():
                at, started = time.time(), time.perf_counter()
                try:
                    response = self.send(client, number)
                    ok = response.status_code == 200 and "errors" not in response.json()
                except httpx.HTTPError:
                    ok = False
                self.samples.append(Sample(at, time.perf_counter() - started, ok))
                number += 1
                due = max(due + self.period, time.monotonic())
                stop.wait(due - time.monotonic())


def streams() -> list[Stream]:
    return [
        Stream("GET /health", 0.1, lambda client, _: client.get("/health")),
        Stream(
            "small GraphQL query",
            0.1,
            lambda client, _: client.post("/graphql", json={"query": SMALL_QUERY}),
        ),
        Stream(
            "suggestPartners(text:)",
            1.0,
            lambda client, n: client.post(
                "/graphql",
                json={"query": SUGGEST, "variables": {"text": TEXTS[n % len(TEXTS)]}},
            ),
        ),
    ]


@contextlib.contextmanager
def streaming(url: str, running: list[Stream]) -> Iterator[None]:
    stop = threading.Event()
    threads = [
        threading.Thread(target=stream.run, args=(url, stop), daemon=True) for stream in running
    ]
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        for thread in threads:
            thread.join(130)


@dataclass(frozen=True)
class Phase:
    name: str
    start: float
    end: float
    importing: bool


def print_import(run: CliRun) -> None:
    if run.cut is None:
        print(f"hub {' '.join(run.args[:2])}: {run.seconds:.1f} s wall; {run.summary}")
    else:
        print(
            f"hub {' '.join(run.args[:2])}: killed after {run.seconds:.1f} s wall at "
            f"`{run.cut.description}` {run.cut.done}/{run.cut.total} (--embed-budget); "
            f"estimated {'at least ' if run.lower_bound else ''}{run.estimated_seconds:.0f} s "
            "for the whole command at that rate"
        )
    for stage in run.stages:
        rate = stage.done / stage.seconds if stage.seconds > 0 else float("nan")
        unit = "texts/s" if stage.description.startswith("embedding") else "rows/s"
        print(
            f"  {stage.description}: {stage.done} in {stage.seconds:.1f} s"
            + (f" ({rate:,.0f} {unit})" if stage.done and stage.seconds > 0.05 else "")
        )


def print_phases(phases: list[Phase], running: list[Stream], watch: dict[str, Any]) -> float:
    """Latency and loop lag per phase; returns the worst loop lag during imports."""
    lags: list[tuple[float, float]] = [(at, lag) for at, lag in watch.get("lags", [])]
    samples: list[tuple[float, float, str]] = [tuple(s) for s in watch.get("samples", [])]
    collections: list[tuple[float, int, float, int]] = [
        tuple(c) for c in watch.get("collections", [])
    ]
    worst = 0.0
    for phase in phases:
        print(f"### {phase.name} ({phase.end - phase.start:.0f} s)")
        for stream in running:
            inside = [s for s in stream.samples if phase.start <= s.at < phase.end]
            if not inside:
                continue
            seconds = [s.seconds for s in inside]
            failed = sum(not s.ok for s in inside)
            print(
                f"  {stream.name}: {len(inside)} requests, p50 {quantile(seconds, 0.5) * 1000:.1f}"
                f" ms, p99 {quantile(seconds, 0.99) * 1000:.1f} ms, max {max(seconds) * 1000:.1f}"
                f" ms" + (f", {failed} failed" if failed else "")
            )
        window = [lag for at, lag in lags if phase.start <= at < phase.end]
        if window:
            over = sum(lag > TARGET_LAG for lag in window)
            print(
                f"  event-loop lag: p99 {quantile(window, 0.99) * 1000:.1f} ms, max "
                f"{max(window) * 1000:.1f} ms, {over} of {len(window)} ticks over "
                f"{TARGET_LAG * 1000:.0f} ms"
            )
            if phase.importing:
                worst = max(worst, max(window))
        long_collections = [c for c in collections if phase.start <= c[0] < phase.end]
        if long_collections:
            full = sum(generation == 2 for _, generation, _, _ in long_collections)
            print(
                f"  garbage collections of 10 ms or more: {len(long_collections)} ({full} full),"
                f" longest {max(took for _, _, took, _ in long_collections) * 1000:.0f} ms,"
                f" {sum(found for *_, found in long_collections)} objects collected"
            )
        held: Counter[str] = Counter()
        longest: dict[str, float] = defaultdict(float)
        for at, behind, key in samples:
            if phase.start <= at < phase.end:
                held[key] += 1
                longest[key] = max(longest[key], behind)
        for key, count in held.most_common(6):
            print(
                f"  loop held >30 ms: {count} samples (10 ms apart), longest "
                f"{longest[key] * 1000:.0f} ms: {key}"
            )
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-server", action="store_true", help="time the imports alone")
    parser.add_argument("--baseline-seconds", type=float, default=60.0)
    parser.add_argument(
        "--embed-budget",
        type=float,
        help="cut each embedding stage after this many seconds and extrapolate its time from "
        "the rate reached (when a full run would not fit in the time at hand)",
    )
    parser.add_argument(
        "--keep-data",
        type=Path,
        help="copy the imported data folder there at the end (for matching_latency --imported)",
    )
    parser.add_argument(
        "--max-project-id",
        type=int,
        help="import only CORDIS projects up to this id (a quick trial, not the benchmark)",
    )
    args = parser.parse_args()
    limit = [] if args.max_project_id is None else ["--max-project-id", str(args.max_project_id)]
    started = time.monotonic()
    now = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"# import throughput, {now}, {load_note()}")
    topic_files = [str(path) for path in portal_topic_files()]
    commands = [
        ("import cordis", ["import", "cordis", str(CORDIS), *limit], True),
        ("import calls 2023-24", ["import", "calls", *topic_files], True),
        ("import calls 2026", ["import", "calls", str(calls_2026())], False),
    ]
    runs: list[CliRun] = []
    phases: list[Phase] = []
    running = streams()
    watch: dict[str, Any] = {}
    with data_dir("hubbench-imp") as folder, tempfile.TemporaryDirectory() as scratch:
        env = hub_env(folder)
        report = Path(scratch) / "watch.json"
        server = None
        if not args.no_server:
            command = [PYTHON, str(REPO / "bench" / "_watched_serve.py"), "--report", str(report)]
            server = Served(env, command)
        with server or contextlib.nullcontext():
            url = server.url if server is not None else ""
            with streaming(url, running) if server is not None else contextlib.nullcontext():
                if server is not None:
                    say(f"idle for {IDLE_SECONDS:.0f} s before importing")
                    begin = time.time()
                    time.sleep(IDLE_SECONDS)
                    phases.append(Phase("idle, empty graph", begin, time.time(), False))
                for name, hub_args, _ in commands:
                    begin = time.time()
                    runs.append(run_hub(hub_args, env, embed_budget=args.embed_budget))
                    phases.append(Phase(f"while `hub {name}` runs", begin, time.time(), True))
                if server is not None:
                    say(f"settling {SETTLE_SECONDS:.0f} s, then {args.baseline_seconds:.0f} s "
                        "of baseline with no import")  # fmt: skip
                    time.sleep(SETTLE_SECONDS)
                    begin = time.time()
                    time.sleep(args.baseline_seconds)
                    phases.append(Phase("baseline: no import", begin, time.time(), False))
        if server is not None and report.exists():
            watch = json.loads(report.read_text())
        if args.keep_data is not None:
            copy_data(folder, args.keep_data)
            say(f"imported data folder kept in {args.keep_data}")

    print("## imports" + (" (a hub serving the stream meanwhile)" if server else " (alone)"))
    for run in runs:
        print_import(run)
    counted = [run for run, (_, _, count) in zip(runs, commands, strict=True) if count]
    total = sum(run.estimated_seconds for run in counted)
    estimated = any(run.cut is not None for run in counted)
    bound = "at least " if any(run.lower_bound for run in counted) else ""
    verdict = "met" if total <= TARGET_SECONDS else "MISSED"
    print(
        f"cordis-he + 2023-24 calls imported and embedded: {bound}{total:.1f} s"
        + (" (estimated: embedding cut short and extrapolated)" if estimated else "")
        + f"; target {TARGET_SECONDS:.0f} s (baseline): ratio {total / TARGET_SECONDS:.2f}x, "
        f"{verdict}"
    )
    lag_line = "event loop: not measured (--no-server)"
    if server is not None:
        print("## the serving hub, per phase")
        worst = print_phases(phases, running, watch)
        if "collected" in watch:
            print(
                f"garbage: {watch['collected']} objects found unreachable by the serving hub's"
                f" collections in all; {watch['frozen']} frozen at the end"
            )
        baseline = [
            lag
            for at, lag in watch.get("lags", [])
            if phases and phases[-1].start <= at < phases[-1].end
        ]
        base_max = max(baseline) if baseline else float("nan")
        lag_verdict = "met" if worst <= TARGET_LAG else "MISSED"
        if not watch.get("lags"):
            worst, lag_verdict = math.nan, "NOT OBSERVED (no report from the server's watch)"
        lag_line = (
            f"event-loop lag max while importing {worst * 1000:.0f} ms vs "
            f"{base_max * 1000:.0f} ms with no import (ratio {worst / base_max:.1f}x); "
            f"target <= {TARGET_LAG * 1000:.0f} ms: {lag_verdict}"
        )
        print(lag_line)
    print(
        f"summary: import + embed {bound}{total:.0f} s{' (estimated)' if estimated else ''} vs "
        f"{TARGET_SECONDS:.0f} s target "
        f"({verdict}); {lag_line}; {time.monotonic() - started:.0f} s in all"
    )


if __name__ == "__main__":
    main()
