"""Text analysis for the lexical index: the same for documents and queries.

Tokens are runs of letters and digits. Each token is stemmed in its own language (Greek
letters: the Snowball Greek stemmer, which wants the accented lower-case word; Latin letters:
Snowball English), then folded: lower case, no accents, final sigma ς as σ. Stop words of
both languages and bare numbers are dropped. Greek needs this done here: neither the
embedding model (English-only MiniLM) nor FalkorDB's full-text index folds or stems Greek.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from matching.stopwords import ALL as STOP_WORDS

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_LATIN = re.compile(r"[a-z]")
_MIN_LENGTH = 2

_greek_stemmer = snowballstemmer.stemmer("greek")
_english_stemmer = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class Term:
    """One analysed token: its stem (what is indexed) and the lower-case word it came from."""

    stem: str
    word: str


def fold(text: str) -> str:
    """Lower case without accents, final sigma as σ: `Θεσσαλονίκης` -> `θεσσαλονικησ`."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare).replace("ς", "σ")


def tokens(text: str) -> list[str]:
    """The raw tokens of a text, lower-cased but still accented (what the stemmers want)."""
    return _TOKEN.findall(text.lower())


@lru_cache(maxsize=262_144)
def _analyse_token(token: str) -> Term | None:
    word = fold(token)
    if len(word) < _MIN_LENGTH or word in STOP_WORDS or word.isdigit():
        return None
    if _GREEK.search(token):
        stem = fold(_greek_stemmer.stemWord(token))
    elif _LATIN.search(word):
        stem = _english_stemmer.stemWord(word)
    else:
        stem = word
    return Term(stem=stem or word, word=token)


def terms(text: str) -> Iterator[Term]:
    """The analysed terms of a text, in order, repeats kept."""
    for token in tokens(text):
        term = _analyse_token(token)
        if term is not None:
            yield term


def counted_terms(text: str) -> Iterator[tuple[Term, int]]:
    """The analysed term of each distinct token of a text with how often the token occurs,
    in the order of first occurrence (a long text is analysed a token once)."""
    for token, count in Counter(tokens(text)).items():
        term = _analyse_token(token)
        if term is not None:
            yield term, count


def analyse(text: str) -> list[str]:
    """The stems of a text, in order, repeats kept: what documents and queries are indexed as."""
    return [term.stem for term in terms(text)]
