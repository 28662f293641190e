"""西文旅发〔2024〕3号: facts that bar the measures (第三条, 第十二条（一）, 第十二条（四）3) and "今年再报" (issue 10)."""

from datetime import date

import pytest

from assistant.intents import best_intent, load_intents
from assistant.slots import extract
from calculators.base import load_all


def _run(name: str, text: str, day: date):
    intent = next(i for i in load_intents() if i.calculator == name)
    values = extract(text, list(intent.slots), day).values
    return values, load_all()[name].run(values, day)


@pytest.mark.parametrize(
    "text",
    [
        "我们的博物馆设在海淀区，去年6月在市文物局备案，设立补助能拿吗",
        "民办博物馆开在朝阳，今年备的案，20万补助有吗",
    ],
)
def test_a_museum_outside_xicheng_is_outside_the_measures(text):
    values, result = _run("museum_establishment_award", text, date(2024, 9, 1))
    assert values["located_in_xicheng"] is False
    assert (result.amount_yuan, result.eligible) == (0, False)


def test_the_city_bureau_is_not_a_place_elsewhere():
    values, _ = _run(
        "museum_establishment_award", "博物馆今年5月在市文物局完成设立备案，能拿多少", date(2024, 9, 1)
    )
    assert "located_in_xicheng" not in values


def test_a_museum_not_in_the_national_directory_gets_no_operation_support():
    _, result = _run(
        "museum_operation_support",
        "西城的民办博物馆，运行评估优秀，但我们尚未被列入国家文物局的全国博物馆名录，运行扶持有吗",
        date(2024, 9, 1),
    )
    assert (result.amount_yuan, result.eligible) == (0, False)


def test_a_project_with_district_funding_already_cannot_apply_again():
    _, result = _run(
        "museum_district_exhibition",
        "那个临展已经获得了西城区的文化专项资金支持，博物馆还能申请展览资助吗",
        date(2024, 9, 1),
    )
    assert (result.amount_yuan, result.eligible) == (0, False)


def test_asking_for_district_funding_is_not_having_had_it():
    values, _ = _run(
        "museum_district_exhibition",
        "博物馆去年办了两个展览，花了10万和20万，能拿区级资助吗",
        date(2024, 9, 1),
    )
    assert "project_already_district_funded" not in values


@pytest.mark.parametrize(
    ("asked", "eligible"),
    [(date(2025, 5, 1), True), (date(2026, 5, 1), False)],
)
def test_applying_this_year_is_dated_the_day_of_the_question(asked, eligible):
    _, result = _run(
        "museum_establishment_award",
        "我们博物馆2024年7月在市文物局设立备案，现在申请设立备案补助还来得及吗",
        asked,
    )
    assert result.eligible is eligible


def test_a_museum_education_question_with_opening_days_goes_to_the_education_calculator():
    intent, _ = best_intent(
        "西城民办博物馆去年开放260天，办了3场社教活动，分别花了1万、2万、6000元，区级资助多少"
    )
    assert intent.calculator == "museum_district_education"


def test_matching_and_operation_support_asked_together_add_up():
    intent, _ = best_intent(
        "西城民营博物馆，上年度市里的展览定额资助拿了16万，运行评估合格，匹配资金加运行扶持一共多少"
    )
    assert intent.calculator == "museum_support_total"
    _, result = _run(
        "museum_support_total",
        "西城民营博物馆，上年度市里的展览定额资助拿了16万，运行评估合格，匹配资金加运行扶持一共多少",
        date(2024, 9, 1),
    )
    assert result.amount_yuan == 130000


def test_city_funding_already_got_is_not_district_funding_already_got():
    values, _ = _run(
        "museum_district_education", "博物馆已经获得市级资助想申请区级社教资助，活动花了2万", date(2024, 9, 1)
    )
    assert "project_already_district_funded" not in values
