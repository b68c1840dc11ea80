"""The winners' follow-up pack in GraphQL (`challengeFollowUp`, for the organisers)."""

from __future__ import annotations

import strawberry

from hub import challenge_followup
from hub.api import challenge_access as access
from hub.api.challenge_common import node_id, now
from hub.api.challenge_types import Winner
from hub.api.context import Info
from hub.api.funding_calls import FundingCall
from hub.api.organisations import Organisation
from hub.api.people import Person
from hub.api.programmes import Programme
from hub.api.suggestions import (
    FundingCallSuggestion,
    PartnerSuggestion,
    ScoreParts,
    SuggestionsUnavailable,
)
from hub.suggestions.service import Suggestion


@strawberry.type(description="An OK!Thess programme suggested to a winning team.")
class SuggestedProgramme:
    programme: Programme
    relevance: float = strawberry.field(
        description="How well it meets the team's work, 0 to 1 (meaning and shared words)."
    )


@strawberry.type(description="A mentor (a public profile) suggested to a winning team.")
class SuggestedMentor:
    person: Person
    relevance: float


@strawberry.type(description="Where a winning team could go next, and where its onboarding stands.")
class FollowUpPack:
    winner: Winner = strawberry.field(
        description="The award, the team and the onboarding status the organisers track."
    )
    programmes: list[SuggestedProgramme]
    mentors: list[SuggestedMentor]
    partners: list[PartnerSuggestion]
    funding_calls: list[FundingCallSuggestion]


def _parts(item: Suggestion) -> ScoreParts:
    r = item.ranked
    return ScoreParts(semantic=r.semantic, lexical=r.lexical, graph=r.graph, prior=r.prior)


def _pack(found: challenge_followup.FollowUpPack) -> FollowUpPack:
    return FollowUpPack(
        winner=Winner.from_row(found.winner),
        programmes=[
            SuggestedProgramme(programme=Programme.from_node(p.node), relevance=p.relevance)
            for p in found.programmes
        ],
        mentors=[
            SuggestedMentor(person=Person.from_node(p.node), relevance=p.relevance)
            for p in found.mentors
        ],
        partners=[
            PartnerSuggestion(
                organisation=Organisation.from_node(item.node),
                score=item.ranked.score,
                parts=_parts(item),
                explanation=item.ranked.explanation,
            )
            for item in found.partners
        ],
        funding_calls=[
            FundingCallSuggestion(
                funding_call=FundingCall.from_node(item.node),
                score=item.ranked.score,
                parts=_parts(item),
                explanation=item.ranked.explanation,
                eligible=item.ranked.eligible,
            )
            for item in found.funding_calls
        ],
    )


@strawberry.type
class ChallengeFollowUpQuery:
    @strawberry.field(
        description="After awarding, a pack per winning team (first place first): OK!Thess "
        "programmes and mentors, partners and funding calls through matching, and its "
        "onboarding status. For the organisers; empty before the awards."
    )
    async def challenge_follow_up(
        self, info: Info, challenge_id: strawberry.ID
    ) -> list[FollowUpPack]:
        challenge = node_id(challenge_id, "Challenge", "challengeId")
        await access.require(info, "challengeFollowUp", challenge=challenge)
        if info.context.matcher is None:
            raise SuggestionsUnavailable("suggestions are not available in this process")
        found = await challenge_followup.follow_up(
            graph=info.context.graph,
            matcher=info.context.matcher,
            challenge_id=challenge,
            now=now(),
        )
        return [_pack(pack) for pack in found]
