"""The dev evaluation protocol, built from the real CORDIS and portal files as published.

Profiles come from projects with projectID <= 101120000; queries from projects
101120001..101137438. Rows of projects above 101137438 (the reserved test split) are dropped
as they are read and never reach any other code.

- call -> partners: for a dev project funded under a topic with portal text, with at least 3
  participants of which at least 2 appear in profile projects, the query is the topic's text
  and the truth is its participants that have a profile (the only ones any method can rank).
- organisation -> call: the query is an organisation's profile; the truth is the topics (with
  portal text) of the dev projects it coordinated; the candidates are all topics with text.
"""

from __future__ import annotations

import csv
import glob
import gzip
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from matching.documents import clean, cordis_profile_text, funding_call_text, organisation_text
from matching.text import analyse

PROFILE_LAST = 101_120_000
DEV_FIRST = 101_120_001
DEV_LAST = 101_137_438
MIN_PARTICIPANTS = 3
MIN_SEEN = 2
MIN_DESCRIPTION = 20
GREEK = "EL"

csv.field_size_limit(1 << 30)


class ProtocolError(Exception):
    """The data folder is missing files or columns the protocol needs."""


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    kind: str
    country: str
    city: str


@dataclass(frozen=True, slots=True)
class Project:
    id: int
    topic: str | None
    topic_title: str | None
    participants: tuple[str, ...]
    coordinator: str | None
    programmes: tuple[str, ...]
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CallText:
    identifier: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class PartnerQuery:
    project_id: int
    topic: str
    text: str
    truth: frozenset[str]


@dataclass(frozen=True, slots=True)
class CallQuery:
    organisation_id: str
    text: str
    truth: frozenset[str]


@dataclass
class DevSplit:
    organisations: dict[str, Organisation]
    profile_projects: list[Project]
    profiles: dict[str, str]
    """Organisation id -> the document text an importer would index (profiled ones only)."""
    calls: dict[str, CallText]
    partner_queries: list[PartnerQuery]
    call_queries: list[CallQuery]
    dev_projects: list[Project] = field(default_factory=list)

    def greek(self, ids: frozenset[str]) -> frozenset[str]:
        return frozenset(i for i in ids if self.organisations[i].country == GREEK)


def _rows(path: Path, delimiter: str) -> Iterator[dict[str, str]]:
    if not path.exists():
        raise ProtocolError(f"{path} is missing; pass the folder holding cordis-he/ and ft-portal/")
    with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle, delimiter=delimiter)


def _allowed(project_id: str) -> int | None:
    """The project id when it belongs to the profile or dev range, else None (test split)."""
    try:
        number = int(project_id)
    except ValueError:
        return None
    return number if number <= DEV_LAST else None


def read_calls(
    data_dir: Path, known_titles: Mapping[str, str] | None = None
) -> dict[str, CallText]:
    """Portal topics with a real description, by identifier.

    An identifier can repeat across the exports, and a funded project's own open call for
    third parties (reference `...COMPETITIVE_CALL...`) reuses its topic's identifier: the
    topic's own text is preferred, then the row whose title matches the CORDIS topic title
    (`known_titles`), then the longest description.
    """
    best: dict[str, tuple[tuple[bool, float, int], CallText]] = {}
    files = sorted(glob.glob(str(data_dir / "ft-portal" / "topics-2023-2024" / "*.csv.gz")))
    if not files:
        raise ProtocolError(f"no portal topic exports under {data_dir / 'ft-portal'}")
    titles = known_titles or {}
    for name in files:
        for row in _rows(Path(name), ","):
            identifier = row["identifier"].strip()
            description = clean(row.get("description") or "")
            if not identifier or len(description) < MIN_DESCRIPTION:
                continue
            title = clean(row.get("title") or "")
            rank = (
                "COMPETITIVE_CALL" not in (row.get("reference") or ""),
                _overlap(title, titles.get(identifier)),
                len(description),
            )
            if identifier not in best or rank > best[identifier][0]:
                node = {"title_en": title, "description_en": description}
                best[identifier] = (rank, CallText(identifier, title, funding_call_text(node)))
    return {identifier: call for identifier, (_, call) in best.items()}


def _overlap(title: str, reference: str | None) -> float:
    if not reference:
        return 0.0
    words, expected = set(analyse(title)), set(analyse(reference))
    return len(words & expected) / max(len(words | expected), 1)


