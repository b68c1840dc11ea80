"""An iCalendar feed (RFC 5545) of deadlines: pure text building, no I/O.

Lines end with CRLF and are folded at 75 octets (never inside a UTF-8 character);
TEXT values escape backslash, semicolon, comma and newlines; every event has a UID that
stays the same across feeds (so calendar apps update rather than duplicate it), a
DTSTAMP, and a DTSTART in UTC (`...Z`), so no VTIMEZONE is needed; the description
gives the time in the challenge's own zone. A DTSTART without DTEND is an instant,
which is what a deadline is (RFC 5545, 3.6.1).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

PRODID = "-//Thessaloniki innovation hub//Deadlines//EN"
LINE_OCTETS = 75


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: datetime  # aware
    description: str | None = None
    url: str | None = None
    categories: Sequence[str] = field(default_factory=tuple)


def escape(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """A content line folded into CRLF-separated parts of at most 75 octets each."""
    parts: list[str] = []
    current = ""
    size = 0
    limit = LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            current, size = " ", 1  # a continuation line starts with one space
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(events: Iterable[CalendarEvent], *, name: str, now: datetime) -> str:
    """The whole VCALENDAR, events in start order (then UID)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    stamp = utc_stamp(now)
    for event in sorted(events, key=lambda e: (e.start.astimezone(UTC), e.uid)):
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{utc_stamp(event.start)}",
            f"SUMMARY:{escape(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        if event.categories:
            lines.append("CATEGORIES:" + ",".join(escape(c) for c in event.categories))
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
