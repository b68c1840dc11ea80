"""The arq worker: background jobs with the graph in their context.

Jobs receive their dependencies in `ctx` (the graph engine); later issues add embedding,
import, deadline and reminder jobs here.
"""

from __future__ import annotations

import logging
from typing import Any

from arq.worker import Worker, func

from hub.runtime import Runtime
from hub.suggestions.jobs import EMBED_JOB, MAX_TRIES, QUEUE, embed_node
from hub.suggestions.models import EmbedderHolder

log = logging.getLogger(__name__)

HEALTH_CHECK_INTERVAL = 10


async def check_graph(ctx: dict[str, Any]) -> dict[str, Any]:
    """Prove that the worker runs and reaches the graph: `hub status` enqueues it."""
    runtime: Runtime = ctx["runtime"]
    await runtime.graph.ping()
    return {"graph": runtime.graph.name, "worker": "ok"}


JOBS = (
    check_graph,
    func(embed_node, name=EMBED_JOB, keep_result=0, max_tries=MAX_TRIES),
)


def build_worker(
    runtime: Runtime,
    *,
    embedder: EmbedderHolder | None = None,
    burst: bool = False,
    handle_signals: bool = True,
) -> Worker:
    holder = embedder or EmbedderHolder(runtime.settings.embedding_model)
    return Worker(
        functions=list(JOBS),
        queue_name=QUEUE,
        redis_settings=runtime.redis,
        ctx={"runtime": runtime, "embedder": holder},
        burst=burst,
        handle_signals=handle_signals,
        health_check_interval=HEALTH_CHECK_INTERVAL,
        max_tries=5,
    )
