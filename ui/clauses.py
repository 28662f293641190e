"""条文查询 page for staff: the gazette's documents, each readable article by article, search, copyable citations."""

from __future__ import annotations

import streamlit as st

from core.format import citation_label
from core.schema import Chunk, Document
from ui.render import escape_markdown, highlighted
from ui.resources import get_assistant

ALL = "（全部文件）"


def validity(d: Document) -> str:
    start = f"{d.effective_from:%Y-%m-%d}" if d.effective_from else "未注明"
    end = f"{d.effective_to:%Y-%m-%d}" if d.effective_to else "未注明截止"
    return f"{start} 起" if not d.effective_to else f"{start} 至 {end}"


def citation_text(chunk: Chunk, docs: dict[str, Document]) -> str:
    """《short name》（文号）article — what staff paste into a reply."""
    d = docs.get(chunk.doc_no)
    name = (d.short_name if d and d.short_name else None) or chunk.title
    label = chunk.article or " ".join(chunk.section_path)
    return citation_label(chunk.doc_no, name, label)


def chunk_label(chunk: Chunk) -> str:
    return chunk.article or " / ".join(chunk.section_path) or "正文"


def _show_chunk(chunk: Chunk, docs: dict[str, Document], with_citation: bool) -> None:
    st.markdown(f"**{escape_markdown(chunk_label(chunk))}**")
    st.markdown(escape_markdown(chunk.quote.strip()))
    if with_citation:
        st.code(citation_text(chunk, docs), language=None)


def focus(by_id: dict[str, Chunk], docs: dict[str, Document]) -> None:
    """A source link from the chat (?chunk=…&hl=…): that article first, the quoted words highlighted, and the
    reader below opened at its document."""
    chunk_id = st.query_params.get("chunk")
    if not chunk_id:
        return
    chunk = by_id.get(chunk_id)
    if chunk is None:
        st.warning("链接指向的条文不在当前公报索引中（索引可能已更新），请在下方检索。")
        return
    if st.session_state.get("focused") != chunk_id:  # open the reader at this document once, then let it be
        st.session_state.focused = chunk_id
        st.session_state.browse_doc = chunk.doc_no
    d = docs.get(chunk.doc_no)
    with st.container(border=True):
        st.markdown(
            f"**{escape_markdown(chunk_label(chunk))}** — {escape_markdown(d.title if d else chunk.title)}"
        )
        st.markdown(highlighted(chunk.quote.strip(), st.query_params.get("hl", "")))
        st.code(citation_text(chunk, docs), language=None)


def document_table(docs: dict[str, Document], chunks: list[Chunk], today) -> None:
    counts: dict[str, int] = {}
    for c in chunks:
        counts[c.doc_no] = counts.get(c.doc_no, 0) + 1
    rows = list(docs.values())
    st.dataframe(
        {
            "文号": [d.doc_no for d in rows],
            "名称": [d.short_name or d.title for d in rows],
            "发文机关": [d.issuer for d in rows],
            "发布日期": [f"{d.issued_on:%Y-%m-%d}" if d.issued_on else "" for d in rows],
            "有效期": [validity(d) for d in rows],
            "今天": ["已过期" if d.effective_to and d.effective_to < today else "有效" for d in rows],
            "条文片段": [counts.get(d.doc_no, 0) for d in rows],
        },
        hide_index=True,
        width="stretch",
    )


def page() -> None:
    assistant = get_assistant()
    docs = assistant.docs
    chunks = assistant.retriever.index.chunks
    st.title("条文查询")
    st.caption(f"2024年公报收录的 {len(docs)} 份文件：逐条阅读、检索，并复制规范引用（点代码框右上角复制）。")
    focus(assistant.retriever.index.by_id, docs)
    document_table(docs, chunks, assistant.today)

    tab_read, tab_search = st.tabs(["阅读文件", "检索条文"])
    with tab_read:
        doc_no = st.selectbox(
            "选择文件", list(docs), key="browse_doc",
            format_func=lambda n: f"{n}　{docs[n].short_name or docs[n].title}",
        )  # fmt: skip
        d = docs[doc_no]
        st.markdown(f"#### {escape_markdown(d.title)}")
        st.caption(
            f"文号：{d.doc_no}　发文机关：{d.issuer}　发布日期：{d.issued_on or '未注明'}　有效期：{validity(d)}"
            + (f"　（{d.validity_note}）" if d.validity_note else "")
        )
        in_doc = [c for c in chunks if c.doc_no == doc_no]
        pick = st.selectbox(
            "复制某一条的引用", range(len(in_doc)), key=f"cite_{doc_no}",
            format_func=lambda i: f"{chunk_label(in_doc[i])}：{in_doc[i].text[:30]}…",
        )  # fmt: skip
        st.code(citation_text(in_doc[pick], docs), language=None)
        with st.container(height=600):
            for c in in_doc:
                _show_chunk(c, docs, with_citation=False)
                st.divider()

    with tab_search:
        query = st.text_input(
            "检索词或条款", placeholder="例如：就餐补贴、西民发〔2024〕1号第二十一条", key="clause_q"
        )
        scope = st.selectbox(
            "范围", [ALL, *docs], key="clause_scope",
            format_func=lambda n: n if n == ALL else f"{n}　{docs[n].short_name}",
        )  # fmt: skip
        if query.strip():
            result = assistant.retriever.search(query, k=8, doc_no=None if scope == ALL else scope)
            if not result.relevant:
                st.info("公报中可能没有与此直接相关的条文，以下是最接近的结果。")
            for hit in result.hits:
                c = hit.chunk
                with st.expander(
                    f"{c.doc_no} {chunk_label(c)} — {docs[c.doc_no].short_name if c.doc_no in docs else c.title}",
                    expanded=True,
                ):
                    _show_chunk(c, docs, with_citation=True)
