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
    onnxruntime, exported once into `cache_dir`.
    """

    def __init__(
        self, setting: str, *, backend: str = "torch", cache_dir: Path | None = None
    ) -> None:
        self.setting = setting.strip()
        self.model_id = self.setting or DEFAULT_MODEL_ID
        self.backend = backend
        self.cache_dir = cache_dir or Path("var") / "models"
        self._embedder: LocalEmbedder | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> EmbedderHolder:
        return cls(
            settings.embedding_model,
            backend=settings.embedding_backend,
            cache_dir=settings.data_dir / "models",
        )

    def get(self) -> LocalEmbedder:
        with self._lock:
            if self._embedder is None:
                loaded = SentenceTransformerEmbedder(self.setting or None)
                self._embedder = (
                    OnnxEmbedder(loaded, self.cache_dir) if self.backend == "onnx" else loaded
                )
            return self._embedder
