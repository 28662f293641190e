"""Routing and slot extraction for the 西科管发〔2024〕1号 fintech intents (assistant/intents/fintech.yaml)."""

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

CASES = [
    # --- 二（一） 开办费用补贴 ---
    ("开办费用补贴核定100万，2024年实收资本缴足，2025年能拿多少", "fintech_startup_installments",
     {"approved_total_yuan": 1_000_000, "paid_in_completion_year": 2024, "payment_year": 2025}),
    ("我们的开办费补贴批了80万元，怎么分年发放", "fintech_startup_installments", {"approved_total_yuan": 800_000}),
    # --- 二（二）1（2） 租房补贴 ---
    ("金科新区企业评为一档，今年房租200万元，第3年租房补贴能拿多少", "fintech_rent_subsidy",
     {"tier": 1, "annual_rent_yuan": 2_000_000, "subsidy_year": 3}),
    ("金融科技公司租房补贴二档，年租金三百万，已经是第2年了", "fintech_rent_subsidy",
     {"tier": 2, "annual_rent_yuan": 3_000_000, "subsidy_year": 2}),
    ("金科企业一档，租了1000平米，其中200平米借给子公司，房租100万", "fintech_rent_subsidy",
     {"tier": 1, "total_area_m2": 1000, "excluded_area_m2": 200, "annual_rent_yuan": 1_000_000}),
    # "二档" is not 2 元 of rent.
    ("金科企业租房补贴评为二档，能拿多少", "fintech_rent_subsidy", {"tier": 2}),
    # --- 二（二）1（1） 购房补贴 ---
    ("金科企业购房补贴核定了300万，办公楼没有出售", "fintech_purchase_subsidy",
     {"assessed_subsidy_yuan": 3_000_000, "disposed_within_hold_period": False}),
    ("买了办公用房，今年核定购房补贴500万，之前已经拿了4800万，第三年", "fintech_purchase_subsidy",
     {"assessed_subsidy_yuan": 5_000_000, "received_before_yuan": 48_000_000, "subsidy_year": 3}),
    ("购房补贴第2年，办公用房已经出租了，核定200万", "fintech_purchase_subsidy",
     {"subsidy_year": 2, "disposed_within_hold_period": True, "assessed_subsidy_yuan": 2_000_000}),
    # --- 二（三）（1） 增资补助 ---
    ("我们公司今年增资2亿元，区级综合贡献600万", "fintech_capital_increase_subsidy",
     {"cumulative_increase_yuan": 2e8, "district_contribution_yuan": 6e6}),
    ("实收资本累计增加了十二亿，对西城区综合贡献六千万元，增资补助能拿多少", "fintech_capital_increase_subsidy",
     {"cumulative_increase_yuan": 1.2e9, "district_contribution_yuan": 6e7}),
    ("增资1,500,000,000元，区级贡献5000万，2024年缴足的", "fintech_capital_increase_subsidy",
     {"cumulative_increase_yuan": 1.5e9, "district_contribution_yuan": 5e7, "paid_in_completion_year": 2024}),
    # --- 二（三）（2） 子公司 ---
    ("新设一家控股子公司，投资5000万元，能补贴多少", "fintech_subsidiary_subsidy",
     {"controlling": True, "investment_yuan": 5e7}),
    ("对参股子公司出资3000万能拿补贴吗", "fintech_subsidiary_subsidy", {"controlling": False, "investment_yuan": 3e7}),
    ("我们出资1.2亿设立全资子公司，2024年实缴完成", "fintech_subsidiary_subsidy",
     {"controlling": True, "investment_yuan": 1.2e8, "contribution_completion_year": 2024}),
    # --- 二（四）末段 合计不超过区综合贡献 ---
    ("开办费用补贴80万，租房补贴150万，区综合贡献200万，合计能拿多少", "fintech_settlement_total_cap",
     {"startup_subsidy_yuan": 800_000, "housing_subsidy_yuan": 1_500_000, "district_contribution_yuan": 2_000_000}),
    ("开办费补贴一百万加上购房补贴三百万，超不超过区级贡献的上限，我们区级贡献二百五十万", "fintech_settlement_total_cap",
     {"startup_subsidy_yuan": 1_000_000, "housing_subsidy_yuan": 3_000_000, "district_contribution_yuan": 2_500_000}),
    # --- 三（二）2 科技创新奖励: the award comes from the intent's fixed inputs ---
    ("我们今年新获得了金融科技发展奖一等奖，能奖励多少", "fintech_innovation_award",
     {"newly_obtained_in_policy_year": True}),
    ("首都金融创新成果奖二等奖是去年获得的，还能拿奖励吗", "fintech_innovation_award",
     {"newly_obtained_in_policy_year": False}),
    ("被认定为国家级金融科技重点实验室能拿多少", "fintech_innovation_award", {}),
    ("入选金融信创优秀解决方案能奖励多少", "fintech_innovation_award", {}),
    # --- 三（二）2（6） 信创共同申报 ---
    ("信创解决方案三家共同申报能拿多少", "fintech_xinchuang_joint_award", {"co_applicants": 3}),
    ("信创优秀解决方案6家联合申报，每年最多奖励多少", "fintech_xinchuang_joint_award", {"co_applicants": 6}),
    # --- 四（二）1 市级资金配套 ---
    ("应用场景项目拿到市级支持资金200万元已经到位，在西城落地，区里配套多少", "fintech_city_fund_matching",
     {"city_funds_yuan": 2e6, "city_funds_fully_disbursed": True, "landed_in_xicheng": True}),
    ("市级资金300万还没拨付完，项目还没落地，配套能拿多少", "fintech_city_fund_matching",
     {"city_funds_yuan": 3e6, "city_funds_fully_disbursed": False, "landed_in_xicheng": False}),
    # --- 五（二）1 创新监管成果转化 ---
    ("创新监管项目通过测试，2024年5月在西城落地，想用2026年的区综合贡献申请，最多支持多少",
     "fintech_regulatory_transfer", {"passed_test": True, "landing_date": "2024-05-01", "chosen_year": 2026}),
    ("监管沙盒项目还没通过测试，落地西城能支持多少", "fintech_regulatory_transfer", {"passed_test": False}),
    # --- 七（一） 产业空间改造提升补贴 ---
    ("楼宇改造投资1000万元，楼宇建筑面积5000平方米，我们是产权单位，能补多少", "fintech_space_upgrade_subsidy",
     {"investment_yuan": 1e7, "building_area_m2": 5000, "applicant": "owner"}),
    ("产业空间改造投资8000万，总建筑面积20000平米，运营主体，经营权15年", "fintech_space_upgrade_subsidy",
     {"investment_yuan": 8e7, "building_area_m2": 20000, "applicant": "operator", "operating_years": 15}),
    # --- 七（一）1（4） 分笔支付 ---
    ("楼宇改造补贴核定了2000万，已经验收合格，入驻面积达到了70%，第一笔已经拿了，今年能拿多少",
     "fintech_space_upgrade_installments",
     {"approved_total_yuan": 2e7, "accepted": True, "occupancy_pct": 70, "tranches_paid": 1}),
    # "第二笔" is not 2 元 of approved subsidy.
    ("楼宇改造补贴第二笔什么时候给，入驻率要多少", "fintech_space_upgrade_installments", {}),
    ("产业空间补贴分几年给，还没验收", "fintech_space_upgrade_installments", {"accepted": False}),
    # --- 八（一） 高管及核心骨干奖励 ---
    ("公司高管年度应税收入80万元，人才奖励能拿多少", "fintech_talent_award",
     {"role": "executive", "taxable_income_yuan": 800_000}),
    ("总经理年薪应纳税所得额80万，劳动合同3年，已经工作2年，能奖励多少", "fintech_talent_award",
     {"role": "executive", "taxable_income_yuan": 800_000, "contract_years": 3, "served_years": 2}),
    ("业务骨干应税收入四百万，合同签了五年，履职2年", "fintech_talent_award",
     {"role": "core", "taxable_income_yuan": 4_000_000, "contract_years": 5, "served_years": 2}),
    # --- 八（一）1（3） 名额 ---
    ("人才奖励高管4人、核心骨干2人，名额够不够", "fintech_talent_quota", {"executives": 4, "core_staff": 2}),
    ("高管3人骨干1人，人才奖励名额符合吗", "fintech_talent_quota", {"executives": 3, "core_staff": 1}),
    # --- 九（一） 国际机构入驻奖励 ---
    ("国际机构首次在西城设立独立法人，评为第一档，能拿多少入驻奖励", "fintech_international_award",
     {"tier": 1, "first_entity_in_xicheng": True}),
    ("境外机构第二档，已经享受了开办费用补贴，入驻奖励还能拿吗", "fintech_international_award",
     {"tier": 2, "received_startup_subsidy": True}),
    # --- 十（二） 高价值专利 ---
    ("我们是中关村知识产权领军企业，今年市级支持60万元，区里专利配套多少", "fintech_patent_matching",
     {"enterprise_type": "leader", "city_funds_yuan": 600_000}),
    ("知识产权示范企业获得市级资金200万，已配套了30万，还能拿多少专利配套", "fintech_patent_matching",
     {"enterprise_type": "demonstration", "city_funds_yuan": 2e6, "matched_this_year_yuan": 300_000}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "calculator", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_routing_and_slots(text, calculator, expected):
    intent, score = best_intent(text)
    assert intent is not None and intent.calculator == calculator, (intent and intent.calculator, score)
    assert extract(text, list(intent.slots)).values == expected


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


def test_fintech_intents_win_over_the_older_fintech_core_entries():
    """fintech.yaml loads before fintech_core.yaml, so on equal scores its (fuller) slot specs are used."""
    for text in ["金融科技企业租房补贴评为二档，能拿多少", "楼宇改造补贴能拿多少", "专利配套能拿多少"]:
        intent, _ = best_intent(text)
        first = next(i for i in load_intents() if i.calculator == intent.calculator)
        assert intent is first, text


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
                    TypeAdapter(fields[spec.name].annotation).validate_python(value)
