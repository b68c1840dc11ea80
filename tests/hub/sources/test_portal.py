"""The portal's formats: its dates in Brussels time, its JSON files, its identifiers."""

from __future__ import annotations

import json

import pytest

from hub.sources.portal import DEADLINE_HOUR, OPENING_HOUR, json_items, portal_moment, programme_of


@pytest.mark.parametrize(
    "given, hour, stored",
    [
        ("2024-09-18T17:00:00", DEADLINE_HOUR, "2024-09-18T17:00:00+02:00"),  # Brussels time
        ("2024-11-04T23:00:00", DEADLINE_HOUR, "2024-11-05T17:00:00+01:00"),  # midnight, UTC
        ("2024-06-19T22:00:00", OPENING_HOUR, "2024-06-20T00:00:00+02:00"),
        ("2024-02-22T00:00:00", DEADLINE_HOUR, "2024-02-22T17:00:00+01:00"),  # a date
        ("2026-03-17", DEADLINE_HOUR, "2026-03-17T17:00:00+01:00"),  # the JSON's deadline
        ("2026-09-23", DEADLINE_HOUR, "2026-09-23T17:00:00+02:00"),
        ("2024-05-31T23:59:00", DEADLINE_HOUR, "2024-05-31T23:59:00+02:00"),
        ("2024-12-20T12:00:00Z", DEADLINE_HOUR, "2024-12-20T13:00:00+01:00"),
    ],
)
def test_portal_dates_become_brussels_times(given: str, hour: object, stored: str) -> None:
    moment = portal_moment(given, hour)  # type: ignore[arg-type]
    assert moment is not None
    assert moment.isoformat() == stored
    assert str(moment.tzinfo) == "Europe/Brussels"


def test_an_empty_date_is_none_and_a_broken_one_an_error() -> None:
    assert portal_moment("  ", DEADLINE_HOUR) is None
    with pytest.raises(ValueError):
        portal_moment("31/12/2024", DEADLINE_HOUR)


def test_json_is_read_as_an_array_or_as_concatenated_objects() -> None:
    objects = [{"topicId": "A"}, {"topicId": "B"}]
    as_array = json.dumps(objects)
    concatenated = "".join(json.dumps(item) for item in objects)
    expected = [(0, objects[0]), (1, objects[1])]
    assert json_items(as_array) == expected
    assert json_items(concatenated) == expected
    assert json_items("\n" + concatenated.replace("}{", "}\n{") + "\n") == expected
    assert json_items("[]") == []


def test_a_broken_json_item_is_reported_and_the_rest_read() -> None:
    items = json_items('{"topicId": "A"}{"topicId": "B", oops}{"topicId": "C"}')
    assert items[0] == (0, {"topicId": "A"})
    assert isinstance(items[1][1], json.JSONDecodeError)
    assert items[2] == (2, {"topicId": "C"})
    broken_array = json_items('[{"topicId": "A"}, {"topicId": "B",}, 7, {"topicId": "C"}]')
    assert [index for index, _ in broken_array] == [0, 1, 2, 3]
    assert broken_array[2] == (2, 7)
    assert broken_array[3] == (3, {"topicId": "C"})


def test_programmes_follow_from_identifiers() -> None:
    assert programme_of("HORIZON-CL5-2024-D2-01-04") == "Horizon Europe"
    assert programme_of("ERC-2023-SJI-1") == "Horizon Europe"
    assert programme_of("DIGITAL-2024-BESTUSE-TECH-06-TRUST") == "Digital Europe"
    assert programme_of("EuropeAid/181436/DD/ACT/ZA") == "EU External Action"
    assert programme_of("UNKNOWN-2024") is None
