"""The query-time reader of the index that ingest writes: chunks, documents, BM25 and dense search."""

from __future__ import annotations

import atexit
import json
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from core.catalog import use_documents
from core.schema import Chunk, Document
from core.settings import Settings, get_settings
from core.tokenize import Tokenizer, get_tokenizer
from ingest.embedders import Embedder, get_embedder
from ingest.index import (
    BM25_DIR,
    CHROMA_DIR,
    CHUNKS,
    DAMAGED,
    DOCUMENTS,
    IndexUnavailable,
    build_index,
    build_lock,
    chroma_call,
    chroma_client,
    chroma_mode,
    ids_digest,
    read_manifest,
    recover_interrupted_swap,
    verify_parts,
)


@dataclass
class Index:
    """A loaded index: chunks and documents, BM25 retriever + tokenizer, Chroma collection, and the embedder."""

    settings: Settings
    manifest: dict
    chunks: list[Chunk]
    by_id: dict[str, Chunk]
    bm25: Any  # bm25s.BM25, rows aligned with `chunks`
    tokenizer: Tokenizer
    collection: Any  # chromadb Collection, queried with our own vectors only
    _embedder: Embedder | None = field(default=None, repr=False)
    documents: tuple[Document, ...] = ()

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.manifest["embedder"])
        return self._embedder

    def chunk(self, chunk_id: str) -> Chunk:
        return self.by_id[chunk_id]

    def bm25_search(self, query: str, k: int = 10) -> list[tuple[Chunk, float]]:
        tokens = self.tokenizer(query)
        if not tokens:
            return []
        scores = self.bm25.get_scores(tokens)
        top = np.argsort(-scores, kind="stable")[:k]
        return [(self.chunks[i], float(scores[i])) for i in top if scores[i] > 0]

    def dense_search(self, query: str, k: int = 10, where: dict | None = None) -> list[tuple[Chunk, float]]:
        """Cosine similarity (1 - Chroma's cosine distance) of the top k chunks."""
        vector = self.embedder.embed_query(query)
        res = chroma_call(
            self.settings,
            lambda: self.collection.query(
                query_embeddings=[vector],
                n_results=min(k, len(self.chunks)),
                where=where,
                include=["distances"],
            ),
            "检索",
        )
        return [
            (self.by_id[i], 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)
        ]


def _read_jsonl(path: Path, make) -> list:
    with open(path, encoding="utf-8") as fh:
        return [make(json.loads(line)) for line in fh if line.strip()]


def load_index(settings: Settings | None = None, embedder: Embedder | None = None) -> Index:
    """Open the index on disk; IndexUnavailable says how to fix a missing, corrupt or mismatched one."""
    import bm25s

    settings = settings or get_settings()
    index_dir = settings.index_dir
    if not index_dir.exists():
        _recover_under_lock(settings)
    try:
        manifest = read_manifest(index_dir)
    except IndexUnavailable as e:
        if "python -m ingest" in str(e):
            raise
        raise IndexUnavailable(f"{e}: run `python -m ingest` first") from None
    if manifest["embedder"] != settings.embedder or manifest.get("chroma") != chroma_mode(settings):
        raise IndexUnavailable(
            f"index was built for embedder {manifest['embedder']!r} ({manifest.get('chroma')}), settings ask "
            f"for {settings.embedder!r} ({chroma_mode(settings)}): run `python -m ingest`"
        )
    damaged = verify_parts(index_dir, manifest)
    if damaged:  # nothing is served from an index whose parts are not the ones it was built with
        raise IndexUnavailable(DAMAGED.format(what="；".join(damaged)))
    try:
        chunks = _read_jsonl(index_dir / CHUNKS, Chunk.from_dict)
        documents = tuple(_read_jsonl(index_dir / DOCUMENTS, Document.from_dict))
        retriever = bm25s.BM25.load(str(index_dir / BM25_DIR), show_progress=False, verbosity=0)
        try:
            collection = _open_collection(settings, index_dir / CHROMA_DIR, manifest["collection"])
        except Exception as e:
            if "readonly database" not in str(e) or settings.chroma_host:
                raise
            # a read-only data folder (a replica's mounted volume): the embedded store writes on open, so it
            # is served from a private copy; the count and ids below are checked on that copy
            collection = _open_collection(
                settings, _private_copy(index_dir / CHROMA_DIR), manifest["collection"]
            )
        vectors = chroma_call(settings, collection.count, "统计向量")
        held = chroma_call(settings, lambda: collection.get(include=[])["ids"], "读取向量编号")
    except IndexUnavailable:
        raise
    except Exception as e:  # a part that passed its checksum but does not load, or a Chroma store that fails
        raise IndexUnavailable(DAMAGED.format(what=f"{type(e).__name__}: {str(e)[:200]}")) from None
    if manifest.get("chroma_ids") != ids_digest(held):
        raise IndexUnavailable(DAMAGED.format(what="Chroma 中的向量编号与建索引时不符"))
    if len(chunks) != manifest["chunks"] or vectors != manifest["chunks"]:
        raise IndexUnavailable(
            DAMAGED.format(
                what=f"{CHUNKS} has {len(chunks)} chunks, Chroma {vectors} vectors, manifest says {manifest['chunks']}"
            )
        )
    use_documents(documents)
    return Index(
        settings, manifest, chunks, {c.chunk_id: c for c in chunks}, retriever,
        get_tokenizer(manifest["tokenizer"]), collection, embedder, documents,
    )  # fmt: skip


def _open_collection(settings: Settings, path: Path, name: str):
    client = chroma_client(settings, path)
    return chroma_call(settings, lambda: client.get_collection(name, embedding_function=None), "打开向量集合")


def _private_copy(chroma_dir: Path) -> Path:
    """The embedded store copied to a temporary folder of this process (removed when it exits)."""
    copy = Path(tempfile.mkdtemp(prefix="gazette-chroma-")) / chroma_dir.name
    shutil.copytree(chroma_dir, copy)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    atexit.register(shutil.rmtree, copy.parent, True)
    return copy


def _recover_under_lock(settings: Settings) -> None:
    """The index folder is missing: a swap may be under way (wait for it) or was killed (put the old one back).
    Both happen under the build lock, never beside a build; a read-only data folder is left as it is."""
    try:
        with build_lock(settings.data_dir):
            recover_interrupted_swap(settings.index_dir)
    except OSError:
        pass


def ensure_index(settings: Settings | None = None, **build_kwargs) -> Index:
    """Build if needed (a no-op when current), then load."""
    settings = settings or get_settings()
    build_index(settings, **build_kwargs)
    return load_index(settings)
