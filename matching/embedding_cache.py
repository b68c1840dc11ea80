"""Embeddings kept on disk by content hash, so repeated evaluations encode each text once."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from matching.documents import content_hash
from matching.embeddings import FloatArray, SyncEmbedder

log = logging.getLogger(__name__)

CHUNK = 512


def cached_encode(
    embedder: SyncEmbedder,
    texts: Sequence[str],
    folder: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> FloatArray:
    """Vectors of `texts` (rows in order), encoding only those not stored in `folder` yet."""
    folder.mkdir(parents=True, exist_ok=True)
    name = content_hash(embedder.model_name)[:16]
    path = folder / f"embeddings-{name}.npz"
    stored: dict[str, FloatArray] = {}
    if path.exists():
        with np.load(path) as archive:
            stored = dict(zip(archive["hashes"].tolist(), archive["vectors"], strict=True))
    hashes = [content_hash(text) for text in texts]
    missing = list(dict.fromkeys(h for h in hashes if h not in stored))
    by_hash = dict(zip(hashes, texts, strict=True))
    started = time.perf_counter()
    for first in range(0, len(missing), CHUNK):
        chunk = missing[first : first + CHUNK]
        vectors = embedder.encode_sync([by_hash[h] for h in chunk])
        stored.update(zip(chunk, vectors, strict=True))
        if progress is not None:
            progress(first + len(chunk), len(missing))
    if missing:
        elapsed = time.perf_counter() - started
        log.info(
            "encoded %d texts in %.1f s (%.1f/s)", len(missing), elapsed, len(missing) / elapsed
        )
        keys = list(stored)
        np.savez(path, hashes=np.array(keys), vectors=np.stack([stored[k] for k in keys]))
    if not hashes:
        return np.zeros((0, embedder.dimensions), dtype=np.float32)
    return np.stack([stored[h] for h in hashes]).astype(np.float32)
