"""The embedding model a process uses, loaded once and only when first needed."""

from __future__ import annotations

import threading
from pathlib import Path

from hub.settings import Settings
from matching.embeddings import LocalEmbedder, SentenceTransformerEmbedder
from matching.onnx_embeddings import OnnxEmbedder

DEFAULT_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"


class EmbedderHolder:
    """Loads the configured model (the offline default when the setting is empty) on first use.

    `model_id` is what is stored beside each vector: the setting, or the default model's name
    (not its install path, which differs between machines). Both backends give the same
    vectors, so the backend is not part of it. `backend` "onnx" runs the model with
    onnxruntime, exported once into `cache_dir`. `threads` limits the threads an encoding uses
    (None: one per core).
    """

    def __init__(
        self,
        setting: str,
        *,
        backend: str = "torch",
        cache_dir: Path | None = None,
        threads: int | None = None,
    ) -> None:
        self.setting = setting.strip()
        self.model_id = self.setting or DEFAULT_MODEL_ID
        self.backend = backend
        self.cache_dir = cache_dir or Path("var") / "models"
        self.threads = threads
        self._embedder: LocalEmbedder | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings, *, threads: int | None = None) -> EmbedderHolder:
        return cls(
            settings.embedding_model,
            backend=settings.embedding_backend,
            cache_dir=settings.data_dir / "models",
            threads=threads,
        )

    def get(self) -> LocalEmbedder:
        with self._lock:
            if self._embedder is None:
                onnx = self.backend == "onnx"
                loaded = SentenceTransformerEmbedder(
                    self.setting or None, threads=None if onnx else self.threads
                )
                self._embedder = (
                    OnnxEmbedder(loaded, self.cache_dir, threads=self.threads) if onnx else loaded
                )
            return self._embedder
