"""Privacy through the GraphQL layer: consent per field, double-opt-in introductions,
export, erasure (anonymised contest history kept) and the audit log."""

from __future__ import annotations

import json
from typing import Any

from graph import Statement
from graph.falkordb_engine import FalkorDBEngine
from hub.auth import accounts, sessions
from hub.auth.digests import digest
from hub.auth.errors import InvalidCredentials
from hub.auth.viewer import (
    ANONYMOUS,
    ChallengeRole,
    GlobalRole,
    OrganisationRole,
    Viewer,
    viewer_by_account,
    viewer_by_session,
)
from hub.ecosystem import crud, organisations, relations
from hub.ecosystem.ids import new_id, to_global_id
from tests.conftest import ViewerGqlRunner
from tests.hub.auth.conftest import PASSWORD, make_account

PERSON = """
query($id: ID!) { person(id: $id) { name bio { en } skills website publicFields
  affiliations { organisation { name } } } }
"""
CONSENT = """
mutation($id: ID!, $public: Boolean!, $fields: [ProfileField!]!) {
  setProfileConsent(personId: $id, isPublic: $public, publicFields: $fields) {
    person { isPublic publicFields } errors { code field } } }
"""


def data(result: Any) -> dict[str, Any]:
    assert result.errors is None, result.errors
    return dict(result.data)


def person_id(viewer: Viewer) -> str:
    assert viewer.person_id is not None
    return to_global_id("Person", viewer.person_id)


async def test_consent_per_field(graph: FalkorDBEngine, gql_as: ViewerGqlRunner) -> None:
    eleni = await make_account(graph, "eleni@example.org", name="Ελένη")
    org = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "AUTh", "kind": "UNIVERSITY"}
    )
    assert eleni.person_id is not None
    await relations.link(graph, relations.AFFILIATED_WITH, eleni.person_id, org["id"])
    me = person_id(eleni)
    update = """
    mutation($id: ID!) { updatePerson(id: $id, input: {bio: {en: "Researcher"}, skills: ["IoT"],
      website: "https://eleni.example.org"}) { errors { code } } }
    """
    assert data(await gql_as(eleni, update, id=me))["updatePerson"]["errors"] == []
    # private by default: nobody else sees the profile, she does
    assert data(await gql_as(ANONYMOUS, PERSON, id=me)) == {"person": None}
    own = data(await gql_as(eleni, PERSON, id=me))["person"]
    assert own["skills"] == ["IoT"] and own["website"] == "https://eleni.example.org"

    consented = data(await gql_as(eleni, CONSENT, id=me, public=True, fields=["BIO"]))
    assert consented["setProfileConsent"] == {
        "person": {"isPublic": True, "publicFields": ["BIO"]},
        "errors": [],
    }
    seen = data(await gql_as(ANONYMOUS, PERSON, id=me))["person"]
    assert seen == {
        "name": "Ελένη",
        "bio": {"en": "Researcher"},
        "skills": [],
        "website": None,
        "publicFields": ["BIO"],
        "affiliations": [],
    }
    listing = "query($id: ID!) { organisation(id: $id) { people { person { name } } } }"
    org_id = to_global_id("Organisation", org["id"])
    assert data(await gql_as(ANONYMOUS, listing, id=org_id))["organisation"]["people"] == []
    await gql_as(eleni, CONSENT, id=me, public=True, fields=["BIO", "AFFILIATIONS"])
    people_listed = data(await gql_as(ANONYMOUS, listing, id=org_id))["organisation"]["people"]
    assert people_listed == [{"person": {"name": "Ελένη"}}]
    # someone else may not decide for her; she may go private again
    other = await make_account(graph, "other@example.org")
    refused = data(await gql_as(other, CONSENT, id=me, public=True, fields=[]))
    assert refused["setProfileConsent"]["errors"] == [{"code": "FORBIDDEN", "field": None}]
    await gql_as(eleni, CONSENT, id=me, public=False, fields=[])
    assert data(await gql_as(ANONYMOUS, PERSON, id=me)) == {"person": None}


REQUEST = """
mutation($id: ID!, $message: String) { requestIntroduction(personId: $id, message: $message) {
  introduction { id status message contact { name email } } errors { code field } } }
"""
RESPOND = """
mutation($id: ID!, $accept: Boolean!) { respondToIntroduction(id: $id, accept: $accept) {
  introduction { status contact { name email } } errors { code field } } }
"""
MINE = "{ me { introductions { status message contact { name email } } } }"


