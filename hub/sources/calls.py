"""Funding calls from the EU Funding & Tenders portal: its CSV search exports and JSON.

- CSV (`output_query-*.csv[.gz]`): comma-separated, 19 columns, HTML in `description`,
  `?` where characters were lost upstream (they stay; a `?` bullet becomes `- `). In the
  work-programme file a lost `-` in a few identifiers became a space: it is put back.
  CSV rows have no programme (it follows from the identifier) and no portal address (the
  topic page's address is built from the identifier).
- JSON (`calls-*.json[.gz]`): see `portal`. Texts are mojibake in places (`â€™`),
  repaired; `keywords` (less the echoed identifiers) are kept and tag the call as topics.

Dates are read as `portal.portal_moment` says and stored with their offset
(`+01:00`/`+02:00`) and `timezone: Europe/Brussels`. Each row goes through the API's
validation (`FundingCallFields` + `funding_calls.check`) and mapping
(`funding_calls.to_properties`); failing rows are rejected with their file and line (CSV)
or `item N` (JSON, from 0). Descriptions longer than the API's 20,000 characters are cut at
a paragraph.

One topic may appear in several rows and files: rows are merged per `identifier`, keeping
the richest description (the most letters and digits), and the dates and title of that
same row; other missing fields are filled from the other rows. A description already in
the graph that is richer than the imported one is kept. Extra properties: `source`
("portal"), `action_type`, `submission_procedure`, `second_deadline`, `reference`, and from
JSON `keywords`, `call_status`, `stage`, `call_title` (as given).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from datetime import time as clock
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from graph import GraphEngine, Statement
from hub.ecosystem import funding_calls
from hub.ecosystem.errors import ValidationFailed
from hub.ecosystem.fields import Localized, Tag, Url, validate
from hub.ecosystem.funding_calls import FundingCallFields
from hub.sources import writer
from hub.sources.cleaning import bounded, portal_text, repair_mojibake, richness
from hub.sources.csvfiles import read_rows, read_text
from hub.sources.portal import (
    DEADLINE_HOUR,
    OPENING_HOUR,
    TIMEZONE,
    TOPIC_URL,
    json_items,
    portal_moment,
    programme_of,
)
from hub.sources.report import (
    ImportReport,
    NoProgress,
    Progress,
    Rejection,
    SourceError,
    problem_of,
)

SOURCE = "portal"
KIND = "FundingCall"
MAX_TEXT = 20_000  # the API's limit for a description
CSV_COLUMNS = (
    "identifier", "title", "action_type", "submission_procedure", "start_date", "deadline",
    "deadline2", "budget_min", "budget_max", "project_number", "reference", "description",
)  # fmt: skip
# Fields a merged call takes from another row of the same topic when its own row lacks them.
FILLED = ("call_identifier", "programme", "expected_grants", "source_url", "topics")
# Fields people may set that the portal does not give: an update leaves them as they are.
NOT_FROM_PORTAL = ("eligible_kinds", "eligible_countries", "title_el", "description_el")

STORED_DESCRIPTIONS = Statement(
    name="import_funding_call_descriptions",
    cypher="UNWIND $keys AS key MATCH (n:FundingCall {identifier: key}) "
    "RETURN key, n.description_en AS description",
    example={"keys": ["HORIZON-CL5-2024-D2-01-04"]},
)

_URL = TypeAdapter(Url)
_TAG = TypeAdapter(Tag)


@dataclass
class _Call:
    """One valid row: its validated fields, its extra properties, and its place in the input."""

    order: int
    fields: FundingCallFields
    extras: dict[str, Any]

    @property
    def identifier(self) -> str:
        return self.fields.identifier

    @property
    def richness(self) -> int:
        return richness(self.fields.description.en if self.fields.description else None)


async def import_calls(
    graph: GraphEngine,
    files: Sequence[Path],
    *,
    progress: Progress | None = None,
    batch_size: int = 500,
) -> ImportReport:
    """Import portal CSV exports and JSON files (gzipped or not); re-running changes nothing."""
    started = time.monotonic()
    report = ImportReport()
    steps = progress or NoProgress()
    check_files(files)
    calls = read_calls(files, report, steps)
    merged = [_merge(group) for group in _by_identifier(calls).values()]
    records = await _records(graph, merged, batch_size)
    await writer.write_nodes(
        graph, writer.FUNDING_CALLS, records, report=report, progress=steps, batch_size=batch_size
    )
    await writer.link_funded_by(graph, report=report, progress=steps)
    report.seconds = time.monotonic() - started
    return report


def check_files(files: Sequence[Path]) -> None:
    """Raise SourceError unless every path is an existing file."""
    if not files:
        raise SourceError("give at least one portal CSV or JSON file")
    for path in files:
        if not path.is_file():
            raise SourceError(f"{path} is not a file: give the portal's CSV or JSON files")


# -- reading --------------------------------------------------------------------------------


def read_calls(files: Sequence[Path], report: ImportReport, progress: Progress) -> list[_Call]:
    """Every valid row of the files, in order; the others are rejected in `report`."""
    cache = _Texts()
    calls: list[_Call] = []
    for path in files:
        progress.stage(f"reading {path.name}", None)
        text = read_text(path)
        if text.lstrip()[:1] in ("[", "{"):
            calls.extend(_read_json(path, text, report, len(calls), cache))
        else:
            calls.extend(_read_csv(path, report, len(calls), cache))
        progress.advance(1)
    return calls


def _read_csv(path: Path, report: ImportReport, order: int, cache: _Texts) -> list[_Call]:
    calls: list[_Call] = []
    for line, row in read_rows(path, delimiter=",", required=CSV_COLUMNS, kind=KIND, report=report):
        try:
            call = _csv_call(row, order + len(calls), cache)
        except _Rejected as exc:
            report.reject(Rejection(path.name, str(line), KIND, exc.reason, exc.message))
            continue
        calls.append(call)
    return calls


def _csv_call(row: Mapping[str, str], order: int, cache: _Texts) -> _Call:
    # A topic identifier has no spaces; in the work-programme file a lost `-` became one.
    identifier = "-".join(row["identifier"].split())
    data = {
        "identifier": identifier,
        "programme": programme_of(identifier),
        "title": {"en": _line(row["title"])},
        "description": _description(row["description"]),
        "opening_date": _moment(row, "start_date", OPENING_HOUR),
        "deadline": _moment(row, "deadline", DEADLINE_HOUR),
        "timezone": TIMEZONE,
        "budget_min": _amount(row, "budget_min"),
        "budget_max": _amount(row, "budget_max"),
        "expected_grants": _amount(row, "project_number"),
        "source_url": _url(TOPIC_URL.format(identifier.lower())) if identifier else None,
    }
    second = _moment(row, "deadline2", DEADLINE_HOUR)
    extras = {
        "action_type": _line(row["action_type"]) or None,
        "submission_procedure": _line(row["submission_procedure"]) or None,
        "second_deadline": second.isoformat() if second else None,
        "reference": row["reference"].strip() or None,
    }
    return _checked(data, extras, order, cache)


def _read_json(
    path: Path, text: str, report: ImportReport, order: int, cache: _Texts
) -> list[_Call]:
    calls: list[_Call] = []
    for index, item in json_items(text):
        try:
            if isinstance(item, json.JSONDecodeError):
                raise _Rejected("json", f"not JSON: {item.msg} (line {item.lineno})")
            if not isinstance(item, dict):
                raise _Rejected("json", f"a JSON {type(item).__name__}, not an object")
            call = _json_call(item, order + len(calls), cache)
        except _Rejected as exc:
            report.reject(Rejection(path.name, f"item {index}", KIND, exc.reason, exc.message))
            continue
        calls.append(call)
    return calls


def _json_call(item: Mapping[str, Any], order: int, cache: _Texts) -> _Call:
    identifier = _string(item, "topicId").strip()
    call_identifier = _line(_string(item, "callIdentifier"))
    echoes = {identifier.lower(), call_identifier.lower()}
    keywords = [
        keyword
        for part in _string(item, "keywords").split(",")
        if (keyword := _line(part)) and keyword.lower() not in echoes
    ]
    keywords = list(dict.fromkeys(keywords))
    procedure = item.get("submissionProcedure")
    if isinstance(procedure, Mapping):
        procedure = procedure.get("abbreviation")
    data = {
        "identifier": identifier,
        "call_identifier": call_identifier or None,
        "programme": _line(_string(item, "programme")) or programme_of(identifier),
        "title": {"en": _line(_string(item, "title"))},
        "description": _description(_string(item, "description")),
        "deadline": _moment({"deadline": _string(item, "deadline")}, "deadline", DEADLINE_HOUR),
        "timezone": TIMEZONE,
        "budget_min": _number(item, "budgetMin"),
        "budget_max": _number(item, "budgetMax"),
        "expected_grants": _number(item, "expectedGrants"),
        "source_url": _url(_string(item, "portalUrl").strip()),
        "topics": [keyword for keyword in keywords if _valid(_TAG, keyword)],
    }
    extras = {
        "keywords": keywords,
        "call_status": _line(_string(item, "callStatus")) or None,
        "stage": _line(_string(item, "stage")) or None,
        "action_type": _line(_string(item, "actionType")) or None,
        "submission_procedure": _line(procedure) if isinstance(procedure, str) else None,
        "call_title": _line(_string(item, "callTitle")) or None,
        "reference": _line(_string(item, "reference")) or None,
    }
    return _checked(data, extras, order, cache)


# -- fields ---------------------------------------------------------------------------------


class _Rejected(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _checked(data: dict[str, Any], extras: dict[str, Any], order: int, cache: _Texts) -> _Call:
    """The row through the API's validation: FundingCallFields, then funding_calls.check.

    The description, most of the text, is validated on its own as the `Localized` it is
    declared as, once per distinct text (the same topic text comes in several files).
    """
    given = {key: value for key, value in data.items() if value is not None}
    try:
        fields = validate(FundingCallFields, {**given, "description": None})
        description = given.get("description")
        if description is not None:
            fields = fields.model_copy(update={"description": cache.localized(description)})
        funding_calls.check(fields)
    except ValidationFailed as exc:
        raise _Rejected(*problem_of(exc)) from None
    return _Call(order, fields, {"source": SOURCE, **extras})


class _Texts:
    """Validated descriptions by their text."""

    def __init__(self) -> None:
        self._known: dict[tuple[tuple[str, str | None], ...], Localized] = {}

    def localized(self, value: Mapping[str, str | None]) -> Localized:
        key = tuple(sorted(value.items()))
        if key not in self._known:
            self._known[key] = validate(Localized, value, "input.description")
        return self._known[key]


def _moment(row: Mapping[str, str], column: str, hour: clock) -> datetime | None:
    try:
        return portal_moment(row[column], hour)
    except ValueError:
        raise _Rejected(column, f"{column} {row[column].strip()!r} is not a date") from None


def _amount(row: Mapping[str, str], column: str) -> int | None:
    """A whole amount; 0 and empty mean unknown in the exports."""
    value = row[column].strip()
    if not value:
        return None
    try:
        amount = round(float(value))
    except ValueError:
        raise _Rejected(column, f"{column} {value!r} is not a number") from None
    return amount or None


def _number(item: Mapping[str, Any], key: str) -> int | None:
    value = item.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Rejected(key, f"{key} {value!r} is not a number")
    return round(value) or None


def _string(item: Mapping[str, Any], key: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Rejected(key, f"{key} is a JSON {type(value).__name__}, not a string")
    return value


def _line(value: str) -> str:
    return " ".join(repair_mojibake(value).split())


def _description(value: str) -> dict[str, str] | None:
    text = bounded(portal_text(value), MAX_TEXT) if value.strip() else ""
    return {"en": text} if text else None


def _url(value: str) -> str | None:
    return value if value and _valid(_URL, value) else None


def _valid(adapter: TypeAdapter[Any], value: Any) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


# -- merging and writing --------------------------------------------------------------------


def _by_identifier(calls: list[_Call]) -> dict[str, list[_Call]]:
    groups: dict[str, list[_Call]] = defaultdict(list)
    for call in calls:
        groups[call.identifier].append(call)
    return dict(sorted(groups.items()))


def _merge(group: list[_Call]) -> _Call:
    """The richest row of a topic, its missing fields filled from the others in order."""
    ordered = sorted(group, key=lambda call: (-call.richness, call.order))
    base = ordered[0]
    fields, extras = base.fields, dict(base.extras)
    for other in ordered[1:]:
        filled = {
            key: getattr(other.fields, key)
            for key in FILLED
            if not getattr(fields, key) and getattr(other.fields, key)
        }
        if fields.budget_min is None and fields.budget_max is None:
            filled |= {"budget_min": other.fields.budget_min, "budget_max": other.fields.budget_max}
        fields = fields.model_copy(update=filled)
        for key, value in other.extras.items():
            if extras.get(key) in (None, "", []) and value not in (None, "", []):
                extras[key] = value
    try:
        funding_calls.check(fields)
    except ValidationFailed:
        return base
    return _Call(base.order, fields, extras)


async def _records(
    graph: GraphEngine, calls: list[_Call], batch_size: int
) -> list[writer.NodeRecord]:
    """The calls as node records; a richer description already stored is kept."""
    stored: dict[str, str | None] = {}
    for batch in writer.batches([call.identifier for call in calls], batch_size):
        for row in await graph.run(STORED_DESCRIPTIONS, {"keys": list(batch)}):
            stored[row["key"]] = row["description"]
    records = []
    for call in calls:
        fields = call.fields
        kept = stored.get(call.identifier)
        if kept and richness(kept) > call.richness:
            fields = fields.model_copy(update={"description": Localized(en=kept)})
        properties = {**funding_calls.to_properties(fields), **call.extras}
        records.append(
            writer.NodeRecord(
                key=call.identifier,
                props={k: v for k, v in properties.items() if k not in NOT_FROM_PORTAL},
                extra={k: v for k, v in properties.items() if k in NOT_FROM_PORTAL},
                topics=fields.topics,
            )
        )
    return records
