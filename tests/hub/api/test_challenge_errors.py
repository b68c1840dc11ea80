"""Challenge errors reach clients as `{code field message}`, in payloads and as GraphQL
errors, never as a stack trace; refused challenge queries name who may run them."""

from __future__ import annotations

from challenges.errors import ConflictOfInterest, DeadlinePassed, PathStep
from graph.falkordb_engine import FalkorDBEngine
from hub.api.context import Context, Loaders
from hub.api.errors import public_error
from hub.api.schema import schema
from hub.auth.viewer import ANONYMOUS, SYSTEM
from hub.ecosystem.ids import new_id, to_global_id
from hub.suggestions.index import MatchIndex
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.service import Matcher
from tests.conftest import ViewerGqlRunner


def test_challenge_errors_are_public_errors_with_their_code() -> None:
    late = public_error(DeadlinePassed("too late: the deadline passed", "teamId"))
    assert late is not None
    assert (late.code, late.message) == ("DEADLINE_PASSED", "too late: the deadline passed")
    conflict = public_error(
        ConflictOfInterest("conflict of interest: J", [PathStep("Person", "j", "J", None)])
    )
    assert conflict is not None and conflict.code == "CONFLICT_OF_INTEREST"
    assert public_error(RuntimeError("boom")) is None  # unexpected: masked by the endpoint


async def test_a_challenge_error_in_a_query_is_a_coded_graphql_error(
    graph: FalkorDBEngine, holder: EmbedderHolder
) -> None:
    embedder = holder.get()
    matcher = Matcher(graph=graph, index=MatchIndex(embedder.dimensions), embedder=embedder)
    context = Context(graph=graph, loaders=Loaders(graph), matcher=matcher, viewer=SYSTEM)
    result = await schema.execute(
        "query($c: ID!) { challengeFollowUp(challengeId: $c) { programmes { relevance } } }",
        variable_values={"c": to_global_id("Challenge", new_id())},
        context_value=context,
    )
    assert result.errors is not None
    (error,) = result.errors
    assert error.message == "no challenge has this id"
    assert getattr(error.original_error, "code", None) == "NOT_FOUND"
    assert error.extensions == {"field": "challengeId"}


async def test_drafts_and_judging_stay_private(
    graph: FalkorDBEngine, gql_as: ViewerGqlRunner
) -> None:
    created = await gql_as(
        SYSTEM,
        'mutation { createOrganisation(input: {name: "Δήμος", kind: PUBLIC_BODY}) '
        "{ organisation { id } } }",
    )
    assert created.data is not None
    organiser = created.data["createOrganisation"]["organisation"]["id"]
    draft = await gql_as(
        SYSTEM,
        'mutation($o: ID!) { createChallenge(input: {title: {en: "Draft"}, '
        "organiserIds: [$o]}) { challenge { id phase } errors { code } } }",
        o=organiser,
    )
    assert draft.data is not None
    challenge = draft.data["createChallenge"]["challenge"]
    assert challenge["phase"] == "DRAFT"
    seen = await gql_as(
        ANONYMOUS,
        "query($c: ID!) { challengeDetails(id: $c) { id } challenge(id: $c) { id } "
        "challengeDatasets(challengeId: $c) { id } challengeJsonLd(challengeId: $c) "
        "challenges { totalCount } node(id: $c) { id } }",
        c=challenge["id"],
    )
    assert seen.errors is None
    assert seen.data == {
        "challengeDetails": None,
        "challenge": None,
        "node": None,
        "challengeDatasets": [],
        "challengeJsonLd": None,
        "challenges": {"totalCount": 0},
    }
    admin = await gql_as(
        SYSTEM,
        "query($c: ID!) { challengeDetails(id: $c) { id } node(id: $c) { id } }",
        c=challenge["id"],
    )
    assert admin.data == {
        "challengeDetails": {"id": challenge["id"]},
        "node": {"id": challenge["id"]},
    }
    refused = await gql_as(
        ANONYMOUS,
        "query($c: ID!) { challengeRanking(challengeId: $c) { rank } }",
        c=challenge["id"],
    )
    assert refused.errors is not None
    assert [getattr(e.original_error, "code", None) for e in refused.errors] == ["UNAUTHENTICATED"]
