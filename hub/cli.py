"""The `hub` command: serve, worker, run, seed, status, import."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import uvicorn
import uvloop
from arq.connections import create_pool
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph import GraphError, Statement
from hub import backup as backups
from hub.app import create_app
from hub.auth import accounts
from hub.auth.viewer import GlobalRole
from hub.background import lower_session_priority
from hub.blas import one_blas_thread
from hub.demo import seed as demo
from hub.ecosystem.errors import HubError
from hub.evaluation import evaluate
from hub.graph_schema import EMBEDDED_LABELS
from hub.runtime import Runtime, open_runtime
from hub.settings import Settings
from hub.sources import ImportReport, calls, ckan, cordis
from hub.suggestions.jobs import QUEUE, failed_jobs
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.store import embed_stale, missing_embeddings
from hub.worker import build_worker
from matching.baselines import summary, table

T = TypeVar("T")
log = logging.getLogger(__name__)

app = typer.Typer(
    help="Thessaloniki innovation hub: GraphQL over the ecosystem graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()


@app.callback()
def small_products_on_one_thread() -> None:
    """Every command runs its matrix products on one BLAS thread (hub.blas)."""
    one_blas_thread()


WORKER_STOP_TIMEOUT = 15

COUNT_BY_LABEL = Statement(
    name="count_by_label",
    cypher="MATCH (n:Entity) UNWIND labels(n) AS label WITH label WHERE label <> 'Entity' "
    "RETURN label, count(*) AS total ORDER BY label",
)


def _settings() -> Settings:
    try:
        settings = Settings.from_env()
    except ValueError as exc:  # a HUB_* variable that cannot be read: say which, no trace
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    return settings


def _execute(work: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a command's coroutine; known failures end with a clear message, not a trace."""
    try:
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(work())
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
    """Load the demo Thessaloniki ecosystem (marked as demo) and embed it, ready to match."""
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
                # As an import does: ready to match when the command returns.
                embedded = await _embed(runtime, settings, _RichProgress(progress))
            out.print(
                f"{report.summary()}, {sum(embedded.values())} embedded "
                f"in {time.monotonic() - started:.1f} s"
            )

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
            for label, missing in (await missing_embeddings(graph)).items():
                out.print(f"  {label} without an embedding: {missing}")
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
        failed, newest = await failed_jobs(jobs)
        lines = [f"job queue: {queued} waiting; worker: {worker_state}; failed jobs: {failed}"]
        lines += [
            f"  failed {item['at']}: {item['job']} {item['label']} {item['node']}: {item['error']}"
            for item in newest
        ]
        return "\n".join(lines)
    finally:
        await jobs.aclose()


