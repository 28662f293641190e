"""Search results with a relevance score in 0–1 whose 0.5 is the retriever's own in-scope threshold.

The fused RRF score orders hits but means nothing on its own; Dify's `score_threshold` needs a number that
does. Each hit gets the stronger of two pieces of evidence, each mapped so that the retriever's calibrated
out-of-scope threshold lands at 0.5: BM25 b → b / (b + MIN_BM25), and dense cosine c → 0.5 at MIN_DENSE,
linear to 0 and to 1 on either side. An exact clause lookup scores 1; a query the retriever judges out of
scope stays below 0.5; scores never rise down the list, so they keep the retriever's order.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from core.normalize import normalize
from core.schema import Hit
from retrieval.search import CANDIDATES, MIN_BM25, MIN_DENSE, Retriever, SearchResult
from retrieval.vocab import expand_query

OUT_OF_SCOPE_CAP = 0.49


@dataclass(frozen=True)
class ScoredHit:
    hit: Hit
    score: float  # 0–1


def lexical(bm25: float) -> float:
    return bm25 / (bm25 + MIN_BM25) if bm25 > 0 else 0.0


def semantic(cosine: float) -> float:
    if cosine >= MIN_DENSE:
        return min(1.0, 0.5 + 0.5 * (cosine - MIN_DENSE) / (1.0 - MIN_DENSE))
    return max(0.0, 0.5 * cosine / MIN_DENSE)


def scored_search(retriever: Retriever, query: str, k: int, doc_no: str | None = None) -> tuple[SearchResult, list[ScoredHit]]:  # fmt: skip
    """The retriever's hits for `query` (its order), each with a 0–1 relevance score."""
    result = retriever.search(query, k=k, doc_no=doc_no)
    if result.exact:
        return result, [ScoredHit(h, 1.0) for h in result.hits]
    if not result.hits:
        return result, []
    index = retriever.index
    q = normalize(query)
    bm25 = {c.chunk_id: s for c, s in index.bm25_search(expand_query(q), len(index.chunks))}
    # The retriever serialises its Chroma queries (the embedded client is not documented as thread-safe).
    with getattr(retriever, "_lock", None) or contextlib.nullcontext():
        dense = {c.chunk_id: s for c, s in index.dense_search(q, CANDIDATES)}
    scored, ceiling = [], 1.0
    for h in result.hits:
        cid = h.chunk.chunk_id
        s = max(lexical(bm25.get(cid, 0.0)), semantic(dense.get(cid, 0.0)))
        if not result.relevant:
            s = min(s, OUT_OF_SCOPE_CAP)
        ceiling = min(ceiling, s)
        scored.append(ScoredHit(h, round(ceiling, 4)))
    return result, scored
