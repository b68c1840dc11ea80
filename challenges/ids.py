"""Node ids: a UUID per node, as everywhere in the hub's graph."""

from __future__ import annotations

import uuid


def new_id() -> str:
    return str(uuid.uuid4())
