"""Curated everyday-word → gazette-term vocabulary, applied to queries before search."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from core.normalize import normalize

VOCAB_FILE = Path(__file__).with_name("vocab.yaml")


@lru_cache(maxsize=1)
def load_vocab() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    entries = yaml.safe_load(VOCAB_FILE.read_text(encoding="utf-8"))
    return tuple((tuple(normalize(w).lower() for w in e["words"]), tuple(e["expand"])) for e in entries)


def expand_query(query: str) -> str:
    """The query with the gazette's terms appended for every everyday word it contains."""
    q = normalize(query)
    low = q.lower()
    extra: list[str] = []
    for words, terms in load_vocab():
        if any(w in low for w in words):
            extra.extend(t for t in terms if t not in q and t not in extra)
    return f"{q} {' '.join(extra)}" if extra else q
