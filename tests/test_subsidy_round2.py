"""Issue 10, subsidy and reward calculators, round two: classes of reading, each with phrasings written here.

The hukou and the home named together (户口和人都在西城); one elder asked about by the partner who tells it; several
rules of one document in one question (建设 + 运营, 建设 + 运营 + 奖励, 展览 + 社教); one date per item (several
forklifts, each registered on its own day); a total spent over several days; a second meal on some days.
"""

from datetime import date

import pytest

from assistant.intents import best_intent, load_intents
from assistant.slots import SlotSpec, extract
from calculators.base import load_all
from core.normalize import normalize

DAY = date(2024, 7, 10)


def _intent(name: str):
    return next(i for i in load_intents() if i.calculator == name)


def _read(name: str, text: str) -> dict:
    return extract(normalize(text), list(_intent(name).slots), DAY).values


def _run(name: str, text: str):
    return load_all()[name].run(_read(name, text), DAY)


# ---------------------------------------------------------------- the hukou and the home named together


@pytest.mark.parametrize(
    "text",
    ["老人户口和人都在西城", "我爸人户都在西城", "她户籍跟家一直在西城", "住的地方和户口都在西城"],
)
def test_hukou_and_home_together_say_both(text):
    values = _read("meal_dining_subsidy", text)
    assert values.get("lives_in_xicheng") is True
    assert values.get("xicheng_hukou") is True


def test_hukou_and_home_denied_together_say_neither():
    values = _read("meal_dining_subsidy", "老人户口和人都不在西城")
    assert values.get("lives_in_xicheng") is not True
    assert values.get("xicheng_hukou") is not True


# ---------------------------------------------------------------- one elder, told by the partner


@pytest.mark.parametrize(
    "text, amount",
    [
        ("我老伴今年80，失能卧床，北京户口住西城，7月在父母食堂吃了12天午饭，每顿16块，能补多少？", 60),
        ("俺老头子是特困老人，西城户口也住西城，上个月在助餐点吃了10天晚饭，一顿13元，补贴多少钱", 50),
    ],
)
def test_the_partner_alone_is_the_one_diner(text, amount):
    result = _run("meal_dining_subsidy", text)
    assert result.amount_yuan == amount
    assert not result.missing


def test_both_elders_with_their_own_facts_are_still_each_assessed():
    text = "我今年72，身体挺好没残疾，老伴失能了，我们俩都是西城户口住西城，普通家庭，各在父母食堂吃了10天午饭，每顿15块"
    result = _run("meal_dining_subsidy", text)
    assert result.amount_yuan == 50  # the partner only: the speaker is in none of 第三条's groups


# ---------------------------------------------------------------- several rules of one document in one question


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "我们养老驿站的助餐点，建设补贴和上个月的运营补贴一共多少？改造花了6万，平台上做了1500单",
            "meal_construction_and_operation",
        ),
        (
            "配餐中心开助餐点，建设补贴、运营补贴、奖励补贴加起来有多少？投入4万，这一年平台2.2万单",
            "meal_all_support",
        ),
        (
            "我们博物馆去年办了两个展览，花了20万和8万，还办了3场社教活动，各1万，区里资助一共多少",
            "museum_district_projects",
        ),
        (
            "我们配餐中心的助餐点，建设、运营、奖励三项补贴一共能拿多少？投入4万，一年2.5万单",
            "meal_all_support",
        ),
        (
            "我们是养老照料中心，助餐点改造花了6万，上个月平台2000单，建设和运营补贴一共多少",
            "meal_construction_and_operation",
        ),
        ("助餐点的运营补贴和奖励补贴这一年一共多少，我们是配餐中心，一年2万单", "meal_operation_and_reward"),
    ],
)
def test_a_question_naming_several_rules_goes_to_their_combination(text, name):
    intent, _ = best_intent(normalize(text))
    assert intent is not None and intent.calculator == name


def test_construction_and_one_month_of_operation_add_up():
    text = (
        "我们是养老服务机构，开了个助餐点，改造加设备投入了3.2万。上个月平台完成了900单，其中100单不满10块，"
        "另外有30单是现金没走平台。建设补贴加上个月运营补贴一共多少？"
    )
    result = _run("meal_construction_and_operation", text)
    # 3.2万 under the 5万 cap; (900 − 100) × 3 = 2400
    assert result.amount_yuan == 32000 + 2400