async def test_introductions_need_both_sides(
    graph: FalkorDBEngine, gql_as: ViewerGqlRunner
) -> None:
    asker = await make_account(graph, "asker@example.org", name="Νίκος")
    mentor = await make_account(graph, "mentor@example.org", name="Μαρία")
    third = await make_account(graph, "third@example.org", name="Τρίτος")
    # a private person cannot be asked
    hidden = data(await gql_as(asker, REQUEST, id=person_id(mentor), message="hi"))
    assert hidden["requestIntroduction"]["errors"] == [{"code": "NOT_FOUND", "field": "personId"}]
    await gql_as(mentor, CONSENT, id=person_id(mentor), public=True, fields=["BIO"])

    asked = data(await gql_as(asker, REQUEST, id=person_id(mentor), message=" Καλημέρα "))
    introduction = asked["requestIntroduction"]["introduction"]
    assert introduction["status"] == "PENDING" and introduction["message"] == "Καλημέρα"
    assert introduction["contact"] is None
    twice = data(await gql_as(asker, REQUEST, id=person_id(mentor), message=None))
    assert twice["requestIntroduction"]["errors"] == [{"code": "CONFLICT", "field": "personId"}]
    waiting = data(await gql_as(mentor, MINE))["me"]["introductions"]
    assert waiting == [{"status": "PENDING", "message": "Καλημέρα", "contact": None}]

    # only the person asked may answer
    stolen = data(await gql_as(third, RESPOND, id=introduction["id"], accept=True))
    assert stolen["respondToIntroduction"]["errors"] == [{"code": "NOT_FOUND", "field": "id"}]
    by_asker = data(await gql_as(asker, RESPOND, id=introduction["id"], accept=True))
    assert by_asker["respondToIntroduction"]["errors"][0]["code"] == "NOT_FOUND"

    accepted = data(await gql_as(mentor, RESPOND, id=introduction["id"], accept=True))
    assert accepted["respondToIntroduction"]["introduction"] == {
        "status": "ACCEPTED",
        "contact": {"name": "Νίκος", "email": "asker@example.org"},
    }
    seen_by_asker = data(await gql_as(asker, MINE))["me"]["introductions"]
    assert seen_by_asker[0]["contact"] == {"name": "Μαρία", "email": "mentor@example.org"}

    # a declined introduction shares nothing
    await gql_as(third, CONSENT, id=person_id(third), public=True, fields=[])
    declined_id = data(await gql_as(asker, REQUEST, id=person_id(third), message=None))[
        "requestIntroduction"
    ]["introduction"]["id"]
    declined = data(await gql_as(third, RESPOND, id=declined_id, accept=False))
    assert declined["respondToIntroduction"]["introduction"] == {
        "status": "DECLINED",
        "contact": None,
    }


TEAM = Statement(
    name="test_team_member",
    cypher="MATCH (p:Person {id: $person}) CREATE (t:Entity:Team {id: $team, name: 'Team A', "
    "sort_key: 'team a'}) CREATE (p)-[:TEAM_MEMBER]->(t) RETURN t.id AS id",
    write=True,
)
TEAM_OF = Statement(
    name="test_team_of",
    cypher="MATCH (p:Person)-[:TEAM_MEMBER]->(t:Team {id: $team}) RETURN p {.*} AS person",
)
EXPORT = "query($id: ID!) { exportPersonData(personId: $id) }"


