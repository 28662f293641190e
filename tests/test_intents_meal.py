"""The 西民发〔2024〕1号 elderly-meal intents (assistant/intents/meal.yaml): neighbours, follow-ups, slot specs.

Routing and slot cases: tests/data/routing/meal.yaml (run by tests/test_intents.py)."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from assistant.intents import best_intent, load_intents
from assistant.slots import extract
from calculators.base import load_all

MEAL = (
    "meal_construction_central_kitchen",
    "meal_construction_point",
    "meal_construction_renovation",
    "meal_basic_service_recipient",
    "meal_dining_subsidy",
    "meal_operation_subsidy",
    "meal_reward_subsidy",
)


@pytest.mark.parametrize(
    "text",
    [
        "父母食堂有哪些",
        "今年要建多少家父母食堂",
        "完善养老服务体系的实施方案里养老助餐工程怎么说",
        "养老服务体系实施方案中的养老助餐工程是什么内容",
        "基本养老服务对象包括哪些人",
        "什么是基本养老服务对象",
        "养老助餐细则第二十二条",
        "光伏装机500千瓦能拿多少？",
    ],
)
def test_other_questions_are_not_meal_calculations(text):
    intent, _ = best_intent(text)
    assert intent is None or intent.calculator not in MEAL


def test_follow_up_answers_fill_the_pending_slots():
    kitchen = next(i for i in load_intents() if i.calculator == "meal_construction_central_kitchen")
    assert extract("第一年做了16万单", list(kitchen.slots)).values == {"first_year_orders": 160000}
    reward = next(i for i in load_intents() if i.calculator == "meal_reward_subsidy")
    # "一共" is not 1 yuan already received.
    assert extract("今年一共做了三万五千单", list(reward.slots)).values == {"annual_orders": 35000}
    assert extract("那如果是五万单呢？", list(reward.slots)).values == {"annual_orders": 50000}
    operation = next(i for i in load_intents() if i.calculator == "meal_operation_subsidy")
    assert extract("那如果是四千单呢？", list(operation.slots)).values == {"platform_orders": 4000}
    assert extract(
        "养老驿站的助餐点本月平台完成了500单，另外线下完成了50单没走平台", list(operation.slots)
    ).values == {
        "point_type": "elderly_care_institution",
        "platform_orders": 500,
        "off_platform_orders": 50,
    }
    dining = next(i for i in load_intents() if i.calculator == "meal_dining_subsidy")
    assert extract("那如果每餐只花4块呢", list(dining.slots)).values == {"meal_spend_yuan": 4}


def test_every_meal_calculator_has_an_intent_whose_slots_are_its_inputs():
    calcs = load_all()
    intents = {i.calculator: i for i in load_intents() if i.calculator in MEAL}
    assert set(intents) == set(MEAL)
    for name, intent in intents.items():
        fields = calcs[name].inputs.model_fields
        for spec in intent.slots:
            # _guard_* slots are never filled (see the comment at the top of meal.yaml).
            assert spec.name.startswith("_guard_") or spec.name in fields, (name, spec.name)
            if spec.patterns and spec.name in fields:
                for value, _ in spec.patterns:  # every pattern value is a valid input value
                    TypeAdapter(fields[spec.name].annotation).validate_python(value)


@pytest.mark.parametrize("venue", ["养老驿站", "社区老年餐桌", "社区食堂", "长者食堂", "老年餐厅"])
def test_everyday_names_of_a_meal_point_route_an_elders_meal_question(venue):
    from assistant.intents import best_intent, load_intents

    q = f"我爸87岁，北京户口，住西城，低保家庭，上个月在{venue}吃了25天午饭，每顿12元，能补多少？"
    intent, _ = best_intent(q, load_intents())
    assert intent is not None and intent.calculator == "meal_dining_subsidy"
    assert extract(q, list(intent.slots)).values.get("uses_meal_point") is True
