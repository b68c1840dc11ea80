"""Embedding throughput on real texts (organisation profile sentences, whole call texts).

    .venv/bin/python bench/matching_embeddings.py [../shared/data]

Encodes 500 profile sentences and 100 call texts with the default offline model
(all-MiniLM-L6-v2) on this CPU, and compares with torch's dynamic int8 quantisation of the
same model (built from the local weights): speed ratio and cosine agreement on 500 texts.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import numpy as np

from matching.documents import sentences
from matching.embeddings import SentenceTransformerEmbedder
from matching.protocol import load_dev_split

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def throughput(embedder: SentenceTransformerEmbedder, texts: list[str]) -> tuple[float, np.ndarray]:
    embedder.encode_sync(texts[:8])
    started = time.perf_counter()
    vectors = embedder.encode_sync(texts)
    return len(texts) / (time.perf_counter() - started), vectors


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    split = load_dev_split(data)
    rng = random.Random(0)
    profile_sentences = sorted({s for text in split.profiles.values() for s in sentences(text)})
    short = rng.sample(profile_sentences, 500)
    calls = rng.sample(sorted(c.text for c in split.calls.values()), 100)
    embedder = SentenceTransformerEmbedder()
    short_rate, short_vectors = throughput(embedder, short)
    call_rate, _ = throughput(embedder, calls)
    print(
        f"torch fp32: {short_rate:.1f} profile sentences/s, {call_rate:.1f} call texts/s "
        f"(up to {embedder.max_tokens} tokens)"
    )

    import torch

    quantised = SentenceTransformerEmbedder()
    quantised._model = torch.ao.quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
        quantised._model, {torch.nn.Linear}, dtype=torch.qint8
    )
    int8_rate, int8_vectors = throughput(quantised, short)
    agreement = np.sum(short_vectors * int8_vectors, axis=1)
    print(
        f"torch int8 (dynamic): {int8_rate:.1f} profile sentences/s, ratio "
        f"{int8_rate / short_rate:.2f}x; cosine with fp32 on 500 texts: mean "
        f"{agreement.mean():.4f}, min {agreement.min():.4f} (needs >= 0.99 to be offered)"
    )
    print(f"summary: {short_rate:.0f} sentences/s and {call_rate:.1f} call texts/s on this CPU")


if __name__ == "__main__":
    main()
