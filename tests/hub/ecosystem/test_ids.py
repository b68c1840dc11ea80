from __future__ import annotations

import pytest

from hub.ecosystem.errors import ValidationFailed
from hub.ecosystem.ids import expect_global_id, from_global_id, new_id, to_global_id


def test_global_ids_round_trip() -> None:
    node_id = new_id()
    assert from_global_id(to_global_id("Organisation", node_id)) == ("Organisation", node_id)


@pytest.mark.parametrize(
    "bad", ["", "not-an-id", "!!!", "T3JnYW5pc2F0aW9uOjE", "x" * 500, "Ωμέγα", "' OR 1=1 --"]
)
def test_malformed_ids_are_invalid(bad: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        from_global_id(bad, "fromId")
    assert caught.value.issues[0].field == "fromId"
    assert caught.value.issues[0].code == "INVALID_ID"


def test_an_id_of_another_type_is_refused() -> None:
    with pytest.raises(ValidationFailed) as caught:
        expect_global_id(to_global_id("Network", new_id()), "Organisation")
    assert caught.value.issues[0].code == "WRONG_TYPE"
