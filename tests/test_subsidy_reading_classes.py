"""Issue 10, subsidy and reward calculators: classes of reading, each with phrasings written here.

Double negatives (不是没参加), a topic denied as a whole in the next clause (…，一个都没用上), a grade named in a
later clause than its award, a year told in parts (上半年…下半年…), purchases over several calendar years under a
yearly cap, orders "另外" to a total, a fact that matters only on one branch (补差), and everyday words for who
the other party of an asset transfer is.
"""

from datetime import date

import pytest

from assistant.intents import best_intent, load_intents
from assistant.negation import negated
from assistant.slots import SlotSpec, extract
from calculators.base import load_all
from core.normalize import normalize

USES = SlotSpec.from_dict("uses", {"patterns": {True: ["节能产品"]}})


def _run(name: str, text: str, day: date):
    intent = next(i for i in load_intents() if i.calculator == name)
    values = extract(text, list(intent.slots), day).values
    return values, load_all()[name].run(values, day)


# ---------------------------------------------------------------- negation: double, and a topic denied as a whole


@pytest.mark.parametrize(
    "text",
    [
        "这次改造也不是没用节能产品",
        "并非没有采用节能产品",
        "我们不是没买节能产品，买了",
    ],
)
def test_a_double_negative_states_the_fact(text):
    assert extract(text, [USES]).values == {"uses": True}


def test_a_negative_mention_after_a_negator_is_denied():
    flat = normalize("评估我们不是没参加")
    assert negated(flat, flat.index("没参加"))
    assert not negated(normalize("评估我们没参加"), normalize("评估我们没参加").index("没参加"))


@pytest.mark.parametrize(
    "text",
    [
        "清单上那些节能产品、节能设备，我们这回一样都没用上",
        "节能产品，项目里都没有",
        "区里推荐的节能产品，我们一个也没采用",
        "节能产品我们这次没用上",
        "一等品的节能产品也不是",
    ],
)
def test_a_topic_denied_as_a_whole_later_is_a_no(text):
    assert extract(text, [USES]).values == {"uses": False}


@pytest.mark.parametrize(
    "text",
    [
        "我们用了节能产品，处罚也没有",  # the denial is about something else, stated as its own subject
        "节能产品我们用了，别的补贴都没拿",
        "采用了节能产品，其他的也没有",
    ],
)
def test_a_later_denial_of_something_else_does_not_deny_the_topic(text):
    assert extract(text, [USES]).values == {"uses": True}


# ---------------------------------------------------------------- 西文旅发〔2024〕3号


@pytest.mark.parametrize(
    ("text", "grade", "amount"),
    [
        (
            "西城民办博物馆，全国名录里有，上年度运行评估也不是没参加，评的不是优秀，是合格，运行扶持多少",
            "合格",
            50000,
        ),
        ("西城的民办馆，去年市里运行评估并非没有参加，结果优秀，运行扶持有多少", "优秀", 100000),
    ],
)
def test_a_double_negative_grade_question_reads_the_grade(text, grade, amount):
    values, result = _run("museum_operation_support", text, date(2024, 9, 1))
    assert values["evaluation_grade"] == grade
    assert result.amount_yuan == amount


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("民办博物馆去年上半年开放了110天，下半年开放了118天，运行评估优秀，运行扶持能拿吗", 228),
        ("我们民办馆去年前半年开馆90天，后半年修缮只开馆100天，运行评估合格，运行扶持有吗", 190),
    ],
)
def test_a_year_told_in_halves_short_of_the_minimum_bars_operation_support(text, days):
    values, result = _run("museum_operation_support", text, date(2024, 9, 1))
    assert values["opening_days_last_year"] == days
    assert (result.amount_yuan, result.eligible) == (0, False)


def test_a_year_in_halves_that_reaches_the_minimum_does_not_bar():
    values, result = _run(
        "museum_operation_support",
        "民办博物馆去年上半年开放了130天，下半年开放了125天，运行评估优秀，运行扶持多少",
        date(2024, 9, 1),
    )
    assert values["opening_days_last_year"] == 255
    assert result.amount_yuan == 100000


def test_a_short_year_hit_by_a_natural_disaster_is_not_barred_here():
    _, result = _run(
        "museum_operation_support",
        "民办博物馆去年因为暴雨洪水只开放了200天，运行评估优秀，运行扶持多少",
        date(2024, 9, 1),
    )
    assert result.amount_yuan == 100000


@pytest.mark.parametrize(
    "text",
    [
        "民办博物馆去年10月备的案，区里给新备案的博物馆一次性给20万，现在申请行吗",
        "我们馆前年5月新备案，听说新备案的博物馆有一次性的钱，能拿吗",
    ],
)
def test_a_museum_filed_before_the_measures_gets_no_establishment_award(text):
    intent, _ = best_intent(text)
    assert intent.calculator == "museum_establishment_award"
    _, result = _run("museum_establishment_award", text, date(2024, 6, 1))
    assert (result.amount_yuan, result.eligible) == (0, False)


