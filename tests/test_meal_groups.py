"""西民发〔2024〕1号 in everyday words, second round: Xicheng's streets, districts' hukou, everyday health words,
spends said as comparisons or as "4块5", a month's every day, items in groups each with its own value, payments
added up, counts said roughly, every order off the platform, and construction with reward asked together.

Each test runs the question through the intents and the calculator (no index needed), with the date of the
question. Phrasings are written here, not copied from the dev cases.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.intents import best_intent
from assistant.numbers import days_of_month_every_day, find_quantities
from assistant.slots import extract
from calculators.base import load_all

CALCS = load_all()
DAY = date(2024, 10, 9)


def run(question: str, today: date = DAY):
    intent, _ = best_intent(question)
    assert intent is not None, question
    values = {**intent.fixed, **extract(question, list(intent.slots), today).values}
    return intent.calculator, values, CALCS[intent.calculator].run(values, today)


def read(question: str, today: date = DAY) -> dict:
    return run(question, today)[1]


# --- places and hukou ----------------------------------------------------------------------------------


@pytest.mark.parametrize("street", ["住在月坛那边", "家在什刹海", "一直住牛街", "住在陶然亭附近", "住白纸坊"])
def test_a_street_of_xicheng_is_a_home_in_xicheng(street):
    values = read(f"我奶奶是特困老人，北京户口，{street}，在父母食堂吃饭，每顿12块，9月吃了10天，补多少？")
    assert values["lives_in_xicheng"] is True


@pytest.mark.parametrize("hukou", ["户口在朝阳", "丰台区户口", "户口一直是昌平的户口"])
def test_another_beijing_districts_hukou_is_a_beijing_hukou(hukou):
    values = read(f"老伴失能了，{hukou}，住在西城，在助餐点吃饭每顿15元，吃了8天，就餐补贴多少？")
    assert values["beijing_hukou"] is True


def test_another_provinces_hukou_is_still_not_beijing():
    values = read("我妈是山东户口，住在西城，失智了，在父母食堂吃饭每顿10块，吃了5天，能补多少？")
    assert values["beijing_hukou"] is False


def test_a_xicheng_hukou_with_no_word_on_the_home_is_presumed_to_live_there_with_a_caveat():
    _, values, r = run(
        "我姥爷是西城户口，特困人员，没住养老院，10月在父母食堂吃了12天午饭，每顿十三块，补多少？"
    )
    assert values["xicheng_hukou"] is True and "lives_in_xicheng" not in values
    assert r.amount_yuan == 60 and any("未说明经常居住地" in w for w in r.warnings)


# --- health, family and spend in everyday words ---------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "slot"),
    [
        ("腿脚挺利索，能走能动", "disabled"),
        ("平时行动自如", "disabled"),
        ("脑子还挺好使", "dementia"),
        ("头脑清醒，一点不糊涂", "dementia"),
    ],
)
def test_everyday_words_that_rule_out_a_condition(words, slot):
    values = read(f"我爸80岁，北京户口住西城，普通家庭，{words}，在助餐点吃饭每顿15块，吃了10天，能补多少？")
    assert values[slot] is False


def test_an_ordinary_familys_able_elder_is_told_no_without_questions():
    _, _, r = run(
        "我爸85岁，北京户口住西城，普通家庭，能走能吃，脑子清楚，没有残疾，在父母食堂吃了20天，每顿14块，补多少？"
    )
    assert r.amount_yuan == 0 and r.eligible is False and not r.missing


def test_a_low_income_elder_is_not_asked_about_tekun():
    _, _, r = run(
        "我妈72岁，北京户口住西城，家里低收入，身体挺好，能自理，没有残疾，在父母食堂吃了10天，每顿12块，补多少？"
    )
    assert not any("特困" in m for m in r.missing)


@pytest.mark.parametrize("spend", ["每顿都超过8块", "每餐都在12元以上", "一顿饭高于六块钱"])
def test_a_spend_said_as_a_comparison_exceeds_the_standard(spend):
    values = read(f"我是失独老人，北京户口住西城，9月在父母食堂吃了15天，{spend}，补多少？")
    assert values["spend_over_standard"] is True


@pytest.mark.parametrize(
    ("text", "value"), [("4块5", 4.5), ("两块五", 2.5), ("三块八毛", 3.8), ("十二块", 12)]
)
def test_spoken_money_with_a_tenth(text, value):
    assert find_quantities(f"买了{text}的东西")[0].value == value


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("上个月他一天都没落下，每天都去吃", date(2024, 7, 3), 30),
        ("9月份一天也没缺，天天在那吃", date(2024, 10, 9), 30),
        ("上个月，每天中午都去", date(2024, 3, 5), 29),
    ],
)
def test_every_day_of_a_month_named_earlier_in_the_sentence(text, today, days):
    assert days_of_month_every_day(text, today) == days


# --- items in groups, each with its own value -----------------------------------------------------------


def test_days_in_groups_pay_only_the_days_above_the_standard():
    calc, values, r = run(
        "我爸是低保户，失能，北京户口住西城，9月在父母食堂吃了22天，其中18天每顿13块，剩下4天只喝了碗3块的粥，补多少？"
    )
    assert calc == "meal_dining_subsidy" and values["day_spends"] == [[18, 13], [4, 3]]
    assert r.amount_yuan == 90


def test_orders_in_groups_leave_out_only_those_under_ten_yuan():
    calc, values, r = run(
        "我们是养老照料中心的助餐点，9月平台订单一共1200单，其中200单正好10元，150单是7块钱的，运营补贴多少？"
    )
    assert calc == "meal_operation_subsidy" and values["order_spends"] == [[200, 10], [150, 7]]
    assert r.amount_yuan == (1200 - 150) * 3


def test_a_bound_is_not_an_items_own_value():
    values = read("我们是养老机构的助餐点，9月平台完成了1500单，其中80单不满10元，运营补贴多少？")
    assert "order_spends" not in values and values["orders_under_min"] == 80


# --- payments, milestones and contracted points ------------------------------------------------------------


def test_tier_payments_received_are_added_and_the_years_count_is_not_a_milestone():
    _, values, r = run(
        "我们单位食堂做养老助餐，本年度到1万单的时候拿了3万奖励，到3万单的时候又补了7万，现在累计3.6万单，还能拿多少？",
        date(2025, 6, 1),
    )
    assert values["already_received_yuan"] == 100000 and values["annual_orders"] == 36000
    assert r.amount_yuan == 0


def test_a_cue_in_another_sentence_does_not_claim_this_sentences_count():
    _, values, r = run(
        "我们是养老服务机构，签约经营了一个社区养老助餐点。本年度我们自己的点做了1.2万单，社区那个点做了9000单，奖励补贴多少？",
        date(2025, 3, 1),
    )
    assert values["annual_orders"] == 12000 and values["community_point_orders"] == 9000
    assert r.amount_yuan == 20000


# --- rough counts ------------------------------------------------------------------------------------------


def test_a_rough_count_decides_a_tier_it_cannot_cross():
    _, values, r = run("我们是社会餐饮企业做养老助餐，本年度平台上3万多单，奖励补贴多少？", date(2025, 3, 1))
    assert values["orders_approx"] is True and r.amount_yuan == 100000


def test_a_rough_count_across_a_tier_asks_for_the_exact_count():
    _, _, r = run("我们是老年餐集中配送单位，第一年送了10万多单，建设补贴多少？")
    assert r.amount_yuan is None and r.missing


def test_a_rough_count_of_orders_paid_per_order_is_asked_not_guessed():
    _, values, r = run("我们养老驿站的助餐点9月份平台上2000多单，运营补贴多少？")
    assert "platform_orders" not in values and r.amount_yuan is None


# --- off the platform, restaurants, several rules ------------------------------------------------------------


def test_every_order_off_the_platform_gets_nothing():
    _, values, r = run(
        "我们养老驿站的助餐点9月份600单，全都是现金收的，一单也没走养老助餐服务管理平台，运营补贴多少？"
    )
    assert values["all_off_platform"] is True and r.amount_yuan == 0 and r.eligible is False


def test_some_orders_off_the_platform_are_not_all():
    values = read("我们养老驿站的助餐点9月份平台上600单，另外有50单没走平台，运营补贴多少？")
    assert "all_off_platform" not in values


@pytest.mark.parametrize("shop", ["包子铺", "馄饨馆", "粥铺", "烤鸭店"])
def test_everyday_food_shops_are_restaurants(shop):
    _, values, r = run(f"我在西城开了家{shop}，接了养老助餐，9月平台上800单，每单都十几块，运营补贴多少？")
    assert values["point_type"] == "restaurant" and r.amount_yuan == 0


def test_construction_and_reward_asked_together_are_each_computed_and_added():
    calc, _, r = run(
        "我们是老年配餐中心设的助餐点，改造加设备花了4万元，本年度平台上做了2.5万单，建设补贴加奖励补贴一共多少？",
        date(2025, 3, 1),
    )
    assert calc == "meal_construction_and_reward" and r.amount_yuan == 40000 + 20000
