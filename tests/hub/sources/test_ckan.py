"""`hub import ckan`: CKAN Action API responses from a loopback portal and from saved files."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from challenges import challenge, datasets
from graph import GraphEngine
from hub.ecosystem.ids import to_global_id
from hub.sources.ckan import import_ckan
from hub.sources.report import SourceError
from tests.challenges.factories import BEFORE, challenge_input, node

SAVED = Path(__file__).parent / "ckan"
NOW = datetime.fromisoformat("2026-11-26T00:00:00+00:00")


class Portal(ThreadingHTTPServer):
    """A CKAN portal on loopback answering with the saved responses; logs what it was asked."""

    requests: list[str]


class Handler(BaseHTTPRequestHandler):
    server: Portal

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        parts = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        status, name = 404, "package_show_not_found.json"
        if parts.path == "/api/3/action/package_search" and query.get("rows") == "2":
            status, name = 200, f"package_search_{query.get('start')}.json"
            if not (SAVED / name).exists():
                status, name = 404, "package_show_not_found.json"
        body = (SAVED / name).read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def portal() -> Iterator[Portal]:
    server = Portal(("127.0.0.1", 0), Handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def address(server: Portal) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}"


async def test_a_portal_is_read_page_by_page_and_a_second_run_changes_nothing(
    graph: GraphEngine, portal: Portal
) -> None:
    first = await import_ckan(graph, [address(portal)], rows=2)
    assert (first.tally("Dataset").created, first.rejections) == (3, [])
    assert [urlsplit(p).query for p in portal.requests] == ["rows=2&start=0", "rows=2&start=2"]
    again = await import_ckan(graph, [address(portal)], rows=2)
    tally = again.tally("Dataset")
    assert (tally.created, tally.updated, tally.unchanged) == (0, 0, 3)

    found = await datasets.find_datasets(graph=graph, text="ΣΤΑΘΜΕΥΣΗΣ αμεα")
    assert len(found) == 1
    parking = found[0]
    assert parking["key"] == "ckan:opendata.thessaloniki.gr:6f1d1b7e-0c4e-4f6a-9f0e-1a2b3c4d5e01"
    assert parking["title"] == "Θέσεις στάθμευσης ΑμεΑ"
    assert parking["publisher"] == "Δήμος Θεσσαλονίκης"
    assert (parking["license_id"], parking["license_title"]) == (
        "cc-by",
        "Creative Commons Attribution",
    )
    assert parking["formats"] == ["CSV", "GEOJSON"]
    assert parking["metadata_modified"] == "2026-09-18T07:45:12.338102+00:00"
    assert parking["source_url"] == (
        "https://opendata.thessaloniki.gr/dataset/theseis-stathmeysis-amea"
    )
    assert json.loads(parking["resources"])[0]["url"].endswith("theseis-amea.csv")


async def test_a_limit_stops_fetching(graph: GraphEngine, portal: Portal) -> None:
    report = await import_ckan(graph, [address(portal)], rows=2, limit=1)
    assert report.tally("Dataset").created == 1
    assert len(portal.requests) == 1


async def test_saved_responses_import_and_a_changed_dataset_is_updated(
    graph: GraphEngine, tmp_path: Path
) -> None:
    saved = SAVED / "package_show_traffic.json"
    report = await import_ckan(graph, [str(saved)])
    assert report.tally("Dataset").created == 1
    data = json.loads(saved.read_text("utf-8"))
    data["result"]["title"] = "Κυκλοφοριακός φόρτος Θεσσαλονίκης (2026)"
    data["result"]["license_url"] = "https://opendefinition.org/licenses/"
    changed = tmp_path / "show.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    second = await import_ckan(graph, [str(changed)])
    assert (second.tally("Dataset").updated, second.tally("Dataset").created) == (1, 0)
    found = await datasets.find_datasets(graph=graph, text="φορτος")
    assert [d["title"] for d in found] == ["Κυκλοφοριακός φόρτος Θεσσαλονίκης (2026)"]
    assert found[0]["key"].startswith("ckan:data.gov.gr:")
    assert found[0]["license_url"] == "https://opendefinition.org/licenses/"


async def test_unusable_packages_are_rejected_with_their_place_and_reason(
    graph: GraphEngine,
) -> None:
    report = await import_ckan(graph, [str(SAVED / "package_search_broken.json")])
    assert report.tally("Dataset").created == 1
    assert [str(r) for r in report.rejections] == [
        "package_search_broken.json:item 1: id: a package needs its CKAN id",
        "package_search_broken.json:item 2: metadata_modified: 'χθες' is not a date",
    ]
    assert "Dataset: created 1, updated 0, unchanged 0, rejected 2" in report.summary()


async def test_an_error_response_or_an_unknown_portal_is_a_source_error(
    graph: GraphEngine, portal: Portal, tmp_path: Path
) -> None:
    with pytest.raises(SourceError, match="CKAN answered with an error: Not found"):
        await import_ckan(graph, [str(SAVED / "package_show_not_found.json")])
    with pytest.raises(SourceError, match="CKAN answered with an error: Not found"):
        await import_ckan(graph, [f"{address(portal)}/api/3/action/package_show?id=missing"])
    anonymous = tmp_path / "no-help.json"
    data = json.loads((SAVED / "package_show_traffic.json").read_text("utf-8"))
    del data["help"]
    anonymous.write_text(json.dumps(data), "utf-8")
    with pytest.raises(SourceError, match="give --portal"):
        await import_ckan(graph, [str(anonymous)])
    report = await import_ckan(graph, [str(anonymous)], portal="https://data.gov.gr")
    assert report.tally("Dataset").created == 1


async def test_datasets_feature_in_a_challenge_with_licence_and_freshness(
    graph: GraphEngine, portal: Portal
) -> None:
    organiser = await node(graph, "Organisation", "Municipality of Thessaloniki")
    created = await challenge.create_challenge(
        graph=graph, data=challenge_input(organiser), now=BEFORE
    )
    # the challenge as GraphQL shows it: its global id
    global_id = to_global_id("Challenge", created["id"])
    await import_ckan(graph, [address(portal)], rows=2, challenge_id=global_id)
    featured = await datasets.challenge_datasets(graph=graph, challenge_id=created["id"], now=NOW)
    summary = [
        (d["title"], d["license_title"], d["freshness"].label, d["freshness"].age_days)
        for d in featured
    ]
    assert summary == [
        ("Θέσεις στάθμευσης ΑμεΑ", "Creative Commons Attribution", "fresh", 68),
        ("Ποιότητα ατμοσφαιρικού αέρα", "Creative Commons Attribution", "stale", 1091),
        ("Σταθμοί κοινόχρηστων ποδηλάτων", "Open Data Commons Attribution License", "current", 295),
    ]
