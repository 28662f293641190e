"""计算器 page: one form per calculator, generated from its input schema, grouped by document."""

from __future__ import annotations

import streamlit as st

from calculators.base import Calculator, InputError
from ui.forms import field_specs, known_option_labels, render_field
from ui.render import render_calculation
from ui.resources import get_assistant


def by_document(calculators: dict[str, Calculator]) -> dict[str, list[Calculator]]:
    groups: dict[str, list[Calculator]] = {}
    for c in calculators.values():
        groups.setdefault(c.doc_no, []).append(c)
    return groups


def run_form(calc: Calculator, as_of, fallback_labels: dict, key_prefix: str = "calc") -> None:
    """The calculator's form; on submit runs it and keeps the result in session state for reruns."""
    result_key = f"{key_prefix}_result_{calc.name}"
    with st.form(f"{key_prefix}_form_{calc.name}"):
        st.markdown(f"**{calc.title}**")
        st.caption(f"依据：{calc.doc_no} {calc.article}")
        values = {}
        for spec in field_specs(calc.inputs, fallback_labels):
            values[spec.name] = render_field(spec, key=f"{key_prefix}_{calc.name}_{spec.name}")
        submitted = st.form_submit_button("计算", type="primary")
    if submitted:
        raw = {k: v for k, v in values.items() if v is not None}
        try:
            st.session_state[result_key] = calc.run(raw, as_of)
        except InputError as e:
            st.session_state[result_key] = str(e).split(": ", 1)[-1]
    result = st.session_state.get(result_key)
    if isinstance(result, str):
        st.error(f"输入的数值不合理：{result}")
    elif result is not None:
        render_calculation(result, calc.title)


def page() -> None:
    assistant = get_assistant()
    st.title("计算器")
    st.caption("按公报条文测算补贴、奖励和资格。每个计算器的字段来自条文，结果附计算过程和原文出处。")
    groups = by_document(assistant.calculators)
    if not groups:
        st.info("暂无计算器。")
        return
    docs = assistant.docs
    fallback = known_option_labels(c.inputs for c in assistant.calculators.values())

    def doc_label(doc_no: str) -> str:
        d = docs.get(doc_no)
        name = d.short_name if d else ""
        return f"{doc_no}　{name}（{len(groups[doc_no])}个）"

    doc_no = st.selectbox("文件", list(groups), format_func=doc_label, key="calc_doc")
    calcs = groups[doc_no]
    name = st.radio(
        "计算器", [c.name for c in calcs], key=f"calc_pick_{doc_no}",
        format_func=lambda n: f"{assistant.calculators[n].title}（{assistant.calculators[n].article}）",
    )  # fmt: skip
    run_form(assistant.calculators[name], assistant.today, fallback)
