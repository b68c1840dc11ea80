"""The iCal feed, JSON-LD and CSV exports, from plain values."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

from challenges.calendar import challenge_events, funding_call_event
from challenges.ical import CalendarEvent, calendar, escape, fold
from challenges.jsonld import challenge_jsonld
from challenges.phases import Schedule
from challenges.ranking import Ranked
from challenges.results_csv import results_csv
from tests.challenges.test_lifecycle import SCHEDULE

NOW = datetime.fromisoformat("2027-01-05T08:30:00+00:00")


def a_challenge(schedule: Schedule = SCHEDULE, **extra: object) -> dict[str, object]:
    return {
        "id": "0b7c0a52-3f7e-4c39-9a55-1b7f3c2f9d10",
        "phase": "registration",
        "title_el": "Ανοιχτά δεδομένα κινητικότητας",
        "title_en": "Open mobility data; buses, bikes, and more",
        "description_en": "Ideas for moving around Thessaloniki.",
        "themes": ["mobility"],
        "prizes": json.dumps([{"kind": "money", "rank": 1, "amount": 5000, "currency": "EUR"}]),
        **schedule.properties(),
        **extra,
    }


def test_text_is_escaped_and_long_lines_fold_at_75_octets_without_splitting_characters() -> None:
    assert escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    line = "SUMMARY:" + "Προθεσμία υποβολής " * 8
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line


def test_the_feed_is_a_valid_calendar_with_stable_uids_and_utc_times() -> None:
    events = challenge_events(a_challenge(), url="https://hub.example.org/c/1")
    call = funding_call_event(
        {
            "id": "7d4f1f5c-6c1a-4a43-8b9e-0a0c9a7a1e11",
            "identifier": "HORIZON-CL5-2027-D6-01-01",
            "title_en": "Zero-emission urban mobility",
            "deadline": "2027-04-15T17:00:00+02:00",
            "timezone": "Europe/Brussels",
            "source_url": "https://ec.europa.eu/info/funding-tenders/x",
        }
    )
    assert call is not None
    text = calendar([*events, call], name="Thessaloniki deadlines", now=NOW)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == 5  # four moments of the challenge, one call
    assert "DTSTART:20270301T160000Z" in unfolded
    assert "DESCRIPTION:Submission deadline at 2027-03-01 18:00 Europe/Athens." in unfolded
    assert "SUMMARY:Submission deadline: Open mobility data\\; buses\\, bikes\\, and more" in (
        unfolded
    )
    assert "DTSTAMP:20270105T083000Z" in unfolded
    assert "UID:funding-call-7d4f1f5c-6c1a-4a43-8b9e-0a0c9a7a1e11-deadline@" in unfolded
    starts = [line for line in unfolded.split("\r\n") if line.startswith("DTSTART")]
    assert starts == sorted(starts)
    again = calendar([*events, call], name="Thessaloniki deadlines", now=NOW)
    assert again == text


def test_a_draft_has_no_events_and_no_public_json_ld() -> None:
    draft = a_challenge(phase="draft")
    assert challenge_events(draft) == []
    assert challenge_jsonld(draft, []) is None
    event = CalendarEvent(uid="x@y", summary="s", start=NOW)
    assert "DESCRIPTION" not in calendar([event], name="n", now=NOW)


def test_json_ld_describes_a_hackathon_and_its_organisers() -> None:
    data = challenge_jsonld(
        a_challenge(),
        [{"name": "Municipality of Thessaloniki", "website": "https://thessaloniki.gr"}],
        url="https://hub.example.org/c/1",
    )
    assert data is not None
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == ["Event", "Hackathon"]
    assert data["startDate"] == "2027-01-10T09:00:00+02:00"
    assert data["endDate"] == "2027-03-20T18:00:00+02:00"
    assert data["organizer"] == [
        {"@type": "Organization", "name": "Municipality of Thessaloniki",
         "url": "https://thessaloniki.gr"}
    ]  # fmt: skip
    assert data["funding"][0]["amount"] == {
        "@type": "MonetaryAmount",
        "value": 5000,
        "currency": "EUR",
    }
    greek = challenge_jsonld(a_challenge(), [], language="el")
    assert greek is not None and greek["name"] == "Ανοιχτά δεδομένα κινητικότητας"
    json.dumps(data)


def test_results_csv_has_a_header_and_one_quoted_row_per_entry() -> None:
    ranked = [
        Ranked(1, "s1", "t1", 'Team "Alpha", Thessaloniki', 82.5, 3, {}, None),
        Ranked(2, "s2", "t2", "Βήτα", None, 0, {}, "score"),
    ]
    text = results_csv(ranked, awarded={"t1": 1})
    assert text.split("\r\n")[0] == "rank,team,score,judges,award_rank,decided_by,submission_id"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["1", 'Team "Alpha", Thessaloniki', "82.500", "3", "1", "", "s1"]
    assert rows[2] == ["2", "Βήτα", "", "0", "", "score", "s2"]
