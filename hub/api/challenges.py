"""Challenge in GraphQL (skeleton, to be completed)."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.api.common import Node, global_id


@strawberry.type
class Challenge(Node):
    id: strawberry.ID
    name: str

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Challenge:
        return cls(id=global_id("Challenge", node), name=str(node.get("name", "")))


@strawberry.type
class ChallengeQuery:
    @strawberry.field
    def challenges_placeholder(self) -> int:
        return 0
