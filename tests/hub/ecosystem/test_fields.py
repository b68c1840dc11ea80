from __future__ import annotations

import pytest

from hub.ecosystem.errors import ValidationFailed
from hub.ecosystem.fields import validate
from hub.ecosystem.organisations import OrganisationFields


def _issues(data: dict[str, object]) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        validate(OrganisationFields, data)
    return {issue.field: issue.message for issue in caught.value.issues}


def test_greece_and_britain_use_the_eu_codes() -> None:
    fields = validate(OrganisationFields, {"name": "x", "kind": "SME", "country": "gr"})
    assert fields.country == "EL"
    assert validate(OrganisationFields, {"name": "x", "kind": "SME", "country": "GB"}).country == (
        "UK"
    )


def test_each_bad_field_is_named_with_what_is_allowed() -> None:
    issues = _issues(
        {
            "name": "x" * 301,
            "kind": "SPACESHIP",
            "website": "ftp://files",
            "country": "ZZ",
            "pic": "12ab",
            "latitude": 91,
            "longitude": 0,
            "sectors": ["ok", ""],
            "colour": "blue",
        }
    )
    assert issues["input.name"] == "must be at most 300 characters"
    assert "STARTUP" in issues["input.kind"]
    assert "https://" in issues["input.website"]
    assert "two-letter" in issues["input.country"]
    assert issues["input.pic"] == "has the wrong format"
    assert issues["input.latitude"] == "must be at most 90"
    assert issues["input.sectors.1"] == "must not be empty"
    assert issues["input.colour"] == "is not a known field"


@pytest.mark.parametrize("text", ["nul\x00", "bell\x07", "\ud800"])
def test_control_characters_and_broken_unicode_are_refused(text: str) -> None:
    assert "input.name" in _issues({"name": text, "kind": "SME"})


def test_coordinates_come_in_pairs() -> None:
    assert "input" in _issues({"name": "x", "kind": "SME", "latitude": 40.6})
