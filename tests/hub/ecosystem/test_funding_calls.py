"""Funding calls in the graph: writes, validation, derived status, filters and pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from graph import GraphEngine
from hub.ecosystem import entities, funding_calls, relations
from hub.ecosystem.errors import Conflict, NotFound, ValidationFailed
from hub.ecosystem.funding_calls import CallStatus, call_status
from hub.ecosystem.ids import new_id

TRICKY = "Κλήση \"Έξυπνη\" {x} 'q' \\ MATCH (n) DETACH DELETE n // RETURN"
NOW = datetime(2027, 1, 10, 12, 0, tzinfo=UTC)
ATHENS_WINTER = timezone(timedelta(hours=2))


def call(**overrides: Any) -> dict[str, Any]:
    return {
        "identifier": "HORIZON-CL5-2027-D2-01-04",
        "title": {"en": "Zero-emission urban logistics"},
        "deadline": "2027-02-18T17:00:00+01:00",
        **overrides,
    }


async def titles(graph: GraphEngine, **given: Any) -> list[str]:
    page = await funding_calls.page(graph, given, first=50, now=NOW)
    return [node["title_en"] for node in page.nodes]


async def test_create_stores_every_field_verbatim_with_utc_keys(graph: GraphEngine) -> None:
    node = await funding_calls.create(
        graph,
        call(
            call_identifier="HORIZON-CL5-2027-D2-01",
            programme="Horizon Europe",
            title={"el": TRICKY, "en": "Smart port–city interfaces"},
            description={"el": "Λιμάνι και πόλη της Θεσσαλονίκης", "en": "Ports"},
            opening_date="2026-10-01T00:00:00+02:00",
            timezone="Europe/Brussels",
            budget_min=2_000_000,
            budget_max=4_000_000,
            expected_grants=3,
            eligible_kinds=["SME", "UNIVERSITY", "SME"],
            eligible_countries=["GR", "CY"],
            source_url="https://ec.europa.eu/info/funding-tenders/opportunities/portal",
            topics=["Λιμάνια", "Logistics"],
        ),
    )
    stored = await entities.get_one(graph, funding_calls.FUNDING_CALL, node["id"])
    assert stored["identifier"] == "HORIZON-CL5-2027-D2-01-04"
    assert stored["title_el"] == TRICKY
    assert stored["deadline"] == "2027-02-18T17:00:00+01:00"
    assert stored["deadline_utc"] == "2027-02-18T16:00:00+00:00"
    assert stored["opening_date"] == "2026-10-01T00:00:00+02:00"
    assert stored["opening_utc"] == "2026-09-30T22:00:00+00:00"
    assert stored["eligible_kinds"] == ["SME", "UNIVERSITY"]
    assert stored["eligible_countries"] == ["EL", "CY"]
    assert stored["budget_min"] == 2_000_000 and stored["budget_max"] == 4_000_000
    assert stored["programme_key"] == "horizon europe"
    assert stored["sort_key"] == "2027-02-18T16:00:00+00:00 smart port–city interfaces"
    assert "θεσσαλονικησ" in stored["search_text"]
    assert "horizon-cl5-2027-d2-01-04" in stored["search_text"]
    assert stored["created_at"] == stored["updated_at"]
    tagged = await relations.neighbours(graph, relations.TAGGED_CALL, [node["id"]], outgoing=True)
    assert sorted(item.node["key"] for item in tagged[node["id"]]) == ["logistics", "λιμανια"]


async def test_partial_update_clearing_and_retagging(graph: GraphEngine) -> None:
    node = await funding_calls.create(
        graph,
        call(
            programme="Horizon Europe",
            description={"en": "x"},
            opening_date="2026-10-01T00:00:00+02:00",
            budget_max=10,
            eligible_kinds=["SME"],
            topics=["AI"],
        ),
    )
    changed = await funding_calls.update(
        graph,
        node["id"],
        {
            "deadline": "2027-03-01T12:00:00-05:00",
            "topics": ["Energy"],
            "call_identifier": "Interreg VI-A Greece–Bulgaria – 2nd call",
        },
    )
    assert changed["deadline_utc"] == "2027-03-01T17:00:00+00:00"
    assert changed["call_identifier"] == "Interreg VI-A Greece–Bulgaria – 2nd call"
    assert changed["programme"] == "Horizon Europe"
    assert changed["description_en"] == "x"
    cleared = await funding_calls.update(
        graph,
        node["id"],
        {
            "programme": None,
            "description": None,
            "opening_date": None,
            "budget_max": None,
            "eligible_kinds": None,
        },
    )
    assert cleared["eligible_kinds"] == []
    for gone in ("programme", "programme_key", "description_en", "opening_date", "opening_utc"):
        assert gone not in cleared
    assert "budget_max" not in cleared
    assert cleared["title_en"] == "Zero-emission urban logistics"
    tagged = await relations.neighbours(graph, relations.TAGGED_CALL, [node["id"]], outgoing=True)
    assert [item.node["name"] for item in tagged[node["id"]]] == ["Energy"]


async def test_duplicate_identifier_is_a_conflict_on_the_field(graph: GraphEngine) -> None:
    first = await funding_calls.create(graph, call())
    with pytest.raises(Conflict) as caught:
        await funding_calls.create(graph, call(title={"en": "Another"}))
    assert caught.value.field == "input.identifier"
    other = await funding_calls.create(graph, call(identifier="HORIZON-CL6-2027-01"))
    with pytest.raises(Conflict) as caught:
        await funding_calls.update(graph, other["id"], {"identifier": first["identifier"]})
    assert caught.value.field == "input.identifier"
    page = await funding_calls.page(graph, first=10)
    assert sorted(node["identifier"] for node in page.nodes) == [
        "HORIZON-CL5-2027-D2-01-04",
        "HORIZON-CL6-2027-01",
    ]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"deadline": "2027-02-18T17:00:00"}, "input.deadline"),
        ({"opening_date": "2026-10-01T00:00:00"}, "input.openingDate"),
        ({"deadline": None}, "input.deadline"),
        ({"identifier": "HORIZON CL5"}, "input.identifier"),
        ({"identifier": "X" * 201}, "input.identifier"),
        ({"identifier": " "}, "input.identifier"),
        ({"title": {}}, "input.title"),
        ({"title": {"el": " ", "en": ""}}, "input.title"),
        ({"title": {"fr": "Appel"}}, "input.title.fr"),
        ({"budget_min": 5, "budget_max": 4}, "input.budgetMax"),
        ({"budget_min": -1}, "input.budgetMin"),
        ({"expected_grants": 10**7}, "input.expectedGrants"),
        ({"opening_date": "2027-03-01T00:00:00+00:00"}, "input.openingDate"),
        ({"timezone": "Mars/Olympus"}, "input.timezone"),
        ({"eligible_kinds": ["GUILD"]}, "input.eligibleKinds.0"),
        ({"eligible_countries": ["XX"]}, "input.eligibleCountries.0"),
        ({"source_url": "javascript:alert(1)"}, "input.sourceUrl"),
        ({"deadline": "1800-01-01T00:00:00+00:00"}, "input.deadline"),
        ({"colour": "red"}, "input.colour"),
    ],
)
async def test_invalid_input_names_the_field_and_writes_nothing(
    graph: GraphEngine, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await funding_calls.create(graph, call(**overrides))
    assert field in {issue.field for issue in caught.value.issues}
    assert await (await funding_calls.page(graph, first=10)).count() == 0


async def test_unknown_ids_are_not_found(graph: GraphEngine) -> None:
    with pytest.raises(NotFound):
        await funding_calls.update(graph, new_id(), {"programme": "X"})
    with pytest.raises(NotFound):
        await funding_calls.delete(graph, new_id())
    with pytest.raises(NotFound):
        await funding_calls.by_identifier(graph, "HORIZON-NONE")


async def test_delete_and_lookup_by_identifier(graph: GraphEngine) -> None:
    node = await funding_calls.create(graph, call())
    found = await funding_calls.by_identifier(graph, "HORIZON-CL5-2027-D2-01-04")
    assert found["id"] == node["id"]
    await funding_calls.delete(graph, node["id"])
    with pytest.raises(NotFound):
        await funding_calls.by_identifier(graph, "HORIZON-CL5-2027-D2-01-04")


# -- status: derived from the dates, never stored ---------------------------------------


@pytest.mark.parametrize(
    ("opening", "deadline", "now", "status"),
    [
        (None, datetime(2027, 2, 18, 16, tzinfo=UTC), NOW, CallStatus.OPEN),
        (datetime(2027, 1, 11, tzinfo=UTC), datetime(2027, 2, 18, tzinfo=UTC), NOW,
         CallStatus.FORTHCOMING),
        (datetime(2027, 1, 10, 12, tzinfo=UTC), datetime(2027, 2, 18, tzinfo=UTC), NOW,
         CallStatus.OPEN),
        (None, datetime(2027, 1, 10, 12, tzinfo=UTC), NOW, CallStatus.CLOSED),
        (None, datetime(2027, 1, 10, 11, 59, 59, tzinfo=UTC), NOW, CallStatus.CLOSED),
        # 13:30 in Athens is 11:30 UTC: passed at 12:00 UTC.
        (None, datetime(2027, 1, 10, 13, 30, tzinfo=ATHENS_WINTER), NOW, CallStatus.CLOSED),
        # 14:30 in Athens is 12:30 UTC: still open.
        (None, datetime(2027, 1, 10, 14, 30, tzinfo=ATHENS_WINTER), NOW, CallStatus.OPEN),
    ],
)  # fmt: skip
def test_status_follows_the_dates(
    opening: datetime | None, deadline: datetime, now: datetime, status: CallStatus
) -> None:
    assert call_status(deadline, opening, now=now) is status


def test_status_of_a_stored_node_uses_its_utc_keys() -> None:
    node = {"deadline_utc": "2027-02-18T16:00:00+00:00", "opening_utc": "2027-01-11T00:00:00+00:00"}
    assert funding_calls.node_status(node, now=NOW) is CallStatus.FORTHCOMING
    assert funding_calls.node_status(node, now=NOW + timedelta(days=2)) is CallStatus.OPEN
    assert funding_calls.node_status(node, now=NOW + timedelta(days=60)) is CallStatus.CLOSED


def test_utc_keys_sort_as_text() -> None:
    early = funding_calls.utc_iso(datetime(2027, 2, 18, 23, 0, tzinfo=ATHENS_WINTER))
    late = funding_calls.utc_iso(datetime(2027, 2, 18, 22, 0, tzinfo=UTC))
    assert early == "2027-02-18T21:00:00+00:00"
    assert early < late


# -- filters and pages --------------------------------------------------------------------


async def seed_calls(graph: GraphEngine) -> None:
    await funding_calls.create(
        graph,
        call(
            identifier="CLOSED-1",
            title={"en": "Closed", "el": "Ανοικτά Δεδομένα"},
            programme="Horizon Europe",
            deadline="2027-01-05T17:00:00+01:00",
            eligible_countries=["EL"],
        ),
    )
    await funding_calls.create(
        graph,
        call(
            identifier="OPEN-1",
            title={"en": "Open"},
            programme="Digital Europe",
            opening_date="2026-12-01T00:00:00+01:00",
            deadline="2027-02-18T17:00:00+01:00",
            eligible_kinds=["SME", "STARTUP"],
        ),
    )
    await funding_calls.create(
        graph,
        call(
            identifier="SOON-1",
            title={"en": "Forthcoming"},
            programme="HORIZON EUROPE",
            opening_date="2027-03-01T00:00:00+01:00",
            deadline="2027-05-01T17:00:00+02:00",
            eligible_kinds=["UNIVERSITY"],
            eligible_countries=["DE", "FR"],
            description={"el": "Η ΘΕΣΣΑΛΟΝΙΚΗ και τα ανοικτά δεδομένα"},
        ),
    )


async def test_filter_by_status_as_of_an_injected_now(graph: GraphEngine) -> None:
    await seed_calls(graph)
    assert await titles(graph, status=["OPEN"]) == ["Open"]
    assert await titles(graph, status=["CLOSED"]) == ["Closed"]
    assert await titles(graph, status=["FORTHCOMING", "CLOSED"]) == ["Closed", "Forthcoming"]
    assert await titles(graph, status=[]) == ["Closed", "Open", "Forthcoming"]
    later = await funding_calls.page(
        graph, {"status": ["OPEN"]}, now=datetime(2027, 3, 2, tzinfo=UTC)
    )
    assert [node["title_en"] for node in later.nodes] == ["Forthcoming"]


async def test_filter_by_deadline_window_in_any_offset(graph: GraphEngine) -> None:
    await seed_calls(graph)
    # OPEN-1 closes at 16:00 UTC, which is 18:00 in Athens.
    assert await titles(
        graph,
        deadline_from=datetime(2027, 2, 18, 18, 0, tzinfo=ATHENS_WINTER),
        deadline_to="2027-02-18T16:00:00Z",
    ) == ["Open"]
    assert await titles(graph, deadline_from="2027-02-18T18:00:01+02:00") == ["Forthcoming"]
    assert await titles(graph, deadline_to="2027-02-18T15:59:59+00:00") == ["Closed"]


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"deadline_from": "2027-02-18T00:00:00"}, "filter.deadlineFrom"),
        ({"deadline_to": datetime(2027, 2, 18)}, "filter.deadlineTo"),
        (
            {"deadline_from": "2027-03-01T00:00:00Z", "deadline_to": "2027-02-01T00:00:00Z"},
            "filter.deadlineTo",
        ),
        ({"country": "XX"}, "filter.country"),
        ({"status": ["SOMETIME"]}, "filter.status.0"),
    ],
)
async def test_invalid_filters_name_the_field(
    graph: GraphEngine, given: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await funding_calls.page(graph, given)
    assert field in {issue.field for issue in caught.value.issues}


async def test_filter_by_eligibility_where_empty_means_any(graph: GraphEngine) -> None:
    await seed_calls(graph)
    assert await titles(graph, eligible_kind="SME") == ["Closed", "Open"]
    assert await titles(graph, eligible_kind="UNIVERSITY") == ["Closed", "Forthcoming"]
    assert await titles(graph, country="GR") == ["Closed", "Open"]
    assert await titles(graph, country="FR") == ["Open", "Forthcoming"]
    assert await titles(graph, country="FR", eligible_kind="SME") == ["Open"]


async def test_filter_by_folded_greek_text_and_programme(graph: GraphEngine) -> None:
    await seed_calls(graph)
    assert await titles(graph, text="ΑΝΟΙΚΤΑ δεδομένα") == ["Closed", "Forthcoming"]
    assert await titles(graph, text="θεσσαλονικη") == ["Forthcoming"]
    assert await titles(graph, text="open-1") == ["Open"]
    assert await titles(graph, programme="horizon europe") == ["Closed", "Forthcoming"]
    assert await titles(graph, programme="Horizon", text="closed") == []


async def test_three_pages_in_deadline_order(graph: GraphEngine) -> None:
    start = datetime(2027, 6, 1, 17, 0, tzinfo=ATHENS_WINTER)
    for index in (4, 1, 7, 0, 3, 6, 2, 5):
        await funding_calls.create(
            graph,
            call(
                identifier=f"CALL-{index}",
                title={"en": f"Call {index}"},
                deadline=(start + timedelta(days=index)).isoformat(),
            ),
        )
    seen: list[str] = []
    after = None
    for expected in (3, 3, 2):
        page = await funding_calls.page(graph, first=3, after=after)
        assert len(page.nodes) == expected
        assert await page.count() == 8
        seen += [node["identifier"] for node in page.nodes]
        after = page.cursors[-1]
    assert not page.has_next_page
    assert seen == [f"CALL-{index}" for index in range(8)]
