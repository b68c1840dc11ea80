"""The same sentence-transformers model run by onnxruntime: same vectors, less time.

The model's transformer is exported once to ONNX (torch.onnx.export, float32) into a cache
folder keyed by the model; the model's own tokenizer and maximum length are used, then mean
pooling over real tokens and normalisation, as the sentence-transformers pipeline does.
Only pipelines of a transformer, mean pooling and an optional normalisation are supported
(all-MiniLM-L6-v2 and the usual multilingual MiniLM/mpnet models); others are refused.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from matching.embeddings import (
    DEFAULT_BATCH_SIZE,
    EmbeddingError,
    FloatArray,
    SentenceTransformerEmbedder,
)

INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OPSET = 17


def _pipeline_is_supported(model: Any) -> bool:
    names = [type(module).__name__ for module in model]
    if names[:2] != ["Transformer", "Pooling"] or any(n != "Normalize" for n in names[2:]):
        return False
    pooling = model[1]
    mode = getattr(pooling, "pooling_mode", None)  # sentence-transformers 6: one name
    return bool(mode == "mean" or (mode is None and pooling.pooling_mode_mean_tokens))


def _export(model: Any, target: Path) -> None:
    """Write the transformer (token ids in, token vectors out) to `target`, atomically."""
    import torch

    transformer = model[0].auto_model.eval()
    inputs = [n for n in INPUT_NAMES if n in model.tokenizer.model_input_names]

    class TokenVectors(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = transformer

        def forward(self, *tensors: Any) -> Any:
            return self.inner(**dict(zip(inputs, tensors, strict=True))).last_hidden_state

    sample = model.tokenizer(["a sample", "another sample text"], padding=True, return_tensors="pt")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.partial")
    # The tracer warns of Python branches on tensor shapes (the mask's padding, causal
    # attention) that are constant for an encoder with an attention mask; the test compares
    # the exported model's vectors with torch's on padded, single and truncated inputs.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            TokenVectors().eval(),
            tuple(sample[name] for name in inputs),
            str(partial),
            input_names=inputs,
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*inputs, "last_hidden_state"]},
            opset_version=OPSET,
            dynamo=False,
        )
    partial.replace(target)


class OnnxEmbedder:
    """A SentenceTransformerEmbedder's model, encoded by onnxruntime on the CPU."""

    def __init__(
        self,
        source: SentenceTransformerEmbedder,
        cache_dir: Path,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        threads: int | None = None,
    ) -> None:
        """`threads` for onnxruntime's operators; None means one per core."""
        model: Any = source.sentence_transformer
        if not _pipeline_is_supported(model):
            raise EmbeddingError(
                f"the model {source.model_name!r} does not pool by the mean of its tokens; "
                "HUB_EMBEDDING_BACKEND=onnx supports only such models: use torch"
            )
        try:
            import onnxruntime
        except ImportError as exc:
            raise EmbeddingError("onnxruntime is not installed: run `make install`") from exc
        key = hashlib.sha256(f"{source.model_name}|opset{OPSET}".encode()).hexdigest()[:16]
        self.model_file = cache_dir / f"{key}.onnx"
        self.model_name = source.model_name
        self.batch_size = batch_size
        self._tokenizer = model.tokenizer
        self._inputs = [n for n in INPUT_NAMES if n in model.tokenizer.model_input_names]
        self._max_tokens = source.max_tokens
        self._dimensions = source.dimensions
        try:
            if not self.model_file.is_file():
                _export(model, self.model_file)
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = threads or os.cpu_count() or 1
            self._session = onnxruntime.InferenceSession(
                str(self.model_file), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # export or load failure: say which file and why
            raise EmbeddingError(
                f"cannot run {self.model_name!r} with onnxruntime from {self.model_file} "
                f"({type(exc).__name__}: {exc}); delete that file to export it again"
            ) from exc
        self._lock = threading.Lock()

    @property
    def dimensions(self) -> int:
        return self._dimensions

    @property
    def max_tokens(self) -> int:
        return self._max_tokens

    def encode_sync(self, texts: Sequence[str]) -> FloatArray:
        out = np.zeros((len(texts), self._dimensions), dtype=np.float32)
        # Longest first, so each batch pads to similar lengths.
        order = np.argsort([-len(text) for text in texts], kind="stable")
        try:
            with self._lock:  # one encoding at a time: onnxruntime already uses every core
                for start in range(0, len(texts), self.batch_size):
                    rows = order[start : start + self.batch_size]
                    out[rows] = self._encode_batch([texts[i] for i in rows])
        except Exception as exc:
            raise EmbeddingError(f"encoding {len(texts)} texts failed: {exc}") from exc
        return out

    def _encode_batch(self, texts: list[str]) -> FloatArray:
        batch = self._tokenizer(
            texts, padding=True, truncation=True, max_length=self._max_tokens, return_tensors="np"
        )
        feed = {name: batch[name].astype(np.int64) for name in self._inputs}
        tokens = self._session.run(None, feed)[0]
        mask = feed["attention_mask"][..., None].astype(np.float32)
        pooled = (tokens * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        result: FloatArray = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
        return result

    async def encode(self, texts: Sequence[str]) -> FloatArray:
        return await asyncio.to_thread(self.encode_sync, texts)
