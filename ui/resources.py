"""Heavy resources: the index once per process, the Assistant once a day (index built with a progress bar if missing)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assistant.service import Assistant
from core.settings import Settings, get_settings
from ingest.index import IndexUnavailable, build_index
from retrieval.index import Index, load_index


@st.cache_resource(show_spinner="正在加载公报索引…")
def _load_index(data_dir: str, embedder: str, chroma_host: str | None) -> Index:
    """Keyed by where the index lives and which embedder it uses, so a changed setting loads anew."""
    return load_index(get_settings())


@st.cache_resource(show_spinner="正在准备助手…", max_entries=1)
def _load_assistant(data_dir: str, embedder: str, chroma_host: str | None, today: date) -> Assistant:
    """One Assistant a day: answers are given for `today`; a new day builds a new one over the same index."""
    return Assistant(_load_index(data_dir, embedder, chroma_host), today=today)


def _build_with_progress(settings: Settings) -> None:
    """Build the index in this session, feeding st.progress from build_index's per-batch callback."""
    from ingest.chunk import chunk_documents
    from ingest.parse import load_documents

    total = max(1, len(chunk_documents(load_documents(settings.corpus_dir))))
    bar = st.progress(0.0, text=f"首次使用：正在建立公报索引（{settings.embedder}），共 {total} 个条文片段…")
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        bar.progress(min(done / total, 1.0), text=f"正在建立公报索引：{min(done, total)}/{total}")

    build_index(settings, progress=step, log=lambda _msg: None)
    bar.progress(1.0, text="索引已建好")
    bar.empty()


def get_assistant() -> Assistant:
    """The process-wide Assistant; builds the index first when none is usable. Stops the page on failure."""
    s = get_settings()
    key = (str(s.data_dir), s.embedder, s.chroma_host)
    today = date.today()  # the page's edge: everything below gets the date from the Assistant
    try:
        return _load_assistant(*key, today)
    except IndexUnavailable:
        pass  # never built, or built for another embedder: build it now, then load
    try:
        _build_with_progress(s)
        return _load_assistant(*key, today)
    except Exception as e:  # corpus missing, Chroma server down …: say so instead of a traceback
        st.error(f"公报索引不可用：{e}\n\n请在命令行运行 `python -m ingest` 查看详情。")
        st.stop()
        raise  # unreachable: st.stop() raises


def index_status(assistant: Assistant) -> dict:
    """What the sidebar shows about the index and the optional LLM."""
    m = assistant.retriever.index.manifest
    s = assistant.retriever.index.settings
    return {
        "documents": m.get("documents", len(m.get("docs", []))),
        "chunks": m.get("chunks"),
        "embedder": m.get("embedder"),
        "built_at": m.get("built_at", ""),
        "llm": f"{s.llm_model} @ {s.llm_base_url}" if s.llm_base_url and s.llm_model else None,
        "llm_active": assistant.chat_model is not None,
    }
