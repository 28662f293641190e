"""Chinese-aware BM25 tokenisers over normalize()d text: character bigrams or jieba search mode."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from ingest.normalize import normalize

Tokenizer = Callable[[str], list[str]]

DEFAULT_TOKENIZER = "char_bigram"
TOKENIZERS = ("char_bigram", "jieba_search")

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


def get_tokenizer(name: str | None = None) -> Tokenizer:
    """Return the tokeniser called `name` (char_bigram | jieba_search)."""
    match name or DEFAULT_TOKENIZER:
        case "char_bigram":
            return char_bigram
        case "jieba_search":
            return jieba_search
        case other:
            raise ValueError(f"unknown tokenizer {other!r}; choose one of: {', '.join(TOKENIZERS)}")
