"""Faults with real processes: the graph server killed under `hub serve`, `hub reembed` and a
`hub worker` killed with SIGKILL mid-work, and a job that fails for good.

Each test has its own data folder and embedded server; waits are failure guards only.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
import pytest_asyncio
import redis
from arq.connections import ArqRedis, RedisSettings, create_pool

from graph import Statement
from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.ecosystem import crud, organisations
from hub.graph_schema import HUB_SCHEMA
from hub.runtime import JOBS_DATABASE, Runtime
from hub.settings import Settings
from hub.suggestions.jobs import MAX_TRIES, QUEUE, RETRY_DELAYS, failed_jobs, request_embedding
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.store import embed_stale
from hub.worker import build_worker
from tests.hub.processes import (
    GQL_HEADERS,
    HubServe,
    hub_cli,
    hub_command,
    hub_env,
    server_pid,
)

GUARD = 300.0  # seconds: a failure guard for waits on a loaded machine, never a measure
VECTORS = Statement(
    name="test_fault_vectors",
    cypher="MATCH (n:Organisation) RETURN n.name AS name, n.embedding AS vector, "
    "n.embedding_hash AS hash, n.embedding_model AS model",
)
SENTENCES = Statement(
    name="test_fault_sentences",
    cypher="MATCH (s:SentenceVector) RETURN s.key AS key, s.vector AS vector, s.model AS model",
)
SHARED_SENTENCES = [
    f"We work on {topic} for the city of Thessaloniki."
    for topic in (
        "port logistics",
        "urban mobility",
        "open data",
        "renewable energy",
        "agri-food traceability",
        "health records",
        "water management",
        "tourism services",
    )
]
ORGANISATIONS = 300  # more than one encoding batch (256): a kill can land between batches


@pytest.fixture
def data_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="hubkill-") as name:
        yield Path(name)


@pytest.fixture
def own_server(data_dir: Path) -> Iterator[EmbeddedServer]:
    """The data folder's embedded server, owned by the test (hub processes attach to it)."""
    server = EmbeddedServer(data_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest_asyncio.fixture
async def hub_graph(own_server: EmbeddedServer) -> AsyncIterator[FalkorDBEngine]:
    engine = FalkorDBEngine.over_unix_socket(str(own_server.socket_path), "hub")
    await engine.ensure_schema(HUB_SCHEMA)
    yield engine
    await engine.close()


@pytest_asyncio.fixture
async def jobs(own_server: EmbeddedServer) -> AsyncIterator[ArqRedis]:
    pool = await create_pool(
        RedisSettings(unix_socket_path=str(own_server.socket_path), database=JOBS_DATABASE)
    )
    yield pool
    await pool.aclose()


def _count(client: redis.Redis, cypher: str) -> int:
    reply: Any = client.execute_command("GRAPH.RO_QUERY", "hub", cypher)
    return int(reply[1][0][0])


async def _organisations(graph: FalkorDBEngine, count: int) -> None:
    for index in range(count):
        first, second = index % 8, (index * 3 + 1) % 8
        await crud.create(
            graph,
            organisations.ORGANISATIONS,
            {
                "name": f"Organisation {index}",
                "kind": "SME",
                "description": {
                    "en": f"{SHARED_SENTENCES[first]} {SHARED_SENTENCES[second]}",
                },
            },
        )


async def _embedded_state(graph: FalkorDBEngine) -> dict[str, Any]:
    """Vectors by organisation name and sentence key, with hashes and models."""
    nodes = {row["name"]: row for row in await graph.run(VECTORS)}
    sentences = await graph.run(SENTENCES)
    return {"nodes": nodes, "sentences": sentences}


def _vector(packed: str) -> np.ndarray[Any, np.dtype[np.float32]]:
    return np.frombuffer(base64.b64decode(packed), dtype=np.float32)


def _assert_same_embeddings(got: dict[str, Any], expected: dict[str, Any]) -> None:
    assert sorted(got["nodes"]) == sorted(expected["nodes"])
    for name, row in expected["nodes"].items():
        mine = got["nodes"][name]
        assert (mine["hash"], mine["model"]) == (row["hash"], row["model"]), name
        # Another batch make-up may change a float's last bits, nothing more.
        assert np.allclose(_vector(mine["vector"]), _vector(row["vector"]), atol=1e-5), name
    keys = [row["key"] for row in got["sentences"]]
    assert len(keys) == len(set(keys))  # no sentence stored twice
    expected_sentences = {row["key"]: row for row in expected["sentences"]}
    assert set(keys) == set(expected_sentences)
    for row in got["sentences"]:
        assert row["model"] == expected_sentences[row["key"]]["model"]
        reference = _vector(expected_sentences[row["key"]]["vector"])
        assert np.allclose(_vector(row["vector"]), reference, atol=1e-5)


async def test_a_reembed_killed_and_run_again_ends_as_one_run(
    data_dir: Path,
    own_server: EmbeddedServer,
    hub_graph: FalkorDBEngine,
    graph: FalkorDBEngine,
    holder: EmbedderHolder,
) -> None:
    await _organisations(hub_graph, ORGANISATIONS)
    process = subprocess.Popen(
        hub_command("reembed", "--label", "Organisation"),
        env=hub_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(unix_socket_path=str(own_server.socket_path), socket_timeout=10)
    try:
        deadline = time.monotonic() + GUARD
        while _count(client, "MATCH (s:SentenceVector) RETURN count(s)") == 0:
            assert process.poll() is None, "the re-embedding ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)  # the first batch's sentences are being written
        process.wait()
        embedded = _count(
            client, "MATCH (n:Organisation) WHERE n.embedding IS NOT NULL RETURN count(n)"
        )
    finally:
        client.close()
        if process.poll() is None:
            process.kill()
            process.wait()
    assert embedded < ORGANISATIONS  # killed half way

    rerun = hub_cli(data_dir, "reembed", "--label", "Organisation")
    assert rerun.returncode == 0, rerun.stderr
    assert f"re-embedded {ORGANISATIONS - embedded} Organisation" in rerun.stdout

    await _organisations(graph, ORGANISATIONS)  # one uninterrupted run, elsewhere
    await embed_stale(graph, holder.get(), model=holder.model_id, labels=("Organisation",))
    _assert_same_embeddings(await _embedded_state(hub_graph), await _embedded_state(graph))


async def test_the_hub_restarts_its_killed_graph_server_and_answers_503_meanwhile(
    data_dir: Path,
) -> None:
    hub = HubServe(data_dir).start()
    try:
        hub.sign_in_as_admin()
        before = hub.create_organisation("Written before the crash")
        killed = server_pid(data_dir)
        assert killed is not None
        os.kill(killed, signal.SIGKILL)

        answers: list[int] = []
        deadline = time.monotonic() + GUARD
        with httpx.Client(base_url=hub.url, headers=GQL_HEADERS, timeout=2.0) as client:
            while not answers or answers[-1] != 200:
                assert time.monotonic() < deadline, answers
                # Every answer comes within the 2 s client timeout (a timeout fails the test).
                response = client.post(
                    "/graphql", json={"query": "{ organisations { totalCount } }"}
                )
                answers.append(response.status_code)
                if response.status_code != 200:
                    assert response.status_code == 503, response.text
                    assert int(response.headers["retry-after"]) > 0
                    (error,) = response.json()["errors"]
                    assert error["extensions"]["code"] == "GRAPH_UNAVAILABLE"
                    time.sleep(0.05)
        restarted = server_pid(data_dir)
        assert restarted is not None and restarted != killed  # a new server, by the hub itself
        assert httpx.get(f"{hub.url}/ready", timeout=10).status_code == 200
        listed = hub.gql("{ organisations { edges { node { id } } } }")
        assert [edge["node"]["id"] for edge in listed["organisations"]["edges"]] == [before]
        hub.create_organisation("Written after the restart")
    finally:
        hub.stop()


async def test_a_worker_killed_mid_job_leaves_the_job_to_the_next_worker(
    data_dir: Path,
    own_server: EmbeddedServer,
    hub_graph: FalkorDBEngine,
    jobs: ArqRedis,
    graph: FalkorDBEngine,
    holder: EmbedderHolder,
) -> None:
    await _organisations(hub_graph, 1)
    (node,) = await hub_graph.run(
        Statement(name="test_fault_org", cypher="MATCH (n:Organisation) RETURN n {.*} AS node")
    )
    await request_embedding(jobs, "Organisation", node["node"])
    (job_id,) = [key.decode() for key in await jobs.zrange(QUEUE, 0, -1)]

    worker = subprocess.Popen(
        hub_command("worker"),
        env=hub_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + GUARD
        while not await jobs.exists(f"arq:in-progress:{job_id}"):
            assert worker.poll() is None, "the worker exited"
            assert time.monotonic() < deadline
            await asyncio.sleep(0.01)
        worker.send_signal(signal.SIGKILL)  # the job has started (it is loading the model)
        worker.wait()
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert await jobs.zscore(QUEUE, job_id) is not None  # not done, still queued
    # A dead worker's claim on a job lasts the job's timeout + 10 s (130 s); skip that wait.
    assert await jobs.pttl(f"arq:in-progress:{job_id}") > 0
    await jobs.delete(f"arq:in-progress:{job_id}")

    rerun = hub_cli(data_dir, "worker", "--burst")
    assert rerun.returncode == 0, rerun.stderr
    assert await jobs.zcard(QUEUE) == 0
    assert int(await jobs.get(f"arq:retry:{job_id}") or 0) == 0  # done: its retry count is gone
    assert (await failed_jobs(jobs))[0] == 0

    await _organisations(graph, 1)  # the same node embedded without a fault
    await embed_stale(graph, holder.get(), model=holder.model_id, labels=("Organisation",))
    _assert_same_embeddings(await _embedded_state(hub_graph), await _embedded_state(graph))


async def test_a_job_failing_for_good_backs_off_then_is_dead_lettered_and_shown(
    data_dir: Path,
    own_server: EmbeddedServer,
    jobs: ArqRedis,
    holder: EmbedderHolder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    unreachable = FalkorDBEngine.over_unix_socket(str(data_dir / "no-graph.sock"), "hub")
    redis_settings = RedisSettings(
        unix_socket_path=str(own_server.socket_path), database=JOBS_DATABASE
    )
    runtime = Runtime(Settings.from_env({}), unreachable, own_server, redis_settings)
    await request_embedding(jobs, "Organisation", {"id": "org-1", "name": "Gone"})
    (job_id,) = [key.decode() for key in await jobs.zrange(QUEUE, 0, -1)]

    deferred: list[float] = []

    async def skip_the_waits() -> None:
        """Each retry is deferred by the back-off; note by how much, then make it due now."""
        while True:
            score = await jobs.zscore(QUEUE, job_id)
            now = time.time() * 1000
            if score is not None and score > now + 200:
                deferred.append((score - now) / 1000)
                await jobs.zadd(QUEUE, {job_id: now})
            await asyncio.sleep(0.02)

    caplog.set_level(logging.WARNING, logger="hub.suggestions.jobs")
    clock = asyncio.create_task(skip_the_waits())
    worker = build_worker(runtime, embedder=holder, burst=True, handle_signals=False)
    worker.poll_delay_s = 0.05
    try:
        await asyncio.wait_for(worker.async_run(), GUARD)
    finally:
        clock.cancel()
        await worker.close()
        await unreachable.close()

    retries = [r.args[2] for r in caplog.records if "retry in" in r.getMessage()]
    assert retries == list(RETRY_DELAYS)  # 1, 5, 15, 60 s: one per try but the last
    assert len(deferred) == len(RETRY_DELAYS)
    assert deferred == sorted(deferred)  # each wait longer than the one before
    assert deferred[-1] > RETRY_DELAYS[-2]
    total, (record, *_) = await failed_jobs(jobs)
    assert total == 1
    assert record["node"] == "org-1"
    assert record["error"] == f"graph unavailable after {MAX_TRIES} tries"

    status = hub_cli(data_dir, "status")
    assert status.returncode == 0, status.stderr
    assert "failed jobs: 1" in status.stdout
    assert "embed_node Organisation org-1: graph unavailable after 5 tries" in status.stdout
