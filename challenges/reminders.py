"""Reminders before deadlines: who is due one, what it says, and sending each once.

Two reminders per deadline, 7 days and 1 day before (the 1-day one only, if the first run
is that late): team members before the submission deadline (whether their team has
submitted or not, the text says which), judges with unscored assignments before
`judging_ends`. A person needs an e-mail address (`Person.email`).

Each reminder is claimed before it is sent, in one statement, with
`(:Person)-[:REMINDED {key, at}]->(:Challenge)`; the key holds the deadline, so a moved
deadline arms new reminders. Two workers never send the same reminder; a failed send
releases its claim, so the next run tries again. Sending itself is the caller's (`send`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from challenges.challenge import now_utc
from challenges.cypher import lock
from challenges.ids import new_id
from challenges.phases import shown, utc_iso
from graph import GraphEngine, Statement

log = logging.getLogger(__name__)

OFFSETS = ((timedelta(days=7), "7d"), (timedelta(days=1), "1d"))
HORIZON = max(offset for offset, _ in OFFSETS)
_NOW = "2027-01-01T00:00:00+00:00"

SUBMISSION_RECIPIENTS = Statement(
    name="challenge_reminder_team_members",
    cypher=(
        "MATCH (c:Challenge) WHERE c.phase = 'submission' "
        "AND c.submission_deadline_utc > $now AND c.submission_deadline_utc <= $horizon "
        "MATCH (p:Person)-[:TEAM_MEMBER]->(t:Team)-[:ENTERED]->(c) WHERE p.email IS NOT NULL "
        "OPTIONAL MATCH (t)-[:SUBMITTED]->(s:Submission)-[:SUBMITTED_TO]->(c) "
        "RETURN c.id AS challenge, c.title_en AS title_en, c.title_el AS title_el, "
        "c.submission_deadline AS deadline, c.timezone AS timezone, p.id AS person, "
        "p.name AS name, p.email AS email, t.name AS team, s.version AS version "
        "ORDER BY challenge, person"
    ),
    example={"now": _NOW, "horizon": _NOW},
)
JUDGE_RECIPIENTS = Statement(
    name="challenge_reminder_judges",
    cypher=(
        "MATCH (c:Challenge) WHERE c.phase = 'judging' "
        "AND c.judging_ends_utc > $now AND c.judging_ends_utc <= $horizon "
        "MATCH (p:Person)-[a:ASSIGNED]->(:Submission)-[:SUBMITTED_TO]->(c) "
        "WHERE p.email IS NOT NULL AND a.scores IS NULL "
        "RETURN c.id AS challenge, c.title_en AS title_en, c.title_el AS title_el, "
        "c.judging_ends AS deadline, c.timezone AS timezone, p.id AS person, "
        "p.name AS name, p.email AS email, count(a) AS pending "
        "ORDER BY challenge, person"
    ),
    example={"now": _NOW, "horizon": _NOW},
)
CLAIM = Statement(
    name="challenge_reminder_claim",
    cypher=(
        "UNWIND $claims AS claim "
        f"MATCH (p:Person {{id: claim.person}}) {lock('p')}"
        "WITH p, claim MATCH (c:Challenge {id: claim.challenge}) "
        "OPTIONAL MATCH (p)-[old:REMINDED {key: claim.key}]->(c) "
        "WITH p, c, claim, old WHERE old IS NULL "
        "CREATE (p)-[:REMINDED {key: claim.key, at: $now}]->(c) "
        "RETURN claim.person AS person, claim.challenge AS challenge, claim.key AS key"
    ),
    example={"claims": [{"person": new_id(), "challenge": new_id(), "key": "k"}], "now": _NOW},
    write=True,
)
RELEASE = Statement(
    name="challenge_reminder_release",
    cypher=(
        "MATCH (p:Person {id: $person})-[r:REMINDED {key: $key}]->(c:Challenge {id: $challenge}) "
        "DELETE r RETURN count(*) AS released"
    ),
    example={"person": new_id(), "challenge": new_id(), "key": "k"},
    write=True,
)


@dataclass(frozen=True)
class Reminder:
    to: str
    person: str
    challenge: str
    key: str
    subject: str
    text: str


def due_label(deadline: datetime, now: datetime) -> str | None:
    """The reminder due before `deadline` at `now`: the nearest window now lies in."""
    if now >= deadline:
        return None
    due = None
    for offset, label in OFFSETS:
        if now >= deadline - offset:
            due = label
    return due


def _title(row: Mapping[str, Any]) -> tuple[str, str]:
    en = row.get("title_en") or row.get("title_el") or "the challenge"
    el = row.get("title_el") or row.get("title_en") or "τον διαγωνισμό"
    return str(en), str(el)


def submission_reminder(row: Mapping[str, Any], label: str) -> Reminder:
    deadline = datetime.fromisoformat(str(row["deadline"]))
    when = shown(deadline, str(row["timezone"] or "UTC"))
    en, el = _title(row)
    if row.get("version") is not None:
        status_en = (
            f"Your team {row['team']} has submitted (version {row['version']}); "
            "you can still edit the submission until then."
        )
        status_el = (
            f"Η ομάδα σας {row['team']} έχει υποβάλει (έκδοση {row['version']}). "
            "Μπορείτε να την αλλάξετε ως τότε."
        )
    else:
        status_en = f"Your team {row['team']} has not submitted yet."
        status_el = f"Η ομάδα σας {row['team']} δεν έχει υποβάλει ακόμη."
    return Reminder(
        to=str(row["email"]),
        person=str(row["person"]),
        challenge=str(row["challenge"]),
        key=f"submission {utc_iso(deadline)} {label}",
        subject=f"Submissions for {en} close on {when}",
        text=(
            f"Οι υποβολές για «{el}» κλείνουν στις {when}. {status_el}\n\n"
            f"Submissions for “{en}” close on {when}. {status_en}\n"
        ),
    )


def judging_reminder(row: Mapping[str, Any], label: str) -> Reminder:
    deadline = datetime.fromisoformat(str(row["deadline"]))
    when = shown(deadline, str(row["timezone"] or "UTC"))
    en, el = _title(row)
    pending = int(row["pending"])
    return Reminder(
        to=str(row["email"]),
        person=str(row["person"]),
        challenge=str(row["challenge"]),
        key=f"judging {utc_iso(deadline)} {label}",
        subject=f"Judging of {en} ends on {when}: {pending} still to score",
        text=(
            f"Η αξιολόγηση για «{el}» λήγει στις {when}· σας μένουν {pending} υποβολές.\n\n"
            f"Judging of “{en}” ends on {when}; {pending} of your submissions are not "
            "scored yet.\n"
        ),
    )


async def due_reminders(*, graph: GraphEngine, now: datetime | None = None) -> list[Reminder]:
    """Every reminder due at `now` (sent or not: `send_reminders` claims them)."""
    moment = now_utc(now)
    params = {"now": utc_iso(moment), "horizon": utc_iso(moment + HORIZON)}
    found: list[Reminder] = []
    for statement, build in (
        (SUBMISSION_RECIPIENTS, submission_reminder),
        (JUDGE_RECIPIENTS, judging_reminder),
    ):
        for row in await graph.run(statement, params):
            label = due_label(datetime.fromisoformat(str(row["deadline"])), moment)
            if label is not None:
                found.append(build(row, label))
    return found


async def send_reminders(
    *,
    graph: GraphEngine,
    send: Callable[[Reminder], Awaitable[None]],
    now: datetime | None = None,
) -> tuple[int, int]:
    """Claim and send the reminders due now; returns (sent, failed). Safe to run twice."""
    moment = now_utc(now)
    due = {(r.person, r.challenge, r.key): r for r in await due_reminders(graph=graph, now=moment)}
    if not due:
        return 0, 0
    claims = [{"person": p, "challenge": c, "key": k} for p, c, k in due]
    claimed = await graph.run(CLAIM, {"claims": claims, "now": utc_iso(moment)})
    sent = failed = 0
    for row in claimed:
        reminder = due[(row["person"], row["challenge"], row["key"])]
        try:
            await send(reminder)
            sent += 1
        except Exception:
            log.warning(
                "reminder %s to person %s failed; it stays due",
                reminder.key,
                reminder.person,
                exc_info=True,
            )
            failed += 1
            await graph.run(
                RELEASE,
                {"person": reminder.person, "challenge": reminder.challenge, "key": reminder.key},
            )
    return sent, failed
