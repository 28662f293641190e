"""Hybrid search: exact clause lookup first, then BM25 ∥ dense fused by RRF, with a relevance signal."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from core.format import citation_label
from core.normalize import normalize
from core.schema import Chunk, Document, Hit
from ingest.index import chunk_search_text
from retrieval.answer_type import asked_types, scope_clash, states
from retrieval.fusion import rrf_fuse
from retrieval.index import Index
from retrieval.lookup import Reference, describe_missing, lookup, parse_reference, unknown_doc_no
from retrieval.vocab import expand_query

CANDIDATES = 40  # from each retriever, before fusion
# RRF weights per ranked list, fitted on the 193 dev retrieval questions only (grid dense 0.1–0.8 × bm25x
# 0–0.5 × answer-type 0–0.015): with USE, dense mostly adds noise at the top of the list but rescues a few
# paraphrases. Dense 0.2 → 0.1: dev chunk MRR@10 0.872 → 0.883; held-out, never tuned to, 0.833 → 0.847.
FUSION_WEIGHTS = {"bm25": 1.0, "bm25x": 0.2, "dense": 0.1}
# Second stage over the top fused candidates: a clause that states the kind of thing asked for (an age, a
# phone number, an office …) moves up; one about the other school stage or hukou side moves down. Weights
# in RRF units (one rank near the top ≈ 0.0003), fitted on the 192 dev retrieval questions (chunk MRR@10
# 0.866 → 0.875; 0.008 and above lose again; a heading-overlap feature lowered it and was dropped).
RERANK_TOP = 30
RERANK_WEIGHTS = {"answer_type": 0.004, "scope": 0.004}
# Below this top dense cosine (and without a lexical anchor) a question is judged out of scope.
# Calibrated on bench/gold (in-scope vs out-of-scope): see `python -m bench quality`.
MIN_DENSE = 0.60
MIN_BM25 = 17.0  # top BM25 score of the expanded query
# The gazette is Xicheng's: a question about another place is out of scope unless it also names 西城.
OTHER_PLACES = re.compile(
    r"(东城|朝阳|海淀|丰台|石景山|门头沟|房山|通州|顺义|昌平|大兴|怀柔|平谷|密云|延庆|浦东|"
    r"上海|天津|重庆|广州|深圳|杭州|南京|成都|武汉|西安|苏州|雄安|河北|香港|澳门|台湾)"
)


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    exact: bool  # the hits are a clause named by reference
    relevant: bool  # False: nothing in the gazette seems to answer this
    confidence: float  # top dense cosine similarity
    reference: Reference | None = None
    missing: str | None = None  # the query names a clause or a document the gazette does not have


class Retriever:
    """Searches one loaded index. Safe to share between threads (queries do not mutate state)."""

    def __init__(self, index: Index, docs: list[Document] | None = None):
        self.index = index
        self.docs = tuple(docs or index.documents)  # as indexed: the corpus is not parsed again
        self.doc_titles = {d.doc_no: d.title for d in self.docs}
        self._texts: dict[str, str] = {}
        self._lock = threading.Lock()  # Chroma's embedded client is not documented as thread-safe
        self.index.dense_search("预热", 1)  # load the embedder now, not on the first user's question

    def search(
        self, query: str, k: int = 5, doc_no: str | None = None, kind: str | None = None
    ) -> SearchResult:
        if not query or not query.strip():
            raise ValueError("empty query")
        ref, exact = self.exact(query)
        if exact:
            return SearchResult(query, exact, True, True, 1.0, ref)
        missing = self.missing(query, ref)
        if missing:
            return SearchResult(query, (), True, False, 0.0, ref, missing)
        doc_no = doc_no or ref.doc_no
        fused, dense_top, bm25_top = self._hybrid(query, doc_no, kind)
        hits = tuple(Hit(self.index.by_id[i], score, src) for i, score, src in fused[:k])
        relevant = bool(hits) and self._in_scope(query, dense_top, bm25_top, ref)
        return SearchResult(query, hits, False, relevant, dense_top, ref)

    def exact(self, query: str) -> tuple[Reference, tuple[Hit, ...]]:
        """The reference a query makes, and every chunk of the clause it names (none if it names none)."""
        ref = parse_reference(query, self.docs)
        found = lookup(ref, self.index.chunks) if ref.is_clause else []
        return ref, tuple(Hit(c, 1.0, ("exact",)) for c in found)

    def missing(self, query: str, ref: Reference | None = None) -> str | None:
        """What the gazette does not have of what the query names exactly: a clause number past the end of its
        document ("西民发〔2024〕1号共三十四条…，没有第九十九条"), or a 文号 that is none of its documents."""
        ref = ref or parse_reference(query, self.docs)
        doc = next((d for d in self.docs if d.doc_no == ref.doc_no), None)
        if doc is not None:
            return describe_missing(ref, self.index.chunks, citation_label(doc.doc_no, doc.short_name))
        if (other := unknown_doc_no(query, self.docs)) is not None:
            return f"2024年西城区政府公报中没有{other}这份文件。"
        return None

    def _hybrid(self, query: str, doc_no: str | None, kind: str | None, weights: dict | None = None):
        """Fused ranking, the top dense cosine and the top BM25 score of the expanded query (over all
        chunks, for the relevance signal). BM25 runs on the query as typed and, when the vocabulary
        adds gazette terms, once more on the expanded query as a third ranked list."""
        weights = weights or FUSION_WEIGHTS
        q = normalize(query)
        expanded = expand_query(q)

        def keep(c: Chunk) -> bool:
            return (doc_no is None or c.doc_no == doc_no) and (kind is None or c.kind == kind)

        n = len(self.index.chunks) if (doc_no or kind) else CANDIDATES
        raw = self.index.bm25_search(q, n)
        wider = raw if expanded == q else self.index.bm25_search(expanded, n)
        rankings = {"bm25": [c.chunk_id for c, _ in raw if keep(c)][:CANDIDATES]}
        if wider is not raw and weights.get("bm25x"):
            rankings["bm25x"] = [c.chunk_id for c, _ in wider if keep(c)][:CANDIDATES]
        where = {}
        if doc_no:
            where["doc_no"] = doc_no
        if kind:
            where["kind"] = kind
        if len(where) > 1:
            where = {"$and": [{k: v} for k, v in where.items()]}
        with self._lock:
            dense = self.index.dense_search(q, CANDIDATES, where or None)
        rankings["dense"] = [c.chunk_id for c, _ in dense]
        fused = self._rerank(query, rrf_fuse(rankings, weights=weights))
        dense_top = dense[0][1] if dense else 0.0
        bm25_top = wider[0][1] if wider else 0.0
        return fused, dense_top, bm25_top

    def _search_text(self, chunk_id: str) -> str:
        """The normalised text a chunk is searched by, computed once per chunk (the reranker reads it often)."""
        text = self._texts.get(chunk_id)
        if text is None:
            text = self._texts[chunk_id] = chunk_search_text(self.index.by_id[chunk_id])
        return text

    def _rerank(self, query: str, fused: list, weights: dict | None = None) -> list:
        """Rescore the top RERANK_TOP fused candidates with the answer-type and scope features."""
        w = RERANK_WEIGHTS if weights is None else weights
        types = asked_types(query)
        if not (types and w.get("answer_type")) and not w.get("scope"):
            return fused
        head = []
        for cid, score, src in fused[:RERANK_TOP]:
            text = self._search_text(cid)
            bonus = w.get("answer_type", 0.0) * states(text, types)
            bonus -= w.get("scope", 0.0) * scope_clash(query, text)
            head.append((cid, score + bonus, src))
        head.sort(key=lambda h: -h[1])  # stable: ties keep the fused order
        return head + list(fused[RERANK_TOP:])

    def _in_scope(self, query: str, dense_top: float, bm25_top: float, ref: Reference) -> bool:
        q = normalize(query)
        if ref.doc_no is not None:
            return True
        if OTHER_PLACES.search(q) and "西城" not in q:
            return False
        return dense_top >= MIN_DENSE or bm25_top >= MIN_BM25
