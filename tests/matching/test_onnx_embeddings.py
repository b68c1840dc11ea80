"""The onnxruntime backend gives the torch backend's vectors, and exports the model once."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from hub.suggestions.models import EmbedderHolder
from matching.embeddings import SentenceTransformerEmbedder
from matching.onnx_embeddings import OnnxEmbedder

TEXTS = [
    "Open data platform for urban mobility in Thessaloniki",
    "Πλατφόρμα ανοικτών δεδομένων για την αστική κινητικότητα",
    "AI",
    # longer than the model's 256 tokens: both backends truncate the same way
    " ".join(["Digital twins of ports, energy grids and water networks."] * 60),
]


async def test_onnx_vectors_equal_torch_vectors_and_the_export_is_reused(
    holder: EmbedderHolder, tmp_path: Path
) -> None:
    torch_backend = holder.get()
    assert isinstance(torch_backend, SentenceTransformerEmbedder)
    onnx_backend = OnnxEmbedder(torch_backend, tmp_path)
    expected = await torch_backend.encode(TEXTS)
    got = await onnx_backend.encode(TEXTS)
    assert got.shape == expected.shape == (len(TEXTS), torch_backend.dimensions)
    assert got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert float(np.min(np.sum(got * expected, axis=1))) > 0.9999
    exported = onnx_backend.model_file
    written = exported.stat().st_mtime_ns
    again = OnnxEmbedder(torch_backend, tmp_path, threads=1)
    assert again.model_file == exported and exported.stat().st_mtime_ns == written
    assert again._session.get_session_options().intra_op_num_threads == 1
    assert np.array_equal(again.encode_sync(TEXTS[:2]), got[:2])
    single = onnx_backend.encode_sync([TEXTS[2]])
    assert float(np.dot(single[0], expected[2])) > 0.9999
    assert onnx_backend.encode_sync([]).shape == (0, torch_backend.dimensions)
