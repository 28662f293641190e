"""西民发〔2024〕1号 in everyday words: counts of days and people, each person's own facts, rough spends,
category words, stated failing facts, several rules in one question, and casual routing.

Each test runs the question through the intents and the calculator (no index needed): best_intent → extract
→ calculator.run, with the date of the question. Phrasings are written here, not copied from the dev cases.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.intents import best_intent, load_intents
from assistant.numbers import days_of_month_every_day
from assistant.persons import PARTNER, SELF, clauses_of
from assistant.slots import extract
from calculators.base import load_all

CALCS = load_all()
DAY = date(2024, 7, 10)


def run(question: str, today: date = DAY):
    intent, _ = best_intent(question)
    assert intent is not None, question
    values = {**intent.fixed, **extract(question, list(intent.slots), today).values}
    return intent.calculator, values, CALCS[intent.calculator].run(values, today)


# --- counts: days of a month, several people, days that do not count -------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("5月份每天都去父母食堂吃午饭", date(2024, 7, 10), 31),
        ("二月份天天在助餐点吃", date(2024, 7, 10), 29),  # 2024 is a leap year
        ("上个月每天中午都去", date(2024, 3, 5), 29),
        ("上月每日都在那吃", date(2024, 1, 20), 31),  # December of the year before
        ("这个月到今天每天都去吃了", date(2024, 9, 18), 18),
        ("11月每天都去", date(2024, 7, 10), 30),  # a month after today's is last year's
        ("每天都去吃饭", date(2024, 7, 10), None),  # no month named
        ("5月份去了几次", date(2024, 7, 10), None),  # no 每天
    ],
)
def test_every_day_of_a_month_is_that_months_days(text, today, days):
    assert days_of_month_every_day(text, today) == days


def test_a_month_of_daily_meals_is_paid_for_each_day():
    calc, values, r = run(
        "我父亲是北京户口住西城的特困老人，没住养老院，8月份每天都在父母食堂吃晚饭，一顿十二块，补贴一共多少？",
        date(2024, 9, 3),
    )
    assert calc == "meal_dining_subsidy" and values["days"] == 31
    assert r.amount_yuan == 155


def test_an_explicit_day_count_wins_over_the_month():
    _, values, r = run("我妈是低保户的失智老人，北京户口住西城，6月份在助餐点吃了17天，每顿11块，补多少？")
    assert values["days"] == 17 and r.amount_yuan == 85


@pytest.mark.parametrize(
    "text",
    [
        "我们老两口都是计生特殊家庭，北京户口住西城，在家住，上个月俩人各在父母食堂吃了10天午饭，每顿15块，一共补多少？",
        "我们俩是失独老人，北京户口住在西城，两个人各在助餐点吃了10天，每餐十四元，一共能减多少？",
    ],
)
def test_two_people_in_the_same_situation_are_paid_each(text):
    _, _, r = run(text)
    assert r.amount_yuan == 100


def test_each_of_a_couple_is_judged_on_their_own_facts():
    text = (
        "我和老伴都是北京户口，住在西城。我今年69，身体挺好，家里不是低保。老伴残疾证二级，属于重度残疾。"
        "这个月我们俩各在父母食堂吃了12天，每顿15块，一共补多少？"
    )
    assert "残疾证二级" in clauses_of(text, PARTNER) and "残疾证二级" not in clauses_of(text, SELF)
    _, values, r = run(text)
    assert values["partner_severe_disability"] is True and values["self_severe_disability"] is False
    assert r.amount_yuan == 60  # only the partner: 12 × 5


def test_a_third_person_is_not_the_speaker():
    text = "我爸七十八了，失能在家，我五十岁"
    assert "失能" not in clauses_of(text, SELF)


def test_days_whose_meal_was_no_more_than_five_yuan_are_left_out():
    _, values, r = run(
        "我是北京户口住西城的特困老人，住在自己家，这个月在助餐点吃了20天，当中有5天只买了个2块钱的包子，其余每次13块，能补多少？"
    )
    assert values["low_spend_days"] == 5 and values["meal_spend_yuan"] == 13
    assert r.amount_yuan == 75


def test_a_meal_of_five_yuan_or_less_is_not_subsidised():
    _, _, r = run("我是特困老人，北京户口住西城，没住养老院，每天去父母食堂买5块钱的面条，能减多少？")
    assert r.amount_yuan == 0


@pytest.mark.parametrize("spend", ["十几块", "二十多块", "几十块", "30多块"])
def test_a_rough_spend_above_five_yuan_is_enough(spend):
    _, values, r = run(
        f"我妈是北京户口住西城的失能老人，在家住，上个月在父母食堂吃了9天，每顿都{spend}，能减多少？"
    )
    assert values["spend_over_standard"] is True and r.amount_yuan == 45


# --- facts that decide: one qualifying branch, one failing fact ---------------------------------------


@pytest.mark.parametrize(
    "group",
    [
        "特困老人",
        "低保家庭的高龄老人",
        "计生特殊家庭的老人",
        "失能老人",
        "老年痴呆",
        "认知障碍的老人",
        "一级肢体残疾",
    ],
)
def test_one_qualifying_group_needs_no_question_about_the_others(group):
    _, _, r = run(f"我奶奶是{group}，北京户口住西城，在家住，上个月在父母食堂吃了8天，每顿12元，补贴多少？")
    assert not r.missing and r.amount_yuan == 40


@pytest.mark.parametrize(
    "fact",
    [
        "住进了附近的一家敬老院",
        "是外地户口",
        "户口在河北",
        "常年住在朝阳我姐家",
        "今年才57岁",
    ],
)
def test_one_failing_fact_decides_not_eligible(fact):
    text = f"我爸是失能老人，北京户口住西城，{fact}，去父母食堂吃饭每顿15块，能减5块吗？"
    if "户口" in fact:
        text = f"我爸是失能老人，{fact}，住在西城，去父母食堂吃饭每顿15块，能减5块吗？"
    if "朝阳" in fact:
        text = f"我爸是失能老人，北京户口，{fact}，去父母食堂吃饭每顿15块，能减5块吗？"
    _, _, r = run(text)
    assert r.amount_yuan == 0 and r.eligible is False, (text, r.steps)


def test_an_ordinary_family_is_not_taken_for_tekun():
    _, _, r = run(
        "我妈八十五岁了，身体还可以，生活能自理，家里是普通家庭，北京户口住西城，她去父母食堂吃饭能补5块吗？"
    )
    assert r.eligible is False and r.amount_yuan == 0


def test_an_unstated_age_and_care_home_are_presumed_with_a_caveat():
    _, _, r = run("我爷爷是重度残疾，北京户口住西城，在父母食堂吃了6天，每顿14块，能补多少？")
    assert r.amount_yuan == 30
    assert any("尚需确认" in w for w in r.warnings)


def test_a_yes_no_question_is_answered_without_the_spend():
    _, _, r = run("我姥姥是低收入家庭的失智老人，北京户口住在西城，能享受父母食堂的就餐补贴吗？")
    assert r.eligible is True and not r.missing


@pytest.mark.parametrize(
    ("words", "age"), [("86了", 86), ("八十五岁", 85), ("今年71", 71), ("今年都七十三了", 73)]
)
def test_everyday_ages_are_read(words, age):
    dining = next(i for i in load_intents() if i.calculator == "meal_dining_subsidy")
    assert extract(f"我爸{words}，北京户口", list(dining.slots)).values.get("age") == age


def test_a_disability_grade_is_not_an_age():
    dining = next(i for i in load_intents() if i.calculator == "meal_dining_subsidy")
    values = extract("我爸残疾证二级，北京户口", list(dining.slots)).values
    assert "age" not in values and values["severe_disability"] is True


def test_a_beijing_collective_hukou_is_a_beijing_hukou():
    dining = next(i for i in load_intents() if i.calculator == "meal_dining_subsidy")
    assert extract("我妈是北京集体户口", list(dining.slots)).values["beijing_hukou"] is True


# --- units: operator types, order counts, several rules ----------------------------------------------


@pytest.mark.parametrize("unit", ["家常菜馆", "小饭庄", "面馆", "快餐店"])
def test_everyday_restaurants_get_no_construction_subsidy(unit):
    calc, values, r = run(f"我们{unit}加入了父母食堂，改造助餐窗口花了6万，建设补贴能给多少？")
    assert calc == "meal_construction_point" and values["point_type"] == "restaurant"
    assert r.amount_yuan == 0


def test_a_restaurant_is_told_no_operation_subsidy_without_an_order_count():
    _, _, r = run("我们饭馆也是父母食堂，每单3块的运营补贴我们有吗？")
    assert r.amount_yuan == 0 and r.eligible is False


def test_in_store_cash_orders_inside_a_total_are_taken_out():
    _, values, r = run(
        "我们养老驿站的助餐点上个月一共1200单，其中80单是老人到店付的现金，没走平台，另外有100单不到10块钱，运营补贴多少？"
    )
    assert values["off_platform_in_total"] is True and values["off_platform_orders"] == 80
    assert r.amount_yuan == (1200 - 80 - 100) * 3


def test_operation_and_reward_in_one_year_are_added():
    calc, _, r = run(
        "我们养老照料中心的助餐点这个年度在平台上做了1.6万单，都是10元以上的，运营补贴和奖励补贴加起来能拿多少？",
        date(2024, 9, 20),
    )
    assert calc == "meal_operation_and_reward"
    assert r.amount_yuan == 16000 * 3 + 10000


def test_a_canteen_gets_only_the_reward_of_the_two():
    calc, _, r = run(
        "我们单位食堂参与父母食堂，这一年平台上做了3.2万单，运营补贴加奖励补贴一共多少？", date(2024, 9, 20)
    )
    assert calc == "meal_operation_and_reward" and r.amount_yuan == 100000


def test_a_tier_already_paid_is_deducted_by_the_count_it_was_paid_at():
    calc, values, r = run(
        "我们是社会餐饮企业，今年做到3万单的时候领过一次奖励，现在累计5.1万单了，平台上10元以上，还能领多少？",
        date(2024, 7, 20),
    )
    assert calc == "meal_reward_subsidy" and values["paid_at_orders"] == 30000
    assert r.amount_yuan == 100000


def test_contracted_community_points_orders_are_added_to_the_operator():
    _, values, r = run(
        "我们养老驿站助餐点全年9000单，签约运营的社区助餐点有三个，一个3000单，一个2500单，一个1000单，年度奖励补贴多少？",
        date(2024, 9, 20),
    )
    assert values["point_type"] == "elderly_care_institution" and values["community_point_orders"] == 6500
    assert r.amount_yuan == 10000  # 15,500 orders: the 1万 tier


def test_a_same_site_renovation_dated_relative_to_today_is_paid_the_difference():
    calc, values, r = run(
        "我们社区养老助餐点去年5月建成投用，当时拿了1万建设补贴，今年原址重新改造，花了2.6万，能补多少？",
        date(2024, 8, 1),
    )
    assert calc == "meal_construction_renovation" and values["in_use_since"] == "2023-05-01"
    assert r.amount_yuan == 10000


def test_a_renovation_years_back_is_paid_the_full_standard():
    _, _, r = run(
        "我们养老服务机构的助餐点五年前建成投用，当时拿过5万建设补贴，这次同址改造花了4万，能补多少？",
        date(2024, 8, 1),
    )
    assert r.amount_yuan == 40000


# --- routing: casual questions about meals reach the dining calculator ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我妈天天去父母食堂吃午饭，能给补多少",
        "老爷子在助餐点吃了一个月晚饭，那个补贴有多少",
        "在社区食堂吃一顿能减5块吗",
        "从父母食堂订餐送到家，老人能减多少",
    ],
)
def test_casual_meal_questions_reach_the_dining_calculator(text):
    intent, _ = best_intent(text)
    assert intent is not None and intent.calculator == "meal_dining_subsidy", text


@pytest.mark.parametrize(
    "text",
    [
        "我们饭店加入父母食堂，改造花了5万，建设补贴多少",
        "助餐点每单3元运营补贴怎么算",
        "父母食堂今年要建多少家",
    ],
)
def test_business_questions_do_not_reach_the_dining_calculator(text):
    intent, _ = best_intent(text)
    assert intent is None or intent.calculator != "meal_dining_subsidy", text


def test_a_childs_parents_are_judged_each_on_their_own_facts():
    text = (
        "我爸和我妈都是北京户口住西城，都在家住。我爸去年中风失能了，我妈今年76，身体挺好，家里不是低保。"
        "上个月他们俩各在父母食堂吃了20天午饭，每顿15块，一共补多少？"
    )
    _, values, r = run(text)
    assert values["dad_disabled"] is True and values["mom_disabled"] is False
    assert r.amount_yuan == 100  # the father only: 20 × 5


def test_both_parents_qualifying_are_both_paid():
    text = "我爸八十了，失智；我妈七十九，一级残疾。二老都是北京户口，住西城，在家住，上个月各在助餐点吃了10天，每顿12块，补贴一共多少？"
    _, _, r = run(text)
    assert r.amount_yuan == 100


@pytest.mark.parametrize(
    ("words", "slot", "value"),
    [
        ("五保老人", "te_kun", True),
        ("三无老人", "te_kun", True),
        ("低保边缘户", "family_type", "low_income"),
        ("低收入户", "family_type", "low_income"),
        ("低保户", "family_type", "dibao"),
        ("独生子女前几年没了", "family_type", "family_planning_special"),
        ("家里不是低保也不是低收入", "family_type", "other"),
        ("老年痴呆", "dementia", True),
        ("常年卧床", "disabled", True),
        ("一级视力残疾", "severe_disability", True),
    ],
)
def test_everyday_family_and_health_words(words, slot, value):
    dining = next(i for i in load_intents() if i.calculator == "meal_dining_subsidy")
    assert extract(f"我妈{words}，北京户口住西城", list(dining.slots)).values.get(slot) == value


def test_one_persons_own_fact_is_not_taken_for_both():
    """ "我失能了" says nothing about the partner: ask about them rather than pay for two."""
    _, _, r = run(
        "我和老伴都是北京户口住西城，家里是低收入家庭，都没住养老院。我失能了。上个月我俩各在父母食堂吃了10天，每顿13块，一共补多少？"
    )
    assert r.amount_yuan is None and any("老伴" in m for m in r.missing)


def test_a_fact_stated_for_both_counts_for_both():
    _, _, r = run(
        "我们老两口都是失能老人，北京户口住西城，在家住，上个月俩人各在父母食堂吃了10天，每顿13块，一共补多少？"
    )
    assert r.amount_yuan == 100


@pytest.mark.parametrize("other", ["她儿子住在朝阳", "女儿家在外地", "子女住在海淀"])
def test_where_a_child_lives_is_not_where_the_elder_lives(other):
    dining = next(i for i in load_intents() if i.calculator == "meal_dining_subsidy")
    values = extract(f"我妈北京户口住西城，{other}", list(dining.slots)).values
    assert values["lives_in_xicheng"] is True


@pytest.mark.parametrize("where", ["户口都是山东的", "户籍也是河北的", "我俩户口一直在河南"])
def test_a_hukou_outside_beijing_said_with_an_adverb_is_not_eligible(where):
    _, values, r = run(f"老伴83岁了，卧床不能自理，{where}，在西城跟闺女住。父母食堂吃饭有补贴吗？")
    assert values["beijing_hukou"] is False
    assert (r.amount_yuan, r.eligible) == (0, False)


@pytest.mark.parametrize("body", ["身子骨挺硬朗", "身子还好", "身板一直不错"])
def test_a_sound_body_in_everyday_words_rules_out_every_care_need(body):
    """An ordinary family's elder (no 低保/低收入) in good health is no 基本养老服务对象: no subsidy, no question."""
    _, values, r = run(
        f"我86岁，北京户口住西城，{body}，吃穿都能自理，家里不是低保也不是低收入。在助餐点吃饭有补贴吗？"
    )
    assert (values["disabled"], values["dementia"], values["severe_disability"]) == (False, False, False)
    assert (r.amount_yuan, r.eligible) == (0, False)
