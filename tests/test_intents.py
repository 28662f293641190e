"""Intent data is consistent with the calculators, and everyday phrasings route and fill as expected."""

from __future__ import annotations

import typing

import pytest

from assistant.intents import best_intent, load_intents
from assistant.slots import extract
from calculators.base import load_all


def test_every_intent_names_a_real_calculator_and_inputs():
    calcs = load_all()
    for intent in load_intents():
        assert intent.calculator in calcs, intent.calculator
        fields = calcs[intent.calculator].inputs.model_fields
        for spec in intent.slots:
            if spec.name.startswith("_guard"):
                continue
            assert spec.name in fields, f"{intent.calculator}.{spec.name}"
            args = typing.get_args(fields[spec.name].annotation)
            literal = next(
                (a for a in (fields[spec.name].annotation, *args) if typing.get_origin(a) is typing.Literal),
                None,
            )
            if literal is not None:
                for value, _ in spec.patterns:
                    assert value in typing.get_args(literal), f"{intent.calculator}.{spec.name}={value}"
        for name in intent.fixed:
            assert name in fields


def test_most_calculators_are_reachable_by_words():
    reachable = {i.calculator for i in load_intents()}
    assert len(reachable) >= 45


@pytest.mark.parametrize(
    ("question", "calculator", "values"),
    [
        ("光伏装机500千瓦能拿多少？", "green_pv_reward", {"capacity_kw": 500}),
        ("我们今年买了300万度绿电，能拿多少奖励", "green_power_reward", {"traded_kwh": 3_000_000}),
        ("工厂节能技改后每年省200吨标煤", "green_industrial_retrofit", {"annual_saving_tce": 200}),
        ("电动叉车电池容量40千瓦时，售价20万元，奖励多少", "green_forklift_reward",
         {"battery_kwh": 40, "purchase_price_yuan": 200000}),
        ("我们公司今年增资2亿元，区级综合贡献600万", "fintech_capital_increase_subsidy",
         {"cumulative_increase_yuan": 2e8, "district_contribution_yuan": 6e6}),
        ("公司高管年度应税收入80万元，人才奖励能拿多少", "fintech_talent_award",
         {"role": "executive", "taxable_income_yuan": 800000}),
        ("我们是民办博物馆，去年运行评估优秀", "museum_operation_support",
         {"museum_type": "非国有博物馆", "evaluation_grade": "优秀"}),
        ("资产账面价值2500万元，要核准还是备案", "asset_approval_or_filing", {"book_value_yuan": 25_000_000}),
        ("孩子2018年5月3日出生，西城区户口，能上小学吗", "admission_primary_eligibility",
         {"birth_date": "2018-05-03", "hukou_type": "xicheng_personal"}),
    ],
)  # fmt: skip
def test_routing_and_slots(question, calculator, values):
    intent, _ = best_intent(question)
    assert intent is not None and intent.calculator == calculator
    got = extract(question, list(intent.slots)).values
    for k, v in values.items():
        assert got.get(k) == v, (k, got)


@pytest.mark.parametrize(
    "question",
    [
        "今年全区叉车电动化数量目标是多少辆",
        "孩子上学要交哪些材料",
        "西城区有哪些博物馆",
        "文物普查什么时候开始",
    ],
)
def test_questions_about_rules_are_not_routed_to_a_calculator_by_mistake(question):
    intent, _ = best_intent(question)
    assert intent is None or intent.calculator not in ("green_forklift_reward", "museum_operation_support")
