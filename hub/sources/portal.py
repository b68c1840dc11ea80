"""The Funding & Tenders portal's formats: its dates, its JSON files, its identifiers.

Dates carry no offset and come in two shapes: Brussels wall time (`2024-09-18T17:00:00`),
or a Brussels date given as its midnight in UTC (`2024-11-04T23:00:00` for 5 November;
the later CSV exports do this). A deadline given as a date is 17:00 Brussels time (the
portal's usual hour), an opening date 00:00 Brussels time.

The "JSON array" download is, in the real 2026 file, a UTF-8 BOM and then objects simply
concatenated; both that and a real array are read, item by item.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from datetime import time as clock
from typing import Any
from zoneinfo import ZoneInfo

TIMEZONE = "Europe/Brussels"
BRUSSELS = ZoneInfo(TIMEZONE)
DEADLINE_HOUR = clock(17, 0)
OPENING_HOUR = clock(0, 0)
TOPIC_URL = (
    "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/"
    "topic-details/{}"
)
# The portal's programme names, by the topic identifier's first part (CSV rows lack them).
PROGRAMMES = {
    "HORIZON": "Horizon Europe", "ERC": "Horizon Europe", "EURATOM": "Euratom",
    "DIGITAL": "Digital Europe", "CEF": "Connecting Europe Facility",
    "EDF": "European Defence Fund", "LIFE": "LIFE", "CREA": "Creative Europe",
    "EU4H": "EU4Health", "SMP": "Single Market Programme", "CERV": "CERV", "RFCS": "RFCS",
    "ERASMUS": "Erasmus+", "I3": "Interregional Innovation", "EMFAF": "EMFAF", "ISF": "ISF",
    "EUBA": "EU Agencies", "PPPA": "Pilot Projects & Preparatory Actions",
}  # fmt: skip


def programme_of(identifier: str) -> str | None:
    """The programme a topic identifier names by its first part, e.g. HORIZON-... ."""
    if identifier.startswith("EuropeAid/"):
        return "EU External Action"
    return PROGRAMMES.get(identifier.split("-", 1)[0])


def portal_moment(value: str, hour: clock) -> datetime | None:
    """A portal date or date-time as a Brussels time (see the module's notes)."""
    value = value.strip()
    if not value:
        return None
    moment = datetime.fromisoformat(value)  # ValueError when it is neither
    if moment.tzinfo is not None:
        return moment.astimezone(BRUSSELS)
    if moment.time() == clock(0, 0):
        return datetime.combine(moment.date(), hour, BRUSSELS)
    local = moment.replace(tzinfo=UTC).astimezone(BRUSSELS)
    if local.time() == clock(0, 0):  # a Brussels date written as its midnight in UTC
        return datetime.combine(local.date(), hour, BRUSSELS)
    return moment.replace(tzinfo=BRUSSELS)


def json_items(text: str) -> list[tuple[int, Any]]:
    """The items of a JSON array, or of JSON values simply concatenated, with their index.

    An item that is not valid JSON becomes its JSONDecodeError, and reading goes on after
    it (where its brackets close), so one broken item does not lose the rest.
    """
    decoder = json.JSONDecoder()
    items: list[tuple[int, Any]] = []
    position = _skip(text, 0)
    in_array = text.startswith("[", position)
    if in_array:
        position += 1
    while True:
        position = _skip(text, position, commas=True)
        if position >= len(text) or (in_array and text[position] == "]"):
            return items
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            items.append((len(items), exc))
            position = _item_end(text, position)
            continue
        items.append((len(items), value))


def _skip(text: str, position: int, *, commas: bool = False) -> int:
    while position < len(text) and (text[position].isspace() or (commas and text[position] == ",")):
        position += 1
    return position


def _item_end(text: str, start: int) -> int:
    """Where the value starting at `start` ends, going by its brackets and strings."""
    depth = 0
    in_string = False
    position = start
    while position < len(text):
        char = text[position]
        if in_string:
            if char == "\\":
                position += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth <= 0:
                return position + 1
        elif depth == 0 and char == ",":
            return position
        position += 1
    return len(text)