def read_projects(data_dir: Path) -> tuple[dict[str, Organisation], dict[int, Project]]:
    """Organisations and projects up to the end of the dev range (test rows never kept)."""
    cordis = data_dir / "cordis-he"
    participants: dict[int, list[str]] = defaultdict(list)
    coordinators: dict[int, str] = {}
    organisations: dict[str, Organisation] = {}
    for row in _rows(cordis / "organization.csv.gz", ";"):
        project = _allowed(row["projectID"])
        if project is None:
            continue
        org = row["organisationID"]
        if org not in participants[project]:
            participants[project].append(org)
        if row["role"] == "coordinator":
            coordinators[project] = org
        if org not in organisations:
            organisations[org] = Organisation(
                org, row["name"], row["activityType"], row["country"], row["city"]
            )
    topics: dict[int, tuple[str, str]] = {}
    for row in _rows(cordis / "topics.csv.gz", ";"):
        project = _allowed(row["projectID"])
        if project is not None:
            topics.setdefault(project, (row["topic"], row["title"]))
    fields: dict[int, list[str]] = defaultdict(list)
    for row in _rows(cordis / "euroSciVoc.csv.gz", ";"):
        project = _allowed(row["projectID"])
        if project is not None and row["euroSciVocTitle"]:
            fields[project].append(row["euroSciVocTitle"])
    programmes: dict[int, list[str]] = defaultdict(list)
    for row in _rows(cordis / "legalBasis.csv.gz", ";"):
        project = _allowed(row["projectID"])
        if project is not None:
            programmes[project].append(row["legalBasis"])
    projects = {
        pid: Project(
            id=pid,
            topic=topics.get(pid, (None, None))[0],
            topic_title=topics.get(pid, (None, None))[1],
            participants=tuple(orgs),
            coordinator=coordinators.get(pid),
            programmes=tuple(programmes.get(pid, ())),
            fields=tuple(fields.get(pid, ())),
        )
        for pid, orgs in participants.items()
    }
    return organisations, projects


def build_profiles(
    organisations: dict[str, Organisation], projects: list[Project]
) -> dict[str, str]:
    """Each organisation's document, from the topic titles and fields of its projects."""
    titles: dict[str, list[str]] = defaultdict(list)
    fields: dict[str, list[str]] = defaultdict(list)
    for project in projects:
        for org in project.participants:
            if project.topic_title:
                titles[org].append(project.topic_title)
            fields[org].extend(project.fields)
    profiles: dict[str, str] = {}
    for org in titles.keys() | fields.keys():
        organisation = organisations[org]
        node = {
            "name": organisation.name,
            "profile_text": cordis_profile_text(titles[org], fields[org]),
        }
        profiles[org] = organisation_text(node)
    return profiles


def load_dev_split(data_dir: Path) -> DevSplit:
    """Everything the dev evaluation needs, read from the real files in `data_dir`."""
    organisations, projects = read_projects(data_dir)
    known_titles = {p.topic: p.topic_title for p in projects.values() if p.topic and p.topic_title}
    calls = read_calls(data_dir, known_titles)
    profile_projects = [p for pid, p in sorted(projects.items()) if pid <= PROFILE_LAST]
    dev_projects = [p for pid, p in sorted(projects.items()) if DEV_FIRST <= pid <= DEV_LAST]
    profiles = build_profiles(organisations, profile_projects)
    partner_queries: list[PartnerQuery] = []
    coordinated: dict[str, set[str]] = defaultdict(set)
    for project in dev_projects:
        if project.topic is None or project.topic not in calls:
            continue
        if project.coordinator in profiles:
            coordinated[project.coordinator].add(project.topic)
        seen = frozenset(org for org in project.participants if org in profiles)
        if len(project.participants) >= MIN_PARTICIPANTS and len(seen) >= MIN_SEEN:
            text = calls[project.topic].text
            partner_queries.append(PartnerQuery(project.id, project.topic, text, seen))
    call_queries = [
        CallQuery(org, profiles[org], frozenset(topics))
        for org, topics in sorted(coordinated.items())
    ]
    return DevSplit(
        organisations=organisations,
        profile_projects=profile_projects,
        profiles=profiles,
        calls=calls,
        partner_queries=partner_queries,
        call_queries=call_queries,
        dev_projects=dev_projects,
    )
