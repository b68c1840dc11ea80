"""The permission matrix: every mutation, run as every role, allowed or denied exactly as
hub.auth.permissions.RULES says; plus the checks being about the right node."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from graph import Statement
from graph.falkordb_engine import FalkorDBEngine
from hub.api.accounts import RoleName
from hub.api.links import RelationType
from hub.api.schema import schema
from hub.auth import accounts
from hub.auth.errors import CsrfFailed, Forbidden, Unauthenticated
from hub.auth.permissions import QUERY_RULES, RULES, Concerned, Grant, check, grants_of
from hub.auth.viewer import (
    ANONYMOUS,
    ChallengeRole,
    GlobalRole,
    OrganisationRole,
    Scope,
    Via,
    Viewer,
    viewer_by_account,
)
from hub.ecosystem import (
    crud,
    funding_calls,
    networks,
    organisations,
    people,
    pilot_projects,
    programmes,
    projects,
)
from hub.ecosystem.ids import new_id, to_global_id
from tests.conftest import ViewerGqlRunner
from tests.hub.auth.conftest import PASSWORD, make_account

G = Grant
ROLES = (
    "anonymous",
    "unverified",
    "account",
    "judge",
    "organiser",
    "member",
    "researcher",
    "owner",
    "teammate",
    "admin",
)
# The grants each role holds on the things every operation of the matrix concerns: the
# organisation X, the plain account's own profile, the researcher's pilot, challenge C
# (and its team T, of which the teammate is a member, with T's submission and award).
SIGNED = {G.ANYONE, G.ACCOUNT, G.VERIFIED}
ROLE_GRANTS: dict[str, set[Grant]] = {
    "anonymous": {G.ANYONE},
    "unverified": {G.ANYONE, G.ACCOUNT},
    "account": SIGNED | {G.SELF},
    "judge": SIGNED | {G.JUDGE},
    "organiser": SIGNED | {G.ORGANISER},
    "member": SIGNED | {G.MEMBER},
    "researcher": SIGNED | {G.RESEARCHER, G.CREATOR},
    "owner": SIGNED | {G.MEMBER, G.OWNER},
    "teammate": SIGNED | {G.TEAM},
    "admin": set(Grant),
}
DENIED = {"FORBIDDEN", "UNAUTHENTICATED"}
NEW_CHALLENGE = Statement(
    name="test_new_challenge",
    cypher="CREATE (c:Entity:Challenge {id: $id, name: 'C', sort_key: 'c'}) RETURN c.id AS id",
    write=True,
)
NEW_TEAM = Statement(
    name="test_new_team",
    cypher="MATCH (c:Challenge {id: $challenge}) MATCH (p:Person {id: $person}) "
    "CREATE (p)-[:TEAM_MEMBER {role: 'lead'}]->(t:Entity:Team {id: $team, name: 'T', "
    "sort_key: 't'})-[:ENTERED]->(c) "
    "CREATE (t)-[:SUBMITTED]->(s:Entity:Submission {id: $submission, title: 'S', version: 1})"
    "-[:SUBMITTED_TO]->(c) "
    "CREATE (t)-[:WON]->(a:Entity:Award {id: $award, rank: 1})-[:AWARD_OF]->(c) "
    "RETURN t.id AS id",
    write=True,
)
_emails = itertools.count()


def expected(operation: str, role: str) -> bool:
    return role == "admin" or bool(grants_of(operation) & ROLE_GRANTS[role])


@dataclass
class World:
    viewers: dict[str, Viewer]
    emails: dict[str, str]
    bystander: str
    ids: dict[str, str]  # global ids of the nodes concerned


async def accounts_for_roles(graph: FalkorDBEngine) -> tuple[dict[str, str], dict[str, str], str]:
    """The account ids and e-mails of every role (roles on targets come per operation)."""
    ids: dict[str, str] = {}
    emails: dict[str, str] = {}
    for role in ROLES[1:]:
        email = f"{role}@example.org"
        roles = {"researcher": (GlobalRole.RESEARCHER,), "admin": (GlobalRole.ADMIN,)}.get(role, ())
        viewer = await make_account(graph, email, roles=roles, verified=role != "unverified")
        assert viewer.account_id is not None
        ids[role], emails[role] = viewer.account_id, email
    bystander = await make_account(graph, "bystander@example.org", name=None)
    assert bystander.email is not None
    return ids, emails, bystander.email


async def fresh_world(
    graph: FalkorDBEngine, account_ids: dict[str, str], emails: dict[str, str], bystander: str
) -> World:
    """New nodes for one operation, the roles on them granted, the viewers loaded again."""

    async def make(resource: crud.Resource[Any], data: dict[str, Any], **marks: Any) -> str:
        node = await crud.create(graph, resource, data, marks=marks)
        return str(node["id"])

    org = await make(organisations.ORGANISATIONS, {"name": "X", "kind": "SME"})
    pilot = await make(
        pilot_projects.PILOT_PROJECTS,
        {"title": {"en": "Pilot"}},
        created_by=account_ids["researcher"],
    )
    network = await make(networks.NETWORKS, {"name": "EEN", "kind": "EEN"})
    programme = await make(programmes.PROGRAMMES, {"name": "OK!Thess"})
    project = await make(projects.PROJECTS, {"title": {"en": "Project"}})
    call = await make(
        funding_calls.FUNDING_CALLS,
        {
            "identifier": f"CALL-{new_id()}",
            "title": {"en": "Call"},
            "deadline": "2030-01-01T17:00:00+01:00",
        },
    )
    challenge = str((await graph.run(NEW_CHALLENGE, {"id": new_id()}))[0]["id"])
    target = await make(people.PEOPLE, {"name": "T", "roles": ["MENTOR"], "is_public": True})
    await accounts.grant(graph, account_ids["owner"], OrganisationRole.OWNER, org)
    await accounts.grant(graph, account_ids["member"], OrganisationRole.MEMBER, org)
    await accounts.grant(graph, account_ids["organiser"], ChallengeRole.ORGANISER, challenge)
    await accounts.grant(graph, account_ids["judge"], ChallengeRole.JUDGE, challenge)
    viewers: dict[str, Viewer] = {"anonymous": ANONYMOUS}
    for role, account_id in account_ids.items():
        loaded = await viewer_by_account(graph, account_id)
        assert loaded is not None
        viewers[role] = loaded
    person = viewers["account"].person_id
    assert person is not None
    team, submission, award = new_id(), new_id(), new_id()
    await graph.run(
        NEW_TEAM,
        {
            "challenge": challenge,
            "person": viewers["teammate"].person_id,
            "team": team,
            "submission": submission,
            "award": award,
        },
    )
    ids = {
        "Organisation": to_global_id("Organisation", org),
        "Person": to_global_id("Person", person),
        "PilotProject": to_global_id("PilotProject", pilot),
        "Network": to_global_id("Network", network),
        "Programme": to_global_id("Programme", programme),
        "Project": to_global_id("Project", project),
        "FundingCall": to_global_id("FundingCall", call),
        "Challenge": to_global_id("Challenge", challenge),
        "Target": to_global_id("Person", target),
        "Team": to_global_id("Team", team),
        "Submission": to_global_id("Submission", submission),
        "Award": to_global_id("Award", award),
    }
    return World(viewers, emails, bystander, ids)


Operation = Callable[[World, str], tuple[str, dict[str, Any]]]
ERRORS = "errors { code field message }"


def _crud(
    type_name: str, create_input: dict[str, Any], update_input: dict[str, Any]
) -> dict[str, Operation]:
    return {
        f"create{type_name}": lambda w, r: (
            f"mutation($input: Create{type_name}Input!) "
            f"{{ create{type_name}(input: $input) {{ {ERRORS} }} }}",
            {"input": create_input},
        ),
        f"update{type_name}": lambda w, r: (
            f"mutation($id: ID!, $input: Update{type_name}Input!) "
            f"{{ update{type_name}(id: $id, input: $input) {{ {ERRORS} }} }}",
            {"id": w.ids[type_name], "input": update_input},
        ),
        f"delete{type_name}": lambda w, r: (
            f"mutation($id: ID!) {{ delete{type_name}(id: $id) {{ {ERRORS} }} }}",
            {"id": w.ids[type_name]},
        ),
    }


LINK_ENDS = {
    RelationType.MEMBER_OF: ("Organisation", "Network"),
    RelationType.AFFILIATED_WITH: ("Person", "Organisation"),
    RelationType.RUNS: ("Organisation", "Programme"),
    RelationType.PARTICIPATES_IN: ("Organisation", "Programme"),
    RelationType.MENTORS: ("Person", "Programme"),
    RelationType.PARTICIPATED_IN: ("Organisation", "Project"),
    RelationType.FUNDED_BY: ("Project", "FundingCall"),
    RelationType.POSTED: ("Person", "PilotProject"),
    RelationType.HOSTS: ("Organisation", "PilotProject"),
    RelationType.PARTNER_IN: ("Organisation", "PilotProject"),
}


def _link(verb: str, relation: RelationType) -> Operation:
    source, target = LINK_ENDS[relation]
    return lambda w, r: (
        f"mutation($from: ID!, $to: ID!) {{ {verb}(relation: {relation.value}, fromId: $from, "
        f"toId: $to) {{ {ERRORS} }} }}",
        {"from": w.ids[source], "to": w.ids[target]},
    )


def _role(verb: str, role: RoleName) -> Operation:
    def build(w: World, r: str) -> tuple[str, dict[str, Any]]:
        target = None
        if role.value.startswith("ORGANISATION"):
            target = w.ids["Organisation"]
        elif role.value.startswith("CHALLENGE"):
            target = w.ids["Challenge"]
        query = f"mutation($input: RoleInput!) {{ {verb}(input: $input) {{ {ERRORS} }} }}"
        return query, {"input": {"email": w.bystander, "role": role.value, "targetId": target}}

    return build


def _simple(field: str, arguments: str = "", **variables: Any) -> Operation:
    declared = ", ".join(f"${name}: {kind}" for name, kind in _KINDS.items() if name in variables)
    head = f"mutation({declared})" if declared else "mutation"
    return lambda w, r: (f"{head} {{ {field}{arguments} {{ {ERRORS} }} }}", dict(variables))


_KINDS = {"email": "String!", "password": "String!", "token": "String!", "name": "String!"}


def _challenge(
    field: str, declared: str, arguments: str, **variables: Callable[[World], Any]
) -> Operation:
    """A challenge mutation (or a guarded challenge query, `field` starting with `query`)."""
    query = field.startswith("query ")
    name = field.removeprefix("query ")
    selection = f"{{ {ERRORS} }}"
    if query:
        selection = {
            "judgeAssignments": "{ submissionId }",
            "judgingProgress": "{ assigned }",
            "challengeRanking": "{ rank }",
            "challengeScoreSheets": "{ comment }",
            "judgeConflicts": "{ teamId }",
            "challengeFollowUp": "{ __typename }",
            "suggestTeams": "{ name }",
        }[name]
    head = "query" if query else "mutation"
    return lambda w, r: (
        f"{head}({declared}) {{ {name}({arguments}) {selection} }}",
        {key: build(w) for key, build in variables.items()},
    )


CHALLENGE_OPERATIONS: dict[str, Operation] = {
    "createChallenge": _challenge(
        "createChallenge",
        "$input: ChallengeInput!",
        "input: $input",
        input=lambda w: {"title": {"en": "New"}, "organiserIds": [w.ids["Organisation"]]},
    ),
    "updateChallenge": _challenge(
        "updateChallenge",
        "$id: ID!, $input: ChallengePatch!",
        "id: $id, input: $input",
        id=lambda w: w.ids["Challenge"],
        input=lambda w: {"website": "https://x.org"},
    ),
    "moveChallenge": _challenge(
        "moveChallenge", "$id: ID!", "id: $id, phase: PUBLISHED", id=lambda w: w.ids["Challenge"]
    ),
    "setChallengeRubric": _challenge(
        "setChallengeRubric",
        "$c: ID!",
        'challengeId: $c, criteria: [{key: "a", name: "A", weight: 1, minimum: 0, maximum: 5}]',
        c=lambda w: w.ids["Challenge"],
    ),
    "setChallengeDatasets": _challenge(
        "setChallengeDatasets",
        "$c: ID!",
        "challengeId: $c, datasetIds: []",
        c=lambda w: w.ids["Challenge"],
    ),
    "addJudge": _challenge(
        "addJudge",
        "$c: ID!, $p: ID!",
        "challengeId: $c, personId: $p",
        c=lambda w: w.ids["Challenge"],
        p=lambda w: w.ids["Target"],
    ),
    "assignJudge": _challenge(
        "assignJudge",
        "$s: ID!, $p: ID!",
        "submissionId: $s, judgeId: $p",
        s=lambda w: w.ids["Submission"],
        p=lambda w: w.ids["Target"],
    ),
    "assignJudges": _challenge(
        "assignJudges",
        "$c: ID!",
        "challengeId: $c, perSubmission: 1",
        c=lambda w: w.ids["Challenge"],
    ),
    "recordAwards": _challenge(
        "recordAwards",
        "$c: ID!, $t: ID!",
        "challengeId: $c, placements: [{teamId: $t, rank: 1}]",
        c=lambda w: w.ids["Challenge"],
        t=lambda w: w.ids["Team"],
    ),
    "setOnboardingStatus": _challenge(
        "setOnboardingStatus",
        "$a: ID!",
        'awardId: $a, status: "referred"',
        a=lambda w: w.ids["Award"],
    ),
    "registerForChallenge": _challenge(
        "registerForChallenge", "$c: ID!", "challengeId: $c", c=lambda w: w.ids["Challenge"]
    ),
    "createTeam": _challenge(
        "createTeam", "$c: ID!", 'challengeId: $c, name: "N"', c=lambda w: w.ids["Challenge"]
    ),
    "joinTeam": _challenge("joinTeam", "$t: ID!", "teamId: $t", t=lambda w: w.ids["Team"]),
    "inviteToTeam": _challenge(
        "inviteToTeam",
        "$t: ID!, $p: ID!",
        "teamId: $t, personId: $p",
        t=lambda w: w.ids["Team"],
        p=lambda w: w.ids["Target"],
    ),
    "leaveTeam": _challenge("leaveTeam", "$t: ID!", "teamId: $t", t=lambda w: w.ids["Team"]),
    "submit": _challenge(
        "submit",
        "$t: ID!",
        'teamId: $t, input: {title: "X", summary: "Y"}',
        t=lambda w: w.ids["Team"],
    ),
    "editSubmission": _challenge(
        "editSubmission",
        "$s: ID!",
        'id: $s, version: 1, input: {title: "Z"}',
        s=lambda w: w.ids["Submission"],
    ),
    "scoreSubmission": _challenge(
        "scoreSubmission",
        "$s: ID!",
        'submissionId: $s, scores: {a: 1}, comment: "private"',
        s=lambda w: w.ids["Submission"],
    ),
    "judgeAssignments": _challenge(
        "query judgeAssignments", "$c: ID!", "challengeId: $c", c=lambda w: w.ids["Challenge"]
    ),
    "judgingProgress": _challenge(
        "query judgingProgress", "$c: ID!", "challengeId: $c", c=lambda w: w.ids["Challenge"]
    ),
    "challengeRanking": _challenge(
        "query challengeRanking", "$c: ID!", "challengeId: $c", c=lambda w: w.ids["Challenge"]
    ),
    "challengeFollowUp": _challenge(
        "query challengeFollowUp", "$c: ID!", "challengeId: $c", c=lambda w: w.ids["Challenge"]
    ),
    "challengeScoreSheets": _challenge(
        "query challengeScoreSheets", "$c: ID!", "challengeId: $c", c=lambda w: w.ids["Challenge"]
    ),
    "judgeConflicts": _challenge(
        "query judgeConflicts", "$c: ID!", "challengeId: $c", c=lambda w: w.ids["Challenge"]
    ),
    "suggestTeams": _challenge(
        "query suggestTeams",
        "$c: ID!, $p: ID!",
        "challengeId: $c, personId: $p",
        c=lambda w: w.ids["Challenge"],
        p=lambda w: w.ids["Person"],
    ),
}

OPERATIONS: dict[str, Operation] = {
    **_crud("Organisation", {"name": "New", "kind": "STARTUP"}, {"city": "Θεσσαλονίκη"}),
    **_crud("Person", {"name": "New", "roles": ["MENTOR"]}, {"skills": ["IoT"]}),
    **_crud("Network", {"name": "New", "kind": "CLUSTER"}, {"website": "https://x.org"}),
    **_crud("Programme", {"name": "New"}, {"website": "https://x.org"}),
    **_crud(
        "FundingCall",
        {"identifier": "NEW-1", "title": {"en": "T"}, "deadline": "2031-01-01T12:00:00+00:00"},
        {"programme": "HORIZON"},
    ),
    **_crud("Project", {"title": {"en": "New"}}, {"acronym": "NEW"}),
    **_crud("PilotProject", {"title": {"en": "New"}}, {"testSite": "a school"}),
    **{f"link {r.value}": _link("link", r) for r in RelationType},
    **{f"unlink {r.value}": _link("unlink", r) for r in RelationType},
    **{f"grantRole {r.value}": _role("grantRole", r) for r in RoleName},
    **{f"revokeRole {r.value}": _role("revokeRole", r) for r in RoleName},
    "signIn": lambda w, r: (
        f"mutation($e: String!, $p: String!) {{ signIn(email: $e, password: $p) {{ {ERRORS} }} }}",
        {"e": w.emails["account"], "p": PASSWORD},
    ),
    "signUp": lambda w, r: (
        f"mutation($input: SignUpInput!) {{ signUp(input: $input) {{ {ERRORS} }} }}",
        {"input": {"email": f"new{next(_emails)}@example.org", "password": PASSWORD, "name": "N"}},
    ),
    "signOut": _simple("signOut"),
    "verifyEmail": lambda w, r: (
        f'mutation {{ verifyEmail(token: "unknown") {{ {ERRORS} }} }}',
        {},
    ),
    "requestEmailVerification": _simple("requestEmailVerification"),
    "requestPasswordReset": lambda w, r: (
        f'mutation {{ requestPasswordReset(email: "nobody@example.org") {{ {ERRORS} }} }}',
        {},
    ),
    "resetPassword": lambda w, r: (
        'mutation { resetPassword(token: "unknown", newPassword: "long enough!") '
        f"{{ {ERRORS} }} }}",
        {},
    ),
    "changePassword": lambda w, r: (
        f'mutation {{ changePassword(currentPassword: "wrong guess", newPassword: "long enough!") '
        f"{{ {ERRORS} }} }}",
        {},
    ),
    "createApiToken": lambda w, r: (
        f'mutation {{ createApiToken(name: "script", scopes: [READ]) {{ {ERRORS} }} }}',
        {},
    ),
    "setProfileConsent": lambda w, r: (
        "mutation($id: ID!) { setProfileConsent(personId: $id, isPublic: true, "
        f"publicFields: [BIO]) {{ {ERRORS} }} }}",
        {"id": w.ids["Person"]},
    ),
    "requestIntroduction": lambda w, r: (
        f"mutation($id: ID!) {{ requestIntroduction(personId: $id) {{ {ERRORS} }} }}",
        {"id": w.ids["Target"]},
    ),
    "respondToIntroduction": lambda w, r: (
        f"mutation($id: ID!) {{ respondToIntroduction(id: $id, accept: true) {{ {ERRORS} }} }}",
        {"id": to_global_id("Introduction", new_id())},
    ),
    "erasePerson": lambda w, r: (
        f"mutation($id: ID!) {{ erasePerson(personId: $id) {{ {ERRORS} }} }}",
        {"id": w.ids["Person"]},
    ),
    "exportPersonData": lambda w, r: (
        "query($id: ID!) { exportPersonData(personId: $id) }",
        {"id": w.ids["Person"]},
    ),
    "auditLog": lambda w, r: ("{ auditLog { action } }", {}),
    "revokeApiToken": lambda w, r: (
        f"mutation($id: ID!) {{ revokeApiToken(id: $id) {{ {ERRORS} }} }}",
        {"id": to_global_id("ApiToken", new_id())},
    ),
    **CHALLENGE_OPERATIONS,
}


def schema_operations() -> set[str]:
    """Every mutation of the schema, with link/unlink per relation and roles per role."""
    mutation = schema._schema.mutation_type
    assert mutation is not None
    names: set[str] = set()
    for name in mutation.fields:
        if name in ("link", "unlink"):
            names |= {f"{name} {relation.value}" for relation in RelationType}
        elif name in ("grantRole", "revokeRole"):
            names |= {f"{name} {role.value}" for role in RoleName}
        else:
            names.add(name)
    return names


def test_the_table_and_the_matrix_cover_every_mutation() -> None:
    names = schema_operations()
    assert len(names) > 60
    assert set(RULES) == names
    assert set(OPERATIONS) == names | set(QUERY_RULES)


async def test_every_mutation_as_every_role(graph: FalkorDBEngine, gql_as: ViewerGqlRunner) -> None:
    account_ids, emails, bystander = await accounts_for_roles(graph)
    outcomes: dict[tuple[str, str], bool] = {}
    wrong: list[str] = []
    # erasure last: it deletes the plain account the other operations run as
    for operation in sorted(OPERATIONS, key=lambda name: (name == "erasePerson", name)):
        build = OPERATIONS[operation]
        world = await fresh_world(graph, account_ids, emails, bystander)
        for role in ROLES:
            query, variables = build(world, role)
            result = await gql_as(world.viewers[role], query, **variables)
            if operation in QUERY_RULES:  # a refused query is a GraphQL error
                payload = {
                    "errors": [
                        {"code": getattr(error.original_error, "code", "?")}
                        for error in result.errors or []
                    ]
                }
            else:
                assert result.errors is None, (operation, role, result.errors)
                assert result.data is not None
                (payload,) = result.data.values()
            codes = {error["code"] for error in payload["errors"]}
            allowed = not codes & DENIED
            if role == "anonymous" and not allowed:
                assert codes == {"UNAUTHENTICATED"}, (operation, payload)
            outcomes[operation, role] = allowed
            if allowed != expected(operation, role):
                wrong.append(
                    f"{operation} as {role}: {'allowed' if allowed else 'denied'} {payload}"
                )
    assert wrong == []
    # the matrix is not trivially all-or-nothing: every role is refused something, and
    # every role but the anonymous and the unverified is allowed a write
    for role in ROLES[:-1]:
        assert not all(outcomes[op, role] for op in OPERATIONS), role
    for role in ROLES[2:]:
        assert outcomes["createOrganisation", role], role


async def test_denied_writes_change_nothing_and_roles_are_about_their_own_node(
    graph: FalkorDBEngine, gql_as: ViewerGqlRunner
) -> None:
    member = await make_account(graph, "m@example.org")
    x = await crud.create(graph, organisations.ORGANISATIONS, {"name": "X", "kind": "SME"})
    y = await crud.create(graph, organisations.ORGANISATIONS, {"name": "Y", "kind": "SME"})
    assert member.account_id is not None
    await accounts.grant(graph, member.account_id, OrganisationRole.MEMBER, x["id"])
    member = await viewer_by_account(graph, member.account_id)  # type: ignore[assignment]
    update = """
    mutation($id: ID!) { updateOrganisation(id: $id, input: {name: "Renamed"}) {
      organisation { name } errors { code } } }
    """
    on_x = await gql_as(member, update, id=to_global_id("Organisation", x["id"]))
    assert on_x.data == {"updateOrganisation": {"organisation": {"name": "Renamed"}, "errors": []}}
    on_y = await gql_as(member, update, id=to_global_id("Organisation", y["id"]))
    assert on_y.data == {
        "updateOrganisation": {"organisation": None, "errors": [{"code": "FORBIDDEN"}]}
    }
    read = await gql_as(
        ANONYMOUS,
        "query($id: ID!) { organisation(id: $id) { name } }",
        id=to_global_id("Organisation", y["id"]),
    )
    assert read.data == {"organisation": {"name": "Y"}}
    # a member may not delete (owners may)
    delete = "mutation($id: ID!) { deleteOrganisation(id: $id) { deletedId errors { code } } }"
    kept = await gql_as(member, delete, id=to_global_id("Organisation", x["id"]))
    assert kept.data == {
        "deleteOrganisation": {"deletedId": None, "errors": [{"code": "FORBIDDEN"}]}
    }


async def test_whoever_creates_an_organisation_owns_it(
    graph: FalkorDBEngine, gql_as: ViewerGqlRunner
) -> None:
    founder = await make_account(graph, "founder@example.org")
    stranger = await make_account(graph, "stranger@example.org")
    made = await gql_as(
        founder,
        'mutation { createOrganisation(input: {name: "Νέα", kind: STARTUP}) '
        "{ organisation { id } errors { code } } }",
    )
    assert made.data is not None
    org_id = made.data["createOrganisation"]["organisation"]["id"]
    delete = "mutation($id: ID!) { deleteOrganisation(id: $id) { deletedId errors { code } } }"
    refused = await gql_as(stranger, delete, id=org_id)
    assert refused.data == {
        "deleteOrganisation": {"deletedId": None, "errors": [{"code": "FORBIDDEN"}]}
    }
    done = await gql_as(founder, delete, id=org_id)
    assert done.data == {"deleteOrganisation": {"deletedId": org_id, "errors": []}}


def test_check_without_graph() -> None:
    reader = Viewer(
        account_id="a",
        email="a@x.org",
        verified=True,
        scopes=frozenset({Scope.READ}),
        via=Via.TOKEN,
    )
    with pytest.raises(Forbidden, match="WRITE"):
        check(reader, "createOrganisation")
    check(reader, "signOut")  # open operations need no WRITE scope
    admin_reader = Viewer(
        account_id="d",
        email="d@x.org",
        roles=frozenset({GlobalRole.ADMIN}),
        verified=True,
        scopes=frozenset({Scope.READ}),
        via=Via.TOKEN,
    )
    with pytest.raises(Forbidden, match="WRITE"):
        check(admin_reader, "createNetwork")  # admin-only writes need the scope too
    with pytest.raises(Unauthenticated):
        check(ANONYMOUS, "updateOrganisation", Concerned(organisation="x"))
    unverified = Viewer(
        account_id="b", email="b@x.org", roles=frozenset({GlobalRole.ADMIN}), via=Via.SESSION
    )
    with pytest.raises(Forbidden, match="verify"):
        check(unverified, "createNetwork")  # an admin must have verified the address too
    with pytest.raises(Forbidden):
        check(
            Viewer(account_id="c", email="c@x.org", verified=True, via=Via.SESSION),
            "not in the table",
        )
    no_csrf = Viewer(
        account_id="e",
        email="e@x.org",
        roles=frozenset({GlobalRole.ADMIN}),
        verified=True,
        via=Via.SESSION,
        csrf_ok=False,
    )
    with pytest.raises(CsrfFailed):
        check(no_csrf, "createNetwork")
    with pytest.raises(CsrfFailed):
        check(no_csrf, "changePassword")
    check(no_csrf, "signOut")  # open to anyone: no CSRF token needed
    check(no_csrf, "exportPersonData")  # queries read, they need none
