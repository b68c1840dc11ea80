"""Keeping the garbage collector off the large, long-lived structures of the in-memory indexes.

Python's full collections walk every tracked object. A serving hub holds a copy of each
indexed label and a reading of every participation, hundreds of thousands of objects: a full
collection took 150-230 ms with the cordis-he import loaded (more while an import shared the
CPU), holding the event loop all along, and the participations re-read each minute set one off
every time. These structures hold no reference cycles, so once a load is done they are moved
out of the collector's sight (`gc.freeze`); when they are replaced, reference counting frees
them as before.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Move every object alive now out of the collector's sight (after a large load)."""
    gc.freeze()
