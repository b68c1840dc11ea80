"""Joining many small arrays without holding the GIL for long.

A numpy call holds the GIL from start to end. Joining the term or sentence arrays of 23k
documents in one `np.concatenate` held it 20-50 ms in a worker thread, and the event loop of a
serving process waits that long for it: joined a chunk at a time, no call holds it for more
than about a millisecond.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

JOIN_CHUNK = 1000
"""Arrays joined per numpy call."""


def joined(arrays: Sequence[npt.NDArray[Any]], dtype: type[np.generic]) -> npt.NDArray[Any]:
    """The arrays end to end as one array of `dtype`, joined a chunk at a time."""
    if not arrays:
        return np.zeros(0, dtype=dtype)
    chunks = [
        np.concatenate(arrays[start : start + JOIN_CHUNK]).astype(dtype, copy=False)
        for start in range(0, len(arrays), JOIN_CHUNK)
    ]
    return np.concatenate(chunks)


def offsets(sizes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Where each of consecutive parts of these sizes starts, and the total at the end (a
    compressed sparse matrix's `indptr`)."""
    result = np.zeros(sizes.size + 1, dtype=np.int64)
    np.cumsum(sizes, out=result[1:])
    return result
