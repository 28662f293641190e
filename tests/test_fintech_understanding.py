"""Issue 10 for 西科管发〔2024〕1号: everyday wording → the fintech calculators' facts → the right amount or verdict.

Each test is a class of understanding (the instalment asked for, relative years, several items, stated failing
facts, several awards), over phrasings written here, run through best_intent + extract + the calculator."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.intents import best_intent
from assistant.numbers import find_quantities, find_relative_years
from assistant.slots import SlotSpec, extract
from calculators.base import load_all

DAY = date(2024, 6, 1)


def run(question: str, today: date = DAY):
    """The calculator the question routes to, the facts read, and its result."""
    intent, _ = best_intent(question)
    assert intent is not None, question
    values = extract(question, list(intent.slots), today).values
    result = load_all()[intent.calculator].run({**intent.fixed, **values}, today)
    return intent.calculator, values, result


# ---------------------------------------------------------------- shared readers


@pytest.mark.parametrize(
    ("text", "value"),
    [("十二个亿", 1.2e9), ("3个亿", 3e8), ("两个亿的增资", 2e8), ("1.5个亿", 1.5e8)],
)
def test_spoken_ge_before_yi_is_read(text, value):
    assert find_quantities(text)[0].value == value


@pytest.mark.parametrize(
    ("text", "year"),
    [("大前年开始", 2021), ("前年缴齐", 2022), ("去年", 2023), ("今年", 2024), ("明年", 2025), ("后年", 2026),
     ("五年前注册", 2019), ("10年前成立", 2014)],
)  # fmt: skip
def test_relative_years_resolve_against_the_day_asked(text, year):
    (q,) = find_relative_years(text, DAY)
    assert (q.value, q.unit) == (year, "calendar_year")


def test_a_relative_year_needs_its_cue_and_a_date_needs_a_today():
    spec = SlotSpec("paid", "?", unit="calendar_year", cues=("缴齐",))
    assert extract("今年房租很贵，实收资本前年缴齐", [spec], DAY).values == {"paid": 2022}
    assert extract("今年房租很贵", [spec], DAY).values == {}
    assert extract("前年缴齐", [spec]).values == {}  # no day to resolve it against


def test_a_many_slot_with_cues_takes_the_numbers_nearest_its_cues_and_add_up_sums_them():
    total = SlotSpec("total", "?", unit="m2", cues=("租了",))
    out = SlotSpec("out", "?", unit="m2", cues=("食堂", "母公司"), many=True, add_up=True)
    text = "我们租了2500平，其中400平当食堂，另有100平给母公司用"
    assert extract(text, [total, out]).values == {"total": 2500, "out": 500}
    boss = SlotSpec("boss", "?", unit="yuan", cues=("总裁", "副总"), many=True)
    staff = SlotSpec("staff", "?", unit="yuan", cues=("骨干",), many=True)
    text = "总裁收入500万，副总300万；骨干一位90万，另一位120万"
    assert extract(text, [boss, staff]).values == {"boss": [5e6, 3e6], "staff": [9e5, 1.2e6]}


def test_a_multi_slot_lists_every_category_stated_and_not_denied():
    spec = SlotSpec("kinds", "?", multi=True, patterns=(("a", ("苹果",)), ("b", ("香蕉",)), ("c", ("橘子",))))
    assert extract("买了苹果和橘子，没买香蕉", [spec]).values == {"kinds": ["a", "c"]}
    assert extract("什么都没有", [spec]).values == {}


# ---------------------------------------------------------------- (1) the instalment asked for


@pytest.mark.parametrize(
    ("question", "amount"),
    [
        # 40/30/30 of the 1000万 upper band
        ("实收资本累计增资11亿，兑现年度对区里综合贡献5500万，增资补助头一年能拿多少", 4e6),
        ("增资了十五个亿，区综合贡献七千万，增资补助第三笔有多少", 3e6),
        # an approved total, paid in relative years
        ("增资补助核定了100万，实收资本去年缴清的，今年这笔拿多少", 3e5),
        ("增资补助批下来80万，增资款今年刚缴齐，今年这笔能拿多少", 3.2e5),
        # subsidiary 10% of 2000万 = 200万, second year 30%
        ("新设了一家全资子公司，实缴出资2000万，子公司补助第二年拿多少", 6e5),
        # start-up subsidy
        ("开办费补贴核定了50万，实收资本前年缴足，今年能拿多少", 1.5e5),
    ],
)
def test_the_instalment_asked_for_is_computed_not_the_total(question, amount):
    _, _, result = run(question)
    assert result.amount_yuan == amount, result.steps


def test_an_instalment_year_past_the_plan_gives_nothing():
    _, _, result = run("开办费补贴核定60万，实收资本2019年就缴足了，今年还能拿多少")
    assert (result.amount_yuan, result.eligible) == (0, False)


# ---------------------------------------------------------------- (2) quantities and several items


def test_rent_subsidy_counts_only_the_own_office_area():
    _, values, result = run(
        "金科企业评为二档，整层租了2000平，年房租600万，其中300平是食堂、200平借给母公司，第一年"
    )
    assert values["excluded_area_m2"] == 500
    assert result.amount_yuan == 6e6 * 1500 / 2000 * 0.3


def test_rent_subsidy_years_at_full_rate_use_up_the_cumulative_cap():
    _, _, result = run("一档金融科技企业，每年房租4000万，头两年的租房补贴都按50%拿满了，第三年还能补多少")
    assert result.amount_yuan == 1e7


def test_city_payments_in_one_year_add_up_under_the_patent_cap():
    _, values, result = run(
        "我们是中关村知识产权示范企业，今年市里先后给了两笔支持，一笔30万、一笔40万，专利配套多少"
    )
    assert values["city_funds_yuan"] == 7e5
    assert result.amount_yuan == 3.5e5


def test_several_awards_in_one_year_pay_only_the_highest():
    calc, values, result = run(
        "去年同时拿了金融科技发展奖二等奖和首都金融创新成果奖三等奖，证书都是去年发的，报2023年度兑现"
    )
    assert calc == "fintech_innovation_award"
    assert set(values["awards"]) == {"fintech_dev_second", "capital_innovation_third"}
    assert (result.amount_yuan, result.eligible) == (5e5, True)


def test_talent_awards_per_person_under_the_headcount_rule():
    question = (
        "公司给董事长、总经理申报人才奖励，合同都是三年以上、都已满一年：董事长应税收入200万，总经理900万，"
        "另有三个核心骨干，各自收入100万、500万、300万，合计最多能拿多少"
    )
    calc, values, result = run(question)
    assert calc == "fintech_talent_award_total"
    assert values["executive_incomes_yuan"] == [2e6, 9e6]
    assert values["core_incomes_yuan"] == [1e6, 5e6, 3e6]
    # 2 executives: 30万 + 100万 (cap); they allow one core member: 500万 × 8% = 40万 → 30万 (cap)
    assert result.amount_yuan == 1.6e6


# ---------------------------------------------------------------- (3) a stated failing fact gives 0 with the clause


@pytest.mark.parametrize(
    ("question", "calculator"),
    [
        ("我们是外地总公司在西城的分公司，不是独立法人，能拿金科的租房补贴吗", "fintech_rent_subsidy"),
        ("租房补贴从大前年开始享受，一直拿到去年，今年二档企业还能申请租房补贴吗", "fintech_rent_subsidy"),
        ("金融科技企业租房补贴，换了办公地址但事先没有书面报备，新地方还补吗", "fintech_rent_subsidy"),
        (
            "去年买的办公用房拿了购房补贴，现在想把一层出租给别的公司，补贴会受影响吗",
            "fintech_purchase_subsidy",
        ),
        ("公司十年前在西城注册的，一直没搬过，能拿开办费补贴吗", "fintech_startup_installments"),
        ("我们对一家新公司出资3000万，只是参股并不控股，子公司补助能拿多少", "fintech_subsidiary_subsidy"),
        ("示范应用项目市级资金500万已全部到位，项目落在海淀，区里配套多少", "fintech_city_fund_matching"),
        (
            "示范应用项目市里批了300万，目前只拨了一半，项目在西城落地，能申请配套吗",
            "fintech_city_fund_matching",
        ),
        ("我们入选了金融信创优秀解决方案，是一套自助终端机具方案，能拿奖励吗", "fintech_innovation_award"),
        (
            "首都金融创新成果奖一等奖的证书是2022年发的，现在报2023年度兑现，能拿吗",
            "fintech_innovation_award",
        ),
        ("我今年3月才入职当副总，合同签了五年，能申请高管奖励吗", "fintech_talent_award"),
    ],
)
def test_a_stated_failing_fact_gives_zero(question, calculator):
    calc, _, result = run(question)
    assert calc == calculator
    assert result.eligible is False and result.amount_yuan in (0, None) or result.eligible is False, (
        result.steps
    )
    assert any("条件不满足" in s or "不予" in s or "不在" in s for s in result.steps), result.steps


def test_the_same_facts_stated_positively_do_not_fail():
    _, _, result = run("我们是独立法人，金科企业一档，房租200万，第一年租房补贴多少")
    assert (result.amount_yuan, result.eligible) == (1e6, True)
    _, _, result = run("示范应用项目市级资金200万已全部到位，项目在西城落地，区里配套多少")
    assert (result.amount_yuan, result.eligible) == (1e6, True)
    _, _, result = run("入选了金融信创优秀解决方案，不是终端机具类也不是办公管理类，今年新获得的，奖多少")
    assert (result.amount_yuan, result.eligible) == (1e5, True)


def test_a_startup_subsidy_on_top_of_the_international_award_is_refused():
    calc, _, result = run("国际组织首次在西城设立独立法人，评了500万那档入驻奖励，开办费补贴还能一并申请吗")
    assert calc == "fintech_international_award"
    assert result.eligible is False and any("不重复享受" in s for s in result.steps)


def test_first_year_is_the_ordinal_one_but_a_lone_yi_is_not_a_number():
    assert [(q.value, q.unit) for q in find_quantities("第一年租房补贴")] == [(1, "year")]
    assert find_quantities("一年房租") == [] and find_quantities("第一笔") == []


# ---------------------------------------------------------------- issue 10, second dev batch: classes


@pytest.mark.parametrize(
    "q",
    [
        "我们的金融科技创新中心拿的是市金融监管局的认定，并不是人行那个国家级的，奖励多少？",
        "金融科技创新中心是市金融监管局认定的（不是国家级），一次性奖励能给多少？",
    ],
)
def test_a_level_named_to_deny_it_does_not_exclude_the_other_level(q):
    calc, values, result = run(q)
    assert calc == "fintech_innovation_award"
    assert result.amount_yuan == 5_000_000


@pytest.mark.parametrize(
    "q",
    [
        "公司改造一栋2500平方米的写字楼，我们是产权方，能拿产业空间补贴吗？",
        "楼宇改造补贴：整栋楼总建筑面积才1800平米，产权单位是我们，能申请吗？",
    ],
)
def test_a_stated_area_below_the_minimum_fails_before_the_investment_is_asked(q):
    calc, _, result = run(q)
    assert calc == "fintech_space_upgrade_subsidy"
    assert (result.amount_yuan, result.eligible) == (0, False)


@pytest.mark.parametrize(
    "q",
    [
        "境外一家金融机构首次在西城设了独立法人，之前已经领过新设企业的开办费补贴了，国际机构入驻奖励还能拿吗？",
        "外资机构首次在西城设立独立法人，已经享受了二（一）那个开办费补贴，机构入驻奖励还有份吗？",
    ],
)
def test_a_stated_startup_subsidy_rules_out_the_international_award_without_asking_the_tier(q):
    calc, _, result = run(q)
    assert calc == "fintech_international_award"
    assert (result.amount_yuan, result.eligible) == (0, False)


@pytest.mark.parametrize(
    "q",
    [
        "金科企业换了办公楼，搬家前忘了向西城园管委会递交书面报备材料，新址房租还补吗？",
        "我们是金融科技公司，新办公室搬过去之前没有提前一个月向管委会做书面报备，租房补贴还有吗？",
    ],
)
def test_an_office_move_not_reported_ends_the_rent_subsidy(q):
    calc, values, result = run(q)
    assert calc == "fintech_rent_subsidy"
    assert values["office_change_reported"] is False
    assert result.eligible is False


def test_excluded_spaces_stated_by_their_rent_are_taken_off_and_the_contribution_is_not_a_rent():
    q = (
        "金融科技企业租房补贴，评的二档，全年房租500万，其中食堂那部分40万，借给母公司用的一块60万，"
        "我们的区综合贡献有三千多万，能补多少？"
    )
    calc, values, result = run(q)
    assert calc == "fintech_rent_subsidy"
    assert values["excluded_rent_yuan"] == 1_000_000
    assert result.amount_yuan == pytest.approx(4_000_000 * 0.3)


def test_the_instalment_already_paid_is_not_the_one_asked_for():
    q = (
        "我们2022年从朝阳迁来西城，开办费补贴核定200万，实收资本去年缴足，第一笔去年已经拿了，"
        "综合贡献远超补贴，今年第二笔能拿多少？"
    )
    calc, values, result = run(q)
    assert calc == "fintech_startup_installments"
    assert values["instalment_no"] == 2
    assert result.amount_yuan == pytest.approx(2_000_000 * 0.3)


@pytest.mark.parametrize("verb", ["改成", "改建成", "翻新成"])
def test_everyday_words_for_the_renovation_reach_the_instalments(verb):
    q = (
        f"2万平方米的老旧厂房{verb}办公楼，我们是产权单位，投资8000万已付清并验收，入驻面积到了70%，"
        "第一笔已经拿了，第二笔最多多少？"
    )
    calc, values, result = run(q)
    assert calc == "fintech_space_upgrade_installments"
    assert values["building_area_m2"] == 20_000
    # 8000万×30% = 2400万 < 2万㎡×1500 = 3000万; the second tranche is 30%
    assert result.amount_yuan == pytest.approx(80_000_000 * 0.3 * 0.3)
