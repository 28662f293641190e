"""Chinese-aware BM25 tokenisers over normalize()d text: character bigrams or jieba search mode."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from core.normalize import normalize

Tokenizer = Callable[[str], list[str]]

DEFAULT_TOKENIZER = "char_bigram_terms"
TOKENIZERS = ("char_bigram_terms", "char_bigram", "jieba_search")
TERMS_FILE = Path(__file__).with_name("terms.txt")

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A run of CJK characters, or an ASCII word / number (decimals and percentages kept whole).
_PIECE = re.compile(rf"[{_CJK}]+|[A-Za-z]+|\d+(?:\.\d+)?%?")
_WORD = re.compile(rf"[{_CJK}A-Za-z0-9]")


def char_bigram(text: str) -> list[str]:
    """Single CJK characters + overlapping CJK bigrams + lowercased ASCII words and numbers."""
    tokens: list[str] = []
    for piece in _PIECE.findall(normalize(text)):
        if piece[0] >= "\u3400":
            tokens.extend(piece)
            tokens.extend(piece[i : i + 2] for i in range(len(piece) - 1))
        else:
            tokens.append(piece.lower())
    return tokens


_jieba = None


def _get_jieba():
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)  # it prints "Building prefix dict" to stderr otherwise
        jieba.initialize()
        _jieba = jieba
    return _jieba


def jieba_search(text: str) -> list[str]:
    """jieba search-mode words (long words plus their sub-words), punctuation and spaces dropped."""
    words = _get_jieba().lcut_for_search(normalize(text))
    return [w.lower() for w in (w.strip() for w in words) if w and _WORD.search(w)]


@lru_cache(maxsize=1)
def _terms() -> tuple[str, ...]:
    lines = TERMS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(
        sorted({normalize(x) for x in lines if x.strip() and not x.startswith("#")}, key=len, reverse=True)
    )


def char_bigram_terms(text: str) -> list[str]:
    """char_bigram plus one whole-word token per gazette term present ("父母食堂" matches as a phrase)."""
    flat = normalize(text)
    return char_bigram(flat) + [f"#{t}" for t in _terms() for _ in range(flat.count(t))]


def tokenizer_fingerprint(name: str | None = None) -> str:
    """Changes when a tokeniser's data changes, so the BM25 index is rebuilt with it."""
    name = name or DEFAULT_TOKENIZER
    if name == "char_bigram_terms":
        return name + "-" + hashlib.sha256(TERMS_FILE.read_bytes()).hexdigest()[:10]
    return name


def get_tokenizer(name: str | None = None) -> Tokenizer:
    """Return the tokeniser called `name` (char_bigram_terms | char_bigram | jieba_search)."""
    match name or DEFAULT_TOKENIZER:
        case "char_bigram_terms":
            return char_bigram_terms
        case "char_bigram":
            return char_bigram
        case "jieba_search":
            return jieba_search
        case other:
            raise ValueError(f"unknown tokenizer {other!r}; choose one of: {', '.join(TOKENIZERS)}")