# ---------------------------------------------------------------- 西科管发〔2024〕1号


@pytest.mark.parametrize(
    ("text", "awards"),
    [
        ("去年报了金融科技发展奖，特等奖没评上，一等奖也没拿到，得的是二等奖", ["fintech_dev_second"]),
        ("参评了首都金融创新成果奖，二等奖不是，最终是三等奖", ["capital_innovation_third"]),
        ("金融科技发展奖，我们拿了三等奖", ["fintech_dev_third"]),
    ],
)
def test_an_award_grade_named_in_a_later_clause_is_that_awards(text, awards):
    intent = next(i for i in load_intents() if i.calculator == "fintech_innovation_award")
    spec = next(s for s in intent.slots if s.name == "awards")
    assert extract(text, [spec]).values["awards"] == awards


def test_a_company_with_its_own_figures_asking_about_both_tiers_gets_its_instalment():
    text = "我们累计增资12亿，2022年缴足，今年综合贡献5500万。听说增资补助分两档，今年这一笔能拿多少？"
    intent, _ = best_intent(text)
    assert intent.calculator == "fintech_capital_increase_subsidy"
    _, result = _run("fintech_capital_increase_subsidy", text, date(2024, 8, 1))
    assert result.amount_yuan == 3000000


def test_a_question_whether_both_tiers_can_be_had_is_still_a_rule_question():
    intent, _ = best_intent("增资补助的两档都能拿吗？")
    assert intent is None or intent.calculator != "fintech_capital_increase_subsidy"


# ---------------------------------------------------------------- 西发改文〔2024〕82号


@pytest.mark.parametrize(
    ("text", "day", "by_year", "amount"),
    [
        ("单位注册在西城，前年买了3000万度绿电，去年买了7000万度，能拿多少", date(2025, 3, 1),
         [[2023, 3e7], [2024, 7e7]], 800000),
        ("单位在西城，2024年交易了2000万度绿色电力，2025年到现在又买了1500万度，奖励多少", date(2025, 9, 1),
         [[2024, 2e7], [2025, 1.5e7]], 350000),
    ],
)  # fmt: skip
def test_green_power_over_two_years_is_capped_per_year(text, day, by_year, amount):
    values, result = _run("green_power_reward", text, day)
    assert values["traded_kwh_by_year"] == by_year
    assert result.amount_yuan == amount


def test_green_power_in_one_year_is_not_split():
    values, result = _run(
        "green_power_reward",
        "单位在西城，今年上半年买了4000万度绿电，下半年又买了3000万度",
        date(2024, 12, 1),
    )
    assert "traded_kwh_by_year" not in values
    assert values["traded_kwh"] == 7e7
    assert result.amount_yuan == 500000


def test_a_factory_that_used_none_of_the_listed_high_tech_gets_no_five_percent():
    values, result = _run(
        "green_industrial_retrofit",
        "厂子在西城正常生产，节能改造一年省了200吨标煤，市里认定的高新技术产品和工艺，这次一样都没用上",
        date(2024, 9, 1),
    )
    assert values["uses_certified_high_tech"] is False
    assert values["has_actual_production"] is True
    assert result.amount_yuan == 860000


# ---------------------------------------------------------------- 西民发〔2024〕1号


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("我们养老驿站的助餐点7月平台上做了1800单，其中100单不满10元；此外还有50单是线下收现金的，运营补贴多少", 5100),
        ("助餐点（养老机构办的）平台订单3000单，其中有40单是现金线下付的，运营补贴多少", 8880),
    ],
)  # fmt: skip
def test_orders_besides_the_total_are_not_taken_out_of_it(text, amount):
    _, result = _run("meal_operation_subsidy", text, date(2024, 8, 10))
    assert result.amount_yuan == amount


@pytest.mark.parametrize(
    ("text", "orders", "amount"),
    [
        (
            "老年餐集中配送单位，运营第一年上半年配送了5.5万单，下半年配送了6万单，建设补贴多少",
            115000,
            200000,
        ),
        ("我们集中配送，第一年前半年送了3万单，后半年送了1.8万单，建设补贴有吗", 48000, 0),
    ],
)
def test_a_first_year_told_in_halves_is_summed(text, orders, amount):
    values, result = _run("meal_construction_central_kitchen", text, date(2024, 10, 1))
    assert values["first_year_orders"] == orders
    assert result.amount_yuan == amount


