"""Node ids: a UUID per node in the graph, and Relay-style global ids for GraphQL."""

from __future__ import annotations

import base64
import binascii
import uuid

from hub.ecosystem.errors import FieldIssue, ValidationFailed


def new_id() -> str:
    return str(uuid.uuid4())


def to_global_id(type_name: str, node_id: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{node_id}".encode()).decode().rstrip("=")


def from_global_id(global_id: str, field: str = "id") -> tuple[str, str]:
    """The (type name, node id) inside a global id, or a validation error naming `field`."""
    problem = FieldIssue(field, "is not a valid id of this hub", "INVALID_ID")
    if not global_id or len(global_id) > 200:
        raise ValidationFailed([problem])
    padded = global_id + "=" * (-len(global_id) % 4)
    try:
        decoded = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        raise ValidationFailed([problem]) from None
    type_name, _, node_id = decoded.partition(":")
    try:
        uuid.UUID(node_id)
    except ValueError:
        raise ValidationFailed([problem]) from None
    if not type_name.isidentifier():
        raise ValidationFailed([problem])
    return type_name, node_id


def expect_global_id(global_id: str, type_name: str, field: str = "id") -> str:
    """The node id inside a global id that must name a `type_name`."""
    found, node_id = from_global_id(global_id, field)
    if found != type_name:
        raise ValidationFailed(
            [FieldIssue(field, f"names a {found}, but a {type_name} is expected", "WRONG_TYPE")]
        )
    return node_id
