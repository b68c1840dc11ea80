"""The CORDIS importer on the real files (a slice) and on small files with bad rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph import GraphEngine, Statement
from hub.ecosystem import crud, organisations, projects
from hub.ecosystem.fields import validate
from hub.ecosystem.organisations import OrganisationFields
from hub.ecosystem.projects import ProjectFields
from hub.sources import SourceError, import_cordis
from hub.sources.profiles import PROFILE_LIMIT
from matching.documents import cordis_profile_text
from tests.hub.sources.conftest import CORDIS, SMALL_SLICE, dump, write_csv

ORGANISATION_HEADER = [
    "projectID", "projectAcronym", "organisationID", "vatNumber", "name", "shortName", "SME",
    "activityType", "street", "postCode", "city", "country", "nutsCode", "geolocation",
    "organizationURL", "contactForm", "contentUpdateDate", "rcn", "order", "role",
    "ecContribution", "netEcContribution", "totalCost", "endOfParticipation", "active",
]  # fmt: skip
PROJECT_HEADER = [
    "id", "acronym", "status", "title", "startDate", "endDate", "totalCost", "ecMaxContribution",
    "legalBasis", "topics", "ecSignatureDate", "frameworkProgramme", "masterCall", "subCall",
    "fundingScheme", "nature", "objective", "contentUpdateDate", "rcn", "grantDoi",
]  # fmt: skip
AUTH = "999895692"
CERTH = "999502724"

NODE = Statement(
    name="test_node_by_key",
    cypher="MATCH (n:Entity) WHERE n.pic = $key OR n.identifier = $key RETURN n {.*} AS node",
    example={"key": "x"},
)
LINKS = Statement(
    name="test_links_of",
    cypher="MATCH (o:Organisation)-[r:PARTICIPATED_IN]->(p:Project) "
    "RETURN o.pic AS pic, p.identifier AS project, r.role AS role ORDER BY pic, project, role",
)
TAGS = Statement(
    name="test_tags_of",
    cypher="MATCH (p:Project {identifier: $key})-[:TAGGED]->(t:Topic) RETURN t.name AS name "
    "ORDER BY name",
    example={"key": "x"},
)


async def node(graph: GraphEngine, key: str) -> dict[str, Any]:
    rows = await graph.run(NODE, {"key": key})
    assert len(rows) == 1, key
    return dict(rows[0]["node"])


def organisation_row(**values: str) -> list[str]:
    row = {
        "projectID": "101100001", "projectAcronym": "THESS", "organisationID": AUTH,
        "vatNumber": "EL090049627", "name": "ARISTOTELIO PANEPISTIMIO THESSALONIKIS",
        "shortName": "AUTH", "SME": "False", "activityType": "HES", "city": "THESSALONIKI",
        "country": "EL", "geolocation": "40.62598349613209,22.96056716388373",
        "organizationURL": "http://www.auth.gr", "contentUpdateDate": "2024-05-29 16:05:46",
        "role": "coordinator", "totalCost": "332512,5",
    }  # fmt: skip
    row.update(values)
    return [row.get(column, "") for column in ORGANISATION_HEADER]


def small_folder(folder: Path, suffix: str = ".csv.gz", *, bom: bool = False) -> Path:
    """Two projects, two good organisations and one of each kind of bad row."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        organisation_row(),
        organisation_row(
            projectID="101100002", projectAcronym="MOBI", role="participant",
            contentUpdateDate="2023-01-01 10:00:00", SME="True",
        ),
        organisation_row(
            projectID="101100002", projectAcronym="MOBI", organisationID=CERTH,
            name="ETHNIKO KENTRO EREVNAS KAI TECHNOLOGIKIS ANAPTYXIS", shortName="CERTH",
            activityType="REC", vatNumber="917 453 527", organizationURL="www.certh.gr",
            geolocation="north,east", role="coordinator",
        ),
        organisation_row(projectID="101100002", organisationID="912221757", name="NO TYPE SA",
                         activityType="", role="thirdParty", vatNumber=""),
        organisation_row(projectID="101100002", organisationID="123", name="BAD PIC"),
        organisation_row(projectID="101100002", organisationID="888888888", activityType="XYZ"),
        organisation_row(projectID="101100002", organisationID="888888887", role="observer"),
        organisation_row(projectID="101100002", organisationID="888888886", name="   "),
        organisation_row(projectID="999999999"),  # filtered out by the tests' filter
        organisation_row()[:5],
    ]  # fmt: skip
    write_csv(folder / f"organization{suffix}", ORGANISATION_HEADER, rows, delimiter=";")
    write_csv(
        folder / f"topics{suffix}",
        ["projectID", "topic", "title"],
        [
            ["101100001", "HORIZON-CL5-2024-D6-01-01", "Urban mobility"],
            ["101100002", "HORIZON-CL5-2024-D6-01-02", "Logistics hubs"],
            ["101100002x", "X", "not a project id"],
        ],
        delimiter=";",
    )
    write_csv(
        folder / f"euroSciVoc{suffix}",
        [
            "projectID",
            "euroSciVocCode",
            "euroSciVocPath",
            "euroSciVocTitle",
            "euroSciVocDescription",
        ],
        [
            ["101100001", "/1", "/engineering/transport", "transport planning", ""],
            ["101100001", "/2", "/engineering/software", "software", ""],
            ["101100002", "/2", "/engineering/software", "software", ""],
        ],
        delimiter=";",
    )
    write_csv(
        folder / f"legalBasis{suffix}",
        ["projectID", "legalBasis", "title", "uniqueProgrammePart"],
        [
            ["101100001", "HORIZON.2.5.7", "Clean and competitive mobility", ""],
            ["101100001", "HORIZON.2.5", "Climate, Energy and Mobility", "true"],
            ["101100002", "HORIZON.2.5", "Climate, Energy and Mobility", "true"],
        ],
        delimiter=";",
    )
    empty = {column: "" for column in PROJECT_HEADER}
    thess = {
        "id": "101100001", "acronym": "THESS", "title": "Thessaloniki mobility living lab",
        "startDate": "2024-01-01", "endDate": "2027-12-31", "totalCost": "4999999,5",
        "ecMaxContribution": "4000000", "objective": "Make the metro count. Then more.",
    }  # fmt: skip
    broken = {"id": "101100002", "title": "Broken", "startDate": "2024-13-01"}
    write_csv(
        folder / f"project{suffix}",
        PROJECT_HEADER,
        [list({**empty, **thess}.values()), list({**empty, **broken}.values())],
        delimiter=";",
    )
    if bom:
        for path in folder.iterdir():
            if path.suffix == ".csv":
                path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return folder


