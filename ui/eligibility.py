"""入学资格自查 page: a step-by-step wizard over the admission_* calculators' input schemas, ending in a verdict."""

from __future__ import annotations

import re

import streamlit as st

from calculators.base import Calculator, InputError
from core.schema import CalcResult
from ui.forms import FieldSpec, field_specs, known_option_labels, render_field
from ui.render import escape_markdown, render_citations
from ui.resources import get_assistant

STAGE, HUKOU = "_stage", "hukou_type"  # asked first: they decide which admission calculators apply
STAGES = {"primary": "小学入学（一年级）", "middle": "初中入学（小升初）"}
# hukou_type values for which the non-local-children rules (西教发〔2024〕8号) apply
NONLOCAL_HUKOU = (None, "non_beijing")
NONLOCAL_DOC = "西教发〔2024〕8号"
# Wizard steps in the order a parent thinks of them; a field goes to the first topic whose words it contains
# (topics checked in KEYWORDS order, so "居住证" is a permit, not housing; English words start a name part).
STEPS = ("户籍", "出生日期", "住房", "父母就业和社保", "居住证", "其他情况")
KEYWORDS = {
    "居住证": r"居住证|(?<![a-z])(residence_permit|permit)",
    "户籍": r"户籍|户口|(?<![a-z])hukou",
    "出生日期": r"出生|年龄|周岁|(?<![a-z])(birth|age)",
    "住房": r"住房|房屋|房产|产权|租|住址|居住|(?<![a-z])(housing|property|rent|lease|house|home)",
    "父母就业和社保": r"就业|工作|务工|社保|社会保险|营业执照|(?<![a-z])(employ|job|insurance|social|work|business|contract)",
}
VERDICT = {True: "符合", False: "不符合", None: "未知"}


def admission_calculators(calculators: dict[str, Calculator]) -> list[Calculator]:
    """The rules that decide a school stage (calculator metadata `stage`)."""
    return [c for _, c in sorted(calculators.items()) if c.stage is not None]


def topic(spec: FieldSpec) -> str:
    """The wizard step of a field: its English name decides first, its Chinese description second."""
    for text in (spec.name.lower(), spec.help):
        for step, words in KEYWORDS.items():
            if re.search(words, text, re.IGNORECASE):
                return step
    return "其他情况"


def relevant(calcs: list[Calculator], values: dict) -> list[Calculator]:
    """Calculators for the chosen stage and, for the non-local-children rules, a non-Beijing hukou."""
    stage = values.get(STAGE)
    out = []
    for c in calcs:
        if stage and c.stage != stage:
            continue
        if c.doc_no == NONLOCAL_DOC and values.get(HUKOU) not in NONLOCAL_HUKOU:
            continue
        out.append(c)
    return out


def first_step(calcs: list[Calculator], fallback: dict) -> list[FieldSpec]:
    """Stage, and hukou_type when a calculator asks for it (taken from that calculator's schema)."""
    stage = FieldSpec(
        STAGE, "孩子今年要办理", "选择入学阶段", "choice", required=True, optional=False, default="primary",
        options=tuple(STAGES), option_labels=STAGES,
    )  # fmt: skip
    hukou = next((f for c in calcs for f in field_specs(c.inputs, fallback) if f.name == HUKOU), None)
    return [stage] + ([hukou] if hukou else [])


def nonlocal_only_fields(calcs: list[Calculator]) -> set[str]:
    """Fields only the non-local-children materials ask for (西教发〔2024〕8号), not the 7号 primary rules."""
    local = {
        n for c in calcs if c.doc_no != NONLOCAL_DOC and c.stage == "primary" for n in c.inputs.model_fields
    }
    return {n for c in calcs if c.doc_no == NONLOCAL_DOC for n in c.inputs.model_fields} - local


def wizard_steps(
    calcs: list[Calculator], fallback: dict, hidden: set[str] = frozenset()
) -> list[tuple[str, list[FieldSpec]]]:
    """(step title, fields) for the steps that have fields; a field shared by several calculators appears once;
    `hidden` fields are not asked (the 8号 materials, unless the child's hukou is non-local)."""
    seen: dict[str, FieldSpec] = {STAGE: None, HUKOU: None}  # asked in the first step
    for c in calcs:
        for spec in field_specs(c.inputs, fallback):
            if spec.name not in hidden:
                seen.setdefault(spec.name, spec)
    grouped: dict[str, list[FieldSpec]] = {s: [] for s in STEPS}
    for spec in seen.values():
        if spec is not None:
            grouped[topic(spec)].append(spec)
    return [(s, fields) for s, fields in grouped.items() if fields]


