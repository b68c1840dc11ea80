"""The embedding model a process uses, loaded once and only when first needed."""

from __future__ import annotations

import threading

from matching.embeddings import SentenceTransformerEmbedder

DEFAULT_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"


class EmbedderHolder:
    """Loads the configured model (the offline default when the setting is empty) on first use.

    `model_id` is what is stored beside each vector: the setting, or the default model's name
    (not its install path, which differs between machines).
    """

    def __init__(self, setting: str) -> None:
        self.setting = setting.strip()
        self.model_id = self.setting or DEFAULT_MODEL_ID
        self._embedder: SentenceTransformerEmbedder | None = None
        self._lock = threading.Lock()

    def get(self) -> SentenceTransformerEmbedder:
        with self._lock:
            if self._embedder is None:
                self._embedder = SentenceTransformerEmbedder(self.setting or None)
            return self._embedder
