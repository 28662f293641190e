"""Streamlit page of the Xicheng gazette assistant (minimal until the chat page lands)."""

from __future__ import annotations

import streamlit as st

from ingest.index import IndexUnavailable, load_index
from retrieval.search import Retriever

st.set_page_config(page_title="西城区政府公报助手", page_icon="📜")
st.title("西城区政府公报助手（2024）")


@st.cache_resource(show_spinner="正在加载索引…")
def get_retriever() -> Retriever:
    return Retriever(load_index())


try:
    retriever = get_retriever()
except IndexUnavailable as e:
    st.error(f"索引不可用：{e}")
    st.stop()

query = st.text_input("检索公报条文", placeholder="例如：西民发〔2024〕1号第二十一条")
if query.strip():
    result = retriever.search(query, k=5)
    if not result.relevant:
        st.info("公报中可能没有与此相关的内容。")
    for hit in result.hits:
        c = hit.chunk
        with st.expander(f"{c.doc_no} {c.article or ''} — {c.title}"):
            st.text(c.text)