import_app = typer.Typer(
    help="Import public data (CORDIS projects, funding-portal calls); re-running is safe.",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")

IMPORT_NICENESS = 10


@import_app.callback()
def import_at_low_priority() -> None:
    """Imports give way to a hub serving on the same machine: they run at a lower CPU priority
    (nice 10, and so does the session of their own `hub.entry` starts them in), which costs
    them nothing when the machine is otherwise idle."""
    with contextlib.suppress(OSError):
        os.nice(IMPORT_NICENESS)
    lower_session_priority(IMPORT_NICENESS)


REJECTIONS_SHOWN = 20
BatchOption = Annotated[int, typer.Option(min=1, max=10_000, help="Rows written per statement.")]


@import_app.command("cordis")
def import_cordis(
    folder: Annotated[
        Path, typer.Argument(help="Folder with CORDIS organization/topics/euroSciVoc/... CSVs.")
    ],
    max_project_id: Annotated[
        int | None,
        typer.Option(help="Import only the rows of projects with projectID <= this."),
    ] = None,
    batch_size: BatchOption = 500,
) -> None:
    """Import CORDIS Horizon Europe participants and projects (CSV, gzipped or not)."""
    settings = _settings()

    async def work() -> ImportReport:
        cordis.locate(folder)  # a missing folder or file fails before the graph starts
        project_filter = None if max_project_id is None else (lambda pid: pid <= max_project_id)
        async with open_runtime(settings, supervise=False) as runtime:
            with _progress() as progress:
                report = await cordis.import_cordis(
                    runtime.graph,
                    folder,
                    project_filter=project_filter,
                    progress=_RichProgress(progress),
                    batch_size=batch_size,
                )
                await _embed(runtime, settings, _RichProgress(progress), ("Organisation",))
                return report

    _print_report(_execute(work))


@import_app.command("calls")
def import_calls(
    files: Annotated[
        list[Path],
        typer.Argument(help="Funding & Tenders portal exports: output_query-*.csv, calls-*.json."),
    ],
    batch_size: BatchOption = 500,
) -> None:
    """Import funding calls from the portal's CSV exports and JSON (gzipped or not)."""
    settings = _settings()

    async def work() -> ImportReport:
        calls.check_files(files)  # a missing file fails before the graph starts
        async with open_runtime(settings, supervise=False) as runtime:
            with _progress() as progress:
                report = await calls.import_calls(
                    runtime.graph, files, progress=_RichProgress(progress), batch_size=batch_size
                )
                await _embed(runtime, settings, _RichProgress(progress), ("FundingCall",))
                return report

    _print_report(_execute(work))


@import_app.command("ckan")
def import_ckan(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="CKAN portal or Action API URLs (package_search, package_show), or saved "
            "API responses (JSON files)."
        ),
    ],
    portal: Annotated[
        str | None,
        typer.Option(help="The portal a saved response came from, if it has no `help` address."),
    ] = None,
    max_datasets: Annotated[
        int | None, typer.Option("--max", min=1, help="At most this many datasets per URL.")
    ] = None,
    rows: Annotated[int, typer.Option(min=1, max=1000, help="Datasets per page fetched.")] = 100,
    challenge: Annotated[
        str | None, typer.Option(help="Id of a challenge that features the imported datasets.")
    ] = None,
) -> None:
    """Import open datasets from CKAN portals (data.gov.gr, opendata.thessaloniki.gr...)."""
    settings = _settings()

    async def work() -> ImportReport:
        ckan.check_sources(sources)  # a missing file fails before the graph starts
        async with open_runtime(settings, supervise=False) as runtime:
            with _progress() as progress:
                return await ckan.import_ckan(
                    runtime.graph,
                    sources,
                    portal=portal,
                    rows=rows,
                    limit=max_datasets,
                    progress=_RichProgress(progress),
                    challenge_id=challenge,
                )

    _print_report(_execute(work))


async def _embed(
    runtime: Runtime,
    settings: Settings,
    progress: _RichProgress,
    labels: tuple[str, ...] = EMBEDDED_LABELS,
    *,
    force: bool = False,
) -> dict[str, int]:
    """Embed what an import (or a model change) left stale, so it is ready to match."""
    holder = EmbedderHolder.from_settings(settings)
    embedder = await asyncio.to_thread(holder.get)
    return await embed_stale(
        runtime.graph,
        embedder,
        model=holder.model_id,
        labels=labels,
        force=force,
        progress=progress,
    )


