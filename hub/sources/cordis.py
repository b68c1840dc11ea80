"""CORDIS "Horizon Europe projects" bulk CSV files -> organisations, projects, participations.

Reads, from one folder, `organization.csv`, `topics.csv`, `euroSciVoc.csv`, `legalBasis.csv`
and, when present, `project.csv` (each may be gzipped): semicolon-separated, every field
quoted. Writes (see `writer` for how):

- Organisation nodes, one per PIC (`organisationID`): see `cordis_organisations`.
- Project nodes, one per `projectID` (validated by the API's `ProjectFields`): acronym,
  `title_en` (project.csv's title, else the acronym), `programme` (the legal basis code
  and title, e.g. "HORIZON.2.5 Climate, Energy and Mobility"), `topics` (the euroSciVoc
  fields of science, tagged as Topic nodes like the API does), dates and costs from
  project.csv; extra: `source`, `topic_identifier` and `topic_title` (topics.csv),
  `legal_basis`, `objective` (project.csv).
- PARTICIPATED_IN {role} from each organisation to each of its projects.
- FUNDED_BY from each project to the FundingCall of its topic, where one exists.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from graph import GraphEngine
from hub.ecosystem import projects
from hub.ecosystem.errors import ValidationFailed
from hub.ecosystem.fields import validate
from hub.ecosystem.projects import ProjectFields
from hub.sources import writer
from hub.sources.cordis_organisations import COLUMNS as ORGANISATION_COLUMNS
from hub.sources.cordis_organisations import (
    SOURCE,
    Participation,
    Problem,
    organisation_records,
    participation_problem,
)
from hub.sources.csvfiles import Row, find_file, read_rows
from hub.sources.profiles import first_sentence, profile_text
from hub.sources.report import (
    ImportReport,
    NoProgress,
    Progress,
    Rejection,
    SourceError,
    problem_of,
)

ProjectFilter = Callable[[int], bool]

REQUIRED_FILES = ("organization", "topics", "euroSciVoc", "legalBasis")
OPTIONAL_FILES = ("project",)
COLUMNS = {
    "organization": (
        *ORGANISATION_COLUMNS, "projectID", "projectAcronym", "contentUpdateDate", "role",
    ),
    "topics": ("projectID", "topic", "title"),
    "euroSciVoc": ("projectID", "euroSciVocTitle"),
    "legalBasis": ("projectID", "legalBasis", "title", "uniqueProgrammePart"),
    "project": ("id", "acronym", "title", "startDate", "endDate", "totalCost",
                "ecMaxContribution", "objective"),
}  # fmt: skip
MAX_TOPICS = 100  # the API's limit on a project's topics
READ_STEP = 2000


@dataclass
class _Project:
    acronym: str
    lines: list[int] = field(default_factory=list)
    topic: tuple[str, str] | None = None
    fields_of_science: list[str] = field(default_factory=list)
    programme: tuple[str, str] | None = None
    details: Row | None = None  # its project.csv row


def locate(folder: Path) -> dict[str, Path]:
    """The CORDIS files in `folder`; a missing folder or required file is a SourceError."""
    if not folder.is_dir():
        raise SourceError(f"{folder} is not a folder: give the folder holding the CORDIS files")
    found = {stem: find_file(folder, stem) for stem in (*REQUIRED_FILES, *OPTIONAL_FILES)}
    missing = [f"{stem}.csv(.gz)" for stem in REQUIRED_FILES if found[stem] is None]
    if missing:
        raise SourceError(f"{folder} lacks {', '.join(missing)} (the CORDIS project CSV files)")
    return {stem: path for stem, path in found.items() if path is not None}


async def import_cordis(
    graph: GraphEngine,
    folder: Path,
    *,
    project_filter: ProjectFilter | None = None,
    progress: Progress | None = None,
    batch_size: int = 500,
) -> ImportReport:
    """Import the CORDIS files in `folder`; only projects passing `project_filter` (on the
    numeric projectID) and their rows are read. Re-running changes nothing."""
    started = time.monotonic()
    report = ImportReport()
    steps = progress or NoProgress()
    files = locate(folder)
    orgs, project_records, participations = read_cordis(files, project_filter, report, steps)
    for target, records in ((writer.ORGANISATIONS, orgs), (writer.PROJECTS, project_records)):
        await writer.write_nodes(
            graph, target, records, report=report, progress=steps, batch_size=batch_size
        )
    await writer.write_participations(
        graph, participations, report=report, progress=steps, batch_size=batch_size
    )
    await writer.link_funded_by(graph, report=report, progress=steps)
    report.seconds = time.monotonic() - started
    return report


def read_cordis(
    files: dict[str, Path],
    project_filter: ProjectFilter | None,
    report: ImportReport,
    progress: Progress,
) -> tuple[list[writer.NodeRecord], list[writer.NodeRecord], list[tuple[str, str, str]]]:
    """Organisation records, project records and (pic, project, role) participations."""
    allowed = project_filter or (lambda _: True)
    rows, found = _read_organisations(files["organization"], allowed, report, progress)
    _read_details(files, found, report, progress)
    file_name = files["organization"].name
    project_records, valid = _project_records(found, report, file_name)
    rows = [row for row in rows if row.project in valid]
    profiles: dict[tuple[int, ...], str] = {}  # organisations of one project share theirs

    def profile_of(pids: list[int]) -> str:
        key = tuple(pids)
        if key not in profiles:
            profiles[key] = _profile([found[pid] for pid in pids])
        return profiles[key]

    org_records = organisation_records(rows, profile_of, report=report, file_name=file_name)
    organisations = {record.key for record in org_records}
    links = sorted({(row.project, row.pic, row.role) for row in rows if row.pic in organisations})
    return org_records, project_records, [(pic, str(pid), role) for pid, pic, role in links]


def _counted(
    progress: Progress, path: Path, rows: Iterator[tuple[int, Row]]
) -> Iterator[tuple[int, Row]]:
    """The rows, with a progress stage counting them as they are read."""
    progress.stage(f"reading {path.name}", None)
    count = 0
    for item in rows:
        count += 1
        if count % READ_STEP == 0:
            progress.advance(READ_STEP)
        yield item
    progress.advance(count % READ_STEP)


def _project_id(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() else None


def _read_organisations(
    path: Path, allowed: ProjectFilter, report: ImportReport, progress: Progress
) -> tuple[list[Participation], dict[int, _Project]]:
    accepted: list[Participation] = []
    found: dict[int, _Project] = {}
    rows = read_rows(
        path, delimiter=";", required=COLUMNS["organization"], kind="Organisation", report=report
    )
    for line, row in _counted(progress, path, rows):
        pid = _project_id(row["projectID"])
        if pid is not None and not allowed(pid):
            continue
        problem = participation_problem(row)
        if pid is None or problem is not None:
            reason, message = problem or ("projectID", "projectID is not a number")
            report.reject(Rejection(path.name, str(line), "Organisation", reason, message))
            continue
        columns = tuple(row[column].strip() for column in ORGANISATION_COLUMNS)
        accepted.append(
            Participation(
                line=line,
                pic=columns[0],
                project=pid,
                role=row["role"].strip(),
                updated=row["contentUpdateDate"].strip(),
                columns=columns,
            )
        )
        project = found.setdefault(pid, _Project(acronym=row["projectAcronym"].strip()))
        project.lines.append(line)
    return accepted, found


def _read_details(
    files: dict[str, Path], found: dict[int, _Project], report: ImportReport, progress: Progress
) -> None:
    """Topics, fields of science, legal bases and (optional) project.csv of the projects."""
    for stem, id_column in (
        ("topics", "projectID"),
        ("euroSciVoc", "projectID"),
        ("legalBasis", "projectID"),
        ("project", "id"),
    ):
        path = files.get(stem)
        if path is None:
            continue
        rows = read_rows(path, delimiter=";", required=COLUMNS[stem], kind="Project", report=report)
        for line, row in _counted(progress, path, rows):
            pid = _project_id(row[id_column])
            if pid is None:
                value = row[id_column].strip()
                message = f"{id_column} {value!r} is not a number"
                report.reject(Rejection(path.name, str(line), "Project", id_column, message))
                continue
            project = found.get(pid)
            if project is None:
                continue  # not a project of the imported participations (or filtered out)
            problem = _add_detail(stem, project, row)
            if problem is not None:
                reason, message = problem
                report.reject(Rejection(path.name, str(line), "Project", reason, message))


def _add_detail(stem: str, project: _Project, row: Row) -> Problem | None:
    if stem == "topics":
        topic = row["topic"].strip()
        if not topic or any(char.isspace() for char in topic):
            return "topic", f"topic {topic!r} is not a topic identifier"
        project.topic = (topic, row["title"].strip())
    elif stem == "euroSciVoc":
        title = row["euroSciVocTitle"].strip()
        if not title or len(title) > 100:
            return "euroSciVocTitle", "euroSciVocTitle must be 1 to 100 characters"
        if title not in project.fields_of_science:
            project.fields_of_science.append(title)
    elif stem == "legalBasis":
        code, title = row["legalBasis"].strip(), row["title"].strip()
        if project.programme is None or row["uniqueProgrammePart"].strip().lower() == "true":
            project.programme = (code, title)
    else:
        problem = _project_details_problem(row)
        if problem is not None:
            return problem
        project.details = row
    return None


def _project_details_problem(row: Row) -> Problem | None:
    for column in ("startDate", "endDate"):
        if row[column].strip() and _date(row[column]) is None:
            return column, f"{column} {row[column].strip()!r} is not a date (YYYY-MM-DD)"
    for column in ("totalCost", "ecMaxContribution"):
        if row[column].strip() and _money(row[column]) is None:
            return column, f"{column} {row[column].strip()!r} is not an amount"
    return None


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _money(value: str) -> int | None:
    try:
        amount = float(value.strip().replace(",", "."))
    except ValueError:
        return None
    return round(amount) if 0 <= amount <= 10**12 else None


def _project_records(
    found: dict[int, _Project], report: ImportReport, file_name: str
) -> tuple[list[writer.NodeRecord], set[int]]:
    records: list[writer.NodeRecord] = []
    valid: set[int] = set()
    for pid in sorted(found):
        project = found[pid]
        try:
            records.append(_project_record(pid, project))
        except ValidationFailed as exc:
            reason, message = problem_of(exc)
            message = f"project {pid}: {message}"
            for line in project.lines:
                report.reject(Rejection(file_name, str(line), "Project", reason, message))
            continue
        valid.add(pid)
    return records, valid


def _project_record(pid: int, project: _Project) -> writer.NodeRecord:
    details = project.details or {}
    acronym = details.get("acronym", "").strip() or project.acronym
    title = details.get("title", "").strip() or acronym
    code, programme_title = project.programme or ("", "")
    data = {
        "identifier": str(pid),
        "acronym": acronym or None,
        "title": {"en": title},
        "start_date": _date(details.get("startDate", "")),
        "end_date": _date(details.get("endDate", "")),
        "programme": f"{code} {programme_title}".strip()[:300] or None,
        "topics": project.fields_of_science[:MAX_TOPICS],
        "total_cost": _money(details.get("totalCost", "")),
        "ec_contribution": _money(details.get("ecMaxContribution", "")),
    }
    fields = validate(ProjectFields, data)
    projects.check(fields)
    topic_identifier, topic_title = project.topic or (None, None)
    properties = {
        **projects.to_properties(fields),
        "source": SOURCE,
        "topic_identifier": topic_identifier,
        "topic_title": topic_title or None,
        "legal_basis": code or None,
        "objective": details.get("objective", "").strip() or None,
    }
    return writer.NodeRecord(key=str(pid), props=properties, topics=fields.topics)


def _profile(projects_of_organisation: list[_Project]) -> str:
    return profile_text(
        topic_titles=[p.topic[1] for p in projects_of_organisation if p.topic and p.topic[1]],
        fields_of_science=[f for p in projects_of_organisation for f in p.fields_of_science],
        project_texts=[
            text
            for p in projects_of_organisation
            if p.details is not None
            for text in (p.details["title"].strip(), first_sentence(p.details["objective"]))
            if text
        ],
    )