def up_to_project(limit: int) -> Any:
    return lambda project_id: project_id <= limit


async def test_a_slice_of_the_real_files(graph: GraphEngine) -> None:
    report = await import_cordis(graph, CORDIS, project_filter=up_to_project(SMALL_SLICE))
    assert report.rejections == []
    for kind, created in (("Organisation", 776), ("Project", 862), ("PARTICIPATED_IN", 1738)):
        tally = report.tallies[kind]
        assert (tally.created, tally.updated, tally.unchanged) == (created, 0, 0), kind

    forth = await node(graph, "999995893")  # IDRYMA TECHNOLOGIAS KAI EREVNAS, Heraklion
    assert forth["kind"] == "RESEARCH_LAB"
    assert forth["country"] == "EL"
    assert forth["website"] == "http://www.forth.gr"
    assert forth["participations"] == 6
    assert forth["source"] == "cordis"
    assert 0 < len(forth["profile_text"]) <= PROFILE_LIMIT
    # What the API would make of the same organisation, property for property.
    again = organisations.to_properties(
        validate(OrganisationFields, organisations.current_fields(forth))
    )
    assert {key: forth.get(key) for key in again if again[key] is not None} == {
        key: value for key, value in again.items() if value is not None
    }

    ganess = await node(graph, "101039048")
    assert ganess["acronym"] == ganess["title_en"] == "GanESS"
    assert ganess["programme"] == "HORIZON.1.1 European Research Council (ERC)"
    assert ganess["topic_identifier"] == "ERC-2021-STG"
    assert ganess["topics"] == ["noble gases", "neutrinos"]
    assert [row["name"] for row in await graph.run(TAGS, {"key": "101039048"})] == [
        "neutrinos",
        "noble gases",
    ]
    validate(ProjectFields, projects.current_fields(ganess))

    again_report = await import_cordis(graph, CORDIS, project_filter=up_to_project(SMALL_SLICE))
    for kind in ("Organisation", "Project", "PARTICIPATED_IN"):
        tally = again_report.tallies[kind]
        assert (tally.created, tally.updated) == (0, 0)
        assert tally.unchanged == report.tallies[kind].created
    assert (await node(graph, "999995893"))["updated_at"] == forth["updated_at"]