def test_all_three_meal_rules_for_a_restaurant_leave_only_the_reward():
    text = "我们饭馆是社会餐饮企业，挂了父母食堂的牌子，这一年平台上1.2万单，都在10块以上。建设补贴、运营补贴、奖励补贴总共能拿多少？装修花了8万"
    result = _run("meal_all_support", text)
    assert result.amount_yuan == 30000  # no construction, no operation; 1万单 tier of the reward
    assert any("暂不享受建设补贴" in s for s in result.steps)


def test_exhibitions_and_education_events_are_each_read_after_their_own_word():
    text = "我们博物馆去年没拿市里的定额资助。办了两个展览，花了24万、6万；另外搞了三场社教活动，分别5000元、1.8万、3万。区级资助一共多少？"
    values = _read("museum_district_projects", text)
    assert values["exhibition_costs_yuan"] == [240000, 60000]
    assert values["education_costs_yuan"] == [5000, 18000, 30000]
    assert values["received_city_funding_last_year"] is False
    result = load_all()["museum_district_projects"].run(values, DAY)
    # 展览 min(12万, 10万) + 3万; 社教 2500 + 9000 + min(1.5万, 1万)
    assert result.amount_yuan == 100000 + 30000 + 2500 + 9000 + 10000


# ---------------------------------------------------------------- one date per item


def test_a_list_of_dates_takes_every_date_whose_nearest_cue_is_its_own():
    specs = [
        SlotSpec(name="signed_each", ask="", date=True, many=True, cues=("签约",)),
        SlotSpec(name="paid_each", ask="", date=True, many=True, cues=("付款",)),
    ]
    text = normalize("第一份合同2023年3月签约，2023年5月付款；第二份合同2023年8月签约，2023年9月付款")
    values = extract(text, specs, DAY).values
    assert values["signed_each"] == ["2023-03-01", "2023-08-01"]
    assert values["paid_each"] == ["2023-05-01", "2023-09-01"]


def test_a_single_date_makes_no_list():
    specs = [SlotSpec(name="signed_each", ask="", date=True, many=True, cues=("签约",))]
    assert "signed_each" not in extract(normalize("合同2023年3月签约"), specs, DAY).values


def test_each_forklift_is_held_to_the_registration_cut_off_on_its_own():
    text = (
        "我们公司注册纳税都在西城。第一台燃油叉车21年8月做的编码登记，今年4月报废，换了台电动叉车，电池50千瓦时，花了30万；"
        "第二台今年1月才做的编码登记，今年5月报废，换的电动叉车电池40千瓦时，花了20万。两台能拿多少？"
    )
    values = _read("green_forklift_reward", text)
    assert values["registration_date_each"] == ["2021-08-01", "2024-01-01"]
    result = load_all()["green_forklift_reward"].run(values, DAY)
    assert result.amount_yuan == 75000  # the first: min(7.5万, 7.5万, 7.5万); the second registered too late
    assert any("晚于" in s for s in result.steps)


def test_trucks_told_together_keep_a_stated_bigger_new_truck():
    text = "公司在西城注册纳税，两台燃油叉车22年登记，今年报废，原来都是2吨的，都换成了3吨的电动叉车，电池分别40度和50度，价格分别20万和25万，能拿多少"
    result = _run("green_forklift_reward", text)
    assert result.amount_yuan == 0 and result.eligible is False


# ---------------------------------------------------------------- the evaluation verdict keeps one polarity


@pytest.mark.parametrize(
    "text, must_evaluate",
    [
        ("局里下属两个事业单位之间划转一批桌椅，可以不评估吗？", False),
        ("我们单位要把旧车卖给一家私营公司，能不能免做资产评估？", True),
        ("我们局下属两个事业单位之间划转设备，必须做资产评估吗？", False),
    ],
)
def test_the_evaluation_verdict_says_whether_it_must_be_done_however_asked(text, must_evaluate):
    # eligible=True means 须评估 (calculators/rules/asset.py), also when the question asks whether it may be skipped
    assert _run("asset_evaluation_required", text).eligible is must_evaluate


