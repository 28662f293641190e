"""The loaded index, assistant, retriever and calculators of one API process, shared by every request."""

from __future__ import annotations

import copy
import threading
from datetime import date

from assistant.service import Assistant
from calculators.base import Calculator
from core.schema import Document
from core.settings import Settings, get_settings
from ingest.embedders import EmbedderError
from ingest.index import ChromaUnavailable, IndexUnavailable
from ingest.parse import CorpusError
from retrieval.index import Index, load_index
from retrieval.search import Retriever


class ServiceUnavailable(RuntimeError):
    """The index cannot be loaded: every endpoint but /health answers 503 with this message."""


class Service:
    """One per process. Holds no conversation state: a chat is rebuilt from its messages on every request."""

    def __init__(self, index: Index):
        self.index = index
        self.assistant = Assistant(index, today=date.today())
        self.retriever: Retriever = self.assistant.retriever
        self.calculators: dict[str, Calculator] = self.assistant.calculators
        self.documents: dict[str, Document] = {d.doc_no: d for d in self.retriever.docs}
        self._lock = threading.Lock()
        self._assistants: dict[tuple[date, bool], Assistant] = {}

    def assistant_on(self, day: date | None = None, llm: bool = True) -> Assistant:
        """The assistant answering for `day` (today by default): a long-running process moves to the new date at
        midnight. `llm=False` never calls the optional LLM (earlier turns replayed to rebuild a conversation)."""
        day = day or date.today()
        key = (day, llm and self.assistant.chat_model is not None)
        with self._lock:
            found = self._assistants.get(key)
            if found is None:
                if len(self._assistants) > 8:  # yesterday's assistants
                    self._assistants.clear()
                found = copy.copy(self.assistant)  # shares the index, retriever, calculators and intents
                found.today = day
                found._tools = None  # the LLM's calculator tools are bound to the date
                if not key[1]:
                    found.chat_model = None
                self._assistants[key] = found
            return found

    def health(self) -> dict:
        m = self.index.manifest
        s = self.index.settings
        return {
            "status": "ok",
            "index": {
                "state": "ready",
                "chunks": len(self.index.chunks),
                "built_at": m.get("built_at"),
                "chroma": m.get("chroma"),
            },
            "embedder": m.get("embedder"),
            "documents": len(self.documents),
            "calculators": len(self.calculators),
            "llm": llm_state(s),
        }


def llm_state(s: Settings) -> dict:
    if not (s.llm_base_url and s.llm_model):
        return {"state": "off", "note": "extractive answers (LLM_BASE_URL / LLM_MODEL not set)"}
    return {"state": "configured", "model": s.llm_model, "timeout_s": s.llm_timeout_s}


_service: Service | None = None
_error: str | None = None
_load_lock = threading.Lock()


def get_service() -> Service:
    """The process's Service, loaded on first use; ServiceUnavailable says why it cannot be."""
    global _service, _error
    if _service is not None:
        return _service
    with _load_lock:
        if _service is None:
            try:
                _service = Service(load_index())
                _error = None
            except (IndexUnavailable, CorpusError, EmbedderError, ChromaUnavailable) as e:
                _error = str(e)
                raise ServiceUnavailable(_error) from None
    return _service


def health() -> dict:
    """/health: ready with the index's figures, or unavailable with the reason (tried again on each call)."""
    try:
        return get_service().health()
    except ServiceUnavailable as e:
        settings = get_settings()
        return {
            "status": "unavailable",
            "index": {"state": "unavailable", "error": str(e)},
            "embedder": settings.embedder,
            "documents": 0,
            "llm": llm_state(settings),
        }


def reset_service() -> None:
    """Forget the loaded service (tests, or after a rebuild in the same process)."""
    global _service, _error
    with _load_lock:
        _service, _error = None, None
