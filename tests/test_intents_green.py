"""The 西发改文〔2024〕82号 green low-carbon intents (assistant/intents/green.yaml): siblings, plan targets, numerals.

Routing and slot cases: tests/data/routing/green.yaml (run by tests/test_intents.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.intents import best_intent, load_intents
from assistant.slots import extract
from calculators.base import load_all

CASES = yaml.safe_load(
    (Path(__file__).resolve().parent / "data" / "routing" / "green.yaml").read_text(encoding="utf-8")
)


def test_every_green_calculator_has_an_intent_and_two_phrasings():
    green = {n for n in load_all() if n.startswith("green_")}
    assert (
        len(green) == 28
    )  # +1 green_leader_titles, +1 green_pv_and_power_total (several items in one question)
    assert green <= {i.calculator for i in load_intents()}
    counts = {n: sum(1 for c in CASES if c["calculator"] == n) for n in green}
    assert all(c >= 2 for c in counts.values()), counts


def test_chinese_numeral_before_kilowatt():
    intent, _ = best_intent("装机五百千瓦的光伏能拿多少")
    assert extract("装机五百千瓦的光伏能拿多少", list(intent.slots)).values == {"capacity_kw": 500}


def test_star_label_award_is_not_read_as_a_retrofit_award():
    q = "获得三星级绿色建筑标识，市级奖励了60万元，区里配套多少"
    intent, _ = best_intent(q)
    assert intent.calculator == "green_building_matching"
    assert extract(q, list(intent.slots)).values == {
        "star_label": "three_star",
        "star_city_award_received": True,
    }


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        # siblings that share words
        ("光伏光热一体化供热项目获得市级补助", "green_heating_matching"),
        ("分布式光伏项目并网了能拿多少", "green_pv_reward"),
        ("购买绿色电力有奖励吗", "green_power_reward"),
        ("数据中心节能技术改造能拿多少", "green_data_center_retrofit"),
        ("工业企业节能技术改造能拿多少", "green_industrial_retrofit"),
        ("医院节能改造能奖励多少", "green_building_retrofit"),
        ("超低能耗绿色建筑能配套多少", "green_ultra_low_energy_matching"),
        ("绿色建筑工地评上了绿色安全工地", "green_site_award"),
        ("医院做了能源费用托管，节能改造奖励多少", "green_energy_hosting_reward"),
        ("节能咨询机构做碳中和认证咨询服务能拿奖励吗", "green_consulting_award"),
        ("节能咨询机构给用能单位做能源审计有奖励吗", "green_consulting_award"),
        ("工业企业节能考核优秀能拿多少", "green_assessment_excellent_award"),
        ("废气在线监控系统验收联网了，能拿多少", "green_online_monitoring_reward"),
        ("VOCs治理投资能奖励多少", "green_air_pollution_reward"),
        ("能效领跑者能拿多少", "green_energy_efficiency_leader"),
        ("水效领跑者能拿多少", "green_water_efficiency_leader"),
        ("低碳领跑者能拿多少", "green_low_carbon_leader"),
        ("先进低碳技术试点优秀项目奖励多少", "green_low_carbon_tech_pilot"),
        ("碳中和认证能拿多少奖励", "green_carbon_neutral_award"),
        ("近零碳校园能拿多少", "green_zero_carbon_campus"),
    ],
)
def test_siblings_route_apart(question, calculator):
    intent, _ = best_intent(question)
    assert intent is not None and intent.calculator == calculator, intent and intent.calculator


@pytest.mark.parametrize(
    "question",
    [
        # 西政办发〔2024〕2号 targets and tasks: retrieval questions, not reward calculations
        "今年叉车电动化目标是多少",
        "今年全区叉车电动化数量目标是多少辆",
        "3吨及以下的叉车要换成什么叉车",
        "今年要推动几家企业开展强制性清洁生产审核",
        "今年要推动多少家企业开展强制性清洁生产审核",
    ],
)
def test_plan_targets_are_not_reward_calculations(question):
    intent, _ = best_intent(question)
    assert intent is None or intent.calculator not in (
        "green_forklift_reward",
        "green_cleaner_production_subsidy",
    ), intent.calculator


def test_consulting_count_with_a_shared_threshold_is_read_as_a_count():
    # "6家500吨以上" states a count and the least energy use of those clients, not a list of one client of 500:
    # it is read as clients_count=6 and clients_min_tce=500 (see tests/test_green_understanding.py).
    q = "我们是节能咨询机构，给辖区6家年综合能耗500吨标准煤以上的单位做了节能诊断，能拿奖励吗"
    intent, _ = best_intent(q)
    assert intent.calculator == "green_consulting_award"
    values = extract(q, list(intent.slots)).values
    assert (values["clients_count"], values["clients_min_tce"]) == (6, 500)
