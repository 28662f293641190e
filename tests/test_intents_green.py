"""Routing and slot extraction for the 西发改文〔2024〕82号 green low-carbon intents (assistant/intents/green.yaml)."""

from __future__ import annotations

import pytest

from assistant.intents import best_intent, load_intents
from assistant.slots import extract
from calculators.base import load_all

CASES = [
    # --- 第五条 1. 分布式光伏 ---
    ("光伏装机500千瓦能拿多少？", "green_pv_reward", {"capacity_kw": 500}),
    ("屋顶装了1000kW分布式光伏并网了，奖励多少", "green_pv_reward", {"capacity_kw": 1000}),
    ("分布式光伏装机0.6兆瓦，一次性奖励多少", "green_pv_reward", {"capacity_kw": 600}),
    # --- 2. 新能源供热 ---
    ("新建空气源热泵新能源供热项目拿了市级补助120万元，区里配套多少", "green_heating_matching",
     {"city_subsidy_yuan": 1_200_000, "technology": "air_source"}),
    ("屋顶光伏光热一体化供热项目拿了市级补助80万元", "green_heating_matching",
     {"city_subsidy_yuan": 800_000, "technology": "pv_thermal"}),
    ("浅层地源热泵供热项目拿到市级补助60万元，区级配套奖励多少", "green_heating_matching",
     {"city_subsidy_yuan": 600_000, "technology": "shallow_ground_source"}),
    # --- 3. 绿电 ---
    ("我们今年买了300万度绿电，能拿多少奖励", "green_power_reward", {"traded_kwh": 3_000_000}),
    ("公司一年购买绿色电力8000万千瓦时，奖励多少", "green_power_reward", {"traded_kwh": 80_000_000}),
    ("绿电交易电量1,200万度，今年已经领了5万元奖励，还能拿多少", "green_power_reward",
     {"traded_kwh": 12_000_000, "already_received_yuan": 50_000}),
    # --- 第六条 4. 工业技术改造 ---
    ("工厂节能技改后每年省200吨标煤，能奖励多少", "green_industrial_retrofit", {"annual_saving_tce": 200}),
    ("年节能800吨标煤的工业企业节能改造，用了市级认定的高新技术产品，奖励多少", "green_industrial_retrofit",
     {"annual_saving_tce": 800, "uses_certified_high_tech": True}),
    ("我们工厂节能技术改造后一年节能一百五十吨标准煤，没有用高新技术产品", "green_industrial_retrofit",
     {"annual_saving_tce": 150, "uses_certified_high_tech": False}),
    # --- 5. 绿色制造 ---
    ("获得北京市绿色工厂认证能拿多少奖励", "green_manufacturing_award", {"city_certified": True}),
    ("获得国家级绿色工厂，奖励多少", "green_manufacturing_award", {"city_certified": False, "national_demo": True}),
    ("同一个项目获得了北京市绿色供应链管理企业认证，又获评国家级绿色供应链示范", "green_manufacturing_award",
     {"city_certified": True, "national_demo": True}),
    # --- 6. 数据中心 ---
    ("数据中心节能改造一年节能500吨标准煤，能拿多少", "green_data_center_retrofit", {"annual_saving_tce": 500}),
    ("我们数据中心换了低功耗芯片，年节能九百吨标煤，奖励多少", "green_data_center_retrofit",
     {"annual_saving_tce": 900}),
    # --- 第七条 7. 绿色建筑 ---
    ("获得二星级绿色建筑标识，市级奖励了50万，区里配套多少", "green_building_matching", {"star_label": "two_star"}),
    ("既有建筑节能绿色化改造拿到市级奖励80万元，区级配套多少", "green_building_matching",
     {"city_retrofit_award_yuan": 800_000}),
    ("三星级绿色建筑项目能拿多少区级配套", "green_building_matching", {"star_label": "three_star"}),
    # --- 8. 超低能耗 ---
    ("超低能耗建筑项目获得市级奖励300万元，区级配套多少", "green_ultra_low_energy_matching",
     {"city_award_yuan": 3_000_000}),
    ("近零能耗建筑拿了市里奖励120万", "green_ultra_low_energy_matching", {"city_award_yuan": 1_200_000}),
    # --- 9. 绿色工地 ---
    ("获得北京市绿色安全样板工地称号，已竣工验收，没有受到处罚，能拿多少", "green_site_award",
     {"site_title": "model_site", "completed_and_accepted": True, "penalized_or_notified": False}),
    ("工地获得了北京市绿色安全工地，但因扬尘问题被通报过，还能拿奖励吗", "green_site_award",
     {"site_title": "safe_site", "penalized_or_notified": True}),
    # --- 10. 建筑节能改造 ---
    ("商场节能改造后年节能1500吨标准煤，能奖励多少", "green_building_retrofit",
     {"annual_saving_tce": 1500, "building_type": "mall"}),
    ("酒店节能改造后年节能800吨标煤，奖励多少", "green_building_retrofit",
     {"annual_saving_tce": 800, "building_type": "hotel"}),
    ("写字楼照明和空调节能改造，年节能120吨标准煤", "green_building_retrofit",
     {"annual_saving_tce": 120, "building_type": "office"}),
    # --- 第八条 11. 节能降碳咨询 ---
    ("我们是节能咨询机构，今年给辖区6家用能单位做了能源审计，年综合能耗分别是600、800、1200、550、700和900吨标准煤",
     "green_consulting_award", {"client_energy_tce": [600, 800, 1200, 550, 700, 900]}),
    ("咨询机构为辖区5家用能单位做了节能诊断，它们的年综合能耗分别是800、1200、450、600、3000吨标准煤，能拿奖励吗",
     "green_consulting_award", {"client_energy_tce": [800, 1200, 450, 600, 3000]}),
    # --- 12. 节能考核优秀 ---
    ("我们单位年度节能考核评为优秀，在优秀单位里排名第3，年综合能耗2500吨标准煤，能拿多少",
     "green_assessment_excellent_award", {"rated_excellent": True, "rank": 3, "annual_energy_tce": 2500}),
    ("节能考核优秀，排第7名，年综合能耗3000吨标准煤，能拿奖励吗", "green_assessment_excellent_award",
     {"rated_excellent": True, "rank": 7, "annual_energy_tce": 3000}),
    ("今年节能考核只评了良好，有奖励吗", "green_assessment_excellent_award", {"rated_excellent": False}),
    # --- 13. 能源费用托管 ---
    ("学校做能源费用托管，一年节能100吨标煤，奖励多少", "green_energy_hosting_reward", {"annual_saving_tce": 100}),
    ("区属事业单位实施能源托管后年节能40吨标准煤", "green_energy_hosting_reward",
     {"annual_saving_tce": 40, "is_public_institution": True}),
    # --- 14. 清洁生产审核 ---
    ("清洁生产审核通过了市级评估，合同总额15万元，市级支持资金10万元，区里补多少", "green_cleaner_production_subsidy",
     {"contract_total_yuan": 150_000, "city_support_yuan": 100_000, "passed_city_review": True}),
    ("清洁生产审核合同总额40万元，市级支持资金10万元，还没通过市级审核评估，能补多少",
     "green_cleaner_production_subsidy",
     {"contract_total_yuan": 400_000, "city_support_yuan": 100_000, "passed_city_review": False}),
    # --- 15. 能源审计 ---
    ("重点用能单位能源审计通过了区级评审，能补多少", "green_energy_audit_subsidy",
     {"passed_district_review": True, "is_key_energy_user": True}),
    ("能源审计还没通过区级评审，能拿补助吗", "green_energy_audit_subsidy", {"passed_district_review": False}),
    # --- 第九条 16. 大气污染治理 ---
    ("工业企业做VOCs治理，投资150万元，能拿多少奖励", "green_air_pollution_reward", {"investment_yuan": 1_500_000}),
    ("有实际生产的工业企业做挥发性有机物治理，投资100万元，用了市级认定的高新技术装备", "green_air_pollution_reward",
     {"investment_yuan": 1_000_000, "uses_certified_high_tech": True, "has_actual_production": True}),
    ("氮氧化物治理项目投入了八十万元，奖励多少", "green_air_pollution_reward", {"investment_yuan": 800_000}),
    # --- 17. 在线监控 ---
    ("有实际生产的工业企业安装废气在线监控系统，投资80万元，已经验收联网，奖励多少",
     "green_online_monitoring_reward",
     {"investment_yuan": 800_000, "accepted_and_networked": True, "has_actual_production": True}),
    ("饭店装油烟在线监控花了10万元，能拿奖励吗", "green_online_monitoring_reward",
     {"investment_yuan": 100_000, "catering_exhaust": True}),
    # --- 18. 绩效评级提升 ---
    ("我们的绩效评级从C级提升到A级，能拿多少奖励", "green_emergency_rating_reward",
     {"previous_grade": "C", "new_grade": "A"}),
    ("应急减排绩效评级从C级升到B级能拿多少", "green_emergency_rating_reward", {"previous_grade": "C", "new_grade": "B"}),
    ("连续三年绩效评级都是A级，有奖励吗", "green_emergency_rating_reward", {"consecutive_a_years": 3}),
    # --- 19. 叉车 ---
    ("电池容量80度的叉车，售价20万", "green_forklift_reward", {"battery_kwh": 80, "purchase_price_yuan": 200_000}),
    ("叉车电池容量60千瓦时，购置价格40万元，奖励多少", "green_forklift_reward",
     {"battery_kwh": 60, "purchase_price_yuan": 400_000}),
    ("燃油叉车是2024年3月才做的编码登记，换成电动叉车，电池50度，价格30万，能拿奖励吗", "green_forklift_reward",
     {"battery_kwh": 50, "purchase_price_yuan": 300_000, "registration_date": "2024-03-01"}),
    # --- 第十条 20–22. 领跑者 ---
    ("获得北京市能效领跑者称号能拿多少", "green_energy_efficiency_leader", {"national_title": False, "city_title": True}),
    ("拿到了国家级能效领跑者，奖励多少", "green_energy_efficiency_leader", {"national_title": True}),
    ("我们获得了国家水效领跑者称号，奖励多少", "green_water_efficiency_leader", {"national_title": True}),
    ("北京市水效领跑者能拿多少", "green_water_efficiency_leader", {"national_title": False, "city_title": True}),
    ("评上了市级低碳领跑者，有奖励吗", "green_low_carbon_leader", {"national_title": False, "city_title": True}),
    ("国家和北京市的低碳领跑者都拿到了，奖励多少", "green_low_carbon_leader", {"national_title": True, "city_title": True}),
    # --- 23. 先进低碳技术试点 ---
    ("我们的项目被评为市级先进低碳技术试点优秀项目，能拿多少", "green_low_carbon_tech_pilot",
     {"city_pilot_excellent": True}),
    ("低碳技术试点项目没评上优秀，还有奖励吗", "green_low_carbon_tech_pilot", {"city_pilot_excellent": False}),
    # --- 24. 碳中和 ---
    ("首次获得碳中和认证，年度电耗400万度，奖励多少", "green_carbon_neutral_award",
     {"annual_kwh": 4_000_000, "first_certification": True}),
    ("第二次拿到碳中和认证，年用电三百五十万度", "green_carbon_neutral_award",
     {"annual_kwh": 3_500_000, "first_certification": False}),
    # --- 25. 零碳校园 ---
    ("学校打造零碳校园能拿多少奖励", "green_zero_carbon_campus", {"role": "school"}),
    ("学校和承担改造任务的单位一起打造近零碳校园，一共能拿多少", "green_zero_carbon_campus", {"role": "both"}),
    ("我们是承担改造任务的单位，近零碳校园项目能拿多少", "green_zero_carbon_campus", {"role": "contractor"}),
    # --- 第三章 一般条件 ---
    ("我们在西城区注册纳税，没有被列入失信和异常名单，项目自筹没有用区级财政资金，符合绿色低碳申报条件吗",
     "green_general_eligibility",
     {"registered_in_district": True, "pays_tax_in_district": True, "on_dishonesty_list": False,
      "on_abnormal_operation_list": False, "uses_district_funds": False}),
    ("公司注册在海淀，能不能申报绿色低碳奖励，有资格吗", "green_general_eligibility",
     {"registered_in_district": False}),
]  # fmt: skip


