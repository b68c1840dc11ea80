"""Keeping the garbage collector off the large, long-lived structures of the in-memory indexes.

Python's full collections walk every tracked object. A serving hub holds a copy of each
indexed label and a reading of every participation, hundreds of thousands of objects: a full
collection took 150-230 ms with the cordis-he import loaded (more while an import shared the
CPU), holding the event loop all along, and the participations re-read each minute set one off
every time. These structures hold no reference cycles, so once a load is done they are moved
out of the collector's sight (`gc.freeze`); when they are replaced, reference counting frees
them as before.

Building one is a burst of allocations, and after a freeze CPython counts almost nothing as
long-lived, so the burst set off full collections that walked the growing structure again and
again: 30-35 ms each on an idle machine while the participations were rebuilt (found nothing),
50-90 ms while an import took the CPU. `settled` builds with the collector paused and freezes
the result before it resumes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_pause = threading.Lock()
_builds = 0
_resume = False


def settle() -> None:
    """Move every object alive now out of the collector's sight (after a large load)."""
    gc.freeze()


def settled(build: Callable[[], T]) -> T:
    """`build()` a large long-lived structure with automatic collections paused, then settle it.

    Collections stay paused until the last of overlapping builds (in other threads) ends; what
    other threads allocate meanwhile is settled with it.
    """
    global _builds, _resume
    with _pause:
        if _builds == 0:
            _resume = gc.isenabled()
            gc.disable()
        _builds += 1
    try:
        return build()
    finally:
        with _pause:
            _builds -= 1
            if _builds == 0:
                settle()
                if _resume:
                    gc.enable()
