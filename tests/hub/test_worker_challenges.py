"""The challenge phase job on a burst arq worker over the embedded server's Redis."""

from __future__ import annotations

from datetime import timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path

from arq.connections import RedisSettings, create_pool

from challenges import challenge
from challenges.advance import advance_due_phases
from challenges.phases import utc_iso
from graph.embedded import EmbeddedServer
from graph.falkordb_engine import FalkorDBEngine
from hub.runtime import JOBS_DATABASE, Runtime
from hub.settings import Settings
from hub.suggestions.jobs import QUEUE
from hub.worker import CRON_JOBS, advance_challenge_phases, build_worker
from tests.challenges.factories import challenge_input, give_email, node, team_with


async def test_the_cron_job_opens_due_phases_once_on_a_burst_worker(
    embedded_server: EmbeddedServer, graph: FalkorDBEngine
) -> None:
    organiser = await node(graph, "Organisation", "Municipality of Thessaloniki")
    now = challenge.now_utc()
    schedule = {
        "timezone": "Europe/Athens",
        "registration_opens": utc_iso(now - timedelta(days=2)),
        "submission_opens": utc_iso(now - timedelta(days=1)),
        "submission_deadline": utc_iso(now + timedelta(days=30)),
    }
    created = await challenge.create_challenge(
        graph=graph, data=challenge_input(organiser, schedule=schedule)
    )
    await challenge.transition(graph=graph, challenge_id=created["id"], target="published")
    assert [job.name for job in CRON_JOBS] == [
        "cron:advance_challenge_phases",
        "cron:send_challenge_reminders",
    ]
    # the job enqueued below by name is the very function the cron runs every minute
    assert CRON_JOBS[0].coroutine is advance_challenge_phases
    redis_settings = RedisSettings(unix_socket_path=str(embedded_server.socket_path))
    serving = build_worker(
        Runtime(Settings.from_env({}), graph, embedded_server, redis_settings),
        handle_signals=False,
    )
    assert [job.name for job in serving.cron_jobs] == [job.name for job in CRON_JOBS]
    await serving.close()

    redis = RedisSettings(unix_socket_path=str(embedded_server.socket_path), database=JOBS_DATABASE)
    runtime = Runtime(Settings.from_env({}), graph, embedded_server, redis)
    pool = await create_pool(redis)
    await pool.delete(QUEUE)  # jobs other tests of the session left queued are not ours
    try:
        for run in ("first", "second"):  # a second run finds nothing left to do
            job = await pool.enqueue_job(
                "advance_challenge_phases", _queue_name=QUEUE, _job_id=f"advance-{run}"
            )
            assert job is not None
            worker = build_worker(runtime, burst=True, handle_signals=False)
            try:
                await worker.async_run()
            finally:
                await worker.close()
            assert (worker.jobs_complete, worker.jobs_failed) == (1, 0)
            stored = await challenge.get_challenge(graph=graph, challenge_id=created["id"])
            assert stored["phase"] == "submission"
            assert [entry.split()[0] for entry in stored["phase_history"]] == [
                "draft",
                "published",
                "registration",
                "submission",
            ]
    finally:
        await pool.aclose()


async def test_the_reminder_job_mails_each_reminder_once_into_the_outbox(
    embedded_server: EmbeddedServer, graph: FalkorDBEngine, tmp_path: Path
) -> None:
    organiser = await node(graph, "Organisation", "Municipality of Thessaloniki")
    now = challenge.now_utc()
    schedule = {
        "timezone": "Europe/Athens",
        "registration_opens": utc_iso(now - timedelta(days=10)),
        "submission_opens": utc_iso(now - timedelta(days=5)),
        "submission_deadline": utc_iso(now + timedelta(days=3)),
    }
    created = await challenge.create_challenge(
        graph=graph, data=challenge_input(organiser, schedule=schedule)
    )
    await challenge.transition(graph=graph, challenge_id=created["id"], target="published")
    await advance_due_phases(graph=graph)
    _, lead = await team_with(graph, created["id"], "Bus Whisperers", now=now)
    await give_email(graph, lead, "lead@example.org")

    outbox = tmp_path / "outbox"
    redis = RedisSettings(unix_socket_path=str(embedded_server.socket_path), database=JOBS_DATABASE)
    settings = Settings.from_env({"HUB_MAIL_URL": f"outbox:{outbox}"})
    runtime = Runtime(settings, graph, embedded_server, redis)
    pool = await create_pool(redis)
    await pool.delete(QUEUE)
    try:
        for run in ("first", "second"):
            job = await pool.enqueue_job(
                "send_challenge_reminders", _queue_name=QUEUE, _job_id=f"remind-{run}"
            )
            assert job is not None
            worker = build_worker(runtime, burst=True, handle_signals=False)
            try:
                await worker.async_run()
            finally:
                await worker.close()
            assert (worker.jobs_complete, worker.jobs_failed) == (1, 0)
    finally:
        await pool.aclose()
    (mail,) = sorted(outbox.glob("*.eml"))
    message = BytesParser(policy=policy.default).parsebytes(mail.read_bytes())
    assert message["To"] == "lead@example.org"
    assert (
        str(message["Subject"]).strip().startswith("Submissions for Open mobility data close on ")
    )
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and "has not submitted yet" in body.get_content()
