"""Matrix products run on one BLAS thread in every hub process."""

from __future__ import annotations

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from hub.blas import one_blas_thread


def blas_threads() -> list[int]:
    return [int(info["num_threads"]) for info in threadpool_info() if info["user_api"] == "blas"]


def test_every_loaded_blas_library_is_limited_to_one_thread() -> None:
    np.ones((2, 2)) @ np.ones(2)  # numpy's OpenBLAS is loaded
    before = blas_threads()
    assert before
    try:
        one_blas_thread()
        assert blas_threads() == [1] * len(before)
    finally:
        threadpool_limits(limits=max(before), user_api="blas")