def test_a_renovation_after_three_years_does_not_ask_what_the_point_got_before():
    _, result = _run(
        "meal_construction_renovation",
        "养老驿站的助餐点2018年建成投用，当初领过建设补贴，今年原址改造投入4万，建设补贴多少",
        date(2024, 9, 1),
    )
    assert not result.missing
    assert result.amount_yuan == 40000


def test_a_renovation_within_three_years_still_asks_what_the_point_got_before():
    _, result = _run(
        "meal_construction_renovation",
        "养老驿站的助餐点2023年3月建成投用，今年原址改造投入4万，建设补贴多少",
        date(2024, 9, 1),
    )
    assert result.amount_yuan is None
    assert any("已享受" in m for m in result.missing)


@pytest.mark.parametrize("text", ["我姥姥户口在海淀，常住在我们西城的家里", "老人一直生活在西城，户口在朝阳"])
def test_living_in_xicheng_in_everyday_words(text):
    intent = next(i for i in load_intents() if i.calculator == "meal_dining_subsidy")
    spec = next(s for s in intent.slots if s.name == "lives_in_xicheng")
    assert extract(text, [spec]).values == {"lives_in_xicheng": True}


# ---------------------------------------------------------------- 西财资产〔2024〕18号


def test_moving_an_asset_between_two_subordinate_units_is_a_transfer_that_needs_no_evaluation():
    values, result = _run(
        "asset_evaluation_required",
        "局里想把一批电脑从下属的一个事业单位划给下属的另一家独资公司，两家都是局下属的，要评估吗",
        date(2024, 6, 1),
    )
    assert values["act"] == "无偿划转给行政事业单位"
    assert result.eligible is False  # False: evaluation not required


@pytest.mark.parametrize(
    "text",
    ["单位的车辆打算转让给一家私营企业，要做资产评估吗", "这批设备准备卖给外面的个人，需要评估吗"],
)
def test_a_transfer_to_an_outside_party_is_not_between_subordinate_units(text):
    values, result = _run("asset_evaluation_required", text, date(2024, 6, 1))
    assert values["between_subordinate_units"] is False
    assert result.eligible is True  # True: evaluation required


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("西城民办博物馆，运行评估优秀，不过馆方目前正在被立案调查，运行扶持还有吗", 0),
        ("西城民办博物馆，运行评估合格，被列入了严重违法失信名单，运行扶持能拿多少", 0),
        ("西城民办博物馆，运行评估合格，没有违法失信，也没被立案调查，运行扶持多少", 50000),
    ],
)
def test_a_stated_bar_of_article_twelve_four_stops_every_amount(text, amount):
    _, result = _run("museum_operation_support", text, date(2024, 9, 1))
    assert result.amount_yuan == amount


@pytest.mark.parametrize(
    "text",
    ["改造里节能产品、节能设备这些一样也没用", "节能产品这些都没用上", "节能产品、节能灯具，项目里全没用"],
)
def test_a_topic_and_its_list_denied_in_its_own_clause_is_a_no(text):
    assert extract(text, [USES]).values == {"uses": False}


def test_a_denial_in_the_next_clause_with_its_own_subject_is_about_that_subject():
    assert extract("节能产品，处罚都没有", [USES]).values == {"uses": True}


# ---------------------------------------------------------------- figures: bounds and lists


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("民办博物馆去年开放天数不到240天，只有226天，运行评估合格", 226),
        ("去年开馆不足240天，实际开了199天，运行评估优秀", 199),
    ],
)
def test_a_bound_gives_way_to_the_figure_stated(text, days):
    intent = next(i for i in load_intents() if i.calculator == "museum_operation_support")
    assert extract(text, list(intent.slots), date(2024, 9, 1)).values["opening_days_last_year"] == days


def test_a_bound_alone_is_no_figure_and_is_asked():
    values, result = _run(
        "museum_operation_support", "民办博物馆去年开放不到240天，运行评估合格", date(2024, 9, 1)
    )
    assert "opening_days_last_year" not in values


@pytest.mark.parametrize(
    ("text", "kwh", "prices"),
    [
        ("三台叉车换成纯电动的，电池分别是30、50、80千瓦时，价格分别是20、25、40万元",
         [30, 50, 80], [200000, 250000, 400000]),
        ("两台新电动叉车，电池各是45/70千瓦时，买价分别为18万、36万", [45, 70], [180000, 360000]),
    ],
)  # fmt: skip
def test_a_list_shares_the_unit_written_after_its_last_number(text, kwh, prices):
    intent = next(i for i in load_intents() if i.calculator == "green_forklift_reward")
    values = extract(text, list(intent.slots), date(2024, 9, 1)).values
    assert values["battery_kwh_each"] == kwh
    assert values["price_each_yuan"] == prices


