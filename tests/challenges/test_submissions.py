"""Submissions on the embedded graph: one per team, versions, the deadline, stale edits."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from challenges import datasets, submissions
from challenges.errors import (
    AlreadySubmitted,
    DeadlinePassed,
    Invalid,
    NotAMember,
    NotFound,
    VersionConflict,
    WrongPhase,
)
from challenges.ids import new_id
from graph import GraphEngine
from tests.challenges.factories import (
    AFTER_DEADLINE,
    DURING_REGISTRATION,
    DURING_SUBMISSION,
    open_challenge,
    team_with,
)

ENTRY: dict[str, Any] = {
    "title": "Bus bunching alerts",
    "summary": "Warns riders when buses on line 31 bunch up, from the OASTH open feed.",
    "links": {"repository": "https://github.com/example/bus-bunching"},
}


async def a_dataset(graph: GraphEngine, title: str = "Bus stops") -> str:
    key = f"ckan:opendata.thessaloniki.gr:{new_id()}"
    await datasets.write_datasets(
        graph=graph,
        rows=[
            {
                "key": key,
                "props": {"title": title, "search_text": title.lower(), "content_hash": "h"},
            }
        ],
    )
    found = await datasets.find_datasets(graph=graph, text=title)
    return str(found[0]["id"])


async def test_one_submission_per_team_and_the_second_names_the_first(graph: GraphEngine) -> None:
    live = await open_challenge(graph, until="submission")
    team, lead = await team_with(graph, live["id"], "Bus Whisperers")
    dataset = await a_dataset(graph)
    first = await submissions.submit(
        graph=graph,
        team_id=team,
        author_id=lead,
        data={**ENTRY, "datasets": [dataset]},
        now=DURING_SUBMISSION,
    )
    assert first["version"] == 1 and first["key"] == f"{live['id']}/{team}"
    with pytest.raises(AlreadySubmitted) as second:
        await submissions.submit(
            graph=graph, team_id=team, author_id=lead, data=ENTRY, now=DURING_SUBMISSION
        )
    assert second.value.submission_id == first["id"]
    assert "already submitted 'Bus bunching alerts'" in second.value.message
    stored = await submissions.get_submission(graph=graph, submission_id=first["id"])
    assert stored["datasets"] == [dataset] and stored["team"] == team
    listed = await datasets.challenge_datasets(graph=graph, challenge_id=live["id"])
    assert listed == []  # the challenge does not feature it; the submission uses it
    await datasets.set_challenge_datasets(
        graph=graph, challenge_id=live["id"], dataset_ids=[dataset]
    )
    featured = await datasets.challenge_datasets(graph=graph, challenge_id=live["id"])
    assert [(d["id"], d["used_by"]) for d in featured] == [(dataset, 1)]


async def test_late_and_early_submissions_are_refused_with_the_dates(graph: GraphEngine) -> None:
    live = await open_challenge(graph, until="submission")
    team, lead = await team_with(graph, live["id"], "Late Owls")
    with pytest.raises(DeadlinePassed) as late:
        await submissions.submit(
            graph=graph, team_id=team, author_id=lead, data=ENTRY, now=AFTER_DEADLINE
        )
    assert late.value.message == (
        "too late: the submission deadline 2027-03-01 18:00 Europe/Athens has passed"
    )
    early = await open_challenge(graph, until="registration")
    team, lead = await team_with(graph, early["id"], "Early Birds", now=DURING_REGISTRATION)
    with pytest.raises(WrongPhase) as closed:
        await submissions.submit(
            graph=graph, team_id=team, author_id=lead, data=ENTRY, now=DURING_REGISTRATION
        )
    assert "submissions open on 2027-02-01 09:00 Europe/Athens" in closed.value.message


async def test_bad_content_names_its_fields(graph: GraphEngine) -> None:
    live = await open_challenge(graph, until="submission")
    team, lead = await team_with(graph, live["id"], "Typos")
    with pytest.raises(Invalid) as caught:
        await submissions.submit(
            graph=graph,
            team_id=team,
            author_id=lead,
            data={
                "title": "",
                "summary": "x",
                "links": {"demo": "javascript:alert(1)", "blog": ""},
            },
        )
    fields = {issue.field for issue in caught.value.issues}
    assert fields == {"input.title", "input.links.blog", "input.links.demo"}
    with pytest.raises(NotFound) as unknown:
        await submissions.submit(
            graph=graph,
            team_id=team,
            author_id=lead,
            data={**ENTRY, "datasets": [new_id()]},
            now=DURING_SUBMISSION,
        )
    assert unknown.value.field == "input.datasets[0]"


async def test_edits_are_versioned_and_a_stale_edit_is_a_conflict(graph: GraphEngine) -> None:
    live = await open_challenge(graph, until="submission")
    team, lead = await team_with(graph, live["id"], "Bus Whisperers")
    other_team, other_lead = await team_with(graph, live["id"], "Rivals")
    first = await submissions.submit(
        graph=graph, team_id=team, author_id=lead, data=ENTRY, now=DURING_SUBMISSION
    )
    second = await submissions.edit(
        graph=graph,
        submission_id=first["id"],
        author_id=lead,
        version=1,
        patch={"title": "Bus bunching alerts v2", "links": {"video": "https://vimeo.com/1"}},
        now=DURING_SUBMISSION,
    )
    assert second["version"] == 2 and second["title"] == "Bus bunching alerts v2"
    assert second["repository_url"] == ENTRY["links"]["repository"]
    assert second["video_url"] == "https://vimeo.com/1"
    with pytest.raises(VersionConflict) as stale:
        await submissions.edit(
            graph=graph,
            submission_id=first["id"],
            author_id=lead,
            version=1,
            patch={"summary": "lost?"},
            now=DURING_SUBMISSION,
        )
    assert stale.value.current_version == 2
    assert "you edited version 1, it is now at version 2" in stale.value.message
    # two edits from the same version at once: exactly one wins, the other is told
    results = await asyncio.gather(
        *(
            submissions.edit(
                graph=graph,
                submission_id=first["id"],
                author_id=lead,
                version=2,
                patch={"summary": f"edit {i}"},
                now=DURING_SUBMISSION,
            )
            for i in range(2)
        ),
        return_exceptions=True,
    )
    assert sum(isinstance(r, VersionConflict) for r in results) == 1
    with pytest.raises(NotAMember):
        await submissions.edit(
            graph=graph,
            submission_id=first["id"],
            author_id=other_lead,
            version=3,
            patch={"title": "Sabotage"},
            now=DURING_SUBMISSION,
        )
    with pytest.raises(DeadlinePassed) as locked:
        await submissions.edit(
            graph=graph,
            submission_id=first["id"],
            author_id=lead,
            version=3,
            patch={"title": "After hours"},
            now=AFTER_DEADLINE,
        )
    assert locked.value.message.startswith("the submission is locked")
    stored = await submissions.get_submission(graph=graph, submission_id=first["id"])
    assert "_lock" not in stored  # the lock taken by each edit leaves no trace
    history = await submissions.versions(graph=graph, submission_id=first["id"])
    assert [v["version"] for v in history] == [1, 2, 3]
    assert history[0]["title"] == "Bus bunching alerts"
    assert other_team != team
