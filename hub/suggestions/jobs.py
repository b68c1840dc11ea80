"""Keeping embeddings current: a job per written node, de-duplicated by node and content."""

from __future__ import annotations

import json
import logging
from typing import Any

from arq import Retry
from arq.connections import ArqRedis

from graph import GraphError, GraphUnavailable
from hub.ecosystem.entities import now_iso
from hub.graph_schema import EMBEDDED_LABELS
from hub.suggestions import store
from hub.suggestions.models import EmbedderHolder
from matching.documents import content_hash
from matching.embeddings import EmbeddingError

log = logging.getLogger(__name__)

QUEUE = "hub:jobs"
EMBED_JOB = "embed_node"
RETRY_DELAYS = (1, 5, 15, 60)
MAX_TRIES = len(RETRY_DELAYS) + 1
EMBED_TIMEOUT = 120
"""Seconds an embedding job may run (the first in a worker loads the model). A job held by a
worker that died is taken by another this long (plus arq's 10 s) after it started."""
FAILED_JOBS = "hub:failed-jobs"
FAILED_KEPT = 1000


def embed_job_id(label: str, node: dict[str, Any]) -> str:
    """One job per node and embedded text: a second save of the same text (or a rename)
    queues nothing."""
    return f"embed:{label}:{node['id']}:{content_hash(store.embedded_text(label, node))}"


async def request_embedding(jobs: ArqRedis | None, label: str, node: dict[str, Any]) -> None:
    """Queue the embedding of a node just written (nothing for labels that are not embedded)."""
    if jobs is None or label not in EMBEDDED_LABELS:
        return
    await jobs.enqueue_job(
        EMBED_JOB, label, str(node["id"]), _job_id=embed_job_id(label, node), _queue_name=QUEUE
    )


async def embed_node(ctx: dict[str, Any], label: str, node_id: str) -> str:
    """Embed one node if its stored vector is stale; retried with back-off when transient."""
    runtime = ctx["runtime"]
    holder: EmbedderHolder = ctx["embedder"]
    try:
        embedder = holder.get()
        stale = await store.stale_by_id(runtime.graph, label, [node_id], holder.model_id)
        if not stale:
            return "unchanged"
        await store.embed(runtime.graph, embedder, label, stale, model=holder.model_id)
    except GraphUnavailable as exc:
        attempt = int(ctx.get("job_try", 1))
        if attempt >= MAX_TRIES:
            await _dead_letter(ctx, label, node_id, f"graph unavailable after {attempt} tries")
            raise
        delay = RETRY_DELAYS[min(attempt - 1, len(RETRY_DELAYS) - 1)]
        log.warning("embedding %s %s: graph unavailable, retry in %s s", label, node_id, delay)
        raise Retry(defer=delay) from exc
    except (GraphError, EmbeddingError) as exc:
        log.exception("embedding %s %s failed", label, node_id)
        await _dead_letter(ctx, label, node_id, str(exc))
        raise
    return "embedded"


async def _dead_letter(ctx: dict[str, Any], label: str, node_id: str, error: str) -> None:
    """Keep a failed job where `hub status` shows it (the newest FAILED_KEPT)."""
    record = {"job": EMBED_JOB, "label": label, "node": node_id, "error": error, "at": now_iso()}
    redis: ArqRedis = ctx["redis"]
    await redis.lpush(FAILED_JOBS, json.dumps(record))  # type: ignore[misc]
    await redis.ltrim(FAILED_JOBS, 0, FAILED_KEPT - 1)  # type: ignore[misc]


async def failed_jobs(redis: ArqRedis, count: int = 5) -> tuple[int, list[dict[str, Any]]]:
    """How many jobs failed for good, and the newest of them."""
    total = int(await redis.llen(FAILED_JOBS))  # type: ignore[misc]
    newest = await redis.lrange(FAILED_JOBS, 0, count - 1)  # type: ignore[misc]
    return total, [json.loads(item) for item in newest]
