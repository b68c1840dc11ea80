"""Who may do what: one table of every mutation, read by the resolvers and by the tests.

An administrator may do everything. Every other viewer is allowed an operation when one
of the grants the table lists for it holds for the thing the operation concerns:

| grant        | holds when the viewer                                                  |
| ------------ | ---------------------------------------------------------------------- |
| ANYONE       | is anyone, signed in or not                                            |
| ACCOUNT      | is signed in (verified or not)                                         |
| VERIFIED     | is signed in with a verified e-mail address                            |
| RESEARCHER   | holds the RESEARCHER role (and is verified)                            |
| MEMBER       | is a member or owner of the organisation concerned, or created it      |
| OWNER        | is an owner of the organisation concerned, or created it               |
| SELF         | is the person concerned (the account's own profile)                    |
| CREATOR      | created the node concerned (a pilot project)                           |
| ORGANISER    | organises the challenge concerned                                      |
| JUDGE        | judges the challenge concerned                                         |
| TEAM         | is a member of the challenge team concerned (its own profile is in it) |

Every grant but ANYONE and ACCOUNT needs a verified address, and every mutation but the
ANYONE and ACCOUNT ones needs the WRITE scope when the viewer came with an API token.
Every mutation but the ANYONE ones, signed in by the session cookie, needs the CSRF
header (`CSRF_FAILED` otherwise).
Reads are public except what is private: a person's e-mail address is never shown (the
account's own address only in `me`), and a private profile only to the person themself
(`person(id)`), not even to admins through the public queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hub.auth.errors import CsrfFailed, Forbidden, Unauthenticated
from hub.auth.viewer import (
    ChallengeRole,
    GlobalRole,
    OrganisationRole,
    Scope,
    Via,
    Viewer,
)


class Grant(StrEnum):
    ANYONE = "ANYONE"
    ACCOUNT = "ACCOUNT"
    VERIFIED = "VERIFIED"
    RESEARCHER = "RESEARCHER"
    MEMBER = "MEMBER"
    OWNER = "OWNER"
    SELF = "SELF"
    CREATOR = "CREATOR"
    ORGANISER = "ORGANISER"
    JUDGE = "JUDGE"
    TEAM = "TEAM"


ADMIN_ONLY: frozenset[Grant] = frozenset()
G = Grant


def _g(*grants: Grant) -> frozenset[Grant]:
    return frozenset(grants)


# Every mutation of the schema, by its GraphQL name; `link`/`unlink` per relation type,
# `grantRole`/`revokeRole` per role. The permission-matrix test fails when one is missing.
RULES: dict[str, frozenset[Grant]] = {
    # accounts
    "signUp": _g(G.ANYONE),
    "signIn": _g(G.ANYONE),
    "signOut": _g(G.ANYONE),
    "verifyEmail": _g(G.ANYONE),
    "requestPasswordReset": _g(G.ANYONE),
    "resetPassword": _g(G.ANYONE),
    "requestEmailVerification": _g(G.ACCOUNT),
    "changePassword": _g(G.ACCOUNT),
    "createApiToken": _g(G.ACCOUNT),
    "revokeApiToken": _g(G.ACCOUNT),
    "grantRole ADMIN": ADMIN_ONLY,
    "grantRole RESEARCHER": ADMIN_ONLY,
    "grantRole ORGANISATION_OWNER": _g(G.OWNER),
    "grantRole ORGANISATION_MEMBER": _g(G.OWNER),
    "grantRole CHALLENGE_ORGANISER": ADMIN_ONLY,
    "grantRole CHALLENGE_JUDGE": _g(G.ORGANISER),
    "revokeRole ADMIN": ADMIN_ONLY,
    "revokeRole RESEARCHER": ADMIN_ONLY,
    "revokeRole ORGANISATION_OWNER": _g(G.OWNER),
    "revokeRole ORGANISATION_MEMBER": _g(G.OWNER),
    "revokeRole CHALLENGE_ORGANISER": ADMIN_ONLY,
    "revokeRole CHALLENGE_JUDGE": _g(G.ORGANISER),
    # organisations: any verified account may register one and becomes its owner
    "createOrganisation": _g(G.VERIFIED),
    "updateOrganisation": _g(G.MEMBER),
    "deleteOrganisation": _g(G.OWNER),
    # people: a profile comes with signing up; its owner edits or erases it
    "createPerson": ADMIN_ONLY,
    "updatePerson": _g(G.SELF),
    "deletePerson": _g(G.SELF),
    # curated reference data
    "createNetwork": ADMIN_ONLY,
    "updateNetwork": ADMIN_ONLY,
    "deleteNetwork": ADMIN_ONLY,
    "createProgramme": ADMIN_ONLY,
    "updateProgramme": ADMIN_ONLY,
    "deleteProgramme": ADMIN_ONLY,
    "createFundingCall": ADMIN_ONLY,
    "updateFundingCall": ADMIN_ONLY,
    "deleteFundingCall": ADMIN_ONLY,
    "createProject": ADMIN_ONLY,
    "updateProject": ADMIN_ONLY,
    "deleteProject": ADMIN_ONLY,
    # researchers' pilots
    "createPilotProject": _g(G.RESEARCHER),
    "updatePilotProject": _g(G.CREATOR),
    "deletePilotProject": _g(G.CREATOR),
    # relations, by the side the relation speaks for
    "link MEMBER_OF": _g(G.OWNER),
    "link AFFILIATED_WITH": _g(G.MEMBER),
    "link RUNS": ADMIN_ONLY,
    "link PARTICIPATES_IN": ADMIN_ONLY,
    "link MENTORS": ADMIN_ONLY,
    "link PARTICIPATED_IN": ADMIN_ONLY,
    "link FUNDED_BY": ADMIN_ONLY,
    "link POSTED": _g(G.CREATOR),
    "link HOSTS": _g(G.MEMBER),
    "link PARTNER_IN": _g(G.MEMBER),
    "unlink MEMBER_OF": _g(G.OWNER),
    "unlink AFFILIATED_WITH": _g(G.MEMBER),
    "unlink RUNS": ADMIN_ONLY,
    "unlink PARTICIPATES_IN": ADMIN_ONLY,
    "unlink MENTORS": ADMIN_ONLY,
    "unlink PARTICIPATED_IN": ADMIN_ONLY,
    "unlink FUNDED_BY": ADMIN_ONLY,
    "unlink POSTED": _g(G.CREATOR),
    "unlink HOSTS": _g(G.MEMBER),
    "unlink PARTNER_IN": _g(G.MEMBER),
    # privacy: a person decides about their own profile and data
    "setProfileConsent": _g(G.SELF),
    "requestIntroduction": _g(G.VERIFIED),
    "respondToIntroduction": _g(G.VERIFIED),
    "erasePerson": _g(G.SELF),
    # open-data challenges: whoever creates one for their organisation organises it; the
    # acting person (team lead, member, author, judge) is always the viewer's own profile
    "createChallenge": _g(G.MEMBER),
    "updateChallenge": _g(G.ORGANISER),
    "moveChallenge": _g(G.ORGANISER),
    "setChallengeRubric": _g(G.ORGANISER),
    "setChallengeDatasets": _g(G.ORGANISER),
    "addJudge": _g(G.ORGANISER),
    "assignJudge": _g(G.ORGANISER),
    "assignJudges": _g(G.ORGANISER),
    "recordAwards": _g(G.ORGANISER),
    "setOnboardingStatus": _g(G.ORGANISER),
    "registerForChallenge": _g(G.VERIFIED),
    "createTeam": _g(G.VERIFIED),
    "joinTeam": _g(G.VERIFIED),
    "inviteToTeam": _g(G.TEAM),
    "leaveTeam": _g(G.TEAM),
    "submit": _g(G.TEAM),
    "editSubmission": _g(G.TEAM),
    "scoreSubmission": _g(G.JUDGE),
}

# Queries that are not public: checked the same way, and never need the WRITE scope.
QUERY_RULES: dict[str, frozenset[Grant]] = {
    "exportPersonData": _g(G.SELF),
    "auditLog": ADMIN_ONLY,
    # challenges: judging is for the organisers; a judge sees what is assigned to them
    "judgeAssignments": _g(G.JUDGE, G.ORGANISER),
    "judgingProgress": _g(G.ORGANISER),
    "challengeRanking": _g(G.ORGANISER),
    "challengeScoreSheets": _g(G.ORGANISER),
    "judgeConflicts": _g(G.ORGANISER),
    "challengeFollowUp": _g(G.ORGANISER),
    "suggestTeams": _g(G.SELF),
}

_OPEN = frozenset({Grant.ANYONE, Grant.ACCOUNT})
_ANYONE = frozenset({Grant.ANYONE})


@dataclass(frozen=True)
class Concerned:
    """What an operation is about: the ids the grants are checked against."""

    organisation: str | None = None
    organisation_creator: str | None = None
    """The account that created the organisation concerned (its `created_by`)."""
    person: str | None = None
    creator: str | None = None
    """The account that created the (other) node concerned: a pilot project."""
    challenge: str | None = None
    team_members: frozenset[str] = frozenset()
    """The person ids of the members of the challenge team concerned."""


def _holds(grant: Grant, viewer: Viewer, concerned: Concerned) -> bool:
    if grant is Grant.ANYONE:
        return True
    if grant is Grant.ACCOUNT:
        return viewer.signed_in
    if not viewer.signed_in or not viewer.verified:
        return False
    creator = concerned.creator is not None and concerned.creator == viewer.account_id
    founder = (
        concerned.organisation_creator is not None
        and concerned.organisation_creator == viewer.account_id
    )
    organisation = viewer.organisation_roles(concerned.organisation)
    match grant:
        case Grant.VERIFIED:
            return True
        case Grant.RESEARCHER:
            return GlobalRole.RESEARCHER in viewer.roles
        case Grant.MEMBER:
            return concerned.organisation is not None and (bool(organisation) or founder)
        case Grant.OWNER:
            return concerned.organisation is not None and (
                OrganisationRole.OWNER in organisation or founder
            )
        case Grant.SELF:
            return concerned.person is not None and concerned.person == viewer.person_id
        case Grant.CREATOR:
            return creator
        case Grant.ORGANISER:
            return ChallengeRole.ORGANISER in viewer.challenge_roles(concerned.challenge)
        case Grant.JUDGE:
            return ChallengeRole.JUDGE in viewer.challenge_roles(concerned.challenge)
        case Grant.TEAM:
            return viewer.person_id is not None and viewer.person_id in concerned.team_members
    return False


def _is_admin(viewer: Viewer) -> bool:
    return viewer.is_admin and (viewer.verified or viewer.via is Via.INTERNAL)


def allows(viewer: Viewer, grants: frozenset[Grant], concerned: Concerned) -> bool:
    return _is_admin(viewer) or any(_holds(grant, viewer, concerned) for grant in grants)


def privilege(viewer: Viewer, operation: str, concerned: Concerned) -> str | None:
    """ADMIN or ORGANISER when that role is what lets the viewer do `operation` (for the
    audit log); None when an ordinary grant allows it, or for trusted internal code."""
    if viewer.account_id is None:
        return None
    grants = grants_of(operation)
    if Grant.ORGANISER in grants and _holds(Grant.ORGANISER, viewer, concerned):
        return "ORGANISER"
    ordinary = any(_holds(grant, viewer, concerned) for grant in grants)
    return "ADMIN" if _is_admin(viewer) and not ordinary else None


def grants_of(operation: str) -> frozenset[Grant]:
    """The grants of a mutation or guarded query; ADMIN_ONLY for anything unknown."""
    found = RULES.get(operation)
    return found if found is not None else QUERY_RULES.get(operation, ADMIN_ONLY)


def check(viewer: Viewer, operation: str, concerned: Concerned | None = None) -> None:
    """Raise UNAUTHENTICATED or FORBIDDEN unless the table lets `viewer` do `operation`.

    An operation missing from the table is forbidden to all but administrators.
    """
    grants = grants_of(operation)
    about = concerned or Concerned()
    # every mutation but the open ones writes (ADMIN_ONLY, empty, too); queries never do
    needs_write = operation not in QUERY_RULES and (not grants or not grants <= _OPEN)
    if needs_write and viewer.via is Via.TOKEN and Scope.WRITE not in viewer.scopes:
        raise Forbidden(f"{operation}: this API token has no WRITE scope")
    if (
        operation in RULES
        and grants != _ANYONE
        and viewer.via is Via.SESSION
        and not viewer.csrf_ok
    ):
        raise CsrfFailed(
            f"{operation}: a mutation signed in by cookie must send the X-CSRF-Token header, "
            "equal to the hub_csrf cookie"
        )
    if allows(viewer, grants, about):
        return
    if not viewer.signed_in:
        raise Unauthenticated(f"{operation}: sign in first")
    if needs_write and not viewer.verified:
        raise Forbidden(f"{operation}: verify your e-mail address first")
    raise Forbidden(f"{operation}: your account may not do this")


def may(viewer: Viewer, grants: frozenset[Grant], concerned: Concerned) -> bool:
    """Whether the viewer may see something guarded by `grants` (fields, private nodes)."""
    return allows(viewer, grants, concerned)
