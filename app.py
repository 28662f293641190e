"""Streamlit app of the Xicheng gazette assistant: navigation over the pages in ui/."""

from __future__ import annotations

import streamlit as st

from ui import calculators_page, chat, clauses, eligibility
from ui.resources import get_assistant

st.set_page_config(page_title="西城区政府公报助手", page_icon=":material/gavel:", layout="wide")

PAGES = {
    "chat": st.Page(chat.page, title="公报问答", icon=":material/forum:", url_path="chat", default=True),
    "calculators": st.Page(
        calculators_page.page, title="计算器", icon=":material/calculate:", url_path="calculators"
    ),
    "eligibility": st.Page(
        eligibility.page, title="入学资格自查", icon=":material/school:", url_path="eligibility"
    ),
    "clauses": st.Page(clauses.page, title="条文查询", icon=":material/menu_book:", url_path="clauses"),
}
current = st.navigation(list(PAGES.values()))
# Example questions in the sidebar (and tests) ask for a page by name: go there before drawing anything.
goto = st.session_state.pop("goto", None)
if goto in PAGES and PAGES[goto].url_path != current.url_path:
    st.switch_page(PAGES[goto])
# A citation's source link (?chunk=…&hl=…) opens 条文查询 at that article, from whichever page it lands on.
if "chunk" in st.query_params and current.url_path != PAGES["clauses"].url_path:
    st.switch_page(PAGES["clauses"], query_params=st.query_params.to_dict())
chat.sidebar(get_assistant())
current.run()
