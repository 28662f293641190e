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


# -- issue 10, second dev batch: classes --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "本馆在西城，市文物局备过案，但到现在还没有被列入国家文物局公布的全国博物馆名录，能申报吗",
        "我们博物馆在西城，尚未列入国家文物局那份全国博物馆名录，可以申请扶持资金吗",
    ],
)
def test_a_directory_denied_far_from_its_negator_fails_the_application(text):
    values, result = _run("museum_application_eligibility", text, date(2024, 9, 1))
    assert values["in_national_directory"] is False
    assert result.eligible is False


@pytest.mark.parametrize(
    ("text", "calculator"),
    [
        (
            "我们馆去年没拿市级定额资助，今年办的两个展览分别花了10万、30万，区里能补多少",
            "museum_district_exhibition",
        ),
        ("本馆上年度没有获得市级资助，两场展览实际花费6万和8万，区级资助多少", "museum_district_exhibition"),
        (
            "去年没拿到市级定额资助，三个社教活动分别花了2万、0.6万、1万，区里给多少",
            "museum_district_education",
        ),
    ],
)
def test_the_museum_named_as_our_hall_or_by_the_documents_own_terms_is_routed(text, calculator):
    intent, _ = best_intent(text)
    assert intent is not None and intent.calculator == calculator


def test_city_funding_received_without_an_amount_rules_out_district_project_funding():
    values, result = _run(
        "museum_support_total",
        "我们博物馆去年的展览拿到了市级定额资助，也有匹配资金，这批展览还能申请区级的展览资助吗",
        date(2024, 9, 1),
    )
    assert values["received_city_funding_last_year"] is True
    assert (result.amount_yuan, result.eligible) == (0, False)
