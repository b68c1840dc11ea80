"""PilotProject in GraphQL (skeleton, to be completed)."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.api.common import Node, global_id


@strawberry.type
class PilotProject(Node):
    id: strawberry.ID
    name: str

    @classmethod
    def from_node(cls, node: dict[str, Any]) -> PilotProject:
        return cls(id=global_id("PilotProject", node), name=str(node.get("name", "")))


@strawberry.type
class PilotProjectQuery:
    @strawberry.field
    def pilot_projects_placeholder(self) -> int:
        return 0


@strawberry.type
class PilotProjectMutation:
    @strawberry.mutation
    def pilot_projects_placeholder(self) -> int:
        return 0
