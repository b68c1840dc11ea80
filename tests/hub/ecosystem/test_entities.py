from __future__ import annotations

import pytest

from hub.ecosystem.entities import decode_cursor, encode_cursor
from hub.ecosystem.errors import ValidationFailed


def test_cursors_round_trip_greek_and_numbers() -> None:
    assert decode_cursor(encode_cursor("θεσσαλονικη", "id-1")) == ("θεσσαλονικη", "id-1")
    assert decode_cursor(encode_cursor(3, "id-2")) == (3, "id-2")


@pytest.mark.parametrize("bad", ["garbage", "W10", "e30", "x" * 3000])
def test_foreign_cursors_are_refused_naming_after(bad: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        decode_cursor(bad)
    assert caught.value.issues[0].field == "after"
