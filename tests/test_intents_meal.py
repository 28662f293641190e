"""Routing and slot extraction for the 西民发〔2024〕1号 elderly-meal intents (assistant/intents/meal.yaml)."""

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

CASES = [
    # --- 第二十条（二）老年餐集中配送单位建设补贴 ---
    (
        "我们是老年餐集中配送单位，运营第一年送了12万单，建设补贴能拿多少？",
        "meal_construction_central_kitchen",
        {"first_year_orders": 120000},
    ),
    (
        "集中配送单位第一年累计达到二十万单，之前已经领了30万元，这次还能补多少？",
        "meal_construction_central_kitchen",
        {"first_year_orders": 200000, "already_received_yuan": 300000},
    ),
    (
        "老年餐配送单位头一年配送了55,000单，有多少建设补贴",
        "meal_construction_central_kitchen",
        {"first_year_orders": 55000},
    ),
    (
        "中央厨房给助餐点配餐，第一年做了十六万单，建设补贴有多少",
        "meal_construction_central_kitchen",
        {"first_year_orders": 160000},
    ),
    # --- 第二十条（三）（四）（六）养老助餐点建设补贴 ---
    (
        "养老服务机构设立的助餐点，适老化改造和设备投入了3.5万元，建设补贴能拿多少？",
        "meal_construction_point",
        {"point_type": "elderly_care_institution", "investment_yuan": 35000},
    ),
    (
        "社区养老助餐点装修和买设备花了三万元，能补多少建设补贴",
        "meal_construction_point",
        {"point_type": "community_point", "investment_yuan": 30000},
    ),
    (
        "老年配餐中心设立助餐点，买设备花了12000元，建设补贴多少",
        "meal_construction_point",
        {"point_type": "meal_center", "investment_yuan": 12000},
    ),
    (
        "我们饭店加入了父母食堂，改造花了8万元，有建设补贴吗？",
        "meal_construction_point",
        {"point_type": "restaurant", "investment_yuan": 80000},
    ),
    # The "一" of 一家 is not an investment of 1 yuan.
    ("一家社区助餐点能补多少建设补贴", "meal_construction_point", {"point_type": "community_point"}),
    # --- 第二十条（五）同址改造 ---
    (
        "养老服务机构的助餐点同址改造，当初拿过3万元建设补贴，才用了两年，这次改造投入6万元，能补多少？",
        "meal_construction_renovation",
        {
            "point_type": "elderly_care_institution",
            "previous_subsidy_yuan": 30000,
            "years_in_use": 2,
            "investment_yuan": 60000,
        },
    ),
    (
        "社区养老助餐点原址改造，已经使用了四年，当初拿了2万元，这次改造花了1.8万元，能补多少",
        "meal_construction_renovation",
        {
            "point_type": "community_point",
            "years_in_use": 4,
            "previous_subsidy_yuan": 20000,
            "investment_yuan": 18000,
        },
    ),
    (
        "老年配餐中心的助餐点同址改造，用了1.5年，原来享受过4万元补贴，这次投资五万元",
        "meal_construction_renovation",
        {
            "point_type": "meal_center",
            "years_in_use": 1.5,
            "previous_subsidy_yuan": 40000,
            "investment_yuan": 50000,
        },
    ),
    # --- 第三条 基本养老服务对象 ---
    (
        "我妈78岁，北京户口住在西城，失能在家，算不算基本养老服务对象？",
        "meal_basic_service_recipient",
        {"age": 78, "beijing_hukou": True, "lives_in_xicheng": True, "disabled": True},
    ),
    (
        "外地户口的老人住在西城，今年70岁，符合助餐资格吗",
        "meal_basic_service_recipient",
        {"age": 70, "beijing_hukou": False, "lives_in_xicheng": True},
    ),
    (
        "北京户口、住在西城的75岁普通老人，身体挺好，有助餐资格吗",
        "meal_basic_service_recipient",
        {
            "age": 75,
            "beijing_hukou": True,
            "lives_in_xicheng": True,
            "te_kun": False,
            "family_type": "other",
            "disabled": False,
            "dementia": False,
            "severe_disability": False,
        },
    ),
    (
        "我父亲是西城户口，住在西城，六十六岁，我们是失独家庭，有没有父母食堂的助餐资格",
        "meal_basic_service_recipient",
        {
            "age": 66,
            "beijing_hukou": True,
            "lives_in_xicheng": True,
            "family_type": "family_planning_special",
        },
    ),
    (
        "北京户口、住在西城，一级残疾，68岁，算不算基本养老服务对象",
        "meal_basic_service_recipient",
        {"age": 68, "beijing_hukou": True, "lives_in_xicheng": True, "severe_disability": True},
    ),
    (
        "住在海淀的北京户口低保老人，生活不能自理，算基本养老服务对象吗",
        "meal_basic_service_recipient",
        {"beijing_hukou": True, "lives_in_xicheng": False, "family_type": "dibao", "disabled": True},
    ),
    # --- 第二十一条 就餐补贴 ---
    (
        "北京户口住西城的低保老人，86岁高龄，住在自己家，在父母食堂吃饭一餐12元，每天能补多少",
        "meal_dining_subsidy",
        {
            "age": 86,
            "beijing_hukou": True,
            "lives_in_xicheng": True,
            "family_type": "dibao",
            "advanced_age": True,
            "lives_in_care_home": False,
            "meal_spend_yuan": 12,
        },
    ),
    (
        "已经认定为基本养老服务对象的老人，没住养老院，在助餐点每餐花十五块，吃了20天，一共补多少",
        "meal_dining_subsidy",
        {"confirmed_basic_recipient": True, "lives_in_care_home": False, "meal_spend_yuan": 15, "days": 20},
    ),
    (
        "我爸住在养老院，是北京户口的失能老人，家在西城，去父母食堂吃饭一餐20元能补吗",
        "meal_dining_subsidy",
        {
            "beijing_hukou": True,
            "lives_in_xicheng": True,
            "disabled": True,
            "lives_in_care_home": True,
            "meal_spend_yuan": 20,
        },
    ),
    (
        "北京户口住在西城的特困老人，72岁，住家里，在父母食堂吃了一份5元的午餐，能补贴吗",
        "meal_dining_subsidy",
        {
            "age": 72,
            "beijing_hukou": True,
            "lives_in_xicheng": True,
            "te_kun": True,
            "lives_in_care_home": False,
            "meal_spend_yuan": 5,
        },
    ),
    # The "一" of 一餐 is neither an age of 1 nor a meal of 1 yuan.
    (
        "北京户口住西城的失能老人，住在自己家，在父母食堂吃一餐能补多少",
        "meal_dining_subsidy",
        {"beijing_hukou": True, "lives_in_xicheng": True, "disabled": True, "lives_in_care_home": False},
    ),
    # --- 第二十二条 运营补贴 ---
    (
        "我们配餐中心的助餐点这个月平台完成了1000单，其中不满10元的有100单，运营补贴多少",
        "meal_operation_subsidy",
        {"point_type": "meal_center", "platform_orders": 1000, "orders_under_min": 100},
    ),
    (
        "养老照料中心的助餐点上个月通过平台完成了2,400单，一共能拿多少运营补贴？",
        "meal_operation_subsidy",
        {"point_type": "elderly_care_institution", "platform_orders": 2400},
    ),
    (
        "社区养老助餐点由养老驿站运营，本月通过平台完成两千单，一共多少运营补贴",
        "meal_operation_subsidy",
        {
            "point_type": "community_point",
            "operator_type": "elderly_care_institution",
            "platform_orders": 2000,
        },
    ),
    (
        "我们餐厅也是父母食堂，这个月平台订单0.08万单，运营补贴有多少",
        "meal_operation_subsidy",
        {"point_type": "restaurant", "platform_orders": 800},
    ),
    # --- 第二十三条 奖励补贴 ---
    (
        "我们餐馆参加父母食堂，一年做了3万单，能拿多少奖励",
        "meal_reward_subsidy",
        {"point_type": "restaurant", "annual_orders": 30000},
    ),
    (
        "机关食堂的养老助餐专窗今年累计5.2万单，之前已经领了10万元奖励，还能补多少",
        "meal_reward_subsidy",
        {"point_type": "canteen", "annual_orders": 52000, "already_received_yuan": 100000},
    ),
    (
        "养老机构助餐点全年1.5万单，签约社区助餐点5000单，奖励多少",
        "meal_reward_subsidy",
        {"point_type": "elderly_care_institution", "annual_orders": 15000, "community_point_orders": 5000},
    ),
    (
        "养老服务机构的助餐点今年累计一万二千单，奖励补贴有多少",
        "meal_reward_subsidy",
        {"point_type": "elderly_care_institution", "annual_orders": 12000},
    ),
]


@pytest.mark.parametrize(("text", "calculator", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_routing_and_slots(text, calculator, expected):
    intent, score = best_intent(text)
    assert intent is not None and intent.calculator == calculator, (intent and intent.calculator, score)
    assert extract(text, list(intent.slots)).values == expected


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
