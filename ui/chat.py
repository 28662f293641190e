"""The chat page: questions in, grounded answers, calculations and follow-ups out; the sidebar beside it."""

from __future__ import annotations

import streamlit as st

from assistant.conversation import Conversation
from assistant.service import Assistant
from ui.render import escape_markdown, render_answer
from ui.resources import get_assistant, index_status

EXAMPLES = {
    "居民": (
        "北京市户籍老人在养老助餐点就餐每天补贴多少？",
        "非本市户籍孩子在西城上小学要审核哪些材料？",
        "2024年小学入学登记什么时候开始？",
    ),
    "企业": (
        "光伏装机500千瓦能拿多少？",
        "分布式光伏项目能拿多少奖励？",
        "燃油叉车报废更新有奖励吗？",
        "金融科技企业租房补贴怎么算？",
    ),
    "工作人员": (
        "西民发〔2024〕1号第二十一条",
        "国有资产评估管理办法第五条",
        "社会力量兴办博物馆有什么扶持？",
    ),
}
GAZETTE = "北京市西城区人民政府公报（2024年）"


def state() -> tuple[Conversation, list]:
    """This browser session's Conversation and visible history (both reset by 新对话)."""
    if "conversation" not in st.session_state:
        st.session_state.conversation = Conversation()
    if "messages" not in st.session_state:
        st.session_state.messages = []
    return st.session_state.conversation, st.session_state.messages


def _ask_example(question: str) -> None:
    st.session_state.pending_question = question
    st.session_state.goto = "chat"


def _new_chat() -> None:
    conv, messages = state()
    conv.reset()
    messages.clear()
    st.session_state.pop("pending_question", None)


def sidebar(assistant: Assistant) -> None:
    """Examples by audience, 新对话, and what the answers rest on (index, LLM, gazette date)."""
    sb = st.sidebar
    sb.button("新对话", icon=":material/add_comment:", on_click=_new_chat, width="stretch", key="new_chat")
    sb.markdown("**示例问题**（点击即问）")
    for group, questions in EXAMPLES.items():
        with sb.expander(group, expanded=group == "居民"):
            for i, q in enumerate(questions):
                st.button(q, key=f"ex_{group}_{i}", on_click=_ask_example, args=(q,), width="stretch")
    info = index_status(assistant)
    issued = sorted(d.issued_on for d in assistant.docs.values() if d.issued_on)
    span = f"{issued[0]:%Y年%-m月%-d日}至{issued[-1]:%Y年%-m月%-d日}" if issued else "2024年"
    sb.divider()
    sb.markdown(f"**依据**：{GAZETTE}，收录文件发布于{span}。")
    sb.caption(
        f"回答以2024年公报为准；今天是{assistant.today:%Y年%-m月%-d日}，"
        "政策可能已调整或失效（如2024年入学政策），办理前请向主管部门核实。"
    )
    sb.caption(
        f"索引：{info['documents']} 份文件 · {info['chunks']} 个条文片段 · 向量模型 `{info['embedder']}`"
    )
    if info["llm"]:
        state_text = "已启用" if info["llm_active"] else "已配置但未能加载"
        sb.caption(f"大模型：{state_text}（{info['llm']}），回答仍只引用公报条文")
    else:
        sb.caption("大模型：未配置 —— 直接摘录公报原文回答")


def page() -> None:
    assistant = get_assistant()
    conv, messages = state()
    titles = {n: c.title for n, c in assistant.calculators.items()}
    st.title("公报问答")
    st.caption("问政策、查条文、算补贴：每个回答都附公报原文出处。")
    if not messages:
        st.info(
            "可以这样问：“光伏装机500千瓦能拿多少？”、“西民发〔2024〕1号第二十一条”、"
            "“非本市户籍孩子上小学要哪些材料？”。左侧有更多示例。"
        )
    for n, m in enumerate(messages):
        with st.chat_message(m["role"]):
            if m["role"] == "user":
                st.markdown(escape_markdown(m["text"]))
            else:
                render_answer(m["answer"], assistant.docs, titles)
                edit_in_calculator(m["answer"], key=f"edit_{n}")
    typed = st.chat_input("请输入您的问题，例如：分布式光伏项目能拿多少奖励？", max_chars=2000)
    question = typed or st.session_state.pop("pending_question", None)
    if not question:
        return
    messages.append({"role": "user", "text": question})
    with st.chat_message("user"):
        st.markdown(escape_markdown(question))
    with st.chat_message("assistant"):
        with st.spinner("正在查阅公报…"):
            answer = assistant.ask(question, conv)
        render_answer(answer, assistant.docs, titles)
        edit_in_calculator(answer, key=f"edit_{len(messages)}")
    messages.append({"role": "assistant", "answer": answer})


def _open_calculator(name: str, inputs: dict) -> None:
    st.session_state.calc_prefill = {"calculator": name, "inputs": dict(inputs)}
    st.session_state.goto = "calculators"


def edit_in_calculator(answer, key: str) -> None:
    """A calculation (done or waiting for facts) opens on the 计算器 page with what the chat understood filled in."""
    calc = answer.calculation
    if calc is None or not calc.calculator:
        return
    st.button(
        "在计算器中查看和修改", key=key, icon=":material/edit_note:",
        on_click=_open_calculator, args=(calc.calculator, calc.inputs),
    )  # fmt: skip
