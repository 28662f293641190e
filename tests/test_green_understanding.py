"""西发改文〔2024〕82号: stated facts read from everyday Chinese change the result the right way (issue 10).

Phrasings are our own, not the dev cases': negation before and after a mention, places, several projects or
trucks, counts of clients, and the applicant facts of 第十一条、第十三条、第十五条 checked before any amount.
"""

from datetime import date

import pytest

from assistant.intents import load_intents
from assistant.negation import denied_after, negated
from assistant.slots import extract
from calculators.base import load_all

DAY = date(2024, 9, 1)


def _intent(name):
    return next(i for i in load_intents() if i.calculator == name)


def _run(name: str, text: str):
    values = extract(text, list(_intent(name).slots), DAY).values
    return values, load_all()[name].run(values, DAY)


# -- the reader: negation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["市级补助我们没去申请", "市里的补助也没拿到", "市级奖励公司还没有拿到", "那笔市级补助一直没批下来"],
)
def test_a_topic_denied_after_it_is_negated(text):
    end = text.index("补助") + 2 if "补助" in text else text.index("奖励") + 2
    assert denied_after(text, end)


@pytest.mark.parametrize("text", ["市级补助拿到了，没有超过100万", "市级补助50万，我们没有别的补贴"])
def test_a_denial_of_something_else_is_not_a_denial_of_the_topic(text):
    assert not denied_after(text, text.index("补助") + 2)


def test_a_list_joined_by_dun_stays_inside_one_negation():
    text = "从没因为噪音、扬尘这些问题被处罚"
    assert negated(text, text.index("被处罚"))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("我们工地从来没被罚过款，也没有被通报", False),
        ("工地没有罚款记录，但被区里通报批评过一次", True),
        ("没因为环保、安全问题受过处罚", False),
        ("被住建委处罚过一次", True),
    ],
)
def test_penalty_is_read_from_every_mention(text, want):
    values = extract(text, list(_intent("green_site_award").slots), DAY).values
    assert values["penalized_or_notified"] is want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("光伏板装好了，供电公司还没给我们并网", False),
        ("光伏已经并网发电了", True),
        ("分布式光伏尚未并网", False),
    ],
)
def test_grid_connection_is_read_with_its_negation(text, want):
    assert extract(text, list(_intent("green_pv_reward").slots), DAY).values["grid_connected"] is want


def test_a_pv_plant_not_yet_connected_gets_nothing():
    values, result = _run("green_pv_reward", "楼顶装了三百五十千瓦的光伏，但还没并网，区里能奖多少？")
    assert values["capacity_kw"] == 350
    assert (result.amount_yuan, result.eligible) == (0, False)


def test_a_heating_project_without_city_subsidy_gets_no_matching():
    _, result = _run(
        "green_heating_matching", "西城新建了空气源热泵供热，投资两百万，市级补助我们没申请，区里配套多少？"
    )
    assert (result.amount_yuan, result.eligible) == (0, False)


def test_a_star_building_without_the_city_award_gets_no_matching():
    _, result = _run(
        "green_building_matching", "楼拿了三星级绿色建筑标识，不过市里的奖励没拿到，区里配套多少？"
    )
    assert (result.amount_yuan, result.eligible) == (0, False)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("我们只是贸易公司，没有生产线，做了节能改造年省80吨标煤", False),
        ("在西城有实际生产的工厂，技改后年节能80吨标准煤", True),
    ],
)
def test_actual_production_is_read_from_everyday_words(text, want):
    values = extract(text, list(_intent("green_industrial_retrofit").slots), DAY).values
    assert values["has_actual_production"] is want


# -- places and the applicant facts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "公司在西城注册纳税，但光伏装在丰台的厂房屋顶上，装机300千瓦已并网，奖励多少",
        "我们的光伏项目在通州，500千瓦并网了，西城的光伏奖励能拿多少",
    ],
)
def test_a_project_outside_xicheng_gets_nothing(text):
    values, result = _run("green_pv_reward", text)
    assert values["project_in_district"] is False
    assert (result.amount_yuan, result.eligible) == (0, False)


def test_a_company_registered_elsewhere_gets_nothing_for_a_project_in_xicheng():
    values, result = _run(
        "green_pv_reward", "公司注册在海淀，在西城的办公楼顶装了150千瓦光伏，已并网，能奖多少"
    )
    assert values["registered_in_district"] is False
    assert (result.amount_yuan, result.eligible) == (0, False)


