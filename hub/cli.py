"""The `hub` command: serve, worker, run, seed, status."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, TypeVar

import typer
import uvicorn
from arq.connections import create_pool
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph import GraphError, Statement
from hub.app import create_app
from hub.demo import seed as demo
from hub.ecosystem.errors import HubError
from hub.runtime import Runtime, open_runtime
from hub.settings import Settings
from hub.worker import QUEUE, build_worker

T = TypeVar("T")
log = logging.getLogger(__name__)

app = typer.Typer(
    help="Thessaloniki innovation hub: GraphQL over the ecosystem graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()

WORKER_STOP_TIMEOUT = 15

COUNT_BY_LABEL = Statement(
    name="count_by_label",
    cypher="MATCH (n:Entity) UNWIND labels(n) AS label WITH label WHERE label <> 'Entity' "
    "RETURN label, count(*) AS total ORDER BY label",
)


def _settings() -> Settings:
    settings = Settings.from_env()
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    return settings


def _execute(work: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a command's coroutine; known failures end with a clear message, not a trace."""
    try:
        return asyncio.run(work())
    except (GraphError, HubError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None


HostOption = Annotated[str | None, typer.Option(help="Address to listen on (HUB_HOST).")]
PortOption = Annotated[int | None, typer.Option(help="Port to listen on (HUB_PORT).")]


async def _serve(settings: Settings, host: str, port: int, runtime: Runtime | None) -> None:
    config = uvicorn.Config(
        create_app(settings, runtime),
        host=host,
        port=port,
        log_level=settings.log_level,
        lifespan="on",
    )
    await uvicorn.Server(config).serve()


@app.command()
def serve(host: HostOption = None, port: PortOption = None) -> None:
    """Serve GraphQL (and GraphiQL) over HTTP; starts the embedded graph when configured."""
    settings = _settings()
    _execute(lambda: _serve(settings, host or settings.host, port or settings.port, None))


@app.command()
def worker(
    burst: Annotated[bool, typer.Option(help="Stop when the queue is empty.")] = False,
) -> None:
    """Run the arq worker that processes background jobs."""
    settings = _settings()

    async def work() -> None:
        async with open_runtime(settings) as runtime:
            job_worker = build_worker(runtime, burst=burst)
            try:
                await job_worker.async_run()
            except asyncio.CancelledError:
                # arq stops on SIGINT/SIGTERM by cancelling its main task: a normal stop.
                log.info("worker stopped")
            finally:
                await job_worker.close()

    _execute(work)


@app.command()
def run(host: HostOption = None, port: PortOption = None) -> None:
    """Serve and run the worker together; Ctrl-C stops both, then the embedded graph."""
    settings = _settings()

    async def work() -> None:
        async with open_runtime(settings) as runtime:
            worker_process = subprocess.Popen([sys.executable, "-m", "hub", "worker"])
            try:
                await _serve(settings, host or settings.host, port or settings.port, runtime)
            finally:
                _stop(worker_process)

    _execute(work)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(WORKER_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@app.command()
def seed(
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Only seed a graph without data.")
    ] = False,
) -> None:
    """Load the demo Thessaloniki ecosystem (marked as demo)."""
    settings = _settings()

    async def work() -> None:
        async with open_runtime(settings, supervise=False) as runtime:
            state = await demo.seed_state(runtime.graph)
            if if_empty and state in (demo.SeedState.SEEDED, demo.SeedState.OTHER_DATA):
                out.print(f"graph holds {state.value}: nothing to seed")
                return
            if state is demo.SeedState.PARTIAL or (state is demo.SeedState.SEEDED):
                removed = await demo.remove_demo(runtime.graph)
                out.print(f"removed {removed} nodes of an earlier demo seed")
            data = demo.load_demo_data()
            started = time.monotonic()
            with _progress() as progress:
                task = progress.add_task("seeding demo data", total=demo.record_count(data))
                report = await demo.seed(
                    runtime.graph, data, advance=lambda n: progress.advance(task, n)
                )
            out.print(f"{report.summary()} in {time.monotonic() - started:.1f} s")

    _execute(work)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )


@app.command()
def status() -> None:
    """Show the graph, the embedded server, the demo seed, the job queue and the worker."""
    settings = _settings()

    async def work() -> None:
        async with open_runtime(settings, supervise=False) as runtime:
            graph = runtime.graph
            out.print(f"graph engine: {graph.name} ({settings.graph_url})")
            if runtime.embedded is not None:
                server = runtime.embedded
                out.print(f"embedded server: socket {server.socket_path}")
            for row in await graph.run(COUNT_BY_LABEL):
                out.print(f"  {row['label']}: {row['total']}")
            out.print(f"demo seed: {(await demo.seed_state(graph)).value}")
            out.print(await _worker_line(runtime))

    _execute(work)


async def _worker_line(runtime: Runtime) -> str:
    jobs = await create_pool(runtime.redis)
    try:
        queued = await jobs.zcard(QUEUE)
        job = await jobs.enqueue_job("check_graph", _queue_name=QUEUE)
        answer: Any = None
        if job is not None:
            with contextlib.suppress(TimeoutError, asyncio.TimeoutError):
                answer = await job.result(timeout=3)
        worker_state = "answering" if answer else "not running (start it with `hub worker`)"
        return f"job queue: {queued} waiting; worker: {worker_state}"
    finally:
        await jobs.aclose()


def main() -> None:
    app()
