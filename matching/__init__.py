"""Matching: suggest partners, funding calls and consortia, and say why.

Pure building blocks, each fed plain data (the hub fills them from the graph, the evaluation
from the CORDIS files): `text` (Greek and English analysis), `lexical` (BM25 / TF-IDF),
`embeddings` (sentence-transformers, offline), `vectors` and `pooling` (exact in-process
vector search), `documents` (the text of a node), `evidence` + `ranking` + `explain` (hybrid,
graph-aware, explained ranking), `protocol` + `evaluation` (the dev evaluation on real
consortia). Imports only `graph` and third-party libraries.
"""

from matching.documents import content_hash, node_text
from matching.embeddings import Embedder, EmbeddingError, SentenceTransformerEmbedder
from matching.evidence import CallTerms, Facts, GraphEvidence, Role
from matching.lexical import LexicalHit, LexicalIndex, Weighting
from matching.pooling import SentenceIndex
from matching.ranking import Candidate, Consortium, Ranked, Use, Weights, rank
from matching.text import analyse, fold
from matching.vectors import VectorHit, VectorIndex

__all__ = [
    "CallTerms",
    "Candidate",
    "Consortium",
    "Embedder",
    "EmbeddingError",
    "Facts",
    "GraphEvidence",
    "LexicalHit",
    "LexicalIndex",
    "Ranked",
    "Role",
    "SentenceIndex",
    "SentenceTransformerEmbedder",
    "Use",
    "VectorHit",
    "VectorIndex",
    "Weighting",
    "Weights",
    "analyse",
    "content_hash",
    "fold",
    "node_text",
    "rank",
]