def test_a_unit_on_the_district_budget_gets_nothing():
    _, result = _run("green_pv_reward", "我们单位经费由区级财政拨款，楼顶装了80千瓦光伏并网了，能奖多少")
    assert (result.amount_yuan, result.eligible) == (0, False)


def test_a_project_that_took_another_xicheng_policy_is_not_paid_twice_even_without_its_figure():
    _, result = _run(
        "green_building_retrofit", "写字楼节能改造已经从别的西城政策里拿过补贴了，这个措施还能再奖吗"
    )
    assert (result.amount_yuan, result.eligible) == (0, False)


def test_the_city_of_beijing_and_the_verb_to_save_are_not_places_elsewhere():
    values = extract(
        "工厂每年省120吨标煤，获评北京市节能先进", list(_intent("green_industrial_retrofit").slots), DAY
    )
    assert "project_in_district" not in values.values


# -- several items and counts -------------------------------------------------------------------------------


def test_two_separately_filed_pv_projects_are_each_capped():
    _, result = _run(
        "green_pv_reward", "西城两栋楼各装了一套光伏，分别并网：东楼900千瓦，西楼1.2兆瓦，一共奖多少"
    )
    # 900 × 1200 = 1,080,000 → 1,000,000; 1200 × 1200 → 1,000,000
    assert result.amount_yuan == 2000000


def test_two_figures_of_one_pv_project_are_not_two_projects():
    values, _ = _run("green_pv_reward", "原计划装600千瓦，最后并网了500千瓦，奖励多少")
    assert "project_capacities_kw" not in values


def test_green_power_bought_in_several_lots_adds_up_under_the_yearly_cap():
    values, result = _run(
        "green_power_reward", "今年一季度买了1500万度绿电，三季度又买了2000万度，一共奖励多少"
    )
    assert values["traded_kwh"] == 35000000
    assert result.amount_yuan == 350000


def test_two_building_retrofits_are_each_capped():
    _, result = _run(
        "green_building_retrofit",
        "两座写字楼分别做了节能改造，单独立项：一个年节能300吨标煤，一个1500吨，一共奖多少",
    )
    # 300 × 4500 = 1,350,000; 1500 × 4500 = 6,750,000 → 5,000,000
    assert result.amount_yuan == 6350000


def test_several_forklifts_each_with_their_own_battery_and_price():
    _, result = _run(
        "green_forklift_reward",
        "两台燃油叉车2023年3月在西城编码登记，今年5月报废，换了两台电动叉车：第一台电池40千瓦时、价格20万，第二台50千瓦时、价格36万，能奖多少",
    )
    # min(60000, 50000, 75000) = 50000; min(75000, 90000, 75000) = 75000
    assert result.amount_yuan == 125000


def test_a_forklift_registered_after_the_cut_off_gets_nothing_before_its_price_is_known():
    _, result = _run(
        "green_forklift_reward", "叉车是2024年2月才在西城做的编码登记，后来换成电动的了，电池40度，奖多少"
    )
    assert (result.amount_yuan, result.eligible) == (0, False)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("我们节能咨询公司征集期内给辖区7家单位做了能源审计，其中6家年能耗都在800吨标煤以上", 50000),
        ("咨询机构在西城，帮三家用能单位做了碳中和咨询，这三家年能耗都超过一千吨标煤，5万能拿吗", 0),
    ],
)
def test_a_count_of_clients_above_a_stated_energy_use(text, amount):
    _, result = _run("green_consulting_award", text)
    assert result.amount_yuan == amount


def test_a_client_who_hired_a_consultant_asks_for_its_own_subsidy():
    from assistant.intents import best_intent

    intent, _ = best_intent(
        "我们公司请咨询机构做了清洁生产审核，合同12万，通过了市里评估，市级给了5万，区里补多少"
    )
    assert intent.calculator == "green_cleaner_production_subsidy"


def test_a_renewed_carbon_neutral_certificate_is_not_a_first_one():
    values = extract(
        "碳中和认证去年拿过，今年续证了，年用电400万度",
        list(_intent("green_carbon_neutral_award").slots),
        DAY,
    )
    assert values.values["first_certification"] is False


def test_two_titles_of_different_matters_add_up():
    _, result = _run(
        "green_leader_titles", "单位获评北京市“能效领跑者”，还拿了国家级“低碳领跑者”，一次性奖励合计多少"
    )
    assert result.amount_yuan == 80000


