"""Rendering shared by the pages: answers, calculation results, citations; user text never as markdown."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import streamlit as st

from assistant.compose import CORRECT_HINT
from assistant.conversation import LLM_SEPARATOR, Answer
from core.format import citation_label as format_citation
from core.format import yuan
from core.schema import CalcResult, Citation, Document

STATUS_BADGES = {
    "answered": ("依据公报条文", "green", ":material/menu_book:"),
    "calculated": ("已测算", "blue", ":material/calculate:"),
    "needs_input": ("还需要信息", "orange", ":material/help:"),
    "not_found": ("公报中未找到", "gray", ":material/search_off:"),
}
LLM_CAPTION = "由大模型根据公报条文整理，引用和数字已与原文核对。"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def escape_markdown(text: str) -> str:
    """Backslash-escape markdown and HTML syntax so typed text shows exactly as typed."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def citation_label(c: Citation, docs: dict[str, Document] | None = None) -> str:
    """《short name》（文号）article — the form staff paste into documents."""
    d = (docs or {}).get(c.doc_no)
    name = (d.short_name if d and d.short_name else None) or c.title or c.doc_no
    return format_citation(c.doc_no, name, c.article)


def render_citations(citations, docs: dict[str, Document] | None = None, expanded: bool = False) -> None:
    """One expander a citation: title, 文号, article, the verbatim quote and a link to the article in 条文查询."""
    for c in citations:
        with st.expander(citation_label(c, docs), expanded=expanded, icon=":material/description:"):
            st.markdown(f"**{escape_markdown(c.title or c.doc_no)}**")
            st.caption(f"文号：{c.doc_no}　条款：{c.article or '（无条款编号）'}")
            st.markdown(
                "\n".join("> " + escape_markdown(line) for line in c.quote.splitlines() if line.strip())
            )
            if c.chunk_id:
                st.markdown(f"[在条文查询中查看原文（引用处高亮）]({source_link(c.chunk_id, c.quote)})")


HIGHLIGHT_CHARS = 80  # the quoted words carried in a source link: enough to find them, short as a URL


def source_link(chunk_id: str, quote: str = "") -> str:
    """The 条文查询 page open at one article, with the quoted words highlighted (relative to the app's URL)."""
    params = {"chunk": chunk_id}
    words = " ".join(quote.split())[:HIGHLIGHT_CHARS]
    if words:
        params["hl"] = words
    return "clauses?" + urlencode(params)


def highlighted(text: str, words: str) -> str:
    """`text` as markdown with the first occurrence of `words` (spacing ignored) on a highlight."""
    flat = " ".join(text.split())
    words = " ".join(words.split())
    at = flat.find(words) if words else -1
    if at < 0:
        return escape_markdown(flat)
    end = at + len(words)
    return f"{escape_markdown(flat[:at])}:orange-background[{escape_markdown(flat[at:end])}]{escape_markdown(flat[end:])}"


def render_calculation(result: CalcResult, title: str, docs: dict[str, Document] | None = None) -> None:
    """Amount (or verdict) as a metric, the steps as a small table, then warnings and citations."""
    st.markdown(f"**{escape_markdown(title)}**")
    if result.missing:
        st.info("还需要以下信息才能计算：\n\n" + "\n".join(f"- {escape_markdown(m)}" for m in result.missing))
    else:
        verdict = {True: "符合条件", False: "不符合条件", None: "尚不能确定"}[result.eligible]
        shown = [("测算金额", yuan(result.amount_yuan))] if result.amount_yuan is not None else []
        if result.amount_yuan is None or result.eligible is False:
            shown.append(("资格", verdict))
        for col, (label, value) in zip(st.columns(3), shown, strict=False):
            col.metric(label, value, border=True)
    if result.steps:
        st.table({"步骤": [str(i) for i in range(1, len(result.steps) + 1)], "计算过程": list(result.steps)})
    for w in result.warnings:
        st.warning(w, icon=":material/warning:")
    extra = result.extra or {}
    for key, label in (("office", "受理部门"), ("materials", "申报材料"), ("deadline", "时间要求")):
        value = extra.get(key)
        if value:
            st.markdown(f"**{label}**：{value if isinstance(value, str) else '；'.join(map(str, value))}")
    if result.citations:
        st.caption("依据")
        render_citations(result.citations, docs)


def render_answer(answer: Answer, docs: dict[str, Document], titles: dict[str, str]) -> None:
    """One assistant turn, shown from the answer's fields: the LLM's checked wording when it rewrote the
    answer, else a calculation as metric + table or the extractive markdown; a notice when the LLM fell back."""
    label, color, icon = STATUS_BADGES.get(answer.status, ("", "gray", None))
    if label:
        st.badge(label, color=color, icon=icon)
    calc = answer.calculation
    structured = answer.status == "calculated" and calc is not None
    if structured:
        if answer.rewritten_by_llm:  # the model's words, then the calculation as computed
            st.markdown(answer.answer.split(LLM_SEPARATOR)[0])
        render_calculation(calc, titles.get(calc.calculator, calc.calculator), docs)
        for w in answer.validity_warnings:
            st.warning(w, icon=":material/warning:")
        render_understood(answer.understood)
    else:
        st.markdown(answer.answer)
    if answer.rewritten_by_llm:
        st.caption(LLM_CAPTION)
    if answer.fallback_notice:
        st.info(answer.fallback_notice, icon=":material/info:")
    if answer.status == "needs_input":
        st.caption("请直接在下方输入框回复所缺的信息（可一次回答几项）；点侧栏“新对话”可重新开始。")
    if answer.citations and answer.status != "not_found" and not structured:
        st.caption("引用条文")
        render_citations(answer.citations, docs)
    _timing(answer)


def render_understood(facts: tuple[str, ...]) -> None:
    """我理解的情况, each fact as the user's words gave it; corrections go in the chat box."""
    if facts:
        with st.expander("我理解的情况", expanded=True, icon=":material/fact_check:"):
            st.markdown("\n".join(f"- {escape_markdown(f)}" for f in facts))
            st.caption(CORRECT_HINT + "。")


def _timing(answer: Answer) -> None:
    if answer.elapsed_ms:
        st.caption(f"用时 {answer.elapsed_ms:.0f} 毫秒")
