from __future__ import annotations

import numpy as np
import pytest

from matching.pooling import SentenceIndex, soft_max_similarity
from matching.vectors import VectorIndexError

AXES = np.eye(4, dtype=np.float32)


def index() -> SentenceIndex:
    built = SentenceIndex(4)
    built.add_sentences(["hydrogen", "batteries", "health", "farming"], AXES)
    built.add("specialist", ["hydrogen"])
    built.add("generalist", ["hydrogen", "batteries", "health", "farming"])
    built.add("elsewhere", ["farming"])
    return built


def test_soft_max_rewards_one_close_sentence_however_much_else() -> None:
    scores = index().scores(AXES[0])
    assert scores["specialist"] == pytest.approx(1.0, abs=1e-6)
    assert scores["generalist"] == pytest.approx(scores["specialist"], abs=0.01)
    assert scores["elsewhere"] < 0.1
    mean_of_generalist = float(AXES.mean(axis=0) @ AXES[0] / np.linalg.norm(AXES.mean(axis=0)))
    assert scores["generalist"] > mean_of_generalist


def test_sentences_are_stored_once_and_must_exist() -> None:
    built = index()
    assert built.missing(["hydrogen", "new", "new"]) == ["new"]
    with pytest.raises(VectorIndexError, match="no vector"):
        built.add("x", ["new"])
    built.add_sentences(["hydrogen"], [[0.0, 1.0, 0.0, 0.0]])  # known: kept as it was
    assert built.vectors_of("specialist") == pytest.approx(AXES[:1])


def test_replace_and_remove() -> None:
    built = index()
    built.add("specialist", ["health"])
    assert built.scores(AXES[2])["specialist"] == pytest.approx(1.0, abs=1e-6)
    assert built.remove("elsewhere") and not built.remove("elsewhere")
    assert built.ids() == ["specialist", "generalist"] and len(built) == 2
    assert built.vectors_of("elsewhere").shape == (0, 4)


def test_soft_max_similarity_from_the_document_side() -> None:
    document = AXES[:2]
    calls = np.array([[1.0, 0, 0, 0], [0, 0, 1.0, 0], [1.0, 1.0, 0, 0]], dtype=np.float32)
    scores = soft_max_similarity(document, calls)
    assert scores[0] == pytest.approx(1.0, abs=1e-6)
    assert scores[0] > scores[2] > scores[1]
    assert not soft_max_similarity(np.zeros((0, 4)), calls).any()


def test_empty_index() -> None:
    assert SentenceIndex(4).score_vector(AXES[0]).shape == (0,)