def test_a_truck_replaced_by_a_heavier_one_gets_nothing():
    _, result = _run(
        "green_forklift_reward", "2022年在西城登记的2吨燃油叉车今年报废了，换成一台3.5吨的电动叉车，有奖励吗"
    )
    assert (result.amount_yuan, result.eligible) == (0, False)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("工厂在西城有实际生产，应急减排绩效评级大前年、前年、去年都是A级，有奖励吗", 300000),
        ("绩效评级前年是B、去年是A、今年是A，有没有连续A级的奖励", 0),
    ],
)
def test_years_rated_a_named_one_by_one(text, amount):
    _, result = _run("green_emergency_rating_reward", text)
    assert result.amount_yuan == amount


@pytest.mark.parametrize("text", ["市级补助没有超过100万，区里配套多少", "市级补助一直没有，区里还能配套吗"])
def test_a_denial_after_the_topic_needs_a_verb_of_getting_or_to_end_the_clause(text):
    values = extract(text, list(_intent("green_heating_matching").slots), DAY).values
    assert values["received_city_subsidy"] is ("一直没有" not in text)


@pytest.mark.parametrize(
    "text",
    [
        "光伏装了200千瓦并网了，区级财政能奖励多少",
        "光伏200千瓦并网，这个奖励能和其他政策同时享受吗",
    ],
)
def test_asking_about_district_money_or_other_policies_is_not_having_used_them(text):
    values, result = _run("green_pv_reward", text)
    assert "uses_district_funds" not in values and "other_xicheng_policy_same_matter" not in values
    assert result.amount_yuan == 240000


# -- issue 10, second dev batch: classes --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "今年2月才给柴油叉车在西城做的编码登记，上个月报废换了电动叉车，叉车奖励能拿吗",
        "我们2024年1月份在西城给燃油叉车办了非道路移动机械的编码登记，后来报废更新了，有叉车补贴吗",
    ],
)
def test_a_registration_date_that_opens_its_clause_is_read_and_fails_the_cut_off(text):
    values, result = _run("green_forklift_reward", text)
    assert values["registration_date"].startswith("2024-0")
    assert (result.amount_yuan, result.eligible) == (0, False)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        (
            "西城新建的屋顶光伏今年并网，装机300千瓦；另外今年买了绿电1000万度，两项奖励一共多少",
            300 * 1200 + 100_000,
        ),
        (
            "两个问题：光伏电站在西城，装机1000千瓦已并网；今年绿色电力交易6000万度，合计能拿多少",
            1_000_000 + 500_000,
        ),
    ],
)
def test_pv_and_green_power_in_one_question_are_computed_apart_and_added(text, amount):
    from assistant.intents import best_intent

    intent, _ = best_intent(text)
    assert intent is not None and intent.calculator == "green_pv_and_power_total"
    _, result = _run("green_pv_and_power_total", text)
    assert result.amount_yuan == amount


@pytest.mark.parametrize(
    "text",
    [
        "厂里换了两台电动叉车，旧的燃油叉车2023年5月在西城编码登记过，今年报废的：第一台电池50度（50千瓦时）买价30万；第二台电池50千瓦时，买价22万，叉车奖励一共多少",
        "我们两台柴油叉车去年在西城做过编码登记，今年2月都报废了，新买的纯电叉车一台电池50千瓦时(即50度)，价格30万；另一台电池50度，价格22万元，能补多少",
    ],
)
def test_a_battery_said_again_in_brackets_is_one_truck_not_two(text):
    values, result = _run("green_forklift_reward", text)
    assert values["battery_kwh_each"] == [50, 50]
    assert result.amount_yuan == 50 * 1500 + 55_000  # 第二台: 22万 × 25% = 5.5万 below 7.5万


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("我们厂空气重污染应急减排绩效评级前年还是C级，去年评上了A级，区里奖多少", 500_000),
        ("应急减排绩效评级：2022年是C级，2023年变成了B级，能拿多少奖励", 200_000),
        ("公司重污染天气绩效评级去年是B级，今年拿到A级了，奖励多少", 300_000),
    ],
)
def test_grades_told_year_by_year_are_the_step_up(text, amount):
    values, result = _run("green_emergency_rating_reward", text)
    assert result.amount_yuan == amount, values


@pytest.mark.parametrize(
    "text",
    ["应急减排绩效评级去年是A级，今年是C级，能奖多少", "应急减排绩效评级前年C级，去年还是C级，奖多少"],
)
def test_no_step_up_is_read_from_a_fall_or_a_standstill(text):
    values, result = _run("green_emergency_rating_reward", text)
    assert result.amount_yuan == 0, values
