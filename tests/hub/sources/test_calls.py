"""The funding-portal importer: real exports and JSON, and small files with bad rows."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from graph import GraphEngine, Statement
from hub.ecosystem import funding_calls
from hub.ecosystem.fields import validate
from hub.ecosystem.funding_calls import FundingCallFields
from hub.sources import SourceError, import_calls
from tests.hub.sources.conftest import CALLS_JSON, TOPIC_FILES, dump, write_csv

CSV_HEADER = [
    "identifier", "title", "action_type", "type_of_mga_description", "submission_procedure",
    "start_date", "deadline", "deadline2", "budget_min", "budget_max", "project_number",
    "path_id", "reference", "description", "mission_details", "destination_details",
    "beneficiary_administration", "further_information", "duration",
]  # fmt: skip
SMALL_EXPORT = next(path for path in TOPIC_FILES if "upcoming_1725598801354" in path.name)

CALL = Statement(
    name="test_call_by_identifier",
    cypher="MATCH (n:FundingCall {identifier: $key}) RETURN n {.*} AS node",
    example={"key": "x"},
)
CALL_TEXTS = Statement(
    name="test_call_texts",
    cypher="MATCH (n:FundingCall) RETURN n.identifier AS identifier, n.title_en AS title,"
    " n.description_en AS description",
)
CALL_TAGS = Statement(
    name="test_call_tags",
    cypher="MATCH (n:FundingCall {identifier: $key})-[:TAGGED]->(t:Topic) RETURN t.name AS name"
    " ORDER BY name",
    example={"key": "x"},
)


async def call(graph: GraphEngine, identifier: str) -> dict[str, Any]:
    rows = await graph.run(CALL, {"key": identifier})
    assert len(rows) == 1, identifier
    return dict(rows[0]["node"])


def call_row(**values: str) -> list[str]:
    row = {
        "identifier": "HORIZON-CL5-2024-D2-01-04", "title": "Next-generation batteries",
        "action_type": "HORIZON-RIA HORIZON Research and Innovation Actions",
        "submission_procedure": "single-stage", "start_date": "2024-06-19T22:00:00",
        "deadline": "2024-11-04T23:00:00", "budget_min": "3000000", "budget_max": "4000000",
        "project_number": "2", "reference": "12345TOPICSen",
        "description": "<span>ExpectedOutcome</span>:<p>Better cells &amp; packs.</p>"
        "<ul><li>longer life</li><li>lower cost at 75?/kWh</li></ul>",
    }  # fmt: skip
    row.update(values)
    return [row.get(column, "") for column in CSV_HEADER]


def json_item(**values: Any) -> dict[str, Any]:
    item = {
        "reference": "50550637TOPICSen", "topicId": "HORIZON-CL6-2026-01-FARM2FORK-02",
        "title": "Farmersâ€™ cooperatives", "programme": "Horizon Europe",
        "callIdentifier": "HORIZON-CL6-2026-01", "actionType": "RIA", "deadline": "2026-09-23",
        "stage": "two-stage", "callStatus": "forthcoming", "budgetMin": 3000000,
        "budgetMax": 3000000, "expectedGrants": 2,
        "keywords": "HORIZON-CL6-2026-01-FARM2FORK-02, HORIZON-CL6-2026-01, Food systems, "
        "Circular economy",
        "portalUrl": "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/"
        "opportunities/topic-details/horizon-cl6-2026-01-farm2fork-02",
        "description": "Expected Outcome:Cooperatives gain market power.They share data.Scope:"
        "Pilots in â€œrealâ€\x9d regions.",
        "submissionProcedure": {"abbreviation": "two-stage", "description": "two-stage"},
        "callTitle": "Food systems",
    }  # fmt: skip
    item.update(values)
    return item


def write_json(path: Path, items: list[Any], *, array: bool) -> Path:
    if array:
        text = json.dumps(items, ensure_ascii=False)
    else:
        text = "".join(json.dumps(item, ensure_ascii=False) for item in items)
    data = b"\xef\xbb\xbf" + text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


async def test_the_real_json_and_an_export(graph: GraphEngine) -> None:
    report = await import_calls(graph, [SMALL_EXPORT, CALLS_JSON])
    tally = report.tallies["FundingCall"]
    assert tally.created > 600
    assert tally.updated == tally.unchanged == 0
    assert report.rejections == []

    poc = await call(graph, "ERC-2026-POC")
    assert poc["deadline"] == "2026-03-17T17:00:00+01:00"  # a date: 17:00 in Brussels
    assert poc["deadline_utc"] == "2026-03-17T16:00:00+00:00"
    assert poc["timezone"] == "Europe/Brussels"
    assert (poc["call_status"], poc["stage"]) == ("closed", "two-stage")
    assert poc["programme"] == "Horizon Europe"
    assert poc["source"] == "portal"
    assert poc["description_en"].startswith("Objective: The ERC Proof of Concept Grants aim")
    assert "beneficiaries’ personnel costs" in poc["description_en"]
    texts = await graph.run(CALL_TEXTS)
    assert not [row for row in texts if "â€" in (row["description"] or "") + row["title"]]
    assert not [row for row in texts if "<p>" in (row["description"] or "")]
    # What the API makes of the stored call is what was stored.
    fields = validate(FundingCallFields, funding_calls.current_fields(poc))
    stored = {
        key: value for key, value in poc.items() if key in funding_calls.to_properties(fields)
    }
    assert {k: v for k, v in funding_calls.to_properties(fields).items() if v is not None} == {
        k: v for k, v in stored.items() if v is not None
    }

    again = await import_calls(graph, [SMALL_EXPORT, CALLS_JSON])
    assert again.tallies["FundingCall"].unchanged == tally.created
    assert again.tallies["FundingCall"].created == again.tallies["FundingCall"].updated == 0


async def test_csv_rows_are_cleaned_dated_and_bad_ones_rejected(
    graph: GraphEngine, tmp_path: Path
) -> None:
    export = write_csv(
        tmp_path / "output_query-open_1.csv.gz",
        CSV_HEADER,
        [
            call_row(),
            call_row(identifier="HORIZON-CL4-2023-DIGITAL-EMERGING 01-33", start_date="",
                     deadline="2023-03-29T00:00:00", budget_min="0", budget_max="0",
                     description="Expected Outcome: results.\n?\tOne\n?\tTwo"),
            call_row(identifier="HORIZON-X-1", deadline="29/03/2023"),
            call_row(identifier="HORIZON-X-2", budget_min="three million"),
            call_row(identifier="HORIZON-X-3", start_date="2025-01-01T00:00:00"),
            call_row(identifier="HORIZON-X-4", deadline=""),
            call_row(identifier="HORIZON-X-5")[:10],
        ],
        delimiter=",",
    )  # fmt: skip
    report = await import_calls(graph, [export])
    assert [str(rejection) for rejection in report.rejections] == [
        "output_query-open_1.csv.gz:6: deadline '29/03/2023' is not a date",
        "output_query-open_1.csv.gz:7: budget_min 'three million' is not a number",
        "output_query-open_1.csv.gz:8: openingDate: must be before the deadline",
        "output_query-open_1.csv.gz:9: deadline: is required",
        "output_query-open_1.csv.gz:10: has 10 fields where the header has 19",
    ]
    assert report.tallies["FundingCall"].created == 2

    battery = await call(graph, "HORIZON-CL5-2024-D2-01-04")
    assert battery["opening_date"] == "2024-06-20T00:00:00+02:00"
    assert battery["deadline"] == "2024-11-05T17:00:00+01:00"
    assert battery["description_en"] == (
        "Expected Outcome:\n\nBetter cells & packs.\n\n- longer life\n- lower cost at 75?/kWh"
    )
    assert (battery["budget_min"], battery["budget_max"], battery["expected_grants"]) == (
        3_000_000,
        4_000_000,
        2,
    )
    assert battery["programme"] == "Horizon Europe"
    assert battery["source_url"].endswith("/topic-details/horizon-cl5-2024-d2-01-04")
    assert battery["action_type"] == "HORIZON-RIA HORIZON Research and Innovation Actions"
    emerging = await call(graph, "HORIZON-CL4-2023-DIGITAL-EMERGING-01-33")  # lost `-` put back
    assert emerging["description_en"] == "Expected Outcome: results.\n- One\n- Two"
    assert "budget_min" not in emerging and "opening_date" not in emerging


async def test_json_items_are_repaired_and_bad_ones_rejected(
    graph: GraphEngine, tmp_path: Path
) -> None:
    path = tmp_path / "calls-2026.json"
    items: list[Any] = [
        json_item(),
        json_item(topicId="HORIZON-X-1", deadline="2026-02-30"),
        "not an object",
        json_item(topicId="HORIZON-X-2", title=["a", "list"]),
        json_item(topicId="HORIZON-X-3", deadline=None),
    ]
    text = "".join(json.dumps(item, ensure_ascii=False) for item in items)
    broken = text.replace('{"reference"', '{"reference": oops, "x"', 1)  # item 0 unreadable
    path.write_bytes(b"\xef\xbb\xbf" + (text + broken[: broken.index("}") + 1]).encode())
    report = await import_calls(graph, [path])
    assert [str(rejection) for rejection in report.rejections] == [
        "calls-2026.json:item 1: deadline '2026-02-30' is not a date",
        "calls-2026.json:item 2: a JSON str, not an object",
        "calls-2026.json:item 3: title is a JSON list, not a string",
        "calls-2026.json:item 4: deadline: is required",
        "calls-2026.json:item 5: not JSON: Expecting value (line 1)",
    ]
    farm = await call(graph, "HORIZON-CL6-2026-01-FARM2FORK-02")
    assert farm["title_en"] == "Farmers’ cooperatives"
    assert farm["description_en"] == (
        "Expected Outcome: Cooperatives gain market power. They share data.\n\n"
        "Scope: Pilots in “real” regions."
    )
    assert farm["deadline"] == "2026-09-23T17:00:00+02:00"
    assert farm["keywords"] == ["Food systems", "Circular economy"]
    assert farm["topics"] == ["Food systems", "Circular economy"]
    assert [row["name"] for row in await graph.run(CALL_TAGS, {"key": farm["identifier"]})] == [
        "Circular economy",
        "Food systems",
    ]
    assert farm["call_identifier"] == "HORIZON-CL6-2026-01"
    assert (farm["call_status"], farm["stage"], farm["submission_procedure"]) == (
        "forthcoming",
        "two-stage",
        "two-stage",
    )


async def test_json_array_plain_and_concatenated_gzipped_import_alike(
    graph: GraphEngine, other_graph: GraphEngine, tmp_path: Path
) -> None:
    items = [json_item(), json_item(topicId="HORIZON-CL6-2026-01-FARM2FORK-03")]
    await import_calls(graph, [write_json(tmp_path / "a.json", items, array=True)])
    await import_calls(other_graph, [write_json(tmp_path / "b.json.gz", items, array=False)])
    assert await dump(graph) == await dump(other_graph)


async def test_the_richer_description_wins_in_one_run_and_across_runs(
    graph: GraphEngine, tmp_path: Path
) -> None:
    rich = "<p>" + "Batteries for heavy-duty transport and grid storage. " * 20 + "</p>"
    poor_file = write_csv(
        tmp_path / "poor.csv", CSV_HEADER, [call_row(description="See ? the ? ? ? ? ?")],
        delimiter=",",
    )  # fmt: skip
    rich_row = call_row(description=rich, budget_min="", budget_max="")
    rich_file = write_csv(tmp_path / "rich.csv", CSV_HEADER, [rich_row], delimiter=",")
    report = await import_calls(graph, [poor_file, rich_file])
    assert report.tallies["FundingCall"].created == 1
    battery = await call(graph, "HORIZON-CL5-2024-D2-01-04")
    assert battery["description_en"].startswith("Batteries for heavy-duty transport")
    assert battery["budget_min"] == 3_000_000  # filled from the other row
    assert battery["budget_max"] == 4_000_000

    again = await import_calls(graph, [poor_file])  # a poorer text does not replace it
    assert again.tallies["FundingCall"].unchanged == 1
    assert (await call(graph, battery["identifier"]))["description_en"] == (
        battery["description_en"]
    )


async def test_missing_files_are_source_errors(graph: GraphEngine, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="is not a file"):
        await import_calls(graph, [tmp_path / "none.csv"])
    with pytest.raises(SourceError, match="at least one"):
        await import_calls(graph, [])
