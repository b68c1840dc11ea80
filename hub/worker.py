"""The arq worker: background jobs with the graph in their context.

Jobs receive their dependencies in `ctx` (the graph engine); later issues add embedding,
import, deadline and reminder jobs here.
"""

from __future__ import annotations

import logging
from typing import Any

from arq.cron import cron
from arq.worker import Worker, func

from challenges.advance import advance_due_phases
from challenges.reminders import Reminder, send_reminders
from hub.mail import MailBackend, Message, backend_from_url
from hub.runtime import Runtime
from hub.suggestions.jobs import EMBED_JOB, EMBED_TIMEOUT, MAX_TRIES, QUEUE, embed_node
from hub.suggestions.models import EmbedderHolder

log = logging.getLogger(__name__)

HEALTH_CHECK_INTERVAL = 10


async def check_graph(ctx: dict[str, Any]) -> dict[str, Any]:
    """Prove that the worker runs and reaches the graph: `hub status` enqueues it."""
    runtime: Runtime = ctx["runtime"]
    await runtime.graph.ping()
    return {"graph": runtime.graph.name, "worker": "ok"}


async def advance_challenge_phases(ctx: dict[str, Any]) -> int:
    """Open registration, submissions and judging of challenges whose dates have passed.

    Idempotent (each move is a compare-and-set on the phase): safe to run twice, or in
    several workers; returns how many challenges moved.
    """
    runtime: Runtime = ctx["runtime"]
    moved = await advance_due_phases(graph=runtime.graph)
    for item in moved:
        steps = " -> ".join(step.value for step in item.steps)
        log.info("challenge %s: %s -> %s", item.challenge, item.source.value, steps)
    return len(moved)


async def send_challenge_reminders(ctx: dict[str, Any]) -> int:
    """Mail the reminders due before challenge deadlines (each once); returns how many."""
    runtime: Runtime = ctx["runtime"]
    settings = runtime.settings
    mail: MailBackend = ctx.get("mail") or backend_from_url(
        settings.mail_url, data_dir=settings.data_dir, sender=settings.mail_from
    )

    async def send(reminder: Reminder) -> None:
        await mail.send(Message(to=reminder.to, subject=reminder.subject, text=reminder.text))

    sent, failed = await send_reminders(graph=runtime.graph, send=send)
    if sent or failed:
        log.info("challenge reminders: %d sent, %d failed (retried next run)", sent, failed)
    return sent


JOBS = (
    check_graph,
    func(embed_node, name=EMBED_JOB, keep_result=0, max_tries=MAX_TRIES, timeout=EMBED_TIMEOUT),
    func(advance_challenge_phases, keep_result=0),  # also enqueued by hand, or by the cron
    func(send_challenge_reminders, keep_result=0),
)
# Phases every minute, reminders every quarter hour; `unique` gives each run one job id,
# so several workers run it once. A burst worker (drain the queue, then stop) runs no cron.
CRON_JOBS = (
    cron(advance_challenge_phases, second=0, unique=True, run_at_startup=False),
    cron(send_challenge_reminders, minute={0, 15, 30, 45}, second=30, unique=True),
)


def build_worker(
    runtime: Runtime,
    *,
    embedder: EmbedderHolder | None = None,
    burst: bool = False,
    handle_signals: bool = True,
) -> Worker:
    holder = embedder or EmbedderHolder.from_settings(runtime.settings)
    return Worker(
        functions=list(JOBS),
        cron_jobs=[] if burst else list(CRON_JOBS),
        queue_name=QUEUE,
        redis_settings=runtime.redis,
        ctx={"runtime": runtime, "embedder": holder},
        burst=burst,
        handle_signals=handle_signals,
        health_check_interval=HEALTH_CHECK_INTERVAL,
        max_tries=5,
    )