async def test_export_then_erase_keeps_anonymised_contest_history(
    graph: FalkorDBEngine, gql_as: ViewerGqlRunner
) -> None:
    eleni = await make_account(graph, "eleni@example.org", name="Ελένη")
    admin = await make_account(graph, "admin@example.org", roles=(GlobalRole.ADMIN,))
    stranger = await make_account(graph, "stranger@example.org")
    assert eleni.person_id is not None and eleni.account_id is not None
    org = await crud.create(
        graph, organisations.ORGANISATIONS, {"name": "AUTh", "kind": "UNIVERSITY"}
    )
    await relations.link(
        graph, relations.AFFILIATED_WITH, eleni.person_id, org["id"], {"role": "PhD"}
    )
    team = str((await graph.run(TEAM, {"person": eleni.person_id, "team": new_id()}))[0]["id"])
    session = await sessions.start_session(graph, eleni.account_id, days=1)
    me = person_id(eleni)

    exported = data(await gql_as(eleni, EXPORT, id=me))["exportPersonData"]
    assert exported["person"]["name"] == "Ελένη"
    assert exported["account"]["email"] == "eleni@example.org"
    assert exported["activeSessions"] == 1
    kinds = {(item["relation"], item["other_name"]) for item in exported["relations"]}
    assert kinds == {("AFFILIATED_WITH", "AUTh"), ("TEAM_MEMBER", "Team A")}
    text = json.dumps(exported)
    assert "password_hash" not in text and "token_hash" not in text and "$argon2" not in text
    refused = await gql_as(stranger, EXPORT, id=me)
    assert refused.errors is not None and refused.data is None
    assert data(await gql_as(admin, EXPORT, id=me))["exportPersonData"]["person"]["name"] == "Ελένη"

    erase = "mutation($id: ID!) { erasePerson(personId: $id) { ok errors { code } } }"
    assert data(await gql_as(stranger, erase, id=me))["erasePerson"]["errors"] == [
        {"code": "FORBIDDEN"}
    ]
    assert data(await gql_as(eleni, erase, id=me))["erasePerson"] == {"ok": True, "errors": []}

    (row,) = await graph.run(TEAM_OF, {"team": team})
    anonymous = row["person"]
    assert anonymous["name"] == "Erased person" and anonymous["erased"] is True
    assert not {"bio_en", "skills_text", "email", "website"} & set(anonymous)
    assert "Ελένη" not in json.dumps(anonymous)
    assert await viewer_by_account(graph, eleni.account_id) is None
    assert await viewer_by_session(graph, digest(session.token)) is None
    try:
        await accounts.authenticate(graph, "eleni@example.org", PASSWORD)
        raise AssertionError("the erased account still signs in")
    except InvalidCredentials:
        pass
    after = data(await gql_as(admin, EXPORT, id=me))["exportPersonData"]
    assert after["account"] is None
    assert {item["relation"] for item in after["relations"]} == {"TEAM_MEMBER"}


async def test_the_audit_log_records_admins_and_organisers(
    graph: FalkorDBEngine, gql_as: ViewerGqlRunner
) -> None:
    admin = await make_account(graph, "admin@example.org", roles=(GlobalRole.ADMIN,))
    owner = await make_account(graph, "owner@example.org")
    organiser = await make_account(graph, "organiser@example.org")
    await make_account(graph, "judge@example.org")
    org = await crud.create(graph, organisations.ORGANISATIONS, {"name": "X", "kind": "SME"})
    challenge = str(
        (
            await graph.run(
                Statement(
                    name="test_audit_challenge",
                    cypher="CREATE (c:Entity:Challenge {id: $id, name: 'C', sort_key: 'c'}) "
                    "RETURN c.id AS id",
                    write=True,
                ),
                {"id": new_id()},
            )
        )[0]["id"]
    )
    assert owner.account_id is not None and organiser.account_id is not None
    await accounts.grant(graph, owner.account_id, OrganisationRole.OWNER, org["id"])
    await accounts.grant(graph, organiser.account_id, ChallengeRole.ORGANISER, challenge)
    owner = await viewer_by_account(graph, owner.account_id)  # type: ignore[assignment]
    organiser = await viewer_by_account(graph, organiser.account_id)  # type: ignore[assignment]
    update = """
    mutation($id: ID!, $name: String!) { updateOrganisation(id: $id, input: {name: $name}) {
      errors { code } } }
    """
    org_id = to_global_id("Organisation", org["id"])
    assert (
        data(await gql_as(owner, update, id=org_id, name="By owner"))["updateOrganisation"][
            "errors"
        ]
        == []
    )
    assert (
        data(await gql_as(admin, update, id=org_id, name="By admin"))["updateOrganisation"][
            "errors"
        ]
        == []
    )
    judge = """
    mutation($c: ID!) { grantRole(input: {email: "judge@example.org", role: CHALLENGE_JUDGE,
      targetId: $c}) { errors { code } } }
    """
    challenge_id = to_global_id("Challenge", challenge)
    assert data(await gql_as(organiser, judge, c=challenge_id))["grantRole"]["errors"] == []

    log = "{ auditLog { actorEmail role action organisationId challengeId } }"
    entries = data(await gql_as(admin, log))["auditLog"]
    assert entries == [
        {
            "actorEmail": "admin@example.org",
            "role": "ADMIN",
            "action": "auditLog",  # reading the log is on record too
            "organisationId": None,
            "challengeId": None,
        },
        {
            "actorEmail": "organiser@example.org",
            "role": "ORGANISER",
            "action": "grantRole CHALLENGE_JUDGE",
            "organisationId": None,
            "challengeId": challenge_id,
        },
        {
            "actorEmail": "admin@example.org",
            "role": "ADMIN",
            "action": "updateOrganisation",
            "organisationId": org_id,
            "challengeId": None,
        },
    ]
    refused = await gql_as(owner, log)
    assert refused.errors is not None