@pytest.mark.parametrize(("question", "calculator", "values"), CASES)
def test_routing_and_slots(question, calculator, values):
    intent, _ = best_intent(question)
    assert intent is not None and intent.calculator == calculator, intent and intent.calculator
    got = extract(question, list(intent.slots)).values
    for k, v in values.items():
        assert got.get(k) == v, (k, got)
    assert not any(k.startswith("_guard") for k in got)


def test_every_green_calculator_has_an_intent_and_two_phrasings():
    green = {n for n in load_all() if n.startswith("green_")}
    assert len(green) == 26
    assert green <= {i.calculator for i in load_intents()}
    counts = {n: sum(1 for _, c, _ in CASES if c == n) for n in green}
    assert all(c >= 2 for c in counts.values()), counts


def test_chinese_numeral_before_kilowatt():
    intent, _ = best_intent("装机五百千瓦的光伏能拿多少")
    assert extract("装机五百千瓦的光伏能拿多少", list(intent.slots)).values == {"capacity_kw": 500}


def test_star_label_award_is_not_read_as_a_retrofit_award():
    q = "获得三星级绿色建筑标识，市级奖励了60万元，区里配套多少"
    intent, _ = best_intent(q)
    assert intent.calculator == "green_building_matching"
    assert extract(q, list(intent.slots)).values == {"star_label": "three_star"}


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


def test_consulting_count_without_each_clients_energy_is_not_calculated():
    # "6家500吨以上" states the threshold, not each client's energy use: a list of [500] would wrongly say 1 client.
    intent, _ = best_intent(
        "我们是节能咨询机构，给辖区6家年综合能耗500吨标准煤以上的单位做了节能诊断，能拿奖励吗"
    )
    assert intent is None or intent.calculator != "green_consulting_award"
