"""计算器 page: one form per calculator, generated from its input schema, grouped by document."""

from __future__ import annotations

from datetime import date

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


def run_form(
    calc: Calculator, as_of, fallback_labels: dict, key_prefix: str = "calc", given: dict | None = None
) -> None:
    """The calculator's form (pre-filled with `given`, e.g. what the chat understood); on submit runs it and
    keeps the result in session state for reruns."""
    result_key = f"{key_prefix}_result_{calc.name}"
    given = given or {}
    with st.form(f"{key_prefix}_form_{calc.name}"):
        st.markdown(f"**{calc.title}**")
        st.caption(f"依据：{calc.doc_no} {calc.article}")
        if given:
            st.caption("已按问答中您说的情况填好，请核对后点“计算”。")
        values = {}
        for spec in field_specs(calc.inputs, fallback_labels):
            value = given.get(spec.name)
            if spec.kind == "date" and isinstance(value, str):
                value = date.fromisoformat(value)
            values[spec.name] = render_field(spec, key=f"{key_prefix}_{calc.name}_{spec.name}", value=value)
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

    given = _take_prefill(assistant.calculators)
    doc_no = st.selectbox("文件", list(groups), format_func=doc_label, key="calc_doc")
    calcs = groups[doc_no]
    name = st.radio(
        "计算器", [c.name for c in calcs], key=f"calc_pick_{doc_no}",
        format_func=lambda n: f"{assistant.calculators[n].title}（{assistant.calculators[n].article}）",
    )  # fmt: skip
    prefilled = st.session_state.get("calc_prefilled") or {}
    run_form(assistant.calculators[name], assistant.today, fallback, given=given or prefilled.get(name))


def _take_prefill(calculators: dict[str, Calculator]) -> dict | None:
    """A calculation the chat sent here: select its calculator and start its form from the chat's inputs."""
    sent = st.session_state.pop("calc_prefill", None)
    if not sent or sent.get("calculator") not in calculators:
        return None
    calc = calculators[sent["calculator"]]
    st.session_state.calc_doc = calc.doc_no
    st.session_state[f"calc_pick_{calc.doc_no}"] = calc.name
    for k in [k for k in st.session_state if str(k).startswith(f"calc_{calc.name}_")]:
        del st.session_state[k]  # widgets take the chat's values, not what was typed here before
    st.session_state.calc_prefilled = {calc.name: sent["inputs"]}
    return sent["inputs"]