@app.command("eval")
def eval_command(
    data: Annotated[
        Path, typer.Argument(help="The shared data folder holding cordis-he/ and ft-portal/.")
    ],
    graph_name: Annotated[
        str | None,
        typer.Option(help="Graph to import the dev split into (default: HUB_GRAPH_NAME-eval)."),
    ] = None,
) -> None:
    """Run the dev protocol through the hub's API and print it next to the baselines."""
    base = _settings()
    settings = replace(base, graph_name=graph_name or f"{base.graph_name}-eval")

    async def work() -> list[Any]:
        async with open_runtime(settings, supervise=False) as runtime:
            holder = EmbedderHolder.from_settings(settings)
            embedder = await asyncio.to_thread(holder.get)
            with _progress() as progress:
                return await evaluate(
                    runtime.graph,
                    embedder,
                    model=holder.model_id,
                    data_dir=data,
                    progress=_RichProgress(progress),
                )

    started = time.monotonic()
    rows = _execute(work)
    # soft_wrap: a table's rows are not wrapped at 80 columns when no terminal is attached
    out.print(table(rows), markup=False, highlight=False, soft_wrap=True)
    out.print(
        f"dev split through the API of graph {settings.graph_name!r}, "
        f"{time.monotonic() - started:.0f} s: {summary(rows)}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def reembed(
    label: Annotated[
        list[str] | None,
        typer.Option(help="Only these labels: Organisation, FundingCall, PilotProject."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Re-embed every node, not only stale ones.")
    ] = False,
) -> None:
    """Embed every node whose text, or the configured model, changed since it was embedded."""
    settings = _settings()
    chosen = tuple(label or EMBEDDED_LABELS)
    unknown = sorted(set(chosen) - set(EMBEDDED_LABELS))
    if unknown:
        console.print(f"[red]error:[/red] --label must be one of {', '.join(EMBEDDED_LABELS)}")
        raise typer.Exit(2)

    async def work() -> dict[str, int]:
        async with open_runtime(settings, supervise=False) as runtime:
            with _progress() as progress:
                return await _embed(runtime, settings, _RichProgress(progress), chosen, force=force)

    started = time.monotonic()
    written = _execute(work)
    parts = ", ".join(f"{count} {name}" for name, count in written.items())
    out.print(f"re-embedded {parts} in {time.monotonic() - started:.1f} s")


class _RichProgress:
    """An import's stages as rich progress bars, one per stage."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task: Any = None

    def stage(self, description: str, total: int | None) -> None:
        self._finish()
        self._task = self._progress.add_task(description, total=total)

    def advance(self, steps: int) -> None:
        if self._task is not None:
            self._progress.advance(self._task, steps)

    def _finish(self) -> None:
        """A stage of unknown length (reading a file) ends as a full bar of what it did."""
        for task in self._progress.tasks:
            if task.id == self._task and task.total is None:
                self._progress.update(task.id, total=task.completed)


def _print_report(report: ImportReport) -> None:
    """The rejected rows (the first ones), then the one-line summary."""
    for rejection in report.rejections[:REJECTIONS_SHOWN]:
        out.print(str(rejection), markup=False, highlight=False, soft_wrap=True)
    hidden = len(report.rejections) - REJECTIONS_SHOWN
    if hidden > 0:
        out.print(f"... and {hidden} more rejected rows", highlight=False)
    out.print(report.summary(), markup=False, highlight=False, soft_wrap=True)


@app.command("backup")
def backup_command(
    path: Annotated[Path, typer.Argument(help="The file to write the snapshot to.")],
) -> None:
    """Write a consistent snapshot of the embedded graph (and job queue) to a file, live."""
    settings = _settings()
    outcome = _execute(lambda: backups.backup(settings, path))
    out.print(outcome.summary("backed up to"), markup=False, highlight=False, soft_wrap=True)


@app.command("restore")
def restore_command(
    path: Annotated[Path, typer.Argument(help="A snapshot written by `hub backup`.")],
) -> None:
    """Replace the embedded graph with a snapshot; stop `hub serve`/`worker`/`run` first."""
    settings = _settings()
    outcome = _execute(lambda: backups.restore(settings, path))
    out.print(outcome.summary("restored from"), markup=False, highlight=False, soft_wrap=True)


admin_app = typer.Typer(help="Administer accounts.", no_args_is_help=True)
app.add_typer(admin_app, name="admin")


@admin_app.command("create")
def admin_create(
    email: Annotated[str, typer.Argument(help="The administrator's e-mail address.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Create an administrator account (verified), or make an existing account an admin."""
    settings = _settings()

    async def work() -> str:
        async with open_runtime(settings, supervise=False) as runtime:
            existing = await accounts.account_by_email(runtime.graph, email)
            if existing is not None:
                await accounts.add_role(runtime.graph, str(existing["id"]), GlobalRole.ADMIN)
                return f"{existing['email']} already had an account: it is now an administrator"
            password = _read_password(password_stdin)
            await accounts.create_account(
                runtime.graph,
                email=email,
                password=password,
                verified=True,
                roles=(GlobalRole.ADMIN,),
            )
            address = accounts.normalise_email(email)
            return f"administrator {address} created; sign in with `signIn` at /graphql"

    out.print(_execute(work), markup=False, highlight=False)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    value: str = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    return value
