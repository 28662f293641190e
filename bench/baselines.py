"""Baselines for `python -m bench quality`: plain LangChain dense, Langchain-Chatchat BM25+dense ensemble, BM25 only."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from core.normalize import normalize
from core.schema import Document
from ingest.embedders import Embedder
from retrieval.index import Index

# Plain LangChain: the splitter's documented defaults for a first RAG demo.
PLAIN_CHUNK_SIZE, PLAIN_OVERLAP = 500, 50
# Langchain-Chatchat: CHUNK_SIZE 250, OVERLAP_SIZE 50, ChineseRecursiveTextSplitter's separators,
# BM25Retriever(preprocess_func=jieba.lcut_for_search) + vector store in EnsembleRetriever([0.5, 0.5]).
CHATCHAT_CHUNK_SIZE, CHATCHAT_OVERLAP = 250, 50
CHATCHAT_SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", "，", ""]
CHATCHAT_WEIGHTS = [0.5, 0.5]
CANDIDATES = 10  # each retriever's k; the ensemble returns up to twice that, cut to k


@dataclass(frozen=True)
class Passage:
    """One retrieved passage; `chunk_id` only when it is one of our chunks (exact chunk matching)."""

    text: str  # normalised, for the overlap rule
    doc_no: str
    chunk_id: str | None = None


class Baseline(Protocol):
    name: str
    description: str

    def search(self, query: str, k: int = 10) -> list[Passage]: ...


def _langchain_embeddings(embedder: Embedder):
    """Our embedder behind LangChain's Embeddings interface (same vectors as our index)."""
    from langchain_core.embeddings import Embeddings

    class GazetteEmbeddings(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed_documents(texts).tolist()

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed_query(text).tolist()

    return GazetteEmbeddings()


def _split(docs: Sequence[Document], splitter) -> list:
    from langchain_core.documents import Document as LCDocument

    out = []
    for d in docs:
        for n, piece in enumerate(splitter.split_text(d.text)):
            out.append(LCDocument(page_content=piece, metadata={"doc_no": d.doc_no, "n": n}))
    return out


def _passages(lc_docs) -> list[Passage]:
    return [Passage(normalize(d.page_content), d.metadata["doc_no"]) for d in lc_docs]


class PlainLangChain:
    name = "LangChain: recursive 500/50 + dense"
    description = (
        f"RecursiveCharacterTextSplitter(chunk_size={PLAIN_CHUNK_SIZE}, chunk_overlap={PLAIN_OVERLAP}) "
        "over each document's text, InMemoryVectorStore similarity search"
    )

    def __init__(self, docs: Sequence[Document], embedder: Embedder):
        from langchain_core.vectorstores import InMemoryVectorStore
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=PLAIN_CHUNK_SIZE, chunk_overlap=PLAIN_OVERLAP)
        self.documents = _split(docs, splitter)
        self.store = InMemoryVectorStore(_langchain_embeddings(embedder))
        self.store.add_documents(self.documents)

    def search(self, query: str, k: int = 10) -> list[Passage]:
        return _passages(self.store.similarity_search(query, k=k))


def _jieba_lcut_for_search():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.lcut_for_search


class ChatchatEnsemble:
    name = "Chatchat: 250/50 jieba BM25 + dense"
    description = (
        f"RecursiveCharacterTextSplitter(chunk_size={CHATCHAT_CHUNK_SIZE}, chunk_overlap={CHATCHAT_OVERLAP}, "
        "Chinese sentence separators, keep_separator='end'); BM25Retriever(preprocess_func=jieba.lcut_for_search) "
        f"and InMemoryVectorStore retriever, k={CANDIDATES} each, EnsembleRetriever(weights={CHATCHAT_WEIGHTS})"
    )

    def __init__(self, docs: Sequence[Document], embedder: Embedder):
        from langchain_core.vectorstores import InMemoryVectorStore
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        with warnings.catch_warnings():  # langchain-community announces its sunset on import
            warnings.simplefilter("ignore", DeprecationWarning)
            from langchain_classic.retrievers import EnsembleRetriever
            from langchain_community.retrievers import BM25Retriever

        splitter = RecursiveCharacterTextSplitter(
            chunk_size=CHATCHAT_CHUNK_SIZE,
            chunk_overlap=CHATCHAT_OVERLAP,
            separators=CHATCHAT_SEPARATORS,
            keep_separator="end",
        )
        self.documents = _split(docs, splitter)
        store = InMemoryVectorStore(_langchain_embeddings(embedder))
        store.add_documents(self.documents)
        bm25 = BM25Retriever.from_documents(self.documents, preprocess_func=_jieba_lcut_for_search())
        bm25.k = CANDIDATES
        dense = store.as_retriever(search_kwargs={"k": CANDIDATES})
        self.retriever = EnsembleRetriever(retrievers=[bm25, dense], weights=CHATCHAT_WEIGHTS)

    def search(self, query: str, k: int = 10) -> list[Passage]:
        return _passages(self.retriever.invoke(query)[:k])


class BM25Only:
    name = "BM25 only (our chunks)"
    description = "Index.bm25_search over our structure-aware chunks, the index's tokeniser, raw question"

    def __init__(self, index: Index):
        self.index = index

    def search(self, query: str, k: int = 10) -> list[Passage]:
        return [
            Passage(normalize(c.text), c.doc_no, c.chunk_id) for c, _score in self.index.bm25_search(query, k)
        ]


def build_baselines(index: Index, docs: Sequence[Document]) -> list[Baseline]:
    """All three, over the same corpus and with the same embedder as `index`."""
    embedder = index.embedder
    return [PlainLangChain(docs, embedder), ChatchatEnsemble(docs, embedder), BM25Only(index)]