# ---------------------------------------------------------------- a total over days, a second meal on some days


@pytest.mark.parametrize(
    "text, amount",
    [
        ("我爸是特困老人，西城户口住西城，上个月在父母食堂吃了15天午饭，一共花了210块，补贴多少", 75),
        ("老人北京户口住西城，低保家庭，失能了，这个月在助餐点吃饭12天，总共花了180元，能补多少", 60),
    ],
)
def test_a_total_over_the_days_is_averaged_not_taken_for_one_meal(text, amount):
    values = _read("meal_dining_subsidy", text)
    assert "meal_spend_yuan" not in values and values["total_spend_yuan"] > 100
    result = load_all()["meal_dining_subsidy"].run(values, DAY)
    assert result.amount_yuan == amount
    assert any("平均每餐" in w for w in result.warnings)


def test_a_total_whose_average_is_under_the_standard_asks_for_a_meal_spend():
    text = "我爸是特困老人，西城户口住西城，上个月在父母食堂吃了20天午饭，一共花了80块，补贴多少"
    result = _run("meal_dining_subsidy", text)
    assert result.amount_yuan is None and result.missing


@pytest.mark.parametrize(
    "text",
    [
        "我妈是特困老人，西城户口住西城，7月在父母食堂吃了20天午饭，其中8天晚饭也在那吃，每顿都是15块，补多少",
        "我妈是特困老人，西城户口住西城，7月在助餐点吃了20天，其中6天一天吃两顿，午饭晚饭一顿14块，补多少",
    ],
)
def test_days_with_a_second_meal_are_one_subsidy_a_day_not_cheap_days(text):
    assert _run("meal_dining_subsidy", text).amount_yuan == 100


def test_cheap_days_beside_second_meals_still_drop_out():
    text = "我妈是特困老人，西城户口住西城，7月在父母食堂吃了20天午饭，每顿15块，其中4天只买了3块钱的粥，有几天晚饭也在那吃"
    assert _run("meal_dining_subsidy", text).amount_yuan == 80


# ---------------------------------------------------------------- a day of a month named relative to today


@pytest.mark.parametrize(
    "text, day",
    [
        ("这个月8号开始的", date(2024, 7, 8)),
        ("本月20日提交", date(2024, 7, 20)),
        ("上个月3号启动", date(2024, 6, 3)),
        ("上月30日", date(2024, 6, 30)),
        ("下个月1号", date(2024, 8, 1)),
    ],
)
def test_a_day_of_this_last_or_next_month_is_a_date(text, day):
    from assistant.numbers import find_dates

    assert [d.value for d in find_dates(text, DAY)] == [day]


def test_a_day_a_month_does_not_have_is_no_date():
    from assistant.numbers import find_dates

    assert find_dates("上个月31号", DAY) == []  # June has 30 days


# ---------------------------------------------------------------- does the measure apply (第二条, 第二十八条)


@pytest.mark.parametrize(
    "text, applies",
    [
        ("我们区属事业单位上个月10号启动了设备报废的资产评估，要按区里新的资产评估管理办法来办吗", True),
        ("区属事业单位去年11月就启动的资产评估，现在要按新出的办法办吗", None),
        ("我们是中央部委直属单位，办公楼在西城，资产评估适用西城这个办法吗", False),
    ],
)
def test_whether_the_measures_apply_follows_the_start_date_and_the_unit(text, applies):
    intent, _ = best_intent(normalize(text))
    assert intent is not None and intent.calculator == "asset_measures_apply"
    assert _run("asset_measures_apply", text).eligible is applies


def test_a_speaker_who_eats_with_the_partner_is_not_left_out():
    text = "我和老伴都在父母食堂吃午饭，老伴失能了，我们北京户口住西城，普通家庭，上个月各吃了10天，每顿15块，能补多少"
    result = _run("meal_dining_subsidy", text)
    # the partner qualifies; whether the speaker does is not stated: asked, not left out
    assert result.amount_yuan is None
    assert any(k.startswith("self_") for k in (result.extra or {}).get("missing_fields", ()))
