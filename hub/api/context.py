"""What every resolver receives: the graph and this request's DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from arq.connections import ArqRedis
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from graph import GraphEngine
from hub.auth.cookies import SessionCookies
from hub.auth.mailing import AccountMail
from hub.auth.viewer import ANONYMOUS, Viewer
from hub.ecosystem import entities, relations
from hub.suggestions.service import Matcher


@dataclass
class Loaders:
    """Per-request batching: every lookup of the same kind in one request is one round trip."""

    graph: GraphEngine
    _nodes: dict[str, DataLoader[str, dict[str, Any] | None]] = field(default_factory=dict)
    _links: dict[tuple[str, bool], DataLoader[str, list[relations.Linked]]] = field(
        default_factory=dict
    )

    def nodes(self, kind: entities.Kind) -> DataLoader[str, dict[str, Any] | None]:
        if kind.label not in self._nodes:

            async def load(ids: list[str]) -> list[dict[str, Any] | None]:
                found = await entities.get_many(self.graph, kind, ids)
                return [found.get(node_id) for node_id in ids]

            self._nodes[kind.label] = DataLoader(load_fn=load)
        return self._nodes[kind.label]

    def linked(
        self, relation: relations.Relation, *, outgoing: bool
    ) -> DataLoader[str, list[relations.Linked]]:
        key = (relation.link.name, outgoing)
        if key not in self._links:

            async def load(ids: list[str]) -> list[list[relations.Linked]]:
                found = await relations.neighbours(self.graph, relation, ids, outgoing=outgoing)
                return [found[node_id] for node_id in ids]

            self._links[key] = DataLoader(load_fn=load)
        return self._links[key]


@dataclass
class Context:
    graph: GraphEngine
    loaders: Loaders
    matcher: Matcher | None = None
    """Suggestions (the embedding model and the in-memory indexes); None where not loaded."""
    jobs: ArqRedis | None = None
    """The job queue, for embedding what a mutation wrote; None where there is no queue."""
    viewer: Viewer = ANONYMOUS
    """Who asks (hub.auth.viewer); resolvers check it through hub.api.permissions.require."""
    mail: AccountMail | None = None
    """Verification and reset e-mails; None where no mail is sent."""
    cookies: SessionCookies | None = None
    """The session cookies of an HTTP request (None outside HTTP)."""
    session_days: int = 14


Info = StrawberryInfo[Context, None]
