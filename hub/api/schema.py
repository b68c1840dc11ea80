"""The whole GraphQL schema, merged from one Query and one Mutation part per domain noun."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.tools import merge_types
from strawberry.types.execution import ExecutionContext

from hub.api.accounts import AccountMutation, AccountQuery
from hub.api.arguments import StorableText
from hub.api.challenge_followup import ChallengeFollowUpQuery
from hub.api.challenge_mutations import ChallengeLifecycleMutation
from hub.api.challenge_queries import ChallengeLifecycleQuery
from hub.api.challenges import ChallengeQuery
from hub.api.errors import PublicErrors
from hub.api.funding_calls import FundingCallMutation, FundingCallQuery
from hub.api.limits import QueryLimits, limit_extensions
from hub.api.links import LinkMutation
from hub.api.networks import NetworkMutation, NetworkQuery
from hub.api.nodes import HiddenNode, NodeQuery
from hub.api.organisations import OrganisationMutation, OrganisationQuery
from hub.api.people import PersonMutation, PersonQuery
from hub.api.pilot_projects import PilotProjectMutation, PilotProjectQuery
from hub.api.privacy import PrivacyMutation, PrivacyQuery
from hub.api.programmes import ProgrammeMutation, ProgrammeQuery
from hub.api.projects import ProjectMutation, ProjectQuery
from hub.api.statistics import StatisticsQuery
from hub.api.suggestions import SuggestionQuery
from hub.api.topics import TopicQuery

Query = merge_types(
    "Query",
    (
        NodeQuery,
        OrganisationQuery,
        PersonQuery,
        NetworkQuery,
        ProgrammeQuery,
        FundingCallQuery,
        PilotProjectQuery,
        ProjectQuery,
        TopicQuery,
        ChallengeQuery,
        ChallengeLifecycleQuery,
        ChallengeFollowUpQuery,
        SuggestionQuery,
        AccountQuery,
        PrivacyQuery,
        StatisticsQuery,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        OrganisationMutation,
        PersonMutation,
        NetworkMutation,
        ProgrammeMutation,
        FundingCallMutation,
        PilotProjectMutation,
        ProjectMutation,
        LinkMutation,
        AccountMutation,
        PrivacyMutation,
        ChallengeLifecycleMutation,
    ),
)


class HubSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Strawberry logs every error; the endpoint logs the unexpected ones, once."""


def build_schema(limits: QueryLimits) -> HubSchema:
    """The schema with these limits on depth, cost, tokens and introspection."""
    return HubSchema(
        query=Query,
        mutation=Mutation,
        types=[HiddenNode],
        extensions=[PublicErrors, *limit_extensions(limits), StorableText],
    )


schema = build_schema(QueryLimits())
