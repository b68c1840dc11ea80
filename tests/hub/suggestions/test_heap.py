"""A large load is moved out of the garbage collector's sight, and freed as usual later."""

from __future__ import annotations

import gc
import threading
import weakref

from hub.suggestions.heap import settle, settled


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


def test_a_structure_built_settled_sets_off_no_collection_and_ends_frozen() -> None:
    collections: list[int] = []

    def counted(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    def build() -> list[Node]:
        assert not gc.isenabled()
        return [Node(id=str(number), topics=[f"topic {number}"]) for number in range(100_000)]

    frozen = gc.get_freeze_count()
    gc.callbacks.append(counted)
    try:
        built = settled(build)
        assert collections == []  # 200,000 tracked objects: hundreds of collections otherwise
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(built)
    finally:
        gc.callbacks.remove(counted)
        gc.unfreeze()


def test_overlapping_builds_resume_collections_when_the_last_ends() -> None:
    outer_running, outer_may_end = threading.Event(), threading.Event()

    def outer() -> None:
        outer_running.set()
        outer_may_end.wait(10)

    try:
        worker = threading.Thread(target=settled, args=(outer,))
        worker.start()
        assert outer_running.wait(10)
        settled(lambda: None)
        assert not gc.isenabled()  # the other build still runs
        outer_may_end.set()
        worker.join(10)
        assert gc.isenabled()
    finally:
        outer_may_end.set()
        gc.unfreeze()
        gc.enable()
