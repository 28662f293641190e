"""How people ask (issue 10, sixth dev batch): an estimate to confirm, a verdict on one part only, the day of
the question as the day applied, document and clause numbers that are no figures, a second meal on some days,
a certificate's date that says there is a certificate. Phrasings are our own."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.conversation import Conversation
from assistant.intents import best_intent, load_intents
from assistant.numbers import find_quantities
from assistant.service import Assistant, _estimate_asked
from assistant.slots import extract
from calculators.base import load_all

DAY = date(2024, 5, 12)


@pytest.fixture(scope="module")
def assistant(fake_index):
    return Assistant(fake_index, today=DAY)


def _intent(name):
    return next(i for i in load_intents() if i.calculator == name)


def _values(name: str, text: str) -> dict:
    return extract(text, list(_intent(name).slots), DAY).values


# -- an estimate of one's own amount, asked yes or no in the last clause ---------------------------------


@pytest.mark.parametrize(
    "question, agrees",
    [
        ("我们光伏装机500千瓦，应该能拿60万吧？", True),
        ("我们在西城装了500千瓦光伏，区里是不是给80万？", False),
        ("我们的光伏装机500千瓦，能奖60万吗？", True),
        ("我们光伏装机是500千瓦，估计奖励有70万吧", False),
    ],
)
def test_an_estimate_asked_yes_or_no_is_checked_not_read_as_a_fact(assistant, question, agrees):
    a = assistant.ask(question, Conversation())
    assert a.status == "calculated" and a.calculation.amount_yuan == 600000
    assert a.calculation.inputs["capacity_kw"] == 500
    first = a.answer.split("\n")[0]
    assert ("一致" in first) is agrees and ("不符" in first) is not agrees


@pytest.mark.parametrize(
    "text, asked",
    [
        ("我们光伏装机500千瓦，应该奖60万吧？", True),
        ("去年市里给了120万，区里是不是配套给60万？", True),
        ("去年区里补贴发了30万，今年还能申请吗？", False),  # the amount is a fact of an earlier clause
        ("我们光伏装机500千瓦，能拿多少？", False),
        ("买了3台叉车，每台补5万吗？", True),  # asked, but a rate per item is no claim of the total
    ],
)
def test_an_estimate_is_a_claimed_amount_in_the_last_clause(text, asked):
    assert _estimate_asked(text) is asked


def test_a_rate_per_item_is_not_checked_against_the_total(assistant):
    a = assistant.ask("我们买了3台新能源叉车，每台补5万吗？", Conversation())
    assert "您说的" not in a.answer.split("\n")[0]


# -- document and clause numbers name a rule, not a figure of the case -----------------------------------


@pytest.mark.parametrize(
    "text",
    ["按西发改文〔2024〕82号第五条第3项", "西民发〔2024〕1号第二十一条", "第十条（二）", "依照第4款"],
)
def test_document_and_clause_numbers_are_no_quantities(text):
    assert find_quantities(text) == []


def test_a_figure_next_to_a_reference_is_still_read():
    found = find_quantities("按西科管发〔2024〕1号第十条，我们拿到市级资金80万，买了3台")
    assert [q.value for q in found] == [800000.0, 3.0]


# -- a verdict on one part of the review only ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我是外省户口，在西城开了家小饭馆。单看务工材料这方面，我这个个体户过得了吗？",
        "我是外省户口，在西城开了家小饭馆，是个体户。只论就业材料，能过审核吗？",
        "我是外省户口，我是个体户，就业材料这部分能通过吗？",
        "我是外省户口，他拿营业执照当本人的就业材料，行吗？",
    ],
)
def test_a_question_about_one_parents_work_proof_only_is_read(text):
    assert _values("admission_nonlocal_employment", text).get("father_material_asked") is True


@pytest.mark.parametrize(
    "text, eligible",
    [
        ("我是外省户口，在西城开了家小饭馆，个体户，执照是2023年8月办的，店一直没挪过。只说我自己的就业材料，能过审核吗？", False),
        ("我是外省户口，在西城一家公司当股东，公司2019年成立，注册地一直在西城没迁过，没进过异常名录，我的股东身份一直没变。单看我这边的就业材料，符合吗？", True),
    ],
)  # fmt: skip
def test_one_parents_proof_alone_is_decided_without_the_other_parent(text, eligible):
    values = _values("admission_nonlocal_employment", text)
    result = load_all()["admission_nonlocal_employment"].run(values, DAY)
    assert result.eligible is eligible


# -- the day of the question is the day applied -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "孩子2017年12月生，今天才想起来去入学平台上网上提交申请",
        "外地户口，孩子17年10月出生，现在报还来得及吗",
    ],
)
def test_applying_today_dates_the_application_to_the_day_asked(text):
    values = _values("admission_nonlocal_family", text)
    assert values.get("online_application_date") == DAY.isoformat()


def test_applying_after_the_window_fails_even_with_other_facts_unknown(assistant):
    a = assistant.ask(
        "孩子2017年12月出生，我们全家都是河南户口，在西城上班也住西城。今儿才想起来在平台上提交审核申请，现在报还赶得上今年上小学吗？",
        Conversation(),
    )
    assert a.calculation is not None and a.calculation.eligible is False


# -- a year of rent receipts, said in other words ---------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["租房完税发票的租期超过一年", "发票上的租期是一年多", "完税凭证够1年", "租房发票覆盖了一年以上"]
)
def test_a_year_of_tax_receipts_in_other_words(text):
    assert (
        _values("admission_nonlocal_housing", "外地户口，在西城租房，" + text).get(
            "rent_tax_receipts_full_year"
        )
        is True
    )


@pytest.mark.parametrize(
    "text", ["外地户口，住西城的地下室，这能当居住材料吗？", "外地户口，在西城合租，合租的房子能开材料吗"]
)
def test_a_basement_or_shared_rental_asked_as_proof_goes_to_the_housing_rule(text):
    intent, _ = best_intent(text, load_intents())
    assert intent is not None and intent.calculator == "admission_nonlocal_housing"


# -- a certificate's date says there is a certificate ----------------------------------------------------


@pytest.mark.parametrize(
    "got, route",
    [({"home_certificate_date": "2022-06-01"}, "多校划片"), ({"home_certificate_year": 2023}, "多校划片")],
)
def test_a_home_certificate_after_the_cutoff_moves_to_multi_school_without_asking_about_owning(got, route):
    result = load_all()["admission_primary_route"].run({"hukou_type": "xicheng_personal", **got}, DAY)
    assert result.eligible is False and route in (result.extra or {}).get("入学方式", "")
    assert "guardian_owns_home_in_xicheng" not in (result.extra or {}).get("missing_fields", [])


# -- a second meal on some days is one subsidy a day ------------------------------------------------------


@pytest.mark.parametrize(
    "tail",
    [
        "其中6天午餐晚餐两顿都在那吃",
        "有6天中午、晚上俩餐都去的",
        "有6天是吃了两顿的",
        "其中6天两顿饭都在食堂",
    ],
)
def test_days_with_a_second_meal_are_not_days_of_a_low_spend(tail):
    text = (
        f"我父亲北京户口住西城自己家，低保户，失能了。上个月在父母食堂吃了20天，每顿15块，{tail}。能补多少？"
    )
    values = _values("meal_dining_subsidy", text)
    assert values.get("other_meal_same_day") is True
    result = load_all()["meal_dining_subsidy"].run(values, DAY)
    assert result.amount_yuan == 100