async def test_bad_rows_are_rejected_with_file_line_and_reason(
    graph: GraphEngine, tmp_path: Path
) -> None:
    folder = small_folder(tmp_path / "cordis")
    report = await import_cordis(graph, folder, project_filter=up_to_project(101_200_000))

    assert [str(rejection) for rejection in report.rejections] == [
        "organization.csv.gz:6: organisationID '123' is not a PIC (nine digits)",
        "organization.csv.gz:7: unknown activityType 'XYZ' (expected HES, REC, PRC, PUB or OTH)",
        "organization.csv.gz:8: role 'observer' is not one of associatedPartner, coordinator,"
        " participant, thirdParty",
        "organization.csv.gz:11: has 5 fields where the header has 25",
        "topics.csv.gz:4: projectID '101100002x' is not a number",
        "project.csv.gz:3: startDate '2024-13-01' is not a date (YYYY-MM-DD)",
        "organization.csv.gz:9: name: must not be empty",
    ]
    assert report.summary().startswith(
        "Organisation: created 3, updated 0, unchanged 0, rejected 5 "
        "(organisationID 1, activityType 1, role 1, columns 1, name 1); "
        "Project: created 2, updated 0, unchanged 0, rejected 2 (projectID 1, startDate 1); "
        "PARTICIPATED_IN: created 4, unchanged 0; FUNDED_BY: created 0, unchanged 0 in "
    )

    auth = await node(graph, AUTH)
    assert auth["name"] == "ARISTOTELIO PANEPISTIMIO THESSALONIKIS"
    assert (auth["kind"], auth["city"], auth["country"]) == ("UNIVERSITY", "THESSALONIKI", "EL")
    assert auth["website"] == "http://www.auth.gr"
    assert auth["vat_number"] == "EL090049627"
    assert auth["latitude"] == pytest.approx(40.625983)
    assert auth["participations"] == 2
    # Topic titles, then fields of science (the most frequent first), then project texts.
    profile = cordis_profile_text(
        ["Urban mobility", "Logistics hubs"], ["software", "transport planning"]
    )
    assert (
        auth["profile_text"] == f"{profile}. Thessaloniki mobility living lab. Make the metro count"
    )
    certh = await node(graph, CERTH)
    assert certh["kind"] == "RESEARCH_LAB"
    for dropped in ("website", "vat_number", "latitude", "longitude"):
        assert dropped not in certh  # invalid in the file: left out, the row kept
    assert (await node(graph, "912221757"))["kind"] == "NGO"  # no activityType

    thess = await node(graph, "101100001")
    assert thess["title_en"] == "Thessaloniki mobility living lab"
    assert thess["programme"] == "HORIZON.2.5 Climate, Energy and Mobility"
    assert (thess["start_date"], thess["end_date"]) == ("2024-01-01", "2027-12-31")
    assert (thess["total_cost"], thess["ec_contribution"]) == (5_000_000, 4_000_000)
    assert thess["objective"] == "Make the metro count. Then more."
    mobi = await node(graph, "101100002")  # its project.csv row was rejected: the acronym
    assert mobi["title_en"] == "MOBI"
    assert "start_date" not in mobi
    assert [tuple(row.values()) for row in await graph.run(LINKS)] == [
        ("912221757", "101100002", "thirdParty"),
        (CERTH, "101100002", "coordinator"),
        (AUTH, "101100001", "coordinator"),
        (AUTH, "101100002", "participant"),
    ]


async def test_gzipped_plain_and_bom_files_import_alike(
    graph: GraphEngine, other_graph: GraphEngine, tmp_path: Path
) -> None:
    everything = up_to_project(101_200_000)
    gzipped = await import_cordis(graph, small_folder(tmp_path / "gz"), project_filter=everything)
    plain = await import_cordis(
        other_graph, small_folder(tmp_path / "plain", ".csv", bom=True), project_filter=everything
    )
    assert gzipped.summary().split(" in ")[0] == plain.summary().split(" in ")[0]
    assert [r.message for r in gzipped.rejections] == [r.message for r in plain.rejections]
    assert await dump(graph) == await dump(other_graph)


async def test_a_changed_row_updates_only_what_cordis_gives(
    graph: GraphEngine, tmp_path: Path
) -> None:
    folder = small_folder(tmp_path / "cordis")
    everything = up_to_project(101_200_000)
    await import_cordis(graph, folder, project_filter=everything)
    auth = await node(graph, AUTH)
    patch = {"description": {"en": "Largest in Greece."}}
    await crud.update(graph, organisations.ORGANISATIONS, auth["id"], patch)

    path = folder / "organization.csv.gz"
    write_csv(
        path,
        ORGANISATION_HEADER,
        [organisation_row(shortName="AUTH THESSALONIKI"), organisation_row(
            projectID="101100002", projectAcronym="MOBI", role="participant",
            shortName="AUTH THESSALONIKI")],
        delimiter=";",
    )  # fmt: skip
    report = await import_cordis(graph, folder, project_filter=everything)
    assert report.tallies["Organisation"].updated == 1
    changed = await node(graph, AUTH)
    assert changed["short_name"] == "AUTH THESSALONIKI"
    assert changed["description_en"] == "Largest in Greece."  # not CORDIS's to change
    assert changed["id"] == auth["id"]
    assert changed["created_at"] == auth["created_at"]


async def test_a_missing_folder_or_file_is_a_source_error(
    graph: GraphEngine, tmp_path: Path
) -> None:
    with pytest.raises(SourceError, match="is not a folder"):
        await import_cordis(graph, tmp_path / "nowhere")
    folder = small_folder(tmp_path / "cordis")
    (folder / "euroSciVoc.csv.gz").unlink()
    with pytest.raises(SourceError, match=r"lacks euroSciVoc\.csv\(\.gz\)"):
        await import_cordis(graph, folder)
