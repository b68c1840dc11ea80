"""Topic in GraphQL (skeleton, to be completed)."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.api.common import Node, global_id


@strawberry.type
class Topic(Node):
    id: strawberry.ID
    name: str

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> Topic:
        return cls(id=global_id("Topic", node), name=str(node.get("name", "")))


@strawberry.type
class TopicQuery:
    @strawberry.field
    def topics_placeholder(self) -> int:
        return 0
