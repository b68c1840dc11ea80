"""One BLAS thread per hub process.

The hub's matrix products are small: a query vector against the 4k sentence vectors or the 23k
organisation vectors of a CORDIS import, a fraction of a millisecond on one core. OpenBLAS
splits each product over every core and its threads wait for one another: on the 2-core
machine, with the other core busy (another request, an import, the embedded graph), a 3,567 x
384 product took 8 ms instead of 0.26 ms on one thread. A hub serves requests side by side,
each better on a core of its own. Torch keeps its own threads for encoding.
"""

from __future__ import annotations

from threadpoolctl import threadpool_limits


def one_blas_thread() -> None:
    """Limit the BLAS libraries loaded in this process (numpy's, scipy's) to one thread."""
    threadpool_limits(limits=1, user_api="blas")
