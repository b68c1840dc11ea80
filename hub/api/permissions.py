"""Permission checks in resolvers: `await require(info, "operation", ...)`.

The rules live in `hub.auth.permissions.RULES`. A resolver names its operation and what
it concerns; for a node given by id, `require` reads the node (batched) to learn its
creator, and an Organisation or Person node is itself the organisation or person
concerned. Raises UNAUTHENTICATED or FORBIDDEN (hub errors, so `attempt` turns them into
typed payload errors).
"""

from __future__ import annotations

from hub.api.context import Info
from hub.auth import audit
from hub.auth.permissions import Concerned, allows, check, grants_of, privilege
from hub.ecosystem import entities
from hub.ecosystem.organisations import ORGANISATION
from hub.ecosystem.people import PERSON


async def require(
    info: Info,
    operation: str,
    *,
    node: tuple[entities.Kind, str] | None = None,
    organisation: str | None = None,
    person: str | None = None,
    challenge: str | None = None,
) -> None:
    viewer = info.context.viewer
    if node is not None:
        kind, node_id = node
        organisation = node_id if kind is ORGANISATION else organisation
        person = node_id if kind is PERSON else person
    concerned = Concerned(organisation=organisation, person=person, challenge=challenge)
    if node is not None and not allows(viewer, grants_of(operation), concerned):
        kind, node_id = node
        found = await info.context.loaders.nodes(kind).load(node_id)
        created_by = str(found["created_by"]) if found and found.get("created_by") else None
        if kind is ORGANISATION:
            concerned = Concerned(
                organisation=node_id, organisation_creator=created_by, challenge=challenge
            )
        else:
            concerned = Concerned(
                organisation=organisation, person=person, creator=created_by, challenge=challenge
            )
    check(viewer, operation, concerned)
    role = privilege(viewer, operation, concerned)
    if role is not None:
        await audit.record(
            info.context.graph,
            viewer,
            role,
            operation,
            concerned,
            node=node[1] if node is not None else None,
        )


def creator_marks(info: Info) -> dict[str, str]:
    """Properties a node created through the API carries: who created it."""
    account = info.context.viewer.account_id
    return {"created_by": account} if account is not None else {}
