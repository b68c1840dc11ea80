"""Open datasets from CKAN portals (data.gov.gr, opendata.thessaloniki.gr, ...).

Reads CKAN Action API responses, from a file or a URL:
- `package_search` (`{"help", "success": true, "result": {"count", "results": [...]}}`),
  fetched page by page (`rows`, `start`) until `count` is reached (or `--max`);
- `package_show` (`{"help", "success": true, "result": {package}}`).
A portal's address (`https://opendata.thessaloniki.gr`) means its `package_search`.

Each package becomes a `Dataset` keyed `ckan:<portal host>:<package id>` (the host comes
from the URL, or from the envelope's `help` address for a file) with its title, notes,
publisher (`organization`), licence, `metadata_modified` (CKAN writes UTC without an
offset: stored with `+00:00`), the formats and URLs of its resources and its tags. A
package without an id or a title is rejected (`item N`). Writing is idempotent: a
dataset whose content hash is unchanged is not written again (see `challenges.datasets`).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx

from challenges import datasets
from challenges.challenge import get_challenge
from challenges.errors import ChallengeError
from challenges.text import fold, search_text
from graph import GraphEngine
from hub.ecosystem.errors import HubError
from hub.ecosystem.ids import from_global_id
from hub.sources.csvfiles import read_text
from hub.sources.report import ImportReport, NoProgress, Progress, Rejection, SourceError

KIND = "Dataset"
PAGE_ROWS = 100
MAX_NOTES = 20_000
TIMEOUT = 30.0
BATCH = 200


@dataclass(frozen=True)
class Page:
    """One CKAN response: where it came from, the portal, its packages, the total."""

    label: str
    portal: str | None
    packages: list[Any]
    count: int | None  # package_search's total; None for package_show


def envelope_result(data: Any, label: str) -> Any:
    """The `result` of a CKAN Action API response; an error response is a SourceError."""
    if not isinstance(data, Mapping) or "success" not in data:
        raise SourceError(f"{label}: not a CKAN Action API response (no `success`)")
    if data["success"] is not True:
        error = data.get("error") or {}
        message = error.get("message") if isinstance(error, Mapping) else error
        raise SourceError(f"{label}: CKAN answered with an error: {message}")
    return data.get("result")


def parse_page(data: Any, label: str, portal: str | None = None) -> Page:
    """One response; its portal is the one its `help` address names, else `portal`.

    The `help` address is built from the portal's own configured site URL, so a dataset
    keeps its key whether it came from a saved file, a mirror or the portal itself.
    """
    result = envelope_result(data, label)
    help_url = data.get("help") if isinstance(data, Mapping) else None
    portal = _portal_of(help_url) or portal
    if isinstance(result, Mapping) and isinstance(result.get("results"), list):
        count = result.get("count")
        return Page(
            label, portal, list(result["results"]), count if isinstance(count, int) else None
        )
    if isinstance(result, Mapping):
        return Page(label, portal, [result], None)
    raise SourceError(f"{label}: the result is neither a package_search nor a package_show")


def _portal_of(url: Any) -> str | None:
    if not isinstance(url, str):
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    path = parts.path.split("/api/", 1)[0].rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def action_url(source: str, rows: int) -> tuple[str, bool]:
    """The API address to fetch for a URL given on the command line, and whether it pages."""
    parts = urlsplit(source)
    if "/api/3/action/" in parts.path:
        return source, parts.path.rstrip("/").endswith("package_search")
    base = source.rstrip("/")
    return f"{base}/api/3/action/package_search?{urlencode({'rows': rows, 'start': 0})}", True


def _with_page(url: str, start: int, rows: int) -> str:
    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    query.update(rows=str(rows), start=str(start))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


async def fetch_pages(
    source: str,
    *,
    rows: int = PAGE_ROWS,
    limit: int | None = None,
    progress: Progress | None = None,
    client: httpx.AsyncClient | None = None,
) -> list[Page]:
    """Every page of a CKAN URL (package_search pages until `count` or `limit`)."""
    steps = progress or NoProgress()
    url, paged = action_url(source, rows)
    portal = _portal_of(url)
    owned = client is None
    http = client or httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=True)
    pages: list[Page] = []
    try:
        start = 0
        while True:
            page_url = _with_page(url, start, rows) if paged else url
            page = parse_page(await _get_json(http, page_url), page_url, portal)
            if not pages:
                total = (
                    page.count if limit is None or page.count is None else min(limit, page.count)
                )
                steps.stage(f"fetching {urlsplit(url).netloc}", total)
            pages.append(page)
            steps.advance(len(page.packages))
            start += len(page.packages)
            wanted = page.count if limit is None or page.count is None else min(limit, page.count)
            if not paged or not page.packages or wanted is None or start >= wanted:
                break
    finally:
        if owned:
            await http.aclose()
    if limit is not None:
        _cut(pages, limit)
    return pages


def _cut(pages: list[Page], limit: int) -> None:
    left = limit
    for index, page in enumerate(pages):
        pages[index] = Page(page.label, page.portal, page.packages[: max(left, 0)], page.count)
        left -= len(page.packages)


async def _get_json(client: httpx.AsyncClient, url: str) -> Any:
    try:
        response = await client.get(url, headers={"Accept": "application/json"})
    except httpx.HTTPError as exc:
        raise SourceError(f"cannot fetch {url}: {exc}; check the address and the network") from exc
    try:
        data = response.json()
    except ValueError:
        raise SourceError(
            f"{url}: HTTP {response.status_code}, not JSON; give a CKAN portal or API address"
        ) from None
    if response.status_code >= 400 and not isinstance(data, Mapping):
        raise SourceError(f"{url}: HTTP {response.status_code}")
    return data


def check_sources(sources: Sequence[str]) -> None:
    """Raise SourceError unless every source is an http(s) address or an existing file."""
    if not sources:
        raise SourceError("give at least one CKAN portal or API URL, or a saved response")
    for source in sources:
        if urlsplit(source).scheme not in ("http", "https") and not Path(source).is_file():
            raise SourceError(f"{source} is not a file: give a saved CKAN API response or a URL")


def read_file(path: Path, portal: str | None = None) -> Page:
    check_sources([str(path)])
    try:
        data = json.loads(read_text(path))
    except ValueError as exc:
        raise SourceError(f"{path.name}: not JSON ({exc})") from exc
    return parse_page(data, path.name, portal)


class _Rejected(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _text(package: Mapping[str, Any], name: str, limit: int = 1000) -> str | None:
    value = package.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise _Rejected(name, f"{name}: must be a text")
    return value.strip()[:limit]


def _modified(package: Mapping[str, Any]) -> datetime | None:
    value = _text(package, "metadata_modified")
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _Rejected(
            "metadata_modified", f"metadata_modified: {value!r} is not a date"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def dataset_row(package: Any, portal: str) -> dict[str, Any]:
    """The graph row (key and properties) of one CKAN package; _Rejected when unusable."""
    if not isinstance(package, Mapping):
        raise _Rejected("json", "a package must be a JSON object")
    ckan_id = _text(package, "id", 200)
    if ckan_id is None:
        raise _Rejected("id", "id: a package needs its CKAN id")
    name = _text(package, "name", 200)
    title = _text(package, "title", 500) or name
    if title is None:
        raise _Rejected("title", "title: a package needs a title or a name")
    organisation = package.get("organization")
    organisation = organisation if isinstance(organisation, Mapping) else {}
    resources = [r for r in package.get("resources") or [] if isinstance(r, Mapping)]
    files = [
        {
            "name": str(r.get("name") or "").strip() or None,
            "format": str(r.get("format") or "").strip().lstrip(".").upper() or None,
            "url": str(r.get("url") or "").strip() or None,
            "last_modified": r.get("last_modified") or r.get("metadata_modified"),
        }
        for r in resources
    ]
    tags = sorted(
        {
            str(tag.get("display_name") or tag.get("name")).strip()
            for tag in package.get("tags") or []
            if isinstance(tag, Mapping) and (tag.get("display_name") or tag.get("name"))
        }
    )
    modified = _modified(package)
    notes = _text(package, "notes", MAX_NOTES)
    publisher = organisation.get("title") or organisation.get("name")
    props: dict[str, Any] = {
        "ckan_id": ckan_id,
        "name": name,
        "title": title,
        "notes": notes,
        "publisher": publisher,
        "publisher_name": organisation.get("name"),
        "license_id": _text(package, "license_id", 200),
        "license_title": _text(package, "license_title", 300),
        "license_url": _text(package, "license_url", 2000),
        "is_open": package.get("isopen") if isinstance(package.get("isopen"), bool) else None,
        "metadata_modified": modified.isoformat() if modified else None,
        "metadata_modified_utc": (
            modified.astimezone(UTC).replace(microsecond=0).isoformat() if modified else None
        ),
        "formats": sorted({f["format"] for f in files if f["format"]}),
        "resource_urls": [f["url"] for f in files if f["url"]],
        "resources": json.dumps(files, ensure_ascii=False, sort_keys=True),
        "tags": tags,
        "source": portal,
        "source_url": f"{portal}/dataset/{name or ckan_id}",
        "sort_key": fold(title),
        "search_text": search_text(title, notes, publisher, tags),
    }
    digest = hashlib.sha256(json.dumps(props, sort_keys=True, ensure_ascii=False).encode())
    # None values stay in the row: they clear what an earlier version of the dataset had.
    props["content_hash"] = digest.hexdigest()
    return {"key": f"ckan:{urlsplit(portal).netloc}:{ckan_id}", "props": props}


async def import_ckan(
    graph: GraphEngine,
    sources: Sequence[str],
    *,
    portal: str | None = None,
    rows: int = PAGE_ROWS,
    limit: int | None = None,
    progress: Progress | None = None,
    client: httpx.AsyncClient | None = None,
    challenge_id: str | None = None,
) -> ImportReport:
    """Import CKAN responses (URLs or saved files); re-running changes nothing.

    `challenge_id`, when given, makes the challenge feature every imported dataset (its
    node id, or its global id as GraphQL shows it).
    """
    started = time.monotonic()
    report = ImportReport()
    steps = progress or NoProgress()
    if challenge_id is not None:  # a wrong id fails before anything is fetched
        try:
            featuring = await get_challenge(graph=graph, challenge_id=_node_id(challenge_id))
            challenge_id = str(featuring["id"])
        except ChallengeError as exc:
            raise SourceError(f"--challenge: {exc.message}") from None
    pages: list[Page] = []
    for source in sources:
        if urlsplit(source).scheme in ("http", "https"):
            pages += await fetch_pages(
                source, rows=rows, limit=limit, progress=steps, client=client
            )
        else:
            pages.append(read_file(Path(source), portal))
    found: dict[str, dict[str, Any]] = {}
    for page in pages:
        if page.portal is None:
            raise SourceError(
                f"{page.label}: the portal is unknown (no `help` address): give --portal URL"
            )
        for index, package in enumerate(page.packages):
            try:
                row = dataset_row(package, page.portal)
            except _Rejected as exc:
                report.reject(Rejection(page.label, f"item {index}", KIND, exc.reason, exc.message))
                continue
            found[row["key"]] = row
    hashes = await datasets.existing_hashes(graph=graph, keys=list(found))
    tally = report.tally(KIND)
    changed = []
    for key, row in found.items():
        if key not in hashes:
            tally.created += 1
        elif hashes[key] != row["props"]["content_hash"]:
            tally.updated += 1
        else:
            tally.unchanged += 1
            continue
        changed.append(row)
    steps.stage("writing datasets", len(changed))
    for start in range(0, len(changed), BATCH):
        batch = changed[start : start + BATCH]
        await datasets.write_datasets(graph=graph, rows=batch)
        steps.advance(len(batch))
    if challenge_id is not None:
        await datasets.add_challenge_datasets(
            graph=graph, challenge_id=challenge_id, dataset_keys=list(found)
        )
    report.seconds = time.monotonic() - started
    return report


def _node_id(challenge_id: str) -> str:
    """The node id of a challenge given by node id or by global id (`Challenge:…`)."""
    try:
        kind, node_id = from_global_id(challenge_id)
    except HubError:
        return challenge_id
    return node_id if kind == "Challenge" else challenge_id
