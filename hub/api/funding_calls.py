"""FundingCall in GraphQL (skeleton, to be completed)."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.api.common import Node, global_id


@strawberry.type
class FundingCall(Node):
    id: strawberry.ID
    name: str

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> FundingCall:
        return cls(id=global_id("FundingCall", node), name=str(node.get("name", "")))


@strawberry.type
class FundingCallQuery:
    @strawberry.field
    def funding_calls_placeholder(self) -> int:
        return 0


@strawberry.type
class FundingCallMutation:
    @strawberry.mutation
    def funding_calls_placeholder(self) -> int:
        return 0