@pytest.mark.parametrize(
    ("text", "awards"),
    [
        ("首都金融创新成果奖，一等奖没评上，是二等奖", ["capital_innovation_second"]),
        ("金融科技发展奖，一等奖没获评，二等奖也没评上，拿了三等奖", ["fintech_dev_third"]),
    ],
)
def test_a_grade_not_won_is_not_an_award(text, awards):
    intent = next(i for i in load_intents() if i.calculator == "fintech_innovation_award")
    spec = next(s for s in intent.slots if s.name == "awards")
    assert extract(text, [spec]).values["awards"] == awards


@pytest.mark.parametrize(
    "text",
    ["我们厂在西城，节能改造一年省了120吨标煤，奖励多少", "厂里做了节能改造，年节能80吨标准煤，能拿多少"],
)
def test_a_factory_said_short_is_an_industrial_retrofit(text):
    intent, _ = best_intent(text)
    assert intent.calculator == "green_industrial_retrofit"


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("老两口上个月在助餐点都吃了20天", 2),
        ("我们两人在社区助餐点各吃了18天午饭", 2),
        ("三位老人平时在父母食堂每人吃一顿", 3),
    ],
)
def test_the_number_of_diners_with_the_distributive_word_a_few_words_on(text, persons):
    intent = next(i for i in load_intents() if i.calculator == "meal_dining_subsidy")
    spec = next(s for s in intent.slots if s.name == "persons")
    assert extract(text, [spec]).values == {"persons": persons}


def test_a_unit_price_of_rent_is_not_the_years_rent():
    intent = next(i for i in load_intents() if i.calculator == "fintech_rent_subsidy")
    values = extract(
        "一档企业，在西城租了600平，租金每天每平米7元", list(intent.slots), date(2024, 9, 1)
    ).values
    assert "annual_rent_yuan" not in values


# ---------------------------------------------------------------- batch-5 classes: long negation, dated years, instalments


@pytest.mark.parametrize(
    "text",
    [
        "施工期间从没因为扬尘或者噪音这些问题被行政部门处罚过",
        "项目从来没有因为安全生产方面的事情被主管部门处罚",
    ],
)
def test_a_negator_reaches_its_verb_across_a_cause_or_passive_adjunct(text):
    spec = SlotSpec.from_dict("punished", {"patterns": {True: ["处罚"]}})
    assert extract(text, [spec]).values == {"punished": False}


def test_a_long_adjunct_without_a_negator_stays_a_yes():
    spec = SlotSpec.from_dict("punished", {"patterns": {True: ["处罚"]}})
    assert extract("施工期间因为扬尘问题被行政部门处罚过一次", [spec]).values == {"punished": True}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("闭馆装修是我们自己决定的，不是因为洪水之类的不可抗力", False),
        ("去年遇到了不可抗力，暴雨淹了展厅", True),
    ],
)
def test_force_majeure_is_a_word_not_a_negation(text, want):
    intent = next(i for i in load_intents() if i.calculator == "museum_application_eligibility")
    spec = next(s for s in intent.slots if s.name == "affected_by_disaster")
    assert extract(text, [spec]).values == {"affected_by_disaster": want}


@pytest.mark.parametrize(
    ("text", "day", "year"),
    [
        ("累计增资2亿，钱是去年底全部实缴到位的", date(2024, 6, 1), 2023),
        ("累计增资5亿，2022年6月30日缴足", date(2024, 6, 1), 2022),
    ],
)
def test_a_dated_payment_gives_its_year_to_a_calendar_year_slot(text, day, year):
    intent = next(i for i in load_intents() if i.calculator == "fintech_capital_increase_subsidy")
    assert extract(text, list(intent.slots), day).values["paid_in_completion_year"] == year


@pytest.mark.parametrize(
    "text",
    [
        "对新设控股子公司出资2亿，前年缴完，今年是最后一笔了吧，能拿多少",
        "子公司补助最后一期能拿多少？出资3亿，前年缴足",
    ],
)
def test_the_last_instalment_is_the_third(text):
    intent = next(i for i in load_intents() if i.calculator == "fintech_subsidiary_subsidy")
    assert extract(text, list(intent.slots), date(2024, 6, 1)).values["instalment_no"] == 3


def test_a_first_tranche_received_in_other_words_counts_as_paid():
    intent = next(i for i in load_intents() if i.calculator == "fintech_space_upgrade_installments")
    spec = next(s for s in intent.slots if s.name == "tranches_paid")
    assert extract("第一笔30%的补贴我们也领到了", [spec]).values == {"tranches_paid": 1}


@pytest.mark.parametrize(
    "text",
    ["社区助餐点还在原来的地方，今年又改造了一次，花了1.8万", "我们的助餐点在原地再改造，投入3万"],
)
def test_a_renovation_on_the_same_site_in_everyday_words(text):
    intent, _ = best_intent(text)
    assert intent.calculator == "meal_construction_renovation"
