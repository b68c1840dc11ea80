"""The arq worker on the embedded server's Redis: a burst worker runs a queued job."""

from __future__ import annotations

from arq.connections import RedisSettings, create_pool

from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.runtime import JOBS_DATABASE, Runtime
from hub.settings import Settings
from hub.suggestions.jobs import QUEUE
from hub.worker import build_worker


async def test_a_burst_worker_runs_the_graph_check_job(
    embedded_server: EmbeddedServer, graph: FalkorDBEngine
) -> None:
    redis = RedisSettings(unix_socket_path=str(embedded_server.socket_path), database=JOBS_DATABASE)
    runtime = Runtime(Settings.from_env({}), graph, embedded_server, redis)
    pool = await create_pool(redis)
    await pool.flushdb()  # only this test's job in the queue
    try:
        job = await pool.enqueue_job("check_graph", _queue_name=QUEUE, _job_id="probe-1")
        assert job is not None
        duplicate = await pool.enqueue_job("check_graph", _queue_name=QUEUE, _job_id="probe-1")
        assert duplicate is None  # the same job id is enqueued once
        worker = build_worker(runtime, burst=True, handle_signals=False)
        try:
            await worker.async_run()
        finally:
            await worker.close()
        assert await job.result(timeout=5) == {"graph": "falkordb", "worker": "ok"}
        assert worker.jobs_complete == 1
    finally:
        await pool.aclose()
