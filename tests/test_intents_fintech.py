"""The 西科管发〔2024〕1号 fintech intents (assistant/intents/fintech.yaml): awards, follow-ups, neighbours.

Routing and slot cases: tests/data/routing/fintech.yaml (run by tests/test_intents.py)."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from assistant.intents import best_intent, load_intents
from assistant.slots import extract
from calculators.base import load_all

FINTECH = (
    "fintech_startup_installments",
    "fintech_rent_subsidy",
    "fintech_purchase_subsidy",
    "fintech_capital_increase_subsidy",
    "fintech_subsidiary_subsidy",
    "fintech_settlement_total_cap",
    "fintech_innovation_award",
    "fintech_xinchuang_joint_award",
    "fintech_city_fund_matching",
    "fintech_regulatory_transfer",
    "fintech_space_upgrade_subsidy",
    "fintech_space_upgrade_installments",
    "fintech_talent_award",
    "fintech_talent_quota",
    "fintech_international_award",
    "fintech_patent_matching",
)


@pytest.mark.parametrize(
    ("text", "award"),
    [
        ("我们今年新获得了金融科技发展奖一等奖，能奖励多少", "fintech_dev_first"),
        ("金融科技发展奖二等奖奖励多少", "fintech_dev_second"),
        ("获得金融科技发展奖三等奖能拿多少", "fintech_dev_third"),
        ("首都金融创新成果奖一等奖奖励多少", "capital_innovation_first"),
        ("首都金融创新成果奖二等奖奖励多少", "capital_innovation_second"),
        ("首都金融创新成果奖三等奖能奖多少", "capital_innovation_third"),
        ("被认定为国家级金融科技重点实验室能拿多少", "national_qualification"),
        ("市科委认定的市级金融科技重点实验室奖励多少", "municipal_qualification"),
        ("入选金融信创优秀解决方案能奖励多少", "xinchuang_solution"),
    ],
)
def test_each_award_has_its_own_intent(text, award):
    intent, _ = best_intent(text)
    assert intent is not None and intent.calculator == "fintech_innovation_award"
    assert intent.fixed == {"awards": [award]}


@pytest.mark.parametrize(
    "text",
    [
        "我们在西城租房住，孩子能上小学吗",
        "在西城租房，孩子上学要什么材料",
        "租房合同网签了，能入学吗",
        "买了西城的房子，孩子能上哪个小学",
        "博物馆拿到市级资助50万，区里配套多少",
        "商场节能改造后年节能500吨标煤",
        "光伏装机500千瓦能拿多少？",
        "超低能耗建筑市级奖励200万，区里配套多少",
        "新能源供热项目市级补助100万，区级配套多少",
        "老年餐集中配送单位第一年送了12万单",
    ],
)
def test_other_questions_are_not_fintech_calculations(text):
    intent, _ = best_intent(text)
    assert intent is None or intent.calculator not in FINTECH, intent.calculator


def test_follow_up_answers_fill_the_pending_slots():
    by_name = {}
    for i in load_intents():
        by_name.setdefault(i.calculator, i)
    capital = by_name["fintech_capital_increase_subsidy"]
    assert extract("那如果增资是12亿呢？", list(capital.slots)).values == {"cumulative_increase_yuan": 1.2e9}
    assert extract("区级综合贡献六百万", list(capital.slots)).values == {"district_contribution_yuan": 6e6}
    rent = by_name["fintech_rent_subsidy"]
    assert extract("房租一年150万", list(rent.slots)).values == {"annual_rent_yuan": 1.5e6}
    assert extract("那如果是一档呢？", list(rent.slots)).values == {"tier": 1}
    international = by_name["fintech_international_award"]
    assert extract("评为第一档，首次设立，没拿过开办费用补贴", list(international.slots)).values == {
        "tier": 1,
        "first_entity_in_xicheng": True,
        "received_startup_subsidy": False,
    }
    # The award intents' follow-ups go through the trigger-less first intent, which fixes no award.
    award = by_name["fintech_innovation_award"]
    assert award.triggers == () and award.fixed == {}
    assert extract("那如果是今年新获得的呢？", list(award.slots)).values == {
        "newly_obtained_in_policy_year": True
    }
    # The international follow-up mentions 开办费用补贴 but must not switch to the start-up calculator.
    intent, _ = best_intent("评为第一档，首次设立，没拿过开办费用补贴")
    assert intent is None or intent.calculator != "fintech_startup_installments"


def test_every_fintech_calculator_has_an_intent_whose_slots_are_its_inputs():
    calcs = load_all()
    intents = [i for i in load_intents() if i.calculator in FINTECH]
    assert {i.calculator for i in intents} == set(FINTECH)
    for intent in intents:
        fields = calcs[intent.calculator].inputs.model_fields
        for name, value in intent.fixed.items():
            TypeAdapter(fields[name].annotation).validate_python(value)
        for spec in intent.slots:
            assert spec.name.startswith("_guard_") or spec.name in fields, (intent.calculator, spec.name)
            if spec.patterns and spec.name in fields:
                for value, _ in spec.patterns:
                    # a multi slot's value is the list of the values stated
                    TypeAdapter(fields[spec.name].annotation).validate_python(
                        [value] if spec.multi else value
                    )
