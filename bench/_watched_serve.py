"""`hub serve` with a watch on its event loop (a benchmark helper, run as a subprocess).

    .venv/bin/python bench/_watched_serve.py --host 127.0.0.1 --port N --report FILE

Serves the same application as `hub serve` (`hub.app.create_app(settings)` under uvicorn with
the same settings, its matrix products on one BLAS thread as every `hub` command), and beside
it:

- a loop-lag probe: a task that sleeps 5 ms in a loop and records how late it wakes;
- a collector watch: every garbage collection of 10 ms or more, with its generation (a
  collection holds the GIL, so the sampler below cannot see it), and in the end how many
  objects all collections found unreachable (cyclic garbage) and how many are frozen;
- a blocked-loop sampler: a thread that, whenever the probe has not run for 30 ms, samples the
  stack of the event-loop thread (a poor man's py-spy: py-spy is not available here). When that
  thread sits in the selector, the sample tells why from the kernel's scheduler statistics of
  the threads (/proc/self/task/TID/schedstat): waiting for a CPU if it spent most of the last
  sampling interval on the run queue (whatever its stack), else waiting for the GIL, with the
  stack of the thread that ran the most meanwhile (its likely holder).

On SIGTERM/SIGINT uvicorn stops as usual, then the lags and the sampled stacks are written to
FILE as JSON, for the benchmark to split by phase.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from types import FrameType
from typing import Any

import uvicorn

from hub.app import create_app
from hub.blas import one_blas_thread
from hub.settings import Settings

TICK = 0.005
BLOCKED_AFTER = 0.030
SAMPLE_EVERY = 0.010
OURS = ("/hub/", "/matching/", "/graph/")
IDLE = "idle in the selector"
LONG_COLLECTION = 0.010


class LoopWatch:
    def __init__(self) -> None:
        self.beat = time.perf_counter()
        self.lags: list[tuple[float, float]] = []  # (wall time, seconds late)
        self.samples: list[tuple[float, float, str]] = []  # (wall time, behind, stack key)
        # (wall time, generation, seconds, objects collected) of the long collections
        self.collections: list[tuple[float, int, float, int]] = []
        self.collected = 0  # objects found unreachable by every collection (cyclic garbage)
        self._collecting = 0.0
        self.loop_thread = threading.get_ident()
        self.loop_task = threading.get_native_id()
        self._stop = threading.Event()

    async def probe(self) -> None:
        while True:
            before = time.perf_counter()
            self.beat = before
            await asyncio.sleep(TICK)
            self.lags.append((time.time(), time.perf_counter() - before - TICK))

    def sample(self) -> None:
        loop_task = self.loop_task
        times = _thread_times()
        while not self._stop.wait(SAMPLE_EVERY):
            before, times = times, _thread_times()
            behind = time.perf_counter() - self.beat
            if behind < BLOCKED_AFTER:
                continue
            frames = sys._current_frames()
            frame = frames.pop(self.loop_thread, None)
            if frame is None:
                continue
            key = stack_key(frame)
            queued = times.get(loop_task, (0.0, 0.0))[1] - before.get(loop_task, (0.0, 0.0))[1]
            if queued > SAMPLE_EVERY / 2:
                key = f"waiting for a CPU (on the run queue) in: {key}"
            elif key == IDLE:
                key = "waiting for the GIL; busiest other thread: " + busiest_thread(
                    before, times, frames, skip={loop_task, threading.get_native_id()}
                )
            self.samples.append((time.time(), behind, key))

    def collection(self, phase: str, info: dict[str, int]) -> None:
        """A `gc.callbacks` hook: long collections with their generation."""
        if phase == "start":
            self._collecting = time.perf_counter()
            return
        took = time.perf_counter() - self._collecting
        self.collected += info["collected"]
        if took >= LONG_COLLECTION:
            self.collections.append((time.time(), info["generation"], took, info["collected"]))

    def stop(self) -> None:
        self._stop.set()

    def report(self) -> dict[str, Any]:
        return {
            "lags": self.lags,
            "samples": self.samples,
            "collections": self.collections,
            "collected": self.collected,
            "frozen": gc.get_freeze_count(),
            "tick": TICK,
        }


def stack_key(frame: FrameType) -> str:
    """The innermost frame, and the innermost frames of our own packages (hub, matching,
    graph) that led to it: enough to tell which step of which request holds the loop."""
    stack = traceback.extract_stack(frame)
    innermost = stack[-1]
    where = f"{Path(innermost.filename).name}:{innermost.name}"
    if innermost.name in ("select", "poll", "_run_once") and "selectors" in innermost.filename:
        return IDLE
    ours = [
        f"{Path(item.filename).parent.name}/{Path(item.filename).name}:{item.name}"
        for item in stack
        if any(part in item.filename for part in OURS) and "site-packages" not in item.filename
    ]
    return " > ".join([*ours[-4:], where]) if ours else where


def _thread_times() -> dict[int, tuple[float, float]]:
    """Each thread of this process (native id): seconds on a CPU and on the run queue."""
    found = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            running, queued = (task / "schedstat").read_text().split()[:2]
            found[int(task.name)] = (int(running) / 1e9, int(queued) / 1e9)
        except (OSError, ValueError):
            continue
    return found


def busiest_thread(
    before: dict[int, tuple[float, float]],
    after: dict[int, tuple[float, float]],
    frames: dict[int, FrameType],
    skip: set[int | None],
) -> str:
    """The thread that ran the most between two readings of `_thread_times`, with its Python
    stack: the likely holder of the GIL (or a native thread, e.g. torch's, taking a CPU)."""
    ran = {
        task: spent[0] - before.get(task, (0.0, 0.0))[0]
        for task, spent in after.items()
        if task not in skip
    }
    if not ran or max(ran.values()) <= 0.0:
        return "none ran"
    task = max(ran, key=lambda found: ran[found])
    named = {thread.native_id: thread.ident for thread in threading.enumerate()}
    frame = frames.get(named.get(task) or -1)
    return stack_key(frame) if frame is not None else "a thread outside Python"


async def serve(host: str, port: int, watch: LoopWatch, report: Path) -> None:
    settings = Settings.from_env()
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    config = uvicorn.Config(
        create_app(settings), host=host, port=port, log_level=settings.log_level, lifespan="on"
    )
    probe = asyncio.create_task(watch.probe())
    gc.callbacks.append(watch.collection)
    sampler = threading.Thread(target=watch.sample, daemon=True)
    sampler.start()
    # uvicorn re-raises the SIGTERM/SIGINT it stopped on once it has shut down; with these
    # (restored) handlers that re-raise does not kill the process before the report is out.
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: None)
    try:
        await uvicorn.Server(config).serve()
    finally:
        watch.stop()
        probe.cancel()
        report.write_text(json.dumps(watch.report()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--report", type=Path, required=True)
    args = parser.parse_args()
    one_blas_thread()  # as the `hub` command line does for every command
    watch = LoopWatch()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.host, args.port, watch, args.report))


if __name__ == "__main__":
    main()