def conditions(calc: Calculator, result: CalcResult | str) -> list[tuple[str, bool | None, str, str]]:
    """(condition, met, clause, detail) rows: the calculator's own per-condition list when it gives one."""
    clause = f"{calc.doc_no} {calc.article}".strip()
    if isinstance(result, str):
        return [(calc.title, None, clause, f"输入有误：{result}")]
    rows = []
    for item in (result.extra or {}).get("conditions", []) or []:
        if isinstance(item, dict):
            met = item.get("met", item.get("passed", item.get("ok")))
            if isinstance(met, str):
                met = {"met": True, "pass": True, "failed": False, "fail": False}.get(met)
            name = item.get("condition") or item.get("name") or item.get("label") or ""
            art = item.get("article") or item.get("clause") or item.get("citation") or clause
            rows.append((str(name), met, str(art), str(item.get("detail") or item.get("reason") or "")))
    if rows:
        return rows
    detail = ("缺少：" + "；".join(result.missing)) if result.missing else "；".join(result.steps)
    return [(calc.title, result.eligible, clause, detail)]


def _run(calc: Calculator, values: dict, as_of) -> CalcResult | str:
    names = calc.inputs.model_fields
    raw = {k: v for k, v in values.items() if k in names and v is not None}
    try:
        return calc.run(raw, as_of)
    except InputError as e:
        return str(e).split(": ", 1)[-1]


def _restart() -> None:
    st.session_state.wiz_step = 0
    st.session_state.wiz_values = {}


def verdict(calcs: list[Calculator], values: dict, as_of, docs) -> None:
    st.subheader("自查结果")
    results = [(calc, _run(calc, values, as_of)) for calc in calcs]
    rows = [r for calc, res in results for r in conditions(calc, res)]
    failed = [r for r in rows if r[1] is False]
    unknown = [r for r in rows if r[1] is None]
    if failed:
        st.error(f"有 {len(failed)} 项条件不符合，见下表。")
    elif unknown:
        st.warning(f"已判断的条件都符合，还有 {len(unknown)} 项无法判断（信息不全），可返回上一步补充。")
    else:
        st.success("按您填写的信息，各项条件均符合。")
    cites = []
    for calc, res in results:
        ok = res.eligible if isinstance(res, CalcResult) else None
        st.markdown(f"**{escape_markdown(calc.title)}**：{VERDICT[ok]}")
        own = conditions(calc, res)
        st.table(
            {
                "条件": [r[0] for r in own],
                "结果": [VERDICT[r[1]] for r in own],
                "依据条款": [r[2] for r in own],
                "说明": [r[3] for r in own],
            }
        )
        if not isinstance(res, CalcResult):
            continue
        for w in res.warnings:
            st.warning(w, icon=":material/warning:")
        notes = {k: v for k, v in (res.extra or {}).items() if isinstance(v, str) and not k.isascii()}
        if notes:
            with st.expander("办理说明", icon=":material/info:"):
                for k, v in notes.items():
                    st.markdown(f"**{escape_markdown(k)}**：{escape_markdown(v)}")
        cites.extend(c for c in res.citations if c not in cites)
    if cites:
        st.caption("引用条文")
        render_citations(cites, docs)
    st.caption("自查结果仅供参考，以学校和区教委审核为准。")


def page() -> None:
    assistant = get_assistant()
    st.title("入学资格自查")
    st.caption(
        "2024年西城区义务教育入学（西教发〔2024〕7号、8号）：按步骤回答，最后列出每项条件是否满足及其条款。"
    )
    calcs = admission_calculators(assistant.calculators)
    if not calcs:
        st.info(
            "入学资格计算器尚未就绪。您可以在“公报问答”里直接提问（如“非本市户籍孩子上小学要哪些材料？”），"
            "或在“条文查询”中阅读 西教发〔2024〕7号、8号 原文。"
        )
        return
    fallback = known_option_labels(c.inputs for c in assistant.calculators.values())
    st.session_state.setdefault("wiz_step", 0)
    st.session_state.setdefault("wiz_values", {})
    values = st.session_state.wiz_values
    hidden = set() if values.get(HUKOU) in NONLOCAL_HUKOU else nonlocal_only_fields(calcs)
    calcs = relevant(calcs, values)
    steps = [("基本情况", first_step(calcs, fallback)), *wizard_steps(calcs, fallback, hidden)]
    step = min(st.session_state.wiz_step, len(steps))
    st.progress(
        step / len(steps),
        text=f"第 {min(step + 1, len(steps))}/{len(steps)} 步" if step < len(steps) else "完成",
    )
    if step == len(steps):
        verdict(calcs, values, assistant.today, assistant.docs)
        c1, c2 = st.columns(2)
        if c1.button("上一步", key="wiz_back_end"):
            st.session_state.wiz_step = step - 1
            st.rerun()
        c2.button("重新填写", on_click=_restart, key="wiz_restart")
        return
    title, fields = steps[step]
    with st.form(f"wiz_form_{step}"):
        st.markdown(f"**{escape_markdown(title)}**　不清楚的可以选“未知”或留空。")
        current = {
            s.name: render_field(s, key=f"wiz_{s.name}", value=values.get(s.name), mark_optional=False)
            for s in fields
        }
        c1, c2 = st.columns(2)
        back = c1.form_submit_button("上一步", disabled=step == 0)
        forward = c2.form_submit_button("查看结果" if step == len(steps) - 1 else "下一步", type="primary")
    if back or forward:
        values.update(current)
        st.session_state.wiz_step = step + (1 if forward else -1)
        st.rerun()
