"""A large load is moved out of the garbage collector's sight, and freed as usual later."""

from __future__ import annotations

import gc
import weakref

from hub.suggestions.heap import settle


class Node(dict[str, object]):
    """A dict that can be weakly referenced (to see when it is freed)."""


def test_settled_objects_are_skipped_by_collections_and_freed_when_dropped() -> None:
    loaded = [Node(id=str(number), topics=[f"topic {number}"]) for number in range(10_000)]
    probe = weakref.ref(loaded[0])
    try:
        settle()
        assert gc.get_freeze_count() >= len(loaded)
        assert not any(obj is loaded[0] for obj in gc.get_objects(generation=2))
        del loaded
        assert probe() is None  # no cycles: reference counting frees a replaced reading
    finally:
        gc.unfreeze()
